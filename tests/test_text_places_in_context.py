"""Places read by the words around them: a location's field against a loss of consciousness, a ward in a unit's
bracket, an air base against an antibody or a specimen, an origin against a care setting written as one word, where
someone lives or stays against what they lie in, a hospital's building called by a name, a street broken over two
lines, a state's code against a credential or an abbreviation.

The examples are written here for these tests: none comes from a corpus the rules are measured on
(benchmarks/report_blind.py).
"""

from __future__ import annotations

import pytest

from tests.test_text_classes import leaked, renderings

# a note's opening line in both cases: a short sentence alone, with one capital, is a text whose capitals mean nothing
NOTE = "Chest radiograph reviewed today. Heart size is normal and the lungs are clear.\n"


def in_a_note(sentence: str, words: list[str]):
    """The three renderings of a sentence after a note's opening line, so that as written its capitals mean something."""
    yield from renderings(NOTE + sentence, words)

PLACES = [
    # a "LOC:" field naming a place, though its words are English words ("LOC: brief" answers a loss of consciousness)
    ("LOC: Concord\nCT head: negative.", ["Concord"]),
    ("Sex: M   LOC: Fair Oaks\nCXR: clear.", ["Fair Oaks"]),
    ("Age: 71   LOC: Pleasant Hill\nIndication: cough.", ["Pleasant Hill"]),
    # a ward's name and number in a unit's bracket with a bed's number after it
    ("Transferred to the CCU (Pemberton 4 bed 2) overnight.", ["Pemberton 4"]),
    ("Admitted to the MICU (Baker 7 bed 4) from the ED.", ["Baker 7"]),
    # ... and a ward called by its colour there
    ("Transfer to SICU (Red 7 bed 2) post-op.", ["Red 7"]),
    # a ward before a unit's abbreviation that the other unit words name too
    ("Recovered in Bishop 4 PACU after the lobectomy.", ["Bishop 4"]),
    ("Seen in Baker 6 HDU overnight.", ["Baker 6"]),
]


@pytest.mark.parametrize(("sentence", "phi"), PLACES)
def test_places_are_removed_in_any_case(rules_only, sentence, phi):
    for text, values in renderings(sentence, phi):
        assert not leaked(rules_only, text, values), (text, rules_only.deidentify(text).text)


CLINICAL = [
    # "LOC:" answering a loss of consciousness
    "Fall from ladder. LOC: unwitnessed. CT head ordered.",
    # an antibody's letters after "on", "in" or "to"
    "Immune on anti-HBs Ab, no booster needed.",
    "Positive on MuSK Ab, negative on AChR Ab.",
    "Positive on GluR Ab, repeat in 6 weeks.",
    "Increase in dsDNA Ab, C3 low.",
    "Seroconverted to HBs Ab after the third dose.",
    # a care setting written as one word after "from"
    "Pt from nursinghome, here for sob.",
    "Pt from carehome. Chest pain.",
    "Pt from fosterhome, brought by caseworker.",
    "Pt from homecare. Cough x3 days.",
    # what someone lies in all day
    "Lives in bed. Sacral ulcer noted.",
]


@pytest.mark.parametrize("sentence", CLINICAL)
def test_clinical_words_read_as_places_are_kept(rules_only, sentence):
    for text, _ in renderings(sentence, []):
        result = rules_only.deidentify(text)
        assert result.text == text, [text[s.start:s.end] for s in result.spans]


# guards beside those fixes, removed and kept before them too


@pytest.mark.parametrize(
    ("sentence", "phi"),
    [
        # a town no list knows after "from", ending in a place's word, though its parts are words; one whose parts
        # are words, none of them a home or care
        ("Pt from brackenvale, arrived by private car.", ["brackenvale"]),
        ("Pt from ashbarrow, arrived by private car.", ["ashbarrow"]),
        # a place after a loss of consciousness's word in a location's field
        ("LOC: none - Quillfield Manor\nCXR: clear.", ["Quillfield"]),
        # a ward in a unit's bracket closing after its number or a comma
        ("Moved to the MICU (Thackeray 6, bay 1) for BiPAP.", ["Thackeray 6"]),
        ("Admitted to the SICU (Dunmore 9 rm 3) post-op.", ["Dunmore 9"]),
        # an air base after a posting, though its name reads as letters; a listed place after "in"; a word after "at"
        ("Husband deployed to Isa AB in the spring.", ["Isa AB"]),
        ("Father was stationed in Osan AB for two years.", ["Osan AB"]),
        ("Served two tours at Kessing AB, then retired.", ["Kessing AB"]),
    ],
)
def test_places_beside_those_words_are_still_removed(rules_only, sentence, phi):
    for text, values in renderings(sentence, phi):
        assert not leaked(rules_only, text, values), (text, rules_only.deidentify(text).text)


@pytest.mark.parametrize(
    "sentence",
    [
        "Head strike, LOC: ? brief, approx 30 sec, GCS 15.",
        "MVC. LOC: + x 2 min. Neck pain.",
        "Rise in GAD Ab since the last visit.",
        "Treatment based on TPO Ab levels.",
        "Lives in recliner since the fall. Orthopnea.",
        "Lives in wheelchair, dense hemiplegia.",
        # a bed space, a score or a post-operative day in a unit's bracket, whatever follows its number
        "Admitted to the MICU (bay 3 by the window).",
        "Transfer to SICU (POD 2 s/p Whipple).",
        "Admitted to the CCU (Killip 2 on arrival).",
        # a loss of consciousness answered in words, who saw it or who reported none
        "LOC: None reported by EMS. Neck pain.",
        "LOC: did not lose consciousness per son.",
        "LOC: witnessed by wife, approx 20 sec.",
        # a score's eponym in a unit's bracket, the bracket going on after its number
        "Sent to PACU (Aldrete 9 at discharge).",
        "Sent to PACU (Bromage 0 on arrival).",
    ],
)
def test_clinical_words_beside_those_places_are_still_kept(rules_only, sentence):
    for text, _ in renderings(sentence, []):
        result = rules_only.deidentify(text)
        assert result.text == text, [text[s.start:s.end] for s in result.spans]


# a hospital's building called by a name and a building's word: after a location's field, after "in" or "at" where an
# appointment, a visit or a clock time comes first, in brackets after a service; the name may be written with an
# apostrophe, and a heading's word after it ("floor") is no heading
BUILDINGS = [
    ("Loc: Hawthorne Hall, 2nd floor\nCXR: clear.", ["Hawthorne Hall"]),
    ("Sex: F   Loc: Kettering Hall 3rd floor", ["Kettering Hall"]),
    ("Location: O'Halloran Building\nIndication: cough.", ["O'Halloran Building"]),
    ("LOC: D'Arcy Wing\nPortable AP chest.", ["D'Arcy Wing"]),
    ("Your visit is on Monday at 2 PM at Wilson Hall.", ["Wilson Hall"]),
    ("Neurology clinic appointment at 1:15 PM in O'Keeffe Wing.", ["O'Keeffe Wing"]),
    ("Appointment at 11 AM in Baker Building, suite 4.", ["Baker Building"]),
    ("Pulmonary clinic visit today at 10:00 in Hope Tower.", ["Hope Tower"]),
    ("Infusion - Carver Hall, chair 6", ["Carver Hall"]),
    ("Oncology (Rose Hall) for cycle 3.", ["Rose Hall"]),
]


@pytest.mark.parametrize(("sentence", "phi"), BUILDINGS)
def test_a_hospitals_building_called_by_a_name_is_removed_in_any_case(rules_only, sentence, phi):
    for text, values in renderings(sentence, phi):
        assert not leaked(rules_only, text, values), (text, rules_only.deidentify(text).text)


