"""The extraction scorers against hand-computed values, and layout detection on hand-made folders."""

from __future__ import annotations

import gzip
import json
from collections import Counter
from pathlib import Path

import pytest

from storyline.config import Settings
from storyline.evaluation.extraction import (
    Page,
    evaluate,
    read_pages,
    run_tool,
    shingle_counts,
    shingle_metrics,
    shingles,
    snippet_counts,
    snippet_metrics,
)

PAGE = (
    "<html><head><title>Harbour reopens</title></head><body><nav>Home | World | Sport</nav>"
    "<article><h1>Harbour reopens</h1><p>The old harbour reopened on Monday after two years of repairs, "
    "the port authority said, and the first ferries docked before noon.</p><p>Fishermen welcomed the news "
    "but said the new fees were too high for small boats.</p></article><footer>Copyright 2024</footer>"
    "</body></html>"
)


def test_shingles_are_word_four_grams_and_short_texts_one_shingle() -> None:
    assert shingles("a b, c d e") == Counter({("a", "b", "c", "d"): 1, ("b", "c", "d", "e"): 1})
    assert shingles("only two") == Counter({("only", "two"): 1})
    assert shingles("") == Counter()


def test_shingle_counts_are_normalised_per_page() -> None:
    # gold {abcd, bcde}, predicted {abcd, bcdx}: one shared, one extra, one missing
    assert shingle_counts("a b c d e", "a b c d x") == pytest.approx((1 / 3, 1 / 3, 1 / 3))
    assert shingle_counts("", "") == (0.0, 0.0, 0.0)


def test_shingle_metrics_average_pages_then_take_f1() -> None:
    counts = [
        shingle_counts("a b c d e", "a b c d x"),  # precision 1/2, recall 1/2
        shingle_counts("a b c d e", "a b c d e"),  # perfect
        shingle_counts("a b c d e", ""),  # nothing predicted: no precision, recall 0
    ]
    scores = shingle_metrics(counts)
    assert scores["precision"] == pytest.approx((0.5 + 1) / 2)
    assert scores["recall"] == pytest.approx((0.5 + 1 + 0) / 3)
    assert scores["f1"] == pytest.approx(2 * 0.75 * 0.5 / 1.25)


def test_snippet_counts_match_whitespace_normalised_substrings() -> None:
    counts = snippet_counts(
        "The  harbour\nreopened on Monday. Subscribe now",
        ["harbour reopened", "ferries"],
        ["Subscribe now", "Home |"],
    )
    assert counts == Counter(tp=1, fn=1, fp=1, tn=1)
    assert snippet_counts("", ["x"], ["y"]) == Counter(tp=0, fn=1, fp=0, tn=1)


def test_snippet_metrics_are_micro_averaged() -> None:
    scores = snippet_metrics(Counter(tp=3, fn=1, fp=1, tn=5))
    assert scores["precision"] == pytest.approx(3 / 4)
    assert scores["recall"] == pytest.approx(3 / 4)
    assert scores["f1"] == pytest.approx(6 / 8)
    assert scores["accuracy"] == pytest.approx(8 / 10)


def write_page(folder: Path, name: str, html: str = PAGE) -> None:
    (folder / "html").mkdir(parents=True, exist_ok=True)
    (folder / "html" / name).write_bytes(gzip.compress(html.encode()))


def test_read_pages_recognises_the_articlebody_layout_whatever_the_file_name(tmp_path: Path) -> None:
    write_page(tmp_path, "p1.html.gz")
    gold = {"p1": {"articleBody": "The old harbour reopened.", "url": "https://example.com/a"}}
    (tmp_path / "ground-truth.test.json").write_text(json.dumps(gold))
    layout, pages = read_pages(tmp_path, None)
    assert layout == "shingle"
    assert [(p.id, p.url, p.gold_body) for p in pages] == [
        ("p1", "https://example.com/a", "The old harbour reopened.")
    ]
    assert pages[0].html.startswith(b"<html>")


def test_read_pages_recognises_the_snippet_layout_and_limits(tmp_path: Path) -> None:
    for name in ("a.html.gz", "b.html.gz"):
        write_page(tmp_path, name)
    records = {
        "https://example.com/a": {"file": "html/a.html.gz", "with": ["harbour"], "without": ["Home"]},
        "https://example.com/b": {"file": "html/b.html.gz", "with": ["fees"], "without": []},
    }
    (tmp_path / "evaldata.test.json").write_text(json.dumps(records))
    layout, pages = read_pages(tmp_path, 1)
    assert layout == "snippet"
    assert [(p.id, p.with_snippets, p.without_snippets) for p in pages] == [
        ("https://example.com/a", ["harbour"], ["Home"])
    ]


def test_read_pages_refuses_a_folder_without_ground_truth(tmp_path: Path) -> None:
    (tmp_path / "other.json").write_text('{"x": [1, 2]}')
    with pytest.raises(FileNotFoundError, match="no extraction ground truth"):
        read_pages(tmp_path, None)


def test_run_tool_scores_a_crash_as_empty_output_and_records_why() -> None:
    pages = [Page(id="1", html=b"<p>x</p>", url=None), Page(id="2", html=b"<p>y</p>", url=None)]

    def flaky(html: bytes, url: str | None) -> str:
        if b"y" in html:
            raise RuntimeError("parser exploded")
        return "x"

    run = run_tool(flaky, pages)
    assert run.texts == ["x", ""]
    assert run.failed == {1: "RuntimeError: parser exploded"}


def test_evaluate_scores_ours_and_peers_on_the_same_pages(tmp_path: Path) -> None:
    write_page(tmp_path, "p1.html.gz")
    body = (
        "The old harbour reopened on Monday after two years of repairs, the port authority said, and the "
        "first ferries docked before noon.\n\nFishermen welcomed the news but said the new fees were too "
        "high for small boats."
    )
    (tmp_path / "truth.json").write_text(
        json.dumps({"p1": {"articleBody": body, "url": "https://example.com/h"}})
    )
    report = evaluate(tmp_path, settings=Settings(), limit=None)
    assert report.task == "extraction" and report.n_items == 1
    assert {"f1", "precision", "recall", "accuracy"} <= report.metrics.keys()
    assert "trafilatura" in report.peers and "readability-lxml" in report.peers
    assert report.peers["trafilatura"]["recall"] == pytest.approx(1.0)
    assert report.anchors["trafilatura 2.0.0, all 181 pages"] == {"f1": 0.958}
    assert report.metrics["accepted_pages"] == 1 and "f1_accepted" not in report.metrics


def test_evaluate_also_scores_every_tool_on_the_pages_ours_accepts(tmp_path: Path) -> None:
    write_page(tmp_path, "en.html.gz")
    write_page(tmp_path, "empty.html.gz", "<html><body></body></html>")
    records = {
        "https://example.com/en": {"file": "html/en.html.gz", "with": ["harbour reopened"], "without": []},
        "https://example.com/empty": {"file": "html/empty.html.gz", "with": ["missing text"], "without": []},
    }
    (tmp_path / "snippets.json").write_text(json.dumps(records))
    report = evaluate(tmp_path, settings=Settings(), limit=None)
    assert report.metrics["accepted_pages"] == 1
    # on the accepted page trafilatura finds the one snippet; over both pages it misses the other
    assert report.peers["trafilatura"]["recall_accepted"] == pytest.approx(1.0)
    assert report.peers["trafilatura"]["recall"] == pytest.approx(0.5)
