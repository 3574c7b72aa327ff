"""Bad input to every command: one line naming the path and the problem, a non-zero exit, nothing left behind."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pydicom.data
import pytest

from cxrbuild.cli import main

CT = Path(pydicom.data.__file__).parent / "test_files" / "CT_small.dcm"
UNWRITABLE = Path("/proc/cxrbuild-test")  # no process may create anything here, root included


def one_line_error(capsys: pytest.CaptureFixture, *words: str) -> str:
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1, err
    assert "Traceback" not in err and all(word in err for word in words), err
    return err


def tree(folder: Path) -> list[str]:
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*"))


@pytest.fixture
def images(tmp_path: Path) -> Path:
    in_dir = tmp_path / "in"
    in_dir.mkdir()
    shutil.copy(CT, in_dir / "ct.dcm")
    (tmp_path / "k.key").write_text("cd" * 32 + "\n")
    return in_dir


def deid_images(in_dir: Path, out_dir: Path | str, *extra: str) -> int:
    return main(["deid-images", str(in_dir), str(out_dir), "--key-file", str(in_dir.parent / "k.key"),
                 "--no-pixel-deid", *extra])


@pytest.fixture
def reports(tmp_path: Path) -> Path:
    source = tmp_path / "in.jsonl"
    source.write_text(json.dumps({"id": 1, "text": "Seen by Dr. Hall on 03/12/2012."}) + "\n")
    return source


# -- deid-images ---------------------------------------------------------------------------------


def test_deid_images_into_an_unwritable_place_is_one_line(images: Path, tmp_path: Path, capsys) -> None:
    before = tree(tmp_path)
    assert deid_images(images, UNWRITABLE) == 2
    one_line_error(capsys, str(UNWRITABLE))
    assert tree(tmp_path) == before


def test_deid_images_into_a_regular_file_writes_nothing(images: Path, tmp_path: Path, capsys) -> None:
    afile = tmp_path / "afile"
    afile.write_text("not a folder")
    before = tree(tmp_path)
    assert deid_images(images, afile) == 2
    one_line_error(capsys, str(afile), "not a directory")
    assert tree(tmp_path) == before  # no afile.manifest.jsonl, no afile.manifest.log


def test_deid_images_with_an_unwritable_manifest_or_log_is_one_line(images: Path, tmp_path: Path, capsys) -> None:
    before = tree(tmp_path)
    assert deid_images(images, tmp_path / "out", "--manifest", str(UNWRITABLE / "m.jsonl")) == 2
    one_line_error(capsys, str(UNWRITABLE / "m.jsonl"))
    assert deid_images(images, tmp_path / "out", "--log", str(UNWRITABLE / "run.log")) == 2
    one_line_error(capsys, str(UNWRITABLE / "run.log"))
    assert tree(tmp_path) == before


def test_deid_images_of_an_empty_folder_fails(tmp_path: Path, capsys) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "k.key").write_text("cd" * 32 + "\n")
    assert deid_images(tmp_path / "empty", tmp_path / "out") == 2
    one_line_error(capsys, str(tmp_path / "empty"), "no files")
    assert not (tmp_path / "out").exists()


def test_an_unknown_modality_is_refused_not_quarantining_everything(images: Path, tmp_path: Path, capsys) -> None:
    assert deid_images(images, tmp_path / "out", "--modalities", "CR,XRAY") == 2
    one_line_error(capsys, "XRAY", "Modality")
    assert not (tmp_path / "out").exists()


def test_a_bad_config_leaves_no_log_or_manifest(images: Path, tmp_path: Path, capsys) -> None:
    config = tmp_path / "bad.yaml"
    config.write_text("pixels: true\ncolour: blue\n")
    before = tree(tmp_path)
    assert deid_images(images, tmp_path / "out", "--config", str(config)) == 2
    one_line_error(capsys, "colour")
    assert tree(tmp_path) == before


def test_a_missing_key_is_an_error_and_a_key_is_made_only_when_asked(images: Path, tmp_path: Path, capsys) -> None:
    key = tmp_path / "nonexistent" / "k.key"
    args = ["deid-images", str(images), str(tmp_path / "out"), "--key-file", str(key), "--no-pixel-deid"]
    assert main(args) == 2
    one_line_error(capsys, str(key), "not found")
    assert not key.parent.exists() and not (tmp_path / "out").exists()
    assert main([*args, "--new-key"]) == 0
    assert key.stat().st_mode & 0o077 == 0
    from cxrbuild.keys import key_fingerprint, load_key

    assert f"fingerprint {key_fingerprint(load_key(key))}" in capsys.readouterr().err
    made = key.read_bytes()
    assert main([*args, "--new-key"]) == 2  # never replaced
    one_line_error(capsys, str(key), "already exists")
    assert key.read_bytes() == made
    assert main(args) == 0


# -- deid-reports --------------------------------------------------------------------------------


def test_deid_reports_of_a_folder_is_one_line(tmp_path: Path, capsys) -> None:
    assert main(["deid-reports", str(tmp_path), str(tmp_path / "out.jsonl")]) == 2
    one_line_error(capsys, str(tmp_path), "folder")
    assert not (tmp_path / "out.jsonl").exists()


@pytest.mark.parametrize("where", ["unwritable", "a folder", "under a file"])
def test_deid_reports_to_a_place_it_cannot_write_is_one_line(reports: Path, tmp_path: Path, capsys, where: str) -> None:
    target = {"unwritable": UNWRITABLE / "out.jsonl", "a folder": tmp_path / "existing",
              "under a file": tmp_path / "afile" / "out.jsonl"}[where]
    (tmp_path / "existing").mkdir()
    (tmp_path / "afile").write_text("a file")
    before = tree(tmp_path)
    assert main(["deid-reports", str(reports), str(target)]) == 2
    one_line_error(capsys)
    assert tree(tmp_path) == before


def test_deid_reports_never_overwrites_its_input(reports: Path, capsys) -> None:
    original = reports.read_bytes()
    assert main(["deid-reports", str(reports), str(reports)]) == 2
    one_line_error(capsys, str(reports), "overwrite the input")
    assert reports.read_bytes() == original


def test_deid_reports_with_an_unwritable_log_or_bad_settings_leaves_nothing(reports: Path, tmp_path: Path,
                                                                            capsys) -> None:
    before = tree(tmp_path)
    assert main(["deid-reports", str(reports), str(tmp_path / "out.jsonl"), "--log", str(UNWRITABLE / "x.log")]) == 2
    one_line_error(capsys, str(UNWRITABLE / "x.log"))
    settings = tmp_path / "settings.yaml"
    settings.write_text("dates: shift\ncolour: blue\n")
    before = tree(tmp_path)
    assert main(["deid-reports", str(reports), str(tmp_path / "out.jsonl"), "--config", str(settings),
                 "--log", str(tmp_path / "run.log")]) == 2
    one_line_error(capsys, "colour")
    assert tree(tmp_path) == before


def test_a_json_error_is_reported_whole(tmp_path: Path, capsys) -> None:
    source = tmp_path / "in.jsonl"
    source.write_text('{"id": 1, "text": "tab\there"}\n')  # a raw control character inside a JSON string
    assert main(["deid-reports", str(source), str(tmp_path / "out.jsonl")]) == 2
    err = one_line_error(capsys, f"{source}:1", "Invalid control character")
    assert "column 23" in err


# -- audit ---------------------------------------------------------------------------------------


def test_audit_of_an_empty_folder_fails(synth_small: Path, tmp_path: Path, capsys) -> None:
    (tmp_path / "release").mkdir()
    assert main(["audit", str(tmp_path / "release"), "--ehr", f"sqlite:///{synth_small / 'ehr.sqlite'}",
                 "--no-ocr"]) == 2
    one_line_error(capsys, str(tmp_path / "release"), "no released file")


def test_audit_of_a_missing_sqlite_ehr_creates_no_database(tmp_path: Path, capsys) -> None:
    release = tmp_path / "release"
    release.mkdir()
    (release / "SHA256SUMS.txt").write_text("")
    missing = tmp_path / "missing.sqlite"
    assert main(["audit", str(release), "--ehr", f"sqlite:///{missing}", "--no-ocr"]) == 2
    one_line_error(capsys, str(missing), "not found")
    assert not missing.exists()


def test_audit_checks_its_findings_folder_before_scanning(synth_small: Path, tmp_path: Path, capsys,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    import cxrbuild.audit.release_audit as audit_command

    def no_scan(*args, **kwargs):
        raise AssertionError("the release was scanned before the findings folder was checked")

    monkeypatch.setattr(audit_command, "ReleaseScanner", no_scan)
    monkeypatch.setattr(audit_command, "collect_identifiers", no_scan)
    release = tmp_path / "release"
    release.mkdir()
    (release / "SHA256SUMS.txt").write_text("")
    assert main(["audit", str(release), "--ehr", f"sqlite:///{synth_small / 'ehr.sqlite'}",
                 "--out", str(UNWRITABLE)]) == 2
    one_line_error(capsys, str(UNWRITABLE))


# -- synth ---------------------------------------------------------------------------------------


def test_synth_with_zero_patients_leaves_no_log(tmp_path: Path, capsys) -> None:
    assert main(["synth", "--out", str(tmp_path / "hospital"), "--patients", "0"]) == 2
    one_line_error(capsys, "--patients")
    assert tree(tmp_path) == []
