"""DICOM header de-identification (PS3.15 Annex E).

Applies the Basic Application Level Confidentiality Profile with the Retain
Longitudinal Temporal Information with Modified Dates, Retain Patient
Characteristics and Clean Descriptors options (PS3.15 E.1.1, E.3.5, E.3.6,
E.3.9), driven by the packaged copy of Table E.1-1 (:mod:`cxrbuild.dicom.annex_e`),
and writes the de-identification record of PS3.3 C.7.1.1 (Patient Identity
Removed, De-identification Method Code Sequence) plus the redaction boxes of
the pixel step (Graphic Annotation Sequence, PS3.3 C.10.5).

Everything not in the table is treated conservatively: numbers and code
strings stay, UIDs, dates and ages are handled by VR as everywhere, sequences
stay and their items go through the same rules, free text is emptied unless it
is a known image attribute, and other binary data goes (settings).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import uuid
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from importlib import resources

import yaml
from pydicom.datadict import dictionary_VR, keyword_for_tag, tag_for_keyword
from pydicom.dataelem import DataElement
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.multival import MultiValue
from pydicom.sequence import Sequence as DicomSequence
from pydicom.tag import BaseTag
from pydicom.uid import UID

from cxrbuild import __version__
from cxrbuild.dicom.annex_e import (
    ANNEX_E_REVISION,
    OPTION_COLUMNS,
    AnnexETable,
    load_annex_e,
    resolve_compound,
)
from cxrbuild.dicom.annotation import REDACTION_LAYER_DESCRIPTION
from cxrbuild.keys import keyed_uid
from cxrbuild.printed_forms import date_strings, person_name_forms

# A fixed implementation UID for cxrbuild under the UUID-derived root (PS3.5 B.2),
# derived from the project name so it never changes between releases of the code.
IMPLEMENTATION_CLASS_UID = (
    f"2.25.{uuid.uuid5(uuid.NAMESPACE_URL, 'https://cxrbuild/implementation').int}"
)
IMPLEMENTATION_VERSION_NAME = f"CXRBUILD_{__version__}"[:16]  # SH, at most 16 characters

DICOM_UID_ROOT = "1.2.840.10008."  # every UID the standard itself defines (PS3.6 Annex A)

# De-identification method codes (PS3.16 CID 7050 "De-identification Method")
DEID_CODES = {
    "113100": "Basic Application Confidentiality Profile",
    "113101": "Clean Pixel Data Option",
    "113103": "Clean Graphics Option",
    "113105": "Clean Descriptors Option",
    "113107": "Retain Longitudinal Temporal Information Modified Dates Option",
    "113108": "Retain Patient Characteristics Option",
}
# Attributes deidentify_header writes whole, whatever the source held (PS3.15 E.1.1 and the
# de-identification record, PS3.3 C.7.1.1): their values are the de-identification's own text
WRITTEN_KEYWORDS = (
    "PatientID",
    "PatientName",
    "StudyID",
    "AccessionNumber",
    "PatientBirthDate",
    "PatientIdentityRemoved",
    "LongitudinalTemporalInformationModified",
    "DeidentificationMethod",
    "DeidentificationMethodCodeSequence",
)
OPTION_CODES = {
    "clean_descriptors": "113105",
    "retain_longitudinal_modified_dates": "113107",
    "retain_patient_characteristics": "113108",
}

TEXT_VRS = frozenset({"AE", "AS", "LO", "LT", "PN", "SH", "ST", "UC", "UR", "UT"})
DATE_VRS = frozenset({"DA", "DT", "TM"})
# dummy values for the D action, valid for each VR (PS3.5 6.2) and obviously not real
DUMMY_VALUES: dict[str, object] = {
    "AE": "ANONYMOUS",
    "AS": "000Y",
    "CS": "ANONYMIZED",
    "DA": "19000101",
    "DS": "0",
    "DT": "19000101000000",
    "IS": "0",
    "LO": "ANONYMIZED",
    "LT": "ANONYMIZED",
    "PN": "ANONYMIZED",
    "SH": "ANONYMIZED",
    "ST": "ANONYMIZED",
    "TM": "000000",
    "UC": "ANONYMIZED",
    "UR": "",
    "UT": "ANONYMIZED",
}

#: (start, end) of the PHI in a descriptor's text: the report rules, when the caller hands them in
DescriptorPhi = Callable[[str], Iterable[tuple[int, int]]]

MAX_AGE_YEARS = 89  # ages above this are aggregated (HIPAA Safe Harbor 164.514(b)(2)(i)(C))
AGE_CAP_VALUE = "090Y"


@dataclass(frozen=True)
class ImageContext:
    """What the de-identifier needs to know about one image's identity in the release."""

    subject_id: str  # e.g. "10000032"
    study_id: str  # e.g. "50414267"
    dicom_id: str  # "02aa804e-bde0afdd-112c0b34-7bc16630-4e384014"
    day_shift: int  # days added to every date of this patient (any sign)
    uid_key: bytes  # key for keyed_uid()
    deny: tuple[str, ...] = ()  # extra PHI strings from the EHR row (names, MRN, accession, dates)


