"""The workflow and a hospital's PACS folder: a cluster job never lists it, a changed one reruns what it changes.

One tiny hospital (the demo's size) is built to packaging once for the
module, from its own copy, since these tests add and remove files in it.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from test_workflow import (
    DEMO,
    KEY_1,
    RELEASE_ONLY,
    copy_project,
    hospital_config,
    planned_jobs,
    record_mtimes,
    snakemake,
    sums,
    write_key,
)

pytestmark = pytest.mark.slow

SNAKEMAKE = str(Path(sys.executable).with_name("snakemake"))

# Loaded by every Python process of a command run with its folder on PYTHONPATH: notes each
# directory read (os.scandir, os.listdir, and so os.walk, glob, pathlib) under a watched folder.
DIRECTORY_READS_HOOK = '''
import os

_watched = [os.path.realpath(p) for p in os.environ["DIRECTORY_READS_WATCH"].split(os.pathsep) if p]
_log = os.environ["DIRECTORY_READS_LOG"]


def _note(path):
    if isinstance(path, int):
        return
    full = os.path.realpath(os.fsdecode(path))
    for root in _watched:
        if full == root or full.startswith(root + os.sep):
            with open(_log, "a") as handle:
                handle.write(f"{os.getpid()}\\t{full}\\n")


def _watching(read):
    def watched(path=".", *args, **kwargs):
        _note(path)
        return read(path, *args, **kwargs)
    return watched


os.scandir = _watching(os.scandir)
os.listdir = _watching(os.listdir)
'''


@pytest.fixture(scope="module")
def folder_build(tmp_path_factory: pytest.TempPathFactory, report_model: Path) -> dict:
    from cxrbuild.synth import generate

    root = tmp_path_factory.mktemp("folder_build")
    hospital = root / "hospital"
    generate(hospital, **DEMO)
    project = copy_project(root / "project")
    config = hospital_config({"hospital": hospital}, write_key(root / "one.key", KEY_1), report_model)
    snakemake(project, config, *RELEASE_ONLY)
    return {"project": project, "config": config, "hospital": hospital, "pacs": hospital / "pacs",
            "work": project / "results" / "work", "release": project / "results" / "release",
            "sums": sums(project / "results" / "release")}


def directory_reads(command: list[str], cwd: Path, watched: list[Path], log: Path) -> tuple[subprocess.CompletedProcess,
                                                                                          list[str]]:
    """Run ``command`` with the directory-read hook; the watched folders it (or any child process) read."""
    hook = log.parent / "hook"
    hook.mkdir(exist_ok=True)
    (hook / "sitecustomize.py").write_text(DIRECTORY_READS_HOOK)
    log.unlink(missing_ok=True)
    path = os.pathsep.join(p for p in (str(hook), os.environ.get("PYTHONPATH", "")) if p)
    env = os.environ | {"PYTHONPATH": path, "DIRECTORY_READS_WATCH": os.pathsep.join(map(str, watched)),
                        "DIRECTORY_READS_LOG": str(log)}
    result = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True, timeout=600)
    reads = [line.split("\t", 1)[1] for line in log.read_text().splitlines()] if log.exists() else []
    return result, reads


def job_command(project: Path, rule: str, wildcards: dict[str, str], mode: str) -> list[str]:
    """The command a cluster executor runs for one job: its own Snakemake process, as
    snakemake_interface_executor_plugins' RealExecutor.format_job_exec builds it
    (``--mode remote`` on a cluster node, ``--mode subprocess`` for a spawned local job)."""
    from snakemake_interface_executor_plugins.utils import TargetSpec, encode_target_jobs_cli_args

    return [SNAKEMAKE, "--snakefile", str(project / "Snakefile"), "--directory", str(project),
            "--configfiles", str(project / "test-config.yaml"),
            "--target-jobs", *encode_target_jobs_cli_args([TargetSpec(rule, wildcards)]),
            "--allowed-rules", rule, "--cores", "1", "--attempt", "1", "--force-use-threads",
            "--force", "--target-files-omit-workdir-adjustment", "--max-inventory-time", "0", "--nocolor",
            "--no-hooks", "--nolock", "--ignore-incomplete", "--rerun-triggers", "mtime", "params", "input", "code",
            "--latency-wait", "5", "--mode", mode]


def batch_of(work: Path, pacs: Path, source: Path) -> str:
    """``shard_batch`` of the image plan holding a PACS file (plans name it relative to the PACS or not)."""
    for plan in sorted((work / "plans" / "images").glob("*.json")):
        if any(pacs / item["source"] == source for item in json.loads(plan.read_text())["items"]):
            return plan.stem
    raise AssertionError(f"{source} is in no image plan")


@pytest.mark.parametrize("mode", ["remote", "subprocess"])
def test_a_cluster_job_of_one_image_batch_never_lists_the_pacs(folder_build: dict, tmp_path: Path,
                                                               mode: str) -> None:
    project, work = folder_build["project"], folder_build["work"]
    plans = {p.stem: json.loads(p.read_text())["items"] for p in (work / "plans" / "images").glob("*.json")}
    batch = max(plans, key=lambda name: len(plans[name]))
    shard, number = batch.split("_")
    records = work / "batches" / "images" / batch / "records.jsonl"
    before = records.stat().st_mtime_ns
    queries = project / "config" / "queries"  # globbed by the Snakefile: shows the hook sees the job's reads
    result, reads = directory_reads(job_command(project, "deid_images", {"shard": shard, "batch": number}, mode),
                                    project, [folder_build["pacs"], queries], tmp_path / "reads.log")
    assert result.returncode == 0, result.stderr[-3000:]
    assert records.stat().st_mtime_ns != before, "the job did not run"
    assert os.path.realpath(queries) in reads, "the hook saw no directory read: it did not load"
    pacs_reads = [read for read in reads if read != os.path.realpath(queries)]
    assert pacs_reads == [], f"a job process read {len(pacs_reads)} PACS folders, e.g. {pacs_reads[:3]}"


def test_planning_an_unchanged_build_reads_no_pacs_folder(folder_build: dict, tmp_path: Path) -> None:
    project = folder_build["project"]
    config_file = project / "test-config.yaml"
    config_file.write_text(yaml.safe_dump(folder_build["config"]))
    command = [SNAKEMAKE, "--cores", "2", "--configfile", str(config_file), "--directory", str(project),
               "--snakefile", str(project / "Snakefile"), "--workflow-profile",
               str(project / "workflow" / "profiles" / "default"), "-n", *RELEASE_ONLY]
    result, reads = directory_reads(command, project, [folder_build["pacs"]], tmp_path / "reads.log")
    assert result.returncode == 0, result.stderr[-3000:]
    assert "pacs_index" not in planned(result.stdout)
    assert reads == []
    extra = folder_build["pacs"] / "EXPORT_NOTES.txt"
    extra.write_text("a file the next export added\n")
    try:
        result, reads = directory_reads(command, project, [folder_build["pacs"]], tmp_path / "reads.log")
    finally:
        extra.unlink()
    assert planned(result.stdout).get("pacs_index") == 1
    assert reads == [os.path.realpath(folder_build["pacs"])]  # the one folder whose time moved


def planned(output: str) -> dict[str, int]:
    """Jobs a dry run plans, by rule (none when it has nothing to do)."""
    return planned_jobs(output) if "Job stats:" in output else {}


def _rebuild(build: dict) -> tuple[set[str], bool]:
    """Build to packaging again: the batches rerun and whether the PACS index was made again."""
    work = build["work"]
    before, index = record_mtimes(work), (work / "pacs" / "headers.parquet").stat().st_mtime_ns
    snakemake(build["project"], build["config"], *RELEASE_ONLY)
    after = record_mtimes(work)
    return ({name for name in after if after[name] != before.get(name)},
            (work / "pacs" / "headers.parquet").stat().st_mtime_ns != index)


def test_adding_or_removing_a_pacs_file_reruns_the_index_and_only_the_batches_it_changes(folder_build: dict,
                                                                                       tmp_path: Path) -> None:
    pacs, work = folder_build["pacs"], folder_build["work"]
    # a file that is no image: indexed as unreadable, no plan changes, no batch reruns
    note = next(p for p in sorted(pacs.rglob("*.dcm"))).parent / "export-notes.txt"
    note.write_text("not a DICOM file\n")
    rerun, indexed = _rebuild(folder_build)
    assert indexed and rerun == set()
    note.unlink()
    rerun, indexed = _rebuild(folder_build)
    assert indexed and rerun == set()

    # one released image taken out of the PACS, then put back
    images = sorted(pacs / item["source"] for plan in (work / "plans" / "images").glob("*.json")
                    for item in json.loads(plan.read_text())["items"])
    image = images[len(images) // 2]
    batch = batch_of(work, pacs, image)
    kept = tmp_path / image.name
    shutil.move(image, kept)
    try:
        rerun, indexed = _rebuild(folder_build)
        assert indexed and f"images/{batch}" in rerun and rerun <= {f"images/{batch}", f"reports/{batch}"}
        assert image not in {pacs / item["source"] for item in json.loads(
            (work / "plans" / "images" / f"{batch}.json").read_text())["items"]}
    finally:
        shutil.move(kept, image)
    rerun, indexed = _rebuild(folder_build)
    assert indexed and f"images/{batch}" in rerun and rerun <= {f"images/{batch}", f"reports/{batch}"}
    assert sums(folder_build["release"]) == folder_build["sums"]
    result = snakemake(folder_build["project"], folder_build["config"], "-n", *RELEASE_ONLY)
    assert "Nothing to be done" in result.stdout
