"""What every report rule shares: the span a rule finds, and how to read a word's surroundings."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from importlib import resources

import yaml

from cxrbuild.printed_forms import MONTHS
from cxrbuild.text.regex_store import shared_store

DATA_PACKAGE = "cxrbuild.text.data"

# the letters of a word, Latin script with its accents (Latin-1 and Latin Extended-A): one home for every rule
LETTERS = r"A-Za-zÀ-ÖØ-öø-ÿĀ-ſ"
# the same letters, one by one
LETTER_CHARS = "".join(chr(code) for first, last in zip(LETTERS[::3], LETTERS[2::3], strict=True)
                       for code in range(ord(first), ord(last) + 1))
# the capitals among them, one by one, for a character class (Latin Extended-A alternates capitals and small letters)
UPPER_LETTERS = "".join(char for char in LETTER_CHARS if char.isupper())
# the vowels of English words (y counted), for telling letters spelt ("TPO", "dsDNA") from a word read
VOWELS = "aeiouy"
# letters and digits, never the underscore: existing "___" is never part of PHI
WORD_CHARS = r"0-9" + LETTERS
UPPER_RE = re.compile(f"[{UPPER_LETTERS}]")
LOWER_RE = re.compile("[" + "".join(char for char in LETTER_CHARS if char.islower()) + "]")
SENTENCE_START_RE = re.compile(r"(?:^|[.!?:;]|\n)[\s\"'(\[*\-•]*$")

#: the month names and their three-letter abbreviations (and "sept"), lower case
MONTH_WORDS = frozenset({month.lower() for month in MONTHS} | {month[:3].lower() for month in MONTHS} | {"sept"})
WEEKDAY_WORDS = frozenset(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"]
)
# a whole or a decimal number
NUMBER_RE = re.compile(r"[0-9]+(?:\.[0-9]+)?")
# a month's or a weekday's name; the times of day that have names
CALENDAR_WORDS = MONTH_WORDS | WEEKDAY_WORDS
TIME_OF_DAY_WORDS = frozenset({"noon", "midnight"})


# inline global flags, which must stay at the start of a regex
GLOBAL_FLAGS_RE = re.compile(r"\(\?[aiLmsux]+\)")


def first_character_guard(regex: str, flags: int = 0) -> str:
    """``regex`` opened by a lookahead for the characters its matches can begin with, when that helps.

    Python's engine tries a pattern that opens with a word boundary, a
    lookbehind or a case-insensitive alternation at every position; one
    character-class test rejects most positions first. The lookahead is
    case-insensitive, so it holds wherever a match begins whatever the flags:
    the matches stay the same. The regex is left as it is when it opens with a
    plain character or class (the engine skips ahead to those itself), when
    its first characters are unknown or could be a blank or almost any letter,
    and when it can match the empty string.
    """
    first = _first_character_class(regex, flags)
    if first is None:
        return regex
    cut, fragments = first
    return regex[:cut] + "(?i:(?=[" + "".join(sorted(fragments)) + "]))" + regex[cut:]


def _first_character_class(regex: str, flags: int) -> tuple[int, set[str]] | None:
    """(where the regex's body begins, after its inline flags; the class fragments of the characters
    a match begins with), or None when a guard would not help (see :func:`first_character_guard`)."""
    try:
        from re import _constants, _parser  # the parser behind re.compile; no guard without it

        parsed = _parser.parse(regex, flags)
        if parsed.data and parsed.data[0][0] in (_constants.LITERAL, _constants.IN):
            return None
        found = _first_characters(parsed, _constants)
    except Exception:  # a guard is only a speed-up: any doubt, none
        return None
    if found is None or found[1] or not found[0] or BROAD in found[0]:
        return None
    head = GLOBAL_FLAGS_RE.match(regex)
    return (head.end() if head else 0), found[0]


# the group that marks where a match of a scanner (see prefix_scanner) ends
SCAN_END = "_scan_end"


@functools.cache
def _basic_plane() -> str:
    """Every character of Unicode's basic plane, in order: the case partners of its letters live there too."""
    return "".join(map(chr, range(0x10000)))


def case_partner_pool(regexes: Iterable[tuple[str, int]]) -> str:
    """Every character that a case-insensitive match takes for a first character of one of ``regexes``.

    One pass over the basic plane for many regexes: :func:`prefix_scanner`
    then picks each regex's own partners from this short string.
    """
    fragments: set[str] = set()
    for regex, flags in regexes:
        first = _first_character_class(regex, flags)
        if first is not None:
            fragments |= first[1] - {r"\d"}
    if not fragments:
        return ""
    return "".join(re.compile("(?i:[" + "".join(sorted(fragments)) + "])").findall(_basic_plane()))


