"""Assemble the release from the staged batches: files, lists, reports archive, checksums.

Byte-reproducible by construction (contracts.md section 2, "same inputs, same
config and same secret => byte-identical release"): list rows and archive
members are sorted; tar members carry a fixed mtime, uid/gid 0 and empty owner
names; gzip streams have mtime 0 and no file name (RFC 1952 section 2.3); zip
members carry the DOS epoch 1980-01-01.

A study is released only with its report and at least one released image; an
image only with its study. Everything else of the cohort is listed as
quarantined with its reason, so released = cohort - quarantine, exactly.
"""

from __future__ import annotations

import csv
import gzip
import io
import logging
import os
import shutil
import tarfile
import zipfile
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from cxrbuild import contract
from cxrbuild.batches.records import BatchRecord, read_records
from cxrbuild.util.atomic import atomic_path, atomic_write_bytes, atomic_write_text
from cxrbuild.util.digests import sha256_file
from cxrbuild.util.errors import CxrbuildError

log = logging.getLogger("cxrbuild.package")

ARCHIVE_MTIME = 0
ZIP_DATE_TIME = (1980, 1, 1, 0, 0, 0)
FILE_MODE = 0o644


def gzip_bytes(data: bytes) -> bytes:
    """gzip without a file name and with mtime 0, so equal data gives equal bytes."""
    buffer = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buffer, mtime=0, compresslevel=9) as stream:
        stream.write(data)
    return buffer.getvalue()


def csv_gz(columns: Iterable[str], rows: Iterable[Iterable[str]]) -> bytes:
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(list(columns))
    writer.writerows(rows)
    return gzip_bytes(text.getvalue().encode("utf-8"))


def tar_gz_bytes(members: Mapping[str, Path]) -> bytes:
    """A tar.gz of ``arcname -> file``: sorted members, fixed times, owners and modes."""
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w", format=tarfile.USTAR_FORMAT) as tar:
        for name in sorted(members):
            data = members[name].read_bytes()
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mtime = ARCHIVE_MTIME
            info.mode = FILE_MODE
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            tar.addfile(info, io.BytesIO(data))
    return gzip_bytes(raw.getvalue())


