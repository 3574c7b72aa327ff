"""The report model: a window tagger trained on the independent generators, and a hospital's own spaCy model."""

from __future__ import annotations

import json

import pytest

from cxrbuild.synth.report_corpora import TRAINING_GENERATORS, generate, training_corpus
from cxrbuild.text.deid import ReportDeidentifier
from cxrbuild.text.metrics import score_documents
from cxrbuild.text.model import (
    EVALUATION_FILE,
    MODEL_META_FILE,
    TAGS,
    PhiTagger,
    render_cases,
    train,
)
from cxrbuild.text.ner import PhiModel
from cxrbuild.util.errors import CxrbuildError

# small enough to train in a few seconds on one core
TEST_TRAINING = {"epochs": 2}


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    base = tmp_path_factory.mktemp("report_model")
    records, heldout = training_corpus(base / "corpus", seed=0, n_train=26, n_heldout=10)
    evaluation = train(base / "model", records, heldout, seed=0, training=TEST_TRAINING)
    return base / "model", evaluation, heldout


def test_every_training_generator_is_deterministic_and_annotates_in_range(tmp_path):
    for name, generator in TRAINING_GENERATORS.items():
        first = generate(generator, 5, 12, tmp_path / f"{name}.a.jsonl")
        second = generate(generator, 5, 12, tmp_path / f"{name}.b.jsonl")
        assert (tmp_path / f"{name}.a.jsonl").read_bytes() == (tmp_path / f"{name}.b.jsonl").read_bytes()
        assert first == second
        for record in first:
            for span in record["phi"]:
                assert span["label"] in TAGS and record["text"][span["start"]:span["end"]].strip()


def test_case_renderings_keep_every_offset():
    record = {"text": "Dr. Ana Ruiz saw him on 3/4.", "phi": [{"start": 4, "end": 12, "label": "NAME"}]}
    rendered = render_cases([record])
    assert [r["text"] for r in rendered] == [record["text"], record["text"].upper(), record["text"].lower()]
    assert all(r["text"][4:12].lower() == "ana ruiz" for r in rendered)


def test_model_alone_finds_most_phi_of_a_generator_it_was_trained_on(trained):
    model_dir, evaluation, heldout = trained
    tagger = PhiTagger(model_dir)
    for name, records in heldout.items():
        texts = [r["text"] for r in records]
        gold = [[(s["start"], s["end"], s["label"]) for s in r["phi"]] for r in records]
        scores = score_documents(zip(texts, gold, tagger.predict(texts), strict=True))
        # not dead weight behind the rules (the blind figures are in benchmarks/recorded/report_blind.md)
        assert scores.recall() > 0.6, (name, scores.recall(), scores.missed[:10])
        assert scores.precision() > 0.8, (name, scores.precision(), scores.false_positives[:10])
        assert evaluation["heldout"][name]["overall"]["recall"] == round(scores.recall(), 5)


def test_model_directory_records_its_digest_and_evaluation(trained):
    model_dir, evaluation, _ = trained
    meta = json.loads((model_dir / MODEL_META_FILE).read_text())
    assert json.loads((model_dir / EVALUATION_FILE).read_text()) == evaluation
    assert meta["digest"] == evaluation["digest"] and len(meta["digest"]) == 64
    assert meta["tags"] == list(TAGS)
    assert PhiTagger(model_dir).digest == meta["digest"]
    assert ReportDeidentifier(model_dir=model_dir).version["model"] == meta["digest"]


def test_training_is_deterministic(tmp_path):
    records, heldout = training_corpus(tmp_path / "corpus", seed=1, n_train=7, n_heldout=3)
    first = train(tmp_path / "m1", records, heldout, seed=5, training={"epochs": 1})
    second = train(tmp_path / "m2", records, heldout, seed=5, training={"epochs": 1})
    assert first["digest"] == second["digest"]
    assert (tmp_path / "m1" / "weights.npz").read_bytes() == (tmp_path / "m2" / "weights.npz").read_bytes()
    texts = [r["text"] for group in heldout.values() for r in group]
    assert PhiTagger(tmp_path / "m1").predict(texts) == PhiTagger(tmp_path / "m2").predict(texts)


def test_a_failed_training_leaves_no_model_behind(tmp_path):
    with pytest.raises(KeyError):
        train(tmp_path / "model", [{"text": "no spans key"}], {}, seed=0)
    assert not (tmp_path / "model").exists()


def test_a_directory_that_is_not_a_model_is_refused(tmp_path):
    (tmp_path / "junk").mkdir()
    with pytest.raises(CxrbuildError, match="not a loadable spaCy model"):
        ReportDeidentifier(model_dir=tmp_path / "junk")
    (tmp_path / "junk" / MODEL_META_FILE).write_text(json.dumps({"kind": "cxrbuild-window-tagger"}))
    with pytest.raises(CxrbuildError, match="not a readable cxrbuild report model"):
        PhiTagger(tmp_path / "junk")


def test_a_hospital_model_with_its_own_labels_can_replace_ours(tmp_path):
    import spacy

    # a pipeline trained elsewhere: spaCy's default tokenizer, OntoNotes-style labels
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler", name="ner")
    ruler.add_patterns([{"label": "PERSON", "pattern": "Zorblax Quint"}, {"label": "GPE", "pattern": "Vexford"}])
    nlp.to_disk(tmp_path / "hospital_model")
    deidentifier = ReportDeidentifier(model_dir=tmp_path / "hospital_model")
    text = "Images reviewed by the team including Zorblax Quint. Patient moved here from Vexford. Lungs clear."
    result = deidentifier.deidentify(text)
    assert result.text == "Images reviewed by the team including ___. Patient moved here from ___. Lungs clear."
    assert len(PhiModel(tmp_path / "hospital_model").digest) == 64
