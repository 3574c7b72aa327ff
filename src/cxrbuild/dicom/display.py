"""Stored pixel values as a viewer shows them, and which of them are shown black.

One home for "as displayed" (the contract blacks text out black *as
displayed*): the Modality LUT or rescale (PS3.3 C.11.1), then the first VOI
LUT or window (PS3.3 C.11.2), both through pydicom's own functions; then
MONOCHROME1, or an INVERSE Presentation LUT Shape, shown inverted (PS3.3
C.7.6.3.1.2, C.11.6). Colour images are shown through their palette (PS3.3
C.7.6.3.1.5) or as RGB (pydicom decodes YBR to RGB).

Grey levels are rendered 8-bit over the image's own output range, as a
viewer's default presentation does; a pixel is shown black when it renders
as 0 there. :func:`decode` decodes a dataset's frames and renders them so.

The inversion is made here, on the 8-bit rendering, not by pydicom's
``apply_presentation_lut``: that function leaves MONOCHROME1 as it is,
applies a Presentation LUT Sequence, refuses shapes other than IDENTITY and
INVERSE, and maps a flat image onto itself (its maximum minus itself), where
a viewer shows a flat MONOCHROME1 image white.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from pydicom.dataset import Dataset
from pydicom.pixels import apply_color_lut, apply_modality_lut, apply_voi_lut

from cxrbuild.dicom import redact
from cxrbuild.dicom.pixelpolicy import PixelDeidError

MAX_LUT_ENTRIES = 1 << 20
LUMINANCE = np.array([0.299, 0.587, 0.114])  # ITU-R BT.601 weights


class DisplayError(ValueError):
    """The dataset's LUTs cannot be applied to its pixels."""


def shown_inverted(ds: Dataset, photometric: str) -> bool:
    """Whether a viewer shows high values dark.

    MONOCHROME1 is shown inverted (PS3.3 C.7.6.3.1.2); so is an INVERSE
    Presentation LUT Shape (PS3.3 C.11.6). They are one inversion, not two:
    DX requires INVERSE exactly when the image is MONOCHROME1 (PS3.3
    C.8.11.6.1.2), to state the inversion MONOCHROME1 already implies.
    """
    shape = str(ds.get("PresentationLUTShape", "")).upper()
    return photometric == "MONOCHROME1" or shape == "INVERSE"


def shown(ds: Dataset, values: np.ndarray) -> np.ndarray:
    """Stored values through the Modality LUT/rescale, then the first VOI LUT/window."""
    try:
        return np.asarray(apply_voi_lut(apply_modality_lut(values, ds), ds, index=0), dtype=np.float64)
    except Exception as err:  # pydicom raises many kinds on malformed LUTs
        raise DisplayError(f"modality/VOI LUT cannot be applied: {str(err).splitlines()[0]}") from err


def scale8(values: np.ndarray) -> np.ndarray:
    """``values`` scaled to 0-255 over their own range (all 0 when flat)."""
    lo, hi = float(values.min()), float(values.max())
    if hi <= lo:
        return np.zeros(values.shape, dtype=np.uint8)
    return np.round((values - lo) * (255.0 / (hi - lo))).astype(np.uint8)


def rendered(ds: Dataset, values: np.ndarray, photometric: str) -> np.ndarray:
    """``values`` as a viewer shows them, 8-bit over their own output range, inverted when shown inverted."""
    display = scale8(shown(ds, values))
    return 255 - display if shown_inverted(ds, photometric) else display


def grey_rendering(ds: Dataset, stored: np.ndarray) -> tuple[np.ndarray, int]:
    """8-bit display of grey pixels (any shape) and the stored value shown darkest.

    Computed through a table over the stored range (one LUT application per
    value present, not per pixel) unless the range is too wide for one.
    """
    photometric = str(ds.get("PhotometricInterpretation", "")).upper()
    inverted = shown_inverted(ds, photometric)
    lo, hi = int(stored.min()), int(stored.max())
    if hi - lo > MAX_LUT_ENTRIES:  # 32-bit data: apply the LUTs to the pixels, not to a table
        display = rendered(ds, stored, photometric)
        ends = shown(ds, np.array([lo, hi], dtype=np.int64))
        darker_low = ends[0] <= ends[1]
        black = (hi if darker_low else lo) if inverted else (lo if darker_low else hi)
        return display, black
    table = rendered(ds, np.arange(lo, hi + 1, dtype=np.int64), photometric)
    if stored.dtype.kind == "u":
        # index with the stored values themselves: no wide temporary the size of the image
        full_table = np.zeros(hi + 1, dtype=np.uint8)
        full_table[lo:] = table
        display = full_table[stored]
    else:
        display = table[stored.astype(np.int32) - lo]
    black = lo if int(table[0]) <= int(table[-1]) else hi
    if int(table[0]) == int(table[-1]):  # flat image: fall back on the photometric convention
        black = hi if inverted else lo
    return display, black


def luminance8(ds: Dataset, stored: np.ndarray) -> np.ndarray:
    """8-bit luminance of colour pixels (..., 3), or of PALETTE COLOR indices through the palette."""
    photometric = str(ds.get("PhotometricInterpretation", "")).upper()
    if photometric == "PALETTE COLOR":
        rgb = np.asarray(apply_color_lut(stored, ds), dtype=np.float64)
        full = float((1 << int(ds.get("RedPaletteColorLookupTableDescriptor", [0, 0, 16])[2])) - 1)
    else:
        rgb = np.asarray(stored, dtype=np.float64)
        full = float((1 << int(ds.get("BitsStored", 8))) - 1)
    return np.round(np.clip(rgb @ LUMINANCE, 0, full) * (255.0 / max(full, 1.0))).astype(np.uint8)


