"""Every transfer syntax and photometric interpretation pydicom decodes is cleaned losslessly.

Per case (one of pydicom's bundled test files, or one derived from them at
test time): a box is blacked out the way the pipeline does it, the file is
written and read back, and then

- every decoded value outside the box is the source's, bit for bit, in every
  frame and sample; every value inside is black as displayed;
- the output is in the expected lossless transfer syntax (JPEG Lossless
  becomes JPEG-LS lossless; lossy sources are written natively and keep
  their Lossy Image Compression history);
- dciodvfy finds no error the source does not have;
- the whole image pipeline (OCR and its second pass included) releases the
  source file rather than quarantining it.
"""

from __future__ import annotations

import json
import shutil
import struct
from pathlib import Path

import numpy as np
import pydicom
import pytest
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.encaps import encapsulate
from pydicom.uid import (
    JPEG2000,
    UID,
    DeflatedExplicitVRLittleEndian,
    ExplicitVRBigEndian,
    ExplicitVRLittleEndian,
    ImplicitVRLittleEndian,
    JPEG2000Lossless,
    JPEGBaseline8Bit,
    JPEGExtended12Bit,
    JPEGLosslessSV1,
    JPEGLSLossless,
    JPEGLSNearLossless,
    RLELossless,
)

from cxrbuild.batches.images import image_settings
from cxrbuild.dicom import io as dicom_io
from cxrbuild.dicom import redact
from cxrbuild.dicom.conformance import (
    dciodvfy_available,
    new_dciodvfy_errors,
    outside_mask,
    pixels_outside_boxes_equal,
)
from cxrbuild.dicom.header import (
    HeaderSettings,
    ImageContext,
    deidentify_header,
    deny_list_from_header,
    find_header_leaks,
)
from cxrbuild.dicom.images import process_file
from cxrbuild.dicom.pixels import PixelPolicy, blackout, decode
from cxrbuild.synth import jpeg_lossless
from cxrbuild.text.deid import descriptor_phi_spans

TEST_FILES = Path(pydicom.__file__).parent / "data" / "test_files"
KEY = b"s" * 32
CONTEXT = ImageContext("10000002", "50000002", "a" * 8 + "-" + "-".join(["a" * 8] * 4), 3500, KEY)
LOSSY = {JPEGBaseline8Bit, JPEGExtended12Bit, JPEGLSNearLossless, JPEG2000}

