"""Every file pydicom ships as test data, through the image de-identification, one at a time.

Each file under ``pydicom/data/test_files`` of the installed (pinned) pydicom
goes through :func:`cxrbuild.dicom.images.process_file` on its own, so that
copies of one SOP Instance in several syntaxes are each judged rather than
quarantined as duplicates. Settings are those of ``cxrbuild deid-images``:
header and pixel de-identification with the second OCR pass, any modality.
Identities come from the command's keyed derivation with a fixed,
non-secret key.

For each file the table records the transfer syntax and photometric
interpretation read, the outcome (cleaned, or quarantined with its reason),
the transfer syntax written, whether every decoded pixel outside the boxes
is the source's bit for bit (:func:`cxrbuild.dicom.conformance.pixels_outside_boxes_equal`),
and the errors ``dciodvfy`` reports for the output and not for the source
(:func:`cxrbuild.dicom.conformance.new_dciodvfy_errors`). It also records,
for every image, whether pydicom with the installed plugins decodes the
source, so that "every image pydicom decodes is cleaned" can be read off.

Few of these images carry burned-in text, so most outputs keep their pixel
bytes. To measure the re-encoding of every syntax as well, each cleaned
image is also given a forced box (a quarter of the image, blacked out with
:func:`cxrbuild.dicom.pixels.blackout` as the pipeline does, header left as
it was): the "forced box" columns give the syntax written, the comparison
outside the box, and dciodvfy's new errors for that file.

Usage (from the repository root)::

    .venv/bin/python benchmarks/pydicom_bundled.py --workers 2
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import sys
import tempfile
import time
import warnings
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pydicom
from pydicom.uid import UID

from cxrbuild.batches.command import derived_contexts, list_input_files
from cxrbuild.batches.images import image_settings
from cxrbuild.dicom.conformance import (
    dciodvfy_available,
    new_dciodvfy_errors,
    pixels_outside_boxes_equal,
)
from cxrbuild.dicom.header import ImageContext
from cxrbuild.dicom.images import process_file
from cxrbuild.dicom.io import read_dataset
from cxrbuild.dicom.pixels import PixelDeidError, PixelPolicy, blackout, decode
from cxrbuild.util.progress import Progress

KEY = b"benchmark-key-not-secret-0123456"
TEST_FILES = Path(pydicom.__file__).parent / "data" / "test_files"


@dataclass
class Row:
    file: str
    transfer_syntax: str
    photometric: str
    has_pixels: bool
    pydicom_decodes: bool
    outcome: str
    reason: str
    output_syntax: str
    boxes: int
    pixels_identical: str
    new_errors: list[str]
    forced_syntax: str = ""
    forced_identical: str = ""
    forced_new_errors: tuple[str, ...] = ()


def syntax_name(uid: str) -> str:
    return UID(uid).name if uid else ""


def describe_source(path: Path) -> tuple[str, str, bool, bool]:
    """Transfer syntax, photometric interpretation, Pixel Data present, pydicom decodes it."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            ds = pydicom.dcmread(path, force=True)
        except Exception:
            return "", "", False, False
        meta = getattr(ds, "file_meta", None)
        syntax = str(meta.get("TransferSyntaxUID", "")) if meta is not None else ""
        photometric = str(ds.get("PhotometricInterpretation", "") or "")
        if "PixelData" not in ds:
            return syntax, photometric, False, False
        try:
            ds.pixel_array  # noqa: B018 (decoding is the question)
        except Exception:
            return syntax, photometric, True, False
        return syntax, photometric, True, True


def run_one(task: tuple[str, str, ImageContext]) -> Row:
    source, output, ctx = task
    src, dst = Path(source), Path(output)
    syntax, photometric, has_pixels, decodes = describe_source(src)
    settings = image_settings({"modalities": "any"})
    record = process_file(src, dst, ctx, settings)
    row = Row(
        file=src.relative_to(TEST_FILES).as_posix(),
        transfer_syntax=syntax,
        photometric=photometric,
        has_pixels=has_pixels,
        pydicom_decodes=decodes,
        outcome="cleaned" if record.status == "ok" else "quarantined",
        reason=record.reason,
        output_syntax=record.transfer_syntax or "",
        boxes=len(record.boxes),
        pixels_identical="",
        new_errors=[],
    )
    if record.status == "ok":
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            before = pydicom.dcmread(src, force=True)
            if "TransferSyntaxUID" not in before.file_meta:
                before.file_meta.TransferSyntaxUID = record.source_transfer_syntax
            after = pydicom.dcmread(dst)
            same = pixels_outside_boxes_equal(before, after, record.boxes)
        row.pixels_identical = "yes" if same else "NO"
        if dciodvfy_available():
            row.new_errors = new_dciodvfy_errors(src, dst)
        forced_box(row, src, dst.with_suffix(".forced.dcm"))
    return row


