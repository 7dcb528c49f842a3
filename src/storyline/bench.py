"""``storyline bench``: throughput, memory and latency of the full analysis against spaCy alone.

The corpus is built from the article texts in an evaluation folder (``../shared/eval``): real news bodies from
the Zyte benchmark, FNC-1, PolNeAR and ECB+, repeated in the same order when N is larger than what there is.
In one process and one run it measures
- the full analysis (``service.analyze_inputs``, streamed) against ``nlp.pipe`` alone with the same pipeline,
  batch size and processes over the same article bodies, alternating chunk by chunk → ``ratio_vs_spacy``;
- HTML extraction (``article.extract_article``) against ``trafilatura.extract`` alone on the same pages →
  ``extraction_ratio_vs_trafilatura`` (pages/s over trafilatura's pages/s);
- peak RSS, the growth of RSS between the first quarter and the end of the stream (flat means streaming),
  model load time (the pipeline and every stage's data, read while one warm-up article is analysed) and
  time to the first result.
"""

from __future__ import annotations

import csv
import gzip
import json
import os
import resource
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from itertools import chain, islice, repeat
from pathlib import Path

import trafilatura

from storyline.article import extract_article
from storyline.config import Settings
from storyline.errors import InputError
from storyline.evaluation.base import EvalReport
from storyline.evaluation.report import format_value, markdown_table
from storyline.nlp import load_pipeline
from storyline.records import Analysis, RawDoc
from storyline.service import analyze_inputs

CHUNK_BATCHES = 4
"""The analysis and spaCy alone alternate every this many batches of articles."""
TARGETS = {"ratio_vs_spacy": 0.75, "peak_rss_mb at N = 5,000": 1536.0}
csv.field_size_limit(sys.maxsize)  # FNC-1 bodies can exceed the csv module's default field size


# --- the corpus --------------------------------------------------------------------------------------


def article_texts(data_dir: Path) -> Iterator[tuple[str, str]]:
    """(source, text) of every news text the evaluation folders hold, read lazily, in a fixed order."""
    yield from _zyte_bodies(data_dir)
    yield from _fnc_bodies(data_dir)
    yield from _polnear_texts(data_dir)
    yield from _ecbplus_texts(data_dir)


def _zyte_bodies(data_dir: Path) -> Iterator[tuple[str, str]]:
    for path in sorted(data_dir.glob("extraction-scrapinghub/*.json")):
        for key, record in json.loads(path.read_text(encoding="utf-8")).items():
            yield f"{path.name}#{key}", record["articleBody"]


