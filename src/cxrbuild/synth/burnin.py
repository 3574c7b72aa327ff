"""Burned-in text: PHI and markers rendered into the pixels, with exact truth boxes.

Text is drawn with PIL (anti-aliased TrueType fonts: DejaVu, Liberation,
FreeFont when installed, and PIL's built-in scalable font) into an alpha
mask, then blended into the image at a chosen grey level, sometimes on a
filled label. The truth box of a text item is the bounding box of the pixels
whose stored value really changed from what was under them (the image, or
the label fill), half-open as ``pixels[y0:y1, x0:x1]`` — the same convention
as the hand-made truth of the external fixtures.
"""

from __future__ import annotations

import functools
import glob
import os
from dataclasses import dataclass, field

import numpy as np
from PIL import Image, ImageDraw, ImageFont

FONT_DIRS = (
    "/usr/share/fonts/truetype/dejavu",
    "/usr/share/fonts/truetype/liberation",
    "/usr/share/fonts/truetype/liberation2",
    "/usr/share/fonts/truetype/freefont",
    "/usr/share/fonts/dejavu",
    "/usr/share/fonts/liberation",
    "/usr/share/fonts/gnu-free",
)
# Fonts whose glyphs an archive's burn-in would never use (symbols, math).
SKIP_FONT_WORDS = ("Math", "ExtraLight")
DEFAULT_FONT = "<pil-default>"


@functools.lru_cache(maxsize=1)
def available_fonts() -> tuple[str, ...]:
    """TrueType fonts found on this machine (sorted), plus PIL's built-in scalable font."""
    extra = os.environ.get("CXRBUILD_FONT_DIRS", "")
    dirs = [d for d in extra.split(os.pathsep) if d] + list(FONT_DIRS)
    found = set()
    for directory in dirs:
        for path in glob.glob(os.path.join(directory, "*.ttf")):
            if not any(word in os.path.basename(path) for word in SKIP_FONT_WORDS):
                found.add(path)
    return (*sorted(found), DEFAULT_FONT)


