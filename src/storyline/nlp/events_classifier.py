"""The learned PLOVER event-type classifier: TF-IDF features and a multinomial logistic regression.

Trained by ``python -m storyline.training.events`` on the synthetic PLOVER stories and shipped as plain arrays
(``models/plover_types.npz``: vocabulary, idf, weights) rather than a pickle, so loading runs no code and does
not depend on the scikit-learn version that trained it. It chooses among the types a trigger's lexicon entries
allow and adds its support to an event's confidence; without the artefact the lexicon's first entry is used.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np

from storyline.config import package_data
from storyline.nlp.events_lexicon import Trigger

MODEL_FILE = "plover_types.npz"
TOKEN_PATTERN = re.compile(r"(?u)\b\w\w+\b")


@dataclass(frozen=True)
class TypeClassifier:
    vocabulary: dict[str, int]
    idf: np.ndarray
    weights: np.ndarray
    """One row per class, one column per vocabulary entry."""
    bias: np.ndarray
    classes: tuple[str, ...]
    ngram_max: int
    support_weight: float = 0.0
    """The classifier's share in an event's confidence against the lexical evidence (tuned in training)."""

    def features(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        """Sublinear TF-IDF, L2-normalised, as (vocabulary indices, values): the training vectoriser's
        transform, kept sparse because a sentence has a handful of the vocabulary's terms."""
        counts: dict[int, int] = {}
        for term in _ngrams(text, self.ngram_max):
            if (index := self.vocabulary.get(term)) is not None:
                counts[index] = counts.get(index, 0) + 1
        indices = np.fromiter(counts, dtype=np.int64, count=len(counts))
        values = (1.0 + np.log(np.fromiter(counts.values(), dtype=np.float64, count=len(counts)))) * self.idf[
            indices
        ]
        norm = math.sqrt(float((values * values).sum()))
        return indices, values / norm if norm else values

    def probabilities(self, text: str) -> dict[str, float]:
        indices, values = self.features(text)
        scores = self.weights[:, indices] @ values + self.bias
        scores = np.exp(scores - scores.max())
        scores /= scores.sum()
        return dict(zip(self.classes, scores.tolist(), strict=True))


def _ngrams(text: str, ngram_max: int) -> list[str]:
    words = TOKEN_PATTERN.findall(text.lower())
    grams = list(words)
    for n in range(2, ngram_max + 1):
        grams += [" ".join(words[i : i + n]) for i in range(len(words) - n + 1)]
    return grams


def load_classifier(path: Path) -> TypeClassifier:
    with np.load(path, allow_pickle=False) as data:
        terms = [str(t) for t in data["terms"]]
        return TypeClassifier(
            vocabulary={term: i for i, term in enumerate(terms)},
            idf=data["idf"].astype(np.float64),
            weights=data["weights"].astype(np.float64),
            bias=data["bias"].astype(np.float64),
            classes=tuple(str(c) for c in data["classes"]),
            ngram_max=int(data["ngram_max"]),
            support_weight=float(data["support_weight"]) if "support_weight" in data else 0.0,
        )


@lru_cache(maxsize=1)
def shipped_classifier() -> TypeClassifier | None:
    path = package_data("models", MODEL_FILE)
    return load_classifier(path) if path.exists() else None


def sentence_support(sentence: str, classifier: TypeClassifier | None) -> dict[str, float]:
    """The classifier's probability of each PLOVER type for a sentence (empty without a classifier)."""
    return classifier.probabilities(sentence) if classifier is not None else {}


def choose_type(entries: list[Trigger], support: dict[str, float]) -> Trigger:
    """The entry whose type the classifier finds most probable for the sentence; the first when only one type
    is possible or there is no classifier."""
    if len({e.type for e in entries}) == 1 or not support:
        return entries[0]
    return max(entries, key=lambda e: support.get(e.type, 0.0))
