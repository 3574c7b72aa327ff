"""The data card: README.md beside the lists, describing this build of the release.

Everything in it is read from the release, the build's own outputs (lists,
reconciliation, batch records) and the recorded blind measurement of report
de-identification of this version (``audit/data/report_blind.json``, written
by benchmarks/report_blind.py: corpora the rules and the model were never
tuned on), so the same build
writes the same card byte for byte: no wall-clock time, no host name, no
path of the work area.

Checksums: a file cannot hold its own digest, so ``SHA256SUMS.txt`` lists
every released file except itself and this card, and the card records the
SHA-256 of ``SHA256SUMS.txt``. Checking the card's digest
(``sha256sum SHA256SUMS.txt``) and then ``sha256sum -c SHA256SUMS.txt``
verifies every byte of the release but the card, which the reader holds.
"""

from __future__ import annotations

import csv
import gzip
import hashlib
import json
from collections.abc import Mapping
from importlib import resources
from pathlib import Path

from cxrbuild import __version__
from cxrbuild.contract import (
    CHECKSUMS,
    DATA_CARD,
    INDEX_YEARS,
    RECORD_LIST,
    STUDY_LIST,
    ReleaseFiles,
)
from cxrbuild.util.atomic import atomic_write_text
from cxrbuild.util.digests import sha256_file
from cxrbuild.util.errors import CxrbuildError

REPORT_FIGURES = "report_blind.json"


