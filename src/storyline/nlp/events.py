"""Events (PLOVER): who did what to whom, where and when, with the evidence for each.

A ladder per sentence: find triggers (verbs and event nouns from ``lexicons/plover_triggers.tsv``), choose
the type among a trigger's lexicon entries (the learned classifier decides when there are several), read
source and target from the syntax around the trigger, attach the time and place of the trigger's own clause,
decide the status, then merge repeated reports of the same event into one with ``also_reported`` spans.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from storyline.nlp.context import DocContext
from storyline.nlp.events_classifier import TypeClassifier, choose_type, sentence_support, shipped_classifier
from storyline.nlp.events_lexicon import Trigger, plover_types, status_cues, triggers
from storyline.nlp.events_roles import (
    OBJECTS,
    PASSIVE_SUBJECTS,
    PLACE_TYPES,
    TARGET_PREPOSITIONS,
    actors_of,
    children,
    clause_head,
    clause_tokens,
    place_of,
    prepositional_objects,
    reporter_actors,
    subject_of,
    time_of,
)
from storyline.nlp.events_status import cue_tokens, deontic_reporter, event_status, plover_recode
from storyline.nlp.roles import delegation_words, lexicon
from storyline.records import Event, EventStatus, Span

NAMED_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT"}
RELATIVIZERS = {"that", "which", "who", "whom"}
COMPLEMENT_TARGET_TYPES = {"REQUEST", "REJECT", "ACCUSE", "THREATEN", "SUPPORT", "AGREE"}
FROM_TARGET_TYPES = {"RETREAT", "REQUEST", "SANCTION"}
THIRD_PARTY = "third-party"
RECIPIENT_PREPOSITIONS = {"against", "with", "on", "to", "toward", "towards"}
FRAMED_PENALTY = 0.7
PARTICIPANT_PREPOSITIONS = {"to", "at", "for"}


@dataclass
class _Candidate:
    token: Token
    tokens: list[Token]
    type: str
    mode: str | None
    weak: bool
    source: list[str] = field(default_factory=list)
    target: list[str] = field(default_factory=list)
    argument_tokens: list[Token] = field(default_factory=list)
    location: str | None = None
    time: str | None = None
    status: EventStatus = "occurred"
    confidence: float = 0.0


def extract_events(context: DocContext, *, classifier: TypeClassifier | None = None) -> list[Event]:
    """Every event the article reports, each once, in order of first mention. The type classifier is the
    shipped one unless another is given (training tunes its weight that way)."""
    classifier = classifier or shipped_classifier()
    candidates = [c for s in context.doc.sents for c in _sentence_events(s, context, classifier)]
    return _merge_reports(candidates, context)


def _sentence_events(
    sentence: SpacySpan, context: DocContext, classifier: TypeClassifier | None
) -> list[_Candidate]:
    triggered = [token for token in sentence if _matching_entries(token)]
    if not triggered:
        return []  # most sentences report no event: skip the classifier for them
    support = sentence_support(sentence.text, classifier)
    weight = classifier.support_weight if classifier is not None else 0.0
    found = [c for token in triggered if (c := _candidate(token, context, support, weight)) is not None]
    found = _drop_light_verbs(_absorb_nested(found))
    _penalise_framed(found)
    return found


def _candidate(
    token: Token, context: DocContext, support: dict[str, float], weight: float
) -> _Candidate | None:
    entries = _matching_entries(token)
    if not entries:
        return None
    chosen = choose_type(entries, support)
    candidate = _Candidate(token, _trigger_tokens(token, chosen), chosen.type, chosen.mode, chosen.weak)
    _fill_roles(candidate, context)
    if candidate.weak and not candidate.argument_tokens:
        return None  # a common word makes an event only with someone acting or acted on
    if _is_figurative(candidate):
        return None
    _fill_setting(candidate, context)
    if _is_bare_mention(candidate):
        return None
    candidate.confidence = _confidence(candidate, support.get(candidate.type, 0.0), weight)
    if not candidate.target:
        candidate.target = _condition_target(candidate, context) or _domestic_target(candidate, context)
    return candidate


def _condition_target(candidate: _Candidate, context: DocContext) -> list[str]:
    """A threat is aimed at whoever its condition names (``threatened to stop talks if the United States
    goes ahead``, ``… unless Baghdad accepted``)."""
    if candidate.type != status_cues().threat_type:
        return []
    markers = status_cues().conditional_markers
    clauses = [_role_token(candidate.token)]
    clauses += [c for t in clauses[:1] for c in t.subtree if c.dep_ == "xcomp"]
    conditions = [
        clause
        for verb in clauses
        for clause in children(verb, {"advcl"})
        if any(m.dep_ == "mark" and m.lower_ in markers for m in clause.children)
    ]
    found = [a for c in conditions for s in subject_of(c) for a in actors_of(s, context)]
    return list(dict.fromkeys(a for a in found if a not in candidate.source))


def _domestic_target(candidate: _Candidate, context: DocContext) -> list[str]:
    """A domestic act with no one named as its object (a protest, a curfew, a concession) is aimed at the
    state where it happens, else at the actor's own state, as PLOVER codes it; only a state the article
    names becomes the target."""
    if candidate.type not in plover_types().domestic or not candidate.source:
        return []
    places = [candidate.location] if candidate.location else []
    for entity_id in [*places, *candidate.source]:
        entity = context.entity(entity_id)
        if entity is not None and entity.country and (state := context.country_entity(entity.country)):
            return [state]
    return []


def _is_figurative(candidate: _Candidate) -> bool:
    """A conflict verb with an abstract subject (``a demand that clashes with prevailing sentiment``)."""
    cues = status_cues()
    token = _role_token(candidate.token)
    # the parser sometimes tags such a verb as a noun ("a demand that clashes"); its subject still shows it
    acts_as_verb = (
        token.pos_ == "VERB" or token.dep_ == "relcl" or any(c.dep_ == "nsubj" for c in token.children)
    )
    if candidate.type not in cues.figurative_types or not acts_as_verb or candidate.source:
        return False
    subjects = [s for s in subject_of(token) if s.lower_ not in RELATIVIZERS]
    if not subjects and token.dep_ == "relcl":
        subjects = [token.head]
    return any(s.lemma_.lower() in cues.abstract_subjects for s in subjects)


def _is_bare_mention(candidate: _Candidate) -> bool:
    """An event noun with no participant, time or place (``sanctions are waiting``) names a kind of event,
    not an event the article reports."""
    has_setting = candidate.time or candidate.location
    return candidate.token.pos_ == "NOUN" and not (candidate.source or candidate.target or has_setting)


def _matching_entries(token: Token) -> list[Trigger]:
    """Lexicon entries whose words all appear around the token, longest (most specific) first."""
    pos = {"VERB": "VERB", "NOUN": "NOUN"}.get(token.pos_)
    if pos is None or token.ent_type_ in NAMED_LABELS or token.dep_ == "amod":
        return []
    if token.dep_ == "compound" and token.head.lemma_.lower() not in status_cues().light_nouns:
        return []
    lemma = token.lemma_.lower()
    entries = triggers().get((lemma, pos), [])
    matched = [e for e in entries if _phrase_matches(token, e)]
    if not matched:
        return []
    longest = max(len(e.words) for e in matched)
    return [e for e in matched if len(e.words) == longest]


def _phrase_matches(token: Token, entry: Trigger) -> bool:
    if len(entry.words) == 1:
        return True
    if entry.pos == "NOUN":
        modifiers = [t.lower_ for t in token.lefts if t.dep_ in {"compound", "amod"}]
        return list(entry.words[:-1]) == modifiers[-(len(entry.words) - 1) :]
    particles = {c.lemma_.lower() for c in token.children if c.dep_ in {"prt", "prep", "dobj", "advmod"}}
    return set(entry.words[1:]) <= particles


def _trigger_tokens(token: Token, entry: Trigger) -> list[Token]:
    if len(entry.words) == 1:
        return [token]
    if entry.pos == "NOUN":
        return [*[t for t in token.lefts if t.dep_ in {"compound", "amod"}][-(len(entry.words) - 1) :], token]
    extra = [c for c in token.children if c.lemma_.lower() in entry.words[1:] and c.dep_ in {"prt", "prep"}]
    tokens = sorted([token, *extra], key=lambda t: t.i)
    return tokens if tokens[-1].i - tokens[0].i == len(tokens) - 1 else [token]


def _role_token(token: Token) -> Token:
    """Where a trigger's arguments attach: the light noun it modifies (``mediation effort between X, Y``)."""
    return token.head if token.dep_ == "compound" else token


