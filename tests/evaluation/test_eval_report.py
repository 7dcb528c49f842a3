"""The markdown evaluation report: a section per folder, missing evaluators said so, commentary kept."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.evaluation import base
from storyline.evaluation.report import COMMENTARY_MARKER, format_value, main

DOCUMENTS = [
    {"story_id": "quake", "text": "Earthquake strikes Chile coast, tsunami warning issued"},
    {"story_id": "quake", "text": "Tsunami warning issued after earthquake strikes Chile"},
    {"story_id": "rehab", "text": "Actress checks into Malibu rehab clinic"},
]


@pytest.fixture
def eval_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    root = tmp_path / "eval"
    (root / "clustering-tiny").mkdir(parents=True)
    (root / "clustering-tiny" / "docs.jsonl").write_text("\n".join(json.dumps(d) for d in DOCUMENTS))
    (root / "ner-tiny").mkdir()
    (root / "unrelated-folder").mkdir()
    monkeypatch.setitem(base.TASKS, "ner", "storyline.evaluation.module_that_is_not_written_yet")
    return root


def test_report_has_a_section_per_task_folder_and_marks_missing_evaluators(
    eval_dir: Path, tmp_path: Path
) -> None:
    output = tmp_path / "docs" / "evaluation.md"
    assert main([str(eval_dir), str(output)]) == 0
    text = output.read_text()
    assert "## clustering — clustering-tiny" in text
    assert "| cluster_articles baseline (ours) |" in text
    assert "## ner — ner-tiny\n\n**not available yet (no evaluator module)**" in text
    assert "unrelated-folder" not in text


def test_regenerating_keeps_the_hand_written_commentary(eval_dir: Path, tmp_path: Path) -> None:
    output = tmp_path / "evaluation.md"
    output.write_text(f"old tables\n{COMMENTARY_MARKER}\n## Commentary\n\nErrors come from X.\n")
    main([str(eval_dir), str(output)])
    text = output.read_text()
    assert "old tables" not in text
    assert text.endswith(f"{COMMENTARY_MARKER}\n## Commentary\n\nErrors come from X.\n")


def test_format_value_writes_counts_as_integers_and_scores_with_three_decimals() -> None:
    assert format_value(0.95812) == "0.958"
    assert format_value(1.0) == "1.000"
    assert format_value(1.0, "support") == "1"
    assert format_value(5942.0) == "5,942"
    assert format_value(None) == ""
