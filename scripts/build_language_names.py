#!/usr/bin/env python3
"""Regenerate src/cxrbuild/text/data/lists/languages.txt: the English names of languages, one word each.

Source: the IANA Language Subtag Registry (BCP 47; its language subtags are ISO 639's codes), as shipped in the
installed ``langcodes`` package (``langcodes/data/language-subtag-registry.txt``; the package is MIT, the registry is
IANA's public registry). Kept: every ``Description`` of a language whose subtag has two letters (ISO 639-1), of a
macrolanguage, of a collection (its " languages" dropped: "Mayan languages" -> "mayan"), and of the languages of
EXTRA_SUBTAGS, languages an interpreter is often called for that have three-letter codes only ("Cantonese",
"Chuukese", "Dari", "Mam", "K'iche'"); only names of one word (letters, an apostrophe or a hyphen), folded to lower
case ASCII. The result is deterministic for a given registry (its File-Date is written in the file's header).

    PYTHONPATH=src python scripts/build_language_names.py
"""

from __future__ import annotations

import re
import unicodedata
from importlib import metadata, resources
from pathlib import Path

import langcodes

OUT = Path(__file__).resolve().parent.parent / "src" / "cxrbuild" / "text" / "data" / "lists" / "languages.txt"
EXTRA_SUBTAGS = (
    "yue", "cmn", "hak", "nan", "wuu", "ilo", "ceb", "hil", "war", "pam", "bcl", "chk", "pon", "kos", "yap", "gil",
    "prs", "pbt", "ckb", "kmr", "aii", "syl", "rhg", "ctg", "mam", "quc", "kjb", "kek", "cak", "tzh", "tzo", "ctu",
    "acr", "ixl", "ksw", "tpi", "fil", "hmn", "mnk", "fuf", "kri", "pcm", "bem", "lua", "kg", "luo", "tum",
)
ONE_WORD_RE = re.compile(r"[a-z][a-z'\-]*[a-z']")


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).lower().split())


def records(text: str):
    """The registry's records: each field's values (a value continued on an indented line is joined to it)."""
    for block in text.split("%%"):
        fields: dict[str, list[str]] = {}
        key = ""
        for line in block.strip().splitlines():
            if line.startswith(" ") and key:
                fields[key][-1] += " " + line.strip()
                continue
            key, _, value = line.partition(":")
            key = key.strip()
            fields.setdefault(key, []).append(value.strip())
        yield fields


def main() -> None:
    registry = resources.files(langcodes).joinpath("data", "language-subtag-registry.txt").read_text(encoding="utf-8")
    file_date = registry.splitlines()[0].partition(":")[2].strip()
    names: set[str] = set()
    for fields in records(registry):
        if fields.get("Type") != ["language"]:
            continue
        subtag = fields["Subtag"][0]
        scope = fields.get("Scope", [""])[0]
        if not (len(subtag) == 2 or scope in {"macrolanguage", "collection"} or subtag in EXTRA_SUBTAGS):
            continue
        for description in fields.get("Description", []):
            name = fold(re.sub(r" languages$", "", description))
            if ONE_WORD_RE.fullmatch(name):
                names.add(name)
    header = (f"# English names of languages, one word each: IANA Language Subtag Registry (File-Date {file_date}) as"
              f" shipped in langcodes {metadata.version('langcodes')};"
              " built by scripts/build_language_names.py\n")
    OUT.write_text(header + "".join(name + "\n" for name in sorted(names)), encoding="utf-8", newline="\n")
    print(f"{OUT}: {len(names)} names")


if __name__ == "__main__":
    main()
