"""The demo PACS's JPEG Lossless (process 14, SV1) encoder, read back by pylibjpeg-libjpeg."""

from __future__ import annotations

import numpy as np
import pytest
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.encaps import encapsulate
from pydicom.uid import JPEGLosslessSV1

from cxrbuild.synth.jpeg_lossless import CATEGORIES, MAX_CODE_LENGTH, encode, huffman_table


def decoded(stream: bytes, rows: int, columns: int, precision: int) -> np.ndarray:
    """pydicom's reading of one frame (the libjpeg plugin is the only decoder of this syntax)."""
    ds = Dataset()
    ds.file_meta = FileMetaDataset()
    ds.file_meta.TransferSyntaxUID = JPEGLosslessSV1
    ds.Rows, ds.Columns = rows, columns
    ds.SamplesPerPixel, ds.PhotometricInterpretation = 1, "MONOCHROME2"
    ds.BitsAllocated, ds.BitsStored, ds.HighBit = 8 if precision <= 8 else 16, precision, precision - 1
    ds.PixelRepresentation = 0
    ds.PixelData = encapsulate([stream])
    ds["PixelData"].VR = "OB"
    return ds.pixel_array


@pytest.mark.parametrize("precision", [2, 8, 10, 12, 15, 16])
def test_random_and_smooth_images_decode_to_the_same_values(precision: int) -> None:
    rng = np.random.default_rng(precision)
    dtype = np.uint8 if precision <= 8 else np.uint16
    noise = rng.integers(0, 1 << precision, size=(37, 53)).astype(dtype)
    ramp = (np.add.outer(np.arange(120), 3 * np.arange(90)) % (1 << precision)).astype(dtype)
    for image in (noise, ramp):
        assert np.array_equal(decoded(encode(image, precision), *image.shape, precision), image)


def test_extreme_differences_decode_to_the_same_values() -> None:
    # +32767, -32768 (category 16, no extra bits) and wrap-around modulo 2^16
    image = np.array([[0, 32768, 0, 65535, 0, 65535], [65535, 0, 1, 65534, 32767, 32768]], dtype=np.uint16)
    assert np.array_equal(decoded(encode(image, 16), 2, 6, 16), image)


def test_0xff_bytes_in_the_entropy_coded_data_are_stuffed() -> None:
    image = np.random.default_rng(1).integers(0, 4096, size=(64, 64)).astype(np.uint16)
    stream = encode(image, 12)
    scan = stream[stream.index(b"\xff\xda") + 10 : -2]
    positions = [i for i in range(len(scan) - 1) if scan[i] == 0xFF]
    assert positions and all(scan[i + 1] == 0 for i in positions)


def test_huffman_codes_are_at_most_16_bits_and_never_all_ones() -> None:
    # counts halving from category to category: an unlimited Huffman code would be 17 bits deep
    counts = np.array([1 << (CATEGORIES - 1 - category) for category in range(CATEGORIES)])
    bits, values = huffman_table(counts)
    assert len(bits) == MAX_CODE_LENGTH and sorted(values) == list(range(CATEGORIES))
    assert bits[MAX_CODE_LENGTH - 1] > 0  # folded back to 16 bits (K.3)
    kraft = sum(count / 2**length for length, count in enumerate(bits, start=1))
    assert kraft < 1  # a code point is left free: no code is all ones (K.2)
    assert values[0] == 0  # the commonest category gets the shortest code


def test_an_image_with_a_code_16_bits_long_decodes() -> None:
    # differences of every category, each half as frequent as the one before
    steps = [0 if category == 0 else 1 << (category - 1) for category in range(CATEGORIES - 1)
             for _ in range(1 << (CATEGORIES - 2 - category))]  # fmt: skip
    image = (np.cumsum([0, *steps]) % 65536).astype(np.uint16)[None, :65535]  # the widest a JPEG may be
    assert np.array_equal(decoded(encode(image, 16), 1, image.shape[1], 16), image)


def test_values_that_do_not_fit_the_precision_are_refused() -> None:
    with pytest.raises(ValueError, match="12 bits"):
        encode(np.full((4, 4), 4096, dtype=np.uint16), 12)
