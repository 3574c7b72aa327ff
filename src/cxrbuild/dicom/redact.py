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
- lossless compressed sources (RLE, PS3.5 A.4.2; JPEG-LS lossless, A.4.3;
  JPEG 2000 lossless, A.4.4) are decoded, edited and re-encoded in the same
  transfer syntax; a lossless syntax pydicom cannot encode (JPEG Lossless
  process 14, HTJ2K) is written as JPEG-LS lossless, else JPEG 2000 lossless,
  else RLE, else Explicit VR Little Endian, with the Transfer Syntax UID
  updated, so decoded values outside the boxes are unchanged;
- lossy sources (JPEG baseline and extended, JPEG 2000, JPEG-LS
  near-lossless) are decoded once and written losslessly, never re-encoded
  lossily, and keep their Lossy Image Compression history (PS3.3
  C.7.6.1.1.5).

Every re-encoding is decoded again and compared with the edited pixels; a
target that does not give them back exactly is skipped for the next one.

Layouts edited in place: 8-32 bit samples, 1-bit (Bits Allocated 1, bits
packed little endian first, PS3.5 8.1.1), PALETTE COLOR (the palette entry
shown darkest is black) and YBR_FULL_422 (two pixels share one chroma pair,
PS3.3 C.7.6.3.1.2, so boxes are widened to whole pairs by
:func:`editable_boxes`).
"""

from __future__ import annotations

import copy
from collections.abc import Sequence

import numpy as np
from pydicom.dataset import Dataset
from pydicom.pixels import apply_color_lut, get_encoder
from pydicom.pixels.utils import pixel_array
from pydicom.uid import (
    JPEG2000,
    UID,
    DeflatedExplicitVRLittleEndian,
    ExplicitVRBigEndian,
    ExplicitVRLittleEndian,
    ImplicitVRLittleEndian,
    JPEG2000Lossless,
    JPEGBaseline8Bit,
    JPEGExtended12Bit,
    JPEGLSLossless,
    JPEGLSNearLossless,
    RLELossless,
)

from cxrbuild.dicom.boxes import Box

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
ENCODER_PLUGINS = {
    RLELossless: ("pylibjpeg", "pydicom"),
    JPEG2000Lossless: ("pylibjpeg",),
    JPEGLSLossless: ("pyjpegls",),
}
# Where a lossless source goes when its own syntax cannot be encoded, in order of preference:
# JPEG-LS is closest to JPEG Lossless (a predictive coder) and fast; then JPEG 2000, RLE
LOSSLESS_TARGETS = (JPEGLSLossless, JPEG2000Lossless, RLELossless)
# Lossy Image Compression Method (0028,2114) defined terms per lossy syntax (PS3.3 C.7.6.1.1.5.1)
LOSSY_METHODS = {
    JPEGBaseline8Bit: "ISO_10918_1",
    JPEGExtended12Bit: "ISO_10918_1",
    JPEGLSNearLossless: "ISO_14495_1",
    JPEG2000: "ISO_15444_1",
    UID("1.2.840.10008.1.2.4.203"): "ISO_15444_15",  # HTJ2K
}


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


def _geometry(ds: Dataset) -> tuple[int, int, int, int]:
    """Frames, rows, columns and samples per pixel of the Image Pixel module."""
    frames = int(ds.get("NumberOfFrames", 1) or 1)
    return frames, int(ds.Rows), int(ds.Columns), int(ds.get("SamplesPerPixel", 1))


def _words_swapped(ds: Dataset) -> bool:
    """Whether 8- or 1-bit samples sit in byte-swapped 16-bit words: OW in big endian (PS3.5 7.3, 8.1.1)."""
    return (
        ds.file_meta.TransferSyntaxUID == ExplicitVRBigEndian
        and ds["PixelData"].VR == "OW"
        and int(ds.BitsAllocated) in (1, 8)
    )


def _stored_bytes(ds: Dataset) -> np.ndarray:
    """A writable copy of the Pixel Data bytes, in sample order (big endian OW words swapped back)."""
    data = np.frombuffer(ds.PixelData, dtype=np.uint8).copy()
    if _words_swapped(ds):
        if data.size % 2:
            raise RedactionError("OW Pixel Data of odd length")
        data = data.reshape(-1, 2)[:, ::-1].ravel().copy()
    return data


def _set_stored_bytes(ds: Dataset, data: np.ndarray) -> None:
    """Pixel Data from bytes in sample order (the inverse of :func:`_stored_bytes`), padding included."""
    raw = data.view(np.uint8)
    if _words_swapped(ds):
        raw = raw.reshape(-1, 2)[:, ::-1].ravel()
    ds.PixelData = raw.tobytes()


def _frames_view(ds: Dataset) -> tuple[np.ndarray, np.ndarray]:
    """A writable copy of all stored samples (padding included) and its (frames, rows, cols, samples) view."""
    dtype = stored_dtype(ds)
    frames, rows, cols, samples = _geometry(ds)
    expected = rows * cols * samples * frames
    raw = _stored_bytes(ds)
    flat = raw[: raw.size - raw.size % dtype.itemsize].view(dtype)
    if flat.size < expected:
        raise RedactionError(f"Pixel Data holds {flat.size} samples, the header says {expected}")
    head = flat[:expected]
    if samples > 1 and int(ds.get("PlanarConfiguration", 0)) == 1:
        view = head.reshape(frames, samples, rows, cols).transpose(0, 2, 3, 1)
    else:
        view = head.reshape(frames, rows, cols, samples)
    return raw, view


def palette_black(ds: Dataset) -> int:
    """The stored value of the PALETTE COLOR entry shown darkest (PS3.3 C.7.6.3.1.5, C.7.9).

    Darkness is the luminance of the entry's red, green and blue (ITU-R BT.601
    weights); of equally dark entries the lowest stored value is taken.
    """
    try:
        entries, first_mapped = (int(v) for v in ds.RedPaletteColorLookupTableDescriptor[:2])
    except (AttributeError, TypeError, ValueError) as err:
        raise RedactionError("PALETTE COLOR without a readable palette descriptor") from err
    entries = entries or 1 << 16  # 0 means 2^16 entries
    bits = int(ds.get("BitsStored", ds.BitsAllocated))
    signed = int(ds.get("PixelRepresentation", 0)) == 1
    low, high = (-(1 << (bits - 1)), (1 << (bits - 1)) - 1) if signed else (0, (1 << bits) - 1)
    values = np.arange(max(low, first_mapped), min(high, first_mapped + entries - 1) + 1)
    if values.size == 0:
        raise RedactionError("the palette maps no stored value")
    rgb = np.asarray(apply_color_lut(values, ds), dtype=np.float64).reshape(-1, 3)
    luminance = rgb @ np.array([0.299, 0.587, 0.114])
    return int(values[int(np.argmin(luminance))])


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
    if photometric in ("YBR_FULL", "YBR_FULL_422"):
        return (0, 128, 128)
    raise RedactionError(f"Photometric Interpretation {photometric} cannot be edited in place")


def _encodable(syntax: UID) -> bool:
    return syntax == ExplicitVRLittleEndian or bool(_encoder_plugins(syntax))


def target_syntaxes(source: UID, lossy_target: str) -> list[UID]:
    """Where edited pixels may be written, best first; the last is always Explicit VR Little Endian."""
    if source in UNCOMPRESSED:
        return [source]
    if source in LOSSLESS_COMPRESSED:
        wanted = [source] if _encodable(source) else list(LOSSLESS_TARGETS)
    else:
        wanted = [UID(lossy_target)]
    targets = [syntax for syntax in wanted if syntax in UNCOMPRESSED or _encodable(syntax)]
    return list(dict.fromkeys([*targets, ExplicitVRLittleEndian]))


def _encoder_plugins(syntax: UID) -> list[str]:
    """The available plugins of ENCODER_PLUGINS that encode ``syntax``, preferred first."""
    try:
        encoder = get_encoder(syntax)
    except (NotImplementedError, ValueError):
        return []
    return [plugin for plugin in ENCODER_PLUGINS.get(syntax, ()) if plugin in encoder.available_plugins]


def editable_boxes(ds: Dataset, boxes: Sequence[Box]) -> list[Box]:
    """``boxes`` widened to what can be blacked out exactly in the stored layout.

    Uncompressed YBR_FULL_422 stores one chroma pair for two pixels of a row
    (PS3.3 C.7.6.3.1.2): a box starts and ends on a pair, or the pixel beside
    it would lose its colour. Other layouts edit single pixels.
    """
    photometric = str(ds.get("PhotometricInterpretation", "")).upper()
    source = UID(ds.file_meta.TransferSyntaxUID)
    if photometric != "YBR_FULL_422" or source not in UNCOMPRESSED:
        return [tuple(int(v) for v in box) for box in boxes]
    cols = int(ds.Columns)
    return [(x0 - x0 % 2, y0, min(cols, x1 + x1 % 2), y1) for x0, y0, x1, y1 in boxes]


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
    the caller, saves decoding a compressed source a second time. Boxes of a
    YBR_FULL_422 source must come from :func:`editable_boxes`.
    """
    source = UID(ds.file_meta.TransferSyntaxUID)
    if not boxes:
        return source
    if source in UNCOMPRESSED:
        _redact_in_place(ds, boxes, grey_black)
        return source
    samples = int(ds.get("SamplesPerPixel", 1))
    # a colour source coded with the reversible colour transform keeps it (PS3.5 8.2.4)
    reversible_colour = str(ds.PhotometricInterpretation).upper() in ("YBR_RCT", "YBR_ICT")
    if decoded is not None and decoded.dtype.itemsize in (1, 2):
        # decoded pixels are native little endian; YBR from JPEG became RGB (PS3.5 8.2.1)
        photometric = "RGB" if samples == 3 else str(ds.PhotometricInterpretation)
        edited = decoded.copy()
        view = edited if samples > 1 else edited[..., np.newaxis]
        _fill(view, boxes, np.asarray((0,) * samples if samples > 1 else (grey_black,), dtype=edited.dtype))
        if "NumberOfFrames" not in ds:
            edited = edited[0]
        ds.set_pixel_data(edited, photometric, int(ds.BitsStored), generate_instance_uid=False)
    else:
        ds.decompress(as_rgb=True, generate_instance_uid=False)
        _redact_in_place(ds, boxes, grey_black)
    if source not in LOSSLESS_COMPRESSED:
        keep_lossy_history(ds, source)
    return _encode_exactly(ds, target_syntaxes(source, lossy_target), reversible_colour)


