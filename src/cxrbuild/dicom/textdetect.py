"""Find candidate burned-in text lines in one image frame, without OCR.

The MIMIC-CXR recipe: burned-in text is drawn at (or very near) an extreme
stored value, or at a fixed value chosen by the device, so the frame is
binarized at

1. the maximum stored value (minus a small tolerance),
2. the minimum stored value (plus a small tolerance),
3. the fixed text value(s) of the device's manufacturer (config table),

and, because overlay renderers also draw text in mid greys and colours
(ultrasound, secondary captures), at

4. strong local contrast in the display image (a pixel far brighter or darker
   than the mean of its neighbourhood).

In each binary plane, connected components shaped like glyphs are kept
(height, aspect, fill), grouped into horizontal lines by size and distance,
and lines that do not contrast strongly with their surroundings are dropped.
Only the lines found here are ever given to OCR.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy import ndimage

EIGHT_CONNECTED = np.ones((3, 3), dtype=bool)
CONTRAST_PLANES = frozenset({"bright", "dark"})


@dataclass(frozen=True)
class DetectionSettings:
    """Geometry and contrast limits of burned-in text (see pixel_policy.yaml, ``detection``)."""

    extreme_tolerance: float = 0.01  # fraction of the stored range counted as "at the extreme"
    value_tolerance: int = 2  # stored-value tolerance around a device's fixed text value
    min_glyph_height: int = 5  # px; smaller text is unreadable on a radiograph anyway
    max_glyph_height_fraction: float = 0.08  # of the shorter image side
    max_glyph_height_floor: int = 24  # px; lower bound of the above on small images
    min_glyph_area: int = 6
    max_component_width_ratio: float = 14.0  # touching glyphs form wide components
    line_gap_factor: float = 1.5  # max gap between glyphs of one line, in glyph heights
    line_height_ratio: float = 2.6  # max height ratio of glyphs in one line
    min_line_contrast: float = 60.0  # display grey levels between text and its surroundings
    contrast_plane: bool = True
    contrast_window: int = 15  # px, neighbourhood of the local-contrast plane
    contrast_threshold: float = 70.0  # display grey levels above/below the neighbourhood mean
    flat_ground_tolerance: int = 12  # display grey levels; overlay panels are one colour
    flat_ground_fraction: float = 0.7
    max_lines: int = 400  # per frame; more means the planes caught texture, not text
    max_pixels_text_fraction: float = 0.25  # a plane covering more of the image is background


@dataclass
class TextLine:
    """A candidate line of text: its box, its text pixels and its typical glyph height."""

    box: tuple[int, int, int, int]  # x0, y0, x1, y1 (half-open) in frame coordinates
    glyph_height: int
    n_glyphs: int
    plane: str  # which binarization found it
    mask: np.ndarray = field(repr=False)  # bool, text pixels inside box
    glyph_boxes: list[tuple[int, int, int, int]] = field(default_factory=list, repr=False)


def binary_planes(
    stored: np.ndarray,
    display: np.ndarray,
    settings: DetectionSettings,
    text_values: Sequence[Sequence[int] | int] = (),
) -> list[tuple[str, np.ndarray]]:
    """The binarizations of one frame, in order of trust (extremes first).

    ``stored`` is the frame's stored values (2-D; for colour, 3-D with samples
    last); ``display`` the 8-bit grey image a viewer would show (white = bright).
    """
    planes: list[tuple[str, np.ndarray]] = []
    if stored.ndim == 2:
        lo, hi = int(stored.min()), int(stored.max())
        tolerance = max(1, round(settings.extreme_tolerance * (hi - lo)))
        if hi > lo:
            planes.append(("max", stored >= hi - tolerance))
            planes.append(("min", stored <= lo + tolerance))
        for value in text_values:
            if isinstance(value, Sequence):
                continue  # colour values do not apply to a grey image
            planes.append((f"value {value}", np.abs(stored.astype(np.int64) - int(value)) <= settings.value_tolerance))
    else:
        # colour: text is drawn brightest (white/grey/colour) or at a device colour
        brightness = display
        planes.append(("max", brightness >= int(brightness.max()) - max(1, int(2.55 * settings.extreme_tolerance * 100))))
        for value in text_values:
            if not isinstance(value, Sequence) or len(value) != stored.shape[-1]:
                continue
            diff = np.abs(stored.astype(np.int16) - np.asarray(value, dtype=np.int16)).max(axis=-1)
            planes.append((f"value {tuple(value)}", diff <= settings.value_tolerance))
    if settings.contrast_plane:
        planes.extend(contrast_planes(display, settings))
    limit = settings.max_pixels_text_fraction * display.size
    return [(name, plane) for name, plane in planes if 0 < np.count_nonzero(plane) <= limit or name in {"max", "min"}]


def contrast_planes(display: np.ndarray, settings: DetectionSettings) -> list[tuple[str, np.ndarray]]:
    """Pixels much brighter (or darker) than their neighbourhood's mean: text at any grey or colour."""
    image = display.astype(np.float32)
    local_mean = ndimage.uniform_filter(image, size=settings.contrast_window, mode="nearest")
    difference = image - local_mean
    return [
        ("bright", difference >= settings.contrast_threshold),
        ("dark", difference <= -settings.contrast_threshold),
    ]


