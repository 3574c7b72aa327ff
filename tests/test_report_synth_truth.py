"""The demo hospital's reports, written by another generator than our corpus.

The synthetic hospital (cxrbuild.synth) writes its reports with its own
templates and records every PHI span it put in them (truth/reports.jsonl), so
they are a check on text the report rules were not built from. The EHR's own
identifiers of each patient (truth/phi.jsonl, places "ehr") are the deny list,
as in the workflow.
"""

from __future__ import annotations

import json
from collections import defaultdict

from cxrbuild.text.deid import ReportDeidentifier
from cxrbuild.text.metrics import score_documents


def read_jsonl(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def test_every_phi_span_of_the_demo_reports_is_removed(synth_small):
    reports = read_jsonl(synth_small / "truth" / "reports.jsonl")
    assert reports
    deny: dict[str, list[str]] = defaultdict(list)
    for record in read_jsonl(synth_small / "truth" / "phi.jsonl"):
        if record.get("mrn") and "ehr" in record.get("places", []):
            deny[record["mrn"]].append(record["value"])
    deidentifier = ReportDeidentifier(settings={"use_model": False})
    results = deidentifier.deidentify_many([r["text"] for r in reports], [deny[r["mrn"]] for r in reports])
    scores = score_documents(
        (r["text"], [(s["start"], s["end"], s["label"]) for s in r["phi"]], [(s.start, s.end, s.label) for s in result.spans])
        for r, result in zip(reports, results, strict=True)
    )
    assert scores.recall() >= 0.995, scores.missed
    assert scores.precision() >= 0.95, scores.false_positives
    for report, result in zip(reports, results, strict=True):
        for span in report["phi"]:
            if span["label"] == "NAME":
                assert span["value"] not in result.text, (span["value"], result.text)
