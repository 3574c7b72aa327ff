"""The model's spans on values beside clinical words: a measured value, a setting or a place's name the vetter keeps or drops.

Each fix is tested in the text as written, in ALL CAPS and in lower case. The examples are written here for these tests:
none comes from a corpus the rules are measured on (benchmarks/report_blind.py).
"""

from __future__ import annotations

import pytest

from cxrbuild.text.deid import ReportDeidentifier
from tests.test_text_classes import renderings, vet_in_any_case


def removed_in_any_case(rules_only: ReportDeidentifier, text: str, values: list[str]) -> None:
    for rendered, phi in renderings(text, values):
        result = rules_only.deidentify(rendered).text
        assert not any(value in result for value in phi), result


@pytest.mark.parametrize(
    ("text", "value", "label", "kept"),
    [
        # a table's column heading says what its cells hold: an age's, an identifier's or a telephone's
        ("| Condition | Relative | Age |\n| Stroke | Mother | 92 |", "92", "AGE", "92"),
        ("| Condition | Age (yrs) |\n|---|---|\n| Hip fracture | 93 |", "93", "AGE", "93"),
        ("| Dept | Pager |\n| Cardiology | 4417 |", "4417", "ID", "4417"),
        ("| Study | Accession |\n| Echo | 4417 |", "4417", "ID", "4417"),
        # a telephone's number is never a measured value
        ("| Dept | Ext |\n| Cath lab | 4417 |", "4417", "PHONE", "4417"),
        ("| Dept | Pager |\n| Cardiology | 4417 |", "4417", "PHONE", "4417"),
        ("| Cardiology | 4417 |", "4417", "PHONE", "4417"),
        # with no heading, a row that opens with a condition's, a specimen's or a service's words holds no lab's value
        ("| Hip fracture | 93 |", "93", "AGE", "93"),
        ("| Deceased | 92 |", "92", "AGE", "92"),
        ("| CVA | Mother | 92 |", "92", "AGE", "92"),
        ("| Specimen | 4417 |", "4417", "ID", "4417"),
        ("| Pathology | 4417 |", "4417", "ID", "4417"),
    ],
)
def test_a_value_in_a_table_row_of_no_lab_is_kept(rules_only, text, value, label, kept):
    for rendered, found in vet_in_any_case(rules_only, text, value, label):
        assert found is not None and found.lower() == kept.lower(), (rendered, found)


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        # (guards, passing before the fixes too) a lab's row: its name an abbreviation of the lists or a lab's word the
        # rules read, or values alone beside it
        ("Lipids\n| trig | 96 |\n| ldl | 88 |", "96", "AGE"),
        ("| LDL | 96 |", "96", "AGE"),
        ("hdl | 91 | --", "91", "AGE"),
        ("| Vit D | 94 |", "94", "AGE"),
        ("| ferritin | 93 |", "93", "AGE"),
        ("| Test | Result |\n| ferritin | 93 |", "93", "AGE"),
        ("| Triglycerides | 196 | 150 |", "196", "ID"),
        ("| urate | 0.41 | 95 |", "95", "AGE"),
    ],
)
def test_a_value_in_a_labs_row_is_still_dropped(rules_only, text, value, label):
    for rendered, found in vet_in_any_case(rules_only, text, value, label):
        assert found is None, (rendered, found)


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        # a range after a word of a unit, a service, a specimen or a device is an identifier or a telephone's number
        ("Pathology 21-345 received.", "21-345", "ID"),
        ("Biopsy 21-345 sent today.", "21-345", "ID"),
        ("Specimen 21-345 labelled.", "21-345", "ID"),
        ("Lab 12-345 pending.", "12-345", "ID"),
        ("CT 123-456 compared.", "123-456", "ID"),
        ("Echo 123-456 reviewed.", "123-456", "ID"),
        ("Device 123-456 implanted.", "123-456", "ID"),
        ("Stent 123-456 placed.", "123-456", "ID"),
        ("Moved to Pod 12-130 overnight.", "12-130", "ID"),
        ("Please call ICU 22-130 with results.", "22-130", "PHONE"),
        ("Cath lab 22-130 aware.", "22-130", "PHONE"),
        ("Radiology 555-789 notified.", "555-789", "PHONE"),
    ],
)
def test_a_range_after_no_settings_word_is_kept(rules_only, text, value, label):
    for rendered, found in vet_in_any_case(rules_only, text, value, label):
        assert found is not None and found.lower() == value.lower(), (rendered, found)


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        # (guards) a setting's word before a range of rates or pressures
        ("PPM programmed VVIR 50-120.", "50-120", "ID"),
        ("Mode AAI 70-140 today.", "70-140", "ID"),
        ("DDDR 60-130 unchanged.", "60-130", "PHONE"),
        ("Upper tracking 90-150 set.", "90-150", "ID"),
        ("Lower rate: 55-110 set.", "55-110", "ID"),
        ("APAP 10-20 overnight.", "10-20", "ID"),
    ],
)
def test_a_range_after_a_settings_word_is_still_dropped(rules_only, text, value, label):
    for rendered, found in vet_in_any_case(rules_only, text, value, label):
        assert found is None, (rendered, found)


