"""Workflow benchmarks: the demo end to end, and the full-scale DAG and front stages.

1. ``demo``: the default config (demo hospital of 40 patients, NER trained in
   the workflow) end to end with ``--cores 2``, in a fresh copy of the project.
2. ``full``: a full-scale headers-only hospital (``cxrbuild.synth.generate(...,
   headers_only=True, patients=65000)``, ~377,000 files; made once and reused):
   the dry-run DAG build time, job count and peak memory with
   ``batches_per_shard: 100``, then cohort + pacs_index + assign_ids for real
   with their times (Snakemake ``benchmark:`` files), then the dry run again
   with the checkpoint resolved (every batch known). Each dry run is repeated
   under cProfile with a CPU-time clock (so that other work on a shared
   machine does not inflate it): where its time goes, recorded beside it.
   ``--reuse`` keeps the project of a previous run (its cohort, index and ids)
   and copies only the code over it, to time the dry runs again.

Writes benchmarks/recorded/workflow.md (and .json). Usage:

    .venv/bin/python benchmarks/workflow_bench.py [--skip-demo] [--skip-full]
        [--full-hospital /tmp/cxr_full] [--out /tmp/cxr_bench] [--reuse]
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


def copy_project(dest: Path, keep_results: bool = False) -> Path:
    """A copy of the project's code at ``dest``; with ``keep_results``, over a previous copy's results."""
    if dest.exists() and not keep_results:
        shutil.rmtree(dest)
    dest.mkdir(parents=True, exist_ok=True)
    for part in PROJECT_PARTS:
        source, target = REPO / part, dest / part
        if target.is_dir():
            shutil.rmtree(target)
        if source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(source, target)
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


# Snakemake's command line under cProfile, timed by the CPU clock of the process
PROFILED_SNAKEMAKE = """
import cProfile, sys, time
out = sys.argv[1]
sys.argv = ["snakemake", *sys.argv[2:]]
from snakemake.cli import main
profile = cProfile.Profile(time.process_time)
try:
    profile.runcall(main)
except SystemExit:
    pass
profile.dump_stats(out)
"""

# (label, file name ending, function): stages of a dry run by cumulative CPU time; the indented
# ones are parts of the stage above them and may overlap one another
PROFILE_STAGES = (
    ("whole dry run (Snakemake's main)", "snakemake/cli.py", "main"),
    ("read the Snakefile and its rules (parse time)", "snakemake/workflow.py", "include"),
    ("build the DAG", "snakemake/workflow.py", "_build_dag"),
    ("  jobs from the targets (input functions)", "snakemake/dag.py", "init"),
    ("  jobs of the batches once the plans are known (checkpoint updates)", "snakemake/dag.py",
     "update_checkpoint_dependencies"),
    ("  which jobs need to run", "snakemake/dag.py", "update_needrun"),
    ("  params of every job", "snakemake/rules.py", "expand_params"),
    ("  conda environment of every job", "snakemake/dag.py", "update_conda_envs"),
    ("  compare the PACS folders with the index's record", "cxrbuild/pacs_folders.py", "note_changes"),
    ("  code digests of the rules", "cxrbuild/util/digests.py", "digest"),
    ("schedule and print the jobs (dry-run executor)", "snakemake/scheduling/job_scheduler.py", "schedule"),
)


def profile_breakdown(path: Path, top: int = 12) -> dict:
    """CPU seconds of the dry run's stages, and the functions that spent most CPU themselves."""
    import pstats

    stats = pstats.Stats(str(path)).stats  # (file, line, name) -> (cc, nc, tottime, cumtime, callers)
    stages = []
    for label, ending, name in PROFILE_STAGES:
        times = [v[3] for (file, _line, func), v in stats.items() if func == name and file.endswith(ending)]
        stages.append({"stage": label, "cpu_seconds": round(max(times), 2) if times else None})
    own = sorted(((v[2], f"{Path(file).parent.name}/{Path(file).name}:{func}" if file != "~" else func)
                  for (file, _line, func), v in stats.items()), reverse=True)[:top]
    total = sum(v[2] for v in stats.values())
    return {"cpu_seconds": round(total, 2), "stages": stages,
            "top_own_time": [{"function": name, "cpu_seconds": round(seconds, 2)} for seconds, name in own]}


