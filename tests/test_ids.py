"""Keyed ids, day shifts, batches and plans (cxrbuild.ids)."""

from __future__ import annotations

import datetime as dt
import json
import stat
from pathlib import Path

import pandas as pd
import pytest
import yaml

from cxrbuild.cohort import COHORT_TABLES, select_cohort
from cxrbuild.contract import CROSSWALK_TABLES
from cxrbuild.ids import (
    ShiftSettings,
    all_batches,
    allocate,
    assign,
    batch_of,
    day_shift,
    image_plan_path,
    report_plan_path,
    study_draw,
    subject_draw,
    write_crosswalk,
)
from cxrbuild.pacs_index import read_headers

REPO = Path(__file__).resolve().parent.parent
COHORT = yaml.safe_load((REPO / "config" / "config.yaml").read_text())["cohort"]
KEY_A = bytes(range(32))
KEY_B = bytes(range(1, 33))


@pytest.fixture(scope="module")
def hospital_tables(synth_small: Path, tmp_path_factory: pytest.TempPathFactory):
    out = tmp_path_factory.mktemp("cohort")
    tables = select_cohort(f"sqlite:///{synth_small / 'ehr.sqlite'}", sorted((REPO / "config" / "queries").glob("*.sql")),
                           COHORT, {name: out / f"{name}.parquet" for name in COHORT_TABLES})
    headers = read_headers(synth_small / "pacs")
    return tables, headers


def run_assign(hospital_tables, synth_small: Path, work: Path, key: bytes = KEY_A, batches: int = 2):
    tables, headers = hospital_tables
    return assign(tables, headers, key, work, ShiftSettings(window_years=6), batches, synth_small / "pacs")


def test_ids_are_in_range_unique_and_keyed(hospital_tables, synth_small: Path, tmp_path: Path) -> None:
    first = run_assign(hospital_tables, synth_small, tmp_path / "a")
    again = run_assign(hospital_tables, synth_small, tmp_path / "b")
    other = run_assign(hospital_tables, synth_small, tmp_path / "c", key=KEY_B)
    subjects = first.subjects["subject_id"].astype(int)
    assert subjects.between(10_000_000, 19_999_999).all() and subjects.is_unique
    studies = first.studies["study_id"].astype(int)
    assert studies.between(50_000_000, 59_999_999).all() and studies.is_unique
    dicom_ids = first.images["dicom_id"].dropna()
    assert dicom_ids.is_unique and dicom_ids.str.fullmatch(r"[0-9a-f]{8}(-[0-9a-f]{8}){4}").all()
    assert first.subjects.equals(again.subjects) and first.images.equals(again.images)
    assert not set(first.subjects["subject_id"]) & set(other.subjects["subject_id"])
    assert not set(first.studies["study_id"]) & set(other.studies["study_id"])
    assert not set(dicom_ids) & set(other.images["dicom_id"].dropna())


def test_collisions_are_resolved_deterministically() -> None:
    def colliding(source: str, attempt: int) -> str:
        return "X" if attempt == 0 else f"{source}-{attempt}"  # every first draw collides

    assigned = allocate(["b", "a", "c"], {}, colliding)
    assert assigned == {"a": "X", "b": "b-1", "c": "c-1"}
    assert allocate(["c", "a", "b"], {}, colliding) == assigned
    real = allocate([f"MRN{i}" for i in range(3000)], {}, study_draw(KEY_A))
    assert len(set(real.values())) == 3000


def test_adding_patients_keeps_everyone_elses_ids() -> None:
    before = allocate([f"MRN{i}" for i in range(50)], {}, subject_draw(KEY_A))
    after = allocate([f"MRN{i}" for i in range(60)], before, subject_draw(KEY_A))
    assert all(after[m] == before[m] for m in before)
    assert len(set(after.values())) == 60