def test_a_range_whose_upper_value_is_no_rate_is_no_setting(rules_only):
    for rendered, found in vet_in_any_case(rules_only, "Generator DDD 130-260 noted.", "130-260", "ID"):
        assert found is not None, rendered


def test_a_settings_range_is_read_by_the_identifier_rules_alone(rules_only, monkeypatch):
    patterns = rules_only.rules.patterns

    def every_pattern(text: str):
        raise AssertionError("every pattern run over a window for one span")

    monkeypatch.setattr(patterns, "find", every_pattern)
    for rendered, found in vet_in_any_case(rules_only, "PPM programmed VVIR 50-120.", "50-120", "ID"):
        assert found is None, (rendered, found)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # the model's only catch of a place typed in small letters in a mixed-case note
        ("Chest X-ray today. Patient lives in tullamere with wife.", "tullamere"),
        ("Seen in Clinic today. Pt is from southie originally, Dr Hale aware.", "southie"),
    ],
)
def test_a_place_in_small_letters_the_model_finds_is_kept(rules_only, text, value):
    for rendered, found in vet_in_any_case(rules_only, text, value, "LOCATION"):
        assert found is not None and found.lower() == value.lower(), (rendered, found)


def test_a_procedures_word_in_small_letters_is_still_no_place(rules_only):
    text = "Plan: Insert quellotomy drain under CT."  # an invented procedure's word, in no list
    start = text.index("Insert quellotomy")
    assert rules_only.rules.vet_model_span(text, start, start + len("Insert quellotomy"), "LOCATION") is None


@pytest.mark.parametrize(
    ("text", "phi"),
    [
        ("Referred to lucas clinic for follow up.", ["lucas"]),
        ("Referred to pascal clinic for follow up.", ["pascal"]),
        ("Referred to rosa clinic for follow up.", ["rosa"]),
        ("Referred to savi clinic for follow up.", ["savi"]),
    ],
)
def test_a_clinic_named_by_a_listed_name_that_is_also_a_devices_letters_is_removed(rules_only, text, phi):
    removed_in_any_case(rules_only, text, phi)


def test_abbreviations_hold_no_listed_name_or_place(rules_only):
    lexicon = rules_only.rules.lexicon
    for word in ("LUCAS", "PASCAL", "FRED", "ROSA", "SCOUT", "SAVI", "GRACE", "HEART", "lucas"):
        assert not lexicon.is_abbreviation(word), word
    for word in ("LVAD", "CRT-D", "BiV", "hdl", "LDL", "TRIG", "Vit D", "VIT D"):
        assert lexicon.is_abbreviation(word), word


def test_a_listed_name_is_no_safe_word_for_a_labs_shorthand(rules_only):
    lexicon = rules_only.rules.lexicon
    assert not lexicon.is_safe("vit") and not lexicon.is_safe("chol")
    assert lexicon.is_safe("TRIG")  # an acronym of an acronym-only list, in capitals
    assert lexicon.is_common("trig")  # an English word besides


@pytest.mark.parametrize(
    ("text", "phi"),
    [
        ("Family: wife Vit Novak at bedside.", ["Vit", "Novak"]),
        ("Vit Novak called about results.", ["Vit"]),
    ],
)
def test_a_given_name_that_is_a_labs_shorthand_is_removed(rules_only, text, phi):
    removed_in_any_case(rules_only, text, phi)


