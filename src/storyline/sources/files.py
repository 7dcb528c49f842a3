"""RawDocs from local paths: files, directories (recursively) and ``-`` for standard input.

``.txt``/``.html`` files are one article each; ``.json`` (an object or a list) and ``.jsonl`` hold records
with ``text`` or ``html`` plus ``title``, ``url``, ``published``, ``author`` …; ``.warc``/``.warc.gz``
archives are streamed (see ``warc.py``). A record's RawDoc is named ``path#N`` (N counts from 1).
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from storyline.config import MAX_INPUT_BYTES
from storyline.errors import InputError
from storyline.records import RawDoc
from storyline.sources.warc import is_warc, read_warc

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}
RECORD_SUFFIXES = {".json", ".jsonl", ".ndjson"}
RECORD_FIELDS = {"text", "html", "url", "published", "date"}
"""Record fields RawDoc has a place for; every other field goes to ``RawDoc.metadata``."""
FOLDER_DOCUMENTS = {"readme", "license", "licence", "changelog", "notice", "copying"}
"""Files that describe a folder rather than hold an article; left out when a directory is read."""


def read_inputs(names: Iterable[str], *, max_bytes: int = MAX_INPUT_BYTES) -> Iterator[RawDoc | InputError]:
    """One RawDoc per article; an InputError (yielded, not raised) for each input that is not readable.

    A plain file larger than ``max_bytes`` is refused from its size alone, before it is read.
    """
    for name in names:
        if name == "-":
            yield RawDoc(source="<stdin>", content=sys.stdin.buffer.read())
            continue
        path = Path(name)
        if path.is_dir():
            yield from _read_directory(path, max_bytes)
        elif path.exists():
            yield from read_path(path, max_bytes=max_bytes)
        else:
            yield InputError(name, "no such file or directory")


def is_supported(path: Path) -> bool:
    suffix = path.suffix.lower()
    return suffix in TEXT_SUFFIXES | HTML_SUFFIXES | RECORD_SUFFIXES or is_warc(path)


def article_files(path: Path) -> list[Path]:
    """The files under a directory that hold articles, in a stable order."""
    return sorted(
        p for p in path.rglob("*") if p.is_file() and is_supported(p) and not _is_folder_document(p)
    )


def _read_directory(path: Path, max_bytes: int) -> Iterator[RawDoc | InputError]:
    files = article_files(path)
    if not files:
        yield InputError(str(path), "directory holds no .txt, .html, .json, .jsonl or .warc files")
    for file in files:
        yield from read_path(file, max_bytes=max_bytes)


def _is_folder_document(path: Path) -> bool:
    return path.name.startswith(".") or path.stem.lower() in FOLDER_DOCUMENTS


def read_path(path: Path, *, max_bytes: int = MAX_INPUT_BYTES) -> Iterator[RawDoc | InputError]:
    """The articles one file holds."""
    if is_warc(path):
        yield from read_warc(path)
    elif path.suffix.lower() in RECORD_SUFFIXES:
        yield from _read_records(path)
    else:
        yield _read_file(path, max_bytes)


def _read_file(path: Path, max_bytes: int) -> RawDoc | InputError:
    try:
        if (size := path.stat().st_size) > max_bytes:
            return InputError(str(path), f"too large: {size / 1e6:.1f} MB, limit {max_bytes / 1e6:g} MB")
        content = path.read_bytes()
    except OSError as error:
        return InputError(str(path), f"cannot read ({error.strerror})")
    suffix = path.suffix.lower()
    kind = "html" if suffix in HTML_SUFFIXES else "text" if suffix in TEXT_SUFFIXES else None
    return RawDoc(source=str(path), content=content, content_type=kind)


def _read_records(path: Path) -> Iterator[RawDoc | InputError]:
    try:
        with path.open(encoding="utf-8") as handle:
            if path.suffix.lower() == ".json":
                yield from _json_records(path, handle.read())
            else:
                for number, line in enumerate(handle, start=1):
                    if line.strip():
                        yield _parse_record(f"{path}#{number}", line)
    except (OSError, UnicodeDecodeError) as error:
        yield InputError(str(path), f"cannot read ({getattr(error, 'strerror', None) or error})")


def _json_records(path: Path, content: str) -> Iterator[RawDoc | InputError]:
    try:
        data = json.loads(content)
    except json.JSONDecodeError as error:
        yield InputError(str(path), f"invalid JSON ({error})")
        return
    for number, record in enumerate(data if isinstance(data, list) else [data], start=1):
        yield record_to_rawdoc(f"{path}#{number}", record)


def _parse_record(source: str, line: str) -> RawDoc | InputError:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        return InputError(source, f"invalid JSON ({error.msg} at column {error.colno})")
    return record_to_rawdoc(source, record)


def record_to_rawdoc(source: str, record: Any) -> RawDoc | InputError:
    """A structured record (``text`` or ``html`` plus metadata fields) as a RawDoc."""
    if not isinstance(record, dict):
        return InputError(source, "record is not a JSON object")
    html, text = record.get("html"), record.get("text")
    content = html if isinstance(html, str) and html.strip() else text
    if not isinstance(content, str) or not content.strip():
        return InputError(source, "record has no text or html field")
    published = record.get("published") or record.get("date")
    return RawDoc(
        source=source,
        content=content,
        content_type="html" if content is html else "text",
        url=record.get("url") if isinstance(record.get("url"), str) else None,
        published=published if isinstance(published, str) else None,
        metadata={k: v for k, v in record.items() if k not in RECORD_FIELDS and v not in (None, "")},
    )
