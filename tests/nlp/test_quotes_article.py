"""Quotes of whole articles through ``storyline.analyze``: the canonical example and boilerplate."""

from __future__ import annotations

from storyline import analyze
from storyline.records import Analysis, Quote


def quote_holding(analysis: Analysis, words: str) -> Quote:
    (quote,) = [q for q in analysis.quotes if words in q.text]
    return quote


def test_peace_talks_attributes_both_quotations_to_trump(peace_talks: Analysis) -> None:
    close = quote_holding(peace_talks, '"getting close to something"')
    hope = quote_holding(peace_talks, "I hope Ukraine moves quickly because Russia is there")
    assert close.cue.text == "stating"
    assert hope.cue.text == "remarking"
    trump = {e.id for e in peace_talks.entities if e.name == "Donald Trump"}
    assert close.speaker == hope.speaker and {close.speaker} == trump
    assert close.speaker_name == hope.speaker_name == "Donald Trump"


def test_peace_talks_reports_the_optimism_as_reported_speech(peace_talks: Analysis) -> None:
    """Trump's optimism is reported, with his words quoted inside it: mixed, not a bare direct quote."""
    close = quote_holding(peace_talks, '"getting close to something"')
    assert close.kind == "mixed"
    assert close.text.startswith("that ongoing negotiations are")
    hope = quote_holding(peace_talks, "I hope Ukraine moves quickly")
    assert hope.kind == "direct"


def test_peace_talks_quote_spans_hold_the_offset_invariant(peace_talks: Analysis) -> None:
    text = peace_talks.article.text
    for quote in peace_talks.quotes:
        assert text[quote.start : quote.end] == quote.text
        for span in (quote.cue, quote.speaker_text):
            assert span is None or text[span.start : span.end] == span.text
        assert quote.speaker is None or any(e.id == quote.speaker for e in peace_talks.entities)


def test_analyze_ignores_quotes_in_boilerplate(settings) -> None:
    text = (
        "Lawmakers Clash Over Budget\n\n"
        "Senator Maria Lopez said on Monday that the budget would pass before the recess.\n\n"
        'Also Read: "We will never surrender," says mayor in flood-hit town\n\n'
        "The vote is expected next week."
    )
    analysis = analyze(text, published="2025-12-18", settings=settings)
    assert "Also Read" not in analysis.article.text
    assert [q.text for q in analysis.quotes] == ["that the budget would pass before the recess"]
