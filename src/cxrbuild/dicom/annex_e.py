"""The DICOM PS3.15 Annex E attribute confidentiality table, as data.

``data/annex_e_2024c.csv`` is a machine-readable copy of PS3.15 (revision
2024c) Table E.1-1 "Application Level Confidentiality Profile Attributes":
one row per attribute (or attribute pattern), with the Basic Profile action
and the actions of the three options cxrbuild applies:

- Retain Patient Characteristics Option (PS3.15 E.3.9),
- Retain Longitudinal Temporal Information with Modified Dates Option
  (PS3.15 E.3.6),
- Clean Descriptors Option (PS3.15 E.3.5).

Action codes (PS3.15 Table E.1-1 legend): D dummy value, Z zero length,
X remove, K keep, C clean, U replace UID; compound codes such as ``X/Z``,
``X/Z/D`` or ``X/Z/U*`` leave the choice to the de-identifier depending on the
attribute's type in the IOD (see :func:`resolve_compound`).
"""

from __future__ import annotations

import csv
import functools
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from importlib import resources

from pydicom.tag import BaseTag, Tag

ANNEX_E_REVISION = "2024c"
ANNEX_E_FILE = f"annex_e_{ANNEX_E_REVISION}.csv"

# the option columns of the CSV, in the order their actions take precedence
OPTION_COLUMNS = (
    "retain_patient_characteristics",
    "retain_longitudinal_modified_dates",
    "clean_descriptors",
)
SIMPLE_ACTIONS = frozenset({"D", "Z", "X", "K", "C", "U"})


@dataclass(frozen=True)
class AnnexERow:
    """One row of Table E.1-1."""

    tag: str  # as printed in the standard: "(0008,0050)", "(60xx,3000)", "(gggg,eeee)"
    name: str
    keyword: str
    basic_profile: str
    options: Mapping[str, str]

    def action(self, options: Iterable[str]) -> str:
        """The action with the given options applied (an option's action replaces the basic one).

        Options that retain information (K) win over cleaning (C), which wins over the
        basic action, so enabling more options never removes more.
        """
        chosen = [self.options[name] for name in options if self.options.get(name)]
        for preferred in ("K", "C"):
            if preferred in chosen:
                return preferred
        return chosen[0] if chosen else self.basic_profile


@dataclass(frozen=True)
class AnnexETable:
    """Table E.1-1 indexed for lookup by tag."""

    rows: tuple[AnnexERow, ...]
    by_tag: Mapping[int, AnnexERow]
    overlay_rows: Mapping[int, AnnexERow]  # element number within a 60xx group -> row
    curve_row: AnnexERow | None
    private_row: AnnexERow | None

    def lookup(self, tag: int | BaseTag) -> AnnexERow | None:
        """The row governing ``tag``: exact tag, repeating group (50xx, 60xx) or private."""
        tag = Tag(tag)
        row = self.by_tag.get(int(tag))
        if row is not None:
            return row
        group = tag.group
        if 0x5000 <= group <= 0x501E and group % 2 == 0:
            return self.curve_row
        if 0x6000 <= group <= 0x601E and group % 2 == 0:
            return self.overlay_rows.get(tag.element)
        if tag.is_private:
            return self.private_row
        return None


def _parse_tag(text: str) -> tuple[str, str]:
    inner = text.strip().strip("()")
    group, element = (part.strip().lower() for part in inner.split(","))
    return group, element


def parse_annex_e(lines: Iterable[str]) -> AnnexETable:
    """Build an :class:`AnnexETable` from the CSV text (header line included)."""
    reader = csv.DictReader(lines)
    missing = {"tag", "name", "keyword", "basic_profile", *OPTION_COLUMNS} - set(
        reader.fieldnames or ()
    )
    if missing:
        raise ValueError(f"Annex E table lacks columns: {', '.join(sorted(missing))}")
    rows: list[AnnexERow] = []
    by_tag: dict[int, AnnexERow] = {}
    overlay_rows: dict[int, AnnexERow] = {}
    curve_row = private_row = None
    for record in reader:
        row = AnnexERow(
            tag=record["tag"],
            name=record["name"],
            keyword=record["keyword"],
            basic_profile=record["basic_profile"].strip(),
            options={name: (record.get(name) or "").strip() for name in OPTION_COLUMNS},
        )
        for action in (row.basic_profile, *row.options.values()):
            if action and not set(action.replace("*", "").split("/")) <= SIMPLE_ACTIONS:
                raise ValueError(f"Annex E row {row.tag}: unknown action {action!r}")
        rows.append(row)
        group, element = _parse_tag(row.tag)
        if group == "gggg":
            private_row = row
        elif group == "50xx":
            curve_row = row
        elif group == "60xx":
            overlay_rows[int(element, 16)] = row
        else:
            by_tag[int(group + element, 16)] = row
    return AnnexETable(tuple(rows), by_tag, overlay_rows, curve_row, private_row)


@functools.cache
def load_annex_e() -> AnnexETable:
    """The packaged Table E.1-1 (read once per process)."""
    text = resources.files("cxrbuild.dicom").joinpath("data", ANNEX_E_FILE).read_text("utf-8")
    return parse_annex_e(text.splitlines())


def resolve_compound(action: str, vr: str, choices: Mapping[str, str]) -> str:
    """Pick one simple action from a compound Annex E action such as ``X/Z/D``.

    The standard lets the choice follow the attribute's type in the IOD (PS3.15
    E.1.1: X for type 3, Z for type 2, D for type 1). The instance alone does
    not tell which IOD module a nested attribute came from, so the choice is
    configured per compound code (``choices``, from the header settings) for
    values; a sequence is removed whenever X is allowed (an emptied type 3
    sequence is invalid, and a "dummy" code sequence could still carry the
    original code meaning, PS3.15 E.1.1 note 13), or kept with its UIDs
    replaced when the choice for its code is U*.
    """
    if "/" not in action:
        return "X" if vr == "SQ" and action == "D" else action
    if vr == "SQ":
        # an empty sequence is invalid where the IOD makes it optional (type 3 needs items,
        # PS3.5 7.5.3) and a dummy one could keep a code meaning: remove when allowed
        codes = action.split("/")
        if "U*" in codes and choices.get(action) == "U*":
            return "U*"
        return "X" if "X" in codes else ("Z" if "Z" in codes else "X")
    return choices.get(action) or action.split("/")[0]
