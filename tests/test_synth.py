"""The demo hospital keeps its promises, proven from what it wrote (docs/synth-truth.md)."""

from __future__ import annotations

import csv
import hashlib
import json
import re
import shutil
import sqlite3
import subprocess
import warnings
from collections import Counter, defaultdict
from pathlib import Path

import numpy as np
import pydicom
import pytest
from pydicom.errors import InvalidDicomError
from pydicom.uid import (
    ExplicitVRLittleEndian,
    ImplicitVRLittleEndian,
    JPEG2000Lossless,
    JPEGLosslessSV1,
    JPEGLSLossless,
    RLELossless,
)

# Reference schema of the contracts, section 1.1: (column, declared type, NOT NULL, primary key)
CONTRACT_SCHEMA = {
    "patients": [
        ("mrn", "TEXT", 0, 1), ("family_name", "TEXT", 0, 0), ("given_name", "TEXT", 0, 0),
        ("birth_date", "DATE", 0, 0), ("sex", "TEXT", 0, 0), ("street", "TEXT", 0, 0),
        ("city", "TEXT", 0, 0), ("state", "TEXT", 0, 0), ("postal_code", "TEXT", 0, 0),
        ("phone", "TEXT", 0, 0), ("ssn", "TEXT", 0, 0),
    ],
    "encounters": [
        ("encounter_id", "TEXT", 0, 1), ("mrn", "TEXT", 1, 0), ("encounter_type", "TEXT", 1, 0),
        ("admit_time", "TIMESTAMP", 1, 0), ("discharge_time", "TIMESTAMP", 0, 0),
    ],
    "imaging_studies": [
        ("accession_number", "TEXT", 0, 1), ("mrn", "TEXT", 1, 0), ("encounter_id", "TEXT", 0, 0),
        ("study_instance_uid", "TEXT", 1, 0), ("procedure_code", "TEXT", 1, 0),
        ("procedure_description", "TEXT", 0, 0), ("modality", "TEXT", 0, 0),
        ("study_time", "TIMESTAMP", 1, 0),
    ],
    "radiology_reports": [
        ("accession_number", "TEXT", 0, 1), ("report_text", "TEXT", 1, 0),
        ("author", "TEXT", 0, 0), ("signed_time", "TIMESTAMP", 0, 0),
    ],
}
CONTRACT_FOREIGN_KEYS = {
    "encounters": {("mrn", "patients", "mrn")},
    "imaging_studies": {("mrn", "patients", "mrn"), ("encounter_id", "encounters", "encounter_id")},
    "radiology_reports": {("accession_number", "imaging_studies", "accession_number")},
}
# The cohort defaults documented in docs/synth-truth.md
CXR_CODES = ("71010", "71020", "71022", "71045", "71046", "71047")
REPORT_LABELS = {"NAME", "DATE", "TIME", "PHONE", "ID", "AGE", "LOCATION", "HOSPITAL", "CONTACT"}


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


@pytest.fixture(scope="module")
def truth(synth_small: Path) -> dict:
    t = synth_small / "truth"
    return {
        "images": read_jsonl(t / "images.jsonl"),
        "phi": read_jsonl(t / "phi.jsonl"),
        "reports": read_jsonl(t / "reports.jsonl"),
        "cohort": list(csv.DictReader((t / "cohort.csv").open(encoding="utf-8"))),
        "summary": json.loads((t / "summary.json").read_text(encoding="utf-8")),
    }


@pytest.fixture(scope="module")
def datasets(synth_small: Path, truth: dict) -> dict[str, pydicom.Dataset]:
    """Every readable DICOM file of the PACS, by truth path."""
    out = {}
    for record in truth["images"]:
        if record["category"] in ("image", "duplicate", "non_image", "no_pixels"):
            out[record["path"]] = pydicom.dcmread(synth_small / "pacs" / record["path"])
    return out