# (case id, source file under test_files or a derived file, transfer syntax written after a box)
CASES = [
    ("explicit-le-mono2-signed", "MR_small.dcm", ExplicitVRLittleEndian),
    ("implicit-le-mono2", "MR_small_implicit.dcm", ImplicitVRLittleEndian),
    ("explicit-be-mono2", "MR_small_bigendian.dcm", ExplicitVRBigEndian),
    ("deflated-mono2", "image_dfl.dcm", DeflatedExplicitVRLittleEndian),
    ("explicit-le-mono1", "dicomdirtests/77654033/CR1/6154", ExplicitVRLittleEndian),
    ("explicit-le-rgb", "examples_rgb_color.dcm", ExplicitVRLittleEndian),
    ("explicit-be-rgb", "ExplVR_BigEnd.dcm", ExplicitVRBigEndian),
    # 8-bit samples in OW words: big endian swaps each pair of bytes (PS3.5 7.3)
    ("explicit-be-rgb-ow-odd", "SC_rgb_small_odd_big_endian.dcm", ExplicitVRBigEndian),
    ("explicit-le-palette", "examples_palette.dcm", ExplicitVRLittleEndian),
    ("explicit-le-1bit", "liver_1frame.dcm", ExplicitVRLittleEndian),
    ("explicit-be-1bit", "liver_expb_1frame.dcm", ExplicitVRBigEndian),
    ("explicit-le-ybr422", "SC_ybr_full_422_uncompressed.dcm", ExplicitVRLittleEndian),
    ("implicit-le-32bit-multiframe", "rtdose.dcm", ImplicitVRLittleEndian),
    ("rle-mono2", "MR_small_RLE.dcm", RLELossless),
    ("rle-rgb-multiframe", "SC_rgb_rle_2frame.dcm", RLELossless),
    # pydicom encodes no 32-bit RLE: written natively, still lossless
    ("rle-rgb-32bit", "SC_rgb_rle_32bit.dcm", ExplicitVRLittleEndian),
    ("rle-mono2-32bit-multiframe", "rtdose_rle.dcm", ExplicitVRLittleEndian),
    ("jpeg-lossless-sv1-rgb", "SC_rgb_jpeg_gdcm.dcm", JPEGLSLossless),
    ("jpeg-lossless-sv1-mono1", "derived:jpeg-lossless-mono1", JPEGLSLossless),
    ("jpeg-ls-lossless-mono2", "MR_small_jpeg_ls_lossless.dcm", JPEGLSLossless),
    ("jpeg-ls-near-lossless-8bit", "JPEGLSNearLossless_08.dcm", ExplicitVRLittleEndian),
    ("jpeg-ls-near-lossless-16bit", "JPEGLSNearLossless_16.dcm", ExplicitVRLittleEndian),
    ("jpeg-ls-near-lossless-rgb", "SC_rgb_jls_lossy_line.dcm", ExplicitVRLittleEndian),
    ("jpeg-2000-lossless-mono2", "MR_small_jp2klossless.dcm", JPEG2000Lossless),
    ("jpeg-2000-lossless-ybr-rct", "examples_jpeg2k.dcm", JPEG2000Lossless),
    ("jpeg-2000-mono2", "JPEG2000.dcm", ExplicitVRLittleEndian),
    ("jpeg-2000-rgb", "SC_rgb_gdcm_KY.dcm", ExplicitVRLittleEndian),
    ("jpeg-extended-12bit", "JPGExtended.dcm", ExplicitVRLittleEndian),
    ("jpeg-baseline-rgb", "SC_rgb_jpeg_dcmtk.dcm", ExplicitVRLittleEndian),
    ("jpeg-baseline-ybr-full", "SC_rgb_dcmtk_+eb+cy+n1.dcm", ExplicitVRLittleEndian),
    ("jpeg-baseline-ybr-422", "SC_rgb_dcmtk_+eb+cy+np.dcm", ExplicitVRLittleEndian),
    ("jpeg-baseline-ybr-422-cine", "examples_ybr_color.dcm", ExplicitVRLittleEndian),
]


def jpeg_lossless_mono1(folder: Path) -> Path:
    """A MONOCHROME1 CR (12 bits stored) of pydicom's, its pixels re-encoded as JPEG Lossless SV1."""
    ds = pydicom.dcmread(TEST_FILES / "dicomdirtests/77654033/CR1/6154")
    frame = jpeg_lossless.encode(ds.pixel_array, int(ds.BitsStored))
    ds.PixelData = encapsulate([frame])
    ds["PixelData"].VR = "OB"
    ds.file_meta.TransferSyntaxUID = JPEGLosslessSV1
    path = folder / "cr_jpeg_lossless.dcm"
    ds.save_as(path, enforce_file_format=True)
    return path