@dataclass(frozen=True)
class PrivateKeep:
    """One allow-listed private block: a creator and optionally some element offsets."""

    creator: str
    elements: frozenset[int] | None = None  # low byte of the element number; None = all


@dataclass(frozen=True)
class HeaderSettings:
    """Header de-identification settings; defaults in ``data/header_defaults.yaml``."""

    patient_name: str = "empty"
    options: tuple[str, ...] = OPTION_COLUMNS
    compound_actions: Mapping[str, str] = field(default_factory=dict)
    remove_comments: bool = True
    remove_tags: frozenset[int] = frozenset()
    keep_tags: frozenset[int] = frozenset()
    keep_private: tuple[PrivateKeep, ...] = ()
    unlisted_keep_vrs: frozenset[str] = frozenset()
    unlisted_keep_tags: frozenset[int] = frozenset()
    unlisted_keep_code_sequences: bool = True
    descriptor_cleaner: str = "text_rules"
    # with "text_rules": the report rules, handed in by the caller (this package does not import them)
    descriptor_phi: DescriptorPhi | None = field(default=None, compare=False, repr=False)

    @classmethod
    def from_mapping(cls, mapping: Mapping | None = None, descriptor_phi: DescriptorPhi | None = None) -> HeaderSettings:
        """Settings from a mapping (e.g. the ``header:`` part of a YAML config) over the defaults.

        ``descriptor_phi`` finds the PHI spans of a descriptor with the report
        rules; ``descriptor_cleaner: text_rules`` needs it. Raises ``ValueError``
        naming the key for anything it does not understand.
        """
        merged = dict(default_header_mapping())
        for key, value in (mapping or {}).items():
            if key not in merged:
                raise ValueError(f"header settings: unknown key {key!r}")
            if key == "unlisted":
                unlisted = dict(merged["unlisted"])
                for sub_key, sub_value in (value or {}).items():
                    if sub_key not in unlisted:
                        raise ValueError(f"header settings: unknown key 'unlisted.{sub_key}'")
                    unlisted[sub_key] = sub_value
                merged["unlisted"] = unlisted
            else:
                merged[key] = value
        patient_name = str(merged["patient_name"])
        if patient_name not in ("empty", "subject_id"):
            raise ValueError(
                f"header settings: patient_name must be 'empty' or 'subject_id', not {patient_name!r}"
            )
        options = tuple(merged["options"] or ())
        for option in options:
            if option not in OPTION_COLUMNS:
                raise ValueError(f"header settings: unknown Annex E option {option!r}")
        compound = {str(k): str(v) for k, v in (merged["compound_actions"] or {}).items()}
        for code, choice in compound.items():
            if choice not in code.split("/"):
                raise ValueError(
                    f"header settings: compound action {code} cannot resolve to {choice}"
                )
        unlisted = merged["unlisted"]
        descriptor_cleaner = str(merged["descriptor_cleaner"])
        if descriptor_cleaner not in ("text_rules", "patterns"):
            raise ValueError(
                f"header settings: descriptor_cleaner must be 'text_rules' or 'patterns', not {descriptor_cleaner!r}"
            )
        if descriptor_cleaner == "text_rules" and descriptor_phi is None:
            raise ValueError("header settings: descriptor_cleaner 'text_rules' needs the report rules passed in")
        return cls(
            patient_name=patient_name,
            options=options,
            compound_actions=compound,
            remove_comments=bool(merged["remove_comments"]),
            remove_tags=frozenset(_parse_tag_spec(s) for s in merged["remove_keywords"] or ()),
            keep_tags=frozenset(_parse_tag_spec(s) for s in merged["keep"] or ()),
            keep_private=tuple(
                _parse_private_keep(entry) for entry in merged["keep_private"] or ()
            ),
            unlisted_keep_vrs=frozenset(str(vr).upper() for vr in unlisted["keep_vrs"] or ()),
            unlisted_keep_tags=frozenset(
                _parse_tag_spec(s) for s in unlisted["keep_keywords"] or ()
            ),
            unlisted_keep_code_sequences=bool(unlisted["keep_code_sequences"]),
            descriptor_cleaner=descriptor_cleaner,
            descriptor_phi=descriptor_phi if descriptor_cleaner == "text_rules" else None,
        )


