"""The release contract has one home: its ranges and names are written in cxrbuild.contract only."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
import yaml

from cxrbuild import contract
from cxrbuild.contract import ReleaseFiles
from cxrbuild.ids import ShiftSettings

SRC = Path(contract.__file__).parent
REPO = SRC.parent.parent
RANGE_BOUNDS = {*contract.SUBJECT_RANGE, *contract.STUDY_RANGE, *contract.INDEX_YEARS}
RELEASE_NAMES = (contract.RECORD_LIST, contract.STUDY_LIST, contract.CHECKSUMS,
                 contract.reports_archive(""), contract.reports_archive("", ".zip"))


def code_constants(path: Path) -> list[tuple[int, object]]:
    """The literal values of a module's code (docstrings left out), with their lines."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docstrings = {id(node.body[0].value) for node in ast.walk(tree)
                  if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
                  and node.body and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant)}
    return [(node.lineno, node.value) for node in ast.walk(tree)
            if isinstance(node, ast.Constant) and id(node) not in docstrings]


def test_id_ranges_years_and_release_file_names_are_written_in_the_contract_module_only() -> None:
    written_elsewhere = []
    for path in sorted(SRC.rglob("*.py")):
        # the synthetic hospital numbers its own records (accessions, lab values), not the release's
        if path.name == "contract.py" or "synth" in path.relative_to(SRC).parts:
            continue
        for line, value in code_constants(path):
            if (isinstance(value, int) and not isinstance(value, bool) and value in RANGE_BOUNDS) or (
                    isinstance(value, str) and any(name in value for name in RELEASE_NAMES)):
                written_elsewhere.append(f"{path.relative_to(SRC)}:{line}: {value!r}")
    assert written_elsewhere == []


def test_the_config_defaults_of_the_index_years_are_the_contract_s() -> None:
    schema = yaml.safe_load((REPO / "workflow" / "schemas" / "config.schema.yaml").read_text())
    ids = schema["properties"]["ids"]["properties"]
    assert (ids["index_year_min"]["default"], ids["index_year_max"]["default"]) == contract.INDEX_YEARS
    assert (ShiftSettings().year_min, ShiftSettings().year_max) == contract.INDEX_YEARS


def test_a_release_is_known_by_the_files_its_rule_declares(tmp_path: Path) -> None:
    release = ReleaseFiles.declared("cxr", checksums=tmp_path / "SHA256SUMS.txt",
                                    reports_archive=str(tmp_path / "cxr-reports.tar.gz"))
    assert release == ReleaseFiles(tmp_path, "cxr")
    assert release.record_list == tmp_path / "cxr-record-list.csv.gz"
    assert release.reports_zip == tmp_path / "cxr-reports.zip"
    assert release.data_card == tmp_path / "README.md"


@pytest.mark.parametrize("declared", [
    {"checksums": "release/SHA256SUMS.txt", "record_list": "elsewhere/cxr-record-list.csv.gz"},
    {"checksums": "release/sha256sums.txt"},
    {"checksums": "release/SHA256SUMS.txt", "reports_archive": "release/mimic-cxr-reports.tar.gz"},
])
def test_a_file_not_of_the_layout_is_refused(declared: dict) -> None:
    with pytest.raises(ValueError, match="not the release's"):
        ReleaseFiles.declared("cxr", **declared)
