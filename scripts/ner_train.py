"""Snakemake adapter of rule ner_train: the window tagger, trained deterministically, scored on held-out documents."""

import json
from pathlib import Path

from _helpers import mock_snakemake, run_step


def main(snakemake, log) -> None:
    from cxrbuild.synth.report_corpora import read_corpus
    from cxrbuild.text.model import train

    records = read_corpus(Path(snakemake.input.train))
    heldout: dict[str, list[dict]] = {}
    for record in read_corpus(Path(snakemake.input.heldout)):
        heldout.setdefault(record["generator"], []).append(record)
    evaluation = train(Path(snakemake.output.model), records, heldout, seed=snakemake.params.seed)
    log.info("ner_train: %s", json.dumps(evaluation, sort_keys=True, default=str)[:2000])


if __name__ == "__main__":
    run_step(globals().get("snakemake") or mock_snakemake("ner_train"), main)
