"""Fixtures for the fetching and ingestion tests (a plugin: ``pytest_plugins = ["web_fixtures"]``).

A real HTTP server on 127.0.0.1.

Each test gets its own server and registers what it serves: real news pages from
``../shared/eval/extraction-scrapinghub`` (sent gzip-encoded, as the benchmark stores them), and feeds,
sitemaps, robots.txt, errors, redirects, slow and huge bodies written by the tests.
"""

from __future__ import annotations

import contextlib
import json
import threading
import time
from collections import Counter
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import py3langid
import pytest

Handler = Callable[[BaseHTTPRequestHandler], None]


class LocalWeb:
    def __init__(self) -> None:
        self.routes: dict[str, Handler] = {}
        self.hits: Counter[str] = Counter()
        self.request_headers: dict[str, dict[str, str]] = {}
        self.request_times: dict[str, list[float]] = {}
        self.bytes_sent: Counter[str] = Counter()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler_class())
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def serve(
        self,
        path: str,
        body: bytes | str,
        *,
        status: int = 200,
        content_type: str = "text/html; charset=utf-8",
        headers: dict[str, str] | None = None,
    ) -> str:
        content = body.encode("utf-8") if isinstance(body, str) else body

        def handle(request: BaseHTTPRequestHandler) -> None:
            request.send_response(status)
            request.send_header("Content-Type", content_type)
            request.send_header("Content-Length", str(len(content)))
            for name, value in (headers or {}).items():
                request.send_header(name, value)
            request.end_headers()
            request.wfile.write(content)

        self.routes[path] = handle
        return self.url(path)

    def serve_page(self, path: str, page: Path) -> str:
        """A real page, gzip-encoded on the wire exactly as the benchmark stores it."""
        return self.serve(path, page.read_bytes(), headers={"Content-Encoding": "gzip"})

    def redirect(self, path: str, location: str, status: int = 302) -> str:
        def handle(request: BaseHTTPRequestHandler) -> None:
            request.send_response(status)
            request.send_header("Location", location)
            request.send_header("Content-Length", "0")
            request.end_headers()

        self.routes[path] = handle
        return self.url(path)

    def _handler_class(self) -> type[BaseHTTPRequestHandler]:
        web = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802  (http.server's naming)
                path = self.path.split("?", 1)[0]
                web.hits[path] += 1
                web.request_headers[path] = dict(self.headers)
                web.request_times.setdefault(path, []).append(time.monotonic())
                handle = web.routes.get(path)
                if handle is None:
                    self.send_error(404)
                    return
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    handle(self)  # the client may give up on purpose (size cap, timeout)

            def log_message(self, *_args: object) -> None:
                pass

        return Handler

    def __enter__(self) -> LocalWeb:
        self.thread.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture
def web() -> Iterator[LocalWeb]:
    with LocalWeb() as server:
        yield server


@pytest.fixture(scope="session")
def real_pages(shared: Path) -> list[tuple[str, Path]]:
    """(original URL, gzip page) pairs of the scrapinghub benchmark's English dev pages, in id order."""
    folder = shared / "eval" / "extraction-scrapinghub"
    truth = json.loads((folder / "ground-truth.dev.json").read_text(encoding="utf-8"))
    return [
        (truth[key]["url"], folder / "html" / f"{key}.html.gz")
        for key in sorted(truth)
        if py3langid.classify(truth[key]["articleBody"])[0] == "en"
    ]


@pytest.fixture
def make_rss() -> Callable[..., str]:
    return rss


def rss(entries: list[tuple[str, str]], *, title: str = "Test feed") -> str:
    items = "".join(
        f"<item><title>{name}</title><link>{link}</link>"
        f"<pubDate>Tue, {10 + i % 10} Dec 2025 08:00:00 GMT</pubDate></item>"
        for i, (name, link) in enumerate(entries)
    )
    return f'<?xml version="1.0"?><rss version="2.0"><channel><title>{title}</title>{items}</channel></rss>'
