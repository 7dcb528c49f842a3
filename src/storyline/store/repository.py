"""Writing analyses and the ingestion ledger: one article and all its rows in one transaction."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from datasketch import MinHash
from sqlalchemy import func, insert, select, update
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import IntegrityError

from storyline.records import Analysis
from storyline.store import rows
from storyline.store.database import create_store_engine, migrate
from storyline.store.schema import (
    articles,
    entities,
    event_actors,
    events,
    fetches,
    mentions,
    positions,
    quotes,
    sources,
    times,
)
from storyline.stories.dedup import (
    DEFAULT_THRESHOLD,
    NearDuplicateIndex,
    content_hash,
    minhash_of,
    normalize_url,
    signature_bytes,
    signature_from_bytes,
)

DONE_STATUSES = ("stored", "duplicate", "unchanged", "skipped")


def utc_now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@dataclass(frozen=True, slots=True)
class Input:
    """One unit of ingestion as the ledger knows it."""

    key: str
    kind: str
    source_id: int | None = None
    url: str | None = None
    fetched: str | None = None


@dataclass(frozen=True, slots=True)
class Outcome:
    status: str
    """``stored`` (new canonical article), ``duplicate`` (new row linked to its canonical),
    ``unchanged`` (this exact article was stored before), ``failed`` or ``skipped``; ``fetched`` for a
    feed or sitemap that was read."""
    article_id: int | None = None
    duplicate_of: int | None = None
    reason: str | None = None


class Store:
    """The store behind one database URL; opening it brings the schema up to date."""

    def __init__(self, engine: Engine, *, near_threshold: float = DEFAULT_THRESHOLD) -> None:
        self.engine = engine
        self.near_threshold = near_threshold
        self._near_index: NearDuplicateIndex | None = None

    @classmethod
    def open(cls, db: str, *, near_threshold: float = DEFAULT_THRESHOLD) -> Store:
        engine = create_store_engine(db)
        migrate(engine)
        return cls(engine, near_threshold=near_threshold)

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    @property
    def backend(self) -> str:
        return self.engine.dialect.name

    # --- sources and the ledger -------------------------------------------------------------------------

    def source_id(self, name: str, kind: str) -> int:
        with self.engine.begin() as connection:
            found = connection.scalar(select(sources.c.id).where(sources.c.name == name))
            if found is not None:
                return found
            values = {"name": name, "kind": kind, "created_at": utc_now()}
            return connection.execute(insert(sources).values(values).returning(sources.c.id)).scalar_one()

    def source_validators(self, source_id: int) -> tuple[str | None, str | None]:
        """The ETag and Last-Modified a source's last successful fetch returned."""
        with self.engine.connect() as connection:
            row = connection.execute(
                select(sources.c.etag, sources.c.last_modified).where(sources.c.id == source_id)
            ).one()
        return row.etag, row.last_modified

    def save_source_validators(self, source_id: int, etag: str | None, last_modified: str | None) -> None:
        values = {"etag": etag, "last_modified": last_modified, "checked_at": utc_now()}
        with self.engine.begin() as connection:
            connection.execute(update(sources).where(sources.c.id == source_id).values(values))

    def statuses(self, keys: Iterable[str]) -> dict[str, str]:
        """The ledger status of each key that has one."""
        wanted = list(keys)
        found: dict[str, str] = {}
        with self.engine.connect() as connection:
            for start in range(0, len(wanted), 500):
                chunk = wanted[start : start + 500]
                query = select(fetches.c.key, fetches.c.status).where(fetches.c.key.in_(chunk))
                found.update({row.key: row.status for row in connection.execute(query)})
        return found

    def failed_inputs(self) -> list[Input]:
        query = select(fetches.c.key, fetches.c.kind, fetches.c.source_id, fetches.c.url).where(
            fetches.c.status == "failed"
        )
        with self.engine.connect() as connection:
            return [
                Input(r.key, r.kind, r.source_id, r.url)
                for r in connection.execute(query.order_by(fetches.c.id))
            ]

    def record_fetched(self, item: Input) -> None:
        """A feed or sitemap was read (its pages have their own entries): clears an earlier failure."""
        with self.engine.begin() as connection:
            _save_ledger(connection, item, Outcome("fetched"))

    def record_failure(self, item: Input, reason: str, *, skipped: bool = False) -> Outcome:
        outcome = Outcome("skipped" if skipped else "failed", reason=reason)
        with self.engine.begin() as connection:
            _save_ledger(connection, item, outcome)
        return outcome

    # --- articles ---------------------------------------------------------------------------------------

    def record_analysis(self, item: Input, analysis: Analysis) -> Outcome:
        """Store one analysis with its rows and its ledger entry in a single transaction.

        The same URL with the same text is stored once; the same text elsewhere, or a near copy of an
        article already stored, becomes a new row pointing at its canonical article.
        """
        fingerprint = _Fingerprint.of(item.url or analysis.article.url, analysis.article.text)
        try:
            outcome = self._write(item, analysis, fingerprint)
        except IntegrityError:
            # Another process stored the same article between our check and our insert: it is there now.
            outcome = self._write(item, analysis, fingerprint)
        if outcome.status == "stored":
            self.near_index().add(outcome.article_id, fingerprint.signature)
        return outcome

    def _write(self, item: Input, analysis: Analysis, fingerprint: _Fingerprint) -> Outcome:
        near_index = self.near_index()
        with self.engine.begin() as connection:
            existing = connection.scalar(
                select(articles.c.id).where(articles.c.identity == fingerprint.identity)
            )
            if existing is not None:
                outcome = Outcome("unchanged", existing)
            else:
                duplicate_of, kind, similarity = _canonical(connection, fingerprint, near_index)
                values = _article_values(item, analysis, fingerprint)
                values |= {"duplicate_of": duplicate_of, "duplicate_kind": kind, "similarity": similarity}
                statement = insert(articles).values(values).returning(articles.c.id)
                article_id = connection.execute(statement).scalar_one()
                _insert_rows(connection, article_id, analysis, values["published_date"])
                outcome = Outcome("duplicate" if duplicate_of else "stored", article_id, duplicate_of)
            _save_ledger(connection, item, outcome)
        return outcome

    def near_index(self) -> NearDuplicateIndex:
        """The LSH index of canonical articles, built from their stored signatures on first use."""
        if self._near_index is None:
            index = NearDuplicateIndex(self.near_threshold)
            query = select(articles.c.id, articles.c.minhash).where(
                articles.c.duplicate_of.is_(None), articles.c.minhash.is_not(None)
            )
            with self.engine.connect() as connection:
                for row in connection.execute(query):
                    index.add(row.id, signature_from_bytes(row.minhash))
            self._near_index = index
        return self._near_index

    def analysis(self, article_id: int) -> Analysis | None:
        query = select(articles.c.analysis, articles.c.text).where(articles.c.id == article_id)
        with self.engine.connect() as connection:
            row = connection.execute(query).one_or_none()
        return rows.analysis_from_row(row.analysis, row.text) if row else None

    def count(self, table_name: str = "articles") -> int:
        table = articles.metadata.tables[table_name]
        with self.engine.connect() as connection:
            return connection.scalar(select(func.count()).select_from(table)) or 0


