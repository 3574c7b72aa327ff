"""DICOM header de-identification (PS3.15 Annex E): the table, the actions, dates, UIDs, the record."""

from __future__ import annotations

import datetime as dt
import itertools

import pydicom
import pytest
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.sequence import Sequence
from pydicom.uid import CTImageStorage, ExplicitVRLittleEndian, generate_uid

from cxrbuild.dicom.annex_e import load_annex_e, parse_annex_e, resolve_compound
from cxrbuild.dicom.annotation import record_redaction_boxes, redaction_boxes
from cxrbuild.dicom.header import (
    IMPLEMENTATION_CLASS_UID,
    HeaderSettings,
    ImageContext,
    cap_age,
    deidentify_header,
    deny_list_from_header,
    find_header_leaks,
    mark_pixels_cleaned,
    shift_date,
    shift_datetime,
)
from cxrbuild.text.deid import descriptor_phi_spans

KEY = b"k" * 32
CR_IMAGE_STORAGE = "1.2.840.10008.5.1.4.1.1.1"


def context(day_shift: int = 36524, **kwargs) -> ImageContext:
    values = dict(subject_id="10000032", study_id="50414267", dicom_id="02aa804e-bde0afdd-112c0b34-7bc16630-4e384014",
                  day_shift=day_shift, uid_key=KEY)  # fmt: skip
    values.update(kwargs)
    return ImageContext(**values)


def chest_dataset(
    study_uid: str = "1.2.826.0.1.3680043.2.1125.1.1", sop_uid: str | None = None
) -> Dataset:
    """A CR image header full of identifiers, with nested, private, overlay and curve data."""
    ds = Dataset()
    ds.file_meta = FileMetaDataset()
    ds.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
    ds.file_meta.MediaStorageSOPClassUID = CR_IMAGE_STORAGE
    ds.file_meta.MediaStorageSOPInstanceUID = sop_uid or "1.2.826.0.1.3680043.2.1125.1.1.1.1"
    ds.file_meta.ImplementationClassUID = "1.2.3.4"
    ds.file_meta.SourceApplicationEntityTitle = "HOSPITALPACS"
    ds.preamble = b"x" * 128
    ds.SpecificCharacterSet = "ISO_IR 100"
    ds.SOPClassUID = CR_IMAGE_STORAGE
    ds.SOPInstanceUID = sop_uid or "1.2.826.0.1.3680043.2.1125.1.1.1.1"
    ds.StudyInstanceUID = study_uid
    ds.SeriesInstanceUID = study_uid + ".1"
    ds.FrameOfReferenceUID = study_uid + ".9"
    ds.PatientName = "DAVIDSON^DOUGLAS^Q"
    ds.PatientID = "MRN4477"
    ds.PatientBirthDate = "19760616"
    ds.PatientSex = "M"
    ds.PatientAge = "095Y"
    ds.OtherPatientNames = "SMITH^DOUGLAS"
    ds.AccessionNumber = "ACC98765"
    ds.StudyID = "S123"
    ds.StudyDate = "20120109"
    ds.StudyTime = "235900"
    ds.SeriesDate = "20120109"
    ds.SeriesTime = "235930"
    ds.AcquisitionDate = "20120110"
    ds.AcquisitionTime = "000100.250"
    ds.ContentDate = "20120110"
    ds.ContentTime = "000130"
    ds.AcquisitionDateTime = "20120110000100.25+0100"
    ds.InstitutionName = "Springfield General Hospital"
    ds.InstitutionAddress = "12 Elm Street, Springfield"
    ds.ReferringPhysicianName = "HOUSE^GREGORY"
    ds.StationName = "CRROOM7"
    ds.Modality = "CR"
    ds.Manufacturer = "FUJIFILM Corporation"
    ds.BodyPartExamined = "CHEST"
    ds.ViewPosition = "PA"
    ds.StudyDescription = "CHEST PA for DAVIDSON 01/09/2012"
    ds.SeriesDescription = "PA upright"
    ds.ImageComments = "tech JONES called Dr House"
    ds.PatientComments = "allergic, call 555-123-4567"
    ds.Rows = 4
    ds.Columns = 4
    ds.BitsAllocated = 16
    ds.BitsStored = 12
    ds.HighBit = 11
    ds.PixelRepresentation = 0
    ds.SamplesPerPixel = 1
    ds.PhotometricInterpretation = "MONOCHROME2"
    ds.PixelData = bytes(32)
    # nested: a request with its own identifiers, dates and UIDs
    request = Dataset()
    request.AccessionNumber = "ACC98765"
    request.RequestedProcedureID = "RP-55"
    request.ScheduledProcedureStepStartDate = "20120108"
    request.ReasonForTheRequestedProcedure = "cough, ordered by HOUSE"
    referenced = Dataset()
    referenced.ReferencedSOPClassUID = "1.2.840.10008.3.1.2.3.1"
    referenced.ReferencedSOPInstanceUID = study_uid + ".77"
    request.ReferencedStudySequence = Sequence([referenced])
    ds.RequestAttributesSequence = Sequence([request])
    source = Dataset()
    source.ReferencedSOPClassUID = CR_IMAGE_STORAGE
    source.ReferencedSOPInstanceUID = study_uid + ".1.5"
    ds.SourceImageSequence = Sequence([source])
    view = Dataset()
    view.CodeValue = "R-10214"
    view.CodingSchemeDesignator = "SRT"
    view.CodeMeaning = "postero-anterior"
    ds.ViewCodeSequence = Sequence([view])
    original = Dataset()
    original.PatientName = "DAVIDSON^DOUGLAS"
    ds.OriginalAttributesSequence = Sequence([original])
    # private block, overlay and curve
    block = ds.private_block(0x0019, "ACME 1.1", create=True)
    block.add_new(0x10, "LO", "DAVIDSON DOUGLAS")
    block.add_new(0x11, "DS", "1.5")
    ds.add_new(0x60000010, "US", 4)
    ds.add_new(0x60000011, "US", 4)
    ds.add_new(0x60000022, "LO", "Marked by JONES")
    ds.add_new(0x60003000, "OW", bytes(2))
    ds.add_new(0x50000005, "US", 2)
    return ds