def _fill_roles(candidate: _Candidate, context: DocContext) -> None:
    token = _role_token(candidate.token)
    if token.pos_ == "VERB":
        sources, targets = _verb_arguments(token, candidate.type)
    else:
        sources, targets = _noun_arguments(token, candidate.mode)
    source = [a for s in sources for a in actors_of(s, context, located=True)]
    if not source and token.pos_ == "NOUN":
        governor_subjects = _participant_group(token) or _governor_subject(token)
        source = [a for s in governor_subjects for a in actors_of(s, context, located=True)]
        sources = [*sources, *governor_subjects]
    if not source and any(s.dep_ == "poss" and s.pos_ == "PRON" for s in sources):
        source = _bound_possessor(token, context)
    if not source and any(s.pos_ == "PRON" for s in sources):
        source = reporter_actors(token, context)
    candidate.argument_tokens = [*sources, *targets]
    candidate.source = list(dict.fromkeys(source))
    target = [a for t in targets for a in actors_of(t, context, located=True) if a not in candidate.source]
    candidate.target = _without_settings(list(dict.fromkeys(target)), context)


def _without_settings(targets: list[str], context: DocContext) -> list[str]:
    """A place named beside an actor acted on is where it happened, not a second target (``beat up
    Palestinian detainees on the West Bank``); a country is an actor, and a place alone is kept."""
    places = [t for t in targets if _is_place(t, context)]
    return [t for t in targets if t not in places] if len(places) < len(targets) else targets


