"""The keep-list's words from DICOM's code sets, and the readings of counters and units it tolerates."""

from __future__ import annotations

from importlib import resources

import pytest
from test_pixels_units import kept_and_removed

from cxrbuild.dicom.phitext import DenyList, fold, load_yaml_resource
from cxrbuild.dicom.pixelpolicy import PixelPolicy
from cxrbuild.dicom.upright import all_kept

NAME_LISTS = ("given_names.txt", "given_names_intl.txt", "surnames.txt", "surnames_intl.txt", "places.txt",
              "countries.txt", "country_names.txt")


@pytest.fixture(scope="module")
def policy() -> PixelPolicy:
    return PixelPolicy.from_mapping()


def decide(policy: PixelPolicy, *words: tuple[str, float]) -> list[str]:
    return [d.decision for d in policy.classify(list(words), DenyList([]))]


def test_no_word_matched_only_as_printed_is_a_name_or_a_place() -> None:
    exact = {fold(str(word)) for word in load_yaml_resource("pixel_keep.yaml")["exact_words"]}
    lists = resources.files("cxrbuild.text").joinpath("data", "lists")
    for name in NAME_LISTS:
        entries = {fold(line) for line in lists.joinpath(name).read_text(encoding="utf-8").splitlines() if line}
        assert not exact & entries, f"{name}: {sorted(exact & entries)}"


def test_a_code_set_term_is_kept_only_as_printed(policy: PixelPolicy) -> None:
    assert decide(policy, ("CROSS-TABLE", 60.0), ("LATERAL", 90.0)) == ["keep", "keep"]
    assert decide(policy, ("CEPHALAD", 40.0)) == ["keep"]
    # no piece and no near reading of it: CROSS and CROSSLAND are surnames
    assert decide(policy, ("CROSS", 95.0)) == ["phi"]
    assert decide(policy, ("CROSSLAND", 95.0)) == ["phi"]
    assert decide(policy, ("CEPHALAS", 95.0)) == ["phi"]


def test_patient_orientation_letters_are_kept_as_short_words(policy: PixelPolicy) -> None:
    assert decide(policy, ("P", 92.0)) == ["keep"]
    assert decide(policy, ("P", 60.0)) == ["phi"]  # a short word needs a short word's confidence
    assert decide(policy, ("P.", 95.0), ("SMITH", 95.0)) == ["phi", "phi"]  # an initial


def test_a_short_marker_read_with_a_stray_mark_needs_a_short_words_confidence(policy: PixelPolicy) -> None:
    # a piece of a name read as a three-letter marker with a mark beside it ("Ped?") is no surer
    # a marker than the three letters alone
    assert decide(policy, ("Ped?", 50.0)) == ["phi"]
    assert decide(policy, ("PED", 50.0)) == ["phi"]
    assert decide(policy, ("PED?", 90.0)) == ["keep"]
    assert decide(policy, ("AP.", 90.0)) == ["keep"]


def test_a_unit_is_kept_only_beside_a_number(policy: PixelPolicy) -> None:
    assert decide(policy, ("4.0", 90.0), ("cm", 90.0)) == ["keep", "keep"]
    assert decide(policy, ("0.1", 90.0), ("mm", 90.0), ("Cu", 90.0)) == ["keep", "keep", "keep"]
    assert decide(policy, ("CM", 95.0)) == ["phi"]  # two letters alone: initials as likely as a unit
    assert decide(policy, ("AL", 95.0)) == ["phi"]
    assert decide(policy, ("AP", 95.0)) == ["keep"]  # a view stands alone
    assert decide(policy, ("Cu", 90.0), ("0.2", 90.0), ("mm", 90.0)) == ["keep", "keep", "keep"]
    assert decide(policy, ("MS", 90.0), ("ONCOLOGY", 90.0), ("4", 90.0))[0] == "phi"  # initials before a ward
    assert decide(policy, ("CM", 90.0), ("4471023", 90.0)) == ["phi", "phi"]  # initials beside an identifier


def test_a_bed_before_its_number_is_a_place_not_a_marker(policy: PixelPolicy) -> None:
    assert decide(policy, ("CCU", 90.0), ("BED", 95.0), ("7", 95.0)) == ["phi", "phi", "phi"]
    assert decide(policy, ("BED", 95.0), ("4A", 90.0)) == ["phi", "phi"]
    assert decide(policy, ("BED", 95.0), ("3", 95.0), ("MS", 90.0))[:2] == ["phi", "phi"]  # though a unit follows
    assert decide(policy, ("PORTABLE", 95.0), ("BED", 95.0)) == ["keep", "keep"]  # how the image was taken


def test_a_lone_a_read_from_a_turned_glyph_stands_for_nothing(policy: PixelPolicy) -> None:
    deny = DenyList([])
    assert decide(policy, ("A", 96.0)) == ["keep"]  # as printed, level
    assert not all_kept([("A", 96.0)], policy, deny)  # what OCR reads of a turned K, V or Y
    assert all_kept([("R", 93.0)], policy, deny)


