"""The store on both backends: schema, one-transaction writes, dedup links, failures."""

from __future__ import annotations

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import select, text
from sqlalchemy.exc import IntegrityError

from storyline.records import Entity
from storyline.store.database import current_revision, head_revision, migrate
from storyline.store.repository import Input, Store
from storyline.store.schema import (
    articles,
    entities,
    event_actors,
    events,
    fetches,
    mentions,
    metadata,
    quotes,
)

pytest_plugins = ["store_fixtures"]  # the fixtures these tests share

REPORT = (
    'Russia demanded security guarantees from Ukraine on Tuesday. "We will not wait forever," an envoy said. '
    "Talks resume next week in Geneva after a pause of several months, officials from both sides confirmed. "
    "Diplomats expect the first round to focus on prisoner exchanges, energy infrastructure and the safety "
    "of shipping in the Black Sea, with a wider settlement left for later meetings."
)
SYNDICATED = "GENEVA, Dec 16 (Wire) - " + REPORT


def test_migrations_build_the_declared_schema(store: Store) -> None:
    def ours(name, type_, *_args) -> bool:  # noqa: ANN001
        return not (name or "").startswith("articles_fts") and name not in {
            "search_vector",
            "ix_articles_search_vector",
            "alembic_version",
        }

    with store.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"include_name": ours})
        assert compare_metadata(context, metadata) == []
    assert current_revision(store.engine) == head_revision()


def test_migrate_twice_is_a_no_op(store: Store) -> None:
    assert migrate(store.engine) == head_revision()
    assert store.count() == 0


def test_record_analysis_stores_article_rows_with_offsets(store: Store, analysis_of) -> None:  # noqa: ANN001
    analysis = analysis_of(REPORT, url="https://news.example/a")
    outcome = store.record_analysis(Input("k1", "file"), analysis)
    assert outcome.status == "stored"
    with store.engine.connect() as connection:
        stored_text = connection.scalar(select(articles.c.text))
        for row in connection.execute(select(mentions)).mappings():
            assert stored_text[row["start"] : row["end"]] == row["text"]
            assert row["article_id"] == outcome.article_id
        quote = connection.execute(select(quotes)).mappings().one()
        event = connection.execute(select(events)).mappings().one()
        roles = connection.execute(
            select(entities.c.name, event_actors.c.role).join(
                entities, entities.c.id == event_actors.c.entity_id
            )
        ).all()
    assert stored_text[quote["start"] : quote["end"]] == quote["text"]
    assert (event["type"], event["date"], event["date_basis"]) == ("REQUEST", "2025-12-16", "time")
    assert sorted(roles) == [("Russia", "source"), ("Ukraine", "target")]
    assert store.analysis(outcome.article_id).to_dict() == analysis.to_dict()


def test_article_warnings_are_kept_with_the_analysis(store: Store, analysis_of) -> None:  # noqa: ANN001
    analysis = analysis_of(REPORT)
    analysis.article.warnings = ["decoded as cp1252: not valid UTF-8 and no charset declared"]
    outcome = store.record_analysis(Input("k1", "file"), analysis)
    assert store.analysis(outcome.article_id).article.warnings == analysis.article.warnings


def test_record_analysis_of_the_same_article_twice_adds_nothing(store: Store, analysis_of) -> None:  # noqa: ANN001
    first = store.record_analysis(Input("k1", "file"), analysis_of(REPORT, url="https://news.example/a"))
    again = store.record_analysis(Input("k2", "file"), analysis_of(REPORT, url="https://NEWS.example/a/#top"))
    assert (again.status, again.article_id) == ("unchanged", first.article_id)
    assert store.count() == 1
    assert store.count("entities") == 2


def test_same_text_at_two_urls_is_one_canonical_and_one_duplicate(store: Store, analysis_of) -> None:  # noqa: ANN001
    first = store.record_analysis(Input("k1", "page"), analysis_of(REPORT, url="https://a.example/story"))
    copy = store.record_analysis(Input("k2", "page"), analysis_of(REPORT, url="https://b.example/wire/story"))
    assert copy.status == "duplicate"
    with store.engine.connect() as connection:
        row = connection.execute(select(articles).where(articles.c.id == copy.article_id)).mappings().one()
    assert (row["duplicate_of"], row["duplicate_kind"]) == (first.article_id, "exact")


def test_near_copy_is_linked_to_its_canonical_across_reopen(db_url: str, analysis_of) -> None:  # noqa: ANN001
    with Store.open(db_url) as store:
        first = store.record_analysis(Input("k1", "page"), analysis_of(REPORT, url="https://a.example/1"))
    with Store.open(db_url) as reopened:
        copy = reopened.record_analysis(
            Input("k2", "page"), analysis_of(SYNDICATED, url="https://b.example/2")
        )
        other = reopened.record_analysis(
            Input("k3", "page"), analysis_of("Ukraine reported heavy rain and floods in the west on Tuesday.")
        )
        with reopened.engine.connect() as connection:
            row = (
                connection.execute(select(articles).where(articles.c.id == copy.article_id)).mappings().one()
            )
    assert (copy.status, copy.duplicate_of, row["duplicate_kind"]) == ("duplicate", first.article_id, "near")
    assert 0.8 <= row["similarity"] < 1.0
    assert other.status == "stored"


def test_a_failed_write_leaves_no_partial_rows(store: Store, analysis_of) -> None:  # noqa: ANN001
    analysis = analysis_of(REPORT)
    analysis.entities.append(Entity(id="e9", name="Kremlin", type=None))  # type: ignore[arg-type]
    with pytest.raises(IntegrityError):
        store.record_analysis(Input("k1", "file"), analysis)
    assert [store.count(name) for name in ("articles", "entities", "mentions", "fetches")] == [0, 0, 0, 0]


def test_failures_are_recorded_with_reasons_and_listed_for_retry(store: Store, analysis_of) -> None:  # noqa: ANN001
    store.record_failure(Input("https://x.example/a", "page", url="https://x.example/a"), "HTTP 500")
    store.record_failure(Input("/data/b.txt", "file"), "skipped: language de", skipped=True)
    assert [item.key for item in store.failed_inputs()] == ["https://x.example/a"]
    store.record_analysis(Input("https://x.example/a", "page"), analysis_of(REPORT))
    assert store.failed_inputs() == []
    with store.engine.connect() as connection:
        assert (
            connection.scalar(select(fetches.c.attempts).where(fetches.c.key == "https://x.example/a")) == 2
        )


def test_events_by_source_actor_and_month_is_one_indexed_query(store: Store, analysis_of) -> None:  # noqa: ANN001
    store.record_analysis(Input("k1", "file"), analysis_of(REPORT))
    query = (
        select(events.c.id, events.c.type, events.c.evidence_text)
        .join(event_actors, event_actors.c.event_id == events.c.id)
        .join(entities, entities.c.id == event_actors.c.entity_id)
        .where(
            entities.c.name_norm == "russia",
            event_actors.c.role == "source",
            events.c.date.between("2025-12-01", "2025-12-31"),
        )
    )
    with store.engine.connect() as connection:
        assert [row.type for row in connection.execute(query)] == ["REQUEST"]
        if store.backend == "sqlite":
            compiled = query.compile(connection, compile_kwargs={"literal_binds": True})
            plan = " ".join(
                str(row[-1]) for row in connection.execute(text(f"EXPLAIN QUERY PLAN {compiled}"))
            )
            assert "SCAN" not in plan.replace("COVERING INDEX", ""), plan
