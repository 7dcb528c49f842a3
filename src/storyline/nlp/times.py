"""Time expressions found and normalised to TIMEX3 values against a reference date."""

from __future__ import annotations

from spacy.tokens import Doc

from storyline.records import TimeExpr


def extract_times(doc: Doc, published: str | None, *, locale: str = "US") -> list[TimeExpr]:
    return []
