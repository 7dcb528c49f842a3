"""Load the spaCy pipeline once, stream articles through ``nlp.pipe`` and run the extractors per Doc."""

from __future__ import annotations

import importlib
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token

from storyline.config import Settings
from storyline.errors import PipelineError
from storyline.nlp.actors import extract_actors
from storyline.nlp.context import DocContext
from storyline.nlp.events import extract_events
from storyline.nlp.positions import extract_positions
from storyline.nlp.quotes import extract_quotes
from storyline.nlp.summary import summarize
from storyline.nlp.times import extract_times
from storyline.records import Analysis, Article

REQUIRED_COMPONENTS = ("parser", "ner")
PARAGRAPH_BREAKS = "storyline_paragraph_breaks"
SENTENCE_FINAL = {".", "!", "?"}


@Language.component(PARAGRAPH_BREAKS)
def paragraph_breaks(doc: Doc) -> Doc:
    """A blank line ends a sentence, and so does a line break after a full stop. Left alone, the parser runs
    a headline, a dateline or a timestamp into the paragraph after it, and that paragraph's verbs then take
    their subjects from the headline; a single line break between paragraphs goes the same way."""
    for token in doc[2:]:
        before = doc[token.i - 1]
        if not before.is_space or "\n" not in before.text or token.is_space:
            continue
        if before.text.count("\n") >= 2 or _ends_sentence(doc[token.i - 2]):
            token.is_sent_start = True
    return doc


def _ends_sentence(token: Token) -> bool:
    if token.is_quote and token.i > 0:
        token = token.nbor(-1)
    return token.text in SENTENCE_FINAL


@lru_cache(maxsize=4)
def load_pipeline(model: str) -> Language:
    """Load a spaCy 3.8 pipeline by package name or path, once per process."""
    try:
        nlp = spacy.load(_model_location(model))
    except (OSError, ValueError, ImportError, AttributeError) as error:
        raise PipelineError(
            f"spaCy pipeline {model!r} could not be loaded ({error}); install it or set "
            "STORYLINE_SPACY_MODEL to an installed spaCy 3.8 English pipeline"
        ) from error
    _check_pipeline(model, nlp)
    nlp.add_pipe(PARAGRAPH_BREAKS, before="parser")
    return nlp


def _model_location(model: str) -> str | Path:
    """A package that keeps its pipeline in a data folder (no ``load()``) is loaded from that folder."""
    if Path(model).exists():
        return Path(model)
    try:
        module = importlib.import_module(model.replace("-", "_"))
    except ImportError:
        return model
    if not hasattr(module, "load") and hasattr(module, "model_path"):
        return Path(module.model_path())
    return module.__name__


def _check_pipeline(model: str, nlp: Language) -> None:
    version = str(nlp.meta.get("spacy_version", ""))
    missing = [name for name in REQUIRED_COMPONENTS if name not in nlp.pipe_names]
    if missing:
        raise PipelineError(
            f"spaCy pipeline {model!r} lacks {', '.join(missing)}; Storyline needs parser and ner"
        )
    if "3.8" not in version and not version.startswith((">=3.7", ">=3.8")):
        raise PipelineError(f"spaCy pipeline {model!r} was built for spaCy {version}; Storyline needs 3.8")
    if nlp.lang != "en":
        raise PipelineError(f"spaCy pipeline {model!r} is for language {nlp.lang!r}; Storyline needs English")


def analyze_articles(articles: Iterable[Article], settings: Settings) -> Iterator[Analysis]:
    """Analyse articles in order, batching them through ``nlp.pipe``; streams, holds one batch."""
    nlp = load_pipeline(settings.spacy_model)
    pairs = ((article.text, article) for article in articles)
    for doc, article in nlp.pipe(
        pairs, as_tuples=True, batch_size=settings.batch_size, n_process=settings.n_process
    ):
        yield analyze_doc(doc, article, settings)


def analyze_doc(doc: Doc, article: Article, settings: Settings) -> Analysis:
    """Run every extractor over one parsed article, in dependency order."""
    entities = extract_actors(doc, article.published)
    times = extract_times(doc, article.published, locale=settings.date_locale)
    context = DocContext(doc=doc, article=article, entities=entities, times=times)
    quotes = context.quotes = extract_quotes(context)
    events = extract_events(context)
    positions = extract_positions(context)
    return Analysis(
        article=article,
        entities=entities,
        quotes=quotes,
        times=times,
        events=events,
        positions=positions,
        summary=summarize(context),
        warnings=context.warnings,
    )
