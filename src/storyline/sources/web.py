"""A careful HTTP fetcher: SSRF guard, robots.txt, per-host politeness, retries, size cap, conditional GETs.

Every hop of a request (the first URL and each redirect target) is checked the same way: the scheme must
be http(s); the host is resolved and *every* address it resolves to must be public (not private, loopback,
link-local, reserved or multicast) unless ``allow_private`` is set, and the connection then goes to the
address that was checked, so a second DNS answer cannot slip a private address in; robots.txt must allow
the path. Requests to one host are serialised and spaced ``host_interval`` seconds apart.
"""

from __future__ import annotations

import ipaddress
import socket
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from email.utils import parsedate_to_datetime
from urllib.parse import urljoin, urlsplit, urlunsplit
from urllib.robotparser import RobotFileParser

import httpx

from storyline import __version__
from storyline.errors import InputError

USER_AGENT = f"Storyline/{__version__} (news analysis; honours robots.txt)"
ARTICLE_TYPES = ("text/html", "application/xhtml+xml", "text/plain")
XML_TYPES = (
    "application/rss+xml",
    "application/atom+xml",
    "application/rdf+xml",
    "application/xml",
    "text/xml",
)
RETRY_STATUSES = {429, 500, 502, 503, 504}
REDIRECT_STATUSES = {301, 302, 303, 307, 308}
ROBOTS_MAX_BYTES = 500_000


class FetchError(InputError):
    """A URL could not be fetched; ``reason`` says why in a form that groups well in ``stats``."""


@dataclass(frozen=True, slots=True, kw_only=True)
class FetchOptions:
    timeout: float = 15.0
    """Seconds to connect, and seconds between two chunks of the response."""
    total_timeout: float = 60.0
    """Seconds for the whole response, however slowly it trickles."""
    retries: int = 2
    backoff: float = 1.0
    """First retry waits this long; each further retry twice as long."""
    max_bytes: int = 10_000_000
    max_redirects: int = 5
    host_interval: float = 1.0
    workers: int = 4
    respect_robots: bool = True
    allow_private: bool = False
    user_agent: str = USER_AGENT


@dataclass(slots=True)
class Response:
    url: str
    final_url: str
    status: int
    content: bytes = b""
    content_type: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    fetched: str | None = None
    location: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass(slots=True)
class _Host:
    lock: threading.Lock = field(default_factory=threading.Lock)
    last_request: float = 0.0


