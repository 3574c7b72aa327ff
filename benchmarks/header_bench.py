"""Header de-identification throughput on a synthetic PACS (one core, pixels off).

Generates a demo hospital with ``cxrbuild.synth.generate`` (headers-only
images unless ``--full-images``), then times:

- the whole per-file pipeline (read, classify, header de-id, leak check,
  atomic write) through ``process_batch`` with one worker;
- ``deidentify_header`` alone on datasets already in memory.

Writes the figures and the command line to ``benchmarks/recorded/header.md``
(or ``--out``). Usage::

    .venv/bin/python benchmarks/header_bench.py --patients 40
"""

from __future__ import annotations

import argparse
import copy
import datetime as dt
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import pydicom

from cxrbuild.batches.command import derived_contexts, list_input_files
from cxrbuild.batches.images import image_settings
from cxrbuild.dicom.header import HeaderSettings, deidentify_header
from cxrbuild.dicom.images import process_batch
from cxrbuild.synth import generate
from cxrbuild.text.deid import descriptor_phi_spans

KEY = b"benchmark-key-not-secret-0123456"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--patients", type=int, default=40)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--full-images", action="store_true", help="render full synthetic images, not headers only"
    )
    parser.add_argument(
        "--repeats", type=int, default=3, help="timed passes of the pipeline (best and median kept)"
    )
    parser.add_argument("--out", type=Path, default=Path(__file__).parent / "recorded" / "header.md")
    args = parser.parse_args(argv)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})  # one core, as the figure claims

    work = Path(tempfile.mkdtemp(prefix="header-bench-"))
    try:
        started = time.perf_counter()
        generate(work / "hospital", patients=args.patients, seed=args.seed, image_size="small",
                 headers_only=not args.full_images)  # fmt: skip
        generation_s = time.perf_counter() - started
        pacs = work / "hospital" / "pacs"
        files = list_input_files(pacs)
        contexts = derived_contexts(files, pacs, KEY)
        settings = image_settings({"pixels": False})

        pipeline_s, pipeline_cpu_s = [], []
        result = None
        load_before = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
        for repeat in range(args.repeats):
            out = work / f"out{repeat}"
            items = [(f, out / f.relative_to(pacs), contexts[f]) for f in files]
            with open(os.devnull, "w") as quiet:
                started, cpu_started = time.perf_counter(), time.process_time()
                result = process_batch(items, settings, work / f"manifest{repeat}.jsonl", workers=1,
                                       progress_stream=quiet)  # fmt: skip
                pipeline_s.append(time.perf_counter() - started)
                pipeline_cpu_s.append(time.process_time() - cpu_started)

        # the header step alone, on datasets already read (no file I/O)
        datasets = []
        for f in files:
            try:
                ds = pydicom.dcmread(f)
            except Exception:
                continue
            if "PixelData" in ds:
                datasets.append((ds, contexts[f]))
        header_settings = HeaderSettings.from_mapping(None, descriptor_phi_spans)
        copies = [(copy.deepcopy(ds), ctx) for ds, ctx in datasets]
        started, cpu_started = time.perf_counter(), time.process_time()
        for ds, ctx in copies:
            deidentify_header(ds, ctx, header_settings)
        header_only_s = time.perf_counter() - started
        header_only_cpu_s = time.process_time() - cpu_started
    finally:
        shutil.rmtree(work, ignore_errors=True)

    assert result is not None
    best, median, best_cpu = min(pipeline_s), statistics.median(pipeline_s), min(pipeline_cpu_s)
    total_bytes_note = "headers-only images" if not args.full_images else "full small images"
    command = "python benchmarks/header_bench.py " + " ".join(
        argv if argv is not None else sys.argv[1:]
    )
    lines = [
        "# Header de-identification throughput",
        "",
        f"Measured {dt.date.today().isoformat()} on {platform.processor() or platform.machine()}, "
        f"Python {platform.python_version()}, pydicom {pydicom.__version__}, pinned to one core; "
        f"1-minute load average at the start: {load_before:.1f} (the machine is shared, so wall-clock "
        "figures fall with load; CPU seconds of this process are given too).",
        "",
        f"Command: `{command.strip()}`",
        "",
        f"Synthetic PACS: {args.patients} patients, seed {args.seed}, {total_bytes_note}; "
        f"{len(files)} files ({result.ok} images de-identified, {result.quarantined} quarantined: "
        f"{dict(result.by_reason)}); generated in {generation_s:.1f} s.",
        "",
        "| step (pixels off, 1 worker) | files | wall s (best / median) | files/s wall | CPU s | files/s CPU |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
        f"| read + classify + header de-id + leak check + atomic write (`process_batch`) | {len(files)} | "
        f"{best:.2f} / {median:.2f} | {len(files) / best:.1f} | {best_cpu:.2f} | {len(files) / best_cpu:.1f} |",
        f"| `deidentify_header` alone, datasets in memory | {len(copies)} | {header_only_s:.2f} | "
        f"{len(copies) / header_only_s:.1f} | {header_only_cpu_s:.2f} | {len(copies) / header_only_cpu_s:.1f} |",
        "",
    ]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