@functools.cache
def default_header_mapping() -> Mapping:
    """The packaged defaults (``data/header_defaults.yaml``) as a mapping."""
    text = (
        resources.files("cxrbuild.dicom")
        .joinpath("data", "header_defaults.yaml")
        .read_text("utf-8")
    )
    return yaml.safe_load(text)


def _parse_tag_spec(spec: object) -> int:
    """A keyword ("ImageComments") or a tag ("(0020,4000)", "00204000", "0x00204000") as an int."""
    text = str(spec).strip()
    tag = tag_for_keyword(text)
    if tag is not None:
        return int(tag)
    digits = text.strip("()").replace(",", "").replace(" ", "")
    digits = digits[2:] if digits.lower().startswith("0x") else digits
    if re.fullmatch(r"[0-9A-Fa-f]{8}", digits):
        return int(digits, 16)
    raise ValueError(f"header settings: {text!r} is neither a DICOM keyword nor a tag")


def _parse_private_keep(entry: object) -> PrivateKeep:
    if isinstance(entry, str):
        return PrivateKeep(entry.strip())
    if not isinstance(entry, Mapping) or "creator" not in entry:
        raise ValueError(f"header settings: keep_private entry {entry!r} needs a 'creator'")
    elements = entry.get("elements")
    offsets = None
    if elements is not None:
        offsets = frozenset(int(str(e), 16) & 0xFF for e in elements)
    return PrivateKeep(str(entry["creator"]).strip(), offsets)


# ---------------------------------------------------------------------------
# deny list: identifying strings of the original header, in printed forms

def age_forms(value: str) -> list[str]:
    """Printed forms of an age over 90 years (an identifier, HIPAA 164.514(b)(2)(i)(C)); none otherwise.

    Every age over 89 is released as 090Y, so an age of exactly 90 says no more
    than the released value and is not a deny term (it would flag that value).
    """
    match = re.fullmatch(r"\s*0*(\d{1,3})\s*Y?\s*", value.upper())
    if not match or int(match.group(1)) <= MAX_AGE_YEARS + 1:
        return []
    years = match.group(1)
    return [
        f"{int(years):03d}Y",
        f"{years}Y",
        f"{years} Y",
        f"{years} y",
        f"{years}yo",
        f"{years} yo",
        f"{years} years",
    ]


def _text_forms(value: str) -> list[str]:
    """A free-text identifier and its comma/line separated parts (addresses, lists).

    Parts shorter than three characters (a state code, a unit letter) identify
    no one and would match ordinary words, so only the whole value keeps them.
    """
    value = value.strip()
    forms = [value]
    parts = [p.strip() for p in re.split(r"[,;\r\n]+|\^", value) if p.strip()]
    if len(parts) > 1:
        forms += [p for p in parts if len(p) >= 3]
    return [f for f in dict.fromkeys(forms) if len(f) >= 2]


def _element_strings(elem: DataElement) -> list[str]:
    value = elem.value
    if value is None or isinstance(value, bytes | bytearray):
        return []
    values = value if isinstance(value, MultiValue | list | tuple) else [value]
    return [str(v) for v in values if v is not None and str(v).strip()]


