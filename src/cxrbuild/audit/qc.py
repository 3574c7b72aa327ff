"""The QC report's content: de-identification statistics, plots and a before/after gallery.

Everything here is read from the build's work files (batch records, the
crosswalk's image table) and written as files for Snakemake's report. The
gallery shows original pixels: it lives in the private work area and only in
a report marked INTERNAL, never in the release.

Sampling is stratified by batch and device (Manufacturer, Manufacturer's
Model Name of the original header, PS3.3 C.7.5.1), so a reviewer sees every
kind of image in the archive, not only the most common one; within a stratum
images with boxes come first, and the choice is keyed by a seed, so the
same build shows the same images.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

import numpy as np
from pydicom.uid import UID

from cxrbuild.audit.reconcile import reason_class
from cxrbuild.batches.records import BatchRecord
from cxrbuild.contract import ReleaseFiles
from cxrbuild.util.atomic import atomic_path, atomic_write_text

LOG = logging.getLogger("cxrbuild.qc")
THUMB = 256  # px, the longer side of a gallery thumbnail


def deid_statistics(image_records: Sequence[BatchRecord], report_records: Sequence[BatchRecord]) -> dict:
    """Counts of the de-identification: boxes per image, PHI per report (by label), quarantine reasons."""
    ok_images = [r.details for r in image_records if r.ok]
    ok_reports = [r.details for r in report_records if r.ok]
    boxes_per_image = Counter(len(r.get("boxes") or []) for r in ok_images)
    phi_per_report = Counter(int(r.get("n_phi") or 0) for r in ok_reports)
    by_label: Counter[str] = Counter()
    labelled = False
    for record in ok_reports:
        labels = record.get("phi_labels")
        if isinstance(labels, Mapping):
            labelled = True
            by_label.update({str(k): int(v) for k, v in labels.items()})
    conversions: Counter[str] = Counter()
    for record in ok_images:
        source, written = record.get("source_transfer_syntax"), record.get("transfer_syntax")
        if source and written and source != written:
            conversions[f"{UID(source).name} -> {UID(written).name}"] += 1
    return {
        "images": len(image_records),
        "images_ok": len(ok_images),
        # released images whose pixels were written in another transfer syntax than they came in
        "image_conversions": dict(sorted(conversions.items())),
        "images_with_boxes": sum(1 for r in ok_images if r.get("boxes")),
        "boxes": sum(len(r.get("boxes") or []) for r in ok_images),
        "boxes_per_image": {str(k): v for k, v in sorted(boxes_per_image.items())},
        "reports": len(report_records),
        "reports_ok": len(ok_reports),
        "report_phi_spans": sum(int(r.get("n_phi") or 0) for r in ok_reports),
        "phi_per_report": {str(k): v for k, v in sorted(phi_per_report.items())},
        "phi_by_label": dict(sorted(by_label.items())) if labelled else None,
        "image_quarantine_reasons": dict(sorted(Counter(
            reason_class(r.reason) for r in image_records if not r.ok).items())),
        "report_quarantine_reasons": dict(sorted(Counter(
            reason_class(r.reason) for r in report_records if not r.ok).items())),
    }


def _figure():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    return plt


def _save(fig, path: Path) -> None:
    # no timestamps or software tags in the PNG, so the same figures give the same bytes
    with atomic_path(path) as tmp:
        fig.savefig(tmp, format="png", dpi=96, metadata={"Software": None})
    _figure().close(fig)


def _bar(path: Path, labels: Sequence[str], values: Sequence[int], title: str, xlabel: str, ylabel: str,
         horizontal: bool = False) -> None:
    plt = _figure()
    fig, ax = plt.subplots(figsize=(6.4, max(2.4, 0.35 * len(labels) + 1.2) if horizontal else 3.6))
    if not labels:
        ax.text(0.5, 0.5, "none", ha="center", va="center", transform=ax.transAxes, fontsize=14)
        ax.set_xticks([])
        ax.set_yticks([])
    elif horizontal:
        ax.barh(range(len(labels)), values, color="#4a7ab5")
        ax.set_yticks(range(len(labels)), labels)
        ax.invert_yaxis()
        for i, v in enumerate(values):
            ax.text(v, i, f" {v}", va="center")
    else:
        ax.bar(range(len(labels)), values, color="#4a7ab5")
        ax.set_xticks(range(len(labels)), labels)
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    fig.tight_layout()
    _save(fig, path)


def write_plots(stats: Mapping, reconciliation: Mapping | None, out_dir: Path) -> list[Path]:
    """The report's plots as PNG files in ``out_dir``; returns their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    paths = []
    boxes = stats["boxes_per_image"]
    path = out_dir / "boxes_per_image.png"
    _bar(path, list(boxes), list(boxes.values()), "Blacked-out boxes per released image",
         "boxes in the image", "images")
    paths.append(path)
    path = out_dir / "phi_per_report.png"
    if stats.get("phi_by_label"):
        labels = stats["phi_by_label"]
        _bar(path, list(labels), list(labels.values()), "PHI spans replaced in released reports, by label",
             "spans", "", horizontal=True)
    else:
        per = stats["phi_per_report"]
        _bar(path, list(per), list(per.values()), "PHI spans replaced per released report",
             "spans in the report", "reports")
    paths.append(path)
    reasons = {f"image: {k}": v for k, v in stats["image_quarantine_reasons"].items()}
    reasons |= {f"report: {k}": v for k, v in stats["report_quarantine_reasons"].items()}
    path = out_dir / "quarantine_reasons.png"
    _bar(path, list(reasons), list(reasons.values()), "Quarantined by de-identification, by reason",
         "count", "", horizontal=True)
    paths.append(path)
    if reconciliation:
        figures = reconciliation.get("figures", reconciliation)
        stages = [("cohort studies", "cohort_studies"), ("matched studies", "matched_studies"),
                  ("released studies", "released_studies"), ("matched images", "matched_images"),
                  ("de-identified images", "deidentified_images"), ("released images", "released_images")]
        path = out_dir / "reconciliation.png"
        _bar(path, [s for s, _ in stages], [int(figures.get(k, 0)) for _, k in stages],
             "From the EHR cohort to the release", "count", "", horizontal=True)
        paths.append(path)
    return paths


