"""Find candidate time expressions: every rule over the text, checks on each match, longest match wins."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from spacy.tokens import Doc, Token

from storyline.nlp.context import doc_text
from storyline.nlp.timex.lexicon import Need, Rule, TimeLexicon
from storyline.nlp.timex.reach import STEP

LEFT_CONTEXT = 30
LAST_WORD = re.compile(r"[A-Za-z]+$")
LEADING_WORD = re.compile(r"(?P<word>[A-Za-z]+)\s+")
VERB_FORMS = {"VB", "VBD", "VBP", "VBZ"}
SENTENCE_START = re.compile(r"(?:^|[.!?:;]|\n)[\s\"'`‘“(\[]*$")
DIGITS = re.compile(r"\d+")
NOT_NAMES = {"", "DATE", "TIME"}
YEAR_LIKE = re.compile(r"(?:1[89]|20)\d\d")
COUNT_DETERMINERS = {"these", "those", "all", "some", "any", "no", "another", "each", "every", "both"}
# Under re.IGNORECASE these letters match ASCII ones that str.lower() does not give (İ ı → i, ſ → s, K → k).
CASE_FOLDS = str.maketrans({"İ": "i", "ı": "i", "ſ": "s", "K": "k"})


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    rule: Rule
    match: re.Match[str]


def find_candidates(doc: Doc, lexicon: TimeLexicon, parsed: bool) -> list[Candidate]:
    """Non-overlapping matches in text order; of overlapping ones the longest (then the earlier rule) wins."""
    text = doc_text(doc)
    present = Present(text)
    found = [
        Candidate(match.start(), match.end(), rule, match)
        for rule in lexicon.rules
        for start, end in present.windows(rule)
        for found in rule.regex.finditer(text, start, end)
        if (match := _after_leading_verb(found, rule, lexicon, doc, parsed)) is not None
        and match.end() > match.start()
        and _acceptable(match, rule, lexicon, doc, text, parsed)
        and not _in_title(match, lexicon, text)
    ]
    order = {rule.name: index for index, rule in enumerate(lexicon.rules)}
    found.sort(key=lambda c: (c.start - c.end, c.start, order[c.rule.name]))
    taken = bytearray(len(text))
    chosen = []
    for candidate in found:
        if not any(taken[candidate.start : candidate.end]):
            taken[candidate.start : candidate.end] = b"\x01" * (candidate.end - candidate.start)
            chosen.append(candidate)
    return sorted(chosen, key=lambda c: c.start)


class Present:
    """Where in a text the rules' needs occur, each looked up once, and so where each rule's pattern is worth
    running: substring searches cost far less than running a pattern over the whole text.

    Python's patterns try every position of the text, so some 80 of them over every article were the costliest
    step of recognition. A rule now runs only over windows of its reach (``storyline.nlp.timex.reach``)
    around the places of its rarest need: they hold all its matches, and a match found in one is the match
    over the whole text."""

    def __init__(self, text: str) -> None:
        self.text = text
        # Same length as the text (the folds cover the one letter whose lowercase is longer), so a place in
        # one is the same place in the other.
        self.folded = text.translate(CASE_FOLDS).lower()
        self.known: dict[Need, bool] = {}
        self.counts: dict[Need, int] = {}
        self.found: dict[tuple[Need, int], list[tuple[int, int]]] = {}
        self._digits: list[tuple[int, int]] | None = None
        self._reversed: str | None = None

    def meets(self, needs: tuple[Need, ...]) -> bool:
        return all(self._met(need) for need in needs)

    def windows(self, rule: Rule) -> list[tuple[int, int]]:
        """Where to run the rule's pattern: disjoint stretches of the text, in order."""
        if not self.meets(rule.needs):
            return []
        if rule.reach is None or not rule.needs:
            return [(0, len(self.text))]
        need = min(rule.needs, key=self._count) if len(rule.needs) > 1 else rule.needs[0]
        key = (need, rule.reach)
        if key not in self.found:
            self.found[key] = self._windows(self._places(need), rule.reach)
        return self.found[key]

    def _met(self, need: Need) -> bool:
        met = self.known.get(need)
        if met is None:
            digit = need.digit and bool(self.digits)
            met = self.known[need] = digit or any(word in self.folded for word in need.words)
        return met

    def _count(self, need: Need) -> int:
        """How often the need occurs: where a rule has several, the rarest gives the fewest windows."""
        count = self.counts.get(need)
        if count is None:
            count = sum(self.folded.count(word) for word in need.words)
            count = self.counts[need] = count + (len(self.digits) if need.digit else 0)
        return count

    @property
    def digits(self) -> list[tuple[int, int]]:
        if self._digits is None:
            self._digits = [match.span() for match in DIGITS.finditer(self.text)]
        return self._digits

    def _places(self, need: Need) -> list[tuple[int, int]]:
        """Start and end of each occurrence of the need, in text order (a digit: each run of digits)."""
        places = list(self.digits) if need.digit else []
        for word in need.words:
            start = self.folded.find(word)
            while start >= 0:
                places.append((start, start + len(word)))
                start = self.folded.find(word, start + 1)
        return sorted(places)

    def _windows(self, places: list[tuple[int, int]], reach: int) -> list[tuple[int, int]]:
        """Each place widened by ``reach`` steps either side, overlapping windows merged. Places at most
        ``2 * reach`` characters apart share a window (a step is at least one character): they are widened
        together."""
        windows: list[tuple[int, int]] = []
        first, last = places[0]
        for start, end in places[1:]:
            if start - last > 2 * reach:
                windows = _joined(windows, self._widened(first, last, reach))
                first = start
            last = max(last, end)
        return _joined(windows, self._widened(first, last, reach))

    def _widened(self, start: int, end: int, reach: int) -> tuple[int, int]:
        """From ``reach`` steps before ``start`` to ``reach`` steps after ``end`` (walked back in the reversed
        text)."""
        steps = _steps(reach)
        if self._reversed is None:
            self._reversed = self.text[::-1]
        back = steps.match(self._reversed, len(self.text) - start)
        forward = steps.match(self.text, end)
        return len(self.text) - back.end(), forward.end()


