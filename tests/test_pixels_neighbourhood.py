"""What is blacked out of a PHI run stays in its glyphs' neighbourhood: never the panel or ground around them."""

from __future__ import annotations

import numpy as np
from scipy import ndimage

from cxrbuild.dicom.boxes import Box
from cxrbuild.dicom.pixels import near_strokes

GROUND = 200
INK = 30


def covered(boxes: list[Box], shape: tuple[int, int]) -> np.ndarray:
    mask = np.zeros(shape, dtype=bool)
    for x0, y0, x1, y1 in boxes:
        mask[y0:y1, x0:x1] = True
    return mask


def within(mask: np.ndarray, px: int) -> np.ndarray:
    return ndimage.binary_dilation(mask, structure=np.ones((3, 3), dtype=bool), iterations=px)


def test_near_strokes_keeps_the_flat_ground_away_from_the_strokes() -> None:
    display = np.full((70, 240), GROUND, dtype=np.uint8)
    found = np.zeros(display.shape, dtype=bool)
    found[10:60, 20:25] = True  # two strokes the cut found, far apart
    found[10:60, 200:205] = True
    missed = np.zeros(display.shape, dtype=bool)
    missed[30:33, 25:60] = True  # a stroke joined to one of them that the cut missed
    display[found | missed] = INK
    boxes = near_strokes((10, 5, 215, 65), found, (0, 0), [display])
    black = covered(boxes, display.shape)
    assert black[found | missed].all()
    # the ground between the letters is kept: nothing blacked out beyond reach and cell of a stroke
    assert not (black & ~within(found | missed, 8)).any()
    assert not black[:, 100:140].any()


def test_near_strokes_keeps_the_box_on_ground_that_is_not_flat() -> None:
    rng = np.random.default_rng(7)
    display = rng.integers(40, 220, size=(70, 240)).astype(np.uint8)  # texture: anatomy, or text nothing found
    found = np.zeros(display.shape, dtype=bool)
    found[10:60, 20:25] = True
    display[found] = INK
    assert near_strokes((10, 5, 215, 65), found, (0, 0), [display]) == [(10, 5, 215, 65)]


def test_near_strokes_keeps_a_box_with_no_stroke_near() -> None:
    display = np.full((40, 80), GROUND, dtype=np.uint8)
    found = np.zeros(display.shape, dtype=bool)
    found[5:35, 70:75] = True
    assert near_strokes((5, 5, 40, 35), found, (0, 0), [display]) == [(5, 5, 40, 35)]


def test_a_word_without_ink_found_joins_the_glyphs_beside_it() -> None:
    """A word read as PHI whose ink the cut cannot find (faint letters) is removed whole, and the
    letters beside it the cut did find join it across a gap no wider than their joins: the part
    of a letter between the two stays no gap of kept pixels."""
    from cxrbuild.dicom.pixels import PixelPolicy, glyph_boxes

    display = np.full((40, 200), GROUND, dtype=np.uint8)
    display[12:28, 20:24] = INK  # two letters the cut finds
    display[12:28, 30:34] = INK
    display[12:28, 44:90] = GROUND - 2  # a faint word the cut does not find
    run = (10, 6, 100, 34)
    boxes = glyph_boxes([display], run, 16, PixelPolicy.from_mapping(), words=[(44, 12, 90, 28)])
    black = covered(boxes, display.shape)
    assert black[12:28, 20:90].all(), boxes
    assert not black[:, 95:].any()


def test_a_stray_row_between_two_phi_rows_of_a_block_is_one_more_field() -> None:
    from cxrbuild.dicom.phiruns import fields_between

    above, below = ((100, 10, 300, 26), 16), ((100, 60, 280, 76), 16)
    between = ((104, 35, 220, 51), 15)  # a row no reader made sense of, between two PHI rows
    beside = ((400, 35, 480, 51), 15)  # a row off to the side: not under either run
    under = ((100, 90, 200, 106), 16)  # below the block, with no run under it
    runs, rest = fields_between([above, below], [between, beside, under], kept=[])
    assert between in runs and between not in rest
    assert beside in rest and under in rest
    # a kept word on the row keeps it out of the block (a marker between two fields)
    runs, rest = fields_between([above, below], [between], kept=[(150, 38, 170, 50)])
    assert between in rest


