"""HTML → main text and metadata with trafilatura; paragraphs stay paragraphs."""

from __future__ import annotations

import re
from urllib.parse import urljoin

import lxml.html
import trafilatura
from lxml.etree import ParserError
from trafilatura.settings import Document

from storyline.article.parts import ArticleParts, clean_paragraph, same_text
from storyline.errors import InputError

_HTML_START = re.compile(
    r"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|\?xml|article|main|section|div|p|h[1-6])\b",
    re.I | re.S,
)
_HTML_TAG = re.compile(r"<(?:p|div|br|span|a|body|head|title|meta|article|section|h[1-6])\b[^>]*>", re.I)
_MIN_TAGS = 3


def looks_like_html(text: str) -> bool:
    """An HTML document starts like one or is full of tags; a plain text may mention ``<p>`` once."""
    head = text[:5000]
    return bool(_HTML_START.match(head)) or len(_HTML_TAG.findall(head)) >= _MIN_TAGS


def read_html(html: str, source: str, url: str | None = None) -> ArticleParts:
    """Main text and metadata of a page; raises InputError when the page has no article text."""
    document = trafilatura.bare_extraction(
        html, url=url, include_comments=False, include_tables=True, with_metadata=True
    )
    text = getattr(document, "text", None) if document is not None else None
    if not text or not text.strip():
        raise InputError(source, "no article text found")
    paragraphs = [line for line in map(clean_paragraph, text.split("\n")) if line]
    title = _field(document, "title")
    subtitle = None
    if paragraphs and same_text(paragraphs[0], title):
        paragraphs.pop(0)
    if len(paragraphs) > 1 and _is_dek(paragraphs[0], document, title):
        subtitle = paragraphs.pop(0)
    return ArticleParts(
        paragraphs=paragraphs,
        title=title,
        subtitle=subtitle,
        author=_field(document, "author"),
        published=_field(document, "date"),
        site_name=_field(document, "sitename"),
        url=_field(document, "url") or url,
    )


def _is_dek(paragraph: str, document: Document, title: str | None) -> bool:
    """A heading under the title that repeats the page's description; a lede paragraph may repeat it too."""
    if not same_text(paragraph, _field(document, "description")):
        return False
    blocks = (block for block in document.body if not same_text("".join(block.itertext()), title))
    first = next(blocks, None)
    return first is not None and first.tag == "head"


def anchor_links(html: str, base_url: str | None) -> dict[str, str]:
    """Anchor text → absolute href for every link of the page (used for related-story titles)."""
    try:
        root = lxml.html.fromstring(html)
    except (ParserError, ValueError):
        return {}
    links: dict[str, str] = {}
    for anchor in root.iter("a"):
        href = anchor.get("href")
        label = clean_paragraph(" ".join(anchor.text_content().split()))
        if href and label and not href.startswith(("#", "javascript:")):
            links.setdefault(label.casefold(), urljoin(base_url or "", href))
    return links


def _field(document: Document, name: str) -> str | None:
    value = getattr(document, name, None)
    return clean_paragraph(value) or None if isinstance(value, str) else None
