"""The neural half of report de-identification: a small spaCy NER model.

A blank English pipeline with one ``ner`` component over a compact CNN
(hash embeddings of norm, prefix, suffix and shape; width 48, depth 2; a 32-wide
parser layer), sized for speed, and a
tokenizer that splits at every letter/digit boundary so that PHI spans such as
"93" in "93yo" fall on token boundaries. The model
is trained on the synthetic corpus of :mod:`cxrbuild.text.corpus`, on one CPU
thread with fixed seeds, so the same corpus and seed give the same model and
the same predictions.

The model directory carries its version: ``cxrbuild_model.json`` holds the
SHA-256 digest of its training data and configuration, and
``evaluation.json`` its scores on the held-out split. A hospital may point the
configuration at a spaCy model trained on its own annotated reports instead;
its entity labels are mapped onto ours (:data:`FOREIGN_LABELS`).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import random
import re
import shutil
import tempfile
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

from cxrbuild.text.corpus import read_jsonl
from cxrbuild.text.rules import LABELS
from cxrbuild.util.atomic import atomic_write_text
from cxrbuild.util.errors import CxrbuildError

log = logging.getLogger("cxrbuild.text.ner")

TOKENIZER_NAME = "cxrbuild.report_tokenizer.v2"
MODEL_META_FILE = "cxrbuild_model.json"
EVALUATION_FILE = "evaluation.json"

# numbers joined by / : . - (dates, times, decimals: one token each), letter runs,
# digit runs, underscore runs, punctuation runs, whitespace runs. Trailing
# punctuation stays on its word ("Smith," "Dr."): a quarter fewer tokens, so a
# faster model; predicted spans are trimmed back to letters and digits later.
TOKEN_PIECES_RE = re.compile(
    r"[0-9]+(?:[/:.\-][0-9]+)+[^\sA-Za-zÀ-ÖØ-öø-ÿ0-9_]*|[A-Za-zÀ-ÖØ-öø-ÿ]+[^\sA-Za-zÀ-ÖØ-öø-ÿ0-9_]*"
    r"|[0-9]+[^\sA-Za-zÀ-ÖØ-öø-ÿ0-9_]*|_+|[^\sA-Za-zÀ-ÖØ-öø-ÿ0-9_]+|\s+"
)
WHITESPACE_RUN_RE = re.compile(r"\s+")
LINE_RE = re.compile(r"[^\n]+")


def collapse_whitespace(text: str) -> tuple[str, list[int]]:
    """``text`` with every whitespace run made one space, and each kept character's original index.

    The model reads the collapsed text: layout whitespace carries no PHI and
    costs inference time (MIMIC-style reports are full of blank runs).
    """
    pieces: list[str] = []
    index: list[int] = []
    cursor = 0
    for match in WHITESPACE_RUN_RE.finditer(text):
        pieces.append(text[cursor:match.start()])
        index.extend(range(cursor, match.start()))
        pieces.append(" ")
        index.append(match.start())
        cursor = match.end()
    pieces.append(text[cursor:])
    index.extend(range(cursor, len(text)))
    return "".join(pieces), index


def _to_original(index: list[int], start: int, end: int) -> tuple[int, int]:
    return index[start], index[end - 1] + 1

# labels of other NER models (spaCy's OntoNotes scheme, i2b2/n2c2 de-id sets) -> ours
FOREIGN_LABELS = {
    "PERSON": "NAME", "PER": "NAME", "PATIENT": "NAME", "DOCTOR": "NAME", "STAFF": "NAME", "USERNAME": "NAME",
    "HCW": "NAME", "NAME": "NAME",
    "DATE": "DATE", "TIME": "TIME",
    "PHONE": "PHONE", "FAX": "PHONE", "PAGER": "PHONE",
    "ID": "ID", "MRN": "ID", "MEDICALRECORD": "ID", "IDNUM": "ID", "SSN": "ID", "ACCOUNT": "ID", "LICENSE": "ID",
    "DEVICE": "ID", "BIOID": "ID", "HEALTHPLAN": "ID", "VEHICLE": "ID",
    "AGE": "AGE",
    "LOCATION": "LOCATION", "LOC": "LOCATION", "GPE": "LOCATION", "FAC": "LOCATION", "STREET": "LOCATION",
    "CITY": "LOCATION", "STATE": "LOCATION", "ZIP": "LOCATION", "COUNTRY": "LOCATION", "ROOM": "LOCATION",
    "LOCATION-OTHER": "LOCATION",
    "HOSPITAL": "HOSPITAL", "ORG": "HOSPITAL", "ORGANIZATION": "HOSPITAL",
    "CONTACT": "CONTACT", "EMAIL": "CONTACT", "URL": "CONTACT", "IPADDR": "CONTACT", "WEB": "CONTACT",
}

# The training configuration; it enters the model digest.
DEFAULT_TRAINING = {
    "width": 48,
    "depth": 2,
    "embed_size": 2000,
    "window_size": 1,
    "maxout_pieces": 2,
    "parser_maxout_pieces": 1,
    "hidden_width": 32,
    "epochs": 8,
    "batch_size": 32,
    "dropout": 0.1,
    "learn_rate": 0.001,
}


def _register_tokenizer() -> None:
    import spacy
    from spacy.tokens import Doc

    if TOKENIZER_NAME in spacy.registry.tokenizers.get_all():
        return

    class ReportTokenizer:
        """Splits at every letter/digit/punctuation boundary; whitespace runs become tokens."""

        def __init__(self, vocab) -> None:
            self.vocab = vocab

        def __call__(self, text: str) -> Doc:
            words: list[str] = []
            spaces: list[bool] = []
            for match in TOKEN_PIECES_RE.finditer(text):
                piece = match.group(0)
                if piece.isspace():
                    if words and not spaces[-1] and piece[0] == " ":
                        spaces[-1] = True
                        piece = piece[1:]
                    if not piece:
                        continue
                words.append(piece)
                spaces.append(False)
            return Doc(self.vocab, words=words, spaces=spaces)

        # serialisation: the tokenizer has no state of its own
        def to_bytes(self, **kwargs) -> bytes:
            return b""

        def from_bytes(self, data: bytes, **kwargs) -> ReportTokenizer:
            return self

        def to_disk(self, path, **kwargs) -> None:
            Path(path).parent.mkdir(parents=True, exist_ok=True)
            Path(path).write_bytes(b"")

        def from_disk(self, path, **kwargs) -> ReportTokenizer:
            return self

    @spacy.registry.tokenizers(TOKENIZER_NAME)
    def make_report_tokenizer():
        def create(nlp):
            return ReportTokenizer(nlp.vocab)

        return create


def _config_text(training: dict) -> str:
    return f"""
