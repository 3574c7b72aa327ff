# Helpers shared by the rules: paths from config, the batch list, code digests
# (so reruns follow the library code) and the checkpoint-backed plan lookups.

import functools
import sys
from pathlib import Path

SRC_ROOT = Path(workflow.basedir) / "src"
if str(SRC_ROOT) not in sys.path:
    sys.path.insert(0, str(SRC_ROOT))

from cxrbuild import contract  # noqa: E402
from cxrbuild.pacs_folders import note_changes  # noqa: E402
from cxrbuild.util.digests import CodeDigests, files_digest, tree_digest  # noqa: E402

WORK = config["work"]["dir"].rstrip("/")
RELEASE = config["release"]["dir"].rstrip("/")
DEMO = config["demo"]["dir"].rstrip("/")
LOGS = f"{WORK}/logs"
SHARDS = list(contract.SHARDS)
BATCHES = list(range(config["batches"]["batches_per_shard"]))
# Files named in more than one stage file, written here once (a stage file can be
# included alone, as tests/test_qc_report.py includes the audit stages).
RECORD_LIST = f"{RELEASE}/{contract.RECORD_LIST}"
STUDY_LIST = f"{RELEASE}/{contract.STUDY_LIST}"
CHECKSUMS = f"{RELEASE}/{contract.CHECKSUMS}"
REPORTS_ARCHIVE = f"{RELEASE}/{contract.reports_archive(config['release']['name'])}"
CROSSWALK = {table: contract.crosswalk_path(WORK, table) for table in contract.CROSSWALK_TABLES}
IDS_SUMMARY = contract.ids_summary_path(WORK)
BATCH_RECORDS = {kind: f"{WORK}/batches/{kind}/{{shard}}_{{batch}}/records.jsonl" for kind in ("images", "reports")}
# the demo hospital's EHR and PACS (synth_demo's outputs, also read when the config names no EHR and PACS)
DEMO_EHR = f"{DEMO}/ehr.sqlite"
DEMO_PACS = f"{DEMO}/pacs"
# the PACS headers (pacs_index's output, read by assign_ids, whose stage file comes first)
PACS_HEADERS = f"{WORK}/pacs/headers.parquet"
# the PACS folders and their times as pacs_index saw them, and the note of a change since
PACS_FOLDERS = f"{WORK}/pacs/folders.json"
PACS_CHANGES = f"{WORK}/pacs/changes.json"

wildcard_constraints:
    shard="p1[0-9]",
    batch="[0-9]+",


def use_demo():
    """The demo hospital is made only when the config names no EHR or no PACS."""
    has_pacs = bool(config["pacs"]["dir"] or config["pacs"]["dicomweb_url"])
    if bool(config["ehr"]["url"]) != has_pacs:
        raise ValueError("config: set both ehr.url and pacs.dir (or pacs.dicomweb_url), or neither for the demo")
    return not config["ehr"]["url"]


def ehr_url():
    if use_demo():
        return f"sqlite:///{DEMO_EHR}"  # as written in config: a copy of the project elsewhere reruns nothing
    return config["ehr"]["url"]


def ehr_files():
    """The EHR as a file when it is one (SQLite), so that editing it reruns the cohort."""
    if use_demo():
        return [DEMO_EHR]
    url = config["ehr"]["url"]
    if url.startswith("sqlite:///"):
        return [url[len("sqlite:///"):]]
    return []


def pacs_dir():
    if use_demo():
        return DEMO_PACS
    if config["pacs"]["dicomweb_url"] and not config["pacs"]["dir"]:
        return f"{WORK}/pacs_dicomweb"
    return config["pacs"]["dir"]


def pacs_inputs():
    """What the PACS index is rebuilt from: the demo or DICOMweb rule output, or the folder."""
    if use_demo():
        return [rules.synth_demo.output.summary]
    if config["pacs"]["dicomweb_url"] and not config["pacs"]["dir"]:
        return [rules.fetch_pacs.output.summary]
    return []


