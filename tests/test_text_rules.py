"""Rule-based report de-identification: what must go, and what must stay."""

from __future__ import annotations

import pytest

from cxrbuild.text.deid import ReportDeidentifier
from cxrbuild.text.rules import default_rules
from cxrbuild.text.spans import data_text as _data_text


def removed(deidentifier: ReportDeidentifier, text: str, phi: str, deny=()) -> bool:
    """True when no letter or digit of ``phi`` survives in the output."""
    result = deidentifier.deidentify(text, deny=deny)
    start = text.index(phi)
    covered = [False] * len(text)
    for span in result.spans:
        for index in range(span.start, span.end):
            covered[index] = True
    return all(covered[i] for i in range(start, start + len(phi)) if text[i].isalnum())


@pytest.mark.parametrize(
    "phi",
    [
        "03/12/2012", "3/12/12", "2012-03-12", "12.03.2012", "03-12-2012", "March 12, 2012", "Mar 12, 2012",
        "Mar. 12, 2012", "12 March 2012", "12-Mar-2012", "March 12th, 2012", "the 3rd of March", "March 2012",
        "3/12", "Tuesday, March 13, 2012", "20120312", "Sept 2011",
    ],
)
def test_dates_in_every_written_form_are_removed(rules_only, phi):
    assert removed(rules_only, f"Compared with the radiograph of {phi}, no change.", phi)


@pytest.mark.parametrize("phi", ["10:15 a.m.", "10:15 AM", "22:30", "1015h", "1015 hrs", "3 pm", "07:45:12"])
def test_times_are_removed(rules_only, phi):
    assert removed(rules_only, f"The tube was repositioned at {phi} by the team.", phi)


@pytest.mark.parametrize(
    ("sentence", "phi"),
    [
        ("Call (617) 555-0134 with questions.", "(617) 555-0134"),
        ("Reached at 617-555-0134 x231.", "617-555-0134 x231"),
        ("Dr. Roe was paged at pager 4-5678.", "4-5678"),
        ("Fax 617.555.0199 for the report.", "617.555.0199"),
        ("MRN: 12345678 confirmed.", "12345678"),
        ("Accession # E7654321.", "E7654321"),
        ("Order 2012-0012345 was placed.", "2012-0012345"),
        ("SSN 123-45-6789 on file.", "123-45-6789"),
        ("Questions to jroe@example.org please.", "jroe@example.org"),
        ("Images at https://pacs.example.org/viewer?id=1234 today.", "https://pacs.example.org/viewer?id=1234"),
        ("A 93-year-old woman with cough.", "93"),
        ("History: 101 y/o man with fever.", "101"),
        ("Lives at 123 Main Street, Springfield, IL 62704.", "123 Main Street"),
        ("Lives at 123 Main Street, Springfield, IL 62704.", "IL 62704"),
        ("Films from Mercy General Hospital were reviewed.", "Mercy General Hospital"),
        ("Transferred from the Hospital of Saint Anne today.", "Hospital of Saint Anne"),
        ("Patient was transferred to Farr 10 overnight.", "Farr 10"),
        ("Now on Ward 7B.", "Ward 7B"),
    ],
)
def test_numbers_contacts_ages_and_places_are_removed(rules_only, sentence, phi):
    assert removed(rules_only, sentence, phi)


@pytest.mark.parametrize(
    ("sentence", "phi"),
    [
        ("Findings discussed with Dr. Hall at the bedside.", "Hall"),
        ("Findings were d/w Young, the covering NP.", "Young"),
        ("Results given to Jane Q. Mass, MD, by phone.", "Jane Q. Mass"),
        ("Electronically signed by: Karen O'Brien, MD", "Karen O'Brien"),
        ("Signed: Bell, Andrew", "Bell, Andrew"),
        ("These findings were discussed with Zwelinzima Okonkwo-Baptiste by telephone.", "Zwelinzima Okonkwo-Baptiste"),
        ("Wibowo, Hansjoachim was notified at the time of the study.", "Wibowo, Hansjoachim"),
        ("The study was reviewed with dr. gonzalez.", "gonzalez"),
        ("Preliminary read provided to DALES SIOCHAIN in the ED.", "DALES SIOCHAIN"),
    ],
)
def test_names_with_context_are_removed(rules_only, sentence, phi):
    assert removed(rules_only, sentence, phi)


def test_name_on_the_lists_is_removed_without_context(rules_only):
    assert removed(rules_only, "Comparison with the film reviewed by the team and Svetlana Kowalczyk today.", "Svetlana Kowalczyk")


