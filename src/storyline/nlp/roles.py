"""Roles and relations of people from titles and appositions, read from ``lexicons/titles.json``.

Three places in a sentence say what a person is:
- a title before the name: "United States President Donald Trump", "Special envoys Steve Witkoff";
- an apposition after it: "Jared Kushner, Trump's son-in-law and former senior advisor,";
- a definite description standing for a person already named: "the president", "the envoy".
The functions here find the phrases and what they say (role, relation, the possessor or "of" object);
``actors`` ties the anchors to entities.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache

import numpy
from spacy.attrs import LOWER
from spacy.tokens import Doc, Token

from storyline.config import package_data

APPOSITION_STOP = {",", ";", ":", "(", ")", "—", "–", ".", "!", "?", '"', "“", "”"}
FINITE_VERB_TAGS = {"VBD", "VBZ", "VBP", "MD"}
MAX_APPOSITION_TOKENS = 16
MAX_TITLE_TOKENS = 8
ARTICLES = {"a", "an", "the"}
TITLES_FILE = package_data("lexicons", "titles.json")


@dataclass(frozen=True, slots=True)
class TitleLexicon:
    titles: frozenset[str]
    descriptive: frozenset[str]
    rank: frozenset[str]
    relations: frozenset[str]
    words: frozenset[str]
    """Every word that can be part of a title with its modifiers (for scanning left of a name)."""
    heads: frozenset[str]
    """The last word of every title and relation: what a plural is reduced to."""
    longest: int
    female: frozenset[str] = frozenset()
    male: frozenset[str] = frozenset()
    """Words that tell a person's grammatical gender (titles, relations, honorifics)."""
    generic: dict[str, frozenset[str]] = field(default_factory=dict)
    """General words ("leader") and the particular titles whose holders they can name."""


@dataclass(frozen=True, slots=True)
class Word:
    """A word as lexicons see it: tokens joined by hyphens ("son-in-law") count as one."""

    text: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class RoleFinding:
    start: int
    end: int
    """Token range of the whole phrase."""
    role: str | None = None
    """The title with its modifiers, lower case and singular: "special envoy", "former senior advisor"."""
    relation: str | None = None
    """A relation noun ("son-in-law"), meaningful with an anchor."""
    anchor: int | None = None
    """Token index of the possessor ("Trump's …") or of the object of "of" ("the president of Russia")."""
    plural: bool = False
    head: int | None = None
    """Token index where the role itself starts (its modifiers included): what precedes it inside the
    phrase qualifies the holder ("the Russian | foreign minister")."""


@lru_cache(maxsize=1)
def _titles_data() -> dict:
    """``titles.json``, read once for the title lexicon, the delegation words and the voice nouns."""
    return json.loads(TITLES_FILE.read_text(encoding="utf-8"))


def _lower_words(values: object) -> bool:
    return isinstance(values, list) and all(isinstance(v, str) and v == v.lower() for v in values)


@lru_cache(maxsize=1)
def lexicon() -> TitleLexicon:
    path, data = TITLES_FILE, _titles_data()
    sets = {}
    for key in ("titles", "descriptive_modifiers", "rank_modifiers", "relations"):
        values = data.get(key)
        if not _lower_words(values):
            raise ValueError(f"{path}: {key!r} must be a list of lower-case strings")
        sets[key] = frozenset(values)
    phrases = sets["titles"] | sets["relations"]
    words = (
        {w for phrase in phrases for w in phrase.split()}
        | sets["descriptive_modifiers"]
        | sets["rank_modifiers"]
    )
    return TitleLexicon(
        titles=sets["titles"],
        descriptive=sets["descriptive_modifiers"],
        rank=sets["rank_modifiers"],
        relations=sets["relations"],
        words=frozenset(words),
        heads=frozenset(p.split()[-1] for p in phrases),
        longest=max(len(p.split()) for p in phrases),
        **_gendered(data.get("gendered"), path),
        generic=_generic(data.get("generic_titles"), path),
    )


