"""The polite HTTP client of the fetcher: a delay between requests, connect and read timeouts and an overall deadline
per request, a cap on each answer's size (decompressed bytes counted), redirects followed only within the site,
retries with exponential backoff on 5xx, 429 and network errors, a User-Agent that names the program, and JSON
bodies checked before anyone sees them.
"""

from __future__ import annotations

import json
import socket
import threading
import time
from collections.abc import Callable
from typing import Any
from urllib.parse import urljoin, urlsplit

from assistant import __version__
from assistant.messages import Message
from assistant.settings import Settings

MAX_BACKOFF = 60.0
MAX_REDIRECTS = 5
READ_CHUNK = 64 * 1024  # bytes decoded per read: a gzip bomb is stopped within one chunk of the cap


class HttpProblem(Exception):
    """One request failed for good: ``status`` is the HTTP status, or None for a network error or a bad body.

    ``kind``: "http", "connection", "timeout", "deadline", "too-big", "redirect" or "body"."""

    def __init__(self, url: str, message: str, status: int | None = None, retryable: bool = False,
                 kind: str = "http"):
        super().__init__(f"{url}: {message}")
        self.url, self.message, self.status, self.retryable, self.kind = url, message, status, retryable, kind


def same_site(url: str, target: str) -> bool:
    """Whether a redirect from ``url`` to ``target`` stays on the site: the same host and port (http may become
    https on the same host, never the other way)."""
    a, b = urlsplit(url), urlsplit(target)
    if not b.hostname or b.scheme not in ("http", "https") or (a.scheme == "https" and b.scheme == "http"):
        return False
    if a.hostname != b.hostname:
        return False
    default = {"http": 80, "https": 443}
    return (a.port or default.get(a.scheme)) == (b.port or default[b.scheme]) or a.port is b.port is None


