"""What the extractors of one article share: the parsed Doc, its actors and times, and entity lookup.

``DocContext.entity_for(span)`` is how quotes, events and positions turn a syntactic argument (a subject,
an object, a possessor, a pronoun) into a canonical actor id. The ladder, first answer wins:
1. a token inside an actor's mention (the head of the phrase first);
2. a personal pronoun ("he said") → the most recent person named before it, skipping people the article
   marks as the other gender ("spokeswoman", "son-in-law", "Mrs.") and possessors ("Trump's …"); a
   subject pronoun first looks for the last person named as a subject in its sentence or the one before;
   "it"/"its" → the most recent country or organisation, "they"/"their" → the most recent country,
   organisation or group ("Bosnian Serbs"), in the same or the previous sentence only, as a subject or
   possessor; an "it" that announces a clause ("it is likely that …") is left alone;
3. a title with "the" ("the president added") → the most recent actor holding that role, of the country
   a word before it names ("the Russian president"), none if another word qualifies it ("the bank
   president"); any other bare definite noun ("the government") → the actor named in the modifiers of the
   last phrase with the same head ("the Philippine government"), a few paragraphs back at most;
4. a relation to a named actor ("Trump's son-in-law") → the actor with that relation;
5. a group phrase ("the American delegation", "Russian officials") → the country its demonym or country
   name names, even where the model tagged nothing.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from spacy.attrs import LEMMA, POS
from spacy.tokens import Doc, Span, Token

from storyline.nlp import geo, roles
from storyline.records import Article, Entity, Quote, TimeExpr

PRONOUN_GENDER = {
    **dict.fromkeys(("he", "him", "his", "himself"), "male"),
    **dict.fromkeys(("she", "her", "hers", "herself"), "female"),
}
PERSONAL_PRONOUNS = set(PRONOUN_GENDER)
SUBJECT_DEPS = {"nsubj", "nsubjpass"}
NAMING_DEPS = {"amod", "compound", "poss", "nmod"}
ANTECEDENT_REACH = 200  # tokens: a few paragraphs
FIRST_PERSON_PRONOUNS = {"i", "me", "my", "mine", "myself", "we", "us", "our", "ours", "ourselves"}
SINGULAR_GROUP_PRONOUNS = {"it", "its", "itself"}
PLURAL_GROUP_PRONOUNS = {"they", "them", "their", "theirs", "themselves"}
GROUP_TYPES = {"ORG", "NORP"}
REFERRING_GROUP_DEPS = {"nsubj", "nsubjpass", "poss"}
PEOPLE = "<coordinated people>"
REFERRING_POS = {"PRON", "NOUN"}
"""Besides the words of a mention, only pronouns and nouns ("the president") refer to an actor."""


def doc_text(doc: Doc) -> str:
    """``doc.text``, computed once per Doc: spaCy rebuilds it from every token at each access."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


_TEXT_KEY = "storyline.text"


