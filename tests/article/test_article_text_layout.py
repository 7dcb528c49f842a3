"""Plain-text layout: headline, dek, byline, dateline and paragraphs, on hand-written and example texts."""

from __future__ import annotations

from pathlib import Path

from storyline.article import extract_article
from storyline.article.text import read_text, split_paragraphs
from storyline.records import RawDoc

WIRE_STORY = (
    "Ukraine Says Talks With Russia Are Making Progress\n"
    "By Jane Doe and John Roe, Reuters\n"
    "KYIV, Dec 18 (Reuters) -\n"
    "Ukraine's president said on Thursday that talks with Russia had made progress, but warned that a "
    "ceasefire was still far away.\n"
    '"We are closer than ever," he told reporters in the capital.\n'
    "The talks will continue next week in Geneva, officials said.\n"
)


def test_extract_article_reads_the_example_layout(shared: Path) -> None:
    example = shared / "examples" / "peace-talks.txt"
    article = extract_article(RawDoc(source=str(example), content=example.read_bytes()))
    assert article.title == "Trump Says Ukraine Peace Talks ‘Getting Close’ Ahead of US–Russia Meeting"
    assert article.subtitle == "President hints major breakthrough in Russia talks imminent."
    also_read = [b for b in article.boilerplate if b.text.startswith("Also Read:")]
    assert [b.kind for b in also_read] == ["related", "related"]
    assert "Also Read" not in article.text
    assert article.title not in article.text
    assert [r.title for r in article.related] == [
        "Kennedy Center Renamed Trump-Kennedy Center After Controversial Board Vote",
        "Dan Bongino to Step Down as Deputy FBI Director Within a Year of Appointment",
    ]
    assert article.text.startswith("United States President Donald Trump")
    assert len(article.text.split("\n\n")) == 5
    assert article.language == "en"


def test_read_text_takes_byline_and_keeps_dateline_with_its_paragraph() -> None:
    parts = read_text(WIRE_STORY)
    assert parts.title == "Ukraine Says Talks With Russia Are Making Progress"
    assert parts.author == "Jane Doe and John Roe"
    assert parts.subtitle is None
    assert parts.paragraphs[0].startswith("KYIV, Dec 18 (Reuters) - Ukraine's president said")
    assert len(parts.paragraphs) == 3


def test_read_text_without_headline_when_first_line_is_prose() -> None:
    text = (
        "WASHINGTON (AP) — The Senate passed a stopgap spending bill late on Friday. "
        "The House is expected to vote on it next week.\n"
        "Lawmakers said the bill would keep the government open until March."
    )
    parts = read_text(text)
    assert parts.title is None
    assert len(parts.paragraphs) == 2


def test_read_text_finds_unpunctuated_dek() -> None:
    text = (
        "Storm Hits the Coast\n"
        "Thousands without power as schools close\n"
        "A powerful storm hit the coast on Tuesday, knocking out power to thousands of homes.\n"
        "Emergency crews worked through the night to restore power, officials said."
    )
    parts = read_text(text)
    assert parts.subtitle == "Thousands without power as schools close"
    assert len(parts.paragraphs) == 2


def test_read_text_does_not_take_a_full_lede_for_a_dek() -> None:
    text = (
        "Storm Hits the Coast\n"
        "A powerful storm hit the coast on Tuesday, knocking out power to thousands of homes.\n"
        "Emergency crews worked through the night to restore power, officials said."
    )
    parts = read_text(text)
    assert parts.subtitle is None
    assert parts.paragraphs[0].startswith("A powerful storm")


def test_split_paragraphs_unwraps_hard_wrapped_text() -> None:
    text = (
        "Storm Hits Coast\n\n"
        "A powerful storm hit the coast on Tuesday, knocking out power to thousands\n"
        "of homes and forcing officials to close schools across the region, the\n"
        "governor said in a statement.\n\n"
        "Emergency crews worked through the night to restore power, and officials\n"
        "said most homes would have electricity again by Wednesday evening.\n"
    )
    paragraphs = split_paragraphs(text)
    assert paragraphs[0] == "Storm Hits Coast"
    assert paragraphs[1].endswith("across the region, the governor said in a statement.")
    assert len(paragraphs) == 3


def test_split_paragraphs_keeps_one_paragraph_per_line() -> None:
    text = "First paragraph of the story.\nSecond paragraph.\n\nThird paragraph after a gap."
    assert split_paragraphs(text) == [
        "First paragraph of the story.",
        "Second paragraph.",
        "Third paragraph after a gap.",
    ]


def test_read_text_keeps_a_section_kicker_in_the_headline() -> None:
    text = (
        "Opinion | Why the Ceasefire Talks Keep Failing\n"
        "The talks collapsed again on Friday after both sides rejected the draft, diplomats said.\n"
        "Negotiators plan to meet again in Geneva next month, officials said."
    )
    assert read_text(text).title == "Opinion | Why the Ceasefire Talks Keep Failing"


def test_read_text_takes_no_dek_in_capitals_or_running_on() -> None:
    for second in ("CLICK FOR FULL RESULTS", "The minister told reporters on Friday:"):
        text = (
            f"Storm Hits the Coast\n{second}\n"
            "A powerful storm hit the coast on Tuesday, knocking out power to thousands of homes.\n"
            "Emergency crews worked through the night to restore power, officials said."
        )
        assert read_text(text).subtitle is None, second
