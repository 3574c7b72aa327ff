"""DICOMweb retrieval (cxrbuild.dicomweb) against a real Orthanc with its DICOMweb plugin.

Orthanc is started by tests/services/local_services.py on a free local port;
where it cannot run (not root and the Debian packages missing) the Orthanc
tests skip with the reason. The multipart parser is also tested on its own.
"""

from __future__ import annotations

import hashlib
import http.server
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pydicom
import pytest
import requests

from cxrbuild.dicomweb import (
    DicomWebClient,
    DicomWebError,
    StudyKey,
    fetch_studies,
    make_session,
    split_multipart,
)

sys.path.insert(0, str(Path(__file__).resolve().parent / "services"))
import local_services

pytestmark = pytest.mark.services


def _multipart(parts: list[bytes], boundary: str = "b0und", close: bool = True) -> bytes:
    body = b""
    for part in parts:
        body += f"--{boundary}\r\nContent-Type: application/dicom\r\n\r\n".encode() + part + b"\r\n"
    if close:
        body += f"--{boundary}--\r\n".encode()
    return body


def test_split_multipart_returns_each_payload_byte_exact() -> None:
    payloads = [b"\x00\x01DICM\r\n\r\nbinary--b0un", b"second\r\n--not-the-boundary"]
    parts = split_multipart('multipart/related; type="application/dicom"; boundary="b0und"',
                            _multipart(payloads))
    assert [p for _, p in parts] == payloads
    assert parts[0][0]["content-type"] == "application/dicom"


def test_split_multipart_rejects_a_truncated_answer() -> None:
    body = _multipart([b"first", b"second"], close=False)[:-5]
    with pytest.raises(DicomWebError, match="closing delimiter"):
        split_multipart("multipart/related; boundary=b0und", body)


# ---------------------------------------------------------------- against Orthanc


@pytest.fixture(scope="module")
def orthanc(tmp_path_factory: pytest.TempPathFactory, external_dir: Path) -> Iterator[dict]:
    base = tmp_path_factory.mktemp("orthanc_service")
    try:
        state = local_services.start("orthanc", base)
    except local_services.ServiceUnavailable as err:
        pytest.skip(f"Orthanc cannot run here: {err}")
    try:
        stored, rejected = local_services.upload_to_orthanc(state["url"], external_dir.glob("*.dcm"))
        assert (stored, rejected) == (5, 0)
        yield state
    finally:
        local_services.stop("orthanc", base)


def _external_keys(external_dir: Path) -> list[StudyKey]:
    keys = []
    for path in sorted(external_dir.glob("*.dcm")):
        ds = pydicom.dcmread(path, stop_before_pixels=True)
        keys.append(StudyKey(str(ds.get("AccessionNumber", "")) or None, str(ds.StudyInstanceUID)))
    return keys


def _digests(folder: Path) -> set[str]:
    return {hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.rglob("*.dcm")}


def test_fetch_returns_the_stored_bytes_of_every_cohort_study(orthanc: dict, external_dir: Path,
                                                              tmp_path: Path) -> None:
    out = tmp_path / "pacs"
    summary = fetch_studies(orthanc["dicomweb_url"], _external_keys(external_dir), out, batch_size=2)
    # transfer-syntax=* keeps compressed originals (RLE, JPEG 2000) exactly as uploaded
    assert _digests(out) == _digests(external_dir)
    assert summary.studies_found == summary.studies == 5
    assert not summary.studies_missing
    assert not any(p.name.endswith(".jsonl") for p in out.rglob("*")), "progress file must stay outside"


def test_fetch_reports_unknown_and_wildcard_studies_as_missing(orthanc: dict, external_dir: Path,
                                                               tmp_path: Path) -> None:
    real = _external_keys(external_dir)[0]
    assert real.accession_number
    wildcard = StudyKey(real.accession_number[:3] + "*", None)  # QIDO would match it loosely
    unknown = StudyKey("NOT-IN-PACS-1", "1.2.3.999999")
    out = tmp_path / "pacs"
    summary = fetch_studies(orthanc["dicomweb_url"], [wildcard, unknown], out)
    assert summary.studies_missing == [wildcard, unknown]
    assert not list(out.rglob("*.dcm"))


def test_fetch_falls_back_to_study_uid_when_the_accession_is_unknown(orthanc: dict, external_dir: Path,
                                                                      tmp_path: Path) -> None:
    real = _external_keys(external_dir)[0]
    out = tmp_path / "pacs"
    summary = fetch_studies(orthanc["dicomweb_url"], [StudyKey("WRONG-ACCESSION", real.study_instance_uid)], out)
    assert summary.studies_found == 1 and summary.instances_fetched == 1


def test_interrupted_fetch_resumes_without_fetching_twice(orthanc: dict, external_dir: Path,
                                                          tmp_path: Path) -> None:
    keys = _external_keys(external_dir)
    out = tmp_path / "pacs"

    def stop_after_two_batches(batch_number: int, _summary: object) -> None:
        if batch_number == 1:
            raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        fetch_studies(orthanc["dicomweb_url"], keys, out, batch_size=1, workers=1,
                      on_batch=stop_after_two_batches)
    assert len(list(out.rglob("*.dcm"))) == 2
    # a half-written file from a crash would be a hidden temporary, never a .dcm
    resumed = fetch_studies(orthanc["dicomweb_url"], keys, out, batch_size=1, workers=1)
    assert resumed.instances_skipped == 2
    assert resumed.instances_fetched == 3
    assert _digests(out) == _digests(external_dir)


class _FlakyProxy(http.server.BaseHTTPRequestHandler):
    """Forwards GETs to Orthanc, but answers 503 to every other request and
    cuts the first multipart answer short, as an overloaded PACS would."""

    upstream = ""
    counter = 0
    truncated_once = False

    def do_GET(self) -> None:
        cls = type(self)
        cls.counter += 1
        if cls.counter % 2 == 1:
            self.send_response(503)
            self.send_header("Retry-After", "0")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        upstream = requests.get(cls.upstream + self.path, headers={"Accept": self.headers["Accept"]},
                                timeout=30)
        body = upstream.content
        if upstream.headers.get("Content-Type", "").startswith("multipart") and not cls.truncated_once:
            cls.truncated_once = True
            body = body[: len(body) // 2]
        self.send_response(upstream.status_code)
        self.send_header("Content-Type", upstream.headers.get("Content-Type", "application/octet-stream"))
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


def test_fetch_retries_server_errors_and_truncated_transfers(orthanc: dict, external_dir: Path,
                                                             tmp_path: Path) -> None:
    _FlakyProxy.upstream = orthanc["url"]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _FlakyProxy)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/dicom-web"
        client = DicomWebClient(url, session=make_session(retries=3, backoff=0.01), backoff=0.01)
        out = tmp_path / "pacs"
        summary = fetch_studies(url, _external_keys(external_dir), out, workers=1, client=client)
    finally:
        server.shutdown()
        server.server_close()
    assert _FlakyProxy.truncated_once
    assert summary.studies_found == 5
    assert _digests(out) == _digests(external_dir)
