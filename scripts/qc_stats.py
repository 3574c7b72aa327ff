"""Snakemake adapter of rule qc_stats: de-identification statistics and the QC report's plots."""

from _helpers import mock_snakemake, run_step


def main(snakemake, log) -> None:
    import json
    from pathlib import Path

    from cxrbuild.audit.qc import deid_statistics, write_plots
    from cxrbuild.batches.records import read_records
    from cxrbuild.util.atomic import atomic_write_text

    stats = deid_statistics(read_records(snakemake.input.image_records),
                            read_records(snakemake.input.report_records))
    atomic_write_text(snakemake.output.stats, json.dumps(stats, indent=1, sort_keys=True) + "\n")
    reconciliation = json.loads(Path(snakemake.input.reconciliation).read_text())
    write_plots(stats, reconciliation, Path(snakemake.output.plots))
    log.info("qc: %d released images (%d with boxes, %d boxes), %d reports (%d PHI spans)",
             stats["images_ok"], stats["images_with_boxes"], stats["boxes"], stats["reports_ok"],
             stats["report_phi_spans"])


if __name__ == "__main__":
    run_step(globals().get("snakemake") or mock_snakemake("qc_stats"), main)
