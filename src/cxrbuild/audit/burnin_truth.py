"""Check a release against the truth of the hospital it was built from: is every burned-in PHI glyph black?

The leak audit (:mod:`cxrbuild.audit.scan`) reads released pixels the way an
attacker would; this check needs no reading at all. Given a hospital whose
burned-in text is known box by box (``cxrbuild synth`` writes
``truth/images.jsonl``: ``box``, ``phi``, ``level``, ``size`` per text item),
the images it came from and the release, it finds each PHI item's glyph
pixels in the *source* image and asks whether the *released* image shows
them black, through the released file's own Modality/VOI LUT and
MONOCHROME1 inversion (:mod:`cxrbuild.dicom.display`).

Glyph pixels of a box are those at the text's stored value, and those the
text changed more than half way from the ground under it (antialiased and
thin strokes never reach the text value): the ground is a grey opening
(text brighter) or closing (darker) of the source, wider than a stroke, so
it follows the anatomy or the label behind the text. Shown black means the
glyph pixels and the pixels touching them (one pixel, eight-connected): dark
text on a light label is already black, and is unreadable only when its
ground is black too.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pydicom
from scipy import ndimage

from cxrbuild.contract import crosswalk_path
from cxrbuild.dicom.boxes import Box
from cxrbuild.dicom.display import displayed_black

MIN_BLACK = 0.99  # share of a PHI box's glyph pixels (and their rim) that must be shown black
MIN_CONTRAST = 0.02  # of the stored range: text closer than this to its ground is invisible


@dataclass(frozen=True)
class BoxScore:
    """How black the released image shows one truth box's glyphs."""

    image: str  # the truth's path (relative to the PACS folder)
    output: str  # the released file (relative to the release)
    box: Box
    kind: str
    size: int
    font: str
    glyph_pixels: int  # glyph pixels with their rim
    black_fraction: float  # of them, shown black in the release
    phi: bool = True

    @property
    def redacted(self) -> bool:
        return self.black_fraction >= MIN_BLACK

    @property
    def kept(self) -> bool:
        """Nothing of the text blacked out (what a marker should be)."""
        return self.black_fraction <= 1.0 - MIN_BLACK


def box_glyphs(display: np.ndarray, box: list[int]) -> np.ndarray:
    """The ink of a hand-made truth box (one word or field of a real file), as a mask of the frame: pixels that differ from the
    box's rim (the ground) by more than half of the most any pixel in the box does."""
    x0, y0, x1, y1 = box
    mask = np.zeros(display.shape, dtype=bool)
    crop = display[y0:y1, x0:x1].astype(np.int16)
    if crop.size == 0:
        return mask
    rim = np.ones(crop.shape, dtype=bool)
    rim[1:-1, 1:-1] = False
    ground = int(np.median(crop[rim]))
    away = np.abs(crop - ground)
    if away.max() == 0:
        return mask
    mask[y0:y1, x0:x1] = away > away.max() / 2
    return mask


def _text_value(stored: np.ndarray, box: Box, level: int, photometric: str, bits_stored: int) -> int:
    """The stored value the text was drawn at.

    The truth's ``level`` is the value as displayed without inversion; a
    MONOCHROME1 image stores its complement. Whichever the box holds more
    of is taken (a truth written in stored values works too).
    """
    x0, y0, x1, y1 = box
    crop = stored[y0:y1, x0:x1]
    candidates = [level]
    if photometric == "MONOCHROME1":
        candidates.insert(0, (1 << bits_stored) - 1 - level)
    return max(candidates, key=lambda value: int(np.count_nonzero(crop == value)))


