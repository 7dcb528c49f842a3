"""Full-text search over stored articles (SQLite FTS5 or PostgreSQL tsvector) with structured filters."""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Float,
    Select,
    and_,
    bindparam,
    exists,
    func,
    literal,
    literal_column,
    or_,
    select,
    text,
)
from sqlalchemy.engine import Engine

from storyline.store.schema import articles, entities, event_actors, events

WORD = re.compile(r"\w+")


@dataclass(frozen=True, slots=True, kw_only=True)
class SearchQuery:
    text: str = ""
    actor: str | None = None
    """An actor's name or alias (case-insensitive), e.g. ``Russia``."""
    event_type: str | None = None
    """A PLOVER event type, e.g. ``REQUEST``; with ``actor``, an event of this type involving the actor."""
    since: str | None = None
    until: str | None = None
    """Publication dates, ``YYYY-MM-DD``, inclusive."""
    include_duplicates: bool = False
    limit: int = 20


@dataclass(frozen=True, slots=True)
class SearchHit:
    id: int
    title: str | None
    url: str | None
    published: str | None
    site: str | None
    duplicate_of: int | None
    snippet: str
    rank: float

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def search(engine: Engine, query: SearchQuery) -> list[SearchHit]:
    statement = _full_text(engine.dialect.name, query.text)
    for condition in _filters(query):
        statement = statement.where(condition)
    with engine.connect() as connection:
        params = {"q": _query_param(engine, query.text)} if WORD.search(query.text) else {}
        result = connection.execute(statement.limit(query.limit), params)
        return [SearchHit(**{**row._mapping, "rank": float(row.rank)}) for row in result]


def _columns() -> list[Any]:
    return [
        articles.c.id,
        articles.c.title,
        articles.c.url,
        articles.c.published,
        articles.c.site,
        articles.c.duplicate_of,
    ]


def _full_text(dialect: str, words: str) -> Select:
    if not WORD.search(words):
        snippet = func.substr(articles.c.text, 1, 200).label("snippet")
        rank = literal(0.0, Float).label("rank")
        return select(*_columns(), snippet, rank).order_by(articles.c.published_date.desc(), articles.c.id)
    if dialect == "sqlite":
        snippet = literal_column("snippet(articles_fts, 1, '[', ']', '…', 16)").label("snippet")
        rank = literal_column("bm25(articles_fts, 5.0, 1.0)").label("rank")
        return (
            select(*_columns(), snippet, rank)
            .select_from(
                articles.join(text("articles_fts"), literal_column("articles_fts.rowid") == articles.c.id)
            )
            .where(text("articles_fts MATCH :q"))
            .order_by(literal_column("rank"))
        )
    tsquery = func.websearch_to_tsquery("english", bindparam("q"))
    vector = literal_column("articles.search_vector")
    options = "StartSel=[, StopSel=], MaxWords=24, MinWords=8, MaxFragments=1"
    snippet = func.ts_headline("english", articles.c.text, tsquery, options).label("snippet")
    rank = (-func.ts_rank(vector, tsquery)).label("rank")
    return select(*_columns(), snippet, rank).where(vector.op("@@")(tsquery)).order_by(literal_column("rank"))


def _query_param(engine: Engine, words: str) -> str:
    """FTS5 reads its own query language: quote every word so user input is never parsed as syntax."""
    if engine.dialect.name == "sqlite":
        return " ".join(f'"{word}"' for word in WORD.findall(words))
    return words


def _filters(query: SearchQuery) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if not query.include_duplicates:
        conditions.append(articles.c.duplicate_of.is_(None))
    if query.since:
        conditions.append(articles.c.published_date >= query.since)
    if query.until:
        conditions.append(articles.c.published_date <= query.until)
    if query.actor and query.event_type:
        conditions.append(_event_with_actor(query.actor, query.event_type.upper()))
    elif query.actor:
        conditions.append(exists().where(entities.c.article_id == articles.c.id, _is_actor(query.actor)))
    elif query.event_type:
        conditions.append(
            exists().where(events.c.article_id == articles.c.id, events.c.type == query.event_type.upper())
        )
    return conditions


def _is_actor(actor: str) -> ColumnElement[bool]:
    name = actor.casefold()
    return or_(entities.c.name_norm == name, entities.c.aliases.contains(f'"{name}"', autoescape=True))


def _event_with_actor(actor: str, event_type: str) -> ColumnElement[bool]:
    return exists().where(
        and_(
            events.c.article_id == articles.c.id,
            events.c.type == event_type,
            event_actors.c.event_id == events.c.id,
            entities.c.id == event_actors.c.entity_id,
            _is_actor(actor),
        )
    )
