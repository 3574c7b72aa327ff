"""``cxrbuild synth``: write the demo hospital (EHR, PACS export, truth)."""

from __future__ import annotations

import argparse
from pathlib import Path

from cxrbuild.util.errors import CxrbuildError
from cxrbuild.util.paths import check_output_file, check_output_folder
from cxrbuild.util.progress import setup_logging


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "synth",
        help="write a synthetic hospital: EHR database, PACS export and truth files",
        description=(
            "Write DIR/ehr.sqlite (the reference EHR schema), DIR/pacs/ (DICOM files with PHI in "
            "headers and burned into pixels, plus the odd files real exports hold) and DIR/truth/ "
            "(where every PHI value went). The same seed gives byte-identical output."
        ),
    )
    parser.add_argument("--out", required=True, type=Path, metavar="DIR", help="output directory (must not exist or be empty)")
    parser.add_argument("--patients", type=int, default=40, metavar="N", help="number of patients (default 40)")
    parser.add_argument("--seed", type=int, default=0, metavar="S", help="random seed (default 0)")
    parser.add_argument(
        "--image-size", choices=("small", "full"), default="small",
        help="small: ~512 px images (default); full: 2,000-3,000 px",
    )
    parser.add_argument(
        "--headers-only", action="store_true",
        help="tiny pixel data and no burned-in text: full-scale hospitals for scale tests",
    )
    parser.add_argument("--workers", type=int, default=None, metavar="N", help="worker processes (default: up to 2)")
    parser.add_argument("--overwrite", action="store_true", help="replace DIR if it already holds files")
    parser.add_argument("--log", type=Path, default=None, metavar="FILE", help="log file (default DIR.synth.log beside DIR)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress details to the screen")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from cxrbuild.synth.build import check_request, generate

    log_file = args.log or args.out.parent / f"{args.out.name}.synth.log"
    # checked before the log is opened: a refused request leaves nothing behind
    check_request(args.out, args.patients, args.image_size, args.overwrite)
    check_output_folder(args.out, "output folder")
    check_output_file(log_file, "log")
    try:
        setup_logging(log_file, verbose=args.verbose)
        generate(
            args.out,
            patients=args.patients,
            seed=args.seed,
            image_size=args.image_size,
            headers_only=args.headers_only,
            workers=args.workers,
            overwrite=args.overwrite,
        )
    except OSError as err:  # disk full, permissions: one line, and generate() left nothing behind
        name = err.filename or args.out
        raise CxrbuildError(f"{name}: {err.strerror or err}") from err
    return 0
