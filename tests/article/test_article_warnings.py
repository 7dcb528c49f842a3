"""Recovered input says so: one article warning per repair, through the public API and the CLI."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import ROOT
from storyline import analyze
from storyline.config import Settings
from storyline.contract import contract_errors
from storyline.records import Analysis

ARTICLE = (
    "Ceasefire talks resume in Geneva\n\n"
    "The foreign ministers of France and Germany met in Geneva on Monday to prepare a new round of talks. "
    "“We are close to an agreement,” the French minister said after the meeting at a café near the lake.\n"
)
CP1252_WARNING = "decoded as cp1252: not valid UTF-8 and no charset declared"


def _analysed(data: bytes, settings: Settings) -> Analysis:
    analysis = analyze(data, published="2025-12-18", settings=settings)
    assert contract_errors(analysis.to_dict()) == []
    assert analysis.entities, "the analysis should go on after the repair"
    return analysis


def test_clean_utf8_has_no_warnings(settings: Settings) -> None:
    analysis = _analysed(ARTICLE.encode("utf-8"), settings)
    assert analysis.article.warnings == []
    assert analysis.to_dict()["article"]["warnings"] == []


def test_cp1252_bytes_are_read_and_say_their_encoding_was_guessed(settings: Settings) -> None:
    analysis = _analysed(ARTICLE.encode("cp1252"), settings)
    assert analysis.article.warnings == [CP1252_WARNING]
    assert "“We are close to an agreement,”" in analysis.article.text
    assert analysis.to_dict()["article"]["warnings"] == [CP1252_WARNING]


def test_a_stray_invalid_byte_in_utf8_is_replaced_and_counted(settings: Settings) -> None:
    data = ARTICLE.encode("utf-8").replace(b"new round", b"new \x97round")
    analysis = _analysed(data, settings)
    assert analysis.article.warnings == ["replaced 1 invalid UTF-8 byte with U+FFFD"]
    assert "new \ufffdround" in analysis.article.text


def test_cli_prints_the_warning_in_the_report_and_the_json(tmp_path: Path) -> None:
    path = tmp_path / "cp1252.txt"
    path.write_bytes(ARTICLE.encode("cp1252"))
    command = [sys.executable, "-m", "storyline", "analyze", str(path), "--format"]
    report = subprocess.run([*command, "text"], capture_output=True, cwd=ROOT, timeout=300)
    assert report.returncode == 0, report.stderr
    assert f"warning: {CP1252_WARNING}" in report.stdout.decode().splitlines()
    as_json = subprocess.run([*command, "json"], capture_output=True, cwd=ROOT, timeout=300)
    assert as_json.returncode == 0, as_json.stderr
    data = json.loads(as_json.stdout)
    assert contract_errors(data) == []
    assert data["article"]["warnings"] == [CP1252_WARNING]
    assert f"storyline: warning: {path}: {CP1252_WARNING}" in as_json.stderr.decode().splitlines()
