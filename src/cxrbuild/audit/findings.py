"""Ranking and explaining what the leak scan found, and writing it down.

A finding has one of three ranks:

- ``confirmed``: an identifier that is a leak wherever it is (a full name, an
  MRN, a birth date, an original UID, an SSN, a phone, a street address, an
  original date with its four-digit year), found exactly. Any confirmed
  finding fails the audit.
- ``probable``: needs a person to look: a rare surname alone, an initial with a
  surname, a short number, a strong identifier matched with one edit (OCR
  misread), a short token inside compressed pixel bytes.
- ``weak``: listed to be weighed, not a leak by itself: a surname that is a
  common English or radiology word ('Mass', 'Hall', 'Fluid'), a word written in
  lower case in prose, a given name, a city, a postal code.

Each finding says why it has its rank, so a reviewer can disagree with it.
"""

from __future__ import annotations

import csv
import io
import json
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from cxrbuild.audit.matcher import Match
from cxrbuild.audit.tokens import TOKEN_PATTERN
from cxrbuild.printed_forms import MEDIUM, STRONG, WEAK
from cxrbuild.util.atomic import atomic_write_text

CONFIRMED, PROBABLE, WEAK_RANK = "confirmed", "probable", "weak"
RANKS = (CONFIRMED, PROBABLE, WEAK_RANK)
RANK_SCORE = {CONFIRMED: 3.0, PROBABLE: 2.0, WEAK_RANK: 1.0}

# kinds that are one word of a person's name (a common word by chance, or not)
SINGLE_NAME_KINDS = frozenset({"family_name", "given_name", "provider_family_name", "provider_given_name"})
INITIAL_KINDS = frozenset({"initial_surname", "provider_initial_surname"})
# places where text is prose written by people (a lower-case word there is a word)
PROSE_PLACES = frozenset({"report", "text", "pixels_ocr"})
# a token at least this common in English (Zipf scale, wordfreq) is a common word
COMMON_ZIPF = 4.0
MIN_DISTINCTIVE_LENGTH = 4


@dataclass
class Finding:
    """One identifier found in one released place."""

    rank: str
    score: float
    kind: str
    identifier: str
    found: str
    match: str
    file: str
    where: str
    place: str
    owner: str | None
    source: str
    explanation: str


@dataclass
class Commonness:
    """How common a token is: in English, in radiology prose, and across this release's reports."""

    zipf: Callable[[str], float]
    lexicon: frozenset[str]
    subjects_with_token: Callable[[str], int]

    def reason(self, token: str) -> str | None:
        """Why ``token`` is common (None when it is distinctive)."""
        if len(token) < MIN_DISTINCTIVE_LENGTH:
            return f"short token ({len(token)} characters)"
        if token in self.lexicon:
            return "a radiology word"
        frequency = self.zipf(token)
        if frequency >= COMMON_ZIPF:
            return f"a common English word (Zipf frequency {frequency:.1f})"
        subjects = self.subjects_with_token(token)
        if subjects >= 3:
            return f"found in the reports of {subjects} different subjects"
        return None


def _step_down(rank: str) -> str | None:
    return {CONFIRMED: PROBABLE, PROBABLE: WEAK_RANK, WEAK_RANK: None}[rank]


def rank_match(
    match: Match, found: str, place: str, commonness: Commonness, same_patient: bool | None
) -> tuple[str, str] | None:
    """(rank, explanation) of a match, or None when it is not worth listing."""
    form = match.form
    base = {STRONG: CONFIRMED, MEDIUM: PROBABLE, WEAK: WEAK_RANK}[form.strength]
    why = [f"{form.kind.replace('_', ' ')} ({form.strength} form, from {form.source})"]
    rank: str | None = base
    if form.kind in SINGLE_NAME_KINDS:
        common = commonness.reason(form.tokens[0])
        if place == "pixels_ocr" and found.isupper() and len(found) >= MIN_DISTINCTIVE_LENGTH:
            # burned-in capitals are labels, not prose: a name part there is most likely
            # the rest of a name the OCR only partly read
            rank = PROBABLE
            why.append("a name part in capitals burned into the pixels")
        elif form.kind.endswith("given_name"):
            rank = WEAK_RANK
            why.append("a given name alone")
        elif common:
            rank = WEAK_RANK
            why.append(f"the surname is {common}")
        if place in PROSE_PLACES and found.islower():
            rank = WEAK_RANK
            why.append("written in lower case, as a word")
    elif form.kind in INITIAL_KINDS:
        surname = max(form.tokens, key=len)
        common = commonness.reason(surname)
        written = next((w for w in TOKEN_PATTERN.findall(found) if w.casefold() == surname), "")
        if common and (written.islower() or (place not in PROSE_PLACES and not written)):
            rank = WEAK_RANK
            why.append(f"the surname is {common}, written in lower case")
        elif common:
            why.append(f"the surname is {common}, but it is capitalised as a name")
    elif form.kind.endswith("full_name") and place in PROSE_PLACES and found.islower():
        rank = PROBABLE
        why.append("written in lower case")
    if match.fuzzy:
        if commonness.reason(found.casefold()) is not None and len(form.tokens) == 1:
            return None  # 'normal' is one edit from 'Norman': a common word is itself, not a misread name
        rank = _step_down(rank) if rank else None
        why.append("matched with one edit (OCR misread or typo)")
    if place == "pixel_bytes" and rank == CONFIRMED:
        letters = sum(c.isalpha() for c in found)
        if letters < 8:
            # runs of digit-valued bytes are common in smooth 8-bit pixels, long runs of
            # letters spelling a name are not
            rank = PROBABLE
            why.append("inside the stored pixel bytes, where such a string can occur by chance")
    if rank is None:
        return None
    if same_patient is True:
        why.append("in this patient's own release files")
    elif same_patient is False:
        why.append("in another patient's release files")
    return rank, "; ".join(why)


