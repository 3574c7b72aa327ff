"""Finding identifier forms in a token stream, exactly or with one edit.

Each form is indexed by its *anchor*, its longest token (the most selective:
for a UID the long number, not the leading '1'), so a text is scanned once
whatever the number of forms. An exact match needs every token equal and the
tokens no further apart in the text than a separator (a few characters), so a
name's parts far apart in a report do not make a full name.

Fuzzy matching finds a form whose (alphabetic) anchor is one edit (insert, delete,
substitute) away from a text token: OCR misreads and typos. It uses the
symmetric-delete index (every string reachable by one deletion), so lookup
costs a few dictionary probes per token.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from cxrbuild.audit.identifiers import IdentifierForm
from cxrbuild.audit.tokens import Token

MAX_SEPARATOR_CHARS = 3  # 'SMITH^JOHN', 'Smith, John', 'J. Smith': at most this between tokens
MIN_FUZZY_ANCHOR = 6  # shorter tokens are one edit away from too many words
MIN_FUZZY_DIGITS = 4  # a year, or longer: OCR misreads one digit ('1958' as '1968')


@dataclass(frozen=True)
class Match:
    """A form found at [start, end) of a text (character offsets)."""

    form: IdentifierForm
    start: int
    end: int
    fuzzy: bool


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def within_one_edit(a: str, b: str) -> bool:
    """Levenshtein distance of a and b is at most 1."""
    if a == b:
        return True
    la, lb = len(a), len(b)
    if abs(la - lb) > 1:
        return False
    if la == lb:
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    if la > lb:
        a, b = b, a
    # b is a with one character inserted
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1 :]


class Matcher:
    """All identifier forms of an audit, indexed for scanning many texts."""

    def __init__(self, forms: Iterable[IdentifierForm]) -> None:
        self.exact: dict[str, list[tuple[IdentifierForm, int]]] = {}
        self.fuzzy: dict[str, list[tuple[IdentifierForm, int]]] = {}
        for form in forms:
            anchor = max(range(len(form.tokens)), key=lambda i: (len(form.tokens[i]), -i))
            token = form.tokens[anchor]
            self.exact.setdefault(token, []).append((form, anchor))
            # only letters: ids are random digits, and a random number one digit away
            # from some MRN is common at scale, while names misread by OCR are not
            if len(token) >= MIN_FUZZY_ANCHOR and token.isalpha():
                for key in _deletions(token) | {token}:
                    self.fuzzy.setdefault(key, []).append((form, anchor))
        self.min_anchor_length = min((len(k) for k in self.exact), default=1)

    def _aligned(self, tokens: Sequence[Token], form: IdentifierForm, anchor: int, i: int, fuzzy: bool) -> Match | None:
        start = i - anchor
        end = start + len(form.tokens)
        if start < 0 or end > len(tokens):
            return None
        for k in range(start, end):
            if k != i and tokens[k].text != form.tokens[k - start]:
                return None
            if k > start and tokens[k].start - tokens[k - 1].end > MAX_SEPARATOR_CHARS:
                return None
        return Match(form, tokens[start].start, tokens[end - 1].end, fuzzy)

    def find(self, tokens: Sequence[Token], fuzzy: bool = False, fuzzy_digits: bool = False) -> list[Match]:
        """Every form found in ``tokens``: exact; plus one-edit letter anchors when ``fuzzy``;
        plus anchors of four or more digits with one digit misread when ``fuzzy_digits``
        (for OCR text only: a random number one digit from an id is common elsewhere)."""
        found: list[Match] = []
        for i, token in enumerate(tokens):
            for form, anchor in self.exact.get(token.text, ()):
                match = self._aligned(tokens, form, anchor, i, False)
                if match is not None:
                    found.append(match)
            if fuzzy_digits and len(token.text) >= MIN_FUZZY_DIGITS and token.text.isdigit():
                for position, digit in enumerate(token.text):
                    for other in "0123456789":
                        if other == digit:
                            continue
                        variant = token.text[:position] + other + token.text[position + 1 :]
                        for form, anchor in self.exact.get(variant, ()):
                            match = self._aligned(tokens, form, anchor, i, True)
                            if match is not None:
                                found.append(match)
            if fuzzy and len(token.text) >= MIN_FUZZY_ANCHOR - 1 and token.text.isalpha():
                candidates: dict[int, tuple[IdentifierForm, int]] = {}
                for key in _deletions(token.text) | {token.text}:
                    for form, anchor in self.fuzzy.get(key, ()):
                        candidates[id(form)] = (form, anchor)
                for form, anchor in candidates.values():
                    anchor_token = form.tokens[anchor]
                    if anchor_token == token.text or not within_one_edit(anchor_token, token.text):
                        continue
                    match = self._aligned(tokens, form, anchor, i, True)
                    if match is not None:
                        found.append(match)
        return found


def keep_outermost(matches: Iterable[Match]) -> list[Match]:
    """Drop a match lying inside a longer one (the given name inside a full name).

    Among matches of the same span an exact one wins over a fuzzy one, and a
    stronger form over a weaker one.
    """
    order = {"strong": 0, "medium": 1, "weak": 2}
    ordered = sorted(matches, key=lambda m: (-(m.end - m.start), m.fuzzy, order[m.form.strength], m.start))
    kept: list[Match] = []
    for match in ordered:
        if any(k.start <= match.start and match.end <= k.end for k in kept):
            continue
        kept.append(match)
    return sorted(kept, key=lambda m: (m.start, m.end))
