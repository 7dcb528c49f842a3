"""Shared fixtures: the real pipeline (loaded once per session) and the shared evaluation data."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.config import Settings
from storyline.records import Analysis

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"
PEACE_TALKS = EXAMPLES / "peace-talks.txt"


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
