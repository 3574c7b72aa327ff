"""Write a whole demo hospital: EHR, PACS export and truth, atomically and reproducibly.

The hospital is planned in one process (records, reports, one spec per
file), then the DICOM files are rendered by a pool of workers. Each file
draws from its own seeded generator, so the bytes do not depend on the
number of workers or on their order. Everything is written into a temporary
sibling directory that replaces the target only when complete.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import io
import json
import logging
import multiprocessing
import os
import random
import shutil
import time
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image

from cxrbuild import __version__
from cxrbuild.synth import dicomgen
from cxrbuild.synth.ehr import (
    Hospital,
    Patient,
    Study,
    age_in_years,
    generate_hospital,
    report_author,
    write_sqlite,
)
from cxrbuild.synth.reports import LABEL_OF_KIND, write_reports
from cxrbuild.util.atomic import atomic_directory
from cxrbuild.util.errors import CxrbuildError
from cxrbuild.util.progress import Progress

log = logging.getLogger("cxrbuild.synth")

IMAGE_SIZES = ("small", "full")
BITS_STORED_CHOICES = (10, 12, 12, 14, 15, 16)
# PHI kinds that belong to one patient; the others (providers, the institution) get mrn null.
PROVIDER_KINDS = {"provider_name", "provider_phone", "pager", "institution", "institution_address", "ward", "station"}


@dataclass
class SynthSummary:
    """What a run wrote (also saved as truth/summary.json)."""

    out_dir: Path
    patients: int
    encounters: int
    studies: int
    cohort_patients: int
    cohort_studies: int
    images: int
    files: dict[str, int]
    seconds: float

    def line(self) -> str:
        by_category = ", ".join(f"{k} {v}" for k, v in sorted(self.files.items()))
        return (
            f"{self.patients} patients, {self.studies} studies ({self.cohort_studies} in cohort), "
            f"{self.images} images; files: {by_category}"
        )


PLACES = ("ehr", "header", "pixels", "report")
PLACE_BIT = {place: 1 << i for i, place in enumerate(PLACES)}


class PhiIndex:
    """Every PHI value used, with the places it was written to (truth/phi.jsonl).

    Places are kept as bit masks: a full-scale hospital has millions of values.
    """

    def __init__(self) -> None:
        self.places: dict[tuple[str, str, str], int] = {}

    def add(self, mrn: str | None, kind: str, value: str, place: str) -> None:
        if not value:
            return
        key = ("" if kind in PROVIDER_KINDS else (mrn or ""), kind, value)
        self.places[key] = self.places.get(key, 0) | PLACE_BIT[place]

    def lines(self) -> Iterator[str]:
        """One JSON line per value, sorted; streamed, as a full-scale index has millions."""
        for key in sorted(self.places):
            mrn, kind, value = key
            mask = self.places[key]
            places = [p for p in PLACES if mask & PLACE_BIT[p]]
            yield json.dumps({"mrn": mrn or None, "kind": kind, "value": value, "places": places}) + "\n"


def _fmt(value: dt.datetime) -> str:
    return value.strftime("%Y-%m-%d %H:%M:%S")


def plan_files(hospital: Hospital, image_size: str, headers_only: bool) -> list[dicomgen.ImageSpec]:
    """One spec per DICOM file of the PACS export (images first, then the odd objects)."""
    rng = random.Random(f"cxrbuild-synth/{hospital.seed}/pacs")
    specs: list[dicomgen.ImageSpec] = []
    combos = [(ts, pi) for ts in dicomgen.TRANSFER_SYNTAXES for pi in ("MONOCHROME2", "MONOCHROME1")]
    cycle: list[tuple[str, str]] = []
    file_counter = 0
    no_accession_folders = 0
    for study in hospital.studies:
        if not study.views:
            continue
        patient = hospital.patient(study.mrn)
        if study.header_accession:
            folder = study.accession_number
        else:
            no_accession_folders += 1
            folder = f"S{no_accession_folders:07d}"
        style = rng.randrange(3)
        portable = study.views == ("AP",) and (study.encounter is None or study.encounter.encounter_type != "OUTPATIENT")
        for n, view in enumerate(study.views):
            if not cycle:  # every block of 12 images covers each syntax x photometric once
                cycle = combos[:]
                rng.shuffle(cycle)
            transfer_syntax, photometric = cycle.pop()
            series_number = n + 1
            acquired = study.study_time + dt.timedelta(minutes=2 * n, seconds=rng.randrange(60))
            series_uid = f"{study.study_instance_uid}.{series_number}"
            sop_uid = f"{series_uid}.1.{acquired:%Y%m%d%H%M%S}"
            file_counter += 1
            name = (f"{series_number:02d}_0001.dcm", f"IM{file_counter:06d}", f"{sop_uid}.dcm")[style]
            if headers_only:
                rows = columns = dicomgen.HEADERS_ONLY_SIZE
            else:
                low, high = dicomgen.SMALL_ROWS if image_size == "small" else dicomgen.FULL_ROWS
                rows = rng.randint(low, high)
                columns = int(rows * rng.uniform(0.8, 1.05)) if view != "LAT" else int(rows * rng.uniform(0.75, 0.95))
            specs.append(
                _spec(
                    hospital, study, patient, f"{study.study_time:%Y}/{study.study_time:%m}/{folder}/{name}",
                    "image", "ok", series_uid, sop_uid, series_number, acquired, view, transfer_syntax,
                    photometric, rng.choice(BITS_STORED_CHOICES), rows, columns, headers_only, portable, rng,
                )
            )
    specs.extend(_plan_odd_files(hospital, specs, headers_only, rng))
    return specs


def _spec(
    hospital: Hospital, study: Study, patient: Patient, path: str, category: str, expected: str,
    series_uid: str, sop_uid: str, series_number: int, acquired: dt.datetime, view: str,
    transfer_syntax: str, photometric: str, bits_stored: int, rows: int, columns: int,
    headers_only: bool, portable: bool, rng: random.Random,
) -> dicomgen.ImageSpec:
    address = f"{patient.street}^{patient.city}^{patient.state}^{patient.postal_code}"
    return dicomgen.ImageSpec(
        path=path,
        category=category,
        expected=expected,
        seed=hospital.seed,
        mrn=patient.mrn,
        patient_name=patient.dicom_name,
        other_patient_names=f"{patient.other_family.upper()}^{patient.given.upper()}" if patient.other_family else None,
        birth_date=patient.birth_date,
        sex=patient.sex,
        age=age_in_years(patient, study.study_time),
        address=address,
        phone=patient.phone,
        ssn=patient.ssn,
        old_mrn=patient.old_mrn,
        family=patient.family,
        given=patient.given,
        accession_number=study.accession_number,
        header_accession=study.header_accession,
        study_instance_uid=study.study_instance_uid,
        series_instance_uid=series_uid,
        sop_instance_uid=sop_uid,
        series_number=series_number,
        instance_number=1,
        study_time=study.study_time,
        acquisition_time=acquired,
        study_description=study.procedure.description,
        body_part=study.procedure.body_part,
        modality=study.procedure.modality,
        view=view,
        referring=study.referring.dicom_name,
        referring_phone=study.referring.phone,
        radiologist=study.radiologist.dicom_name,
        technologist=study.technologist.dicom_name,
        institution=hospital.institution,
        institution_address=hospital.institution_address,
        ward=rng.choice(hospital.wards),
        station=rng.choice(hospital.station_names),
        transfer_syntax=transfer_syntax,
        photometric=photometric,
        bits_stored=bits_stored,
        rows=rows,
        columns=columns,
        headers_only=headers_only,
        in_cohort=study.in_cohort,
        portable=portable,
        sop_class=dicomgen.DX_IMAGE_STORAGE if study.procedure.modality == "DX" else dicomgen.CR_IMAGE_STORAGE,
    )


def _plan_odd_files(
    hospital: Hospital, images: list[dicomgen.ImageSpec], headers_only: bool, rng: random.Random
) -> list[dicomgen.ImageSpec]:
    """Non-image objects, truncated and pixel-less files, as real exports hold them."""
    by_accession = {s.accession_number: s for s in hospital.studies}
    cohort_images = [s for s in images if s.in_cohort]
    if not cohort_images:
        return []
    per_kind = max(1, len(images) // 250)
    odd: list[dicomgen.ImageSpec] = []
    for k in range(per_kind * 2):
        base = cohort_images[rng.randrange(len(cohort_images))]
        study = by_accession[base.accession_number]
        patient = hospital.patient(study.mrn)
        sr = k % 2 == 0
        series_number = 90 + k % 2
        series_uid = f"{study.study_instance_uid}.{series_number}"
        sop_uid = f"{series_uid}.{k + 1}"
        spec = _spec(
            hospital, study, patient, f"{base.path.rsplit('/', 1)[0]}/{'SR' if sr else 'PR'}{k:05d}.dcm",
            "non_image", "not_an_image", series_uid, sop_uid, series_number,
            study.study_time + dt.timedelta(minutes=30), base.view, dicomgen.ExplicitVRLittleEndian,
            base.photometric, base.bits_stored, base.rows, base.columns, headers_only, base.portable, rng,
        )
        spec.sop_class = dicomgen.BASIC_TEXT_SR_STORAGE if sr else dicomgen.GSPS_STORAGE
        spec.report_text = study.report_text if sr else ""
        spec.referenced_image = (base.series_instance_uid, base.sop_class, base.sop_instance_uid)
        odd.append(spec)
    for category, expected in (("truncated", "truncated"), ("no_pixels", "no_pixel_data")):
        for k in range(per_kind):
            base = cohort_images[rng.randrange(len(cohort_images))]
            study = by_accession[base.accession_number]
            series_number = 80 if category == "truncated" else 81
            series_uid = f"{study.study_instance_uid}.{series_number}"
            sop_uid = f"{series_uid}.{k + 1}"
            spec = _spec(
                hospital, study, hospital.patient(study.mrn),
                f"{base.path.rsplit('/', 1)[0]}/{category.upper()}{k:05d}.dcm", category, expected,
                series_uid, sop_uid, series_number, base.acquisition_time + dt.timedelta(minutes=5),
                base.view, base.transfer_syntax, base.photometric, base.bits_stored, base.rows,
                base.columns, headers_only, base.portable, rng,
            )
            spec.truncate_at = rng.uniform(0.3, 0.8)
            odd.append(spec)
    return odd


@dataclass
class Rendered:
    """What the main process needs of one written file (the truth line is made in the worker)."""

    line: str
    category: str
    mrn: str
    accession_number: str
    path: str
    phi: list[tuple[str, str, str]]  # distinct (kind, value, place)


def _render(spec: dicomgen.ImageSpec, pacs_dir: str) -> Rendered:
    if spec.category == "non_image":
        data, record = dicomgen.render_non_image(spec, spec.report_text)
    else:
        data, record = dicomgen.render_image(spec)
    target = Path(pacs_dir) / spec.path
    if target.parent not in _CREATED_DIRS:
        target.parent.mkdir(parents=True, exist_ok=True)
        _CREATED_DIRS.add(target.parent)
    target.write_bytes(data)
    phi = {(e["kind"], e["value"], "header") for e in record["header_phi"] if e["kind"] != "report"}
    phi.update((v["kind"], v["value"], "pixels") for box in record["boxes"] for v in box["values"])
    # A patient's files are mostly rendered by the same process in a row: values it has
    # already reported need not travel to the main process again (the union is the same).
    mrn = record["mrn"]
    fresh = sorted(item for item in phi if (mrn, *item) not in _REPORTED_PHI)
    if len(_REPORTED_PHI) > REPORTED_PHI_LIMIT:
        _REPORTED_PHI.clear()
    _REPORTED_PHI.update((mrn, *item) for item in fresh)
    return Rendered(
        json.dumps(record, separators=(",", ":")), record["category"], mrn,
        record["accession_number"], record["path"], fresh,
    )


_WORKER_STATE: dict = {}
_CREATED_DIRS: set[Path] = set()  # per process: folders already made
_REPORTED_PHI: set[tuple[str, str, str, str]] = set()  # per process: (mrn, kind, value, place) sent
REPORTED_PHI_LIMIT = 200_000


def _init_worker(pacs_dir: str) -> None:
    _WORKER_STATE["pacs_dir"] = pacs_dir


def _render_in_worker(spec: dicomgen.ImageSpec) -> Rendered:
    return _render(spec, _WORKER_STATE["pacs_dir"])


def _write_not_dicom(pacs: Path, hospital: Hospital, images: list[dict], rng: random.Random) -> list[dict]:
    """Files that are not DICOM at all: an export log (with PHI) and JPEG thumbnails."""
    records = []
    lines = ["# PACS export log", "patient\tmrn\taccession\tfiles"]
    for record in images[:50]:
        patient = hospital.patient(record["mrn"])
        lines.append(f"{patient.family.upper()}, {patient.given}\t{record['mrn']}\t{record['accession_number']}\t1")
    (pacs / "EXPORT_LOG.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    records.append(_plain_record("EXPORT_LOG.txt", None))
    for k in range(max(1, len(images) // 250)):
        base = images[rng.randrange(len(images))]
        thumb = np.asarray(np.linspace(0, 255, 64 * 64).reshape(64, 64), dtype=np.uint8)
        buffer = io.BytesIO()
        Image.fromarray(thumb).save(buffer, format="JPEG", quality=80)
        path = f"{base['path'].rsplit('/', 1)[0]}/thumb{k:04d}.jpg"
        (pacs / path).write_bytes(buffer.getvalue())
        records.append(_plain_record(path, base))
    return records


def _plain_record(path: str, base: dict | None) -> dict:
    return {
        "path": path,
        "category": "not_dicom",
        "expected": "not_dicom",
        "mrn": base["mrn"] if base else None,
        "accession_number": base["accession_number"] if base else None,
        "in_cohort": False,
        "boxes": [],
        "header_phi": [],
    }


def _render_all(specs: list[dicomgen.ImageSpec], pacs: Path, pool, headers_only: bool) -> Iterator[Rendered]:
    """Truth records of all specs, in spec order, rendered by the pool when there is one."""
    if pool is not None and len(specs) > 8:
        yield from pool.imap(_render_in_worker, specs, chunksize=64 if headers_only else 1)
    else:
        for spec in specs:
            yield _render(spec, str(pacs))


def _write_duplicates(pacs: Path, images: list[dict]) -> list[dict]:
    """Exact byte copies of images under a re-send folder (sorting after the originals)."""
    records = []
    for base in images:
        path = f"resend/{base['path']}"
        if (pacs / path).exists():
            continue
        (pacs / path).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(pacs / base["path"], pacs / path)
        record = dict(base, path=path, category="duplicate", expected="duplicate", duplicate_of=base["path"])
        records.append(record)
    return records


def _ehr_phi(hospital: Hospital, phi: PhiIndex) -> None:
    for p in hospital.patients:
        for kind, value in (
            ("mrn", p.mrn), ("family_name", p.family), ("given_name", p.given),
            ("birth_date", p.birth_date.isoformat()), ("street", p.street), ("city", p.city),
            ("postal_code", p.postal_code), ("phone", p.phone), ("ssn", p.ssn),
        ):
            phi.add(p.mrn, kind, value, "ehr")
    for e in hospital.encounters:
        phi.add(e.mrn, "encounter_time", _fmt(e.admit_time), "ehr")
    for s in hospital.studies:
        phi.add(s.mrn, "accession_number", s.accession_number, "ehr")
        phi.add(s.mrn, "study_time", _fmt(s.study_time), "ehr")
        phi.add(s.mrn, "uid", s.study_instance_uid, "ehr")
        phi.add(None, "provider_name", report_author(s), "ehr")
        for span in s.report_phi:
            phi.add(s.mrn, span["kind"], span["value"], "report")


def _cohort_rows(hospital: Hospital, n_images: Counter) -> list[list[str]]:
    rows = []
    for s in sorted(hospital.studies, key=lambda s: (s.mrn, s.study_time, s.accession_number)):
        if s.in_cohort:
            rows.append([
                s.mrn, s.accession_number, s.study_instance_uid, _fmt(s.study_time),
                s.encounter.encounter_type if s.encounter else "", str(n_images[s.accession_number]),
            ])
    return rows


def check_request(out_dir: Path, patients: int, image_size: str, overwrite: bool) -> None:
    """What a request must be before anything is written (the command checks it before opening its log)."""
    if patients < 1:
        raise CxrbuildError(f"--patients must be at least 1 (got {patients})")
    if image_size not in IMAGE_SIZES:
        raise CxrbuildError(f"--image-size must be one of {', '.join(IMAGE_SIZES)} (got {image_size!r})")
    if out_dir.exists() and (not out_dir.is_dir() or any(out_dir.iterdir())) and not overwrite:
        raise CxrbuildError(f"{out_dir}: already exists and is not empty (use --overwrite to replace it)")


def _prepare_target(out_dir: Path, overwrite: bool) -> Path:
    staging = out_dir.parent / f".{out_dir.name}.partial-{os.getpid()}"
    try:
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        if staging.exists():
            shutil.rmtree(staging)
        staging.mkdir()
    except OSError as err:
        raise CxrbuildError(f"{out_dir}: cannot write here ({err.strerror or err})") from err
    return staging


def generate(
    out_dir: str | os.PathLike[str],
    patients: int = 40,
    seed: int = 0,
    image_size: str = "small",
    headers_only: bool = False,
    workers: int | None = None,
    overwrite: bool = False,
    progress_stream=None,
) -> SynthSummary:
    """Write a synthetic hospital into ``out_dir`` (ehr.sqlite, pacs/, truth/); see docs/synth-truth.md."""
    started = time.monotonic()
    target = Path(out_dir)
    check_request(target, patients, image_size, overwrite)
    with atomic_directory(target, staging=_prepare_target(target, overwrite)) as staging:
        summary = _generate_into(staging, target, patients, seed, image_size, headers_only, workers, progress_stream, started)
    return summary


def _generate_into(
    staging: Path, target: Path, n_patients: int, seed: int, image_size: str, headers_only: bool,
    workers: int | None, progress_stream, started: float,
) -> SynthSummary:
    _CREATED_DIRS.clear()
    _REPORTED_PHI.clear()
    pacs = staging / "pacs"
    pacs.mkdir()
    n_workers = workers or min(2, os.cpu_count() or 1)
    with contextlib.ExitStack() as stack:
        pool = None
        if n_workers > 1:
            # Workers are forked before the hospital is planned, so they do not inherit
            # (and, as the garbage collector walks it, copy) the planner's memory.
            ctx = multiprocessing.get_context("fork")
            pool = stack.enter_context(ctx.Pool(n_workers, initializer=_init_worker, initargs=(str(pacs),)))
        return _plan_and_write(
            staging, target, n_patients, seed, image_size, headers_only, pool, progress_stream, started
        )


def _plan_and_write(
    staging: Path, target: Path, n_patients: int, seed: int, image_size: str, headers_only: bool,
    pool, progress_stream, started: float,
) -> SynthSummary:
    pacs = staging / "pacs"
    hospital = generate_hospital(n_patients, seed)
    write_reports(hospital)
    log.info("planned %d patients, %d studies", len(hospital.patients), len(hospital.studies))
    write_sqlite(hospital, staging / "ehr.sqlite")
    specs = plan_files(hospital, image_size, headers_only)
    progress = Progress("synth", len(specs), stream=progress_stream)
    phi = PhiIndex()
    _ehr_phi(hospital, phi)
    truth = staging / "truth"
    truth.mkdir()
    n_images: Counter = Counter()
    files: Counter = Counter()
    extras_rng = random.Random(f"cxrbuild-synth/{seed}/extras")
    image_indexes = [i for i, spec in enumerate(specs) if spec.category == "image"]
    n_duplicates = max(1, len(image_indexes) // 250) if image_indexes else 0
    duplicate_sources = set(extras_rng.sample(image_indexes, min(n_duplicates, len(image_indexes))))
    kept_for_duplicates: list[dict] = []
    light_records: list[dict] = []  # path, mrn, accession of every image (not the whole record)
    with open(truth / "images.jsonl", "w", encoding="utf-8") as images_out:
        for index, done in enumerate(_render_all(specs, pacs, pool, headers_only)):
            files[done.category] += 1
            if done.category == "image":
                n_images[done.accession_number] += 1
                light_records.append({"path": done.path, "mrn": done.mrn, "accession_number": done.accession_number})
            if index in duplicate_sources:
                kept_for_duplicates.append(json.loads(done.line))
            for kind, value, place in done.phi:
                phi.add(done.mrn, kind, value, place)
            images_out.write(done.line + "\n")
            progress.advance()
        extras = _write_duplicates(pacs, kept_for_duplicates)
        if light_records:
            extras += _write_not_dicom(pacs, hospital, light_records, extras_rng)
        for record in extras:
            files[record["category"]] += 1
            images_out.write(json.dumps(record, separators=(",", ":")) + "\n")
    with open(truth / "reports.jsonl", "w", encoding="utf-8") as out:
        for s in hospital.studies:
            spans = [{k: span[k] for k in ("start", "end", "label", "value", "kind")} for span in s.report_phi]
            out.write(json.dumps({"accession_number": s.accession_number, "mrn": s.mrn, "text": s.report_text, "phi": spans}) + "\n")
    with open(truth / "phi.jsonl", "w", encoding="utf-8") as phi_out:
        phi_out.writelines(phi.lines())
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(["mrn", "accession_number", "study_instance_uid", "study_time", "encounter_type", "n_images"])
    cohort_rows = _cohort_rows(hospital, n_images)
    writer.writerows(cohort_rows)
    (truth / "cohort.csv").write_text(buffer.getvalue(), encoding="utf-8")
    summary = SynthSummary(
        out_dir=target,
        patients=len(hospital.patients),
        encounters=len(hospital.encounters),
        studies=len(hospital.studies),
        cohort_patients=len({row[0] for row in cohort_rows}),
        cohort_studies=len(cohort_rows),
        images=files["image"],
        files=dict(sorted(files.items())),
        seconds=time.monotonic() - started,
    )
    summary_json = {
        "patients": summary.patients,
        "encounters": summary.encounters,
        "studies": summary.studies,
        "chest_studies": sum(1 for s in hospital.studies if s.procedure.chest),
        "studies_without_images": sum(1 for s in hospital.studies if not s.views),
        "cohort_patients": summary.cohort_patients,
        "cohort_studies": summary.cohort_studies,
        "cohort_images": sum(int(row[5]) for row in cohort_rows),
        "reports": len(hospital.studies),
        "images": summary.images,
        "files": summary.files,
        "seed": seed,
        "image_size": image_size,
        "headers_only": headers_only,
        "cxrbuild_version": __version__,
        "labels": sorted(set(LABEL_OF_KIND.values())),
    }
    (truth / "summary.json").write_text(json.dumps(summary_json, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    log.info(progress.finish(summary.line()))
    return summary
