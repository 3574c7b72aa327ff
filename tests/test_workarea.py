"""The work area: its lock (never stale), its key (one per work area) and where it may lie."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cxrbuild.audit.datacard import config_digest
from cxrbuild.keys import key_fingerprint, load_key
from cxrbuild.util.errors import CxrbuildError
from cxrbuild.workarea import WorkAreaLock, check_layout, work_area_key

HOLD = """
import sys, time
sys.path.insert(0, sys.argv[2])
from cxrbuild.workarea import WorkAreaLock
WorkAreaLock(sys.argv[1]).acquire(checkout=sys.argv[3])
print("held", flush=True)
time.sleep(600)
"""
SRC = Path(__file__).resolve().parent.parent / "src"


def test_a_held_lock_names_its_holder_and_a_killed_holder_leaves_it_free(tmp_path: Path) -> None:
    work = tmp_path / "work"
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(work), str(SRC), "/some/checkout"],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        lock = WorkAreaLock(work)
        assert not lock.is_free()
        with pytest.raises(CxrbuildError) as refused:
            lock.acquire(checkout=tmp_path)
        message = str(refused.value)
        assert "\n" not in message and message.startswith(f"{work}: work area in use by another build")
        assert f"pid {holder.pid} on {socket.gethostname()}, checkout /some/checkout, started 20" in message
    finally:
        holder.send_signal(signal.SIGKILL)
        holder.wait(timeout=30)
    deadline = time.monotonic() + 10
    while not lock.is_free() and time.monotonic() < deadline:
        time.sleep(0.05)
    lock.acquire(checkout=tmp_path)  # nothing to unlock: the kernel dropped the killed holder's lock
    assert f'"pid": {os.getpid()}' in (work / "build.lock").read_text()
    lock.release()


def write_key(path: Path, hex_byte: str) -> Path:
    path.write_text(hex_byte * 32 + "\n")
    return path


def test_a_new_work_area_makes_its_key_and_then_refuses_any_other(tmp_path: Path) -> None:
    work, key = tmp_path / "work", tmp_path / "private" / "secret.key"
    with pytest.raises(CxrbuildError, match="secret key file not found"):
        work_area_key(work, key)  # not asked to make one
    made, fingerprint, created = work_area_key(work, key, create=True)
    assert created and fingerprint == key_fingerprint(load_key(key)) and key.stat().st_mode & 0o077 == 0
    assert (work / "key_fingerprint").read_text().strip() == fingerprint
    assert work_area_key(work, key, create=True) == (made, fingerprint, False)
    with pytest.raises(CxrbuildError, match=f"not the one of the work area {work} \\({fingerprint}\\)"):
        work_area_key(work, write_key(tmp_path / "other.key", "22"), create=True)
    with pytest.raises(CxrbuildError, match=f"holds ids issued under the key with fingerprint {fingerprint}"):
        work_area_key(work, tmp_path / "mistyped.key", create=True)
    assert not (tmp_path / "mistyped.key").exists()


def test_a_work_area_made_before_the_fingerprint_file_is_known_by_its_ids(tmp_path: Path) -> None:
    work = tmp_path / "work"
    (work / "ids").mkdir(parents=True)
    old = write_key(tmp_path / "old.key", "11")
    (work / "ids" / "summary.json").write_text(f'{{"key_fingerprint": "{key_fingerprint(load_key(old))}"}}')
    with pytest.raises(CxrbuildError, match="is not the one of the work area"):
        work_area_key(work, write_key(tmp_path / "new.key", "22"), create=True)
    assert work_area_key(work, old)[2] is False


@pytest.mark.parametrize(("pacs", "work", "release", "words"), [
    ("/data/pacs", "/data/pacs/work", "/data/release", "work.dir /data/pacs/work lies inside the PACS folder"),
    ("/data/pacs", "/data/work", "/data/pacs/out/release", "release.dir /data/pacs/out/release lies inside"),
    ("/data/pacs", "/data/release/work", "/data/release", "work.dir /data/release/work lies inside release.dir"),
])
def test_folders_that_would_feed_back_or_release_the_crosswalk_are_refused(pacs, work, release, words) -> None:
    with pytest.raises(CxrbuildError, match=words):
        check_layout(pacs, work, release)


def test_apart_folders_pass() -> None:
    check_layout("/data/pacs", "/data/work", "/data/release")
    check_layout(None, "results/work", "results/release")


def test_the_config_digest_leaves_out_where_things_are() -> None:
    here = {"work": {"dir": "/a/work"}, "release": {"dir": "/a/release", "name": "mimic-cxr"},
            "secrets": {"key_file": "/a/secret.key"}, "ehr": {"url": "sqlite:////a/ehr.sqlite"},
            "pacs": {"dir": "/a/pacs", "dicomweb_url": None}, "demo": {"dir": "/a/demo", "patients": 3},
            "ner": {"model_dir": "/a/model", "seed": 0}}
    there = {"work": {"dir": "/b/w"}, "release": {"dir": "/b/r", "name": "mimic-cxr"},
             "secrets": {"key_file": "/b/k"}, "ehr": {"url": "sqlite:////b/ehr.sqlite"},
             "pacs": {"dir": "/b/pacs", "dicomweb_url": None}, "demo": {"dir": "/b/demo", "patients": 3},
             "ner": {"model_dir": "/b/model", "seed": 0}}
    assert config_digest(here) == config_digest(there)
    assert config_digest(here) != config_digest({**here, "release": {"dir": "/a/release", "name": "other"}})
    assert config_digest(here) != config_digest({**here, "demo": {"dir": "/a/demo", "patients": 4}})
