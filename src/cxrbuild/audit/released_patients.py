"""Which patients a release holds: read from the private crosswalk.

The release itself names no patient, so the audit learns whom to look for
from the crosswalk the build keeps in its work area (``cxrbuild.ids``):
``subjects.parquet`` (mrn <-> subject_id), ``studies.parquet`` and
``images.parquet`` (whose original Study, Series and SOP Instance UIDs are
searched for too). A single table (Parquet or CSV) with an ``mrn`` column,
and optionally ``subject_id`` and ``*_uid`` columns, is accepted as well.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from cxrbuild.contract import PATIENT_TABLES, crosswalk_path
from cxrbuild.util.errors import CxrbuildError


@dataclass
class ReleasedPatients:
    """The released patients and what the crosswalk knows of them."""

    path: Path
    mrns: set[str]
    subject_owner: dict[str, str] = field(default_factory=dict)  # subject_id -> mrn
    uids: dict[str, set[str]] = field(default_factory=dict)  # mrn -> original UIDs


def _read_table(path: Path) -> pd.DataFrame:
    try:
        if path.suffix == ".parquet":
            return pd.read_parquet(path)
        return pd.read_csv(path, dtype=str, keep_default_na=False)
    except Exception as err:  # pyarrow/pandas raise many kinds; name the file
        raise CxrbuildError(f"{path}: cannot read the crosswalk table ({str(err).splitlines()[0]})") from err


def _crosswalk_dir(work_dir: Path) -> Path | None:
    own = Path(crosswalk_path(work_dir, "subjects")).parent
    for candidate in [own, work_dir, *sorted(work_dir.glob("**/subjects.parquet"))]:
        folder = candidate.parent if candidate.name == "subjects.parquet" else candidate
        if (folder / "subjects.parquet").exists():
            return folder
    return None


def _add(links: ReleasedPatients, frame: pd.DataFrame, path: Path) -> None:
    if "mrn" not in frame.columns:
        raise CxrbuildError(f"{path}: crosswalk table has no mrn column")
    mrns = frame["mrn"].astype(str)
    # every row counts, quarantined ones included: a withheld study's identifiers
    # must not have slipped into a released file either
    released = frame
    links.mrns.update(m for m in mrns if m and m != "nan")
    if "subject_id" in frame.columns:
        for subject, mrn in zip(released["subject_id"].astype(str), released["mrn"].astype(str), strict=True):
            if subject and subject != "nan" and mrn and mrn != "nan":
                links.subject_owner[subject] = mrn
    for column in frame.columns:
        if column.endswith("_uid") and column != "sop_class_uid":
            for mrn, uid in zip(mrns, frame[column], strict=True):
                if isinstance(uid, str) and uid:
                    links.uids.setdefault(mrn, set()).add(uid)


def load_crosswalk(crosswalk: Path | Sequence[Path] | None = None,
                   work_dir: Path | None = None) -> ReleasedPatients | None:
    """The released patients from ``crosswalk`` (a file, a folder, or the crosswalk tables of one folder)
    or the work area; None if neither is given."""
    if crosswalk is None and work_dir is None:
        return None
    if isinstance(crosswalk, Sequence) and not isinstance(crosswalk, str):
        return _load_tables([Path(path) for path in crosswalk])
    if crosswalk is not None:
        crosswalk = Path(crosswalk)
        if not crosswalk.exists():
            raise CxrbuildError(f"{crosswalk}: crosswalk not found")
        folder = crosswalk if crosswalk.is_dir() else None
    else:
        assert work_dir is not None
        if not Path(work_dir).is_dir():
            raise CxrbuildError(f"{work_dir}: work directory not found")
        folder = _crosswalk_dir(Path(work_dir))
        if folder is None:
            raise CxrbuildError(f"{work_dir}: no crosswalk (subjects.parquet) in the work directory")
    if folder is None:
        assert crosswalk is not None
        links = ReleasedPatients(crosswalk, set())
        _add(links, _read_table(crosswalk), crosswalk)
        return links
    if not (folder / "subjects.parquet").exists():
        raise CxrbuildError(f"{folder}: no subjects.parquet in the crosswalk folder")
    return _load_tables([path for path in (folder / f"{name}.parquet" for name in PATIENT_TABLES) if path.exists()])


def _load_tables(paths: Sequence[Path]) -> ReleasedPatients:
    """The released patients of the crosswalk tables ``paths`` (those with an ``mrn`` column count)."""
    folders = {path.parent for path in paths}
    if not paths or len(folders) > 1:
        raise CxrbuildError(f"{', '.join(map(str, paths)) or 'no table'}: not the crosswalk tables of one folder")
    links = ReleasedPatients(folders.pop(), set())
    for path in paths:
        if not path.exists():
            raise CxrbuildError(f"{path}: crosswalk table not found")
        frame = _read_table(path)
        if "mrn" in frame.columns:
            _add(links, frame, path)
    return links
