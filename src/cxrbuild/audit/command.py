"""`cxrbuild audit RELEASE_DIR --ehr URL`: the leak scan of a release (``cxrbuild.audit.release_audit``).

Exit status 1 when a finding of the failing rank (default: confirmed) exists or
a released file could not be read entirely (fail closed), 0 otherwise, 2 on bad input.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from cxrbuild.audit import release_audit
from cxrbuild.audit.findings import CONFIRMED, RANKS, FindingFiles
from cxrbuild.audit.release_audit import run_audit
from cxrbuild.util.paths import check_output_file
from cxrbuild.util.progress import setup_logging


def _command(args: argparse.Namespace) -> int:
    if args.log:
        check_output_file(args.log, "log")
    setup_logging(args.log, verbose=args.verbose)
    verdict = run_audit(
        Path(args.release_dir),
        args.ehr,
        findings_files=FindingFiles.in_folder(args.out) if args.out else None,
        crosswalk=Path(args.crosswalk) if args.crosswalk else None,
        work_dir=Path(args.work_dir) if args.work_dir else None,
        queries_dir=Path(args.queries) if args.queries else None,
        ocr=not args.no_ocr,
        fail_on=args.fail_on,
    )
    print(verdict.summary)
    if verdict.failed and not args.out:
        print("audit: run with --out DIR to keep the ranked findings (JSON, CSV, summary)")
    return verdict.status


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "audit",
        help="search a release for the EHR's identifiers (non-zero exit on a confirmed finding)",
        description=release_audit.__doc__.split("\n\n")[1],
    )
    parser.add_argument("release_dir", metavar="RELEASE_DIR", help="the release to audit")
    parser.add_argument("--ehr", required=True, metavar="URL", help="SQLAlchemy URL of the EHR database")
    parser.add_argument("--crosswalk", metavar="FILE",
                        help="the private crosswalk (Parquet/CSV with an mrn column): audit the released patients")
    parser.add_argument("--work-dir", metavar="DIR", help="the private work area holding the crosswalk")
    parser.add_argument("--queries", metavar="DIR",
                        help="folder with audit_*.sql replacing the default EHR queries (another schema)")
    parser.add_argument("--out", metavar="DIR", help="write findings.json, findings.csv, summary.md here")
    parser.add_argument("--no-ocr", action="store_true", help="do not re-read the pixels' text by OCR")
    parser.add_argument("--fail-on", choices=RANKS, default=CONFIRMED,
                        help="lowest finding rank that fails the audit (default: confirmed)")
    parser.add_argument("--log", metavar="FILE", help="also write the log to this file")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress details")
    parser.set_defaults(func=_command)
