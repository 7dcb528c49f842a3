"""Times in the example article, the same output whatever the clock says, bounded time on garbage."""

from __future__ import annotations

import time
from datetime import date

import pytest
from spacy.tokens import Doc

from storyline.config import Settings
from storyline.nlp import load_pipeline
from storyline.nlp import times as times_module
from storyline.nlp.times import extract_times
from storyline.nlp.timex import calendar, normalise

SENTENCES = (
    "Talks resumed this week after envoys met on Tuesday, two days ago, and again last weekend. "
    "A vote is scheduled for next Friday at 3 p.m.; the war began in February 2022."
)


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline(Settings().spacy_model)


def _time(analysis, text):
    matching = [t for t in analysis.times if t.text == text]
    assert matching, f"{text!r} not among {[t.text for t in analysis.times]}"
    return matching[0]


def test_extract_times_resolves_the_example_article(peace_talks):
    weekend = _time(peace_talks, "this weekend")
    earlier = _time(peace_talks, "earlier in the week")
    invasion = _time(peace_talks, "February 2022")
    consultations = _time(peace_talks, "two-day")
    assert (weekend.value, weekend.type, weekend.reference) == ("2025-W51-WE", "DATE", "publication")
    assert (earlier.value, earlier.mod) == ("2025-W51", "START")
    assert (invasion.value, invasion.anchored, invasion.granularity) == ("2022-02", True, "month")
    assert (consultations.value, consultations.type) == ("P2D", "DURATION")


def test_extract_times_offsets_hold_in_the_example(peace_talks):
    text, times = peace_talks.article.text, peace_talks.times
    assert times
    assert all(text[t.start : t.end] == t.text for t in times)
    assert [t.id for t in times] == [f"t{i}" for i in range(1, len(times) + 1)]
    assert len(times) == len({t.start for t in times})


class _FrozenDate(date):
    """A date class whose ``today`` is fixed, patched where the extractor could read the clock."""

    frozen = date(2001, 1, 1)

    @classmethod
    def today(cls):
        return cls.frozen


@pytest.mark.parametrize("published", ["2025-12-18", None])
def test_extract_times_is_the_same_on_any_day(nlp, monkeypatch, published):
    doc = nlp(SENTENCES)
    results = []
    for today, epoch in ((date(2001, 1, 1), 978_307_200.0), (date(2031, 7, 15), 1_942_012_800.0)):
        _FrozenDate.frozen = today
        monkeypatch.setattr(time, "time", lambda epoch=epoch: epoch)
        for module in (calendar, normalise, times_module):
            monkeypatch.setattr(module, "date", _FrozenDate)
        results.append([t.__repr__() for t in extract_times(doc, published)])
    assert results[0] == results[1]
    assert len(results[0]) >= 6


def test_extract_times_without_publication_leaves_relative_values_unresolved(nlp):
    times = extract_times(nlp(SENTENCES), None)
    relative = [
        t for t in times if t.text in ("this week", "Tuesday", "two days ago", "last weekend", "next Friday")
    ]
    assert len(relative) == 5
    assert all(t.value is None and not t.anchored and t.reference is None for t in relative)
    assert [t.value for t in times if t.text == "February 2022"] == ["2022-02"]


def test_extract_times_finishes_on_a_megabyte_of_digits_and_slashes(nlp):
    garbage = ("12/31/1999/0/" * 80_000)[:1_000_000]
    doc = Doc(nlp.vocab, words=[garbage], spaces=[False])
    started = time.perf_counter()
    extract_times(doc, "2025-12-18")
    assert time.perf_counter() - started < 20


def test_extract_times_keeps_offsets_on_many_numbers(nlp):
    garbage = "1/2 3/4/5 2025 12 / 18 / " * 4_000
    doc = Doc(nlp.vocab, words=garbage.split())
    started = time.perf_counter()
    times = extract_times(doc, "2025-12-18")
    assert time.perf_counter() - started < 30
    assert len(times) == 4_000
    text = doc.text  # a property that joins every token: read it once
    assert all(text[t.start : t.end] == t.text for t in times)