def test_a_service_before_its_buildings_bracket_is_kept(rules_only):
    for text, _ in renderings("Location: Cardiology (Fenwick House)", []):
        result = rules_only.deidentify(text).text
        assert result.lower() == "location: cardiology (___)", result


@pytest.mark.parametrize(
    "sentence",
    [
        "Lives in a group house with four others.",
        "Lives in the house with her husband.",
        "LOC: chest wall tenderness after the fall.",
        "Concern for mass in the building up of fluid.",
        "Discharged to nursing home today.",
        # a sign of the chest film, in brackets or not
        "Pulmonary edema (bat wing) on today's film.",
        "Perihilar opacities in a bat wing distribution.",
    ],
)
def test_clinical_words_before_a_buildings_word_are_kept(rules_only, sentence):
    for text, _ in renderings(sentence, []):
        result = rules_only.deidentify(text)
        assert result.text == text, [text[s.start:s.end] for s in result.spans]


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        # a clock time before a building's word with no name (the time goes, the building's words stay)
        ("Appointment at 3 pm in the treatment building.", "in the treatment building."),
        ("Appointment at 2 pm in the main building, ground floor.", "in the main building, ground floor."),
        ("Lunch at noon in the dining hall, then PT.", "in the dining hall, then PT."),
        # ... or a word of the language, though some list holds it as a surname: a hall for what is done there
        ("Fell at 9 am at bingo hall.", "at bingo hall."),
        ("Fell at 9 am at music hall.", "at music hall."),
        ("Fell at 7 pm at dance hall, hit head.", "at dance hall, hit head."),
        ("Seen at 10 pm at pool hall by EMS.", "at pool hall by EMS."),
        ("Lunch at noon in mess hall, then PT.", "in mess hall, then PT."),
        ("Meeting at 2 pm at town hall.", "at town hall."),
        ("Arrived at 4 pm at group house.", "at group house."),
    ],
)
def test_a_buildings_word_after_a_clock_time_with_no_name_keeps_its_words(rules_only, sentence, kept):
    for text, (words,) in renderings(sentence, [kept]):
        result = rules_only.deidentify(text).text
        assert words in result, result


# a street's name broken over two lines by a hyphen: the house's number and both halves of the name go
@pytest.mark.parametrize(
    ("sentence", "phi"),
    [
        ("Patient lives at 2290 Cotton-\nwood Drive, Apt 4.", ["2290 Cotton", "wood Drive"]),
        ("6120 Brook-\nside Avenue, Dunmore, PA 18512", ["6120 Brook", "side Avenue", "Dunmore", "18512"]),
        ("Mailing address is 31 Elm-\nhurst St, Fairview.", ["31 Elm", "hurst St"]),
        ("Home: 418 Willow-\nbrook Lane\nKestrel Falls, OH 44012", ["418 Willow", "brook Lane", "Kestrel Falls"]),
        # an en dash at the break
        ("Lives at 14 Brook–\nside Ave. with her son.", ["14 Brook", "side Ave"]),
    ],
)
def test_a_street_broken_over_two_lines_is_removed_in_any_case(rules_only, sentence, phi):
    for text, values in renderings(sentence, phi):
        assert not leaked(rules_only, text, values), (text, rules_only.deidentify(text).text)


@pytest.mark.parametrize(
    "sentence",
    [
        # a clinical word broken over two lines, with a number before it but no street's word after it
        "Small left pneumo-\nthorax, unchanged.",
        "Unchanged since 2 pneumo-\nthorax drains were placed.",
        "Given 2 post-\nop doses of cefazolin.",
        # ... though a street's word closes the line's sentence ("place", "ct", "st", "dr"), or a word of time or of a
        # count the guards know ("days", "times") stands before it
        "2 left-\nsided tubes in place.",
        "3 follow-\nup ct scans.",
        "1 non-\nspecific ST change.",
        "2 peri-\npheral IVs in place.",
        "Seen 2 times by cardio-\nlogy dr.",
    ],
)
def test_a_clinical_word_broken_over_two_lines_is_no_street(rules_only, sentence):
    for text, _ in renderings(sentence, []):
        result = rules_only.deidentify(text)
        assert result.text == text, [text[s.start:s.end] for s in result.spans]


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        # a word of time or of a count after the number is no house's number, though the match runs over a line's break
        ("Pt is 2 days post-\nop Dr. Jones aware.", "2 days post-\nop Dr. "),
        ("Seen 2 times at Willow-\nbrook Park clinic.", "Seen 2 times at "),
    ],
)
def test_a_streets_guards_read_across_a_line_break(rules_only, sentence, kept):
    for text, (words,) in renderings(sentence, [kept]):
        result = rules_only.deidentify(text).text
        assert words in result, result


# a US state's code that is also a clinical abbreviation or a word, right after a town the rules found, after a comma or
# one blank, then a sentence's end, a comma, "with", a ZIP code or the text's end
@pytest.mark.parametrize(
    ("sentence", "phi"),
    [
        ("Discharged to Kestrelton, PA.", ["Kestrelton, PA"]),
        ("Lives in Ostrander MS with her daughter.", ["Ostrander MS"]),
        ("Lives in Shelbyville IN with wife.", ["Shelbyville IN"]),
        ("Lives in Bend OR with spouse.", ["Bend OR"]),
        ("Pt from Honolulu HI, here on vacation.", ["Honolulu HI"]),
        ("Family in Augusta ME.", ["Augusta ME"]),
        ("Lives in Kettleby, MD with his wife.", ["Kettleby, MD"]),
        ("Staying in Dunmore, OR.", ["Dunmore, OR"]),
        ("Moved from Pellsworth PA 18512 in June.", ["Pellsworth PA 18512"]),
    ],
)
def test_a_states_code_that_is_also_an_abbreviation_after_a_town_is_removed_in_any_case(rules_only, sentence, phi):
    for text, values in renderings(sentence, phi):
        assert not leaked(rules_only, text, values), (text, rules_only.deidentify(text).text)


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        # no town before the abbreviation
        ("MS flare, on steroids.", "MS flare, on steroids."),
        ("CXR PA and lateral views obtained.", "CXR PA and lateral views obtained."),
        ("Seen in clinic, MD aware.", "Seen in clinic, MD aware."),
        ("Pt to OR in the morning, IN and OUT cath overnight.", "Pt to OR in the morning, IN and OUT cath overnight."),
        # a credential after a person's given name, a title or a role and a surname that is also a town
        ("Seen by Ellery Boston MD.", " MD."),
        ("Discussed with Dr. Kettering, MD.", ", MD."),
        ("Seen by NP Dover, MD aware.", ", MD aware."),
        # a word that ends a wrapped line after a town
        ("Flew to Paris on\nFriday for a conference.", " on\nFriday for a conference."),
    ],
)
def test_an_abbreviation_no_town_makes_a_state_is_kept(rules_only, sentence, kept):
    for text, (words,) in renderings(sentence, [kept]):
        result = rules_only.deidentify(text).text
        assert words in result, result


