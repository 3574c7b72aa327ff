"""Read text in small image crops with Tesseract, through its C API (tesserocr).

One ``PyTessBaseAPI`` is created per process and reused for every crop: loading
the English model costs far more than reading a line, so a process never
starts Tesseract twice, and OCR never runs over a whole image, only over the
candidate text lines found by :mod:`cxrbuild.dicom.textdetect`.

The trained data is looked up at run time (``TESSDATA_PREFIX`` first, then
the places Debian, Fedora, Homebrew and source builds install it); nothing is
downloaded. Without it, :class:`OcrUnavailableError` is raised, and the pixel
step fails closed (the image is quarantined, never released unread).
"""

from __future__ import annotations

import hashlib
import os
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PIL import Image

from cxrbuild.dicom.boxes import Box
from cxrbuild.util.per_process import PerProcess

# Where Tesseract's trained data is installed by common packagings, newest first.
TESSDATA_CANDIDATES = (
    "/usr/share/tesseract-ocr/5/tessdata",
    "/usr/share/tesseract-ocr/4.00/tessdata",
    "/usr/share/tessdata",
    "/usr/local/share/tessdata",
    "/usr/local/share/tesseract-ocr/tessdata",
    "/opt/homebrew/share/tessdata",
    "/opt/local/share/tessdata",
)

# Tesseract reads best when capital letters are ~30 px tall; smaller crops are upscaled.
TARGET_TEXT_HEIGHT = 32
MAX_UPSCALE = 4.0


class OcrUnavailableError(RuntimeError):
    """Tesseract or its English trained data cannot be found."""


# crops whose readings a process keeps (their digests and words: a few megabytes)
READINGS_KEPT = 4096


@dataclass(frozen=True)
class OcrWord:
    """One word read by Tesseract, with its box in the coordinates of the crop given."""

    text: str
    confidence: float  # 0-100, Tesseract's word confidence
    box: Box  # x0, y0, x1, y1 (half-open)


def find_tessdata(language: str = "eng") -> Path:
    """Return the directory holding ``<language>.traineddata``.

    ``TESSDATA_PREFIX`` may name the tessdata directory itself or its parent
    (both conventions exist across Tesseract versions).
    """
    candidates: list[Path] = []
    prefix = os.environ.get("TESSDATA_PREFIX")
    if prefix:
        candidates += [Path(prefix), Path(prefix) / "tessdata"]
    candidates += [Path(p) for p in TESSDATA_CANDIDATES]
    try:  # the data path tesserocr was built with, if any
        import tesserocr

        built_in, _ = tesserocr.get_languages()
        if built_in:
            candidates.append(Path(built_in))
    except Exception:  # tesserocr missing is reported by _engine()
        pass
    for directory in candidates:
        if (directory / f"{language}.traineddata").is_file():
            return directory
    raise OcrUnavailableError(
        f"no {language}.traineddata found (set TESSDATA_PREFIX; looked in "
        f"{', '.join(str(c) for c in candidates)})"
    )


class _Engine:
    """A Tesseract instance set up for single text lines, reused for every crop."""

    def __init__(self) -> None:
        try:
            import tesserocr
        except ImportError as err:  # pragma: no cover - tesserocr is a hard dependency
            raise OcrUnavailableError(f"tesserocr is not installed ({err})") from err
        self._tesserocr = tesserocr
        tessdata = find_tessdata()
        self.api = tesserocr.PyTessBaseAPI(
            path=str(tessdata) + os.sep, lang="eng", psm=tesserocr.PSM.SINGLE_LINE
        )
        # Crops are binarized already; dictionary look-ups would "correct" IDs and names.
        for name, value in (
            ("load_system_dawg", "0"),
            ("load_freq_dawg", "0"),
            ("tessedit_do_invert", "0"),
        ):
            self.api.SetVariable(name, value)
        self.lock = threading.Lock()
        # the readings of the last crops read: the same crop comes back (a line's variants and re-readings
        # meet, a marker repeats from image to image), and Tesseract reads it the same each time
        self._readings: OrderedDict[tuple[bytes, int, bool], tuple[OcrWord, ...]] = OrderedDict()

    def read(self, gray: np.ndarray, single_line: bool) -> list[OcrWord]:
        tesserocr = self._tesserocr
        image = np.ascontiguousarray(gray, dtype=np.uint8)
        height, width = image.shape
        key = (hashlib.blake2b(image.tobytes(), digest_size=16).digest(), width, single_line)
        with self.lock:
            known = self._readings.get(key)
            if known is not None:
                self._readings.move_to_end(key)
                return list(known)
            self.api.SetPageSegMode(tesserocr.PSM.SINGLE_LINE if single_line else tesserocr.PSM.SINGLE_BLOCK)
            self.api.SetImageBytes(image.tobytes(), width, height, 1, width)
            self.api.SetSourceResolution(300)
            self.api.Recognize()
            words: list[OcrWord] = []
            iterator = self.api.GetIterator()
            level = tesserocr.RIL.WORD
            if iterator is not None:
                while True:
                    try:
                        text = iterator.GetUTF8Text(level)
                    except RuntimeError:  # an empty word (tesserocr raises instead of "")
                        text = ""
                    if text and text.strip():
                        bbox = iterator.BoundingBox(level)
                        if bbox is not None:
                            words.append(OcrWord(text.strip(), float(iterator.Confidence(level)), tuple(bbox)))
                    if not iterator.Next(level):
                        break
            self.api.Clear()
            self._readings[key] = tuple(words)
            if len(self._readings) > READINGS_KEPT:
                self._readings.popitem(last=False)
        return words


