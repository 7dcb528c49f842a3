"""Arguments of a trigger from the dependency tree: who acts, on whom, where, when.

Shared by events and positions: a source or a holder is found the same way (subject, agent, possessor,
nationality adjective) and resolved to a canonical actor through ``DocContext``.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Token

from storyline.nlp.context import DocContext
from storyline.records import TimeExpr

SUBJECTS = {"nsubj", "csubj"}
PASSIVE_SUBJECTS = {"nsubjpass", "csubjpass"}
OBJECTS = {"dobj", "dative", "attr", "oprd"}
MODIFIER_DEPS = {"poss", "amod", "compound", "nmod", "appos"}
CLAUSAL_DEPS = {"ccomp", "xcomp", "advcl", "relcl", "parataxis", "csubj", "conj", "acl"}
NOUN_ARGUMENT_DEPS = {"dobj", "nsubjpass", "pobj", "attr", "nsubj", "appos", "conj", "oprd"}
TARGET_PREPOSITIONS = {"with", "against", "on", "upon", "to", "toward", "towards", "at", "into", "over", "of"}
PLACE_PREPOSITIONS = {"in", "at", "near", "outside", "inside", "across", "throughout", "around", "from", "to"}
PLACE_TYPES = {"GPE", "LOC", "FAC"}
LIGHT_NOUN_PREPS = {"for", "in", "to", "of", "on"}
LOCATED_PREPOSITIONS = {"in", "throughout", "across", "within", "inside"}
"""Where a group is (``rebels in Chad``, ``students throughout Indonesia``): it acts for that place."""


def conjuncts(token: Token) -> list[Token]:
    """A token and the tokens coordinated with it ("X and Y" gives both)."""
    return [token, *token.conjuncts]


def actors_of(token: Token, context: DocContext, depth: int = 2, *, located: bool = False) -> list[str]:
    """The actors a phrase names: its head (and conjuncts), else the actors modifying it (``Russia's side``),
    else those of its of/by/from phrases (``calls by Belarus's rulers``) and, for an actor that acts
    (``located``), of its ``in`` phrase (``rebels in Chad``, ``students throughout Indonesia``)."""
    found = _unique(context.entity_of_token(t) for t in conjuncts(token))
    if found:
        return found
    found = _unique(context.entity_of_token(m) for c in conjuncts(token) for m in _modifiers(c))
    if found or depth == 0:
        return found
    prepositions = {"of", "by", "from"} | (LOCATED_PREPOSITIONS if located else set())
    nested = (
        actors_of(p, context, depth - 1, located=located)
        for c in conjuncts(token)
        for p in prepositional_objects(c, prepositions)
    )
    return _unique(a for group in nested for a in group)


def _modifiers(token: Token) -> Iterable[Token]:
    for child in token.children:
        if child.dep_ in MODIFIER_DEPS:
            yield from conjuncts(child)
            yield from (g for g in child.children if g.dep_ in {"compound", "amod"})


def _unique(ids: Iterable[str | None]) -> list[str]:
    seen: list[str] = []
    for entity_id in ids:
        if entity_id is not None and entity_id not in seen:
            seen.append(entity_id)
    return seen


def children(token: Token, deps: set[str]) -> list[Token]:
    return [child for child in token.children if child.dep_ in deps]


def prepositional_objects(token: Token, prepositions: set[str]) -> list[Token]:
    """Objects of the given prepositions attached to a token (``talks with X`` gives X)."""
    found = []
    for prep in token.children:
        if prep.dep_ in {"prep", "agent", "dative"} and prep.lower_ in prepositions:
            found.extend(child for child in prep.children if child.dep_ == "pobj")
    return found


def clause_head(token: Token) -> Token:
    """The verb whose clause a trigger belongs to: itself for a verb, the governing verb for a noun."""
    current = token
    while current.pos_ not in {"VERB", "AUX"} and current.dep_ in NOUN_ARGUMENT_DEPS | {"prep"}:
        if current.head == current:
            break
        current = current.head
    return current


def subject_of(verb: Token) -> list[Token]:
    """A verb's subject; for a controlled verb (``agreed to meet``, ``urged X to meet``, ``is ready to meet``)
    its controller's."""
    current = verb
    for _ in range(4):
        subjects = children(current, SUBJECTS)
        if subjects:
            return subjects
        if current.dep_ == "xcomp":
            objects = children(current.head, {"dobj"})
            if objects:
                return objects
        if current.dep_ not in {"xcomp", "conj", "advcl", "acomp"} or current.head == current:
            return []
        current = current.head
    return []


def clause_tokens(trigger: Token) -> set[int]:
    """Token indices of the trigger's own clause: its subtree without embedded clauses, and for a noun the
    modifiers of the verb that governs it (``held talks in Berlin on Monday``)."""
    indices = _own_subtree(trigger)
    if trigger.pos_ in {"NOUN", "PROPN"} and (participle := _reduced_relative(trigger)) is not None:
        indices |= _own_subtree(participle)
    if trigger.pos_ in {"NOUN", "PROPN"}:
        governor = clause_head(trigger)
        if governor != trigger:
            indices.add(governor.i)
            for child in governor.children:
                if child.dep_ in {"prep", "npadvmod", "advmod", "tmod", "obl"}:
                    indices |= _own_subtree(child)
    return indices


def _reduced_relative(noun: Token) -> Token | None:
    """A past participle right after a noun phrase modifies it (``the invasion launched in 2022``), even where
    the parser attached it to a distant verb."""
    following = noun.right_edge.i + 1
    if following >= len(noun.doc):
        return None
    participle = noun.doc[following]
    return participle if participle.tag_ == "VBN" and participle.dep_ in {"acl", "advcl"} else None


def _own_subtree(token: Token) -> set[int]:
    indices = {token.i}
    for child in token.children:
        if child.dep_ in CLAUSAL_DEPS - {"acl"} and child.pos_ in {"VERB", "AUX"}:
            continue
        if child.dep_ == "relcl":
            continue
        indices |= _own_subtree(child)
    return indices


def time_of(trigger: Token, indices: set[int], context: DocContext) -> TimeExpr | None:
    """The time expression in the trigger's clause nearest to the trigger; a date or time of day before a
    duration (``two-day consultations … earlier in the week``: the week says when)."""
    doc = context.doc
    best: tuple[bool, int, TimeExpr] | None = None
    for time in context.times:
        span = doc.char_span(time.start, time.end, alignment_mode="expand")
        if span is None or not any(t.i in indices for t in span):
            continue
        key = (time.type not in {"DATE", "TIME"}, min(abs(t.i - trigger.i) for t in span), time)
        if best is None or key[:2] < best[:2]:
            best = key
    return best[2] if best else None


def place_of(trigger: Token, indices: set[int], context: DocContext, taken: set[str]) -> str | None:
    """A place entity governed by a locative preposition inside the trigger's clause."""
    candidates = []
    for index in indices:
        token = context.doc[index]
        if token.dep_ != "pobj" or token.head.lower_ not in PLACE_PREPOSITIONS:
            continue
        entity_id = context.entity_of_token(token)
        entity = context.entity(entity_id) if entity_id else None
        if entity is not None and entity.type in PLACE_TYPES and entity_id not in taken:
            candidates.append((abs(index - trigger.i), entity_id))
    return min(candidates)[1] if candidates else None


def reporter_actors(token: Token, context: DocContext) -> list[str]:
    """The actor behind an unresolved pronoun subject in reported speech: the subject of the reporting clause
    (``Syria says it will …``, ``X remarked, "I hope …"``)."""
    current = clause_head(token)
    while (
        current.dep_ in {"ccomp", "xcomp", "conj", "acomp", "advcl", "parataxis"} and current.head != current
    ):
        current = current.head
        subjects = subject_of(current)
        if subjects and subjects[0].pos_ != "PRON":
            return [a for s in subjects for a in actors_of(s, context, located=True)]
    return []