@pytest.mark.parametrize(
    ("sentence", "phi"),
    [
        # a town of several words a cue, a preposition of place or a place's field places, though a word of it is a
        # given name
        ("Lives in Holly Springs, MS with husband.", ["Holly Springs, MS"]),
        ("Lives in Olive Branch, MS with husband.", ["Olive Branch, MS"]),
        ("Lives in Bay St. Louis, MS with husband.", ["Bay St. Louis, MS"]),
        ("Lives in Great Barrington, MA with husband.", ["Great Barrington, MA"]),
        ("Hometown: Holly Springs, MS", ["Holly Springs, MS"]),
        ("Pt from Olive Branch MS.", ["Olive Branch MS"]),
        # a code at a line's end, a field's label or a list's item on the next line
        ("FROM PORTLAND ME\nSOCIAL: NO ETOH", ["PORTLAND ME"]),
        ("LIVES IN GARY IN\nPMH: HTN, DM", ["GARY IN"]),
        ("Lives in Gary, IN\n- HTN\n- DM", ["Gary, IN"]),
        ("LIVES IN AUSTIN TX\nHTN, DM", ["AUSTIN TX"]),
        # when after the code: "in" a year or a season, "since"
        ("Moved from Portland ME in 2019.", ["Portland ME"]),
        ("Moved from Portland ME since 2019.", ["Portland ME"]),
        ("Moved from Portland, ME in the winter.", ["Portland, ME"]),
        # "and" after where someone lives
        ("Lives in Bend OR and works in Salem.", ["Bend OR"]),
    ],
)
def test_a_states_code_after_a_placed_town_is_removed_in_a_note_in_any_case(rules_only, sentence, phi):
    for text, values in in_a_note(sentence, phi):
        assert not leaked(rules_only, text, values), (text, rules_only.deidentify(text).text)


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        # the operating room after a town, its clinical phrase going on ("for", "and", "today", a comma and a clinical
        # word, the next line's "for")
        ("Pt taken to Dover OR for I&D by Dr. Jones.", " OR for I&D by Dr. "),
        ("Taken back to Bangor OR and re-explored.", " OR and re-explored."),
        ("Taken to Dover OR, then to PACU.", " OR, then to PACU."),
        ("Returned from Bangor OR, extubated.", " OR, extubated."),
        ("Pt to Dover OR today.", " OR today."),
        ("Transferred from Dover OR\nfor further care.", " OR\nfor further care."),
        # the conjunction where another place follows in its clause
        ("She lives alone in Dover or with her daughter in Salem.", " or with her daughter in "),
        # a credential after a person who is spoken to or seen by, though a town's words name them
        ("Seen by Olive Branch, MA today.", ", MA today."),
        ("Spoke to Olive Branch, MA, social worker.", ", MA, social worker."),
    ],
)
def test_a_states_code_that_goes_on_as_a_clinical_phrase_is_kept_in_a_note(rules_only, sentence, kept):
    for text, (words,) in in_a_note(sentence, [kept]):
        result = rules_only.deidentify(text).text
        assert words in result, result


@pytest.mark.parametrize(
    ("sentence", "phi"),
    [
        ("Lives in Harrisburg, Pa. with wife.", ["Harrisburg, Pa"]),
        ("Family in Annapolis, Md. and Baltimore.", ["Annapolis, Md"]),
        ("Grew up in Bangor Me. and moved south.", ["Bangor Me"]),
        ("Born in Jackson, Miss. in 1950.", ["Jackson, Miss"]),
        ("Lives in Eugene, Ore.", ["Eugene, Ore"]),
        ("Moved from Hammond, Ind. last year.", ["Hammond, Ind"]),
    ],
)
def test_a_states_name_shortened_with_a_full_stop_after_a_placed_town_is_removed(rules_only, sentence, phi):
    text = NOTE + sentence
    assert not leaked(rules_only, text, phi), rules_only.deidentify(text).text


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        # a credential's shortening after a person's name, a title's before one
        ("Discussed with Dr. Jones, Md. today.", ", Md. today."),
        ("Lives in Dover, Miss. Jones is her aide.", ", Miss. "),
    ],
)
def test_a_credentials_or_a_titles_shortening_is_kept(rules_only, sentence, kept):
    result = rules_only.deidentify(NOTE + sentence).text
    assert kept in result, result


def test_an_antibodys_letters_in_small_letters_after_a_listed_place_are_no_state(rules_only):
    result = rules_only.deidentify("serologies: coxsackie ab, echo ab pending.").text
    assert result.endswith(" ab, echo ab pending."), result


# where someone stays or sleeps: a listed place that is also a word, after a lodging or who they stay with, or after the
# stay alone where the sentence says someone has no home, and a listed place that names a lodging after "at"
@pytest.mark.parametrize(
    ("sentence", "phi"),
    [
        ("Currently staying at a shelter in Reading.", ["Reading"]),
        ("Homeless, sleeping in Mobile most nights.", ["Mobile"]),
        ("Housed at a motel in Eureka since discharge.", ["Eureka"]),
        ("Sleeping in his car in Normal.", ["Normal"]),
        ("Couch surfing in Independence with cousins.", ["Independence"]),
        ("She is staying in Orange with her sister.", ["Orange"]),
        ("Sleeping rough in Bath.", ["Bath"]),
        ("Staying at the Lakeview Motel in Concord.", ["Concord"]),
        ("Housed at the Temple Inn for now.", ["Temple"]),
        ("Staying on a friend's couch in Reading.", ["Reading"]),
        # the stay alone: no home said in the sentence before, or a season after the town
        ("Homeless. Staying in Reading.", ["Reading"]),
        ("Homeless; stays in Mobile.", ["Mobile"]),
        ("Stays in Bath during winter.", ["Bath"]),
        ("Stays in Mobile for the summer.", ["Mobile"]),
    ],
)
def test_a_town_that_is_a_word_where_someone_stays_is_removed_in_any_case(rules_only, sentence, phi):
    for text, values in renderings(sentence, phi):
        assert not leaked(rules_only, text, values), (text, rules_only.deidentify(text).text)


@pytest.mark.parametrize(
    "sentence",
    [
        "Staying in bed most of the day.",
        "Sleeping in chair due to orthopnea.",
        "Staying in the ED overnight.",
        "In no distress, staying in bed.",
        "INR staying in range.",
        "Sats staying at rest.",
        "Sleeping in late, poor appetite.",
        "Lives in mobile home with wife.",
        "Staying at a shelter in town.",
        "Sleeping in the car in the parking lot.",
        "Staying in sinus rhythm.",
        "Slept in the recliner in the living room.",
        # a bed, a chair or a ward between the stay and a word that is a listed place: a state of rest, no lodging
        "Sleeping in bed at rest.",
        "Staying in bed at rest.",
        "Slept in the recliner at rest.",
        "Staying in the ICU at rest.",
        # a season is no span of exercise
        "Sats staying in range during exercise.",
    ],
)
def test_where_someone_stays_that_names_no_town_is_kept(rules_only, sentence):
    for text, _ in renderings(sentence, []):
        result = rules_only.deidentify(text)
        assert result.text == text, [text[s.start:s.end] for s in result.spans]


# an air base or a naval air station beside a listed place, in lower case as in capitals: after a comma closing a
# facility's name, after "via", a place of two words before the base's abbreviation, a place before "NAS"
@pytest.mark.parametrize(
    ("sentence", "phi"),
    [
        ("Treatment facility: Landstuhl Regional Medical Center, Aviano AB", ["Aviano AB"]),
        ("Evacuated via Ramstein AB to the States.", ["Ramstein AB"]),
        ("Stationed at Little Rock AFB for 3 years.", ["Little Rock AFB"]),
        ("Wife is at Jacksonville NAS now.", ["Jacksonville NAS"]),
        ("Transferred from Lackland AFB last week.", ["Lackland AFB"]),
        ("Husband at NAS Oceana until June.", ["NAS Oceana"]),
    ],
)
def test_an_air_base_beside_a_listed_place_is_removed_in_any_case(rules_only, sentence, phi):
    for text, values in renderings(sentence, phi):
        assert not leaked(rules_only, text, values), (text, rules_only.deidentify(text).text)


@pytest.mark.parametrize(
    "sentence",
    [
        # an antibody's letters before "Ab", after "via" too
        "TPO Ab elevated.",
        "anti-CCP Ab positive.",
        "HBs Ab reactive.",
        "Immune via HBs Ab.",
        # "NAS" with no place beside it: a score, a diet, a syndrome
        "NAS score 3.",
        "Heart healthy NAS diet.",
        "Monitor for NAS per protocol.",
        # acid-fast bacilli in a specimen, or counted
        "Send stool AFB and CSF AFB.",
        "Wound AFB culture negative.",
        "Three AFB samples sent.",
        "Bone marrow AFB negative.",
        "Early morning AFB x3.",
    ],
)
def test_antibodies_and_lab_words_beside_a_bases_abbreviation_are_kept(rules_only, sentence):
    for text, _ in renderings(sentence, []):
        result = rules_only.deidentify(text)
        assert result.text == text, [text[s.start:s.end] for s in result.spans]


