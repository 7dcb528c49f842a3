"""Time expressions found and normalised to TIMEX3 values against a reference date.

The rule system lives in ``storyline.nlp.timex``: rules and words are data, normalisers are small functions.
``extract_times`` walks the text in order so that an explicit date can anchor the relative expressions that
follow it in the same paragraph (narrative mode); everything else is resolved against the publication date.
Without a publication date, relative expressions keep ``value=None`` and ``anchored=False``.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import lru_cache

from spacy.tokens import Doc

from storyline.nlp.context import doc_text
from storyline.nlp.timex import calendar as cal
from storyline.nlp.timex.lexicon import TimeLexicon, load_time_lexicon
from storyline.nlp.timex.normalise import NORMALISERS, Context, Reading
from storyline.nlp.timex.recognise import Candidate, find_candidates
from storyline.nlp.timex.tense import governed_by, is_parsed, modifies_a_noun, tense_at
from storyline.records import TimeExpr

MODIFIER_REACH = 25
DATE_JOINER = re.compile(r"\s*(?:,|at|on|,\s*at|,\s*on)?\s*", re.IGNORECASE)
TIGHT_JOINER = re.compile(r"[ \t]*,?[ \t]*")
RANGE_JOINER = re.compile(r"\s*(?:to|and|until|till|through|thru|-|–|—)\s*", re.IGNORECASE)
RANGE_OPENER = re.compile(r"(?:from|between)\s+$", re.IGNORECASE)
CLOCK_BEFORE = re.compile(
    r"(?<!\w)(?:\d{1,2}(?:[:.]\d\d)?\s?[ap]\.?\s?m\.?|noon|midnight)(?:\s+[A-Z]{2,4})?,?\s+$", re.IGNORECASE
)
DAY_VALUE = re.compile(r"^\d{4}-\d\d-\d\d")
BRACKETS = re.compile(r"[()]")
DAY_BESIDE = re.compile(r"(?<!\w)(?:the\s+)?day\s+(?P<side>before|after)\s+$", re.IGNORECASE)
BRACKET_OPENER = re.compile(r"\s*\(\s*")
PERIODS = {"month", "quarter", "half"}
MONTH_SPAN = re.compile(r"P(\d+)M")


@dataclass
class Found:
    start: int
    end: int
    reading: Reading


def extract_times(doc: Doc, published: str | None, *, locale: str = "US") -> list[TimeExpr]:
    """Every time expression in the Doc, normalised against ``published`` (an ISO date or datetime)."""
    lexicon = _checked_lexicon()
    text = doc_text(doc)
    parsed = is_parsed(doc)
    candidates = find_candidates(doc, lexicon, parsed)
    found = _read_all(doc, text, candidates, lexicon, cal.parse_reference(published), locale, parsed)
    found = _days_beside(text, found)
    found = _date_times_of_day(text, found, cal.parse_reference(published))
    return _records(text, found)


@lru_cache(maxsize=1)
def _checked_lexicon() -> TimeLexicon:
    """The time lexicon, once, after checking that every rule names a normaliser that exists."""
    lexicon = load_time_lexicon()
    unknown = sorted({rule.normaliser for rule in lexicon.rules} - set(NORMALISERS))
    if unknown:
        raise ValueError(f"time_rules.json names unknown normalisers: {', '.join(unknown)}")
    return lexicon


def _read_all(
    doc: Doc,
    text: str,
    candidates: list[Candidate],
    lexicon: TimeLexicon,
    publication: date | None,
    locale: str,
    parsed: bool,
) -> list[Found]:
    """Normalise in text order, keeping the latest explicit and day-precise dates of the paragraph."""
    paragraph_starts = [0] + [m.end() for m in re.finditer(r"\n", text)]
    future_verbs = frozenset(lexicon.words["future_verbs"])
    planning_verbs = frozenset(lexicon.words["planning_verbs"])
    reporting_verbs = frozenset(lexicon.words["reporting_verbs"])
    story: tuple[int, date] | None = None
    last_day: tuple[int, date] | None = None
    period: tuple[int, str] | None = None
    report_quarter: str | None = None
    last_dated: str | None = None
    found: list[Found] = []
    tense = ""
    for candidate in candidates:
        paragraph = bisect.bisect_right(paragraph_starts, candidate.start)
        sentence = _sentence_start(doc, candidate) if parsed else paragraph
        if not (
            found and RANGE_JOINER.fullmatch(text[found[-1].end : candidate.start])
        ):  # a range shares one
            verbs = (future_verbs, planning_verbs, reporting_verbs)
            tense = _tense(doc, text, candidate, lexicon, *verbs) if parsed else ""
        # ``said Thursday`` dates the report, not the story
        news_time = parsed and governed_by(doc, candidate.start, candidate.end, reporting_verbs)
        context = Context(
            lexicon=lexicon,
            publication=publication,
            story=story[1] if story and story[0] == paragraph and not news_time else None,
            last_day=last_day[1] if last_day and last_day[0] == paragraph else None,
            tense=tense,
            locale=locale,
            period=period[1] if period and period[0] == sentence else None,
            report_quarter=report_quarter,
            last_dated=last_dated,
            document_day=last_day[1] if last_day else None,
        )
        reading = NORMALISERS[candidate.rule.normaliser](candidate.match, context)
        if reading is None:
            continue
        start, reading = _with_modifier(text, candidate, reading, lexicon, found[-1].end if found else 0)
        found.append(Found(start, candidate.end, reading))
        if compared := _compared_period(reading, report_quarter, publication):
            period = (sentence, compared)
        if reading.value and reading.value[:4].isdigit() and reading.type in ("DATE", "TIME"):
            last_dated = reading.value
        if report_quarter is None and candidate.rule.normaliser == "quarter" and reading.value[:4].isdigit():
            report_quarter = reading.value
        if reading.value and DAY_VALUE.match(reading.value):
            day = date.fromisoformat(reading.value[:10])
            last_day = (paragraph, day)
            if reading.explicit and not (parsed and modifies_a_noun(doc, candidate.start, candidate.end)):
                story = (paragraph, day)
    return found


def _compared_period(reading: Reading, report_quarter: str | None, publication: date | None) -> str | None:
    """The period a later ``a year earlier`` in the sentence compares with: a month, quarter or half named;
    after a span of months (``for the nine months``, a running total) the whole year, as TimeBank has it."""
    value = reading.value or ""
    if cal.granularity(value) in PERIODS and value[:4].isdigit():
        return value
    if reading.type == "DURATION" and (months := MONTH_SPAN.fullmatch(value)) and int(months[1]) > 1:
        if report_quarter:
            return report_quarter[:4]
        return f"{publication.year:04d}" if publication else None
    return None


def _tense(
    doc: Doc,
    text: str,
    candidate: Candidate,
    lexicon: TimeLexicon,
    future_verbs: frozenset[str],
    planning_verbs: frozenset[str],
    reporting_verbs: frozenset[str],
) -> str:
    """The clause's tense, except after a deadline cue (``expires Nov. 16``) where only a future or a verb of
    deferral (``postponed until Tuesday``) says which way it lies."""
    left = candidate.start
    for before in (lexicon.modifier_regex, CLOCK_BEFORE):  # ``until mid-November``, ``until 9 a.m. Tuesday``
        if found := before.search(text, max(0, left - MODIFIER_REACH), left):
            left = found.start()
    tense = tense_at(doc, candidate.start, candidate.end, future_verbs, planning_verbs, reporting_verbs)
    if tense != "future" and lexicon.open_date_regex.search(text, max(0, left - MODIFIER_REACH), left):
        deferral_verbs = frozenset(lexicon.words["deferral_verbs"])
        return "future" if governed_by(doc, candidate.start, candidate.end, deferral_verbs) else ""
    return tense


def _sentence_start(doc: Doc, candidate: Candidate) -> int:
    span = doc.char_span(candidate.start, candidate.end, alignment_mode="expand")
    return span[0].sent.start_char if span is not None and len(span) else candidate.start


def _with_modifier(
    text: str, candidate: Candidate, reading: Reading, lexicon: TimeLexicon, previous_end: int
) -> tuple[int, Reading]:
    """Take in a modifier just before the expression (``late``, ``mid-``, ``about``, ``earlier in``)."""
    match = lexicon.modifier_regex.search(
        text, max(previous_end, candidate.start - MODIFIER_REACH), candidate.start
    )
    if match is None or reading.mod is not None:
        return candidate.start, reading
    word = re.sub(r"\s+", " ", match["mod"].lower())
    if word in lexicon.words["duration_only_modifiers"] and reading.type != "DURATION":
        return candidate.start, reading
    return match.start(), replace(reading, mod=lexicon.words["modifiers"][word])


def _days_beside(text: str, found: list[Found]) -> list[Found]:
    """``the day before Christmas``, ``the day after last Tuesday's hearing``: one expression, a day from the
    date it is anchored to (TIMEX3 anchors the whole phrase, not the date inside it)."""
    result: list[Found] = []
    for item in found:
        value = item.reading.value or ""
        floor = result[-1].end if result else 0
        beside = DAY_BESIDE.search(text, max(floor, item.start - MODIFIER_REACH), item.start)
        if beside is None or not DAY_VALUE.fullmatch(value):
            result.append(item)
            continue
        day = date.fromisoformat(value) + timedelta(days=1 if beside["side"].lower() == "after" else -1)
        result.append(Found(beside.start(), item.end, replace(item.reading, value=day.isoformat())))
    return result


def _date_times_of_day(text: str, found: list[Found], publication: date | None) -> list[Found]:
    """A time of day takes its date from a date right beside it (``Friday at 3 p.m.``), else publication.

    A time written straight before its day (``noon Thursday``, ``5 p.m. EST, Nov. 9``) becomes one expression.
    """
    result: list[Found] = []
    skip = -1
    for index, item in enumerate(found):
        if index == skip:
            continue
        reading, end = item.reading, item.end
        if reading.clock is not None:
            day, label = _neighbour_day(text, found, index)
            if day is None and publication is not None:
                day, label = publication.isoformat(), "publication"
            value = f"{day or 'XXXX-XX-XX'}T{reading.clock}"
            reading = replace(reading, value=value, reference=label if day else None)
            if _day_follows_tightly(text, found, index):
                end, skip = found[index + 1].end, index + 1
        result.append(Found(item.start, end, reading))
    return result


def _day_follows_tightly(text: str, found: list[Found], index: int) -> bool:
    if index + 1 >= len(found):
        return False
    following = found[index + 1]
    value = following.reading.value or ""
    return (
        bool(DAY_VALUE.match(value))
        and TIGHT_JOINER.fullmatch(text[found[index].end : following.start]) is not None
    )


def _neighbour_day(text: str, found: list[Found], index: int) -> tuple[str | None, str | None]:
    for other_index, gap in _neighbour_gaps(text, found, index):
        value = found[other_index].reading.value or ""
        if DAY_VALUE.match(value) and "T" not in value and DATE_JOINER.fullmatch(BRACKETS.sub(" ", gap)):
            return value[:10], found[other_index].reading.reference
    return None, None


def _neighbour_gaps(text: str, found: list[Found], index: int) -> list[tuple[int, str]]:
    """The expressions either side of a time of day, each with the text between.

    News gives a time again in another zone in brackets (``10:35 a.m. (0735 GMT) Friday``, ``at 4 in the
    morning (4 a.m. EDT Thursday)``): the day after the bracketed time is the day of both, so the look
    goes past it; a bracket never parts a time from its day."""
    item = found[index]
    gaps = []
    if index > 0:
        gaps.append((index - 1, text[found[index - 1].end : item.start]))
    following = index + 1
    if following < len(found):
        aside = found[following]
        gaps.append((following, text[item.end : aside.start]))
        opens_aside = BRACKET_OPENER.fullmatch(text[item.end : aside.start])
        if aside.reading.clock is not None and opens_aside and following + 1 < len(found):
            gaps.append(
                (following + 1, text[item.end : aside.start] + text[aside.end : found[following + 1].start])
            )
    return gaps


def _records(text: str, found: list[Found]) -> list[TimeExpr]:
    records = [
        TimeExpr(
            id=f"t{number}",
            text=text[item.start : item.end],
            start=item.start,
            end=item.end,
            type=item.reading.type,
            value=item.reading.value,
            anchored=item.reading.type in ("DATE", "TIME") and cal.is_anchored(item.reading.value),
            reference=item.reading.reference if item.reading.value else None,
            granularity=cal.granularity(item.reading.value),
            mod=item.reading.mod,
            flags=list(item.reading.flags),
        )
        for number, item in enumerate(found, start=1)
    ]
    _mark_ranges(text, records)
    return records


def _mark_ranges(text: str, records: list[TimeExpr]) -> None:
    """``from Monday to Wednesday``, ``between 2019 and 2021``: both ends carry the range's start and end."""
    for first, second in zip(records, records[1:], strict=False):
        joined = RANGE_JOINER.fullmatch(text[first.end : second.start])
        opened = RANGE_OPENER.search(text, max(0, first.start - 12), first.start)
        dash = text[first.end : second.start].strip() in ("-", "–", "—")
        if joined and (opened or dash) and first.type == second.type:
            for record in (first, second):
                record.range_start, record.range_end = first.value, second.value
