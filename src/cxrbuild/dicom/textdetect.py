"""Find candidate burned-in text lines in one image frame, without OCR.

The MIMIC-CXR recipe: burned-in text is drawn at (or very near) an extreme
stored value, or at a fixed value chosen by the device, so the frame is
binarized at

1. the maximum stored value (minus a small tolerance),
2. the minimum stored value (plus a small tolerance),
3. the fixed text value(s) of the device's manufacturer (config table), and
   the values the frame itself shows to be text values: text is drawn at one
   stored value, so that value stands as a spike in the frame's histogram
   high above its neighbouring values (:func:`text_value_spikes`),

and, because overlay renderers also draw text in mid greys and colours, over
anatomy as well as on flat panels (ultrasound, secondary captures, some CR
consoles), at

4. the holes of those planes: text drawn on a flat label panel (or on air at
   an extreme) at any grey is the set of glyph-shaped holes in the panel's
   value plane;
5. thin strokes: pixels far brighter (white top-hat) or darker (black
   top-hat) than a grey-level opening/closing of the display image, i.e.
   structures narrower than a pen stroke, whatever the grey behind them.

A block of small letters with a halo (an outline, a drop shadow) is one solid
shape in the stroke planes, whose opening or closing takes the halo for the
ground; searched at full resolution, such a shape is cut again from its own
ground (the median around it) and its glyphs searched as a plane of their own.

Large frames are searched at a reduced scale (block maximum of the masks,
block mean of the display) and each candidate line is then re-binarized at
full resolution inside its box. In each plane, connected components shaped
like glyphs (height, aspect, fill) are grouped into horizontal lines by size
and distance; only these lines are ever given to OCR.
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy import ndimage
from scipy.sparse import csr_matrix
from scipy.sparse.csgraph import connected_components

from cxrbuild.dicom.boxes import Box, covered_fraction, transpose_box
from cxrbuild.dicom.opencv import opencv

EIGHT_CONNECTED = np.ones((3, 3), dtype=bool)
STROKE_PLANES = frozenset({"bright", "dark"})
LEARNED = "learned"  # the plane of lines the learned detector found
HOLES = " holes"  # suffix of the plane of the holes in a value plane
GROUND = " off its ground"  # suffix of the plane of a block's glyphs cut from the block's own ground (see _block_plane)
# one stroke-plane piece this many times as wide as tall may be a word of touching small glyphs
TOUCHING_WORD_ASPECT = 2.5
# one lone stroke-plane piece at least this tall (px, full resolution) may be one large letter ("L", "R")
LARGE_LETTER_PX = 12
# a glyph piece less than this share of the line's median height is a mark (a hyphen, a dot), not a letter
MARK_SHARE = 0.6
# glyphs at most this tall (px, at the plane's scale) run together densely when they touch
SMALL_GLYPH_PX = 12
# a shape of a stroke plane searched at full resolution that is too tall or too solid for a glyph, at most this many
# lines of the smallest glyphs tall, at most this many of that height wide and this much filled, may be a block of
# small letters with a halo, cut again from its own ground (see _block_plane)
BLOCK_LINES = 4
BLOCK_WIDTH_HEIGHTS = 8
BLOCK_MIN_FILL = 0.25
# ... the ground being the median of a ring this many px wide around it (a quarter of its height at least); cut
# from it, a row of pieces filling more of their boxes than this (the median of them) is a row of dots or blobs (a
# dotted lead marker's), not letters: a letter's strokes leave much of its box to the ground
BLOCK_RING_PX = 4
BLOCK_GLYPH_MAX_FILL = 0.72
ALL_PAIRS_MAX = 300  # glyphs of one plane grouped by comparing all pairs at once (~1 MB arrays); more: pairs within reach
PAIRS_PER_CHUNK = 1_000_000  # pairs within reach compared at a time


def is_loose_plane(name: str) -> bool:
    """Planes that catch non-text too (thin strokes, holes, the learned detector on anatomy):
    their lines must look printed or read."""
    return name in STROKE_PLANES or name == LEARNED or name.endswith((HOLES, GROUND))


@dataclass(frozen=True)
class DetectionSettings:
    """Geometry and contrast limits of burned-in text (see pixel_policy.yaml, ``detection``)."""

    extreme_tolerance: float = 0.01  # fraction of the stored range counted as "at the extreme"
    value_tolerance: int = 2  # stored-value tolerance around a device's fixed text value
    detection_short_side: int = 1000  # frames are searched at a scale where the short side is about this
    min_glyph_height: int = 4  # px at full resolution (the x-height of 7 px text)
    min_search_glyph_height: int = 4  # px at the search scale: smaller components there are mostly noise
    fine_band_fraction: float = 0.5  # large frames: border bands this deep searched again at full resolution (0.5: all)
    fine_max_glyph_factor: float = 2.0  # ...for glyphs up to this x the search scale's smallest (in px)
    max_glyph_height_fraction: float = 0.08  # of the shorter image side
    max_glyph_height_floor: int = 24  # px; lower bound of the above on small images
    min_glyph_area: int = 6
    max_component_width_ratio: float = 14.0  # touching glyphs form wide components
    line_gap_factor: float = 1.5  # max gap between glyphs of one line, in glyph heights
    line_height_ratio: float = 2.6  # max height ratio of glyphs in one line
    min_line_contrast: float = 40.0  # display grey levels between text and its surroundings
    min_faint_contrast: float = 8.0  # ...the least for glyphs at one stored value, which must then look printed
    stroke_planes: bool = True
    stroke_width: int = 9  # px at search scale: wider structures are background, not pen strokes
    stroke_threshold: float = 40.0  # display grey levels a stroke surely stands out from its background
    min_stroke_threshold: float = 8.0  # ...and the least, used on frames whose strokes are not noisy
    stroke_noise_factor: float = 1.5  # threshold = this x the 95th percentile of the frame's stroke map
    max_lines: int = 400  # per frame; more means the planes caught texture, not text
    min_panel_pixels: int = 200  # a value plane this large (at search scale) is searched for holes too
    spike_values: int = 4  # stored values searched as text values because the histogram spikes there (0: off)
    spike_ratio: float = 1.5  # a spike holds this many times the pixels of any neighbouring value
    spike_window: int = 3  # neighbouring values (among those present) compared on each side
    spike_min_pixels: int = 150  # ...and this many pixels more than the largest of them
    max_pixels_text_fraction: float = 0.25  # a plane covering more of the image is background
    scene_text: bool = True  # also run the learned line detector (cxrbuild.dicom.scenetext)
    scene_text_long_side: int = 1024  # ...on the frame scaled so its longer side is this
    scene_text_box_threshold: float = 0.5  # ...keeping regions of at least this mean probability
    # a line that neither reads well nor reads as PHI is no text when the detector, seeing glyphs
    # of its size, gives its box no more than this probability anywhere (0: never vetoed)
    scene_text_veto_probability: float = 0.3


@dataclass
class TextLine:
    """A candidate line of text: its box, its text pixels and its typical glyph height."""

    box: Box  # x0, y0, x1, y1 (half-open) in frame coordinates
    glyph_height: int  # px at full resolution
    n_glyphs: int
    plane: str  # which binarization found it
    mask: np.ndarray = field(repr=False)  # bool, text pixels inside box (full resolution)
    glyph_boxes: list[Box] = field(default_factory=list, repr=False)
    # the crop as OCR should see it: dark text on a light ground (stroke planes);
    # None means "read the mask"
    grey: np.ndarray | None = field(default=None, repr=False)
    aligned: float = 1.0  # fraction of glyphs on the line's baseline
    faint: bool = False  # found at a stored value, but with less than min_line_contrast on screen
    # a line turned 90 degrees: ``mask`` and ``grey`` are its crop of the transposed frame
    # (rows and columns swapped, so the line runs left to right there); ``box`` is in the frame
    transposed: bool = False
    # the learned detector saw the line as text where reading and shape could not tell: a turned line
    # shown to it upright (scenetext.sees_turned_line), or a line off one baseline under one of its own
    # lines (scenetext.confirms_line); set by the caller, only for lines of three glyphs or more that do not read
    witnessed: bool = False

    @property
    def loose(self) -> bool:
        """Whether the line must look printed to count as text (see :func:`is_loose_plane`)."""
        return self.faint or is_loose_plane(self.plane)


def alignment(glyph_boxes: Sequence[tuple[int, ...]], tolerance: int = 1, either_edge: bool = False) -> float:
    """Fraction of glyphs standing on the line's median baseline (printed text does; blobs do not).

    Heights are not compared: mixed case differs in height by design.
    ``either_edge``: the better of bottoms and tops (text upside down hangs from its baseline).
    """
    if len(glyph_boxes) < 2:
        return 1.0
    heights = np.array([b[3] - b[1] for b in glyph_boxes], dtype=np.float64)
    height = float(np.median(heights))
    # marks much smaller than the line's letters (hyphens, dots, an italic's serifs split off)
    # stand off the baseline in printed text too: the letters decide
    letters = [b for b, h in zip(glyph_boxes, heights, strict=True) if h >= MARK_SHARE * height]
    if len(letters) >= 2:
        glyph_boxes = letters
    slack = max(float(tolerance), 0.12 * height)
    edges = (3, 1) if either_edge else (3,)
    best = 0.0
    for edge in edges:
        values = np.array([b[edge] for b in glyph_boxes], dtype=np.float64)
        best = max(best, float((np.abs(values - np.median(values)) <= slack).mean()))
    return best


def search_scale(shape: tuple[int, int], settings: DetectionSettings) -> int:
    """Integer reduction factor of the search (1 for small frames)."""
    return max(1, min(4, round(min(shape) / max(settings.detection_short_side, 1))))


def _block_any(mask: np.ndarray, factor: int) -> np.ndarray:
    """Blocks holding any pixel of ``mask``."""
    if factor == 1:
        return mask
    return _block_reduce(mask.view(np.uint8), factor, np.max).view(bool)


def _block_count(mask: np.ndarray, factor: int) -> np.ndarray:
    """How many pixels of ``mask`` each block holds (at most 16: factors are at most 4)."""
    return _block_reduce(mask.view(np.uint8), factor, np.sum)


def _block_all(mask: np.ndarray, factor: int) -> np.ndarray:
    """Blocks wholly inside ``mask``."""
    if factor == 1:
        return mask
    return _block_reduce(mask.view(np.uint8), factor, np.min).view(bool)


def _block_reduce(image: np.ndarray, factor: int, reduce: Callable) -> np.ndarray:
    """Block maximum (``np.max``), minimum (``np.min``) or sum (``np.sum``, in the image's dtype).

    A thin stroke survives a block maximum or minimum whole.
    """
    if factor == 1:
        return image
    rows, cols = (image.shape[0] // factor) * factor, (image.shape[1] // factor) * factor
    pairwise = {np.max: np.maximum, np.min: np.minimum, np.sum: np.add}[reduce]
    # f x f strided views combined pairwise: far faster than reducing a 4-D reshape
    result = image[0:rows:factor, 0:cols:factor].copy()
    for row in range(factor):
        for col in range(factor):
            if row or col:
                pairwise(result, image[row:rows:factor, col:cols:factor], out=result)
    return result


@dataclass(frozen=True)
class ValuePlane:
    """A binarization at a stored value: the test can be applied to any crop of the frame."""

    name: str
    test: Callable[[np.ndarray, np.ndarray], np.ndarray]  # (stored crop, display crop) -> text mask
    reduce: Callable | None = None  # block reduction of stored values that keeps the test exact
    threshold: float = 0.0
    # pixels at the value a block needs at the search scale: 2 where the value is common in
    # the anatomy (its scattered pixels would otherwise make every block a candidate glyph)
    min_block_count: int = 1

    def at_scale(self, stored: np.ndarray, display: np.ndarray, factor: int) -> tuple[np.ndarray, Callable[[], np.ndarray]]:
        """The plane at the search scale (blocks holding any of its pixels), and a function
        giving its holes there (blocks not wholly in it), which keeps holes whole."""
        if factor > 1 and self.reduce is not None:
            # exact from block extremes: a block holds a pixel of the plane when its extreme
            # in the plane's direction passes, and lies wholly in it when the other one does
            opposite = np.min if self.reduce is np.max else np.max

            def passes(reduced: np.ndarray) -> np.ndarray:
                return reduced >= self.threshold if self.reduce is np.max else reduced <= self.threshold

            plane = passes(_block_reduce(stored, factor, self.reduce))
            return plane, lambda: ~passes(_block_reduce(stored, factor, opposite))
        full = self.test(stored, display)
        if self.min_block_count > 1:
            plane = _block_count(full, factor) >= min(self.min_block_count, factor * factor)
        else:
            plane = _block_any(full, factor)
        return plane, lambda: ~_block_all(full, factor)


def text_value_spikes(
    stored: np.ndarray, settings: DetectionSettings, between: tuple[int, int], step: int = 1
) -> list[int]:
    """Stored values the frame's histogram shows text to be drawn at (see :func:`_spikes`)."""
    return [value for value, _ground in _spikes(stored, settings, between, step)]


def _spikes(
    stored: np.ndarray, settings: DetectionSettings, between: tuple[int, int], step: int = 1
) -> list[tuple[int, float]]:
    """Stored values the frame's histogram shows text to be drawn at, strongest first.

    Renderers draw a glyph's body at one stored value (only its antialiased
    rim takes other values), so a line of text adds hundreds of pixels to a
    single value, while anatomy and noise spread smoothly over neighbouring
    values. A value counts when it holds ``spike_ratio`` times the pixels of
    every one of its ``spike_window`` neighbours on each side (neighbours
    among the values present, so an image scaled up from fewer bits, whose
    histogram is a comb, compares like with like) and ``spike_min_pixels``
    more. Only values strictly ``between`` the two given are returned (the
    extreme bands are searched anyway). ``step`` > 1 counts every step-th
    pixel of every step-th row (large frames: text covers thousands of pixels
    there), with ``spike_min_pixels`` scaled to match. Flat panels and
    collimation bands spike too; their planes hold no glyph-shaped components
    and cost one labelling. Each value comes with the share of the frame's
    pixels the anatomy puts at it (its neighbours' count, which text does not
    raise).
    """
    if settings.spike_values <= 0 or stored.dtype.kind not in "iu" or stored.ndim != 2:
        return []
    sample = stored[::step, ::step] if step > 1 else stored
    lo, hi = int(sample.min()), int(sample.max())
    if hi - lo < 8 or hi - lo > (1 << 20):
        return []
    values_seen = (sample.astype(np.int64) - lo) if lo or sample.dtype.kind == "i" else sample
    counts = np.bincount(values_seen.ravel(), minlength=hi - lo + 1)
    min_pixels = settings.spike_min_pixels / (step * step)
    present = np.flatnonzero(counts)
    values = counts[present].astype(np.int64)
    window = max(1, settings.spike_window)
    if values.size < 2 * window + 1:
        return []
    padded = np.pad(values, window, constant_values=0)
    neighbours = np.zeros_like(values)
    for shift in range(1, window + 1):
        np.maximum(neighbours, padded[window - shift : window - shift + values.size], out=neighbours)
        np.maximum(neighbours, padded[window + shift : window + shift + values.size], out=neighbours)
    spikes = (values >= settings.spike_ratio * neighbours) & (values - neighbours >= min_pixels)
    found = [
        (int(values[i] - neighbours[i]), int(present[i]) + lo, float(neighbours[i]) / sample.size)
        for i in np.flatnonzero(spikes)
        if between[0] < int(present[i]) + lo < between[1]
    ]
    found.sort(reverse=True)
    return [(value, ground) for _, value, ground in found[: settings.spike_values]]


def _band(value: int, tolerance: int) -> Callable[[np.ndarray, np.ndarray], np.ndarray]:
    """The test "stored value within ``tolerance`` of ``value``" (no wide temporaries)."""
    low, high = value - tolerance, value + tolerance
    return lambda s, d: (s >= low) & (s <= high)


def _value_planes(
    stored: np.ndarray, display: np.ndarray, settings: DetectionSettings, text_values: Sequence
) -> list[ValuePlane]:
    """The extreme, device and histogram-spike text values of a frame, as binarizations."""
    planes: list[ValuePlane] = []
    if stored.ndim == 2:
        lo, hi = int(stored.min()), int(stored.max())
        if hi > lo:
            tolerance = max(1, round(settings.extreme_tolerance * (hi - lo)))
            top, bottom = hi - tolerance, lo + tolerance
            planes.append(ValuePlane("max", lambda s, d, t=top: s >= t, np.max, top))
            planes.append(ValuePlane("min", lambda s, d, b=bottom: s <= b, np.min, bottom))
            configured = {int(v) for v in text_values if not isinstance(v, Sequence)}
            step = search_scale(stored.shape, settings)
            for value, ground in _spikes(stored, settings, (bottom, top), step):
                if all(abs(value - v) > settings.value_tolerance for v in configured):
                    # anatomy pixels within the band, per block of the search
                    noise = ground * (2 * settings.value_tolerance + 1) * step * step
                    planes.append(
                        ValuePlane(
                            f"spike {value}",
                            _band(value, settings.value_tolerance),
                            min_block_count=2 if noise >= 0.05 else 1,
                        )
                    )
        for value in text_values:
            if isinstance(value, Sequence):
                continue  # colour values do not apply to a grey image
            planes.append(ValuePlane(f"value {value}", _band(int(value), settings.value_tolerance)))
    else:
        tolerance = max(1, round(2.55 * settings.extreme_tolerance * 100))
        top = int(display.max()) - tolerance
        planes.append(ValuePlane("max", lambda s, d, t=top: d >= t))
        for value in text_values:
            if not isinstance(value, Sequence) or len(value) != stored.shape[-1]:
                continue
            colour = np.asarray(value, dtype=np.int16)
            planes.append(
                ValuePlane(
                    f"value {tuple(value)}",
                    lambda s, d, c=colour: np.abs(s.astype(np.int16) - c).max(axis=-1) <= settings.value_tolerance,
                )
            )
    return planes


def stroke_map(display: np.ndarray, width: int, bright: bool) -> np.ndarray:
    """How far each pixel stands out from a grey opening (bright) or closing (dark) of ``display``.

    A morphological top-hat: structures narrower than ``width`` (pen strokes)
    keep their contrast, wider ones (anatomy, panels, gradients) drop to zero.
    """
    if width % 2 == 0:  # an even window has no centre: scipy's placement of it, as always
        size = (width, width)
        if bright:
            return display.astype(np.int16) - ndimage.grey_opening(display, size=size).astype(np.int16)
        return ndimage.grey_closing(display, size=size).astype(np.int16) - display.astype(np.int16)
    cv2 = opencv()  # OpenCV's flat morphology: for an odd window the same values as scipy's, ~8x faster

    kernel = np.ones((width, width), dtype=np.uint8)
    operation = cv2.MORPH_OPEN if bright else cv2.MORPH_CLOSE
    smoothed = cv2.morphologyEx(np.ascontiguousarray(display), operation, kernel, borderType=cv2.BORDER_REFLECT)
    if bright:
        return display.astype(np.int16) - smoothed.astype(np.int16)
    return smoothed.astype(np.int16) - display.astype(np.int16)


def _glyph_components(
    plane: np.ndarray,
    min_height: int,
    max_height: int,
    settings: DetectionSettings,
    dense: bool = False,
    full_fill: Callable[[Box], float] | None = None,
    blocks: list[Box] | None = None,
    block_height: int = 0,
) -> list[Box]:
    """The boxes of the glyph-like components of ``plane`` (eight-connected), in the raster
    order of their first pixel; components too large to be text (background, anatomy) and
    too small, thin, sparse or solid to be a glyph are left out.

    ``dense``: solid shapes may be glyphs too (the holes of a panel, where bold
    glyphs run together at the search scale; OCR then decides).
    ``full_fill``: the fill of a box (search-scale coordinates) at full
    resolution; a shape solid at the search scale is a glyph when it is not
    solid there (a bold "B" whose counters the reduction closed).
    ``blocks``: where given, the boxes of the shapes left out as too tall or too solid for a glyph that
    could be a block of small text run together (at most ``block_height`` tall and ``BLOCK_WIDTH_HEIGHTS``
    of it wide, at least half as wide as tall, ``BLOCK_MIN_FILL`` filled) are appended to it (see :func:`_block_plane`).
    """
    cv2 = opencv()  # one pass for labels, boxes and areas: a noisy plane holds tens of thousands of components

    plane = plane != 0
    # labelled within the rows and columns that hold any pixel (most planes leave a wide margin empty),
    # by the block-based scan (Grana et al. 2010), twice as fast as OpenCV's default with statistics
    rows = np.flatnonzero(plane.any(axis=1))
    if rows.size == 0:
        return []
    cols = np.flatnonzero(plane[rows[0] : rows[-1] + 1].any(axis=0))
    oy, ox = int(rows[0]), int(cols[0])
    crop = np.ascontiguousarray(plane[oy : rows[-1] + 1, ox : cols[-1] + 1], dtype=np.uint8)
    _count, labels, stats, _centroids = cv2.connectedComponentsWithStatsWithAlgorithm(
        crop, 8, cv2.CV_32S, cv2.CCL_GRANA
    )
    left, top, width, height, area = (stats[1:, column].astype(np.int64) for column in range(5))
    ratio = settings.max_component_width_ratio
    # touching glyphs of a line turned 90 degrees form a tall run as narrow as a glyph is high
    tall_run = (min_height <= width) & (width <= max_height) & (max_height < height) & (height <= ratio * width)
    too_large = ((height > max_height) & ~tall_run) | (width > ratio * max_height)
    min_area = max(3, settings.min_glyph_area * min_height // max(settings.min_glyph_height, 1))
    fill = area / (height * width)
    candidate = ~too_large & (height >= min_height) & (area >= min_area) & (width <= ratio * height) & (fill >= 0.08)
    if blocks is not None and block_height > 0:
        # a block of small letters with a halo (an outline, a drop shadow) is one solid shape in a stroke plane:
        # the ground between the halo's strokes stands out as much as the letters do
        block = (
            (height >= min_height) & (height <= block_height) & (2 * width >= height)
            & (width <= BLOCK_WIDTH_HEIGHTS * block_height) & (fill >= BLOCK_MIN_FILL)
        )
        blocks.extend(
            (ox + int(left[i]), oy + int(top[i]), ox + int(left[i] + width[i]), oy + int(top[i] + height[i]))
            for i in np.flatnonzero(block & ~candidate)
        )
    found: list[tuple[tuple[int, int], Box]] = []
    for index in np.flatnonzero(candidate):
        x0, y0, w, h = int(left[index]), int(top[index]), int(width[index]), int(height[index])
        box = (ox + x0, oy + y0, ox + x0 + w, oy + y0 + h)
        # solid blocks are not glyphs, except thin bars (l, I, 1, |); wide touching
        # runs of glyphs are never as dense as a filled shape
        # (small glyphs run together more densely: "4838" at 7 px fills 0.8 of its box, a bold "88" 0.9)
        small = h <= SMALL_GLYPH_PX
        solid_fill, wide_fill = (0.92, 0.85) if small else (0.85, 0.7)
        share, aspect = float(fill[index]), w / h
        solid = not dense and ((share > solid_fill and aspect > 0.45) or (aspect > 3.0 and share > wide_fill))
        if solid and (full_fill is None or full_fill(box) > 0.7):
            if blocks is not None and block_height > 0 and h <= block_height and 2 * w >= h and share >= BLOCK_MIN_FILL:
                blocks.append(box)
            continue
        # the raster order of the first pixel (the crop keeps it): the first of its pixels in its top row
        first = x0 + int(np.argmax(labels[y0, x0 : x0 + w] == index + 1))
        found.append(((y0, first), box))
    found.sort(key=lambda item: item[0])
    return [box for _, box in found]


def _group_lines(boxes: list[Box], settings: DetectionSettings) -> list[list[int]]:
    """Union glyph boxes that sit on one text line (overlapping rows, similar size, close).

    Two glyphs join when the gap between them is at most ``line_gap_factor``
    times the taller one, their heights differ by at most ``line_height_ratio``
    and their rows overlap by half the shorter one. Up to ``ALL_PAIRS_MAX``
    glyphs, every pair is compared at once; beyond (noisy planes), only the
    pairs within reach along x, in chunks of vectorised comparisons.
    """
    n = len(boxes)
    if n == 0:
        return []
    array = np.asarray(boxes, dtype=np.float64)
    x0, y0, x1, y1 = array.T
    heights = y1 - y0

    def joinable(i: np.ndarray, j: np.ndarray) -> np.ndarray:
        gap = np.maximum(np.maximum(x0[j] - x1[i], x0[i] - x1[j]), 0.0)
        tall = np.maximum(heights[i], heights[j])
        short = np.minimum(heights[i], heights[j])
        overlap = np.minimum(y1[i], y1[j]) - np.maximum(y0[i], y0[j])
        return (
            (gap <= settings.line_gap_factor * tall)
            & (tall <= settings.line_height_ratio * short)
            & (overlap >= 0.5 * short)
        )

    if n <= ALL_PAIRS_MAX:  # all pairs at once
        rows, cols = np.meshgrid(np.arange(n), np.arange(n), indexing="ij")
        adjacency = csr_matrix(joinable(rows, cols))
    else:
        # sorted by left edge, glyph i can only join the ones starting within reach of its right edge
        order = np.argsort(x0, kind="stable")
        reach = np.searchsorted(x0[order], x1[order] + settings.line_gap_factor * heights.max(), side="right")
        counts = np.maximum(reach - np.arange(n) - 1, 0)
        pairs_i: list[np.ndarray] = []
        pairs_j: list[np.ndarray] = []
        ends = np.cumsum(counts)
        chunk_start = 0
        while chunk_start < n:
            base = ends[chunk_start - 1] if chunk_start else 0
            chunk_end = max(chunk_start + 1, int(np.searchsorted(ends, base + PAIRS_PER_CHUNK, side="right")))
            chunk_end = min(chunk_end, n)
            positions = np.arange(chunk_start, chunk_end)
            chunk_counts = counts[chunk_start:chunk_end]
            first = np.repeat(positions, chunk_counts)
            step = np.arange(int(chunk_counts.sum())) - np.repeat(np.cumsum(chunk_counts) - chunk_counts, chunk_counts)
            second = first + 1 + step
            i, j = order[first], order[second]
            keep = joinable(i, j)
            pairs_i.append(i[keep])
            pairs_j.append(j[keep])
            chunk_start = chunk_end
        i = np.concatenate(pairs_i) if pairs_i else np.zeros(0, dtype=np.intp)
        j = np.concatenate(pairs_j) if pairs_j else np.zeros(0, dtype=np.intp)
        adjacency = csr_matrix((np.ones(i.size, dtype=bool), (i, j)), shape=(n, n))
    _count, component = connected_components(adjacency, directed=False)
    members: dict[int, list[int]] = {}
    for index, label in enumerate(component.tolist()):
        members.setdefault(label, []).append(index)
    return list(members.values())


def max_glyph_height(shape: tuple[int, int], settings: DetectionSettings) -> int:
    """The tallest glyph (px) a frame of this shape is searched for."""
    return max(settings.max_glyph_height_floor, int(settings.max_glyph_height_fraction * min(shape)))


def find_text_lines(
    stored: np.ndarray,
    display: np.ndarray,
    settings: DetectionSettings,
    text_values: Sequence[Sequence[int] | int] = (),
    strays: list[tuple[Box, int]] | None = None,
    learned: Sequence[Box] = (),
) -> list[TextLine]:
    """Candidate text lines of one frame, from every binary plane, without duplicates.

    ``learned``: line boxes found by the learned detector; each becomes a line
    of plane :data:`LEARNED` (:func:`line_in_box`) beside the planes' lines.

    Lines set aside as duplicates of others, and lone glyphs too small to be
    a line on their own, are appended to ``strays`` as (box, glyph height)
    when given: the caller may still black them out beside the PHI they
    adjoin (the initial of "J. TAYLOR" stands apart from the name).
    """
    rows, cols = display.shape
    factor = search_scale((rows, cols), settings)
    min_height = max(settings.min_search_glyph_height, -(-settings.min_glyph_height // factor))
    max_height = max_glyph_height((rows, cols), settings)
    max_height_small = max(min_height + 1, max_height // factor)

    value_planes = {plane.name: plane for plane in _value_planes(stored, display, settings, text_values)}
    limit = settings.max_pixels_text_fraction * display.size / factor**2
    planes: list[tuple[str, np.ndarray, tuple[int, int]]] = []  # name, plane, its offset at the search scale
    for name, value_plane in value_planes.items():
        plane, holes = value_plane.at_scale(stored, display, factor)
        # a plane covering much of the frame is background (air, collimation), but the
        # extremes are always searched: text sits inside such backgrounds
        filled = np.count_nonzero(plane)
        if name in {"max", "min"} or 0 < filled <= limit:
            planes.append((name, plane, (0, 0)))
        region = _panel_region(plane, 3 * min_height, max_height_small) if filled >= settings.min_panel_pixels else None
        if region is not None:
            # text on a panel (or on air) of this value, at whatever grey: the panel's holes
            x0, y0, x1, y1 = region
            planes.append((name + HOLES, holes()[y0:y1, x0:x1], (x0, y0)))
    thresholds: dict[str, float] = {}
    if settings.stroke_planes:
        for name, reduce in (("bright", np.max), ("dark", np.min)):
            small_display = _block_reduce(display, factor, reduce)
            strokes = stroke_map(small_display, settings.stroke_width, bright=name == "bright")
            thresholds[name] = stroke_threshold(strokes, settings)
            planes.append((name, strokes >= thresholds[name], (0, 0)))

    found: list[TextLine] = []
    _lines_of_planes(
        planes, stored, display, value_planes, settings, factor, thresholds, (min_height, max_height_small), found, strays
    )
    if factor > 1 and settings.fine_band_fraction > 0:
        _fine_search(stored, display, value_planes, settings, factor, max_height, found, strays)
    # whole lines seen by the learned detector, beside the planes' views of them (which may be
    # fragments, or glyphs the detector merged into a line of anatomy): reading decides
    for box in learned:
        line = line_in_box(box, stored, display, settings, max_height)
        if line is not None:
            found.append(line)
    return found


def _lines_of_planes(
    planes: Sequence[tuple[str, np.ndarray, tuple[int, int]]],
    stored: np.ndarray,
    display: np.ndarray,
    value_planes: dict[str, ValuePlane],
    settings: DetectionSettings,
    factor: int,
    thresholds: dict[str, float],
    heights: tuple[int, int],
    found: list[TextLine],
    strays: list[tuple[Box, int]] | None,
    block_height: int = 0,
) -> None:
    """Group each plane's glyph-shaped components (search scale ``factor``, heights in
    ``heights`` there) into lines, refine them at full resolution and add the new ones to
    ``found`` (in place: a line seen in an earlier plane is read once).

    ``block_height`` (full resolution only): the stroke planes' shapes too tall or solid for a glyph, up to
    this tall, are cut again from their own ground (:func:`_block_plane`) and searched as planes of their own."""
    min_height, max_height_small = heights
    for plane_name, plane, (offset_x, offset_y) in planes:
        full_fill = None
        if factor > 1 and plane_name in value_planes:
            full_fill = _full_resolution_fill(value_planes[plane_name], stored, display, factor)
        blocks: list[Box] | None = [] if factor == 1 and block_height > 0 and plane_name in STROKE_PLANES else None
        boxes = _glyph_components(
            plane, min_height, max_height_small, settings, dense=plane_name.endswith(HOLES), full_fill=full_fill,
            blocks=blocks, block_height=block_height,
        )
        for block in blocks or ():
            block = (block[0] + offset_x, block[1] + offset_y, block[2] + offset_x, block[3] + offset_y)
            cut = _block_plane(plane_name, block, display, settings)
            if cut is not None:
                name, value_plane, block_mask, origin = cut
                _lines_of_planes(
                    [(name, block_mask, origin)], stored, display, {name: value_plane}, settings, 1,
                    {name: value_plane.threshold}, heights, found, strays,
                )
        if is_loose_plane(plane_name):
            # the opening/closing is unreliable at the frame's edge (collimator edges, padding),
            # and a hole never touches it
            edge_rows, edge_cols = plane.shape
            boxes = [b for b in boxes if b[0] > 0 and b[1] > 0 and b[2] < edge_cols and b[3] < edge_rows]
        if not boxes:
            continue
        if offset_x or offset_y:
            boxes = [(b[0] + offset_x, b[1] + offset_y, b[2] + offset_x, b[3] + offset_y) for b in boxes]
        # tall runs (see _glyph_components) only ever stand in a column
        upright = [i for i, b in enumerate(boxes) if b[3] - b[1] <= max_height_small]
        groups = [[upright[i] for i in group] for group in _group_lines([boxes[i] for i in upright], settings)]
        if plane_name.endswith(GROUND):
            origin = (offset_x, offset_y)
            groups = [group for group in groups if _median_fill(plane, [boxes[i] for i in group], origin) <= BLOCK_GLYPH_MAX_FILL]
        for group in groups:
            if is_loose_plane(plane_name) and not _plausible_stroke_group(
                [boxes[i] for i in group], min_height, large_letter=-(-LARGE_LETTER_PX // factor)
            ):
                if strays is not None and len(group) == 1:
                    box = tuple(v * factor for v in boxes[group[0]])
                    strays.append((box, box[3] - box[1]))
                continue
            glyph_boxes = [tuple(v * factor for v in boxes[i]) for i in group]
            line = _refine_line(
                plane_name, glyph_boxes, stored, display, value_planes, settings, factor, thresholds.get(plane_name, 0.0)
            )
            if line is not None:
                _add_line(line, found, strays)
        for group in _vertical_groups(boxes, groups, settings):
            if is_loose_plane(plane_name) and not _plausible_stroke_group(
                [transpose_box(boxes[i]) for i in group], min_height, either_edge=True, large_letter=-(-LARGE_LETTER_PX // factor)
            ):
                continue
            glyph_boxes = [tuple(v * factor for v in transpose_box(boxes[i])) for i in group]
            line = _refine_line(
                plane_name, glyph_boxes, stored.T, display.T, value_planes, settings, factor,
                thresholds.get(plane_name, 0.0),
            )
            if line is not None:
                _add_line(_untransposed(line, factor), found, strays)
        if len(found) > settings.max_lines:
            break


def _median_fill(plane: np.ndarray, boxes: Sequence[Box], origin: tuple[int, int]) -> float:
    """The median share of their boxes (frame coordinates) that a plane (whose top left is ``origin``) fills."""
    ox, oy = origin
    return float(np.median([plane[y0 - oy : y1 - oy, x0 - ox : x1 - ox].mean() for x0, y0, x1, y1 in boxes]))


def _block_plane(
    plane_name: str, block: Box, display: np.ndarray, settings: DetectionSettings
) -> tuple[str, ValuePlane, np.ndarray, tuple[int, int]] | None:
    """A stroke plane's block (see :func:`_glyph_components`) cut again from its own ground, or None.

    Small letters with a halo (a dark outline or drop shadow around light letters, or the reverse) defeat
    the stroke planes: the opening (closing) of the display takes the halo's value for the ground, so the
    ground between the halo's strokes stands out as much as the letters and a block of lines is one solid
    shape, taller than a glyph. The block's true ground is the median of a ring of ``BLOCK_RING_PX`` px
    (a quarter of the block's height at least) around it; its letters stand off that ground in the plane's
    direction by more than the Otsu cut of how far the block's pixels stand off it (never less than the
    least stroke contrast). Returns the plane's name, a value plane testing that (a crop's pixels off the
    ground), its mask over the block and its ring, and that area's origin."""
    rows, cols = display.shape
    x0, y0, x1, y1 = block
    pad = max(BLOCK_RING_PX, (y1 - y0) // 4)
    px0, py0, px1, py1 = max(0, x0 - pad), max(0, y0 - pad), min(cols, x1 + pad), min(rows, y1 + pad)
    area = display[py0:py1, px0:px1]
    ring = np.ones(area.shape, dtype=bool)
    ring[y0 - py0 : y1 - py0, x0 - px0 : x1 - px0] = False
    if not ring.any():
        return None
    ground = _median(area[ring])
    bright = plane_name == "bright"
    off = (area.astype(np.float32) - ground) if bright else (ground - area.astype(np.float32))
    cut = max(settings.min_stroke_threshold, otsu_threshold(np.clip(off, 0, None)))

    def test(_stored: np.ndarray, shown: np.ndarray) -> np.ndarray:
        return (shown.astype(np.float32) - ground >= cut) if bright else (ground - shown.astype(np.float32) >= cut)

    mask = test(area, area)
    if not mask.any():
        return None
    name = plane_name + GROUND
    return name, ValuePlane(name, test, threshold=cut), mask, (px0, py0)


def _add_line(
    line: TextLine, found: list[TextLine], strays: list[tuple[Box, int]] | None
) -> None:
    """Add ``line`` to ``found`` unless a line with as many glyphs mostly holds it.

    One line found in two planes is read once; a line with more glyphs is not
    hidden by a looser group around it (reading decides between them, see
    reading._spans_other_lines), and a lone fragment (the bright counter of a
    dark letter) gives way to the whole line holding it. What is set aside
    goes to ``strays``.
    """
    if any(covered_fraction(line.box, other.box) > 0.6 and other.n_glyphs >= line.n_glyphs for other in found):
        if strays is not None:
            strays.append((line.box, line.glyph_height))
        return
    kept = [other for other in found if other.n_glyphs > 1 or covered_fraction(other.box, line.box) <= 0.6]
    if strays is not None and len(kept) < len(found):
        strays.extend((o.box, o.glyph_height) for o in found if not any(o is k for k in kept))
    found[:] = kept
    found.append(line)


def _vertical_groups(
    boxes: Sequence[Box], rows_of: Sequence[Sequence[int]], settings: DetectionSettings
) -> list[list[int]]:
    """Groups of glyphs that stand in a column as one line of text turned 90 degrees.

    Glyphs grouped along columns (the line grouping on the transposed boxes)
    form a vertical line when there are at least three of them and at least
    twice as many as the rows each stands in (the first letters of a stack of
    horizontal lines also stand in a column, but each in a long row).

    A row counts only its glyphs that stand in no turned line yet: in a block of
    turned lines set side by side, the glyphs of neighbouring columns line up
    across as rows as long as the block is wide, and a short column of the block
    ("05:13 Dr. Green" beside longer names) would stand in rows as long as it is
    and be lost. Columns are taken until no more qualify.
    """
    # a run of touching glyphs counts as the glyphs it holds (about as long as wide each)
    glyphs = np.array([max(1, round((b[3] - b[1]) / max(b[2] - b[0], 1))) for b in boxes], dtype=np.int64)
    columns = _group_lines([transpose_box(box) for box in boxes], settings)
    counts = [int(glyphs[group].sum()) for group in columns]
    in_line = np.zeros(len(boxes), dtype=bool)
    taken = [False] * len(columns)
    full_rows = np.zeros(len(boxes), dtype=np.int64)
    for group in rows_of:
        full_rows[group] = len(group)
    first = True
    while True:
        row_size = np.zeros(len(boxes), dtype=np.int64)
        for group in rows_of:
            row_size[group] = int(np.count_nonzero(~in_line[group]))
        # (a column taken only once its rows are discounted holds three glyphs or more, and is at least as long as
        # its whole rows: in a stack of short upright labels, "kVp / 110 / mAs", a first letter beside a column
        # taken of the others' touching letters is no turned line)
        new = [
            index
            for index, (group, count) in enumerate(zip(columns, counts, strict=True))
            if not taken[index] and count >= 3 and count >= 2 * float(np.median(row_size[group]))
            and (first or (len(group) >= 3 and count >= float(np.median(full_rows[group]))))
        ]
        first = False
        if not new:
            break
        for index in new:
            taken[index] = True
            in_line[columns[index]] = True
    lines = [list(group) for group, took in zip(columns, taken, strict=True) if took]
    pieces = [group for group, took, count in zip(columns, taken, counts, strict=True) if not took and count < 3]
    if not pieces:
        return lines
    array = np.asarray(boxes, dtype=np.int64)
    # each piece's extent and how wide across its glyphs are (the median of their widths): fixed, whatever joins a line
    sizes = np.array([len(piece) for piece in pieces])
    starts = np.concatenate(([0], np.cumsum(sizes)[:-1]))
    held = array[np.concatenate(pieces)]
    extents = np.stack([
        np.minimum.reduceat(held[:, 0], starts), np.minimum.reduceat(held[:, 1], starts),
        np.maximum.reduceat(held[:, 2], starts), np.maximum.reduceat(held[:, 3], starts),
    ], axis=1)
    widths = held[:, 2] - held[:, 0]
    across = np.add.reduceat(widths, starts) / sizes  # the median of one or two widths
    for index in np.flatnonzero(sizes > 2):
        across[index] = float(np.median(widths[starts[index]:starts[index] + sizes[index]]))
    return [_with_split_words(line, pieces, array, extents, across) for line in lines]


# a turned line's word of one or two glyphs (the "31" of "31 May 2002") is split off it at a word gap and is too short
# to be a line of its own: one standing in the line's column this many glyph heights or nearer is a word of it
SPLIT_WORD_HEIGHTS = 2.5
# ... its glyphs as tall (across the column) as the line's to this ratio
SPLIT_WORD_HEIGHT_RATIO = 1.5


def _with_split_words(
    line: list[int], pieces: list[list[int]], array: np.ndarray, extents: np.ndarray, across: np.ndarray
) -> list[int]:
    """A turned line's glyphs (indices into ``boxes``) with the pieces of one or two glyphs that continue it along
    its column: standing across it (their columns overlap by half the narrower), as wide across as its glyphs
    (to :data:`SPLIT_WORD_HEIGHT_RATIO`) and at most :data:`SPLIT_WORD_HEIGHTS` glyph heights beyond either end.
    ``array`` holds the glyph boxes, ``extents`` each piece's box and ``across`` the median width of its glyphs."""
    line = list(line)
    free = np.ones(len(pieces), dtype=bool)
    while True:
        # (the line's extent and glyph height as it stands at the start of each pass over the pieces)
        glyphs = array[line]
        x0, y0 = int(glyphs[:, 0].min()), int(glyphs[:, 1].min())
        x1, y1 = int(glyphs[:, 2].max()), int(glyphs[:, 3].max())
        height = float(np.median(glyphs[:, 2] - glyphs[:, 0]))
        overlap = np.minimum(x1, extents[:, 2]) - np.maximum(x0, extents[:, 0])
        gap = np.maximum(extents[:, 1] - y1, y0 - extents[:, 3])
        joins = (
            free
            & (overlap >= 0.5 * np.minimum(x1 - x0, extents[:, 2] - extents[:, 0]))
            & (np.maximum(across, height) <= SPLIT_WORD_HEIGHT_RATIO * np.maximum(1.0, np.minimum(across, height)))
            & (gap <= SPLIT_WORD_HEIGHTS * height)
        )
        if not joins.any():
            return line
        for index in np.flatnonzero(joins):
            line.extend(pieces[index])
        free &= ~joins


def _untransposed(line: TextLine, factor: int) -> TextLine:
    """A line found in the transposed frame, placed in the frame: its box and glyph boxes in
    frame coordinates, its mask and OCR crop kept as the transposed frame shows them (the
    reader turns them upright, see reading.read_line)."""
    line.aligned = alignment(line.glyph_boxes, factor, either_edge=True)
    line.box = transpose_box(line.box)
    line.glyph_boxes = [transpose_box(box) for box in line.glyph_boxes]
    line.transposed = True
    return line


def _fine_search(
    stored: np.ndarray,
    display: np.ndarray,
    value_planes: dict[str, ValuePlane],
    settings: DetectionSettings,
    factor: int,
    max_height: int,
    found: list[TextLine],
    strays: list[tuple[Box, int]] | None,
) -> None:
    """Search the frame's border bands again at full resolution, for text too small for the
    search scale.

    On a large frame searched at 1/``factor``, glyphs under about
    ``min_search_glyph_height`` x ``factor`` px fall below the search's
    smallest glyph, and such text is drawn where annotations go: along the
    edges (corner stacks, banners, side bands). Each band, ``fine_band_fraction``
    of the frame's height (top, bottom) or width (left, right), is binarized
    in the frame's value planes and its own stroke planes at full resolution,
    for glyphs up to ``fine_max_glyph_factor`` x the search's smallest; lines
    found there join the frame's (one line seen twice is read once). Small text is not only
    drawn at the edges (a time stamp beside a finding, a label over the mediastinum): the
    default depth of 0.5 searches the whole frame, as its top and bottom halves.
    """
    rows, cols = display.shape
    band_rows = max(1, int(settings.fine_band_fraction * rows))
    band_cols = max(1, int(settings.fine_band_fraction * cols))
    bands = [
        (0, 0, cols, band_rows),
        (0, rows - band_rows, cols, rows),
        (0, band_rows, band_cols, rows - band_rows),
        (cols - band_cols, band_rows, cols, rows - band_rows),
    ]
    min_height = settings.min_glyph_height
    coarse_min = max(settings.min_search_glyph_height, -(-settings.min_glyph_height // factor)) * factor
    top_height = min(max_height, max(min_height + 1, int(settings.fine_max_glyph_factor * coarse_min)))
    if settings.fine_band_fraction >= 0.5:
        # the whole frame, as two halves overlapping by a line's height (a line across the middle is whole in one)
        middle = rows // 2
        bands = [(0, 0, cols, min(rows, middle + 2 * top_height)), (0, max(0, middle - 2 * top_height), cols, rows)]
    for x0, y0, x1, y1 in bands:
        if x1 <= x0 or y1 <= y0:
            continue
        stored_band, display_band = stored[y0:y1, x0:x1], display[y0:y1, x0:x1]
        limit = settings.max_pixels_text_fraction * display_band.size
        planes: list[tuple[str, np.ndarray, tuple[int, int]]] = []
        for name, value_plane in value_planes.items():
            plane = value_plane.test(stored_band, display_band)
            if name in {"max", "min"} or 0 < np.count_nonzero(plane) <= limit:
                planes.append((name, plane, (x0, y0)))
        thresholds: dict[str, float] = {}
        if settings.stroke_planes:
            for name in ("bright", "dark"):
                strokes = stroke_map(display_band, settings.stroke_width, bright=name == "bright")
                thresholds[name] = stroke_threshold(strokes, settings)
                planes.append((name, strokes >= thresholds[name], (x0, y0)))
        _lines_of_planes(
            planes, stored, display, value_planes, settings, 1, thresholds, (min_height, top_height), found, strays,
            block_height=BLOCK_LINES * top_height,
        )
        if len(found) > settings.max_lines:
            return


def line_in_box(
    box: Box,
    stored: np.ndarray,
    display: np.ndarray,
    settings: DetectionSettings,
    max_glyph_height: int,
    by_value: bool = False,
) -> TextLine | None:
    """The glyphs of one line box (from the learned detector), as a candidate line; None if none stand out.

    The box's rim is the ground (the detector's boxes reach past the glyphs):
    text brighter than it is the white top-hat of the box, darker the black
    top-hat, as wide as the box is tall, so neither a label panel nor the
    anatomy behind the line counts; the crop's own Otsu cut of that map, never
    below the frame-independent least stroke contrast, gives the glyphs.
    Shapes taller than the box or running out of it are the ground's. A box
    taller than one line of the largest glyphs is not a line (the detector
    also fires on texture: a lung field, a device). ``by_value``: the glyphs may be cut by their own value
    instead (:func:`_value_cut`) where that parts more of them (small letters in a halo).
    """
    rows, cols = display.shape
    height = box[3] - box[1]
    if height < settings.min_glyph_height or box[2] - box[0] < settings.min_glyph_height:
        return None
    if height > 1.6 * max_glyph_height:
        return None
    ground, bright = _box_ground(display, box)  # the detector's own box says which way the text stands out
    box, glyph_value = _grown_to_edge_glyphs(box, display, settings, ground, bright)
    x0, y0, x1, y1 = box
    width = max(5, height)
    px0, py0, px1, py1 = max(0, x0 - width), max(0, y0 - width), min(cols, x1 + width), min(rows, y1 + width)
    inner = (slice(y0 - py0, y1 - py0), slice(x0 - px0, x1 - px0))
    crop = display[y0:y1, x0:x1]
    strokes = stroke_map(display[py0:py1, px0:px1], width, bright=bright)[inner]
    peak = int(strokes.max())
    if peak <= 0:
        return None
    mask = strokes >= max(settings.min_stroke_threshold, otsu_threshold(strokes))
    if glyph_value is not None:  # the letters the box grew over, on another ground, by their value
        value, tolerance = glyph_value
        mask |= (np.abs(crop.astype(np.float32) - value) <= tolerance) & (strokes >= settings.min_stroke_threshold)
    mask, glyph_boxes = _line_glyphs(mask, (x0, y0), settings)
    if by_value and glyph_value is None:
        # letters in a halo (a light rim around dark letters, or the reverse): the opening or closing takes the
        # rim for the ground around them and joins letters and ground; the letters' own value parts them
        valued = _value_cut(crop, ground, bright, (x0, y0), settings)
        if len(valued[1]) > len(glyph_boxes):
            mask, glyph_boxes = valued
    if not glyph_boxes or not mask.any():
        return None
    if not _contrasts(crop, mask, settings.min_faint_contrast):
        return None
    heights = sorted(b[3] - b[1] for b in glyph_boxes)
    glyph_height = max(settings.min_glyph_height, heights[len(heights) // 2])
    grey = None
    if glyph_value is not None:
        # letters on two grounds (the box grew over one on another): neither one text value nor one contrast
        # shows them alike; the glyphs found read as they are
        grey = np.where(mask, 0, 255).astype(np.uint8)
    elif stored.ndim == 2:
        mask = _with_antialiased_rim(mask, stored[y0:y1, x0:x1])
        # the text's own stored values read best (antialiased edges kept); the stroke map otherwise
        grey = _grey_for_ocr(stored[y0:y1, x0:x1], mask)
    if grey is None:
        grey = (255 - np.clip(strokes.astype(np.float32) * (255.0 / peak), 0, 255)).astype(np.uint8)
    return TextLine(
        box, glyph_height, len(glyph_boxes), LEARNED, mask, glyph_boxes, grey, alignment(glyph_boxes, 1), False
    )


def _line_glyphs(mask: np.ndarray, origin: tuple[int, int], settings: DetectionSettings) -> tuple[np.ndarray, list[Box]]:
    """A learned line's glyph mask without the bars of the ground crossing its box, and the frame boxes of its
    pieces at least half a glyph tall."""
    x0, y0 = origin
    mask = mask.copy()
    labels, _count = ndimage.label(mask, structure=EIGHT_CONNECTED)
    glyph_boxes: list[Box] = []
    for index, region in enumerate(ndimage.find_objects(labels), start=1):
        if region is None:
            continue
        top, bottom, left, right = region[0].start, region[0].stop, region[1].start, region[1].stop
        touches = top == 0 or bottom == mask.shape[0]
        if (bottom - top) >= mask.shape[0] - 1 and touches and (right - left) > 2 * mask.shape[0]:
            mask[region][labels[region] == index] = False  # a bar of the ground crossing the box
            continue
        if bottom - top >= max(3, settings.min_glyph_height // 2):
            glyph_boxes.append((left + x0, top + y0, right + x0, bottom + y0))
    return mask, glyph_boxes


# a learned line's letters by their value stand off the ground at least this share of the way to the text's extreme
VALUE_CUT_SHARE = 0.15


def _value_cut(
    crop: np.ndarray, ground: float, bright: bool, origin: tuple[int, int], settings: DetectionSettings
) -> tuple[np.ndarray, list[Box]]:
    """A learned line's glyphs by their value: the pixels standing off the box's ground toward its extreme (the
    99th or 1st percentile) on the text's side by :data:`VALUE_CUT_SHARE` of the way at least (thin strokes and
    antialiased edges of small letters never reach the extreme), with its bars of the ground dropped."""
    extreme = float(np.percentile(crop, 99 if bright else 1))
    if abs(extreme - ground) < settings.min_faint_contrast:
        return np.zeros(crop.shape, dtype=bool), []
    cut = ground + VALUE_CUT_SHARE * (extreme - ground)
    mask = crop > cut if bright else crop < cut
    return _line_glyphs(mask, origin, settings)


# a glyph beside a learned line's box, at most this share of the box's height away, of the line's size and within
# its rows, is one the box cut off (its first or last letter); the box grows by at most this many heights each way
EDGE_GLYPH_GAP = 0.35
EDGE_GROWTH_HEIGHTS = 2.0
# ... and its strokes lie within this share of the glyphs' contrast with the ground of the glyphs' own value
EDGE_VALUE_SHARE = 0.1
# ... and stand out from the pixels right around them by this share of the glyphs' contrast at least
EDGE_CONTRAST_SHARE = 0.15
# ... and are as tall as the box's own letters within this share; at most this many join at each end
EDGE_HEIGHT_SHARE = 0.3
EDGE_LETTERS = 2
# ... and no wider than this many of their heights, nor farther off than this share of their own spacing
EDGE_WIDTH_HEIGHTS = 1.5
EDGE_SPACING_SHARE = 1.5


def _box_ground(display: np.ndarray, box: Box) -> tuple[float, bool]:
    """The value of a line box's rim (its ground), and whether its text is brighter than that."""
    x0, y0, x1, y1 = box
    crop = display[y0:y1, x0:x1]
    rim = np.ones(crop.shape, dtype=bool)
    rim[2:-2, 2:-2] = False
    ground = float(np.median(crop[rim]))
    return ground, float(np.percentile(crop, 99)) - ground >= ground - float(np.percentile(crop, 1))


def _grown_to_edge_glyphs(
    box: Box, display: np.ndarray, settings: DetectionSettings, ground: float, bright: bool
) -> tuple[Box, tuple[float, float] | None]:
    """A learned line's box grown along its row over the glyphs it cut or left just outside, and (when it
    grew) the glyphs' value and its tolerance, which find the letters it grew over.

    The detector's box may end inside a line's first or last letter or just
    before it (a bold "L" beside a wide "EFT"); a letter the box leaves out is
    read as nothing beside a word read short. Only a box that holds two whole
    letters or more (a row of them) grows, by up to EDGE_LETTERS at each end:
    pieces of its glyphs' value or its own stroke cut, inside its rows, as tall
    as its letters and no wider than one, standing out from their ground, and
    touching its letters' ends or within EDGE_GLYPH_GAP of a height of them and
    about as far as its letters stand from each other (the next word is farther).
    """
    rows, cols = display.shape
    x0, y0, x1, y1 = box
    height = y1 - y0
    reach = int(EDGE_GROWTH_HEIGHTS * height)
    px0, px1 = max(0, x0 - reach), min(cols, x1 + reach)
    if px0 == x0 and px1 == x1:
        return box, None
    width = max(5, height)
    py0, py1 = max(0, y0 - width), min(rows, y1 + width)
    strokes = stroke_map(display[py0:py1, px0:px1], width, bright=bright)[y0 - py0:y1 - py0]
    inner = strokes[:, x0 - px0:x1 - px0]
    if int(inner.max()) <= 0:
        return box, None
    cut = max(settings.min_stroke_threshold, otsu_threshold(inner))
    inner_labels, _inner_count = ndimage.label(inner >= cut, structure=EIGHT_CONNECTED)
    # the box's whole letters (a piece its side cuts is judged with the pieces outside it)
    letters = sorted(
        (region[1].start + x0, region[1].stop + x0, region[0].stop - region[0].start)
        for region in ndimage.find_objects(inner_labels)
        if region is not None and region[0].start > 0 and region[0].stop < height
        and region[1].start > 0 and region[1].stop < x1 - x0
        and 0.4 * height <= region[0].stop - region[0].start <= height
    )
    if len(letters) < 2:
        return box, None  # one piece in the box (a label's panel, a lead marker): no row of letters to go on
    letter_height = float(np.median([tall for _left, _right, tall in letters]))
    # a letter cut off stands as close as the box's letters stand to each other, not a word's space away
    spacing = float(np.median([max(0, nxt[0] - prev[1]) for prev, nxt in itertools.pairwise(letters)]))
    # the line's own glyphs' value: a letter on a brighter (darker) ground beside them stands out less but is
    # written in the same value
    rows_shown = display[y0:y1, px0:px1].astype(np.float32)
    glyph_value = float(np.median(rows_shown[:, x0 - px0:x1 - px0][inner >= cut]))
    tolerance = max(4.0, EDGE_VALUE_SHARE * abs(glyph_value - ground))
    mask = (strokes >= cut) | ((np.abs(rows_shown - glyph_value) <= tolerance) & (strokes >= settings.min_stroke_threshold))
    labels, _count = ndimage.label(mask, structure=EIGHT_CONNECTED)
    least_contrast = max(settings.min_faint_contrast, EDGE_CONTRAST_SHARE * abs(glyph_value - ground))
    pieces = []
    for index, region in enumerate(ndimage.find_objects(labels), start=1):
        if region is None:
            continue
        top, bottom = region[0].start, region[0].stop
        if top == 0 or bottom == height or abs((bottom - top) - letter_height) > EDGE_HEIGHT_SHARE * letter_height:
            continue  # running out of the box's rows, or not as tall as the box's letters
        if region[1].stop - region[1].start > EDGE_WIDTH_HEIGHTS * letter_height:
            continue  # wider than a letter: a panel or a run of joined ink, not one letter cut off
        if region[1].start >= x0 - px0 and region[1].stop <= x1 - px0:
            continue  # inside the box already
        if not _contrasts(rows_shown, labels == index, least_contrast):
            continue  # texture of the ground beside the box at the glyphs' value, no letter
        pieces.append((region[1].start + px0, region[1].stop + px0))
    gap = max(2, min(int(EDGE_GLYPH_GAP * height), round(EDGE_SPACING_SHARE * spacing)))
    grown_x0, grown_x1 = letters[0][0], max(right for _left, right, _tall in letters)
    taken: set[tuple[int, int]] = set()
    for _ in range(EDGE_LETTERS):  # a letter or two cut off each end, not the next word along the row
        for left, right in pieces:
            if (left, right) in taken:
                continue
            if left < grown_x0 and right >= grown_x0 - gap:
                grown_x0 = left
                taken.add((left, right))
            elif right > grown_x1 and left <= grown_x1 + gap:
                grown_x1 = right
                taken.add((left, right))
    grown = (max(px0, min(x0, grown_x0)), y0, min(px1, max(x1, grown_x1)), y1)
    return grown, ((glyph_value, tolerance) if grown != box else None)


def _panel_region(plane: np.ndarray, min_run: int, margin: int) -> Box | None:
    """Where a plane is a panel (or a background) that text could be written on, or None.

    Rows and columns holding at least ``min_run`` of the plane's pixels are
    panel; the value's scattered pixels in the anatomy are not. The box of
    those rows and columns, grown by ``margin``, is where the plane's holes
    are searched (x0, y0, x1, y1 at the search scale).
    """
    rows = np.flatnonzero(np.count_nonzero(plane, axis=1) >= min_run)
    cols = np.flatnonzero(np.count_nonzero(plane, axis=0) >= min_run)
    if rows.size == 0 or cols.size == 0:
        return None
    height, width = plane.shape
    return (
        max(0, int(cols[0]) - margin),
        max(0, int(rows[0]) - margin),
        min(width, int(cols[-1]) + 1 + margin),
        min(height, int(rows[-1]) + 1 + margin),
    )


def _full_resolution_fill(
    plane: ValuePlane, stored: np.ndarray, display: np.ndarray, factor: int
) -> Callable[[Box], float]:
    """The fill of a search-scale box, measured in the value plane at full resolution."""

    def fill(box: Box) -> float:
        x0, y0, x1, y1 = (v * factor for v in box)
        mask = plane.test(stored[y0:y1, x0:x1], display[y0:y1, x0:x1])
        return float(mask.mean()) if mask.size else 1.0

    return fill


def stroke_threshold(strokes: np.ndarray, settings: DetectionSettings) -> float:
    """The stroke contrast that counts as text in this frame.

    Faint text over smooth anatomy needs a low threshold, a noisy detector a
    high one: the threshold follows the frame's own stroke noise (a high
    percentile of a subsample of the stroke map), within fixed bounds.
    """
    sample = strokes[::4, ::4]
    noise = float(np.percentile(sample, 95)) if sample.size else 0.0
    return float(np.clip(settings.stroke_noise_factor * noise, settings.min_stroke_threshold, settings.stroke_threshold))


def otsu_threshold(values: np.ndarray) -> float:
    """Otsu's threshold (1979) of non-negative integer values below 256."""
    clipped = np.clip(values, 0, 255).astype(np.uint8).ravel()
    histogram = np.bincount(clipped, minlength=256).astype(np.float64)
    total = histogram.sum()
    if total == 0:
        return 0.0
    levels = np.arange(256, dtype=np.float64)
    weight_low = np.cumsum(histogram)
    mean_low = np.cumsum(histogram * levels)
    weight_high = total - weight_low
    overall = mean_low[-1]
    with np.errstate(divide="ignore", invalid="ignore"):
        between = (overall * weight_low / total - mean_low) ** 2 / (weight_low * weight_high)
    between[~np.isfinite(between)] = 0.0
    return float(np.argmax(between)) + 1.0


def _plausible_stroke_group(
    boxes: Sequence[tuple[int, ...]], min_height: int, either_edge: bool = False, large_letter: int = 0
) -> bool:
    """Cheap test before the full-resolution look: thin-stroke noise forms small lone blobs
    and ragged rows; printed text forms rows on a baseline, or one large letter.
    ``either_edge``: the glyphs may stand on their tops instead (a turned line, seen transposed)."""
    if len(boxes) == 1:
        left, top, right, bottom = boxes[0]
        height, width = bottom - top, right - left
        # one large letter, or small glyphs touching one another (a word at 7 px joins into one piece)
        return height >= max(2 * min_height, large_letter) or (height >= min_height and width >= TOUCHING_WORD_ASPECT * height)
    return alignment(boxes, 1, either_edge) >= 0.5


def _refine_line(
    plane_name: str,
    glyph_boxes: list[tuple[int, ...]],
    stored: np.ndarray,
    display: np.ndarray,
    value_planes: dict[str, ValuePlane],
    settings: DetectionSettings,
    factor: int,
    threshold: float,
) -> TextLine | None:
    """Re-binarize a candidate line at full resolution inside its box; None if it is not text."""
    rows, cols = display.shape
    heights = sorted(b[3] - b[1] for b in glyph_boxes)
    glyph_height = heights[len(heights) // 2]
    x0 = min(b[0] for b in glyph_boxes)
    y0 = min(b[1] for b in glyph_boxes)
    x1 = max(b[2] for b in glyph_boxes)
    y1 = max(b[3] for b in glyph_boxes)
    # punctuation and diacritics beside the glyphs belong to the line too
    margin = max(2, glyph_height // 3, factor)
    box = (max(0, x0 - margin), max(0, y0 - margin // 2 - factor), min(cols, x1 + margin), min(rows, y1 + margin // 2 + factor))
    bx0, by0, bx1, by1 = box
    crop = display[by0:by1, bx0:bx1]
    grey = None
    if plane_name in STROKE_PLANES:
        # the stroke map of the crop at full resolution, with room for the opening
        width = settings.stroke_width * factor
        pad = width
        px0, py0 = max(0, bx0 - pad), max(0, by0 - pad)
        px1, py1 = min(cols, bx1 + pad), min(rows, by1 + pad)
        strokes = stroke_map(display[py0:py1, px0:px1], width, bright=plane_name == "bright")
        strokes = strokes[by0 - py0 : by1 - py0, bx0 - px0 : bx1 - px0]
        # at full resolution the noise is stronger than at search scale: split the
        # crop's own strokes from its noise (Otsu), never below the frame's threshold
        mask = strokes >= max(threshold, otsu_threshold(strokes))
        peak = int(strokes.max())
        if peak <= 0:
            return None
        grey = (255 - np.clip(strokes.astype(np.float32) * (255.0 / peak), 0, 255)).astype(np.uint8)
    else:
        holes = plane_name.endswith(HOLES)
        base = value_planes[plane_name.removesuffix(HOLES)]
        mask = base.test(stored[by0:by1, bx0:bx1], crop)
        if holes:
            mask = ~mask
        # drop background or anatomy reaching into the box (components taller than a
        # glyph) and, for holes, whatever is not enclosed (it reaches the box's edge)
        cv2 = opencv()
        count, labels, stats, _centroids = (
            cv2.connectedComponentsWithStatsWithAlgorithm(np.ascontiguousarray(mask, dtype=np.uint8), 8, cv2.CV_32S, cv2.CCL_GRANA)
            if mask.size
            else (0, None, None, None)
        )
        if count > 1:
            tall = max(1.6 * glyph_height, glyph_height + 2 * factor + 2)
            height, width = mask.shape
            left, top, wide, high = (stats[1:, column] for column in range(4))
            at_edge = (left == 0) | (top == 0) | (top + high == height) | (left + wide == width)
            dropped = (high > tall) | (holes & at_edge)
            if dropped.any():
                mask = mask & ~np.concatenate(([False], dropped))[labels]
    if not mask.any() or mask.all():
        return None
    minimum = (
        min(settings.min_line_contrast, threshold)
        if plane_name in STROKE_PLANES or plane_name.endswith(GROUND)
        else settings.min_line_contrast
    )
    faint = False
    if not _contrasts(crop, mask, minimum):
        # glyphs at a device or histogram-spike value are text even when faint on screen,
        # but then they must look printed (see TextLine.loose); at the extremes faint means
        # saturated anatomy around it, and strokes and holes carry no value at all
        if not plane_name.startswith(("spike ", "value ")):
            return None
        if not _contrasts(crop, mask, settings.min_faint_contrast):
            return None
        faint = True
    if grey is None and stored.ndim == 2:
        # (only for lines that passed: most candidates do not)
        if not plane_name.endswith(HOLES):
            mask = _with_antialiased_rim(mask, stored[by0:by1, bx0:bx1])
        grey = _grey_for_ocr(stored[by0:by1, bx0:bx1], mask)
    return TextLine(
        box,
        glyph_height,
        len(glyph_boxes),
        plane_name,
        mask,
        list(glyph_boxes),
        grey,
        alignment(glyph_boxes, factor),
        faint,
    )


def _grow(mask: np.ndarray, radius: int) -> np.ndarray:
    """``mask`` dilated by ``radius`` pixels in all eight directions (a square of side 2r+1); nothing
    grows in from beyond the edge."""
    if mask.size == 0:
        return mask.astype(bool, copy=True)
    cv2 = opencv()  # OpenCV's flat dilation: scipy's maximum filter's values, several times faster

    kernel = np.ones((2 * radius + 1, 2 * radius + 1), dtype=np.uint8)
    return cv2.dilate(np.ascontiguousarray(mask, dtype=np.uint8), kernel).astype(bool)


def _with_antialiased_rim(core: np.ndarray, stored_crop: np.ndarray) -> np.ndarray:
    """The glyph cores at the text value plus the rim pixels nearer the text value than the ground.

    A renderer puts only a glyph's body at the text value; its antialiased
    edge blends into the ground. Small and thin glyphs are mostly edge, so
    their cores alone break apart and OCR misreads them. The rim is taken
    one pixel deep, so it cannot grow into the picture.
    """
    if stored_crop.ndim != 2 or not core.any():
        return core
    rim = _grow(core, 1) & ~core
    ground = ~_grow(core, 3)
    if not rim.any() or not ground.any():
        return core
    values = stored_crop.astype(np.float64)
    level = float(np.median(values[core]))
    background = float(np.median(values[ground]))
    return core | (rim & (np.abs(values - level) < np.abs(values - background)))


def _grey_for_ocr(stored_crop: np.ndarray, mask: np.ndarray) -> np.ndarray | None:
    """The crop as dark text on a light ground: each pixel's distance from the text value.

    Black at the text's stored value, white at the ground's and beyond, with
    the antialiased edges in between, which OCR reads far better than a
    binary mask when the glyphs are small; pixels more than two away from
    the glyphs are white.
    """
    near = _grow(mask, 2)
    ground = ~near
    if not ground.any():
        return None
    values = stored_crop.astype(np.float64)
    text = float(np.median(values[mask]))
    span = abs(float(np.median(values[ground])) - text)
    if span <= 0:
        return None
    grey = np.round(np.clip(np.abs(values - text) / span, 0.0, 1.0) * 255.0).astype(np.uint8)
    # the ground away from the glyphs is white: its texture would read as noise
    grey[ground] = 255
    return grey


def _contrasts(display_crop: np.ndarray, mask: np.ndarray, minimum: float) -> bool:
    """True when the text pixels stand out from the pixels right around them."""
    rim = _grow(mask, 2) & ~mask
    if not rim.any():
        return False
    text = _median(display_crop[mask])
    ground = _median(display_crop[rim])
    return abs(text - ground) >= minimum


def _median(values: np.ndarray) -> float:
    """``np.median`` of a non-empty one-dimensional array, without its general machinery for integers
    (the mean of the two middle values of an even count is exact in float64)."""
    if values.dtype.kind not in "ui":
        return float(np.median(values))
    half = values.size // 2
    if values.size % 2:
        return float(np.partition(values, half)[half])
    middle = np.partition(values, (half - 1, half))
    return (float(middle[half - 1]) + float(middle[half])) / 2.0
