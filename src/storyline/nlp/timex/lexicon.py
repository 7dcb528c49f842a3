"""Load the time words and rules once, validate them, and compile each rule's pattern."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from storyline.config import package_data
from storyline.nlp.timex.reach import pattern_reach

WORDS_FILE = ("lexicons", "time_words.json")
RULES_FILE = ("lexicons", "time_rules.json")
PLACEHOLDER = re.compile(r"\{([a-z_]+)(?::([a-z_0-9]+))?\}")
# A match may not start inside a word or a number, nor end where a number goes on (1,000; 3.5; 12/18/2025)
# or where a compound modifier goes on (quarter-to-quarter, day-to-day).
LEFT_GUARD = r"(?<![\w$£€@#])(?<!\d[.,/:-])"
RIGHT_GUARD = r"(?!\w)(?![.,/:-]?\d)(?!\s?%)(?!-to-)"
REQUIRED_WORDS = (
    "months", "ambiguous_months", "weekdays", "numbers", "vague_numbers", "ordinals", "units", "set_adverbs",
    "seasons", "season_months", "day_parts", "time_words", "time_zones", "deictic_days", "deictic_day_parts",
    "references", "decade_words", "holidays", "modifiers", "duration_only_modifiers", "relative_words",
    "future_verbs", "planning_verbs", "deferral_verbs", "open_date_cues", "reporting_verbs", "signals",
    "scale_words", "era_nouns",
)  # fmt: skip
TENS_WORDS = ("twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
TENS = rf"(?:{'|'.join(TENS_WORDS)})"
ONES = r"(?:one|two|three|four|five|six|seven|eight|nine)"
UNITS_TENS = rf"{TENS}[\s-]{ONES}"


@dataclass(frozen=True)
class Need:
    """Something every match of a rule contains: one of these lowercase strings, or (``digit``) a digit.

    A text without it cannot hold a match, so the rule's (costly) pattern need not run over it."""

    words: tuple[str, ...] = ()
    digit: bool = False


DIGIT_NEED = Need(digit=True)


@dataclass(frozen=True)
class Rule:
    name: str
    regex: re.Pattern[str]
    normaliser: str
    capitalised: tuple[str, ...] = ()
    ambiguous: frozenset[str] = frozenset()
    left_cue: re.Pattern[str] | None = None
    not_modifier: bool = False
    after_quantity: bool = False
    not_in_name: bool = False
    needs: tuple[Need, ...] = ()
    """All must be met by a text for the pattern to be worth running over it."""
    reach: int | None = None
    """How many steps a match spans at most, with what the pattern looks at after it (``timex.reach``):
    the pattern need only run that far around its needs. None: over the whole text."""


@dataclass(frozen=True)
class TimeLexicon:
    words: dict[str, Any]
    rules: tuple[Rule, ...]
    modifier_regex: re.Pattern[str]
    open_date_regex: re.Pattern[str]
    """A deadline or target just before a date (``until``, ``payable``): its clause's tense says nothing."""
    quantity_regex: re.Pattern[str]
    """An amount that ends right before a rate (``$2 million``, ``10,000``)."""
    era_regex: re.Pattern[str]
    """After a day word, what makes it an era: ``'s``, maybe an adjective, an era noun (``today's world``)."""
    common_nouns: frozenset[str] = frozenset()
    """Time words that are common nouns (``week``, ``minutes``, ``noon``, ``today``): capitalised inside a
    sentence they belong to a title or a name (``This Week``, ``60 Minutes``, ``High Noon``)."""

    def unit(self, word: str) -> tuple[str, dict[str, Any]]:
        """The unit entry for a singular or plural unit word (``days`` → ``day``)."""
        word = word.lower()
        for name, entry in self.words["units"].items():
            if word in (name, entry["plural"]):
                return name, entry
        raise KeyError(word)

    def number(self, text: str) -> float | None:
        """A cardinal in digits or words (``twenty-four``, ``a``); None for vague ones (``several``)."""
        text = re.sub(r"[\s-]+", " ", text.lower().strip())
        if re.fullmatch(r"\d+(?:\.\d+)?", text):
            return float(text)
        numbers = self.words["numbers"]
        if text in numbers:
            return float(numbers[text])
        parts = text.split(" ")
        if len(parts) == 2 and parts[0] in numbers and parts[1] in numbers:
            return float(numbers[parts[0]] + numbers[parts[1]])
        return None


