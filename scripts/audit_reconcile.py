"""Snakemake adapter of rule reconcile: the table from EHR cohort to release, and its summary line."""

from _helpers import mock_snakemake, run_step


def main(snakemake, log) -> None:
    from cxrbuild.audit.reconcile import reconcile, write_reconciliation
    from cxrbuild.util.errors import CxrbuildError

    result = reconcile(snakemake.input.studies, snakemake.input.images, snakemake.input.pacs_files,
                       snakemake.input.image_records, snakemake.input.report_records,
                       snakemake.input.record_list, snakemake.input.study_list)
    write_reconciliation(result, snakemake.output.table, snakemake.output.figures)
    for stage, detail, studies, images in result.rows:
        log.info("reconciliation: %s | %s | studies %s | images %s", stage, detail, studies, images)
    log.info(result.summary)
    print(result.summary)
    if not result.balanced:
        raise CxrbuildError(f"the release does not balance with the cohort: {result.summary}")


if __name__ == "__main__":
    run_step(globals().get("snakemake") or mock_snakemake("reconcile"), main)
