"""Burned-in text removal on images the pixel code was never tuned on, scored from glyph masks.

    .venv/bin/python benchmarks/pixel_blind.py --images DIR [--limit N] [--no-learned]
    .venv/bin/python benchmarks/pixel_blind.py --real benchmarks/real_burnin
    ... [--presidio-python /tmp/presidio-venv/bin/python]

``DIR`` holds ``truth.jsonl`` (one object per image: ``file``, ``boxes`` with
``phi`` and ``kind``, ``glyph_mask``: an ``.npz`` of one boolean mask per box,
``b0``, ``b1``...), as a blind hospital generator writes it; run the
generator with a fresh seed for every measurement, and never tune a rule to
a string seen in its misses. Every image goes through ``clean_pixels`` (the
header's values as the deny list, as the image step does), one core, and is
scored:

- PHI recall: PHI items with >= 99% of their mask pixels shown black
  (through the image's Modality/VOI LUT and MONOCHROME1 inversion,
  :mod:`cxrbuild.dicom.display`);
- markers kept: marker, label and object items with no mask pixel changed (a field's
  caption before PHI, kind ``fieldlabel``, is reported apart: no bar counts it);
- images with any pixel changed more than 8 px from every item's mask;
- images quarantined (PixelDeidError);
- CPU seconds per image (``time.process_time``, decode to blackout), median
  and p95, and each stage's share of it (:class:`StageClock`).

``--real DIR`` scores real files with hand-made truth instead
(``benchmarks/real_burnin``: ``truth/<file>.boxes.json``, one box per word or
field with ``phi``): a PHI box's glyph pixels are its ink in the source's own
rendering (pixels farther from the box's rim than half the box's contrast), a
non-PHI box is kept when none of its pixels changed, and "far" counts pixels
changed more than 8 px from every truth box.

``PIXEL_DETECTION`` (a JSON object in the environment) overrides detection
settings of the policy (``{"min_glyph_height": 6}``), to compare a setting on a
seed used for diagnosis; figures for the record use the defaults.

``--presidio-python`` also runs Presidio's DicomImageRedactorEngine on the
same files in the same run (its own venv, ``pixel_presidio_run.py``; its
tesseract child's CPU included). Presidio fills its boxes with a "contrast"
colour, not black, and its boxes are tesseract's tight word boxes, so an
item counts as removed for it when >= 99% of its glyph pixels lie inside its
boxes grown by BOX_SLACK px (antialiased edges), a marker as kept when none
do, and "far" counts its box pixels more than 8 px from every item.
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_THREAD_LIMIT", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import argparse
import json
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np
import pydicom
from pixel_presidio_run import launch
from scipy import ndimage

from cxrbuild.audit.burnin_truth import box_glyphs
from cxrbuild.dicom import ocr, pixels, scenetext
from cxrbuild.dicom.display import displayed_black
from cxrbuild.dicom.header import deny_list_from_header

FAR_PX = 8
# a full-size radiograph's long side (CR/DX); smaller frames are screens, crops and thumbnails
FULL_SIZE_PX = 1800
# a field's caption printed before its value ("Name:", "DOB:"): neither PHI nor a marker or an acquisition
# label; whether it is kept is reported apart, since blacking a whole "Name: value" line loses nothing
FIELD_LABEL_KINDS = frozenset({"fieldlabel"})
BOX_SLACK = 3
MIN_BLACK = 0.99


class StageClock:
    """CPU seconds spent in each stage of the cleaning, by wrapping each stage's entry point: a stage's
    own time, without the stages it calls (OCR inside the reading, the detector inside line finding).
    What no stage claims is reading and judging the text (``OTHER``)."""

    OTHER = "reading and judging"

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self._inner: list[float] = []  # per open stage, the time its nested stages took

    def wrap(self, stage: str, function):
        def timed(*args, **kwargs):
            started = time.process_time()
            self._inner.append(0.0)
            try:
                return function(*args, **kwargs)
            finally:
                spent = time.process_time() - started
                nested = self._inner.pop()
                self.seconds[stage] = self.seconds.get(stage, 0.0) + spent - nested
                if self._inner:
                    self._inner[-1] += spent

        return timed

    def install(self) -> None:
        """Wrap the stages where the cleaning finds them."""
        scenetext.detect_lines = self.wrap("learned detector", scenetext.detect_lines)
        ocr._Engine.read = self.wrap("OCR (Tesseract)", ocr._Engine.read)
        pixels.decode = self.wrap("decoding and display", pixels.decode)
        pixels.find_text_lines = self.wrap("finding lines (threshold planes)", pixels.find_text_lines)
        pixels.boxes_from_regions = self.wrap("boxes (glyph-tight)", pixels.boxes_from_regions)
        pixels.blackout = self.wrap("blackout and encoding", pixels.blackout)

    def shares(self, total: float) -> dict[str, float]:
        """Each stage's CPU seconds, the rest as ``OTHER``."""
        return {**self.seconds, self.OTHER: max(0.0, total - sum(self.seconds.values()))}


