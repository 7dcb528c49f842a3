"""An extractive summary: the few sentences that carry the article's main actors, in document order.

Lead sentences carry most news summaries, so position weighs in; beyond that a sentence scores by how many
distinct actors it mentions, weighted by how central each actor is to the whole article.
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Span as SentenceSpan

from storyline.nlp.context import DocContext
from storyline.records import Span

SUMMARY_SENTENCES = 3
MIN_WORDS = 6


def summarize(context: DocContext) -> list[Span]:
    sentences = [s for s in context.doc.sents if sum(not t.is_punct for t in s) >= MIN_WORDS]
    if not sentences:
        return []
    salience = Counter({e.id: len(e.mentions) for e in context.entities})
    scored = sorted(
        (
            (_score(context, sentence, position, salience), sentence)
            for position, sentence in enumerate(sentences)
        ),
        key=lambda pair: -pair[0],
    )
    chosen = sorted((sentence for _, sentence in scored[:SUMMARY_SENTENCES]), key=lambda s: s.start)
    return [Span(s.start_char, s.end_char, s.text) for s in chosen]


def _score(context: DocContext, sentence: SentenceSpan, position: int, salience: Counter) -> float:
    actors = context.actors_in(sentence.start, sentence.end)
    lead_bonus = 2.0 / (1 + position)
    return lead_bonus + sum(1 + salience[actor] ** 0.5 for actor in actors) / 4
