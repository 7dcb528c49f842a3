"""Store fixtures (a plugin: ``pytest_plugins = ["store_fixtures"]``): every test runs on both backends.

PostgreSQL comes from ``.ci/services`` (127.0.0.1:5432, role and database ``storyline``) or from
STORYLINE_TEST_POSTGRES_URL. When it cannot be reached the PostgreSQL tests fail, saying how to start it;
they are never skipped. Each session works in its own database so parallel runs do not collide.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from storyline.records import Analysis, Article, Entity, Event, Quote, Span, TimeExpr
from storyline.store.database import create_store_engine, database_url, migrate
from storyline.store.repository import Store
from storyline.store.schema import metadata

DEFAULT_POSTGRES = "postgresql://storyline:storyline@127.0.0.1:5432/storyline"


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A fresh database for this session on the test PostgreSQL server, dropped afterwards."""
    admin_url = make_url(database_url(os.environ.get("STORYLINE_TEST_POSTGRES_URL", DEFAULT_POSTGRES)))
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    name = f"storyline_test_{uuid.uuid4().hex[:10]}"
    try:
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    except Exception as error:  # noqa: BLE001  (any failure here means the server is not usable)
        pytest.fail(
            f"PostgreSQL test server unreachable at {admin_url.render_as_string(hide_password=True)} "
            f"({error}); run `bash .ci/services` or set STORYLINE_TEST_POSTGRES_URL",
            pytrace=False,
        )
    yield admin_url.set(database=name).render_as_string(hide_password=False)
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def db_url(request: pytest.FixtureRequest, tmp_path) -> str:  # noqa: ANN001
    if request.param == "sqlite":
        return str(tmp_path / "store.db")
    url = request.getfixturevalue("postgres_url")
    engine = create_store_engine(url)
    migrate(engine)
    with engine.begin() as connection:  # DELETE is far faster than TRUNCATE on tables this small
        for table in reversed(metadata.sorted_tables):
            connection.execute(text(f"DELETE FROM {table.name}"))
            connection.execute(text(f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), 1, false)"))
    engine.dispose()
    return url


@pytest.fixture
def store(db_url: str) -> Iterator[Store]:
    with Store.open(db_url) as opened:
        yield opened


def span_of(text: str, part: str, start_at: int = 0) -> Span:
    start = text.index(part, start_at)
    return Span(start, start + len(part), part)


@pytest.fixture
def analysis_of():  # noqa: ANN201
    """Build a hand-made analysis of a text (see ``make_analysis``)."""
    return make_analysis


def make_analysis(
    text: str, *, title: str = "A report", published: str | None = "2025-12-18", url=None
) -> Analysis:
    """A hand-built analysis of ``text``: actors named in it, one quote, one time and one event."""
    article = Article(id="a1", text=text, title=title, published=published, url=url, language="en")
    names = [name for name in ("Russia", "Ukraine", "Donald Trump") if name in text]
    entities = [
        Entity(
            id=f"e{i}",
            name=name,
            type="GPE" if name != "Donald Trump" else "PERSON",
            mentions=[span_of(text, name)],
        )
        for i, name in enumerate(names, start=1)
    ]
    analysis = Analysis(article=article, entities=entities)
    if '"' in text and entities:
        start = text.index('"')
        end = text.index('"', start + 1) + 1
        analysis.quotes = [
            Quote(id="q1", kind="direct", text=text[start:end], start=start, end=end, speaker="e1")
        ]
    if "Tuesday" in text:
        day = span_of(text, "Tuesday")
        analysis.times = [
            TimeExpr(id="t1", text=day.text, start=day.start, end=day.end, type="DATE", value="2025-12-16")
        ]
    if "demanded" in text and len(entities) >= 2:
        trigger = span_of(text, "demanded")
        sentence = Span(0, len(text), text)
        time = "t1" if analysis.times else None
        analysis.events = [
            Event(
                id="ev1",
                type="REQUEST",
                trigger=trigger,
                sentence=sentence,
                evidence=sentence,
                status="occurred",
                source=["e1"],
                target=["e2"],
                time=time,
                confidence=0.8,
            )
        ]
    return analysis
