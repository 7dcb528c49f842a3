"""Ingestion: inputs (files, URLs, feeds, sitemaps, WARC) → analyses → the store, resumably.

Every input has a key in the ledger (``fetches``): a resolved path (``/data/a.jsonl#3``, ``x.warc.gz@1024``)
or a normalised URL. Inputs whose key is already done are skipped before they are fetched or analysed;
each analysed article is committed together with its ledger entry, so a run killed at any moment resumes
where it stopped and never stores an article twice. Failures are recorded with their reason and retried
only when asked (``retry_failed``).
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from itertools import islice
from pathlib import Path

from storyline.article import extract_article
from storyline.config import Settings
from storyline.errors import InputError, SkippedInput
from storyline.records import Analysis, RawDoc
from storyline.service import analyze_inputs
from storyline.sources.feeds import FeedEntry, parse_feed
from storyline.sources.files import read_inputs, read_path
from storyline.sources.sitemaps import Sitemap, SitemapEntry, is_recent, parse_sitemap
from storyline.sources.warc import is_warc, read_warc
from storyline.sources.web import Fetcher, FetchError, FetchOptions, Response
from storyline.store.repository import DONE_STATUSES, Input, Outcome, Store, utc_now
from storyline.stories.dedup import normalize_url

Analyser = Callable[[Iterable[RawDoc | InputError], Settings], Iterator[Analysis | InputError]]
MAX_SITEMAP_DEPTH = 3
LEDGER_CHUNK = 256
"""Inputs looked up in the ledger at once (read ahead of the analysis, so kept modest)."""


@dataclass(frozen=True, slots=True, kw_only=True)
class IngestOptions:
    retry_failed: bool = False
    """Try again inputs whose earlier attempt failed (otherwise they are skipped like finished ones)."""
    since: str | None = None
    """Only feed entries and sitemap pages dated on or after this day (``YYYY-MM-DD``)."""
    fetch: FetchOptions = field(default_factory=FetchOptions)
    chunk_size: int = 32
    """Articles analysed together; a killed run redoes at most this many."""


@dataclass(slots=True)
class IngestReport:
    counts: dict[str, int] = field(default_factory=dict)
    """Outcomes: stored, duplicate, unchanged, failed, skipped; plus ``known`` (done before, not redone)."""
    failures: list[tuple[str, str]] = field(default_factory=list)
    seconds: dict[str, float] = field(default_factory=lambda: {"load": 0.0, "analyse": 0.0, "store": 0.0})

    def add(self, status: str, count: int = 1) -> None:
        self.counts[status] = self.counts.get(status, 0) + count

    def get(self, status: str) -> int:
        return self.counts.get(status, 0)

    @property
    def new_articles(self) -> int:
        return self.get("stored") + self.get("duplicate")


Listener = Callable[[Input, Outcome], None]


def extract_only(
    inputs: Iterable[RawDoc | InputError], settings: Settings
) -> Iterator[Analysis | InputError]:
    """An analyser that extracts the article and analyses nothing (for measuring the store alone)."""
    for item in inputs:
        if isinstance(item, InputError):
            yield item
            continue
        try:
            yield Analysis(article=extract_article(item, settings))
        except InputError as error:
            yield error


class Ingestor:
    """One ingestion run against one store; the methods can be called in turn and share one report."""

    def __init__(
        self,
        store: Store,
        settings: Settings,
        options: IngestOptions | None = None,
        *,
        analyse: Analyser = analyze_inputs,
        listener: Listener | None = None,
    ) -> None:
        self.store = store
        self.settings = settings
        self.options = options or IngestOptions()
        self.analyse = analyse
        self.listener = listener
        self.report = IngestReport()
        self._fetcher: Fetcher | None = None

    @property
    def fetcher(self) -> Fetcher:
        if self._fetcher is None:
            self._fetcher = Fetcher(self.options.fetch)
        return self._fetcher

    def close(self) -> None:
        if self._fetcher is not None:
            self._fetcher.close()

    def __enter__(self) -> Ingestor:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    # --- what can be ingested ---------------------------------------------------------------------------

    def files(self, names: Iterable[str]) -> IngestReport:
        """Files and directories (read recursively): text, HTML, JSON/JSONL records, WARC archives."""
        for name in names:
            path = Path(name)
            source_id = self.store.source_id(str(path.resolve()), "warc" if is_warc(path) else "files")
            self._run(self._file_pairs(read_inputs([name]), source_id))
        return self.report

    def urls(self, urls: Iterable[str], *, source: str = "urls") -> IngestReport:
        source_id = self.store.source_id(source, "urls")
        self._run(self._page_pairs([(url, None) for url in urls], source_id))
        return self.report

    def feeds(self, feed_urls: Iterable[str]) -> IngestReport:
        for feed_url in feed_urls:
            self._feed(feed_url)
        return self.report

    def sitemap(self, sitemap_url: str) -> IngestReport:
        self._sitemap(sitemap_url, self.store.source_id(sitemap_url, "sitemap"), depth=0)
        return self.report

    def retry_failed(self) -> IngestReport:
        """Run again every input the ledger records as failed."""
        retrying = replace(self.options, retry_failed=True)
        self.options, previous = retrying, self.options
        try:
            for item in self.store.failed_inputs():
                self._retry(item)
        finally:
            self.options = previous
        return self.report

    # --- producers: (ledger entry, raw document) pairs, known inputs left out before any work -----------

    def _file_pairs(
        self, raws: Iterable[RawDoc | InputError], source_id: int | None
    ) -> Iterator[tuple[Input, RawDoc | InputError]]:
        iterator = iter(raws)
        while chunk := list(islice(iterator, LEDGER_CHUNK)):
            keys = [_stdin_key(raw) if raw.source == "<stdin>" else _file_key(raw.source) for raw in chunk]
            statuses = self.store.statuses(keys)
            for raw, key in zip(chunk, keys, strict=True):
                if self._is_done(statuses.get(key)):
                    continue
                fetched = raw.fetched if isinstance(raw, RawDoc) else None
                url = raw.url if isinstance(raw, RawDoc) else None
                yield Input(key, "file", source_id, url, fetched), raw

    def _page_pairs(
        self, pages: list[tuple[str, FeedEntry | SitemapEntry | None]], source_id: int | None
    ) -> Iterator[tuple[Input, RawDoc | InputError]]:
        statuses = self.store.statuses(normalize_url(url) or url for url, _ in pages)
        todo = [(url, e) for url, e in pages if not self._is_done(statuses.get(normalize_url(url) or url))]
        hints = dict(todo)
        for url, result in self.fetcher.fetch_many(url for url, _ in todo):
            item = Input(normalize_url(url) or url, "page", source_id, url)
            if isinstance(result, FetchError):
                yield item, result
                continue
            raw = _page_rawdoc(url, result, hints.get(url))
            yield replace(item, url=result.final_url, fetched=raw.fetched), raw

    def _is_done(self, status: str | None) -> bool:
        """Whether an input with this ledger status is passed over (and counted as ``known``)."""
        done = status in DONE_STATUSES or (status == "failed" and not self.options.retry_failed)
        if done:
            self.report.add("known")
        return done

    def _feed(self, feed_url: str) -> None:
        source_id = self.store.source_id(feed_url, "feed")
        etag, last_modified = self.store.source_validators(source_id)
        item = Input(feed_url, "feed", source_id, feed_url)
        try:
            response = self.fetcher.fetch(feed_url, accept=None, etag=etag, last_modified=last_modified)
            entries = [] if response.not_modified else parse_feed(response.content, feed_url)
        except InputError as error:
            self._record(item, error)
            return
        recent = [
            e for e in entries if not self.options.since or (e.published or "9999") >= self.options.since
        ]
        self._run(self._page_pairs([(entry.url, entry) for entry in recent], source_id))
        # Saved only now: had the run died before its entries were stored, a 304 would hide them.
        if not response.not_modified:
            self.store.save_source_validators(source_id, response.etag, response.last_modified)
        self.store.record_fetched(item)

    def _sitemap(self, sitemap_url: str, source_id: int | None, depth: int) -> None:
        item = Input(sitemap_url, "sitemap", source_id, sitemap_url)
        try:
            response = self.fetcher.fetch(sitemap_url, accept=None)
            sitemap: Sitemap = parse_sitemap(response.content, sitemap_url)
        except InputError as error:
            self._record(item, error)
            return
        for child in sitemap.children:
            if depth < MAX_SITEMAP_DEPTH and is_recent(child, self.options.since):
                self._sitemap(child.url, source_id, depth + 1)
        pages = [(page.url, page) for page in sitemap.pages if is_recent(page, self.options.since)]
        self._run(self._page_pairs(pages, source_id))
        self.store.record_fetched(item)

    def _retry(self, item: Input) -> None:
        if item.kind == "page":
            self._run(self._page_pairs([(item.url or item.key, None)], item.source_id))
        elif item.kind == "feed":
            self._feed(item.key)
        elif item.kind == "sitemap":
            self._sitemap(item.key, item.source_id, depth=0)
        else:
            self._run(self._file_pairs(_reread(item.key), item.source_id))

    # --- the loop ---------------------------------------------------------------------------------------

    def _run(self, pairs: Iterable[tuple[Input, RawDoc | InputError]]) -> None:
        timed = _timed(pairs, self.report.seconds, "load")
        while chunk := list(islice(timed, self.options.chunk_size)):
            started = time.perf_counter()
            results = self._analyse_chunk([raw for _, raw in chunk])
            self.report.seconds["analyse"] += time.perf_counter() - started
            for (item, _), result in zip(chunk, results, strict=True):
                self._record(item, result)

    def _analyse_chunk(self, raws: list[RawDoc | InputError]) -> list[Analysis | InputError]:
        """Analyse a chunk; when the analyser crashes, isolate the article that made it crash."""
        try:
            return list(self.analyse(raws, self.settings))
        except Exception as error:  # noqa: BLE001  (one bad article must not stop a whole corpus)
            if len(raws) > 1:
                return [result for raw in raws for result in self._analyse_chunk([raw])]
            source = raws[0].source
            return [InputError(source, f"analysis failed ({type(error).__name__}: {error})")]

    def _record(self, item: Input, result: Analysis | InputError) -> None:
        started = time.perf_counter()
        if isinstance(result, Analysis):
            outcome = self.store.record_analysis(item, result)
        else:
            outcome = self.store.record_failure(item, result.reason, skipped=isinstance(result, SkippedInput))
            self.report.failures.append((item.key, result.reason))
        self.report.seconds["store"] += time.perf_counter() - started
        self.report.add(outcome.status)
        if self.listener:
            self.listener(item, outcome)


def _timed(items: Iterable, seconds: dict[str, float], name: str) -> Iterator:
    """Yield from ``items``, adding the time spent producing each to ``seconds[name]``."""
    iterator = iter(items)
    while True:
        started = time.perf_counter()
        try:
            item = next(iterator)
        except StopIteration:
            return
        finally:
            seconds[name] += time.perf_counter() - started
        yield item


def _file_key(source: str) -> str:
    """A file input's ledger key: its resolved path, keeping a ``#record`` or ``@offset`` suffix."""
    for marker in ("#", "@"):
        path, found, rest = source.rpartition(marker)
        if found and rest.isdigit() and Path(path).is_file():
            return f"{Path(path).resolve()}{marker}{rest}"
    return str(Path(source).resolve())


