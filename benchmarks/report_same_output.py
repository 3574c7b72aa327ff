"""Same-output check for report de-identification: one digest over every span set.

A speed change to the report rules or the model's inference must leave every
output unchanged. This script generates reports from all ten generators (the
training ones and the blind ones, as ``report_blind.py`` does) at the given
seeds, renders each also in ALL CAPS and lower case, runs the de-identifier
rules alone and rules + model, and prints one SHA-256 over every span set
(and per corpus, to find a difference quickly). ``--save`` writes the
per-document spans as JSON lines so two runs can be compared line by line.

Run:  .venv/bin/python benchmarks/report_same_output.py --work DIR --model MODEL_DIR [--seeds 11 12] [--n 150]
Train a model once (``--train``) and reuse its folder.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

os.environ.setdefault("OMP_NUM_THREADS", "1")
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "src"))

from cxrbuild.synth.report_corpora import TRAINING_GENERATORS, generate, training_corpus  # noqa: E402

if TYPE_CHECKING:
    from cxrbuild.text.deid import ReportDeidentifier

GENERATORS = {**TRAINING_GENERATORS, **{path.stem: path for path in sorted((HERE / "blind_reports").glob("*.py"))}}
RENDERINGS = {"as written": str, "ALL CAPS": str.upper, "lower case": str.lower}


def corpora(work: Path, seeds: list[int], n: int) -> dict[str, list[str]]:
    """Texts per (generator, seed, rendering), generated once into ``work`` and read back after."""
    texts: dict[str, list[str]] = {}
    for seed in seeds:
        for name, path in GENERATORS.items():
            out = work / f"{name}_{seed}_{n}.jsonl"
            if out.exists():
                records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines() if line.strip()]
            else:
                records = generate(path, seed, n, out)
            for how, change in RENDERINGS.items():
                texts[f"{name}/{seed}/{how}"] = [change(r["text"]) for r in records]
    return texts


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--work", type=Path, required=True, help="folder for the corpora (reused when present)")
    parser.add_argument("--model", type=Path, required=True, help="the model folder (trained with --train if absent)")
    parser.add_argument("--seeds", type=int, nargs="+", default=[11, 12])
    parser.add_argument("--n", type=int, default=150)
    parser.add_argument("--train", action="store_true", help="train a small model into --model first")
    parser.add_argument("--save", type=Path, default=None, help="write every document's spans here (JSON lines)")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)

    from cxrbuild.text.deid import ReportDeidentifier
    from cxrbuild.text.model import train

    if args.train:
        records, heldout = training_corpus(args.work / "train", 7, 100, 20)
        train(args.model, records, heldout, seed=7)
    texts = corpora(args.work, args.seeds, args.n)
    systems = {"rules": ReportDeidentifier(settings={"use_model": False}), "rules + model": ReportDeidentifier(model_dir=args.model)}
    total = hashlib.sha256()
    with open(args.save or os.devnull, "w", encoding="utf-8") as saved:
        for system, deidentifier in systems.items():
            run(system, deidentifier, texts, total, saved)
    print(f"TOTAL {total.hexdigest()}")
    return 0


def run(system: str, deidentifier: ReportDeidentifier, texts: dict[str, list[str]], total: hashlib._Hash, saved: TextIO) -> None:
    """One system over every corpus: a digest per corpus printed, each folded into ``total``."""
    started = time.process_time()
    count = 0
    for key, documents in texts.items():
        digest = hashlib.sha256()
        for offset in range(0, len(documents), 64):
            for index, result in enumerate(deidentifier.deidentify_many(documents[offset:offset + 64]), start=offset):
                line = json.dumps([system, key, index, [(s.start, s.end, s.label) for s in result.spans], result.text])
                digest.update(line.encode("utf-8") + b"\n")
                saved.write(line + "\n")
        count += len(documents)
        total.update(digest.digest())
        print(f"{system:14} {key:40} {digest.hexdigest()[:16]}")
    print(f"{system}: {count} reports, {count / (time.process_time() - started):.0f} reports per CPU s", file=sys.stderr)


if __name__ == "__main__":
    raise SystemExit(main())