@functools.lru_cache(maxsize=512)
def load_font(path: str, size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    if path == DEFAULT_FONT:
        return ImageFont.load_default(size=size)
    return ImageFont.truetype(path, size)


def render_alpha(text: str, font_path: str, size: int) -> np.ndarray:
    """Coverage of the text's glyphs in [0, 1], cropped to the inked bounding box."""
    font = load_font(font_path, size)
    left, top, right, bottom = font.getbbox(text)
    width, height = max(1, right - left + 2), max(1, bottom - top + 2)
    mask = Image.new("L", (width, height), 0)
    ImageDraw.Draw(mask).text((1 - left, 1 - top), text, font=font, fill=255)
    alpha = np.asarray(mask, dtype=np.float32) / 255.0
    ys, xs = np.nonzero(alpha)
    if ys.size == 0:
        return alpha[:0, :0]
    return alpha[ys.min() : ys.max() + 1, xs.min() : xs.max() + 1]


@dataclass
class TextItem:
    text: str
    phi: bool
    kind: str  # the phi.jsonl kind for PHI, "marker" for text to keep
    values: list[tuple[str, str]] = field(default_factory=list)  # (kind, value) PHI inside the text


@dataclass
class Burned:
    box: tuple[int, int, int, int]
    item: TextItem
    font: str
    size: int
    level: int
    label: tuple[int, int, int, int] | None
    label_level: int | None = None

    def truth(self) -> dict:
        record = {"box": list(self.box), "text": self.item.text, "phi": self.item.phi, "kind": self.item.kind}
        record["values"] = [{"kind": k, "value": v} for k, v in self.item.values]
        record["font"] = os.path.basename(self.font) if self.font != DEFAULT_FONT else DEFAULT_FONT
        record["size"] = self.size
        record["level"] = self.level
        record["label_box"] = list(self.label) if self.label else None
        record["label_level"] = self.label_level
        return record


def _overlaps(a: tuple[int, int, int, int], b: tuple[int, int, int, int]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def _blend(levels: np.ndarray, alpha: np.ndarray, x: int, y: int, level: int) -> tuple[int, int, int, int] | None:
    """Blend text into ``levels`` in place; return the box of pixels that changed."""
    h, w = alpha.shape
    region = levels[y : y + h, x : x + w]
    before = region.astype(np.float32)
    after = np.rint(before * (1.0 - alpha) + float(level) * alpha).astype(levels.dtype)
    changed = after != region
    if not changed.any():
        return None
    region[...] = after
    ys = np.flatnonzero(changed.any(axis=1))
    xs = np.flatnonzero(changed.any(axis=0))
    return (x + int(xs[0]), y + int(ys[0]), x + int(xs[-1]) + 1, y + int(ys[-1]) + 1)


def burn_block(
    levels: np.ndarray,
    max_value: int,
    rng: np.random.Generator,
    items: list[TextItem],
    corner: str,
    size: int,
    font_path: str,
    occupied: list[tuple[int, int, int, int]],
    label: bool,
    inset: tuple[int, int] | None = None,
) -> list[Burned]:
    """Burn a block of lines into a corner ("tl", "tr", "bl", "br"); skip it if it does not fit."""
    rows, cols = levels.shape
    alphas = [render_alpha(item.text, font_path, size) for item in items]
    keep = [(item, a) for item, a in zip(items, alphas, strict=True) if a.size]
    if not keep:
        return []
    gap = max(2, size // 3)
    block_w = max(a.shape[1] for _, a in keep)
    block_h = sum(a.shape[0] for _, a in keep) + gap * (len(keep) - 1)
    pad = max(2, size // 4) if label else 0
    margin_x, margin_y = inset if inset else (int(rng.integers(3, max(4, cols // 40))), int(rng.integers(3, max(4, rows // 40))))
    x0 = margin_x + pad if corner[1] == "l" else cols - margin_x - pad - block_w
    y0 = margin_y + pad if corner[0] == "t" else rows - margin_y - pad - block_h
    outer = (x0 - pad - 2, y0 - pad - 2, x0 + block_w + pad + 2, y0 + block_h + pad + 2)
    if outer[0] < 0 or outer[1] < 0 or outer[2] > cols or outer[3] > rows:
        return []
    if any(_overlaps(outer, other) for other in occupied):
        return []
    occupied.append(outer)
    label_box = None
    fill = None
    if label:
        dark_label = rng.random() < 0.6
        fill = int((rng.uniform(0.0, 0.12) if dark_label else rng.uniform(0.8, 0.95)) * max_value)
        text_level = int((rng.uniform(0.85, 1.0) if dark_label else rng.uniform(0.0, 0.1)) * max_value)
        label_box = (x0 - pad, y0 - pad, x0 + block_w + pad, y0 + block_h + pad)
        levels[label_box[1] : label_box[3], label_box[0] : label_box[2]] = fill
    else:
        text_level = int(rng.choice((rng.uniform(0.85, 1.0), rng.uniform(0.6, 0.8))) * max_value)
    burned = []
    y = y0
    for item, alpha in keep:
        x = x0 if corner[1] == "l" else x0 + block_w - alpha.shape[1]
        box = _blend(levels, alpha, x, y, text_level)
        if box is not None:
            burned.append(Burned(box, item, font_path, size, text_level, label_box, fill))
        y += alpha.shape[0] + gap
    return burned


def burn_marker(
    levels: np.ndarray,
    max_value: int,
    item: TextItem,
    x_frac: float,
    y_frac: float,
    size: int,
    font_path: str,
    occupied: list[tuple[int, int, int, int]],
    level_frac: float,
) -> list[Burned]:
    """Burn one marker (e.g. a laterality letter) centred at a relative position."""
    rows, cols = levels.shape
    alpha = render_alpha(item.text, font_path, size)
    if not alpha.size:
        return []
    h, w = alpha.shape
    x = int(x_frac * cols - w / 2)
    y = int(y_frac * rows - h / 2)
    outer = (x - 3, y - 3, x + w + 3, y + h + 3)
    if outer[0] < 0 or outer[1] < 0 or outer[2] > cols or outer[3] > rows:
        return []
    if any(_overlaps(outer, other) for other in occupied):
        return []
    occupied.append(outer)
    level = int(level_frac * max_value)
    box = _blend(levels, alpha, x, y, level)
    return [Burned(box, item, font_path, size, level, None)] if box else []
