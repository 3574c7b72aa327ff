"""The MIMIC-CXR v2.0.0 release layout (contracts.md section 2): names, paths and id forms.

The one home of each rule of the release contract: the id ranges, the shard of
an id, the path of an image or a report, the list names and columns and the
years the dates are shifted into. Everything that allocates, writes, checks or
audits a release imports them from here; this module imports nothing of cxrbuild.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

RECORD_LIST = "cxr-record-list.csv.gz"
STUDY_LIST = "cxr-study-list.csv.gz"
CHECKSUMS = "SHA256SUMS.txt"
DATA_CARD = "README.md"
FILES_DIR = "files"
RECORD_COLUMNS = ("subject_id", "study_id", "dicom_id", "path")
STUDY_COLUMNS = ("subject_id", "study_id", "path")

SUBJECT_RANGE = (10_000_000, 19_999_999)  # inclusive
STUDY_RANGE = (50_000_000, 59_999_999)  # inclusive
INDEX_YEARS = (2100, 2200)  # the index admission of every patient is shifted into these years (inclusive)
SUBJECT_MIN, SUBJECT_MAX = SUBJECT_RANGE
STUDY_MIN, STUDY_MAX = STUDY_RANGE
DATE_YEAR_MIN, DATE_YEAR_MAX = INDEX_YEARS

SUBJECT_ID = re.compile(r"^[0-9]{8}$")
STUDY_ID = re.compile(r"^[0-9]{8}$")
DICOM_ID = re.compile(r"^[0-9a-f]{8}(?:-[0-9a-f]{8}){4}$")
IMAGE_PATH = re.compile(r"^files/(p[0-9]{2})/p([0-9]{8})/s([0-9]{8})/([0-9a-f-]{44})\.dcm$")
REPORT_PATH = re.compile(r"^files/(p[0-9]{2})/p([0-9]{8})/s([0-9]{8})\.txt$")


def reports_archive(name: str, suffix: str = ".tar.gz") -> str:
    """``<release.name>-reports.tar.gz`` (or ``.zip``)."""
    return f"{name}-reports{suffix}"


def shard_of(subject_id: str) -> str:
    """The shard folder: the first three characters of ``p<subject_id>``."""
    return f"p{subject_id}"[:3]


#: the shard folders p10..p19: one per leading pair of digits of the subject range
SHARDS = tuple(shard_of(str(first)) for first in range(SUBJECT_MIN, SUBJECT_MAX + 1, 1_000_000))


def id_range_text(id_range: tuple[int, int]) -> str:
    """``10000000-19999999``: a range as problems and help texts print it."""
    return f"{id_range[0]}-{id_range[1]}"


def study_dir(subject_id: str, study_id: str) -> str:
    """``files/p10/p10000032/s50414267``: the folder of a study's images."""
    return f"{FILES_DIR}/{shard_of(subject_id)}/p{subject_id}/s{study_id}"


def image_path(subject_id: str, study_id: str, dicom_id: str) -> str:
    return f"{study_dir(subject_id, study_id)}/{dicom_id}.dcm"


def report_path(subject_id: str, study_id: str) -> str:
    """The study's report sits beside its image folder: ``files/p10/p10000032/s50414267.txt``."""
    return f"{study_dir(subject_id, study_id)}.txt"


def subject_id_ok(value: str) -> bool:
    return bool(SUBJECT_ID.match(value)) and SUBJECT_MIN <= int(value) <= SUBJECT_MAX


def study_id_ok(value: str) -> bool:
    return bool(STUDY_ID.match(value)) and STUDY_MIN <= int(value) <= STUDY_MAX


def dicom_id_ok(value: str) -> bool:
    return bool(DICOM_ID.match(value))


# -- the private work area: where the crosswalk and the batch plans lie (never released) --

#: the private crosswalk of the work area, one Parquet table each
CROSSWALK_TABLES = ("subjects", "studies", "images", "pacs_files")
#: the crosswalk tables that tie released ids to the patients' MRNs (read by the leak audit)
PATIENT_TABLES = ("subjects", "studies", "images")


def crosswalk_path(work_dir: str | Path, table: str) -> str:
    return f"{work_dir}/ids/{table}.parquet"


def ids_summary_path(work_dir: str | Path) -> str:
    """The summary of the assignment of ids, with the fingerprint of the key they were issued under."""
    return f"{work_dir}/ids/summary.json"


def image_plan_path(work_dir: str | Path, shard: str, batch: int) -> Path:
    return Path(work_dir) / "plans" / "images" / f"{shard}_{batch}.json"


def report_plan_path(work_dir: str | Path, shard: str, batch: int) -> Path:
    return Path(work_dir) / "plans" / "reports" / f"{shard}_{batch}.json"


@dataclass(frozen=True)
class ReleaseFiles:
    """The top-level files of one release folder, named as section 2 names them."""

    root: Path
    name: str = "mimic-cxr"  # release.name, the prefix of the reports archive

    @property
    def record_list(self) -> Path:
        return self.root / RECORD_LIST

    @property
    def study_list(self) -> Path:
        return self.root / STUDY_LIST

    @property
    def checksums(self) -> Path:
        return self.root / CHECKSUMS

    @property
    def data_card(self) -> Path:
        return self.root / DATA_CARD

    @property
    def reports_archive(self) -> Path:
        return self.root / reports_archive(self.name)

    @property
    def reports_zip(self) -> Path:
        return self.root / reports_archive(self.name, ".zip")

    @classmethod
    def declared(cls, name: str, **paths: str | Path) -> ReleaseFiles:
        """The release whose files are ``paths`` (``checksums=...``, ``record_list=...``: what a rule declares).

        Each must be the contract's file of that name in one and the same
        folder: the layout is fixed, and a file named otherwise would make a
        release that is not of the contract.
        """
        if not paths:
            raise ValueError("a release is known by at least one of its files")
        release = cls(Path(next(iter(paths.values()))).parent, name)
        for field_name, path in paths.items():
            if Path(path) != getattr(release, field_name):
                raise ValueError(f"{path}: not the release's {field_name} ({getattr(release, field_name)})")
        return release


@dataclass(frozen=True)
class ReleasedFile:
    """One file under ``files/``: an image or a report, with the ids its path carries."""

    path: str
    kind: str  # "image" | "report"
    shard: str
    subject_id: str
    study_id: str
    dicom_id: str | None = None


def subject_of_path(path: str) -> str | None:
    """The subject whose folder ``p<subject_id>`` a path, or an archive member's path, goes through."""
    for part in path.split("/"):
        if part.startswith("p") and subject_id_ok(part[1:]):
            return part[1:]
    return None


def released_reports(release_dir: Path) -> list[ReleasedFile]:
    """The reports under ``release_dir`` (files of the layout only), sorted by path."""
    files = Path(release_dir) / FILES_DIR
    parsed = (parse_release_path(p.relative_to(release_dir).as_posix()) for p in files.rglob("*.txt") if p.is_file())
    return sorted((r for r in parsed if r is not None and r.kind == "report"), key=lambda r: r.path)


def parse_release_path(path: str) -> ReleasedFile | None:
    """The ids in a release path, or None when the path is not of the layout."""
    match = IMAGE_PATH.match(path)
    if match:
        return ReleasedFile(path, "image", *match.groups())
    match = REPORT_PATH.match(path)
    if match:
        return ReleasedFile(path, "report", *match.groups())
    return None
