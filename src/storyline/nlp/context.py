"""What the extractors of one article share: the parsed Doc, its actors and times, and entity lookup.

``DocContext.entity_for(span)`` is how quotes, events and positions turn a syntactic argument (a subject,
an object, a possessor, a pronoun) into a canonical actor id.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from storyline.records import Article, Entity, TimeExpr

PERSONAL_PRONOUNS = {"he", "she", "him", "her", "his", "hers", "himself", "herself"}
GROUP_PRONOUNS = {"they", "them", "their", "it", "its", "we", "our"}


@dataclass
class DocContext:
    doc: Doc
    article: Article
    entities: list[Entity]
    times: list[TimeExpr] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    _token_entity: dict[int, str] = field(init=False, default_factory=dict)
    _by_id: dict[str, Entity] = field(init=False, default_factory=dict)

    def __post_init__(self) -> None:
        for entity in self.entities:
            self._by_id[entity.id] = entity
            for mention in entity.mentions:
                span = self.doc.char_span(mention.start, mention.end, alignment_mode="expand")
                if span is None:
                    continue
                for token in span:
                    self._token_entity.setdefault(token.i, entity.id)

    def entity(self, entity_id: str) -> Entity | None:
        return self._by_id.get(entity_id)

    def entity_of_token(self, token: Token) -> str | None:
        """The actor a token belongs to, through its mentions or, for a pronoun, the nearest fitting actor."""
        if (found := self._token_entity.get(token.i)) is not None:
            return found
        if token.lower_ in PERSONAL_PRONOUNS:
            return self._preceding_entity(token, {"PERSON"})
        return None

    def entity_for(self, span: Span | Token) -> str | None:
        """The actor a phrase names: its head first, then any token of the phrase (``the Russian side``)."""
        if isinstance(span, Token):
            head, tokens = span, list(span.subtree)
        else:
            head, tokens = span.root, list(span)
        if (found := self.entity_of_token(head)) is not None:
            return found
        for token in tokens:
            if (found := self._token_entity.get(token.i)) is not None:
                return found
        return None

    def _preceding_entity(self, token: Token, types: set[str]) -> str | None:
        for i in range(token.i - 1, -1, -1):
            entity_id = self._token_entity.get(i)
            if entity_id is not None and self._by_id[entity_id].type in types:
                return entity_id
        return None

    def time_in(self, start: int, end: int) -> TimeExpr | None:
        """The first time expression inside a character range (a clause, a sentence)."""
        for time in self.times:
            if start <= time.start and time.end <= end:
                return time
        return None
