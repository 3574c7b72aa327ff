"""The leak audit: a clean release passes; one planted identifier in each kind of place fails it.

Each test copies the clean release, plants one identifier of the EHR in one
place, rebuilds the lists/archive/checksums as packaging would, and checks that
``cxrbuild audit`` exits non-zero and names the place.
"""

from __future__ import annotations

import io
import json
import shutil
import tarfile
import zipfile
from pathlib import Path

import numpy as np
import pydicom
import pytest
from pydicom.dataset import Dataset
from pydicom.sequence import Sequence
from test_audit_support import PATIENTS, RELEASED, finish_release, make_release, reports_archive

from cxrbuild.audit.findings import FindingFiles
from cxrbuild.audit.identifiers import IdentifierSet, add_name_forms, parse_author
from cxrbuild.audit.matcher import Matcher
from cxrbuild.audit.release_audit import pixel_text_reader, run_audit
from cxrbuild.audit.tokens import tokenize
from cxrbuild.cli import main
from cxrbuild.printed_forms import date_forms

SUBJECT, STUDY, DICOM_ID, MRN, ACCESSION = RELEASED[0]
FAMILY, GIVEN = PATIENTS[0][1], PATIENTS[0][2]
IMAGE = f"files/p{SUBJECT[:2]}/p{SUBJECT}/s{STUDY}/{DICOM_ID}.dcm"
REPORT = f"files/p{SUBJECT[:2]}/p{SUBJECT}/s{STUDY}.txt"


@pytest.fixture(scope="module")
def clean(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, Path]:
    return make_release(tmp_path_factory.mktemp("audit") / "clean")


@pytest.fixture
def copy(clean: tuple[Path, str, Path], tmp_path: Path) -> tuple[Path, str, Path]:
    release, ehr_url, crosswalk = clean
    target = tmp_path / "release"
    shutil.copytree(release, target)
    return target, ehr_url, crosswalk


def audit(release: Path, ehr_url: str, crosswalk: Path | None, out: Path, ocr: bool = False) -> tuple[int, list[dict]]:
    argv = ["audit", str(release), "--ehr", ehr_url, "--out", str(out)] + ([] if ocr else ["--no-ocr"])
    if crosswalk is not None:
        argv += ["--crosswalk", str(crosswalk)]
    status = main(argv)
    findings = json.loads((out / "findings.json").read_text())["findings"]
    return status, findings


def confirmed(findings: list[dict]) -> list[dict]:
    return [f for f in findings if f["rank"] == "confirmed"]


def test_clean_release_passes(clean: tuple[Path, str, Path], tmp_path: Path) -> None:
    release, ehr_url, crosswalk = clean
    status, findings = audit(release, ehr_url, crosswalk, tmp_path / "audit", ocr=True)
    assert status == 0
    assert confirmed(findings) == []
    # the patient whose surname is 'Mass' gives weak findings in report prose, not a failure
    weak = [f for f in findings if f["rank"] == "weak"]
    assert weak and all(f["found"].casefold().endswith("mass") for f in weak)


def test_clean_release_passes_against_every_ehr_patient(clean: tuple[Path, str, Path], tmp_path: Path) -> None:
    release, ehr_url, _ = clean
    status, _ = audit(release, ehr_url, None, tmp_path / "audit")
    meta = json.loads((tmp_path / "audit" / "findings.json").read_text())
    assert status == 0
    assert meta["patient_scope"].startswith("all patients of the EHR")


def test_name_in_a_report_fails_and_names_the_line(copy: tuple[Path, str, Path], tmp_path: Path) -> None:
    release, ehr_url, crosswalk = copy
    report = release / REPORT
    planted_line = len(report.read_text().splitlines()) + 1
    report.write_text(report.read_text() + f" Discussed with the patient, {GIVEN} {FAMILY}.\n")
    finish_release(release)
    status, findings = audit(release, ehr_url, crosswalk, tmp_path / "audit")
    assert status == 1
    hits = confirmed(findings)
    assert {f["file"] for f in hits} >= {REPORT, f"mimic-cxr-reports.tar.gz!{REPORT}"}
    assert all(f["kind"] == "full_name" and f["found"] == f"{GIVEN} {FAMILY}" for f in hits)
    assert {f["where"] for f in hits} == {f"line {planted_line}, col 30"}


