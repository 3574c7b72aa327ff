"""Person names in reports: found from context cues and from real-world name lists.

Recall comes first, in the manner of Philter: a word in a *name position*
(after a title such as "Dr." even when glued to it, a role such as "RN" or
"charge nurse", a kin word such as "son" or "WIFE", a cue such as "discussed
with", a signature header, before a credential such as ", MD") is a name
unless it is a function word, a cue, a month or clinical vocabulary; outside
such positions a listed name that is no English or clinical word is a name
wherever it stands. Capitals are a signal only where the text has both
cases: an ALL-CAPS or all-lower-case report gets the same recall from the
lists and the cues alone.

The cues are data (``text/data/name_cues.yaml``), the lists come from
:mod:`cxrbuild.text.lexicon`.
"""

from __future__ import annotations

import dataclasses
import itertools
from collections.abc import Iterable, Iterator

from cxrbuild.text import stored_re as re
from cxrbuild.text.lexicon import FUNCTION_WORDS, WORD_PREFIXES, Lexicon, fold
from cxrbuild.text.patterns import macro
from cxrbuild.text.regex_store import shared_store
from cxrbuild.text.spans import (
    CALENDAR_WORDS,
    LETTER_CHARS,
    LETTERS,
    MONTH_WORDS,
    WEEKDAY_WORDS,
    CuedRegex,
    RuleSpan,
    capitals_mean_nothing,
    data_yaml,
    is_capitalised,
    prefix_scanner_source,
    scan,
    search_at_end,
    sentence_initial,
    timestamp_label,
    trie_regex,
)


class ScannedRegex:
    """A regex whose ``finditer`` skips ahead to the characters its matches can begin with.

    For a regex that opens with a lookbehind, a word boundary or a
    case-insensitive word list, Python's engine tries a full match at every
    position; its :func:`~cxrbuild.text.spans.prefix_scanner` finds the same
    matches by skipping to their first characters. Each is then read again
    with the regex itself at the position where it begins (a match there is
    the same one ``finditer`` gives): the same Match objects, found sooner.
    Everything else (``match``, ``search``, ``pattern``) is the regex's own.
    """

    __slots__ = ("regex", "scanner")

    def __init__(self, regex: re.Pattern[str]) -> None:
        self.regex = regex
        store = shared_store()
        # (derived once and remembered with the compiled regexes for the next process)
        source = store.derived("name_scanner_source", prefix_scanner_source, regex.pattern, regex.flags)
        try:
            self.scanner = store.compile(source, regex.flags) if source is not None else None
        except re.error:
            self.scanner = None  # a rewrite that does not compile: the regex alone

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        if self.scanner is None:
            return self.regex.finditer(text)
        match = self.regex.match
        return (match(text, found.start()) for found in scan(self.scanner, text))

    def __getattr__(self, name: str):
        if name.startswith("__"):
            raise AttributeError(name)  # (copy and pickle ask before the slots are filled: never the regex's)
        return getattr(self.regex, name)

    def __reduce__(self) -> tuple:
        return (ScannedRegex, (self.regex,))


NAME_TOKEN_RE = re.compile(
    r"(?P<gap>[ \t]*)(?P<comma>,[ \t]?)?(?P<word>[" + LETTERS + r"](?:[" + LETTERS + r"'’\-]*[" + LETTERS + r"])?)(?![2-467-9" + LETTERS + r"])(?P<dot>\.)?"
)
NAME_WORD = r"[" + LETTERS + r"](?:[" + LETTERS + r"'’\-]*[" + LETTERS + r"])?"
NAME_WORD_RE = re.compile(NAME_WORD)
# words that open the next field of a header line ("SMITH, JOHN MRN 123")
# a field's label: a word or two and a colon ("DATE/TIME:", "Phone:")
FIELD_LABEL = r"[A-Za-z][A-Za-z/ ]{0,20}:"
FIELD_LABEL_RE = re.compile(FIELD_LABEL)


def fields_apart(text: str, match: re.Match[str]) -> bool:
    """Whether the gap before the word of a NAME_TOKEN_RE match parts two fields: two blanks or more, or a tab
    before a field's label ("MILLER, VERA<tab>DATE/TIME:"); a lone tab between a name's words does not
    ("Dr.<tab>Ysolde<tab>Quellbrandt")."""
    gap = match.group("gap")
    if gap == "\t":
        return FIELD_LABEL_RE.match(text, match.start("word")) is not None
    return len(gap) > 1
FIELD_WORDS = r"(?i:mrn|mr|dob|d\.o\.b|acc|age|sex|id|hosp|unit|loc|ssn|nhs|room|bed|md|do|rn|np|pa|phd|mbbs|frcr|#)"
# the value of a name-only field ("PATIENT NAME: WILL BROWN"): one to five name words or initials up to the field's end
NAME_OR_INITIAL = r"(?:[" + LETTERS + r"]\.(?![" + LETTERS + r"])|" + NAME_WORD + r")"
NAME_FIELD_VALUE_RE = re.compile(
    NAME_OR_INITIAL + r"(?:(?:,[ \t]*| )" + NAME_OR_INITIAL + r"){0,4}"
    r"(?=[ \t]*(?:$|[;()|/,]|\.(?:[ \t]|$))|[ \t]{2}|\t|[ \t]+(?:[0-9#]|" + FIELD_WORDS + r"\b))",
    re.MULTILINE,
)
# a word alone on its line up to a position: a signature's name before its credential ("Grace, CRNP")
SIGNATURE_LINE_WORD_RE = re.compile(r"(?:^|\n)[ \t]*(?P<word>" + NAME_WORD + r")\Z")
# what a name-only field holds when no name is given
NAME_FIELD_PLACEHOLDERS = frozenset({
    "unknown", "not", "given", "none", "same", "see", "above", "below", "pending", "withheld", "declined", "anonymous",
    "unavailable", "redacted", "blank", "na", "nil", "tbd", "yes", "no", "ok", "test",
})
# words that open the next field of a record's line, ending any name before them ("Name: Li Wei AGE 45", "PT: ANN BO
# FEMALE"), and in a name-only field more of them ("Name: John Smith Study Date")
NEXT_FIELD_WORDS = frozenset({"age", "sex", "gender", "male", "female", "dob", "mrn"})
NAME_FIELD_STOPS = NEXT_FIELD_WORDS | frozenset({
    "mr", "id", "acc", "accession", "date", "study", "exam", "room", "unit", "loc", "location", "ssn", "nhs", "hosp", "phone",
    "tel", "acct", "account", "ref", "visit",
})
# words that label the number of a record, a contact or a place ("MRN", "Room", "Bed", "SN", "Cell"): a number after one
# is no measured value and no count, though the word is a clinical list's too
NUMBER_LABEL_WORDS = NAME_FIELD_STOPS | frozenset(
    {"bed", "bay", "cubicle", "cell", "mobile", "fax", "pager", "sn", "serial", "pid", "lot", "batch", "case", "job", "no",
     "number"})
# "LAST, FIRST M" as a field value: at the start of a line or after "Field:"
COMMA_NAME_RE = re.compile(
    # (a tab before a field's label ends the name: "MILLER, VERA<tab>DATE/TIME:")
    # (a comma typed twice: "Re: Tan,, Ewan R")
    r"(?:^|[:\-–][ \t]|\t|\(|\|)[ \t]*(?P<last>" + NAME_WORD + r"(?:(?: |\t(?!" + FIELD_LABEL + r"))" + NAME_WORD + r"){0,2})[ \t]*,,?[ \t]*"
    r"(?P<first>" + NAME_WORD + r"(?:(?: |\t(?!" + FIELD_LABEL + r"))(?!" + FIELD_WORDS + r"\b)" + NAME_WORD + r")?)"
    r"(?:[ \t]+(?P<initial>[A-Za-z])\.?)?"
    # (a slash and a letter right after go on with an abbreviation, no name: "GERD, CAD s/p CABG")
    r"(?!/[A-Za-z])(?=[ \t]*(?:$|[,;()/|]|[ \t]{2}|\t|[ \t]+[0-9]|[ \t]+[A-Z][A-Za-z\-]{1,5}(?![A-Za-z])[ \t]*$"
    # (after an initial, the next field's label: "ROSALES PINEDA,MARTA Q EXP COSIGNER: ...")
    r"|[ \t]+" + FIELD_WORDS + r"\b)|(?<=[ \t][A-Za-z])\.?[ \t]+" + FIELD_LABEL + r")",
    re.MULTILINE,
)
# words that open a phrase, never a given name after "LAST," ("MMM, no mucositis", "clear, with ...")
SENTENCE_WORDS = frozenset({"no", "not", "nil", "non", "without", "with", "and", "or", "but", "normal", "neg", "negative"})
# initials alone on a signature line ("-- tjd", "/JK", "J.K.") or a typist's pair ("JK/ab")
INITIALS = r"(?:[A-Za-zÀ-ÖØ-öø-ÿ]{2,4}|(?:[A-Za-zÀ-ÖØ-öø-ÿ]\.){1,3}[A-Za-zÀ-ÖØ-öø-ÿ]?)"
# a list's bullet (a single dash, a star, a dot) right before a position, a long dash being a signature's
BULLET_BEFORE_RE = re.compile(r"(?:^|\n)[ \t]*(?:-(?!-)|[*•])[ \t]*\Z")
# a blank and a word after a trainee's grade: the person the grade is of
TRAINEE_THEN_NAME_RE = re.compile(r"[ \t][" + LETTERS + r"]")
# a trainee's grade ("SHO", "FY1", "ST3", "SpR"), after initials or opening the next person in a list ("SpR Sharma, HO Shah")
TRAINEE_GRADES = frozenset({"sho", "ho", "fy1", "fy2", "ct1", "ct2", "ct3", *(f"st{n}" for n in range(1, 9)), "spr", "reg", "jr",
                            "intern", "hmo", "rmo", "jmo"})
# the disciplines a note's signer writes after their initials ("-- KLT SW x4410")
SIGNER_DISCIPLINES = ("sw", "msw", "lcsw", "licsw", "rn", "lpn", "cna", "cm", "pt", "ot", "slp", "rd", "rt", "rph", "pharmd", "np",
                      "pa", "md", "do")
DISCIPLINE_TAIL = r"(?:" + "|".join(SIGNER_DISCIPLINES) + r")[ \t,]*(?:$|p[0-9]|pg|pgr|pager|bleep|beeper|x[0-9]|ext)"
DISCIPLINE_TAIL_RE = re.compile(r"[ \t]*" + DISCIPLINE_TAIL, re.IGNORECASE | re.MULTILINE)
# what may follow initials on a sign-off line: nothing, a pager or extension, a time, a date
SIGN_OFF_TAIL = (
    r"(?=[ \t]*(?:$|\(|p[0-9]|pg|pgr|pager|bleep|beeper|x[0-9]|ext|#|[0-9]|r[0-9]\b|pgy|res\b"
    # a trainee's grade after the initials: "-- AN SHO", "-- er fy1"
    r"|(?:" + "|".join(sorted(TRAINEE_GRADES)) + r")\b"
    # the signer's discipline, then the line's end or a way to reach them: "-- KLT SW x4410", "-- bnr rn pager 2231"
    r"|" + DISCIPLINE_TAIL + r"))"
)
# a pager, an extension or a trainee's year after initials: a sign-off even without a dash ("lb (res) beeper 3-7535")
STRONG_SIGN_OFF_TAIL = r"(?=[ \t]+(?:\((?:res|resident|fellow|attending|r[0-9]|pgy-?[0-9])\)|p[0-9]{3,}|pg#?[ \t]*[0-9]|pgr|pager|bleep|beeper|x[0-9]|ext|r[0-9]\b|pgy))"
STRONG_SIGN_OFF_TAIL_RE = re.compile(STRONG_SIGN_OFF_TAIL, re.IGNORECASE)
INITIALS_LINE_RE = re.compile(
    r"(?:^[ \t]*(?:--?|—|~|/)|(?<=[.!?])[ \t]+(?:--?|—|~))[ \t]*(?P<initials>" + INITIALS + r")(?:[ \t]*/[ \t]*(?P<second>" + INITIALS + r"))?" + SIGN_OFF_TAIL
    + r"|^[ \t]*(?P<dotted>(?:[A-Za-z]\.){2,3})" + SIGN_OFF_TAIL
    + r"|^[ \t]*(?P<tagged>[A-Za-z]{2,3})" + STRONG_SIGN_OFF_TAIL
    + r"|^[ \t]*(?P<lone_signer>[A-Z]\.[ \t]?[A-Z][a-zà-öø-ÿā-ſ'’\-]+(?:[ \t][A-Z][a-zà-öø-ÿā-ſ'’\-]+)?)[ \t]*$"
    + r"|^[ \t]*(?:--?|—|~)[ \t]*(?P<signer>[A-Za-z]\.[ \t]?" + NAME_WORD + r"(?:[ \t]" + NAME_WORD + r")?)" + SIGN_OFF_TAIL
    + r"|^[ \t]*(?:--?[ \t]*)?(?P<typist>(?:" + INITIALS + r"|[A-Za-z]\.[ \t]?" + NAME_WORD + r"(?:[ \t]" + NAME_WORD + r")?)/" + INITIALS + r")" + SIGN_OFF_TAIL
    + r"|(?<![A-Za-z/])(?P<pair>[A-Z]{2,4}/[a-z]{2,4})(?=[ \t]*$)"
    # the last line of a note, alone, or after its last sentence: "NS", "KDS", "R.W.", "... notified. CA, RN"
    + r"|(?:(?<=\n)|(?<=[.!?] ))[ \t]*(?P<closing>[A-Za-z]{2,3}|(?:[A-Za-z]\.){2,3})"
    + r"(?:,?[ \t]*(?:rn|lpn|np|pa|md|do|ma|cma|rph|pharmd))?[ \t]*(?=\s*\Z)",
    re.MULTILINE | re.IGNORECASE,
)
# the dictation and transcription line under a typist's mark ("D: 11/25/13  T: 11/26/13", "Job #")
DICTATION_LINE_AFTER_RE = re.compile(r"[ \t]*\n[ \t]*(?:d|t|dd|dt|dictated|transcribed|job)[ \t]*[:#]", re.IGNORECASE)
# ... or above it ("D: 05/07/07 0010   T: 05/07/07 1115  JOB # 3938959\nAA/AO")
DICTATION_LINE_BEFORE_RE = re.compile(
    r"(?:^|\n)[ \t]*(?:d|t|dd|dt|dictated|transcribed|job)[ \t]*[:#][^\n]*\n[ \t]*\Z", re.IGNORECASE
)
# a transcription's or a dictation's stamp with its date or time, then "by" and initials closing the line
STAMP_BY_INITIALS_RE = CuedRegex(ScannedRegex(re.compile(
    r"(?im)\b(?:transcribed|typed|dictated|dictation)\b[ \t:]*\n?[ \t]*[0-9][^\n]{0,30}?[ \t]by[ \t]+(?P<initials>" + INITIALS + r")[ \t]*$"
)))
# a ward round's team written grade, slash, person: "Consultant/Marlu; Reg/Ferraro; Intern/R.W.", "smo/ap / ho/gosling"
ROLE_SLASH_NAME_RE = ScannedRegex(re.compile(
    r"(?i)(?<![A-Za-z/])(?P<role>cons|consultant|reg|registrar|smo|rmo|hmo|ho|sho|intern|spr|str|fy1|fy2|jmo|acnm|cnm|fellow"
    r"|resident|attending|at|imt[0-9]?|ct[0-9]|st[0-9])[ \t]*/[ \t]*(?P<name>(?:[A-Za-z]\.){1,3}|" + NAME_WORD + r"(?:[ \t]+"
    + NAME_WORD + r"){0,2})(?=[ \t]*(?:[;,/|\n]|$))"
))
# of those grades, the letters that are also words or abbreviations: a grade there only on a line with another grade
AMBIGUOUS_SLASH_ROLES = frozenset({"reg", "at", "ho", "cons", "fellow", "resident"})
# a line that signs a note: "signed", one or two name words and a credential, maybe a trainee's year, then the line's
# end or a way to reach the signer
SIGNED_NAME_CREDENTIAL_RE = CuedRegex(re.compile(
    r"(?im)^[ \t]*(?:electronically[ \t]+)?signed(?:[ \t]+by)?[ \t:]+(?P<name>" + NAME_WORD + r"(?:[ \t]+" + NAME_WORD + r")?)"
    r"[ \t,]+(?:md|do|rn|rrt|np|pa|pa-c|lpn|crnp|cnm|msw|licsw|lcsw|pharmd|rph|pt|ot|slp|rd)\.?(?:[ \t,]+pgy-?[0-9])?"
    r"[ \t]*(?=$|[ \t]*(?:pager|pg|p[0-9]|beeper|bleep|x[0-9]|ext))"
))
# a study's or a record's number, then a name of two to four words in brackets
ACCESSION_THEN_NAME_RE = ScannedRegex(re.compile(
    r"(?i)\b(?:acc(?:ession)?|exam|study|mrn|ur|hosp(?:ital)?)[ \t.#:]*(?:no\.?|number|#)?[ \t:]*[A-Z0-9][A-Z0-9\-/]{4,}[ \t]*"
    r"\((?P<name>" + NAME_WORD + r"(?:[ \t]+" + NAME_WORD + r"){1,3})\)"
))
# the last word before a possessive "'s" ("carer" of "carer's daughter")
POSSESSOR_WORD_RE = re.compile(r"[" + LETTERS + r"][" + LETTERS + r"'’\-]*\Z")
# what opens a kin word: "step-", "ex-", "half-", "great-", "grand-"
KIN_PREFIXES = ("step-", "step", "ex-", "half-", "great-", "great", "grand-")
# people who live with or look after someone, though no kin: their kin name no one
CARER_WORDS = frozenset({"carer", "carers", "caregiver", "caretaker", "flatmate", "housemate", "roommate", "keyworker", "key-worker",
                         "neighbour", "neighbor", "landlord", "landlady", "lodger", "tenant", "friend", "partner", "guardian",
                         "patient", "pt", "client", "resident", "baby", "veteran", "mother-in-law", "father-in-law"})
# one word or an initial alone between a line's or a list item's start and a name ("S Quarrie", "m. donnelly")
LEADING_WORD_RE = re.compile(r"(?:^|(?<=[\n;(|])|(?<=[,;:] ))[ \t]*(?P<word>[A-Za-z]\.?|" + NAME_WORD + r")[ \t]+\Z")
# trainees' grades by their letters, beside those of grade_roles ("PGY-2", "R3", "IMT2", "HMO")
GRADE_LETTERS = ("pgy-?[0-9]", "r[1-5]", "imt[0-9]?", "hmo", "rmo", "sho", "reg", "smo", "ho", "fy[12]", "intern")
GRADE_LETTERS_RE = re.compile("|".join(GRADE_LETTERS))
# after a signer's line, a way to reach them: an extension, a pager, a bleep, a telephone, a paging system
REACH_AFTER = r"[ \t]+(?:ext\.?|x|pager|pg|beeper|bleep|blp|ph|via|#)[^\n]{0,20}"
# a blank line, then the start of the line
BLANK_LINE_BEFORE_RE = re.compile(r"\n[ \t]*\n[ \t]*\Z")
# nothing but a credential after initials, to the end of the line ("NS, RPFT", "TB")
INITIALS_ALONE_RE = re.compile(r"[ \t]*(?:,[ \t]*[A-Za-z][A-Za-z.\-]{1,8}[ \t]*)?(?:\n|$)")
# after a signer's initials: the date or the clock time of the signing, or a day's name (the name ends there) ...
SIGNING_DATE_AFTER = (r"[ \t]+(?:(?:[0-9]{1,2}/[0-9]{1,2}(?:/[0-9]{2,4})?|[0-9]{1,2}([.\-])[0-9]{1,2}\1[0-9]{2,4}|[0-9]{4}-[0-9]{2}-[0-9]{2})(?![0-9.])"
                      r"|[0-9]{1,2}:[0-9]{2}"
                      r"|" + macro("WEEKDAY") + r"(?![A-Za-z]))")
SIGNING_DATE_AFTER_RE = re.compile(SIGNING_DATE_AFTER, re.IGNORECASE)
# ... or a month's name, which may be a given name's too ("TYPED BY: QK NOVEMBER 2013", "Signed: JO MAY SMITH")
# (and a dictation's stamps, whatever the case: "TRANSCRIBED BY: HC  D: 03/21/99 T: 03/22/99")
DICTATION_STAMPS_AFTER = r"[ \t]+(?:d|t|dd|dt)[ \t]*:[ \t]*[0-9]"
DICTATION_STAMPS_AFTER_RE = re.compile(DICTATION_STAMPS_AFTER, re.IGNORECASE)
INITIALS_DATED_RE = re.compile(
    SIGNING_DATE_AFTER + r"|[ \t]+" + macro("MONTH") + r"(?![A-Za-z])|" + DICTATION_STAMPS_AFTER,
    re.IGNORECASE,
)
# ... or the sentence's end
INITIALS_SENTENCE_END_RE = re.compile(r"\.[ \t]*(?:\n|\Z)")
# a field that only a member of staff fills, never a service or a modality ("TRANSCRIBED:", "Typed by", "Sonographer:";
# not "Reviewed by GP.", "Performed by ED.", "Copy to: GP 12/03")
STAFF_ONLY_FIELD_BEFORE_RE = re.compile(
    r"(?i)\b(?:transcribed(?:[ \t]+by)?|transcriptionist|typed[ \t]+by|typist|(?P<wet>wet[ \t]+read(?:[ \t]+by)?\)?)|sonographer"
    r"|technologist|tech|radiographer|scribe)[ \t]*:?[ \t]*\Z"
)
# after a wet reader's initials, the read's date or time in figures, maybe after the day's name ("CN WED JANUARY 24, 2007")
WET_READ_DATE_AFTER_RE = re.compile(
    r"(?i)[ \t]+(?:" + macro("WEEKDAY") + r",?[ \t]+)?(?:[0-9]|" + macro("MONTH") + r"[ \t]+[0-9])"
)
# imaging modalities and views, which a technologist's field names as often as the technologist ("Tech: IR.")
MODALITY_WORDS = frozenset({"ct", "cr", "dx", "mr", "mri", "us", "xr", "ir", "nm", "pet", "rf", "xa", "mg", "pa", "ap", "cxr", "kub",
                            "ecg", "ekg", "echo", "dexa", "ot"})
# a field's value after its name ("dob 1/8/12", "MRN: 5521")
FIELD_VALUE_AFTER_RE = re.compile(r"[ \t]*[:#]?[ \t]*[0-9]")
# the start of a line, at the match (searched in the two characters before it and its first)
LINE_START_RE = re.compile(r"(?:\A|\n)[ \t]*\S\Z")
# nothing more on the line
LINE_END_RE = re.compile(r"[ \t]*(?:\n|\Z)")
# a title's abbreviation that a name may follow on the next line has at most this many letters ("Capt.", "Dr.")
MAX_WRAPPED_TITLE_LETTERS = 4
# a house's number and a street's name before "Dr." ("12 Elm Dr."): a drive, no doctor
STREET_BEFORE_TITLE_RE = re.compile(r"[0-9][A-Za-z]?[ \t]+(?:[A-Za-z'’\-]+[ \t]+){1,3}\Z")
# a sentence's end right after a word
SENTENCE_END_AFTER_RE = re.compile(r"[.!?;:]?[ \t]*(?:\n|\Z)|[.!?;](?:[ \t]|\Z)")
# a given name's initial after it ("HAZEL B", "Joy R."), not the next field's first letter ("Joy   Sex: F")
GIVEN_NAME_INITIAL_RE = re.compile(r"[ \t]{1,3}[A-Za-z]\.?(?![A-Za-z])")
# the little words and a facility's words before a person or a saint named without a title ("updated by", "with",
# "Hôpital Saint-Luc")
PERSON_LEAD_WORDS = frozenset({"by", "with", "w", "per", "to", "from", "and", "cc", "hôpital", "hopital", "hospital", "clinique",
                               "clinic", "centre", "center", "masjid", "mosque", "church", "temple", "synagogue"})
