"""Assign the released identifiers and day shifts, and split the work into batches.

Every identifier comes from the keyed generator (``cxrbuild.keys``, HMAC-SHA256):
``subject_id`` and ``study_id`` in the ranges of ``cxrbuild.contract``,
``dicom_id`` 40 hex digits (contracts.md section 2). A collision is resolved
deterministically by drawing again with an attempt counter, in sorted order of
the source identifiers. Issued ids are kept in a registry in the private work
area and reused on the next build with the same key, so adding patients never
changes anyone else's ids.

Each patient gets one day shift: the index admission (earliest encounter in the
window) lands on a keyed day of a keyed year. By default the shift is a whole
number of weeks, so weekdays and times of day survive; intervals within a
patient are kept because all of a patient's dates move by the same shift.

The workflow and ``cxrbuild deid-images`` both draw through this module, so one
key gives a patient the same subject_id (keyed on the MRN, the DICOM PatientID),
study_id (keyed on the accession number), dicom_id (keyed on the SOP Instance
UID) and day shift on both paths (and ``keys.uid_key`` the same UIDs).

The crosswalk (mrn <-> subject_id, accession <-> study_id, SOPInstanceUID <->
dicom_id, day shifts) is written owner-only (files 0600, folders 0700) under
the work area and never into the release.

Work is split into batches known before any data is read: shard ``p10``..``p19``
(the first three characters of the subject folder) x ``batches_per_shard``,
the batch being ``subject_id mod batches_per_shard``. Per-batch plan files are
rewritten only when their content changes, so their modification times tell the
workflow which batches really changed.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from cxrbuild import contract
from cxrbuild.cohort import patient_deny_list
from cxrbuild.contract import image_plan_path, report_plan_path
from cxrbuild.keys import format_dicom_id, key_fingerprint, keyed_hex, keyed_int
from cxrbuild.pacs_index import join_cohort
from cxrbuild.printed_forms import name_parts
from cxrbuild.util.atomic import atomic_path, atomic_write_bytes
from cxrbuild.util.paths import PRIVATE_FILE, private_dir

log = logging.getLogger("cxrbuild.ids")

MAX_ATTEMPTS = 10_000


@dataclass(frozen=True)
class ShiftSettings:
    """How dates move: the index admission year range and the shift unit in days."""

    year_min: int = contract.INDEX_YEARS[0]
    year_max: int = contract.INDEX_YEARS[1]
    unit_days: int = 7  # whole weeks keep weekdays; 1 allows any day
    window_years: int = 0  # years spanned by the cohort window, kept below year_max

    @classmethod
    def from_mapping(cls, ids: Mapping | None, window_years: int = 0) -> ShiftSettings:
        ids = ids or {}
        unit = ids.get("shift_unit", "weeks")
        unit_days = {"weeks": 7, "days": 1}.get(unit)
        if unit_days is None:
            raise ValueError(f"ids.shift_unit must be 'weeks' or 'days', not {unit!r}")
        return cls(int(ids.get("index_year_min", cls.year_min)), int(ids.get("index_year_max", cls.year_max)),
                   unit_days, max(0, window_years))

    @classmethod
    def from_config(cls, config: Mapping) -> ShiftSettings:
        """The settings of a workflow config: its ``ids`` section and the years its cohort window spans.

        Both the workflow and ``cxrbuild deid-images --config`` read them here, so
        one config gives both the same shifts.
        """
        cohort = config.get("cohort") or {}
        window_years = 0
        if cohort.get("start") and cohort.get("end"):
            window_years = (dt.date.fromisoformat(str(cohort["end"])).year
                            - dt.date.fromisoformat(str(cohort["start"])).year + 1)
        return cls.from_mapping(config.get("ids"), window_years)


def write_private_parquet(frame: pd.DataFrame, path: str | Path) -> Path:
    private_dir(Path(path).parent)
    with atomic_path(path, mode=PRIVATE_FILE) as tmp:
        frame.to_parquet(tmp, index=False)
    return Path(path)


# -- identifiers ---------------------------------------------------------------


def allocate(sources: Iterable[str], previous: Mapping[str, str], draw: Callable[[str, int], str]) -> dict[str, str]:
    """Give every source identifier a unique new id.

    Ids in ``previous`` (same key) are kept; the others are drawn in sorted order,
    drawing again with the next attempt number on a collision.
    """
    wanted = sorted(set(sources))
    assigned: dict[str, str] = {s: previous[s] for s in wanted if s in previous}
    taken = set(previous.values())
    for source in wanted:
        if source in assigned:
            continue
        for attempt in range(MAX_ATTEMPTS):
            candidate = draw(source, attempt)
            if candidate not in taken:
                break
        else:  # pragma: no cover - needs ~all ids of a range in use
            raise RuntimeError(f"no free identifier after {MAX_ATTEMPTS} attempts")
        assigned[source] = candidate
        taken.add(candidate)
    return assigned


def subject_draw(key: bytes) -> Callable[[str, int], str]:
    return lambda mrn, attempt: str(keyed_int(key, *contract.SUBJECT_RANGE, "subject_id", mrn, str(attempt)))


def study_draw(key: bytes) -> Callable[[str, int], str]:
    return lambda accession, attempt: str(keyed_int(key, *contract.STUDY_RANGE, "study_id", accession, str(attempt)))


def dicom_draw(key: bytes) -> Callable[[str, int], str]:
    return lambda sop_uid, attempt: format_dicom_id(keyed_hex(key, 40, "dicom_id", sop_uid, str(attempt)))


# -- day shifts -----------------------------------------------------------------


def day_shift(key: bytes, mrn: str, index_time: dt.date | dt.datetime, settings: ShiftSettings) -> int:
    """Days added to every date of the patient so the index admission lands in a keyed year.

    The year is uniform in ``year_min..year_max - window_years`` (so the whole
    window stays at or below ``year_max``), the day within it is keyed too (no
    season is kept), and the shift is a multiple of ``unit_days``.
    """
    index_date = index_time.date() if isinstance(index_time, dt.datetime) else index_time
    top = max(settings.year_min, settings.year_max - settings.window_years)
    year = keyed_int(key, settings.year_min, top, "index_year", mrn)
    days_in_year = (dt.date(year + 1, 1, 1) - dt.date(year, 1, 1)).days
    target = dt.date(year, 1, 1) + dt.timedelta(days=keyed_int(key, 0, days_in_year - 1, "index_day", mrn))
    unit = settings.unit_days
    shift = unit * round((target - index_date).days / unit)
    while (index_date + dt.timedelta(days=shift)).year > year:
        shift -= unit
    while (index_date + dt.timedelta(days=shift)).year < year:
        shift += unit
    return shift


# -- batches --------------------------------------------------------------------


def batch_of(subject_id: str, batches_per_shard: int) -> tuple[str, int]:
    """(shard, batch) of a subject: its shard folder, and batch = id mod n."""
    return contract.shard_of(subject_id), int(subject_id) % batches_per_shard


def all_batches(batches_per_shard: int) -> list[tuple[str, int]]:
    return [(shard, b) for shard in contract.SHARDS for b in range(batches_per_shard)]


def write_if_changed(path: Path, data: bytes) -> bool:
    """Write ``data`` only if the file's content differs (keeping the old mtime otherwise)."""
    if path.exists() and path.read_bytes() == data:
        return False
    private_dir(path.parent)
    atomic_write_bytes(path, data, file_mode=PRIVATE_FILE)
    return True


