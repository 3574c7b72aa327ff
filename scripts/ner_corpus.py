"""Snakemake adapter of rule ner_corpus: the model's training corpus from the independent generators."""

import json
from pathlib import Path

from _helpers import mock_snakemake, run_step


def main(snakemake, log) -> None:
    from cxrbuild.synth.report_corpora import training_corpus
    from cxrbuild.util.atomic import atomic_open

    train, heldout = training_corpus(Path(snakemake.output.train).parent / "generated", snakemake.params.seed,
                                     snakemake.params.n_train, snakemake.params.n_heldout)
    with atomic_open(snakemake.output.train, "w", encoding="utf-8") as handle:
        handle.writelines(json.dumps(record, ensure_ascii=False) + "\n" for record in train)
    with atomic_open(snakemake.output.heldout, "w", encoding="utf-8") as handle:
        for generator, records in heldout.items():
            handle.writelines(json.dumps({**record, "generator": generator}, ensure_ascii=False) + "\n" for record in records)
    log.info("ner_corpus: %d training documents, %d held out, from %s", len(train),
             sum(map(len, heldout.values())), ", ".join(heldout))


if __name__ == "__main__":
    run_step(globals().get("snakemake") or mock_snakemake("ner_corpus"), main)
