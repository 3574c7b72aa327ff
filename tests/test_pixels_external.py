"""Burned-in text on real images from other projects (tests/data/external, see PROVENANCE.md).

The two presidio files come from the Pseudo-PHI-DICOM-Data collection:
Rutherford, M., Mun, S.K., Levine, B., Bennett, W.C., Smith, K., Farmer, P.,
Jarosz, J., Wagner, U., Farahani, K., Prior, F. (2021). A DICOM dataset for
evaluation of medical image de-identification (Pseudo-PHI-DICOM-Data)
[Data set]. The Cancer Imaging Archive. DOI 10.7937/s17z-r072.

What is demanded, from the hand-made truth boxes:

- every PHI box (names, IDs, dates, times, sex, institution, operator
  initials) is at display black over at least 95% of its pixels;
- every marker box (position, laterality and technique/measurement words:
  ``Semi-Upright``, ``Portable``, ``L``, the lead marker ``L-1`` on the CR,
  the depth labels ``4.0cm``/``16cm`` on the ultrasounds) keeps every pixel;
- the other non-PHI boxes of the ultrasounds (preset names, probe, TIS/MI,
  gain, frame rate, the vendor logo, the view label ``Sag Liver L-M``) are
  NOT on the keep-list: the default policy removes them, and the test says so
  rather than pretending they are kept;
- the J2K lossy negative control changes no pixel and no byte.
"""

from __future__ import annotations

import io
import json
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pydicom
import pytest
from pydicom.pixels import apply_modality_lut, apply_voi_lut

from cxrbuild.audit.burnin_truth import box_glyphs
from cxrbuild.dicom.pixels import PixelPolicy, clean_pixels, decode, verify_pixels

BURNED_IN = (
    "presidio_CR_chest_MONO1_RLE_burnedin.dcm",
    "presidio_CT_localizer_burnedin.dcm",
    "deid-data_US_greyscale_burnedin.dcm",
    "deid-data_US_rgb_burnedin.dcm",
)
NEGATIVE_CONTROL = "pydicom-data_CR_chest_PA_MONO1_J2K_lossy_notext.dcm"
# Non-PHI truth boxes that are markers (position, laterality, technique/measurement).
MARKER_TEXTS = {"Semi-Upright", "Portable", "L", "L-1", "4.0cm", "16cm"}
# Non-PHI ultrasound boxes the conservative default removes (not on the keep-list).
REMOVED_NON_PHI = {
    "deid-data_US_rgb_burnedin.dcm": {"SIEMENS", "6C1 HD", "*Renal", "General", "Sag Liver L-M"},
    "deid-data_US_greyscale_burnedin.dcm": {"Adv Breast", "L12-5", "TIS0.0", "MI 0.6", "Dyn R 58"},
}


@pytest.fixture(scope="module")
def policy() -> PixelPolicy:
    return PixelPolicy.from_mapping()


@pytest.fixture(scope="module")
def cleaned(external_dir: Path, policy: PixelPolicy) -> dict[str, tuple]:
    """Each burned-in fixture cleaned once: (original dataset, cleaned dataset, result)."""
    out = {}
    for name in (*BURNED_IN, NEGATIVE_CONTROL):
        original = pydicom.dcmread(external_dir / name)
        dataset = pydicom.dcmread(external_dir / name)
        result = clean_pixels(dataset, [], policy)
        out[name] = (original, dataset, result)
    return out


def truth(external_dir: Path, name: str) -> list[dict]:
    return json.loads((external_dir / "truth" / f"{name}.boxes.json").read_text())


def display_black(ds: pydicom.Dataset) -> np.ndarray:
    """Boolean map of pixels shown black by a viewer (Modality then VOI LUT; MONOCHROME1 inverted)."""
    array = ds.pixel_array
    if array.ndim == 3 and ds.SamplesPerPixel == 3:
        return (array == 0).all(axis=-1)
    shown = apply_voi_lut(apply_modality_lut(array, ds).astype(np.float64), ds).astype(np.float64)
    if ds.PhotometricInterpretation == "MONOCHROME1":
        return shown == shown.max()
    return shown == shown.min()


def glyphs_black(original: pydicom.Dataset, black: np.ndarray, box: list[int], kept: Sequence[list[int]] = ()) -> float:
    """The share of a truth box's glyph pixels (its ink in the source's own rendering) shown black,
    leaving out where the box overlaps the boxes of ``kept`` text (a neighbouring line's ink)."""
    if black.ndim == 3:
        black = black[0]
    glyphs = box_glyphs(decode(original).display[0], box)
    for x0, y0, x1, y1 in kept:
        glyphs[y0:y1, x0:x1] = False
    return float(black[glyphs].mean())


def roundtrip(ds: pydicom.Dataset) -> pydicom.Dataset:
    buffer = io.BytesIO()
    ds.save_as(buffer, enforce_file_format=True)
    return pydicom.dcmread(io.BytesIO(buffer.getvalue()))


@pytest.mark.parametrize("name", BURNED_IN)
def test_every_phi_truth_box_is_black_as_displayed(name: str, cleaned: dict, external_dir: Path) -> None:
    """Every glyph pixel of every PHI box (its ink in the source's own rendering) is shown black;
    the ground between the glyphs need not be (the blackout follows the glyphs)."""
    original, dataset, _ = cleaned[name]
    black = display_black(roundtrip(dataset))
    for item in truth(external_dir, name):
        if item["phi"]:
            fraction = glyphs_black(original, black, item["box"])
            assert fraction >= 0.99, f"{name}: PHI box {item['text']!r} only {fraction:.1%} of its glyph pixels black"


