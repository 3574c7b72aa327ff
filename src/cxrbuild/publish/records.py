"""What every batch writes: the records file listing each planned item with its status.

A batch reads its plan (written by ``cxrbuild.ids``), writes its outputs under
a staging folder with the release's relative paths, and lists every planned
item in a records file (JSON lines: ``output``, ``status``, ``reason``,
``sha256`` of the staged bytes), so packaging never has to re-read the files
and nothing planned can go missing without a reason.
"""

from __future__ import annotations

import json
from pathlib import Path

from cxrbuild.util.atomic import atomic_write_text


def write_records(records: list[dict], records_path: str | Path) -> None:
    lines = [json.dumps(r, sort_keys=True, ensure_ascii=False) for r in sorted(records, key=lambda r: r["output"])]
    atomic_write_text(records_path, "".join(line + "\n" for line in lines))


def one_line(text: object) -> str:
    return " ".join(str(text).split())[:300]