def keep_lossy_history(ds: Dataset, source: UID) -> None:
    """Lossy Image Compression stays "01" once lossy, with the method that made it so (PS3.3 C.7.6.1.1.5).

    A source that declares itself lossless ("00", JPEG 2000 used reversibly) keeps "00".
    """
    if str(ds.get("LossyImageCompression", "")).strip() == "00":
        return
    ds.LossyImageCompression = "01"
    method = LOSSY_METHODS.get(source)
    if method is None:
        return
    element = ds.get(0x00282114)  # by tag: the element (its VM), not its value
    if element is None or element.VM == 0:
        methods = []
    else:
        methods = [str(m) for m in (element.value if element.VM > 1 else [element.value])]
    if method not in methods:
        methods.append(method)
        ds.LossyImageCompressionMethod = methods if len(methods) > 1 else methods[0]


def _pixel_state(ds: Dataset) -> tuple[dict, UID]:
    """The Image Pixel module, Pixel Data and transfer syntax, to return to after a failed encoding."""
    elements = {tag: copy.deepcopy(ds[tag]) for tag in list(ds.keys()) if tag.group == 0x0028 or tag == 0x7FE00010}
    return elements, UID(ds.file_meta.TransferSyntaxUID)


def _restore(ds: Dataset, state: tuple[dict, UID]) -> None:
    elements, syntax = state
    for tag in [tag for tag in list(ds.keys()) if tag.group == 0x0028 or tag == 0x7FE00010]:
        if tag not in elements:
            del ds[tag]
    for tag, element in elements.items():
        ds[tag] = copy.deepcopy(element)
    ds.file_meta.TransferSyntaxUID = syntax


