"""Fixtures for the NLP stage's tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from storyline.config import Settings
from storyline.nlp.actors import extract_actors
from storyline.nlp.pipeline import load_pipeline
from storyline.records import Entity


@pytest.fixture(scope="session")
def actors_in() -> Callable[[str, str | None], list[Entity]]:
    """The actors the real pipeline finds in a text published on a date (or undated)."""
    nlp = load_pipeline(Settings().spacy_model)
    return lambda text, published: extract_actors(nlp(text), published)
