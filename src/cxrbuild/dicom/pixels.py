"""Burned-in text in the pixels: find it, read it, black out the PHI, keep the markers.

The MIMIC-CXR recipe, per image:

1. decode every frame and render it as a viewer would (:mod:`cxrbuild.dicom.display`:
   Modality LUT, then VOI LUT or window, PS3.3 C.11.1 and C.11.2; MONOCHROME1
   and an INVERSE Presentation LUT Shape shown inverted, PS3.3 C.7.6.3.1.2
   and C.11.6);
2. find candidate text lines (:mod:`cxrbuild.dicom.textdetect`): binarize at
   the extreme stored values, at the manufacturer's text values and at strong
   local contrast, keep glyph-shaped components, group them into lines; and
   where the learned detector (:mod:`cxrbuild.dicom.scenetext`) sees text;
3. OCR only those lines and judge which are text (:mod:`cxrbuild.dicom.reading`,
   over :mod:`cxrbuild.dicom.ocr`, one Tesseract per process);
4. classify each word (:mod:`cxrbuild.dicom.phitext`): deny-list, PHI
   patterns, keep-list, then the policy default (remove);
5. join the PHI words into padded runs (:mod:`cxrbuild.dicom.phiruns`), cut
   down to their glyphs (:func:`glyph_boxes`), and black them out in the
   stored values of every frame (:mod:`cxrbuild.dicom.redact`), everything
   else untouched.

This module runs those steps; boxes and their geometry are in
:mod:`cxrbuild.dicom.boxes`, the policy and :class:`PixelDeidError` in
:mod:`cxrbuild.dicom.pixelpolicy`. :func:`verify_pixels` is the independent
second pass on the cleaned image. Errors that make an image unsafe to
release raise :class:`PixelDeidError`, whose message is one line; the
pipeline quarantines the file on it.

``TextRegion.text`` holds what OCR read, which is PHI for removed words: it is
for tests and measurements, never for logs or manifests (``reason`` is safe).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

import numpy as np
from pydicom.dataset import Dataset
from scipy import ndimage

from cxrbuild.dicom import ocr, redact, scenetext
from cxrbuild.dicom.annotation import redaction_boxes
from cxrbuild.dicom.boxes import (
    Box,
    covered_fraction,
    intersects,
    merge_boxes,
    outside,
    pad_box,
    transpose_box,
    union,
)
from cxrbuild.dicom.display import SUPPORTED_PHOTOMETRICS, DecodedImage, decode
from cxrbuild.dicom.phiruns import boxes_from_regions, join_runs, phi_runs
from cxrbuild.dicom.phitext import STRONG_REASONS, DenyList
from cxrbuild.dicom.pixelpolicy import PixelDeidError, PixelPolicy
from cxrbuild.dicom.reading import (
    LineReading,
    TextRegion,
    counts_as_text,
    crosses_rows,
    holds_marker,
    inside_kept_marker,
    is_text,
    mask_box,
    read_across_turned,
    read_around_box,
    read_line,
    readable_phi,
    reads_as_phi,
    reads_well,
    settle_lone_glyphs,
    settle_stacks,
    settle_views,
    word_at_text_value,
    word_regions,
)
from cxrbuild.dicom.textdetect import (
    TextLine,
    find_text_lines,
    line_in_box,
    max_glyph_height,
    stroke_map,
)
from cxrbuild.dicom.upright import recover_orientation

__all__ = [
    "SUPPORTED_PHOTOMETRICS",
    "Box",
    "DecodedImage",
    "PixelDeidError",
    "PixelPolicy",
    "PixelResult",
    "TextRegion",
    "blackout",
    "clean_pixels",
    "decode",
    "find_text",
    "glyph_boxes",
    "merge_boxes",
    "verify_pixels",
]


@dataclass
class PixelResult:
    """Boxes blacked out (padded, image coordinates, all frames) and every text region seen."""

    boxes: list[Box]
    regions: list[TextRegion]
    transfer_syntax: str = ""  # the syntax the Pixel Data is in now
    source_transfer_syntax: str = ""  # the syntax it was read in


# a line that does not read is shown to the learned detector (TextLine.witnessed) only with this many glyphs
MIN_WITNESSED_GLYPHS = 3
# a mark between two PHI words at most this many glyph heights apart, and at most this share of a glyph
# height in either direction, is their punctuation (see _gaps_between)
PUNCTUATION_GAP = 3.0
PUNCTUATION_SHARE = 0.6
MIN_INK_PIXELS = 3  # smaller pieces of ink in a removed run are the ground's noise
# the text's polarity: the other polarity's "ink" lies at most this share as far from the ground
GROUND_SHARE = 0.35
# glyph boxes this close on their row join (px; half a glyph height at most): far less keeps blackout near glyphs
MAX_JOIN_GAP = 12
# a piece of ink this share of a glyph height tall or wide is a letter; smaller ones must stand beside one
LETTER_SHARE = 0.45
# a piece of the detection's boxes no taller than this many glyph heights may be a line of faint text of its own
MAX_LINE_HEIGHTS = 1.4
# what is blacked out reaches this far (px, beyond the glyph margin) above and below the glyphs' band
BAND_SLACK_PX = 2
# a speck of ink (under MIN_INK_PIXELS) this close (px) to a glyph is a dot of it
SPECK_REACH_PX = 3
# a small piece of ink within half a glyph height, and at least this many px, of a letter is a mark of it
MIN_DOT_REACH_PX = 6
# ...above or below it, within this share of a glyph height (an accent, the dot of an i, a comma's tail)
MARK_ACROSS_SHARE = 0.25
# a joined group's letters stand in rows reaching this share of a glyph height past where most of them
# begin and end (a round letter's overshoot, an uneven row of glyphs found); what reaches farther keeps its own box
ROW_TOLERANCE = 0.15
# a piece of ink in a group taller than this many glyph heights is glyphs joined to the ground around them
# (a panel's rim, texture): where words were read over them, what is blacked out keeps to the words' rows
MERGED_HEIGHT = 1.4
# a piece of ink this many px tall and wide, in text this tall, has ground inside its box (a letter's
# counters, the corners beside an A's slopes) farther from its strokes than a margin: it is blacked
# out as its strokes grown by SHAPE_MARGIN_PX, not as its box
BIG_GLYPH_PX = 20
SHAPE_MARGIN_PX = 6
# a pixel beside a big letter is its ground within this share of the strokes' contrast with the ground
GROUND_TOLERANCE = 0.25
# ... and the ground beside it is flat (a panel's) when at most this share of it is not at that value
FLAT_GROUND_SHARE = 0.05
# ... or, on a ground that is not flat, the mean of the pixels away from the strokes this many px around each
# pixel (at least MIN_LOCAL_GROUND of them): a letter over smooth anatomy is cut as on a panel
LOCAL_GROUND_PX = 12
MIN_LOCAL_GROUND = 12
# ... a pixel stands off that ground when it differs from it by more than this many times the ground's own
# texture (this percentile of the ground pixels' differences)
LOCAL_TEXTURE_PERCENTILE = 95
LOCAL_TEXTURE_FACTOR = 1.5
# what is blacked out of a glyph's box on a flat ground: its pixels within this many px of a stroke pixel
# (the antialiased edge), and every pixel not at the ground's value; kept or not in square cells this wide
STROKE_REACH_PX = 4
STROKE_CELL_PX = 4
# a piece of ink with fewer of its box's pixels near strokes than this share is a letter known by its box
# (the detection's glyph box, its strokes not found): its box is blacked out whole
MIN_STROKE_COVER = 0.25


# a stray candidate line inside a PHI run this much, as wide as this many of its heights and of a
# glyph height like the run's, is a field of it whose glyphs must be found (see find_text's tighten)
STRAY_INSIDE = 0.8
STRAY_WORD_ASPECT = 2.0
STRAY_HEIGHT_RATIO = 1.6


def _frame_indices(n_frames: int, limit: int) -> list[int]:
    if n_frames <= limit:
        return list(range(n_frames))
    picks = np.linspace(0, n_frames - 1, num=max(2, limit)).round().astype(int)
    return sorted(set(picks.tolist()))


def find_text(
    ds: Dataset, deny: Sequence[str], policy: PixelPolicy, image: DecodedImage | None = None
) -> tuple[list[TextRegion], list[Box], DecodedImage]:
    """Every text region in the image with its decision, and the padded PHI boxes."""
    image = image or decode(ds)
    deny_list = DenyList(deny)
    values = policy.text_values_for(str(ds.get("Manufacturer", "")))
    n_frames, rows, cols = image.display.shape
    cache: dict[bytes, LineReading] = {}
    upright_cache: dict[bytes, list[tuple[str, float]]] = {}
    regions: list[TextRegion] = []
    heights: list[int] = []
    line_index = -1
    line_boxes: dict[tuple[int, int], Box] = {}
    ink = np.zeros((rows, cols), dtype=bool)  # the glyph pixels of the lines taken as text, every frame
    strokes = np.zeros((rows, cols), dtype=bool)  # of those, the pixels their masks hold (not their glyph boxes)
    turned_regions: list[TextRegion] = []  # regions of lines turned 90 degrees
    turned_runs: list[tuple[Box, int]] = []  # ...and their PHI runs (in the transposed frame)
    # candidate lines not taken as text: blacked out only where they adjoin PHI.
    # Frames share one box list, so strays of every frame are pooled.
    strays: list[tuple[Box, int]] = []
    # the detector's answers about a frame's lines, each asked once: the lines are judged again after a look up close
    answers: dict[tuple[int, str], bool] = {}

    def asked(question: Callable[..., bool], line: TextLine, *context: object) -> bool:
        key = (id(line), question.__name__)
        if key not in answers:
            answers[key] = question(line, *context)
        return answers[key]

    def judge(
        lines: list[TextLine], learned: scenetext.SceneText | None, frame: int
    ) -> tuple[list[tuple[TextLine, list[TextRegion]]], list[tuple[Box, int]], list[LineReading]]:
        """The lines of a frame taken as text with their words judged, the lines set aside, and every
        line's reading."""
        set_aside: list[tuple[Box, int]] = []
        readings = [read_line(line, cache) for line in lines]
        # lines read clearly, or holding a recognised marker, outrank looser views of them
        read_well = [
            line.n_glyphs > 1
            and (
                reads_well(reading.words, policy.single_stroke_glyph_min_confidence)
                or holds_marker(reading.words, policy)
            )
            for line, reading in zip(lines, readings, strict=True)
        ]
        # a line of three glyphs or more that does not read, turned or off one baseline, is text when
        # the detector sees it (upright, or as one of its own lines over it); small text it cannot see
        # frame-wide, of any number of glyphs, when it sees it up close
        for index, (line, reading) in enumerate(zip(lines, readings, strict=True)):
            if reads_well(reading.words, policy.single_stroke_glyph_min_confidence):
                continue
            if (
                not line.transposed
                and line.loose
                and learned is not None
                and not learned.sees(line.glyph_height)
                and not is_text(line, reading, policy)
            ):
                # small letters the frame-wide pass cannot see (7-9 px on a full-size frame) and no reader makes out
                # (run together, a word or two of them, off one baseline): text when the detector sees them up close
                line.witnessed = line.witnessed or asked(
                    scenetext.sees_up_close, line, image.display[frame], policy.detection
                )
            if line.n_glyphs < MIN_WITNESSED_GLYPHS:
                continue
            if line.transposed and not crosses_rows(index, lines, readings):
                line.witnessed = line.witnessed or asked(
                    scenetext.sees_turned_line, line, image.display[frame], policy.detection
                )
            elif not line.transposed and line.loose and line.aligned < policy.min_glyph_alignment:
                line.witnessed = line.witnessed or asked(scenetext.confirms_line, line, learned)
        # short text not read as kept as it stands is read again turned upright
        counted = [
            counts_as_text(index, lines, readings, read_well, policy, deny_list) for index in range(len(lines))
        ]
        readings = recover_orientation(lines, readings, counted, policy, deny_list, upright_cache)
        judged: list[tuple[TextLine, list[TextRegion]]] = []
        unjudged: list[int] = []
        for index, (line, reading) in enumerate(zip(lines, readings, strict=True)):
            if not counts_as_text(index, lines, readings, read_well, policy, deny_list) or (
                not read_well[index]
                and not reads_as_phi(reading.words, policy, deny_list)
                and not word_at_text_value(line)  # 7 px letters the detector cannot see either
                and scenetext.unseen_by_detector(line, learned, policy.detection)
                # a word read with a lone glyph's confidence is looked at again up close
                and not (
                    reads_well(reading.words, policy.single_glyph_min_confidence)
                    and asked(scenetext.sees_up_close, line, image.display[frame], policy.detection)
                )
            ):
                unjudged.append(index)
                continue
            judged.append((line, [region for region, _ in word_regions(line, reading, policy, deny_list, frame)]))
        # a turned line of printed glyphs beside a turned line judged PHI is a line of its field block, as a line
        # stacked on a PHI line is: one no reader makes out and the detector did not confirm is removed unread
        block = [
            (line.box, line.glyph_height)
            for line, line_regions in judged
            if line.transposed and any(region.decision == "phi" for region in line_regions)
        ]
        while block and (added := [
            index for index in unjudged
            if beside_turned_block(lines[index], block, policy)
            and not read_well[index]
            and not crosses_rows(index, lines, readings)
        ]):
            for index in added:
                line = lines[index]
                unjudged.remove(index)
                judged.append(
                    (line, [TextRegion(transpose_box(line.box), "", "phi", "unread turned line beside PHI", frame)])
                )
                block.append((line.box, line.glyph_height))
        set_aside.extend((lines[index].box, lines[index].glyph_height) for index in unjudged)
        return judged, set_aside, readings

    try:
        for frame in _frame_indices(n_frames, policy.max_frames_searched):
            answers.clear()  # (a line's identity holds within its frame)
            learned = scenetext.learned_text(image.display[frame], policy.detection)
            lines = find_text_lines(
                image.stored[frame],
                image.display[frame],
                policy.detection,
                values,
                strays=strays,
                learned=[line.box for line in learned.lines] if learned else (),
            )
            judged, set_aside, readings = judge(lines, learned, frame)
            # small lines holding evidence of PHI (the image's own identifiers, a PHI label, a strong pattern) that the
            # frame-wide detector is too coarse to see: their block looked at up close, for the lines of their stack
            # the planes found in pieces or not at all
            seeds = [
                line
                for line, line_regions in judged
                if not line.transposed
                and learned is not None
                and not learned.sees(line.glyph_height)
                and any(region.decision == "phi" and region.reason in STRONG_REASONS for region in line_regions)
            ]
            tallest = max_glyph_height(image.display[frame].shape, policy.detection)
            closer = [
                line
                for box in scenetext.lines_up_close(seeds, image.display[frame], policy.detection)
                if (line := line_in_box(box, image.stored[frame], image.display[frame], policy.detection, tallest,
                                        by_value=True)) is not None
            ]
            if closer:
                # a band the detector sees up close in the row right above or below a line judged PHI, in its column,
                # is a line of its field block, and so is one stacked on such a line; elsewhere in the block a line is
                # judged as any other (a marker, a device's beads)
                stack = [
                    (line.box, line.glyph_height)
                    for line, line_regions in judged
                    if not line.transposed and any(region.decision == "phi" for region in line_regions)
                ]
                while added := [
                    line for line in closer
                    if not line.witnessed and any(stacked(line.box, box, height) for box, height in stack)
                ]:
                    for line in added:
                        line.witnessed = True
                        stack.append((line.box, line.glyph_height))
                lines = lines + closer
                judged, set_aside, readings = judge(lines, learned, frame)
            strays.extend(set_aside)
            for line, _line_regions in judged:
                # its glyphs: the pixels binarized, and the box of each glyph the planes found
                x0, y0, x1, y1 = line.box
                mask = line.mask.T if line.transposed else line.mask
                if mask.shape == (y1 - y0, x1 - x0):
                    ink[y0:y1, x0:x1] |= mask
                    strokes[y0:y1, x0:x1] |= mask
                for gx0, gy0, gx1, gy1 in line.glyph_boxes:
                    ink[gy0:gy1, gx0:gx1] = True
            settle_views(judged)
            # (the words turned lines that read well remove, with a glyph's margin: a stack of short upright
            # labels read turned is a misreading of them, and an upright line over a turned line's kept
            # words is no reading of words it removes)
            clear = {
                id(line)
                for line, reading in zip(lines, readings, strict=True)
                if line.transposed and reads_well(reading.words, policy.single_stroke_glyph_min_confidence)
            }
            removed_turned = [
                pad_box(transpose_box(region.box), policy.glyph_margin_px, rows, cols)
                for line, line_regions in judged
                if id(line) in clear
                for region in line_regions
                if region.decision == "phi"
            ]
            judged = read_across_turned(judged, removed_turned)
            for line, line_regions in judged:
                if inside_kept_marker(line, judged):
                    continue  # the gaps between a big marker's strokes, read as small letters
                line_index += 1
                for region in line_regions:
                    region.line = line_index
                if line.transposed:
                    # a turned line's PHI runs are drawn where it runs left to right, then turned back
                    runs = phi_runs(line_regions, [line.glyph_height] * len(line_regions),
                                     {(frame, line_index): mask_box(line)})
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
    except scenetext.SceneTextUnavailableError as err:
        raise PixelDeidError(f"text detector unavailable: {err}; needs onnxruntime and rapidocr-onnxruntime") from err
    settle_stacks(regions, heights, policy, deny_list)
    settle_lone_glyphs(regions)
    if turned_runs:
        # joined with what continues them along their column, as rows are (seen transposed)
        kept = [transpose_box(region.box) for region in (*regions, *turned_regions) if region.decision == "keep"]
        joined = join_runs(turned_runs, kept, [(transpose_box(box), height) for box, height in strays])
        turned_runs = [(transpose_box(box), height) for box, height in joined]
    tighten = None
    if policy.glyph_tight:
        searched = [image.display[frame] for frame in _frame_indices(n_frames, policy.max_frames_searched)]

        words = [region.box for region in (*regions, *turned_regions) if region.decision == "phi"]
        removed = [region for region in (*regions, *turned_regions) if region.decision == "phi"]

        def inside_label(region: TextRegion) -> bool:
            """A lone kept letter between removed words of its line is part of their label ("Dyn R 58")."""
            same = [other for other in removed if (other.frame, other.line) == (region.frame, region.line)]
            return len(region.text.strip()) == 1 and any(other.box[2] <= region.box[0] for other in same) and any(
                other.box[0] >= region.box[2] for other in same
            )

        markers = [
            region.box
            for region in (*regions, *turned_regions)
            if region.decision == "keep"
            and not any(intersects(region.box, word) for word in words)
            and not inside_label(region)
        ]

        kept_boxes = [region.box for region in (*regions, *turned_regions) if region.decision == "keep"]

        def tighten(box: Box, height: int) -> list[Box]:
            inside = [word for word in words if covered_fraction(word, box) > 0.5]
            # a stray row of glyphs a run took in (a field no reader made sense of) is held to the same
            # test as a word read as PHI: where the cut finds ink in fewer than half its columns (faint
            # letters on bright anatomy), it is removed whole
            fields = [
                stray
                for stray, stray_height in strays
                if stray[2] - stray[0] >= STRAY_WORD_ASPECT * (stray[3] - stray[1])
                and max(height, stray_height) <= STRAY_HEIGHT_RATIO * max(1, min(height, stray_height))
                and covered_fraction(stray, box) >= STRAY_INSIDE
            ]
            spare = [marker for marker in markers if intersects(marker, box)]
            apart = [marker for marker in spare if not _beside_any(marker, words)]
            return spare_markers(
                glyph_boxes(searched, box, height, policy, ink, inside, strokes, fields, spare, stops=kept_boxes), apart
            )

    boxes = boxes_from_regions(
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
    detected_strokes: np.ndarray | None = None,
    fields: Sequence[Box] = (),
    spare: Sequence[Box] = (),
    stops: Sequence[Box] | None = None,
    letters: Sequence[Box] = (),
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
    word turned 90 degrees), padded by ``glyph_margin_px``. ``fields`` (stray rows of glyphs the run
    took in) are held to that test too, but the ink inside them is not taken as a word's. A piece known
    by the detection's box alone (few strokes near it) is a letter only where most of its rows lie in a
    word's or field's rows, or no taller than a line of faint text of its own (``MAX_LINE_HEIGHTS``): the
    detection's box reaching onto the ground below a label is no text. Ink wholly
    inside one of ``spare`` (the boxes of words kept as markers that touch no PHI word) is left.
    With ``stops`` given (the boxes of the words kept), a run whose ground changes at its end is first grown
    along its row over the letters of its text's value that continue it (:func:`grown_along_row`), never past
    a kept word.
    """
    x0, y0, x1, y1 = box
    width = max(5, glyph_height // 2 + 1)
    ink: np.ndarray | None = None
    line_value: tuple[float, float] | None = None  # the text's value and its contrast with the run's ground
    line_crop: np.ndarray | None = None  # ...and the run's display where they were measured
    one_line = is_one_line(box, glyph_height, words)
    for display in displays:
        rows, cols = display.shape
        px0, py0, px1, py1 = max(0, x0 - width), max(0, y0 - width), min(cols, x1 + width), min(rows, y1 + width)
        area = display[py0:py1, px0:px1]
        inner = (slice(y0 - py0, y1 - py0), slice(x0 - px0, x1 - px0))
        ring = np.ones(area.shape, dtype=bool)
        ring[inner] = False
        polarities = []
        responses = []
        for bright in (True, False):
            around = stroke_map(area, width, bright=bright)
            strokes = around[inner]
            responses.append(strokes)
            # ink stands out from the ground's own texture around the run (a line crossing a
            # bright label onto dark anatomy has strong and weak parts: one cut for the run
            # would lose the weak ones)
            noise = float(np.percentile(around[ring], 95)) if ring.any() else 0.0
            cut = float(np.clip(
                policy.detection.stroke_noise_factor * noise,
                policy.detection.min_stroke_threshold,
                policy.detection.stroke_threshold,
            ))
            polarities.append(glyph_sized(strokes >= cut, glyph_height, turned=y1 - y0 > x1 - x0))
        ground = float(np.median(area[inner]))  # glyphs are the fewer pixels of their run: the median is their ground
        known = detected[y0:y1, x0:x1] if detected is not None else None
        chosen = one_polarity(polarities, area[inner], ground, known)
        if len(chosen) == 1 and all(found.any() for found in polarities):
            # the line's ground may change along it (a border's black, then bright anatomy): where the
            # text stands on a ground on its other side, its letters are ink of the other polarity,
            # as near the text's own value as the letters found and far from the ground beside them
            side = 0 if chosen[0] is polarities[0] else 1
            value = text_value(polarities[side], responses[side], area[inner], bright=side == 0)
            turned = y1 - y0 > x1 - x0
            if letters or (one_line and crosses_value(area[inner], value, abs(value - ground), glyph_height, turned)):
                other = same_value_ink(polarities[1 - side], responses[1 - side], area[inner], value, bright=side == 1)
                chosen = [chosen[0] | other]
                if line_crop is None:
                    line_crop = area[inner]
            line_value = line_value or (value, abs(value - ground))
        for found in chosen:
            ink = found if ink is None else ink | found
    if stops is not None and line_value is not None and one_line and x1 - x0 >= y1 - y0:
        grown, taken = grown_along_row(displays[0], box, glyph_height, line_value, policy, stops)
        if grown != box:
            return glyph_boxes(displays, grown, glyph_height, policy, detected, words, detected_strokes, fields, spare,
                               letters=taken)
    band = _glyph_band(ink, y1 - y0 > x1 - x0, (x0, y0))
    # the strokes themselves (the cut's ink and the detection's glyph pixels, not its glyph boxes)
    stroke_ink = None if ink is None else ink.copy()
    if detected_strokes is not None:
        known_strokes = detected_strokes[y0:y1, x0:x1]
        stroke_ink = known_strokes.copy() if stroke_ink is None else stroke_ink | known_strokes
    if detected is not None:
        known = detected[y0:y1, x0:x1]
        ink = known.copy() if ink is None else ink | known
    for lx0, ly0, lx1, ly1 in letters:  # the letters a run grew over, known by their boxes
        if ink is None:
            ink = np.zeros((y1 - y0, x1 - x0), dtype=bool)
        ink[max(0, ly0 - y0) : ly1 - y0, max(0, lx0 - x0) : lx1 - x0] = True
    if ink is None or not ink.any():
        return [box]
    # stretches of the run along its row where the ground is at the text's value
    hidden = [] if line_value is None or line_crop is None else hidden_stretches(
        line_crop, ink, line_value[0], line_value[1], glyph_height, y1 - y0 > x1 - x0)
    # the neighbourhood of the strokes found: a piece of ink with little of it there is known by its box alone
    near = None
    if stroke_ink is not None and stroke_ink.any():
        near = ndimage.binary_dilation(stroke_ink, structure=np.ones((2 * STROKE_REACH_PX + 1,) * 2, dtype=bool))
    margin = max(0, policy.glyph_margin_px)
    turned_run = y1 - y0 > x1 - x0
    unsure: list[Box] = []
    if band is not None:
        # where the ground crosses the text's value its letters stand out of it by nothing the cut can find: the
        # stretch is blacked out over the glyphs' rows (fail closed, as a word whose ink is not found)
        for start, stop in hidden:
            if turned_run:
                unsure.append((max(x0, band[0] - margin), max(y0, y0 + start - margin), min(x1, band[1] + margin), min(y1, y0 + stop + margin)))
            else:
                unsure.append((max(x0, x0 + start - margin), max(y0, band[0] - margin), min(x1, x0 + stop + margin), min(y1, band[1] + margin)))
    for word in (*words, *fields):
        wx0, wy0 = max(word[0], x0) - x0, max(word[1], y0) - y0
        wx1, wy1 = min(word[2], x1) - x0, min(word[3], y1) - y0
        if wx1 <= wx0 or wy1 <= wy0:
            continue
        piece = ink[wy0:wy1, wx0:wx1]
        if _along(piece, wy1 - wy0 > wx1 - wx0).mean() < 0.5:
            unsure.append(
                (max(x0, word[0] - margin), max(y0, word[1] - margin), min(x1, word[2] + margin), min(y1, word[3] + margin))
            )
    labels, count = ndimage.label(ink, structure=np.ones((3, 3), dtype=bool))
    sizes = np.bincount(labels.ravel(), minlength=count + 1)
    found = ndimage.find_objects(labels)
    pieces = [piece for index, piece in enumerate(found, start=1) if piece is not None and sizes[index] >= MIN_INK_PIXELS]
    # a speck of a pixel or two is the ground's noise, unless it stands right beside a letter: the
    # dots of a colon or an i at 7-9 px are that small ("Ref: ", "Dr: ")
    specks = [piece for index, piece in enumerate(found, start=1) if piece is not None and sizes[index] < MIN_INK_PIXELS]
    pieces += near_letters(specks, glyph_height, letters=pieces, reach=SPECK_REACH_PX, only_near=True)
    # and whatever ink lies inside a word read as PHI is that word's (a monospaced colon stands apart)
    local_words = [(w[0] - x0, w[1] - y0, w[2] - x0, w[3] - y0) for w in words]
    # (a mark above or below a letter, an accent or a dot, stands close to it: texture farther off is the ground's)
    turned = y1 - y0 > x1 - x0
    across = max(MIN_DOT_REACH_PX, round(MARK_ACROSS_SHARE * glyph_height))
    kept = near_letters(pieces, glyph_height, across=across, turned=turned)
    # a piece the detection marked where no stroke stands (its glyph box only) is text of the run's
    # line only if most of it lies within the rows of a word read there: below or above them it is the
    # ground the detection's box took in (anatomy beneath a label), not a letter
    lines = [(w[0] - x0, w[2] - x0) if turned else (w[1] - y0, w[3] - y0) for w in (*words, *fields)]
    if lines and near is not None:
        kept = [piece for piece in kept if near[piece].mean() >= MIN_STROKE_COVER or _on_a_line(piece, lines, margin, turned)
                or _across(piece, turned) <= MAX_LINE_HEIGHTS * glyph_height]
    taken = {id(piece) for piece in kept}
    kept += [piece for piece in (*pieces, *specks) if id(piece) not in taken and _inside_any(piece, local_words)]
    # the punctuation between two PHI words of a field stands apart in wide monospace ("HERNANDEZ, GEORGE",
    # "13.09.2015"): a mark in the gap between them is theirs
    taken = {id(piece) for piece in kept}
    gaps = _gaps_between(local_words, glyph_height, turned)
    mark = PUNCTUATION_SHARE * glyph_height
    kept += [
        piece
        for piece in (*pieces, *specks)
        if id(piece) not in taken
        and piece[0].stop - piece[0].start <= mark
        and piece[1].stop - piece[1].start <= mark
        and _inside_any(piece, gaps)
    ]
    if spare:
        # a word kept as a marker that a run took in along its row (strays on either side of it) keeps its
        # glyphs: ink wholly inside its box is the marker's, unless it lies in a word read as PHI too
        local_spare = [(b[0] - x0, b[1] - y0, b[2] - x0, b[3] - y0) for b in spare]
        kept = [piece for piece in kept if _inside_any(piece, local_words) or not _inside_any(piece, local_spare)]
    # only in text this big: thin small letters may be found in part, and their boxes cover the rest
    grow = max(margin, SHAPE_MARGIN_PX)
    runs = [display[y0:y1, x0:x1] for display in displays]
    shaped: dict[int, list[Box]] = {}
    for piece in kept:
        if (
            glyph_height >= BIG_GLYPH_PX
            and piece[0].stop - piece[0].start >= BIG_GLYPH_PX
            and piece[1].stop - piece[1].start >= BIG_GLYPH_PX
            and y1 - y0 <= x1 - x0
        ):
            shape = shape_boxes(ink, stroke_ink, piece, grow, (x0, y0), runs)
            if shape is not None:
                shaped[id(piece)] = shape
    glyphs = [
        (
            max(x0, x0 + piece[1].start - margin),
            max(y0, y0 + piece[0].start - margin),
            min(x1, x0 + piece[1].stop + margin),
            min(y1, y0 + piece[0].stop + margin),
        )
        for piece in kept
    ]
    # the dots of a colon or a period between two letters are specks too: letters close on their
    # row join, so what lies between them goes with them (never wider than keeps it near its glyphs)
    gap = min(glyph_height // 2, MAX_JOIN_GAP)
    letters = join_along(glyphs, gap, turned=turned)
    # a word removed whole for want of its ink is bridged to the glyphs beside it as they join each
    # other: a letter the cut found only in part would otherwise keep the gap's worth of its pixels
    whole = unsure + [bridge for word in unsure for group in letters if (bridge := _bridge(word, group, gap, turned))]
    if not shaped:
        joined = whole + [part for group in letters for part in letter_rows(group, glyphs, glyph_height, margin, turned, words)]
    else:
        # a joined box holding a big letter: its big letters by their grown strokes, and the rest of
        # its columns whole (what lies between letters goes with them)
        members = list(zip(glyphs, [id(piece) in shaped for piece in kept], kept, strict=True))
        tight: list[Box] = whole[:]
        for group in letters:
            inside = [(glyph, is_big, piece) for glyph, is_big, piece in members if covered_fraction(glyph, group) >= 1.0]
            if not any(is_big for _, is_big, _ in inside):
                tight.extend(letter_rows(group, glyphs, glyph_height, margin, turned, words))
                continue
            covered = np.zeros(group[2] - group[0], dtype=bool)
            for glyph, is_big, piece in inside:
                if is_big:
                    covered[glyph[0] - group[0] : glyph[2] - group[0]] = True
                    tight.extend(shaped[id(piece)])
            # small glyphs in a big letter's columns by their boxes; every other column of the
            # joined box whole over its letters' rows, and what reaches past them by its own box, as
            # in any group (letters the cut found only in part stay covered)
            tight.extend(glyph for glyph, is_big, _ in inside if not is_big and covered[glyph[0] - group[0] : glyph[2] - group[0]].any())
            line = np.concatenate(([True], covered, [True]))
            edges = np.flatnonzero(line[1:] != line[:-1])
            parts = letter_rows(group, glyphs, glyph_height, margin, turned, words)
            for start, stop in zip(edges[::2], edges[1::2], strict=True):
                left, right = group[0] + int(start), group[0] + int(stop)
                tight.extend(
                    (max(left, part[0]), part[1], min(right, part[2]), part[3])
                    for part in parts
                    if min(right, part[2]) > max(left, part[0])
                )
        joined = tight
    banded = [_within_band(glyph_box, band, margin + BAND_SLACK_PX, turned) if band else glyph_box for glyph_box in joined]
    if stroke_ink is None or near is None:
        return banded
    # letters known by their box only (the detection's glyph box, few strokes found in it) keep their box
    known_by_box = [glyph for glyph, piece in zip(glyphs, kept, strict=True) if near[piece].mean() < MIN_STROKE_COVER]
    fail_safe = set(whole) | {box for boxes in shaped.values() for box in boxes}
    trimmed: list[Box] = [
        near_box
        for glyph_box, banded_box in zip(joined, banded, strict=True)
        for near_box in ([banded_box] if glyph_box in fail_safe else near_strokes(banded_box, stroke_ink, (x0, y0), runs))
    ]
    return trimmed + known_by_box


# a line of a field block stands at most this many glyph heights above or below the centre of a line of it
STACK_REACH_HEIGHTS = 2.0


# a turned line beside a turned PHI line is of its block when its glyphs are as tall as the PHI line's, to this ratio
TURNED_BLOCK_HEIGHT_RATIO = 1.5
# ... and its column (with the line's margin) at most this many of its glyph heights wide
TURNED_LINE_MAX_ACROSS = 2.0


def beside_turned_block(line: TextLine, block: Sequence[tuple[Box, int]], policy: PixelPolicy) -> bool:
    """Whether ``line``, turned 90 degrees, of :data:`MIN_WITNESSED_GLYPHS` glyphs or more standing on one edge,
    stands in the column right beside a turned line of ``block`` (``(box, glyph height)``), along it (see
    :func:`stacked`, seen transposed), over none of them, its glyphs as tall to :data:`TURNED_BLOCK_HEIGHT_RATIO`
    and its column no wider than :data:`TURNED_LINE_MAX_ACROSS` of its glyph heights."""
    if not line.transposed or line.n_glyphs < MIN_WITNESSED_GLYPHS or line.aligned < policy.min_glyph_alignment:
        return False
    height = max(1, line.glyph_height)
    x0, _y0, x1, _y1 = line.box
    # one column wide (a looser view of two columns at once is no line of them), and over none of the block's lines
    # (a looser view of one of them, which is judged already)
    if x1 - x0 > TURNED_LINE_MAX_ACROSS * height or any(intersects(line.box, box) for box, _ in block):
        return False
    return any(
        max(height, other_height) <= TURNED_BLOCK_HEIGHT_RATIO * max(1, min(height, other_height))
        and stacked(transpose_box(line.box), transpose_box(box), other_height)
        for box, other_height in block
    )


def stacked(box: Box, other: Box, glyph_height: int) -> bool:
    """Whether ``box`` stands in the row right above or below ``other`` (a line of ``glyph_height``), in its column:
    their columns overlap, and their centres lie half a glyph height to :data:`STACK_REACH_HEIGHTS` heights apart."""
    if min(box[2], other[2]) <= max(box[0], other[0]):
        return False
    height = max(1, glyph_height)
    offset = abs((box[1] + box[3]) - (other[1] + other[3])) / 2
    return 0.5 * height <= offset <= STACK_REACH_HEIGHTS * height


def spare_markers(found: Sequence[Box], apart: Sequence[Box]) -> list[Box]:
    """The glyph boxes of a run (:func:`glyph_boxes`) with the box of each kept marker in ``apart`` left whole:
    a marker's ink may run on out of its box (a lead letter joined to a wire or the anatomy around it), and the
    piece found is blacked out only around the box. ``apart`` holds only markers that stand apart from the PHI
    words on their row: a kept word beside them (a middle initial read as a marker letter) keeps only the ink
    wholly inside it (``glyph_boxes``' ``spare``), failing closed."""
    return [part for glyph_box in found for part in outside(glyph_box, apart)]


# a kept word this many of its heights or nearer to a PHI word on its row stands beside it
MARKER_APART_HEIGHTS = 3.0


def _beside_any(marker: Box, words: Sequence[Box]) -> bool:
    """Whether a PHI word shares the marker's row (half of the shorter's height) within MARKER_APART_HEIGHTS
    of the marker's height along it."""
    height = marker[3] - marker[1]
    for word in words:
        overlap = min(marker[3], word[3]) - max(marker[1], word[1])
        gap = max(word[0] - marker[2], marker[0] - word[2])
        if overlap >= 0.5 * min(height, word[3] - word[1]) and gap <= MARKER_APART_HEIGHTS * height:
            return True
    return False


def letter_rows(
    group: Box, glyphs: Sequence[Box], glyph_height: int, margin: int, turned: bool = False, words: Sequence[Box] = ()
) -> list[Box]:
    """A group of glyph boxes joined along their row (``group``, their bounding box), as the boxes blacked
    out: its columns over the rows its letters stand in, and each member reaching above or below those
    rows by its own box there. Rows and columns swap for a run turned 90 degrees.

    One mark above or below the letters (a speck of the ground's texture, an accent, a descender, a
    word's letters joined to the texture under them) would otherwise stretch the whole group's
    rectangle to its rows, a strip of ground as long as the group along its top or bottom.
    ``glyphs`` are the glyph boxes (grown by ``margin``); those wholly inside ``group`` are its
    members, and a member at least ``LETTER_SHARE`` of a glyph height tall (its box less the margin)
    is a letter. The letters' rows reach from the highest top to the lowest bottom of the letters
    within ``ROW_TOLERANCE`` of a glyph height (at least 2 px) of where most of them begin and end,
    and over the rows of each of ``words`` (the words read as PHI) beside them: the cut may find
    small letters only in part (their upper half, on a bright ground), the reader's box holds them
    whole. A member taller than ``MERGED_HEIGHT`` glyph heights is letters joined to the ground
    around them (a panel's rim, texture): where words were read over the group it is no letter and
    keeps no box of its own, the words' rows grown by ``margin`` stand for it. With neither letters
    nor words the group is left whole (fail safe: the text may be that small).
    """
    if turned:
        return [transpose_box(box) for box in letter_rows(
            transpose_box(group), [transpose_box(glyph) for glyph in glyphs], glyph_height, margin,
            words=[transpose_box(word) for word in words])]
    members = [glyph for glyph in glyphs if covered_fraction(glyph, group) >= 1.0]
    tall = LETTER_SHARE * glyph_height + 2 * margin
    merged = [glyph for glyph in members if glyph[3] - glyph[1] > MERGED_HEIGHT * glyph_height + 2 * margin]
    read = [word for word in words if intersects(word, group)]
    if not read:
        merged = []  # (with no word read over them, their rows are the only ones known)
    # (the words' rows as read; grown by the margin where they stand for letters joined to the ground)
    grow = margin if merged else 0
    read = [(max(word[1] - grow, group[1]), min(word[3] + grow, group[3])) for word in read]
    letters = [glyph for glyph in members if glyph[3] - glyph[1] >= tall and glyph not in merged]
    if not letters and not read:
        return [group]
    top, bottom = group[3], group[1]
    if letters:
        tolerance = max(2, round(ROW_TOLERANCE * glyph_height))
        usual_top, usual_bottom = np.median([glyph[1] for glyph in letters]), np.median([glyph[3] for glyph in letters])
        top = min(glyph[1] for glyph in letters if glyph[1] >= usual_top - tolerance)
        bottom = max(glyph[3] for glyph in letters if glyph[3] <= usual_bottom + tolerance)
    for low, high in read:
        top, bottom = min(top, low), max(bottom, high)
    if top <= group[1] and bottom >= group[3]:
        return [group]
    parts: list[Box] = [(group[0], top, group[2], bottom)]
    for glyph in members:
        if glyph in merged:
            continue  # glyphs joined to the ground around them: their rows are the words'
        if glyph[1] < top:
            parts.append((glyph[0], glyph[1], glyph[2], min(glyph[3], top)))
        if glyph[3] > bottom:
            parts.append((glyph[0], max(glyph[1], bottom), glyph[2], glyph[3]))
    return parts


def _bridge(word: Box, group: Box, gap: int, turned: bool) -> Box | None:
    """The ground between a word removed whole and a group of glyphs on its row (column, turned) at
    most ``gap`` px apart, over the rows (columns) both hold; None when they overlap or stand farther."""
    if turned:
        found = _bridge(transpose_box(word), transpose_box(group), gap, False)
        return transpose_box(found) if found else None
    top, bottom = max(word[1], group[1]), min(word[3], group[3])
    if bottom <= top:
        return None
    left, right = (word[2], group[0]) if word[2] <= group[0] else (group[2], word[0])
    return (left, top, right, bottom) if 0 < right - left <= gap else None


def near_strokes(
    box: Box,
    strokes: np.ndarray,
    origin: tuple[int, int],
    runs: Sequence[np.ndarray],
    reach: int = STROKE_REACH_PX,
    cell: int = STROKE_CELL_PX,
) -> list[Box]:
    """``box`` (frame coordinates) cut to the neighbourhood of its glyphs, when it lies on a flat ground:
    its pixels within ``reach`` px of a stroke pixel (``strokes``, a run's mask whose top left pixel is
    ``origin`` in the frame) and those not at the ground's value, kept in cells of ``cell`` px (row runs
    of cells, runs alike on consecutive cell rows merged).

    A glyph's box, or boxes joined along a row, hold ground farther from the strokes than their
    antialiased edge: the corners beside a slope, the counters of big letters, the gaps between letters,
    a panel around them; none of it is text. ``runs`` are the run's display crop in each searched frame
    (same coordinates as ``strokes``): the ground is the median of the pixels away from the strokes, and
    a pixel differing from it by more than ``GROUND_TOLERANCE`` of the strokes' contrast (a part of a
    letter the cut missed, its antialiased rim) stays blacked out. Fail safe: the box is returned whole
    when no stroke lies near it, or its ground is not flat (more than ``FLAT_GROUND_SHARE`` of the pixels
    away from the strokes differ from it: anatomy, a gradient, text nothing found).
    """
    ox, oy = origin
    x0, y0, x1, y1 = box[0] - ox, box[1] - oy, box[2] - ox, box[3] - oy
    rows, cols = strokes.shape
    gx0, gy0, gx1, gy1 = max(0, x0 - reach), max(0, y0 - reach), min(cols, x1 + reach), min(rows, y1 + reach)
    around = strokes[gy0:gy1, gx0:gx1]
    if not around.any() or not runs:
        return [box]
    grown = ndimage.binary_dilation(around, structure=np.ones((2 * reach + 1, 2 * reach + 1), dtype=bool))
    if grown.all():
        return [box]
    near = grown.copy()
    for run in runs:
        crop = run[gy0:gy1, gx0:gx1].astype(np.float64)
        if crop.shape != grown.shape:
            return [box]
        other = _off_ground(crop, around, grown)
        if other is None:
            return [box]
        near |= other
    near = near[y0 - gy0 : y1 - gy0, x0 - gx0 : x1 - gx0]
    if not near.any():
        return [box]
    # a box all within a cell of that neighbourhood is left whole: cutting it would spare no pixel far
    # from its glyphs, and every box more is one more region to record and to read again
    if ndimage.binary_dilation(near, structure=np.ones((2 * cell + 1, 2 * cell + 1), dtype=bool)).all():
        return [box]
    height, width = near.shape
    padded = np.zeros((-(-height // cell) * cell, -(-width // cell) * cell), dtype=bool)
    padded[:height, :width] = near
    cells = padded.reshape(padded.shape[0] // cell, cell, padded.shape[1] // cell, cell).any(axis=(1, 3))
    return [(box[0] + left * cell, box[1] + top * cell, min(box[2], box[0] + right * cell), min(box[3], box[1] + bottom * cell))
            for left, top, right, bottom in _mask_boxes(cells)]


def shape_boxes(
    ink: np.ndarray,
    strokes: np.ndarray | None,
    piece: tuple[slice, slice],
    grow: int,
    origin: tuple[int, int],
    runs: Sequence[np.ndarray] = (),
) -> list[Box] | None:
    """Frame boxes covering one big piece of ``ink`` (run coordinates) by its strokes grown by ``grow``
    px every way, clipped to the run: row runs of the grown strokes, rows alike merged.

    A big letter's box would black out its counters and the ground beside its slopes; its strokes
    (``strokes``: the pixels the stroke cut and the detection's masks found, without the glyph boxes
    the detection filled in) grown cover them and their antialiased edges, and leave the rest of its
    ground. Only pixels at the ground's own value are left (``runs``: the run's display crop in each
    searched frame): a part of a letter the cut missed differs from the ground and stays blacked out
    as in its box. None (the letter is blacked out as any other, by its box) when its ground is not
    flat (anatomy, a gradient) or no stroke pixels of it were found.
    """
    rows, cols = ink.shape
    r0, r1 = max(0, piece[0].start - grow), min(rows, piece[0].stop + grow)
    c0, c1 = max(0, piece[1].start - grow), min(cols, piece[1].stop + grow)
    if strokes is None:
        return None
    labels, _count = ndimage.label(ink[r0:r1, c0:c1], structure=np.ones((3, 3), dtype=bool))
    # the piece itself: the label under its own pixels (its box may hold pieces of other letters)
    inner = labels[piece[0].start - r0 : piece[0].stop - r0, piece[1].start - c0 : piece[1].stop - c0]
    own = np.bincount(inner[inner > 0].ravel())
    if not own.any():
        return None
    shape = (labels == int(np.argmax(own))) & strokes[r0:r1, c0:c1]
    if not shape.any():
        return None
    grown = ndimage.binary_dilation(shape, structure=np.ones((3, 3), dtype=bool), iterations=grow)
    for run in runs:
        crop = run[r0:r1, c0:c1].astype(np.float64)
        if crop.shape != grown.shape or grown.all():
            return None
        # what is not the ground (within a quarter of the strokes' contrast) is blacked out too;
        # on a ground that is not flat (anatomy, a gradient) the letter's box is, as before
        other = _off_ground(crop, shape, grown)
        if other is None:
            return None
        grown |= other
    return [(origin[0] + c0 + left, origin[1] + r0 + top, origin[0] + c0 + right, origin[1] + r0 + bottom)
            for left, top, right, bottom in _mask_boxes(grown)]


def _off_ground(crop: np.ndarray, ink: np.ndarray, grown: np.ndarray) -> np.ndarray | None:
    """The pixels of ``crop`` off its ground (farther from the ground's value than a quarter of the strokes'
    contrast), or None when the ground outside ``grown`` is neither flat nor smooth.

    The ground is first one value (a panel); where it is not (anatomy, a gradient), it is the value
    around each pixel: the mean of the pixels away from the strokes within ``LOCAL_GROUND_PX`` of it,
    so text over a smooth part of the picture is cut to its strokes' neighbourhood as on a panel. There
    a pixel is off the ground when it stands off that local value more than ``LOCAL_TEXTURE_FACTOR``
    times the ground's own texture, and a pixel with no ground around it is off it (fail safe); a
    ground whose texture reaches a quarter of the strokes' contrast, or stands off more often than a
    flat ground may, is no ground to cut by (None: the box stays)."""
    away = ~grown
    if not away.any():
        return None
    ground = float(np.median(crop[away]))
    contrast = abs(float(np.median(crop[ink])) - ground)
    other = np.abs(crop - ground) > max(GROUND_TOLERANCE * contrast, 1.0)
    if (other & away).sum() <= FLAT_GROUND_SHARE * away.sum():
        return other
    size = 2 * LOCAL_GROUND_PX + 1
    weight = ndimage.uniform_filter(away.astype(np.float64), size=size, mode="constant")
    total = ndimage.uniform_filter(np.where(away, crop, 0.0), size=size, mode="constant")
    seen = weight > MIN_LOCAL_GROUND / (size * size)
    local = np.where(seen, total / np.maximum(weight, 1e-12), 0.0)
    strokes = ink & seen
    if not strokes.any():
        return None
    residual = np.abs(crop - local)
    contrast = float(np.median(residual[strokes]))
    # the ground's own texture about its local value: smooth when even its strongest stands well within the
    # strokes' contrast; then what stands off it more than that texture does is no ground (a part of a letter
    # the cut missed, however faint beside the strokes found)
    texture = float(np.percentile(residual[away & seen], LOCAL_TEXTURE_PERCENTILE)) if (away & seen).any() else contrast
    if texture > GROUND_TOLERANCE * contrast:
        return None
    other = ~seen | (residual > max(LOCAL_TEXTURE_FACTOR * texture, 1.0))
    if (other & away).sum() > FLAT_GROUND_SHARE * away.sum():
        return None
    return other


def _mask_boxes(mask: np.ndarray) -> list[tuple[int, int, int, int]]:
    """Boxes (left, top, right, bottom, in the mask's own coordinates) covering a boolean mask: a run of columns
    that stays the same over consecutive rows is one box."""
    boxes: list[tuple[int, int, int, int]] = []
    open_runs: dict[tuple[int, int], int] = {}  # a run of columns and the row it began in
    for row in range(mask.shape[0] + 1):
        runs: set[tuple[int, int]] = set()
        if row < mask.shape[0]:
            line = np.concatenate(([False], mask[row], [False]))
            edges = np.flatnonzero(line[1:] != line[:-1])
            runs = {(int(start), int(stop)) for start, stop in zip(edges[::2], edges[1::2], strict=True)}
        for run in [run for run in open_runs if run not in runs]:
            boxes.append((run[0], open_runs.pop(run), run[1], row))
        for run in runs:
            open_runs.setdefault(run, row)
    return boxes


def _glyph_band(ink: np.ndarray | None, turned: bool, origin: tuple[int, int]) -> tuple[int, int] | None:
    """The frame rows (columns, turned) the run's glyphs stand in, as the stroke cut found them.

    The detection's own glyph pixels and the readers' word boxes may reach above and below the
    glyphs (a learned line's pixels, a word box padded for OCR); what is blacked out stays within
    the glyphs' band."""
    if ink is None or not ink.any():
        return None
    along = ink.any(axis=0) if turned else ink.any(axis=1)
    where = np.flatnonzero(along)
    offset = origin[0] if turned else origin[1]
    return offset + int(where[0]), offset + int(where[-1]) + 1


def _within_band(box: Box, band: tuple[int, int], slack: int, turned: bool) -> Box:
    """``box`` cut to the rows (columns, turned) of ``band`` grown by ``slack``; unchanged when
    nothing of it would be left (fail safe)."""
    low, high = band[0] - slack, band[1] + slack
    x0, y0, x1, y1 = box
    cut = (max(x0, low), y0, min(x1, high), y1) if turned else (x0, max(y0, low), x1, min(y1, high))
    return cut if cut[0] < cut[2] and cut[1] < cut[3] else box


def _gaps_between(words: Sequence[Box], glyph_height: int, turned: bool = False) -> list[Box]:
    """The gap between each word and the next one along its row (column, ``turned``), when at most
    ``PUNCTUATION_GAP`` glyph heights wide, over both words' rows and a third of a glyph height below
    them (a comma's tail)."""
    if turned:
        flipped = _gaps_between([transpose_box(word) for word in words], glyph_height)
        return [transpose_box(gap) for gap in flipped]
    gaps: list[Box] = []
    for word in words:
        after = [
            other
            for other in words
            if other[0] >= word[2]
            and other[0] - word[2] <= PUNCTUATION_GAP * glyph_height
            and min(word[3], other[3]) - max(word[1], other[1]) > 0.5 * min(word[3] - word[1], other[3] - other[1])
        ]
        if after:
            nearest = min(after, key=lambda other: other[0])
            below = max(word[3], nearest[3]) + glyph_height // 3
            gaps.append((word[2], min(word[1], nearest[1]), nearest[0], below))
    return gaps


def _across(piece: tuple[slice, slice], turned: bool) -> int:
    """How many rows (columns, ``turned``) a piece spans: its height across its line."""
    span = piece[1] if turned else piece[0]
    return span.stop - span.start


def _on_a_line(piece: tuple[slice, slice], lines: Sequence[tuple[int, int]], slack: int, turned: bool) -> bool:
    """Whether at least half of a piece's rows (columns, ``turned``) lie within one of ``lines`` (row
    spans, run coordinates) grown by ``slack``."""
    across = piece[1] if turned else piece[0]
    return any(2 * (min(across.stop, high + slack) - max(across.start, low - slack)) >= _across(piece, turned) for low, high in lines)


def _inside_any(piece: tuple[slice, slice], boxes: Sequence[Box]) -> bool:
    """Whether a piece of ink lies wholly inside one of ``boxes`` (run coordinates)."""
    rows, cols = piece
    return any(bx0 <= cols.start and cols.stop <= bx1 and by0 <= rows.start and rows.stop <= by1 for bx0, by0, bx1, by1 in boxes)


def near_letters(
    pieces: Sequence[tuple[slice, slice]],
    glyph_height: int,
    letters: Sequence[tuple[slice, slice]] | None = None,
    reach: int | None = None,
    only_near: bool = False,
    across: int | None = None,
    turned: bool = False,
) -> list[tuple[slice, slice]]:
    """The pieces of ink that are letters, or small marks beside letters (dots, commas, accents).

    A run padded to its line's ends may hold texture of the ground (anatomy): pieces much smaller
    than a glyph, standing apart from every letter-sized piece, are that texture. A piece is
    letter-sized when it is at least ``LETTER_SHARE`` of a glyph height in either direction; a
    small piece is kept within half a glyph height of one along the row, and within ``across`` px
    of one above or below it (columns, ``turned``; half a glyph height too when not given). With no
    letter-sized piece at all, every piece is kept (fail safe: the run's text may be that small).
    ``letters`` and ``reach`` given: the pieces within ``reach`` of those, and (``only_near``) no
    others."""
    size = LETTER_SHARE * glyph_height
    if letters is None:
        letters = [p for p in pieces if p[0].stop - p[0].start >= size or p[1].stop - p[1].start >= size]
    if not letters:
        return [] if only_near else list(pieces)
    # (a few pixels at the least: at 7-9 px a colon's dots stand half a glyph height off)
    reach = max(MIN_DOT_REACH_PX, glyph_height // 2) if reach is None else reach
    row_reach, column_reach = reach, reach
    if across is not None:
        row_reach, column_reach = (reach, across) if turned else (across, reach)
    kept = []
    for piece in pieces:
        if any(piece is letter for letter in letters) or any(
            piece[0].start - row_reach < letter[0].stop and letter[0].start - row_reach < piece[0].stop
            and piece[1].start - column_reach < letter[1].stop and letter[1].start - column_reach < piece[1].stop
            for letter in letters
        ):
            kept.append(piece)
    return kept


def join_along(boxes: Sequence[Box], gap: int, turned: bool = False) -> list[Box]:
    """Boxes that overlap in rows (columns, turned) and stand at most ``gap`` apart, joined."""
    if turned:
        return [transpose_box(box) for box in join_along([transpose_box(box) for box in boxes], gap)]
    joined: list[Box] = []
    for box in sorted(boxes):
        for index, other in enumerate(joined):
            rows = min(box[3], other[3]) - max(box[1], other[1])
            if rows > 0 and box[0] - other[2] <= gap and other[0] - box[2] <= gap:
                joined[index] = union(other, box)
                break
        else:
            joined.append(box)
    return joined


def _along(ink: np.ndarray, turned: bool) -> np.ndarray:
    """Which columns of a run hold ink (rows, for a run turned 90 degrees)."""
    return ink.any(axis=1) if turned else ink.any(axis=0)


def one_polarity(
    polarities: Sequence[np.ndarray], crop: np.ndarray, ground: float, known: np.ndarray | None = None
) -> Sequence[np.ndarray]:
    """The ink of the polarity the text is written in, when the other polarity's "ink" is its ground.

    Bright text on a dark panel is ink in the bright polarity, and the panel between its letters
    and inside their loops is "ink" in the dark one; the two together cover the whole line, so
    the line's box would be blacked out instead of its glyphs. The glyph pixels the detection
    took as text (``known``) lie in the text's polarity; without them, the text's ink differs
    from the ground (the median of the run: glyphs are the fewer of its pixels, and a panel may
    end at the run's edge) and the other polarity's is the ground itself. When one polarity's ink lies at most ``GROUND_SHARE`` as far from the ground as the
    other's, only the other is kept; otherwise both are (fail safe: text of either polarity is
    removed).
    """
    present = [found for found in polarities if found.any()]
    if len(present) < 2:
        return present
    if known is not None and known.any():
        # the glyph pixels the detection itself took as text name the polarity best
        shares = [float((found & known).sum()) / float(known.sum()) for found in present]
        best = int(np.argmax(shares))
        if min(shares) <= GROUND_SHARE * max(shares):
            return [present[best]]
    distances = [abs(float(np.median(crop[found])) - ground) for found in present]
    farthest = int(np.argmax(distances))
    if min(distances) <= GROUND_SHARE * max(distances):
        return [present[farthest]]
    return present


# the core of a run's ink, whose value is the text's: its pixels standing out this share of its strong strokes at least
CORE_SHARE = 0.5
# ...the text's value is this percentile of the core's values from the text's side (small letters are mostly their
# antialiased edge, of values between the text's and the ground's); a piece's value is that percentile of its own
VALUE_PERCENTILE = 20.0


def _from_text_side(values: np.ndarray, bright: bool) -> float:
    return float(np.percentile(values, 100.0 - VALUE_PERCENTILE if bright else VALUE_PERCENTILE))


def text_value(found: np.ndarray, strokes: np.ndarray, crop: np.ndarray, bright: bool) -> float:
    """The value the text of a run is drawn in (``bright`` or dark ink): the ``VALUE_PERCENTILE`` from the text's
    side of its ink's core (``found``'s pixels standing out of ``strokes`` by ``CORE_SHARE`` of its 95th percentile
    at least). Pieces of the ground between letters on a ground of another value (the same polarity's "ink" where
    the text stands on the other side of it) stand out less than the letters do, and are left out of the core."""
    response = strokes[found]
    core = found & (strokes >= CORE_SHARE * float(np.percentile(response, 95)))
    return _from_text_side(crop[core] if core.any() else crop[found], bright)


def _label_percentiles(values: np.ndarray, labels: np.ndarray, count: int, percentile: float) -> np.ndarray:
    """The ``percentile`` (nearest rank) of ``values`` over each label 1..count of ``labels``."""
    flat, where = values.ravel(), labels.ravel()
    inside = where > 0
    flat, where = flat[inside], where[inside]
    order = np.lexsort((flat, where))
    sizes = np.bincount(where, minlength=count + 1)[1:]
    starts = np.concatenate(([0], np.cumsum(sizes)[:-1]))
    ranks = starts + np.round((sizes - 1) * percentile / 100.0).astype(np.int64)
    return flat[order][ranks].astype(np.float64)


def same_value_ink(found: np.ndarray, strokes: np.ndarray, crop: np.ndarray, value: float, bright: bool) -> np.ndarray:
    """The pieces of ``found`` (ink of one polarity, ``bright`` or dark, standing out of ``strokes``) nearer the
    text's ``value`` than the ground right around them, on the side of it the polarity stands on: letters of a
    line whose ground crosses the text's value (mid-grey text from a black border onto bright anatomy). The other
    pieces of that polarity are the ground between the letters found (as near their own ground as the cut lets
    them stand) or texture of another value."""
    labels, count = ndimage.label(found, structure=np.ones((3, 3), dtype=bool))
    if count == 0:
        return found
    values = crop.astype(np.float32)
    # the ground right around each pixel: the opening (bright) or closing (dark) the stroke map stands out of
    around = values - strokes if bright else values + strokes
    piece = _label_percentiles(values, labels, count, 100.0 - VALUE_PERCENTILE if bright else VALUE_PERCENTILE)
    ground = _label_percentiles(around, labels, count, 50.0)
    keep = (np.abs(piece - value) < np.abs(ground - piece)) & ((value > ground) if bright else (value < ground))
    return np.concatenate(([False], keep))[labels]


# a run grows along its row where its ground changes at its end by this share of the text's contrast (and
# GROW_MIN_STEP at least) within GROW_EDGE_HEIGHTS glyph heights of the end; over letters of the text's value,
# each at most GROW_GAP_HEIGHTS glyph heights from the last, up to GROW_REACH_HEIGHTS glyph heights
GROW_EDGE_SHARE = 0.25
GROW_MIN_STEP = 16.0
GROW_EDGE_HEIGHTS = 2.0
GROW_GAP_HEIGHTS = 1.5
GROW_REACH_HEIGHTS = 16.0
# ... letters as tall as this many glyph heights at most (and LETTER_SHARE of one at least)
GROW_TALL_HEIGHTS = 1.3
# ... standing out of their ground by this many grey levels at least, where its own texture lets them
GROW_MIN_CUT = 3.0


def grown_along_row(
    display: np.ndarray, box: Box, glyph_height: int, line_value: tuple[float, float], policy: PixelPolicy,
    stops: Sequence[Box] = (),
) -> tuple[Box, list[Box]]:
    """A PHI run (``box``, a row) grown at either end over the letters that continue its line onto another ground.

    A line of mid-grey text drawn from a black border onto bright anatomy is found, read and joined only over
    one of its grounds: its letters over the other stand out of their ground the other way, or hardly at all,
    and the run stops at the edge. Where the ground changes near the run's end (by ``GROW_EDGE_SHARE`` of the
    text's contrast, ``line_value`` being the text's value and that contrast), the run grows over the pieces
    of ink of either polarity, in its rows, as tall as letters, nearer the text's value than their own ground
    (:func:`same_value_ink`), each within ``GROW_GAP_HEIGHTS`` glyph heights of the run or of the last one
    taken: glyphs that continue a PHI line are PHI (fail closed). It never grows past a kept word (``stops``).
    Returns the box and the boxes of the letters it grew over (frame coordinates)."""
    value, contrast = line_value
    rows, cols = display.shape
    x0, y0, x1, y1 = box
    height = max(1, glyph_height)
    width = max(5, glyph_height // 2 + 1)
    edge_window = int(GROW_EDGE_HEIGHTS * height)
    step = max(GROW_MIN_STEP, GROW_EDGE_SHARE * contrast)
    reach = int(GROW_REACH_HEIGHTS * height)
    gap = GROW_GAP_HEIGHTS * height
    pad = max(policy.padding_px, round(policy.padding_fraction * height))
    row_stops = [stop for stop in stops if min(stop[3], y1) - max(stop[1], y0) > 0.5 * min(stop[3] - stop[1], y1 - y0)]
    grown = [x0, x1]
    taken: list[Box] = []
    for left in (True, False):
        end = x0 if left else x1
        lo, hi = (end - edge_window, end + edge_window + height) if left else (end - edge_window - height, end + edge_window)
        lo, hi = max(0, lo), min(cols, hi)
        if hi - lo < 3:
            continue
        profile = ndimage.median_filter(
            np.median(display[y0:y1, lo:hi], axis=0).astype(np.float64), size=max(3, glyph_height // 2 | 1), mode="nearest"
        )
        if float(np.ptp(profile)) < step:
            continue  # one ground across the end: the run ends where its line does
        # (the nearest kept word beyond the end bounds the growth, its padding too)
        bound = (max([0, *(stop[2] for stop in row_stops if stop[2] <= end)]) if left
                 else min([cols, *(stop[0] for stop in row_stops if stop[0] >= end)]))
        if left:
            wx0, wx1 = max(bound, end - reach), min(x1, end + height)
        else:
            wx0, wx1 = max(x0, end - height), min(bound, end + reach)
        if wx1 - wx0 < 3 or any(stop[0] < wx1 and stop[2] > wx0 for stop in row_stops):
            continue
        px0, py0, px1, py1 = max(0, wx0 - width), max(0, y0 - width), min(cols, wx1 + width), min(rows, y1 + width)
        area = display[py0:py1, px0:px1]
        inner = (slice(y0 - py0, y1 - py0), slice(wx0 - px0, wx1 - px0))
        # the ground's texture above and below the letters beyond the run's end (the run's own ground differs)
        ring = np.zeros(area.shape, dtype=bool)
        beyond = slice(0, end - px0) if left else slice(end - px0, px1 - px0)
        ring[:, beyond] = True
        ring[inner[0], :] = False
        letters = np.zeros((y1 - y0, wx1 - wx0), dtype=bool)
        for bright in (True, False):
            around = stroke_map(area, width, bright=bright)
            noise = float(np.percentile(around[ring], 95)) if ring.any() else 0.0
            # (on a flat ground, as a black border is, faint letters of a value near it stand out of it enough)
            cut = float(np.clip(policy.detection.stroke_noise_factor * noise, GROW_MIN_CUT, policy.detection.stroke_threshold))
            strokes = around[inner]
            found = glyph_sized(strokes >= cut, glyph_height)
            if found.any():
                letters |= same_value_ink(found, strokes, area[inner], value, bright)
        labels, _count = ndimage.label(letters, structure=np.ones((3, 3), dtype=bool))
        inside = [
            (wx0 + piece[1].start, wx0 + piece[1].stop, y0 + piece[0].start, y0 + piece[0].stop)
            for piece in ndimage.find_objects(labels)
            if piece is not None and piece[0].start > 0 and piece[0].stop < y1 - y0
        ]
        pieces = [piece for piece in inside if LETTER_SHARE * height <= piece[3] - piece[2] <= GROW_TALL_HEIGHTS * height + 2]
        frontier = end
        changed = True
        while changed:
            changed = False
            for start, stop, top, bottom in pieces:
                if (left and start < frontier and stop >= frontier - gap) or (
                    not left and stop > frontier and start <= frontier + gap
                ):
                    frontier, changed = (start if left else stop), True
                    taken.append((start, top, stop, bottom))
        if frontier != end:
            # and the marks between the letters it grew over (a comma, the dots of a colon)
            low, high = (frontier, end) if left else (end, frontier)
            taken += [(start, top, stop, bottom) for start, stop, top, bottom in inside
                      if low <= start and stop <= high and bottom - top < LETTER_SHARE * height]
            grown[0 if left else 1] = max(bound, frontier - pad) if left else min(bound, frontier + pad)
    return (min(x0, grown[0]), y0, max(x1, grown[1]), y1), taken


# a stretch of a run whose ground lies this share of the text's contrast (and HIDDEN_MIN_PX at least) or nearer
# the text's value hides its letters from the cut; only within this many glyph heights of the ink found
HIDDEN_SHARE = 0.15
HIDDEN_MIN_PX = 12.0
HIDDEN_REACH_HEIGHTS = 0.5


# a run is one line of its glyph height when no taller than this many of them, and its words (read) are this share
# of it tall at least
ONE_LINE_HEIGHTS = 3.0
ONE_LINE_SLACK_PX = 8  # (a small line's run is padded by a few px at least above and below)
WORD_HEIGHT_SHARE = 0.6


def is_one_line(box: Box, glyph_height: int, words: Sequence[Box] = ()) -> bool:
    """Whether a run is one line of text of its glyph height: no more than ``ONE_LINE_HEIGHTS`` of it (and
    ``ONE_LINE_SLACK_PX``) across, and
    the words read in it (their median) at least ``WORD_HEIGHT_SHARE`` of it tall. A run of a line seen far taller
    than its words (a detector's box over small text and the anatomy around it) takes the anatomy's structures
    for strokes: its ground is no line's ground."""
    across = min(box[2] - box[0], box[3] - box[1])
    if across > ONE_LINE_HEIGHTS * max(1, glyph_height) + ONE_LINE_SLACK_PX:
        return False
    if words:
        tall = float(np.median([min(word[2] - word[0], word[3] - word[1]) for word in words]))
        return tall >= WORD_HEIGHT_SHARE * glyph_height
    return True


def _ground_profile(crop: np.ndarray, glyph_height: int, turned: bool) -> np.ndarray:
    """A run's ground along its row (column, ``turned``): each column's median, smoothed over half a glyph height."""
    profile = np.median(crop.T if turned else crop, axis=0).astype(np.float64)
    return ndimage.median_filter(profile, size=max(3, glyph_height // 2 | 1), mode="nearest")


def crosses_value(crop: np.ndarray, value: float, contrast: float, glyph_height: int, turned: bool = False) -> bool:
    """Whether a run's ground lies on both sides of its text's ``value`` (by more than ``HIDDEN_SHARE`` of the
    text's ``contrast``, ``HIDDEN_MIN_PX`` at least) somewhere along it: its letters stand out of the ground one
    way over part of it and the other way over the rest."""
    profile = _ground_profile(crop, glyph_height, turned)
    tolerance = max(HIDDEN_MIN_PX, HIDDEN_SHARE * contrast)
    return bool((profile > value + tolerance).any() and (profile < value - tolerance).any())


def hidden_stretches(
    crop: np.ndarray, ink: np.ndarray, value: float, contrast: float, glyph_height: int, turned: bool = False
) -> list[tuple[int, int]]:
    """The stretches (start, stop: columns of the run, rows when ``turned``) where the run's ground, the median of
    each column smoothed along the row over half a glyph height, lies within ``HIDDEN_SHARE`` of the text's
    ``contrast`` of its ``value``: text drawn there (mid-grey letters crossing from a dark border onto anatomy of
    their own grey) stands out of nothing, and no cut finds it. Only stretches within ``HIDDEN_REACH_HEIGHTS``
    of the ink found (``ink``) count: a line's letters stand on both sides of them, or on one."""
    if turned:
        crop, ink = crop.T, ink.T
    along = np.flatnonzero(ink.any(axis=0))
    if along.size == 0:
        return []
    profile = _ground_profile(crop, glyph_height, False)
    near = np.abs(profile - value) <= max(HIDDEN_MIN_PX, HIDDEN_SHARE * contrast)
    reach = int(HIDDEN_REACH_HEIGHTS * glyph_height)
    # (between two words as well as beyond the line's ends: the ground of the gap between them is no text)
    inked = ink.any(axis=0)
    near &= ndimage.binary_dilation(inked, structure=np.ones(2 * reach + 1, dtype=bool)) if reach > 0 else inked
    edges = np.flatnonzero(np.diff(np.concatenate(([0], near.astype(np.int8), [0]))))
    return [(int(start), int(stop)) for start, stop in zip(edges[::2], edges[1::2], strict=True)]


def glyph_sized(found: np.ndarray, glyph_height: int, turned: bool = False) -> np.ndarray:
    """``found`` without the pieces of ink that are no glyphs: taller than a line of text (a panel,
    or the ground around it, standing out in the other polarity), or a long thin strip along the
    run's top or bottom edge (where a panel meets the anatomy). Rows and columns swap for a run
    turned 90 degrees."""
    if not found.any():
        return found
    mask = found.T if turned else found
    labels, count = ndimage.label(mask, structure=np.ones((3, 3), dtype=bool))
    tall = 1.6 * glyph_height + 2
    drop = np.zeros(count + 1, dtype=bool)
    for index, piece in enumerate(ndimage.find_objects(labels), start=1):
        if piece is None:
            continue
        height, width = piece[0].stop - piece[0].start, piece[1].stop - piece[1].start
        on_edge = piece[0].start == 0 or piece[0].stop == mask.shape[0]
        drop[index] = height > tall or (on_edge and height < 0.35 * glyph_height and width > 2 * glyph_height)
    if not drop.any():
        return found
    kept = mask & ~drop[labels]
    return kept.T if turned else kept


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
    n_frames = image.display.shape[0]
    if boxes is None:
        boxes = redaction_boxes(ds)
    findings: list[str] = []
    cache: dict[bytes, LineReading] = {}

    def judge(words: Sequence[tuple[str, float, Box]], where: str) -> None:
        phi = readable_phi(words, policy, deny_list)
        if phi:
            findings.append(f"{phi} readable {where}")

    try:
        for frame in _frame_indices(n_frames, policy.max_frames_searched):
            lines = find_text_lines(image.stored[frame], image.display[frame], policy.detection, ())
            readings = [read_line(line, cache) for line in lines]
            read_well = [
                line.n_glyphs > 1 and reads_well(reading.words, policy.single_stroke_glyph_min_confidence)
                for line, reading in zip(lines, readings, strict=True)
            ]
            for index, (line, reading) in enumerate(zip(lines, readings, strict=True)):
                # the same test of "is this text" as the cleaning pass
                if not counts_as_text(index, lines, readings, read_well, policy, deny_list):
                    continue
                judge(reading.words, f"in frame {frame} at {list(line.box)}")
            for box in boxes:
                _crop_box, around = read_around_box(image.display[frame], box, policy.detection.min_glyph_height)
                for words in around:
                    judge([(w.text, w.confidence, w.box) for w in words], f"around box {list(box)}")
    except ocr.OcrUnavailableError as err:
        raise PixelDeidError(f"OCR unavailable: {err}") from err
    return sorted(set(findings))
