"""How much of the PHI a leak audit finds, and how fast: the audit over an UN-de-identified release.

The demo hospital's raw PACS files and raw reports are laid out as a release
(files/pXX/p.../s....) without any de-identification, then ``cxrbuild audit``
(against every EHR patient, OCR on) scans it. The generator's truth says
where every PHI value was written (header elements, burned-in boxes, report
spans), so the audit's recall is measured per place and per kind of value.
The audit only knows what the EHR holds; PHI the EHR does not hold (ward,
pager, an institution's address) is shown apart, as "not in the EHR".

    .venv/bin/python benchmarks/audit_recall.py --patients 12 --seed 7

writes benchmarks/recorded/audit_recall.md (figures and the command).
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import time
from collections import defaultdict
from pathlib import Path

from cxrbuild.audit.findings import FindingFiles
from cxrbuild.audit.release_audit import run_audit
from cxrbuild.synth import generate

ROOT = Path(__file__).resolve().parent


def _overlaps(a: list[int], b: list[int]) -> bool:
    return a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]


def build_raw_release(hospital: Path, release: Path) -> tuple[dict, dict]:
    """Raw files under release paths; returns (image path -> truth record, report path -> truth record)."""
    if release.exists():
        shutil.rmtree(release)
    images = [json.loads(line) for line in (hospital / "truth" / "images.jsonl").read_text().splitlines()]
    reports = {r["accession_number"]: r for r in
               (json.loads(line) for line in (hospital / "truth" / "reports.jsonl").read_text().splitlines())}
    subjects: dict[str, str] = {}
    studies: dict[str, str] = {}
    image_truth, report_truth = {}, {}
    for record in images:
        if record["category"] != "image" or not record["in_cohort"]:
            continue
        subject = subjects.setdefault(record["mrn"], str(10_000_000 + len(subjects)))
        study = studies.setdefault(record["accession_number"], str(50_000_000 + len(studies)))
        rel = f"files/p{subject[:2]}/p{subject}/s{study}/{len(image_truth):05d}.dcm"
        (release / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(hospital / "pacs" / record["path"], release / rel)
        image_truth[rel] = record
        report = reports.get(record["accession_number"])
        report_rel = f"files/p{subject[:2]}/p{subject}/s{study}.txt"
        if report is not None and report_rel not in report_truth:
            (release / report_rel).write_text(report["text"], encoding="utf-8")
            report_truth[report_rel] = report
    return image_truth, report_truth


def _offset(text: str, where: str) -> int | None:
    match = re.search(r"line (\d+), col (\d+)", where)
    if not match:
        return None
    lines = text.split("\n")
    return sum(len(line) + 1 for line in lines[: int(match[1]) - 1]) + int(match[2]) - 1


def evaluate(findings: list[dict], image_truth: dict, report_truth: dict, ehr_values: set[str]) -> dict:
    by_file: dict[str, list[dict]] = defaultdict(list)
    for finding in findings:
        by_file[finding["file"]].append(finding)
    tally: dict[tuple[str, str, bool], list[int]] = defaultdict(lambda: [0, 0])

    def count(place: str, kind: str, value: str, hit: bool) -> None:
        entry = tally[(place, kind, value.casefold() in ehr_values)]
        entry[0] += int(hit)
        entry[1] += 1

    for rel, record in image_truth.items():
        found = by_file.get(rel, [])
        for phi in record.get("header_phi", []):
            tag = f"({phi['tag'][:4]},{phi['tag'][4:]})".upper()
            hit = any(tag in f["where"] or phi["keyword"] in f["where"] for f in found
                      if f["place"] in ("dicom_element", "dicom_raw"))
            count("header", phi.get("kind", "?"), str(phi["value"]), hit)
        for box in record.get("boxes", []):
            if not box.get("phi"):
                continue
            hit = named = False
            for f in found:
                if f["place"] != "pixels_ocr":
                    continue
                region = [int(v) for v in re.findall(r"-?\d+", f["where"])[:4]]
                if len(region) == 4 and _overlaps(region, box["box"]):
                    hit = True
                    named = named or f["kind"] != "pixel_text_left"
            values = box.get("values") or [{"value": box["text"]}]
            count("pixels", box.get("kind", "?"), str(values[0]["value"]), hit)
            # the same, counting only findings that name an EHR identifier (not 'text left')
            count("pixels, identifier named", box.get("kind", "?"), str(values[0]["value"]), named)
    for rel, record in report_truth.items():
        found = by_file.get(rel, [])
        spans = []
        for f in found:
            start = _offset(record["text"], f["where"])
            if start is not None:
                spans.append((start, start + len(f["found"])))
        for phi in record["phi"]:
            hit = any(s < phi["end"] and phi["start"] < e for s, e in spans)
            count("report", phi.get("kind", phi["label"]), phi["value"], hit)
    return {f"{place}|{kind}|{'ehr' if in_ehr else 'not in ehr'}": v for (place, kind, in_ehr), v in
            sorted(tally.items())}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--patients", type=int, default=12)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "audit_recall")
    parser.add_argument("--no-ocr", action="store_true")
    parser.add_argument("--results", type=Path, default=ROOT / "recorded" / "audit_recall.md")
    args = parser.parse_args(argv)
    hospital = args.out / f"hospital_{args.patients}_{args.seed}"
    if not (hospital / "truth" / "summary.json").exists():
        generate(hospital, patients=args.patients, seed=args.seed, image_size="small")
    image_truth, report_truth = build_raw_release(hospital, args.out / "raw_release")
    ehr_values = {json.loads(line)["value"].casefold() for line in
                  (hospital / "truth" / "phi.jsonl").read_text().splitlines()
                  if "ehr" in json.loads(line)["places"]}
    started = time.monotonic()
    status, meta = run_audit(args.out / "raw_release", f"sqlite:///{hospital.resolve()}/ehr.sqlite",
                             findings_files=FindingFiles.in_folder(args.out / "findings"), ocr=not args.no_ocr)
    elapsed = time.monotonic() - started
    findings = json.loads((args.out / "findings" / "findings.json").read_text())["findings"]
    scores = evaluate(findings, image_truth, report_truth, ehr_values)
    totals: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for key, (hit, total) in scores.items():
        place, _kind, held = key.split("|")
        totals[f"{place} ({held})"][0] += hit
        totals[f"{place} ({held})"][1] += total
    command = "python benchmarks/audit_recall.py " + " ".join(argv if argv is not None else sys.argv[1:])
    lines = [
        "# Leak audit: recall on an un-de-identified release, and speed",
        "",
        f"Command: `{command.strip()}` (2-core machine shared with other work; OCR "
        f"{'off' if args.no_ocr else 'on'}).",
        "",
        f"Demo hospital: {args.patients} patients, seed {args.seed}; raw release: {len(image_truth)} DICOM files, "
        f"{len(report_truth)} reports, {meta['bytes_scanned']} bytes.",
        "",
        f"Audit: {meta['summary']}",
        f"Time: {elapsed:.1f} s in all, {elapsed / max(meta['files_scanned'], 1):.2f} s per file.",
        "",
        "A truth PHI value counts as found when a finding (any rank) of the audit lies at its place:",
        "the same header element, a pixel text region overlapping its burned-in box, or a report",
        "span overlapping it. 'not in ehr' values are PHI the EHR does not hold (wards, pagers,",
        "times, report authors' initials...): the audit is not built to find those, the",
        "de-identification steps are.",
        "",
        "| place (EHR-held?) | found | of | recall |",
        "| --- | --- | --- | --- |",
    ]
    for key, (hit, total) in sorted(totals.items()):
        lines.append(f"| {key} | {hit} | {total} | {hit / total:.1%} |")
    lines += ["", "By kind:", "", "| place, kind, EHR-held? | found | of |", "| --- | --- | --- |"]
    for key, (hit, total) in scores.items():
        lines.append(f"| {key.replace('|', ', ')} | {hit} | {total} |")
    args.results.parent.mkdir(parents=True, exist_ok=True)
    args.results.write_text("\n".join(lines) + "\n")
    print("\n".join(lines[:12]))
    print(f"written {args.results}")
    return 0 if status else 1  # an un-de-identified release must fail the audit


if __name__ == "__main__":
    sys.exit(main())