def deny_list_from_header(
    ds: Dataset, table: AnnexETable | None = None, keep_tags: frozenset[int] = frozenset()
) -> list[str]:
    """PHI strings of the ORIGINAL header, in printed forms, for the pixel and text deny-lists.

    Collected from every level of the dataset: every value the Basic Profile
    removes or replaces (names in all their orders, IDs, accession numbers,
    institution, addresses...), every date in its printed forms (a date burned
    into pixels cannot be shifted, so even dates the header keeps shifted are
    listed), and person names in private elements. Attributes a hospital
    allow-lists (``keep_tags``) are not identifiers by its decision and are not
    listed. Longest strings first.
    """
    table = table or load_annex_e()
    found: list[str] = []

    def visit(dataset: Dataset) -> None:
        for elem in _iter_elements(dataset):
            vr = elem.VR
            if vr == "SQ":
                for item in elem.value or ():
                    visit(item)
                continue
            strings = _element_strings(elem)
            if not strings or int(elem.tag) in keep_tags:
                continue
            if vr in ("DA", "DT"):
                for s in strings:
                    found.extend(date_strings(s[:8]))
                continue
            if vr == "PN":
                for s in strings:
                    found.extend(person_name_forms(s))
                continue
            if vr == "AS":
                for s in strings:
                    found.extend(age_forms(s))
                continue
            if elem.tag.is_private or vr not in TEXT_VRS:
                continue
            row = table.lookup(elem.tag)
            if row is None or row.basic_profile in ("K", "C", "U"):
                continue
            # an option may keep it (e.g. clean descriptors): then it is cleaned, not a deny term
            if row.action(OPTION_COLUMNS) in ("K", "C"):
                continue
            for s in strings:
                found.extend(_text_forms(s))

    visit(ds)
    unique = [s for s in dict.fromkeys(x.strip() for x in found) if len(s) >= 2]
    return sorted(unique, key=lambda s: (-len(s), s))


def _iter_elements(dataset: Dataset) -> Iterable[DataElement]:
    """Every element of one dataset level; an element pydicom cannot decode yields nothing."""
    for tag in list(dataset.keys()):
        try:
            yield dataset[tag]
        except Exception:  # undecodable value: the caller treats it as absent
            continue


# ---------------------------------------------------------------------------
# text cleaning (the C action of Clean Descriptors, PS3.15 E.3.5)

# phone numbers, dates printed with separators, 8-digit dates 19xx/20xx, long digit runs (IDs), e-mails
_PATTERN_DATE = r"\b\d{1,4}[-./]\d{1,2}[-./]\d{2,4}\b"
_PATTERN_DATE8 = r"\b(?:19|20)\d{2}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])\b"
_PATTERN_DIGITS = r"\b\d[\d\- ]{4,}\d\b"
_PATTERN_EMAIL = r"\b[\w.+-]+@[\w-]+\.[\w.-]+\b"
_PATTERN_PHONE = r"(?:\(\d{3}\)\s?|\b\d{3}[-. ])\d{3}[-. ]\d{4}\b"
# coded entries (PS3.3 8.8): identifiers of concepts, kept verbatim
CODED_TAGS = frozenset(
    int(tag_for_keyword(keyword))
    for keyword in (
        "CodeValue", "CodingSchemeDesignator", "CodingSchemeVersion", "LongCodeValue", "URNCodeValue",
        "ContextIdentifier", "MappingResource", "ContextGroupVersion", "ContextGroupLocalVersion",
    )
)  # fmt: skip
IDENTIFIER_PATTERNS = re.compile(
    "|".join((_PATTERN_PHONE, _PATTERN_DATE, _PATTERN_DATE8, _PATTERN_DIGITS, _PATTERN_EMAIL))
)


def _deny_regex(deny: Sequence[str]) -> re.Pattern[str] | None:
    terms = sorted({d.strip() for d in deny if d and len(d.strip()) >= 2}, key=len, reverse=True)
    if not terms:
        return None
    # whole-word, case-insensitive; whitespace inside a term matches any whitespace run
    alternatives = [r"\s+".join(re.escape(part) for part in term.split()) for term in terms]
    return re.compile(
        r"(?<![0-9A-Za-z])(?:" + "|".join(alternatives) + r")(?![0-9A-Za-z])", re.IGNORECASE
    )


def clean_text(
    value: str,
    deny_regex: re.Pattern[str] | None,
    patterns: bool = True,
    descriptor_phi: DescriptorPhi | None = None,
) -> str:
    """Remove deny-list strings and, for descriptors (``patterns``), identifier-shaped text.

    ``descriptor_phi`` (the report de-identification rules: name lists and cues
    such as "Dr." or "per", phone numbers, IDs, dates) finds what a header deny
    list cannot know, e.g. a physician named only in free text.
    """
    cleaned = deny_regex.sub(" ", value) if deny_regex is not None else value
    if patterns:
        cleaned = IDENTIFIER_PATTERNS.sub(" ", cleaned)
        if descriptor_phi is not None and re.search(r"[A-Za-z]{2}", cleaned):
            # the deny list is already applied above; the rules add what it cannot know
            for start, end in sorted(descriptor_phi(cleaned), reverse=True):
                cleaned = cleaned[:start] + " " + cleaned[end:]
    if cleaned == value:
        return value
    cleaned = re.sub(r"[ \t]{2,}", " ", cleaned)
    return cleaned.strip(" \t,;:-/^")