def timed_clean(ds: pydicom.Dataset, policy: pixels.PixelPolicy, clock: StageClock) -> tuple[float, str]:
    """Clean ``ds`` in place with the header's values as the deny list, as the image step does:
    (CPU seconds, the quarantine reason or "")."""
    deny = deny_list_from_header(ds)
    clock.seconds = {}
    started = time.process_time()
    try:
        pixels.clean_pixels(ds, deny, policy)
    except pixels.PixelDeidError as err:
        return time.process_time() - started, str(err)
    return time.process_time() - started, ""


def score(path: Path, record: dict, masks: np.lib.npyio.NpzFile, policy: pixels.PixelPolicy,
          clock: StageClock) -> dict:
    ds = pydicom.dcmread(path)
    before = ds.pixel_array.copy()
    cpu, quarantined = timed_clean(ds, policy, clock)
    if quarantined:
        return {"quarantined": quarantined, "cpu": cpu, "file": path.name}
    after = ds.pixel_array
    black = displayed_black(ds, after)
    changed = plane(before != after)  # a colour pixel changed in any sample is changed
    every = np.zeros(changed.shape, dtype=bool)
    phi, kept, labels = [], [], []
    for index, box in enumerate(record["boxes"]):
        mask = plane(masks[f"b{index}"])
        every |= mask
        if not mask.any():
            continue
        if box["phi"]:
            phi.append(float(black[mask].mean()) >= MIN_BLACK)
        elif box.get("kind") in FIELD_LABEL_KINDS:
            labels.append(not changed[mask].any())
        else:
            kept.append(not changed[mask].any())
    near = ndimage.binary_dilation(every, iterations=FAR_PX, structure=np.ones((3, 3), dtype=bool))
    full = record["full_size"] if "full_size" in record else max(changed.shape) >= FULL_SIZE_PX
    return {"cpu": cpu, "stages": clock.shares(cpu), "phi": phi, "kept": kept, "field_labels": labels,
            "far": int(np.count_nonzero(changed & ~near)), "full": bool(full), "file": path.name}


def score_real(path: Path, items: list[dict], policy: pixels.PixelPolicy, clock: StageClock) -> dict:
    """One real file with hand-made boxes (first frame): the same figures as :func:`score`, the
    glyph pixels of each box taken from the source's own rendering (:func:`box_glyphs`)."""
    ds = pydicom.dcmread(path)
    image = pixels.decode(ds)
    before = image.stored.copy()
    cpu, quarantined = timed_clean(ds, policy, clock)
    if quarantined:
        return {"quarantined": quarantined, "cpu": cpu, "file": path.name, "path": path}
    after = ds.pixel_array.reshape(before.shape)
    black = displayed_black(ds, ds.pixel_array)
    black = black.reshape((before.shape[0], *before.shape[1:3]))[0]
    changed = (before != after)
    changed = changed.any(axis=-1) if changed.ndim == 4 else changed
    changed = changed.any(axis=0)
    display = image.display[0]
    boxes = np.zeros(display.shape, dtype=bool)
    phi, kept = [], []
    for item in items:
        x0, y0, x1, y1 = item["box"]
        boxes[y0:y1, x0:x1] = True
        if item["phi"]:
            glyphs = box_glyphs(display, item["box"])
            if glyphs.any():
                phi.append(float(black[glyphs].mean()) >= MIN_BLACK)
        else:
            kept.append(not changed[y0:y1, x0:x1].any())
    near = ndimage.binary_dilation(boxes, iterations=FAR_PX, structure=np.ones((3, 3), dtype=bool))
    return {"cpu": cpu, "stages": clock.shares(cpu), "phi": phi, "kept": kept,
            "far": int(np.count_nonzero(changed & ~near)), "full": max(display.shape) >= FULL_SIZE_PX, "file": path.name,
            "path": path}