def _glyph_components(
    plane: np.ndarray, settings: DetectionSettings
) -> tuple[np.ndarray, list[tuple[int, int, int, int]], np.ndarray]:
    """Label ``plane``; return the labels, the boxes of glyph-like components, and a
    per-label flag of components too large to be text (background, anatomy)."""
    labels, count = ndimage.label(plane, structure=EIGHT_CONNECTED)
    too_large = np.zeros(count + 1, dtype=bool)
    if count == 0:
        return labels, [], too_large
    slices = ndimage.find_objects(labels)
    areas = np.bincount(labels.ravel(), minlength=count + 1)
    max_height = max(settings.max_glyph_height_floor, int(settings.max_glyph_height_fraction * min(plane.shape)))
    boxes: list[tuple[int, int, int, int]] = []
    for index, region in enumerate(slices, start=1):
        if region is None:
            continue
        rows, cols = region
        height = rows.stop - rows.start
        width = cols.stop - cols.start
        area = int(areas[index])
        if height > max_height or width > settings.max_component_width_ratio * max(height, max_height):
            too_large[index] = True
            continue
        if height < settings.min_glyph_height or area < settings.min_glyph_area:
            continue
        if width > settings.max_component_width_ratio * height:
            continue
        fill = area / (height * width)
        aspect = width / height
        # solid blocks are not glyphs, except thin bars (l, I, 1, |)
        if fill > 0.85 and aspect > 0.45:
            continue
        if fill < 0.08:
            continue
        # wide touching runs of glyphs are never as dense as a filled shape
        if aspect > 3.0 and fill > 0.7:
            continue
        boxes.append((cols.start, rows.start, cols.stop, rows.stop))
    return labels, boxes, too_large


def _group_lines(boxes: list[tuple[int, int, int, int]], settings: DetectionSettings) -> list[list[int]]:
    """Union glyph boxes that sit on one text line (overlapping rows, similar size, close)."""
    n = len(boxes)
    if n == 0:
        return []
    array = np.asarray(boxes, dtype=np.float64)
    x0, y0, x1, y1 = array.T
    heights = y1 - y0
    parent = list(range(n))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    order = np.argsort(x0)
    # sweep left to right; compare each glyph with the ones that start within reach
    reach = settings.line_gap_factor * heights
    for position, i in enumerate(order):
        for j in order[position + 1 :]:
            if x0[j] > x1[i] + reach[i] and x0[j] > x1[i] + settings.line_gap_factor * heights.max():
                break
            gap = max(x0[j] - x1[i], x0[i] - x1[j], 0.0)
            tall, short = max(heights[i], heights[j]), min(heights[i], heights[j])
            if gap > settings.line_gap_factor * tall:
                continue
            if tall > settings.line_height_ratio * short:
                continue
            overlap = min(y1[i], y1[j]) - max(y0[i], y0[j])
            if overlap < 0.5 * short:
                continue
            root_i, root_j = find(int(i)), find(int(j))
            if root_i != root_j:
                parent[root_j] = root_i
    groups: dict[int, list[int]] = {}
    for i in range(n):
        groups.setdefault(find(i), []).append(i)
    return list(groups.values())


