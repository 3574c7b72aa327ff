"""The printed forms of identifiers: how a date, a name or a number is written.

One home for them, so the deny lists the cleaning steps search for (the
cohort's per-patient lists, the DICOM header's own identifiers) and the audit
that looks for leaks in the release search for the same forms.

Each date form has a strength, for the audit: forms with a four-digit year are
strong (a release's dates are shifted into the index years, so an original
date never prints as a shifted one), forms with a two-digit year medium (a
shifted date can print the same), six bare digits (YYMMDD) weak. The cleaning
steps use the strong and medium forms.
"""

from __future__ import annotations

import datetime as dt
import re

STRONG, MEDIUM, WEAK = "strong", "medium", "weak"
MONTHS = (
    "January", "February", "March", "April", "May", "June", "July",
    "August", "September", "October", "November", "December",
)  # fmt: skip
DATE_SEPARATORS = ("-", "/", ".")
_ISO_OR_DA = re.compile(r"\s*(\d{4})[-./]?(\d{2})[-./]?(\d{2})")
_NAME_SPLIT = re.compile(r"[\s,\-']+")


def parse_date(value: object) -> dt.date | None:
    """A date from a date, a datetime (pandas' too) or a string that starts ISO (YYYY-MM-DD) or DICOM DA."""
    if value is None or value != value:  # a missing cell: None, NaN, NaT
        return None
    if isinstance(value, dt.datetime):  # pandas' Timestamp too
        return value.date()
    if isinstance(value, dt.date):
        return value
    match = _ISO_OR_DA.match(str(value))
    if not match:
        return None
    try:
        return dt.date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None


def date_forms(day: dt.date) -> list[tuple[str, str]]:
    """(printed, strength) of the usual written forms of a date, strongest first."""
    y, m, d = day.year, day.month, day.day
    month = MONTHS[m - 1]
    abbr = month[:3]
    yy = f"{y % 100:02d}"
    suffix = "th" if 11 <= d <= 13 else {1: "st", 2: "nd", 3: "rd"}.get(d % 10, "th")
    strong = [f"{y:04d}{m:02d}{d:02d}", f"{m:02d}{d:02d}{y:04d}", f"{d:02d}{m:02d}{y:04d}"]  # DA: PS3.5 6.2
    for sep in DATE_SEPARATORS:
        strong += [f"{y:04d}{sep}{m:02d}{sep}{d:02d}", f"{y:04d}{sep}{m}{sep}{d}",
                   f"{m:02d}{sep}{d:02d}{sep}{y:04d}", f"{m}{sep}{d}{sep}{y:04d}",
                   f"{d:02d}{sep}{m:02d}{sep}{y:04d}", f"{d}{sep}{m}{sep}{y:04d}"]  # fmt: skip
    months = [month, abbr] + (["Sept"] if month == "September" else [])
    for name in months:
        strong += [f"{name} {d}, {y}", f"{name} {d:02d}, {y}", f"{name} {d} {y}", f"{name} {d:02d} {y}",
                   f"{d} {name} {y}", f"{d:02d} {name} {y}"]  # fmt: skip
    strong += [f"{month} {d}{suffix}, {y}", f"{d}{suffix} {month} {y}", f"{d:02d}-{abbr}-{y}", f"{d}-{abbr}-{y}",
               f"{d:02d}{abbr.upper()}{y}"]  # fmt: skip
    medium = []
    for sep in DATE_SEPARATORS:
        medium += [f"{m:02d}{sep}{d:02d}{sep}{yy}", f"{m}{sep}{d}{sep}{yy}",
                   f"{d:02d}{sep}{m:02d}{sep}{yy}", f"{d}{sep}{m}{sep}{yy}"]  # fmt: skip
    # six bare digits are as often a serial or an exposure value as a date
    weak = [f"{yy}{m:02d}{d:02d}"]
    forms = [(p, STRONG) for p in strong] + [(p, MEDIUM) for p in medium] + [(p, WEAK) for p in weak]
    seen: set[str] = set()
    return [(p, s) for p, s in forms if not (p in seen or seen.add(p))]


def date_strings(value: object) -> list[str]:
    """The strong and medium printed forms of a date, for a deny list; none when ``value`` is no date."""
    day = parse_date(value)
    if day is None:
        return []
    return [printed for printed, strength in date_forms(day) if strength != WEAK]


def name_parts(*names: object) -> list[str]:
    """Whole names and their parts of two or more letters (``Mary-Ann`` -> Mary-Ann, Mary, Ann), sorted."""
    parts: set[str] = set()
    for name in names:
        if name is None or isinstance(name, float):  # a missing cell
            continue
        text = str(name).strip()
        if len(text) >= 2:
            parts.add(text)
        parts.update(p for p in _NAME_SPLIT.split(text) if len(p) >= 2)
    return sorted(parts)


def person_name_forms(value: str) -> list[str]:
    """Printed forms of a DICOM PN value: each component and the usual orderings (PS3.5 6.2.1)."""
    forms: list[str] = []
    for group in str(value).split("="):  # alphabetic, ideographic, phonetic groups
        parts = [p.strip() for p in group.split("^")]
        parts += [""] * (5 - len(parts))
        # prefixes and suffixes (Dr, Mr, Jr, III) identify no one and would match common words
        family, given, middle = parts[:3]
        for component in (family, given, middle):
            forms.append(component)
            forms.extend(component.replace(",", " ").split())
        if family and given:
            forms += [f"{given} {family}", f"{family} {given}", f"{family}, {given}", f"{family},{given}",
                      f"{family}^{given}"]  # fmt: skip
            if middle:
                forms += [f"{given} {middle} {family}", f"{family} {given} {middle}",
                          f"{family}, {given} {middle}"]  # fmt: skip
        if "^" not in group and group.strip():
            forms.append(group.strip())
    return [f for f in dict.fromkeys(forms) if len(f) >= 2]


def number_digits(value: str, min_digits: int = 7) -> str | None:
    """The digits of a phone or social security number written with separators, if there are enough of them."""
    digits = re.sub(r"\D", "", value)
    return digits if len(digits) >= min_digits and digits != value else None