class PoliteClient:
    """GET JSON with a delay between requests, timeouts and a deadline, a size cap, same-site redirects only,
    retries with exponential backoff and a clear User-Agent."""

    def __init__(self, settings: Settings, session: Any = None, sleep: Callable[[float], None] = time.sleep):
        import requests  # only the fetcher needs it

        self._requests = requests
        self._socks: set[Any] = set()  # this client's sockets: the deadline's watchdog shuts them down
        self._expired = False
        self.session = session or _watched_session(self._socks)
        contact = getattr(settings, "fetch_contact", None) or "ikke angivet"
        self.session.headers.update({
            "User-Agent": f"Referat-assistenten/{__version__} (+kontakt: {contact})",
            "Accept": "application/json",
        })
        self.delay = max(0.0, settings.fetch_delay)
        self.timeout = settings.fetch_timeout
        self.connect_timeout = settings.fetch_connect_timeout
        self.deadline = settings.fetch_deadline
        self.max_bytes = int(settings.fetch_max_mb * 1024 * 1024)
        self.max_mb = settings.fetch_max_mb
        self.retries = max(0, settings.fetch_retries)
        self.sleep = sleep
        self._last = 0.0
        self.requests_made = 0

    def _wait_turn(self) -> None:
        pause = self._last + self.delay - time.monotonic()
        if pause > 0:
            self.sleep(pause)
        self._last = time.monotonic()

    def _backoff(self, attempt: int, retry_after: str | None) -> float:
        if retry_after and retry_after.strip().isdigit():
            return min(MAX_BACKOFF, float(retry_after))
        return min(MAX_BACKOFF, max(self.delay, 0.25) * 2**attempt)

    def get_json(self, url: str) -> Any:
        """The decoded JSON at ``url``; HttpProblem when it cannot be had (after retries where retrying helps)."""
        attempt = 0
        while True:
            self._wait_turn()
            self.requests_made += 1
            retry_after = None
            try:
                status, reason, headers, body, encoding = self._get(url)
            except HttpProblem as exc:
                problem = exc
            else:
                if status < 400:
                    return _decode(body, headers, encoding, status, url)
                problem = HttpProblem(url, f"HTTP {status} {reason or ''}".strip(), status,  # the same in both
                                      retryable=status >= 500 or status == 429)
                retry_after = headers.get("Retry-After")
            if not problem.retryable or attempt >= self.retries:
                if problem.retryable and self.retries:
                    problem.message = Message("http_after_retries", error=problem.message, n=self.retries)
                raise problem
            self.sleep(self._backoff(attempt, retry_after))
            attempt += 1

    def _get(self, url: str) -> tuple[int, str, Any, bytes, str | None]:
        """One GET with its redirects (same site only) and its body read within the deadline and the size cap.

        A watchdog shuts the connection down at the deadline, so a server dripping its headers (where no read
        loop of ours runs) is cut off too."""
        started = time.monotonic()
        self._expired = False
        self._socks.difference_update([s for s in list(self._socks) if s.fileno() == -1])
        watchdog = threading.Timer(self.deadline, self._expire)
        watchdog.daemon = True
        watchdog.start()
        try:
            return self._follow(url, started)
        finally:
            watchdog.cancel()

    def _expire(self) -> None:
        self._expired = True
        for sock in list(self._socks):
            try:
                sock.shutdown(socket.SHUT_RDWR)
            except OSError:
                pass

    def _follow(self, url: str, started: float) -> tuple[int, str, Any, bytes, str | None]:
        current = url
        for _ in range(MAX_REDIRECTS + 1):
            resp = self._send(current, started)
            try:
                if resp.is_redirect:
                    target = urljoin(current, resp.headers.get("Location", ""))
                    if not same_site(current, target):
                        host = urlsplit(target).netloc or target
                        raise HttpProblem(url, Message("http_redirect_other_host", host=host), resp.status_code,
                                          kind="redirect")
                    current = target
                    continue
                body = self._read_body(resp, url, started)
                return resp.status_code, resp.reason or "", resp.headers, body, resp.encoding
            finally:
                resp.close()
        raise HttpProblem(url, Message("http_too_many_redirects", n=MAX_REDIRECTS), kind="redirect")

    def _send(self, url: str, started: float) -> Any:
        rq = self._requests
        left = self.deadline - (time.monotonic() - started)
        if left <= 0:
            raise self._late(url)
        try:
            return self.session.get(url, timeout=(min(self.connect_timeout, left), min(self.timeout, left)),
                                    stream=True, allow_redirects=False)
        except rq.RequestException as exc:
            if self._expired:  # the watchdog cut the connection at the deadline
                raise self._late(url) from None
            if isinstance(exc, rq.ConnectTimeout):
                late = Message("http_connect_timeout", s=self.connect_timeout, setting="MINUTES_FETCH_CONNECT_TIMEOUT")
                raise HttpProblem(url, late, retryable=True, kind="timeout") from None
            if isinstance(exc, rq.ReadTimeout):
                raise self._read_timeout(url) from None
            if isinstance(exc, rq.ConnectionError | rq.Timeout):
                raise HttpProblem(url, Message("http_no_connection", error=type(exc).__name__), retryable=True,
                                  kind="connection") from None
            raise HttpProblem(url, Message("http_not_sent", error=f"{type(exc).__name__}: {exc}"),
                              kind="connection") from None

    def _read_timeout(self, url: str) -> HttpProblem:
        late = Message("http_read_timeout", s=self.timeout, setting="MINUTES_FETCH_TIMEOUT")
        return HttpProblem(url, late, retryable=True, kind="timeout")

    def _late(self, url: str) -> HttpProblem:
        late = Message("http_deadline", s=self.deadline, setting="MINUTES_FETCH_DEADLINE")
        return HttpProblem(url, late, kind="deadline")

    def _too_big(self, url: str) -> HttpProblem:
        big = Message("http_too_big", mb=self.max_mb, setting="MINUTES_FETCH_MAX_MB")
        return HttpProblem(url, big, kind="too-big")

    def _read_body(self, resp: Any, url: str, started: float) -> bytes:
        """The decoded body, read a chunk at a time: never more than the cap (decompressed bytes counted, so a
        gzip bomb stops within one chunk of it) and never past the deadline (a server dripping bytes is cut off)."""
        import urllib3

        declared = resp.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            raise self._too_big(url)
        raw, body = resp.raw, bytearray()
        while True:
            if time.monotonic() - started > self.deadline:
                raise self._late(url)
            try:
                chunk = raw.read1(READ_CHUNK, decode_content=True)
            except (urllib3.exceptions.HTTPError, OSError) as exc:
                if self._expired or time.monotonic() - started > self.deadline:
                    raise self._late(url) from None
                if "timed out" in str(exc).lower():
                    raise self._read_timeout(url) from None
                raise HttpProblem(url, Message("http_cut", error=type(exc).__name__), retryable=True,
                                  kind="connection") from None
            if not chunk:
                return bytes(body)
            body += chunk
            if len(body) > self.max_bytes:
                raise self._too_big(url)


def _decode(body: bytes, headers: Any, encoding: str | None, status: int, url: str) -> Any:
    if not body.strip():
        raise HttpProblem(url, Message("http_empty"), status, kind="body")
    ctype = headers.get("Content-Type", "")
    if "html" in ctype.lower() or body.lstrip()[:1] == b"<":
        kind = ctype or Message("http_no_content_type")
        raise HttpProblem(url, Message("http_html", kind=kind), status, kind="body")
    try:
        return json.loads(body.decode(encoding or "utf-8", errors="strict").lstrip("\ufeff"))
    except (ValueError, LookupError) as exc:
        raise HttpProblem(url, Message("http_bad_json", error=exc), status, kind="body") from None


def _watched_session(socks: set[Any]) -> Any:
    """A requests Session whose connections record their sockets in ``socks`` (for the deadline's watchdog)."""
    import requests
    from urllib3.connectionpool import HTTPConnectionPool, HTTPSConnectionPool

    def recording(pool_cls: Any) -> Any:
        class Connection(pool_cls.ConnectionCls):
            def connect(self) -> None:
                super().connect()
                socks.add(self.sock)

        return type(pool_cls.__name__, (pool_cls,), {"ConnectionCls": Connection})

    pools = {"http": recording(HTTPConnectionPool), "https": recording(HTTPSConnectionPool)}

    class Adapter(requests.adapters.HTTPAdapter):
        def init_poolmanager(self, *args: Any, **kwargs: Any) -> None:
            super().init_poolmanager(*args, **kwargs)
            self.poolmanager.pool_classes_by_scheme = pools

    session = requests.Session()
    for prefix in ("http://", "https://"):
        session.mount(prefix, Adapter())
    return session
