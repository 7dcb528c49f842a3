"""Normalisers: each turns one rule's match into a TIMEX3 reading, given the reference dates and tense.

A normaliser returns ``None`` to reject a match it cannot read (an impossible date). Without a reference
date a relative expression keeps ``value=None``: nothing here ever looks at the clock.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, timedelta

from storyline.nlp.timex import calendar as cal
from storyline.nlp.timex.lexicon import TimeLexicon

STORY_GAP_DAYS = 31
"""An explicit date this far before publication means the paragraph tells an older story (narrative mode)."""
DAY_PART_TIME = "TIME"
ERAS = {-1: "PAST_REF", 0: "PRESENT_REF", 1: "FUTURE_REF"}


@dataclass(frozen=True)
class Reading:
    type: str
    value: str | None
    reference: str | None = None
    mod: str | None = None
    flags: tuple[str, ...] = ()
    clock: str | None = None
    """``15:00`` for a time of day whose date comes from a neighbouring date or the publication date."""
    explicit: bool = False
    """The text itself gives the full date (it can anchor narrative mode)."""


@dataclass(frozen=True)
class Context:
    lexicon: TimeLexicon
    publication: date | None
    story: date | None
    """The latest explicit date earlier in the same paragraph."""
    last_day: date | None
    """The latest day-precise date earlier in the same paragraph."""
    tense: str
    locale: str
    period: str | None = None
    """The latest month, quarter or half named earlier in the sentence, or the year after a span of months
    (``a year earlier`` compares to it)."""
    report_quarter: str | None = None
    """The latest quarter named earlier in the document: the period a results report is about."""
    last_dated: str | None = None
    """The latest value with a calendar year earlier in the document (``that year`` refers back to it)."""
    document_day: date | None = None
    """The latest day-precise date earlier in the document, in any paragraph."""

    def compared_period(self) -> str | None:
        """What ``a year ago`` compares to: the sentence's own period, else the report's quarter."""
        return self.period or self.report_quarter

    def deictic(self) -> tuple[date | None, str | None]:
        """``yesterday``, ``last week``: always the publication date."""
        return self.publication, "publication" if self.publication else None

    def calendar_tense(self) -> str:
        """In narrative mode the clause's tense is relative to publication, not to the story: use nearest."""
        return "" if self.calendar_anchor()[1] == "narrative" else self.tense

    def calendar_anchor(self) -> tuple[date | None, str | None]:
        """Bare weekdays and months: a story date well before publication governs, else publication."""
        if self.story and (self.publication is None or (self.publication - self.story).days > STORY_GAP_DAYS):
            return self.story, "narrative"
        return self.deictic()

    def anaphoric(self) -> tuple[date | None, str | None]:
        """``the next day``, ``two days later``, ``the previous Friday``: the latest day mentioned before, in
        the paragraph or else earlier in the story (a news story keeps to its day across paragraphs), else
        publication."""
        if day := self.last_day or self.document_day:
            return day, "narrative"
        return self.deictic()


Normaliser = Callable[[re.Match[str], Context], Reading | None]


def group(match: re.Match[str], *names: str) -> str | None:
    """The first named group that matched, lower-cased, with spaces collapsed and a trailing '.' dropped."""
    groups = match.groupdict()
    for name in names:
        if groups.get(name):
            return re.sub(r"\s+", " ", groups[name].lower()).rstrip(".")
    return None


def _day_number(text: str) -> int:
    return int(re.match(r"\d+", text).group())


