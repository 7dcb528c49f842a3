"""NER golden sentences: the configured spaCy pipeline must find these, so a swapped or broken model fails."""

from __future__ import annotations

import pytest

from storyline.config import Settings
from storyline.nlp import load_pipeline

GOLDEN = [
    ("Angela Merkel visited Microsoft headquarters in the United States last week.",
     {("Angela Merkel", "PERSON"), ("Microsoft", "ORG"), ("the United States", "GPE")}),
    ("The European Union and Japan signed a trade deal in Tokyo, officials said.",
     {("The European Union", "ORG"), ("Japan", "GPE"), ("Tokyo", "GPE")}),
    ("Emmanuel Macron told French voters that Germany remained an ally.",
     {("Emmanuel Macron", "PERSON"), ("French", "NORP"), ("Germany", "GPE")}),
]  # fmt: skip


@pytest.mark.parametrize(("text", "expected"), GOLDEN)
def test_ner_golden_sentences_are_found(settings: Settings, text: str, expected: set[tuple[str, str]]):
    doc = load_pipeline(settings.spacy_model)(text)
    assert expected <= {(ent.text, ent.label_) for ent in doc.ents}


def test_ner_golden_pipeline_is_spacy_3_8_with_parser_and_ner(settings: Settings):
    nlp = load_pipeline(settings.spacy_model)
    assert {"parser", "ner"} <= set(nlp.pipe_names)
    assert nlp.meta["lang"] == "en"