# --------------------------------------------------------------------------- gallery


def _device(path: Path) -> str:
    import pydicom

    try:
        ds = pydicom.dcmread(path, stop_before_pixels=True, specific_tags=["Manufacturer", "ManufacturerModelName"])
    except Exception:  # an unreadable header is its own stratum, not a crash
        return "unknown device"
    maker = str(ds.get("Manufacturer", "") or "").strip() or "unknown maker"
    model = str(ds.get("ManufacturerModelName", "") or "").strip()
    return f"{maker} {model}".strip()


def sample_gallery(batches: Mapping[str, Sequence[BatchRecord]], per_stratum: int = 2, max_images: int = 24,
                   seed: str = "qc", candidates_per_batch: int = 40) -> list[dict]:
    """Released images to show: ``per_stratum`` of each (batch, device), boxes first, keyed order.

    ``batches`` holds the image records of each batch by its name. Each sample
    names its ``source`` (original file), ``output``, ``boxes``, ``batch`` and
    ``device``, read from the original header when the record does not name
    it, for at most ``candidates_per_batch`` images of each batch (so the
    header reads stay bounded however large the archive; rare devices of a
    huge batch may then be missed, which a smaller batch size or a larger
    bound fixes).
    """

    def key(entry: Mapping) -> tuple[int, str]:
        digest = hashlib.sha256(f"{seed}|{entry['output']}".encode()).hexdigest()
        return (0 if entry.get("boxes") else 1, digest)

    strata: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for batch, records in batches.items():
        entries = [{**r.details, "output": r.output, "batch": batch} for r in records if r.ok]
        for entry in sorted(entries, key=key)[:candidates_per_batch]:
            entry.setdefault("device", _device(Path(entry["source"])))
            strata[(batch, entry["device"])].append(entry)

    chosen: list[dict] = []
    ordered = {k: sorted(v, key=key) for k, v in sorted(strata.items())}
    # round robin over the strata, so a cap keeps every stratum before a second image of any
    for round_index in range(per_stratum):
        for stratum_key, entries in ordered.items():
            if round_index < len(entries) and len(chosen) < max_images:
                chosen.append(entries[round_index] | {"stratum": " / ".join(stratum_key)})
    return chosen