# ---------------------------------------------------------------------------
# dates and times (Retain Longitudinal Temporal Information with Modified Dates, E.3.6)


def shift_date(value: str, day_shift: int) -> str | None:
    """Shift a DA value by whole days; ``None`` when it cannot be parsed (the caller empties it).

    Accepts the ACR-NEMA form ``YYYY.MM.DD`` too (PS3.5 6.2 note) and writes DA.
    """
    text = value.strip()
    if not text:
        return text
    match = re.fullmatch(r"(\d{4})\.?(\d{2})\.?(\d{2})", text)
    if not match:
        return None
    try:
        day = dt.date(*(int(g) for g in match.groups())) + dt.timedelta(days=day_shift)
    except (ValueError, OverflowError):
        return None
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def shift_datetime(value: str, day_shift: int) -> str | None:
    """Shift a DT value (YYYY[MM[DD[HHMMSS[.F]]]][&ZZXX], PS3.5 6.2) by whole days.

    The time of day, fraction and UTC offset are unchanged; a value given to the
    month or year only is shifted from its first day and written at the same
    precision.
    """
    text = value.strip()
    if not text:
        return text
    match = re.fullmatch(
        r"(\d{4})(\d{2})?(\d{2})?(\d{2}(?:\d{2}(?:\d{2}(?:\.\d{1,6})?)?)?)?([+-]\d{4})?", text
    )
    if not match:
        return None
    year, month, day, clock, offset = match.groups()
    try:
        start = dt.date(int(year), int(month or 1), int(day or 1))
        shifted = start + dt.timedelta(days=day_shift)
    except (ValueError, OverflowError):
        return None
    out = f"{shifted.year:04d}"
    if month:
        out += f"{shifted.month:02d}"
    if day:
        out += f"{shifted.day:02d}"
    return out + (clock or "") + (offset or "")


def cap_age(value: str) -> str | None:
    """An AS value with ages over 89 years replaced by ``090Y``; ``None`` if unreadable."""
    match = re.fullmatch(r"\s*(\d{1,4})\s*([DWMY]?)\s*", value.upper())
    if not match:
        return None
    number, unit = int(match.group(1)), match.group(2) or "Y"
    years = {"D": number / 365.25, "W": number * 7 / 365.25, "M": number / 12, "Y": number}[unit]
    if years > MAX_AGE_YEARS:
        return AGE_CAP_VALUE
    return f"{number:03d}{unit}"


# ---------------------------------------------------------------------------
# the de-identifier


def is_well_known_uid(value: str) -> bool:
    """A UID defined by the standard (PS3.6 Annex A) or known to pydicom: never identifying."""
    return (
        value.startswith(DICOM_UID_ROOT)
        or UID(value).is_transfer_syntax
        or UID(value).name != value
    )


@dataclass
class _Walk:
    """State of one de-identification pass."""

    ctx: ImageContext
    settings: HeaderSettings
    table: AnnexETable
    deny_regex: re.Pattern[str] | None

    def map_uid(self, value: str) -> str:
        value = value.strip().rstrip("\0")
        if not value or is_well_known_uid(value):
            return value
        return keyed_uid(self.ctx.uid_key, value)


