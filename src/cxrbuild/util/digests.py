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
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

PACKAGE = "cxrbuild"


def _module_file(src_root: Path, module: str) -> Path | None:
    base = src_root.joinpath(*module.split("."))
    if base.with_suffix(".py").is_file():
        return base.with_suffix(".py")
    if (base / "__init__.py").is_file():
        return base / "__init__.py"
    return None


def _import_statements(body: list[ast.stmt]) -> Iterator[ast.Import | ast.ImportFrom]:
    """Import statements at any depth (functions, classes, if/try/with/match blocks).

    An import is a statement, so only statement lists are followed, never
    expressions: a fraction of the nodes of a full ``ast.walk``.
    """
    stack = list(body)
    while stack:
        node = stack.pop()
        if isinstance(node, ast.Import | ast.ImportFrom):
            yield node
            continue
        for name in ("body", "orelse", "finalbody", "handlers", "cases"):
            children = getattr(node, name, None)
            if isinstance(children, list):
                stack.extend(children)


def _imports(path: Path, module: str) -> set[str]:
    """The ``cxrbuild`` modules a source file imports (absolute and relative)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    is_package = path.name == "__init__.py"
    found: set[str] = set()
    for node in _import_statements(tree.body):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        else:
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


def module_closure(src_root: str | Path, modules: Iterable[str], exclude: Iterable[str] = (),
                   imports: Callable[[Path, str], set[str]] = _imports) -> list[Path]:
    """Source files of ``modules``, of the modules they import and of their packages, plus data files.

    Modules in ``exclude`` are neither included nor followed. ``imports``
    reads a source file's imports (replaced by a memoizing one in
    :class:`CodeDigests`).
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
        queue.extend(imports(path, module))
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


def _file_sha256(path: Path) -> bytes:
    return hashlib.sha256(path.read_bytes()).digest()


def files_digest(paths: Iterable[str | Path], relative_to: str | Path | None = None,
                 file_sha256: Callable[[Path], bytes] = _file_sha256) -> str:
    """SHA-256 over the names and contents of the files (order-independent)."""
    digest = hashlib.sha256()
    base = Path(relative_to) if relative_to else None
    for path in sorted(Path(p) for p in paths):
        name = path.relative_to(base).as_posix() if base else path.as_posix()
        digest.update(name.encode() + b"\0" + file_sha256(path))
    return digest.hexdigest()


def code_digest(src_root: str | Path, *modules: str, exclude: Iterable[str] = ()) -> str:
    """Digest of the modules' import closure under ``src_root`` (the folder holding ``cxrbuild/``)."""
    return files_digest(module_closure(src_root, modules, exclude), relative_to=src_root)


def tree_digest(folder: str | Path) -> str:
    """Digest of every file under ``folder`` (a model directory, a list folder)."""
    root = Path(folder)
    return files_digest((p for p in root.rglob("*") if p.is_file()), relative_to=root)


class CodeDigests:
    """Code digests of one source tree, each file read and parsed once for all of them.

    For a process that asks for many digests while the code does not change
    (a Snakefile read by every Snakemake process, a job's included): the
    closures of the rules share most of their files. Asking twice for the
    same digest computes it once.
    """

    def __init__(self, src_root: str | Path) -> None:
        self.src_root = Path(src_root)
        self._imports: dict[tuple[Path, str], set[str]] = {}
        self._hashes: dict[Path, bytes] = {}
        self._digests: dict[tuple[tuple[str, ...], tuple[str, ...]], str] = {}

    def _imports_of(self, path: Path, module: str) -> set[str]:
        key = (path, module)
        if key not in self._imports:
            self._imports[key] = _imports(path, module)
        return self._imports[key]

    def _sha256_of(self, path: Path) -> bytes:
        if path not in self._hashes:
            self._hashes[path] = _file_sha256(path)
        return self._hashes[path]

    def digest(self, *modules: str, exclude: Iterable[str] = ()) -> str:
        """:func:`code_digest` of ``modules``."""
        key = (modules, tuple(sorted(exclude)))
        if key not in self._digests:
            closure = module_closure(self.src_root, modules, key[1], imports=self._imports_of)
            self._digests[key] = files_digest(closure, relative_to=self.src_root, file_sha256=self._sha256_of)
        return self._digests[key]
