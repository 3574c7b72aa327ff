"""Retrieve the cohort's studies from a DICOMweb service into a local folder.

A hospital that has no PACS export folder gives cxrbuild the base URL of its
DICOMweb service (``pacs.dicomweb_url``). For each cohort study this module

1. finds the study with QIDO-RS (PS3.18 §10.6, "Search Transaction"):
   ``GET {base}/studies?AccessionNumber=...``, falling back to
   ``StudyInstanceUID=...`` when the accession finds nothing;
2. lists the study's instances with QIDO-RS
   (``GET {base}/studies/{study}/instances``), and skips those already fetched;
3. fetches the missing ones with WADO-RS (PS3.18 §10.4, "Retrieve
   Transaction"), the whole study in one ``multipart/related;
   type="application/dicom"`` response (PS3.18 §8.7.3.5) when nothing of it is
   on disk yet, instance by instance otherwise. It asks for
   ``transfer-syntax=*`` (the stored bytes, PS3.18 §8.7.3.5.2) so that the
   release does not depend on whether the images came from a folder or a
   server, and accepts the server's default syntax when it refuses that.

Every instance is written atomically as ``OUT/<study>/<series>/<sop>.dcm``,
a part that is not readable DICOM under ``OUT/<study>/unreadable/`` (the image
pipeline then quarantines it with its reason, so nothing is dropped silently).
Each written instance is appended to a progress file (JSON lines, beside OUT,
never inside it), so an interrupted run resumes where it stopped. Requests
are retried with exponential backoff on connection errors and on 429/5xx
answers (honouring ``Retry-After``).

Credentials never go into config: a bearer token is read from
``CXRBUILD_DICOMWEB_TOKEN``, or a user and password from
``CXRBUILD_DICOMWEB_USER`` / ``CXRBUILD_DICOMWEB_PASSWORD``; TLS trust follows
requests' ``REQUESTS_CA_BUNDLE``.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import logging
import os
import re
import sys
import threading
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import pydicom
import requests
from pydicom.errors import InvalidDicomError
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from cxrbuild.util.atomic import atomic_write_bytes, atomic_write_text
from cxrbuild.util.errors import CxrbuildError
from cxrbuild.util.progress import Progress, setup_logging

log = logging.getLogger("cxrbuild.dicomweb")

# DICOM JSON tags (PS3.18 Annex F): the attributes QIDO-RS answers are read by
TAG_STUDY_UID = "0020000D"
TAG_SERIES_UID = "0020000E"
TAG_SOP_UID = "00080018"
TAG_ACCESSION = "00080050"

ACCEPT_ORIGINAL = 'multipart/related; type="application/dicom"; transfer-syntax=*'
ACCEPT_DEFAULT = 'multipart/related; type="application/dicom"'
RETRY_STATUS = (429, 500, 502, 503, 504)
# a UID is digits and dots (PS3.5 §9.1); anything else must not become a path component
UID_PATTERN = re.compile(r"^[0-9]+(\.[0-9]+)*$")


class DicomWebError(CxrbuildError):
    """The service answered something this client cannot use; the message says which request."""


@dataclass(frozen=True)
class StudyKey:
    """One cohort study as the EHR knows it: the PACS is searched by either."""

    accession_number: str | None
    study_instance_uid: str | None

    def label(self) -> str:
        # counts and positions only go to the console; identifiers stay in the private work area
        return self.accession_number or self.study_instance_uid or "?"


@dataclass
class FetchSummary:
    studies: int = 0
    studies_found: int = 0
    studies_missing: list[StudyKey] = field(default_factory=list)
    instances_fetched: int = 0
    instances_skipped: int = 0
    instances_unreadable: int = 0
    bytes_fetched: int = 0
    seconds: float = 0.0

    def as_dict(self) -> dict:
        return {
            "studies": self.studies,
            "studies_found": self.studies_found,
            "studies_missing": len(self.studies_missing),
            "missing": [
                {"accession_number": k.accession_number, "study_instance_uid": k.study_instance_uid}
                for k in self.studies_missing
            ],
            "instances_fetched": self.instances_fetched,
            "instances_skipped": self.instances_skipped,
            "instances_unreadable": self.instances_unreadable,
            "bytes_fetched": self.bytes_fetched,
            "seconds": round(self.seconds, 3),
        }


# ---------------------------------------------------------------- HTTP


def make_session(retries: int = 5, backoff: float = 1.0) -> requests.Session:
    """A requests session that retries connection errors and 429/5xx with exponential backoff."""
    session = requests.Session()
    retry = Retry(
        total=retries,
        connect=retries,
        read=retries,
        status=retries,
        backoff_factor=backoff,
        status_forcelist=RETRY_STATUS,
        allowed_methods=frozenset({"GET"}),
        respect_retry_after_header=True,
        raise_on_status=False,
    )
    adapter = HTTPAdapter(max_retries=retry, pool_maxsize=16)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    token = os.environ.get("CXRBUILD_DICOMWEB_TOKEN")
    user = os.environ.get("CXRBUILD_DICOMWEB_USER")
    if token:
        session.headers["Authorization"] = f"Bearer {token}"
    elif user:
        session.auth = (user, os.environ.get("CXRBUILD_DICOMWEB_PASSWORD", ""))
    return session


def _json_values(item: dict, tag: str) -> list[str]:
    element = item.get(tag) or item.get(tag.lower()) or {}
    return [str(v) for v in element.get("Value", []) if v is not None]


def split_multipart(content_type: str, body: bytes) -> list[tuple[dict[str, str], bytes]]:
    """Split a ``multipart/related`` body into (headers, payload) parts (RFC 2046 §5.1.1).

    Raises :class:`DicomWebError` on a body without its closing delimiter, which
    is what a connection cut mid-transfer leaves.
    """
    match = re.search(r'boundary=(?:"([^"]+)"|([^;\s]+))', content_type, re.IGNORECASE)
    if not match:
        raise DicomWebError(f"multipart answer without a boundary (Content-Type: {content_type})")
    delimiter = b"--" + (match.group(1) or match.group(2)).encode("ascii")
    # the first delimiter may start the body; later ones always follow a CRLF
    if body.startswith(delimiter):
        body = b"\r\n" + body
    chunks = body.split(b"\r\n" + delimiter)
    parts: list[tuple[dict[str, str], bytes]] = []
    closed = False
    for chunk in chunks[1:]:
        if chunk.startswith(b"--"):
            closed = True
            break
        # the delimiter line may carry transport padding before its CRLF
        _, _, chunk = chunk.partition(b"\r\n")
        head, sep, payload = chunk.partition(b"\r\n\r\n")
        if not sep:  # a part with no headers at all
            head, payload = b"", chunk[2:] if chunk.startswith(b"\r\n") else chunk
        headers = {}
        for line in head.decode("latin-1").split("\r\n"):
            name, colon, value = line.partition(":")
            if colon:
                headers[name.strip().lower()] = value.strip()
        parts.append((headers, payload))
    if not closed:
        raise DicomWebError("multipart answer ended before its closing delimiter (truncated transfer)")
    return parts


class DicomWebClient:
    """The few QIDO-RS and WADO-RS calls the fetch needs, on one retrying session."""

    def __init__(self, base_url: str, session: requests.Session | None = None,
                 timeout: float = 120.0, attempts: int = 4, backoff: float = 1.0) -> None:
        self.base_url = base_url.rstrip("/")
        self.session = session or make_session(backoff=backoff)
        self.timeout = timeout
        self.attempts = attempts
        self.backoff = backoff
        self._original_syntax = True  # until the server says it cannot send stored bytes

    def _get(self, path: str, params: dict | None = None, accept: str = "application/dicom+json") -> requests.Response:
        url = f"{self.base_url}/{path.lstrip('/')}"
        try:
            response = self.session.get(url, params=params, headers={"Accept": accept}, timeout=self.timeout)
        except requests.RequestException as err:
            raise DicomWebError(f"GET {url}: {type(err).__name__}: {err}") from err
        return response

    def search_studies(self, keyword: str, value: str) -> list[str]:
        """QIDO-RS study search (PS3.18 §10.6): the StudyInstanceUIDs whose ``keyword`` is ``value``.

        QIDO matching allows wildcards (``*``, ``?``, PS3.18 §8.3.4.1) and some
        servers match case-insensitively, so only studies whose returned value
        equals ``value`` exactly are kept: a loose match would pull another
        patient's images into the cohort.
        """
        tag = {"AccessionNumber": TAG_ACCESSION, "StudyInstanceUID": TAG_STUDY_UID}[keyword]
        params = {keyword: value, "includefield": f"{TAG_STUDY_UID},{TAG_ACCESSION}"}
        response = self._get("studies", params=params)
        if response.status_code == 204 or (response.ok and not response.content.strip()):
            return []
        if not response.ok:
            raise DicomWebError(f"QIDO-RS studies search answered HTTP {response.status_code}")
        uids: set[str] = set()
        for item in response.json():
            if value.strip() in (v.strip() for v in _json_values(item, tag)):
                uids.update(_json_values(item, TAG_STUDY_UID))
        return sorted(uids)

    def list_instances(self, study_uid: str) -> list[tuple[str, str]]:
        """QIDO-RS instance search within a study: (SeriesInstanceUID, SOPInstanceUID) pairs."""
        response = self._get(f"studies/{study_uid}/instances",
                             params={"includefield": f"{TAG_SERIES_UID},{TAG_SOP_UID}"})
        if response.status_code in (204, 404):
            return []
        if not response.ok:
            raise DicomWebError(f"QIDO-RS instances of a study answered HTTP {response.status_code}")
        pairs = set()
        for item in response.json():
            series, sop = _json_values(item, TAG_SERIES_UID), _json_values(item, TAG_SOP_UID)
            if series and sop:
                pairs.add((series[0], sop[0]))
        return sorted(pairs)

    def retrieve(self, path: str) -> list[bytes]:
        """WADO-RS retrieve of a study, series or instance: the DICOM payloads of the answer.

        A truncated answer is retried ``attempts`` times with exponential backoff
        (the session already retries refused connections and 429/5xx answers).
        """
        last_error: Exception | None = None
        for attempt in range(self.attempts):
            if attempt:
                time.sleep(self.backoff * 2 ** (attempt - 1))
            accept = ACCEPT_ORIGINAL if self._original_syntax else ACCEPT_DEFAULT
            try:
                response = self._get(path, accept=accept)
                if response.status_code in (400, 406) and self._original_syntax:
                    # the server cannot send stored bytes: take its default syntax from now on
                    log.warning("DICOMweb server refused transfer-syntax=*; images come in its default syntax")
                    self._original_syntax = False
                    continue
                if not response.ok:
                    raise DicomWebError(f"WADO-RS retrieve answered HTTP {response.status_code}")
                content_type = response.headers.get("Content-Type", "")
                if content_type.lower().startswith("application/dicom"):
                    return [response.content]
                return [payload for _, payload in split_multipart(content_type, response.content)]
            except DicomWebError as err:
                last_error = err
                log.info("retrieve attempt %d/%d failed: %s", attempt + 1, self.attempts, err)
        raise DicomWebError(f"WADO-RS retrieve failed after {self.attempts} attempts: {last_error}")


# ---------------------------------------------------------------- progress


class FetchProgress:
    """The resumable record of fetched instances: one JSON line per instance, appended.

    A line is appended only after its file is in place, so a crash can lose
    at most the record of the last file (fetched again next time), never
    claim a file that is not there. A torn last line is ignored.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._lock = threading.Lock()
        self.done: dict[str, str] = {}  # SOPInstanceUID -> path relative to the output folder
        self.studies_done: set[str] = set()
        self.per_study: Counter[str] = Counter()  # instances recorded per study folder
        if path.exists():
            for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
                try:
                    record = json.loads(line)
                except json.JSONDecodeError:
                    continue
                if "sop" in record and record["sop"] not in self.done:
                    self.done[record["sop"]] = record["path"]
                    self.per_study[record["path"].split("/", 1)[0]] += 1
                elif "study_done" in record:
                    self.studies_done.add(record["study_done"])
        path.parent.mkdir(parents=True, exist_ok=True)

    def _append(self, record: dict) -> None:
        with self._lock, open(self.path, "a", encoding="utf-8") as handle:
            handle.write(json.dumps(record, sort_keys=True) + "\n")
            handle.flush()
            os.fsync(handle.fileno())

    def add_instance(self, sop_uid: str, rel_path: str, sha256: str) -> None:
        self._append({"sop": sop_uid, "path": rel_path, "sha256": sha256})
        with self._lock:
            if sop_uid not in self.done:
                self.per_study[rel_path.split("/", 1)[0]] += 1
            self.done[sop_uid] = rel_path

    def add_study(self, study_uid: str) -> None:
        self._append({"study_done": study_uid})
        with self._lock:
            self.studies_done.add(study_uid)

    def has(self, sop_uid: str, out_dir: Path) -> bool:
        rel = self.done.get(sop_uid)
        return rel is not None and (out_dir / rel).is_file()


