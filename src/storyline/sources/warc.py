"""RawDocs from WARC archives (e.g. Common Crawl CC-NEWS), streamed one record at a time.

Only ``response`` records with a successful HTTP status and an HTML body are articles; the record's
target URI and date become the RawDoc's URL and fetch date. A RawDoc is named ``path@offset`` (the
record's byte offset), which locates the record again without rereading the archive.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from storyline.errors import InputError
from storyline.records import RawDoc

HTML_TYPES = ("text/html", "application/xhtml+xml")
MAX_RECORD_BYTES = 20_000_000


def is_warc(path: Path) -> bool:
    name = path.name.lower()
    return name.endswith((".warc", ".warc.gz"))


def read_warc(path: Path, *, offset: int | None = None) -> Iterator[RawDoc | InputError]:
    """Each HTML response in the archive (or only the record at ``offset``) as a RawDoc."""
    try:
        with path.open("rb") as stream:
            if offset is not None:
                stream.seek(offset)
            records = ArchiveIterator(stream)
            for record in records:
                if record.format != "warc":
                    yield InputError(str(path), f"not a WARC archive (found {record.format} records)")
                    return
                raw = _record_to_rawdoc(path, records, record)
                if raw is not None:
                    yield raw
                if offset is not None:
                    return
    except (OSError, ArchiveLoadFailed) as error:
        yield InputError(str(path), f"not a readable WARC archive ({error})")


def _record_to_rawdoc(path: Path, records: ArchiveIterator, record) -> RawDoc | InputError | None:  # noqa: ANN001
    if record.rec_type != "response" or record.http_headers is None:
        return None
    status = record.http_headers.get_statuscode()
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    if status != "200" or not content_type.startswith(HTML_TYPES):
        return None
    content = record.content_stream().read(MAX_RECORD_BYTES + 1)
    source = f"{path}@{records.get_record_offset()}"  # known only once the record has been read
    if len(content) > MAX_RECORD_BYTES:
        return InputError(source, f"response body larger than {MAX_RECORD_BYTES} bytes")
    return RawDoc(
        source=source,
        content=content,
        content_type="html",
        url=record.rec_headers.get_header("WARC-Target-URI"),
        fetched=record.rec_headers.get_header("WARC-Date"),
    )
