# Helpers shared by the rules: paths from config, the batch list, code digests
# (so reruns follow the library code) and the checkpoint-backed plan lookups.

import hashlib
import os
import sys
from pathlib import Path

SRC_ROOT = Path(workflow.basedir) / "src"
if str(SRC_ROOT) not in sys.path:
    sys.path.insert(0, str(SRC_ROOT))

from cxrbuild import contract  # noqa: E402
from cxrbuild.batches.images import uses_report_rules  # noqa: E402
from cxrbuild.ids import image_plan_path, report_plan_path  # noqa: E402
from cxrbuild.util.digests import code_digest, files_digest, tree_digest  # noqa: E402
from cxrbuild.synth.report_corpora import TRAINING_GENERATORS  # noqa: E402

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
CROSSWALK = {table: f"{WORK}/ids/{table}.parquet" for table in ("subjects", "studies", "images", "pacs_files")}
BATCH_RECORDS = {kind: f"{WORK}/batches/{kind}/{{shard}}_{{batch}}/records.jsonl" for kind in ("images", "reports")}

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
        return f"sqlite:///{DEMO}/ehr.sqlite"  # as written in config: a copy of the project elsewhere reruns nothing
    return config["ehr"]["url"]


def ehr_files():
    """The EHR as a file when it is one (SQLite), so that editing it reruns the cohort."""
    if use_demo():
        return [f"{DEMO}/ehr.sqlite"]
    url = config["ehr"]["url"]
    if url.startswith("sqlite:///"):
        return [url[len("sqlite:///"):]]
    return []


def pacs_dir():
    if use_demo():
        return f"{DEMO}/pacs"
    if config["pacs"]["dicomweb_url"] and not config["pacs"]["dir"]:
        return f"{WORK}/pacs_dicomweb"
    return config["pacs"]["dir"]


def pacs_inputs():
    """What the PACS index is rebuilt from: the demo or DICOMweb rule output, or the folder."""
    if use_demo():
        return [f"{DEMO}/truth/summary.json"]
    if config["pacs"]["dicomweb_url"] and not config["pacs"]["dir"]:
        return [f"{WORK}/dicomweb/fetch_summary.json"]
    return []


def pacs_listing_stamp():
    """Names and mtimes of a hospital's PACS folders (not files): adding or removing files changes it.

    The demo and DICOMweb folders are rule outputs, tracked through pacs_inputs() instead.
    """
    if pacs_inputs():
        return "tracked-by-input"
    root = Path(pacs_dir())
    if not root.is_dir():
        return "absent"
    stamps = []
    for folder, subfolders, _files in os.walk(root):  # scandir: no stat of the files themselves
        subfolders.sort()
        stamps.append(f"{Path(folder).relative_to(root).as_posix()}:{os.stat(folder).st_mtime_ns}")
    return hashlib.sha256("\n".join(stamps).encode()).hexdigest()


def code(*modules, exclude=()):
    """Digest of the library modules a step runs (with everything they import, and their data)."""
    return code_digest(SRC_ROOT, *modules, exclude=exclude)


def image_code():
    """Digest of the image step's code.

    The header cleans free-text descriptors with the report rules only when
    images.settings.header.descriptor_cleaner is "text_rules"; otherwise the
    image step does not run them, and editing the report rules must not rerun
    image batches.
    """
    if uses_report_rules(config["images"]["settings"]):
        return code("cxrbuild.batches.images")
    return code("cxrbuild.batches.images", exclude=("cxrbuild.text.deid",))


def generators_digest():
    """The training corpus generators are scripts the library runs, not imports: digest them apart."""
    return files_digest(TRAINING_GENERATORS.values(), relative_to=SRC_ROOT)


def ner_model_dir():
    return config["ner"]["model_dir"] or f"{WORK}/ner/model"


def ner_model_digest():
    """A hospital-supplied model is digested here; a trained one reruns its users by mtime."""
    if config["ner"]["model_dir"]:
        return tree_digest(config["ner"]["model_dir"])
    return "trained-in-workflow"


def image_plan(wildcards):
    """The batch's image plan, known once assign_ids (a checkpoint) has run.

    The plan file is not a declared output of any rule, so a batch depends on
    it only through its modification time: assign_ids rewrites a plan only
    when its content changes, and unchanged batches are not rerun even when
    assign_ids is.
    """
    checkpoints.assign_ids.get()
    return str(image_plan_path(WORK, wildcards.shard, int(wildcards.batch)))


def report_plan(wildcards):
    """The batch's report plan (see image_plan)."""
    checkpoints.assign_ids.get()
    return str(report_plan_path(WORK, wildcards.shard, int(wildcards.batch)))


def all_batches(pattern):
    """One path of a batch rule's output pattern per batch, shard by shard."""
    return expand(pattern, shard=SHARDS, batch=BATCHES)


def release_targets():
    """What the default target needs from packaging: every output of rule package."""
    return list(rules.package.output)
