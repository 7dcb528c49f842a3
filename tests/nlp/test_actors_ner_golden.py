"""NER golden sentences: every installed spaCy pipeline must find these; a swapped or broken model fails."""

from __future__ import annotations

import pytest

from storyline.config import Settings
from storyline.evaluation.ner import installed_pipelines
from storyline.nlp import load_pipeline

GOLDEN = [
    ("Angela Merkel visited Microsoft headquarters in the United States last week.",
     {("Angela Merkel", "PERSON"), ("Microsoft", "ORG"), ("the United States", "GPE")}),
    ("The European Union and Japan signed a trade deal in Tokyo, officials said.",
     {("The European Union", "ORG"), ("Japan", "GPE"), ("Tokyo", "GPE")}),
    ("Emmanuel Macron told French voters that Germany remained an ally.",
     {("Emmanuel Macron", "PERSON"), ("French", "NORP"), ("Germany", "GPE")}),
]  # fmt: skip
PIPELINES = installed_pipelines(Settings().spacy_model)


@pytest.mark.parametrize("model", list(PIPELINES))
@pytest.mark.parametrize(("text", "expected"), GOLDEN)
def test_ner_golden_sentences_are_found(model: str, text: str, expected: set[tuple[str, str]]):
    doc = load_pipeline(PIPELINES[model])(text)
    assert expected <= {(ent.text, ent.label_) for ent in doc.ents}


def test_ner_golden_default_pipeline_is_installed_with_parser_and_ner(settings: Settings):
    assert settings.spacy_model in PIPELINES
    nlp = load_pipeline(settings.spacy_model)
    assert {"parser", "ner"} <= set(nlp.pipe_names)
    assert nlp.meta["lang"] == "en"
