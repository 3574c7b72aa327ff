"""Check a release against the MIMIC-CXR v2.0.0 layout of contracts.md section 2.

Checks: the top-level files; every path under ``files/`` of the layout with ids
in the ranges of ``cxrbuild.contract`` (subject_id in its shard folder,
dicom_id five groups of 8 hex digits), unique study and dicom ids; the record and study lists equal to the files; the reports archive
(and zip twin) equal to the report files; SHA256SUMS.txt complete and correct
over every file but the data card README.md, which records the digest of
SHA256SUMS.txt;
every date in the DICOM headers (DA/DT, nested and private elements included,
PS3.5 6.2) and every full date in the reports within the index years. Given the
private work area, also that each released image's dates moved by its
patient's day shift (intervals kept) and that the crosswalk is owner-only.
"""

from __future__ import annotations

import csv
import gzip
import io
import re
import stat
import tarfile
import zipfile
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
from pydicom import dcmread
from pydicom.multival import MultiValue

from cxrbuild import contract
from cxrbuild.printed_forms import MONTHS
from cxrbuild.util.digests import sha256_file

# month names and their abbreviations, longest first
MONTH_WORDS = "|".join(sorted({w.lower() for m in MONTHS for w in (m, m[:3])} | {"sept"}, key=lambda w: (-len(w), w)))
#: full dates with a four-digit year, in the forms reports use; group "year" is checked
REPORT_DATE_PATTERNS = (
    re.compile(r"\b(?P<year>\d{4})-(?:0?[1-9]|1[0-2])-(?:0?[1-9]|[12]\d|3[01])\b"),
    re.compile(r"\b(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])/(?P<year>\d{4})\b"),
    re.compile(r"\b(?:0?[1-9]|[12]\d|3[01])\.(?:0?[1-9]|1[0-2])\.(?P<year>\d{4})\b"),
    re.compile(rf"\b(?:{MONTH_WORDS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?P<year>\d{{4}})\b", re.IGNORECASE),
    re.compile(rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTH_WORDS})\.?,?\s+(?P<year>\d{{4}})\b", re.IGNORECASE),
)
MAX_LISTED = 50


@dataclass
class Violations:
    items: list[str] = field(default_factory=list)
    total: int = 0

    def add(self, message: str) -> None:
        self.total += 1
        if len(self.items) < MAX_LISTED * 20:
            self.items.append(message)

    def __bool__(self) -> bool:
        return self.total > 0


def _read_csv_gz(path: Path, columns: tuple[str, ...], problems: Violations) -> list[list[str]]:
    try:
        text = gzip.decompress(path.read_bytes()).decode("utf-8")
    except (OSError, EOFError, UnicodeDecodeError) as err:
        problems.add(f"{path.name}: not a readable gzip CSV ({err})")
        return []
    rows = list(csv.reader(io.StringIO(text)))
    if not rows or tuple(rows[0]) != columns:
        problems.add(f"{path.name}: columns {rows[0] if rows else []} != {list(columns)}")
        return []
    body = rows[1:]
    if body != sorted(body):
        problems.add(f"{path.name}: rows are not sorted")
    return body


def _walk_files(root: Path) -> Iterator[str]:
    for path in sorted(root.rglob("*")):
        if path.is_file() or path.is_symlink():
            yield path.relative_to(root).as_posix()


def dicom_dates(path: Path) -> Iterator[tuple[str, str]]:
    """(keyword or tag, value) of every DA and DT element, nested ones included."""
    ds = dcmread(path, stop_before_pixels=True)
    for elem in ds.iterall():
        if elem.VR in ("DA", "DT") and elem.value not in (None, ""):
            values = list(elem.value) if isinstance(elem.value, MultiValue | list | tuple) else [elem.value]
            for value in values:
                text = str(value).strip()
                if text:
                    yield (elem.keyword or str(elem.tag)), text


def _year_ok(year: int) -> bool:
    return contract.DATE_YEAR_MIN <= year <= contract.DATE_YEAR_MAX


def report_years(text: str) -> Iterator[tuple[str, int]]:
    for pattern in REPORT_DATE_PATTERNS:
        for match in pattern.finditer(text):
            yield match.group(0), int(match.group("year"))


