"""The attribution scorer: its features, its training, its shipped weights, and a bad model file."""

from __future__ import annotations

import json
import math

import pytest

from storyline.config import Settings
from storyline.evaluation.quotes import Attribution, GoldArticle
from storyline.nlp.pipeline import load_pipeline
from storyline.nlp.quotes import quoted_passages, reporting_constructions
from storyline.nlp.quotes_classifier import AttributionScorer, attribution_scorer, report_features
from storyline.nlp.quotes_lexicon import is_used, lexicon_from_rows, reporting_lexicon
from storyline.training.quotes import (
    END_TO_END_THRESHOLDS,
    best_for_the_weaker,
    end_to_end_threshold,
    labelled_constructions,
    train_scorer,
    unseen_articles_extraction,
)


def constructions(text: str):
    doc = load_pipeline(Settings().spacy_model)(text)
    return doc, reporting_constructions(doc, reporting_lexicon(), quoted_passages(text))


def test_features_describe_the_cue_its_speaker_and_its_content():
    _, (report,) = constructions("Officials said that the talks had failed.")
    features = report_features(report)
    assert {"lemma=say", "frame=clause", "speaker=noun:official", "content_opens=that"} <= set(features)
    assert "tag=VBD" in features and "content_has_verb" in features


def test_features_mark_negation_and_modality():
    _, reports = constructions("The minister would not say whether the border will reopen.")
    (report,) = [r for r in reports if r.cue.root.lemma_ == "say"]
    features = report_features(report)
    assert "negated" in features and "modal=would" in features and "content_opens=whether" in features


def test_trained_weights_separate_the_cues_they_were_shown():
    features = [["lemma=say", "frame=clause"]] * 20 + [["lemma=stop", "frame=infinitive"]] * 20
    labels = [1] * 18 + [0] * 2 + [0] * 19 + [1]
    groups = list(range(40))
    model = train_scorer(features, labels, groups)
    scorer = AttributionScorer(model["weights"], model["bias"], model["threshold"])
    assert scorer.probability(["lemma=say", "frame=clause"]) > scorer.threshold
    assert scorer.probability(["lemma=stop", "frame=infinitive"]) < scorer.threshold
    assert model["constructions"] == 40 and model["positive"] == 19


def test_the_threshold_is_chosen_on_the_whole_extractor_with_out_of_fold_judges():
    text = "The senator said that the bill would pass. The bus stopped to pick up passengers."
    doc = load_pipeline(Settings().spacy_model)(text)
    start, cue = text.index("that the bill"), text.index("said")
    gold = Attribution(((start, text.index(". The bus")),), ((0, 11),), ((cue, cue + 4),))
    # a judge that rates "said" 0.3 and the bus 0.2: only thresholds up to 0.3 find the quote
    rates = {"say": 0.3, "stop": 0.2}
    weights = {f"lemma={lemma}": math.log(p / (1 - p)) for lemma, p in rates.items()}
    judge = AttributionScorer(weights, 0.0, 0.5)
    threshold, scores = end_to_end_threshold(
        [GoldArticle("a", text, [gold])], [doc], reporting_lexicon(), {0: judge}
    )
    assert threshold in END_TO_END_THRESHOLDS and 0.2 < threshold <= 0.3
    assert scores == {"content_overlap_f1": 1.0, "speaker_overlap_f1": 1.0}


def test_the_threshold_is_the_best_for_the_weaker_score():
    scores = {
        0.2: {"content_overlap_f1": 0.830, "speaker_overlap_f1": 0.780},
        0.3: {"content_overlap_f1": 0.800, "speaker_overlap_f1": 0.790},
        0.35: {"content_overlap_f1": 0.795, "speaker_overlap_f1": 0.789},
        0.4: {"content_overlap_f1": 0.750, "speaker_overlap_f1": 0.791},
    }
    assert best_for_the_weaker(scores) == 0.3  # 0.2 has the best mean, 0.4 the best speaker score
    assert best_for_the_weaker({0.2: {"f1": 0.8}, 0.3: {"f1": 0.7}}) == 0.2
    assert best_for_the_weaker({0.2: {"f1": 0.8}, 0.3: {"f1": 0.8}}) == 0.3


def test_constructions_are_labelled_by_the_gold_content_cue_and_speaker():
    text = "The senator said that the bill would pass. The bus stopped to pick up passengers."
    doc = load_pipeline(Settings().spacy_model)(text)
    start = text.index("that the bill")
    cue = text.index("said")
    bus = text.index("The bus")
    gold = Attribution(((start, text.index(". The bus")),), ((0, 11),), ((cue, cue + 4),))
    features, labels, _ = labelled_constructions([GoldArticle("a", text, [gold])], [doc], reporting_lexicon())
    said = [label for f, label in zip(features, labels, strict=True) if "lemma=say" in f]
    others = [label for f, label in zip(features, labels, strict=True) if "lemma=say" not in f]
    assert said and all(said)
    assert not any(others)
    # the same report given to someone else is no right construction
    misattributed = Attribution(gold.content, ((bus, bus + 7),), gold.cue)
    features, labels, _ = labelled_constructions(
        [GoldArticle("a", text, [misattributed])], [doc], reporting_lexicon()
    )
    assert not any(label for f, label in zip(features, labels, strict=True) if "lemma=say" in f)


