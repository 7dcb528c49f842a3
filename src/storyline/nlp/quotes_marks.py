"""Quoted passages found from the quotation marks of the text alone, before any syntax.

Double marks (" “ ” „ « » and the typewriter pairs '' ``) are paired first; single marks (‘ ’ ' ‹ ›, the
British style) are paired afterwards in what the doubles left, so that an apostrophe (``Trump’s``, ``don't``)
is never taken for a mark. A mark's side (opening or closing) comes from the glyph where it has one and from
its neighbours for straight marks; a quotation in another style inside an open one is part of it. A quote
left open at a paragraph's end continues when the next paragraph reopens it (the newspaper convention for
quotes over several paragraphs); otherwise the stray mark is dropped. One pass over the text, so any number
of marks costs linear time.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from enum import Enum

QUOTE_MARKS = "\"'“”‘’„«»‹›`"
"""Every glyph that opens or closes a quotation, for trimming and checks around quoted text."""
SENTENCE_ENDS = (".", "!", "?", "…", ":", ";", ",", "—")
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
DOUBLE_MARK = re.compile(r"''|``|[\"“”„‟«»]")
SINGLE_MARK = re.compile(r"[‘’'‹›‛]")
OPENING_GLYPHS = {"“": "double", "„": "double", "‟": "double", "«": "double", "``": "double"}
CLOSING_GLYPHS = {"”", "»"}
SINGLE_OPENING_GLYPHS = {"‘", "‹", "‛"}
SINGLE_CLOSING_GLYPHS = {"’", "›"}
OPEN_CONTEXT = set(" \t\n([{—–-/:;") | {"\u00a0"}
CLOSE_CONTEXT = set(" \t\n)]}.,;:!?—–-/") | {"\u00a0"}


class Side(Enum):
    OPEN = "open"
    CLOSE = "close"
    EITHER = "either"


@dataclass(frozen=True, slots=True)
class Mark:
    start: int
    end: int
    glyph: str
    side: Side


@dataclass(frozen=True, slots=True)
class QuotedSpan:
    """A passage between quotation marks: ``start``/``end`` exclude the marks, ``outer_*`` include them."""

    start: int
    end: int
    outer_start: int
    outer_end: int
    paragraphs: int = 1


def find_quoted_spans(text: str) -> list[QuotedSpan]:
    """Every top-level quoted passage in ``text``, in order; passages nested in another are left out."""
    doubles = _pair_marks(text, _marks(text, DOUBLE_MARK, _double_side))
    starts = [span.outer_start for span in doubles]
    singles = _pair_marks(
        text, [m for m in _marks(text, SINGLE_MARK, _single_side) if not _inside(m, doubles, starts)]
    )
    return _outermost(sorted(doubles + singles, key=lambda q: (q.outer_start, -q.outer_end)))


def _marks(text: str, pattern: re.Pattern[str], side_of) -> list[Mark]:
    found = []
    for match in pattern.finditer(text):
        side = side_of(text, match.start(), match.end(), match.group())
        if side is not None:
            found.append(Mark(match.start(), match.end(), match.group(), side))
    return found


def _double_side(text: str, start: int, end: int, glyph: str) -> Side | None:
    if glyph in OPENING_GLYPHS:
        return Side.OPEN
    if glyph in CLOSING_GLYPHS:
        opens_paragraph = (start == 0 or text[start - 1] == "\n") and end < len(text) and text[end].isalnum()
        return Side.OPEN if opens_paragraph else Side.CLOSE  # a mistyped opening mark: nothing it could close
    return _side_from_context(text, start, end)


def _single_side(text: str, start: int, end: int, glyph: str) -> Side | None:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if before.isalnum() and after.isalnum():
        return None  # an apostrophe inside a word: don't, Trump’s
    if glyph in SINGLE_OPENING_GLYPHS or (before in OPEN_CONTEXT and after.isalnum()):
        return Side.OPEN if not after.isspace() else None
    if glyph in SINGLE_CLOSING_GLYPHS or glyph == "'":
        return Side.CLOSE if not before.isspace() and (after in CLOSE_CONTEXT or after in '"”') else None
    return None


def _side_from_context(text: str, start: int, end: int) -> Side:
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if before in OPEN_CONTEXT and after not in CLOSE_CONTEXT:
        return Side.OPEN
    if after in CLOSE_CONTEXT and before not in OPEN_CONTEXT:
        return Side.CLOSE
    return Side.EITHER


def _pair_marks(text: str, marks: list[Mark]) -> list[QuotedSpan]:
    """Pair marks left to right; an opening mark of the open quote's own style while it is open means the
    earlier one was stray, one of another style opens a quotation inside it (``"… the question: “As you
    know …?” Forty-three, yes."``)."""
    breaks = [m.start() for m in PARAGRAPH_BREAK.finditer(text)]
    spans: list[QuotedSpan] = []
    opened: Mark | None = None
    first: Mark | None = None  # the opening mark of a quote that runs over several paragraphs
    inner: Mark | None = None  # the opening mark of a quotation inside the open one
    nested: list[QuotedSpan] = []  # quotations inside the open one: kept only if it proves stray
    paragraphs = 1
    for mark in marks:
        if opened is not None and _paragraph_ends_between(breaks, opened.end, mark.start):
            if mark.side is Side.CLOSE or not _reopens_next_paragraph(text, breaks, opened.end, mark):
                spans.extend(nested)
                opened, first, inner, nested, paragraphs = None, None, None, [], 1
            else:
                paragraphs += 1
                opened, inner = mark, None
                continue
        if inner is not None:
            if _style(mark) == _style(inner) and mark.side is not Side.OPEN:
                nested.append(QuotedSpan(inner.end, mark.start, inner.start, mark.end))
                inner = None
                continue
            if mark.side is Side.OPEN:
                inner = None  # the inner mark was stray; this one restarts as below
        if opened is None:
            if mark.side is not Side.CLOSE:
                opened, first, nested, paragraphs = mark, mark, [], 1
        elif mark.side is Side.OPEN and _style(mark) != _style(opened):
            inner = mark
        elif mark.side is Side.OPEN and not _closes_german_pair(opened, mark):
            spans.extend(nested)
            opened, first, nested, paragraphs = mark, mark, [], 1
        else:
            start = (first or opened).end
            spans.append(QuotedSpan(start, mark.start, (first or opened).start, mark.end, paragraphs))
            opened, first, nested, paragraphs = None, None, [], 1
    spans.extend(nested)
    return sorted((span for span in spans if span.end > span.start), key=lambda q: q.outer_start)


def _style(mark: Mark) -> str:
    """Which family of marks a glyph belongs to: straight, typewriter pairs, curly or guillemets."""
    if mark.glyph == '"':
        return "straight"
    if mark.glyph in ("``", "''"):
        return "typewriter"
    return "guillemet" if mark.glyph in "«»" else "curly"


def _closes_german_pair(opened: Mark, mark: Mark) -> bool:
    return opened.glyph == "„" and mark.glyph == "“"


def _paragraph_ends_between(breaks: list[int], start: int, end: int) -> bool:
    return bisect_left(breaks, start) < bisect_left(breaks, end)


def _reopens_next_paragraph(text: str, breaks: list[int], after: int, mark: Mark) -> bool:
    """The mark opens the paragraph right after the one where the quote was left open, and that one ends
    a sentence (a stray mark is seldom followed by a finished sentence)."""
    first = bisect_left(breaks, after)
    if bisect_left(breaks, mark.start) - first != 1:
        return False
    if not text[: breaks[first]].rstrip().endswith(SENTENCE_ENDS):
        return False
    next_start = PARAGRAPH_BREAK.match(text, breaks[first]).end()
    return text[next_start : mark.start].strip() == ""


def _inside(mark: Mark, spans: list[QuotedSpan], starts: list[int]) -> bool:
    """Whether a mark lies inside one of ``spans`` (sorted, not overlapping; ``starts`` their starts)."""
    i = bisect_right(starts, mark.start) - 1
    return i >= 0 and mark.end < spans[i].outer_end


def _outermost(spans: list[QuotedSpan]) -> list[QuotedSpan]:
    kept: list[QuotedSpan] = []
    for span in spans:
        if kept and span.outer_start < kept[-1].outer_end:
            continue
        kept.append(span)
    return kept
