"""Markers turned by any angle or mirrored are read upright and kept; turned names are still removed.

Images are drawn here: a marker's glyphs rendered with a TrueType font,
turned (and mirrored) as a lead marker or a console label can be, and
burned into a body-like phantom.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from PIL import Image, ImageDraw, ImageFont

from cxrbuild.dicom.boxes import Box
from cxrbuild.dicom.phitext import DenyList
from cxrbuild.dicom.pixels import PixelPolicy, clean_pixels
from cxrbuild.dicom.reading import TextRegion
from cxrbuild.dicom.textdetect import TextLine
from tests.test_pixels_units import make_dataset, phantom, roundtrip

FONT = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
pytestmark = pytest.mark.skipif(not FONT.exists(), reason="DejaVu fonts not installed")


@pytest.fixture(scope="module")
def policy() -> PixelPolicy:
    return PixelPolicy.from_mapping()


def glyphs(text: str, size: int, angle: float, mirror: bool) -> np.ndarray:
    """Coverage in [0, 1] of ``text`` drawn, mirrored left-right if asked, then turned
    ``angle`` degrees counter-clockwise."""
    font = ImageFont.truetype(str(FONT), size)
    x0, y0, x1, y1 = font.getbbox(text)
    canvas = Image.new("L", (x1 - x0 + 8, y1 - y0 + 8), 0)
    ImageDraw.Draw(canvas).text((4 - x0, 4 - y0), text, font=font, fill=255)
    if mirror:
        canvas = canvas.transpose(Image.Transpose.FLIP_LEFT_RIGHT)
    canvas = canvas.rotate(angle, resample=Image.BICUBIC, expand=True, fillcolor=0)
    return np.asarray(canvas, dtype=np.float32) / 255.0


def burn(items: list[tuple[np.ndarray, int, int, bool]], shape: tuple[int, int] = (400, 600)) -> tuple[np.ndarray, list[Box]]:
    """12-bit stored values of a phantom with each coverage pasted at (x, y): bright on the
    anatomy, or dark on a small light panel around it (as consoles draw markers); and the
    boxes of their ink."""
    levels = phantom(shape)
    boxes = []
    for alpha, x, y, panel in items:
        h, w = alpha.shape
        area = (slice(y, y + h), slice(x, x + w))
        if panel:
            levels[y - 10 : y + h + 10, x - 10 : x + w + 10] = 0.9
            levels[area] = levels[area] * (1 - alpha) + 0.1 * alpha
        else:
            levels[area] = levels[area] * (1 - alpha) + alpha
        ys, xs = np.nonzero(alpha > 0.05)
        boxes.append((x + int(xs.min()), y + int(ys.min()), x + int(xs.max()) + 1, y + int(ys.max()) + 1))
    return np.round(levels * 4095).astype(np.uint16), boxes


def untouched(before: np.ndarray, after: np.ndarray, box: Box) -> bool:
    x0, y0, x1, y1 = box
    return bool(np.array_equal(before[y0:y1, x0:x1], after[y0:y1, x0:x1]))


def blacked(before: np.ndarray, after: np.ndarray, alpha: np.ndarray, x: int, y: int) -> float:
    """The share of a drawn item's ink pixels set to the black value."""
    h, w = alpha.shape
    ink = alpha > 0.5
    return float((after[y : y + h, x : x + w][ink] == before.min()).mean())


@pytest.mark.parametrize(
    ("text", "size", "angle", "mirror", "panel"),
    [
        ("R", 40, 180.0, False, False),
        ("LT", 30, 0.0, True, False),
        ("LT", 30, 128.0, False, True),
        ("RT", 30, 134.0, False, True),
    ],
)
def test_turned_or_mirrored_marker_is_kept(
    text: str, size: int, angle: float, mirror: bool, panel: bool, policy: PixelPolicy
) -> None:
    marker = glyphs(text, size, angle, mirror)
    stored, (box,) = burn([(marker, 430, 250, panel)])
    ds = make_dataset(stored)
    result = clean_pixels(ds, ["SMITH^JOHN"], policy)
    after = roundtrip(ds).pixel_array
    assert untouched(stored, after, box), [(r.text, r.decision, r.reason) for r in result.regions]
    assert any(r.decision == "keep" and r.text == text for r in result.regions)


