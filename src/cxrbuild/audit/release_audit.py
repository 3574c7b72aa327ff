"""The leak scan of a release: its verdict and ranked findings (``cxrbuild audit`` and rule audit_release).

Collects every identifier the EHR holds for the released patients (through
the private crosswalk; without it, for every patient of the EHR), searches
every released byte for them and re-reads the pixels' text (found by the audit's
own detector, :mod:`cxrbuild.audit.textregions`, not the cleaning's), then writes the
ranked findings (JSON, CSV, a readable summary) to ``--out`` (which must not
lie inside the release: the findings hold identifiers). The audit fails when a
finding of the failing rank (default: confirmed) exists or a released file
could not be read entirely (fail closed).
"""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Sequence
from pathlib import Path
from typing import NamedTuple

from cxrbuild import __version__
from cxrbuild.audit.findings import (
    CONFIRMED,
    PROBABLE,
    RANKS,
    Commonness,
    FindingFiles,
    mask,
    rank_counts,
    write_findings,
)
from cxrbuild.audit.identifiers import collect_identifiers
from cxrbuild.audit.released_patients import load_crosswalk
from cxrbuild.audit.scan import DETECTOR_SOURCE, PixelText, ReleaseScanner, report_token_subjects
from cxrbuild.dicom.boxes import Box
from cxrbuild.util.errors import CxrbuildError
from cxrbuild.util.paths import check_output_folder, is_inside

LOG = logging.getLogger("cxrbuild.audit")
LEXICON_PATH = Path(__file__).parent / "data" / "radiology_words.txt"
SURE_OCR_CONFIDENCE = 70.0  # Tesseract word confidence (0-100) of text that surely is text


def load_lexicon(path: Path = LEXICON_PATH) -> frozenset[str]:
    """The radiology word list (one lower-case word a line, '#' comments)."""
    words = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        word = line.split("#", 1)[0].strip().casefold()
        if word:
            words.add(word)
    return frozenset(words)


def english_zipf():
    """Zipf frequency of an English word (wordfreq's bundled lists; no download)."""
    from wordfreq import zipf_frequency

    cache: dict[str, float] = {}

    def zipf(token: str) -> float:
        if token not in cache:
            cache[token] = zipf_frequency(token, "en")
        return cache[token]

    return zipf


def join_words_into_lines(regions) -> list[tuple[Box, str, bool]]:
    """Words read in the pixels, joined into lines (same frame, overlapping rows), left to right.

    A name is burned in as several words ('SMITH, JOHN'); the matcher needs
    them side by side to see a full name. A line is *removable* when the pixel
    policy decides any of its words is not a kept marker.
    """
    lines: list[list] = []
    for region in sorted(regions, key=lambda r: (r.frame, r.box[1], r.box[0])):
        _, y0, _, y1 = region.box
        for line in lines:
            first = line[0]
            ly0 = min(r.box[1] for r in line)
            ly1 = max(r.box[3] for r in line)
            overlap = min(y1, ly1) - max(y0, ly0)
            if first.frame == region.frame and overlap > 0.5 * min(y1 - y0, ly1 - ly0):
                line.append(region)
                break
        else:
            lines.append([region])
    joined = []
    for line in lines:
        line.sort(key=lambda r: r.box[0])
        box = (min(r.box[0] for r in line), min(r.box[1] for r in line),
               max(r.box[2] for r in line), max(r.box[3] for r in line))
        removable = any(r.decision == "phi" for r in line)
        joined.append((box, " ".join(r.text for r in line if r.text), removable))
    return joined


QUOTES = "\u2018\u2019\u201c\u201d'\"`|!"  # read at a word's ends from a glyph's edge or a tick


