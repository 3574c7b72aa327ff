"""Identifiers in tables pasted from an EHR screen: a column's heading names what its cells hold.

A report may carry a table copied from the record ("Name | DOB | Age | Sex |
MRN" and under it "DANG, ZANTINE A | 1/20/1945 | 78 y.o. | F | 857-98-23").
The cells are bare values with no cue word beside them, so the name and place
rules cannot see them; the heading row says what they are. The columns that
hold identifiers are listed in ``text/data/table_columns.yaml``.

A table is a run of lines split into cells by ``|`` (or by tabs), two cells at
least; a heading line is one whose every cell is a few letters-only words and
at least one of which is a listed heading; the lines that follow with the same
number of cells are its rows, up to the next heading, a blank line or a line
that is no table line.

A flowsheet aligned by blanks has no such cells; under a heading that opens
with "Time", the clock time that opens each row is the only identifier read.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass

from cxrbuild.text import stored_re as re
from cxrbuild.text.spans import LETTERS, RuleSpan, data_yaml

# a heading cell: one to four words of letters (dots, slashes and "#" allowed), nothing else
HEADING_CELL_RE = re.compile(r"[" + LETTERS + r"][" + LETTERS + r"./#' ]{0,30}")
LINE_RE = re.compile(r"[^\n]*")
# a cell with nothing to remove: empty, dashes, an existing placeholder, "n/a", "none"
EMPTY_CELL_RE = re.compile(r"(?i)[\s\-–—_.*]*|n/?a|none|unknown|not recorded")
# what a cell must hold to be the column's identifier
CELL_SHAPES = {
    "NAME": re.compile(r"[" + LETTERS + r"]{2}"),
    "DATE": re.compile(r"[0-9]|(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"),
    "ID": re.compile(r"[0-9]"),
    "PHONE": re.compile(r"[0-9]{3}"),
    "LOCATION": re.compile(r"[" + LETTERS + r"0-9]{2}"),
    "HOSPITAL": re.compile(r"[" + LETTERS + r"]{3}"),
}


# a unit or a note in brackets after a heading's words ("Age (yrs)", "Ext (4 digits)")
HEADING_NOTE_RE = re.compile(r"[ \t]*\([^()\n]*\)[ \t]*\Z")
# the lines above a cell read for its column's heading
HEADING_LOOKBACK_LINES = 40


def heading_key(cell: str) -> str:
    """A cell's text as the listed headings are matched: trimmed of ":" and "#", folded, one blank between words."""
    return " ".join(cell.strip().strip(":#").strip().casefold().split())


@dataclass(frozen=True)
class TableColumns:
    version: str
    labels: dict[str, str]  # heading (folded) -> label
    # headings of a column of ages: the table finder leaves its cells (an age under 90 is no identifier), but a number
    # under one is an age, no measured value ("| Relative | Age |" over "| Mother | 92 |")
    ages: frozenset[str] = frozenset()


@functools.lru_cache(maxsize=1)
def load_table_columns() -> TableColumns:
    spec = data_yaml("table_columns.yaml")
    labels = {heading_key(heading): label for label, headings in spec["columns"].items() for heading in headings}
    return TableColumns(str(spec["version"]), labels, frozenset(heading_key(heading) for heading in spec["ages"]))


def _cells(line: str, offset: int) -> list[tuple[int, int]] | None:
    """The (start, end) of each cell of a table line, blanks trimmed; None for no table line."""
    separator = "|" if line.count("|") >= 1 else "\t" if line.count("\t") >= 1 else ""
    if not separator:
        return None
    cells = []
    position = 0
    for part in line.split(separator):
        stripped = part.strip()
        start = position + (part.find(stripped) if stripped else 0)
        cells.append((offset + start, offset + start + len(stripped)))
        position += len(part) + 1
    # a leading or trailing bar ("| a | b |") opens or closes the row: no cell there
    if separator == "|" and line.strip().startswith("|"):
        cells = cells[1:]
    if separator == "|" and line.strip().endswith("|"):
        cells = cells[:-1]
    return cells if len(cells) >= 2 else None


def heading_label(cell: str, columns: TableColumns | None = None) -> str | None:
    """The label of what a column under the heading ``cell`` holds ("MRN": "ID", "Pager": "PHONE", "Age (yrs)": "AGE"),
    or None for a heading of no identifier's or age's column ("Result", "Test")."""
    key = heading_key(HEADING_NOTE_RE.sub("", cell))
    columns = columns or load_table_columns()
    label = columns.labels.get(key)
    return label if label is not None else "AGE" if key in columns.ages else None


