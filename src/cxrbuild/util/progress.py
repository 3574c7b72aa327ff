"""Progress on the terminal, a log file, and a one-line summary at the end.

Long commands use :class:`Progress`: it prints a short status line at most a
few times a second to stderr when it is a terminal (every 10% otherwise), and
:func:`setup_logging` sends the full log to a file as well as the screen.
"""

from __future__ import annotations

import logging
import sys
import time
from pathlib import Path

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def setup_logging(log_file: str | Path | None = None, verbose: bool = False) -> logging.Logger:
    """Configure the ``cxrbuild`` logger: WARNING+ (INFO with verbose) on stderr, INFO+ to the file."""
    logger = logging.getLogger("cxrbuild")
    logger.setLevel(logging.INFO)
    for handler in list(logger.handlers):
        logger.removeHandler(handler)
    console = logging.StreamHandler(sys.stderr)
    console.setLevel(logging.INFO if verbose else logging.WARNING)
    console.setFormatter(logging.Formatter("%(levelname)s: %(message)s"))
    logger.addHandler(console)
    if log_file is not None:
        Path(log_file).parent.mkdir(parents=True, exist_ok=True)
        file_handler = logging.FileHandler(log_file, encoding="utf-8")
        file_handler.setFormatter(logging.Formatter(LOG_FORMAT))
        logger.addHandler(file_handler)
    logger.propagate = False
    return logger


class Progress:
    """Counts done items of a known total and reports them without flooding the screen."""

    def __init__(self, label: str, total: int, stream=None, min_interval: float = 0.5) -> None:
        self.label = label
        self.total = max(total, 0)
        self.done = 0
        self.stream = stream if stream is not None else sys.stderr
        self.interactive = bool(getattr(self.stream, "isatty", lambda: False)())
        self.min_interval = min_interval
        self.started = time.monotonic()
        self._last_report = 0.0
        self._last_decile = -1

    @property
    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def advance(self, n: int = 1) -> None:
        self.done += n
        now = time.monotonic()
        if self.interactive:
            if now - self._last_report >= self.min_interval or self.done >= self.total:
                self._last_report = now
                self.stream.write(f"\r{self._line()}")
                self.stream.flush()
        elif self.total:
            decile = (10 * self.done) // self.total
            if decile != self._last_decile:
                self._last_decile = decile
                self.stream.write(self._line() + "\n")
                self.stream.flush()

    def _line(self) -> str:
        pct = 100.0 * self.done / self.total if self.total else 100.0
        rate = self.done / self.elapsed if self.elapsed > 0 else 0.0
        return f"{self.label}: {self.done}/{self.total} ({pct:.0f}%, {rate:.1f}/s)"

    def finish(self, summary: str) -> str:
        """End the progress line and print the one-line summary (also returned, for logs)."""
        if self.interactive:
            self.stream.write("\n")
        line = f"{self.label}: {summary} in {self.elapsed:.1f}s"
        self.stream.write(line + "\n")
        self.stream.flush()
        return line
