"""The config schema covers every key the workflow reads, each with its default."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
KEY_PATH = re.compile(r"""config\[["'](\w+)["']\](?:\[["'](\w+)["']\])?""")


def workflow_sources() -> list[Path]:
    return [REPO / "Snakefile", *sorted((REPO / "workflow").rglob("*.smk")), *sorted((REPO / "scripts").glob("*.py"))]


def test_every_config_key_the_rules_read_is_in_the_schema_with_a_default() -> None:
    schema = yaml.safe_load((REPO / "workflow" / "schemas" / "config.schema.yaml").read_text())
    read = {(m[1], m[2] or None) for path in workflow_sources() for m in KEY_PATH.finditer(path.read_text())}
    assert ("audit", "ocr") in read and ("ids", "index_year_min") in read
    for section, key in sorted(read, key=str):
        properties = schema["properties"]
        assert section in properties and "default" in properties[section], section
        if key is not None:
            assert key in properties[section].get("properties", {}), f"{section}.{key}"
            assert "default" in properties[section]["properties"][key], f"{section}.{key}"


def test_no_rule_reads_a_config_key_with_a_fallback_of_its_own() -> None:
    for path in workflow_sources():
        assert "config.get(" not in path.read_text(), path
