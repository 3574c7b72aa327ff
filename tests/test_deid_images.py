"""`cxrbuild deid-images` end to end: real and synthetic files, quarantine reasons, no leaks, valid output."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import os
import random
import re
import shutil
import struct
from pathlib import Path

import pydicom
import pydicom.data
import pytest
from pydicom.uid import UID

from cxrbuild import ids
from cxrbuild.batches.command import derived_contexts, load_shift_settings
from cxrbuild.batches.images import image_settings
from cxrbuild.cli import main
from cxrbuild.contract import STUDY_RANGE, SUBJECT_RANGE
from cxrbuild.dicom import io as dicom_io
from cxrbuild.dicom import redact
from cxrbuild.dicom.annotation import redaction_boxes
from cxrbuild.dicom.conformance import new_dciodvfy_errors
from cxrbuild.dicom.header import DUMMY_VALUES, ImageContext, is_well_known_uid
from cxrbuild.dicom.images import process_batch, process_file

PYDICOM_DATA = Path(pydicom.data.__file__).parent
KEY = b"t" * 32
REASON = re.compile(r"^[a-z_]+: \S.*$|^[a-z_]+$")
IDENTIFYING_KEYWORDS = ("PatientName", "PatientID", "AccessionNumber", "InstitutionName", "OtherPatientIDs",
                        "OtherPatientNames", "ReferringPhysicianName", "InstitutionAddress", "OperatorsName")  # fmt: skip

def made_key(path: Path) -> Path:
    """A secret key file for a run (the command makes one only with --new-key)."""
    if not path.exists():
        path.write_text("ab" * 32 + "\n")
    return path


def bundled_pydicom_files() -> list[Path]:
    """Every data file pydicom ships (test files, character set files, palettes)."""
    return sorted(
        p
        for p in PYDICOM_DATA.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.suffix != ".py"
    )


def read_manifest(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def header_bytes(path: Path) -> bytes:
    """Every byte of a file except the Pixel Data value.

    Pixel values are checked by OCR in the pixel module's tests; compressed pixel
    bytes hold digit runs such as 20121010 by chance.
    """
    data = path.read_bytes()
    pixel_data = pydicom.dcmread(path).get("PixelData")
    return data.replace(pixel_data, b"") if pixel_data else data


def original_identifiers(path: Path) -> set[str]:
    """Names (whole and parts), IDs, accession, institution and every date of the original file."""
    ds = pydicom.dcmread(path, force=True)
    terms: set[str] = set()
    for elem in ds.iterall():
        if elem.tag == 0x7FE00010:
            continue
        try:
            values = elem.value if elem.VM > 1 else [elem.value]
        except Exception:
            continue
        for value in values:
            text = str(value or "").strip()
            if elem.VR in ("DA", "DT") and re.fullmatch(r"\d{8}.*", text):
                terms.add(text[:8])
            elif elem.keyword in IDENTIFYING_KEYWORDS:
                terms.add(text)
                if elem.VR == "PN":
                    terms.update(part for part in re.split(r"[\^=]", text) if part)
            elif elem.VR == "UI" and not is_well_known_uid(text) and re.fullmatch(r"[\d.]+", text):
                terms.add(text)
    # placeholders such as ANONYMIZED identify no one, and cxrbuild writes them as dummy values (D)
    placeholders = {str(v).upper() for v in DUMMY_VALUES.values()}
    return {t for t in terms if len(t) >= 3 and t.upper() not in placeholders}


def find_terms(data: bytes, terms: set[str]) -> list[str]:
    if not terms:
        return []
    ordered = sorted(terms, key=len, reverse=True)
    pattern = re.compile(
        rb"(?<![0-9A-Za-z])(?:"
        + b"|".join(re.escape(t.encode("utf-8", "replace")) for t in ordered)
        + rb")(?![0-9A-Za-z])",
        re.IGNORECASE,
    )
    return sorted({m.group().decode("utf-8", "replace") for m in pattern.finditer(data)})


# ---------------------------------------------------------------------------
# every bundled pydicom file and every external fixture, through the command


@pytest.fixture(scope="module")
def real_files_run(tmp_path_factory, external_dir) -> tuple[Path, Path, Path]:
    """One default run (pixels on) over pydicom's bundled data and the external fixtures."""
    base = tmp_path_factory.mktemp("real")
    in_dir = base / "in"
    shutil.copytree(
        PYDICOM_DATA, in_dir / "pydicom", ignore=shutil.ignore_patterns("__pycache__", "*.py")
    )
    shutil.copytree(external_dir, in_dir / "external")
    out_dir, manifest, key_file = base / "out", base / "manifest.jsonl", base / "secret.key"
    code = main(
        [
            "deid-images",
            str(in_dir),
            str(out_dir),
            "--manifest",
            str(manifest),
            "--key-file",
            str(made_key(key_file)),
        ]
    )
    assert code == 0
    return in_dir, out_dir, manifest


