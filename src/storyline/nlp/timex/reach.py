"""How far a rule's pattern can reach, so that recognition may run it over small windows of a text only.

Each match of a rule holds a word the rule needs (``Rule.needs``). If a match, with everything its pattern
looks at to the right of it, spans at most ``reach`` steps, a window of ``reach`` steps either side of each
such word holds every match; running the pattern over those windows alone finds the same matches as over
the whole text. A step is one character, except that a run of separators (white space and hyphens) is one
step whatever its length: the patterns allow any run of them between words (``May\\n\\n2024``).

The figure is read off the pattern's structure. A pattern with anything that escapes the bound (an unbounded
repeat of something other than one separator, an anchor such as ``\\b`` or ``$`` that would take a window's
edge for the text's, a match that may be empty) has no reach and is run over the whole text.
"""

from __future__ import annotations

import re

# Private modules, but the standard library's own parser: the only reader of a pattern's structure.
from re import _constants as sre
from re import _parser

SEPARATOR = re.compile(r"[\s-]")
STEP = r"[\s-]+|[^\s-]"

SINGLE_CHARACTER = {sre.LITERAL, sre.NOT_LITERAL, sre.IN, sre.ANY}
REPEATS = {sre.MAX_REPEAT, sre.MIN_REPEAT}
ASSERTIONS = {sre.ASSERT, sre.ASSERT_NOT}


class Unbounded(Exception):
    """The pattern holds something whose reach has no bound in steps."""


def pattern_reach(regex: re.Pattern[str]) -> int | None:
    """The most steps a match of ``regex`` and its lookaheads span; None when there is no bound."""
    parsed = _parser.parse(regex.pattern, regex.flags)
    if parsed.getwidth()[0] == 0:
        return None
    try:
        _, reach = _width_and_reach(parsed, {})
    except Unbounded:
        return None
    # One step more: the engine may look at the character after a run it has consumed.
    return reach + 1


def _width_and_reach(items: _parser.SubPattern | list, groups: dict[int, int]) -> tuple[int, int]:
    """Steps consumed at most, and steps looked at at most (lookaheads look past what they consume)."""
    width = reach = 0
    for op, av in items:
        if op in SINGLE_CHARACTER:
            step, look = 1, 1
        elif op is sre.BRANCH:
            parts = [_width_and_reach(branch, groups) for branch in av[1]]
            step, look = max(p[0] for p in parts), max(p[1] for p in parts)
        elif op is sre.SUBPATTERN:
            group, _, _, body = av
            step, look = _width_and_reach(body, groups)
            if group is not None:
                groups[group] = step
        elif op in REPEATS:
            step, look = _repeat(av, groups)
        elif op in ASSERTIONS:
            direction, body = av
            _, ahead = _width_and_reach(body, groups)
            # A lookbehind sees the text before a window's start as it is: Python reads the whole string.
            step, look = 0, ahead if direction > 0 else 0
        elif op is sre.GROUPREF and av in groups:
            step = look = groups[av]
        else:
            raise Unbounded(op)
        reach = max(reach, width + look)
        width += step
    return width, reach


def _repeat(av: tuple, groups: dict[int, int]) -> tuple[int, int]:
    _, high, body = av
    if high == sre.MAXREPEAT:
        if not _is_separator(body):
            raise Unbounded(body)
        return 1, 2  # any run of separators is one step; the engine peeks at the character after it
    if high == 0:
        return 0, 0
    step, look = _width_and_reach(body, groups)
    return high * step, (high - 1) * step + look


def _is_separator(body: _parser.SubPattern) -> bool:
    """Whether the repeated item is one character that can only be a separator."""
    if len(body) != 1:
        return False
    op, av = body[0]
    if op is sre.LITERAL:
        return SEPARATOR.fullmatch(chr(av)) is not None
    if op is not sre.IN:
        return False
    return all(
        (kind is sre.LITERAL and SEPARATOR.fullmatch(chr(value)) is not None)
        or (kind is sre.CATEGORY and value is sre.CATEGORY_SPACE)
        for kind, value in av
    )
