"""Snakemake adapter of rule deid_reports: one batch of reports (rules + NER, batch deny list)."""

import sys

from _helpers import mock_snakemake, run_step


def main(snakemake, log) -> None:
    from cxrbuild.batches.reports import run_report_batch

    counts = run_report_batch(snakemake.input.plan, snakemake.output.staged, snakemake.output.records,
                              snakemake.input.model, settings=snakemake.params.settings)
    log.info("deid_reports %s_%s: %d ok, %d quarantined", snakemake.wildcards.shard,
             snakemake.wildcards.batch, counts["ok"], counts["quarantined"])


if __name__ == "__main__":
    run_step(globals().get("snakemake") or mock_snakemake("deid_reports", shard=sys.argv[1], batch=sys.argv[2]), main)
