"""Rule-based PHI detection in radiology reports.

Patterns (dates, times, phone numbers, IDs, contacts, ages over 89, addresses,
hospitals and wards) are read from ``text/data/patterns.yaml``; person names
are found from context cues (``text/data/name_cues.yaml``) and from first- and
last-name lists (:mod:`cxrbuild.text.names`); the EHR's own identifiers for
the patient and author come in as a per-report deny list. An allow-list
(``text/data/allow_terms.txt``) keeps eponyms, devices, anatomy and
measurement tokens. The HIPAA Safe Harbor identifiers (45 CFR 164.514(b)(2))
are the target: names, geographic units smaller than a state, all elements of
dates except the year alone, phone/fax numbers, emails, URLs, record and
account numbers, and ages over 89.
"""

from __future__ import annotations

import functools
import hashlib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources

import yaml

from cxrbuild.text.names import NameLists, default_name_lists, fold

DATA_PACKAGE = "cxrbuild.text.data"
LABELS = ("NAME", "DATE", "TIME", "PHONE", "ID", "AGE", "LOCATION", "HOSPITAL", "CONTACT")

# letters and digits, never the underscore: existing "___" is never part of PHI
WORD_CHARS = r"0-9A-Za-zÀ-ÖØ-öø-ÿ"
NAME_TOKEN_RE = re.compile(
    r"(?P<gap>[ \t]*)(?P<comma>,[ \t]?)?(?P<word>[A-Za-zÀ-ÖØ-öø-ÿ](?:[A-Za-zÀ-ÖØ-öø-ÿ'’\-]*[A-Za-zÀ-ÖØ-öø-ÿ])?)(?P<dot>\.)?"
)
CAPITALISED_WORD_RE = re.compile(r"(?<![" + WORD_CHARS + r"'’\-])[A-ZÀ-ÖØ-Þ][A-Za-zÀ-ÖØ-öø-ÿ'’\-]*[A-Za-zÀ-ÖØ-öø-ÿ]")
# common words that often begin a place's own name
PLACE_NAME_WORDS = frozenset(
    {"east", "west", "north", "south", "new", "upper", "lower", "mount", "mt", "lake", "port", "fort", "saint", "st", "great",
     "little", "old", "royal", "grand", "golden", "green", "rose", "spring", "hill", "valley", "river", "bay", "sea", "ocean"}
)
HOSPITAL_KEYWORDS = r"(?:(?:general|memorial|community|regional|university|county|city|district|teaching)[ \t]+)*(?:hospitals?|medical[ \t]+cent(?:er|re)|clinic|infirmary|health[ \t]+cent(?:er|re)|healthcare)"
NAME_PARTICLES = frozenset(
    {"van", "von", "de", "der", "den", "da", "del", "della", "di", "du", "la", "le", "st", "bin", "al", "el", "ibn", "ter", "ten", "dos", "das"}
)


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


@dataclass(frozen=True)
class Pattern:
    name: str
    label: str
    regex: re.Pattern[str]
    group: int
    # the pattern is tried only if the text contains one of these (lower-case) strings
    requires: tuple[str, ...] = ()


def _data_text(name: str) -> str:
    return resources.files(DATA_PACKAGE).joinpath(name).read_text(encoding="utf-8")


def _expand_macros(regex: str, macros: dict[str, str]) -> str:
    # repeat: a macro may use another one
    for _ in range(3):
        for key, value in macros.items():
            regex = regex.replace("{" + key + "}", value)
    return regex


def load_patterns(text: str | None = None) -> tuple[str, list[Pattern]]:
    """Compile ``patterns.yaml`` (or the given YAML text): (version, patterns)."""
    spec = yaml.safe_load(text if text is not None else _data_text("patterns.yaml"))
    macros = {str(k): str(v) for k, v in (spec.get("macros") or {}).items()}
    patterns: list[Pattern] = []
    for entry in spec["patterns"]:
        label = entry["label"]
        if label not in LABELS:
            raise ValueError(f"patterns.yaml: pattern {entry['name']!r} has unknown label {label!r}")
        flags = 0 if entry.get("case") == "sensitive" else re.IGNORECASE
        try:
            compiled = re.compile(_expand_macros(entry["regex"], macros), flags)
        except re.error as err:
            raise ValueError(f"patterns.yaml: pattern {entry['name']!r} does not compile: {err}") from err
        requires = tuple(str(r).lower() for r in entry.get("requires", ()))
        patterns.append(Pattern(entry["name"], label, compiled, int(entry.get("group", 0)), requires))
    return str(spec["version"]), patterns


