"""A learned scene-text detector: PP-OCRv4's DB (Differentiable Binarization) through onnxruntime.

The threshold planes of :mod:`cxrbuild.dicom.textdetect` find text by the
values it is drawn at; they break a line into fragments where a thin,
italic or condensed font at 10-15 px leaves few pixels at any one value, or
where the line runs into the image's edge. DB (Liao et al., AAAI 2020)
predicts, per pixel, the probability of lying in a text line, whatever the
font and the grey it is drawn in, and has seen no lead marker, wire or
implant as text.

The model is ``ch_PP-OCRv4_det_infer.onnx`` as shipped inside the
``rapidocr-onnxruntime`` wheel (Apache-2.0, pinned in requirements.lock):
nothing is downloaded at run time. One ``InferenceSession`` is created per
process, with one thread (a build runs one process per core, and results do
not depend on the machine's core count). The frame is scaled so its longer
side is ``long_side`` (a multiple of 32), normalised as PaddleOCR does
(``(x / 255 - 0.5) / 0.5`` in three equal channels), and the probability map
is cut at ``threshold``; each connected region whose mean probability is at
least ``box_threshold`` is a line, grown back by DB's unclip distance
(area x ``unclip_ratio`` / perimeter: the model predicts shrunk regions) and
returned as an axis-aligned box in frame coordinates.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from importlib import resources

import numpy as np
from PIL import Image
from scipy import ndimage

from cxrbuild.dicom.boxes import Box, covered_fraction, intersects
from cxrbuild.dicom.textdetect import LEARNED, DetectionSettings, TextLine
from cxrbuild.util.per_process import PerProcess

MODEL_PACKAGE = "rapidocr_onnxruntime"
MODEL_FILE = "models/ch_PP-OCRv4_det_infer.onnx"


class SceneTextUnavailableError(RuntimeError):
    """onnxruntime or the packaged detection model cannot be loaded."""


# Glyphs shorter than this at the detector's scale are too small for its judgement either way.
MIN_VISIBLE_GLYPH = 6.0


@dataclass(frozen=True)
class SceneTextLine:
    box: Box  # x0, y0, x1, y1 (half-open) in frame coordinates
    score: float  # mean probability over the region


class _Detector:
    def __init__(self) -> None:
        try:
            import onnxruntime
        except ImportError as err:  # pragma: no cover - onnxruntime is a hard dependency
            raise SceneTextUnavailableError(f"onnxruntime is not installed ({err})") from err
        try:
            model = resources.files(MODEL_PACKAGE).joinpath(MODEL_FILE).read_bytes()
        except (ModuleNotFoundError, FileNotFoundError) as err:
            raise SceneTextUnavailableError(f"{MODEL_PACKAGE} with {MODEL_FILE} is not installed ({err})") from err
        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        self.session = onnxruntime.InferenceSession(model, options, providers=["CPUExecutionProvider"])
        self.input = self.session.get_inputs()[0].name
        self.lock = threading.Lock()

    def probabilities(self, grey: np.ndarray) -> np.ndarray:
        batch = (grey.astype(np.float32) * (2.0 / 255.0) - 1.0)[np.newaxis, np.newaxis]
        batch = np.repeat(batch, 3, axis=1)
        with self.lock:
            return self.session.run(None, {self.input: batch})[0][0, 0]


# the process's detector (re-created after a fork, never shared across processes)
_DETECTOR: PerProcess[_Detector] = PerProcess(_Detector)


def _detector() -> _Detector:
    return _DETECTOR.get()


def start() -> None:
    """Load the model in this process now (a benchmark does, so per-image times are per image)."""
    _detector()


def scaled_shape(shape: tuple[int, int], long_side: int) -> tuple[int, int]:
    """(rows, cols) of the detector's input: the longer side ``long_side``, both multiples of 32."""
    rows, cols = shape
    ratio = long_side / max(rows, cols)
    return max(32, round(rows * ratio / 32) * 32), max(32, round(cols * ratio / 32) * 32)