def presidio_boxes(python: str, paths: list[Path]) -> list[dict]:
    """Presidio's DicomImageRedactorEngine on ``paths``, one process: per file its CPU seconds,
    status and filled boxes (pixel_presidio_run.py)."""
    return launch(python, paths, Path(tempfile.mkdtemp(prefix="pixel-blind-presidio-")))


def plane(mask: np.ndarray) -> np.ndarray:
    """A glyph mask as one (rows, columns) plane: frames or colour samples folded together."""
    if mask.ndim >= 3 and mask.shape[-1] == 3:
        mask = mask.any(axis=-1)
    return mask.any(axis=0) if mask.ndim == 3 else mask


def score_boxes(run: dict, shape: tuple[int, int], items: list[tuple[bool, np.ndarray, bool]]) -> dict:
    """One file's figures for a tool that fills boxes: (is PHI, glyph mask, scored) items against its boxes
    (an item not scored, a field caption, only keeps its pixels from counting as far)."""
    if run["status"] != "ok":
        return {"quarantined": run["status"], "cpu": run["cpu_seconds"]}
    filled = np.zeros(shape, dtype=bool)
    for x0, y0, x1, y1 in run["boxes"]:
        filled[max(0, y0 - BOX_SLACK):max(0, y1 + BOX_SLACK), max(0, x0 - BOX_SLACK):max(0, x1 + BOX_SLACK)] = True
    every = np.zeros(shape, dtype=bool)
    phi, kept = [], []
    for is_phi, mask, scored in items:
        every |= mask
        if mask.any() and scored:
            (phi if is_phi else kept).append(
                float(filled[mask].mean()) >= MIN_BLACK if is_phi else not filled[mask].any())
    near = ndimage.binary_dilation(every, iterations=FAR_PX, structure=np.ones((3, 3), dtype=bool))
    return {"cpu": run["cpu_seconds"], "phi": phi, "kept": kept, "far": int(np.count_nonzero(filled & ~near)),
            "full": max(shape) >= FULL_SIZE_PX}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--images", type=Path, help="a blind hospital's folder (truth.jsonl and glyph masks)")
    source.add_argument("--real", type=Path, help="real files with hand-made boxes (truth/<file>.boxes.json)")
    parser.add_argument("--limit", type=int, default=0)
    parser.add_argument("--no-learned", action="store_true", help="threshold planes only")
    parser.add_argument("--per-image", type=Path, default=None,
                        help="also write each image's figures (one JSON object a line) to this file, to compare runs")
    parser.add_argument("--presidio-python", default=None,
                        help="also run Presidio's DicomImageRedactorEngine (its venv's python) on the same files")
    args = parser.parse_args()
    detection = {"scene_text": not args.no_learned, **json.loads(os.environ.get("PIXEL_DETECTION", "{}"))}
    policy = pixels.PixelPolicy.from_mapping({"detection": detection})
    ocr.start()
    scenetext.start()
    clock = StageClock()
    clock.install()
    if args.real:
        results = []
        for truth_file in sorted((args.real / "truth").glob("*.boxes.json")):
            path = args.real / truth_file.name.removesuffix(".boxes.json")
            if not path.exists():
                print(f"{path.name}: not here (fetch.py downloads it), skipped")
                continue
            results.append(score_real(path, json.loads(truth_file.read_text()), policy, clock))
        for result in results:
            if "quarantined" in result:
                print(f"{result['file']}: quarantined: {result['quarantined']}")
            else:
                print(f"{result['file']}: PHI {sum(result['phi'])}/{len(result['phi'])}, non-PHI kept "
                      f"{sum(result['kept'])}/{len(result['kept'])}, far px {result['far']}, CPU {result['cpu']:.2f} s")
        report(results)
        per_image(results, args.per_image)
        if args.presidio_python:
            paths = [r["path"] for r in results]
            theirs = []
            for path, run in zip(paths, presidio_boxes(args.presidio_python, paths), strict=True):
                items = json.loads((args.real / "truth" / f"{path.name}.boxes.json").read_text())
                display = pixels.decode(pydicom.dcmread(path)).display[0]
                truth = []
                for item in items:
                    mask = box_glyphs(display, item["box"]) if item["phi"] else np.zeros(display.shape, dtype=bool)
                    if not item["phi"]:
                        x0, y0, x1, y1 = item["box"]
                        mask[y0:y1, x0:x1] = True
                    truth.append((item["phi"], mask, True))
                theirs.append(score_boxes(run, display.shape, truth))
            print("\nPresidio DicomImageRedactorEngine, same files:")
            report(theirs, removed=f"inside its boxes grown by {BOX_SLACK} px")
        return 0
    records = [json.loads(line) for line in (args.images / "truth.jsonl").read_text().splitlines() if line]
    if args.limit:
        records = records[: args.limit]
    results = []
    for record in records:
        with np.load(args.images / record["glyph_mask"]) as masks:
            results.append(score(args.images / record["file"], record, masks, policy, clock))
    report(results)
    per_image(results, args.per_image)
    if args.presidio_python:
        paths = [args.images / record["file"] for record in records]
        theirs = []
        for record, run in zip(records, presidio_boxes(args.presidio_python, paths), strict=True):
            with np.load(args.images / record["glyph_mask"]) as masks:
                truth = [(box["phi"], plane(masks[f"b{i}"]), box["phi"] or box.get("kind") not in FIELD_LABEL_KINDS)
                         for i, box in enumerate(record["boxes"])]
            shape = truth[0][1].shape if truth else pydicom.dcmread(args.images / record["file"]).pixel_array.shape[-2:]
            theirs.append(score_boxes(run, shape, truth))
        print("\nPresidio DicomImageRedactorEngine, same files:")
        report(theirs, removed=f"inside its boxes grown by {BOX_SLACK} px")
    return 0


