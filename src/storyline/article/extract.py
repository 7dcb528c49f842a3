"""Turn one RawDoc into an Article, or raise an InputError naming the input and the reason."""

from __future__ import annotations

import hashlib

from storyline.config import Settings
from storyline.errors import InputError
from storyline.records import Article, RawDoc


def extract_article(raw: RawDoc, settings: Settings | None = None) -> Article:
    text = raw.content if isinstance(raw.content, str) else raw.content.decode("utf-8")
    paragraphs = [line.strip() for line in text.splitlines() if line.strip()]
    if not paragraphs:
        raise InputError(raw.source, "empty input")
    body = "\n\n".join(paragraphs[2:] if len(paragraphs) > 2 else paragraphs)
    return Article(
        id=hashlib.sha256(body.encode()).hexdigest()[:16],
        text=body,
        title=paragraphs[0] if len(paragraphs) > 2 else None,
        subtitle=paragraphs[1] if len(paragraphs) > 2 else None,
        published=raw.published,
        url=raw.url,
        source=raw.source,
    )
