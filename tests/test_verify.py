"""`cxrbuild verify`: a conforming release passes; each kind of violation is caught and named."""

from __future__ import annotations

import gzip
import shutil
from pathlib import Path

import pytest
from pydicom import dcmread
from test_package import DICOM_IDS, STUDY_OK, SUBJECT, make_release, write_card

from cxrbuild import contract
from cxrbuild.cli import main
from cxrbuild.publish.package import write_sha256sums
from cxrbuild.publish.verify import verify_release

IMAGE = contract.image_path(SUBJECT, STUDY_OK, DICOM_IDS[0])
REPORT = contract.report_path(SUBJECT, STUDY_OK)


@pytest.fixture(scope="module")
def good_release(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("verify")
    make_release(root / "batches", root / "release")
    return root / "release"


@pytest.fixture
def release(good_release: Path, tmp_path: Path) -> Path:
    copy = tmp_path / "release"
    shutil.copytree(good_release, copy)
    return copy


def write_sums_and_card(release: Path) -> None:
    write_sha256sums(release)
    write_card(release)


def messages(release: Path) -> list[str]:
    return verify_release(release).items


def test_a_conforming_release_passes_and_exits_zero(release: Path, capsys) -> None:
    assert messages(release) == []
    assert main(["verify", str(release)]) == 0
    assert "conforms" in capsys.readouterr().out


def test_a_violation_exits_non_zero_listing_it(release: Path, capsys) -> None:
    (release / REPORT).write_text("changed")
    assert main(["verify", str(release)]) == 1
    assert f"{REPORT}: SHA-256 differs" in capsys.readouterr().err


def test_a_subject_id_out_of_range_is_caught(release: Path) -> None:
    bad = release / "files" / "p20" / "p20000000" / "s50414267.txt"
    bad.parent.mkdir(parents=True)
    bad.write_text("x")
    assert any("subject_id 20000000 outside" in m for m in messages(release))


def test_a_study_id_out_of_range_and_a_wrong_shard_are_caught(release: Path) -> None:
    bad = release / "files" / "p11" / "p10000032" / "s40000000.txt"
    bad.parent.mkdir(parents=True)
    bad.write_text("x")
    found = messages(release)
    assert any("study_id 40000000 outside" in m for m in found)
    assert any("shard folder p11 is not p10" in m for m in found)


def test_an_image_missing_from_the_record_list_is_caught(release: Path) -> None:
    extra = release / contract.image_path(SUBJECT, STUDY_OK, DICOM_IDS[1])
    shutil.copy(release / IMAGE, extra)
    write_sums_and_card(release)
    assert any("image not in cxr-record-list.csv.gz" in m for m in messages(release))


def test_a_listed_file_that_is_absent_is_caught(release: Path) -> None:
    (release / IMAGE).unlink()
    write_sums_and_card(release)
    found = messages(release)
    assert any(f"lists {IMAGE}, which is not in the release" in m for m in found)


def test_unsorted_or_renamed_list_columns_are_caught(release: Path) -> None:
    (release / contract.STUDY_LIST).write_bytes(gzip.compress(f"subject,study,path\n{SUBJECT},{STUDY_OK},{REPORT}\n".encode()))
    write_sums_and_card(release)
    assert any("cxr-study-list.csv.gz: columns" in m for m in messages(release))


def test_a_report_date_outside_2100_2200_is_caught(release: Path) -> None:
    (release / REPORT).write_text("Compared with the study of March 3, 2014.")
    write_sums_and_card(release)
    found = messages(release)
    assert any("date 'March 3, 2014' outside 2100-2200" in m for m in found)
    assert any("differs from the released file" in m for m in found)  # the archive still holds the old text


def test_a_dicom_date_outside_2100_2200_is_caught_even_nested(release: Path) -> None:
    from pydicom.dataset import Dataset
    from pydicom.sequence import Sequence

    ds = dcmread(release / IMAGE)
    item = Dataset()
    item.ObservationDateTime = "20140304101500"
    ds.ContentSequence = Sequence([item])
    ds.save_as(release / IMAGE)
    write_sums_and_card(release)
    assert any("ObservationDateTime 20140304101500 outside" in m for m in messages(release))


def test_a_private_work_file_in_the_release_is_caught(release: Path) -> None:
    (release / "crosswalk.parquet").write_bytes(b"PAR1")
    write_sums_and_card(release)
    assert any("private work file in the release" in m for m in messages(release))


def test_missing_checksums_entry_is_caught(release: Path) -> None:
    (release / "notes.md").write_text("added after packaging")
    assert any("notes.md: not in SHA256SUMS.txt" in m for m in messages(release))


def test_verify_of_a_missing_folder_is_a_one_line_error(tmp_path: Path, capsys) -> None:
    assert main(["verify", str(tmp_path / "nothing")]) == 2
    assert capsys.readouterr().err.strip().count("\n") == 0


def test_a_missing_or_stale_data_card_is_caught(release: Path) -> None:
    (release / contract.RECORD_LIST).write_bytes((release / contract.RECORD_LIST).read_bytes())
    write_sha256sums(release)  # the checksums changed order-free, the card stays: still equal digest
    assert messages(release) == []
    (release / "files" / "extra.txt").write_text("x")
    write_sha256sums(release)  # new checksums, old card
    assert any("README.md: does not record the SHA-256" in m for m in messages(release))
    (release / contract.DATA_CARD).unlink()
    assert any(m == "README.md: missing" for m in messages(release))
