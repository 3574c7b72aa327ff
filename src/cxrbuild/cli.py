"""The `cxrbuild` console script.

Each command lives in its own module, which exposes ``register(subparsers)``;
this file only wires them together, so commands stay independent.
Every command exits non-zero with a one-line reason on bad input.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from cxrbuild import __version__
from cxrbuild.util.errors import CxrbuildError

# module path of each command group; each defines register(subparsers)
COMMAND_MODULES = (
    "cxrbuild.synth.command",
    "cxrbuild.batches.command",
    "cxrbuild.text.command",
    "cxrbuild.publish.command",
    "cxrbuild.audit.command",
    "cxrbuild.dicomweb",
)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="cxrbuild",
        description="Build a de-identified MIMIC-CXR-style release from a hospital's EHR and PACS.",
    )
    parser.add_argument("--version", action="version", version=f"cxrbuild {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for name in COMMAND_MODULES:
        importlib.import_module(name).register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.func(args) or 0)
    except CxrbuildError as err:
        print(f"cxrbuild {args.command}: error: {err}", file=sys.stderr)
        return 2
    except OSError as err:  # a place the checks did not foresee: still one line naming the path
        where = err.filename or "cxrbuild"
        print(f"cxrbuild {args.command}: error: {where}: {err.strerror or err}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print(f"cxrbuild {args.command}: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