def test_every_real_file_is_released_or_quarantined_with_a_reason(real_files_run):
    in_dir, out_dir, manifest = real_files_run
    records = read_manifest(manifest)
    inputs = sorted(str(p) for p in in_dir.rglob("*") if p.is_file())
    assert sorted(r["source"] for r in records) == inputs
    assert len(inputs) >= len(bundled_pydicom_files()) + 5
    outputs = {str(p) for p in out_dir.rglob("*") if p.is_file()}
    for record in records:
        if record["status"] == "ok":
            assert record["reason"] == "" and record["output"] in outputs
            assert Path(record["output"]).relative_to(out_dir) == Path(
                record["source"]
            ).relative_to(in_dir)
        else:
            assert record["status"] == "quarantined" and record["output"] is None
            assert REASON.match(record["reason"]) and "\n" not in record["reason"], record
            assert "; needs " in record["reason"], record  # what would clean the file
            assert not record["reason"].startswith("error"), record  # a known reason, not a crash
    assert outputs == {r["output"] for r in records if r["status"] == "ok"}  # nothing else written
    ok = [r for r in records if r["status"] == "ok"]
    assert len(ok) >= 40
    by_name = {Path(r["source"]).name: r for r in records}
    assert by_name["MR_truncated.dcm"]["reason"].startswith("truncated")
    assert by_name["rtplan.dcm"]["reason"].startswith("not_an_image")
    assert by_name["README.txt"]["reason"].startswith("not_dicom")
    # the external fixtures are images cxrbuild must handle: released, or held back only by the pixel step
    external = [r for r in records if "/external/" in r["source"] and r["source"].endswith(".dcm")]
    assert len(external) == 5
    for record in external:
        assert record["status"] == "ok" or record["reason"].startswith("pixel_"), record
    assert sum(r["status"] == "ok" for r in external) >= 3


def test_no_original_identifier_survives_in_any_output_byte(real_files_run):
    _in_dir, _out_dir, manifest = real_files_run
    checked = 0
    for record in read_manifest(manifest):
        if record["status"] != "ok":
            continue
        terms = original_identifiers(Path(record["source"]))
        found = find_terms(header_bytes(Path(record["output"])), terms)
        assert not found, (record["source"], found)
        checked += 1
    assert checked >= 40


def test_outputs_carry_the_deidentification_record_and_the_boxes(real_files_run):
    _in_dir, _out_dir, manifest = real_files_run
    for record in read_manifest(manifest):
        if record["status"] != "ok":
            continue
        ds = pydicom.dcmread(record["output"])
        assert ds.PatientIdentityRemoved == "YES"
        assert ds.BurnedInAnnotation == "NO"
        codes = {item.CodeValue for item in ds.DeidentificationMethodCodeSequence}
        assert {"113100", "113101", "113103", "113105", "113107", "113108"} <= codes
        assert [list(box) for box in redaction_boxes(ds)] == record["boxes"]
        assert ds.file_meta.MediaStorageSOPInstanceUID == ds.SOPInstanceUID
        assert ds.preamble == b"\x00" * 128


LOSSY_TRANSFER_SYNTAXES = {"1.2.840.10008.1.2.4.50", "1.2.840.10008.1.2.4.51", "1.2.840.10008.1.2.4.81",
                           "1.2.840.10008.1.2.4.91", "1.2.840.10008.1.2.4.203"}  # fmt: skip


def test_pixel_data_is_never_degraded(real_files_run):
    """Untouched pixels keep their bytes; lossless stays lossless; a lossy source is never re-encoded lossily."""
    _in_dir, _out_dir, manifest = real_files_run
    for record in read_manifest(manifest):
        if record["status"] != "ok":
            continue
        source, output = pydicom.dcmread(record["source"]), pydicom.dcmread(record["output"])
        before, after = (
            str(source.file_meta.TransferSyntaxUID),
            str(output.file_meta.TransferSyntaxUID),
        )
        if not record["boxes"]:
            assert after == before and output.PixelData == source.PixelData, record["source"]
        elif before in LOSSY_TRANSFER_SYNTAXES:
            assert after not in LOSSY_TRANSFER_SYNTAXES, record["source"]
        elif UID(before).is_compressed:
            # the same syntax, or the first lossless one pydicom can encode these pixels in
            assert after in redact.target_syntaxes(UID(before), before), record["source"]
            assert after not in LOSSY_TRANSFER_SYNTAXES, record["source"]


def assert_no_new_dciodvfy_errors(source: Path, output: Path) -> None:
    new = new_dciodvfy_errors(source, output)
    assert not new, (source.name, new)


@pytest.mark.skipif(shutil.which("dciodvfy") is None, reason="dciodvfy (dicom3tools) not installed")
def test_outputs_validate_with_dciodvfy_no_worse_than_inputs(real_files_run):
    """Images whose pixels the pixel step left as they were: any new finding would be the header's.

    (Re-encoded pixel data is validated by the pixel module's own tests.)
    """
    _in_dir, _out_dir, manifest = real_files_run
    compared = 0
    for record in read_manifest(manifest):
        if record["status"] == "ok" and not record["boxes"]:
            assert_no_new_dciodvfy_errors(Path(record["source"]), Path(record["output"]))
            compared += 1
    assert compared >= 30