def _json_bytes(obj: object) -> bytes:
    return (json.dumps(obj, sort_keys=True, indent=1, ensure_ascii=False, default=str) + "\n").encode()


# -- registry of issued ids --------------------------------------------------------

REGISTRY_KINDS = ("subject_id", "study_id", "dicom_id")


def load_registry(work_dir: str | Path, fingerprint: str) -> dict[str, dict[str, str]]:
    """Ids issued by earlier builds under the same key (empty for another key)."""
    path = Path(work_dir) / "registry" / "ids.parquet"
    registry: dict[str, dict[str, str]] = {kind: {} for kind in REGISTRY_KINDS}
    if not path.exists():
        return registry
    frame = pd.read_parquet(path)
    frame = frame.loc[frame["key_fingerprint"] == fingerprint]
    for kind, source, new_id in zip(frame["kind"], frame["source"], frame["id"], strict=True):
        registry[kind][source] = new_id
    return registry


def save_registry(work_dir: str | Path, fingerprint: str, issued: Mapping[str, Mapping[str, str]]) -> None:
    path = Path(work_dir) / "registry" / "ids.parquet"
    rows = [(fingerprint, kind, source, new_id)
            for kind in REGISTRY_KINDS for source, new_id in sorted(issued[kind].items())]
    frame = pd.DataFrame(rows, columns=["key_fingerprint", "kind", "source", "id"])
    if path.exists():
        old = pd.read_parquet(path)
        old = old.loc[old["key_fingerprint"] != fingerprint]
        frame = pd.concat([old, frame], ignore_index=True)
    write_private_parquet(frame, path)


