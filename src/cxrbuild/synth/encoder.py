"""A small, fast DICOM Part 10 writer for the generator's flat datasets.

The demo PACS of a full-scale hospital holds ~377,000 files; building a
pydicom Dataset for each and writing it through pydicom costs several
milliseconds per file. The generator's datasets are simple (strings,
unsigned shorts, byte blobs, sequences with defined lengths), so they are
kept as ``{tag: (VR, value)}`` dicts and encoded here directly:

- PS3.10 7.1: 128-byte preamble, ``DICM``, File Meta Information group 0002
  in Explicit VR Little Endian with its group length (0002,0000).
- PS3.5 7.1.2 / 7.1.3: data elements in Explicit or Implicit VR Little Endian
  (4-byte lengths for OB, OW, SQ, UT, UN, UC, UR, ...; 2-byte otherwise).
- PS3.5 6.2 / 7.5: values padded to even length (UI with NUL, text with space);
  sequences and items with explicit lengths.
- PS3.5 A.4: encapsulated pixel data with an empty Basic Offset Table and a
  sequence delimiter, for the compressed transfer syntaxes.

Everything written here is read back with pydicom by the tests.
"""

from __future__ import annotations

import struct
from collections.abc import Callable

from pydicom.datadict import dictionary_VR, tag_for_keyword
from pydicom.encaps import encapsulate
from pydicom.uid import ExplicitVRLittleEndian, ImplicitVRLittleEndian

LONG_LENGTH_VRS = frozenset({"OB", "OD", "OF", "OL", "OV", "OW", "SQ", "SV", "UC", "UN", "UR", "UT", "UV"})
BINARY_VRS = frozenset({"OB", "OW", "OD", "OF", "OL", "OV", "UN"})
NUMBER_FORMATS = {"US": "<H", "SS": "<h", "UL": "<I", "SL": "<i", "FL": "<f", "FD": "<d"}
UNDEFINED_LENGTH = 0xFFFFFFFF


class Elements(dict):
    """A dataset as ``{tag: (VR, value)}``; sequences hold lists of Elements.

    ``on_phi`` is called as ``on_phi(tag_path, keyword, value, kind)`` for
    every value set with a ``kind``, so the truth records exactly what went
    into the header and where.
    """

    def __init__(self, on_phi: Callable[[str, str, str, str], None] | None = None, path: str = "") -> None:
        super().__init__()
        self.on_phi = on_phi
        self.path = path

    def put(self, keyword: str, value: object, kind: str | None = None) -> None:
        tag = _tag(keyword)
        self[tag] = (_vr(keyword), value)
        if kind is not None and self.on_phi is not None and value not in (None, ""):
            self.on_phi(f"{self.path}{tag:08X}", keyword, str(value), kind)

    def put_tag(self, tag: int, vr: str, value: object, kind: str | None = None, keyword: str = "") -> None:
        self[tag] = (vr, value)
        if kind is not None and self.on_phi is not None and value not in (None, ""):
            self.on_phi(f"{self.path}{tag:08X}", keyword, str(value), kind)

    def item(self, keyword_or_tag: str | int, index: int) -> Elements:
        """A new sequence item whose PHI paths are nested under the sequence."""
        tag = keyword_or_tag if isinstance(keyword_or_tag, int) else _tag(keyword_or_tag)
        return Elements(self.on_phi, f"{self.path}{tag:08X}[{index}].")


_KEYWORD_CACHE: dict[str, tuple[int, str]] = {}


def _lookup(keyword: str) -> tuple[int, str]:
    found = _KEYWORD_CACHE.get(keyword)
    if found is None:
        tag = tag_for_keyword(keyword)
        if tag is None:
            raise KeyError(f"unknown DICOM keyword {keyword}")
        vr = dictionary_VR(tag)
        if vr == "US or SS":
            vr = "US"
        elif vr == "OB or OW":
            vr = "OW"
        found = _KEYWORD_CACHE[keyword] = (tag, vr)
    return found


def _tag(keyword: str) -> int:
    return _lookup(keyword)[0]


def _vr(keyword: str) -> str:
    return _lookup(keyword)[1]


def _value_bytes(vr: str, value: object, explicit: bool) -> bytes:
    if vr == "SQ":
        return b"".join(_item_bytes(item, explicit) for item in value)  # type: ignore[union-attr]
    if vr in NUMBER_FORMATS:
        values = value if isinstance(value, list | tuple) else [value]
        return struct.pack("<" + NUMBER_FORMATS[vr][1] * len(values), *values)
    if vr in BINARY_VRS:
        data = bytes(value)  # type: ignore[arg-type]
        return data + b"\0" if len(data) % 2 else data
    text = "\\".join(str(v) for v in value) if isinstance(value, list | tuple) else str(value)
    data = text.encode("latin-1")
    if len(data) % 2:
        data += b"\0" if vr == "UI" else b" "
    return data


def _item_bytes(item: Elements, explicit: bool) -> bytes:
    body = encode_elements(item, explicit)
    return struct.pack("<HHI", 0xFFFE, 0xE000, len(body)) + body


def _element_header(tag: int, vr: str, length: int, explicit: bool) -> bytes:
    group, element = tag >> 16, tag & 0xFFFF
    if not explicit:
        return struct.pack("<HHI", group, element, length)
    if vr in LONG_LENGTH_VRS:
        return struct.pack("<HH2sHI", group, element, vr.encode(), 0, length)
    return struct.pack("<HH2sH", group, element, vr.encode(), length)


def encode_elements(elements: dict[int, tuple[str, object]], explicit: bool) -> bytes:
    """Elements in ascending tag order (PS3.5 7.1)."""
    out = []
    for tag in sorted(elements):
        vr, value = elements[tag]
        if vr == "OB" and isinstance(value, EncapsulatedPixels):
            out.append(_element_header(tag, vr, UNDEFINED_LENGTH, explicit) + value.data)
            continue
        data = _value_bytes(vr, value, explicit)
        out.append(_element_header(tag, vr, len(data), explicit) + data)
    return b"".join(out)


class EncapsulatedPixels:
    """Compressed frames, written as an undefined-length (7FE0,0010) (PS3.5 A.4)."""

    def __init__(self, frames: list[bytes]) -> None:
        self.data = encapsulate(frames, has_bot=True) + struct.pack("<HHI", 0xFFFE, 0xE0DD, 0)


def part10_bytes(
    dataset: Elements,
    sop_class_uid: str,
    sop_instance_uid: str,
    transfer_syntax: str,
    implementation_class_uid: str,
    implementation_version: str,
) -> bytes:
    """A complete DICOM file: preamble, File Meta Information, dataset (PS3.10 7.1)."""
    meta = Elements()
    meta.put("FileMetaInformationVersion", b"\x00\x01")
    meta.put("MediaStorageSOPClassUID", sop_class_uid)
    meta.put("MediaStorageSOPInstanceUID", sop_instance_uid)
    meta.put("TransferSyntaxUID", transfer_syntax)
    meta.put("ImplementationClassUID", implementation_class_uid)
    meta.put("ImplementationVersionName", implementation_version)
    meta_bytes = encode_elements(meta, explicit=True)
    group_length = _element_header(0x00020000, "UL", 4, True) + struct.pack("<I", len(meta_bytes))
    explicit = transfer_syntax != ImplicitVRLittleEndian
    return b"\0" * 128 + b"DICM" + group_length + meta_bytes + encode_elements(dataset, explicit)


__all__ = [
    "Elements",
    "EncapsulatedPixels",
    "ExplicitVRLittleEndian",
    "ImplicitVRLittleEndian",
    "encode_elements",
    "part10_bytes",
]
