"""Run one batch of the workflow: de-identify its images or its reports into a staging folder.

A batch reads its plan (written by ``cxrbuild.ids``), writes its outputs under
a staging folder with the release's relative paths, and lists every planned
item in a records file (JSON lines: ``output``, ``status``, ``reason``,
``sha256`` of the staged bytes), so packaging never has to re-read the files
and nothing planned can go missing without a reason.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Mapping
from pathlib import Path

from cxrbuild.ids import uid_key
from cxrbuild.keys import load_or_create_key
from cxrbuild.util.atomic import atomic_write_text
from cxrbuild.util.progress import Progress

log = logging.getLogger("cxrbuild.batches")


def sha256_file(path: str | Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _write_records(records: list[dict], records_path: str | Path) -> None:
    lines = [json.dumps(r, sort_keys=True, ensure_ascii=False) for r in sorted(records, key=lambda r: r["output"])]
    atomic_write_text(records_path, "".join(line + "\n" for line in lines))


def _one_line(text: object) -> str:
    return " ".join(str(text).split())[:300]


def run_image_batch(plan_path: str | Path, staging_dir: str | Path, records_path: str | Path,
                    manifest_path: str | Path, key_file: str | Path, settings: Mapping | None = None,
                    workers: int = 1) -> dict[str, int]:
    """De-identify the images of one batch (header + pixels + second-pass check) into ``staging_dir``."""
    from cxrbuild.dicom.header import ImageContext
    from cxrbuild.dicom.images import ImageDeidSettings, process_batch

    plan = json.loads(Path(plan_path).read_text(encoding="utf-8"))
    staging = Path(staging_dir)
    staging.mkdir(parents=True, exist_ok=True)
    key_for_uids = uid_key(load_or_create_key(key_file, create=False))
    deid_settings = ImageDeidSettings.from_mapping(dict(settings or {})) if hasattr(
        ImageDeidSettings, "from_mapping") else ImageDeidSettings(**dict(settings or {}))
    items = []
    for item in plan["items"]:
        ctx = ImageContext(subject_id=item["subject_id"], study_id=item["study_id"], dicom_id=item["dicom_id"],
                           day_shift=int(item["day_shift"]), uid_key=key_for_uids, deny=tuple(item["deny"]))
        items.append((Path(item["source"]), staging / item["output"], ctx))
    if items:
        process_batch(items, deid_settings, Path(manifest_path), workers=workers)
    else:
        atomic_write_text(manifest_path, "")
    by_output = {}
    for line in Path(manifest_path).read_text(encoding="utf-8").splitlines():
        if line.strip():
            entry = json.loads(line)
            by_output[str(Path(entry["output"]).resolve()) if entry.get("output") else entry["source"]] = entry
    by_source = {}
    for entry in by_output.values():
        by_source[str(entry["source"])] = entry
    records = []
    counts = {"ok": 0, "quarantined": 0}
    for item in plan["items"]:
        entry = by_source.get(str(Path(item["source"])))
        target = staging / item["output"]
        record = {"output": item["output"], "subject_id": item["subject_id"], "study_id": item["study_id"],
                  "dicom_id": item["dicom_id"], "source": item["source"]}
        if entry is None:
            record.update(status="quarantined", reason="missing from the image manifest", sha256=None)
        elif entry.get("status") == "ok" and target.is_file():
            record.update(status="ok", reason="", sha256=sha256_file(target), boxes=entry.get("boxes", []))
        else:
            reason = entry.get("reason") or "output file not written"
            record.update(status="quarantined", reason=_one_line(reason), sha256=None)
            if target.exists():  # fail closed: a quarantined image never reaches packaging
                target.unlink()
        counts[record["status"]] += 1
        records.append(record)
    _write_records(records, records_path)
    return counts


def run_report_batch(plan_path: str | Path, staging_dir: str | Path, records_path: str | Path,
                     model_dir: str | Path | None, settings: Mapping | None = None) -> dict[str, int]:
    """De-identify the reports of one batch, with the batch's EHR identifiers as deny list."""
    from cxrbuild.text.deid import ReportDeidentifier

    plan = json.loads(Path(plan_path).read_text(encoding="utf-8"))
    staging = Path(staging_dir)
    staging.mkdir(parents=True, exist_ok=True)
    records = []
    counts = {"ok": 0, "quarantined": 0}
    reports = plan["reports"]
    if reports:
        deidentifier = ReportDeidentifier(model_dir=Path(model_dir) if model_dir else None,
                                          settings=dict(settings or {}))
        deny = tuple(plan["deny"])
        progress = Progress(f"reports {plan['shard']}_{plan['batch']}", len(reports))
        for item in reports:
            record = {"output": item["output"], "subject_id": item["subject_id"], "study_id": item["study_id"]}
            try:
                result = deidentifier.deidentify(item["text"], deny=deny, day_shift=int(item["day_shift"]))
                target = staging / item["output"]
                atomic_write_text(target, result.text)
                record.update(status="ok", reason="", sha256=sha256_file(target), n_phi=len(result.spans))
            except Exception as err:  # one report's failure quarantines that report, never the batch
                record.update(status="quarantined", reason=_one_line(f"{type(err).__name__}: {err}"), sha256=None)
            counts[record["status"]] += 1
            records.append(record)
            progress.advance()
    _write_records(records, records_path)
    return counts
