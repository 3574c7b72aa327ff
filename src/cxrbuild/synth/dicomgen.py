"""DICOM files of the demo PACS: headers with PHI where real PHI hides, pixels, odd objects.

Headers follow the CR (PS3.3 A.2) and DX (PS3.3 A.26) Image IODs closely
enough for real readers, and put PHI in every place the PS3.15 Annex E Basic
Profile has to clean: patient and physician names, IDs (also in
OtherPatientIDsSequence), dates and times of study/series/acquisition/
content, addresses and phone numbers, institution and department, free-text
comments, the Request Attributes Sequence, a private block (PS3.5 7.8.1)
and an overlay plane (PS3.3 C.9.2). UIDs sit under the hospital's root and
embed the MRN and accession number, as some archives do.

Pixel data is written in six transfer syntaxes (PS3.5 A.4): Explicit and
Implicit VR Little Endian, RLE Lossless (PS3.5 G), JPEG Lossless
first-order prediction (A.4.1, the commonest lossless encoding of radiographs
in PACS exports), JPEG-LS lossless (A.4.3) and JPEG 2000 lossless (A.4.4).
pydicom encodes RLE, JPEG-LS (pyjpegls) and JPEG 2000 (pylibjpeg-openjpeg);
it cannot encode JPEG Lossless, which :mod:`cxrbuild.synth.jpeg_lossless` writes.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field

import numpy as np
from pydicom.datadict import tag_for_keyword
from pydicom.pixels import pack_bits
from pydicom.pixels.encoders import (
    JPEG2000LosslessEncoder,
    JPEGLSLosslessEncoder,
    RLELosslessEncoder,
)
from pydicom.uid import (
    ExplicitVRLittleEndian,
    ImplicitVRLittleEndian,
    JPEG2000Lossless,
    JPEGLosslessSV1,
    JPEGLSLossless,
    RLELossless,
)

from cxrbuild.synth import anatomy, burnin, jpeg_lossless
from cxrbuild.synth.ehr import HOSPITAL_UID_ROOT
from cxrbuild.synth.encoder import Elements, EncapsulatedPixels, part10_bytes

TRANSFER_SYNTAXES = (
    ExplicitVRLittleEndian,
    ImplicitVRLittleEndian,
    RLELossless,
    JPEGLosslessSV1,
    JPEGLSLossless,
    JPEG2000Lossless,
)
CR_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.1"
DX_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.1.1"  # For Presentation
BASIC_TEXT_SR_STORAGE = "1.2.840.10008.5.1.4.1.1.88.11"
GSPS_STORAGE = "1.2.840.10008.5.1.4.1.1.11.1"
IMPLEMENTATION_CLASS_UID = f"{HOSPITAL_UID_ROOT}.0.1"
IMPLEMENTATION_VERSION = "HOSPRIS_24"
# pydicom's encoders, with the plugin each uses
ENCODERS = {
    RLELossless: (RLELosslessEncoder, "pylibjpeg"),
    JPEGLSLossless: (JPEGLSLosslessEncoder, "pyjpegls"),
    JPEG2000Lossless: (JPEG2000LosslessEncoder, "pylibjpeg"),
}
PIXEL_DATA = 0x7FE00010
# encoded tiny pixel data of --headers-only files, per (syntax, photometric, bits, rows, columns)
_TINY_PIXELS: dict[tuple, tuple[str, object]] = {}
PRIVATE_CREATOR = "HOSPRIS PACS EXPORT 2.4"
PRIVATE_GROUP = 0x0019

SMALL_ROWS = (480, 560)
FULL_ROWS = (2000, 3000)
HEADERS_ONLY_SIZE = 32  # JPEG 2000 (5 decomposition levels) needs at least 32 pixels


@dataclass(slots=True)
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
    report_text: str = ""  # the text of a Basic Text SR
    referenced_image: tuple[str, str, str] | None = None  # series, SOP class, SOP instance a state applies to
    header_phi: list[dict] = field(default_factory=list)


def _da(value: dt.date) -> str:
    return value.strftime("%Y%m%d")


def _tm(value: dt.datetime) -> str:
    return value.strftime("%H%M%S")


def build_header(spec: ImageSpec) -> Elements:
    """The dataset of one image (or non-image object), without the Image Pixel module."""
    spec.header_phi = []  # rendering twice must not record the values twice

    def on_phi(tag: str, keyword: str, value: str, kind: str) -> None:
        spec.header_phi.append({"tag": tag, "keyword": keyword, "value": value, "kind": kind})

    ds = Elements(on_phi)
    ds.put("SpecificCharacterSet", "ISO_IR 100")
    ds.put("ImageType", ["ORIGINAL", "PRIMARY"])
    study_day = spec.study_time.date()
    acq = spec.acquisition_time
    ds.put("InstanceCreationDate", _da(acq.date()), "study_date")
    ds.put("InstanceCreationTime", _tm(acq + dt.timedelta(seconds=40)), "time")
    ds.put("SOPClassUID", spec.sop_class)
    ds.put("SOPInstanceUID", spec.sop_instance_uid, "uid")
    ds.put("StudyDate", _da(study_day), "study_date")
    ds.put("SeriesDate", _da(acq.date()), "study_date")
    ds.put("AcquisitionDate", _da(acq.date()), "study_date")
    ds.put("ContentDate", _da(acq.date()), "study_date")
    ds.put("StudyTime", _tm(spec.study_time), "study_time")
    ds.put("SeriesTime", _tm(acq), "time")
    ds.put("AcquisitionTime", _tm(acq), "time")
    ds.put("ContentTime", _tm(acq + dt.timedelta(seconds=30)), "time")
    ds.put("AccessionNumber", spec.accession_number if spec.header_accession else "", "accession_number")
    ds.put("Modality", spec.modality)
    ds.put("Manufacturer", "SYNTHETIX MEDICAL")
    ds.put("InstitutionName", spec.institution, "institution")
    ds.put("InstitutionAddress", spec.institution_address, "institution_address")
    ds.put("ReferringPhysicianName", spec.referring, "provider_name")
    ds.put("ReferringPhysicianTelephoneNumbers", spec.referring_phone, "provider_phone")
    ds.put("StationName", spec.station, "station")
    ds.put("StudyDescription", spec.study_description)
    ds.put("SeriesDescription", f"{spec.body_part} {spec.view}")
    ds.put("InstitutionalDepartmentName", spec.ward, "ward")
    ds.put("PerformingPhysicianName", spec.radiologist, "provider_name")
    ds.put("NameOfPhysiciansReadingStudy", spec.radiologist, "provider_name")
    ds.put("OperatorsName", spec.technologist, "provider_name")
    ds.put("ManufacturerModelName", "SX-DR 5000" if spec.modality == "DX" else "SX-CR 300")
    ds.put("PatientName", spec.patient_name, "full_name")
    ds.put("PatientID", spec.mrn, "mrn")
    ds.put("IssuerOfPatientID", "HOSP-MRN")
    ds.put("PatientBirthDate", _da(spec.birth_date), "birth_date")
    ds.put("PatientSex", spec.sex if spec.sex in ("M", "F", "O") else "")
    other_ids = []
    for n, (value, issuer, kind) in enumerate(((spec.old_mrn, "LEGACY-RIS", "mrn"), (spec.ssn, "SSA", "ssn"))):
        item = ds.item("OtherPatientIDsSequence", n)
        item.put("PatientID", value, kind)
        item.put("IssuerOfPatientID", issuer)
        item.put("TypeOfPatientID", "TEXT")
        other_ids.append(item)
    ds.put("OtherPatientIDsSequence", other_ids)
    if spec.other_patient_names:
        ds.put("OtherPatientNames", spec.other_patient_names, "full_name")
    ds.put("PatientAge", f"{spec.age:03d}Y", "age_over_89" if spec.age > 89 else None)
    ds.put("PatientAddress", spec.address, "street")
    ds.put("PatientTelephoneNumbers", spec.phone, "phone")
    referring_family = spec.referring.split("^")[0].title()
    ds.put("AdditionalPatientHistory", f"Sent from ED by Dr. {referring_family}", "provider_name")
    ds.put("PatientComments", f"Pt {spec.given} {spec.family}, contact {spec.phone}", "full_name")
    ds.put("BodyPartExamined", spec.body_part)
    ds.put("ViewPosition", "LL" if spec.view == "LAT" else spec.view)
    ds.put("StudyInstanceUID", spec.study_instance_uid, "uid")
    ds.put("SeriesInstanceUID", spec.series_instance_uid, "uid")
    ds.put("StudyID", spec.accession_number[-6:], "accession_number")
    ds.put("SeriesNumber", str(spec.series_number))
    ds.put("InstanceNumber", str(spec.instance_number))
    ds.put("PatientOrientation", ["P", "F"] if spec.view == "LAT" else ["L", "F"])
    tech_family = spec.technologist.split("^")[0].title()
    comment = f"{'PORTABLE ' if spec.portable else ''}{spec.view} - tech {tech_family}; pt {spec.family.upper()}"
    ds.put("ImageComments", comment, "full_name")
    ds.put("StudyComments", f"Ordered by Dr. {referring_family}, call {spec.referring_phone}", "provider_name")
    request = ds.item("RequestAttributesSequence", 0)
    request.put("AccessionNumber", spec.accession_number, "accession_number")
    request.put("RequestedProcedureID", spec.accession_number, "accession_number")
    request.put("ScheduledProcedureStepID", f"SPS{spec.accession_number}", "accession_number")
    request.put("RequestedProcedureDescription", spec.study_description)
    request.put("ReasonForTheRequestedProcedure", f"r/o pna per {referring_family}", "provider_name")
    ds.put("RequestAttributesSequence", [request])
    ds.put("PerformedProcedureStepStartDate", _da(acq.date()), "study_date")
    ds.put("PerformedProcedureStepStartTime", _tm(acq), "time")
    ds.put("PerformedProcedureStepID", f"PPS{spec.accession_number}", "accession_number")
    ds.put("PerformedProcedureStepDescription", spec.study_description)
    # private block 0x10 of group 0019 (PS3.5 7.8.1): creator at (0019,0010), data at (0019,10xx)
    base = (PRIVATE_GROUP << 16) | 0x1000
    ds.put_tag((PRIVATE_GROUP << 16) | 0x0010, "LO", PRIVATE_CREATOR)
    ds.put_tag(base | 0x10, "LO", spec.patient_name.replace("^", " "), "full_name")
    ds.put_tag(base | 0x11, "LO", spec.mrn, "mrn")
    radiologist_family = spec.radiologist.split("^")[0].title()
    ds.put_tag(base | 0x12, "LT", f"Exported for {radiologist_family} on {_da(study_day)}", "provider_name")
    nested = ds.item(base | 0x13, 0)
    nested.put("PatientName", spec.patient_name, "full_name")
    nested.put("AccessionNumber", spec.accession_number, "accession_number")
    ds.put_tag(base | 0x13, "SQ", [nested])
    ds.put_tag(base | 0x20, "US", 3)  # a non-PHI private value, as vendors store them
    return ds


def add_overlay(ds: Elements, spec: ImageSpec, rng: np.random.Generator) -> None:
    """An overlay plane (group 6000, PS3.3 C.9.2) with a drawn mark and a name in its description."""
    rows, columns = spec.rows, spec.columns
    plane = np.zeros((rows, columns), dtype=np.uint8)
    y = int(rng.integers(rows // 4, rows // 2))
    x = int(rng.integers(columns // 4, columns // 2))
    plane[y : y + max(2, rows // 20), x : x + max(2, columns // 20)] = 1
    ds.put_tag(0x60000010, "US", rows)
    ds.put_tag(0x60000011, "US", columns)
    ds.put_tag(0x60000022, "LO", f"Marked by {spec.technologist.split('^')[0].title()}", "provider_name", "OverlayDescription")
    ds.put_tag(0x60000040, "CS", "G")
    ds.put_tag(0x60000050, "SS", [1, 1])
    ds.put_tag(0x60000100, "US", 1)
    ds.put_tag(0x60000102, "US", 0)
    ds.put_tag(0x60003000, "OW", pack_bits(plane.ravel()))


def _pixel_levels(spec: ImageSpec, rng: np.random.Generator) -> tuple[np.ndarray, list[burnin.Burned]]:
    """Display levels (MONOCHROME2 sense) of the image and the text burned into them."""
    max_value = (1 << spec.bits_stored) - 1
    if spec.headers_only:
        # a fixed ramp: same bytes for every image of a syntax, so its encoding is cached
        ramp = np.linspace(0, max_value, spec.rows * spec.columns).reshape(spec.rows, spec.columns)
        return np.rint(ramp).astype(np.uint16), []
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


def encode_pixels(ds: Elements, stored: np.ndarray, spec: ImageSpec, with_data: bool = True) -> None:
    """The Image Pixel module (PS3.3 C.7.6.3), pixel data encoded in the spec's transfer syntax."""
    rows, columns = stored.shape
    ds.put("SamplesPerPixel", 1)
    ds.put("PhotometricInterpretation", spec.photometric)
    ds.put("Rows", rows)
    ds.put("Columns", columns)
    ds.put("BitsAllocated", 16)
    ds.put("BitsStored", spec.bits_stored)
    ds.put("HighBit", spec.bits_stored - 1)
    ds.put("PixelRepresentation", 0)
    max_value = (1 << spec.bits_stored) - 1
    ds.put("WindowCenter", str(max_value // 2))
    ds.put("WindowWidth", str(max_value))
    if spec.modality == "DX":
        _dx_modules(ds, spec)
    if not with_data:
        return
    cache_key = (spec.transfer_syntax, spec.photometric, spec.bits_stored, rows, columns)
    if spec.headers_only and cache_key in _TINY_PIXELS:
        vr, value = _TINY_PIXELS[cache_key]
    elif spec.transfer_syntax == JPEGLosslessSV1:
        frame = jpeg_lossless.encode(stored, spec.bits_stored)
        vr, value = "OB", EncapsulatedPixels([frame])
    elif spec.transfer_syntax in ENCODERS:
        encoder, plugin = ENCODERS[spec.transfer_syntax]
        frame = encoder.encode(
            np.ascontiguousarray(stored),
            encoding_plugin=plugin,
            rows=rows,
            columns=columns,
            samples_per_pixel=1,
            bits_allocated=16,
            bits_stored=spec.bits_stored,
            pixel_representation=0,
            photometric_interpretation=spec.photometric,
            number_of_frames=1,
            planar_configuration=0,
        )
        vr, value = "OB", EncapsulatedPixels([frame])
    else:
        vr, value = "OW", stored.astype("<u2").tobytes()
    if spec.headers_only:
        _TINY_PIXELS[cache_key] = (vr, value)
    ds.put_tag(PIXEL_DATA, vr, value)


def _dx_modules(ds: Elements, spec: ImageSpec) -> None:
    """What the DX Image IOD requires beyond CR (PS3.3 A.26.1: DX Series, Anatomy Imaged, DX Image, DX Detector, DX Positioning)."""
    ds.put("PresentationLUTShape", "INVERSE" if spec.photometric == "MONOCHROME1" else "IDENTITY")
    ds.put("PresentationIntentType", "FOR PRESENTATION")
    ds.put("ImageLaterality", "U")
    region = Elements()
    region.put("CodeValue", "43799004")
    region.put("CodingSchemeDesignator", "SCT")
    region.put("CodeMeaning", "Chest" if spec.body_part == "CHEST" else spec.body_part.title())
    ds.put("AnatomicRegionSequence", [region])
    ds.put("PixelIntensityRelationship", "LOG")
    ds.put("PixelIntensityRelationshipSign", 1)
    ds.put("RescaleIntercept", "0")
    ds.put("RescaleSlope", "1")
    ds.put("RescaleType", "US")
    ds.put("LossyImageCompression", "00")
    ds.put("DetectorType", "SCINTILLATOR")
    ds.put("ImagerPixelSpacing", ["0.139", "0.139"])
    ds.put("PositionerType", "")
    ds.put("AcquisitionContextSequence", [])


def image_rng(seed: int, sop_instance_uid: str) -> np.random.Generator:
    """A generator of its own for each file: output does not depend on worker order."""
    digest = hashlib.sha256(f"cxrbuild-synth/{seed}/{sop_instance_uid}".encode()).digest()
    return np.random.default_rng(int.from_bytes(digest[:16], "big"))


def file_bytes(ds: Elements, spec: ImageSpec) -> bytes:
    return part10_bytes(
        ds, spec.sop_class, spec.sop_instance_uid, spec.transfer_syntax, IMPLEMENTATION_CLASS_UID, IMPLEMENTATION_VERSION
    )


def render_image(spec: ImageSpec) -> tuple[bytes, dict]:
    """The bytes of one image file and its truth record."""
    rng = image_rng(spec.seed, spec.sop_instance_uid)
    ds = build_header(spec)
    levels, burned = _pixel_levels(spec, rng)
    max_value = (1 << spec.bits_stored) - 1
    # MONOCHROME1 stores the inverse of what is displayed (PS3.3 C.7.6.3.1.2)
    stored = (max_value - levels).astype(np.uint16) if spec.photometric == "MONOCHROME1" else levels
    ds.put("BurnedInAnnotation", "YES" if burned else "NO")
    add_overlay(ds, spec, rng)
    encode_pixels(ds, stored, spec, with_data=spec.category != "no_pixels")
    data = file_bytes(ds, spec)
    if spec.category == "truncated":
        data = data[: int(len(data) * spec.truncate_at)]
        # the truth keeps only the header PHI that survived the cut
        spec.header_phi[:] = [e for e in spec.header_phi if e["value"].encode("latin-1") in data]
    record = truth_record(spec, burned)
    if spec.category == "image":
        record["pixel_sha256"] = hashlib.sha256(stored.astype("<u2").tobytes()).hexdigest()
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
    """A Basic Text SR (PS3.3 A.35.1) or a presentation state (A.33.1): DICOM, but no image."""
    ds = build_header(spec)
    for keyword in ("ImageType", "ViewPosition", "PatientOrientation"):
        del ds[tag_for_keyword(keyword)]
    if spec.sop_class == BASIC_TEXT_SR_STORAGE:
        ds.put("Modality", "SR")
        ds.put("ValueType", "CONTAINER")
        ds.put("CompletionFlag", "COMPLETE")
        ds.put("VerificationFlag", "UNVERIFIED")
        concept = ds.item("ConceptNameCodeSequence", 0)
        concept.put("CodeValue", "18748-4")
        concept.put("CodingSchemeDesignator", "LN")
        concept.put("CodeMeaning", "Diagnostic Imaging Report")
        ds.put("ConceptNameCodeSequence", [concept])
        ds.put("ContinuityOfContent", "SEPARATE")
        ds.put("ReferencedPerformedProcedureStepSequence", [])
        ds.put("PerformedProcedureCodeSequence", [])
        item = ds.item("ContentSequence", 0)
        item.put("RelationshipType", "CONTAINS")
        item.put("ValueType", "TEXT")
        finding = Elements()
        finding.put("CodeValue", "121071")
        finding.put("CodingSchemeDesignator", "DCM")
        finding.put("CodeMeaning", "Finding")
        item.put("ConceptNameCodeSequence", [finding])
        item.put("TextValue", report_text, "report")
        ds.put("ContentSequence", [item])
    else:
        ds.put("Modality", "PR")
        ds.put("ContentLabel", "ANNOTATION")
        ds.put("ContentDescription", "")
        ds.put("PresentationLUTShape", "IDENTITY")
        area = Elements()
        area.put("DisplayedAreaTopLeftHandCorner", [1, 1])
        area.put("DisplayedAreaBottomRightHandCorner", [spec.columns, spec.rows])
        area.put("PresentationSizeMode", "SCALE TO FIT")
        area.put("PresentationPixelSpacing", ["0.139", "0.139"])
        ds.put("DisplayedAreaSelectionSequence", [area])
        if spec.referenced_image:
            series_uid, sop_class, sop_uid = spec.referenced_image
            image = Elements()
            image.put("ReferencedSOPClassUID", sop_class)
            image.put("ReferencedSOPInstanceUID", sop_uid)
            series = Elements()
            series.put("ReferencedImageSequence", [image])
            series.put("SeriesInstanceUID", series_uid)
            ds.put("ReferencedSeriesSequence", [series])
        ds.put("PresentationCreationDate", _da(spec.acquisition_time.date()), "study_date")
        ds.put("PresentationCreationTime", _tm(spec.acquisition_time), "time")
        ds.put("ContentCreatorName", spec.radiologist, "provider_name")
    return file_bytes(ds, spec), truth_record(spec, [])
