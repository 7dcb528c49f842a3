"""Positions extracted from the parsed article."""

from __future__ import annotations

from storyline.nlp.context import DocContext


def extract_positions(context: DocContext) -> list:
    return []
