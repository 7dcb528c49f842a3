"""``storyline init``, ``ingest``, ``search``, ``export``, ``stats`` and ``bench-ingest``."""

from __future__ import annotations

import json
import re
import time
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    ProgressColumn,
    TextColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from storyline.cli import app
from storyline.cli.output import error_console, fail
from storyline.config import Settings, settings_from_env
from storyline.errors import StorylineError
from storyline.ingest import IngestOptions, Ingestor, IngestReport
from storyline.sources.feeds import read_url_list
from storyline.sources.files import HTML_SUFFIXES, TEXT_SUFFIXES, article_files
from storyline.sources.web import FetchOptions
from storyline.store.database import StoreError, current_revision
from storyline.store.export import FORMATS, export_tables
from storyline.store.repository import Input, Outcome, Store
from storyline.store.schema import EXPORT_TABLES
from storyline.store.search import SearchQuery, search
from storyline.store.stats import store_stats

console = Console(soft_wrap=True)
ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
DbOption = Annotated[
    str | None, typer.Option("--db", help="SQLite file or postgresql:// URL (default STORYLINE_DB).")
]


class Format(StrEnum):
    text = "text"
    json = "json"


def _settings(db: str | None) -> Settings:
    settings = settings_from_env()
    return settings.with_(db_url=db) if db else settings


def _open(settings: Settings) -> Store:
    try:
        return Store.open(settings.db_url)
    except StoreError as error:
        fail(str(error))


@app.command()
def init(db: DbOption = None) -> None:
    """Create the store (or bring its schema up to date)."""
    settings = _settings(db)
    with _open(settings) as store:
        revision = current_revision(store.engine)
        console.print(f"store ready: {escape(settings.db_url)} ({store.backend}, schema revision {revision})")


@app.command()
def ingest(
    inputs: Annotated[
        list[str] | None, typer.Argument(help="Files or directories: .txt .html .json .jsonl .warc .warc.gz.")
    ] = None,
    feed: Annotated[Path | None, typer.Option(help="File of feed URLs, one a line, or an OPML file.")] = None,
    sitemap: Annotated[list[str] | None, typer.Option(help="Sitemap (or sitemap index) URL.")] = None,
    urls: Annotated[Path | None, typer.Option(help="File of article URLs, one a line.")] = None,
    since: Annotated[
        str | None, typer.Option(help="Only feed entries and sitemap pages from this day.")
    ] = None,
    retry_failed: Annotated[bool, typer.Option(help="Retry every input recorded as failed.")] = False,
    allow_private: Annotated[
        bool, typer.Option(help="Allow URLs on private, loopback and link-local addresses.")
    ] = False,
    ignore_robots: Annotated[bool, typer.Option(help="Do not read or obey robots.txt.")] = False,
    timeout: Annotated[float, typer.Option(help="Seconds to connect and between response chunks.")] = 15.0,
    host_interval: Annotated[float, typer.Option(help="Seconds between two requests to one host.")] = 1.0,
    max_bytes: Annotated[int, typer.Option(help="Largest response accepted, in bytes.")] = 10_000_000,
    workers: Annotated[int, typer.Option(min=1, help="Pages fetched at once (one at a time per host).")] = 4,
    db: DbOption = None,
) -> None:
    """Fetch, analyse and store articles; a second run adds only what is new."""
    if not (inputs or feed or sitemap or urls or retry_failed):
        fail("nothing to ingest: give files or directories, --feed, --sitemap, --urls or --retry-failed", 2)
    if since and not ISO_DAY.fullmatch(since):
        fail(f"--since {since!r} is not a date; write it as YYYY-MM-DD", 2)
    settings = _settings(db)
    fetch = FetchOptions(
        timeout=timeout,
        host_interval=host_interval,
        max_bytes=max_bytes,
        workers=workers,
        allow_private=allow_private,
        respect_robots=not ignore_robots,
    )
    options = IngestOptions(since=since, retry_failed=retry_failed, fetch=fetch)
    store = _open(settings)
    try:
        with (
            _ProgressListener(_file_total(inputs or [])) as listener,
            Ingestor(store, settings, options, listener=listener) as ingestor,
        ):
            _ingest_all(ingestor, inputs or [], feed, sitemap or [], urls, retry_failed)
    except StorylineError as error:
        fail(str(error))
    except KeyboardInterrupt:
        _print_summary(ingestor.report)
        fail("interrupted; every article reported stored is safe, run the same command again to resume", 130)
    finally:
        store.close()
    _print_summary(ingestor.report)
    raise typer.Exit(1 if ingestor.report.get("failed") else 0)