@dataclass(frozen=True, slots=True)
class DelegationWords:
    verbs: frozenset[str]
    """Lemmas of leading a group ("lead", "head")."""
    groups: frozenset[str]
    """Nouns of a group that acts for a country ("delegation", "team")."""


@lru_cache(maxsize=1)
def delegation_words() -> DelegationWords:
    data = _titles_data().get("delegations")
    if not isinstance(data, dict) or not all(_lower_words(data.get(key)) for key in ("verbs", "groups")):
        raise ValueError(
            f"{TITLES_FILE}: 'delegations' must map 'verbs' and 'groups' to lower-case word lists"
        )
    return DelegationWords(frozenset(data["verbs"]), frozenset(data["groups"]))


@lru_cache(maxsize=1)
def voice_nouns() -> frozenset[str]:
    """Nouns (singular, lower case) of people or bodies that speak for whoever modifies them: the head of
    every title and the 'voices' list; not relations (``Trump's wife`` is not Trump's voice)."""
    nouns = _titles_data().get("voices", {}).get("nouns")
    if not _lower_words(nouns):
        raise ValueError(f"{TITLES_FILE}: 'voices' must hold 'nouns', a list of lower-case words")
    return frozenset(nouns) | {title.split()[-1] for title in lexicon().titles}


def _generic(data: object, path: object) -> dict[str, frozenset[str]]:
    entries = {w: t for w, t in data.items() if not w.startswith("_")} if isinstance(data, dict) else None
    if not entries or not all(_is_word_list(titles) for titles in entries.values()):
        raise ValueError(f"{path}: 'generic_titles' must map general words to lists of titles")
    return {word: frozenset(titles) for word, titles in entries.items()}


def _is_word_list(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(item, str) for item in value)


def _gendered(data: object, path: object) -> dict[str, frozenset[str]]:
    if not isinstance(data, dict) or set(data) != {"female", "male"}:
        raise ValueError(f"{path}: 'gendered' must map 'female' and 'male' to word lists")
    return {gender: frozenset(words) for gender, words in data.items()}


def gender_of(words: Iterator[str] | Sequence[str], lex: TitleLexicon) -> str | None:
    """ "female" or "male" when the words (roles, relations, honorifics) say so consistently, else None."""
    said = {("female" if w in lex.female else "male") for w in words if w in lex.female or w in lex.male}
    return said.pop() if len(said) == 1 else None


def singular(word: str, vocabulary: frozenset[str]) -> str:
    """The singular of a plural role noun that the lexicon knows ("envoys" → "envoy")."""
    if word in vocabulary:
        return word
    for suffix, replacement in (("ies", "y"), ("es", ""), ("s", ""), ("men", "man"), ("women", "woman")):
        if word.endswith(suffix) and word[: -len(suffix)] + replacement in vocabulary:
            return word[: -len(suffix)] + replacement
    return word


def words_of(tokens: Sequence[Token]) -> list[Word]:
    """Lower-case words, with hyphen-joined tokens ("son", "-", "in", "-", "law") merged into one."""
    words: list[Word] = []
    for token in tokens:
        joined = words and (token.text == "-" or tokens_touching_hyphen(token))
        if joined and not token.nbor(-1).whitespace_:
            last = words[-1]
            words[-1] = Word(last.text + token.lower_, last.start, token.i + 1)
        else:
            words.append(Word(token.lower_, token.i, token.i + 1))
    return words


def tokens_touching_hyphen(token: Token) -> bool:
    return token.i > 0 and token.nbor(-1).text == "-"


def match_title(words: Sequence[Word], lex: TitleLexicon) -> tuple[int, int, str, bool] | None:
    """The longest title or relation phrase in ``words``: (first word, end word, phrase, plural).

    Where several match, the longest wins, then the rightmost (the head of an English noun phrase)."""
    best: tuple[int, int, str, bool] | None = None
    for i in range(len(words)):
        found = match_title_at(words, i, lex)
        if found is not None and (best is None or found[1] - found[0] >= best[1] - best[0]):
            best = found
    return best


