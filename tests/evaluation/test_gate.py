"""The quality gate: floors file validation, floor comparison, missing evaluators and the exit code."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from storyline.config import Settings
from storyline.evaluation import base
from storyline.evaluation.base import EvalReport
from storyline.evaluation.gate import FLOORS, Check, below_floors, load_checks, main, run_check

DOCUMENTS = [
    {"story_id": "quake", "text": "Earthquake strikes Chile coast, tsunami warning issued"},
    {"story_id": "quake", "text": "Tsunami warning issued after earthquake strikes Chile"},
    {"story_id": "rehab", "text": "Actress checks into Malibu rehab clinic"},
    {"story_id": "rehab", "text": "Actress enters rehab clinic in Malibu"},
]


@pytest.fixture
def eval_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "eval" / "clustering-tiny"
    folder.mkdir(parents=True)
    (folder / "docs.jsonl").write_text("\n".join(json.dumps(d) for d in DOCUMENTS) + "\n")
    return tmp_path / "eval"


def write_floors(path: Path, checks: list[dict]) -> Path:
    path.write_text(json.dumps({"checks": checks}))
    return path


def test_shipped_floors_file_is_valid_and_lists_known_tasks() -> None:
    checks = load_checks(FLOORS)
    assert checks and all(check.task in base.TASKS for check in checks)


def test_load_checks_rejects_unknown_tasks_and_empty_floors(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown task"):
        load_checks(write_floors(tmp_path / "a.json", [{"task": "poetry", "data": "x", "floors": {"f1": 1}}]))
    with pytest.raises(ValueError, match="numeric floors"):
        load_checks(write_floors(tmp_path / "b.json", [{"task": "stance", "data": "x", "floors": {}}]))


def test_below_floors_names_each_low_or_missing_metric() -> None:
    report = EvalReport(task="stance", data_dir="x", n_items=1, metrics={"f1": 0.5, "fnc_score": 0.9})
    failures = below_floors(report, {"f1": 0.6, "fnc_score": 0.8, "ari": 0.1})
    assert failures == ["f1 0.500 < floor 0.600", "ari missing from the report"]


def test_run_check_fails_a_task_whose_evaluator_does_not_exist(
    eval_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(base.TASKS, "imaginary", "storyline.evaluation.imaginary_task_module")
    outcome = run_check(Check("imaginary", "clustering-tiny", None, {"f1": 0.1}), eval_dir, Settings())
    assert outcome.failures == ["evaluator missing (no module)"]


def test_gate_exit_code_follows_the_floors(
    eval_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    met = write_floors(
        tmp_path / "met.json",
        [{"task": "clustering", "data": "clustering-tiny", "floors": {"bcubed_f1": 0.99}}],
    )
    assert main([str(eval_dir), "--floors", str(met)]) == 0
    unmet = write_floors(
        tmp_path / "unmet.json", [{"task": "clustering", "data": "clustering-tiny", "floors": {"ari": 1.01}}]
    )
    assert main([str(eval_dir), "--floors", str(unmet)]) == 1
    assert "FAIL: ari 1.000 < floor 1.010" in capsys.readouterr().out