def find_text_lines(
    stored: np.ndarray,
    display: np.ndarray,
    settings: DetectionSettings,
    text_values: Sequence[Sequence[int] | int] = (),
) -> list[TextLine]:
    """Candidate text lines of one frame, from every binary plane, without duplicates."""
    found: list[TextLine] = []
    rows, cols = display.shape
    for plane_name, plane in binary_planes(stored, display, settings, text_values):
        labels, boxes, too_large = _glyph_components(plane, settings)
        if not boxes:
            continue
        for group in _group_lines(boxes, settings):
            glyph_boxes = [boxes[i] for i in group]
            heights = sorted(b[3] - b[1] for b in glyph_boxes)
            glyph_height = heights[len(heights) // 2]
            x0 = min(b[0] for b in glyph_boxes)
            y0 = min(b[1] for b in glyph_boxes)
            x1 = max(b[2] for b in glyph_boxes)
            y1 = max(b[3] for b in glyph_boxes)
            # punctuation and diacritics beside the glyphs belong to the line too
            margin = max(2, glyph_height // 3)
            bx0, by0 = max(0, x0 - margin), max(0, y0 - margin // 2)
            bx1, by1 = min(cols, x1 + margin), min(rows, y1 + margin // 2)
            box = (bx0, by0, bx1, by1)
            if any(_overlap_fraction(box, line.box) > 0.6 for line in found):
                continue
            # the line's pixels, without background or anatomy reaching into its box
            mask = plane[by0:by1, bx0:bx1] & ~too_large[labels[by0:by1, bx0:bx1]]
            if not _contrasts(display[by0:by1, bx0:bx1], mask, settings):
                continue
            # the local-contrast planes also catch wires, clips and bone edges; overlay
            # text at a mid grey is drawn on a flat panel, anatomy is never flat
            if plane_name in CONTRAST_PLANES and not _flat_ground(display[by0:by1, bx0:bx1], mask, settings):
                continue
            found.append(
                TextLine(box, glyph_height, len(glyph_boxes), plane_name, mask, glyph_boxes)
            )
        del labels
        if len(found) > settings.max_lines:
            break
    return found


def _flat_ground(display_crop: np.ndarray, mask: np.ndarray, settings: DetectionSettings) -> bool:
    """True when the pixels around the glyphs (anti-aliased rims excluded) are nearly one value."""
    rim = ndimage.binary_dilation(mask, structure=EIGHT_CONNECTED, iterations=2)
    ground = display_crop[~rim].astype(np.int16)
    if ground.size < 8:
        return False
    median = int(np.median(ground))
    flat = np.count_nonzero(np.abs(ground - median) <= settings.flat_ground_tolerance)
    return flat >= settings.flat_ground_fraction * ground.size


def _contrasts(display_crop: np.ndarray, mask: np.ndarray, settings: DetectionSettings) -> bool:
    """True when the text pixels stand out from the rest of the box as burned-in text does."""
    if not mask.any() or mask.all():
        return False
    text = display_crop[mask].astype(np.float32)
    ground = display_crop[~mask].astype(np.float32)
    return abs(float(np.median(text)) - float(np.median(ground))) >= settings.min_line_contrast


def _overlap_fraction(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> float:
    """Intersection area over the smaller box's area."""
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    if width <= 0 or height <= 0:
        return 0.0
    smaller = min((a[2] - a[0]) * (a[3] - a[1]), (b[2] - b[0]) * (b[3] - b[1]))
    return width * height / smaller if smaller else 0.0
