"""A line of text whose ground changes along it: every glyph is blacked out, on either ground.

Burned-in text of one value drawn across the edge between a dark border and bright anatomy stands
out of its ground one way over one part and the other way (or hardly at all) over the rest. Images
are drawn here: glyphs rendered with a TrueType font over a ground that steps from dark to bright
(or back) under the line.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont
from scipy import ndimage

from cxrbuild.dicom.display import displayed_black
from cxrbuild.dicom.pixels import (
    PixelPolicy,
    clean_pixels,
    crosses_value,
    glyph_boxes,
    grown_along_row,
    same_value_ink,
)
from cxrbuild.dicom.textdetect import stroke_map
from tests.test_pixels_units import make_dataset, phantom, roundtrip

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf")
pytestmark = pytest.mark.skipif(not FONT.exists(), reason="DejaVu fonts not installed")
SHAPE = (500, 700)
TEXT_AT = (60, 200)
FAR_PX = 8


def coverage(text: str, size: int, shape: tuple[int, int] = SHAPE, at: tuple[int, int] = TEXT_AT) -> np.ndarray:
    canvas = Image.new("L", (shape[1], shape[0]), 0)
    ImageDraw.Draw(canvas).text(at, text, font=ImageFont.truetype(str(FONT), size), fill=255)
    return np.asarray(canvas, dtype=np.float32) / 255.0


def ground(edge: int, dark_left: bool, dark: float, shape: tuple[int, int] = SHAPE, soft: float = 2.0) -> np.ndarray:
    """Levels 0..1: a dark border on one side of column ``edge``, bright anatomy (with its texture) on the other."""
    rng = np.random.default_rng(3)
    bright = 0.5 * (1 + np.tanh((np.arange(shape[1]) - edge) / soft))
    if not dark_left:
        bright = 1 - bright
    base = dark + (215 / 255 - dark) * bright
    return np.clip(base[None, :] + 0.03 * phantom(shape, seed=5) + rng.normal(0, 0.006, shape), 0, 1)


def scene(text: str, size: int, edge: int, dark_left: bool, text_level: float, dark: float) -> tuple[np.ndarray, np.ndarray]:
    alpha = coverage(text, size)
    levels = ground(edge, dark_left, dark) * (1 - alpha) + text_level * alpha
    return np.round(levels * 4095).astype(np.uint16), alpha


def glyph_shares(black: np.ndarray, alpha: np.ndarray) -> list[tuple[int, float]]:
    """Each glyph's (left column, share of its pixels shown black), antialiased edge included."""
    ink = alpha > 0.05
    labels, _count = ndimage.label(ink, structure=np.ones((3, 3), dtype=bool))
    return [
        (piece[1].start, float(black[piece][labels[piece] == index].mean()))
        for index, piece in enumerate(ndimage.find_objects(labels), start=1)
        if piece is not None
    ]


def far_changed(before: np.ndarray, after: np.ndarray, alpha: np.ndarray) -> int:
    near = ndimage.binary_dilation(alpha > 0.05, structure=np.ones((3, 3), dtype=bool), iterations=FAR_PX)
    return int(np.count_nonzero((before != after) & ~near))


@pytest.mark.parametrize(("edge", "dark_left"), [(98, False), (128, True)])
def test_black_name_running_off_bright_anatomy_onto_the_black_border_is_removed_whole(edge: int, dark_left: bool) -> None:
    """Small black letters read over the anatomy continue onto a border barely lighter than they are: the
    words read stop at the edge, and the letters beyond it are PHI too."""
    stored, alpha = scene("BRANDT, HELGA", 11, edge, dark_left, text_level=0.0, dark=5 / 255)
    ds = make_dataset(stored, PatientName="BRANDT^HELGA")
    result = clean_pixels(ds, ["BRANDT^HELGA"], PixelPolicy.from_mapping())
    cleaned = roundtrip(ds)
    after = cleaned.pixel_array
    black = displayed_black(cleaned, after)
    missed = [(left, share) for left, share in glyph_shares(black, alpha) if share < 0.99]
    assert not missed, (missed, [(r.text, r.decision, r.box) for r in result.regions])
    # (a word read whose ink the cut does not find is blacked out by its padded box: a corner of it may stand a
    # pixel or so farther than FAR_PX from the glyphs, never a stretch of the anatomy)
    assert far_changed(stored, after, alpha) <= 4


def _run_display(text: str, size: int, edge: int, dark_left: bool, soft: float) -> tuple[np.ndarray, np.ndarray]:
    levels = ground(edge, dark_left, 20 / 255, soft=soft) * (1 - (alpha := coverage(text, size))) + (150 / 255) * alpha
    return np.round(levels * 255).astype(np.uint8), alpha


