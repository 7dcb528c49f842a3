"""Headlines that report speech: ``Lindsey Graham Says Trump Could Address Clean Energy``, ``Pence: Flowers
Won't Be at Debate``.

A headline is a line of its own with most words capitalised. The parser reads capitalised verbs as names
there, so the reporting verb is found by its form instead: the third-person present of a speech verb
(``Says``, ``Warns``; a short list of speech acts in ``lexicons/headline_verbs.json``), or ``Said``,
capitalised; the capitalised words before it are the source and the words after it the content, or after a
comma it closes the headline (``…, Former White House Doctor Says``). A ``Name: statement`` headline needs
a label that ends in a person's or an organisation's name, or in a noun that names a source (``Poll:``;
``Analysis:`` and ``Watch:`` name no one); the article's first line, its title, is read so in sentence case
too (``Sanders: Brexit's message could draw Trump support``).
"""

from __future__ import annotations

import json
import re
from functools import lru_cache

from spacy.attrs import ORTH
from spacy.tokens import Doc, Token

from storyline.config import package_data
from storyline.nlp.context import doc_text
from storyline.nlp.quotes_marks import QUOTE_MARKS
from storyline.nlp.quotes_syntax import source_nouns, tokens_of
from storyline.nlp.quotes_turns import LabelledSpeech

HEADLINE_VERBS_FILE = package_data("lexicons", "headline_verbs.json")
MIN_WORDS = 4
MIN_CONTENT_WORDS = 3
MAX_SOURCE_WORDS = 8
MAX_TITLE_WORDS = 25
TITLE_CASE_SHARE = 0.6
LABEL_ENTITY_TYPES = {"PERSON", "ORG", "NORP"}
LINE = re.compile(r"^.+$", re.MULTILINE)
WORD = re.compile(r"\S+")
LABEL = re.compile(
    r"^(?P<label>[A-Z][\w.’'-]*(?:[ \t][A-Z][\w.’'-]*){0,3})"
    r"(?:[ \t]+(?i:on|to|at|about)[ \t][^:\n]{1,60})?"  # ``Obama on Climate Change: …``
    r"[ \t]*:[ \t]+(?=\S)"
)


def headline_reports(doc: Doc) -> list[LabelledSpeech]:
    """Speech reported by the article's headlines and subheads, in text order."""
    found = []
    for number, line in enumerate(LINE.finditer(doc_text(doc))):
        if _is_headline(line.group()):
            forms = _third_person_forms()
            speech = _said_in(line, forms) or _said_after(line, forms) or _labelled(doc, line)
        elif number == 0 and len(line.group().split()) <= MAX_TITLE_WORDS:
            # a title in sentence case (``Lynch: No outside …``), or one the parser misread (``Trump
            # questions the fairness of …`` took Trump for the verb); a verb it read right it reads better
            speech = _labelled(doc, line) or _misread_said_in(doc, line)
        else:
            continue
        if speech is not None:
            found.append(speech)
    return found


def _is_headline(line: str) -> bool:
    words = [w.strip("\"'“”‘’(") for w in line.split()]
    long_words = [w for w in words if len(w) > 3]
    if len(words) < MIN_WORDS or not long_words:
        return False
    capitalised = sum(1 for w in long_words if w[:1].isupper() or w[:1].isdigit())
    return capitalised / len(long_words) >= TITLE_CASE_SHARE


@lru_cache(maxsize=1)
def _third_person_forms() -> frozenset[str]:
    """``says``, ``warns``, ``denies``, ``pushes`` for the headline speech verbs, and ``said``."""
    forms = {"said"}
    for lemma in json.loads(HEADLINE_VERBS_FILE.read_text(encoding="utf-8"))["verbs"]:
        if lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
            forms.add(lemma[:-1] + "ies")
        elif lemma.endswith(("s", "sh", "ch", "x", "o")):
            forms.add(lemma + "es")
        else:
            forms.add(lemma + "s")
    return frozenset(forms)