def score(rank: str, found: str, same_patient: bool | None) -> float:
    """Sort key within a rank: longer strings and the patient's own files first."""
    return round(RANK_SCORE[rank] + min(len(found), 40) / 100 + (0.3 if same_patient else 0.0), 3)


def rank_counts(findings: Sequence[Finding]) -> dict[str, int]:
    counts = Counter(f.rank for f in findings)
    return {rank: counts.get(rank, 0) for rank in RANKS}


def mask(value: str) -> str:
    """A value shown on screen: enough to recognise, not the whole identifier."""
    if len(value) <= 2:
        return "*" * len(value)
    keep = max(1, len(value) // 4)
    return value[:keep] + "*" * (len(value) - 2 * keep) + value[-keep:]


FIELDS = [f for f in Finding.__dataclass_fields__]


@dataclass(frozen=True)
class FindingFiles:
    """Where the findings of an audit are written: the ranked list as JSON and CSV, and a readable summary."""

    json: Path
    csv: Path
    summary: Path

    @classmethod
    def in_folder(cls, folder: str | Path) -> FindingFiles:
        """``findings.json``, ``findings.csv`` and ``summary.md`` in ``folder`` (``cxrbuild audit --out``)."""
        folder = Path(folder)
        return cls(folder / "findings.json", folder / "findings.csv", folder / "summary.md")

    def folders(self) -> list[Path]:
        return sorted({path.parent for path in (self.json, self.csv, self.summary)})


def write_findings(files: FindingFiles, findings: Sequence[Finding], meta: dict) -> FindingFiles:
    """findings.json (meta + findings), findings.csv, summary.md; atomic each."""
    for folder in files.folders():
        folder.mkdir(parents=True, exist_ok=True)
    payload = dict(meta)
    payload["counts"] = rank_counts(findings)
    payload["findings"] = [asdict(f) for f in findings]
    paths = {"json": files.json, "csv": files.csv, "summary": files.summary}
    atomic_write_text(paths["json"], json.dumps(payload, indent=1, sort_keys=False) + "\n")
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    for finding in findings:
        writer.writerow(asdict(finding))
    atomic_write_text(paths["csv"], buffer.getvalue())
    atomic_write_text(paths["summary"], summary_markdown(findings, meta))
    return files


def summary_markdown(findings: Sequence[Finding], meta: dict, per_rank: int = 25) -> str:
    """A readable summary: what was audited, the counts, the top findings of each rank."""
    counts = rank_counts(findings)
    failed = meta.get("verdict", "FAIL" if counts[CONFIRMED] else "PASS") == "FAIL"
    verdict = (f"FAIL: {counts[CONFIRMED]} confirmed identifiers, {len(meta.get('not_fully_read', []))} files "
               "not fully read" if failed else "PASS: no confirmed identifier, every file read")
    lines = [
        f"# Leak audit of {meta.get('release', '?')}",
        "",
        f"**{verdict}**",
        "",
        f"- patients audited: {meta.get('patients', '?')} ({meta.get('patient_scope', '?')})",
        f"- identifier forms searched: {meta.get('identifier_forms', '?')}",
        f"- files scanned: {meta.get('files_scanned', '?')} ({meta.get('bytes_scanned', '?')} bytes), "
        f"archive members: {meta.get('archive_members', 0)}, DICOM files: {meta.get('dicom_files', 0)}, "
        f"images re-read by OCR: {meta.get('ocr_images', 0)}",
        f"- findings: {counts[CONFIRMED]} confirmed, {counts[PROBABLE]} probable, {counts[WEAK_RANK]} weak",
        "",
        "This file holds identifiers: keep it in the private work area, never in the release.",
    ]
    if meta.get("not_fully_read"):
        lines += ["", "## Not fully read (fail closed)", ""] + [f"- {p}" for p in meta["not_fully_read"]]
    for rank in RANKS:
        ranked = [f for f in findings if f.rank == rank]
        if not ranked:
            continue
        lines += ["", f"## {rank.capitalize()} ({len(ranked)})", "",
                  "| kind | found | match | file | where | why |", "| --- | --- | --- | --- | --- | --- |"]
        for finding in ranked[:per_rank]:
            cells = [finding.kind, finding.found, finding.match, finding.file, finding.where, finding.explanation]
            lines.append("| " + " | ".join(c.replace("|", "\\|").replace("\n", " ") for c in cells) + " |")
        if len(ranked) > per_rank:
            lines.append(f"| ... {len(ranked) - per_rank} more in findings.csv | | | | | |")
    return "\n".join(lines) + "\n"
