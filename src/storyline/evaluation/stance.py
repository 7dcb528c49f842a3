"""Headline–body stance (FNC-1): the official FNC score and class-wise/macro F1, with a TF-IDF baseline.

The folder holds two CSV files recognised by their headers: bodies (``Body ID,articleBody``) and pairs
(``Headline,Body ID,Stance``). Storyline has no stance model yet (a later capability issue); the row here is a
*baseline*: TF-IDF cosine similarity between headline and body decides related/unrelated, and the rates of
refuting and hedging cue words in the body split related pairs into disagree/discuss/agree. Its four
thresholds are fitted by 5-fold cross-validation grouped by body inside the folder (there is no training
split): every pair is predicted with thresholds fitted on the other folds.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache
from itertools import product
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.model_selection import GroupKFold

from storyline.config import Settings, package_data
from storyline.evaluation.base import EvalReport, prf

LABELS = ("agree", "disagree", "discuss", "unrelated")
RELATED = frozenset(LABELS[:3])
ANCHORS = {
    "FNC-1 winner SOLAT in the SWEN (Talos), full test set": {"fnc_score": 0.8202},
    "Talos per Hanselowski et al. 2018, full test set": {"macro_f1": 0.582},
}
FOLDS = 5
_WORD = re.compile(r"[a-z]+")


@dataclass
class Pair:
    headline: str
    body_id: str
    stance: str


@dataclass(frozen=True)
class Thresholds:
    related: float
    """Cosine similarity from which a headline and body are about the same claim."""
    refute: float
    """Refuting cue words per 100 body words from which a related body disagrees."""
    hedge: float
    """Hedging cue words per 100 body words from which a related, non-refuting body discusses."""
    agree: float
    """Cosine similarity from which a related, non-refuting, non-hedging body agrees."""


def evaluate(data_dir: Path, *, settings: Settings, limit: int | None = None) -> EvalReport:
    bodies, pairs = read_folder(data_dir, limit)
    gold = [pair.stance for pair in pairs]
    predicted = predict_cross_validated(pairs, bodies)
    scores = score_stances(gold, predicted)
    return EvalReport(
        task="stance",
        data_dir=str(data_dir),
        n_items=len(pairs),
        metrics=scores["metrics"],
        anchors=ANCHORS,
        peers={"all unrelated (null baseline)": score_stances(gold, ["unrelated"] * len(gold))["metrics"]},
        breakdown=scores["per_class"],
        notes=[
            "ours = TF-IDF cosine + refute/hedge cue baseline (evaluation/stance.py), not a stance model",
            f"its 4 thresholds are fitted by {FOLDS}-fold cross-validation grouped by body within this "
            "folder (no training split exists); each pair is predicted by thresholds fitted on other folds",
            "anchors are on the full FNC-1 competition test set; this folder is its dev half",
        ],
    )


# --- reading -----------------------------------------------------------------------------------------


def read_folder(data_dir: Path, limit: int | None = None) -> tuple[dict[str, str], list[Pair]]:
    """Bodies by id and the (first ``limit``) pairs, from the CSV files recognised by their headers."""
    bodies: dict[str, str] | None = None
    pairs: list[Pair] | None = None
    for path in sorted(data_dir.glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            reader = csv.DictReader(handle)
            columns = set(reader.fieldnames or [])
            if {"Body ID", "articleBody"} <= columns:
                bodies = {row["Body ID"]: row["articleBody"] for row in reader}
            elif {"Headline", "Body ID", "Stance"} <= columns:
                pairs = [
                    Pair(row["Headline"], row["Body ID"], row["Stance"].strip().lower()) for row in reader
                ]
    if bodies is None or pairs is None:
        raise FileNotFoundError(
            f"{data_dir} needs two CSV files: bodies (Body ID,articleBody) "
            "and pairs (Headline,Body ID,Stance)"
        )
    unknown = {pair.stance for pair in pairs} - set(LABELS)
    if unknown:
        raise ValueError(f"{data_dir}: unknown stance labels {sorted(unknown)}; expected {', '.join(LABELS)}")
    return bodies, pairs[:limit]


# --- scoring (FNC-1 scorer.py and Hanselowski et al. 2018) ---------------------------------------------


def fnc_points(gold: np.ndarray, predicted: np.ndarray) -> np.ndarray:
    """Per pair: 0.25 for the related/unrelated decision, plus 0.75 for the exact label of a related pair."""
    gold_related = np.isin(gold, list(RELATED))
    right_side = gold_related == np.isin(predicted, list(RELATED))
    return 0.25 * right_side + 0.75 * (gold_related & (gold == predicted))


def score_stances(gold: list[str], predicted: list[str]) -> dict[str, dict]:
    """Relative FNC score, accuracy, macro P/R/F1; per class its P/R/F1 and confusion-matrix row."""
    gold_array, predicted_array = np.array(gold, dtype=object), np.array(predicted, dtype=object)
    maximum = fnc_points(gold_array, gold_array).sum()
    achieved = fnc_points(gold_array, predicted_array).sum()
    confusion = Counter(zip(gold, predicted, strict=True))
    per_class = {
        label: _class_scores(label, gold, predicted, confusion)
        | {f"predicted {other}": float(confusion[label, other]) for other in LABELS}
        for label in LABELS
    }
    macro = {
        name: float(np.mean([scores[name] for scores in per_class.values()]))
        for name in ("precision", "recall", "f1")
    }
    metrics = macro | {
        "macro_f1": macro["f1"],
        "fnc_score": achieved / maximum if maximum else 0.0,
        "accuracy": sum(g == p for g, p in zip(gold, predicted, strict=True)) / len(gold) if gold else 0.0,
    }
    return {"metrics": metrics, "per_class": per_class}


def _class_scores(label: str, gold: list[str], predicted: list[str], confusion: Counter) -> dict[str, float]:
    scores = prf(confusion[label, label], predicted.count(label), gold.count(label))
    return scores | {"support": float(gold.count(label))}


# --- the baseline ------------------------------------------------------------------------------------


@cache
def cue_words() -> dict[str, frozenset[str]]:
    data = json.loads(package_data("lexicons", "fnc_baseline_cues.json").read_text(encoding="utf-8"))
    cues = {kind: frozenset(data.get(kind, [])) for kind in ("refute", "hedge")}
    if not all(cues.values()) or any(
        word != word.lower() or " " in word for kind in cues.values() for word in kind
    ):
        raise ValueError(
            "lexicons/fnc_baseline_cues.json needs non-empty lower-case 'refute' and 'hedge' word lists"
        )
    return cues


def pair_features(pairs: list[Pair], bodies: dict[str, str]) -> np.ndarray:
    """Per pair: TF-IDF cosine of headline and body, refuting and hedging cues per 100 body words."""
    body_ids = sorted({pair.body_id for pair in pairs})
    vectorizer = TfidfVectorizer(sublinear_tf=True, stop_words="english")
    vectorizer.fit([bodies[i] for i in body_ids] + [pair.headline for pair in pairs])
    body_rows = dict(zip(body_ids, vectorizer.transform([bodies[i] for i in body_ids]), strict=True))
    headlines = vectorizer.transform([pair.headline for pair in pairs])
    similarity = np.array([headlines[n].multiply(body_rows[p.body_id]).sum() for n, p in enumerate(pairs)])
    rates = {body_id: _cue_rates(bodies[body_id]) for body_id in body_ids}
    cues = np.array([rates[pair.body_id] for pair in pairs]).reshape(len(pairs), 2)
    return np.column_stack([similarity, cues])


def _cue_rates(text: str) -> tuple[float, float]:
    words = _WORD.findall(text.lower())
    cues = cue_words()
    per_hundred = 100 / max(len(words), 1)
    return (
        sum(word in cues["refute"] for word in words) * per_hundred,
        sum(word in cues["hedge"] for word in words) * per_hundred,
    )


def predict(features: np.ndarray, thresholds: Thresholds) -> np.ndarray:
    """The ladder: unrelated below the similarity threshold, then disagree, discuss, agree, else discuss."""
    similarity, refute, hedge = features[:, 0], features[:, 1], features[:, 2]
    labels = np.full(len(features), "discuss", dtype=object)
    labels[similarity >= thresholds.agree] = "agree"
    labels[hedge >= thresholds.hedge] = "discuss"
    labels[refute >= thresholds.refute] = "disagree"
    labels[similarity < thresholds.related] = "unrelated"
    return labels


def fit_thresholds(features: np.ndarray, gold: np.ndarray) -> Thresholds:
    """Grid search maximising the FNC score: the related threshold first, then the three related splits."""
    grid = np.quantile(features[:, 0], np.linspace(0.02, 0.98, 49))
    related = max(
        grid, key=lambda t: fnc_points(gold, np.where(features[:, 0] < t, "unrelated", "discuss")).sum()
    )
    # cue thresholds just above a quantile; above the maximum the rule never fires, so the fit may drop it
    candidates = product(
        np.quantile(features[:, 1], [0.5, 0.7, 0.8, 0.9, 0.95, 0.98, 1.0]) + 1e-9,
        np.quantile(features[:, 2], [0.3, 0.5, 0.7, 0.9, 1.0]) + 1e-9,
        np.quantile(features[:, 0], np.linspace(0.5, 1.0, 11)),
    )
    return max(
        (Thresholds(related, refute, hedge, agree) for refute, hedge, agree in candidates),
        key=lambda t: fnc_points(gold, predict(features, t)).sum(),
    )


def predict_cross_validated(pairs: list[Pair], bodies: dict[str, str]) -> list[str]:
    features = pair_features(pairs, bodies)
    gold = np.array([pair.stance for pair in pairs], dtype=object)
    groups = [pair.body_id for pair in pairs]
    folds = min(FOLDS, len(set(groups)))
    if folds < 2:
        raise ValueError("the stance baseline needs pairs from at least two bodies to cross-validate")
    predicted = np.empty(len(pairs), dtype=object)
    for train, test in GroupKFold(n_splits=folds).split(features, gold, groups):
        predicted[test] = predict(features[test], fit_thresholds(features[train], gold[train]))
    return predicted.tolist()
