"""Reading the workflow stays light: every Snakemake process reads it, a cluster job's included."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

READ_WORKFLOW = """
import json, sys
from pathlib import Path
from snakemake.api import SnakemakeApi, Workflow
from snakemake.settings.types import ConfigSettings, DAGSettings, ResourceSettings, StorageSettings, WorkflowSettings

with SnakemakeApi() as api:
    workflow = Workflow(config_settings=ConfigSettings(), resource_settings=ResourceSettings(cores=1),
                        workflow_settings=WorkflowSettings(), logger_manager=api.logger_manager,
                        storage_settings=StorageSettings(), dag_settings=DAGSettings(), storage_provider_settings={})
    workflow.include(str(Path("Snakefile").resolve()), overwrite_default_target=True)
print(json.dumps(sorted(sys.modules)))
"""


def test_reading_the_workflow_imports_neither_pydicom_nor_the_heavy_library_modules(tmp_path: Path) -> None:
    project = tmp_path / "project"
    project.mkdir()
    for part in ("Snakefile", "workflow", "config", "src"):
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, project / part, ignore=shutil.ignore_patterns("__pycache__", "*.egg-info"))
        else:
            shutil.copy2(source, project / part)
    result = subprocess.run([sys.executable, "-c", READ_WORKFLOW], cwd=project, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    modules = json.loads(result.stdout.strip().splitlines()[-1])
    assert "cxrbuild.workarea" in modules  # the workflow was read, with its parse-time checks
    heavy = [m for m in modules if m.split(".")[0] == "pydicom"
             or m.startswith(("cxrbuild.ids", "cxrbuild.pacs_index", "cxrbuild.cohort", "cxrbuild.dicom",
                              "cxrbuild.synth", "cxrbuild.text", "cxrbuild.batches"))]
    assert heavy == []
