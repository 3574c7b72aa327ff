"""Burned-in text where the search scale and the line direction used to hide it.

Small text along the border of a full-size frame (searched at a reduced
scale, where it is a few pixels tall), lines turned 90 degrees either way
(side bands), and a column of glyph-like shapes in the anatomy that is not text;
a turned line no reader makes out (a flipped film) is still text when the learned
detector sees it upright, but not a column cut through upright labels; a line of a
stacked label block is a band for the detector though lines lie just above and below;
7 px letters on a full-size frame, which the learned detector cannot see there: a block
of haloed lines the stroke planes see as one solid shape, and a word run together that
no reader makes out, which the detector sees up close.
The names and numbers are invented for these tests.
"""

from __future__ import annotations

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from cxrbuild.dicom.pixels import PixelPolicy, clean_pixels
from cxrbuild.dicom.reading import LineReading, crosses_rows
from cxrbuild.dicom.scenetext import SceneText
from cxrbuild.dicom.textdetect import DetectionSettings, TextLine, search_scale
from tests.test_pixels_units import make_dataset, phantom, roundtrip

BITS = 12
TOP = (1 << BITS) - 1


def rendered(text: str, size: int) -> np.ndarray:
    """Coverage in [0, 1] of ``text`` on a canvas just large enough for it."""
    font = ImageFont.load_default(size=size)
    _, _, x1, y1 = font.getbbox(text)
    canvas = Image.new("L", (x1 + 4, y1 + 4), 0)
    ImageDraw.Draw(canvas).text((2, 2), text, font=font, fill=255)
    return np.asarray(canvas, dtype=np.float32) / 255.0


def stamp(levels: np.ndarray, alpha: np.ndarray, x: int, y: int, level: float) -> np.ndarray:
    """``alpha`` blended into ``levels`` at (x, y) with display level ``level``; returns the frame's coverage."""
    coverage = np.zeros(levels.shape, dtype=np.float32)
    coverage[y : y + alpha.shape[0], x : x + alpha.shape[1]] = alpha
    levels *= 1 - coverage
    levels += level * coverage
    return coverage


def stored(levels: np.ndarray) -> np.ndarray:
    return np.round(np.clip(levels, 0, 1) * TOP).astype(np.uint16)


def blacked(after: np.ndarray, before: np.ndarray, coverage: np.ndarray) -> float:
    """Share of the glyph pixels (coverage over half) shown black (the image's darkest value)."""
    glyphs = coverage > 0.5
    return float((after[glyphs] == before.min()).mean())


def test_small_text_on_the_border_of_a_full_size_frame_is_found_at_full_resolution() -> None:
    shape = (2400, 2000)
    assert search_scale(shape, DetectionSettings()) > 1  # the frame is searched at a reduced scale
    levels = phantom(shape, seed=3)
    alpha = rendered("WALLACE PRUDENCE 11/02/1948", 11)  # capitals about 8 px tall
    inked = np.flatnonzero(alpha.max(axis=1) > 0.5)
    assert inked[-1] - inked[0] < 14  # a few pixels at the search scale
    coverage = stamp(levels, alpha, 14, 8, 0.97)
    pixels = stored(levels)
    deny = ["WALLACE^PRUDENCE"]

    ds = make_dataset(pixels.copy(), bits_stored=BITS)
    clean_pixels(ds, deny, PixelPolicy.from_mapping())
    assert blacked(roundtrip(ds).pixel_array, pixels, coverage) >= 0.99


@pytest.mark.parametrize("turns", [1, 3])
def test_a_line_turned_either_way_is_read_and_its_phi_removed(turns: int) -> None:
    shape = (900, 700)
    levels = phantom(shape, seed=5)
    phi = np.rot90(rendered("OKAFOR DESMOND 1962-07-19", 20), turns)
    marker = np.rot90(rendered("PORTABLE", 20), turns)
    phi_coverage = stamp(levels, phi, 12, 120, 0.96)
    marker_coverage = stamp(levels, marker, 660, 300, 0.96)
    pixels = stored(levels)
    ds = make_dataset(pixels.copy(), bits_stored=BITS)
    result = clean_pixels(ds, ["OKAFOR^DESMOND"], PixelPolicy.from_mapping())
    after = roundtrip(ds).pixel_array
    assert blacked(after, pixels, phi_coverage) >= 0.99
    touched = marker_coverage > 0
    assert np.array_equal(after[touched], pixels[touched])
    assert any(region.decision == "keep" and "PORTABLE" in region.text.upper() for region in result.regions)