def _alternation(words: list[str]) -> str:
    """Longest first so that ``september`` wins over ``sept``; spaces match any whitespace."""
    escaped = (re.escape(w).replace(r"\ ", r"\s+").replace("'", "['’]?") for w in words)
    return "|".join(sorted(escaped, key=len, reverse=True))


def _month_alternation(months: dict[str, int]) -> str:
    """Full names as they are; abbreviations (a prefix of a longer name) may end in a full stop."""
    abbreviations = [m for m in months if any(o != m and o.startswith(m) for o in months)]
    full = [m for m in months if m not in abbreviations]
    return rf"(?:{_alternation(full)})|(?:{_alternation(abbreviations)})\.?"


def _word_lists(words: dict[str, Any]) -> dict[str, list[str]]:
    """The placeholders that are a plain choice of words, with their words."""
    unit_names = list(words["units"])
    plurals = [entry["plural"] for entry in words["units"].values()]
    lists = {
        "weekday": "weekdays", "vague": "vague_numbers", "day_part": "day_parts",
        "relative": "relative_words", "deictic_day": "deictic_days", "ordinal": "ordinals",
        "season": "seasons", "holiday": "holidays", "reference": "references", "signal": "signals",
        "time_word": "time_words", "set_adverb": "set_adverbs", "decade_word": "decade_words",
    }  # fmt: skip
    return {
        **{name: list(words[key]) for name, key in lists.items()},
        "unit": unit_names,
        "units": plurals,
        "unit_any": plurals + unit_names,
    }


def _placeholders(words: dict[str, Any]) -> dict[str, str]:
    zones_upper = [z for z in words["time_zones"] if z.isupper()]
    zones_words = [z for z in words["time_zones"] if not z.isupper()]
    return {
        **{name: _alternation(entries) for name, entries in _word_lists(words).items()},
        "month": _month_alternation(words["months"]),
        "day": r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?!\d)",
        "year": r"(?:1\d\d\d|20\d\d)(?!\d)",
        "written_year": rf"nineteen[\s-]+(?P<tens>{TENS})(?:[\s-]+(?P<ones>{ONES}))?",
        "number": rf"{UNITS_TENS}|{_alternation(list(words['numbers']))}|\d{{1,4}}(?:\.\d{{1,2}})?",
        "time_zone": rf"(?-i:{_alternation(zones_upper)})|{_alternation(zones_words)}",
    }


def _anchors(words: dict[str, Any]) -> dict[str, Need]:
    """What a match of each placeholder contains: a piece of one of its words, or a digit; ``{digit}`` too."""
    lists = {
        **_word_lists(words),
        "month": list(words["months"]),
        "time_zone": list(words["time_zones"]),
        "written_year": ["nineteen"],
    }
    anchors = {name: Need(tuple(_piece(w) for w in entries)) for name, entries in lists.items()}
    numbers = [*(_piece(w) for w in words["numbers"]), *TENS_WORDS]
    number = Need(tuple(numbers), digit=True)
    return {**anchors, "number": number, "day": DIGIT_NEED, "year": DIGIT_NEED, "digit": DIGIT_NEED}


def _piece(word: str) -> str:
    """The longest stretch of a word that its pattern keeps literal (spaces and apostrophes may vary)."""
    return max(re.split(r"[\s']+", word.lower()), key=len)


def _needs(entry: dict[str, Any], anchors: dict[str, Need]) -> tuple[Need, ...]:
    """A rule's ``needs``: each item one string or a list of them, each ``{placeholder}`` or a literal."""
    needs = []
    for item in entry.get("needs", ()):
        words: list[str] = []
        digit = False
        for alternative in [item] if isinstance(item, str) else item:
            placeholder = PLACEHOLDER.fullmatch(alternative)
            if placeholder is None:
                words.append(alternative.lower())
                continue
            need = anchors.get(placeholder.group(1))
            if need is None:
                name = entry["name"]
                raise ValueError(f"time rule {name!r} needs unknown {alternative}; see {RULES_FILE[1]}")
            words.extend(need.words)
            digit = digit or need.digit
        # A word that holds another (``january`` holds ``jan``) is there only where that one is: skip it.
        kept = [w for w in dict.fromkeys(words) if not any(o != w and o in w for o in words)]
        needs.append(Need(tuple(kept), digit))
    return tuple(needs)