@pytest.mark.skipif(shutil.which("dciodvfy") is None, reason="dciodvfy (dicom3tools) not installed")
def test_header_only_outputs_of_every_image_validate_with_dciodvfy(tmp_path):
    settings = image_settings({"pixels": False, "modalities": "any"})
    ctx = ImageContext("10000001", "50000001", "e" * 8 + "-" + "-".join(["e" * 8] * 4), 40000, KEY)
    compared = 0
    for index, src in enumerate(image_files()):
        record = process_file(src, tmp_path / f"{index}.dcm", ctx, settings)
        if record.status == "ok":
            assert_no_new_dciodvfy_errors(src, Path(record.output))
            compared += 1
    assert compared >= 50


# ---------------------------------------------------------------------------
# header only: every transfer syntax keeps its pixel bytes


def image_files() -> list[Path]:
    files = []
    for path in bundled_pydicom_files():
        try:
            dicom_io.read_image(path, pixels_on=False)
        except dicom_io.Quarantine:
            continue
        files.append(path)
    return files


def test_pixel_data_bytes_and_transfer_syntax_are_kept_when_pixels_are_not_touched(tmp_path):
    settings = image_settings({"pixels": False, "modalities": "any"})
    syntaxes = set()
    for index, src in enumerate(image_files()):
        ctx = ImageContext(
            "10000001", "50000001", "0" * 8 + "-" + "-".join(["0" * 8] * 4), 7000, KEY
        )
        dst = tmp_path / f"{index}.dcm"
        record = process_file(src, dst, ctx, settings)
        original = pydicom.dcmread(src)
        if str(original.get("BurnedInAnnotation", "")).upper() == "YES":
            assert record.status == "quarantined" and record.reason.startswith(
                "burned_in_annotation"
            )
            continue
        assert record.status == "ok", (src.name, record.reason)
        written = pydicom.dcmread(dst)
        syntax = (
            UID(str(original.file_meta.TransferSyntaxUID))
            if "TransferSyntaxUID" in original.file_meta
            else None
        )
        if syntax is not None and syntax.is_compressed:
            assert written.file_meta.TransferSyntaxUID == syntax, src.name
            assert written.PixelData == original.PixelData, src.name  # encapsulated bytes untouched
            syntaxes.add(syntax)
        else:
            assert written.pixel_array.tobytes() == original.pixel_array.tobytes(), src.name
    assert len(syntaxes) >= 5  # RLE, JPEG baseline, JPEG-LS, JPEG 2000 (lossless and lossy)


# ---------------------------------------------------------------------------
# robustness


def test_truncated_copies_never_crash_and_are_quarantined(tmp_path):
    settings = image_settings({"pixels": False, "modalities": "any"})
    in_dir = tmp_path / "in"
    in_dir.mkdir()
    for name in (
        "CT_small.dcm",
        "MR_small_RLE.dcm",
        "JPEG2000.dcm",
        "image_dfl.dcm",
        "MR_small_bigendian.dcm",
    ):
        data = (PYDICOM_DATA / "test_files" / name).read_bytes()
        # (the deflated file has 8 bytes of padding after its deflate stream: 0.999 would cut only those)
        for fraction in (0.05, 0.2, 0.4, 0.6, 0.8, 0.95, 0.999)[
            : 6 if name == "image_dfl.dcm" else 7
        ]:
            (in_dir / f"{name}.{fraction}").write_bytes(data[: int(len(data) * fraction)])
    ctx = ImageContext("10000001", "50000001", "a" * 8 + "-" + "-".join(["a" * 8] * 4), 700, KEY)
    items = [(p, tmp_path / "out" / p.name, ctx) for p in sorted(in_dir.iterdir())]
    result = process_batch(items, settings, tmp_path / "manifest.jsonl")
    assert result.ok == 0 and result.quarantined == len(items)
    assert set(result.by_reason) <= {"truncated", "not_dicom", "unreadable", "no_pixel_data"}
    # a cut that falls exactly between two elements leaves a whole, shorter data set (here: no pixel data)
    assert result.by_reason["truncated"] >= len(items) - 2
    assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())


def test_corrupted_headers_get_a_known_reason_never_an_error(tmp_path):
    """Random bytes changed in the headers of real files (seeded): each file is released or
    quarantined for a known reason, and whatever is released reads back without its identifiers."""
    rng = random.Random(20240611)
    in_dir = tmp_path / "in"
    in_dir.mkdir()
    for name in (
        "CT_small.dcm",
        "MR_small_RLE.dcm",
        "MR_small_bigendian.dcm",
        "nested_priv_SQ.dcm",
        "JPEG2000.dcm",
    ):
        data = (PYDICOM_DATA / "test_files" / name).read_bytes()
        for variant in range(30):
            corrupted = bytearray(data)
            for _ in range(rng.randint(1, 6)):
                corrupted[rng.randrange(128, min(len(data), 1200))] = rng.randrange(256)
            (in_dir / f"{name}.{variant}").write_bytes(bytes(corrupted))
    manifest = tmp_path / "m.jsonl"
    args = ["deid-images", str(in_dir), str(tmp_path / "out"), "--manifest", str(manifest), "--key-file",
            str(made_key(tmp_path / "k")), "--no-pixel-deid"]  # fmt: skip
    assert main(args) == 0
    records = read_manifest(manifest)
    assert len(records) == 150
    assert not [r["reason"] for r in records if r["reason"].startswith("error")]
    for record in records:
        if record["status"] == "ok":
            ds = pydicom.dcmread(record["output"])
            assert ds.PatientIdentityRemoved == "YES" and str(ds.PatientName) == ""


