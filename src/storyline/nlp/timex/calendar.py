"""Calendar arithmetic for TIMEX3 values: weeks, months, quarters, and picking a year by tense."""

from __future__ import annotations

import re
from datetime import date, timedelta

SOON_DAYS = 31
"""A past-tense clause does not date an event after publication: a date this close ahead is a deadline or an
arrangement made in the past (``set Nov. 10 as the deadline``), as HeidelTime keeps a same-month date."""
Tense = str  # "past", "present", "future" or "" when unknown

GRANULARITY_PATTERNS = (
    (re.compile(r"^\d{4}-\d\d-\d\dT"), "time"),
    (re.compile(r"^\d{4}-\d\d-\d\d$"), "day"),
    (re.compile(r"^\d{4}-W\d\d-WE$"), "weekend"),
    (re.compile(r"^\d{4}-W\d\d$"), "week"),
    (re.compile(r"^\d{4}-\d\d$"), "month"),
    (re.compile(r"^\d{4}-Q\d$"), "quarter"),
    (re.compile(r"^\d{4}-H\d$"), "half"),
    (re.compile(r"^\d{4}-(?:SP|SU|FA|WI)$"), "season"),
    (re.compile(r"^\d{4}$"), "year"),
    (re.compile(r"^\d{3}$"), "decade"),
    (re.compile(r"^\d{2}$"), "century"),
)
DURATION_GRANULARITY = {"S": "second", "M": "month", "H": "hour", "D": "day", "W": "week", "Y": "year"}


def parse_reference(value: str | None) -> date | None:
    """The date of an ISO date or datetime (``2025-12-18``, ``1998-04-24T21:49:00``); None if unreadable."""
    if not value:
        return None
    match = re.match(r"\s*(\d{4})-?(\d\d)-?(\d\d)", value)
    if not match:
        return None
    try:
        return date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
    except ValueError:
        return None


def day_value(day: date) -> str:
    return day.isoformat()


def month_value(year: int, month: int) -> str:
    return f"{year:04d}-{month:02d}"


def week_value(day: date) -> str:
    year, week, _ = day.isocalendar()
    return f"{year:04d}-W{week:02d}"


def quarter_of(day: date) -> int:
    return (day.month - 1) // 3 + 1


def shift_months(year: int, month: int, months: int) -> tuple[int, int]:
    index = year * 12 + month - 1 + months
    return index // 12, index % 12 + 1


def shift_quarters(year: int, quarter: int, quarters: int) -> tuple[int, int]:
    index = year * 4 + quarter - 1 + quarters
    return index // 4, index % 4 + 1


def add_months(day: date, months: int) -> date:
    year, month = shift_months(day.year, day.month, months)
    for last in (day.day, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise ValueError(f"no day {day.day} in {year}-{month}")


def weekday_date(reference: date, weekday: int, tense: Tense) -> date:
    """A bare weekday: past tense → the latest on or before, future → the next on or after, else nearest."""
    delta = weekday - reference.isoweekday()
    if tense == "past" and delta > 0:
        delta -= 7
    elif tense == "future" and delta < 0:
        delta += 7
    elif tense not in ("past", "future"):
        delta = delta - 7 if delta > 3 else delta + 7 if delta < -3 else delta
    return reference + timedelta(days=delta)


def relative_weekday_date(reference: date, weekday: int, step: int) -> date:
    """``last Friday`` (step -1) is strictly before, ``next Friday`` after; ``this Friday`` this week."""
    delta = weekday - reference.isoweekday()
    if step < 0 and delta >= 0:
        delta -= 7
    elif step > 0 and delta <= 0:
        delta += 7
    return reference + timedelta(days=delta)


def choose_year(
    reference: date, candidates: list[date], tense: Tense, soon_days: int = SOON_DAYS
) -> date | None:
    """Among dates in neighbouring years, the one the tense points to (else the nearest)."""
    if not candidates:
        return None
    if tense == "past":
        before = [c for c in candidates if c <= reference]
        soon = [c for c in candidates if 0 < (c - reference).days <= soon_days]
        if soon:
            return soon[0]  # a date just ahead in a past clause was set in the past (``set Nov. 10 as ...``)
        if before:
            return max(before)
    if tense == "future":
        after = [c for c in candidates if c >= reference]
        if after:
            return min(after)
    return min(candidates, key=lambda c: (abs((c - reference).days), c > reference))


def month_day_date(
    reference: date, month: int, day: int, tense: Tense, soon_days: int = SOON_DAYS
) -> date | None:
    candidates = []
    for year in range(reference.year - 4, reference.year + 5):
        try:
            candidates.append(date(year, month, day))
        except ValueError:
            continue
    return choose_year(reference, candidates, tense, soon_days)


def month_year(reference: date, month: int, tense: Tense) -> int:
    """The year of a bare month name, chosen the same way as for a bare day (mid-month stands in)."""
    candidates = [date(year, month, 15) for year in (reference.year - 1, reference.year, reference.year + 1)]
    same = date(reference.year, month, 15)
    if month == reference.month:
        return reference.year
    chosen = choose_year(reference, candidates, tense, soon_days=0)  # a whole month ahead is not "soon"
    return (chosen or same).year


def relative_month_year(reference: date, month: int, step: int) -> int:
    """``last April`` is the latest April before this month, ``next April`` the first after it."""
    if step < 0:
        return reference.year if month < reference.month else reference.year - 1
    if step > 0:
        return reference.year if month > reference.month else reference.year + 1
    return reference.year


def nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    """The nth (1-based; -1 for last) given ISO weekday of a month, e.g. Thanksgiving = 4th Thursday."""
    if nth > 0:
        first = date(year, month, 1)
        return first + timedelta(days=(weekday - first.isoweekday()) % 7 + 7 * (nth - 1))
    next_month = date(year + month // 12, month % 12 + 1, 1)
    last = next_month - timedelta(days=1)
    return last - timedelta(days=(last.isoweekday() - weekday) % 7)


def easter(year: int) -> date:
    """Gregorian Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    leap = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * leap) // 451
    month, day = divmod(h + leap - 7 * m + 114, 31)
    return date(year, month, day + 1)


def season_of(day: date) -> str:
    return ("WI", "WI", "SP", "SP", "SP", "SU", "SU", "SU", "FA", "FA", "FA", "WI")[day.month - 1]


def granularity(value: str | None) -> str | None:
    """The unit a TIMEX3 value is precise to (``2025-W51`` → ``week``, ``P2D`` → ``day``)."""
    if not value or value.endswith("_REF"):
        return None
    if value.startswith("P"):
        symbol = value[-1]
        return "minute" if value.startswith("PT") and symbol == "M" else DURATION_GRANULARITY.get(symbol)
    if re.search(r"T(?:MO|AF|EV|NI)$", value):
        return "part_of_day"
    for pattern, name in GRANULARITY_PATTERNS:
        if pattern.match(value):
            return name
    return None


def is_anchored(value: str | None) -> bool:
    """A value pinned to the calendar: a point with no unknown digits (not a duration, not a _REF)."""
    return bool(value) and not value.startswith("P") and "X" not in value and not value.endswith("_REF")
