"""What every batch writes: the records file listing each planned item with its status.

A batch reads its plan (written by ``cxrbuild.ids``), writes its outputs under
a staging folder with the release's relative paths, and lists every planned
item in a records file (JSON lines: ``output``, ``status``, ``reason``,
``sha256`` of the staged bytes, the item's ids and what its kind adds), so
packaging never has to re-read the files and nothing planned can go missing
without a reason. The records are written here and read here, by every stage.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from cxrbuild.util.atomic import atomic_write_text
from cxrbuild.util.errors import CxrbuildError

MAX_REASON = 300


class Status(StrEnum):
    """What became of a planned item: released, or held back with a reason."""

    OK = "ok"
    QUARANTINED = "quarantined"


@dataclass
class BatchRecord:
    """One planned item of a batch (an image or a report) and its outcome.

    ``details`` holds what the kind adds: for an image its ``dicom_id``,
    ``source``, ``boxes`` and transfer syntaxes, for a report its ``n_phi``.
    """

    output: str
    subject_id: str
    study_id: str
    status: Status = Status.QUARANTINED
    reason: str = ""
    sha256: str | None = None
    details: dict[str, object] = field(default_factory=dict)

    def released(self, sha256: str, **details: object) -> None:
        self.status, self.reason, self.sha256 = Status.OK, "", sha256
        self.details.update(details)

    def withheld(self, reason: object) -> None:
        self.status, self.reason, self.sha256 = Status.QUARANTINED, one_line(reason), None

    @property
    def ok(self) -> bool:
        return self.status is Status.OK

    def as_dict(self) -> dict[str, object]:
        return {**self.details, "output": self.output, "subject_id": self.subject_id, "study_id": self.study_id,
                "status": str(self.status), "reason": self.reason, "sha256": self.sha256}

    @classmethod
    def from_dict(cls, row: dict[str, object]) -> BatchRecord:
        """The record of one line of a records file (``as_dict`` read back)."""
        details = dict(row)
        fields = {name: details.pop(name) for name in ("output", "subject_id", "study_id", "status")}
        reason, sha256 = details.pop("reason", ""), details.pop("sha256", None)
        return cls(str(fields["output"]), str(fields["subject_id"]), str(fields["study_id"]),
                   Status(fields["status"]), str(reason or ""), None if sha256 is None else str(sha256), details)


def status_counts(records: Iterable[BatchRecord]) -> dict[str, int]:
    """How many records of each status (every status named, zero included)."""
    statuses = [r.status for r in records]
    return {str(status): statuses.count(status) for status in Status}


def write_records(records: Iterable[BatchRecord], records_path: str | Path) -> None:
    """The records file of a batch, one JSON line per item in order of output path."""
    rows = sorted((r.as_dict() for r in records), key=lambda r: str(r["output"]))
    atomic_write_text(records_path, "".join(json.dumps(r, sort_keys=True, ensure_ascii=False) + "\n" for r in rows))


def read_records(paths: Iterable[str | Path]) -> list[BatchRecord]:
    """The records of every batch records file in ``paths``, in order.

    A missing file is an error (a batch did not run), and so is a line that is
    not JSON or a record without its ids or a known :class:`Status`.
    """
    rows = []
    for path in paths:
        path = Path(path)
        if not path.exists():
            raise CxrbuildError(f"{path}: batch records file not found")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                record = BatchRecord.from_dict(json.loads(line))
            except json.JSONDecodeError as err:
                raise CxrbuildError(f"{path}:{number}: not a JSON line ({err.msg})") from err
            except (KeyError, TypeError, ValueError) as err:
                raise CxrbuildError(f"{path}:{number}: a record without its ids or a known status ({err})") from err
            rows.append(record)
    return rows


def one_line(text: object) -> str:
    return " ".join(str(text).split())[:MAX_REASON]
