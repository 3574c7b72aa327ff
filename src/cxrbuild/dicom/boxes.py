"""Pixel boxes and their geometry: the one home of the box type of burned-in text.

A box is ``(x0, y0, x1, y1)`` in pixel indices of a frame, half-open: it
holds columns ``x0 .. x1 - 1`` and rows ``y0 .. y1 - 1``. The same boxes are
found by detection, blacked out by :mod:`cxrbuild.dicom.redact` and recorded
in the header by :mod:`cxrbuild.dicom.annotation`.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

Box = tuple[int, int, int, int]


def union(a: Box, b: Box) -> Box:
    """The bounding rectangle of two boxes."""
    return (min(a[0], b[0]), min(a[1], b[1]), max(a[2], b[2]), max(a[3], b[3]))


def intersects(a: Box, b: Box) -> bool:
    """Whether two boxes share at least one pixel."""
    return min(a[2], b[2]) > max(a[0], b[0]) and min(a[3], b[3]) > max(a[1], b[1])


def pad_box(box: Box, pad: int, rows: int, cols: int) -> Box:
    """``box`` grown by ``pad`` on every side, clipped to a frame of ``rows`` x ``cols``."""
    return (max(0, box[0] - pad), max(0, box[1] - pad), min(cols, box[2] + pad), min(rows, box[3] + pad))


def covered_fraction(a: Box, b: Box) -> float:
    """The share of box ``a`` that box ``b`` covers."""
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    if width <= 0 or height <= 0:
        return 0.0
    area = (a[2] - a[0]) * (a[3] - a[1])
    return width * height / area if area else 0.0


def outside(box: Box, holes: Sequence[Box]) -> list[Box]:
    """The parts of ``box`` outside every one of ``holes``, as boxes (bands above and below a hole, then the
    pieces left and right of it within its rows)."""
    parts = [box]
    for hole in holes:
        cut: list[Box] = []
        for x0, y0, x1, y1 in parts:
            hx0, hy0, hx1, hy1 = max(x0, hole[0]), max(y0, hole[1]), min(x1, hole[2]), min(y1, hole[3])
            if hx0 >= hx1 or hy0 >= hy1:
                cut.append((x0, y0, x1, y1))
                continue
            pieces = [(x0, y0, x1, hy0), (x0, hy1, x1, y1), (x0, hy0, hx0, hy1), (hx1, hy0, x1, hy1)]
            cut.extend(piece for piece in pieces if piece[2] > piece[0] and piece[3] > piece[1])
        parts = cut
    return parts


def transpose_box(box: tuple[int, ...]) -> tuple[int, ...]:
    """A box (x0, y0, x1, y1) in the transposed frame (rows and columns swapped), or back."""
    return (box[1], box[0], box[3], box[2])


def merge_boxes(boxes: Sequence[Box], slack: float = 0.1) -> list[Box]:
    """Union overlapping boxes whose bounding rectangle adds little (fewer rectangles, same pixels).

    Two boxes become their bounding rectangle only when it covers at most
    ``slack`` (of the smaller box) more than the two together; a ragged block
    of lines (right-aligned, of different lengths) stays a set of overlapping
    rectangles rather than one rectangle over the picture beside it.
    """

    pending = sorted(set(boxes))
    merged = True
    while merged:
        merged = False
        # the boxes kept so far, as an array: each box is compared with all of them at once, and joins
        # the first it overlaps tightly (the order of the plain pairwise scan)
        result = np.zeros((len(pending), 4), dtype=np.int64)
        count = 0
        for box in pending:
            if count:
                kept = result[:count]
                x0, y0 = np.maximum(kept[:, 0], box[0]), np.maximum(kept[:, 1], box[1])
                x1, y1 = np.minimum(kept[:, 2], box[2]), np.minimum(kept[:, 3], box[3])
                overlap = (x1 > x0) & (y1 > y0)
                if overlap.any():
                    areas = np.maximum(0, kept[:, 2] - kept[:, 0]) * np.maximum(0, kept[:, 3] - kept[:, 1])
                    own = max(0, box[2] - box[0]) * max(0, box[3] - box[1])
                    covered = areas + own - np.where(overlap, (x1 - x0) * (y1 - y0), 0)
                    ux0, uy0 = np.minimum(kept[:, 0], box[0]), np.minimum(kept[:, 1], box[1])
                    ux1, uy1 = np.maximum(kept[:, 2], box[2]), np.maximum(kept[:, 3], box[3])
                    bounding = np.maximum(0, ux1 - ux0) * np.maximum(0, uy1 - uy0)
                    tight = overlap & (bounding - covered <= slack * np.minimum(areas, own))
                    if tight.any():
                        index = int(np.argmax(tight))
                        result[index] = (ux0[index], uy0[index], ux1[index], uy1[index])
                        merged = True
                        continue
            result[count] = box
            count += 1
        pending = sorted({(int(a), int(b), int(c), int(d)) for a, b, c, d in result[:count].tolist()})
    # a box wholly inside another adds nothing (the boxes are distinct: inside another means inside a different one)
    if len(pending) < 2:
        return pending
    corners = np.asarray(pending, dtype=np.int64)
    return [
        box for box in pending
        if np.count_nonzero((corners[:, 0] <= box[0]) & (corners[:, 1] <= box[1]) & (corners[:, 2] >= box[2]) & (corners[:, 3] >= box[3])) < 2
    ]
