"""Benchmark burned-in text removal on full-size synthetic radiographs, beside Presidio.

    .venv/bin/python benchmarks/pixel_bench.py --patients 20 --seed 11 \\
        --work /tmp/pixel-bench --presidio-python /tmp/presidio-venv/bin/python

Makes (or reuses, --hospital) a demo hospital with full-size images
(``cxrbuild.synth.generate(..., image_size="full")``) and, for every
releasable image:

- ours: CPU seconds on one core (time.process_time, OMP_THREAD_LIMIT=1) for
  everything: read the file, build the deny-list from its header, find, OCR,
  classify, black out, re-encode, write the file (to memory); the second-pass
  verification is timed apart;
- for compressed sources, the same file through a bare decode and re-encode
  in its own transfer syntax, and our time beyond that;
- the scores of benchmarks/pixel_scoring.py: PHI recall (>= 95% of a truth
  box shown black), markers kept, pixels changed away from the text;
- Presidio's DicomImageRedactorEngine on the same files (a separate venv,
  benchmarks/requirements-presidio.txt, offline with a blank spaCy pipeline;
  see pixel_presidio_run.py): its CPU seconds (its tesseract child process
  included), and both tools' recall measured as coverage (>= 95% of a truth
  box inside the tool's boxes), since Presidio fills boxes with a "contrast"
  colour, not display black.

Writes the figures to --out (benchmarks/recorded/pixel.md) with the command.
"""

from __future__ import annotations

import os

os.environ.setdefault("OMP_THREAD_LIMIT", "1")  # one core: Tesseract must not spread over threads

import argparse
import io
import json
import platform
import shlex
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

import numpy as np
import pydicom
from pixel_presidio_run import launch
from pixel_scoring import Score, score_image

from cxrbuild.dicom import ocr
from cxrbuild.dicom.pixels import PixelPolicy, clean_pixels, verify_pixels
from cxrbuild.dicom.redact import ENCODER_PLUGINS
from cxrbuild.util.progress import Progress

UNCOMPRESSED = {"1.2.840.10008.1.2", "1.2.840.10008.1.2.1", "1.2.840.10008.1.2.2"}


def deny_for(ds: pydicom.Dataset) -> list[str]:
    """The pipeline's deny-list from the image's own header."""
    try:
        from cxrbuild.dicom.header import deny_list_from_header
    except ImportError:  # header module not in this build: name and ID only
        return [str(ds.get("PatientName", "")), str(ds.get("PatientID", ""))]
    return deny_list_from_header(ds)


def covered(record: dict, boxes: list) -> tuple[int, int]:
    """(PHI truth boxes, those >= 95% inside the given boxes)."""
    rows, cols = record["rows"], record["columns"]
    mask = np.zeros((rows, cols), dtype=bool)
    for x0, y0, x1, y1 in boxes:
        mask[max(0, int(y0)) : int(y1), max(0, int(x0)) : int(x1)] = True
    total = hit = 0
    for item in record["boxes"]:
        if item["phi"]:
            x0, y0, x1, y1 = item["box"]
            total += 1
            hit += int(mask[y0:y1, x0:x1].mean() >= 0.95)
    return total, hit


def bare_roundtrip_seconds(path: Path) -> float:
    """CPU seconds to read, decode, re-encode in the same transfer syntax and write."""
    started = time.process_time()
    ds = pydicom.dcmread(path)
    syntax = ds.file_meta.TransferSyntaxUID
    array = ds.pixel_array
    plugins = ENCODER_PLUGINS.get(syntax, ())
    ds.compress(syntax, array, encoding_plugin=plugins[0] if plugins else "", generate_instance_uid=False)
    ds.save_as(io.BytesIO(), enforce_file_format=True)
    return time.process_time() - started