def _edit_image(release: Path, edit) -> None:
    path = release / IMAGE
    ds = pydicom.dcmread(path)
    edit(ds)
    ds.save_as(path, enforce_file_format=True)
    finish_release(release)


def test_mrn_in_a_nested_sequence_fails_and_names_the_path(copy: tuple[Path, str, Path], tmp_path: Path) -> None:
    release, ehr_url, crosswalk = copy

    def plant(ds: Dataset) -> None:
        code = Dataset()
        code.CodeValue = "CXR2V"
        code.CodeMeaning = f"chest for MRN {MRN}"
        ds.RequestAttributesSequence[0].RequestedProcedureCodeSequence = Sequence([code])

    _edit_image(release, plant)
    status, findings = audit(release, ehr_url, crosswalk, tmp_path / "audit")
    assert status == 1
    hits = confirmed(findings)
    assert [f["where"] for f in hits if f["place"] == "dicom_element"] == [
        "(0040,0275) RequestAttributesSequence[0] > (0032,1064) RequestedProcedureCodeSequence[0] > "
        "(0008,0104) CodeMeaning"
    ]
    assert all(f["kind"] == "mrn" and f["file"] == IMAGE for f in hits)


def test_name_in_a_private_tag_fails_and_names_the_creator(copy: tuple[Path, str, Path], tmp_path: Path) -> None:
    release, ehr_url, crosswalk = copy

    def plant(ds: Dataset) -> None:
        block = ds.private_block(0x0029, "VENDOR X PRIVATE", create=True)
        block.add_new(0x20, "LO", f"{FAMILY.upper()}^{GIVEN.upper()}")

    _edit_image(release, plant)
    status, findings = audit(release, ehr_url, crosswalk, tmp_path / "audit")
    assert status == 1
    decoded = [f for f in confirmed(findings) if f["place"] == "dicom_element"]
    assert len(decoded) == 1
    assert decoded[0]["where"] == "(0029,1020) private element of creator 'VENDOR X PRIVATE'"
    assert decoded[0]["kind"] == "full_name"


def test_unknown_private_bytes_are_read_raw(copy: tuple[Path, str, Path], tmp_path: Path) -> None:
    """A private element stored as raw bytes (UN) still has its identifier found."""
    release, ehr_url, crosswalk = copy

    def plant(ds: Dataset) -> None:
        ds.add_new(0x00311010, "UN", f"SSN {PATIENTS[0][9]}".encode())

    _edit_image(release, plant)
    status, findings = audit(release, ehr_url, crosswalk, tmp_path / "audit")
    assert status == 1
    assert {f["kind"] for f in confirmed(findings)} == {"ssn"}
    assert any(f["where"].startswith("(0031,1010)") for f in confirmed(findings))


def test_birth_date_in_an_archive_member_fails_and_names_the_member(
    copy: tuple[Path, str, Path], tmp_path: Path
) -> None:
    """Only the archive holds the identifier: the released .txt files stay clean."""
    release, ehr_url, crosswalk = copy
    members = {}
    with tarfile.open(release / "mimic-cxr-reports.tar.gz") as archive:
        for member in archive.getmembers():
            members[member.name] = archive.extractfile(member).read()
    members[REPORT] = members[REPORT].replace(b"INDICATION:  ___", b"INDICATION:  DOB 03/15/1950,")
    (release / "mimic-cxr-reports.tar.gz").write_bytes(reports_archive(members))
    status, findings = audit(release, ehr_url, crosswalk, tmp_path / "audit")
    assert status == 1
    hits = confirmed(findings)
    assert [(f["file"], f["kind"], f["found"]) for f in hits] == [
        (f"mimic-cxr-reports.tar.gz!{REPORT}", "birth_date", "03/15/1950")
    ]


