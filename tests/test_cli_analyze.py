"""The ``storyline analyze`` command as a user runs it: a real process, real pipeline, real files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import PEACE_TALKS, ROOT
from storyline.contract import contract_errors

STORYLINE = [sys.executable, "-m", "storyline"]


def run_cli(*args: str, stdin: bytes | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*STORYLINE, *args], input=stdin, capture_output=True, cwd=ROOT, timeout=300)


def test_analyze_one_file_prints_one_valid_json_object() -> None:
    result = run_cli("analyze", str(PEACE_TALKS), "--published", "2025-12-18", "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert isinstance(data, dict)
    assert contract_errors(data) == []
    assert data["article"]["published"] == "2025-12-18"


def test_analyze_stdin_and_jsonl_give_one_line_per_article(tmp_path: Path) -> None:
    second = tmp_path / "second.txt"
    second.write_text("Talks resume\n\nThe foreign ministers of France and Germany met in Paris on Monday.\n")
    result = run_cli("analyze", "-", str(second), "--format", "jsonl", stdin=PEACE_TALKS.read_bytes())
    assert result.returncode == 0, result.stderr
    lines = result.stdout.decode().splitlines()
    assert len(lines) == 2
    assert [contract_errors(json.loads(line)) for line in lines] == [[], []]


def test_analyze_several_inputs_as_json_array(tmp_path: Path) -> None:
    copy = tmp_path / "copy.txt"
    copy.write_bytes(PEACE_TALKS.read_bytes())
    result = run_cli("analyze", str(PEACE_TALKS), str(copy), "--format", "json")
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert isinstance(data, list) and len(data) == 2


def test_analyze_text_report_names_the_title_and_actors() -> None:
    result = run_cli("analyze", str(PEACE_TALKS), "--published", "2025-12-18", "--format", "text")
    assert result.returncode == 0, result.stderr
    report = result.stdout.decode()
    assert "Getting Close" in report
    assert "Actors" in report and "Witkoff" in report


def test_analyze_text_report_shows_each_quotes_confidence() -> None:
    result = run_cli("analyze", str(PEACE_TALKS), "--published", "2025-12-18", "--format", "text")
    report = result.stdout.decode()
    quotes = report[report.index("Quotes") :]
    assert "conf." in quotes and "0.95" in quotes
