"""Report de-identification: rules and model merged, PHI replaced by ``___``.

The union of the rule spans and the model spans is cleaned up at token
boundaries (a span that cuts a word is widened to the whole word; spans are
split at line breaks so the layout survives; overlapping spans, and spans of
one label separated only by blanks or light punctuation on the same line, are
merged), then each span becomes exactly ``___``, as in MIMIC-CXR. Everything
else (lines, spacing, section headers, existing ``___``) is kept byte for byte.

Settings (all optional):
  use_model            run the NER model when one is given (default true)
  model_dir            path of the model, when not passed as an argument
  dates                "remove" (default) or "shift": with a day shift, full
                       dates are moved by that many days instead of removed
  numeric_date_order   "mdy" (default) or "dmy", to read 03/04/2012 when shifting
  batch_size           reports per model batch (default 64)
  keep                 categories of phi_categories.yaml left in the text (default none;
                       only a category marked settable there, such as TIME, may be kept)
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from cxrbuild.contract import DATE_YEAR_MAX, DATE_YEAR_MIN
from cxrbuild.printed_forms import MONTHS
from cxrbuild.text.categories import phi_categories
from cxrbuild.text.rules import RuleSet, RuleSpan, default_rules
from cxrbuild.util.errors import CxrbuildError

REPLACEMENT = "___"
DEFAULT_SETTINGS: dict = {
    "use_model": True,
    "model_dir": None,
    "dates": "remove",
    "numeric_date_order": "mdy",
    "batch_size": 64,
    "keep": [],
}
# gap between two spans of one label that still makes them one ("March 3, 2012", "Smith, John")
JOINABLE_GAP_RE = re.compile(r"[ \t]{0,2}[,./\-:]?[ \t]{0,2}")
LINE_PIECE_RE = re.compile(r"[^\n\r]+")


@dataclass
class PhiSpan:
    start: int
    end: int
    label: str


@dataclass
class DeidResult:
    text: str
    spans: list[PhiSpan]  # offsets into the INPUT text


def _is_word_char(char: str) -> bool:
    return char.isalnum()


def _same_run(left: str, right: str) -> bool:
    """Two neighbouring characters of one letter run or one digit run."""
    return (left.isalpha() and right.isalpha()) or (left.isdigit() and right.isdigit())


class ReportDeidentifier:
    """Rules plus (optionally) the NER model; one instance serves many reports."""

    def __init__(self, model_dir: Path | None = None, settings: Mapping | None = None) -> None:
        unknown = set(settings or {}) - set(DEFAULT_SETTINGS)
        if unknown:
            raise CxrbuildError(f"report settings: unknown key(s) {', '.join(sorted(unknown))}")
        self.settings = {**DEFAULT_SETTINGS, **(settings or {})}
        if self.settings["dates"] not in {"remove", "shift"}:
            raise CxrbuildError(f"report settings: dates must be 'remove' or 'shift', not {self.settings['dates']!r}")
        if self.settings["numeric_date_order"] not in {"mdy", "dmy"}:
            raise CxrbuildError("report settings: numeric_date_order must be 'mdy' or 'dmy'")
        categories = phi_categories()
        self.keep = frozenset(self.settings["keep"] or ())
        for label in sorted(self.keep):
            if label not in categories:
                raise CxrbuildError(f"report settings: keep: unknown category {label!r} (see text/data/phi_categories.yaml)")
            if not categories[label].settable:
                raise CxrbuildError(f"report settings: keep: {label} is always removed (not settable in phi_categories.yaml)")
        self.keep |= {label for label, category in categories.items() if not category.remove}
        self.rules: RuleSet = default_rules()
        model_dir = model_dir if model_dir is not None else self.settings["model_dir"]
        self.model = None
        if model_dir is not None and self.settings["use_model"]:
            self.model = load_model(Path(model_dir), batch_size=int(self.settings["batch_size"]))

    @property
    def version(self) -> dict:
        """What the output depends on: the rules digest and the model digest."""
        return {"rules": self.rules.digest, "model": self.model.digest if self.model else None}

    def deidentify(self, text: str, deny: Sequence[str] = (), day_shift: int | None = None) -> DeidResult:
        return self.deidentify_many([text], [deny], [day_shift])[0]

    def deidentify_many(
        self,
        texts: Sequence[str],
        denies: Sequence[Sequence[str]] | None = None,
        day_shifts: Sequence[int | None] | None = None,
    ) -> list[DeidResult]:
        """De-identify many reports; the model sees them in batches (much faster)."""
        denies = denies if denies is not None else [()] * len(texts)
        day_shifts = day_shifts if day_shifts is not None else [None] * len(texts)
        model_spans = self.model.predict(texts) if self.model is not None else [[] for _ in texts]
        results = []
        for text, deny, shift, predicted in zip(texts, denies, day_shifts, model_spans, strict=True):
            allowed = self.rules.allow.occurrences(text)
            spans = self.rules.find(text, deny, allowed)
            vetted = (self.rules.vet_model_span(text, start, end, label) for start, end, label in predicted)
            spans.extend(self.rules.apply_allow_list(text, [span for span in vetted if span is not None], allowed))
            merged = merge_spans(text, [span for span in spans if span.label not in self.keep])
            results.append(DeidResult(self._replace(text, merged, shift), merged))
        return results

    def _replace(self, text: str, spans: Sequence[PhiSpan], day_shift: int | None) -> str:
        parts = []
        cursor = 0
        shift = day_shift if self.settings["dates"] == "shift" else None
        for span in spans:
            parts.append(text[cursor:span.start])
            replacement = REPLACEMENT
            if shift is not None and span.label == "DATE":
                shifted = shift_date(text[span.start:span.end], shift, self.settings["numeric_date_order"])
                if shifted is not None and _in_release_years(shifted):
                    replacement = shifted
            parts.append(replacement)
            cursor = span.end
        parts.append(text[cursor:])
        return "".join(parts)


def load_model(model_dir: Path, batch_size: int = 64):
    """Our window tagger (:mod:`cxrbuild.text.model`), or a hospital's own spaCy NER model."""
    from cxrbuild.text.model import PhiTagger, is_tagger

    if is_tagger(model_dir):
        return PhiTagger(model_dir, batch_size=batch_size)
    from cxrbuild.text.ner import PhiModel

    return PhiModel(model_dir, batch_size=batch_size)