@pytest.mark.parametrize(
    "sentence",
    [
        "Mass in the right upper lobe is unchanged.",
        "Young woman with cough.",
        "Gross appearance of the lungs is unchanged.",
        "Hall effect artifacts are absent.",
        "Bell-shaped chest wall deformity.",
        "Trace left pleural effusion.",
        "Tiny right apical pneumothorax.",
        "The 4th anterior rib overlies the nodule.",
        "Cardiothoracic ratio of 0.55.",
        "A 3.2 x 2.8 cm nodule at T4 and L1, C7 intact.",
        "PA and lateral views of the chest. AP portable upright view.",
        "An 89-year-old man with dyspnea.",
        "Endotracheal tube tip is 4.5 cm above the carina.",
        "The patient may be repositioned.",
        "There is a 2 mm nodule and a 10 mm nodule.",
    ],
)
def test_clinical_text_is_left_alone(rules_only, sentence):
    result = rules_only.deidentify(sentence)
    assert result.text == sentence, [sentence[s.start:s.end] for s in result.spans]


def allow_terms() -> list[str]:
    return [line.strip() for line in _data_text("allow_terms.txt").splitlines() if line.strip() and not line.startswith("#")]


def test_no_allow_listed_term_is_removed_by_the_rules(rules_only):
    lost = []
    for term in allow_terms():
        for sentence in (f"There is {term} again noted.", f"{term} is unchanged.", f"Findings: {term}."):
            result = rules_only.deidentify(sentence)
            if term not in result.text:
                lost.append((term, result.text))
    assert not lost, lost[:20]


def test_title_beats_the_allow_list(rules_only):
    # an eponym is also a surname: with an explicit title it is a person
    assert removed(rules_only, "Discussed with Dr. Foley at 10:15.", "Foley")


def test_existing_underscores_are_kept(rules_only):
    text = "___ year old woman. Comparison: ___. Discussed with Dr. ___ at ___."
    result = rules_only.deidentify(text)
    assert result.text == text
    assert result.spans == []


def test_deny_list_removes_the_ehr_identifiers_even_without_context(rules_only):
    text = "Patient Snow seen. Old id 00123456 and phone 617 555 0100. Lake view unchanged. Young woman."
    deny = ["SNOW^LAKE", "00123456", "617-555-0100"]
    result = rules_only.deidentify(text, deny=deny)
    assert "Snow" not in result.text
    assert "00123456" not in result.text
    assert "617 555 0100" not in result.text
    # a common-word name part goes only where it is written as a name
    assert "Lake view" not in result.text
    assert "Young woman" in result.text


def test_ages_up_to_89_are_kept_and_over_89_removed(rules_only):
    assert rules_only.deidentify("An 89 year old man.").text == "An 89 year old man."
    assert rules_only.deidentify("A 90 year old man.").text == "A ___ year old man."


def test_rules_digest_changes_with_the_data_files():
    rules = default_rules()
    assert len(rules.digest) == 64
    assert rules.pattern_version


MIMIC_STYLE_FINDINGS = """\
PA and lateral views of the chest provided.
Right internal jugular central venous catheter terminates in the mid SVC.
Interval placement of an endotracheal tube which terminates 5.2 cm above the carina.
Enteric tube courses below the diaphragm with tip in the stomach, side port near the GE junction.
Left-sided pacemaker with leads terminating in the right atrium and right ventricle.
Healed right posterior fifth and sixth rib fractures.
Stable 8 mm nodule projecting over the left mid lung, previously characterized on CT.
Dobhoff tube has been advanced and now terminates in the duodenum.
Port-a-cath terminates at the cavoatrial junction.
Recommend followup chest radiograph in 6-8 weeks to document resolution.
There is a 1.5 cm rounded density in the right lower lobe, which may represent a nipple shadow.
Calcified lymph nodes in the AP window. Azygos fissure noted, a normal variant.
ET tube 3.5 cm above the carina; NG tube in the stomach; right PICC at the cavoatrial junction.
Heart size is top normal. Aorta is tortuous and calcified.
"""


def test_report_findings_written_by_hand_are_left_alone(rules_only):
    for line in MIMIC_STYLE_FINDINGS.splitlines():
        result = rules_only.deidentify(line)
        assert result.text == line, [line[s.start:s.end] for s in result.spans]


