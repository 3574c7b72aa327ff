"""The faster primitives of text detection give what the plain scipy versions gave: labels' boxes
in their raster order, dilations."""

from __future__ import annotations

import numpy as np
import pytest
from scipy import ndimage

from cxrbuild.dicom.textdetect import (
    SMALL_GLYPH_PX,
    DetectionSettings,
    _glyph_components,
    _grow,
    _median,
)


def _reference_components(plane, min_height, max_height, settings, dense=False, full_fill=None):
    """The glyph filter over scipy's labels, one component at a time in label order."""
    labels, count = ndimage.label(plane, structure=np.ones((3, 3), dtype=bool))
    if count == 0:
        return []
    areas = np.bincount(labels.ravel(), minlength=count + 1)
    min_area = max(3, settings.min_glyph_area * min_height // max(settings.min_glyph_height, 1))
    ratio = settings.max_component_width_ratio
    boxes = []
    for index, (rows, cols) in enumerate(ndimage.find_objects(labels), start=1):
        height, width, area = rows.stop - rows.start, cols.stop - cols.start, int(areas[index])
        tall_run = min_height <= width <= max_height < height <= ratio * width
        if (height > max_height and not tall_run) or width > ratio * max_height:
            continue
        if height < min_height or area < min_area or width > ratio * height:
            continue
        fill, aspect = area / (height * width), width / height
        if fill < 0.08:
            continue
        box = (cols.start, rows.start, cols.stop, rows.stop)
        solid_fill, wide_fill = (0.92, 0.85) if height <= SMALL_GLYPH_PX else (0.85, 0.7)
        solid = not dense and ((fill > solid_fill and aspect > 0.45) or (aspect > 3.0 and fill > wide_fill))
        if solid and (full_fill is None or full_fill(box) > 0.7):
            continue
        boxes.append(box)
    return boxes


@pytest.mark.parametrize("seed", range(12))
def test_glyph_components_are_scipys_in_raster_order(seed: int) -> None:
    rng = np.random.default_rng(seed)
    rows, cols = (int(v) for v in rng.integers(20, 160, 2))
    plane = np.zeros((rows, cols), dtype=bool)
    # blobs of every shape (glyph-like, bars, solid blocks, runs wider than tall) on an empty margin
    for _ in range(int(rng.integers(0, 60))):
        height, width = (int(v) for v in rng.integers(1, 30, 2))
        top, left = int(rng.integers(3, max(4, rows - height))), int(rng.integers(3, max(4, cols - width)))
        plane[top : top + height, left : left + width] |= rng.random((height, width))[: rows - top, : cols - left] < rng.uniform(0.2, 1.0)
    plane |= rng.random((rows, cols)) < rng.uniform(0.0, 0.05)  # specks
    settings = DetectionSettings()
    for dense in (False, True):
        for full_fill in (None, lambda box: (box[0] % 3) / 2):
            got = _glyph_components(plane, 3, 24, settings, dense=dense, full_fill=full_fill)
            assert got == _reference_components(plane, 3, 24, settings, dense=dense, full_fill=full_fill)


def test_glyph_components_of_an_empty_plane() -> None:
    assert _glyph_components(np.zeros((40, 50), dtype=bool), 3, 24, DetectionSettings()) == []


def test_glyph_components_order_follows_the_first_pixel_not_the_box() -> None:
    plane = np.zeros((30, 40), dtype=bool)
    plane[10:21, 25] = True  # an L whose box starts far left, but whose first pixel is at column 25
    plane[20, 2:26] = True
    plane[10:17, 15] = True  # a bar whose first pixel, in the same row, comes before it
    boxes = _glyph_components(plane, 3, 24, DetectionSettings())
    assert boxes == _reference_components(plane, 3, 24, DetectionSettings())
    assert [box[0] for box in boxes] == [15, 2]


@pytest.mark.parametrize("radius", [0, 1, 2, 3, 5])
def test_grow_is_a_square_maximum_filter(radius: int) -> None:
    rng = np.random.default_rng(radius)
    for transposed in (False, True):
        mask = rng.random((37, 53)) < 0.05
        mask = mask.T if transposed else mask  # a view, not contiguous
        expected = ndimage.maximum_filter(mask.astype(np.uint8), size=2 * radius + 1, mode="constant").astype(bool)
        assert np.array_equal(_grow(mask, radius), expected)
    assert _grow(np.zeros((0, 5), dtype=bool), radius).shape == (0, 5)


@pytest.mark.parametrize("dtype", [np.uint8, np.uint16, np.int32, np.float32])
def test_median_is_numpys(dtype) -> None:
    rng = np.random.default_rng(7)
    for size in (1, 2, 3, 4, 17, 64):
        values = rng.integers(0, 250, size).astype(dtype)
        assert _median(values) == float(np.median(values))


def _text_crop(text: str) -> np.ndarray:
    from PIL import Image, ImageDraw

    image = Image.new("L", (12 * len(text) + 16, 40), 255)
    ImageDraw.Draw(image).text((8, 10), text, fill=0)
    return np.asarray(image.resize((image.width * 2, image.height * 2)))


def test_tesseract_reads_a_crop_once_and_gives_the_same_words_again() -> None:
    from cxrbuild.dicom import ocr

    engine = ocr._engine()
    engine._readings.clear()
    crop = _text_crop("PORTABLE AP 0815")
    first = engine.read(crop, single_line=True)
    assert first and len(engine._readings) == 1
    again = engine.read(crop.copy(), single_line=True)
    assert again == first and len(engine._readings) == 1
    # another crop, or the same crop read as a block, is read anew
    engine.read(_text_crop("SUPINE"), single_line=True)
    engine.read(crop, single_line=False)
    assert len(engine._readings) == 3
    again[0:0] = ["a caller's own list"]
    assert engine.read(crop, single_line=True) == first
    # the same bytes in another shape are another crop
    other = np.ascontiguousarray(crop).reshape(crop.shape[1], crop.shape[0])
    engine.read(other, single_line=True)
    assert len(engine._readings) == 4