# a relative or someone who supports the patient, then "in" and a word no list knows closing the clause: where they live
@pytest.mark.parametrize(
    ("sentence", "phi"),
    [
        ("Other supports: grandmother in Tellwick.", ["Tellwick"]),
        ("Uncle in Dorranceville, cousins nearby.", ["Dorranceville"]),
        ("Has a sister-in-law in Quarrendon and a nephew in Bellhaven.", ["Quarrendon", "Bellhaven"]),
        ("Support: two aunts in Ospringdale; friends in Calverhythe.", ["Ospringdale", "Calverhythe"]),
        ("Grandparents in Whitmoorby with the older sibs.", ["Whitmoorby"]),
    ],
)
def test_a_town_no_list_knows_where_a_relative_lives_is_removed_in_any_case(rules_only, sentence, phi):
    for text, values in renderings(sentence, phi):
        assert not leaked(rules_only, text, values), (text, rules_only.deidentify(text).text)


def test_a_town_no_list_knows_where_a_relative_lives_is_removed_in_a_note(rules_only):
    for text, values in in_a_note("Lives alone. Her son in Tellwick, daughter in Brackendown; both visit weekly.",
                                  ["Tellwick", "Brackendown"]):
        assert not leaked(rules_only, text, values), (text, rules_only.deidentify(text).text)


@pytest.mark.parametrize(
    "sentence",
    [
        "Mother in labor.",
        "Aunt in hospital with pneumonia.",
        "Sister in law at bedside.",
        "Father in agreement with plan.",
        "Grandmother in NICU with the baby.",
        "Mom in room, dad in distress.",
        "Aunt in denial about prognosis.",
        "Mother in triage, father in parking.",
        "Daughter in tears, son in recovery.",
        "Husband in ICU after the same accident.",
    ],
)
def test_a_relative_in_a_state_or_a_ward_is_kept(rules_only, sentence):
    for text, _ in renderings(sentence, []):
        result = rules_only.deidentify(text)
        assert result.text == text, [text[s.start:s.end] for s in result.spans]


# a list of those someone lives with, counted or aged, between "lives with" and "in": the place after "in" meets the
# rules of "lives in", a listed place that is also a word as much as a word no list knows
@pytest.mark.parametrize(
    ("sentence", "phi"),
    [
        ("Lives with mom, stepdad and 2 sibs in Pellburn.", ["Pellburn"]),
        ("Lives with mother and eighty-year-old grandpa in Tarvistock.", ["Tarvistock"]),
        ("Lives with mother, 2 cats and a dog in Tarvistock.", ["Tarvistock"]),
        ("Lives with mom, stepdad and 2 sibs in Reading.", ["Reading"]),
        ("Lives with wife, two dogs and a cat in Normal.", ["Normal"]),
        ("Lives with his elderly mother, 2 adult sons and a 90 yo aunt in Mobile.", ["Mobile"]),
        ("Living with husband & three young children in Orange with support nearby.", ["Orange"]),
    ],
)
def test_a_town_after_a_list_of_those_someone_lives_with_is_removed_in_any_case(rules_only, sentence, phi):
    for text, values in renderings(sentence, phi):
        assert not leaked(rules_only, text, values), (text, rules_only.deidentify(text).text)


def test_a_town_after_a_list_of_those_someone_lives_with_is_removed_in_a_note(rules_only):
    for text, values in in_a_note("Social: lives with wife, two dogs and a cat in Mobile; retired.", ["Mobile"]):
        assert not leaked(rules_only, text, values), (text, rules_only.deidentify(text).text)


@pytest.mark.parametrize(
    "sentence",
    [
        "Lives with her husband and two dogs in a house.",
        "Lives with mother, father, and three siblings in apartment.",
        "Lives with mom, dad and sister in section 8 housing.",
        "Lives with parents and 3 younger siblings in a trailer.",
        "Lives with wife and son in law.",
        "Lives with son in law.",
        "Lives with wife and son. In ED, reading poorly.",
        "Lives with wife and daughter in senior housing.",
    ],
)
def test_where_a_list_of_those_someone_lives_with_names_no_town_is_kept(rules_only, sentence):
    for text, _ in renderings(sentence, []):
        result = rules_only.deidentify(text)
        assert result.text == text, [text[s.start:s.end] for s in result.spans]


# a hospital's compound suffix ("General Hospital", "Regional Medical Center") after one word and a preposition of place:
# the word is the hospital's name, clinical though it is
@pytest.mark.parametrize(
    ("sentence", "phi"),
    [
        ("Born at Bursa General Hospital at 38 weeks.", ["Bursa General Hospital"]),
        ("Transferred from Patella Regional Medical Center yesterday.", ["Patella Regional Medical Center"]),
        ("Transferred to Lung Memorial Hospital for ECMO.", ["Lung Memorial Hospital"]),
        ("Born at Bursa General Med Ctr.", ["Bursa General Med Ctr"]),
        ("Sent via Colon County General Hospital.", ["Colon County General Hospital"]),
    ],
)
def test_a_hospital_named_by_a_clinical_word_before_a_compound_suffix_is_removed_in_any_case(rules_only, sentence, phi):
    for text, values in renderings(sentence, phi):
        assert not leaked(rules_only, text, values), (text, rules_only.deidentify(text).text)


def test_a_hospital_named_by_a_clinical_word_is_removed_in_a_note(rules_only):
    for text, values in in_a_note("Delivered at Bursa General Hospital; transferred to Patella Regional Medical Center on day 2.",
                                  ["Bursa General Hospital", "Patella Regional Medical Center"]):
        assert not leaked(rules_only, text, values), (text, rules_only.deidentify(text).text)


@pytest.mark.parametrize(
    "sentence",
    [
        "Followed in cardiology clinic.",
        "Seen at cardiology general clinic.",
        "Followed at lung regional center.",
        "Oncology clinic note reviewed.",
        "Seen at pain clinic, regional block planned.",
        "Transferred from cardiology clinic to the ward.",
    ],
)
def test_a_service_before_a_facilitys_word_is_kept(rules_only, sentence):
    for text, _ in renderings(sentence, []):
        result = rules_only.deidentify(text)
        assert result.text == text, [text[s.start:s.end] for s in result.spans]


# the one word before a hospital's compound suffix names the hospital only where it is a listed place or name: a word of
# the hospital's kind, of whom or what it treats, or a service says what kind of hospital it is, though some of them are
# listed names or places too ("Heart", "Base", "Cancer")
@pytest.mark.parametrize(
    "sentence",
    [
        "Transferred to adult general hospital.",
        "Transferred to acute general hospital.",
        "Born at term community hospital.",
        "Transferred from nicu regional medical center.",
        "Transferred to pediatric general hospital.",
        "Transferred to psychiatric general hospital.",
        "Transferred to trauma regional medical center.",
        "Referred to cancer memorial hospital.",
        "Transferred to heart general hospital.",
        "Transferred to base general hospital.",
        "Admitted to Medicine General Hospital service.",
        "Consult from Cardiology General Hospital team.",
    ],
)
def test_a_hospitals_kind_or_a_service_before_a_compound_suffix_is_kept(rules_only, sentence):
    for text, _ in renderings(sentence, []):
        result = rules_only.deidentify(text)
        assert result.text == text, [text[s.start:s.end] for s in result.spans]
    for text, _ in in_a_note(sentence, []):
        result = rules_only.deidentify(text)
        assert result.text == text, [text[s.start:s.end] for s in result.spans]