def zip_bytes(members: Mapping[str, Path]) -> bytes:
    raw = io.BytesIO()
    with zipfile.ZipFile(raw, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(members):
            info = zipfile.ZipInfo(name, date_time=ZIP_DATE_TIME)
            info.external_attr = (0o100000 | FILE_MODE) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3
            archive.writestr(info, members[name].read_bytes())
    return raw.getvalue()


def write_sha256sums(release_dir: str | Path, known: Mapping[str, str] | None = None) -> int:
    """Write SHA256SUMS.txt over every file of the release (``sha256sum -c`` format).

    The data card README.md is the one exception: it is written after the
    checksums and records the SHA-256 of SHA256SUMS.txt itself (a file cannot
    hold its own digest), so card -> SHA256SUMS.txt -> every other file.

    ``known`` maps relative paths to digests already computed (e.g. by the
    batches); any other file is hashed here. Returns the number of files listed.
    """
    root = Path(release_dir)
    known = dict(known or {})
    lines = []
    for path in sorted(_release_files(root)):
        digest = known.get(path) or sha256_file(root / path)
        lines.append(f"{digest}  {path}\n")
    atomic_write_text(root / contract.CHECKSUMS, "".join(lines))
    return len(lines)


def _release_files(root: Path) -> list[str]:
    found = []
    for dirpath, _dirnames, filenames in os.walk(root):
        for name in filenames:
            rel = (Path(dirpath) / name).relative_to(root).as_posix()
            if rel not in (contract.CHECKSUMS, contract.DATA_CARD) and not name.startswith("."):
                found.append(rel)
    return found


def _place(source: Path, target: Path) -> None:
    """Put a staged file at its release path: a hard link when possible, else a copy."""
    if target.exists():
        if os.path.samefile(source, target):
            return
        target.unlink()
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.link(source, target)
    except OSError:
        with atomic_path(target) as tmp:
            shutil.copyfile(source, tmp)


@dataclass
class ReleaseSummary:
    cohort_studies: int
    cohort_images: int
    released_studies: int
    released_images: int
    quarantined_studies: int
    quarantined_images: int
    study_reasons: dict[str, int] = field(default_factory=dict)
    image_reasons: dict[str, int] = field(default_factory=dict)
    pacs_files: dict[str, int] = field(default_factory=dict)
    bad_rows: int = 0

    def line(self) -> str:
        reasons = "; ".join(f"{k}: {v}" for k, v in list(self.image_reasons.items())[:4])
        return (f"released {self.released_studies} studies and {self.released_images} images "
                f"= cohort {self.cohort_studies} studies / {self.cohort_images} images "
                f"- quarantined {self.quarantined_studies} studies / {self.quarantined_images} images"
                + (f" ({reasons})" if reasons else ""))


def _reason_class(reason: str) -> str:
    """The reason without per-item detail (for counting)."""
    return reason.split(":")[0].strip() if reason else "unknown"


def build_release(release: contract.ReleaseFiles, staged_image_dirs: Iterable[str | Path],
                  image_records: Iterable[str | Path], staged_report_dirs: Iterable[str | Path],
                  report_records: Iterable[str | Path], studies: pd.DataFrame, images: pd.DataFrame,
                  pacs_files: Mapping[str, int] | None = None, bad_rows: int = 0, make_zip: bool = False,
                  quarantine_fatal: bool = False) -> tuple[ReleaseSummary, pd.DataFrame]:
    """Write the release; return its summary and the quarantine table (study/image, reason)."""
    root = release.root
    root.mkdir(parents=True, exist_ok=True)
    staged: dict[str, Path] = {}
    for folder in [*staged_image_dirs, *staged_report_dirs]:
        folder = Path(folder)
        for dirpath, _d, filenames in os.walk(folder):
            for fname in filenames:
                full = Path(dirpath) / fname
                staged[full.relative_to(folder).as_posix()] = full
    img = {r.output: r for r in read_records(image_records)}
    rep = {r.study_id: r for r in read_records(report_records)}

    quarantine: list[dict] = []
    released_images: dict[str, list[BatchRecord]] = {}
    for row in images.itertuples(index=False):
        if row.status != "planned":
            quarantine.append({"kind": "image", "id": row.path, "study_id": row.study_id, "reason": row.reason})
            continue
        record = img.get(row.output)
        if record is None:
            quarantine.append({"kind": "image", "id": row.path, "study_id": row.study_id,
                               "reason": "no batch record (batch not run)"})
        elif not record.ok:
            quarantine.append({"kind": "image", "id": row.path, "study_id": row.study_id, "reason": record.reason})
        else:
            released_images.setdefault(row.study_id, []).append(record)
    released_studies: dict[str, tuple[BatchRecord, list[BatchRecord]]] = {}
    for row in studies.itertuples(index=False):
        if row.status != "planned":
            quarantine.append({"kind": "study", "id": row.study_id, "study_id": row.study_id, "reason": row.reason})
            continue
        report = rep.get(row.study_id)
        study_images = released_images.get(row.study_id, [])
        if report is None or not report.ok:
            reason = "report quarantined: " + (report.reason if report else "no batch record")
        elif not study_images:
            reason = "every image of the study quarantined"
        else:
            released_studies[row.study_id] = (report, study_images)
            continue
        quarantine.append({"kind": "study", "id": row.study_id, "study_id": row.study_id, "reason": reason})
        for record in study_images:
            quarantine.append({"kind": "image", "id": record.details["source"], "study_id": row.study_id,
                               "reason": f"study withheld: {reason}"})

    record_rows, study_rows, wanted = [], [], {}
    for study_id, (report, study_images) in released_studies.items():
        study_rows.append((report.subject_id, study_id, report.output))
        wanted[report.output] = report.sha256
        for record in study_images:
            record_rows.append((record.subject_id, study_id, record.details["dicom_id"], record.output))
            wanted[record.output] = record.sha256
    missing = [p for p in wanted if p not in staged]
    if missing:
        raise CxrbuildError(f"{missing[0]}: staged file missing ({len(missing)} in all); rerun the batches")

    files_root = root / contract.FILES_DIR
    for rel in sorted(wanted):
        _place(staged[rel], root / rel)
    if files_root.exists():  # remove what an earlier build released but this one does not
        for dirpath, _d, filenames in os.walk(files_root, topdown=False):
            for fname in filenames:
                rel = (Path(dirpath) / fname).relative_to(root).as_posix()
                if rel not in wanted:
                    (Path(dirpath) / fname).unlink()
            if Path(dirpath) != files_root and not any(Path(dirpath).iterdir()):
                Path(dirpath).rmdir()

    record_rows.sort()
    study_rows.sort()
    atomic_write_bytes(release.record_list, csv_gz(contract.RECORD_COLUMNS, record_rows))
    atomic_write_bytes(release.study_list, csv_gz(contract.STUDY_COLUMNS, study_rows))
    report_members = {row[2]: staged[row[2]] for row in study_rows}
    atomic_write_bytes(release.reports_archive, tar_gz_bytes(report_members))
    if make_zip:
        atomic_write_bytes(release.reports_zip, zip_bytes(report_members))
    elif release.reports_zip.exists():
        release.reports_zip.unlink()
    write_sha256sums(root, wanted)

    quarantine_frame = pd.DataFrame(quarantine, columns=["kind", "id", "study_id", "reason"])
    quarantine_frame = quarantine_frame.sort_values(["kind", "study_id", "id"], na_position="first").reset_index(drop=True)
    q_studies = quarantine_frame.loc[quarantine_frame["kind"] == "study"]
    q_images = quarantine_frame.loc[quarantine_frame["kind"] == "image"]
    summary = ReleaseSummary(
        cohort_studies=len(studies), cohort_images=len(images),
        released_studies=len(study_rows), released_images=len(record_rows),
        quarantined_studies=len(q_studies), quarantined_images=len(q_images),
        study_reasons=dict(Counter(map(_reason_class, q_studies["reason"])).most_common()),
        image_reasons=dict(Counter(map(_reason_class, q_images["reason"])).most_common()),
        pacs_files=dict(pacs_files or {}), bad_rows=bad_rows,
    )
    if summary.released_studies + summary.quarantined_studies != summary.cohort_studies or \
            summary.released_images + summary.quarantined_images != summary.cohort_images:
        raise CxrbuildError(f"accounting mismatch: {summary.line()}")
    if quarantine_fatal and (summary.quarantined_images or summary.quarantined_studies):
        raise CxrbuildError(f"quarantine is fatal (config quarantine.fatal): {summary.line()}")
    return summary, quarantine_frame
