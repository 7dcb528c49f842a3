"""The tense of the clause a time expression sits in, read from the Doc's existing parse and tags."""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

FUTURE_AUXILIARIES = {"will", "'ll", "shall", "wo"}
PERFECT_AUXILIARIES = {"has", "have", "had", "'ve"}
PAST_PERFECT_AUXILIARIES = {"had", "'d"}
MAX_CLIMB = 12
NOUN_MODIFIER_DEPS = {"compound", "nmod", "amod", "nummod"}


def is_parsed(doc: Doc) -> bool:
    """Whether the Doc carries a dependency parse and tags (checked once per Doc: it walks every token)."""
    return doc.has_annotation("DEP") and doc.has_annotation("TAG")


def tense_at(
    doc: Doc,
    start: int,
    end: int,
    future_verbs: frozenset[str],
    planning_verbs: frozenset[str],
    reporting_verbs: frozenset[str],
) -> str:
    """``past``, ``present`` or ``future`` for the verb governing the characters; ``""`` when unknown.

    Call only for a parsed Doc (``is_parsed``)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return ""
    verb = verb_just_before(span, reporting_verbs) or _governing_verb(span.root)
    if verb is None or _plan_reported(verb, span[0].i, planning_verbs):
        return ""
    return _verb_tense(verb, future_verbs, planning_verbs)


def governed_by(doc: Doc, start: int, end: int, verbs: frozenset[str]) -> bool:
    """Whether the verb the expression dates is one of ``verbs`` (lemmas), or stands right before it."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    verb = verb_just_before(span, verbs) or _governing_verb(span.root)
    return verb is not None and verb.lemma_.lower() in verbs


def verb_just_before(span: Span, verbs: frozenset[str]) -> Token | None:
    """``Netanyahu said Sunday Israel will …``: a day right after a verb of ``verbs`` (``on`` may go between)
    dates that verb, though the parser may join it to the clause that follows."""
    index = span.start - 1
    if index >= 0 and span.doc[index].lower_ == "on":
        index -= 1
    before = span.doc[index] if index >= 0 else None
    if before is None or before.pos_ != "VERB" or before.lemma_.lower() not in verbs:
        return None
    return before


def modifies_a_noun(doc: Doc, start: int, end: int) -> bool:
    """Whether the date names which thing is meant (``the Dec. 21, 1988, bombing``) rather than when the
    clause happens: such a date does not set the time of the sentences that follow."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return False
    root = span.root
    return root.dep_ in NOUN_MODIFIER_DEPS and root.head.pos_ in ("NOUN", "PROPN")


def _governing_verb(token: Token) -> Token | None:
    for _ in range(MAX_CLIMB):
        if token.pos_ in ("VERB", "AUX") or token.tag_.startswith("VB") or token.tag_ == "MD":
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None


def _verb_tense(verb: Token, future_verbs: frozenset[str], planning_verbs: frozenset[str]) -> str:
    auxiliaries = [child for child in verb.children if child.dep_ in ("aux", "auxpass")]
    if _participle_clause(verb, auxiliaries):
        return _verb_tense(verb.head, future_verbs, planning_verbs)
    words = {a.lower_ for a in auxiliaries}
    tags = {verb.tag_, *(a.tag_ for a in auxiliaries)}
    if words & FUTURE_AUXILIARIES or _is_going_to(verb) or _plan_made(verb, words, planning_verbs):
        return "future"
    if "VBD" in tags or words & PERFECT_AUXILIARIES:
        return "past"
    if verb.lemma_.lower() in future_verbs:
        return "future"
    if verb.tag_ == "VBN" and not auxiliaries:
        return "past"
    if "MD" in tags:
        return ""
    if "TO" in tags and verb.dep_ in ("xcomp", "ccomp", "advcl", "acl") and verb.head.i != verb.i:
        return _infinitive_tense(verb.head, future_verbs)
    return "present"


def _plan_made(verb: Token, auxiliaries: set[str], planning_verbs: frozenset[str]) -> bool:
    """``has scheduled a news conference Thursday``, ``is set for Friday``: a plan in place is for a time
    ahead, whatever the auxiliary says of when it was made; a past perfect one (``had planned``) may be over,
    and a bare past (``scheduled``) reports it."""
    lemma = verb.lemma_.lower()
    return bool(auxiliaries) and not auxiliaries & PAST_PERFECT_AUXILIARIES and lemma in planning_verbs


def _participle_clause(verb: Token, auxiliaries: list[Token]) -> bool:
    """``The stock has fluctuated, rising to a high in June from $29.75 in March``: a bare ``-ing`` clause
    hung on a verb happens when that verb does."""
    head = verb.head
    return (
        verb.tag_ == "VBG"
        and not auxiliaries
        and verb.dep_ in ("advcl", "xcomp", "conj")
        and head.i != verb.i
        and (head.pos_ in ("VERB", "AUX") or head.tag_.startswith("VB"))
    )


def _plan_reported(verb: Token, date_index: int, planning_verbs: frozenset[str]) -> bool:
    """``protesters planned a rally on Saturday``, ``a service planned for Saturday was cancelled``: a plan
    told in the bare past may be for a day just ahead or just gone, so neither tense decides (the nearest
    day does); a date before the verb (``On Friday, the government planned to pay``) dates the telling."""
    if verb.tag_ not in ("VBD", "VBN") or verb.lemma_.lower() not in planning_verbs or verb.i > date_index:
        return False
    return not any(child.dep_ in ("aux", "auxpass") for child in verb.children)


def _infinitive_tense(head: Token, future_verbs: frozenset[str]) -> str:
    """An infinitive under a verb of planning or ``be`` points ahead (``is scheduled to close``, ``is to
    resume``) unless that verb is past perfect (``had been due to expire``: a plan already over); under any
    other verb it reads as the present."""
    governor = head.head if head.dep_ == "acomp" else head  # ``had been due to``: the aux sits on ``been``
    if any(child.dep_ == "aux" and child.lower_ in PAST_PERFECT_AUXILIARIES for child in governor.children):
        return "past"
    return "future" if head.lemma_.lower() in future_verbs or head.lemma_.lower() == "be" else "present"


def _is_going_to(verb: Token) -> bool:
    """``is going to announce``: the head is ``going`` with an ``xcomp`` on this verb."""
    head = verb.head
    return verb.dep_ == "xcomp" and head.lower_ == "going" and head.i != verb.i
