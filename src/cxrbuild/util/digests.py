"""SHA-256 digests: of one file, and of the code and data a build step depends on.

Reruns follow the code: a workflow step that calls ``cxrbuild.batches.images`` depends on that
module, on every ``cxrbuild`` module it imports (followed through the source
with :mod:`ast`, function-level imports included) and on the data files of the
packages involved (``<package>/data/**``: lists, patterns, policies). The
digest of that closure changes exactly when one of those files changes.
"""

from __future__ import annotations

import ast
import hashlib
from collections.abc import Iterable
from pathlib import Path

PACKAGE = "cxrbuild"


def _module_file(src_root: Path, module: str) -> Path | None:
    base = src_root.joinpath(*module.split("."))
    if base.with_suffix(".py").is_file():
        return base.with_suffix(".py")
    if (base / "__init__.py").is_file():
        return base / "__init__.py"
    return None


def _imports(path: Path, module: str) -> set[str]:
    """The ``cxrbuild`` modules a source file imports (absolute and relative)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    is_package = path.name == "__init__.py"
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                parts = module.split(".")
                parts = parts if is_package else parts[:-1]
                parts = parts[: len(parts) - (node.level - 1)]
                base = ".".join([*parts, node.module] if node.module else parts)
            else:
                base = node.module or ""
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return {name for name in found if name == PACKAGE or name.startswith(PACKAGE + ".")}


def module_closure(src_root: str | Path, modules: Iterable[str], exclude: Iterable[str] = ()) -> list[Path]:
    """Source files of ``modules``, of the modules they import and of their packages, plus data files.

    Modules in ``exclude`` are neither included nor followed.
    """
    root = Path(src_root)
    seen: set[str] = set(exclude)
    files: set[Path] = set()
    queue = list(modules)
    while queue:
        module = queue.pop()
        if module in seen:
            continue
        seen.add(module)
        path = _module_file(root, module)
        if path is None:
            continue  # a name imported from a module, not a module itself
        files.add(path)
        parent = module.rsplit(".", 1)[0] if "." in module else None
        if parent:
            queue.append(parent)  # importing a.b runs a/__init__.py
        queue.extend(_imports(path, module))
    packages = {p.parent for p in files}
    for package in packages:
        data = package / "data"
        if data.is_dir():
            files.update(p for p in data.rglob("*") if p.is_file() and "__pycache__" not in p.parts)
    return sorted(files)


def sha256_file(path: str | Path) -> str:
    """The SHA-256 of a file's bytes, as ``sha256sum`` prints it."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def files_digest(paths: Iterable[str | Path], relative_to: str | Path | None = None) -> str:
    """SHA-256 over the names and contents of the files (order-independent)."""
    digest = hashlib.sha256()
    base = Path(relative_to) if relative_to else None
    for path in sorted(Path(p) for p in paths):
        name = path.relative_to(base).as_posix() if base else path.as_posix()
        digest.update(name.encode() + b"\0" + hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def code_digest(src_root: str | Path, *modules: str, exclude: Iterable[str] = ()) -> str:
    """Digest of the modules' import closure under ``src_root`` (the folder holding ``cxrbuild/``)."""
    return files_digest(module_closure(src_root, modules, exclude), relative_to=src_root)


def tree_digest(folder: str | Path) -> str:
    """Digest of every file under ``folder`` (a model directory, a list folder)."""
    root = Path(folder)
    return files_digest((p for p in root.rglob("*") if p.is_file()), relative_to=root)
