"""Index a PACS export folder by its DICOM headers and join the images to cohort studies.

Only the attributes needed for the join are read (``stop_before_pixels`` and
``specific_tags``: PS3.10 section 7 file format, the pixel data is never
loaded), in parallel chunks. Images join cohort studies on AccessionNumber
(0008,0050), falling back to StudyInstanceUID (0020,000D) (contracts.md 1.2).
Every file ends up with a status: ``cohort`` (to be de-identified), ``outside_cohort``,
``unreadable`` or ``duplicate``, each non-cohort one with its reason.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pandas as pd
from pydicom import dcmread
from pydicom.errors import InvalidDicomError

from cxrbuild.pacs_folders import list_folders, write_listing
from cxrbuild.util.atomic import atomic_path
from cxrbuild.util.errors import CxrbuildError
from cxrbuild.util.progress import Progress

log = logging.getLogger("cxrbuild.pacs_index")

#: attribute keyword -> index column
HEADER_COLUMNS = {
    "SOPInstanceUID": "sop_instance_uid",
    "SOPClassUID": "sop_class_uid",
    "StudyInstanceUID": "study_instance_uid",
    "SeriesInstanceUID": "series_instance_uid",
    "AccessionNumber": "accession_number",
    "Modality": "modality",
}
INDEX_COLUMNS = ("path", "size", "mtime_ns", *HEADER_COLUMNS.values(), "status", "reason",
                 "cohort_accession", "match")


def list_files(pacs_dir: str | Path) -> list[str]:
    """Every regular file under ``pacs_dir`` (any layout, any names), relative POSIX paths, sorted."""
    root = Path(pacs_dir)
    if not root.is_dir():
        raise CxrbuildError(f"{root}: PACS folder not found")
    found: list[str] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames.sort()
        rel_dir = Path(dirpath).relative_to(root)
        for name in filenames:
            found.append((rel_dir / name).as_posix())
    return sorted(found)


def read_header(root: Path, rel_path: str) -> dict:
    """The join attributes of one file, or its status ``unreadable`` with a reason."""
    path = root / rel_path
    row: dict = {"path": rel_path, "size": None, "mtime_ns": None, "status": "", "reason": ""}
    row.update(dict.fromkeys(HEADER_COLUMNS.values()))
    try:
        stat = path.stat()
        row["size"], row["mtime_ns"] = stat.st_size, stat.st_mtime_ns
        try:
            ds = dcmread(path, stop_before_pixels=True, specific_tags=list(HEADER_COLUMNS))
        except InvalidDicomError:
            # PS3.10 7.1: a file without the 128-byte preamble and "DICM" may still be a
            # raw dataset; accept it only if it carries the identifying UIDs.
            ds = dcmread(path, stop_before_pixels=True, specific_tags=list(HEADER_COLUMNS), force=True)
            if "SOPInstanceUID" not in ds or "StudyInstanceUID" not in ds:
                row.update(status="unreadable", reason="not a DICOM file")
                return row
        for keyword, column in HEADER_COLUMNS.items():
            value = ds.get(keyword)
            row[column] = str(value).strip() if value not in (None, "") else None
    except Exception as err:  # any parse failure of one file is that file's reason, never a crash
        reason = str(err).splitlines()[0] if str(err) else type(err).__name__
        row.update(status="unreadable", reason=f"unreadable header: {reason[:200]}")
        return row
    if not row["sop_instance_uid"]:
        row.update(status="unreadable", reason="no SOPInstanceUID (0008,0018): not a composite instance")
    return row


def _read_chunk(args: tuple[str, Sequence[str]]) -> list[dict]:
    root, paths = args
    return [read_header(Path(root), p) for p in paths]


def _chunks(items: Sequence[str], size: int) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def read_headers(pacs_dir: str | Path, workers: int = 1, chunk_size: int = 500,
                 progress: Progress | None = None) -> pd.DataFrame:
    """Read the headers of every file under ``pacs_dir`` in parallel chunks."""
    root = Path(pacs_dir)
    paths = list_files(root)
    progress = progress or Progress("pacs_index", len(paths))
    progress.total = len(paths)
    rows: list[dict] = []
    jobs = [(str(root), chunk) for chunk in _chunks(paths, max(1, chunk_size))]
    if workers > 1 and len(jobs) > 1:
        with ProcessPoolExecutor(max_workers=workers) as pool:
            for chunk_rows in pool.map(_read_chunk, jobs):
                rows.extend(chunk_rows)
                progress.advance(len(chunk_rows))
    else:
        for job in jobs:
            chunk_rows = _read_chunk(job)
            rows.extend(chunk_rows)
            progress.advance(len(chunk_rows))
    frame = pd.DataFrame(rows, columns=[c for c in INDEX_COLUMNS if c not in ("cohort_accession", "match")])
    return frame


def join_cohort(index: pd.DataFrame, studies: pd.DataFrame) -> pd.DataFrame:
    """Join readable images to cohort studies: AccessionNumber first, then StudyInstanceUID.

    A StudyInstanceUID shared by several cohort accessions is not used for the
    fallback (it would be ambiguous). Of several files with one SOPInstanceUID
    the first by path is kept and the others are marked ``duplicate``.
    """
    index = index.copy()
    accessions = set(studies["accession_number"])
    uid_counts = studies["study_instance_uid"].value_counts()
    uid_to_accession = {
        uid: acc for uid, acc in zip(studies["study_instance_uid"], studies["accession_number"], strict=True)
        if uid_counts.get(uid, 0) == 1
    }
    readable = index["status"] != "unreadable"
    by_accession = readable & index["accession_number"].isin(accessions)
    by_uid = readable & ~by_accession & index["study_instance_uid"].isin(set(uid_to_accession))
    index["cohort_accession"] = None
    index.loc[by_accession, "cohort_accession"] = index.loc[by_accession, "accession_number"]
    index.loc[by_uid, "cohort_accession"] = index.loc[by_uid, "study_instance_uid"].map(uid_to_accession)
    index["match"] = None
    index.loc[by_accession, "match"] = "AccessionNumber"
    index.loc[by_uid, "match"] = "StudyInstanceUID"
    in_cohort = by_accession | by_uid
    index.loc[in_cohort, "status"] = "cohort"
    outside = readable & ~in_cohort
    index.loc[outside, "status"] = "outside_cohort"
    index.loc[outside, "reason"] = "no cohort study with this AccessionNumber or StudyInstanceUID"
    index = index.sort_values("path").reset_index(drop=True)
    cohort_rows = index["status"] == "cohort"
    first_path = index.loc[cohort_rows].groupby("sop_instance_uid")["path"].first()
    dup = pd.Series(False, index=index.index)
    dup.loc[cohort_rows] = index.loc[cohort_rows, "sop_instance_uid"].duplicated(keep="first")
    index.loc[dup, "status"] = "duplicate"
    index.loc[dup, "reason"] = "duplicate SOPInstanceUID: first copy is " + index.loc[dup, "sop_instance_uid"].map(first_path)
    return index


def write_index(pacs_dir: str | Path, out_path: str | Path, workers: int = 1,
                chunk_size: int = 500, folders_path: str | Path | None = None) -> pd.DataFrame:
    """Read every header under ``pacs_dir`` into ``out_path`` (Parquet, owner-only).

    The join with the cohort happens later (``cxrbuild.ids``), so a change in
    the EHR never re-reads the PACS. With ``folders_path``, the PACS folders
    and their times are recorded there first (:mod:`cxrbuild.pacs_folders`),
    so that a later build can tell whether files came or went.
    """
    folders = list_folders(pacs_dir) if folders_path is not None else None
    headers = read_headers(pacs_dir, workers=workers, chunk_size=chunk_size)
    with atomic_path(out_path, mode=0o600) as tmp:
        headers.to_parquet(tmp, index=False)
    if folders is not None:
        write_listing(folders_path, folders)
    return headers
