"""Stream tables out of the store as JSONL, CSV or Parquet: one file per table in a folder.

Rows are read in chunks from a server-side cursor and written as they come, so memory stays flat.
Article rows carry ``id, url, title, published, source, duplicate_of`` first; in JSONL each also carries
the full analysis contract under ``analysis``.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from sqlalchemy import Boolean, Float, Integer, Select, Table, select
from sqlalchemy.engine import Engine

from storyline.store.rows import analysis_from_row
from storyline.store.schema import EXPORT_TABLES, articles, metadata, sources

FORMATS = ("jsonl", "csv", "parquet")
CHUNK = 1000
ARTICLE_FIRST = ("id", "url", "title", "published", "source", "duplicate_of")


def export_tables(engine: Engine, folder: Path, fmt: str, tables: list[str] | None = None) -> dict[str, int]:
    """Write each table to ``folder/<table>.<fmt>``; returns the rows written per table."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}")
    folder.mkdir(parents=True, exist_ok=True)
    written = {}
    for name in tables or EXPORT_TABLES:
        columns, query = _query(name)
        path = folder / f"{name}.{fmt}"
        rows = _stream(engine, query, with_analysis=name == "articles" and fmt == "jsonl")
        written[name] = WRITERS[fmt](path, columns, rows)
    return written


def _query(name: str) -> tuple[list[Any], Select]:
    if name not in EXPORT_TABLES:
        raise ValueError(f"unknown table {name!r}; choose from {', '.join(EXPORT_TABLES)}")
    if name != "articles":
        table: Table = metadata.tables[name]
        return list(table.c), select(table).order_by(table.c.id)
    rest = [c for c in articles.c if c.name not in {*ARTICLE_FIRST, "analysis", "minhash", "identity"}]
    first = [
        articles.c.id,
        articles.c.url,
        articles.c.title,
        articles.c.published,
        sources.c.name.label("source"),
    ]
    columns = [*first, articles.c.duplicate_of, *rest]
    query = select(*columns, articles.c.analysis).select_from(
        articles.outerjoin(sources, sources.c.id == articles.c.source_id)
    )
    return columns, query.order_by(articles.c.id)


def _stream(engine: Engine, query: Select, *, with_analysis: bool) -> Iterator[dict[str, Any]]:
    with engine.connect() as connection:
        result = connection.execution_options(stream_results=True, yield_per=CHUNK).execute(query)
        for row in result.mappings():
            values = dict(row)
            analysis = values.pop("analysis", None)
            if with_analysis and analysis is not None:
                values["analysis"] = analysis_from_row(analysis, values["text"]).to_dict()
            yield values


def _write_jsonl(path: Path, _columns: list[Any], rows: Iterator[dict[str, Any]]) -> int:
    count = 0
    with path.open("w", encoding="utf-8") as out:
        for row in rows:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
            count += 1
    return count


def _write_csv(path: Path, columns: list[Any], rows: Iterator[dict[str, Any]]) -> int:
    names = [column.name for column in columns]
    count = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=names, extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow(row)
            count += 1
    return count


def _write_parquet(path: Path, columns: list[Any], rows: Iterator[dict[str, Any]]) -> int:
    schema = pa.schema([(column.name, _arrow_type(column.type)) for column in columns])
    count = 0
    with pq.ParquetWriter(path, schema) as writer:
        batch: list[dict[str, Any]] = []
        for row in rows:
            batch.append(row)
            if len(batch) == CHUNK:
                writer.write_table(pa.Table.from_pylist(batch, schema=schema))
                count, batch = count + len(batch), []
        if batch or count == 0:
            writer.write_table(pa.Table.from_pylist(batch, schema=schema))
            count += len(batch)
    return count


def _arrow_type(sql_type: Any) -> pa.DataType:
    if isinstance(sql_type, Boolean):
        return pa.bool_()
    if isinstance(sql_type, Integer):
        return pa.int64()
    if isinstance(sql_type, Float):
        return pa.float64()
    return pa.string()


WRITERS = {"jsonl": _write_jsonl, "csv": _write_csv, "parquet": _write_parquet}
