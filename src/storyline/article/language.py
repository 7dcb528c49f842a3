"""Language identification with py3langid (its model ships inside the package)."""

from __future__ import annotations

from functools import lru_cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

SUPPORTED = "en"
_SAMPLE_CHARS = 5000
_MIN_WORDS = 25
"""Below this many words a guess is weak evidence: the language is left unknown."""
_MIN_PROBABILITY = 0.9


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify_language(text: str) -> str | None:
    """The ISO 639-1 code of the text's language, or None when the evidence is weak.

    English is taken at any confidence: a wrong ``en`` costs an analysis, a wrong skip loses an article.
    """
    sample = text[:_SAMPLE_CHARS]
    language, probability = _identifier().classify(sample)
    if language == SUPPORTED:
        return language
    return language if len(sample.split()) >= _MIN_WORDS and probability >= _MIN_PROBABILITY else None