def displayed_black(ds: Dataset, stored: np.ndarray) -> np.ndarray:
    """Which pixels of ``stored`` (as decoded by pydicom from ``ds``) a viewer shows black.

    Grey: rendered 0 over the image's own output range (a window that clips a
    range of values to black shows all of them black). Colour and palette:
    luminance 0 at 8 bits.
    """
    photometric = str(ds.get("PhotometricInterpretation", "")).upper()
    if photometric == "PALETTE COLOR" or int(ds.get("SamplesPerPixel", 1)) > 1:
        return luminance8(ds, stored) == 0
    display, _black = grey_rendering(ds, stored)
    return display == 0


# --------------------------------------------------------------------------- decoding


@dataclass
class DecodedImage:
    """Stored frames (frames, rows, cols[, samples]) and their 8-bit display rendering."""

    stored: np.ndarray
    display: np.ndarray  # (frames, rows, cols) uint8, white = bright on screen
    grey_black: int | None  # stored value shown darkest (grey images)


SUPPORTED_PHOTOMETRICS = frozenset(
    {"MONOCHROME1", "MONOCHROME2", "PALETTE COLOR", "RGB", "YBR_FULL", "YBR_FULL_422", "YBR_ICT", "YBR_RCT"}
)


def decode(ds: Dataset) -> DecodedImage:
    """Decode the pixels and render them for display; PixelDeidError if that is impossible."""
    if "PixelData" not in ds:
        kind = "float" if ("FloatPixelData" in ds or "DoubleFloatPixelData" in ds) else "no"
        raise PixelDeidError(
            f"{kind} pixel data: burned-in text cannot be checked; needs a pixel step for {kind} pixel data"
        )
    photometric = str(ds.get("PhotometricInterpretation", "")).upper()
    samples = int(ds.get("SamplesPerPixel", 1))
    if photometric not in SUPPORTED_PHOTOMETRICS:
        raise PixelDeidError(
            f"photometric interpretation {photometric or '(missing)'} is not supported; "
            f"needs a copy in one of {', '.join(sorted(SUPPORTED_PHOTOMETRICS))}"
        )
    if int(ds.get("BitsAllocated", 0)) not in (1, 8, 16, 32):
        raise PixelDeidError(
            f"bits allocated {ds.get('BitsAllocated')} is not supported; needs 1, 8, 16 or 32"
        )
    try:
        array = ds.pixel_array  # pydicom converts YBR to RGB (PS3.3 C.7.6.3.1.2)
    except Exception as err:  # any decoder failure means the pixels cannot be cleaned
        # pydicom lists each plugin's failure on a line of its own
        message = "; ".join(line.strip() for line in str(err).splitlines() if line.strip())
        message = (message or type(err).__name__)[:200]
        syntax = ds.file_meta.get("TransferSyntaxUID") if getattr(ds, "file_meta", None) else None
        name = getattr(syntax, "name", None) or "its transfer syntax"
        raise PixelDeidError(
            f"pixel data cannot be decoded ({message}); needs a {name} decoder that reads it"
        ) from err
    frames = int(ds.get("NumberOfFrames", 1) or 1)
    rows, cols = int(ds.Rows), int(ds.Columns)
    try:
        stored = array.reshape((frames, rows, cols) if samples == 1 else (frames, rows, cols, samples))
    except ValueError as err:
        raise PixelDeidError(
            f"pixel data shape {array.shape} does not match the header; "
            "needs Rows, Columns, Samples per Pixel and Number of Frames that fit the pixel data"
        ) from err
    if photometric == "PALETTE COLOR":
        display, grey_black = _palette_display(ds, stored)
    elif samples == 1:
        display, grey_black = _grey_display(ds, stored)
    else:
        # colour overlays: text is drawn bright in some channel, so show the brightest channel
        display = stored.max(axis=-1).astype(np.uint8) if stored.dtype == np.uint8 else scale8(stored.max(axis=-1))
        grey_black = None
    return DecodedImage(stored, display, grey_black)


def _palette_display(ds: Dataset, stored: np.ndarray) -> tuple[np.ndarray, int]:
    """PALETTE COLOR shown through its palette (PS3.3 C.7.6.3.1.5): the luminance of each
    pixel's colour, and as black the entry shown darkest."""
    try:
        black = redact.palette_black(ds)
        rgb = np.asarray(apply_color_lut(stored, ds), dtype=np.float64)
    except (redact.RedactionError, ValueError, AttributeError) as err:
        raise PixelDeidError(
            f"the palette cannot be applied ({str(err).splitlines()[0]}); "
            "needs complete Palette Color Lookup Table descriptors and data"
        ) from err
    return scale8(rgb @ LUMINANCE), black


def _grey_display(ds: Dataset, stored: np.ndarray) -> tuple[np.ndarray, int]:
    """8-bit display of grey frames and the stored value shown darkest (see :func:`grey_rendering`)."""
    try:
        return grey_rendering(ds, stored)
    except DisplayError as err:
        raise PixelDeidError(str(err)) from err
