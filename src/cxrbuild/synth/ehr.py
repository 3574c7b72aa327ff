"""The demo hospital's EHR: patients, encounters, imaging studies, and the SQLite file.

The records are generated first (plain dataclasses), so the PACS writer, the
report writer and the truth files all read the same facts. The SQLite schema is
the reference schema of the contracts (section 1.1), written verbatim.

Each patient follows a *pattern* that decides whether the cohort rule selects
them (an ED chest radiograph inside the window) and which of their studies
enter the dataset; the truth records the expected cohort so the workflow's
query can be checked against it.
"""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path

from faker import Faker

# The reference schema of the contracts, section 1.1 (kept verbatim).
SCHEMA_SQL = """
CREATE TABLE patients (
  mrn          TEXT PRIMARY KEY,
  family_name  TEXT, given_name TEXT,
  birth_date   DATE, sex TEXT,
  street TEXT, city TEXT, state TEXT, postal_code TEXT,
  phone TEXT, ssn TEXT
);
CREATE TABLE encounters (
  encounter_id   TEXT PRIMARY KEY,
  mrn            TEXT NOT NULL REFERENCES patients(mrn),
  encounter_type TEXT NOT NULL,
  admit_time     TIMESTAMP NOT NULL,
  discharge_time TIMESTAMP
);
CREATE TABLE imaging_studies (
  accession_number      TEXT PRIMARY KEY,
  mrn                   TEXT NOT NULL REFERENCES patients(mrn),
  encounter_id          TEXT REFERENCES encounters(encounter_id),
  study_instance_uid    TEXT NOT NULL,
  procedure_code        TEXT NOT NULL,
  procedure_description TEXT,
  modality              TEXT,
  study_time            TIMESTAMP NOT NULL
);
CREATE TABLE radiology_reports (
  accession_number TEXT PRIMARY KEY REFERENCES imaging_studies(accession_number),
  report_text      TEXT NOT NULL,
  author           TEXT,
  signed_time      TIMESTAMP
);
"""

# The cohort defaults the demo hospital is built for (documented in docs/synth-truth.md).
COHORT_START = dt.date(2011, 1, 1)
COHORT_END = dt.date(2016, 12, 31)
ED_ENCOUNTER_TYPES = ("ED",)
HISTORY_START = dt.date(2009, 1, 1)
HISTORY_END = dt.date(2018, 12, 31)

# A fictitious UID root (ISO arc 1.2, unassigned member-body code 999) standing
# for the hospital's own root; real exports embed site roots and local numbers.
HOSPITAL_UID_ROOT = "1.2.999.7341"


@dataclass(frozen=True)
class Procedure:
    code: str
    description: str
    modality: str
    chest: bool  # a chest radiograph code (in cohort.cxr_procedure_codes)
    views: tuple[str, ...]  # the images a complete study holds
    body_part: str


# CPT codes: 71010/71020/71022 until 2017, 71045-71047 from 2018 (CPT 2018 revision).
CHEST_PROCEDURES = {
    "71010": Procedure("71010", "CHEST (PORTABLE AP)", "CR", True, ("AP",), "CHEST"),
    "71020": Procedure("71020", "CHEST (PA AND LAT)", "CR", True, ("PA", "LAT"), "CHEST"),
    "71022": Procedure("71022", "CHEST (PA, LAT AND OBLIQUE)", "DX", True, ("PA", "LAT", "AP"), "CHEST"),
    "71045": Procedure("71045", "CHEST (SINGLE VIEW)", "DX", True, ("AP",), "CHEST"),
    "71046": Procedure("71046", "CHEST (PA AND LAT)", "DX", True, ("PA", "LAT"), "CHEST"),
    "71047": Procedure("71047", "CHEST (THREE VIEWS)", "DX", True, ("PA", "LAT", "AP"), "CHEST"),
}
CXR_PROCEDURE_CODES = tuple(CHEST_PROCEDURES)

