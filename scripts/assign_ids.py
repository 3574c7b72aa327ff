"""Snakemake adapter of checkpoint assign_ids: keyed ids, day shifts, crosswalk and batch plans."""

import time
from pathlib import Path

import pandas as pd
from _helpers import mock_snakemake, run_step


def main(snakemake, log) -> None:
    from cxrbuild.contract import CROSSWALK_TABLES
    from cxrbuild.ids import ShiftSettings, assign, write_crosswalk
    from cxrbuild.workarea import work_area_key

    started = time.monotonic()
    tables = {name: pd.read_parquet(getattr(snakemake.input, name))
              for name in ("patients", "encounters", "studies", "reports", "bad_rows")}
    headers = pd.read_parquet(snakemake.input.headers)
    shift_settings = ShiftSettings.from_config({"ids": snakemake.params.ids, "cohort": snakemake.params.cohort})
    # the work area holds the registry of issued ids and the batch plans beside the crosswalk
    work_dir = Path(snakemake.output.summary).parent.parent
    # the key by its path in config, not as a param (see deid_images.py); the build made it if new
    key, _fingerprint, _created = work_area_key(work_dir, snakemake.config["secrets"]["key_file"])
    assignment = assign(tables, headers, key, work_dir, shift_settings,
                        snakemake.params.batches_per_shard, snakemake.params.pacs_dir)
    write_crosswalk(assignment, {name: getattr(snakemake.output, name) for name in (*CROSSWALK_TABLES, "summary")})
    summary = assignment.summary
    line = (f"assign_ids: {summary['patients']} patients, {summary['cohort_studies']} studies, "
            f"{summary['cohort_images']} images; {len(summary['changed_plans'])} batch plans changed "
            f"in {time.monotonic() - started:.1f}s")
    log.info(line)
    log.info("changed plans: %s", ", ".join(summary["changed_plans"]) or "none")
    print(line)


if __name__ == "__main__":
    run_step(globals().get("snakemake") or mock_snakemake("assign_ids"), main)
