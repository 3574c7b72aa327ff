"""Reading short text at any angle: laterality markers and labels turned, mirrored or drawn large.

Lead markers and console labels are placed by hand: an "R" may stand at
130 degrees, an "L LAT" mirrored (the marker read from behind the
detector), a "RT" upside down. OCR reads such glyphs as other letters with
low confidence, and the fail-safe blacks out what is not read with
confidence, so the markers radiologists need were lost. Here a short
candidate (a few glyphs, or a short line) that is not read as kept text as
it stands is read again upright: the angle of its ink is estimated (the
minimum-area rectangle around it), the crop is upscaled and turned so that
rectangle is level, and each of the four right-angle turns of it, plain and
mirrored, is read; the reading with the best confidence wins. It replaces
the line's reading only when every word of it is kept by the keep-list's own
test (a confident reading of a keep-list entry): anything else, a name
turned on its side included, keeps the reading it had and is judged as
before.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator, Sequence

import numpy as np
from PIL import Image
from scipy import ndimage

from cxrbuild.dicom import ocr
from cxrbuild.dicom.boxes import Box, covered_fraction, union
from cxrbuild.dicom.phitext import DenyList
from cxrbuild.dicom.pixelpolicy import PixelPolicy
from cxrbuild.dicom.reading import LineReading, reads_as_phi, word_regions
from cxrbuild.dicom.textdetect import TextLine

MAX_GLYPHS = 6  # a candidate of more glyphs is a line of text, read as it stands
MAX_LENGTH_HEIGHTS = 8.0  # ...and so is one longer than this many glyph heights
MAX_GROUPS = 4  # candidates read upright per frame (each costs eight OCR reads)
# lines not judged text are blacked out only beside PHI; of them only glyphs this tall (a lead
# marker's size) are read upright, the many small strays of anatomy are not worth the reads
MIN_STRAY_HEIGHT = 12
READ_HEIGHT = 32  # px: the glyph height the upscaled crop is turned and read at
MAX_SCALE = 6
# glyphs of a size this many glyph heights from a candidate, in any plane, make it part of
# longer text ("Age: 95" with the "e:" unseen is no marker "R" and a number)
NEIGHBOUR_GAP = 2.0
# a candidate this many times longer than it is high (or high than long) is a level row (or a
# standing column): only glyphs along it can be more of its text
LEVEL_RATIO = 2.0
HEIGHT_RATIO = 1.6  # lines of glyphs this much taller or smaller belong to other text
ANGLE_STEP = 2  # degrees between the rectangles tried for the ink's angle
# a mirrored reading must be this much more confident than every plain one to win: OCR reads
# mirrored glyphs as other letters with high confidence (a mirrored "R" as "A" at 95), and
# mirrored markers are rarer than turned ones
MIRROR_MARGIN = 5.0
# two views of one candidate: each box lies at least this much inside the other
SAME_VIEW_SHARE = 0.5

_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")

Words = list[tuple[str, float]]


def ink_angle(mask: np.ndarray) -> float:
    """The angle (degrees, 0 to 90) of the smallest rectangle around the ink of ``mask``.

    A glyph or a short line stands level in its smallest rectangle, up to a
    right angle (the turns tried after). Only the ink's outline is used.
    """
    edge = mask & ~ndimage.binary_erosion(mask)
    ys, xs = np.nonzero(edge)
    if xs.size < 3:
        return 0.0
    angles = np.deg2rad(np.arange(0, 90, ANGLE_STEP, dtype=np.float64))
    cos, sin = np.cos(angles), np.sin(angles)
    along = np.outer(xs, cos) + np.outer(ys, sin)
    across = np.outer(ys, cos) - np.outer(xs, sin)
    area = np.ptp(along, axis=0) * np.ptp(across, axis=0)
    return float(np.degrees(angles[int(np.argmin(area))]))


def _ink_crop(mask: np.ndarray) -> np.ndarray:
    rows, cols = np.nonzero(mask.any(axis=1))[0], np.nonzero(mask.any(axis=0))[0]
    if rows.size == 0:
        return mask
    return mask[rows[0] : rows[-1] + 1, cols[0] : cols[-1] + 1]


def orientations(mask: np.ndarray, glyph_height: int) -> Iterator[np.ndarray]:
    """The ink of ``mask`` upscaled, levelled by :func:`ink_angle`, in its four right-angle
    turns, each plain and mirrored (eight boolean crops, the levelled one first)."""
    scale = int(np.clip(np.ceil(READ_HEIGHT / max(glyph_height, 1)), 1, MAX_SCALE))
    angle = ink_angle(mask)
    image = Image.fromarray(np.where(mask, 255, 0).astype(np.uint8))
    height, width = mask.shape
    if scale > 1:
        image = image.resize((width * scale, height * scale), Image.BILINEAR)
    if angle:
        image = image.rotate(angle, resample=Image.BILINEAR, expand=True, fillcolor=0)
    level = _ink_crop(np.asarray(image) >= 128)
    for turns in range(4):
        turned = np.rot90(level, turns)
        yield np.ascontiguousarray(turned)
        yield np.ascontiguousarray(np.fliplr(turned))


def _score(words: Words) -> float:
    """Mean confidence of the letters and digits read (each word weighted by how many it has)."""
    counts = [sum(ch in _ALNUM for ch in text) for text, _ in words]
    if not sum(counts):
        return -1.0
    return sum(conf * count for (_, conf), count in zip(words, counts, strict=True)) / sum(counts)


def read_any_orientation(
    mask: np.ndarray, glyph_height: int, accept: Callable[[Words], bool] | None = None
) -> Words:
    """The most confident reading of ``mask`` in any of :func:`orientations` (text, confidence);
    mirrored readings count :data:`MIRROR_MARGIN` less.

    ``accept`` given (a reading is kept text) and the winner not accepted, a mirrored reading it
    accepts wins when it is within :data:`MIRROR_MARGIN` of every plain reading: a mirrored "R"
    reads plain as an "A" or, upside down, a "B" as confidently as mirrored back as "R", and the
    margin that keeps mirrored misreadings of plain text from winning would lose it.
    """
    readings: list[tuple[Words, float, bool]] = []
    for index, crop in enumerate(orientations(mask, glyph_height)):
        # the crop's own ink height: a glyph's height when it is upright
        words = [(w.text, w.confidence) for w in ocr.read_text_mask(crop, max(crop.shape[0], 1))]
        readings.append((words, _score(words), bool(index % 2)))
    best: Words = []
    best_score = -1.0
    for words, score, mirrored in readings:
        score -= MIRROR_MARGIN if mirrored else 0.0
        if score > best_score:
            best, best_score = words, score
    if accept is None or accept(best):
        return best
    plain = max((score for _, score, mirrored in readings if not mirrored), default=-1.0)
    mirrored_kept = [
        (score, words) for words, score, mirrored in readings if mirrored and score >= plain - MIRROR_MARGIN and accept(words)
    ]
    return max(mirrored_kept, key=lambda pair: pair[0])[1] if mirrored_kept else best


# lone letters OCR gives for many other glyphs turned or mirrored: a turned K, V, Y or 7 and a mirrored
# R read as an A at 90 or more, so a reading that is only one of these is evidence of nothing
TURNED_SINKS = frozenset({"A"})


def all_kept(words: Words, policy: PixelPolicy, deny: DenyList) -> bool:
    """Whether every word is kept by the keep-list's own test (and there is a word), and the reading
    is not one lone letter of ``TURNED_SINKS``."""
    words = [(text, conf) for text, conf in words if any(ch in _ALNUM for ch in text) or len(text) > 1]
    if not words or [text.strip(".,:;").upper() for text, _ in words] in ([sink] for sink in TURNED_SINKS):
        return False
    decisions = policy.classify(words, deny)
    return all(decision.decision == "keep" for decision in decisions)


def _short(line: TextLine) -> bool:
    x0, y0, x1, y1 = line.box
    return line.n_glyphs <= MAX_GLYPHS and max(x1 - x0, y1 - y0) <= MAX_LENGTH_HEIGHTS * max(line.glyph_height, 1)


def _near(a: Box, b: Box, gap: int) -> bool:
    return a[0] - gap < b[2] and b[0] - gap < a[2] and a[1] - gap < b[3] and b[1] - gap < a[3]


def _continues(box: Box, other: Box) -> bool:
    """Whether ``other`` lies where text continuing ``box`` would: anywhere around a candidate
    as tall as wide (a glyph or two at any angle), only beside it along its length when it is
    a row or a column (a word's letters run along it; a mark above or below a level word, or
    beside a standing one, is other text)."""
    width, height = box[2] - box[0], box[3] - box[1]
    if width >= LEVEL_RATIO * height:
        return min(box[3], other[3]) > max(box[1], other[1])
    if height >= LEVEL_RATIO * width:
        return min(box[2], other[2]) > max(box[0], other[0])
    return True


def _similar(a: int, b: int) -> bool:
    return max(a, b) <= HEIGHT_RATIO * max(1, min(a, b))


def _frame_mask(line: TextLine) -> np.ndarray:
    return line.mask.T if line.transposed else line.mask


def recover_orientation(
    lines: Sequence[TextLine],
    readings: Sequence[LineReading],
    counted: Sequence[bool],
    policy: PixelPolicy,
    deny: DenyList,
    cache: dict[bytes, Words],
) -> list[LineReading]:
    """The readings of ``lines`` with short candidates that read as kept text upright read so.

    A candidate is short (:data:`MAX_GLYPHS`, :data:`MAX_LENGTH_HEIGHTS`),
    at least the smallest glyph height (:data:`MIN_STRAY_HEIGHT` for lines
    not judged text), not read as kept text as it stands
    and not read as PHI. It is read together with the lines of its own plane
    within a glyph height of it (the glyphs of "R PA" at 45 degrees fall in
    several lines), and not at all when any other candidate line of its size
    lies within :data:`NEIGHBOUR_GAP` glyph heights and reaches beyond it
    where its text would go on (it is then part of longer text, some of whose
    glyphs may be unseen): along a level row or a standing column, any side of
    a candidate as tall as wide. ``counted`` says which lines
    were judged text (they are tried first; at most :data:`MAX_GROUPS` per
    frame). When the best upright reading is kept in full, each line of the
    group reads as it, its words spanning the line's crop (every glyph in the
    line is the kept text); so do other candidates lying mostly inside the
    group that did not read as kept text themselves (other planes' views of
    the same glyphs).
    """
    out = list(readings)
    min_height = policy.detection.min_glyph_height
    unsure: list[int] = []
    for index, (line, reading) in enumerate(zip(lines, readings, strict=True)):
        if line.glyph_height < (min_height if counted[index] else max(min_height, MIN_STRAY_HEIGHT)):
            continue
        if not _short(line):
            continue
        if reads_as_phi(reading.words, policy, deny):
            continue
        regions = word_regions(line, reading, policy, deny, 0)
        if regions and all(region.decision == "keep" for region, _ in regions):
            continue
        unsure.append(index)
    unsure.sort(key=lambda i: (not counted[i], -lines[i].glyph_height))
    done: set[int] = set()
    recovered: list[tuple[Box, int, Words]] = []
    tried = 0
    for seed in unsure:
        if seed in done:
            continue
        line = lines[seed]
        for box, height, words in recovered:
            if _similar(height, line.glyph_height) and covered_fraction(line.box, box) >= 0.6:
                out[seed] = _spanning(line, words)
                done.add(seed)
                break
        if seed in done or tried >= MAX_GROUPS:
            continue
        group = _group(seed, lines)
        if sum(lines[i].n_glyphs for i in group) > MAX_GLYPHS:
            continue
        box = lines[group[0]].box
        for i in group[1:]:
            box = union(box, lines[i].box)
        if max(box[2] - box[0], box[3] - box[1]) > MAX_LENGTH_HEIGHTS * line.glyph_height:
            continue
        if any(
            i not in group
            and _similar(other.glyph_height, line.glyph_height)
            and _near(other.box, box, NEIGHBOUR_GAP * line.glyph_height)
            and covered_fraction(other.box, box) < 0.5
            and _continues(box, other.box)
            for i, other in enumerate(lines)
        ):
            continue  # glyphs of longer text (some of its glyphs may be missing between them)
        mask = np.zeros((box[3] - box[1], box[2] - box[0]), dtype=bool)
        for i in group:
            member = lines[i]
            x0, y0, x1, y1 = member.box
            piece = _frame_mask(member)
            if piece.shape == (y1 - y0, x1 - x0):
                mask[y0 - box[1] : y1 - box[1], x0 - box[0] : x1 - box[0]] |= piece
        if not mask.any():
            continue
        key = hashlib.blake2b(mask.tobytes() + bytes(f"{mask.shape}{line.glyph_height}", "ascii"), digest_size=16).digest()
        if key not in cache:
            tried += 1
            cache[key] = read_any_orientation(
                mask, line.glyph_height, accept=lambda words: all_kept(words, policy, deny)
            )
        words = cache[key]
        done.update(group)
        if not all_kept(words, policy, deny):
            continue
        recovered.append((box, line.glyph_height, words))
        for i in group:
            out[i] = _spanning(lines[i], words)
    # another plane's view of glyphs read upright later (tried first, its own view read no better, or
    # its box a little wider than theirs): the recovered reading of those glyphs holds for it too
    for seed in unsure:
        if out[seed] is not readings[seed]:
            continue
        line = lines[seed]
        for box, height, words in recovered:
            if _similar(height, line.glyph_height) and min(
                covered_fraction(line.box, box), covered_fraction(box, line.box)
            ) >= SAME_VIEW_SHARE:
                out[seed] = _spanning(line, words)
                break
    return out


def _group(seed: int, lines: Sequence[TextLine]) -> list[int]:
    """``seed`` and the lines of its plane within one glyph height of it or of each other."""
    group = [seed]
    plane = lines[seed].plane
    height = lines[seed].glyph_height
    grew = True
    while grew:
        grew = False
        for index, line in enumerate(lines):
            if index in group or line.plane != plane or not _similar(line.glyph_height, height):
                continue
            if any(_near(line.box, lines[member].box, height) for member in group):
                group.append(index)
                grew = True
    return group


def _spanning(line: TextLine, words: Words) -> LineReading:
    """A reading of ``line`` as ``words``, each spanning the line's crop (in its mask's coordinates)."""
    rows, cols = line.mask.shape
    return LineReading([(text, conf, (0, 0, cols, rows)) for text, conf in words])
