"""Run Presidio's DicomImageRedactorEngine over a list of DICOM files, offline.

Runs inside its own virtual environment (benchmarks/requirements-presidio.txt:
presidio-image-redactor pins versions that conflict with this project's).
No model is downloaded: the analyzer gets a spaCy pipeline made with
``spacy.blank("en")`` and saved to a local folder, so Presidio works with its
pattern recognizers (dates, phone numbers, IDs...) and with the deny-list it
builds from each file's own header (``use_metadata=True``, its default).

    /tmp/presidio-venv/bin/python benchmarks/pixel_presidio_run.py LIST.txt OUT_DIR TIMES.json

LIST.txt holds one input path per line; each redacted file is written to
OUT_DIR/<index>.dcm; TIMES.json gets, per file, the CPU seconds
(time.process_time of this process plus, from os.times(), its children:
Presidio's OCR runs the tesseract program once per image) and the boxes
Presidio filled, as [x0, y0, x1, y1].
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path


def launch(python: str, paths: list[Path], work: Path) -> list[dict]:
    """Run this script with ``python`` (Presidio's venv) on ``paths``; its per-file records.

    Called from this project's venv by the pixel benchmarks: inputs, redacted
    files and the records go under ``work``; one core (OMP_THREAD_LIMIT=1).
    """
    import subprocess

    work.mkdir(parents=True, exist_ok=True)
    (work / "inputs.txt").write_text("".join(f"{Path(p).resolve()}\n" for p in paths))
    subprocess.run([python, str(Path(__file__).resolve()), str(work / "inputs.txt"), str(work / "out"), str(work / "times.json")],
                   check=True, env=dict(os.environ, OMP_THREAD_LIMIT="1"))
    return json.loads((work / "times.json").read_text())


def build_engine():
    import spacy
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider
    from presidio_image_redactor import DicomImageRedactorEngine, ImageAnalyzerEngine

    model_dir = Path(tempfile.gettempdir()) / "presidio-spacy-blank-en"
    if not (model_dir / "meta.json").exists():
        spacy.blank("en").to_disk(model_dir)
    provider = NlpEngineProvider(
        nlp_configuration={"nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": str(model_dir)}]}
    )
    analyzer = AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=["en"])
    return DicomImageRedactorEngine(image_analyzer_engine=ImageAnalyzerEngine(analyzer_engine=analyzer))


def child_cpu() -> float:
    times = os.times()
    return times.children_user + times.children_system


def main() -> int:
    list_file, out_dir, times_file = sys.argv[1:4]
    import pydicom

    engine = build_engine()
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    results = []
    paths = [line.strip() for line in Path(list_file).read_text().splitlines() if line.strip()]
    for index, path in enumerate(paths):
        started, started_children = time.process_time(), child_cpu()
        status = "ok"
        boxes = []
        try:
            dataset = pydicom.dcmread(path)
            redacted, boxes = engine.redact_and_return_bbox(dataset, fill="contrast", use_metadata=True)
            redacted.save_as(out / f"{index}.dcm")
        except Exception as err:  # recorded, the comparison counts it as a failure
            status = f"error: {type(err).__name__}: {str(err).splitlines()[0] if str(err) else ''}"
        cpu = (time.process_time() - started) + (child_cpu() - started_children)
        results.append(
            {
                "path": path,
                "output": str(out / f"{index}.dcm"),
                "cpu_seconds": cpu,
                "status": status,
                "boxes": [[b["left"], b["top"], b["left"] + b["width"], b["top"] + b["height"]] for b in boxes],
            }
        )
        print(f"presidio: {index + 1}/{len(paths)} {cpu:.2f}s {status}", file=sys.stderr)
    Path(times_file).write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