def _check_intervals(root: Path, work_dir: Path, image_paths: list[str], problems: Violations) -> None:
    """Released DA values = original DA values + the patient's day shift (top-level dates)."""
    crosswalk = Path(contract.crosswalk_path(work_dir, "images"))
    ids_dir = crosswalk.parent
    if not crosswalk.exists():
        problems.add(f"{crosswalk}: crosswalk not found (--work-dir)")
        return
    for private in [ids_dir, *sorted(ids_dir.glob("*.parquet"))]:
        mode = stat.S_IMODE(private.stat().st_mode)
        if mode & 0o077:
            problems.add(f"{private}: crosswalk readable by others (mode {mode:o})")
    images = pd.read_parquet(crosswalk)
    images = images.loc[images["status"] == "planned"].set_index("output")
    for rel in image_paths:
        if rel not in images.index:
            problems.add(f"{rel}: released image not in the crosswalk")
            continue
        row = images.loc[rel]
        source = Path(row["source"]) if row.get("source") else None
        if source is None or not source.exists():
            continue
        original = dcmread(source, stop_before_pixels=True)
        released = dcmread(root / rel, stop_before_pixels=True)
        for keyword in ("StudyDate", "SeriesDate", "AcquisitionDate", "ContentDate"):
            before, after = original.get(keyword), released.get(keyword)
            if not before or not after:
                continue
            try:
                delta = (pd.Timestamp(str(after)) - pd.Timestamp(str(before))).days
            except ValueError:
                problems.add(f"{rel}: {keyword} {after!r} is not a date")
                continue
            if delta != int(row["day_shift"]):
                problems.add(f"{rel}: {keyword} moved by {delta} days, the patient's shift is {row['day_shift']}")


def verify_release(release_dir: str | Path, work_dir: str | Path | None = None) -> Violations:
    """Every violation of contracts.md section 2 found in ``release_dir`` (empty when it conforms)."""
    root = Path(release_dir)
    problems = Violations()
    if not root.is_dir():
        problems.add(f"{root}: release folder not found")
        return problems
    for required in (contract.RECORD_LIST, contract.STUDY_LIST, contract.CHECKSUMS, contract.FILES_DIR, contract.DATA_CARD):
        if not (root / required).exists():
            problems.add(f"{required}: missing")
    if (root / contract.DATA_CARD).exists() and (root / contract.CHECKSUMS).exists():
        sums_digest = sha256_file(root / contract.CHECKSUMS)
        if sums_digest not in (root / contract.DATA_CARD).read_text(encoding="utf-8", errors="replace"):
            problems.add(f"{contract.DATA_CARD}: does not record the SHA-256 of {contract.CHECKSUMS} ({sums_digest})")
    archives = sorted(p.name for p in root.glob(contract.reports_archive("*")))
    if len(archives) != 1:
        problems.add(f"expected one {contract.reports_archive('<name>')}, found {archives or 'none'}")

    all_files = list(_walk_files(root))
    images: dict[str, contract.ReleasedFile] = {}
    reports: dict[str, contract.ReleasedFile] = {}
    study_owner: dict[str, str] = {}
    dicom_seen: dict[str, str] = {}
    for rel in all_files:
        if not rel.startswith(f"{contract.FILES_DIR}/"):
            if "/" in rel:
                problems.add(f"{rel}: unexpected folder outside files/")
            elif rel.endswith((".parquet", ".key", ".sqlite", ".jsonl")):
                problems.add(f"{rel}: private work file in the release")
            continue
        parsed = contract.parse_release_path(rel)
        if parsed is None:
            problems.add(f"{rel}: path not of the layout files/pNN/pSUBJECT/sSTUDY[/DICOM_ID.dcm|.txt]")
            continue
        if not contract.subject_id_ok(parsed.subject_id):
            problems.add(f"{rel}: subject_id {parsed.subject_id} outside {contract.id_range_text(contract.SUBJECT_RANGE)}")
        if parsed.shard != contract.shard_of(parsed.subject_id):
            problems.add(f"{rel}: shard folder {parsed.shard} is not {contract.shard_of(parsed.subject_id)}")
        if not contract.study_id_ok(parsed.study_id):
            problems.add(f"{rel}: study_id {parsed.study_id} outside {contract.id_range_text(contract.STUDY_RANGE)}")
        owner = study_owner.setdefault(parsed.study_id, parsed.subject_id)
        if owner != parsed.subject_id:
            problems.add(f"{rel}: study_id {parsed.study_id} also used by subject {owner}")
        if parsed.kind == "image":
            if not contract.dicom_id_ok(parsed.dicom_id or ""):
                problems.add(f"{rel}: dicom_id {parsed.dicom_id} is not 5 groups of 8 hex digits")
            if parsed.dicom_id in dicom_seen:
                problems.add(f"{rel}: dicom_id also used by {dicom_seen[parsed.dicom_id]}")
            dicom_seen[parsed.dicom_id or ""] = rel
            images[rel] = parsed
        else:
            reports[rel] = parsed

    study_dirs = {contract.study_dir(p.subject_id, p.study_id) for p in images.values()}
    for folder in sorted(study_dirs):
        if f"{folder}.txt" not in reports:
            problems.add(f"{folder}: images without the study's report {folder}.txt")
    for rel in sorted(reports):
        if rel[: -len(".txt")] not in study_dirs:
            problems.add(f"{rel}: report of a study without released images")

    _check_list(root, contract.RECORD_LIST, contract.RECORD_COLUMNS, contract.image_path, images, "image", problems)
    _check_list(root, contract.STUDY_LIST, contract.STUDY_COLUMNS, contract.report_path, reports, "report", problems)

    for name in archives:
        try:
            with tarfile.open(root / name, "r:gz") as tar:
                members = {m.name: tar.extractfile(m).read() for m in tar.getmembers() if m.isfile()}
        except (tarfile.TarError, OSError, EOFError) as err:
            problems.add(f"{name}: unreadable archive ({err})")
            continue
        _compare_archive(name, members, root, reports, problems)
    for zip_path in sorted(root.glob(contract.reports_archive("*", ".zip"))):
        try:
            with zipfile.ZipFile(zip_path) as archive:
                members = {n: archive.read(n) for n in archive.namelist() if not n.endswith("/")}
        except (zipfile.BadZipFile, OSError) as err:
            problems.add(f"{zip_path.name}: unreadable archive ({err})")
            continue
        _compare_archive(zip_path.name, members, root, reports, problems)

    _check_checksums(root, all_files, problems)

    for rel in sorted(images):
        try:
            for keyword, value in dicom_dates(root / rel):
                if not value[:4].isdigit() or not _year_ok(int(value[:4])):
                    problems.add(f"{rel}: {keyword} {value} outside {contract.DATE_YEAR_MIN}-{contract.DATE_YEAR_MAX}")
        except Exception as err:  # an unreadable released image is itself a violation
            problems.add(f"{rel}: unreadable DICOM ({str(err).splitlines()[0] if str(err) else type(err).__name__})")
    for rel in sorted(reports):
        text = (root / rel).read_text(encoding="utf-8", errors="replace")
        for found, year in report_years(text):
            if not _year_ok(year):
                problems.add(f"{rel}: date {found!r} outside {contract.DATE_YEAR_MIN}-{contract.DATE_YEAR_MAX}")

    if work_dir is not None:
        _check_intervals(root, Path(work_dir), sorted(images), problems)
    return problems