@pytest.mark.parametrize(
    ("sentence", "phi"),
    [
        ("Dr. Kowalski was paged at 10:43 on 05/14/2019 to discuss.", ["Kowalski", "10:43", "05/14/2019"]),
        ("Discussed by Dr. Patel with Dr. Nguyen on 3/2/2015 at 4:05 p.m.", ["Patel", "Nguyen", "3/2/2015", "4:05"]),
        ("Telephone notification to Sarah in the ED at 14:20.", ["Sarah", "14:20"]),
        ("Comparison: radiograph dated 12 Jan 2018 from St. Elizabeth's Medical Center.", ["12 Jan 2018", "Elizabeth"]),
        ("Seen in the Emergency Department of Brigham and Women's Hospital.", ["Brigham", "Women"]),
        ("Signed by Elizabeth Chen-Ramirez, M.D. on 2/14/2016 9:32 AM", ["Chen-Ramirez", "Elizabeth", "2/14/2016", "9:32"]),
        ("The patient lives at 45 Francis St, Boston, MA 02115.", ["45 Francis", "Boston", "02115"]),
        ("WET READ: JLo TUE 22:30", ["JLo", "22:30"]),
    ],
)
def test_phi_in_hand_written_report_sentences_is_removed(rules_only, sentence, phi):
    text = rules_only.deidentify(sentence).text
    for value in phi:
        assert value not in text, (value, text)


# -- names that are words or abbreviations, told by a field, a rank, a role, a cue or a line's shape --------------------
# (every name here is invented; each class is tried as written, in ALL CAPS and in lower case where capitals cannot help)


def left_of(deidentifier: ReportDeidentifier, text: str, phi: list[str]) -> list[str]:
    """The values of ``phi`` with a letter or digit left in the output."""
    return [value for value in phi if not removed(deidentifier, text, value)]


def three_renderings(text: str, phi: list[str], kept: list[str] = ()):
    """The text as written, in ALL CAPS and in lower case, with its PHI and its kept words in the same case."""
    for case in (str, str.upper, str.lower):
        yield case(text), [case(p) for p in phi], [case(k) for k in kept]


def assert_names_go_and_labels_stay(rules_only, text: str, phi: list[str], kept: list[str] = ()) -> None:
    for rendered, values, words in three_renderings(text, phi, kept):
        result = rules_only.deidentify(rendered)
        assert not left_of(rules_only, rendered, values), (rendered, result.text)
        for word in words:
            assert word in result.text, (word, rendered, result.text)


def assert_kept_in_any_case(rules_only, text: str) -> None:
    for case in (str, str.upper, str.lower):
        rendered = case(text)
        result = rules_only.deidentify(rendered)
        assert result.text == rendered, [rendered[s.start:s.end] for s in result.spans]


# a header's line inside a note whose narrative is in both cases
VISTA_NOTE = "LOCAL TITLE: Chest Film Review\n{line}\nThe chest film shows clear lungs and a normal heart size."


@pytest.mark.parametrize(
    ("line", "phi", "kept"),
    [
        # a given name that is also a clinical abbreviation, after "SURNAME," in a person's field
        ("COSIGNER: BRANDVOLD,ANA J", ["BRANDVOLD", "ANA J"], ["COSIGNER:"]),
        ("EXP COSIGNER: TEMBO-ASANTE, AMA K", ["TEMBO-ASANTE", "AMA K"], ["EXP COSIGNER:"]),
        ("CHILD: NWOSU-BELL, AMA K SEX: F", ["NWOSU-BELL", "AMA K"], ["SEX: F"]),
        ("PATIENT: HALVORSEN, ED M  MRN 4418207", ["HALVORSEN", "ED M", "4418207"], ["MRN"]),
        ("re: lindqvist-moe, bo t  dob: 3/4/19", ["lindqvist-moe", "bo t", "3/4/19"], ["dob:"]),
        ("NAME: SOLBERG, AMA", ["SOLBERG", "AMA"], []),
        # the middle initial after any "SURNAME, GIVEN", the next field's label left alone
        ("AUTHOR: ROSALES PINEDA,MARTA Q EXP COSIGNER: IWU,CHIKA", ["ROSALES PINEDA", "MARTA Q", "IWU,CHIKA"], ["EXP COSIGNER:"]),
        ("Re: Tran,, Ewan R  DOB 1/2/03", ["Tran", "Ewan R", "1/2/03"], ["DOB"]),
    ],
)
def test_a_given_name_that_is_an_abbreviation_and_the_initial_after_a_comma_name_go_in_a_persons_field(rules_only, line, phi, kept):
    assert_names_go_and_labels_stay(rules_only, VISTA_NOTE.format(line=line), phi, kept)


@pytest.mark.parametrize(
    "text",
    [
        "Labs sent: CRP, ANA, RF and ESR.",
        "HX: SLE, ANA POSITIVE.",
        "Disposition: home, ED return precautions given.",
        "Dx: COPD, AMA discharge last year.",
        "PMH: GERD, CAD s/p CABG.",
        "Mother: lupus, ANA",
    ],
)
def test_a_list_of_abbreviations_after_a_field_is_no_comma_name(rules_only, text):
    assert_kept_in_any_case(rules_only, text)


