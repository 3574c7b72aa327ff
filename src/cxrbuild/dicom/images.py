"""The per-image de-identification pipeline and its batch runner.

:func:`process_file` takes one file from the PACS export to one de-identified
file (or to quarantine): read and classify → deny-list from the original
header → pixel cleaning and verification (:mod:`cxrbuild.dicom.pixels`) →
header de-identification → redaction record → atomic write. Any failure of
one file quarantines that file with a one-line reason; nothing is half
written and the run goes on.

:func:`process_batch` runs many files (in worker processes when asked),
quarantines a second copy of an already-written SOP Instance as a duplicate,
and writes the manifest (one JSON line per input, in input order).
"""

from __future__ import annotations

import contextlib
import json
import logging
import multiprocessing
import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping, Sequence
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path

from pydicom.dataset import Dataset

from cxrbuild.dicom import io as dicom_io
from cxrbuild.dicom.annotation import record_redaction_boxes
from cxrbuild.dicom.header import (
    DescriptorPhi,
    HeaderSettings,
    ImageContext,
    deidentify_header,
    deny_list_from_header,
    find_header_leaks,
    mark_pixels_cleaned,
)
from cxrbuild.util.atomic import atomic_open, atomic_path
from cxrbuild.util.progress import Progress

log = logging.getLogger("cxrbuild.dicom.images")

# Modalities of projection radiographs: Computed Radiography, Digital
# Radiography (PS3.3 C.7.3.1.1.1 defined terms), conventional radiographic
# imaging (RG), and "DR", which some vendors write although it is not a
# defined term. A chest release restricts to these; the standalone command
# accepts any modality unless told otherwise.
RADIOGRAPH_MODALITIES = ("CR", "DX", "DR", "RG")
# Modality (0008,0060) defined terms, current and retired (PS3.3 C.7.3.1.1.1), and the
# vendor "DR": a value outside them is a typing error that would quarantine everything.
KNOWN_MODALITIES = frozenset((
    *RADIOGRAPH_MODALITIES, "ANN", "AR", "ASMT", "AU", "BDUS", "BI", "BMD", "CFM", "CT", "CTPROTOCOL", "DG", "DMS",
    "DOC", "ECG", "EEG", "EMG", "EOG", "EPS", "ES", "FID", "GM", "HC", "HD", "IO", "IOL", "IVOCT", "IVUS", "KER",
    "KO", "LEN", "LS", "M3D", "MG", "MR", "NM", "OAM", "OCT", "OP", "OPM", "OPT", "OPTBSV", "OPTENF", "OPV", "OSS",
    "OT", "PA", "PLAN", "POS", "PR", "PT", "PX", "REG", "RESP", "RF", "RTDOSE", "RTIMAGE", "RTINTENT", "RTPLAN",
    "RTRAD", "RTRECORD", "RTSEGANN", "RTSTRUCT", "RWV", "SEG", "SM", "SMR", "SR", "SRF", "STAIN", "TEXTUREMAP",
    "TG", "US", "VA", "XA", "XAPROTOCOL", "XC",
    # retired
    "AS", "CD", "CF", "CP", "CS", "DD", "DF", "DM", "DS", "EC", "FA", "FS", "LP", "MA", "MS", "OPR", "ST", "VF",
))


