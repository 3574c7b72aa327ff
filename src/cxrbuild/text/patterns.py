"""PHI written in a recognisable shape: dates, times, numbers, contacts, ages over 89, addresses.

The regular expressions live in ``text/data/patterns.yaml`` (reviewable data,
in the spirit of the PhysioNet deid package's pattern files); this module
compiles them and turns their matches into spans.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from cxrbuild.text.categories import LABELS
from cxrbuild.text.lexicon import FUNCTION_WORDS, WORD_PREFIXES, Lexicon, fold
from cxrbuild.text.regex_store import RegexStore, shared_store
from cxrbuild.text.spans import (
    LETTERS,
    SCAN_END,
    UPPER_LETTERS,
    VOWELS,
    RuleSpan,
    capitals_mean_nothing,
    case_partner_pool,
    data_yaml,
    first_character_guard,
    literal_fold,
    literal_trie,
    parse_yaml,
    prefix_scanner_source,
    scan,
    trigger_strings,
)

# words that stand before a facility's name without being part of it ("the outside hospital")
FACILITY_LEAD_WORDS = frozenset(
    {"outside", "local", "previous", "prior", "referring", "other", "another", "nearby", "home", "receiving", "sending",
     "transferring", "affiliated", "community", "area", "her", "his", "their", "our", "your", "its"}
)
# verbs of reaching a place, before its name ("notify Sevier County Health Dept"), unless written as a name's word
# ("Visit Quellbrook Hospital"); "at", "via" and "attends" are facility cues (place_cues.yaml)
FACILITY_LEAD_VERBS = frozenset(
    {"notify", "notified", "call", "called", "contact", "contacted", "fax", "faxed", "email", "emailed", "phone", "phoned",
     "page", "paged", "refer", "referred", "send", "sent", "visit", "visited",
     # what a plan wants of a kind of place: "needs nursing home placement", "family want long term care"
     "need", "needs", "needed", "want", "wants", "wanted", "require", "requires", "required", "prefer", "prefers",
     "preferred", "refuse", "refuses", "refused", "decline", "declines", "declined", "consider", "considering",
     "await", "awaits", "awaiting", "request", "requests", "requested", "recommend", "recommends", "recommended"}
)
# the words of a hospital's kind that stand before its keyword ("General", "Regional", "Teaching")
HOSPITAL_KINDS = r"general|memorial|community|regional|university|county|district|teaching"
HOSPITAL_KEYWORDS = r"(?:(?:" + HOSPITAL_KINDS + r"|city)[ \t]+)*(?:hospitals?|medical[ \t]+cent(?:er|re)|med[ \t]+ctr|clinic|infirmary|health[ \t]+cent(?:er|re)|healthcare)"
# a hospital's compound suffix: a hospital's kind, then its keyword ("General Hospital", "Regional Medical Center",
# "COMMUNITY HOSPITAL"); a service's "Clinic" or a bare "Center" is none ("Cardiology General Clinic")
COMPOUND_HOSPITAL_SUFFIX = r"(?:(?:" + HOSPITAL_KINDS + r")[ \t]+)+(?:hospitals?|medical[ \t]+cent(?:er|re)|med[ \t]+ctr)"
# one word, then that suffix: the word names the hospital, clinical though it is, where a preposition of place comes
# before it ("born at Bursa General Hospital", "TRANSFERRED FROM PATELLA REGIONAL MEDICAL CENTER")
FIRST_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’\-]*")
NAMED_COMPOUND_HOSPITAL_RE = re.compile(r"(?i)" + FIRST_WORD_RE.pattern + r"[ \t]+" + COMPOUND_HOSPITAL_SUFFIX)
PLACE_PREPOSITION_BEFORE_RE = re.compile(r"(?i)(?<![A-Za-z])(?:at|to|from|via)[ \t]+\Z")
# a hospital's services, a ward's among them: "Service: Medicine (Hale 9)", "Cardiology General Hospital team"
SERVICE_WORDS = (r"(?:ward|medicine|surgery|cardiology|oncology|onc|neurology|nephrology|pulmonary|psychiatry|orthop(?:a)?edics"
                 r"|obstetrics|p(?:a)?ediatrics|gyn|hospitalist|infusion|dialysis|lab|echo|imaging|radiology|clinic)")
SERVICE_WORD_RE = re.compile(SERVICE_WORDS, re.IGNORECASE)


@functools.cache
def hospital_kind_words() -> frozenset[str]:
    """Words of a hospital's kind, of whom or what it treats, and services (place_cues.yaml's hospital_kind_words)."""
    return frozenset(fold(word) for word in data_yaml("place_cues.yaml")["hospital_kind_words"])


def compound_hospital_name(lexicon: Lexicon, word: str) -> bool:
    """The one word before a hospital's compound suffix names the hospital, clinical though it is, only where it is a
    listed place or a listed given name or surname, and no word of a hospital's kind nor a service ("Bursa", "Lung",
    "Colon"; not "adult", "acute", "term", "heart", "base", "cancer", "nicu", "medicine", "cardiology")."""
    folded = fold(word)
    return ((lexicon.is_place(folded) or lexicon.is_name(folded)) and folded not in hospital_kind_words()
            and SERVICE_WORD_RE.fullmatch(folded) is None and not lexicon.is_abbreviation(folded))
# a duration in the British way, over the week's, the day's or the month's count ("3/52", "2/7", "6/12"), and what says
# it is one: "for", "x", "over the last", "within" before it, "ago" after it
PAIR_DATE_PATTERNS = frozenset({"date_numeric_month_day", "date_month_two_digit_year_numeric", "date_partial_after_cue"})
BRITISH_DURATION_RE = re.compile(r"[0-9]{1,2}/(?:52|7|12)")
DURATION_BEFORE_RE = re.compile(r"(?i)(?:\b(?:for|x|over|within)|[0-9]x)[ \t]*(?:the[ \t]+(?:last|past|next)[ \t]+)?\Z")
# ... and, before weeks only, which no month or day counts, a word of time ("review in 6/52", "next 2/52"; "in 6/12",
# "last 3/7" may be June 2012 and March 7th)
WEEKS_RE = re.compile(r"[0-9]{1,2}/52")
WEEKS_BEFORE_RE = re.compile(r"(?i)\b(?:in|past|last|next|every)[ \t]*\Z")
DURATION_AFTER_RE = re.compile(r"(?i)[ \t]*(?:ago|hx|history|duration)\b")
# a login: small letters, or a digit, a dot or an underscore in it ("jhughes7", "ross.fairweat", "relsayed"; not "Radiology")
LOGIN_SHAPE_RE = re.compile(r"@?(?:[a-z][a-z0-9._]+|[A-Za-z][A-Za-z_\-]*[0-9._][A-Za-z0-9._\-]*|[A-Z][A-Z]+[0-9][A-Z0-9]*)")
# the words of hospital_prefix_any_case before the name: its keyword and the joining words after it
HOSPITAL_OPENING_WORDS = frozenset(
    {"university", "hospital", "hôpital", "hopital", "klinikum", "ospedale", "clinique", "clinica", "clínica", "universitario",
     "of", "de", "du", "des", "di", "for", "the"}
)
# installations found by words that also mean something else ("NAS", "camp", "AB"): their name is vetted
VETTED_INSTALLATION_PATTERNS = frozenset({"military_base_named_lower_case", "military_air_base"})
# the word right before an air base's name; "on" and "in" before letters read as an antibody's ("Immune on HBs Ab.")
BASE_CUE_BEFORE_RE = re.compile(r"(?<![A-Za-z])([A-Za-z]+)[ \t]+\Z")
CODE_BEFORE_WORDS = frozenset({"on", "in"})
# ... and the words that send someone somewhere, which make a word no vocabulary holds a base's name ("at Kunsan AB")
POSTING_PREPOSITIONS = frozenset({"at", "to"})
# a comma right before an air base's name, and the word it closes: a facility's or a place's ("landstuhl regional
# medical center, aviano ab"; not "coxsackie ab, lassa ab")
COMMA_BEFORE_BASE_RE = re.compile(r"(?<![A-Za-z])([A-Za-z]+),[ \t]*\Z")
FACILITY_END_RE = re.compile(HOSPITAL_KEYWORDS + r"|cent(?:er|re)|facility|station|base", re.IGNORECASE)
# the word right before "AFB", where acid-fast bacilli may be read too ("STOOL AFB", "csf afb")
WORD_BEFORE_AFB_RE = re.compile(r"(?i)([A-Za-z][A-Za-z'’\-]*)[ \t]+afb\Z")
# a word broken over two lines by a hyphen or an en dash, its two halves ("Cotton-⏎wood Drive", "follow-⏎up ct")
LINE_BROKEN_WORD_RE = re.compile(r"([A-Za-z][A-Za-z'’]*)[-–][ \t]*\r?\n[ \t]*([A-Za-z][A-Za-z'’]*)")
# the patterns whose street's name may be so broken (patterns.yaml's LINE_BROKEN_TAIL)
LINE_BROKEN_STREET_PATTERNS = frozenset({"street_address", "street_address_any_case"})
# the patterns that read a word and "AFB" as an air force base
AIR_FORCE_BASE_PATTERNS = frozenset({"military_base", "military_base_lower_case"})
# the abbreviations and words of an air force base or a naval air station after a listed place ("little rock afb")
BASE_WORDS_AFTER_RE = re.compile(r"(?i)[ \t]+(?:afb|nas|air[ \t]+force[ \t]+base|naval[ \t]+air[ \t]+station)\Z")
ABBREVIATION_END_RE = re.compile(
    r"(?i)(?<![A-Za-z])(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|ave|blvd|ln|rd|st|dr|ct|pl|ter|hwy|pkwy|ste|apt|inc|co|ltd)\.$"
)


@dataclass(frozen=True)
class Pattern:
    name: str
    label: str
    regex: re.Pattern[str]
    group: int
    # the pattern is tried only if the text contains one of these (lower-case) strings
    requires: tuple[str, ...] = ()
    # ... and only if this regex (which every match contains) is found in it
    requires_regex: re.Pattern[str] | None = None
    # a match is no PHI when the text just before (after) it matches these ("PS 10/5", "5/5 strength")
    unless_before: re.Pattern[str] | None = None
    unless_after: re.Pattern[str] | None = None
    # a match that is wholly matched by this is no PHI ("3/6": a score)
    unless: re.Pattern[str] | None = None
    # the same matches as ``regex``, found by skipping ahead to their first characters (spans.prefix_scanner)
    scanner: re.Pattern[str] | None = None
    # strings one of which every match holds, read from the regex (spans.required_literals): the pattern is
    # not run on a text without any (as with ``requires``, which its authors write)
    triggers: tuple[str, ...] = ()


def _expand_macros(regex: str, macros: dict[str, str]) -> str:
    # repeat: a macro may use another one
    for _ in range(3):
        for key, value in macros.items():
            regex = regex.replace("{" + key + "}", value)
    return regex


@functools.cache
def macro(name: str) -> str:
    """A macro of ``patterns.yaml``, expanded: one home for what several rules read ("{UNIT}")."""
    _, macros = _spec()
    return _expand_macros("{" + name + "}", macros)


def _spec(text: str | None = None) -> tuple[dict, dict[str, str]]:
    spec = parse_yaml(text) if text is not None else data_yaml("patterns.yaml")
    # the letters of words, from their one home, for character classes: "[{LETTERS}'\-]", "[{UPPER_LETTERS}]"
    letters = {"LETTERS": LETTERS, "UPPER_LETTERS": UPPER_LETTERS}
    return spec, {**letters, **{str(k): str(v) for k, v in (spec.get("macros") or {}).items()}}


def _flags(entry: dict) -> int:
    """A pattern's regex flags: case-insensitive unless it says ``case: sensitive``."""
    return 0 if entry.get("case") == "sensitive" else re.IGNORECASE