def test_an_image_counter_read_without_its_spaces_is_kept(policy: PixelPolicy) -> None:
    assert decide(policy, ("1OF", 40.0), ("2", 97.0)) == ["keep", "keep"]
    assert decide(policy, ("20F", 67.0), ("2", 95.0)) == ["keep", "keep"]
    assert decide(policy, ("2OF2", 60.0)) == ["keep"]
    assert decide(policy, ("3OF2", 90.0)) == ["phi"]  # no image of a series is past its last
    assert decide(policy, ("1OF", 20.0), ("2", 97.0)) == ["phi", "phi"]  # read with too little confidence
    assert decide(policy, ("10F", 95.0)) == ["phi"]
    assert decide(policy, ("12OF123", 95.0)) == ["phi"]  # as long as an ID, it is read as one


def test_a_kilovolt_unit_with_its_v_misread_is_kept_beside_its_value(policy: PixelPolicy) -> None:
    assert decide(policy, ("KUP", 90.0), ("116", 94.0)) == ["keep", "keep"]
    assert decide(policy, ("kYp", 80.0), ("80", 94.0)) == ["keep", "keep"]
    assert decide(policy, ("KUP", 90.0)) == ["phi"]  # alone it is three letters, maybe initials
    assert decide(policy, ("KUP", 90.0), ("SMITH", 94.0)) == ["phi", "phi"]
    assert decide(policy, ("KUP", 90.0), ("03/02/2017", 94.0)) == ["phi", "phi"]
    assert decide(policy, ("JUP", 90.0), ("116", 94.0)) == ["phi", "phi"]


def test_a_drawn_view_term_is_kept_and_a_name_beside_it_removed(policy: PixelPolicy) -> None:
    kept, black = kept_and_removed(policy, ("CROSS-TABLE", 20, 300), ("DOE JANE", 360, 40), ["DOE^JANE"])
    assert kept, "the view term lost pixels"
    assert black >= 0.95, "the name is still there"


def test_a_value_after_its_exact_technique_word_stays_on_a_line_with_phi(policy: PixelPolicy) -> None:
    """On a line that also holds an identifier ("DOB: 19720315 UPRIGHT 30"), a number read after a position or
    technique word read exactly is vouched for by it; a number right before the identifier, or after a word
    only near a marker, is not."""

    def line(*words: tuple[str, float]) -> list[str]:
        return [d.decision for d in policy.classify(list(words), DenyList(["19720315"]))]

    assert line(("DOB:", 90.0), ("19720315", 95.0), ("UPRIGHT", 93.0), ("30", 91.0)) == ["phi", "phi", "keep", "keep"]
    assert line(("19720315", 95.0), ("kVp", 92.0), ("85", 90.0)) == ["phi", "keep", "keep"]
    # a value with the identifier right after it may be a piece of it
    assert line(("UPRIGHT", 93.0), ("30", 91.0), ("19720315", 95.0))[1] == "phi"


def test_a_letter_or_a_long_number_after_a_name_is_vouched_for_by_nothing(policy: PixelPolicy) -> None:
    """A technique word of one or two letters is as likely an initial ("C", "E", "SE"): the number after it
    on a line with a name stays PHI, as does a number of four digits or more (a time, a piece of an ID) or
    one followed by more numbers (a date read apart)."""

    def line(deny: str, *words: tuple[str, float]) -> list[str]:
        return [d.decision for d in policy.classify(list(words), DenyList([deny]))]

    assert line("MARTIN^ROSE", ("ROSE", 90.0), ("MARTIN", 90.0), ("C", 90.0), ("5582", 90.0))[-1] == "phi"
    assert line("KOVAC^P", ("KOVAC,", 90.0), ("P", 90.0), ("E", 90.0), ("3390", 90.0), ("118", 90.0))[3:] == ["phi", "phi"]
    assert line("MARTIN^ROSE", ("MARTIN", 90.0), ("ROSE", 90.0), ("TIME", 90.0), ("1907", 90.0))[-1] == "phi"
    # a time of day of three digits, or read as hours and minutes after any technique word
    assert line("MARTIN^ROSE", ("MARTIN", 90.0), ("TIME", 90.0), ("850", 90.0))[-1] == "phi"
    assert line("MARTIN^ROSE", ("MARTIN", 90.0), ("DOSE", 90.0), ("8.50", 90.0))[-1] == "phi"
    assert line("MARTIN^ROSE", ("MARTIN", 90.0), ("ROSE", 90.0), ("UPRIGHT", 90.0), ("11", 90.0), ("04", 90.0))[3:] == [
        "phi", "phi"]


def test_a_marker_read_whole_does_not_vouch_for_the_word_before_it(policy: PixelPolicy) -> None:
    """The end of a time read apart ("4-5" of 16:06:45) before "PORTABLE" joins it within two edits, but a
    marker read whole as printed is that marker with a neighbour, not one split in pieces ("SUP INE")."""
    assert decide(policy, ("6", 49.0), ("4-5", 57.0), ("PORTABLE", 96.0)) == ["phi", "phi", "keep"]
    assert decide(policy, ("SUP", 80.0), ("INE", 80.0)) == ["keep", "keep"]
    assert decide(policy, ("SEMI-", 80.0), ("UPRIGHT", 90.0)) == ["keep", "keep"]
    # a marker's own letters misread in one of its pieces are still its pieces
    assert decide(policy, ("DECUB", 80.0), ("ITIS", 80.0)) == ["keep", "keep"]
    assert decide(policy, ("UP", 80.0), ("RIGHF", 80.0)) == ["keep", "keep"]