# ranks before a surname in a note whose narrative is in both cases
WARD_NOTE = "Chest film reviewed with the team.\n{line}\nLungs are clear and the heart size is normal."


@pytest.mark.parametrize(
    ("line", "phi"),
    [
        # ranks that are also abbreviations, before a surname that is also a word, where the name ends
        ("REVIEWED: MAJ Price 12-MAR-98", ["Price", "12-MAR-98"]),
        ("Consent witnessed by MSG Stone at bedside.", ["Stone"]),
        ("Result called to GEN Marsh, aware.", ["Marsh"]),
        ("GEN Marsh at bedside for the transfer.", ["Marsh"]),
        ("Escort: MSG Hale", ["Hale"]),
        ("MAJ Price aware of the result.", ["Price"]),
        ("Escort: CDR Frost", ["Frost"]),
        ("COL Banks notified of the result.", ["Banks"]),
        ("CPT Rivers at bedside for the move.", ["Rivers"]),
        # ranks already read as titles, before such a surname
        ("Escorted by SGT Mason.", ["Mason"]),
        ("REVIEWED: LTC Hunter 12-MAR-98", ["Hunter", "12-MAR-98"]),
        ("1LT Green notified.", ["Green"]),
        ("SSG Wood at bedside.", ["Wood"]),
        ("CAPT. Rivers notified.", ["Rivers"]),
    ],
)
def test_a_surname_that_is_a_word_after_a_rank_is_removed_in_any_case(rules_only, line, phi):
    assert_names_go_and_labels_stay(rules_only, WARD_NOTE.format(line=line), phi)


@pytest.mark.parametrize(
    "text",
    [
        # what the ranks' letters also are: a billing code, general medicine or appearance, a message, a column, a rating
        "CPT code 71046 billed.",
        "Billing: CPT code 71046.",
        "Gen Med consult for hyponatremia.",
        "Unit: Gen Med    Bed: 4",
        "Gen Surg ward round.",
        "Gen well, NAD.",
        "Msg left for PCP.",
        "Msg given to mom.",
        "Msg sent to the covering team.",
        "Col 3 of the flowsheet.",
        "Maj fissure thickened.",
        "Clinical Dementia Rating: CDR sum of boxes 4.5, global CDR 1.",
        "No LTC beds available.",
    ],
)
def test_the_letters_of_a_rank_that_are_an_abbreviation_keep_the_words_after_them(rules_only, text):
    assert_kept_in_any_case(rules_only, text)


@pytest.mark.parametrize(
    ("line", "phi"),
    [
        # a role, a given name and a surname, both words of the language, then a telephone number
        ("Assigned caseworker Hope Frost, (617) 555-0143, will call.", ["Hope Frost", "(617) 555-0143"]),
        ("School nurse Holly Bright, 555-201-7788, reports naps in class.", ["Holly Bright", "555-201-7788"]),
        ("Coordinator Autumn Stone at 617-555-0143 arranges rides.", ["Autumn Stone", "617-555-0143"]),
        ("Social worker Faith Rivers 617-555-0143 following.", ["Faith Rivers", "617-555-0143"]),
        # a role that only ever names a person, then a given name and a surname, then the clause's end or what they say
        ("Teacher Hope Rivers reports he is sleepy in class.", ["Hope Rivers"]),
        ("Labour went well (midwife Faith Young).", ["Faith Young"]),
        ("Doula Joy Lake present for the birth.", ["Joy Lake"]),
        ("Chaplain Dawn Marsh, visited and prayed with family.", ["Dawn Marsh"]),
    ],
)
def test_a_given_name_and_a_surname_that_are_words_after_a_role_are_removed_in_any_case(rules_only, line, phi):
    assert_names_go_and_labels_stay(rules_only, WARD_NOTE.format(line=line), phi)


@pytest.mark.parametrize(
    "text",
    [
        "Teacher conference held at school.",
        "Midwife led care planned.",
        "Teacher reports he naps in class.",
        "Doula support present for the birth.",
        "Chaplain services offered, declined.",
        "Counselor joy group, weekly.",
    ],
)
def test_words_after_a_role_that_name_no_one_are_kept(rules_only, text):
    assert_kept_in_any_case(rules_only, text)


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("Call the school nurse at 555-201-7788.", "Call the school nurse at"),
        ("Caseworker will call 617-555-0143 tomorrow.", "Caseworker will call"),
        ("Social worker called family at 555-201-7788.", "Social worker called family at"),
        ("Teacher phone number 555-201-7788 on file.", "Teacher phone number"),
        ("Case manager faxed the forms to 617-555-0143.", "Case manager faxed the forms to"),
        ("RN gave report to oncoming shift at 555-201-7788.", "RN gave report to oncoming shift at"),
    ],
)
def test_words_after_a_role_before_a_telephone_that_name_no_one_are_kept(rules_only, text, kept):
    for case in (str, str.upper, str.lower):
        assert case(kept) in rules_only.deidentify(case(text)).text, rules_only.deidentify(case(text)).text


