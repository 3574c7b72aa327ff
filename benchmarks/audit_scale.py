"""How the leak audit's identifier set grows with the EHR: forms, memory, time to build and to scan.

Writes an EHR of N synthetic patients (reference schema, contracts section
1.1; about 3.5 studies and 2 encounters each, like the full MIMIC-CXR cohort)
into SQLite, collects every identifier form, indexes them, and scans a fixed
text (1 MB of report-like prose plus numbers) with them.

    .venv/bin/python benchmarks/audit_scale.py --patients 2000 10000

writes benchmarks/recorded/audit_scale.md (figures and the command). Peak memory
is the process's maximum resident size after each size (sizes run smallest
first, so each figure includes the earlier ones' high-water mark).
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import resource
import sqlite3
import sys
import time
from pathlib import Path

from cxrbuild.audit.identifiers import collect_identifiers
from cxrbuild.audit.matcher import Matcher
from cxrbuild.audit.tokens import tokenize

ROOT = Path(__file__).resolve().parent
SCHEMA = """
CREATE TABLE patients (mrn TEXT PRIMARY KEY, family_name TEXT, given_name TEXT, birth_date DATE, sex TEXT,
  street TEXT, city TEXT, state TEXT, postal_code TEXT, phone TEXT, ssn TEXT);
CREATE TABLE encounters (encounter_id TEXT PRIMARY KEY, mrn TEXT NOT NULL, encounter_type TEXT NOT NULL,
  admit_time TIMESTAMP NOT NULL, discharge_time TIMESTAMP);
CREATE TABLE imaging_studies (accession_number TEXT PRIMARY KEY, mrn TEXT NOT NULL, encounter_id TEXT,
  study_instance_uid TEXT NOT NULL, procedure_code TEXT NOT NULL, procedure_description TEXT, modality TEXT,
  study_time TIMESTAMP NOT NULL);
CREATE TABLE radiology_reports (accession_number TEXT PRIMARY KEY, report_text TEXT NOT NULL, author TEXT,
  signed_time TIMESTAMP);
"""


def make_ehr(path: Path, patients: int, seed: int = 0) -> str:
    from faker import Faker

    fake = Faker("en_US")
    Faker.seed(seed)
    rng = random.Random(seed)
    path.unlink(missing_ok=True)
    db = sqlite3.connect(path)
    db.executescript(SCHEMA)
    authors = [f"Dr. {fake.first_name()} {fake.last_name()}, MD" for _ in range(60)]
    for n in range(patients):
        mrn = f"{n + 1:08d}"
        db.execute("INSERT INTO patients VALUES (?,?,?,?,?,?,?,?,?,?,?)", (
            mrn, fake.last_name(), fake.first_name(), fake.date_of_birth(minimum_age=18, maximum_age=95).isoformat(),
            "F", fake.street_address(), fake.city(), fake.state_abbr(), fake.postcode(), fake.phone_number(),
            fake.ssn()))
        for e in range(2):
            admit = dt.datetime(2011, 1, 1) + dt.timedelta(days=rng.randrange(2190), minutes=rng.randrange(1440))
            encounter = f"{mrn}-{e}"
            db.execute("INSERT INTO encounters VALUES (?,?,?,?,?)",
                       (encounter, mrn, "ED", admit.isoformat(" "), (admit + dt.timedelta(days=2)).isoformat(" ")))
            for s in range(2 if e == 0 else rng.choice((1, 2))):
                accession = f"{n:07d}{e}{s}"
                when = admit + dt.timedelta(hours=s * 20)
                db.execute("INSERT INTO imaging_studies VALUES (?,?,?,?,?,?,?,?)", (
                    accession, mrn, encounter, f"1.2.840.99999.{n}.{e}.{s}.{rng.randrange(10**12)}", "71046",
                    "XR CHEST 2V", "CR", when.isoformat(" ")))
                db.execute("INSERT INTO radiology_reports VALUES (?,?,?,?)",
                           (accession, "FINAL REPORT", rng.choice(authors), when.isoformat(" ")))
    db.commit()
    db.close()
    return f"sqlite:///{path}"


def sample_text(size: int = 1_000_000, seed: int = 1) -> str:
    rng = random.Random(seed)
    words = ["the", "lungs", "are", "clear", "no", "focal", "consolidation", "pleural", "effusion", "or", "pneumothorax", "heart", "size", "normal", "mass", "fluid", "line", "tube", "portable", "upright", "compared", "with", "prior", "study", "at", "___", "on", "___", "dr", "___"]
    parts = []
    total = 0
    while total < size:
        piece = " ".join(rng.choice(words) for _ in range(12)) + f" {rng.randrange(10**7)}.\n"
        parts.append(piece)
        total += len(piece)
    return "".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--patients", type=int, nargs="+", default=[2000, 10000])
    parser.add_argument("--out", type=Path, default=ROOT / "out" / "audit_scale")
    parser.add_argument("--results", type=Path, default=ROOT / "recorded" / "audit_scale.md")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    text = sample_text()
    rows = []
    for patients in sorted(args.patients):
        url = make_ehr(args.out / f"ehr_{patients}.sqlite", patients)
        started = time.perf_counter()
        ids = collect_identifiers(url)
        collected = time.perf_counter() - started
        started = time.perf_counter()
        matcher = Matcher(ids.forms)
        indexed = time.perf_counter() - started
        started = time.perf_counter()
        tokens = tokenize(text)
        matches = matcher.find(tokens, fuzzy=True)
        scanned = time.perf_counter() - started
        peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        rows.append((patients, len(ids), collected, indexed, scanned, len(matches), peak_mb))
        print(rows[-1], flush=True)
        del ids, matcher
    command = "python benchmarks/audit_scale.py " + " ".join(argv if argv is not None else sys.argv[1:])
    lines = [
        "# Leak audit: identifier set size, memory and speed against the EHR size",
        "",
        f"Command: `{command.strip()}` (2-core machine shared with other work).",
        "",
        "Each patient: 2 encounters, ~3.5 studies with reports (Faker names/addresses). The scan is 1 MB of",
        "report-like text (~190,000 tokens), exact and one-edit matching.",
        "",
        "| patients | identifier forms | collect (s) | index (s) | scan 1 MB (s) | raw matches (before ranking) | peak RSS (MB) |",
        "| --- | --- | --- | --- | --- | --- | --- |",
    ]
    for patients, forms, collected, indexed, scanned, matches, peak in rows:
        lines.append(f"| {patients} | {forms} | {collected:.1f} | {indexed:.1f} | {scanned:.2f} | {matches} | "
                     f"{peak:.0f} |")
    per_patient = [(r[6] - rows[0][6]) / (r[0] - rows[0][0]) for r in rows[1:] if r[0] > rows[0][0]]
    if per_patient:
        lines += ["", f"Memory grows by about {per_patient[-1] * 1024:.0f} kB per patient; at 65,000 patients "
                  f"(the full cohort) that is about {per_patient[-1] * 65000 / 1024:.1f} GB for the identifier "
                  "index."]
    args.results.parent.mkdir(parents=True, exist_ok=True)
    args.results.write_text("\n".join(lines) + "\n")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
