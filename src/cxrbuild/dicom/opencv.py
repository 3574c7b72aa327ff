"""OpenCV, loaded on first use with no thread pool of its own: a build runs one process per core,
and OpenCV's own threads would only add their hand-over to the CPU time of each image."""

from __future__ import annotations

from functools import cache
from types import ModuleType

THREADS = 1


@cache
def opencv() -> ModuleType:
    """The ``cv2`` module, set to run on the calling thread alone."""
    import cv2

    cv2.setNumThreads(THREADS)
    return cv2
