"""Checks of a de-identified file against its source: what the cleaning must not break.

- :func:`new_dciodvfy_errors`: errors David Clunie's ``dciodvfy`` (dicom3tools)
  reports for the output and not for its source, so that an error the source
  already had is not charged to the de-identification;
- :func:`pixels_outside_boxes_equal`: the decoded pixels of every frame are
  the source's, bit for bit, everywhere but in the blacked-out boxes.

Used by the tests and by ``benchmarks/pydicom_bundled.py``; the pipeline
itself never calls them.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from pydicom.dataset import Dataset

# Type 2 attributes the Basic Profile empties by contract (PS3.15 E.1.1 Z): a
# finding about them being empty is the profile's, not a fault of the output
EMPTIED_BY_PROFILE = frozenset(
    {"PatientName", "PatientBirthDate", "AccessionNumber", "ReferringPhysicianName", "StudyID"}
)


def dciodvfy_available() -> bool:
    return shutil.which("dciodvfy") is not None


def dciodvfy_errors(path: Path) -> set[str]:
    """The ``Error -`` findings of dciodvfy, with quoted values that hold digits masked.

    Values quoted in messages (UIDs, dates) change by design; the findings are
    compared, not the values.
    """
    result = subprocess.run(
        ["dciodvfy", str(path)], capture_output=True, encoding="latin-1", timeout=120, check=False
    )
    lines = (result.stdout + result.stderr).splitlines()
    return {
        re.sub(r"<[^<>]*\d[^<>]*>", "<value>", line.split(" - ", 1)[1].strip())
        for line in lines
        if line.startswith("Error - ")
    }


def new_dciodvfy_errors(source: Path, output: Path) -> list[str]:
    """Errors of ``output`` that ``source`` does not have (emptied type 2 attributes aside)."""
    before, after = dciodvfy_errors(source), dciodvfy_errors(output)
    return sorted(
        error
        for error in after - before
        if not any(f"<{keyword}>" in error for keyword in EMPTIED_BY_PROFILE)
    )


def outside_mask(rows: int, columns: int, boxes: Sequence[Sequence[int]]) -> np.ndarray:
    """``True`` for every pixel outside the half-open boxes ``[x0, y0, x1, y1]``."""
    mask = np.ones((rows, columns), dtype=bool)
    for x0, y0, x1, y1 in boxes:
        mask[max(0, int(y0)) : max(0, int(y1)), max(0, int(x0)) : max(0, int(x1))] = False
    return mask


def _frames(ds: Dataset) -> np.ndarray:
    """Decoded pixels as (frames, rows, columns[, samples]), YBR shown as RGB (pydicom's default)."""
    array = ds.pixel_array
    frames = int(ds.get("NumberOfFrames", 1) or 1)
    samples = int(ds.get("SamplesPerPixel", 1))
    shape = (frames, int(ds.Rows), int(ds.Columns)) + ((samples,) if samples > 1 else ())
    return array.reshape(shape)


def pixels_outside_boxes_equal(
    source: Dataset, output: Dataset, boxes: Sequence[Sequence[int]]
) -> bool:
    """Whether every decoded value outside ``boxes`` is the same in both, in every frame and sample."""
    before, after = _frames(source), _frames(output)
    if before.shape != after.shape:
        return False
    mask = outside_mask(int(source.Rows), int(source.Columns), boxes)
    # values, not bytes: a big endian source decodes to big endian numbers
    return bool(np.array_equal(before[:, mask], after[:, mask]))
