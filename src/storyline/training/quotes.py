"""Build the quote cue lexicon and attribution scorer from PolNeAR's train compartment.

    python -m storyline.training.quotes ../shared/train/quotes-polnear

Candidates are the hand-listed cues of ``lexicons/reporting_candidates.json`` plus every verb, noun and
adjective lemma that PolNeAR's annotators marked as a cue in the train compartment, each in every frame. The
extractor runs over the train articles with all of them and writes to ``lexicons/reporting_cues.tsv``, for
each (lemma, frame), how many quotes it made and how many matched a gold attribution with that cue;
``quotes_lexicon.is_used`` decides from those counts. Then every construction the lexicon proposes on the
train articles is labelled (does a gold attribution share its content, its cue and — where both name one — its
speaker?) and a logistic regression learns which report (5 folds grouped by article give out-of-fold models);
its threshold is the one with the best lower of content and speaker overlap F1 (the task's two targets) of the
whole extractor over the train articles, each judged by the fold model that did not see it. The scorer goes to
``models/quote_attribution.json``. Only the train compartment is read, never the dev folder.
``--unseen-estimate`` then also scores each fifth of the articles with a lexicon and scorer built from the
other four fifths alone: the estimate for new articles, by which the lexicon's settings are chosen.
"""

from __future__ import annotations

import argparse
import csv
import json
from collections import Counter
from dataclasses import replace
from pathlib import Path

from spacy.tokens import Doc

from storyline.config import Settings, package_data
from storyline.evaluation.quotes import (
    Counts,
    GoldArticle,
    match_pairs,
    metrics_from,
    outside_discards,
    overlaps,
    predicted_attribution,
    predicted_attributions,
    read_polnear,
    score_article,
)
from storyline.nlp.context import DocContext
from storyline.nlp.pipeline import load_pipeline
from storyline.nlp.quotes import (
    Judge,
    passage_report,
    quoted_passages,
    quoted_tokens,
    quotes_with_frames,
    reporting_constructions,
    verbs_near,
)
from storyline.nlp.quotes_classifier import MODEL_FILE, AttributionScorer, report_features
from storyline.nlp.quotes_lexicon import COLUMNS, FRAMES, LEXICON_FILE, ReportingLexicon, lexicon_from_rows
from storyline.nlp.quotes_marks import find_quoted_spans
from storyline.nlp.quotes_syntax import Report
from storyline.records import Article

CANDIDATES_FILE = package_data("lexicons", "reporting_candidates.json")
PREPOSITIONS = ("about", "against", "at", "for", "of", "on", "over", "to", "with")
"""Prepositions a reporting verb may take its content through (``call for``, ``warn against``)."""

REGULARISATION = 0.3
"""Inverse L2 strength of the scorer (scikit-learn's ``C``); 0.1–1.0 gave the same out-of-fold F1."""
FOLDS = 5
THRESHOLDS = [round(0.2 + 0.025 * i, 3) for i in range(21)]
END_TO_END_THRESHOLDS = [round(0.1 + 0.05 * i, 2) for i in range(11)]
MIN_WEIGHT = 1e-3

Key = tuple[str, str, str]


def parse_articles(
    train_dir: Path, settings: Settings, limit: int | None = None
) -> tuple[list[GoldArticle], list[Doc]]:
    articles = read_polnear(train_dir, limit)
    nlp = load_pipeline(settings.spacy_model)
    return articles, list(nlp.pipe((a.text for a in articles), batch_size=settings.batch_size))


def build_lexicon(articles: list[GoldArticle], docs: list[Doc]) -> list[dict[str, str]]:
    listed = json.loads(CANDIDATES_FILE.read_text(encoding="utf-8"))
    from_data = _gold_cue_lemmas(articles, docs)
    verbs = set(listed["verbs"]) | {lemma for (lemma, pos) in from_data if pos == "VERB"}
    nouns = set(listed["nouns"]) | {lemma for (lemma, pos) in from_data if pos == "NOUN"}
    adjectives = set(listed["adjectives"]) | {lemma for (lemma, pos) in from_data if pos == "ADJ"}
    permissive = ReportingLexicon(
        _every_frame(verbs, "VERB"), _every_frame(nouns, "NOUN"), _every_frame(adjectives, "ADJ")
    )
    predicted, correct = _cue_counts(articles, docs, permissive)
    listed_keys = {
        (lemma, pos, "clause")
        for pos, name in (("VERB", "verbs"), ("NOUN", "nouns"), ("ADJ", "adjectives"))
        for lemma in listed[name]
    }
    keys = sorted(listed_keys | set(predicted))
    return [_row(key, key in listed_keys, predicted[key], correct[key]) for key in keys]