def test_command_elements_and_missing_sop_class_are_handled(tmp_path):
    settings = image_settings({"pixels": False, "modalities": "any"})
    ctx = ImageContext("10000001", "50000001", "8" * 8 + "-" + "-".join(["8" * 8] * 4), 700, KEY)
    # a DIMSE command element (0000,0902) left in a stored file: pydicom will not write one,
    # so it goes in as bytes right after the file meta information (explicit VR little endian)
    data = (PYDICOM_DATA / "test_files" / "CT_small.dcm").read_bytes()
    offset, _syntax = dicom_io._meta_end(data)
    value = b"status message"
    element = struct.pack("<HH2sH", 0x0000, 0x0902, b"LO", len(value)) + value
    with_command = tmp_path / "command.dcm"
    with_command.write_bytes(data[:offset] + element + data[offset:])
    assert 0x00000902 in pydicom.dcmread(with_command)
    record = process_file(with_command, tmp_path / "out1.dcm", ctx, settings)
    assert record.status == "ok", record.reason
    assert 0x00000902 not in pydicom.dcmread(tmp_path / "out1.dcm")
    ds = pydicom.dcmread(PYDICOM_DATA / "test_files" / "CT_small.dcm")
    del ds.SOPClassUID
    without_class = tmp_path / "noclass.dcm"
    ds.save_as(without_class)
    record = process_file(without_class, tmp_path / "out2.dcm", ctx, settings)
    assert record.reason == "unreadable: no SOP Class UID; needs a copy with its SOP Class UID"


def test_duplicate_sop_instance_is_quarantined_and_first_output_kept(tmp_path):
    in_dir = tmp_path / "in"
    (in_dir / "a").mkdir(parents=True)
    (in_dir / "b").mkdir()
    shutil.copy(PYDICOM_DATA / "test_files" / "CT_small.dcm", in_dir / "a" / "one.dcm")
    shutil.copy(PYDICOM_DATA / "test_files" / "CT_small.dcm", in_dir / "b" / "copy.dcm")
    manifest = tmp_path / "m.jsonl"
    code = main(["deid-images", str(in_dir), str(tmp_path / "out"), "--manifest", str(manifest),
                 "--key-file", str(made_key(tmp_path / "k")), "--no-pixel-deid"])  # fmt: skip
    assert code == 0
    first, second = read_manifest(manifest)
    assert first["status"] == "ok" and second["reason"].startswith("duplicate")
    assert [p.name for p in (tmp_path / "out").rglob("*") if p.is_file()] == ["one.dcm"]


def test_a_rerun_that_quarantines_a_file_removes_its_old_output(tmp_path):
    in_dir = tmp_path / "in"
    in_dir.mkdir()
    shutil.copy(PYDICOM_DATA / "test_files" / "CT_small.dcm", in_dir / "ct.dcm")
    args = [
        "deid-images",
        str(in_dir),
        str(tmp_path / "out"),
        "--key-file",
        str(made_key(tmp_path / "k")),
        "--no-pixel-deid",
    ]
    assert main(args) == 0
    assert (tmp_path / "out" / "ct.dcm").exists()
    assert main([*args, "--modalities", "CR,DX"]) == 0
    assert not (tmp_path / "out" / "ct.dcm").exists()


def test_a_failed_write_leaves_no_partial_file(tmp_path, monkeypatch):
    def failing_save(self, filename, **kwargs):
        Path(filename).write_bytes(b"DICM half written")
        raise OSError("disk full")

    monkeypatch.setattr(pydicom.dataset.Dataset, "save_as", failing_save)
    ctx = ImageContext("10000001", "50000001", "b" * 8 + "-" + "-".join(["b" * 8] * 4), 700, KEY)
    dst = tmp_path / "out" / "ct.dcm"
    record = process_file(
        PYDICOM_DATA / "test_files" / "CT_small.dcm",
        dst,
        ctx,
        image_settings({"pixels": False, "modalities": "any"}),
    )
    assert record.status == "quarantined" and record.reason.startswith("error: OSError")
    assert not dst.exists()
    assert list((tmp_path / "out").iterdir()) == []


def test_modalities_are_restricted_to_radiographs_by_default(tmp_path):
    settings = image_settings({"pixels": False})
    assert settings.modalities == {"CR", "DX", "DR", "RG"}
    assert image_settings({"modalities": "any"}).modalities is None
    assert image_settings({"modalities": "cr, dx"}).modalities == {"CR", "DX"}
    ctx = ImageContext("10000001", "50000001", "c" * 8 + "-" + "-".join(["c" * 8] * 4), 700, KEY)
    ct = process_file(
        PYDICOM_DATA / "test_files" / "CT_small.dcm", tmp_path / "ct.dcm", ctx, settings
    )
    assert ct.reason.startswith("modality_not_allowed")
    cr = PYDICOM_DATA / "test_files" / "dicomdirtests" / "77654033" / "CR1" / "6154"
    assert process_file(cr, tmp_path / "cr.dcm", ctx, settings).status == "ok"


