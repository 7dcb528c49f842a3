"""Positions on hand-written sentences and on the canonical example."""

from __future__ import annotations

from storyline import analyze
from storyline.records import Analysis, Position


def positions_of(text: str, settings) -> Analysis:
    return analyze(text, published="2025-01-15", settings=settings)


def holder_name(analysis: Analysis, position: Position) -> str | None:
    return next((e.name for e in analysis.entities if e.id == position.holder), None)


def test_extract_positions_nominal_demand_with_precondition(settings):
    analysis = positions_of(
        "Russia's insistence on recognition of the annexed regions as a precondition for any ceasefire "
        "has stalled the talks.",
        settings,
    )
    position = next(p for p in analysis.positions if p.stance == "demand")
    assert holder_name(analysis, position) == "Russia"
    assert position.issue.text == "recognition of the annexed regions"
    assert position.condition is not None and position.condition.text.startswith("as a precondition for")


def test_extract_positions_verb_opposition_and_rejection(settings):
    analysis = positions_of(
        "Germany opposes the pipeline. Serbia rejected the Australian ultimatum.", settings
    )
    stances = {(p.stance, holder_name(analysis, p), p.issue.text) for p in analysis.positions}
    assert ("oppose", "Germany", "the pipeline") in stances
    assert ("reject", "Serbia", "the Australian ultimatum") in stances


def test_extract_positions_negated_support_is_opposition(settings):
    analysis = positions_of("France does not support the new tariffs.", settings)
    assert [p.stance for p in analysis.positions] == ["oppose"]


def test_extract_positions_urge_takes_object_and_complement_as_issue(settings):
    analysis = positions_of("Washington urged Kyiv to move quickly.", settings)
    position = analysis.positions[0]
    assert position.stance == "demand"
    assert position.issue.text == "Kyiv to move quickly"


def test_extract_positions_without_issue_are_not_reported(settings):
    assert positions_of("Officials said the demand was old.", settings).positions == []


def test_peace_talks_positions(peace_talks):
    text = peace_talks.article.text
    by_stance: dict[str, list[Position]] = {}
    for position in peace_talks.positions:
        by_stance.setdefault(position.stance, []).append(position)
        for span in (
            position.issue,
            position.evidence,
            *([position.condition] if position.condition else []),
        ):
            assert text[span.start : span.end] == span.text
    countries = {e.id: e.country for e in peace_talks.entities}
    russia = next(p for p in by_stance["demand"] if "recognition" in p.issue.text)
    assert countries[russia.holder] == "RU"
    assert russia.condition is not None and "precondition" in russia.condition.text
    ukraine = next(p for p in by_stance["oppose"] if "ceding" in p.issue.text)
    assert countries[ukraine.holder] == "UA"
    guarantees = [p for p in peace_talks.positions if "security assurances" in p.issue.text]
    assert guarantees and guarantees[0].stance in {"propose", "consider"}
    assert any("action from Kyiv" in p.issue.text for p in by_stance["demand"])


def test_extract_positions_group_opinion_belongs_to_its_country(settings):
    analysis = positions_of(
        "Polls show that Ukrainian public opinion is firmly against ceding land.", settings
    )
    position = analysis.positions[0]
    assert (position.stance, position.issue.text) == ("oppose", "ceding land")
    assert next(e.country for e in analysis.entities if e.id == position.holder) == "UA"


def test_extract_positions_answered_call_is_not_the_answerers_demand(settings):
    analysis = positions_of("The Kremlin rejected calls for a ceasefire.", settings)
    stances = {p.stance: p for p in analysis.positions}
    assert stances["reject"].holder is not None
    assert stances["demand"].holder is None


def test_extract_positions_reiterated_demand_belongs_to_its_voice(settings):
    analysis = positions_of("Poland reiterated its demand that Russia withdraw its troops.", settings)
    position = analysis.positions[0]
    assert position.stance == "demand"
    assert holder_name(analysis, position) == "Poland"
    assert position.issue.text == "that Russia withdraw its troops"
