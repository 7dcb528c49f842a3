"""Connecting to the store and bringing its schema up to date with the shipped Alembic migrations."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine, event
from sqlalchemy.engine import Engine
from sqlalchemy.engine.url import make_url
from sqlalchemy.exc import ArgumentError, OperationalError

from storyline.errors import StorylineError

MIGRATIONS = Path(__file__).parent / "migrations"


class StoreError(StorylineError):
    """The store cannot be opened or used."""


def database_url(db: str) -> str:
    """An SQLAlchemy URL for ``db``: a file path means SQLite; ``postgresql://`` uses psycopg 3."""
    if "://" not in db:
        return f"sqlite:///{Path(db).expanduser()}"
    if db.startswith(("postgresql://", "postgres://")):
        return "postgresql+psycopg://" + db.split("://", 1)[1]
    return db


def create_store_engine(db: str) -> Engine:
    try:
        url = make_url(database_url(db))
    except ArgumentError as error:
        raise StoreError(f"{db!r} is not a database path or URL ({error})") from error
    if url.get_backend_name() == "sqlite":
        engine = create_engine(url, connect_args={"timeout": 30})
        event.listen(engine, "connect", _sqlite_pragmas)
        return engine
    return create_engine(url, pool_pre_ping=True)


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # noqa: ANN001  (DB-API objects are untyped)
    # WAL lets readers (search, Datasette) work while an ingest writes; NORMAL is durable against a
    # killed process, which is the failure ingestion must survive.
    cursor = dbapi_connection.cursor()
    for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "foreign_keys=ON", "busy_timeout=30000"):
        cursor.execute(f"PRAGMA {pragma}")
    cursor.close()


def _alembic_config() -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    return config


def head_revision() -> str:
    return ScriptDirectory.from_config(_alembic_config()).get_current_head() or ""


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as connection:
        return MigrationContext.configure(connection).get_current_revision()


def migrate(engine: Engine) -> str:
    """Upgrade the store to the newest schema (a no-op when it is there already); returns the revision."""
    head = head_revision()
    try:
        if current_revision(engine) == head:
            return head
        config = _alembic_config()
        with engine.begin() as connection:
            config.attributes["connection"] = connection
            command.upgrade(config, "head")
    except OperationalError as error:
        raise StoreError(f"cannot open the store at {engine.url!r}: {error.orig}") from error
    return head
