"""Cohort selection: the SQL of config/queries through SQLAlchemy, and bad rows with reasons."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pandas as pd
import pytest
import yaml

from cxrbuild.cohort import COHORT_TABLES, CohortParams, patient_deny_list, select_cohort
from cxrbuild.printed_forms import date_strings
from cxrbuild.util.errors import CxrbuildError

REPO = Path(__file__).resolve().parent.parent
QUERIES = REPO / "config" / "queries"
COHORT = yaml.safe_load((REPO / "config" / "config.yaml").read_text())["cohort"]

# the reference schema of contracts.md 1.1, without the keys, so that a hospital's
# broken rows (a duplicate accession, a report without a study) can be made
SCHEMA = """
CREATE TABLE patients (mrn TEXT, family_name TEXT, given_name TEXT, birth_date DATE, sex TEXT,
  street TEXT, city TEXT, state TEXT, postal_code TEXT, phone TEXT, ssn TEXT);
CREATE TABLE encounters (encounter_id TEXT, mrn TEXT, encounter_type TEXT, admit_time TIMESTAMP,
  discharge_time TIMESTAMP);
CREATE TABLE imaging_studies (accession_number TEXT, mrn TEXT, encounter_id TEXT, study_instance_uid TEXT,
  procedure_code TEXT, procedure_description TEXT, modality TEXT, study_time TIMESTAMP);
CREATE TABLE radiology_reports (accession_number TEXT, report_text TEXT, author TEXT, signed_time TIMESTAMP);
"""


def query_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("*.sql"))


def table_paths(folder: Path) -> dict[str, Path]:
    return {name: folder / f"{name}.parquet" for name in COHORT_TABLES}


def make_ehr(path: Path, studies: list[tuple], reports: list[tuple], encounters: list[tuple] | None = None) -> str:
    conn = sqlite3.connect(path)
    conn.executescript(SCHEMA)
    conn.executemany("INSERT INTO patients VALUES (?,?,?,?,?,?,?,?,?,?,?)", [
        ("MRN1", "Doe", "Jane", "1950-03-05", "F", "1 Main St", "Springfield", "MA", "01234", "617-555-0101", "123-45-6789"),
        ("MRN2", "Roe", "Rick", "1960-07-08", "M", None, None, None, None, None, None),
    ])
    conn.executemany("INSERT INTO encounters VALUES (?,?,?,?,?)", encounters or [
        ("E1", "MRN1", "ED", "2012-05-01 10:00:00", "2012-05-01 16:00:00"),
        ("E2", "MRN2", "ED", "2016-12-31 22:00:00", "2017-01-01 03:00:00"),
    ])
    conn.executemany("INSERT INTO imaging_studies VALUES (?,?,?,?,?,?,?,?)", studies)
    conn.executemany("INSERT INTO radiology_reports VALUES (?,?,?,?)", reports)
    conn.commit()
    conn.close()
    return f"sqlite:///{path}"


def study(acc: str, mrn: str = "MRN1", enc: str = "E1", time: str | None = "2012-05-01 11:00:00",
          code: str = "71020") -> tuple:
    return (acc, mrn, enc, f"1.2.3.{acc[-1]}", code, "CHEST", "CR", time)


def test_cohort_matches_the_demo_hospital_truth(synth_small: Path, tmp_path: Path) -> None:
    tables = select_cohort(f"sqlite:///{synth_small / 'ehr.sqlite'}", query_files(QUERIES), COHORT, table_paths(tmp_path))
    truth = pd.read_csv(synth_small / "truth" / "cohort.csv", dtype=str)
    assert set(tables["studies"]["accession_number"]) == set(truth["accession_number"])
    assert set(tables["patients"]["mrn"]) == set(truth["mrn"])
    for name in ("patients", "encounters", "studies", "reports", "bad_rows"):
        assert (tmp_path / f"{name}.parquet").stat().st_mode & 0o077 == 0


def test_bad_rows_are_listed_with_reasons_never_dropped_silently(tmp_path: Path) -> None:
    url = make_ehr(tmp_path / "ehr.sqlite", studies=[
        study("A1"),
        study("A2", time=None),
        study("A3"), study("A3"),
        study("A4"),
    ], reports=[("A1", "Normal chest.", "Dr X", None), ("A3", "x", None, None), ("ZZ9", "orphan", None, None)])
    tables = select_cohort(url, query_files(QUERIES), COHORT, table_paths(tmp_path / "out"))
    reasons = {(r.key, r.reason) for r in tables["bad_rows"].itertuples()}
    assert ("A2", "study without time") in reasons
    assert ("A3", "duplicate accession number (2 rows)") in reasons
    assert ("ZZ9", "report without a study") in reasons
    assert ("A4", "study without report") in reasons
    studies = tables["studies"].set_index("accession_number")
    assert set(studies.index) == {"A1", "A4"}
    assert not studies.loc["A4", "has_report"]


def test_window_end_is_inclusive_and_an_index_admission_may_begin_before_the_window(tmp_path: Path) -> None:
    url = make_ehr(tmp_path / "ehr.sqlite", studies=[
        study("B1", mrn="MRN2", enc="E2", time="2016-12-31 23:59:00"),
        study("B2", mrn="MRN2", enc="E2", time="2017-01-01 00:00:00"),
        study("B3", mrn="MRN1", enc="E0", time="2011-01-01 00:10:00"),
    ], reports=[("B1", "r", None, None), ("B2", "r", None, None), ("B3", "r", None, None)],
        encounters=[("E2", "MRN2", "ED", "2016-12-31 22:00:00", None),
                    ("E0", "MRN1", "ED", "2010-12-31 23:30:00", None)])
    tables = select_cohort(url, query_files(QUERIES), COHORT, table_paths(tmp_path / "out"))
    assert set(tables["studies"]["accession_number"]) == {"B1", "B3"}
    index = tables["patients"].set_index("mrn")["index_admit_time"]
    assert str(index["MRN1"]) == "2010-12-31 23:30:00"


def test_a_missing_query_file_is_a_one_line_error_naming_it(tmp_path: Path) -> None:
    url = make_ehr(tmp_path / "ehr.sqlite", studies=[study("A1")], reports=[])
    queries = tmp_path / "queries"
    queries.mkdir()
    for sql in QUERIES.glob("*.sql"):
        if sql.name != "reports.sql":
            (queries / sql.name).write_text(sql.read_text())
    with pytest.raises(CxrbuildError, match=r"reports\.sql: cohort query file not found"):
        select_cohort(url, query_files(queries), COHORT, table_paths(tmp_path / "out"))


def test_cohort_params_reject_an_end_before_the_start() -> None:
    with pytest.raises(CxrbuildError, match="before"):
        CohortParams.from_mapping(COHORT | {"start": "2016-01-01", "end": "2015-01-01"})


def test_deny_list_holds_names_ids_and_birth_date_forms() -> None:
    deny = patient_deny_list({"mrn": "MRN1", "family_name": "Smith-Jones", "given_name": "Mary Ann",
                              "birth_date": "1950-03-05", "phone": "(617) 555-0101"}, ["ACC7"])
    for expected in ("Smith-Jones", "Smith", "Jones", "Mary", "MRN1", "ACC7", "19500305", "03/05/1950",
                     "3/5/1950", "March 05, 1950", "6175550101"):
        assert expected in deny
    assert "1950-03-05" in date_strings("1950-03-05 00:00:00")
