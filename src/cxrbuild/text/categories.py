"""The categories of PHI in reports (``text/data/phi_categories.yaml``): their labels and defaults."""

from __future__ import annotations

import functools
from dataclasses import dataclass

from cxrbuild.text.spans import data_yaml


@dataclass(frozen=True)
class Category:
    label: str
    remove: bool
    settable: bool
    hipaa: str


@functools.lru_cache(maxsize=1)
def phi_categories() -> dict[str, Category]:
    spec = data_yaml("phi_categories.yaml")
    return {
        label: Category(label, bool(entry["remove"]), bool(entry.get("settable", False)), str(entry.get("hipaa", "")))
        for label, entry in spec["categories"].items()
    }


LABELS: tuple[str, ...] = tuple(phi_categories())