def test_a_column_of_vertebra_like_shapes_is_not_text() -> None:
    shape = (900, 700)
    levels = phantom(shape, seed=7)
    rows, cols = np.mgrid[0 : shape[0], 0 : shape[1]]
    for index in range(7):  # stacked rounded bodies, bright, a glyph's size apart
        centre_y = 250 + index * 22
        levels[((cols - 350) / 9.0) ** 2 + ((rows - centre_y) / 7.0) ** 2 <= 1] = 0.9
    pixels = stored(levels)
    ds = make_dataset(pixels.copy(), bits_stored=BITS)
    result = clean_pixels(ds, [], PixelPolicy.from_mapping())
    assert result.boxes == []
    assert np.array_equal(roundtrip(ds).pixel_array, pixels)


def test_the_detector_confirms_a_band_along_a_line_but_not_a_broad_texture() -> None:
    probability = np.zeros((200, 200), dtype=np.float32)
    probability[40:52, 20:120] = 0.9  # a line of text: a band
    probability[100:200, 0:200] = 0.8  # texture the detector fires on: a broad region
    seen = SceneText([], probability, (400, 400))  # the frame is twice the detector's size
    assert seen.sees(14) and not seen.sees(10)  # 7 and 5 px at its scale
    assert seen.finds_line((40, 80, 240, 104), glyph_height=14, threshold=0.3)
    assert not seen.finds_line((40, 300, 240, 324), glyph_height=14, threshold=0.3)  # inside the texture
    assert not seen.finds_line((300, 20, 380, 44), glyph_height=14, threshold=0.3)  # nothing there


def test_a_line_of_a_stacked_label_block_is_a_band_though_lines_lie_just_above_and_below() -> None:
    probability = np.zeros((200, 200), dtype=np.float32)
    for top in (30, 44, 58):  # three lines of a label block, 10 detector rows tall, 4 rows apart
        probability[top : top + 10, 20:150] = 0.95
    probability[120:200, 0:200] = 0.8  # broad texture
    seen = SceneText([], probability, (400, 400))
    assert seen.finds_line((40, 88, 300, 108), glyph_height=16, threshold=0.3)  # the middle line
    assert seen.finds_line((40, 60, 300, 80), glyph_height=16, threshold=0.3)  # the top line
    assert not seen.finds_line((40, 300, 300, 320), glyph_height=16, threshold=0.3)  # inside the texture
    at_edge = SceneText([], np.zeros((200, 200), dtype=np.float32), (400, 400))
    at_edge.probability[0:10, 20:150] = 0.95  # a line along the frame's top edge
    assert at_edge.finds_line((40, 0, 300, 20), glyph_height=16, threshold=0.3)


def test_only_the_glyphs_of_removed_words_are_blacked_not_the_ground_between_them() -> None:
    shape = (500, 700)
    levels = phantom(shape, seed=11)
    name = rendered("HOLLOWAY", 24)
    number = rendered("40917735", 24)
    name_coverage = stamp(levels, name, 20, 30, 0.97)
    number_coverage = stamp(levels, number, 20 + name.shape[1] + 16, 30, 0.97)  # a word space between
    pixels = stored(levels)
    inked = np.flatnonzero((name_coverage + number_coverage).max(axis=0) > 0)
    end_of_name = int(inked[inked < 20 + name.shape[1]].max())
    start_of_number = int(inked[inked > end_of_name + 1].min())
    assert start_of_number - end_of_name > 12
    gap = np.zeros(shape, dtype=bool)  # the ground between the words, beyond the glyphs' margin
    gap[30 : 30 + name.shape[0], end_of_name + 5 : start_of_number - 5] = True
    deny = ["HOLLOWAY^IRIS", "40917735"]

    ds = make_dataset(pixels.copy(), bits_stored=BITS)
    result = clean_pixels(ds, deny, PixelPolicy.from_mapping())
    after = roundtrip(ds).pixel_array
    for coverage in (name_coverage, number_coverage):
        assert blacked(after, pixels, coverage) >= 0.99
    assert np.array_equal(after[gap], pixels[gap])
    assert len(result.boxes) >= 2

    # a padded rectangle per run of PHI words (the former blackout) takes the gap with it
    ds = make_dataset(pixels.copy(), bits_stored=BITS)
    clean_pixels(ds, deny, PixelPolicy.from_mapping({"glyph_tight": False}))
    assert not np.array_equal(roundtrip(ds).pixel_array[gap], pixels[gap])