def test_verification_rereads_around_the_boxes_just_blacked_out(tmp_path, monkeypatch, external_dir):
    """The second pass runs before the boxes are recorded in the header, so it must be given them."""
    from cxrbuild.dicom import pixels

    real_verify = pixels.verify_pixels
    seen: list = []

    def spy(ds, deny, policy=None, boxes=None):
        seen.append(None if boxes is None else [list(b) for b in boxes])
        return real_verify(ds, deny, policy, boxes=boxes)

    monkeypatch.setattr(pixels, "verify_pixels", spy)
    ctx = ImageContext("10000001", "50000001", "c" * 8 + "-" + "-".join(["c" * 8] * 4), 700, KEY)
    record = process_file(
        external_dir / "presidio_CT_localizer_burnedin.dcm",
        tmp_path / "out.dcm",
        ctx,
        image_settings({"modalities": "any"}),
    )
    assert record.boxes, "the localizer's burned-in name and dates are blacked out"
    assert seen == [record.boxes]


def test_context_file_sets_identities_and_output_paths(tmp_path):
    in_dir = tmp_path / "in"
    in_dir.mkdir()
    shutil.copy(PYDICOM_DATA / "test_files" / "CT_small.dcm", in_dir / "ct.dcm")
    shutil.copy(PYDICOM_DATA / "test_files" / "MR_small.dcm", in_dir / "mr.dcm")
    context = tmp_path / "context.jsonl"
    line = {"source": "ct.dcm", "subject_id": "10000032", "study_id": "50414267", "day_shift": 35000,
            "dicom_id": "02aa804e-bde0afdd-112c0b34-7bc16630-4e384014", "deny": ["GE MEDICAL SYSTEMS"],
            "output": "files/p10/p10000032/s50414267/02aa804e-bde0afdd-112c0b34-7bc16630-4e384014.dcm"}  # fmt: skip
    context.write_text(json.dumps(line) + "\n")
    manifest = tmp_path / "m.jsonl"
    code = main(["deid-images", str(in_dir), str(tmp_path / "out"), "--manifest", str(manifest), "--context", str(context),
                 "--key-file", str(made_key(tmp_path / "k")), "--no-pixel-deid"])  # fmt: skip
    assert code == 0
    ct, mr = read_manifest(manifest)
    assert ct["status"] == "ok" and ct["output"] == str(tmp_path / "out" / line["output"])
    assert mr["reason"].startswith("no_context")
    ds = pydicom.dcmread(ct["output"])
    original = pydicom.dcmread(in_dir / "ct.dcm")
    assert (ds.PatientID, ds.StudyID) == ("10000032", "50414267")
    shifted = dt.datetime.strptime(ds.StudyDate, "%Y%m%d") - dt.datetime.strptime(
        original.StudyDate, "%Y%m%d"
    )
    assert shifted.days == 35000
    assert "GE MEDICAL SYSTEMS" not in str(
        ds.get("Manufacturer", "")
    )  # the EHR deny list cleans kept text


def test_standalone_identities_are_keyed_and_in_range(tmp_path):
    in_dir = tmp_path / "in"
    shutil.copytree(PYDICOM_DATA / "test_files" / "dicomdirtests" / "98892003", in_dir)
    manifest = tmp_path / "m.jsonl"
    args = ["deid-images", str(in_dir), str(tmp_path / "out"), "--manifest", str(manifest), "--key-file", str(made_key(tmp_path / "k")),
            "--no-pixel-deid"]  # fmt: skip
    assert main(args) == 0
    records = [r for r in read_manifest(manifest) if r["status"] == "ok"]
    assert len(records) >= 10
    subjects = {r["subject_id"] for r in records}
    assert len(subjects) == 1  # one patient in this folder
    for record in records:
        assert SUBJECT_RANGE[0] <= int(record["subject_id"]) <= SUBJECT_RANGE[1]
        assert STUDY_RANGE[0] <= int(record["study_id"]) <= STUDY_RANGE[1]
        assert re.fullmatch(r"[0-9a-f]{8}(-[0-9a-f]{8}){4}", record["dicom_id"])
    years = {int(pydicom.dcmread(r["output"]).StudyDate[:4]) for r in records}
    assert 2100 <= min(years) <= 2200  # the earliest date of the patient lands in 2100-2200
    # same key, same inputs: byte-identical outputs
    again = tmp_path / "again"
    assert main(["deid-images", str(in_dir), str(again), "--manifest", str(tmp_path / "m2.jsonl"), "--key-file",
                 str(made_key(tmp_path / "k")), "--no-pixel-deid"]) == 0  # fmt: skip
    for record in records:
        relative = Path(record["output"]).relative_to(tmp_path / "out")
        assert (again / relative).read_bytes() == Path(record["output"]).read_bytes()


