"""Reading DICOM files from a PACS export, and the reasons a file is not released.

A PACS export holds everything: images in any transfer syntax, structured
reports and presentation states, DICOMDIRs, truncated copies, log files and
thumbnails. :func:`read_image` reads one file and either returns the dataset
of an image that can go through de-identification or raises
:class:`Quarantine` with a one-line reason whose first word is the reason
class (``not_dicom``, ``truncated``, ``no_pixel_data`` ...).

pydicom reads damaged files leniently (a value cut short by the end of the
file is returned short, a missing sequence delimiter is only a warning), so
the byte structure is checked separately by :func:`check_structure`, which
walks the data elements of PS3.5 section 7 without decoding values.
"""

from __future__ import annotations

import os
import re
import struct
import warnings
import zlib
from dataclasses import dataclass
from pathlib import Path

import pydicom
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.uid import (
    UID,
    DeflatedExplicitVRLittleEndian,
    ExplicitVRBigEndian,
    ExplicitVRLittleEndian,
    ImplicitVRLittleEndian,
    JPEG2000TransferSyntaxes,
    JPEGLSTransferSyntaxes,
    JPEGTransferSyntaxes,
    RLETransferSyntaxes,
)

# Reason classes, the first word of every quarantine reason (one line, no PHI).
NOT_DICOM = "not_dicom"
TRUNCATED = "truncated"
UNREADABLE = "unreadable"
NO_PIXEL_DATA = "no_pixel_data"
NOT_AN_IMAGE = "not_an_image"
UNSUPPORTED_TRANSFER_SYNTAX = "unsupported_transfer_syntax"
MODALITY_NOT_ALLOWED = "modality_not_allowed"
DUPLICATE = "duplicate"
BURNED_IN_ANNOTATION = "burned_in_annotation"
EMBEDDED_OVERLAY = "embedded_overlay"
PIXEL_DEID_FAILED = "pixel_deid_failed"
PIXEL_TEXT_REMAINS = "pixel_text_remains"
HEADER_LEAK = "header_leak"
NO_CONTEXT = "no_context"
SYMLINK = "symlink"
ERROR = "error"

PIXEL_DATA_TAGS = (
    0x7FE00010,
    0x7FE00008,
    0x7FE00009,
)  # Pixel Data, Float / Double Float Pixel Data

# Transfer syntaxes whose pixel data cxrbuild can carry through unchanged or
# decode for the pixel step (PS3.5 Annex A, 10). Video (MPEG, HEVC), JPIP
# (pixel data not in the file) and private syntaxes are quarantined.
SUPPORTED_TRANSFER_SYNTAXES = frozenset(
    {
        ImplicitVRLittleEndian,
        ExplicitVRLittleEndian,
        ExplicitVRBigEndian,
        DeflatedExplicitVRLittleEndian,
        *RLETransferSyntaxes,
        *JPEGTransferSyntaxes,
        *JPEGLSTransferSyntaxes,
        *JPEG2000TransferSyntaxes,
        # High-Throughput JPEG 2000 (PS3.5 A.4.11)
        "1.2.840.10008.1.2.4.201",
        "1.2.840.10008.1.2.4.202",
        "1.2.840.10008.1.2.4.203",
    }
)


# What would be needed to clean (or release) a file held back for each reason class;
# a reason ends with it unless the caller names something more precise.
NEEDS = {
    NOT_DICOM: "a DICOM export of the file",
    TRUNCATED: "a complete copy of the file from the PACS",
    UNREADABLE: "a copy whose data set and Image Pixel module are complete",
    NO_PIXEL_DATA: "a copy with its Pixel Data",
    NOT_AN_IMAGE: "an image object (only images are released)",
    UNSUPPORTED_TRANSFER_SYNTAX: "a decoder for this transfer syntax, or a copy in another one",
    MODALITY_NOT_ALLOWED: "the modality added to images.settings.modalities",
    DUPLICATE: "nothing: the first copy of this SOP Instance is released",
    BURNED_IN_ANNOTATION: "pixel de-identification turned on",
    EMBEDDED_OVERLAY: "a cleaner for overlays kept in the unused bits of Pixel Data",
    PIXEL_DEID_FAILED: "pixel data a supported decoder reads",
    PIXEL_TEXT_REMAINS: "a manual redaction of the text still readable",
    HEADER_LEAK: "those attributes removed by the header settings (remove_keywords)",
    NO_CONTEXT: "a line for this file in the context file",
    SYMLINK: "the file itself in the input folder (links are never followed)",
    ERROR: "a fix of the failure named here",
}


