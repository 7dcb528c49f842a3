"""The store: SQLite (default) or PostgreSQL through SQLAlchemy Core, with Alembic migrations."""
