"""Write files so that a crash never leaves a half-written output behind.

Everything is written to a temporary sibling and renamed into place
(rename is atomic within one filesystem, POSIX rename(2)).
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO


@contextlib.contextmanager
def atomic_path(path: str | os.PathLike[str], mode: int | None = None) -> Iterator[Path]:
    """Yield a temporary path next to ``path``; rename it over ``path`` on success.

    On an exception the temporary file is removed and ``path`` is untouched.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    tmp_path = Path(tmp)
    try:
        yield tmp_path
        if mode is not None:
            os.chmod(tmp_path, mode)
        os.replace(tmp_path, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            tmp_path.unlink()
        raise


@contextlib.contextmanager
def atomic_open(
    path: str | os.PathLike[str], mode: str = "w", file_mode: int | None = None, **kwargs: object
) -> Iterator[IO]:
    """Open a temporary file for writing; it replaces ``path`` only if the block succeeds."""
    with atomic_path(path, mode=file_mode) as tmp, open(tmp, mode, **kwargs) as handle:
        yield handle
        handle.flush()
        os.fsync(handle.fileno())


def atomic_write_bytes(path: str | os.PathLike[str], data: bytes, file_mode: int | None = None) -> None:
    with atomic_open(path, "wb", file_mode=file_mode) as handle:
        handle.write(data)


def atomic_write_text(path: str | os.PathLike[str], text: str, file_mode: int | None = None) -> None:
    with atomic_open(path, "w", file_mode=file_mode, encoding="utf-8", newline="") as handle:
        handle.write(text)


@contextlib.contextmanager
def atomic_directory(path: str | os.PathLike[str], staging: Path | None = None) -> Iterator[Path]:
    """Yield a staging folder next to ``path``; it replaces ``path`` as a whole on success.

    On an exception the staging folder is removed and ``path`` is untouched.
    ``staging``: an empty folder already made for the purpose (default: a new one).
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    folder = staging if staging is not None else Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=target.parent))
    try:
        yield folder
        if target.exists():
            shutil.rmtree(target)
        os.replace(folder, target)
    except BaseException:
        shutil.rmtree(folder, ignore_errors=True)
        raise
