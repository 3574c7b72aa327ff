"""Rule-based PHI detection in reports: patterns, names, places and the EHR's deny list.

The HIPAA Safe Harbor identifiers (45 CFR 164.514(b)(2)) are the target:
names, geographic units smaller than a state, all elements of dates except
the year alone (the release removes the year too), phone and fax numbers,
emails, URLs, record and account numbers, ages over 89, and other unique
identifying facts such as an employer. Which of these categories are removed
is ``text/data/phi_categories.yaml``.

Each job has its module: :mod:`~cxrbuild.text.patterns` (dates, times,
numbers, contacts, ages, addresses), :mod:`~cxrbuild.text.names`,
:mod:`~cxrbuild.text.places`, :mod:`~cxrbuild.text.tables` (cells under an identifier's column
heading), :mod:`~cxrbuild.text.deny` (the EHR's own
identifiers) and :mod:`~cxrbuild.text.vetting` (the model's spans). An
allow-list (``text/data/allow_terms.txt``) keeps eponyms and devices that are
also names.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable, Sequence

from cxrbuild.text import stored_re as re
from cxrbuild.text.categories import LABELS
from cxrbuild.text.deny import DenyFinder
from cxrbuild.text.lexicon import Lexicon, default_lexicon, fold
from cxrbuild.text.names import NameFinder, load_cues
from cxrbuild.text.patterns import PatternFinder, trim
from cxrbuild.text.places import PlaceFinder, load_place_cues
from cxrbuild.text.regex_store import shared_store
from cxrbuild.text.spans import LETTERS, RuleSpan, data_text
from cxrbuild.text.tables import TableFinder
from cxrbuild.text.vetting import SpanVetter

__all__ = ["LABELS", "RuleSet", "RuleSpan", "default_rules"]
# every data file the rules read, besides the lexicon's lists
RULE_DATA_FILES = ("patterns.yaml", "name_cues.yaml", "place_cues.yaml", "phi_categories.yaml", "table_columns.yaml")


# a word broken at a line's end by a hyphen, as typed or scanned letterheads break them ("HERONDALE HOS-\nPITAL")
LINE_BREAK_HYPHEN_RE = re.compile(r"(?<=[" + LETTERS + r"])-[ \t]*\r?\n[ \t]*(?=[" + LETTERS + r"])")
# ... and its two halves, whole words ("peri-\npheral", "Cotton-\nwood")
BROKEN_WORD_RE = re.compile(
    r"(?<![" + LETTERS + r"])([" + LETTERS + r"]+)-[ \t]*\r?\n[ \t]*([" + LETTERS + r"]+)(?![" + LETTERS + r"'’\-])")
TERM_WORD_RE = re.compile(r"[0-9" + LETTERS + r"](?:[0-9" + LETTERS + r"'’\-/+]*[0-9" + LETTERS + r"+])?")


class AllowList:
    """Clinical terms that are never PHI, matched case-insensitively word by word.

    The terms are the eponyms (one word: "Kerley", "Foley") and every
    multi-word entry of the safe lists ("Kerley B lines", "Thomas splint",
    "circle of Willis"): a weak span inside one of them is no PHI.
    """

    def __init__(self, single_words: frozenset[str], phrases: Iterable[str]) -> None:
        self.single_words = single_words
        self.phrases: dict[str, list[tuple[str, ...]]] = {}
        for phrase in phrases:
            words = tuple(fold(w) for w in TERM_WORD_RE.findall(phrase))
            if len(words) > 1:
                self.phrases.setdefault(words[0], []).append(words)
        for group in self.phrases.values():
            group.sort(key=len, reverse=True)
        # the words that open an occurrence: most words of a report open none and are passed over at once
        self.openings = frozenset(self.phrases) | single_words

    def occurrences(self, text: str) -> list[tuple[int, int]]:
        words = list(TERM_WORD_RE.finditer(text))
        folded = list(map(fold, map(re.Match.group, words)))
        openings = self.openings
        found = []
        for index, word in enumerate(folded):
            if word not in openings:
                continue
            for phrase in self.phrases.get(word, ()):
                if tuple(folded[index:index + len(phrase)]) == phrase:
                    found.append((words[index].start(), words[index + len(phrase) - 1].end()))
                    break
            if word in self.single_words:
                found.append(words[index].span())
        return found

    def has_word(self, word: str) -> bool:
        return fold(word) in self.single_words


class RuleSet:
    """All report rules, loaded once; :meth:`find` returns the PHI spans of one report."""

    def __init__(self, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon if lexicon is not None else default_lexicon()
        self.allow = AllowList(
            frozenset(w for w in self.lexicon.eponyms if self.lexicon.is_clinical_eponym(w)), self.lexicon.safe_phrases
        )
        self.cues = load_cues()
        self.patterns = PatternFinder(self.lexicon)
        self.pattern_version = self.patterns.version
        self.names = NameFinder(self.lexicon, self.cues, self.allow.has_word)
        place_cues = load_place_cues()
        self.places = PlaceFinder(self.lexicon, place_cues, self.cues, self.allow.has_word)
        self.deny = DenyFinder(self.lexicon.is_common)
        self.tables = TableFinder()
        self.vetter = SpanVetter(self.lexicon, self.cues, self.allow.has_word, self.patterns,
                                 place_cues.facility_words | place_cues.organization_words)
        shared_store().save()  # every regex compiled so far, for the next process

    @functools.cached_property
    def digest(self) -> str:
        """SHA-256 over every data file the rules read, the word lists included."""
        sha = hashlib.sha256()
        for name in RULE_DATA_FILES:
            sha.update(data_text(name).encode("utf-8"))
        sha.update(self.lexicon.digest.encode("ascii"))
        return sha.hexdigest()

    def find(self, text: str, deny: Sequence[str] = (), allowed: list[tuple[int, int]] | None = None) -> list[RuleSpan]:
        """Every PHI span the rules see in ``text`` (may overlap; the merge cleans up).

        ``allowed``: the allow-list occurrences in ``text``, when already known.
        """
        spans: list[RuleSpan] = []
        spans.extend(self.patterns.find(text))
        spans.extend(self._without_halves_of_words(text, [*self.names.find(text), *self.places.find(text)]))
        spans.extend(self._across_line_breaks(text))
        spans.extend(self.tables.find(text))
        spans.extend(self.deny.find(text, deny, trim))
        return self.apply_allow_list(text, spans, allowed)

    def _without_halves_of_words(self, text: str, spans: list[RuleSpan]) -> list[RuleSpan]:
        """The names' and places' spans but those of one half of a word of the language broken over two lines by a hyphen
        ("2 peri-\npheral IVs": "Peri" is a name, "peripheral" no name; the words joined are read in _across_line_breaks)."""
        halves = set()
        for broken in BROKEN_WORD_RE.finditer(text):
            joined = broken.group(1) + broken.group(2)
            if self.lexicon.is_vocabulary(joined) and not self.lexicon.is_name(joined) and not self.lexicon.is_place(joined):
                halves.update((broken.span(1), broken.span(2)))
        if not halves:
            return spans
        return [span for span in spans if (span.start, span.end) not in halves]

    def _across_line_breaks(self, text: str) -> list[RuleSpan]:
        """Names and places with a word broken over two lines by a hyphen ("CEDAR RIDGE REGIO-\nNAL MEDICAL
        CENTER"): found in the text with those words joined, then mapped back over the break."""
        breaks = list(LINE_BREAK_HYPHEN_RE.finditer(text))
        if not breaks:
            return []
        pieces, origin, cursor = [], [], 0
        for found in breaks:
            pieces.append(text[cursor:found.start()])
            origin.extend(range(cursor, found.start()))
            cursor = found.end()
        pieces.append(text[cursor:])
        origin.extend(range(cursor, len(text)))
        joined = "".join(pieces)
        spans = []
        for span in (*self.names.find(joined), *self.places.find(joined)):
            spans.append(RuleSpan(origin[span.start], origin[span.end - 1] + 1, span.label, span.source, strong=span.strong))
        return spans

    def vet_model_span(self, text: str, start: int, end: int, label: str) -> RuleSpan | None:
        return self.vetter.vet(text, start, end, label)

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


@functools.lru_cache(maxsize=1)
def default_rules() -> RuleSet:
    return RuleSet()