def profiled_run(project: Path, config: Path, out: Path, name: str, *args: str) -> dict:
    """The same command again under cProfile (CPU clock); its stage breakdown."""
    prof = out / f"{name}.prof"
    command = snakemake(project, config, *args)
    with open(out / f"{name}.profile.log", "w") as handle:
        result = subprocess.run([sys.executable, "-c", PROFILED_SNAKEMAKE, str(prof), *command[1:]], cwd=project,
                                stdout=handle, stderr=subprocess.STDOUT)
    if result.returncode != 0 or not prof.exists():
        raise SystemExit(f"profiled {name} failed; see {out / f'{name}.profile.log'}")
    return profile_breakdown(prof)


def dry_run(project: Path, config: Path, out: Path, name: str) -> dict:
    measured = run_measured(snakemake(project, config, "-n", "--quiet", "rules"), project, out / f"{name}.log")
    print(f"{name}: {measured['seconds']} s wall, {job_count(measured['output'])} jobs; profiling", file=sys.stderr)
    return {"seconds": measured["seconds"], "cpu_seconds": measured["cpu_seconds"],
            "peak_rss_mib": measured["peak_rss_mib"], "jobs": job_count(measured["output"]),
            "load_average": round(os.getloadavg()[0], 1),
            "profile": profiled_run(project, config, out, name, "-n", "--quiet", "rules")}


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


def bench_full(out: Path, hospital: Path, reuse: bool = False) -> dict:
    if not (hospital / "truth" / "summary.json").exists():
        from cxrbuild.synth import generate

        started = time.monotonic()
        generate(hospital, patients=65000, seed=0, headers_only=True)
        print(f"full-scale hospital generated in {time.monotonic() - started:.0f}s", file=sys.stderr)
    truth = json.loads((hospital / "truth" / "summary.json").read_text())

    def project_config(project: Path) -> Path:
        config = project / "bench-config.yaml"
        config.write_text(
            f"ehr:\n  url: sqlite:///{hospital / 'ehr.sqlite'}\npacs:\n  dir: {hospital / 'pacs'}\n"
            f"secrets:\n  key_file: {out / 'full-secret.key'}\nbatches:\n  batches_per_shard: 100\n"
            "pacs_index:\n  workers: 2\n")
        return config

    result: dict = {"hospital": {k: truth.get(k) for k in ("patients", "studies", "images", "cohort_studies",
                                                           "cohort_images")}}
    fresh = copy_project(out / "full-fresh")
    result["dry_run_before"] = dry_run(fresh, project_config(fresh), out, "full-dry1")
    target = "results/work/ids/summary.json"  # relative: Snakemake matches output patterns as written
    project = copy_project(out / "full", keep_results=reuse)
    config = project_config(project)
    bench_dir = project / "results" / "work" / "benchmarks"
    if not (reuse and (project / target).exists()):
        front = run_measured(snakemake(project, config, target), project, out / "full-front.log")
        result["front"] = {"seconds": front["seconds"]}
    else:
        previous = json.loads((RESULTS / "workflow.json").read_text()).get("full", {}) if (RESULTS / "workflow.json").exists() else {}
        result["front"] = {"seconds": previous.get("front", {}).get("seconds"), "reused": True}
    result["front"]["steps"] = {name: bench_tsv(bench_dir / f"{name}.tsv") for name in ("cohort", "pacs_index",
                                                                                       "assign_ids")}
    result["front"]["ids_summary"] = {k: v for k, v in json.loads((project / target).read_text()).items()
                                      if k != "changed_plans"}
    result["hospital"]["folders"] = len(json.loads((project / "results" / "work" / "pacs" / "folders.json")
                                                   .read_text())["folders"])
    result["dry_run_after"] = dry_run(project, config, out, "full-dry2")
    result["command"] = " ".join(snakemake(Path("PROJECT"), Path("bench-config.yaml"), "-n", "--quiet", "rules"))
    return result