def _expand(pattern: str, placeholders: dict[str, str], rule: str) -> str:
    def fill(match: re.Match[str]) -> str:
        kind, alias = match.group(1), match.group(2)
        if kind not in placeholders:
            raise ValueError(f"time rule {rule!r} uses unknown placeholder {{{kind}}}; see {RULES_FILE[1]}")
        return f"(?P<{alias or kind}>{placeholders[kind]})"

    return PLACEHOLDER.sub(fill, pattern)


def _compile_rule(
    entry: dict[str, Any], words: dict[str, Any], placeholders: dict[str, str], anchors: dict[str, Need]
) -> Rule:
    pattern = _expand(entry["pattern"], placeholders, entry["name"])
    try:
        regex = re.compile(f"{LEFT_GUARD}(?:{pattern}){RIGHT_GUARD}", re.IGNORECASE)
    except re.error as error:
        raise ValueError(f"time rule {entry['name']!r} has a bad pattern: {error}") from error
    cue = entry.get("left_cue")
    return Rule(
        name=entry["name"],
        regex=regex,
        normaliser=entry["normaliser"],
        capitalised=tuple(entry.get("capitalised", ())),
        ambiguous=frozenset(words[entry["ambiguous"]]) if "ambiguous" in entry else frozenset(),
        left_cue=re.compile(cue, re.IGNORECASE) if cue else None,
        not_modifier=bool(entry.get("not_modifier", False)),
        after_quantity=bool(entry.get("after_quantity", False)),
        not_in_name=bool(entry.get("not_in_name", False)),
        needs=_needs(entry, anchors),
        reach=pattern_reach(regex),
    )


def _modifier_regex(words: dict[str, Any]) -> re.Pattern[str]:
    """Matches a modifier that ends right before an expression (``late``, ``mid-``, ``earlier in``)."""
    return re.compile(
        rf"(?<![\w'])(?P<mod>{_alternation(list(words['modifiers']))})(?:\s+|-)$", re.IGNORECASE
    )


@lru_cache(maxsize=1)
def load_time_lexicon() -> TimeLexicon:
    words = json.loads(package_data(*WORDS_FILE).read_text(encoding="utf-8"))
    missing = [key for key in REQUIRED_WORDS if key not in words]
    if missing:
        raise ValueError(f"{WORDS_FILE[1]} lacks {', '.join(missing)}")
    rules_data = json.loads(package_data(*RULES_FILE).read_text(encoding="utf-8"))["rules"]
    placeholders = _placeholders(words)
    anchors = _anchors(words)
    rules = tuple(_compile_rule(entry, words, placeholders, anchors) for entry in rules_data)
    open_dates = re.compile(
        rf"(?<!\w)(?:{_alternation(words['open_date_cues'])})\s+(?:on\s+)?$", re.IGNORECASE
    )
    return TimeLexicon(
        words=words,
        rules=rules,
        modifier_regex=_modifier_regex(words),
        open_date_regex=open_dates,
        quantity_regex=re.compile(rf"(?:\d|\b(?:{_alternation(words['scale_words'])}))\s+$", re.IGNORECASE),
        era_regex=re.compile(
            rf"['’]s\s+(?:[^\W\d_]+\s+)?(?:{_alternation(words['era_nouns'])})(?!\w)", re.IGNORECASE
        ),
        common_nouns=_common_nouns(words),
    )


def _common_nouns(words: dict[str, Any]) -> frozenset[str]:
    units = [w for name, entry in words["units"].items() for w in (name, entry["plural"])]
    return frozenset([*units, *words["time_words"], *words["deictic_days"], *words["day_parts"]])