def _compile(spec: dict, macros: dict[str, str], store: RegexStore | None = None) -> tuple[str, list[Pattern]]:
    """The version and the compiled patterns of ``spec``; ``store`` keeps what was compiled for the next process."""
    store = store if store is not None else shared_store()

    @functools.cache
    def pool() -> str | None:
        try:
            # the case partners of every pattern's first characters, found in one pass
            return case_partner_pool((_expand_macros(e["regex"], macros), _flags(e)) for e in spec["patterns"])
        except (re.error, KeyError, TypeError):
            return None  # a pattern that does not compile is named below

    def guarded(regex: str, flags: int) -> re.Pattern[str]:
        return store.compile(store.derived("first_character_guard", first_character_guard, regex, flags), flags)

    def scanner(regex: str, flags: int) -> re.Pattern[str] | None:
        source = store.derived("prefix_scanner_source", lambda r, f: prefix_scanner_source(r, f, pool()), regex, flags)
        try:
            return store.compile(source, flags) if source is not None else None
        except re.error:
            return None

    patterns: list[Pattern] = []
    for entry in spec["patterns"]:
        label = entry["label"]
        if label not in LABELS:
            raise ValueError(f"patterns.yaml: pattern {entry['name']!r} has unknown label {label!r}")
        flags = _flags(entry)
        expanded = _expand_macros(entry["regex"], macros)
        try:
            compiled = guarded(expanded, flags)
        except re.error as err:
            raise ValueError(f"patterns.yaml: pattern {entry['name']!r} does not compile: {err}") from err
        requires = tuple(str(r).lower() for r in entry.get("requires", ()))
        guards = {}
        if entry.get("requires_regex"):
            guards["requires_regex"] = store.compile(_expand_macros(entry["requires_regex"], macros), flags)
        for key in ("unless_before", "unless_after", "unless"):
            if entry.get(key):
                anchor = {"unless_before": r"(?:{})\Z", "unless_after": r"^(?:{})", "unless": r"^(?:{})$"}[key].format(entry[key])
                # (a guard searched in the text before a match is scanned at every position of it; the other two are anchored;
                # the text before ends right at the match: "VITALS:\n0708" has no colon before 0708)
                # (the whole match's guard reads it across a line's break, as the match may run over one: "2 days post-\nop")
                compile_guard = guarded if key == "unless_before" else store.compile
                guard_flags = re.IGNORECASE | (re.DOTALL if key == "unless" else 0)
                guards[key] = compile_guard(_expand_macros(anchor, macros), guard_flags)
        guards["scanner"] = scanner(expanded, flags)
        guards["triggers"] = store.derived("triggers", trigger_strings, expanded, flags)
        patterns.append(Pattern(entry["name"], label, compiled, int(entry.get("group", 0)), requires, **guards))
    return str(spec["version"]), patterns


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Strip blanks and trailing punctuation a pattern may have swallowed."""
    while start < end and (text[start].isspace() or text[start] in ",;:"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:"):
        end -= 1
    # a full stop after a whole word or a number ends the sentence; "a.m." and "Jan." keep theirs
    if (
        end - start > 1
        and text[end - 1] == "."
        and re.search(r"(?:[A-Za-z]{3,}|[0-9]|(?<![.A-Za-z])[ap]m)\.$", text[start:end])
        and not ABBREVIATION_END_RE.search(text[start:end])
    ):
        end -= 1
    return start, end


# characters before and after a match that its guards read
GUARD_WINDOW = 40


class PatternFinder:
    """Spans of every pattern of ``patterns.yaml`` in a report."""

    def __init__(self, lexicon: Lexicon) -> None:
        spec, macros = _spec()
        # what is compiled here is kept for the next process (the rules write the store once loaded)
        store = shared_store()
        self.version, self.patterns = _compile(spec, macros, store)
        self.by_name = {pattern.name: pattern for pattern in self.patterns}
        # the number may close a range or a pair ("HR 126-152", "NIBP 136/92")
        self.measurement_before_re = store.compile(
            "(?:" + _expand_macros(spec["measurement_before"], macros) + r")(?:[<>]=?[ \t]*)?(?:[0-9.]+[ \t]*[-–/][ \t]*)?$",
            re.IGNORECASE,
        )
        self.unit_after_re = store.compile(_expand_macros("{QUANTITY_AFTER}", macros), re.IGNORECASE)
        # a town line's postcode at its end, a state's or a province's code before it ("... Lisle, NL  A1B 2C3")
        self.postcode_tail_re = store.compile(_expand_macros(r"[ \t,]*(?:(?<![A-Za-z])[A-Za-z]{2,3}\.?[ \t]+)?{POSTCODE}[ \t]*\Z", macros), 0)
        self.lexicon = lexicon
        # a verb of a posting before an installation's name, maybe with its preposition ("deployed to", "stationed in")
        self.base_posting_before_re = store.compile(
            _expand_macros(r"(?<![A-Za-z]){BASE_POSTING}(?:[ \t]+(?:at|to|in|on|near))?[ \t]+\Z", macros), re.IGNORECASE
        )
        # every string some pattern requires or is triggered by, all looked for in one pass per text: at each position
        # the longest one there (a lookahead, so that every position is tried), then the strings that one begins with
        self.needles = tuple(sorted({string for pattern in self.patterns for string in (*pattern.requires, *pattern.triggers)}))
        self.needle_re = store.compile("(?=(" + literal_trie(self.needles) + "))")
        self.needles_opening = {needle: frozenset(n for n in self.needles if needle.startswith(n)) for needle in self.needles}

    def _needles_in(self, lowered: str) -> set[str]:
        """The needles (see ``__init__``) that ``lowered`` holds."""
        return set().union(*(self.needles_opening[needle] for needle in set(self.needle_re.findall(lowered))))

    def find(self, text: str) -> list[RuleSpan]:
        spans = []
        lowered = text.lower()
        present = self._needles_in(lowered)
        # a pattern's triggers are looked for in the folded text (literal_fold), which is the lowered one in an ASCII text
        triggered = present if text.isascii() else self._needles_in(literal_fold(text))
        found: dict[re.Pattern[str], bool] = {}
        for pattern in self.patterns:
            if pattern.requires and present.isdisjoint(pattern.requires):
                continue
            if pattern.triggers and triggered.isdisjoint(pattern.triggers):
                continue
            if pattern.requires_regex is not None:
                if pattern.requires_regex not in found:
                    found[pattern.requires_regex] = pattern.requires_regex.search(text) is not None
                if not found[pattern.requires_regex]:
                    continue
            for span in self._spans_of(pattern, text):
                start, end = trim(text, span.start, span.end)
                if pattern.name.startswith("hospital_suffix"):
                    start = self._skip_common_words(text, start, end)
                    if self._department(text[start:end]) and not self._named_compound_hospital(text, start, end):
                        continue  # "Oncology Clinic Note", "CHEST CLINIC": a service of the hospital, no name
                    if self._kind_before_compound(text, start, end):
                        continue  # "TO HEART GENERAL HOSPITAL", "CANCER MEMORIAL HOSPITAL": what kind of hospital, no name
                if end <= start:
                    continue
                if pattern.name in AIR_FORCE_BASE_PATTERNS and self._specimen_before_afb(text, start, end):
                    continue  # "SEND STOOL AFB", "csf afb", "WOUND AFB CULTURE": acid-fast bacilli in a specimen
                if pattern.name == "military_base_after_listed_place":
                    start = self._listed_base_start(text, start, end)
                    if start is None:
                        continue  # "bal afb", "at nas": no listed place before the base's abbreviation
                if pattern.name in {"hospital_prefix", "hospital_prefix_any_case"} and not self._names_after_keyword(text[start:end]):
                    continue  # "HOSPITAL VIA PRO EMS", "CLINIC FOR FEVER": the keyword, then the sentence going on
                if pattern.name == "hospital_prefix_any_case":
                    end = self._name_end(text, start, end)  # "university hospital ennis for review": the name, not "for review"
                words = text[start:end].split()
                # in a ward's brackets an eponym that is a listed surname is the person the ward is named for ("Ward 33N
                # (Lister)"): PHI though the allow list holds it (not "Unit 4 (ICU)")
                named_for = (pattern.name == "ward_number_bracket_name" and self.lexicon.is_eponym(words[0])
                             and self.lexicon.is_name(words[0]))
                if pattern.name.startswith("ward_") and self.lexicon.is_safe(words[0]) and not self.lexicon.is_name(words[0]):
                    continue  # "on Diprivan 30": a drug and its dose ("on Walker 2" is a ward named for someone)
                if pattern.name == "id_mixed_token" and self.lexicon.is_safe(text[start:end]):
                    continue  # "FEF25-75", "HbA1c": a clinical list's word, though it mixes letters and digits
                if pattern.name == "study_site_in_brackets" and not (fold(words[0]).rstrip(".") in {"st", "saint", "mt", "mount"} or any(
                        self.lexicon.is_listed_proper(w) and not self.lexicon.is_safe(w) for w in words)):
                    continue  # "(chest clinic)", "(Teleradiology)", "(Stroke Protocol)": no place's or person's name
                if pattern.name in LINE_BROKEN_STREET_PATTERNS and self._clinical_word_broken(text, start, end):
                    continue  # "3 follow-⏎up ct scans", "1 non-⏎specific ST change": a clinical word wrapped, no street
                if pattern.name == "street_court_after_direction" and any(self.lexicon.is_safe(w) for w in words[:-1]):
                    continue  # "off pressors after CT", "onto stretcher then CT": clinical words, no street's name
                if pattern.name == "name_spelled_letters" and self.lexicon.is_vocabulary("".join(words)):
                    continue  # "D I S C H A R G E": a heading spaced out, not a name spelled letter by letter (a surname that
                    # names a sign is spelled as a name: "p e m b e r t o n")
                if pattern.name == "id_field_value" and any(
                    (len(w) >= 3 and w.isalpha() and fold(w) in self.lexicon.english)
                    or (len(w) >= 2 and w.isalnum() and not w.isdigit() and self.lexicon.is_safe(w))
                    for w in words
                ):
                    continue  # "labs: anion gap 25  alt 389", "Chem: BNP 4512  CK 7023": words and lab names, not a code
                if pattern.name == "eircode" and self.lexicon.is_vocabulary(text[end - 4:end]):
                    continue  # "X10 EACH", "Y90 TACE": a count and a word, no Eircode
                if pattern.name in {"printed_by_user", "entered_by_user"} and (
                        self.lexicon.is_vocabulary(text[start:end]) or not LOGIN_SHAPE_RE.fullmatch(text, start, end)):
                    continue  # "Printed by Pharmacy", "(Cardiology)", "(self-reported)": a service or a word, no login
                if pattern.name in VETTED_INSTALLATION_PATTERNS and not self._names_an_installation(pattern.name, words, text, start):
                    continue  # "nas score 3", "camp counselor", "at onset ab", "RISE IN TPO AB.": no installation's name
                if pattern.name in PAIR_DATE_PATTERNS and self._duration(text, start, end):
                    continue  # "SOB for 3/52", "x 2/7", "over the last 3/12", "2/52 ago": weeks, days, months
                if pattern.name in {"address_town_line", "address_towns_before_postcode"} and self._clinical_phrase(text[start:end]):
                    continue  # "12 Elm Street\nchest pain, shortness of breath": the street's next line is a complaint, no town
                if pattern.name == "address_towns_before_postcode" and self._names_no_town(text[start:end]):
                    continue  # "Given 1 unit PRBC to pt, Hb recheck ordered, Kardex updated 1900": no street, no town
                if pattern.name.startswith("residence_the_plural_at") and self._no_home(pattern.name, text[start:end]):
                    continue  # "THE RESULTS OF CT", "- the results at discharge - pending": a phrase's words, no home's name
                spans.append(RuleSpan(start, end, pattern.label, pattern.name, strong=named_for))
        return spans

    def _names_an_installation(self, name: str, words: list[str], text: str, start: int) -> bool:
        """Whether an installation found by an ambiguous word holds its name (the word before "AB" or "air base", the
        words after "nas" or "camp"): a word no vocabulary holds that names no sign or score ("kunsan ab", "camp
        pendleton", "nas finnegan" is a score), or a listed place before a place's word ("nas whiting field")."""
        if name == "military_air_base":
            return self._names_an_air_base(words, text, start)
        named = words[1:]
        if any(len(w) > 2 and not self.lexicon.is_vocabulary(w) and not self.lexicon.is_eponym(w) for w in named):
            return True
        return len(named) == 2 and self.lexicon.is_place(named[0]) and not self.lexicon.is_safe(named[0])

    def _names_an_air_base(self, words: list[str], text: str, start: int) -> bool:
        """Whether the word before "AB" or "air base" names an air base, where a test's antibody ("Ab") may stand as
        well: a word no vocabulary holds, and
        - never an antibody's letters (see _letter_code) after "on" or "in" ("Immune on HBs Ab.", "RISE IN TPO AB.",
          "positive on achr ab"), even after a posting, nor elsewhere without a posting ("seroconverted to anti-HBs Ab");
        - after a posting ("deployed to Kunsan AB", "STATIONED AT OSAN AB") or before "air base" spelt out, any other such
          word;
        - in a text with both cases, only "AB" in capitals ("positive on Chagas Ab" is a test);
        - after a comma, a listed place, where the comma closes a facility's or a place's name ("landstuhl regional medical
          center, aviano ab"; not "coxsackie ab, lassa ab");
        - after "at" or "to", a word ("at Kunsan AB"); after "from" or "near", a listed place or a word no list knows
          ("from Incirlik AB"); after "on" or "in", where an antibody's rise or result is read, a listed place ("in
          Ramstein AB"; not "RISE IN ZIKA AB")."""
        name = words[0]
        if len(name) <= 2 or self.lexicon.is_vocabulary(name) or self.lexicon.is_eponym(name):
            return False  # "at onset ab", "in lower ab"
        before = text[max(0, start - GUARD_WINDOW):start]
        comma = COMMA_BEFORE_BASE_RE.search(before)
        if comma:
            # after a comma, a listed place closing a facility's or a place's name ("... medical center, aviano ab")
            closed = comma.group(1)
            return (self.lexicon.is_place(name) and not self.lexicon.is_safe(name) and not self._letter_code(name)
                    and (FACILITY_END_RE.fullmatch(closed) is not None
                         or (self.lexicon.is_place(closed) and not self.lexicon.is_vocabulary(closed))))
        word_before = BASE_CUE_BEFORE_RE.search(before)
        cue = fold(word_before.group(1)) if word_before else ""
        code = self._letter_code(name)
        if code and cue in CODE_BEFORE_WORDS:
            return False
        if self.base_posting_before_re.search(before) or fold(words[-1]) != "ab":
            return True
        if code or (words[-1] != "AB" and not capitals_mean_nothing(text)):
            return False
        if cue in POSTING_PREPOSITIONS:
            return True
        listed = self.lexicon.is_place(name) and not self.lexicon.is_safe(name)
        return listed or (cue not in CODE_BEFORE_WORDS and not self.lexicon.is_listed_proper(name))

    def _clinical_word_broken(self, text: str, start: int, end: int) -> bool:
        """Whether a word broken over two lines in a street's span is, joined, a clinical word, or opens with a clinical
        or an English word's prefix ("follow-⏎up", "non-⏎specific", "peri-⏎pheral", "cardio-⏎logy"; not "Cotton-⏎wood",
        "Brook-⏎side")."""
        for broken in LINE_BROKEN_WORD_RE.finditer(text, start, end):
            head, tail = broken.group(1), broken.group(2)
            if (fold(head) in WORD_PREFIXES or self.lexicon.is_safe(head + tail) or self.lexicon.is_safe(f"{head}-{tail}")
                    or self.lexicon.is_medical(head + tail)):
                return True
        return False

    def _specimen_before_afb(self, text: str, start: int, end: int) -> bool:
        """Whether the word before "AFB" is a clinical word that names no place: a specimen's, whose acid-fast bacilli
        are read ("STOOL AFB", "csf afb", "LYMPH NODE AFB"; not "Edwards AFB", "Hill AFB")."""
        before = WORD_BEFORE_AFB_RE.search(text, start, end)
        return before is not None and self.lexicon.is_safe(before.group(1)) and not self.lexicon.is_place(before.group(1))

    def _listed_base_start(self, text: str, start: int, end: int) -> int | None:
        """Where an air force base or a naval air station named by a listed place begins, the base's words after it: the
        two words before them when they are one listed place ("little rock afb", "grand forks afb"), else the one word
        before them when it is a listed place ("jacksonville nas"); no clinical word, eponym or word of the language
        before "nas" (the NAFLD activity score's letters, "no added salt"); None when no listed place is there."""
        base = BASE_WORDS_AFTER_RE.search(text, start, end)
        if base is None:
            return None
        words = list(re.finditer(r"[A-Za-z][A-Za-z'’\-]*", text[start:base.start()]))
        lexicon = self.lexicon
        if len(words) == 2:
            phrase = " ".join(fold(w.group(0)) for w in words)
            if phrase in lexicon.place_phrase_names and not any(lexicon.is_safe(w.group(0)) for w in words):
                return start + words[0].start()
        name = words[-1].group(0)
        if not lexicon.is_place(name) or lexicon.is_safe(name) or lexicon.is_eponym(name) or fold(name) in FUNCTION_WORDS:
            return None
        if fold(text[base.start():base.end()].strip()) == "nas" and lexicon.is_vocabulary(name):
            return None
        return start + words[-1].start()

    @staticmethod
    def _letter_code(word: str) -> bool:
        """Letters spelt, not a word read: three letters or fewer, or one vowel or none ("HBs", "TPO", "AChR", "dsDNA",
        "NMDA"), or such letters after a prefix ("anti-HBs"); not "Kunsan", "Osan", "Al-Udeid"."""
        parts = fold(word).split("-")
        if len(parts) > 1 and parts[0] in WORD_PREFIXES:
            return True
        last = parts[-1]
        return len(last) <= 3 or sum(letter in VOWELS for letter in last) <= 1

    def _duration(self, text: str, start: int, end: int) -> bool:
        """A pair that counts weeks, days or months the British way ("for 3/52", "x 2/7", "over the last 3/12", "2/52
        ago", "review in 6/52"), not a date."""
        if not BRITISH_DURATION_RE.fullmatch(text, start, end):
            return False
        return bool(DURATION_BEFORE_RE.search(text, max(0, start - GUARD_WINDOW), start) or DURATION_AFTER_RE.match(text, end)
                    or (WEEKS_RE.fullmatch(text, start, end) and WEEKS_BEFORE_RE.search(text, max(0, start - 8), start)))

    def _town_parts(self, value: str) -> list[str]:
        """The parts of an address's town line between its commas, its postcode (and a state's code before it) left out."""
        return [part for part in self.postcode_tail_re.sub("", value).split(",") if not any(c.isdigit() for c in part)]

    def _clinical_phrase(self, value: str) -> bool:
        """Whether a part of an address's town line (between its commas, the postcode's left out) is all clinical
        words, none a place ("chest pain", "shortness of breath"; not "Free State", "North Fen", "LS1 4AP")."""
        for part in self._town_parts(value):
            words = [w for w in re.findall(f"[{LETTERS}]+", part) if fold(w) not in FUNCTION_WORDS]
            if words and all(self.lexicon.is_safe(w) and not self.lexicon.is_place(w) for w in words):
                return True
        return False

    def _names_no_town(self, value: str) -> bool:
        """Whether the words before a postcode after a street name no town: none of them is a place's, a name's or no
        word of the language ("Hb recheck ordered, Kardex updated 1900", "Nexus criteria, Canadian CT head rule 1500")."""
        words = [w for part in self._town_parts(value) for w in re.findall(f"[{LETTERS}][{LETTERS}'’]*", part)]
        return not any(self.lexicon.is_place(w) or self.lexicon.is_name(w) or not self.lexicon.is_vocabulary(w)
                       for w in words if fold(w) not in FUNCTION_WORDS)

    def _no_home(self, name: str, value: str) -> bool:
        """A home's name "The <plural> at|of|on <word>" whose word is a word of the language or of medicine: found in any
        case after a cue or opening a list's item, whatever the word, or after "of" or "on" when it is no listed place:
        no name ("THE RESULTS OF CT", "the wards at midday", "- the findings at surgery - noted"; not "The Gables at
        Harrow", "THE BIRCHES AT HARROW POINT")."""
        words = value.split()
        if len(words) < 4:
            return False
        if name in {"residence_the_plural_at_cued", "residence_the_plural_at_listed"}:
            # where capitals show nothing, the place is no word at all and no letters alone ("the wards at recovery", "the
            # clips at GEJ")
            return self.lexicon.is_vocabulary(words[3]) or len(words[3]) <= 3
        return fold(words[2]) in {"of", "on"} and self.lexicon.is_vocabulary(words[3]) and not self.lexicon.is_place(words[3])

    def is_measured_value(self, text: str, start: int) -> bool:
        """Whether the number at ``start`` is a lab value or a vital sign ("NIBP 136/92", "Hb 141")."""
        return bool(self.measurement_before_re.search(text[max(0, start - GUARD_WINDOW):start]))

    def has_unit_after(self, text: str, end: int) -> bool:
        """Whether the number ending at ``end`` has a unit after it ("92 ft", "40 mg")."""
        return bool(self.unit_after_re.match(text, end))

    def pattern_matches(self, name: str, text: str, start: int, end: int) -> bool:
        """Whether pattern ``name`` finds PHI overlapping ``text[start:end]`` (its guards applied)."""
        window_start = max(0, start - GUARD_WINDOW)
        window = text[window_start:min(len(text), end + GUARD_WINDOW)]
        return any(span.start < end - window_start and span.end > start - window_start
                   for span in self._spans_of(self.by_name[name], window))

    def _spans_of(self, pattern: Pattern, text: str) -> list[RuleSpan]:
        spans = []
        group = pattern.group
        if pattern.scanner is not None:
            found = ((m.start(), m.end(SCAN_END)) if group == 0 else m.span(group) for m in scan(pattern.scanner, text))
        else:
            found = (m.span(group) for m in pattern.regex.finditer(text))
        for start, end in found:
            if start < 0 or end <= start:
                continue
            if pattern.unless_before and pattern.unless_before.search(text[max(0, start - GUARD_WINDOW):start]):
                continue
            if pattern.unless_after and pattern.unless_after.search(text[end:end + GUARD_WINDOW]):
                continue
            if pattern.unless and pattern.unless.search(text[start:end]):
                continue
            spans.append(RuleSpan(start, end, pattern.label, pattern.name))
        return spans

    def _names_after_keyword(self, value: str) -> bool:
        """Whether the words after a facility's keyword name it ("Hospital Italiano", "Hospital for Special
        Surgery"), not a sentence going on ("HOSPITAL LAB", "HOSPITAL DATED", "CLINIC FOR FEVER"): in the next two
        words, one that is a name, a place or no common word; after "of" or "for", any word no clinical list holds."""
        words = re.findall(r"[A-Za-z][A-Za-z'’\-]*", value)[1:]
        if words and words[0].lower() in {"hospital", "center"}:
            words = words[1:]  # "University Hospital ...", "Medical Center ..."
            if not words:
                return True  # "Kettle Pond Hospital Center": a facility's name goes on
        if words and words[0].lower() in {"of", "for", "de", "du", "des", "di"}:
            rest = [w for w in words[1:] if w.lower() not in FUNCTION_WORDS]
            return any(not self.lexicon.is_safe(w) for w in rest)
        if not words:
            return False
        if fold(words[0]) in FUNCTION_WORDS:
            return False  # "HOSPITAL VIA PRO EMS"
        # one of the next two words a name, a place or no common word ("Hospital General Quellbrook", "Hospital Italiano")
        return any(not self.lexicon.is_safe(w) and fold(w) not in FUNCTION_WORDS and (
            self.lexicon.is_unambiguous_name(w) or not self.lexicon.is_common(w)
            or self.lexicon.is_listed_proper(w)) for w in words[:2])

    def _name_end(self, text: str, start: int, end: int) -> int:
        """The end of a facility's name found after its keyword, without the sentence's words after it: the last words
        are dropped while they are common or clinical words that name no person or place (two at most, the keyword's
        own words and the first name word kept)."""
        words = list(re.finditer(r"[^\s]+", text[start:end]))
        keep = len(words)
        while keep > 1 and len(words) - keep < 2:
            word = words[keep - 1].group(0).strip(".,;:")
            if self.lexicon.is_listed_proper(word) or not (self.lexicon.is_common(word) or fold(word) in FUNCTION_WORDS):
                break
            keep -= 1
        first_name_word = next((i for i, w in enumerate(words) if i and fold(w.group(0)) not in HOSPITAL_OPENING_WORDS), 1)
        return start + words[max(keep, first_name_word + 1) - 1].end()

    def _department(self, value: str) -> bool:
        """Clinical words before the facility keyword and nothing else ("Oncology Clinic", "Pain Clinic"), an eponym
        among them only as a clinical list's abbreviation ("LVAD Clinic", "CRT-D CLINIC": a device's service; not "Lahey
        Clinic", named for a person)."""
        for index, match in enumerate(re.finditer(r"[A-Za-z][A-Za-z'’&.\-]*", value)):
            if index and re.fullmatch(HOSPITAL_KEYWORDS, value[match.start():], re.IGNORECASE):
                words = value[:match.start()].split()
                return all(
                    self.lexicon.is_safe(w.rstrip(".")) and not self.lexicon.is_name(w)
                    and (not self.lexicon.is_eponym(w) or self.lexicon.is_abbreviation(w))
                    for w in words
                )
        return False

    def _named_compound_hospital(self, text: str, start: int, end: int) -> bool:
        """One word, then a hospital's compound suffix, right after a preposition of place: the word is the hospital's
        name, though it is a clinical one, where ``compound_hospital_name`` holds ("born at Bursa General Hospital", "from
        PATELLA REGIONAL MEDICAL CENTER"; not "Cardiology Clinic", "Lung Regional Center", "to adult general hospital",
        "from Cardiology General Hospital team")."""
        return (NAMED_COMPOUND_HOSPITAL_RE.fullmatch(text, start, end) is not None
                and PLACE_PREPOSITION_BEFORE_RE.search(text, max(0, start - 8), start) is not None
                and compound_hospital_name(self.lexicon, FIRST_WORD_RE.match(text, start, end).group(0)))

    def _kind_before_compound(self, text: str, start: int, end: int) -> bool:
        """One word of a hospital's kind or a service, then a hospital's compound suffix: the kind of hospital, though the
        word is a listed name or place too ("HEART GENERAL HOSPITAL", "BASE GENERAL HOSPITAL", "Cancer Memorial
        Hospital"; not "Bursa General Hospital")."""
        if NAMED_COMPOUND_HOSPITAL_RE.fullmatch(text, start, end) is None:
            return False
        folded = fold(FIRST_WORD_RE.match(text, start, end).group(0))
        return folded in hospital_kind_words() or SERVICE_WORD_RE.fullmatch(folded) is not None

    def _skip_common_words(self, text: str, start: int, end: int) -> int:
        """Drop leading words such as "The" or "Outside" from a hospital name; keep the rest."""
        while True:
            match = re.match(r"([A-Za-z][A-Za-z'’&.\-]*)[ \t]+", text[start:end])
            if not match:
                return start
            word = fold(match.group(1).rstrip("."))
            if word not in FUNCTION_WORDS and word not in FACILITY_LEAD_WORDS and not self.lexicon.is_safe(word):
                return start  # "Mercy General Hospital": every other word may be part of the name
            rest = text[start + match.end():end]
            if not re.match(r"[A-Za-z]", rest) or re.fullmatch(HOSPITAL_KEYWORDS, rest, re.IGNORECASE):
                if word in FUNCTION_WORDS or word in FACILITY_LEAD_WORDS:
                    return end  # "CALL THE CLINIC", "BORN AT THIS HOSPITAL": an article and the keyword name nothing
                return start  # only the generic keyword would be left: this word is the name
            start += match.end()
