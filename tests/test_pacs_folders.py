"""Change detection of a PACS folder: one stat per recorded folder, reads only where a time moved."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from cxrbuild.pacs_folders import (
    changed_folders,
    list_folders,
    note_changes,
    read_listing,
    write_listing,
)


def _later() -> None:
    """Let the file system clock move on (its timestamps are only as fine as its clock tick)."""
    time.sleep(0.05)


@pytest.fixture
def pacs(tmp_path: Path) -> Path:
    root = tmp_path / "pacs"
    for folder in ("2011/Smith^J/CR1", "2011/Smith^J/CR2", "2012/Doe^A/DX1", "empty"):
        (root / folder).mkdir(parents=True)
    for name in ("2011/Smith^J/CR1/1.dcm", "2011/Smith^J/CR2/1.dcm", "2012/Doe^A/DX1/1.dcm", "README.txt"):
        (root / name).write_bytes(b"x")
    _later()
    return root


@pytest.fixture
def reads(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every directory read (os.scandir / os.listdir) while the test runs."""
    seen: list[str] = []
    real_scandir, real_listdir = os.scandir, os.listdir

    def scandir(path="."):
        seen.append(os.fspath(path))
        return real_scandir(path)

    def listdir(path="."):
        seen.append(os.fspath(path))
        return real_listdir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    monkeypatch.setattr(os, "listdir", listdir)
    return seen


def test_the_listing_holds_every_folder_os_walk_descends_into(pacs: Path) -> None:
    (pacs / "linked").symlink_to(pacs / "2011", target_is_directory=True)
    walked = {Path(d).relative_to(pacs).as_posix() for d, _dirs, _files in os.walk(pacs)}
    folders = list_folders(pacs)
    assert set(folders) == walked and "linked" not in folders
    assert folders["2011/Smith^J/CR1"] == os.stat(pacs / "2011/Smith^J/CR1").st_mtime_ns


def test_an_unchanged_pacs_is_compared_without_reading_a_single_folder(pacs: Path, reads: list[str]) -> None:
    recorded = list_folders(pacs)
    reads.clear()
    assert not changed_folders(pacs, recorded)
    assert reads == []


def test_a_file_added_deep_down_reads_only_its_folder(pacs: Path, reads: list[str]) -> None:
    recorded = list_folders(pacs)
    (pacs / "2012/Doe^A/DX1/2.dcm").write_bytes(b"y")
    reads.clear()
    changes = changed_folders(pacs, recorded)
    assert (changes.added, changes.removed, changes.modified) == ([], [], ["2012/Doe^A/DX1"])
    assert reads == [str(pacs / "2012/Doe^A/DX1")]


def test_a_file_removed_is_a_change(pacs: Path) -> None:
    recorded = list_folders(pacs)
    (pacs / "2011/Smith^J/CR2/1.dcm").unlink()
    assert changed_folders(pacs, recorded).modified == ["2011/Smith^J/CR2"]


def test_new_and_removed_folders_are_listed_with_everything_under_them(pacs: Path) -> None:
    recorded = list_folders(pacs)
    (pacs / "2013/Roe^B/CT1").mkdir(parents=True)
    (pacs / "2013/Roe^B/CT1/1.dcm").write_bytes(b"z")
    for name in ("CR1/1.dcm", "CR2/1.dcm"):
        (pacs / "2011/Smith^J" / name).unlink()
    for name in ("CR1", "CR2", ""):
        (pacs / "2011/Smith^J" / name).rmdir()
    changes = changed_folders(pacs, recorded)
    assert sorted(changes.added) == ["2013", "2013/Roe^B", "2013/Roe^B/CT1"]
    assert sorted(changes.removed) == ["2011/Smith^J", "2011/Smith^J/CR1", "2011/Smith^J/CR2"]
    assert sorted(changes.modified) == [".", "2011"]


def test_a_missing_pacs_or_an_empty_listing_is_a_change(pacs: Path, tmp_path: Path) -> None:
    recorded = list_folders(pacs)
    assert sorted(changed_folders(tmp_path / "nowhere", recorded).removed) == sorted(recorded)
    assert sorted(changed_folders(pacs, {}).added) == sorted(recorded)


def test_the_note_moves_only_when_the_pacs_changed(pacs: Path, tmp_path: Path) -> None:
    listing, note = tmp_path / "work" / "folders.json", tmp_path / "work" / "changes.json"
    assert not note_changes(pacs, listing, note)  # never indexed: nothing to compare
    assert note.exists()
    write_listing(listing, list_folders(pacs))
    assert read_listing(listing) == list_folders(pacs)
    assert listing.stat().st_mode & 0o077 == 0  # folder names of a PACS may carry identifiers
    note.unlink()
    assert not note_changes(pacs, listing, note)
    # created as 'no change since the index was made': no newer than the listing
    assert note.stat().st_mtime_ns == listing.stat().st_mtime_ns
    before = note.stat().st_mtime_ns
    assert not note_changes(pacs, listing, note)
    assert note.stat().st_mtime_ns == before
    _later()
    (pacs / "empty" / "new.dcm").write_bytes(b"n")
    changes = note_changes(pacs, listing, note)
    assert changes.modified == ["empty"]
    assert note.stat().st_mtime_ns > listing.stat().st_mtime_ns
    assert '"modified": 1' in note.read_text()
