"""Build ``lexicons/reporting_cues.tsv`` from PolNeAR's train compartment.

    python -m storyline.training.quotes ../shared/train/quotes-polnear

Candidates are the hand-listed cues of ``lexicons/reporting_candidates.json`` plus every verb and noun lemma
that PolNeAR's annotators marked as a cue in the train compartment, each in every frame. The extractor runs
over the train articles with all of them and writes, for each (lemma, frame), how many quotes it made and
how many matched a gold attribution with that cue; ``quotes_lexicon.is_used`` decides from those counts.
Only the train compartment is read, never the dev folder.
"""

from __future__ import annotations

import argparse
import csv
import json
from collections import Counter
from pathlib import Path

from spacy.tokens import Doc

from storyline.config import Settings, package_data
from storyline.evaluation.quotes import (
    GoldArticle,
    match_pairs,
    overlaps,
    predicted_attribution,
    read_polnear,
)
from storyline.nlp.context import DocContext
from storyline.nlp.pipeline import load_pipeline
from storyline.nlp.quotes import quotes_with_frames
from storyline.nlp.quotes_lexicon import COLUMNS, FRAMES, LEXICON_FILE, ReportingLexicon
from storyline.records import Article

CANDIDATES_FILE = package_data("lexicons", "reporting_candidates.json")
PREPOSITIONS = ("about", "against", "at", "for", "of", "on", "over", "to", "with")
"""Prepositions a reporting verb may take its content through (``call for``, ``warn against``)."""
MIN_GOLD_CUES = 3
"""A lemma the annotators marked fewer times than this is not added from the data."""

Key = tuple[str, str, str]


def build_lexicon(train_dir: Path, settings: Settings, limit: int | None = None) -> list[dict[str, str]]:
    articles = read_polnear(train_dir, limit)
    nlp = load_pipeline(settings.spacy_model)
    docs = list(nlp.pipe((a.text for a in articles), batch_size=settings.batch_size))
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
    """(lemma, pos) of the verbs and nouns inside gold cue spans, marked at least ``MIN_GOLD_CUES`` times."""
    counts: Counter[tuple[str, str]] = Counter()
    for article, doc in zip(articles, docs, strict=True):
        for attribution in article.attributions:
            for start, end in attribution.cue:
                span = doc.char_span(start, end, alignment_mode="expand")
                for token in span or []:
                    if token.pos_ in FRAMES and token.is_alpha:
                        counts[(token.lemma_.lower(), token.pos_)] += 1
    return {key for key, count in counts.items() if count >= MIN_GOLD_CUES}


def _cue_counts(
    articles: list[GoldArticle], docs: list[Doc], lexicon: ReportingLexicon
) -> tuple[Counter[Key], Counter[Key]]:
    predicted: Counter[Key] = Counter()
    correct: Counter[Key] = Counter()
    for article, doc in zip(articles, docs, strict=True):
        context = DocContext(doc=doc, article=Article(id=article.name, text=article.text), entities=[])
        found = [(q, f) for q, f in quotes_with_frames(context, lexicon) if q.cue is not None and f]
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


def _key(doc: Doc, start: int, end: int, frame: str) -> Key | None:
    """(lemma, pos, frame) of a cue; a noun or adjective cue has its frame prefixed (``noun:prep``)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or frame == "according":
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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("train_dir", type=Path, help="PolNeAR train compartment (text/, attributions/)")
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    arguments = parser.parse_args()
    rows = build_lexicon(arguments.train_dir, Settings(), arguments.limit)
    write_lexicon(rows)
    print(f"wrote {len(rows)} cue rows to {LEXICON_FILE}")


if __name__ == "__main__":
    main()
