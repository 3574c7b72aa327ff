"""The truth check of burned-in text: glyph pixels found in the source, judged black as displayed."""

from __future__ import annotations

import numpy as np
import pytest
from pydicom.dataset import Dataset

from cxrbuild.audit.burnin_truth import score_box
from cxrbuild.dicom.display import displayed_black
from cxrbuild.synth.burnin import available_fonts, render_alpha


def _grey(photometric: str) -> Dataset:
    ds = Dataset()
    ds.PhotometricInterpretation = photometric
    ds.BitsAllocated, ds.BitsStored, ds.PixelRepresentation, ds.SamplesPerPixel = 16, 12, 0, 1
    return ds


def _burn(ground: np.ndarray, text: str, level: int, at: tuple[int, int], size: int = 13) -> tuple[np.ndarray, list]:
    alpha = render_alpha(text, available_fonts()[0], size)
    out = ground.astype(np.float64).copy()
    y, x = at
    h, w = alpha.shape
    out[y : y + h, x : x + w] = out[y : y + h, x : x + w] * (1 - alpha) + level * alpha
    return np.rint(out).astype(np.uint16), [x, y, x + w, y + h]


def anatomy(rows: int = 120, cols: int = 200) -> np.ndarray:
    yy, xx = np.mgrid[0:rows, 0:cols]
    return (1500 + 600 * np.sin(xx / 17.0) * np.cos(yy / 23.0)).astype(np.uint16)


def test_bright_text_blacked_by_a_padded_box_scores_one_and_half_a_box_scores_half() -> None:
    stored, box = _burn(anatomy(), "SMITH JOHN 1234567", 4000, (40, 20))
    ds = _grey("MONOCHROME2")
    record = {"box": box, "level": 4000, "size": 13}
    cleaned = stored.copy()
    cleaned[box[1] - 3 : box[3] + 3, box[0] - 3 : box[2] + 3] = 0
    count, fraction = score_box(stored, displayed_black(ds, cleaned), record, "MONOCHROME2", 12)
    assert count > 100 and fraction == 1.0
    half = stored.copy()
    middle = (box[0] + box[2]) // 2
    half[box[1] - 3 : box[3] + 3, box[0] - 3 : middle] = 0
    _count, fraction = score_box(stored, displayed_black(ds, half), record, "MONOCHROME2", 12)
    assert 0.3 < fraction < 0.7


def test_dark_text_on_a_light_label_is_not_redacted_by_being_dark() -> None:
    label = np.full((80, 200), 3500, dtype=np.uint16)
    label[:, :10] = 0  # the image's darkest value, so that the text's value is shown black
    stored, box = _burn(label, "DOE, JANE", 0, (30, 30))
    ds = _grey("MONOCHROME2")
    _count, fraction = score_box(stored, displayed_black(ds, stored), {"box": box, "level": 0, "size": 13},
                                 "MONOCHROME2", 12)
    assert fraction < 0.6  # the glyphs are black, the label around them is not: still readable


@pytest.mark.parametrize("photometric", ["MONOCHROME1", "MONOCHROME2"])
def test_black_follows_the_photometric_interpretation(photometric: str) -> None:
    shown = anatomy()
    shown_text, box = _burn(shown, "MRN 7654321", 3900, (50, 30))
    stored = 4095 - shown_text if photometric == "MONOCHROME1" else shown_text
    ds = _grey(photometric)
    black_value = 4095 if photometric == "MONOCHROME1" else 0
    cleaned = stored.copy()
    cleaned[box[1] - 2 : box[3] + 2, box[0] - 2 : box[2] + 2] = black_value
    cleaned[0, 0], cleaned[0, 1] = 0, 4095  # both ends present: black is decided by the photometric
    record = {"box": box, "level": 3900, "size": 13}
    _count, fraction = score_box(stored, displayed_black(ds, cleaned), record, photometric, 12)
    assert fraction == 1.0
    wrong = cleaned.copy()
    wrong[box[1] - 2 : box[3] + 2, box[0] - 2 : box[2] + 2] = 4095 - black_value
    _count, fraction = score_box(stored, displayed_black(ds, wrong), record, photometric, 12)
    assert fraction == 0.0
