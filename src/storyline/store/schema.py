"""The store's tables (SQLAlchemy Core): the current schema, which the Alembic migrations build.

Every extracted row keeps its ``article_id`` and the ``start``/``end`` offsets of its evidence in
``articles.text``; ids inside one analysis (``e1``, ``q1`` …) are kept as ``*_key`` columns. Dates are ISO
strings (``published_date``/``date`` are ``YYYY-MM-DD``) so they sort and compare the same on both backends.
``tests/store`` checks that the migrations produce exactly these tables.
"""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)

metadata = MetaData()


def _id() -> Column:
    return Column("id", Integer, primary_key=True, autoincrement=True)


def _article_id() -> Column:
    return Column(
        "article_id", Integer, ForeignKey("articles.id", ondelete="CASCADE"), nullable=False, index=True
    )


def _span(prefix: str, *, nullable: bool = False) -> list[Column]:
    return [
        Column(f"{prefix}text", Text, nullable=nullable),
        Column(f"{prefix}start", Integer, nullable=nullable),
        Column(f"{prefix}end", Integer, nullable=nullable),
    ]


sources = Table(
    "sources",
    metadata,
    _id(),
    Column("name", Text, nullable=False, unique=True, comment="path, feed URL, sitemap URL or 'urls'"),
    Column("kind", Text, nullable=False, comment="files, feed, sitemap, urls, warc"),
    Column("etag", Text),
    Column("last_modified", Text),
    Column("checked_at", Text),
    Column("created_at", Text, nullable=False),
)

fetches = Table(
    "fetches",
    metadata,
    _id(),
    Column("key", Text, nullable=False, unique=True, comment="one input: a URL, path#record or path@offset"),
    Column("kind", Text, nullable=False),
    Column("source_id", Integer, ForeignKey("sources.id"), index=True),
    Column("url", Text),
    Column(
        "status",
        Text,
        nullable=False,
        index=True,
        comment="stored, duplicate, unchanged, failed, skipped, fetched",
    ),
    Column("reason", Text),
    Column("attempts", Integer, nullable=False, default=1),
    Column("article_id", Integer, ForeignKey("articles.id", ondelete="SET NULL"), index=True),
    Column("first_seen", Text, nullable=False),
    Column("updated_at", Text, nullable=False),
)

articles = Table(
    "articles",
    metadata,
    _id(),
    Column("identity", String(64), nullable=False, unique=True, comment="sha256 of normalised URL + content"),
    Column("analysis_id", Text, nullable=False, comment="article.id in the analysis JSON"),
    Column("url", Text),
    Column("url_normalized", Text, index=True),
    Column("canonical_url", Text),
    Column("site", Text, index=True),
    Column("title", Text),
    Column("subtitle", Text),
    Column("author", Text),
    Column("published", Text),
    Column("published_date", String(10), index=True),
    Column("fetched", Text),
    Column("language", Text),
    Column("source_id", Integer, ForeignKey("sources.id"), index=True),
    Column("text", Text, nullable=False),
    Column("content_hash", String(64), nullable=False, index=True),
    Column("duplicate_of", Integer, ForeignKey("articles.id"), index=True),
    Column("duplicate_kind", Text, comment="exact or near"),
    Column("similarity", Float),
    Column("minhash", LargeBinary),
    Column("schema_version", Text, nullable=False),
    Column("analysis", Text, nullable=False, comment="the analysis JSON without article.text"),
    Column("ingested_at", Text, nullable=False),
)

entities = Table(
    "entities",
    metadata,
    _id(),
    _article_id(),
    Column("entity_key", Text, nullable=False),
    Column("name", Text, nullable=False),
    Column("name_norm", Text, nullable=False, index=True),
    Column("type", Text, nullable=False, index=True),
    Column("country", Text, index=True),
    Column("latitude", Float),
    Column("longitude", Float),
    Column("roles", Text, comment="JSON list"),
    Column("aliases", Text, comment="JSON list"),
    Column("mention_count", Integer, nullable=False),
)

mentions = Table(
    "mentions",
    metadata,
    _id(),
    _article_id(),
    Column("entity_id", Integer, ForeignKey("entities.id", ondelete="CASCADE"), nullable=False, index=True),
    *_span(""),
)

quotes = Table(
    "quotes",
    metadata,
    _id(),
    _article_id(),
    Column("quote_key", Text, nullable=False),
    Column("kind", Text, nullable=False),
    *_span(""),
    Column("speaker_id", Integer, ForeignKey("entities.id", ondelete="SET NULL"), index=True),
    Column("speaker_name", Text),
    *_span("cue_", nullable=True),
    Column("confidence", Float),
)

times = Table(
    "times",
    metadata,
    _id(),
    _article_id(),
    Column("time_key", Text, nullable=False),
    *_span(""),
    Column("type", Text, nullable=False),
    Column("value", Text, index=True),
    Column("mod", Text),
    Column("anchored", Boolean),
    Column("range_start", Text),
    Column("range_end", Text),
)

events = Table(
    "events",
    metadata,
    _id(),
    _article_id(),
    Column("event_key", Text, nullable=False),
    Column("type", Text, nullable=False),
    Column("status", Text, nullable=False),
    Column("mode", Text),
    *_span("trigger_"),
    *_span("evidence_"),
    Column("location_id", Integer, ForeignKey("entities.id", ondelete="SET NULL")),
    Column("time_id", Integer, ForeignKey("times.id", ondelete="SET NULL")),
    Column("date", String(10), comment="the event's resolved date, else the article's publication date"),
    Column("date_basis", Text, comment="time or published"),
    Column("confidence", Float),
    Index("ix_events_type_date", "type", "date"),
    Index("ix_events_date", "date"),
)

event_actors = Table(
    "event_actors",
    metadata,
    _id(),
    _article_id(),
    Column("event_id", Integer, ForeignKey("events.id", ondelete="CASCADE"), nullable=False, index=True),
    Column("entity_id", Integer, ForeignKey("entities.id", ondelete="CASCADE"), nullable=False),
    Column("role", Text, nullable=False, comment="source or target"),
    Index("ix_event_actors_entity_role", "entity_id", "role"),
)

positions = Table(
    "positions",
    metadata,
    _id(),
    _article_id(),
    Column("position_key", Text, nullable=False),
    Column("holder_id", Integer, ForeignKey("entities.id", ondelete="SET NULL"), index=True),
    Column("stance", Text, nullable=False, index=True),
    *_span("issue_"),
    *_span("evidence_"),
    *_span("condition_", nullable=True),
    Column("confidence", Float),
)

EXPORT_TABLES = ("articles", "entities", "mentions", "quotes", "times", "events", "event_actors", "positions")
