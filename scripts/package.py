"""Snakemake adapter of rule package: the release files, lists, archive, SHA256SUMS and summary."""

import json
import time
from dataclasses import asdict
from pathlib import Path

import pandas as pd
from _helpers import mock_snakemake, run_step


def main(snakemake, log) -> None:
    from cxrbuild.contract import ReleaseFiles
    from cxrbuild.publish.package import build_release
    from cxrbuild.util.atomic import atomic_write_text

    started = time.monotonic()
    ids_summary = json.loads(Path(snakemake.input.ids_summary).read_text())
    summary, quarantine = build_release(
        ReleaseFiles.declared(snakemake.params.name, **{name: getattr(snakemake.output, name) for name in
                                                        ("checksums", "record_list", "study_list", "reports_archive")}),
        snakemake.input.image_staged, snakemake.input.image_records,
        snakemake.input.report_staged, snakemake.input.report_records,
        pd.read_parquet(snakemake.input.studies), pd.read_parquet(snakemake.input.images),
        pacs_files=ids_summary.get("pacs_files"), bad_rows=len(pd.read_parquet(snakemake.input.bad_rows)),
        make_zip=snakemake.params.zip, quarantine_fatal=snakemake.params.fatal)
    with open(snakemake.output.quarantine, "w", encoding="utf-8", newline="") as handle:
        quarantine.to_csv(handle, index=False)
    atomic_write_text(snakemake.output.summary, json.dumps(asdict(summary), indent=1, sort_keys=True) + "\n")
    for kind, reasons in (("study", summary.study_reasons), ("image", summary.image_reasons)):
        for reason, count in reasons.items():
            log.info("quarantined %s: %d x %s", kind, count, reason)
    line = f"package: {summary.line()} in {time.monotonic() - started:.1f}s"
    log.info(line)
    print(line)


if __name__ == "__main__":
    run_step(globals().get("snakemake") or mock_snakemake("package"), main)
