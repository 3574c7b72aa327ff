"""Tokens: the unit in which identifiers are matched against released text.

An identifier is matched as a sequence of tokens (runs of letters, runs of
digits, case-folded) rather than as a string, so that every way of writing it
with different separators is one form: ``SMITH^JOHN``, ``Smith, John`` and
``smith john`` are the same tokens, and so are ``555-123-4567`` and
``(555) 123 4567``. Letters and digits are split apart (``MRN00123`` is
``mrn``, ``00123``), and a digit run only ever matches a whole digit run, so a
short number is never found inside a longer one (a UID, a dicom_id).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Letters of any script, or digits; underscores and everything else separate tokens.
TOKEN_PATTERN = re.compile(r"[^\W\d_]+|\d+")


@dataclass(frozen=True)
class Token:
    """One token of a text: its case-folded form and where it lies (character offsets)."""

    text: str
    start: int
    end: int


def tokenize(text: str) -> list[Token]:
    """The tokens of ``text``, in order, with their offsets into ``text``."""
    return [Token(m.group().casefold(), m.start(), m.end()) for m in TOKEN_PATTERN.finditer(text)]


def token_texts(text: str) -> tuple[str, ...]:
    """Only the case-folded token strings of ``text``."""
    return tuple(m.group().casefold() for m in TOKEN_PATTERN.finditer(text))