def match_title_at(words: Sequence[Word], i: int, lex: TitleLexicon) -> tuple[int, int, str, bool] | None:
    """The longest title or relation phrase starting at word ``i``."""
    for length in range(min(lex.longest, len(words) - i), 0, -1):
        texts = [w.text for w in words[i : i + length]]
        last = singular(texts[-1], lex.heads)
        phrase = " ".join([*texts[:-1], last])
        if phrase in lex.titles or phrase in lex.relations:
            return (i, i + length, phrase, last != texts[-1])
    return None


def with_modifiers(words: Sequence[Word], first: int, phrase: str, lex: TitleLexicon) -> tuple[int, str]:
    """Extend a title leftwards over the modifiers the lexicon lists ("former senior" advisor)."""
    start = first
    while start > 0 and words[start - 1].text in lex.descriptive | lex.rank:
        start -= 1
    return start, " ".join([w.text for w in words[start:first]] + [phrase])


def describe(tokens: Sequence[Token], lex: TitleLexicon) -> RoleFinding | None:
    """What a noun phrase says about a person: "Trump's son-in-law", "the president of Russia"."""
    words = words_of(tokens)
    found = match_title(words, lex)
    if found is None:
        return None
    first, end, phrase, plural = found
    start, role = with_modifiers(words, first, phrase, lex)
    anchor = _possessor(tokens, words[start].start)
    return RoleFinding(
        start=tokens[0].i,
        end=tokens[-1].i + 1,
        role=role if phrase in lex.titles else None,
        relation=phrase if phrase in lex.relations else None,
        anchor=anchor if anchor is not None else _of_object(tokens, words, end),
        plural=plural,
        head=words[start].start,
    )


def _possessor(tokens: Sequence[Token], before: int) -> int | None:
    """The token before "'s" that precedes the title, if any ("Trump's son-in-law" → Trump)."""
    for token in tokens:
        if token.i >= before:
            return None
        if token.tag_ == "POS" and token.i > tokens[0].i:
            return token.i - 1
    return None


def _of_object(tokens: Sequence[Token], words: Sequence[Word], end: int) -> int | None:
    """The noun after "of" right after the title ("president of Russia" → Russia)."""
    if end >= len(words) or words[end].text != "of":
        return None
    for token in tokens:
        if token.i >= words[end].end and token.lower_ not in ARTICLES:
            return token.i
    return None


def title_before(doc: Doc, start: int, lex: TitleLexicon) -> RoleFinding | None:
    """A title directly before a name ("Special envoys | Steve Witkoff"), within the sentence."""
    sentence_start = doc[start].sent.start if start < len(doc) else 0
    first = start
    while first > max(sentence_start, start - MAX_TITLE_TOKENS):
        token = doc[first - 1]
        if not (
            token.lower_ in lex.words or singular(token.lower_, lex.words) in lex.words or token.text == "-"
        ):
            break
        first -= 1
    if first == start:
        return None
    tokens = list(doc[first:start])
    words = words_of(tokens)
    found = match_title(words, lex)
    if found is None or found[1] != len(words):
        return None
    finding = describe(tokens, lex)
    if finding is None:
        return None
    if first > sentence_start + 1 and doc[first - 1].tag_ == "POS":
        return _with_anchor(finding, first - 2, first - 1)
    return finding


def _with_anchor(finding: RoleFinding, anchor: int, start: int) -> RoleFinding:
    return replace(finding, start=start, anchor=anchor)


