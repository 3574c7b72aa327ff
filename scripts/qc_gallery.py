"""Snakemake adapter of rule qc_gallery: before/after thumbnails of sampled images (INTERNAL report)."""

from _helpers import mock_snakemake, run_step


def main(snakemake, log) -> None:
    from pathlib import Path

    from cxrbuild.audit.qc import sample_gallery, write_gallery
    from cxrbuild.batches.records import read_records
    from cxrbuild.contract import ReleaseFiles

    batches = {name: read_records([path])
               for name, path in zip(snakemake.params.batches, snakemake.input.image_records, strict=True)}
    samples = sample_gallery(batches, per_stratum=snakemake.params.per_stratum,
                             max_images=snakemake.params.max_images, seed=snakemake.params.seed)
    release = ReleaseFiles.declared(snakemake.params.name, record_list=snakemake.input.record_list)
    written = write_gallery(samples, release, Path(snakemake.output.gallery),
                            internal=snakemake.params.internal)
    log.info("gallery: %d images shown of %d sampled", len(written), len(samples))


if __name__ == "__main__":
    run_step(globals().get("snakemake") or mock_snakemake("qc_gallery"), main)
