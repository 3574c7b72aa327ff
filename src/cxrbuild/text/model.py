"""The neural half of report de-identification: a small window tagger in NumPy.

Each token (a run of letters, a run of digits, or one other character) gets
a vector: learned embeddings of its lower-cased form, its first and last
three letters and its shape ("Xxxx", "99/99"), beside what the word lists
say of it (a given name, a surname, a place, an English word, clinical
vocabulary, a cue word; :mod:`cxrbuild.text.lexicon`) and whether the
document has capitals at all. The vectors of the token and its two
neighbours on each side feed one hidden layer (ReLU) and a softmax over the
PHI labels and "no PHI". Adjacent tokens of one label make one span.

It is trained here, by the workflow, on a mixture of independently written
corpora (:mod:`cxrbuild.synth.report_corpora`), each document also rendered
in ALL CAPS and in lower case, on one thread with a fixed seed: the same
corpus and seed give the same weights. NumPy alone runs it, about a
millisecond a report on one core, so it needs no other runtime.

The model directory holds ``weights.npz``, ``vocab.json``,
``cxrbuild_model.json`` (kind, digest, training settings) and
``evaluation.json`` (the model alone on held-out documents of each corpus).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

from cxrbuild.text.categories import LABELS
from cxrbuild.text.lexicon import FUNCTION_WORDS, Lexicon, default_lexicon, fold
from cxrbuild.text.metrics import score_documents
from cxrbuild.text.spans import (
    CALENDAR_WORDS,
    LETTERS,
    capitals_mean_nothing,
)
from cxrbuild.util.atomic import atomic_directory, atomic_write_text
from cxrbuild.util.errors import CxrbuildError

log = logging.getLogger("cxrbuild.text.model")

MODEL_KIND = "cxrbuild-window-tagger"
MODEL_META_FILE = "cxrbuild_model.json"
EVALUATION_FILE = "evaluation.json"
WEIGHTS_FILE = "weights.npz"
VOCAB_FILE = "vocab.json"
TOKEN_RE = re.compile(r"[" + LETTERS + r"]+|[0-9]+|[^\s" + LETTERS + r"0-9]")
LINE_BREAK_RE = re.compile("\n")
# distinct tokens whose features are kept (the tables start again past this)
MAX_CACHED_TOKENS = 200_000
TAGS = ("O", *LABELS)
WINDOW = 2  # neighbours on each side
FEATURE_KINDS = ("word", "prefix", "suffix", "shape")
CUE_WORDS = frozenset(
    ["dr", "mr", "mrs", "ms", "miss", "prof", "nurse", "sister", "rn", "np", "pa", "md", "do", "phd", "mbbs", "son", "daughter", "wife", "husband", "mother", "father", "brother", "sister", "friend", "partner", "patient", "pt", "name", "signed", "dictated", "by", "with", "to", "from", "at", "in", "of", "mrn", "acc", "accession", "dob", "age", "yo", "y/o", "pager", "pgr", "ext", "tel", "phone", "fax", "email", "street", "st", "ave", "road", "rd", "hospital", "clinic", "center", "centre", "lives", "works"]
)

# The training configuration; it enters the model digest.
DEFAULT_TRAINING = {
    "documents_per_generator": 300,
    "heldout_per_generator": 100,
    "embedding": 24,
    "hidden": 64,
    "epochs": 4,
    "batch_size": 256,
    "learn_rate": 0.003,
    "min_count": 2,
}


def tokens(text: str) -> list[re.Match[str]]:
    return list(TOKEN_RE.finditer(text))


def _letters(first: str, last: str) -> list[str]:
    return [chr(code) for code in range(ord(first), ord(last) + 1)]


# a token's characters as its shape writes them: capitals (A-Z, À-Þ) "X", small letters (a-z, ß-ÿ) "x", digits "9"
SHAPE_TABLE = str.maketrans({**dict.fromkeys([*_letters("A", "Z"), *_letters("À", "Þ")], "X"),
                             **dict.fromkeys([*_letters("a", "z"), *_letters("ß", "ÿ")], "x"),
                             **dict.fromkeys("0123456789", "9")})
# a character repeated three times or more: written twice in a shape
SHAPE_RUN_RE = re.compile(r"(.)\1{2,}")


def _shape(token: str) -> str:
    return SHAPE_RUN_RE.sub(r"\1\1", token.translate(SHAPE_TABLE))[:6]


DENSE_FEATURES = (
    "given", "surname", "place", "english", "safe", "eponym", "function", "cue", "month", "capitalised", "upper",
    "lower", "digit", "digits2", "digits4", "digits6", "caseless", "line_start", "long",
)


class Featurizer:
    """Token features: ids into each learned table, and the lexicon's binary facts (cached per word)."""

    def __init__(self, vocab: dict[str, dict[str, int]], lexicon: Lexicon) -> None:
        self.vocab = vocab
        self.lexicon = lexicon
        # every token seen: its row in two tables, so a document's features are one gather
        self._rows: dict[str, int] = {}
        self._ids = np.zeros((1024, len(FEATURE_KINDS)), dtype=np.int32)
        self._dense = np.zeros((1024, len(DENSE_FEATURES)), dtype=np.float32)

    def _row(self, token: str) -> int:
        """The token's row in the tables, its features computed on first sight."""
        row = len(self._rows)
        if row == len(self._ids):
            self._ids = np.concatenate([self._ids, np.zeros_like(self._ids)])
            self._dense = np.concatenate([self._dense, np.zeros_like(self._dense)])
        self._ids[row], self._dense[row] = self.word(token)
        self._rows[token] = row
        return row

    def word(self, token: str) -> tuple[tuple[int, ...], tuple[float, ...]]:
        lower = token.lower()
        ids = (
            self.vocab["word"].get(lower, 0),
            self.vocab["prefix"].get(lower[:3], 0),
            self.vocab["suffix"].get(lower[-3:], 0),
            self.vocab["shape"].get(_shape(token), 0),
        )
        lexicon = self.lexicon
        folded = fold(token)
        alpha = token.isalpha()
        digits = len(token) if token.isdigit() else 0
        dense = (
            float(alpha and folded in lexicon.given),
            float(alpha and folded in lexicon.surnames),
            float(alpha and folded in lexicon.places),
            float(alpha and folded in lexicon.english),
            float(alpha and folded in lexicon.safe),
            float(alpha and folded in lexicon.eponyms),
            float(folded in FUNCTION_WORDS),
            float(folded in CUE_WORDS),
            float(folded in CALENDAR_WORDS),
            float(token[:1].isupper()),
            float(alpha and token.isupper()),
            float(alpha and token.islower()),
            float(digits > 0),
            float(digits == 2),
            float(digits == 4),
            float(digits >= 6),
            0.0,  # caseless: set per document
            0.0,  # line start: set per token
            float(len(token) > 8),
        )
        return ids, dense

    def document(self, text: str) -> tuple[list[re.Match[str]], np.ndarray, np.ndarray]:
        """(tokens, ids [n, 4], dense [n, len(DENSE_FEATURES)]) of one document."""
        found = tokens(text)
        if not found:
            return found, np.zeros((0, len(FEATURE_KINDS)), dtype=np.int32), np.zeros((0, len(DENSE_FEATURES)), dtype=np.float32)
        if len(self._rows) > MAX_CACHED_TOKENS:
            self._rows.clear()
        rows = self._rows
        index = [rows[token] if token in rows else self._row(token) for token in map(re.Match.group, found)]
        ids = self._ids[index]
        dense = self._dense[index]
        dense[:, 16] = float(capitals_mean_nothing(text))
        # a token starts a line when a line break lies between it and the token before
        starts = np.fromiter(map(re.Match.start, found), dtype=np.int64, count=len(found))
        breaks = np.array([match.start() for match in LINE_BREAK_RE.finditer(text)] or [-1])
        line_of = np.searchsorted(breaks, starts)
        dense[:, 17] = np.concatenate(([True], line_of[1:] != line_of[:-1]))
        return found, ids, dense