def _ingest_all(
    ingestor: Ingestor,
    inputs: list[str],
    feed: Path | None,
    sitemaps: list[str],
    urls: Path | None,
    retry_failed: bool,
) -> None:
    if retry_failed:
        ingestor.retry_failed()
    if inputs:
        ingestor.files(inputs)
    if feed:
        ingestor.feeds(read_url_list(feed))
    for sitemap_url in sitemaps:
        ingestor.sitemap(sitemap_url)
    if urls:
        ingestor.urls(read_url_list(urls), source=str(urls.resolve()))


def _file_total(inputs: list[str]) -> int | None:
    """How many articles the named files hold, when that is cheap to know (None for WARC or JSON)."""
    total = 0
    for name in inputs:
        path = Path(name)
        for file in article_files(path) if path.is_dir() else [path]:
            suffix = file.suffix.lower()
            if suffix not in (".jsonl", ".ndjson", *TEXT_SUFFIXES, *HTML_SUFFIXES):
                return None
            if suffix in (".jsonl", ".ndjson"):
                with file.open("rb") as handle:
                    total += sum(1 for line in handle if line.strip())
            else:
                total += 1
    return total or None


class _RateColumn(ProgressColumn):
    def render(self, task) -> Text:  # noqa: ANN001  (Rich's Task)
        return Text(f"{task.speed or 0:.1f} articles/s", style="progress.data.speed")


class _ProgressListener:
    """A Rich progress bar with rate and ETA on a terminal; plain log lines on stderr otherwise."""

    LOG_EVERY = 25

    def __init__(self, total: int | None) -> None:
        self.started = time.perf_counter()
        self.done = 0
        self.progress: Progress | None = None
        if error_console.is_terminal:
            columns = [TextColumn("ingesting"), BarColumn(), MofNCompleteColumn(), _RateColumn()]
            self.progress = Progress(*columns, TimeRemainingColumn(), console=error_console, transient=True)
            self.task = self.progress.add_task("ingest", total=total)

    def __enter__(self) -> _ProgressListener:
        if self.progress:
            self.progress.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        if self.progress:
            self.progress.stop()

    def __call__(self, item: Input, outcome: Outcome) -> None:
        self.done += 1
        if outcome.status in ("failed", "skipped"):
            error_console.print(f"storyline: {outcome.status}: {item.key}: {outcome.reason}", markup=False)
        if self.progress:
            self.progress.advance(self.task)
        elif self.done % self.LOG_EVERY == 0:
            rate = self.done / max(time.perf_counter() - self.started, 1e-9)
            error_console.print(f"storyline: {self.done} inputs processed ({rate:.1f}/s)", markup=False)


def _print_summary(report: IngestReport) -> None:
    parts = ("stored", "duplicate", "unchanged", "known", "failed", "skipped")
    labels = {"duplicate": "duplicates", "known": "already done"}
    summary = ", ".join(f"{report.get(name)} {labels.get(name, name)}" for name in parts)
    console.print(f"ingested: {summary}", highlight=False)


@app.command(name="search")
def search_command(
    query: Annotated[str, typer.Argument(help="Words to find (all of them); '' for filters only.")],
    actor: Annotated[str | None, typer.Option(help="Articles mentioning this actor.")] = None,
    event_type: Annotated[str | None, typer.Option("--type", help="PLOVER event type, e.g. REQUEST.")] = None,
    since: Annotated[str | None, typer.Option(help="Published on or after (YYYY-MM-DD).")] = None,
    until: Annotated[str | None, typer.Option(help="Published on or before (YYYY-MM-DD).")] = None,
    limit: Annotated[int, typer.Option(help="Most results shown.")] = 20,
    include_duplicates: Annotated[bool, typer.Option(help="Also show duplicate copies.")] = False,
    output_format: Annotated[Format, typer.Option("--format", help="text or json.")] = Format.text,
    db: DbOption = None,
) -> None:
    """Full-text search with filters by actor, event type and date."""
    request = SearchQuery(
        text=query,
        actor=actor,
        event_type=event_type,
        since=since,
        until=until,
        limit=limit,
        include_duplicates=include_duplicates,
    )
    with _open(_settings(db)) as store:
        hits = search(store.engine, request)
    if output_format is Format.json:
        print(json.dumps([hit.to_dict() for hit in hits], ensure_ascii=False, indent=2))
        return
    if not hits:
        console.print("no articles match")
        return
    table = Table("id", "published", "title", "snippet", show_lines=False)
    for hit in hits:
        table.add_row(
            str(hit.id), (hit.published or "")[:10], escape(hit.title or hit.url or ""), escape(hit.snippet)
        )
    console.print(table)