def _joined(windows: list[tuple[int, int]], window: tuple[int, int]) -> list[tuple[int, int]]:
    """The windows with one more after them, merged with the last where they overlap."""
    if windows and window[0] < windows[-1][1]:
        windows[-1] = (windows[-1][0], max(window[1], windows[-1][1]))
    else:
        windows.append(window)
    return windows


@cache
def _steps(count: int) -> re.Pattern[str]:
    """Up to ``count`` steps."""
    return re.compile(rf"(?:{STEP}){{0,{count}}}")


def _after_leading_verb(
    match: re.Match[str], rule: Rule, lexicon: TimeLexicon, doc: Doc, parsed: bool
) -> re.Match[str] | None:
    """``meant to last a few months``, ``could last years``: a relative word the parser reads as a verb is not
    part of the expression, which starts after it (if the rule still matches there)."""
    first = LEADING_WORD.match(match.group())
    if not parsed or first is None or first["word"].lower() not in lexicon.words["relative_words"]:
        return match
    word = doc.char_span(match.start(), match.start() + first.end("word"), alignment_mode="expand")
    if word is None or word.root.tag_ not in VERB_FORMS:  # not ``in coming months``: a participle modifies
        return match
    return rule.regex.match(match.string, match.start() + first.end())


def _acceptable(
    match: re.Match[str], rule: Rule, lexicon: TimeLexicon, doc: Doc, text: str, parsed: bool
) -> bool:
    return (
        _capitalised(match, rule)
        and _cue_present(match, rule, text)
        and not (rule.not_modifier and parsed and _modifies_noun(match, doc))
        and not (rule.not_in_name and parsed and _opens_name(match, doc))
        and (not rule.after_quantity or _after_quantity(match, lexicon, doc, text, parsed))
    )


