"""From judged words to the boxes blacked out: runs of PHI words, joined along their rows, padded.

A run of PHI words on a line reaches from the kept word (or line end) before
it to the kept word (or line end) after it; runs and stray glyphs that
continue one another on a row are joined; each run is padded, never onto a
kept marker.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

import numpy as np

from cxrbuild.dicom.boxes import Box, intersects, merge_boxes, pad_box, union
from cxrbuild.dicom.pixelpolicy import PixelPolicy
from cxrbuild.dicom.reading import TextRegion


def phi_runs(
    regions: Sequence[TextRegion], glyph_heights: Sequence[int], line_boxes: Mapping[tuple[int, int], Box]
) -> list[tuple[Box, int]]:
    """Boxes of the runs of PHI words of each line, with their glyph heights.

    A run reaches from the kept word (or line end) before it to the kept word
    (or line end) after it and spans the line's full height, so glyphs OCR
    skipped or split off between or beside PHI words go with them. A kept
    word of one letter between two removed words goes with them: a letter
    inside a removed label ("Dyn R 58") is no laterality marker.
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
        removed = [region.decision == "phi" for region, _ in members]
        for index in range(1, len(members) - 1):
            # a lone kept letter between removed words is part of their label ("Dyn R 58"), not a marker
            if not removed[index] and removed[index - 1] and removed[index + 1] and len(members[index][0].text.strip()) == 1:
                removed[index] = True
        for (region, glyph_height), phi in zip(members, removed, strict=True):
            if phi:
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


# a stray of the run's own glyph height standing within its rows is a word of its line: it continues the
# run across a gap this many glyph heights wide (letter-spaced monospace: "C.   WHITE")
ALIGNED_GAP_FACTOR = 3.0
ALIGNED_HEIGHT_SHARE = 0.25
# a stray's box no taller than this many of its glyph heights is one row of glyphs
LOOSE_STRAY_HEIGHTS = 2.6


def _aligned(run: Box, run_height: int, stray: Box, stray_height: int) -> bool:
    """Whether ``stray`` stands in ``run``'s rows with glyphs as tall as the run's (within ALIGNED_HEIGHT_SHARE),
    the run being one line still (no taller than a loose stray may be: a run grown over rows of strays has
    no rows of its own to stand in)."""
    tolerance = max(1.0, ALIGNED_HEIGHT_SHARE * run_height)
    return (
        run[3] - run[1] <= LOOSE_STRAY_HEIGHTS * max(run_height, 1)
        and stray[1] >= run[1]
        and stray[3] <= run[3]
        and abs(stray_height - run_height) <= tolerance
        and stray[3] - stray[1] >= run_height - tolerance
    )