@pytest.mark.parametrize(("size", "level", "top"), [(30, 0.98, 300), (24, 0.7, 300), (30, 0.98, 0)])
def test_a_turned_and_mirrored_number_no_reader_makes_out_is_still_removed(size: int, level: float, top: int) -> None:
    shape = (1200, 900)
    levels = phantom(shape, seed=17)
    number = np.ascontiguousarray(rendered("40717355", size).T)  # down the side of a flipped film
    coverage = stamp(levels, number, 820, top, level)  # (top 0: from the frame's top edge)
    pixels = stored(levels)
    ds = make_dataset(pixels.copy(), bits_stored=BITS)
    clean_pixels(ds, [], PixelPolicy.from_mapping())
    assert blacked(roundtrip(ds).pixel_array, pixels, coverage) >= 0.99


def _line(box: tuple[int, int, int, int], n_glyphs: int, transposed: bool = False) -> TextLine:
    x0, y0, x1, y1 = box
    return TextLine(box, 12, n_glyphs, "bright", np.zeros((y1 - y0, x1 - x0), dtype=bool), transposed=transposed)


def test_a_column_through_upright_labels_is_no_turned_line() -> None:
    column = _line((320, 208, 350, 272), 4, transposed=True)  # the glyphs of three short labels, one a line
    stack = [_line((320, 209, 344, 229), 2), _line((321, 231, 343, 249), 2), _line((320, 253, 352, 270), 3)]
    labels = [LineReading([("kV", 88.0, (0, 0, 14, 11))]), LineReading([("90", 61.0, (0, 0, 12, 11))]),
              LineReading([("mAs", 70.0, (0, 0, 22, 11))])]
    garbled = LineReading([("ze", 26.0, (0, 0, 40, 12))])  # what the column reads turned
    assert crosses_rows(0, [column, *stack], [garbled, *labels])
    # a real turned line reads better turned than its glyphs read as rows
    number = LineReading([("40717355", 71.0, (0, 0, 60, 12))])
    assert not crosses_rows(0, [column, *stack], [number, *labels])
    # the first letters of wide stacked lines stand in a column too
    rows = [_line((300, 210, 520, 228), 12), _line((300, 232, 530, 250), 14)]
    nothing = LineReading([])
    assert crosses_rows(0, [column, *rows], [number, nothing, nothing])
    # alone, a column is a turned line
    assert not crosses_rows(0, [column], [garbled])
    # two turned columns side by side: the upright "lines" across them are pairs of glyphs, not stacked labels
    pairs = [_line((300, 210 + 14 * k, 352, 222 + 14 * k), 2) for k in range(4)]
    junk = [LineReading([("ao", 52.0, (0, 0, 20, 12))]) for _ in pairs]
    assert not crosses_rows(0, [column, *pairs], [number, *junk])


def test_the_images_own_identifier_read_unsurely_is_still_phi() -> None:
    from cxrbuild.dicom.phitext import DenyList
    from cxrbuild.dicom.reading import reads_as_phi

    policy = PixelPolicy.from_mapping()
    deny = DenyList(["PRZYBYLSKA^HALINA", "AL"])
    # a turned name read nearly right, with less than the verification's confidence
    assert reads_as_phi([("PRZYBYLSKA“HALINA", 44.0, (0, 0, 200, 14))], policy, deny)
    # below a marker's confidence it is no reading at all, and a short entry read unsurely is chance
    assert not reads_as_phi([("PRZYBYLSKA", 20.0, (0, 0, 120, 14))], policy, deny)
    assert not reads_as_phi([("AL", 44.0, (0, 0, 20, 14))], policy, deny)


def tracked(text: str, size: int, spacing: float) -> np.ndarray:
    """Coverage of ``text`` with each character set ``spacing`` times the font's advance apart
    (a console's wide monospace), on a canvas just large enough for it."""
    font = ImageFont.load_default(size=size)
    advance = font.getbbox("M")[2] * spacing
    canvas = Image.new("L", (int(advance * len(text)) + 8, size + 8), 0)
    draw = ImageDraw.Draw(canvas)
    for index, char in enumerate(text):
        draw.text((4 + index * advance, 2), char, font=font, fill=255)
    return np.asarray(canvas, dtype=np.float32) / 255.0