def test_the_shipped_scorer_keeps_reports_and_drops_frames_that_report_nothing():
    scorer = attribution_scorer()
    _, (said,) = constructions("The prime minister said that the ceasefire would hold.")
    assert scorer.judge(said) is not None
    _, reports = constructions("Ministers called for an immediate ceasefire.")
    assert any(scorer.judge(r) is not None for r in reports)
    _, reports = constructions("The bus stopped to pick up passengers in the square.")
    assert all(scorer.judge(r) is None for r in reports)


def test_a_malformed_model_file_names_itself(tmp_path):
    path = tmp_path / "quote_attribution.json"
    path.write_text(json.dumps({"weights": {}}), encoding="utf-8")
    with pytest.raises(ValueError, match="quote_attribution.json"):
        attribution_scorer(path)


def test_a_quote_carries_the_scorers_probability_as_its_confidence():
    from storyline.nlp.actors import extract_actors
    from storyline.nlp.context import DocContext
    from storyline.nlp.quotes import extract_quotes
    from storyline.records import Article

    text = "Prime Minister Keir Starmer said that the ceasefire would hold."
    doc, (report,) = constructions(text)
    context = DocContext(doc=doc, article=Article(id="t", text=text), entities=extract_actors(doc))
    (quote,) = extract_quotes(context)
    expected = attribution_scorer().judge(report)
    assert expected is not None
    assert quote.confidence == pytest.approx(min(expected, 0.95), abs=0.01)


def test_each_construction_knows_the_others_of_its_sentence():
    text = "Aides said that the senator claimed that the vote had been rigged. Officials denied it."
    reports = {r.cue.text: r for r in constructions(text)[1]}
    said, claimed, denied = reports["said"], reports["claimed"], reports["denied"]
    assert (said.neighbours, said.inside_other, said.holds_other) == (1, False, True)
    assert (claimed.neighbours, claimed.inside_other, claimed.holds_other) == (1, True, False)
    assert (denied.neighbours, denied.inside_other, denied.holds_other) == (0, False, False)
    assert "lemma_inside_other=claim|True" in report_features(claimed)


def test_a_lemma_that_reports_only_through_a_preposition_is_a_cue():
    counts = {"listed": "no", "train_predicted": "10", "train_correct": "5"}
    lexicon = lexicon_from_rows([{"lemma": "rail against", "pos": "VERB", "frame": "prep", **counts}])
    assert lexicon.may_report("rail")
    assert not lexicon.may_report("rail", "NOUN") and not lexicon.may_report("against")


@pytest.mark.parametrize(
    ("listed", "frame", "predicted", "correct", "used"),
    [
        ("no", "object", 5, 1, True),  # right once, and often enough
        ("no", "object", 20, 1, False),  # right once in twenty: nearly always something else
        ("no", "object", 3, 0, False),
        ("yes", "clause", 9, 0, True),  # a hand-listed cue with a clause always proposes
        ("yes", "object", 9, 0, False),
    ],
)
def test_a_lexicon_row_proposes_when_it_worked_often_enough(listed, frame, predicted, correct, used):
    row = {"lemma": "fume", "pos": "VERB", "frame": frame, "listed": listed}
    assert is_used({**row, "train_predicted": str(predicted), "train_correct": str(correct)}) is used


def test_the_unseen_estimate_never_scores_an_article_with_a_lexicon_built_from_it():
    nlp = load_pipeline(Settings().spacy_model)
    texts = [f"The senator said that bill {n} would pass. Officials said the talks failed." for n in range(9)]
    # "aver" is no listed cue and only this article uses it
    texts.append("The senator averred that the bill would pass.")
    articles = []
    for n, text in enumerate(texts):
        verb = text.index("said" if n < 9 else "averred")
        content = (text.index("that"), text.index(" would pass") + len(" would pass"))
        gold = Attribution((content,), ((0, 11),), ((verb, verb + len(text.split()[2])),))
        articles.append(GoldArticle(f"a{n}", text, [gold]))
    docs = list(nlp.pipe(texts))
    said_only = unseen_articles_extraction(articles[:9], docs[:9], 0.3)
    with_aver = unseen_articles_extraction(articles, docs, 0.3)
    assert said_only["speaker_overlap_f1"] > 0.5
    # the "averred" article is scored by a lexicon counted without it, which has never seen "aver"
    assert with_aver["speaker_overlap_f1"] < said_only["speaker_overlap_f1"]
