"""Sitemaps: ``urlset`` and ``sitemapindex`` files (plain or gzip), with Google News extensions."""

from __future__ import annotations

import gzip
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from storyline.errors import InputError

NEWS = "{http://www.google.com/schemas/sitemap-news/0.9}"


@dataclass(frozen=True, slots=True)
class SitemapEntry:
    url: str
    lastmod: str | None = None
    title: str | None = None
    published: str | None = None
    """``news:publication_date`` where the sitemap is a news sitemap."""


@dataclass(frozen=True, slots=True)
class Sitemap:
    pages: list[SitemapEntry]
    children: list[SitemapEntry]
    """Further sitemaps, when this one is a sitemap index."""


def parse_sitemap(content: bytes, source: str) -> Sitemap:
    if content[:2] == b"\x1f\x8b":
        try:
            content = gzip.decompress(content)
        except (OSError, EOFError) as error:
            raise InputError(source, f"corrupt gzip sitemap ({error})") from error
    try:
        root = ET.fromstring(content)
    except ET.ParseError as error:
        raise InputError(source, f"not a sitemap ({error})") from error
    kind = root.tag.rsplit("}", 1)[-1]
    if kind not in ("urlset", "sitemapindex"):
        raise InputError(source, f"not a sitemap (root element <{kind}>)")
    entries = [_entry(node) for node in root if node.tag.rsplit("}", 1)[-1] in ("url", "sitemap")]
    entries = [entry for entry in entries if entry is not None]
    return Sitemap(pages=entries, children=[]) if kind == "urlset" else Sitemap(pages=[], children=entries)


def _entry(node: ET.Element) -> SitemapEntry | None:
    fields = {child.tag.rsplit("}", 1)[-1]: (child.text or "").strip() for child in node}
    news = node.find(f"{NEWS}news")
    title = published = None
    if news is not None:
        title = (news.findtext(f"{NEWS}title") or "").strip() or None
        published = (news.findtext(f"{NEWS}publication_date") or "").strip() or None
    if not fields.get("loc"):
        return None
    return SitemapEntry(fields["loc"], fields.get("lastmod") or None, title, published)


def is_recent(entry: SitemapEntry, since: str | None) -> bool:
    """Whether an entry was modified (or published) on or after ``since`` (``YYYY-MM-DD``); undated
    entries are kept, since a sitemap without dates says nothing about age. W3C dates may stop at the
    month or year (``2025-12``), so only as many characters as the entry gives are compared."""
    day = (entry.lastmod or entry.published or "")[:10]
    return since is None or not day or day >= since[: len(day)]