@pytest.mark.parametrize("field", ["OSTROWSKI, HALINA", "27.03.1951"])
def test_the_punctuation_between_removed_words_in_wide_monospace_goes_with_them(field: str) -> None:
    shape = (700, 900)
    levels = phantom(shape, seed=23)
    levels[40:90, 30:700] = 0.95  # a light label panel
    coverage = stamp(levels, tracked(field, 14, 1.6), 40, 50, 0.1)
    pixels = stored(levels)
    ds = make_dataset(pixels.copy(), bits_stored=BITS)
    clean_pixels(ds, ["OSTROWSKI^HALINA"], PixelPolicy.from_mapping())
    assert blacked(roundtrip(ds).pixel_array, pixels, coverage) >= 0.99


def test_the_detector_confirms_a_plane_line_it_sees_as_one_of_its_own_lines() -> None:
    from cxrbuild.dicom.scenetext import SceneTextLine, confirms_line

    line = _line((406, 217, 473, 237), 6)  # thin letters off one baseline, found as strokes
    line.glyph_height = 9
    band = SceneText([SceneTextLine((413, 217, 464, 236), 0.8)], np.zeros((10, 10)), (1000, 1000))
    blob = SceneText([SceneTextLine((380, 150, 520, 300), 0.8)], np.zeros((10, 10)), (1000, 1000))
    elsewhere = SceneText([SceneTextLine((600, 217, 660, 236), 0.8)], np.zeros((10, 10)), (1000, 1000))
    assert confirms_line(line, band)
    assert not confirms_line(line, blob)  # texture the detector fires on, not a band of this line
    assert not confirms_line(line, elsewhere)
    assert not confirms_line(line, None)
    own = TextLine((413, 217, 464, 236), 9, 5, "learned", np.zeros((19, 51), dtype=bool))
    assert not confirms_line(own, band)  # the detector's own line is no second witness of itself
    big = _line((600, 1140, 860, 1280), 4)  # lead markers and an object, as strokes
    big.glyph_height = 110
    over = SceneText([SceneTextLine((600, 1140, 860, 1280), 0.8)], np.zeros((10, 10)), (3000, 3000))
    assert not confirms_line(big, over)


def test_glyphs_off_one_baseline_are_text_only_when_the_detector_confirms_them() -> None:
    from cxrbuild.dicom.reading import is_text

    policy = PixelPolicy.from_mapping()
    line = _line((406, 217, 473, 237), 6)
    line.aligned = 0.6  # below the policy's alignment: bone edges and noise look like this too
    unread = LineReading([("ds", 25.0, (0, 0, 15, 16)), ("weste", 2.0, (20, 0, 65, 16))])
    assert not is_text(line, unread, policy)
    line.witnessed = True
    assert is_text(line, unread, policy)


def test_two_word_wide_pieces_in_a_label_panel_are_text_whatever_they_read() -> None:
    from cxrbuild.dicom.reading import is_text

    policy = PixelPolicy.from_mapping()
    # small letters run together in the holes of a flat panel: two pieces, each a word wide
    line = TextLine((2238, 82, 2392, 102), 12, 2, "spike 2951 holes", np.zeros((20, 154), dtype=bool),
                    glyph_boxes=[(2242, 86, 2299, 99), (2309, 86, 2388, 99)])
    unread = LineReading([("WARDAR", 47.0, (0, 0, 60, 14)), ("RA768575683", 19.0, (70, 0, 150, 14))])
    assert is_text(line, unread, policy)
    # two pieces a glyph wide each are not words of touching letters
    line.glyph_boxes = [(2242, 86, 2252, 99), (2309, 86, 2318, 99)]
    assert not is_text(line, unread, policy)


def _word_across_two_grounds(noise: float) -> tuple[np.ndarray, tuple[int, int, int, int], int, int]:
    """A white "LEFT" whose first letter stands on bright anatomy and the rest on a dark ground, and a learned
    box that begins at its second letter: the frame, the box, and the first letter's first and last columns."""
    rng = np.random.default_rng(11)
    levels = np.full((140, 420), 0.45, dtype=np.float32)
    levels[:, :160] = 0.86 + rng.normal(0.0, noise, (140, 160)).astype(np.float32)
    letter = rendered("L", 44)
    letter_cols = np.flatnonzero(letter.max(axis=0) > 0.5)
    word = rendered("LEFT", 44)
    x = 158 - int(letter_cols[-1])  # the L ends at column 158, on the bright ground
    stamp(levels, word, x, 40, 1.0)
    ink = np.flatnonzero(word.max(axis=0) > 0.5) + x
    rows = np.flatnonzero(word.max(axis=1) > 0.5) + 40
    second = int(ink[ink > 160][0])  # the E's first column
    box = (second - 3, int(rows[0]) - 6, int(ink[-1]) + 5, int(rows[-1]) + 7)
    shown = np.round(np.clip(levels, 0, 1) * 255).astype(np.uint8)
    return shown, box, int(letter_cols[0]) + x, int(letter_cols[-1]) + x


