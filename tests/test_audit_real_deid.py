"""The audit over a release made by the real image and report de-identification of the demo hospital.

Two patients of ``synth_small`` go through ``cxrbuild.dicom.images.process_file``
and ``cxrbuild.text.deid.ReportDeidentifier``; the audit must pass what they
release, and fail once one of the patients' identifiers is put back.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pydicom
import pytest
from test_audit_support import finish_release, release_from_hospital

from cxrbuild.audit.findings import FindingFiles
from cxrbuild.audit.release_audit import run_audit


@pytest.fixture(scope="module")
def real_release(synth_small: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, Path, dict]:
    return release_from_hospital(synth_small, tmp_path_factory.mktemp("real_deid"), patients=2)


def test_release_of_the_real_deid_passes_the_audit(real_release: tuple, tmp_path: Path) -> None:
    release, ehr_url, crosswalk, _names = real_release
    assert len(list(release.glob("files/p*/p*/s*/*.dcm"))) >= 4
    status, meta = run_audit(release, ehr_url, findings_files=FindingFiles.in_folder(tmp_path / "audit"), crosswalk=crosswalk, ocr=True)
    assert status == 0, (tmp_path / "audit" / "summary.md").read_text()
    assert meta["counts"]["confirmed"] == 0
    assert meta["ocr_images"] == meta["dicom_files"] and meta["not_fully_read"] == []


def test_a_name_put_back_into_a_real_release_fails_the_audit(real_release: tuple, tmp_path: Path) -> None:
    release, ehr_url, crosswalk, names = real_release
    copy = tmp_path / "release"
    shutil.copytree(release, copy)
    image = sorted(copy.glob("files/p*/p*/s*/*.dcm"))[0]
    subject = image.parent.parent.name[1:]
    mrn = next(line.split(",")[0] for line in crosswalk.read_text().splitlines()[1:] if line.endswith(subject))
    family, given = names[mrn]
    ds = pydicom.dcmread(image)
    ds.OtherPatientNames = f"{family.upper()}^{given.upper()}"
    ds.save_as(image, enforce_file_format=True)
    finish_release(copy)
    status, _meta = run_audit(copy, ehr_url, findings_files=FindingFiles.in_folder(tmp_path / "audit"), crosswalk=crosswalk, ocr=False)
    findings = json.loads((tmp_path / "audit" / "findings.json").read_text())["findings"]
    assert status == 1
    hits = [f for f in findings if f["rank"] == "confirmed"]
    assert {(f["file"], f["where"], f["owner"]) for f in hits} == {
        (image.relative_to(copy).as_posix(), "(0010,1001) OtherPatientNames", mrn)}