# the process's Tesseract instance (re-created after a fork, never shared across processes)
_ENGINE: PerProcess[_Engine] = PerProcess(_Engine)


def _engine() -> _Engine:
    return _ENGINE.get()


def start() -> float:
    """Load Tesseract and its model in this process now; the CPU seconds it took.

    Every process pays this once (about 0.2 s); a long-running worker or a
    benchmark calls it up front so that per-image times are per image.
    """
    started = time.process_time()
    _engine()
    return time.process_time() - started


def prepare_crop(text: np.ndarray, text_height: int, margin: int = 8) -> tuple[np.ndarray, float]:
    """Turn a text crop into black-on-white 8-bit, upscaled so letters are ~32 px tall.

    ``text`` is a boolean mask of text pixels, or an 8-bit grey crop with dark
    text on a light ground (interpolated when upscaled, which keeps thin
    anti-aliased strokes whole); letters more than twice that tall are
    shrunk. Returns the image and the scale factor (crop coordinates =
    (image coordinates - padding) / scale; the padding is ``margin`` x scale
    when enlarged, ``margin`` when shrunk).
    """
    factor = 1
    if 0 < text_height < TARGET_TEXT_HEIGHT:
        factor = int(np.ceil(min(MAX_UPSCALE, TARGET_TEXT_HEIGHT / text_height)))
    shrink = int(text_height // (2 * TARGET_TEXT_HEIGHT)) + 1 if text_height >= 2 * TARGET_TEXT_HEIGHT else 1
    if text.dtype == bool:
        image = np.where(text, 0, 255).astype(np.uint8)
        if factor > 1:
            image = np.repeat(np.repeat(image, factor, axis=0), factor, axis=1)
    else:
        image = np.ascontiguousarray(text, dtype=np.uint8)
        if factor > 1:
            height, width = image.shape
            resized = Image.fromarray(image).resize((width * factor, height * factor), Image.BILINEAR)
            image = np.asarray(resized)
    if shrink > 1:
        # big letters read as well, and much faster, at a fraction of their size
        height, width = image.shape
        image = np.asarray(Image.fromarray(image).resize((max(1, width // shrink), max(1, height // shrink)), Image.BOX))
        image = np.pad(image, margin, constant_values=255)
        return image, 1.0 / shrink
    image = np.pad(image, margin * factor, constant_values=255)
    return image, float(factor)


def read_text_mask(text: np.ndarray, text_height: int, single_line: bool = True) -> list[OcrWord]:
    """OCR a text crop (bool mask, or grey with dark text); word boxes in the crop's coordinates."""
    if text.size == 0 or (text.dtype == bool and not text.any()):
        return []
    margin = 8
    image, scale = prepare_crop(text, text_height, margin=margin)
    pad = margin if scale < 1 else int(margin * scale)
    words = _engine().read(image, single_line=single_line)
    height, width = text.shape
    out: list[OcrWord] = []
    for word in words:
        x0, y0, x1, y1 = word.box
        bx0 = int(np.floor((x0 - pad) / scale))
        by0 = int(np.floor((y0 - pad) / scale))
        bx1 = int(np.ceil((x1 - pad) / scale))
        by1 = int(np.ceil((y1 - pad) / scale))
        bx0, by0 = max(bx0, 0), max(by0, 0)
        bx1, by1 = min(bx1, width), min(by1, height)
        if bx1 > bx0 and by1 > by0:
            out.append(OcrWord(word.text, word.confidence, (bx0, by0, bx1, by1)))
    return out