def _action_for(elem: DataElement, walk: _Walk, cleaning: bool) -> str:
    """The single action (K, C, X, Z, D, U, U*) for one element."""
    tag = elem.tag
    settings = walk.settings
    if int(tag) in settings.keep_tags:
        return "K"
    if tag.element == 0x0000 or tag.group == 0x0000:
        # group lengths are recomputed on write; command elements (PS3.7) never belong in a file
        return "X"
    if tag.group == 0x0002:  # file meta information does not belong in the dataset body
        return "X"
    if int(tag) in settings.remove_tags:
        return "X"
    if 0x6000 <= tag.group <= 0x601E or 0x5000 <= tag.group <= 0x501E:
        # overlays and curves go whole (PS3.3 C.9, retired C.10.2): planes, labels, descriptions
        return "X"
    row = walk.table.lookup(tag)
    if row is not None:
        keyword = row.keyword or keyword_for_tag(tag)
        if settings.remove_comments and keyword.endswith("Comments"):
            return "X"
        action = row.action(settings.options)
        if elem.VR == "SQ" and "Z" in action.split("/") and not elem.value:
            # an empty sequence holds nothing to remove; kept empty, a type 2 one (the
            # Acquisition Context Sequence of DX, PS3.3 C.7.6.14) keeps its IOD valid
            return "Z"
        return resolve_compound(action, elem.VR, settings.compound_actions)
    # not in Table E.1-1
    if int(tag) in settings.unlisted_keep_tags:
        return "C" if cleaning else "K"
    vr = elem.VR
    if vr in settings.unlisted_keep_vrs or vr == "UI" or vr in ("DA", "DT", "TM", "AS"):
        return "K"  # UIDs are replaced, dates shifted and ages capped by VR below
    if vr == "SQ":
        # a container: its items go through the same rules, so what identifies inside is
        # removed there; code sequences carry concepts (E.1.1 note 10) and are cleaned
        if settings.unlisted_keep_code_sequences and keyword_for_tag(tag).endswith("CodeSequence"):
            return "C"
        return "U*"
    if vr in TEXT_VRS:
        # free text the table does not know: emptied, which keeps a type 2 attribute valid
        return "Z"
    return "X"


def _private_blocks_to_keep(
    dataset: Dataset, settings: HeaderSettings
) -> dict[tuple[int, int], PrivateKeep]:
    """(group, block byte) -> allow-list entry, for private creators named in the settings."""
    if not settings.keep_private:
        return {}
    wanted = {entry.creator.upper(): entry for entry in settings.keep_private}
    blocks: dict[tuple[int, int], PrivateKeep] = {}
    for tag in list(dataset.keys()):  # Dataset iteration yields elements, not tags
        if tag.is_private and 0x0010 <= tag.element <= 0x00FF:
            creator = str(dataset[tag].value or "").strip().upper()
            if creator in wanted:
                blocks[(tag.group, tag.element)] = wanted[creator]
    return blocks


def _private_kept(tag: BaseTag, blocks: Mapping[tuple[int, int], PrivateKeep]) -> bool:
    if not blocks:
        return False
    if 0x0010 <= tag.element <= 0x00FF:
        return (tag.group, tag.element) in blocks
    entry = blocks.get((tag.group, tag.element >> 8))
    if entry is None:
        return False
    return entry.elements is None or (tag.element & 0xFF) in entry.elements


def _set_empty(elem: DataElement) -> None:
    elem.value = (
        DicomSequence()
        if elem.VR == "SQ"
        else ("" if elem.VR in TEXT_VRS | DATE_VRS | {"CS", "UI", "DS", "IS"} else None)
    )


def _apply_dates(elem: DataElement, day_shift: int) -> None:
    """Shift every value of a DA or DT element; unparseable values are emptied (fail closed)."""
    if elem.VR == "TM":
        return  # a whole-day shift leaves the time of day unchanged
    shift = shift_date if elem.VR == "DA" else shift_datetime
    values = _element_strings(elem)
    if not values:
        return
    shifted = [shift(v, day_shift) for v in values]
    if any(s is None for s in shifted):
        elem.value = ""
        return
    elem.value = shifted if len(shifted) > 1 else shifted[0]


def _clean_values(elem: DataElement, walk: _Walk, descriptor: bool) -> None:
    """Remove deny-list strings from every value of a kept string element.

    Descriptors (the C action, PS3.15 E.3.5) also lose identifier-shaped text
    (dates, long digit runs, e-mail addresses); coded values never do, since a
    code is not free text. CS and UI values are never free text (E.1.1 note 9).
    """
    if elem.VR not in TEXT_VRS or elem.VR in ("AS", "AE"):
        return
    values = _element_strings(elem)
    if not values:
        return
    patterns = descriptor and int(elem.tag) not in CODED_TAGS
    cleaned = [clean_text(v, walk.deny_regex, patterns, walk.settings.descriptor_phi) for v in values]
    if cleaned != values:
        elem.value = cleaned if len(cleaned) > 1 else cleaned[0]


def _replace_uids(elem: DataElement, walk: _Walk) -> None:
    values = _element_strings(elem)
    if not values:
        return
    mapped = [walk.map_uid(v) for v in values]
    elem.value = mapped if len(mapped) > 1 else mapped[0]


