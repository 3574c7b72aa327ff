"""Shared by the ``script:`` adapters: logging to the rule's log, and running without Snakemake.

``mock_snakemake(rule, **wildcards)`` (after PyPSA-Eur) builds the rule's job
from the Snakefile and the config so that a step can be run and debugged as a
plain Python script, e.g. ``python scripts/deid_reports.py p10 0``.
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO / "src") not in sys.path:
    sys.path.insert(0, str(REPO / "src"))

from cxrbuild.util.progress import setup_logging  # noqa: E402


def configure_logging(snakemake) -> logging.Logger:
    """Send the ``cxrbuild`` log to the rule's log file (and warnings to the terminal)."""
    log_file = snakemake.log[0] if len(snakemake.log) else None
    return setup_logging(log_file, verbose=True)


def _first_line(err: BaseException) -> str:
    text = str(err).strip().splitlines()
    return text[0] if text else type(err).__name__


def run_step(snakemake, step) -> None:
    """Run ``step(snakemake, log)``; a CxrbuildError becomes a one-line message and exit 2."""
    from cxrbuild.util.errors import CxrbuildError

    log = configure_logging(snakemake)
    try:
        step(snakemake, log)
    except CxrbuildError as err:
        log.error("%s: %s", snakemake.rule, _first_line(err))
        print(f"cxrbuild {snakemake.rule}: error: {_first_line(err)}", file=sys.stderr)
        sys.exit(2)


def mock_snakemake(rule_name: str, configfiles: list[str] | None = None, **wildcards: str):
    """The ``snakemake`` object of one job of ``rule_name``, built from the Snakefile without running it.

    As PyPSA-Eur's helper does: the workflow is read (``Workflow.include``,
    with the extra config files as ``--configfile`` gives them), a DAG is
    made for the one rule and its
    ``Job`` gives the same input, output, params and log a run would; the
    script gets the ``snakemake.script.Snakemake`` object Snakemake itself
    hands to a ``script:``. Inputs that wait on a checkpoint (the batch plans
    wait on ``assign_ids``) are resolved as after the checkpoint has run: when
    its outputs exist, the DAG is told that its job has finished
    (``DAG.update_checkpoint_dependencies``), as a run tells it. Extra config
    files come from ``configfiles`` or the ``CXRBUILD_CONFIGFILES``
    environment variable (paths separated by ``:``).
    """
    import asyncio

    import snakemake as sm
    from snakemake.api import SnakemakeApi, Workflow
    from snakemake.script import Snakemake
    from snakemake.settings.types import (
        ConfigSettings,
        DAGSettings,
        ResourceSettings,
        StorageSettings,
        WorkflowSettings,
    )

    if configfiles is None:
        configfiles = [p for p in os.environ.get("CXRBUILD_CONFIGFILES", "").split(":") if p]
    configfiles = [str(Path(p).resolve()) for p in configfiles]
    for path in configfiles:
        if not Path(path).exists():
            raise FileNotFoundError(f"config file {path} does not exist")
    os.chdir(REPO)
    with SnakemakeApi() as api:
        workflow = Workflow(
            config_settings=ConfigSettings(configfiles=[Path(p) for p in configfiles]),
            resource_settings=ResourceSettings(cores=1),
            workflow_settings=WorkflowSettings(),
            logger_manager=api.logger_manager,
            storage_settings=StorageSettings(),
            dag_settings=DAGSettings(rerun_triggers=[]),
            storage_provider_settings={},
        )
        workflow.include(str(REPO / "Snakefile"), overwrite_default_target=True)
        workflow.global_resources = {}
        rule = workflow.get_rule(rule_name)
        dag = sm.dag.DAG(workflow, rules=[rule])
        finished = [sm.jobs.Job(checkpoint, dag) for checkpoint in workflow.rules
                    if checkpoint.is_checkpoint and all(Path(path).exists() for path in checkpoint.output)]
        asyncio.run(dag.update_checkpoint_dependencies(finished))
        job = sm.jobs.Job(rule, dag, {k: str(v) for k, v in wildcards.items()})
        return Snakemake(job.input, job.output, job.params, job.wildcards, job.threads, job.resources, job.log,
                         workflow.config, rule.name, None, str(REPO / "scripts"))
