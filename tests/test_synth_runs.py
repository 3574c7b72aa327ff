"""How `cxrbuild synth` runs: determinism, headers-only and full-size modes, the command, failures."""

from __future__ import annotations

import argparse
import io
import json
from pathlib import Path

import numpy as np
import pydicom
import pytest

from cxrbuild.synth import build, dicomgen, ehr, generate, reports
from cxrbuild.synth.command import register
from cxrbuild.util.errors import CxrbuildError


def _tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_same_seed_gives_identical_bytes_whatever_the_workers(tmp_path: Path) -> None:
    quiet = io.StringIO()
    generate(tmp_path / "a", patients=3, seed=11, workers=1, progress_stream=quiet)
    generate(tmp_path / "b", patients=3, seed=11, workers=2, progress_stream=quiet)
    generate(tmp_path / "c", patients=3, seed=12, workers=2, progress_stream=quiet)
    a, b, c = _tree(tmp_path / "a"), _tree(tmp_path / "b"), _tree(tmp_path / "c")
    assert len([p for p in a if p.startswith("pacs/")]) > 8  # enough files for the pool to be used
    assert a == b
    assert a["ehr.sqlite"] != c["ehr.sqlite"]
    assert a["truth/phi.jsonl"] != c["truth/phi.jsonl"]


def test_headers_only_writes_tiny_pixels_under_full_headers(tmp_path: Path) -> None:
    summary = generate(tmp_path / "h", patients=15, seed=3, headers_only=True, progress_stream=io.StringIO())
    records = [json.loads(line) for line in (tmp_path / "h/truth/images.jsonl").read_text().splitlines()]
    images = [r for r in records if r["category"] == "image"]
    assert summary.images == len(images) > 0
    syntaxes = set()
    for record in images:
        ds = pydicom.dcmread(tmp_path / "h/pacs" / record["path"])
        assert ds.pixel_array.shape == (dicomgen.HEADERS_ONLY_SIZE, dicomgen.HEADERS_ONLY_SIZE)
        assert record["boxes"] == []
        assert ds.PatientName == record["header_phi"][next(i for i, e in enumerate(record["header_phi"]) if e["keyword"] == "PatientName")]["value"]
        syntaxes.add(ds.file_meta.TransferSyntaxUID)
    assert syntaxes == set(dicomgen.TRANSFER_SYNTAXES)


def test_full_size_images_are_2000_to_3000_pixels_with_text(tmp_path: Path) -> None:
    hospital = ehr.generate_hospital(2, seed=5)
    reports.write_reports(hospital)
    specs = [s for s in build.plan_files(hospital, "full", headers_only=False) if s.category == "image"]
    assert all(2000 <= s.rows <= 3000 and 1500 <= s.columns <= 3150 for s in specs)
    spec = next(s for s in specs if s.transfer_syntax == dicomgen.ExplicitVRLittleEndian)
    data, record = dicomgen.render_image(spec)
    (tmp_path / "full.dcm").write_bytes(data)
    ds = pydicom.dcmread(tmp_path / "full.dcm")
    assert ds.pixel_array.shape == (spec.rows, spec.columns)
    heights = [b["box"][3] - b["box"][1] for b in record["boxes"] if b["phi"]]
    assert heights and min(heights) >= 20  # text scales with the image


def _run_command(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="cxrbuild")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    try:
        return args.func(args)
    except CxrbuildError as err:
        print(f"error: {err}")
        return 2


def test_command_prints_a_summary_and_refuses_to_overwrite(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    out = tmp_path / "hospital"
    assert _run_command(["synth", "--out", str(out), "--patients", "2", "--seed", "1", "--workers", "1"]) == 0
    err = capsys.readouterr().err
    last = err.strip().splitlines()[-1]
    assert "2 patients" in last and "images" in last and "image " in last and last.endswith("s")
    assert (tmp_path / "hospital.synth.log").read_text().strip()
    before = _tree(out)
    assert _run_command(["synth", "--out", str(out), "--patients", "2"]) == 2
    message = capsys.readouterr().out.strip()
    assert str(out) in message and "\n" not in message
    assert _tree(out) == before
    assert _run_command(["synth", "--out", str(out), "--patients", "2", "--seed", "2", "--overwrite", "--workers", "1"]) == 0
    assert _tree(out) != before


@pytest.mark.parametrize(
    "kwargs, words",
    [({"patients": 0}, "--patients"), ({"image_size": "huge"}, "--image-size")],
)
def test_bad_arguments_are_one_line_errors(tmp_path: Path, kwargs: dict, words: str) -> None:
    with pytest.raises(CxrbuildError, match=words):
        generate(tmp_path / "x", **kwargs)
    assert not (tmp_path / "x").exists()


def test_a_failed_run_leaves_no_output_behind(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls = {"n": 0}
    real = dicomgen.render_image

    def failing(spec):
        calls["n"] += 1
        if calls["n"] > 3:
            raise OSError("disk full")
        return real(spec)

    monkeypatch.setattr(dicomgen, "render_image", failing)
    with pytest.raises(OSError):
        generate(tmp_path / "h", patients=2, workers=1, progress_stream=io.StringIO())
    assert list(tmp_path.iterdir()) == []


def test_rendering_is_independent_of_order() -> None:
    hospital = ehr.generate_hospital(1, seed=9)
    reports.write_reports(hospital)
    specs = [s for s in build.plan_files(hospital, "small", headers_only=False) if s.category == "image"][:2]
    first = [dicomgen.render_image(s)[0] for s in specs]
    second = [dicomgen.render_image(s)[0] for s in reversed(specs)][::-1]
    assert first == second
    assert not np.array_equal(np.frombuffer(first[0][-4096:], np.uint8), np.frombuffer(first[1][-4096:], np.uint8))


def test_an_unwritable_output_is_a_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    assert _run_command(["synth", "--out", str(blocker / "hospital"), "--patients", "1"]) == 2
    message = capsys.readouterr().out.strip()
    assert str(blocker) in message and "not a directory" in message and "\n" not in message
    with pytest.raises(CxrbuildError, match="cannot write here"):
        generate(blocker / "hospital", patients=1)