@pytest.mark.parametrize(
    ("line", "phi"),
    [
        # an appointment's, an update's or a discussion's cue, then a surname alone that is also a word
        ("Appt booked 3/2 at 10:00 am with Frost.", ["Frost"]),
        ("Follow-up scheduled with Price on 4/5.", ["Price", "4/5"]),
        ("Parents updated at bedside by Frost; questions answered.", ["Frost"]),
        ("Family updated by Sterling at 1400.", ["Sterling"]),
        ("Plan reviewed with Bishop.", ["Bishop"]),
        ("D/w RT(R) Gentry about the portable film.", ["Gentry"]),
        ("D/w PGY-3 Sterling re: vent settings.", ["Sterling"]),
        ("D/w PA Gentry re: discharge.", ["Gentry"]),
        ("D/w SW Marsh re: discharge.", ["Marsh"]),
    ],
)
def test_a_surname_that_is_a_word_after_an_appointment_update_or_discussion_is_removed_in_any_case(rules_only, line, phi):
    assert_names_go_and_labels_stay(rules_only, WARD_NOTE.format(line=line), phi)


@pytest.mark.parametrize(
    "text",
    [
        "Follow-up scheduled with cardiology next week.",
        "Appt booked with pulmonary clinic.",
        "Appt scheduled with mom present.",
        "Discharged with Lasix.",
        "Follow up with oxygen as needed.",
        "Parents updated by phone.",
        "Parents updated at bedside by RN.",
        "Taking fluids by mouth.",
        "Family updated by report.",
        "D/w pt and family.",
        "D/w team.",
        "D/w attending.",
        "D/w radiology.",
        "Bishop score 8, favorable cervix.",
        "Plan reviewed with Bishop score in mind.",
        "Induction plan reviewed with bishop score of 8.",
        "Parents updated by night team.",
        "Parents updated by bedside nurse.",
        "Follow-up scheduled with repeat imaging in 6 weeks.",
        "Appt scheduled with GI next week.",
        "Consented by surgical team.",
        "Educated by pharmacy.",
        "Appt arranged with social work.",
        "Booked with interpreter.",
    ],
)
def test_words_after_an_appointment_update_or_discussion_that_name_no_one_are_kept(rules_only, text):
    assert_kept_in_any_case(rules_only, text)


FAMILY_MEETING = "Family meeting held in the conference room.\n{line}\nPlan: home on Friday."


@pytest.mark.parametrize(
    ("line", "phi"),
    [
        # a support person's field holding a given name and a surname, both words of the language
        ("Support: Hope Rivers.", ["Hope Rivers"]),
        ("Support person: Joy Lake", ["Joy Lake"]),
        ("Support: Faith Young at bedside.", ["Faith Young"]),
    ],
)
def test_a_support_persons_name_of_two_words_is_removed_in_any_case(rules_only, line, phi):
    assert_names_go_and_labels_stay(rules_only, FAMILY_MEETING.format(line=line), phi)


@pytest.mark.parametrize(
    "text",
    [
        "Support: Church Friends.",
        "Support: Church Group.",
        "Support: Good Neighbor.",
        "Support: Strong Family.",
        "Support: Church Members at bedside.",
        "Support: Faith Community.",
        "Support: Good Neighbors.",
        "Support: Close Friends.",
    ],
)
def test_a_support_fields_words_that_name_a_group_are_kept(rules_only, text):
    assert_kept_in_any_case(rules_only, text)


@pytest.mark.parametrize(
    ("text", "phi"),
    [
        # a newborn's label alone on its line after a note's title, or above a record's field: the family name, though a word
        ("NICU Progress Note\nPink, Baby Girl\nDOL 3, on room air.", ["Pink"]),
        ("Newborn Admission Note\nWhite, Baby Boy A\nBorn at 38 weeks by SVD.", ["White"]),
        ("Nursery Discharge Summary\nStone, Baby Boy\nFeeding well.", ["Stone"]),
        ("Long, Baby Girl\nMRN: 4418207\nDOL 2, feeding well.", ["Long", "4418207"]),
    ],
)
def test_a_newborns_family_name_alone_on_a_header_line_is_removed_in_any_case(rules_only, text, phi):
    assert_names_go_and_labels_stay(rules_only, text, phi, ["Baby"])