# "through" after a placement or a referral leads as often to a hospital's own department or service as to an agency:
# nothing in the words tells one from the other
@pytest.mark.parametrize(
    "sentence",
    [
        "Referred through Social Work services.",
        "Referred through Guest Services for parking.",
        "Referral made through Utilization Review department.",
        "Referred through telehealth services.",
        "Enrolled through WIC.",
        "Discharged through the parking garage.",
    ],
)
def test_a_department_reached_through_after_a_referral_is_kept(rules_only, sentence):
    for text, _ in renderings(sentence, []):
        result = rules_only.deidentify(text)
        assert result.text == text, [text[s.start:s.end] for s in result.spans]


# after a relative and "in" or "from", a word no list knows is no town where it is a language, a medium or a programme,
# a unit written as one word, or where a verb of speaking stands earlier in the clause
@pytest.mark.parametrize(
    "sentence",
    [
        "Spoke with father in portuguese.",
        "Update given to mom in vietnamese.",
        "Spoke with grandmother in Cantonese.",
        "Dad in tigrinya, interpreter present.",
        "Mom in pashto.",
        "Talked to aunt in swahili.",
        "Uncle in hmong.",
        "Mother in marshallese.",
        "Dad in msicu.",
        "Messaged mom in mychart.",
        "Mom in cathlab.",
        "Dad in medicaid.",
        "Messaged mom in whatsapp.",
        "Called dad in facetime.",
        "Spoke with father in kriolu.",
        "Met a friend from reddit.",
        "Dad from msicu.",
    ],
)
def test_a_language_a_medium_or_a_unit_after_a_relative_is_kept(rules_only, sentence):
    for text, _ in [*renderings(sentence, []), *in_a_note(sentence, [])]:
        result = rules_only.deidentify(text)
        assert result.text == text, [text[s.start:s.end] for s in result.spans]


@pytest.mark.parametrize(
    ("sentence", "phi"),
    [
        ("Grandmother in tellwick.", ["tellwick"]),
        ("Uncle in dorranceville, cousins nearby.", ["dorranceville"]),
        ("Visited by dad from quellbury.", ["quellbury"]),
    ],
)
def test_a_town_after_a_relative_is_still_removed_where_capitals_mean_nothing(rules_only, sentence, phi):
    for text, values in renderings(sentence, phi):
        assert not leaked(rules_only, text, values), (text, rules_only.deidentify(text).text)


# a ward or a building called by a word or a surname in a location's field, in any case, where the field follows another
# field on its line after one blank: the value's shape, one or two words and a ward's number or a building's word, makes
# it a ward though its words are English words
@pytest.mark.parametrize(
    ("sentence", "phi"),
    [
        ("Ordering: Dr. Pryce Location: Thistlewood 4", ["Thistlewood 4"]),
        ("Sex: F Loc: Gray 2", ["Gray 2"]),
        ("Age: 61 Loc: Ferris 11", ["Ferris 11"]),
        ("MRN: 4471203 Location: O'Halloran 7", ["O'Halloran 7"]),
        ("Sex: M Loc: Lantern Wing", ["Lantern"]),
        ("Exam: CXR Location: Marchbank 3, bed 12", ["Marchbank 3"]),
        ("Loc: Lantern Building\nPortable AP chest.", ["Lantern"]),
        ("Location: Harbor Pavilion, 4th floor", ["Harbor"]),
        ("Sex: F Location: Copper Tower", ["Copper"]),
        ("Ward: Orchard Annex", ["Orchard"]),
        ("Unit: Lantern House\nExam: CXR", ["Lantern"]),
        ("Sex: F Loc: Grace Pavilion", ["Grace"]),
        # a ward called by a colour or an eponym the allow-list holds, with its number, as the field's first clause
        ("Location: Gold 3, bed 4", ["Gold 3"]),
        ("Sex: M Loc: White 9", ["White 9"]),
    ],
)
def test_a_ward_in_a_location_field_after_another_field_is_removed_in_any_case(rules_only, sentence, phi):
    for text, values in [*renderings(sentence, phi), *in_a_note(sentence, phi)]:
        assert not leaked(rules_only, text, values), (text, rules_only.deidentify(text).text)


@pytest.mark.parametrize(
    "sentence",
    [
        # "LOC" for a loss of consciousness, after another field on its line or in a sentence
        "Head injury: yes LOC: none",
        "Mechanism: fall LOC: brief, 1 min",
        "GCS: 15 loc: denies",
        "Fall: yes LOC: yes",
        "Trauma: MVC loc: + x 2 min",
        "Hit head, no LOC.",
        "Struck head with +LOC x 2 min.",
        "Fall from standing. LOC: unknown, unwitnessed.",
        # a unit of the hospital, no name of a ward
        "Sex: F Location: ICU",
        "Sex: M Loc: PACU",
        # a site on the body or a room's kind in a location's field
        "Location: chest wall",
        "Site: left arm Location: main building",
        "Location: outpatient building",
        "Location: right upper lobe",
        "Nodule location: right upper lobe, 4 mm",
        "LESION LOCATION: LEFT LOWER LOBE",
        # a score, a level or a unit's bed with its number
        "Age: 40 LOC: GCS 15",
        "Location: Level 2",
        "Sex: F Loc: ICU 4",
    ],
)
def test_a_loss_of_consciousness_or_a_unit_in_a_location_field_is_kept(rules_only, sentence):
    for text, _ in [*renderings(sentence, []), *in_a_note(sentence, [])]:
        result = rules_only.deidentify(text)
        assert result.text == text, [text[s.start:s.end] for s in result.spans]


# a ward in brackets after a service: called by a surname, a place, a colour or a building, with its number
@pytest.mark.parametrize(
    ("sentence", "phi"),
    [
        ("SERVICE: SURGERY (Quennell 5)", ["Quennell 5"]),
        ("Service: Medicine (Gold 3)", ["Gold 3"]),
        ("Service: Oncology (Amber 6)", ["Amber 6"]),
        ("Service: Cardiology (Brannock Tower 8)", ["Brannock Tower"]),
        ("Service: Medicine (Hope 4, bed 2)", ["Hope 4"]),
        ("Admitted to Hospitalist service (Silver 2) overnight.", ["Silver 2"]),
    ],
)
def test_a_ward_in_brackets_after_a_service_is_removed_in_any_case(rules_only, sentence, phi):
    for text, values in [*renderings(sentence, phi), *in_a_note(sentence, phi)]:
        assert not leaked(rules_only, text, values), (text, rules_only.deidentify(text).text)


@pytest.mark.parametrize(
    "sentence",
    [
        # a team, a grade, a stage, a class, a step or a zone with its number, a count, a bed space, a pager's number
        "Service: Medicine (team 2)",
        "Service: Oncology (grade 2)",
        "Service: Surgery (x2)",
        "Service: Oncology (stage 3)",
        "Service: Surgery (level 4)",
        "Service: Cardiology (class 3)",
        "Service: Pulmonary (step 2)",
        "Service: Trauma (zone 2)",
        "Service: Trauma (tier 1)",
        "Service: Medicine (pager 4)",
        "Service: Medicine (pod 4)",
        "Service: Oncology (cycle 2)",
        # a colour with a measure after its number; a colour that grades a disease after it
        "Service: Dermatology (red 3 mm)",
        "COPD (GOLD 3), on tiotropium.",
    ],
)
def test_a_count_or_a_grade_in_brackets_after_a_service_is_kept(rules_only, sentence):
    for text, _ in [*renderings(sentence, []), *in_a_note(sentence, [])]:
        result = rules_only.deidentify(text)
        assert result.text == text, [text[s.start:s.end] for s in result.spans]


