"""Black out rectangles in the stored pixel values and re-encode without loss.

"Black" means black as displayed (PS3.3 C.7.6.3.1.2 Photometric
Interpretation, PS3.3 C.11 LUTs): the stored value that a viewer shows
darkest after the Modality and VOI LUTs, which is the minimum for MONOCHROME2
and the maximum for MONOCHROME1 unless a LUT turns the scale round; zero for
RGB, (0, 128, 128) for uncompressed YBR_FULL.

Only pixels inside the boxes change, in every frame:

- uncompressed sources (PS3.5 A.1, A.2, A.5) are edited in place in the
  stored bytes, so every byte outside the boxes stays exactly as it was,
  including unused high bits;
- lossless compressed sources (RLE, PS3.5 A.4.2; JPEG 2000 lossless, A.4.4)
  are decoded, edited and re-encoded in the same transfer syntax, or in JPEG
  2000 lossless / Explicit VR Little Endian when no encoder for the original
  exists (JPEG lossless process 14, JPEG-LS, HTJ2K), so decoded values
  outside the boxes are unchanged;
- lossy sources (JPEG baseline, JPEG 2000, JPEG-LS near-lossless) are decoded
  once and written losslessly, never re-encoded lossily.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
from pydicom.dataset import Dataset
from pydicom.pixels import get_encoder
from pydicom.uid import (
    UID,
    DeflatedExplicitVRLittleEndian,
    ExplicitVRBigEndian,
    ExplicitVRLittleEndian,
    ImplicitVRLittleEndian,
    JPEG2000Lossless,
    RLELossless,
)

Box = tuple[int, int, int, int]

UNCOMPRESSED = frozenset(
    {ImplicitVRLittleEndian, ExplicitVRLittleEndian, DeflatedExplicitVRLittleEndian, ExplicitVRBigEndian}
)
# Transfer syntaxes whose decoded pixels are exactly the originals (PS3.5 A.4, Table A-4).
LOSSLESS_COMPRESSED = frozenset(
    {
        RLELossless,
        JPEG2000Lossless,
        UID("1.2.840.10008.1.2.4.57"),  # JPEG Lossless, process 14
        UID("1.2.840.10008.1.2.4.70"),  # JPEG Lossless, process 14 SV1
        UID("1.2.840.10008.1.2.4.80"),  # JPEG-LS Lossless
        UID("1.2.840.10008.1.2.4.201"),  # HTJ2K Lossless
        UID("1.2.840.10008.1.2.4.202"),  # HTJ2K Lossless RPCL
    }
)
# Preferred encoder plugin per syntax: pylibjpeg's RLE is compiled and much faster.
ENCODER_PLUGINS = {RLELossless: ("pylibjpeg", "pydicom"), JPEG2000Lossless: ("pylibjpeg",)}


class RedactionError(ValueError):
    """The pixel data cannot be edited safely (layout or encoding not supported)."""


def stored_dtype(ds: Dataset) -> np.dtype:
    """numpy dtype of one stored sample in an uncompressed PixelData (PS3.5 8.1.1)."""
    bits = int(ds.BitsAllocated)
    if bits not in (8, 16, 32):
        raise RedactionError(f"Bits Allocated {bits} cannot be edited in place")
    signed = int(ds.get("PixelRepresentation", 0)) == 1
    kind = "i" if signed else "u"
    order = ">" if ds.file_meta.TransferSyntaxUID == ExplicitVRBigEndian else "<"
    return np.dtype(f"{order}{kind}{bits // 8}")


def _frames_view(ds: Dataset) -> tuple[np.ndarray, np.ndarray]:
    """A writable copy of the stored samples and its (frames, rows, cols, samples) view."""
    dtype = stored_dtype(ds)
    rows, cols = int(ds.Rows), int(ds.Columns)
    samples = int(ds.get("SamplesPerPixel", 1))
    frames = int(ds.get("NumberOfFrames", 1) or 1)
    expected = rows * cols * samples * frames
    flat = np.frombuffer(ds.PixelData, dtype=dtype)
    if flat.size < expected:
        raise RedactionError(f"Pixel Data holds {flat.size} samples, the header says {expected}")
    flat = flat[:expected].copy()
    if samples > 1 and int(ds.get("PlanarConfiguration", 0)) == 1:
        view = flat.reshape(frames, samples, rows, cols).transpose(0, 2, 3, 1)
    else:
        view = flat.reshape(frames, rows, cols, samples)
    return flat, view


def stored_black(ds: Dataset, candidates: Sequence[int], display_of: dict[int, float]) -> int:
    """The candidate stored value shown darkest (``display_of`` maps stored -> display grey)."""
    return min(candidates, key=lambda value: (display_of[value], value))


def black_sample(ds: Dataset, grey_black: int | None) -> tuple[int, ...]:
    """The stored sample(s) written into a box, for the dataset's photometric interpretation."""
    photometric = str(ds.PhotometricInterpretation).upper()
    samples = int(ds.get("SamplesPerPixel", 1))
    if samples == 1:
        if grey_black is None:
            raise RedactionError("no black value for a grey image")
        return (int(grey_black),)
    if photometric == "RGB":
        return (0,) * samples
    if photometric == "YBR_FULL":
        return (0, 128, 128)
    raise RedactionError(f"Photometric Interpretation {photometric} cannot be edited in place")