@dataclass(frozen=True)
class SceneText:
    """What the detector saw in one frame: its lines, and its text probability map."""

    lines: list[SceneTextLine]
    probability: np.ndarray  # at the detector's scale
    frame_shape: tuple[int, int]  # (rows, cols) of the frame

    def scale(self) -> float:
        """Detector pixels per frame pixel (the same along both axes, up to rounding)."""
        return self.probability.shape[0] / max(self.frame_shape[0], 1)

    def sees(self, glyph_height: int, min_height: float = MIN_VISIBLE_GLYPH) -> bool:
        """Whether glyphs this tall (frame pixels) are large enough at the detector's scale to be judged."""
        return glyph_height * self.scale() >= min_height

    def _crop(self, box: Box) -> np.ndarray:
        rows, cols = self.probability.shape
        sy, sx = rows / max(self.frame_shape[0], 1), cols / max(self.frame_shape[1], 1)
        x0, y0 = int(np.floor(box[0] * sx)), int(np.floor(box[1] * sy))
        x1, y1 = max(x0 + 1, int(np.ceil(box[2] * sx))), max(y0 + 1, int(np.ceil(box[3] * sy)))
        return self.probability[max(0, y0) : min(rows, y1), max(0, x0) : min(cols, x1)]

    def finds_line(self, box: Box, glyph_height: int, threshold: float) -> bool:
        """Whether the detector sees a line of text at ``box`` (frame coordinates): some probability
        above ``threshold`` inside it, and a band that ends within two glyph heights above and below
        (texture and anatomy it fires on are broad, not bands).

        The band ends where a row of the detector's map, across the line's columns, is mostly
        below ``threshold``: the gap between stacked lines of a label block counts, so a line
        with another line of text just above or below it is still a band.
        """
        inside = self._crop(box)
        if inside.size == 0 or float(inside.max()) < threshold:
            return False
        x0, y0, x1, y1 = box
        reach = 2 * max(2, glyph_height)
        sides = []
        if y0 > 0:  # a line at the frame's edge has no side there to end on
            sides.append(self._crop((x0, max(0, y0 - reach), x1, y0)))
        if y1 < self.frame_shape[0]:
            sides.append(self._crop((x0, y1, x1, min(self.frame_shape[0], y1 + reach))))
        return all(float((part > threshold).mean(axis=1).min()) < 0.5 for part in sides if part.size)


def detect_lines(
    display: np.ndarray,
    long_side: int = 1024,
    threshold: float = 0.3,
    box_threshold: float = 0.5,
    unclip_ratio: float = 1.6,
) -> SceneText:
    """Text lines of one 8-bit display frame (white = bright), as boxes in frame coordinates,
    with the probability map they came from.

    Defaults: PaddleOCR's (a pixel is text above probability 0.3, a region a
    line when its mean probability is 0.5 or more, unclip ratio 1.6).
    """
    rows, cols = display.shape
    small_rows, small_cols = scaled_shape((rows, cols), long_side)
    scaled = np.asarray(Image.fromarray(np.ascontiguousarray(display, dtype=np.uint8)).resize(
        (small_cols, small_rows), Image.BILINEAR))
    probability = _detector().probabilities(scaled)
    region = ndimage.binary_dilation(probability > threshold, structure=np.ones((2, 2), dtype=bool))
    labels, count = ndimage.label(region)
    if not count:
        return SceneText([], probability, (rows, cols))
    means = ndimage.mean(probability, labels, index=np.arange(1, count + 1))
    sy, sx = rows / small_rows, cols / small_cols
    lines = []
    for index, found in enumerate(ndimage.find_objects(labels)):
        if found is None or means[index] < box_threshold:
            continue
        height, width = found[0].stop - found[0].start, found[1].stop - found[1].start
        if height < 2 or width < 2:
            continue
        grow = height * width * unclip_ratio / (2.0 * (height + width))
        x0 = max(0, int(np.floor((found[1].start - grow) * sx)))
        y0 = max(0, int(np.floor((found[0].start - grow) * sy)))
        x1 = min(cols, int(np.ceil((found[1].stop + grow) * sx)))
        y1 = min(rows, int(np.ceil((found[0].stop + grow) * sy)))
        lines.append(SceneTextLine((x0, y0, x1, y1), float(means[index])))
    return SceneText(lines, probability, (rows, cols))


# a line of the detector's no taller than this many glyphs is a band along a line of text, not a blob over texture
BAND_GLYPHS = 2.5
# lines of glyphs at most this tall (px) may be confirmed by the detector: it sees big lead markers as text too
CONFIRMED_GLYPH_PX = 24


