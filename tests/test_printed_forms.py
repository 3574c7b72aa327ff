"""One set of printed forms: the cleaning steps deny what the audit searches for."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from pydicom.dataset import Dataset

from cxrbuild.audit.identifiers import IdentifierSet, add_date_forms
from cxrbuild.audit.tokens import token_texts
from cxrbuild.cohort import patient_deny_list
from cxrbuild.dicom.header import deny_list_from_header
from cxrbuild.printed_forms import (
    MEDIUM,
    STRONG,
    WEAK,
    date_forms,
    date_strings,
    parse_date,
    person_name_forms,
)


def test_cohort_header_and_audit_use_the_same_date_forms() -> None:
    born = dt.date(1950, 3, 5)
    searched = {p for p, strength in date_forms(born) if strength in (STRONG, MEDIUM)}
    cohort = set(patient_deny_list({"mrn": "123456", "birth_date": "1950-03-05"}))
    ds = Dataset()
    ds.PatientBirthDate = "19500305"
    header = set(deny_list_from_header(ds))
    ids = IdentifierSet()
    add_date_forms(ids, pd.Timestamp("1950-03-05 00:00:00"), "birth_date", "123456", "patients.birth_date")
    # the audit matches token sequences: "03/05/1950" and "03-05-1950" are one form there
    audited = {form.tokens for form in ids.forms if form.strength in (STRONG, MEDIUM)}
    assert searched <= cohort and searched <= header
    assert audited == {tuple(token_texts(p)) for p in searched}
    assert {"03/05/1950", "5 March 1950", "05-Mar-1950", "1950.03.05", "3/5/50", "March 5th, 1950"} <= searched


def test_date_forms_are_ranked_by_how_likely_a_shifted_date_prints_the_same() -> None:
    forms = dict(date_forms(dt.date(2011, 9, 2)))
    assert forms["2011-09-02"] == STRONG and forms["Sept 2, 2011"] == STRONG
    assert forms["09/02/11"] == MEDIUM and forms["110902"] == WEAK
    assert "110902" not in date_strings("2011-09-02")  # six bare digits are no deny term


def test_dates_are_read_from_every_cell_form_and_missing_cells_are_none() -> None:
    day = dt.date(1950, 3, 5)
    for value in (day, dt.datetime(1950, 3, 5, 8, 0), pd.Timestamp("1950-03-05"), "1950-03-05", "19500305",
                  "1950.03.05"):
        assert parse_date(value) == day, value
    for value in (None, float("nan"), pd.NaT, "", "unknown", "1950-02-30"):
        assert parse_date(value) is None, value


def test_dicom_dates_and_person_names_print_in_the_usual_forms() -> None:
    forms = date_strings("20120109")
    assert {"01/09/2012", "09/01/2012", "2012-01-09", "1/9/2012", "09-Jan-2012", "Jan 9, 2012"} <= set(forms)
    assert date_strings("2012") == []
    names = person_name_forms("DAVIDSON^DOUGLAS^Q^DR^JR")
    assert {"DAVIDSON", "DOUGLAS", "DOUGLAS DAVIDSON", "DOUGLAS Q DAVIDSON"} <= set(names)
    assert "DR" not in names and "JR" not in names  # prefixes and suffixes identify no one
