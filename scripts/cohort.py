"""Snakemake adapter of rule cohort: run config/queries/*.sql against ehr.url."""

from _helpers import mock_snakemake, run_step


def main(snakemake, log) -> None:
    from cxrbuild.cohort import COHORT_TABLES, bad_row_reasons, select_cohort, summarize

    tables = select_cohort(snakemake.params.ehr_url, snakemake.input.queries, dict(snakemake.params.cohort),
                           {name: getattr(snakemake.output, name) for name in COHORT_TABLES})
    for reason, count in bad_row_reasons(tables["bad_rows"]):
        log.info("bad rows: %d x %s", count, reason)
    print(f"cohort: {summarize(tables)}")


if __name__ == "__main__":
    run_step(globals().get("snakemake") or mock_snakemake("cohort"), main)