[nlp]
lang = "en"
pipeline = ["ner"]
batch_size = 256

[nlp.tokenizer]
@tokenizers = "{TOKENIZER_NAME}"

[components]

[components.ner]
factory = "ner"
moves = null
update_with_oracle_cut_size = 100

[components.ner.model]
@architectures = "spacy.TransitionBasedParser.v2"
state_type = "ner"
extra_state_tokens = false
hidden_width = {training["hidden_width"]}
maxout_pieces = {training["parser_maxout_pieces"]}
use_upper = true
nO = null

[components.ner.model.tok2vec]
@architectures = "spacy.HashEmbedCNN.v2"
pretrained_vectors = null
width = {training["width"]}
depth = {training["depth"]}
embed_size = {training["embed_size"]}
window_size = {training["window_size"]}
maxout_pieces = {training["maxout_pieces"]}
subword_features = true
"""


def blank_pipeline(training: dict | None = None):
    """An untrained pipeline with our tokenizer and NER architecture."""
    import spacy

    _register_tokenizer()
    config = spacy.util.load_config_from_str(_config_text({**DEFAULT_TRAINING, **(training or {})}))
    return spacy.util.load_model_from_config(config, auto_fill=True, validate=True)


def _file_sha256(path: Path) -> str:
    sha = hashlib.sha256()
    with open(path, "rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            sha.update(block)
    return sha.hexdigest()


def training_digest(corpus_dir: Path, seed: int, training: dict) -> str:
    """SHA-256 over the training data, the configuration and the seed: the model's version."""
    import spacy

    sha = hashlib.sha256()
    sha.update(_file_sha256(Path(corpus_dir) / "train.jsonl").encode("ascii"))
    sha.update(_config_text({**DEFAULT_TRAINING, **training}).encode("utf-8"))
    sha.update(json.dumps({"seed": seed, "spacy": spacy.__version__}, sort_keys=True).encode("utf-8"))
    return sha.hexdigest()


