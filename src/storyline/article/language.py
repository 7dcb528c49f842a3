"""Language identification with py3langid (its model ships inside the package)."""

from __future__ import annotations

from functools import lru_cache

from py3langid.langid import MODEL_FILE, LanguageIdentifier

from storyline.errors import SkippedInput

SUPPORTED = "en"
_SAMPLE_CHARS = 5000
_MIN_WORDS = 25
"""Below this many words a guess is weak evidence: the text is analysed, its language left unknown."""
_MIN_PROBABILITY = 0.9
_MIN_PROBABILITY_DECLARED = 0.5
"""A page that declares the language the model guesses needs less evidence."""


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str, source: str, declared: str | None = None) -> str | None:
    """``"en"``, or None when unsure; raises SkippedInput for text confidently in another language."""
    sample = text[:_SAMPLE_CHARS]
    language, probability = _identifier().classify(sample)
    if language == SUPPORTED:
        return language
    agrees = declared is not None and declared.lower().startswith(language)
    threshold = _MIN_PROBABILITY_DECLARED if agrees else _MIN_PROBABILITY
    if len(sample.split()) >= _MIN_WORDS and probability >= threshold:
        raise SkippedInput(source, f"skipped: language {language}")
    return None
