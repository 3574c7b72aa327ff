"""Search every released byte for the EHR's identifiers.

Every file under the release is read, whatever its name:

- DICOM files (PS3.10): every data element decoded, file meta included,
  walking nested sequences item by item and private elements (named by their
  private creator, PS3.5 section 7.8.1); then a raw scan of the file's bytes
  for what decoding may hide (preamble, undecodable or trailing bytes), in
  which the pixel data value is searched only for long tokens (short ones
  occur in compressed pixels by chance); then the pixels' text is read again
  by OCR (the pixel module's text lines, and crops around every redaction box
  recorded in the header, and the lines the audit's own text detector,
  :mod:`cxrbuild.audit.textregions`, finds), and so is any overlay plane left
  in the file. Text the pixel policy would remove, or a line that detector
  finds outside every recorded box that is no confidently read marker, that
  reads as no identifier is a probable finding: OCR may have misread a name.
- gzip files, tar and zip archives: every member (and its name, owner and
  the archive comment) is read as if it were a released file.
- everything else as text (UTF-8, undecodable bytes replaced), located by
  line and column.

Every file's path is searched too. Findings are ranked by
:mod:`cxrbuild.audit.findings`.
"""

from __future__ import annotations

import gzip
import io
import logging
import re
import tarfile
import zipfile
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

import numpy as np

from cxrbuild import contract
from cxrbuild.audit.findings import CONFIRMED, PROBABLE, Commonness, Finding, rank_match, score
from cxrbuild.audit.identifiers import IdentifierSet
from cxrbuild.audit.matcher import Match, Matcher, keep_outermost
from cxrbuild.audit.tokens import TOKEN_PATTERN, Token, tokenize
from cxrbuild.dicom.boxes import Box
from cxrbuild.util.progress import Progress

LOG = logging.getLogger("cxrbuild.audit")

# Pixel-like bulk data: searched as raw bytes for long tokens only.
PIXEL_TAGS = frozenset({0x7FE00010, 0x7FE00008, 0x7FE00009})
LONG_TOKEN_BYTES = re.compile(rb"[A-Za-z]{6,}|[0-9]{6,}")
MAX_ARCHIVE_DEPTH = 3
POLICY_SOURCE = "pixel policy"  # a line the cleaning's detector finds and its policy would remove
DETECTOR_SOURCE = "audit text detector"  # a line the audit's own detector finds (cxrbuild.audit.textregions)


class PixelText(NamedTuple):
    """A line of text read in an image's pixels.

    ``removable``: text left in the pixels that no kept marker explains (the
    pixel policy would black it out, or the audit's detector found text
    there that does not read confidently as a marker); ``source`` says which
    reading found it, so a finding explains itself.
    """

    box: Box
    text: str
    removable: bool
    source: str = POLICY_SOURCE


# A reader of the text in an image's pixels: every text line found, read and judged.
PixelTextReader = Callable[[object], Sequence[PixelText]]

LEFT_EXPLANATIONS = {
    POLICY_SOURCE: "burned-in text that the pixel policy would black out (not a kept marker) is still in the "
                   "released pixels; it reads as no EHR identifier, but OCR may have misread one: look at the image",
    DETECTOR_SOURCE: "a line of text-like glyphs found by the audit's own detector, outside every recorded "
                     "redaction, that does not read confidently as a kept marker; it reads as no EHR identifier "
                     "(or cannot be read), but OCR may have misread one: look at the image",
}


@dataclass
class ScanStats:
    files: int = 0
    bytes: int = 0
    dicom_files: int = 0
    archive_members: int = 0
    ocr_images: int = 0
    unreadable: list[str] = field(default_factory=list)


@dataclass
class Unit:
    """A piece of released text to search: what it is and where it came from."""

    text: str
    file: str
    where: str
    place: str
    fuzzy: bool = False
    fuzzy_digits: bool = False
    line_positions: bool = False
    long_tokens_only: bool = False
    byte_offset: int = 0  # where ``text`` starts in its file (raw scans)


def _line_col(text: str, offset: int) -> str:
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return f"line {line}, col {col}"


def _is_dicom(data: bytes, name: str) -> bool:
    return data[128:132] == b"DICM" or name.lower().endswith((".dcm", ".dicom"))


