"""The EHR's own identifiers of one report (patient and author), found wherever they are written."""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence

from cxrbuild.text.lexicon import fold
from cxrbuild.text.spans import LETTERS, WORD_CHARS, RuleSpan

DATE_LIKE_RE = re.compile(r"^\d{1,4}[/\-. ]\d{1,2}[/\-. ]\d{1,4}$|^\d{8}$|[A-Za-z]{3,}\.? \d{1,2},? \d{4}$")


def deny_regexes(deny: tuple[str, ...], is_common: Callable[[str], bool]) -> list[tuple[re.Pattern[str], str]]:
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
        letters = re.sub(r"[^" + LETTERS + r"]", "", value)
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
                if is_common(fold(part)) or len(part) < 3:
                    # a common word as a name: only when written capitalised or in capitals
                    add(r"(?<![" + WORD_CHARS + r"])" + re.escape(part[:1].upper() + part[1:].lower()) + r"(?![" + WORD_CHARS + r"])", "NAME", 0)
                    add(r"(?<![" + WORD_CHARS + r"])" + re.escape(part.upper()) + r"(?![" + WORD_CHARS + r"])", "NAME", 0)
                else:
                    add(r"(?<![" + WORD_CHARS + r"])" + re.escape(part) + r"(?![" + WORD_CHARS + r"])", "NAME")
    return result


class DenyFinder:
    def __init__(self, is_common: Callable[[str], bool]) -> None:
        self._regexes = functools.lru_cache(maxsize=4096)(lambda deny: deny_regexes(deny, is_common))

    def find(self, text: str, deny: Sequence[str], trim: Callable[[str, int, int], tuple[int, int]]) -> list[RuleSpan]:
        spans = []
        for regex, label in self._regexes(tuple(deny)):
            for match in regex.finditer(text):
                start, end = trim(text, match.start(), match.end())
                if end > start:
                    spans.append(RuleSpan(start, end, label, "deny_list", strong=True))
        return spans