def test_accession_in_a_zip_twin_member_name_fails(copy: tuple[Path, str, Path], tmp_path: Path) -> None:
    release, ehr_url, crosswalk = copy
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(f"files/{ACCESSION}.txt", "FINAL REPORT\n")
    (release / "mimic-cxr-reports.zip").write_bytes(buffer.getvalue())
    status, findings = audit(release, ehr_url, crosswalk, tmp_path / "audit")
    assert status == 1
    hits = confirmed(findings)
    assert {(f["kind"], f["where"]) for f in hits} == {("accession_number", "archive member name")}


def test_unshifted_study_date_in_a_csv_list_fails(copy: tuple[Path, str, Path], tmp_path: Path) -> None:
    release, ehr_url, crosswalk = copy
    (release / "cxr-extra-list.csv").write_text("subject_id,study_date\n10482913,2019-06-04\n")
    status, findings = audit(release, ehr_url, crosswalk, tmp_path / "audit")
    assert status == 1
    assert [(f["file"], f["kind"], f["where"]) for f in confirmed(findings)] == [
        ("cxr-extra-list.csv", "study_date", "line 2, col 10")
    ]


def test_findings_are_never_written_inside_the_release(clean: tuple[Path, str, Path]) -> None:
    release, ehr_url, _ = clean
    assert main(["audit", str(release), "--ehr", ehr_url, "--no-ocr", "--out", str(release / "audit")]) == 2
    assert not (release / "audit").exists()


