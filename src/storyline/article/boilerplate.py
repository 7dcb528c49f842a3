"""A general line classifier for boilerplate inside an article body.

Each paragraph is tried against an ordered ladder of strategies that return early: a cue label with a
teased item ("Also Read: …"), a whole-line cue ("Advertisement"), a photo credit, a navigation or share
strip, and finally the context of the line (title-like lines under a related-links header or trailing the
last paragraph of prose). The cues are data (``lexicons/boilerplate.json``); the features are general:
length, position, separators, title-case ratio and the absence of a finite verb.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

from storyline.config import package_data
from storyline.records import Boilerplate, Related

KINDS = ("related", "advert", "subscribe", "share", "credit", "navigation", "other")
_SEPARATOR = r"\s*(?::|\||»|>|›|–|—|-(?=\s))\s*"
_WORD = re.compile(r"[\w'’&.-]+")
_BULLET = re.compile(r"^[\s•·*►▶>»›■□▪◆-]+")
_TRAILING = re.compile(r"[\s.:!?…›»>|→-]+$")
_NAV_SPLIT = re.compile(r"\s+(?:\||>|»|›|/|•|·)\s+")
_TERMINAL = re.compile(r"[.!?…][\"'”’)]*$")
_MIN_TEASER_WORDS = 3


@dataclass(frozen=True, slots=True)
class Lexicon:
    max_words: int
    labels: re.Pattern[str]
    label_kinds: dict[str, str]
    lines: dict[str, str]
    headers: frozenset[str]
    credits: re.Pattern[str]
    networks: frozenset[str]
    function_words: frozenset[str]
    finite_verbs: frozenset[str]


@dataclass(frozen=True, slots=True)
class Classified:
    """A paragraph judged boilerplate, with what it teases when it is a related-story line."""

    index: int
    kind: str
    related: Related | None = None


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    data = json.loads(package_data("lexicons", "boilerplate.json").read_text(encoding="utf-8"))
    label_kinds = _phrases_by_kind(data["labels"], "labels")
    lines = _phrases_by_kind(data["lines"], "lines")
    labels = sorted(label_kinds, key=len, reverse=True)
    credit_labels = [phrase for phrase, kind in label_kinds.items() if kind == "credit"]
    return Lexicon(
        max_words=int(data["max_words"]),
        labels=re.compile(rf"^({'|'.join(map(re.escape, labels))}){_SEPARATOR}(.+)$", re.I),
        label_kinds=label_kinds,
        lines=lines,
        headers=frozenset(data["headers"]),
        credits=_credit_pattern(data["photo_agencies"], credit_labels),
        networks=frozenset(data["networks"]),
        function_words=frozenset(data["function_words"]),
        finite_verbs=frozenset(data["finite_verbs"]),
    )


def _credit_pattern(agencies: list[str], labels: list[str]) -> re.Pattern[str]:
    """A line ending in ``(AP Photo/…)``, ``/ Reuters``, ``via Getty Images`` or ``(Photo: …)``."""
    agency = "|".join(map(re.escape, sorted(agencies, key=len, reverse=True)))
    label = "|".join(map(re.escape, sorted(labels, key=len, reverse=True)))
    return re.compile(
        rf"(?:(?:\(|/|\||\bvia\s)\s*(?P<agency>{agency})\b[^()]*\)?|\((?:{label})\b[^()]*\))$", re.I
    )


def _phrases_by_kind(table: dict[str, list[str]], name: str) -> dict[str, str]:
    unknown = set(table) - set(KINDS)
    if unknown:
        raise ValueError(f"boilerplate lexicon: unknown kinds in {name}: {sorted(unknown)}")
    phrases: dict[str, str] = {}
    for kind, entries in table.items():
        for phrase in entries:
            if not phrase or phrase != phrase.strip().lower():
                raise ValueError(f"boilerplate lexicon: {name} phrase {phrase!r} is not lower case, trimmed")
            if phrase in phrases:
                raise ValueError(f"boilerplate lexicon: {name} phrase {phrase!r} is listed twice")
            phrases[phrase] = kind
    return phrases


def split_boilerplate(paragraphs: list[str]) -> tuple[list[str], list[Boilerplate], list[Related]]:
    """The paragraphs that remain, the boilerplate removed (in order, with kinds) and the related stories."""
    found = {item.index: item for item in classify(paragraphs)}
    kept = [text for i, text in enumerate(paragraphs) if i not in found]
    removed = [Boilerplate(text=paragraphs[i], kind=found[i].kind) for i in sorted(found)]
    related = [found[i].related for i in sorted(found) if found[i].related is not None]
    return kept, removed, related


def classify(paragraphs: list[str]) -> list[Classified]:
    lexicon = load_lexicon()
    found = [item for i, text in enumerate(paragraphs) if (item := classify_line(text, i, lexicon))]
    found += _related_by_context(paragraphs, {item.index for item in found}, lexicon)
    return sorted(found, key=lambda item: item.index)


def classify_line(text: str, index: int = 0, lexicon: Lexicon | None = None) -> Classified | None:
    """The kind of one line when it is boilerplate on its own, whatever surrounds it."""
    lexicon = lexicon or load_lexicon()
    line = _BULLET.sub("", text).strip()
    words = _WORD.findall(line)
    if not words or len(words) > lexicon.max_words:
        return None
    for strategy in (_by_label, _by_line_cue, _by_credit, _by_strip):
        if found := strategy(line, words, index, lexicon):
            return found
    return None


def _by_label(line: str, words: list[str], index: int, lexicon: Lexicon) -> Classified | None:
    """``Also Read: <title>``, ``Photo: <credit>``, ``Tags: a, b``: a known label, a separator, an item."""
    match = lexicon.labels.match(line)
    if match is None or _is_sentence(match.group(2), lexicon):
        return None
    kind = lexicon.label_kinds[match.group(1).lower()]
    if kind != "related":
        return Classified(index, kind)
    teased = match.group(2).strip()
    if len(_WORD.findall(teased)) < _MIN_TEASER_WORDS and not _is_title_like(teased, lexicon):
        return None
    return Classified(index, "related", Related(title=teased))


def _by_line_cue(line: str, words: list[str], index: int, lexicon: Lexicon) -> Classified | None:
    """A whole-line cue (``Advertisement``), or a line opened by a cue of several words or a cue with data.

    A line that reads as a sentence is prose that happens to open with a cue, unless the cue is the
    whole line.
    """
    bare = _TRAILING.sub("", line).lower()
    if bare in lexicon.lines:
        return Classified(index, lexicon.lines[bare])
    if _is_sentence(line, lexicon):
        return None
    for size in range(min(len(words), 6), 0, -1):
        opening = " ".join(words[:size]).lower()
        kind = lexicon.lines.get(opening)
        if kind and (size > 1 or _followed_by_data(line, words[0])):
            return Classified(index, kind)
    return None


def _followed_by_data(line: str, word: str) -> bool:
    """``Updated: 3 pm``, ``Comments (12)``, ``Published 18 December``: one cue word then data."""
    rest = line[len(word) :].lstrip()
    return bool(rest) and (rest[0] in ":(|" or rest[0].isdigit())


def _by_credit(line: str, words: list[str], index: int, lexicon: Lexicon) -> Classified | None:
    """A caption or credit line ending in an agency: ``(AP Photo/Evan Vucci)``, ``/ Getty Images``.

    Agency names are proper nouns: a lower-case initial (``(ePA)``) is an abbreviation, not a credit.
    """
    match = lexicon.credits.search(line)
    if match is None or (match.group("agency") and not match.group("agency")[0].isupper()):
        return None
    return Classified(index, "credit")


def _by_strip(line: str, words: list[str], index: int, lexicon: Lexicon) -> Classified | None:
    """A share strip (``Facebook Twitter Email``) or a navigation strip (``Home | World | Europe``).

    A line that opens with a bar is a table row, which is content.
    """
    lowered = [word.lower() for word in words]
    if len(lowered) >= 2 and all(word in lexicon.networks for word in lowered):
        return Classified(index, "share")
    items = _NAV_SPLIT.split(line)
    short_items = all(len(item.split()) <= 4 and not _TERMINAL.search(item) for item in items)
    if len(items) >= 3 and short_items and not line.startswith("|"):
        return Classified(index, "navigation")
    return None


def _related_by_context(paragraphs: list[str], taken: set[int], lexicon: Lexicon) -> list[Classified]:
    """Title-like lines under a related-links header, or trailing the last paragraph of prose."""
    found: list[Classified] = []
    for header in [i for i, text in enumerate(paragraphs) if _is_header(text, lexicon)]:
        found.append(Classified(header, "related"))
        found += _title_run(paragraphs, header + 1, taken, lexicon)
    claimed = taken | {item.index for item in found}
    backwards = reversed(range(len(paragraphs)))
    last_prose = next((i for i in backwards if _is_sentence(paragraphs[i], lexicon)), -1)
    trailing = _title_run(paragraphs, last_prose + 1, claimed, lexicon)
    if last_prose >= 0 and len(trailing) >= 2 and trailing[-1].index == len(paragraphs) - 1:
        found += trailing
    return found


def _title_run(paragraphs: list[str], start: int, taken: set[int], lexicon: Lexicon) -> list[Classified]:
    run: list[Classified] = []
    for i in range(start, len(paragraphs)):
        text = paragraphs[i].strip()
        if i in taken:
            continue
        if not _is_title_like(text, lexicon) or len(_WORD.findall(text)) < _MIN_TEASER_WORDS:
            break
        run.append(Classified(i, "related", Related(title=_BULLET.sub("", text).strip())))
    return run


def _is_header(text: str, lexicon: Lexicon) -> bool:
    return _TRAILING.sub("", _BULLET.sub("", text)).strip().lower() in lexicon.headers


def _is_sentence(text: str, lexicon: Lexicon) -> bool:
    """Prose: ends like a sentence and has a finite verb, in lower case as verbs are inside sentences."""
    words = _WORD.findall(text)
    return bool(_TERMINAL.search(text.strip())) and any(
        word in lexicon.finite_verbs or word.endswith("ed") for word in words[1:] if word.islower()
    )


def _is_title_like(text: str, lexicon: Lexicon) -> bool:
    """A headline: no closing period, most content words capitalised, no lower-case finite verb."""
    text = _BULLET.sub("", text).strip()
    words = _WORD.findall(text)
    if not words or text.endswith(".") or len(words) > lexicon.max_words:
        return False
    content = [word for word in words[1:] if word.lower() not in lexicon.function_words and word[0].isalpha()]
    if any(word in lexicon.finite_verbs for word in content):
        return False
    capitalised = sum(1 for word in content if word[0].isupper())
    return not content or capitalised / len(content) >= 0.7