def test_a_learned_box_that_cuts_off_a_lines_first_letter_grows_over_it() -> None:
    from cxrbuild.dicom import ocr
    from cxrbuild.dicom.reading import read_line
    from cxrbuild.dicom.textdetect import line_in_box

    shown, box, first, last = _word_across_two_grounds(noise=0.0)
    line = line_in_box(box, shown, shown, DetectionSettings(), 80)
    assert line is not None and line.box[0] <= first
    assert line.mask[:, first - line.box[0]:last - line.box[0]].any()  # the L's strokes, on its brighter ground
    ocr.start()
    assert "".join(text for text, _conf, _box in read_line(line, {}).words).upper() == "LEFT"


def test_texture_at_the_glyphs_value_beside_a_learned_box_does_not_grow_it() -> None:
    from cxrbuild.dicom.textdetect import line_in_box

    shown, box, _first, _last = _word_across_two_grounds(noise=0.0)
    shown[:, :161] = np.round(np.clip(0.86 + np.random.default_rng(5).normal(0.0, 0.02, (140, 161)), 0, 1) * 255)
    line = line_in_box(box, shown, shown, DetectionSettings(), 80)
    assert line is not None and line.box[0] == box[0]


def test_a_learned_box_does_not_grow_over_a_panel_or_a_word_beside_it() -> None:
    """A bright piece of the letters' height just past the box's end, but as wide as a word (a field's panel,
    joined letters), is no letter the box cut off."""
    from cxrbuild.dicom.textdetect import line_in_box

    levels = np.full((140, 420), 0.45, dtype=np.float32)
    word = rendered("AP", 44)
    stamp(levels, word, 60, 40, 1.0)
    ink = np.flatnonzero(word.max(axis=0) > 0.5) + 60
    rows = np.flatnonzero(word.max(axis=1) > 0.5) + 40
    levels[int(rows[0]) : int(rows[-1]) + 1, int(ink[-1]) + 8 : int(ink[-1]) + 8 + 4 * len(rows)] = 1.0
    shown = np.round(np.clip(levels, 0, 1) * 255).astype(np.uint8)
    box = (int(ink[0]) - 3, int(rows[0]) - 6, int(ink[-1]) + 3, int(rows[-1]) + 7)
    line = line_in_box(box, shown, shown, DetectionSettings(), 80)
    assert line is not None and line.box[2] == box[2]


def test_a_learned_box_ending_in_the_next_words_first_letter_does_not_take_it() -> None:
    """The box of "NO" may reach into the G of "GRID" beside it: a letter a word's space from the box's letters
    is the next word's, and the box does not grow over it (read "NOG", the label would be judged a name)."""
    from cxrbuild.dicom.textdetect import line_in_box

    levels = np.full((140, 520), 0.45, dtype=np.float32)
    label = rendered("NO GRID", 44)
    stamp(levels, label, 40, 40, 1.0)
    shown = np.round(np.clip(levels, 0, 1) * 255).astype(np.uint8)
    columns = np.flatnonzero(label.max(axis=0) > 0.5) + 40
    rows = np.flatnonzero(label.max(axis=1) > 0.5) + 40
    breaks = np.flatnonzero(np.diff(columns) > 1)
    space = int(np.argmax(columns[breaks + 1] - columns[breaks]))  # the widest gap: between the words
    g_left = int(columns[breaks[space] + 1])
    box = (int(columns[0]) - 3, int(rows[0]) - 6, g_left + 6, int(rows[-1]) + 7)  # six columns into the G
    line = line_in_box(box, shown, shown, DetectionSettings(), 80)
    assert line is not None and line.box[2] == box[2]


