"""Independently written generators of annotated clinical text.

Each generator in this folder was written, from one written specification
of what to produce (PHI classes, protected clinical content, case and
layout variation; ``SPEC.md``), by an author who saw neither the
de-identification rules, nor the model, nor the project's other generators,
nor each other's code; each ships its own surrogate names and places. They
are kept unmodified: ``python3 GENERATOR --seed S --n N --out FILE.jsonl``
writes one JSON object a line, ``{"id", "text", "phi": [{"start", "end",
"label"}], "protected": [{"start", "end", "kind"}]}``, and checks its own
output. The model trains on a mixture of them (:mod:`cxrbuild.text.model`)
and is scored leave-one-generator-out; more generators of the same kind live
in ``benchmarks/blind_reports/`` and are used only to measure.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from cxrbuild.util.errors import CxrbuildError

HERE = Path(__file__).resolve().parent
TRAINING_GENERATORS: dict[str, Path] = {
    "us_radiology": HERE / "us_radiology.py",
    "intl_radiology": HERE / "intl_radiology.py",
    "icu_ed_notes": HERE / "icu_ed_notes.py",
    "discharge_social": HERE / "discharge_social.py",
    "mixed_modality": HERE / "mixed_modality.py",
    "dictation_portal": HERE / "dictation_portal.py",
    "commonwealth_letters": HERE / "commonwealth_letters.py",
}


def generate(generator: Path, seed: int, n: int, out: Path) -> list[dict]:
    """Run one generator (``--seed``, ``--n``) into ``out`` and read its records back."""
    out.parent.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(
        [sys.executable, str(generator), "--seed", str(seed), "--n", str(n), "--out", str(out)],
        capture_output=True, text=True, check=False,
    )
    if done.returncode != 0:
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        raise CxrbuildError(f"{generator.name}: corpus generator failed ({last})")
    return read_corpus(out)


def training_corpus(
    work: Path, seed: int, n_train: int, n_heldout: int, generators: list[str] | None = None
) -> tuple[list[dict], dict[str, list[dict]]]:
    """Training documents of every training generator (seed ``seed``), and held-out ones per generator (``seed + 1``)."""
    chosen = generators or list(TRAINING_GENERATORS)
    train: list[dict] = []
    heldout: dict[str, list[dict]] = {}
    for name in chosen:
        train.extend(generate(TRAINING_GENERATORS[name], seed, n_train, Path(work) / f"{name}.train.jsonl"))
        if n_heldout:
            heldout[name] = generate(TRAINING_GENERATORS[name], seed + 1, n_heldout, Path(work) / f"{name}.heldout.jsonl")
    return train, heldout


def read_corpus(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]