def is_job_process():
    """True in a Snakemake process started to run jobs of another one (a cluster job, a spawned job).

    Every job a cluster executor submits is a new Snakemake process that reads
    this Snakefile again: executor plugins start it with ``--mode remote``
    (snakemake_interface_executor_plugins RealExecutor.format_job_exec), local
    spawns with ``--mode subprocess``; the process a user starts runs in the
    default mode.
    """
    return workflow.remote_exec or workflow.subprocess_exec


@functools.cache
def _compare_pacs_folders():
    changes = note_changes(pacs_dir(), PACS_FOLDERS, PACS_CHANGES)
    if changes:
        print(f"PACS folder {pacs_dir()}: {changes.counts()} since it was indexed; pacs_index reruns",
              file=sys.stderr)


def pacs_changes(wildcards):
    """The note whose modification time reruns pacs_index when files came to or left the PACS folder.

    Only the driver compares the PACS with the folders pacs_index recorded
    (cxrbuild.pacs_folders: one stat per folder), once, when it plans the
    build; a job process takes the note as it is and never reads the PACS.
    The demo and DICOMweb folders are rule outputs, tracked through
    pacs_inputs() instead.
    """
    if pacs_inputs():
        return []
    if not is_job_process():
        _compare_pacs_folders()
    return [PACS_CHANGES]


# Every Snakemake process reads this file, and on a cluster each job is one. So the digests
# below are params functions, computed when a job of their rule is first planned (a job's
# process plans only that job and the makers of its inputs), once per process, and the
# library files they share are read and parsed once.
CODE_DIGESTS = CodeDigests(SRC_ROOT)


def planned_once(compute):
    """A params function giving ``compute()``, computed at the first job that needs it."""
    value = functools.cache(compute)

    def param(wildcards):
        return value()

    return param


def code(*modules, exclude=()):
    """Digest of the library modules a step runs (with everything they import, and their data)."""
    return planned_once(functools.partial(CODE_DIGESTS.digest, *modules, exclude=exclude))


def _image_code_digest():
    from cxrbuild.batches.images import uses_report_rules

    if uses_report_rules(config["images"]["settings"]):
        return CODE_DIGESTS.digest("cxrbuild.batches.images")
    return CODE_DIGESTS.digest("cxrbuild.batches.images", exclude=("cxrbuild.text.deid",))


def image_code():
    """Digest of the image step's code.

    The header cleans free-text descriptors with the report rules only when
    images.settings.header.descriptor_cleaner is "text_rules"; otherwise the
    image step does not run them, and editing the report rules must not rerun
    image batches.
    """
    return planned_once(_image_code_digest)


def _generators_digest():
    from cxrbuild.synth.report_corpora import TRAINING_GENERATORS

    return files_digest(TRAINING_GENERATORS.values(), relative_to=SRC_ROOT)


def generators_digest():
    """The training corpus generators are scripts the library runs, not imports: digest them apart."""
    return planned_once(_generators_digest)


def ner_model_dir():
    return config["ner"]["model_dir"] or rules.ner_train.output.model


def _ner_model_digest():
    if config["ner"]["model_dir"]:
        return tree_digest(config["ner"]["model_dir"])
    return "trained-in-workflow"


def ner_model_digest():
    """A hospital-supplied model is digested here; a trained one reruns its users by mtime."""
    return planned_once(_ner_model_digest)


def image_plan(wildcards):
    """The batch's image plan, known once assign_ids (a checkpoint) has run.

    The plan file is not a declared output of any rule, so a batch depends on
    it only through its modification time: assign_ids rewrites a plan only
    when its content changes, and unchanged batches are not rerun even when
    assign_ids is.
    """
    checkpoints.assign_ids.get()
    return str(contract.image_plan_path(WORK, wildcards.shard, int(wildcards.batch)))


def report_plan(wildcards):
    """The batch's report plan (see image_plan)."""
    checkpoints.assign_ids.get()
    return str(contract.report_plan_path(WORK, wildcards.shard, int(wildcards.batch)))


def all_batches(pattern):
    """One path of a batch rule's output pattern per batch, shard by shard."""
    return expand(pattern, shard=SHARDS, batch=BATCHES)


def release_targets():
    """What the default target needs from packaging: every output of rule package."""
    return list(rules.package.output)
