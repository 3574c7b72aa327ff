"""The report NER model: synthetic corpus, deterministic training, held-out bar.

One small model is trained per test session (module fixture); the bar is
checked on a fixed held-out split that the model never saw, generated from
held-out templates and held-out name lists.
"""

from __future__ import annotations

import json
import re

import pytest

from cxrbuild.text import corpus as corpus_module
from cxrbuild.text.corpus import HELDOUT, TRAIN, generate_reports, read_jsonl, write_corpus
from cxrbuild.text.deid import ReportDeidentifier
from cxrbuild.text.metrics import score_documents
from cxrbuild.text.ner import EVALUATION_FILE, MODEL_META_FILE, PhiModel, train_model
from cxrbuild.text.rules import _data_text
from cxrbuild.util.errors import CxrbuildError

# small enough to train in well under a minute on one core
TEST_TRAINING = {"n_train": 250, "n_heldout": 40, "epochs": 6}
RECALL_BAR, NAME_RECALL_BAR, PRECISION_BAR = 0.995, 0.99, 0.95


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    base = tmp_path_factory.mktemp("report_model")
    corpus_dir, model_dir = base / "corpus", base / "model"
    write_corpus(corpus_dir, TEST_TRAINING["n_train"], TEST_TRAINING["n_heldout"], seed=0)
    evaluation = train_model(corpus_dir, model_dir, seed=0, training={"epochs": TEST_TRAINING["epochs"]})
    return corpus_dir, model_dir, evaluation


@pytest.fixture(scope="module")
def fixed_heldout() -> list[dict]:
    # a fixed split, different from the corpus' own held-out file (other seed)
    return generate_reports(120, HELDOUT, seed=12345)


def test_heldout_split_shares_no_templates_and_no_names_with_training():
    for table in (corpus_module.PHI_TEMPLATES, corpus_module.CLINICAL_TEMPLATES, corpus_module.INDICATIONS, corpus_module.EXAMS):
        assert not set(table[TRAIN]) & set(table[HELDOUT])
    for pools in ("start", "finding", "place", "tail"):
        assert not set(corpus_module.FINDING_POOLS[TRAIN][pools]) & set(corpus_module.FINDING_POOLS[HELDOUT][pools]) - {""}
    assert not set(corpus_module.SYLLABLES[TRAIN]) & set(corpus_module.SYLLABLES[HELDOUT])
    train = generate_reports(150, TRAIN, seed=0)
    heldout = generate_reports(150, HELDOUT, seed=0)
    train_names = {r["text"][s["start"]:s["end"]].lower() for r in train for s in r["spans"] if s["label"] == "NAME"}
    heldout_names = {r["text"][s["start"]:s["end"]].lower() for r in heldout for s in r["spans"] if s["label"] == "NAME"}
    train_words = {w for name in train_names for w in re.findall(r"[a-z]{3,}", name)}
    heldout_words = {w for name in heldout_names for w in re.findall(r"[a-z]{3,}", name)}
    assert heldout_words and not train_words & heldout_words


def test_corpus_is_deterministic(tmp_path):
    write_corpus(tmp_path / "a", 20, 10, seed=3)
    write_corpus(tmp_path / "b", 20, 10, seed=3)
    for name in ("train.jsonl", "heldout.jsonl"):
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    record = read_jsonl(tmp_path / "a" / "train.jsonl")[0]
    assert set(record) == {"text", "spans"}
    assert all(record["text"][s["start"]:s["end"]].strip() for s in record["spans"])


def test_recall_and_precision_meet_the_bar_on_a_fixed_heldout_split(trained, fixed_heldout):
    _, model_dir, _ = trained
    deidentifier = ReportDeidentifier(model_dir=model_dir)
    texts = [r["text"] for r in fixed_heldout]
    results = deidentifier.deidentify_many(texts)
    scores = score_documents(
        (text, [(s["start"], s["end"], s["label"]) for s in record["spans"]], [(s.start, s.end, s.label) for s in result.spans])
        for text, record, result in zip(texts, fixed_heldout, results, strict=True)
    )
    missed = scores.missed[:20]
    assert scores.recall() >= RECALL_BAR, (scores.recall(), missed)
    assert scores.recall("NAME") >= NAME_RECALL_BAR, (scores.recall("NAME"), missed)
    assert scores.precision() >= PRECISION_BAR, (scores.precision(), scores.false_positives[:20])


