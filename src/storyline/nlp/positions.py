"""Positions: who wants what — the claims-analysis view of an article.

A stance cue (``lexicons/stance_cues.tsv``: ``demand``, ``insistence on``, ``opposition to``, ``urges``,
``proposals``) gives the stance; the issue is the phrase the cue governs; the holder is found like an event's
source (subject, possessor, ``by`` phrase, nationality adjective, the place a ``where`` clause describes) and
resolved through ``DocContext``; a condition (``as a precondition for …``, ``unless …``) is kept apart.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Token

from storyline.config import package_data
from storyline.nlp.context import DocContext
from storyline.nlp.events_lexicon import StanceCue, stance_cues
from storyline.nlp.events_roles import (
    PASSIVE_SUBJECTS,
    actors_of,
    children,
    clause_head,
    prepositional_objects,
    reporter_actors,
    subject_of,
)
from storyline.records import Position, Span

CUE_POS = {"VERB": "VERB", "NOUN": "NOUN", "ADP": "ADP"}
NOMINAL_DEPS = {"dobj", "pobj", "nsubj", "nsubjpass", "attr", "appos", "conj"}


@dataclass(frozen=True)
class PositionCues:
    condition_nouns: frozenset[str]
    condition_markers: frozenset[str]
    exchange_phrases: tuple[tuple[str, ...], ...]
    consideration_nouns: frozenset[str]
    negated_stance: dict[str, str]
    first_person: frozenset[str]
    voicing_verbs: frozenset[str]


@lru_cache(maxsize=1)
def position_cues() -> PositionCues:
    data = json.loads(package_data("lexicons", "position_cues.json").read_text(encoding="utf-8"))
    return PositionCues(
        condition_nouns=frozenset(data["condition_nouns"]),
        condition_markers=frozenset(data["condition_markers"]),
        exchange_phrases=tuple(tuple(p) for p in data["exchange_phrases"]),
        consideration_nouns=frozenset(data["consideration_nouns"]),
        negated_stance=dict(data["negated_stance"]),
        first_person=frozenset(data["first_person"]),
        voicing_verbs=frozenset(data["voicing_verbs"]),
    )


def extract_positions(context: DocContext) -> list[Position]:
    """Every stance an article reports that has an issue, in text order."""
    positions: list[Position] = []
    for token in context.doc:
        cue = _matching_cue(token)
        if cue is None:
            continue
        position = _position(token, cue, context, f"p{len(positions) + 1}")
        if position is not None and not any(_same_issue(position, p) for p in positions):
            positions.append(position)
    return positions


def _same_issue(first: Position, second: Position) -> bool:
    """Two cues on one issue (``proposals under consideration``) are one position."""
    return (first.issue.start, first.issue.end) == (second.issue.start, second.issue.end)


def _matching_cue(token: Token) -> StanceCue | None:
    pos = CUE_POS.get(token.pos_)
    if token.pos_ == "ADJ" and token.dep_ in NOMINAL_DEPS:
        pos = "NOUN"  # a nominal use the tagger read as an adjective ("the imperative for …")
    if pos is None or token.dep_ in {"amod", "compound"}:
        return None
    if pos == "ADP" and not (token.dep_ == "prep" and token.head.lemma_ == "be"):
        return None  # only a copula's "against"/"for" states a stance ("is against ceding land")
    cues = stance_cues().get((token.lemma_.lower(), pos), [])
    if not cues:
        return None  # most words are no cue: spare reading their children
    particles = {c.lower_ for c in token.children if c.dep_ in {"prt", "prep"}}
    matching = [c for c in cues if set(c.words[1:]) <= particles]
    return max(matching, key=lambda c: len(c.words), default=None)


def _position(token: Token, cue: StanceCue, context: DocContext, position_id: str) -> Position | None:
    condition = _condition(token)
    issue = _issue(token, cue, condition)
    if issue is None:
        return None
    holder = _holder(token, cue, context)
    stance = _stance(token, cue)
    tokens = [token, *issue, *(condition or []), *_holder_tokens(token)]
    start, end = min(t.i for t in tokens), max(t.i for t in tokens)
    return Position(
        id=position_id,
        holder=holder,
        stance=stance,  # type: ignore[arg-type]
        issue=_span(context, issue[0].idx, issue[-1].idx + len(issue[-1])),
        condition=_span(context, condition[0].idx, condition[-1].idx + len(condition[-1]))
        if condition
        else None,
        evidence=_span(context, context.doc[start].idx, context.doc[end].idx + len(context.doc[end])),
        confidence=0.85 if holder else 0.6,
    )


def _stance(token: Token, cue: StanceCue) -> str:
    cues = position_cues()
    under = prepositional_objects(token, {"under"})
    if cue.pos == "NOUN" and any(t.lemma_.lower() in cues.consideration_nouns for t in under):
        return "consider"
    negated = any(c.dep_ == "neg" for c in token.children) or any(
        c.dep_ == "neg" for c in clause_head(token).children
    )
    return cues.negated_stance.get(cue.stance, cue.stance) if negated else cue.stance


# --- the issue -------------------------------------------------------------------------------------------


def _issue(token: Token, cue: StanceCue, condition: list[Token] | None) -> list[Token] | None:
    """The tokens of the first issue slot the cue fills, without the condition phrase."""
    excluded = {t.i for t in condition or []}
    for slot in cue.issue:
        head = _slot_head(token, slot)
        if head is not None:
            return _phrase(head, excluded, start=_slot_start(token, head, slot))
    if cue.pos == "NOUN" and (other := _copular_partner(token)) is not None:
        return _phrase(other, excluded)
    return None


def _slot_head(token: Token, slot: str) -> Token | None:
    if slot == "obj":
        return next(iter(children(token, {"pobj", "pcomp"} if token.pos_ == "ADP" else {"dobj"})), None)
    if slot in {"comp", "that"}:
        deps = {"ccomp"} if slot == "that" else {"xcomp", "ccomp", "acl"}
        # a complement follows its predicate; one before it is a misparsed quotation ("…, X hoped")
        clauses = [c for c in children(token, deps) if c.pos_ in {"VERB", "AUX"} and c.i > token.i]
        return clauses[0] if clauses else None
    owners = [token, token.head] if token.dep_ == "dobj" and token.pos_ != "VERB" else [token]
    for owner in owners:  # "underscored the imperative for action": the phrase may attach to the verb
        for prep in owner.children:
            if prep.dep_ == "prep" and prep.lower_ == slot:
                objects = children(prep, {"pobj", "pcomp"})
                return objects[0] if objects else None
    return None


def _slot_start(token: Token, head: Token, slot: str) -> Token:
    """An object-control complement starts at its object (``urged Ukraine to move``)."""
    if slot == "comp" and head.dep_ == "xcomp":
        objects = children(token, {"dobj"})
        if objects:
            return objects[0].left_edge
    return head.left_edge


def _phrase(head: Token, excluded: set[int], start: Token | None = None) -> list[Token] | None:
    """The head's phrase without the excluded tokens and without clauses set off by a comma
    (``the extension of X, potentially structured …``)."""
    doc = head.doc
    excluded = excluded | {t.i for c in head.children if _comma_clause(c) for t in c.subtree}
    first = (start or head.left_edge).i
    last = head.right_edge.i
    tokens = [doc[i] for i in range(first, last + 1) if i not in excluded]
    while tokens and (tokens[-1].is_punct or tokens[-1].dep_ == "cc"):
        tokens.pop()
    while tokens and tokens[0].is_punct:
        tokens.pop(0)
    return _contiguous_prefix(tokens) or None


def _comma_clause(token: Token) -> bool:
    after_comma = token.left_edge.i > 0 and token.doc[token.left_edge.i - 1].text == ","
    return token.dep_ in {"acl", "relcl", "advcl", "appos"} and after_comma


def _contiguous_prefix(tokens: list[Token]) -> list[Token]:
    for index in range(1, len(tokens)):
        if tokens[index].i != tokens[index - 1].i + 1:
            return tokens[:index]
    return tokens


def _copular_partner(token: Token) -> Token | None:
    """``Among the proposals … is X`` and ``X is a proposal``: the noun on the other side of the copula."""
    verb = clause_head(token)
    among = token.dep_ == "pobj" and token.head.lower_ == "among" and token.head.head == verb
    if verb.lemma_ != "be" or not (among or token.dep_ == "attr"):
        return None
    deps = {"nsubj", "attr"} if among else {"nsubj"}
    partners = [c for c in children(verb, deps) if c.pos_ in {"NOUN", "PROPN"} and c != token]
    return partners[0] if partners else None


def _condition(token: Token) -> list[Token] | None:
    """A condition attached to the cue: ``as a precondition for …``, ``in exchange for …``, ``unless …``."""
    cues = position_cues()
    for child in (t for t in token.subtree if t.i != token.i):  # the phrase may attach inside the issue
        if child.dep_ == "prep" and child.lower_ == "as":
            objects = children(child, {"pobj"})
            if objects and objects[0].lemma_.lower() in cues.condition_nouns:
                return list(child.subtree)
        if child.dep_ == "prep" and _is_exchange(child):
            return list(child.subtree)
        if (
            child.head == token
            and child.dep_ == "advcl"
            and {m.lower_ for m in children(child, {"mark"})} & cues.condition_markers
        ):
            return list(child.subtree)
    return None


def _is_exchange(prep: Token) -> bool:
    words = tuple(t.lower_ for t in prep.subtree)[:3]
    return words in position_cues().exchange_phrases


# --- the holder ------------------------------------------------------------------------------------------


def _holder(token: Token, cue: StanceCue, context: DocContext) -> str | None:
    found = _holder_candidates(token, cue, context)
    return found[0] if found else None


def _holder_candidates(token: Token, cue: StanceCue, context: DocContext) -> list[str]:
    if cue.pos in {"VERB", "ADP"}:
        return _verb_holder(token if cue.pos == "VERB" else token.head, context)
    for tokens in _noun_holder_tokens(token, cue):
        found = [a for t in tokens for a in actors_of(t, context, depth=0)]
        if found:
            return found
    return _place_described(token, context)


def _verb_holder(verb: Token, context: DocContext) -> list[str]:
    if children(verb, PASSIVE_SUBJECTS):
        agents = prepositional_objects(verb, {"by"})
        return [a for t in agents for a in actors_of(t, context)]
    subjects = subject_of(verb)
    found = [a for s in subjects for a in actors_of(s, context, located=True)]
    if not found and any(s.lower_ in position_cues().first_person or s.pos_ == "PRON" for s in subjects):
        return reporter_actors(verb, context)
    return found


def _noun_holder_tokens(noun: Token, cue: StanceCue) -> list[list[Token]]:
    """Where a nominal cue's holder may be, in order: possessor, ``by``, nationality adjective, subject."""
    places = [children(noun, {"poss"})]
    if "by" in cue.holder_from:
        places.append(prepositional_objects(noun, {"by", "from"}))
    if "adj" in cue.holder_from:
        places.append([m for m in noun.children if m.dep_ in {"amod", "compound"} and m.ent_type_])
    if "subj" in cue.holder_from and noun.dep_ in {"dobj", "pobj"}:
        governor = clause_head(noun)
        if governor != noun and governor.lemma_.lower() in position_cues().voicing_verbs:
            places.append(subject_of(governor))
    return places


def _holder_tokens(token: Token) -> list[Token]:
    return children(token, {"poss", "nsubj"}) + prepositional_objects(token, {"by"})


def _place_described(token: Token, context: DocContext) -> list[str]:
    """A stance inside a ``where`` clause belongs to that place (``in Ukraine, where surveys reveal …``)."""
    for ancestor in token.ancestors:
        if ancestor.dep_ == "relcl" and any(c.lower_ == "where" for c in ancestor.children):
            return actors_of(ancestor.head, context, depth=0)
    return []


def _span(context: DocContext, start: int, end: int) -> Span:
    return Span(start, end, context.article.text[start:end])
