"""Snakemake adapter of rule fetch_pacs: retrieve the cohort's studies over DICOMweb (resumable)."""

from _helpers import mock_snakemake, run_step


def main(snakemake, log) -> None:
    from cxrbuild.dicomweb import fetch_cohort

    summary = fetch_cohort(snakemake.params.base_url, snakemake.input.studies, snakemake.params.out_dir,
                           summary_path=snakemake.output.summary)
    log.info("fetch_pacs: %s", summary.as_dict())


if __name__ == "__main__":
    run_step(globals().get("snakemake") or mock_snakemake("fetch_pacs"), main)
