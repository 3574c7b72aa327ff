"""One instance of an expensive object per process (OCR engines, ONNX sessions).

A forked worker must not share its parent's native handles, so the instance
is made again when the process id changes.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


class PerProcess(Generic[T]):
    """``get()`` returns this process's instance, made by ``factory`` on first use."""

    def __init__(self, factory: Callable[[], T]) -> None:
        self._factory = factory
        self._instance: T | None = None
        self._pid: int | None = None

    def get(self) -> T:
        if self._instance is None or os.getpid() != self._pid:
            self._instance = self._factory()
            self._pid = os.getpid()
        return self._instance