def merge_spans(text: str, spans: Sequence[RuleSpan | PhiSpan]) -> list[PhiSpan]:
    """Union of spans, widened to whole tokens, split at line breaks, overlaps merged."""
    pieces: list[tuple[int, int, str]] = []
    length = len(text)
    seen: set[tuple[int, int, str]] = set()
    for span in spans:
        key = (span.start, span.end, span.label)
        if key in seen:
            continue  # a span found again (by another cue) makes the same pieces again, which merge into the first ones
        seen.add(key)
        start, end = max(0, span.start), min(length, span.end)
        # widen to whole words: a span never leaves half a word behind ("Johnson"), but a
        # number stops at letters and letters at a number ("95F": the age, not the sex)
        while 0 < start < length and _same_run(text[start - 1], text[start]):
            start -= 1
        while 0 < end < length and _same_run(text[end - 1], text[end]):
            end += 1
        # one piece per line, so the line structure survives
        for line_match in LINE_PIECE_RE.finditer(text, start, end):
            piece_start, piece_end = _strip(text, line_match.start(), line_match.end())
            if piece_end > piece_start and any(map(_is_word_char, text[piece_start:piece_end])):
                pieces.append((piece_start, piece_end, span.label))
    pieces.sort(key=lambda p: (p[0], -p[1]))
    merged: list[list] = []
    for start, end, label in pieces:
        if merged:
            last = merged[-1]
            overlaps = start < last[1]
            joinable = (
                not overlaps
                and label == last[2]
                and JOINABLE_GAP_RE.fullmatch(text[last[1]:start]) is not None
                and "\n" not in text[last[1]:start]
            )
            if overlaps or joinable:
                if end > last[1]:
                    # the label of the longer part wins
                    if end - start > last[1] - last[0]:
                        last[2] = label
                    last[1] = end
                continue
        merged.append([start, end, label])
    return [PhiSpan(start, end, label) for start, end, label in merged]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    # blanks and existing "___" at the edges are not part of the PHI
    while start < end and (text[start].isspace() or text[start] == "_"):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == "_"):
        end -= 1
    return start, end


# ---------------------------------------------------------------------------
# date shifting (only with settings dates: shift)

MONTH_NAMES = [month.lower() for month in MONTHS]
NUMERIC_DATE_RE = re.compile(r"^(\d{1,4})([/.\-])(\d{1,2})\2(\d{2,4})$")
COMPACT_DATE_RE = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
MONTH_FIRST_RE = re.compile(r"^([A-Za-z]+)(\.?)(\s+)(\d{1,2})(st|nd|rd|th)?(,?\s+)(\d{4})$")
DAY_FIRST_RE = re.compile(r"^(\d{1,2})(st|nd|rd|th)?(\s+(?:of\s+)?|-)([A-Za-z]+)(\.?)(,?\s+|-)(\d{4})$")