def test_columns_of_turned_fields_are_blacked_out_along_their_columns_only() -> None:
    """Four fields turned 90 degrees side by side down the edge of the frame: seen upright, their
    columns are a row of tall "glyphs" read as junk; that reading must not grow a run of the columns'
    length along its row into the picture. The turned lines' own reading removes them."""
    from scipy import ndimage

    shape = (2000, 1700)
    levels = phantom(shape, seed=23)
    coverage = np.zeros(shape, dtype=np.float32)
    for k, text in enumerate(("ID: 58213907", "ACC: 770412956", "OSWALDO PRIETO", "04:55 PM")):
        column = np.ascontiguousarray(np.rot90(rendered(text, 44)))  # read bottom to top
        coverage = np.maximum(coverage, stamp(levels, column, 1380 + 70 * k, 500, 0.95))
    pixels = stored(levels)
    ds = make_dataset(pixels.copy(), bits_stored=BITS)
    clean_pixels(ds, ["OSWALDO PRIETO", "58213907", "770412956"], PixelPolicy.from_mapping())
    after = roundtrip(ds).pixel_array
    assert blacked(after, pixels, coverage) >= 0.99
    near = ndimage.binary_dilation(coverage > 0.05, iterations=8, structure=np.ones((3, 3), dtype=bool))
    assert np.count_nonzero((after != pixels) & ~near) < 300


def test_an_upright_reading_inside_words_turned_lines_remove_is_left_to_them() -> None:
    from cxrbuild.dicom.reading import TextRegion, read_across_turned

    turned = [_line((400, 100, 450, 600), 10, transposed=True), _line((460, 100, 510, 520), 9, transposed=True)]
    across = _line((400, 300, 510, 420), 2)
    across.mask[:, 0:50] = True  # its "glyphs": slices of the two columns, and the ground between them
    across.mask[:, 60:110] = True
    junk = [TextRegion((400, 300, 510, 420), "oF", "phi", "name_like")]
    named = [TextRegion((400, 300, 510, 420), "PRIETO", "phi", "deny-list")]
    beside = _line((380, 300, 520, 420), 2)  # reaching well past the columns
    beside.mask[:] = True
    judged = [(line, []) for line in turned] + [(across, junk), (beside, junk)]
    removed = [(400, 250, 450, 600), (460, 280, 510, 520)]  # the turned words removed, in frame coordinates
    left = [line for line, _ in read_across_turned(judged, removed)]
    assert across not in left and beside in left and all(line in left for line in turned)
    # strong evidence read upright stays, and with no word removed by a turned line nothing is left out
    assert across in [line for line, _ in read_across_turned([(across, named)], removed)]
    assert across in [line for line, _ in read_across_turned([(across, junk)], [])]
    # an upright word over a turned line's kept word ("PORTABLE" down the side) is no reading of a removed one
    assert across in [line for line, _ in read_across_turned([(across, junk)], [(400, 100, 450, 280), (460, 100, 510, 300)])]


def outlined(text: str, size: int) -> tuple[np.ndarray, np.ndarray]:
    """``text`` in white with a black outline: (display level, coverage), each in [0, 1]."""
    font = ImageFont.load_default(size=size)
    _, _, x1, y1 = font.getbbox(text, stroke_width=2)
    value, cover = (Image.new("L", (x1 + 6, y1 + 6), 0) for _ in range(2))
    ImageDraw.Draw(value).text((3, 3), text, font=font, fill=255, stroke_width=2, stroke_fill=0)
    ImageDraw.Draw(cover).text((3, 3), text, font=font, fill=255, stroke_width=2, stroke_fill=255)
    return np.asarray(value, dtype=np.float32) / 255.0, np.asarray(cover, dtype=np.float32) / 255.0


@pytest.mark.parametrize("text", ["Jx", "Vq"])
def test_a_short_word_the_frame_wide_detector_misses_is_looked_at_up_close(monkeypatch, text: str) -> None:
    """Two big outlined letters over a gradient, read with a lone glyph's confidence but not a word's: the
    frame-wide detector may give them no probability at all (as here, where its map is blank), and its veto
    would leave them. Shown the line up close, at its scale for text, the detector sees it."""
    from cxrbuild.dicom import scenetext

    shape = (1200, 1000)
    levels = phantom(shape, seed=5) * 0.3 + np.linspace(0.2, 0.6, shape[0])[:, None]
    value, cover = outlined(text, 30)
    y, x = 60, 900
    h, w = value.shape
    levels[y : y + h, x : x + w] = levels[y : y + h, x : x + w] * (1 - cover) + value * cover
    pixels = stored(levels)
    monkeypatch.setattr(
        scenetext, "learned_text", lambda display, settings: scenetext.SceneText([], np.zeros((416, 352)), display.shape)
    )
    ds = make_dataset(pixels.copy(), bits_stored=BITS)
    clean_pixels(ds, [], PixelPolicy.from_mapping())
    glyphs = np.zeros(shape, dtype=bool)
    glyphs[y : y + h, x : x + w] = value > 0.5
    assert float((roundtrip(ds).pixel_array[glyphs] == pixels.min()).mean()) >= 0.99


