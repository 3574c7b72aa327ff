"""DICOM files of the demo PACS: headers with PHI where real PHI hides, pixels, odd objects.

Headers follow the CR (PS3.3 A.2) and DX (PS3.3 A.26) Image IODs closely
enough for real readers, and put PHI in every place the PS3.15 Annex E Basic
Profile has to clean: patient and physician names, IDs (also in
OtherPatientIDsSequence), dates and times of study/series/acquisition/
content, addresses and phone numbers, institution and department, free-text
comments, the Request Attributes Sequence, a private block (PS3.5 7.8.1)
and an overlay plane (PS3.3 C.9.2). UIDs sit under the hospital's root and
embed the MRN and accession number, as some archives do.

Pixel data is written in four transfer syntaxes (PS3.5 A.4): Explicit and
Implicit VR Little Endian, RLE Lossless (PS3.5 G) and JPEG 2000 lossless
(PS3.5 A.4.4), the last two encoded by pydicom with pylibjpeg plugins.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from dataclasses import dataclass, field

import numpy as np
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.pixels import pack_bits
from pydicom.sequence import Sequence
from pydicom.uid import (
    ExplicitVRLittleEndian,
    ImplicitVRLittleEndian,
    JPEG2000Lossless,
    RLELossless,
)

from cxrbuild.synth import anatomy, burnin
from cxrbuild.synth.ehr import HOSPITAL_UID_ROOT

TRANSFER_SYNTAXES = (ExplicitVRLittleEndian, ImplicitVRLittleEndian, RLELossless, JPEG2000Lossless)
CR_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.1"
DX_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.1.1"  # For Presentation
BASIC_TEXT_SR_STORAGE = "1.2.840.10008.5.1.4.1.1.88.11"
GSPS_STORAGE = "1.2.840.10008.5.1.4.1.1.11.1"
IMPLEMENTATION_CLASS_UID = f"{HOSPITAL_UID_ROOT}.0.1"
PRIVATE_CREATOR = "HOSPRIS PACS EXPORT 2.4"
PRIVATE_GROUP = 0x0019

SMALL_ROWS = (480, 560)
FULL_ROWS = (2000, 3000)
HEADERS_ONLY_SIZE = 16


@dataclass
class ImageSpec:
    """Everything one worker needs to write one DICOM file (picklable, no shared state)."""

    path: str
    category: str  # image | non_image | truncated | no_pixels
    expected: str
    seed: int
    mrn: str
    patient_name: str
    other_patient_names: str | None
    birth_date: dt.date
    sex: str
    age: int
    address: str
    phone: str
    ssn: str
    old_mrn: str
    family: str
    given: str
    accession_number: str
    header_accession: bool
    study_instance_uid: str
    series_instance_uid: str
    sop_instance_uid: str
    series_number: int
    instance_number: int
    study_time: dt.datetime
    acquisition_time: dt.datetime
    study_description: str
    body_part: str
    modality: str
    view: str
    referring: str
    referring_phone: str
    radiologist: str
    technologist: str
    institution: str
    institution_address: str
    ward: str
    station: str
    transfer_syntax: str
    photometric: str
    bits_stored: int
    rows: int
    columns: int
    headers_only: bool
    in_cohort: bool
    portable: bool
    sop_class: str = CR_IMAGE_STORAGE
    truncate_at: float = 0.0
    header_phi: list[dict] = field(default_factory=list)


def _da(value: dt.date) -> str:
    return value.strftime("%Y%m%d")


def _tm(value: dt.datetime) -> str:
    return value.strftime("%H%M%S")


class HeaderWriter:
    """Sets elements and remembers each PHI value with its tag path."""

    def __init__(self, header_phi: list[dict]) -> None:
        self.header_phi = header_phi

    def put(self, ds: Dataset, keyword: str, value: object, kind: str | None = None, path: str = "") -> None:
        setattr(ds, keyword, value)
        if kind is not None and value not in (None, ""):
            tag = ds.data_element(keyword).tag
            self.header_phi.append(
                {"tag": f"{path}{tag:08X}", "keyword": keyword, "value": str(ds[tag].value), "kind": kind}
            )

    def put_private(self, block, offset: int, vr: str, value: object, kind: str | None, path: str = "") -> None:
        block.add_new(offset, vr, value)
        if kind is not None:
            tag = block.get_tag(offset)
            self.header_phi.append({"tag": f"{path}{tag:08X}", "keyword": "", "value": str(value), "kind": kind})


def build_header(spec: ImageSpec) -> Dataset:
    """The dataset of one image (or non-image object), without pixel data."""
    w = HeaderWriter(spec.header_phi)
    ds = Dataset()
    ds.file_meta = FileMetaDataset()
    ds.file_meta.MediaStorageSOPClassUID = spec.sop_class
    ds.file_meta.MediaStorageSOPInstanceUID = spec.sop_instance_uid
    ds.file_meta.TransferSyntaxUID = spec.transfer_syntax
    ds.file_meta.ImplementationClassUID = IMPLEMENTATION_CLASS_UID
    ds.file_meta.ImplementationVersionName = "HOSPRIS_24"
    ds.SpecificCharacterSet = "ISO_IR 100"
    ds.ImageType = ["ORIGINAL", "PRIMARY"]
    study_day = spec.study_time.date()
    acq = spec.acquisition_time
    w.put(ds, "InstanceCreationDate", _da(acq.date()), "study_date")
    w.put(ds, "InstanceCreationTime", _tm(acq + dt.timedelta(seconds=40)), "time")
    ds.SOPClassUID = spec.sop_class
    w.put(ds, "SOPInstanceUID", spec.sop_instance_uid, "uid")
    w.put(ds, "StudyDate", _da(study_day), "study_date")
    w.put(ds, "SeriesDate", _da(acq.date()), "study_date")
    w.put(ds, "AcquisitionDate", _da(acq.date()), "study_date")
    w.put(ds, "ContentDate", _da(acq.date()), "study_date")
    w.put(ds, "StudyTime", _tm(spec.study_time), "study_time")
    w.put(ds, "SeriesTime", _tm(acq), "time")
    w.put(ds, "AcquisitionTime", _tm(acq), "time")
    w.put(ds, "ContentTime", _tm(acq + dt.timedelta(seconds=30)), "time")
    w.put(ds, "AccessionNumber", spec.accession_number if spec.header_accession else "", "accession_number")
    ds.Modality = spec.modality
    ds.Manufacturer = "SYNTHETIX MEDICAL"
    w.put(ds, "InstitutionName", spec.institution, "institution")
    w.put(ds, "InstitutionAddress", spec.institution_address, "institution_address")
    w.put(ds, "ReferringPhysicianName", spec.referring, "provider_name")
    w.put(ds, "ReferringPhysicianTelephoneNumbers", spec.referring_phone, "phone")
    w.put(ds, "StationName", spec.station, "station")
    ds.StudyDescription = spec.study_description
    ds.SeriesDescription = f"{spec.body_part} {spec.view}"
    w.put(ds, "InstitutionalDepartmentName", spec.ward, "ward")
    w.put(ds, "PerformingPhysicianName", spec.radiologist, "provider_name")
    w.put(ds, "NameOfPhysiciansReadingStudy", spec.radiologist, "provider_name")
    w.put(ds, "OperatorsName", spec.technologist, "provider_name")
    ds.ManufacturerModelName = "SX-DR 5000" if spec.modality == "DX" else "SX-CR 300"
    w.put(ds, "PatientName", spec.patient_name, "full_name")
    w.put(ds, "PatientID", spec.mrn, "mrn")
    ds.IssuerOfPatientID = "HOSP-MRN"
    w.put(ds, "PatientBirthDate", _da(spec.birth_date), "birth_date")
    ds.PatientSex = spec.sex if spec.sex in ("M", "F", "O") else ""
    other_ids = []
    for n, (value, issuer, kind) in enumerate(((spec.old_mrn, "LEGACY-RIS", "mrn"), (spec.ssn, "SSA", "ssn"))):
        item = Dataset()
        w.put(item, "PatientID", value, kind, path=f"00101002[{n}].")
        item.IssuerOfPatientID = issuer
        item.TypeOfPatientID = "TEXT"
        other_ids.append(item)
    ds.OtherPatientIDsSequence = Sequence(other_ids)
    if spec.other_patient_names:
        w.put(ds, "OtherPatientNames", spec.other_patient_names, "full_name")
    age = f"{spec.age:03d}Y"
    if spec.age > 89:
        w.put(ds, "PatientAge", age, "age_over_89")
    else:
        ds.PatientAge = age
    w.put(ds, "PatientAddress", spec.address, "street")
    w.put(ds, "PatientTelephoneNumbers", spec.phone, "phone")
    referring_family = spec.referring.split("^")[0].title()
    w.put(ds, "AdditionalPatientHistory", f"Sent from ED by Dr. {referring_family}", "provider_name")
    w.put(ds, "PatientComments", f"Pt {spec.given} {spec.family}, contact {spec.phone}", "full_name")
    ds.BodyPartExamined = spec.body_part
    ds.ViewPosition = "LL" if spec.view == "LAT" else spec.view
    w.put(ds, "StudyInstanceUID", spec.study_instance_uid, "uid")
    w.put(ds, "SeriesInstanceUID", spec.series_instance_uid, "uid")
    w.put(ds, "StudyID", spec.accession_number[-6:], "accession_number")
    ds.SeriesNumber = spec.series_number
    ds.InstanceNumber = spec.instance_number
    ds.PatientOrientation = ["P", "F"] if spec.view == "LAT" else ["L", "F"]
    w.put(
        ds,
        "ImageComments",
        f"{'PORTABLE ' if spec.portable else ''}{spec.view} - tech {spec.technologist.split('^')[0].title()}; pt {spec.family.upper()}",
        "full_name",
    )
    w.put(ds, "StudyComments", f"Ordered by Dr. {referring_family}, call {spec.referring_phone}", "provider_name")
    request = Dataset()
    w.put(request, "AccessionNumber", spec.accession_number, "accession_number", path="00400275[0].")
    w.put(request, "RequestedProcedureID", spec.accession_number, "accession_number", path="00400275[0].")
    w.put(request, "ScheduledProcedureStepID", f"SPS{spec.accession_number}", "accession_number", path="00400275[0].")
    request.RequestedProcedureDescription = spec.study_description
    w.put(
        request,
        "ReasonForTheRequestedProcedure",
        f"r/o pna per {spec.referring.split('^')[0].title()}",
        "provider_name",
        path="00400275[0].",
    )
    ds.RequestAttributesSequence = Sequence([request])
    w.put(ds, "PerformedProcedureStepStartDate", _da(acq.date()), "study_date")
    w.put(ds, "PerformedProcedureStepStartTime", _tm(acq), "time")
    w.put(ds, "PerformedProcedureStepID", f"PPS{spec.accession_number}", "accession_number")
    ds.PerformedProcedureStepDescription = spec.study_description
    block = ds.private_block(PRIVATE_GROUP, PRIVATE_CREATOR, create=True)
    w.put_private(block, 0x10, "LO", spec.patient_name.replace("^", " "), "full_name")
    w.put_private(block, 0x11, "LO", spec.mrn, "mrn")
    w.put_private(block, 0x12, "LT", f"Exported for {spec.radiologist.split('^')[0].title()} on {_da(study_day)}", "provider_name")
    nested = Dataset()
    w.put(nested, "PatientName", spec.patient_name, "full_name", path=f"{block.get_tag(0x13):08X}[0].")
    w.put(nested, "AccessionNumber", spec.accession_number, "accession_number", path=f"{block.get_tag(0x13):08X}[0].")
    block.add_new(0x13, "SQ", Sequence([nested]))
    block.add_new(0x20, "US", 3)  # a non-PHI private value, as vendors store them
    return ds


def add_overlay(ds: Dataset, spec: ImageSpec, rng: np.random.Generator) -> None:
    """An overlay plane (group 6000, PS3.3 C.9.2) with a drawn mark and a name in its description."""
    rows, columns = spec.rows, spec.columns
    plane = np.zeros((rows, columns), dtype=np.uint8)
    y = int(rng.integers(rows // 4, rows // 2))
    x = int(rng.integers(columns // 4, columns // 2))
    plane[y : y + max(2, rows // 20), x : x + max(2, columns // 20)] = 1
    ds.add_new(0x60000010, "US", rows)
    ds.add_new(0x60000011, "US", columns)
    ds.add_new(0x60000040, "CS", "G")
    ds.add_new(0x60000050, "SS", [1, 1])
    ds.add_new(0x60000100, "US", 1)
    ds.add_new(0x60000102, "US", 0)
    description = f"Marked by {spec.technologist.split('^')[0].title()}"
    ds.add_new(0x60000022, "LO", description)
    spec.header_phi.append({"tag": "60000022", "keyword": "OverlayDescription", "value": description, "kind": "provider_name"})
    ds.add_new(0x60003000, "OW", pack_bits(plane.ravel()))


def _pixel_levels(spec: ImageSpec, rng: np.random.Generator) -> tuple[np.ndarray, list[burnin.Burned]]:
    """Display levels (MONOCHROME2 sense) of the image and the text burned into them."""
    max_value = (1 << spec.bits_stored) - 1
    if spec.headers_only:
        levels = rng.integers(0, max_value + 1, size=(spec.rows, spec.columns), dtype=np.uint16)
        return levels, []
    picture = anatomy.chest_image(rng, spec.rows, spec.columns, spec.view)
    levels = anatomy.to_display_levels(picture, spec.bits_stored, rng)
    return levels, burn_text(levels, max_value, spec, rng)


def _name_forms(spec: ImageSpec) -> list[str]:
    family, given = spec.family.upper(), spec.given.upper()
    return [f"{family}^{given}", f"{family}, {given}", f"{spec.given} {spec.family}", f"{family} {given}", f"{given[0]}. {family}"]


def _date_forms(day: dt.date) -> list[str]:
    return [day.strftime("%m/%d/%Y"), day.strftime("%d.%m.%Y"), day.isoformat(), day.strftime("%d-%b-%Y").upper(), day.strftime("%Y%m%d")]


def burn_text(levels: np.ndarray, max_value: int, spec: ImageSpec, rng: np.random.Generator) -> list[burnin.Burned]:
    """Burn PHI lines into one or two corners and the markers a radiograph carries."""
    fonts = burnin.available_fonts()
    rows = spec.rows
    scale = rows * (rng.uniform(0.024, 0.034) if rows < 1000 else rng.uniform(0.014, 0.024))
    size = max(10, int(scale))
    name = str(rng.choice(_name_forms(spec)))
    dob = str(rng.choice(_date_forms(spec.birth_date)))
    study_date = str(rng.choice(_date_forms(spec.study_time.date())))
    study_clock = spec.study_time.strftime(str(rng.choice(("%H:%M", "%H:%M:%S", "%I:%M %p"))))
    mrn_prefix = str(rng.choice(("MRN: ", "ID: ", "MRN ", "")))
    items = [
        burnin.TextItem(name, True, "full_name", [("full_name", name)]),
        burnin.TextItem(f"{mrn_prefix}{spec.mrn}", True, "mrn", [("mrn", spec.mrn)]),
        burnin.TextItem(f"{rng.choice(('DOB: ', 'DOB ', 'Born '))}{dob}", True, "birth_date", [("birth_date", dob)]),
        burnin.TextItem(f"{study_date} {study_clock}", True, "study_date", [("study_date", study_date), ("study_time", study_clock)]),
    ]
    if rng.random() < 0.6:
        items.append(burnin.TextItem(f"ACC {spec.accession_number}", True, "accession_number", [("accession_number", spec.accession_number)]))
    if rng.random() < 0.5:
        items.append(burnin.TextItem(spec.institution.upper(), True, "institution", [("institution", spec.institution.upper())]))
    if rng.random() < 0.3:
        items.append(burnin.TextItem(f"Tech: {spec.technologist.split('^')[0].title()}", True, "provider_name", [("provider_name", spec.technologist.split("^")[0].title())]))
    order = rng.permutation(len(items))
    items = [items[i] for i in order]
    corners = [str(c) for c in rng.permutation(["tl", "tr", "bl", "br"])]
    occupied: list[tuple[int, int, int, int]] = []
    burned: list[burnin.Burned] = []
    split = len(items) if rng.random() < 0.5 else int(rng.integers(2, len(items)))
    blocks = [items[:split], items[split:]] if split < len(items) else [items]
    for block, corner in zip(blocks, corners, strict=False):
        font = str(rng.choice(fonts))
        block_size = size
        for _ in range(4):  # shrink a block that does not fit
            got = burnin.burn_block(levels, max_value, rng, block, corner, block_size, font, occupied, rng.random() < 0.3)
            if got:
                burned.extend(got)
                break
            block_size = max(8, int(block_size * 0.8))
    # markers to keep: laterality letter, position words
    side = "L" if spec.view in ("PA", "LAT") else str(rng.choice(["L", "R"]))
    marker_font = str(rng.choice(fonts))
    x_frac = float(rng.uniform(0.75, 0.88)) if side == "L" else float(rng.uniform(0.12, 0.25))
    burned += burnin.burn_marker(
        levels, max_value, burnin.TextItem(side, False, "marker"), x_frac, float(rng.uniform(0.12, 0.2)),
        int(size * rng.uniform(1.6, 2.6)), marker_font, occupied, float(rng.uniform(0.85, 1.0)),
    )
    words = [spec.view if spec.view != "LAT" else "LAT"]
    if spec.portable:
        words = ["PORTABLE", "AP"]
    words.append(str(rng.choice(["UPRIGHT", "SUPINE", "SEMI-UPRIGHT", "ERECT"])))
    marker_items = [burnin.TextItem(word, False, "marker") for word in words]
    for corner in corners[len(blocks) :]:
        got = burnin.burn_block(levels, max_value, rng, marker_items, corner, size, str(rng.choice(fonts)), occupied, False)
        if got:
            burned.extend(got)
            break
    return burned


def encode_pixels(ds: Dataset, stored: np.ndarray, spec: ImageSpec) -> None:
    """Set the Image Pixel module (PS3.3 C.7.6.3) and encode in the spec's transfer syntax."""
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = spec.photometric
    ds.Rows, ds.Columns = stored.shape
    ds.BitsAllocated = 16
    ds.BitsStored = spec.bits_stored
    ds.HighBit = spec.bits_stored - 1
    ds.PixelRepresentation = 0
    max_value = (1 << spec.bits_stored) - 1
    ds.WindowCenter = max_value // 2
    ds.WindowWidth = max_value
    if spec.modality == "DX":
        ds.PresentationLUTShape = "INVERSE" if spec.photometric == "MONOCHROME1" else "IDENTITY"
    ds.PixelData = stored.astype("<u2").tobytes()
    if spec.transfer_syntax in (RLELossless, JPEG2000Lossless):
        ds.compress(spec.transfer_syntax, stored, encoding_plugin="pylibjpeg", generate_instance_uid=False)


