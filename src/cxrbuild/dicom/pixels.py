"""Burned-in text in the pixels: find it, read it, black out the PHI, keep the markers.

The MIMIC-CXR recipe, per image:

1. decode every frame and render it as a viewer would (Modality LUT, then VOI
   LUT or window, PS3.3 C.11.1 and C.11.2; MONOCHROME1 and an INVERSE
   Presentation LUT Shape shown inverted, PS3.3 C.7.6.3.1.2 and C.11.6);
2. find candidate text lines (:mod:`cxrbuild.dicom.textdetect`): binarize at
   the extreme stored values, at the manufacturer's text values and at strong
   local contrast, keep glyph-shaped components, group them into lines;
3. OCR only those lines (:mod:`cxrbuild.dicom.ocr`, one Tesseract per process);
4. classify each word (:mod:`cxrbuild.dicom.phitext`): deny-list, PHI
   patterns, keep-list, then the policy default (remove);
5. black out each PHI word, padded, in the stored values of every frame
   (:mod:`cxrbuild.dicom.redact`), everything else untouched.

:func:`verify_pixels` is the independent second pass on the cleaned image.
Errors that make an image unsafe to release raise :class:`PixelDeidError`,
whose message is one line; the pipeline quarantines the file on it.

``TextRegion.text`` holds what OCR read, which is PHI for removed words: it is
for tests and measurements, never for logs or manifests (``reason`` is safe).
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, fields

import numpy as np
from pydicom.dataset import Dataset
from pydicom.pixels import apply_color_lut
from scipy import ndimage

from cxrbuild.dicom import ocr, redact, scenetext
from cxrbuild.dicom.annotation import redaction_boxes
from cxrbuild.dicom.boxes import (
    Box,
    covered_fraction,
    intersects,
    merge_boxes,
    pad_box,
    transpose_box,
    union,
)
from cxrbuild.dicom.display import DisplayError, grey_rendering, scale8
from cxrbuild.dicom.phitext import (
    STRONG_PHI_PATTERNS,
    DenyList,
    KeepList,
    PhiPatterns,
    classify_words,
    load_yaml_resource,
    technique_values,
)
from cxrbuild.dicom.textdetect import (
    LEARNED,
    DetectionSettings,
    TextLine,
    find_text_lines,
    stroke_map,
)

log = logging.getLogger("cxrbuild.pixels")

MIN_INK_PIXELS = 3  # smaller pieces of ink in a removed run are the ground's noise
_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


class PixelDeidError(Exception):
    """The image's pixels cannot be cleaned safely; ``str(err)`` is a one-line reason."""


def _merge(base: dict, override: Mapping) -> dict:
    merged = dict(base)
    for key, value in override.items():
        if isinstance(value, Mapping) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


@dataclass
class PixelPolicy:
    """How burned-in text is found and judged; defaults in ``dicom/data/pixel_policy.yaml``."""

    default_decision: str = "phi"
    unreadable_decision: str = "phi"
    keep_min_confidence: float = 30.0
    short_keep_min_confidence: float = 75.0
    exact_keep_min_confidence: float = 10.0
    single_glyph_min_confidence: float = 60.0
    single_stroke_glyph_min_confidence: float = 80.0
    min_glyph_alignment: float = 0.75
    padding_px: int = 3
    padding_fraction: float = 0.25
    glyph_tight: bool = True
    glyph_margin_px: int = 3
    lossy_target_transfer_syntax: str = "1.2.840.10008.1.2.1"
    max_frames_searched: int = 64
    verify_min_confidence: float = 50.0
    detection: DetectionSettings = field(default_factory=DetectionSettings)
    text_values: dict[str, list] = field(default_factory=dict)
    keep: KeepList = field(default_factory=lambda: KeepList.from_mapping(load_yaml_resource("pixel_keep.yaml")))
    patterns: PhiPatterns = field(
        default_factory=lambda: PhiPatterns.from_mapping(load_yaml_resource("pixel_phi_patterns.yaml"))
    )

    @classmethod
    def from_mapping(cls, mapping: Mapping | None = None) -> PixelPolicy:
        """The packaged defaults overlaid with ``mapping`` (same keys as pixel_policy.yaml).

        ``keep_list`` and ``phi_patterns`` may replace the packaged keep-list and
        patterns (mappings shaped like pixel_keep.yaml / pixel_phi_patterns.yaml).
        """
        data = _merge(load_yaml_resource("pixel_policy.yaml"), mapping or {})
        known = {f.name for f in fields(cls)} | {"keep_list", "phi_patterns"}
        unknown = sorted(set(data) - known)
        if unknown:
            raise ValueError(f"unknown pixel policy key(s): {', '.join(unknown)}")
        for key in ("default_decision", "unreadable_decision"):
            if data.get(key, "phi") not in ("phi", "keep"):
                raise ValueError(f"pixel policy {key} must be 'phi' or 'keep', not {data[key]!r}")
        detection_keys = {f.name for f in fields(DetectionSettings)}
        detection = data.get("detection") or {}
        bad = sorted(set(detection) - detection_keys)
        if bad:
            raise ValueError(f"unknown pixel policy detection key(s): {', '.join(bad)}")
        scalars = {
            key: data[key]
            for key in (
                "default_decision",
                "unreadable_decision",
                "keep_min_confidence",
                "short_keep_min_confidence",
                "exact_keep_min_confidence",
                "single_glyph_min_confidence",
                "single_stroke_glyph_min_confidence",
                "min_glyph_alignment",
                "padding_px",
                "padding_fraction",
                "glyph_tight",
                "glyph_margin_px",
                "lossy_target_transfer_syntax",
                "max_frames_searched",
                "verify_min_confidence",
            )
            if key in data
        }
        return cls(
            **scalars,
            detection=DetectionSettings(**detection),
            text_values={str(k).lower(): list(v or []) for k, v in (data.get("text_values") or {}).items()},
            keep=KeepList.from_mapping(data.get("keep_list") or load_yaml_resource("pixel_keep.yaml")),
            patterns=PhiPatterns.from_mapping(
                data.get("phi_patterns") or load_yaml_resource("pixel_phi_patterns.yaml")
            ),
        )

    def text_values_for(self, manufacturer: str) -> list:
        """Fixed text values for a Manufacturer (0008,0070): the default plus every matching prefix."""
        values = list(self.text_values.get("default", []))
        name = (manufacturer or "").strip().lower()
        for key, extra in self.text_values.items():
            if key != "default" and name.startswith(key):
                values.extend(extra)
        return values