def reason_text(reason_class: str, detail: str, needs: str | None = None) -> str:
    """The one-line reason of a quarantine: ``class: detail; needs what would clean the file``."""
    detail = " ".join(str(detail).split())
    needs = " ".join(str(needs or NEEDS.get(reason_class, "")).split())
    if needs and "; needs " not in detail:
        detail = f"{detail}; needs {needs}" if detail else f"needs {needs}"
    return f"{reason_class}: {detail}" if detail else reason_class


class Quarantine(Exception):
    """A file that is not released; ``str()`` is the one-line reason, starting with its class
    and ending with what would be needed to clean the file (:func:`reason_text`)."""

    def __init__(self, reason_class: str, detail: str, needs: str | None = None) -> None:
        self.reason_class = reason_class
        self.detail = " ".join(str(detail).split())  # one line
        super().__init__(reason_text(reason_class, self.detail, needs))


# ---------------------------------------------------------------------------
# byte structure (PS3.5 7.1 data elements, 7.5 sequences, A.4 encapsulation)

# VRs with a 2-byte reserved field and a 4-byte length in explicit VR (PS3.5 Table 7.1-1)
_LONG_VRS = frozenset(
    {b"OB", b"OD", b"OF", b"OL", b"OV", b"OW", b"SQ", b"UC", b"UN", b"UR", b"UT", b"SV", b"UV"}
)
_UNDEFINED = 0xFFFFFFFF
_ITEM, _ITEM_END, _SEQ_END = 0xFFFEE000, 0xFFFEE00D, 0xFFFEE0DD
_MAX_DEPTH = 64


class StructureError(Exception):
    """The byte stream ends early or is not a sequence of well-formed data elements."""


def _tag_at(buf: memoryview, pos: int, little: bool) -> int:
    group, element = struct.unpack_from("<HH" if little else ">HH", buf, pos)
    return (group << 16) | element


def _walk_items(
    buf: memoryview, pos: int, end: int, explicit: bool, little: bool, depth: int
) -> int:
    """Walk the items of an undefined-length sequence (or encapsulated pixel data) up to its delimiter."""
    fmt = "<I" if little else ">I"
    while True:
        if pos + 8 > end:
            raise StructureError("sequence delimiter missing before end of file")
        tag = _tag_at(buf, pos, little)
        (length,) = struct.unpack_from(fmt, buf, pos + 4)
        pos += 8
        if tag == _SEQ_END:
            return pos
        if tag != _ITEM:
            raise StructureError(
                f"expected an item tag, found ({tag >> 16:04X},{tag & 0xFFFF:04X})"
            )
        if length == _UNDEFINED:
            pos = _walk_dataset(buf, pos, end, explicit, little, depth + 1, until_item_end=True)
        else:
            if pos + length > end:
                raise StructureError("item runs past end of file")
            pos += length


def _walk_dataset(
    buf: memoryview,
    pos: int,
    end: int,
    explicit: bool,
    little: bool,
    depth: int,
    until_item_end: bool = False,
) -> int:
    """Walk data elements from ``pos``; returns the position after the last one (or the item delimiter)."""
    if depth > _MAX_DEPTH:
        raise StructureError("sequences nested too deeply")
    fmt2, fmt4 = ("<H", "<I") if little else (">H", ">I")
    while pos < end:
        if pos + 8 > end:
            raise StructureError(f"file ends inside a data element header ({end - pos} bytes left)")
        tag = _tag_at(buf, pos, little)
        if tag == _ITEM_END:
            return pos + 8
        if tag == _SEQ_END and not any(buf[pos + 4 : pos + 8]):
            # a stray empty sequence delimiter (some writers add one after encapsulated
            # Pixel Data) ends nothing: pydicom reads past it, and so does this walk
            pos += 8
            continue
        if tag in (_ITEM, _SEQ_END):
            raise StructureError("unexpected item or sequence delimiter")
        vr = bytes(buf[pos + 4 : pos + 6])
        if explicit and tag >> 16 != 0xFFFE:
            if not re.fullmatch(rb"[A-Z]{2}", vr):
                raise StructureError(f"invalid VR at ({tag >> 16:04X},{tag & 0xFFFF:04X})")
            if vr in _LONG_VRS:
                if pos + 12 > end:
                    raise StructureError("file ends inside a data element header")
                (length,) = struct.unpack_from(fmt4, buf, pos + 8)
                pos += 12
            else:
                (length,) = struct.unpack_from(fmt2, buf, pos + 6)
                pos += 8
        else:
            (length,) = struct.unpack_from(fmt4, buf, pos + 4)
            pos += 8
        if length == _UNDEFINED:
            # an undefined-length UN holds implicit VR little endian content (PS3.5 6.2.2)
            nested_explicit = explicit and vr != b"UN"
            pos = _walk_items(
                buf, pos, end, nested_explicit, little if nested_explicit else True, depth
            )
        else:
            if pos + length > end:
                name = f"({tag >> 16:04X},{tag & 0xFFFF:04X})"
                raise StructureError(f"value of {name} needs {length} bytes, {end - pos} left")
            pos += length
    if until_item_end:
        raise StructureError("item delimiter missing before end of file")
    return pos


