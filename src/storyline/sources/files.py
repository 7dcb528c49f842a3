"""RawDocs from local paths: files, directories (recursively) and ``-`` for standard input."""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from storyline.errors import InputError
from storyline.records import RawDoc

TEXT_SUFFIXES = {".txt", ".text", ".md"}
HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


def read_inputs(names: Iterable[str]) -> Iterator[RawDoc | InputError]:
    """One RawDoc per readable file; an InputError (yielded, not raised) for each input that is not."""
    for name in names:
        if name == "-":
            yield RawDoc(source="<stdin>", content=sys.stdin.buffer.read())
            continue
        path = Path(name)
        if path.is_dir():
            yield from _read_directory(path)
        elif path.exists():
            yield _read_file(path)
        else:
            yield InputError(name, "no such file or directory")


def _read_directory(path: Path) -> Iterator[RawDoc | InputError]:
    files = sorted(
        p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES
    )
    if not files:
        yield InputError(str(path), "directory holds no .txt or .html files")
    for file in files:
        yield _read_file(file)


def _read_file(path: Path) -> RawDoc | InputError:
    try:
        content = path.read_bytes()
    except OSError as error:
        return InputError(str(path), f"cannot read ({error.strerror})")
    suffix = path.suffix.lower()
    kind = "html" if suffix in HTML_SUFFIXES else "text" if suffix in TEXT_SUFFIXES else None
    return RawDoc(source=str(path), content=content, content_type=kind)
