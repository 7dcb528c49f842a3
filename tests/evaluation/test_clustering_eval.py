"""B-cubed against a hand-computed example, reading ECB+-like folders, and the whole evaluator."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.config import Settings
from storyline.evaluation.clustering import bcubed, evaluate, read_documents, score_clustering


def test_bcubed_by_hand() -> None:
    # gold a a b b, predicted {1, 2, 3} {4}: precisions 2/3 2/3 1/3 1, recalls 1 1 1/2 1/2
    scores = bcubed(["a", "a", "b", "b"], [1, 1, 1, 2])
    assert scores["precision"] == pytest.approx(2 / 3)
    assert scores["recall"] == pytest.approx(3 / 4)
    assert scores["f1"] == pytest.approx(12 / 17)


def test_score_clustering_perfect_and_singletons() -> None:
    perfect = score_clustering(["a", "a", "b"], [7, 7, 3])
    assert perfect["bcubed_f1"] == pytest.approx(1.0)
    assert perfect["ari"] == pytest.approx(1.0)
    assert perfect["v_measure"] == pytest.approx(1.0)
    singletons = score_clustering(["a", "a", "b"], [0, 1, 2])
    assert singletons["bcubed_precision"] == pytest.approx(1.0)
    assert singletons["bcubed_recall"] == pytest.approx((1 / 2 + 1 / 2 + 1) / 3)
    assert singletons["clusters"] == 3


STORIES = [
    ("quake", 1, "Earthquake strikes Chile coast, tsunami warning issued for Chile coast towns"),
    ("quake", 1, "Chile earthquake: tsunami warning issued after strong quake strikes coast"),
    ("rehab", 1, "Actress checks into Malibu rehab clinic, publicist confirms rehab stay"),
    ("rehab", 1, "Publicist confirms actress entered Malibu rehab clinic for treatment"),
]


def write_documents(folder: Path) -> None:
    lines = [
        json.dumps({"doc_name": f"d{n}", "topic": topic, "story_id": story, "text": text})
        for n, (story, topic, text) in enumerate(STORIES)
    ]
    (folder / "documents.test.jsonl").write_text("\n".join(lines) + "\n")


def test_read_documents_finds_the_jsonl_by_its_fields(tmp_path: Path) -> None:
    (tmp_path / "aaa.jsonl").write_text('{"other": 1}\n')
    write_documents(tmp_path)
    assert [d["doc_name"] for d in read_documents(tmp_path, limit=3)] == ["d0", "d1", "d2"]


def test_evaluate_separates_two_clearly_different_stories(tmp_path: Path) -> None:
    write_documents(tmp_path)
    report = evaluate(tmp_path, settings=Settings(), limit=None)
    assert report.n_items == 4
    assert report.metrics["bcubed_f1"] == pytest.approx(1.0)
    assert report.metrics["clusters"] == 2
    assert report.peers["one story per document (singletons)"]["bcubed_recall"] == pytest.approx(0.5)
    assert "bcubed_f1_within_topic" in report.metrics