def glyph_mask(stored: np.ndarray, box: Box, text_value: int, size: int, value_range: float) -> np.ndarray:
    """The glyph pixels of ``box`` in a grey frame, as a mask of the frame's shape (see the module doc)."""
    rows, cols = stored.shape
    x0, y0, x1, y1 = (max(0, box[0]), max(0, box[1]), min(cols, box[2]), min(rows, box[3]))
    # the ground filter must be wider than any stroke of the text
    width = max(5, int(size) // 3 + 2)
    px0, py0, px1, py1 = max(0, x0 - width), max(0, y0 - width), min(cols, x1 + width), min(rows, y1 + width)
    crop = stored[py0:py1, px0:px1].astype(np.float64)
    inner = (slice(y0 - py0, y1 - py0), slice(x0 - px0, x1 - px0))
    region = crop[inner]
    outside = np.ones(crop.shape, dtype=bool)
    outside[inner] = False
    surroundings = float(np.median(crop[outside])) if outside.any() else float(np.median(region))
    brighter = text_value >= surroundings
    ground = (ndimage.grey_opening if brighter else ndimage.grey_closing)(crop, size=(width, width))[inner]
    step = np.abs(text_value - ground)
    changed = np.abs(region - ground) >= 0.5 * step
    glyphs = (region == text_value) | (changed & (step >= MIN_CONTRAST * value_range))
    mask = np.zeros(stored.shape, dtype=bool)
    mask[y0:y1, x0:x1] = glyphs
    return mask


def score_box(
    stored: np.ndarray, released_black: np.ndarray, record: Mapping, photometric: str, bits_stored: int
) -> tuple[int, float]:
    """(glyph pixels with their rim, share of them shown black) of one truth box record."""
    box = tuple(int(v) for v in record["box"])
    value = _text_value(stored, box, int(record["level"]), photometric, bits_stored)
    glyphs = glyph_mask(stored, box, value, int(record.get("size") or 12), float((1 << bits_stored) - 1))
    return _black_share(glyphs, released_black)


def _black_share(glyphs: np.ndarray, released_black: np.ndarray) -> tuple[int, float]:
    """(glyph pixels with their rim, share of them shown black)."""
    wanted = ndimage.binary_dilation(glyphs, structure=np.ones((3, 3), dtype=bool))
    count = int(np.count_nonzero(wanted))
    if count == 0:
        return 0, 1.0
    return count, float(np.count_nonzero(released_black & wanted)) / count


def _first_frame(ds: pydicom.Dataset) -> np.ndarray:
    array = ds.pixel_array
    return array[0] if int(ds.get("NumberOfFrames", 1) or 1) > 1 else array


@dataclass(frozen=True)
class ImageScore:
    """One released image against its truth: its boxes, and pixels changed away from any text."""

    image: str
    output: str
    boxes: list[BoxScore]  # PHI and markers (``kind == "marker"`` for text to keep)
    changed_far: int  # pixels whose stored value changed more than FAR_PX from every truth glyph

    @property
    def phi(self) -> list[BoxScore]:
        return [box for box in self.boxes if box.phi]

    @property
    def markers(self) -> list[BoxScore]:
        return [box for box in self.boxes if not box.phi]


FAR_PX = 8  # a changed pixel further than this from every glyph changed the picture, not the text


def score_image(source: pydicom.Dataset, released: pydicom.Dataset, truth: Mapping, output: str) -> ImageScore:
    """Every truth box of one image scored, and the pixels its release changed away from the text."""
    stored = _first_frame(source)
    after = _first_frame(released)
    black = displayed_black(released, after)
    photometric = str(source.PhotometricInterpretation).upper()
    bits = int(source.BitsStored)
    value_range = float((1 << bits) - 1)
    near = np.zeros(stored.shape[:2], dtype=bool)
    scores = []
    for record in truth.get("boxes", ()):
        box = tuple(int(v) for v in record["box"])
        value = _text_value(stored, box, int(record["level"]), photometric, bits)
        glyphs = glyph_mask(stored, box, value, int(record.get("size") or 12), value_range)
        count, fraction = _black_share(glyphs, black)
        near |= glyphs
        scores.append(BoxScore(
            truth["path"], output, box, str(record.get("kind", "")), int(record.get("size") or 0),
            str(record.get("font", "")), count, fraction, bool(record.get("phi")),
        ))
    near = ndimage.binary_dilation(near, iterations=FAR_PX, structure=np.ones((3, 3), dtype=bool)) if near.any() else near
    changed = stored != after if stored.shape == after.shape else np.ones(stored.shape, dtype=bool)
    if changed.ndim == 3:
        changed = changed.any(axis=-1)
    return ImageScore(truth["path"], output, scores, int(np.count_nonzero(changed & ~near)))


def score_images(hospital_dir: Path, work_dir: Path, release_dir: Path) -> Iterator[ImageScore]:
    """Every released image of a demo build that has burned-in text, scored against its truth.

    ``hospital_dir`` holds ``truth/images.jsonl`` and ``pacs/``; the private
    ``work_dir/ids/images.parquet`` maps each source (``path``) to its
    released file (``output``, relative to ``release_dir``). Images not in the
    release (quarantined, outside the cohort) are skipped.
    """
    import pandas as pd

    index = pd.read_parquet(crosswalk_path(work_dir, "images"), columns=["path", "output"])
    outputs = {row.path: row.output for row in index.itertuples() if isinstance(row.output, str)}
    with open(Path(hospital_dir) / "truth" / "images.jsonl", encoding="utf-8") as handle:
        for line in handle:
            truth = json.loads(line)
            output = outputs.get(truth["path"])
            if not truth.get("boxes") or output is None or not (Path(release_dir) / output).is_file():
                continue
            source = pydicom.dcmread(Path(hospital_dir) / "pacs" / truth["path"])
            released = pydicom.dcmread(Path(release_dir) / output)
            yield score_image(source, released, truth, output)


def score_release(hospital_dir: Path, work_dir: Path, release_dir: Path) -> Iterator[BoxScore]:
    """Every PHI truth box of every released image of a demo build, scored (see :func:`score_images`)."""
    for image in score_images(hospital_dir, work_dir, release_dir):
        yield from image.phi


def unredacted_boxes(hospital_dir: Path, work_dir: Path, release_dir: Path) -> list[BoxScore]:
    """The released PHI truth boxes shown less than :data:`MIN_BLACK` black: each one a leak."""
    return [score for score in score_release(hospital_dir, work_dir, release_dir) if not score.redacted]
