"""What every report rule shares: the span a rule finds, and how to read a word's surroundings."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources

import yaml

DATA_PACKAGE = "cxrbuild.text.data"

# the letters of a word, Latin script with its accents (Latin-1 and Latin Extended-A): one home for every rule
LETTERS = r"A-Za-zÀ-ÖØ-öø-ÿĀ-ſ"
# letters and digits, never the underscore: existing "___" is never part of PHI
WORD_CHARS = r"0-9" + LETTERS
UPPER_RE = re.compile(r"[A-ZÀ-ÖØ-Þ]")
LOWER_RE = re.compile(r"[a-zß-öø-ÿ]")
SENTENCE_START_RE = re.compile(r"(?:^|[.!?:;]|\n)[\s\"'(\[*\-•]*$")

MONTH_WORDS = frozenset(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december",
     "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"]
)
WEEKDAY_WORDS = frozenset(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"]
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


def is_capitalised(word: str) -> bool:
    return word[:1].isupper()


def sentence_initial(text: str, start: int) -> bool:
    """True when ``start`` begins a line, a sentence or a section body."""
    return SENTENCE_START_RE.search(text[max(0, start - 40):start]) is not None
