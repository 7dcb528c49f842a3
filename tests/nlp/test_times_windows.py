"""Each time rule runs only over windows around its needs (``Present.windows``): proof that the windows find
exactly the matches of the whole text, at their edges too, and that a pattern's reach is read right."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest
from test_times_prefilter import _texts

from storyline.nlp.timex.lexicon import Rule, TimeLexicon, load_time_lexicon
from storyline.nlp.timex.reach import pattern_reach
from storyline.nlp.timex.recognise import Present, find_candidates


def _rule(name: str) -> Rule:
    return next(rule for rule in load_time_lexicon().rules if rule.name == name)


def _whole_text(lexicon: TimeLexicon) -> TimeLexicon:
    return replace(lexicon, rules=tuple(replace(rule, reach=None) for rule in lexicon.rules))


def _windowed(rule: Rule, text: str) -> list[tuple[int, int, tuple]]:
    return [
        (match.start(), match.end(), match.regs)
        for start, end in Present(text).windows(rule)
        for match in rule.regex.finditer(text, start, end)
    ]


def _scanned(rule: Rule, text: str) -> list[tuple[int, int, tuple]]:
    return [(match.start(), match.end(), match.regs) for match in rule.regex.finditer(text)]


def test_every_rule_has_a_reach():
    """A rule without one still works, over the whole text, but costs what all the others together do."""
    assert [rule.name for rule in load_time_lexicon().rules if rule.reach is None] == []


@pytest.mark.parametrize(
    ("pattern", "reach"),
    [
        (r"ab", 3),  # two characters, and a look at the one after
        (r"a\s+b", 4),  # any run of white space is one step
        (r"a[\s-]*b(?=\s+c)", 6),  # a lookahead reaches past the match
        (r"(?<!\w)a(?P<x>bc)(?P=x)", 6),  # a lookbehind reaches back only (Python reads before a window)
        (r"a|bcd", 4),
        (r"a{2,3}", 4),
        (r"a.+b", None),  # an unbounded run of anything
        (r"\bmay\b", None),  # an anchor would take a window's edge for the text's
        (r"a?", None),  # an empty match holds no need
    ],
)
def test_a_pattern_reach(pattern, reach):
    assert pattern_reach(re.compile(pattern, re.IGNORECASE)) == reach


def test_windows_find_what_the_whole_text_holds():
    """Every rule over varied text: the same matches, with the same groups, as a scan of the whole text."""
    lexicon = load_time_lexicon()
    different = [
        (rule.name, text[:60])
        for text in _texts()
        for rule in lexicon.rules
        if _windowed(rule, text) != _scanned(rule, text)
    ]
    assert different == []


@pytest.mark.parametrize(
    ("name", "text"),
    [
        # separators are one step however long their run: the year is far away in characters
        ("month_year", "Talks began in May" + "\n" * 200 + "2024 and ended."),
        ("number_unit", "It lasted five" + " -" * 80 + " days."),
        # a match at the very start and the very end of the text, where a window is cut short
        ("month_day", "May 5"),
        ("year", "x" * 300 + " 2024"),
        # a lookahead past the match looks beyond a long run: ``7 years old`` is an age, not a duration
        ("number_unit", "He is 7 years" + " " * 120 + "old, and 7 years" + " " * 120 + "ago."),
    ],
)
def test_windows_cover_long_runs_and_text_edges(name, text):
    rule = _rule(name)
    assert _windowed(rule, text) == _scanned(rule, text) != []


def test_a_left_cue_outside_the_window_is_still_read(nlp_blank):
    """The checks on a match (a left cue before bare ``May``) read the whole text, not the window."""
    lexicon = load_time_lexicon()
    text = "The deal, signed in" + " " * 25 + "May, holds." + " filler" * 40
    doc = nlp_blank(text)
    windowed = [(c.start, c.end, c.rule.name) for c in find_candidates(doc, lexicon, False)]
    whole = [(c.start, c.end, c.rule.name) for c in find_candidates(doc, _whole_text(lexicon), False)]
    assert windowed == whole == [(text.index("May"), text.index("May") + 3, "month")]


def test_a_text_without_anchor_words_runs_no_rule():
    present = Present("Officials said nothing of note to reporters." * 50)
    assert [rule.name for rule in load_time_lexicon().rules if present.windows(rule)] == []


@pytest.fixture(scope="module")
def nlp_blank():
    import spacy

    return spacy.blank("en")
