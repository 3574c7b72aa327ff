"""Snakemake adapter of rule pacs_index: read the PACS headers (no pixels) in parallel chunks."""

import time

from _helpers import mock_snakemake, run_step


def main(snakemake, log) -> None:
    from cxrbuild.pacs_index import write_index

    started = time.monotonic()
    headers = write_index(snakemake.params.pacs_dir, snakemake.output.headers,
                          workers=snakemake.params.workers, chunk_size=snakemake.params.chunk_size,
                          folders_path=snakemake.output.folders)
    unreadable = headers.loc[headers["status"] == "unreadable", "reason"].value_counts()
    for reason, count in unreadable.items():
        log.info("unreadable: %d x %s", count, reason)
    line = (f"pacs_index: {len(headers)} files, {int(unreadable.sum())} unreadable "
            f"in {time.monotonic() - started:.1f}s")
    log.info(line)
    print(line)


if __name__ == "__main__":
    run_step(globals().get("snakemake") or mock_snakemake("pacs_index"), main)