def check_structure(
    data: bytes | memoryview, transfer_syntax: str | None, dataset_offset: int
) -> None:
    """Raise :class:`StructureError` unless the data set from ``dataset_offset`` is whole.

    Deflated data sets (PS3.5 A.5) are inflated first; a truncated deflate
    stream is itself a structure error.
    """
    buf = memoryview(data)
    explicit, little = True, True
    if transfer_syntax == ImplicitVRLittleEndian:
        explicit = False
    elif transfer_syntax == ExplicitVRBigEndian:
        little = False
    if transfer_syntax == DeflatedExplicitVRLittleEndian:
        inflater = zlib.decompressobj(-zlib.MAX_WBITS)
        try:
            inflated = inflater.decompress(bytes(buf[dataset_offset:]))
        except zlib.error as err:
            raise StructureError(f"deflated data set is damaged ({err})") from None
        if not inflater.eof:
            raise StructureError("deflated data set ends early")
        buf, dataset_offset = memoryview(inflated), 0
    try:
        _walk_dataset(buf, dataset_offset, len(buf), explicit, little, depth=0)
    except StructureError as err:
        if not str(err).startswith("invalid VR"):
            raise
        # some writers label implicit VR data as explicit (and pydicom reads it so):
        # accept the data set if it is whole in the other VR encoding
        _walk_dataset(buf, dataset_offset, len(buf), not explicit, little, depth=0)


def _meta_end(data: bytes) -> tuple[int, str | None]:
    """Offset of the data set after the preamble and File Meta Information (PS3.10 7.1), and its syntax."""
    if len(data) < 132 or data[128:132] != b"DICM":
        return 0, None
    pos, end = 132, len(data)
    transfer_syntax = None
    buf = memoryview(data)
    while pos + 8 <= end:
        group, element = struct.unpack_from("<HH", buf, pos)
        if group != 0x0002:
            break
        vr = bytes(buf[pos + 4 : pos + 6])
        if vr in _LONG_VRS:
            if pos + 12 > end:
                raise StructureError("file ends inside the file meta information")
            (length,) = struct.unpack_from("<I", buf, pos + 8)
            pos += 12
        else:
            (length,) = struct.unpack_from("<H", buf, pos + 6)
            pos += 8
        if length == _UNDEFINED or pos + length > end:
            raise StructureError("file ends inside the file meta information")
        if element == 0x0010:
            transfer_syntax = bytes(buf[pos : pos + length]).decode("ascii", "replace").strip("\0 ")
        pos += length
    return pos, transfer_syntax


# ---------------------------------------------------------------------------
# reading and classifying


@dataclass(frozen=True)
class ReadResult:
    """A readable image and what the pipeline needs to know about its encoding."""

    dataset: Dataset
    transfer_syntax: UID
    sop_instance_uid: str


def _looks_like_dataset(ds: Dataset) -> bool:
    """A file without the PS3.10 preamble is taken as DICOM only if it has a valid SOP identity."""
    try:
        sop_class = str(ds.get("SOPClassUID", "") or "")
        sop_instance = str(ds.get("SOPInstanceUID", "") or "")
    except Exception:
        return False
    uid = re.compile(r"[0-9]+(\.[0-9]+)+")
    return bool(uid.fullmatch(sop_class) and uid.fullmatch(sop_instance))