def join_runs(
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
    apart (``ALIGNED_GAP_FACTOR`` for a stray of the run's glyph height within
    its rows: the initial before a name in letter-spaced monospace), with no
    kept word between them, become one; a stray alone is never a box.
    """
    pending = list(runs)
    loose = [stray for stray in strays if stray[0][3] - stray[0][1] <= LOOSE_STRAY_HEIGHTS * max(stray[1], 1)]
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
    # whether one run continues another depends on the two alone: each pair is judged once, though the
    # scan starts over after every join (the joins, and their order, are those of the plain scan)
    judged: dict[tuple, bool] = {}

    def continues(a: Box, ha: int, b: Box, hb: int) -> bool:
        key = (a, ha, b, hb)
        found = judged.get(key)
        if found is None:
            found = judged[key] = _continues(a, ha, b, hb, kept, gap_factor)
        return found

    changed = True
    while changed:
        changed = False
        # the pairs on one row within reach, for all runs at once: only those are judged in full
        # (the joins, and their order, are those of the plain scan over every pair)
        boxes = np.asarray([box for box, _ in pending], dtype=np.int64).reshape(-1, 4)
        heights = np.asarray([height for _, height in pending], dtype=np.int64)
        runs_near = _in_reach(boxes, heights, boxes, heights, gap_factor)
        np.fill_diagonal(runs_near, False)
        strays_near = np.zeros((len(pending), 0), dtype=bool)
        if loose:
            stray_boxes = np.asarray([box for box, _ in loose], dtype=np.int64)
            stray_heights = np.asarray([height for _, height in loose], dtype=np.int64)
            strays_near = _in_reach(boxes, heights, stray_boxes, stray_heights, ALIGNED_GAP_FACTOR) & (
                stray_heights[None, :] <= 2 * heights[:, None]
            )
        for i in range(len(pending)):
            box, height = pending[i]
            for j in np.flatnonzero(runs_near[i]).tolist():
                if continues(box, height, pending[j][0], pending[j][1]):
                    other = pending[j]
                    pending = [run for k, run in enumerate(pending) if k not in (i, j)]
                    pending.append((union(box, other[0]), max(height, other[1])))
                    changed = True
                    break
            if changed:
                break
            for j in np.flatnonzero(strays_near[i]).tolist():
                stray, stray_height = loose[j]
                if continues(box, height, stray, stray_height) or (
                    _aligned(box, height, stray, stray_height)
                    and _continues(box, height, stray, stray_height, kept, ALIGNED_GAP_FACTOR)
                ):
                    pending[i] = (union(box, stray), height)
                    del loose[j]
                    changed = True
                    break
            if changed:
                break
    return pending


# a stray between two PHI runs of a block: its rows within this many glyph heights of each run's
FIELD_GAP = 1.0
FIELD_HEIGHT_RATIO = 1.6
FIELD_ASPECT = 2.0  # ...and it is a row of glyphs: at least this many of its heights wide


def fields_between(
    runs: Sequence[tuple[Box, int]], strays: Sequence[tuple[Box, int]], kept: Sequence[Box]
) -> tuple[list[tuple[Box, int]], list[tuple[Box, int]]]:
    """Strays lying between two PHI runs of one block, as PHI runs themselves: (runs, the other strays).

    A block of identifying fields ("name", "date and accession", "birth date", "doctor and ID")
    stands one field a row; a row that detection found but no reader made sense of (monospace
    digits on a bright gradient) is one more field of the block, not the picture. A stray that is a
    row of glyphs (:data:`FIELD_ASPECT`) of a similar glyph height, with a run over some of its
    columns right above it and another right below it (each within :data:`FIELD_GAP` glyph
    heights), touching no kept word, is removed with them. (Before, such a row went only where a run on its own row happened to reach it.)
    """
    promoted: list[tuple[Box, int]] = []
    rest: list[tuple[Box, int]] = []
    for stray, height in strays:
        if stray[2] - stray[0] < FIELD_ASPECT * (stray[3] - stray[1]):
            rest.append((stray, height))
            continue  # a glyph or two, not a field's row

        def beside(run: tuple[Box, int], below: bool, stray: Box = stray, height: int = height) -> bool:
            box, run_height = run
            if max(height, run_height) > FIELD_HEIGHT_RATIO * max(1, min(height, run_height)):
                return False
            if min(box[2], stray[2]) <= max(box[0], stray[0]):
                return False
            gap = box[1] - stray[3] if below else stray[1] - box[3]
            return -0.5 * (stray[3] - stray[1]) <= gap <= FIELD_GAP * max(height, run_height)

        if (
            any(beside(run, below=False) for run in runs)
            and any(beside(run, below=True) for run in runs)
            and not any(intersects(stray, marker) for marker in kept)
        ):
            promoted.append((stray, height))
        else:
            rest.append((stray, height))
    return [*runs, *promoted], rest


def _in_reach(a: np.ndarray, a_heights: np.ndarray, b: np.ndarray, b_heights: np.ndarray, gap_factor: float) -> np.ndarray:
    """For boxes ``a`` (n x 4) and ``b`` (m x 4) with their glyph heights: which pairs overlap in rows by
    half the shorter box and stand at most ``gap_factor`` glyph heights apart, the geometry
    :func:`_continues` asks for before it looks for kept words between them (n x m)."""
    overlap = np.minimum(a[:, None, 3], b[None, :, 3]) - np.maximum(a[:, None, 1], b[None, :, 1])
    shorter = np.minimum((a[:, 3] - a[:, 1])[:, None], (b[:, 3] - b[:, 1])[None, :])
    gap = np.maximum(b[None, :, 0] - a[:, None, 2], a[:, None, 0] - b[None, :, 2])
    return (overlap >= 0.5 * shorter) & (gap <= gap_factor * np.maximum(a_heights[:, None], b_heights[None, :]))


def _run_box(phi: Box, left: int | None, right: int | None, line_box: Box | None) -> Box:
    """A PHI run widened to its limits (kept words or line ends) and to the line's height."""
    if line_box is None or left is None or right is None:
        return phi
    return (min(phi[0], left), min(phi[1], line_box[1]), max(phi[2], right), max(phi[3], line_box[3]))


def boxes_from_regions(
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
    runs = join_runs(phi_runs(regions, glyph_heights, line_boxes), kept, strays)
    # (not joined again: a field's row is removed as found, never grown along its row into the picture)
    runs, _others = fields_between(runs, strays, kept)
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
