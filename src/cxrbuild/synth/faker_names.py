"""First- and last-name lists, and the common words that keep names ambiguous.

The lists are built at run time from the per-locale person providers that the
Faker package ships (every locale it has, Latin-script names only, folded to
ASCII lower case), so nothing is downloaded. A name that is also an English or
clinical word ("Mass", "Hall", "Young", "Bell", "Gross") is *ambiguous*: it
is removed only with context (a title, "discussed with", a credential, a
signature line), never on the list alone.
"""

from __future__ import annotations

import functools
import hashlib
import importlib
import pkgutil
import unicodedata
from dataclasses import dataclass
from importlib import resources

DATA_PACKAGE = "cxrbuild.text.data"


@functools.lru_cache(maxsize=1 << 16)
def fold(word: str) -> str:
    """Lower-case ASCII form of a word, for matching names written with or without accents."""
    decomposed = unicodedata.normalize("NFKD", word)
    return decomposed.encode("ascii", "ignore").decode("ascii").lower()


def _provider_values(value: object) -> list[str]:
    # Faker keeps names as tuples, lists or weighted OrderedDicts
    if isinstance(value, dict):
        return [str(key) for key in value]
    if isinstance(value, list | tuple | set | frozenset):
        return [str(item) for item in value]
    return []


def _is_name_word(folded: str) -> bool:
    stripped = folded.replace("-", "").replace("'", "")
    return len(stripped) >= 2 and stripped.isascii() and stripped.isalpha()


def _split_name(raw: str) -> list[str]:
    # multi-word entries ("De la Cruz", "Mary Ann") contribute each word
    return [part for part in raw.replace(".", " ").split() if part]


@functools.lru_cache(maxsize=1)
def faker_person_names() -> tuple[frozenset[str], frozenset[str]]:
    """(first names, last names) of every Faker locale, folded, Latin script only."""
    import faker.providers.person as person_providers

    first: set[str] = set()
    last: set[str] = set()
    for module_info in sorted(pkgutil.iter_modules(person_providers.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{person_providers.__name__}.{module_info.name}")
        provider = getattr(module, "Provider", None)
        if provider is None:
            continue
        for attribute, target in (
            ("first_names", first),
            ("first_names_male", first),
            ("first_names_female", first),
            ("first_names_nonbinary", first),
            ("last_names", last),
            ("last_names_male", last),
            ("last_names_female", last),
        ):
            value = provider.__dict__.get(attribute)
            if value is None:
                # inherited class attributes (never properties) count too
                value = getattr(provider, attribute, None)
                if isinstance(value, property):
                    continue
            for raw in _provider_values(value):
                for part in _split_name(raw):
                    folded = fold(part)
                    if _is_name_word(folded):
                        target.add(folded)
    return frozenset(first), frozenset(last)


def _read_words(name: str) -> set[str]:
    text = resources.files(DATA_PACKAGE).joinpath(name).read_text(encoding="utf-8")
    words: set[str] = set()
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        words.update(fold(word) for word in line.split())
    return words


@functools.lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """English and clinical words: names among them need context to be removed.

    Sources: text/data/clinical_words.txt, Faker's English lorem word list
    (about a thousand frequent English words) and spaCy's English stop words.
    """
    from faker.providers.lorem.en_US import Provider as EnglishLorem
    from spacy.lang.en.stop_words import STOP_WORDS

    words = _read_words("clinical_words.txt")
    words.update(fold(word) for word in EnglishLorem.word_list)
    words.update(fold(word) for word in STOP_WORDS)
    return frozenset(words)


@dataclass(frozen=True)
class NameLists:
    """Folded first and last names, and which of them are ambiguous common words."""

    first: frozenset[str]
    last: frozenset[str]
    common: frozenset[str]

    def is_name(self, word: str) -> bool:
        folded = fold(word)
        return folded in self.first or folded in self.last

    def is_unambiguous_name(self, word: str) -> bool:
        folded = fold(word)
        return (folded in self.first or folded in self.last) and folded not in self.common

    def is_common(self, word: str) -> bool:
        return fold(word) in self.common

    def digest(self) -> str:
        """SHA-256 over the sorted lists: enters the rules version."""
        sha = hashlib.sha256()
        for group in (self.first, self.last, self.common):
            sha.update("\n".join(sorted(group)).encode("utf-8"))
            sha.update(b"\x00")
        return sha.hexdigest()


@functools.lru_cache(maxsize=1)
def default_name_lists() -> NameLists:
    first, last = faker_person_names()
    return NameLists(first=first, last=last, common=common_words())