def public_address(host: str, port: int, *, allow_private: bool) -> str:
    """The address to connect to for ``host``, refusing hosts that resolve to any non-public address."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise FetchError(host, f"DNS lookup failed ({error})") from error
    addresses = [_address(info[4][0]) for info in infos]
    if not allow_private:
        for address in addresses:
            if not address.is_global or address.is_multicast:
                raise FetchError(host, f"refused: {host} resolves to non-public address {address}")
    return str(addresses[0])


def _address(text: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address:
    address = ipaddress.ip_address(text.split("%", 1)[0])
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        return address.ipv4_mapped
    return address


class Fetcher:
    """Fetch URLs politely and safely; one instance per run shares its rate limits and robots cache."""

    def __init__(
        self, options: FetchOptions | None = None, *, transport: httpx.BaseTransport | None = None
    ) -> None:
        self.options = options or FetchOptions()
        self._client = httpx.Client(
            timeout=httpx.Timeout(self.options.timeout),
            headers={"User-Agent": self.options.user_agent, "Accept-Encoding": "gzip, deflate, br"},
            follow_redirects=False,
            trust_env=False,
            transport=transport,
        )
        self._hosts: dict[str, _Host] = {}
        self._hosts_lock = threading.Lock()
        self._robots: dict[str, RobotFileParser] = {}

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def fetch(
        self,
        url: str,
        *,
        accept: tuple[str, ...] | None = ARTICLE_TYPES,
        etag: str | None = None,
        last_modified: str | None = None,
    ) -> Response:
        """GET ``url`` following redirects (each hop checked); raises FetchError naming the URL and reason."""
        conditional = {"If-None-Match": etag, "If-Modified-Since": last_modified}
        headers = {name: value for name, value in conditional.items() if value}
        current, seen = url, {url}
        for _hop in range(self.options.max_redirects + 1):
            self._check_allowed(url, current)
            response = self._get_with_retries(url, current, headers)
            if response.status not in REDIRECT_STATUSES:
                return self._accepted(url, response, accept)
            current = urljoin(current, response.location or "")
            if current in seen:
                raise FetchError(url, "redirect loop")
            seen.add(current)
        raise FetchError(url, f"more than {self.options.max_redirects} redirects")

    def fetch_many(
        self, urls: Iterable[str], *, accept: tuple[str, ...] | None = ARTICLE_TYPES
    ) -> Iterator[tuple[str, Response | FetchError]]:
        """Fetch URLs concurrently (``workers`` at a time, one per host) and yield them in input order."""
        pending: list[tuple[str, Future]] = []
        with ThreadPoolExecutor(max_workers=max(self.options.workers, 1)) as pool:
            for url in urls:
                pending.append((url, pool.submit(self._fetch_or_error, url, accept)))
                if len(pending) >= 2 * self.options.workers:
                    first, future = pending.pop(0)
                    yield first, future.result()
            for url, future in pending:
                yield url, future.result()

    def _fetch_or_error(self, url: str, accept: tuple[str, ...] | None) -> Response | FetchError:
        try:
            return self.fetch(url, accept=accept)
        except FetchError as error:
            return error

    # --- one hop ----------------------------------------------------------------------------------------

    def _check_allowed(self, original: str, url: str) -> None:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise FetchError(original, f"refused: only http and https URLs are fetched, not {url!r}")
        try:
            public_address(parts.hostname, parts.port or 80, allow_private=self.options.allow_private)
        except FetchError as error:
            raise FetchError(original, error.reason) from error
        if self.options.respect_robots and not self._robots_allow(url):
            raise FetchError(original, "disallowed by robots.txt")

    def _get_with_retries(self, original: str, url: str, headers: dict[str, str]) -> Response:
        for attempt in range(self.options.retries + 1):
            try:
                response = self._get(original, url, headers, self.options.max_bytes)
            except _Retryable as error:
                if attempt == self.options.retries:
                    raise FetchError(original, error.reason) from error
                time.sleep(self.options.backoff * 2**attempt)
                continue
            if response.status not in RETRY_STATUSES or attempt == self.options.retries:
                return response
            time.sleep(self.options.backoff * 2**attempt)
        raise AssertionError("unreachable: the last attempt returns or raises")

    def _get(self, original: str, url: str, headers: dict[str, str], max_bytes: int) -> Response:
        parts = urlsplit(url)
        port = parts.port or (443 if parts.scheme == "https" else 80)
        address = public_address(parts.hostname or "", port, allow_private=self.options.allow_private)
        target, extensions = url, {}
        if not self.options.allow_private:
            # Connect to the checked address; Host header and TLS SNI keep the real name.
            host = f"[{address}]" if ":" in address else address
            target = urlunsplit((parts.scheme, f"{host}:{port}", parts.path or "/", parts.query, ""))
            headers = {**headers, "Host": _host_header(parts.hostname or "", parts.port)}
            extensions = {"sni_hostname": parts.hostname}
        with self._host_slot(parts.netloc):
            return self._read(original, url, target, headers, extensions, max_bytes)

    def _read(
        self, original: str, url: str, target: str, headers: dict[str, str], extensions: dict, max_bytes: int
    ) -> Response:
        deadline = time.monotonic() + self.options.total_timeout
        try:
            with self._client.stream("GET", target, headers=headers, extensions=extensions) as reply:
                if reply.status_code in REDIRECT_STATUSES:
                    return Response(original, url, reply.status_code, location=reply.headers.get("Location"))
                declared = int(reply.headers.get("Content-Length") or 0)
                if declared > max_bytes:
                    raise FetchError(original, f"response larger than the {max_bytes}-byte limit")
                content = _read_capped(original, reply, max_bytes, deadline)
                return Response(
                    url=original,
                    final_url=url,
                    status=reply.status_code,
                    content=content,
                    content_type=reply.headers.get("Content-Type"),
                    etag=reply.headers.get("ETag"),
                    last_modified=reply.headers.get("Last-Modified"),
                    fetched=http_date_to_iso(reply.headers.get("Date")),
                )
        except httpx.TimeoutException as error:
            raise _Retryable(f"timed out after {self.options.timeout:g} s") from error
        except (httpx.TransportError, httpx.DecodingError) as error:
            raise _Retryable(f"connection failed ({type(error).__name__})") from error

    def _host_slot(self, netloc: str) -> _HostSlot:
        with self._hosts_lock:
            host = self._hosts.setdefault(netloc, _Host())
        return _HostSlot(host, self.options.host_interval)

    def _accepted(self, original: str, response: Response, accept: tuple[str, ...] | None) -> Response:
        if response.not_modified:
            return response
        if response.status >= 400 or response.status < 200:
            raise FetchError(original, f"HTTP {response.status}")
        media_type = (response.content_type or "").split(";")[0].strip().lower()
        if accept is not None and media_type and not media_type.startswith(accept):
            raise FetchError(original, f"unsupported content type {media_type}")
        return response

    # --- robots.txt -------------------------------------------------------------------------------------

    def _robots_allow(self, url: str) -> bool:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        if origin not in self._robots:
            self._robots[origin] = self._load_robots(origin)
        return self._robots[origin].can_fetch(self.options.user_agent, url)

    def _load_robots(self, origin: str) -> RobotFileParser:
        """RFC 9309: a missing robots.txt (4xx) allows everything; an unreachable one (5xx) allows nothing."""
        parser = RobotFileParser(f"{origin}/robots.txt")
        try:
            response = self._get(origin, f"{origin}/robots.txt", {}, ROBOTS_MAX_BYTES)
        except (_Retryable, FetchError):
            parser.disallow_all = True
            return parser
        if response.status >= 500:
            parser.disallow_all = True
        elif 200 <= response.status < 300:
            parser.parse(response.content.decode("utf-8", "replace").splitlines())
        else:
            parser.allow_all = True
        return parser


class _Retryable(Exception):
    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class _HostSlot:
    """Holds a host's lock for one request and keeps requests ``interval`` seconds apart."""

    def __init__(self, host: _Host, interval: float) -> None:
        self.host = host
        self.interval = interval

    def __enter__(self) -> None:
        self.host.lock.acquire()
        wait = self.host.last_request + self.interval - time.monotonic()
        if wait > 0:
            time.sleep(wait)

    def __exit__(self, *_exc: object) -> None:
        self.host.last_request = time.monotonic()
        self.host.lock.release()


def _host_header(hostname: str, port: int | None) -> str:
    host = f"[{hostname}]" if ":" in hostname else hostname
    return f"{host}:{port}" if port else host


def _read_capped(original: str, reply: httpx.Response, max_bytes: int, deadline: float) -> bytes:
    chunks, size = [], 0
    for chunk in reply.iter_bytes():
        size += len(chunk)
        if size > max_bytes:
            raise FetchError(original, f"response larger than the {max_bytes}-byte limit")
        if time.monotonic() > deadline:
            raise _Retryable("response too slow (total timeout)")
        chunks.append(chunk)
    return b"".join(chunks)


def http_date_to_iso(value: str | None) -> str | None:
    """An HTTP date header (``Date``, ``Last-Modified``) as ISO 8601, or ``None``."""
    if not value:
        return None
    try:
        return parsedate_to_datetime(value).isoformat()
    except (TypeError, ValueError):
        return None
