"""The polite HTTP client of the fetcher: a delay between requests, a timeout, retries with exponential backoff on
5xx, 429 and network errors, a User-Agent that names the program, and JSON bodies checked before anyone sees them.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any

from assistant import __version__
from assistant.settings import Settings

MAX_BACKOFF = 60.0


class HttpProblem(Exception):
    """One request failed for good: ``status`` is the HTTP status, or None for a network error or a bad body."""

    def __init__(self, url: str, message: str, status: int | None = None, retryable: bool = False):
        super().__init__(f"{url}: {message}")
        self.url, self.message, self.status, self.retryable = url, message, status, retryable


class PoliteClient:
    """GET JSON with a delay between requests, a timeout, retries with exponential backoff and a clear User-Agent."""

    def __init__(self, settings: Settings, session: Any = None, sleep: Callable[[float], None] = time.sleep):
        import requests  # only the fetcher needs it

        self._requests = requests
        self.session = session or requests.Session()
        contact = getattr(settings, "fetch_contact", None) or "ikke angivet"
        self.session.headers.update({
            "User-Agent": f"Referat-assistenten/{__version__} (+kontakt: {contact})",
            "Accept": "application/json",
        })
        self.delay = max(0.0, settings.fetch_delay)
        self.timeout = settings.fetch_timeout
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
            try:
                resp = self.session.get(url, timeout=self.timeout)
            except (self._requests.ConnectionError, self._requests.Timeout) as exc:
                problem = HttpProblem(url, f"ingen forbindelse ({type(exc).__name__})", retryable=True)
                retry_after = None
            else:
                if resp.status_code < 400:
                    return _decode(resp, url)
                problem = HttpProblem(url, f"HTTP {resp.status_code} {resp.reason or ''}".strip(), resp.status_code,
                                      retryable=resp.status_code >= 500 or resp.status_code == 429)
                retry_after = resp.headers.get("Retry-After")
            if not problem.retryable or attempt >= self.retries:
                if problem.retryable and self.retries:
                    problem.message += f" (også efter {self.retries} nye forsøg)"
                raise problem
            self.sleep(self._backoff(attempt, retry_after))
            attempt += 1


def _decode(resp: Any, url: str) -> Any:
    body = resp.content or b""
    if not body.strip():
        raise HttpProblem(url, "tomt svar", resp.status_code)
    ctype = resp.headers.get("Content-Type", "")
    if "html" in ctype.lower() or body.lstrip()[:1] == b"<":
        kind = ctype or "ingen Content-Type"
        raise HttpProblem(url, f"svarede med HTML i stedet for JSON ({kind})", resp.status_code)
    try:
        return json.loads(body.decode(resp.encoding or "utf-8", errors="strict").lstrip("\ufeff"))
    except (ValueError, LookupError) as exc:
        raise HttpProblem(url, f"svaret er ikke gyldig JSON ({exc})", resp.status_code) from None
