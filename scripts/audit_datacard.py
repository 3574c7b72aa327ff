"""Snakemake adapter of rule data_card: README.md of the release, from the build's own figures."""

from _helpers import mock_snakemake, run_step


def main(snakemake, log) -> None:
    import json
    from pathlib import Path

    from cxrbuild.audit.datacard import config_digest, write_datacard
    from cxrbuild.contract import ReleaseFiles

    release = ReleaseFiles.declared(snakemake.params.name, data_card=snakemake.output.card,
                                    checksums=snakemake.input.checksums, record_list=snakemake.input.record_list,
                                    study_list=snakemake.input.study_list)
    card = write_datacard(release, config_digest(snakemake.config),
                          reconciliation=json.loads(Path(snakemake.input.reconciliation).read_text()),
                          deid_stats=json.loads(Path(snakemake.input.stats).read_text()),
                          index_years=tuple(int(year) for year in snakemake.params.index_years))
    log.info("data card written: %s", card)


if __name__ == "__main__":
    run_step(globals().get("snakemake") or mock_snakemake("data_card"), main)
