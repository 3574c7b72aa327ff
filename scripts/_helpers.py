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
from types import SimpleNamespace

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


def mock_snakemake(rule_name: str, configfiles: list[str] | None = None, **wildcards: str) -> SimpleNamespace:
    """The ``snakemake`` object of one job of ``rule_name``, built from the Snakefile without running it.

    Checkpoint-dependent inputs are resolved as after the checkpoint has run
    (the plan files must exist, i.e. ``assign_ids`` has run once). Extra config
    files come from ``configfiles`` or the ``CXRBUILD_CONFIGFILES`` environment
    variable (paths separated by ``:``), as ``--configfile`` would give them.
    """
    from snakemake.api import SnakemakeApi
    from snakemake.io import apply_wildcards
    from snakemake.settings.types import (
        ConfigSettings,
        ResourceSettings,
        StorageSettings,
        WorkflowSettings,
    )

    if configfiles is None:
        configfiles = [p for p in os.environ.get("CXRBUILD_CONFIGFILES", "").split(":") if p]
    configfiles = [str(Path(p).resolve()) for p in configfiles]
    os.chdir(REPO)
    with SnakemakeApi() as api:
        workflow_api = api.workflow(
            resource_settings=ResourceSettings(cores=1),
            config_settings=ConfigSettings(configfiles=[Path(p) for p in configfiles or []]),
            storage_settings=StorageSettings(),
            workflow_settings=WorkflowSettings(),
            snakefile=REPO / "Snakefile",
            workdir=REPO,
        )
        workflow = workflow_api._workflow
        for checkpoint_rule in workflow.rules:
            if checkpoint_rule.is_checkpoint:
                workflow.checkpoints.created_output.update(checkpoint_rule.output)
        rule = workflow.get_rule(rule_name)
        values = {k: str(v) for k, v in wildcards.items()}

        def resolve(items):
            resolved = []
            names = {}
            for item in items:
                if callable(item):
                    item = item(SimpleNamespace(**values))
                text = apply_wildcards(item, values) if isinstance(item, str) else item
                resolved.append(text)
            for name, index in items._names.items():
                # a name covers one item (start, None) or a list of items (start, end)
                start, end = index if isinstance(index, tuple) else (index, None)
                names[name] = resolved[start] if end is None else resolved[start:end]
            return resolved, names

        inputs, input_names = resolve(rule.input)
        outputs, output_names = resolve(rule.output)
        logs, _ = resolve(rule.log)
        params = {k: (v(SimpleNamespace(**values)) if callable(v) else v) for k, v in rule.params.items()}

        class Files(list):
            def __init__(self, items, names):
                super().__init__(items)
                self.__dict__.update(names)

        return SimpleNamespace(
            input=Files(inputs, input_names), output=Files(outputs, output_names),
            params=SimpleNamespace(**params), log=Files(logs, {}), wildcards=SimpleNamespace(**values),
            threads=1, config=workflow.config, rule=rule_name,
        )