@pytest.mark.parametrize(
    "text",
    [
        "Nursery Note\nWell, baby girl feeding well.",
        "Nursery Note\nCold, baby boy placed under warmer.",
        "Nursery Note\nWeak, baby boy crying weakly.",
        "NICU Progress Note\nTerm, baby girl, born via SVD.",
    ],
)
def test_how_a_newborn_is_on_the_line_after_a_title_is_kept(rules_only, text):
    assert_kept_in_any_case(rules_only, text)


def test_a_newborns_label_in_small_letters_below_a_title_says_how_the_newborn_is_where_capitals_mean_something(rules_only):
    text = "Nursery Note\nPale, baby boy\nFeeding well, voiding and stooling."
    assert rules_only.deidentify(text).text == text


@pytest.mark.parametrize(
    ("line", "phi"),
    [
        # a fax header's sender, a given name and a surname that is a word, then the department
        ("FROM: Kenji Hart, Medical Records", ["Kenji Hart"]),
        ("From: Ines Field, HIM Dept", ["Ines Field"]),
        ("From: Hope Field, Release of Information", ["Hope Field"]),
        ("Date: 3/4/19  From: Joy Hart, Medical Records  Pages: 3", ["Joy Hart", "3/4/19"]),
    ],
)
def test_a_fax_senders_name_before_the_department_is_removed_in_any_case(rules_only, line, phi):
    assert_names_go_and_labels_stay(rules_only, "Fax cover sheet\n" + line + "\nPlease find the requested films enclosed.", phi,
                                    ["Medical Records" if "Medical" in line else "From"])


@pytest.mark.parametrize("text", ["From: Radiology, Medical Records", "From: the front desk, medical records"])
def test_a_fax_header_from_a_department_names_no_one(rules_only, text):
    assert_kept_in_any_case(rules_only, text)


# -- a review's faults: each class tried as written, in ALL CAPS and in lower case, alone and inside a note in both cases --


def assert_line_kept_in_any_case(rules_only, line: str) -> None:
    """The line is kept alone (where a short line's capitals tell nothing) and inside a note written in both cases."""
    assert_kept_in_any_case(rules_only, line)
    for case in (str, str.upper, str.lower):
        rendered = case(WARD_NOTE.format(line=line))
        result = rules_only.deidentify(rendered)
        assert case(line) in result.text, (rendered, result.text)


def assert_name_goes_alone_and_in_a_note(rules_only, line: str, phi: list[str]) -> None:
    assert_names_go_and_labels_stay(rules_only, line, phi)
    assert_names_go_and_labels_stay(rules_only, WARD_NOTE.format(line=line), phi)


@pytest.mark.parametrize(
    ("line", "phi"),
    [
        # an eponym's word after a discussion's cue, before clinical vocabulary that makes no eponymous term with it
        ("Findings discussed with Bell ED attending.", ["Bell"]),
        ("Findings discussed with Bishop ICU fellow.", ["Bishop"]),
        ("Discussed with Graves bedside nurse.", ["Graves"]),
        ("Discussed with Hunter surgery resident.", ["Hunter"]),
        ("Case reviewed with Wilson radiology fellow.", ["Wilson"]),
        ("Findings discussed with Bell ED attending at 14:00.", ["Bell", "14:00"]),
    ],
)
def test_an_eponyms_word_before_clinical_words_it_makes_no_term_with_is_a_surname_after_a_discussion(rules_only, line, phi):
    assert_name_goes_alone_and_in_a_note(rules_only, line, phi)


@pytest.mark.parametrize(
    "line",
    [
        "Plan reviewed with Bishop score 8.",
        "Plan discussed with Hunter syndrome team.",
        "Induction plan reviewed with Bishop score of 6.",
    ],
)
def test_an_eponymous_term_after_a_discussion_is_kept(rules_only, line):
    assert_line_kept_in_any_case(rules_only, line)


@pytest.mark.parametrize(
    "line",
    [
        "D/w R3 Sickle cell team.",
        "D/w R2 Stroke team",
        "D/w FY1 Ward sister",
        "D/W R3 NIGHT TEAM",
        "D/w PGY-2 Bishop score 8.",
        "D/w FY2 Pain team.",
        "D/w R2 Stroke team about thrombolysis.",
        "D/w R3 Sickle cell service.",
        "D/w ST3 Renal reg.",
    ],
)
def test_a_team_or_a_clinical_word_after_a_discussion_and_a_grade_is_kept(rules_only, line):
    assert_line_kept_in_any_case(rules_only, line)


@pytest.mark.parametrize(
    ("line", "phi"),
    [
        ("D/w R1 Frost about the film.", ["Frost"]),
        ("D/w PGY-1 Bell re: plan.", ["Bell"]),
        ("D/w PGY-3 Sterling re: the portable film.", ["Sterling"]),
    ],
)
def test_a_surname_after_a_discussion_and_a_grade_is_removed_in_any_case(rules_only, line, phi):
    assert_name_goes_alone_and_in_a_note(rules_only, line, phi)


