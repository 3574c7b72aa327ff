"""Reconciliation (cohort -> release) and the data card, on a small hand-made build."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest
from test_audit_support import SHARDS, make_build

from cxrbuild.audit.datacard import render_datacard, write_datacard
from cxrbuild.audit.qc import deid_statistics, sample_gallery
from cxrbuild.audit.reconcile import reconcile
from cxrbuild.batches.records import BatchRecord, read_records
from cxrbuild.contract import ReleaseFiles
from cxrbuild.util.errors import CxrbuildError


@pytest.fixture
def build(tmp_path: Path) -> dict:
    return make_build(tmp_path / "hospital")


def _reconcile(build: dict):
    work, release = build["work"], build["release"]
    return reconcile(
        work / "ids" / "studies.parquet", work / "ids" / "images.parquet", work / "ids" / "pacs_files.parquet",
        [work / "batches" / "images" / f"{s}_0" / "records.jsonl" for s in SHARDS],
        [work / "batches" / "reports" / f"{s}_0" / "records.jsonl" for s in SHARDS],
        release / "cxr-record-list.csv.gz", release / "cxr-study-list.csv.gz")


def test_every_cohort_study_and_image_is_accounted_for(build: dict) -> None:
    result = _reconcile(build)
    assert result.balanced
    rows = {(stage, detail): (studies, images) for stage, detail, studies, images in result.rows}
    assert rows[("ehr cohort", "chest radiograph studies of the cohort")] == (3, "")
    assert rows[("withheld", "study: no image in the PACS")] == (1, "")
    assert rows[("withheld", "image: duplicate SOPInstanceUID")] == ("", 1)
    assert rows[("pacs files", "not used: unreadable (not DICOM)")] == ("", 1)
    assert rows[("released", "studies (study list) / images (record list)")] == (2, 2)
    assert result.summary.endswith("balanced")


def test_an_image_quarantined_by_deid_is_counted_by_reason(build: dict) -> None:
    records = build["work"] / "batches" / "images" / "p11_0" / "records.jsonl"
    record = json.loads(records.read_text())
    record |= {"status": "quarantined", "reason": "pixels cannot be redacted: JPEG-LS encoder missing"}
    records.write_text(json.dumps(record) + "\n")
    result = _reconcile(build)
    rows = {(stage, detail): (studies, images) for stage, detail, studies, images in result.rows}
    assert rows[("quarantined", "image: pixels cannot be redacted")] == ("", 1)
    # the release still lists the image, so the books no longer balance: the build must say so
    assert not result.balanced
    assert "UNACCOUNTED" in result.summary


def test_a_study_missing_from_the_release_unbalances_the_books(build: dict) -> None:
    import gzip

    study_list = build["release"] / "cxr-study-list.csv.gz"
    lines = gzip.decompress(study_list.read_bytes()).decode().splitlines()
    study_list.write_bytes(gzip.compress(("\n".join(lines[:-1]) + "\n").encode()))
    result = _reconcile(build)
    # its report and image were de-identified fine: no reason explains its absence
    assert not result.balanced
    assert result.rows[-1] == ("unaccounted", "cohort - released - withheld - quarantined (must be 0)", 1, 0)


def test_missing_batch_records_are_a_one_line_error(build: dict) -> None:
    (build["work"] / "batches" / "images" / "p10_0" / "records.jsonl").unlink()
    with pytest.raises(CxrbuildError, match=r"p10_0/records\.jsonl: batch records file not found"):
        _reconcile(build)


def _card_inputs(build: dict) -> dict:
    work = build["work"]
    image_records = read_records(sorted((work / "batches" / "images").glob("*/records.jsonl")))
    report_records = read_records(sorted((work / "batches" / "reports").glob("*/records.jsonl")))
    reconciliation = _reconcile(build)
    return {"reconciliation": {"figures": reconciliation.figures},
            "deid_stats": deid_statistics(image_records, report_records)}


def test_data_card_holds_counts_figures_and_provenance_and_is_reproducible(build: dict) -> None:
    release = build["release"]
    inputs = _card_inputs(build) | {"report_figures": {
        "seed": 4242, "cpu_seconds": 33.6, "evaluation_only_generators": ["mixed_modality"],
        "rules_and_model": {"mixed_modality": {
            "as written": {"recall": 0.9612, "precision": 0.9, "protected_touched": 0.001},
            "ALL CAPS": {"recall": 0.95, "precision": 0.91, "protected_touched": 0.002}},
            "us_radiology": {"as written": {"recall": 0.99, "precision": 0.98, "protected_touched": 0.0}}}}}
    card = write_datacard(ReleaseFiles(release, "mimic-cxr"), "c0ffee" * 10 + "abcd", **inputs)
    first = card.read_bytes()
    write_datacard(ReleaseFiles(release, "mimic-cxr"), "c0ffee" * 10 + "abcd", **inputs)
    assert card.read_bytes() == first
    text = first.decode()
    assert "| subjects | 2 |" in text and "| studies (reports) | 2 |" in text
    assert "| report PHI spans labelled NAME | 2 |" in text
    assert "| report PHI token recall, blind corpus mixed_modality (seed 4242; as written / ALL CAPS) | 0.961 / 0.950 |" in text
    assert ("| report PHI token recall, training corpus scored by a model trained without it, us_radiology "
            "(seed 4242; as written) | 0.990 |") in text
    assert "33.6" not in text  # a wall-clock figure would make the release irreproducible
    sums_digest = hashlib.sha256((release / "SHA256SUMS.txt").read_bytes()).hexdigest()
    assert f"`{sums_digest}`" in text
    assert f"`{'c0ffee' * 10 + 'abcd'}`" in text


def test_data_card_changes_when_a_released_file_changes(build: dict) -> None:
    from test_audit_support import finish_release

    release = build["release"]
    inputs = _card_inputs(build)
    before = render_datacard(ReleaseFiles(release, "mimic-cxr"), "x", **inputs)
    report = next(release.glob("files/p1*/p1*/s*.txt"))
    report.write_text(report.read_text() + "\n")
    finish_release(release)
    assert render_datacard(ReleaseFiles(release, "mimic-cxr"), "x", **inputs) != before


def test_data_card_refuses_checksums_that_list_the_card(build: dict) -> None:
    release = build["release"]
    sums = release / "SHA256SUMS.txt"
    sums.write_text(sums.read_text() + f"{'0' * 64}  README.md\n")
    with pytest.raises(CxrbuildError, match=r"lists README\.md"):
        render_datacard(ReleaseFiles(release, "mimic-cxr"), "x", **_card_inputs(build))


def test_gallery_sampling_covers_every_batch_and_device_before_repeating() -> None:
    batches: dict[str, list[BatchRecord]] = {}
    for batch in ("p10_0", "p11_0"):
        for device in ("Acme CR-100", "Borealis DX-9", "Cygnus 3"):
            for number in range(5):
                record = BatchRecord(f"{batch}/{device}/{number}.dcm", "10000000", "50000000")
                record.released("0" * 64, device=device, source="-", boxes=[[0, 0, 4, 4]] if number == 3 else [])
                batches.setdefault(batch, []).append(record)
    chosen = sample_gallery(batches, per_stratum=2, max_images=6)
    assert len({c["stratum"] for c in chosen}) == 6  # one of each stratum before any second
    assert all(c["boxes"] for c in chosen)  # images with boxes first within a stratum
    assert sample_gallery(batches, per_stratum=2, max_images=6) == chosen  # keyed, repeatable


def test_data_card_counts_each_lossless_conversion_of_a_transfer_syntax(build: dict) -> None:
    records = build["work"] / "batches" / "images" / "p11_0" / "records.jsonl"
    record = json.loads(records.read_text())
    assert record["status"] == "ok"
    record |= {"source_transfer_syntax": "1.2.840.10008.1.2.4.70", "transfer_syntax": "1.2.840.10008.1.2.4.80"}
    records.write_text(json.dumps(record) + "\n")
    inputs = _card_inputs(build)
    assert inputs["deid_stats"]["image_conversions"] == {
        "JPEG Lossless, Non-Hierarchical, First-Order Prediction (Process 14 [Selection Value 1]) "
        "-> JPEG-LS Lossless Image Compression": 1
    }
    text = render_datacard(ReleaseFiles(build["release"], "mimic-cxr"), "x", **inputs)
    assert "| released images re-encoded without loss in another transfer syntax | 1 |" in text
    assert "re-encoded without loss, JPEG Lossless, Non-Hierarchical" in text
