"""Python's ``re`` for the report rules, its ``compile`` served from the rules' regex store.

The rule modules import this as ``re``: every regex they compile, at import
or when their cues are read, comes from :func:`cxrbuild.text.regex_store.shared_store`
(the same engine code ``re.compile`` would make, without parsing it again in
each process); everything else is ``re``'s own.
"""

from __future__ import annotations

import re as _re
from re import (
    ASCII,
    DOTALL,
    IGNORECASE,
    MULTILINE,
    UNICODE,
    VERBOSE,
    A,
    I,
    M,
    Match,
    Pattern,
    RegexFlag,
    S,
    U,
    X,
    error,
    escape,
    findall,
    finditer,
    fullmatch,
    match,
    search,
    split,
    sub,
    subn,
)

from cxrbuild.text.regex_store import shared_store

__all__ = [
    "ASCII", "DOTALL", "IGNORECASE", "MULTILINE", "UNICODE", "VERBOSE", "A", "I", "M", "Match", "Pattern", "RegexFlag",
    "S", "U", "X", "compile", "error", "escape", "findall", "finditer", "fullmatch", "match", "search", "split", "sub",
    "subn",
]


def compile(pattern: str | Pattern[str], flags: int = 0) -> Pattern[str]:
    """``re.compile``, from the regex store for a pattern given as text."""
    if isinstance(pattern, str):
        return shared_store().compile(pattern, flags)
    return _re.compile(pattern, flags)
