"""Vetting the model's spans: keep a prediction only where it looks like its label.

The model generalises from synthetic corpora; this check keeps it from
removing clinical words ("Known", "Scattered Kerley B lines") or the cue
words around a name ("relayed to", "notified", "M.D."), while letting
through what it finds beyond the rules (names without any cue, unusual ID or
date forms). A span is trimmed to the identifier it holds.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence

from cxrbuild.printed_forms import MONTHS
from cxrbuild.text import stored_re as re
from cxrbuild.text.lexicon import (
    DIGITS_READ_AS_LETTERS,
    FUNCTION_WORDS,
    MISSPELT_DIGIT_MIN_LETTERS,
    Lexicon,
    fold,
)
from cxrbuild.text.names import CREDENTIAL_INITIALS_RE, NAME_PARTICLES, NUMBER_LABEL_WORDS, NameCues
from cxrbuild.text.patterns import PatternFinder
from cxrbuild.text.spans import (
    CALENDAR_WORDS,
    LETTERS,
    NUMBER_RE,
    TIME_OF_DAY_WORDS,
    VOWELS,
    WEEKDAY_WORDS,
    RuleSpan,
    capitals_mean_nothing,
    sentence_initial,
    timestamp_label,
)
from cxrbuild.text.tables import (
    EMPTY_CELL_RE,
    HEADING_NOTE_RE,
    cells_above,
    heading_label,
    row_cells,
)

# the longest plausible written form of each kind of identifier
MODEL_SPAN_MAX_CHARS = {
    "NAME": 60, "DATE": 40, "TIME": 20, "PHONE": 30, "ID": 30, "AGE": 25, "LOCATION": 100, "HOSPITAL": 100,
    "ORGANIZATION": 100, "CONTACT": 120,
}
VET_TOKEN_RE = re.compile(r"[" + LETTERS + r"0-9]+(?:['’][A-Za-z]+)?")
NUMERIC_LABELS = frozenset({"DATE", "TIME", "ID", "PHONE", "AGE"})
# words that may end or begin a numeric identifier's written form
NUMERIC_LABEL_WORDS = frozenset(
    {"am", "pm", "a", "p", "m", "h", "hr", "hrs", "hours", "st", "nd", "rd", "th", "x", "ext", "o'clock", "oclock",
     "ninety", "hundred", "and", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "nineties"}
)
_MONTH_ABBREVIATIONS = "|".join(month[:3].lower() for month in MONTHS)
# "may" is left to the abbreviations, which need a digit beside them: alone it is mostly the verb
_MONTHS_BUT_MAY = "|".join(month.lower() for month in MONTHS if month != "May")
DATE_SHAPE_RE = re.compile(
    r"[0-9]{1,4}[/\-][0-9]{1,2}|[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{2,4}|(?<![0-9])(?:1[89]|2[01])[0-9]{2}(?![0-9])|[0-9]{8}"
    r"|[0-9](?:st|nd|rd|th)\b|'[0-9]{2}\b"
    rf"|(?i:\b(?:{_MONTH_ABBREVIATIONS})[a-z]*\.?\s*[0-9]|[0-9]\s+(?:of\s+)?(?:{_MONTH_ABBREVIATIONS}))"
    rf"|(?i:\b(?:{_MONTHS_BUT_MAY}|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)"
)
# an abbreviation's length in capitals: no longer than this is no name or place alone (where case tells
# nothing, shorter still)
SHORT_CAPITALS = 4
SHORT_CAPITALS_CASELESS = 3
# codes of clinical shorthand that mix letters and digits: gravida/para, heart sounds, a gestational age in weeks and
# days ("G3P2", "S1S2", "34w5d", "27W")
CLINICAL_CODE_RE = re.compile(r"(?i)g[0-9]{1,2}p[0-9]{1,5}|s[1-4](?:s[1-4])+|[0-9]{1,2}w(?:[0-6]d?)?")


def short_capitals(word: str, caseless: bool) -> bool:
    """A word of two letters or more, in capitals, short enough to be an abbreviation ("LVM", "ONSC")."""
    return word.isupper() and word.isalpha() and 2 <= len(word) <= (SHORT_CAPITALS_CASELESS if caseless else SHORT_CAPITALS)


TIME_SHAPE_RE = re.compile(
    # (hours after a one- or two-digit number are read as a duration, "17 hrs", "at 48 hrs", never a clock time)
    r"[0-9]:[0-5][0-9]|[0-9]\s*(?i:[ap]\.?m\b|o'clock\b)|(?<![0-9])[0-2][0-9][0-5][0-9](?![0-9])|(?i:\bnoon\b|\bmidnight\b)"
)
CONTACT_SHAPE_RE = re.compile(
    r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}|(?:https?://|ftp://|www\.)[^\s<>\"']+[^\s<>\"'.,;:)\]]"
    r"|\b[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.(?:com|org|net|edu|gov|us|uk|ca|au|de|fr|io|info|health)\b"
    r"|\b(?:[0-9]{1,3}\.){3}[0-9]{1,3}\b"
)


# a date of numbers alone that could be a score (3/5) or an ordinal alone (4th): the rules decide
BARE_PAIR_RE = re.compile(r"[0-9]{1,2}/[0-9]{1,2}")
BARE_ORDINAL_RE = re.compile(r"[0-9]{1,2}(?:st|nd|rd|th)", re.IGNORECASE)


# what follows an age: its unit or the sex ("93 yo", "96/F", "101 M")
AGE_AFTER_RE = re.compile(r"[ \t]*/?[ \t]*(?:m|f|male|female|man|woman|yo|y/o|y\.o\.|y|yr|yrs|years?)(?![A-Za-z])", re.IGNORECASE)
# ... and a word of years alone after it, no sex's letter ("93-1/2 yo", "93-1/2-year-old", "94-1/2 yrs")
AGE_WORD_AFTER_RE = re.compile(r"[ \t\-]*(?:yo|y/o|y\.o\.|yoa|yr|yrs|years?)(?![A-Za-z])", re.IGNORECASE)


# a word joined by hyphens ("Solu-Medrol", "Poly-Vi-Sol"), read whole against the safe lists
HYPHENATED_RE = re.compile(r"[" + LETTERS + r"0-9]+(?:-[" + LETTERS + r"0-9]+)+")
# the blanks and separators between a lab's name and its value
VALUE_AFTER_RE = re.compile(r"[ \t]*[:=]?[ \t]*(?=[0-9])")
NUMBER_BEFORE_RE = re.compile(r"[0-9][ \t]*\Z")
# a weekday before a whole numeric date inside the same span ("Friday 9/23"; not "Tuesday 4/" cut short)
WEEKDAY_BEFORE_NUMBER_RE = re.compile(r"[ \t]+[0-9]{1,2}[/.\-][0-9]{1,2}(?![0-9])")
# words before a name or a place that make a lone word one ("visited by Kwabo", "around Ketto")
PLACE_PREPOSITIONS = frozenset({"at", "from", "in", "to", "near", "via", "by", "for", "with", "around", "of"})
CONSONANT_RUN_RE = re.compile(f"[^{VOWELS}]{{3}}")
# the ending of a procedure's word, which names no place ("quellotomy", "ureteroplasty")
PROCEDURE_ENDING_RE = re.compile(r"(?:otomy|ectomy|ostomy|plasty|oscopy|ography|opexy|orrhaphy|otripsy|odesis)\Z")
# a name of two or three letters is on a list ("Ng", "Lee"); shorthand is not ("tms", "nr")
SHORT_UNLISTED_LETTERS = 3
# the piece of a broken word before or after a word: a blank, a line's end (a hyphen before it), or one stray mark
WORD_PIECE_BEFORE_RE = re.compile(r"(?<![A-Za-z])(?P<piece>[A-Za-z]{2,})(?:[ \t]|-?\n|[,;`'’])\Z")
WORD_PIECE_AFTER_RE = re.compile(r"(?:[ \t]|-?\n|[,;`'’])(?P<piece>[A-Za-z]{2,})(?![A-Za-z])")
JOINED_WORD_MIN_LETTERS = 7
# an abbreviation opening in lower case is short ("iNO", "eGFR", "pCO2"); a name so written opens with a particle
CAMEL_ABBREVIATION_LETTERS = 5
CAMEL_NAME_PREFIXES = ("de", "da", "di", "du", "van", "von", "le", "la", "mc", "mac", "st")
# the words of a number spoken or written out, which a month's name may go before ("March twenty third")
SPOKEN_NUMBER_RE = re.compile(
    r"(?i)(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen"
    r"|eighteen|nineteen|twenty|thirty|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth"
    r"|[a-z]+teenth|twentieth|thirtieth)")
# the words beside a word in the same clause (one blank, or an initial's dot, between them)
LAST_WORD_BEFORE_RE = re.compile(r"([A-Za-z]+)\.?[ \t]\Z")
FIRST_WORD_AFTER_RE = re.compile(r"[ \t]([A-Za-z]+)")
# a weight's unit after a number and a weight's word before it ("BW: 1980 grams", "weight 2001 GM"; not "2010 L knee",
# "2010 G2P1", "since 2010 g-tube")
WEIGHT_AFTER_RE = re.compile(r"(?i)[ \t]*(?:g|gm|gms|grams?|kg|kgs|kilograms?)(?![A-Za-z0-9\-])")
WEIGHT_BEFORE_RE = re.compile(r"(?i)(?<![A-Za-z])(?:bw|birth[ \t]*weight|weight|wt|efw|weighed|weighing|weighs)\b[^\n]{0,12}\Z")
# a table's cell around a value ("| 1980 |")
CELL_BEFORE_RE = re.compile(r"\|[ \t]*\Z")
CELL_AFTER_RE = re.compile(r"[ \t]*\|")
NUMERIC_DATE_RE = re.compile(r"([0-9]{1,4})[/.\-]([0-9]{1,4})(?:[/.\-]([0-9]{1,4}))?")


# a decimal number alone ("7.34", "100.4"), and the signs that join the numbers of a range or a ratio
DECIMAL_RE = re.compile(r"[0-9]+\.[0-9]+")
RANGE_JOINERS = "-–/"
RANGE_OR_RATIO_RE = re.compile(r"([0-9]{1,3})[-–]([0-9]{1,3})|[0-9]{1,3}/[0-9]{1,3}")
# two numbers joined by one of those signs, somewhere in a number
JOINED_NUMBERS_RE = re.compile(r"[0-9][-–/][0-9]")
# what stands before a reference range or a pressure in a table or a list of values: a cell's bar, a bracket, a value
VALUE_BEFORE_RANGE_RE = re.compile(r"(?:\||\(|[0-9](?:\.[0-9]+)?(?:[ \t]*[|,;]|[ ]{2,}|\t))[ \t]*\Z")
# ... and a vessel's or a chamber's abbreviation, or the word itself, before a pressure ("AO 165/81", "PA pressure 42/18")
ABBREVIATION_BEFORE_RE = re.compile(r"(?:\b[A-Z]{2,5}|(?i:\bpressures?))[ \t]+\Z")
# ... and a setting's range: its lower value less than its upper, which is no more than a rate's or a pressure's
# ("VVIR 50-120"; not "Pod 12-130" after no setting's word, "DDD 123-456")
SETTING_RANGE_RE = re.compile(r"([0-9]{1,3})[-–]([0-9]{1,3})")
SETTING_MAX = 250
# the characters before a setting's range read for its word ("Upper tracking: 90-150")
SETTING_WORD_WINDOW = 32
# the words of a table's heading, besides those that label a number (NUMBER_LABEL_WORDS), over a column of identifiers, an item's or a specimen's ("| Acc. No. |", "| Lot
# # |", "| Model |", "| Barcode |"): a number under one is no measured value
ID_HEADING_WORDS = NUMBER_LABEL_WORDS | frozenset({"nr", "num", "code", "barcode", "model", "container"})


# a telephone's cue right before its number: an extension or a pager may have three digits ("ext 242", "bleep 318")
PHONE_CUE_BEFORE_RE = re.compile(r"(?i)\b(?:x|ext|extn|extension|pager|page|pg|pgr|bleep|beeper|bpr|tel|phone|ph|local)[ \t.:#]*\Z")
# a volume's, a mass's or a dose's unit after a number, and no word going on ("2000 mL", not "2010 g-tube" nor "2008 L
# hemicolectomy")
AMOUNT_UNIT_AFTER_RE = re.compile(r"(?i)[ \t]*(?:ml|mls|cc|mg|mcg|g|gm|grams?|kg|units?|iu|meq|mmol|lit(?:re|er)s?)(?![A-Za-z\-])")
# a lab panel written over slashes: three values or more, one of them decimal ("132/3.9/92/29/20/1.0/320")
LAB_PANEL_RE = re.compile(r"(?=[0-9/]*[0-9]\.[0-9])[0-9]+(?:\.[0-9]+)?(?:/[0-9]+(?:\.[0-9]+)?){2,}")
# a pulse's letter or word right before its rate ("P 104", "PR 96", "pulse: 92")
PULSE_BEFORE_RE = re.compile(r"(?i)\b(?:p|pr|pulse|hr)[ \t]*[:=]?[ \t]*\Z")
# a decimal value or a pressure among them
MEASURED_CELL_RE = re.compile(r"[0-9]\.[0-9]|[0-9]/[0-9]")
# two numbers two blanks or a tab apart: a table's cells
CELLS_APART_RE = re.compile(r"[0-9](?:[ ]{2,}|\t)[ \t]*[0-9]")
# a cell of a lab's row: a value of three digits or fewer or a decimal, a range, a bound or a flag ("150", "0.41",
# "135-145", "<5", "7.9 H"; not "2019", a year)
LAB_ROW_VALUE_RE = re.compile(
    r"(?:[<>≤≥]=?[ \t]*)?(?:[0-9]{1,3}(?:\.[0-9]+)?|\.[0-9]+)(?:[ \t]*[-–][ \t]*[0-9]{1,3}(?:\.[0-9]+)?)?(?:[ \t]*[HLhl*!])?")
CELL_END_RE = re.compile(r"[ \t]*(?:\||\n|\Z)")
CELL_WORD_RE = re.compile(r"[" + LETTERS + r"0-9]{2,}")


def _number_around(text: str, start: int, end: int, joiners: str = ".") -> tuple[int, int, str]:
    """The whole number around ``text[start:end]``: its digits and the ``joiners`` between digits."""
    def joined(i: int) -> bool:
        return text[i].isdigit() or (text[i] in joiners and 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit())

    while start > 0 and joined(start - 1):
        start -= 1
    while end < len(text) and joined(end):
        end += 1
    return start, end, text[start:end]


def _ocr_letters(word: str) -> bool:
    """Letters, or a word of five characters or more whose digits are letters misread ("M0HAMMADI"), unlike a
    code ("G1P0", "H2O", "39W5D")."""
    if word.isalpha():
        return True
    letters = word.translate(DIGITS_READ_AS_LETTERS)
    return len(word) >= MISSPELT_DIGIT_MIN_LETTERS and letters.isalpha() and sum(c.isalpha() for c in word) >= len(word) - 2


def _range_or_ratio(number: str) -> bool:
    """Two numbers of up to three digits joined as a range, the smaller first ("135-145"), or as a pressure over a
    slash, the larger first ("165/81")."""
    match = RANGE_OR_RATIO_RE.fullmatch(number)
    if match is None:
        return False
    if match.group(1) is not None:
        return int(match.group(1)) < int(match.group(2))
    first, second = (int(n) for n in number.split("/"))
    return first > second


def _possible_numeric_date(value: str) -> bool:
    """False only for a value of numbers alone that no order of month, day and year makes a date."""
    match = NUMERIC_DATE_RE.fullmatch(value.strip())
    if not match:
        return True
    a, b = int(match.group(1)), int(match.group(2))
    c = match.group(3)
    if c is None:
        # m/d, d/m, m/yy, m/yyyy, yyyy/m
        return (1 <= a <= 12 and (1 <= b <= 31 or len(match.group(2)) in (2, 4))) or (1 <= b <= 12 and 1 <= a <= 31) or (
            len(match.group(1)) == 4 and 1 <= b <= 12
        )
    year_last = (1 <= a <= 12 and 1 <= b <= 31) or (1 <= b <= 12 and 1 <= a <= 31)
    year_first = len(match.group(1)) == 4 and 1 <= b <= 12 and 1 <= int(c) <= 31
    return year_last or year_first


class SpanVetter:
    def __init__(
        self, lexicon: Lexicon, cues: NameCues, allowed_word, patterns: PatternFinder, facility_words=frozenset()
    ) -> None:
        self.facility_words = frozenset(facility_words)  # "nursing home", "lodge": the end of a facility's name
        self.lexicon = lexicon
        # the dictionary word one slip away, found by trying every slip: remembered per distinct word
        self.misspelling_of = functools.lru_cache(maxsize=1 << 16)(lexicon.misspelling_of)
        self.cues = cues
        self.allowed_word = allowed_word
        # (remembered per distinct word: the edges of most spans are a few common words)
        self.generic_word = functools.lru_cache(maxsize=1 << 16)(self._generic_word)
        # the rules' reading of a value: a pattern's match with its guards, a measured value, a unit after a number
        self.patterns = patterns
        # the rules that read an age over 89 ("aged 90-95", "Age/Sex: 96/F"), and those that read an identifier or a
        # telephone's number ("MRN 412-778")
        self.age_patterns = tuple(pattern.name for pattern in patterns.patterns if pattern.label == "AGE")
        self.identifier_patterns = {label: tuple(pattern.name for pattern in patterns.patterns if pattern.label == label)
                                    for label in ("ID", "PHONE")}
        # a setting's word right before a range, the last of several ("programmed VVIR 50-120", "Upper tracking: 90-150")
        setting_words = "|".join(r"[ \t]+".join(re.escape(part) for part in entry.split())
                                 for entry in sorted(lexicon.setting_words, key=len, reverse=True))
        self.setting_before_re = re.compile(
            r"(?<![A-Za-z0-9])(?P<word>" + (setting_words or "(?!)") + r")[ \t]*[:=]?[ \t]*\Z", re.IGNORECASE)

    def vet(self, text: str, start: int, end: int, label: str) -> RuleSpan | None:
        """The identifier inside a model span, or None when the span holds none."""
        if end - start > MODEL_SPAN_MAX_CHARS.get(label, 60):
            return None  # a confused prediction running over a sentence, not one identifier
        # a span cut inside a word is judged on the whole word ("Spring" of "Springfield")
        cut = (start, end)
        while 0 < start < len(text) and text[start - 1].isalnum() and text[start].isalnum():
            start -= 1
        while 0 < end < len(text) and text[end - 1].isalnum() and text[end].isalnum():
            end += 1
        cut_code = (start, end) != cut and not _ocr_letters(text[start:end].replace(" ", ""))
        tokens = list(VET_TOKEN_RE.finditer(text, start, end))
        if not tokens:
            return None
        if label == "NAME":
            return self._vet_name(text, tokens)
        if label == "CONTACT":
            found = list(CONTACT_SHAPE_RE.finditer(text, start, end))
            return RuleSpan(found[0].start(), found[-1].end(), label, "model") if found else None
        lexicon = self.lexicon

        def generic(word: str, position: int = -1) -> bool:
            folded = fold(word)
            if position >= 0 and self._in_safe_compound(text, position):
                return True  # "Solu-Medrol", "Poly-Vi-Sol": one drug, though each part is no word
            if folded in WEEKDAY_WORDS and position >= 0 and WEEKDAY_BEFORE_NUMBER_RE.match(text, position + len(word), end):
                return True  # "next visit Friday 9/23": the date, not its weekday ("Thursday, May 3, 2012" is one date)
            if folded in CALENDAR_WORDS or folded in TIME_OF_DAY_WORDS:
                return label not in {"DATE", "TIME"}
            if label in {"LOCATION", "HOSPITAL", "ORGANIZATION"} and position >= 0 and (
                    self._value_with_unit(text, word, position) or self._dose_after(text, position + len(word))):
                return True  # "SBRT 54 Gy", "ino 20 ppm": a dose or a setting and what is dosed, not a place's name or number
            if label in NUMERIC_LABELS and word.isalpha():
                # numbers carry these identifiers: a word at the edge ("MRN", "accession") is context
                return folded not in NUMERIC_LABEL_WORDS
            return self.generic_word(word)

        def leading(index: int) -> bool:
            """A word before the identifier: generic, or a month's or a weekday's name before a word ("may return
            Oct 5th"), which makes it a verb or a word of its own, not a date's part."""
            word = tokens[index].group(0)
            if generic(word, tokens[index].start()):
                return True
            if label != "DATE" or fold(word) not in CALENDAR_WORDS or index + 1 >= len(tokens):
                return False
            following = fold(tokens[index + 1].group(0))
            return (following.isalpha() and following not in CALENDAR_WORDS and following not in FUNCTION_WORDS
                    and not SPOKEN_NUMBER_RE.fullmatch(following))

        def decimal_cut(match: re.Match[str]) -> bool:
            """A part of a decimal number the span cuts ("7" of "ABG 7.34/40", "100" of "100.4 F", "131" of "CRP
            131.2"): a value, not a numeric identifier."""
            digits = len(match.group(0)) - len(match.group(0).lstrip("0123456789"))  # the unit's letters left out ("375g")
            number = _number_around(text, match.start(), match.start() + digits) if digits else (start, start, "")
            dose = label == "ID" and AMOUNT_UNIT_AFTER_RE.match(text, number[1]) is not None  # "3.375g IV"
            return (label in {"AGE", "TIME", "PHONE"} or dose) and DECIMAL_RE.fullmatch(number[2]) is not None and (
                number[0] < start or number[1] > end)

        first, last = 0, len(tokens) - 1
        while first <= last and (leading(first) or decimal_cut(tokens[first])):
            first += 1
        while last >= first and (generic(tokens[last].group(0), tokens[last].start()) or decimal_cut(tokens[last])):
            last -= 1
        if first > last:
            return None
        kept = tokens[first:last + 1]
        words = [m.group(0) for m in kept]
        kept_text = text[kept[0].start():kept[-1].end()]
        if label == "DATE" and not DATE_SHAPE_RE.search(text[max(0, kept[0].start() - 1):kept[-1].end()]):
            return None  # "2 views", "ratio of 0.51": numbers, not dates
        if label == "DATE" and not _possible_numeric_date(kept_text):
            return None  # "171/62", "88/134": a pressure or a ratio, no month and day of any order
        if label == "DATE" and all(fold(w) in WEEKDAY_WORDS for w in words):
            return None  # a weekday alone is no date
        if label == "DATE" and re.search(r"[0-9]\.[0-9]+/|/[0-9]{3}(?![0-9])", text[max(0, kept[0].start() - 4):kept[-1].end() + 1]):
            return None  # "ABG 7.09/27/128": a blood gas, not a date
        pair = re.search(r"[0-9]{1,2}/[0-9]{1,2}\Z", kept_text)
        after_weekday = first > 0 and fold(tokens[first - 1].group(0)) in WEEKDAY_WORDS  # "Tuesday 4/6": a date
        if label == "DATE" and pair and not after_weekday and BARE_PAIR_RE.fullmatch(kept_text.split()[-1]) and not any(
            self.patterns.pattern_matches(name, text, kept[-1].end() - len(pair.group(0)), kept[-1].end())
            for name in ("date_numeric_month_day", "date_partial_after_cue")
        ):
            return None  # "right arm 3/5", "PHQ-2 4/6": a score, as the date rules read it
        if label == "DATE" and BARE_ORDINAL_RE.fullmatch(kept_text) and not self.patterns.pattern_matches(
            "date_ordinal_day", text, kept[0].start(), kept[-1].end()
        ):
            return None  # "the 4th through 6th ribs"
        if label == "DATE" and re.fullmatch(r"[0-9]{4}", kept_text) and (
                (WEIGHT_AFTER_RE.match(text, kept[-1].end()) and WEIGHT_BEFORE_RE.search(text, max(0, kept[0].start() - 24), kept[0].start()))
                or (CELL_BEFORE_RE.search(text, max(0, kept[0].start() - 4), kept[0].start()) and CELL_AFTER_RE.match(text, kept[-1].end())
                    and self.patterns.is_measured_value(text, kept[0].start()))):
            return None  # "BW: 1980 grams", "BNP | 1980 |": a weight or a lab's cell shaped like a year (not "surgery in 1998")
        if label == "TIME" and not TIME_SHAPE_RE.search(kept_text):
            return None
        if label == "TIME" and re.fullmatch(r"[0-9]{4}", kept_text) and not any(
            self.patterns.pattern_matches(name, text, kept[0].start(), kept[-1].end())
            for name in ("time_military_bare", "time_military_context", "time_military_suffix")
        ):
            return None  # "heparin 1100 units/hr": a dose, as the time rules read it
        if label == "AGE" and PULSE_BEFORE_RE.search(text, max(0, kept[0].start() - 12), kept[0].start()):
            return None  # "Obs: P 104 irreg", "PR 96": a pulse, not an age over 89
        if label == "AGE" and kept_text[:1].isdigit() and kept_text[-1:].isdigit():
            joined = _number_around(text, kept[0].start(), kept[-1].end(), RANGE_JOINERS)
            if JOINED_NUMBERS_RE.search(joined[2]) and not AGE_WORD_AFTER_RE.match(text, joined[1]) and not any(
                    self.patterns.pattern_matches(name, text, joined[0], joined[1]) for name in self.age_patterns):
                return None  # "LV 148/92", "RV 150/91", "range 88-95": a number of a pressure, a ratio or a range, which no
                # age rule reads as ages ("aged 90-95" is read so, and a word of years after it makes an age: "93-1/2 yo")
        if label in {"AGE", "ID"} and self._measured_cell(text, kept[0].start(), kept[-1].end()):
            return None  # "| trig | 96 |", "hdl | 91 | --": a value in the row of a lab, a measured value (a telephone's
            # number is never one: "| Cath lab | 4417 |" under "| Dept | Ext |")
        if label == "AGE":
            numbers = [int(w) for w in words if w.isdigit()]
            if not any(n >= 90 for n in numbers) and not any(fold(w) in {"ninety", "hundred", "nineties"} for w in words):
                return None
            if not numbers and not self.patterns.pattern_matches("age_words", text, kept[0].start(), kept[-1].end()) and not any(
                fold(w) == "nineties" for w in words
            ):
                return None  # "sat ninety one percent", "one hundred milligrams": a spoken measurement, as the age rule reads it
        if label in {"ID", "PHONE"} and sum(c.isdigit() for c in kept_text) < 3:
            return None
        if label in NUMERIC_LABELS and all(CLINICAL_CODE_RE.fullmatch(w) for w in words):
            return None  # "at 33W4D, PPROM", "G4P2": a gestational age or an obstetric history, not an identifier
        first_digit = kept[0].start() + next((i for i, c in enumerate(kept_text) if c.isdigit()), 0)
        if label == "PHONE" and sum(c.isdigit() for c in kept_text) < 4 and not PHONE_CUE_BEFORE_RE.search(
                text, max(0, first_digit - 16), first_digit):
            return None  # "(prev 625)", "1930  39.1  130": three digits are no telephone number, but an extension's
        if label in {"ID", "PHONE"} and LAB_PANEL_RE.fullmatch(_number_around(text, kept[0].start(), kept[-1].end(), "./")[2]):
            return None  # "BMP: 132/3.9/92/29/20/1.0/320": a panel's values over slashes, some decimal, not an identifier
        if label in {"ID", "PHONE"} and CELLS_APART_RE.search(kept_text) and (MEASURED_CELL_RE.search(kept_text) or all(
                len(n) <= 3 and not n.startswith("0") for n in re.findall(r"[0-9]+", kept_text))):
            return None  # "38.9  82  120/76", "88  18  97": values in a flowsheet's cells, blanks apart, one a decimal or a
            # pressure or all of three digits or fewer, not one identifier ("0412  345  678" is a telephone number spaced out)
        if label == "DATE" and re.fullmatch(r"[0-9]{4}", kept_text) and AMOUNT_UNIT_AFTER_RE.match(text, kept[-1].end()):
            return None  # "2000 mL LR", "1968 mL": a quantity, not a year
        if label in {"ID", "PHONE"}:
            number = _number_around(text, kept[0].start(), kept[-1].end(), RANGE_JOINERS)
            before = text[max(0, number[0] - 24):number[0]]
            if _range_or_ratio(number[2]) and (self.patterns.is_measured_value(text, number[0]) or VALUE_BEFORE_RANGE_RE.search(before)
                                               or ("/" in number[2] and ABBREVIATION_BEFORE_RE.search(before))
                                               or ("/" not in number[2] and self._setting_range(text, number[0], number[1], label))):
                return None  # "Na | 145 | 135-145", "AO 165/81 |", "VVIR 50-120": a reference range, a pressure or a setting,
                # not an identifier
        if label in {"ID", "PHONE", "AGE"} and kept_text[:1].isdigit() and kept_text[-1:].isdigit() and (
            (self.patterns.is_measured_value(text, kept[0].start())
             and not (label in {"ID", "PHONE"} and self._identifier_column(text, kept[0].start())))
            or (self.patterns.has_unit_after(text, kept[-1].end()) and not (label == "AGE" and AGE_AFTER_RE.match(text, kept[-1].end())))
        ):
            return None  # "NIBP 136/92", "HR 126-152", "ambulating 92 ft": a measured value, as the rules read it (not a
            # number under an identifier's heading: "| Test | Tube No. |" over "| TSH | 562 |")
        if label in {"LOCATION", "HOSPITAL", "ORGANIZATION"}:
            if cut_code and len(kept) == 1:
                return None  # "1P0" of "G1P0", "2" of "M2", "H" of "H2O": a piece of a code, no ward's name
            # a place has a proper name or a postal code; a lone small number ("2 views") is neither.
            # Where capitals mean nothing, a capital is no sign ("THE ASSISTED LIVING", "pleasant")
            caseless = capitals_mean_nothing(text)
            if (len(kept) == 1 and (caseless or kept[0].group(0).isupper()) and not lexicon.is_place(kept[0].group(0))
                    and self._abbreviation_like(text, kept[0])):
                return None  # "ONSC 1354  PTCT 1402": an abbreviation no list knows, alone
            proper = [m.group(0) for m in kept if m.group(0)[:1].isalpha() and len(m.group(0)) > 1 and not lexicon.is_safe(m.group(0))
                      and not self._written_word(text, m, caseless)
                      and not (not caseless and self._unlisted_small_word(text, m))
                      and not (short_capitals(m.group(0), caseless) and not lexicon.is_place(m.group(0)))
                      and not self._unlisted_shorthand(m.group(0), place=True)
                      and not CLINICAL_CODE_RE.fullmatch(m.group(0))
                      and not self.allowed_word(m.group(0))
                      and (not lexicon.is_common(m.group(0))
                           # a word that is also a place or a name ("Pill", "Hope"): written as a name,
                           # away from a sentence's start, or no English word where capitals mean nothing
                           or ((lexicon.is_place(m.group(0)) or lexicon.is_name(m.group(0)))
                               and (fold(m.group(0)) not in lexicon.english if caseless
                                    else m.group(0)[:1].isupper()
                                    and (fold(m.group(0)) not in lexicon.english or not sentence_initial(text, m.start()))))
                           # a capital means a name only mid-sentence in a mixed-case text ("Smokes 1 ppd" does not)
                           or (m.group(0)[:1].isupper() and not caseless and not sentence_initial(text, m.start())))]
            # a postal code or a ward's number ("02115", "7B", "SW1A"), not a clinical code ("G3P1", "S1S2")
            coded = [w for w in words if (len(w) >= 5 and w.isdigit())
                     or (not w.isdigit() and not w.isalpha() and not CLINICAL_CODE_RE.fullmatch(w))]
            if not proper and not coded and not self._named_facility(words):  # "7B", "02115" are still places
                return None
        return RuleSpan(kept[0].start(), kept[-1].end(), label, "model")

    def _generic_word(self, word: str) -> bool:
        """A word that is no identifier wherever it stands: a common word that no list of places or names holds, a
        clinical word, an allowed word or a cue's word."""
        lexicon = self.lexicon
        return (
            (word.isalpha() and len(word) > 1 and lexicon.is_common(word) and not lexicon.is_place(word) and not lexicon.is_name(word))
            or lexicon.is_safe(word)
            or self.allowed_word(word)
            or self.cues.is_cue_word(fold(word))
        )

    def _unlisted_small_word(self, text: str, match: re.Match[str]) -> bool:
        """A word in small letters that no name or place list holds, and a medical word: the medical dictionary's, one slip
        from a word of the vocabulary, or of a procedure's ending ("Insert quellotomy drain"), after no little word of a
        place, a name's particle or a saint's abbreviation: no place's proper name where capitals mean something. A place
        typed in small letters is a word of no list ("lives in tullamere", "from southie"; "from st. wenceslas"), which the
        model alone may find: kept."""
        word = match.group(0)
        if not word.islower() or self.lexicon.is_place(word) or self.lexicon.is_name(word):
            return False
        if not (self.lexicon.is_medical(word) or self.misspelling_of(word) or PROCEDURE_ENDING_RE.search(word)):
            return False
        before = LAST_WORD_BEFORE_RE.search(text, max(0, match.start() - 30), match.start())
        return before is None or (fold(before.group(1)) not in NAME_PARTICLES and fold(before.group(1)) not in PLACE_PREPOSITIONS)

    def _measured_cell(self, text: str, start: int, end: int) -> bool:
        """A number of three digits or fewer alone in a table's cell under no heading of an identifier's or an age's column,
        in a lab's row: one that opens with a lab's name ("| trig | 96 |", "hdl | 91 | --", "| Vit D | 94 |", "| ferritin |
        93 |") and holds lab values alone ("| Triglycerides | 196 | 150 |"). A study's, a device's, a vaccine's, a blood
        product's, a condition's or a specimen's row is none ("| CT | 4417 |", "| PRBC | 4417 |", "| COPD | 93 |", "| CHF |
        94 | 2019 |", "| Specimen | 4417 |"), nor a row of an identifier, a person or a telephone ("| MRN | 4471 |", "| Mother
        | 92 |", "| Ext | 4417 |")."""
        if not LAB_ROW_VALUE_RE.fullmatch(text, start, end) or not CELL_BEFORE_RE.search(text, max(0, start - 4), start):
            return False  # (four digits are no lab's value alone: "| LDL | 4417 |" may be a number of a tube)
        if not CELL_END_RE.match(text, end):
            return False
        label, numbered = self._column_heading(text, start)
        if label is not None or numbered:
            return False  # "| Condition | Relative | Age |" over "| Stroke | Mother | 92 |": the column says what it holds
        found = row_cells(text, start)
        if found is None or found[1] == 0:
            return False
        cells, index = found
        cell = text[cells[0][0]:cells[0][1]]
        words = CELL_WORD_RE.findall(cell)
        if not words or heading_label(cell) is not None or PHONE_CUE_BEFORE_RE.search(cell.rstrip()):
            return False  # ("| Accession | 4471 |", "| Age | 94 |": an identifier's or an age's row, though its word is clinical)
        if any(fold(w) in ID_HEADING_WORDS or self.cues.is_cue_word(fold(w)) for w in words):
            return False
        values = [text[a:b] for a, b in cells[1:index] + cells[index + 1:]]
        # "| CVA | Mother | 92 |", "| HTN | 92 | 2019 |": a relative's word or a year beside the number, no lab's row
        return self._lab_name(cell) and all(EMPTY_CELL_RE.fullmatch(value) or LAB_ROW_VALUE_RE.fullmatch(value) for value in values)

    @staticmethod
    def _column_heading(text: str, position: int) -> tuple[str | None, bool]:
        """What the headings above a table's cell say of its column, read in one walk up it: the label of the nearest
        listed heading ("| Relative | Age |": "AGE"; None if none), and whether any cell above holds a word that labels
        a number, though no listed heading ("| Exam | Acc. No. |" over "| CT | 4417 |", "| Implant | Serial |", "| Lot #
        |", "| Tube Barcode |")."""
        label, numbered = None, False
        for cell in cells_above(text, position):
            if label is None:
                label = heading_label(cell)
            numbered = numbered or any(fold(word) in ID_HEADING_WORDS for word in CELL_WORD_RE.findall(cell))
        return label, numbered

    def _identifier_column(self, text: str, position: int) -> bool:
        """A table's cell under a heading of an identifier's column: a listed one ("MRN", "Pager") or one of its words."""
        label, numbered = self._column_heading(text, position)
        return label in {"ID", "PHONE"} or numbered

    def _lab_name(self, cell: str) -> bool:
        """A lab analyte's or a measurement's name, its unit in brackets left out ("LDL (mg/dL)"): one of the lab names'
        list (lab_names.txt: "LDL", "TRIG", "Vit D", "uric acid") or one the rules read before a measured value
        ("ferritin", "TSH"), the cell's whole or each of its words ("LDL cholesterol"). No study's, device's, vaccine's,
        blood product's or condition's letters, though the clinical lists hold them ("CT", "ICD", "MMR", "PRBC", "COPD")."""
        name = " ".join(HEADING_NOTE_RE.sub("", cell).split())
        words = CELL_WORD_RE.findall(name)

        def lab(phrase: str) -> bool:
            return self.lexicon.is_lab_name(phrase) or self.patterns.measurement_before_re.fullmatch(phrase) is not None

        return bool(name) and (lab(name) or (bool(words) and all(lab(w) for w in words)))

    def _setting_range(self, text: str, start: int, end: int, label: str) -> bool:
        """A range right after a setting's word (setting_words.txt: "programmed VVIR 50-120", "AAI 70-140", "Upper tracking
        90-150"), its upper value a rate's or a pressure's: a setting, unless a rule reads an identifier there. A unit's, a
        service's or a device's word is no setting's ("Pod 12-130", "Pathology 21-345", "Stent 123-456"), and a telephone's
        number may follow any word but a pacing mode ("call ICU 22-130", "Cath lab 22-130"; "DDDR 60-130" is a setting)."""
        numbers = SETTING_RANGE_RE.fullmatch(text, start, end)
        if numbers is None or not int(numbers.group(1)) < int(numbers.group(2)) <= SETTING_MAX:
            return False
        word = self.setting_before_re.search(text, max(0, start - SETTING_WORD_WINDOW), start)
        if word is None or (label == "PHONE" and fold(word.group("word")) not in self.lexicon.pacing_modes):
            return False
        return not any(self.patterns.pattern_matches(name, text, start, end) for name in self.identifier_patterns[label])

    def _dose_after(self, text: str, end: int) -> bool:
        """A number with a unit right after a word ("ino 20 ppm", "Kcentra 1500 units"): the word is what is dosed."""
        value = VALUE_AFTER_RE.match(text, end)
        number = NUMBER_RE.match(text, value.end()) if value else None
        return number is not None and self.patterns.has_unit_after(text, number.end())

    def _value_with_unit(self, text: str, word: str, position: int) -> bool:
        """A number with a unit after it, or that unit ("54 Gy"), as the rules read a measured value."""
        if word.isdigit():
            return self.patterns.has_unit_after(text, position + len(word))
        number = NUMBER_BEFORE_RE.search(text, max(0, position - 12), position)
        return number is not None and self.patterns.has_unit_after(text, number.start() + 1)

    def _in_safe_compound(self, text: str, position: int) -> bool:
        """Whether the hyphenated word around ``position`` is a safe word as a whole ("Solu-Medrol")."""
        start = position
        while start > 0 and (text[start - 1].isalnum() or (text[start - 1] == "-" and start > 1 and text[start - 2].isalnum())):
            start -= 1
        match = HYPHENATED_RE.match(text, start)
        return bool(match) and "-" in match.group(0) and (self.lexicon.is_safe(match.group(0)) or self.allowed_word(match.group(0)))

    def _named_facility(self, words: list[str]) -> bool:
        """Words that end in a facility's word after some name of their own ("blue heron lodge"),
        not a facility's word alone ("the assisted living")."""
        folded = [fold(w) for w in words]
        for size in (3, 2, 1):
            if len(folded) > size and " ".join(folded[-size:]) in self.facility_words:
                rest = folded[:-size]
                return any(w not in FUNCTION_WORDS and not self.lexicon.is_safe(w) for w in rest)
        return False

    def _vet_name(self, text: str, tokens: Sequence[re.Match[str]]) -> RuleSpan | None:
        """The longest run of name-looking words in a model NAME span, if any is a name."""
        caseless = capitals_mean_nothing(text)
        lexicon = self.lexicon

        def part_of_name(match: re.Match[str]) -> bool:
            word = match.group(0)
            folded = fold(word)
            if any(c.isdigit() for c in word) or self.allowed_word(word) or lexicon.is_safe(word) or lexicon.is_medical(word):
                return False  # "Oncologic history": a medical word, which no name list holds
            if self._in_safe_compound(text, match.start()):
                return False  # "Poly-Vi-Sol"
            value = VALUE_AFTER_RE.match(text, match.end())
            if value and self.patterns.is_measured_value(text, value.end()):
                return False  # "ck 12117", "R 19": a lab's or a vital sign's name before its value
            if self._dose_after(text, match.end()):
                return False  # "INO 20 ppm", "Kcentra 1500 units": a drug's or a gas's name before its dose
            if self.cues.is_cue_word(folded) or folded in CALENDAR_WORDS:
                return False
            if folded in self.cues.newborn_words or text[match.start() - 1:match.start()] in {"%", *"0123456789"}:
                return False  # "Baby Girl", "81%ile": a newborn's label, a suffix glued to a number
            if self.cues.clinical_use(lexicon, text, match.start(), match.end(), caseless):
                return False  # "Moro present", "0 brady events": the clinical word, as the rules read it
            if len(word) == 1:  # an initial, but not the letters of a credential ("M.D.")
                before = text[max(0, match.start() - 2):match.start()]
                return (
                    (word.isupper() or caseless)
                    and text[match.end():match.end() + 1] == "."
                    and not CREDENTIAL_INITIALS_RE.match(text, match.start())
                    and not re.fullmatch(r"[A-Z]\.", before)
                )
            if short_capitals(word, caseless) and not lexicon.is_name(word):
                return False  # "LVM", "MGR", "OCN": an abbreviation, not a name
            if self._unlisted_shorthand(word, place=False):
                return False  # "tms", "nr", "cb": shorthand of two or three letters, which no name list holds
            if self._written_word(text, match, caseless):
                return False  # "iNO", "nromal", "PATIE,NT": an abbreviation, a misspelt or a broken word
            if timestamp_label(text, match.start(), match.end(), lexicon.is_name):
                return False  # "ONSC 0828  TRAN 0854  DEST 0912": a timestamp's label
            return self._name_like(text, word, caseless) or (
                word[:1].isupper() and (lexicon.is_unambiguous_name(word) or not lexicon.is_common(word))
            )

        best: list[re.Match[str]] = []
        run: list[re.Match[str]] = []
        for match in tokens:
            # a run is broken by a non-name word or by punctuation other than an initial's dot, a hyphen or a comma
            gap = text[run[-1].end():match.start()] if run else ""
            if run and not re.fullmatch(r"[ \t]?|\.[ \t]?|[ \t]?-[ \t]?|,[ \t]?|['’]", gap):
                run = []
            if part_of_name(match):
                run.append(match)
                if len(run) > len(best):
                    best = list(run)
            else:
                run = []
        if not best or not any(self._name_like(text, m.group(0), caseless, m.start()) for m in best):
            return None
        if caseless and len(best) == 1 and self._abbreviation_like(text, best[0]):
            return None  # "AFOF", "ONSC", "USMC" where capitals mean nothing: an abbreviation no list knows, alone
        end = best[-1].end()
        if len(best[-1].group(0)) == 1 and text[end:end + 1] == ".":
            end += 1
        return RuleSpan(best[0].start(), end, "NAME", "model")

    def _unlisted_shorthand(self, word: str, place: bool) -> bool:
        """A word of two or three letters that no name list holds, nor (``place``) the place list, nor is a name's
        particle ("tms", "nr", "idt"): shorthand, since short names and places are on the lists ("Ng", "Ely")."""
        lexicon = self.lexicon
        return len(word) <= SHORT_UNLISTED_LETTERS and not lexicon.is_name(word) and (
            not lexicon.is_place(word) if place else fold(word) not in NAME_PARTICLES)

    def _written_word(self, text: str, match: re.Match[str], caseless: bool) -> bool:
        """A word that is no name for how it is written: a short abbreviation in mixed letters that opens in lower case
        ("iNO", "eGFR"; not "deSouza"), a misspelt word (in lower case among capitals: "nromal", "b0wel"; where capitals
        mean nothing, a misspelt clinical word: "NROMAL"), or a piece of a word broken by a blank, a line's end or a
        stray mark ("accom panying", "PATIE,NT", "ori-⏎ginal")."""
        word = match.group(0)
        if (word[:1].islower() and any(c.isupper() for c in word[1:]) and word.isalnum() and len(word) <= CAMEL_ABBREVIATION_LETTERS
                and not any(fold(word).startswith(particle) for particle in CAMEL_NAME_PREFIXES)):
            return True
        corrected = self.misspelling_of(word)
        if corrected and not (self.lexicon.is_name(corrected) and corrected not in self.lexicon.english) and (
                (not caseless and word.islower()) or self.lexicon.is_safe(corrected) or self.lexicon.is_medical(corrected)):
            return True  # (one slip from a listed name is a name misspelt: "Hamliton")
        before = WORD_PIECE_BEFORE_RE.search(text, max(0, match.start() - 30), match.start())
        after = WORD_PIECE_AFTER_RE.match(text, match.end())
        return any(
            self._joined_word(word, piece.group("piece"), piece is before)
            for piece in (before, after) if piece is not None and fold(piece.group("piece")) not in NAME_PARTICLES
        )

    def _joined_word(self, word: str, piece: str, piece_first: bool) -> bool:
        """Whether ``word`` and the ``piece`` beside it make one dictionary word (a listed name beside another
        name or a word of its own stays apart: "Rose Mary")."""
        joined = piece + word if piece_first else word + piece
        if len(joined) < JOINED_WORD_MIN_LETTERS or not self.lexicon.is_vocabulary(joined):
            return False
        lexicon = self.lexicon
        return not lexicon.is_name(word) or not (lexicon.is_name(piece) or lexicon.is_vocabulary(piece))

    def _abbreviation_like(self, text: str, match: re.Match[str]) -> bool:
        """A word of four or five letters that no name list holds and that reads as letters, not a word (one vowel
        or none, or three consonants together: "ONSC", "PTCT", "USMC"), standing alone (no name, title, role,
        initial or preposition beside it, no hyphen joining it): where capitals cannot tell, or written in capitals,
        an abbreviation rather than a name ("kwabo" stays one)."""
        word = match.group(0)
        if not (4 <= len(word) <= 5 and word.isalpha()) or self.lexicon.is_name(word):
            return False
        folded = fold(word)
        if sum(c in VOWELS for c in folded) > 1 and not CONSONANT_RUN_RE.search(folded):
            return False  # pronounceable: a name as likely as an abbreviation
        if text[match.end():match.end() + 1] in {"-", "'", "’"} or text[max(0, match.start() - 1):match.start()] in {"-", "'", "’"}:
            return False  # "MEDI-MART": a part of a name joined to another
        before = LAST_WORD_BEFORE_RE.search(text, max(0, match.start() - 30), match.start())
        after = FIRST_WORD_AFTER_RE.match(text, match.end())
        for neighbour in (before, after):
            if neighbour is None:
                continue
            other = neighbour.group(1)
            if (self.lexicon.is_unambiguous_name(other) or fold(other) in self.cues.title_words or fold(other) in self.cues.role_words
                    or len(other) == 1 or (neighbour is before and fold(other) in PLACE_PREPOSITIONS)):
                return False  # "dr afof", "afof nguyen", "j afof", "filled at ONSC": a name's part, or a place, after all
        return True

    def _name_like(self, text: str, word: str, caseless: bool, position: int | None = None) -> bool:
        """A word that reads as a name: listed, rare, or capitalised where capitals mean something."""
        lexicon = self.lexicon
        if len(word) < 2 or not word.isalpha() or self.allowed_word(word) or lexicon.is_safe(word) or lexicon.is_medical(word):
            return False
        if not caseless and word.islower() and not lexicon.is_name(word):
            return False  # "NIOSH cert", "per tms": where capitals mean something, a name no list holds has one
        if lexicon.is_unambiguous_name(word) or not lexicon.is_common(word):
            return True
        if not lexicon.is_name(word):
            return False
        if caseless:
            # the model saw a name where the text gives no capitals to judge by: a listed
            # name, but no English word ("WILL", "saw", "BORN")
            return fold(word) not in lexicon.english
        if not word[:1].isupper() or word.isupper():
            return False
        return not (position is not None and sentence_initial(text, position))
