"""First and last names of every Faker locale, for synthetic reports only.

The synthetic training corpus and the demo hospital write their surrogate
names from Faker; report de-identification never reads these lists (its own
come from real-world sources, :mod:`cxrbuild.text.lexicon`).
"""

from __future__ import annotations

import functools
import importlib
import pkgutil

from cxrbuild.text.lexicon import fold


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
                # multi-word entries ("De la Cruz", "Mary Ann") contribute each word
                for part in raw.replace(".", " ").split():
                    folded = fold(part)
                    if _is_name_word(folded):
                        target.add(folded)
    return frozenset(first), frozenset(last)