def _lines(records: Iterable[dict]) -> list[dict]:
    """Split reports into lines with their spans: many short examples train faster than few long ones."""
    units = []
    for record in records:
        text = record["text"]
        offset = 0
        for line in text.split("\n"):
            end = offset + len(line)
            if line.strip():
                spans = [
                    {"start": s["start"] - offset, "end": s["end"] - offset, "label": s["label"]}
                    for s in record["spans"]
                    if s["start"] >= offset and s["end"] <= end
                ]
                units.append({"text": line, "spans": spans})
            offset = end + 1
    return units


def _examples(nlp, records: Iterable[dict]):
    from spacy.training import Example

    examples = []
    for record in records:
        text, index = collapse_whitespace(record["text"])
        position = {original: collapsed for collapsed, original in enumerate(index)}
        doc = nlp.make_doc(text)
        entities = []
        for span in record["spans"]:
            start, end = position.get(span["start"]), position.get(span["end"] - 1)
            if start is None or end is None:
                continue
            char_span = doc.char_span(start, end + 1, label=span["label"], alignment_mode="expand")
            if char_span is not None:
                entities.append((char_span.start_char, char_span.end_char, span["label"]))
        entities = _drop_overlaps(entities)
        examples.append(Example.from_dict(doc, {"entities": entities}))
    return examples


