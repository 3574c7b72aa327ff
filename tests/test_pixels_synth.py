"""Burned-in text on the small demo hospital (fixture ``synth_small``), scored against its truth.

The generator draws PHI blocks and position markers in many fonts and sizes,
at grey levels from the extreme to mid-grey, on anatomy, air or label panels
(docs/synth-truth.md). Figures, over every releasable image:

- PHI recall: a PHI truth box counts as removed when >= 99% of its glyph
  pixels and their one-pixel rim are shown black (``audit.burnin_truth``:
  what a reader could still see, not the ground between the letters);
- markers kept: marker truth boxes with no changed pixel;
- outside change: changed pixels away from the annotation (outside label
  panels and outside truth boxes grown by half their height: padding and the
  gaps between the lines of a PHI block are not the picture).

Small images (~500 px, letters 7-12 px tall) are the hard case, and no
deny-list is given here, so names are found by their shape alone; the same
figures on full-size images, with the header's deny-list as the pipeline
uses it, are in benchmarks/recorded/pixel.md. The thresholds below are what
this implementation reaches on small images with a margin, so a regression in detection,
OCR or classification fails here.
"""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pydicom
import pytest

from cxrbuild.audit.burnin_truth import score_image
from cxrbuild.dicom.pixels import PixelPolicy, clean_pixels

MIN_PHI_RECALL = 0.97
MIN_MARKERS_KEPT = 0.88
MAX_OUTSIDE_CHANGED = 0.005


@pytest.fixture(scope="module")
def scores(synth_small: Path) -> dict:
    policy = PixelPolicy.from_mapping()
    totals = {"phi": 0, "removed": 0, "markers": 0, "kept": 0, "outside": 0, "outside_changed": 0, "images": 0}
    for line in (synth_small / "truth" / "images.jsonl").read_text().splitlines():
        record = json.loads(line)
        if record["category"] != "image" or record["expected"] != "ok":
            continue
        dataset = pydicom.dcmread(synth_small / "pacs" / record["path"])
        source = pydicom.dcmread(synth_small / "pacs" / record["path"])
        before = dataset.pixel_array.copy()
        clean_pixels(dataset, [], policy)
        after = dataset.pixel_array
        glyphs = {box.box: box for box in score_image(source, dataset, record, record["path"]).phi}
        changed = before != after
        if changed.ndim == 3:
            changed = changed.any(axis=-1)
        annotation = np.zeros(changed.shape, dtype=bool)
        for item in record["boxes"]:
            x0, y0, x1, y1 = item["box"]
            grow = max(3, (y1 - y0) // 2)
            annotation[max(0, y0 - grow) : y1 + grow, max(0, x0 - grow) : x1 + grow] = True
            if item.get("label_box"):
                lx0, ly0, lx1, ly1 = item["label_box"]
                annotation[ly0:ly1, lx0:lx1] = True
            if item["phi"]:
                totals["phi"] += 1
                totals["removed"] += int(glyphs[(x0, y0, x1, y1)].redacted)
            else:
                totals["markers"] += 1
                totals["kept"] += int(not changed[y0:y1, x0:x1].any())
        totals["outside"] += int((~annotation).sum())
        totals["outside_changed"] += int((changed & ~annotation).sum())
        totals["images"] += 1
    return totals


def test_the_small_hospital_has_burned_in_text_to_score(scores: dict) -> None:
    assert scores["images"] >= 20
    assert scores["phi"] >= 5 * scores["images"] // 2
    assert scores["markers"] >= scores["images"]


def test_phi_box_recall_on_small_images(scores: dict) -> None:
    recall = scores["removed"] / scores["phi"]
    assert recall >= MIN_PHI_RECALL, f"PHI recall {recall:.3f} ({scores['removed']}/{scores['phi']})"


def test_markers_kept_on_small_images(scores: dict) -> None:
    kept = scores["kept"] / scores["markers"]
    assert kept >= MIN_MARKERS_KEPT, f"markers kept {kept:.3f} ({scores['kept']}/{scores['markers']})"


def test_pixels_away_from_the_text_are_left_alone(scores: dict) -> None:
    fraction = scores["outside_changed"] / scores["outside"]
    assert fraction <= MAX_OUTSIDE_CHANGED, f"{fraction:.4f} of the pixels away from the text changed"