@dataclass
class TextRegion:
    """One word (or unreadable line) of burned-in text and what was decided for it."""

    box: Box
    text: str
    decision: str  # "phi" | "keep"
    reason: str
    frame: int = 0
    line: int = -1  # index of the text line it was read in (words of one line share it)


@dataclass
class PixelResult:
    """Boxes blacked out (padded, image coordinates, all frames) and every text region seen."""

    boxes: list[Box]
    regions: list[TextRegion]
    transfer_syntax: str = ""  # the syntax the Pixel Data is in now
    source_transfer_syntax: str = ""  # the syntax it was read in


# --------------------------------------------------------------------------- decoding


@dataclass
class DecodedImage:
    """Stored frames (frames, rows, cols[, samples]) and their 8-bit display rendering."""

    stored: np.ndarray
    display: np.ndarray  # (frames, rows, cols) uint8, white = bright on screen
    grey_black: int | None  # stored value shown darkest (grey images)


SUPPORTED_PHOTOMETRICS = frozenset(
    {"MONOCHROME1", "MONOCHROME2", "PALETTE COLOR", "RGB", "YBR_FULL", "YBR_FULL_422", "YBR_ICT", "YBR_RCT"}
)


def decode(ds: Dataset) -> DecodedImage:
    """Decode the pixels and render them for display; PixelDeidError if that is impossible."""
    if "PixelData" not in ds:
        kind = "float" if ("FloatPixelData" in ds or "DoubleFloatPixelData" in ds) else "no"
        raise PixelDeidError(
            f"{kind} pixel data: burned-in text cannot be checked; needs a pixel step for {kind} pixel data"
        )
    photometric = str(ds.get("PhotometricInterpretation", "")).upper()
    samples = int(ds.get("SamplesPerPixel", 1))
    if photometric not in SUPPORTED_PHOTOMETRICS:
        raise PixelDeidError(
            f"photometric interpretation {photometric or '(missing)'} is not supported; "
            f"needs a copy in one of {', '.join(sorted(SUPPORTED_PHOTOMETRICS))}"
        )
    if int(ds.get("BitsAllocated", 0)) not in (1, 8, 16, 32):
        raise PixelDeidError(
            f"bits allocated {ds.get('BitsAllocated')} is not supported; needs 1, 8, 16 or 32"
        )
    try:
        array = ds.pixel_array  # pydicom converts YBR to RGB (PS3.3 C.7.6.3.1.2)
    except Exception as err:  # any decoder failure means the pixels cannot be cleaned
        # pydicom lists each plugin's failure on a line of its own
        message = "; ".join(line.strip() for line in str(err).splitlines() if line.strip())
        message = (message or type(err).__name__)[:200]
        syntax = ds.file_meta.get("TransferSyntaxUID") if getattr(ds, "file_meta", None) else None
        name = getattr(syntax, "name", None) or "its transfer syntax"
        raise PixelDeidError(
            f"pixel data cannot be decoded ({message}); needs a {name} decoder that reads it"
        ) from err
    frames = int(ds.get("NumberOfFrames", 1) or 1)
    rows, cols = int(ds.Rows), int(ds.Columns)
    try:
        stored = array.reshape((frames, rows, cols) if samples == 1 else (frames, rows, cols, samples))
    except ValueError as err:
        raise PixelDeidError(
            f"pixel data shape {array.shape} does not match the header; "
            "needs Rows, Columns, Samples per Pixel and Number of Frames that fit the pixel data"
        ) from err
    if photometric == "PALETTE COLOR":
        display, grey_black = _palette_display(ds, stored)
    elif samples == 1:
        display, grey_black = _grey_display(ds, stored)
    else:
        # colour overlays: text is drawn bright in some channel, so show the brightest channel
        display = stored.max(axis=-1).astype(np.uint8) if stored.dtype == np.uint8 else scale8(stored.max(axis=-1))
        grey_black = None
    return DecodedImage(stored, display, grey_black)


def _palette_display(ds: Dataset, stored: np.ndarray) -> tuple[np.ndarray, int]:
    """PALETTE COLOR shown through its palette (PS3.3 C.7.6.3.1.5): the luminance of each
    pixel's colour, and as black the entry shown darkest."""
    try:
        black = redact.palette_black(ds)
        rgb = np.asarray(apply_color_lut(stored, ds), dtype=np.float64)
    except (redact.RedactionError, ValueError, AttributeError) as err:
        raise PixelDeidError(
            f"the palette cannot be applied ({str(err).splitlines()[0]}); "
            "needs complete Palette Color Lookup Table descriptors and data"
        ) from err
    return scale8(rgb @ np.array([0.299, 0.587, 0.114])), black


