"""Shared test fixtures.

The demo hospital is generated once per test session (small images, few
patients); the external DICOM fixtures are copied into tests/data/external with
their provenance, so the suite runs on a fresh clone.
"""

from __future__ import annotations

from pathlib import Path

import pytest

DATA_DIR = Path(__file__).parent / "data"
EXTERNAL_DIR = DATA_DIR / "external"


@pytest.fixture(scope="module")
def rules_only():
    """The report de-identifier with its rules alone (no model), once per test module."""
    from cxrbuild.text.deid import ReportDeidentifier

    return ReportDeidentifier(settings={"use_model": False})


@pytest.fixture(scope="session")
def external_dir() -> Path:
    """Real DICOM files from other projects with hand-made truth boxes (see PROVENANCE.md)."""
    return EXTERNAL_DIR


@pytest.fixture(scope="session")
def synth_small(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A small demo hospital (12 patients, ~512 px images), generated once per session."""
    from cxrbuild.synth import generate

    out = tmp_path_factory.mktemp("synth_small") / "hospital"
    generate(out, patients=12, seed=7, image_size="small")
    return out


def train_small_report_model(root: Path) -> Path:
    """A report model trained in seconds (few documents, two epochs): for builds, not for figures."""
    from cxrbuild.synth.report_corpora import training_corpus
    from cxrbuild.text.model import train

    records, heldout = training_corpus(root / "corpus", seed=0, n_train=17, n_heldout=10)
    train(root / "model", records, heldout, seed=0, training={"epochs": 2})
    return root / "model"


@pytest.fixture(scope="session")
def report_model(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return train_small_report_model(tmp_path_factory.mktemp("report_model"))