# Studies the cohort must exclude: a chest CT (chest, not a radiograph), and
# radiographs of other parts, including ribs (a chest-adjacent radiograph).
OTHER_PROCEDURES = {
    "71250": Procedure("71250", "CT CHEST W/O CONTRAST", "CT", False, (), "CHEST"),
    "70450": Procedure("70450", "CT HEAD W/O CONTRAST", "CT", False, (), "HEAD"),
    "73030": Procedure("73030", "SHOULDER (2+ VIEWS)", "CR", False, ("AP", "LAT"), "SHOULDER"),
    "74018": Procedure("74018", "ABDOMEN (1 VIEW)", "DX", False, ("AP",), "ABDOMEN"),
    "71101": Procedure("71101", "RIBS UNILAT W/ PA CHEST", "CR", False, ("PA", "AP"), "RIBS"),
}
ALL_PROCEDURES = {**CHEST_PROCEDURES, **OTHER_PROCEDURES}

# Patient patterns. The first patients of every hospital take them in this order,
# so even a 12-patient hospital holds every case the cohort rule must get right.
PATTERN_ORDER = (
    "cohort_rich",  # ED chest studies, admissions with inpatient chest studies, extras
    "ed_outside_window",  # only ED chest study outside the window (excluded)
    "cohort",
    "non_ed_only",  # chest studies in the window, but never in the ED (excluded)
    "cohort_very_old",  # cohort patient over 89 years of age
    "ed_non_chest",  # ED visits in the window with non-chest imaging only (excluded)
    "cohort_boundary",  # ED chest studies on the first and last day of the window
    "no_imaging",  # encounters only
    "cohort",
    "cohort_rich",
)
PATTERN_WEIGHTS = {
    "cohort": 58,
    "cohort_rich": 18,
    "cohort_very_old": 3,
    "cohort_boundary": 1,
    "ed_outside_window": 6,
    "non_ed_only": 6,
    "ed_non_chest": 4,
    "no_imaging": 4,
}


@dataclass
class Provider:
    family: str
    given: str
    middle_initial: str
    role: str  # "radiologist" | "clinician" | "technologist"
    pager: str
    phone: str

    @property
    def dicom_name(self) -> str:
        return f"{self.family.upper()}^{self.given.upper()}^{self.middle_initial}"


@dataclass
class Patient:
    index: int
    mrn: str
    family: str
    given: str
    middle: str
    sex: str
    birth_date: dt.date
    street: str
    city: str
    state: str
    postal_code: str
    phone: str
    ssn: str
    pattern: str
    other_family: str | None  # former (maiden) family name, in OtherPatientNames
    old_mrn: str  # an identifier from a merged record, in OtherPatientIDsSequence

    @property
    def dicom_name(self) -> str:
        return f"{self.family.upper()}^{self.given.upper()}^{self.middle[:1].upper()}"


@dataclass
class Encounter:
    encounter_id: str
    mrn: str
    encounter_type: str
    admit_time: dt.datetime
    discharge_time: dt.datetime | None


@dataclass
class Study:
    accession_number: str
    mrn: str
    encounter: Encounter | None
    study_instance_uid: str
    procedure: Procedure
    study_time: dt.datetime
    views: tuple[str, ...]  # images stored in the PACS (empty: a study without images)
    referring: Provider
    radiologist: Provider
    technologist: Provider
    in_cohort: bool = False
    report_text: str = ""
    report_phi: list[dict] = field(default_factory=list)
    signed_time: dt.datetime | None = None
    header_accession: bool = True  # False: images carry no AccessionNumber (join on UID)


@dataclass
class Hospital:
    seed: int
    institution: str
    institution_address: str
    other_hospitals: list[str]
    wards: list[str]
    station_names: list[str]
    providers: list[Provider]
    patients: list[Patient]
    encounters: list[Encounter]
    studies: list[Study]

    def patient(self, mrn: str) -> Patient:
        return self._by_mrn[mrn]

    def __post_init__(self) -> None:
        self._by_mrn = {p.mrn: p for p in self.patients}


