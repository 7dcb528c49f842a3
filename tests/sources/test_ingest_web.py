"""Ingesting from a real local web server: feeds, sitemaps, URL lists, duplicates and failures."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from storyline.config import Settings
from storyline.ingest import IngestOptions, Ingestor, extract_only
from storyline.sources.web import FetchOptions
from storyline.store.repository import Store
from storyline.store.schema import articles
from storyline.store.stats import store_stats

pytest_plugins = ["web_fixtures"]  # the fixtures these tests share

LOCAL = FetchOptions(
    timeout=1.0, retries=0, backoff=0.0, host_interval=0.0, allow_private=True, max_bytes=2_000_000
)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    with Store.open(str(tmp_path / "web.db")) as opened:
        yield opened


def ingestor(store: Store, *, real: bool = False, **options) -> Ingestor:  # noqa: ANN003
    settings = IngestOptions(fetch=options.pop("fetch", LOCAL), **options)
    if real:
        return Ingestor(store, Settings(), settings)
    return Ingestor(store, Settings(), settings, analyse=extract_only)


def serve_feed(web, make_rss, pages) -> str:  # noqa: ANN001
    """Serve each page at /news/<n>.html and an RSS feed listing them, answering 304 to a known ETag."""
    links = [(f"Story {n}", web.serve_page(f"/news/{n}.html", page)) for n, (_, page) in enumerate(pages)]
    feed = make_rss(links).encode()

    def handle(request) -> None:  # noqa: ANN001
        fresh = request.headers.get("If-None-Match") == '"feed-v1"'
        request.send_response(304 if fresh else 200)
        request.send_header("Content-Type", "application/rss+xml")
        request.send_header("ETag", '"feed-v1"')
        request.send_header("Content-Length", "0" if fresh else str(len(feed)))
        request.end_headers()
        if not fresh:
            request.wfile.write(feed)

    web.routes["/feed.xml"] = handle
    return web.url("/feed.xml")


@pytest.mark.slow
def test_ingest_feed_of_20_real_pages_stores_20_then_nothing_new(store, web, make_rss, real_pages) -> None:  # noqa: ANN001
    feed_url = serve_feed(web, make_rss, real_pages[:20])
    first = ingestor(store, real=True).feeds([feed_url])
    assert (first.get("stored") + first.get("duplicate"), first.failures) == (20, [])
    second = ingestor(store, real=True).feeds([feed_url])
    assert (second.new_articles, second.get("known")) == (0, 0)  # the feed answered 304 Not Modified
    assert web.hits["/feed.xml"] == 2
    assert all(web.hits[f"/news/{n}.html"] == 1 for n in range(20))
    with store.engine.connect() as connection:
        titles = connection.execute(select(articles.c.title, articles.c.published)).all()
    assert all(title for title, _ in titles)
    assert store.count("entities") > 20


def test_ingest_feed_without_validators_skips_known_entries(store, web, make_rss, real_pages) -> None:  # noqa: ANN001
    links = [
        (f"Story {n}", web.serve_page(f"/n/{n}.html", page)) for n, (_, page) in enumerate(real_pages[:3])
    ]
    web.serve("/plain.xml", make_rss(links), content_type="application/rss+xml")
    assert ingestor(store).feeds([web.url("/plain.xml")]).new_articles == 3
    again = ingestor(store).feeds([web.url("/plain.xml")])
    assert (again.new_articles, again.get("known")) == (0, 3)
    assert sum(web.hits[f"/n/{n}.html"] for n in range(3)) == 3


def test_ingest_same_page_at_two_urls_is_one_canonical_and_one_duplicate(store, web, real_pages) -> None:  # noqa: ANN001
    _, page = real_pages[1]
    urls = [web.serve_page("/world/story.html", page), web.serve_page("/amp/story.html", page)]
    report = ingestor(store).urls(urls)
    assert (report.get("stored"), report.get("duplicate")) == (1, 1)
    with store.engine.connect() as connection:
        rows = connection.execute(select(articles.c.id, articles.c.url, articles.c.duplicate_of)).all()
    assert rows == [(1, urls[0], None), (2, urls[1], 1)]


def test_ingest_records_each_fetch_failure_with_its_reason_and_retries_on_request(store, web) -> None:  # noqa: ANN001
    web.serve("/broken.html", "down", status=500)
    web.redirect("/loop", web.url("/loop2"))
    web.redirect("/loop2", web.url("/loop"))
    web.serve("/data.pdf", b"%PDF", content_type="application/pdf")
    urls = [web.url(path) for path in ("/broken.html", "/missing.html", "/loop", "/data.pdf")]
    report = ingestor(store).urls(urls)
    assert sorted(reason for _, reason in report.failures) == [
        "HTTP 404",
        "HTTP 500",
        "redirect loop",
        "unsupported content type application/pdf",
    ]
    assert store_stats(store.engine)["totals"]["failed"] == 4
    assert ingestor(store).urls(urls).get("known") == 4  # failures are not retried unless asked

    web.serve("/broken.html", "<html><body><p>Back online with the full story.</p></body></html>")
    retried = ingestor(store).retry_failed()
    assert (retried.get("stored"), retried.get("failed")) == (1, 3)
    assert web.hits["/broken.html"] == 2


def test_ingest_refuses_local_addresses_unless_allowed(store, web, real_pages) -> None:  # noqa: ANN001
    url = web.serve_page("/local.html", real_pages[0][1])
    guarded = FetchOptions(timeout=1.0, retries=0, host_interval=0.0)
    report = ingestor(store, fetch=guarded).urls([url])
    assert report.get("failed") == 1
    assert "non-public address 127.0.0.1" in report.failures[0][1]
    assert web.hits["/local.html"] == 0


def test_ingest_sitemap_index_with_since_takes_only_recent_pages(store, web, real_pages) -> None:  # noqa: ANN001
    fresh = [web.serve_page(f"/s/{n}.html", page) for n, (_, page) in enumerate(real_pages[:2])]
    stale = web.serve_page("/s/old.html", real_pages[2][1])
    entries = [(url, "2025-12-16") for url in fresh] + [(stale, "2024-01-05")]
    urlset = "".join(f"<url><loc>{url}</loc><lastmod>{day}</lastmod></url>" for url, day in entries)
    namespace = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
    web.serve("/news-sitemap.xml", f"<urlset {namespace}>{urlset}</urlset>", content_type="application/xml")
    child = web.url("/news-sitemap.xml")
    index = f"<sitemapindex {namespace}><sitemap><loc>{child}</loc></sitemap></sitemapindex>"
    web.serve("/sitemap.xml", index, content_type="application/xml")
    report = ingestor(store, since="2025-12-01").sitemap(web.url("/sitemap.xml"))
    assert report.new_articles == 2
    assert web.hits["/s/old.html"] == 0


def test_ingest_feed_that_failed_is_cleared_once_a_retry_reads_it(store, web, make_rss, real_pages) -> None:  # noqa: ANN001
    feed_url = web.serve("/late.xml", "not yet", status=503)
    assert ingestor(store).feeds([feed_url]).get("failed") == 1
    link = web.serve_page("/late/1.html", real_pages[0][1])
    web.serve("/late.xml", make_rss([("One", link)]), content_type="application/rss+xml")
    retried = ingestor(store).retry_failed()
    assert (retried.get("stored"), store.failed_inputs()) == (1, [])
