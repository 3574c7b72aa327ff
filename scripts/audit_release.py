"""Snakemake adapter of rule audit_release: the leak scan (its findings are kept even when it fails)."""

from _helpers import mock_snakemake, run_step


def main(snakemake, log) -> None:
    import json
    from pathlib import Path

    from cxrbuild.audit.findings import FindingFiles
    from cxrbuild.audit.release_audit import run_audit
    from cxrbuild.contract import ReleaseFiles
    from cxrbuild.util.atomic import atomic_write_text

    release = ReleaseFiles.declared(snakemake.params.name, checksums=snakemake.input.checksums,
                                    data_card=snakemake.input.card, reports_archive=snakemake.input.reports_archive)
    findings = FindingFiles(Path(snakemake.output.findings), Path(snakemake.output.table),
                            Path(snakemake.output.summary))
    verdict = run_audit(release.root, snakemake.params.ehr_url, findings_files=findings,
                        crosswalk=[Path(path) for path in snakemake.input.crosswalk],
                        queries_dir=Path(snakemake.params.queries_dir), ocr=snakemake.params.ocr,
                        fail_on=snakemake.params.fail_on)
    record = {"failed": verdict.failed, "counts": verdict.meta["counts"], "summary": verdict.summary}
    atomic_write_text(snakemake.output.verdict, json.dumps(record, indent=1, sort_keys=True) + "\n")
    print(verdict.summary)


if __name__ == "__main__":
    run_step(globals().get("snakemake") or mock_snakemake("audit_release"), main)