def _grey_display(ds: Dataset, stored: np.ndarray) -> tuple[np.ndarray, int]:
    """8-bit display of grey frames and the stored value shown darkest (see :mod:`cxrbuild.dicom.display`)."""
    try:
        return grey_rendering(ds, stored)
    except DisplayError as err:
        raise PixelDeidError(str(err)) from err


# --------------------------------------------------------------------------- reading lines


@dataclass
class _LineReading:
    words: list[tuple[str, float, Box]]  # text, confidence, box in line-crop coordinates


def _frame_indices(n_frames: int, limit: int) -> list[int]:
    if n_frames <= limit:
        return list(range(n_frames))
    picks = np.linspace(0, n_frames - 1, num=max(2, limit)).round().astype(int)
    return sorted(set(picks.tolist()))


def _read_line(line: TextLine, cache: dict[bytes, _LineReading]) -> _LineReading:
    """OCR one candidate line (identical crops in other frames are read once).

    A turned line (``line.transposed``) is read both ways up, mirrored back
    from the transposed frame (turned 90 degrees one way or the other), and
    the reading with more confident letters wins; its word boxes are in the
    transposed crop's coordinates, like the line's mask.
    """
    crop = line.grey if line.grey is not None else line.mask
    key = hashlib.blake2b(
        crop.tobytes() + bytes(f"{crop.shape}{crop.dtype}{line.glyph_height}{line.transposed}", "ascii"),
        digest_size=16,
    ).digest()
    if key not in cache:
        if not line.transposed:
            words = [(w.text, w.confidence, w.box) for w in ocr.read_text_mask(crop, line.glyph_height)]
        else:
            height, width = crop.shape
            best: list[tuple[str, float, Box]] = []
            best_score = -1.0
            for axis in (1, 0):  # mirrored left-right: read bottom to top; upside down: top to bottom
                turned = np.ascontiguousarray(np.flip(crop, axis=axis))
                found = []
                for w in ocr.read_text_mask(turned, line.glyph_height):
                    x0, y0, x1, y1 = w.box
                    box = (width - x1, y0, width - x0, y1) if axis == 1 else (x0, height - y1, x1, height - y0)
                    found.append((w.text, w.confidence, box))
                score = sum(conf * sum(ch in _ALNUM for ch in text) for text, conf, _ in found)
                if score > best_score:
                    best, best_score = found, score
            words = best
        cache[key] = _LineReading(words)
    return cache[key]


def _learned_text(display: np.ndarray, settings: DetectionSettings) -> scenetext.SceneText | None:
    """What the learned detector sees in one display frame (None when it is switched off)."""
    if not settings.scene_text:
        return None
    try:
        return scenetext.detect_lines(
            display, long_side=settings.scene_text_long_side, box_threshold=settings.scene_text_box_threshold
        )
    except scenetext.SceneTextUnavailableError as err:
        raise PixelDeidError(f"text detector unavailable: {err}; needs onnxruntime and rapidocr-onnxruntime") from err


def _unseen_by_detector(line: TextLine, learned: scenetext.SceneText | None, policy: PixelPolicy) -> bool:
    """Whether the learned detector, which sees glyphs of this size, finds no text where the line is.

    Bone edges, vessels and device parts at an extreme value or in the stroke
    planes group into glyph-like rows that OCR reads as a letter or two; the
    detector, trained on text, gives them no probability, or a broad one over
    the texture around them rather than a band along a line. Small glyphs it
    cannot see at its scale are not judged by it.
    """
    threshold = policy.detection.scene_text_veto_probability
    if learned is None or threshold <= 0 or line.plane == LEARNED or not learned.sees(line.glyph_height):
        return False
    return not learned.finds_line(line.box, line.glyph_height, threshold)


def _readable(words: Sequence[tuple[str, float, Box]], min_confidence: float) -> bool:
    return any(any(ch in _ALNUM for ch in text) and conf >= min_confidence for text, conf, _ in words)


def _reads_well(words: Sequence[tuple[str, float, Box]], min_confidence: float) -> bool:
    """A word of two letters or digits or more, read with high confidence."""
    return any(sum(ch in _ALNUM for ch in text) >= 2 and conf >= min_confidence for text, conf, _ in words)


def _is_text(line: TextLine, reading: _LineReading, policy: PixelPolicy) -> bool:
    """Whether a candidate line is text at all (blobs, icons, wires and bone edges are not).

    Lines at an extreme, device or histogram-spike value are text when they
    read, or when they hold several glyphs (then they are removed even if
    unreadable). Lines found only as thin strokes or as holes in a value
    plane are text when a real word reads with high confidence, or when
    their glyphs stand on one baseline (printed text does, bone edges, wires
    and noise do not) and either read or are several. Faint lines at a
    value are judged as the latter. A line turned 90 degrees must read well.
    """
    strict = policy.single_stroke_glyph_min_confidence
    if line.transposed:
        # a column of glyph-like shapes is common in anatomy (vertebrae, rib ends, vessels):
        # a turned line is text only when it reads (or reads as PHI, see _counts_as_text)
        return _reads_well(reading.words, strict)
    if line.loose:
        if line.n_glyphs == 1:
            # one component: a word of touching letters, or a lone character, which
            # printed is a capital or a digit ("L", "R", "M"); a lone lowercase
            # reading is a blob, a lead marker seen sideways or a clip
            plausible = [
                (text, conf, box)
                for text, conf, box in reading.words
                if sum(ch in _ALNUM for ch in text) >= 3 or not any(ch.islower() for ch in text)
            ]
            return _readable(plausible, strict)
        if _reads_well(reading.words, strict):
            return True
        if line.aligned < policy.min_glyph_alignment:
            return False
        if line.n_glyphs < 3:
            return _readable(reading.words, policy.single_glyph_min_confidence)
        return True
    if line.n_glyphs == 1:
        return _readable(reading.words, policy.single_glyph_min_confidence)
    return True


