"""Text built piece by piece, with labelled spans at their exact character offsets.

Both report generators (the demo hospital's reports and the report model's
training corpus) write their PHI through this, so a span always indexes
exactly the characters it labels.
"""

from __future__ import annotations


class SpanText:
    """Appends pieces of text; :meth:`add_span` also records the piece as a labelled span."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.spans: list[dict] = []

    def add(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def add_span(self, text: str, label: str, **extra: str) -> None:
        """Append ``text`` and record ``{start, end, label, **extra}`` for it."""
        self.spans.append({"start": self.length, "end": self.length + len(text), "label": label, **extra})
        self.add(text)

    @property
    def text(self) -> str:
        return "".join(self.parts)
