"""Train the PLOVER event-type classifier on the synthetic stories and write ``models/plover_types.npz``.

    python -m storyline.training.events ../shared/train/plover-ngec src/storyline/models/

Only the training folder is read (never an evaluation folder). Two choices are made on the training stories
alone: the regularisation strength, by stratified 5-fold cross-validation (macro-F1), and the weight of the
classifier's support in an event's confidence, by coding a held-out part of the stories with the event
extractor (using a classifier fitted on the rest) and comparing each story's most confident event with its
label. The final model is fitted on all stories. Everything is seeded, so the artefact is reproducible.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from dataclasses import replace
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold, cross_val_predict, train_test_split
from sklearn.pipeline import Pipeline, make_pipeline

from storyline.config import Settings
from storyline.nlp.actors import extract_actors
from storyline.nlp.context import DocContext
from storyline.nlp.events import extract_events
from storyline.nlp.events_classifier import MODEL_FILE, TypeClassifier
from storyline.nlp.events_lexicon import plover_types
from storyline.nlp.pipeline import load_pipeline
from storyline.records import Article, Event

STORIES = "synthetic_stories.jsonl.gz"
NGRAM_MAX = 2
MAX_FEATURES = 12_000
C_GRID = (1.0, 4.0, 16.0)
WEIGHT_GRID = (0.0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6)  # at most 0.6: lexical evidence keeps 40 % of confidence
HELD_OUT = 0.15
SEED = 13
NO_EVENT = "NONE"


def read_stories(folder: Path) -> tuple[list[str], list[str]]:
    path = folder / STORIES
    if not path.exists():
        raise SystemExit(f"{path} is missing: point the script at the PLOVER training folder")
    texts, labels = [], []
    canonical = plover_types().canonical
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            story = json.loads(line)
            texts.append(story["text"])
            labels.append(canonical(story["label"]))
    return texts, labels


def make_model(c: float) -> Pipeline:
    vectorizer = TfidfVectorizer(
        ngram_range=(1, NGRAM_MAX), sublinear_tf=True, min_df=3, max_features=MAX_FEATURES, dtype=np.float64
    )
    classifier = LogisticRegression(C=c, max_iter=2000, class_weight="balanced", random_state=SEED)
    return make_pipeline(vectorizer, classifier)


def to_classifier(model: Pipeline, support_weight: float = 0.0) -> TypeClassifier:
    """The fitted pipeline as the plain arrays the events stage reads."""
    vectorizer, regression = model[0], model[1]
    weights, bias = regression.coef_, regression.intercept_
    if (
        len(regression.classes_) == 2
    ):  # one logistic row: a softmax over (0, score) gives the same probability
        weights, bias = np.vstack([np.zeros_like(weights), weights]), np.concatenate([[0.0], bias])
    return TypeClassifier(
        vocabulary=dict(vectorizer.vocabulary_),
        idf=vectorizer.idf_,
        weights=weights,
        bias=bias,
        classes=tuple(regression.classes_),
        ngram_max=NGRAM_MAX,
        support_weight=support_weight,
    )


def cross_validate(texts: list[str], labels: list[str]) -> dict[float, float]:
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
    scores = {}
    for c in C_GRID:
        predicted = cross_val_predict(make_model(c), texts, labels, cv=folds)
        scores[c] = float(f1_score(labels, predicted, average="macro"))
        print(f"C={c}: cross-validated macro-F1 {scores[c]:.3f}", file=sys.stderr)
    return scores


def tune_support_weight(texts: list[str], labels: list[str], c: float) -> dict[float, float]:
    """Story-level macro-F1 of the most confident event for each candidate weight, on held-out stories."""
    fit_texts, held_texts, fit_labels, held_labels = train_test_split(
        texts, labels, test_size=HELD_OUT, stratify=labels, random_state=SEED
    )
    classifier = to_classifier(make_model(c).fit(fit_texts, fit_labels))
    coded = list(_code_stories(held_texts, classifier))
    failed = sum(events is None for events in coded)
    if failed:
        print(f"{failed} held-out stories could not be coded and count as having no event", file=sys.stderr)
    scores = {}
    for weight in WEIGHT_GRID:
        predicted = [_top_type(events, weight) for events in coded]
        scores[weight] = float(f1_score(held_labels, predicted, average="macro", labels=sorted(set(labels))))
        print(f"support weight {weight}: held-out story macro-F1 {scores[weight]:.3f}", file=sys.stderr)
    return scores


def _code_stories(texts: list[str], classifier: TypeClassifier):
    """Each story's events as (type, confidence without support, classifier support for the type), or None
    for a story the actor stage fails on (counted and reported by the caller)."""
    nlp = load_pipeline(Settings().spacy_model)
    for number, doc in enumerate(nlp.pipe(texts, batch_size=32)):
        article = Article(id=f"story-{number}", text=doc.text)
        try:
            entities = extract_actors(doc)
        except Exception as error:  # another stage's bug must not stop training; it is reported
            print(f"story {number}: actors failed ({error!r})", file=sys.stderr)
            yield None
            continue
        events = extract_events(
            DocContext(doc=doc, article=article, entities=entities), classifier=classifier
        )
        yield [(e.type, e.confidence, _support(e, classifier)) for e in events]


def _support(event: Event, classifier: TypeClassifier) -> float:
    return classifier.probabilities(event.sentence.text).get(event.type, 0.0)


def _top_type(events: list[tuple[str, float, float]] | None, weight: float) -> str:
    if not events:
        return NO_EVENT
    return max(events, key=lambda e: (1 - weight) * e[1] + weight * e[2])[0]


def save(classifier: TypeClassifier, out_dir: Path, card: dict) -> Path:
    terms = sorted(classifier.vocabulary, key=classifier.vocabulary.get)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / MODEL_FILE
    np.savez_compressed(
        path,
        terms=np.array(terms),
        idf=classifier.idf.astype(np.float32),
        weights=classifier.weights.astype(np.float32),
        bias=classifier.bias.astype(np.float32),
        classes=np.array(classifier.classes),
        ngram_max=np.array(classifier.ngram_max),
        support_weight=np.array(classifier.support_weight),
    )
    (out_dir / "plover_types.json").write_text(json.dumps(card, indent=1) + "\n", encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("train_dir", type=Path)
    parser.add_argument("out_dir", type=Path)
    args = parser.parse_args(argv)
    texts, labels = read_stories(args.train_dir)
    c_scores = cross_validate(texts, labels)
    c = max(c_scores, key=c_scores.get)
    weight_scores = tune_support_weight(texts, labels, c)
    weight = max(weight_scores, key=weight_scores.get)
    classifier = replace(to_classifier(make_model(c).fit(texts, labels)), support_weight=weight)
    card = {
        "trained_on": STORIES,
        "n_features": len(classifier.vocabulary),
        "C": c,
        "cv_macro_f1": c_scores,
        "support_weight": weight,
        "held_out_story_macro_f1": weight_scores,
        "seed": SEED,
    }
    path = save(classifier, args.out_dir, card)
    print(f"wrote {path} ({path.stat().st_size // 1024} KiB), C={c}, support weight {weight}")


if __name__ == "__main__":
    main()
