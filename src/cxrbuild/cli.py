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

# the module of each command; each defines register(subparsers), which adds that one command.
# Only the module of the command asked for is imported, so `deid-reports` does not pay for
# pydicom, pandas and the image code (tests/test_cli.py checks the table against register()).
COMMAND_MODULES = {
    "synth": "cxrbuild.synth.command",
    "deid-images": "cxrbuild.batches.command",
    "deid-reports": "cxrbuild.text.command",
    "verify": "cxrbuild.publish.command",
    "audit": "cxrbuild.audit.command",
    "fetch-dicomweb": "cxrbuild.dicomweb",
}


def build_parser(argv: list[str] | None = None) -> argparse.ArgumentParser:
    """The command line; with ``argv`` naming a command first, only that command's module is loaded."""
    parser = argparse.ArgumentParser(
        prog="cxrbuild",
        description="Build a de-identified MIMIC-CXR-style release from a hospital's EHR and PACS.",
    )
    parser.add_argument("--version", action="version", version=f"cxrbuild {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    wanted = [argv[0]] if argv and argv[0] in COMMAND_MODULES else list(COMMAND_MODULES)
    for command in wanted:
        importlib.import_module(COMMAND_MODULES[command]).register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = build_parser(argv)
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