def test_ehr_schema_is_the_contract_schema(synth_small: Path) -> None:
    con = sqlite3.connect(synth_small / "ehr.sqlite")
    tables = {r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert tables == set(CONTRACT_SCHEMA)
    for table, columns in CONTRACT_SCHEMA.items():
        info = [(r[1], r[2], r[3], r[5]) for r in con.execute(f"PRAGMA table_info({table})")]
        assert info == columns, table
        fks = {(r[3], r[2], r[4]) for r in con.execute(f"PRAGMA foreign_key_list({table})")}
        assert fks == CONTRACT_FOREIGN_KEYS.get(table, set()), table
    # referential integrity holds in the data
    con.execute("PRAGMA foreign_keys=ON")
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    types = {r[0] for r in con.execute("SELECT encounter_type FROM encounters")}
    assert {"ED", "INPATIENT", "OUTPATIENT"} <= types
    years = {r[0] for r in con.execute("SELECT DISTINCT substr(admit_time, 1, 4) FROM encounters")}
    assert min(years) >= "2009" and max(years) <= "2018"


COHORT_SQL = """
WITH selected AS (
  SELECT DISTINCT s.mrn FROM imaging_studies s JOIN encounters e ON e.encounter_id = s.encounter_id
  WHERE e.encounter_type = 'ED' AND s.procedure_code IN ({codes})
    AND date(s.study_time) BETWEEN '2011-01-01' AND '2016-12-31'
)
SELECT s.mrn, s.accession_number, s.study_instance_uid, s.study_time, COALESCE(e.encounter_type, '')
FROM imaging_studies s JOIN selected USING (mrn) LEFT JOIN encounters e ON e.encounter_id = s.encounter_id
WHERE s.procedure_code IN ({codes}) AND date(s.study_time) BETWEEN '2011-01-01' AND '2016-12-31'
"""


def test_cohort_truth_equals_an_independent_query(synth_small: Path, truth: dict) -> None:
    con = sqlite3.connect(synth_small / "ehr.sqlite")
    codes = ",".join(f"'{c}'" for c in CXR_CODES)
    expected = {tuple(r) for r in con.execute(COHORT_SQL.format(codes=codes))}
    got = {(r["mrn"], r["accession_number"], r["study_instance_uid"], r["study_time"], r["encounter_type"]) for r in truth["cohort"]}
    assert got == expected
    # the traps the cohort rule must get right are all present
    cohort_accessions = {r[1] for r in expected}
    cohort_mrns = {r[0] for r in expected}
    rows = con.execute(
        "SELECT s.mrn, s.accession_number, s.procedure_code, s.study_time, e.encounter_type "
        "FROM imaging_studies s LEFT JOIN encounters e USING (encounter_id)"
    ).fetchall()
    non_ed_in_cohort = [r for r in rows if r[1] in cohort_accessions and r[4] != "ED"]
    assert non_ed_in_cohort, "cohort studies during non-ED encounters"
    outside = [r for r in rows if r[2] in CXR_CODES and not "2011-01-01" <= r[3][:10] <= "2016-12-31"]
    assert outside and not {r[1] for r in outside} & cohort_accessions
    ed_outside_only = {r[0] for r in outside if r[4] == "ED"} - cohort_mrns
    assert ed_outside_only, "a patient whose only ED chest study is outside the window"
    assert any(r[0] in ed_outside_only and r[2] in CXR_CODES and "2011" <= r[3][:4] <= "2016" for r in rows)
    assert any(r[2] not in CXR_CODES and r[0] in cohort_mrns for r in rows), "non-chest studies of cohort patients"
    assert any(r[3].startswith("2016-12-31 23:") for r in expected), "last-minute study in the window"
    assert any(r[3].startswith("2010-12-31 23:") for r in rows), "last-minute study before the window"
    assert any(r["n_images"] == "0" for r in truth["cohort"]), "cohort studies without images"


def test_cohort_image_counts_match_the_pacs(truth: dict, datasets: dict) -> None:
    per_study: Counter = Counter()
    for record in truth["images"]:
        if record["category"] == "image":
            per_study[datasets[record["path"]].StudyInstanceUID] += 1
    for row in truth["cohort"]:
        assert int(row["n_images"]) == per_study[row["study_instance_uid"]], row
    out_of_cohort = [r for r in truth["images"] if r["category"] == "image" and not r["in_cohort"]]
    assert out_of_cohort, "images of studies outside the cohort"


def _sqlite_text(path: Path) -> str:
    con = sqlite3.connect(path)
    cells = []
    for (table,) in con.execute("SELECT name FROM sqlite_master WHERE type='table'"):
        for row in con.execute(f"SELECT * FROM {table}"):
            cells.extend(str(v) for v in row if v is not None)
    return "\n".join(cells)


def _element_values(ds: pydicom.Dataset) -> list[str]:
    """Every text value of the dataset, nested ones included.

    Private elements of an Implicit VR file have no known VR and read as UN
    bytes (a private sequence included), so their raw text is searched.
    """
    values = []
    for elem in ds.iterall():
        if elem.VR == "UN":
            values.append(bytes(elem.value).decode("latin-1"))
        elif elem.VR not in ("SQ", "OB", "OW"):
            values.append(str(elem.value))
    return values


def test_every_phi_value_is_where_truth_says(synth_small: Path, truth: dict, datasets: dict) -> None:
    ehr_text = _sqlite_text(synth_small / "ehr.sqlite")
    reports_by_mrn: dict[str, list[str]] = defaultdict(list)
    for report in truth["reports"]:
        reports_by_mrn[report["mrn"]].append(report["text"])
    header_by_mrn: dict[str, set[str]] = defaultdict(set)
    boxes_by_mrn: dict[str, list[dict]] = defaultdict(list)
    for record in truth["images"]:
        if record["path"] in datasets:
            header_by_mrn[record["mrn"]].update(_element_values(datasets[record["path"]]))
        elif record["category"] == "truncated":  # not parseable to the end: search its bytes
            raw = (synth_small / "pacs" / record["path"]).read_bytes()
            header_by_mrn[record["mrn"]].add(raw.decode("latin-1"))
        boxes_by_mrn[record["mrn"]].extend(b for b in record["boxes"] if b["phi"])
    all_headers = set().union(*header_by_mrn.values())
    all_reports = [t for texts in reports_by_mrn.values() for t in texts]
    all_boxes = [b for boxes in boxes_by_mrn.values() for b in boxes]
    places_seen: Counter = Counter()
    for entry in truth["phi"]:
        mrn, value = entry["mrn"], entry["value"]
        for place in entry["places"]:
            places_seen[place] += 1
            if place == "ehr":
                assert value in ehr_text, entry
            elif place == "report":
                texts = reports_by_mrn[mrn] if mrn else all_reports
                assert any(value in t for t in texts), entry
            elif place == "header":
                values = header_by_mrn[mrn] if mrn else all_headers
                assert any(value in v for v in values), entry
            elif place == "pixels":
                boxes = boxes_by_mrn[mrn] if mrn else all_boxes
                assert any(value in b["text"] for b in boxes), entry
            else:
                pytest.fail(f"unknown place {place}")
    assert set(places_seen) == {"ehr", "header", "pixels", "report"}
    kinds = {e["kind"] for e in truth["phi"]}
    assert {"family_name", "full_name", "mrn", "birth_date", "ssn", "phone", "street", "accession_number",
            "study_date", "study_time", "provider_name", "institution", "ward", "pager", "age_over_89", "uid"} <= kinds


def _resolve(ds: pydicom.Dataset, path: str) -> str:
    """Follow a truth tag path like ``00400275[0].00080050`` into the dataset."""
    node = ds
    parts = path.split(".")
    for part in parts[:-1]:
        tag, index = re.fullmatch(r"([0-9A-F]{8})\[(\d+)\]", part).groups()
        elem = node[int(tag, 16)]
        if elem.VR == "UN":  # a private sequence of an Implicit VR file: not parsed, return its bytes
            return bytes(elem.value).decode("latin-1")
        node = elem.value[int(index)]
    elem = node[int(parts[-1], 16)]
    return bytes(elem.value).decode("latin-1").rstrip(" \0") if elem.VR == "UN" else str(elem.value)


def test_header_phi_paths_hold_their_values(truth: dict, datasets: dict) -> None:
    keywords: Counter = Counter()
    for record in truth["images"]:
        if record["category"] not in ("image", "non_image", "no_pixels"):
            continue
        ds = datasets[record["path"]]
        for entry in record["header_phi"]:
            found = _resolve(ds, entry["tag"])
            if ds[int(entry["tag"][:8], 16)].VR == "UN":
                assert entry["value"] in found, (record["path"], entry)
            else:
                assert found == entry["value"], (record["path"], entry)
            keywords[entry["keyword"] or entry["tag"][:4]] += 1
    expected = {
        "PatientName", "OtherPatientNames", "PatientID", "PatientBirthDate", "PatientAddress",
        "PatientTelephoneNumbers", "InstitutionName", "InstitutionAddress", "ReferringPhysicianName",
        "PerformingPhysicianName", "OperatorsName", "AccessionNumber", "StudyID", "StudyDate", "StudyTime",
        "SeriesDate", "AcquisitionDate", "AcquisitionTime", "ContentDate", "ContentTime", "ImageComments",
        "StudyComments", "RequestedProcedureID", "ReasonForTheRequestedProcedure", "StudyInstanceUID",
        "OverlayDescription", "PatientAge", "0019",
    }
    assert expected <= set(keywords), expected - set(keywords)
    nested = [e for r in truth["images"] for e in r["header_phi"] if "[" in e["tag"]]
    assert any(e["tag"].startswith("00101002[") for e in nested)
    assert any(e["tag"].startswith("00400275[") for e in nested)
    assert any(e["tag"].startswith("0019") for e in nested)


def test_headers_carry_private_block_overlay_and_hospital_uids(truth: dict, datasets: dict) -> None:
    for record in truth["images"]:
        if record["category"] != "image":
            continue
        ds = datasets[record["path"]]
        assert ds[0x00190010].value == "HOSPRIS PACS EXPORT 2.4"
        assert ds.private_block(0x0019, "HOSPRIS PACS EXPORT 2.4")[0x10].value
        assert ds.overlay_array(0x6000).shape == (ds.Rows, ds.Columns)
        assert ds.StudyInstanceUID.startswith("1.2.999.7341.")
        assert ds.SOPInstanceUID == record["sop_instance_uid"]
        assert str(int(record["mrn"])) in ds.StudyInstanceUID
        if record["accession_in_header"]:
            assert ds.AccessionNumber == record["accession_number"]
        else:
            assert ds.AccessionNumber == ""


def test_every_transfer_syntax_and_photometric_decodes(truth: dict, datasets: dict) -> None:
    seen = Counter()
    for record in truth["images"]:
        if record["category"] != "image":
            continue
        ds = datasets[record["path"]]
        assert ds.file_meta.TransferSyntaxUID == record["transfer_syntax"]
        assert ds.PhotometricInterpretation == record["photometric"]
        assert 10 <= ds.BitsStored <= 16 and ds.BitsStored == record["bits_stored"]
        pixels = ds.pixel_array
        assert pixels.shape == (record["rows"], record["columns"])
        assert int(pixels.max()) < (1 << ds.BitsStored)
        assert hashlib.sha256(pixels.astype("<u2").tobytes()).hexdigest() == record["pixel_sha256"]
        seen[(record["transfer_syntax"], record["photometric"])] += 1
    syntaxes = {ExplicitVRLittleEndian, ImplicitVRLittleEndian, RLELossless, JPEGLosslessSV1,
                JPEGLSLossless, JPEG2000Lossless}  # fmt: skip
    assert set(seen) == {(ts, pi) for ts in syntaxes for pi in ("MONOCHROME1", "MONOCHROME2")}
    assert {r["modality"] for r in truth["images"] if r["category"] == "image"} == {"CR", "DX"}
    assert len({r["bits_stored"] for r in truth["images"] if r["category"] == "image"}) >= 3


def test_every_image_is_different_and_chest_like(truth: dict, datasets: dict) -> None:
    images = [r for r in truth["images"] if r["category"] == "image"]
    assert len({r["pixel_sha256"] for r in images}) == len(images)
    for record in images[:12]:
        ds = datasets[record["path"]]
        shown = ds.pixel_array.astype(np.float64)
        if ds.PhotometricInterpretation == "MONOCHROME1":
            shown = (1 << ds.BitsStored) - 1 - shown
        rows, cols = shown.shape
        # air outside the body (corners, away from burned-in text) is darker than the mediastinum
        centre = np.median(shown[rows // 3 : 2 * rows // 3, cols // 2 - cols // 20 : cols // 2 + cols // 20])
        corner = np.median(shown[rows // 3 : rows // 2, : cols // 30])
        assert corner < centre, record["path"]
        assert 300 <= rows <= 700


def _clean_display(record: dict, seed: int) -> np.ndarray:
    """The image exactly as it was before any text was burned in (same seeded generator)."""
    from cxrbuild.synth import anatomy, dicomgen

    rng = dicomgen.image_rng(seed, record["sop_instance_uid"])
    picture = anatomy.chest_image(rng, record["rows"], record["columns"], record["view"])
    return anatomy.to_display_levels(picture, record["bits_stored"], rng)


def test_truth_boxes_are_tight_and_complete_over_changed_pixels(truth: dict, datasets: dict) -> None:
    seed = truth["summary"]["seed"]
    n_boxes = Counter()
    for record in truth["images"]:
        if record["category"] != "image":
            continue
        ds = datasets[record["path"]]
        shown = ds.pixel_array.astype(np.int64)
        if ds.PhotometricInterpretation == "MONOCHROME1":
            shown = (1 << ds.BitsStored) - 1 - shown
        background = _clean_display(record, seed).astype(np.int64)
        covered = np.zeros(shown.shape, dtype=bool)
        for box in record["boxes"]:
            if box["label_box"]:
                x0, y0, x1, y1 = box["label_box"]
                background[y0:y1, x0:x1] = box["label_level"]
        changed = shown != background
        for box in record["boxes"]:
            x0, y0, x1, y1 = box["box"]
            inside = changed[y0:y1, x0:x1]
            assert inside[0].any() and inside[-1].any() and inside[:, 0].any() and inside[:, -1].any(), (record["path"], box)
            covered[y0:y1, x0:x1] = True
            n_boxes[(box["phi"], box["kind"])] += 1
        assert not (changed & ~covered).any(), f"{record['path']}: changed pixels outside every truth box"
    phi_kinds = {kind for (phi, kind) in n_boxes if phi}
    assert {"full_name", "mrn", "birth_date", "study_date"} <= phi_kinds
    markers = {b["text"] for r in truth["images"] for b in r["boxes"] if not b["phi"]}
    assert {"L", "R", "PORTABLE", "AP"} <= markers
    assert any(b["label_box"] for r in truth["images"] for b in r["boxes"]), "text on a filled label"
    assert len({b["font"] for r in truth["images"] for b in r["boxes"]}) >= 5


def test_reports_spans_are_exact_and_labelled(synth_small: Path, truth: dict) -> None:
    con = sqlite3.connect(synth_small / "ehr.sqlite")
    stored = dict(con.execute("SELECT accession_number, report_text FROM radiology_reports"))
    assert len(stored) == len(truth["reports"]) == truth["summary"]["studies"]
    labels = Counter()
    for report in truth["reports"]:
        text = report["text"]
        assert stored[report["accession_number"]] == text
        assert "FINAL REPORT" in text and "IMPRESSION:" in text and "FINDINGS:" in text
        previous_end = 0
        for span in sorted(report["phi"], key=lambda s: s["start"]):
            assert text[span["start"] : span["end"]] == span["value"]
            assert span["start"] >= previous_end, "spans do not overlap"
            previous_end = span["end"]
            labels[span["label"]] += 1
    assert set(labels) == REPORT_LABELS
    texts = "\n".join(r["text"] for r in truth["reports"])
    # surface forms of names and dates that a de-identifier has to handle
    assert re.search(r"Dr\. [A-Z][a-z]+", texts)
    assert re.search(r"[A-Z]{2,}, [A-Z]{2,}", texts)
    assert re.search(r"\b\d{1,2}/\d{1,2}/\d{4}\b", texts)


def test_odd_files_are_what_truth_says(synth_small: Path, truth: dict, datasets: dict) -> None:
    by_category = defaultdict(list)
    for record in truth["images"]:
        by_category[record["category"]].append(record)
    assert set(by_category) == {"image", "non_image", "truncated", "not_dicom", "duplicate", "no_pixels"}
    pacs = synth_small / "pacs"
    for record in by_category["not_dicom"]:
        assert record["expected"] == "not_dicom"
        with pytest.raises(InvalidDicomError):
            pydicom.dcmread(pacs / record["path"])
    for record in by_category["duplicate"]:
        assert (pacs / record["path"]).read_bytes() == (pacs / record["duplicate_of"]).read_bytes()
    for record in by_category["non_image"]:
        ds = datasets[record["path"]]
        assert "PixelData" not in ds and ds.Modality in ("SR", "PR")
    for record in by_category["no_pixels"]:
        ds = datasets[record["path"]]
        assert "PixelData" not in ds and ds.SOPClassUID == record["sop_class_uid"]
    for record in by_category["truncated"]:
        with warnings.catch_warnings():  # pydicom warns about the missing end: that is the point
            warnings.simplefilter("ignore", UserWarning)
            ds = pydicom.dcmread(pacs / record["path"], force=True)
        expected_bytes = record["rows"] * record["columns"] * 2
        with pytest.raises(Exception):  # noqa: B017 - any failure to decode is the point
            pixels = ds.pixel_array
            assert pixels.nbytes == expected_bytes and len(ds.PixelData) >= expected_bytes
    assert {r["expected"] for r in truth["images"]} == {
        "ok", "not_dicom", "truncated", "no_pixel_data", "not_an_image", "duplicate"
    }


def test_summary_counts_match_the_files(synth_small: Path, truth: dict) -> None:
    summary = truth["summary"]
    assert summary["files"] == dict(Counter(r["category"] for r in truth["images"]))
    assert summary["patients"] == 12 and summary["seed"] == 7
    assert summary["cohort_studies"] == len(truth["cohort"])
    on_disk = {p.relative_to(synth_small / "pacs").as_posix() for p in (synth_small / "pacs").rglob("*") if p.is_file()}
    assert on_disk == {r["path"] for r in truth["images"]}


def test_reports_hold_phi_in_its_many_surface_forms() -> None:
    from cxrbuild.synth import ehr, reports

    hospital = ehr.generate_hospital(300, seed=2)
    reports.write_reports(hospital)
    values_by_label: dict[str, list[str]] = defaultdict(list)
    for study in hospital.studies:
        for span in study.report_phi:
            values_by_label[span["label"]].append(span["value"])
    names = values_by_label["NAME"]
    assert any(re.fullmatch(r"[A-Z][A-Za-z'-]+", n) for n in names)  # 'Dr. Smith'
    assert any(re.fullmatch(r"[A-Z'-]{2,}, [A-Z'-]{2,}", n) for n in names)  # 'SMITH, JOHN'
    assert any(re.fullmatch(r"[A-Z]\. [A-Z][A-Za-z'-]+", n) for n in names)  # 'J. Smith'
    dates = values_by_label["DATE"]
    for form in (r"\d{1,2}/\d{1,2}/\d{4}", r"[A-Z][a-z]+ \d{1,2}, \d{4}", r"\d{4}-\d{2}-\d{2}", r"\d{1,2}-\d{1,2}-\d{2}", r"\d{1,2}/\d{1,2}"):
        assert any(re.fullmatch(form, d) for d in dates), form
    times = values_by_label["TIME"]
    assert any(re.fullmatch(r"\d{1,2}:\d{2} [ap]\.m\.", t) for t in times)
    assert any(re.fullmatch(r"\(\d{3}\) ?\d{3}-\d{4}", p) for p in values_by_label["PHONE"])
    assert all(re.fullmatch(r"\d{5}", p) for p in values_by_label["CONTACT"])
    assert all(int(a) > 89 for a in values_by_label["AGE"]) and values_by_label["AGE"]
    texts = "\n".join(s.report_text for s in hospital.studies)
    assert re.search(r"pager #\d{5}", texts) and re.search(r"by telephone at", texts)
    assert re.search(r"\b([1-7]\d|8[0-9])-year-old", texts), "ages of 89 or less stay in the text unlabelled"
    assert {"HOSPITAL", "LOCATION", "ID"} <= set(values_by_label)


@pytest.mark.skipif(shutil.which("dciodvfy") is None, reason="dciodvfy (dicom3tools) not installed")
def test_files_conform_to_their_iods(synth_small: Path, truth: dict) -> None:
    """dciodvfy finds no IOD errors in a CR, a DX, a Basic Text SR and a presentation state."""
    checked = {}
    for record in truth["images"]:
        if record["category"] in ("image", "non_image") and record["sop_class_uid"] not in checked:
            checked[record["sop_class_uid"]] = record["path"]
    assert len(checked) == 4
    for path in checked.values():
        result = subprocess.run(["dciodvfy", str(synth_small / "pacs" / path)], capture_output=True, text=True, check=False)
        errors = [line for line in (result.stdout + result.stderr).splitlines() if line.startswith("Error")]
        assert not errors, (path, errors)
