"""Alembic environment: run by ``storyline.store.migrate`` with a live connection, never from env vars."""

from __future__ import annotations

from alembic import context

from storyline.store.schema import metadata

connection = context.config.attributes["connection"]
context.configure(connection=connection, target_metadata=metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
