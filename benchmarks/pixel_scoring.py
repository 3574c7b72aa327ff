"""Score a pixel redaction against the demo hospital's truth boxes (docs/synth-truth.md).

- PHI recall: a PHI truth box counts as removed when at least 95% of its
  pixels (the whole box, a stricter measure than its text pixels alone) are
  shown black after the Modality/VOI LUTs (MONOCHROME1 inverted; RGB zero).
- Markers kept: a marker truth box counts as kept when none of its pixels changed.
- Outside change: the fraction of pixels away from the burned-in annotation
  whose stored value changed. "Away" means outside every label panel and
  outside every truth text box grown by half its height (at least 3 px): the
  redaction pads its boxes by design (the truth boxes are tight around the
  glyphs) and blacks out the few pixels between the lines of a PHI block,
  neither of which touches the picture. The strict figure, outside the truth
  boxes exactly, is reported beside it.

Used by benchmarks/pixel_bench.py; the test of the same figures on small
images (tests/test_pixels_synth.py) carries its own copy of these rules so it
does not depend on this folder.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pydicom
from pydicom.pixels import apply_modality_lut, apply_voi_lut


def display_black(ds: pydicom.Dataset, array: np.ndarray | None = None) -> np.ndarray:
    """Boolean map of pixels a viewer shows black (first frame)."""
    array = ds.pixel_array if array is None else array
    if int(ds.get("SamplesPerPixel", 1)) == 3:
        return (array == 0).all(axis=-1)
    shown = apply_voi_lut(apply_modality_lut(array, ds).astype(np.float64), ds).astype(np.float64)
    inverted = str(ds.PhotometricInterpretation) == "MONOCHROME1"
    # MONOCHROME1 and an INVERSE Presentation LUT Shape are one inversion (PS3.3 C.11.6)
    inverted = inverted or str(ds.get("PresentationLUTShape", "")).upper() == "INVERSE"
    return shown == (shown.max() if inverted else shown.min())


@dataclass
class Score:
    phi_boxes: int = 0
    phi_removed: int = 0
    marker_boxes: int = 0
    markers_kept: int = 0
    outside_pixels: int = 0
    outside_changed: int = 0
    strict_outside_pixels: int = 0
    strict_outside_changed: int = 0
    missed: list[str] = field(default_factory=list)  # "path: kind" of PHI boxes not removed
    lost_markers: list[str] = field(default_factory=list)

    def add(self, other: Score) -> None:
        self.phi_boxes += other.phi_boxes
        self.phi_removed += other.phi_removed
        self.marker_boxes += other.marker_boxes
        self.markers_kept += other.markers_kept
        self.outside_pixels += other.outside_pixels
        self.outside_changed += other.outside_changed
        self.strict_outside_pixels += other.strict_outside_pixels
        self.strict_outside_changed += other.strict_outside_changed
        self.missed += other.missed
        self.lost_markers += other.lost_markers

    @property
    def recall(self) -> float:
        return self.phi_removed / self.phi_boxes if self.phi_boxes else 1.0

    @property
    def markers_kept_rate(self) -> float:
        return self.markers_kept / self.marker_boxes if self.marker_boxes else 1.0

    @property
    def outside_changed_fraction(self) -> float:
        return self.outside_changed / self.outside_pixels if self.outside_pixels else 0.0

    @property
    def strict_outside_changed_fraction(self) -> float:
        return self.strict_outside_changed / self.strict_outside_pixels if self.strict_outside_pixels else 0.0


def score_image(
    record: dict, original: pydicom.Dataset, before: np.ndarray, cleaned: pydicom.Dataset, after: np.ndarray
) -> Score:
    """Score one image: ``before``/``after`` are the decoded first frames."""
    score = Score()
    black = display_black(cleaned, after)
    changed = before != after
    if changed.ndim == 3:
        changed = changed.any(axis=-1)
    annotation = np.zeros(changed.shape, dtype=bool)
    strict = np.zeros(changed.shape, dtype=bool)
    for item in record.get("boxes", []):
        x0, y0, x1, y1 = item["box"]
        strict[y0:y1, x0:x1] = True
        grow = max(3, (y1 - y0) // 2)
        annotation[max(0, y0 - grow) : y1 + grow, max(0, x0 - grow) : x1 + grow] = True
        if item.get("label_box"):
            lx0, ly0, lx1, ly1 = item["label_box"]
            annotation[ly0:ly1, lx0:lx1] = True
            strict[ly0:ly1, lx0:lx1] = True
        if item["phi"]:
            score.phi_boxes += 1
            if black[y0:y1, x0:x1].mean() >= 0.95:
                score.phi_removed += 1
            else:
                score.missed.append(f"{record['path']}: {item['kind']} {black[y0:y1, x0:x1].mean():.0%}")
        else:
            score.marker_boxes += 1
            if not changed[y0:y1, x0:x1].any():
                score.markers_kept += 1
            else:
                score.lost_markers.append(f"{record['path']}: {item['text']!r}")
    score.outside_pixels = int((~annotation).sum())
    score.outside_changed = int((changed & ~annotation).sum())
    score.strict_outside_pixels = int((~strict).sum())
    score.strict_outside_changed = int((changed & ~strict).sum())
    return score
