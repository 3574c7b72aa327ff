"""Presidio's AnalyzerEngine on the same reports, offline (run in its own venv).

Run by report_blind.py with the interpreter of the venv made from
benchmarks/requirements-presidio.txt. Nothing is downloaded: the NLP engine is
a spaCy pipeline saved from spacy.blank("en") to a local folder, and the
spaCy NER recognizer is removed, so only Presidio's pattern (regex/checksum)
recognizers run.

Input: JSON lines with "text". Output: JSON lines with "spans":
[[start, end, entity_type], ...] and a final {"cpu_seconds", "wall_seconds"}.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("reports", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--spacy-dir", type=Path, required=True)
    parser.add_argument("--repeat", type=int, default=1, help="analyse the reports this many times (speed)")
    args = parser.parse_args()

    import spacy
    import tldextract

    # the e-mail and URL recognizers consult the public suffix list: use the
    # snapshot shipped with tldextract instead of fetching it
    tldextract.tldextract.TLD_EXTRACTOR = tldextract.TLDExtract(suffix_list_urls=())
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    if not (args.spacy_dir / "config.cfg").is_file():
        spacy.blank("en").to_disk(args.spacy_dir)
    provider = NlpEngineProvider(
        nlp_configuration={"nlp_engine_name": "spacy", "models": [{"lang_code": "en", "model_name": str(args.spacy_dir)}]}
    )
    analyzer = AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=["en"])
    for recognizer in list(analyzer.registry.recognizers):
        if type(recognizer).__name__ in {"SpacyRecognizer", "TransformersRecognizer", "StanzaRecognizer"}:
            analyzer.registry.remove_recognizer(type(recognizer).__name__)
    recognizers = sorted({type(r).__name__ for r in analyzer.registry.recognizers})

    texts = [json.loads(line)["text"] for line in args.reports.read_text(encoding="utf-8").splitlines() if line.strip()]
    analyzer.analyze(text=texts[0], language="en")  # warm-up, outside the timing
    started_wall, started_cpu = time.perf_counter(), time.process_time()
    results = []
    for _ in range(args.repeat):
        results = [analyzer.analyze(text=text, language="en") for text in texts]
    cpu_seconds = time.process_time() - started_cpu
    wall_seconds = time.perf_counter() - started_wall
    with open(args.out, "w", encoding="utf-8") as handle:
        for found in results:
            handle.write(json.dumps({"spans": [[r.start, r.end, r.entity_type] for r in found]}) + "\n")
        handle.write(
            json.dumps(
                {
                    "cpu_seconds": cpu_seconds,
                    "wall_seconds": wall_seconds,
                    "reports": len(texts) * args.repeat,
                    "recognizers": recognizers,
                    "presidio_analyzer": __import__("importlib.metadata").metadata.version("presidio_analyzer"),
                }
            )
            + "\n"
        )


if __name__ == "__main__":
    main()
