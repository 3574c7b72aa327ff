"""Snakemake adapter of rule audit_release: the leak scan (its findings are kept even when it fails)."""

from _helpers import mock_snakemake, run_step


def main(snakemake, log) -> None:
    import json
    from pathlib import Path

    from cxrbuild.audit.command import run_audit
    from cxrbuild.util.atomic import atomic_write_text

    status, meta = run_audit(Path(snakemake.input.checksums).parent, snakemake.params.ehr_url,
                             out_dir=Path(snakemake.output.findings).parent,
                             crosswalk=Path(snakemake.input.subjects).parent,
                             queries_dir=Path(snakemake.params.queries_dir), ocr=snakemake.params.ocr,
                             fail_on=snakemake.params.fail_on)
    verdict = {"failed": bool(status), "counts": meta["counts"], "summary": meta["summary"]}
    atomic_write_text(snakemake.output.verdict, json.dumps(verdict, indent=1, sort_keys=True) + "\n")


if __name__ == "__main__":
    run_step(globals().get("snakemake") or mock_snakemake("audit_release"), main)
