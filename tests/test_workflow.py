"""The Snakemake workflow end to end, on a tiny demo hospital.

Every build runs in its own copy of the project (Snakefile, workflow/, scripts/,
config/, src/) so that the code-digest tests can edit library modules without
touching the working tree, and so that each build has its own .snakemake
metadata. The NER model is trained once per session and handed to every build
through ``ner.model_dir``.
"""

from __future__ import annotations

import datetime as dt
import gzip
import json
import os
import re
import shutil
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pydicom
import pytest
import yaml

REPO = Path(__file__).resolve().parent.parent
SNAKEMAKE = str(Path(sys.executable).with_name("snakemake"))
CXRBUILD = str(Path(sys.executable).with_name("cxrbuild"))
PROJECT_PARTS = ("Snakefile", "workflow", "scripts", "config", "envs", "src")
DEMO = {"patients": 3, "seed": 1, "image_size": "small"}  # 2 cohort patients, 15 cohort images
# the leak audit re-reads pixels with OCR; its own tests cover that, here it would only cost time
AUDIT = {"audit": {"ocr": False}, "qc": {"gallery_max_images": 2}}
KEY_1 = "11" * 32
KEY_2 = "22" * 32

pytestmark = pytest.mark.slow
# builds that only compare releases stop at packaging (the audit stages have their own tests)
RELEASE_ONLY = ("results/release/SHA256SUMS.txt", "results/work/release_summary.json")


def copy_project(dest: Path) -> Path:
    dest.mkdir(parents=True)
    for part in PROJECT_PARTS:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, dest / part, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info", "*.pyc"))
        else:
            shutil.copy2(source, dest / part)
    return dest


