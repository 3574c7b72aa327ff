"""Reading candidate text lines by OCR, and judging what was read.

A candidate line (:class:`cxrbuild.dicom.textdetect.TextLine`) is read once
per distinct crop (:func:`read_line`); whether it is text at all is judged
from its shape and its reading (:func:`is_text`, :func:`counts_as_text`),
the same way in the cleaning and in the verification pass; each word read is
then classified (:func:`word_regions`, :mod:`cxrbuild.dicom.phitext`).
:func:`read_around_box` re-reads the text around a black box, for the
verification pass and the leak audit alike.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
from scipy import ndimage

from cxrbuild.dicom import ocr
from cxrbuild.dicom.boxes import Box, covered_fraction, intersects, pad_box, transpose_box, union
from cxrbuild.dicom.phitext import (
    STRONG_PHI_PATTERNS,
    STRONG_REASONS,
    DenyList,
    fold,
    is_short,
    technique_values,
)
from cxrbuild.dicom.pixelpolicy import PixelPolicy
from cxrbuild.dicom.textdetect import HOLES, SMALL_GLYPH_PX, TOUCHING_WORD_ASPECT, TextLine

_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")


@dataclass
class TextRegion:
    """One word (or unreadable line) of burned-in text and what was decided for it."""

    box: Box
    text: str
    decision: str  # "phi" | "keep"
    reason: str
    frame: int = 0
    line: int = -1  # index of the text line it was read in (words of one line share it)
    confidence: float = 0.0  # OCR's confidence in ``text`` (0 for glyphs read as nothing)


@dataclass
class LineReading:
    words: list[tuple[str, float, Box]]  # text, confidence, box in line-crop coordinates


def read_line(line: TextLine, cache: dict[bytes, LineReading]) -> LineReading:
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
                score = _reading_score(found)
                if score > best_score:
                    best, best_score = found, score
            words = best
        cache[key] = LineReading(words)
    return cache[key]


def _readable(words: Sequence[tuple[str, float, Box]], min_confidence: float) -> bool:
    return any(any(ch in _ALNUM for ch in text) and conf >= min_confidence for text, conf, _ in words)


def reads_well(words: Sequence[tuple[str, float, Box]], min_confidence: float) -> bool:
    """A word of two letters or digits or more, read with high confidence."""
    return any(sum(ch in _ALNUM for ch in text) >= 2 and conf >= min_confidence for text, conf, _ in words)


def is_text(line: TextLine, reading: LineReading, policy: PixelPolicy) -> bool:
    """Whether a candidate line is text at all (blobs, icons, wires and bone edges are not).

    Lines at an extreme, device or histogram-spike value are text when they
    read, or when they hold several glyphs (then they are removed even if
    unreadable). Lines found only as thin strokes or as holes in a value
    plane are text when a real word reads with high confidence, or when
    their glyphs stand on one baseline (printed text does, bone edges, wires
    and noise do not) or lie under a line of the learned detector
    (``line.witnessed``), and either read or are several. Faint lines at a
    value are judged as the latter. A line turned 90 degrees must read well,
    or stand on one edge and be seen by the learned detector, shown the
    column upright, as a line of text (``line.witnessed``; the caller asks
    the detector only about lines of several glyphs, see pixels.find_text).
    A loose line of one or two pieces that does not read is text when the detector saw it
    (``line.witnessed``: small letters it could see only up close, see pixels.find_text).
    """
    strict = policy.single_stroke_glyph_min_confidence
    if line.transposed:
        # a column of glyph-like shapes is common in anatomy (vertebrae, rib ends, vessels):
        # a turned line is text when it reads (or reads as PHI, see counts_as_text), or when
        # it looks printed and the detector confirms it (turned outline or dotted fonts do not read)
        return reads_well(reading.words, strict) or (
            line.witnessed and line.aligned >= policy.min_glyph_alignment
        )
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
            return _readable(plausible, strict) or word_at_text_value(line) or line.witnessed
        if reads_well(reading.words, strict):
            return True
        if line.aligned < policy.min_glyph_alignment and not line.witnessed:
            return False
        if line.n_glyphs < 3:
            return (
                _readable(reading.words, policy.single_glyph_min_confidence)
                or word_at_text_value(line)
                or line.witnessed
            )
        return True
    if line.n_glyphs == 1:
        # at a text value, one piece as wide as a word is a word of touching small letters
        # (7 px text runs together): text even when no reading is sure of it (fail safe)
        return _readable(reading.words, policy.single_glyph_min_confidence) or word_at_text_value(line)
    return True


def word_at_text_value(line: TextLine) -> bool:
    """A line of word-wide pieces (one or two) at a text value (an extreme, a device's or a spike's),
    or enclosed in a flat label panel (the panel's holes): small letters run together, text by
    their shape and place whatever any reader makes of them ("WARD 4B  RA768675683" as two pieces)."""
    at_value = not line.loose or (line.plane.endswith(HOLES) and not line.faint)
    return at_value and not line.transposed and line.n_glyphs <= 2 and _word_shaped(line)


def _word_shaped(line: TextLine) -> bool:
    """Every glyph piece at most small-text tall and at least a short word wide."""
    if not line.glyph_boxes:
        return False
    return all(
        y1 - y0 <= 2 * SMALL_GLYPH_PX and x1 - x0 >= TOUCHING_WORD_ASPECT * (y1 - y0)
        for x0, y0, x1, y1 in line.glyph_boxes
    )


def counts_as_text(
    index: int,
    lines: Sequence[TextLine],
    readings: Sequence[LineReading],
    read_well: Sequence[bool],
    policy: PixelPolicy,
    deny: DenyList,
) -> bool:
    """Whether candidate line ``index`` is judged as text, in the cleaning and the verification pass.

    It must be text by its shape and reading, or read as PHI; and it must not be
    a looser or partial view of lines read well elsewhere (they count instead).
    """
    line, reading = lines[index], readings[index]
    if not is_text(line, reading, policy) and not reads_as_phi(reading.words, policy, deny):
        return False
    return read_well[index] or not _spans_other_lines(index, lines, read_well)


# a deny-list entry this long (folded characters) found in words read with a marker's confidence is PHI
UNSURE_DENY_CHARACTERS = 6


def reads_as_phi(words: Sequence[tuple[str, float, Box]], policy: PixelPolicy, deny: DenyList) -> bool:
    """Whether words read with the verification's confidence hold a deny-list string or a
    strong PHI pattern (a date, a time, a long number), or words read with a marker's
    confidence hold a deny-list entry of ``UNSURE_DENY_CHARACTERS`` or more: such a line is
    text whatever its shape (two rows run together, glyphs off one baseline, turned)."""
    readable = " ".join(text for text, conf, _ in words if conf >= policy.verify_min_confidence)
    if readable and (deny.find(readable) or policy.patterns.first_match(readable, STRONG_PHI_PATTERNS) is not None):
        return True
    # the image's own identifiers are no chance reading, even read unsurely (a turned name at 44): an entry of
    # UNSURE_DENY_CHARACTERS or more found in the words read with a marker's confidence
    unsure = " ".join(text for text, conf, _ in words if conf >= policy.keep_min_confidence)
    found = deny.find(unsure) if unsure else None
    return found is not None and len(found) >= UNSURE_DENY_CHARACTERS


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


def _reading_score(words: Sequence[tuple[str, float, Box]]) -> float:
    """Confidence summed over the letters and digits read (how read_line compares two ways up)."""
    return sum(conf * sum(ch in _ALNUM for ch in text) for text, conf, _ in words)


def crosses_rows(index: int, lines: Sequence[TextLine], readings: Sequence[LineReading]) -> bool:
    """True when turned line ``index`` is a column cut through upright text rather than a line
    turned 90 degrees: two or more candidate lines of three glyphs or more, at least half again as
    wide as the column, run across it (the first letters of stacked label lines stand in a column
    too; a row that also runs across another turned line reading better than it is no such line), or the upright lines of two glyphs or more lying within it read better than it does
    turned (a stack of short labels, "kV / 90 / mAs", one word a line: text reads best the right
    way up)."""
    box = lines[index].box
    width = box[2] - box[0]
    upright = [k for k, other in enumerate(lines) if k != index and not other.transposed and intersects(other.box, box)]

    def across_turned(k: int) -> bool:
        """An upright line running across another turned line that reads better than it does is a row of a block of
        turned lines set side by side (their glyphs line up across the block), not upright text."""
        score = _reading_score(readings[k].words)
        return any(
            j != index and other.transposed and intersects(other.box, lines[k].box)
            and _reading_score(readings[j].words) > score
            for j, other in enumerate(lines)
        )

    # (lines of three glyphs or more: two glyphs side by side are as likely two turned columns' glyphs)
    if sum(
        1 for k in upright
        if lines[k].n_glyphs >= 3 and lines[k].box[2] - lines[k].box[0] >= 1.5 * width and not across_turned(k)
    ) >= 2:
        return True
    # the upright lines of two glyphs or more within the column (a lone glyph of a turned line reads as some
    # letter upright too), each row counted once (the best reading of lines that overlap)
    scores = {
        k: _reading_score(readings[k].words)
        for k in upright
        if lines[k].n_glyphs >= 2 and covered_fraction(lines[k].box, box) >= 0.5
    }
    chosen: list[int] = []
    for k in sorted(scores, key=lambda k: -scores[k]):
        if not any(intersects(lines[k].box, lines[j].box) for j in chosen):
            chosen.append(k)
    return sum(scores[k] for k in chosen) > _reading_score(readings[index].words)


def inside_kept_marker(line: TextLine, judged: Sequence[tuple[TextLine, Sequence[TextRegion]]]) -> bool:
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


def mask_box(line: TextLine) -> Box:
    """The line's box where its mask and word boxes live: the frame, or the transposed frame."""
    return transpose_box(line.box) if line.transposed else line.box


def word_regions(
    line: TextLine,
    reading: LineReading,
    policy: PixelPolicy,
    deny: DenyList,
    frame: int,
) -> list[tuple[TextRegion, Box]]:
    """Regions of one line with the exact pixel extent of each (word box ∪ its glyphs).

    A turned line's regions are in the transposed frame, where it runs left to right.
    """
    line_box = mask_box(line)
    ox, oy = line_box[0], line_box[1]
    labels, _count = ndimage.label(line.mask, structure=np.ones((3, 3), dtype=bool))
    components = [
        (s[1].start, s[0].start, s[1].stop, s[0].stop) for s in ndimage.find_objects(labels) if s is not None
    ]
    words = [(text, conf, box) for text, conf, box in reading.words if any(ch in _ALNUM for ch in text) or len(text) > 1]
    if not words:
        box = (ox, oy, line_box[2], line_box[3])
        return [(TextRegion(box, "", policy.unreadable_decision, "unreadable text", frame), box)]
    words = reread_near_misses(line, words, policy, deny)
    decisions = policy.classify([(text, conf) for text, conf, _ in words], deny)
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
    for (text, conf, _box), decision, extent in zip(words, decisions, extents, strict=True):
        absolute = (extent[0] + ox, extent[1] + oy, extent[2] + ox, extent[3] + oy)
        regions.append((TextRegion(absolute, text, decision.decision, decision.reason, frame, confidence=conf), absolute))
    for orphan in orphans:
        absolute = (orphan[0] + ox, orphan[1] + oy, orphan[2] + ox, orphan[3] + oy)
        regions.append((TextRegion(absolute, "", policy.unreadable_decision, "unread glyph", frame), absolute))
    return regions


# a near miss of a keep-list word: at most this many edits from it (and fewer than half its letters)
NEAR_MISS_EDITS = 2
# distinct re-readings of a near miss that must agree on the same keep-list word before it stands
REREAD_AGREEMENT = 1


def _edits(a: str, b: str, limit: int) -> int:
    """Levenshtein distance between ``a`` and ``b``, or ``limit + 1`` once it exceeds ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        current = [i]
        for j, cb in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (ca != cb)))
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def _near_miss(text: str, confidence: float, policy: PixelPolicy) -> bool:
    """Whether a word not kept as read is close to a keep-list word: a few edits from one (after
    folding OCR's confusions), or a keep-list word read below the confidence it needs."""
    keep = policy.keep
    if keep.matches_word(text):
        return True  # on the keep-list, but read below the confidence a keep needs
    # a stray mark read inside the word counts as an edit, not as nothing ("k¥" for "kV")
    folded = "".join(ch if ch.isalnum() and ch.isascii() else "?" for ch in text.strip(".,:;'\"`*()[]{}")).upper()
    folded = fold(folded) if "?" not in folded else folded
    if len(folded) < 2:
        return False
    for target in keep.words | keep.exact_words:  # read again, a word of either list must read exactly
        if len(target) < 2:
            continue
        limit = min(NEAR_MISS_EDITS, max(1, (len(target) - 1) // 2))
        if _edits(folded, target, limit) <= limit:
            return True
    return False


def _reread_variants(crop: np.ndarray, glyph_height: int) -> list[tuple[np.ndarray, int]]:
    """Other views of one word's crop for OCR: other scales, other thresholds of a grey crop,
    strokes closed (dot-matrix letters) and a panel's edge trimmed off (a piece of ink
    spanning the crop's full height beside the letters)."""
    if crop.dtype == bool:
        masks = [crop]
    else:
        grey = crop.astype(np.int16)
        low, high = int(grey.min()), int(grey.max())
        if high - low < 16:
            return []
        masks = [grey < low + (high - low) * level for level in (0.35, 0.5, 0.65)]
    variants: list[tuple[np.ndarray, int]] = []
    seen: set[bytes] = set()  # views OCR would see alike are read once (a vote each, not several)
    for mask in masks:
        if not mask.any() or mask.all():
            continue
        labels, count = ndimage.label(mask, structure=np.ones((3, 3), dtype=bool))
        edges = [
            index + 1
            for index, piece in enumerate(ndimage.find_objects(labels))
            if piece is not None and piece[0].stop - piece[0].start >= mask.shape[0] - 1
        ]
        trimmed = mask & ~np.isin(labels, edges) if edges and len(edges) < count else mask
        closed = ndimage.binary_closing(trimmed, structure=np.ones((3, 3), dtype=bool), border_value=0)
        for view in (trimmed, closed):
            for height in (glyph_height, max(4, glyph_height // 2), glyph_height * 2):
                image, scale = ocr.prepare_crop(view, height)
                key = hashlib.blake2b(image.tobytes() + bytes(f"{image.shape}{scale}", "ascii"), digest_size=16).digest()
                if key not in seen:
                    seen.add(key)
                    variants.append((view, height))
    return variants


def reread_near_misses(
    line: TextLine,
    words: list[tuple[str, float, Box]],
    policy: PixelPolicy,
    deny: DenyList,
) -> list[tuple[str, float, Box]]:
    """Words of a line that OCR read as near misses of keep-list words, read again alone.

    Upscaled bitmap and dot-matrix fonts, panel edges and thin strokes make OCR
    read a label a letter or two off ("UPRIGHT" as "UERIGHI", "PA" as "Pa" with
    too little confidence). Loosening the match would let names through
    (CONSTANCE is two edits from INSTANCE), so a word judged PHI only for not
    being on the keep-list, a few edits from a keep-list word, is read again
    from its own crop in other views (:func:`_reread_variants`); it takes the
    keep-list word only when a view (``REREAD_AGREEMENT`` views, views OCR
    sees alike counted once) reads that very word exactly, as the crop's one
    word, of about the same length and two characters or more, with the confidence a keep needs (a short
    word's for a short one; a long word's approximate bar, not the lower one
    for exact readings), and the line judged with it keeps it. Otherwise the word
    stands as first read. Turned lines are left as read.
    """
    if line.transposed or not words:
        return words
    decisions = policy.classify([(text, conf) for text, conf, _ in words], deny)
    if any(d.reason in STRONG_REASONS for d in decisions):
        return words  # beside a name, ID or date only exact first readings stay
    crop_source = line.grey if line.grey is not None else line.mask
    cols = crop_source.shape[1]
    out = list(words)
    for index, ((text, conf, box), decision) in enumerate(zip(words, decisions, strict=True)):
        if decision.decision != "phi" or not _near_miss(text, conf, policy):
            continue
        margin = max(2, line.glyph_height // 4)
        x0, x1 = max(0, box[0] - margin), min(cols, box[2] + margin)
        crop = crop_source[:, x0:x1]
        votes: dict[str, list[float]] = {}
        for view, height in _reread_variants(crop, line.glyph_height):
            read = [w for w in ocr.read_text_mask(view, height) if any(ch in _ALNUM for ch in w.text)]
            if len(read) != 1:
                continue
            new, new_conf = read[0].text, read[0].confidence
            short = is_short(new)
            needed = max(policy.keep_min_confidence, policy.short_keep_min_confidence) if short else policy.keep_min_confidence
            if new_conf < needed or abs(len(fold(new)) - len(fold(text))) > 1:
                continue
            if sum(ch in _ALNUM for ch in new) < 2:
                continue  # a lone letter read again is as likely a piece of a name as a marker ("L")
            if not policy.keep.matches_word(new, exact=True):
                continue
            votes.setdefault(new, []).append(new_conf)
        agreed = [(len(confs), max(confs), new) for new, confs in votes.items() if len(confs) >= REREAD_AGREEMENT]
        if not agreed:
            continue
        _count, best_conf, best = max(agreed)
        trial = list(out)
        trial[index] = (best, best_conf, box)
        if policy.classify([(t, c) for t, c, _ in trial], deny)[index].decision == "keep":
            out = trial
    return out


# a view's PHI word yields to a clearer view's kept word only when it is this much inside it
SAME_GLYPHS_FRACTION = 0.5


def settle_views(judged: Sequence[tuple[TextLine, Sequence[TextRegion]]]) -> None:
    """Let the clearest reading decide words that several candidate lines read from the same glyphs.

    The binarization planes and the learned detector find one label several
    times, and OCR reads each view a little differently ("GRID" at 96 and
    "GAID" at 85, "mAs 3.2" with the value at 38 in one view and at 97 in
    the other); every view is judged, and any view's PHI word blacks out
    glyphs the other view keeps, so labels lost a word or all of it. A word
    judged PHI only for not being on the keep-list (or for a name's shape),
    or glyphs read as nothing, lying mostly inside a word another line kept,
    is kept too when that word was read with higher confidence or reads the
    same up to OCR's confusions ("BS" for "85" beside "kVp"). A word with
    evidence of PHI (deny-list, a PHI label or a strong pattern) is never
    overruled, and neither is a word the kept one does not mostly cover. The
    regions are changed in place.
    """
    kept = [
        (line, region)
        for line, regions in judged
        for region in regions
        if region.decision == "keep"
    ]
    if not kept:
        return
    for line, regions in judged:
        for region in regions:
            if region.decision != "phi" or region.reason in STRONG_REASONS:
                continue
            area = max(1, (region.box[2] - region.box[0]) * (region.box[3] - region.box[1]))
            for other_line, other in kept:
                if other_line is line or other_line.transposed != line.transposed:
                    continue
                if covered_fraction(region.box, other.box) < SAME_GLYPHS_FRACTION:
                    continue
                other_area = (other.box[2] - other.box[0]) * (other.box[3] - other.box[1])
                if area < 0.3 * other_area:
                    continue  # a piece of the word, not the word read again
                same = bool(region.text) and fold(region.text) == fold(other.text)
                if other.confidence > region.confidence or same:
                    region.decision, region.reason = "keep", "keep-list (clearer view)"
                    break


# a kept word one glyph wide (at most this many of its heights) standing between PHI words of its row
LONE_GLYPH_ASPECT = 1.2
# ...each at most this many glyph heights from it
LONE_GLYPH_REACH = 2.0


def settle_lone_glyphs(regions: Sequence[TextRegion]) -> None:
    """Judge PHI a kept word one glyph wide that stands between PHI words of its row.

    OCR reads an odd glyph of a PHI line alone now and then (a letter drawn in dots, a letter across
    a panel's edge), and a lone letter it makes of it may be on the keep-list ("E", "S"): kept, it
    splits the line's run, and its glyph stays readable between the blacked-out words. A word no
    wider than :data:`LONE_GLYPH_ASPECT` of its height, with a PHI word on each side in its rows
    (of the same frame, sharing half the taller one's rows) at most :data:`LONE_GLYPH_REACH`
    of the smaller one's heights away, is part of their line (fail closed: a marker between two PHI words is removed
    with them). The regions are changed in place.
    """
    removed = [region for region in regions if region.decision == "phi"]
    for region in regions:
        x0, y0, x1, y1 = region.box
        height = y1 - y0
        if region.decision != "keep" or height <= 0 or x1 - x0 > LONE_GLYPH_ASPECT * height:
            continue
        sides = set()
        for other in removed:
            if other.frame != region.frame:
                continue
            # in its row: sharing half the rows of the taller of the two (a tall marker beside a small line is no
            # glyph of it), within reach of the smaller's height
            overlap = min(y1, other.box[3]) - max(y0, other.box[1])
            if overlap < 0.5 * max(height, other.box[3] - other.box[1]):
                continue
            reach = LONE_GLYPH_REACH * min(height, other.box[3] - other.box[1])
            if other.box[2] <= x0 + 1 and x0 - other.box[2] <= reach:
                sides.add("left")
            elif other.box[0] >= x1 - 1 and other.box[0] - x1 <= reach:
                sides.add("right")
        if sides == {"left", "right"}:
            region.decision, region.reason = "phi", "lone glyph between PHI words"


# an upright line this much inside turned lines that read well is their glyphs read across
ACROSS_TURNED_FRACTION = 0.9


def read_across_turned(
    judged: Sequence[tuple[TextLine, Sequence[TextRegion]]], removed_turned: Sequence[Box]
) -> list[tuple[TextLine, Sequence[TextRegion]]]:
    """``judged`` without the upright lines that are turned lines' glyphs read the wrong way.

    A column of text turned 90 degrees, seen upright, is a row of tall "glyphs" (each a slice of
    the column's letters) that OCR reads as junk: a PHI word for its name-like shape, or unreadable
    text, whose run takes the column's whole length as its glyph height and grows along its row by
    that much into the picture. When such a line lies almost wholly (``ACROSS_TURNED_FRACTION``)
    inside the words that turned lines reading well remove (``removed_turned``, frame coordinates), their
    reading removes its glyphs: it is left out. "Inside" counts the line's glyph pixels (its box's, when
    it has no mask): the ground between two turned columns is no glyph of either. A line over a turned
    line's kept words stays, and so does a line with a word of strong PHI evidence (deny-list, a PHI
    label, a strong pattern).
    """
    if not removed_turned:
        return list(judged)
    kept: list[tuple[TextLine, Sequence[TextRegion]]] = []
    for line, regions in judged:
        if line.transposed or any(region.decision == "phi" and region.reason in STRONG_REASONS for region in regions):
            kept.append((line, regions))
            continue
        x0, y0, x1, y1 = line.box
        inside = np.zeros((max(1, y1 - y0), max(1, x1 - x0)), dtype=bool)
        for bx0, by0, bx1, by1 in removed_turned:
            inside[max(0, by0 - y0) : max(0, by1 - y0), max(0, bx0 - x0) : max(0, bx1 - x0)] = True
        glyphs = line.mask if line.mask is not None and line.mask.shape == inside.shape and line.mask.any() else None
        share = float(inside[glyphs].mean()) if glyphs is not None else float(inside.mean())
        if share < ACROSS_TURNED_FRACTION:
            kept.append((line, regions))
    return kept


def holds_marker(words: Sequence[tuple[str, float, Box]], policy: PixelPolicy) -> bool:
    """Whether a word of four characters or more, read with the single-glyph confidence, is on the keep-list."""
    return any(
        conf >= policy.single_glyph_min_confidence and policy.keep.matches_word(text)
        for text, conf, _ in words
        if len(text) > 3
    )


def readable_phi(words: Sequence[tuple[str, float, Box]], policy: PixelPolicy, deny: DenyList) -> str | None:
    """What PHI is readable in ``words``: ``"deny-list string"``, a strong PHI pattern's name, or None.

    Only words OCR is reasonably sure of count (noise reads as low-confidence
    junk); kept markers and technique values are left out.
    """
    texts = [text for text, conf, _ in words if conf >= policy.verify_min_confidence]
    kept = {i for i, text in enumerate(texts) if policy.keep.matches_word(text)}
    kept |= technique_values(texts, policy.keep, policy.patterns)
    suspicious = " ".join(text for i, text in enumerate(texts) if i not in kept)
    if not suspicious:
        return None
    if deny.find(suspicious):
        return "deny-list string"
    return policy.patterns.first_match(suspicious, STRONG_PHI_PATTERNS)


def read_around_box(display: np.ndarray, box: Box, min_height: int) -> tuple[Box, list[list[ocr.OcrWord]]]:
    """The text around a black box: a partly covered word is where a redaction most often leaks.

    ``display`` is one 8-bit display frame; the crop reaches one box height
    (at least ``min_height``) beyond the box on each side, clipped to the
    frame, and is read as a block of text in both polarities (bright text,
    then dark text, at the display's mid grey), skipping a polarity that
    leaves the crop all one way. Returns the crop's box and the words of each
    polarity read.
    """
    rows, cols = display.shape
    height = max(box[3] - box[1], min_height)
    x0, y0, x1, y1 = crop_box = pad_box(tuple(box), height, rows, cols)
    crop = display[y0:y1, x0:x1]
    readings = []
    for glyphs in (crop >= 128, crop < 128):
        if glyphs.all() or not glyphs.any():
            continue
        readings.append(ocr.read_text_mask(glyphs, height, single_line=False))
    return crop_box, readings


# a word of a label printed one word a row ("kVp" over "110"): the word above or below stands
# within this many glyph heights of it, over some of its columns
STACK_GAP = 1.5
STACK_HEIGHT_RATIO = 1.6
# reasons a word stacked under (or over) its label may yield: no evidence of PHI, only not kept
_WEAK_REASONS = frozenset({"not on keep-list", "name_like"})


def settle_stacks(
    regions: Sequence[TextRegion], heights: Sequence[int], policy: PixelPolicy, deny: DenyList
) -> None:
    """Judge the words of a label printed one word a row together, as they read down.

    Consoles stack a technique label ("kVp" over "110" over "mAs" over "2.5"), an image
    counter ("2" over "OF" over "2") or a position and its incline ("SEMI-ERECT" over "45")
    one word a row; each row judged alone leaves its number with nothing to be the value of,
    and a lone "OF" is no marker. A word that is the only word of its line, judged PHI only
    for not being kept (no deny-list hit, PHI label or PHI pattern), is kept when the words
    stacked over and under it (each the only word of its line, of a similar height, over some
    of its columns, within :data:`STACK_GAP` glyph heights), read in order with it, are judged
    kept with it by the keep-list's own rules (:meth:`PixelPolicy.classify`), and none of them
    is PHI for a reason of its own. The regions are changed in place.
    """
    per_line: dict[tuple[int, int], int] = {}
    for region in regions:
        per_line[(region.frame, region.line)] = per_line.get((region.frame, region.line), 0) + 1
    alone = [
        index
        for index, region in enumerate(regions)
        if per_line[(region.frame, region.line)] == 1 and region.text and region.line >= 0
    ]

    def next_to(index: int, below: bool) -> int | None:
        box, height = regions[index].box, heights[index]
        best, best_gap = None, None
        for other in alone:
            if other == index or regions[other].frame != regions[index].frame:
                continue
            obox, oheight = regions[other].box, heights[other]
            if max(height, oheight) > STACK_HEIGHT_RATIO * max(1, min(height, oheight)):
                continue
            if min(box[2], obox[2]) <= max(box[0], obox[0]):
                continue  # not over any of its columns
            gap = obox[1] - box[3] if below else box[1] - obox[3]
            # boxes grown for OCR may overlap a little; more is the same glyphs seen again
            if gap > STACK_GAP * max(height, oheight) or gap < -0.5 * min(box[3] - box[1], obox[3] - obox[1]):
                continue
            if best_gap is None or gap < best_gap:
                best, best_gap = other, gap
        return best

    changed = []
    for index in alone:
        region = regions[index]
        if region.decision != "phi" or region.reason not in _WEAK_REASONS:
            continue
        above = next_to(index, below=False)
        below = next_to(index, below=True)
        above2 = next_to(above, below=False) if above is not None else None
        below2 = next_to(below, below=True) if below is not None else None
        windows = [
            [above2, above, index],
            [above, index, below],
            [index, below, below2],
            [above, index],
            [index, below],
        ]
        for window in windows:
            if None in window:
                continue
            members = [regions[i] for i in window]  # type: ignore[index]
            if any(m.decision == "phi" and m.reason not in _WEAK_REASONS for m in members):
                continue
            decisions = policy.classify([(m.text, m.confidence) for m in members], deny)
            if all(d.decision == "keep" for d in decisions):
                changed.append(index)
                break
    for index in changed:
        regions[index].decision, regions[index].reason = "keep", "keep-list (stacked label)"
