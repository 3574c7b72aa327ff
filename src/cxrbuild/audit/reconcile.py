"""Reconciliation: every cohort study and image, from the EHR to the release.

A table of stages, each with the studies and images it holds, read from the
build's own work files (never from its log):

=============================  =====================================================
stage                          read from
=============================  =====================================================
ehr cohort                     ``ids/studies.parquet`` (one row per cohort study)
pacs files                     ``ids/pacs_files.parquet`` (every PACS file, its status)
matched in pacs                studies with images; images joined to a cohort study
withheld                       studies (and their images) not sent to de-identification
de-identified                  image and report batch records (``records.jsonl``), ok
quarantined                    the same records, by reason
released                       the release's record and study lists
=============================  =====================================================

Reasons are grouped by their class (the text before the first ':'), so a
table stays short whatever the per-file detail. The last row says whether the
books balance: released + withheld + quarantined = cohort, for studies and
images. Nothing may be unaccounted for.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from cxrbuild.batches.records import read_records
from cxrbuild.util.atomic import atomic_write_text
from cxrbuild.util.errors import CxrbuildError

COLUMNS = ("stage", "detail", "studies", "images")


@dataclass
class Reconciliation:
    rows: list[tuple[str, str, int | str, int | str]]
    balanced: bool
    summary: str
    figures: dict

    def to_csv(self) -> str:
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(COLUMNS)
        writer.writerows(self.rows)
        return buffer.getvalue()


def reason_class(reason: object) -> str:
    """A reason without its per-item detail: 'truncated: 1234 of 5678 bytes' -> 'truncated'."""
    text = " ".join(str(reason or "").split())
    if not text:
        return "unspecified"
    return text.split(":")[0].split(" of ")[0].strip()[:80]


def _read_table(path: str | Path) -> pd.DataFrame:
    path = Path(path)
    if not path.exists():
        raise CxrbuildError(f"{path}: not found")
    if path.suffix == ".parquet":
        return pd.read_parquet(path)
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def reconcile(
    studies_path: str | Path,
    images_path: str | Path,
    pacs_files_path: str | Path,
    image_records: Iterable[str | Path],
    report_records: Iterable[str | Path],
    record_list: str | Path,
    study_list: str | Path,
) -> Reconciliation:
    """The reconciliation table of one build (see the module docstring for the stages)."""
    studies = _read_table(studies_path)
    images = _read_table(images_path)
    pacs_files = _read_table(pacs_files_path)
    image_rows = read_records(image_records)
    report_rows = read_records(report_records)
    released_images = _read_table(record_list)
    released_studies = _read_table(study_list)

    rows: list[tuple[str, str, int | str, int | str]] = []
    n_studies = len(studies)
    rows.append(("ehr cohort", "chest radiograph studies of the cohort", n_studies, ""))
    rows.append(("pacs files", "files in the PACS export", "", len(pacs_files)))
    for status, count in sorted(Counter(pacs_files["status"].astype(str)).items()):
        if status in ("cohort", "duplicate"):
            continue
        reasons = pacs_files.loc[pacs_files["status"] == status, "reason"]
        detail = f"not used: {status}"
        top = Counter(map(reason_class, reasons)).most_common(1)
        if top and top[0][0] != "unspecified":
            detail += f" ({top[0][0]})"
        rows.append(("pacs files", detail, "", int(count)))
    matched_images = len(images)
    matched_studies = int((studies.get("n_images", pd.Series(0, index=studies.index)) > 0).sum())
    rows.append(("matched in pacs", "cohort studies with images / their image files", matched_studies,
                 matched_images))

    # withheld before de-identification: planned in ids, by reason
    withheld_studies = studies.loc[studies["status"] != "planned"]
    withheld_images = images.loc[images["status"] != "planned"]
    for reason, count in sorted(Counter(map(reason_class, withheld_studies["reason"])).items()):
        rows.append(("withheld", f"study: {reason}", count, ""))
    for reason, count in sorted(Counter(map(reason_class, withheld_images["reason"])).items()):
        rows.append(("withheld", f"image: {reason}", "", count))

    ok_images = [r for r in image_rows if r.ok]
    ok_reports = [r for r in report_rows if r.ok]
    rows.append(("de-identified ok", "images (header + pixels) / reports", len(ok_reports), len(ok_images)))
    quarantined_images = [r for r in image_rows if not r.ok]
    quarantined_reports = [r for r in report_rows if not r.ok]
    for reason, count in sorted(Counter(reason_class(r.reason) for r in quarantined_images).items()):
        rows.append(("quarantined", f"image: {reason}", "", count))
    for reason, count in sorted(Counter(reason_class(r.reason) for r in quarantined_reports).items()):
        rows.append(("quarantined", f"report: {reason}", count, ""))

    # a study released needs its report and an image; an image needs its study (package rules)
    released_study_ids = set(released_studies["study_id"].astype(str))
    ok_report_ids = {r.study_id for r in ok_reports}
    ok_image_studies = {r.study_id for r in ok_images}
    planned_ids = set(studies.loc[studies["status"] == "planned", "study_id"].astype(str))
    held_back = planned_ids - released_study_ids
    no_report = held_back - ok_report_ids
    no_image = (held_back & ok_report_ids) - ok_image_studies
    explained = no_report | no_image  # a planned study missing for any other reason is unaccounted
    if no_report:
        rows.append(("withheld after de-identification", "study: report quarantined", len(no_report), ""))
    if no_image:
        rows.append(("withheld after de-identification", "study: every image quarantined", len(no_image), ""))
    orphan_images = [r for r in ok_images if r.study_id in explained]
    if orphan_images:
        rows.append(("withheld after de-identification", "image: study withheld", "", len(orphan_images)))
    rows.append(("released", "studies (study list) / images (record list)", len(released_study_ids),
                 len(released_images)))

    accounted_studies = len(released_study_ids) + len(withheld_studies) + len(explained)
    accounted_images = (len(released_images) + len(withheld_images) + len(quarantined_images)
                        + len(orphan_images))
    unaccounted_studies = n_studies - accounted_studies
    unaccounted_images = matched_images - accounted_images
    balanced = unaccounted_studies == 0 and unaccounted_images == 0
    rows.append(("unaccounted", "cohort - released - withheld - quarantined (must be 0)",
                 unaccounted_studies, unaccounted_images))
    figures = {
        "cohort_studies": n_studies,
        "matched_studies": matched_studies,
        "matched_images": matched_images,
        "pacs_files": len(pacs_files),
        "deidentified_images": len(ok_images),
        "deidentified_reports": len(ok_reports),
        "quarantined_images": len(quarantined_images),
        "quarantined_reports": len(quarantined_reports),
        "withheld_studies": len(withheld_studies) + len(explained),
        "withheld_images": len(withheld_images) + len(orphan_images),
        "released_studies": len(released_study_ids),
        "released_images": len(released_images),
        "released_subjects": int(released_studies["subject_id"].nunique()) if len(released_studies) else 0,
        "unaccounted_studies": unaccounted_studies,
        "unaccounted_images": unaccounted_images,
    }
    summary = (
        f"reconciliation: cohort {n_studies} studies -> matched {matched_studies} studies / {matched_images} images"
        f" -> released {len(released_study_ids)} studies / {len(released_images)} images; withheld"
        f" {figures['withheld_studies']} studies / {figures['withheld_images']} images, quarantined"
        f" {len(quarantined_images)} images / {len(quarantined_reports)} reports;"
        f" {'balanced' if balanced else f'UNACCOUNTED {unaccounted_studies} studies / {unaccounted_images} images'}"
    )
    return Reconciliation(rows, balanced, summary, figures)


def write_reconciliation(result: Reconciliation, csv_path: str | Path, json_path: str | Path | None = None) -> None:
    atomic_write_text(csv_path, result.to_csv())
    if json_path is not None:
        payload = {"balanced": result.balanced, "summary": result.summary, "figures": result.figures}
        atomic_write_text(json_path, json.dumps(payload, indent=1, sort_keys=True) + "\n")