def _case_partners(characters: str, pool: str | None) -> str:
    """``characters`` (a class body) and every character a case-insensitive match takes for one of them, escaped.

    ``pool``: a string holding all of those characters (see :func:`case_partner_pool`); None: the basic plane.
    """
    found = re.compile("(?i:[" + characters + "])").findall(_basic_plane() if pool is None else pool)
    return "".join(re.escape(c) for c in found)


def prefix_scanner(
    regex: str, flags: int = 0, pool: str | None = None, compiler: Callable[[str, int], re.Pattern[str]] = re.compile
) -> re.Pattern[str] | None:
    """``regex`` rewritten to open with a plain character class, for :func:`scan`; None when it cannot be.

    A regex that opens with a lookbehind, a word boundary or a case-insensitive
    word list is tried by Python's engine at every position of a text, a full
    match attempt each time. A regex that opens with a class of characters no
    case change touches is scanned far faster: the engine skips in one tight
    loop to the next position holding one of them. The scanner consumes the
    first character from that class (its case partners written out), then
    looks back one character and runs the whole original regex from there
    inside a lookahead, marking its end with the empty group ``SCAN_END``.
    Every group keeps its number and its span (groups inside a lookahead keep
    what they captured), the match begins where the original's begins, and
    :func:`scan` resumes where the original match ended, as ``finditer`` does:
    the same matches, found sooner. None when the regex has no first-character
    class worth it (see :func:`first_character_guard`), when that class holds a
    character beyond the basic plane, or when the rewrite does not compile (a
    back-reference cannot sit inside a lookbehind; ``compiler``, ``re.compile``
    or one that remembers, compiles it). ``pool``: where to look
    for the case partners of the first characters (:func:`case_partner_pool`
    of this regex among others; None: the whole basic plane, slower).
    """
    source = prefix_scanner_source(regex, flags, pool)
    if source is None:
        return None
    try:
        return compiler(source, flags)
    except re.error:
        return None


def prefix_scanner_source(regex: str, flags: int = 0, pool: str | None = None) -> str | None:
    """The text of :func:`prefix_scanner`'s regex (not yet compiled: it may not compile), or None."""
    first = _first_character_class(regex, flags)
    if first is None:
        return None
    cut, fragments = first
    digits = r"\d" in fragments
    characters = "".join(sorted(fragments - {r"\d"}))
    try:
        if any(ord(c) > 0xFFFF for c in characters):
            return None
        partners = _case_partners(characters, pool) if characters else ""
        opening = "(?-i:[" + partners + (r"\d" if digits else "") + "])"
    except re.error:
        return None
    return regex[:cut] + opening + r"(?<=(?=(?:" + regex[cut:] + ")(?P<" + SCAN_END + r">))[\s\S])"


def scan(scanner: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """The matches of a :func:`prefix_scanner` in ``text``, one for each match ``finditer`` gives of its original.

    A match's groups are the original's; the whole match runs from
    ``match.start()`` to ``match.end(SCAN_END)``.
    """
    position = 0
    search = scanner.search
    while (match := search(text, position)) is not None:
        yield match
        position = match.end(SCAN_END)


def required_literals(regex: str, flags: int = 0) -> frozenset[str] | None:
    """Lower-case ASCII strings one of which every match of ``regex`` holds (None: no such set known).

    Read from the parsed regex: a run of plain characters is such a string,
    an alternation gives one of its branches' sets (each branch must have
    one), a repeat at least once gives its body's, a sequence the most telling
    of its items'. Lookarounds, classes and optional parts give nothing. A
    text that holds none of them (read by :func:`literal_fold`) has no match:
    the regex need not be run there.
    """
    try:
        from re import _constants, _parser

        return _required_in_sequence(_parser.parse(regex, flags), _constants)
    except Exception:  # a speed-up only: any doubt, none
        return None


def _required_in_sequence(sequence, c) -> frozenset[str] | None:
    options: list[frozenset[str]] = []
    run = ""
    for op, value in sequence:
        if op is c.LITERAL and value < 128:
            run += chr(value).lower()
            continue
        if run:
            options.append(frozenset({run}))
            run = ""
        found = _required_in_item(op, value, c)
        if found:
            options.append(found)
    if run:
        options.append(frozenset({run}))
    # the most telling: the longest shortest string, then the fewest strings
    return max(options, key=lambda found: (min(map(len, found)), -len(found))) if options else None


def _required_in_item(op, value, c) -> frozenset[str] | None:
    if op is c.SUBPATTERN:
        return _required_in_sequence(value[3], c)
    if op is c.BRANCH:
        union: set[str] = set()
        for alternative in value[1]:
            found = _required_in_sequence(alternative, c)
            if not found:
                return None
            union |= found
        return frozenset(union)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT)):
        low, _, item = value
        return _required_in_sequence(item, c) if low >= 1 else None
    return None