# ---------------------------------------------------------------- fetch


def _safe_uid(uid: str, what: str) -> str:
    uid = uid.strip().rstrip("\x00")
    if not UID_PATTERN.match(uid) or len(uid) > 64:
        raise DicomWebError(f"server sent a {what} that is not a DICOM UID: {uid[:80]!r}")
    return uid


def _store_payload(payload: bytes, study_uid: str, out_dir: Path, progress: FetchProgress,
                   summary: FetchSummary, lock: threading.Lock) -> None:
    """Write one retrieved instance atomically under its UIDs and record it."""
    digest = hashlib.sha256(payload).hexdigest()
    try:
        ds = pydicom.dcmread(io.BytesIO(payload), stop_before_pixels=True,
                             specific_tags=["StudyInstanceUID", "SeriesInstanceUID", "SOPInstanceUID"])
        sop_uid = _safe_uid(str(ds.SOPInstanceUID), "SOP Instance UID")
        series_uid = _safe_uid(str(ds.SeriesInstanceUID), "Series Instance UID")
        rel = f"{study_uid}/{series_uid}/{sop_uid}.dcm"
        unreadable = False
    except (InvalidDicomError, AttributeError, ValueError, EOFError, OSError, DicomWebError) as err:
        # keep the bytes: the image pipeline quarantines the file with its own reason
        log.warning("a part of study %s is not readable DICOM (%s); kept for quarantine", study_uid, err)
        sop_uid = f"unreadable-{digest}"
        rel = f"{study_uid}/unreadable/{digest[:32]}.dcm"
        unreadable = True
    if not progress.has(sop_uid, out_dir):
        atomic_write_bytes(out_dir / rel, payload)
        progress.add_instance(sop_uid, rel, digest)
    with lock:
        summary.instances_fetched += 1
        summary.bytes_fetched += len(payload)
        summary.instances_unreadable += unreadable