def _subject_of(label: str) -> str | None:
    return contract.subject_of_path(label.replace("!", "/"))


def _element_label(tag, elem, dataset) -> str:
    label = f"({tag.group:04X},{tag.element:04X})"
    if elem.keyword:
        return f"{label} {elem.keyword}"
    if tag.is_private:
        if tag.element < 0x0100:
            return f"{label} private creator"
        creator_tag = (tag.group << 16) | (tag.element >> 8)
        creator = dataset.get(creator_tag)
        name = str(creator.value).strip() if creator is not None else "?"
        return f"{label} private element of creator '{name}'"
    return f"{label} unknown element"


def _element_text(elem) -> str:
    value = elem.value
    if value is None:
        return ""
    if isinstance(value, bytes | bytearray):
        return bytes(value).decode("latin-1")
    if isinstance(value, list | tuple) or type(value).__name__ == "MultiValue":
        return "\\".join(str(v) for v in value)
    return str(value)


def dicom_units(dataset, file: str, prefix: str = "") -> Iterator[Unit]:
    """Units of every data element of ``dataset`` (recursively through sequences)."""
    for elem in dataset:
        tag = elem.tag
        label = prefix + _element_label(tag, elem, dataset)
        if int(tag) in PIXEL_TAGS or (tag.group & 0xFF00 == 0x6000 and tag.element == 0x3000):
            continue  # pixel and overlay bitmaps: raw long-token scan and OCR cover them
        if elem.VR == "SQ":
            for index, item in enumerate(elem.value or ()):
                yield from dicom_units(item, file, f"{label}[{index}] > ")
            continue
        try:
            text = _element_text(elem)
        except Exception as err:  # an undecodable value: the raw scan still sees its bytes
            LOG.warning("%s: %s: value not decodable (%s)", file, label, err)
            continue
        if text:
            yield Unit(text, file, label, "dicom_element", fuzzy=True)


def _pixel_value_range(data: bytes) -> tuple[int, int] | None:
    """Byte range of the Pixel Data (7FE0,0010) value, little endian (PS3.5 section 7.1)."""
    tag = b"\xe0\x7f\x10\x00"
    position = data.rfind(tag)
    while position != -1:
        vr = data[position + 4 : position + 6]
        if vr in (b"OB", b"OW"):
            length = int.from_bytes(data[position + 8 : position + 12], "little")
            start = position + 12
        else:
            length = int.from_bytes(data[position + 4 : position + 8], "little")
            start = position + 8
        if length == 0xFFFFFFFF:
            end = data.rfind(b"\xfe\xff\xdd\xe0")
            return (start, end if end > start else len(data))
        if start + length <= len(data):
            return (start, start + length)
        position = data.rfind(tag, 0, position)
    return None