def _counts_as_text(
    index: int,
    lines: Sequence[TextLine],
    readings: Sequence[_LineReading],
    read_well: Sequence[bool],
    policy: PixelPolicy,
    deny: DenyList,
) -> bool:
    """Whether candidate line ``index`` is judged as text, in the cleaning and the verification pass.

    It must be text by its shape and reading, or read as PHI; and it must not be
    a looser or partial view of lines read well elsewhere (they count instead).
    """
    line, reading = lines[index], readings[index]
    if not _is_text(line, reading, policy) and not _reads_as_phi(reading.words, policy, deny):
        return False
    return read_well[index] or not _spans_other_lines(index, lines, read_well)


def _reads_as_phi(words: Sequence[tuple[str, float, Box]], policy: PixelPolicy, deny: DenyList) -> bool:
    """Whether words read with the verification's confidence hold a deny-list string or a
    strong PHI pattern (a date, a time, a long number): such a line is text whatever its
    shape (two rows run together, glyphs off one baseline)."""
    readable = " ".join(text for text, conf, _ in words if conf >= policy.verify_min_confidence)
    if not readable:
        return False
    return bool(deny.find(readable)) or policy.patterns.first_match(readable, STRONG_PHI_PATTERNS) is not None


def _spans_other_lines(index: int, lines: Sequence[TextLine], read_well: Sequence[bool]) -> bool:
    """True when line ``index`` mostly covers, or mostly lies in, another line that reads well."""
    box = lines[index].box
    for other_index, other in enumerate(lines):
        if other_index == index or not read_well[other_index]:
            continue
        width = min(box[2], other.box[2]) - max(box[0], other.box[0])
        height = min(box[3], other.box[3]) - max(box[1], other.box[1])
        if width <= 0 or height <= 0:
            continue
        other_area = (other.box[2] - other.box[0]) * (other.box[3] - other.box[1])
        own_area = (box[2] - box[0]) * (box[3] - box[1])
        # it holds that line, or it is mostly that line read again from another plane
        if width * height > 0.6 * other_area or width * height > 0.5 * own_area:
            return True
    return False


def _inside_kept_marker(line: TextLine, judged: Sequence[tuple[TextLine, Sequence[TextRegion]]]) -> bool:
    """True when ``line`` lies mostly inside a line of glyphs at least twice as tall, all kept.

    A big lead marker's serifs and counters form small glyph-like shapes in
    the stroke planes; text that small inside a marker letter is not text.
    """
    for other, other_regions in judged:
        if other is line or other.glyph_height < 2 * line.glyph_height or not other_regions:
            continue
        if all(region.decision == "keep" for region in other_regions) and covered_fraction(line.box, other.box) >= 0.5:
            return True
    return False


def _line_box(line: TextLine) -> Box:
    """The line's box where its mask and word boxes live: the frame, or the transposed frame."""
    return transpose_box(line.box) if line.transposed else line.box