def dry_cell(dry: dict) -> str:
    load = f", load average {dry['load_average']}" if "load_average" in dry else ""
    return (f"{dry['seconds']} s wall ({dry['cpu_seconds']} s CPU{load}), {dry['jobs']} jobs, "
            f"peak {dry['peak_rss_mib']} MiB")


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
                  f"| dry-run DAG build, fresh (checkpoint unresolved) | {dry_cell(full['dry_run_before'])} | <= 15 s, <= 3000 jobs |",
                  f"| dry-run DAG build, after assign_ids (all plans known) | {dry_cell(full['dry_run_after'])} | <= 15 s, <= 3000 jobs |"]
        for name, step in full["front"]["steps"].items():
            cpu = f" ({step['cpu_seconds']:.0f} s CPU)" if step.get("cpu_seconds") else ""
            lines.append(f"| {name} | {step['seconds']:.1f} s wall{cpu}, max RSS {step['max_rss_mib']} MiB | |")
        lines += [f"| cohort + pacs_index + assign_ids, wall (incl. Snakemake) | {full['front']['seconds']} s"
                  + (" (from the run that made them; reused)" if full["front"].get("reused") else "") + " | |", "",
                  "assign_ids summary: `" + json.dumps(full["front"]["ids_summary"], sort_keys=True) + "`", "",
                  f"Dry-run command: `{full['command']}`", ""]
        lines += profile_markdown(full)
    return "\n".join(lines)


def profile_markdown(full: dict) -> list[str]:
    runs = [(key, title) for key, title in (("dry_run_before", "fresh"), ("dry_run_after", "after assign_ids"))
            if "profile" in full.get(key, {})]
    if not runs:
        return []
    lines = ["### Where a full-scale dry run spends its time (cProfile, CPU seconds)", "",
             "Each dry run above was run again under cProfile with a CPU-time clock (`time.process_time`), so "
             "that other work on the machine does not count. Profiling slows Snakemake's many small calls "
             "down several times over, so the profiled seconds are far above the unprofiled CPU time in the "
             "table above: read them as shares. Indented stages are parts of the one above them and may "
             "overlap. "
             f"The PACS holds {full['hospital'].get('folders', '?')} folders.", "",
             "| stage | " + " | ".join(title for _key, title in runs) + " |",
             "| --- | " + " | ".join("---" for _ in runs) + " |"]
    for index, stage in enumerate(full[runs[0][0]]["profile"]["stages"]):
        cells = []
        for key, _title in runs:
            profile = full[key]["profile"]
            seconds = profile["stages"][index]["cpu_seconds"]
            share = f" ({100 * seconds / profile['cpu_seconds']:.0f}%)" if seconds and profile["cpu_seconds"] else ""
            cells.append("not run" if seconds is None else f"{seconds:.2f}{share}")
        lines.append(f"| {stage['stage']} | " + " | ".join(cells) + " |")
    for key, title in runs:
        top = full[key]["profile"]["top_own_time"]
        lines += ["", f"Functions with the most CPU time of their own ({title}): "
                  + ", ".join(f"`{t['function']}` {t['cpu_seconds']:.2f}" for t in top)]
    lines.append("")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--skip-demo", action="store_true")
    parser.add_argument("--skip-full", action="store_true")
    parser.add_argument("--full-hospital", type=Path, default=Path("/tmp/cxr_full"))
    parser.add_argument("--out", type=Path, default=Path("/tmp/cxr_bench"))
    parser.add_argument("--reuse", action="store_true",
                        help="full: keep the cohort, index and ids of the previous run in --out, copy only the code")
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
        results["full"] = bench_full(args.out, args.full_hospital, reuse=args.reuse)
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
