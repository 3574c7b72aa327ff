"""Batch records: written and read by one module, as dataclasses with a status, the file format unchanged."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cxrbuild.batches.records import BatchRecord, Status, read_records, status_counts, write_records
from cxrbuild.util.errors import CxrbuildError

IMAGE = "files/p10/p10000032/s50414267/02aa804e-bde0afdd-112c0b34-7bc16630-4e384014.dcm"
REPORT = "files/p10/p10000032/s50414267.txt"


def test_records_read_back_as_written(tmp_path: Path) -> None:
    image = BatchRecord(IMAGE, "10000032", "50414267", details={"dicom_id": "02aa804e", "source": "/pacs/1.dcm"})
    image.released("a" * 64, boxes=[[1, 2, 3, 4]], transfer_syntax="1.2.840.10008.1.2.1")
    report = BatchRecord(REPORT, "10000032", "50414267")
    report.withheld("ValueError:   a\nreason")
    path = tmp_path / "records.jsonl"
    write_records([image, report], path)
    records = read_records([path])
    assert records == [report, image]  # in order of output path
    assert records[1].status is Status.OK and records[1].ok and records[1].details["boxes"] == [[1, 2, 3, 4]]
    assert records[0].status is Status.QUARANTINED and records[0].reason == "ValueError: a reason"
    assert status_counts(records) == {"ok": 1, "quarantined": 1}


def test_the_file_format_is_one_sorted_json_object_per_line(tmp_path: Path) -> None:
    record = BatchRecord(REPORT, "10000032", "50414267")
    record.released("b" * 64, n_phi=3)
    path = tmp_path / "records.jsonl"
    write_records([record], path)
    assert path.read_text() == ('{"n_phi": 3, "output": "' + REPORT + '", "reason": "", "sha256": "' + "b" * 64
                                + '", "status": "ok", "study_id": "50414267", "subject_id": "10000032"}\n')
    write_records(read_records([path]), tmp_path / "again.jsonl")
    assert (tmp_path / "again.jsonl").read_bytes() == path.read_bytes()


@pytest.mark.parametrize(("line", "message"), [
    ("{not json", r"records\.jsonl:1: not a JSON line"),
    (json.dumps({"output": REPORT, "subject_id": "1", "study_id": "2", "status": "done"}), r":1: a record without"),
    (json.dumps({"output": REPORT, "status": "ok"}), r":1: a record without its ids"),
])
def test_a_bad_line_is_a_one_line_error(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "records.jsonl"
    path.write_text(line + "\n")
    with pytest.raises(CxrbuildError, match=message):
        read_records([path])