def _check_list(
    root: Path,
    name: str,
    columns: tuple[str, ...],
    path_of: Callable[..., str],
    files: Iterable[str],
    kind: str,
    problems: Violations,
) -> None:
    """A list (ids..., path) matches the files: paths follow from the ids, no file unlisted, no row twice."""
    if not (root / name).exists():
        return
    rows = _read_csv_gz(root / name, columns, problems)
    listed = {}
    for row in rows:
        if len(row) != len(columns):
            problems.add(f"{name}: malformed row {row}")
            continue
        *ids, path = row  # the ids first, the path last
        listed[path] = row
        if path != path_of(*ids):
            problems.add(f"{name}: path {path} does not match its ids")
    for path in sorted(set(listed) - set(files)):
        problems.add(f"{name}: lists {path}, which is not in the release")
    for path in sorted(set(files) - set(listed)):
        problems.add(f"{path}: {kind} not in {name}")
    if len(rows) != len(listed):
        problems.add(f"{name}: duplicate rows")


def _compare_archive(name: str, members: dict[str, bytes], root: Path, reports: dict, problems: Violations) -> None:
    for member in sorted(set(members) - set(reports)):
        problems.add(f"{name}: member {member} is not a released report")
    for rel in sorted(set(reports) - set(members)):
        problems.add(f"{name}: lacks {rel}")
    for rel in sorted(set(reports) & set(members)):
        if members[rel] != (root / rel).read_bytes():
            problems.add(f"{name}: {rel} differs from the released file")


def _check_checksums(root: Path, all_files: list[str], problems: Violations) -> None:
    sums_path = root / contract.CHECKSUMS
    if not sums_path.exists():
        return
    listed: dict[str, str] = {}
    for number, line in enumerate(sums_path.read_text(encoding="utf-8").splitlines(), 1):
        match = re.match(r"^([0-9a-f]{64}) [ *](.+)$", line)
        if not match:
            problems.add(f"{contract.CHECKSUMS}:{number}: malformed line")
            continue
        listed[match.group(2)] = match.group(1)
    # the data card is checked through the digest of SHA256SUMS.txt it records
    expected = set(all_files) - {contract.CHECKSUMS, contract.DATA_CARD}
    for rel in sorted(expected - set(listed)):
        problems.add(f"{rel}: not in {contract.CHECKSUMS}")
    for rel in sorted(set(listed) - expected):
        problems.add(f"{contract.CHECKSUMS}: lists {rel}, which is not in the release")
    for rel in sorted(expected & set(listed)):
        if sha256_file(root / rel) != listed[rel]:
            problems.add(f"{rel}: SHA-256 differs from {contract.CHECKSUMS}")