def _month(match: re.Match[str], ctx: Context) -> int:
    return ctx.lexicon.words["months"][group(match, "month")]


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _nearest_century(year2: int, reference: date | None) -> int:
    """A two-digit year: the century nearest the reference (without one, 00-49 → 2000s, 50-99 → 1900s)."""
    if reference is None:
        return 2000 + year2 if year2 < 50 else 1900 + year2
    candidates = [(reference.year // 100 + shift) * 100 + year2 for shift in (-1, 0, 1)]
    return min(candidates, key=lambda y: abs(y - reference.year))


def _explicit_year(match: re.Match[str], ctx: Context) -> int | None:
    if (year := group(match, "year", "year2")) is not None:
        return int(year)
    if (short := group(match, "yy")) is not None:
        return _nearest_century(int(short), ctx.publication)
    return None


# Absolute dates ------------------------------------------------------------------------------------------


def iso_date(match: re.Match[str], ctx: Context) -> Reading | None:
    day = _safe_date(int(match["y"]), int(match["m"]), int(match["d"]))
    if day is None:
        return None
    if match["hh"]:
        return Reading("TIME", f"{day.isoformat()}T{match['hh']}:{match['mi']}", explicit=True)
    return Reading("DATE", day.isoformat(), explicit=True)


def numeric_date(match: re.Match[str], ctx: Context) -> Reading | None:
    first, second, year_text = int(match["a"]), int(match["b"]), match["y"]
    month, day = (second, first) if ctx.locale.upper() in ("EU", "GB", "UK") else (first, second)
    if month > 12 >= day:
        month, day = day, month
    year = int(year_text) if len(year_text) == 4 else _nearest_century(int(year_text), ctx.publication)
    found = _safe_date(year, month, day)
    return Reading("DATE", found.isoformat(), explicit=True) if found else None


def month_day_year(match: re.Match[str], ctx: Context) -> Reading | None:
    found = _safe_date(int(match["year"]), _month(match, ctx), _day_number(match["day"]))
    return Reading("DATE", found.isoformat(), explicit=True) if found else None


def month_day(match: re.Match[str], ctx: Context) -> Reading | None:
    month, day = _month(match, ctx), _day_number(match["day"])
    if _safe_date(2000, month, day) is None:
        return None
    reference, label = ctx.calendar_anchor()
    if reference is None:
        return Reading("DATE", f"XXXX-{month:02d}-{day:02d}")
    weekday = group(match, "weekday")
    if weekday is not None:
        found = _month_day_on_weekday(reference, month, day, ctx.lexicon.words["weekdays"][weekday])
    else:
        found = cal.month_day_date(reference, month, day, ctx.calendar_tense())
    return Reading("DATE", found.isoformat(), label) if found else None


def _month_day_on_weekday(reference: date, month: int, day: int, weekday: int) -> date | None:
    """``Friday, Oct. 23``: the weekday picks the year, nearest the reference first."""
    years = sorted(range(reference.year - 6, reference.year + 7), key=lambda y: abs(y - reference.year))
    for year in years:
        found = _safe_date(year, month, day)
        if found and found.isoweekday() == weekday:
            return found
    return cal.month_day_date(reference, month, day, "")


def relative_month_day(match: re.Match[str], ctx: Context) -> Reading | None:
    """``last Oct. 23`` is the latest one before the reference, ``next March 3`` the first after it."""
    month_number, day = _month(match, ctx), _day_number(match["day"])
    step = ctx.lexicon.words["relative_words"][group(match, "relative")]
    reference, label = ctx.deictic()
    if reference is None or _safe_date(2000, month_number, day) is None:
        return Reading("DATE", None) if reference is None else None
    tense = {-1: "past", 1: "future"}.get(step, "")
    return Reading(
        "DATE", cal.month_day_date(reference, month_number, day, tense, soon_days=0).isoformat(), label
    )


def month_set(match: re.Match[str], ctx: Context) -> Reading | None:
    """``each July``: every July."""
    return Reading("SET", f"XXXX-{_month(match, ctx):02d}")


def month_year(match: re.Match[str], ctx: Context) -> Reading | None:
    return Reading("DATE", cal.month_value(_year_value(match, ctx), _month(match, ctx)))


def month_relative_year(match: re.Match[str], ctx: Context) -> Reading | None:
    """``June last year``, ``January this year``."""
    reference, label = ctx.deictic()
    if reference is None:
        return Reading("DATE", None)
    step = ctx.lexicon.words["relative_words"][group(match, "relative")]
    return Reading("DATE", cal.month_value(reference.year + step, _month(match, ctx)), label)


def month(match: re.Match[str], ctx: Context) -> Reading | None:
    number = _month(match, ctx)
    reference, label = ctx.calendar_anchor()
    if reference is None:
        return Reading("DATE", f"XXXX-{number:02d}")
    return Reading(
        "DATE", cal.month_value(cal.month_year(reference, number, ctx.calendar_tense()), number), label
    )


def relative_month(match: re.Match[str], ctx: Context) -> Reading | None:
    number, step = _month(match, ctx), ctx.lexicon.words["relative_words"][group(match, "relative")]
    reference, label = ctx.deictic()
    if reference is None:
        return Reading("DATE", None)
    return Reading("DATE", cal.month_value(cal.relative_month_year(reference, number, step), number), label)


# Weekdays, days and parts of days ------------------------------------------------------------------------


def _with_day_part(day: date, match: re.Match[str], ctx: Context, label: str | None) -> Reading:
    part = group(match, "day_part")
    if part is None:
        return Reading("DATE", day.isoformat(), label)
    return Reading(DAY_PART_TIME, f"{day.isoformat()}T{ctx.lexicon.words['day_parts'][part]}", label)


def weekday(match: re.Match[str], ctx: Context) -> Reading | None:
    number = ctx.lexicon.words["weekdays"][group(match, "weekday")]
    reference, label = ctx.calendar_anchor()
    if reference is None:
        return Reading("DATE", None)
    return _with_day_part(cal.weekday_date(reference, number, ctx.calendar_tense()), match, ctx, label)


def relative_weekday(match: re.Match[str], ctx: Context) -> Reading | None:
    """``last Friday`` counts from publication; ``the previous Friday`` from the day the story is at."""
    number = ctx.lexicon.words["weekdays"][group(match, "weekday")]
    step = ctx.lexicon.words["relative_words"][group(match, "relative")]
    definite = match.group().lower().startswith("the")
    reference, label = ctx.anaphoric() if definite and step else ctx.deictic()
    if reference is None:
        return Reading("DATE", None)
    return _with_day_part(cal.relative_weekday_date(reference, number, step), match, ctx, label)


def weekday_set(match: re.Match[str], ctx: Context) -> Reading | None:
    """``Tuesdays``, ``every Tuesday``; ``Tuesday nights`` (a plural part of the day) recur as well."""
    number = ctx.lexicon.words["weekdays"][group(match, "weekday")]
    part = group(match, "day_part")
    suffix = f"T{ctx.lexicon.words['day_parts'][part]}" if part else ""
    return Reading("SET", f"XXXX-WXX-{number}{suffix}")


def weekend_set(match: re.Match[str], ctx: Context) -> Reading | None:
    """``booked at weekends``: a bare plural recurs (a count, ``two weekends``, is a duration)."""
    return Reading("SET", "XXXX-WXX-WE")


def deictic_day(match: re.Match[str], ctx: Context) -> Reading | None:
    word = group(match, "deictic_day")
    reference, label = ctx.deictic()
    offset = ctx.lexicon.words["deictic_days"][word]
    if ctx.lexicon.era_regex.match(match.string, match.end()):
        return Reading("DATE", ERAS[offset], label)  # ``today's youth`` are this era's, not this day's
    if reference is None:
        return Reading("DATE", None)
    day = reference + timedelta(days=offset)
    part = ctx.lexicon.words["deictic_day_parts"].get(word)
    if part and not group(match, "day_part"):
        return Reading(DAY_PART_TIME, f"{day.isoformat()}T{part}", label)
    return _with_day_part(day, match, ctx, label)


def day_part_today(match: re.Match[str], ctx: Context) -> Reading | None:
    """``this morning`` is today's; ``last night`` is yesterday's."""
    reference, label = ctx.deictic()
    if reference is None:
        return Reading(DAY_PART_TIME, None)
    offset = -1 if group(match, "relative") == "last" else 0
    return _with_day_part(reference + timedelta(days=offset), match, ctx, label)


# Weeks, months, quarters, years relative to a reference -----------------------------------------------------


def _shifted(reference: date, unit: str, step: int) -> str | None:
    """The calendar unit ``step`` units away from the reference's own (``last week`` = step -1)."""
    if unit in ("day", "night"):
        return (reference + timedelta(days=step)).isoformat()
    if unit in ("week", "weekend"):
        week = cal.week_value(reference + timedelta(days=7 * step))
        return f"{week}-WE" if unit == "weekend" else week
    if unit == "month":
        return cal.month_value(*cal.shift_months(reference.year, reference.month, step))
    if unit == "quarter":
        year, quarter = cal.shift_quarters(reference.year, cal.quarter_of(reference), step)
        return f"{year:04d}-Q{quarter}"
    if unit == "year":
        return f"{reference.year + step:04d}"
    if unit == "decade":
        return f"{reference.year // 10 + step:03d}"
    if unit == "century":
        return f"{reference.year // 100 + step:02d}"
    return None


def _duration(amount: float | None, unit_entry: dict) -> str:
    """``P2D``, ``PT3H``, ``P10Y`` (a decade), ``PXM`` for a vague amount."""
    if amount is None:
        count = "X"
    else:
        total = amount * unit_entry["factor"]
        count = str(int(total)) if float(total).is_integer() else f"{total:g}"
    return f"PT{count}{unit_entry['symbol']}" if unit_entry["time"] else f"P{count}{unit_entry['symbol']}"


def relative_unit(match: re.Match[str], ctx: Context) -> Reading | None:
    word = group(match, "relative")
    unit, entry = ctx.lexicon.unit(group(match, "unit"))
    definite = match.group().lower().startswith("the")
    if word == "past" or (definite and word == "last") or entry["time"] or unit == "fortnight":
        return Reading("DURATION", _duration(1, entry))
    if definite and word in ("next", "following", "previous"):
        reference, label = ctx.anaphoric()
        if ctx.last_day is None and (period_start := _earlier_period_start(ctx.last_dated, unit)):
            reference, label = period_start, "narrative"
    else:
        reference, label = ctx.deictic()
    if reference is None:
        return Reading("DATE", None)
    return Reading("DATE", _shifted(reference, unit, ctx.lexicon.words["relative_words"][word]), label)


def _earlier_period_start(value: str | None, unit: str) -> date | None:
    """The first day of an earlier-mentioned month or year, when ``the following {unit}`` counts from it."""
    if value and unit == "month" and (found := re.match(r"(\d{4})-(\d\d)(?![\d-])", value)):
        return date(int(found[1]), int(found[2]), 1)
    if value and unit == "year" and re.fullmatch(r"\d{4}(?:-\d\d)?", value):
        return date(int(value[:4]), 1, 1)
    return None


def counted_duration(match: re.Match[str], ctx: Context) -> Reading | None:
    _, entry = ctx.lexicon.unit(group(match, "units"))
    return Reading("DURATION", _duration(ctx.lexicon.number(group(match, "number")), entry))


def duration(match: re.Match[str], ctx: Context) -> Reading | None:
    number = group(match, "number")
    unit, entry = ctx.lexicon.unit(group(match, "unit_any"))
    if number in ("a", "an") and unit in ("second", "minute"):
        return None  # "a second time", "wait a minute"
    if unit == "quarter" and re.match(r"\s+of\b", match.string[match.end() : match.end() + 4]):
        return None  # "three-quarters of the vote" is a fraction
    return Reading("DURATION", _duration(ctx.lexicon.number(number), entry))


HALF_UNITS = {
    "second": (500, "S", True), "minute": (30, "S", True), "hour": (30, "M", True),
    "day": (12, "H", True), "night": (12, "H", True), "week": (3.5, "D", False),
    "month": (15, "D", False), "quarter": (45, "D", False), "year": (6, "M", False),
    "decade": (5, "Y", False), "century": (50, "Y", False),
}  # fmt: skip


WHOLE_AND_HALF = {
    "year": "P{whole}Y6M", "month": "P{whole}M15D", "day": "P{whole}DT12H", "night": "P{whole}DT12H",
    "hour": "PT{whole}H30M", "minute": "PT{whole}M30S",
}  # fmt: skip
"""A whole count and a half, written as TempEval's data writes it: the half in the next smaller unit."""


def half_duration(match: re.Match[str], ctx: Context) -> Reading | None:
    """``half an hour`` (PT30M), ``a year and a half`` (P1Y6M), ``two and a half years``/``2 1/2 years``
    (P2Y6M)."""
    unit, _ = ctx.lexicon.unit(group(match, "unit", "unit_any", "unit2"))
    if unit not in HALF_UNITS:
        return None
    text = match.group().lower()
    whole = ctx.lexicon.number(group(match, "number") or "0") if "and" in text or "1/2" in text else 0
    if group(match, "unit2"):
        whole = 1
    if whole and float(whole).is_integer() and unit in WHOLE_AND_HALF:
        return Reading("DURATION", WHOLE_AND_HALF[unit].format(whole=int(whole)))
    half, symbol, is_time = HALF_UNITS[unit]
    amount = half * (2 * (whole or 0) + 1)
    count = str(int(amount)) if float(amount).is_integer() else f"{amount:g}"
    return Reading("DURATION", f"PT{count}{symbol}" if is_time else f"P{count}{symbol}")


OFFSET_GRANULARITY = {
    "month": "month",
    "quarter": "month",
    "year": "year",
    "decade": "year",
    "century": "year",
}


def offset(match: re.Match[str], ctx: Context) -> Reading | None:
    """``two weeks ago`` / ``a year earlier``: a date that many units from the reference."""
    amount = ctx.lexicon.number(group(match, "number"))
    unit, entry = ctx.lexicon.unit(group(match, "unit_any"))
    direction = group(match, "direction")
    sign = -1 if direction in ("ago", "earlier") else 1
    anaphoric = direction in ("earlier", "later")
    reference, label = ctx.anaphoric() if anaphoric else ctx.deictic()
    if anaphoric and ctx.last_day is None and (start := _earlier_period_start(ctx.last_dated, unit)):
        reference, label = start, "narrative"  # ``in 2015 … nearly five years later``: from the year named
    if amount is None or not float(amount).is_integer():
        return Reading("DURATION", _duration(amount, entry))
    # ``up from $2 a year ago`` is the year-ago period of a results comparison; a longer span back (``came
    # to power 41 years ago``) dates an event, and a month or quarter named nearby says nothing of its own
    if unit == "year" and amount == 1 and sign < 0 and (period := ctx.compared_period()):
        return Reading("DATE", _years_before(period, 1), "narrative")
    if reference is None:
        return Reading("DATE", None)
    return Reading("DATE", _offset_value(reference, unit, entry, sign * int(amount)), label)


def _offset_value(reference: date, unit: str, entry: dict, steps: int) -> str:
    if OFFSET_GRANULARITY.get(unit) == "month":
        months = steps * entry["factor"]
        return cal.month_value(*cal.shift_months(reference.year, reference.month, months))
    if OFFSET_GRANULARITY.get(unit) == "year":
        return f"{reference.year + steps * entry['factor']:04d}"
    days = {"week": 7, "fortnight": 14, "weekend": 7}.get(unit, 1 if entry["symbol"] == "D" else 0)
    return (reference + timedelta(days=steps * days)).isoformat()


def vague_offset(match: re.Match[str], ctx: Context) -> Reading | None:
    direction = group(match, "direction")
    _, label = ctx.deictic()
    return Reading("DATE", "FUTURE_REF" if direction in ("later", "from now") else "PAST_REF", label)


def vague_duration(match: re.Match[str], ctx: Context) -> Reading | None:
    _, entry = ctx.lexicon.unit(group(match, "units", "unit"))
    return Reading("DURATION", _duration(None, entry))


def lasting(match: re.Match[str], ctx: Context) -> Reading | None:
    """``a day-long meeting`` lasts a day, ``a months-long standoff`` some months."""
    unit = group(match, "unit")
    _, entry = ctx.lexicon.unit(unit or group(match, "units"))
    return Reading("DURATION", _duration(1.0 if unit else None, entry))


# Years, quarters, halves, decades, centuries, seasons, holidays ----------------------------------------


def year(match: re.Match[str], ctx: Context) -> Reading | None:
    value = int(match["year"])
    if not match.group().lower().startswith("the") and not 1700 <= value <= 2099:
        return None
    return Reading("DATE", f"{value:04d}", explicit=True)


def written_year(match: re.Match[str], ctx: Context) -> Reading | None:
    return Reading("DATE", str(_year_value(match, ctx)))


def _year_value(match: re.Match[str], ctx: Context) -> int:
    """The year in digits (``1994``) or in words as spoken in broadcasts (``nineteen ninety-four``)."""
    if match.groupdict().get("year"):
        return int(match["year"])
    numbers = ctx.lexicon.words["numbers"]
    return 1900 + numbers[group(match, "tens")] + numbers.get(group(match, "ones") or "", 0)


def year_two_thousand(match: re.Match[str], ctx: Context) -> Reading | None:
    return Reading("DATE", "2000")


def fiscal_year(match: re.Match[str], ctx: Context) -> Reading | None:
    """``fiscal 1989``; ``the fiscal year`` is the reference's, ``next fiscal year`` the one after, and
    ``the latest fiscal year`` the last one closed, as ``last fiscal year``."""
    explicit = _explicit_year(match, ctx)
    if explicit is not None:
        return Reading("DATE", f"{explicit:04d}", flags=("fiscal",))
    reference, label = ctx.deictic()
    if reference is None:
        return Reading("DATE", None, flags=("fiscal",))
    relative = group(match, "relative")
    step = -1 if group(match, "latest") else ctx.lexicon.words["relative_words"][relative] if relative else 0
    year_value = reference.year + step
    return Reading("DATE", f"{year_value:04d}", label, flags=("fiscal",))


def year_ended(match: re.Match[str], ctx: Context) -> Reading | None:
    """``the year ended June 30`` names an accounting year by its end: TimeBank marks it a duration."""
    return Reading("DURATION", "P1Y", flags=("fiscal",) if "fiscal" in match.group().lower() else ())


def _period_year(match: re.Match[str], ctx: Context, index: int, per_year: int) -> tuple[str, str | None]:
    """The year of ``the third quarter``: given, else the publication year moved by tense."""
    explicit = _explicit_year(match, ctx)
    if explicit is not None:
        return f"{explicit:04d}", None
    reference, label = ctx.deictic()
    if reference is None:
        return "XXXX", None
    current = (reference.month - 1) * per_year // 12 + 1
    year_value = reference.year
    if ctx.tense == "past" and index > current:
        year_value -= 1
    elif ctx.tense == "future" and index < current - 1:  # the period just ended is still reported on
        year_value += 1
    return f"{year_value:04d}", label


def quarter(match: re.Match[str], ctx: Context) -> Reading | None:
    number = (
        int(match["q"])
        if match.groupdict().get("q")
        else ctx.lexicon.words["ordinals"][group(match, "ordinal")]
    )
    if not 1 <= number <= 4:
        return None
    year_text, label = _period_year(match, ctx, number, 4)
    value = f"{year_text}-Q{number}"
    if match.groupdict().get("back") and year_text.isdigit():
        return Reading("DATE", _years_before(value, 1), label)
    return Reading("DATE", value, label)


def relative_year_quarter(match: re.Match[str], ctx: Context) -> Reading | None:
    """``next year's first quarter``; ``last year's quarter`` is the report's quarter a year back."""
    reference, label = ctx.deictic()
    if reference is None:
        return Reading("DATE", None)
    year_value = reference.year + ctx.lexicon.words["relative_words"][group(match, "relative")]
    if ordinal := group(match, "ordinal"):
        number = ctx.lexicon.words["ordinals"][ordinal]
        return Reading("DATE", f"{year_value:04d}-Q{number}", label) if 1 <= number <= 4 else None
    number_text = ctx.report_quarter[-1] if ctx.report_quarter else "X"
    return Reading("DATE", f"{year_value:04d}-Q{number_text}", label)


def year_period(match: re.Match[str], ctx: Context) -> Reading | None:
    """``the 1988 quarter``/``the 1988 period``: the compared period (the sentence's, else the report's
    quarter) in that year, else the year."""
    compared = ctx.compared_period() or ""
    return Reading("DATE", f"{int(match['year']):04d}{compared[4:]}", explicit=True)


def half_year(match: re.Match[str], ctx: Context) -> Reading | None:
    if group(match, "ordinal") == "last" and not re.search(r"\d|year", match.group()):
        return None  # "the last half of the game"
    number = (
        int(match["h"])
        if match.groupdict().get("h")
        else {"last": 2}.get(group(match, "ordinal"))
        or ctx.lexicon.words["ordinals"][group(match, "ordinal")]
    )
    year_text, label = _period_year(match, ctx, number, 2)
    return Reading("DATE", f"{year_text}-H{number}", label)


def the_quarter(match: re.Match[str], ctx: Context) -> Reading | None:
    """``the quarter`` is the one the report named (anaphora); failing that, ``the latest quarter`` and
    ``the quarter`` in a past-tense report are the last finished one, else the current one."""
    text = match.group().lower()
    years_back = 1 if "ago" in text or "earlier" in text else 0
    if ctx.report_quarter and "current" not in text and "latest" not in text:
        return Reading("DATE", _years_before(ctx.report_quarter, years_back), "narrative")
    reference, label = ctx.deictic()
    if reference is None:
        return Reading("DATE", None)
    step = -1 if ctx.tense == "past" or "latest" in text else 0
    step -= 4 * years_back
    year_value, number = cal.shift_quarters(reference.year, cal.quarter_of(reference), step)
    return Reading("DATE", f"{year_value:04d}-Q{number}", label)


def the_year(match: re.Match[str], ctx: Context) -> Reading | None:
    reference, label = ctx.deictic()
    return Reading("DATE", f"{reference.year:04d}" if reference else None, label)


def year_end(match: re.Match[str], ctx: Context) -> Reading | None:
    """``by year-end``, ``by year's end``: the end of the reference year."""
    reference, label = ctx.deictic()
    return Reading("DATE", f"{reference.year:04d}" if reference else None, label, mod="END")


def the_period(match: re.Match[str], ctx: Context) -> Reading | None:
    """``the week``/``the month`` (as in ``earlier in the week``): the reference's own."""
    reference, label = ctx.deictic()
    return Reading("DATE", _shifted(reference, group(match, "unit"), 0) if reference else None, label)


def week_of(match: re.Match[str], ctx: Context) -> Reading | None:
    inner = month_day(match, ctx)
    if inner is None or inner.value is None or inner.value.startswith("X"):
        return Reading("DATE", None)
    return Reading("DATE", cal.week_value(date.fromisoformat(inner.value)), inner.reference)


def _years_before(period: str, years: int) -> str:
    """``2025-Q3`` two years before is ``2023-Q3``."""
    return f"{int(period[:4]) - years:04d}{period[4:]}"


def year_ago(match: re.Match[str], ctx: Context) -> Reading | None:
    if period := ctx.compared_period():
        return Reading("DATE", _years_before(period, 1), "narrative")
    reference, label = ctx.deictic()
    return Reading("DATE", f"{reference.year - 1:04d}" if reference else None, label)


def decade(match: re.Match[str], ctx: Context) -> Reading | None:
    if full := group(match, "decade"):
        return Reading("DATE", full[:3])
    digit = group(match, "dd")
    if digit is None:
        digit = str(ctx.lexicon.words["decade_words"][group(match, "decade_word")])
        if century := group(match, "century"):
            return Reading("DATE", f"{ctx.lexicon.words['numbers'][century]}{digit}")
    reference, label = ctx.deictic()
    if reference is None:
        return Reading("DATE", None)
    century_value = reference.year // 100 - (1 if int(digit) * 10 > reference.year % 100 else 0)
    return Reading("DATE", f"{century_value:02d}{digit}", label)


def century(match: re.Match[str], ctx: Context) -> Reading | None:
    number = (
        int(match["n"])
        if match.groupdict().get("n")
        else ctx.lexicon.words["ordinals"][group(match, "ordinal")]
    )
    return Reading("DATE", f"{number - 1:02d}") if 1 <= number <= 21 else None


def season(match: re.Match[str], ctx: Context) -> Reading | None:
    code = ctx.lexicon.words["seasons"][group(match, "season")]
    if match.groupdict().get("year") or match.groupdict().get("written_year"):
        return Reading("DATE", f"{_year_value(match, ctx):04d}-{code}")
    reference, label = ctx.deictic()
    if reference is None:
        return Reading("DATE", None)
    months = ctx.lexicon.words["season_months"]
    if group(match, "relative") is None:  # "the summer": this year's, or by tense the one before or after
        if cal.season_of(reference) == code:
            return Reading("DATE", f"{reference.year:04d}-{code}", label)
        middles = [date(y, months[code], 15) for y in range(reference.year - 1, reference.year + 2)]
        chosen = cal.choose_year(reference, middles, ctx.tense, soon_days=0)
        return Reading("DATE", f"{chosen.year:04d}-{code}", label)
    step = ctx.lexicon.words["relative_words"][group(match, "relative")]
    if step == 0 or cal.season_of(reference) == code:
        return Reading("DATE", f"{reference.year + step:04d}-{code}", label)
    year_value = cal.relative_month_year(reference, months[code], step)
    return Reading("DATE", f"{year_value:04d}-{code}", label)


def holiday(match: re.Match[str], ctx: Context) -> Reading | None:
    """A holiday's day; ``Easter week``, ``Christmas week``: the calendar week that holds it."""
    reading = _holiday_day(match, ctx)
    if not group(match, "week"):
        return reading
    known = reading.value is not None and reading.value[:4].isdigit()
    return replace(reading, value=cal.week_value(date.fromisoformat(reading.value)) if known else None)


def _holiday_day(match: re.Match[str], ctx: Context) -> Reading:
    entry = ctx.lexicon.words["holidays"][re.sub(r"['’]", "'", group(match, "holiday"))]
    if match.groupdict().get("year"):
        return Reading("DATE", _holiday_date(entry, int(match["year"])).isoformat(), explicit=True)
    reference, label = ctx.deictic()
    if reference is None:
        return Reading("DATE", f"XXXX-{entry['month']:02d}-{entry['day']:02d}" if "day" in entry else None)
    candidates = [_holiday_date(entry, y) for y in (reference.year - 1, reference.year, reference.year + 1)]
    if relative := group(match, "relative"):
        step = ctx.lexicon.words["relative_words"][relative]
        tense = {-1: "past", 1: "future"}.get(step, "")
        candidates = [c for c in candidates if (c - reference).days * step > 0] if step else candidates
        return Reading("DATE", cal.choose_year(reference, candidates, tense).isoformat(), label)
    return Reading("DATE", cal.choose_year(reference, candidates, ctx.tense).isoformat(), label)


def _holiday_date(entry: dict, year_value: int) -> date:
    if "easter" in entry:
        return cal.easter(year_value) + timedelta(days=entry["easter"])
    if "nth" in entry:
        day = cal.nth_weekday(year_value, entry["month"], entry["weekday"], entry["nth"])
        return day + timedelta(days=entry.get("days_after", 0))
    return date(year_value, entry["month"], entry["day"])


def reference(match: re.Match[str], ctx: Context) -> Reading | None:
    value = ctx.lexicon.words["references"][group(match, "reference")]
    if value == "FUTURE_REF" and ctx.tense == "past":
        return None  # ``he was soon released``: later than the story's time, not after publication
    _, label = ctx.deictic()
    return Reading("DATE", value, label)


def someday(match: re.Match[str], ctx: Context) -> Reading | None:
    """``will one day be``: between a modal and its verb, ``one day`` is some day ahead, not a day long."""
    _, label = ctx.deictic()
    return Reading("DATE", "FUTURE_REF", label)


def signal(match: re.Match[str], ctx: Context) -> Reading | None:
    """A TimeML signal (``as soon as``, ``soon after``) relates two times and is none itself: matching it
    keeps its words from being read as a time expression."""
    return None


# Times of day, weekends, sets, anaphora --------------------------------------------------------------------


def clock(match: re.Match[str], ctx: Context) -> Reading | None:
    if word := group(match, "time_word"):
        return Reading("TIME", None, clock=ctx.lexicon.words["time_words"][word])
    hour_text = group(match, "h")
    hour = int(hour_text) if hour_text.isdigit() else int(ctx.lexicon.words["numbers"][hour_text])
    minute = int(match.groupdict().get("mi") or 0)
    meridiem = (group(match, "ampm") or "").replace(".", "").replace(" ", "")
    if part := group(match, "day_part"):  # ``4 in the morning``
        meridiem = ctx.lexicon.words["day_part_meridiems"][part]
    if meridiem == "pm" and hour < 12:
        hour += 12
    elif meridiem == "am" and hour == 12:
        hour = 0
    return Reading("TIME", None, clock=f"{hour:02d}:{minute:02d}")


def the_weekend(match: re.Match[str], ctx: Context) -> Reading | None:
    """``the weekend``: the one just past in a past-tense clause, else this week's."""
    reference, label = ctx.deictic()
    if reference is None:
        return Reading("DATE", None)
    step = -1 if ctx.tense == "past" and reference.isoweekday() < 6 else 0
    return Reading("DATE", _shifted(reference, "weekend", step), label)


def set_every(match: re.Match[str], ctx: Context) -> Reading | None:
    if adverb := group(match, "set_adverb"):
        return Reading("SET", ctx.lexicon.words["set_adverbs"][adverb])
    _, entry = ctx.lexicon.unit(group(match, "unit_any", "unit"))
    every = ctx.lexicon.number(group(match, "number") or "1") if "times" not in match.group().lower() else 1.0
    if "other" in match.group().lower().split():
        every = 2.0
    return Reading("SET", _duration(every, entry))


def anaphoric_unit(match: re.Match[str], ctx: Context) -> Reading | None:
    """``that day``, ``the same week``: the period of the latest day mentioned before; ``that year``,
    ``that month``: of the latest date of that precision or finer mentioned before."""
    unit = ctx.lexicon.unit(group(match, "unit"))[0]
    if ctx.last_day is not None:
        return Reading("DATE", _shifted(ctx.last_day, unit, 0), "narrative")
    earlier = ctx.last_dated or ""
    if unit == "year" and earlier:
        return Reading("DATE", earlier[:4], "narrative")
    if unit == "month" and re.match(r"\d{4}-\d\d(?!\d)", earlier):
        return Reading("DATE", earlier[:7], "narrative")
    if unit == "day" and re.match(r"\d{4}-\d\d(?![\d-])", earlier):
        return Reading("DATE", f"{earlier[:7]}-XX", "narrative")  # the day of an event known to the month
    if unit == "quarter" and re.match(r"\d{4}-Q\d", earlier):
        return Reading("DATE", earlier[:7], "narrative")
    return Reading("DATE", None)


NORMALISERS: dict[str, Normaliser] = {
    "iso_date": iso_date,
    "someday": someday,
    "numeric_date": numeric_date,
    "month_day_year": month_day_year,
    "month_day": month_day,
    "month_year": month_year,
    "month_relative_year": month_relative_year,
    "month": month,
    "relative_month": relative_month,
    "weekday": weekday,
    "relative_weekday": relative_weekday,
    "weekday_set": weekday_set,
    "weekend_set": weekend_set,
    "deictic_day": deictic_day,
    "day_part_today": day_part_today,
    "relative_unit": relative_unit,
    "counted_duration": counted_duration,
    "duration": duration,
    "half_duration": half_duration,
    "offset": offset,
    "vague_offset": vague_offset,
    "vague_duration": vague_duration,
    "lasting": lasting,
    "year": year,
    "written_year": written_year,
    "year_two_thousand": year_two_thousand,
    "fiscal_year": fiscal_year,
    "year_ended": year_ended,
    "quarter": quarter,
    "relative_year_quarter": relative_year_quarter,
    "year_period": year_period,
    "relative_month_day": relative_month_day,
    "month_set": month_set,
    "half_year": half_year,
    "the_quarter": the_quarter,
    "the_year": the_year,
    "year_end": year_end,
    "the_period": the_period,
    "week_of": week_of,
    "year_ago": year_ago,
    "decade": decade,
    "century": century,
    "season": season,
    "holiday": holiday,
    "reference": reference,
    "signal": signal,
    "clock": clock,
    "the_weekend": the_weekend,
    "set_every": set_every,
    "anaphoric_unit": anaphoric_unit,
}
