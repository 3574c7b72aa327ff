"""The demo workflow against real infrastructure gives the same release as a local build.

* SLURM: the workflow runs through a single-node SLURM cluster on localhost
  (snakemake-executor-plugin-slurm with workflow/profiles/slurm) to the same
  SHA256SUMS as a local run.
* PostgreSQL: the demo EHR loaded into a fresh server (``ehr.url`` =
  postgresql://...) gives the same release as the SQLite file.
* Orthanc: the demo PACS uploaded to Orthanc (``pacs.dicomweb_url``) gives
  the same release as the folder.

The servers are started by tests/services/local_services.py in temporary
folders on free ports. Where a service cannot run (not root, Debian packages
missing and no way to install them) its test skips with the reason; on CI,
as root, they run. One tiny hospital, one NER model and one secret key are
shared by all builds, so that the only difference between two builds is the
infrastructure under test.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "services"))
import load_ehr  # noqa: E402 - found through the path set just above
import local_services  # noqa: E402

pytestmark = [pytest.mark.services, pytest.mark.slow]

SNAKEMAKE = str(Path(sys.executable).with_name("snakemake"))


def _checksums(release: Path) -> dict[str, str]:
    sums = {}
    for line in (release / "SHA256SUMS.txt").read_text().splitlines():
        digest, _, name = line.partition("  ")
        sums[name.lstrip("*")] = digest
    return sums


def _build(shared: Path, name: str, overrides: dict, extra_args: list[str] = (), timeout: int = 600) -> Path:
    """Run the workflow from the repository root with a config for build ``name``; its release dir."""
    run = shared / name
    config = {
        "ehr": {"url": f"sqlite:///{shared / 'hospital' / 'ehr.sqlite'}"},
        "pacs": {"dir": str(shared / "hospital" / "pacs"), "dicomweb_url": None},
        "release": {"dir": str(run / "release")},
        "work": {"dir": str(run / "work")},
        "secrets": {"key_file": str(shared / "secret.key")},
        "ner": {"model_dir": str(shared / "ner" / "model")},
    }
    for section, values in overrides.items():
        config[section] = {**config.get(section, {}), **values}
    run.mkdir(parents=True, exist_ok=True)
    (run / "config.yaml").write_text(yaml.safe_dump(config))
    # the release up to its checksums; the audit and QC that follow have tests of their own
    target = str(run / "release" / "SHA256SUMS.txt")
    # the target first: options such as --group-components take any number of values
    argv = [SNAKEMAKE, target, "--configfile", str(run / "config.yaml"), "--cores", "2", *extra_args]
    with open(run / "snakemake.log", "wb") as log:
        done = subprocess.run(argv, cwd=REPO, stdout=log, stderr=subprocess.STDOUT, timeout=timeout,
                              env=dict(os.environ, PYTHONUNBUFFERED="1"))
    if done.returncode != 0:
        tail = (run / "snakemake.log").read_text(errors="replace").splitlines()[-25:]
        pytest.fail(f"build {name} failed (exit {done.returncode}):\n" + "\n".join(tail))
    return run / "release"


@pytest.fixture(scope="module")
def shared(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A tiny hospital, a trained NER model and a key, shared by every build of this module."""
    from conftest import train_small_report_model

    from cxrbuild.synth import generate

    base = tmp_path_factory.mktemp("services_release")
    generate(base / "hospital", patients=3, seed=11, image_size="small")
    train_small_report_model(base / "ner")
    return base


@pytest.fixture(scope="module")
def local_release(shared: Path) -> Path:
    """The reference: the workflow run locally on SQLite and the PACS folder."""
    release = _build(shared, "local", {})
    assert (release / "SHA256SUMS.txt").is_file()
    return release


@pytest.fixture(scope="module")
def service_base(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("services_state")


def _started(service: str, base: Path) -> Iterator[dict]:
    try:
        state = local_services.start(service, base)
    except local_services.ServiceUnavailable as err:
        pytest.skip(f"{service} cannot run here: {err}")
    try:
        yield state
    finally:
        local_services.stop(service, base)


@pytest.fixture
def slurm(service_base: Path) -> Iterator[dict]:
    yield from _started("slurm", service_base)


@pytest.fixture
def postgres(service_base: Path) -> Iterator[dict]:
    yield from _started("postgres", service_base)


@pytest.fixture
def orthanc(service_base: Path) -> Iterator[dict]:
    yield from _started("orthanc", service_base)


def test_slurm_cluster_build_matches_local_sha256sums(slurm: dict, shared: Path, local_release: Path) -> None:
    release = _build(shared, "slurm", {}, [
        "--workflow-profile", str(REPO / "workflow" / "profiles" / "slurm"),
        "--jobs", "4",
        "--latency-wait", "10",
        "--retries", "0",
        "--slurm-init-seconds-before-status-checks", "2",
        # the test node has the CPUs and memory of this machine
        "--default-resources", "mem_mb=1000", "runtime=30", "cpus_per_task=1",
        "--set-resources", "pacs_index:cpus_per_task=1", "package:mem_mb=2000",
        "--set-threads", "pacs_index=1",
        # the demo's 10 tiny image batches as one SLURM job too, to keep the test short
        "--groups", "deid_images=image_batches", "deid_reports=report_batches",
        "--group-components", "image_batches=10", "report_batches=10",
    ], timeout=900)
    assert (release / "SHA256SUMS.txt").read_bytes() == (local_release / "SHA256SUMS.txt").read_bytes()
    # the jobs really went through the cluster: its controller saw them complete
    controller_log = Path(slurm["root"]) / "log" / "slurmctld.log"
    completed = len(re.findall(r"_job_complete: JobId=\d+ WEXITSTATUS 0", controller_log.read_text(errors="replace")))
    # cohort, pacs_index, assign_ids, the image group, the report group, package
    assert completed >= 6, f"only {completed} SLURM jobs succeeded: the build did not go through the cluster"


def test_postgresql_ehr_gives_the_same_release_as_sqlite(postgres: dict, shared: Path,
                                                         local_release: Path) -> None:
    counts = load_ehr.copy_database(str(shared / "hospital" / "ehr.sqlite"), postgres["url"])
    assert counts.get("imaging_studies", 0) > 0 and counts.get("radiology_reports", 0) > 0
    with pytest.raises(SystemExit, match="already there"):  # never merged into existing tables
        load_ehr.copy_database(str(shared / "hospital" / "ehr.sqlite"), postgres["url"])
    release = _build(shared, "postgres", {"ehr": {"url": postgres["url"]}})
    assert _checksums(release) == _checksums(local_release)


def test_orthanc_dicomweb_pacs_gives_the_same_release_as_the_folder(orthanc: dict, shared: Path,
                                                                    local_release: Path) -> None:
    pacs = shared / "hospital" / "pacs"
    stored, _rejected = local_services.upload_to_orthanc(orthanc["url"], pacs)
    assert stored > 0
    release = _build(shared, "orthanc", {"pacs": {"dir": None, "dicomweb_url": orthanc["dicomweb_url"]}})
    # only the cohort's studies are fetched and Orthanc refuses broken files at upload, so
    # the quarantine counts differ; every released file must be the same, byte for byte
    assert _checksums(release) == _checksums(local_release)
    fetched = shared / "orthanc" / "work" / "pacs_dicomweb"
    assert any(fetched.rglob("*.dcm")), "the build did not read the PACS through DICOMweb"
