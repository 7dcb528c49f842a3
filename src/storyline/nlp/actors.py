"""Actors: spaCy's named entities turned into one entity per real-world actor.

The ladder, per article:
1. mentions from ``doc.ents`` (PERSON, ORG, GPE, LOC, FAC, NORP), trimmed of "the", a possessive, a title
   inside a PERSON span and anything past a paragraph break; mentions that name nothing are dropped;
2. geography: country names and codes, demonyms, seats of government and capitals used for their
   government become the country ("Russian", "the Kremlin", "Moscow rejected" → Russia); other places
   get coordinates and country from the gazetteer (``geo``);
3. one label per name: a name tagged ORG once but PERSON elsewhere (or a person's surname) is a PERSON;
4. names the model missed elsewhere in the article are added as mentions (one sense per discourse);
5. clusters: full names absorb surnames, acronyms their organisations, every country all its forms;
6. roles and relations from titles and appositions (``roles``), then "the president" is linked to the
   most recent person holding that role;
7. a person the article gives no country is looked up among political leaders (``leaders``): "Putin"
   belongs to Russia, "Kofi Annan" to the United Nations; the publication year chooses between namesakes;
8. so is an organisation among non-state groups (``groups``): "Hezbollah" belongs to Lebanon, "the FIS" to
   Algeria; listed group names the model missed or took for a person are added as organisations (step 4).
Ids ``e1``, ``e2``… follow the order of first mention.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from spacy.attrs import ORTH
from spacy.tokens import Doc, Token
from spacy.tokens import Span as SpacySpan

from storyline.nlp import geo, groups, leaders, roles
from storyline.nlp.context import doc_text
from storyline.records import Entity, Span

ACTOR_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"}
GEO_LABELS = {"GPE", "LOC", "FAC"}
MAX_MENTION_TOKENS = 10
ACRONYM_SKIP = {"of", "the", "and", "for", "on", "in", "&"}


@dataclass(slots=True)
class Candidate:
    """One mention on its way to an entity."""

    start: int
    end: int
    """Token range in the Doc."""
    start_char: int
    end_char: int
    text: str
    label: str
    model_label: str = ""
    """The label spaCy gave, before geography and harmonising changed ``label``."""
    country: str | None = None
    """Set when the mention stands for a country (its name, demonym, capital or seat of government)."""
    place: geo.Place | None = None
    home: str | None = None
    """The country a place, organisation or person belongs to."""
    state: bool = False


@dataclass(slots=True)
class Cluster:
    candidates: list[Candidate]
    roles: list[str] = field(default_factory=list)
    relations: list[tuple[str, Candidate]] = field(default_factory=list)
    home: str | None = None

    @property
    def first(self) -> Candidate:
        """The earliest mention: candidates are kept in text order (later additions come after it)."""
        return self.candidates[0]

    @property
    def label(self) -> str:
        return "GPE" if self.first.country else self.first.label


def extract_actors(doc: Doc, published: str | None = None) -> list[Entity]:
    """The article's actors; ``published`` (an ISO date) dates the leaders it names."""
    gazetteer, lexicon = geo.gazetteer(), roles.lexicon()
    words = set(doc.to_array([ORTH]).tolist())
    candidates = [
        c
        for ent in doc.ents
        if (c := _candidate(doc, ent, lexicon)) is not None and not _common_word(doc, c, words)
    ]
    for candidate in candidates:
        _resolve_geography(doc, candidate, gazetteer)
    candidates += _missed_mentions(doc, candidates, gazetteer)
    candidates += _group_mentions(doc, candidates)
    _harmonise_labels(candidates)
    clusters = _clusters(candidates)
    by_token = {i: cluster for cluster in clusters for c in cluster.candidates for i in range(c.start, c.end)}
    _attach_org_countries(doc, clusters, by_token, gazetteer)
    _attach_roles(doc, clusters, by_token, lexicon)
    _attach_delegations(doc, clusters, by_token, gazetteer)
    _attach_descriptions(doc, clusters, by_token, lexicon)
    _attach_leaders(clusters, leaders.year_of(published))
    _attach_groups(clusters, leaders.year_of(published))
    return _entities(clusters, gazetteer)


# 1. mentions -------------------------------------------------------------------------------------------


