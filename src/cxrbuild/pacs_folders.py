"""Has a PACS folder changed since it was indexed? Its folders and their modification times.

Adding, removing or renaming a file changes the modification time of the
folder holding it (POSIX: a directory's mtime follows every change of its
entries), so the folders of a PACS export with their mtimes say whether any
file came or went. ``pacs_index`` records them (:func:`list_folders`, taken
before any file is read, so that a file arriving while the index is made
shows up as a change next time). The workflow's driver process compares the
PACS with that record when it plans a build (:func:`note_changes`): one
``stat`` per recorded folder, and a directory read only of the folders whose
time moved, never of the files. A change is noted in a small file that
``pacs_index`` takes as input, so that Snakemake reruns it by modification
time; jobs never compare anything.

Files rewritten in place (same name) do not change their folder's time and
are not seen, as with any mtime-based build tool.
"""

from __future__ import annotations

import json
import os
import stat
from collections import defaultdict
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from cxrbuild.util.atomic import atomic_write_text

#: the name of the PACS root itself in a listing
ROOT = "."


def _join(parent: str, name: str) -> str:
    return name if parent == ROOT else f"{parent}/{name}"


def _subfolders(path: str) -> list[str]:
    """Names of the real (not symlinked) folders in ``path``: the ones a walk descends into, as ``os.walk``."""
    with os.scandir(path) as entries:
        return [e.name for e in entries if e.is_dir(follow_symlinks=False)]


def _walk(root: str, start: str) -> Iterator[tuple[str, int]]:
    """(relative folder, mtime_ns) of ``start`` and every folder under it; each folder stat'ed before it is read."""
    stack = [start]
    while stack:
        rel = stack.pop()
        path = root if rel == ROOT else os.path.join(root, rel)
        try:
            mtime = os.stat(path).st_mtime_ns
            names = _subfolders(path)
        except (FileNotFoundError, NotADirectoryError):
            continue  # went away while being listed: the parent's time says so
        yield rel, mtime
        stack.extend(_join(rel, name) for name in names)


def list_folders(pacs_dir: str | Path) -> dict[str, int]:
    """Every folder under ``pacs_dir`` (relative POSIX path, ``.`` for the root) with its mtime in ns."""
    root = os.fspath(pacs_dir)
    return dict(sorted(_walk(root, ROOT)))


def write_listing(path: str | Path, folders: Mapping[str, int]) -> None:
    """The listing as JSON, owner-only (folder names of a PACS may carry identifiers)."""
    atomic_write_text(path, json.dumps({"folders": dict(sorted(folders.items()))}, separators=(",", ":")) + "\n",
                      file_mode=0o600)


def read_listing(path: str | Path) -> dict[str, int]:
    return {str(k): int(v) for k, v in json.loads(Path(path).read_text(encoding="utf-8"))["folders"].items()}


@dataclass
class FolderChanges:
    """Folders added, removed, or whose entries changed (mtime moved), relative to the PACS root."""

    added: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    modified: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.added or self.removed or self.modified)

    def counts(self) -> str:
        return (f"{len(self.added)} folders added, {len(self.removed)} removed, "
                f"{len(self.modified)} with files added or removed")


def changed_folders(pacs_dir: str | Path, recorded: Mapping[str, int]) -> FolderChanges:
    """What changed under ``pacs_dir`` since ``recorded`` (a :func:`list_folders` result) was taken.

    A folder whose mtime is the recorded one has the same entries as then, so
    its recorded subfolders are its subfolders: they are stat'ed, not read.
    Only a folder whose time moved is read (to find new or removed
    subfolders), and only a new folder is walked.
    """
    root = os.fspath(pacs_dir)
    children: dict[str, list[str]] = defaultdict(list)
    for rel in recorded:
        if rel != ROOT:
            parent, _, _name = rel.rpartition("/")
            children[parent or ROOT].append(rel)

    def subtree(rel: str) -> Iterator[str]:
        stack = [rel]
        while stack:
            current = stack.pop()
            yield current
            stack.extend(children.get(current, ()))

    changes = FolderChanges()
    stack = [ROOT] if ROOT in recorded else []
    if not stack:
        changes.added.extend(list_folders(root))
    while stack:
        rel = stack.pop()
        path = root if rel == ROOT else os.path.join(root, rel)
        try:
            info = os.stat(path) if rel == ROOT else os.lstat(path)
        except (FileNotFoundError, NotADirectoryError):
            info = None
        if info is None or not stat.S_ISDIR(info.st_mode):
            changes.removed.extend(subtree(rel))
            continue
        if info.st_mtime_ns == recorded[rel]:
            stack.extend(children.get(rel, ()))
            continue
        changes.modified.append(rel)
        try:
            names = _subfolders(path)
        except (FileNotFoundError, NotADirectoryError):
            changes.removed.extend(subtree(rel))
            continue
        now = {_join(rel, name) for name in names}
        for child in children.get(rel, ()):
            if child in now:
                stack.append(child)
            else:
                changes.removed.extend(subtree(child))
        for child in sorted(now.difference(children.get(rel, ()))):
            changes.added.extend(folder for folder, _mtime in _walk(root, child))
    return changes


def note_changes(pacs_dir: str | Path, listing_path: str | Path, note_path: str | Path) -> FolderChanges:
    """Compare the PACS with the listing ``pacs_index`` made; rewrite ``note_path`` when it changed.

    The note's modification time is what reruns ``pacs_index``: it moves only
    when a change is found. A missing note is created with the listing's time
    (no change seen since the index was made). Without a listing (never
    indexed) there is nothing to compare: ``pacs_index`` runs anyway.
    """
    listing, note = Path(listing_path), Path(note_path)
    if not listing.exists():
        changes = FolderChanges()
    else:
        changes = changed_folders(pacs_dir, read_listing(listing))
    if changes:
        examples = (changes.added + changes.removed + changes.modified)[:10]
        atomic_write_text(note, json.dumps({
            "seen": datetime.now(UTC).isoformat(timespec="seconds"),
            "added": len(changes.added), "removed": len(changes.removed), "modified": len(changes.modified),
            "examples": examples}, indent=1) + "\n", file_mode=0o600)
    elif not note.exists():
        atomic_write_text(note, json.dumps({"seen": None}) + "\n", file_mode=0o600)
        if listing.exists():
            mtime = listing.stat().st_mtime_ns
            os.utime(note, ns=(mtime, mtime))
    return changes
