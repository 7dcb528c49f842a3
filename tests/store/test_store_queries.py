"""Search, stats and exports on both backends, over a few hand-written articles."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from storyline.contract import contract_errors
from storyline.store.export import export_tables
from storyline.store.repository import Input, Store
from storyline.store.schema import EXPORT_TABLES
from storyline.store.search import SearchQuery, search
from storyline.store.stats import store_stats

pytest_plugins = ["store_fixtures"]  # the fixtures these tests share

TALKS = 'Russia demanded security guarantees from Ukraine on Tuesday. "We need guarantees," an envoy said.'
WEATHER = "Heavy rain flooded roads in western Ukraine, and forecasters expect more storms this week."
TRADE = "Donald Trump said tariffs on steel would rise, a move Russia criticised as protectionism."


@pytest.fixture
def filled(store: Store, analysis_of) -> Store:  # noqa: ANN001
    source = store.source_id("/data/news.jsonl", "files")
    for key, body, day, url in (
        ("k1", TALKS, "2025-12-16", "https://a.example/talks"),
        ("k2", WEATHER, "2025-11-02", "https://a.example/weather"),
        ("k3", TRADE, "2025-12-20", "https://b.example/trade"),
        ("k4", TALKS, "2025-12-16", "https://c.example/copy-of-talks"),
    ):
        store.record_analysis(
            Input(key, "file", source), analysis_of(body, title=f"On {key}", published=day, url=url)
        )
    store.record_failure(Input("k5", "file", source), "empty input")
    return store


def _ids(store: Store, **query) -> list[int]:  # noqa: ANN003
    return [hit.id for hit in search(store.engine, SearchQuery(**query))]


def test_search_finds_words_with_stems_and_marks_the_snippet(filled: Store) -> None:
    hits = search(filled.engine, SearchQuery(text="security guarantee"))
    assert [hit.id for hit in hits] == [1]
    assert "[security]" in hits[0].snippet


def test_search_filters_by_actor_type_and_date(filled: Store) -> None:
    assert _ids(filled, actor="russia") == [3, 1]
    assert _ids(filled, actor="Russia", event_type="request") == [1]
    assert _ids(filled, text="Ukraine", since="2025-12-01") == [1]
    assert _ids(filled, text="Ukraine", until="2025-11-30") == [2]
    assert _ids(filled, text="tariffs", actor="Ukraine") == []
    assert _ids(filled, event_type="request") == [1]


def test_search_leaves_duplicates_out_unless_asked(filled: Store) -> None:
    assert _ids(filled, text="guarantees") == [1]
    assert sorted(_ids(filled, text="guarantees", include_duplicates=True)) == [1, 4]


def test_search_treats_query_syntax_as_words(filled: Store) -> None:
    assert _ids(filled, text='guarantees" OR NEAR(') == []
    assert _ids(filled, text="forecasters AND storms") == [2]


def test_stats_count_sources_days_types_and_failure_reasons(filled: Store) -> None:
    figures = store_stats(filled.engine)
    assert figures["totals"]["articles"] == 4
    assert figures["totals"]["duplicates"] == 1
    assert figures["totals"]["failed"] == 1
    assert figures["by_source"] == [{"key": "/data/news.jsonl", "count": 4}]
    assert figures["by_day"][0] == {"key": "2025-12-20", "count": 1}
    assert {"key": "REQUEST", "count": 2} in figures["by_event_type"]
    assert figures["failures"] == [{"key": "empty input", "count": 1}]


def test_export_writes_one_file_per_table_in_each_format(filled: Store, tmp_path: Path) -> None:
    for fmt in ("jsonl", "csv", "parquet"):
        written = export_tables(filled.engine, tmp_path / fmt, fmt)
        assert set(written) == set(EXPORT_TABLES)
        assert written["articles"] == 4
        assert all((tmp_path / fmt / f"{name}.{fmt}").exists() for name in EXPORT_TABLES)
    with (tmp_path / "csv" / "articles.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0])[:6] == ["id", "url", "title", "published", "source", "duplicate_of"]
    assert (rows[3]["duplicate_of"], rows[3]["source"]) == ("1", "/data/news.jsonl")
    table = pq.read_table(tmp_path / "parquet" / "articles.parquet").to_pylist()
    assert [row["duplicate_of"] for row in table] == [None, None, None, 1]


def test_export_jsonl_articles_carry_the_analysis_contract(filled: Store, tmp_path: Path) -> None:
    export_tables(filled.engine, tmp_path, "jsonl", ["articles", "events"])
    lines = [
        json.loads(line) for line in (tmp_path / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert [line["id"] for line in lines] == [1, 2, 3, 4]
    assert lines[0]["analysis"]["article"]["text"] == TALKS
    assert all(contract_errors(line["analysis"]) == [] for line in lines)
    events = [
        json.loads(line) for line in (tmp_path / "events.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert [(event["article_id"], event["trigger_text"]) for event in events] == [
        (1, "demanded"),
        (4, "demanded"),
    ]


def test_sqlite_store_has_the_fts_layout_datasette_detects(tmp_path: Path) -> None:
    # Datasette's detect_fts(): a virtual FTS table whose content= names the table.
    detect = (
        "SELECT name FROM sqlite_master WHERE rootpage = 0 AND sql LIKE "
        "'%VIRTUAL TABLE%USING FTS%content=\"articles\"%'"
    )
    with Store.open(str(tmp_path / "datasette.db")) as store, store.engine.connect() as connection:
        assert connection.exec_driver_sql(detect).scalars().all() == ["articles_fts"]