def fetch_study(client: DicomWebClient, key: StudyKey, out_dir: Path, progress: FetchProgress,
                summary: FetchSummary, lock: threading.Lock) -> bool:
    """Find one cohort study and fetch whatever of it is not on disk yet; False if not found."""
    study_uids: list[str] = []
    if key.accession_number:
        study_uids = client.search_studies("AccessionNumber", key.accession_number)
    if not study_uids and key.study_instance_uid:
        study_uids = client.search_studies("StudyInstanceUID", key.study_instance_uid)
    if not study_uids:
        return False
    for raw_uid in study_uids:
        study_uid = _safe_uid(raw_uid, "Study Instance UID")
        if study_uid in progress.studies_done:
            with lock:
                summary.instances_skipped += progress.per_study[study_uid]
            continue
        instances = client.list_instances(study_uid)
        missing = [(series, sop) for series, sop in instances if not progress.has(sop, out_dir)]
        with lock:
            summary.instances_skipped += len(instances) - len(missing)
        if missing and len(missing) == len(instances):
            payloads = client.retrieve(f"studies/{study_uid}")
        else:
            payloads = []
            for series, sop in missing:
                payloads.extend(client.retrieve(
                    f"studies/{study_uid}/series/{_safe_uid(series, 'Series Instance UID')}"
                    f"/instances/{_safe_uid(sop, 'SOP Instance UID')}"
                ))
        for payload in payloads:
            _store_payload(payload, study_uid, out_dir, progress, summary, lock)
        progress.add_study(study_uid)
    return True


