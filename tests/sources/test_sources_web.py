"""The fetcher against a real server on 127.0.0.1: errors, limits, robots.txt and the SSRF guard."""

from __future__ import annotations

import gzip
import socket
import time
from dataclasses import replace

import brotli
import httpx
import pytest

from storyline.sources.web import Fetcher, FetchError, FetchOptions, public_address

pytest_plugins = ["web_fixtures"]  # the fixtures these tests share

FAST = FetchOptions(
    timeout=2.0, retries=0, backoff=0.0, host_interval=0.0, allow_private=True, max_bytes=1_000_000
)


def fetch(url: str, options: FetchOptions = FAST, **kwargs):  # noqa: ANN003, ANN201
    with Fetcher(options) as fetcher:
        return fetcher.fetch(url, **kwargs)


def test_fetch_reads_a_gzip_encoded_real_page(web, real_pages) -> None:  # noqa: ANN001
    _, page = real_pages[0]
    response = fetch(web.serve_page("/news/1.html", page))
    assert response.status == 200
    assert response.content == gzip.decompress(page.read_bytes())
    assert web.request_headers["/news/1.html"]["User-Agent"].startswith("Storyline/")


def test_fetch_decodes_a_brotli_body(web) -> None:  # noqa: ANN001
    page = "<html><body><p>Compressed with brotli.</p></body></html>"
    web.serve("/br.html", brotli.compress(page.encode()), headers={"Content-Encoding": "br"})
    assert fetch(web.url("/br.html")).content.decode() == page


def test_fetch_names_http_errors(web) -> None:  # noqa: ANN001
    web.serve("/broken", "oops", status=500)
    with pytest.raises(FetchError, match="HTTP 404"):
        fetch(web.url("/missing"))
    with pytest.raises(FetchError, match="HTTP 500"):
        fetch(web.url("/broken"), replace(FAST, retries=2))
    assert web.hits["/broken"] == 3  # the first try and two retries


def test_fetch_follows_redirects_and_stops_loops(web) -> None:  # noqa: ANN001
    web.serve("/final", "<html><body><p>Here.</p></body></html>")
    assert fetch(web.redirect("/moved", "/final")).final_url == web.url("/final")
    web.redirect("/loop-a", web.url("/loop-b"))
    web.redirect("/loop-b", web.url("/loop-a"))
    with pytest.raises(FetchError, match="redirect loop"):
        fetch(web.url("/loop-a"))