def _month_number(word: str) -> int | None:
    word = word.lower()
    for index, name in enumerate(MONTH_NAMES):
        if len(word) >= 3 and name.startswith(word):
            return index + 1
    return None


def _month_like(original: str, month: int) -> str:
    name = MONTH_NAMES[month - 1]
    if len(original) <= 4 and len(original) < len(name):
        name = name[:3] if len(original) == 3 else name[: len(original)]
    if original.isupper():
        return name.upper()
    return name.capitalize() if original[:1].isupper() else name


def _ordinal(day: int) -> str:
    if 11 <= day % 100 <= 13:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def _widths(original: str, value: int) -> str:
    return f"{value:0{len(original)}d}" if original.startswith("0") or len(original) == 2 else str(value)


def _in_release_years(shifted: str) -> bool:
    """Whether every four-digit year of a shifted date lies in the release's years.

    A prior study from long before the patient's index admission can shift
    below DATE_YEAR_MIN; such a date is removed (``___``) rather than released
    with a year the release promises not to hold.
    """
    years = [int(year) for year in re.findall(r"(?<!\d)\d{4}(?!\d)", shifted)]
    return all(DATE_YEAR_MIN <= year <= DATE_YEAR_MAX for year in years)


def shift_date(value: str, days: int, numeric_order: str = "mdy") -> str | None:
    """``value`` moved by ``days``, written in the same form; None when it is not a full date."""
    try:
        match = NUMERIC_DATE_RE.match(value)
        if match:
            first, sep, second, third = match.groups()
            if len(first) == 4:
                year, month, day = int(first), int(second), int(third)
                shifted = dt.date(year, month, day) + dt.timedelta(days=days)
                return f"{shifted.year}{sep}{_widths(second, shifted.month)}{sep}{_widths(third, shifted.day)}"
            if numeric_order == "mdy":
                month, day = int(first), int(second)
            else:
                day, month = int(first), int(second)
            year = int(third) if len(third) == 4 else 2000 + int(third) if int(third) < 50 else 1900 + int(third)
            shifted = dt.date(year, month, day) + dt.timedelta(days=days)
            year_text = str(shifted.year) if len(third) == 4 else f"{shifted.year % 100:02d}"
            if numeric_order == "mdy":
                return f"{_widths(first, shifted.month)}{sep}{_widths(second, shifted.day)}{sep}{year_text}"
            return f"{_widths(first, shifted.day)}{sep}{_widths(second, shifted.month)}{sep}{year_text}"
        match = COMPACT_DATE_RE.match(value)
        if match:
            shifted = dt.date(*map(int, match.groups())) + dt.timedelta(days=days)
            return shifted.strftime("%Y%m%d")
        match = MONTH_FIRST_RE.match(value)
        if match:
            month_word, dot, blank, day_text, suffix, comma, year_text = match.groups()
            month = _month_number(month_word)
            if month is None:
                return None
            shifted = dt.date(int(year_text), month, int(day_text)) + dt.timedelta(days=days)
            return f"{_month_like(month_word, shifted.month)}{dot}{blank}{shifted.day}{_ordinal(shifted.day) if suffix else ''}{comma}{shifted.year}"
        match = DAY_FIRST_RE.match(value)
        if match:
            day_text, suffix, between, month_word, dot, comma, year_text = match.groups()
            month = _month_number(month_word)
            if month is None:
                return None
            shifted = dt.date(int(year_text), month, int(day_text)) + dt.timedelta(days=days)
            day_out = _widths(day_text, shifted.day) + (_ordinal(shifted.day) if suffix else "")
            return f"{day_out}{between}{_month_like(month_word, shifted.month)}{dot}{comma}{shifted.year}"
    except ValueError:
        return None
    return None


@functools.cache
def _descriptor_deidentifier() -> ReportDeidentifier:
    """The report rules without the model, loaded once per process on first use."""
    return ReportDeidentifier(settings={"use_model": False, "dates": "remove"})


def descriptor_phi_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of the PHI the report rules find in a short descriptor (a DICOM header's free text).

    The image step is handed this function when its header settings ask for
    the report rules (``descriptor_cleaner: text_rules``): name lists and cues
    such as "Dr." find people a header deny list cannot know.
    """
    return [(span.start, span.end) for span in _descriptor_deidentifier().deidentify(text).spans]