def test_a_kept_word_a_run_took_in_keeps_its_glyphs() -> None:
    """A run joined along its row through strays may reach over a word kept as a marker: the ink
    wholly inside that word's box stays, the PHI glyphs on either side go."""
    from cxrbuild.dicom.pixels import PixelPolicy, glyph_boxes

    display = np.full((40, 260), GROUND, dtype=np.uint8)
    for x in (20, 30, 40):  # a PHI word, a marker word, another PHI word, far apart on one row
        display[12:28, x : x + 4] = INK
    for x in (110, 120, 130):
        display[12:28, x : x + 4] = INK
    for x in (200, 210, 220):
        display[12:28, x : x + 4] = INK
    run, marker = (10, 6, 240, 34), (106, 10, 138, 30)
    words = [(18, 10, 46, 30), (198, 10, 226, 30)]
    policy = PixelPolicy.from_mapping()
    black = covered(glyph_boxes([display], run, 16, policy, words=words, spare=[marker]), display.shape)
    assert black[12:28, 20:44].all() and black[12:28, 200:224].all()
    assert not black[:, 100:140].any()
    # without it the marker's glyphs are the run's
    assert covered(glyph_boxes([display], run, 16, policy, words=words), display.shape)[12:28, 110:114].all()


def test_a_kept_markers_box_stays_whole_though_its_ink_runs_on_out_of_it() -> None:
    """A lead letter joined to a bit of wire reaching past the marker's box is one piece of ink: the marker's
    box keeps its pixels; the PHI glyphs on either side go."""
    from cxrbuild.dicom.pixels import PixelPolicy, glyph_boxes, spare_markers

    display = np.full((60, 260), GROUND, dtype=np.uint8)
    for x in (20, 30, 40):  # a PHI word, a marker joined to a wire, another PHI word, on one row
        display[22:38, x : x + 4] = INK
    display[22:38, 112:116] = INK
    display[22:26, 112:124] = INK
    display[20:40, 124:127] = INK  # the wire, a little past the marker's box above, below and beside
    for x in (200, 210, 220):
        display[22:38, x : x + 4] = INK
    run, marker = (10, 2, 240, 58), (110, 21, 126, 39)
    words = [(18, 20, 46, 40), (198, 20, 226, 40)]
    policy = PixelPolicy.from_mapping()
    black = covered(spare_markers(glyph_boxes([display], run, 16, policy, words=words, spare=[marker]), [marker]), display.shape)
    assert black[22:38, 20:44].all() and black[22:38, 200:224].all()
    assert not black[21:39, 110:126].any()
    # the marker's piece reaches out of its box: glyph_boxes alone blacks it out
    assert covered(glyph_boxes([display], run, 16, policy, words=words, spare=[marker]), display.shape)[21:39, 110:126].all()


def test_a_mark_above_the_letters_is_blacked_out_by_its_own_box() -> None:
    """A speck above one letter of a row (the ground's texture, an accent) is blacked out with its
    own margin; the ground above the other letters of the row keeps its pixels, on a ground that is
    not flat (a gradient, where the glyphs' neighbourhood cannot be cut out by the ground's value)."""
    from cxrbuild.dicom.pixels import PixelPolicy, glyph_boxes

    display = np.tile(np.linspace(120, 200, 260), (50, 1)).astype(np.uint8)
    letters = np.zeros(display.shape, dtype=bool)
    for x in range(20, 230, 14):  # a row of letters 18 px tall, 14 px apart
        letters[20:38, x : x + 3] = True
        letters[20:23, x : x + 9] = True
    speck = np.zeros(display.shape, dtype=bool)
    speck[12:15, 100:103] = True  # a dark speck 5 px above one letter
    display[letters | speck] = INK
    run = (10, 8, 250, 44)
    black = covered(glyph_boxes([display], run, 18, PixelPolicy.from_mapping()), display.shape)
    assert black[letters | speck].all()
    # the speck's rows are blacked out only around it, not along the whole row of letters
    assert not black[12:15, :80].any() and not black[12:15, 125:].any()
    above = black.copy()
    above[17:] = False
    assert not (above & ~within(speck, 4)).any()