def build_vocab(texts: Iterable[str], min_count: int) -> dict[str, dict[str, int]]:
    counts: dict[str, Counter] = {kind: Counter() for kind in FEATURE_KINDS}
    for text in texts:
        for match in TOKEN_RE.finditer(text):
            token = match.group(0)
            lower = token.lower()
            counts["word"][lower] += 1
            counts["prefix"][lower[:3]] += 1
            counts["suffix"][lower[-3:]] += 1
            counts["shape"][_shape(token)] += 1
    # id 0 is "unknown"; sorted for a deterministic vocabulary
    return {
        kind: {value: index + 1 for index, value in enumerate(sorted(v for v, c in counter.items() if c >= min_count))}
        for kind, counter in counts.items()
    }


class Network:
    """Embeddings, window concatenation, one ReLU layer, softmax over TAGS."""

    def __init__(self, sizes: dict[str, int], embedding: int, hidden: int, rng: np.random.Generator) -> None:
        self.tables = {kind: (rng.standard_normal((sizes[kind] + 1, embedding)) * 0.1).astype(np.float32) for kind in FEATURE_KINDS}
        width = (2 * WINDOW + 1) * (embedding + len(DENSE_FEATURES))
        self.w1 = (rng.standard_normal((width, hidden)) * np.sqrt(2.0 / width)).astype(np.float32)
        self.b1 = np.zeros(hidden, dtype=np.float32)
        self.w2 = (rng.standard_normal((hidden, len(TAGS))) * np.sqrt(1.0 / hidden)).astype(np.float32)
        self.b2 = np.zeros(len(TAGS), dtype=np.float32)

    def token_vectors(self, ids: np.ndarray, dense: np.ndarray) -> np.ndarray:
        summed = sum(self.tables[kind][ids[:, k]] for k, kind in enumerate(FEATURE_KINDS))
        return np.concatenate([summed, dense], axis=1)

    def forward(self, windows: np.ndarray, vectors: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        """windows [b, 2W+1] of row numbers into vectors (the last row is padding) -> (x, hidden, logits)."""
        x = vectors[windows].reshape(len(windows), -1)
        z = x @ self.w1 + self.b1
        h = np.maximum(z, 0.0)
        return x, h, h @ self.w2 + self.b2

    def save(self, path: Path) -> None:
        np.savez(path, w1=self.w1, b1=self.b1, w2=self.w2, b2=self.b2, **{f"table_{k}": v for k, v in self.tables.items()})

    @classmethod
    def load(cls, path: Path) -> Network:
        data = np.load(path)
        network = cls.__new__(cls)
        network.tables = {kind: data[f"table_{kind}"] for kind in FEATURE_KINDS}
        network.w1, network.b1, network.w2, network.b2 = data["w1"], data["b1"], data["w2"], data["b2"]
        return network


def _windows(lengths: Sequence[int], pad: int) -> np.ndarray:
    """Row numbers of each token's window, documents kept apart (``pad`` past their edges)."""
    rows = []
    offset = 0
    for length in lengths:
        positions = np.arange(length)[:, None] + np.arange(-WINDOW, WINDOW + 1)[None, :]
        window = positions + offset
        window[(positions < 0) | (positions >= length)] = pad
        rows.append(window)
        offset += length
    return np.concatenate(rows) if rows else np.zeros((0, 2 * WINDOW + 1), dtype=np.int64)


def _gold_tags(text: str, found: list[re.Match[str]], spans: Sequence[dict]) -> np.ndarray:
    labels = [0] * len(text)
    for span in spans:
        tag = TAGS.index(span["label"]) if span["label"] in TAGS else TAGS.index("NAME")
        for index in range(span["start"], min(span["end"], len(text))):
            labels[index] = tag
    return np.array([max(labels[m.start():m.end()]) for m in found], dtype=np.int64)


def render_cases(records: Sequence[dict]) -> list[dict]:
    """Each document as written, in ALL CAPS and in lower case (where the case change keeps every offset)."""
    rendered = []
    for record in records:
        rendered.append(record)
        for change in (str.upper, str.lower):
            text = change(record["text"])
            if len(text) == len(record["text"]) and text != record["text"]:
                rendered.append({**record, "text": text})
    return rendered


def training_digest(records: Sequence[dict], seed: int, training: dict) -> str:
    sha = hashlib.sha256()
    sha.update(json.dumps({"kind": MODEL_KIND, "seed": seed, "training": training}, sort_keys=True).encode("utf-8"))
    for record in records:
        sha.update(json.dumps([record["text"], record["phi"]], sort_keys=True).encode("utf-8"))
    return sha.hexdigest()


def train(model_dir: Path, train_records: Sequence[dict], heldout: dict[str, Sequence[dict]], seed: int = 0,
          training: dict | None = None, lexicon: Lexicon | None = None) -> dict:
    """Train on ``train_records`` (each with "text" and "phi"), score on ``heldout``, write ``model_dir``.

    ``model_dir`` is replaced as a whole only when training and evaluation succeed.
    """
    for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(variable, "1")
    training = {**DEFAULT_TRAINING, **(training or {})}
    lexicon = lexicon or default_lexicon()
    started = time.process_time()
    records = render_cases(train_records)
    digest = training_digest(records, seed, training)
    vocab = build_vocab((r["text"] for r in records), training["min_count"])
    featurizer = Featurizer(vocab, lexicon)
    all_ids, all_dense, all_tags, lengths = [], [], [], []
    for record in records:
        found, ids, dense = featurizer.document(record["text"])
        all_ids.append(ids)
        all_dense.append(dense)
        all_tags.append(_gold_tags(record["text"], found, record["phi"]))
        lengths.append(len(found))
    ids = np.concatenate(all_ids)
    dense = np.concatenate(all_dense)
    tags = np.concatenate(all_tags)
    pad = len(ids)
    windows = _windows(lengths, pad)
    rng = np.random.default_rng(seed)
    network = Network({kind: len(vocab[kind]) for kind in FEATURE_KINDS}, training["embedding"], training["hidden"], rng)
    pad_ids = np.zeros((1, len(FEATURE_KINDS)), dtype=np.int32)
    pad_dense = np.zeros((1, len(DENSE_FEATURES)), dtype=np.float32)
    ids_padded = np.concatenate([ids, pad_ids])
    dense_padded = np.concatenate([dense, pad_dense])
    optimizer = _Adam(network, training["learn_rate"])
    embedding = training["embedding"]
    width = embedding + len(DENSE_FEATURES)
    for epoch in range(training["epochs"]):
        order = rng.permutation(len(tags))
        total = 0.0
        for offset in range(0, len(order), training["batch_size"]):
            batch = order[offset:offset + training["batch_size"]]
            rows = windows[batch]  # [b, 2W+1]
            unique_rows, inverse = np.unique(rows, return_inverse=True)
            vectors = network.token_vectors(ids_padded[unique_rows], dense_padded[unique_rows])
            vectors[unique_rows == pad] = 0.0
            x, h, logits = network.forward(inverse.reshape(rows.shape), vectors)
            logits -= logits.max(axis=1, keepdims=True)
            probabilities = np.exp(logits)
            probabilities /= probabilities.sum(axis=1, keepdims=True)
            target = tags[batch]
            total += float(-np.log(probabilities[np.arange(len(batch)), target] + 1e-9).sum())
            grad_logits = probabilities
            grad_logits[np.arange(len(batch)), target] -= 1.0
            grad_logits /= len(batch)
            grads = {"w2": h.T @ grad_logits, "b2": grad_logits.sum(axis=0)}
            grad_h = grad_logits @ network.w2.T
            grad_h[h <= 0] = 0.0
            grads["w1"] = x.T @ grad_h
            grads["b1"] = grad_h.sum(axis=0)
            grad_x = (grad_h @ network.w1.T).reshape(len(batch) * (2 * WINDOW + 1), width)[:, :embedding]
            # back to each distinct token, then to each table row it reads
            grad_vectors = np.zeros((len(unique_rows), embedding), dtype=np.float32)
            np.add.at(grad_vectors, inverse.reshape(-1), grad_x)
            table_grads = {}
            for k, kind in enumerate(FEATURE_KINDS):
                table_ids = ids_padded[unique_rows, k]
                table_ids = np.where(unique_rows == pad, -1, table_ids)
                keep = table_ids >= 0
                table_grads[kind] = (table_ids[keep], grad_vectors[keep])
            optimizer.step(grads, table_grads)
        log.info("tagger epoch %d/%d: loss %.4f", epoch + 1, training["epochs"], total / len(tags))
    train_cpu_seconds = time.process_time() - started

    with atomic_directory(model_dir) as staging:
        network.save(staging / WEIGHTS_FILE)
        atomic_write_text(staging / VOCAB_FILE, json.dumps(vocab, sort_keys=True) + "\n")
        meta = {"kind": MODEL_KIND, "digest": digest, "seed": seed, "training": training, "tags": list(TAGS),
                "n_train": len(train_records), "lexicon": lexicon.digest}
        atomic_write_text(staging / MODEL_META_FILE, json.dumps(meta, indent=2, sort_keys=True) + "\n")
        tagger = PhiTagger(staging, lexicon=lexicon)
        evaluation: dict = {"digest": digest, "n_train": len(train_records), "train_cpu_seconds": round(train_cpu_seconds, 1),
                            "heldout": {}}
        for name, records_heldout in heldout.items():
            texts = [r["text"] for r in records_heldout]
            gold = [[(s["start"], s["end"], s["label"]) for s in r["phi"]] for r in records_heldout]
            scores = score_documents(zip(texts, gold, tagger.predict(texts), strict=True))
            evaluation["heldout"][name] = {"n": len(texts), **scores.as_dict()}
        atomic_write_text(staging / EVALUATION_FILE, json.dumps(evaluation, indent=2, sort_keys=True) + "\n")
    return evaluation


class _Adam:
    """Adam on the dense weights; lazy Adam (only the rows read) on the embedding tables."""

    def __init__(self, network: Network, learn_rate: float, beta1: float = 0.9, beta2: float = 0.999) -> None:
        self.network = network
        self.rate, self.beta1, self.beta2 = learn_rate, beta1, beta2
        self.moments = {name: (np.zeros_like(getattr(network, name)), np.zeros_like(getattr(network, name))) for name in ("w1", "b1", "w2", "b2")}
        self.table_moments = {kind: (np.zeros_like(t), np.zeros_like(t)) for kind, t in network.tables.items()}
        self.steps = 0

    def step(self, grads: dict[str, np.ndarray], table_grads: dict[str, tuple[np.ndarray, np.ndarray]]) -> None:
        self.steps += 1
        correction = np.sqrt(1 - self.beta2**self.steps) / (1 - self.beta1**self.steps)
        for name, grad in grads.items():
            first, second = self.moments[name]
            first *= self.beta1
            first += (1 - self.beta1) * grad
            second *= self.beta2
            second += (1 - self.beta2) * grad * grad
            setattr(self.network, name, getattr(self.network, name) - self.rate * correction * first / (np.sqrt(second) + 1e-8))
        for kind, (rows, grad) in table_grads.items():
            if not len(rows):
                continue
            unique, inverse = np.unique(rows, return_inverse=True)
            summed = np.zeros((len(unique), grad.shape[1]), dtype=np.float32)
            np.add.at(summed, inverse, grad)
            first, second = self.table_moments[kind]
            first[unique] = self.beta1 * first[unique] + (1 - self.beta1) * summed
            second[unique] = self.beta2 * second[unique] + (1 - self.beta2) * summed * summed
            table = self.network.tables[kind]
            table[unique] -= (self.rate * correction * first[unique] / (np.sqrt(second[unique]) + 1e-8)).astype(np.float32)


class PhiTagger:
    """A trained window tagger: PHI spans per text."""

    def __init__(self, model_dir: Path, batch_size: int = 64, lexicon: Lexicon | None = None) -> None:
        model_dir = Path(model_dir)
        meta_path = model_dir / MODEL_META_FILE
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            vocab = json.loads((model_dir / VOCAB_FILE).read_text(encoding="utf-8"))
            self.network = Network.load(model_dir / WEIGHTS_FILE)
        except (OSError, ValueError, KeyError) as err:
            raise CxrbuildError(f"{model_dir}: not a readable cxrbuild report model ({err})") from err
        if meta.get("kind") != MODEL_KIND or tuple(meta.get("tags", ())) != TAGS:
            raise CxrbuildError(f"{model_dir}: a model of another kind or label set ({meta.get('kind')}); retrain it")
        self.digest = meta["digest"]
        self.model_dir = model_dir
        self.batch_size = batch_size
        self.featurizer = Featurizer(vocab, lexicon or default_lexicon())

    def predict(self, texts: Sequence[str]) -> list[list[tuple[int, int, str]]]:
        results: list[list[tuple[int, int, str]]] = []
        for offset in range(0, len(texts), self.batch_size):
            batch = texts[offset:offset + self.batch_size]
            documents = [self.featurizer.document(text) for text in batch]
            lengths = [len(found) for found, _, _ in documents]
            if not sum(lengths):
                results.extend([] for _ in batch)
                continue
            ids = np.concatenate([d[1] for d in documents] + [np.zeros((1, len(FEATURE_KINDS)), dtype=np.int32)])
            dense = np.concatenate([d[2] for d in documents] + [np.zeros((1, len(DENSE_FEATURES)), dtype=np.float32)])
            vectors = self.network.token_vectors(ids, dense)
            vectors[-1] = 0.0
            _, _, logits = self.network.forward(_windows(lengths, len(ids) - 1), vectors)
            tags = logits.argmax(axis=1)
            cursor = 0
            for text, (found, _, _), length in zip(batch, documents, lengths, strict=True):
                results.append(_spans(text, found, tags[cursor:cursor + length]))
                cursor += length
        return results


def _spans(text: str, found: list[re.Match[str]], tags: np.ndarray) -> list[tuple[int, int, str]]:
    """Adjacent tokens of one label, on one line, make one span."""
    spans: list[tuple[int, int, str]] = []
    for index in np.flatnonzero(tags).tolist():  # the tokens tagged other than "O", in order
        match = found[index]
        label = TAGS[tags[index]]
        if spans and spans[-1][2] == label and "\n" not in text[spans[-1][1]:match.start()] and match.start() - spans[-1][1] <= 2:
            spans[-1] = (spans[-1][0], match.end(), label)
        else:
            spans.append((match.start(), match.end(), label))
    return spans


def is_tagger(model_dir: Path) -> bool:
    meta_path = Path(model_dir) / MODEL_META_FILE
    if not meta_path.is_file():
        return False
    try:
        return json.loads(meta_path.read_text(encoding="utf-8")).get("kind") == MODEL_KIND
    except ValueError:
        return False
