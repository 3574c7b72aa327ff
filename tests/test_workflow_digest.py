"""Code digests behind 'reruns follow the code' (cxrbuild.util.digests)."""

from __future__ import annotations

from pathlib import Path

from cxrbuild.util.digests import CodeDigests, code_digest, module_closure, tree_digest


def make_package(root: Path) -> Path:
    files = {
        "cxrbuild/__init__.py": "",
        "cxrbuild/text/__init__.py": "",
        "cxrbuild/text/rules.py": "PATTERNS = 1\n",
        "cxrbuild/text/data/names.txt": "Smith\n",
        "cxrbuild/text/deid.py": "from .rules import PATTERNS\n",
        "cxrbuild/dicom/__init__.py": "",
        "cxrbuild/dicom/pixels.py": "X = 1\n",
        "cxrbuild/batches/__init__.py": "",
        "cxrbuild/batches/reports.py": "def run():\n    from cxrbuild.text.deid import PATTERNS\n",
        "cxrbuild/batches/images.py": "import cxrbuild.dicom.pixels\n",
    }
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
    return root


def names(root: Path, module: str, **kwargs) -> set[str]:
    return {p.relative_to(root).as_posix() for p in module_closure(root, [module], **kwargs)}


def test_closure_follows_function_level_and_relative_imports_and_takes_data_files(tmp_path: Path) -> None:
    root = make_package(tmp_path)
    closure = names(root, "cxrbuild.batches.reports")
    assert {"cxrbuild/text/deid.py", "cxrbuild/text/rules.py", "cxrbuild/text/data/names.txt",
            "cxrbuild/text/__init__.py", "cxrbuild/__init__.py"} <= closure
    assert not any(name.startswith("cxrbuild/dicom/") for name in closure)
    assert "cxrbuild/text/rules.py" not in names(root, "cxrbuild.batches.reports",
                                                   exclude=("cxrbuild.text.rules",))


def test_editing_a_module_changes_only_the_digests_of_its_users(tmp_path: Path) -> None:
    root = make_package(tmp_path)
    reports, images = code_digest(root, "cxrbuild.batches.reports"), code_digest(root, "cxrbuild.batches.images")
    (root / "cxrbuild" / "text" / "rules.py").write_text("PATTERNS = 2\n")
    assert code_digest(root, "cxrbuild.batches.reports") != reports
    assert code_digest(root, "cxrbuild.batches.images") == images
    (root / "cxrbuild" / "dicom" / "pixels.py").write_text("X = 2\n")
    assert code_digest(root, "cxrbuild.batches.images") != images
    (root / "cxrbuild" / "text" / "data" / "names.txt").write_text("Jones\n")
    changed = code_digest(root, "cxrbuild.batches.reports")
    assert changed != reports and tree_digest(root / "cxrbuild" / "text" / "data") != ""


def test_the_real_report_batches_never_depend_on_the_image_modules() -> None:
    # (the image batches do use the report rules: header descriptors are cleaned with them)
    src = Path(__file__).resolve().parent.parent / "src"
    reports = names(src, "cxrbuild.batches.reports")
    images = names(src, "cxrbuild.batches.images")
    assert "cxrbuild/text/rules.py" in reports
    assert "cxrbuild/dicom/pixels.py" in images
    assert not any(name.startswith("cxrbuild/dicom/") for name in reports)


def test_imports_are_found_in_every_kind_of_block(tmp_path: Path) -> None:
    root = make_package(tmp_path)
    hidden = {name: f"cxrbuild/text/{name}.py" for name in
              ("in_try", "in_except", "in_finally", "in_with", "in_else", "in_loop", "in_method", "in_case")}
    for path in hidden.values():
        (root / path).write_text("")
    (root / "cxrbuild/batches/nested.py").write_text(
        "try:\n    import cxrbuild.text.in_try\nexcept ImportError:\n    import cxrbuild.text.in_except\n"
        "finally:\n    from cxrbuild.text import in_finally\n"
        "with open('x') as f:\n    from ..text import in_with\n"
        "if f:\n    pass\nelse:\n    import cxrbuild.text.in_else\n"
        "for _ in []:\n    pass\nelse:\n    import cxrbuild.text.in_loop\n"
        "class A:\n    async def m(self):\n        from cxrbuild.text import in_method\n"
        "match f:\n    case 1:\n        import cxrbuild.text.in_case\n"
        "TEXT = 'import cxrbuild.dicom.pixels'\n")
    closure = names(root, "cxrbuild.batches.nested")
    assert set(hidden.values()) <= closure
    assert "cxrbuild/dicom/pixels.py" not in closure  # an import in a string is no import


def test_code_digests_read_each_file_once_and_agree_with_code_digest(tmp_path: Path, monkeypatch) -> None:
    from cxrbuild.util import digests as digest_module

    root = make_package(tmp_path)
    parsed: list[Path] = []
    real_imports = digest_module._imports

    def counting_imports(path: Path, module: str) -> set[str]:
        parsed.append(path)
        return real_imports(path, module)

    expected = [code_digest(root, m) for m in ("cxrbuild.batches.reports", "cxrbuild.text.deid")]
    monkeypatch.setattr(digest_module, "_imports", counting_imports)
    digests = CodeDigests(root)
    got = [digests.digest(m) for m in ("cxrbuild.batches.reports", "cxrbuild.text.deid", "cxrbuild.text.deid")]
    assert got == [*expected, expected[1]]
    assert parsed and len(parsed) == len(set(parsed))