# where a field's value opens: the line's start or a label's colon ("PULMONOLOGY: ")
FIELD_OPENING_RE = re.compile(r"(?:^|(?P<label>[A-Za-z]+)[ \t]*:)[ \t]*\Z", re.MULTILINE)
# the words of numbers that open compound surnames ("Two Bulls", "Three Stars")
NUMBER_WORDS = frozenset(re.findall(r"[a-z]+", macro("UNIT_W")))
NUMBER_SURNAME_WORDS = NUMBER_WORDS - {"one"}
# what follows a number's word in a note and opens no surname: what it counts, or a little word
NOT_AFTER_NUMBER_SURNAME = frozenset({
    "days", "weeks", "months", "years", "hours", "minutes", "times", "views", "doses", "tabs", "tablets", "puffs", "units",
    "children", "kids", "sons", "daughters", "sisters", "brothers", "siblings", "grandchildren", "visits", "nights", "episodes",
    "pillows", "flights", "blocks", "stairs", "steps", "drinks", "beers", "packs", "cigarettes", "attempts", "sessions", "cycles",
    "people", "persons", "dogs", "cats", "jobs", "shifts", "others", "more", "less", "of", "and", "or",
})
# a word alone up to a sentence's end, a comma, a dash or the line's end ("this is hope. i am", "thx -xim")
GIVEN_ALONE_RE = re.compile(r"[ \t]*(?:[-–—~][ \t]*)?(?P<word>[" + LETTERS + r"]{3,})(?![" + LETTERS + r"'’\-])")
# a word no list knows this long may be a surname after a given name that is also a word (shorter ones are
# abbreviations and lab names as often: "ABGS", "TROPS")
RARE_SURNAME_LETTERS = 6
# a number sign after a word: a crew member's or a badge's number ("PARAMEDIC ROSE KAY #8014")
NUMBER_SIGN_AFTER_RE = re.compile(r"[ \t]*#[ \t]*[0-9]")
# a way to reach a person right after their name, maybe after a comma: a pager's or an extension's number ("... pg 40912",
# "..., X31177", "... beeper 5557", "... ext. 4410"), or a telephone's, maybe after "at" or its word ("..., (617)
# 555-0143", "... at 617-555-0143", "... cell 617 555 0143")
# ("x1", "x2" are counts, times, and a bare "ext" reaches no one: an extension has three digits or more)
# (the words of a pager and of a voice badge, and an extension's number, are this one list for both regexes below)
PAGER_WORDS = r"pgr|pg|pager|beeper|bleep"
VOICE_BADGE_WORDS = r"vocera|ascom|spectra|spectralink"
EXTENSION_NUMBER = r"(?:ext\.?|extension)[ \t.:#]*[0-9]{3}|#[ \t]?[0-9]{3}"
TELEPHONE_AFTER = r"(?:(?:at|@|ph|phone|tel|cell|mobile|office)\.?[ \t:#]*)?" + macro("NANP_NUMBER") + r"(?![0-9])"
REACH_NUMBER_AFTER_RE = re.compile(
    r"[ \t]*,?[ \t]*(?:(?:" + PAGER_WORDS + "|" + VOICE_BADGE_WORDS + r")[ \t.:#]*[0-9]|p[0-9]{3}|x[ \t]?-?[0-9]{3}|"
    + EXTENSION_NUMBER + "|" + TELEPHONE_AFTER + ")",
    re.IGNORECASE,
)
# where a surname after an appointment's or an update's cue ends: the clause's end, or a date, a time, what the
# appointment is for or about ("with frost.", "WITH PRICE ON 4/5", "by sterling at 1400", "with marsh re: discharge")
SURNAME_CUE_CLOSE_RE = re.compile(
    r"[ \t]*(?:[.,;:()]|\n|\Z)|[ \t]+(?:(?:on|at|for|re|regarding|about|next|tomorrow|today|tonight|this)\b|in[ \t]+[0-9]|[0-9])",
    re.IGNORECASE,
)
# what may stand between an appointment's or an update's cue and its "with" or "by": a date, a time, a day, where or how
# it was done ("booked 3/2 at 10:00 am with", "updated at the bedside by", "scheduled for Monday with")
SURNAME_CUE_BETWEEN = (
    r"(?:[ \t]+(?:[0-9]{1,4}(?:[/\-.:][0-9]{1,4}){0,2}(?:[ \t]*(?:am|pm|a\.m\.|p\.m\.|hrs?|h)(?![A-Za-z]))?"
    r"|(?:on|at|for|in|over|via|the|this|next|today|tomorrow|tonight|yesterday|morning|afternoon|evening|bedside|clinic"
    r"|phone|telephone|person|" + "|".join(sorted(MONTH_WORDS | WEEKDAY_WORDS, key=len, reverse=True)) + r")(?![A-Za-z])"
    r")){0,6}"
)
# where a name after a role that only a person holds ends, where capitals cannot show it: the clause's end, a bracket,
# or what the person says, does or is ("teacher hope rivers reports", "(midwife faith young)", "doula joy lake present")
ROLE_NAME_CLOSE_RE = re.compile(
    r"[ \t]*(?:[.,;:()]|\n|\Z)|[ \t]+(?:reports?|reported|states?|stated|says|said|notes?|noted|feels|felt|is|was|will|has|had"
    r"|called|calls|present|visited|visits|aware|agrees|agreed|following|updated|notified)\b",
    re.IGNORECASE,
)
# a middle initial, maybe with a full stop, between a given name and a further word ("charity j banks", "Faith R. Rivers")
MIDDLE_INITIAL_BEFORE_WORD_RE = re.compile(r" [A-Za-z]\.?(?= [" + LETTERS + r"]{2})")
# a pager's word, or an extension's "x" or "ext" and its number, after a sign-off line's name ("md violet day pg 3-1760",
# "RN Jane Roe x4410", "ext. 4410"); "RN gave bolus x1", "Tech drew blood x2": a count
CREDENTIAL_REACH_AFTER = (r"(?=[ \t]+(?:(?:" + PAGER_WORDS + r"|p[0-9]+)\b|(?:" + VOICE_BADGE_WORDS + r")[ \t.:#]*[0-9]"
                          r"|x-?[0-9]{3}|" + EXTENSION_NUMBER + "))")
# what follows a newborn's label at a line's start ("Day, Baby Girl B ..."): a header's field, a record's number, a date, a
# bed or a column's gap; the line's end, maybe after a full stop, or a bracket; else a sentence going on
NEWBORN_RECORD_FIELDS = r"(?:mrn|mr|dob|d\.o\.b|id|dol|bed|bd|rm|room|acct|acc|csn|fin|hosp|unit|loc)\b"
NEWBORN_HEADER_AFTER_RE = re.compile(
    r"(?:[ \t]*,)?[ \t]*(?:" + NEWBORN_RECORD_FIELDS + r"|#|[0-9]{5,}"
    r"|[0-9]{1,2}/[0-9]{1,2}(?:/[0-9]{2,4})?(?![0-9])|[0-9]{4}-[0-9]{2}-[0-9]{2})|[ \t]*\||\t|[ ]{2,}(?=\S)",
    re.IGNORECASE,
)
NEWBORN_LINE_END_AFTER_RE = re.compile(r"[ \t]*(?:\.[ \t]*)?(?:\n|\Z)|[ \t]*\(")
# ... a label alone on its line is a header's too below a note's title (a few words, no sentence's punctuation: "NICU
# Progress Note", "Daily note - NICU") or above a line that opens with a record's field ("MRN: 4418207")
TITLE_LINE_BEFORE_RE = re.compile(r"(?:^|\n)[ \t]*(?P<title>[A-Za-z][A-Za-z0-9&/'’ \t\-]{0,60}?)[ \t]*:?[ \t]*\n[ \t]*\Z")
MAX_TITLE_WORDS = 8
RECORD_FIELD_LINE_AFTER_RE = re.compile(r"[ \t]*(?:\.[ \t]*)?\n[ \t]*" + NEWBORN_RECORD_FIELDS, re.IGNORECASE)
HEADER_GOES_ON, LINE_ENDS, SENTENCE_GOES_ON = "header", "line end", "sentence"
# auxiliary verbs that are also common given names ("Will Harte", "Can Aydin"): a name only where a name's field or a
# surname says so (the lists of given names hold many more function words, most of them noise: "The", "Her")
GIVEN_NAME_AUXILIARIES = frozenset({"will", "can"})
# the end of a line with writing on it, right before a position
AFTER_WRITTEN_LINE_RE = re.compile(r"\S[ \t]*\n[ \t]*\Z")
GIVEN_END_RE = re.compile(r"[ \t]*(?:[.!,;]|[-–—]{1,2}[ \t]|\n|\Z)")
# a caller's name after "this is", then maybe a surname, then "calling" ("this is faith calling about")
CALLING_AFTER_RE = re.compile(r"(?i)[ \t]+(?:(?P<surname>[" + LETTERS + r"][" + LETTERS + r"'’\-]*)[ \t]+)?calling\b")
# "i am", "i'm": before a state more often than a name ("i am happy. my sugars are better")
SELF_STATE_RE = re.compile(r"(?i)[ \t]*i(?:[ \t]+am|'m|’m)\b")
# after a writer's name, the writer goes on about themselves or says who they are to the patient
# ("this is hope. i am 34", "its me pearl.\nmy ankles", "this is cash, his friend")
WRITER_GOES_ON_RE = re.compile(
    r"(?i)[ \t]*(?:[.!][ \t]*(?:\n[ \t]*)?(?:i|i'm|im|i’m|my|me)\b|\n[ \t]*(?:i|i'm|im|i’m|my)\b"
    r"|,?[ \t]+(?:his|her|their|your|the[ \t]+patient's|pt's)[ \t]+[a-z\-]+\b|,?\s+(?:i'm|im|i’m|i\s+am)\s+writing\b)"
)
# what may follow "Signed" at a line's end that is no one's initials ("SIGNED BY\nDR ROE", "FORM SIGNED: NO"); other capitals there are
# initials though they spell a word ("Signed SO", "SIGNED: VS")
SIGNING_WORDS = frozenset({"by", "on", "at", "in", "to", "of", "for", "and", "or", "the", "as", "is", "no", "yes", "na", "not"})
# dotted abbreviations of a dose's route and time ("p.o.", "b.i.d.", "a.m."): no one's initials
DOSING_DOTTED_RE = re.compile(r"(?i)p\.o\.|p\.r\.|i\.v\.|i\.m\.|s\.c\.|s\.l\.|a\.m\.|p\.m\.|q\.d\.|h\.s\.|b\.i\.d\.|t\.i\.d\.|q\.i\.d\.|p\.r\.n\.")
# a sign-off line of dotted initials, a slash and the writer's roles: "K.T. / PT", "C.J. / MA", "R.I. / RN, BSN"
INITIALS_ROLE_LINE_RE = re.compile(r"(?m)^[ \t]*(?P<initials>(?:[A-Za-z]\.){2,3})[ \t]*/[ \t]*[A-Za-z]{2,5}(?:[ \t]*,[ \t]*[A-Za-z]{2,5})*[ \t]*$")
# a lone letter ending a sign-off line after a name: the surname's initial ("Elmer D", "joris m")
LONE_INITIAL_RE = re.compile(r"[ \t]+(?P<initial>[A-Za-z])\.?[ \t]*(?=\n|\Z)")
# a sign-off line's start before a name: the line's start, maybe a dash ("-Oriel", "-- Tamsin K"); matched from the
# line's start (see _opens_sign_off_line)
SIGN_OFF_LINE_START_RE = re.compile(r"[ \t]*(?:[-–—]+[ \t]*)?")
# a middle initial after "LAST, FIRST", then no word ("KWON, KRZYSZTOF C`  DOB", "ROE, JO A (radiology)")
MIDDLE_INITIAL_RE = re.compile(r"[ \t](?P<initial>[A-Za-z])(?!\.[A-Za-z])\.?(?![A-Za-z0-9'’\-])(?![ \t]?[A-Za-z])")
# initials in brackets after a name
BRACKETED_INITIALS_RE = re.compile(r"[ \t]*\((?P<initials>[A-Za-z]{2,3}|(?:[A-Za-z]\.){2,3})\)")
# a date or a clock time right after initials on a sign-off line ("-- CN 12/09/2017 0729h", "- LE 14:05")
SIGN_OFF_DATE_TIME_RE = re.compile(
    r"[ \t]+(?:[0-9]{1,4}([/.\-])[0-9]{1,2}\1[0-9]{2,4}|[0-9]{1,2}/[0-9]{1,2}(?=[ \t]+(?:[0-9]{1,2}:[0-9]{2}|[0-9]{4}h?\b))|[0-9]{1,2}:[0-9]{2}|[0-9]{4}h)\b"
)
# a word glued to a number is a code or a suffix ("JL4", "81%ile", "3rd"), never a name; a digit that OCR reads
# for a letter (0, 1, 5, 8 for O, l, S, B) may end a name's letters ("RAMO5")
WORD_RE = re.compile(r"(?<![0-9%" + LETTERS + r"'’\-])[" + LETTERS + r"](?:[" + LETTERS + r"'’\-]*[" + LETTERS + r"])?(?![2-467-9" + LETTERS + r"])")
# a vital sign's reading after a letter, which makes the letter no initial: a decimal ("pyrexia T 39.1", "t: 101.2"), or
# two or three digits after the letter of a temperature, a pulse or a breathing rate ("rigors P 118", "R 24 and sats");
# no date, no time, no pressure and no longer number going on ("Okafor J 12.03.19", "Hale P 4417", "Peter R 14:30"), and
# no age, sex, date or street after it ("Mary R 92 F", "HAZEL P 93 Y/O", "Joan T 67 years", "Ana T 12 Nov", "Dr. John P
# 240 Main St")
READING_AFTER_LETTER_RE = re.compile(
    r"[ \t]*[:=]?[ \t]*(?:(?P<decimal>[0-9]{1,3}\.[0-9]{1,2})|[0-9]{2,3}(?!" + r"[ \t]*(?:[mf]\b|male|female|y\.?o\b|y/o|yrs?\b|years?\b"
    r"|mos?\b|months?\b|wks?\b|weeks?\b|days?\b|" + macro("MONTH") + r"|[A-Za-z]+[ \t]+" + macro("STREET_TYPE") + r"(?![A-Za-z]))))"
    r"(?![0-9]|[./\-:][0-9])",
    re.IGNORECASE,
)
# a temperature's reading and its scale after "T" ("T 101 F", "t 38 c", "T 99.1°F")
TEMPERATURE_AFTER_LETTER_RE = re.compile(r"[ \t]*[:=]?[ \t]*(?:(?P<decimal>[0-9]{2,3}\.[0-9])|[0-9]{2,3})[ \t]*°?[ \t]*[cf]\b", re.IGNORECASE)
VITAL_SIGN_LETTERS = frozenset("tpr")
# a number right before a word (and the word's first character)
NUMBER_BEFORE_RE = re.compile(r"[0-9][ \t]*[A-Za-z]\Z")
# a bed's, a room's or a bay's number before a word: a place in a list, not a count ("Bed 3 Coe")
BED_BEFORE_RE = re.compile(r"(?i)\b(?:bed|room|rm|bay|cubicle|cube|stretcher|ward|cell)[ \t]*#?[ \t]*[0-9]{1,3}[ \t]+\Z")
# what ends an examiner's finding: punctuation, a line's end, "and", or a side ("Moro present.", "present bilaterally")
FINDING_END_RE = re.compile(r"[ \t]*(?:[.,;:)\n]|\Z|and\b|bilat|on\s+(?:the\s+)?(?:left|right))", re.IGNORECASE)
# a number right after a word, as a date's day or year follows its month ("November 1989", "MAY-63", "Jun '71")
NUMBER_AFTER_RE = re.compile(r"[ \t]*[-/]?[ \t]*['’]?[0-9]")
# a count right before a word ("0 brady events", "2 caths")
COUNT_BEFORE_RE = re.compile(r"(?<![0-9:/.,\-])[0-9]{1,3}[ \t]+\Z")
# a dose after a word makes it a drug ("Telma 40 mg", "Ceres 1 tab")
DOSE_AFTER_RE = re.compile(r"[ \t]+[0-9]+(?:[.,][0-9]+)?(?:/[0-9.]+)?[ \t]*(?:" + macro("UNIT") + r"|%)(?![A-Za-z])", re.IGNORECASE)
# role words that name a person's job (not "the", "team", "ICU"): after one, the next word is a person
PERSON_ROLE_WORDS = frozenset(
    {"nurse", "np", "rn", "pa", "md", "dr", "physician", "doctor", "resident", "fellow", "attending", "radiologist",
     "surgeon", "intensivist", "hospitalist", "clinician", "provider", "technologist", "tech"}
)
NAME_PARTICLES = frozenset(
    {"van", "von", "de", "der", "den", "da", "del", "della", "di", "du", "la", "le", "st", "bin", "al", "el", "ibn", "ter",
     "ten", "dos", "das", "mc", "mac", "abu", "ben", "bint", "ap", "y"}
)
# ... as a regex's alternation
PARTICLES_RE = r"(?:" + "|".join(sorted(NAME_PARTICLES)) + r")"
# "MR", "MS" after a grade are a valve's regurgitation or stenosis (or multiple sclerosis), not titles
GRADED_TITLE_RE = re.compile(r"(?i)m[rs]\b")
GRADED_FINDING_RE = re.compile(
    r"(?i)(?:\b(?:trace|trivial|mild|moderate|severe|mild-moderate|moderate-severe|mild-to-moderate|moderate-to-severe)|[0-4]\+)[ \t]+\Z"
)
# what may close a surname after a role, besides a field's end: "F/U PA BELL PRN", "CHARGE RN WOOD AT 2:41 PM"
# ... or a verb of what the person does there ("sw grace following", "hha sterling comes tues"), the person's
# being there ("AIDE AMBER ON SCENE", "rn hope in attendance") or the number of three digits or more a staff member or
# an interpreter goes by ("INTERPRETER SUMMER #40218"; not "RN POOL #3")
SURNAME_CLOSE_RE = re.compile(
    r"(?:[ \t]+(?:prn\b|(?:at|in|on|x)[ \t]*[0-9]|(?:following|follows|comes|came|visited|visits|aware|notified|updated|agrees|agreed"
    r"|to[ \t]+follow|will[ \t]+follow|at[ \t]+(?:the[ \t]+)?(?:bedside|scene)|on[ \t]+scene|in[ \t]+attendance|present[ \t]+for)\b)"
    r"|[ \t]*\#[ \t]*[0-9]{3})",
    re.IGNORECASE,
)
# words of when, not who or where: parts of a day, which lists of given names hold too ("Per RN night, no acute
# events"), and the times of a ward's day ("np at night time", "rn at change of shift")
WHEN_WORDS = frozenset({
    "morning", "afternoon", "evening", "eve", "night", "nights", "day", "days", "noon", "midday", "midnight", "dawn", "dusk",
    "weekend", "shift", "shifts", "overnight", "tonight", "today", "time", "times", "week", "weeks", "hour", "hours", "rounds",
    "lunch", "dinner", "breakfast", "handoff", "signout",
})
# a role right before a position, a preposition before the role ("per rn ", "d/w NP ", "verified by the charge nurse ")
ROLE_AFTER_PREPOSITION_RE = re.compile(r"(?i)(?:\b(?:per|by|with|to|from|and|cc)|\bw/|\bd/w)[ \t]+(?:the[ \t]+)?(?:[A-Za-z]+[ \t]+)?[A-Za-z]+[ \t]+\Z")
# where a given name typed in small letters after a role ends: a comma, a bracket, the line's end or where the person
# is from ("per rn hazel, pain", "NP grace from cards")
LOWER_NAME_END_RE = re.compile(r"[ \t]*(?:\n|\Z|[,;(]|[ \t]{2}|[ \t]+from\b)")
# the start of a field: a line's start, or a colon, a comma, a bracket, a dash or a bar before it
FIELD_START_RE = re.compile(r"(?:^|[:,(|]|[-–])[ \t]*\Z", re.MULTILINE)
# what may follow the last initial of a name in a field: the end of the line, a wide gap, a comma
FIELD_END_RE = re.compile(
    r"[ \t]*(?:$|\n|[ \t]{2}|\t|[,;()/|]|\.(?:[ \t]|$))|[ \t]+(?:[0-9]|p[0-9]|pg|pgr|x[0-9]|ext"
    r"|(?:mon|tue|wed|thu|fri|sat|sun|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)",
    re.MULTILINE | re.IGNORECASE,
)
# the word that ends a stretch of text: before a credential ("Roe, Jane Q.,"), before a name, the last of a name
WORD_BEFORE_RE = re.compile(r"([" + LETTERS + r"][" + LETTERS + r"'’\-]*)(\.?)(,?)[ \t]*\Z")
WORD_THEN_BLANK_RE = re.compile(r"([" + LETTERS + r"][" + LETTERS + r"'’\-]*)(\.?)[ \t]+\Z")
LAST_WORD_RE = re.compile(r"([" + LETTERS + r"'’\-]+)\.?$")
# every character those matches can hold ("$" may also stand before a final line break)
WORD_BEFORE_CHARS = LETTER_CHARS + "'’-.,\t "
LAST_WORD_CHARS = LETTER_CHARS + "'’-.\n"
# a word and up to four more on its line, each maybe hyphenated or possessive ("Bishop score 8", "Bell's palsy clinic")
PHRASE_WORDS_RE = re.compile(r"([A-Za-z][A-Za-z'’\-]*)(?:[ \t]+[A-Za-z0-9][A-Za-z0-9'’\-]*){0,4}")
# words after a word that make it a team's, a service's, a plan's or a score's name, no surname ("Sickle cell team", "Stroke
# team", "Pain service", "Bishop score")
UNIT_AFTER_GRADE_WORDS = frozenset({
    "team", "teams", "service", "services", "plan", "plans", "score", "scores", "scale", "cell", "cells", "clinic", "unit",
    "ward", "round", "rounds", "list", "protocol", "pathway", "sister", "charge", "lead", "consult", "consults", "dept",
    "department", "on-call", "oncall",
})
# a rank or a rate right after a header, before a surname and its comma, besides name_cues.yaml's word_ranks (NameCues
# reads them into its header_rank_re)
HEADER_RANKS = r"ADM|BG|MG|LTG|CWO|MCPO|SCPO|CPO|PO[1-3]|SN|SA|SR|FN|AN|HN|[A-Z]{2,3}[1-3]|[A-Z]{2,3}C[SM]?"
# ... the surname and its comma after it
HEADER_RANK_SURNAME = r"(?=[ \t]+[A-Z][A-Z'’\-]+(?:[ \t]+[A-Z][A-Z'’\-]+)*[ \t]*,)"
# a comma, a semicolon or a slash right after a word: the next item of a list ("GEN Frail, NAD")
LIST_MARK_AFTER_RE = re.compile(r"[ \t]*[,;/]")
# what makes a commander's letters a clinical dementia rating: its parts, its total, a score ("CDR sum of boxes 4.5", "CDR
# global 1", "CDR 0.5", "CDR-SB 3", "CDR = 2")
RATING_AFTER_RE = re.compile(
    r"[ \t]*(?:[-=:(/<>≥≤]|[0-9]|(?:sum|sb|sob|global|score|scores|scored|rating|ratings|box|boxes|total|stage|staging|memory"
    r"|orientation|judg(?:e)?ment|community|home|hobbies|personal|care|domain|domains|of|was|is|=)(?![A-Za-z]))",
    re.IGNORECASE,
)
# a record field right after a name: its date of birth or record number ("Walker, Ben (DOB 4/8/21)")
RECORD_AFTER_NAME_RE = re.compile(
    r"(?<=[" + LETTERS + r".])(?P<sep>[ \t]*[(|,]?[ \t]*)(?:dob|d\.o\.b\.?|date[ \t]+of[ \t]+birth|mrn|mr[ \t]*#)(?![A-Za-z])",
    re.IGNORECASE,
)
# ... where the name opens a line, a field or a sentence (not "the fracture of the patient, DOB ...")
RECORD_NAME_START_RE = re.compile(r"(?:^|\n|[:|;.(]|\bre:?|\bfor)[ \t]*\Z", re.IGNORECASE)
# a dotted credential that opens a sign-off line before the name: "M.D. Jane Roe pager 4411"
CREDENTIAL_FIRST_RE = CuedRegex(
    re.compile(r"^[ \t]*(?:M\.D\.|D\.O\.|N\.P\.|P\.A\.|R\.N\.)[ \t]+(?=[" + LETTERS + r"])", re.IGNORECASE | re.MULTILINE)
)
CREDENTIAL_INITIALS_RE = re.compile(r"(?:M\.D|D\.O|R\.N|N\.P|P\.A|Ph\.D|M\.B|R\.T)\.?(?![A-Za-z])")
# modes of a name position, strongest first
TITLE, SIGNATURE, STRONG, ROLE, KIN, WEAK = "title", "signature", "strong", "role", "kin", "weak"


