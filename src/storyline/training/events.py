"""Train the PLOVER event-type classifier on the synthetic stories and write ``models/plover_types.npz``.

    python -m storyline.training.events ../shared/train/plover-ngec src/storyline/models/

Only the training folder is read (never an evaluation folder). The regularisation strength is chosen by
stratified 5-fold cross-validation on the training stories (macro-F1); the final model is fitted on all of
them. Everything is seeded, so the artefact is reproducible.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
from pathlib import Path

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.pipeline import make_pipeline

from storyline.nlp.events_classifier import MODEL_FILE
from storyline.nlp.events_lexicon import plover_types

STORIES = "synthetic_stories.jsonl.gz"
NGRAM_MAX = 2
MAX_FEATURES = 12_000
C_GRID = (1.0, 4.0, 16.0)
SEED = 13


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


def make_model(c: float):
    vectorizer = TfidfVectorizer(
        ngram_range=(1, NGRAM_MAX), sublinear_tf=True, min_df=3, max_features=MAX_FEATURES, dtype=np.float64
    )
    classifier = LogisticRegression(C=c, max_iter=2000, class_weight="balanced", random_state=SEED)
    return make_pipeline(vectorizer, classifier)


def cross_validate(texts: list[str], labels: list[str]) -> dict[float, float]:
    folds = StratifiedKFold(n_splits=5, shuffle=True, random_state=SEED)
    scores = {}
    for c in C_GRID:
        predicted = cross_val_predict(make_model(c), texts, labels, cv=folds)
        scores[c] = float(f1_score(labels, predicted, average="macro"))
        print(f"C={c}: cross-validated macro-F1 {scores[c]:.3f}", file=sys.stderr)
    return scores


def save(model, out_dir: Path, cv_scores: dict[float, float], c: float) -> Path:
    vectorizer, classifier = model[0], model[1]
    terms = sorted(vectorizer.vocabulary_, key=vectorizer.vocabulary_.get)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / MODEL_FILE
    np.savez_compressed(
        path,
        terms=np.array(terms),
        idf=vectorizer.idf_.astype(np.float32),
        weights=classifier.coef_.astype(np.float32),
        bias=classifier.intercept_.astype(np.float32),
        classes=np.array(classifier.classes_),
        ngram_max=np.array(NGRAM_MAX),
    )
    card = {"trained_on": STORIES, "n_features": len(terms), "C": c, "cv_macro_f1": cv_scores, "seed": SEED}
    (out_dir / "plover_types.json").write_text(json.dumps(card, indent=1) + "\n", encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("train_dir", type=Path)
    parser.add_argument("out_dir", type=Path)
    args = parser.parse_args(argv)
    texts, labels = read_stories(args.train_dir)
    scores = cross_validate(texts, labels)
    best = max(scores, key=scores.get)
    model = make_model(best).fit(texts, labels)
    path = save(model, args.out_dir, scores, best)
    print(f"wrote {path} ({path.stat().st_size // 1024} KiB), C={best}, cv macro-F1 {scores[best]:.3f}")


if __name__ == "__main__":
    main()
