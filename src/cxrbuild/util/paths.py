"""Checks of the paths a command is given, made before it reads or writes anything.

A command checks every output place first, so that a bad one stops it with a
one-line reason naming the path before any work is done (and before a log or
a partial output is left behind); and it never reads or writes through a
symbolic link that leads out of the folder it was given.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from cxrbuild.util.errors import CxrbuildError

PRIVATE_FILE = 0o600  # the work area's files and folders are its owner's only
PRIVATE_DIR = 0o700


def private_dir(path: str | Path) -> Path:
    """Create ``path`` (and parents) and make it owner-only."""
    folder = Path(path)
    folder.mkdir(parents=True, exist_ok=True)
    os.chmod(folder, PRIVATE_DIR)
    return folder


def _nearest_existing(path: Path) -> Path:
    for candidate in (path, *path.parents):
        if candidate.exists() or candidate.is_symlink():
            return candidate
    return Path(".")


def _probe_folder(folder: Path, target: Path, what: str) -> None:
    """Create and remove a file in ``folder``: the only test of writability that holds for root too."""
    if not folder.is_dir():
        raise CxrbuildError(f"{folder}: is not a directory (needed for the {what} {target})")
    try:
        fd, probe = tempfile.mkstemp(prefix=".cxrbuild-probe.", dir=folder)
    except OSError as err:
        raise CxrbuildError(f"{target}: cannot write the {what} here ({err.strerror or err})") from None
    os.close(fd)
    with contextlib.suppress(OSError):
        os.unlink(probe)


def check_output_file(path: str | os.PathLike[str], what: str = "output") -> Path:
    """``path`` can be written as a file: it is not a folder and its folder is (or can be made) writable."""
    target = Path(path)
    if target.is_dir():
        raise CxrbuildError(f"{target}: is a folder, not a file (the {what})")
    _probe_folder(_nearest_existing(target.absolute().parent), target, what)
    return target


def check_output_folder(path: str | os.PathLike[str], what: str = "output folder") -> Path:
    """``path`` is a writable folder, or can be made one."""
    target = Path(path)
    if (target.exists() or target.is_symlink()) and not target.is_dir():
        raise CxrbuildError(f"{target}: is not a directory (the {what})")
    _probe_folder(_nearest_existing(target.absolute()), target, what)
    return target


def same_file(first: str | os.PathLike[str], second: str | os.PathLike[str]) -> bool:
    """Whether two paths name one file (an output that would overwrite its own input)."""
    try:
        return os.path.samefile(first, second)
    except OSError:
        return Path(first).absolute() == Path(second).absolute()


def is_inside(path: str | os.PathLike[str], folder: str | os.PathLike[str]) -> bool:
    """Whether ``path``, all links followed, lies in ``folder`` (all links followed)."""
    try:
        Path(path).resolve().relative_to(Path(folder).resolve())
    except ValueError:
        return False
    return True


def link_on_the_way(root: str | os.PathLike[str], path: str | os.PathLike[str]) -> Path | None:
    """The first symbolic link among the folders between ``root`` and ``path`` (``path`` itself excluded).

    A write to ``path`` would go wherever that link points: the caller refuses it.
    """
    root, path = Path(root), Path(path)
    current = root
    for part in path.relative_to(root).parts[:-1]:
        current = current / part
        if current.is_symlink():
            return current
        if not current.exists():
            return None
    return None


def cache_directory() -> Path | None:
    """The folder of cxrbuild's caches (``CXRBUILD_CACHE_DIR``, else ``$XDG_CACHE_HOME/cxrbuild``
    or ``~/.cache/cxrbuild``); None when there is no home directory to put it in."""
    root = os.environ.get("CXRBUILD_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "cxrbuild"
    )
    return None if root.startswith("~") else Path(root)