@app.command()
def export(
    folder: Annotated[Path, typer.Argument(help="Folder to write, one file per table.")],
    output_format: Annotated[str, typer.Option("--format", help="jsonl, csv or parquet.")] = "jsonl",
    table: Annotated[
        list[str] | None, typer.Option(help=f"Only these tables ({', '.join(EXPORT_TABLES)}).")
    ] = None,
    db: DbOption = None,
) -> None:
    """Write the store's tables as JSONL (the analysis contract per article), CSV or Parquet."""
    if output_format not in FORMATS:
        fail(f"unknown format {output_format!r}; choose jsonl, csv or parquet", 2)
    unknown = sorted(set(table or []) - set(EXPORT_TABLES))
    if unknown:
        fail(f"unknown table {', '.join(unknown)}; choose from {', '.join(EXPORT_TABLES)}", 2)
    with _open(_settings(db)) as store:
        written = export_tables(store.engine, folder, output_format, table)
    for name, count in written.items():
        console.print(f"{folder / f'{name}.{output_format}'}: {count} rows", highlight=False)


@app.command()
def stats(
    output_format: Annotated[Format, typer.Option("--format", help="text or json.")] = Format.text,
    db: DbOption = None,
) -> None:
    """Counts per source, day and event type, and the reasons inputs failed."""
    with _open(_settings(db)) as store:
        figures = store_stats(store.engine)
    if output_format is Format.json:
        print(json.dumps(figures, ensure_ascii=False, indent=2))
        return
    totals = figures["totals"]
    console.print(", ".join(f"{count} {name}" for name, count in totals.items()), highlight=False)
    titles = {
        "by_source": "Articles per source",
        "by_day": "Articles per day (latest)",
        "by_event_type": "Events per type",
        "fetches": "Inputs per status",
        "failures": "Failures and skips by reason",
    }
    for key, title in titles.items():
        if figures[key]:
            table = Table(title=title, title_justify="left", show_header=False)
            for row in figures[key]:
                table.add_row(escape(str(row["key"] or "(unknown)")), str(row["count"]))
            console.print(table)


@app.command(name="bench-ingest")
def bench_ingest(
    articles: Annotated[int, typer.Option(min=10, help="Articles in the generated corpus.")] = 1000,
    analysed: Annotated[
        int, typer.Option(min=1, help="How many of them go through the full analysis.")
    ] = 100,
    data_dir: Annotated[
        Path, typer.Option("--data", help="Folder of evaluation data to build the corpus from.")
    ] = Path("../shared/eval"),
    output_format: Annotated[Format, typer.Option("--format", help="text or json.")] = Format.text,
) -> None:
    """Measure ingestion: articles/s with and without analysis, dedup cost, store size, search latency."""
    from storyline.ingest.bench import run_bench  # imported here: it pulls in the evaluation readers

    if not data_dir.is_dir():
        fail(f"{data_dir} is not a directory; pass --data with the evaluation folder", code=2)
    try:
        results = run_bench(
            articles=articles,
            analysed=min(analysed, articles),
            settings=settings_from_env(),
            data_dir=data_dir,
        )
    except (StorylineError, ValueError) as error:
        fail(str(error))
    if output_format is Format.json:
        print(json.dumps(results, indent=2))
        return
    for name, value in results["metrics"].items():
        console.print(f"{name:>42}  {value}", highlight=False)
    console.print(f"{'seconds':>42}  {results['seconds']}", highlight=False)