# a country's older or common English name (lists/country_names.txt, from IANA's subtag registry) after a cue of travel,
# birth, captivity or migration, though its words are words of the language where capitals mean nothing
@pytest.mark.parametrize(
    ("sentence", "phi"),
    [
        ("Returned from Cape Verde two weeks ago with fever.", ["Cape Verde"]),
        ("Traveled to Metropolitan France for a wedding.", ["Metropolitan France"]),
        ("Father was a POW in Democratic Yemen.", ["Democratic Yemen"]),
        ("Born in Union of Soviet Socialist Republics, here since 1994.", ["Union of Soviet Socialist Republics"]),
        ("Immigrated from Lao People's Democratic Republic as a teen.", ["Lao People's Democratic Republic"]),
        ("Returned from Cote d'Ivoire on Friday.", ["Cote d'Ivoire"]),
        ("Born in Federated States of Micronesia.", ["Federated States of Micronesia"]),
        ("Immigrated from State of Palestine with her aunt.", ["State of Palestine"]),
        ("Traveled to United Republic of Tanzania on safari.", ["United Republic of Tanzania"]),
        ("Born in Czech Republic; TB screening negative.", ["Czech Republic"]),
        ("Returned from East Timor, malaria smear sent.", ["East Timor"]),
        ("POW in Burma, later moved to Ohio.", ["Burma"]),
    ],
)
def test_a_countrys_other_name_after_a_travel_cue_is_removed_in_any_case(rules_only, sentence, phi):
    for text, values in [*renderings(sentence, phi), *in_a_note(sentence, phi)]:
        assert not leaked(rules_only, text, values), (text, rules_only.deidentify(text).text)


@pytest.mark.parametrize(
    "sentence",
    [
        # the registry's names of English or clinical words only are left out of the list
        "Spine held in the neutral zone on flexion views.",
        "Congo red stain positive for amyloid.",
        "Sputum canary yellow, islands of consolidation.",
    ],
)
def test_a_countrys_name_of_plain_words_is_kept(rules_only, sentence):
    for text, _ in [*renderings(sentence, []), *in_a_note(sentence, [])]:
        result = rules_only.deidentify(text)
        assert result.text == text, [text[s.start:s.end] for s in result.spans]


# a stay at a relative's or a friend's home, named by a possessive, then the town ("staying at her aunt's in ...",
# "sleeping at grandma's house in ...")
@pytest.mark.parametrize(
    ("sentence", "phi"),
    [
        ("Family staying at her aunt's in Brackenfield while baby in NICU.", ["Brackenfield"]),
        ("Mom staying at her sister's in Reading this week.", ["Reading"]),
        ("Sleeping at grandma's in Mobile since the fire.", ["Mobile"]),
        ("Staying at his uncle's house in Tellmarsh for now.", ["Tellmarsh"]),
        ("Staying at a friend's place in Surprise.", ["Surprise"]),
        ("Dad staying at his parents' in Quarrington during chemo.", ["Quarrington"]),
        ("Staying at her mother-in-law's in Dunmore.", ["Dunmore"]),
        ("Staying with his cousin in Wexmoor.", ["Wexmoor"]),
    ],
)
def test_a_stay_at_a_relatives_home_names_the_town_in_any_case(rules_only, sentence, phi):
    for text, values in [*renderings(sentence, phi), *in_a_note(sentence, phi)]:
        assert not leaked(rules_only, text, values), (text, rules_only.deidentify(text).text)


@pytest.mark.parametrize(
    "sentence",
    [
        "Sleeping at grandma's in bed since the fall.",
        "Staying at mom's in the evenings.",
        "Staying at aunt's in good spirits.",
        "Staying with mom in the ICU overnight.",
        "Staying with dad in room 4.",
        "Staying at her sister's in labor and delivery.",
    ],
)
def test_a_stay_at_a_relatives_home_before_a_state_or_a_room_is_kept(rules_only, sentence):
    for text, _ in [*renderings(sentence, []), *in_a_note(sentence, [])]:
        result = rules_only.deidentify(text)
        assert result.text == text, [text[s.start:s.end] for s in result.spans]


# where someone lives after those they live with: named, aged in brackets or between commas, kin with a hyphenated
# prefix, the town an English word or a street, "in" on the next line
@pytest.mark.parametrize(
    ("sentence", "phi"),
    [
        ("Lives with father and step-grandmother Olu (71 y/o) in Reading.", ["Olu", "Reading"]),
        ("Lives with father and step-grandmother Ife (71 y/o) in Harwick.", ["Harwick"]),
        ("Lives with aunt, in her 80s, in Bath.", ["Bath"]),
        ("Lives with aunt, in her 80s, in harwick.", ["harwick"]),
        ("Lives with her daughter Priya, 34, in Mobile.", ["Priya", "Mobile"]),
        ("Lives with wife (62) and two sons in Orange.", ["Orange"]),
        ("Lives with great-aunt Edwina and half-brother in Mobile.", ["Edwina", "Mobile"]),
        ("Lives with mom, aged 44, in Bath.", ["Bath"]),
        ("Lives with grandparents\nin Reading.", ["Reading"]),
        ("Lives with grandparents\nin Copper Lane.", ["Copper Lane"]),
        ("Lives with her mother in Birch Row.", ["Birch Row"]),
        ("Lives w/ mother and step-father in Mobile.", ["Mobile"]),
        ("Lives with wife of 40 years in Orange.", ["Orange"]),
        ("Lives with daughter's family in Mobile.", ["Mobile"]),
    ],
)
def test_where_someone_lives_after_those_they_live_with_is_removed_in_any_case(rules_only, sentence, phi):
    for text, values in [*renderings(sentence, phi), *in_a_note(sentence, phi)]:
        assert not leaked(rules_only, text, values), (text, rules_only.deidentify(text).text)


@pytest.mark.parametrize(
    "sentence",
    [
        "Lives with husband in good spirits.",
        "Lives with wife in fear of falling.",
        "Lives with daughter in law.",
        "Lives with son (67) in assisted living.",
        "Lives with her mother, 88, in a nursing home.",
        "Lives with grandparents\nin good spirits.",
        "Lives with grandparents\nin the same house.",
        "Lives with wife, in bed most of the day.",
        "Lives with step-dad in the ICU overnight.",
    ],
)
def test_a_state_or_a_home_after_those_someone_lives_with_is_kept(rules_only, sentence):
    for text, _ in [*renderings(sentence, []), *in_a_note(sentence, [])]:
        result = rules_only.deidentify(text)
        assert result.text == text, [text[s.start:s.end] for s in result.spans]


@pytest.mark.parametrize(
    "sentence",
    [
        # a state of health or of care where someone lives, after those they live with or not
        "Lives with husband, 70, in good health.",
        "Lives with husband in good health and active.",
        "Lives in poor health since the stroke.",
        "Lives in foster care, caseworker aware.",
        "Lives with wife in memory care.",
        # a spot, no street, after where someone lives
        "Lives with son in nice place.",
    ],
)
def test_a_state_of_health_or_care_where_someone_lives_is_kept(rules_only, sentence):
    for text, _ in [*renderings(sentence, []), *in_a_note(sentence, [])]:
        result = rules_only.deidentify(text)
        assert result.text == text, [text[s.start:s.end] for s in result.spans]