def confirms_line(line: TextLine, learned: SceneText | None) -> bool:
    """Whether one of the detector's own lines lies over a line a threshold plane found: the two
    boxes mostly cover each other, and the detector's is a band no taller than two and a half of
    the line's glyphs (not a blob over texture). Thin letters over anatomy (8-9 px, light on a
    translucent panel) break into glyphs off one baseline in the stroke planes; the detector,
    trained on text, sees the line they make. Glyphs taller than :data:`CONFIRMED_GLYPH_PX` are
    not confirmed: the detector takes a lead marker's big letter for text as readily."""
    if learned is None or line.plane == LEARNED or line.transposed or line.glyph_height > CONFIRMED_GLYPH_PX:
        return False
    height = line.box[3] - line.box[1]
    return any(
        (covered_fraction(line.box, found.box) >= 0.6 or covered_fraction(found.box, line.box) >= 0.6)
        and found.box[3] - found.box[1] <= BAND_GLYPHS * max(line.glyph_height, 1)
        and found.box[3] - found.box[1] <= 2 * height
        for found in learned.lines
    )


# a turned line is searched again upright with its glyphs about this tall, the detector's own scale for text
UPRIGHT_GLYPH_PX = 24


def _close_look(line: TextLine, display: np.ndarray, settings: DetectionSettings) -> tuple[SceneText, np.ndarray, int, int]:
    """The detector's lines in a line's box with a glyph's margin, shown upright (a turned line's column
    turned) and scaled so its glyphs are about :data:`UPRIGHT_GLYPH_PX` tall: (what it saw, the crop it
    saw, the crop's top and left in the frame)."""
    x0, y0, x1, y1 = line.box
    margin = max(2, line.glyph_height)
    rows, cols = display.shape
    top, left = max(0, y0 - margin), max(0, x0 - margin)
    crop = display[top : min(rows, y1 + margin), left : min(cols, x1 + margin)]
    shown = np.ascontiguousarray(np.rot90(crop) if line.transposed else crop)  # a column then runs left to right
    factor = UPRIGHT_GLYPH_PX / max(1, line.glyph_height)
    long_side = min(settings.scene_text_long_side, max(32, round(max(shown.shape) * factor / 32) * 32))
    return detect_lines(shown, long_side=long_side, box_threshold=settings.scene_text_box_threshold), shown, top, left


def sees_up_close(line: TextLine, display: np.ndarray, settings: DetectionSettings) -> bool:
    """Whether the detector, shown an upright line up close (:func:`_close_look`), finds a band of text
    over most of it.

    The frame-wide pass misses some short words it sees well up close (two big letters in an outline
    over a gradient); a band there is no taller than :data:`BAND_GLYPHS` glyphs (texture it fires on is
    broad), lies in the line's rows, and covers at least half of the line's length.
    """
    if not settings.scene_text or line.transposed:
        return False
    seen, shown, top, left = _close_look(line, display, settings)
    x0, y0, x1, y1 = line.box
    covered = np.zeros(shown.shape[1], dtype=bool)
    for found in seen.lines:
        bx0, by0, bx1, by1 = found.box
        if by1 - by0 <= BAND_GLYPHS * max(1, line.glyph_height) and min(by1, y1 - top) > max(by0, y0 - top):
            covered[bx0:bx1] = True
    start, stop = x0 - left, x1 - left
    return bool(covered[start:stop].mean() >= 0.5) if stop > start else False


# around a small line holding PHI the detector looks again this many of its glyph heights above and below, and
# this many along its row: a block's other lines (a date, a number, a time under a name) are as small
BLOCK_REACH_ROWS = 5
BLOCK_REACH_ALONG = 12
# ... in at most this many blocks a frame
MAX_BLOCKS_UP_CLOSE = 4


