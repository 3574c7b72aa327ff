"""Select the cohort from the EHR: patients, their index admissions, studies and reports.

The SQL lives in ``config/queries/*.sql`` (a hospital with another schema adapts
the SQL, not this code) and runs through SQLAlchemy with bound parameters, so it
works on any database SQLAlchemy reaches. Lists are bound as expanding ``IN``
parameters; the window is bound as ``:window_start`` and
``:window_end_exclusive`` dates (the configured end date is inclusive, so the
exclusive bound is the day after it).

Rows that cannot enter the dataset are never dropped silently: they are listed
in the bad-rows table with a one-line reason (contracts.md 1.1, architecture.md
"Fail closed").
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import sqlalchemy as sa
from sqlalchemy.exc import SQLAlchemyError

from cxrbuild.printed_forms import date_strings, name_parts, number_digits, parse_date
from cxrbuild.util.atomic import atomic_path
from cxrbuild.util.database import open_engine
from cxrbuild.util.errors import CxrbuildError

log = logging.getLogger("cxrbuild.cohort")

#: query file (without .sql) -> columns it must return
QUERY_COLUMNS: dict[str, tuple[str, ...]] = {
    "patients": ("mrn", "family_name", "given_name", "birth_date", "sex"),
    "encounters": ("encounter_id", "mrn", "encounter_type", "admit_time"),
    "studies": ("accession_number", "mrn", "study_instance_uid", "procedure_code", "study_time"),
    "reports": ("accession_number", "report_text"),
    "orphan_reports": ("accession_number",),
}
LIST_PARAMETERS = ("ed_encounter_types", "cxr_procedure_codes")
COHORT_TABLES = ("patients", "encounters", "studies", "reports", "bad_rows")
BAD_ROW_COLUMNS = ("table", "key", "mrn", "reason")


@dataclass(frozen=True)
class CohortParams:
    """The cohort definition of config ``cohort.*`` (contracts.md section 4)."""

    start: dt.date
    end: dt.date  # inclusive
    ed_encounter_types: tuple[str, ...]
    cxr_procedure_codes: tuple[str, ...]

    @classmethod
    def from_mapping(cls, cohort: Mapping) -> CohortParams:
        try:
            start = dt.date.fromisoformat(str(cohort["start"]))
            end = dt.date.fromisoformat(str(cohort["end"]))
        except (KeyError, ValueError) as err:
            raise CxrbuildError(f"cohort.start/cohort.end must be ISO dates: {err}") from err
        if end < start:
            raise CxrbuildError(f"cohort.end {end} is before cohort.start {start}")
        types = tuple(str(v) for v in cohort.get("ed_encounter_types") or ())
        codes = tuple(str(v) for v in cohort.get("cxr_procedure_codes") or ())
        if not types or not codes:
            raise CxrbuildError("cohort.ed_encounter_types and cohort.cxr_procedure_codes must not be empty")
        return cls(start, end, types, codes)

    def bind_values(self) -> dict[str, object]:
        return {
            "window_start": self.start,
            "window_end_exclusive": self.end + dt.timedelta(days=1),
            "ed_encounter_types": list(self.ed_encounter_types),
            "cxr_procedure_codes": list(self.cxr_procedure_codes),
        }


def _statement(sql: str, query_name: str) -> sa.TextClause:
    """A text() statement with only the parameters the query names, lists expanding."""
    statement = sa.text(sql)
    present = set(statement._bindparams)  # names the SQL really uses
    binds = []
    for name in present:
        if name in LIST_PARAMETERS:
            binds.append(sa.bindparam(name, expanding=True))
        elif name in ("window_start", "window_end_exclusive"):
            # dates, not timestamps: 'YYYY-MM-DD' compares correctly with timestamps stored as
            # text in SQLite ('YYYY-MM-DD HH:MM:SS' or with 'T'), and casts on PostgreSQL
            binds.append(sa.bindparam(name, type_=sa.Date()))
        else:
            raise CxrbuildError(f"{query_name}.sql: unknown parameter :{name}")
    return statement.bindparams(*binds) if binds else statement


def run_queries(ehr_url: str, query_files: Iterable[str | Path], params: CohortParams) -> dict[str, pd.DataFrame]:
    """Run every cohort query against the EHR; one DataFrame per query.

    ``query_files`` holds ``<name>.sql`` for each name of :data:`QUERY_COLUMNS`
    (other files, such as the audit's queries, are not run here).
    """
    by_name = {Path(path).stem: Path(path) for path in query_files}
    values = params.bind_values()
    try:
        engine = open_engine(ehr_url)
    except (SQLAlchemyError, ValueError) as err:
        raise CxrbuildError(f"ehr.url {ehr_url!r}: {err}") from err
    frames: dict[str, pd.DataFrame] = {}
    try:
        with engine.connect() as conn:
            for name, required in QUERY_COLUMNS.items():
                path = by_name.get(name, Path(f"{name}.sql"))
                if not path.is_file():
                    raise CxrbuildError(f"{path}: cohort query file not found")
                statement = _statement(path.read_text(encoding="utf-8"), name)
                used = {k: v for k, v in values.items() if k in statement._bindparams}
                try:
                    result = conn.execute(statement, used)
                except SQLAlchemyError as err:
                    first_line = str(err).splitlines()[0]
                    raise CxrbuildError(f"{path}: query failed: {first_line}") from err
                frame = pd.DataFrame(result.fetchall(), columns=list(result.keys()))
                missing = [c for c in required if c not in frame.columns]
                if missing:
                    raise CxrbuildError(f"{path}: result lacks column(s) {', '.join(missing)}")
                frames[name] = frame
                log.info("%s: %d rows", path.name, len(frame))
    except SQLAlchemyError as err:
        raise CxrbuildError(f"ehr.url: cannot connect: {str(err).splitlines()[0]}") from err
    finally:
        engine.dispose()
    return frames


def _as_text(series: pd.Series) -> pd.Series:
    """Strings with surrounding blanks removed; missing values stay missing."""
    return series.map(lambda v: None if v is None or (isinstance(v, float) and pd.isna(v)) else str(v).strip())


def _as_time(series: pd.Series) -> pd.Series:
    """Timestamps from whatever the driver returns (datetime objects or ISO strings)."""
    return pd.to_datetime(series.map(lambda v: v if v not in ("", None) else None), errors="coerce", format="ISO8601")


def _bad(rows: list[dict], table: str, key: object, mrn: object, reason: str) -> None:
    rows.append({"table": table, "key": None if key is None else str(key),
                 "mrn": None if mrn is None else str(mrn), "reason": reason})


def build_cohort(frames: Mapping[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Check the query results and return the cohort tables plus the bad-rows table.

    Studies keep a ``has_report`` flag: a study without a report is listed as a
    bad row and later quarantined (never released without its report).
    """
    bad: list[dict] = []
    patients = frames["patients"].copy()
    for col in patients.columns:
        patients[col] = _as_text(patients[col])
    dup_patients = patients["mrn"].duplicated(keep=False)
    for mrn in sorted(set(patients.loc[dup_patients, "mrn"])):
        _bad(bad, "patients", mrn, mrn, "duplicate MRN in patients table")
    patients = patients.loc[~dup_patients & patients["mrn"].notna()]

    encounters = frames["encounters"].copy()
    for col in ("encounter_id", "mrn", "encounter_type"):
        encounters[col] = _as_text(encounters[col])
    encounters["admit_time"] = _as_time(encounters["admit_time"])
    if "discharge_time" in encounters.columns:
        encounters["discharge_time"] = _as_time(encounters["discharge_time"])
    index_admit = encounters.dropna(subset=["admit_time"]).groupby("mrn")["admit_time"].min()
    patients = patients.assign(index_admit_time=patients["mrn"].map(index_admit))
    for mrn in patients.loc[patients["index_admit_time"].isna(), "mrn"]:
        _bad(bad, "patients", mrn, mrn, "no encounter with an admit time in the window (no index admission)")
    patients = patients.loc[patients["index_admit_time"].notna()]

    studies = frames["studies"].copy()
    for col in studies.columns:
        if col != "study_time":
            studies[col] = _as_text(studies[col])
    raw_time = studies["study_time"]
    studies["study_time"] = _as_time(raw_time)
    keep = pd.Series(True, index=studies.index)
    for idx, row in studies.loc[studies["study_time"].isna()].iterrows():
        reason = "study without time" if raw_time[idx] in (None, "") or pd.isna(raw_time[idx]) else \
            f"study time {raw_time[idx]!r} is not a timestamp"
        _bad(bad, "imaging_studies", row["accession_number"], row["mrn"], reason)
        keep[idx] = False
    missing_acc = studies["accession_number"].isna() | (studies["accession_number"] == "")
    for _, row in studies.loc[missing_acc & keep].iterrows():
        _bad(bad, "imaging_studies", row["study_instance_uid"], row["mrn"], "study without accession number")
    keep &= ~missing_acc
    counts = studies.loc[keep, "accession_number"].value_counts()
    duplicated = set(counts[counts > 1].index)
    for acc in sorted(duplicated):
        _bad(bad, "imaging_studies", acc, None, f"duplicate accession number ({counts[acc]} rows)")
    keep &= ~studies["accession_number"].isin(duplicated)
    unknown_patient = ~studies["mrn"].isin(set(patients["mrn"]))
    for _, row in studies.loc[keep & unknown_patient].iterrows():
        _bad(bad, "imaging_studies", row["accession_number"], row["mrn"], "study of a patient outside the cohort patients table")
    keep &= ~unknown_patient
    studies = studies.loc[keep].copy()
    uid_counts = studies["study_instance_uid"].value_counts()
    for uid in sorted(uid_counts[uid_counts > 1].index):
        _bad(bad, "imaging_studies", uid, None,
             "StudyInstanceUID shared by several accessions (images join on accession only)")

    reports = frames["reports"].copy()
    for col in reports.columns:
        reports[col] = _as_text(reports[col]) if col != "report_text" else reports[col]
    rep_counts = reports["accession_number"].value_counts()
    dup_reports = set(rep_counts[rep_counts > 1].index)
    for acc in sorted(dup_reports):
        _bad(bad, "radiology_reports", acc, None, f"several reports for one accession ({rep_counts[acc]})")
    empty_text = reports["report_text"].isna() | (reports["report_text"].map(lambda t: not str(t).strip() if t is not None else True))
    for acc in sorted(set(reports.loc[empty_text, "accession_number"].dropna())):
        _bad(bad, "radiology_reports", acc, None, "empty report text")
    reports = reports.loc[~reports["accession_number"].isin(dup_reports) & ~empty_text]
    reports = reports.loc[reports["accession_number"].isin(set(studies["accession_number"]))]
    for acc in frames["orphan_reports"]["accession_number"]:
        _bad(bad, "radiology_reports", acc, None, "report without a study")

    studies["has_report"] = studies["accession_number"].isin(set(reports["accession_number"]))
    for _, row in studies.loc[~studies["has_report"]].iterrows():
        _bad(bad, "imaging_studies", row["accession_number"], row["mrn"], "study without report")

    # only patients with at least one usable study are in the dataset
    with_studies = patients["mrn"].isin(set(studies["mrn"]))
    for mrn in patients.loc[~with_studies, "mrn"]:
        _bad(bad, "patients", mrn, mrn, "no usable chest radiograph study in the window")
    patients = patients.loc[with_studies]
    encounters = encounters.loc[encounters["mrn"].isin(set(patients["mrn"]))]

    bad_rows = pd.DataFrame(bad, columns=list(BAD_ROW_COLUMNS))
    bad_rows = bad_rows.sort_values(list(BAD_ROW_COLUMNS), na_position="first").reset_index(drop=True)
    return {
        "patients": patients.sort_values("mrn").reset_index(drop=True),
        "encounters": encounters.sort_values(["mrn", "admit_time", "encounter_id"]).reset_index(drop=True),
        "studies": studies.sort_values(["mrn", "study_time", "accession_number"]).reset_index(drop=True),
        "reports": reports.sort_values("accession_number").reset_index(drop=True),
        "bad_rows": bad_rows,
    }


def write_tables(tables: Mapping[str, pd.DataFrame], paths: Mapping[str, str | Path], mode: int = 0o600) -> None:
    """Write each table as Parquet at its path in ``paths``, atomically (private: owner-only by default)."""
    for name, frame in tables.items():
        target = Path(paths[name])
        target.parent.mkdir(parents=True, exist_ok=True)
        with atomic_path(target, mode=mode) as tmp:
            frame.to_parquet(tmp, index=False)


# -- deny lists: the EHR's own identifiers of a patient, in the forms they are printed --

def patient_deny_list(patient: Mapping, accessions: Iterable[str] = ()) -> list[str]:
    """PHI strings of one patient from the EHR: names, MRN, accessions, birth date forms, contacts."""
    deny: set[str] = set(name_parts(patient.get("family_name"), patient.get("given_name")))
    for key in ("mrn", "phone", "ssn", "street", "postal_code"):
        value = patient.get(key)
        if value is None or (isinstance(value, float) and pd.isna(value)) or len(str(value).strip()) < 2:
            continue
        value = str(value).strip()
        deny.add(value)
        digits = number_digits(value) if key in ("phone", "ssn") else None
        if digits:
            deny.add(digits)
    deny.update(str(a) for a in accessions if a)
    deny.update(_birth_date_forms(patient.get("birth_date")))
    return sorted(deny)


def _birth_date_forms(value: object) -> list[str]:
    """The printed forms of an EHR date cell in any format pandas reads; a value that is no date, as written."""
    if value is None or (isinstance(value, float) and pd.isna(value)):
        return []
    day = parse_date(value)
    if day is None:
        stamp = pd.to_datetime(str(value), errors="coerce")
        if pd.isna(stamp):
            return [str(value)]
        day = stamp.date()
    return date_strings(day)


def summarize(tables: Mapping[str, pd.DataFrame]) -> str:
    bad = tables["bad_rows"]
    return (f"{len(tables['patients'])} patients, {len(tables['studies'])} studies, "
            f"{len(tables['reports'])} reports, {len(bad)} bad rows")


def select_cohort(ehr_url: str, query_files: Iterable[str | Path], cohort: Mapping | CohortParams,
                  table_paths: Mapping[str, str | Path]) -> dict[str, pd.DataFrame]:
    """Run the queries, check the rows and write each of :data:`COHORT_TABLES` at its path in ``table_paths``."""
    params = cohort if isinstance(cohort, CohortParams) else CohortParams.from_mapping(cohort)
    tables = build_cohort(run_queries(ehr_url, query_files, params))
    write_tables(tables, table_paths)
    log.info("cohort: %s", summarize(tables))
    return tables


def bad_row_reasons(bad_rows: pd.DataFrame) -> Sequence[tuple[str, int]]:
    """Bad-row reasons with their counts, most frequent first (for summaries)."""
    counts = bad_rows["reason"].map(lambda r: r.split(" (")[0]).value_counts()
    return sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
