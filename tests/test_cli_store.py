"""``storyline init / ingest / search / stats / export`` as a user runs them, on a real SQLite file."""

from __future__ import annotations

import json
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from conftest import EXAMPLES
from storyline.cli import app

runner = CliRunner()


def storyline(db: Path, *args: str):  # noqa: ANN201
    return runner.invoke(app, [*args, "--db", str(db)], env={"COLUMNS": "200"})


@pytest.fixture
def articles_dir(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    lines = (EXAMPLES / "voa-2019-2024.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    (folder / "voa.jsonl").write_text("".join(lines[:2]), encoding="utf-8")
    (folder / "empty.txt").write_text("   \n", encoding="utf-8")
    return folder


@pytest.mark.slow
def test_cli_ingest_then_search_stats_and_export(tmp_path: Path, articles_dir: Path) -> None:
    db = tmp_path / "cli.db"
    assert "store ready" in storyline(db, "init").stdout
    first = storyline(db, "ingest", str(articles_dir))
    assert first.exit_code == 1  # the empty file failed; the two records went in
    assert "ingested: 2 stored" in first.stdout
    assert "empty.txt" in first.stderr
    again = storyline(db, "ingest", str(articles_dir))
    assert "0 stored, 0 duplicates, 0 unchanged, 3 already done" in again.stdout

    stats = json.loads(storyline(db, "stats", "--format", "json").stdout)
    assert stats["totals"]["articles"] == 2
    assert stats["failures"][0]["count"] == 1
    assert "Failures and skips by reason" in storyline(db, "stats").stdout

    hits = json.loads(storyline(db, "search", "Turkey", "--format", "json").stdout)
    assert hits and hits[0]["url"].startswith("https://www.voanews.com/")
    assert "no articles match" in storyline(db, "search", "zzzyzzx").stdout

    exported = storyline(db, "export", str(tmp_path / "out"), "--format", "parquet", "--table", "articles")
    assert exported.exit_code == 0, exported.stdout
    table = pq.read_table(tmp_path / "out" / "articles.parquet")
    assert table.column_names[:6] == ["id", "url", "title", "published", "source", "duplicate_of"]
    assert table.num_rows == 2


def test_cli_ingest_without_inputs_or_with_a_bad_table_says_what_to_do(tmp_path: Path) -> None:
    db = tmp_path / "cli.db"
    nothing = storyline(db, "ingest")
    assert nothing.exit_code == 2
    assert "nothing to ingest" in nothing.stderr
    bad = storyline(db, "export", str(tmp_path / "out"), "--table", "nonsense")
    assert bad.exit_code == 2
    assert "unknown table nonsense" in bad.stderr


def test_cli_ingest_urls_needs_allow_private_for_a_local_server(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    (site / "story.html").write_text(
        "<html><head><title>Port reopens</title></head><body><article><p>The port reopened on Monday after "
        "repairs, officials said, and the first ships docked by the afternoon.</p></article></body></html>",
        encoding="utf-8",
    )
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(SimpleHTTPRequestHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        urls = tmp_path / "urls.txt"
        urls.write_text(f"http://127.0.0.1:{server.server_address[1]}/story.html\n", encoding="utf-8")
        db = tmp_path / "cli.db"
        refused = storyline(db, "ingest", "--urls", str(urls))
        assert refused.exit_code == 1
        assert "non-public address 127.0.0.1" in refused.stderr
        allowed = storyline(db, "ingest", "--urls", str(urls), "--allow-private", "--retry-failed")
        assert allowed.exit_code == 0, allowed.stderr
        assert "1 stored" in allowed.stdout
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.slow
def test_cli_bench_ingest_reports_every_measure(shared: Path) -> None:
    result = runner.invoke(
        app,
        [
            "bench-ingest",
            "--articles",
            "20",
            "--analysed",
            "2",
            "--format",
            "json",
            "--data",
            str(shared / "eval"),
        ],
    )
    assert result.exit_code == 0, result.stderr
    metrics = json.loads(result.stdout)["metrics"]
    assert metrics["articles"] == 20
    rates = (
        "ingest_jsonl_no_analysis_articles_per_s",
        "ingest_warc_no_analysis_articles_per_s",
        "search_p95_ms",
    )
    assert all(metrics[name] > 0 for name in rates)
    # a share of two timings: how large it is on a busy machine is the benchmark's report, not a test's
    share = metrics["store_ms_per_article_with_analysis"] / metrics["analysis_ms_per_article"]
    assert metrics["store_and_dedup_share_of_analysis"] == pytest.approx(share, rel=0.01, abs=1e-3)