def _encode_exactly(ds: Dataset, targets: Sequence[UID], reversible_colour: bool = False) -> UID:
    """Compress native little endian ``ds`` into the first target that decodes back to the same values.

    With ``reversible_colour``, RGB pixels go into JPEG 2000 lossless through
    the reversible colour transform, as YBR_RCT (PS3.5 8.2.4).
    """
    expected = pixel_array(ds)
    native = _pixel_state(ds)
    failures = []
    for target in targets:
        if target == ExplicitVRLittleEndian:
            return target  # ds holds the edited pixels uncompressed
        for plugin in _encoder_plugins(target):
            if target == JPEG2000Lossless and reversible_colour and ds.PhotometricInterpretation == "RGB":
                ds.PhotometricInterpretation = "YBR_RCT"  # the encoder applies the transform
            try:
                ds.compress(target, encoding_plugin=plugin, generate_instance_uid=False)
                if np.array_equal(pixel_array(ds), expected):
                    return target
                failures.append(f"{target.name} ({plugin}): decoded values differ")
            except Exception as err:  # an encoder that refuses this image: the next one
                message = str(err).splitlines()[0] if str(err) else type(err).__name__
                failures.append(f"{target.name} ({plugin}): {message}")
            _restore(ds, native)
    raise RedactionError("no lossless encoding reproduces the pixels: " + "; ".join(failures))