def _said_in(
    line: re.Match[str], forms: frozenset[str], sentence_case: bool = False
) -> LabelledSpeech | None:
    words = list(WORD.finditer(line.group()))
    for i, word in enumerate(words[1 : MAX_SOURCE_WORDS + 1], start=1):
        if (sentence_case or word.group()[0].isupper()) and word.group().lower() in forms:
            if len(words) - i - 1 < MIN_CONTENT_WORDS or not _names_someone(words[:i]):
                return None
            offset = line.start()
            return LabelledSpeech(
                label_start=offset,
                label_end=offset + words[i - 1].end(),
                cue_start=offset + word.start(),
                cue_end=offset + word.end(),
                start=offset + words[i + 1].start(),
                end=offset + len(line.group().rstrip()),
                kind="indirect",
            )
    return None


def _misread_said_in(doc: Doc, line: re.Match[str]) -> LabelledSpeech | None:
    speech = _said_in(line, _third_person_forms(), sentence_case=True)
    if speech is None:
        return None
    cue = doc.char_span(speech.cue_start, speech.cue_end, alignment_mode="expand")
    source = doc.char_span(speech.label_start, speech.label_end, alignment_mode="expand")
    if cue is None or cue.root.pos_ in ("VERB", "AUX") or source is None or not _names_source(source[-1]):
        return None  # ``Criminal charges against …``: a sentence's first word is capitalised anyway
    return speech


def _said_after(line: re.Match[str], forms: frozenset[str]) -> LabelledSpeech | None:
    """``Clinton Hid Health Problems, Former White House Doctor Says``: the source after the last comma."""
    body = line.group().rstrip().rstrip(".")
    comma = body.rfind(",")
    words = list(WORD.finditer(body, comma + 1)) if comma > 0 else []
    if not 2 <= len(words) <= MAX_SOURCE_WORDS + 1 or words[-1].group().lower() not in forms:
        return None
    if not words[-1].group()[0].isupper() or len(body[:comma].split()) < MIN_CONTENT_WORDS:
        return None
    if not _names_someone(words[:-1]):
        return None
    offset = line.start()
    return LabelledSpeech(
        label_start=offset + words[0].start(),
        label_end=offset + words[-2].end(),
        cue_start=offset + words[-1].start(),
        cue_end=offset + words[-1].end(),
        start=offset,
        end=offset + comma,
        kind="indirect",
    )


def _names_someone(words: list[re.Match[str]]) -> bool:
    """A headline's source is a capitalised name or description (``Former White House Doctor``), not a
    clause (``Tara Reid has checked herself into``) nor a quotation."""
    texts = [w.group() for w in words]
    if any(mark in text for text in texts for mark in QUOTE_MARKS):
        return False
    return all(text[0].isupper() or text[0].isdigit() for text in texts if len(text) > 3)


def _names_source(word: Token) -> bool:
    """A name (``Sanders:``, ``NY Daily News:``; a person's even where the tagger took it for a common
    noun) or a noun that names a source (``Poll:``, ``Report:``), not an event (``Kraft Shooting:``)."""
    if word.ent_type_ == "PERSON" or (word.ent_type_ in LABEL_ENTITY_TYPES and word.pos_ == "PROPN"):
        return True
    if word.lower_ in source_nouns("label") or word.lemma_.lower() in source_nouns("label"):
        return True
    # a name the tagger missed in a headline, named in the article too (``Lynch:``, ``Loretta Lynch``)
    return word.is_title and any(
        t.ent_type_ in LABEL_ENTITY_TYPES for t in tokens_of(word.doc, ORTH, word.text) if t.i != word.i
    )


def _labelled(doc: Doc, line: re.Match[str]) -> LabelledSpeech | None:
    match = LABEL.match(line.group())
    if match is None:
        return None
    offset = line.start()
    label = doc.char_span(offset, offset + match.end("label"), alignment_mode="expand")
    if label is None or not _names_source(label[-1]):
        return None  # the label ends in a name (``Kraft Shooting:`` names an event)
    if not line.group()[match.end() :].lstrip(QUOTE_MARKS)[:1].isupper():
        return None  # ``Hugh Jackman: an Oscar hit or miss?`` labels a topic, not words
    colon = line.group().rindex(":", 0, match.end())
    return LabelledSpeech(
        label_start=offset,
        label_end=offset + match.end("label"),
        cue_start=offset + colon,
        cue_end=offset + colon + 1,
        start=offset + match.end(),
        end=offset + len(line.group().rstrip()),
        kind="indirect",
    )
