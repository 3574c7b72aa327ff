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