# a state's code after a town a cue placed, then a semicolon or another closing mark, where capitals mean nothing
@pytest.mark.parametrize(
    ("sentence", "phi"),
    [
        ("At home in Brackenfield, PA; joined by video.", ["Brackenfield"]),  # (the town; "at home in" is no place cue)
        ("At home in East Marlow, PA; joined by video.", ["East Marlow, PA"]),
        ("Lives in Trentville, MD; works at the cannery.", ["Trentville, MD"]),
        ("Staying with her sister in Harwick, ME; back Monday.", ["Harwick, ME"]),
        ("Moved from Upper Quillby, MO; new to clinic.", ["Upper Quillby, MO"]),
        ("Family in Dunmore, OR) joined by phone.", ["Dunmore, OR"]),
        # a code after one blank, then a dash between blanks or another closing mark: the town goes; a code that is also
        # a word or an abbreviation ("OR", "MD", "PA") is no state's before such a mark (see below)
        ("Lives in Quarrington OR - works nights.", ["Quarrington"]),
        ("Lives in Quarrington MD! Works nights.", ["Quarrington"]),
        ("Lives in Quarrington PA? Unclear.", ["Quarrington"]),
    ],
)
def test_a_states_code_after_a_placed_town_before_a_semicolon_is_removed_in_any_case(rules_only, sentence, phi):
    for text, values in [*renderings(sentence, phi), *in_a_note(sentence, phi)]:
        assert not leaked(rules_only, text, values), (text, rules_only.deidentify(text).text)


@pytest.mark.parametrize(
    "sentence",
    [
        # a unit or a count after a number, then a comma and a clinical abbreviation or a word
        "Delivered at 35 2/7 wks, mo/di twins.",
        "Born at 33 wks, MO/MO twins, NICU stay.",
        "Hold for 2 wks, or until seen.",
        "Continue 3 days, or 4 if febrile.",
        "Give 2 mg, in the am.",
        "Take 5 mg, or 10 mg if needed.",
        "Observed x 4 hrs, MD aware.",
        "Weight down 3 lbs, PA notified.",
        # the operating room, a physician assistant, a chest film's view, with no town before them
        "CXR PA; lateral deferred.",
        "Seen in clinic; PA aware.",
        "To OR; consent signed.",
    ],
)
def test_a_code_after_a_unit_or_no_town_is_no_state(rules_only, sentence):
    for text, _ in [*renderings(sentence, []), *in_a_note(sentence, [])]:
        result = rules_only.deidentify(text)
        assert result.text == text, [text[s.start:s.end] for s in result.spans]


# an address line a scan damaged: a comma doubled, or a stray mark beside it, between the town, the state and the ZIP code
@pytest.mark.parametrize(
    ("sentence", "phi"),
    [
        ("401 Elm Court, Quarrington,, NJ 07781", ["401 Elm Court", "Quarrington,, NJ 07781"]),
        ("88 Birch Row, Lakeport,^ WA 98411", ["88 Birch Row", "Lakeport,^ WA 98411"]),
        ("Mailing address: 12 Fern Walk\nMARLOW ., PA 19001", ["12 Fern Walk", "MARLOW ., PA 19001"]),
        ("Home: 7 Tarn Close, Brackenfield ;, OH 44012", ["7 Tarn Close", "Brackenfield ;, OH 44012"]),
        ("Sent to 55 Mill Lane, Wexmoor, NY,, 12401.", ["55 Mill Lane", "Wexmoor, NY,, 12401"]),
        # a doubled comma read as a low quotation mark, an apostrophe beside the comma
        ("9 Holm Road, Tarnby„ NJ 07781", ["9 Holm Road", "Tarnby„ NJ 07781"]),
        ("9 Holm Road, Tarnby,' NJ 07781", ["9 Holm Road", "Tarnby,' NJ 07781"]),
    ],
)
def test_a_damaged_address_line_is_removed_in_any_case(rules_only, sentence, phi):
    for text, values in [*renderings(sentence, phi), *in_a_note(sentence, phi)]:
        assert not leaked(rules_only, text, values), (text, rules_only.deidentify(text).text)


@pytest.mark.parametrize(
    "sentence",
    [
        # a doubled comma before a view's letters, a word or a preposition and a number that is no ZIP code
        "Lungs clear,, PA 2 views obtained.",
        "Reviewed,, OK 4 times with family.",
        "Sats stable,, in 3 L via NC.",
        "Pain 8/10 ., in 20 min improved.",
    ],
)
def test_a_doubled_comma_before_no_zip_code_is_kept(rules_only, sentence):
    for text, _ in [*renderings(sentence, []), *in_a_note(sentence, [])]:
        result = rules_only.deidentify(text)
        assert result.text == text, [text[s.start:s.end] for s in result.spans]


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        # the operating room after a town, its phrase going on after a dash
        ("Taken to Dover OR - then to PACU.", " OR - then to PACU."),
        ("Taken to Bangor OR - wound washed out.", " OR - wound washed out."),
    ],
)
def test_an_abbreviation_going_on_after_a_dash_is_kept(rules_only, sentence, kept):
    for text, (words,) in renderings(sentence, [kept]):
        result = rules_only.deidentify(text).text
        assert words in result, result


# a location's field whose first clause is clinical: each clause is judged on its own, and the place after it goes


@pytest.mark.parametrize(
    ("sentence", "phi"),
    [
        ("Location: ED, Mercy West", ["Mercy West"]),
        ("Location: Outpatient, Fenwick 12", ["Fenwick 12"]),
        ("Location: ICU 4, Mercy West", ["Mercy West"]),
        ("Location: Level 2, Summit Tower", ["Summit Tower"]),
        ("Ward: ICU, Mercy West", ["Mercy West"]),
        ("Housing: Delta Unit, bunk 4", ["Delta Unit"]),
        # a unit named by a clinical word, a test's or a phonetic letter's
        ("Housing: Cardio Unit, bunk 12", ["Cardio Unit"]),
        ("Housing: Echo Unit, bunk 4", ["Echo Unit"]),
        # a military company in a unit's field
        ("Unit: B Co, 3/141st MP Co", ["3/141st MP Co"]),
    ],
)
def test_a_place_after_a_clinical_first_clause_of_a_location_field_is_removed(rules_only, sentence, phi):
    for text, values in [*renderings(sentence, phi), *in_a_note(sentence, phi)]:
        assert not leaked(rules_only, text, values), (text, rules_only.deidentify(text).text)


@pytest.mark.parametrize(
    "sentence",
    [
        "Location: right upper lobe, 4 mm",
        "Nodule location: right upper lobe, 4 mm",
        "Location: ICU 4, bed 2",
    ],
)
def test_a_location_field_of_clinical_clauses_only_is_kept(rules_only, sentence):
    for text, _ in [*renderings(sentence, []), *in_a_note(sentence, [])]:
        result = rules_only.deidentify(text)
        assert result.text == text, [text[s.start:s.end] for s in result.spans]


# "X location:" inside a finding is the finding's attribute, no form's field; a loss of consciousness's answer after a
# mechanism stays


@pytest.mark.parametrize(
    "sentence",
    [
        "Impression: ETT in good position with tip location: 4 cm above the carina. No pneumothorax.",
        "Findings: Nodule location: RUL 4 mm solid.",
        "Tube location: 3 cm above carina",
        "Biopsy location: station 7",
        "Lesion location: hepatic segment 6",
        "Mechanism: fall from ladder loc: amnestic",
        "Mechanism: fall from ladder loc: per ems yes",
        "Mechanism: fall from ladder loc: found down",
    ],
)
def test_a_location_label_inside_a_finding_is_kept(rules_only, sentence):
    for text, _ in [*renderings(sentence, []), *in_a_note(sentence, [])]:
        result = rules_only.deidentify(text)
        assert result.text == text, [text[s.start:s.end] for s in result.spans]


@pytest.mark.parametrize(
    ("sentence", "phi"),
    [
        ("Sex: F Loc: Gray 2", ["Gray 2"]),
        ("MRN: 4471203 Location: O'Halloran 7", ["O'Halloran 7"]),
        ("Ordering: Dr. Pryce Location: Thistlewood 4. CXR done.", ["Thistlewood 4"]),
    ],
)
def test_a_location_field_after_another_field_is_still_removed(rules_only, sentence, phi):
    for text, values in [*renderings(sentence, phi), *in_a_note(sentence, phi)]:
        assert not leaked(rules_only, text, values), (text, rules_only.deidentify(text).text)


