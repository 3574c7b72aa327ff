"""The release layout's top-level files, known from the files a workflow rule declares."""

from __future__ import annotations

from pathlib import Path

import pytest

from cxrbuild.contract import ReleaseFiles


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
