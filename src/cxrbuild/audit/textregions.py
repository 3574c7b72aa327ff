"""The audit's own text detector: text-like regions in a released image, found without the cleaning's detector.

The cleaning step finds burned-in text by the values it is drawn at and by
thin strokes (:mod:`cxrbuild.dicom.textdetect`, :mod:`cxrbuild.dicom.scenetext`);
text that detector missed while cleaning it would miss again in the audit.
This module shares no detection code with it and finds text another way:

1. **Character candidates** are the Maximally Stable Extremal Regions (MSER,
   Matas et al., BMVC 2002; OpenCV's implementation) of the displayed frame,
   bright and dark ones alike: a glyph is a region whose outline stays put
   over a wide range of thresholds, whatever grey it is drawn in and
   whatever lies behind it (anatomy, a translucent panel).
2. **Glyph geometry** keeps the candidates shaped like printed characters:
   height 6-80 px, aspect, fill of the bounding box, a stroke width that is
   thin for the height and nearly the same everywhere (from the distance
   transform of the region, as in the stroke width transform of Epshtein et
   al., CVPR 2010), a contrast with the ring around it, and an edge as sharp
   as a rendered glyph's (anatomy's edges are soft, a glyph's change within a
   pixel or two).
3. **Lines**: candidates of the same polarity and similar height, vertically
   aligned and close side by side, are joined; a line of at least two
   characters is a text region. A rib, a wire or a tube is one long region
   (no glyph) or a row of unequal ones (no line).

Everything inside or touching a recorded redaction box is left out: those
boxes are checked black pixel for pixel elsewhere, and their own edges would
otherwise look like strokes. :func:`read_region` reads a region found with
Tesseract (:mod:`cxrbuild.dicom.ocr`), upscaled at least three times, in both
polarities.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy import ndimage

from cxrbuild.dicom.boxes import Box, intersects, pad_box
from cxrbuild.dicom.opencv import opencv


@dataclass(frozen=True)
class RegionSettings:
    """Limits of a printed character and of a line of them (pixels of the displayed frame)."""

    min_height: int = 6
    max_height: int = 80
    min_aspect: float = 0.08  # width / height: 'I', 'l', '1' are thin
    max_aspect: float = 2.5  # "W", "M" and two or three glyphs run together at small sizes
    min_fill: float = 0.15  # share of the bounding box the glyph covers
    max_fill: float = 0.92  # a solid block is no glyph (but a thin bar is: 'I', 'l')
    max_stroke_ratio: float = 0.42  # stroke width / height: glyph strokes are thin
    max_stroke_spread: float = 0.55  # coefficient of variation of the stroke width
    min_contrast: float = 20.0  # grey levels between the glyph and the ring around it
    min_sharpness: float = 0.45  # edge gradient / contrast: rendered glyphs change within 1-2 px
    max_height_ratio: float = 1.5  # between neighbours of one line
    max_gap: float = 1.3  # gap between neighbours, in heights (word spaces included)
    max_offset: float = 0.3  # vertical offset of neighbours' centres, in heights
    min_glyphs: int = 2
    max_piece_gap: float = 3.0  # lines of one row this close (in heights) are pieces of one line
    mser_delta: int = 4
    max_area: int = 5000  # pixels of one glyph at the largest height


@dataclass(frozen=True)
class TextRegion:
    """A line of text-like glyphs found in a frame."""

    box: Box  # x0, y0, x1, y1 (half-open) around the glyphs
    glyphs: int
    height: int  # median glyph height
    bright: bool  # drawn brighter than what lies around it
    mask: np.ndarray = field(compare=False, repr=False, default=None)  # the glyphs' pixels within ``box``


@dataclass(frozen=True)
class _Glyph:
    box: Box
    bright: bool
    points: np.ndarray = field(compare=False, repr=False, default=None)  # (x, y) of its pixels

    @property
    def height(self) -> int:
        return self.box[3] - self.box[1]


def _mser(display: np.ndarray, settings: RegionSettings):
    cv2 = opencv()
    min_area = max(6, settings.min_height * 2)
    detector = cv2.MSER_create(delta=settings.mser_delta, min_area=min_area, max_area=settings.max_area,
                               max_variation=0.5)
    regions, boxes = detector.detectRegions(np.ascontiguousarray(display, dtype=np.uint8))
    return regions, boxes


def _stroke_ok(mask: np.ndarray, height: int, settings: RegionSettings) -> bool:
    """Thin strokes of nearly one width: the distance transform along the region's ridge."""
    cv2 = opencv()

    padded = np.pad(mask.astype(np.uint8), 1)
    distance = cv2.distanceTransform(padded, cv2.DIST_L2, 3)
    # the ridge: pixels at least as far from the edge as their 3x3 neighbourhood
    ridge = (distance > 0) & (distance >= cv2.dilate(distance, np.ones((3, 3), np.uint8)) - 1e-6)
    widths = 2.0 * distance[ridge]
    if widths.size == 0:
        return False
    mean = float(widths.mean())
    if mean > settings.max_stroke_ratio * height:
        return False
    return float(widths.std()) <= settings.max_stroke_spread * mean


