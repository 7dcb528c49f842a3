"""The time rules' prefilter (each rule's ``needs``) only skips patterns that could not match: proof over
varied text that recognition is the same with and without it."""

from __future__ import annotations

import json
import re
from dataclasses import replace

import pytest
from test_times_table import CASES, TYPES

from conftest import EXAMPLES, SHARED
from storyline.config import Settings
from storyline.nlp import load_pipeline
from storyline.nlp.timex.lexicon import TimeLexicon, load_time_lexicon
from storyline.nlp.timex.recognise import Present, find_candidates
from storyline.nlp.timex.tense import is_parsed

SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def _texts() -> list[str]:
    """Whole example articles, each of their sentences, the table's sentences and TempEval's documents."""
    articles = [path.read_text(encoding="utf-8") for path in sorted(EXAMPLES.glob("*.txt"))]
    for path in sorted(EXAMPLES.glob("*.jsonl")):
        lines = path.read_text(encoding="utf-8").splitlines()
        articles += [json.loads(line)["text"] for line in lines if line]
    tempeval = SHARED / "eval" / "timex-tempeval3" / "timex3.dev.jsonl"
    if tempeval.is_file():
        articles += [json.loads(line)["text"] for line in tempeval.read_text(encoding="utf-8").splitlines()]
    sentences = [s for text in articles for s in SENTENCE_END.split(text)]
    table = [case[1] for case in CASES] + [case[0] for case in TYPES]
    return articles + sentences + table


def _unfiltered(lexicon: TimeLexicon) -> TimeLexicon:
    return replace(lexicon, rules=tuple(replace(rule, needs=()) for rule in lexicon.rules))


def test_every_match_holds_what_its_rule_needs():
    """Stronger than the text-level check: the match itself holds each need (none hides in context)."""
    lexicon = load_time_lexicon()
    missing = [
        (rule.name, match.group())
        for text in _texts()
        for rule in lexicon.rules
        for match in rule.regex.finditer(text)
        if not Present(match.group()).meets(rule.needs)
    ]
    assert missing == []


def test_a_skipped_rule_has_no_match_in_the_text():
    lexicon = load_time_lexicon()
    wrongly_skipped = [
        (rule.name, text[:60])
        for text in _texts()
        for rule in lexicon.rules
        if not Present(text).meets(rule.needs) and rule.regex.search(text)
    ]
    assert wrongly_skipped == []


def test_the_prefilter_skips_rules_that_cannot_match():
    lexicon = load_time_lexicon()
    present = Present("The talks resumed.")
    assert not any(present.meets(rule.needs) for rule in lexicon.rules if rule.name.startswith("month"))
    assert Present("talks resumed in SEPT.").meets(next(r for r in lexicon.rules if r.name == "month").needs)


def test_a_need_folds_case_as_the_patterns_do():
    """``re.IGNORECASE`` lets the Kelvin sign match ``k`` and the long s match ``s``."""
    lexicon = load_time_lexicon()
    weekend = next(rule for rule in lexicon.rules if rule.name == "the_weekend")
    assert weekend.regex.search("the weeKend") and Present("the weeKend").meets(weekend.needs)
    days = next(rule for rule in lexicon.rules if rule.name == "bare_units")
    assert days.regex.search("dayſ") and Present("dayſ").meets(days.needs)


@pytest.fixture(scope="module")
def nlp():
    return load_pipeline(Settings().spacy_model)


def test_candidates_are_the_same_with_and_without_the_prefilter(nlp):
    lexicon = load_time_lexicon()
    unfiltered = _unfiltered(lexicon)
    texts = [case[1] for case in CASES] + [case[0] for case in TYPES]
    texts += SENTENCE_END.split((EXAMPLES / "peace-talks.txt").read_text(encoding="utf-8"))
    for doc in nlp.pipe(texts):
        parsed = is_parsed(doc)
        with_filter = [(c.start, c.end, c.rule.name) for c in find_candidates(doc, lexicon, parsed)]
        without = [(c.start, c.end, c.rule.name) for c in find_candidates(doc, unfiltered, parsed)]
        assert with_filter == without, doc.text