def _redact_in_place(ds: Dataset, boxes: Sequence[Box], grey_black: int | None) -> None:
    """Black out ``boxes`` in uncompressed Pixel Data; every other stored bit stays as it was."""
    photometric = str(ds.PhotometricInterpretation).upper()
    if int(ds.BitsAllocated) == 1:
        _redact_bits(ds, boxes, black_sample(ds, grey_black)[0])
    elif photometric == "YBR_FULL_422":
        _redact_ybr_422(ds, boxes)
    else:
        raw, view = _frames_view(ds)
        _fill(view, boxes, np.asarray(black_sample(ds, grey_black), dtype=view.dtype))
        _set_stored_bytes(ds, raw)


def _redact_bits(ds: Dataset, boxes: Sequence[Box], black: int) -> None:
    """1-bit pixels, packed eight to a byte, first pixel in the lowest bit (PS3.5 8.1.1)."""
    frames, rows, cols, samples = _geometry(ds)
    if samples != 1:
        raise RedactionError("1-bit pixels with more than one sample")
    bits = np.unpackbits(_stored_bytes(ds), bitorder="little")
    needed = frames * rows * cols
    if bits.size < needed:
        raise RedactionError(f"Pixel Data holds {bits.size} bits, the header says {needed}")
    _fill(bits[:needed].reshape(frames, rows, cols, 1), boxes, np.asarray([black], dtype=np.uint8))
    _set_stored_bytes(ds, np.packbits(bits, bitorder="little"))  # padding bits as they were


def _redact_ybr_422(ds: Dataset, boxes: Sequence[Box]) -> None:
    """YBR_FULL_422: Y1 Y2 CB CR per pair of pixels; black is Y 0 with neutral chroma 128."""
    frames, rows, cols, _samples = _geometry(ds)
    if int(ds.BitsAllocated) != 8 or cols % 2:
        raise RedactionError("YBR_FULL_422 other than 8 bits and an even number of columns")
    data = _stored_bytes(ds)
    needed = frames * rows * cols * 2
    if data.size < needed:
        raise RedactionError(f"Pixel Data holds {data.size} bytes, the header says {needed}")
    pairs = data[:needed].reshape(frames, rows, cols // 2, 4)
    for x0, y0, x1, y1 in boxes:
        if x0 % 2 or (x1 % 2 and x1 != cols):
            raise RedactionError("a YBR_FULL_422 box that splits a pair of pixels")
        x0, y0, x1, y1 = max(0, x0) // 2, max(0, y0), min(cols, x1) // 2, min(rows, y1)
        if x1 > x0 and y1 > y0:
            pairs[:, y0:y1, x0:x1, :2] = 0
            pairs[:, y0:y1, x0:x1, 2:] = 128
    _set_stored_bytes(ds, data)


def _fill(view: np.ndarray, boxes: Sequence[Box], black: np.ndarray) -> None:
    """Write ``black`` into every box of a (frames, rows, cols, samples) view."""
    rows, cols = view.shape[1], view.shape[2]
    for x0, y0, x1, y1 in boxes:
        x0, y0 = max(0, int(x0)), max(0, int(y0))
        x1, y1 = min(cols, int(x1)), min(rows, int(y1))
        if x1 > x0 and y1 > y0:
            view[:, y0:y1, x0:x1, :] = black