@pytest.mark.parametrize(("font", "size"), [("DejaVuSerif.ttf", 32), ("DejaVuSans.ttf", 40), ("DejaVuSans-Bold.ttf", 32)])
def test_a_mirrored_r_read_plainly_as_another_letter_is_kept(font: str, size: int, policy: PixelPolicy) -> None:
    # a mirrored "R" reads plain as "A" (or upside down as "B") as confidently as mirrored back as "R"
    face = ImageFont.truetype(str(FONT.parent / font), size)
    x0, y0, x1, y1 = face.getbbox("R")
    canvas = Image.new("L", (x1 - x0 + 8, y1 - y0 + 8), 0)
    ImageDraw.Draw(canvas).text((4 - x0, 4 - y0), "R", font=face, fill=255)
    marker = np.asarray(canvas.transpose(Image.Transpose.FLIP_LEFT_RIGHT), dtype=np.float32) / 255.0
    stored, (box,) = burn([(marker, 430, 250, False)])
    ds = make_dataset(stored)
    result = clean_pixels(ds, ["SMITH^JOHN"], policy)
    after = roundtrip(ds).pixel_array
    assert untouched(stored, after, box), [(r.text, r.decision, r.confidence) for r in result.regions]


@pytest.mark.parametrize(("angle", "mirror", "panel"), [(180.0, False, False), (0.0, True, False), (97.0, False, True)])
def test_turned_name_is_still_removed(angle: float, mirror: bool, panel: bool, policy: PixelPolicy) -> None:
    name = glyphs("LEWIS", 24, angle, mirror)
    marker = glyphs("R", 40, angle, mirror)
    stored, _boxes = burn([(name, 60, 60, panel), (marker, 430, 250, panel)])
    ds = make_dataset(stored, PatientName="LEWIS^ANN")
    result = clean_pixels(ds, ["LEWIS^ANN"], policy)
    after = roundtrip(ds).pixel_array
    assert blacked(stored, after, name, 60, 60) >= 0.95, [(r.text, r.decision, r.reason) for r in result.regions]
    assert not any(r.decision == "keep" and "LEWIS" in r.text.upper() for r in result.regions)


def test_ink_angle_levels_a_turned_bar() -> None:
    from cxrbuild.dicom.upright import ink_angle

    bar = glyphs("LLLLL", 20, 0.0, False) > 0.5
    assert ink_angle(bar) == 0.0
    turned = glyphs("LLLLL", 20, 30.0, False) > 0.5
    assert min(abs(ink_angle(turned) - 30.0), abs(ink_angle(turned) - 60.0)) <= 4.0


def test_a_turned_marker_reads_upright_only_as_itself(policy: PixelPolicy) -> None:
    from cxrbuild.dicom.upright import all_kept, read_any_orientation

    deny = DenyList([])
    marker = glyphs("R", 40, 134.0, False) > 0.5
    words = read_any_orientation(marker, 40)
    assert [text for text, _ in words] == ["R"]
    assert all_kept(words, policy, deny)
    # a turned "A" never passes for a marker
    other = glyphs("A", 40, 134.0, False) > 0.5
    assert not all_kept(read_any_orientation(other, 40), policy, deny)


def _line(box: Box) -> TextLine:
    x0, y0, x1, y1 = box
    return TextLine(box, y1 - y0, 4, "max", np.ones((y1 - y0, x1 - x0), dtype=bool))


def test_a_label_read_twice_is_decided_by_its_clearest_reading() -> None:
    """Two planes' views of one label: the weaker reading yields to the kept one, unless it is PHI."""
    from cxrbuild.dicom.reading import settle_views

    box = (10, 10, 60, 30)
    kept_view = (_line(box), [TextRegion(box, "GRID", "keep", "keep-list", confidence=96.0)])
    misread = (_line(box), [TextRegion(box, "GAID", "phi", "name_like", confidence=85.0)])
    confusable = (_line(box), [TextRegion(box, "GR1D", "phi", "not on keep-list", confidence=99.0)])
    named = (_line(box), [TextRegion(box, "GRIDLEY", "phi", "deny-list", confidence=20.0)])
    surer = (_line(box), [TextRegion(box, "GAIL", "phi", "name_like", confidence=98.0)])
    settle_views([kept_view, misread, confusable, named, surer])
    assert misread[1][0].decision == "keep"  # read with less confidence
    assert confusable[1][0].decision == "keep"  # the same reading up to OCR's confusions
    assert named[1][0].decision == "phi"  # evidence of PHI is never overruled
    assert surer[1][0].decision == "phi"  # read with more confidence as something else