def apposition_before(doc: Doc, start: int, end: int, lex: TitleLexicon) -> RoleFinding | None:
    """A noun phrase set off by a comma before a name that the parser takes as in apposition to it ("The
    president of Ghana, John Mahama, …", "The Ghanaian president, John Mahama, …")."""
    if start < 2 or doc[start - 1].text != "," or doc[start:end].root.dep_ != "appos":
        return None
    tokens: list[Token] = []
    sentence_start = doc[start].sent.start
    for token in reversed(doc[max(sentence_start, start - 1 - MAX_APPOSITION_TOKENS) : start - 1]):
        if token.text in APPOSITION_STOP:
            break
        tokens.insert(0, token)
    if not tokens or not _noun_phrase(tokens) or doc[start:end].root.head.i not in {t.i for t in tokens}:
        return None
    return describe(tokens, lex)


def appositions_after(doc: Doc, end: int, lex: TitleLexicon) -> list[RoleFinding]:
    """Noun phrases set off by a comma after a name: ", Trump's son-in-law and former senior advisor,"."""
    if end >= len(doc) or doc[end].text != ",":
        return []
    tokens: list[Token] = []
    sentence_end = doc[end].sent.end
    for token in doc[end + 1 : min(sentence_end, end + 1 + MAX_APPOSITION_TOKENS)]:
        if token.text in APPOSITION_STOP:
            break
        tokens.append(token)
    if not tokens or not _noun_phrase(tokens):
        return []
    return [found for part in _conjuncts(tokens) if (found := describe(part, lex)) is not None]


def _noun_phrase(tokens: Sequence[Token]) -> bool:
    """An apposition is a noun phrase: no finite verb, and it does not open with a verb or "who"."""
    if tokens[0].pos_ in {"VERB", "AUX", "ADV", "ADP", "SCONJ", "PRON"} and tokens[0].tag_ != "PRP$":
        return False
    return not any(t.tag_ in FINITE_VERB_TAGS for t in tokens)


def _conjuncts(tokens: Sequence[Token]) -> Iterator[list[Token]]:
    part: list[Token] = []
    for token in tokens:
        if token.lower_ in {"and", "&"} and token.pos_ == "CCONJ":
            if part:
                yield part
            part = []
        else:
            part.append(token)
    if part:
        yield part


def definite_descriptions(doc: Doc, lex: TitleLexicon) -> Iterator[tuple[int, int, str]]:
    """ "the president", "the special envoy": (start token, end token, core title) not followed by a name."""
    lowers = doc.to_array([LOWER])
    for the in numpy.flatnonzero(lowers == doc.vocab.strings["the"]).tolist():
        words = words_of(list(doc[the + 1 : min(len(doc), the + 1 + lex.longest + 3)]))
        found, first = None, 0
        while found is None and first < len(words):
            # the longest title after the modifiers: "the chief executive", "the special envoy"
            found = match_title_at(words, first, lex)
            if found is None and words[first].text not in lex.descriptive | lex.rank:
                break
            first += found is None
        if found is None or found[3]:
            continue
        end_token = words[found[1] - 1].end
        if end_token < len(doc) and doc[end_token].pos_ in {"PROPN", "NOUN", "ADJ"}:
            continue  # "the envoy Steve Witkoff", "the chief foreign correspondent": not a description
        rank = [w.text for w in words[:first] if w.text in lex.rank]
        yield the, end_token, " ".join([*rank, found[2]])


def refers_to(description: str, role: str, lex: TitleLexicon) -> bool:
    """Whether "the <description>" can name the holder of ``role``: "the envoy" → "special envoy", "the
    minister" → "foreign minister", but "the president" is not the "vice president"."""
    core = core_title(role, lex)
    if core == description or core in lex.generic.get(description, ()):
        return True
    extra = core.removesuffix(" " + description)
    return extra != core and not any(word in lex.rank for word in extra.split())


def core_title(role: str, lex: TitleLexicon) -> str:
    """A role without its descriptive modifiers, what "the …" refers back to ("special envoy" → "envoy")."""
    words = role.split()
    while len(words) > 1 and words[0] in lex.descriptive and " ".join(words) not in lex.titles:
        words = words[1:]
    return " ".join(words)
