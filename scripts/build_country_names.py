#!/usr/bin/env python3
"""Regenerate src/cxrbuild/text/data/lists/country_names.txt: countries' other English names.

countries.txt holds GeoNames' current official name of each country only; reports name countries by their older or
common English names too ("Burma", "Zaire", "Swaziland", "East Timor", "Czech Republic", "Cape Verde", "Viet Nam").

Source: the IANA Language Subtag Registry (BCP 47; its region subtags are ISO 3166-1's codes), as shipped in the
installed ``langcodes`` package (``langcodes/data/language-subtag-registry.txt``; the package is MIT, the registry is
IANA's public registry), the file scripts/build_language_names.py reads. Kept: every ``Description`` of a ``Type:
region`` record whose subtag has two letters, deprecated ones too (a former name is still written), but the private-use
codes and those ISO 3166-1 reserves for a union or an organisation (GROUPINGS), no country. A description is read as
regions.txt's names are: a designator after a comma is dropped ("Taiwan, Province of China" -> "taiwan"), a bracket is
dropped and, where it closes the name and all its words are capitalised, is another name ("Holy See (Vatican City
State)" -> "holy see", "vatican city state"; not "Saint Martin (French part)"), a leading "The" is dropped; folded to
lower-case ASCII as the other lists are. Left out: a name countries.txt already holds, and a name of one or two words,
every one an English or a clinical word (the lexicon's is_common): a country's name of several words is a place in any
case (places.PlaceFinder._phrase_is_place), and these would be words of a sentence as often ("Neutral Zone" of the
spine, "Holy See", "Canary Islands", "Congo" red); a longer one is the country's name whatever its words ("Union of
Soviet Socialist Republics"). The result is deterministic for a given registry and given lists (the registry's
File-Date is written in the file's header).

    PYTHONPATH=src python scripts/build_country_names.py
"""

from __future__ import annotations

import re
from importlib import metadata, resources
from pathlib import Path

import langcodes
from build_language_names import fold, records  # the registry's one reader

from cxrbuild.text.lexicon import default_lexicon

LISTS = Path(__file__).resolve().parent.parent / "src" / "cxrbuild" / "text" / "data" / "lists"
OUT = LISTS / "country_names.txt"
# region subtags for a union of countries or an organisation (ISO 3166-1's exceptional reservations), no country
GROUPINGS = frozenset({"EU", "EZ", "UN"})
PRIVATE_USE = "Private use"
# a name of at most this many words, all of them words of the language, is left out (see above)
MAX_WORDS_OF_WORDS = 2
# a bracket closing a description: another name of the country when all its words are capitalised
CLOSING_BRACKET_RE = re.compile(r"[ \t]*\((?P<inner>[^()]+)\)[ \t]*\Z")
BRACKET_RE = re.compile(r"[ \t]*\([^()]*\)")
# what a list's entry may hold (as lists/PROVENANCE.md says of every list)
ENTRY_RE = re.compile(r"[a-z0-9' .&-]+")
CAPITALISED_RE = re.compile(r"[A-Z][^ ]*(?: [A-Z][^ ]*)*")


def names_of(description: str) -> list[str]:
    """The names a region's description gives, before folding."""
    names = []
    closing = CLOSING_BRACKET_RE.search(description)
    if closing and CAPITALISED_RE.fullmatch(closing.group("inner").strip()):
        names.append(closing.group("inner").strip())
    name = BRACKET_RE.sub("", description).split(",")[0].strip()
    names.append(re.sub(r"^The[ \t]+", "", name))
    return names


def main() -> None:
    registry = resources.files(langcodes).joinpath("data", "language-subtag-registry.txt").read_text(encoding="utf-8")
    file_date = registry.splitlines()[0].partition(":")[2].strip()
    official = {line.strip() for line in (LISTS / "countries.txt").read_text(encoding="utf-8").splitlines()}
    lexicon = default_lexicon()
    names: set[str] = set()
    left_out: set[str] = set()
    for fields in records(registry):
        if fields.get("Type") != ["region"]:
            continue
        subtag = fields["Subtag"][0]
        if len(subtag) != 2 or not subtag.isalpha() or subtag in GROUPINGS:
            continue
        for description in fields.get("Description", []):
            if description == PRIVATE_USE:
                continue
            for name in map(fold, names_of(description)):
                if not ENTRY_RE.fullmatch(name) or name in official:
                    continue
                words = re.split(r"[ \-]", name)
                if len(words) <= MAX_WORDS_OF_WORDS and all(lexicon.is_common(word) for word in words):
                    left_out.add(name)
                    continue
                names.add(name)
    header = (f"# Countries' other English names: IANA Language Subtag Registry (File-Date {file_date}) as shipped in"
              f" langcodes {metadata.version('langcodes')}; built by scripts/build_country_names.py\n")
    OUT.write_text(header + "".join(name + "\n" for name in sorted(names)), encoding="utf-8", newline="\n")
    print(f"{OUT}: {len(names)} names; left out as words of the language: {', '.join(sorted(left_out))}")


if __name__ == "__main__":
    main()
