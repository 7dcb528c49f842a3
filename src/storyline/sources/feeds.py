"""Feeds: RSS 0.9–2.0, Atom and RDF through feedparser; feed lists as plain text or OPML."""

from __future__ import annotations

import time
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urljoin

import feedparser

from storyline.errors import InputError


@dataclass(frozen=True, slots=True)
class FeedEntry:
    url: str
    title: str | None = None
    published: str | None = None
    """ISO 8601 (UTC) when the feed dates the entry."""
    author: str | None = None


def parse_feed(content: bytes, feed_url: str) -> list[FeedEntry]:
    """The entries of a feed that link to a page; raises InputError when the bytes are not a feed."""
    parsed = feedparser.parse(content)
    if parsed.bozo and not parsed.entries and not parsed.get("version"):
        raise InputError(feed_url, f"not an RSS, Atom or RDF feed ({parsed.get('bozo_exception')})")
    entries = []
    for entry in parsed.entries:
        link = entry.get("link") or entry.get("id")
        if not link:
            continue
        entries.append(
            FeedEntry(
                url=urljoin(feed_url, link),
                title=entry.get("title") or None,
                published=_iso(entry.get("published_parsed") or entry.get("updated_parsed")),
                author=entry.get("author") or None,
            )
        )
    return entries


def _iso(value: time.struct_time | None) -> str | None:
    if value is None:
        return None
    return datetime(*value[:6], tzinfo=UTC).isoformat()


def parse_opml(content: bytes, source: str = "<opml>") -> list[str]:
    """The feed URLs (``xmlUrl``) of an OPML outline, in document order."""
    try:
        root = ET.fromstring(content)
    except ET.ParseError as error:
        raise InputError(source, f"not an OPML file ({error})") from error
    return [node.attrib["xmlUrl"] for node in root.iter("outline") if node.attrib.get("xmlUrl")]


def read_url_list(path: Path) -> list[str]:
    """URLs from a file: an OPML outline, or one URL a line (blank lines and ``#`` comments ignored)."""
    try:
        content = path.read_bytes()
    except OSError as error:
        raise InputError(str(path), f"cannot read ({error.strerror})") from error
    if path.suffix.lower() == ".opml" or content.lstrip().startswith(b"<"):
        return parse_opml(content, str(path))
    lines = content.decode("utf-8", "replace").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.lstrip().startswith("#")]