def row_cells(text: str, position: int) -> tuple[list[tuple[int, int]], int] | None:
    """The cells of the table line holding ``position`` and the index of the cell it is in (None: no table's cell)."""
    line_start = text.rfind("\n", 0, position) + 1
    line_end = text.find("\n", position)
    line_end = len(text) if line_end < 0 else line_end
    cells = _cells(text[line_start:line_end], line_start)
    if cells is None:
        return None
    index = next((i for i, (start, end) in enumerate(cells) if start <= position <= end), None)
    return None if index is None else (cells, index)


def cells_above(text: str, position: int) -> Iterator[str]:
    """The cells of the column holding ``position`` above it in the same table, nearest first: going up the lines of the
    table's width, where its heading is. A row of another width or a line that is no table's ends them, so a heading of
    another table is never read."""
    found = row_cells(text, position)
    if found is None:
        return
    cells, index = found
    line_start = text.rfind("\n", 0, position) + 1
    for _ in range(HEADING_LOOKBACK_LINES):
        if line_start == 0:
            return
        previous_start = text.rfind("\n", 0, line_start - 1) + 1
        above = _cells(text[previous_start:line_start - 1], previous_start)
        if above is None or len(above) != len(cells):
            return
        yield text[above[index][0]:above[index][1]]
        line_start = previous_start


# a flowsheet aligned by blanks: a heading that opens with "Time" and names two columns more, over rows that each open
# with their clock time, four figures or with a colon, and go on with numbers ("Time   T     HR   BP\n1000   37.9  106
# 107/51"; a continuation row's "250   500" of a fluid chart is no time)
FLOWSHEET_HEADING_RE = re.compile(r"(?im)^[ \t]*time[ \t]{2,}[^\s0-9]\S*(?:[ \t]+[^\s0-9]\S*)+[ \t]*$")
FLOWSHEET_ROW_RE = re.compile(r"[ \t]*(?P<time>(?:(?:[01]?[0-9]|2[0-3]):|[01][0-9]|2[0-3])[0-5][0-9]h?)[ \t]+[0-9][^\n]*")


def _flowsheet_rows(text: str, position: int) -> Iterator[re.Match[str]]:
    """The rows of a flowsheet whose heading ends at ``position``: up to a line that opens with no clock time."""
    while position < len(text) and text[position] == "\n":
        row = FLOWSHEET_ROW_RE.match(text, position + 1)
        if not row or (row.end() < len(text) and text[row.end()] != "\n"):
            return
        yield row
        position = row.end()


class TableFinder:
    """Cells under an identifier's column heading."""

    def __init__(self, columns: TableColumns | None = None) -> None:
        self.columns = columns or load_table_columns()

    @staticmethod
    def _flowsheet_times(text: str) -> list[RuleSpan]:
        """The clock time opening each row of a flowsheet aligned by blanks (a time of day, whatever the columns)."""
        return [RuleSpan(row.start("time"), row.end("time"), "TIME", "flowsheet_time", strong=True)
                for heading in FLOWSHEET_HEADING_RE.finditer(text) for row in _flowsheet_rows(text, heading.end())]

    def _heading(self, text: str, cells: list[tuple[int, int]]) -> list[str | None] | None:
        """The label of each column when the cells are a heading row, else None."""
        labels: list[str | None] = []
        for start, end in cells:
            cell = text[start:end]
            if not cell or not HEADING_CELL_RE.fullmatch(cell) or len(cell.split()) > 4:
                return None
            labels.append(self.columns.labels.get(heading_key(cell)))
        return labels if any(labels) else None

    def find(self, text: str) -> list[RuleSpan]:
        spans = self._flowsheet_times(text)
        if "|" not in text and "\t" not in text:
            return spans
        heading: list[str | None] | None = None
        offset = 0
        for line in text.split("\n"):
            cells = _cells(line, offset)
            offset += len(line) + 1
            if cells is None:
                heading = None
                continue
            labels = self._heading(text, cells)
            if labels is not None:
                heading = labels
                continue
            if heading is None or len(cells) != len(heading):
                heading = None  # a row of another width ends the table
                continue
            for (start, end), label in zip(cells, heading, strict=True):
                cell = text[start:end]
                if label is None or EMPTY_CELL_RE.fullmatch(cell) or not CELL_SHAPES[label].search(cell):
                    continue
                spans.append(RuleSpan(start, end, label, "table_column", strong=True))
        return spans
