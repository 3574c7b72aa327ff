"""Workflow benchmarks: the demo end to end, and the full-scale DAG and front stages.

1. ``demo``: the default config (demo hospital of 40 patients, NER trained in
   the workflow) end to end with ``--cores 2``, in a fresh copy of the project.
2. ``full``: a full-scale headers-only hospital (``cxrbuild.synth.generate(...,
   headers_only=True, patients=65000)``, ~377,000 files; made once and reused):
   the dry-run DAG build time, job count and peak memory with
   ``batches_per_shard: 100``, then cohort + pacs_index + assign_ids for real
   with their times (Snakemake ``benchmark:`` files), then the dry run again
   with the checkpoint resolved (every batch known).

Writes benchmarks/recorded/workflow.md (and .json). Usage:

    .venv/bin/python benchmarks/workflow_bench.py [--skip-demo] [--skip-full]
        [--full-hospital /tmp/cxr_full] [--out /tmp/cxr_bench]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SNAKEMAKE = str(Path(sys.executable).with_name("snakemake"))
PROJECT_PARTS = ("Snakefile", "workflow", "scripts", "config", "envs", "src")
RESULTS = REPO / "benchmarks" / "recorded"


def copy_project(dest: Path) -> Path:
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    for part in PROJECT_PARTS:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, dest / part, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(source, dest / part)
    return dest


def run_measured(command: list[str], cwd: Path, log: Path, allow_failure: bool = False) -> dict:
    """Run a command; wall time and peak RSS (KiB) via /usr/bin/time -v when present."""
    timer = ["/usr/bin/time", "-v"] if Path("/usr/bin/time").exists() else []
    started = time.monotonic()
    with open(log, "w") as handle:
        result = subprocess.run(timer + command, cwd=cwd, stdout=handle, stderr=subprocess.STDOUT)
    seconds = time.monotonic() - started
    text = log.read_text(errors="replace")
    peak = re.search(r"Maximum resident set size \(kbytes\): (\d+)", text)
    peak_kib = int(peak.group(1)) if peak else resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    cpu = sum(float(m) for m in re.findall(r"(?:User|System) time \(seconds\): ([\d.]+)", text))
    if result.returncode != 0 and not allow_failure:
        raise SystemExit(f"{' '.join(command)} failed ({result.returncode}); see {log}")
    # CPU time of the measured process itself: on a shared, loaded machine wall time overstates the cost
    return {"seconds": round(seconds, 1), "cpu_seconds": round(cpu, 1), "peak_rss_mib": round(peak_kib / 1024, 1),
            "output": text, "exit_status": result.returncode}


def job_count(output: str) -> int:
    match = re.search(r"^total\s+(\d+)$", output, re.MULTILINE)
    return int(match.group(1)) if match else 0


def snakemake(project: Path, config: Path, *args: str) -> list[str]:
    return [SNAKEMAKE, "--cores", "2", "--configfile", str(config), "--directory", str(project),
            "--snakefile", str(project / "Snakefile"), "--workflow-profile",
            str(project / "workflow" / "profiles" / "default"), *args]


def bench_tsv(path: Path) -> dict:
    header, values = path.read_text().splitlines()[:2]
    row = dict(zip(header.split("\t"), values.split("\t"), strict=False))
    def number(key: str) -> float | None:
        return float(row[key]) if row.get(key) not in (None, "-", "NA", "") else None

    return {"seconds": float(row["s"]), "max_rss_mib": number("max_rss"), "cpu_seconds": number("cpu_time")}


def _first_line(path: Path) -> str:
    lines = path.read_text().splitlines() if path.exists() else []
    return lines[-1].split(": ", 1)[-1] if lines else ""


def step_times(bench_dir: Path) -> dict[str, float]:
    """Seconds per rule from Snakemake's benchmark files; per-batch rules summed over their batches."""
    steps = {p.stem: bench_tsv(p)["seconds"] for p in sorted(bench_dir.glob("*.tsv"))}
    for folder in sorted(p for p in bench_dir.iterdir() if p.is_dir()):
        steps[f"{folder.name} (sum of batches)"] = round(sum(bench_tsv(p)["seconds"] for p in folder.glob("*.tsv")), 1)
    return steps