def display_image(path: Path) -> np.ndarray:
    """First frame as 8-bit grey or RGB for display (VOI LUT or window, MONOCHROME1 inverted)."""
    import pydicom
    from pydicom.pixels import apply_modality_lut, apply_voi_lut

    ds = pydicom.dcmread(path)
    pixels = ds.pixel_array
    frames = int(ds.get("NumberOfFrames", 1) or 1)
    if frames > 1:
        pixels = pixels[0]
    if int(ds.get("SamplesPerPixel", 1)) > 1:
        if str(ds.get("PhotometricInterpretation", "")).startswith("YBR"):
            from pydicom.pixels import convert_color_space

            pixels = convert_color_space(pixels, str(ds.PhotometricInterpretation), "RGB")
        return np.clip(pixels, 0, 255).astype(np.uint8)
    values = apply_modality_lut(pixels, ds).astype(np.float64)
    if "WindowCenter" in ds or "VOILUTSequence" in ds:
        # a broken VOI description falls back to the full range
        with contextlib.suppress(Exception):
            values = apply_voi_lut(values, ds).astype(np.float64)
    low, high = float(values.min()), float(values.max())
    scaled = (values - low) / (high - low) * 255.0 if high > low else np.zeros_like(values)
    if str(ds.get("PhotometricInterpretation", "")) == "MONOCHROME1":
        scaled = 255.0 - scaled
    return scaled.astype(np.uint8)


def _thumbnail(pixels: np.ndarray, boxes: Iterable[Sequence[int]], label: str):
    from PIL import Image, ImageDraw

    image = Image.fromarray(pixels).convert("RGB")
    scale = THUMB / max(image.size)
    size = (max(1, round(image.width * scale)), max(1, round(image.height * scale)))
    image = image.resize(size, Image.Resampling.LANCZOS)
    draw = ImageDraw.Draw(image)
    for x0, y0, x1, y1 in boxes:
        draw.rectangle([x0 * scale, y0 * scale, x1 * scale - 1, y1 * scale - 1], outline=(255, 40, 40), width=2)
    canvas = Image.new("RGB", (THUMB, THUMB + 18), (24, 24, 24))
    canvas.paste(image, ((THUMB - image.width) // 2, 18 + (THUMB - image.height) // 2))
    ImageDraw.Draw(canvas).text((4, 3), label, fill=(255, 255, 255))
    return canvas


def write_gallery_image(before: Path | None, after: Path, boxes: Sequence[Sequence[int]], target: Path,
                        title: str) -> None:
    """One gallery tile: before (INTERNAL, original pixels) and after, boxes outlined in red."""
    from PIL import Image, ImageDraw

    tiles = []
    if before is not None:
        tiles.append(_thumbnail(display_image(before), boxes, "BEFORE (original) - INTERNAL"))
    tiles.append(_thumbnail(display_image(after), boxes, f"AFTER (released) - {len(boxes)} box(es)"))
    banner = 22
    canvas = Image.new("RGB", (THUMB * len(tiles) + 4 * (len(tiles) - 1), THUMB + 18 + banner), (180, 0, 0))
    ImageDraw.Draw(canvas).text((4, 5), f"INTERNAL - not for release | {title}"[:90], fill=(255, 255, 255))
    for index, tile in enumerate(tiles):
        canvas.paste(tile, (index * (THUMB + 4), banner))
    with atomic_path(target) as tmp:
        canvas.save(tmp, format="PNG")


def write_gallery(samples: Sequence[Mapping], release: ReleaseFiles, out_dir: Path, internal: bool = True) -> list[Path]:
    """A PNG per sampled image in ``out_dir`` (named by stratum and position) and an index.json."""
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    index = []
    for number, sample in enumerate(samples, 1):
        after = release.root / sample["output"]
        if not after.exists():
            after = Path(sample.get("staged", after))
        name = f"{number:03d}_{_slug(sample.get('stratum', ''))}.png"
        boxes = [tuple(int(v) for v in b) for b in sample.get("boxes") or []]
        try:
            write_gallery_image(Path(sample["source"]) if internal else None, after, boxes, out_dir / name,
                                f"{sample.get('stratum', '')}")
        except Exception as err:  # one undecodable image is noted, the gallery goes on
            LOG.warning("gallery: %s not shown (%s)", sample["output"], str(err).splitlines()[0])
            continue
        written.append(out_dir / name)
        index.append({"file": name, "stratum": sample.get("stratum", ""), "boxes": len(boxes)})
    atomic_write_text(out_dir / "index.json", json.dumps(index, indent=1) + "\n")
    return written


def _slug(text: str) -> str:
    cleaned = "".join(c if c.isalnum() else "-" for c in text).strip("-")
    while "--" in cleaned:
        cleaned = cleaned.replace("--", "-")
    return cleaned[:60] or "image"