@pytest.fixture(scope="module")
def sources(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("derived")
    derived = {"derived:jpeg-lossless-mono1": jpeg_lossless_mono1(folder)}
    return {name: derived.get(name, TEST_FILES / name) for _case, name, _syntax in CASES}


def a_box(ds: Dataset) -> tuple[int, int, int, int]:
    """A box away from the edges, starting on an odd column (a YBR_FULL_422 pair is split)."""
    rows, cols = int(ds.Rows), int(ds.Columns)
    return (cols // 4 + 1, rows // 4 + 1, max(cols // 2 + 1, cols // 4 + 2), max(rows // 2 + 1, rows // 4 + 2))


def decoded_frames(ds: Dataset) -> np.ndarray:
    frames = int(ds.get("NumberOfFrames", 1) or 1)
    samples = int(ds.get("SamplesPerPixel", 1))
    shape = (frames, int(ds.Rows), int(ds.Columns)) + ((samples,) if samples > 1 else ())
    return ds.pixel_array.reshape(shape)


@pytest.mark.parametrize(("case", "name", "expected_syntax"), CASES, ids=[c[0] for c in CASES])
def test_a_box_is_blacked_out_and_every_other_pixel_kept(case, name, expected_syntax, sources, tmp_path):
    source = sources[name]
    ds, syntax = dicom_io.read_dataset(source)
    original = pydicom.dcmread(source)
    image = decode(ds)
    boxes, written = blackout(ds, [a_box(ds)], image, PixelPolicy.from_mapping())
    output = tmp_path / "out.dcm"
    ds.save_as(output, enforce_file_format=True)
    result = pydicom.dcmread(output)

    assert written == expected_syntax == result.file_meta.TransferSyntaxUID
    assert UID(written) not in LOSSY
    assert pixels_outside_boxes_equal(original, result, boxes)
    inside = ~outside_mask(int(ds.Rows), int(ds.Columns), boxes)
    values = decoded_frames(result)[:, inside]
    if str(original.PhotometricInterpretation) == "PALETTE COLOR":
        assert (values == redact.palette_black(original)).all()
    elif int(original.get("SamplesPerPixel", 1)) == 1:
        assert (values == image.grey_black).all()
    else:  # colour decodes as RGB: black is zero in every sample
        assert (values == 0).all()
    if str(original.PhotometricInterpretation) == "YBR_FULL_422" and syntax == ExplicitVRLittleEndian:
        assert boxes[0][0] % 2 == 0 and boxes[0][2] % 2 == 0  # whole pairs of pixels
    else:
        assert boxes == [a_box(original)]
    if syntax in LOSSY and str(original.get("LossyImageCompression", "")) != "00":
        assert result.LossyImageCompression == "01"
        method = result.LossyImageCompressionMethod
        assert redact.LOSSY_METHODS[syntax] in ([method] if isinstance(method, str) else list(method))
    if dciodvfy_available():
        assert not new_dciodvfy_errors(source, output), case


@pytest.mark.parametrize(("case", "name", "expected_syntax"), CASES, ids=[c[0] for c in CASES])
def test_the_pipeline_releases_every_image_pydicom_decodes(case, name, expected_syntax, sources, tmp_path):
    settings = image_settings({"modalities": "any"})
    record = process_file(sources[name], tmp_path / "out.dcm", CONTEXT, settings)
    assert record.status == "ok", (case, record.reason)
    assert record.source_transfer_syntax == str(dicom_io.read_dataset(sources[name])[1])
    assert record.transfer_syntax == str(pydicom.dcmread(tmp_path / "out.dcm").file_meta.TransferSyntaxUID)
    if not record.boxes:
        assert record.transfer_syntax == record.source_transfer_syntax
    else:
        assert record.transfer_syntax == expected_syntax


def test_a_lossless_syntax_pydicom_cannot_encode_goes_to_jpeg_ls_then_jpeg_2000():
    assert redact.target_syntaxes(JPEGLosslessSV1, ExplicitVRLittleEndian) == [
        JPEGLSLossless,
        JPEG2000Lossless,
        RLELossless,
        ExplicitVRLittleEndian,
    ]
    assert redact.target_syntaxes(RLELossless, ExplicitVRLittleEndian)[0] == RLELossless
    assert redact.target_syntaxes(JPEGBaseline8Bit, ExplicitVRLittleEndian) == [ExplicitVRLittleEndian]
    assert redact.target_syntaxes(JPEG2000, JPEGLSLossless) == [JPEGLSLossless, ExplicitVRLittleEndian]


def test_an_encoder_that_does_not_give_the_pixels_back_is_skipped(monkeypatch):
    ds = pydicom.dcmread(TEST_FILES / "SC_rgb_jpeg_gdcm.dcm")
    real_compress = Dataset.compress

    def lossy_jpeg_ls(self, syntax, *args, **kwargs):
        if syntax != JPEGLSLossless:
            return real_compress(self, syntax, *args, **kwargs)
        # a faulty encoder: a near-lossless stream under the lossless UID
        real_compress(self, JPEGLSNearLossless, *args, jls_error=3, **kwargs)
        self.file_meta.TransferSyntaxUID = JPEGLSLossless
        return None

    monkeypatch.setattr(Dataset, "compress", lossy_jpeg_ls)
    image = decode(ds)
    _boxes, written = blackout(ds, [a_box(ds)], image, PixelPolicy.from_mapping())
    assert written == JPEG2000Lossless


def test_palette_black_is_the_entry_shown_darkest():
    ds = pydicom.dcmread(TEST_FILES / "examples_palette.dcm")
    black = redact.palette_black(ds)
    lut = pydicom.pixels.apply_color_lut(np.arange(256, dtype=np.uint8), ds).astype(float)
    luminance = lut @ np.array([0.299, 0.587, 0.114])
    assert luminance[black] == luminance.min()
    # the same palette read backwards: its darkest entry moves to the other end
    for colour in ("Red", "Green", "Blue"):
        data = np.frombuffer(getattr(ds, f"{colour}PaletteColorLookupTableData"), dtype="<u2")
        setattr(ds, f"{colour}PaletteColorLookupTableData", data[::-1].copy().tobytes())
    reversed_black = redact.palette_black(ds)
    assert luminance[::-1][reversed_black] == luminance.min()
    assert reversed_black != black


def test_one_bit_pixels_keep_their_padding_bits():
    ds = pydicom.dcmread(TEST_FILES / "liver_1frame.dcm")
    ds.Rows, ds.Columns = 5, 5  # 25 pixels: 7 padding bits in the last byte
    ds.PixelData = bytes([0b10101010, 0b11110000, 0b00001111, 0xFF])
    redact.redact_boxes(ds, [(1, 1, 3, 3)], 0, ExplicitVRLittleEndian)
    bits = np.unpackbits(np.frombuffer(ds.PixelData, dtype=np.uint8), bitorder="little")
    before = np.unpackbits(np.array([0b10101010, 0b11110000, 0b00001111, 0xFF], dtype=np.uint8), bitorder="little")
    inside = {row * 5 + col for row in (1, 2) for col in (1, 2)}
    assert all(bits[i] == 0 for i in inside)
    assert all(bits[i] == before[i] for i in range(32) if i not in inside)


# ---------------------------------------------------------------------------
# files pydicom reads that used to be held back


def test_a_radiograph_without_file_meta_is_cleaned(tmp_path):
    ds = pydicom.dcmread(TEST_FILES / "dicomdirtests/77654033/CR1/6154")
    ds.file_meta = FileMetaDataset()
    ds.preamble = None
    raw = tmp_path / "old_export"
    pydicom.dcmwrite(raw, ds, enforce_file_format=False, implicit_vr=True, little_endian=True)
    assert raw.read_bytes()[128:132] != b"DICM"
    record = process_file(raw, tmp_path / "out.dcm", CONTEXT, image_settings({}))
    assert record.status == "ok", record.reason
    written = pydicom.dcmread(tmp_path / "out.dcm")
    assert written.file_meta.TransferSyntaxUID == ImplicitVRLittleEndian
    ds.file_meta.TransferSyntaxUID = ImplicitVRLittleEndian  # what the source was read in
    assert pixels_outside_boxes_equal(ds, written, record.boxes)


@pytest.mark.parametrize("where", ["after the pixel data", "before the pixel data"])
def test_a_cine_with_a_stray_sequence_delimiter_is_cleaned(where, tmp_path):
    data = (TEST_FILES / "examples_ybr_color.dcm").read_bytes()
    stray = struct.pack("<HHI", 0xFFFE, 0xE0DD, 0)
    pixel_tag = data.rfind(b"\xe0\x7f\x10\x00")
    data = data + stray if where.startswith("after") else data[:pixel_tag] + stray + data[pixel_tag:]
    source = tmp_path / "cine.dcm"
    source.write_bytes(data)
    original = pydicom.dcmread(source)
    assert int(original.NumberOfFrames) == 30
    settings = image_settings({"modalities": "any"})
    record = process_file(source, tmp_path / "out.dcm", CONTEXT, settings)
    assert record.status == "ok", record.reason
    written = pydicom.dcmread(tmp_path / "out.dcm")
    assert pixels_outside_boxes_equal(original, written, record.boxes)


def test_a_sequence_delimiter_with_a_length_is_still_damage(tmp_path):
    data = (TEST_FILES / "CT_small.dcm").read_bytes() + struct.pack("<HHI", 0xFFFE, 0xE0DD, 4) + b"\0" * 4
    source = tmp_path / "ct.dcm"
    source.write_bytes(data)
    with pytest.raises(dicom_io.Quarantine, match=r"^truncated: .*; needs "):
        dicom_io.read_dataset(source)


@pytest.mark.parametrize("placeholder", ["Patient^Anonymous", "NAME^PATIENT^NAME", "Anonymized"])
def test_a_placeholder_name_is_no_leak_of_the_record_the_deidentification_writes(placeholder, tmp_path):
    ds = pydicom.dcmread(TEST_FILES / "CT_small.dcm")
    ds.PatientName = placeholder
    source = tmp_path / "ct.dcm"
    ds.save_as(source, enforce_file_format=True)
    settings = image_settings({"pixels": False, "modalities": "any"})
    record = process_file(source, tmp_path / "out.dcm", CONTEXT, settings)
    assert record.status == "ok", record.reason


def test_the_leak_check_still_finds_the_source_identifiers():
    ds = pydicom.dcmread(TEST_FILES / "CT_small.dcm")
    ds.PatientName = "Patient^Anonymous"
    deny = deny_list_from_header(ds)
    deidentify_header(ds, CONTEXT, HeaderSettings.from_mapping(None, descriptor_phi_spans))
    assert find_header_leaks(ds, deny) == []
    ds.StudyDescription = "chest of patient anonymous"  # the source's own name, carried over
    assert find_header_leaks(ds, deny) == ["(0008,1030)"]
    item = Dataset()
    item.PatientName = "Anonymous^Patient"
    ds.ReferencedPatientSequence = [item]  # a nested copy of the name is not the record's
    assert "(0010,0010)" in find_header_leaks(ds, deny)


def test_a_quarantine_reason_names_what_would_clean_the_file(tmp_path):
    source = TEST_FILES / "JPEG-lossy.dcm"  # a 12-bit JPEG Extended stream no installed plugin reads
    settings = image_settings({"modalities": "any"})
    record = process_file(source, tmp_path / "out.dcm", CONTEXT, settings)
    assert record.status == "quarantined"
    assert record.reason.startswith("pixel_deid_failed: pixel data cannot be decoded")
    assert record.reason.endswith("; needs a JPEG Extended (Process 2 and 4) decoder that reads it")


@pytest.mark.skipif(shutil.which("dciodvfy") is None, reason="dciodvfy (dicom3tools) not installed")
def test_synthetic_jpeg_lossless_and_jpeg_ls_images_are_cleaned(synth_small: Path, tmp_path):
    """The demo PACS's JPEG Lossless and JPEG-LS radiographs, burned-in text and all."""
    settings = image_settings({"verify": False})
    seen: dict[str, int] = {}
    for line in (synth_small / "truth" / "images.jsonl").read_text().splitlines():
        truth = json.loads(line)
        if truth["category"] != "image" or truth["transfer_syntax"] not in (JPEGLosslessSV1, JPEGLSLossless):
            continue
        source = synth_small / "pacs" / truth["path"]
        output = tmp_path / f"{len(seen)}-{sum(seen.values())}.dcm"
        record = process_file(source, output, CONTEXT, settings)
        assert record.status == "ok", (truth["path"], record.reason)
        written = pydicom.dcmread(output)
        if record.boxes:
            assert written.file_meta.TransferSyntaxUID == JPEGLSLossless
        assert pixels_outside_boxes_equal(pydicom.dcmread(source), written, record.boxes)
        assert not new_dciodvfy_errors(source, output), truth["path"]
        seen[truth["transfer_syntax"]] = seen.get(truth["transfer_syntax"], 0) + 1
    assert set(seen) == {JPEGLosslessSV1, JPEGLSLossless}