@dataclass(frozen=True, slots=True)
class _Fingerprint:
    """What identifies an article's text and place: the keys of exact and near-duplicate detection."""

    url: str | None
    digest: str
    identity: str
    """One article at one URL: the same identity again means the article is already stored."""
    signature: MinHash

    @classmethod
    def of(cls, url: str | None, text: str) -> _Fingerprint:
        digest = content_hash(text)
        identity = hashlib.sha256(f"{normalize_url(url) or ''}\n{digest}".encode()).hexdigest()
        return cls(url, digest, identity, minhash_of(text))


def _canonical(
    connection: Connection, fingerprint: _Fingerprint, near_index: NearDuplicateIndex
) -> tuple[int | None, str | None, float | None]:
    exact = connection.scalar(
        select(articles.c.id)
        .where(articles.c.content_hash == fingerprint.digest, articles.c.duplicate_of.is_(None))
        .order_by(articles.c.id)
        .limit(1)
    )
    if exact is not None:
        return exact, "exact", 1.0
    match = near_index.best_match(fingerprint.signature)
    return (match.article_id, "near", round(match.similarity, 4)) if match else (None, None, None)


def _article_values(item: Input, analysis: Analysis, fingerprint: _Fingerprint) -> dict[str, Any]:
    article = analysis.article
    url = fingerprint.url
    return {
        "identity": fingerprint.identity,
        "analysis_id": article.id,
        "url": url,
        "url_normalized": normalize_url(url),
        "canonical_url": article.url if article.url and article.url != url else None,
        "site": rows.site_of(url or article.url, article.site_name),
        "title": article.title,
        "subtitle": article.subtitle,
        "author": article.author,
        "published": article.published,
        "published_date": rows.iso_day(article.published),
        "fetched": item.fetched,
        "language": article.language,
        "source_id": item.source_id,
        "text": article.text,
        "content_hash": fingerprint.digest,
        "minhash": signature_bytes(fingerprint.signature),
        "schema_version": analysis.schema_version,
        "analysis": rows.analysis_json(analysis),
        "ingested_at": utc_now(),
    }