def age_in_years(patient: Patient, when: dt.datetime) -> int:
    """Completed years of age at ``when``."""
    birth = patient.birth_date
    return when.year - birth.year - ((when.month, when.day) < (birth.month, birth.day))


def _fmt_ts(value: dt.datetime | None) -> str | None:
    return None if value is None else value.strftime("%Y-%m-%d %H:%M:%S")


def format_phone(rng: random.Random, area: str, exchange: str, line: str) -> str:
    """A US phone number in one of the forms hospitals type them."""
    form = rng.randrange(4)
    if form == 0:
        return f"({area}) {exchange}-{line}"
    if form == 1:
        return f"{area}-{exchange}-{line}"
    if form == 2:
        return f"{area}.{exchange}.{line}"
    return f"({area}){exchange}-{line}"


def _random_phone(rng: random.Random) -> str:
    area = str(rng.choice((617, 508, 781, 978, 413, 339, 857, 774, 401, 603)))
    exchange = f"{rng.randrange(200, 1000):03d}"
    line = f"{rng.randrange(0, 10000):04d}"
    return format_phone(rng, area, exchange, line)


class _UniqueNumbers:
    """Distinct random digit strings of a fixed width (MRNs, accessions, encounter ids)."""

    def __init__(self, rng: random.Random, width: int, low: int = 0) -> None:
        self.rng = rng
        self.width = width
        self.low = low
        self.used: set[int] = set()

    def next(self) -> str:
        high = 10**self.width - 1
        while True:
            value = self.rng.randint(self.low, high)
            if value not in self.used:
                self.used.add(value)
                return f"{value:0{self.width}d}"


def _date_between(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randrange((end - start).days + 1))


def _at(rng: random.Random, day: dt.date, first_hour: int = 0, last_hour: int = 23) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(rng.randint(first_hour, last_hour), rng.randrange(60), rng.randrange(60)))


def _make_providers(fake: Faker, rng: random.Random, n: int) -> list[Provider]:
    providers = []
    roles = ("radiologist", "clinician", "clinician", "technologist")
    for i in range(n):
        given = fake.first_name()
        providers.append(
            Provider(
                family=fake.last_name(),
                given=given,
                middle_initial=rng.choice("ABCDEFGHJKLMNPRSTW"),
                role=roles[i % len(roles)],
                pager=f"{rng.randrange(10000, 100000)}",
                phone=_random_phone(rng),
            )
        )
    return providers


def _make_places(fake: Faker, rng: random.Random) -> tuple[str, str, list[str], list[str], list[str]]:
    city = fake.city()
    institution = rng.choice(
        (
            f"{fake.last_name()} Memorial Hospital",
            f"{city} General Hospital",
            f"St. {fake.first_name()} Medical Center",
            f"{fake.last_name()} {fake.last_name()} Medical Center",
        )
    )
    address = f"{fake.building_number()} {fake.street_name()}, {city}, {fake.state_abbr()} {fake.postcode()}"
    others = [
        f"{fake.city()} Community Hospital",
        f"{fake.last_name()} Rehabilitation Hospital",
        f"{fake.last_name()} Health Center",
    ]
    wards = sorted({f"{fake.last_name()} {rng.randint(2, 12)}" for _ in range(6)})
    stations = [f"CR{rng.randint(1, 9)}{fake.last_name().upper()[:4]}" for _ in range(3)]
    return institution, address, others, wards, stations


