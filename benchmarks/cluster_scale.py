#!/usr/bin/env python3
"""Cluster sizing at full scale: jobs per rule, scheduler load, and the cost of one batch.

    .venv/bin/python benchmarks/cluster_scale.py [--hospital DIR] [--patients 65000]

1. Makes (once) the full-scale headers-only demo hospital
   (``generate(DIR, patients=65000, headers_only=True)``: every header of a
   MIMIC-CXR-sized archive, 32x32 pixels each).
2. Asks Snakemake, with workflow/profiles/slurm, for the jobs a SLURM run of
   that hospital would submit (``batches.batches_per_shard`` = 100): jobs per
   rule, group jobs, sbatch calls.
3. Runs the once-per-build rules (cohort, pacs_index, assign_ids) and one
   image batch and one report batch for real on this machine, sampling the
   resident memory of every process of each run (``/proc``, 0.2 s), so each
   rule's time and peak memory can be set in the profile.
4. Measures the per-image cost of the pixel stage on full-size images (the
   headers-only images are too small for OCR to cost anything) and scales it
   to one image batch.

Results go to benchmarks/recorded/cluster.md (with this command line); all
data to --out (default benchmarks/out/cluster, git-ignored).
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import subprocess
import sys
import threading
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parents[1]
SNAKEMAKE = str(Path(sys.executable).with_name("snakemake"))
CXRBUILD = str(Path(sys.executable).with_name("cxrbuild"))


# ---------------------------------------------------------------- measuring


def _descendants(root_pid: int) -> list[int]:
    children: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # the command name may hold spaces and parentheses: the ppid follows the last ")"
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(ppid, []).append(int(entry.name))
    found, todo = [], [root_pid]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def _rss_mb(pid: int) -> tuple[float, str]:
    try:
        status = Path(f"/proc/{pid}/status").read_text()
        cmdline = Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
    except OSError:
        return 0.0, ""
    match = re.search(r"^VmRSS:\s+(\d+) kB", status, re.MULTILINE)
    return (int(match.group(1)) / 1024 if match else 0.0), cmdline


class PeakMemory:
    """Samples the process tree of a command: peak RSS of its largest process
    other than Snakemake itself (the rule's own work), and of the whole tree."""

    def __init__(self, pid: int, interval: float = 0.2) -> None:
        self.pid, self.interval = pid, interval
        self.peak_job_mb = 0.0
        self.peak_tree_mb = 0.0
        self.peak_snakemake_mb = 0.0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()

    def _run(self) -> None:
        while not self._stop.is_set():
            total = 0.0
            for pid in _descendants(self.pid):
                rss, cmd = _rss_mb(pid)
                total += rss
                if "bin/snakemake" in cmd or "-m snakemake" in cmd:
                    self.peak_snakemake_mb = max(self.peak_snakemake_mb, rss)
                else:
                    self.peak_job_mb = max(self.peak_job_mb, rss)
            self.peak_tree_mb = max(self.peak_tree_mb, total)
            self._stop.wait(self.interval)

    def stop(self) -> None:
        self._stop.set()
        self._thread.join()


def measured(argv: list[str], log_path: Path, cwd: Path = REPO) -> dict:
    """Run ``argv``; its wall time and peak memory (raises on failure, naming the log)."""
    started = time.monotonic()
    load_before = os.getloadavg()[0]
    with open(log_path, "wb") as log:
        process = subprocess.Popen(argv, cwd=cwd, stdout=log, stderr=subprocess.STDOUT)
        sampler = PeakMemory(process.pid)
        # wait4: the CPU time of the command and of every process it waited for
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = code = os.waitstatus_to_exitcode(status)
        sampler.stop()
    seconds = time.monotonic() - started
    if code != 0:
        raise SystemExit(f"cluster_scale: {shlex.join(argv[:4])}... failed (exit {code}); see {log_path}")
    return {"seconds": round(seconds, 1), "cpu_seconds": round(usage.ru_utime + usage.ru_stime, 1),
            "peak_job_mb": round(sampler.peak_job_mb), "peak_tree_mb": round(sampler.peak_tree_mb),
            "peak_snakemake_mb": round(sampler.peak_snakemake_mb),
            "load_average": round(max(load_before, os.getloadavg()[0]), 1)}


def job_benchmark(path: Path) -> dict:
    """The row of a Snakemake ``benchmark:`` file (the rule's own process), if the rule writes one."""
    if not path.is_file():
        return {}
    header, row = path.read_text().splitlines()[:2]
    values = dict(zip(header.split("\t"), row.split("\t"), strict=False))
    return {"job_seconds": float(values["s"]), "job_cpu_seconds": float(values["cpu_time"]),
            "job_max_rss_mb": round(float(values["max_rss"]))}


# ---------------------------------------------------------------- steps


def ensure_hospital(path: Path, patients: int) -> dict:
    summary = path / "truth" / "summary.json"
    if summary.is_file():
        return {"generated_seconds": None, "summary": json.loads(summary.read_text())}
    from cxrbuild.synth import generate

    print(f"cluster_scale: generating the {patients}-patient headers-only hospital in {path}", flush=True)
    started = time.monotonic()
    generate(path, patients=patients, headers_only=True)
    return {"generated_seconds": round(time.monotonic() - started), "summary": json.loads(summary.read_text())}


def train_small_model(out: Path) -> Path:
    """A small NER model trained with the current code (a report batch's cost hardly depends on its size)."""
    import shutil

    from cxrbuild.synth.report_corpora import training_corpus
    from cxrbuild.text.model import train

    model = out / "ner_model"
    shutil.rmtree(model, ignore_errors=True)
    records, heldout = training_corpus(out / "ner_corpus", seed=0, n_train=17, n_heldout=10)
    train(model, records, heldout, seed=0, training={"epochs": 2})
    return model


def write_config(out: Path, hospital: Path, model: Path, batches_per_shard: int) -> Path:
    config = {
        "ehr": {"url": f"sqlite:///{hospital / 'ehr.sqlite'}"},
        "pacs": {"dir": str(hospital / "pacs"), "dicomweb_url": None},
        "release": {"dir": str(out / "release")},
        "work": {"dir": str(out / "work")},
        "secrets": {"key_file": str(out / "secret.key")},
        "ner": {"model_dir": str(model)},
        "batches": {"batches_per_shard": batches_per_shard},
        "pacs_index": {"workers": 2},
    }
    path = out / "config.yaml"
    path.write_text(yaml.safe_dump(config))
    return path


def dry_run_jobs(config: Path, out: Path) -> dict:
    """Jobs per rule and SLURM submissions (a group job is one submission) of a full run."""
    argv = [SNAKEMAKE, "-n", "--quiet", "rules", "--configfile", str(config),
            "--workflow-profile", str(REPO / "workflow" / "profiles" / "slurm")]
    started = time.monotonic()
    stats = subprocess.run(argv, cwd=REPO, capture_output=True, text=True)
    seconds = time.monotonic() - started
    if stats.returncode != 0:
        raise SystemExit("cluster_scale: dry run failed: " + " | ".join(stats.stderr.strip().splitlines()[-3:]))
    per_rule: dict[str, int] = {}
    for line in (stats.stdout + stats.stderr).splitlines():
        match = re.match(r"^(\w+)\s+(\d+)$", line.strip())
        if match and match.group(1) != "total":
            per_rule[match.group(1)] = int(match.group(2))
    # a second, verbose dry run shows how the jobs are grouped into submissions
    verbose = subprocess.run([a for a in argv if a not in ("--quiet", "rules")], cwd=REPO,
                             capture_output=True, text=True)
    (out / "dry_run.log").write_text(verbose.stdout + verbose.stderr)
    text = verbose.stdout + verbose.stderr
    group_jobs = len(re.findall(r"Group job (\w+)", text))
    profile = yaml.safe_load((REPO / "workflow" / "profiles" / "slurm" / "config.yaml").read_text())
    grouped_rules = set((profile.get("groups") or {}).keys())
    grouped_jobs = sum(n for rule, n in per_rule.items() if rule in grouped_rules)
    local = {"all"}  # rule all is a target, never submitted
    submissions = sum(n for rule, n in per_rule.items() if rule not in grouped_rules | local) + group_jobs
    return {"per_rule": per_rule, "group_jobs": group_jobs, "grouped_jobs": grouped_jobs,
            "sbatch_calls": submissions, "dry_run_seconds": round(seconds, 1),
            "max_queued": profile.get("jobs")}


def run_rule_targets(config: Path, out: Path, name: str, targets: list[str], cores: int) -> dict:
    argv = [SNAKEMAKE, "--configfile", str(config), "--cores", str(cores), "--rerun-triggers", "mtime",
            "--workflow-profile", "none", *targets]
    return measured(argv, out / f"run_{name}.log")


def count_lines(path: Path) -> int:
    with open(path, "rb") as handle:
        return sum(1 for _ in handle)


def pixel_cost(out: Path, patients: int) -> dict:
    """Per-image time and peak memory of the image pipeline on full-size images."""
    from cxrbuild.synth import generate

    hospital = out / "full_size_hospital"
    if not (hospital / "truth" / "summary.json").is_file():
        generate(hospital, patients=patients, image_size="full", seed=3)
    truth = [json.loads(line) for line in (hospital / "truth" / "images.jsonl").read_text().splitlines()]
    images = [t for t in truth if t["category"] == "image"]
    result_dir = out / "full_size_deid"
    subprocess.run(["rm", "-rf", str(result_dir)], check=True)
    key = out / "full_size_deid.key"
    stats = measured([CXRBUILD, "deid-images", str(hospital / "pacs"), str(result_dir),
                      "--manifest", str(out / "full_size_manifest.jsonl"), "--key-file", str(key),
                      *(() if key.exists() else ("--new-key",))], out / "full_size_deid.log")
    files = count_lines(out / "full_size_manifest.jsonl")
    rows = sorted(t["rows"] * t["columns"] for t in images)
    return {**stats, "files": files, "images": len(images),
            "seconds_per_file": round(stats["seconds"] / max(files, 1), 2),
            "cpu_seconds_per_file": round(stats["cpu_seconds"] / max(files, 1), 2),
            # the odd files of the export (non-images, broken files) cost next to nothing:
            # charge all the CPU to the images, to size a batch of images on the safe side
            "cpu_seconds_per_image": round(stats["cpu_seconds"] / max(len(images), 1), 2),
            "median_megapixels": round(rows[len(rows) // 2] / 1e6, 1) if rows else None}


# ---------------------------------------------------------------- report


def markdown(result: dict, command: str) -> str:
    s = result["hospital"]["summary"]
    d = result["dry_run"]
    lines = [
        "# Cluster sizing at full scale",
        "",
        f"Command: `{command}`  ",
        f"Machine: {os.cpu_count()} cores, {result['machine_memory_gb']} GiB; measured {result['date']}.",
        "",
        "## The hospital",
        "",
        *([
            f"The job counts below are those of the {result['full_patients']}-patient build: they "
            "depend only on the number of batches (10 shards x `batches_per_shard`), not on the data. "
            f"The costs were measured on a 1/{round(result['scale'])} hospital with 1/{round(result['scale'])} "
            "of the batches, so that one batch holds what a full-scale batch holds (writing the "
            "full 65,000-patient headers-only hospital takes over an hour on this shared 2-core machine).",
            "",
        ] if result["scale"] != 1 else []),
        f"Headers-only demo hospital, {s.get('patients', '?')} patients "
        f"(`generate(out, patients={s.get('patients', '?')}, headers_only=True)`"
        + (f", written in {result['hospital']['generated_seconds']} s" if result["hospital"]["generated_seconds"] else "")
        + "):",
        "",
        "| patients | studies | cohort studies | images | cohort images | files in the PACS |",
        "| ---: | ---: | ---: | ---: | ---: | ---: |",
        f"| {s.get('patients')} | {s.get('studies')} | {s.get('cohort_studies')} | {s.get('images')} | "
        f"{s.get('cohort_images')} | {sum((s.get('files') or {}).values())} |",
        "",
        f"## Jobs a SLURM run creates (`batches_per_shard: {result['batches_per_shard']}`, workflow/profiles/slurm)",
        "",
        "| rule | jobs |",
        "| --- | ---: |",
        *[f"| {rule} | {n} |" for rule, n in d["per_rule"].items()],
        f"| **total jobs** | **{sum(d['per_rule'].values())}** |",
        "",
        f"- grouped into submissions: {d['grouped_jobs']} jobs of grouped rules run as "
        f"{d['group_jobs']} group jobs",
        f"- **sbatch calls for the whole build: {d['sbatch_calls']}** (rule `all` is not submitted)",
        f"- at most {d['max_queued']} jobs queued or running at once (`jobs:` in the profile); "
        "status: one `squeue` call per check interval for all jobs, not one per job",
        f"- the dry run itself (DAG of the full build) took {d['dry_run_seconds']} s",
        "",
        "## What each stage costs on one node",
        "",
        f"Measured on the {s.get('patients')}-patient hospital with "
        f"`batches_per_shard: {result['measured_batches_per_shard']}`, so that one batch holds "
        f"as many images and reports as a batch of the {result['full_patients']}-patient build with "
        f"`batches_per_shard: {result['batches_per_shard']}`. Wall time and peak resident memory "
        "of the rule's own process; Snakemake's own is given apart (on a cluster it runs on the "
        "submit host, and in each job only to start the rule).",
        "",
        "`job` columns come from the rule's Snakemake `benchmark:` file (its own process); "
        "`run` columns from the whole `snakemake` command (DAG building and job start included, "
        "CPU of every process it waited for). The load average shows how busy the shared "
        "machine was: wall times on an idle node are shorter, CPU seconds are what to size by.",
        "",
        "| step | items | job wall s | job CPU s | job peak MB | run wall s | run CPU s | "
        "Snakemake MB | load |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, row in result["stages"].items():
        lines.append(
            f"| {name} | {row.get('items', '')} | {row.get('job_seconds', '')} | "
            f"{row.get('job_cpu_seconds', '')} | {row.get('job_max_rss_mb', row['peak_job_mb'])} | "
            f"{row['seconds']} | {row.get('cpu_seconds', '')} | {row['peak_snakemake_mb']} | "
            f"{row.get('load_average', '')} |")
    if result["scale"] != 1:
        lines += [
            "",
            f"The once-per-build rules grow with the hospital: at {result['full_patients']} patients "
            f"expect about {result['scale']}x the time above for cohort, pacs_index and assign_ids "
            "(linear in rows and files; pacs_index divides by its workers), with memory growing "
            "with the cohort tables (a few hundred bytes per study and image).",
        ]
    p = result["pixels"]
    per_batch = result["images_per_batch"]
    lines += [
        "",
        "## Pixels: one image batch at full size",
        "",
        f"Headers-only images are 32x32, so the pixel stage (text detection, OCR, "
        f"redaction, second-pass verification) was measured on {p['files']} files of a "
        f"full-size demo hospital (median {p['median_megapixels']} megapixels) with "
        f"`cxrbuild deid-images`: {p['cpu_seconds']} CPU s for {p['files']} files of which "
        f"{p['images']} images, **{p['cpu_seconds_per_image']} CPU s per image** "
        f"({p['seconds_per_file']} s wall per file at load {p.get('load_average', '?')} on "
        f"{os.cpu_count()} cores), peak {p['peak_job_mb']} MB, one process.",
        "",
        f"One image batch holds ~{per_batch} images at full scale, so one batch costs about "
        f"**{round(per_batch * p['cpu_seconds_per_image'] / 60, 1)} CPU-minutes** (the pixel stage "
        f"is CPU-bound: that is its wall time on an idle core) and the "
        f"{d['per_rule'].get('deid_images', 0)} image batches about "
        f"**{round(d['per_rule'].get('deid_images', 0) * per_batch * p['cpu_seconds_per_image'] / 3600)} "
        "CPU-hours** for the whole archive.",
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--hospital", type=Path, default=Path("/tmp/cxrbuild-scale/hospital"))
    parser.add_argument("--patients", type=int, default=65000,
                        help="patients of the headers-only hospital measured (made if missing)")
    parser.add_argument("--full-patients", type=int, default=65000, help="the full-scale hospital")
    parser.add_argument("--batches-per-shard", type=int, default=100,
                        help="batches per shard of the full-scale build (config batches.batches_per_shard)")
    parser.add_argument("--out", type=Path, default=REPO / "benchmarks" / "out" / "cluster")
    parser.add_argument("--results", type=Path, default=REPO / "benchmarks" / "recorded" / "cluster.md")
    parser.add_argument("--pixel-patients", type=int, default=2,
                        help="patients of the full-size hospital for the pixel cost")
    parser.add_argument("--render-only", action="store_true",
                        help="rewrite the results file from --out/cluster.json without measuring")
    args = parser.parse_args(argv)
    command = shlex.join([".venv/bin/python", "benchmarks/cluster_scale.py", *(argv or sys.argv[1:])])
    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    if args.render_only:
        result = json.loads((out / "cluster.json").read_text())
        images = result["pixels"]["images"]
        result["pixels"].setdefault("cpu_seconds_per_image",
                                    round(result["pixels"]["cpu_seconds"] / max(images, 1), 2))
        args.results.write_text(markdown(result, result.get("command", command)))
        return 0
    began = time.monotonic()

    # a smaller hospital is measured with proportionally fewer batches, so that one
    # batch holds as many images and reports as a batch of the full-scale build
    scale = args.full_patients / args.patients
    measured_batches = max(1, round(args.batches_per_shard / scale))
    result: dict = {"date": time.strftime("%Y-%m-%d"), "batches_per_shard": args.batches_per_shard,
                    "measured_batches_per_shard": measured_batches, "scale": round(scale, 2),
                    "full_patients": args.full_patients,
                    "machine_memory_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30)}
    result["hospital"] = ensure_hospital(args.hospital.resolve(), args.patients)
    print("cluster_scale: hospital ready", flush=True)
    model = train_small_model(out)
    # the jobs of a build depend on the batch count only (shards x batches), not on the data
    result["dry_run"] = dry_run_jobs(write_config(out, args.hospital.resolve(), model, args.batches_per_shard), out)
    config = write_config(out, args.hospital.resolve(), model, measured_batches)
    print(f"cluster_scale: {result['dry_run']['sbatch_calls']} sbatch calls", flush=True)

    work = out / "work"
    # a stage measured before (same --out) is not run again: its outputs exist and
    # Snakemake would do nothing; delete --out/stages.json to measure afresh
    stages_file = out / "stages.json"
    stages: dict = json.loads(stages_file.read_text()) if stages_file.is_file() else {}

    def stage(name: str, items: str, targets: list[str], cores: int = 1) -> None:
        if name not in stages:
            rule = name.split()[0].rstrip(",")
            stages[name] = {**run_rule_targets(config, out, rule, targets, cores), "items": items}
            batch = "/p10_0" if rule.startswith("deid_") else ""
            stages[name].update(job_benchmark(work / "benchmarks" / f"{rule}{batch}.tsv"))
            stages_file.write_text(json.dumps(stages, indent=2))

    n_files = sum(result["hospital"]["summary"].get("files", {}).values())
    stage("cohort", f"{result['hospital']['summary'].get('studies')} studies",
          [str(work / "cohort" / "studies.parquet")])
    stage("pacs_index (2 workers)", f"{n_files} files", [str(work / "pacs" / "headers.parquet")], 2)
    stage("assign_ids", f"{result['hospital']['summary'].get('cohort_images')} cohort images",
          ["--until", "assign_ids"])
    print("cluster_scale: once-per-build rules done", flush=True)
    n_images = len(json.loads((work / "plans" / "images" / "p10_0.json").read_text())["items"])
    n_reports = len(json.loads((work / "plans" / "reports" / "p10_0.json").read_text())["reports"])
    stage("deid_images, one batch (headers-only)", f"{n_images} images",
          [str(work / "batches" / "images" / "p10_0" / "records.jsonl")])
    stage("deid_reports, one batch", f"{n_reports} reports",
          [str(work / "batches" / "reports" / "p10_0" / "records.jsonl")])
    result["stages"] = stages
    result["images_per_batch"] = n_images
    print("cluster_scale: one batch of each done; measuring full-size pixels", flush=True)
    result["pixels"] = pixel_cost(out, args.pixel_patients)

    result["command"] = command
    (out / "cluster.json").write_text(json.dumps(result, indent=2))
    args.results.parent.mkdir(parents=True, exist_ok=True)
    args.results.write_text(markdown(result, command))
    print(f"cluster_scale: {result['dry_run']['sbatch_calls']} sbatch calls, results in {args.results} "
          f"in {time.monotonic() - began:.0f}s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