def _is_place(entity_id: str, context: DocContext) -> bool:
    entity = context.entity(entity_id)
    if entity is None or entity.type not in PLACE_TYPES:
        return False
    return not entity.country or context.country_entity(entity.country) != entity_id


def _bound_possessor(noun: Token, context: DocContext) -> list[str]:
    """An unresolved possessive pronoun refers to the subject of its clause (``X …, after their talks``)."""
    current = clause_head(noun)
    for _ in range(4):
        if subjects := children(current, {"nsubj", "nsubjpass"}):
            return [a for s in subjects for a in actors_of(s, context, located=True)]
        if current.dep_ not in {"advcl", "xcomp", "conj", "prep", "pcomp"} or current.head == current:
            break
        current = current.head
    return []


def _verb_arguments(verb: Token, event_type: str) -> tuple[list[Token], list[Token]]:
    agents = prepositional_objects(verb, {"by"})
    passive = children(verb, PASSIVE_SUBJECTS)
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return agents, [verb.head]
    if passive:
        return agents, passive
    sources = [s for s in subject_of(verb) if s.lower_ not in RELATIVIZERS]
    if not sources and verb.dep_ == "relcl":
        sources = [verb.head]
    prepositions = TARGET_PREPOSITIONS | ({"from"} if event_type in FROM_TARGET_TYPES else set())
    targets = _object_targets(verb, prepositions)
    if event_type in COMPLEMENT_TARGET_TYPES:
        for clause in children(verb, {"ccomp", "xcomp"}):
            targets += children(clause, {"nsubj", "nsubjpass"})
            if clause.dep_ == "xcomp":  # "threatened to ban X", "offered to hand over to X"
                targets += _object_targets(clause, TARGET_PREPOSITIONS - {"of"})
    return sources, targets


def _object_targets(verb: Token, prepositions: set[str]) -> list[Token]:
    """Objects of a verb and the recipients attached to them (``threatened action against X``)."""
    objects = children(verb, OBJECTS - {"attr"})
    recipients = [p for o in objects for p in prepositional_objects(o, RECIPIENT_PREPOSITIONS)]
    return objects + prepositional_objects(verb, prepositions) + recipients


def _noun_arguments(noun: Token, mode: str | None) -> tuple[list[Token], list[Token]]:
    parties = prepositional_objects(noun, {"between", "among"})
    sources = children(noun, {"poss"}) + prepositional_objects(noun, {"by"})
    sources += [m for m in _noun_modifiers(noun) if m.ent_type_]
    targets = prepositional_objects(noun, TARGET_PREPOSITIONS)
    if mode == THIRD_PARTY:  # a mediation between X and Y: X and Y are its targets, the mediator its source
        return sources, targets + parties
    return sources + parties, targets


