"""What the HTML and plain-text readers hand to the article stage before boilerplate and language."""

from __future__ import annotations

import re
from dataclasses import dataclass

from storyline.article.decode import normalize

_SPACES = re.compile(r"\s+")


@dataclass(slots=True)
class ArticleParts:
    paragraphs: list[str]
    title: str | None = None
    subtitle: str | None = None
    author: str | None = None
    published: str | None = None
    site_name: str | None = None
    url: str | None = None


def clean_paragraph(text: str) -> str:
    """One paragraph on one line, normalised (HTML entities resolve only after decoding), spaces collapsed."""
    return _SPACES.sub(" ", normalize(text)).strip()


def same_text(first: str | None, second: str | None) -> bool:
    """Equal up to case, spacing and closing punctuation (a headline repeated in the body)."""
    if not first or not second:
        return False
    return _comparable(first) == _comparable(second)


def _comparable(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))