def _deidentify_level(dataset: Dataset, walk: _Walk, cleaning: bool) -> None:
    """De-identify one dataset level in place and recurse into the sequences it keeps."""
    private_blocks = _private_blocks_to_keep(dataset, walk.settings)
    for tag in list(dataset.keys()):
        try:
            elem = dataset[tag]
        except Exception:  # a value pydicom cannot decode cannot be checked: remove it
            del dataset[tag]
            continue
        if tag.is_private:
            if not _private_kept(tag, private_blocks):
                del dataset[tag]
                continue
            action = "K"
        else:
            action = _action_for(elem, walk, cleaning)
        vr = elem.VR
        if action == "X":
            del dataset[tag]
            continue
        if action == "Z":
            _set_empty(elem)
            continue
        if action == "D":
            if vr == "UI":
                elem.value = walk.map_uid(f"dummy:{tag}")
            elif vr in DUMMY_VALUES:
                elem.value = DUMMY_VALUES[vr]
            else:
                _set_empty(elem)
            continue
        # K, C, U, U*: the element stays; its content is made safe by VR
        if vr == "SQ":
            for item in elem.value or ():
                _deidentify_level(item, walk, cleaning or action == "C")
        elif vr == "UI":
            _replace_uids(elem, walk)
        elif vr in ("DA", "DT", "TM"):
            _apply_dates(elem, walk.ctx.day_shift)
        elif vr == "AS":
            ages = [cap_age(v) for v in _element_strings(elem)]
            elem.value = (
                ""
                if any(a is None for a in ages)
                else (ages if len(ages) > 1 else (ages[0] if ages else ""))
            )
        elif vr == "UN":
            # unknown VR content cannot be inspected: kept only through an explicit allow-list
            # (keep, or keep_private for a private block read without its VRs)
            if not (tag.is_private or int(tag) in walk.settings.keep_tags):
                del dataset[tag]
        else:
            _clean_values(elem, walk, descriptor=cleaning or action == "C")


def _set(ds: Dataset, keyword: str, value: object) -> None:
    tag = tag_for_keyword(keyword)
    if tag is None:  # pragma: no cover - keywords below are all in the dictionary
        raise KeyError(keyword)
    if tag in ds:
        ds[tag].value = value
    else:
        ds.add_new(tag, dictionary_VR(tag), value)


def _code_item(code: str) -> Dataset:
    item = Dataset()
    item.CodeValue = code
    item.CodingSchemeDesignator = "DCM"
    item.CodeMeaning = DEID_CODES[code]
    return item


def deidentify_header(ds: Dataset, ctx: ImageContext, settings: HeaderSettings) -> None:
    """De-identify ``ds`` in place (PS3.15 E.1.1 Basic Profile plus the configured options).

    - every attribute gets its Table E.1-1 action; private groups (unless
      allow-listed), curves (50xx), overlays (60xx) and the Original Attributes
      Sequence go; unlisted attributes stay only when safe (settings);
    - every kept DA/DT moves by ``ctx.day_shift`` days, at every level; TM values
      stay, so date+time pairs stay consistent and all intervals are exact;
    - every UID that the standard does not define becomes a keyed ``2.25.`` UID
      (the same original UID gives the same new UID in every file);
    - PatientID := subject_id, StudyID := study_id, AccessionNumber and
      PatientBirthDate emptied, PatientName empty or the subject_id, ages over 89
      become 090Y;
    - the de-identification record (PS3.3 C.7.1.1) is written, and the file
      meta information and preamble are rewritten (PS3.10 7.1).
    """
    table = load_annex_e()
    deny = list(deny_list_from_header(ds, table, settings.keep_tags)) + [d for d in ctx.deny if d]
    walk = _Walk(ctx=ctx, settings=settings, table=table, deny_regex=_deny_regex(deny))
    transfer_syntax = None
    if getattr(ds, "file_meta", None) is not None:
        transfer_syntax = ds.file_meta.get("TransferSyntaxUID")

    _deidentify_level(ds, walk, cleaning=False)

    # every attribute of WRITTEN_KEYWORDS is set below
    _set(ds, "PatientID", ctx.subject_id)
    _set(ds, "PatientName", ctx.subject_id if settings.patient_name == "subject_id" else "")
    _set(ds, "StudyID", ctx.study_id)
    _set(ds, "AccessionNumber", "")
    _set(ds, "PatientBirthDate", "")
    _set(ds, "PatientIdentityRemoved", "YES")
    if "retain_longitudinal_modified_dates" in settings.options:
        _set(ds, "LongitudinalTemporalInformationModified", "MODIFIED")
    else:
        _set(ds, "LongitudinalTemporalInformationModified", "REMOVED")
    codes = ["113100"] + [OPTION_CODES[o] for o in OPTION_COLUMNS if o in settings.options]
    _set(
        ds,
        "DeidentificationMethod",
        [f"cxrbuild {__version__}", f"PS3.15 {ANNEX_E_REVISION} Annex E"],
    )
    _set(
        ds,
        "DeidentificationMethodCodeSequence",
        DicomSequence([_code_item(c) for c in sorted(codes)]),
    )
    _rewrite_file_meta(ds, transfer_syntax)


