"""Actors: spaCy NER mentions merged into one entity per real-world actor."""

from __future__ import annotations

from spacy.tokens import Doc

from storyline.records import Entity, Span

ACTOR_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP"}


def extract_actors(doc: Doc) -> list[Entity]:
    by_name: dict[tuple[str, str], Entity] = {}
    for ent in doc.ents:
        if ent.label_ not in ACTOR_LABELS:
            continue
        key = (ent.label_, ent.text)
        entity = by_name.get(key)
        if entity is None:
            entity = by_name[key] = Entity(id=f"e{len(by_name) + 1}", name=ent.text, type=ent.label_)
        entity.mentions.append(Span(ent.start_char, ent.end_char, ent.text))
    return list(by_name.values())