# an exam's code after a colon or a semicolon is no ZIP code


@pytest.mark.parametrize(
    "sentence",
    [
        "EXAM: Chest, CT: 71250",
        "Exam: Abdomen pelvis, CT; 74177",
        "EXAM: Chest 2 views, PA: 71046",
        "PAST HISTORY: CAD,, MI: 20190 units",
    ],
)
def test_an_exams_code_after_a_state_like_abbreviation_is_kept(rules_only, sentence):
    for text, _ in [*renderings(sentence, []), *in_a_note(sentence, [])]:
        result = rules_only.deidentify(text)
        assert result.text == text, [text[s.start:s.end] for s in result.spans]


@pytest.mark.parametrize(
    ("sentence", "phi"),
    [
        ("Address: dunmore,, nj 07781", ["dunmore,, nj 07781"]),
        ("Address: Wexmoor, NY,, 12401", ["Wexmoor, NY,, 12401"]),
    ],
)
def test_a_damaged_address_line_is_still_removed(rules_only, sentence, phi):
    for text, values in renderings(sentence, phi):
        assert not leaked(rules_only, text, values), (text, rules_only.deidentify(text).text)


# a hospital named by a colour and "Health" after "outside films from": a name where capitals mean something; "in good
# health" and "in foster care" are states someone lives in


@pytest.mark.parametrize("colour", ["Red", "White", "Gold", "Silver", "Pink"])
def test_a_hospital_named_by_a_colour_and_health_is_removed_in_a_note(rules_only, colour):
    text = NOTE + f"Compared with outside films from {colour} Health, no change."
    assert not leaked(rules_only, text, [f"{colour} Health"]), rules_only.deidentify(text).text


@pytest.mark.parametrize(
    "sentence",
    [
        "Lives with husband in good health.",
        "Lives alone in poor health, daughter visits.",
        "Lives in foster care since age 9.",
        "Lives with wife in fair spirits.",
    ],
)
def test_a_state_of_health_or_care_after_who_someone_lives_with_is_kept(rules_only, sentence):
    for text, _ in [*renderings(sentence, []), *in_a_note(sentence, [])]:
        result = rules_only.deidentify(text)
        assert result.text == text, [text[s.start:s.end] for s in result.spans]


# a line's opener after "lives with ..." on the line before is no wrapped "in"/"at"


@pytest.mark.parametrize(
    "sentence",
    [
        "SOCIAL HISTORY: Lives with wife\nAt Rest: SpO2 92% on RA.",
        "SOCIAL HISTORY: Lives with wife\nIn Addition, she smokes.",
        "SOCIAL HISTORY: Lives with wife\nIn Summary, stable.",
        "SOCIAL HISTORY: Lives with wife\nAt Night uses CPAP",
        "SOCIAL HISTORY: Lives with wife\nAt Times confused",
    ],
)
def test_a_lines_opener_after_who_someone_lives_with_is_kept(rules_only, sentence):
    for text, _ in [*renderings(sentence, []), *in_a_note(sentence, [])]:
        result = rules_only.deidentify(text)
        assert result.text == text, [text[s.start:s.end] for s in result.spans]


def test_a_wrapped_in_before_a_town_is_still_read(rules_only):
    for text, values in [*renderings("Lives with grandparents\nin Reading", ["Reading"]),
                         *in_a_note("Lives with grandparents\nin Reading", ["Reading"])]:
        assert not leaked(rules_only, text, values), (text, rules_only.deidentify(text).text)


# "OR" (the operating room) after a town before a dash, "?", "!" or "]" is the room, no state's code


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        ("Back to Bangor OR - found bleeding.", "OR - found bleeding"),
        ("Taken back to Bangor OR ? abscess.", "OR ? abscess"),
        ("Returned to Dover OR! Washout done.", "OR! Washout"),
        ("Seen today [returned from Bangor OR] stable.", "OR]"),
    ],
)
def test_the_operating_room_after_a_town_before_a_loose_mark_is_kept(rules_only, sentence, kept):
    for text, words in [*renderings(sentence, [kept]), *in_a_note(sentence, [kept])]:
        result = rules_only.deidentify(text).text
        assert words[0] in result, (text, result)


# "at home in" is no place cue: what follows is a room, a time or a state of the day


@pytest.mark.parametrize(
    "sentence",
    [
        "Found unresponsive at home in bath.",
        "Fell at home in garden, no LOC.",
        "Chest pain at home in early morning.",
        "Fell at home in Kitchen.",
    ],
)
def test_a_room_or_a_time_after_at_home_in_is_kept(rules_only, sentence):
    for text, _ in [*renderings(sentence, []), *in_a_note(sentence, [])]:
        result = rules_only.deidentify(text)
        assert result.text == text, [text[s.start:s.end] for s in result.spans]


# a colour and a number in brackets is a team only after a service's field label, shut after its number or its bed; a
# COPD grade, a tube's colour or a clinic's bracket stays


@pytest.mark.parametrize(
    "sentence",
    [
        "Service: Pulmonary (GOLD 4, on home O2)",
        "Followed in Pulmonary clinic (GOLD 4) for COPD.",
        "Labs drawn (gold 2, lavender 1) this morning.",
    ],
)
def test_a_colour_and_a_number_in_a_clinical_bracket_is_kept(rules_only, sentence):
    for text, _ in [*renderings(sentence, []), *in_a_note(sentence, [])]:
        result = rules_only.deidentify(text)
        assert result.text == text, [text[s.start:s.end] for s in result.spans]


def test_gold_in_capitals_after_a_service_in_a_mixed_case_note_is_the_copd_grade(rules_only):
    text = NOTE + "Service: Pulmonary (GOLD 4)"
    assert rules_only.deidentify(text).text == text


@pytest.mark.parametrize(
    ("sentence", "phi"),
    [
        ("Service: Medicine (gold 3)", ["gold 3"]),
        ("Service: Medicine (Gold 3, bed 4)", ["Gold 3"]),
    ],
)
def test_a_colour_team_after_a_service_field_is_still_removed(rules_only, sentence, phi):
    for text, values in [*renderings(sentence, phi), *in_a_note(sentence, phi)]:
        assert not leaked(rules_only, text, values), (text, rules_only.deidentify(text).text)


@pytest.mark.parametrize(
    ("sentence", "phi"),
    [
        # in a service field's bracket shut right after its number, a surname that also names a score names the ward
        ("Service: Surgery (Tanner 4)\n\nHistory of present illness: fall.", ["Tanner 4"]),
        ("SERVICE: NEUROLOGY (GLEASON 5)\nTRANSFERRED FROM ED.", ["GLEASON 5"]),
    ],
)
def test_a_scores_eponym_in_a_service_fields_bracket_is_a_ward(rules_only, sentence, phi):
    for rendered, values in renderings(sentence, phi):
        assert not leaked(rules_only, rendered, values), (rendered, rules_only.deidentify(rendered).text)


@pytest.mark.parametrize(
    ("sentence", "phi"),
    [
        # a company, a wing or a block named by its letter opens a unit's or a location's field: no body's words
        ("SVC NO: 55120\nUNIT: A CO, 4/27TH SIG BN, FORT WEXLER\n\nS: 31 YO", ["A CO", "FORT WEXLER"]),
        ("Sex: F\nUnit: D Block, Harlow Annex\nS: 50 yo", ["Harlow"]),
    ],
)
def test_a_lettered_company_or_block_opens_a_units_value(rules_only, sentence, phi):
    for rendered, values in renderings(sentence, phi):
        assert not leaked(rules_only, rendered, values), (rendered, rules_only.deidentify(rendered).text)