@pytest.mark.parametrize(
    "line",
    [
        # after a booking's or an update's cue, a word no list of names holds, a hyphenated service or short capitals
        "Follow-up scheduled with Heme-Onc next week.",
        "Follow-up scheduled with Ob-Gyn on Tuesday.",
        "Follow-up scheduled with NSGY in 2 weeks.",
        "Mom updated by VM.",
        "Mom updated by MyChart.",
        "Mom updated by FaceTime.",
        "Parents educated by teach-back.",
        "Feeds scheduled q3h with Similac 24 kcal.",
        "Ride arranged with Lyft.",
        "Labs scheduled with LabCorp.",
        "Ride arranged with Lyft online today.",
        "Dad updated by Zoom this evening.",
        "Visit scheduled with Peds-Cards next week.",
    ],
)
def test_a_service_or_a_way_after_an_appointment_or_an_update_is_kept(rules_only, line):
    assert_line_kept_in_any_case(rules_only, line)


@pytest.mark.parametrize(
    "line",
    [
        # "with" or "by" governed by another phrase than the cue's verb
        "Appt rescheduled due to conflict with work.",
        "Appointment missed due to problems with Medicaid.",
        "Scheduled in accordance with policy.",
        "Patient consented as required by law.",
        "Mom counseled on illness caused by mold.",
        "Appt booked but clashes with work.",
        "Parents updated and reassured by progress.",
    ],
)
def test_with_or_by_that_the_cue_does_not_govern_is_kept(rules_only, line):
    assert_line_kept_in_any_case(rules_only, line)


@pytest.mark.parametrize(
    ("line", "phi"),
    [
        ("Appt booked with Frost on 4/5.", ["Frost", "4/5"]),
        ("Appt booked with Frost-Young on 4/5.", ["Frost-Young", "4/5"]),
        ("Appt scheduled for Monday with Price.", ["Price"]),
        ("Parents updated at the bedside by Frost.", ["Frost"]),
        ("Appt booked 3/2 at 10:00 am with Frost.", ["Frost", "3/2"]),
    ],
)
def test_a_listed_surname_the_cue_governs_is_removed_in_any_case(rules_only, line, phi):
    assert_name_goes_alone_and_in_a_note(rules_only, line, phi)


@pytest.mark.parametrize(
    ("line", "phi"),
    [
        # a commander's letters are a title again, a clinical dementia rating told by what follows them
        ("Per CDR Smith the film is unchanged.", ["Smith"]),
        ("CDR Smith reviewed the film.", ["Smith"]),
        ("Escort: CDR Frost-Young", ["Frost-Young"]),
        ("Results given to CDR Adeyemi by phone.", ["Adeyemi"]),
        ("Cmdr Frost at bedside.", ["Frost"]),
        # ward shorthand that is a surname, written as a name after a rank
        ("Consent witnessed by MAJ Well.", ["Well"]),
        ("Transported by LT Code.", ["Code"]),
        ("Escort: CPT Code", ["Code"]),
    ],
)
def test_a_surname_after_a_commanders_letters_or_shorthand_after_a_rank_is_removed_in_any_case(rules_only, line, phi):
    assert_name_goes_alone_and_in_a_note(rules_only, line, phi)


@pytest.mark.parametrize(
    ("line", "phi"),
    [
        # a listed surname written as a name after a rank's capitals, where the note's capitals show it
        ("Per MAJ Smith the film is unchanged.", ["Smith"]),
        ("Per COL Smith the film is unchanged.", ["Smith"]),
        ("Per GEN Smith the film is unchanged.", ["Smith"]),
        ("Per MSG Smith the film is unchanged.", ["Smith"]),
        ("Called MAJ Smith with results.", ["Smith"]),
        ("CPT Price-Young at bedside.", ["Price-Young"]),
        ("MAJ Rivers-Hale at bedside.", ["Rivers-Hale"]),
        # a given name and ward shorthand that is a surname
        ("Anna Well notified.", ["Anna", "Well"]),
        ("Sam Code notified.", ["Sam", "Code"]),
        ("Anna Med notified.", ["Anna", "Med"]),
    ],
)
def test_a_listed_surname_after_a_rank_or_a_given_name_is_removed_where_capitals_show_it(rules_only, line, phi):
    text = WARD_NOTE.format(line=line)
    assert not left_of(rules_only, text, phi), rules_only.deidentify(text).text


