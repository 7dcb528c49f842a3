"""Shared fixtures: the real pipeline (loaded once per session) and the shared evaluation data."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from storyline.config import Settings
from storyline.records import Analysis, Entity

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"
PEACE_TALKS = EXAMPLES / "peace-talks.txt"


@pytest.fixture(scope="session", autouse=True)
def every_analysis_keeps_the_contract() -> Iterator[None]:
    """Every analysis any test produces in-process is checked against the JSON Schema and the offsets."""
    from storyline.contract import contract_errors
    from storyline.nlp import pipeline

    analyze_doc = pipeline.analyze_doc

    def checked(*args: Any, **kwargs: Any) -> Analysis:
        analysis = analyze_doc(*args, **kwargs)
        errors = contract_errors(analysis.to_dict())
        assert not errors, f"analysis of {analysis.article.source} breaks the contract: {errors[:5]}"
        return analysis

    pipeline.analyze_doc = checked
    yield
    pipeline.analyze_doc = analyze_doc


@pytest.fixture(scope="session")
def settings() -> Settings:
    return Settings()


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "eval").is_dir():
        raise RuntimeError(f"the shared data folder is missing at {SHARED}; tests read ../shared/eval")
    return SHARED


@pytest.fixture(scope="session")
def peace_talks(settings: Settings) -> Analysis:
    """The canonical example analysed once for the whole session."""
    from storyline import analyze

    return analyze(PEACE_TALKS.read_text(encoding="utf-8"), published="2025-12-18", settings=settings)


def spans_hold(text: str, spans: list[dict]) -> list[dict]:
    """Spans whose text does not equal ``text[start:end]`` (empty when the offset invariant holds)."""
    return [s for s in spans if text[s["start"] : s["end"]] != s["text"]]


@pytest.fixture(scope="session")
def actors_in() -> Callable[[str, str | None], list[Entity]]:
    """The actors the real pipeline finds in a text published on a date (or undated)."""
    from storyline.nlp.actors import extract_actors
    from storyline.nlp.pipeline import load_pipeline

    nlp = load_pipeline(Settings().spacy_model)
    return lambda text, published: extract_actors(nlp(text), published)