def _read_list(name: str) -> list[str]:
    items = []
    for line in _data_text(name).splitlines():
        line = line.strip()
        if line and not line.startswith("#"):
            items.append(line)
    return items


def _alternation(phrases: Iterable[str]) -> str:
    """One regex for many phrases, as a prefix tree (much faster than a flat alternation).

    Within a phrase a blank matches any run of blanks. Longer phrases are tried
    first, so "discussed by telephone with" wins over "discussed".
    """
    trie: dict = {}
    for phrase in {p.strip() for p in phrases if p.strip()}:
        node = trie
        for unit in re.findall(r"\s+|.", phrase):
            node = node.setdefault(r"\s+" if unit.isspace() else re.escape(unit), {})
        node[""] = {}
    return _trie_regex(trie)


def _trie_regex(node: dict) -> str:
    branches = [key + _trie_regex(child) for key, child in sorted(node.items()) if key]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    if "" in node:  # a phrase ends here, a longer one may go on
        return body + "?" if len(branches) == 1 and len(branches[0]) <= 1 else "(?:" + body + ")?"
    return body


class NameCues:
    """Compiled context cues for person names (see name_cues.yaml)."""

    def __init__(self, spec: dict) -> None:
        self.version = str(spec["version"])
        roles = _alternation(spec["roles"])
        self.title_re = re.compile(r"(?<![A-Za-z])(?:" + _alternation(spec["titles"]) + r")\.?(?=[ \t])", re.IGNORECASE)
        role_prefix = r"(?:[ \t]+(?:" + roles + r")\.?){0,3}"
        self.phrase_re = re.compile(
            r"(?<![A-Za-z])(?:" + _alternation(spec["phrases"]) + r")" + role_prefix + r"(?=[ \t]|$)",
            re.IGNORECASE | re.MULTILINE,
        )
        self.weak_re = re.compile(
            r"(?<![A-Za-z])(?:" + _alternation(spec["weak_phrases"]) + r")" + role_prefix + r"(?=[ \t])",
            re.IGNORECASE,
        )
        self.suffixes = frozenset(spec["suffixes"])
        self.suffix_folded = frozenset(fold(s).rstrip(".") for s in spec["suffixes"])
        # credentials that are also ordinary report words ("PA" view, "DO" verb):
        # they mark a name only after a comma
        self.weak_suffixes = frozenset({"pa", "do", "ms", "rt", "mph", "msc", "bsn"})
        self.suffix_re = re.compile(
            r"(?P<sep>,?[ \t]*)(?P<cred>" + _alternation(spec["suffixes"]) + r")(?![A-Za-z])"
        )
        # a signature header opens a line or a sentence; with a colon it may stand anywhere
        self.signature_re = re.compile(
            r"(?:^|(?<=[.!?;] )|(?<=[.!?;]  ))[ \t]*(?:" + _alternation(h for h in spec["signature_headers"] if h.endswith(" by")) + r")[ \t]*:?"
            r"|(?<![A-Za-z])(?:" + _alternation(spec["signature_headers"]) + r")[ \t]*:",
            re.IGNORECASE | re.MULTILINE,
        )
        # verbs after a name: "Smith was notified", "J. Roe paged"
        self.after_name_re = re.compile(
            r"(?<=[A-Za-z.])(?P<sep>,?[ \t]+)(?:(?:was|were|has been|have been|is|had been)[ \t]+)?(?:" + _alternation(spec["after_name"]) + r")(?![A-Za-z])",
            re.IGNORECASE,
        )
        self.role_words = frozenset(fold(r) for r in spec["roles"])
        # words of the cues themselves ("Notified Jane Roe, MD"): never part of a name
        self.cue_words = frozenset(
            fold(word)
            for key in ("phrases", "after_name", "signature_headers")
            for phrase in spec[key]
            for word in re.split(r"[\s/]+", phrase)
            if len(word) > 2
        )


