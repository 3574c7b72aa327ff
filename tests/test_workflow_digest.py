"""Code digests behind 'reruns follow the code' (cxrbuild.util.digests)."""

from __future__ import annotations

from pathlib import Path

from cxrbuild.util.digests import code_digest, module_closure, tree_digest


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