def alternation(phrases: Iterable[str]) -> str:
    """One regex for many phrases, as a prefix tree (much faster than a flat alternation).

    Within a phrase a blank matches any run of blanks. Longer phrases are tried
    first, so "discussed by telephone with" wins over "discussed". A lookahead
    for the phrases' first characters comes first: one test rejects most
    positions before any branch is tried.
    """
    trie: dict = {}
    for phrase in {p.strip() for p in phrases if p.strip()}:
        node = trie
        for unit in re.findall(r"\s+|.", phrase):
            node = node.setdefault(r"\s+" if unit.isspace() else re.escape(unit), {})
        node[""] = {}
    firsts = [key for key in trie if key]
    if len(firsts) < 2 or r"\s+" in firsts:
        return trie_regex(trie)
    return "(?=[" + "".join(sorted(firsts)) + "])" + trie_regex(trie)


def reading_after_letter(text: str, letter: str, end: int) -> bool:
    """Whether the letter ending at ``end`` has a vital sign's reading after it ("T 39.1", "P 118"): a measured value, so
    the letter is the vital sign's, no one's initial."""
    reading = READING_AFTER_LETTER_RE.match(text, end)
    if reading is None and fold(letter) == "t":
        reading = TEMPERATURE_AFTER_LETTER_RE.match(text, end)  # "T 101 F": Fahrenheit, no sex after an age
    return reading is not None and (reading.group("decimal") is not None or fold(letter) in VITAL_SIGN_LETTERS)


class NameCues:
    """Compiled context cues for person names (see name_cues.yaml)."""

    def __init__(self, spec: dict) -> None:
        self.version = str(spec["version"])
        # the roles a person's field or a signer's line may name (no rank that is also an abbreviation: "GEN: NAD")
        person_roles = [*spec["name_roles"], *spec["grade_roles"]]
        spec = {**spec, "signature_headers": [*spec["signature_headers"], *spec["name_only_headers"]],
                "name_roles": [*person_roles, *spec["word_ranks"]], "ambiguous_roles": [*spec["ambiguous_roles"], *spec["word_ranks"]]}
        self.grade_roles = frozenset(" ".join(fold(r).split()) for r in spec["grade_roles"])
        roles = alternation(spec["roles"])
        # a title may be glued to the name ("Dr.Pham") or followed by blanks
        self.title_re = re.compile(
            # (a title closing a line, with its dot or without, before the name on the next: "escorted by Cpl.\nBishop.")
            r"(?<![A-Za-z])(?:" + alternation(spec["titles"]) + r")(?:\.(?:[ \t]*\n)?[ \t]*(?=[" + LETTERS + r"])|[ \t]+|[ \t]*\n[ \t]*(?=[A-Za-z]))",
            re.IGNORECASE
        )
        # (a trainee's grade by its letters, and a credential's bracket after a role: "d/w PGY-3 Sterling", "d/w RT(R) Gentry")
        role_prefix = r"(?:[ \t]+(?:" + roles + "|" + GRADE_LETTERS_RE.pattern + r")(?:\.|\([A-Za-z]{1,3}\))?){0,3}"
        # a sign-off line: a name, a comma and the writer's role (a word or two before it) or an interpreter's
        # certification, maybe a credential and a telephone's extension, to the line's end ("-- c. pemberton, case
        # manager  x31527", "Hope Kaminski, transport coordinator ext 4602", "QKT, certified medical interpreter", "WH, CHI")
        self.role_signoff_re = re.compile(
            r"^[ \t]*(?:--?|—|~)?[ \t]*(?P<name>[" + LETTERS + r"][" + LETTERS + r".'’\- \t]{0,40}?)[ \t]*,[ \t]*(?:[A-Za-z]+[ \t]+){0,2}"
            r"(?:" + alternation([*spec["name_roles"], *spec["signoff_credentials"]]) + r")(?:[ \t]*[,/][ \t]*[A-Za-z\-]{2,8})?"
            r"(?:[ \t]+(?:ext\.?|x|pager|pg|beeper|bleep|blp|ph|#)[ \t#:.]*(?:ext\.?[ \t]*)?[0-9][0-9\-]*)?[ \t]*$",
            re.IGNORECASE | re.MULTILINE,
        )
        # the roles, grades and grades' letters a signer writes on a line of their own (name_roles holds grade_roles; the
        # letters are patterns, "PGY-2", "R3", "IMT2", which a prefix tree of phrases would read as literal text)
        signer_grades = "(?:" + alternation(person_roles) + "|" + GRADE_LETTERS_RE.pattern + ")"
        # a name alone on its line, then a line of its grade or role, maybe its service before it and a pager after it
        self.name_above_role_re = re.compile(
            r"^[ \t]*(?P<name>(?:[A-Za-z]\.[ \t]*){0,3}[" + LETTERS + r"][" + LETTERS + r"'’\-]*(?:[ \t]+(?:[A-Za-z]\.|["
            + LETTERS + r"][" + LETTERS + r"'’\-]*)){0,3})[ \t]*\n[ \t]*(?:(?:ed|a&e|emergency|gen(?:eral)?|med(?:icine)?|surg(?:ery)?|ortho|"
            r"senior|junior|ward|clinical|acute)[ \t]+){0,2}(?:" + signer_grades + r")(?:" + REACH_AFTER + r")?[ \t]*$",
            re.IGNORECASE | re.MULTILINE,
        )
        # a line of a signer's initials and their grade or discipline, either way round, maybe with a pager
        self.initials_and_role_re = re.compile(
            r"^[ \t]*(?:(?P<initials>(?:[A-Za-z]\.){1,3}|[A-Z]{2,3}|[a-z]{2,3}(?=[ \t]+[a-z]))[ \t]+(?:(?:senior|junior|ed|clinical)[ \t]+)?(?:"
            + signer_grades + r")|(?:(?:ed|a&e|gen[ \t]+med|med|surg)[ \t]+)?(?:" + signer_grades + r")[ \t]+(?P<after>(?:[A-Za-z]\.){1,3}|[A-Z]{2,3}|[a-z]{2,3}))"
            r"(?P<reach>" + REACH_AFTER + r")?[ \t]*$",
            re.IGNORECASE | re.MULTILINE,
        )
        self.introduction_re = ScannedRegex(re.compile(
            # (the name may open the next line: "this is\nRuby, im writing")
            r"(?:^|(?<=[^A-Za-z'’]))(?:" + alternation(spec["introductions"]) + r")(?:[ \t]+|[ \t]*\n[ \t]*)(?=[" + LETTERS + r"])",
            re.IGNORECASE | re.MULTILINE,
        ))
        self.phrase_re = re.compile(
            r"(?<![A-Za-z])(?:" + alternation(spec["phrases"]) + r")(?P<role>" + role_prefix + r")(?=[ \t]|$)",
            re.IGNORECASE | re.MULTILINE,
        )
        self.weak_re = re.compile(
            r"(?<![A-Za-z])(?:" + alternation(spec["weak_phrases"]) + r")" + role_prefix + r"(?=[ \t])",
            re.IGNORECASE,
        )
        # a role right before a surname: "RN Okonkwo", "per charge nurse Hadley"
        self.role_re = re.compile(r"(?<![A-Za-z])(?:" + alternation(spec["name_roles"]) + r")\.?[ \t]+", re.IGNORECASE)
        # after a person in a header's field, the next: a credential in brackets or a number, a slash or a semicolon,
        # and a role or a credential before the name ("Green (P) / Hill (B)", "KINGSLEY #6585 / EMT-B DREW WHITE")
        self.listed_person_re = re.compile(
            r"(?:[ \t]*\([A-Za-z\-]{1,6}\))?(?:[ \t]*#[ \t]*[0-9]+)?[ \t]*[/;][ \t]*"
            r"(?:(?:" + alternation([*spec["name_roles"], *spec["suffixes"]]) + r")\.?[ \t]+)?(?=[A-Za-z])",
            re.IGNORECASE,
        )
        # a role as a header's field: "PA: Dorvik X. Hardy", "RT: D. ROBINSON"
        self.role_field_re = re.compile(r"(?<![A-Za-z])(?:" + alternation(person_roles) + r")[ \t]*:[ \t]*(?=[A-Za-z])",
                                        re.IGNORECASE)
        # kin words: "her son marcus", "WIFE LORRAINE", "daughter (Ana)"
        self.kin_re = re.compile(
            r"(?<![A-Za-z])(?:" + alternation(spec["kin"]) + r")(?:[ \t]*[,:(][ \t]*|[ \t]+[-–][ \t]+|[ \t]+|[ \t]*\n(?=[ \t]*[A-Za-z]))", re.IGNORECASE
        )
        # a relative's field opening a line or a field, its value a record's name ("MOTHER: COOK, IRIS (MRN ...)")
        self.kin_field_re = re.compile(
            r"(?:^|(?<=[ \t]{2})|(?<=[\t|]))[ \t]*(?:" + alternation(spec["kin"]) + r")[ \t]*:[ \t]*(?=[" + LETTERS + r"][^\n,]{0,30},)",
            re.IGNORECASE | re.MULTILINE,
        )
        self.suffixes = frozenset(spec["suffixes"])
        self.suffix_folded = frozenset(fold(s).rstrip(".") for s in spec["suffixes"])
        # credentials that are also ordinary report words ("PA" view, "DO" verb):
        # they mark a name only after a comma
        self.weak_suffixes = frozenset({"pa", "do", "ms", "rt", "mph", "msc", "bsn", "pt", "ot", "sw", "cm"})
        # a clinician's credential after a comma, then "at": where the clinician works follows ("Ona Pell, NP at
        # Bluefork", "KIM, PA-C AT QUILLON HEALTH"), or after "by" or "with" ("SEEN BY PA-C AT RED BUTTE")
        self.credential_at_re = ScannedRegex(re.compile(
            r"(?:,[ \t]*|(?<![A-Za-z])(?:by|with|w/|per)[ \t]+(?:(?:the|an?|her|his|their)[ \t]+)?)(?:"
            + alternation(spec["suffixes"]) + r")[ \t]+at[ \t]+(?:the[ \t]+)?", re.IGNORECASE))
        # a clinician's credential or role opening a sign-off line, one to three words and a pager: "md violet day
        # pg 3-1760", "CNM Willow Knight pager 7-7822" (the words between are the clinician's name when they read as one)
        self.credential_pager_re = re.compile(
            r"^[ \t]*(?:" + alternation([*spec["suffixes"], *PERSON_ROLE_WORDS, "intern"]) + r")[ \t]+"
            # (particles may stand before the surname: "md lukas van der berg beeper 5557")
            r"(?P<name>[" + LETTERS + r"][" + LETTERS + r"'’\-]*\.?(?:[ \t]+(?:" + PARTICLES_RE + r"[ \t]+){0,3}["
            + LETTERS + r"][" + LETTERS + r"'’\-]*\.?){0,2})"
            + CREDENTIAL_REACH_AFTER,
            re.IGNORECASE | re.MULTILINE,
        )
        self.suffix_re = re.compile(
            r"(?P<sep>,?[ \t]*|[ \t]+/[ \t]*)(?P<cred>" + alternation(spec["suffixes"]) + r")(?![A-Za-z])", re.IGNORECASE
        )
        # a signature word with no colon ("Signed V.N."), as the signature header below reads it
        self.bare_signature_re = re.compile(r"[ \t]*(?:" + alternation(spec["bare_signature_words"]) + r")[ \t]*", re.IGNORECASE)
        # a signature header opens a line or a sentence; with a colon it may stand anywhere
        self.signature_re = re.compile(
            r"(?:^|(?<=[.!?;] )|(?<=[.!?;]  )|\()[ \t]*(?:"
            + alternation([*(h for h in spec["signature_headers"] if h.endswith((" by", " read"))), *spec["bare_signature_words"]])
            + r")\)?[ \t]*:?"
            r"|^[ \t]*(?:pt|patient|name)(?=[ \t]+[" + LETTERS + r"])"
            r"|(?<![A-Za-z])(?:" + alternation(spec["signature_headers"]) + r")[ \t]*[\]}]?[ \t]*:"
            r"|^[ \t]*(?:" + alternation(spec["signature_headers"]) + r")[ \t]*[-–][ \t]",
            re.IGNORECASE | re.MULTILINE,
        )
        # a field holding a name and nothing else, its header opening a line or a field ("Exam Name:" holds no person)
        self.name_field_re = re.compile(
            r"(?:^|(?<=[ \t]{2})|(?<=[\t|]))[ \t]*[{\[]?(?:" + alternation(spec["name_only_headers"]) + r")[\]}]?[ \t]*:[ \t]*",
            re.IGNORECASE | re.MULTILINE,
        )
        # a person's field and its colon right before a position: a signature's or a name's header, a kin word or a
        # record's person field ("COSIGNER: ", "CHILD: ", "re: ")
        self.person_field_before_re = re.compile(
            r"(?<![A-Za-z])(?:" + alternation([*spec["signature_headers"], *spec["kin"], *spec["person_fields"]]) + r")[ \t]*:[ \t]*\Z",
            re.IGNORECASE,
        )
        # an appointment's or an update's cue, maybe a date, a time, where or how, then "with" or "by" (see
        # surname_cues): the clause's words between, no sentence's end ("appt booked 3/2 at 10:00 am with ", "parents
        # updated at bedside by ")
        # (the cue governs "with" or "by" itself: no other phrase between, "rescheduled due to conflict with work",
        # "consented as required by law")
        cue_words = spec["surname_cues"]
        self.surname_cue_re = ScannedRegex(re.compile(
            r"(?<![A-Za-z/])(?:(?:" + alternation(cue_words["bookings"]) + r")(?![A-Za-z])" + SURNAME_CUE_BETWEEN + r"[ \t]+with"
            r"|(?:" + alternation(cue_words["updates"]) + r")(?![A-Za-z])" + SURNAME_CUE_BETWEEN + r"[ \t]+by)[ \t]+(?=[" + LETTERS + r"])",
            re.IGNORECASE,
        ))
        # a support person's field opening a line, a sentence or a field, its value a given name, maybe an initial, and a
        # surname closing the line or the sentence ("Support: Honor Whitley.", "SUPPORT PERSON: MERCY OAKES (SISTER)")
        self.support_field_re = CuedRegex(re.compile(
            # (the field's colon, or a dash set off by blanks: "Support - Hope Rivers.")
            r"(?:^|(?<=[.;!?] )|(?<=[ \t]{2})|(?<=[\t|]))[ \t]*(?:" + alternation(spec["support_fields"]) + r")(?:[ \t]*:|[ \t]+[-–])[ \t]*"
            # (a second given name, an initial, particles: "Support: Mary Ann Smith.", "Support: Maria de la Cruz")
            r"(?P<given>" + NAME_WORD + r")(?:[ \t]+(?!" + PARTICLES_RE + r"[ \t])(?P<middle>" + NAME_WORD + r"))?"
            r"(?:[ \t]+(?P<initial>[A-Za-z])\.?)?(?:[ \t]+" + PARTICLES_RE + r"){0,3}[ \t]+(?P<surname>" + NAME_WORD + r")"
            # (a second person after "and": "Support person: Mercy Oakes and Carlos Ruiz.")
            r"(?:[ \t]+(?:and|&)[ \t]+(?P<given2>" + NAME_WORD + r")[ \t]+(?P<surname2>" + NAME_WORD + r"))?"
            # the field's or the sentence's end, or the sentence going on about the person ("Faith Oakes at bedside")
            # (or the person's telephone number: "Support: Hope Rivers 617-555-0143.")
            r"(?=[ \t]*(?:[.;,(]|$)|[ \t]+(?:at|and|&|in|is|was|were|present|by|with|here|who|will|has|have|aware|updated)\b"
            r"|[ \t]+" + macro("NANP_NUMBER") + r"(?![0-9]))",
            re.IGNORECASE | re.MULTILINE,
        ))
        # a child's placement before the carer's name: "to pre-adoptive family, Mercy Lund", "with foster parent Hope Grant"
        placements = spec["placements"]
        self.placement_re = CuedRegex(ScannedRegex(re.compile(
            r"(?<![A-Za-z])(?:to|with)[ \t]+(?:(?:the|a|an|her|his|their|new)[ \t]+)?(?:" + alternation(placements["kinds"]) + r")[ \t]+(?:"
            + alternation(placements["households"]) + r")[ \t]*,?[ \t]*(?P<given>" + NAME_WORD + r")(?:[ \t]+(?P<initial>[A-Za-z])\.?)?"
            r"[ \t]+(?P<surname>" + NAME_WORD + r")(?![" + LETTERS + r"'’\-])",
            re.IGNORECASE,
        )))
        # a name alone after a dash on one of a message's last lines: "- Marguerite", "-- T. Oyelaran"
        self.dash_signer_re = re.compile(
            # near the end of the note, or a line of its own before a blank line ("- Ama\n\nUpcoming appointments")
            r"^[ \t]*(?:--?|—|–|~)[ \t]*(?=[" + LETTERS + r"][" + LETTERS + r"'’.\- \t]{0,40}$)"
            r"(?=(?:[^\n]*\n){0,2}[^\n]*\Z|[^\n]*\n[ \t]*(?:\n|\Z))",
            re.MULTILINE,
        )
        # a salutation opens a letter or a message with the reader's name: "Dear Earl,", "Hi Gunther!"
        self.salutation_re = re.compile(
            r"^[ \t]*(?:dear|hi|hello|hey|good[ \t]+(?:morning|afternoon|evening))[ \t]+(?=[" + LETTERS + r"][^\n]{0,40}?(?:[,!:]|[ \t][-–—]))",
            re.IGNORECASE | re.MULTILINE,
        )
        # instructions addressed to the patient by name: "Earl, it was good to see you today."
        self.vocative_re = re.compile(
            r"^[ \t]*(?=[" + LETTERS + r"][" + LETTERS + r"'’\-]+(?:[ \t][" + LETTERS + r"][" + LETTERS + r"'’\-]+)?,[ \t]+"
            r"(?:it[ \t]+was|it's[ \t]+been|it[ \t]+has[ \t]+been|thank[ \t]+you|thanks|please|we[ \t]+(?:discussed|talked|reviewed|will)|"
            r"you[ \t]+(?:were|are|have|can|should|may|will)|here[ \t]+(?:is|are)|as[ \t]+we[ \t]+discussed|"
            # a message to the patient about a result: "Quillon, your scan ...", "Ines, the CT looks stable"
            r"(?P<result>your[ \t]+[A-Za-z]+|the[ \t]+(?:ct|cat[ \t]+scan|scan|mri|x-?ray|cxr|ultrasound|biopsy|results?|labs?|report|pet)[ \t]+"
            r"(?:looks?|shows?|showed|was|were|is|are|came|has|confirms?)))\b)",
            re.IGNORECASE | re.MULTILINE,
        )
        labels = spec["newborn_labels"]
        # "Baby Girl", "Twin B", "Baby Boy A": no part of a name
        self.newborn_words = frozenset(fold(w) for w in [*labels["heads"], *labels["sexes"]])
        newborn_label = r"(?:" + alternation(labels["heads"]) + r")(?:[ \t]+(?:" + alternation(labels["sexes"]) + r"))?(?:[ \t]+[A-C])?"
        self.newborn_label_re = re.compile(r"[ \t]*" + newborn_label + r"(?![A-Za-z])[ \t]*", re.IGNORECASE)
        self.newborn_descriptors = frozenset(fold(w) for w in labels["descriptors"])
        # a comma, a newborn's word and its sex after a family name ("Day, Baby Girl B", "PAGE, BABY BOY")
        self.newborn_sex_after_re = re.compile(
            r"[ \t]*,[ \t]*(?:" + alternation(labels["heads"]) + r")[ \t]+(?:" + alternation(labels["sexes"]) + r")(?![A-Za-z])",
            re.IGNORECASE,
        )
        # a newborn's family name on a nursery or NICU note: "Frost, Twin A", "Marsh Baby MRN ...", "Okoro, Baby Girl"
        self.newborn_re = re.compile(
            r"^[ \t]*(?:(?:pt|patient|name|infant)[ \t]*:[ \t]*)?(?P<name>[" + LETTERS + r"][" + LETTERS + r"'’\-]+(?:[ \t][" + LETTERS + r"][" + LETTERS + r"'’\-]+)?)"
            r"(?:,[ \t]*(?:" + newborn_label + r"|(?-i:BG|BB|IG|IB)(?:[ \t]+[A-C])?)\b"
            r"|[ \t]+" + newborn_label + r"(?=[ \t]*(?:$|\||,|\(|mrn\b|dol\b|dob\b|#)))",
            re.IGNORECASE | re.MULTILINE,
        )
        # a name between "patient" (or a dictation's "on") and a record cue: "patient mei moody m r n ...",
        # "discharge summary on rocky goodman medical record number", "Patient Jo Amos DOB 3/4/51"
        self.before_record_re = ScannedRegex(re.compile(
            r"(?<![A-Za-z])(?:patient|pt|on)[ \t]+(?=[" + LETTERS + r"][" + LETTERS + r"'’.\-]*(?:[ \t]+[" + LETTERS + r"][" + LETTERS + r"'’.\-]*){0,2}"
            r"[ \t,]+(?:m[ \t]?r[ \t]?n\b|medical[ \t]+record|date[ \t]+of[ \t]+birth|d[ \t.]?o[ \t.]?b\b|last[ \t]+name[ \t]+spelled))",
            re.IGNORECASE,
        ))
        # the subject of a sentence that gives an age: "hpi colon moody is a ninety three year-old lady"
        is_an = r"[ \t]+is[ \t]+an?[ \t]+"
        self.age_subject_re = re.compile(
            # (up to four words, initials and particles among them: "Mark G. O'Sullivan", "Liesbeth van der Berg")
            r"(?:^|(?<=[.:;]\s)|(?<=\bcolon\s)|(?<=\bcourse\s))[ \t]*(?=[" + LETTERS + r"][" + LETTERS + r"'’\-]+(?:[ \t][" + LETTERS + r"][" + LETTERS + r"'’\-]*\.?){0,3}"
            + is_an + r"(?:(?:[A-Za-z0-9]+[ \t\-]+){0,4}(?:year|yr|month|week|day)s?[ \t\-]+old"
            # "is a 53 y.o. gentleman", "is a 78M with", "is a woman in her 70s", "is a gentleman aged 64"
            r"|[0-9]{1,3}[ \t\-]*(?:y\.?[ \t]?o\b\.?|y/o|yo\b|[MF]\b|(?:year|yr|month|week|day)s?\b)"
            r"|(?:[A-Za-z\-]+[ \t]+){0,2}(?:woman|man|gentleman|lady|boy|girl|male|female|infant|toddler|child)[ \t]+"
            r"(?:in[ \t]+(?:her|his|their)[ \t]+(?:early[ \t]+|mid[ \t\-]*|late[ \t]+)?[0-9]0'?s|aged[ \t]+[0-9]|of[ \t]+[0-9])))",
            re.IGNORECASE | re.MULTILINE,
        )
        # every sentence it reads holds "is a": a text without one is not searched for it
        self.is_an_re = re.compile(is_an, re.IGNORECASE | re.MULTILINE)
        # a closing ("Thank you", "Kind regards", "cheers"), which both closing cues below open with: a text without
        # one is not searched for them
        closing = (
            r"(?:(?:^|(?<=[.!?,;]))[ \t]*(?:" + alternation(spec["closings"]) + r")|(?<![A-Za-z'’\-])(?:" + alternation(spec["chat_closings"]) + r"))"
        )
        self.closing_word_re = re.compile(closing, re.IGNORECASE | re.MULTILINE)
        # a closing and the writer's name on one line: "Thanks again, Summer"
        self.closing_inline_re = re.compile(
            closing
            + r"(?:[ \t]*,[ \t]*|[ \t]+)(?:[-–—~][ \t]*)?"
            r"(?=[" + LETTERS + r"][" + LETTERS + r"'’.\- \t]{0,40}$)",
            re.IGNORECASE | re.MULTILINE,
        )
        # an electronic signature mark before the signer's name: "/es/ Jane Roe" (VistA), "/s/ J. Roe"
        self.esig_re = ScannedRegex(re.compile(r"(?:^|(?<=[ \t]))/(?:es|s)/[ \t]*(?=[" + LETTERS + r"])", re.IGNORECASE | re.MULTILINE))
        # the line after a closing line ("Thank you,", "Kind regards") holds the writer's name
        self.closing_re = re.compile(
            closing
            + r"[ \t]*[,.!]*[ \t]*\n[ \t]*(?=[" + LETTERS + r"])"
            r"(?![ \t]*(?:" + alternation(spec["closings"]) + r")[ \t]*[,.!]*[ \t]*$)",
            re.IGNORECASE | re.MULTILINE,
        )
        # "Smith, Jane (attending)": a role in brackets after a name
        self.bracket_role_re = re.compile(
            r"(?P<sep>[ \t]*)\((?:" + alternation([*spec["name_roles"], *spec["roles"]]) + r")(?![A-Za-z])[^)\n]{0,20}\)", re.IGNORECASE
        )
        # a kin word after a name and a comma: "(Mabriyn, brother)", "Ines, his wife"
        self.kin_after_re = re.compile(
            r"(?<=[" + LETTERS + r"])(?P<sep>[ \t]*,[ \t]*)(?:(?:her|his|their|my|our|pt's|patient's)[ \t]+)?(?:"
            + alternation(spec["kin"]) + r")(?=[ \t]*[),.;]|[ \t]*$)",
            re.IGNORECASE | re.MULTILINE,
        )
        # a name whose kin speaks or is spoken of: "(Liesel's son)", "theresa brown's daughter-in-law"
        self.possessor_of_kin_re = ScannedRegex(re.compile(
            r"(?<=[" + LETTERS + r"])(?P<sep>['’]s)[ \t]+(?:great[ \t\-]+)?(?:" + alternation(spec["kin"]) + r")(?:-in-law)?(?![A-Za-z])",
            re.IGNORECASE,
        ))
        # verbs after a name: "Smith was notified", "J. Roe paged"
        self.after_name_re = CuedRegex(re.compile(
            r"(?<=[A-Za-z.])(?P<sep>,?[ \t]+)(?:(?:was|were|has been|have been|is|had been)[ \t]+)?(?:" + alternation(spec["after_name"]) + r")(?![A-Za-z])",
            re.IGNORECASE,
        ))
        self.role_words = frozenset(fold(r) for r in [*spec["roles"], *spec["name_roles"]] if " " not in r)
        # the roles and grades a person holds, not the words between a cue and a name ("SHO", "RN"; not "ED", "the")
        self.person_role_words = frozenset(fold(r) for r in person_roles if " " not in r)
        self.kin_words = frozenset(fold(k) for k in spec["kin"] if " " not in k)
        self.ambiguous_roles = frozenset(fold(r) for r in spec["ambiguous_roles"])
        # the words of a note's structure ("Physician Note"), which name no one and no place
        self.heading_words = frozenset(fold(w) for w in spec["never_names"])
        self.never_names = self.heading_words | frozenset(fold(w) for w in spec["contact_words"])
        # never a word of a name outside a title's reach: a note's structure or a newborn's label
        self.label_words = self.never_names | self.newborn_words
        self.finding_words = frozenset(fold(w) for w in spec["finding_words"])
        self.support_groups = frozenset(fold(w) for w in spec["support_groups"])
        self.word_ranks = frozenset(fold(r) for r in spec["word_ranks"])
        self.exam_heading_ranks = frozenset(fold(r) for r in spec["exam_heading_ranks"])
        self.general_exam_words = frozenset(fold(w) for w in spec["general_exam_words"])
        self.shorthand_after_rank = frozenset(fold(w) for w in spec["shorthand_after_rank"])
        # a rank or a rate right after a header, before a surname and its comma ("PATIENT: CPT VAN HOUTEN, MARISKA J")
        self.header_rank_re = re.compile(
            r"[ \t]*(?:" + alternation(spec["word_ranks"]) + "|" + HEADER_RANKS + r")" + HEADER_RANK_SURNAME,
            re.IGNORECASE,  # "patient: cpt van houten, mariska j": the comma after the surname decides
        )
        self.actions_after_name = frozenset(fold(w) for w in spec["actions_after_name"])
        self.title_words = frozenset(fold(t) for t in spec["titles"])
        # words of the cues themselves ("Notified Jane Roe, MD"): never part of a name
        self.cue_words = frozenset(
            fold(word)
            for key in ("phrases", "after_name", "signature_headers", "signoff_credentials")
            for phrase in spec[key]
            for word in re.split(r"[\s/]+", phrase)
            if len(word) > 2
        )

    def is_cue_word(self, folded: str) -> bool:
        return (
            folded in self.suffix_folded
            or folded in self.role_words
            or folded in self.cue_words
            or folded in self.kin_words
            or folded in self.title_words
        )

    def clinical_use(self, lexicon: Lexicon, text: str, start: int, end: int, caseless: bool, eponyms: bool = True) -> bool:
        """A listed name or place that is also a clinical word, used as that word here, with no cue.

        An eponym (unless ``eponyms`` is false: a place named like one) or a
        clinical name before clinical vocabulary or an examiner's finding
        ("Wilson disease", "Murphy's sign", "Moro present"); a clinical name
        written in lower case among capitals, or counted ("0 brady events").
        """
        word = text[start:end]
        folded = fold(word)
        clinical_name = folded in lexicon.clinical_names
        if not clinical_name and not (eponyms and lexicon.is_eponym(word)):
            return False
        if clinical_name and word.islower() and not caseless:
            return True
        position = end + 2 if text[end:end + 2] in {"'s", "’s"} else end
        nxt = NAME_TOKEN_RE.match(text, position)
        if not nxt or len(nxt.group("gap")) > 1 or nxt.group("comma"):
            return False
        following = nxt.group("word")
        if fold(following) in FUNCTION_WORDS:
            return False  # "Sudan in 2001": a little word says nothing of what went before
        if fold(following) in MONTH_WORDS and NUMBER_AFTER_RE.match(text, nxt.end("word")):
            return False  # "served in Poland November 1989", "POLAND MAY-63": a date, no clinical word
        if clinical_name and COUNT_BEFORE_RE.search(text, max(0, start - 12), start) and not BED_BEFORE_RE.search(text, max(0, start - 20), start):
            return lexicon.is_common(following)  # "0 brady events", not "Bed 3 Coe transferred"
        if fold(following) in self.finding_words or fold(lexicon.misspelling_of(following)) in self.finding_words:
            # "Moro present.", "Moro symmetric, suck strong", "Moro persent.": the finding, though misspelt one slip, ends its
            # clause ("Brady present at bedside" does not)
            return FINDING_END_RE.match(text, nxt.end("word")) is not None
        if not lexicon.is_eponym(word):
            return False  # a clinical name before any other word ("Coe transferred"): the rules' name, not the clinical word
        # (a clinical word misspelt one slip: "Moro relfex")
        return lexicon.is_safe(following) or lexicon.is_eponym(following) or lexicon.is_safe(lexicon.misspelling_of(following))