def write_key(path: Path, hex_key: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(hex_key + "\n")
    path.chmod(0o600)
    return path


def snakemake_command(project: Path, config: dict, *args: str) -> list[str]:
    config_file = project / "test-config.yaml"
    config_file.write_text(yaml.safe_dump(config))
    return [SNAKEMAKE, "--cores", "2", "--configfile", str(config_file), "--directory", str(project),
            "--snakefile", str(project / "Snakefile"), "--workflow-profile",
            str(project / "workflow" / "profiles" / "default"), *args]


def snakemake(project: Path, config: dict, *args: str, check: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run(snakemake_command(project, config, *args), cwd=project, capture_output=True, text=True, timeout=900)
    if check and result.returncode != 0:
        raise AssertionError(f"snakemake failed ({result.returncode}):\n{result.stdout[-4000:]}\n{result.stderr[-4000:]}")
    return result


def planned_jobs(output: str) -> dict[str, int]:
    """The 'Job stats' table of a dry run: rule -> job count."""
    table = output.split("Job stats:", 1)[1].split("\n\n", 1)[0]
    jobs = {}
    for line in table.splitlines():
        match = re.match(r"^(\w+)\s+(\d+)$", line.strip())
        if match and match.group(1) != "total":
            jobs[match.group(1)] = int(match.group(2))
    return jobs


def sums(release: Path) -> str:
    return (release / "SHA256SUMS.txt").read_text()


def record_mtimes(work: Path) -> dict[str, int]:
    return {p.parent.relative_to(work / "batches").as_posix(): p.stat().st_mtime_ns
            for p in (work / "batches").glob("*/*/records.jsonl")}


@pytest.fixture(scope="session")
def ner_model(report_model: Path) -> Path:
    return report_model


@pytest.fixture(scope="session")
def keys(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    root = tmp_path_factory.mktemp("keys")
    return {"one": write_key(root / "one.key", KEY_1), "two": write_key(root / "two.key", KEY_2)}


@pytest.fixture(scope="session")
def demo_build(tmp_path_factory: pytest.TempPathFactory, ner_model: Path, keys) -> dict:
    """Build A: the default config (demo hospital made by the workflow), key one."""
    project = copy_project(tmp_path_factory.mktemp("build_a") / "project")
    config = {"demo": DEMO, "secrets": {"key_file": str(keys["one"])}, "ner": {"model_dir": str(ner_model)}, **AUDIT}
    started = time.monotonic()
    result = snakemake(project, config)
    return {"project": project, "config": config, "stdout": result.stdout + result.stderr,
            "sums": sums(project / "results" / "release"),
            "release": project / "results" / "release", "work": project / "results" / "work",
            "hospital": project / "results" / "demo", "seconds": time.monotonic() - started}


def hospital_config(build: dict, key: Path, ner_model: Path) -> dict:
    hospital = build["hospital"]
    return {"ehr": {"url": f"sqlite:///{hospital / 'ehr.sqlite'}"}, "pacs": {"dir": str(hospital / "pacs")},
            "secrets": {"key_file": str(key)}, "ner": {"model_dir": str(ner_model)}, **AUDIT}


def test_the_demo_release_passes_verify_and_counts_add_up(demo_build: dict) -> None:
    release, work = demo_build["release"], demo_build["work"]
    result = subprocess.run([CXRBUILD, "verify", str(release), "--work-dir", str(work)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    records = gzip.decompress((release / "cxr-record-list.csv.gz").read_bytes()).decode().splitlines()[1:]
    studies = gzip.decompress((release / "cxr-study-list.csv.gz").read_bytes()).decode().splitlines()[1:]
    quarantine = pd.read_csv(work / "quarantine.csv")
    truth = pd.read_csv(demo_build["hospital"] / "truth" / "cohort.csv", dtype=str)
    truth_images = pd.read_json(demo_build["hospital"] / "truth" / "images.jsonl", lines=True)
    cohort_images = int(truth_images["in_cohort"].sum())
    q_studies = int((quarantine["kind"] == "study").sum())
    q_images = int((quarantine["kind"] == "image").sum())
    assert len(studies) == len(truth) - q_studies > 0
    assert len(records) == cohort_images - q_images > 0
    line = (f"released {len(studies)} studies and {len(records)} images = cohort {len(truth)} studies / "
            f"{cohort_images} images - quarantined {q_studies} studies / {q_images} images")
    assert line in demo_build["stdout"]
    # the crosswalk stays private and out of the release
    assert not list(release.rglob("*.parquet"))
    assert (work / "ids" / "subjects.parquet").stat().st_mode & 0o077 == 0


def test_every_released_phi_glyph_of_the_demo_is_shown_black(demo_build: dict) -> None:
    from cxrbuild.audit.burnin_truth import score_release

    scores = list(score_release(demo_build["hospital"], demo_build["work"], demo_build["release"]))
    assert len(scores) >= 20 and all(score.glyph_pixels > 0 for score in scores)
    leaks = [(s.image, s.box, s.kind, round(s.black_fraction, 3)) for s in scores if not s.redacted]
    assert not leaks


def _restore_box(released_file: Path, source_file: Path, box: tuple[int, int, int, int]) -> None:
    """Put the source's pixels of ``box`` back into a released file (as an attacker undoing a redaction)."""
    import pydicom
    from pydicom.uid import ExplicitVRLittleEndian

    released, source = pydicom.dcmread(released_file), pydicom.dcmread(source_file)
    pixels = released.pixel_array.copy()
    x0, y0, x1, y1 = box
    pixels[y0:y1, x0:x1] = source.pixel_array[y0:y1, x0:x1]
    released.file_meta.TransferSyntaxUID = ExplicitVRLittleEndian
    released.PixelData = pixels.astype(pixels.dtype.newbyteorder("<")).tobytes()
    released.save_as(released_file, enforce_file_format=True)


def test_the_audit_fails_a_release_with_one_phi_box_restored(demo_build: dict, tmp_path: Path) -> None:
    from cxrbuild.audit.burnin_truth import score_release, unredacted_boxes
    from cxrbuild.audit.findings import FindingFiles
    from cxrbuild.audit.release_audit import run_audit

    release = tmp_path / "release"
    shutil.copytree(demo_build["release"], release)
    ehr = f"sqlite:///{demo_build['hospital'] / 'ehr.sqlite'}"
    status, _meta = run_audit(release, ehr, work_dir=demo_build["work"], ocr=False)
    assert status == 0
    redacted = max((s for s in score_release(demo_build["hospital"], demo_build["work"], release) if s.redacted),
                   key=lambda s: s.glyph_pixels)
    _restore_box(release / redacted.output, demo_build["hospital"] / "pacs" / redacted.image, redacted.box)
    assert [(s.image, s.box) for s in unredacted_boxes(demo_build["hospital"], demo_build["work"], release)] == [
        (redacted.image, redacted.box)]
    status, meta = run_audit(release, ehr, work_dir=demo_build["work"], findings_files=FindingFiles.in_folder(tmp_path / "audit"), ocr=False)
    assert status == 1 and meta["verdict"] == "FAIL"
    findings = (tmp_path / "audit" / "findings.csv").read_text()
    assert "redaction_not_black" in findings and redacted.output in findings


def release_files(release: Path) -> dict[str, bytes]:
    return {p.relative_to(release).as_posix(): p.read_bytes() for p in sorted(release.rglob("*")) if p.is_file()}


def test_the_same_build_in_another_folder_gives_identical_bytes_another_key_shares_no_id(
        demo_build: dict, ner_model: Path, keys, tmp_path: Path) -> None:
    """The demo hospital of build A, as a hospital's sources, built in another folder with absolute
    work and release folders elsewhere: the same release, byte for byte, its data card included."""
    same = copy_project(tmp_path / "same")
    work, release = tmp_path / "elsewhere" / "work", tmp_path / "elsewhere" / "release"
    config = {**hospital_config(demo_build, keys["one"], ner_model), "demo": DEMO,
              "work": {"dir": str(work)}, "release": {"dir": str(release)}}
    snakemake(same, config, f"{release}/SHA256SUMS.txt", f"{work}/release_summary.json", f"{release}/README.md")
    release_a = demo_build["release"]
    assert demo_build["sums"] == sums(release)
    assert release_files(release) == release_files(release_a)

    # another key: the ids the release would carry (the crosswalk) share nothing
    other = copy_project(tmp_path / "other")
    snakemake(other, hospital_config(demo_build, keys["two"], ner_model), "results/work/ids/summary.json")

    def ids(work: Path) -> tuple[set, set, set]:
        images = pd.read_parquet(work / "ids" / "images.parquet")
        return (set(images["subject_id"].dropna()), set(images["study_id"].dropna()),
                set(images["dicom_id"].dropna()))

    released = ids(demo_build["work"])
    rows = [r.split(",") for r in gzip.decompress(
        (release_a / "cxr-record-list.csv.gz").read_bytes()).decode().splitlines()[1:]]
    assert {r[2] for r in rows} <= released[2]
    for mine, theirs in zip(released, ids(other / "results" / "work"), strict=True):
        assert mine and theirs and not mine & theirs


def _earliest_image_dates(pacs: Path) -> dict[str, dt.date]:
    """PatientID -> the earliest date any of its PACS images carries (the command's anchor without AdmittingDate)."""
    from cxrbuild.batches.command import DATE_KEYWORDS

    earliest: dict[str, dt.date] = {}
    for path in sorted(p for p in pacs.rglob("*") if p.is_file()):
        try:
            ds = pydicom.dcmread(path, stop_before_pixels=True)
        except Exception:  # the demo PACS holds files that are not DICOM
            continue
        dates = [dt.datetime.strptime(str(ds.get(k)), "%Y%m%d").date() for k in DATE_KEYWORDS if ds.get(k)]
        patient = str(ds.get("PatientID", ""))
        if dates and patient:
            earliest[patient] = min([*dates, earliest.get(patient, max(dates))])
    return earliest


def test_the_command_gives_an_image_the_workflows_ids_day_shift_and_uids_under_the_same_key(
        demo_build: dict, keys, tmp_path: Path) -> None:
    project, hospital = demo_build["project"], demo_build["hospital"]
    out, manifest = tmp_path / "out", tmp_path / "manifest.jsonl"
    # no --context: the command draws every identity from the key file and the headers; the workflow
    # config gives it the same shift settings (ids, cohort window) the build used
    result = subprocess.run([CXRBUILD, "deid-images", str(hospital / "pacs"), str(out), "--manifest", str(manifest),
                             "--key-file", str(keys["one"]), "--config", str(project / "config" / "config.yaml")],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    by_source = {}
    for line in manifest.read_text().splitlines():
        entry = json.loads(line)
        by_source[Path(entry["source"]).resolve().relative_to((hospital / "pacs").resolve()).as_posix()] = entry
    work, release = demo_build["work"], demo_build["release"]
    images = pd.read_parquet(work / "ids" / "images.parquet")
    subjects = pd.read_parquet(work / "ids" / "subjects.parquet").set_index("mrn")
    released = images.loc[images["output"].notna()]
    released = released.loc[[(release / o).is_file() for o in released["output"]]]
    assert len(released) >= 10
    earliest = _earliest_image_dates(hospital / "pacs")
    same_anchor = {mrn for mrn, row in subjects.iterrows() if earliest.get(mrn) == row["index_admit_time"].date()}
    shifted_checked = accessioned = 0
    for image in released.itertuples(index=False):
        entry = by_source[image.path]
        assert entry["status"] == "ok", entry
        assert (entry["subject_id"], entry["dicom_id"]) == (image.subject_id, image.dicom_id)
        ours, theirs = pydicom.dcmread(out / image.path), pydicom.dcmread(release / image.output)
        for keyword in ("PatientID", "SOPInstanceUID", "StudyInstanceUID", "SeriesInstanceUID"):
            assert ours.get(keyword) == theirs.get(keyword), keyword
        source = pydicom.dcmread(hospital / "pacs" / image.path, stop_before_pixels=True)
        if source.get("AccessionNumber"):  # else the workflow joined the study on its UID to the EHR accession
            accessioned += 1
            assert entry["study_id"] == image.study_id
            assert ours.StudyID == theirs.StudyID
        if image.mrn in same_anchor:  # the command anchors on the image dates, the workflow on the admission
            shifted_checked += 1
            shift = (dt.datetime.strptime(ours.StudyDate, "%Y%m%d")
                     - dt.datetime.strptime(source.StudyDate, "%Y%m%d")).days
            assert shift == image.day_shift
            assert (ours.StudyDate, ours.get("SeriesDate"), ours.get("ContentDate")) == (
                theirs.StudyDate, theirs.get("SeriesDate"), theirs.get("ContentDate"))
    assert shifted_checked and accessioned


def test_a_copy_of_a_built_project_elsewhere_reruns_nothing(demo_build: dict, tmp_path: Path) -> None:
    copy = tmp_path / "moved" / "project"
    shutil.copytree(demo_build["project"], copy, symlinks=True)  # files and folders keep their times
    result = snakemake(copy, demo_build["config"], "-n", *RELEASE_ONLY)
    assert "Nothing to be done" in result.stdout + result.stderr, planned_jobs(result.stdout)


def readme_command(config_file: Path) -> list[str]:
    """The build command the README documents (section "Reruns"), with the test's config."""
    return [SNAKEMAKE, "--cores", "all", "--workflow-profile", "workflow/profiles/default",
            "--configfile", str(config_file)]


def test_a_second_build_on_a_busy_work_area_stops_and_a_killed_one_resumes_with_the_same_command(
        demo_build: dict, ner_model: Path, keys, tmp_path: Path) -> None:
    """Build 1 runs; build 2, from another checkout, shares its work area and stops naming build 1;
    build 1 is killed (SIGKILL, its whole process group) among the image batches; the README's
    command, run again, resumes it (no --unlock) to the release of an uninterrupted build."""
    project, other = copy_project(tmp_path / "killed"), copy_project(tmp_path / "other")
    work, release = project / "results" / "work", project / "results" / "release"
    config = {**hospital_config(demo_build, keys["one"], ner_model),
              "work": {"dir": str(work)}, "release": {"dir": str(release)}}
    targets = (f"{release}/SHA256SUMS.txt", f"{work}/release_summary.json")
    command = snakemake_command(project, config, *targets)
    command[command.index("--cores") + 1] = "1"  # slow enough for build 2 to meet it at work
    process = subprocess.Popen(command, cwd=project, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               start_new_session=True)
    lock = work / "build.lock"
    deadline = time.monotonic() + 300
    try:
        while time.monotonic() < deadline and process.poll() is None:
            if lock.is_file() and f'"pid": {process.pid}' in lock.read_text():
                break
            time.sleep(0.05)
        second = snakemake(other, config, *targets, check=False)
        assert second.returncode != 0, "build 2 ran on the work area of build 1"
        assert process.poll() is None, "build 1 ended before build 2 met it"
        refusal = [line for line in (second.stdout + second.stderr).splitlines() if "cxrbuild: error:" in line]
        assert len(refusal) == 1, second.stderr[-3000:]
        assert f"pid {process.pid} on {socket.gethostname()}, checkout {project.resolve()}, started 20" in refusal[0]
        assert str(work) in refusal[0]
        staged = work / "batches" / "images"
        while time.monotonic() < deadline and process.poll() is None:
            if any(p.is_file() for p in staged.glob("*/staged/**/*")):
                break
            time.sleep(0.02)
        assert process.poll() is None, "the build ended before any image was written"
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=30)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    assert not (release / "SHA256SUMS.txt").exists()
    assert list((project / ".snakemake" / "locks").glob("*.lock"))  # Snakemake's own lock, left stale
    resumed = subprocess.run(readme_command(project / "test-config.yaml"), cwd=project, capture_output=True,
                             text=True, timeout=900)
    assert resumed.returncode == 0, resumed.stderr[-4000:]
    assert sums(release) == demo_build["sums"]


# rules up to packaging; the audit stages after it rerun whenever packaging does
BUILD_RULES = {"synth_demo", "cohort", "pacs_index", "fetch_pacs", "assign_ids", "ner_corpus", "ner_train",
               "deid_images", "deid_reports", "package"}


def planned_build_jobs(output: str) -> dict[str, int]:
    return {rule: n for rule, n in planned_jobs(output).items() if rule in BUILD_RULES}


def _edit(path: Path):
    original = path.read_text()
    path.write_text(original + "\n# an edit that changes the module's digest\n")
    return original


def plan_after_editing(build: dict, module: str) -> dict[str, int]:
    path = build["project"] / "src" / Path(*module.split(".")).with_suffix(".py")
    original = _edit(path)
    try:
        result = snakemake(build["project"], build["config"], "-n")
    finally:
        path.write_text(original)
    return planned_build_jobs(result.stdout)


def test_editing_the_report_batch_code_plans_only_report_batches_and_packaging(demo_build: dict) -> None:
    assert plan_after_editing(demo_build, "cxrbuild.batches.reports") == {"deid_reports": 10, "package": 1}


def test_editing_the_report_rules_plans_only_report_batches_and_packaging(demo_build: dict) -> None:
    assert plan_after_editing(demo_build, "cxrbuild.text.rules") == {"deid_reports": 10, "package": 1}


def test_editing_the_pixel_module_plans_only_image_batches_and_packaging(demo_build: dict) -> None:
    assert plan_after_editing(demo_build, "cxrbuild.dicom.pixels") == {"deid_images": 10, "package": 1}
    assert "Nothing to be done" in snakemake(demo_build["project"], demo_build["config"], "-n").stdout


def test_adding_one_patient_reruns_only_that_patients_batch_and_packaging(demo_build: dict,
                                                                         tmp_path: Path) -> None:
    """On the demo build itself: take a patient out of the EHR, rebuild, put them back, rebuild."""
    project, work, ehr = demo_build["project"], demo_build["work"], demo_build["hospital"] / "ehr.sqlite"
    full_ehr = tmp_path / "ehr-full.sqlite"
    shutil.copyfile(ehr, full_ehr)
    newcomer = pd.read_csv(demo_build["hospital"] / "truth" / "cohort.csv", dtype=str)["mrn"].iloc[0]
    with sqlite3.connect(ehr) as conn:
        conn.execute("DELETE FROM radiology_reports WHERE accession_number IN "
                     "(SELECT accession_number FROM imaging_studies WHERE mrn = ?)", (newcomer,))
        for table in ("imaging_studies", "encounters", "patients"):
            conn.execute(f"DELETE FROM {table} WHERE mrn = ?", (newcomer,))
    try:
        snakemake(project, demo_build["config"], *RELEASE_ONLY)
        assert newcomer not in set(pd.read_parquet(work / "ids" / "subjects.parquet")["mrn"])
        before = record_mtimes(work)
        index_mtime = (work / "pacs" / "headers.parquet").stat().st_mtime_ns
    finally:
        shutil.copyfile(full_ehr, ehr)  # the EHR holds the patient again (with a new mtime)
    snakemake(project, demo_build["config"], *RELEASE_ONLY)
    after = record_mtimes(work)
    rerun = {batch for batch in after if after[batch] != before.get(batch)}
    subjects = pd.read_parquet(work / "ids" / "subjects.parquet").set_index("mrn")
    batch = f"{subjects.loc[newcomer, 'shard']}_{subjects.loc[newcomer, 'batch']}"
    assert rerun == {f"images/{batch}", f"reports/{batch}"}
    assert (work / "pacs" / "headers.parquet").stat().st_mtime_ns == index_mtime  # the PACS was not re-read
    # the grown release is the release built from the full EHR at once: everyone kept their ids
    assert sums(demo_build["release"]) == demo_build["sums"]


def test_a_step_runs_without_snakemake_through_mock_snakemake(demo_build: dict) -> None:
    project = demo_build["project"]
    before = sums(demo_build["release"])
    env = os.environ | {"CXRBUILD_CONFIGFILES": str(project / "test-config.yaml")}
    result = subprocess.run([sys.executable, str(project / "scripts" / "package.py")], cwd=project, env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "package: released" in result.stdout
    assert sums(demo_build["release"]) == before


def test_a_dicomweb_pacs_is_fetched_before_it_is_indexed(demo_build: dict, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "dicomweb")
    config = {"ehr": {"url": f"sqlite:///{demo_build['hospital'] / 'ehr.sqlite'}"},
              "pacs": {"dicomweb_url": "http://127.0.0.1:9/dicom-web"}, "ner": demo_build["config"]["ner"]}
    jobs = planned_jobs(snakemake(project, config, "-n").stdout)
    assert jobs["fetch_pacs"] == 1 and jobs["pacs_index"] == 1 and "synth_demo" not in jobs


@pytest.mark.parametrize(("config", "message"), [
    ({"ehr": {"url": "sqlite:////nowhere/ehr.sqlite"}}, "set both ehr.url and pacs.dir"),
    ({"cohort": {"start": "2011"}}, "does not match"),
    ({"batches": {"batches_per_shard": 0}}, "less than the minimum"),
    ({"colour": "blue"}, "'colour' was unexpected"),
    ({"audit": {"ocr": False, "fail_om": "probable"}}, "'fail_om' was unexpected"),
    ({"ehr": {"url": "sqlite:////nowhere/ehr.sqlite"}, "pacs": {"dir": "/nowhere/pacs"},
      "release": {"dir": "/nowhere/pacs/release"}}, "lies inside the PACS folder /nowhere/pacs"),
    ({"work": {"dir": "results/release/work"}}, "lies inside release.dir"),
])
def test_a_bad_config_is_refused_before_anything_runs(tmp_path: Path, config: dict, message: str) -> None:
    project = copy_project(tmp_path / "bad")
    result = snakemake(project, config, "-n", check=False)
    assert result.returncode != 0
    assert message in result.stdout + result.stderr


def test_a_key_is_made_on_a_work_areas_first_build_and_another_is_refused(tmp_path: Path, keys) -> None:
    project = copy_project(tmp_path / "keyed")
    key = tmp_path / "private" / "new.key"
    config = {"secrets": {"key_file": str(key)}, "ner": {"n_train": 1, "n_heldout": 1}}
    corpus = "results/work/ner/corpus/train.jsonl"  # a cheap first job: the key is taken before any job
    first = snakemake(project, config, corpus)
    from cxrbuild.keys import key_fingerprint

    fingerprint = key_fingerprint(bytes.fromhex(key.read_text().strip()))
    assert key.stat().st_mode & 0o077 == 0
    assert f"made the secret key {key} (fingerprint {fingerprint})" in first.stderr
    assert (project / "results" / "work" / "key_fingerprint").read_text().strip() == fingerprint
    log = (project / "results" / "work" / "logs" / "ner_corpus.log").stat().st_mtime_ns
    for other_key, words in ((keys["two"], "is not the one of the work area"),
                             (tmp_path / "mistyped.key", "secret key file not found")):
        refused = snakemake(project, {**config, "secrets": {"key_file": str(other_key)}}, corpus, "--forcerun",
                            "ner_corpus", check=False)
        assert refused.returncode != 0
        lines = [line for line in refused.stderr.splitlines() if "cxrbuild: error:" in line]
        assert len(lines) == 1 and words in lines[0] and fingerprint in lines[0], refused.stderr[-3000:]
        assert (project / "results" / "work" / "logs" / "ner_corpus.log").stat().st_mtime_ns == log  # nothing ran
    assert not (tmp_path / "mistyped.key").exists()