@dataclass
class DocContext:
    doc: Doc
    article: Article
    entities: list[Entity]
    times: list[TimeExpr] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    """Set once quotes are extracted, so later stages read "I"/"we" inside a quote as its speaker."""
    warnings: list[str] = field(default_factory=list)
    _token_entity: dict[int, str] = field(init=False, default_factory=dict)
    _by_id: dict[str, Entity] = field(init=False, default_factory=dict)
    _countries: dict[str, str] = field(init=False, default_factory=dict)
    _genders: dict[str, str] = field(init=False, default_factory=dict)
    _referring: list[bool] | None = field(init=False, default=None)
    _nouns: dict[str, list[int]] | None = field(init=False, default=None)

    def __post_init__(self) -> None:
        gazetteer = geo.gazetteer()
        for entity in self.entities:
            self._by_id[entity.id] = entity
            if (
                entity.type == "GPE"
                and entity.country
                and entity.name == gazetteer.country(entity.country).name
            ):
                self._countries.setdefault(entity.country, entity.id)
            honorifics = []
            for mention in entity.mentions:
                span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
                if span is None:
                    continue
                honorifics.append(self.doc[span.start - 1].lower_ if span.start else "")
                for token in span:
                    self._token_entity.setdefault(token.i, entity.id)
            if entity.type == "PERSON":
                self._note_gender(entity, honorifics)

    def _note_gender(self, entity: Entity, honorifics: list[str]) -> None:
        """A person's gender as the article states it: "spokeswoman", "son-in-law", "Mrs." (else unknown)."""
        words = [role.split()[-1] for role in entity.roles] + [r["relation"] for r in entity.relations]
        if gender := roles.gender_of(words + honorifics, roles.lexicon()):
            self._genders[entity.id] = gender

    def entity(self, entity_id: str) -> Entity | None:
        return self._by_id.get(entity_id)

    def entity_of_token(self, token: Token) -> str | None:
        """The actor a token belongs to: through its mentions, or for a pronoun or "the <title>" the
        nearest fitting actor named before it."""
        if (found := self._token_entity.get(token.i)) is not None:
            return found
        if token.pos_ not in REFERRING_POS:
            return None  # the cheap test first: callers ask of every token of a sentence
        if token.lower_ in FIRST_PERSON_PRONOUNS:
            return self._quote_speaker_at(token.idx)
        if token.lower_ in PERSONAL_PRONOUNS:
            return self._preceding_entity(token, {"PERSON"}, PRONOUN_GENDER[token.lower_])
        if token.lower_ in SINGULAR_GROUP_PRONOUNS | PLURAL_GROUP_PRONOUNS and token.pos_ == "PRON":
            return self._group_antecedent(token)
        return self._role_holder(token) or self._same_head_antecedent(token)

    def actors_in(self, start: int, end: int) -> set[str]:
        """The actors the tokens ``start:end`` mention or refer to; reads the parts of speech as one array, so
        that only mentions, pronouns and nouns become Token objects."""
        if self._referring is None:
            codes = {self.doc.vocab.strings[pos] for pos in REFERRING_POS}
            self._referring = [pos in codes for pos in self.doc.to_array(POS).tolist()]
        found = {self._token_entity.get(i) for i in range(start, end)}
        found |= {
            self.entity_of_token(self.doc[i])
            for i in range(start, end)
            if self._referring[i] and i not in self._token_entity
        }
        return found - {None}

    def person_named(self, label: str) -> str | None:
        """The one person whose surname a label gives, whatever its case (``PENCE`` → Mike Pence); the model
        may have made the label a person of its own, so a fuller name wins."""
        surname = label.split()[-1].lower() if label.split() else ""
        people = [
            entity
            for entity in self.entities
            if entity.type == "PERSON"
            and any(
                name.split()[-1].lower() == surname for name in [entity.name, *entity.aliases] if name.strip()
            )
        ]
        full_names = [entity for entity in people if len(entity.name.split()) > 1]
        chosen = full_names or people
        return chosen[0].id if len(chosen) == 1 else None

    def entity_for(self, span: Span | Token) -> str | None:
        """The actor a phrase names (see the module's ladder)."""
        if isinstance(span, Token):
            head, tokens = span, list(span.subtree)
        else:
            head, tokens = span.root, list(span)
        if (found := self._relative(tokens)) is not None:
            return found
        if (found := self.entity_of_token(head)) is not None:
            return found
        # the modifier nearest the head is the most specific: "Yemen's Houthi movement" is the Houthis'
        named = [t.i for t in tokens if t.i in self._token_entity]
        if named:
            return self._token_entity[min(named, key=lambda i: abs(i - head.i))]
        return self._country_in(tokens)

    def _quote_speaker_at(self, offset: int) -> str | None:
        """The speaker of the direct or mixed quote around ``offset``: the "I" of a quotation."""
        for quote in self.quotes:
            if quote.kind != "indirect" and quote.start <= offset < quote.end:
                return quote.speaker
        return None

    def country_entity(self, code: str) -> str | None:
        """The id of the entity that is the country with ISO code ``code``, if the article names it."""
        return self._countries.get(code)

    def entity_with_role(self, title: str, before: int, country: str | None = None) -> str | None:
        """The most recent actor, among those mentioned before character ``before``, that holds a role
        "the <title>" can refer to ("envoy" → a "special envoy"), of ``country`` where one is given ("the
        Russian president")."""
        lexicon = roles.lexicon()
        best: tuple[int, str] | None = None
        for entity in self.entities:
            if not any(roles.refers_to(title, role, lexicon) for role in entity.roles):
                continue
            if country is not None and entity.country != country:
                continue
            starts = [m.start for m in entity.mentions if m.end <= before]
            if starts and (best is None or max(starts) > best[0]):
                best = (max(starts), entity.id)
        return best[1] if best else None

    def _preceding_entity(self, token: Token, types: set[str], gender: str | None = None) -> str | None:
        """The most recent fitting actor named before the token; for a subject pronoun, the last one named as
        a subject in its sentence or the one before first (``Omar Bob says the people are rid of Bashir. He
        adds …``: a subject continues the last subject, not a name inside what that subject said)."""
        if token.dep_ in SUBJECT_DEPS:
            first = token.sent.start
            if first > 0:
                first = self.doc[first - 1].sent.start
            for i, entity_id in self._fitting_before(token.i, first, types, gender):
                if self.doc[i].dep_ in SUBJECT_DEPS:  # the head of the name, not a compound part
                    return entity_id
        for i, entity_id in self._fitting_before(token.i, 0, types, gender):
            # a possessor ("Trump's son-in-law") is not who a later pronoun is about
            if i + 1 < len(self.doc) and self.doc[i + 1].tag_ == "POS":
                continue
            return entity_id
        return None

    def _fitting_before(
        self, end: int, start: int, types: set[str], gender: str | None
    ) -> Iterator[tuple[int, str]]:
        """Tokens from ``end`` back to ``start`` in an actor of ``types`` not marked as the other gender."""
        for i in range(end - 1, start - 1, -1):
            entity_id = self._token_entity.get(i)
            if entity_id is None or self._by_id[entity_id].type not in types:
                continue
            if gender is not None and self._genders.get(entity_id, gender) != gender:
                continue
            yield i, entity_id

    def _group_antecedent(self, token: Token) -> str | None:
        """The most recent country, organisation (or, for "they", group) named before the pronoun, in its
        sentence first, then in the sentence before; in each, one named in a subject first ("the Mozambique
        government accepted demands from rebels that it …": the government). Coordinated people ("X and Y
        … their") are left unresolved: one actor id cannot name them (callers bind the clause subject)."""
        if token.dep_ not in REFERRING_GROUP_DEPS or _announces_a_clause(token):
            return None  # an object "it" is mostly a thing ("the village … overran it")
        sentence = token.sent
        windows = [range(token.i - 1, sentence.start - 1, -1)]
        if sentence.start > 0:
            previous = self.doc[sentence.start - 1].sent
            windows.append(range(previous.end - 1, previous.start - 1, -1))
        for window in windows:
            found = self._group_candidates(window, plural=token.lower_ in PLURAL_GROUP_PRONOUNS)
            if found:
                subjects = [entity_id for i, entity_id in found if _in_subject(self.doc[i])]
                chosen = (subjects or [entity_id for _, entity_id in found])[0]
                return None if chosen == PEOPLE else chosen
        return None

    def _group_candidates(self, indices: range, *, plural: bool) -> list[tuple[int, str]]:
        found: list[tuple[int, str]] = []
        for i in indices:
            entity_id = self._token_entity.get(i)
            if entity_id is None or (found and found[-1][1] == entity_id):
                continue
            entity = self._by_id[entity_id]
            is_country = entity.country is not None and self._countries.get(entity.country) == entity_id
            if is_country or entity.type == "ORG" or (plural and entity.type == "NORP"):
                found.append((i, entity_id))
            elif plural and entity.type == "PERSON" and _coordinated(self.doc[i]):
                found.append((i, PEOPLE))
        return found

    def _role_holder(self, token: Token) -> str | None:
        """ "the president" / "the special envoy": a title noun with a definite article."""
        lexicon = roles.lexicon()
        if token.pos_ != "NOUN" or not any(child.lower_ == "the" for child in token.children):
            return None
        words = roles.words_of([t for t in token.subtree if t.i <= token.i and t.lower_ != "the"])
        found = roles.match_title(words, lexicon)
        if found is None or found[1] != len(words) or found[3]:
            return None
        # words before the title may only qualify it ("former") or name the holder's country ("Russian")
        countries = set()
        for word in words[: found[0]]:
            if (code := _country_code(self.doc[word.start : word.end].text)) is not None:
                countries.add(code)
            elif word.text not in lexicon.descriptive | lexicon.rank:
                return None  # ``the bank president`` is no holder the article has named
        if len(countries) > 1:
            return None
        return self.entity_with_role(found[2], token.idx, countries.pop() if countries else None)

    def _same_head_antecedent(self, token: Token) -> str | None:
        """ "the government" after "the Philippine government": a bare definite noun refers back to the last
        phrase with the same head whose modifiers name an actor (within a few paragraphs)."""
        if token.pos_ != "NOUN" or [child.lower_ for child in token.lefts] != ["the"]:
            return None
        first = max(0, token.i - ANTECEDENT_REACH + 1)
        for i in reversed(self._nouns_by_lemma().get(token.lemma_.lower(), ())):
            if not first <= i < token.i:
                continue
            earlier = self.doc[i]
            modifiers = [t for child in earlier.lefts if child.dep_ in NAMING_DEPS for t in child.subtree]
            named = next((self._token_entity[t.i] for t in modifiers if t.i in self._token_entity), None)
            if (found := named or self._country_in(modifiers)) is not None:
                return found
        return None

    def _nouns_by_lemma(self) -> dict[str, list[int]]:
        """Where each noun lemma (lower case) occurs, read once from the Doc's arrays."""
        if self._nouns is None:
            noun, strings = self.doc.vocab.strings["NOUN"], self.doc.vocab.strings
            by_hash: dict[int, list[int]] = {}
            for i, (pos, lemma) in enumerate(self.doc.to_array([POS, LEMMA]).tolist()):
                if pos == noun:
                    by_hash.setdefault(lemma, []).append(i)
            self._nouns = {}
            for lemma, indices in by_hash.items():  # each distinct lemma lower-cased once
                self._nouns.setdefault(strings[lemma].lower(), []).extend(indices)
            for indices in self._nouns.values():
                indices.sort()
        return self._nouns

    def _relative(self, tokens: list[Token]) -> str | None:
        """ "Trump's son-in-law" → the actor whose relation is son-in-law of Trump."""
        marker = next((t for t in tokens if t.tag_ == "POS" and t.i > tokens[0].i), None)
        if marker is None or (of := self._token_entity.get(marker.i - 1)) is None:
            return None
        words = roles.words_of([t for t in tokens if t.i > marker.i])
        found = roles.match_title(words, roles.lexicon())
        if found is None:
            return None
        for entity in self.entities:
            if {"relation": found[2], "of": of} in entity.relations:
                return entity.id
        return None

    def _country_in(self, tokens: list[Token]) -> str | None:
        """A demonym or country name inside a group phrase the model left untagged ("Russian officials")."""
        for token in tokens:
            if not token.is_title and not token.is_upper:
                continue
            if (code := _country_code(token.text)) is not None and (found := self.country_entity(code)):
                return found
        return None

    def time_in(self, start: int, end: int) -> TimeExpr | None:
        """The first time expression inside a character range (a clause, a sentence)."""
        for time in self.times:
            if start <= time.start and time.end <= end:
                return time
        return None


