"""What the store holds: totals, counts per source, day and event type, and why inputs failed."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.engine import Connection, Engine

from storyline.store.schema import articles, entities, events, fetches, positions, quotes, sources, times


def store_stats(engine: Engine, *, top: int = 20) -> dict[str, Any]:
    with engine.connect() as connection:
        return {
            "totals": _totals(connection),
            "by_source": _pairs(connection, _by_source()),
            "by_day": _pairs(connection, _by_day(top)),
            "by_event_type": _pairs(connection, _grouped(events.c.type, top)),
            "fetches": _pairs(connection, _grouped(fetches.c.status, top)),
            "failures": _pairs(connection, _failures(top)),
        }


def _totals(connection: Connection) -> dict[str, int]:
    counts = {
        name: connection.scalar(select(func.count()).select_from(table)) or 0
        for name, table in (
            ("articles", articles),
            ("entities", entities),
            ("quotes", quotes),
            ("times", times),
            ("events", events),
            ("positions", positions),
            ("sources", sources),
        )
    }
    counts["duplicates"] = (
        connection.scalar(select(func.count()).where(articles.c.duplicate_of.is_not(None))) or 0
    )
    counts["failed"] = connection.scalar(select(func.count()).where(fetches.c.status == "failed")) or 0
    return counts


def _pairs(connection: Connection, query: Select) -> list[dict[str, Any]]:
    return [{"key": row[0], "count": row[1]} for row in connection.execute(query)]


def _grouped(column: Any, top: int) -> Select:
    count = func.count().label("n")
    return select(column, count).group_by(column).order_by(count.desc(), column).limit(top)


def _by_source() -> Select:
    name = func.coalesce(sources.c.name, "(none)")
    count = func.count(articles.c.id).label("n")
    joined = articles.outerjoin(sources, sources.c.id == articles.c.source_id)
    return select(name, count).select_from(joined).group_by(name).order_by(count.desc(), name)


def _by_day(top: int) -> Select:
    day = articles.c.published_date
    return select(day, func.count()).group_by(day).order_by(day.desc().nulls_last()).limit(top)


def _failures(top: int) -> Select:
    count = func.count().label("n")
    where = fetches.c.status.in_(("failed", "skipped"))
    reason = func.coalesce(fetches.c.reason, "(no reason)")
    return select(reason, count).where(where).group_by(reason).order_by(count.desc(), reason).limit(top)