def all_values(ds: Dataset) -> list[str]:
    found = []
    for elem in ds.iterall():
        if elem.VR != "SQ" and elem.tag != 0x7FE00010:
            found.append(str(elem.value))
    found += [str(elem.value) for elem in ds.file_meta]
    return found


# ---------------------------------------------------------------------------
# the table


def test_annex_e_table_is_complete_enough_and_well_formed():
    table = load_annex_e()
    assert len(table.rows) > 550  # PS3.15 Table E.1-1 has several hundred rows
    patient_name = table.lookup(0x00100010)
    assert patient_name.basic_profile == "Z"
    study_date = table.lookup(0x00080020)
    assert study_date.action(["retain_longitudinal_modified_dates"]) == "C"
    assert study_date.action([]) == "Z"
    assert table.lookup(0x00101010).action(["retain_patient_characteristics"]) == "K"
    assert table.lookup(0x00081030).action(["clean_descriptors"]) == "C"
    assert table.lookup(0x0020000D).basic_profile == "U"
    assert table.lookup(0x00880200).basic_profile == "X"  # Icon Image Sequence
    assert table.lookup(0x04000561).basic_profile == "X"  # Original Attributes Sequence
    # repeating groups and private attributes
    assert table.lookup(0x60023000).basic_profile == "X"
    assert table.lookup(0x501E0010).basic_profile == "X"
    assert table.lookup(0x00191010).basic_profile == "X"
    assert table.lookup(0x00280010) is None  # Rows: not an identifying attribute


def test_annex_e_parser_rejects_unknown_actions():
    text = "tag,name,keyword,basic_profile,retain_patient_characteristics,retain_longitudinal_modified_dates,clean_descriptors\n"
    with pytest.raises(ValueError, match="unknown action"):
        parse_annex_e((text + '"(0010,0010)",Patient\'s Name,PatientName,Q,,,\n').splitlines())


def test_compound_actions_on_sequences_remove_rather_than_empty():
    choices = {"X/Z": "Z", "X/Z/D": "Z", "X/Z/U*": "U*"}
    assert resolve_compound("X/Z", "LO", choices) == "Z"
    assert resolve_compound("X/Z", "SQ", choices) == "X"
    assert resolve_compound("X/Z/D", "SQ", choices) == "X"
    assert resolve_compound("D", "SQ", choices) == "X"
    assert resolve_compound("X/Z/U*", "SQ", choices) == "U*"


# ---------------------------------------------------------------------------
# the profile on one dataset