def batched(items: Sequence[StudyKey], size: int) -> Iterator[Sequence[StudyKey]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def fetch_studies(
    base_url: str,
    studies: Iterable[StudyKey],
    out_dir: str | os.PathLike[str],
    progress_path: str | os.PathLike[str] | None = None,
    batch_size: int = 50,
    workers: int = 2,
    client: DicomWebClient | None = None,
    on_batch=None,
) -> FetchSummary:
    """Fetch every study of ``studies`` from the DICOMweb service at ``base_url`` into ``out_dir``.

    Studies go in batches of ``batch_size``, ``workers`` studies at a time; the
    progress file (default: ``<out_dir>.progress.jsonl`` beside the folder)
    makes a rerun skip every instance already written. Studies the service
    does not know are listed in the summary, never silently left out.
    """
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    progress = FetchProgress(Path(progress_path) if progress_path else out.with_name(out.name + ".progress.jsonl"))
    client = client or DicomWebClient(base_url)
    keys = list(dict.fromkeys(studies))  # drop exact repeats, keep order
    summary = FetchSummary(studies=len(keys))
    lock = threading.Lock()
    bar = Progress("fetch studies", len(keys))
    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
        for batch_number, batch in enumerate(batched(keys, max(1, batch_size))):
            found = list(pool.map(lambda k: fetch_study(client, k, out, progress, summary, lock), batch))
            for key, ok in zip(batch, found, strict=True):
                if ok:
                    summary.studies_found += 1
                else:
                    summary.studies_missing.append(key)
            bar.advance(len(batch))
            log.info("batch %d: %d studies, %d instances fetched so far", batch_number, len(batch),
                     summary.instances_fetched)
            if on_batch is not None:
                on_batch(batch_number, summary)
    summary.seconds = time.monotonic() - started
    bar.finish(
        f"{summary.studies_found}/{summary.studies} studies found, {len(summary.studies_missing)} missing, "
        f"{summary.instances_fetched} instances fetched, {summary.instances_skipped} already there, "
        f"{summary.instances_unreadable} unreadable"
    )
    return summary


# ---------------------------------------------------------------- cohort input


def read_study_keys(table: str | os.PathLike[str]) -> list[StudyKey]:
    """The cohort studies of a Parquet or CSV table with ``accession_number`` and/or
    ``study_instance_uid`` columns (any case)."""
    import pandas as pd

    path = Path(table)
    if not path.is_file():
        raise CxrbuildError(f"{path}: cohort table not found")
    try:
        frame = pd.read_parquet(path) if path.suffix == ".parquet" else pd.read_csv(path, dtype=str)
    except Exception as err:
        raise CxrbuildError(f"{path}: cannot read the cohort table: {err}") from err
    columns = {c.lower(): c for c in frame.columns}
    acc_col, uid_col = columns.get("accession_number"), columns.get("study_instance_uid")
    if acc_col is None and uid_col is None:
        raise CxrbuildError(f"{path}: needs an accession_number or study_instance_uid column")

    def text(value: object) -> str | None:
        if value is None or (isinstance(value, float) and value != value):
            return None
        value = str(value).strip()
        return value or None

    keys = []
    for row in frame.itertuples(index=False):
        record = row._asdict() if hasattr(row, "_asdict") else dict(zip(frame.columns, row, strict=True))
        key = StudyKey(
            text(record.get(acc_col)) if acc_col else None,
            text(record.get(uid_col)) if uid_col else None,
        )
        if key.accession_number or key.study_instance_uid:
            keys.append(key)
    return keys


def fetch_cohort(base_url: str, cohort_table: str | os.PathLike[str], out_dir: str | os.PathLike[str],
                 summary_path: str | os.PathLike[str] | None = None, **options) -> FetchSummary:
    """Fetch the studies of a cohort table and write the summary (JSON, atomically) if asked."""
    summary = fetch_studies(base_url, read_study_keys(cohort_table), out_dir, **options)
    if summary_path is not None:
        atomic_write_text(summary_path, json.dumps(summary.as_dict(), indent=2, sort_keys=True) + "\n")
    return summary


# ---------------------------------------------------------------- command line


def register(subparsers: argparse._SubParsersAction) -> None:
    """``cxrbuild fetch-dicomweb URL COHORT OUT_DIR``."""
    parser = subparsers.add_parser(
        "fetch-dicomweb",
        help="retrieve the cohort's studies from a DICOMweb service (QIDO-RS + WADO-RS), resumable",
        description="Retrieve the cohort's studies from a DICOMweb service into OUT_DIR "
        "(QIDO-RS by AccessionNumber, falling back to StudyInstanceUID; WADO-RS in batches). "
        "A rerun skips the instances already fetched.",
    )
    parser.add_argument("url", help="DICOMweb base URL (e.g. https://pacs.example.org/dicom-web)")
    parser.add_argument("cohort", help="Parquet or CSV table with accession_number / study_instance_uid")
    parser.add_argument("out_dir", help="folder to fill with <study>/<series>/<sop>.dcm")
    parser.add_argument("--summary", help="write the fetch summary (JSON) here")
    parser.add_argument("--progress-file", help="resumable progress (default: OUT_DIR.progress.jsonl)")
    parser.add_argument("--batch-size", type=int, default=50)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--log", help="log file")
    parser.set_defaults(func=_run)


def _run(args: argparse.Namespace) -> int:
    setup_logging(args.log)
    summary = fetch_cohort(args.url, args.cohort, args.out_dir, args.summary,
                           progress_path=args.progress_file, batch_size=args.batch_size,
                           workers=args.workers)
    if summary.studies and not summary.studies_found:
        raise CxrbuildError(f"{args.url}: none of the {summary.studies} cohort studies was found there")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m cxrbuild.dicomweb")
    register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["fetch-dicomweb", *(argv if argv is not None else sys.argv[1:])])
    try:
        return args.func(args)
    except CxrbuildError as err:
        print(f"cxrbuild fetch-dicomweb: error: {err}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