def test_a_data_set_without_file_meta_is_written_as_a_proper_file(tmp_path):
    ds = pydicom.dcmread(PYDICOM_DATA / "test_files" / "CT_small.dcm")
    ds.file_meta = pydicom.dataset.FileMetaDataset()
    ds.preamble = None
    raw = tmp_path / "raw.dcm"
    pydicom.dcmwrite(raw, ds, enforce_file_format=False, implicit_vr=True, little_endian=True)
    assert raw.read_bytes()[128:132] != b"DICM"
    ctx = ImageContext("10000001", "50000001", "f" * 8 + "-" + "-".join(["f" * 8] * 4), 700, KEY)
    settings = image_settings({"pixels": False, "modalities": "any"})
    record = process_file(raw, tmp_path / "out.dcm", ctx, settings)
    assert record.status == "ok", record.reason
    written = pydicom.dcmread(tmp_path / "out.dcm")
    assert written.file_meta.TransferSyntaxUID == "1.2.840.10008.1.2"
    original = pydicom.dcmread(PYDICOM_DATA / "test_files" / "CT_small.dcm")
    assert written.pixel_array.tobytes() == original.pixel_array.tobytes()


def test_broken_links_and_empty_files_are_accounted_for(tmp_path):
    in_dir = tmp_path / "in"
    in_dir.mkdir()
    (in_dir / "empty.dcm").write_bytes(b"")
    (in_dir / "gone.dcm").symlink_to(tmp_path / "nowhere.dcm")
    manifest = tmp_path / "m.jsonl"
    assert main(["deid-images", str(in_dir), str(tmp_path / "out"), "--manifest", str(manifest), "--key-file",
                 str(made_key(tmp_path / "k")), "--no-pixel-deid"]) == 0  # fmt: skip
    reasons = {Path(r["source"]).name: r["reason"] for r in read_manifest(manifest)}
    assert reasons["empty.dcm"].startswith("not_dicom") and reasons["gone.dcm"].startswith(
        "symlink: link to a missing file"
    )


def test_bad_invocations_fail_with_one_line(tmp_path, capsys):
    assert main(["deid-images", str(tmp_path / "missing"), str(tmp_path / "out")]) == 2
    assert "input folder not found" in capsys.readouterr().err
    (tmp_path / "in").mkdir()
    assert main(["deid-images", str(tmp_path / "in"), str(tmp_path / "in" / "out")]) == 2
    assert "must not overlap" in capsys.readouterr().err
    config = tmp_path / "bad.yaml"
    config.write_text("header:\n  patient_name: initials\n")
    args = [
        "deid-images",
        str(tmp_path / "in"),
        str(tmp_path / "out"),
        "--config",
        str(config),
        "--key-file",
        str(made_key(tmp_path / "k")),
    ]
    assert main(args) == 2
    err = capsys.readouterr().err.strip()
    assert "patient_name" in err and len(err.splitlines()) == 1


# ---------------------------------------------------------------------------
# the synthetic PACS


def test_synthetic_pacs_has_no_header_leak_of_any_truth_phi(synth_small, tmp_path):
    pacs, truth = synth_small / "pacs", synth_small / "truth"
    manifest = tmp_path / "manifest.jsonl"
    config = tmp_path / "config.yaml"
    # pixels are cleaned (burned-in images need it) but not re-verified here: this test is about headers
    config.write_text("pixels: true\nverify: false\n")
    args = ["deid-images", str(pacs), str(tmp_path / "out"), "--manifest", str(manifest), "--key-file",
            str(made_key(tmp_path / "k")), "--config", str(config), "--workers", "2"]  # fmt: skip
    assert main(args) == 0
    records = {Path(r["source"]).relative_to(pacs).as_posix(): r for r in read_manifest(manifest)}
    images = [json.loads(line) for line in (truth / "images.jsonl").read_text().splitlines()]
    assert set(records) == {image["path"] for image in images}
    # every file's fate is the one the generator intended (or a pixel quarantine for a burned-in image)
    for image in images:
        record = records[image["path"]]
        if image["expected"] == "ok":
            assert record["status"] == "ok" or record["reason"].startswith("pixel"), (
                image["path"],
                record["reason"],
            )
        else:
            assert record["reason"].split(":")[0] == image["expected"], (
                image["path"],
                record["reason"],
            )
    # every PHI value the generator put in a header, nested and private ones included; times of day
    # are not dates (PS3.15 E.3.6 shifts dates, TM stays) and are kept like MIMIC-CXR keeps them
    values = {
        h["value"]
        for image in images
        for h in image["header_phi"]
        if h.get("kind") not in ("study_time", "time")
    }
    for line in (truth / "phi.jsonl").read_text().splitlines():
        phi = json.loads(line)
        if "header" in phi["places"] and phi["kind"] not in ("study_time", "time"):
            values.add(phi["value"])
    terms = {str(v).strip() for v in values if len(str(v).strip()) >= 3}
    assert len(terms) > 100
    outputs = [Path(r["output"]) for r in records.values() if r["status"] == "ok"]
    assert len(outputs) >= 0.8 * sum(image["expected"] == "ok" for image in images)
    for output in outputs:
        assert not find_terms(header_bytes(output), terms), output
    # intervals between any two dates of a patient, across all of their files, are kept to the second
    by_subject: dict[str, list[tuple[dt.datetime, dt.datetime]]] = {}
    for record in records.values():
        if record["status"] == "ok":
            points = (
                study_datetime(pydicom.dcmread(record["source"])),
                study_datetime(pydicom.dcmread(record["output"])),
            )
            by_subject.setdefault(record["subject_id"], []).append(points)
    assert len(by_subject) >= 5
    for points in by_subject.values():
        for (before_a, after_a), (before_b, after_b) in itertools.pairwise(points):
            assert after_a - after_b == before_a - before_b
        # the patient's earliest date moves into 2100-2200 (contracts section 2); the rest follows
        assert 2100 <= min(after for _before, after in points).year <= 2200
    # ages over 89 are aggregated
    ages = {str(pydicom.dcmread(o).get("PatientAge", "")) for o in outputs}
    assert all(not re.fullmatch(r"0(9[1-9])Y|1\d\dY", age) for age in ages)