class AllowList:
    """Clinical terms that are never PHI; matched case-insensitively on word boundaries."""

    def __init__(self, terms: Sequence[str]) -> None:
        self.terms = tuple(terms)
        self.single_words = frozenset(fold(t) for t in terms if " " not in t)
        # terms indexed by their first (up to) three letters, lower case: one dictionary
        # look-up per word of the report instead of a 500-way alternation at every position
        self.by_prefix: dict[str, list[re.Pattern[str]]] = {}
        for term in sorted(set(self.terms), key=len, reverse=True):
            body = re.escape(term).replace(r"\ ", r"\s+")
            pattern = re.compile(body + r"(?![" + WORD_CHARS + r"])", re.IGNORECASE)
            self.by_prefix.setdefault(term[:3].lower(), []).append(pattern)

    def occurrences(self, text: str) -> list[tuple[int, int]]:
        found = []
        lowered = text.lower()
        for word in WORD_START_RE.finditer(text):
            position = word.start()
            for length in (3, 2, 1):
                for pattern in self.by_prefix.get(lowered[position:position + length], ()):
                    match = pattern.match(text, position)
                    if match:
                        found.append((position, match.end()))
        return found


WORD_START_RE = re.compile(r"(?<![" + WORD_CHARS + r"])[" + WORD_CHARS + r"]")


def _is_capitalised(word: str) -> bool:
    return word[:1].isupper()


