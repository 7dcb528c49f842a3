"""Events of the canonical example (``peace_talks``): what the events stage decides — type, status, place,
offsets; actor and time resolution come from the actors and times stages."""

from __future__ import annotations

from storyline.records import Analysis, Event


def event_with(analysis: Analysis, trigger: str) -> Event:
    found = [e for e in analysis.events if e.trigger.text == trigger]
    assert found, f"no event triggered by {trigger!r}: {[e.trigger.text for e in analysis.events]}"
    return found[0]


def place(analysis: Analysis, event: Event) -> str | None:
    return next((e.name for e in analysis.entities if e.id == event.location), None)


def test_peace_talks_planned_meeting_in_miami(peace_talks):
    event = next(e for e in peace_talks.events if e.type == "CONSULT" and e.status == "planned")
    assert place(peace_talks, event) == "Miami"
    countries = {e.id: e.country for e in peace_talks.entities}
    assert "RU" in {countries[t] for t in event.target}


def test_peace_talks_berlin_consultations_occurred(peace_talks):
    event = event_with(peace_talks, "consultations")
    assert (event.type, event.status) == ("CONSULT", "occurred")
    assert place(peace_talks, event) == "Berlin"
    by_id = {e.id: e for e in peace_talks.entities}
    their = {by_id[s].name for s in event.source}  # "their" consultations: the clause subject
    assert their == {"Steve Witkoff", "Jared Kushner"}
    assert {by_id[t].country for t in event.target} == {"UA"}
    times = {t.id: t.text for t in peace_talks.times}
    assert event.time is not None and "week" in times[event.time]


def test_peace_talks_russian_advances_are_an_ongoing_assault(peace_talks):
    event = event_with(peace_talks, "advances")
    assert (event.type, event.status) == ("ASSAULT", "ongoing")


def test_peace_talks_invasion_occurred_in_february_2022(peace_talks):
    event = event_with(peace_talks, "invasion")
    assert (event.type, event.status) == ("ASSAULT", "occurred")
    countries = {e.id: e.country for e in peace_talks.entities}
    assert [countries[s] for s in event.source] == ["RU"]
    times = {t.id: t.text for t in peace_talks.times}
    assert event.time is not None and "2022" in times[event.time]


def test_peace_talks_event_spans_hold_offsets(peace_talks):
    text = peace_talks.article.text
    for event in peace_talks.events:
        for span in (event.trigger, event.sentence, event.evidence, *event.also_reported):
            assert text[span.start : span.end] == span.text


def test_peace_talks_a_demand_that_clashes_with_sentiment_is_no_assault(peace_talks):
    assert not [e for e in peace_talks.events if e.trigger.text == "clashes"]
