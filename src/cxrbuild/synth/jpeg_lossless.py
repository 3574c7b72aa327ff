"""A JPEG Lossless encoder (process 14, first-order prediction) for the demo PACS.

Radiographs leave many PACS as JPEG Lossless, Non-Hierarchical, First-Order
Prediction (Process 14 [Selection Value 1], transfer syntax
1.2.840.10008.1.2.4.70, PS3.5 A.4.1), but pydicom and its plugins can only
decode it. This module writes it for one grey component, so the demo
hospital's images exercise the decoder as real exports do (ITU-T T.81):

- predictor 1 (the sample to the left; the first column is predicted from
  the sample above, the first sample from 2^(P-1)), point transform 0
  (H.1.2.1);
- differences modulo 2^16 coded as a Huffman-coded category SSSS and SSSS
  extra bits (H.1.2.2, Table H.2);
- one optimal Huffman table per image, at most 16 bits per code, the
  all-ones code never used (Annex K.2);
- entropy-coded data padded with 1-bits and byte-stuffed (0xFF 0x00, F.1.2.3);
- markers SOI, SOF3, DHT, SOS, EOI (B.2).

The bit packing is vectorised with numpy, so a 3000 x 2500 image is written
in about a second. Every stream is read back with pylibjpeg-libjpeg in the tests.
"""

from __future__ import annotations

import heapq
import struct

import numpy as np

MAX_CODE_LENGTH = 16  # JPEG Huffman codes (C.2)
CATEGORIES = 17  # SSSS 0..16 for lossless differences (Table H.2)
_ROWS_PER_CHUNK = 256  # bounds the (pixels x 32) bit matrix of one chunk


def _differences(image: np.ndarray, precision: int) -> np.ndarray:
    """Prediction differences of selection value 1, as signed values modulo 2^16 (H.1.2.1)."""
    samples = image.astype(np.int64)
    predicted = np.empty_like(samples)
    predicted[:, 1:] = samples[:, :-1]  # Ra, the sample to the left
    predicted[1:, 0] = samples[:-1, 0]  # Rb for the first column
    predicted[0, 0] = 1 << (precision - 1)
    diff = (samples - predicted) % 65536
    return np.where(diff >= 32768, diff - 65536, diff)


def _categories(diff: np.ndarray) -> np.ndarray:
    """SSSS, the number of bits of |diff| (Table H.2); -32768 is category 16."""
    magnitude = np.abs(diff)
    ssss = np.zeros(diff.shape, dtype=np.int64)
    nonzero = magnitude > 0
    ssss[nonzero] = np.floor(np.log2(magnitude[nonzero])).astype(np.int64) + 1
    return ssss


def huffman_table(counts: np.ndarray) -> tuple[list[int], list[int]]:
    """BITS (codes of each length 1..16) and HUFFVAL for the used categories (Annex K.2).

    A reserved symbol of count 1 takes the longest code, so that no real
    symbol gets the all-ones code; lengths above 16 are folded back as in
    Figure K.3.
    """
    symbols = [int(s) for s in np.nonzero(counts)[0]]
    reserved = CATEGORIES  # stands for the code point kept free
    weights = [(int(counts[s]), s) for s in symbols] + [(1, reserved)]
    if len(weights) == 1:  # pragma: no cover - an image always has one category at least
        raise ValueError("no symbols")
    depth = {symbol: 0 for _, symbol in weights}
    heap = [(weight, index, [symbol]) for index, (weight, symbol) in enumerate(weights)]
    heapq.heapify(heap)
    tie = len(heap)
    while len(heap) > 1:
        weight_a, _, group_a = heapq.heappop(heap)
        weight_b, _, group_b = heapq.heappop(heap)
        for symbol in group_a + group_b:
            depth[symbol] += 1
        heapq.heappush(heap, (weight_a + weight_b, tie, group_a + group_b))
        tie += 1
    bits = [0] * (max(depth.values()) + 1)
    for length in depth.values():
        bits[length] += 1
    # Figure K.3: no code longer than 16 bits
    for length in range(len(bits) - 1, MAX_CODE_LENGTH, -1):
        while bits[length] > 0:
            shorter = length - 2
            while bits[shorter] == 0:
                shorter -= 1
            bits[length] -= 2
            bits[length - 1] += 1
            bits[shorter + 1] += 2
            bits[shorter] -= 1
    bits = (bits + [0] * (MAX_CODE_LENGTH + 1))[: MAX_CODE_LENGTH + 1]
    longest = max(length for length in range(MAX_CODE_LENGTH + 1) if bits[length])
    bits[longest] -= 1  # the reserved code point
    order = sorted(symbols, key=lambda s: (depth[s], s))  # shortest codes to the commonest
    return bits[1:], order