def _starts_like_raw_dataset(head: bytes) -> bool:
    """A data set written without the PS3.10 preamble starts with a low group (0002, 0004 or 0008)."""
    if len(head) < 8:
        return False
    little, big = struct.unpack_from("<H", head)[0], struct.unpack_from(">H", head)[0]
    return little in (0x0002, 0x0004, 0x0008) or big in (0x0002, 0x0004, 0x0008)


def read_dataset(path: Path) -> tuple[Dataset, UID]:
    """Read any DICOM file (header and pixels) after checking its byte structure.

    Raises :class:`Quarantine` (``not_dicom``, ``truncated``, ``unreadable``).
    """
    try:
        with path.open("rb") as handle:
            head = handle.read(132)
            if not head:
                raise Quarantine(NOT_DICOM, "empty file")
            has_preamble = len(head) == 132 and head[128:132] == b"DICM"
            if not has_preamble and not _starts_like_raw_dataset(head):
                # logs, archives, thumbnails: decided from the first bytes, never read whole
                raise Quarantine(NOT_DICOM, "no DICOM preamble and no data set at the start")
            data = head + handle.read()
    except OSError as err:
        raise Quarantine(UNREADABLE, f"cannot read file ({err.strerror or err})") from None
    try:
        offset, meta_syntax = _meta_end(data)
    except StructureError as err:
        raise Quarantine(TRUNCATED, str(err)) from None
    if meta_syntax in SUPPORTED_TRANSFER_SYNTAXES:
        # before pydicom, which reads damaged files leniently or fails with a less useful error
        _check_or_quarantine(data, UID(meta_syntax), offset)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            ds = pydicom.dcmread(path, force=not has_preamble)
        except Exception as err:
            if has_preamble:
                raise Quarantine(
                    UNREADABLE, f"not a valid DICOM data set ({type(err).__name__})"
                ) from None
            raise Quarantine(NOT_DICOM, "no DICOM preamble and not a DICOM data set") from None
    if not has_preamble and not _looks_like_dataset(ds):
        raise Quarantine(NOT_DICOM, "no DICOM preamble and no SOP Class/Instance UID")
    if any("End of file" in str(w.message) or "delimiter" in str(w.message) for w in caught):
        raise Quarantine(TRUNCATED, "sequence delimiter missing before end of file")
    file_meta = getattr(ds, "file_meta", None)
    transfer_syntax = meta_syntax or (
        file_meta.get("TransferSyntaxUID") if file_meta is not None else None
    )
    if not transfer_syntax:
        # no file meta: take what pydicom detected while reading the raw data set
        implicit, little = (
            ds.original_encoding if hasattr(ds, "original_encoding") else (True, True)
        )
        transfer_syntax = (
            ImplicitVRLittleEndian
            if implicit
            else (ExplicitVRLittleEndian if little else ExplicitVRBigEndian)
        )
    transfer_syntax = UID(str(transfer_syntax))
    if transfer_syntax in SUPPORTED_TRANSFER_SYNTAXES and transfer_syntax != meta_syntax:
        _check_or_quarantine(data, transfer_syntax, offset)
    if file_meta is None or "TransferSyntaxUID" not in file_meta:
        # a data set without File Meta (an old export): record the syntax it was read in,
        # which pixel decoding and the rewritten File Meta (PS3.10 7.1) need
        if file_meta is None:
            ds.file_meta = file_meta = FileMetaDataset()
        file_meta.TransferSyntaxUID = transfer_syntax
    return ds, transfer_syntax


def _check_or_quarantine(data: bytes, transfer_syntax: UID, offset: int) -> None:
    try:
        check_structure(data, transfer_syntax, offset)
    except StructureError as err:
        raise Quarantine(TRUNCATED, str(err)) from None
    except struct.error:
        raise Quarantine(TRUNCATED, "file ends inside a data element") from None