def test_registry_keeps_ids_across_builds_only_under_the_same_key(hospital_tables, synth_small, tmp_path) -> None:
    work = tmp_path / "work"
    first = run_assign(hospital_tables, synth_small, work)
    # an id issued earlier stays, even if a fresh draw would give another one
    registry = work / "registry" / "ids.parquet"
    frame = pd.read_parquet(registry)
    mrn = first.subjects["mrn"].iloc[0]
    frame.loc[(frame["kind"] == "subject_id") & (frame["source"] == mrn), "id"] = "19999999"
    frame.to_parquet(registry, index=False)
    second = run_assign(hospital_tables, synth_small, work)
    assert second.subjects.set_index("mrn").loc[mrn, "subject_id"] == "19999999"
    third = run_assign(hospital_tables, synth_small, work, key=KEY_B)
    assert third.subjects.set_index("mrn").loc[mrn, "subject_id"] != "19999999"


@pytest.mark.parametrize("index_day", ["2011-01-01", "2013-06-15", "2016-12-31"])
def test_week_shifts_keep_weekday_and_land_the_index_year_in_range(index_day: str) -> None:
    settings = ShiftSettings(window_years=6)
    index = dt.datetime.fromisoformat(f"{index_day} 13:45:00")
    years = set()
    for n in range(300):
        shift = day_shift(KEY_A, f"MRN{n}", index, settings)
        moved = index + dt.timedelta(days=shift)
        assert shift % 7 == 0 and moved.weekday() == index.weekday() and moved.time() == index.time()
        assert 2100 <= moved.year <= 2200 - 6
        years.add(moved.year)
    assert len(years) > 60  # spread over the range, not a constant


def test_day_shifts_may_be_any_whole_day_when_configured() -> None:
    settings = ShiftSettings.from_mapping({"shift_unit": "days"}, window_years=6)
    shifts = {day_shift(KEY_A, f"MRN{n}", dt.date(2012, 3, 4), settings) % 7 for n in range(100)}
    assert len(shifts) == 7


def test_batches_follow_the_subject_id() -> None:
    assert batch_of("10000032", 1) == ("p10", 0)
    assert batch_of("19999999", 10) == ("p19", 9)
    assert len(all_batches(3)) == 30


def test_plans_are_rewritten_only_when_their_content_changes(hospital_tables, synth_small, tmp_path) -> None:
    work = tmp_path / "work"
    first = run_assign(hospital_tables, synth_small, work)
    assert len(first.summary["changed_plans"]) == 2 * len(all_batches(2))
    stamps = {p: p.stat().st_mtime_ns for p in (work / "plans").rglob("*.json")}
    second = run_assign(hospital_tables, synth_small, work)
    assert second.summary["changed_plans"] == []
    assert {p: p.stat().st_mtime_ns for p in (work / "plans").rglob("*.json")} == stamps
    shard, batch = first.subjects["shard"].iloc[0], int(first.subjects["batch"].iloc[0])
    plan = json.loads(image_plan_path(work, shard, batch).read_text())
    item = plan["items"][0]
    assert item["output"] == f"files/{shard}/p{item['subject_id']}/s{item['study_id']}/{item['dicom_id']}.dcm"
    reports = json.loads(report_plan_path(work, shard, batch).read_text())
    assert reports["deny"] and all(r["output"].endswith(".txt") for r in reports["reports"])


def test_crosswalk_is_owner_only(hospital_tables, synth_small, tmp_path) -> None:
    work = tmp_path / "work"
    write_crosswalk(run_assign(hospital_tables, synth_small, work),
                    {name: work / "ids" / f"{name}.parquet" for name in CROSSWALK_TABLES} | {"summary": work / "ids" / "summary.json"})
    for path in [work / "ids", *(work / "ids").iterdir(), work / "plans" / "images"]:
        mode = stat.S_IMODE(path.stat().st_mode)
        assert mode & 0o077 == 0, f"{path} mode {mode:o}"


def test_studies_without_images_and_duplicates_are_quarantined_with_reasons(hospital_tables, synth_small, tmp_path):
    result = run_assign(hospital_tables, synth_small, tmp_path / "w")
    truth = [json.loads(line) for line in (synth_small / "truth" / "images.jsonl").read_text().splitlines()]
    duplicates = {t["path"] for t in truth if t["category"] == "duplicate"}
    images = result.images.set_index("path")
    for path in duplicates:
        assert images.loc[path, "status"] == "quarantined"
        assert images.loc[path, "reason"].startswith("duplicate SOPInstanceUID: first copy is ")
    no_image = result.studies.loc[result.studies["n_images"] == 0]
    assert (no_image["status"] == "quarantined").all()