def _insert_returning_ids(connection: Connection, table: Any, values: list[dict[str, Any]]) -> list[int]:
    if not values:
        return []
    statement = insert(table).returning(table.c.id, sort_by_parameter_order=True)
    return list(connection.execute(statement, values).scalars())


def _insert_rows(
    connection: Connection, article_id: int, analysis: Analysis, published_date: str | None
) -> None:
    entity_rows = [rows.entity_row(article_id, entity) for entity in analysis.entities]
    entity_db_ids = _insert_returning_ids(connection, entities, entity_rows)
    entity_ids = {entity.id: db_id for entity, db_id in zip(analysis.entities, entity_db_ids, strict=True)}
    mention_values = [
        mention
        for entity, db_id in zip(analysis.entities, entity_db_ids, strict=True)
        for mention in rows.mention_rows(article_id, db_id, entity)
    ]
    _insert_many(connection, mentions, mention_values)
    time_db_ids = _insert_returning_ids(
        connection, times, [rows.time_row(article_id, t) for t in analysis.times]
    )
    time_ids = {time.id: db_id for time, db_id in zip(analysis.times, time_db_ids, strict=True)}
    time_values = {time.id: time.value for time in analysis.times}
    _insert_many(connection, quotes, [rows.quote_row(article_id, q, entity_ids) for q in analysis.quotes])
    event_values = [
        rows.event_row(article_id, event, entity_ids, time_ids, time_values, published_date)
        for event in analysis.events
    ]
    event_db_ids = _insert_returning_ids(connection, events, event_values)
    actor_values = [
        actor
        for event, db_id in zip(analysis.events, event_db_ids, strict=True)
        for actor in rows.event_actor_rows(article_id, db_id, event, entity_ids)
    ]
    _insert_many(connection, event_actors, actor_values)
    _insert_many(
        connection, positions, [rows.position_row(article_id, p, entity_ids) for p in analysis.positions]
    )


def _insert_many(connection: Connection, table: Any, values: list[dict[str, Any]]) -> None:
    if values:
        connection.execute(insert(table), values)


def _save_ledger(connection: Connection, item: Input, outcome: Outcome) -> None:
    now = utc_now()
    values = {
        "kind": item.kind,
        "source_id": item.source_id,
        "url": item.url,
        "status": outcome.status,
        "reason": outcome.reason,
        "article_id": outcome.article_id,
        "updated_at": now,
    }
    found = connection.scalar(select(fetches.c.attempts).where(fetches.c.key == item.key))
    if found is None:
        connection.execute(insert(fetches).values(key=item.key, attempts=1, first_seen=now, **values))
    else:
        connection.execute(
            update(fetches).where(fetches.c.key == item.key).values(attempts=found + 1, **values)
        )