@pytest.mark.parametrize("size", [18, 11])
@pytest.mark.parametrize("dark_left", [True, False])
def test_mid_grey_letters_over_both_grounds_are_found_where_the_detection_saw_one(size: int, dark_left: bool) -> None:
    """Mid-grey text over a ground that crosses its value (soft edge from the border onto the anatomy): the
    detection's glyph pixels lie over one ground only, which names one polarity for the run; the letters over
    the other ground, of the same grey, are blacked out too, and so is the stretch where the ground is at
    their grey (no cut sees them there)."""
    text = "Ref: DR WOJCIK"
    font = ImageFont.truetype(str(FONT), size)
    edge = TEXT_AT[0] + int(0.45 * font.getlength(text))
    display, alpha = _run_display(text, size, edge, dark_left, soft=float(size))
    ink = alpha > 0.05
    ys, xs = np.nonzero(ink)
    pad = max(3, size // 3)
    run = (int(xs.min()) - pad, int(ys.min()) - pad, int(xs.max()) + 1 + pad, int(ys.max()) + 1 + pad)
    detected = np.zeros(display.shape, dtype=bool)
    seen = ink.copy()
    # the detection found the letters over the dark border only
    if dark_left:
        seen[:, edge - size :] = False
    else:
        seen[:, : edge + size] = False
    detected |= seen
    height = int(ys.max() - ys.min() + 1)
    boxes = glyph_boxes([display], run, height, PixelPolicy.from_mapping(), detected=detected, detected_strokes=detected)
    black = np.zeros(display.shape, dtype=bool)
    for x0, y0, x1, y1 in boxes:
        black[y0:y1, x0:x1] = True
    missed = [(left, share) for left, share in glyph_shares(black, alpha) if share < 0.99]
    assert not missed, (missed, boxes)
    near = ndimage.binary_dilation(ink, structure=np.ones((3, 3), dtype=bool), iterations=FAR_PX)
    assert not (black & ~near).any()


def test_same_value_ink_keeps_letters_of_the_texts_grey_and_leaves_the_ground_between_letters() -> None:
    display = np.full((40, 120), 20, dtype=np.uint8)
    display[:, 60:] = 220
    display[10:30, 20:24] = 150  # a letter over the dark ground (bright ink there)
    display[10:30, 80:84] = 150  # one over the bright ground (dark ink there)
    display[10:30, 40:44] = 14  # a dark gap of the border's own texture (dark "ink" too)
    strokes = stroke_map(display, 11, bright=False)
    found = strokes >= 4
    kept = same_value_ink(found, strokes, display, 150.0, bright=False)
    assert kept[10:30, 80:84].all()
    assert not kept[10:30, 40:44].any()
    assert crosses_value(display, 150.0, 130.0, 20)
    assert not crosses_value(np.full((40, 120), 220, dtype=np.uint8), 150.0, 70.0, 20)


def test_a_run_grows_over_letters_beyond_an_edge_but_not_past_a_kept_word() -> None:
    display, alpha = _run_display("AB CD EF GH", 18, 120, dark_left=False, soft=2.0)
    ink = alpha > 0.05
    ys, xs = np.nonzero(ink)
    run = (int(xs.min()) - 4, int(ys.min()) - 4, 124, int(ys.max()) + 5)  # the run stops at the edge
    height = int(ys.max() - ys.min() + 1)
    policy = PixelPolicy.from_mapping()
    grown, taken = grown_along_row(display, run, height, (150.0, 70.0), policy)
    assert grown[2] >= int(xs.max()) + 1 and taken
    kept = (150, run[1], 175, run[3])  # a kept word right after the edge
    stopped, _taken = grown_along_row(display, run, height, (150.0, 70.0), policy, stops=[kept])
    assert stopped[2] <= kept[0]
    flat = np.full(display.shape, 215, dtype=np.uint8)
    flat[ink] = 150
    assert grown_along_row(flat, run, height, (150.0, 65.0), policy)[0] == run  # one ground: no growth


def test_the_ground_between_two_words_at_the_texts_grey_is_no_hidden_text() -> None:
    """Ground of the text's own grey counts as hidden letters only within half a glyph height of the ink found:
    the gap between two words of a run keeps its pixels."""
    from cxrbuild.dicom.pixels import hidden_stretches

    crop = np.full((20, 400), 150.0)
    ink = np.zeros(crop.shape, dtype=bool)
    ink[4:16, 10:50] = True
    ink[4:16, 350:390] = True
    crop[:, :50] = 10.0  # the dark border under the first word, anatomy of the text's grey from its end on
    crop[:, 350:] = 10.0
    stretches = hidden_stretches(crop, ink, 150.0, 140.0, 12)
    reach = 6  # half a glyph height
    beside = {column for column in range(400) if 10 - reach <= column < 50 + reach or 350 - reach <= column < 390 + reach}
    assert stretches and all(set(range(start, stop)) <= beside for start, stop in stretches), stretches


def test_a_grown_run_is_padded_no_further_than_the_kept_word_it_stops_at() -> None:
    """The padding of the last letter a run grew over ends at a kept word standing right after that letter."""
    display, alpha = _run_display("AB CD EF GH", 18, 120, dark_left=False, soft=2.0)
    ink = alpha > 0.05
    ys, xs = np.nonzero(ink)
    run = (int(xs.min()) - 4, int(ys.min()) - 4, 124, int(ys.max()) + 5)
    height = int(ys.max() - ys.min() + 1)
    inked = np.flatnonzero(ink.any(axis=0))
    beyond = inked[inked >= 124]
    ends = beyond[:-1][np.diff(beyond) > 1] + 1  # where each letter (or word) beyond the edge ends
    kept = (int(ends[0]) + 1, run[1], int(ends[0]) + 40, run[3])  # a kept word right after the first of them
    stopped, taken = grown_along_row(display, run, height, (150.0, 70.0), PixelPolicy.from_mapping(), stops=[kept])
    assert taken and stopped[2] <= kept[0]