def test_letter_rows_cut_a_joined_group_to_its_letters_rows() -> None:
    from cxrbuild.dicom.pixels import letter_rows

    glyphs = [(10, 20, 20, 44), (24, 20, 34, 44), (38, 20, 48, 44), (27, 10, 33, 18)]  # three letters, an accent
    group = (10, 10, 48, 44)
    parts = letter_rows(group, glyphs, 18, 3)
    assert (10, 20, 48, 44) in parts and (27, 10, 33, 18) in parts
    # with no letter-sized member the group is left whole (the text may be that small)
    assert letter_rows((0, 0, 40, 10), [(0, 0, 40, 10)], 18, 3) == [(0, 0, 40, 10)]
    # letters the cut found only in their upper half keep the rows of the word read over them
    halves = [(10, 20, 20, 36), (24, 20, 34, 36), (38, 20, 48, 36), (27, 36, 33, 44)]
    assert (10, 20, 48, 44) not in letter_rows((10, 20, 48, 44), halves, 18, 3)
    assert (10, 20, 48, 44) in letter_rows((10, 20, 48, 44), halves, 18, 3, words=[(8, 20, 50, 44)])
    # turned 90 degrees, rows and columns swap
    turned = letter_rows((10, 10, 44, 48), [(20, 10, 44, 20), (20, 24, 44, 34), (20, 38, 44, 48), (10, 27, 18, 33)], 18, 3, turned=True)
    assert (20, 10, 44, 48) in turned and (10, 27, 18, 33) in turned


def test_a_speck_well_above_big_letters_is_ground_and_an_accent_is_not() -> None:
    """In text 40 px tall a speck of the ground's texture 16 px above the letters is left, while an
    accent 4 px above a letter goes with it; along the row, a dot half a glyph height off still joins."""
    from cxrbuild.dicom.pixels import near_letters

    letter = (slice(40, 80), slice(20, 44))
    accent = (slice(32, 36), slice(28, 34))  # 4 px above the letter
    speck = (slice(20, 24), slice(28, 32))  # 16 px above it
    colon = (slice(60, 64), slice(60, 64))  # 16 px beside it, on its row
    kept = near_letters([letter, accent, speck, colon], 40, across=10)
    assert letter in kept and accent in kept and colon in kept
    assert speck not in kept
    # turned 90 degrees, above and below are left and right
    turned = near_letters([(letter[1], letter[0]), (accent[1], accent[0]), (speck[1], speck[0])], 40, across=10, turned=True)
    assert (speck[1], speck[0]) not in turned and (accent[1], accent[0]) in turned
    # without ``across`` a mark half a glyph height off either way is kept, as before
    assert speck in near_letters([letter, speck], 40)


def test_glyphs_joined_to_the_ground_keep_to_the_rows_of_the_words_read_over_them() -> None:
    """A piece of ink twice as tall as the text (its letters joined to a panel's rim or the texture
    around them) is blacked out over the rows of the word read over it, grown by the margin, not over
    its own box; with no word read over it, its box stays (its rows are the only ones known)."""
    from cxrbuild.dicom.pixels import letter_rows

    merged = (100, 10, 400, 90)  # a piece 80 px tall in text 40 px tall
    word = (104, 30, 396, 70)
    parts = letter_rows(merged, [merged], 40, 3, words=[word])
    assert parts == [(100, 27, 400, 73)]
    assert letter_rows(merged, [merged], 40, 3) == [merged]



def test_the_comma_between_two_phi_words_in_wide_monospace_is_theirs() -> None:
    """In a console's wide monospace the comma between a surname and a first name stands more than
    half a glyph height from either word, and at 10 px text it is a speck of two pixels, like the
    ground's noise: it lies in the gap between two words read as PHI, so it goes with them; a speck
    as far off beyond the last word stays."""
    from cxrbuild.dicom.pixels import PixelPolicy, glyph_boxes

    display = np.full((40, 300), GROUND, dtype=np.uint8)
    for x in range(20, 80, 12):  # five letters 10 px tall, 12 px apart
        display[14:24, x : x + 6] = INK
    comma = (slice(22, 24), slice(84, 85))  # two pixels, 10 px past the last letter
    display[comma] = INK
    for x in range(100, 148, 12):  # four more letters
        display[14:24, x : x + 6] = INK
    display[22:24, 166:167] = INK  # a speck as small, 20 px past the second word
    words = [(20, 14, 74, 24), (100, 14, 142, 24)]
    run = (14, 8, 190, 32)
    black = covered(glyph_boxes([display], run, 10, PixelPolicy.from_mapping(), words=words), display.shape)
    assert black[comma].all()
    assert not black[22:24, 166:167].any()