def _candidate(doc: Doc, ent: SpacySpan, lexicon: roles.TitleLexicon) -> Candidate | None:
    if ent.label_ not in ACTOR_LABELS:
        return None
    start, end = ent.start, ent.end
    while start < end and (doc[start].lower_ == "the" or doc[start].is_space):
        start += 1
    while end > start and (doc[end - 1].tag_ == "POS" or doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    end = _before_break(doc, start, end)
    if ent.label_ == "PERSON":
        start = _after_title(doc, start, end, lexicon)
    span = doc[start:end]
    if not _names_something(span) or _title_word(span, ent.label_, lexicon):
        return None
    if ent.label_ == "PERSON" and any(ch.isdigit() for ch in span.text):
        return None
    return Candidate(start, end, span.start_char, span.end_char, span.text, ent.label_, ent.label_)


def _common_word(doc: Doc, candidate: Candidate, words: set[int]) -> bool:
    """A capitalised word opening a sentence that the article also writes in lower case ("Wreckage was
    found" beside "the wreckage") is a common noun, not a name."""
    if candidate.end - candidate.start != 1 or not doc[candidate.start].is_sent_start:
        return False
    lower = candidate.text.lower()
    return lower != candidate.text and doc.vocab.strings[lower] in words


def _before_break(doc: Doc, start: int, end: int) -> int:
    """Names do not run across a line break: keep what comes before it."""
    for i in range(start, end):
        if "\n" in doc[i].text or (i < end - 1 and "\n" in doc[i].whitespace_):
            return i if "\n" in doc[i].text else i + 1
    return end


def _after_title(doc: Doc, start: int, end: int, lexicon: roles.TitleLexicon) -> int:
    """A title the model put inside a PERSON span ("President Trump") is left out of the name."""
    while end - start > 1 and doc[start].is_title and doc[start].lower_ in lexicon.words:
        start += 1
    return start


def _title_word(span: SpacySpan, label: str, lexicon: roles.TitleLexicon) -> bool:
    """A lone title word tagged as a name ("Defense" of "Turkish Defense Minister Hulusi Akar")."""
    return len(span) == 1 and label != "GPE" and span[0].lower_ in lexicon.words


def _names_something(span: SpacySpan) -> bool:
    text = span.text
    return (
        0 < len(span) <= MAX_MENTION_TOKENS
        and any(ch.isalpha() for ch in text)
        and (text[0].isupper() or text[0].isdigit())
        and not text.islower()
    )


# 2. geography ----------------------------------------------------------------------------------------


def _resolve_geography(doc: Doc, candidate: Candidate, gazetteer: geo.Gazetteer) -> None:
    text, label = candidate.text, candidate.label
    if label == "PERSON" and candidate.end - candidate.start > 1:
        return
    if _after_a_place(doc, candidate.start) and gazetteer.us_state(text):
        # "Seattle, Washington", "Atlanta, Georgia": the state, not the capital or the country
        candidate.label, candidate.home, candidate.state = "GPE", "US", True
        return
    code = gazetteer.seat_of_government(text) or gazetteer.country_named(text) or gazetteer.demonym(text)
    if code is None and label != "NORP":
        code = _capital_as_government(doc, candidate, gazetteer)
    if code is not None:
        candidate.country = candidate.home = code
    elif label in GEO_LABELS or gazetteer.capital(text):
        # a capital the model took for a person or an organisation ("travel to Kyiv") is still a place
        _resolve_place(doc, candidate, gazetteer)
        candidate.label = "GPE" if candidate.place is not None else label


def _after_a_place(doc: Doc, start: int) -> bool:
    return start >= 2 and doc[start - 1].text == "," and doc[start - 2].ent_type_ in GEO_LABELS


def _capital_as_government(doc: Doc, candidate: Candidate, gazetteer: geo.Gazetteer) -> str | None:
    code = gazetteer.capital(candidate.text)
    if code is None or _region_after(doc, candidate.end, gazetteer) != (None, None):
        return None
    return None if geo.used_as_place(doc, candidate.start, candidate.end) else code


def _resolve_place(doc: Doc, candidate: Candidate, gazetteer: geo.Gazetteer) -> None:
    if gazetteer.continent(candidate.text):
        return
    if state := gazetteer.us_state(candidate.text):
        candidate.home, candidate.state = "US", bool(state)
        return
    country, region = _region_after(doc, candidate.end, gazetteer)
    place = gazetteer.place(candidate.text, country=country, region=region)
    if place is not None:
        candidate.place, candidate.home = place, place.country
    else:
        candidate.home = gazetteer.country_of_region(candidate.text)


def _region_after(doc: Doc, end: int, gazetteer: geo.Gazetteer) -> tuple[str | None, str | None]:
    """The country or US state written after a place name ("Miami, Florida" → US, FL)."""
    if end + 1 >= len(doc) or doc[end].text != ",":
        return None, None
    for length in (3, 2, 1):
        words = doc[end + 1 : end + 1 + length]
        if len(words) < length or not words[0].is_title:
            continue
        if state := gazetteer.us_state(words.text):
            return "US", state
        if country := gazetteer.country_named(words.text):
            return country, None
    return None, None


# 3-4. labels and missed mentions ---------------------------------------------------------------------


def _harmonise_labels(candidates: list[Candidate]) -> None:
    """One label per name: a person's name or surname is a PERSON wherever it is; otherwise the majority."""
    full_names = [c for c in candidates if c.label == "PERSON" and c.end - c.start > 1]
    name_words = {word for c in full_names for word in c.text.split()}
    surnames = {c.text.split()[-1] for c in full_names} | {c.text for c in full_names}
    for candidate in candidates:
        if candidate.model_label == "PERSON" and candidate.text in name_words:
            candidate.country = candidate.place = candidate.home = None
            candidate.label = "PERSON"
        elif not candidate.country and candidate.place is None and candidate.text in surnames:
            candidate.label = "PERSON"
    votes: dict[str, Counter[str]] = {}
    for candidate in candidates:
        if not candidate.country and candidate.place is None:
            votes.setdefault(candidate.text, Counter())[candidate.label] += 1
    for candidate in candidates:
        if candidate.text in votes and not candidate.country and candidate.place is None:
            candidate.label = votes[candidate.text].most_common(1)[0][0]


def _missed_mentions(doc: Doc, candidates: list[Candidate], gazetteer: geo.Gazetteer) -> list[Candidate]:
    """Further occurrences of names already found, and of people's surnames, that the model missed."""
    labels = {c.text: c.label for c in candidates}
    for candidate in candidates:
        surname = candidate.text.split()[-1]
        if candidate.label == "PERSON" and candidate.end - candidate.start > 1 and len(surname) > 2:
            labels.setdefault(surname, "PERSON")
    if not labels:
        return []
    covered = {i for c in candidates for i in range(c.start, c.end)}
    names = "|".join(re.escape(name) for name in sorted(labels, key=len, reverse=True))
    found: list[Candidate] = []
    for match in re.finditer(rf"(?<![\w-])(?:{names})(?![\w-])", doc_text(doc)):
        span = doc.char_span(*match.span())
        if span is None or any(i in covered for i in range(span.start, span.end)):
            continue
        text = match.group()
        candidate = Candidate(
            span.start, span.end, span.start_char, span.end_char, text, labels[text], labels[text]
        )
        _resolve_geography(doc, candidate, gazetteer)
        covered.update(range(span.start, span.end))
        found.append(candidate)
    return found


def _group_mentions(doc: Doc, candidates: list[Candidate]) -> list[Candidate]:
    """Listed non-state groups the model missed ("the Lord's Resistance Army" untagged, "al-Qaeda" in lower
    case) become organisations; so do those it tagged as people ("Boko Haram said"), whole names only,
    so that "Amal Clooney" stays a person."""
    for candidate in candidates:
        if candidate.label == "PERSON" and groups.find([candidate.text], None, beginnings=False) is not None:
            candidate.label = "ORG"
    # an actor entity the mention filter dropped ("al-Qaeda" opens in lower case) is found again; other
    # entities are not: a listed name inside a date or a title is no mention
    covered = {i for c in candidates for i in range(c.start, c.end)}
    covered |= {i for e in doc.ents if e.label_ not in ACTOR_LABELS for i in range(e.start, e.end)}
    found: list[Candidate] = []
    for start_char, end_char in groups.names_in(doc_text(doc)):
        span = doc.char_span(start_char, end_char)
        if span is None or any(i in covered for i in range(span.start, span.end)):
            continue
        found.append(Candidate(span.start, span.end, start_char, end_char, span.text, "ORG", "ORG"))
        covered.update(range(span.start, span.end))
    return found


# 5. clusters -----------------------------------------------------------------------------------------


def _clusters(candidates: list[Candidate]) -> list[Cluster]:
    candidates = sorted(candidates, key=lambda c: c.start_char)
    keyed: dict[tuple[str, ...], list[Candidate]] = {}
    people = [c for c in candidates if c.label == "PERSON" and not c.country]
    for candidate in candidates:
        if candidate.label != "PERSON" or candidate.country:
            keyed.setdefault(_key(candidate), []).append(candidate)
    for key, members in _people(people).items():
        keyed[key] = members
    _merge_acronyms(keyed)
    return [Cluster(sorted(members, key=lambda c: c.start_char)) for members in keyed.values()]


def _key(candidate: Candidate) -> tuple[str, ...]:
    if candidate.country:
        return ("country", candidate.country)
    if candidate.place is not None:
        return ("place", candidate.place.name, candidate.place.country)
    return (candidate.label, geo.normalise(candidate.text))


def _people(people: list[Candidate]) -> dict[tuple[str, ...], list[Candidate]]:
    """Full names first; then a single name joins the nearest full name before it with that surname (or
    first name), else the first one after it, else stands alone."""
    clusters: dict[tuple[str, ...], list[Candidate]] = {}
    full = [c for c in people if c.end - c.start > 1]
    for candidate in full:
        clusters.setdefault(_full_name_key(candidate, clusters), []).append(candidate)
    for candidate in people:
        if candidate.end - candidate.start > 1:
            continue
        key = _owner_of_name(candidate, clusters) or ("PERSON", candidate.text)
        clusters.setdefault(key, []).append(candidate)
    return clusters


def _full_name_key(candidate: Candidate, clusters: dict[tuple[str, ...], list[Candidate]]) -> tuple[str, ...]:
    """ "Donald J. Trump" joins "Donald Trump": same first and last name."""
    words = candidate.text.split()
    for key in clusters:
        if len(key) == 3 and key[1] == words[0] and key[2] == words[-1]:
            return key
    return ("PERSON", words[0], words[-1])


def _owner_of_name(
    candidate: Candidate, clusters: dict[tuple[str, ...], list[Candidate]]
) -> tuple[str, ...] | None:
    owners = [
        (member.start_char, key)
        for key, members in clusters.items()
        if len(key) == 3 and candidate.text in (key[1], key[2])
        for member in members
        if member.end - member.start > 1
    ]
    before = [owner for owner in owners if owner[0] < candidate.start_char]
    if before:
        return max(before)[1]
    return min(owners)[1] if owners else None


def _merge_acronyms(keyed: dict[tuple[str, ...], list[Candidate]]) -> None:
    """ "FBI" joins "Federal Bureau of Investigation" when its letters are the name's initials."""
    long_names = {_initials(key[1]): key for key in keyed if key[0] == "ORG" and len(key[1].split()) > 1}
    for key in [k for k in keyed if k[0] == "ORG" and " " not in k[1]]:
        target = long_names.get(key[1])
        if target is not None and keyed[key][0].text.isupper():
            keyed[target].extend(keyed.pop(key))


def _initials(name: str) -> str:
    return "".join(word[0] for word in name.split() if word not in ACRONYM_SKIP)


# 6. roles, relations, descriptions -------------------------------------------------------------------


def _attach_roles(
    doc: Doc, clusters: list[Cluster], by_token: dict[int, Cluster], lexicon: roles.TitleLexicon
) -> None:
    for cluster in clusters:
        if cluster.label != "PERSON":
            continue
        for candidate in list(cluster.candidates):
            before = roles.title_before(doc, candidate.start, lexicon) or roles.apposition_before(
                doc, candidate.start, candidate.end, lexicon
            )
            if before is not None:
                _apply(cluster, before, by_token)
                if before.plural:
                    _distribute(doc, candidate, before, clusters, by_token)
            for finding in roles.appositions_after(doc, candidate.end, lexicon):
                _apply(cluster, finding, by_token)


def _apply(cluster: Cluster, finding: roles.RoleFinding, by_token: dict[int, Cluster]) -> None:
    """Record a role, and what its anchor says: a possessor or "of" object, else the name written just
    before the title ("United States President …", "Tesla CEO …", "Trump adviser …")."""
    anchor_token = finding.anchor if finding.anchor is not None else finding.start - 1
    anchor = by_token.get(anchor_token)
    if finding.role and finding.role not in cluster.roles:
        cluster.roles.append(finding.role)
    for i in range(finding.start, finding.head if finding.head is not None else finding.start):
        # "Sergei Lavrov, the Russian foreign minister": a country named before the role, inside the phrase
        qualifier = by_token.get(i)
        if qualifier is not None and qualifier.first.country:
            cluster.home = cluster.home or qualifier.first.country
    if anchor is None or anchor is cluster:
        return
    if anchor.first.country:
        cluster.home = cluster.home or anchor.first.country
        return
    if anchor.label == "ORG" and anchor.home:
        # "Polish Defence Ministry spokesman …": a role in a national body is a role for its country
        cluster.home = cluster.home or anchor.home
    if finding.relation or anchor.label == "ORG":
        relation = finding.relation or (finding.role or "")
        if relation and (relation, anchor.first) not in cluster.relations:
            cluster.relations.append((relation, anchor.first))


def _distribute(
    doc: Doc,
    head: Candidate,
    finding: roles.RoleFinding,
    clusters: list[Cluster],
    by_token: dict[int, Cluster],
) -> None:
    """A plural title covers the coordinated names after it ("envoys Steve Witkoff … and Jared Kushner")."""
    head_tokens = set(range(head.start, head.end))
    for other in clusters:
        if other.label != "PERSON":
            continue
        for candidate in other.candidates:
            token = doc[candidate.start : candidate.end].root
            while token.dep_ == "conj" and token.head.i < token.i:
                token = token.head
            if token.i in head_tokens and candidate is not head:
                _apply(other, finding, by_token)


def _attach_delegations(
    doc: Doc, clusters: list[Cluster], by_token: dict[int, Cluster], gazetteer: geo.Gazetteer
) -> None:
    """A person who leads a national group acts for its country ("Witkoff and Kushner are tasked with
    leading the American delegation")."""
    words = roles.delegation_words()
    for cluster in clusters:
        if cluster.label != "PERSON" or cluster.home:
            continue
        for candidate in cluster.candidates:
            subject = doc[candidate.start : candidate.end].root
            if code := _led_group_country(subject, words, by_token, gazetteer):
                cluster.home = code
                break


def _led_group_country(
    subject: Token, words: roles.DelegationWords, by_token: dict[int, Cluster], gazetteer: geo.Gazetteer
) -> str | None:
    """The country of the group that a subject's verb (or a verb it controls) says the subject leads."""
    while subject.dep_ == "conj" and subject.head.i < subject.i:
        subject = subject.head
    if subject.dep_ not in {"nsubj", "nsubjpass"}:
        return None
    for verb in _controlled_verbs(subject.head):
        if verb.lemma_.lower() not in words.verbs:
            continue
        for group in verb.children:
            if group.dep_ == "dobj" and group.lemma_.lower() in words.groups:
                return _country_of_group(group, by_token, gazetteer)
    return None


def _controlled_verbs(verb: Token) -> list[Token]:
    """A verb and the verbs its subject also performs: "is tasked with leading", "agreed to head"."""
    found, frontier = [verb], [verb]
    while frontier:
        current = frontier.pop()
        for child in current.children:
            nested = child.dep_ in {"xcomp", "pcomp"} or (child.dep_ == "prep" and current is verb)
            if nested and child not in found:
                found.append(child)
                frontier.append(child)
    return found


def _country_of_group(group: Token, by_token: dict[int, Cluster], gazetteer: geo.Gazetteer) -> str | None:
    """ "the American delegation", "Ukraine's team", "the delegation of Ukraine"."""
    modifiers = [c for c in group.children if c.dep_ in {"amod", "compound", "poss", "nmod"}]
    modifiers += [
        p for prep in group.children if prep.lower_ == "of" for p in prep.children if p.dep_ == "pobj"
    ]
    for token in modifiers:
        cluster = by_token.get(token.i)
        if cluster is not None and cluster.first.country:
            return cluster.first.country
        if code := gazetteer.demonym(token.text) or gazetteer.country_named(token.text):
            return code
    return None


def _attach_descriptions(
    doc: Doc, clusters: list[Cluster], by_token: dict[int, Cluster], lexicon: roles.TitleLexicon
) -> None:
    """ "the president" becomes a mention of the most recent person named before it with that role."""
    holders = [(c, r) for c in clusters for r in c.roles]
    if not holders:
        return
    for start, end, title in roles.definite_descriptions(doc, lexicon):
        if any(i in by_token for i in range(start, end)):
            continue
        span = doc[start:end]
        earlier = [
            (m.start_char, cluster)
            for cluster, role in holders
            if roles.refers_to(title, role, lexicon)
            for m in cluster.candidates
            if m.end_char <= span.start_char
        ]
        if earlier:
            cluster = max(earlier, key=lambda pair: pair[0])[1]
            mention = Candidate(start, end, span.start_char, span.end_char, span.text, "PERSON", "")
            cluster.candidates.append(mention)


def _attach_org_countries(
    doc: Doc, clusters: list[Cluster], by_token: dict[int, Cluster], gazetteer: geo.Gazetteer
) -> None:
    """An organisation or group whose name, possessor or adjective names a country belongs to it ("Russian
    Defence Ministry", "Bosnian Serbs", "Iraqi Kurds", "Ivory Coast's Supreme Court")."""
    for cluster in clusters:
        if cluster.label not in {"ORG", "NORP"}:
            continue
        for candidate in cluster.candidates:
            span = doc[candidate.start : candidate.end]
            words = [t.text for t in span] if cluster.label == "ORG" or len(span) > 1 else []
            before = candidate.start - 1
            if before >= 1 and doc[before].tag_ == "POS":
                possessor = by_token.get(before - 1)
                if possessor is not None and possessor.first.country:
                    cluster.home = cluster.home or possessor.first.country
                words.append(doc[before - 1].text)
            elif before >= 0 and doc[before].dep_ in {"amod", "compound"}:
                words.append(doc[before].text)
            for word in words:
                if code := gazetteer.demonym(word) or gazetteer.country_named(word):
                    cluster.home = cluster.home or code


def _attach_leaders(clusters: list[Cluster], year: int | None) -> None:
    """A person the article does not place ("Putin said", "President Bouteflika") gets the country, or the
    intergovernmental body, that the leaders' list gives them."""
    for cluster in clusters:
        if cluster.label != "PERSON" or cluster.home or cluster.relations:
            continue
        leader = leaders.find([c.text for c in cluster.candidates], year)
        if leader is None:
            continue
        if leader.organisation is None:
            cluster.home = leader.country
            continue
        # the organisation need not be named in the article: a relation to a name that no mention holds
        # is written with that name (see ``_entity``)
        body = Candidate(-1, -1, -1, -1, leader.organisation, "ORG", "ORG")
        cluster.relations.append((leader.role, body))


def _attach_groups(clusters: list[Cluster], year: int | None) -> None:
    """An organisation or group the article does not place ("Hezbollah guerrillas", "the FIS") gets the
    country the non-state groups' list gives it; transnational networks and international NGOs have none
    (the event coder codes them by name, as it does intergovernmental bodies)."""
    for cluster in clusters:
        if cluster.label not in {"ORG", "NORP"} or cluster.home or any(c.home for c in cluster.candidates):
            continue
        group = groups.find([c.text for c in cluster.candidates], year)
        if group is not None and group.national:
            cluster.home = group.code


# entities --------------------------------------------------------------------------------------------


def _entities(clusters: list[Cluster], gazetteer: geo.Gazetteer) -> list[Entity]:
    ordered = sorted(clusters, key=lambda c: c.first.start_char)
    ids = {id(cluster): f"e{number}" for number, cluster in enumerate(ordered, start=1)}
    anchors = {id(c): ids[id(cluster)] for cluster in ordered for c in cluster.candidates}
    return [_entity(cluster, ids[id(cluster)], anchors, gazetteer) for cluster in ordered]


def _entity(cluster: Cluster, entity_id: str, anchors: dict[int, str], gazetteer: geo.Gazetteer) -> Entity:
    mentions = sorted(cluster.candidates, key=lambda c: c.start_char)
    first = cluster.first
    place = next((c.place for c in mentions if c.place is not None), None)
    return Entity(
        id=entity_id,
        name=_name(cluster, gazetteer),
        type=cluster.label,
        mentions=[Span(c.start_char, c.end_char, c.text) for c in mentions],
        aliases=list(dict.fromkeys(c.text for c in mentions)),
        roles=list(cluster.roles),
        relations=[
            {"relation": rel, "of": anchors.get(id(other), other.text)} for rel, other in cluster.relations
        ],
        country=first.country or first.home or cluster.home or (place.country if place else None),
        coordinates=place.coordinates if place else None,
    )


def _name(cluster: Cluster, gazetteer: geo.Gazetteer) -> str:
    first = cluster.first
    if first.country:
        return gazetteer.country(first.country).name
    if first.place is not None:
        return first.place.name
    named = [c for c in cluster.candidates if c.text[:1].isupper()] or cluster.candidates
    return max(named, key=lambda c: (len(c.text.split()), -c.start_char)).text
