"""Local inputs: JSON and JSONL records, WARC archives written with warcio, directories."""

from __future__ import annotations

import io
import json
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from storyline.errors import InputError
from storyline.records import RawDoc
from storyline.sources.files import read_inputs
from storyline.sources.warc import read_warc

PAGE = b"<html><head><title>Talks</title></head><body><p>Envoys met in Geneva on Tuesday.</p></body></html>"


def write_warc(path: Path, records: list[tuple[str, str, bytes, str]]) -> Path:
    """A gzip WARC with one response (URL, status, body, content type) per record, plus a request record."""
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=True)
        for url, status, body, content_type in records:
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(
                    url,
                    "response",
                    payload=io.BytesIO(body),
                    http_headers=headers,
                    warc_headers_dict={"WARC-Date": "2025-12-18T09:30:00Z"},
                )
            )
            writer.write_record(
                writer.create_warc_record(url, "request", payload=io.BytesIO(b"GET / HTTP/1.1\r\n\r\n"))
            )
    return path


def test_read_inputs_turns_jsonl_records_into_rawdocs_with_metadata(tmp_path: Path) -> None:
    records = tmp_path / "news.jsonl"
    lines = [
        {
            "url": "https://a.example/1",
            "title": "One",
            "published": "2025-12-18",
            "author": "A. Writer",
            "text": "Body.",
        },
        {"url": "https://a.example/2", "html": "<p>Two</p>", "section": "World"},
    ]
    records.write_text("\n".join(json.dumps(line) for line in lines) + "\n\n{broken\n", encoding="utf-8")
    first, second, broken = read_inputs([str(records)])
    assert (first.source, first.content, first.content_type) == (f"{records}#1", "Body.", "text")
    assert (first.url, first.published, first.metadata) == (
        "https://a.example/1",
        "2025-12-18",
        {"title": "One", "author": "A. Writer"},
    )
    assert (second.content_type, second.metadata) == ("html", {"section": "World"})
    assert isinstance(broken, InputError)
    assert broken.source == f"{records}#4"


def test_read_inputs_reads_a_json_list_and_names_records_without_text(tmp_path: Path) -> None:
    path = tmp_path / "news.json"
    path.write_text(json.dumps([{"text": "Hello."}, {"title": "no body"}]), encoding="utf-8")
    good, bad = read_inputs([str(path)])
    assert isinstance(good, RawDoc)
    assert isinstance(bad, InputError)
    assert bad.reason == "record has no text or html field"


def test_read_warc_yields_html_responses_with_uri_and_date(tmp_path: Path) -> None:
    archive = write_warc(
        tmp_path / "news.warc.gz",
        [
            ("https://a.example/story", "200 OK", PAGE, "text/html; charset=utf-8"),
            ("https://a.example/logo.png", "200 OK", b"\x89PNG", "image/png"),
            ("https://a.example/gone", "404 Not Found", PAGE, "text/html"),
        ],
    )
    (doc,) = read_warc(archive)
    assert (doc.url, doc.fetched, doc.content, doc.content_type) == (
        "https://a.example/story",
        "2025-12-18T09:30:00Z",
        PAGE,
        "html",
    )
    offset = int(doc.source.rsplit("@", 1)[1])
    assert [d.url for d in read_warc(archive, offset=offset)] == ["https://a.example/story"]


def test_read_warc_reports_a_file_that_is_not_an_archive(tmp_path: Path) -> None:
    path = tmp_path / "bad.warc"
    path.write_bytes(b"this is not a WARC file\r\n\r\n")
    (error,) = read_warc(path)
    assert isinstance(error, InputError)
    assert "not a WARC archive" in error.reason


def test_read_inputs_walks_a_directory_and_leaves_folder_documents_out(tmp_path: Path) -> None:
    (tmp_path / "README.md").write_text("About this folder.", encoding="utf-8")
    (tmp_path / "a.txt").write_text("Headline\n\nBody.", encoding="utf-8")
    write_warc(tmp_path / "sub.warc.gz", [("https://a.example/s", "200 OK", PAGE, "text/html")])
    assert sorted(Path(doc.source.split("@")[0]).name for doc in read_inputs([str(tmp_path)])) == [
        "a.txt",
        "sub.warc.gz",
    ]
