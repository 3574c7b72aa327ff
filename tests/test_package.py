"""Packaging: byte-reproducible lists and archives, and released = cohort - quarantine."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import os
import tarfile
from pathlib import Path

import pandas as pd
import pytest
from pydicom.dataset import FileMetaDataset
from pydicom.uid import ExplicitVRLittleEndian, generate_uid

from cxrbuild import contract
from cxrbuild.publish.package import build_release, gzip_bytes, tar_gz_bytes
from cxrbuild.util.errors import CxrbuildError

SUBJECT, STUDY_OK, STUDY_BAD_REPORT = "10000032", "50414267", "50000001"
DICOM_IDS = ("02aa804e-bde0afdd-112c0b34-7bc16630-4e384014", "0a0b0c0d-11111111-22222222-33333333-44444444",
             "ffffffff-00000000-11111111-22222222-33333333")


def write_dicom(path: Path, study_date: str = "21500102") -> None:
    from pydicom.dataset import Dataset

    ds = Dataset()
    ds.file_meta = FileMetaDataset()
    ds.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds.file_meta.MediaStorageSOPClassUID = "1.2.840.10008.5.1.4.1.1.1"
    ds.file_meta.MediaStorageSOPInstanceUID = generate_uid(entropy_srcs=[path.name])
    ds.SOPClassUID = ds.file_meta.MediaStorageSOPClassUID
    ds.SOPInstanceUID = ds.file_meta.MediaStorageSOPInstanceUID
    ds.StudyDate = study_date
    ds.ContentDate = study_date
    path.parent.mkdir(parents=True, exist_ok=True)
    ds.save_as(path, enforce_file_format=True)


def make_batches(root: Path, report_text: str = "Normal chest. Compared to 01/02/2150.") -> dict:
    """Staged outputs of one image and one report batch, plus the crosswalk tables, by hand.

    Study STUDY_OK: two images (one quarantined by the batch) and its report.
    Study STUDY_BAD_REPORT: one image, but its report was quarantined.
    One cohort study without images was quarantined when ids were assigned.
    """
    image_dir, report_dir = root / "img" / "staged", root / "rep" / "staged"
    rows, image_records, report_records = [], [], []
    for n, (study, dicom_id, ok) in enumerate([(STUDY_OK, DICOM_IDS[0], True), (STUDY_OK, DICOM_IDS[1], False),
                                                (STUDY_BAD_REPORT, DICOM_IDS[2], True)]):
        output = contract.image_path(SUBJECT, study, dicom_id)
        if ok:
            write_dicom(image_dir / output)
        from cxrbuild.util.digests import sha256_file

        image_records.append({"output": output, "subject_id": SUBJECT, "study_id": study, "dicom_id": dicom_id,
                              "source": f"/pacs/{n}.dcm", "status": "ok" if ok else "quarantined",
                              "reason": "" if ok else "pixel text still readable after cleaning",
                              "sha256": sha256_file(image_dir / output) if ok else None})
        rows.append({"path": f"{n}.dcm", "study_id": study, "status": "planned", "reason": "", "output": output,
                     "subject_id": SUBJECT, "dicom_id": dicom_id, "day_shift": 50000, "source": f"/pacs/{n}.dcm"})
    rows.append({"path": "dup.dcm", "study_id": STUDY_OK, "status": "quarantined", "reason": "duplicate SOPInstanceUID: first copy is 0.dcm",
                 "output": None, "subject_id": SUBJECT, "dicom_id": None, "day_shift": 50000, "source": "/pacs/dup.dcm"})
    report = contract.report_path(SUBJECT, STUDY_OK)
    (report_dir / report).parent.mkdir(parents=True, exist_ok=True)
    (report_dir / report).write_text(report_text)
    from cxrbuild.util.digests import sha256_file

    report_records.append({"output": report, "subject_id": SUBJECT, "study_id": STUDY_OK, "status": "ok",
                           "reason": "", "sha256": sha256_file(report_dir / report)})
    report_records.append({"output": contract.report_path(SUBJECT, STUDY_BAD_REPORT), "subject_id": SUBJECT,
                           "study_id": STUDY_BAD_REPORT, "status": "quarantined", "reason": "ValueError: x",
                           "sha256": None})
    (root / "img" / "records.jsonl").write_text("".join(json.dumps(r) + "\n" for r in image_records))
    (root / "rep" / "records.jsonl").write_text("".join(json.dumps(r) + "\n" for r in report_records))
    studies = pd.DataFrame([
        {"study_id": STUDY_OK, "status": "planned", "reason": ""},
        {"study_id": STUDY_BAD_REPORT, "status": "planned", "reason": ""},
        {"study_id": "50000002", "status": "quarantined", "reason": "no image in the PACS"},
    ])
    return {"staged_image_dirs": [image_dir], "image_records": [root / "img" / "records.jsonl"],
            "staged_report_dirs": [report_dir], "report_records": [root / "rep" / "records.jsonl"],
            "studies": studies, "images": pd.DataFrame(rows)}


def write_card(release: Path) -> None:
    """A data card as the audit stage writes it: it records the digest of SHA256SUMS.txt."""
    digest = hashlib.sha256((release / contract.CHECKSUMS).read_bytes()).hexdigest()
    (release / contract.DATA_CARD).write_text(f"# Release\n\nSHA256SUMS.txt: {digest}\n")


def make_release(root: Path, release: Path, make_zip: bool = True, **kwargs) -> tuple:
    batches = make_batches(root, **kwargs)
    built = build_release(contract.ReleaseFiles(release, "mimic-cxr"), make_zip=make_zip, **batches)
    write_card(release)
    return built


def test_released_equals_cohort_minus_quarantine_with_reasons(tmp_path: Path) -> None:
    summary, quarantine = make_release(tmp_path / "b", tmp_path / "release")
    assert (summary.cohort_studies, summary.released_studies, summary.quarantined_studies) == (3, 1, 2)
    assert (summary.cohort_images, summary.released_images, summary.quarantined_images) == (4, 1, 3)
    reasons = dict(zip(quarantine["id"], quarantine["reason"], strict=True))
    assert reasons[STUDY_BAD_REPORT] == "report quarantined: ValueError: x"
    assert reasons["/pacs/2.dcm"].startswith("study withheld: report quarantined")
    assert reasons["1.dcm"] == "pixel text still readable after cleaning"
    released = sorted(p.relative_to(tmp_path / "release").as_posix()
                      for p in (tmp_path / "release" / "files").rglob("*") if p.is_file())
    assert released == sorted([contract.image_path(SUBJECT, STUDY_OK, DICOM_IDS[0]), contract.report_path(SUBJECT, STUDY_OK)])
    rows = gzip.decompress((tmp_path / "release" / contract.RECORD_LIST).read_bytes()).decode().splitlines()
    assert rows == ["subject_id,study_id,dicom_id,path",
                    f"{SUBJECT},{STUDY_OK},{DICOM_IDS[0]},{contract.image_path(SUBJECT, STUDY_OK, DICOM_IDS[0])}"]


def test_two_packagings_give_identical_bytes_whatever_the_file_times(tmp_path: Path) -> None:
    make_release(tmp_path / "b1", tmp_path / "r1")
    make_release(tmp_path / "b2", tmp_path / "r2")
    for staged in (tmp_path / "b2").rglob("*"):
        if staged.is_file():
            os.utime(staged, (1_000_000_000, 1_000_000_000))
    make_release(tmp_path / "b2", tmp_path / "r2")
    names = (contract.RECORD_LIST, contract.STUDY_LIST, "mimic-cxr-reports.tar.gz", "mimic-cxr-reports.zip",
             contract.CHECKSUMS)
    for name in names:
        assert (tmp_path / "r1" / name).read_bytes() == (tmp_path / "r2" / name).read_bytes(), name


def test_archives_have_sorted_members_fixed_owners_and_no_gzip_name_or_time(tmp_path: Path) -> None:
    for name in ("b.txt", "a.txt"):
        (tmp_path / name).write_text(name)
    data = tar_gz_bytes({"files/b.txt": tmp_path / "b.txt", "files/a.txt": tmp_path / "a.txt"})
    assert data[3] & 0x08 == 0  # FLG.FNAME unset (RFC 1952 2.3.1)
    assert data[4:8] == b"\0\0\0\0"  # MTIME 0
    with tarfile.open(fileobj=io.BytesIO(data), mode="r:gz") as tar:
        members = tar.getmembers()
    assert [m.name for m in members] == ["files/a.txt", "files/b.txt"]
    assert {(m.mtime, m.uid, m.gid, m.uname, m.gname) for m in members} == {(0, 0, 0, "", "")}
    assert gzip_bytes(b"x") == gzip_bytes(b"x")


def test_a_file_released_earlier_but_not_now_is_removed(tmp_path: Path) -> None:
    make_release(tmp_path / "b", tmp_path / "release")
    stale = tmp_path / "release" / contract.image_path("10000099", "50000099", DICOM_IDS[1])
    stale.parent.mkdir(parents=True)
    stale.write_bytes(b"old")
    make_release(tmp_path / "b", tmp_path / "release")
    assert not stale.exists() and not stale.parent.exists()


def test_quarantine_can_be_made_fatal(tmp_path: Path) -> None:
    with pytest.raises(CxrbuildError, match="quarantine is fatal"):
        build_release(contract.ReleaseFiles(tmp_path / "release", "mimic-cxr"), quarantine_fatal=True, **make_batches(tmp_path / "b"))


def test_checksums_cover_every_file_but_the_data_card(tmp_path: Path) -> None:
    make_release(tmp_path / "b", tmp_path / "release")
    make_release(tmp_path / "b", tmp_path / "release")  # a rebuild beside an existing card
    listed = [line.split("  ", 1)[1] for line in (tmp_path / "release" / contract.CHECKSUMS).read_text().splitlines()]
    assert contract.DATA_CARD not in listed and contract.CHECKSUMS not in listed
    assert contract.RECORD_LIST in listed and contract.image_path(SUBJECT, STUDY_OK, DICOM_IDS[0]) in listed
