"""Every identifier the EHR holds, in the forms it is printed.

The audit looks for what the hospital itself knows about its patients (EHR
schema of contracts section 1.1): names and their parts, MRNs, accession
numbers, birth dates and original study/encounter dates, phones, addresses,
SSNs, original UIDs, and the providers and institutions named in report
authors. Each value is expanded into the ways it is commonly written
('LAST^FIRST' as in a DICOM PN, PS3.5 section 6.2.1; 'Last, First'; initials
with surname; MRN with and without leading zeros; dates as YYYYMMDD (the DICOM
DA form, PS3.5 section 6.2), MM/DD/YYYY, DD.MM.YYYY, 'March 5, 2019' ...) and
each written form becomes a token sequence (see :mod:`cxrbuild.audit.tokens`).

Each form carries a *strength*: ``strong`` forms (a full name, an MRN of six
or more significant digits, a full date with a four-digit year, an SSN, a
ten-digit phone, an original UID, a street address) are leaks wherever they
are found; ``medium`` forms (a rare surname alone, an initial with a surname,
a short MRN, a two-digit-year date, a local phone number) need a look;
``weak`` forms (a given name, a city, a postal code) are listed only to be
weighed. The scanner adjusts this with what it sees where the form is found.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from cxrbuild.audit.tokens import token_texts
from cxrbuild.printed_forms import MEDIUM, STRONG, WEAK, date_forms, parse_date
from cxrbuild.util.database import open_engine
from cxrbuild.util.errors import CxrbuildError

# The EHR queries (schema of contracts section 1.1). A hospital with another
# schema puts files of the same names, returning the same columns, in a
# queries folder (``--queries``).
DEFAULT_QUERIES: dict[str, str] = {
    "audit_patients.sql": (
        "SELECT mrn, family_name, given_name, birth_date, street, city, state, "
        "postal_code, phone, ssn FROM patients"
    ),
    "audit_studies.sql": (
        "SELECT mrn, accession_number, study_instance_uid, study_time FROM imaging_studies"
    ),
    "audit_encounters.sql": "SELECT mrn, admit_time, discharge_time FROM encounters",
    "audit_reports.sql": (
        "SELECT s.mrn AS mrn, r.accession_number AS accession_number, r.author AS author, "
        "r.signed_time AS signed_time "
        "FROM radiology_reports r JOIN imaging_studies s "
        "ON s.accession_number = r.accession_number"
    ),
}

# Titles and degrees around a provider's name in a report's author field; never a name part.
PROVIDER_TITLES = frozenset(
    ["dr", "drs", "doctor", "md", "do", "mbbs", "mbchb", "phd", "ms", "msc", "rn", "np", "pa", "frcr", "frcpc", "facr", "abr", "mr", "mrs", "ms", "prof", "professor", "radiologist", "attending", "resident", "fellow", "staff", "signed", "by", "electronically"]
)
# Words that make an author-field segment an institution rather than a person.
INSTITUTION_WORDS = frozenset(
    ["hospital", "hospitals", "medical", "center", "centre", "clinic", "clinics", "health", "healthcare", "university", "institute", "infirmary", "radiology", "imaging", "department", "dept", "associates", "group", "practice", "college", "school", "foundation", "memorial", "general", "regional", "community"]
)
STREET_SUFFIXES = {
    "st": "street", "ave": "avenue", "rd": "road", "dr": "drive", "blvd": "boulevard",
    "ln": "lane", "ct": "court", "pl": "place", "pkwy": "parkway", "hwy": "highway",
    "sq": "square", "ter": "terrace", "cir": "circle", "apt": "apartment", "ste": "suite",
}  # fmt: skip


@dataclass(frozen=True, slots=True)
class IdentifierForm:
    """One written form of one EHR value.

    ``tokens`` is what is matched; ``printed`` is one way of writing it (for
    people reading the findings); ``owner`` is the patient's MRN, or None for a
    provider or an institution; ``source`` names the EHR column.
    """

    tokens: tuple[str, ...]
    kind: str
    printed: str
    owner: str | None
    strength: str
    source: str


class IdentifierSet:
    """The identifier forms of an audit, without duplicates (first form of a token sequence wins)."""

    def __init__(self) -> None:
        self.forms: list[IdentifierForm] = []
        self._seen: set[tuple[tuple[str, ...], str | None, str]] = set()
        self.patients: set[str] = set()

    def add(self, printed: str, kind: str, owner: str | None, strength: str, source: str) -> None:
        # interned: the same few thousand tokens (years, months, common names) recur in
        # millions of forms at full scale
        tokens = tuple(sys.intern(token) for token in token_texts(printed))
        if not tokens:
            return
        # one date of a patient is one form, whatever column it came from (a study, its
        # report and its encounter usually share the day): fewer forms at scale
        key = (tokens, owner, "date" if kind.endswith("_date") and kind != "birth_date" else kind)
        if key in self._seen:
            return
        self._seen.add(key)
        self.forms.append(IdentifierForm(tokens, kind, printed, owner, strength, source))

    def seal(self) -> None:
        """Drop the duplicate check once every form is in (it doubles the memory at scale)."""
        self._seen = set()

    def __len__(self) -> int:
        return len(self.forms)

    def kinds(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for form in self.forms:
            counts[form.kind] = counts.get(form.kind, 0) + 1
        return dict(sorted(counts.items()))


def _text(value: object) -> str:
    """An EHR cell as text; None and NaN become empty."""
    if value is None:
        return ""
    if isinstance(value, float) and value != value:  # NaN
        return ""
    return str(value).strip()


def add_name_forms(
    ids: IdentifierSet, family: str, given: str, owner: str | None, prefix: str, source: str
) -> None:
    """A person's name as written in headers, reports and lists.

    ``prefix`` is '' for patients and 'provider_' for report authors.
    """
    family_tokens = [t for t in re.split(r"[\s]+", family.strip()) if t]
    given_tokens = [t for t in re.split(r"[\s]+", given.strip()) if t]
    fam = " ".join(family_tokens)
    if not fam:
        return
    if given_tokens:
        first = given_tokens[0]
        middle = given_tokens[1:]
        giv = " ".join(given_tokens)
        initial = first[0]
        full_forms = [
            f"{fam}^{giv}",  # DICOM PN, PS3.5 section 6.2.1
            f"{fam}^{first}",
            f"{fam}, {giv}",
            f"{giv} {fam}",
            f"{first} {fam}",
        ]
        if middle:
            full_forms.append(f"{first} {middle[0][0]} {fam}")
            full_forms.append(f"{fam}, {first} {middle[0][0]}")
        for printed in full_forms:
            ids.add(printed, f"{prefix}full_name", owner, STRONG, source)
        for printed in (f"{initial}. {fam}", f"{fam}, {initial}.", f"{fam}^{initial}"):
            ids.add(printed, f"{prefix}initial_surname", owner, MEDIUM, source)
        if middle:
            ids.add(f"{initial}. {middle[0][0]}. {fam}", f"{prefix}initial_surname", owner, MEDIUM, source)
        ids.add(first, f"{prefix}given_name", owner, WEAK, source)
    # the surname alone, and each part of a compound surname
    ids.add(fam, f"{prefix}family_name", owner, MEDIUM, source)
    for part in re.split(r"[\s\-']+", fam):
        if len(part) >= 2 and part != fam:
            ids.add(part, f"{prefix}family_name", owner, MEDIUM, source)


def add_date_forms(ids: IdentifierSet, value: object, kind: str, owner: str | None, source: str) -> None:
    day = parse_date(value)
    if day is None:
        return
    for printed, strength in date_forms(day):
        ids.add(printed, kind, owner, strength, source)


def _significant_digits(text: str) -> str:
    return text.lstrip("0")


def add_number_forms(ids: IdentifierSet, value: str, kind: str, owner: str | None, source: str) -> None:
    """An identifier number (MRN, accession) with and without separators and leading zeros.

    Six or more significant digits make a strong form; a shorter number is
    medium, because short numbers turn up in released text by chance.
    """
    value = value.strip()
    if not value:
        return
    digits = re.sub(r"\D", "", value)
    letters = re.sub(r"[^\W\d_]", "", value)
    strength = STRONG if len(_significant_digits(digits)) >= 6 or (letters and len(value) >= 8) else MEDIUM
    ids.add(value, kind, owner, strength, source)
    compact = re.sub(r"[\W_]+", "", value)
    ids.add(compact, kind, owner, strength, source)
    if digits and digits != value:
        # the number without its letters or separators ("ACC-0012345" printed as "0012345")
        digit_strength = STRONG if len(_significant_digits(digits)) >= 6 else MEDIUM
        ids.add(digits, kind, owner, digit_strength, source)
    stripped = _significant_digits(digits)
    if stripped and stripped != digits:
        ids.add(stripped, kind, owner, STRONG if len(stripped) >= 6 else MEDIUM, source)


def add_phone_forms(ids: IdentifierSet, value: str, owner: str | None, source: str) -> None:
    """A phone number digits-only and formatted; an extension is not part of the number."""
    number = re.split(r"(?i)\s*(?:x|ext\.?)\s*\d+\s*$", value.strip())[0]
    digits = re.sub(r"\D", "", number)
    if not digits:
        return
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]
    if len(digits) == 10:
        a, b, c = digits[:3], digits[3:6], digits[6:]
        for printed in (digits, f"{a}-{b}-{c}", f"1{digits}"):
            ids.add(printed, "phone", owner, STRONG, source)
        ids.add(f"{b}-{c}", "phone_local", owner, MEDIUM, source)
        ids.add(f"{b}{c}", "phone_local", owner, MEDIUM, source)
    else:
        strength = STRONG if len(digits) >= 7 else MEDIUM
        ids.add(number, "phone", owner, strength, source)
        ids.add(digits, "phone", owner, strength, source)


def add_ssn_forms(ids: IdentifierSet, value: str, owner: str | None, source: str) -> None:
    digits = re.sub(r"\D", "", value)
    if len(digits) == 9:
        ids.add(f"{digits[:3]}-{digits[3:5]}-{digits[5:]}", "ssn", owner, STRONG, source)
        ids.add(digits, "ssn", owner, STRONG, source)
    elif digits:
        ids.add(value, "ssn", owner, STRONG if len(digits) >= 6 else MEDIUM, source)


def add_address_forms(ids: IdentifierSet, row: Mapping[str, object], owner: str, source: str) -> None:
    """Street (with abbreviated and spelled-out suffixes), city, postal code."""
    street = _text(row.get("street"))
    city = _text(row.get("city"))
    state = _text(row.get("state"))
    postal = _text(row.get("postal_code"))
    if street:
        tokens = street.split()
        has_number = any(re.search(r"\d", t) for t in tokens)
        has_word = any(re.search(r"[^\W\d_]{2,}", t) for t in tokens)
        strength = STRONG if has_number and has_word else MEDIUM
        ids.add(street, "street", owner, strength, source + ".street")
        expanded = [STREET_SUFFIXES.get(t.lower().rstrip("."), t) for t in tokens]
        ids.add(" ".join(expanded), "street", owner, strength, source + ".street")
        abbreviations = {v: k for k, v in STREET_SUFFIXES.items()}
        shortened = [abbreviations.get(t.lower(), t) for t in tokens]
        ids.add(" ".join(shortened), "street", owner, strength, source + ".street")
        # the number and the street name without its suffix ("12 Elm" of "12 Elm St")
        core = [t for t in tokens if t.lower().rstrip(".") not in STREET_SUFFIXES
                and t.lower() not in abbreviations]
        if has_number and len(core) >= 2:
            ids.add(" ".join(core), "street", owner, strength, source + ".street")
    if city:
        ids.add(city, "city", owner, WEAK, source + ".city")
        if state:
            ids.add(f"{city}, {state}", "city_state", owner, MEDIUM, source + ".city")
            if postal:
                ids.add(f"{city}, {state} {postal}", "address", owner, STRONG, source + ".city")
    if postal:
        ids.add(postal, "postal_code", owner, WEAK, source + ".postal_code")


def parse_author(author: str) -> tuple[str, str, list[str]]:
    """(family, given, institutions) from a free-text report author.

    Handles 'Dr. Jane Q. Doe, MD', 'DOE, JANE', 'DOE^JANE', 'Jane Doe (Springfield
    General Hospital)'. Segments holding an institution word are institutions.
    """
    segments = [s.strip() for s in re.split(r"[,;()\[\]/|]| - ", author) if s.strip()]
    institutions: list[str] = []
    people: list[list[str]] = []
    for segment in segments:
        words = token_texts(segment)
        if any(w in INSTITUTION_WORDS for w in words):
            institutions.append(segment)
            continue
        names = [w for w in re.split(r"[\s^.]+", segment) if w and w.lower() not in PROVIDER_TITLES]
        if names:
            people.append(names)
    if "^" in author and people:
        parts = [p for p in author.split("^") if p.strip()]
        return parts[0].strip(), " ".join(parts[1:2]).strip(), institutions
    if len(people) >= 2 and len(people[0]) == 1:
        # 'DOE, JANE' (surname first, then given names)
        return people[0][0], " ".join(people[1]), institutions
    if people:
        names = people[0]
        if len(names) == 1:
            return names[0], "", institutions
        given = [n for n in names[:-1] if len(n) > 1] or names[:1]
        return names[-1], " ".join(given), institutions
    return "", "", institutions


def add_author_forms(ids: IdentifierSet, author: str, source: str) -> None:
    family, given, institutions = parse_author(author)
    if family:
        add_name_forms(ids, family, given, None, "provider_", source)
    for institution in institutions:
        words = token_texts(institution)
        strength = STRONG if len(words) >= 2 else MEDIUM
        ids.add(institution, "institution", None, strength, source)


def add_uid_forms(ids: IdentifierSet, uid: str, owner: str | None, source: str) -> None:
    """An original UID (PS3.5 section 9): strong when it is long enough not to occur by chance."""
    uid = uid.strip().rstrip("\x00")
    if not uid:
        return
    parts = uid.split(".")
    strength = STRONG if len(uid) >= 10 and len(parts) >= 3 else MEDIUM
    ids.add(uid, "uid", owner, strength, source)


def read_query(name: str, queries_dir: Path | None) -> str:
    if queries_dir is not None:
        path = Path(queries_dir) / name
        if path.exists():
            return path.read_text(encoding="utf-8")
    return DEFAULT_QUERIES[name]


def _rows(connection, sql: str, label: str) -> list[dict[str, object]]:
    from sqlalchemy import text

    try:
        result = connection.execute(text(sql))
    except Exception as err:  # any driver error: name the query and the reason
        raise CxrbuildError(f"EHR query {label} failed: {str(err).splitlines()[0]}") from err
    return [dict(row._mapping) for row in result]


def collect_identifiers(
    ehr_url: str,
    mrns: Iterable[str] | None = None,
    queries_dir: Path | None = None,
    extra_uids: Mapping[str, Iterable[str]] | None = None,
) -> IdentifierSet:
    """Every identifier form the EHR holds for ``mrns`` (all patients when None).

    ``extra_uids`` maps an MRN to original UIDs known outside the EHR (the
    PACS index's series and SOP Instance UIDs, through the crosswalk).
    """
    from sqlalchemy.exc import ArgumentError, SQLAlchemyError

    wanted = {str(m) for m in mrns} if mrns is not None else None
    try:
        engine = open_engine(ehr_url)
        connection = engine.connect()
    except (ArgumentError, SQLAlchemyError, ValueError) as err:
        raise CxrbuildError(f"{ehr_url}: cannot open the EHR database: {str(err).splitlines()[0]}") from err
    ids = IdentifierSet()
    try:
        patients = _rows(connection, read_query("audit_patients.sql", queries_dir), "audit_patients.sql")
        studies = _rows(connection, read_query("audit_studies.sql", queries_dir), "audit_studies.sql")
        encounters = _rows(connection, read_query("audit_encounters.sql", queries_dir), "audit_encounters.sql")
        reports = _rows(connection, read_query("audit_reports.sql", queries_dir), "audit_reports.sql")
    finally:
        connection.close()
        engine.dispose()

    def keep(row: Mapping[str, object]) -> bool:
        return wanted is None or _text(row.get("mrn")) in wanted

    for row in patients:
        if not keep(row):
            continue
        mrn = _text(row.get("mrn"))
        ids.patients.add(mrn)
        add_number_forms(ids, mrn, "mrn", mrn, "patients.mrn")
        add_name_forms(ids, _text(row.get("family_name")), _text(row.get("given_name")), mrn, "",
                       "patients.family_name/given_name")
        add_date_forms(ids, row.get("birth_date"), "birth_date", mrn, "patients.birth_date")
        add_address_forms(ids, row, mrn, "patients")
        phone = _text(row.get("phone"))
        if phone:
            add_phone_forms(ids, phone, mrn, "patients.phone")
        ssn = _text(row.get("ssn"))
        if ssn:
            add_ssn_forms(ids, ssn, mrn, "patients.ssn")
    for row in studies:
        if not keep(row):
            continue
        mrn = _text(row.get("mrn"))
        accession = _text(row.get("accession_number"))
        if accession:
            add_number_forms(ids, accession, "accession_number", mrn, "imaging_studies.accession_number")
        add_uid_forms(ids, _text(row.get("study_instance_uid")), mrn, "imaging_studies.study_instance_uid")
        add_date_forms(ids, row.get("study_time"), "study_date", mrn, "imaging_studies.study_time")
    for row in encounters:
        if not keep(row):
            continue
        mrn = _text(row.get("mrn"))
        for column in ("admit_time", "discharge_time"):
            add_date_forms(ids, row.get(column), "encounter_date", mrn, f"encounters.{column}")
    for row in reports:
        if not keep(row):
            continue
        mrn = _text(row.get("mrn"))
        author = _text(row.get("author"))
        if author:
            add_author_forms(ids, author, "radiology_reports.author")
        add_date_forms(ids, row.get("signed_time"), "report_date", mrn, "radiology_reports.signed_time")
    for mrn, uids in (extra_uids or {}).items():
        if wanted is not None and mrn not in wanted:
            continue
        for uid in uids:
            add_uid_forms(ids, str(uid), mrn, "pacs index")
    ids.seal()
    return ids