def run_ours(hospital: Path, records: list[dict], policy: PixelPolicy) -> dict:
    # loading Tesseract is once per process (a batch job's cost, not an image's): timed apart
    engine_seconds = ocr.start()
    score = Score()
    per_syntax: dict[str, list[float]] = defaultdict(list)
    in_order: list[float] = []
    beyond: dict[str, list[float]] = defaultdict(list)
    verify_seconds: list[float] = []
    coverage = [0, 0]
    findings = 0
    released = Score()  # the images the verification pass lets through
    progress = Progress("cxrbuild pixels", len(records))
    for record in records:
        path = hospital / "pacs" / record["path"]
        original = pydicom.dcmread(path)
        before = original.pixel_array.copy()
        started = time.process_time()
        ds = pydicom.dcmread(path)
        deny = deny_for(ds)
        result = clean_pixels(ds, deny, policy)
        buffer = io.BytesIO()
        ds.save_as(buffer, enforce_file_format=True)
        seconds = time.process_time() - started
        syntax = record["transfer_syntax"]
        per_syntax[syntax].append(seconds)
        in_order.append(seconds)
        if syntax not in UNCOMPRESSED:
            beyond[syntax].append(seconds - bare_roundtrip_seconds(path))
        cleaned = pydicom.dcmread(io.BytesIO(buffer.getvalue()))
        started = time.process_time()
        flagged = bool(verify_pixels(cleaned, deny, policy, boxes=result.boxes))
        verify_seconds.append(time.process_time() - started)
        findings += flagged
        after = cleaned.pixel_array
        if after.ndim == before.ndim + 1:
            after = after[0]
        image_score = score_image(record, original, before, cleaned, after)
        score.add(image_score)
        if not flagged:
            released.add(image_score)
        total, hit = covered(record, result.boxes)
        coverage[0] += total
        coverage[1] += hit
        progress.advance()
    progress.finish(f"{len(records)} images, recall {score.recall:.4f}")
    return {
        "score": score,
        "per_syntax": per_syntax,
        "in_order": in_order,
        "beyond": beyond,
        "verify_seconds": verify_seconds,
        "verify_flagged": findings,
        "released": released,
        "coverage": coverage,
        "engine_seconds": engine_seconds,
    }


def run_presidio(python: str, hospital: Path, records: list[dict], work: Path) -> dict:
    runs = launch(python, [hospital / "pacs" / r["path"] for r in records], work / "presidio")
    score = Score()
    coverage = [0, 0]
    seconds: list[float] = []
    errors = 0
    for record, run in zip(records, runs, strict=True):
        seconds.append(run["cpu_seconds"])
        if run["status"] != "ok":
            errors += 1
            continue
        original = pydicom.dcmread(hospital / "pacs" / record["path"])
        cleaned = pydicom.dcmread(run["output"])
        after = cleaned.pixel_array
        score.add(score_image(record, original, original.pixel_array, cleaned, after))
        total, hit = covered(record, run["boxes"])
        coverage[0] += total
        coverage[1] += hit
    return {"score": score, "seconds": seconds, "coverage": coverage, "errors": errors}


def median(values: list[float]) -> float:
    return statistics.median(values) if values else float("nan")