@functools.cache
def _ascii_partners() -> dict[int, str]:
    """The characters beyond ASCII that a case-insensitive match takes for an ASCII letter ("ſ" for "s", "K" for "k")."""
    table: dict[int, str] = {}
    for letter in "abcdefghijklmnopqrstuvwxyz":
        for partner in re.compile("(?i:" + letter + ")").findall(_basic_plane()):
            if not partner.isascii():
                table[ord(partner)] = letter
    return table


@functools.lru_cache(maxsize=8)
def literal_fold(text: str) -> str:
    """``text`` lower-cased, with every character a case-insensitive match takes for an ASCII letter
    written as that letter first: it holds a :func:`required_literals` string wherever a match could.

    Remembered for the last few texts: the patterns and the cue regexes of one report all read it.
    """
    return text.lower() if text.isascii() else text.translate(_ascii_partners()).lower()


# a regex's required strings are looked for, instead of running it, when each is at least this long (shorter
# ones are in nearly every text) and they are at most this many (looking for each costs about as much as the regex)
MIN_TRIGGER = 3
MAX_TRIGGERS = 64


def trigger_strings(regex: str, flags: int = 0) -> tuple[str, ...]:
    """The :func:`required_literals` of ``regex`` worth looking for before running it (sorted); () when none are.

    A string that holds another of them is left out: wherever it is, the shorter one is too.
    """
    found = required_literals(regex, flags)
    if found:
        found = frozenset(string for string in found if not any(other != string and other in string for other in found))
    if found and min(map(len, found)) >= MIN_TRIGGER and len(found) <= MAX_TRIGGERS:
        return tuple(sorted(found))
    return ()


class CuedRegex:
    """A regex run over a whole text only when the text holds one of the strings each of its matches holds.

    Most reports lack the words some cues are made of ("employed", "ward",
    "address"): a substring test for each of those strings in the folded text
    (:func:`literal_fold`) is far cheaper than the regex's try at every
    position, and a text without any has no match. The matches are the same.
    """

    __slots__ = ("regex", "triggers")

    def __init__(self, regex: re.Pattern[str]) -> None:
        self.regex = regex
        # read from the regex once, and remembered with the compiled regexes for the next process
        self.triggers: tuple[str, ...] = tuple(shared_store().derived("triggers", trigger_strings, regex.pattern, regex.flags))

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """``regex.finditer(text)``, or no matches at once when the text holds none of the triggers."""
        if self.triggers:
            folded = literal_fold(text)
            if not any(trigger in folded for trigger in self.triggers):
                return iter(())
        return self.regex.finditer(text)


def search_at_end(regex: re.Pattern[str], window: str, tail_chars: str) -> re.Match[str] | None:
    """``regex.search(window)`` for a regex whose matches run to the window's end and hold only ``tail_chars``.

    No match can begin before the trailing run of those characters, so the
    search starts there: the same match, without a try at every position of
    the window.
    """
    return regex.search(window, len(window.rstrip(tail_chars)))


def trie_regex(node: dict) -> str:
    """The regex of a prefix tree (each key a regex of one unit, "" marking where a phrase ends): at a
    position it matches the longest phrase there."""
    branches = [key + trie_regex(child) for key, child in sorted(node.items()) if key]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:  # a phrase ends here, a longer one may go on
        return body + "?" if len(branches) == 1 and len(branches[0]) <= 1 else "(?:" + body + ")?"
    return body


def literal_trie(strings: Iterable[str]) -> str:
    """One regex for many exact strings (case and blanks as written), as a prefix tree: see :func:`trie_regex`."""
    trie: dict = {}
    for string in strings:
        node = trie
        for character in string:
            node = node.setdefault(re.escape(character), {})
        node[""] = {}
    return trie_regex(trie)