def _noun_modifiers(noun: Token) -> list[Token]:
    """Adjectives and compounds before a noun, and theirs (``Russian`` in ``Russian military advances``)."""
    first = [m for m in noun.children if m.dep_ in {"amod", "compound"}]
    return first + [g for m in first for g in m.children if g.dep_ in {"amod", "compound"}]


def _participant_group(noun: Token) -> list[Token]:
    """The group or office holder a nominal trigger is attached to (``the American delegation to the talks``,
    ``the envoy to the negotiations``): they take part in it."""
    preposition = noun.head
    if noun.dep_ != "pobj" or preposition.lower_ not in PARTICIPANT_PREPOSITIONS:
        return []
    holder = preposition.head
    if holder.pos_ == "VERB":  # "leading the delegation to the talks": the parser hangs the talks on the verb
        holder = next((o for o in holder.children if o.dep_ == "dobj"), holder)
    lemma = holder.lemma_.lower()
    if holder.pos_ != "NOUN" or (lemma not in delegation_words().groups and lemma not in lexicon().heads):
        return []
    return [holder]


def _governor_subject(noun: Token) -> list[Token]:
    """The subject of the verb governing a nominal trigger (``X held talks``, ``X launched an attack``)."""
    if noun.dep_ not in {"dobj", "pobj", "attr"}:
        return []
    governor = clause_head(noun)
    if governor == noun or governor.pos_ not in {"VERB", "AUX"}:
        return []
    return subject_of(governor)


def _fill_setting(candidate: _Candidate, context: DocContext) -> None:
    token = _role_token(candidate.token)
    indices = clause_tokens(token)
    time = time_of(token, indices, context)
    candidate.time = time.id if time else None
    taken = set(candidate.source) | set(candidate.target)
    candidate.location = place_of(token, indices, context, taken)
    chain = cue_tokens(token)
    candidate.status = event_status(chain, time, context.article.published)
    recoded = plover_recode(candidate.type, chain, candidate.status)
    if recoded != candidate.type:
        candidate.type, candidate.mode = recoded, None
        if candidate.status == "negated":
            candidate.status = "occurred"
    if (reporter := deontic_reporter(chain)) is not None:
        _make_request(candidate, reporter, context)


def _make_request(candidate: _Candidate, reporter: Token, context: DocContext) -> None:
    """What a speaker says another must do is the speaker's request of them."""
    requester = [a for s in subject_of(reporter) for a in actors_of(s, context, located=True)]
    candidate.target = [a for a in candidate.source if a not in requester] or candidate.target
    candidate.source = requester
    candidate.argument_tokens += subject_of(reporter)
    candidate.type, candidate.mode, candidate.status = status_cues().request_type, None, "occurred"


def _confidence(candidate: _Candidate, support: float, weight: float) -> float:
    """Lexicon strength and whether source and target were found, blended with the classifier's support for
    the type by the weight training chose."""
    lexical = (0.55 if candidate.weak else 0.7) + 0.1 * bool(candidate.source) + 0.1 * bool(candidate.target)
    return round((1 - weight) * min(lexical, 0.95) + weight * support, 2)


def _absorb_nested(found: list[_Candidate]) -> list[_Candidate]:
    """A nominal trigger inside another of the same type (``engagement … in a meeting``) is the same event."""
    by_token = {c.token.i: c for c in found}
    kept: list[_Candidate] = []
    for candidate in found:
        outer = _governing_candidate(candidate.token, by_token, through={"prep", "pobj", "appos", "conj"})
        outer = outer or next((k for k in kept if _same_clause_noun(k, candidate)), None)
        if outer is not None and outer.type == candidate.type and candidate.token.pos_ == "NOUN":
            outer.time = outer.time or candidate.time
            outer.location = outer.location or candidate.location
            outer.target = outer.target or candidate.target
            continue
        kept.append(candidate)
    return kept