def generate_hospital(n_patients: int, seed: int) -> Hospital:
    """Every EHR record of the demo hospital (no reports yet: see reports.py)."""
    rng = random.Random(f"cxrbuild-synth/{seed}/ehr")
    fake = Faker("en_US")
    fake.seed_instance(seed)
    institution, address, others, wards, stations = _make_places(fake, rng)
    providers = _make_providers(fake, rng, max(16, min(400, n_patients // 40)))
    radiologists = [p for p in providers if p.role == "radiologist"]
    clinicians = [p for p in providers if p.role == "clinician"]
    technologists = [p for p in providers if p.role == "technologist"]

    mrns = _UniqueNumbers(rng, 7)
    accessions = _UniqueNumbers(rng, 8, low=10_000_000)
    encounter_ids = _UniqueNumbers(rng, 9, low=100_000_000)

    patients: list[Patient] = []
    encounters: list[Encounter] = []
    studies: list[Study] = []
    patterns = list(PATTERN_WEIGHTS)
    weights = [PATTERN_WEIGHTS[p] for p in patterns]

    for index in range(n_patients):
        pattern = PATTERN_ORDER[index] if index < len(PATTERN_ORDER) else rng.choices(patterns, weights)[0]
        sex = rng.choices(("F", "M", "O", "U"), (49, 49, 1, 1))[0]
        given = fake.first_name_female() if sex == "F" else fake.first_name_male()
        if pattern == "cohort_very_old":
            birth = _date_between(rng, dt.date(1914, 1, 1), dt.date(1921, 12, 31))
        else:
            birth = _date_between(rng, dt.date(1920, 1, 1), dt.date(1998, 12, 31))
        patient = Patient(
            index=index,
            mrn=mrns.next(),
            family=fake.last_name(),
            given=given,
            middle=fake.first_name(),
            sex=sex,
            birth_date=birth,
            street=fake.street_address(),
            city=fake.city(),
            state=fake.state_abbr(),
            postal_code=fake.postcode(),
            phone=_random_phone(rng),
            ssn=fake.ssn(),
            pattern=pattern,
            other_family=fake.last_name() if sex == "F" and rng.random() < 0.4 else None,
            old_mrn=f"{rng.choice('ABKMR')}{rng.randrange(10**6, 10**7)}",
        )
        patients.append(patient)
        visits = _plan_visits(rng, pattern)
        for kind, day, procedure_codes, extra in visits:
            encounter = None
            if kind is not None:
                admit = _at(rng, day, 0, 22)
                if kind == "ED":
                    discharge = admit + dt.timedelta(hours=rng.randint(2, 14), minutes=rng.randrange(60))
                elif kind == "INPATIENT":
                    discharge = admit + dt.timedelta(days=rng.randint(2, 9), hours=rng.randint(0, 12))
                else:
                    discharge = admit + dt.timedelta(hours=1, minutes=rng.randrange(60))
                encounter = Encounter(encounter_ids.next(), patient.mrn, kind, admit, discharge)
                encounters.append(encounter)
            for n, code in enumerate(procedure_codes):
                if encounter is not None:
                    assert encounter.discharge_time is not None
                    span = (encounter.discharge_time - encounter.admit_time).total_seconds()
                    offset = dt.timedelta(seconds=int(span * (n + rng.random()) / (len(procedure_codes) + 1)))
                    study_time = encounter.admit_time + offset
                else:
                    study_time = _at(rng, day, 7, 18)
                if extra == "first_minute":
                    # the ED visit began the evening before the window opens
                    study_time = dt.datetime.combine(day, dt.time(0, rng.randint(0, 30), rng.randrange(60)))
                    if encounter is not None:
                        encounter.admit_time = study_time - dt.timedelta(minutes=rng.randint(40, 90))
                        encounter.discharge_time = study_time + dt.timedelta(hours=4)
                elif extra == "last_minute":
                    study_time = dt.datetime.combine(day, dt.time(23, rng.randint(30, 59), rng.randrange(60)))
                    if encounter is not None:
                        encounter.admit_time = min(encounter.admit_time, study_time - dt.timedelta(hours=2))
                        encounter.discharge_time = study_time + dt.timedelta(hours=3)
                procedure = ALL_PROCEDURES[code]
                accession = accessions.next()
                views = _choose_views(rng, procedure)
                studies.append(
                    Study(
                        accession_number=accession,
                        mrn=patient.mrn,
                        encounter=encounter,
                        study_instance_uid=f"{HOSPITAL_UID_ROOT}.2.{int(patient.mrn)}.{accession}",
                        procedure=procedure,
                        study_time=study_time,
                        views=views,
                        referring=rng.choice(clinicians),
                        radiologist=rng.choice(radiologists),
                        technologist=rng.choice(technologists),
                        header_accession=rng.random() >= 0.03,
                    )
                )
    # A study whose images never reached the PACS (real archives have them).
    chest_in_window = [s for s in studies if s.procedure.chest and _in_window(s.study_time)]
    for study in chest_in_window[3::25]:
        study.views = ()
    hospital = Hospital(
        seed=seed,
        institution=institution,
        institution_address=address,
        other_hospitals=others,
        wards=wards,
        station_names=stations,
        providers=providers,
        patients=patients,
        encounters=encounters,
        studies=studies,
    )
    mark_cohort(hospital)
    return hospital


def _in_window(when: dt.datetime) -> bool:
    return COHORT_START <= when.date() <= COHORT_END


def _chest_code(rng: random.Random, day: dt.date, views: int | None = None) -> str:
    """A chest radiograph code of the era (CPT changed in 2018), sometimes a local mix."""
    modern = day.year >= 2018 or rng.random() < 0.08
    single, double, triple = ("71045", "71046", "71047") if modern else ("71010", "71020", "71022")
    if views == 1:
        return single
    return rng.choices((single, double, triple), (30, 58, 12))[0]


def _plan_visits(rng: random.Random, pattern: str) -> list[tuple[str | None, dt.date, list[str], str]]:
    """(encounter type or None, day, procedure codes, special timing) of one patient's visits."""
    visits: list[tuple[str | None, dt.date, list[str], str]] = []

    def in_window_day() -> dt.date:
        return _date_between(rng, COHORT_START, COHORT_END)

    def outside_window_day() -> dt.date:
        if rng.random() < 0.5:
            return _date_between(rng, HISTORY_START, COHORT_START - dt.timedelta(days=1))
        return _date_between(rng, COHORT_END + dt.timedelta(days=1), HISTORY_END)

    if pattern.startswith("cohort"):
        n_visits = 1 + min(int(rng.expovariate(1 / 1.7)), 30)
        if pattern == "cohort_rich":
            n_visits = max(n_visits, 4)
        for v in range(n_visits):
            day = in_window_day()
            roll = rng.random()
            if v == 0 or roll < 0.55:
                visits.append(("ED", day, [_chest_code(rng, day)], ""))
            elif roll < 0.8:
                # admitted through the ED: inpatient portable films follow
                visits.append(("ED", day, [_chest_code(rng, day)], ""))
                n_inpatient = rng.randint(1, 3)
                visits.append(("INPATIENT", day + dt.timedelta(days=1), [_chest_code(rng, day, 1)] * n_inpatient, ""))
            else:
                visits.append(("OUTPATIENT", day, [_chest_code(rng, day)], ""))
        if pattern == "cohort_rich" or rng.random() < 0.25:
            day = outside_window_day()
            visits.append((rng.choice(("ED", "OUTPATIENT", "INPATIENT")), day, [_chest_code(rng, day)], ""))
        if pattern == "cohort_rich" or rng.random() < 0.2:
            day = in_window_day()
            visits.append(("ED", day, [rng.choice(("70450", "71250", "73030", "74018", "71101"))], ""))
        if pattern == "cohort_rich" or rng.random() < 0.05:
            day = in_window_day()  # an outpatient film ordered outside any encounter
            visits.append((None, day, [_chest_code(rng, day)], ""))
        if pattern == "cohort_rich":
            day = in_window_day()
            visits.append(("INPATIENT", day, [_chest_code(rng, day, 1), _chest_code(rng, day, 1)], ""))
        if pattern == "cohort_boundary":
            visits.append(("ED", COHORT_START, [_chest_code(rng, COHORT_START)], "first_minute"))
            visits.append(("ED", COHORT_END, [_chest_code(rng, COHORT_END)], "last_minute"))
            before = COHORT_START - dt.timedelta(days=1)
            visits.append(("ED", before, [_chest_code(rng, before)], "last_minute"))
    elif pattern == "ed_outside_window":
        day = outside_window_day()
        visits.append(("ED", day, [_chest_code(rng, day)], ""))
        day = in_window_day()
        visits.append(("OUTPATIENT", day, [_chest_code(rng, day)], ""))
    elif pattern == "non_ed_only":
        for _ in range(rng.randint(1, 3)):
            day = in_window_day()
            visits.append((rng.choice(("INPATIENT", "OUTPATIENT")), day, [_chest_code(rng, day)], ""))
        day = in_window_day()
        visits.append(("ED", day, [], ""))  # an ED visit without imaging
    elif pattern == "ed_non_chest":
        for _ in range(rng.randint(1, 2)):
            day = in_window_day()
            visits.append(("ED", day, [rng.choice(("70450", "71250", "73030", "74018", "71101"))], ""))
    else:  # no_imaging
        for _ in range(rng.randint(1, 3)):
            visits.append((rng.choice(("ED", "INPATIENT", "OUTPATIENT")), in_window_day(), [], ""))
    visits.sort(key=lambda v: v[1])
    return visits


def _choose_views(rng: random.Random, procedure: Procedure) -> tuple[str, ...]:
    if not procedure.views:
        return ()
    views = procedure.views
    if len(views) > 1 and rng.random() < 0.05:  # an incomplete study: a view was never sent
        views = views[:-1]
    elif views == ("AP",) and rng.random() < 0.3:  # a repeated portable film
        views = ("AP", "AP")
    return views


def mark_cohort(hospital: Hospital) -> None:
    """Apply the cohort rule of the contracts (section 1.1) to the generated records."""
    selected = {
        s.mrn
        for s in hospital.studies
        if s.procedure.chest
        and s.encounter is not None
        and s.encounter.encounter_type in ED_ENCOUNTER_TYPES
        and _in_window(s.study_time)
    }
    for study in hospital.studies:
        study.in_cohort = study.mrn in selected and study.procedure.chest and _in_window(study.study_time)


def write_sqlite(hospital: Hospital, path: Path) -> None:
    """Write the EHR as SQLite with the reference schema (rows in a fixed order)."""
    con = sqlite3.connect(path)
    try:
        con.executescript(SCHEMA_SQL)
        con.executemany(
            "INSERT INTO patients VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            [
                (
                    p.mrn, p.family, p.given, p.birth_date.isoformat(), p.sex,
                    p.street, p.city, p.state, p.postal_code, p.phone, p.ssn,
                )
                for p in hospital.patients
            ],
        )
        con.executemany(
            "INSERT INTO encounters VALUES (?,?,?,?,?)",
            [
                (e.encounter_id, e.mrn, e.encounter_type, _fmt_ts(e.admit_time), _fmt_ts(e.discharge_time))
                for e in hospital.encounters
            ],
        )
        con.executemany(
            "INSERT INTO imaging_studies VALUES (?,?,?,?,?,?,?,?)",
            [
                (
                    s.accession_number, s.mrn, s.encounter.encounter_id if s.encounter else None,
                    s.study_instance_uid, s.procedure.code, s.procedure.description,
                    s.procedure.modality, _fmt_ts(s.study_time),
                )
                for s in hospital.studies
            ],
        )
        con.executemany(
            "INSERT INTO radiology_reports VALUES (?,?,?,?)",
            [
                (s.accession_number, s.report_text, report_author(s), _fmt_ts(s.signed_time))
                for s in hospital.studies
            ],
        )
        con.commit()
    finally:
        con.close()


def report_author(study: Study) -> str:
    """The signing radiologist as the RIS stores it (free text)."""
    r = study.radiologist
    return f"{r.family.upper()}, {r.given.upper()} {r.middle_initial}. MD"
