"""Snakemake adapter of rule audit_gate: the build fails when the audit confirmed an identifier."""

from _helpers import mock_snakemake, run_step


def main(snakemake, log) -> None:
    import json
    from pathlib import Path

    from cxrbuild.util.atomic import atomic_write_text
    from cxrbuild.util.errors import CxrbuildError

    verdict = json.loads(Path(snakemake.input.verdict).read_text())
    if verdict["failed"]:
        raise CxrbuildError(f"{verdict['summary']}; findings in {snakemake.input.summary}")
    log.info(verdict["summary"])
    atomic_write_text(snakemake.output.passed, json.dumps(verdict["counts"], sort_keys=True) + "\n")


if __name__ == "__main__":
    run_step(globals().get("snakemake") or mock_snakemake("audit_gate"), main)
