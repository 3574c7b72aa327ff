"""A lone glyph OCR reads out of a PHI line goes with the line it stands in."""

from __future__ import annotations

from cxrbuild.dicom.boxes import Box
from cxrbuild.dicom.reading import TextRegion, settle_lone_glyphs


def region(box: Box, text: str, decision: str, frame: int = 0) -> TextRegion:
    return TextRegion(box, text, decision, "keep-list" if decision == "keep" else "deny-list", frame=frame, line=1, confidence=80.0)


def test_a_lone_kept_letter_between_phi_words_of_its_row_is_phi() -> None:
    left = region((10, 20, 120, 44), "WESTBROOK", "phi")
    lone = region((130, 20, 150, 44), "E", "keep")  # one glyph of the line read alone, on the keep-list
    right = region((160, 21, 260, 45), "IMAGING", "phi")
    settle_lone_glyphs([left, lone, right])
    assert lone.decision == "phi"


def test_a_marker_beside_phi_on_one_side_only_is_kept() -> None:
    name = region((10, 20, 120, 44), "WESTBROOK", "phi")
    marker = region((130, 20, 150, 44), "L", "keep")
    settle_lone_glyphs([name, marker])
    assert marker.decision == "keep"


def test_a_kept_word_or_a_far_letter_is_not_a_lone_glyph() -> None:
    left = region((10, 20, 120, 44), "WESTBROOK", "phi")
    word = region((130, 20, 190, 44), "AP", "keep")  # two glyphs wide: a label of its own
    right = region((200, 20, 300, 44), "IMAGING", "phi")
    settle_lone_glyphs([left, word, right])
    assert word.decision == "keep"
    far_left = region((10, 20, 120, 44), "WESTBROOK", "phi")
    far = region((300, 20, 320, 44), "R", "keep")  # eight heights from the name
    far_right = region((330, 20, 400, 44), "IMAGING", "phi")
    settle_lone_glyphs([far_left, far, far_right])
    assert far.decision == "keep"
    other_frame = region((130, 20, 150, 44), "E", "keep", frame=1)
    settle_lone_glyphs([region((10, 20, 120, 44), "A", "phi"), other_frame, region((160, 20, 260, 44), "B", "phi")])
    assert other_frame.decision == "keep"


def test_a_tall_marker_beside_small_phi_lines_is_kept() -> None:
    """A lead marker three times as tall as the lines beside it stands in no row of theirs, and a glyph is
    measured by the smaller of the two: nine of the words' heights away is no glyph of their line."""
    upper = region((10, 20, 100, 32), "OKONJO", "phi")
    marker = region((120, 20, 170, 80), "R", "keep")
    lower = region((190, 60, 300, 72), "MERIDIAN", "phi")
    settle_lone_glyphs([upper, marker, lower])
    assert marker.decision == "keep"
    left = region((10, 40, 100, 52), "OKONJO", "phi")
    small = region((210, 40, 222, 52), "E", "keep")
    right = region((330, 40, 420, 52), "MERIDIAN", "phi")
    settle_lone_glyphs([left, small, right])
    assert small.decision == "keep"