def _drop_overlaps(entities: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    kept: list[tuple[int, int, str]] = []
    for start, end, label in sorted(entities, key=lambda e: (e[0], -(e[1] - e[0]))):
        if kept and start < kept[-1][1]:
            continue
        kept.append((start, end, label))
    return kept


def _set_single_thread() -> None:
    # one CPU thread: reproducible floating point and fair to other jobs
    for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(variable, "1")


def train_model(corpus_dir: Path, model_dir: Path, seed: int = 0, training: dict | None = None) -> dict:
    """Train the NER on ``train.jsonl``, evaluate on ``heldout.jsonl``, write ``model_dir``.

    ``model_dir`` is replaced as a whole only when training and evaluation
    succeed. Returns the evaluation (also written to ``model_dir/evaluation.json``).
    """
    import spacy
    from spacy.util import fix_random_seed, minibatch

    _set_single_thread()
    corpus_dir, model_dir = Path(corpus_dir), Path(model_dir)
    training = {**DEFAULT_TRAINING, **(training or {})}
    for name in ("train.jsonl", "heldout.jsonl"):
        if not (corpus_dir / name).is_file():
            raise CxrbuildError(f"{corpus_dir / name}: missing training corpus file (write it with write_corpus)")
    train_records = read_jsonl(corpus_dir / "train.jsonl")
    heldout_records = read_jsonl(corpus_dir / "heldout.jsonl")
    digest = training_digest(corpus_dir, seed, training)

    started, started_cpu = time.monotonic(), time.process_time()
    fix_random_seed(seed)
    nlp = blank_pipeline(training)
    examples = _examples(nlp, _lines(train_records))
    optimizer = nlp.initialize(lambda: examples, sgd=None)
    optimizer.learn_rate = training["learn_rate"]
    order = random.Random(seed)
    for epoch in range(training["epochs"]):
        order.shuffle(examples)
        losses: dict[str, float] = {}
        for batch in minibatch(examples, size=training["batch_size"]):
            nlp.update(batch, sgd=optimizer, drop=training["dropout"], losses=losses)
        log.info("ner epoch %d/%d: loss %.1f", epoch + 1, training["epochs"], losses.get("ner", 0.0))
    train_seconds = time.monotonic() - started
    # CPU time of this process: what training costs on one core, whatever else runs
    train_cpu_seconds = time.process_time() - started_cpu

    nlp.meta["name"] = "cxrbuild_report_phi"
    nlp.meta["version"] = "0.0.0"
    nlp.meta["description"] = f"cxrbuild report PHI NER, training digest {digest}"

    model_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{model_dir.name}.", dir=model_dir.parent))
    try:
        nlp.to_disk(staging)
        meta = {
            "digest": digest,
            "seed": seed,
            "training": training,
            "labels": list(nlp.get_pipe("ner").labels),
            "n_train": len(train_records),
            "spacy": spacy.__version__,
        }
        atomic_write_text(staging / MODEL_META_FILE, json.dumps(meta, indent=2, sort_keys=True) + "\n")
        evaluation = evaluate_model(staging, heldout_records)
        evaluation.update(
            {
                "digest": digest,
                "n_train": len(train_records),
                "train_seconds": round(train_seconds, 1),
                "train_cpu_seconds": round(train_cpu_seconds, 1),
            }
        )
        atomic_write_text(staging / EVALUATION_FILE, json.dumps(evaluation, indent=2, sort_keys=True) + "\n")
        if model_dir.exists():
            shutil.rmtree(model_dir)
        os.replace(staging, model_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return evaluation


def evaluate_model(model_dir: Path, heldout_records: Sequence[dict]) -> dict:
    """Token-level scores on held-out reports: the model alone, the rules alone, and both merged."""
    from cxrbuild.text.deid import ReportDeidentifier
    from cxrbuild.text.metrics import score_documents

    model = PhiModel(model_dir)
    rules_only = ReportDeidentifier(model_dir=None, settings={"use_model": False})
    combined = ReportDeidentifier(model_dir=model_dir)
    texts = [record["text"] for record in heldout_records]
    gold = [[(s["start"], s["end"], s["label"]) for s in record["spans"]] for record in heldout_records]
    model_spans = model.predict(texts)
    rule_results = [rules_only.deidentify(text) for text in texts]
    combined_results = combined.deidentify_many(texts)
    as_tuples = lambda result: [(s.start, s.end, s.label) for s in result.spans]  # noqa: E731
    return {
        "n_heldout": len(heldout_records),
        "model": score_documents(zip(texts, gold, model_spans, strict=True)).as_dict(),
        "rules": score_documents(zip(texts, gold, map(as_tuples, rule_results), strict=True)).as_dict(),
        "combined": score_documents(zip(texts, gold, map(as_tuples, combined_results), strict=True)).as_dict(),
    }


class PhiModel:
    """A trained NER pipeline (ours or a hospital's) that returns PHI spans per text."""

    def __init__(self, model_dir: Path, batch_size: int = 256) -> None:
        import spacy

        _register_tokenizer()
        model_dir = Path(model_dir)
        if not model_dir.is_dir():
            raise CxrbuildError(f"{model_dir}: report NER model directory not found")
        try:
            self.nlp = spacy.load(model_dir)
        except (OSError, ValueError) as err:
            raise CxrbuildError(f"{model_dir}: not a loadable spaCy model ({err})") from err
        if "ner" not in self.nlp.pipe_names:
            raise CxrbuildError(f"{model_dir}: the spaCy model has no 'ner' component")
        # only the ner component (and what it listens to) runs at inference
        self.disabled = [name for name in self.nlp.pipe_names if name not in {"ner", "tok2vec", "transformer"}]
        self.batch_size = batch_size
        self.model_dir = model_dir
        meta_path = model_dir / MODEL_META_FILE
        self.digest = json.loads(meta_path.read_text())["digest"] if meta_path.is_file() else _directory_digest(model_dir)

    def predict(self, texts: Sequence[str]) -> list[list[tuple[int, int, str]]]:
        # the model reads each line on its own (as it was trained), whitespace collapsed
        lines: list[str] = []
        owners: list[tuple[int, list[int]]] = []
        for number, text in enumerate(texts):
            for line in LINE_RE.finditer(text):
                collapsed, index = collapse_whitespace(line.group(0))
                if collapsed.strip():
                    lines.append(collapsed)
                    owners.append((number, [line.start() + i for i in index]))
        results: list[list[tuple[int, int, str]]] = [[] for _ in texts]
        with self.nlp.select_pipes(disable=self.disabled):
            for doc, (number, index) in zip(self.nlp.pipe(lines, batch_size=self.batch_size), owners, strict=True):
                for ent in doc.ents:
                    # a label we do not know is still PHI to its model: keep it, as a name
                    label = ent.label_ if ent.label_ in LABELS else FOREIGN_LABELS.get(ent.label_.upper(), "NAME")
                    results[number].append((*_to_original(index, ent.start_char, ent.end_char), label))
        return results


def _directory_digest(model_dir: Path) -> str:
    """SHA-256 over a foreign model's files, so its version can still be recorded."""
    sha = hashlib.sha256()
    for path in sorted(p for p in model_dir.rglob("*") if p.is_file()):
        sha.update(str(path.relative_to(model_dir)).encode("utf-8"))
        sha.update(_file_sha256(path).encode("ascii"))
    return sha.hexdigest()
