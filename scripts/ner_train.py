"""Snakemake adapter of rule ner_train: deterministic spaCy NER training and held-out evaluation."""

import json
from pathlib import Path

from _helpers import mock_snakemake, run_step


def main(snakemake, log) -> None:
    from cxrbuild.text.ner import train_model

    evaluation = train_model(Path(snakemake.input.train).parent, Path(snakemake.output.model),
                             seed=snakemake.params.seed)
    log.info("ner_train: %s", json.dumps(evaluation, sort_keys=True, default=str)[:2000])


if __name__ == "__main__":
    run_step(globals().get("snakemake") or mock_snakemake("ner_train"), main)