def _canonical_codes(bits: list[int], values: list[int]) -> tuple[np.ndarray, np.ndarray]:
    """Code and length per category (Annex C: codes in order of length, then of HUFFVAL)."""
    codes = np.zeros(CATEGORIES, dtype=np.int64)
    lengths = np.zeros(CATEGORIES, dtype=np.int64)
    code, position = 0, 0
    for length, count in enumerate(bits, start=1):
        for _ in range(count):
            codes[values[position]] = code
            lengths[values[position]] = length
            code += 1
            position += 1
        code <<= 1
    return codes, lengths


def _bit_stream(values: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """The bits of each value (its low ``length`` bits, most significant first), concatenated."""
    width = 32
    shifts = np.arange(width - 1, -1, -1, dtype=np.int64)
    matrix = ((values[:, None] >> shifts) & 1).astype(np.uint8)
    keep = shifts[None, :] < lengths[:, None]
    return matrix[keep]


def encode(image: np.ndarray, precision: int) -> bytes:
    """One frame of grey samples (rows, columns), 2 <= precision <= 16, as a JPEG Lossless SV1 stream."""
    if image.ndim != 2:
        raise ValueError("one grey frame (rows, columns) is expected")
    if not 2 <= precision <= 16:
        raise ValueError(f"precision {precision} is outside 2..16")
    if image.size and (int(image.min()) < 0 or int(image.max()) >= 1 << precision):
        raise ValueError(f"sample values do not fit in {precision} bits")
    rows, columns = image.shape
    diff = _differences(image, precision).ravel()
    ssss = _categories(diff)
    bits, values = huffman_table(np.bincount(ssss, minlength=CATEGORIES))
    codes, code_lengths = _canonical_codes(bits, values)
    # extra bits: the low SSSS bits of the difference, or of difference - 1 when negative (F.1.2.1.1)
    extra_lengths = np.where(ssss == 16, 0, ssss)
    extra = np.where(diff < 0, diff - 1, diff) & ((1 << extra_lengths) - 1)
    words = (codes[ssss] << extra_lengths) | extra
    word_lengths = code_lengths[ssss] + extra_lengths
    chunk = _ROWS_PER_CHUNK * columns
    stream = np.concatenate(
        [
            _bit_stream(words[start : start + chunk], word_lengths[start : start + chunk])
            for start in range(0, words.size, chunk)
        ]
        + [np.ones((-int(word_lengths.sum())) % 8, dtype=np.uint8)]  # pad with 1-bits (F.1.2.3)
    )
    data = np.packbits(stream)
    data = np.insert(data, np.nonzero(data == 0xFF)[0] + 1, 0)  # byte stuffing
    huffman = bytes([0x00, *bits, *values])  # class 0 (DC/lossless), table 0
    return b"".join(
        (
            b"\xff\xd8",  # SOI
            b"\xff\xc3" + struct.pack(">HBHHB", 11, precision, rows, columns, 1) + b"\x01\x11\x00",
            b"\xff\xc4" + struct.pack(">H", 2 + len(huffman)) + huffman,
            b"\xff\xda" + struct.pack(">HB", 8, 1) + b"\x01\x00" + bytes([1, 0, 0]),  # Ss=1 Se=0 Ah/Al=0
            data.tobytes(),
            b"\xff\xd9",  # EOI
        )
    )