def test_identifiers_replaced_and_removed_everywhere():
    ds = chest_dataset()
    deidentify_header(ds, context(), HeaderSettings.from_mapping(None, descriptor_phi_spans))
    assert ds.PatientID == "10000032"
    assert ds.StudyID == "50414267"
    assert ds.AccessionNumber == ""
    assert ds.PatientName == ""
    assert ds.PatientBirthDate == ""
    assert ds.InstitutionName == "ANONYMIZED"  # X/Z/D: a dummy, since it may be type 1 (E.1.1)
    assert "InstitutionAddress" not in ds
    assert "OtherPatientNames" not in ds
    assert "OriginalAttributesSequence" not in ds
    assert "ImageComments" not in ds and "PatientComments" not in ds
    assert not any(elem.tag.is_private for elem in ds.iterall())
    assert not any(0x5000 <= elem.tag.group <= 0x60FF for elem in ds)
    text = "\n".join(all_values(ds)).upper()
    for identifier in ("DAVIDSON", "DOUGLAS", "MRN4477", "ACC98765", "SPRINGFIELD", "HOUSE", "JONES", "RP-55",
                       "19760616", "20120109", "20120110", "HOSPITALPACS", "CRROOM7"):  # fmt: skip
        assert identifier not in text, identifier
    # what a chest radiograph needs stays
    assert (ds.Modality, ds.BodyPartExamined, ds.ViewPosition, ds.PatientSex) == (
        "CR",
        "CHEST",
        "PA",
        "M",
    )
    assert ds.ViewCodeSequence[0].CodeValue == "R-10214"
    assert ds.Manufacturer == "FUJIFILM Corporation"
    assert ds.Rows == 4 and ds.PixelData == bytes(32)


def test_patient_name_can_be_the_subject_id():
    ds = chest_dataset()
    deidentify_header(ds, context(), HeaderSettings.from_mapping({"patient_name": "subject_id"}, descriptor_phi_spans))
    assert str(ds.PatientName) == "10000032"


def test_clean_descriptors_keep_the_description_but_not_the_identifiers():
    ds = chest_dataset()
    deidentify_header(ds, context(), HeaderSettings.from_mapping(None, descriptor_phi_spans))
    assert ds.StudyDescription.startswith("CHEST PA")
    assert "DAVIDSON" not in ds.StudyDescription and "2012" not in ds.StudyDescription
    assert ds.SeriesDescription == "PA upright"
    reason = ds.RequestAttributesSequence[0].ReasonForTheRequestedProcedure
    assert "cough" in reason and "HOUSE" not in reason.upper()


def test_descriptors_lose_people_named_nowhere_else_in_the_header():
    ds = chest_dataset()
    ds.RequestAttributesSequence[
        0
    ].ReasonForTheRequestedProcedure = "cough, ordered by Dr. Kowalczyk"
    ds.ProtocolName = "Chest PA call 401.969.0745"
    deidentify_header(ds, context(), HeaderSettings.from_mapping(None, descriptor_phi_spans))
    reason = ds.RequestAttributesSequence[0].ReasonForTheRequestedProcedure
    assert "cough" in reason and "Kowalczyk" not in reason
    assert ds.ProtocolName == "Chest PA call"
    # the pattern-only cleaner does not know the name, only the phone number
    ds = chest_dataset()
    ds.RequestAttributesSequence[
        0
    ].ReasonForTheRequestedProcedure = "cough, ordered by Dr. Kowalczyk"
    deidentify_header(
        ds, context(), HeaderSettings.from_mapping({"descriptor_cleaner": "patterns"}, descriptor_phi_spans)
    )
    assert "Kowalczyk" in ds.RequestAttributesSequence[0].ReasonForTheRequestedProcedure


def test_comments_are_cleaned_instead_of_removed_when_configured():
    ds = chest_dataset()
    deidentify_header(ds, context(), HeaderSettings.from_mapping({"remove_comments": False}, descriptor_phi_spans))
    assert "ImageComments" in ds
    assert "555" not in ds.PatientComments and "allergic" in ds.PatientComments


def test_ages_over_89_are_aggregated():
    ds = chest_dataset()
    deidentify_header(ds, context(), HeaderSettings.from_mapping(None, descriptor_phi_spans))
    assert ds.PatientAge == "090Y"
    assert cap_age("045Y") == "045Y"
    assert cap_age("089Y") == "089Y"
    assert cap_age("90Y") == "090Y"
    assert cap_age("1200M") == "090Y"
    assert cap_age("abc") is None


