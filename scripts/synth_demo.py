"""Snakemake adapter of rule synth_demo: generate the demo hospital (cxrbuild.synth)."""

import shutil
import sys
from pathlib import Path

from _helpers import mock_snakemake, run_step


def main(snakemake, log) -> None:
    from cxrbuild.synth import generate

    out_dir = Path(snakemake.output.ehr).parent
    if out_dir.exists():  # a rerun regenerates the whole hospital, never a mix
        shutil.rmtree(out_dir)
    generate(out_dir, patients=snakemake.params.patients, seed=snakemake.params.seed,
             image_size=snakemake.params.image_size)
    log.info("synth_demo: %s patients written to %s", snakemake.params.patients, out_dir)


if __name__ == "__main__":
    run_step(globals().get("snakemake") or mock_snakemake("synth_demo", *sys.argv[1:]), main)