def confident_marker_line(words: Sequence[tuple[str, float]], policy) -> bool:
    """Whether a line reads, with the pixel policy's confidence, as markers and technique values its
    keep-list keeps (``policy``: :class:`cxrbuild.dicom.pixels.PixelPolicy`), by the thresholds
    the cleaning keeps a word by.

    Words without a letter or digit (a dash, a bracket read from an edge) are
    left out, and quotes and bars at a word's ends are stripped. Every other
    word must be a kept word or pattern read at the policy's keep confidence
    (``short_keep_min_confidence`` for words of up to three characters, which
    OCR makes up from noise most easily; ``exact_keep_min_confidence`` for a
    longer word read exactly as listed; ``keep_min_confidence`` otherwise),
    or a bare number after a technique word ("kVp 110") or before its unit
    ("2.1 mGy"). A marker split by OCR ("UPR GHT") counts when its pieces
    joined are one. A line holding any other word is not explained by the
    keep-list.
    """
    from cxrbuild.dicom.phitext import SHORT_WORD

    keep = policy.keep
    cleaned = [(text.strip(QUOTES), confidence) for text, confidence in words]
    cleaned = [(text, confidence) for text, confidence in cleaned if any(ch.isalnum() for ch in text)]
    if not cleaned:
        return False

    def sure(text: str, confidence: float) -> bool:
        if len(text) <= SHORT_WORD:
            return confidence >= policy.short_keep_min_confidence
        if keep.matches_word(text, exact=True):  # Tesseract is unsure of widely spaced letters it reads right
            return confidence >= policy.exact_keep_min_confidence
        return confidence >= policy.keep_min_confidence

    texts = [text for text, _ in cleaned]
    joined = "".join(texts)
    if len(cleaned) > 1 and keep.matches_word(joined) and sure(joined, min(c for _, c in cleaned)):
        return True
    for index, (text, confidence) in enumerate(cleaned):
        if not sure(text, confidence):
            return False
        if keep.matches_word(text):
            continue
        if index and keep.is_value_after(texts[index - 1], text):
            continue
        if index + 1 < len(texts) and keep.is_value_before(text, texts[index + 1]):
            continue
        return False
    return True


def pixel_text_reader(cleaning_detector: bool = False, audit_detector: bool = True):
    """Reads the text of a dataset's pixels: returns ``read(dataset) -> list[PixelText]``.

    Three reads:

    - the pixel module's :func:`find_text` (``cleaning_detector``, off by
      default): every candidate text line, with the policy's keep/remove
      decision (with an empty deny list nothing is changed). In a cleaned
      release it re-reads what the same detector and policy already judged,
      so it only disagrees with itself through OCR noise: on the demo release
      it gave 39 probable findings on 231 clean images, all kept markers
      read differently the second time, and nothing the audit's own detector
      does not cover;
    - the audit's own detector (``audit_detector``,
      :func:`cxrbuild.audit.textregions.find_text_regions`, on the first
      frame): every line of text-like glyphs outside the recorded boxes, read
      by OCR; removable unless it reads confidently as kept markers
      (:func:`confident_marker_line`) in one of its readings. A line the first read already holds
      as removable is not read twice. The cleaning's detector cannot be the
      only one: text it missed while cleaning it misses again here;
    - OCR around every box recorded in the header (Graphic Annotation
      Sequence, PS3.3 C.10.5), a crop one box-height larger on each side in
      both polarities (:func:`cxrbuild.dicom.reading.read_around_box`, the
      verification pass's read), because a word half covered by a box is
      where a redaction most often leaks.
    """
    from cxrbuild.audit.textregions import find_text_regions, read_region
    from cxrbuild.dicom.annotation import redaction_boxes
    from cxrbuild.dicom.boxes import covered_fraction
    from cxrbuild.dicom.display import decode
    from cxrbuild.dicom.pixels import PixelPolicy, find_text
    from cxrbuild.dicom.reading import read_around_box

    # the threshold planes only: the learned detector would triple the audit's time, and recorded
    # boxes are checked black pixel for pixel without any reading (scan._check_redactions)
    policy = PixelPolicy.from_mapping({"detection": {"scene_text": False}})

    def read(dataset) -> list[PixelText]:
        lines: list[PixelText] = []
        if cleaning_detector:
            regions, _boxes, image = find_text(dataset, (), policy)
            lines += [PixelText(box, text, removable) for box, text, removable in join_words_into_lines(regions)]
        else:
            image = decode(dataset)
        recorded = redaction_boxes(dataset)
        if audit_detector:
            display = image.display[0]
            for region in find_text_regions(display, exclude=recorded):
                if any(line.removable and covered_fraction(region.box, line.box) >= 0.5 for line in lines):
                    continue  # already a finding of the first read, if it is one
                reading = read_region(display, region)
                removable = not any(confident_marker_line(words, policy) for words in reading.readings)
                lines.append(PixelText(region.box, reading.text, removable, DETECTOR_SOURCE))
        for box in recorded:
            # the first frame only: the verification pass reads around the boxes in every searched frame
            crop_box, readings = read_around_box(image.display[0], box, policy.detection.min_glyph_height)
            for polarity in readings:
                words = [w for w in polarity if w.text.strip()]
                if words:
                    # every word is matched against the identifiers, but only words read with
                    # confidence count as text left behind: a crop's background reads as noise
                    sure = [w.text for w in words if w.confidence >= SURE_OCR_CONFIDENCE
                            and sum(c.isalnum() for c in w.text) >= 3]
                    removable = any(not policy.keep.matches_word(word) for word in sure)
                    lines.append(PixelText(crop_box, " ".join(w.text for w in words), removable))
        return lines

    return read


