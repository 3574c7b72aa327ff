"""Burned-in text where the search scale and the line direction used to hide it.

Small text along the border of a full-size frame (searched at a reduced
scale, where it is a few pixels tall), lines turned 90 degrees either way
(side bands), and a column of glyph-like shapes in the anatomy that is not text.
The names and numbers are invented for these tests.
"""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from cxrbuild.dicom.pixels import PixelPolicy, clean_pixels
from cxrbuild.dicom.scenetext import SceneText
from cxrbuild.dicom.textdetect import DetectionSettings, search_scale
from tests.test_pixels_units import make_dataset, phantom, roundtrip

BITS = 12
TOP = (1 << BITS) - 1


def rendered(text: str, size: int) -> np.ndarray:
    """Coverage in [0, 1] of ``text`` on a canvas just large enough for it."""
    font = ImageFont.load_default(size=size)
    _, _, x1, y1 = font.getbbox(text)
    canvas = Image.new("L", (x1 + 4, y1 + 4), 0)
    ImageDraw.Draw(canvas).text((2, 2), text, font=font, fill=255)
    return np.asarray(canvas, dtype=np.float32) / 255.0


def stamp(levels: np.ndarray, alpha: np.ndarray, x: int, y: int, level: float) -> np.ndarray:
    """``alpha`` blended into ``levels`` at (x, y) with display level ``level``; returns the frame's coverage."""
    coverage = np.zeros(levels.shape, dtype=np.float32)
    coverage[y : y + alpha.shape[0], x : x + alpha.shape[1]] = alpha
    levels *= 1 - coverage
    levels += level * coverage
    return coverage


def stored(levels: np.ndarray) -> np.ndarray:
    return np.round(np.clip(levels, 0, 1) * TOP).astype(np.uint16)


def blacked(after: np.ndarray, before: np.ndarray, coverage: np.ndarray) -> float:
    """Share of the glyph pixels (coverage over half) shown black (the image's darkest value)."""
    glyphs = coverage > 0.5
    return float((after[glyphs] == before.min()).mean())


def test_small_text_on_the_border_of_a_full_size_frame_is_found_at_full_resolution() -> None:
    shape = (2400, 2000)
    assert search_scale(shape, DetectionSettings()) > 1  # the frame is searched at a reduced scale
    levels = phantom(shape, seed=3)
    alpha = rendered("WALLACE PRUDENCE 11/02/1948", 11)  # capitals about 8 px tall
    inked = np.flatnonzero(alpha.max(axis=1) > 0.5)
    assert inked[-1] - inked[0] < 14  # a few pixels at the search scale
    coverage = stamp(levels, alpha, 14, 8, 0.97)
    pixels = stored(levels)
    deny = ["WALLACE^PRUDENCE"]

    ds = make_dataset(pixels.copy(), bits_stored=BITS)
    clean_pixels(ds, deny, PixelPolicy.from_mapping())
    assert blacked(roundtrip(ds).pixel_array, pixels, coverage) >= 0.99


@pytest.mark.parametrize("turns", [1, 3])
def test_a_line_turned_either_way_is_read_and_its_phi_removed(turns: int) -> None:
    shape = (900, 700)
    levels = phantom(shape, seed=5)
    phi = np.rot90(rendered("OKAFOR DESMOND 1962-07-19", 20), turns)
    marker = np.rot90(rendered("PORTABLE", 20), turns)
    phi_coverage = stamp(levels, phi, 12, 120, 0.96)
    marker_coverage = stamp(levels, marker, 660, 300, 0.96)
    pixels = stored(levels)
    ds = make_dataset(pixels.copy(), bits_stored=BITS)
    result = clean_pixels(ds, ["OKAFOR^DESMOND"], PixelPolicy.from_mapping())
    after = roundtrip(ds).pixel_array
    assert blacked(after, pixels, phi_coverage) >= 0.99
    touched = marker_coverage > 0
    assert np.array_equal(after[touched], pixels[touched])
    assert any(region.decision == "keep" and "PORTABLE" in region.text.upper() for region in result.regions)


def test_a_column_of_vertebra_like_shapes_is_not_text() -> None:
    shape = (900, 700)
    levels = phantom(shape, seed=7)
    rows, cols = np.mgrid[0 : shape[0], 0 : shape[1]]
    for index in range(7):  # stacked rounded bodies, bright, a glyph's size apart
        centre_y = 250 + index * 22
        levels[((cols - 350) / 9.0) ** 2 + ((rows - centre_y) / 7.0) ** 2 <= 1] = 0.9
    pixels = stored(levels)
    ds = make_dataset(pixels.copy(), bits_stored=BITS)
    result = clean_pixels(ds, [], PixelPolicy.from_mapping())
    assert result.boxes == []
    assert np.array_equal(roundtrip(ds).pixel_array, pixels)


def test_the_detector_confirms_a_band_along_a_line_but_not_a_broad_texture() -> None:
    probability = np.zeros((200, 200), dtype=np.float32)
    probability[40:52, 20:120] = 0.9  # a line of text: a band
    probability[100:200, 0:200] = 0.8  # texture the detector fires on: a broad region
    seen = SceneText([], probability, (400, 400))  # the frame is twice the detector's size
    assert seen.sees(14) and not seen.sees(10)  # 7 and 5 px at its scale
    assert seen.finds_line((40, 80, 240, 104), glyph_height=14, threshold=0.3)
    assert not seen.finds_line((40, 300, 240, 324), glyph_height=14, threshold=0.3)  # inside the texture
    assert not seen.finds_line((300, 20, 380, 44), glyph_height=14, threshold=0.3)  # nothing there


def test_only_the_glyphs_of_removed_words_are_blacked_not_the_ground_between_them() -> None:
    shape = (500, 700)
    levels = phantom(shape, seed=11)
    name = rendered("HOLLOWAY", 24)
    number = rendered("40917735", 24)
    name_coverage = stamp(levels, name, 20, 30, 0.97)
    number_coverage = stamp(levels, number, 20 + name.shape[1] + 16, 30, 0.97)  # a word space between
    pixels = stored(levels)
    inked = np.flatnonzero((name_coverage + number_coverage).max(axis=0) > 0)
    end_of_name = int(inked[inked < 20 + name.shape[1]].max())
    start_of_number = int(inked[inked > end_of_name + 1].min())
    assert start_of_number - end_of_name > 12
    gap = np.zeros(shape, dtype=bool)  # the ground between the words, beyond the glyphs' margin
    gap[30 : 30 + name.shape[0], end_of_name + 5 : start_of_number - 5] = True
    deny = ["HOLLOWAY^IRIS", "40917735"]

    ds = make_dataset(pixels.copy(), bits_stored=BITS)
    result = clean_pixels(ds, deny, PixelPolicy.from_mapping())
    after = roundtrip(ds).pixel_array
    for coverage in (name_coverage, number_coverage):
        assert blacked(after, pixels, coverage) >= 0.99
    assert np.array_equal(after[gap], pixels[gap])
    assert len(result.boxes) >= 2

    # a padded rectangle per run of PHI words (the former blackout) takes the gap with it
    ds = make_dataset(pixels.copy(), bits_stored=BITS)
    clean_pixels(ds, deny, PixelPolicy.from_mapping({"glyph_tight": False}))
    assert not np.array_equal(roundtrip(ds).pixel_array[gap], pixels[gap])