# -- the whole assignment ----------------------------------------------------------


@dataclass
class Assignment:
    subjects: pd.DataFrame
    studies: pd.DataFrame
    images: pd.DataFrame
    pacs_files: pd.DataFrame  # every PACS file with its join status and reason
    summary: dict


def assign(tables: Mapping[str, pd.DataFrame], headers: pd.DataFrame, key: bytes, work_dir: str | Path,
           settings: ShiftSettings, batches_per_shard: int, pacs_dir: str | Path) -> Assignment:
    """Assign ids and shifts, decide which studies and images can be released, write the plans."""
    work_dir = Path(work_dir)
    private_dir(work_dir)
    fingerprint = key_fingerprint(key)
    registry = load_registry(work_dir, fingerprint)
    patients, studies = tables["patients"], tables["studies"]

    index = join_cohort(headers, studies)
    subject_ids = allocate(patients["mrn"], registry["subject_id"], subject_draw(key))
    study_ids = allocate(studies["accession_number"], registry["study_id"], study_draw(key))
    cohort_images = index.loc[index["status"] == "cohort"]
    dicom_ids = allocate(cohort_images["sop_instance_uid"], registry["dicom_id"], dicom_draw(key))
    for kind, new in (("subject_id", subject_ids), ("study_id", study_ids), ("dicom_id", dicom_ids)):
        registry[kind].update(new)
    save_registry(work_dir, fingerprint, registry)

    subjects = patients[["mrn", "index_admit_time"]].copy()
    subjects["subject_id"] = subjects["mrn"].map(subject_ids)
    subjects["day_shift"] = [day_shift(key, m, t.to_pydatetime(), settings)
                             for m, t in zip(subjects["mrn"], subjects["index_admit_time"], strict=True)]
    placed = [batch_of(s, batches_per_shard) for s in subjects["subject_id"]]
    subjects["shard"] = [p[0] for p in placed]
    subjects["batch"] = [p[1] for p in placed]

    studies = studies[["accession_number", "mrn", "study_instance_uid", "study_time", "has_report"]].copy()
    studies["study_id"] = studies["accession_number"].map(study_ids)
    studies = studies.merge(subjects[["mrn", "subject_id", "day_shift", "shard", "batch"]], on="mrn", how="left")
    n_images = cohort_images.groupby("cohort_accession").size()
    studies["n_images"] = studies["accession_number"].map(n_images).fillna(0).astype(int)
    studies["status"] = "planned"
    studies["reason"] = ""
    no_report = ~studies["has_report"]
    studies.loc[no_report, ["status", "reason"]] = ["quarantined", "no report in the EHR"]
    no_image = studies["n_images"] == 0
    studies.loc[no_image & ~no_report, ["status", "reason"]] = ["quarantined", "no image in the PACS"]

    images = index.loc[index["status"].isin(["cohort", "duplicate"])].copy()
    images = images.merge(
        studies[["accession_number", "study_id", "subject_id", "mrn", "day_shift", "shard", "batch",
                 "status", "reason"]].rename(columns={"status": "study_status", "reason": "study_reason"}),
        left_on="cohort_accession", right_on="accession_number", how="left", suffixes=("_header", ""))
    images["dicom_id"] = images["sop_instance_uid"].map(dicom_ids)
    images.loc[images["status"] == "duplicate", "dicom_id"] = None
    images["status"] = images["status"].map({"cohort": "planned", "duplicate": "quarantined"})
    withheld = (images["status"] == "planned") & (images["study_status"] != "planned")
    images.loc[withheld, "status"] = "quarantined"
    images.loc[withheld, "reason"] = "study withheld: " + images.loc[withheld, "study_reason"]
    images["source"] = [str(Path(pacs_dir).resolve() / p) for p in images["path"]]
    images["output"] = None
    planned = images["status"] == "planned"
    images.loc[planned, "output"] = [
        contract.image_path(sub, st, dcm) for sub, st, dcm in
        zip(images.loc[planned, "subject_id"], images.loc[planned, "study_id"], images.loc[planned, "dicom_id"],
            strict=True)]
    images = images.drop(columns=["study_status", "study_reason", "accession_number_header"], errors="ignore")

    changed = write_plans(tables, subjects, studies, images, fingerprint, work_dir, batches_per_shard)
    summary = {
        "key_fingerprint": fingerprint,
        "batches_per_shard": batches_per_shard,
        "patients": len(subjects),
        "cohort_studies": len(studies),
        "cohort_images": int((index["status"].isin(["cohort", "duplicate"])).sum()),
        "planned_studies": int((studies["status"] == "planned").sum()),
        "planned_images": int(planned.sum()),
        "pacs_files": {str(k): int(v) for k, v in index["status"].value_counts().sort_index().items()},
        "changed_plans": changed,
    }
    return Assignment(subjects, studies, images, index, summary)