def test_uids_are_keyed_consistent_across_files_and_well_known_ones_stay():
    settings = HeaderSettings.from_mapping(None, descriptor_phi_spans)
    first, second = chest_dataset(sop_uid="1.2.3.100.1"), chest_dataset(sop_uid="1.2.3.100.2")
    study, series = first.StudyInstanceUID, first.SeriesInstanceUID
    deidentify_header(first, context(), settings)
    deidentify_header(second, context(), settings)
    assert first.StudyInstanceUID == second.StudyInstanceUID != study
    assert first.SeriesInstanceUID == second.SeriesInstanceUID != series
    assert first.SOPInstanceUID != second.SOPInstanceUID
    for ds in (first, second):
        assert ds.StudyInstanceUID.startswith("2.25.") and ds.SOPInstanceUID.startswith("2.25.")
        assert ds.file_meta.MediaStorageSOPInstanceUID == ds.SOPInstanceUID
        assert (
            ds.SOPClassUID == CR_IMAGE_STORAGE
            and ds.file_meta.MediaStorageSOPClassUID == CR_IMAGE_STORAGE
        )
        assert ds.file_meta.TransferSyntaxUID == ExplicitVRLittleEndian
        nested = ds.SourceImageSequence[0]
        assert nested.ReferencedSOPClassUID == CR_IMAGE_STORAGE
        assert nested.ReferencedSOPInstanceUID.startswith("2.25.")
        assert all(len(uid) <= 64 for uid in (ds.StudyInstanceUID, ds.SOPInstanceUID))
    # a different key gives different UIDs (unlinkable releases)
    third = chest_dataset(sop_uid="1.2.3.100.1")
    deidentify_header(third, context(uid_key=b"z" * 32), settings)
    assert third.StudyInstanceUID != first.StudyInstanceUID


def test_file_meta_and_preamble_are_rewritten():
    ds = chest_dataset()
    deidentify_header(ds, context(), HeaderSettings.from_mapping(None, descriptor_phi_spans))
    assert ds.preamble == b"\x00" * 128
    assert ds.file_meta.ImplementationClassUID == IMPLEMENTATION_CLASS_UID
    assert ds.file_meta.ImplementationVersionName.startswith("CXRBUILD")
    assert "SourceApplicationEntityTitle" not in ds.file_meta


def test_deidentification_record_lists_profile_and_options():
    ds = chest_dataset()
    deidentify_header(ds, context(), HeaderSettings.from_mapping(None, descriptor_phi_spans))
    assert ds.PatientIdentityRemoved == "YES"
    assert ds.LongitudinalTemporalInformationModified == "MODIFIED"
    codes = [item.CodeValue for item in ds.DeidentificationMethodCodeSequence]
    assert codes == ["113100", "113105", "113107", "113108"]
    assert all(
        item.CodingSchemeDesignator == "DCM" for item in ds.DeidentificationMethodCodeSequence
    )
    ds.BurnedInAnnotation = "YES"
    mark_pixels_cleaned(ds)
    assert ds.BurnedInAnnotation == "NO"
    codes = [item.CodeValue for item in ds.DeidentificationMethodCodeSequence]
    assert codes == ["113100", "113101", "113103", "113105", "113107", "113108"]


def test_private_allow_list_keeps_only_the_named_creator_elements():
    ds = chest_dataset()
    other = ds.private_block(0x0029, "OTHER VENDOR", create=True)
    other.add_new(0x01, "DS", "7")
    settings = HeaderSettings.from_mapping(
        {"keep_private": [{"creator": "ACME 1.1", "elements": ["11"]}]}, descriptor_phi_spans)
    deidentify_header(ds, context(), settings)
    kept = {int(elem.tag): elem.value for elem in ds if elem.tag.is_private}
    assert kept == {0x00190010: "ACME 1.1", 0x00191011: "1.5"}


def test_keep_list_overrides_the_table():
    ds = chest_dataset()
    deidentify_header(ds, context(), HeaderSettings.from_mapping({"keep": ["StationName"]}, descriptor_phi_spans))
    assert ds.StationName == "CRROOM7"


