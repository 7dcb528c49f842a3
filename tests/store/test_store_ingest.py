"""Ingesting local files into both backends: real pipeline, resumption after SIGKILL, crash isolation."""

from __future__ import annotations

import gzip
import io
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import py3langid
import pytest
from sqlalchemy import distinct, func, select
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storyline.config import Settings
from storyline.errors import SkippedInput
from storyline.ingest import IngestOptions, Ingestor, extract_only
from storyline.store.database import create_store_engine
from storyline.store.repository import Store
from storyline.store.schema import articles, entities, fetches

pytest_plugins = ["store_fixtures"]  # the fixtures these tests share

ROOT = Path(__file__).resolve().parents[2]
VOA = ROOT / "examples" / "voa-2019-2024.jsonl"

KILLABLE_INGEST = """
import sys, time
from storyline.config import Settings
from storyline.ingest import Ingestor, IngestOptions, extract_only
from storyline.records import Analysis, Entity, Span
from storyline.store.repository import Store

def cheap_analyser(inputs, settings):
    # Extraction is real; the NLP stage is replaced by one entity per article so 200 articles take seconds.
    for result in extract_only(inputs, settings):
        if isinstance(result, Analysis):
            word = result.article.text.split()[0]
            start = result.article.text.index(word)
            mention = Span(start, start + len(word), word)
            result.entities = [Entity(id="e1", name=word, type="ORG", mentions=[mention])]
        time.sleep(0.01)
        yield result

with Store.open(sys.argv[1]) as store:
    Ingestor(store, Settings(), IngestOptions(chunk_size=8), analyse=cheap_analyser).files([sys.argv[2]])
"""


def _corpus(shared: Path, folder: Path, count: int) -> Path:
    """``count`` distinct English articles made of consecutive real paragraphs, as JSONL records."""
    truth = json.loads(
        (shared / "eval/extraction-scrapinghub/ground-truth.dev.json").read_text(encoding="utf-8")
    )
    paragraphs = [
        paragraph
        for key in sorted(truth)
        for paragraph in truth[key]["articleBody"].split("\n\n")
        if len(paragraph.split()) >= 20 and py3langid.classify(paragraph)[0] == "en"
    ]
    path = folder / "corpus.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for i in range(count):
            body = "\n\n".join(paragraphs[3 * i : 3 * i + 3])
            record = {"url": f"https://corpus.example/{i}", "title": f"Story {i}", "text": body}
            out.write(json.dumps(record) + "\n")
    return path


def _count(db_url: str, query) -> int:  # noqa: ANN001
    engine = create_store_engine(db_url)
    try:
        with engine.connect() as connection:
            return connection.scalar(query) or 0
    finally:
        engine.dispose()


@pytest.mark.slow
def test_ingest_jsonl_through_the_real_pipeline_then_again_adds_nothing(db_url: str, tmp_path: Path) -> None:
    records = tmp_path / "voa.jsonl"
    records.write_text(
        "".join(VOA.read_text(encoding="utf-8").splitlines(keepends=True)[:3]), encoding="utf-8"
    )
    with Store.open(db_url) as store:
        first = Ingestor(store, Settings()).files([str(records)])
        second = Ingestor(store, Settings()).files([str(records)])
        assert (first.get("stored"), first.get("failed")) == (3, 0)
        assert (second.new_articles, second.get("known")) == (0, 3)
        assert store.count("entities") > 3
        stored = store.analysis(1)
    original = json.loads(VOA.read_text(encoding="utf-8").splitlines()[0])
    assert stored.article.url == original["url"]
    assert stored.entities and all(
        stored.article.text[m.start : m.end] == m.text for e in stored.entities for m in e.mentions
    )


def test_ingest_resumes_after_sigkill_with_every_article_exactly_once(
    db_url: str, tmp_path: Path, shared: Path
) -> None:
    corpus = _corpus(shared, tmp_path, 200)
    Store.open(db_url).close()  # create the schema before polling it
    command = [sys.executable, "-c", KILLABLE_INGEST, db_url, str(corpus)]
    process = subprocess.Popen(command, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 90
    while _count(db_url, select(func.count()).select_from(articles)) < 40 and time.monotonic() < deadline:
        assert process.poll() is None, process.stderr.read().decode()
        time.sleep(0.05)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    killed_at = _count(db_url, select(func.count()).select_from(articles))
    assert 40 <= killed_at < 200

    finished = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert finished.returncode == 0, finished.stderr
    assert _count(db_url, select(func.count()).select_from(articles)) == 200
    assert _count(db_url, select(func.count(distinct(articles.c.content_hash)))) == 200
    assert _count(db_url, select(func.count()).select_from(entities)) == 200
    assert _count(db_url, select(func.count()).where(fetches.c.status == "stored")) == 200


def test_ingest_records_an_analysis_crash_against_that_article_only(db_url: str, tmp_path: Path) -> None:
    records = tmp_path / "news.jsonl"
    bodies = [
        "Envoys met in Geneva.",
        "BOOM goes the parser.",
        "Ministers met in Rome.",
        "Not English at all.",
    ]
    records.write_text("".join(json.dumps({"text": body}) + "\n" for body in bodies), encoding="utf-8")

    def fragile(inputs, settings):  # noqa: ANN001, ANN202
        for result in extract_only(inputs, settings):
            if "BOOM" in getattr(getattr(result, "article", None), "text", ""):
                raise RuntimeError("parser exploded")
            if "Not English" in getattr(getattr(result, "article", None), "text", ""):
                result = SkippedInput(f"{records}#4", "skipped: language xx")
            yield result

    with Store.open(db_url) as store:
        report = Ingestor(store, Settings(), analyse=fragile).files([str(records)])
        assert (report.get("stored"), report.get("failed"), report.get("skipped")) == (2, 1, 1)
        assert report.failures[0] == (
            f"{records.resolve()}#2",
            "analysis failed (RuntimeError: parser exploded)",
        )
        retried = Ingestor(store, Settings(), IngestOptions(), analyse=extract_only).retry_failed()
        assert (retried.get("stored"), retried.get("skipped")) == (1, 0)
        assert store.failed_inputs() == []


def test_ingest_warc_stores_html_responses_with_target_uri_and_date(
    db_url: str, tmp_path: Path, shared: Path
) -> None:
    pages = sorted((shared / "eval/extraction-scrapinghub/html").glob("*.html.gz"))[:2]
    archive = tmp_path / "cc-news.warc.gz"
    with archive.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for n, page in enumerate([*pages, None]):
            body, kind = (
                (gzip.decompress(page.read_bytes()), "text/html") if page else (b"\x89PNG", "image/png")
            )
            headers = StatusAndHeaders("200 OK", [("Content-Type", kind)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                f"https://wire.example/{n}",
                "response",
                payload=io.BytesIO(body),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": f"2025-12-1{n}T08:00:00Z"},
            )
            writer.write_record(record)
    with Store.open(db_url) as store:
        report = Ingestor(store, Settings(), analyse=extract_only).files([str(archive)])
        again = Ingestor(store, Settings(), analyse=extract_only).files([str(archive)])
        with store.engine.connect() as connection:
            rows = connection.execute(
                select(articles.c.url, articles.c.fetched).order_by(articles.c.id)
            ).all()
    assert report.new_articles == 2
    assert again.get("known") == 2
    assert [tuple(row) for row in rows] == [
        ("https://wire.example/0", "2025-12-10T08:00:00Z"),
        ("https://wire.example/1", "2025-12-11T08:00:00Z"),
    ]