def image_rng(seed: int, sop_instance_uid: str) -> np.random.Generator:
    """A generator of its own for each file: output does not depend on worker order."""
    digest = hashlib.sha256(f"cxrbuild-synth/{seed}/{sop_instance_uid}".encode()).digest()
    return np.random.default_rng(int.from_bytes(digest[:16], "big"))


def dataset_bytes(ds: Dataset) -> bytes:
    buffer = io.BytesIO()
    ds.save_as(buffer, enforce_file_format=True)
    return buffer.getvalue()


def render_image(spec: ImageSpec) -> tuple[bytes, dict]:
    """The bytes of one image file and its truth record."""
    rng = image_rng(spec.seed, spec.sop_instance_uid)
    ds = build_header(spec)
    levels, burned = _pixel_levels(spec, rng)
    max_value = (1 << spec.bits_stored) - 1
    # MONOCHROME1 stores the inverse of what is displayed (PS3.3 C.7.6.3.1.2)
    stored = (max_value - levels).astype(np.uint16) if spec.photometric == "MONOCHROME1" else levels
    ds.BurnedInAnnotation = "YES" if burned else "NO"
    add_overlay(ds, spec, rng)
    if spec.category != "no_pixels":
        encode_pixels(ds, stored, spec)
    else:
        ds.SamplesPerPixel = 1
        ds.PhotometricInterpretation = spec.photometric
        ds.Rows, ds.Columns = stored.shape
        ds.BitsAllocated = 16
        ds.BitsStored = spec.bits_stored
        ds.HighBit = spec.bits_stored - 1
        ds.PixelRepresentation = 0
    data = dataset_bytes(ds)
    if spec.category == "truncated":
        data = data[: int(len(data) * spec.truncate_at)]
    record = truth_record(spec, burned)
    if spec.category == "image":
        record["pixel_sha256"] = hashlib.sha256(np.ascontiguousarray(stored).tobytes()).hexdigest()
    return data, record