def bench_demo(out: Path) -> dict:
    project = copy_project(out / "demo")
    config = project / "bench-config.yaml"
    config.write_text(f"secrets:\n  key_file: {project / 'secret.key'}\n")
    # a failing leak audit (the last gate) still leaves a release whose build time is worth recording
    measured = run_measured(snakemake(project, config, "--keep-going"), project, out / "demo.log",
                            allow_failure=True)
    failed = sorted(set(re.findall(r"Error in rule (\w+):", measured["output"])))
    summary = json.loads((project / "results" / "work" / "release_summary.json").read_text())
    steps = step_times(project / "results" / "work" / "benchmarks")
    return {"seconds": measured["seconds"], "cpu_seconds": measured["cpu_seconds"],
            "peak_rss_mib": measured["peak_rss_mib"],
            "jobs": job_count(measured["output"]), "summary": summary, "steps": steps,
            "exit_status": measured["exit_status"], "failed_rules": failed,
            "audit": _first_line(project / "results" / "work" / "logs" / "audit_gate.log"),
            "command": " ".join(snakemake(Path("PROJECT"), Path("bench-config.yaml")))}


def bench_full(out: Path, hospital: Path) -> dict:
    if not (hospital / "truth" / "summary.json").exists():
        from cxrbuild.synth import generate

        started = time.monotonic()
        generate(hospital, patients=65000, seed=0, headers_only=True)
        print(f"full-scale hospital generated in {time.monotonic() - started:.0f}s", file=sys.stderr)
    truth = json.loads((hospital / "truth" / "summary.json").read_text())
    project = copy_project(out / "full")
    config = project / "bench-config.yaml"
    config.write_text(
        f"ehr:\n  url: sqlite:///{hospital / 'ehr.sqlite'}\npacs:\n  dir: {hospital / 'pacs'}\n"
        f"secrets:\n  key_file: {project / 'secret.key'}\nbatches:\n  batches_per_shard: 100\n"
        "pacs_index:\n  workers: 2\n")
    result: dict = {"hospital": {k: truth.get(k) for k in ("patients", "studies", "images", "cohort_studies",
                                                           "cohort_images")}}
    dry = run_measured(snakemake(project, config, "-n", "--quiet", "rules"), project, out / "full-dry1.log")
    result["dry_run_before"] = {"seconds": dry["seconds"], "cpu_seconds": dry["cpu_seconds"],
                                "peak_rss_mib": dry["peak_rss_mib"],
                                "jobs": job_count(dry["output"])}
    target = "results/work/ids/summary.json"  # relative: Snakemake matches output patterns as written
    front = run_measured(snakemake(project, config, target), project, out / "full-front.log")
    bench_dir = project / "results" / "work" / "benchmarks"
    result["front"] = {"seconds": front["seconds"],
                       "steps": {name: bench_tsv(bench_dir / f"{name}.tsv") for name in
                                 ("cohort", "pacs_index", "assign_ids")},
                       "ids_summary": {k: v for k, v in json.loads((project / target).read_text()).items()
                                       if k != "changed_plans"}}
    dry = run_measured(snakemake(project, config, "-n", "--quiet", "rules"), project, out / "full-dry2.log")
    result["dry_run_after"] = {"seconds": dry["seconds"], "cpu_seconds": dry["cpu_seconds"],
                               "peak_rss_mib": dry["peak_rss_mib"],
                               "jobs": job_count(dry["output"])}
    result["command"] = " ".join(snakemake(Path("PROJECT"), Path("bench-config.yaml"), "-n", "--quiet", "rules"))
    return result


