"""How long `cxrbuild synth` takes, and its peak memory.

Cases:
  full40  -- 40 patients, full-size images (2,000-3,000 px, burned-in text)
  scale   -- the full-scale hospital, headers only (65,000 patients)
  small   -- 40 patients, small images (the test-suite size)

Each case runs `cxrbuild synth` in a fresh child process; its wall time, CPU
time and peak resident memory (resource.getrusage of the children, so the
pool workers are included: ru_maxrss is the largest single process) are
appended to benchmarks/recorded/synth.json and written as a table to
benchmarks/recorded/synth.md, with the exact command of every run.

    .venv/bin/python benchmarks/synth_bench.py --cases full40 scale
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "benchmarks" / "recorded"
CASES = {
    "full40": ["--patients", "40", "--image-size", "full"],
    "scale": ["--patients", "65000", "--headers-only"],
    "small": ["--patients", "40"],
}


def _du_bytes(path: Path) -> int:
    """Apparent size of the output (du is much faster than stat-ing 450,000 files from Python)."""
    du = subprocess.run(["du", "-sb", str(path)], capture_output=True, text=True, check=False)
    if du.returncode == 0:
        return int(du.stdout.split()[0])
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def run_case(name: str, out_root: Path, workers: int | None, keep: bool) -> dict:
    out = out_root / f"synth-{name}"
    if out.exists():
        shutil.rmtree(out)
    command = [sys.executable, "-m", "cxrbuild.cli", "synth", "--out", str(out), *CASES[name]]
    if workers:
        command += ["--workers", str(workers)]
    load_before = os.getloadavg()
    started = time.monotonic()
    completed = subprocess.run(command, capture_output=True, text=True, check=False)
    wall = time.monotonic() - started
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    if completed.returncode != 0:
        raise SystemExit(f"{name}: synth failed ({completed.returncode}): {completed.stderr.strip()[-400:]}")
    summary = json.loads((out / "truth" / "summary.json").read_text())
    result = {
        "case": name,
        "command": "cxrbuild synth --out OUT " + " ".join(command[command.index(str(out)) + 1 :]),
        "date": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "wall_seconds": round(wall, 1),
        "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 1),
        "peak_rss_mib": round(usage.ru_maxrss / 1024, 1),
        "load_average_before": [round(x, 2) for x in load_before],
        "patients": summary["patients"],
        "studies": summary["studies"],
        "cohort_studies": summary["cohort_studies"],
        "cohort_images": summary["cohort_images"],
        "images": summary["images"],
        "files": sum(summary["files"].values()),
        "output_mib": round(_du_bytes(out) / 2**20, 1),
        "summary_line": completed.stderr.strip().splitlines()[-1],
        "cpus": os.cpu_count(),
        "python": platform.python_version(),
    }
    if not keep:
        shutil.rmtree(out)
    return result


def write_markdown(results: list[dict]) -> None:
    lines = [
        "# `cxrbuild synth` benchmark",
        "",
        "Produced by `.venv/bin/python benchmarks/synth_bench.py --cases <case...>` "
        "(each case in a fresh child process; peak memory is the largest single process, "
        "pool workers included, from `resource.getrusage(RUSAGE_CHILDREN)`). The machine is "
        "shared: the load average before each run is given, since other work on the same "
        "cores stretches wall time.",
        "",
        "| case | command | patients | studies (cohort) | images (cohort) | files | wall s | CPU s | peak RSS MiB | output MiB | load before | date |",
        "| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |",
    ]
    for r in results:
        lines.append(
            f"| {r['case']} | `{r['command']}` | {r['patients']:,} | {r['studies']:,} ({r['cohort_studies']:,}) | "
            f"{r['images']:,} ({r['cohort_images']:,}) | {r['files']:,} | {r['wall_seconds']} | {r['cpu_seconds']} | "
            f"{r['peak_rss_mib']} | {r['output_mib']:,} | {', '.join(str(x) for x in r['load_average_before'])} | {r['date']} |"
        )
    lines += [
        "",
        "Reading the figures: CPU s is user + system time of `cxrbuild synth` and its pool "
        "workers; on two otherwise idle cores the wall time would lie between CPU s / 2 and CPU s "
        "(the main process plans the hospital alone before the workers start, then merges their "
        "truth lines while they write). Wall s "
        "also holds interpreter start-up and the release of the planner's memory after the "
        "summary line. Peak RSS is the planning process at full scale (records of 65,000 "
        "patients, ~470,000 file specs and the PHI index); workers stay under 200 MiB. Most of "
        "the headers-only output is truth: `images.jsonl` lists every header PHI value of every "
        "file.",
    ]
    lines += ["", "Summary lines printed by the runs:", ""]
    lines += [f"- {r['case']}: `{r['summary_line']}`" for r in results]
    (RESULTS / "synth.md").write_text("\n".join(lines) + "\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", nargs="+", choices=sorted(CASES), default=["full40", "scale"])
    parser.add_argument("--out-root", type=Path, default=ROOT / "benchmarks" / "out")
    parser.add_argument("--workers", type=int, default=None)
    parser.add_argument("--keep", action="store_true", help="keep the generated hospitals")
    parser.add_argument("--one", help=argparse.SUPPRESS)  # run a single case, print its JSON
    parser.add_argument(
        "--merge", nargs="+", type=Path, default=[], metavar="JSON",
        help="record results printed by `--one CASE` runs made separately, instead of running cases",
    )
    args = parser.parse_args()
    if args.one:
        print(json.dumps(run_case(args.one, args.out_root, args.workers, args.keep)))
        return 0
    RESULTS.mkdir(parents=True, exist_ok=True)
    store = RESULTS / "synth.json"
    previous = {r["case"]: r for r in json.loads(store.read_text())} if store.exists() else {}
    if args.merge:
        for path in args.merge:
            result = json.loads(path.read_text().strip().splitlines()[-1])
            previous[result["case"]] = result
        args.cases = []
    for name in args.cases:
        # a fresh process per case, so one case's peak memory never counts for another
        command = [sys.executable, __file__, "--one", name, "--out-root", str(args.out_root)]
        if args.workers:
            command += ["--workers", str(args.workers)]
        if args.keep:
            command.append("--keep")
        child = subprocess.run(command, capture_output=True, text=True, check=False)
        if child.returncode != 0:
            print(child.stderr.strip(), file=sys.stderr)
            return child.returncode
        result = json.loads(child.stdout.strip().splitlines()[-1])
        previous[name] = result
        print(f"{name}: {result['wall_seconds']} s wall, {result['cpu_seconds']} s CPU, peak {result['peak_rss_mib']} MiB, {result['files']:,} files")
    ordered = [previous[k] for k in CASES if k in previous]
    store.write_text(json.dumps(ordered, indent=1) + "\n", encoding="utf-8")
    write_markdown(ordered)
    return 0


if __name__ == "__main__":
    sys.exit(main())