def _drop_light_verbs(found: list[_Candidate]) -> list[_Candidate]:
    """``imposed sanctions``, ``launched an offensive``: the event noun, not the light verb, is the event."""
    light = status_cues().light_verbs
    noun_heads = {c.token.head.i for c in found if c.token.pos_ == "NOUN" and c.token.dep_ == "dobj"}
    return [c for c in found if not (c.token.i in noun_heads and c.token.lemma_.lower() in light)]


def _same_clause_noun(first: _Candidate, second: _Candidate) -> bool:
    nouns = first.token.pos_ == "NOUN" and second.token.pos_ == "NOUN"
    return nouns and first.status == second.status and clause_head(first.token) == clause_head(second.token)


def _penalise_framed(found: list[_Candidate]) -> None:
    """An act below another event in the tree (``agreed to cooperate``, ``lifted the blockade``, ``staged
    protests to demand``) ranks below it, and a frame without a source or target takes its complement's
    (``offered to hand over to X``)."""
    by_token = {c.token.i: c for c in found}
    for candidate in found:
        frame = next((by_token[a.i] for a in candidate.token.ancestors if a.i in by_token), None)
        if frame is None and not _below_another(candidate, found):
            continue
        candidate.confidence = round(candidate.confidence * FRAMED_PENALTY, 2)
        complement = candidate.token.dep_ in {"xcomp", "ccomp"}
        if frame is not None and complement and candidate.token.head == frame.token:
            frame.source = frame.source or candidate.source
            frame.target = frame.target or [t for t in candidate.target if t not in frame.source]


def _below_another(candidate: _Candidate, found: list[_Candidate]) -> bool:
    """Whether another event's clause governs this one's clause."""
    above = {a.i for a in clause_head(candidate.token).ancestors}
    return any(other is not candidate and clause_head(other.token).i in above for other in found)


def _governing_candidate(
    token: Token, by_token: dict[int, _Candidate], *, through: set[str]
) -> _Candidate | None:
    current = token
    while current.dep_ in through and current.head != current:
        current = current.head
        if current.i in by_token:
            return by_token[current.i]
    return None


def _merge_reports(candidates: list[_Candidate], context: DocContext) -> list[Event]:
    events: list[Event] = []
    for candidate in candidates:
        event = _to_event(candidate, context, f"ev{len(events) + 1}")
        same = next((e for e in events if _same_event(e, event)), None)
        if same is None:
            events.append(event)
            continue
        same.also_reported.append(event.evidence)
        same.time = same.time or event.time
        same.location = same.location or event.location
        same.confidence = max(same.confidence, event.confidence)
    return events


def _same_event(first: Event, second: Event) -> bool:
    if (first.type, first.status) != (second.type, second.status):
        return False
    if not (first.source or first.target) or set(first.source) != set(second.source):
        return False
    if set(first.target) != set(second.target):
        return False
    return first.time is None or second.time is None or first.time == second.time


def _to_event(candidate: _Candidate, context: DocContext, event_id: str) -> Event:
    doc = context.doc
    sentence = candidate.token.sent
    trigger = doc[candidate.tokens[0].i : candidate.tokens[-1].i + 1]
    return Event(
        id=event_id,
        type=candidate.type,
        mode=candidate.mode,
        trigger=_span(context, trigger.start_char, trigger.end_char),
        sentence=_span(context, sentence.start_char, sentence.end_char),
        evidence=_evidence(candidate, context),
        status=candidate.status,
        source=candidate.source,
        target=candidate.target,
        location=candidate.location,
        time=candidate.time,
        confidence=candidate.confidence,
    )


def _evidence(candidate: _Candidate, context: DocContext) -> Span:
    """The stretch of the sentence from the first to the last word of the trigger and its arguments."""
    tokens = [*candidate.tokens, *candidate.argument_tokens]
    sentence = candidate.token.sent
    start = min(t.left_edge.i if t in candidate.argument_tokens else t.i for t in tokens)
    end = max(t.i for t in tokens)
    start, end = max(start, sentence.start), min(end, sentence.end - 1)
    span = context.doc[start : end + 1]
    return _span(context, span.start_char, span.end_char)


def _span(context: DocContext, start: int, end: int) -> Span:
    text = context.article.text
    while end > start and text[end - 1].isspace():
        end -= 1
    return Span(start, end, text[start:end])
