"""The boilerplate line classifier on hand-written lines: each kind, and prose that must stay."""

from __future__ import annotations

import json

import pytest

from storyline.article.boilerplate import KINDS, classify_line, load_lexicon, split_boilerplate
from storyline.config import package_data

PROSE = (
    "The minister said more talks were needed before any agreement could be signed.",
    "Share prices fell sharply on Tuesday after the announcement.",
    "Print media companies are struggling to keep readers.",
    "More than 100 people were killed in the attack, officials said.",
    "Trump: I think we are very close to a deal.",
    "Subscribers were told the service would resume on Monday.",
    "Photographs of the meeting were released by the Kremlin on Friday.",
    "| Player | Team | Points | Rebounds |",
    "Doctors want patients to use the electronic patient record (ePA)",
)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("Also Read: Kennedy Center Renamed After Controversial Board Vote", "related"),
        ("Read more: Putin warns West over long-range missiles", "related"),
        ("RELATED | Senate Passes Stopgap Spending Bill", "related"),
        ("Watch: Zelensky addresses Congress", "related"),
        ("Advertisement", "advert"),
        ("ADVERTISEMENT", "advert"),
        ("Story continues below advertisement", "advert"),
        ("Subscribe to our newsletter", "subscribe"),
        ("Sign up for our daily briefing", "subscribe"),
        ("Share this article", "share"),
        ("Facebook Twitter WhatsApp Email", "share"),
        ("Comments (12)", "share"),
        ("Photo: Reuters", "credit"),
        ("(AP Photo/Evan Vucci)", "credit"),
        ("Soldiers fire towards enemy positions near the front line. Jane Doe/Getty Images", "credit"),
        ("Reporting by Jane Doe; Editing by John Roe", "credit"),
        ("Home | World | Europe", "navigation"),
        ("Tags: Ukraine, Russia, diplomacy", "navigation"),
        ("Skip to main content", "navigation"),
        ("Copyright 2025 The Associated Press. All rights reserved.", "other"),
        ("Updated: Dec 18, 2025 3:45 pm", "other"),
    ],
)
def test_classify_line_finds_each_kind(line: str, kind: str) -> None:
    found = classify_line(line)
    assert found is not None, line
    assert found.kind == kind


@pytest.mark.parametrize("line", PROSE)
def test_classify_line_keeps_prose(line: str) -> None:
    assert classify_line(line) is None


def test_classify_line_leaves_long_paragraph_opening_with_a_cue() -> None:
    line = "Read more: " + " ".join(["the committee"] * 20) + " decided to postpone the vote."
    assert classify_line(line) is None


def test_split_boilerplate_reports_related_titles() -> None:
    paragraphs = [
        "Officials said the talks would continue next week in Geneva.",
        "Also Read: Dan Bongino to Step Down as Deputy FBI Director",
        "The delegation will be led by the foreign minister, the ministry said.",
    ]
    kept, removed, related = split_boilerplate(paragraphs)
    assert kept == [paragraphs[0], paragraphs[2]]
    assert [(b.text, b.kind) for b in removed] == [(paragraphs[1], "related")]
    assert [r.title for r in related] == ["Dan Bongino to Step Down as Deputy FBI Director"]


def test_split_boilerplate_takes_titles_under_a_related_header() -> None:
    paragraphs = [
        "The storm knocked out power to thousands of homes, the utility said.",
        "Related Stories",
        "Second Storm Expected Along the Coast Next Week",
        "Schools Reopen After Flooding in Northern Towns",
    ]
    kept, removed, related = split_boilerplate(paragraphs)
    assert kept == paragraphs[:1]
    assert {b.kind for b in removed} == {"related"}
    assert [r.title for r in related] == paragraphs[2:]


def test_split_boilerplate_takes_a_trailing_run_of_headlines() -> None:
    paragraphs = [
        "The storm knocked out power to thousands of homes, the utility said.",
        "Crews expected to restore power by Wednesday evening, officials added.",
        "Second Storm Expected Along the Coast Next Week",
        "Schools Reopen After Flooding in Northern Towns",
    ]
    kept, _, related = split_boilerplate(paragraphs)
    assert kept == paragraphs[:2]
    assert len(related) == 2


def test_split_boilerplate_keeps_a_single_crosshead_inside_the_story() -> None:
    paragraphs = [
        "The storm knocked out power to thousands of homes, the utility said.",
        "Schools Closed Across the Region",
        "Officials closed schools in five districts until the roads are cleared.",
    ]
    kept, removed, _ = split_boilerplate(paragraphs)
    assert kept == paragraphs
    assert removed == []


def test_boilerplate_lexicon_is_valid() -> None:
    data = json.loads(package_data("lexicons", "boilerplate.json").read_text(encoding="utf-8"))
    assert set(data["labels"]) <= set(KINDS)
    assert set(data["lines"]) <= set(KINDS)
    lexicon = load_lexicon()
    assert "advertisement" in lexicon.lines
    assert lexicon.max_words > 0
