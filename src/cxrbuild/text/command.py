"""``cxrbuild deid-reports IN.jsonl OUT.jsonl``: de-identify radiology reports.

Each input line is ``{"id": ..., "text": ...}`` (optionally ``"deny"``: the
EHR's own identifiers for this report's patient and author, and
``"day_shift"``: days to move full dates by, used when the settings ask for
date shifting). Each output line is ``{"id", "text", "phi": [{"start", "end",
"label"}]}``: ``text`` with every PHI span replaced by ``___``, the spans
indexing the input text. ``-`` reads stdin or writes stdout. The whole input
is checked before anything is written; a bad line stops the command with one
line naming the line number, and no output file is left behind.
"""

from __future__ import annotations

import argparse
import gc
import json
import logging
import sys
import time
from collections import Counter
from pathlib import Path
from typing import IO, TYPE_CHECKING

import yaml

from cxrbuild.util.atomic import atomic_open
from cxrbuild.util.errors import CxrbuildError
from cxrbuild.util.paths import check_output_file, same_file
from cxrbuild.util.progress import Progress, setup_logging

if TYPE_CHECKING:
    from cxrbuild.text.deid import ReportDeidentifier

log = logging.getLogger("cxrbuild.text.command")


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "deid-reports",
        help="replace PHI in radiology reports (JSON lines) by ___",
        description="De-identify radiology reports: rules plus the NER model; PHI becomes ___.",
    )
    parser.add_argument("input", help="input JSON lines, each {\"id\", \"text\"}; - for stdin")
    parser.add_argument("output", help="output JSON lines, each {\"id\", \"text\", \"phi\"}; - for stdout")
    parser.add_argument("--model", type=Path, default=None, help="NER model directory (default: rules only, or model_dir of --config)")
    parser.add_argument("--config", type=Path, default=None, help="YAML settings (dates, numeric_date_order, model_dir, use_model, batch_size)")
    parser.add_argument("--log", type=Path, default=None, help="also write the log to this file")
    parser.add_argument("--verbose", action="store_true", help="log progress details on the terminal")
    parser.set_defaults(func=run)


def load_settings(path: Path | None) -> dict:
    """Report settings from a YAML file: top level, or under a ``reports`` key."""
    if path is None:
        return {}
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    except OSError as err:
        raise CxrbuildError(f"{path}: cannot read settings ({err.strerror})") from err
    except yaml.YAMLError as err:
        raise CxrbuildError(f"{path}: not valid YAML ({str(err).splitlines()[0]})") from err
    if not isinstance(data, dict):
        raise CxrbuildError(f"{path}: settings must be a mapping")
    if isinstance(data.get("reports"), dict):
        data = data["reports"]
    if data.get("model_dir") is not None:
        model_dir = Path(data["model_dir"])
        data["model_dir"] = model_dir if model_dir.is_absolute() else path.parent / model_dir
    return data


def parse_line(line: str, line_number: int, source: str) -> dict:
    """One input record, checked; errors name the source and the line number."""
    where = f"{source}:{line_number}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as err:
        raise CxrbuildError(f"{where}: not valid JSON ({err.msg}: column {err.colno})") from err
    if not isinstance(record, dict):
        raise CxrbuildError(f"{where}: expected a JSON object with \"id\" and \"text\"")
    if "id" not in record:
        raise CxrbuildError(f"{where}: missing \"id\"")
    if not isinstance(record["id"], str | int) or isinstance(record["id"], bool):
        raise CxrbuildError(f"{where}: \"id\" must be a string or an integer")
    if not isinstance(record.get("text"), str):
        raise CxrbuildError(f"{where}: missing \"text\" or it is not a string")
    deny = record.get("deny", [])
    if not isinstance(deny, list) or not all(isinstance(item, str) for item in deny):
        raise CxrbuildError(f"{where}: \"deny\" must be a list of strings")
    shift = record.get("day_shift")
    if shift is not None and (not isinstance(shift, int) or isinstance(shift, bool)):
        raise CxrbuildError(f"{where}: \"day_shift\" must be an integer")
    return {"id": record["id"], "text": record["text"], "deny": deny, "day_shift": shift}


