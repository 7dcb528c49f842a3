"""``storyline bench-ingest``: what the store and dedup cost next to the analysis, and how fast search is.

The corpus is built from the news texts in an evaluation folder (``../shared/eval``, read through
``storyline.bench.article_texts``): each benchmark article joins a few paragraphs picked at random (fixed
seed) from the pool, so N articles are distinct however large N is. It is written once as JSONL and once
as a WARC archive of HTML pages. Measured, each into a fresh SQLite store:
- ingest without analysis (extraction, dedup, store only) from JSONL and from WARC → articles/s;
- ingest with the full analysis of the first ``analysed`` articles → articles/s, and the share of time the
  store and dedup take next to the analysis (target ≤ 10 %);
- dedup alone (MinHash + LSH lookup) per article; store size per article;
- search latency p50/p95 over the N-article store (target p95 < 50 ms).
"""

from __future__ import annotations

import io
import json
import random
import re
import statistics
import tempfile
import time
from html import escape
from pathlib import Path
from typing import Any

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storyline.bench import article_texts
from storyline.config import Settings
from storyline.ingest.runner import Analyser, Ingestor, IngestReport, extract_only
from storyline.nlp import load_pipeline
from storyline.service import analyze_inputs
from storyline.store.repository import Store
from storyline.store.search import SearchQuery, search
from storyline.stories.dedup import NearDuplicateIndex, minhash_of

PARAGRAPHS_PER_ARTICLE = (4, 8)
SEARCH_QUERIES = 200
WORD = re.compile(r"[A-Za-z]{5,}")


def run_bench(*, articles: int, analysed: int, settings: Settings, data_dir: Path) -> dict[str, Any]:
    started = time.perf_counter()
    pool = _paragraphs(data_dir)
    corpus = [_article(pool, seed) for seed in range(articles)]
    with tempfile.TemporaryDirectory(prefix="storyline-bench-") as folder:
        work = Path(folder)
        jsonl, warc = (
            _write_jsonl(corpus, work / "corpus.jsonl"),
            _write_warc(corpus, work / "corpus.warc.gz"),
        )
        plain = _ingest(work / "plain.db", jsonl, settings, extract_only)
        from_warc = _ingest(work / "warc.db", warc, settings, extract_only)
        subset = _write_jsonl(corpus[:analysed], work / "analysed.jsonl")
        load_pipeline(settings.spacy_model)  # loaded before the clock starts: model loading is not analysis
        full = _ingest(work / "full.db", subset, settings, analyze_inputs)
        latencies = _search_latencies(work / "plain.db", corpus)
        metrics = {
            "articles": articles,
            "ingest_jsonl_no_analysis_articles_per_s": plain["rate"],
            "ingest_warc_no_analysis_articles_per_s": from_warc["rate"],
            "analysed_articles": analysed,
            "ingest_with_analysis_articles_per_s": full["rate"],
            "analysis_ms_per_article": full["analyse_ms"],
            "store_ms_per_article_with_analysis": full["store_ms"],
            "store_and_dedup_share_of_analysis": round(full["store_ms"] / max(full["analyse_ms"], 1e-9), 4),
            "store_ms_per_article_no_analysis": plain["store_ms"],
            "dedup_ms_per_article": _dedup_cost(corpus),
            "store_kb_per_article_no_analysis": plain["kb_per_article"],
            "store_kb_per_article_with_analysis": full["kb_per_article"],
            "search_p50_ms": round(statistics.median(latencies), 2),
            "search_p95_ms": round(statistics.quantiles(latencies, n=20)[-1], 2),
        }
    return {"task": "bench-ingest", "data_dir": str(data_dir), "metrics": metrics, "seconds": _since(started)}


def _paragraphs(data_dir: Path) -> list[str]:
    pool = [
        paragraph.strip()
        for _, text in article_texts(data_dir)
        for paragraph in text.split("\n")
        if len(paragraph.split()) >= 15
    ]
    if len(pool) < 100:
        raise ValueError(f"too few news paragraphs under {data_dir} to build a benchmark corpus")
    return pool


def _article(pool: list[str], seed: int) -> dict[str, str]:
    rng = random.Random(seed)
    paragraphs = rng.sample(pool, rng.randint(*PARAGRAPHS_PER_ARTICLE))
    title = " ".join(paragraphs[0].split()[:8])
    return {"url": f"https://bench.example/{seed}", "title": title, "text": "\n\n".join(paragraphs)}


def _write_jsonl(corpus: list[dict[str, str]], path: Path) -> Path:
    with path.open("w", encoding="utf-8") as out:
        for record in corpus:
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return path


def _write_warc(corpus: list[dict[str, str]], path: Path) -> Path:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for record in corpus:
            body = "".join(f"<p>{escape(p)}</p>" for p in record["text"].split("\n\n"))
            page = (
                f"<html><head><title>{escape(record['title'])}</title></head><body><article>{body}</article>"
            )
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            payload = io.BytesIO((page + "</body></html>").encode("utf-8"))
            writer.write_record(
                writer.create_warc_record(record["url"], "response", payload=payload, http_headers=headers)
            )
    return path


def _ingest(db: Path, source: Path, settings: Settings, analyse: Analyser) -> dict[str, float]:
    started = time.perf_counter()
    with Store.open(str(db)) as store:
        report: IngestReport = Ingestor(store, settings, analyse=analyse).files([str(source)])
        with store.engine.connect() as connection:
            connection.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    elapsed = time.perf_counter() - started
    count = max(report.new_articles, 1)
    size = sum(path.stat().st_size for path in db.parent.glob(f"{db.name}*"))
    return {
        "rate": round(report.new_articles / elapsed, 2),
        "analyse_ms": round(1000 * report.seconds["analyse"] / count, 2),
        "store_ms": round(1000 * report.seconds["store"] / count, 2),
        "kb_per_article": round(size / 1024 / count, 2),
    }


def _dedup_cost(corpus: list[dict[str, str]]) -> float:
    index = NearDuplicateIndex()
    started = time.perf_counter()
    for number, record in enumerate(corpus):
        signature = minhash_of(record["text"])
        if index.best_match(signature) is None:
            index.add(number, signature)
    return round(1000 * (time.perf_counter() - started) / len(corpus), 3)


def _search_latencies(db: Path, corpus: list[dict[str, str]]) -> list[float]:
    rng = random.Random(0)
    words = [word for record in corpus[:200] for word in WORD.findall(record["text"])]
    latencies = []
    with Store.open(str(db)) as store:
        for _ in range(SEARCH_QUERIES):
            query = SearchQuery(text=" ".join(rng.sample(words, rng.choice((1, 2)))), limit=20)
            started = time.perf_counter()
            search(store.engine, query)
            latencies.append(1000 * (time.perf_counter() - started))
    return latencies


def _since(started: float) -> float:
    return round(time.perf_counter() - started, 2)
