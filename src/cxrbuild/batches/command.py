"""``cxrbuild deid-images``: standalone de-identification of a folder of DICOM files.

Every file under IN_DIR is either written de-identified at the same relative
path under OUT_DIR or quarantined with a one-line reason in the manifest.

Identities come from ``--context FILE.jsonl`` (one line per source file:
``source`` relative to IN_DIR, ``subject_id``, ``study_id``, ``dicom_id``,
``day_shift``, optional ``deny`` list and ``output`` path relative to OUT_DIR)
or, without it, from the secret key and the original identifiers, drawn by
``cxrbuild.ids`` exactly as the workflow draws them: subject_id from PatientID
(the MRN), study_id from AccessionNumber (else StudyInstanceUID), dicom_id from
SOPInstanceUID, the day shift of ``ids.day_shift`` and the replacement UIDs under
``keys.uid_key``. So the same key file (and, for the shift, the same ``ids`` and
``cohort`` config) gives an image the ids, shift and UIDs of the workflow's release.
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

from cxrbuild import ids
from cxrbuild.batches.images import image_settings
from cxrbuild.dicom.header import ImageContext
from cxrbuild.dicom.images import ImageDeidSettings, process_batch
from cxrbuild.dicom.io import SYMLINK, reason_text
from cxrbuild.keys import create_key, key_fingerprint, load_key, uid_key
from cxrbuild.util.errors import CxrbuildError
from cxrbuild.util.paths import check_output_file, check_output_folder, is_inside, link_on_the_way
from cxrbuild.util.progress import setup_logging

log = logging.getLogger("cxrbuild.batches.command")

# anchor for patients without any readable date, so they still get a shift in range
UNDATED_ANCHOR = dt.date(2000, 1, 1)
# the workflow anchors a patient's shift on the index admission: the header's own
# record of it (Visit module, PS3.3 C.3.3) comes first, the earliest image date after it
ADMISSION_KEYWORDS = ("AdmittingDate",)
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
    "AccessionNumber",
    "StudyInstanceUID",
    "SOPInstanceUID",
    *ADMISSION_KEYWORDS,
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


def _earliest_date(ds: pydicom.Dataset, keywords: tuple[str, ...]) -> dt.date | None:
    earliest = None
    for keyword in keywords:
        value = str(ds.get(keyword, "") or "").strip()
        try:
            day = dt.date(int(value[:4]), int(value[4:6]), int(value[6:8]))
        except ValueError:
            continue
        earliest = day if earliest is None or day < earliest else earliest
    return earliest


def _earlier(first: dt.date | None, second: dt.date | None) -> dt.date | None:
    if first is None or second is None:
        return first or second
    return min(first, second)


def derived_contexts(
    files: list[Path], in_dir: Path, key: bytes, shift_settings: ids.ShiftSettings | None = None
) -> dict[Path, ImageContext]:
    """Keyed identities for files without a context file, drawn as the workflow draws them.

    The sources are those the workflow keys on: the patient's PatientID (its
    MRN; else name and birth date), the study's AccessionNumber (else its
    StudyInstanceUID) and the SOPInstanceUID. The day shift is ``ids.day_shift``
    anchored on the patient's index admission as the headers record it: the
    earliest AdmittingDate (0038,0020), else the earliest image date.
    """
    shift_settings = shift_settings or ids.ShiftSettings()
    headers: dict[Path, dict[str, str]] = {}
    admitted: dict[str, dt.date | None] = {}
    imaged: dict[str, dt.date | None] = {}
    for path in files:
        try:
            ds = pydicom.dcmread(
                path, stop_before_pixels=True, specific_tags=list(HEADER_KEYWORDS), force=True
            )
            values = {k: str(ds.get(k, "") or "").strip() for k in HEADER_KEYWORDS}
            admission = _earliest_date(ds, ADMISSION_KEYWORDS)
            image_date = _earliest_date(ds, DATE_KEYWORDS)
        except Exception:  # unreadable files are quarantined later; any identity will do
            values, admission, image_date = {}, None, None
        own_name = f"file:{path.relative_to(in_dir).as_posix()}"
        patient = values.get("PatientID") or "|".join(
            (values.get("PatientName", ""), values.get("PatientBirthDate", ""))
        ).strip("|")
        values["_patient"] = patient or own_name
        values["_study"] = values.get("AccessionNumber") or values.get("StudyInstanceUID") or own_name
        values["_instance"] = values.get("SOPInstanceUID") or own_name
        headers[path] = values
        admitted[values["_patient"]] = _earlier(admitted.get(values["_patient"]), admission)
        imaged[values["_patient"]] = _earlier(imaged.get(values["_patient"]), image_date)

    subject_ids = ids.allocate((v["_patient"] for v in headers.values()), {}, ids.subject_draw(key))
    study_ids = ids.allocate((v["_study"] for v in headers.values()), {}, ids.study_draw(key))
    dicom_ids = ids.allocate((v["_instance"] for v in headers.values()), {}, ids.dicom_draw(key))
    key_for_uids = uid_key(key)
    shifts = {
        patient: ids.day_shift(key, patient, admitted[patient] or imaged[patient] or UNDATED_ANCHOR, shift_settings)
        for patient in subject_ids
    }
    return {
        path: ImageContext(
            subject_id=subject_ids[values["_patient"]],
            study_id=study_ids[values["_study"]],
            dicom_id=dicom_ids[values["_instance"]],
            day_shift=shifts[values["_patient"]],
            uid_key=key_for_uids,
        )
        for path, values in headers.items()
    }


def read_context_file(path: Path, key_for_uids: bytes) -> dict[str, tuple[ImageContext, str | None]]:
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
                uid_key=key_for_uids,
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


def read_config(config: Path | None) -> dict:
    """The ``--config`` file: image settings, or a workflow config (``images.settings``, ``ids``, ``cohort``)."""
    if config is None:
        return {}
    try:
        loaded = yaml.safe_load(config.read_text(encoding="utf-8")) or {}
    except (OSError, yaml.YAMLError) as err:
        raise CxrbuildError(f"{config}: cannot read config ({' '.join(str(err).split())})") from None
    if not isinstance(loaded, dict):
        raise CxrbuildError(f"{config}: config must be a mapping")
    return loaded


def load_settings(
    config: Path | None, no_pixel_deid: bool, modalities: str | None
) -> ImageDeidSettings:
    loaded = read_config(config)
    # a settings file, or a workflow config (images: {settings: {...}})
    section = loaded.get("images", loaded)
    if isinstance(section, dict) and isinstance(section.get("settings"), dict):
        section = section["settings"]
    if not isinstance(section, dict):
        raise CxrbuildError(f"{config}: 'images' must be a mapping")
    mapping = {k: v for k, v in section.items() if section is not loaded or k not in ("ids", "cohort")}
    if no_pixel_deid:
        mapping["pixels"] = False
    if modalities is not None:
        mapping["modalities"] = modalities
    elif "modalities" not in mapping:
        mapping["modalities"] = "any"  # standalone: any image modality unless told otherwise
    try:
        return image_settings(mapping)
    except ValueError as err:
        raise CxrbuildError(f"{config or 'settings'}: {err}") from None


def load_shift_settings(config: Path | None) -> ids.ShiftSettings:
    """The workflow's shift settings from the config's ``ids`` and ``cohort`` (defaults without them)."""
    try:
        return ids.ShiftSettings.from_config(read_config(config))
    except (ValueError, TypeError, AttributeError) as err:
        raise CxrbuildError(f"{config}: {err}") from None


def _items(
    files: list[Path], in_dir: Path, out_dir: Path, args: argparse.Namespace, key: bytes,
    shift_settings: ids.ShiftSettings | None,
) -> tuple[list[tuple[Path, Path, ImageContext]], dict[Path, str]]:
    """The work items, and the inputs refused unread: links, and outputs whose folder is a link.

    Without ``--context`` the identities are drawn from the headers, the day shifts under ``shift_settings``.
    """
    links = {path: link_refusal(path, in_dir) for path in files if path.is_symlink()}
    readable = [path for path in files if path not in links]
    items: list[tuple[Path, Path, ImageContext]] = []
    if args.context is None:
        contexts = derived_contexts(readable, in_dir, key, shift_settings)
        for path in files:
            items.append((path, out_dir / path.relative_to(in_dir), contexts.get(path, NO_IDENTITY)))
    else:
        listed = read_context_file(Path(args.context), uid_key(key))
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
    config = Path(args.config) if args.config else None
    settings = load_settings(config, args.no_pixel_deid, args.modalities)
    shift_settings = load_shift_settings(config) if args.context is None else None
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
    items, refusals = _items(files, in_dir, out_dir, args, key, shift_settings)
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
        help="settings: pixels, verify, modalities, pixel_policy, header (or a workflow config: images.settings, "
        "and ids and cohort for the day shifts, as the workflow draws them)",
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
