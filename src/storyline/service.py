"""The library's front door: analyse text, HTML or RawDocs; used by the CLI, the API and ingestion."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice

from storyline.article import extract_article
from storyline.config import Settings
from storyline.errors import InputError
from storyline.nlp import analyze_articles
from storyline.records import Analysis, Article, RawDoc

FIRST_BATCH = 4


def analyze(
    text_or_html: str | bytes,
    *,
    published: str | None = None,
    url: str | None = None,
    title: str | None = None,
    settings: Settings | None = None,
) -> Analysis:
    """Analyse one article given as plain text or HTML. Raises InputError when it cannot be analysed."""
    metadata = {"title": title} if title else {}
    raw = RawDoc(
        source=url or "<text>", content=text_or_html, url=url, published=published, metadata=metadata
    )
    result = next(analyze_inputs([raw], settings or Settings()))
    if isinstance(result, InputError):
        raise result
    return result


def analyze_inputs(
    inputs: Iterable[RawDoc | InputError], settings: Settings
) -> Iterator[Analysis | InputError]:
    """Analyse a stream of inputs in order; a failed input yields its InputError and the run goes on.

    Inputs are taken a batch at a time so that memory stays flat however many there are.
    """
    iterator = iter(inputs)
    # A small first batch gives the first result quickly; later batches are full size for throughput.
    size = min(FIRST_BATCH, settings.batch_size)
    while batch := list(islice(iterator, size)):
        size = settings.batch_size * max(settings.n_process, 1)
        prepared = [_prepare(item, settings) for item in batch]
        articles = [item for item in prepared if isinstance(item, Article)]
        analyses = analyze_articles(articles, settings)
        for item in prepared:
            yield next(analyses) if isinstance(item, Article) else item


def _prepare(item: RawDoc | InputError, settings: Settings) -> Article | InputError:
    if isinstance(item, InputError):
        return item
    try:
        return extract_article(item, settings)
    except InputError as error:
        return error