def _expected_native_length(ds: Dataset) -> int | None:
    """Bytes of native (uncompressed) Pixel Data implied by the Image Pixel module (PS3.5 8.1.1)."""
    try:
        rows, columns = int(ds.Rows), int(ds.Columns)
        samples = int(ds.get("SamplesPerPixel", 1) or 1)
        bits = int(ds.BitsAllocated)
        frames = int(ds.get("NumberOfFrames", 1) or 1)
    except (AttributeError, TypeError, ValueError):
        return None
    pixels = rows * columns * samples * frames
    if str(ds.get("PhotometricInterpretation", "")).startswith("YBR_FULL_422"):
        pixels = pixels * 2 // 3
    if bits == 1:
        return (pixels + 7) // 8
    return pixels * (bits // 8)


def _has_embedded_overlay(ds: Dataset) -> bool:
    """An overlay kept in unused high bits of Pixel Data (retired, PS3.5 8.1.2 / PS3.3 C.9.2.1.1)."""
    for group in range(0x6000, 0x6020, 2):
        if (group, 0x3000) in ds:
            continue
        bit_position, bits_allocated = ds.get((group, 0x0102)), ds.get((group, 0x0100))
        try:
            if (bit_position is not None and int(bit_position.value or 0) > 0) or (
                bits_allocated is not None and int(bits_allocated.value or 1) > 1
            ):
                return True
        except (TypeError, ValueError):
            return True
    return False


def classify(
    ds: Dataset, transfer_syntax: UID, modalities: frozenset[str] | None, pixels_on: bool
) -> None:
    """Raise :class:`Quarantine` unless ``ds`` is an image cxrbuild can de-identify.

    ``modalities``: allowed Modality (0008,0060) values, or ``None`` for any.
    """
    if not any(tag in ds for tag in PIXEL_DATA_TAGS):
        sop_class = UID(str(ds.get("SOPClassUID", "") or ""))
        name = sop_class.name if sop_class else ""
        if "Image" in name and "Storage" in name:
            raise Quarantine(NO_PIXEL_DATA, f"{name} without Pixel Data")
        label = name or ("DICOMDIR" if "DirectoryRecordSequence" in ds else "unknown SOP Class")
        raise Quarantine(NOT_AN_IMAGE, f"{label} has no image")
    if transfer_syntax not in SUPPORTED_TRANSFER_SYNTAXES:
        label = transfer_syntax.name if transfer_syntax.name != str(transfer_syntax) else "private"
        raise Quarantine(UNSUPPORTED_TRANSFER_SYNTAX, f"{label} transfer syntax {transfer_syntax}")
    if modalities is not None:
        modality = str(ds.get("Modality", "") or "").strip().upper()
        if modality not in modalities:
            raise Quarantine(
                MODALITY_NOT_ALLOWED, f"modality {modality or '(none)'} not in {sorted(modalities)}"
            )
    if 0x7FE00010 in ds and not transfer_syntax.is_compressed:
        expected = _expected_native_length(ds)
        actual = len(ds.PixelData or b"")
        if expected is None:
            raise Quarantine(
                UNREADABLE, "image pixel module incomplete (Rows/Columns/Bits Allocated)"
            )
        if actual < expected:
            raise Quarantine(TRUNCATED, f"Pixel Data has {actual} of {expected} bytes")
    if _has_embedded_overlay(ds):
        raise Quarantine(EMBEDDED_OVERLAY, "overlay stored in Pixel Data bits cannot be cleaned")
    if not pixels_on and str(ds.get("BurnedInAnnotation", "")).strip().upper() == "YES":
        raise Quarantine(
            BURNED_IN_ANNOTATION, "Burned In Annotation is YES and pixel de-identification is off"
        )


def read_image(
    path: str | os.PathLike[str], modalities: frozenset[str] | None = None, pixels_on: bool = True
) -> ReadResult:
    """Read and classify one file; raises :class:`Quarantine` for anything not releasable."""
    ds, transfer_syntax = read_dataset(Path(path))
    classify(ds, transfer_syntax, modalities, pixels_on)
    sop_instance_uid = str(ds.get("SOPInstanceUID", "") or "").strip()
    if not sop_instance_uid:
        raise Quarantine(UNREADABLE, "no SOP Instance UID", "a copy with its SOP Instance UID")
    if not str(ds.get("SOPClassUID", "") or "").strip():
        raise Quarantine(UNREADABLE, "no SOP Class UID", "a copy with its SOP Class UID")
    return ReadResult(ds, transfer_syntax, sop_instance_uid)