def forced_box(row: Row, src: Path, dst: Path) -> None:
    """Black out a quarter of the image the way the pipeline does, and check what was written."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        ds, _syntax = read_dataset(src)
        rows, cols = int(ds.Rows), int(ds.Columns)
        box = (cols // 4 + 1, rows // 4 + 1, cols // 2 + 1, rows // 2 + 1)
        try:
            boxes, row.forced_syntax = blackout(ds, [box], decode(ds), PixelPolicy.from_mapping())
        except PixelDeidError as err:
            row.forced_identical = f"not written: {err}"
            return
        for _element in ds.iterall():  # elements read without a VR get the dictionary's
            pass
        ds.save_as(dst, enforce_file_format=True)
        before = pydicom.dcmread(src, force=True)
        if "TransferSyntaxUID" not in before.file_meta:
            before.file_meta.TransferSyntaxUID = row.transfer_syntax or ds.file_meta.TransferSyntaxUID
        same = pixels_outside_boxes_equal(before, pydicom.dcmread(dst), boxes)
    row.forced_identical = "yes" if same else "NO"
    if dciodvfy_available():
        row.forced_new_errors = tuple(new_dciodvfy_errors(src, dst))


def cell(text: str) -> str:
    return text.replace("|", "\\|")


def write_table(rows: list[Row], out: Path, command: str, elapsed: float) -> str:
    images = [r for r in rows if r.has_pixels]
    decoded = [r for r in images if r.pydicom_decodes]
    cleaned = [r for r in rows if r.outcome == "cleaned"]
    decoded_held = [r for r in decoded if r.outcome != "cleaned"]
    not_identical = [r for r in cleaned if r.pixels_identical != "yes"]
    with_new_errors = [r for r in cleaned if r.new_errors]
    converted = [r for r in cleaned if r.output_syntax != r.transfer_syntax]
    forced_not_identical = [r for r in cleaned if r.forced_identical != "yes"]
    forced_with_errors = [r for r in cleaned if r.forced_new_errors]
    forced_converted = Counter(
        f"{syntax_name(r.transfer_syntax)} -> {syntax_name(r.forced_syntax)}"
        for r in cleaned
        if r.forced_syntax and r.forced_syntax != r.transfer_syntax
    )
    summary = (
        f"{len(rows)} files: {len(images)} with Pixel Data, {len(decoded)} of them decoded by pydicom; "
        f"{len(cleaned)} cleaned, {len(rows) - len(cleaned)} quarantined; "
        f"decoded but quarantined: {len(decoded_held)}; "
        f"pixels outside boxes differ: {len(not_identical)}; "
        f"outputs with new dciodvfy errors: {len(with_new_errors)}; "
        f"forced box: pixels outside differ {len(forced_not_identical)}, "
        f"new dciodvfy errors {len(forced_with_errors)}"
        + ("" if dciodvfy_available() else " (dciodvfy not installed)")
    )
    load = os.getloadavg() if hasattr(os, "getloadavg") else ("?",)
    lines = [
        "# pydicom's bundled test files through the image de-identification",
        "",
        f"Command: `{command}`",
        "",
        f"Recorded {dt.date.today().isoformat()} on {platform.machine()} ({os.cpu_count()} CPUs, load {load[0]}), "
        f"Python {platform.python_version()}, pydicom {pydicom.__version__}; {elapsed:.0f} s.",
        "",
        f"**Summary**: {summary}.",
        "",
        f"Written in another transfer syntax than read (each a lossless re-encoding of edited pixels): "
        f"{len(converted)}"
        + (": " + ", ".join(f"{r.file} ({syntax_name(r.transfer_syntax)} -> {syntax_name(r.output_syntax)})"
                            for r in converted) if converted else "")
        + ".",
        "",
        "Forced box, transfer syntax written when it is not the source's: "
        + ("; ".join(f"{pair}: {count}" for pair, count in sorted(forced_converted.items())) or "none")
        + ".",
        "",
        "Quarantine reasons of files pydicom decodes: "
        + ("; ".join(f"{r.file}: {r.reason}" for r in decoded_held) if decoded_held else "none")
        + ".",
        "",
        "| file | transfer syntax | photometric | pydicom decodes | outcome | output syntax | boxes "
        "| pixels outside boxes identical | dciodvfy new errors "
        "| forced box: output syntax | forced box: pixels outside identical | forced box: dciodvfy new errors |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for row in rows:
        outcome = row.outcome if row.outcome == "cleaned" else f"quarantined: {row.reason}"
        decodes = ("yes" if row.pydicom_decodes else "no") if row.has_pixels else "(no pixels)"
        errors = "; ".join(row.new_errors) if row.new_errors else ("0" if row.outcome == "cleaned" else "")
        forced_errors = "; ".join(row.forced_new_errors) or ("0" if row.forced_identical == "yes" else "")
        lines.append(
            "| "
            + " | ".join(
                cell(text)
                for text in (
                    row.file,
                    syntax_name(row.transfer_syntax),
                    row.photometric,
                    decodes,
                    outcome,
                    syntax_name(row.output_syntax),
                    str(row.boxes) if row.outcome == "cleaned" else "",
                    row.pixels_identical,
                    errors,
                    syntax_name(row.forced_syntax),
                    row.forced_identical,
                    forced_errors,
                )
            )
            + " |"
        )
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return summary


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--out", type=Path, default=Path(__file__).parent / "recorded" / "pydicom_bundled.md"
    )
    args = parser.parse_args(argv)
    command = "OMP_NUM_THREADS=1 .venv/bin/python benchmarks/pydicom_bundled.py" + (
        f" --workers {args.workers}" if args.workers != 2 else ""
    )
    started = time.perf_counter()
    files = list_input_files(TEST_FILES)
    contexts = derived_contexts(files, TEST_FILES, KEY)
    with tempfile.TemporaryDirectory(prefix="pydicom-bundled-") as work:
        tasks = [
            (str(path), str(Path(work) / f"{index:04d}.dcm"), contexts[path])
            for index, path in enumerate(files)
        ]
        progress = Progress("pydicom-bundled", len(tasks), stream=sys.stderr)
        rows = []
        with ProcessPoolExecutor(max_workers=max(1, args.workers)) as pool:
            for row in pool.map(run_one, tasks):
                rows.append(row)
                progress.advance()
    summary = write_table(rows, args.out, command, time.perf_counter() - started)
    progress.finish(summary)
    return 0


if __name__ == "__main__":
    sys.exit(main())