def _country_code(text: str) -> str | None:
    """The country a demonym or a country name stands for ("Russian", "U.S.")."""
    gazetteer = geo.gazetteer()
    return gazetteer.demonym(text) or gazetteer.country_named(text)


def _announces_a_clause(pronoun: Token) -> bool:
    """ "It is likely that …", "it seems …": a placeholder, not a referring "it" ("it is willing to …")."""
    if pronoun.dep_ == "expl":
        return True
    if pronoun.lower_ != "it" or pronoun.dep_ not in {"nsubj", "nsubjpass"}:
        return False
    verb = pronoun.head
    if verb.lemma_ in {"seem", "appear"}:
        return True
    predicates = (
        [verb, *(c for c in verb.children if c.dep_ in {"acomp", "attr"})] if verb.lemma_ == "be" else []
    )
    return any(c.dep_ in {"ccomp", "csubj"} for p in predicates for c in p.children)


def _in_subject(token: Token) -> bool:
    """Whether a token is (inside) the subject phrase of its clause."""
    current = token
    while current.dep_ in {"compound", "amod", "poss", "nmod", "appos", "conj"} and current.head != current:
        current = current.head
    return current.dep_ in {"nsubj", "nsubjpass"}


def _coordinated(token: Token) -> bool:
    """Whether a name is one of several joined by "and" ("Witkoff … and Kushner")."""
    head = token
    while head.dep_ in {"compound", "flat"} and head.head != head:
        head = head.head
    return head.dep_ == "conj" or any(child.dep_ == "conj" for child in head.children)