def lines_up_close(seeds: Sequence[TextLine], display: np.ndarray, settings: DetectionSettings) -> list[Box]:
    """The detector's lines in the blocks around ``seeds`` (small upright lines holding PHI), each block
    shown scaled so its glyphs are about :data:`UPRIGHT_GLYPH_PX` tall (frame coordinates).

    On a large frame the frame-wide pass sees glyphs of 7-9 px a few pixels thin, and the threshold
    planes may find only pieces of such lines (serif letters whose thin strokes never reach the text's
    value, lines close enough to join in the stroke planes) or none at all; a PHI field rarely stands
    alone, and its block's other lines are as small. The region of each seed, grown by
    :data:`BLOCK_REACH_ROWS` glyph heights up and down and :data:`BLOCK_REACH_ALONG` along its row,
    is looked at once with those it overlaps; a band no taller than :data:`BAND_GLYPHS` of the
    block's glyphs is a line (texture the detector fires on is broad).
    """
    if not settings.scene_text or not seeds:
        return []
    rows, cols = display.shape
    blocks: list[tuple[list[int], list[int]]] = []  # a region (x0, y0, x1, y1) and its seeds' glyph heights
    for line in seeds:
        height = max(1, line.glyph_height)
        x0, y0, x1, y1 = line.box
        region = [
            max(0, x0 - BLOCK_REACH_ALONG * height),
            max(0, y0 - BLOCK_REACH_ROWS * height),
            min(cols, x1 + BLOCK_REACH_ALONG * height),
            min(rows, y1 + BLOCK_REACH_ROWS * height),
        ]
        heights = [height]
        # a region overlapping others takes them in (until none overlaps it)
        while True:
            overlapping = [block for block in blocks if intersects(tuple(block[0]), tuple(region))]
            if not overlapping:
                break
            for block in overlapping:
                blocks.remove(block)
                region = [min(region[0], block[0][0]), min(region[1], block[0][1]),
                          max(region[2], block[0][2]), max(region[3], block[0][3])]
                heights += block[1]
        blocks.append((region, heights))
    found: list[Box] = []
    # the blocks with the most lines of PHI first, a few a frame (each look is a run of the detector)
    blocks.sort(key=lambda block: -len(block[1]))
    for (x0, y0, x1, y1), heights in blocks[:MAX_BLOCKS_UP_CLOSE]:
        glyph = float(np.median(heights))
        crop = np.ascontiguousarray(display[y0:y1, x0:x1])
        factor = UPRIGHT_GLYPH_PX / glyph
        long_side = min(settings.scene_text_long_side, max(32, round(max(crop.shape) * factor / 32) * 32))
        seen = detect_lines(crop, long_side=long_side, box_threshold=settings.scene_text_box_threshold)
        found += [
            (x0 + bx0, y0 + by0, x0 + bx1, y0 + by1)
            for bx0, by0, bx1, by1 in (line.box for line in seen.lines)
            if by1 - by0 <= BAND_GLYPHS * glyph
        ]
    return found


def sees_turned_line(line: TextLine, display: np.ndarray, settings: DetectionSettings) -> bool:
    """Whether the detector, shown a turned line's column turned upright at the scale it knows text
    at, finds a band of text along most of it.

    A column of glyph-like shapes is common in anatomy (vertebrae, rib ends,
    vessels) and reading may fail on text turned 90 degrees in an outline,
    condensed or dotted font; the frame-wide pass sees such text at a scale
    where its glyphs are a few pixels thin. Here the column with a glyph's
    margin is turned upright and scaled so its glyphs are about
    :data:`UPRIGHT_GLYPH_PX` tall (:func:`_close_look`); the line is seen when the detector's lines
    at least twice as long as they are tall cover at least half of its length.
    """
    if not settings.scene_text or not line.transposed:
        return False
    seen, upright, top, _left = _close_look(line, display, settings)
    # the line's extent along the upright crop's columns (rot90 turns the crop's row r into column r)
    start, stop = line.box[1] - top, line.box[3] - top
    covered = np.zeros(upright.shape[1], dtype=bool)
    for found in seen.lines:
        bx0, by0, bx1, by1 = found.box
        if bx1 - bx0 >= 2 * (by1 - by0):  # a band along the column, not a blob
            covered[bx0:bx1] = True
    return bool(covered[start:stop].mean() >= 0.5) if stop > start else False


def learned_text(display: np.ndarray, settings: DetectionSettings) -> SceneText | None:
    """What the learned detector sees in one display frame (None when it is switched off).

    Raises :class:`SceneTextUnavailableError` when the detector cannot run.
    """
    if not settings.scene_text:
        return None
    return detect_lines(display, long_side=settings.scene_text_long_side, box_threshold=settings.scene_text_box_threshold)


def unseen_by_detector(line: TextLine, learned: SceneText | None, settings: DetectionSettings) -> bool:
    """Whether the learned detector, which sees glyphs of this size, finds no text where the line is.

    Bone edges, vessels and device parts at an extreme value or in the stroke
    planes group into glyph-like rows that OCR reads as a letter or two; the
    detector, trained on text, gives them no probability, or a broad one over
    the texture around them rather than a band along a line. Small glyphs it
    cannot see at its scale are not judged by it.
    """
    threshold = settings.scene_text_veto_probability
    if line.witnessed:
        return False  # the detector saw it already (sees_turned_line, confirms_line)
    if learned is None or threshold <= 0 or line.plane == LEARNED or not learned.sees(line.glyph_height):
        return False
    return not learned.finds_line(line.box, line.glyph_height, threshold)
