"""Language identification with py3langid (its model ships inside the package)."""

from __future__ import annotations

from functools import lru_cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

SUPPORTED = "en"
_SAMPLE_CHARS = 5000
_MIN_WORDS = 25
"""Below this many words a guess is weak evidence: the language is left unknown."""
_MAX_ENGLISH_PROBABILITY = 0.05
"""A text is called foreign only when English is all but ruled out, whichever language is named."""


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def identify_language(text: str) -> str | None:
    """The ISO 639-1 code of the text's language, or None when the evidence is weak.

    The question that matters is "is this English?": a close call between two other languages (Indonesian
    or Malay) still rules English out, while a text that might be English is analysed rather than skipped.
    """
    sample = text[:_SAMPLE_CHARS]
    ranked = _identifier().rank(sample)
    top = ranked[0][0]
    if top == SUPPORTED:
        return top
    english = next((probability for language, probability in ranked if language == SUPPORTED), 0.0)
    if len(sample.split()) >= _MIN_WORDS and english < _MAX_ENGLISH_PROBABILITY:
        return top
    return None