@pytest.mark.parametrize("mirror", [True, False])
def test_a_marker_word_is_read_upright_beside_marks_off_its_row(mirror: bool, policy: PixelPolicy) -> None:
    # a mirrored (or plain, unclear) marker word with a standing mark of its size just below it (a wire,
    # a tube's end): the mark is no more of the word, whose letters run along its row
    marker = glyphs("LEFT", 22, 0.0, mirror)
    mark = np.zeros((60, 26), dtype=np.float32)
    mark[:, 9:17] = 1.0
    mark[20:34, 0:26] = 1.0
    h, w = marker.shape
    stored, (box, _mark_box) = burn([(marker, 300, 200, False), (mark, 300 + w // 2, 200 + h + 14, False)])
    ds = make_dataset(stored)
    result = clean_pixels(ds, ["SMITH^JOHN"], policy)
    after = roundtrip(ds).pixel_array
    assert untouched(stored, after, box), [(r.text, r.decision, r.reason) for r in result.regions]


def test_a_short_column_beside_long_ones_is_a_turned_line(policy: PixelPolicy) -> None:
    # glyph boxes of five turned lines side by side (7 px tall glyphs, 5 px along the column, 4 px between columns):
    # across the block each glyph stands in a row of five, and the short columns (8 glyphs) were no line
    from cxrbuild.dicom.textdetect import _group_lines, _vertical_groups

    lengths = [24, 8, 20, 8, 13]
    boxes = [(x0, 10 + 6 * k, x0 + 7, 15 + 6 * k) for x0, n in zip(range(10, 60, 11), lengths, strict=True) for k in range(n)]
    rows = _group_lines(boxes, policy.detection)
    assert max(len(row) for row in rows) >= 4  # the block's glyphs line up across it
    found = sorted(len(group) for group in _vertical_groups(boxes, rows, policy.detection))
    assert found == sorted(lengths)
    # the first letters of a stack of upright lines stand in a column too, each in a long row: no turned line
    stack = [(10 + 6 * k, 10 + 11 * line, 15 + 6 * k, 17 + 11 * line) for line in range(4) for k in range(9)]
    assert _vertical_groups(stack, _group_lines(stack, policy.detection), policy.detection) == []


# a block of burned-in lines turned 90 degrees along an image's edge, short lines beside long ones
TURNED_BLOCK = ["FITZGERALD^JENNIFER ANDREW DAVIS", "10.10.2011", "GREENVILLE HEALTH SYSTEM", "05:13 Dr. Green",
                "6243510 27.07.1934"]


def turned_block(lines: list[str], size: int, pitch: int, angle: float) -> np.ndarray:
    """Coverage of ``lines`` drawn one under the other ``pitch`` px apart (monospaced, ``size`` px), then turned."""
    font = ImageFont.truetype(str(FONT.parent / "DejaVuSansMono.ttf"), size)
    width = max(int(font.getlength(text)) for text in lines) + 8
    canvas = Image.new("L", (width, pitch * len(lines) + 8), 0)
    for index, text in enumerate(lines):
        ImageDraw.Draw(canvas).text((4, 4 + index * pitch), text, font=font, fill=255)
    return np.asarray(canvas.rotate(angle, expand=True), dtype=np.float32) / 255.0


def burn_on_panel(alpha: np.ndarray, x: int, y: int, shape: tuple[int, int] = (500, 420)) -> np.ndarray:
    """Light text on a dark panel at (x, y) of a phantom (12-bit stored values)."""
    levels = phantom(shape)
    h, w = alpha.shape
    levels[y - 6 : y + h + 6, x - 6 : x + w + 6] = 0.12
    levels[y : y + h, x : x + w] = levels[y : y + h, x : x + w] * (1 - alpha) + 0.85 * alpha
    return np.round(levels * 4095).astype(np.uint16)


def column_runs(alpha: np.ndarray) -> list[tuple[int, int]]:
    """The column spans (of the coverage) of each turned line's ink."""
    cols = np.flatnonzero((alpha > 0.5).any(axis=0))
    return [(int(run[0]), int(run[-1]) + 1) for run in np.split(cols, np.flatnonzero(np.diff(cols) > 1) + 1)]


@pytest.mark.parametrize("angle", [90.0, 270.0])
def test_every_column_of_a_turned_block_is_a_turned_line(angle: float, policy: PixelPolicy) -> None:
    # the glyphs of neighbouring columns line up across the block as rows as long as the block is wide: a short
    # column ("10.10.2011" beside a long name) stood in rows as long as itself and was not taken as a turned line
    from cxrbuild.dicom.pixels import decode
    from cxrbuild.dicom.textdetect import find_text_lines

    block = turned_block(TURNED_BLOCK, 9, 11, angle)
    x, y = 12, 40
    image = decode(make_dataset(burn_on_panel(block, x, y)))
    lines = find_text_lines(image.stored[0], image.display[0], policy.detection)
    turned = [line.box for line in lines if line.transposed]
    for c0, c1 in column_runs(block):
        assert any(box[0] <= x + c0 and x + c1 <= box[2] and box[2] - box[0] <= 2 * (c1 - c0) for box in turned), (
            (x + c0, x + c1), turned)


def assert_columns_black(block: np.ndarray, x: int, y: int, stored: np.ndarray, after: np.ndarray, result) -> None:
    """Each turned column of ``block`` burned at (x, y) has 95% or more of its glyph pixels displayed black."""
    ink = block > 0.5
    h = block.shape[0]
    for c0, c1 in column_runs(block):
        column = after[y : y + h, x + c0 : x + c1][ink[:, c0:c1]]
        assert (column == stored.min()).mean() >= 0.95, ((c0, c1), [(r.text, r.decision, r.reason) for r in result.regions])


@pytest.mark.parametrize("angle", [90.0, 270.0])
def test_a_turned_block_is_removed_column_by_column(angle: float, policy: PixelPolicy) -> None:
    # a short turned line beside a long one: the rows its glyphs form with the block's other columns are no upright
    # text it is cut through, and it is read (or seen by the detector and removed unread), not set aside
    block = turned_block(TURNED_BLOCK, 9, 11, angle)
    marker = glyphs("R", 40, 0.0, False)
    x, y = 12, 40
    stored = burn_on_panel(block, x, y)
    levels = stored.astype(np.float64) / 4095
    mh, mw = marker.shape
    levels[300 : 300 + mh, 300 : 300 + mw] = levels[300 : 300 + mh, 300 : 300 + mw] * (1 - marker) + marker
    stored = np.round(levels * 4095).astype(np.uint16)
    ys, xs = np.nonzero(marker > 0.05)
    marker_box = (300 + int(xs.min()), 300 + int(ys.min()), 300 + int(xs.max()) + 1, 300 + int(ys.max()) + 1)
    ds = make_dataset(stored, PatientName="FITZGERALD^JENNIFER")
    result = clean_pixels(ds, ["FITZGERALD^JENNIFER"], policy)
    after = roundtrip(ds).pixel_array
    assert_columns_black(block, x, y, stored, after, result)
    assert untouched(stored, after, marker_box)



def test_a_word_split_off_a_turned_line_at_a_word_gap_is_of_it(policy: PixelPolicy) -> None:
    # "31 May 2002" turned: the two digits stand a word gap (twice their width along the column) before the rest and
    # were too few to be a turned line of their own, released readable beside the blacked-out "May 2002"
    from cxrbuild.dicom.textdetect import _group_lines, _vertical_groups

    day = [(100, 10, 107, 15), (100, 17, 107, 22)]
    rest = [(100, 33 + 7 * k, 107, 38 + 7 * k) for k in range(7)]
    # a big lead marker's letter in line with the column's end, and a glyph of a column beside it, stay apart
    marker = [(96, 110, 114, 128)]
    beside = [(112, 12, 119, 17)]
    boxes = day + rest + marker + beside
    found = _vertical_groups(boxes, _group_lines(boxes, policy.detection), policy.detection)
    assert [sorted(group) for group in found] == [list(range(len(day) + len(rest)))]


def test_an_unread_turned_line_beside_a_turned_phi_line_is_removed(
    policy: PixelPolicy, monkeypatch: pytest.MonkeyPatch
) -> None:
    # the short columns of a turned block read badly in the plane that found them; with no word from the detector
    # (it cannot see them, or is not asked), a column of printed glyphs beside the turned name judged PHI is a line of
    # its field block and is removed unread (fail safe), not set aside readable
    from cxrbuild.dicom import scenetext

    monkeypatch.setattr(scenetext, "sees_turned_line", lambda *args, **kwargs: False)
    block = turned_block(TURNED_BLOCK, 9, 11, 90.0)
    x, y = 12, 40
    stored = burn_on_panel(block, x, y)
    ds = make_dataset(stored, PatientName="FITZGERALD^JENNIFER")
    result = clean_pixels(ds, ["FITZGERALD^JENNIFER"], policy)
    after = roundtrip(ds).pixel_array
    assert_columns_black(block, x, y, stored, after, result)


def test_a_stack_of_short_labels_beside_touching_letters_is_no_turned_line(policy: PixelPolicy) -> None:
    # "kVp / 110 / mAs / 2.5" one word a line: the touching letters of the lines' middles stand in a column taken as a
    # turned line; the first letters' column beside it, two glyph boxes (a run of touching letters counting as more),
    # in rows of three, is no turned line once those rows are discounted
    from cxrbuild.dicom.textdetect import _group_lines, _vertical_groups

    # per label line: a first glyph, then a tall touching run standing in one column with the others' runs
    boxes = [(9, 165, 15, 176), (9, 179, 15, 189), (16, 165, 33, 177), (16, 180, 28, 190), (16, 195, 33, 205),
             (16, 210, 26, 220), (28, 162, 36, 174)]
    found = _vertical_groups(boxes, _group_lines(boxes, policy.detection), policy.detection)
    assert not any(0 in group or 1 in group for group in found)