def truth_record(spec: ImageSpec, burned: list[burnin.Burned]) -> dict:
    return {
        "path": spec.path,
        "category": spec.category,
        "expected": spec.expected,
        "mrn": spec.mrn,
        "accession_number": spec.accession_number,
        "accession_in_header": spec.header_accession,
        "study_instance_uid": spec.study_instance_uid,
        "series_instance_uid": spec.series_instance_uid,
        "sop_instance_uid": spec.sop_instance_uid,
        "sop_class_uid": spec.sop_class,
        "in_cohort": spec.in_cohort,
        "modality": spec.modality,
        "transfer_syntax": spec.transfer_syntax,
        "photometric": spec.photometric,
        "bits_stored": spec.bits_stored,
        "rows": spec.rows,
        "columns": spec.columns,
        "view": spec.view,
        "boxes": [b.truth() for b in burned],
        "header_phi": spec.header_phi,
    }


def render_non_image(spec: ImageSpec, report_text: str) -> tuple[bytes, dict]:
    """A Basic Text SR (PS3.3 A.35.1) or a presentation state: DICOM, but no image to release."""
    ds = build_header(spec)
    for keyword in ("ImageType", "ViewPosition", "PatientOrientation"):
        delattr(ds, keyword)
    if spec.sop_class == BASIC_TEXT_SR_STORAGE:
        ds.Modality = "SR"
        ds.ValueType = "CONTAINER"
        ds.CompletionFlag = "COMPLETE"
        ds.VerificationFlag = "UNVERIFIED"
        concept = Dataset()
        concept.CodeValue = "18748-4"
        concept.CodingSchemeDesignator = "LN"
        concept.CodeMeaning = "Diagnostic Imaging Report"
        ds.ConceptNameCodeSequence = Sequence([concept])
        ds.ContinuityOfContent = "SEPARATE"
        item = Dataset()
        item.RelationshipType = "CONTAINS"
        item.ValueType = "TEXT"
        item.TextValue = report_text
        ds.ContentSequence = Sequence([item])
        spec.header_phi.append({"tag": "0040A730[0].0040A160", "keyword": "TextValue", "value": report_text, "kind": "report"})
    else:
        ds.Modality = "PR"
        ds.ContentLabel = "ANNOTATION"
        ds.PresentationCreationDate = _da(spec.acquisition_time.date())
        ds.PresentationCreationTime = _tm(spec.acquisition_time)
        w = HeaderWriter(spec.header_phi)
        w.put(ds, "ContentCreatorName", spec.radiologist, "provider_name")
    return dataset_bytes(ds), truth_record(spec, [])
