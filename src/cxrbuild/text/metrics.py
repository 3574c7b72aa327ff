"""Token-level PHI detection scores, the measure used for de-identification.

A token is a run of letters or digits (never an underscore). A gold PHI token
is *recalled* when any predicted span covers it, whatever the label: for
de-identification what counts is that it is removed. Precision counts the
predicted tokens that are gold PHI of any label. Per-label recall groups the
gold tokens by their gold label; per-label precision groups the predicted
tokens by their predicted label.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

TOKEN_RE = re.compile(r"[0-9A-Za-zÀ-ÖØ-öø-ÿ]+")


def _covering_labels(spans: Iterable[tuple[int, int, str]], text_length: int) -> list[str | None]:
    labels: list[str | None] = [None] * text_length
    for start, end, label in spans:
        for index in range(max(0, start), min(end, text_length)):
            labels[index] = label
    return labels


@dataclass
class TokenScores:
    gold: Counter = field(default_factory=Counter)  # gold PHI tokens per gold label
    found: Counter = field(default_factory=Counter)  # of those, covered by a prediction
    predicted: Counter = field(default_factory=Counter)  # predicted tokens per predicted label
    correct: Counter = field(default_factory=Counter)  # of those, gold PHI
    missed: list[tuple[str, str]] = field(default_factory=list)  # (label, token) examples
    false_positives: list[tuple[str, str]] = field(default_factory=list)

    def add(self, text: str, gold: Sequence[tuple[int, int, str]], predicted: Sequence[tuple[int, int, str]]) -> None:
        gold_labels = _covering_labels(gold, len(text))
        predicted_labels = _covering_labels(predicted, len(text))
        for match in TOKEN_RE.finditer(text):
            start, end = match.span()
            gold_label = next((gold_labels[i] for i in range(start, end) if gold_labels[i]), None)
            predicted_label = next((predicted_labels[i] for i in range(start, end) if predicted_labels[i]), None)
            if gold_label:
                self.gold[gold_label] += 1
                if predicted_label:
                    self.found[gold_label] += 1
                elif len(self.missed) < 200:
                    self.missed.append((gold_label, match.group(0)))
            if predicted_label:
                self.predicted[predicted_label] += 1
                if gold_label:
                    self.correct[predicted_label] += 1
                elif len(self.false_positives) < 200:
                    self.false_positives.append((predicted_label, match.group(0)))

    @staticmethod
    def _ratio(numerator: int, denominator: int) -> float:
        return numerator / denominator if denominator else 1.0

    def recall(self, label: str | None = None) -> float:
        if label is None:
            return self._ratio(sum(self.found.values()), sum(self.gold.values()))
        return self._ratio(self.found[label], self.gold[label])

    def precision(self, label: str | None = None) -> float:
        if label is None:
            return self._ratio(sum(self.correct.values()), sum(self.predicted.values()))
        return self._ratio(self.correct[label], self.predicted[label])

    def as_dict(self) -> dict:
        labels = sorted(set(self.gold) | set(self.predicted))
        return {
            "overall": {
                "recall": round(self.recall(), 5),
                "precision": round(self.precision(), 5),
                "gold_tokens": sum(self.gold.values()),
                "predicted_tokens": sum(self.predicted.values()),
            },
            "labels": {
                label: {
                    "recall": round(self.recall(label), 5),
                    "precision": round(self.precision(label), 5),
                    "gold_tokens": self.gold[label],
                    "predicted_tokens": self.predicted[label],
                }
                for label in labels
            },
        }


def score_documents(records: Iterable[tuple[str, Sequence[tuple[int, int, str]], Sequence[tuple[int, int, str]]]]) -> TokenScores:
    """Scores over (text, gold spans, predicted spans) triples."""
    scores = TokenScores()
    for text, gold, predicted in records:
        scores.add(text, gold, predicted)
    return scores