def load_cues() -> NameCues:
    return NameCues(data_yaml("name_cues.yaml"))


def _opens_sign_off_line(text: str, position: int) -> bool:
    """Whether only blanks and maybe a dash stand between ``position`` and the start of its line (matched from the
    line's start, not searched for over the text before it)."""
    return SIGN_OFF_LINE_START_RE.fullmatch(text, text.rfind("\n", 0, position) + 1, position) is not None


# what a word says by itself in NameFinder._list_names: no listed name's opening; a listed name; a double-barrelled
# surname, a name only where a person is named
LIST_NEVER, LIST_NAME, LIST_IF_PLACED = 0, 1, 2
# distinct words whose readings are remembered (the table starts again past this)
MAX_CACHED_WORDS = 200_000


class NameFinder:
    """Every NAME span the cues and lists show in a report."""

    def __init__(self, lexicon: Lexicon, cues: NameCues, allowed_word) -> None:
        self.lexicon = lexicon
        self.cues = cues
        self.allowed_word = allowed_word  # a word the allow-list keeps (eponyms, devices)
        # what each distinct word says by itself in _list_names (see _list_word): reports repeat their words
        self._list_words: dict[str, tuple[int, bool]] = {}

    # -- public ------------------------------------------------------------
    def find(self, text: str) -> list[RuleSpan]:
        spans: list[RuleSpan] = []
        cues = self.cues
        caseless = capitals_mean_nothing(text)
        for match in cues.title_re.finditer(text):
            if fold(match.group(0).strip()) == "cdr" and RATING_AFTER_RE.match(text, match.end()):
                continue  # "CDR sum of boxes 4.5", "CDR global 1", "CDR 0.5": a clinical dementia rating, no commander
            if GRADED_FINDING_RE.search(text, max(0, match.start() - 24), match.start()) and GRADED_TITLE_RE.match(match.group(0)):
                continue  # "Mild MR. Doppler pattern", "moderate MS": a valve's lesion graded, not "Mr." or "Ms."
            if "." in match.group(0) and "\n" in match.group(0) and not self._name_wrapped_after_title(text, match, caseless):
                continue  # "discussed with the patient's nurse.\nMild cardiomegaly": the sentence ended with the title's word
            spans.extend(self._take_name(text, match.end(), TITLE, "name_title", caseless))
        for match in cues.phrase_re.finditer(text):
            found = self._take_name(text, match.end(), STRONG, "name_phrase", caseless)
            role_words = [fold(w).rstrip(".") for w in match.group("role").split()]
            graded = any(GRADE_LETTERS_RE.fullmatch(w) for w in role_words)
            if found and graded and self._unit_after_grade(text, found[0].start):
                continue  # "D/w R3 Sickle cell team", "D/w FY1 Ward sister", "D/w PGY-2 Bishop score 8": a team, a service or
                # a clinical word after the grade, no surname
            if PERSON_ROLE_WORDS.intersection(role_words) or graded:
                # "d/w PA Johansson", "d/w pgy-3 sterling": a person's role or grade between the phrase and the word makes it
                # a person, even when the word is also an eponym ("Sinding-Larsen-Johansson")
                found = [dataclasses.replace(span, strong=True) for span in found]
            elif found and (self._eponym_phrase_at(text, found[0].start) or self._shorthand_team(text, found[0].start)):
                continue  # "plan reviewed with bishop score": an eponymous phrase, no person (not "d/w Bell ED attending")
            spans.extend(found)
        for match in cues.surname_cue_re.finditer(text):
            spans.extend(self._surname_after_cue(text, match.end(), caseless))
        for match in cues.weak_re.finditer(text):
            found = self._take_name(text, match.end(), WEAK, "name_weak_phrase", caseless)
            if found and self._shorthand_team(text, found[0].start):
                continue  # "debriefed by Code team": ward shorthand before a team's word
            spans.extend(found)
        for match in cues.role_re.finditer(text):
            # "PT", "CM", "RT" are units and abbreviations too: after them only a listed name counts
            role = fold(match.group(0).strip().rstrip("."))
            if role in cues.ambiguous_roles and NUMBER_BEFORE_RE.search(text, max(0, match.start() - 12), match.start() + 1):
                continue  # "HC 34 cm. Good tone": a unit after its number, not a case manager
            if role in cues.exam_heading_ranks and self._exam_heading(text, match.end()):
                continue  # "GEN Frail, NAD", "gen quiet, cooperative", "MSG Bright and alert": a general exam's heading
            if role in cues.word_ranks and self._shorthand_after_rank(text, match.end(), caseless):
                continue  # "CPT code 71046", "CPT CODES 71045-71048": a billing code, no surname
            mode = WEAK if role in cues.ambiguous_roles else ROLE
            found = self._take_name(text, match.end(), mode, "name_role", caseless, after_role=True)
            if not found and role in cues.word_ranks and not caseless:
                found = self._surname_after_rank(text, match)
            if " ".join(role.split()) in cues.grade_roles and found and self.lexicon.is_vocabulary(text[found[0].start:found[0].end].split()[0]):
                continue  # "FY1 Ward Round:", "SHO Check K", "ST4 Gastro reviewed": after a grade, a word of the language or
                # of medicine heads a list of jobs or names a specialty as often as it is a surname
            spans.extend(found)
            if mode == ROLE:
                spans.extend(self._names_listed_after(text, found, "name_role", caseless))
        for match in cues.role_field_re.finditer(text):
            spans.extend(self._take_name(text, match.end(), SIGNATURE, "name_role", caseless))
        for match in cues.kin_re.finditer(text):
            spans.extend(self._take_name(text, match.end(), KIN, "name_kin", caseless))
        for match in cues.kin_field_re.finditer(text):
            spans.extend(span for span in self._take_name(text, match.end(), SIGNATURE, "name_kin", caseless)
                         if self._record_name(text[span.start:span.end]))
        # cues searched only where the text holds what each of their matches holds ("is a", a closing)
        states_an_age = cues.is_an_re.search(text) is not None
        has_closing = cues.closing_word_re.search(text) is not None
        # (read once: _initials_after reads where they end)
        closings = list(cues.closing_inline_re.finditer(text)) if has_closing else []
        # positions where the writer's, the reader's or the patient's name follows
        for cue_re, source, names_someone in (
            (cues.signature_re, "name_signature", self._signs),
            (cues.esig_re, "name_signature", None),
            (cues.salutation_re, "name_salutation", None),
            (cues.before_record_re, "name_record_subject", None),
            (cues.age_subject_re if states_an_age else None, "name_record_subject", None),
            (cues.closing_inline_re if has_closing else None, "name_record_subject", self._closes_with_name),
        ):
            if cue_re is None:
                continue
            for match in closings if cue_re is cues.closing_inline_re else cue_re.finditer(text):
                found = []
                if names_someone is None or names_someone(text, match, caseless):
                    found = self._take_name(text, self._after_rank(text, match.end()), SIGNATURE, source, caseless)
                    if cue_re is cues.age_subject_re and found and not cues.is_an_re.match(text, found[-1].end):
                        found = []  # "Donor kidney recipient is a 60 year old man": the subject is more than a name
                    spans.extend(found)
                    if source == "name_signature":
                        spans.extend(self._names_listed_after(text, found, source, caseless))
                if not found and (cue_re is cues.closing_inline_re or cue_re is cues.salutation_re):
                    # "thanks so much holly", "thx, -june", "Hi June,": a given name alone, though it is also a word
                    spans.extend(self._given_alone(text, match.end(), source))
        for match in cues.introduction_re.finditer(text):
            # "this is Bjørn, her brother": a word no list knows, or a listed name written as one among lower case
            first = WORD_RE.match(text, match.end())
            if first and self._introduced(text, first, caseless):
                spans.extend(self._take_name(text, match.end(), SIGNATURE, "name_introduction", caseless))
            elif first and WRITER_GOES_ON_RE.match(text, first.end()) and not SELF_STATE_RE.match(match.group(0)):
                spans.extend(self._given_alone(text, match.end(), "name_introduction", ends=False))  # "this is hope. i am 34"
            elif first and (calling := CALLING_AFTER_RE.match(text, first.end())) and self._calls(first.group(0), calling):
                # "this is faith calling about", "this is dawn mimarva calling": a given name, maybe a surname, then the call
                spans.append(RuleSpan(first.start(), first.end(), "NAME", "name_introduction", strong=True))
                if calling.group("surname"):
                    spans.append(RuleSpan(calling.start("surname"), calling.end("surname"), "NAME", "name_introduction", strong=True))
        for match in cues.vocative_re.finditer(text):
            # no cue word before it: the first word must be a given name or a word no list knows ("Overall, it was")
            first = WORD_RE.match(text, match.end())
            if first and match.group("result") and not (self._blocked_given(first.group(0)) or (
                    len(first.group(0)) >= 3 and self.lexicon.is_given(first.group(0)) and fold(first.group(0)) not in self.lexicon.english)):
                continue  # before a result only a given name that is no word opens the message ("Great news, your", "Ok, your")
            if first and (self.lexicon.is_given(first.group(0)) or self._unknown(first.group(0))):
                found = self._take_name(text, match.end(), SIGNATURE, "name_salutation", caseless)
                if not found and self._blocked_given(first.group(0)):
                    found = [RuleSpan(first.start(), first.end(), "NAME", "name_salutation", strong=True)]  # "April, your scan"
                spans.extend(found)
        for match in cues.newborn_re.finditer(text):
            words = match.group("name").split()
            if any(fold(w) in cues.newborn_descriptors for w in words):
                continue  # "Term, baby girl", "Late preterm, baby boy A", "Twin, baby girl B": never a family's name
            shape = self._newborn_label_shape(text, match, caseless)
            if any(fold(w) in cues.shorthand_after_rank for w in words) and not (
                    NEWBORN_HEADER_AFTER_RE.match(text, match.end()) or RECORD_FIELD_LINE_AFTER_RE.match(text, match.end())):
                continue  # "Newborn Exam\nWell, Baby Girl\nNo distress": how the newborn is, but where a record's field
                # follows ("Well, Baby Boy\nMRN: 4418207")
            if shape == SENTENCE_GOES_ON and any(fold(w) in self.lexicon.english for w in words):
                continue  # "Well, baby boy A is feeding", "Weak, baby boy crying weakly", "Long, baby girl, 52 cm": what the
                # note says of the newborn, the sentence going on after its label
            if not any(self._blocked(w) or self.lexicon.is_safe(w) or fold(w) in self.cues.never_names for w in words) or (
                    shape == HEADER_GOES_ON and cues.newborn_sex_after_re.match(text, match.end("name"))
                    and all(self.lexicon.is_surname(w) and not self._blocked(w) and fold(w) not in cues.label_words
                            and not self.lexicon.is_medical(w) for w in words)):
                # ("Day, Baby Girl B MRN 1234", "PAGE, BABY BOY  DOB 3/4/25": a family name that is also a clinical word,
                # before the newborn's word and sex after a comma at the line's start, a header's field after them;
                # "White, baby boy", "Pale, baby boy" alone on their line say how the newborn is)
                spans.append(RuleSpan(match.start("name"), match.end("name"), "NAME", "name_newborn", strong=True))
        for match in CREDENTIAL_FIRST_RE.finditer(text):
            spans.extend(self._take_name(text, match.end(), SIGNATURE, "name_signature", caseless))
        for match in INITIALS_ROLE_LINE_RE.finditer(text):
            if not DOSING_DOTTED_RE.fullmatch(match.group("initials")):  # ("p.o. / PR", "a.m. / PM": dosing, not initials)
                spans.append(RuleSpan(match.start("initials"), match.end("initials"), "NAME", "name_initials", strong=True))
        for match in cues.credential_pager_re.finditer(text):
            if self._credential_pager_name(match.group("name"), caseless):
                spans.append(RuleSpan(match.start("name"), match.end("name"), "NAME", "name_signature", strong=True))
        for match in cues.closing_re.finditer(text) if has_closing else ():
            spans.extend(self._take_name(text, match.end(), SIGNATURE, "name_closing", caseless))
        for match in cues.dash_signer_re.finditer(text):
            spans.extend(self._take_name(text, match.end(), SIGNATURE, "name_dash_signer", caseless))
        spans.extend(self._name_fields(text))
        spans.extend(self._support_names(text, caseless))
        spans.extend(self._placement_names(text))
        spans.extend(self._role_signoffs(text))
        spans.extend(self._suffix_names(text, caseless))
        spans.extend(self._comma_names(text, caseless))
        spans.extend(self._initials(text))
        spans.extend(self._list_names(text, caseless))
        spans.extend(self._initials_after(text, spans, caseless, {match.end() for match in closings}))
        spans.extend(self._leading_given(text, spans, caseless))
        return spans

    def _leading_given(self, text: str, spans: list[RuleSpan], caseless: bool) -> list[RuleSpan]:
        """An initial or a given name before a strong name that opens its line or its list's item ("S Quarrie, Clinical
        Pharmacist", "m. donnelly (NUM)", "Wetini Quarrie, Occupational Therapist"): the same person's."""
        found = []
        for span in spans:
            if span.label != "NAME":
                continue
            before = LEADING_WORD_RE.search(text, max(0, span.start - 40), span.start)
            if before is None:
                continue
            word = before.group("word")
            letters = word.rstrip(".")
            if not span.strong and not (len(letters) == 1 and word.endswith(".")):
                continue  # (before a name a list found, only an initial with its dot: "m. donnelly (NUM)")
            if len(letters) == 1:
                if not (letters.isupper() or caseless or word.endswith(".")) or (fold(letters) in {"a", "i"} and not word.endswith(".")):
                    continue
            elif ("'" in word or "’" in word or self._blocked(word) or not (is_capitalised(word) or caseless)
                  or (caseless and len(word) <= 3) or (self.lexicon.is_vocabulary(word) and not self.lexicon.is_given(word))):
                continue  # ("It's Ann Roe again": no name's word; "nic fischer" where case tells nothing: a role's letters)
            found.append(RuleSpan(before.start("word"), span.start, "NAME", span.source, strong=True))
        return found

    def _opens_field(self, text: str, position: int) -> bool:
        """Whether ``position`` opens a line or a field's value, the field no heading of a note's narrative
        ("PULMONOLOGY: ", not "PLAN: ")."""
        opening = FIELD_OPENING_RE.search(text, max(0, position - 40), position)
        return opening is not None and not (opening.group("label") and fold(opening.group("label")) in self.cues.heading_words)

    def _record_name(self, value: str) -> bool:
        """"Surname, Given" as a record writes a person: a listed given name that is no clinical word after the comma
        (not "FATHER: MI AT 50, CABG", "MOTHER: STROKE, MILD", "FATHER: CANCER, COLON")."""
        given_words = value.partition(",")[2].split()
        return bool(given_words) and self.lexicon.is_given(given_words[0]) and not self.lexicon.is_safe(given_words[0])

    def _name_fields(self, text: str) -> list[RuleSpan]:
        """The whole value of a name-only field, whatever its case, when each of its words is a listed name, an
        initial or a word no list knows, though they are also words ("PATIENT NAME: WILL BROWN", "pt name: hope
        king"); not a placeholder ("Name: Unknown") nor clinical words alone ("Name: CHEST PA")."""
        spans = []
        for match in self.cues.name_field_re.finditer(text):
            title = self.cues.title_re.match(text, match.end())  # "NAME: MR HAO BEAULIEU": the name after the title
            value = NAME_FIELD_VALUE_RE.match(text, title.end() if title else match.end())
            if not value:
                continue
            end = value.start()
            words = []
            for word in NAME_WORD_RE.finditer(text, value.start(), value.end()):
                folded = fold(word.group(0))
                if folded in NAME_FIELD_STOPS or folded in self.cues.suffix_folded:
                    break  # "Name: John Smith Male", "Name: John Smith, MD": the next field or a credential
                words.append(word.group(0))
                end = word.end() + (1 if len(word.group(0)) == 1 and text[word.end():word.end() + 1] == "." else 0)
            if not words or text.count(",", value.start(), end) > 1:
                continue
            if any(len(set(fold(w))) == 1 and len(w) > 2 for w in words):
                continue  # "Name: XXXX": a mask
            if any(fold(w) in NAME_FIELD_PLACEHOLDERS or (fold(w) in FUNCTION_WORDS and not self._blocked_given(w))
                   or fold(w) in self.cues.label_words
                   or not (len(w) == 1 or self.lexicon.is_name(w) or self._unknown(w)) for w in words):
                continue
            if all(self.lexicon.is_safe(w) and not self._blocked_given(w) for w in words if len(w) > 1):
                continue
            spans.append(RuleSpan(value.start(), end, "NAME", "name_signature", strong=True))
        return spans

    def _newborn_label_shape(self, text: str, match: re.Match[str], caseless: bool) -> str:
        """What follows a newborn's label at a line's start ("Day, Baby Girl B"): a header's field, a record's number, a
        date, a bed or a column's gap (HEADER_GOES_ON: "MRN 1234", "  DOB 3/4/25", "| Bed 4"), the line's end or a
        bracket (LINE_ENDS), or a sentence going on (SENTENCE_GOES_ON: "crying weakly", ", placed under warmer",
        ", 52 cm"); a name's field before the name ("Infant: White, Baby Boy") is a header's."""
        if ":" in text[match.start():match.start("name")] or NEWBORN_HEADER_AFTER_RE.match(text, match.end()):
            return HEADER_GOES_ON
        if NEWBORN_LINE_END_AFTER_RE.match(text, match.end()):
            # alone on its line below a note's title or above a record's field, the label written as a header writes it
            # where capitals mean something ("NICU Progress Note\nPink, Baby Girl\nDOL 3"; not "Nursery Note\nPale, baby
            # boy", which says how the newborn is)
            label = text[match.end("name"):match.end()]
            headed = (caseless or all(is_capitalised(w) for w in NAME_WORD_RE.findall(label) if len(w) > 1)) and (
                self._note_title_before(text, match.start("name")) or RECORD_FIELD_LINE_AFTER_RE.match(text, match.end()) is not None)
            return HEADER_GOES_ON if headed else LINE_ENDS
        return SENTENCE_GOES_ON

    def _note_title_before(self, text: str, position: int) -> bool:
        """The line above ``position``'s is a note's title: a few words, one of them a heading's ("NICU Progress Note",
        "Newborn Discharge Summary", "Daily note - NICU"), and no sentence's punctuation."""
        line_start = text.rfind("\n", 0, position) + 1
        title = TITLE_LINE_BEFORE_RE.search(text, max(0, line_start - 80), line_start)
        if title is None:
            return False
        words = NAME_WORD_RE.findall(title.group("title"))
        return 0 < len(words) <= MAX_TITLE_WORDS and any(fold(w) in self.cues.heading_words for w in words)

    def _credential_pager_name(self, name: str, caseless: bool) -> bool:
        """The words between a credential opening a line and a pager or an extension read as the clinician's name: each
        an initial, a particle before a further word, or a listed name or a word no list knows, and no cue's or clinical
        word that is no name ("resident surgery pg 1234", "md night float pager 2345": a service). Where no capital shows
        the name (small letters, or a note whose capitals mean nothing), a word of the language must be a given name to
        open it and the words must not tell what was done to whom ("RN gave dose x4410", "TECH DREW BLOOD PAGER 4411",
        "md saw baby pg 4411": a verb, a clinical word, the newborn)."""
        lexicon = self.lexicon
        words = [w.rstrip(".") for w in name.split()]
        if all(fold(w) in NAME_PARTICLES or len(w) == 1 for w in words):
            return False  # (a particle is a surname only after a name's word: "MD Anh Le pager 4411", "MD Paul Van pg 4411")
        written = not caseless and all(w[:1].isupper() for w in words if fold(w) not in NAME_PARTICLES)
        first = next((i for i, w in enumerate(words) if len(w) > 1 and fold(w) not in NAME_PARTICLES), -1)
        for index, word in enumerate(words):
            folded = fold(word)
            if len(word) == 1 or (folded in NAME_PARTICLES and index < len(words) - 1):
                continue  # an initial; particles before the surname ("md lukas van der berg beeper 5557"); the last word
                # before the pager is the surname, though it is a particle elsewhere ("NP Hoa Di pager 4411")
            if not ((lexicon.is_name(word) or self._unknown(word)) and not self._blocked(word) and folded not in self.cues.never_names
                    and not (lexicon.is_safe(word) and not lexicon.is_name(word))):
                return False
            if written:
                continue
            if folded in self.cues.newborn_words:
                return False  # ("md saw baby pg 4411")
            if index == first and folded in lexicon.english and not lexicon.is_given(word):
                return False  # ("RN gave dose x4410", "rt held trial x-4410": a verb opens the words)
            if (index > first >= 0 and fold(words[first]) in lexicon.english and lexicon.is_safe(word)
                    and not lexicon.is_given(word) and folded not in NAME_PARTICLES):
                return False  # ("tech drew blood pager 4411": a word of the language, then a clinical word)
        return True

    def _exam_heading(self, text: str, position: int) -> bool:
        """The word at ``position`` says how a patient looks at a general examination, and a comma, "and", a clinical word
        or another such word follows: the rank's letters head the exam ("GEN Frail, NAD", "GEN Good color", "MSG Bright and
        alert"; not "GEN Marsh, aware", "GEN Young at bedside")."""
        match = NAME_TOKEN_RE.match(text, position)
        if (match is None or match.group("comma") or len(match.group("gap")) > 1 or match.group("dot")
                or fold(match.group("word")) not in self.cues.general_exam_words):
            return False
        if LIST_MARK_AFTER_RE.match(text, match.end("word")):
            return True
        if LINE_END_RE.match(text, match.end("word")):
            return fold(match.group("word")) in self.cues.shorthand_after_rank  # "GEN Well" (not "ESCORT: GEN YOUNG")
        if SURNAME_CLOSE_RE.match(text, match.end("word")) or ROLE_NAME_CLOSE_RE.match(text, match.end("word")):
            return False  # ("gen young aware", "GEN YOUNG AT BEDSIDE": what the person does or where)
        nxt = NAME_TOKEN_RE.match(text, match.end("word"))
        if nxt is None or len(nxt.group("gap")) > 1 or nxt.group("comma"):
            return False
        following = nxt.group("word")
        return (fold(following) in {"and", "but", "appearing", "looking", "nad", "wnl"} or fold(following) in self.cues.general_exam_words
                or self.lexicon.is_safe(following) or self.lexicon.is_medical(following))

    def _shorthand_after_rank(self, text: str, position: int, caseless: bool) -> bool:
        """Ward shorthand after a rank's letters ("CPT code 71046", "CPT codes reviewed", "CPT CODES 71045-71048"): written
        in small letters where capitals mean something, or before a number; not "MAJ Well." nor "LT Code.", a name."""
        match = NAME_TOKEN_RE.match(text, position)
        if match is None or fold(match.group("word")) not in self.cues.shorthand_after_rank:
            return False
        return (not caseless and match.group("word").islower()) or NUMBER_AFTER_RE.match(text, match.end("word")) is not None

    def _surname_after_rank(self, text: str, match: re.Match[str]) -> list[RuleSpan]:
        """After a rank's letters written in capitals, a listed surname written as a name is written, where capitals mean
        something ("Per MAJ Smith the film is unchanged", "CPT Price-Young at bedside"): no clinical, function, cue or
        structure word ("LT Foot drop", "CPT Modifier 26"), and no exam's word after an exam's heading."""
        rank = match.group(0).strip().rstrip(".")
        token = NAME_TOKEN_RE.match(text, match.end())
        if not rank.isupper() or token is None or len(token.group("gap")) > 1:
            return []
        word = token.group("word")
        if token.group("comma"):
            return []
        parts = word.split("-")
        if not all(len(p) > 1 and p[0].isupper() and p[1:].islower() and self._word_surname(p) and not self.lexicon.is_medical(p)
                   and fold(p) not in WHEN_WORDS and fold(p) not in self.cues.label_words for p in parts):
            return []
        if fold(rank) in self.cues.exam_heading_ranks and fold(word) in self.cues.general_exam_words:
            return []  # ("GEN Young" may be how the patient looks)
        if self.cues.clinical_use(self.lexicon, text, token.start("word"), token.end("word"), caseless=False) or self._eponym_phrase_at(
                text, token.start("word")):
            return []
        return [RuleSpan(token.start("word"), token.end("word"), "NAME", "name_role", strong=True)]

    def _eponym_phrase_at(self, text: str, position: int) -> bool:
        """The words from ``position`` open an eponymous term the lists hold whole ("Bishop score", "Bell palsy", "Graves
        disease"), not an eponym's word before any clinical word ("Bell ED attending", "Graves bedside nurse")."""
        match = PHRASE_WORDS_RE.match(text, position)
        if match is None or not self.lexicon.is_eponym(match.group(1)):
            return False
        words = [fold(w) for w in match.group(0).split()]
        return any(" ".join(words[:n]) in self.lexicon.safe_phrases for n in range(2, len(words) + 1))

    def _shorthand_team(self, text: str, position: int) -> bool:
        """Ward shorthand before a team's or a service's word at ``position`` ("Code team", "Med team", "Meds list"): no
        surname, though lists hold the word as one."""
        match = PHRASE_WORDS_RE.match(text, position)
        words = match.group(0).split() if match else []
        return len(words) > 1 and fold(words[0]) in self.cues.shorthand_after_rank and fold(words[1]) in UNIT_AFTER_GRADE_WORDS

    def _unit_after_grade(self, text: str, position: int) -> bool:
        """After a discussion's cue and a trainee's grade, the word at ``position`` names a team, a service or a clinical
        thing, no surname: a clinical word, an eponymous term, or a word before a team's or a score's word ("D/w R3 Sickle
        cell team", "D/w R2 Stroke team", "D/W R3 NIGHT TEAM", "D/w FY1 Ward sister", "D/w PGY-2 Bishop score 8")."""
        match = PHRASE_WORDS_RE.match(text, position)
        if match is None:
            return False
        words = match.group(0).split()
        return (self.lexicon.is_safe(words[0]) or self.lexicon.is_medical(words[0]) or fold(words[0]) in WHEN_WORDS
                or self._eponym_phrase_at(text, position)
                or (len(words) > 1 and fold(words[1]) in UNIT_AFTER_GRADE_WORDS))

    def _surname_after_cue(self, text: str, position: int, caseless: bool) -> list[RuleSpan]:
        """After an appointment's or an update's cue and "with" or "by", a listed surname alone, or a listed given name and
        a listed surname, up to the clause's end, a date, a time or what the appointment is for, though the words are also
        words of the language ("appt booked 3/2 at 10:00 am with frost.", "SCHEDULED WITH PRICE ON 4/5", "updated at
        bedside by frost;", "scheduled with hope rivers on 4/5"); in a note written in both cases, only a word written with
        a capital. Never a clinical, kin, cue, function or structure word, a part of a day, an eponym before clinical
        vocabulary, a word no list knows, a hyphenated service or short capitals ("scheduled with cardiology", "with mom",
        "updated by phone", "by RN", "by night team", "with bishop score", "with Lyft", "with Heme-Onc", "by VM")."""
        match = NAME_TOKEN_RE.match(text, position)
        if match is None or match.group("gap") or match.group("comma"):
            return []
        word = match.group("word")
        if not (caseless or is_capitalised(word)):
            return []  # ("appt booked with hope for the best" in a note written in both cases: a word)
        pair = self._reached_surname_end(text, match, SURNAME_CUE_CLOSE_RE)
        if pair > 0:
            return [RuleSpan(match.start("word"), pair, "NAME", "name_phrase", strong=True)]
        if not caseless and word.isupper() and len(word) <= 4:
            return []  # ("scheduled with NSGY", "updated by VM": a service's or a way's letters)
        # a listed surname, or a double one of listed surnames ("with Frost-Young"); no word no list knows ("with Lyft",
        # "by MyChart", "with Similac") and no other hyphenated word ("with Heme-Onc", "by teach-back")
        if not all(self._word_surname(part) or self.lexicon.is_unambiguous_name(part) for part in word.split("-")):
            return []
        if not ((self._word_surname(word) or self.lexicon.is_unambiguous_name(word) or "-" in word)
                and not self._blocked(word) and fold(word) not in self.cues.label_words and fold(word) not in WHEN_WORDS
                and not self.lexicon.is_medical(word) and not self.lexicon.is_safe(word) and not self.allowed_word(word)
                and SURNAME_CUE_CLOSE_RE.match(text, match.end("word")) is not None
                and not self.cues.clinical_use(self.lexicon, text, match.start("word"), match.end("word"), caseless)):
            return []
        return [RuleSpan(match.start("word"), match.end("word"), "NAME", "name_phrase", strong=True)]

    def _support_names(self, text: str, caseless: bool) -> list[RuleSpan]:
        """A support person's field holding a listed given name and a listed surname or a word no list knows, up to the
        line's or the sentence's end ("Support: Honor Whitley.", "support person present: faith landry"): no clinical,
        medical, cue, function or structure word ("Support: ventilator.", "Support: none", "SUPPORT: FAMILY AT
        BEDSIDE", "Support: high flow"), and one of the two no word of the language ("Support: Church Friends.")."""
        spans = []
        lexicon = self.lexicon
        for match in self.cues.support_field_re.finditer(text):
            def plain(word: str) -> bool:
                folded = fold(word)
                return not (lexicon.is_safe(word) or lexicon.is_medical(word) or self._blocked(word)
                            or folded in self.cues.label_words or folded in NAME_FIELD_PLACEHOLDERS or folded in WHEN_WORDS)

            def person(given: str, middle: str | None, surname: str) -> bool:
                if not (plain(given) and plain(surname) and lexicon.is_given(given)
                        and (lexicon.is_surname(surname) or self._unknown(surname))):
                    return False
                if middle is not None and not (plain(middle) and lexicon.is_given(middle)):
                    return False  # ("Support: mother at bedside": no second given name)
                # two words of the language are a name too ("Support: Hope Rivers.", "SUPPORT PERSON: JOY LAKE"), but for a
                # congregation, a group, kin or carers ("Support: Church Friends.", "SUPPORT: CHURCH GROUP", "Support: Good
                # Neighbors": no given name opens it)
                return not any(fold(w) in self.cues.support_groups or self._kin_or_carer(w) or self._kin_or_carer(w.rstrip("sS"))
                               for w in (given, middle, surname) if w is not None)

            if not person(match.group("given"), match.group("middle"), match.group("surname")):
                continue
            spans.append(RuleSpan(match.start("given"), match.end("surname"), "NAME", "name_signature", strong=True))
            if match.group("given2") and person(match.group("given2"), None, match.group("surname2")):
                spans.append(RuleSpan(match.start("given2"), match.end("surname2"), "NAME", "name_signature", strong=True))
        return spans

    def _placement_names(self, text: str) -> list[RuleSpan]:
        """The carer a child goes to or stays with, named after the kind of care and the household: a listed given name
        and a listed surname or a word no list knows, whatever the case ("to pre-adoptive family, Mercy Lund through
        the agency", "WITH FOSTER PARENT HOPE GRANT"); no cue's, function, structure or medical word, and no clinical word
        for the surname ("to foster family, county to follow", "with foster parents, doing well")."""
        spans = []
        lexicon = self.lexicon
        for match in self.cues.placement_re.finditer(text):
            given, surname = match.group("given"), match.group("surname")

            def plain(word: str) -> bool:
                folded = fold(word)
                return not (lexicon.is_medical(word) or self._blocked(word) or folded in self.cues.label_words
                            or folded in WHEN_WORDS or folded in NAME_FIELD_PLACEHOLDERS)

            if (plain(given) and plain(surname) and lexicon.is_given(given) and not lexicon.is_safe(surname)
                    and (lexicon.is_surname(surname) or self._unknown(surname))):
                spans.append(RuleSpan(match.start("given"), match.end("surname"), "NAME", "name_kin", strong=True))
        return spans

    def _role_signoffs(self, text: str) -> list[RuleSpan]:
        """The name on a sign-off line before ", <role>", whatever its case, when each of its words is an initial, a
        listed name, a particle or a word no list knows, and none a cue's or a clinical word ("-- c. pemberton, case
        manager", "rosa o'malley, transport coordinator"; not "Pt seen, case manager", "Discussed with family, social
        worker"); a single word of two or three letters that is no English or clinical word is the writer's initials
        ("QKT, certified medical interpreter"; not "AF, CMI" in a problem list)."""
        spans = []
        for match in self.cues.role_signoff_re.finditer(text):
            words = [w.strip(".") for w in match.group("name").split()]
            if len(words) > 4 or not words:
                continue
            if any(fold(w) in NAME_FIELD_PLACEHOLDERS for w in words):
                continue  # "Ok, nurse", "N/A, case manager"
            initials = (len(words) == 1 and 2 <= len(words[0]) <= 3 and words[0].isalpha() and fold(words[0]) not in FUNCTION_WORDS
                        and fold(words[0]) not in self.lexicon.english and not self.lexicon.is_safe(words[0]))
            if not initials and not all(
                len(w) == 1 or fold(w) in NAME_PARTICLES
                or ((self.lexicon.is_name(w) or self._unknown(w) or all(self.lexicon.is_name(part) or self._unknown(part)
                                                                        for part in re.split(r"[-'’]", w) if len(part) > 1))
                    and not self._blocked(w)
                    and not (self.lexicon.is_vocabulary(w) and (index == len(words) - 1 or not self.lexicon.is_given(w))))
                for index, w in enumerate(words)):
                continue  # (a word of the language or of medicine only as a given name before the surname: not "Stable, RN",
                # "Happy, charge nurse", "Gray matter, nurse", "Crohn, IBD nurse")
            if initials and BULLET_BEFORE_RE.search(text, max(0, match.start("name") - 8), match.start("name")):
                continue  # "- DST, social worker", "- TOC, case manager": a list's item, a service's letters and who does it
            if not initials and (all(len(w) == 1 for w in words) or (len(words) == 1 and (
                    self.lexicon.is_common(words[0]) or not self.lexicon.is_name(words[0])))):
                continue  # (a single word a listed name that names no sign or disease: not "- Parkinson, specialist nurse",
                # "Reviewd, SHO")
            spans.append(RuleSpan(match.start("name"), match.end("name"), "NAME", "name_signature", strong=True))
        return spans

    def _names_listed_after(self, text: str, found: list[RuleSpan], source: str, caseless: bool) -> list[RuleSpan]:
        """The people listed after the first in a header's field, one after each slash or semicolon, each maybe
        with a role or a number of their own ("Crew: Green (P) / Hill (B)", "STAFF: ... ; RN ROGERS")."""
        spans: list[RuleSpan] = []
        while found:
            item = self.cues.listed_person_re.match(text, found[-1].end)
            if not item:
                break
            found = self._take_name(text, item.end(), SIGNATURE, source, caseless)
            spans.extend(found)
        return spans

    def _initials_after(self, text: str, spans: list[RuleSpan], caseless: bool, closed: set[int]) -> list[RuleSpan]:
        """Initials in brackets right after a name: "Booked by Kevin (KR)", "Gale Andrews (GA)"
        (not a unit or a role: "Dr. Li (ICU)"); a surname's initial ending a sign-off line ("Elmer D").

        ``closed``: where a closing on a name's line leaves off and a name may follow ("thanks so much, ").
        """
        found = []
        for span in spans:
            middle = MIDDLE_INITIAL_RE.match(text, span.end) if span.strong and "," in text[span.start:span.end] else None
            if middle and (middle.group("initial").isupper() or caseless):
                # "KWON, KRZYSZTOF C`", "stone, ottoline a (radiology)": the middle initial after "LAST, FIRST"
                found.append(RuleSpan(middle.start("initial"), middle.end("initial"), "NAME", "name_initials", strong=True))
            # (a listed given name found alone is a signer's where it opens its line or follows a closing: "Tamsin K",
            # "thanks so much, roshni p")
            signs = span.strong or (span.label == "NAME" and (span.start in closed or _opens_sign_off_line(text, span.start)))
            lone = LONE_INITIAL_RE.match(text, span.end) if signs else None
            if lone and (lone.group("initial").isupper() or caseless or text[span.start:span.end].islower()):
                found.append(RuleSpan(lone.start("initial"), lone.end("initial"), "NAME", "name_initials", strong=True))
            match = BRACKETED_INITIALS_RE.match(text, span.end)
            if not match or not (match.group("initials").isupper() or caseless):
                continue
            if not self.lexicon.is_safe(match.group("initials").replace(".", "")) and not self._blocked(match.group("initials")):
                found.append(RuleSpan(match.start("initials"), match.end("initials"), "NAME", "name_initials", strong=True))
        return found

    def _comma_names(self, text: str, caseless: bool) -> list[RuleSpan]:
        """"LAST, FIRST M" field values whose words read as names."""
        spans = []
        for match in COMMA_NAME_RE.finditer(text):
            last_words = re.split(r"[ \t]+", match.group("last"))
            first_words = re.split(r"[ \t]+", match.group("first"))
            words = (*last_words, *first_words)
            if caseless and not match.group("initial") and all(len(w) > 1 and fold(w) in self.lexicon.english for w in words):
                continue  # "car seat, safe sleep": where case tells nothing, English words alone make no "LAST, FIRST"
                # (with an initial they do: "FIELD, JOY K")
            if not all(self._namelike(w, caseless) or fold(w) in NAME_PARTICLES for w in last_words):
                continue
            def abbreviation(word: str) -> bool:
                return self.lexicon.is_safe(word) and word.isupper() and len(word) <= 4

            # after a person's field, a listed given name though it is also a clinical abbreviation or a cue's word: the field
            # and the comma say a person's name is written ("CHILD: MENSAH, AMA K", "PATIENT: ROE, ED M", "re: moe, bo t"),
            # after a surname no clinical word ("MOTHER: LUPUS, ANA": a history)
            field_given = (self._record_given(first_words[0]) and not any(self.lexicon.is_safe(w) for w in last_words)
                           and self.cues.person_field_before_re.search(text, max(0, match.start("last") - 40), match.start("last")) is not None)
            if (not field_given and any(abbreviation(w) for w in first_words)) or (
                any(abbreviation(w) for w in last_words) and not all(self._unknown(w) or len(w) == 1 for w in first_words)
            ):
                continue  # "GERD, CAD s/p CABG": abbreviations in a list (not "LE, XIAOMING W": a given name no list knows)
            if fold(first_words[0]) in SENTENCE_WORDS:
                continue  # "HEENT: MMM, no thrush": a finding and its negation, not "LAST, FIRST"
            if any(fold(w) in self.cues.shorthand_after_rank and fold(before).endswith("ing") and not self.lexicon.is_given(before)
                   for before, w in itertools.pairwise(first_words)):
                continue  # "IMP: ADHF, DIURESING WELL", "CHF, tolerating meds": how a problem goes, no given name
            if not (field_given or self._namelike(first_words[0], caseless, given=True)) or not all(
                self._namelike(w, caseless) or len(w) == 1 for w in first_words[1:]
            ):
                continue
            end = match.end("initial") if match.group("initial") else match.end("first")
            if match.group("initial") and text[end:end + 1] == ".":
                end += 1
            spans.append(RuleSpan(match.start("last"), end, "NAME", "name_comma", strong=True))
        return spans

    def _record_given(self, word: str) -> bool:
        """A listed given name that no credential, title, role, kin, label, function or sentence word is: after "SURNAME,"
        in a person's field, the given name though it is also a clinical abbreviation ("AMA", "ANA", "ED", "BO"; not "ROE,
        MD", "SMITH, MOTHER", "KIDD, NO", "Team: Reg moreau, SHO rossi")."""
        folded = fold(word)
        return (self.lexicon.is_given(word) and folded not in FUNCTION_WORDS and folded not in SENTENCE_WORDS
                and folded not in self.cues.suffix_folded and folded not in self.cues.title_words
                and folded not in self.cues.person_role_words
                and folded not in self.cues.kin_words and folded not in self.cues.label_words)

    def _namelike(self, word: str, caseless: bool, given: bool = False) -> bool:
        """A word that may be a name in a field: listed, or no common word; never a cue or clinical word."""
        lexicon = self.lexicon
        if self.cues.is_cue_word(fold(word)) or (fold(word) in FUNCTION_WORDS and not (given and lexicon.is_given(word))):
            return False
        if fold(word) in self.cues.label_words:
            return False  # "Okonkwo, Baby Girl": the newborn's label, not a given name
        if not caseless and word[:1].islower() and fold(word) in lexicon.english and not lexicon.is_given(word):
            return False  # "car seat, safe sleep": where capitals mean something, a lower-case word is a word
        if lexicon.is_unambiguous_name(word) or self._unknown(word):
            return True
        # the "LAST, FIRST" shape is evidence enough for a listed name that is also a word ("WALKER, INES")
        listed = lexicon.is_given(word) if given else lexicon.is_name(word)
        return listed or lexicon.is_eponym(word)

    def _initials(self, text: str) -> list[RuleSpan]:
        spans = []
        for match in INITIALS_LINE_RE.finditer(text):
            group = next(g for g in ("initials", "dotted", "tagged", "lone_signer", "signer", "typist", "pair", "closing") if match.group(g))
            if (group == "dotted" and self.lexicon.is_safe(match.group(group).replace(".", "")) and not LINE_END_RE.match(text, match.end(group))
                    and not STRONG_SIGN_OFF_TAIL_RE.match(text, match.end(group))):
                continue  # "D.O.B. 07/10/1947": a field's abbreviation written with dots (alone on its line: "B.E.", a signer)
            if group == "lone_signer" and self.lexicon.is_safe(match.group(group).split()[-1].strip(".")):
                continue  # "E. coli" on a line of its own
            value = match.group(group)
            parts = value.split("/")
            typist_case = len(parts) == 2 and (
                (parts[0].isupper() and parts[1].islower())
                or DICTATION_LINE_AFTER_RE.match(text, match.end(group)) is not None  # "MR/BP\nD: 6/2/14  T: 6/3/14"
                or DICTATION_LINE_BEFORE_RE.search(text, max(0, match.start(group) - 120), match.start(group)) is not None
                # alone on the report's last line, after a blank one: the signer's and the typist's marks ("MR/HM")
                or (not text[match.end(group):].strip() and BLANK_LINE_BEFORE_RE.search(text, 0, match.start(group)) is not None)
            )
            if group in {"pair", "typist"} and not typist_case and all(self.lexicon.is_safe(part.strip(".")) for part in parts):
                continue  # "PA/LAT", "ICU/CCU" are no typist's mark ("CR/hs" is: signer's capitals, typist's small letters)
            if group == "initials" and (fold(value.strip(".")) in FUNCTION_WORDS or (len(value) > 3 and self.lexicon.is_common(value))
                                        or (re.fullmatch(FIELD_WORDS, value.strip(".")) and FIELD_VALUE_AFTER_RE.match(text, match.end(group)))):
                continue  # "-- no change", "- dob 1/8/12": a sentence or a field, not a signature
            discipline = DISCIPLINE_TAIL_RE.match(text, match.end(group)) if group == "initials" else None
            long_dash = re.match(r"[ \t]*(?:--|—)", text[match.start():match.start(group)]) is not None
            if discipline and not long_dash and ((fold(value) in self.lexicon.english and not value.isupper())
                                                 or fold(value) in FUNCTION_WORDS
                                                 or (value.islower() and not discipline.group(0).islower())):
                continue  # "- ask SW", "- see PT", "- ref OT": a word, then who is to do it (a signer writes initials and
                # discipline alike: "-- KLT SW x4410", "-- etx sw x3207")
            if group in {"initials", "tagged"} and "." not in value and not self._signed_off(text, match, group) and (
                self.lexicon.is_safe(value) or (value[:1].isupper() and value[1:].islower())
            ):
                continue  # "- Hb 141", "- GBS 14": a bulleted lab value (initials are written in one case)
            if (group == "closing" and fold(value).replace(".", "") in self.cues.suffix_folded
                    and (len(value) < 3 or AFTER_WRITTEN_LINE_RE.search(text, max(0, match.start(group) - 80), match.start(group)))):
                continue  # "Efua Pemberton,\nMD": the credential of the line before, or a role signing ("\n\nRN"); after a
                # blank line three capitals that spell a credential are a signer's initials too ("\n\nCMA")
            end = match.end("second") if group == "initials" and match.group("second") else match.end(group)
            spans.append(RuleSpan(match.start(group), end, "NAME", "name_initials", strong=True))
        for match in STAMP_BY_INITIALS_RE.finditer(text):
            # "TRANSCRIBED: 26/12/2020 19:12 BY DCP": the typist's initials after the stamp's date, closing the line
            if fold(match.group("initials").strip(".")) not in FUNCTION_WORDS:
                spans.append(RuleSpan(match.start("initials"), match.end("initials"), "NAME", "name_initials", strong=True))
        return spans

    def _signed_off(self, text: str, match: re.Match[str], group: str) -> bool:
        """A sign-off, not a bullet: a long dash before the initials, or a date or a clock time after them
        ("-- LE 2010-09-06 1602", "— CN"): a lab value or a bullet has neither."""
        if group == "initials" and re.match(r"[ \t]*(?:--|—)", text[match.start():match.start(group)]):
            return True
        if STRONG_SIGN_OFF_TAIL_RE.match(text, match.end(group)) and not self.cues.is_cue_word(fold(match.group(group).strip("."))):
            return True  # "- LH (res) pager 1053", "- rv r2 pg#98571": who to page, after the signer's initials (not a
            # grade's: "RMO Bleep # 3680")
        line_end = text.find("\n", match.end(group))
        return bool(SIGN_OFF_DATE_TIME_RE.match(text[match.end(group):len(text) if line_end < 0 else line_end]))

    # -- words ---------------------------------------------------------------
    def _blocked(self, word: str) -> bool:
        """Words that are never part of a name: function words, cue words, months, days."""
        folded = fold(word)
        return (
            folded in FUNCTION_WORDS
            or self.cues.is_cue_word(folded)
            or folded in MONTH_WORDS
            or folded in WEEKDAY_WORDS
        )

    def _word_surname(self, word: str) -> bool:
        """A listed surname that may also be a plain word ("Golden", "Green"), though no clinical, function, cue or
        structure word: a name where its position says so."""
        return self.lexicon.is_surname(word) and self._plain_name_word(word, month=False)

    def _word_name(self, word: str) -> bool:
        """A listed surname or given name that may also be a plain word ("Green", "Sterling", "June")."""
        return (self.lexicon.is_surname(word) or self.lexicon.is_given(word)) and self._plain_name_word(word, month=True)

    def _plain_name_word(self, word: str, month: bool) -> bool:
        """No clinical, function, cue or structure word (``month``: a month's name may be a given name)."""
        folded = fold(word)
        return (not self.lexicon.is_safe(word) and folded not in FUNCTION_WORDS and folded not in self.cues.never_names
                and (not self._blocked(word) or (month and self._month_given(word))))

    def _unknown(self, word: str) -> bool:
        """A word no list knows: no English word, no clinical word (a rare name, most likely)."""
        letters = word.replace("-", "").replace("'", "").replace("’", "")
        return len(letters) >= 2 and letters.isalpha() and not self.lexicon.is_common(word) and not self.allowed_word(word)

    def _accept(self, word: str, mode: str, first: bool, caseless: bool) -> bool:
        """Whether ``word`` continues a name read in a name position of the given mode."""
        lexicon = self.lexicon
        if mode != TITLE and fold(word) in NAME_FIELD_PLACEHOLDERS and not self.lexicon.is_unambiguous_name(word):
            return False  # "Expected cosigner: Unknown", "Attending: TBD": what fills a field when no one is named
        if (mode == KIN or not first) and fold(word) in self.cues.actions_after_name:
            return False  # "sibling born at term", "brother deceased", "HUSBAND CIARAN BEGAY WORKS AT": what the person did
        if mode == KIN and lexicon.is_given(word) and not self.cues.is_cue_word(fold(word)) and fold(word) not in FUNCTION_WORDS:
            return True  # "her son hunter", "NEPHEW MARK", "DAUGHTER-IN-LAW JUNE": a given name after a kin word
        if fold(word) in self.cues.never_names and not (mode == TITLE and first):
            return False  # "Physician Note", "Medication List", "Placed in room"
        if fold(word) in self.cues.newborn_words:
            return False  # "Okonkwo, Baby Girl"
        if self._blocked(word):
            # "Dr. Sun", "Dr. May", "A. Sun": after a title or inside a name a month or a day is a surname
            folded = fold(word)
            calendar = folded in CALENDAR_WORDS
            if mode == TITLE and first and folded not in FUNCTION_WORDS and self.cues.is_cue_word(folded) and lexicon.is_surname(word):
                return True  # "Dr. Read", "Dr. Ward": right after a title, a cue's word that is a surname is one
            return calendar and lexicon.is_name(word) and ((mode == TITLE and first) or (not first and mode in {TITLE, SIGNATURE, STRONG}))
        capital = is_capitalised(word) and not caseless
        if lexicon.is_safe(word) or self.allowed_word(word):
            # clinical vocabulary: a listed name right after a title ("Dr. Mass"), not a vital sign
            # after a title that is also an abbreviation ("HR 118 SR BP 120/77"), or inside a
            # name written with capitals ("Jane Q. Mass")
            if mode == TITLE and first:
                return lexicon.is_name(word)
            # inside a name, or first after an explicit cue ("d/w PA Rice"), a listed name written as one
            return (not first or mode in {SIGNATURE, STRONG, ROLE}) and (capital or caseless) and lexicon.is_name(word)
        if lexicon.is_unambiguous_name(word) or self._unknown(word):
            return mode != WEAK or lexicon.is_name(word)
        if lexicon.is_eponym(word):
            return mode != WEAK
        # an English word that is also a name ("Hope", "Hall", "Young"): the position decides
        if mode == TITLE and first:
            return True
        listed = lexicon.is_name(word)
        if not first and listed and (mode in {TITLE, SIGNATURE, STRONG} or capital or caseless or fold(word) not in lexicon.english):
            return True  # after a name word, a listed name goes on: "YESENIA JOY", "Jane Q. Mass" (after a role not "Holly comes")
        if mode == KIN and lexicon.is_given(word):
            return True  # "her son hunter", "WIFE HOPE": a given name after a kin word, whatever its case
        if mode in {TITLE, SIGNATURE, STRONG}:
            if first:
                return listed and (capital or caseless)
            return capital or (caseless and listed)  # after a first name: "Jane Q. Mass"
        if mode == ROLE and caseless and first:
            # "sho tamsin": a given name that is no English word after a role, where capitals mean nothing
            # ("nurse call bell", "the pharmacist said" are none)
            return lexicon.is_given(word) and fold(word) not in lexicon.english
        return capital and listed

    def _small_given_after_role(self, text: str, match: re.Match[str]) -> bool:
        """A listed given name typed in small letters right after a role that a preposition governs, up to a comma, a
        bracket, the line's end or "from", though it is also a word ("per rn grace, pain controlled", "d/w NP hazel from
        cards"): no cue's, function or medical word, no part of a day ("Per RN night, no events"; not "RN drew (x2)
        cultures", "Night RN sunny, pleasant": there the role is the sentence's subject and a verb or a word of its own
        follows)."""
        word = match.group("word")
        return (word.islower() and self.lexicon.is_given(word) and not self._blocked(word) and not self.lexicon.is_medical(word)
                and fold(word) not in self.cues.never_names and fold(word) not in WHEN_WORDS and LOWER_NAME_END_RE.match(text, match.end("word")) is not None
                and ROLE_AFTER_PREPOSITION_RE.search(text, max(0, match.start("word") - 40), match.start("word")) is not None)

    def _dated_initials(self, text: str, match: re.Match[str]) -> bool:
        """A typist's, a sonographer's or a wet reader's initials in capitals right after the field's name, before the
        date or the time of the signing or ending the sentence, though they spell a clinical abbreviation or a cue's
        word ("TRANSCRIBED: GP 04/21/12", "Sonographer: SR."; not "Recs re: EGD.", "Reviewed by GP.", "Copy to: GP
        12/03"): no other field is filled by staff alone.
        """
        word = match.group("word")
        folded = fold(word)
        field = STAFF_ONLY_FIELD_BEFORE_RE.search(text, max(0, match.start("word") - 30), match.start("word"))
        if ((not word.isupper() and not DICTATION_STAMPS_AFTER_RE.match(text, match.end("word")))
                or folded in FUNCTION_WORDS or folded in SIGNING_WORDS or field is None
                or folded in self.cues.suffix_folded or folded in MODALITY_WORDS):
            return False  # (nor a credential or a modality: "Tech: RRT 10:30", "Radiographer: XR.")
        if field.group("wet"):
            # a wet read's value is the read as often: only before the read's date or time in figures ("WET READ: CN WED
            # JANUARY 24, 2007"; not "Wet read: PTX.", "Wet read: DVT Friday")
            return WET_READ_DATE_AFTER_RE.match(text, match.end("word")) is not None
        dated = INITIALS_DATED_RE.match(text, match.end("word"))
        if dated:
            # (a title before a month's name and a word is a given name's: "TYPED BY: DR MAY AL-FARSI"; not "DR JUNE 2013")
            return not (folded in self.cues.title_words and dated.group(0).strip()[:1].isalpha()
                        and NAME_TOKEN_RE.match(text, dated.end()) is not None)
        return INITIALS_SENTENCE_END_RE.match(text, match.end("word")) is not None

    def _field_ends(self, text: str, position: int) -> bool:
        """The end of a name field: end of line, a wide gap, punctuation or a credential ("KIM, JO P RN")."""
        return bool(FIELD_END_RE.match(text, position)) or self._credential_follows(text, position)

    def _introduced(self, text: str, first: re.Match[str], caseless: bool) -> bool:
        """The word after "this is" / "it's" is a writer's name: no cue's word, no eponym or possessive, a word no
        list knows or a listed name written as one, and no clinical word after it ("this is likley atelectasis")."""
        word = first.group(0)
        if word[-2:] in {"'s", "’s"}:
            return False  # "this is Wegener's granulomatosis": a possessive, an eponym's
        if self._blocked(word) or self.lexicon.is_eponym(word):
            return False
        if not (self._unknown(word) or self._written_as_name(word, caseless)):
            return False
        nxt = NAME_TOKEN_RE.match(text, first.end())
        return not (nxt and not nxt.group("comma") and len(nxt.group("gap")) <= 1 and self.lexicon.is_safe(nxt.group("word")))

    def _calls(self, given: str, calling: re.Match[str]) -> bool:
        """A listed given name (no cue's or function word) before "calling", and the word between, if any, a surname
        or a word no list knows ("this is dawn mimarva calling"; not "this is me calling", "this is just calling")."""
        if self._blocked(given) or self.lexicon.is_safe(given) or not self.lexicon.is_given(given):
            return False
        surname = calling.group("surname")
        return surname is None or (not self._blocked(surname) and (self._unknown(surname) or self._word_surname(surname)))

    def _signs(self, text: str, match: re.Match[str], caseless: bool) -> bool:
        """A signature header before a signer: not a bare "Signed" mid-line before what is signed
        ("Family meeting held. Signed DNR"; "\nSigned CS" signs)."""
        return not (self.cues.bare_signature_re.fullmatch(match.group(0))
                    and not LINE_START_RE.search(text, max(0, match.start() - 2), match.start() + 1)
                    and self._clinical_next(text, match.end()))

    def _closes_with_name(self, text: str, match: re.Match[str], caseless: bool) -> bool:
        """A closing before its writer: after a comma, or before a word that opens a name ("thank you bye" does not)."""
        return "," in match.group(0) or self._introduces_name(text, match.end(), caseless)

    def _month_given(self, word: str) -> bool:
        """A month's name that is a listed given name ("June", "April")."""
        return fold(word) in MONTH_WORDS and self.lexicon.is_given(word)

    def _name_wrapped_after_title(self, text: str, match: re.Match[str], caseless: bool) -> bool:
        """A title's abbreviation with its dot closing a line ("Cpl.", "Dr."; no word such as "nurse." and no code such as
        "A1C."), then a listed name on the next line that is no clinical word, and no word of the language unless written
        with a capital among small letters ("escorted by Cpl.\nBishop.", "F/U WITH DR.\nMARTA KNIGHT"; not "Check
        A1C.\nStable silhouette")."""
        title = match.group(0).split(".")[0].strip()
        if not title.isalpha() or len(title) > MAX_WRAPPED_TITLE_LETTERS or fold(title) in self.cues.ambiguous_roles:
            return False
        if STREET_BEFORE_TITLE_RE.search(text, max(0, match.start() - 40), match.start()):
            return False  # "Pt lives at 12 Elm Dr.\nGrant application pending": a street's "Dr." closing the line
        first = NAME_TOKEN_RE.match(text, match.end())
        if first is None or first.group("gap") or first.group("comma"):
            return False
        word = first.group("word")
        if not (self.lexicon.is_name(word) and not self.lexicon.is_safe(word) and not self._blocked(word)
                and fold(word) not in self.cues.never_names):
            return False
        if fold(word) not in self.lexicon.english:
            return True
        # a word of the language only written with a capital among small letters and ending the sentence or before
        # another name ("by Cpl.\nHunter.", not "Dr.\nHunter safety course completed")
        nxt = NAME_TOKEN_RE.match(text, first.end("word"))
        return not caseless and is_capitalised(word) and (
            SENTENCE_END_AFTER_RE.match(text, first.end("word")) is not None
            or (nxt is not None and not nxt.group("comma") and is_capitalised(nxt.group("word")) and self.lexicon.is_name(nxt.group("word"))))

    def _plain_given(self, word: str) -> bool:
        """A listed given name that is also a word ("Hope", "Joy"), though no clinical, cue, structure or function word."""
        return self.lexicon.is_given(word) and self._plain_name_word(word, month=False) and fold(word) not in self.cues.suffix_folded

    def _cue_surname_after_given(self, given: str, word: str, caseless: bool) -> bool:
        """A listed surname that is also a cue's word or what a person does ("Read", "Said", "Ward"), no function word,
        right after ``given``, a listed given name, no clinical or cue word ("Farida", "Oksana"): the person's surname
        (where the name ends, as the callers check)."""
        folded = fold(word)
        return (len(given) > 1 and self.lexicon.is_given(given) and not self.lexicon.is_safe(given) and not self._blocked(given)
                and (self._blocked(word) or folded in self.cues.actions_after_name) and folded not in FUNCTION_WORDS
                and folded not in CALENDAR_WORDS and self.lexicon.is_surname(word) and (is_capitalised(word) or caseless))

    def _blocked_given(self, word: str) -> bool:
        """A listed given name that is also a month's name or an auxiliary verb ("June", "Will"), no cue's word."""
        folded = fold(word)
        return ((folded in MONTH_WORDS or folded in GIVEN_NAME_AUXILIARIES) and self.lexicon.is_given(word)
                and not self.cues.is_cue_word(folded))

    def _given_alone(self, text: str, position: int, source: str, ends: bool = True) -> list[RuleSpan]:
        """After a writer's introduction or a closing, a listed given name standing alone, whatever its case and
        though it is also a word: up to a sentence's end, a comma or the line's end ("this is hope. i am 34",
        "its me pearl.", "thanks so much holly"); ``ends=False``: whatever follows (the caller has read it)."""
        found = GIVEN_ALONE_RE.match(text, position)
        if not found or (ends and not GIVEN_END_RE.match(text, found.end())):
            return []
        word = found.group("word")
        if not self.lexicon.is_given(word) or (self._blocked(word) and not self._blocked_given(word)):
            return []  # (a month's name or an auxiliary verb is a given name here: "thx, -june", "Hi Will,")
        return [RuleSpan(found.start("word"), found.end("word"), "NAME", source, strong=True)]

    def _introduces_name(self, text: str, position: int, caseless: bool) -> bool:
        """The word at ``position`` can open a name with no comma before it: a word no list knows, a listed
        name that is no English word, or a listed name written with a capital among lower-case words."""
        first = NAME_TOKEN_RE.match(text, position)  # (a dash may stand before it: "thx -xim")
        if not first or first.group("comma"):
            return False
        word = first.group("word")
        return self._unknown(word) or self.lexicon.is_unambiguous_name(word) or self._written_as_name(word, caseless)

    def _written_as_name(self, word: str, caseless: bool) -> bool:
        """A listed name, no clinical word, written with a capital where capitals mean something."""
        return not caseless and is_capitalised(word) and self.lexicon.is_name(word) and not self.lexicon.is_safe(word)

    def _clinical_next(self, text: str, position: int) -> bool:
        """The next word is clinical vocabulary not followed by a credential ("Signed DNR", not "Signed HD EMT-P")."""
        nxt = NAME_TOKEN_RE.match(text, position)
        return bool(nxt) and self.lexicon.is_safe(nxt.group("word")) and not self._credential_follows(text, nxt.end("word"))

    def _number_surname(self, text: str, match: re.Match[str], caseless: bool) -> bool:
        """A number's word, one blank and one more word that closes the name (a comma or the field's end): the
        first word of a compound surname ("Two Bulls, Fernanda"), unless the word after it counts something
        ("two days,", "three views")."""
        if fold(match.group("word")) not in NUMBER_SURNAME_WORDS or match.group("comma") or match.group("dot"):
            return False
        nxt = NAME_TOKEN_RE.match(text, match.end("word"))
        if not nxt or nxt.group("comma") or nxt.group("gap") != " ":
            return False  # (a full stop after it ends the sentence and the name: "NP Two Hawks.")
        word = nxt.group("word")
        possessive = word[-2:].lower() in {"'s", "’s"} and len(word) > 3
        if possessive:
            word = word[:-2]  # "CALLED NP FOUR WINDS'S OFFICE": the surname's possessive ends the name
        if fold(word) in NOT_AFTER_NUMBER_SURNAME or self.lexicon.is_safe(word) or self._blocked(word) or not (caseless or is_capitalised(word)):
            return False
        return possessive or self._field_ends(text, nxt.end("word"))

    def _given_after_compound(self, text: str, match: re.Match[str]) -> bool:
        """After the number's word and the next word, a comma and a listed given name ("TWO BULLS, BLESSING")."""
        second = NAME_TOKEN_RE.match(text, match.end("word"))
        given = NAME_TOKEN_RE.match(text, second.end("word")) if second else None
        return (given is not None and bool(given.group("comma")) and self.lexicon.is_given(given.group("word"))
                and not self.cues.is_cue_word(fold(given.group("word"))))

    def _given_word_before_surname(self, text: str, match: re.Match[str], mode: str, caseless: bool) -> bool:
        """A month's name or an auxiliary verb that is also a given name, then one blank and a surname read as one
        (no date: "April 5"; no verb: "will need")."""
        word = match.group("word")
        if not self._blocked_given(word) or match.group("dot") or not (is_capitalised(word) or caseless):
            return False
        nxt = NAME_TOKEN_RE.match(text, match.end("word"))
        if not nxt or nxt.group("comma") or nxt.group("gap") != " " or fold(nxt.group("word")) in MONTH_WORDS:
            return False
        surname = nxt.group("word")
        if fold(word) in GIVEN_NAME_AUXILIARIES:
            if len(surname) == 1:
                return not caseless and surname.isupper() and nxt.group("dot") is not None  # "Patient: Will B. Church"
            # a listed surname that is no word, or one written as a name up to the field's end ("Sending RN: Will Fox, RN")
            written = not caseless and is_capitalised(surname) and self._field_ends(text, nxt.end("word"))
            # (after a kin word, a surname no list knows too, both written as names among small letters: "son Will
            # Ostrevany"; not "son will visit", "Son will acompany pt")
            listed = self.lexicon.is_name(surname) or (
                mode == KIN and not caseless and is_capitalised(word) and is_capitalised(surname) and self._unknown(surname))
            if not listed or (fold(surname) in self.lexicon.english and not written):
                return False  # "Patient: will need", "RN: Will Recheck BP", "PT: CAN WEIGHTBEAR": a verb after it
        return self._accept(surname, mode, False, caseless) and not self.lexicon.is_safe(surname)

    def _given_before_rare_surname(self, text: str, match: re.Match[str]) -> bool:
        """A listed given name (no function, cue or clinical word), then one blank and a word that only a list of
        names knows, or no list knows and is long (RARE_SURNAME_LETTERS), where the field ends ("AMBER DRATHAARD
        #12", not "HOPE SWELLING", "DREW TROPS AND BMP", "RT DREW ABGS.")."""
        word = match.group("word")
        if (match.group("dot") or match.group("comma") or not self.lexicon.is_given(word) or self._blocked(word)
                or self.lexicon.is_safe(word)):
            return False
        nxt = NAME_TOKEN_RE.match(text, match.end("word"))
        if not nxt or nxt.group("comma") or nxt.group("gap") != " ":
            return False
        surname = nxt.group("word")
        # the name ends its field ("RN DREW TROPS AND BMP": a verb and a lab's short name, the sentence going on)
        return (not self._blocked(surname) and len(surname) >= 4
                and (self._field_ends(text, nxt.end("word")) or NUMBER_SIGN_AFTER_RE.match(text, nxt.end("word")) is not None)
                and (self.lexicon.is_unambiguous_name(surname) or (self._unknown(surname) and len(surname) >= RARE_SURNAME_LETTERS)))

    def _reached_surname_end(self, text: str, match: re.Match[str], closing: re.Pattern[str] = REACH_NUMBER_AFTER_RE) -> int:
        """Where a name ends that is a listed given name, one blank, maybe particles, and a listed surname, then a pager's,
        an extension's or a telephone's number (or what ``closing`` matches), though the names are words of the language
        ("charity banks pg 40912", "HOPE GRANT, X31177", "maria dos santos x4410", "hope frost, (617) 555-0143"): no
        cue's, function, structure or medical word, no part of a day, no clinical word or what someone did for the surname,
        and no group's word but before a number ("night float pager", "main line x4410", "counselor joy group,"; not
        "caseworker joy parish ext. 4410"); -1 if none."""
        word = match.group("word")
        if (match.group("dot") or match.group("comma") or not self.lexicon.is_given(word) or self._blocked(word)
                or fold(word) in self.cues.label_words or fold(word) in WHEN_WORDS or self.lexicon.is_medical(word)
                or fold(word) in NAME_PARTICLES):
            return -1
        cursor = match.end("word")
        initial = MIDDLE_INITIAL_BEFORE_WORD_RE.match(text, cursor)
        if initial:
            cursor = initial.end()  # "charity j banks pg 40912": a middle initial between the given name and the surname
        while True:
            nxt = NAME_TOKEN_RE.match(text, cursor)
            if not nxt or nxt.group("comma") or nxt.group("dot") or nxt.group("gap") != " ":
                return -1
            surname = nxt.group("word")
            if fold(surname) not in NAME_PARTICLES or fold(surname) in FUNCTION_WORDS:
                break
            cursor = nxt.end("word")  # "maria dos santos": the particles before the surname
        if (len(surname) > 1 and self.lexicon.is_surname(surname) and self._plain_name_word(surname, month=False)
                and fold(surname) not in self.cues.label_words and fold(surname) not in WHEN_WORDS
                and not self.lexicon.is_medical(surname) and word.isupper() == surname.isupper()
                and fold(surname) not in self.cues.actions_after_name
                # (a group's word is no surname where only the clause's end or a verb closes the pair; a pager's or a
                # telephone's number after it is evidence enough: "social worker faith church pg 40912")
                and (closing is REACH_NUMBER_AFTER_RE or fold(surname) not in self.cues.support_groups)
                and closing.match(text, nxt.end("word")) is not None):
            return nxt.end("word")
        return -1

    def _credential_follows(self, text: str, position: int) -> bool:
        """A credential is the next word ("HD EMT-P", "KIM, JO P RN")."""
        nxt = NAME_TOKEN_RE.match(text, position)
        return bool(nxt) and fold(nxt.group("word")) in self.cues.suffix_folded

    def _particle_then_name(self, text: str, position: int, mode: str, caseless: bool) -> int:
        """End of a run of particles ("de la") when a name word follows it, else -1."""
        cursor = position
        while True:
            nxt = NAME_TOKEN_RE.match(text, cursor)
            if not nxt or nxt.group("comma") or len(nxt.group("gap")) > 1:
                return -1
            word = nxt.group("word")
            if fold(word) in NAME_PARTICLES:
                cursor = nxt.end("word")
                continue
            return cursor if self._accept(word, mode, False, caseless) or (is_capitalised(word) and not self._blocked(word)) else -1

    def _after_rank(self, text: str, position: int) -> int:
        """Past a military rank or rate that opens a header's name ("PATIENT: CPT VAN HOUTEN, ...",
        "PATIENT: BM3 DIAZ, ..."): ranks that are also clinical abbreviations are titles only here."""
        rank = self.cues.header_rank_re.match(text, position)
        return rank.end() if rank else position

    @staticmethod
    def _given_end(text: str, position: int) -> int:
        """The end of a given name's optional initial after ``position`` ("HAZEL B" ends after the B)."""
        initial = GIVEN_NAME_INITIAL_RE.match(text, position)  # (on the text itself: a slice would hide the word going on)
        return initial.end() if initial else position

    def _particle_surname(self, text: str, position: int, caseless: bool) -> bool:
        """Whether the word ending at ``position`` is followed by ", GIVEN": a surname that is also a particle."""
        nxt = NAME_TOKEN_RE.match(text, position)
        return bool(nxt) and bool(nxt.group("comma")) and not nxt.group("gap") and self._namelike(nxt.group("word"), caseless, given=True)

    def _initial_before_rare_name(self, text: str, pos: int, caseless: bool) -> bool:
        """Whether the word at ``pos``, one blank after a lone "a" or "i", is a name no word of the language or of medicine
        is, where case tells nothing ("dr a quennell", not "dr a bit later")."""
        nxt = NAME_TOKEN_RE.match(text, pos)
        return (caseless and nxt is not None and len(nxt.group("gap")) == 1 and len(nxt.group("word")) > 2
                and not self.lexicon.is_common(nxt.group("word")) and not self.lexicon.is_medical(nxt.group("word")))

    def _take_name(self, text: str, pos: int, mode: str, source: str, caseless: bool, after_role: bool = False) -> list[RuleSpan]:
        """Read up to four name words (initials and particles too) starting at ``pos`` (``after_role``: right after
        a role's word, though an ambiguous one: "LT.", "CO")."""
        start = end = -1
        words = 0
        cursor = pos
        label = self.cues.newborn_label_re.match(text, pos)
        if label:
            cursor = label.end()  # "Name: Baby Girl A Hale": the family name after the newborn's label
        given_after_comma = False  # the last word read was the given name of "Surname, Given"
        compound_surname = False  # the last word read was a number's word opening a surname
        last_word = False  # the word read is the whole name
        surname_ends = False  # the last word read was a given name whose rare surname follows and ends the name
        previous_capital = False  # the word read before was written with a capital
        opening = ""  # the first word read
        while words < 5:
            match = NAME_TOKEN_RE.match(text, cursor)
            if not match:
                break
            word = match.group("word")
            if words and (fields_apart(text, match) or fold(word) in NEXT_FIELD_WORDS):
                break
            if text[match.end("word"):match.end("word") + 1].isdigit() and self.cues.is_cue_word(fold(word) + text[match.end("word")]):
                break  # "Registrar okafor, FY1 baker": a grade written with its year's digit opens the next person
            if words and match.group("comma") and fold(word) in TRAINEE_GRADES and TRAINEE_THEN_NAME_RE.match(text, match.end("word")):
                break  # "SpR Sharma, HO Shah": a grade after the comma ends the name, the next person's
            if (given_after_comma and len(word) == 1 and not match.group("dot") and not match.group("comma")
                    and len(match.group("gap")) == 1 and (word.isupper() or caseless)
                    and (fold(word) not in {"a", "i"} or self._field_ends(text, match.end("word")))):
                # "Sharma, Harpreet L Mother's MRN", "Flores, Daniela A CPNP": the middle initial, where the name ends
                # (not "Cardoso, Chiamaka M EXP COSIGNER")
                end = match.end("word")
                break
            given_after_comma = False
            after_number, compound_surname = compound_surname, False
            before_surname, surname_ends = surname_ends, False
            if match.group("comma") and (words != 1 or (mode == WEAK and not self.lexicon.is_given(word))) and not (
                words == 2 and mode in {TITLE, SIGNATURE}
                and (self._namelike(word, caseless, given=True) or self._plain_given(word))
                and self._field_ends(text, self._given_end(text, match.end("word")))
            ):
                break  # "Smith, John" only directly after one surname (after a weak cue: a listed given name;
                # after a title or a header two surnames, the given name a word too up to the field's end: "MAJ LE
                # BLANC, HAZEL B", "Applicant: Ibarra Solis, Joy  DOB")
            if "\n" in text[cursor:match.start("word")]:
                break
            if words and previous_capital and match.group("comma") and word[:1].islower() and fold(word) in self.lexicon.english:
                break  # "Mr. Okafor, gentleman in his 90s", "resident Rosaria, see orders": after a name written with a
                # capital and a comma, the given name would have one too ("Dr. Helen grant" may be a surname typed so)
            previous_capital = is_capitalised(word)
            if len(word) == 1 and reading_after_letter(text, word, match.end()):
                break  # "c/o fever T 39.1", "per RN Well P 118": a vital sign's letter before its reading, no initial
            if len(word) == 1:
                # an initial: needs a dot or a following name word, and is not a credential ("M.D.")
                lower_initial_after_title = mode == TITLE and match.group("dot") is not None
                signer_initials = words == 0 and mode == SIGNATURE and match.group("dot") is not None  # "Signed M.B.": the signer's
                if not (word.isupper() or caseless or lower_initial_after_title) or match.group("comma") or (
                        CREDENTIAL_INITIALS_RE.match(text, match.start("word")) and not signer_initials):
                    break
                if fold(word) in {"a", "i"} and not match.group("dot") and not (
                        mode == TITLE and words == 0 and (word.isupper() or self._initial_before_rare_name(text, match.end(), caseless))):
                    break  # ("Dr A Bouchard": after a title a capital A or I is an initial; "dr a quennell" where case
                    # tells nothing, before a name that is no word of the language)
                if not match.group("dot") and not (words and self._field_ends(text, match.end("word"))):
                    nxt = NAME_TOKEN_RE.match(text, match.end())
                    if not nxt or nxt.group("comma") or len(nxt.group("gap")) > 1 or not self._accept(nxt.group("word"), mode, False, caseless):
                        break
            elif (words == 0 and mode in {TITLE, SIGNATURE, STRONG} and fold(word) in NAME_PARTICLES
                  and self._particle_surname(text, match.end("word"), caseless)):
                pass  # "PATIENT: LE, XIAOMING W", "Dr. Van, Ana": a particle before the comma is the whole surname
            elif fold(word) in NAME_PARTICLES and fold(word) not in FUNCTION_WORDS | {"y"} and not (
                    words == 0 and mode == SIGNATURE and (word.isupper() or caseless) and self._credential_follows(text, match.end("word"))):
                # (a particle's letters alone before a credential are initials: "Technician: DI, RPFT")
                # ("St. Germain, Earl B": the saint's abbreviation opens a surname, its dot included)
                after = match.end() if match.group("dot") and fold(word) == "st" else match.end("word")
                particle_end = self._particle_then_name(text, after, mode, caseless)
                if particle_end < 0:
                    if mode == TITLE and words == 0:
                        start, end = match.start("word"), match.end("word")  # "Dr. Le": the particle is the name
                    elif words and mode != WEAK and FIELD_END_RE.match(text, match.end("word")):
                        end = match.end("word")  # "PGGM Ngoc Le, age 97": a particle that ends the name is its surname
                    break
                if start < 0:
                    start = match.start("word")
                cursor = particle_end
                continue
            elif (match.group("comma") and words == 1 and self.lexicon.is_given(word) and not self.cues.is_cue_word(fold(word))
                  and fold(word) not in self.cues.newborn_words and fold(word) not in FUNCTION_WORDS):
                pass  # "LEVY, ROBIN": a listed given name after "Surname," even when it is also a word
            elif (match.group("comma") and words == 1 and mode == SIGNATURE and self._blocked_given(word)
                  and (is_capitalised(word) or caseless) and self._field_ends(text, match.end("word"))):
                pass  # "PT: HARTE, WILL  DOB", "Name: Ford, June": an auxiliary verb or a month's name that is a given name,
                # after "Surname," in a record's field up to the field's end (not "Smith, will call")
            elif (mode in {SIGNATURE, ROLE} and words == 0 and 2 <= len(word) <= 3 and (word.isupper() or caseless)
                  and (not self._blocked(word) or (mode == SIGNATURE and (
                      self._credential_follows(text, match.end("word"))
                      or (LINE_END_RE.match(text, match.end("word")) and (
                          fold(word) not in FUNCTION_WORDS or (word.isupper() and fold(word) not in SIGNING_WORDS)))
                      or self._dated_initials(text, match))))
                  and self._field_ends(text, match.end("word"))
                  and (not self.lexicon.is_safe(word) or INITIALS_ALONE_RE.match(text, match.end("word"))
                       or self._credential_follows(text, match.end("word"))
                       or (mode == SIGNATURE and self._dated_initials(text, match)))):
                last_word = SIGNING_DATE_AFTER_RE.match(text, match.end("word")) is not None  # ("WET READ: CN WED ...": the date follows)
                # "Typed by: GI", "Technician: NS, RPFT", "SIGNED: IT EMT-P": a person's initials, whatever else they spell
                # (a clinical abbreviation only alone on its line, before a credential, or in a field only staff fill:
                # "TRANSCRIBED: GP 04/21/12", "Sonographer: SR."; not "caller: HR 65")
            elif ((mode == ROLE or (mode == WEAK and after_role)) and words == 0
                  and ((caseless and self._word_name(word)) or (mode == ROLE and self._small_given_after_role(text, match)))
                  and (self._field_ends(text, match.end("word")) or SURNAME_CLOSE_RE.match(text, match.end("word")))):
                # "REPORT TO CHARGE RN GOLDEN.", "(cnm hale)", "ESCORTED BY LT. BLACK.", "F/U PA BELL PRN", "hha sterling comes":
                # a name that is also a word, alone after a role up to the field's end, a time or what the person does,
                # where capitals cannot show it; and after a role that is no abbreviation of something else, a given name
                # typed in small letters among capitals, up to a comma, a bracket or the line's end ("Verified by RN
                # hazel", "per rn grace, pain controlled"; not "Informed RN late.", a surname that is a word, nor "FY1
                # chase.", what the sentence asks done)
                last_word = not self._field_ends(text, match.end("word"))
            elif before_surname:
                last_word = True  # the rare surname after the given name, where the name ends ("... PELLOWE PGR 1234")
            elif (words == 1 and not match.group("comma") and len(match.group("gap")) == 1
                  and self._cue_surname_after_given(opening, word, caseless) and (
                      self._credentials_end_line(text, match.end("word")) if self._credential_follows(text, match.end("word"))
                      else (not caseless and LINE_END_RE.match(text, match.end("word")))
                      or (self._blocked(word) and self._field_ends(text, match.end("word"))))):
                last_word = True  # "D/W RN Farida Read.", "SEEN BY NP OKSANA SAID, RN": a surname that is also a cue's
                # word or a verb, right after a given name, where the name ends (before credentials that end the line, or
                # at its end where capitals show it: "aide Bartholomew went thursday", "SON WILLIAM STATES PT WISHES",
                # "DAUGHTER AMIRA CAME\nIN TODAY" tell what the person did)
            elif ((mode == ROLE or (mode == WEAK and after_role)) and words == 0
                  and (reached := self._reached_surname_end(text, match)) > 0):
                # "social worker destiny marsh pg 40912", "ASSIGNED WORKER HOPE GRANT, X31177", "rn maria dos santos x4410": a
                # given name and a listed surname, both words of the language, maybe particles between, then the person's
                # pager or extension
                start, end = match.start("word"), reached
                break
            elif (mode == ROLE and words == 0 and caseless
                  and (closed := self._reached_surname_end(text, match, ROLE_NAME_CLOSE_RE)) > 0):
                # "teacher hope rivers reports", "(MIDWIFE FAITH YOUNG)", "doula joy lake present": after a role that only a
                # person holds (no abbreviation of something else), a listed given name and a listed surname, both words of
                # the language, where the clause ends or the person speaks or acts, and capitals cannot show the name
                start, end = match.start("word"), closed
                break
            elif ((mode == ROLE or (mode == WEAK and after_role)) and words == 0 and caseless
                  and self._given_before_rare_surname(text, match)):
                # "CREW: PARAMEDIC AMBER DRATHAARD", "rn grace okonjo": a given name that is also a word, then a
                # surname no list of words knows, where capitals cannot show it
                surname_ends = True
            elif after_number or (
                    (mode in {TITLE, SIGNATURE, STRONG}
                     or (mode in {ROLE, KIN} and (words or not caseless or self._given_after_compound(text, match))))
                    and self._number_surname(text, match, caseless)):
                # "Applicant: Two Bulls, Fernanda", "Dr. Selvio Two Feathers, B reader", "NP Two Hawks.", "niece Ada Two
                # Crows": a surname opening with a number's word, and the word after it (after a kin word or a role,
                # where capitals mean nothing, only after a given name or before ", GIVEN": "MOTHER TWO DVTS", "AIDE
                # FIVE MORNINGS" count)
                compound_surname = not after_number
            elif words == 0 and mode in {SIGNATURE, ROLE, KIN} and self._given_word_before_surname(text, match, mode, caseless):
                pass  # "Sonographer: April Moore, RDCS", "NAME: WILL HARTE", "niece June Ebberly": a month's name or an
                # auxiliary verb that is a given name, before a surname
            elif not self._accept(word, mode, first=words == 0, caseless=caseless):
                break
            if start < 0:
                start = match.start("word")
            end = match.end("word")
            if len(word) == 1 and match.group("dot"):
                end = match.end("dot")
            given_after_comma = bool(match.group("comma")) and words == 1 and len(word) > 1
            if not words:
                opening = word
            words += 1
            if last_word:
                break
            cursor = match.end("word")
            if match.group("dot"):
                # a dot after a full word ends the sentence (or an abbreviation)
                if len(word) > 1:
                    break
                cursor = match.end("dot")
        if start < 0 or end < 0:
            return []
        if mode in {WEAK, KIN, ROLE} and re.fullmatch(r"[A-Za-z]\.", text[start:end]) and not FIELD_END_RE.match(text, end):
            return []  # "due to E. coli": one initial alone after a weak cue names no one
        if text[end - 2:end].lower() in {"'s", "’s"} and end - 2 > start:
            end -= 2  # "Yraka's grandson": the name, not its possessive
        return [RuleSpan(start, end, "NAME", source, strong=mode in {TITLE, SIGNATURE, ROLE, KIN})]

    def _suffix_names(self, text: str, caseless: bool) -> list[RuleSpan]:
        """Names before a credential ("Jane Q. Roe, MD") or a verb ("Roe, Jane was notified")."""
        spans = []
        for match in self.cues.suffix_re.finditer(text):
            credential = fold(match.group("cred")).rstrip(".")
            has_comma = "," in match.group("sep")
            if "/" in match.group("sep") and credential in self.cues.weak_suffixes:
                continue  # "UTILIZATION REVIEW / CM": after a slash only a credential that is no word or unit ("B.O. / RN")
            cred_text = match.group("cred")
            if not caseless and cred_text.islower() and len(cred_text) <= 3:
                continue  # "do", "pa", "ms" written in lower case in a mixed-case text are words
            if credential in self.cues.weak_suffixes and not has_comma:
                continue
            if not match.group("sep") and match.start() > 0 and text[match.start() - 1].isalnum():
                continue
            # a weak credential counts only after a comma ("Reyes, PA"), and then as a strong one
            span = self._name_before(text, match.start("sep"), strict=False, source="name_credential", strong=True,
                                     caseless=caseless, listed_word=has_comma)
            if (span and not caseless and self.lexicon.is_safe(cred_text) and not text[span.start].isupper()
                    and not self._field_ends(text, match.end("cred"))
                    and not any(self.lexicon.is_name(w) for w in text[span.start:span.end].split())):
                continue  # "sent karyotype, CMA pending": before a credential that is also a clinical abbreviation, with the
                # sentence going on after it, a word in small letters no list of names holds is no name (where capitals
                # mean something; a signature's "Fair-\nweatherby, MD" ends its line)
            if span is None and has_comma and credential not in self.cues.weak_suffixes and self._credentials_end_line(text, match.end("cred")):
                span = self._signature_line_name(text, match.start("sep"), caseless)
            if span:
                spans.append(span)
        for match in self.cues.bracket_role_re.finditer(text):
            span = self._name_before(text, match.start("sep"), strict=False, source="name_bracket_role", strong=True, caseless=caseless)
            if span:
                spans.append(span)
        for match in RECORD_AFTER_NAME_RE.finditer(text):
            # "Benjamin Walker (DOB 4/8/21)", "Young Hale | DOB 03/04/2017": the person a record field is of
            span = self._name_before(text, self._before_labels(text, match.start("sep")), strict=False,
                                     source="name_record_subject", strong=True, caseless=caseless)
            if span and (span.start == 0 or RECORD_NAME_START_RE.search(text[max(0, span.start - 40):span.start])):
                spans.append(span)
        for match in self.cues.kin_after_re.finditer(text):
            # "(Mabriyn, brother)", "Ines, his wife": a name, then who the person is
            span = self._name_before(text, match.start("sep"), strict=True, source="name_before_kin", strong=True, caseless=caseless)
            if span:
                spans.append(span)
        slashed = list(ROLE_SLASH_NAME_RE.finditer(text))
        # the lines that hold a grade no word or abbreviation spells ("Consultant/", "HMO/"): a team's list
        team_lines = {text.rfind("\n", 0, m.start()) for m in slashed if fold(m.group("role")) not in AMBIGUOUS_SLASH_ROLES}
        for match in slashed:
            # "Seen by: Consultant/Marlu; Reg/Ferraro; HMO/Lakshmi; Intern/R.W.": a team's list, each grade and its person
            words = match.group("name").split()
            if any(self._blocked(w) or self.cues.is_cue_word(fold(w.strip("."))) for w in words):
                continue  # "RN/LPN", "consultant/SHO": two roles
            if fold(match.group("role")) in AMBIGUOUS_SLASH_ROLES and text.rfind("\n", 0, match.start()) not in team_lines:
                continue  # "Pulse reg/irreg, HS reg/irreg": letters that are a grade only sometimes, outside a team's list
            spans.append(RuleSpan(match.start("name"), match.end("name"), "NAME", "name_role", strong=True))
        for match in self.cues.name_above_role_re.finditer(text):
            # "John Walker\nFY1 ext 1676", "AUTUMN MCALLISTER\nED REG": a signature's name on the line above its grade
            words = [w.strip(".") for w in match.group("name").split()]
            if len(words) > 5 or any(self._blocked(w) and fold(w) not in self.cues.title_words for w in words):
                continue
            named = [w for w in words if fold(w) not in self.cues.title_words and len(w) > 1]
            # a capital initial before them makes a listed name a name though it is a word too ("J Tan\nPGY-1 pg 747")
            initialled = len(words) > len(named) and len(words[0]) == 1 and words[0].isupper()
            if not named or not all((self.lexicon.is_name(w) and (initialled or not self.lexicon.is_safe(w)))
                                    or not self.lexicon.is_vocabulary(w) for w in named) or (
                    not initialled and all(self.lexicon.is_vocabulary(w) for w in named) and len(named) == 1):
                continue  # "Plan reviewed\nConsultant", "ACBT taught\nPhysio", "Stable\nRadiologist": words above a role
                # (a listed name or no word of the language, each: "Autumn Hale")
            first = next(m for m in re.finditer(r"\S+", match.group("name")) if fold(m.group(0).strip(".")) not in self.cues.title_words)
            spans.append(RuleSpan(match.start("name") + first.start(), match.end("name"), "NAME", "name_signature", strong=True))
        for match in self.cues.initials_and_role_re.finditer(text):
            # "IB Physiotherapist", "S.T. SENIOR OT", "FY1 EH Bleep # 2717", "ED Reg KK": a line of initials and a grade
            # (letters that spell a word or an abbreviation only before a way to reach them: not "FY1 CXR", "Physio BD")
            initials = match.group("initials") or match.group("after")
            folded = fold(initials.strip("."))
            if not (self.cues.is_cue_word(folded) or folded in self.cues.role_words or folded in FUNCTION_WORDS
                    or GRADE_LETTERS_RE.fullmatch(folded)
                    or ("." not in initials and not match.group("reach")
                        and (self.lexicon.is_vocabulary(initials) or self.lexicon.is_safe(initials)))):
                start = match.start("initials") if match.group("initials") else match.start("after")
                spans.append(RuleSpan(start, start + len(initials), "NAME", "name_initials", strong=True))
        for match in SIGNED_NAME_CREDENTIAL_RE.finditer(text):
            # "signed price md pgy-2", "signed sparrow rn": a signing line, whatever word the name is
            if not any(self._blocked(w) for w in match.group("name").split()):
                spans.append(RuleSpan(match.start("name"), match.end("name"), "NAME", "name_signature", strong=True))
        for match in ACCESSION_THEN_NAME_RE.finditer(text):
            # "acc RA2231907 (Lerato Quinlan)": the person a study's number belongs to, in brackets after it
            words = match.group("name").split()
            if any(not self.lexicon.is_safe(w) and (self.lexicon.is_name(w) or self._unknown(w)) for w in words) and not any(
                    self._blocked(w) for w in words):
                spans.append(RuleSpan(match.start("name"), match.end("name"), "NAME", "name_record_subject", strong=True))
        for match in self.cues.possessor_of_kin_re.finditer(text):
            # "It's Ada Reyes again (Liesel's son)": the person whose son, daughter or wife speaks
            possessor = POSSESSOR_WORD_RE.search(text, max(0, match.start() - 40), match.start())
            if possessor and self._kin_or_carer(possessor.group(0)):
                continue  # "carer's daughter", "Step-daughter's husband", "flatmate's mother": kin of kin, no name
            span = self._name_before(text, match.start("sep"), strict=True, source="name_possessor_of_kin", strong=True,
                                     caseless=caseless)
            if span:
                spans.append(span)
        for match in self.cues.after_name_re.finditer(text):
            span = self._name_before(text, match.start("sep"), strict=True, source="name_before_verb", strong=False, caseless=caseless)
            if span:
                spans.append(span)
        return spans

    def _kin_or_carer(self, word: str) -> bool:
        """A kin word, with its prefix ("step-daughter", "ex-wife", "great-aunt"), or someone who lives with or looks after
        a person ("carer", "flatmate", "neighbour"): no name."""
        folded = fold(word)
        for prefix in KIN_PREFIXES:
            folded = folded.removeprefix(prefix)
        return folded in self.cues.kin_words or folded in CARER_WORDS or self.cues.is_cue_word(folded)

    def _credentials_end_line(self, text: str, position: int) -> bool:
        """Only credentials, punctuation and a date or time up to the line's end ("Grace, RN, BSN", "Grace, CRNP.")."""
        line_end = text.find("\n", position)
        rest = self.cues.suffix_re.sub("", text[position:len(text) if line_end < 0 else line_end])
        return not any(character.isalpha() for character in rest)

    def _signature_line_name(self, text: str, end: int, caseless: bool) -> RuleSpan | None:
        """A listed given name alone on its line before ", CREDENTIAL" and the line's end: a signature, though the
        name is also a clinical or a common word ("Grace, CRNP"; not "Stable, RN", "Staff, RN" nor "Note, MD")."""
        line = SIGNATURE_LINE_WORD_RE.search(text, max(0, end - 40), end)
        if not line:
            return None
        word = line.group("word")
        folded = fold(word)
        if (not self.lexicon.is_given(word) or folded in self.cues.label_words or self.cues.is_cue_word(folded)
                or folded in NAME_FIELD_PLACEHOLDERS or (folded in FUNCTION_WORDS and not self._blocked_given(word))
                or not (is_capitalised(word) or caseless)):
            return None
        return RuleSpan(line.start("word"), line.end("word"), "NAME", "name_credential", strong=True)

    def _before_labels(self, text: str, end: int) -> int:
        """Where a name ends before the words that label it ("Walker, Baby Girl": after "Walker"; "ANN BO FEMALE")."""
        while True:
            word_match = search_at_end(WORD_BEFORE_RE, text[max(0, end - 80):end], WORD_BEFORE_CHARS)
            if not word_match or (fold(word_match.group(1)) not in self.cues.newborn_words
                                  and fold(word_match.group(1)) not in NEXT_FIELD_WORDS):
                return end  # ("ANN BO FEMALE  DOB": the name before the sex's word)
            end = max(0, end - 80) + word_match.start(1)
            while end > 0 and text[end - 1] in " \t,":
                end -= 1

    def _name_before(self, text: str, end: int, strict: bool, source: str, strong: bool, caseless: bool,
                     listed_word: bool = False) -> RuleSpan | None:
        """Walk back over up to four name words ending at ``end`` ("Roe, Jane Q." included).

        ``strict``: every word must look like a name (listed, or no common word
        at all), as when the cue is weak. ``listed_word``: the cue is strong
        enough for one listed name that is also a word to open a line ("Mason, LPN").
        """
        cursor = end
        start = -1
        count = 0
        lexicon = self.lexicon
        while count < 4:
            window_start = max(0, cursor - 80)
            word_match = search_at_end(WORD_BEFORE_RE, text[window_start:cursor], WORD_BEFORE_CHARS)
            if not word_match:
                break
            word = word_match.group(1)
            if word_match.group(3) and count != 1:
                break  # a comma only between surname and given name
            if len(word) == 1:
                position = window_start + word_match.start(1)
                if not (word.isupper() or caseless) or any(
                    CREDENTIAL_INITIALS_RE.match(text, p) for p in (position, position - 2) if p >= 0
                ):
                    break  # not an initial but the letters of "M.D."
                if position > 0 and text[position - 1] == "/":
                    break  # "f/u Fernanda Mason, PA-C": the last letter of a slashed abbreviation, not an initial
            elif (count == 1 and strong and not strict and fold(word) in NUMBER_SURNAME_WORDS and (is_capitalised(word) or caseless)
                  and fold(text[start:end].split()[0].strip(",.")) not in NOT_AFTER_NUMBER_SURNAME):
                pass  # "ROYAL TWO FEATHERS, BSN": a number's word opening the surname before a credential
            elif (count >= 1 and strong and not strict and self._blocked_given(word) and (is_capitalised(word) or caseless)
                  and self._opens_field(text, window_start + word_match.start(1))
                  and all(lexicon.is_name(w) or self._unknown(w) or self._double_barrelled(w)
                          for w in text[start:end].replace(",", " ").split() if len(w.rstrip(".")) > 1)):
                pass  # "PULMONOLOGY: WILL AL-SAYED, MD": an auxiliary's or a month's given name opening a field's name,
                # a name after it (not "PLAN: WILL TITRATE, MD")
            else:
                folded = fold(word)
                calendar = folded in CALENDAR_WORDS
                before = search_at_end(WORD_BEFORE_RE, text[max(0, window_start + word_match.start(1) - 40):window_start + word_match.start(1)],
                                       WORD_BEFORE_CHARS) if count == 0 and strong and not strict and self._blocked(word) else None
                cue_surname = (before is not None and not before.group(2) and not before.group(3)
                               and self._cue_surname_after_given(before.group(1), word, caseless))
                if self._blocked(word) and not cue_surname and not (
                        calendar and strong and not strict and lexicon.is_name(word) and (is_capitalised(word) or caseless)):
                    break  # ("Mulugeta Sun, MD": a day's name that is a surname, before a credential; "Farida Read RN": a
                    # cue's word that is a surname, after a listed given name that is no clinical or cue word)
                given_before_surname = count >= 1 and lexicon.is_given(word)  # "CRYSTAL R. SWIFT, MD"
                surname_before_credential = count == 0 and strong and not strict and lexicon.is_name(word)  # "COOK, MD"
                if (lexicon.is_safe(word) or self.allowed_word(word)) and not given_before_surname and not surname_before_credential and (
                    strict or caseless or not is_capitalised(word) or not lexicon.is_name(word)
                ):
                    break  # clinical vocabulary, unless written as a name before a credential
                namelike = lexicon.is_unambiguous_name(word) or self._unknown(word)
                listed_capital = lexicon.is_name(word) and (is_capitalised(word) or caseless) and fold(word) not in self.cues.never_names
                if strict and not (namelike or (listed_capital and word_match.group(3) and count == 1)):
                    break
                if not (namelike or listed_capital or (is_capitalised(word) and not caseless and not strict)):
                    break
            if word_match.group(2) and len(word) > 1:
                break  # "Findings. Smith" : the dot ends a sentence
            start = window_start + word_match.start(1)
            cursor = start
            count += 1
        if start < 0:
            return None
        trimmed_end = end
        while trimmed_end > start and text[trimmed_end - 1] in " \t,":
            trimmed_end -= 1
        single = text[start:trimmed_end]
        if count == 1 and sentence_initial(text, start) and lexicon.is_common(single) and not (
            listed_word and lexicon.is_name(single) and (caseless or is_capitalised(single))
            and (not lexicon.is_safe(single) or self._blocked_given(single))  # "June, LVN": a month's name is a given name
        ):
            return None
        if count == 1 and len(text[start:trimmed_end].rstrip(".")) == 1:
            return None  # "works as a CNA": a lone letter before a credential is no initial
        return RuleSpan(start, trimmed_end, "NAME", source, strong=strong)

    # -- names on the lists, without a cue ------------------------------------
    def _list_names(self, text: str, caseless: bool) -> list[RuleSpan]:
        """A listed name that is no English or clinical word, grown over its neighbours."""
        spans = []
        lexicon = self.lexicon
        covered_to = -1
        for match in WORD_RE.finditer(text):
            word = match.group(0)
            listed, camel = self._list_words.get(word) or self._list_word(word)
            if listed == LIST_NEVER or (listed == LIST_IF_PLACED and not self._person_position(text, match)):
                continue  # most words: no listed name (the first test of an unambiguous one)
            if match.start() < covered_to:
                continue
            if not caseless and camel:
                continue  # "iNO 20 ppm", "mAb": an abbreviation's own capitals
            if self.cues.clinical_use(lexicon, text, match.start(), match.end(), caseless):
                continue  # "Wilson disease", "Moro present", "0 brady events": the clinical word, not a person
            if DOSE_AFTER_RE.match(text, match.end()):
                continue  # "Telma 40 mg OD": a drug's brand, whatever names it shares
            if word.isupper() and len(word) <= 3 and not caseless:
                continue  # short all-caps words are abbreviations far more often than names
            if timestamp_label(text, match.start(), match.end(), lexicon.is_name):
                continue  # "ONSC 0828  TRAN 0854  DEST 0912": a timestamp's label
            start, end = self._grow(text, match.start(), match.end(), caseless)
            covered_to = end
            spans.append(RuleSpan(start, end, "NAME", "name_list"))
        return spans

    def _list_word(self, word: str) -> tuple[int, bool]:
        """What ``word`` says by itself of whether it opens a listed name (LIST_NEVER, LIST_NAME, or LIST_IF_PLACED:
        a double-barrelled surname, a name where a person is named), and whether it opens in lower case with a capital
        after ("iNO"); remembered in ``_list_words``."""
        lexicon = self.lexicon
        folded = fold(word)
        listed = LIST_NAME if folded in lexicon.given or folded in lexicon.surnames else (
            LIST_IF_PLACED if "-" in word and self._double_barrelled(word) else LIST_NEVER)
        if listed != LIST_NEVER and (
                len(word) < 3 or not (lexicon.is_unambiguous_name(word) or "-" in word) or self.allowed_word(word)
                or self._blocked(word) or folded in self.cues.label_words):
            listed = LIST_NEVER
        found = (listed, word[:1].islower() and any(c.isupper() for c in word[1:]))
        if len(self._list_words) >= MAX_CACHED_WORDS:
            self._list_words.clear()
        self._list_words[word] = found
        return found

    def _person_position(self, text: str, match: re.Match[str]) -> bool:
        """Where a person is named: opening a line or after no word, after an initial, a title, a role, a kin word, a
        credential, a listed given name or a word no list knows, a facility's or a house of worship's word, or "by",
        "with", "per", "to", "from", "and" ("UPDATED BY MELNYK-PAGE.", "RAFAEL F. AL-RASHID", "CM Rodrigues-Warsame";
        not "a Kaplan-Meier curve", "plays ping-pong", a sentence's first word)."""
        # the word before it on its line (none when the line opens there or punctuation stands between)
        previous = search_at_end(WORD_THEN_BLANK_RE, text[max(0, match.start() - 40):match.start()], WORD_BEFORE_CHARS)
        if previous is None:
            return True
        word, dot = previous.group(1), previous.group(2)
        folded = fold(word)
        if dot and len(word) > 1 and not self.cues.is_cue_word(folded):
            return False  # a sentence's first word ("Plays ping-pong. Afro-Caribbean man")
        initial = len(word) == 1 and (bool(dot) or (word.isupper() and folded not in {"a", "i"}))
        return (initial or folded in PERSON_LEAD_WORDS or self.cues.is_cue_word(folded) or self._unknown(word)
                or (self.lexicon.is_given(word) and folded not in FUNCTION_WORDS))

    def _double_barrelled(self, word: str) -> bool:
        """A surname of hyphen-joined parts, each a listed name or a word no list knows, one of them a listed name that
        is no word and no eponym, none a clinical word or a prefix ("Lombardi-Müller", "MELNYK-PAGE",
        "young-al-hashimi"; not "Sinding-Larsen", "non-Hodgkin", "Poly-Vi-Sol")."""
        parts = word.split("-")
        if len(parts) < 2 or not all(part.isalpha() for part in parts):
            return False
        named = False
        if any(len(part) < 3 and fold(part) not in NAME_PARTICLES for part in parts):
            return False  # ("Poly-Vi-Sol": a drug's name; "Al-Sayed" has its particle)
        for part in parts:
            if fold(part) in WORD_PREFIXES or not (self.lexicon.is_name(part) or self._unknown(part)) or (
                    self.lexicon.is_safe(part) and not self.lexicon.is_name(part)):
                return False  # ("triple-decker", "medico-legal": a word no list of names holds)
            named = named or (len(part) >= 3 and self.lexicon.is_unambiguous_name(part)
                              and not (self.allowed_word(part) or self.lexicon.is_eponym(part)))
        return named

    def _neighbour_is_name(self, word: str, caseless: bool, after_given: bool) -> bool:
        lexicon = self.lexicon
        capital = is_capitalised(word) and not caseless
        if self._blocked(word) or fold(word) in self.cues.label_words:
            return False
        if lexicon.is_safe(word) or self.allowed_word(word):
            # "Mark Ramirez": a capitalised given name beside a surname, though also a clinical word
            return capital and after_given and lexicon.is_given(word)
        if lexicon.is_unambiguous_name(word):
            return True
        if after_given and lexicon.is_given(word) and fold(word) not in lexicon.english:
            return True
        if capital and (lexicon.is_name(word) or lexicon.is_eponym(word)):
            return True
        # a first name's neighbour is the surname, listed or not
        return after_given and (capital or caseless) and self._unknown(word)

    def _grow(self, text: str, start: int, end: int, caseless: bool) -> tuple[int, int]:
        """Extend a list-matched name over adjacent initials, particles and name words on the same line."""
        while True:
            match = NAME_TOKEN_RE.match(text, end)
            if not match or match.group("comma") or match.group("gap") == "" or fields_apart(text, match):
                break  # a comma, or the next field
            word = match.group("word")
            if len(word) == 1 and (word.isupper() or caseless) and match.group("dot"):
                end = match.end("dot")
                continue
            previous = search_at_end(LAST_WORD_RE, text[start:end], LAST_WORD_CHARS)
            after_given = previous is not None and self.lexicon.is_given(previous.group(1))
            if fold(word) in NAME_PARTICLES and fold(word) not in FUNCTION_WORDS:
                particle_end = self._particle_then_name(text, match.end("word"), STRONG, caseless)
                if particle_end < 0:
                    break
                end = particle_end
                continue
            if self._neighbour_is_name(word, caseless, after_given):
                end = match.end("word")
                continue
            if (previous is not None and fold(previous.group(1)) in NAME_PARTICLES and self.lexicon.is_name(word)
                    and self._plain_name_word(word, month=False) and fold(word) not in self.cues.label_words
                    and REACH_NUMBER_AFTER_RE.match(text, match.end("word"))):
                end = match.end("word")  # "lukas van der berg beeper 5557": after particles, a surname that is also a word,
                # where the person's pager or extension closes the name as a capital would show it
                break
            if (after_given and caseless and self._word_surname(word)
                    and not self.lexicon.is_place(previous.group(1)) and FIELD_START_RE.search(text, 0, start)
                    and self._field_ends(text, match.end("word"))):
                end = match.end("word")  # "kamau green" closing a note: a surname that is also a word, ending the field
                break
            break
        while True:
            back = search_at_end(WORD_THEN_BLANK_RE, text[max(0, start - 60):start], WORD_BEFORE_CHARS)
            if not back:
                break
            word = back.group(1)
            offset = max(0, start - 60)
            if len(word) == 1 and (word.isupper() or caseless) and back.group(2):
                start = offset + back.start(1)
                continue
            if back.group(2):
                break
            if fold(word) in NAME_PARTICLES and fold(word) not in FUNCTION_WORDS:
                start = offset + back.start(1)
                continue
            if self._neighbour_is_name(word, caseless, self.lexicon.is_given(word)) and (
                not sentence_initial(text, offset + back.start(1)) or not self.lexicon.is_common(word) or self.lexicon.is_given(word)
            ):  # ("Mark Ramirez" closing a note: a given name before the surname, even at a line start)
                start = offset + back.start(1)
                continue
            break
        return start, end
