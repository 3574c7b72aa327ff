"""What is blacked out of a PHI run stays in its glyphs' neighbourhood: never the panel or ground around them."""

from __future__ import annotations

import numpy as np
from scipy import ndimage

from cxrbuild.dicom.boxes import Box
from cxrbuild.dicom.pixels import PixelPolicy, glyph_boxes, near_strokes

GROUND = 200
INK = 30


def covered(boxes: list[Box], shape: tuple[int, int]) -> np.ndarray:
    mask = np.zeros(shape, dtype=bool)
    for x0, y0, x1, y1 in boxes:
        mask[y0:y1, x0:x1] = True
    return mask


def within(mask: np.ndarray, px: int) -> np.ndarray:
    return ndimage.binary_dilation(mask, structure=np.ones((3, 3), dtype=bool), iterations=px)


def ladder(shape: tuple[int, int], origin: tuple[int, int], height: int, stroke: int, rungs: int) -> np.ndarray:
    """An invented glyph: two rails joined by rungs (a ladder), ``height`` px tall and as wide."""
    mask = np.zeros(shape, dtype=bool)
    x, y = origin
    mask[y : y + height, x : x + stroke] = True
    mask[y : y + height, x + height - stroke : x + height] = True
    for rung in np.linspace(y, y + height - stroke, rungs).astype(int):
        mask[rung : rung + stroke, x : x + height] = True
    return mask


def test_near_strokes_keeps_the_flat_ground_away_from_the_strokes() -> None:
    display = np.full((70, 240), GROUND, dtype=np.uint8)
    found = np.zeros(display.shape, dtype=bool)
    found[10:60, 20:25] = True  # two strokes the cut found, far apart
    found[10:60, 200:205] = True
    missed = np.zeros(display.shape, dtype=bool)
    missed[30:33, 25:60] = True  # a stroke joined to one of them that the cut missed
    display[found | missed] = INK
    boxes = near_strokes((10, 5, 215, 65), found, (0, 0), [display])
    black = covered(boxes, display.shape)
    assert black[found | missed].all()
    # the ground between the letters is kept: nothing blacked out beyond reach and cell of a stroke
    assert not (black & ~within(found | missed, 8)).any()
    assert not black[:, 100:140].any()


def test_near_strokes_keeps_the_box_on_ground_that_is_not_flat() -> None:
    rng = np.random.default_rng(7)
    display = rng.integers(40, 220, size=(70, 240)).astype(np.uint8)  # texture: anatomy, or text nothing found
    found = np.zeros(display.shape, dtype=bool)
    found[10:60, 20:25] = True
    display[found] = INK
    assert near_strokes((10, 5, 215, 65), found, (0, 0), [display]) == [(10, 5, 215, 65)]


def test_near_strokes_keeps_a_box_with_no_stroke_near() -> None:
    display = np.full((40, 80), GROUND, dtype=np.uint8)
    found = np.zeros(display.shape, dtype=bool)
    found[5:35, 70:75] = True
    assert near_strokes((5, 5, 40, 35), found, (0, 0), [display]) == [(5, 5, 40, 35)]


def test_dark_text_on_a_light_panel_is_blacked_out_as_its_glyphs_not_as_the_panel() -> None:
    # a narrow light panel on a dark frame, letters at the frame's own dark value on it; the run, padded
    # to its line's reach, is mostly frame: its median is the letters' value, so the panel between and
    # inside the letters looks the farther "ink". The detection's own glyph pixels name the polarity
    # (its filled glyph boxes hold as much panel as letter)
    frame = np.full((160, 420), INK, dtype=np.uint8)
    frame[48:108, 20:400] = 235
    letters = np.zeros(frame.shape, dtype=bool)
    glyph_boxes_found: list[Box] = []
    for index in range(6):
        x = 40 + index * 58
        letters |= ladder(frame.shape, (x, 55), 46, 6, 3)
        glyph_boxes_found.append((x, 55, x + 46, 101))
    frame[letters] = INK
    detected = letters.copy()
    for x0, y0, x1, y1 in glyph_boxes_found:
        detected[y0:y1, x0:x1] = True  # the detection's ink: its glyph boxes, filled
    run = (25, 10, 395, 150)
    boxes = glyph_boxes([frame], run, 46, PixelPolicy.from_mapping(), detected, (), letters)
    black = covered(boxes, frame.shape)
    assert black[letters].all()
    assert not (black & ~within(letters, 8)).any()