@dataclass(frozen=True)
class ImageDeidSettings:
    """What the image pipeline does; build with :meth:`from_mapping`."""

    header: HeaderSettings  # with the report rules handed in when they clean descriptors
    pixels: bool = True
    verify: bool = True
    pixel_policy: Mapping | None = None
    modalities: frozenset[str] | None = frozenset(RADIOGRAPH_MODALITIES)  # None = any modality

    @classmethod
    def from_mapping(cls, mapping: Mapping | None = None,
                     descriptor_phi: DescriptorPhi | None = None) -> ImageDeidSettings:
        """Keys: ``pixels`` (bool), ``verify`` (bool), ``modalities`` (a list or comma-separated
        string, "radiographs" (the default: CR, DX, DR, RG), or "any"/null for every modality),
        ``pixel_policy`` (mapping for ``PixelPolicy.from_mapping``), ``header`` (mapping for
        :meth:`HeaderSettings.from_mapping`, with ``descriptor_phi``). Unknown keys raise ``ValueError``.
        """
        mapping = dict(mapping or {})
        known = {"pixels", "verify", "modalities", "pixel_policy", "header"}
        unknown = set(mapping) - known
        if unknown:
            raise ValueError(f"image settings: unknown key(s) {', '.join(sorted(unknown))}")
        modalities = mapping.get("modalities", "radiographs")
        if isinstance(modalities, str) and modalities.strip().lower() == "any":
            modalities = None
        elif isinstance(modalities, str) and modalities.strip().lower() == "radiographs":
            modalities = RADIOGRAPH_MODALITIES
        elif isinstance(modalities, str):
            modalities = [m for m in re.split(r"[,\s]+", modalities) if m]
        unknown_modalities = sorted({str(m).strip().upper() for m in modalities or ()} - KNOWN_MODALITIES)
        if unknown_modalities:
            raise ValueError(f"image settings: modalities: {', '.join(unknown_modalities)} : not a DICOM "
                             "Modality (PS3.3 C.7.3.1.1.1), nor 'radiographs' or 'any'")
        return cls(
            header=HeaderSettings.from_mapping(mapping.get("header"), descriptor_phi),
            pixels=bool(mapping.get("pixels", True)),
            verify=bool(mapping.get("verify", True)),
            pixel_policy=mapping.get("pixel_policy"),
            modalities=frozenset(str(m).strip().upper() for m in modalities)
            if modalities
            else None,
        )


@dataclass
class ManifestRecord:
    """The outcome for one input file; one JSON line of the manifest."""

    source: str
    output: str | None
    status: str  # "ok" | "quarantined"
    reason: str = ""
    boxes: list[list[int]] = field(default_factory=list)
    subject_id: str | None = None
    study_id: str | None = None
    dicom_id: str | None = None
    # the Transfer Syntax UID read and the one written (they differ when the pixels were re-encoded)
    source_transfer_syntax: str | None = None
    transfer_syntax: str | None = None
    # not serialised: the original SOP Instance UID, for duplicate detection in the batch
    original_sop_instance_uid: str | None = field(default=None, repr=False)

    def withhold(self, reason: str) -> None:
        """Turn an accepted output into a quarantine (a duplicate, a failed move)."""
        self.status, self.output, self.boxes, self.reason = "quarantined", None, [], reason
        self.transfer_syntax = None

    @property
    def reason_class(self) -> str:
        return self.reason.split(":", 1)[0] if self.reason else ""

    def to_json(self) -> str:
        payload = {
            "source": self.source,
            "output": self.output,
            "status": self.status,
            "reason": self.reason,
            "boxes": self.boxes,
            "subject_id": self.subject_id,
            "study_id": self.study_id,
            "dicom_id": self.dicom_id,
            "source_transfer_syntax": self.source_transfer_syntax,
            "transfer_syntax": self.transfer_syntax,
        }
        return json.dumps(payload, ensure_ascii=False, sort_keys=False)


MAX_REASON = 300


