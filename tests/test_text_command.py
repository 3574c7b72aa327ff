"""``cxrbuild deid-reports IN.jsonl OUT.jsonl`` (contracts.md section 3)."""

from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

from cxrbuild.cli import main

REPORTS = [
    {"id": "a1", "text": "FINDINGS: Discussed with Dr. Hall at 10:15 on 03/12/2012.\n IMPRESSION: Normal."},
    {"id": 2, "text": "No PHI here: PA and lateral views, Kerley B lines.", "deny": ["SNOW^JON"]},
]


def write_jsonl(path: Path, records: list) -> None:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")


def test_each_line_becomes_id_text_and_phi_spans(tmp_path):
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_jsonl(source, REPORTS)
    assert main(["deid-reports", str(source), str(target)]) == 0
    lines = [json.loads(line) for line in target.read_text(encoding="utf-8").splitlines()]
    assert [line["id"] for line in lines] == ["a1", 2]
    first = lines[0]
    assert first["text"] == "FINDINGS: Discussed with Dr. ___ at ___ on ___.\n IMPRESSION: Normal."
    original = REPORTS[0]["text"]
    assert [(original[p["start"]:p["end"]], p["label"]) for p in first["phi"]] == [
        ("Hall", "NAME"), ("10:15", "TIME"), ("03/12/2012", "DATE"),
    ]
    assert set(first) == {"id", "text", "phi"}
    assert lines[1]["text"] == REPORTS[1]["text"] and lines[1]["phi"] == []


def test_stdin_to_stdout():
    payload = json.dumps({"id": "x", "text": "Call 617-555-0101."}) + "\n"
    done = subprocess.run(
        [sys.executable, "-m", "cxrbuild.cli", "deid-reports", "-", "-"],
        input=payload, capture_output=True, text=True, timeout=120, check=False,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == {"id": "x", "text": "Call ___.", "phi": [{"start": 5, "end": 17, "label": "PHONE"}]}


def test_bad_line_is_a_one_line_error_with_its_number_and_no_output(tmp_path, capsys):
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    source.write_text(json.dumps(REPORTS[0]) + "\n" + "{not json\n", encoding="utf-8")
    assert main(["deid-reports", str(source), str(target)]) == 2
    error = capsys.readouterr().err.strip().splitlines()
    assert len(error) == 1 and f"{source}:2" in error[0] and "not valid JSON" in error[0]
    assert not target.exists()
    assert list(tmp_path.iterdir()) == [source]  # no temporary file left behind either


def test_missing_text_is_refused(tmp_path, capsys):
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_jsonl(source, [{"id": "1"}])
    assert main(["deid-reports", str(source), str(target)]) == 2
    assert "in.jsonl:1" in capsys.readouterr().err
    assert not target.exists()


def test_existing_output_is_not_clobbered_on_error(tmp_path):
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    target.write_text("previous\n", encoding="utf-8")
    write_jsonl(source, [{"id": "1", "text": 5}])
    assert main(["deid-reports", str(source), str(target)]) == 2
    assert target.read_text(encoding="utf-8") == "previous\n"


def test_missing_model_directory_is_a_clear_error(tmp_path, capsys):
    source, target = tmp_path / "in.jsonl", tmp_path / "out.jsonl"
    write_jsonl(source, REPORTS)
    assert main(["deid-reports", str(source), str(target), "--model", str(tmp_path / "nope")]) == 2
    assert "model directory not found" in capsys.readouterr().err
    assert not target.exists()


def test_config_file_sets_date_shifting(tmp_path):
    source, target, config = tmp_path / "in.jsonl", tmp_path / "out.jsonl", tmp_path / "reports.yaml"
    shift = (dt.date(2131, 3, 13) - dt.date(2012, 3, 12)).days  # into the release years, one day on
    write_jsonl(source, [{"id": "1", "text": "Prior 03/12/2012.", "day_shift": shift}])
    config.write_text("reports:\n  dates: shift\n", encoding="utf-8")
    assert main(["deid-reports", str(source), str(target), "--config", str(config)]) == 0
    assert json.loads(target.read_text(encoding="utf-8"))["text"] == "Prior 03/13/2131."