@pytest.mark.parametrize("text", ["Start Vit D 1000 units daily.", "Vit K given at birth."])
def test_a_vitamin_written_short_is_kept(rules_only, text):
    for rendered in (text, text.upper(), text.lower()):
        assert rules_only.deidentify(rendered).text == rendered


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Pt is a 93-1/2 yo F with cough.", "93-1/2"),
        ("Pt is a 93-1/2 yo F with cough.", "93"),
        ("A 94-1/2-year-old man, frail.", "94-1/2"),
    ],
)
def test_an_age_with_a_half_and_a_word_of_years_is_kept(rules_only, text, value):
    for rendered, found in vet_in_any_case(rules_only, text, value, "AGE"):
        assert found is not None and found.lower().startswith(value.lower()[:2]), (rendered, found)


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        # a row that opens with a study's, a device's, a blood product's, a vaccine's, a skin test's or a panel's letters
        # is no lab's row, though the clinical lists hold them: its number may be an identifier or an age
        ("| CT | 4417 |", "4417", "ID"),
        ("| MRI | 6254 |", "6254", "ID"),
        ("| Echo | 5823 |", "5823", "ID"),
        ("| PRBC | 3318 |", "3318", "ID"),
        ("| FFP | 4417 |", "4417", "ID"),
        ("| MMR | 2764 |", "2764", "ID"),
        ("| BCG | 4417 |", "4417", "ID"),
        ("| PPD | 8120 |", "8120", "ID"),
        ("| ICD | 5823 |", "5823", "ID"),
        ("| PICC | 7261 |", "7261", "ID"),
        ("| CBC | 4417 |", "4417", "ID"),
        ("| PICC | 726 |", "726", "ID"),
        ("| COPD | 93 |", "93", "AGE"),
        ("| MI | 91 |", "91", "AGE"),
        ("| CHF | 94 | 2019 |", "94", "AGE"),
        ("| HTN | 92 | 150 |", "92", "AGE"),
        ("| CKD | 96 | 2021 |", "96", "AGE"),
        # a lab's row holds lab values alone: a year or four digits beside its name make it none
        ("| LDL | 96 | 2019 |", "96", "AGE"),
        ("| LDL | 4417 |", "4417", "ID"),
        ("| PSA | 92 | 2020 |", "92", "AGE"),
    ],
)
def test_a_value_in_a_row_of_no_lab_analyte_is_kept(rules_only, text, value, label):
    for rendered, found in vet_in_any_case(rules_only, text, value, label):
        assert found is not None and found.lower() == value.lower(), (rendered, found)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        # a column whose heading's words are an identifier's, though no listed heading, holds no measured value
        ("| Exam | Acc. No. |\n| CT | 4417 |", "4417"),
        ("| Implant | Serial |\n| ICD | 4417 |", "4417"),
        ("| Test | Lot # |\n| PSA | 417 |", "417"),
        ("| Analyte | Tube Barcode |\n| LDL | 318 |", "318"),
        ("| Test | Container ID |\n|---|---|\n| TSH | 562 |", "562"),
        ("| Marker | Code |\n| CEA | 593 |", "593"),
        # ... in a row whose analyte the rules read before a measured value too
        ("| Test | Tube No. |\n| TSH | 562 |", "562"),
    ],
)
def test_a_number_under_an_identifiers_heading_is_kept(rules_only, text, value):
    for rendered, found in vet_in_any_case(rules_only, text, value, "ID"):
        assert found is not None and found.lower() == value.lower(), (rendered, found)


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        # (guards) a lab analyte's row of the lab names' list, its unit in brackets, beside lab values alone
        ("| CEA | 92 |", "92", "AGE"),
        ("| TG | 196 |", "196", "ID"),
        ("| LDL cholesterol (mg/dL) | 96 | <100 |", "96", "AGE"),
        ("| Test | Result |\n| uric acid | 0.41 | 95 |", "95", "AGE"),
    ],
)
def test_a_value_in_a_lab_analytes_row_is_dropped(rules_only, text, value, label):
    for rendered, found in vet_in_any_case(rules_only, text, value, label):
        assert found is None, (rendered, found)


def test_the_pacing_modes_and_the_age_headings_have_one_home(rules_only):
    from cxrbuild.text import tables, vetting

    lexicon = rules_only.rules.lexicon
    assert not hasattr(vetting, "PACING_MODE_RE") and not hasattr(tables, "AGE_HEADINGS")
    assert {"vvir", "dddr", "aai"} <= lexicon.pacing_modes <= lexicon.setting_words
    assert {"age", "age at onset", "y/o"} <= tables.load_table_columns().ages
    assert tables.heading_label("Age at onset (yrs)") == "AGE"


@pytest.mark.parametrize("text", ["Tace called about results.", "TACE CALLED ABOUT RESULTS.", "tace called about results."])
def test_a_given_name_no_clinical_list_holds_alone_is_removed(rules_only, text):
    # "TACE" stands in the clinical lists only in its compounds ("DEB-TACE"): "Tace" is a given name
    assert text.split()[0] not in rules_only.deidentify(text).text, text


@pytest.mark.parametrize("text", ["Lipids: TRIG 1.8, LDL 2.1 today.", "NEWS 2 score 5 on DOL 3."])
def test_a_name_acronym_in_capitals_in_a_mixed_case_note_is_kept(rules_only, text):
    # (guard) an acronym-only list's acronym in capitals where capitals mean something
    assert rules_only.deidentify(text).text == text
    for word in ("TRIG", "DOL"):
        if word in text:
            start = text.index(word)
            assert rules_only.rules.vet_model_span(text, start, start + len(word), "NAME") is None, word


@pytest.mark.parametrize(
    ("text", "value", "label"),
    [
        # a gestational age in weeks and days, or an obstetric history, is clinical shorthand, never an identifier
        ("Delivered at 33w5d after PPROM.", "33w5d", "ID"),
        ("GA at birth: 29w1d, BW 1210 g.", "29w1d", "ID"),
        ("HPI: 38w6d male infant, born by repeat C/S.", "38w6d", "ID"),
        ("Corrected GA 31w today.", "31w", "DATE"),
        ("27 yo G5P3 admitted.", "G5P3", "ID"),
    ],
)
def test_a_gestational_age_the_model_marks_is_no_identifier(rules_only, text, value, label):
    for rendered, found in vet_in_any_case(rules_only, text, value, label):
        assert found is None, (rendered, found)


def test_an_identifier_beside_a_gestational_age_is_still_vetted_in(rules_only):
    text = "Baby boy, 36w2d, MRN 66120947."
    for rendered, found in vet_in_any_case(rules_only, text, "66120947", "ID"):
        assert found is not None and "66120947" in found, (rendered, found)