def _in_title(match: re.Match[str], lexicon: TimeLexicon, text: str) -> bool:
    """A common time noun capitalised inside a sentence is part of a title or a name (``ABC's "This Week"``,
    ``CBS's 60 Minutes``, ``VOA Today``); a holiday's name is capitalised by right."""
    last = LAST_WORD.search(match.group())
    if last is None or not last[0].istitle() or last[0].lower() not in lexicon.common_nouns:
        return False
    if match.groupdict().get("holiday"):
        return False
    before = text[max(0, match.start() + last.start() - LEFT_CONTEXT) : match.start() + last.start()]
    return SENTENCE_START.search(before) is None


def _capitalised(match: re.Match[str], rule: Rule) -> bool:
    """Month and weekday names are capitalised in edited English: ``may``/``march`` are verbs."""
    return all(not match.group(name) or match.group(name)[0].isupper() for name in rule.capitalised)


def _cue_present(match: re.Match[str], rule: Rule, text: str) -> bool:
    """A rule with a left cue (bare ``May``, bare ``years``) needs it in the words just before."""
    if rule.left_cue is None:
        return True
    word = match.group().lower().rstrip(".")
    if rule.ambiguous and word not in rule.ambiguous:
        return True
    return rule.left_cue.search(text, max(0, match.start() - LEFT_CONTEXT), match.start()) is not None


def _modifies_noun(match: re.Match[str], doc: Doc) -> bool:
    """A count of a plural noun (``2000 troops``, unlike ``the 1996 campaign``) or an adjective on a noun
    (``quarterly results``, unlike ``paid quarterly``) is not a time expression."""
    span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
    if span is None:
        return False
    root, head = span.root, span.root.head
    if head.i in range(span.start, span.end):
        return False
    count = root.dep_ == "nummod" and head.tag_ in ("NNS", "NNPS") and not _names_a_year(root, head)
    adjective = root.dep_ == "amod" and head.pos_ in ("NOUN", "PROPN")
    return count or adjective


def _names_a_year(number: Token, head: Token) -> bool:
    """A year-like number on a plural noun is still a year after a determiner or possessive (``the 2000
    Olympics``, ``the company's 1989 results``) or before a compound (``1990 BellSouth earnings``): a count
    takes no ``the`` and stands next to its noun or its adjectives (``1500 Russian troops``)."""
    if not YEAR_LIKE.fullmatch(number.text):
        return False
    before = number.doc[number.i - 1] if number.i > 0 else None
    determined = before is not None and before.tag_ in ("DT", "POS", "PRP$")
    between = number.doc[number.i + 1 : head.i]
    compounded = len(between) > 0 and all(token.dep_ == "compound" for token in between)
    return (determined and before.lower_ not in COUNT_DETERMINERS) or compounded


def _opens_name(match: re.Match[str], doc: Doc) -> bool:
    """A month word that opens a longer name in the named entities (``Jan Kavan``, ``April Ryan``, ``May
    Department Stores``) is part of it, whatever the label (the model calls ``Jan Kavan`` a place in a list);
    a date entity (``in May Congress passed``) is not a name, nor an abbreviation with its stop (``in Jan.
    Analysts``), which the model may run into the next sentence."""
    span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
    if span is None or span.end >= len(doc) or match.group().endswith("."):
        return False
    last, after = span[-1], doc[span.end]
    return last.ent_type_ not in NOT_NAMES and after.ent_iob_ == "I" and after.ent_type_ == last.ent_type_


def _after_quantity(match: re.Match[str], lexicon: TimeLexicon, doc: Doc, text: str, parsed: bool) -> bool:
    """A rate (``$2 million a year``, ``700 seats a week``): an amount or a plural noun goes just before.

    Without a parse only an amount in digits or a scale word (``million``) counts."""
    if lexicon.quantity_regex.search(text, max(0, match.start() - LEFT_CONTEXT), match.start()):
        return True
    if not parsed:
        return False
    span = doc.char_span(match.start(), match.end(), alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    before = doc[span.start - 1]
    return before.tag_ in ("NNS", "NNPS", "CD")