# the longest plausible written form of each kind of identifier
MODEL_SPAN_MAX_CHARS = {
    "NAME": 60, "DATE": 40, "TIME": 20, "PHONE": 30, "ID": 30, "AGE": 25, "LOCATION": 100, "HOSPITAL": 100, "CONTACT": 120,
}
VET_TOKEN_RE = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿ0-9]+(?:['’][A-Za-z]+)?")
MONTH_WORDS = frozenset(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
     "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]
)
WEEKDAY_WORDS = frozenset(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"]
)


NUMERIC_LABELS = frozenset({"DATE", "TIME", "ID", "PHONE", "AGE"})
# words that may end or begin a numeric identifier's written form
NUMERIC_LABEL_WORDS = frozenset(
    {"am", "pm", "a", "p", "m", "h", "hr", "hrs", "hours", "st", "nd", "rd", "th", "x", "ext", "o'clock", "oclock",
     "ninety", "hundred", "and", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"}
)
CREDENTIAL_INITIALS_RE = re.compile(r"(?:M\.D|D\.O|R\.N|N\.P|P\.A|Ph\.D|M\.B|R\.T)\.?(?![A-Za-z])")
DATE_SHAPE_RE = re.compile(
    r"[0-9]{1,4}[/\-][0-9]{1,2}|[0-9]{1,2}\.[0-9]{1,2}\.[0-9]{2,4}|(?<![0-9])(?:1[89]|2[01])[0-9]{2}(?![0-9])|[0-9]{8}"
    r"|[0-9](?:st|nd|rd|th)\b"
    r"|(?i:\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*[0-9]|[0-9]\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec))"
    r"|(?i:\b(?:january|february|march|april|june|july|august|september|october|november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b)"
)
TIME_SHAPE_RE = re.compile(
    r"[0-9]:[0-5][0-9]|[0-9]\s*(?i:[ap]\.?m\b|h\b|hrs?\b|hours\b|o'clock\b)|(?<![0-9])[0-2][0-9][0-5][0-9](?![0-9])|(?i:\bnoon\b|\bmidnight\b)"
)
CONTACT_SHAPE_RE = re.compile(
    r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}|(?:https?://|ftp://|www\.)[^\s<>\"']+[^\s<>\"'.,;:)\]]"
    r"|\b[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.(?:com|org|net|edu|gov|us|uk|ca|au|de|fr|io|info|health)\b"
)
UPPER_RE = re.compile(r"[A-ZÀ-ÖØ-Þ]")
LOWER_RE = re.compile(r"[a-zß-öø-ÿ]")


@functools.lru_cache(maxsize=256)
def _mostly_upper(text: str) -> bool:
    """An all-caps report (or line): capitals say nothing there."""
    upper, lower = len(UPPER_RE.findall(text)), len(LOWER_RE.findall(text))
    return upper > 4 * lower


SENTENCE_START_RE = re.compile(r"(?:^|[.!?:;]|\n)[\s\"'(\[]*$")


def _sentence_initial(text: str, start: int) -> bool:
    """True when ``start`` begins a line, a sentence or a section body."""
    return SENTENCE_START_RE.search(text[max(0, start - 40):start]) is not None


class RuleSet:
    """All report rules, loaded once; :meth:`find` returns the PHI spans of one report."""

    def __init__(self, names: NameLists | None = None) -> None:
        self.pattern_version, self.patterns = load_patterns()
        self.cues = NameCues(yaml.safe_load(_data_text("name_cues.yaml")))
        self.allow = AllowList(_read_list("allow_terms.txt"))
        self.names = names if names is not None else default_name_lists()

    @functools.cached_property
    def digest(self) -> str:
        """SHA-256 over every data file the rules read and the name lists."""
        sha = hashlib.sha256()
        for name in ("patterns.yaml", "name_cues.yaml", "allow_terms.txt", "clinical_words.txt"):
            sha.update(_data_text(name).encode("utf-8"))
        sha.update(self.names.digest().encode("ascii"))
        return sha.hexdigest()

    # -- public ------------------------------------------------------------
    def find(self, text: str, deny: Sequence[str] = (), allowed: list[tuple[int, int]] | None = None) -> list[RuleSpan]:
        """Every PHI span the rules see in ``text`` (may overlap; the merge cleans up).

        ``allowed``: the allow-list occurrences in ``text``, when already known.
        """
        spans: list[RuleSpan] = []
        spans.extend(self._pattern_spans(text))
        spans.extend(self._name_spans(text))
        spans.extend(self._deny_spans(text, deny))
        return self.apply_allow_list(text, spans, allowed)

    def apply_allow_list(
        self, text: str, spans: Iterable[RuleSpan], allowed: list[tuple[int, int]] | None = None
    ) -> list[RuleSpan]:
        """Drop weak spans that lie inside an allow-listed term occurrence."""
        spans = list(spans)
        if not spans:
            return spans
        occurrences = self.allow.occurrences(text) if allowed is None else allowed
        if not occurrences:
            return spans
        kept = []
        for span in spans:
            end = span.end - 1 if text[span.end - 1 : span.end] == "." else span.end
            inside = [(a, b) for a, b in occurrences if a <= span.start and end <= b]
            # a strong cue wins ("Dr. Foley"), unless the cue is itself part of the term ("Sister Mary Joseph")
            if inside and (not span.strong or any(a < span.start for a, _ in inside)):
                continue
            kept.append(span)
        return kept

    # -- model spans -------------------------------------------------------
    def vet_model_span(self, text: str, start: int, end: int, label: str) -> RuleSpan | None:
        """Keep a model prediction only if it looks like its label, trimmed to the identifier.

        The model generalises from synthetic reports; this check keeps it from
        removing clinical words ("Known", "Scattered Kerley B lines") or the cue
        words around a name ("relayed to", "notified", "M.D."), while letting
        through what it finds beyond the rules (names without any cue, unusual
        ID or date forms).
        """
        if end - start > MODEL_SPAN_MAX_CHARS.get(label, 60):
            return None  # a confused prediction running over a sentence, not one identifier
        tokens = list(VET_TOKEN_RE.finditer(text, start, end))
        if not tokens:
            return None
        if label == "NAME":
            return self._vet_name(text, tokens)
        if label == "CONTACT":
            found = list(CONTACT_SHAPE_RE.finditer(text, start, end))
            return RuleSpan(found[0].start(), found[-1].end(), label, "model") if found else None

        def generic(word: str) -> bool:
            folded = fold(word)
            if folded in MONTH_WORDS or folded in WEEKDAY_WORDS or folded in {"noon", "midnight"}:
                return label not in {"DATE", "TIME"}
            if label in NUMERIC_LABELS and word.isalpha():
                # numbers carry these identifiers: a word at the edge ("MRN", "accession") is context
                return folded not in NUMERIC_LABEL_WORDS
            return (
                (word.isalpha() and len(word) > 1 and self.names.is_common(word))
                or self._is_allowed_word(word)
                or folded in self.cues.suffix_folded
                or folded in self.cues.role_words
                or folded in self.cues.cue_words
            )

        first, last = 0, len(tokens) - 1
        while first <= last and generic(tokens[first].group(0)):
            first += 1
        while last >= first and generic(tokens[last].group(0)):
            last -= 1
        if first > last:
            return None
        kept = tokens[first:last + 1]
        words = [m.group(0) for m in kept]
        kept_text = text[kept[0].start():kept[-1].end()]
        if label == "DATE" and not DATE_SHAPE_RE.search(kept_text):
            return None  # "2 views", "ratio of 0.51": numbers, not dates
        if label == "TIME" and not TIME_SHAPE_RE.search(kept_text):
            return None
        if label == "AGE":
            numbers = [int(w) for w in words if w.isdigit()]
            if not any(n >= 90 for n in numbers) and not any(fold(w) in {"ninety", "hundred"} for w in words):
                return None
        if label in {"ID", "PHONE"} and sum(c.isdigit() for c in kept_text) < 3:
            return None
        if label in {"LOCATION", "HOSPITAL"}:
            # a place has a proper name or a postal code; a lone small number ("2 views") is neither
            proper = [w for w in words if w[:1].isupper() and not self.names.is_common(w) and not self._is_allowed_word(w)]
            coded = [w for w in words if (len(w) >= 5 and w.isdigit()) or (not w.isdigit() and not w.isalpha())]
            if not proper and not coded:  # "7B", "02115" are still places
                return None
        return RuleSpan(kept[0].start(), kept[-1].end(), label, "model")

    def _vet_name(self, text: str, tokens: Sequence[re.Match[str]]) -> RuleSpan | None:
        """The longest run of name-looking words in a model NAME span, if any is a name."""
        all_caps_text = _mostly_upper(text)

        def part_of_name(match: re.Match[str]) -> bool:
            word = match.group(0)
            folded = fold(word)
            if any(c.isdigit() for c in word) or self._is_allowed_word(word):
                return False
            if folded in self.cues.suffix_folded or folded in self.cues.role_words or folded in self.cues.cue_words:
                return False
            if len(word) == 1:  # an initial, but not the letters of a credential ("M.D.")
                before = text[max(0, match.start() - 2):match.start()]
                return (
                    word.isupper()
                    and text[match.end():match.end() + 1] == "."
                    and not CREDENTIAL_INITIALS_RE.match(text, match.start())
                    and not re.fullmatch(r"[A-Z]\.", before)
                )
            return self._name_like(text, word, all_caps_text) or (
                word[:1].isupper() and (self.names.is_unambiguous_name(word) or not self.names.is_common(word))
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
        if not best or not any(self._name_like(text, m.group(0), all_caps_text, m.start()) for m in best):
            return None
        end = best[-1].end()
        if len(best[-1].group(0)) == 1 and text[end:end + 1] == ".":
            end += 1
        return RuleSpan(best[0].start(), end, "NAME", "model")

    def _name_like(self, text: str, word: str, all_caps_text: bool, position: int | None = None) -> bool:
        """A word that reads as a name: listed, or capitalised where capitals mean something."""
        if len(word) < 2 or not word.isalpha() or self._is_allowed_word(word):
            return False
        if self.names.is_unambiguous_name(word):
            return True
        if self.names.is_common(word) or not word[:1].isupper():
            return False
        if all_caps_text or word.isupper():
            return False  # capitals say nothing in an all-caps report or heading
        return not (position is not None and _sentence_initial(text, position))

    # -- patterns ----------------------------------------------------------
    def _pattern_spans(self, text: str) -> list[RuleSpan]:
        spans = []
        lowered = text.lower()
        for pattern in self.patterns:
            if pattern.requires and not any(needle in lowered for needle in pattern.requires):
                continue
            for match in pattern.regex.finditer(text):
                start, end = match.span(pattern.group)
                if start < 0 or end <= start:
                    continue
                start, end = _trim(text, start, end)
                if pattern.name.startswith("hospital_suffix"):
                    start = self._skip_common_words(text, start, end)
                if end > start:
                    spans.append(RuleSpan(start, end, pattern.label, pattern.name))
        return spans

    def _skip_common_words(self, text: str, start: int, end: int) -> int:
        """Drop leading words such as "The" or "Outside" from a hospital name; keep the rest."""
        while True:
            match = re.match(r"([A-Za-z][A-Za-z'’&.\-]*)[ \t]+", text[start:end])
            if not match or not self.names.is_common(match.group(1).rstrip(".")):
                return start
            if fold(match.group(1).rstrip(".")) in PLACE_NAME_WORDS:
                return start  # "East Cynthia Community Hospital": part of the name
            rest = text[start + match.end():end]
            if not re.match(r"[A-Za-z]", rest) or re.fullmatch(HOSPITAL_KEYWORDS, rest, re.IGNORECASE):
                return start  # only the generic keyword would be left: this word is the name
            start += match.end()

    # -- names -------------------------------------------------------------
    def _name_spans(self, text: str) -> list[RuleSpan]:
        spans: list[RuleSpan] = []
        names = self.names
        cues = self.cues

        for match in cues.title_re.finditer(text):
            spans.extend(self._take_name(text, match.end(), mode="title", source="name_title"))
        for match in cues.phrase_re.finditer(text):
            spans.extend(self._take_name(text, match.end(), mode="strong", source="name_phrase"))
        for match in cues.weak_re.finditer(text):
            spans.extend(self._take_name(text, match.end(), mode="weak", source="name_weak_phrase"))
        for match in cues.signature_re.finditer(text):
            spans.extend(self._take_name(text, match.end(), mode="signature", source="name_signature"))
        spans.extend(self._suffix_names(text))

        # bare list matches: unambiguous names only, then grow over neighbouring name words.
        # Capitals carry no signal at the start of a sentence or in all-caps text, so
        # there a lone list word is not enough: it needs a neighbouring name word.
        for match in CAPITALISED_WORD_RE.finditer(text):
            word = match.group(0)
            if self._is_allowed_word(word) or not names.is_unambiguous_name(word):
                continue
            if word.isupper() and len(word) <= 3:
                continue  # short all-caps words are abbreviations far more often than names
            start, end = self._grow_name(text, match.start(), match.end())
            lone = (start, end) == match.span()
            if lone and (word.isupper() or _sentence_initial(text, start)):
                continue
            spans.append(RuleSpan(start, end, "NAME", "name_list"))
        return spans

    def _is_allowed_word(self, word: str) -> bool:
        return fold(word) in self.allow.single_words

    def _accept_name_word(self, word: str, mode: str, first: bool) -> bool:
        names = self.names
        folded = fold(word)
        if folded in self.cues.suffix_folded or folded in self.cues.role_words:
            return False
        if folded in MONTH_WORDS or folded in WEEKDAY_WORDS:
            return False  # "WET READ: JKoc FRI 19:18": the day ends the name
        if self._is_allowed_word(word):
            return mode == "title" and first and _is_capitalised(word)
        if mode == "title" and first:
            return _is_capitalised(word) or not names.is_common(word)
        if not first and mode in {"title", "strong", "signature"} and word[:1].isupper() and not word.isupper():
            # after a first name or initial, a capitalised word continues the name ("Jane Q. Mass")
            return folded not in MONTH_WORDS and folded not in WEEKDAY_WORDS
        if _is_capitalised(word):
            if mode == "weak":
                # in all-caps text a capital is no sign of a name
                return names.is_unambiguous_name(word) if word.isupper() else names.is_name(word)
            return names.is_name(word) or not names.is_common(word)
        return names.is_unambiguous_name(word) and mode in {"title", "strong", "signature"}

    def _take_name(self, text: str, pos: int, mode: str, source: str) -> list[RuleSpan]:
        """Read up to four name words (and initials) starting at ``pos``."""
        start = end = -1
        words = 0
        cursor = pos
        while words < 4:
            match = NAME_TOKEN_RE.match(text, cursor)
            if not match:
                break
            word = match.group("word")
            if words and len(match.group("gap")) > 1:
                break  # two blanks separate fields, not the parts of one name
            if match.group("comma") and (words != 1 or (mode == "weak" and fold(word) not in self.names.first)):
                break  # "Smith, John" only directly after one surname (after a weak cue: a listed given name)
            if len(word) == 1:
                # an initial: needs a dot or a following name word, and is not a credential ("M.D.")
                if not word.isupper() or match.group("comma") or CREDENTIAL_INITIALS_RE.match(text, match.start("word")):
                    break
                if not match.group("dot"):
                    nxt = NAME_TOKEN_RE.match(text, match.end())
                    if not nxt or nxt.group("comma") or len(nxt.group("gap")) > 1 or not self._accept_name_word(nxt.group("word"), mode, False):
                        break
            elif fold(word) in NAME_PARTICLES and words > 0:
                nxt = NAME_TOKEN_RE.match(text, match.end())
                if not nxt or not _is_capitalised(nxt.group("word")):
                    break
            elif match.group("comma") and words == 1 and fold(word) in self.names.first and not self._is_allowed_word(word):
                pass  # "LEVY, ROBIN": a listed given name after "Surname," even when it is also a word
            elif not self._accept_name_word(word, mode, first=words == 0):
                break
            if start < 0:
                start = match.start("word")
            end = match.end("word")
            if len(word) == 1 and match.group("dot"):
                end = match.end("dot")
            words += 1
            cursor = match.end("word")
            if match.group("dot"):
                # a dot after a full word ends the sentence (or an abbreviation)
                if len(word) > 1:
                    break
                cursor = match.end("dot")
        if start < 0:
            return []
        return [RuleSpan(start, end, "NAME", source, strong=mode in {"title", "signature"})]

    def _suffix_names(self, text: str) -> list[RuleSpan]:
        """Names before a credential ("Jane Q. Roe, MD") or a verb ("Roe, Jane was notified")."""
        spans = []
        for match in self.cues.suffix_re.finditer(text):
            credential = fold(match.group("cred")).rstrip(".")
            has_comma = "," in match.group("sep")
            if credential in self.cues.weak_suffixes and not has_comma:
                continue
            if not match.group("sep") and match.start() > 0 and text[match.start() - 1].isalnum():
                continue
            weak = credential in self.cues.weak_suffixes
            span = self._name_before(text, match.start("sep"), strict=weak, source="name_credential", strong=True, any_capitalised=not weak)
            if span:
                spans.append(span)
        for match in self.cues.after_name_re.finditer(text):
            span = self._name_before(text, match.start("sep"), strict=True, source="name_before_verb", strong=False)
            if span:
                spans.append(span)
        return spans

    def _name_before(
        self, text: str, end: int, strict: bool, source: str, strong: bool, any_capitalised: bool = False
    ) -> RuleSpan | None:
        """Walk back over up to four name words ending at ``end`` ("Roe, Jane Q." included).

        ``strict``: every word must look like a name (on the lists and not a
        common word, or not a common word at all), as when the cue is weak.
        """
        cursor = end
        start = -1
        count = 0
        while count < 4:
            word_match = re.search(r"([A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ'’\-]*)(\.?)(,?)[ \t]*$", text[max(0, cursor - 80):cursor])
            if not word_match:
                break
            offset = max(0, cursor - 80)
            word = word_match.group(1)
            if word_match.group(3) and count != 1:
                break  # a comma only between surname and given name
            if len(word) == 1:
                position = offset + word_match.start(1)
                if not word.isupper() or any(
                    CREDENTIAL_INITIALS_RE.match(text, p) for p in (position, position - 2) if p >= 0
                ):
                    break  # not an initial but the letters of "M.D."
            elif not _is_capitalised(word) or (
                strict
                and self.names.is_common(word)
                and not self.names.is_unambiguous_name(word)
                and not (word_match.group(3) and count == 1)  # "STRONG, BREANNA was paged"
            ) or (self.names.is_common(word) and not self.names.is_name(word) and not any_capitalised):
                break
            if self._is_allowed_word(word) or fold(word) in self.cues.role_words or fold(word) in self.cues.cue_words:
                break
            if word_match.group(2) and len(word) > 1:
                break  # "Findings. Smith" : the dot ends a sentence
            start = offset + word_match.start(1)
            cursor = start
            count += 1
        if start < 0:
            return None
        trimmed_end = end
        while trimmed_end > start and text[trimmed_end - 1] in " \t,":
            trimmed_end -= 1
        if count == 1 and _sentence_initial(text, start) and self.names.is_common(text[start:trimmed_end]):
            return None
        return RuleSpan(start, trimmed_end, "NAME", source, strong=strong)

    def _grow_name(self, text: str, start: int, end: int) -> tuple[int, int]:
        """Extend a list-matched name over adjacent initials and name words on the same line."""
        names = self.names
        # forwards
        while True:
            match = NAME_TOKEN_RE.match(text, end)
            if not match or match.group("comma") or len(match.group("gap")) > 1:
                break
            word = match.group("word")
            if len(word) == 1 and word.isupper() and match.group("dot"):
                end = match.end("dot")
                continue
            if _is_capitalised(word) and names.is_name(word) and not self._is_allowed_word(word):
                end = match.end("word")
                continue
            previous = re.search(r"([A-Za-zÀ-ÖØ-öø-ÿ'’\-]+)\.?$", text[start:end])
            if (
                previous
                and fold(previous.group(1)) in names.first
                and _is_capitalised(word)
                and not names.is_common(word)
                and not self._is_allowed_word(word)
                and fold(word) not in self.cues.suffix_folded
                and fold(word) not in self.cues.role_words
            ):
                end = match.end("word")  # a first name's neighbour is the surname, listed or not
                continue
            break
        # backwards
        while True:
            back = re.search(r"([A-Za-zÀ-ÖØ-öø-ÿ][A-Za-zÀ-ÖØ-öø-ÿ'’\-]*)(\.?)[ \t]+$", text[max(0, start - 60):start])
            if not back:
                break
            word = back.group(1)
            offset = max(0, start - 60)
            if len(word) == 1 and word.isupper() and back.group(2):
                start = offset + back.start(1)
                continue
            if not back.group(2) and _is_capitalised(word) and names.is_name(word) and not self._is_allowed_word(word) and not names.is_common(word):
                start = offset + back.start(1)
                continue
            break
        return start, end

    # -- deny list ---------------------------------------------------------
    def _deny_spans(self, text: str, deny: Sequence[str]) -> list[RuleSpan]:
        spans = []
        for regex, label in _deny_regexes(tuple(deny), self.names.common):
            for match in regex.finditer(text):
                start, end = _trim(text, match.start(), match.end())
                if end > start:
                    spans.append(RuleSpan(start, end, label, "deny_list", strong=True))
        return spans


DATE_LIKE_RE = re.compile(r"^\d{1,4}[/\-. ]\d{1,2}[/\-. ]\d{1,4}$|^\d{8}$|[A-Za-z]{3,}\.? \d{1,2},? \d{4}$")


@functools.lru_cache(maxsize=4096)
def _deny_regexes(deny: tuple[str, ...], common: frozenset[str]) -> list[tuple[re.Pattern[str], str]]:
    """Regexes for the EHR's own identifiers of one report (patient and author)."""
    result: list[tuple[re.Pattern[str], str]] = []
    seen: set[tuple[str, str]] = set()

    def add(pattern: str, label: str, flags: int = re.IGNORECASE) -> None:
        if (pattern, label) in seen:
            return
        seen.add((pattern, label))
        result.append((re.compile(pattern, flags), label))

    for raw in deny:
        value = " ".join(str(raw).replace("^", " ").split())
        if len(value) < 2 or set(value) <= {"_"}:
            continue
        digits = re.sub(r"\D", "", value)
        letters = re.sub(r"[^A-Za-zÀ-ÖØ-öø-ÿ]", "", value)
        if DATE_LIKE_RE.search(value):
            label = "DATE"
        elif digits and len(digits) >= len(letters):
            label = "PHONE" if len(digits) in {7, 10, 11} and re.search(r"[\s\-().]", value) else "ID"
        else:
            label = "NAME"
        # the value as written, with any run of blanks or punctuation between its parts
        parts = [re.escape(p) for p in re.split(r"[\s,]+", value) if p]
        add(r"(?<![" + WORD_CHARS + r"])" + r"[\s,.]+".join(parts) + r"(?![" + WORD_CHARS + r"])", label)
        if digits and len(digits) >= 5 and label != "DATE":
            # the same digits with or without separators (617-555-1234, (617) 555 1234, 6175551234)
            loose = r"[\s.\-()/]*".join(digits)
            add(r"(?<![0-9])\(?" + loose + r"(?![0-9])", label)
        if label == "NAME":
            for part in re.split(r"[\s,.]+", value):
                if len(part) < 2 or not part.isalpha():
                    continue
                if fold(part) in common or len(part) < 3:
                    # a common word as a name: only when written capitalised
                    add(r"(?<![" + WORD_CHARS + r"])" + re.escape(part[:1].upper() + part[1:].lower()) + r"(?![" + WORD_CHARS + r"])", "NAME", 0)
                    add(r"(?<![" + WORD_CHARS + r"])" + re.escape(part.upper()) + r"(?![" + WORD_CHARS + r"])", "NAME", 0)
                else:
                    add(r"(?<![" + WORD_CHARS + r"])" + re.escape(part) + r"(?![" + WORD_CHARS + r"])", "NAME")
    return result


ABBREVIATION_END_RE = re.compile(
    r"(?i)(?<![A-Za-z])(?:jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|ave|blvd|ln|rd|st|dr|ct|pl|ter|hwy|pkwy|ste|apt|inc|co|ltd)\.$"
)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
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


@functools.lru_cache(maxsize=1)
def default_rules() -> RuleSet:
    return RuleSet()