def _stdin_key(raw: RawDoc | InputError) -> str:
    """Standard input has no name to remember it by; its content has."""
    content = raw.content if isinstance(raw, RawDoc) else b""
    data = content.encode("utf-8") if isinstance(content, str) else content
    return f"<stdin>#{hashlib.sha256(data).hexdigest()[:16]}"


def _reread(key: str) -> Iterator[RawDoc | InputError]:
    """The input a file key names, read again."""
    path, found, offset = key.rpartition("@")
    if found and offset.isdigit() and is_warc(Path(path)):
        yield from read_warc(Path(path), offset=int(offset))
        return
    path, found, number = key.rpartition("#")
    if found and number.isdigit():
        yield from (raw for raw in read_path(Path(path)) if _file_key(raw.source) == key)
        return
    yield from read_inputs([key])


def _page_rawdoc(url: str, response: Response, hint: FeedEntry | SitemapEntry | None) -> RawDoc:
    media_type = (response.content_type or "").split(";")[0].strip().lower()
    kind = "text" if media_type == "text/plain" else "html" if media_type else None
    metadata = {"title": hint.title, "author": getattr(hint, "author", None)} if hint else {}
    return RawDoc(
        source=url,
        content=response.content,
        content_type=kind,
        url=response.final_url,
        published=hint.published if hint else None,
        fetched=response.fetched or utc_now(),
        metadata={name: value for name, value in metadata.items() if value},
    )
