"""A small clean release and its EHR, made by hand, for the audit tests.

It follows the release layout of contracts section 2 (files/, the two lists,
the reports archive, SHA256SUMS.txt, README.md) and holds de-identified
DICOM files and reports whose every date is shifted into the 2100s, so the
audit must pass it; each test then plants one identifier in a copy.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import io
import sqlite3
import tarfile
from pathlib import Path

import numpy as np
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.sequence import Sequence
from pydicom.uid import ExplicitVRLittleEndian, generate_uid

PATIENTS = [
    # mrn, family, given, birth date, street, city, state, zip, phone, ssn
    ("00482913", "Kowalczyk", "Theodora", "1950-03-15", "41 Larkspur Lane", "Fairhaven", "MA", "02719",
     "(508) 555-0142", "123-45-6789"),
    ("00519377", "Mass", "Albert", "1962-11-02", "7 Quarry Road", "Millbury", "MA", "01527",
     "508-555-0199", "987-65-4321"),
]
STUDIES = [
    # accession, mrn, study uid, study time
    ("A20190001", "00482913", "1.2.826.0.1.3680043.8.498.11111111111111111111", "2019-06-04 10:12:00"),
    ("A20190002", "00519377", "1.2.826.0.1.3680043.8.498.22222222222222222222", "2019-07-21 08:40:00"),
]
AUTHORS = {"A20190001": "Dr. Evangeline Thistlewood, MD (Fairhaven General Hospital)",
           "A20190002": "Dr. Evangeline Thistlewood, MD (Fairhaven General Hospital)"}
RELEASED = [
    # subject_id, study_id, dicom_id, mrn, accession
    ("10482913", "50000001", "0a1b2c3d-4e5f6a7b-8c9d0e1f-2a3b4c5d-6e7f8a9b", "00482913", "A20190001"),
    ("11519377", "50000002", "1f2e3d4c-5b6a7f8e-9d0c1b2a-3f4e5d6c-7b8a9f0e", "00519377", "A20190002"),
]
REPORTS = {
    "50000001": (
        "                                 FINAL REPORT\n"
        " EXAMINATION:  CHEST (PA AND LAT)\n\n"
        " INDICATION:  ___ year old woman with cough.\n\n"
        " COMPARISON:  ___\n\n"
        " FINDINGS:\n\n"
        " No focal consolidation, pleural effusion or pneumothorax. No mass is seen.\n"
        " Heart size is normal.\n\n"
        " IMPRESSION:\n\n"
        " No acute cardiopulmonary process.\n"
    ),
    "50000002": (
        "                                 FINAL REPORT\n"
        " EXAMINATION:  CHEST (PORTABLE AP)\n\n"
        " INDICATION:  ___ year old man, evaluate for pneumonia.\n\n"
        " FINDINGS:\n\n"
        " Low lung volumes. A mass-like opacity in the right lower lobe. Small left\n"
        " pleural effusion. Dr. ___ was notified at ___.\n\n"
        " IMPRESSION:\n\n"
        " Right lower lobe opacity, may represent pneumonia or a mass.\n"
    ),
}


def make_ehr(path: Path) -> str:
    """The EHR (schema of contracts section 1.1) as SQLite; returns its SQLAlchemy URL."""
    connection = sqlite3.connect(path)
    connection.executescript(
        """
        CREATE TABLE patients (mrn TEXT PRIMARY KEY, family_name TEXT, given_name TEXT, birth_date DATE,
          sex TEXT, street TEXT, city TEXT, state TEXT, postal_code TEXT, phone TEXT, ssn TEXT);
        CREATE TABLE encounters (encounter_id TEXT PRIMARY KEY, mrn TEXT NOT NULL, encounter_type TEXT NOT NULL,
          admit_time TIMESTAMP NOT NULL, discharge_time TIMESTAMP);
        CREATE TABLE imaging_studies (accession_number TEXT PRIMARY KEY, mrn TEXT NOT NULL, encounter_id TEXT,
          study_instance_uid TEXT NOT NULL, procedure_code TEXT NOT NULL, procedure_description TEXT,
          modality TEXT, study_time TIMESTAMP NOT NULL);
        CREATE TABLE radiology_reports (accession_number TEXT PRIMARY KEY, report_text TEXT NOT NULL,
          author TEXT, signed_time TIMESTAMP);
        """
    )
    for mrn, family, given, birth, street, city, state, postal, phone, ssn in PATIENTS:
        connection.execute("INSERT INTO patients VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                           (mrn, family, given, birth, "F", street, city, state, postal, phone, ssn))
    for number, (accession, mrn, uid, time) in enumerate(STUDIES):
        encounter = f"E{number}"
        connection.execute("INSERT INTO encounters VALUES (?,?,?,?,?)",
                           (encounter, mrn, "ED", time, None))
        connection.execute("INSERT INTO imaging_studies VALUES (?,?,?,?,?,?,?,?)",
                           (accession, mrn, encounter, uid, "CXR2V", "XR CHEST 2V", "CR", time))
        connection.execute("INSERT INTO radiology_reports VALUES (?,?,?,?)",
                           (accession, "original report text", AUTHORS[accession], time))
    connection.commit()
    connection.close()
    return f"sqlite:///{path}"


def make_image(subject_id: str, study_id: str, dicom_id: str) -> Dataset:
    """A de-identified CR image: shifted dates, new UIDs, a nested sequence and a private block."""
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = "1.2.840.10008.5.1.4.1.1.1"
    meta.MediaStorageSOPInstanceUID = generate_uid(entropy_srcs=[dicom_id])
    meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds = Dataset()
    ds.file_meta = meta
    ds.SOPClassUID = meta.MediaStorageSOPClassUID
    ds.SOPInstanceUID = meta.MediaStorageSOPInstanceUID
    ds.StudyInstanceUID = generate_uid(entropy_srcs=[study_id])
    ds.SeriesInstanceUID = generate_uid(entropy_srcs=[study_id, "series"])
    ds.PatientName = subject_id
    ds.PatientID = subject_id
    ds.StudyID = study_id
    ds.AccessionNumber = ""
    ds.StudyDate = "21520604"
    ds.SeriesDate = "21520604"
    ds.ContentDate = "21520604"
    ds.Modality = "CR"
    ds.ViewPosition = "PA"
    ds.PatientIdentityRemoved = "YES"
    item = Dataset()
    item.RequestedProcedureDescription = "CHEST PA AND LATERAL"
    item.ScheduledProcedureStepID = "1"
    ds.RequestAttributesSequence = Sequence([item])
    block = ds.private_block(0x0019, "ACME CR 1.0", create=True)
    block.add_new(0x10, "LO", "EXPOSURE INDEX 312")
    rows, cols = 320, 320
    ds.Rows, ds.Columns = rows, cols
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = "MONOCHROME2"
    ds.BitsAllocated, ds.BitsStored, ds.HighBit, ds.PixelRepresentation = 8, 8, 7, 0
    yy, xx = np.mgrid[0:rows, 0:cols]
    chest = (90 + 80 * np.exp(-(((xx - 160) / 70.0) ** 2 + ((yy - 170) / 90.0) ** 2))).astype(np.uint8)
    ds.PixelData = chest.tobytes()
    return ds


def write_dataset(ds: Dataset, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    ds.save_as(path, enforce_file_format=True)


def _csv_gz(rows: list[list[str]], header: list[str]) -> bytes:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return gzip.compress(buffer.getvalue().encode(), mtime=0)


def reports_archive(files: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with tarfile.open(fileobj=buffer, mode="w", format=tarfile.PAX_FORMAT) as archive:
        for name in sorted(files):
            info = tarfile.TarInfo(name)
            info.size = len(files[name])
            info.mtime = 0
            archive.addfile(info, io.BytesIO(files[name]))
    return gzip.compress(buffer.getvalue(), mtime=0)


def finish_release(release: Path) -> None:
    """Rewrite the lists, the reports archive and SHA256SUMS.txt from the files under files/."""
    records, studies, reports = [], [], {}
    for path in sorted(release.glob("files/p*/p*/s*/*.dcm")):
        rel = path.relative_to(release).as_posix()
        records.append([path.parent.parent.name[1:], path.parent.name[1:], path.stem, rel])
    for path in sorted(release.glob("files/p*/p*/s*.txt")):
        rel = path.relative_to(release).as_posix()
        studies.append([path.parent.name[1:], path.stem[1:], rel])
        reports[rel] = path.read_bytes()
    (release / "cxr-record-list.csv.gz").write_bytes(
        _csv_gz(records, ["subject_id", "study_id", "dicom_id", "path"]))
    (release / "cxr-study-list.csv.gz").write_bytes(_csv_gz(studies, ["subject_id", "study_id", "path"]))
    (release / "mimic-cxr-reports.tar.gz").write_bytes(reports_archive(reports))
    sums = []
    for path in sorted(release.rglob("*")):
        if path.is_file() and path.name not in ("SHA256SUMS.txt", "README.md"):
            sums.append(f"{hashlib.sha256(path.read_bytes()).hexdigest()}  {path.relative_to(release).as_posix()}")
    (release / "SHA256SUMS.txt").write_text("\n".join(sums) + "\n")


def make_release(root: Path) -> tuple[Path, str, Path]:
    """(release dir, EHR URL, crosswalk CSV) of a clean two-patient release."""
    root.mkdir(parents=True, exist_ok=True)
    ehr_url = make_ehr(root / "ehr.sqlite")
    release = root / "release"
    for subject_id, study_id, dicom_id, _mrn, _accession in RELEASED:
        study_dir = release / "files" / f"p{subject_id[:2]}" / f"p{subject_id}"
        write_dataset(make_image(subject_id, study_id, dicom_id), study_dir / f"s{study_id}" / f"{dicom_id}.dcm")
        (study_dir / f"s{study_id}.txt").write_text(REPORTS[study_id])
    (release / "README.md").write_text("# A de-identified chest radiograph dataset\n\nCounts: 2 subjects.\n")
    finish_release(release)
    crosswalk = root / "crosswalk.csv"
    with crosswalk.open("w", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["mrn", "subject_id", "study_id", "accession_number"])
        for subject_id, study_id, _dicom_id, mrn, accession in RELEASED:
            writer.writerow([mrn, subject_id, study_id, accession])
    return release, ehr_url, crosswalk


SHARDS = [f"p{n}" for n in range(10, 20)]
BURNED_BOX = (8, 6, 150, 30)  # where the original's name is burned in and the release is black


def burn_name(ds: Dataset, text: str, size: int = 18, mirrored: bool = False, at: tuple[int, int] | None = None) -> None:
    """Draw ``text`` into the pixels (white, top left unless ``at``), as a modality would;
    ``mirrored`` draws it flipped left to right (text no OCR reads)."""
    from PIL import Image, ImageDraw, ImageFont

    pixels = ds.pixel_array.copy()
    font_path = next((p for p in ("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
                                  "/usr/share/fonts/truetype/liberation/LiberationSans-Bold.ttf")
                      if Path(p).exists()), None)
    font = ImageFont.truetype(font_path, size) if font_path else ImageFont.load_default(size=size)
    ink = Image.new("L", (pixels.shape[1], pixels.shape[0]), 0)
    x, y = at or (BURNED_BOX[0] + 2, BURNED_BOX[1] + 2)
    ImageDraw.Draw(ink).text((x, y), text, fill=255, font=font)
    drawn = np.asarray(ink)
    if mirrored:
        box = Image.fromarray(drawn).getbbox()
        if box:
            x0, y0, x1, y1 = box
            drawn = drawn.copy()
            drawn[y0:y1, x0:x1] = drawn[y0:y1, x0:x1][:, ::-1]
    pixels[drawn > 127] = 255
    ds.PixelData = np.asarray(pixels, dtype=np.uint8).tobytes()


def make_build(root: Path) -> dict[str, Path | str]:
    """A clean release plus the work files the audit stages read (as the workflow writes them).

    The first image had the patient's name burned in: its original lies in
    ``pacs/`` and its released copy has the box blacked out, as the batch
    records say. One cohort study has no image (withheld), one PACS file is a
    duplicate, one is outside the cohort, one is unreadable.
    """
    import json

    import pandas as pd

    release, ehr_url, _crosswalk = make_release(root)
    (release / "README.md").unlink()
    work = root / "work"
    pacs = root / "pacs"
    pacs.mkdir(parents=True)
    ids_dir = work / "ids"
    ids_dir.mkdir(parents=True)
    images, image_records = [], {s: [] for s in SHARDS}
    for number, (subject_id, study_id, dicom_id, mrn, _accession) in enumerate(RELEASED):
        output = f"files/p{subject_id[:2]}/p{subject_id}/s{study_id}/{dicom_id}.dcm"
        original = make_image(subject_id, study_id, dicom_id)
        original.Manufacturer = ["Acme Imaging", "Borealis Medical"][number]
        original.ManufacturerModelName = ["CR-100", "DX-9"][number]
        boxes = []
        if number == 0:
            burn_name(original, f"{PATIENTS[0][1].upper()}")
            released = pydicom_read(release / output)
            pixels = released.pixel_array.copy()
            x0, y0, x1, y1 = BURNED_BOX
            pixels[y0:y1, x0:x1] = 0
            released.PixelData = pixels.tobytes()
            write_dataset(released, release / output)
            boxes = [list(BURNED_BOX)]
        write_dataset(original, pacs / f"IMG{number:04d}.dcm")
        images.append({"path": f"IMG{number:04d}.dcm", "sop_instance_uid": f"1.2.3.{number}", "mrn": mrn,
                       "subject_id": subject_id, "study_id": study_id, "dicom_id": dicom_id,
                       "status": "planned", "reason": "", "output": output})
        image_records[f"p{subject_id[:2]}"].append({
            "output": output, "subject_id": subject_id, "study_id": study_id, "dicom_id": dicom_id,
            "source": str(pacs / f"IMG{number:04d}.dcm"), "status": "ok", "reason": "", "boxes": boxes})
    images.append({"path": "IMG0000_copy.dcm", "sop_instance_uid": "1.2.3.0", "mrn": RELEASED[0][3],
                   "subject_id": RELEASED[0][0], "study_id": RELEASED[0][1], "dicom_id": None,
                   "status": "quarantined", "reason": "duplicate SOPInstanceUID of IMG0000.dcm", "output": None})
    finish_release(release)
    studies = [{"accession_number": acc, "mrn": mrn, "study_id": study, "subject_id": subject, "n_images": 1,
                "status": "planned", "reason": ""} for subject, study, _d, mrn, acc in RELEASED]
    studies.append({"accession_number": "A20190003", "mrn": RELEASED[1][3], "study_id": "50000003",
                    "subject_id": RELEASED[1][0], "n_images": 0, "status": "quarantined",
                    "reason": "no image in the PACS"})
    pd.DataFrame(studies).to_parquet(ids_dir / "studies.parquet", index=False)
    pd.DataFrame(images).to_parquet(ids_dir / "images.parquet", index=False)
    pd.DataFrame([{"mrn": m, "subject_id": s} for s, _st, _d, m, _a in RELEASED]).to_parquet(
        ids_dir / "subjects.parquet", index=False)
    pacs_files = [{"path": "IMG0000.dcm", "status": "cohort", "reason": ""},
                  {"path": "IMG0001.dcm", "status": "cohort", "reason": ""},
                  {"path": "IMG0000_copy.dcm", "status": "duplicate", "reason": "duplicate SOPInstanceUID"},
                  {"path": "other.dcm", "status": "outside_cohort", "reason": "no cohort study"},
                  {"path": "README.TXT", "status": "unreadable", "reason": "not DICOM: no preamble"}]
    pd.DataFrame(pacs_files).to_parquet(ids_dir / "pacs_files.parquet", index=False)
    for shard in SHARDS:
        folder = work / "batches" / "images" / f"{shard}_0"
        folder.mkdir(parents=True)
        (folder / "records.jsonl").write_text("".join(json.dumps(r) + "\n" for r in image_records[shard]))
        folder = work / "batches" / "reports" / f"{shard}_0"
        folder.mkdir(parents=True)
        reports = [{"output": f"files/{shard}/p{s}/s{st}.txt", "subject_id": s, "study_id": st, "status": "ok",
                    "reason": "", "n_phi": 3, "phi_labels": {"NAME": 1, "DATE": 1, "AGE": 1}}
                   for s, st, _d, _m, _a in RELEASED if s.startswith(shard[1:])]
        (folder / "records.jsonl").write_text("".join(json.dumps(r) + "\n" for r in reports))
    return {"release": release, "work": work, "pacs": pacs, "ehr_url": ehr_url, "ehr": root / "ehr.sqlite"}


def pydicom_read(path: Path) -> Dataset:
    import pydicom

    return pydicom.dcmread(path)


def release_from_hospital(hospital: Path, root: Path, patients: int = 2) -> tuple[Path, str, Path, dict]:
    """A release of the first ``patients`` cohort patients of a demo hospital, through the real de-id.

    Images go through ``cxrbuild.dicom.images.process_file`` (header + pixels +
    second pass) and reports through ``cxrbuild.text.deid.ReportDeidentifier``
    (rules and the EHR deny list), with a day shift that moves 2011-2016 into the
    2100s. Returns (release, EHR URL, crosswalk CSV, {mrn: (family, given)}).
    """
    import json
    import sqlite3

    from cxrbuild.batches.images import image_settings
    from cxrbuild.cohort import patient_deny_list
    from cxrbuild.dicom.header import ImageContext
    from cxrbuild.dicom.images import process_file
    from cxrbuild.keys import format_dicom_id, keyed_hex, keyed_int
    from cxrbuild.text.deid import ReportDeidentifier

    key = b"audit-test-key-0123456789abcdef"
    images = [json.loads(line) for line in (hospital / "truth" / "images.jsonl").read_text().splitlines()]
    reports = {json.loads(line)["accession_number"]: json.loads(line)
               for line in (hospital / "truth" / "reports.jsonl").read_text().splitlines()}
    cohort = [r for r in images if r["category"] == "image" and r["in_cohort"] and r["expected"] == "ok"]
    chosen = sorted({r["mrn"] for r in cohort})[:patients]
    connection = sqlite3.connect(hospital / "ehr.sqlite")
    connection.row_factory = sqlite3.Row
    people = {row["mrn"]: dict(row) for row in connection.execute("SELECT * FROM patients")}
    connection.close()
    release = root / "release"
    settings = image_settings({})
    deidentifier = ReportDeidentifier()
    shift = 7 * 4700  # whole weeks, about 90 years: 2011-2016 land in the 2100s
    rows = []
    for mrn in chosen:
        subject_id = str(keyed_int(key, 10_000_000, 19_999_999, "subject", mrn))
        mine = [r for r in cohort if r["mrn"] == mrn]
        deny = patient_deny_list(people[mrn], sorted({r["accession_number"] for r in mine}))
        for record in mine:
            study_id = str(keyed_int(key, 50_000_000, 59_999_999, "study", record["accession_number"]))
            dicom_id = format_dicom_id(keyed_hex(key, 40, "dicom", record["sop_instance_uid"]))
            study_dir = release / "files" / f"p{subject_id[:2]}" / f"p{subject_id}"
            context = ImageContext(subject_id=subject_id, study_id=study_id, dicom_id=dicom_id, day_shift=shift,
                                   uid_key=key, deny=tuple(deny))
            result = process_file(hospital / "pacs" / record["path"], study_dir / f"s{study_id}" / f"{dicom_id}.dcm",
                                  context, settings)
            report = reports.get(record["accession_number"])
            if result.status == "ok" and report is not None and not (study_dir / f"s{study_id}.txt").exists():
                cleaned = deidentifier.deidentify(report["text"], deny=deny, day_shift=shift)
                (study_dir / f"s{study_id}.txt").write_text(cleaned.text, encoding="utf-8")
        rows.append((mrn, subject_id))
    # a study is released with its report only (as packaging does)
    for image in release.glob("files/p*/p*/s*/*.dcm"):
        if not image.parent.with_suffix(".txt").exists():
            image.unlink()
    finish_release(release)
    crosswalk = root / "crosswalk.csv"
    crosswalk.write_text("mrn,subject_id\n" + "".join(f"{m},{s}\n" for m, s in rows))
    names = {m: (people[m]["family_name"], people[m]["given_name"]) for m in chosen}
    return release, f"sqlite:///{hospital / 'ehr.sqlite'}", crosswalk, names


def put_anatomy(ds: Dataset, seed: int) -> None:
    """Replace the pixels with a chest-like radiograph (``cxrbuild.synth.anatomy``: ribs, lung
    texture, now and then a tube, pacemaker or electrodes), 8-bit MONOCHROME2 at the same size."""
    from cxrbuild.synth.anatomy import chest_image

    image = chest_image(np.random.default_rng(seed), int(ds.Rows), int(ds.Columns), "PA")
    ds.PixelData = np.rint(image * 255).astype(np.uint8).tobytes()