def _glyph(display: np.ndarray, points: np.ndarray, box: Box, settings: RegionSettings) -> _Glyph | None:
    """The candidate region as a glyph, or None when it is not shaped or drawn like one."""
    x0, y0, x1, y1 = box
    height, width = y1 - y0, x1 - x0
    if not settings.min_height <= height <= settings.max_height:
        return None
    if not settings.min_aspect <= width / height <= settings.max_aspect:
        return None
    fill = len(points) / float(width * height)
    thin_bar = width <= max(2, height // 4)
    if fill < settings.min_fill or (fill > settings.max_fill and not thin_bar):
        return None
    rows, cols = display.shape
    ring = max(2, height // 4)
    rx0, ry0, rx1, ry1 = pad_box(box, ring, rows, cols)
    patch = display[ry0:ry1, rx0:rx1].astype(np.float32)
    inside = np.zeros(patch.shape, dtype=bool)
    inside[points[:, 1] - ry0, points[:, 0] - rx0] = True
    outside = ~inside
    # the ring: pixels around the glyph's box (its counters and the spaces between strokes excluded)
    outside[y0 - ry0 + 1 : y1 - ry0 - 1, x0 - rx0 + 1 : x1 - rx0 - 1] = False
    if not outside.any():
        return None
    glyph_grey = float(patch[inside].mean())
    ring_grey = float(patch[outside].mean())
    contrast = glyph_grey - ring_grey
    if abs(contrast) < settings.min_contrast:
        return None
    cv2 = opencv()

    gradient = cv2.morphologyEx(patch, cv2.MORPH_GRADIENT, np.ones((3, 3), np.uint8))
    edge = inside & ~cv2.erode(inside.astype(np.uint8), np.ones((3, 3), np.uint8)).astype(bool)
    if not edge.any() or float(np.median(gradient[edge])) < settings.min_sharpness * abs(contrast):
        return None
    if not _stroke_ok(inside[y0 - ry0 : y1 - ry0, x0 - rx0 : x1 - rx0], height, settings):
        return None
    return _Glyph(box, contrast > 0, points)


def _unique(glyphs: list[_Glyph]) -> list[_Glyph]:
    """One glyph per place: MSER returns the same character at several nested thresholds."""

    def iou(a: Box, b: Box) -> float:
        w = min(a[2], b[2]) - max(a[0], b[0])
        h = min(a[3], b[3]) - max(a[1], b[1])
        if w <= 0 or h <= 0:
            return 0.0
        meet = w * h
        area = (a[2] - a[0]) * (a[3] - a[1]) + (b[2] - b[0]) * (b[3] - b[1]) - meet
        return meet / area

    kept: list[_Glyph] = []
    for glyph in sorted(set(glyphs), key=lambda g: -(g.box[2] - g.box[0]) * (g.box[3] - g.box[1])):
        if not any(k.bright == glyph.bright and iou(k.box, glyph.box) >= 0.5 for k in kept
                   if k.box[0] < glyph.box[2] and glyph.box[0] < k.box[2]):
            kept.append(glyph)
    return kept


def _neighbours(a: _Glyph, b: _Glyph, settings: RegionSettings) -> bool:
    if a.bright != b.bright:
        return False
    ha, hb = a.height, b.height
    if max(ha, hb) > settings.max_height_ratio * min(ha, hb):
        return False
    height = max(ha, hb)
    centre_a, centre_b = (a.box[1] + a.box[3]) / 2, (b.box[1] + b.box[3]) / 2
    if abs(centre_a - centre_b) > settings.max_offset * height:
        return False
    left, right = (a, b) if a.box[0] <= b.box[0] else (b, a)
    gap = right.box[0] - left.box[2]
    if gap > settings.max_gap * height:
        return False
    # side by side, not one inside the other (a counter, a nested threshold)
    return right.box[2] > left.box[2] and gap > -0.5 * min(ha, hb)


def _lines(glyphs: list[_Glyph], settings: RegionSettings) -> list[list[_Glyph]]:
    """Glyphs joined into lines (union-find over neighbouring pairs, compared within reach)."""
    order = sorted(range(len(glyphs)), key=lambda i: glyphs[i].box[0])
    parent = list(range(len(glyphs)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for position, i in enumerate(order):
        a = glyphs[i]
        reach = a.box[2] + settings.max_gap * settings.max_height_ratio * a.height
        for j in order[position + 1 :]:
            b = glyphs[j]
            if b.box[0] > reach:
                break
            if _neighbours(a, b, settings):
                parent[root(i)] = root(j)
    groups: dict[int, list[_Glyph]] = {}
    for i in range(len(glyphs)):
        groups.setdefault(root(i), []).append(glyphs[i])
    return list(groups.values())


def _joined_pieces(lines: list[list[_Glyph]], settings: RegionSettings) -> list[list[_Glyph]]:
    """Lines of one row joined when the gap between them is at most ``max_piece_gap`` heights:
    a word whose middle letters the glyph tests turned down is read whole, not as two pieces."""

    def box(line: list[_Glyph]) -> Box:
        return (min(g.box[0] for g in line), min(g.box[1] for g in line),
                max(g.box[2] for g in line), max(g.box[3] for g in line))

    pending = sorted(lines, key=lambda line: box(line)[0])
    joined = True
    while joined:
        joined = False
        for i, first in enumerate(pending):
            a = box(first)
            for j in range(i + 1, len(pending)):
                second = pending[j]
                b = box(second)
                height = max(a[3] - a[1], b[3] - b[1])
                same_row = abs((a[1] + a[3]) - (b[1] + b[3])) / 2 <= settings.max_offset * height
                similar = max(a[3] - a[1], b[3] - b[1]) <= settings.max_height_ratio * min(a[3] - a[1], b[3] - b[1])
                gap = max(a[0], b[0]) - min(a[2], b[2])
                if first[0].bright == second[0].bright and same_row and similar and gap <= settings.max_piece_gap * height:
                    pending[i] = first + second
                    del pending[j]
                    joined = True
                    break
            if joined:
                break
    return pending


def find_text_regions(display: np.ndarray, exclude: Sequence[Box] = (),
                      settings: RegionSettings | None = None) -> list[TextRegion]:
    """Lines of text-like glyphs in one 8-bit display frame, none inside or touching an ``exclude`` box."""
    settings = settings or RegionSettings()
    regions, boxes = _mser(display, settings)
    rows, cols = display.shape
    blocked = [pad_box(tuple(int(v) for v in b), 1, rows, cols) for b in exclude]
    glyphs: list[_Glyph] = []
    seen: set[Box] = set()
    for points, (x, y, w, h) in zip(regions, boxes, strict=True):
        box = (int(x), int(y), int(x + w), int(y + h))
        # nested thresholds often give one character's box several times: judge it once
        if box in seen or not settings.min_height <= h <= settings.max_height:
            continue
        seen.add(box)
        if any(intersects(box, b) for b in blocked):
            continue
        glyph = _glyph(display, points, box, settings)
        if glyph is not None:
            glyphs.append(glyph)
    found = []
    lines = [line for line in _lines(_unique(glyphs), settings) if len(line) >= settings.min_glyphs]
    for line in _joined_pieces(lines, settings):
        box = (min(g.box[0] for g in line), min(g.box[1] for g in line),
               max(g.box[2] for g in line), max(g.box[3] for g in line))
        height = int(np.median([g.height for g in line]))
        mask = np.zeros((box[3] - box[1], box[2] - box[0]), dtype=bool)
        for glyph in line:
            mask[glyph.points[:, 1] - box[1], glyph.points[:, 0] - box[0]] = True
        found.append(TextRegion(box, len(line), height, line[0].bright, mask))
    return sorted(found, key=lambda r: (r.box[1], r.box[0]))


Words = tuple[tuple[str, float], ...]  # (text, Tesseract confidence 0-100) of each word read


@dataclass(frozen=True)
class RegionReading:
    """What OCR read in a region: every reading made (their words), the best one first."""

    readings: tuple[Words, ...]

    @property
    def words(self) -> Words:
        return self.readings[0] if self.readings else ()

    @property
    def text(self) -> str:
        return " ".join(word for word, _ in self.words)


MIN_UPSCALE = 3
TARGET_HEIGHT = 32  # Tesseract reads best with capitals about this tall
SHORT_LINE_GLYPHS = 3  # a line this short may be a piece of a word: read with more of its row


def _weight(words: Words) -> float:
    return sum(conf * sum(ch.isalnum() for ch in text) for text, conf in words)


def _read_both_polarities(crop: np.ndarray, height: int) -> Words:
    """The crop upscaled at least 3x, read as bright text and as dark text; the better reading."""
    from PIL import Image

    from cxrbuild.dicom import ocr

    factor = min(8, max(MIN_UPSCALE, int(np.ceil(TARGET_HEIGHT / max(height, 1)))))
    large = np.asarray(Image.fromarray(crop).resize((crop.shape[1] * factor, crop.shape[0] * factor),
                                                    Image.BICUBIC))
    best: tuple[float, Words] = (-1.0, ())
    # Tesseract wants dark text on a light ground: bright text is read inverted
    for dark_text in (255 - large, large):
        words = tuple((w.text, w.confidence) for w in ocr.read_text_mask(dark_text, height * factor)
                      if w.text.strip())
        if _weight(words) > best[0]:
            best = (_weight(words), words)
    return best[1]


def read_region(display: np.ndarray, region: TextRegion) -> RegionReading:
    """OCR of one region, two ways, each upscaled at least 3x in both polarities.

    1. The glyphs alone: a crop half a line height around the region where
       only the glyphs' pixels (grown by a pixel, to keep their anti-aliased
       rims) are shown and the rest is set to the grey around them, so an
       edge of anatomy or of the film beside the line is not read as a
       character.
    2. The crop as displayed, a line height to the left and right (more for a
       line of at most three glyphs, which may be a piece of a longer word
       whose other letters the detector did not take) and a third of it
       above and below.

    Both are kept (a marker must read as one in either to be taken as one);
    the reading with more confidently read characters comes first.
    """
    rows, cols = display.shape
    height = region.height
    x0, y0, x1, y1 = pad_box(region.box, max(2, height // 2), rows, cols)
    crop = display[y0:y1, x0:x1].astype(np.float32)
    shown = np.zeros(crop.shape, dtype=bool)
    bx0, by0, bx1, by1 = region.box
    if region.mask is not None:
        shown[by0 - y0 : by1 - y0, bx0 - x0 : bx1 - x0] = region.mask
        shown = ndimage.binary_dilation(shown, iterations=1)
    else:
        shown[by0 - y0 : by1 - y0, bx0 - x0 : bx1 - x0] = True
    if (~shown).any():
        crop[~shown] = float(np.median(crop[~shown]))
    glyphs_only = _read_both_polarities(np.clip(np.rint(crop), 0, 255).astype(np.uint8), height)
    reach = height * (3 if region.glyphs <= SHORT_LINE_GLYPHS else 1)
    vx0, vx1 = max(0, bx0 - reach), min(cols, bx1 + reach)
    vy0, vy1 = max(0, by0 - max(2, height // 3)), min(rows, by1 + max(2, height // 3))
    as_shown = _read_both_polarities(np.ascontiguousarray(display[vy0:vy1, vx0:vx1]), height)
    readings = sorted((glyphs_only, as_shown), key=_weight, reverse=True)
    return RegionReading(tuple(readings))