def _every_frame(lemmas: set[str], pos: str) -> dict[str, frozenset[str]]:
    """Each lemma in every frame of its part of speech, and with every preposition for the ``prep`` frame."""
    table = {lemma: frozenset(FRAMES[pos] - {"prep"}) for lemma in lemmas}
    table |= {f"{lemma} {p}": frozenset({"prep"}) for lemma in lemmas for p in PREPOSITIONS}
    return table


def _gold_cue_lemmas(articles: list[GoldArticle], docs: list[Doc]) -> set[tuple[str, str]]:
    """(lemma, pos) of the verbs, nouns and adjectives inside gold cue spans, even those marked once: the
    counts of its rows (``quotes_lexicon.is_used``), not a floor on its marks, decide whether one proposes."""
    lemmas: set[tuple[str, str]] = set()
    for article, doc in zip(articles, docs, strict=True):
        for attribution in article.attributions:
            for start, end in attribution.cue:
                span = doc.char_span(start, end, alignment_mode="expand")
                marked = (t for t in span or [] if t.pos_ in FRAMES and t.is_alpha)
                lemmas.update((t.lemma_.lower(), t.pos_) for t in marked)
    return lemmas


def _cue_counts(
    articles: list[GoldArticle], docs: list[Doc], lexicon: ReportingLexicon
) -> tuple[Counter[Key], Counter[Key]]:
    predicted: Counter[Key] = Counter()
    correct: Counter[Key] = Counter()
    for article, doc in zip(articles, docs, strict=True):
        context = _context(article, doc)
        every = quotes_with_frames(context, lexicon, _every_report, keep_nested=True)
        found = [(q, f) for q, f in every if q.cue is not None and f]
        attributions = [predicted_attribution(q) for q, _ in found]
        paired = dict((p, g) for g, p in match_pairs(article.text, article.attributions, attributions))
        for index, (quote, frame) in enumerate(found):
            key = _key(doc, quote.cue.start, quote.cue.end, frame)
            if key is None:
                continue
            predicted[key] += 1
            gold = article.attributions[paired[index]] if index in paired else None
            if gold is not None and overlaps(gold.cue, attributions[index].cue):
                correct[key] += 1
    return predicted, correct


def _every_report(report: Report) -> float:
    """While the lexicon is counted, no scorer judges the constructions: each one reports."""
    return 1.0