def test_texture_looked_at_up_close_is_no_line() -> None:
    from cxrbuild.dicom import scenetext
    from cxrbuild.dicom.textdetect import DetectionSettings

    def line(box: tuple[int, int, int, int]) -> TextLine:
        return TextLine(box, 24, 2, "max", np.zeros((box[3] - box[1], box[2] - box[0]), dtype=bool))

    levels = phantom((600, 600), seed=11)
    display = (np.clip(levels, 0, 1) * 255).astype(np.uint8)
    for box in ((100, 100, 160, 130), (300, 420, 420, 452), (40, 500, 90, 540)):
        assert not scenetext.sees_up_close(line(box), display, DetectionSettings())
    # a word there is a line
    value, cover = outlined("Jx", 30)
    levels[100 : 100 + value.shape[0], 200 : 200 + value.shape[1]] *= 1 - cover[:, :]
    levels[100 : 100 + value.shape[0], 200 : 200 + value.shape[1]] += value * cover
    display = (np.clip(levels, 0, 1) * 255).astype(np.uint8)
    assert scenetext.sees_up_close(line((200, 104, 200 + value.shape[1], 100 + value.shape[0])), display, DetectionSettings())


def haloed_block(lines: list[str], size: int, font_name: str = "DejaVuSans.ttf") -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Stacked ``lines`` with a one-pixel dark outline, as a viewer's overlay draws small captions:
    (display level of the letters and their halo, coverage of both, coverage of the letters alone)."""
    try:
        font = ImageFont.truetype(font_name, size)
    except OSError:
        font = ImageFont.load_default(size=size)
    pitch = size + 3
    width = max(int(font.getbbox(line, stroke_width=1)[2]) for line in lines) + 6
    value, cover, letters = (Image.new("L", (width, pitch * len(lines) + 6), 0) for _ in range(3))
    for row, line in enumerate(lines):
        at = (3, 3 + row * pitch)
        ImageDraw.Draw(value).text(at, line, font=font, fill=210, stroke_width=1, stroke_fill=15)
        ImageDraw.Draw(cover).text(at, line, font=font, fill=255, stroke_width=1, stroke_fill=255)
        ImageDraw.Draw(letters).text(at, line, font=font, fill=255)
    return tuple(np.asarray(image, dtype=np.float32) / 255.0 for image in (value, cover, letters))


def test_a_block_of_small_haloed_lines_in_a_corner_of_a_full_size_frame_is_removed() -> None:
    """Three lines of 7 px letters, light on a mid-grey ground with a dark outline, in the bottom corner of a
    2400 px frame: the learned detector cannot see them at its scale, so the full-resolution planes must.
    The stroke planes' opening and closing take the halo for the ground, so the ground between the halo's
    strokes stands out like the letters and the block is one solid shape, no glyph; cut from its own ground
    (the median around it) the block's letters part again, read and are removed."""
    shape = (2400, 2400)
    levels = phantom(shape, seed=7) * 0.2 + 0.45
    value, cover, letters = haloed_block(["OKAFOR, BENEDICT", "(626) 282-2725", "DOB 03/11/1951"], 9)
    inked = np.flatnonzero(letters[:, :].max(axis=1) > 0.5)
    assert letters.shape[0] < 60 and inked.size < 40  # three lines of letters a few px tall
    y, x = 2300, 2200
    h, w = value.shape
    levels[y : y + h, x : x + w] = levels[y : y + h, x : x + w] * (1 - cover) + value * cover
    pixels = stored(levels)
    ds = make_dataset(pixels.copy(), bits_stored=BITS)
    clean_pixels(ds, ["OKAFOR^BENEDICT"], PixelPolicy.from_mapping())
    after = roundtrip(ds).pixel_array
    glyphs = np.zeros(shape, dtype=bool)
    glyphs[y : y + h, x : x + w] = letters > 0.5
    pitch = 9 + 3
    for row in range(3):  # every line, not only the one a reader happened to make out
        band = np.zeros(shape, dtype=bool)
        band[y + 3 + row * pitch : y + 3 + (row + 1) * pitch] = True
        assert float((after[glyphs & band] == pixels.min()).mean()) >= 0.99, row
    near = np.zeros(shape, dtype=bool)
    near[y - 8 : y + h + 8, x - 8 : x + w + 8] = True
    assert np.array_equal(after[~near], pixels[~near])  # glyph-tight: nothing else changes