def report(args: argparse.Namespace, records: list[dict], ours: dict, presidio: dict | None, command: str) -> str:
    score: Score = ours["score"]
    names = {
        "1.2.840.10008.1.2": "Implicit VR LE",
        "1.2.840.10008.1.2.1": "Explicit VR LE",
        "1.2.840.10008.1.2.5": "RLE Lossless",
        "1.2.840.10008.1.2.4.90": "JPEG 2000 Lossless",
    }
    all_seconds = ours["in_order"]
    uncompressed = [s for syntax, values in ours["per_syntax"].items() if syntax in UNCOMPRESSED for s in values]
    lines = [
        "# Burned-in text removal: full-size synthetic radiographs",
        "",
        "Produced by:",
        "",
        "```",
        command,
        "```",
        "",
        f"The hospital at --hospital was made by `cxrbuild.synth.generate(DIR, patients={args.patients}, "
        f"seed={args.seed}, image_size=\"full\")`; without --hospital the script makes it in --work.",
        "",
        f"Machine: {platform.machine()}, Python {platform.python_version()}, {os.cpu_count()} cores (shared); "
        "CPU seconds are time.process_time of one process with OMP_THREAD_LIMIT=1 (one core).",
        f"Hospital: {args.patients} patients, seed {args.seed}, image_size=full; {len(records)} releasable images "
        f"(rows {min(r['rows'] for r in records)}-{max(r['rows'] for r in records)}), "
        f"{score.phi_boxes} PHI boxes, {score.marker_boxes} marker boxes.",
        "",
        "## Quality (cxrbuild, default conservative policy)",
        "",
        "| figure | value | target |",
        "| --- | --- | --- |",
        f"| PHI recall (>= 95% of the truth box shown black) | {score.recall:.4f} ({score.phi_removed}/{score.phi_boxes}) | >= 0.995 |",
        f"| PHI recall as coverage (>= 95% of the truth box inside our boxes) | {ours['coverage'][1] / max(ours['coverage'][0], 1):.4f} | |",
        f"| markers kept (no pixel changed) | {score.markers_kept_rate:.4f} ({score.markers_kept}/{score.marker_boxes}) | >= 0.95 |",
        f"| pixels changed away from the text | {score.outside_changed_fraction:.5f} | < 0.005 |",
        f"| pixels changed outside the exact truth boxes (strict) | {score.strict_outside_changed_fraction:.5f} | |",
        f"| images the verification pass flagged (the pipeline quarantines them) | {ours['verify_flagged']} / {len(records)} | |",
        f"| PHI recall over the images verification lets through | {ours['released'].recall:.4f} "
        f"({ours['released'].phi_removed}/{ours['released'].phi_boxes}) | |",
        "",
        "## Speed (cxrbuild)",
        "",
        "| source transfer syntax | images | median CPU s, all-in | max | median beyond bare decode+encode |",
        "| --- | --- | --- | --- | --- |",
    ]
    for syntax, values in sorted(ours["per_syntax"].items()):
        extra = ours["beyond"].get(syntax)
        beyond = f"{median(extra):.3f} (max {max(extra):.3f})" if extra else "n/a (uncompressed)"
        lines.append(f"| {names.get(syntax, syntax)} | {len(values)} | {median(values):.3f} | {max(values):.3f} | {beyond} |")
    lines += [
        f"| all uncompressed | {len(uncompressed)} | {median(uncompressed):.3f} (mean {statistics.fmean(uncompressed) if uncompressed else float('nan'):.3f}) | {max(uncompressed, default=float('nan')):.3f} | target <= 0.5 |",
        "",
        f"Verification pass (re-OCR of the boxes and the whole image): median {median(ours['verify_seconds']):.3f} s, "
        f"max {max(ours['verify_seconds']):.3f} s per image.",
        "",
        f"Loading Tesseract and its English model, once per process (a batch job pays it once, "
        f"not per image, so it is outside the per-image figures): {ours['engine_seconds']:.3f} CPU s.",
        "",
    ]
    if presidio:
        p_score: Score = presidio["score"]
        p_seconds = presidio["seconds"]
        n = len(p_seconds)
        ours_same = all_seconds[:n]
        ratio = statistics.fmean(ours_same) / statistics.fmean(p_seconds) if p_seconds else float("nan")
        lines += [
            "## Beside Presidio DicomImageRedactorEngine",
            "",
            f"The first {n} of the same images, through presidio-image-redactor (benchmarks/requirements-presidio.txt; "
            "offline: blank spaCy pipeline, pattern recognizers and its own header deny-list, fill='contrast').",
            "",
            "| figure | cxrbuild | Presidio |",
            "| --- | --- | --- |",
            f"| mean CPU s per image | {statistics.fmean(ours_same):.3f} | {statistics.fmean(p_seconds):.3f} |",
            f"| our time as a ratio of theirs | {ratio:.3f} | |",
            f"| PHI recall as coverage (>= 95% of a truth box inside the tool's boxes) | {ours['coverage'][1] / max(ours['coverage'][0], 1):.4f} (all images) | {presidio['coverage'][1] / max(presidio['coverage'][0], 1):.4f} |",
            f"| PHI recall, shown black | {score.recall:.4f} (all images) | {p_score.recall:.4f} |",
            f"| markers kept | {score.markers_kept_rate:.4f} | {p_score.markers_kept_rate:.4f} |",
            f"| pixels changed away from the text | {score.outside_changed_fraction:.5f} | {p_score.outside_changed_fraction:.5f} |",
            f"| files it failed on | 0 | {presidio['errors']} |",
            "",
        ]
    if score.missed:
        lines += ["## PHI boxes missed (kind, share shown black)", ""]
        lines += [f"- {item}" for item in score.missed[:40]]
        lines.append("")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--hospital", type=Path, help="an existing full-size demo hospital (else one is made)")
    parser.add_argument("--patients", type=int, default=20)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--work", type=Path, default=Path("/tmp/pixel-bench"))
    parser.add_argument("--limit", type=int, default=0, help="score at most this many images (0: all)")
    parser.add_argument("--presidio-python", help="python of the Presidio venv (omit to skip the comparison)")
    parser.add_argument("--presidio-limit", type=int, default=40, help="images given to Presidio")
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "recorded" / "pixel.md")
    args = parser.parse_args()
    command = "OMP_THREAD_LIMIT=1 .venv/bin/python benchmarks/pixel_bench.py " + " ".join(shlex.quote(a) for a in sys.argv[1:])

    args.work.mkdir(parents=True, exist_ok=True)
    hospital = args.hospital
    if hospital is None:
        from cxrbuild.synth import generate

        hospital = args.work / "hospital"
        if not (hospital / "truth" / "images.jsonl").exists():
            generate(hospital, patients=args.patients, seed=args.seed, image_size="full")
    records = [json.loads(line) for line in (hospital / "truth" / "images.jsonl").read_text().splitlines()]
    records = [r for r in records if r["category"] == "image" and r["expected"] == "ok"]
    if args.limit:
        records = records[: args.limit]
    policy = PixelPolicy.from_mapping()
    ours = run_ours(hospital, records, policy)
    presidio = None
    if args.presidio_python:
        presidio = run_presidio(args.presidio_python, hospital, records[: args.presidio_limit], args.work)
    text = report(args, records, ours, presidio, command)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text + "\n")
    score = ours["score"]
    print(
        f"pixel bench: {len(records)} images, recall {score.recall:.4f}, markers {score.markers_kept_rate:.4f}, "
        f"outside {score.outside_changed_fraction:.5f}; written {args.out}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