@pytest.mark.parametrize("name", BURNED_IN)
def test_marker_truth_boxes_keep_every_pixel(name: str, cleaned: dict, external_dir: Path) -> None:
    original, dataset, _ = cleaned[name]
    before, after = original.pixel_array, roundtrip(dataset).pixel_array
    markers = [item for item in truth(external_dir, name) if not item["phi"] and item["text"] in MARKER_TEXTS]
    if name.startswith("presidio_CR"):
        assert len(markers) == 4  # Semi-Upright, Portable, L and the lead marker L-1
    for item in markers:
        x0, y0, x1, y1 = item["box"]
        assert np.array_equal(before[y0:y1, x0:x1], after[y0:y1, x0:x1]), f"{name}: marker {item['text']!r} changed"


@pytest.mark.parametrize("name", sorted(REMOVED_NON_PHI))
def test_ultrasound_acquisition_labels_are_removed_under_the_default_policy(
    name: str, cleaned: dict, external_dir: Path
) -> None:
    original, dataset, _ = cleaned[name]
    black = display_black(dataset)
    items = truth(external_dir, name)
    kept = [item["box"] for item in items if not item["phi"] and item["text"] not in REMOVED_NON_PHI[name]]
    for item in items:
        if item["text"] in REMOVED_NON_PHI[name]:
            assert glyphs_black(original, black, item["box"], kept) >= 0.99, f"{item['text']!r} was expected removed"


@pytest.mark.parametrize("name", BURNED_IN)
def test_pixels_outside_the_boxes_are_unchanged(name: str, cleaned: dict) -> None:
    original, dataset, result = cleaned[name]
    assert result.boxes
    before, after = original.pixel_array, roundtrip(dataset).pixel_array
    outside = np.ones(before.shape[:2], dtype=bool)
    for x0, y0, x1, y1 in result.boxes:
        outside[y0:y1, x0:x1] = False
    assert np.array_equal(before[outside], after[outside])
    if not original.file_meta.TransferSyntaxUID.is_compressed:
        # uncompressed: the stored bytes themselves are untouched outside the boxes
        raw_before = np.frombuffer(original.PixelData, dtype=np.uint8)
        raw_after = np.frombuffer(dataset.PixelData, dtype=np.uint8)
        assert raw_before.size == raw_after.size
        bytes_per_pixel = raw_before.size // outside.size
        outside_bytes = np.repeat(outside.ravel(), bytes_per_pixel)
        assert np.array_equal(raw_before[outside_bytes], raw_after[outside_bytes])


def test_rle_source_is_written_back_as_rle(cleaned: dict) -> None:
    _, dataset, result = cleaned["presidio_CR_chest_MONO1_RLE_burnedin.dcm"]
    assert result.transfer_syntax == pydicom.uid.RLELossless
    assert roundtrip(dataset).file_meta.TransferSyntaxUID == pydicom.uid.RLELossless


def test_lossy_negative_control_is_left_byte_for_byte(cleaned: dict) -> None:
    original, dataset, result = cleaned[NEGATIVE_CONTROL]
    assert result.boxes == []
    assert dataset.PixelData == original.PixelData
    assert dataset.file_meta.TransferSyntaxUID == original.file_meta.TransferSyntaxUID
    assert np.array_equal(original.pixel_array, dataset.pixel_array)


def test_names_dates_and_sex_are_read_and_decided_phi(cleaned: dict) -> None:
    _, _, result = cleaned["presidio_CR_chest_MONO1_RLE_burnedin.dcm"]
    decided = {region.text: region.decision for region in result.regions}
    assert decided.get("Semi-Upright") == "keep"
    assert decided.get("Portable") == "keep"
    assert decided.get("L") == "keep"
    assert decided.get("06.16.1976") == "phi"


def test_verification_flags_the_original_and_passes_the_cleaned(cleaned: dict, external_dir: Path) -> None:
    name = "presidio_CT_localizer_burnedin.dcm"
    _, dataset, result = cleaned[name]
    deny = ["KAUFMAN", "SCOTT"]
    findings = verify_pixels(pydicom.dcmread(external_dir / name), deny)
    assert findings, "the uncleaned image must fail verification"
    assert all("KAUFMAN" not in finding for finding in findings)  # findings never repeat PHI
    assert verify_pixels(dataset, deny, boxes=result.boxes) == []


def test_permissive_policy_still_removes_deny_list_names_and_dates(external_dir: Path) -> None:
    permissive = PixelPolicy.from_mapping({"default_decision": "keep"})
    name = "presidio_CR_chest_MONO1_RLE_burnedin.dcm"
    dataset = pydicom.dcmread(external_dir / name)
    source = pydicom.dcmread(external_dir / name)
    original = dataset.pixel_array.copy()
    result = clean_pixels(dataset, ["DAVIDSON^DOUGLAS"], permissive)
    black = display_black(dataset)
    for item in truth(external_dir, name):
        x0, y0, x1, y1 = item["box"]
        if item["phi"]:
            assert glyphs_black(source, black, item["box"]) >= 0.99, item["text"]
        else:
            assert np.array_equal(original[y0:y1, x0:x1], dataset.pixel_array[y0:y1, x0:x1])
    reasons = {region.reason for region in result.regions if region.decision == "phi"}
    assert "deny-list" in reasons and "date_numeric" in reasons