@pytest.mark.parametrize(
    "line",
    [
        # a clinical dementia rating
        "CDR sum of boxes 4.5.",
        "CDR global 1.",
        "CDR Global score 1.",
        "CDR 0.5, MMSE 24.",
        "CDR-SB 3.5",
        # a general exam's heading before how the patient looks
        "GEN Pleasant, NAD",
        "gen quiet, cooperative",
        "GEN Young, healthy appearing",
        "GEN Good color",
        "MSG Bright and alert",
        "GEN Well",
        "Gen Happy, playful toddler.",
        "GEN Frail elderly man.",
        # the letters of a rank before a word of medicine or billing
        "CPT code 71046",
        "CPT codes reviewed.",
        "LT Foot drop noted.",
        "LT Big toe swollen.",
        "CPT Modifier 26 applied.",
        # ward shorthand before a team's word, or how a problem goes
        "Family debriefed by Code team.",
        "Seen by Med team today.",
        "IMP: ADHF, DIURESING WELL",
        "A/P: CHF, tolerating meds",
    ],
)
def test_a_rating_an_exam_heading_or_shorthand_after_a_ranks_letters_is_kept(rules_only, line):
    assert_line_kept_in_any_case(rules_only, line)


@pytest.mark.parametrize(
    "text",
    ["PE:\nGEN Frail, NAD\nHEENT: MMM", "PHYSICAL EXAM:\nGEN Pleasant, NAD\nHEENT NCAT\nCV RRR",
     "Newborn Exam\nWell, Baby Girl\nNo dysmorphic features.", "Newborn Exam\nWell Appearing, Baby Girl\nNo distress."],
)
def test_an_exams_lines_are_kept(rules_only, text):
    assert_kept_in_any_case(rules_only, text)


def test_a_newborns_family_name_that_is_shorthand_goes_above_a_record_field(rules_only):
    assert_names_go_and_labels_stay(rules_only, "Impression\nWell, Baby Boy\nMRN: 4418207", ["Well", "4418207"], ["Baby Boy"])


@pytest.mark.parametrize(
    ("line", "phi", "kept"),
    [
        # a rank's letters that are a given name after "SURNAME," in a person's field (no rank there: "GEN: NAD" is none)
        ("child: tanaka, gen k", ["tanaka", "gen k"], ["child:"]),
        ("CHILD: TANAKA, GEN K  SEX: M", ["TANAKA", "GEN K"], ["SEX: M"]),
        ("PATIENT: CO VAN HOUTEN, MARISKA J", ["VAN HOUTEN", "MARISKA J"], ["PATIENT:"]),
    ],
)
def test_a_persons_field_reads_a_ranks_letters_as_a_given_name_and_a_header_rank_from_the_list(rules_only, line, phi, kept):
    assert_names_go_and_labels_stay(rules_only, VISTA_NOTE.format(line=line), phi, kept)


@pytest.mark.parametrize(
    ("line", "phi"),
    [
        # a given name and a surname that is a group's word after a role, then a pager, an extension or a telephone
        ("social worker faith church pg 40912", ["faith church", "40912"]),
        ("SOCIAL WORKER HOPE HOUSE X31177", ["HOPE HOUSE", "X31177"]),
        ("caseworker joy parish ext. 4410", ["joy parish", "4410"]),
        ("Caseworker Hope Chapel, (617) 555-0143, will call.", ["Hope Chapel", "(617) 555-0143"]),
    ],
)
def test_a_surname_that_is_a_groups_word_before_a_way_to_reach_the_person_is_removed_in_any_case(rules_only, line, phi):
    assert_names_go_and_labels_stay(rules_only, line, phi)


@pytest.mark.parametrize(
    "line",
    [
        # a camp, a garden, a mentoring or a youth program after a role or in a support field; a field's placeholder
        "TEACHER SUMMER CAMP",
        "CHAPLAIN ROSE GARDEN VISITED",
        "Support: Peer Mentor.",
        "Support: Young Life.",
        "Support: Peer Mentors at bedside.",
        "Expected cosigner: Unknown",
        "Attending: Unknown",
        "Support - Church Group.",
        "Support - ventilator.",
    ],
)
def test_a_program_a_place_or_a_placeholder_after_a_role_or_a_field_is_kept(rules_only, line):
    assert_kept_in_any_case(rules_only, line)


@pytest.mark.parametrize(
    ("line", "phi"),
    [
        ("Support: Hope Rivers 617-555-0143.", ["Hope Rivers", "617-555-0143"]),
        ("Support - Hope Rivers.", ["Hope Rivers"]),
        ("Support person - Joy Lake at bedside.", ["Joy Lake"]),
    ],
)
def test_a_support_persons_name_before_a_telephone_or_after_a_dash_is_removed_in_any_case(rules_only, line, phi):
    assert_name_goes_alone_and_in_a_note(rules_only, line, phi)
