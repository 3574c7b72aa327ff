"""The command line: one module per command, loaded only when that command is asked for."""

from __future__ import annotations

import argparse
import importlib
import subprocess
import sys

from cxrbuild.cli import COMMAND_MODULES, build_parser


def test_each_command_module_registers_exactly_its_command() -> None:
    for command, module in COMMAND_MODULES.items():
        parser = argparse.ArgumentParser()
        sub = parser.add_subparsers(dest="command")
        importlib.import_module(module).register(sub)
        assert list(sub.choices) == [command], module


def test_the_help_lists_every_command() -> None:
    parser = build_parser([])
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    assert list(sub.choices) == list(COMMAND_MODULES)


def test_deid_reports_loads_neither_the_image_code_nor_pandas() -> None:
    probe = (
        "import sys; from cxrbuild.cli import build_parser; build_parser(['deid-reports', 'a', 'b']); "
        "print(sorted(m for m in ('pydicom', 'pandas', 'cxrbuild.dicom', 'cxrbuild.synth.build') if m in sys.modules))"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"
