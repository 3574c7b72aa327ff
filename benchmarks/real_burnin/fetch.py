#!/usr/bin/env python3
"""Download the real_burnin files that are too large to commit.

Reads manifest.json next to this script, downloads each file from its raw
GitHub URL (pinned to a commit), checks its sha256, and for a zip archive
extracts the named member and checks that member's sha256 too. Files already
present with the right sha256 are left alone. Needs internet; standard library
only. Nothing runs this automatically.

    python benchmarks/real_burnin/fetch.py
"""

import hashlib
import io
import json
import sys
import urllib.request
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent


def sha256(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def fetch_one(entry: dict) -> None:
    target = HERE / entry["local"]
    member = entry.get("zip_member")
    want = member["sha256"] if member else entry["sha256"]
    if target.exists() and sha256(target.read_bytes()) == want:
        print(f"ok (already here): {target.name}")
        return
    print(f"downloading {entry['url']}")
    with urllib.request.urlopen(entry["url"], timeout=120) as resp:
        data = resp.read()
    got = sha256(data)
    if got != entry["sha256"]:
        raise SystemExit(f"sha256 mismatch for {entry['url']}: {got} != {entry['sha256']}")
    if member:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            data = zf.read(member["name"])
        got = sha256(data)
        if got != member["sha256"]:
            raise SystemExit(
                f"sha256 mismatch for member {member['name']}: {got} != {member['sha256']}"
            )
    target.write_bytes(data)
    print(f"ok: {target.name} ({len(data)} bytes)")


def main() -> int:
    manifest = json.loads((HERE / "manifest.json").read_text())
    for entry in manifest["files"]:
        fetch_one(entry)
    return 0


if __name__ == "__main__":
    sys.exit(main())
