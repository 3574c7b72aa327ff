"""The keyed generator behind every random identifier, UID and date shift.

All randomness in a release comes from HMAC-SHA256 over a secret key file
(RFC 2104), so the same inputs and key give the same release and a new key
gives a fresh, unlinkable one. The key never enters the release or git.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import secrets
from pathlib import Path

from cxrbuild.util.atomic import atomic_write_bytes
from cxrbuild.util.errors import CxrbuildError

KEY_BYTES = 32


def load_key(path: str | os.PathLike[str]) -> bytes:
    """Read the secret key; a missing key is an error, never silently replaced by a new one
    (a new key gives all-new ids, unlinkable to the ones already issued)."""
    key_path = Path(path)
    try:
        raw = key_path.read_bytes().strip()
    except FileNotFoundError:
        raise CxrbuildError(f"{key_path}: secret key file not found (make one only for a fresh, unlinkable "
                            "release: --new-key, or the first build of a new work area)") from None
    except OSError as err:
        raise CxrbuildError(f"{key_path}: cannot read the secret key ({err.strerror or err})") from None
    try:
        key = bytes.fromhex(raw.decode("ascii"))
    except (UnicodeDecodeError, ValueError):
        key = raw
    if len(key) < 16:
        raise CxrbuildError(f"{key_path}: secret key is shorter than 16 bytes")
    return key


def create_key(path: str | os.PathLike[str]) -> bytes:
    """Make a new secret key file (mode 0600, 32 random bytes as hex); an existing one is never replaced."""
    key_path = Path(path)
    if key_path.exists() or key_path.is_symlink():
        raise CxrbuildError(f"{key_path}: a secret key already exists here; it is never replaced "
                            "(its ids would become unlinkable)")
    try:
        atomic_write_bytes(key_path, secrets.token_hex(KEY_BYTES).encode() + b"\n", file_mode=0o600)
    except OSError as err:
        raise CxrbuildError(f"{key_path}: cannot write the secret key ({err.strerror or err})") from None
    return load_key(key_path)


def key_fingerprint(key: bytes) -> str:
    """A public fingerprint of the key: names it in logs and binds a work area to it."""
    return keyed_hex(key, 16, "fingerprint")


def keyed_digest(key: bytes, *parts: str) -> bytes:
    """HMAC-SHA256 of the parts, unambiguously joined (length-prefixed)."""
    message = b"".join(len(p.encode()).to_bytes(4, "big") + p.encode() for p in parts)
    return hmac.new(key, message, hashlib.sha256).digest()


def keyed_int(key: bytes, low: int, high: int, *parts: str) -> int:
    """A keyed, uniform-enough integer in [low, high] (inclusive) for the parts."""
    span = high - low + 1
    value = int.from_bytes(keyed_digest(key, *parts), "big")  # 256 bits: modulo bias < 2**-200
    return low + value % span


def keyed_hex(key: bytes, n_hex: int, *parts: str) -> str:
    """``n_hex`` keyed hexadecimal digits for the parts (at most 64)."""
    if not 0 < n_hex <= 64:
        raise ValueError("n_hex must be in 1..64")
    return keyed_digest(key, *parts).hex()[:n_hex]


def uid_key(key: bytes) -> bytes:
    """The key of ``keyed_uid`` for the replacement UIDs: derived from the secret, never the secret itself.

    The workflow's image batches and ``cxrbuild deid-images`` both derive it here,
    so one secret gives an image the same UIDs on both paths.
    """
    return keyed_digest(key, "uid-key")


def keyed_uid(key: bytes, original_uid: str) -> str:
    """A deterministic replacement UID under the ``2.25`` root (PS3.5 B.2, UUID-derived).

    The 128-bit integer comes from the HMAC of the original UID, so every file
    of a study or series maps its shared UIDs to the same new value.
    """
    value = int.from_bytes(keyed_digest(key, "uid", original_uid)[:16], "big")
    return f"2.25.{value}"


def format_dicom_id(hex40: str) -> str:
    """Write 40 hex digits as five dash-joined groups of 8 (the MIMIC-CXR dicom_id form)."""
    if len(hex40) != 40:
        raise ValueError("dicom_id needs 40 hex digits")
    return "-".join(hex40[i : i + 8] for i in range(0, 40, 8))