def read_input(handle: IO[str], source: str) -> list[dict]:
    """The checked input records of the command, blank lines skipped."""
    records = []
    for line_number, line in enumerate(handle, start=1):
        if not line.strip():
            continue
        records.append(parse_line(line, line_number, source))
    return records


def check_paths(args: argparse.Namespace) -> None:
    """The input, the output and the log, checked before anything is read or written."""
    if args.input != "-":
        source = Path(args.input)
        if source.is_dir():
            raise CxrbuildError(f"{source}: is a folder, not a JSON-lines file")
        if not source.exists():
            raise CxrbuildError(f"{source}: input file not found")
    if args.output != "-":
        check_output_file(args.output, "output")
        if args.input != "-" and same_file(args.input, args.output):
            raise CxrbuildError(f"{args.output}: the output would overwrite the input; write it elsewhere")
    if args.log is not None:
        check_output_file(args.log, "log")


def load_deidentifier(model: Path | None, settings: dict) -> ReportDeidentifier:
    """The de-identifier of this process, loaded without the garbage collector.

    The word lists are a few very large sets that live as long as the
    process; every collection of the generation they sit in walks all of them
    (a sixth of the command's start-up, and again now and then between
    reports). Loading makes no reference cycles worth collecting, so the
    collector is paused meanwhile, and what was loaded is then set apart from
    later collections (``gc.freeze``). Only this command's own process does
    this: the library leaves the collector alone.
    """
    from cxrbuild.text.deid import ReportDeidentifier

    enabled = gc.isenabled()
    gc.disable()
    try:
        deidentifier = ReportDeidentifier(model_dir=model, settings=settings)
    finally:
        if enabled:
            gc.enable()
    gc.freeze()
    return deidentifier


def run(args: argparse.Namespace) -> int:
    check_paths(args)
    started = time.monotonic()
    # settings and model are checked before the log is opened: a bad one leaves no file behind
    deidentifier = load_deidentifier(args.model, load_settings(args.config))
    setup_logging(args.log, verbose=args.verbose)
    if args.input == "-":
        records = read_input(sys.stdin, "<stdin>")
    else:
        path = Path(args.input)
        try:
            with open(path, encoding="utf-8") as handle:
                records = read_input(handle, str(path))
        except OSError as err:
            raise CxrbuildError(f"{path}: cannot read the input ({err.strerror or err})") from err
        except UnicodeDecodeError as err:
            raise CxrbuildError(f"{path}: not UTF-8 text ({err.reason} at byte {err.start})") from err
    if deidentifier.model is None:
        log.warning("deid-reports: no NER model given (--model or model_dir in --config): rules only")
    log.info("deid-reports: %d reports, rules %s, model %s", len(records), deidentifier.version["rules"][:12], (deidentifier.version["model"] or "none")[:12])

    progress = Progress("deid-reports", len(records))
    labels: Counter = Counter()
    batch_size = max(1, int(deidentifier.settings["batch_size"]))
    output_lines: list[str] = []
    for offset in range(0, len(records), batch_size):
        batch = records[offset:offset + batch_size]
        results = deidentifier.deidentify_many(
            [r["text"] for r in batch], [r["deny"] for r in batch], [r["day_shift"] for r in batch]
        )
        for record, result in zip(batch, results, strict=True):
            labels.update(span.label for span in result.spans)
            phi = [{"start": s.start, "end": s.end, "label": s.label} for s in result.spans]
            output_lines.append(json.dumps({"id": record["id"], "text": result.text, "phi": phi}, ensure_ascii=False) + "\n")
        progress.advance(len(batch))

    if args.output == "-":
        sys.stdout.writelines(output_lines)
        sys.stdout.flush()
    else:
        with atomic_open(args.output, "w", encoding="utf-8", newline="\n") as handle:
            handle.writelines(output_lines)
    by_label = ", ".join(f"{label} {count}" for label, count in sorted(labels.items())) or "none"
    summary = progress.finish(f"{len(records)} reports, {sum(labels.values())} PHI spans removed ({by_label})")
    log.info("%s (%.1fs)", summary, time.monotonic() - started)
    return 0
