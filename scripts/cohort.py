"""Snakemake adapter of rule cohort: run config/queries/*.sql against ehr.url."""

from pathlib import Path

from _helpers import mock_snakemake, run_step


def main(snakemake, log) -> None:
    from cxrbuild.cohort import bad_row_reasons, select_cohort, summarize

    tables = select_cohort(snakemake.params.ehr_url, Path(snakemake.input.queries[0]).parent,
                           dict(snakemake.params.cohort), Path(snakemake.output.studies).parent)
    for reason, count in bad_row_reasons(tables["bad_rows"]):
        log.info("bad rows: %d x %s", count, reason)
    print(f"cohort: {summarize(tables)}")


if __name__ == "__main__":
    run_step(globals().get("snakemake") or mock_snakemake("cohort"), main)