def test_the_parts_of_a_box_outside_holes_cover_it_but_them() -> None:
    from cxrbuild.dicom.boxes import outside

    box, holes = (0, 0, 40, 30), [(10, 5, 20, 15), (30, 20, 50, 40)]
    parts = outside(box, holes)
    expected = np.ones((30, 40), dtype=bool)
    for x0, y0, x1, y1 in holes:
        expected[y0:y1, x0:x1] = False
    assert np.array_equal(covered(parts, (30, 40)), expected)
    assert outside(box, [(50, 50, 60, 60)]) == [box]


def test_a_kept_letter_beside_phi_words_on_its_row_is_not_spared_by_its_box() -> None:
    """A middle initial read as a marker letter ("KOWALCZYK, BRONISLAW C") stands beside the name on its row: its
    box is no marker's to keep whole; a lead letter rows away from any PHI word is."""
    from cxrbuild.dicom.pixels import _beside_any

    name = [(20, 10, 90, 20), (100, 10, 160, 20)]
    assert _beside_any((168, 10, 175, 20), name)  # the initial, a few pixels past the name
    assert not _beside_any((168, 60, 200, 100), name)  # a lead marker below the name
    assert not _beside_any((400, 10, 410, 20), name)  # a letter far along the row


def test_near_strokes_cuts_letters_on_a_smooth_ground_that_is_not_flat() -> None:
    """Letters over a smooth part of the picture (a gradient across the run): the ground is the value
    around each pixel, and what is blacked out keeps to the strokes' neighbourhood as on a panel."""
    display = np.tile(np.linspace(60, 180, 240), (70, 1)).astype(np.uint8)
    found = np.zeros(display.shape, dtype=bool)
    found[10:60, 20:25] = True
    found[10:60, 200:205] = True
    display[found] = 250
    boxes = near_strokes((10, 5, 215, 65), found, (0, 0), [display])
    black = covered(boxes, display.shape)
    assert black[found].all()
    assert not (black & ~within(found, 8)).any()


def test_a_faint_letter_the_cut_missed_on_a_gradient_is_still_blacked_out() -> None:
    """On a gradient a letter the cut did not find, standing off the ground by far less than the found strokes
    do (a grey word beside white ones), differs from the ground more than the ground's own texture: it stays
    in what is blacked out."""
    rng = np.random.default_rng(3)
    display = np.tile(np.linspace(50, 170, 240), (70, 1)) + rng.normal(0, 2, (70, 240))
    found = np.zeros(display.shape, dtype=bool)
    found[10:60, 20:25] = True
    display[found] = 250
    faint = np.zeros(display.shape, dtype=bool)
    faint[16:56, 140:143] = True  # an "L" 25 levels off its ground, a seventh of the strokes' contrast
    faint[53:56, 140:158] = True
    display[faint] += 25
    display = np.clip(display, 0, 255).astype(np.uint8)
    black = covered(near_strokes((10, 5, 215, 65), found, (0, 0), [display]), display.shape)
    assert black[found].all() and black[faint].all()


def test_an_initial_in_letter_spaced_monospace_joins_the_name_on_its_row() -> None:
    """An initial no reader made out ("K.   BROOKE", letter-spaced monospace 9 px tall) stands almost three
    glyph heights before the surname read as PHI: as tall as its glyphs and within its rows, it is a word of
    the name's line; a stray as far off but smaller or off the row is not."""
    from cxrbuild.dicom.phiruns import join_runs

    run = ((230, 40, 300, 58), 9)  # the surname's run: the line's rows, glyphs 9 px tall
    initial = ((200, 44, 207, 53), 9)  # 23 px before it
    speck = ((200, 46, 205, 51), 5)  # a smaller mark 25 px off, in the row
    below = ((200, 56, 207, 65), 9)  # as tall, but half off the row
    joined = join_runs([run], kept=[], strays=[initial, below])
    assert [box for box, _ in joined] == [(200, 40, 300, 58)]
    assert join_runs([run], kept=[], strays=[speck]) == [run]
    assert join_runs([run], kept=[], strays=[below]) == [run]
    # a kept word between them keeps them apart
    assert join_runs([run], kept=[(212, 44, 224, 53)], strays=[initial]) == [run]
    # a run grown over rows of texture has no rows of its own: a mark as far off in them is no word of it
    grown = ((230, 10, 300, 100), 9)
    assert join_runs([grown], kept=[], strays=[((200, 44, 207, 53), 9)]) == [grown]