def write_markdown(results: dict) -> str:
    lines = ["# Workflow benchmarks", ""]
    for key in sorted(k for k in results if k.startswith("machine")):
        lines.append(f"- {key.replace('_', ' ')}: {results[key]}")
    for section, command in sorted(results.get("commands", {}).items()):
        lines.append(f"- `{section}` figures produced by `{command}`")
    lines += ["", "Wall times were taken on a shared 2-core machine (load average above: other builds ran "
              "at the same time); the CPU seconds beside them are what the step itself used.", ""]
    demo = results.get("demo")
    if demo:
        s = demo["summary"]
        lines += ["## Demo end to end (default config, 40 patients, `--cores 2`)", "",
                  "| figure | value | target |", "| --- | --- | --- |",
                  f"| wall time | {demo['seconds']} s ({demo['cpu_seconds']} s CPU, all processes) | <= 300 s |",
                  f"| jobs | {demo['jobs']} | |",
                  f"| exit status | {demo['exit_status']}"
                  + (f" (failed: {', '.join(demo['failed_rules'])})" if demo["failed_rules"] else "") + " | 0 |",
                  f"| leak audit gate | {demo['audit'] or 'passed'} | passed |",
                  f"| peak RSS of the snakemake process tree's largest process | {demo['peak_rss_mib']} MiB | |",
                  f"| released | {s['released_studies']} studies, {s['released_images']} images | |",
                  f"| cohort | {s['cohort_studies']} studies, {s['cohort_images']} images | |",
                  f"| quarantined | {s['quarantined_studies']} studies, {s['quarantined_images']} images | |",
                  "", "Step times (Snakemake `benchmark:` files, seconds): " +
                  ", ".join(f"{k} {v:.1f}" for k, v in demo["steps"].items()), "",
                  f"Command (in a fresh copy of the project): `{demo['command']}`", ""]
    full = results.get("full")
    if full:
        h = full["hospital"]
        lines += ["## Full scale, headers-only hospital (`batches_per_shard: 100`)", "",
                  f"Hospital: {h['patients']} patients, {h['studies']} studies, {h['images']} images "
                  f"({h['cohort_studies']} cohort studies, {h['cohort_images']} cohort images).", "",
                  "| figure | value | target |", "| --- | --- | --- |",
                  f"| dry-run DAG build, fresh (checkpoint unresolved) | {full['dry_run_before']['seconds']} s wall "
                  f"({full['dry_run_before']['cpu_seconds']} s CPU), "
                  f"{full['dry_run_before']['jobs']} jobs, peak {full['dry_run_before']['peak_rss_mib']} MiB | <= 60 s, <= 3000 jobs |",
                  f"| dry-run DAG build, after assign_ids (all plans known) | {full['dry_run_after']['seconds']} s wall "
                  f"({full['dry_run_after']['cpu_seconds']} s CPU), "
                  f"{full['dry_run_after']['jobs']} jobs, peak {full['dry_run_after']['peak_rss_mib']} MiB | <= 60 s, <= 3000 jobs |"]
        for name, step in full["front"]["steps"].items():
            cpu = f" ({step['cpu_seconds']:.0f} s CPU)" if step.get("cpu_seconds") else ""
            lines.append(f"| {name} | {step['seconds']:.1f} s wall{cpu}, max RSS {step['max_rss_mib']} MiB | |")
        lines += [f"| cohort + pacs_index + assign_ids, wall (incl. Snakemake) | {full['front']['seconds']} s | |", "",
                  "assign_ids summary: `" + json.dumps(full["front"]["ids_summary"], sort_keys=True) + "`", "",
                  f"Dry-run command: `{full['command']}`", ""]
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-demo", action="store_true")
    parser.add_argument("--skip-full", action="store_true")
    parser.add_argument("--full-hospital", type=Path, default=Path("/tmp/cxr_full"))
    parser.add_argument("--out", type=Path, default=Path("/tmp/cxr_bench"))
    parser.add_argument("--results-dir", type=Path, default=RESULTS,
                        help="where workflow.json and workflow.md are written (sections not rerun are kept)")
    parser.add_argument("--merge", type=Path, action="append", default=[],
                        help="another workflow.json whose sections are taken over (runs made apart)")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    results_path = args.results_dir / "workflow.json"
    results = json.loads(results_path.read_text()) if results_path.exists() else {}
    for other in args.merge:
        taken = json.loads(other.read_text())
        results.update({k: v for k, v in taken.items() if k in ("demo", "full")})
        results.setdefault("commands", {}).update(taken.get("commands", {}))
        if "machine" in taken:
            results["machine_" + "_".join(k for k in ("demo", "full") if k in taken)] = taken["machine"]
    if not (args.skip_demo and args.skip_full):
        results["machine"] = (f"{platform.system()} {os.cpu_count()} CPUs, Python {platform.python_version()}, "
                              f"load average at start {os.getloadavg()[0]:.1f} (the machine is shared)")
    if not args.skip_demo:
        results["demo"] = bench_demo(args.out)
        print(f"demo: {results['demo']['seconds']} s", file=sys.stderr)
    if not args.skip_full:
        results["full"] = bench_full(args.out, args.full_hospital)
        print(f"full: {json.dumps(results['full'])[:300]}", file=sys.stderr)
    command = "python benchmarks/workflow_bench.py " + " ".join(sys.argv[1:])
    results.setdefault("commands", {})
    for section, skipped in (("demo", args.skip_demo), ("full", args.skip_full)):
        if not skipped:
            results["commands"][section] = command.strip()
    args.results_dir.mkdir(parents=True, exist_ok=True)
    results_path.write_text(json.dumps(results, indent=1, sort_keys=True) + "\n")
    (args.results_dir / "workflow.md").write_text(write_markdown(results))
    print(f"workflow_bench: results in {args.results_dir / 'workflow.md'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
