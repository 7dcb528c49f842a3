"""Plain text → headline, dek, byline and body paragraphs, from the layout of the lines alone."""

from __future__ import annotations

import re
from statistics import median

from storyline.article.boilerplate import classify_line
from storyline.article.parts import ArticleParts, clean_paragraph

_BYLINE = re.compile(
    r"^(?:by|words by|written by|story by|reporting by)\s+"
    r"(?P<names>[A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|and|&|de|da|van|von|der|al|bin|le|la))*)"
    r"(?:\s*[,|–—-]\s*[^.!?]*)?$",
    re.I,
)
_DATELINE = re.compile(
    r"^[A-Z][A-Z.'’ -]{1,40}(?:,\s*[\w.' ]{1,40}?)?(?:\s*\([^()]{1,40}\))?\s*(?:-|–|—|--)(?:\s|$)"
)
_SENTENCE_BREAK = re.compile(r"[a-z]{2}[.!?][\"'”’)]*\s+[\"'“‘(]?[A-Z]")
_MAX_HEADLINE_WORDS = 30
_MAX_HEADLINE_CHARS = 250
_MAX_DEK_WORDS = 40
_DEK_SHARE_OF_BODY = 0.3
_WRAPPED_WIDTH = 100
_MIN_WRAP_WIDTH = 40
_ENDS_SENTENCE = re.compile(r"[.!?:][\"'”’)]*$")
_WRAP_FILL = 0.75
_BYLINE_MAX_WORDS = 12
_FRONT_MATTER = 4


def read_text(text: str) -> ArticleParts:
    paragraphs = split_paragraphs(text)
    author = _take_byline(paragraphs)
    title = paragraphs.pop(0) if _is_headline(paragraphs) else None
    author = author or _take_byline(paragraphs)
    subtitle = paragraphs.pop(0) if title and _is_dek(paragraphs) else None
    author = author or _take_byline(paragraphs)
    return ArticleParts(paragraphs=_join_datelines(paragraphs), title=title, subtitle=subtitle, author=author)


def split_paragraphs(text: str) -> list[str]:
    """One paragraph per line, or per blank-line block when the lines are hard-wrapped at a fixed width."""
    lines = text.split("\n")
    width = _wrap_width(lines)
    paragraphs: list[str] = []
    current: list[str] = []
    for line in lines:
        stripped = line.strip()
        if stripped:
            current.append(stripped)
        if current and (not stripped or width is None or len(stripped) < width * _WRAP_FILL):
            paragraphs.append(clean_paragraph(" ".join(current)))
            current = []
    if current:
        paragraphs.append(clean_paragraph(" ".join(current)))
    return paragraphs


def _wrap_width(lines: list[str]) -> int | None:
    """The fixed width lines were wrapped at, or None when each line is a whole paragraph.

    Hard-wrapped text has blank lines between paragraphs, no line longer than a terminal's width, and
    lines that stop mid-sentence with the sentence going on in the next line.
    """
    stripped = [line.strip() for line in lines]
    lengths = sorted(len(line) for line in stripped if line)
    if len(lengths) < 3 or all(stripped) or lengths[-1] > _WRAPPED_WIDTH or lengths[-1] < _MIN_WRAP_WIDTH:
        return None
    widest = lengths[int(0.9 * (len(lengths) - 1))]
    runs_on = any(
        len(line) >= widest * _WRAP_FILL and following and not _ENDS_SENTENCE.search(line)
        for line, following in zip(stripped, stripped[1:], strict=False)
    )
    return widest if runs_on else None


def _take_byline(paragraphs: list[str]) -> str | None:
    """Remove a byline (``By Jane Doe and John Roe, Reuters``) from the front matter; return the names."""
    for i, paragraph in enumerate(paragraphs[:_FRONT_MATTER]):
        match = _BYLINE.match(paragraph)
        if match and len(paragraph.split()) <= _BYLINE_MAX_WORDS:
            del paragraphs[i]
            return match.group("names")
    return None


def _is_headline(paragraphs: list[str]) -> bool:
    """A short first line that does not run into the story (no dateline) and leaves a body behind it.

    A section label in front (``Opinion | …``) is the headline's kicker here, not a teaser link.
    """
    if len(paragraphs) < 2:
        return False
    first = paragraphs[0]
    furniture = classify_line(first)
    return (
        len(first.split()) <= _MAX_HEADLINE_WORDS
        and len(first) <= _MAX_HEADLINE_CHARS
        and not _DATELINE.match(first)
        and not (_ends_sentence(first) and _SENTENCE_BREAK.search(first))
        and (furniture is None or furniture.related is not None)
    )


def _is_dek(paragraphs: list[str]) -> bool:
    """A single short line under the headline: unpunctuated, or a sentence far shorter than the body's.

    Lines in capitals are kickers, datelines or promotions; a line ending in ``:`` or ``,`` runs on.
    """
    if len(paragraphs) < 2:
        return False
    first = paragraphs[0]
    words = len(first.split())
    if words > _MAX_DEK_WORDS or first.isupper() or _DATELINE.match(first) or _SENTENCE_BREAK.search(first):
        return False
    if classify_line(first) is not None:
        return False
    if first.rstrip("\"'”’)")[-1:].isalnum():
        return True
    body = median(len(paragraph.split()) for paragraph in paragraphs[1:])
    return _ends_sentence(first) and words <= body * _DEK_SHARE_OF_BODY


def _ends_sentence(text: str) -> bool:
    return text.rstrip("\"'”’)").endswith((".", "!", "?"))


def _join_datelines(paragraphs: list[str]) -> list[str]:
    """A dateline on a line of its own (``KYIV, Dec 18 (Reuters) -``) opens the paragraph after it."""
    joined: list[str] = []
    for paragraph in paragraphs:
        if joined and _is_bare_dateline(joined[-1]):
            joined[-1] = f"{joined[-1]} {paragraph}"
        else:
            joined.append(paragraph)
    return joined


def _is_bare_dateline(paragraph: str) -> bool:
    match = _DATELINE.match(paragraph)
    return match is not None and match.end() >= len(paragraph.rstrip())
