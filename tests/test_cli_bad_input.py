"""``storyline analyze`` with one good input among bad ones: one stderr line per bad input, exit status 1."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

EXAMPLE_TITLE = "Trump Says Ukraine Peace Talks ‘Getting Close’ Ahead of US–Russia Meeting"
FIFTY_MB = 50_000_000


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory, shared: Path) -> dict[str, tuple[Path, str]]:
    """Each bad input with the reason the CLI must give for it, plus the good example article."""
    folder = tmp_path_factory.mktemp("inputs")
    good = folder / "good.txt"
    good.write_bytes((shared / "examples" / "peace-talks.txt").read_bytes())
    (folder / "empty.txt").write_bytes(b"")
    (folder / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40)
    (folder / "invalid-utf8.txt").write_bytes(b"Caf\xc3\x28 \xa0\xa1\xe2\x28\xa1\xf0\x28\x8c\xbc")
    line = b"The committee met again on Tuesday and adjourned without a vote.\n"
    (folder / "huge.txt").write_bytes(line * (FIFTY_MB // len(line) + 1))
    (folder / "truncated.html").write_text(
        "<!DOCTYPE html><html><head><title>Storm</title></head><body><nav><a href='/'>Home</a></nav><div cl"
    )
    (folder / "empty-dir").mkdir()
    return {
        "good": (good, ""),
        "empty": (folder / "empty.txt", "empty input"),
        "binary": (folder / "binary.txt", "binary content, not text"),
        "invalid": (folder / "invalid-utf8.txt", "undecodable: not valid UTF-8"),
        "huge": (folder / "huge.txt", "too large: 50.0 MB, limit 20 MB"),
        "truncated": (folder / "truncated.html", "no article text found"),
        "missing": (folder / "missing.txt", "no such file or directory"),
        "empty-dir": (folder / "empty-dir", "directory holds no"),
    }


@pytest.fixture(scope="module")
def run(inputs: dict[str, tuple[Path, str]]) -> subprocess.CompletedProcess[str]:
    storyline = Path(sys.executable).parent / "storyline"
    assert storyline.exists(), f"the storyline console script is not installed next to {sys.executable}"
    paths = [str(path) for path, _ in inputs.values()]
    return subprocess.run(
        [str(storyline), "analyze", *paths, "--format", "json"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_analyze_bad_inputs_exit_with_status_1(run: subprocess.CompletedProcess[str]) -> None:
    assert run.returncode == 1, run.stderr


def test_analyze_bad_inputs_still_print_the_good_article(run: subprocess.CompletedProcess[str]) -> None:
    result = json.loads(run.stdout)
    assert result["article"]["title"] == EXAMPLE_TITLE
    assert result["article"]["source"].endswith("good.txt")


def test_analyze_bad_inputs_get_one_stderr_line_each(
    run: subprocess.CompletedProcess[str], inputs: dict[str, tuple[Path, str]]
) -> None:
    lines = run.stderr.splitlines()
    bad = {name: item for name, item in inputs.items() if name != "good"}
    assert len(lines) == len(bad), run.stderr
    for name, (path, reason) in bad.items():
        matching = [line for line in lines if f"{path}: " in line]
        assert len(matching) == 1, (name, run.stderr)
        assert reason in matching[0], (name, matching[0])