def _list_rows(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        raise CxrbuildError(f"{path}: release list not found")
    with gzip.open(path, "rt", encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


# Config keys that say where a build's sources, folders and key are, not what it does:
# the same build in another folder, or from sources and a key kept elsewhere, has the same digest.
LOCATION_KEYS = (("ehr", "url"), ("pacs", "dir"), ("pacs", "dicomweb_url"), ("demo", "dir"), ("release", "dir"),
                 ("work", "dir"), ("secrets", "key_file"), ("ner", "model_dir"))


def config_digest(config: Mapping) -> str:
    """SHA-256 of the build config as canonical JSON (sorted keys), without its locations (LOCATION_KEYS)."""
    settings = json.loads(json.dumps(config, default=str))
    for section, key in LOCATION_KEYS:
        if isinstance(settings.get(section), dict):
            settings[section].pop(key, None)
    canonical = json.dumps(settings, sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(canonical.encode()).hexdigest()


def _table(header: list[str], rows: list[list[object]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |", "| " + " | ".join("---" for _ in header) + " |"]
    lines += ["| " + " | ".join(str(c) for c in row) + " |" for row in rows]
    return lines


def recorded_report_figures() -> dict:
    """The blind figures of report de-identification recorded for this version."""
    return json.loads(resources.files("cxrbuild.audit.data").joinpath(REPORT_FIGURES).read_text(encoding="utf-8"))


def render_datacard(
    release: ReleaseFiles,
    config_sha256: str,
    reconciliation: Mapping | None = None,
    deid_stats: Mapping | None = None,
    report_figures: Mapping | None = None,
    index_years: tuple[int, int] = INDEX_YEARS,
) -> str:
    """The card's Markdown text (see the module docstring for what it holds).

    ``index_years``: the range the date shift puts each patient's first admission in.
    """
    name = release.name
    records = _list_rows(release.record_list)
    studies = _list_rows(release.study_list)
    checksums = release.checksums
    if not checksums.exists():
        raise CxrbuildError(f"{checksums}: not found; the card records its digest, so it is written after it")
    listed = [line.split("  ", 1)[1] for line in checksums.read_text(encoding="utf-8").splitlines() if "  " in line]
    if DATA_CARD in listed:
        raise CxrbuildError(f"{checksums}: lists {DATA_CARD}, but the card records the digest of {CHECKSUMS}")
    subjects = {r["subject_id"] for r in records} | {r["subject_id"] for r in studies}
    archives = sorted(p.name for p in (release.reports_archive, release.reports_zip) if p.exists())
    lines = [
        f"# {name}: de-identified chest radiographs and reports",
        "",
        "A research release of chest radiograph studies (DICOM images and free-text",
        "radiology reports) in the MIMIC-CXR v2.0.0 layout, built by cxrbuild from one",
        "hospital's EHR and PACS. Every identifier was replaced or removed before release;",
        "see *De-identification* below.",
        "",
        "## This build",
        "",
        *_table(["what", "count"], [
            ["subjects", len(subjects)],
            ["studies (reports)", len(studies)],
            ["images (DICOM files)", len(records)],
            [f"files listed in {CHECKSUMS}", len(listed)],
        ]),
        "",
        "## Layout",
        "",
        "```",
        *[f"{path:<46} {what}" for path, what in (
            ("files/pXX/pSUBJECT_ID/sSTUDY_ID/DICOM_ID.dcm", "one DICOM image"),
            ("files/pXX/pSUBJECT_ID/sSTUDY_ID.txt", "the study's report"),
            (RECORD_LIST, "subject_id,study_id,dicom_id,path (one row per image)"),
            (STUDY_LIST, "subject_id,study_id,path (one row per study)"),
            *[(archive, "every report, same paths") for archive in archives],
            (CHECKSUMS, "SHA-256 of every file but itself and this card"),
            (DATA_CARD, "this card"),
        )],
        "```",
        "",
        "- `subject_id` is a random number in 10,000,000-19,999,999; `pXX` is its first",
        "  three characters (`p10`..`p19`). `study_id` is random in 50,000,000-59,999,999.",
        "  `dicom_id` is 40 random hexadecimal digits in five groups of eight.",
        "- `path` columns are relative to this folder.",
        "",
        "## De-identification",
        "",
        "- **Identifiers**: subject, study and image identifiers are random (keyed HMAC-SHA256);",
        "  the link to the hospital's identifiers stays with the hospital.",
        "- **Dates**: every date of a patient is shifted by the same number of days, so that the",
        f"  patient's first admission falls between the years {index_years[0]} and {index_years[1]};",
        "  intervals within a patient are kept, dates across patients are not comparable.",
        "- **Image headers**: DICOM PS3.15 Annex E Basic Application Level Confidentiality",
        "  Profile with the Retain Longitudinal Temporal Information with Modified Dates option;",
        "  UIDs are replaced consistently within the release.",
        "- **Burned-in text**: text in the pixels is found and read by OCR; identifying text is",
        "  blacked out in the stored pixels (black as displayed), radiologically relevant text",
        "  (laterality markers, position, portable/upright) is kept. Every blacked-out box is",
        "  recorded in the image header (Graphic Annotation Sequence (0070,0001)), and",
        "  Burned In Annotation (0028,0301) is NO. Each cleaned image is read again by OCR and",
        "  held back if identifying text is still readable. Pixels are never compressed with",
        "  loss: an edited image is written in its own lossless transfer syntax, or in one",
        "  pydicom can encode (JPEG Lossless becomes JPEG-LS lossless); an image that came",
        "  lossy is written losslessly from its decoded pixels and keeps Lossy Image",
        "  Compression 01 (each conversion is counted below).",
        "- **Reports**: names, dates, times, phone numbers, identifiers, ages over 89, locations,",
        "  hospitals and contacts are replaced by `___` (three underscores), using patterns,",
        "  the hospital's own list of each patient's identifiers, and a trained named-entity",
        "  model; everything else is unchanged.",
        "- **Fail closed**: an image or report that could not be read, classified or cleaned",
        "  was withheld with its reason, never released.",
        "",
    ]
    lines += ["## Measured figures of this build", ""]
    measured: list[list[object]] = []
    if reconciliation:
        figures = reconciliation.get("figures", reconciliation)
        for key, label in (
            ("cohort_studies", "cohort studies in the EHR"),
            ("matched_images", "cohort images found in the PACS"),
            ("withheld_studies", "studies withheld (no report, no image, or nothing left after quarantine)"),
            ("quarantined_images", "images quarantined by de-identification"),
            ("quarantined_reports", "reports quarantined by de-identification"),
            ("unaccounted_studies", "cohort studies unaccounted for"),
            ("unaccounted_images", "cohort images unaccounted for"),
        ):
            if key in figures:
                measured.append([label, figures[key]])
    if deid_stats:
        for key, label in (
            ("images_with_boxes", "released images with burned-in text blacked out"),
            ("boxes", "boxes blacked out in released images"),
            ("report_phi_spans", "PHI spans replaced in released reports"),
        ):
            if key in deid_stats:
                measured.append([label, deid_stats[key]])
        if "image_conversions" in deid_stats:
            measured.append(["released images re-encoded without loss in another transfer syntax",
                             sum((deid_stats["image_conversions"] or {}).values())])
        for conversion, count in sorted((deid_stats.get("image_conversions") or {}).items()):
            # pixels edited and written losslessly in a syntax pydicom encodes (a lossy source's
            # decoded pixels, or a lossless syntax without an encoder)
            measured.append([f"released images re-encoded without loss, {conversion}", count])
        for label, count in sorted((deid_stats.get("phi_by_label") or {}).items()):
            measured.append([f"report PHI spans labelled {label}", count])
    if report_figures is None:
        report_figures = recorded_report_figures()
    if report_figures:
        # report de-identification measured on corpora it was never tuned on
        # (benchmarks/report_blind.py): independently written generators, a fresh seed
        seed = report_figures.get("seed")
        for corpus, by_case in sorted((report_figures.get("rules_and_model") or {}).items()):
            cases = [case for case in ("as written", "ALL CAPS", "lower case") if case in by_case]
            blind = corpus in (report_figures.get("evaluation_only_generators") or ())
            kind = "blind corpus" if blind else "training corpus scored by a model trained without it,"
            label = f"{kind} {corpus} (seed {seed}; {' / '.join(cases)})"
            measured.append([f"report PHI token recall, {label}", " / ".join(f"{by_case[c]['recall']:.3f}" for c in cases)])
            measured.append([f"report PHI token precision, {label}", " / ".join(f"{by_case[c]['precision']:.3f}" for c in cases)])
            measured.append([f"protected clinical terms touched, {label}",
                             " / ".join(f"{by_case[c]['protected_touched']:.2%}" for c in cases)])
    if measured:
        lines += _table(["figure", "value"], measured)
    else:
        lines.append("No measured figures were available to this build.")
    lines += [
        "",
        "## Provenance",
        "",
        *_table(["item", "value"], [
            ["built by", f"cxrbuild {__version__}"],
            ["config digest (SHA-256 of the build settings as canonical JSON, folders, sources and key left out)", f"`{config_sha256}`"],
            [f"SHA-256 of {CHECKSUMS}", f"`{sha256_file(checksums)}`"],
        ]),
        "",
        f"To check the release: `sha256sum {CHECKSUMS}` must print the digest above, then",
        f"`sha256sum -c {CHECKSUMS}` checks every other file. {CHECKSUMS} does not list this",
        "card because the card records its digest.",
        "",
        "## Use",
        "",
        "Do not try to identify any person in this dataset, and do not link it with other",
        "data to that end. Report any identifier you find to the releasing hospital.",
    ]
    return "\n".join(lines) + "\n"


def write_datacard(release: ReleaseFiles, config_sha256: str, **figures) -> Path:
    """Render the card and write it atomically as README.md of the release."""
    atomic_write_text(release.data_card, render_datacard(release, config_sha256, **figures))
    return release.data_card
