"""Feeds, OPML lists and sitemaps parsed from hand-written documents."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest

from storyline.errors import InputError
from storyline.sources.feeds import parse_feed, read_url_list
from storyline.sources.sitemaps import SitemapEntry, is_recent, parse_sitemap

pytest_plugins = ["web_fixtures"]  # the fixtures these tests share

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title>
<entry><title>Talks resume</title><link href="/2025/12/talks"/><id>urn:1</id>
<updated>2025-12-16T08:00:00Z</updated><author><name>A. Writer</name></author></entry>
</feed>"""

NEWS_SITEMAP = b"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
        xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
<url><loc>https://a.example/new</loc><news:news><news:publication_date>2025-12-16</news:publication_date>
<news:title>New story</news:title></news:news></url>
<url><loc>https://a.example/old</loc><lastmod>2025-11-01T10:00:00+00:00</lastmod></url>
</urlset>"""

INDEX = b"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
<sitemap><loc>https://a.example/news.xml</loc><lastmod>2025-12-16</lastmod></sitemap></sitemapindex>"""


def test_parse_feed_reads_atom_entries_with_absolute_links_and_dates(make_rss) -> None:  # noqa: ANN001
    (entry,) = parse_feed(ATOM, "https://a.example/feed.atom")
    assert (entry.url, entry.title, entry.published, entry.author) == (
        "https://a.example/2025/12/talks",
        "Talks resume",
        "2025-12-16T08:00:00+00:00",
        "A. Writer",
    )
    entries = parse_feed(
        make_rss([("One", "https://a.example/1"), ("Two", "https://a.example/2")]).encode(), "x"
    )
    assert [e.url for e in entries] == ["https://a.example/1", "https://a.example/2"]


def test_parse_feed_refuses_a_page_that_is_not_a_feed() -> None:
    with pytest.raises(InputError, match="not an RSS, Atom or RDF feed"):
        parse_feed(b"<html><body>Just a page", "https://a.example/")


def test_read_url_list_reads_lines_or_opml(tmp_path: Path) -> None:
    lines = tmp_path / "feeds.txt"
    lines.write_text("# my feeds\nhttps://a.example/rss\n\nhttps://b.example/atom\n", encoding="utf-8")
    opml = tmp_path / "feeds.opml"
    opml.write_text(
        '<opml version="2.0"><body><outline text="News"><outline text="A" xmlUrl="https://a.example/rss"/>'
        "</outline></body></opml>",
        encoding="utf-8",
    )
    assert read_url_list(lines) == ["https://a.example/rss", "https://b.example/atom"]
    assert read_url_list(opml) == ["https://a.example/rss"]


def test_parse_sitemap_reads_news_entries_and_filters_by_date() -> None:
    sitemap = parse_sitemap(gzip.compress(NEWS_SITEMAP), "news.xml.gz")
    assert [(p.url, p.title, p.published) for p in sitemap.pages][0] == (
        "https://a.example/new",
        "New story",
        "2025-12-16",
    )
    assert [p.url for p in sitemap.pages if is_recent(p, "2025-12-01")] == ["https://a.example/new"]
    assert is_recent(SitemapEntry("https://a.example/month", lastmod="2025-12"), "2025-12-15")


def test_parse_sitemap_reads_an_index_and_refuses_other_xml() -> None:
    assert [child.url for child in parse_sitemap(INDEX, "index.xml").children] == [
        "https://a.example/news.xml"
    ]
    with pytest.raises(InputError, match="not a sitemap"):
        parse_sitemap(b"<rss/>", "x.xml")