def _rewrite_file_meta(ds: Dataset, transfer_syntax: str | None) -> None:
    """New File Meta Information (PS3.10 7.1): cxrbuild as implementation, no source AE title."""
    meta = FileMetaDataset()
    meta.FileMetaInformationVersion = b"\x00\x01"
    if "SOPClassUID" in ds:
        meta.MediaStorageSOPClassUID = ds.SOPClassUID
    if "SOPInstanceUID" in ds:
        meta.MediaStorageSOPInstanceUID = ds.SOPInstanceUID
    if transfer_syntax:
        meta.TransferSyntaxUID = transfer_syntax
    meta.ImplementationClassUID = IMPLEMENTATION_CLASS_UID
    meta.ImplementationVersionName = IMPLEMENTATION_VERSION_NAME
    ds.file_meta = meta
    ds.preamble = b"\x00" * 128


def mark_pixels_cleaned(ds: Dataset) -> None:
    """Burned In Annotation NO and the Clean Pixel Data / Clean Graphics codes (PS3.3 C.7.6.1.1.7, C.7.1.1)."""
    ds.BurnedInAnnotation = "NO"
    sequence = ds.get("DeidentificationMethodCodeSequence")
    if sequence is None:
        sequence = DicomSequence()
        ds.DeidentificationMethodCodeSequence = sequence
    present = {item.get("CodeValue") for item in sequence}
    for code in ("113101", "113103"):
        if code not in present:
            sequence.append(_code_item(code))
    ordered = sorted(sequence, key=lambda item: str(item.get("CodeValue")))
    ds.DeidentificationMethodCodeSequence = DicomSequence(ordered)


# exported for the pipeline's final leak check
def remaining_text_values(
    ds: Dataset, skip: Iterable[int] = ()
) -> Iterable[tuple[BaseTag, str]]:
    """Every string value left in the dataset (all levels), with its tag; ``skip``: top-level tags left out."""
    skipped = set(skip)
    for elem in _iter_elements(ds):
        if int(elem.tag) in skipped:
            continue
        if elem.VR == "SQ":
            for item in elem.value or ():
                yield from remaining_text_values(item)
        elif elem.VR in TEXT_VRS or elem.VR in ("DA", "DT"):
            for value in _element_strings(elem):
                yield elem.tag, value


# values the de-identification writes elsewhere: dummies (the D action) and the redaction layer
WRITTEN_TEXTS = frozenset({*(str(v) for v in DUMMY_VALUES.values()), REDACTION_LAYER_DESCRIPTION})


def find_header_leaks(ds: Dataset, deny: Sequence[str]) -> list[str]:
    """Tags whose remaining value still contains a deny-list string (whole word, any case).

    ``deny`` holds the source's own identifiers and the EHR's. Only what the
    source could have carried into the output is compared with them, never
    what the de-identification wrote itself (:data:`WRITTEN_KEYWORDS`,
    :data:`WRITTEN_TEXTS`): a placeholder name such as ``Patient^Anonymous``
    is no leak because a method's code meaning reads "Retain Patient
    Characteristics Option".
    """
    regex = _deny_regex(deny)
    if regex is None:
        return []
    written_tags = {tag_for_keyword(keyword) for keyword in WRITTEN_KEYWORDS}
    hits = []
    for tag, value in remaining_text_values(ds, skip=written_tags):
        if value in WRITTEN_TEXTS:
            continue
        if regex.search(value):
            hits.append(f"({tag.group:04X},{tag.element:04X})")
    return list(dict.fromkeys(hits))
