"""``storyline eval`` and ``storyline bench`` as a user runs them, on real and hand-made folders."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from click.testing import Result
from typer.testing import CliRunner

from conftest import ROOT
from storyline.bench import render_markdown, run_benchmark
from storyline.cli import app
from storyline.config import Settings

STORYLINE = [sys.executable, "-m", "storyline"]
REPORT_KEYS = {"task", "data_dir", "n_items", "metrics", "anchors", "seconds"}


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    """A real process, for what only a process shows: exactly one JSON object on stdout."""
    return subprocess.run([*STORYLINE, *args], capture_output=True, text=True, cwd=ROOT, timeout=300)


def invoke(*args: str) -> Result:
    """In-process, for speed; a wide terminal so that table cells are not folded across lines."""
    return CliRunner().invoke(app, list(args), env={"COLUMNS": "250"})


def test_eval_json_prints_exactly_one_report_object_honouring_limit(shared: Path) -> None:
    result = run_cli(
        "eval", "stance", str(shared / "eval" / "stance-fnc1"), "--format", "json", "--limit", "300"
    )
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    assert report.keys() >= REPORT_KEYS
    assert report["task"] == "stance" and report["n_items"] == 300
    assert {"f1", "precision", "recall", "fnc_score"} <= report["metrics"].keys()
    assert all(isinstance(value, float) for value in report["metrics"].values())


def test_eval_text_prints_ours_peers_and_anchors(shared: Path) -> None:
    result = invoke("eval", "stance", str(shared / "eval" / "stance-fnc1"), "--limit", "300")
    assert result.exit_code == 0, result.stderr
    for expected in ("fnc_score", "(ours)", "(measured peer)", "(published anchor)"):
        assert expected in result.stdout


def test_eval_unknown_task_is_a_one_line_usage_error(tmp_path: Path) -> None:
    result = invoke("eval", "poetry", str(tmp_path))
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.strip().splitlines() == [
        "storyline: error: unknown task 'poetry'; choose one of extraction, ner, quotes, events, timex, "
        "stance, clustering"
    ]


def test_eval_missing_folder_is_a_one_line_usage_error(tmp_path: Path) -> None:
    result = invoke("eval", "stance", str(tmp_path / "nowhere"))
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == [
        f"storyline: error: {tmp_path / 'nowhere'} is not a directory"
    ]


def test_eval_folder_of_the_wrong_layout_says_what_it_expected(tmp_path: Path) -> None:
    result = invoke("eval", "clustering", str(tmp_path))
    assert result.exit_code == 1
    assert "no JSON Lines file of documents with 'text' and 'story_id'" in result.stderr


def test_bench_measures_analysis_against_spacy_on_a_cycled_corpus(tmp_path: Path) -> None:
    stance = tmp_path / "stance-fnc1"
    stance.mkdir()
    (stance / "bodies.csv").write_text(
        "Body ID,articleBody\n"
        '1,"The foreign ministers of France and Germany met in Paris on Monday to discuss the ceasefire."\n'
        '2,"Officials said on Tuesday that the harbour would reopen next month after repairs."\n'
    )
    report = run_benchmark(tmp_path, articles=3, settings=Settings())
    metrics = report.metrics
    assert report.task == "bench" and report.n_items == 3
    assert metrics["articles"] + metrics["failed"] == 3
    for name in ("articles_per_s", "spacy_articles_per_s", "ratio_vs_spacy", "peak_rss_mb"):
        assert metrics[name] > 0, name
    assert metrics["html_pages"] == 0 and metrics["extraction_ratio_vs_trafilatura"] == 0.0
    page = render_markdown(report, "storyline bench --articles 3", "test machine", "<!-- kept -->\n")
    assert "N = 3 articles." in page and "| ratio full analysis / spaCy alone |" in page
    assert page.endswith("<!-- kept -->\n")