def _fnc_bodies(data_dir: Path) -> Iterator[tuple[str, str]]:
    for path in sorted(data_dir.glob("stance-fnc1/*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            for row in csv.DictReader(handle):
                if "articleBody" in row:
                    yield f"{path.name}#{row['Body ID']}", row["articleBody"]


def _polnear_texts(data_dir: Path) -> Iterator[tuple[str, str]]:
    for path in sorted(data_dir.glob("quotes-polnear/text/*.txt")):
        yield path.name, path.read_text(encoding="utf-8")


def _ecbplus_texts(data_dir: Path) -> Iterator[tuple[str, str]]:
    for path in sorted(data_dir.glob("clustering-ecbplus/*.jsonl")):
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                yield record["doc_name"], record["text"]


WARM_UP = RawDoc(
    source="warm-up",
    content=(
        "President Joe Biden said on Monday in Washington that the United States would send more aid to "
        'Ukraine. "We will not back down," he told reporters, adding that talks with Russia could resume '
        "next week. Moscow rejected the offer, according to a Kremlin spokesman, and accused NATO of "
        "escalating the war."
    ),
    content_type="text",
)
"""A short news text that runs every stage of the analysis once before anything is timed."""


def corpus(data_dir: Path, articles: int) -> Iterator[RawDoc]:
    """``articles`` plain-text RawDocs, cycling through the folder's texts as often as needed."""
    if next(article_texts(data_dir), None) is None:
        raise FileNotFoundError(f"{data_dir} holds no article texts (expected the ../shared/eval folders)")
    passes = chain.from_iterable(article_texts(data_dir) for _ in repeat(None))
    for source, text in islice(passes, articles):
        yield RawDoc(source=source, content=text, content_type="text")


def html_pages(data_dir: Path, limit: int) -> list[bytes]:
    """Up to ``limit`` HTML pages of the extraction folders, decompressed."""
    paths = sorted(data_dir.glob("extraction-*/html/*.html.gz"))[:limit]
    return [gzip.decompress(path.read_bytes()) for path in paths]


# --- measuring ---------------------------------------------------------------------------------------


def current_rss_mb() -> float | None:
    """Resident memory now (Linux /proc), or None where the platform does not say."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return None
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def peak_rss_mb() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / 2**20 if sys.platform == "darwin" else peak / 1024  # bytes on macOS, KiB on Linux


@dataclass
class StreamStats:
    articles: int = 0
    failed: int = 0
    words: int = 0
    events: int = 0
    seconds: float = 0.0
    first_result_s: float | None = None
    first_refusal: str | None = None
    spacy_seconds: float = 0.0
    """Time of ``nlp.pipe`` alone over the bodies the analysis parsed."""
    rss_samples: list[float] = field(default_factory=list)
    """RSS (MB) after each quarter of the stream."""


def measure_streams(raws: Iterable[RawDoc], total: int, settings: Settings) -> StreamStats:
    """The full analysis and spaCy alone, chunk by chunk over the same texts, sampling RSS at each quarter.

    The two alternate every chunk so that load from other processes on the machine weighs on both alike.
    """
    stats, done, stream = StreamStats(), 0, iter(raws)
    checkpoints = {max(1, total * quarter // 4) for quarter in range(1, 5)}
    for chunk in iter(lambda: list(islice(stream, settings.batch_size * CHUNK_BATCHES)), []):
        bodies, started = [], time.perf_counter()
        for result in analyze_inputs(chunk, settings):
            if stats.first_result_s is None:
                stats.first_result_s = time.perf_counter() - started
            _count(stats, result)
            if not isinstance(result, InputError):
                bodies.append(result.article.text)
            done += 1
            if done in checkpoints and (rss := current_rss_mb()) is not None:
                stats.rss_samples.append(rss)
        stats.seconds += time.perf_counter() - started
        stats.spacy_seconds += measure_spacy(bodies, settings)
    return stats


def _count(stats: StreamStats, result: Analysis | InputError) -> None:
    if isinstance(result, InputError):
        stats.failed += 1
        stats.first_refusal = stats.first_refusal or str(result)
        return
    stats.articles += 1
    stats.words += len(result.article.text.split())
    stats.events += len(result.events)


def measure_spacy(texts: list[str], settings: Settings) -> float:
    """Seconds for ``nlp.pipe`` alone over the texts, with the analysis' batch size and processes."""
    nlp = load_pipeline(settings.spacy_model)
    started = time.perf_counter()
    for _ in nlp.pipe(texts, batch_size=settings.batch_size, n_process=settings.n_process):
        pass
    return time.perf_counter() - started


def measure_extraction(pages: list[bytes], settings: Settings) -> tuple[float, float]:
    """Seconds for our HTML extraction and for trafilatura alone over the same pages."""
    started = time.perf_counter()
    for number, page in enumerate(pages):
        try:
            extract_article(RawDoc(source=f"page-{number}", content=page, content_type="html"), settings)
        except InputError:
            continue  # a page without an article is a result too; the time spent counts
    ours = time.perf_counter() - started
    started = time.perf_counter()
    for page in pages:
        trafilatura.extract(page, include_comments=False, include_tables=True)
    return ours, time.perf_counter() - started


# --- the run -----------------------------------------------------------------------------------------


def run_benchmark(data_dir: Path, *, articles: int, settings: Settings) -> EvalReport:
    """Measure everything on ``articles`` articles; the HTML pages are read only after the stream."""
    if articles < 1:
        raise ValueError(f"--articles must be at least 1, got {articles}")
    run_started = time.perf_counter()
    started = time.perf_counter()
    load_pipeline(settings.spacy_model)
    # every stage loads its data once (the gazetteer, lexicons, scorers): load time, not throughput
    warm_up = [result for result in analyze_inputs([WARM_UP], settings) if isinstance(result, InputError)]
    if warm_up:
        raise RuntimeError(f"the benchmark's warm-up article was refused: {warm_up[0]}")
    model_load_s = time.perf_counter() - started
    analysis = measure_streams(corpus(data_dir, articles), articles, settings)
    analysis_peak = peak_rss_mb()
    pages = html_pages(data_dir, articles)
    ours_html, trafilatura_html = measure_extraction(pages, settings)
    report = EvalReport(
        task="bench",
        data_dir=str(data_dir),
        n_items=articles,
        metrics=_metrics(analysis, len(pages), ours_html, trafilatura_html)
        | {"peak_rss_mb": analysis_peak, "model_load_s": model_load_s},
        notes=_notes(settings, analysis, len(pages)),
    )
    report.seconds = time.perf_counter() - run_started
    return report


def _metrics(
    analysis: StreamStats, pages: int, ours_html: float, trafilatura_html: float
) -> dict[str, float]:
    per_s = analysis.articles / analysis.seconds if analysis.seconds else 0.0
    spacy_per_s = analysis.articles / analysis.spacy_seconds if analysis.spacy_seconds else 0.0
    pages_per_s = pages / ours_html if ours_html else 0.0
    trafilatura_per_s = pages / trafilatura_html if trafilatura_html else 0.0
    samples = analysis.rss_samples
    return {
        "articles": float(analysis.articles),
        "failed": float(analysis.failed),
        "articles_per_s": per_s,
        "words_per_s": analysis.words / analysis.seconds if analysis.seconds else 0.0,
        "events_per_s": analysis.events / analysis.seconds if analysis.seconds else 0.0,
        "spacy_articles_per_s": spacy_per_s,
        "ratio_vs_spacy": per_s / spacy_per_s if spacy_per_s else 0.0,
        "html_pages": float(pages),
        "extraction_pages_per_s": pages_per_s,
        "trafilatura_pages_per_s": trafilatura_per_s,
        "extraction_ratio_vs_trafilatura": pages_per_s / trafilatura_per_s if trafilatura_per_s else 0.0,
        "time_to_first_result_s": analysis.first_result_s or 0.0,
        "rss_growth_mb": samples[-1] - samples[0] if len(samples) > 1 else 0.0,
    }


def _notes(settings: Settings, analysis: StreamStats, pages: int) -> list[str]:
    refusal = f" (e.g. {analysis.first_refusal[:120]})" if analysis.first_refusal else ""
    return [
        f"pipeline {settings.spacy_model}, batch_size {settings.batch_size}, n_process {settings.n_process}",
        f"{analysis.articles} articles analysed ({analysis.words} words, {analysis.events} events), "
        f"{analysis.failed} refused{refusal}; {pages} HTML pages for extraction",
        f"the full analysis and spaCy alone alternate every {CHUNK_BATCHES} batches over the same article "
        "bodies, so that other load on the machine weighs on both alike",
        "peak_rss_mb is the process peak after the stream (before the HTML pages are read); "
        "rss_growth_mb is RSS at the end minus RSS after the first quarter of the stream",
        "model_load_s: the spaCy pipeline and every stage's data (gazetteer, lexicons, scorers), loaded "
        "while one warm-up article is analysed; time_to_first_result_s and the rates exclude it",
        f"targets: ratio_vs_spacy >= {TARGETS['ratio_vs_spacy']}, peak RSS < 1.5 GB at N = 5,000, "
        "rss_growth_mb near 0",
    ]


# --- the markdown page -------------------------------------------------------------------------------

ROWS = (
    ("articles analysed", "articles", ""),
    ("full analysis, articles/s", "articles_per_s", ""),
    ("full analysis, words/s", "words_per_s", ""),
    ("full analysis, events/s", "events_per_s", ""),
    ("spaCy nlp.pipe alone, articles/s", "spacy_articles_per_s", ""),
    ("ratio full analysis / spaCy alone", "ratio_vs_spacy", ">= 0.75"),
    ("HTML pages extracted", "html_pages", ""),
    ("our extraction, pages/s", "extraction_pages_per_s", ""),
    ("trafilatura alone, pages/s", "trafilatura_pages_per_s", ""),
    ("ratio our extraction / trafilatura", "extraction_ratio_vs_trafilatura", ""),
    ("peak RSS, MB", "peak_rss_mb", "< 1536 at N = 5,000"),
    ("RSS growth, first quarter to end, MB", "rss_growth_mb", "about 0 (streaming)"),
    ("model load, s", "model_load_s", ""),
    ("time to first result, s", "time_to_first_result_s", ""),
)


def render_markdown(report: EvalReport, command: str, machine: str, commentary: str) -> str:
    """The benchmark page: what was run, where, the figures against their targets, the notes."""
    rows = [[label, format_value(report.metrics.get(key), key), target] for label, key, target in ROWS]
    lines = [
        "# Benchmarks",
        "",
        f"Generated by `{command}` on {time.strftime('%Y-%m-%d %H:%M', time.gmtime())} UTC "
        f"in {report.seconds:.0f} s.",
        f"Machine: {machine}.",
        "",
        f"N = {report.n_items:,} articles.",
        "",
        *markdown_table(["measure", "value", "target"], rows),
        "",
        *[f"- {note}" for note in report.notes],
        "",
        "",
    ]
    return "\n".join(lines) + commentary