def _line_regions(
    line: TextLine,
    reading: _LineReading,
    policy: PixelPolicy,
    deny: DenyList,
    frame: int,
) -> list[tuple[TextRegion, Box]]:
    """Regions of one line with the exact pixel extent of each (word box ∪ its glyphs).

    A turned line's regions are in the transposed frame, where it runs left to right.
    """
    line_box = _line_box(line)
    ox, oy = line_box[0], line_box[1]
    labels, _count = ndimage.label(line.mask, structure=np.ones((3, 3), dtype=bool))
    components = [
        (s[1].start, s[0].start, s[1].stop, s[0].stop) for s in ndimage.find_objects(labels) if s is not None
    ]
    words = [(text, conf, box) for text, conf, box in reading.words if any(ch in _ALNUM for ch in text) or len(text) > 1]
    if not words:
        box = (ox, oy, line_box[2], line_box[3])
        return [(TextRegion(box, "", policy.unreadable_decision, "unreadable text", frame), box)]
    decisions = classify_words(
        [(text, conf) for text, conf, _ in words],
        policy.keep,
        policy.patterns,
        deny,
        default_decision=policy.default_decision,
        keep_min_confidence=policy.keep_min_confidence,
        short_min_confidence=policy.short_keep_min_confidence,
        exact_min_confidence=policy.exact_keep_min_confidence,
    )
    extents = [box for _, _, box in words]
    orphans: list[Box] = []
    min_height = policy.detection.min_glyph_height
    for component in components:
        overlaps = [
            min(component[2], box[2]) - max(component[0], box[0]) for box in extents
        ]
        best = int(np.argmax(overlaps))
        if overlaps[best] > 0:
            extents[best] = union(extents[best], component)
        elif component[3] - component[1] >= max(min_height, line.glyph_height // 2):
            orphans.append(component)  # a glyph OCR did not read: nothing vouches for it
        else:  # punctuation beside a word belongs to the nearest word
            centre = (component[0] + component[2]) / 2
            nearest = int(np.argmin([abs((b[0] + b[2]) / 2 - centre) for b in extents]))
            extents[nearest] = union(extents[nearest], component)
    regions: list[tuple[TextRegion, Box]] = []
    for (text, _conf, _box), decision, extent in zip(words, decisions, extents, strict=True):
        absolute = (extent[0] + ox, extent[1] + oy, extent[2] + ox, extent[3] + oy)
        regions.append((TextRegion(absolute, text, decision.decision, decision.reason, frame), absolute))
    for orphan in orphans:
        absolute = (orphan[0] + ox, orphan[1] + oy, orphan[2] + ox, orphan[3] + oy)
        regions.append((TextRegion(absolute, "", policy.unreadable_decision, "unread glyph", frame), absolute))
    return regions


def _phi_runs(
    regions: Sequence[TextRegion], glyph_heights: Sequence[int], line_boxes: Mapping[tuple[int, int], Box]
) -> list[tuple[Box, int]]:
    """Boxes of the runs of PHI words of each line, with their glyph heights.

    A run reaches from the kept word (or line end) before it to the kept word
    (or line end) after it and spans the line's full height, so glyphs OCR
    skipped or split off between or beside PHI words go with them.
    """
    by_line: dict[tuple[int, int], list[tuple[TextRegion, int]]] = {}
    for region, height in zip(regions, glyph_heights, strict=True):
        by_line.setdefault((region.frame, region.line), []).append((region, height))
    runs: list[tuple[Box, int]] = []
    for key, members in by_line.items():
        members.sort(key=lambda item: item[0].box[0])
        line_box = line_boxes.get(key)
        left_limit = line_box[0] if line_box else None
        current: Box | None = None
        height = 0
        for region, glyph_height in members:
            if region.decision == "phi":
                current = region.box if current is None else union(current, region.box)
                height = max(height, glyph_height)
                continue
            if current is not None:
                runs.append((_run_box(current, left_limit, region.box[0], line_box), height))
            current, height, left_limit = None, 0, region.box[2]
        if current is not None:
            runs.append((_run_box(current, left_limit, line_box[2] if line_box else None, line_box), height))
    return runs


def _continues(a: Box, ha: int, b: Box, hb: int, kept: Sequence[Box], gap_factor: float) -> bool:
    """Whether ``b`` continues ``a`` on its row: overlapping rows, a gap of at most
    ``gap_factor`` glyph heights, and no kept word between or under them."""
    overlap = min(a[3], b[3]) - max(a[1], b[1])
    if overlap < 0.5 * min(a[3] - a[1], b[3] - b[1]):
        return False
    if max(b[0] - a[2], a[0] - b[2]) > gap_factor * max(ha, hb):
        return False
    gap = (min(a[2], b[2]), max(a[1], b[1]), max(a[0], b[0]), min(a[3], b[3]))
    has_gap = gap[2] > gap[0] and gap[3] > gap[1]
    return not any(intersects(b, marker) or (has_gap and intersects(gap, marker)) for marker in kept)


def _join_runs(
    runs: Sequence[tuple[Box, int]],
    kept: Sequence[Box],
    strays: Sequence[tuple[Box, int]] = (),
    gap_factor: float = 2.0,
) -> list[tuple[Box, int]]:
    """Join PHI runs that continue one another on a row, and the strays beside them.

    Detection splits a row at wide gaps or between planes ("DOB" and the date
    beside it) and sets aside glyphs it could not read or judge (the initial
    of "Z. JONES" in wide monospace); what sits in line with PHI belongs to
    it. Runs and strays (``(box, glyph height)`` of candidate lines that were
    not read as text) on the same row, at most ``gap_factor`` glyph heights
    apart, with no kept word between them, become one; a stray alone is
    never a box.
    """
    pending = list(runs)
    loose = [stray for stray in strays if stray[0][3] - stray[0][1] <= 2.6 * max(stray[1], 1)]
    if loose and pending:
        # only strays on a row of some run and within reach of it can ever join
        stray_boxes = np.asarray([box for box, _ in loose], dtype=np.int64)
        near = np.zeros(len(loose), dtype=bool)
        for box, height in pending:
            reach = gap_factor * 2 * height + (box[2] - box[0])  # runs grow as they join
            near |= (
                (stray_boxes[:, 3] > box[1] - 2 * height)
                & (stray_boxes[:, 1] < box[3] + 2 * height)
                & (stray_boxes[:, 2] > box[0] - reach)
                & (stray_boxes[:, 0] < box[2] + reach)
            )
        loose = [stray for stray, keep in zip(loose, near.tolist(), strict=True) if keep]
    changed = True
    while changed:
        changed = False
        for i in range(len(pending)):
            box, height = pending[i]
            for j in range(len(pending)):
                if j != i and _continues(box, height, pending[j][0], pending[j][1], kept, gap_factor):
                    other = pending[j]
                    pending = [run for k, run in enumerate(pending) if k not in (i, j)]
                    pending.append((union(box, other[0]), max(height, other[1])))
                    changed = True
                    break
            if changed:
                break
            for j, (stray, stray_height) in enumerate(loose):
                if stray_height <= 2 * height and _continues(box, height, stray, stray_height, kept, gap_factor):
                    pending[i] = (union(box, stray), height)
                    del loose[j]
                    changed = True
                    break
            if changed:
                break
    return pending


def _run_box(phi: Box, left: int | None, right: int | None, line_box: Box | None) -> Box:
    """A PHI run widened to its limits (kept words or line ends) and to the line's height."""
    if line_box is None or left is None or right is None:
        return phi
    return (min(phi[0], left), min(phi[1], line_box[1]), max(phi[2], right), max(phi[3], line_box[3]))


def _boxes_from_regions(
    regions: Sequence[TextRegion],
    glyph_heights: Sequence[int],
    line_boxes: Mapping[tuple[int, int], Box],
    policy: PixelPolicy,
    rows: int,
    cols: int,
    strays: Sequence[tuple[Box, int]] = (),
    turned_runs: Sequence[tuple[Box, int]] = (),
    turned_regions: Sequence[TextRegion] = (),
    tighten: Callable[[Box, int], list[Box]] | None = None,
) -> list[Box]:
    """Padded boxes of the PHI words; padding never spills onto a kept marker.

    ``regions`` are on horizontal lines (their runs are found and joined
    here); ``turned_runs`` are the PHI runs of lines turned 90 degrees, whose
    ``turned_regions`` count as markers to spare too. ``tighten`` turns each
    padded run box and its glyph height into the boxes actually blacked out
    (the glyphs' own, see :func:`glyph_boxes`); without it, the run box is.
    """
    kept = [region.box for region in (*regions, *turned_regions) if region.decision == "keep"]
    boxes: list[Box] = []
    runs = _join_runs(_phi_runs(regions, glyph_heights, line_boxes), kept, strays)
    for phi_box, height in [*runs, *turned_runs]:
        pad = max(policy.padding_px, round(policy.padding_fraction * height))
        padded = list(pad_box(phi_box, pad, rows, cols))
        for marker in kept:
            if not intersects(tuple(padded), marker) or intersects(phi_box, marker):
                continue  # a marker touching the PHI itself loses (fail closed)
            # pull the padded edge back to the marker, never inside the PHI's own extent
            if marker[0] >= phi_box[2]:
                padded[2] = max(phi_box[2], min(padded[2], marker[0]))
            elif marker[2] <= phi_box[0]:
                padded[0] = min(phi_box[0], max(padded[0], marker[2]))
            elif marker[1] >= phi_box[3]:
                padded[3] = max(phi_box[3], min(padded[3], marker[1]))
            elif marker[3] <= phi_box[1]:
                padded[1] = min(phi_box[1], max(padded[1], marker[3]))
        boxes.extend(tighten(tuple(padded), height) if tighten else [tuple(padded)])
    return merge_boxes(boxes)


def find_text(
    ds: Dataset, deny: Sequence[str], policy: PixelPolicy, image: DecodedImage | None = None
) -> tuple[list[TextRegion], list[Box], DecodedImage]:
    """Every text region in the image with its decision, and the padded PHI boxes."""
    image = image or decode(ds)
    deny_list = DenyList(deny)
    values = policy.text_values_for(str(ds.get("Manufacturer", "")))
    n_frames, rows, cols = image.display.shape
    cache: dict[bytes, _LineReading] = {}
    regions: list[TextRegion] = []
    heights: list[int] = []
    line_index = -1
    line_boxes: dict[tuple[int, int], Box] = {}
    ink = np.zeros((rows, cols), dtype=bool)  # the glyph pixels of the lines taken as text, every frame
    turned_regions: list[TextRegion] = []  # regions of lines turned 90 degrees
    turned_runs: list[tuple[Box, int]] = []  # ...and their PHI runs (in the transposed frame)
    # candidate lines not taken as text: blacked out only where they adjoin PHI.
    # Frames share one box list, so strays of every frame are pooled.
    strays: list[tuple[Box, int]] = []
    try:
        for frame in _frame_indices(n_frames, policy.max_frames_searched):
            learned = _learned_text(image.display[frame], policy.detection)
            lines = find_text_lines(
                image.stored[frame],
                image.display[frame],
                policy.detection,
                values,
                strays=strays,
                learned=[line.box for line in learned.lines] if learned else (),
            )
            readings = [_read_line(line, cache) for line in lines]
            # lines read clearly, or holding a recognised marker, outrank looser views of them
            read_well = [
                line.n_glyphs > 1
                and (
                    _reads_well(reading.words, policy.single_stroke_glyph_min_confidence)
                    or any(
                        conf >= policy.single_glyph_min_confidence and policy.keep.matches_word(text)
                        for text, conf, _ in reading.words
                        if len(text) > 3
                    )
                )
                for line, reading in zip(lines, readings, strict=True)
            ]
            judged: list[tuple[TextLine, list[TextRegion]]] = []
            for index, (line, reading) in enumerate(zip(lines, readings, strict=True)):
                if not _counts_as_text(index, lines, readings, read_well, policy, deny_list) or (
                    not read_well[index]
                    and not _reads_as_phi(reading.words, policy, deny_list)
                    and _unseen_by_detector(line, learned, policy)
                ):
                    strays.append((line.box, line.glyph_height))
                    continue
                judged.append((line, [region for region, _ in _line_regions(line, reading, policy, deny_list, frame)]))
                # its glyphs: the pixels binarized, and the box of each glyph the planes found
                x0, y0, x1, y1 = line.box
                mask = line.mask.T if line.transposed else line.mask
                if mask.shape == (y1 - y0, x1 - x0):
                    ink[y0:y1, x0:x1] |= mask
                for gx0, gy0, gx1, gy1 in line.glyph_boxes:
                    ink[gy0:gy1, gx0:gx1] = True
            for line, line_regions in judged:
                if _inside_kept_marker(line, judged):
                    continue  # the gaps between a big marker's strokes, read as small letters
                line_index += 1
                for region in line_regions:
                    region.line = line_index
                if line.transposed:
                    # a turned line's PHI runs are drawn where it runs left to right, then turned back
                    runs = _phi_runs(line_regions, [line.glyph_height] * len(line_regions),
                                     {(frame, line_index): _line_box(line)})
                    turned_runs.extend(runs)
                    for region in line_regions:
                        region.box = transpose_box(region.box)
                    turned_regions.extend(line_regions)
                    continue
                line_boxes[(frame, line_index)] = line.box
                regions.extend(line_regions)
                heights.extend([line.glyph_height] * len(line_regions))
    except ocr.OcrUnavailableError as err:
        raise PixelDeidError(f"OCR unavailable: {err}") from err
    if turned_runs:
        # joined with what continues them along their column, as rows are (seen transposed)
        kept = [transpose_box(region.box) for region in (*regions, *turned_regions) if region.decision == "keep"]
        joined = _join_runs(turned_runs, kept, [(transpose_box(box), height) for box, height in strays])
        turned_runs = [(transpose_box(box), height) for box, height in joined]
    tighten = None
    if policy.glyph_tight:
        searched = [image.display[frame] for frame in _frame_indices(n_frames, policy.max_frames_searched)]

        words = [region.box for region in (*regions, *turned_regions) if region.decision == "phi"]

        def tighten(box: Box, height: int) -> list[Box]:
            inside = [word for word in words if covered_fraction(word, box) > 0.5]
            return glyph_boxes(searched, box, height, policy, ink, inside)

    boxes = _boxes_from_regions(
        regions, heights, line_boxes, policy, rows, cols, strays, turned_runs, turned_regions, tighten
    )
    return regions + turned_regions, boxes, image


def glyph_boxes(
    displays: Sequence[np.ndarray],
    box: Box,
    glyph_height: int,
    policy: PixelPolicy,
    detected: np.ndarray | None = None,
    words: Sequence[Box] = (),
) -> list[Box]:
    """The boxes of the glyphs inside a padded PHI run ``box``: what is blacked out instead of the run.

    A glyph is ink standing out from its ground either way (white or black
    top-hat of the display, as wide as half a glyph is tall) more than the
    ground's own texture around the run does (the stroke noise factor times
    its 95th percentile, within the stroke thresholds), in any of the
    searched frames, or glyph pixels of the lines the detection took as text
    (``detected``, a frame-sized mask: faint or translucent text it found);
    each connected piece of ink of ``MIN_INK_PIXELS`` or more gives its
    bounding box grown by ``glyph_margin_px`` for its antialiased edge,
    clipped to ``box``. The gaps between words and the ground above and
    below short letters keep their pixels. Fail closed: a run with no ink found is blacked out whole,
    and so is each of its ``words`` (the extents of the PHI words read in it)
    where ink stands in fewer than half of the word's columns (rows, for a
    word turned 90 degrees), padded by ``glyph_margin_px``.
    """
    x0, y0, x1, y1 = box
    width = max(5, glyph_height // 2 + 1)
    ink: np.ndarray | None = None
    for display in displays:
        rows, cols = display.shape
        px0, py0, px1, py1 = max(0, x0 - width), max(0, y0 - width), min(cols, x1 + width), min(rows, y1 + width)
        area = display[py0:py1, px0:px1]
        inner = (slice(y0 - py0, y1 - py0), slice(x0 - px0, x1 - px0))
        ring = np.ones(area.shape, dtype=bool)
        ring[inner] = False
        for bright in (True, False):
            around = stroke_map(area, width, bright=bright)
            strokes = around[inner]
            # ink stands out from the ground's own texture around the run (a line crossing a
            # bright label onto dark anatomy has strong and weak parts: one cut for the run
            # would lose the weak ones)
            noise = float(np.percentile(around[ring], 95)) if ring.any() else 0.0
            cut = float(np.clip(
                policy.detection.stroke_noise_factor * noise,
                policy.detection.min_stroke_threshold,
                policy.detection.stroke_threshold,
            ))
            found = strokes >= cut
            ink = found if ink is None else ink | found
    if detected is not None:
        known = detected[y0:y1, x0:x1]
        ink = known.copy() if ink is None else ink | known
    if ink is None or not ink.any():
        return [box]
    margin = max(0, policy.glyph_margin_px)
    unsure: list[Box] = []
    for word in words:
        wx0, wy0 = max(word[0], x0) - x0, max(word[1], y0) - y0
        wx1, wy1 = min(word[2], x1) - x0, min(word[3], y1) - y0
        if wx1 <= wx0 or wy1 <= wy0:
            continue
        piece = ink[wy0:wy1, wx0:wx1]
        along = piece.any(axis=0) if wx1 - wx0 >= wy1 - wy0 else piece.any(axis=1)
        if along.mean() < 0.5:
            unsure.append(
                (max(x0, word[0] - margin), max(y0, word[1] - margin), min(x1, word[2] + margin), min(y1, word[3] + margin))
            )
    labels, count = ndimage.label(ink, structure=np.ones((3, 3), dtype=bool))
    sizes = np.bincount(labels.ravel(), minlength=count + 1)
    return unsure + [
        (
            max(x0, x0 + piece[1].start - margin),
            max(y0, y0 + piece[0].start - margin),
            min(x1, x0 + piece[1].stop + margin),
            min(y1, y0 + piece[0].stop + margin),
        )
        for index, piece in enumerate(ndimage.find_objects(labels), start=1)
        # a speck of a pixel or two is the ground's noise (a glyph's own specks lie within its margin)
        if piece is not None and sizes[index] >= MIN_INK_PIXELS
    ]


def clean_pixels(ds: Dataset, deny: Sequence[str], policy: PixelPolicy | None = None) -> PixelResult:
    """Black out burned-in PHI in ``ds`` in place (all frames) and return the boxes and regions.

    Pixel Data is re-encoded losslessly in the original transfer syntax, or in
    a lossless one pydicom can encode when it cannot encode the original (a
    lossy source with boxes is written in ``policy.lossy_target_transfer_syntax``,
    see :func:`cxrbuild.dicom.redact.target_syntaxes`); with no boxes the Pixel
    Data bytes are left untouched.
    """
    policy = policy or PixelPolicy.from_mapping()
    source_syntax = str(ds.file_meta.TransferSyntaxUID)
    regions, boxes, image = find_text(ds, deny, policy)
    boxes, syntax = blackout(ds, boxes, image, policy)
    return PixelResult(boxes=boxes, regions=regions, transfer_syntax=syntax, source_transfer_syntax=source_syntax)


def blackout(ds: Dataset, boxes: Sequence[Box], image: DecodedImage, policy: PixelPolicy) -> tuple[list[Box], str]:
    """Black out ``boxes`` (widened to what the layout can edit exactly) in ``ds`` decoded as ``image``.

    Returns the boxes blacked out and the transfer syntax the Pixel Data is in now.
    """
    boxes = redact.editable_boxes(ds, boxes)
    try:
        syntax = redact.redact_boxes(
            ds, boxes, image.grey_black, policy.lossy_target_transfer_syntax, decoded=image.stored
        )
    except redact.RedactionError as err:
        raise PixelDeidError(f"pixels cannot be redacted: {err}; needs an editor for this pixel layout") from err
    except Exception as err:  # an encoder failure must quarantine, not crash the batch
        raise PixelDeidError(
            f"pixels cannot be re-encoded: {str(err).splitlines()[0]}; needs a lossless encoder for these pixels"
        ) from err
    return boxes, str(syntax)


def verify_pixels(
    ds: Dataset,
    deny: Sequence[str],
    policy: PixelPolicy | None = None,
    boxes: Sequence[Box] | None = None,
) -> list[str]:
    """Second pass on a cleaned image: PHI still readable anywhere, as a list of findings.

    Re-reads the whole image (every candidate line, whatever the policy would
    decide) and, around every box (``boxes``, or the rectangles recorded in the
    Graphic Annotation Sequence), a crop one box-height larger on each side, so
    a partly covered word is read again. Findings are ``deny-list`` or a PHI
    pattern name plus where it was seen, never the text read; an empty list
    means clean. Deny-list strings of two characters (state codes, initials)
    are left to the cleaning pass, which removes them: read from the
    texture around a black box they would quarantine clean images.
    """
    policy = policy or PixelPolicy.from_mapping()
    deny_list = DenyList(deny, min_length=3)
    image = decode(ds)
    n_frames, rows, cols = image.display.shape
    if boxes is None:
        boxes = redaction_boxes(ds)
    findings: list[str] = []
    cache: dict[bytes, _LineReading] = {}

    def judge(words: Sequence[tuple[str, float, Box]], where: str) -> None:
        # what is readable: words OCR is reasonably sure of (noise reads as low-confidence junk)
        texts = [text for text, conf, _ in words if conf >= policy.verify_min_confidence]
        kept = {i for i, text in enumerate(texts) if policy.keep.matches_word(text)}
        kept |= technique_values(texts, policy.keep, policy.patterns)
        suspicious = " ".join(text for i, text in enumerate(texts) if i not in kept)
        if not suspicious:
            return
        if deny_list.find(suspicious):
            findings.append(f"deny-list string readable {where}")
            return
        pattern = policy.patterns.first_match(suspicious, STRONG_PHI_PATTERNS)
        if pattern:
            findings.append(f"{pattern} readable {where}")

    try:
        for frame in _frame_indices(n_frames, policy.max_frames_searched):
            lines = find_text_lines(image.stored[frame], image.display[frame], policy.detection, ())
            readings = [_read_line(line, cache) for line in lines]
            read_well = [
                line.n_glyphs > 1 and _reads_well(reading.words, policy.single_stroke_glyph_min_confidence)
                for line, reading in zip(lines, readings, strict=True)
            ]
            for index, (line, reading) in enumerate(zip(lines, readings, strict=True)):
                # the same test of "is this text" as the cleaning pass
                if not _counts_as_text(index, lines, readings, read_well, policy, deny_list):
                    continue
                judge(reading.words, f"in frame {frame} at {list(line.box)}")
            for box in boxes:
                height = max(box[3] - box[1], policy.detection.min_glyph_height)
                x0, y0, x1, y1 = pad_box(tuple(box), height, rows, cols)
                crop = image.display[frame, y0:y1, x0:x1]
                for mask in (crop >= 128, crop < 128):
                    if mask.all() or not mask.any():
                        continue
                    words = ocr.read_text_mask(mask, height, single_line=False)
                    judge([(w.text, w.confidence, w.box) for w in words], f"around box {list(box)}")
    except ocr.OcrUnavailableError as err:
        raise PixelDeidError(f"OCR unavailable: {err}") from err
    return sorted(set(findings))
