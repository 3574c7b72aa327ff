"""Run one report batch: rules + NER de-identification into a staging folder.

Each report is de-identified with the batch's own EHR identifiers as deny list
(names, MRNs, accession numbers, birth dates of its patients, signing authors)
and, where the settings ask for it, full dates shifted by the patient's day
shift instead of removed. A report that fails is quarantined with its reason.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping
from pathlib import Path

from cxrbuild.batches.records import BatchRecord, status_counts, write_records
from cxrbuild.text.deid import ReportDeidentifier
from cxrbuild.util.atomic import atomic_write_text
from cxrbuild.util.digests import sha256_file
from cxrbuild.util.progress import Progress

log = logging.getLogger("cxrbuild.batches.reports")
CHUNK = 64  # reports per model call


def run_report_batch(plan_path: str | Path, staging_dir: str | Path, records_path: str | Path,
                     model_dir: str | Path | None, settings: Mapping | None = None) -> dict[str, int]:
    """De-identify the reports of one batch, with the batch's EHR identifiers as deny list."""
    plan = json.loads(Path(plan_path).read_text(encoding="utf-8"))
    staging = Path(staging_dir)
    staging.mkdir(parents=True, exist_ok=True)
    records: list[BatchRecord] = []
    reports = plan["reports"]
    if reports:
        deidentifier = ReportDeidentifier(model_dir=Path(model_dir) if model_dir else None,
                                          settings=dict(settings or {}))
        deny = tuple(plan["deny"])
        progress = Progress(f"reports {plan['shard']}_{plan['batch']}", len(reports))
        for start in range(0, len(reports), CHUNK):
            chunk = reports[start : start + CHUNK]
            for item, outcome in zip(chunk, _deidentify_chunk(deidentifier, chunk, deny), strict=True):
                record = BatchRecord(item["output"], item["subject_id"], item["study_id"])
                if isinstance(outcome, Exception):
                    record.withheld(f"{type(outcome).__name__}: {outcome}")
                else:
                    target = staging / item["output"]
                    atomic_write_text(target, outcome.text)
                    record.released(sha256_file(target), n_phi=len(outcome.spans))
                records.append(record)
            progress.advance(len(chunk))
        counts = status_counts(records)
        progress.finish(f"{counts['ok']} ok, {counts['quarantined']} quarantined")
    write_records(records, records_path)
    return status_counts(records)


def _deidentify_chunk(deidentifier: ReportDeidentifier, chunk: list[dict], deny: tuple[str, ...]) -> list:
    """Results of a chunk (the model runs batched); on failure, report by report, so only the bad one fails."""
    try:
        return deidentifier.deidentify_many([i["text"] for i in chunk], [deny] * len(chunk),
                                            [int(i["day_shift"]) for i in chunk])
    except Exception:
        outcomes: list = []
        for item in chunk:
            try:
                outcomes.append(deidentifier.deidentify(item["text"], deny=deny, day_shift=int(item["day_shift"])))
            except Exception as err:  # one report's failure quarantines that report, never the batch
                outcomes.append(err)
        return outcomes
