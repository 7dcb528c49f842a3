"""The FNC-1 scorer against hand-computed values; reading by headers; the baseline's decision ladder."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from storyline.config import Settings
from storyline.evaluation.stance import Thresholds, evaluate, fnc_points, predict, read_folder, score_stances

GOLD = ["agree", "disagree", "discuss", "unrelated"]
PREDICTED = ["agree", "discuss", "unrelated", "unrelated"]


def test_fnc_points_follow_the_official_weights() -> None:
    points = fnc_points(np.array(GOLD, dtype=object), np.array(PREDICTED, dtype=object))
    # exact related label 0.25 + 0.75; related, wrong label 0.25; related called unrelated 0; unrelated 0.25
    assert points.tolist() == [1.0, 0.25, 0.0, 0.25]


def test_score_stances_relative_score_and_macro_f1_by_hand() -> None:
    scores = score_stances(GOLD, PREDICTED)
    metrics = scores["metrics"]
    assert metrics["fnc_score"] == pytest.approx(1.5 / 3.25)
    # per-class F1: agree 1, disagree 0, discuss 0, unrelated P 1/2 R 1 -> 2/3
    assert metrics["macro_f1"] == pytest.approx((1 + 0 + 0 + 2 / 3) / 4)
    assert metrics["f1"] == metrics["macro_f1"]
    assert metrics["accuracy"] == pytest.approx(2 / 4)
    assert scores["per_class"]["unrelated"]["precision"] == pytest.approx(0.5)
    assert scores["per_class"]["discuss"]["predicted unrelated"] == 1.0
    assert scores["per_class"]["disagree"]["support"] == 1.0


def write_folder(folder: Path) -> None:
    (folder / "bodies.test.csv").write_text(
        "Body ID,articleBody\n"
        '1,"Officials denied reports that the bridge collapsed, calling the story a hoax."\n'
        '2,"The bridge collapsed on Tuesday morning, police confirmed."\n'
        '3,"A new bakery opened downtown selling sourdough bread."\n'
    )
    (folder / "stances.test.csv").write_text(
        "Headline,Body ID,Stance\n"
        "Bridge collapses in city centre,1,disagree\n"
        "Bridge collapses in city centre,2,agree\n"
        "Bridge collapses in city centre,3,unrelated\n"
        "Bakery opens downtown,3,discuss\n"
    )


def test_read_folder_finds_files_by_their_headers(tmp_path: Path) -> None:
    write_folder(tmp_path)
    bodies, pairs = read_folder(tmp_path, limit=3)
    assert sorted(bodies) == ["1", "2", "3"]
    assert [(p.body_id, p.stance) for p in pairs] == [("1", "disagree"), ("2", "agree"), ("3", "unrelated")]


def test_read_folder_rejects_unknown_labels(tmp_path: Path) -> None:
    write_folder(tmp_path)
    (tmp_path / "stances.test.csv").write_text("Headline,Body ID,Stance\nBridge,1,maybe\n")
    with pytest.raises(ValueError, match="unknown stance labels"):
        read_folder(tmp_path)


def test_predict_ladder_unrelated_then_disagree_then_hedged_discuss_then_agree() -> None:
    features = np.array(
        [
            [0.05, 5.0, 5.0],  # dissimilar: unrelated whatever the cues
            [0.50, 3.0, 0.0],  # refuting cues: disagree
            [0.90, 0.0, 3.0],  # similar but hedged: discuss
            [0.90, 0.0, 0.0],  # similar, plain: agree
            [0.30, 0.0, 0.0],  # related, moderate similarity: discuss
        ]
    )
    labels = predict(features, Thresholds(related=0.1, refute=2.0, hedge=2.0, agree=0.8))
    assert labels.tolist() == ["unrelated", "disagree", "discuss", "agree", "discuss"]


def test_evaluate_reports_fnc_score_null_baseline_and_anchor(tmp_path: Path) -> None:
    write_folder(tmp_path)
    report = evaluate(tmp_path, settings=Settings(), limit=None)
    assert report.n_items == 4
    assert 0.0 <= report.metrics["fnc_score"] <= 1.0
    null = report.peers["all unrelated (null baseline)"]
    assert null["fnc_score"] == pytest.approx(0.25 / 3.25)
    assert any(anchor.get("fnc_score") == 0.8202 for anchor in report.anchors.values())