def test_no_allow_listed_clinical_term_is_removed_by_rules_and_model(trained, fixed_heldout):
    _, model_dir, _ = trained
    deidentifier = ReportDeidentifier(model_dir=model_dir)
    terms = [line.strip() for line in _data_text("allow_terms.txt").splitlines() if line.strip() and not line.startswith("#")]
    sentences = []
    for term in terms:
        sentences += [f"{term} is again noted.", f"FINDINGS: There is {term} at the right base.", f"Compared with prior, {term} unchanged."]
    results = deidentifier.deidentify_many(sentences)
    lost = [(s, r.text) for s, r in zip(sentences, results, strict=True) if r.text != s]
    assert not lost, lost[:20]
    # and inside whole held-out reports: every clinical sentence comes out as it went in
    clinical = corpus_module.CLINICAL_TEMPLATES[HELDOUT]
    for result, record in zip(deidentifier.deidentify_many([r["text"] for r in fixed_heldout]), fixed_heldout, strict=True):
        for sentence in clinical:
            if sentence in record["text"]:
                assert sentence in result.text


def test_model_directory_records_its_digest_and_evaluation(trained):
    _, model_dir, evaluation = trained
    meta = json.loads((model_dir / MODEL_META_FILE).read_text())
    on_disk = json.loads((model_dir / EVALUATION_FILE).read_text())
    assert on_disk == evaluation
    assert meta["digest"] == evaluation["digest"] and len(meta["digest"]) == 64
    assert set(meta["labels"]) <= {"NAME", "DATE", "TIME", "PHONE", "ID", "AGE", "LOCATION", "HOSPITAL", "CONTACT"}
    assert evaluation["n_heldout"] == TEST_TRAINING["n_heldout"]
    assert PhiModel(model_dir).digest == meta["digest"]
    # the model on its own finds most PHI: it is not dead weight behind the rules
    assert evaluation["model"]["overall"]["recall"] > 0.5


def test_training_is_deterministic(tmp_path):
    write_corpus(tmp_path / "corpus", 30, 10, seed=1)
    first = train_model(tmp_path / "corpus", tmp_path / "m1", seed=5, training={"epochs": 1})
    second = train_model(tmp_path / "corpus", tmp_path / "m2", seed=5, training={"epochs": 1})
    assert first["digest"] == second["digest"]
    texts = [r["text"] for r in read_jsonl(tmp_path / "corpus" / "heldout.jsonl")]
    assert PhiModel(tmp_path / "m1").predict(texts) == PhiModel(tmp_path / "m2").predict(texts)
    assert (tmp_path / "m1" / "ner" / "model").read_bytes() == (tmp_path / "m2" / "ner" / "model").read_bytes()


def test_missing_corpus_is_a_clear_error(tmp_path):
    with pytest.raises(CxrbuildError, match=r"train\.jsonl: missing"):
        train_model(tmp_path, tmp_path / "model")
    assert not (tmp_path / "model").exists()


def test_a_directory_that_is_not_a_model_is_refused(tmp_path):
    (tmp_path / "junk").mkdir()
    with pytest.raises(CxrbuildError, match="not a loadable spaCy model"):
        PhiModel(tmp_path / "junk")


def test_a_hospital_model_with_its_own_labels_can_replace_ours(tmp_path):
    import spacy

    # a pipeline trained elsewhere: spaCy's default tokenizer, OntoNotes-style labels
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("entity_ruler", name="ner")
    ruler.add_patterns([{"label": "PERSON", "pattern": "Zorblax Quint"}, {"label": "GPE", "pattern": "Vexford"}])
    nlp.to_disk(tmp_path / "hospital_model")
    deidentifier = ReportDeidentifier(model_dir=tmp_path / "hospital_model")
    text = "Images reviewed by the team including Zorblax Quint. Patient from Vexford. Lungs clear."
    result = deidentifier.deidentify(text)
    assert result.text == "Images reviewed by the team including ___. Patient from ___. Lungs clear."
    assert [s.label for s in result.spans] == ["NAME", "LOCATION"]
    assert len(PhiModel(tmp_path / "hospital_model").digest) == 64