def write_plans(tables: Mapping[str, pd.DataFrame], subjects: pd.DataFrame, studies: pd.DataFrame,
                images: pd.DataFrame, fingerprint: str, work_dir: Path, batches_per_shard: int) -> list[str]:
    """Write one image plan and one report plan per batch; only changed files are rewritten.

    A plan names its sources relative to the PACS folder and carries no other
    path, so a copy of the project elsewhere has the same plans (and reruns
    nothing); it names the key's fingerprint, so a batch never runs under
    another key than the ids were issued with.
    """
    patients = tables["patients"].set_index("mrn")
    reports = tables["reports"].set_index("accession_number")
    accessions_of = studies.groupby("mrn")["accession_number"].apply(sorted).to_dict()
    deny_of = {mrn: patient_deny_list(patients.loc[mrn].to_dict() | {"mrn": mrn}, accessions_of.get(mrn, []))
               for mrn in subjects["mrn"]}
    image_items: dict[tuple[str, int], list[dict]] = {b: [] for b in all_batches(batches_per_shard)}
    planned = images.loc[images["status"] == "planned"].sort_values("output")
    for row in planned.itertuples(index=False):
        image_items[(row.shard, int(row.batch))].append({
            "source": Path(row.path).as_posix(), "size": int(row.size), "mtime_ns": int(row.mtime_ns),
            "output": row.output, "subject_id": row.subject_id, "study_id": row.study_id,
            "dicom_id": row.dicom_id, "day_shift": int(row.day_shift), "deny": deny_of[row.mrn],
        })
    report_items: dict[tuple[str, int], list[dict]] = {b: [] for b in all_batches(batches_per_shard)}
    batch_deny: dict[tuple[str, int], set[str]] = {b: set() for b in all_batches(batches_per_shard)}
    for row in studies.loc[studies["status"] == "planned"].sort_values("study_id").itertuples(index=False):
        where = (row.shard, int(row.batch))
        report = reports.loc[row.accession_number]
        report_items[where].append({
            "subject_id": row.subject_id, "study_id": row.study_id, "day_shift": int(row.day_shift),
            "output": contract.report_path(row.subject_id, row.study_id),
            "text": str(report["report_text"]),
        })
        batch_deny[where].update(deny_of[row.mrn])
        batch_deny[where].update(name_parts(report.get("author")))
    changed = []
    for shard, batch in all_batches(batches_per_shard):
        # no key in the plan, only its public fingerprint: the batch derives the uid key from the key file
        image_plan = {"shard": shard, "batch": batch, "key_fingerprint": fingerprint,
                      "items": image_items[(shard, batch)]}
        if write_if_changed(image_plan_path(work_dir, shard, batch), _json_bytes(image_plan)):
            changed.append(f"images/{shard}_{batch}")
        report_plan = {"shard": shard, "batch": batch, "deny": sorted(batch_deny[(shard, batch)]),
                       "reports": report_items[(shard, batch)]}
        if write_if_changed(report_plan_path(work_dir, shard, batch), _json_bytes(report_plan)):
            changed.append(f"reports/{shard}_{batch}")
    return changed


def write_crosswalk(assignment: Assignment, paths: Mapping[str, str | Path]) -> None:
    """The private crosswalk tables (owner-only) and the summary of the assignment, at the caller's paths.

    ``paths`` names a file for each of :data:`cxrbuild.contract.CROSSWALK_TABLES` (Parquet) and ``summary`` (JSON).
    """
    for table in contract.CROSSWALK_TABLES:
        write_private_parquet(getattr(assignment, table), paths[table])
    summary = Path(paths["summary"])
    private_dir(summary.parent)
    atomic_write_bytes(summary, _json_bytes(assignment.summary), file_mode=PRIVATE_FILE)