def test_unlisted_free_text_is_emptied_but_numbers_and_codes_stay():
    ds = chest_dataset()
    ds.add_new(0x00181622, "LO", "JONES")  # unlisted text (Shutter Presentation Color) misused
    ds.add_new(0x00181164, "DS", [0.1, 0.1])  # Imager Pixel Spacing
    ds.add_new(0x00185101, "CS", "PA")  # View Position (CS)
    deidentify_header(ds, context(), HeaderSettings.from_mapping(None, descriptor_phi_spans))
    assert ds[0x00181622].value in (
        "",
        None,
    )  # emptied: no text left, a type 2 attribute stays valid
    assert [float(v) for v in ds.ImagerPixelSpacing] == [0.1, 0.1]


def test_bad_settings_are_rejected_with_the_key():
    with pytest.raises(ValueError, match="unknown key"):
        HeaderSettings.from_mapping({"patient_nam": "empty"}, descriptor_phi_spans)
    with pytest.raises(ValueError, match="patient_name"):
        HeaderSettings.from_mapping({"patient_name": "initials"}, descriptor_phi_spans)
    with pytest.raises(ValueError, match="cannot resolve"):
        HeaderSettings.from_mapping({"compound_actions": {"X/Z": "D"}}, descriptor_phi_spans)
    with pytest.raises(ValueError, match="neither a DICOM keyword"):
        HeaderSettings.from_mapping({"keep": ["NotAKeyword"]}, descriptor_phi_spans)


# ---------------------------------------------------------------------------
# dates and times


def timeline(ds: Dataset) -> dict[str, dt.datetime]:
    """Every date(+time) point of the dataset as a datetime, keyed by keyword path."""
    points = {}
    for keyword in ("Study", "Series", "Acquisition", "Content"):
        date = ds.get(f"{keyword}Date")
        time = str(ds.get(f"{keyword}Time", "000000"))
        if date:
            whole, _, fraction = time.partition(".")
            points[keyword] = dt.datetime.strptime(
                str(date) + whole.ljust(6, "0"), "%Y%m%d%H%M%S"
            ) + dt.timedelta(seconds=float("0." + (fraction or "0")))
    value = str(ds.AcquisitionDateTime)
    points["AcquisitionDateTime"] = dt.datetime.strptime(value[:14], "%Y%m%d%H%M%S")
    nested = ds.RequestAttributesSequence[0].ScheduledProcedureStepStartDate
    points["nested"] = dt.datetime.strptime(str(nested), "%Y%m%d")
    return points


@pytest.mark.parametrize("day_shift", [36524, -3, 0, 45000])
def test_intervals_between_all_dates_are_unchanged_to_the_second(day_shift):
    ds = chest_dataset()
    before = timeline(ds)
    deidentify_header(ds, context(day_shift=day_shift), HeaderSettings.from_mapping(None, descriptor_phi_spans))
    after = timeline(ds)
    assert before.keys() == after.keys()
    for a, b in itertools.combinations(before, 2):
        assert after[a] - after[b] == before[a] - before[b], (a, b)
    for point in before:
        assert after[point] - before[point] == dt.timedelta(days=day_shift)
    # a study over midnight stays right: series on day 1 at 23:59:30, acquisition on day 2 at 00:01:00.25
    assert after["Acquisition"] - after["Series"] == dt.timedelta(seconds=90.25)
    assert ds.AcquisitionTime == "000100.250" and ds.StudyTime == "235900"
    assert str(ds.AcquisitionDateTime).endswith("000100.25+0100")


def test_shift_date_and_datetime_forms():
    assert shift_date("20120109", 1) == "20120110"
    assert shift_date("2012.01.09", -9) == "20111231"
    assert shift_date("20120230", 1) is None
    assert shift_date("unknown", 1) is None
    assert shift_datetime("2012", 400) == "2013"
    assert shift_datetime("201201", 31) == "201202"
    assert shift_datetime("20121231235959.123456-0500", 1) == "20130101235959.123456-0500"
    assert shift_datetime("garbage", 1) is None


def test_unparseable_dates_are_emptied_not_kept():
    ds = chest_dataset()
    ds.ContentDate = "09/01/2012"  # not DA: cannot be shifted, so it must not survive
    deidentify_header(ds, context(), HeaderSettings.from_mapping(None, descriptor_phi_spans))
    assert ds.ContentDate == ""


# ---------------------------------------------------------------------------
# deny list and the redaction record


