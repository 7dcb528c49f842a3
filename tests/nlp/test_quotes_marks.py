"""Quoted passages from quotation marks alone: every style, paragraphs, stray and nested marks."""

from __future__ import annotations

import time

import pytest

from storyline.nlp.quotes_marks import find_quoted_spans


def passages(text: str) -> list[str]:
    return [text[span.start : span.end] for span in find_quoted_spans(text)]


@pytest.mark.parametrize(
    ("text", "inner"),
    [
        ('"We will win," she said.', "We will win,"),
        ("“We will win,” she said.", "We will win,"),
        ("«Nous gagnerons», a-t-il dit.", "Nous gagnerons"),
        ("„Wir schaffen das“, sagte sie.", "Wir schaffen das"),
        ("‘We will not back down,’ the minister said.", "We will not back down,"),
        ("''If you're under stress,'' he said.", "If you're under stress,"),
    ],
)
def test_find_quoted_spans_reads_every_mark_style(text: str, inner: str) -> None:
    assert passages(text) == [inner]


def test_find_quoted_spans_reads_a_closing_mark_typed_to_open_a_paragraph() -> None:
    text = "Readers wrote in.\n”He has empowered the worst of us.” ― Sonya Herridge, 45"
    assert passages(text) == ["He has empowered the worst of us."]


def test_find_quoted_spans_keeps_apostrophes_out_of_british_quotes() -> None:
    text = "Labour's leader said: 'We won't back down,' adding that the voters' choice was clear."
    assert passages(text) == ["We won't back down,"]


def test_find_quoted_spans_joins_a_quote_reopened_in_the_next_paragraph() -> None:
    text = '"The first paragraph ends open.\n\n"The second closes it," she said.'
    (span,) = find_quoted_spans(text)
    assert text[span.start : span.end] == 'The first paragraph ends open.\n\n"The second closes it,'
    assert span.paragraphs == 2


def test_find_quoted_spans_drops_a_mark_left_open_at_the_paragraph_end() -> None:
    text = 'He said "nothing more\n\nThe next paragraph has "a real quote" in it.'
    assert passages(text) == ["a real quote"]


def test_find_quoted_spans_recovers_after_a_stray_opening_mark() -> None:
    assert passages('He said "yes. Then "no" and "maybe".') == ["no", "maybe"]


def test_find_quoted_spans_keeps_only_the_outer_of_nested_quotes() -> None:
    text = "“I know people who said, ‘He is the lesser evil,’ and left,” she said."
    assert passages(text) == ["I know people who said, ‘He is the lesser evil,’ and left,"]


def test_find_quoted_spans_takes_linear_time_on_a_line_of_marks() -> None:
    started = time.perf_counter()
    found = find_quoted_spans('"' * 10_000 + " '" * 10_000 + "“”" * 5_000)
    assert time.perf_counter() - started < 1.0
    assert all(span.end >= span.start for span in found)


def test_find_quoted_spans_offsets_index_the_text() -> None:
    text = 'A "first" and “second one” and «third».'
    for span in find_quoted_spans(text):
        assert text[span.outer_start] in '"“«' and text[span.outer_end - 1] in '"”»'


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a quotation inside one of another style is part of it
        (
            '"I will read you the question: “Do you think it matters?” Forty-three, yes," he said.',
            ["I will read you the question: “Do you think it matters?” Forty-three, yes,"],
        ),
        ('“He said "no" and left,” she said.', ['He said "no" and left,']),
        # a stray mark of one style before a quotation in another leaves that quotation whole
        ('He said "no. Then “Yes,” she said.\n\nThe end.', ["Yes,"]),
    ],
)
def test_find_quoted_spans_nests_a_quotation_in_another_style(text: str, expected: list[str]) -> None:
    assert passages(text) == expected