def test_a_faint_letter_on_a_noisy_gradient_is_blacked_out_where_it_stands_off_the_texture() -> None:
    """On a gradient with grain (anatomy's), a letter the cut missed, 30 levels off its ground where the grain
    is about 8: what stands off the local ground more than half again the grain's strongest is no ground."""
    rng = np.random.default_rng(11)
    display = np.tile(np.linspace(40, 160, 240), (70, 1)) + rng.normal(0, 8, (70, 240))
    found = np.zeros(display.shape, dtype=bool)
    for x in (20, 34, 48):  # three white strokes the cut found
        found[10:60, x : x + 5] = True
    display[found] = 250
    faint = np.zeros(display.shape, dtype=bool)
    faint[16:56, 140:144] = True  # an "L" nobody found
    faint[52:56, 140:160] = True
    display[faint] += 30
    display = np.clip(display, 0, 255).astype(np.uint8)
    black = covered(near_strokes((10, 5, 215, 65), found, (0, 0), [display]), display.shape)
    assert black[found].all()
    assert black[faint].mean() >= 0.9


def test_a_detection_box_off_the_read_line_with_no_strokes_is_ground() -> None:
    """The detection's box reaching below a label onto the picture (anatomy beneath a panel), with no
    stroke in it, is not a letter of the line read there: its pixels keep their values. A box the
    detection found within the line's rows (a faint letter the cut missed) is still blacked out."""
    from cxrbuild.dicom.pixels import PixelPolicy, glyph_boxes

    display = np.full((120, 300), GROUND, dtype=np.uint8)
    strokes = np.zeros(display.shape, dtype=bool)
    for left in range(40, 120, 10):
        strokes[20:36, left:left + 4] = True  # the letters of a word read as PHI, 16 px tall
    display[strokes] = INK
    display[20:36, 128:138] = GROUND - 3  # a faint letter on the line the cut cannot find
    detected = np.zeros(display.shape, dtype=bool)
    detected[20:36, 38:122] = True
    detected[20:36, 127:139] = True
    detected[54:84, 60:140] = True  # the detection's box on the ground below the line: no stroke there
    run = (30, 14, 160, 90)  # the run grown to a line box that took in the ground below
    boxes = glyph_boxes([display], run, 16, PixelPolicy.from_mapping(), detected=detected,
                        words=[(38, 20, 139, 36)], detected_strokes=strokes)
    black = covered(boxes, display.shape)
    assert black[strokes].all() and black[20:36, 128:138].all(), boxes
    assert not black[46:, :].any(), boxes


def test_a_detection_box_off_the_read_line_as_tall_as_a_line_of_text_is_blacked_out() -> None:
    """Fail safe: a box the detection marked below the line read, no stroke in it but as tall as a line of
    the run's text, may be a faint line nothing read: it is blacked out as before."""
    from cxrbuild.dicom.pixels import PixelPolicy, glyph_boxes

    display = np.full((120, 300), GROUND, dtype=np.uint8)
    strokes = np.zeros(display.shape, dtype=bool)
    for left in range(40, 120, 10):
        strokes[20:36, left:left + 4] = True
    display[strokes] = INK
    display[44:60, 40:140] = GROUND - 3  # a faint line below, the cut finds nothing in it
    detected = np.zeros(display.shape, dtype=bool)
    detected[20:36, 38:122] = True
    detected[44:60, 38:142] = True
    boxes = glyph_boxes([display], (30, 14, 160, 90), 16, PixelPolicy.from_mapping(), detected=detected,
                        words=[(38, 20, 122, 36)], detected_strokes=strokes)
    assert covered(boxes, display.shape)[44:60, 40:140].all(), boxes