def test_fetch_refuses_a_huge_body_without_reading_it_all(web) -> None:  # noqa: ANN001
    chunk = b"x" * 65536

    def huge(request) -> None:  # noqa: ANN001
        request.send_response(200)
        request.send_header("Content-Type", "text/html")
        request.end_headers()
        for _ in range(100 * 1024 * 1024 // len(chunk)):  # 100 MB, generated chunk by chunk
            request.wfile.write(chunk)
            web.bytes_sent["/huge"] += len(chunk)

    web.routes["/huge"] = huge
    with pytest.raises(FetchError, match="1000000-byte limit"):
        fetch(web.url("/huge"))
    time.sleep(0.2)
    assert web.bytes_sent["/huge"] < 20 * 1024 * 1024


def test_fetch_refuses_a_declared_huge_body_before_reading(web) -> None:  # noqa: ANN001
    def declared(request) -> None:  # noqa: ANN001
        request.send_response(200)
        request.send_header("Content-Type", "text/html")
        request.send_header("Content-Length", str(100 * 1024 * 1024))
        request.end_headers()
        request.wfile.write(b"<p>only the start</p>")

    web.routes["/declared"] = declared
    with pytest.raises(FetchError, match="byte limit"):
        fetch(web.url("/declared"))


def test_fetch_times_out_on_a_slow_server(web) -> None:  # noqa: ANN001
    def slow(request) -> None:  # noqa: ANN001
        time.sleep(1.5)
        request.send_response(200)
        request.end_headers()

    web.routes["/slow"] = slow
    started = time.monotonic()
    with pytest.raises(FetchError, match="timed out"):
        fetch(web.url("/slow"), replace(FAST, timeout=0.3))
    assert time.monotonic() - started < 1.4


def test_fetch_refuses_content_that_is_not_a_page(web) -> None:  # noqa: ANN001
    web.serve("/report.pdf", b"%PDF-1.7", content_type="application/pdf")
    with pytest.raises(FetchError, match="unsupported content type application/pdf"):
        fetch(web.url("/report.pdf"))


def test_fetch_sends_validators_and_reports_not_modified(web) -> None:  # noqa: ANN001
    def conditional(request) -> None:  # noqa: ANN001
        fresh = request.headers.get("If-None-Match") == '"v1"'
        request.send_response(304 if fresh else 200)
        request.send_header("ETag", '"v1"')
        request.send_header("Content-Length", "0" if fresh else "4")
        request.end_headers()
        if not fresh:
            request.wfile.write(b"<p/>")

    web.routes["/feed"] = conditional
    first = fetch(web.url("/feed"), accept=None)
    second = fetch(web.url("/feed"), accept=None, etag=first.etag)
    assert (first.status, first.etag, second.not_modified) == (200, '"v1"', True)


def test_fetch_obeys_robots_txt_unless_told_not_to(web) -> None:  # noqa: ANN001
    web.serve("/robots.txt", "User-agent: *\nDisallow: /private/\n", content_type="text/plain")
    web.serve("/private/page.html", "<p>secret</p>")
    with pytest.raises(FetchError, match="robots.txt"):
        fetch(web.url("/private/page.html"))
    assert web.hits["/private/page.html"] == 0
    assert fetch(web.url("/private/page.html"), replace(FAST, respect_robots=False))


def test_fetch_spaces_requests_to_one_host(web) -> None:  # noqa: ANN001
    web.serve("/a", "<p>a</p>")
    with Fetcher(replace(FAST, host_interval=0.3)) as fetcher:
        list(fetcher.fetch_many([web.url("/a")] * 3))
    times = web.request_times["/a"]
    assert min(later - earlier for earlier, later in zip(times, times[1:], strict=False)) >= 0.28


def test_fetch_refuses_loopback_and_other_schemes_without_allow_private(web) -> None:  # noqa: ANN001
    web.serve("/page", "<p>local</p>")
    guarded = replace(FAST, allow_private=False)
    with pytest.raises(FetchError, match="non-public address 127.0.0.1"):
        fetch(web.url("/page"), guarded)
    with pytest.raises(FetchError, match="only http and https"):
        fetch("file:///etc/passwd", guarded)
    assert web.hits["/page"] == 0


@pytest.mark.parametrize("address", ["10.1.2.3", "169.254.169.254", "::1", "::ffff:127.0.0.1", "192.168.0.9"])
def test_public_address_refuses_private_ranges(monkeypatch, address: str) -> None:  # noqa: ANN001
    _resolve(monkeypatch, {"inside.test": address})
    with pytest.raises(FetchError, match="non-public"):
        public_address("inside.test", 80, allow_private=False)


def test_redirect_to_loopback_is_refused_and_connections_go_to_the_checked_address(monkeypatch, web) -> None:  # noqa: ANN001
    """A public site that redirects to 127.0.0.1 (DNS faked, transport in memory: no network here)."""
    _resolve(monkeypatch, {"news.test": "93.184.216.34"})
    seen = []

    def public_site(request: httpx.Request) -> httpx.Response:
        seen.append((request.url.host, request.headers["Host"]))
        return httpx.Response(302, headers={"Location": web.url("/page")})

    guarded = replace(FAST, allow_private=False, respect_robots=False)
    with (
        Fetcher(guarded, transport=httpx.MockTransport(public_site)) as fetcher,
        pytest.raises(FetchError, match="non-public address 127.0.0.1"),
    ):
        fetcher.fetch("http://news.test/story")
    assert seen == [("93.184.216.34", "news.test")]
    assert web.hits["/page"] == 0


def _resolve(monkeypatch, names: dict[str, str]) -> None:  # noqa: ANN001
    real = socket.getaddrinfo

    def fake(host, port, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        if host in names:
            family = socket.AF_INET6 if ":" in names[host] else socket.AF_INET
            return [(family, socket.SOCK_STREAM, 6, "", (names[host], port))]
        return real(host, port, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", fake)