def study_datetime(ds: pydicom.Dataset) -> dt.datetime:
    time = str(ds.get("StudyTime", "") or "000000").split(".")[0].ljust(6, "0")
    return dt.datetime.strptime(str(ds.StudyDate) + time, "%Y%m%d%H%M%S")


def test_worker_pool_gives_the_same_bytes_as_one_process(tmp_path):
    files = [
        PYDICOM_DATA / "test_files" / n
        for n in ("CT_small.dcm", "MR_small.dcm", "rtplan.dcm", "SC_rgb_rle.dcm")
    ]
    settings = image_settings({"pixels": False, "modalities": "any"})

    def run(workers: int, out: Path) -> list[str]:
        items = [
            (
                src,
                out / src.name,
                ImageContext(
                    "10000001", f"5000000{i}", "d" * 8 + "-" + "-".join(["d" * 8] * 4), 3, KEY
                ),
            )
            for i, src in enumerate(files)
        ]
        process_batch(items, settings, out.with_suffix(".jsonl"), workers=workers)
        return [(out / f.name).read_bytes().hex() if (out / f.name).exists() else "" for f in files]

    assert run(2, tmp_path / "pool") == run(1, tmp_path / "serial")
    assert not [p for p in (tmp_path / "pool").iterdir() if p.name.startswith(".")]


class WorkerKillingContext(ImageContext):
    """An ordinary context here; unpickled in a worker process it ends that process at once,
    as a decoder crashing on a malformed file would."""

    def __reduce__(self):
        return (os._exit, (3,))


def test_a_file_that_kills_its_worker_is_quarantined_and_the_batch_goes_on(tmp_path):
    settings = image_settings({"pixels": False, "modalities": "any"})
    dicom_id = "9" * 8 + "-" + "-".join(["9" * 8] * 4)
    names = ("CT_small.dcm", "MR_small.dcm", "SC_rgb_rle.dcm")
    items = []
    for i, name in enumerate(names):
        context_type = WorkerKillingContext if i == 1 else ImageContext
        ctx = context_type("10000001", f"5000000{i}", dicom_id, 700, KEY)
        items.append((PYDICOM_DATA / "test_files" / name, tmp_path / "out" / name, ctx))
    result = process_batch(items, settings, tmp_path / "m.jsonl", workers=2)
    records = read_manifest(tmp_path / "m.jsonl")
    assert [r["status"] for r in records] == ["ok", "quarantined", "ok"]
    assert records[1]["reason"] == (
        "error: worker process died while reading this file; needs a decoder that does not crash on this file"
    )
    assert (result.ok, result.quarantined) == (2, 1)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "CT_small.dcm",
        "SC_rgb_rle.dcm",
    ]


def test_environment_key_file_is_used_when_no_option(tmp_path, monkeypatch):
    monkeypatch.setenv("CXRBUILD_KEY_FILE", str(tmp_path / "env.key"))
    in_dir = tmp_path / "in"
    in_dir.mkdir()
    shutil.copy(PYDICOM_DATA / "test_files" / "CT_small.dcm", in_dir / "ct.dcm")
    assert main(["deid-images", str(in_dir), str(tmp_path / "out"), "--no-pixel-deid", "--new-key"]) == 0
    assert (tmp_path / "env.key").exists()
    assert os.stat(tmp_path / "env.key").st_mode & 0o077 == 0
    assert (tmp_path / "out.manifest.jsonl").exists()


def _patient_copy(path: Path, patient_id: str, accession: str, study_date: str, admitted: str | None) -> None:
    ds = pydicom.dcmread(PYDICOM_DATA / "test_files" / "CT_small.dcm")
    ds.PatientID, ds.AccessionNumber, ds.StudyDate = patient_id, accession, study_date
    ds.SeriesDate = ds.AcquisitionDate = ds.ContentDate = ds.InstanceCreationDate = study_date
    if admitted:
        ds.AdmittingDate = admitted
    ds.SOPInstanceUID = pydicom.uid.generate_uid(entropy_srcs=[patient_id, study_date])
    ds.save_as(path)