class ReleaseScanner:
    """Scans one release directory against one set of identifiers."""

    def __init__(
        self,
        release_dir: Path,
        ids: IdentifierSet,
        commonness: Commonness,
        subject_owner: Mapping[str, str] | None = None,
        pixel_text: PixelTextReader | None = None,
    ) -> None:
        self.release_dir = Path(release_dir)
        self.matcher = Matcher(ids.forms)
        self.commonness = commonness
        self.subject_owner = dict(subject_owner or {})
        self.pixel_text = pixel_text
        self.stats = ScanStats()
        self.findings: list[Finding] = []

    # -- matching -----------------------------------------------------
    def _tokens(self, unit: Unit) -> list[Token]:
        if unit.long_tokens_only:
            raw = unit.text.encode("latin-1")
            return [Token(m.group().decode("latin-1").casefold(), m.start(), m.end())
                    for m in LONG_TOKEN_BYTES.finditer(raw)]
        return tokenize(unit.text)

    def scan_unit(self, unit: Unit) -> list[Finding]:
        matches = keep_outermost(self.matcher.find(self._tokens(unit), fuzzy=unit.fuzzy,
                                                   fuzzy_digits=unit.fuzzy_digits))
        subject = _subject_of(unit.file)
        owner_of_file = self.subject_owner.get(subject) if subject else None
        new: list[Finding] = []
        for match in matches:
            new_finding = self._finding(unit, match, owner_of_file)
            if new_finding is not None:
                new.append(new_finding)
        self.findings.extend(new)
        return new

    def _finding(self, unit: Unit, match: Match, owner_of_file: str | None) -> Finding | None:
        found = unit.text[match.start : match.end]
        same = None
        if owner_of_file is not None and match.form.owner is not None:
            same = owner_of_file == match.form.owner
        ranked = rank_match(match, found, unit.place, self.commonness, same)
        if ranked is None:
            return None
        rank, explanation = ranked
        where = unit.where
        if unit.line_positions:
            where = f"{where}{', ' if where else ''}{_line_col(unit.text, match.start)}"
        elif unit.place in ("dicom_raw", "pixel_bytes", "raw"):
            where = f"{where} at byte {unit.byte_offset + match.start}"
        shown = found if len(found) <= 80 else found[:77] + "..."
        return Finding(
            rank=rank,
            score=score(rank, found, same),
            kind=match.form.kind,
            identifier=match.form.printed,
            found=shown.replace("\x00", " "),
            match="fuzzy" if match.fuzzy else "exact",
            file=unit.file,
            where=where,
            place=unit.place,
            owner=match.form.owner,
            source=match.form.source,
            explanation=explanation,
        )

    # -- files ----------------------------------------------------------
    def scan_path(self, label: str) -> None:
        self.scan_unit(Unit(label, label, "file name", "path"))

    def scan_bytes(self, data: bytes, label: str, depth: int = 0) -> None:
        """Dispatch one released file (or archive member) by its content."""
        name = label.rsplit("!", 1)[-1].lower()
        looks_tar = name.endswith((".tar.gz", ".tgz", ".tar")) or data[257:262] == b"ustar"
        if looks_tar and self._scan_tar(data, label, depth):
            return
        looks_zip = data[:4] == b"PK\x03\x04" or name.endswith(".zip")
        if looks_zip and self._scan_zip(data, label, depth):
            return
        if data[:2] == b"\x1f\x8b":
            try:
                inner = gzip.decompress(data)
            except (OSError, EOFError) as err:
                self.stats.unreadable.append(f"{label}: not a readable gzip ({err})")
            else:
                # the decompressed content is named like an archive member: 'x.csv.gz!x.csv'
                inner_name = label.rsplit("!", 1)[-1].rsplit("/", 1)[-1]
                inner_name = inner_name[: -len(".gz")] if inner_name.lower().endswith(".gz") else inner_name
                if depth < MAX_ARCHIVE_DEPTH:
                    self.scan_bytes(inner, f"{label}!{inner_name}", depth + 1)
                    return
        if _is_dicom(data, name):
            self._scan_dicom(data, label)
            return
        text = data.decode("utf-8", errors="replace")
        place = "report" if re.search(r"(^|/)s\d+\.txt$", name) else "text"
        self.scan_unit(Unit(text, label, "", place, fuzzy=True, line_positions=True))

    def _scan_tar(self, data: bytes, label: str, depth: int) -> bool:
        try:
            archive = tarfile.open(fileobj=io.BytesIO(data), mode="r:*")  # noqa: SIM115 - closed below
        except (tarfile.TarError, OSError, EOFError):
            return False
        with archive:
            for member in archive:
                member_label = f"{label}!{member.name}"
                self.stats.archive_members += 1
                self.scan_unit(Unit(member.name, member_label, "archive member name", "path"))
                owners = " ".join(x for x in (member.uname, member.gname) if x)
                if owners:
                    self.scan_unit(Unit(owners, member_label, "archive member owner", "path"))
                if not member.isfile():
                    continue
                handle = archive.extractfile(member)
                if handle is None:
                    continue
                content = handle.read()
                if depth < MAX_ARCHIVE_DEPTH:
                    self.scan_bytes(content, member_label, depth + 1)
        return True

    def _scan_zip(self, data: bytes, label: str, depth: int) -> bool:
        try:
            archive = zipfile.ZipFile(io.BytesIO(data))
        except (zipfile.BadZipFile, OSError):
            return False
        with archive:
            if archive.comment:
                self.scan_unit(Unit(archive.comment.decode("utf-8", "replace"), label, "zip comment", "text"))
            for info in archive.infolist():
                member_label = f"{label}!{info.filename}"
                self.stats.archive_members += 1
                self.scan_unit(Unit(info.filename, member_label, "archive member name", "path"))
                if info.comment:
                    self.scan_unit(Unit(info.comment.decode("utf-8", "replace"), member_label,
                                        "archive member comment", "text"))
                if info.is_dir():
                    continue
                content = archive.read(info)
                if depth < MAX_ARCHIVE_DEPTH:
                    self.scan_bytes(content, member_label, depth + 1)
        return True

    def _scan_dicom(self, data: bytes, label: str) -> None:
        import pydicom

        self.stats.dicom_files += 1
        decoded: list[Finding] = []
        dataset = None
        try:
            dataset = pydicom.dcmread(io.BytesIO(data), force=True)
            units = list(dicom_units(dataset.file_meta, label)) if dataset.file_meta else []
            units += list(dicom_units(dataset, label))
        except Exception as err:  # pydicom raises many kinds; the raw scan below still reads every byte
            self.stats.unreadable.append(f"{label}: DICOM not fully decodable ({str(err).splitlines()[0]})")
            units = []
        for unit in units:
            decoded += self.scan_unit(unit)
        self._scan_raw_dicom(data, label, {f.identifier for f in decoded})
        if dataset is not None and "PixelData" in dataset:
            self._check_redactions(dataset, label)
        if dataset is not None and self.pixel_text is not None and "PixelData" in dataset:
            self._scan_pixels(dataset, label)
        if dataset is not None and self.pixel_text is not None:
            self._scan_overlays(dataset, label)

    def _scan_raw_dicom(self, data: bytes, label: str, already: set[str]) -> None:
        """Raw bytes: finds what decoding missed; skips forms already found decoded."""
        pixel_range = _pixel_value_range(data)
        pieces: list[tuple[int, bytes, bool]] = []
        if pixel_range is None:
            pieces.append((0, data, False))
        else:
            start, end = pixel_range
            pieces += [(0, data[:start], False), (start, data[start:end], True), (end, data[end:], False)]
        for offset, piece, is_pixels in pieces:
            if not piece:
                continue
            unit = Unit(piece.decode("latin-1"), label, "pixel data bytes" if is_pixels else "raw bytes",
                        "pixel_bytes" if is_pixels else "dicom_raw", long_tokens_only=is_pixels,
                        byte_offset=offset)
            saved = len(self.findings)
            found = self.scan_unit(unit)
            self.findings[saved:] = [f for f in found if f.identifier not in already]

    def _check_redactions(self, dataset, label: str) -> None:
        """Every redaction recorded in the header (PS3.3 C.10.5) must be shown black, pixel for pixel.

        The record says burned-in text was there; a recorded box whose pixels
        are not all black as displayed is a redaction undone or never made,
        whatever OCR can read in it. No reading is involved, so this holds
        with ``--no-ocr`` too.
        """
        from cxrbuild.dicom.annotation import redaction_boxes
        from cxrbuild.dicom.display import displayed_black

        boxes = redaction_boxes(dataset)
        if not boxes:
            return
        try:
            stored = dataset.pixel_array
            frames = int(dataset.get("NumberOfFrames", 1) or 1)
            black = displayed_black(dataset, stored if frames > 1 else stored[None])
        except Exception as err:  # pixels the audit cannot show are not proven black
            self.stats.unreadable.append(f"{label}: redacted pixels not checked ({str(err).splitlines()[0]})")
            return
        rows, cols = black.shape[1], black.shape[2]
        for x0, y0, x1, y1 in boxes:
            region = black[:, max(0, y0) : min(rows, y1), max(0, x0) : min(cols, x1)]
            left = int(region.size - np.count_nonzero(region))
            if left:
                where = f"recorded redaction [{x0}, {y0}, {x1}, {y1}]"
                self.findings.append(Finding(
                    rank=CONFIRMED, score=score(CONFIRMED, "", None), kind="redaction_not_black", identifier="",
                    found=f"{left} of {region.size} pixels not black", match="none", file=label, where=where,
                    place="pixels", owner=None, source="redaction record",
                    explanation="the header records burned-in text blacked out here, but the pixels are not "
                                "black as displayed: the redaction was undone or never made"))

    def _scan_pixels(self, dataset, label: str) -> None:
        assert self.pixel_text is not None
        try:
            regions = self.pixel_text(dataset)
        except Exception as err:  # a file the OCR cannot read is reported, never skipped silently
            self.stats.unreadable.append(f"{label}: pixels not re-read by OCR ({str(err).splitlines()[0]})")
            return
        self.stats.ocr_images += 1
        for region in regions:
            box, text, removable, source = PixelText(*region)
            where = f"text region [{', '.join(str(v) for v in box)}]"
            found = []
            if text and TOKEN_PATTERN.search(text):
                found = self.scan_unit(Unit(text, label, where, "pixels_ocr", fuzzy=True, fuzzy_digits=True))
            if removable and not found:
                # no identifier read there, but text no kept marker explains is still in the
                # released pixels: OCR may have misread a name; a person has to look
                self.findings.append(Finding(
                    rank=PROBABLE, score=score(PROBABLE, text, None), kind="pixel_text_left", identifier="",
                    found=(text or "(unreadable)")[:80], match="none", file=label, where=where,
                    place="pixels_ocr", owner=None, source=source,
                    explanation=LEFT_EXPLANATIONS.get(source, LEFT_EXPLANATIONS[POLICY_SOURCE])))

    def _scan_overlays(self, dataset, label: str) -> None:
        """Overlay planes (PS3.3 C.9.2) left in a released file: their bitmaps are read by OCR."""
        tags = [elem.tag for elem in dataset]
        groups = sorted({tag.group for tag in tags if 0x6000 <= tag.group <= 0x601E
                         and tag.group % 2 == 0 and tag.element == 0x3000})
        for group in groups:
            where = f"overlay ({group:04X},3000)"
            try:
                from cxrbuild.dicom import ocr

                bitmap = dataset.overlay_array(group).astype(bool)
                words = ocr.read_text_mask(bitmap, _glyph_height(bitmap), single_line=False) if bitmap.any() else []
            except Exception as err:  # an overlay the audit cannot read is not proven clean
                self.stats.unreadable.append(f"{label}: {where} not read ({str(err).splitlines()[0]})")
                continue
            text = " ".join(w.text for w in words if w.text.strip())
            found = self.scan_unit(Unit(text, label, where, "pixels_ocr", fuzzy=True, fuzzy_digits=True)) if text else []
            if bitmap.any() and not found:
                self.findings.append(Finding(
                    rank=PROBABLE, score=score(PROBABLE, text, None), kind="overlay_left", identifier="",
                    found=(text or "(graphics, no text read)")[:80], match="none", file=label, where=where,
                    place="pixels_ocr", owner=None, source="overlay",
                    explanation="an overlay plane with content is in the released file (the Basic Profile "
                                "removes Overlay Data); it reads as no EHR identifier: look at it"))

    def run(self, progress_label: str = "audit") -> list[Finding]:
        files = sorted(p for p in self.release_dir.rglob("*") if p.is_file())
        progress = Progress(progress_label, len(files))
        for path in files:
            label = path.relative_to(self.release_dir).as_posix()
            self.stats.files += 1
            self.scan_path(label)
            try:
                data = path.read_bytes()
            except OSError as err:
                self.stats.unreadable.append(f"{label}: cannot read ({err.strerror})")
                progress.advance()
                continue
            self.stats.bytes += len(data)
            self.scan_bytes(data, label)
            progress.advance()
        self.findings.sort(key=lambda f: (-f.score, f.file, f.where, f.kind))
        return self.findings


def _glyph_height(bitmap) -> int:
    """Median height of the bitmap's connected components: the text height OCR scales to."""
    from scipy import ndimage

    labels, count = ndimage.label(bitmap)
    if not count:
        return 10
    heights = sorted(s[0].stop - s[0].start for s in ndimage.find_objects(labels) if s is not None)
    return max(6, heights[len(heights) // 2])


def report_token_subjects(release_dir: Path, max_subjects: int = 8) -> dict[str, set[str]]:
    """For each token of the released reports: the subjects whose reports hold it (capped)."""
    subjects: dict[str, set[str]] = {}
    for report in contract.released_reports(Path(release_dir)):
        subject = report.subject_id
        text = (Path(release_dir) / report.path).read_text(encoding="utf-8", errors="replace")
        for token in {m.group().casefold() for m in TOKEN_PATTERN.finditer(text)}:
            held = subjects.setdefault(token, set())
            if len(held) < max_subjects:
                held.add(subject)
    return subjects
