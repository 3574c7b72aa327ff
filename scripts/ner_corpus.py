"""Snakemake adapter of rule ner_corpus: the synthetic labelled report corpus."""

from pathlib import Path

from _helpers import mock_snakemake, run_step


def main(snakemake, log) -> None:
    from cxrbuild.text.corpus import write_corpus

    write_corpus(Path(snakemake.output.train).parent, snakemake.params.n_train, snakemake.params.n_heldout,
                 seed=snakemake.params.seed)
    log.info("ner_corpus: %d train, %d held-out reports", snakemake.params.n_train, snakemake.params.n_heldout)


if __name__ == "__main__":
    run_step(globals().get("snakemake") or mock_snakemake("ner_corpus"), main)
