"""``cxrbuild verify RELEASE_DIR``: check a release against contracts.md section 2."""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from cxrbuild.contract import INDEX_YEARS
from cxrbuild.publish.verify import MAX_LISTED, verify_release
from cxrbuild.util.errors import CxrbuildError


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "verify",
        help="check a release against the MIMIC-CXR v2.0.0 layout (non-zero exit on any violation)",
        description="Check ids, layout, lists, archives, SHA256SUMS and dates "
                    f"({INDEX_YEARS[0]}-{INDEX_YEARS[1]}) of a release.",
    )
    parser.add_argument("release_dir", type=Path, metavar="RELEASE_DIR")
    parser.add_argument("--work-dir", type=Path, default=None,
                        help="the private work area of the build: also check that intervals are kept "
                             "(dates moved by each patient's shift) and that the crosswalk is owner-only")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    if not args.release_dir.is_dir():
        raise CxrbuildError(f"{args.release_dir}: release folder not found")
    if args.work_dir is not None and not args.work_dir.is_dir():
        raise CxrbuildError(f"{args.work_dir}: work folder not found")
    started = time.monotonic()
    problems = verify_release(args.release_dir, args.work_dir)
    elapsed = time.monotonic() - started
    if problems:
        for message in problems.items[:MAX_LISTED]:
            print(f"violation: {message}", file=sys.stderr)
        if problems.total > MAX_LISTED:
            print(f"... and {problems.total - MAX_LISTED} more", file=sys.stderr)
        print(f"cxrbuild verify: {args.release_dir}: {problems.total} violation(s) in {elapsed:.1f}s",
              file=sys.stderr)
        return 1
    print(f"cxrbuild verify: {args.release_dir}: conforms in {elapsed:.1f}s")
    return 0
