"""The real-world word lists: regions of every country, built from ISO 3166-2 (scripts/build_text_lists.py)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

from cxrbuild.text.lexicon import default_lexicon

ROOT = Path(__file__).resolve().parents[1]


def load_builder():
    spec = importlib.util.spec_from_file_location("build_text_lists", ROOT / "scripts" / "build_text_lists.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_regions_of_every_country_are_places():
    lexicon = default_lexicon()
    # states, provinces, council areas and counties outside the US, accents folded
    for name in ("maharashtra", "saskatchewan", "gauteng", "argyll and bute", "Mahārāshtra", "kwazulu-natal"):
        assert lexicon.is_region(name), name
    assert lexicon.is_place("saskatchewan") and lexicon.is_place("karnataka")
    assert not lexicon.is_region("pneumothorax")


def test_a_regions_variants_are_names_and_its_designators_are_not(tmp_path):
    builder = load_builder()
    source = tmp_path / "iso_3166-2.json"
    source.write_text(json.dumps({"3166-2": [
        {"code": "XA-01", "name": "Quellmark, Región de", "type": "Region"},
        {"code": "XA-02", "name": "Ostvarra [Östvarra XA-OV]", "type": "County"},
        {"code": "XA-03", "name": "Tarn-Orlu / Brenhavik", "type": "Province"},
        {"code": "XA-04", "name": "Delmoor (stadt)", "type": "City"},
    ]}), encoding="utf-8")
    assert builder.build_regions(source) == {"quellmark", "ostvarra", "tarn-orlu", "brenhavik", "delmoor"}