def test_deny_list_has_names_ids_and_dates_in_printed_forms():
    deny = deny_list_from_header(chest_dataset())
    for expected in ("DAVIDSON", "DOUGLAS", "DOUGLAS DAVIDSON", "DAVIDSON, DOUGLAS", "MRN4477", "ACC98765",
                     "06/16/1976", "16.06.1976", "1976-06-16", "01/09/2012", "09.01.2012", "Springfield General Hospital",
                     "Springfield", "HOUSE", "SMITH", "RP-55"):  # fmt: skip
        assert expected in deny, expected
    assert "CHEST" not in deny and "PA upright" not in deny  # descriptors are cleaned, not denied
    assert "95Y" in deny and "095Y" in deny  # an age over 89 is an identifier where it is printed
    assert deny == sorted(deny, key=lambda s: (-len(s), s))


def test_released_values_are_not_deny_terms_of_their_own_image():
    """An age of 90 is released as 090Y and a state code is no identifier: neither may flag the output."""
    ds = chest_dataset()
    ds.PatientAge = "090Y"
    ds.PatientAddress = "7593 Juan Throughway^Changchester^DE^81551"
    deny = deny_list_from_header(ds)
    assert "7593 Juan Throughway" in deny and "Changchester" in deny and "81551" in deny
    # no form of the age (a date form such as 09012012 may hold the digits 90)
    assert "DE" not in deny and not any(term.upper().lstrip("0").rstrip("Y ") == "90" for term in deny)
    deidentify_header(ds, context(), HeaderSettings.from_mapping(None, descriptor_phi_spans))
    record_redaction_boxes(ds, [(1, 2, 30, 12)])  # its layer description says "de-identification"
    assert ds.PatientAge == "090Y"
    assert find_header_leaks(ds, deny) == []


def test_redaction_boxes_are_recorded_as_closed_pixel_polylines():
    ds = chest_dataset()
    record_redaction_boxes(ds, [(1, 2, 30, 12), (100, 0, 180, 20)])
    annotation = ds.GraphicAnnotationSequence[0]
    assert annotation.GraphicLayer == ds.GraphicLayerSequence[0].GraphicLayer
    graphics = annotation.GraphicObjectSequence
    assert len(graphics) == 2
    # a closed POLYLINE: RECTANGLE is not a defined Graphic Type (PS3.3 C.10.5.1.2)
    assert graphics[0].GraphicAnnotationUnits == "PIXEL" and graphics[0].GraphicType == "POLYLINE"
    assert graphics[0].NumberOfGraphicPoints == 5 and graphics[0].GraphicFilled == "Y"
    assert [float(v) for v in graphics[0].GraphicData] == [1, 2, 30, 2, 30, 12, 1, 12, 1, 2]
    assert redaction_boxes(ds) == [(1, 2, 30, 12), (100, 0, 180, 20)]
    record_redaction_boxes(ds, [])
    assert "GraphicAnnotationSequence" not in ds


def test_existing_graphic_annotations_are_not_carried_over():
    ds = chest_dataset()
    record_redaction_boxes(ds, [(1, 1, 2, 2)])
    ds.GraphicAnnotationSequence[0].GraphicObjectSequence[0].add_new(0x00700006, "ST", "DAVIDSON")
    deidentify_header(ds, context(), HeaderSettings.from_mapping(None, descriptor_phi_spans))
    assert "GraphicAnnotationSequence" not in ds


def test_a_written_file_reads_back(tmp_path):
    ds = chest_dataset()
    deidentify_header(ds, context(), HeaderSettings.from_mapping(None, descriptor_phi_spans))
    path = tmp_path / "out.dcm"
    ds.save_as(path, enforce_file_format=True)
    back = pydicom.dcmread(path)
    assert back.PatientID == "10000032"
    assert back.file_meta.MediaStorageSOPInstanceUID == back.SOPInstanceUID
    assert path.read_bytes()[:128] == b"\x00" * 128


def test_well_known_frame_of_reference_and_generated_uids():
    ds = chest_dataset()
    ds.FrameOfReferenceUID = "1.2.840.10008.1.4.1.1"  # a well-known frame of reference (PS3.6 A)
    ds.ReferencedSOPClassUID = CTImageStorage
    local = generate_uid()
    ds.IrradiationEventUID = local
    deidentify_header(ds, context(), HeaderSettings.from_mapping(None, descriptor_phi_spans))
    assert ds.FrameOfReferenceUID == "1.2.840.10008.1.4.1.1"
    assert ds.IrradiationEventUID != local and ds.IrradiationEventUID.startswith("2.25.")