class AuditVerdict(NamedTuple):
    """What an audit decided: the exit status (1 failed, 0 passed) and the findings' meta and counts."""

    status: int
    meta: dict

    @property
    def failed(self) -> bool:
        return bool(self.status)

    @property
    def summary(self) -> str:
        return str(self.meta["summary"])


def run_audit(
    release_dir: Path,
    ehr_url: str,
    findings_files: FindingFiles | None = None,
    crosswalk: Path | Sequence[Path] | None = None,
    work_dir: Path | None = None,
    queries_dir: Path | None = None,
    ocr: bool = True,
    fail_on: str = CONFIRMED,
) -> AuditVerdict:
    """Audit one release; the verdict's meta holds the counts and a one-line summary (also logged)."""
    release_dir = Path(release_dir)
    if not release_dir.is_dir():
        raise CxrbuildError(f"{release_dir}: release directory not found")
    for out_dir in findings_files.folders() if findings_files is not None else ():
        if is_inside(out_dir, release_dir):
            raise CxrbuildError(f"{out_dir}: the findings hold identifiers and must not be written inside the release")
        check_output_folder(out_dir, "findings folder")
    if not any(files for _root, _dirs, files in os.walk(release_dir)):
        raise CxrbuildError(f"{release_dir}: no released file to audit (an empty folder proves nothing)")
    started = time.monotonic()
    links = load_crosswalk(crosswalk=crosswalk, work_dir=work_dir)
    scope = "all patients of the EHR: no crosswalk given, so the released ones are not known"
    mrns = None
    if links is not None:
        scope = f"released patients, from the crosswalk {links.path}"
        mrns = links.mrns
    ids = collect_identifiers(ehr_url, mrns, queries_dir, extra_uids=links.uids if links else None)
    if links is None:
        LOG.warning("no crosswalk: auditing against all %d patients of the EHR", len(ids.patients))
    if not ids.forms:
        raise CxrbuildError(f"{ehr_url}: no identifiers found for the audited patients")
    token_subjects = report_token_subjects(release_dir)
    commonness = Commonness(english_zipf(), load_lexicon(), lambda t: len(token_subjects.get(t, ())))
    reader = None
    if ocr:
        try:
            reader = pixel_text_reader()
        except ImportError as err:
            raise CxrbuildError(
                f"pixel OCR is not available ({err}); run with --no-ocr to audit without re-reading pixels"
            ) from err
    scanner = ReleaseScanner(release_dir, ids, commonness,
                             subject_owner=links.subject_owner if links else None, pixel_text=reader)
    findings = scanner.run()
    stats = scanner.stats
    meta = {
        "release": str(release_dir),
        "cxrbuild_version": __version__,
        "patients": len(ids.patients),
        "patient_scope": scope,
        "identifier_forms": len(ids),
        "identifier_kinds": ids.kinds(),
        "files_scanned": stats.files,
        "bytes_scanned": stats.bytes,
        "dicom_files": stats.dicom_files,
        "archive_members": stats.archive_members,
        "ocr_images": stats.ocr_images,
        "ocr": bool(ocr),
        "not_fully_read": stats.unreadable,
        "fail_on": fail_on,
    }
    counts = rank_counts(findings)
    failing = sum(counts[rank] for rank in RANKS[: RANKS.index(fail_on) + 1])
    # fail closed: a released file the audit could not read entirely is not proven clean
    failing += len(stats.unreadable)
    meta["verdict"] = "FAIL" if failing else "PASS"
    if findings_files is not None:
        write_findings(findings_files, findings, meta)
    for finding in findings:
        if finding.rank == CONFIRMED:
            LOG.error("confirmed %s %r in %s %s", finding.kind, mask(finding.found), finding.file, finding.where)
    for problem in stats.unreadable:
        LOG.warning("not fully read: %s", problem)
    elapsed = time.monotonic() - started
    summary = (
        f"audit: {stats.files} files ({stats.dicom_files} DICOM, {stats.archive_members} archive members, "
        f"{stats.ocr_images} images OCR'd) against {len(ids)} identifier forms of {len(ids.patients)} patients: "
        f"{counts[CONFIRMED]} confirmed, {counts[PROBABLE]} probable, {counts['weak']} weak findings"
        f"{f', {len(stats.unreadable)} files not fully read' if stats.unreadable else ''}"
        f" -> {meta['verdict']} in {elapsed:.1f}s"
    )
    LOG.info(summary)
    meta["counts"] = counts
    meta["summary"] = summary
    return AuditVerdict(1 if failing else 0, meta)
