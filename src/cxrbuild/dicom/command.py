"""``cxrbuild deid-images``: standalone de-identification of a folder of DICOM files.

Every file under IN_DIR is either written de-identified at the same relative
path under OUT_DIR or quarantined with a one-line reason in the manifest.

Identities come from ``--context FILE.jsonl`` (one line per source file:
``source`` relative to IN_DIR, ``subject_id``, ``study_id``, ``dicom_id``,
``day_shift``, optional ``deny`` list and ``output`` path relative to OUT_DIR)
or, without it, from the secret key and the original identifiers: subject_id
from PatientID, study_id from StudyInstanceUID, dicom_id from SOPInstanceUID,
and a per-patient shift in whole weeks that moves the patient's earliest date
into the years 2100-2200.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import os
from pathlib import Path

import pydicom
import yaml

from cxrbuild.dicom.header import ImageContext
from cxrbuild.dicom.images import ImageDeidSettings, process_batch
from cxrbuild.dicom.io import SYMLINK, reason_text
from cxrbuild.keys import (
    create_key,
    format_dicom_id,
    key_fingerprint,
    keyed_hex,
    keyed_int,
    load_key,
)
from cxrbuild.util.errors import CxrbuildError
from cxrbuild.util.paths import check_output_file, check_output_folder, is_inside, link_on_the_way
from cxrbuild.util.progress import setup_logging

log = logging.getLogger("cxrbuild.dicom.command")

SUBJECT_ID_RANGE = (10_000_000, 19_999_999)
STUDY_ID_RANGE = (50_000_000, 59_999_999)
SHIFT_TARGET_START = dt.date(2100, 1, 1)
SHIFT_TARGET_END = dt.date(2200, 12, 31)
# anchor for patients without any readable date, so they still get a shift in range
UNDATED_ANCHOR = dt.date(2000, 1, 1)
DATE_KEYWORDS = (
    "StudyDate",
    "SeriesDate",
    "AcquisitionDate",
    "ContentDate",
    "InstanceCreationDate",
)
HEADER_KEYWORDS = (
    "PatientID",
    "PatientName",
    "PatientBirthDate",
    "StudyInstanceUID",
    "SOPInstanceUID",
    *DATE_KEYWORDS,
)


# an input without an identity is never released (the batch quarantines it: no_context)
NO_IDENTITY = ImageContext("", "", "", 0, b"")


def default_key_file() -> Path:
    """``$CXRBUILD_KEY_FILE``, else ``~/.config/cxrbuild/secret.key`` (outside any output)."""
    env = os.environ.get("CXRBUILD_KEY_FILE")
    if env:
        return Path(env)
    return Path.home() / ".config" / "cxrbuild" / "secret.key"


def list_input_files(in_dir: Path) -> list[Path]:
    """Every file under ``in_dir`` (hidden ones and links too, so that they are
    accounted for in the manifest), sorted; a link to a folder is listed as an
    entry of its own and never followed.

    A folder that cannot be listed is an error: its files would otherwise vanish unseen.
    """

    def unreadable_folder(err: OSError) -> None:
        raise CxrbuildError(f"{err.filename}: cannot list folder ({err.strerror})")

    files = []
    for root, dirs, names in os.walk(in_dir, onerror=unreadable_folder):
        dirs.sort()
        files.extend(Path(root) / name for name in dirs if (Path(root) / name).is_symlink())
        for name in sorted(names):
            path = Path(root) / name
            if path.is_file() or path.is_symlink():
                files.append(path)
    return sorted(files, key=lambda p: p.relative_to(in_dir).as_posix())


def link_refusal(path: Path, in_dir: Path) -> str:
    """The quarantine reason of a link found in IN_DIR: links are never followed, inside or out."""
    kind = "folder" if path.is_dir() else "file"
    if not path.exists():
        return reason_text(SYMLINK, f"link to a missing {kind}, not followed")
    if is_inside(path, in_dir):
        return reason_text(SYMLINK, f"link to a {kind} inside IN_DIR, not followed",
                           "nothing: the linked file is processed at its own path")
    return reason_text(SYMLINK, f"link to a {kind} outside IN_DIR, not read")


def _earliest_date(ds: pydicom.Dataset) -> dt.date | None:
    earliest = None
    for keyword in DATE_KEYWORDS:
        value = str(ds.get(keyword, "") or "").strip()
        try:
            day = dt.date(int(value[:4]), int(value[4:6]), int(value[6:8]))
        except ValueError:
            continue
        earliest = day if earliest is None or day < earliest else earliest
    return earliest


def unique_keyed_ids(
    key: bytes, kind: str, id_range: tuple[int, int], names: set[str]
) -> dict[str, str]:
    """Keyed ids in ``id_range``, one per name, with no two names sharing an id.

    Names are taken in sorted order; a name whose keyed id is taken draws again
    (the keyed generator with a counter), so the result depends only on the key
    and the set of names. (65,000 patients in a range of 10 million would
    otherwise share ids about 200 times: the birthday bound.)
    """
    taken: set[int] = set()
    ids: dict[str, str] = {}
    for name in sorted(names):
        attempt = 0
        value = keyed_int(key, *id_range, kind, name)
        while value in taken:
            attempt += 1
            value = keyed_int(key, *id_range, kind, name, str(attempt))
        taken.add(value)
        ids[name] = str(value)
    return ids


def derived_contexts(files: list[Path], in_dir: Path, key: bytes) -> dict[Path, ImageContext]:
    """Keyed identities for files without a context file (PatientID, Study and SOP Instance UIDs).

    The day shift is a whole number of weeks (so weekdays stay weekdays) that
    puts the patient's earliest date seen in IN_DIR between 2100-01-01 and
    2200-12-31 (contracts: dates shifted into 2100-2200, intervals kept).
    """
    headers: dict[Path, dict[str, str]] = {}
    earliest_by_patient: dict[str, dt.date] = {}
    for path in files:
        try:
            ds = pydicom.dcmread(
                path, stop_before_pixels=True, specific_tags=list(HEADER_KEYWORDS), force=True
            )
            values = {k: str(ds.get(k, "") or "").strip() for k in HEADER_KEYWORDS}
            earliest = _earliest_date(ds)
        except Exception:  # unreadable files are quarantined later; any identity will do
            values, earliest = {}, None
        patient = values.get("PatientID") or "|".join(
            (values.get("PatientName", ""), values.get("PatientBirthDate", ""))
        ).strip("|")
        patient = patient or f"file:{path.relative_to(in_dir).as_posix()}"
        values["_patient"] = patient
        headers[path] = values
        if earliest is not None and (
            patient not in earliest_by_patient or earliest < earliest_by_patient[patient]
        ):
            earliest_by_patient[patient] = earliest

    def study_key(path: Path) -> str:
        return (
            headers[path].get("StudyInstanceUID") or f"file:{path.relative_to(in_dir).as_posix()}"
        )

    subject_ids = unique_keyed_ids(
        key, "subject_id", SUBJECT_ID_RANGE, {v["_patient"] for v in headers.values()}
    )
    study_ids = unique_keyed_ids(
        key, "study_id", STUDY_ID_RANGE, {study_key(path) for path in headers}
    )
    contexts = {}
    for path, values in headers.items():
        patient = values["_patient"]
        anchor = earliest_by_patient.get(patient, UNDATED_ANCHOR)
        low_weeks = -((anchor - SHIFT_TARGET_START).days // 7)  # ceil((start - anchor) / 7)
        high_weeks = (SHIFT_TARGET_END - anchor).days // 7
        weeks = keyed_int(key, low_weeks, high_weeks, "day_shift", patient)
        instance = values.get("SOPInstanceUID") or f"file:{path.relative_to(in_dir).as_posix()}"
        contexts[path] = ImageContext(
            subject_id=subject_ids[patient],
            study_id=study_ids[study_key(path)],
            dicom_id=format_dicom_id(keyed_hex(key, 40, "dicom_id", instance)),
            day_shift=7 * weeks,
            uid_key=key,
        )
    return contexts


def read_context_file(path: Path, key: bytes) -> dict[str, tuple[ImageContext, str | None]]:
    """``source`` (relative to IN_DIR) -> (context, output relative to OUT_DIR or None)."""
    contexts: dict[str, tuple[ImageContext, str | None]] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise CxrbuildError(f"{path}: cannot read context file ({err})") from None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            source = Path(str(row["source"])).as_posix()
            ctx = ImageContext(
                subject_id=str(row["subject_id"]),
                study_id=str(row["study_id"]),
                dicom_id=str(row["dicom_id"]),
                day_shift=int(row["day_shift"]),
                uid_key=key,
                deny=tuple(str(d) for d in row.get("deny") or ()),
            )
            output = row.get("output")
        except (ValueError, KeyError, TypeError) as err:
            raise CxrbuildError(
                f"{path}:{number}: bad context line ({type(err).__name__}: {err})"
            ) from None
        if source in contexts:
            raise CxrbuildError(f"{path}:{number}: source {source} listed twice")
        contexts[source] = (ctx, str(output) if output else None)
    return contexts


def load_settings(
    config: Path | None, no_pixel_deid: bool, modalities: str | None
) -> ImageDeidSettings:
    mapping: dict = {}
    if config is not None:
        try:
            loaded = yaml.safe_load(config.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError) as err:
            raise CxrbuildError(
                f"{config}: cannot read config ({' '.join(str(err).split())})"
            ) from None
        if not isinstance(loaded, dict):
            raise CxrbuildError(f"{config}: config must be a mapping")
        # a settings file, or a workflow config (images: {settings: {...}})
        section = loaded.get("images", loaded)
        if isinstance(section, dict) and isinstance(section.get("settings"), dict):
            section = section["settings"]
        if not isinstance(section, dict):
            raise CxrbuildError(f"{config}: 'images' must be a mapping")
        mapping = dict(section)
    if no_pixel_deid:
        mapping["pixels"] = False
    if modalities is not None:
        mapping["modalities"] = modalities
    elif "modalities" not in mapping:
        mapping["modalities"] = "any"  # standalone: any image modality unless told otherwise
    try:
        return ImageDeidSettings.from_mapping(mapping)
    except ValueError as err:
        raise CxrbuildError(f"{config or 'settings'}: {err}") from None


def _items(
    files: list[Path], in_dir: Path, out_dir: Path, args: argparse.Namespace, key: bytes
) -> tuple[list[tuple[Path, Path, ImageContext]], dict[Path, str]]:
    """The work items, and the inputs refused unread: links, and outputs whose folder is a link."""
    links = {path: link_refusal(path, in_dir) for path in files if path.is_symlink()}
    readable = [path for path in files if path not in links]
    items: list[tuple[Path, Path, ImageContext]] = []
    if args.context is None:
        contexts = derived_contexts(readable, in_dir, key)
        for path in files:
            items.append((path, out_dir / path.relative_to(in_dir), contexts.get(path, NO_IDENTITY)))
    else:
        listed = read_context_file(Path(args.context), key)
        for path in files:
            relative = path.relative_to(in_dir).as_posix()
            entry = listed.get(relative)
            if entry is None:
                # no identity, no release: the batch quarantines it (no_context)
                items.append((path, out_dir / relative, NO_IDENTITY))
                continue
            ctx, output = entry
            target = out_dir / output if output else out_dir / relative
            lexical = Path(os.path.normpath(target))
            if lexical == Path(os.path.normpath(out_dir)) or not lexical.is_relative_to(os.path.normpath(out_dir)):
                raise CxrbuildError(f"{args.context}: output {output} is outside OUT_DIR")
            items.append((path, target, ctx))
    refusals = dict(links)
    for path, target, _ctx in items:
        link = link_on_the_way(out_dir, target)
        if link is not None and path not in refusals:
            refusals[path] = reason_text(SYMLINK, f"the output folder {link.relative_to(out_dir)} is a link, "
                                                  "not written through", "an output folder without links")
    return items, refusals


def run(args: argparse.Namespace) -> int:
    in_dir, out_dir = Path(args.in_dir), Path(args.out_dir)
    # every check before anything is written: a bad argument leaves no log, manifest or key behind
    if not in_dir.is_dir():
        raise CxrbuildError(f"{in_dir}: input folder not found")
    if is_inside(out_dir, in_dir) or is_inside(in_dir, out_dir):
        raise CxrbuildError(f"{out_dir}: output folder must not overlap the input folder {in_dir}")
    check_output_folder(out_dir, "output folder")
    manifest = (
        Path(args.manifest)
        if args.manifest
        else out_dir.with_name(out_dir.name + ".manifest.jsonl")
    )
    if is_inside(manifest, out_dir):
        raise CxrbuildError(f"{manifest}: the manifest names source files; keep it outside OUT_DIR")
    check_output_file(manifest, "manifest")
    log_file = Path(args.log) if args.log else manifest.with_suffix(".log")
    check_output_file(log_file, "log")
    settings = load_settings(
        Path(args.config) if args.config else None, args.no_pixel_deid, args.modalities
    )
    key_file = Path(args.key_file) if args.key_file else default_key_file()
    if is_inside(key_file, out_dir):
        raise CxrbuildError(f"{key_file}: the secret key must not be inside OUT_DIR")
    if args.new_key:
        if key_file.exists() or key_file.is_symlink():
            raise CxrbuildError(f"{key_file}: --new-key, but a secret key already exists here; it is never "
                                "replaced (drop --new-key to use it)")
        check_output_file(key_file, "secret key")
    else:
        key = load_key(key_file)
    if settings.pixels:
        try:
            from cxrbuild.dicom import pixels  # noqa: F401  (checked once here, used in the workers)
        except ImportError as err:
            raise CxrbuildError(
                f"pixel de-identification is not available ({err}); use --no-pixel-deid only for images known "
                "to carry no burned-in text"
            ) from None
    files = list_input_files(in_dir)
    if not files:
        raise CxrbuildError(f"{in_dir}: no files to de-identify")
    setup_logging(log_file, verbose=args.verbose)
    if args.new_key:
        key = create_key(key_file)
        log.warning("deid-images: created the secret key %s (fingerprint %s); keep it to issue the same ids again",
                    key_file, key_fingerprint(key))
    log.info("deid-images: %d files under %s -> %s", len(files), in_dir, out_dir)
    items, refusals = _items(files, in_dir, out_dir, args, key)
    result = process_batch(items, settings, manifest, workers=max(1, int(args.workers)), refusals=refusals)
    log.info("deid-images: %s; manifest %s", result.summary(), manifest)
    if args.strict and result.quarantined:
        print(f"cxrbuild deid-images: {result.quarantined} file(s) quarantined (--strict)")
        return 1
    return 0


def register(subparsers: argparse._SubParsersAction) -> None:
    """Add ``deid-images`` to the ``cxrbuild`` command line."""
    parser = subparsers.add_parser(
        "deid-images",
        help="de-identify every DICOM file under a folder (header and burned-in text)",
        description="De-identify every file under IN_DIR (DICOM header and burned-in text) into OUT_DIR "
        "at the same relative paths; each file is written or quarantined with a one-line reason in the manifest.",
    )
    parser.add_argument("in_dir", metavar="IN_DIR", help="folder of DICOM files (any layout)")
    parser.add_argument(
        "out_dir", metavar="OUT_DIR", help="where de-identified files go, same relative paths"
    )
    parser.add_argument(
        "--manifest",
        metavar="FILE",
        help="JSON-lines outcome per input (default OUT_DIR.manifest.jsonl)",
    )
    parser.add_argument(
        "--key-file",
        metavar="F",
        help="secret key file (default $CXRBUILD_KEY_FILE or ~/.config/cxrbuild/secret.key)",
    )
    parser.add_argument(
        "--new-key",
        action="store_true",
        help="make a new secret key at the key file (it must not exist): a fresh, unlinkable set of ids",
    )
    parser.add_argument(
        "--context",
        metavar="FILE.jsonl",
        help="per-file identities: source, subject_id, study_id, dicom_id, day_shift[, deny, output]",
    )
    parser.add_argument(
        "--config",
        metavar="YAML",
        help="settings: pixels, verify, modalities, pixel_policy, header (or a workflow config: images.settings)",
    )
    parser.add_argument(
        "--workers", type=int, default=1, metavar="N", help="worker processes (default 1)"
    )
    parser.add_argument(
        "--no-pixel-deid",
        action="store_true",
        help="header only: for images known to carry no burned-in text",
    )
    parser.add_argument(
        "--modalities",
        metavar="LIST",
        help="allowed modalities, e.g. CR,DX or 'radiographs' or 'any' (default any)",
    )
    parser.add_argument("--strict", action="store_true", help="exit 1 when any file is quarantined")
    parser.add_argument("--log", metavar="FILE", help="log file (default next to the manifest)")
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="log progress details on the terminal"
    )
    parser.set_defaults(func=run)
