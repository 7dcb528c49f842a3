"""Headlines that report speech, read by the verb's form since the parser misreads title case."""

from __future__ import annotations

import pytest

from storyline.config import Settings
from storyline.nlp.pipeline import load_pipeline
from storyline.nlp.quotes_headlines import headline_reports


def _headlines(text: str) -> list[tuple[str, str, str, str]]:
    doc = load_pipeline(Settings().spacy_model)(text)
    return [
        (text[h.label_start : h.label_end], text[h.cue_start : h.cue_end], text[h.start : h.end], h.kind)
        for h in headline_reports(doc)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Lindsey Graham Says Trump Could Address Clean Energy\n\nThe senator spoke on Monday.",
            ("Lindsey Graham", "Says", "Trump Could Address Clean Energy", "indirect"),
        ),
        (
            "Clinton Hid Health Problems From Public, Former White House Doctor Says.\n\nHe wrote a book.",
            ("Former White House Doctor", "Says", "Clinton Hid Health Problems From Public", "indirect"),
        ),
        (
            "Rush Limbaugh: Moderator Request Reeks of Fear\n\nThe host spoke on Friday.",
            ("Rush Limbaugh", ":", "Moderator Request Reeks of Fear", "indirect"),
        ),
        (
            "Obama on Climate Change: The Trends Are 'Terrifying'\n\nThe president spoke on Monday.",
            ("Obama", ":", "The Trends Are 'Terrifying'", "indirect"),
        ),
        (
            "Clinton Speaks ‘Directly To White Voters’ After Shooting\n\nShe spoke on Monday.",
            ("Clinton", "Speaks", "‘Directly To White Voters’ After Shooting", "indirect"),
        ),
        (
            "Poll: Wealthy Voters Abandon Republican Party\n\nThe survey was taken in May.",
            ("Poll", ":", "Wealthy Voters Abandon Republican Party", "indirect"),
        ),
        (
            "Sanders: Brexit's message could draw Trump support in US.\n\nHe spoke on Monday.",
            ("Sanders", ":", "Brexit's message could draw Trump support in US.", "indirect"),
        ),
        (
            "Lynch: No outside influence on FBI probe\n\nAttorney General Loretta Lynch spoke on Monday.",
            ("Lynch", ":", "No outside influence on FBI probe", "indirect"),
        ),
        (
            "Sidney Blumenthal: ‘No Idea’ If I Told Hillary\n\nThe former aide spoke on Monday.",
            ("Sidney Blumenthal", ":", "‘No Idea’ If I Told Hillary", "indirect"),
        ),
        (
            "Trump questions the fairness of moderators ahead of debate\n\nDonald Trump spoke on Monday.",
            ("Trump", "questions", "the fairness of moderators ahead of debate", "indirect"),
        ),
    ],
)
def test_headline_reports_read_the_source_the_verb_and_the_content(text: str, expected: tuple) -> None:
    assert _headlines(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Analysis: Why The Talks In Geneva Collapsed Again\n\nThe talks collapsed.",
        "The minister says the talks in Geneva will resume next week.",
        "Lavrov says the talks in Geneva will resume next week.\n\nHe spoke in Moscow.",
        "Criminal charges against the minister could set a new legal standard.\n\nThe case was closed.",
        "The talks resumed.\n\nLavrov says no progress was made on the prisoner exchange in Istanbul.",
        "Russian President Vladimir Putin Met Ukrainian Officials In Istanbul",
        "Lindsay Lohan Leaves Betty Ford, Checks Into Malibu Rehab",
        "Hugh Jackman: an Oscar hit or miss?\n\nThe ceremony is on Sunday.",
        "The talks resumed.\n\nLavrov: No progress was made on the prisoner exchange in Istanbul.",
        '"Tara Reid has checked herself into Promises Treatment Center," her representative said.',
    ],
)
def test_headline_reports_leave_other_lines_alone(text: str) -> None:
    assert _headlines(text) == []
