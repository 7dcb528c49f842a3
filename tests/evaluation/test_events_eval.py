"""The events scorer on a tiny hand-made gold file, with every expected figure worked out by hand."""

from __future__ import annotations

import json

import pytest

from storyline.evaluation.events import GoldSentence, actor_code, predicted_event, read_gold, score, triples
from storyline.records import Analysis, Article, Entity, Event, Span


def record(event: str, source: list[str], target: list[str] | str, markup: str = "") -> dict:
    actors = lambda codes: [{"actorText": c, "code": c} for c in codes]  # noqa: E731
    return {
        "id": f"X-{event}",
        "event": event,
        "source": actors(source),
        "target": actors(target) if isinstance(target, list) else target,
        "text": f"A sentence coded {event}.",
        "textInfo": {"markup": markup},
    }


@pytest.fixture
def gold(tmp_path) -> list[GoldSentence]:
    lines = [
        {"id": "H", "event": "DOCUMENT"},
        record("DEMAND", ["POL"], ["RUS"]),
        record("AGREE", ["USA", "JOR"], "", markup="(SRC/TAR: US) and (SRC/TAR: Jordan) agreed"),
        record("FIGHT", ["RUS"], ["UKR"]),
        record("AGREE", ["FIN"], ["TZA"]),
    ]
    (tmp_path / "gold.jsonl").write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    return read_gold(tmp_path)


def test_read_gold_skips_header_maps_aliases_and_expands_reciprocal_actors(gold):
    assert [g.type for g in gold] == ["REQUEST", "AGREE", "ASSAULT", "AGREE"]
    assert gold[1].triples == {("USA", "AGREE", "JOR"), ("JOR", "AGREE", "USA")}
    assert gold[0].triples == {("POL", "REQUEST", "RUS")}


def test_score_by_hand(gold):
    predicted = [
        ("REQUEST", {("POL", "REQUEST", "RUS")}),  # type right, triple right
        ("AGREE", {("USA", "AGREE", "JOR"), ("JOR", "AGREE", "USA")}),  # both right
        ("ACCUSE", {("RUS", "ACCUSE", "UKR")}),  # type wrong, so the triple is wrong
        ("NONE", set()),  # nothing found
    ]
    metrics = score(gold, predicted)
    assert metrics["type_accuracy"] == pytest.approx(2 / 4)
    # per gold type: REQUEST P=1 R=1 F=1; AGREE P=1 R=1/2 F=2/3; ASSAULT P=0 R=0 F=0
    assert metrics["type_macro_f1"] == pytest.approx((1 + 2 / 3 + 0) / 3)
    assert metrics["f1"] == metrics["type_macro_f1"]
    # triples: 3 right of 4 predicted, of 5 gold
    assert metrics["triple_precision"] == pytest.approx(3 / 4)
    assert metrics["triple_recall"] == pytest.approx(3 / 5)
    assert metrics["triple_f1"] == pytest.approx(2 * 0.75 * 0.6 / 1.35)
    assert metrics["coverage"] == pytest.approx(3 / 4)


def test_triples_without_target_keep_a_missing_target():
    assert triples(["SRB"], "AGREE", [], reciprocal=False) == {("SRB", "AGREE", None)}


def test_actor_code_maps_countries_and_intergovernmental_bodies():
    assert actor_code("Russia", "RU") == "RUS"
    assert actor_code("the United Nations", None) == "IGO"
    assert actor_code("Jordan", None) == "JOR"
    assert actor_code("Fijian rebels", None) is None
    assert actor_code("International Atomic Energy Agency", None, ["IAEA"]) == "IGO"


def test_actor_code_does_not_read_a_name_ending_in_un_as_the_united_nations():
    assert actor_code("Kim Jong Un", None) is None


def test_evaluate_events_on_the_dev_folder_reports_every_metric(shared, settings):
    from storyline.evaluation.events import evaluate

    report = evaluate(shared / "eval" / "events-plover", settings=settings, limit=6)
    assert report.n_items == 6
    for name in ("type_accuracy", "type_macro_f1", "triple_f1", "events_per_second"):
        assert name in report.metrics
    assert report.metrics["type_accuracy"] > 0.5


def test_predicted_event_codes_an_official_of_an_intergovernmental_body_as_igo():
    text = "NATO chief Anna Berg warned Russia."
    span = Span(0, len(text), text)
    entities = [
        Entity("e1", "NATO", "ORG"),
        Entity("e2", "Anna Berg", "PERSON", relations=[{"relation": "chief", "of": "e1"}]),
        Entity("e3", "Russia", "GPE", country="RU"),
    ]
    event = Event(
        "ev1", "THREATEN", span, span, span, "occurred", source=["e2"], target=["e3"], confidence=0.5
    )
    analysis = Analysis(Article(id="a", text=text), entities=entities, events=[event])
    assert predicted_event(analysis) == ("THREATEN", {("IGO", "THREATEN", "RUS")})


def test_predicted_event_codes_the_head_of_an_unnamed_intergovernmental_body_as_igo():
    text = "Anna Berg warned Russia."
    span = Span(0, len(text), text)
    entities = [
        Entity("e1", "Anna Berg", "PERSON", relations=[{"relation": "secretary-general", "of": "NATO"}]),
        Entity("e2", "Russia", "GPE", country="RU"),
    ]
    event = Event(
        "ev1", "THREATEN", span, span, span, "occurred", source=["e1"], target=["e2"], confidence=0.5
    )
    analysis = Analysis(Article(id="a", text=text), entities=entities, events=[event])
    assert predicted_event(analysis) == ("THREATEN", {("IGO", "THREATEN", "RUS")})
