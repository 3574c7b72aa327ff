"""Decide whether a word read in the pixels is PHI or a marker to keep.

Three sources of evidence, all tolerant to OCR errors:

- the keep-list (``data/pixel_keep.yaml``): laterality, view, position and
  technique words, matched after folding the letters OCR confuses (O/0, I/1/l,
  S/5, B/8, Z/2) and allowing one edit in longer words;
- PHI patterns (``data/pixel_phi_patterns.yaml``): dates in numeric and
  month-name forms, times, long digit runs, ID-like tokens, labels such as
  DOB/MRN, sex markers and name shapes, also tried on the "digit reading" of
  the text so ``O3/O2/2O17`` is a date;
- the deny-list: this image's own header values and the EHR row's (names,
  MRN, accession, birth date), matched approximately anywhere in the line.

The decision order is deny-list, then patterns, then keep-list, then the
policy default (``phi`` unless configured otherwise): a word is kept only
when it is confidently a marker. Reasons name the rule, never the text, so
they can be logged without leaking PHI.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import yaml

# Letters and digits OCR mistakes for one another, folded onto one class.
_CONFUSION_FOLD = str.maketrans(
    {
        "0": "O",
        "Q": "O",
        "D": "O",
        "1": "I",
        "L": "I",
        "|": "I",
        "!": "I",
        "J": "I",
        "5": "S",
        "8": "B",
        "2": "Z",
        "6": "G",
    }
)
# Letters read where digits were printed (for the "digit reading" of a word).
_TO_DIGITS = str.maketrans(
    {
        "O": "0",
        "o": "0",
        "D": "0",
        "Q": "0",
        "I": "1",
        "l": "1",
        "|": "1",
        "i": "1",
        "!": "1",
        "S": "5",
        "s": "5",
        "B": "8",
        "Z": "2",
        "z": "2",
        "G": "6",
    }
)
_NON_ALNUM = re.compile(r"[^0-9A-Z]+")
_DIGIT = re.compile(r"\d")


def strip_accents(text: str) -> str:
    """``text`` without combining accents ("Téch" -> "Tech")."""
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def fold(text: str) -> str:
    """Upper-case ``text``, drop everything but letters and digits, fold OCR confusions."""
    return _NON_ALNUM.sub("", text.upper()).translate(_CONFUSION_FOLD)


def digit_reading(text: str) -> str:
    """``text`` with confusable letters read as digits, applied only to tokens holding a digit."""

    def convert(match: re.Match[str]) -> str:
        token = match.group(0)
        return token.translate(_TO_DIGITS) if _DIGIT.search(token) else token

    return re.sub(r"\S+", convert, text)


def edit_distance(a: str, b: str, limit: int | None = None) -> int:
    """Levenshtein distance (stops early once every path exceeds ``limit``)."""
    if a == b:
        return 0
    if len(a) < len(b):
        a, b = b, a
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i]
        for j, char_b in enumerate(b, start=1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b))
            )
        if limit is not None and min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]


def approximate_substring_distance(needle: str, haystack: str) -> int:
    """Fewest edits turning ``needle`` into some substring of ``haystack`` (Sellers, 1980)."""
    if not needle:
        return 0
    previous = [0] * (len(haystack) + 1)
    for i, char_n in enumerate(needle, start=1):
        current = [i]
        for j, char_h in enumerate(haystack, start=1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_n != char_h))
            )
        previous = current
    return min(previous)


# The shortest piece of a longer marker that is still kept as that marker.
MIN_MARKER_PIECE = 4

# Words this short are too easily produced by misreading anything: no folding, no edits.
SHORT_WORD = 3


def is_short(text: str) -> bool:
    """A word of at most ``SHORT_WORD`` letters and digits, whatever marks OCR read around them
    ("Ped?", "2-0" are short: they are held to a short word's confidence)."""
    return len(_NON_ALNUM.sub("", text.upper())) <= SHORT_WORD


def allowed_edits(length: int) -> int:
    """Edits tolerated when matching a string of ``length`` folded characters."""
    if length < 5:
        return 0
    if length < 10:
        return 1
    return 2


# A technique value as printed alone: a signed decimal of a few digits, or a small
# ratio or count ("10:1", "3/12"); never long enough to be a record number.
_COUNT_NUMBER = re.compile(r"\d{1,3}")  # an image or frame count ("12 OF 140"); longer numbers are IDs
_BARE_NUMBER = re.compile(r"[+-]?\d{1,4}(?:[.,]\d{1,3})?")
_ANGLE = re.compile(r"\d{1,2}(?:°|º|DEG)?", re.IGNORECASE)  # an incline in degrees, never long enough to identify
# letters OCR reads for the V of a kilovolt unit
_VOLT_MISREADS = str.maketrans({"U": "V", "Y": "V", "¥": "V"})
# an image counter read without its spaces: a small number, a word of two letters (O read as a zero
# too), a small number ("1OF2", "20F2")
_JOINED_COUNT = re.compile(r"(\d{1,3}?)([O0][A-Z])(\d{1,3})")
_BARE_VALUE = re.compile(r"[+-]?\d{1,4}(?:[.,]\d{1,3})?|\d{1,2}:\d{1,2}|\d{1,3}/\d{1,3}")


def _unit_form(word: str) -> str:
    """A unit as compared: upper case, the micro sign and superscript two as letters."""
    return word.strip(".,:;()[]").upper().replace("µ", "U").replace("Μ", "U").replace("²", "2")


@dataclass(frozen=True)
class KeepList:
    """Marker words and technique patterns that stay in the pixels."""

    words: frozenset[str]  # folded
    patterns: tuple[re.Pattern[str], ...]
    value_after: frozenset[str]  # folded
    short_words: frozenset[str] = frozenset()  # upper case, as printed
    units_after: frozenset[str] = frozenset()  # folded
    count_words: frozenset[str] = frozenset()  # folded
    angle_after: frozenset[str] = frozenset()  # folded
    # matched only as printed (folded): no edits, no cut pieces (their neighbours are surnames)
    exact_words: frozenset[str] = frozenset()
    units_need_a_number: frozenset[str] = frozenset()  # unit forms (see _unit_form)
    places_before_number: frozenset[str] = frozenset()  # folded

    @classmethod
    def from_mapping(cls, data: Mapping) -> KeepList:
        words = [str(word) for word in data.get("words", ())]
        exact = [str(word) for word in data.get("exact_words", ())]
        return cls(
            short_words=frozenset(word.upper() for word in (*words, *exact) if len(word) <= SHORT_WORD),
            words=frozenset(fold(word) for word in words),
            exact_words=frozenset(fold(word) for word in exact),
            patterns=tuple(
                re.compile(p, re.IGNORECASE) for p in (data.get("patterns") or {}).values()
            ),
            value_after=frozenset(fold(word) for word in data.get("value_after", ())),
            units_after=frozenset(_unit_form(str(word)) for word in data.get("units_after", ())),
            count_words=frozenset(fold(str(word)) for word in data.get("count_words", ())),
            angle_after=frozenset(fold(str(word)) for word in data.get("angle_after", ())),
            units_need_a_number=frozenset(_unit_form(str(word)) for word in data.get("units_need_a_number", ())),
            places_before_number=frozenset(fold(str(word)) for word in data.get("places_before_number", ())),
        )

    def is_count(self, first: str, word: str, last: str) -> bool:
        """True for a count word between two small numbers ("1 OF 2": an image of a series)."""
        return fold(word) in self.count_words and all(
            _COUNT_NUMBER.fullmatch(digit_reading(number.strip(".,;"))) for number in (first, last)
        )

    def matches_word(self, word: str, exact: bool = False) -> bool:
        """True when ``word`` (as read) is a marker word or a technique value.

        ``exact``: only as printed (up to case and the folded OCR confusions),
        no edits and no cut pieces.
        """
        stripped = word.strip(".,:;'\"`*()[]{}")
        if not stripped:
            return False
        # a stray dash read at an end (a scale tick beside "4.0cm") is no part of the value
        if any(pattern.fullmatch(form) for pattern in self.patterns for form in {stripped, stripped.strip("-—–")}):
            return True
        if self._matches_part(stripped, exact):  # also "SEMI-UPRIGHT" misread as a whole
            return True
        # hyphenated or slashed words, also with a stray dash read at an end ("-UPRIGHT")
        parts = [part for part in re.split(r"[-/—–]", stripped) if part]
        return bool(parts) and all(self._matches_part(part, exact) for part in parts)

    def _matches_part(self, part: str, exact: bool = False) -> bool:
        upper = part.upper()
        if len(upper) <= SHORT_WORD:
            # "it" must not pass for "LT", nor "5" for "S": short words match as printed
            return upper in self.short_words
        folded = fold(part)
        if folded in self.words or folded in self.exact_words:
            return True
        if exact:
            return False
        # markers are printed in capitals: a reading in lower or title case that is only
        # near a marker is a word of its own ("Wright", "tight" are not RIGHT)
        letters = [ch for ch in part if ch.isalpha()]
        if sum(ch.islower() for ch in letters) > max(1, len(letters) // 3):
            return False
        tolerance = allowed_edits(len(folded))
        if tolerance and any(
            abs(len(candidate) - len(folded)) <= tolerance
            and edit_distance(folded, candidate, tolerance) <= tolerance
            for candidate in self.words
            if len(candidate) >= 5
        ):
            return True
        # a long marker cut at the edge of what was found ("SUPI", "JPINE" for SUPINE);
        # a piece of four must be exact, longer ones may hold one misread
        if len(folded) >= MIN_MARKER_PIECE:
            edits = 0 if len(folded) <= MIN_MARKER_PIECE else 1
            return any(
                len(candidate) >= len(folded) + 2
                and min(
                    edit_distance(folded, candidate[: len(folded)], edits),
                    edit_distance(folded, candidate[-len(folded) :], edits),
                )
                <= edits
                for candidate in self.words
            )
        return False

    def technique_word(self, word: str) -> str | None:
        """``word`` as the technique word of ``value_after`` it reads as (folded), or None. The V of
        a kilovolt unit may be read as U, Y or a yen sign ("KUP" for kVp): a unit's V is taken so
        only where that gives a word holding a V."""
        stripped = word.strip(".,:;")
        folded = fold(stripped)
        if folded in self.value_after:
            return folded
        as_volts = fold(stripped.upper().translate(_VOLT_MISREADS))
        return as_volts if "V" in as_volts and as_volts in self.value_after else None

    def is_value_after(self, previous_word: str, word: str) -> bool:
        """True for a bare number following a technique word ("kVp 110", "DI -1.2", "Grid 10:1")."""
        return bool(_BARE_VALUE.fullmatch(word.strip(".,;"))) and self.technique_word(previous_word) is not None

    def is_unit_with_value(self, word: str, next_word: str) -> bool:
        """True for a technique word of three letters ("kVp", "mAs", "SID") followed by its value: the
        pair is no initials and a number (two letters may be)."""
        unit = self.technique_word(word)
        return unit is not None and len(unit) == SHORT_WORD and unit.isalpha() and self.is_value_after(word, next_word)

    def is_angle_after(self, previous_word: str, word: str) -> bool:
        """True for an angle of one or two digits after a patient position ("SEMI-ERECT 45",
        "UPRIGHT 60°"): the incline of the table or the patient, read after the position's last part."""
        if not _ANGLE.fullmatch(word.strip(".,;")):
            return False
        parts = [part for part in re.split(r"[-/—–]", previous_word.strip(".,:;'\"`*()[]{}")) if part]
        if not parts:
            return False
        last = fold(parts[-1])
        tolerance = allowed_edits(len(last))
        return self.matches_word(previous_word) and any(
            edit_distance(last, position, tolerance) <= tolerance for position in self.angle_after
        )

    def is_value_before(self, word: str, next_word: str) -> bool:
        """True for a bare number followed by its unit ("35 ms", "2.1 mGy")."""
        return bool(_BARE_NUMBER.fullmatch(word.strip(".,:;"))) and _unit_form(next_word) in self.units_after


@dataclass(frozen=True)
class PhiPatterns:
    """Named regular expressions for the shapes of PHI."""

    patterns: tuple[tuple[str, re.Pattern[str]], ...]

    @classmethod
    def from_mapping(cls, data: Mapping[str, str]) -> PhiPatterns:
        return cls(tuple((name, re.compile(p, re.IGNORECASE)) for name, p in data.items()))

    def first_match(self, text: str, names: Iterable[str] | None = None) -> str | None:
        """Name of the first pattern found in ``text`` or its digit reading, or None."""
        wanted = None if names is None else set(names)
        plain = strip_accents(text)  # OCR puts accents on plain letters ("Téch")
        readings = tuple(dict.fromkeys((text, digit_reading(text), plain, digit_reading(plain))))
        for name, pattern in self.patterns:
            if wanted is not None and name not in wanted:
                continue
            if any(pattern.search(reading) for reading in readings):
                return name
        return None


class DenyList:
    """PHI strings of this image (header, EHR row) matched approximately in OCR text."""

    def __init__(self, strings: Iterable[str], min_length: int = 2) -> None:
        entries: set[str] = set()
        for value in strings:
            if not value:
                continue
            text = str(value)
            # the whole value and each of its parts: names appear reordered or split.
            # Short numbers cut out of a date or ID ("12" of 12/05/1960) identify no one
            # and OCR noise spells them ("iz" folds like "12"): only the whole value counts.
            parts = [part for part in re.split(r"[\s,^/.-]+", text) if not (part.isdigit() and len(part) < 4)]
            for candidate in [text, *parts]:
                folded = fold(candidate)
                if len(folded) >= min_length:
                    entries.add(folded)
        self.entries = tuple(sorted(entries, key=len, reverse=True))

    def __bool__(self) -> bool:
        return bool(self.entries)

    def find(self, text: str, exact: bool = False) -> str | None:
        """The first deny-list entry readable in ``text`` (folded form), or None.

        ``exact``: only an entry that is the whole of ``text`` or one of its
        words (after folding): a name hidden inside a marker word ("RIGHT" in
        "UPRIGHT") is not that name.
        """
        folded = fold(text)
        if not folded:
            return None
        if exact:
            pieces = {folded} | {fold(word) for word in re.split(r"[\s,;:/^]+", text) if word}
            return next((entry for entry in self.entries if entry in pieces), None)
        for entry in self.entries:
            tolerance = allowed_edits(len(entry))
            if tolerance == 0:
                # short entries (initials, short IDs) only as a whole word
                words = {fold(word) for word in re.split(r"[\s,;:/^]+", text) if word}
                if entry in words:
                    return entry
                continue
            if len(folded) + tolerance < len(entry):
                continue
            if entry in folded or approximate_substring_distance(entry, folded) <= tolerance:
                return entry
        return None


@dataclass(frozen=True)
class WordDecision:
    """The decision for one OCR word: ``phi`` or ``keep`` and the rule that decided."""

    decision: str
    reason: str


def technique_values(texts: Sequence[str], keep: KeepList, patterns: PhiPatterns) -> set[int]:
    """Indexes of the words that are technique values: a number beside its technique word or
    before its unit ("DI 1.25", "0.42 mGy"); a decimal there is no time of day, but a number
    the line continues like a date ("SE 03 / 02 / 2017") is no value."""
    return {
        index
        for index, text in enumerate(texts)
        if (
            (index > 0 and (keep.is_value_after(texts[index - 1], text) or keep.is_angle_after(texts[index - 1], text)))
            or (index + 1 < len(texts) and keep.is_value_before(text, texts[index + 1]))
        )
        and patterns.first_match(text) in (None, *(("time",) if ":" not in text else ()))
        and not (index + 1 < len(texts) and texts[index + 1][:1] in ("/", "-", "."))
    }


def classify_words(
    words: Sequence[tuple[str, float]],
    keep: KeepList,
    patterns: PhiPatterns,
    deny: DenyList,
    default_decision: str = "phi",
    keep_min_confidence: float = 30.0,
    short_min_confidence: float = 75.0,
    exact_min_confidence: float = 10.0,
) -> list[WordDecision]:
    """Decide each word of one line; ``words`` are (text, OCR confidence) in reading order.

    The deny-list is searched in the whole line too, so a name split by OCR
    into pieces ("DOWN TIME") still marks every piece it spans. A deny-list
    string found only approximately does not remove words that read exactly
    as markers, nor a window of words that begins or ends with one
    ("UPRIGHT" is one edit from a Dr Bright); found exactly, it does.

    A word of four characters or more that reads exactly as a marker is kept
    at ``exact_min_confidence`` (Tesseract is unsure of widely spaced
    monospace letters even when it reads them right); approximate readings
    need ``keep_min_confidence``, words of three or fewer
    ``short_min_confidence``.
    """
    texts = [text for text, _ in words]
    decisions: list[WordDecision | None] = [None] * len(words)
    exact_marker = [
        conf >= exact_min_confidence and not is_short(text) and keep.matches_word(text, exact=True)
        for text, conf in words
    ]

    def denied(start: int, end: int) -> bool:
        window = " ".join(texts[start:end])
        if exact_marker[start] or exact_marker[end - 1]:
            # an approximate hit leaning on a marker word is the marker, not the name
            return deny.find(window, exact=True) is not None
        return deny.find(window) is not None

    # deny-list hits spanning several words: mark every word of the spanning window
    if deny:
        for start in range(len(texts)):
            for end in range(start + 1, min(len(texts), start + 4) + 1):
                if not denied(start, end):
                    continue
                # the tightest window ending here that still holds the string
                first = max(a for a in range(start, end) if denied(a, end))
                for index in range(first, end):
                    decisions[index] = WordDecision("phi", "deny-list")
                break
    # a marker OCR split in pieces ("SUP INE", "SEMI- UPRIGHT") is kept whole
    for start in range(len(texts)):
        for end in range(min(len(texts), start + 3), start + 1, -1):
            if any(decisions[i] is not None for i in range(start, end)):
                continue
            joined = "".join(texts[start:end])
            # a piece that is a whole marker as printed beside a number that is none is that marker with a
            # neighbour, not a marker split in pieces ("20" before "PORTABLE" is two edits from it), unless
            # together they read as printed ("110" "mAs" as a value and its unit); a marker's own letters
            # misread in one piece ("PORT ARLE") are still its pieces
            alone = [keep.matches_word(text, exact=True) for text in texts[start:end]]
            if (
                any(alone)
                and any(not whole and _DIGIT.search(text) for whole, text in zip(alone, texts[start:end], strict=True))
                and not keep.matches_word(joined, exact=True)
            ):
                continue
            lowest = min(conf for _, conf in words[start:end])
            confident = lowest >= keep_min_confidence or (
                lowest >= exact_min_confidence and keep.matches_word(joined, exact=True)
            )
            if not is_short(joined) and confident and keep.matches_word(joined):
                if patterns.first_match(joined, STRONG_PHI_PATTERNS) is None:
                    for index in range(start, end):
                        decisions[index] = WordDecision("keep", "keep-list")
                break
    # an image counter ("2 OF 3"): three words in that very shape are no misreading of anything else,
    # so each needs only a marker's confidence, not a lone short word's
    counts: set[int] = set()
    for index in range(1, len(texts) - 1):
        window = range(index - 1, index + 2)
        if (
            keep.is_count(*texts[index - 1 : index + 2])
            and all(decisions[i] is None and words[i][1] >= keep_min_confidence for i in window)
        ):
            for i in window:
                decisions[i] = WordDecision("keep", "keep-list")
            counts.update(window)
    # ...also read without its spaces ("1OF" "2", "20F2"): the word of ``count_words`` between two
    # small numbers, the first no greater than the second, as an image counter is printed
    for start in range(len(texts)):
        for end in range(min(len(texts), start + 3), start, -1):
            window = range(start, end)
            joined = "".join(texts[start:end]).strip(".,;").upper()
            match = _JOINED_COUNT.fullmatch(joined)
            if (
                match is None
                or fold(match.group(2)) not in keep.count_words
                or int(match.group(1)) > int(match.group(3))
                or patterns.first_match(joined) is not None  # the joined text reads as PHI ("12OF123" an ID)
                or any(decisions[i] is not None or words[i][1] < keep_min_confidence for i in window)
            ):
                continue
            for i in window:
                decisions[i] = WordDecision("keep", "keep-list")
            counts.update(window)
            break
    values = technique_values(texts, keep, patterns)
    for index, (text, confidence) in enumerate(words):
        if decisions[index] is not None:
            continue
        pattern = None if index in values else patterns.first_match(text)
        # a technique's unit and its value ("kVp 110"): two words vouch for each other
        unit = index + 1 < len(words) and index + 1 in values and keep.is_unit_with_value(text, texts[index + 1])
        is_marker = keep.matches_word(text) or index in values or unit
        # a short marker ("L", "AP") is only trusted when read with confidence
        short = is_short(text)
        needed = max(keep_min_confidence, short_min_confidence) if short else keep_min_confidence
        if short and unit:
            needed = keep_min_confidence
        if not short and keep.matches_word(text, exact=True):
            needed = min(needed, exact_min_confidence)
        if is_marker and confidence >= needed and pattern not in STRONG_PHI_PATTERNS:
            decisions[index] = WordDecision("keep", "keep-list")
        elif pattern is not None and not (
            default_decision == "keep" and pattern in WEAK_PHI_PATTERNS
        ):
            decisions[index] = WordDecision("phi", pattern)
        elif default_decision == "keep":
            decisions[index] = WordDecision("keep", "default")
        else:
            decisions[index] = WordDecision("phi", "not on keep-list")
    # beside a name, ID or date, only words read exactly as markers stay: an
    # approximate match there is more likely a misread piece of the PHI, and a
    # lone letter is an initial ("R. SMITH")
    strong = [d is not None and d.decision == "phi" and d.reason in STRONG_REASONS for d in decisions]
    # a short value read after a technique word or position of three letters or more read exactly
    # ("SEMI-ERECT 45", "kVp 110"), with no number or PHI word after it, may be vouched for by that word
    # (see below) as a count is by its numbers; a letter is as likely an initial ("C 4471")
    vouching = {
        index
        for index in values
        if index > 0
        and sum(ch.isalpha() for ch in texts[index - 1]) >= VOUCHING_LETTERS
        and fold(texts[index - 1]) not in NOT_VOUCHING
        and keep.matches_word(texts[index - 1], exact=True)
        and len(_DIGIT.findall(texts[index])) <= VOUCHED_DIGITS
        and not _CLOCK.fullmatch(texts[index].strip(".,;"))
        and not (index + 1 < len(texts) and (strong[index + 1] or _DIGIT.search(texts[index + 1])))
    }
    if any(strong):
        for index, (text, _conf) in enumerate(words):
            decision = decisions[index]
            if decision is None or decision.decision != "keep" or index in counts:
                continue
            if index in vouching:
                # vouched for while the word before it is still kept (decided just before it, in this order)
                before = decisions[index - 1]
                if before is None or before.decision != "keep":
                    decisions[index] = WordDecision("phi", "beside PHI")
                continue
            stripped = text.strip(".,:;'\"`*()[]{}")
            initial = len(stripped) == 1 and any(strong[max(0, index - 1) : index + 2])
            if initial or not keep.matches_word(text, exact=True):
                decisions[index] = WordDecision("phi", "beside PHI")
    vouched = {
        index
        for index in vouching
        if decisions[index - 1] is not None and decisions[index - 1].decision == "keep"
        and decisions[index] is not None and decisions[index].decision == "keep"
    }
    # a lone letter with a full stop before a removed word is an initial ("L. HERRERA")
    for index in range(len(words) - 1):
        text = texts[index].strip()
        decision, following = decisions[index], decisions[index + 1]
        if (
            decision is not None
            and decision.decision == "keep"
            and len(text) == 2
            and text[0].isalpha()
            and text[1] == "."
            and following is not None
            and following.decision == "phi"
        ):
            decisions[index] = WordDecision("phi", "initial")
    # a unit with no kept number beside it (or beside the units next to it: "0.1 mm Cu") measures nothing:
    # two letters alone, before a word or beside an identifier are initials ("CM", "MS MED-SURG 3", "AL 4471023")
    units = [_unit_form(text) in keep.units_need_a_number for text in texts]
    kept_number = [
        bool(_DIGIT.search(text)) and decision is not None and decision.decision == "keep"
        for text, decision in zip(texts, decisions, strict=True)
    ]
    start = 0
    while start < len(texts):
        if not units[start]:
            start += 1
            continue
        end = start
        while end < len(texts) and units[end]:
            end += 1
        # a run of units, measuring nothing unless a kept number stands at one of its ends
        if not ((start > 0 and kept_number[start - 1]) or (end < len(texts) and kept_number[end])):
            for index in range(start, end):
                if decisions[index] is not None and decisions[index].decision == "keep":
                    decisions[index] = WordDecision("phi", "unit without a number")
        start = end
    # a bed before its number is where the patient lies ("ICU BED 12"), whatever follows the number
    for index in range(len(texts) - 1):
        decision = decisions[index]
        if (
            decision is not None
            and decision.decision == "keep"
            and fold(texts[index]) in keep.places_before_number
            and _DIGIT.search(texts[index + 1])
        ):
            decisions[index] = WordDecision("phi", "place before its number")
            if decisions[index + 1] is not None and decisions[index + 1].decision == "keep":
                decisions[index + 1] = WordDecision("phi", "place before its number")
    # numbers and dates split across words ("03 / 02 / 2017") are found in the joined line
    line = " ".join(text for index, text in enumerate(texts) if index not in values and index not in counts)
    line_pattern = patterns.first_match(line, STRONG_PHI_PATTERNS)
    if line_pattern is not None:
        for index, text in enumerate(texts):
            if (
                decisions[index].decision == "keep"
                and index not in counts
                and index not in vouched
                and not keep.matches_word(text)
                and _DIGIT.search(digit_reading(text))
            ):
                decisions[index] = WordDecision("phi", line_pattern)
    return [decision for decision in decisions if decision is not None]


# a value is vouched for only by a technique word or position of this many letters or more, and only when it
# has at most this many digits (an incline, a tube voltage, an exposure: no part of an identifier or a time)
VOUCHING_LETTERS = 3
VOUCHED_DIGITS = 3
# ...and never by a word that names a time (an exposure time beside a name may be the time of day), nor when
# it reads as hours and minutes ("9.45")
NOT_VOUCHING = frozenset({"TIME"})
_CLOCK = re.compile(r"\d{1,2}[.:h][0-5]\d")


# Patterns that are never a marker, whatever the keep-list says, and that the
# verification pass reports when it reads them anywhere in a cleaned image.
STRONG_PHI_PATTERNS = (
    "date_numeric",
    "date_compact",
    "date_month_name",
    "time",
    "long_digit_run",
    "name_caret",
)


# Reasons for PHI that are evidence of identifying text in the line (as opposed to
# "not on keep-list" or a name shape): markers beside them are held to a stricter test.
STRONG_REASONS = frozenset({"deny-list", "phi_label", *STRONG_PHI_PATTERNS})


# Patterns too broad to remove text on their own: under a permissive policy
# (default "keep") they do not decide; under the default policy they only
# name the reason.
WEAK_PHI_PATTERNS = ("name_like",)


@lru_cache(maxsize=4)
def load_yaml_resource(name: str) -> dict:
    """A YAML data file shipped in ``cxrbuild/dicom/data``."""
    text = resources.files("cxrbuild.dicom").joinpath("data", name).read_text(encoding="utf-8")
    return yaml.safe_load(text) or {}