def guarded_compile(regex: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile`` of ``regex`` with its first-character guard (the same matches, found sooner), from the rules'
    regex store, whose compiling also groups the branches of its alternations (the cues' long word lists)."""
    return shared_store().compile(first_character_guard(regex, flags), flags)


# a first character that nearly every position has (a blank, a range of letters, a class other than digits)
BROAD = ""


def _first_characters(sequence, c) -> tuple[set[str], bool] | None:
    """(class fragments of the characters a match of ``sequence`` can begin with, whether it can be empty)."""
    found: set[str] = set()
    for op, value in sequence:
        item = _first_of_item(op, value, c)
        if item is None:
            return None
        found |= item[0]
        if not item[1]:
            return found, False
    return found, True


def _first_of_item(op, value, c) -> tuple[set[str], bool] | None:
    if op is c.LITERAL:
        return {BROAD if chr(value).isspace() else re.escape(chr(value))}, False
    if op is c.IN:
        fragments = set()
        for kind, item in value:
            if kind is c.LITERAL:
                fragments.add(BROAD if chr(item).isspace() else re.escape(chr(item)))
            elif kind is c.RANGE:
                low, high = item
                letters = sum(chr(code).isalpha() for code in range(low, min(high, low + 64) + 1))
                fragments.add(BROAD if letters > 1 else re.escape(chr(low)) + "-" + re.escape(chr(high)))
            elif kind is c.CATEGORY and item == c.CATEGORY_DIGIT:
                fragments.add(r"\d")
            elif kind is c.CATEGORY:
                fragments.add(BROAD)
            else:
                return None  # a negated class
        return fragments, False
    if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
        return set(), True  # zero width: the next item begins the match
    if op is c.BRANCH:
        found: set[str] = set()
        empty = False
        for alternative in value[1]:
            item = _first_characters(alternative, c)
            if item is None:
                return None
            found |= item[0]
            empty = empty or item[1]
        return found, empty
    if op is c.SUBPATTERN:
        return _first_characters(value[3], c)
    if op in (c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT)):
        low, high, item = value
        if high == 0:
            return set(), True
        inner = _first_characters(item, c)
        return None if inner is None else (inner[0], inner[1] or low == 0)
    return None  # any character, a back-reference, a conditional, an atomic group: unknown


@dataclass(frozen=True)
class RuleSpan:
    """One PHI finding of the rules: character offsets into the report, half-open."""

    start: int
    end: int
    label: str
    source: str
    # strong: backed by explicit context (a title, a credential, the deny list);
    # such spans are kept even when they hit an allow-listed word
    strong: bool = False


def data_text(name: str) -> str:
    return resources.files(DATA_PACKAGE).joinpath(name).read_text(encoding="utf-8")


# libyaml's parser when installed (the same documents, ten times faster), else PyYAML's own
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def parse_yaml(text: str):
    """A YAML document read as ``yaml.safe_load`` reads it."""
    return yaml.load(text, Loader=YAML_LOADER)  # a safe loader: plain data only


def data_yaml(name: str):
    return parse_yaml(data_text(name))


def read_list(name: str) -> list[str]:
    """The entries of a list file: one a line, ``#`` comments and blank lines skipped."""
    stripped = (line.strip() for line in data_text(name).splitlines())
    return [line for line in stripped if line and not line.startswith("#")]


@functools.lru_cache(maxsize=256)
def mostly_upper(text: str) -> bool:
    """An all-caps report (or line): capitals say nothing there."""
    upper, lower = len(UPPER_RE.findall(text)), len(LOWER_RE.findall(text))
    return upper > 4 * lower


@functools.lru_cache(maxsize=256)
def mostly_lower(text: str) -> bool:
    """A report typed in lower case: a missing capital says nothing there."""
    upper, lower = len(UPPER_RE.findall(text)), len(LOWER_RE.findall(text))
    return lower > 30 * max(upper, 1) or upper <= 2


def capitals_mean_nothing(text: str) -> bool:
    """In an all-caps or all-lower-case text a word's case is no sign of a name."""
    return mostly_upper(text) or mostly_lower(text)


# a word and the clock time after it ("ONSC 0828", "AT DEST 10:26"), and the times of a run of such pairs
LABELLED_TIME_RE = re.compile(r"([A-Za-z]+)[ \t]+(?:[01][0-9]|2[0-3]):?[0-5][0-9](?![0-9:])")
TIME_AFTER_WORD_RE = re.compile(r"[ \t]+(?:[01][0-9]|2[0-3]):?[0-5][0-9](?![0-9:])")
# a run of timestamps on one line: this many words with a clock time after each
TIMESTAMP_RUN = 3


def timestamp_label(text: str, start: int, end: int, is_name) -> bool:
    """Whether the word at ``text[start:end]`` labels a clock time in a line of timestamps ("DISP 0826 ENRT 0826
    ONSC 0828 TRAN 0854 DEST 0912"), where most labels are no listed name (``is_name``), not a signer's time
    ("Signed Ann Lee 14:32, Reviewed Bo Wu 15:00, Cosigned Ida Ek 16:00")."""
    if not TIME_AFTER_WORD_RE.match(text, end):
        return False
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    return _timestamp_line(text[line_start:len(text) if line_end < 0 else line_end], is_name)


@functools.lru_cache(maxsize=64)
def _timestamp_line(line: str, is_name) -> bool:
    """Whether a line is a run of timestamps whose labels are mostly no listed names (once per line and lexicon)."""
    labels = [m.group(1) for m in LABELLED_TIME_RE.finditer(line)]
    return len(labels) >= TIMESTAMP_RUN and sum(not is_name(w) for w in labels) * 2 > len(labels)


def is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def sentence_initial(text: str, start: int) -> bool:
    """True when ``start`` begins a line, a sentence or a section body."""
    return SENTENCE_START_RE.search(text[max(0, start - 40):start]) is not None
