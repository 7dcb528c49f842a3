"""Find candidate time expressions: every rule over the text, checks on each match, longest match wins."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from storyline.nlp.context import doc_text
from storyline.nlp.timex.lexicon import Need, Rule, TimeLexicon

LEFT_CONTEXT = 30
LAST_WORD = re.compile(r"[A-Za-z]+$")
SENTENCE_START = re.compile(r"(?:^|[.!?:;]|\n)[\s\"'`‘“(\[]*$")
DIGIT = re.compile(r"\d")
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
        if present.meets(rule.needs)
        for match in rule.regex.finditer(text)
        if match.end() > match.start()
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
    """Which of the rules' needs a text meets, each looked up once: substring tests cost far less than
    running a pattern over the whole text."""

    def __init__(self, text: str) -> None:
        self.folded = text.translate(CASE_FOLDS).lower()
        self.digit = DIGIT.search(text) is not None
        self.known: dict[Need, bool] = {}

    def meets(self, needs: tuple[Need, ...]) -> bool:
        return all(self._met(need) for need in needs)

    def _met(self, need: Need) -> bool:
        met = self.known.get(need)
        if met is None:
            met = self.known[need] = (need.digit and self.digit) or any(w in self.folded for w in need.words)
        return met


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
