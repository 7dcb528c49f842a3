"""The event-type classifier: its arrays reproduce scikit-learn's predictions; it chooses among types."""

from __future__ import annotations

import numpy as np
import pytest

from storyline.nlp.events_classifier import choose_type, load_classifier, sentence_support, shipped_classifier
from storyline.nlp.events_lexicon import Trigger
from storyline.training.events import make_model, save, to_classifier

TEXTS = [
    "troops shelled the town and killed civilians",
    "artillery fire hit the village overnight",
    "rebels attacked a convoy with rockets",
    "the ministers met for talks in the capital",
    "leaders held a meeting to discuss trade",
    "envoys visited the capital for consultations",
]
LABELS = ["ASSAULT", "ASSAULT", "ASSAULT", "CONSULT", "CONSULT", "CONSULT"]


@pytest.fixture(scope="module")
def tiny_model():
    model = make_model(4.0)
    model.set_params(tfidfvectorizer__min_df=1)
    return model.fit(TEXTS, LABELS)


def test_saved_classifier_reproduces_scikit_learn_probabilities(tiny_model, tmp_path):
    path = save(to_classifier(tiny_model, support_weight=0.2), tmp_path, {"test": True})
    loaded = load_classifier(path)
    for text in ["the army shelled a village", "officials met for talks", "nothing known here"]:
        expected = dict(zip(tiny_model.classes_, tiny_model.predict_proba([text])[0], strict=True))
        found = loaded.probabilities(text)
        assert found.keys() == expected.keys()
        assert np.allclose([found[k] for k in expected], list(expected.values()), atol=1e-5)
    assert loaded.support_weight == pytest.approx(0.2)


def test_choose_type_follows_the_classifier_among_lexicon_entries(tiny_model):
    entries = [
        Trigger(("strike",), "VERB", "PROTEST", "strike", False),
        Trigger(("strike",), "VERB", "ASSAULT", None, False),
    ]
    support = sentence_support("artillery fire hit the village", to_classifier(tiny_model))
    assert choose_type(entries, support).type == "ASSAULT"
    assert choose_type(entries, {}).type == "PROTEST"


def test_shipped_classifier_knows_every_plover_type():
    classifier = shipped_classifier()
    assert classifier is not None
    assert len(classifier.classes) == 16