def _target_syntax(source: UID, lossy_target: str) -> UID:
    """Where the edited pixels are written: the source syntax when that is possible losslessly."""
    if source in UNCOMPRESSED:
        return source
    if source in LOSSLESS_COMPRESSED:
        if source in ENCODER_PLUGINS and _encoder_plugin(source):
            return source
        return JPEG2000Lossless if _encoder_plugin(JPEG2000Lossless) else ExplicitVRLittleEndian
    target = UID(lossy_target)
    if target != ExplicitVRLittleEndian and not _encoder_plugin(target):
        return ExplicitVRLittleEndian
    return target


def _encoder_plugin(syntax: UID) -> str | None:
    try:
        encoder = get_encoder(syntax)
    except (NotImplementedError, ValueError):
        return None
    for plugin in ENCODER_PLUGINS.get(syntax, ()):
        if plugin in encoder.available_plugins:
            return plugin
    return None


def redact_boxes(
    ds: Dataset,
    boxes: Sequence[Box],
    grey_black: int | None,
    lossy_target: str,
    decoded: np.ndarray | None = None,
) -> UID:
    """Set every pixel inside ``boxes`` to black in all frames; returns the transfer syntax written.

    With no boxes nothing is touched (the Pixel Data bytes stay as they were).
    ``decoded`` (frames, rows, cols[, samples]), the pixels already decoded by
    the caller, saves decoding a compressed source a second time.
    """
    source = UID(ds.file_meta.TransferSyntaxUID)
    if not boxes:
        return source
    target = _target_syntax(source, lossy_target)
    if source in UNCOMPRESSED:
        flat, view = _frames_view(ds)
        _fill(view, boxes, np.asarray(black_sample(ds, grey_black), dtype=view.dtype))
        ds.PixelData = flat.tobytes()
        return source
    if decoded is not None and decoded.dtype.itemsize in (1, 2):
        # decoded pixels are native little endian; YBR from JPEG became RGB (PS3.5 8.2.1)
        samples = int(ds.get("SamplesPerPixel", 1))
        photometric = "RGB" if samples == 3 else str(ds.PhotometricInterpretation)
        edited = decoded.copy()
        view = edited if samples > 1 else edited[..., np.newaxis]
        _fill(view, boxes, np.asarray((0,) * samples if samples > 1 else (grey_black,), dtype=edited.dtype))
        if "NumberOfFrames" not in ds:
            edited = edited[0]
        ds.set_pixel_data(edited, photometric, int(ds.BitsStored), generate_instance_uid=False)
    else:
        ds.decompress(as_rgb=True, generate_instance_uid=False)
        flat, view = _frames_view(ds)
        _fill(view, boxes, np.asarray(black_sample(ds, grey_black), dtype=view.dtype))
        ds.PixelData = flat.tobytes()
    if target not in UNCOMPRESSED:
        ds.compress(target, encoding_plugin=_encoder_plugin(target) or "", generate_instance_uid=False)
    return target


def _fill(view: np.ndarray, boxes: Sequence[Box], black: np.ndarray) -> None:
    """Write ``black`` into every box of a (frames, rows, cols, samples) view."""
    rows, cols = view.shape[1], view.shape[2]
    for x0, y0, x1, y1 in boxes:
        x0, y0 = max(0, int(x0)), max(0, int(y0))
        x1, y1 = min(cols, int(x1)), min(rows, int(y1))
        if x1 > x0 and y1 > y0:
            view[:, y0:y1, x0:x1, :] = black