def _key(doc: Doc, start: int, end: int, frame: str) -> Key | None:
    """(lemma, pos, frame) of a cue; a noun or adjective cue has its frame prefixed (``noun:prep``)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or frame in ("according", "source"):
        return None
    pos, _, frame = frame.rpartition(":")
    lemma = span[0].lemma_.lower()
    if frame == "prep":
        lemma = f"{lemma} {span[-1].lower_}"
    return (lemma, {"noun": "NOUN", "adj": "ADJ"}.get(pos, "VERB"), frame)


def _row(key: Key, listed: bool, predicted: int, correct: int) -> dict[str, str]:
    lemma, pos, frame = key
    values = (lemma, pos, frame, "yes" if listed else "no", str(predicted), str(correct))
    return dict(zip(COLUMNS, values, strict=True))


def write_lexicon(rows: list[dict[str, str]], path: Path = LEXICON_FILE) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=COLUMNS, delimiter="\t", lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def labelled_constructions(
    articles: list[GoldArticle], docs: list[Doc], lexicon: ReportingLexicon
) -> tuple[list[list[str]], list[int], list[int]]:
    """Features, label and article of each construction: the lexicon's constructions with a content, and each
    cue verb near a quoted passage with that passage. A construction is right when a gold attribution shares
    its content and cue, and its speaker where both name one: a report given to the wrong person is an error
    as much as one that is no report at all."""
    features, labels, groups = [], [], []
    for index, (article, doc) in enumerate(zip(articles, docs, strict=True)):
        every_passage = find_quoted_spans(article.text)
        passages = quoted_passages(article.text, every_passage)
        quoted = quoted_tokens(doc, every_passage)
        constructions = [
            *reporting_constructions(doc, lexicon, passages),
            *(passage_report(v, p) for p in passages for v in verbs_near(doc, p, lexicon, quoted)),
        ]
        for report in constructions:
            content = (report.content,)
            cue = ((report.cue.start_char, report.cue.end_char),)
            speaker = report.speaker
            said_by = ((speaker.idx, speaker.idx + len(speaker)),) if speaker is not None else ()
            right = any(
                overlaps(gold.content, content)
                and overlaps(gold.cue, cue)
                and (not gold.source or not said_by or overlaps(gold.source, said_by) > 0)
                for gold in article.attributions
            )
            features.append(report_features(report))
            labels.append(int(right))
            groups.append(index)
    return features, labels, groups


def train_scorer(features: list[list[str]], labels: list[int], groups: list[int]) -> dict:
    """Logistic regression weights, bias and the threshold with the best out-of-fold F1, with each fold's
    model (``fold_scorers``, by article) for choosing the extraction threshold."""
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import GroupKFold

    vectoriser = DictVectorizer()
    matrix = vectoriser.fit_transform([dict.fromkeys(f, 1) for f in features])
    target = np.array(labels)
    out_of_fold = np.zeros(len(target))
    folds = []
    for fit, held in GroupKFold(FOLDS).split(matrix, target, groups):
        fold = LogisticRegression(C=REGULARISATION, max_iter=2000).fit(matrix[fit], target[fit])
        out_of_fold[held] = fold.predict_proba(matrix[held])[:, 1]
        folds.append((held, fold))
    threshold, f1 = max(((t, _f1(out_of_fold >= t, target)) for t in THRESHOLDS), key=lambda pair: pair[1])
    model = LogisticRegression(C=REGULARISATION, max_iter=2000).fit(matrix, target)
    fold_scorers = {}
    for held, fold in folds:
        scorer = AttributionScorer(
            dict(zip(vectoriser.feature_names_, map(float, fold.coef_[0]), strict=True)),
            float(fold.intercept_[0]),
            threshold,
        )
        fold_scorers.update(dict.fromkeys((groups[i] for i in held), scorer))
    weights = {
        name: round(float(weight), 4)
        for name, weight in zip(vectoriser.feature_names_, model.coef_[0], strict=True)
        if abs(weight) >= MIN_WEIGHT
    }
    return {
        "description": "Quote attribution scorer (storyline.nlp.quotes_classifier), trained by "
        "storyline.training.quotes on PolNeAR's train compartment.",
        "constructions": len(labels),
        "positive": int(target.sum()),
        "cross_validated_f1": round(f1, 4),
        "threshold": threshold,
        "bias": round(float(model.intercept_[0]), 4),
        "weights": dict(sorted(weights.items())),
        "fold_scorers": fold_scorers,
    }


def end_to_end_threshold(
    articles: list[GoldArticle], docs: list[Doc], lexicon: ReportingLexicon, fold_scorers: dict
) -> tuple[float, dict[str, float]]:
    """The threshold with the best lower of content and speaker overlap F1 (the task's two targets) for the
    whole extractor over the train articles, each judged by the fold model that did not see it. The
    constructions' own F1 picks too high a threshold: the extractor's later steps (nested reports, joined
    quotes) already remove many of the errors it guards against."""
    contexts = [_context(article, doc) for article, doc in zip(articles, docs, strict=True)]
    unseen = next(iter(fold_scorers.values()))  # an article with no construction never calls its judge
    scores = {}
    for threshold in END_TO_END_THRESHOLDS:
        counts = Counts()
        for index, (article, context) in enumerate(zip(articles, contexts, strict=True)):
            judge = replace(fold_scorers.get(index, unseen), threshold=threshold).judge
            _score_extraction(article, context, lexicon, judge, counts)
        scores[threshold] = _targets(counts)
    best = best_for_the_weaker(scores)
    return best, scores[best]


def unseen_articles_extraction(
    articles: list[GoldArticle], docs: list[Doc], threshold: float
) -> dict[str, float]:
    """Content and speaker overlap F1 of the whole extractor on each fifth of the train articles, with the
    lexicon and the scorer built from the other four fifths alone: what to expect on articles training never
    saw. (The out-of-fold figure of ``end_to_end_threshold`` shares one lexicon, counted on every article,
    across its folds, so it runs higher.) Used to choose the lexicon's settings."""
    counts = Counts()
    for fold in range(FOLDS):
        fit = [i for i in range(len(articles)) if i % FOLDS != fold]
        fit_articles, fit_docs = [articles[i] for i in fit], [docs[i] for i in fit]
        lexicon = lexicon_from_rows(build_lexicon(fit_articles, fit_docs))
        model = train_scorer(*labelled_constructions(fit_articles, fit_docs, lexicon))
        judge = AttributionScorer(model["weights"], model["bias"], threshold).judge
        for article, doc in zip(articles[fold::FOLDS], docs[fold::FOLDS], strict=True):
            _score_extraction(article, _context(article, doc), lexicon, judge, counts)
    return _targets(counts)


def _context(article: GoldArticle, doc: Doc) -> DocContext:
    return DocContext(doc=doc, article=Article(id=article.name, text=article.text), entities=[])


def _score_extraction(
    article: GoldArticle, context: DocContext, lexicon: ReportingLexicon, judge: Judge, counts: Counts
) -> None:
    quotes = [quote for quote, _ in quotes_with_frames(context, lexicon, judge)]
    predicted = outside_discards(predicted_attributions(quotes), article)
    score_article(article.text, article.attributions, predicted, counts)


def _targets(counts: Counts) -> dict[str, float]:
    metrics = metrics_from(counts)
    return {name: metrics[name] for name in ("content_overlap_f1", "speaker_overlap_f1")}


def best_for_the_weaker(scores: dict[float, dict[str, float]]) -> float:
    """The threshold with the best lower score (the higher threshold on a tie): both scores have a target,
    so the weaker one decides. A mean would trade the weaker score for the stronger one."""
    return max(scores, key=lambda threshold: (min(scores[threshold].values()), threshold))


def _f1(kept, target) -> float:
    right = int((target[kept]).sum())
    if right == 0:
        return 0.0
    precision, recall = right / int(kept.sum()), right / int(target.sum())
    return 2 * precision * recall / (precision + recall)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("train_dir", type=Path, help="PolNeAR train compartment (text/, attributions/)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument(
        "--unseen-estimate",
        action="store_true",
        help="also score each fifth of the articles with a lexicon and scorer built without it (slow)",
    )
    arguments = parser.parse_args()
    articles, docs = parse_articles(arguments.train_dir, Settings(), arguments.limit)
    rows = build_lexicon(articles, docs)
    write_lexicon(rows)
    print(f"wrote {len(rows)} cue rows to {LEXICON_FILE}")
    lexicon = lexicon_from_rows(rows)
    scorer = train_scorer(*labelled_constructions(articles, docs, lexicon))
    fold_scorers = scorer.pop("fold_scorers")
    scorer["threshold"], scorer["cross_validated_extraction"] = end_to_end_threshold(
        articles, docs, lexicon, fold_scorers
    )
    MODEL_FILE.write_text(json.dumps(scorer, indent=0, ensure_ascii=False) + "\n", encoding="utf-8")
    print(
        f"wrote {len(scorer['weights'])} weights to {MODEL_FILE}: cross-validated F1 "
        f"{scorer['cross_validated_f1']}; threshold {scorer['threshold']} (out-of-fold extraction "
        f"{scorer['cross_validated_extraction']})"
    )
    if arguments.unseen_estimate:
        estimate = unseen_articles_extraction(articles, docs, scorer["threshold"])
        print(f"on articles unseen by the lexicon and the scorer: {estimate}")


if __name__ == "__main__":
    main()