def test_bad_ehr_url_is_a_one_line_error(clean: tuple[Path, str, Path], capsys: pytest.CaptureFixture) -> None:
    release, _, _ = clean
    assert main(["audit", str(release), "--ehr", "sqlite:////nonexistent/dir/ehr.sqlite", "--no-ocr"]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("cxrbuild audit: error:")


def test_printed_forms_of_a_name_are_one_token_sequence_each() -> None:
    ids = IdentifierSet()
    add_name_forms(ids, "Kowalczyk", "Theodora Ann", "1", "", "patients")
    matcher = Matcher(ids.forms)
    for text in ("KOWALCZYK^THEODORA^ANN", "Kowalczyk, Theodora", "Theodora A Kowalczyk", "T. Kowalczyk"):
        kinds = {m.form.kind for m in matcher.find(tokenize(text)) if m.end - m.start == len(text)}
        assert kinds & {"full_name", "initial_surname"}, text
    # parts far apart are not a full name
    far = matcher.find(tokenize("Theodora said the report was read.           Kowalczyk"))
    assert "full_name" not in {m.form.kind for m in far}


def test_a_misread_name_is_found_with_one_edit() -> None:
    ids = IdentifierSet()
    add_name_forms(ids, "Kowalczyk", "Theodora", "1", "", "patients")
    found = Matcher(ids.forms).find(tokenize("KOWALCZVK^THEODORA"), fuzzy=True)
    assert any(m.fuzzy and m.form.kind == "full_name" for m in found)


def test_date_forms_cover_the_usual_printed_forms() -> None:
    import datetime as dt

    printed = {p for p, _ in date_forms(dt.date(1950, 3, 5))}
    assert {"19500305", "03/05/1950", "3/5/1950", "05.03.1950", "March 5, 1950", "5 Mar 1950"} <= printed


def test_author_field_gives_provider_and_institution() -> None:
    assert parse_author("Dr. Evangeline Thistlewood, MD (Fairhaven General Hospital)") == (
        "Thistlewood", "Evangeline", ["Fairhaven General Hospital"])
    assert parse_author("THISTLEWOOD, EVANGELINE")[:2] == ("THISTLEWOOD", "EVANGELINE")
    assert parse_author("Thistlewood^Evangeline")[:2] == ("Thistlewood", "Evangeline")


def test_text_burned_into_pixels_fails_the_audit(copy: tuple[Path, str, Path], tmp_path: Path) -> None:
    """Unredacted pixels: the name drawn into the image is read back by OCR."""
    pytest.importorskip("cxrbuild.dicom.pixels", reason="pixel OCR module not in this build")
    from PIL import Image, ImageDraw, ImageFont

    release, ehr_url, crosswalk = copy

    def plant(ds: Dataset) -> None:
        pixels = ds.pixel_array.copy()
        canvas = Image.fromarray(pixels)
        draw = ImageDraw.Draw(canvas)
        font_path = next((p for p in ("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
                                      "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf")
                          if Path(p).exists()), None)
        font = ImageFont.truetype(font_path, 18) if font_path else ImageFont.load_default()
        draw.text((8, 8), f"{FAMILY.upper()}, {GIVEN.upper()}", fill=255, font=font)
        ds.PixelData = np.asarray(canvas, dtype=np.uint8).tobytes()

    _edit_image(release, plant)
    status, meta = run_audit(release, ehr_url, findings_files=FindingFiles.in_folder(tmp_path / "audit"), crosswalk=crosswalk, ocr=True)
    findings = json.loads((tmp_path / "audit" / "findings.json").read_text())["findings"]
    assert status == 1
    ocr_hits = [f for f in confirmed(findings) if f["place"] == "pixels_ocr"]
    assert ocr_hits and ocr_hits[0]["file"] == IMAGE
    assert ocr_hits[0]["where"].startswith("text region [")
    assert meta["ocr_images"] == 2


def _write_pixel_bytes(release: Path, text: bytes) -> None:
    def plant(ds: Dataset) -> None:
        data = bytearray(ds.PixelData)
        data[5000 : 5000 + len(text)] = text
        ds.PixelData = bytes(data)

    _edit_image(release, plant)


def test_a_name_spelled_in_the_stored_pixel_bytes_fails(copy: tuple[Path, str, Path], tmp_path: Path) -> None:
    release, ehr_url, crosswalk = copy
    _write_pixel_bytes(release, f"{FAMILY.upper()}^{GIVEN.upper()}".encode())
    status, findings = audit(release, ehr_url, crosswalk, tmp_path / "audit")
    assert status == 1
    hits = confirmed(findings)
    assert [(f["place"], f["kind"]) for f in hits] == [("pixel_bytes", "full_name")]
    assert hits[0]["where"].startswith("pixel data bytes at byte ")


def test_digits_in_the_stored_pixel_bytes_are_probable_not_confirmed(
    copy: tuple[Path, str, Path], tmp_path: Path
) -> None:
    """Digit-valued bytes occur in smooth 8-bit pixels: an MRN-like run there is weighed, not a failure."""
    release, ehr_url, crosswalk = copy
    _write_pixel_bytes(release, MRN.encode())
    status, findings = audit(release, ehr_url, crosswalk, tmp_path / "audit")
    assert status == 0
    assert [(f["rank"], f["place"], f["kind"]) for f in findings if f["place"] == "pixel_bytes"] == [
        ("probable", "pixel_bytes", "mrn")]


def test_a_common_word_one_edit_from_a_surname_is_not_a_finding() -> None:
    from cxrbuild.audit.findings import Commonness, rank_match
    from cxrbuild.audit.release_audit import english_zipf, load_lexicon

    ids = IdentifierSet()
    add_name_forms(ids, "Norman", "Ingrid", "1", "", "patients")
    add_name_forms(ids, "Kowalczyk", "Theodora", "2", "", "patients")
    commonness = Commonness(english_zipf(), load_lexicon(), lambda token: 0)
    text = "Heart size is normal. Discussed with KOWALCZVK."
    ranked = {}
    for match in Matcher(ids.forms).find(tokenize(text), fuzzy=True):
        found = text[match.start : match.end]
        ranked[found] = rank_match(match, found, "report", commonness, None)
    assert ranked["normal"] is None  # a word, not a misread surname
    assert ranked["KOWALCZVK"] is not None and ranked["KOWALCZVK"][0] == "weak"  # a misread rare surname


def test_a_released_image_that_cannot_be_read_fails_closed(copy: tuple[Path, str, Path], tmp_path: Path) -> None:
    pytest.importorskip("cxrbuild.dicom.pixels", reason="pixel OCR module not in this build")
    release, ehr_url, crosswalk = copy
    image = release / IMAGE
    image.write_bytes(image.read_bytes()[: image.stat().st_size * 2 // 3])  # pixel data cut short
    finish_release(release)
    status, meta = run_audit(release, ehr_url, findings_files=FindingFiles.in_folder(tmp_path / "audit"), crosswalk=crosswalk, ocr=True)
    assert status == 1
    assert meta["counts"]["confirmed"] == 0
    assert [p.split(":")[0] for p in meta["not_fully_read"]] == [IMAGE]
    assert "not fully read" in (tmp_path / "audit" / "summary.md").read_text()


def test_ocr_digit_misreads_match_only_where_asked() -> None:
    import datetime as dt

    ids = IdentifierSet()
    for printed, strength in date_forms(dt.date(1958, 6, 21)):
        ids.add(printed, "birth_date", "1", strength, "patients.birth_date")
    matcher = Matcher(ids.forms)
    misread = tokenize("DOB: 1968-06-21")
    assert matcher.find(misread) == []
    assert [m.fuzzy for m in matcher.find(misread, fuzzy_digits=True)] == [True]


def test_text_left_in_the_pixels_is_probable_even_without_an_identifier(
    copy: tuple[Path, str, Path], tmp_path: Path
) -> None:
    pytest.importorskip("cxrbuild.dicom.pixels", reason="pixel OCR module not in this build")
    from test_audit_support import burn_name

    release, ehr_url, crosswalk = copy
    _edit_image(release, lambda ds: burn_name(ds, "WARD OBSERVATION"))
    status, _meta = run_audit(release, ehr_url, findings_files=FindingFiles.in_folder(tmp_path / "audit"), crosswalk=crosswalk, ocr=True)
    findings = json.loads((tmp_path / "audit" / "findings.json").read_text())["findings"]
    assert status == 0  # nothing of the EHR: weighed by a person, not a failure
    left = [f for f in findings if f["kind"] == "pixel_text_left"]
    assert [(f["rank"], f["file"]) for f in left] == [("probable", IMAGE)]


def test_a_small_name_no_ocr_reads_is_still_flagged(copy: tuple[Path, str, Path], tmp_path: Path) -> None:
    """A patient's name burned in 8 px tall and mirrored, away from any recorded box: OCR reads
    no identifier there, but the text-like line is text the policy removes, so a person looks."""
    pytest.importorskip("cxrbuild.dicom.pixels", reason="pixel OCR module not in this build")
    from test_audit_support import burn_name

    release, ehr_url, crosswalk = copy
    _edit_image(release, lambda ds: burn_name(ds, f"{FAMILY} {GIVEN}".upper(), size=11, mirrored=True, at=(40, 200)))
    run_audit(release, ehr_url, findings_files=FindingFiles.in_folder(tmp_path / "audit"), crosswalk=crosswalk, ocr=True)
    findings = json.loads((tmp_path / "audit" / "findings.json").read_text())["findings"]
    in_pixels = [f for f in findings if f["file"] == IMAGE and f["place"] == "pixels_ocr"]
    assert in_pixels, "the planted name was not flagged"
    assert all(f["rank"] in ("probable", "confirmed") for f in in_pixels)


def test_another_ehr_schema_is_read_through_the_queries_folder(
    clean: tuple[Path, str, Path], tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    import sqlite3

    release, ehr_url, crosswalk = clean
    other = tmp_path / "other.sqlite"
    shutil.copyfile(ehr_url.removeprefix("sqlite:///"), other)
    with sqlite3.connect(other) as connection:
        connection.execute("ALTER TABLE patients RENAME TO person")
    argv = ["audit", str(release), "--ehr", f"sqlite:///{other}", "--crosswalk", str(crosswalk), "--no-ocr"]
    assert main(argv) == 2
    assert "audit_patients.sql failed" in capsys.readouterr().err
    queries = tmp_path / "queries"
    queries.mkdir()
    (queries / "audit_patients.sql").write_text(
        "SELECT mrn, family_name, given_name, birth_date, street, city, state, postal_code, phone, ssn FROM person")
    assert main([*argv, "--queries", str(queries), "--out", str(tmp_path / "audit")]) == 0
    findings = json.loads((tmp_path / "audit" / "findings.json").read_text())
    assert findings["identifier_kinds"]["full_name"] > 0


def test_a_name_in_an_overlay_plane_fails_the_audit(copy: tuple[Path, str, Path], tmp_path: Path) -> None:
    """Overlay Data (60xx,3000) left in a released file is read by OCR like the pixels."""
    pytest.importorskip("cxrbuild.dicom.pixels", reason="pixel OCR module not in this build")
    from PIL import Image, ImageDraw, ImageFont

    release, ehr_url, crosswalk = copy

    def plant(ds: Dataset) -> None:
        canvas = Image.new("1", (ds.Columns, ds.Rows), 0)
        font = ImageFont.truetype("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf", 18) \
            if Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf").exists() else ImageFont.load_default()
        ImageDraw.Draw(canvas).text((10, 200), f"{GIVEN.upper()} {FAMILY.upper()}", fill=1, font=font)
        bits = np.asarray(canvas, dtype=np.uint8).ravel()
        ds.add_new(0x60000010, "US", ds.Rows)
        ds.add_new(0x60000011, "US", ds.Columns)
        ds.add_new(0x60000040, "CS", "G")
        ds.add_new(0x60000050, "SS", [1, 1])
        ds.add_new(0x60000100, "US", 1)
        ds.add_new(0x60000102, "US", 0)
        ds.add_new(0x60003000, "OW", np.packbits(bits, bitorder="little").tobytes())

    _edit_image(release, plant)
    status, meta = run_audit(release, ehr_url, findings_files=FindingFiles.in_folder(tmp_path / "audit"), crosswalk=crosswalk, ocr=True)
    findings = json.loads((tmp_path / "audit" / "findings.json").read_text())["findings"]
    assert status == 1, meta["summary"]
    assert [(f["kind"], f["where"]) for f in confirmed(findings)] == [("full_name", "overlay (6000,3000)")]


def _audit_detector_only(monkeypatch: pytest.MonkeyPatch, audit_detector: bool = True) -> None:
    """Make the audit read pixels with its own detector (as it does by default), or without it
    (``audit_detector=False``: only the reading around recorded boxes is left)."""
    from cxrbuild.audit import release_audit

    monkeypatch.setattr(release_audit, "pixel_text_reader",
                        lambda: pixel_text_reader(audit_detector=audit_detector))


def _detector_findings(findings: list[dict]) -> list[dict]:
    from cxrbuild.audit.scan import DETECTOR_SOURCE

    return [f for f in findings if f["source"] == DETECTOR_SOURCE]


def test_an_8px_name_no_ocr_reads_is_flagged_by_the_audit_detector(
    copy: tuple[Path, str, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The patient's name burned in with capitals 8 px tall, mirrored (no OCR reads it), away from
    any recorded box: the audit's own detector finds the line and makes it a probable finding;
    with that detector left out, nothing in the pixels is flagged."""
    pytest.importorskip("cv2", reason="the audit's text detector needs OpenCV")
    from test_audit_support import burn_name

    release, ehr_url, crosswalk = copy
    before = pydicom.dcmread(release / IMAGE).pixel_array.copy()
    _edit_image(release, lambda ds: burn_name(ds, f"{FAMILY} {GIVEN}".upper(), size=11, mirrored=True, at=(40, 200)))
    ink = np.argwhere(pydicom.dcmread(release / IMAGE).pixel_array != before)
    (y0, x0), (y1, x1) = ink.min(axis=0), ink.max(axis=0) + 1
    assert y1 - y0 == 8  # capitals only, no descender: the ink's height is the cap height

    _audit_detector_only(monkeypatch)
    status, _meta = run_audit(release, ehr_url, findings_files=FindingFiles.in_folder(tmp_path / "audit"),
                              crosswalk=crosswalk, ocr=True)
    findings = json.loads((tmp_path / "audit" / "findings.json").read_text())["findings"]
    assert status == 0  # probable: a person looks, the build does not fail
    flagged = _detector_findings(findings)
    assert [(f["rank"], f["kind"], f["file"]) for f in flagged] == [("probable", "pixel_text_left", IMAGE)]
    box = [int(v) for v in flagged[0]["where"].removeprefix("text region [").rstrip("]").split(",")]
    assert box[0] <= x0 + 8 and box[2] >= x1 - 8 and box[1] <= y0 + 1 and box[3] >= y1 - 1
    assert FAMILY.upper() not in flagged[0]["found"].upper()  # OCR did not read the name

    _audit_detector_only(monkeypatch, audit_detector=False)
    run_audit(release, ehr_url, findings_files=FindingFiles.in_folder(tmp_path / "without"),
              crosswalk=crosswalk, ocr=True)
    without = json.loads((tmp_path / "without" / "findings.json").read_text())["findings"]
    assert [f for f in without if f["place"] == "pixels_ocr"] == []


def test_the_audit_detector_calls_no_anatomy_or_redaction_box_text(
    copy: tuple[Path, str, Path], tmp_path: Path
) -> None:
    """A clean release of chest-like radiographs (ribs, lung texture, tubes, electrodes), one with a
    name blacked out word by word in recorded boxes: the audit's detector finds nothing there."""
    pytest.importorskip("cv2", reason="the audit's text detector needs OpenCV")
    from test_audit_support import burn_name, put_anatomy

    from cxrbuild.audit.textregions import find_text_regions
    from cxrbuild.dicom.annotation import record_redaction_boxes
    from cxrbuild.dicom.display import decode
    from cxrbuild.synth.anatomy import chest_image

    for seed in range(12):
        image = np.rint(chest_image(np.random.default_rng(seed), 512, 448, "LAT" if seed % 4 == 3 else "PA") * 255)
        assert find_text_regions(image.astype(np.uint8)) == [], f"anatomy of seed {seed} taken for text"

    release, ehr_url, crosswalk = copy
    for number, path in enumerate(sorted(release.glob("files/p*/p*/s*/*.dcm"))):
        ds = pydicom.dcmread(path)
        put_anatomy(ds, 100 + number)
        if number == 0:
            burn_name(ds, f"{FAMILY} {GIVEN}".upper(), size=14, at=(20, 12))
            pixels = ds.pixel_array.copy()
            boxes = [(20, 12, 118, 30), (124, 12, 230, 30)]  # one black box per word, as glyph-tight cleaning makes
            for bx0, by0, bx1, by1 in boxes:
                pixels[by0:by1, bx0:bx1] = 0
            ds.PixelData = pixels.tobytes()
            record_redaction_boxes(ds, boxes)
            assert find_text_regions(decode(ds).display[0], exclude=boxes) == []
        ds.save_as(path, enforce_file_format=True)
    finish_release(release)
    status, meta = run_audit(release, ehr_url, findings_files=FindingFiles.in_folder(tmp_path / "audit"),
                             crosswalk=crosswalk, ocr=True)
    findings = json.loads((tmp_path / "audit" / "findings.json").read_text())["findings"]
    assert status == 0, meta["summary"]
    assert [f for f in findings if f["place"] in ("pixels_ocr", "pixels")] == []


def test_confidently_read_markers_are_not_findings(copy: tuple[Path, str, Path], tmp_path: Path) -> None:
    """An "L" lead marker and a "PORTABLE" / "LT" label on anatomy: the audit's detector finds the
    labels' lines, reads them confidently as kept markers, and reports nothing."""
    pytest.importorskip("cv2", reason="the audit's text detector needs OpenCV")
    from test_audit_support import burn_name, put_anatomy

    from cxrbuild.audit.scan import DETECTOR_SOURCE

    release, ehr_url, crosswalk = copy

    def plant(ds: Dataset) -> None:
        put_anatomy(ds, 7)
        burn_name(ds, "L", size=28, at=(250, 60))
        burn_name(ds, "PORTABLE", size=14, at=(200, 280))
        burn_name(ds, "LT", size=16, at=(20, 280))

    _edit_image(release, plant)
    read = pixel_text_reader()(pydicom.dcmread(release / IMAGE))
    judged = [(line.text, line.removable) for line in read if line.source == DETECTOR_SOURCE]
    assert len(judged) == 2 and not any(removable for _text, removable in judged), judged  # the "L" is no line
    assert {"PORTABLE", "LT"} <= set(" ".join(text for text, _ in judged).split())
    status, _meta = run_audit(release, ehr_url, findings_files=FindingFiles.in_folder(tmp_path / "audit"),
                              crosswalk=crosswalk, ocr=True)
    findings = json.loads((tmp_path / "audit" / "findings.json").read_text())["findings"]
    assert status == 0
    assert [f for f in findings if f["place"] == "pixels_ocr"] == []
