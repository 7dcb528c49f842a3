"""The NER evaluator on a tiny hand-made CoNLL file whose scores are worked out by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from storyline.config import Settings
from storyline.evaluation import ner
from storyline.evaluation.base import run_evaluation
from storyline.nlp import load_pipeline

GOLD = """-DOCSTART- -X- -X- O

John NNP B-NP B-PER
Smith NNP I-NP I-PER
visited VBD B-VP O
Paris NNP B-NP B-LOC
. . O O

-DOCSTART- -X- -X- O

The DT B-NP O
UN NNP I-NP B-ORG
met VBD B-VP O
in IN B-PP O
New NNP B-NP B-LOC
York NNP I-NP I-LOC
with IN B-PP O
Acme NNP B-NP B-ORG
Corp NNP I-NP I-ORG
. . O O
"""

# Predicted: John Smith PER (right), Paris ORG (wrong type), The MISC (spurious), UN ORG (right),
# "New" LOC (wrong span), Acme Corp ORG (right): 3 right of 6 predicted and 5 gold.
PREDICTED = [
    ["B-PER", "I-PER", "O", "B-ORG", "O"],
    ["B-MISC", "B-ORG", "O", "O", "B-LOC", "O", "O", "B-ORG", "I-ORG", "O"],
]


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "split" / "nested"
    folder.mkdir(parents=True)
    (folder / "eng.test.iob2.txt").write_text(GOLD, encoding="utf-8")
    (tmp_path / "README.md").write_text("# not data\n", encoding="utf-8")
    return tmp_path


def test_ner_eval_finds_the_data_file_by_layout_not_name(data_dir: Path):
    assert [p.name for p in ner.find_data_files(data_dir)] == ["eng.test.iob2.txt"]
    documents = ner.read_documents(ner.find_data_files(data_dir))
    assert [len(d.words) for d in documents] == [5, 10]


def test_ner_eval_refuses_a_folder_without_conll_data(tmp_path: Path):
    (tmp_path / "notes.txt").write_text("nothing here\n", encoding="utf-8")
    with pytest.raises(FileNotFoundError, match="no CoNLL-2003 file"):
        ner.find_data_files(tmp_path)


def test_ner_eval_reads_spans_as_conlleval_does():
    assert ner.entities_from_tags(["B-PER", "I-PER", "O", "I-LOC", "B-LOC", "I-ORG"]) == {
        (0, 2, "PER"),
        (3, 4, "LOC"),
        (4, 5, "LOC"),
        (5, 6, "ORG"),
    }


def test_ner_eval_scores_micro_and_per_type_by_hand(data_dir: Path):
    documents = ner.read_documents(ner.find_data_files(data_dir))
    gold = [ner.entities_from_tags(d.tags) for d in documents]
    predicted = [ner.entities_from_tags(tags) for tags in PREDICTED]
    scores = ner.score(gold, predicted)
    assert scores["overall"]["precision"] == pytest.approx(3 / 6)
    assert scores["overall"]["recall"] == pytest.approx(3 / 5)
    assert scores["overall"]["f1"] == pytest.approx(2 * 0.5 * 0.6 / 1.1)
    assert scores["PER"] == pytest.approx({"precision": 1.0, "recall": 1.0, "f1": 1.0})
    assert scores["ORG"]["precision"] == pytest.approx(2 / 3) and scores["ORG"]["recall"] == 1.0
    assert scores["LOC"]["f1"] == 0.0 and scores["MISC"]["precision"] == 0.0


def test_ner_eval_maps_spacy_labels_to_conll_types():
    assert ner.LABEL_MAP["GPE"] == ner.LABEL_MAP["FAC"] == "LOC"
    assert ner.LABEL_MAP["NORP"] == "MISC" and "DATE" not in ner.LABEL_MAP


def test_ner_eval_rebuilds_running_text_spacing():
    assert ner._spaces(["Reuters", "said", ".", "(", "AP", ")"]) == [True, False, True, False, False, False]


def test_ner_eval_reports_every_installed_pipeline(data_dir: Path, settings: Settings):
    report = run_evaluation("ner", data_dir, settings=settings, limit=1)
    assert report.task == "ner" and report.n_items == 1
    assert set(report.metrics) == {
        "f1",
        "precision",
        "recall",
        "actors_f1",
        "actors_precision",
        "actors_recall",
    }
    assert {settings.spacy_model, settings.spacy_model + ner.ACTORS} <= set(report.peers)
    assert len(report.peers) == 2 * len(ner.installed_pipelines(settings.spacy_model))
    assert all(peer["docs_per_s"] > 0 for peer in report.peers.values())
    assert set(report.breakdown) == {"PER", "ORG", "LOC", "MISC"}
    assert all("OntoNotes" in name for name in report.anchors)


def test_ner_eval_scores_actor_mentions_with_conll_types(settings: Settings):
    nlp = load_pipeline(settings.spacy_model)
    words = ["Donald", "Trump", "met", "Russian", "officials", "in", "Moscow", ".", "Trump", "left", "."]
    doc = next(nlp.pipe(ner.docs_from_tokens(nlp, [ner.Document(words, ["O"] * len(words))])))
    found = ner.entities_from_actors(doc)
    assert {(0, 2, "PER"), (3, 4, "MISC"), (6, 7, "LOC"), (8, 9, "PER")} <= found
    assert all(kind in ner.TYPES for _, _, kind in found)


def test_ner_eval_lists_the_configured_pipeline_first_with_a_loadable_location(settings: Settings):
    pipelines = ner.installed_pipelines(settings.spacy_model)
    assert next(iter(pipelines)) == settings.spacy_model
    for name, location in pipelines.items():
        assert location == name or (Path(location) / "meta.json").is_file()
    for name in pipelines:
        assert next(iter(ner.installed_pipelines(name))) == name