def per_image(results: list[dict], path: Path | None) -> None:
    """Each image's figures, one JSON object a line: which items were removed and kept (in truth order), far
    pixels, CPU seconds; two runs compared line by line show which item one of them lost."""
    if path is None:
        return
    keys = ("file", "quarantined", "phi", "kept", "field_labels", "far", "cpu")
    path.write_text("".join(json.dumps({key: r[key] for key in keys if key in r}) + "\n" for r in results))


def report(results: list[dict], removed: str = "shown black") -> int:
    """Print the figures of a run."""
    done = [r for r in results if "quarantined" not in r]
    phi = [hit for r in done for hit in r["phi"]]
    kept = [hit for r in done for hit in r["kept"]]
    cpu = sorted(r["cpu"] for r in results)
    print(f"images {len(results)}, quarantined {len(results) - len(done)}")
    print(f"PHI recall (>= 99% of glyph pixels {removed}): {sum(phi)}/{len(phi)} = {sum(phi) / max(1, len(phi)):.3f}")
    print(f"markers, labels and objects kept: {sum(kept)}/{len(kept)} = {sum(kept) / max(1, len(kept)):.3f}")
    labels = [hit for r in done for hit in r.get("field_labels", [])]
    if labels:
        print(f"field captions before PHI kept (not a bar): {sum(labels)}/{len(labels)} = {sum(labels) / len(labels):.3f}")
    far = sum(r["far"] > 0 for r in done)
    print(f"images with pixels changed > {FAR_PX} px from any text: {far}/{len(done)} ({sum(r['far'] for r in done)} px in all)")
    print(f"CPU s per image: median {statistics.median(cpu):.2f}, p95 {cpu[int(0.95 * (len(cpu) - 1))]:.2f}")
    stages: dict[str, float] = {}
    for r in done:
        for stage, seconds in r.get("stages", {}).items():
            stages[stage] = stages.get(stage, 0.0) + seconds
    if stages:
        total = max(sum(stages.values()), 1e-9)
        print("  time by stage: " + ", ".join(
            f"{stage} {seconds / total:.0%}" for stage, seconds in sorted(stages.items(), key=lambda item: -item[1])))
    for kind in ("full", "small"):
        subset = [r for r in done if r["full"] == (kind == "full")]
        hits = [h for r in subset for h in r["phi"]]
        if hits:
            print(f"  {kind}: PHI recall {sum(hits)}/{len(hits)}, median CPU {statistics.median(r['cpu'] for r in subset):.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