def test_standalone_shift_is_anchored_on_the_admission_else_the_earliest_image(tmp_path):
    in_dir = tmp_path / "in"
    in_dir.mkdir()
    _patient_copy(in_dir / "a1.dcm", "MRN1", "ACC1", "20130405", admitted="20130401")
    _patient_copy(in_dir / "a2.dcm", "MRN1", "ACC2", "20130102", admitted=None)
    _patient_copy(in_dir / "b1.dcm", "MRN2", "ACC3", "20120707", admitted=None)
    _patient_copy(in_dir / "b2.dcm", "MRN2", "ACC4", "20120709", admitted=None)
    settings = ids.ShiftSettings(window_years=6)
    contexts = {p.name: c for p, c in derived_contexts(sorted(in_dir.iterdir()), in_dir, KEY, settings).items()}
    # the admission the header records wins over an earlier image; without one, the earliest image date
    assert contexts["a1.dcm"].day_shift == contexts["a2.dcm"].day_shift == ids.day_shift(
        KEY, "MRN1", dt.date(2013, 4, 1), settings)
    assert contexts["b1.dcm"].day_shift == contexts["b2.dcm"].day_shift == ids.day_shift(
        KEY, "MRN2", dt.date(2012, 7, 7), settings)
    assert ids.day_shift(KEY, "MRN1", dt.date(2013, 1, 2), settings) != contexts["a2.dcm"].day_shift
    # the shift settings are read from a workflow config's ids and cohort sections
    config = tmp_path / "config.yaml"
    config.write_text("cohort: {start: '2011-01-01', end: '2016-12-31'}\nids: {shift_unit: days}\n")
    assert load_shift_settings(config) == ids.ShiftSettings(unit_days=1, window_years=6)
    assert load_shift_settings(None) == ids.ShiftSettings()


def test_links_in_the_input_are_never_followed_and_each_has_a_manifest_line(tmp_path):
    in_dir, outside = tmp_path / "in", tmp_path / "outside"
    in_dir.mkdir()
    outside.mkdir()
    shutil.copy(PYDICOM_DATA / "test_files" / "CT_small.dcm", in_dir / "ct.dcm")
    shutil.copy(PYDICOM_DATA / "test_files" / "MR_small.dcm", outside / "mr.dcm")
    (in_dir / "passwd.dcm").symlink_to("/etc/passwd")
    (in_dir / "mr.dcm").symlink_to(outside / "mr.dcm")
    (in_dir / "again.dcm").symlink_to(in_dir / "ct.dcm")
    (in_dir / "elsewhere").symlink_to(outside, target_is_directory=True)
    manifest = tmp_path / "m.jsonl"
    assert main(["deid-images", str(in_dir), str(tmp_path / "out"), "--manifest", str(manifest), "--key-file",
                 str(made_key(tmp_path / "k")), "--no-pixel-deid"]) == 0  # fmt: skip
    records = {Path(r["source"]).name: r for r in read_manifest(manifest)}
    assert set(records) == {"ct.dcm", "passwd.dcm", "mr.dcm", "again.dcm", "elsewhere"}
    assert records["ct.dcm"]["status"] == "ok"
    for name, where in (("passwd.dcm", "outside"), ("mr.dcm", "outside"), ("again.dcm", "inside"),
                        ("elsewhere", "outside")):
        record = records[name]
        assert record["status"] == "quarantined" and record["output"] is None
        assert record["reason"].startswith(f"symlink: link to a {'folder' if name == 'elsewhere' else 'file'} "
                                           f"{where} IN_DIR"), record["reason"]
    assert [p.name for p in (tmp_path / "out").rglob("*")] == ["ct.dcm"]


def test_a_folder_of_out_dir_linked_elsewhere_is_never_written_through(tmp_path):
    in_dir, out_dir, elsewhere = tmp_path / "in", tmp_path / "out", tmp_path / "elsewhere"
    (in_dir / "sub").mkdir(parents=True)
    shutil.copy(PYDICOM_DATA / "test_files" / "CT_small.dcm", in_dir / "sub" / "ct.dcm")
    shutil.copy(PYDICOM_DATA / "test_files" / "MR_small.dcm", in_dir / "mr.dcm")
    elsewhere.mkdir()
    out_dir.mkdir()
    (out_dir / "sub").symlink_to(elsewhere, target_is_directory=True)
    manifest = tmp_path / "m.jsonl"
    assert main(["deid-images", str(in_dir), str(out_dir), "--manifest", str(manifest), "--key-file",
                 str(made_key(tmp_path / "k")), "--no-pixel-deid"]) == 0  # fmt: skip
    assert list(elsewhere.iterdir()) == []
    records = {Path(r["source"]).name: r for r in read_manifest(manifest)}
    assert records["mr.dcm"]["status"] == "ok"
    assert records["ct.dcm"]["status"] == "quarantined"
    assert records["ct.dcm"]["reason"].startswith("symlink: the output folder sub is a link")
