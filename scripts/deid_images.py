"""Snakemake adapter of rule deid_images: one batch of images (header + pixels + verification)."""

import sys

from _helpers import mock_snakemake, run_step


def main(snakemake, log) -> None:
    from cxrbuild.batches.images import run_image_batch

    # the key by its path in config, not as a param: the plan names its fingerprint, and a path
    # that differs between two copies of the project must not rerun the batch
    counts = run_image_batch(snakemake.input.plan, snakemake.output.staged, snakemake.output.records,
                             snakemake.output.manifest, snakemake.config["secrets"]["key_file"],
                             snakemake.params.pacs_dir, settings=snakemake.params.settings,
                             workers=snakemake.params.workers)
    line = f"deid_images {snakemake.wildcards.shard}_{snakemake.wildcards.batch}: {counts['ok']} ok, " \
           f"{counts['quarantined']} quarantined"
    log.info(line)


if __name__ == "__main__":
    run_step(globals().get("snakemake") or mock_snakemake("deid_images", shard=sys.argv[1], batch=sys.argv[2]), main)
