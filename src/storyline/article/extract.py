"""Turn one RawDoc into an Article, or raise an InputError naming the input and the reason.

The order matters: the text is decoded and normalised first, so the body built from it is final and every
later offset points into it; boilerplate leaves the body before the language is judged on what remains.
"""

from __future__ import annotations

import hashlib
from dataclasses import replace

from storyline.article.boilerplate import split_boilerplate
from storyline.article.decode import decode
from storyline.article.html import anchor_links, looks_like_html, read_html
from storyline.article.language import SUPPORTED, identify_language
from storyline.article.parts import ArticleParts
from storyline.article.text import read_text
from storyline.config import Settings
from storyline.errors import InputError, SkippedInput
from storyline.records import Article, RawDoc, Related

PARAGRAPH_BREAK = "\n\n"


def extract_article(raw: RawDoc, settings: Settings | None = None) -> Article:
    """The article in an input; raises InputError when there is none, SkippedInput when it is not English."""
    article = read_article(raw, settings)
    if article.language not in (None, SUPPORTED):
        raise SkippedInput(raw.source, f"skipped: language {article.language}")
    return article


def read_article(raw: RawDoc, settings: Settings | None = None) -> Article:
    """The article in an input, in whatever language it is (``Article.language``); for evaluations."""
    settings = settings or Settings()
    decoded = decode(raw.content, raw.source, max_bytes=settings.max_input_bytes)
    text = decoded.text
    is_html = _is_html(raw.content_type, text)
    parts = read_html(text, raw.source, raw.url) if is_html else read_text(text)
    paragraphs, boilerplate, related = split_boilerplate(parts.paragraphs)
    body = _body(paragraphs, raw.source, settings.max_text_chars)
    language = identify_language(body)
    if is_html and related:
        related = _with_links(related, anchor_links(text, parts.url or raw.url))
    parts = _with_known_metadata(parts, raw)
    return Article(
        id=article_id(parts.url, body),
        text=body,
        title=parts.title,
        subtitle=parts.subtitle,
        author=parts.author,
        published=parts.published,
        language=language,
        url=parts.url,
        site_name=parts.site_name,
        source=raw.source,
        boilerplate=boilerplate,
        related=related,
        warnings=[decoded.warning] if decoded.warning else [],
    )


def article_id(url: str | None, text: str) -> str:
    """Stable across runs: the URL when there is one, else the body text."""
    return hashlib.sha256((url or text).encode("utf-8")).hexdigest()[:16]


def _body(paragraphs: list[str], source: str, max_chars: int) -> str:
    body = PARAGRAPH_BREAK.join(paragraphs)
    if not body.strip():
        raise InputError(source, "no article text found")
    if len(body) > max_chars:
        raise InputError(source, f"text too long: {len(body):,} characters, limit {max_chars:,}")
    return body


def _is_html(content_type: str | None, text: str) -> bool:
    if content_type is None:
        return looks_like_html(text)
    return "html" in content_type.lower()


def _with_known_metadata(parts: ArticleParts, raw: RawDoc) -> ArticleParts:
    """What the source knows beats what was read from the page; the caller's date beats both."""
    known = raw.metadata
    return replace(
        parts,
        title=known.get("title") or parts.title,
        author=known.get("author") or parts.author,
        published=raw.published or known.get("published") or parts.published,
        url=known.get("url") or parts.url or raw.url,
        site_name=known.get("site_name") or parts.site_name,
    )


def _with_links(related: list[Related], links: dict[str, str]) -> list[Related]:
    return [replace(item, url=item.url or links.get(item.title.casefold())) for item in related]
