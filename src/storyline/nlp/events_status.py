"""An event's status from its clause: negation, condition and modality, planning, aspect — in that order.

The cues (``lexicons/event_status.json``) are read on the trigger, on the verb that governs a nominal trigger
(``prepares for a meeting``, ``cancelled the talks``) and on the frame verb a trigger is the complement of
(``refused to withdraw``, ``plans to visit``).
"""

from __future__ import annotations

from datetime import date

from spacy.tokens import Token

from storyline.nlp.events_lexicon import status_cues
from storyline.records import EventStatus, TimeExpr

PROGRESSIVE_TAGS = {"VBG"}
COMPLEMENT_DEPS = {"xcomp", "ccomp", "pcomp", "pobj", "prep", "dobj", "acl", "advcl"}


def cue_tokens(trigger: Token) -> list[Token]:
    """The trigger, its governors up to the clause verb, and the frame verbs above it."""
    chain = [trigger]
    current = trigger
    while current.dep_ in COMPLEMENT_DEPS | {"nsubjpass", "attr", "appos", "conj", "compound"}:
        if current.head == current or len(chain) > 6:
            break
        current = current.head
        chain.append(current)
        if current.pos_ in {"VERB", "AUX"} and current.dep_ not in {"xcomp", "pcomp", "advcl"}:
            break
    return chain


def _words(tokens: list[Token], deps: set[str]) -> set[str]:
    return {child.lower_ for token in tokens for child in token.children if child.dep_ in deps} | {
        child.lemma_.lower() for token in tokens for child in token.children if child.dep_ in deps
    }


def is_negated(chain: list[Token]) -> bool:
    cues = status_cues()
    if _words(chain, {"neg"}) & cues.negation:
        return True
    if any(child.lower_ == "no" and child.dep_ == "det" for child in chain[0].children):
        return True
    return any(token.lemma_.lower() in cues.negating_verbs for token in chain[1:])


def is_hypothetical(chain: list[Token]) -> bool:
    cues = status_cues()
    if _words(chain, {"aux"}) & cues.hypothetical_modals:
        return True
    if _words(chain, {"mark"}) & cues.conditional_markers:
        return True
    if _words(chain[:1], {"amod", "det"}) & cues.hypothetical_modifiers:
        return True
    return any(
        token.dep_ == "advcl" and _words([token], {"mark"}) & cues.conditional_markers for token in chain
    )


def is_planned(chain: list[Token], time: TimeExpr | None, published: str | None) -> bool:
    cues = status_cues()
    if _words(chain, {"aux"}) & cues.future_modals:
        return True
    if any(c.tag_ == "TO" for c in chain[0].children if c.dep_ == "aux"):
        return True  # a to-infinitive names an intended act ("efforts to end the war")
    if any(token.lemma_.lower() in cues.planning_verbs | cues.willingness for token in chain[1:]):
        return True
    modifiers = {c.lower_ for c in chain[0].children if c.dep_ in {"amod", "acl", "compound"}}
    modifiers |= {c.lemma_.lower() for c in chain[0].children if c.dep_ in {"acl"}}
    if modifiers & (cues.planning_modifiers | cues.planning_verbs):
        return True
    return _is_future(time, published)


def is_ongoing(chain: list[Token]) -> bool:
    cues = status_cues()
    trigger = chain[0]
    if trigger.tag_ in PROGRESSIVE_TAGS and any(
        c.lemma_ == "be" for c in trigger.children if c.dep_ == "aux"
    ):
        return True
    if any(token.lemma_.lower() in cues.ongoing_cues for token in chain[1:]):
        return True
    modifiers = {c.lower_ for c in trigger.children if c.dep_ in {"amod", "advmod"}}
    return bool(modifiers & cues.ongoing_cues)


def _is_future(time: TimeExpr | None, published: str | None) -> bool:
    if time is None or not time.value or not published:
        return False
    try:
        when = date.fromisoformat(time.value[:10])
        reference = date.fromisoformat(published[:10])
    except ValueError:
        return False
    return when > reference


def event_status(chain: list[Token], time: TimeExpr | None, published: str | None) -> EventStatus:
    """The first status whose cues the clause shows; an event with none of them occurred."""
    if is_negated(chain):
        return "negated"
    if is_hypothetical(chain):
        return "hypothetical"
    if is_planned(chain, time, published):
        return "planned"
    if is_ongoing(chain):
        return "ongoing"
    return "occurred"


def plover_recode(event_type: str, chain: list[Token], status: EventStatus) -> str:
    """PLOVER's convention for announced acts: a stated future cooperative act is a commitment (AGREE), the
    same act or commitment refused is a REJECT, a stated future hostile act or any act announced with an
    ``unless`` condition is a THREATEN."""
    cues = status_cues()
    if not _is_announced(chain):
        return event_type
    cooperative = event_type in cues.cooperative_types
    if status == "negated" and (cooperative or event_type == cues.commitment_type):
        return cues.refusal_type
    if _words(chain, {"mark"}) & cues.threat_markers or _threat_clause(chain):
        return cues.threat_type
    if cooperative and status in {"planned", "hypothetical"}:
        return cues.commitment_type
    if event_type in cues.hostile_types and status in {"planned", "hypothetical"}:
        return cues.threat_type
    return event_type


def _threat_clause(chain: list[Token]) -> bool:
    markers = status_cues().threat_markers
    clauses = [c for token in chain for c in token.children if c.dep_ == "advcl"]
    return any(_words([clause], {"mark"}) & markers for clause in clauses)


def deontic_reporter(chain: list[Token]) -> Token | None:
    """The reporting verb when the trigger is what someone says another must or should do
    (``Russia said Sudan must return the helicopter``): a request by the reporter."""
    cues = status_cues()
    trigger = chain[0]
    if not _words([trigger], {"aux"}) & cues.deontic_modals or trigger.dep_ != "ccomp":
        return None
    reporter = trigger.head
    return reporter if reporter.lemma_.lower() in cues.reporting_verbs else None


def _is_announced(chain: list[Token]) -> bool:
    """Whether the act is stated by someone (under a reporting verb) or offered (``willing to``)."""
    cues = status_cues()
    modal = _words(chain, {"aux"}) & (cues.future_modals | cues.hypothetical_modals)
    if any(token.lemma_.lower() in cues.willingness for token in chain[1:]):
        return True
    if not modal:
        return False
    top = chain[-1]
    for ancestor in [top, *top.ancestors]:
        if ancestor.lemma_.lower() in cues.reporting_verbs:
            return True
        for child in ancestor.children:
            if child.dep_ in {"parataxis", "ccomp"} and child.lemma_.lower() in cues.reporting_verbs:
                return True
    return False