def _sanitize(reason: str, deny: Sequence[str]) -> str:
    """A one-line reason with any deny-list string masked (reasons never carry PHI).

    A long reason is shortened in its detail, never in what it says is needed.
    """
    line = " ".join(str(reason).split())
    for term in sorted((d for d in deny if d and len(d) >= 2), key=len, reverse=True):
        line = re.sub(re.escape(term), "***", line, flags=re.IGNORECASE)
    detail, marker, needs = line.rpartition("; needs ")
    if not marker or len(line) <= MAX_REASON:
        return line[:MAX_REASON]
    tail = f"{marker}{needs}"[: MAX_REASON // 2]
    return detail[: MAX_REASON - len(tail) - 3] + "..." + tail


def _pixel_module():
    """The pixel de-identification module, imported only when pixels are processed."""
    from cxrbuild.dicom import pixels

    return pixels


def _write_dataset(ds: Dataset, path: Path) -> None:
    """Write ``ds`` as a PS3.10 file via a temporary sibling (never a partial file)."""
    with atomic_path(path) as tmp:
        ds.save_as(tmp, enforce_file_format=True)


@dataclass(frozen=True)
class _Deidentified:
    dataset: Dataset
    boxes: list[list[int]]
    original_sop_instance_uid: str
    source_transfer_syntax: str


def _deidentify(src: Path, ctx: ImageContext, settings: ImageDeidSettings) -> _Deidentified:
    """Read, classify and de-identify one file; raises :class:`dicom_io.Quarantine`."""
    result = dicom_io.read_image(src, settings.modalities, pixels_on=settings.pixels)
    ds = result.dataset
    deny = list(
        dict.fromkeys(
            [
                *deny_list_from_header(ds, keep_tags=settings.header.keep_tags),
                *(d for d in ctx.deny if d),
            ]
        )
    )
    boxes: list[list[int]] = []
    if settings.pixels:
        pixels = _pixel_module()
        policy = pixels.PixelPolicy.from_mapping(settings.pixel_policy)
        try:
            pixel_result = pixels.clean_pixels(ds, deny, policy)
        except pixels.PixelDeidError as err:
            raise dicom_io.Quarantine(
                dicom_io.PIXEL_DEID_FAILED, _sanitize(str(err), deny)
            ) from None
        boxes = [[int(v) for v in box] for box in pixel_result.boxes]
        if settings.verify:
            try:
                # the boxes are not yet in the header: pass them, so the text
                # around each box (a partly covered name) is read again
                remaining = pixels.verify_pixels(ds, deny, policy, boxes=pixel_result.boxes)
            except pixels.PixelDeidError as err:
                raise dicom_io.Quarantine(
                    dicom_io.PIXEL_DEID_FAILED, _sanitize(str(err), deny)
                ) from None
            if remaining:
                raise dicom_io.Quarantine(
                    dicom_io.PIXEL_TEXT_REMAINS,
                    f"{len(remaining)} identifier(s) still readable after cleaning",
                )
    deidentify_header(ds, ctx, settings.header)
    if settings.pixels:
        record_redaction_boxes(ds, [tuple(b) for b in boxes])
        mark_pixels_cleaned(ds)
    leaks = find_header_leaks(ds, deny)
    if leaks:
        raise dicom_io.Quarantine(
            dicom_io.HEADER_LEAK, f"identifier left in {', '.join(leaks[:5])}"
        )
    return _Deidentified(ds, boxes, result.sop_instance_uid, str(result.transfer_syntax))


def _process(
    src: Path, dst: Path, write_to: Path, ctx: ImageContext, settings: ImageDeidSettings, refusal: str | None = None
) -> ManifestRecord:
    record = ManifestRecord(
        source=str(src), output=None, status="quarantined", subject_id=ctx.subject_id, study_id=ctx.study_id,
        dicom_id=ctx.dicom_id,
    )  # fmt: skip
    if refusal:  # neither read nor written (a link out of the folders the caller was given)
        record.reason = refusal
        return record
    if not ctx.subject_id:
        record.reason = dicom_io.reason_text(dicom_io.NO_CONTEXT, "no identity given for this file")
        return record
    try:
        done = _deidentify(src, ctx, settings)
        _write_dataset(done.dataset, write_to)
    except dicom_io.Quarantine as quarantine:
        record.reason = _sanitize(str(quarantine), ctx.deny)
        return record
    except MemoryError:
        record.reason = dicom_io.reason_text(dicom_io.ERROR, "out of memory", "more memory per worker")
        return record
    except Exception as err:  # any failure of one file quarantines it, never the run
        log.debug("unexpected failure on %s", src, exc_info=True)
        record.reason = _sanitize(dicom_io.reason_text(dicom_io.ERROR, f"{type(err).__name__}: {err}"), ctx.deny)
        return record
    record.output = str(dst)
    record.status = "ok"
    record.boxes = done.boxes
    record.original_sop_instance_uid = done.original_sop_instance_uid
    record.source_transfer_syntax = done.source_transfer_syntax
    record.transfer_syntax = str(done.dataset.file_meta.TransferSyntaxUID)
    return record


def process_file(
    src: Path, dst: Path, ctx: ImageContext, settings: ImageDeidSettings
) -> ManifestRecord:
    """De-identify one file from ``src`` to ``dst``; quarantine it (no ``dst``) on any problem."""
    return _process(Path(src), Path(dst), Path(dst), ctx, settings)


# ---------------------------------------------------------------------------
# batches

PENDING_SUFFIX = ".cxrbuild-pending"


def _pending_path(dst: Path, index: int) -> Path:
    """Where a worker writes before the batch runner accepts the output (hidden sibling of ``dst``)."""
    return dst.with_name(f".{dst.name}.{index}{PENDING_SUFFIX}")


def _worker_task(task: tuple[int, str, str, ImageContext, ImageDeidSettings, str | None]) -> ManifestRecord:
    index, src, dst, ctx, settings, refusal = task
    return _process(Path(src), Path(dst), _pending_path(Path(dst), index), ctx, settings, refusal)


@dataclass
class BatchResult:
    """Counts of a batch: total, ok, quarantined, and quarantines by reason class."""

    total: int = 0
    ok: int = 0
    quarantined: int = 0
    by_reason: Counter = field(default_factory=Counter)

    def summary(self) -> str:
        reasons = ", ".join(f"{k} {v}" for k, v in sorted(self.by_reason.items()))
        return f"{self.total} files, {self.ok} de-identified, {self.quarantined} quarantined" + (
            f" ({reasons})" if reasons else ""
        )

    def as_dict(self) -> dict:
        return {
            "total": self.total,
            "ok": self.ok,
            "quarantined": self.quarantined,
            "by_reason": dict(self.by_reason),
        }


def _run_serial(tasks: Sequence[tuple]) -> Iterator[ManifestRecord]:
    for task in tasks:
        yield _worker_task(task)


def _run_pool(tasks: Sequence[tuple], workers: int) -> Iterator[ManifestRecord]:
    """Run tasks in worker processes, yielding records in task order.

    A worker that dies (a decoder crashing on a malformed file) breaks the
    pool; the unfinished tasks are then retried one per fresh process, so only
    the file that kills its worker is quarantined.
    """
    context = multiprocessing.get_context("spawn")
    window = max(4, workers * 4)
    position = 0
    while position < len(tasks):
        executor = ProcessPoolExecutor(max_workers=workers, mp_context=context)
        futures = {}
        broken = False
        try:
            while position < len(tasks):
                while len(futures) < window and position + len(futures) < len(tasks):
                    index = position + len(futures)
                    futures[index] = executor.submit(_worker_task, tasks[index])
                try:
                    yield futures.pop(position).result()
                except BrokenProcessPool:
                    broken = True
                    break
                position += 1
        finally:
            executor.shutdown(wait=not broken, cancel_futures=True)
        if broken:
            # isolate the culprit: retry the unfinished tasks one at a time in a 1-task process
            for index in range(position, min(len(tasks), position + window)):
                yield _run_isolated(tasks[index], context)
                position += 1


def _run_isolated(task: tuple, context) -> ManifestRecord:
    with ProcessPoolExecutor(max_workers=1, mp_context=context) as executor:
        try:
            return executor.submit(_worker_task, task).result()
        except BrokenProcessPool:
            index, src, dst, ctx, _settings, _refusal = task
            with contextlib.suppress(OSError):
                _pending_path(Path(dst), index).unlink()
            return ManifestRecord(
                source=str(src), output=None, status="quarantined",
                reason=dicom_io.reason_text(dicom_io.ERROR, "worker process died while reading this file",
                                          "a decoder that does not crash on this file"),
                subject_id=ctx.subject_id, study_id=ctx.study_id, dicom_id=ctx.dicom_id,
            )  # fmt: skip


def process_batch(
    items: Iterable[tuple[Path, Path, ImageContext]],
    settings: ImageDeidSettings,
    manifest_path: Path,
    workers: int = 1,
    progress_label: str = "deid-images",
    progress_stream=None,
    refusals: Mapping[Path, str] | None = None,
) -> BatchResult:
    """De-identify many files and write the manifest (JSON lines, input order) atomically.

    The first file of a SOP Instance UID to be written wins; later copies are
    quarantined as ``duplicate``. Outputs are written to hidden pending files
    and renamed into place only once accepted, so a duplicate never replaces
    an accepted output; an output left by an earlier run for a file that is
    quarantined now is removed. ``refusals``: sources quarantined with the
    given reason without being read, whose output path is never touched.
    Returns the counts.
    """
    refusals = {Path(src): reason for src, reason in (refusals or {}).items()}
    tasks = [
        (index, str(src), str(dst), ctx, settings, refusals.get(Path(src)))
        for index, (src, dst, ctx) in enumerate(items)
    ]
    result = BatchResult(total=len(tasks))
    progress = Progress(progress_label, len(tasks), stream=progress_stream)
    written: dict[str, str] = {}  # original SOP Instance UID -> source that was written
    written_outputs: set[str] = set()
    records: list[ManifestRecord] = []
    runner = _run_pool(tasks, workers) if workers > 1 and len(tasks) > 1 else _run_serial(tasks)
    try:
        for (index, _src, dst, _ctx, _settings, _refusal), record in zip(tasks, runner, strict=True):
            pending = _pending_path(Path(dst), index)
            if record.status == "ok":
                uid = record.original_sop_instance_uid or ""
                if uid in written:
                    with contextlib.suppress(OSError):
                        pending.unlink()
                    record.withhold(
                        dicom_io.reason_text(dicom_io.DUPLICATE, f"same SOP Instance as {written[uid]}")
                    )
                else:
                    try:
                        os.replace(pending, dst)
                    except OSError as err:
                        record.withhold(
                            dicom_io.reason_text(
                                dicom_io.ERROR,
                                f"cannot move the output into place ({err.strerror})",
                                "a writable output folder",
                            )
                        )
                    else:
                        written[uid] = record.source
                        written_outputs.add(dst)
            if record.status == "ok":
                result.ok += 1
            else:
                result.quarantined += 1
                result.by_reason[record.reason_class] += 1
                log.info("quarantined %s: %s", record.source, record.reason)
            records.append(record)
            progress.advance()
    finally:
        # outputs not accepted (an interrupted run) never stay behind as pending files
        for index, _src, dst, _ctx, _settings, refusal in tasks:
            if not refusal:
                with contextlib.suppress(OSError):
                    _pending_path(Path(dst), index).unlink()
    # fail closed across runs: a file quarantined now loses the output an earlier run wrote
    for (_index, _src, dst, _ctx, _settings, refusal), record in zip(tasks, records, strict=False):
        if record.status != "ok" and dst not in written_outputs and not refusal:
            with contextlib.suppress(FileNotFoundError):
                Path(dst).unlink()
    with atomic_open(manifest_path, "w", encoding="utf-8", newline="\n") as handle:
        for record in records:
            handle.write(record.to_json() + "\n")
    line = progress.finish(result.summary())
    log.info(line)
    return result