def test_a_small_word_no_reader_makes_out_is_removed_when_the_detector_sees_it_up_close() -> None:
    """Narrow bold italic digits 6-7 px tall, set tight so they run together into one piece, a little brighter
    than the anatomy they are drawn over on a full-size frame: they stand at no text value and on no panel, so
    only the stroke planes find them, OCR makes nothing of them and the frame-wide detector cannot see glyphs
    this small. Shown the line up close, the detector sees text: the piece is text, removed unread (fail safe),
    and nothing else changes."""
    try:
        font = ImageFont.truetype("LiberationSansNarrow-BoldItalic.ttf", 9)
    except OSError:
        pytest.skip("needs the Liberation Sans Narrow font")
    shape = (2400, 2200)
    rng = np.random.default_rng(3)
    levels = phantom(shape, seed=4) * 0.4 + 0.3
    layer = Image.new("L", (shape[1], shape[0]), 0)
    draw = ImageDraw.Draw(layer)
    x, y = 520, 90
    for digit in "00514904641":
        draw.text((x, y), digit, font=font, fill=255)
        x += int(font.getlength(digit)) - 1
    alpha = np.asarray(layer, dtype=np.float32) / 255.0
    inked = np.flatnonzero(alpha.max(axis=1) > 0.5)
    assert inked[-1] - inked[0] < 8
    levels = levels * (1 - alpha) + (levels + 0.2) * alpha + rng.normal(0, 0.008, shape)
    pixels = stored(levels)
    ds = make_dataset(pixels.copy(), bits_stored=BITS)
    clean_pixels(ds, [], PixelPolicy.from_mapping())
    after = roundtrip(ds).pixel_array
    glyphs = alpha > 0.5
    assert float((after[glyphs] == pixels.min()).mean()) >= 0.99
    near = np.zeros(shape, dtype=bool)
    near[y - 10 : y + 20, 510 : x + 10] = True
    assert np.array_equal(after[~near], pixels[~near])


def test_a_solid_stroke_shape_cut_from_its_ground_gives_letters_but_not_a_row_of_dots() -> None:
    """A stroke plane's solid shape searched at full resolution is cut again from its own ground: small letters
    part into glyphs of a line, but the round dots of a dotted lead marker, which fill most of their boxes as no
    letter does, are no line of text."""
    from cxrbuild.dicom import textdetect

    def lines_from_solid_shape(display: np.ndarray, box: tuple[int, int, int, int]) -> list[TextLine]:
        plane = np.zeros(display.shape, dtype=bool)
        x0, y0, x1, y1 = box
        plane[y0:y1, x0:x1] = True  # the stroke plane's one solid shape over the row, ground and all
        found: list[TextLine] = []
        textdetect._lines_of_planes(
            [("dark", plane, (0, 0))], display.astype(np.uint16), display, {}, DetectionSettings(), 1,
            {"dark": 12.0}, (4, 16), found, None, block_height=64,
        )
        return found

    rng = np.random.default_rng(2)
    ground = np.clip(rng.normal(130, 3, (400, 400)), 0, 255).astype(np.uint8)
    rows, cols = np.mgrid[0:400, 0:400]
    dots = ground.copy()
    for k in range(6):
        dots[(cols - (100 + 9 * k)) ** 2 + (rows - 200) ** 2 <= 3.6**2] = 30
    assert lines_from_solid_shape(dots, (94, 193, 152, 208)) == []
    letters = ground.copy()
    alpha = rendered("OKAFOR 1951", 9)
    h, w = alpha.shape
    letters[195 : 195 + h, 100 : 100 + w] = np.round(letters[195 : 195 + h, 100 : 100 + w] * (1 - alpha) + 30 * alpha).astype(np.uint8)
    found = lines_from_solid_shape(letters, (96, 193, 104 + w, 197 + h))
    assert any(line.plane == "dark" + textdetect.GROUND and line.n_glyphs >= 6 for line in found)
