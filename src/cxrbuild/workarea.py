"""The private work area of a build: who may use it, which key it belongs to, where it may lie.

- **Lock.** One build at a time uses a work area. The driving process holds an
  exclusive ``flock(2)`` on ``WORK/build.lock`` for as long as it lives; the
  kernel drops the lock when that process ends, however it ends (``kill -9``
  included), so a lock can never be left stale. The file also records who
  holds it (pid, host, checkout, start time) so that a second build can name
  the first one when it stops.
- **Key.** A work area holds ids issued under one secret key; it remembers
  the key's fingerprint (``WORK/key_fingerprint``) and refuses any other key,
  and a missing key file is an error once ids exist (a new key would silently
  issue all-new, unlinkable ids). A key is made only for a new work area.
- **Place.** The work area (it holds the crosswalk) must never lie inside the
  release, and neither may lie inside the PACS folder (they would be read
  back as PACS input, and the build would never settle).
"""

from __future__ import annotations

import datetime as dt
import fcntl
import json
import os
import socket
from pathlib import Path

from cxrbuild.contract import ids_summary_path
from cxrbuild.keys import create_key, key_fingerprint, load_key
from cxrbuild.util.atomic import atomic_write_text
from cxrbuild.util.errors import CxrbuildError
from cxrbuild.util.paths import PRIVATE_FILE, is_inside, private_dir

LOCK_NAME = "build.lock"
FINGERPRINT_NAME = "key_fingerprint"


class WorkAreaLock:
    """The exclusive lock of a work area, held by the process that drives a build."""

    def __init__(self, work_dir: str | os.PathLike[str]) -> None:
        self.work_dir = Path(work_dir)
        self.path = self.work_dir / LOCK_NAME
        self._fd: int | None = None

    def holder(self) -> str:
        """Who holds (or last held) the lock, as the lock file records it."""
        try:
            info = json.loads(self.path.read_text(encoding="utf-8"))
            return (f"pid {info['pid']} on {info['host']}, checkout {info['checkout']}, "
                    f"started {info['started']}")
        except (OSError, ValueError, KeyError, TypeError):
            return "a build that has not yet recorded itself"

    def is_free(self) -> bool:
        """Whether no live process holds the lock (a probe: the lock is not kept, no file is made)."""
        try:
            fd = os.open(self.path, os.O_RDONLY)
        except FileNotFoundError:
            return True
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        finally:
            os.close(fd)  # closing drops a lock taken here
        return True

    def acquire(self, checkout: str | os.PathLike[str]) -> None:
        """Take the lock for this process, or stop with one line naming the build that holds it."""
        private_dir(self.work_dir)
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, PRIVATE_FILE)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise CxrbuildError(f"{self.work_dir}: work area in use by another build ({self.holder()}); "
                                "wait for it to end or stop it") from None
        started = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
        holder = json.dumps({"pid": os.getpid(), "host": socket.gethostname(),
                             "checkout": str(Path(checkout).resolve()), "started": started}) + "\n"
        os.ftruncate(fd, 0)
        os.pwrite(fd, holder.encode(), 0)
        os.fsync(fd)
        self._fd = fd  # kept open: the lock lives as long as this process

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def recorded_fingerprint(work_dir: str | os.PathLike[str]) -> str | None:
    """The fingerprint of the key the work area's ids were issued under (None for a new work area).

    Work areas made before the fingerprint file existed are known by their assignment summary.
    """
    work = Path(work_dir)
    try:
        return (work / FINGERPRINT_NAME).read_text(encoding="ascii").strip() or None
    except FileNotFoundError:
        pass
    try:
        return json.loads(Path(ids_summary_path(work)).read_text(encoding="utf-8")).get("key_fingerprint")
    except (FileNotFoundError, ValueError):
        return None


def work_area_key(work_dir: str | os.PathLike[str], key_file: str | os.PathLike[str],
                  create: bool = False) -> tuple[bytes, str, bool]:
    """The secret key of the work area: (key, fingerprint, whether it was made now).

    ``create``: make the key when the file is missing and the work area is new
    (the first build). Another key than the one the work area remembers, or a
    missing key once it remembers one, stops the build with one line.
    """
    work, key_path = Path(work_dir), Path(key_file)
    remembered = recorded_fingerprint(work)
    created = False
    if not key_path.exists() and remembered is None and create:
        key, created = create_key(key_path), True
    else:
        try:
            key = load_key(key_path)
        except CxrbuildError as err:
            if remembered is None:
                raise
            raise CxrbuildError(f"{key_path}: secret key file not found; the work area {work} holds ids issued "
                                f"under the key with fingerprint {remembered}: point secrets.key_file at that key, "
                                "or use a new work.dir for a fresh release") from err
    fingerprint = key_fingerprint(key)
    if remembered is not None and remembered != fingerprint:
        raise CxrbuildError(f"{key_path}: key fingerprint {fingerprint} is not the one of the work area {work} "
                            f"({remembered}), whose ids were issued under another key: point secrets.key_file at "
                            "that key, or use a new work.dir for a fresh release")
    if remembered is None:
        private_dir(work)
        atomic_write_text(work / FINGERPRINT_NAME, fingerprint + "\n", file_mode=PRIVATE_FILE)
    return key, fingerprint, created


def check_layout(pacs_dir: str | os.PathLike[str] | None, work_dir: str | os.PathLike[str],
                 release_dir: str | os.PathLike[str]) -> None:
    """Refuse folders that overlap where they must not (see the module docstring)."""
    if is_inside(work_dir, release_dir):
        raise CxrbuildError(f"work.dir {work_dir} lies inside release.dir {release_dir}: the work area holds the "
                            "crosswalk and is never released; put it elsewhere")
    if pacs_dir:
        for key, folder in (("release.dir", release_dir), ("work.dir", work_dir)):
            if is_inside(folder, pacs_dir):
                raise CxrbuildError(f"{key} {folder} lies inside the PACS folder {pacs_dir}: it would be read "
                                    "back as PACS input on every build; put it elsewhere")
