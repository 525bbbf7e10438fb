"""Gradio's login page in the app's language: a title, the page's language, and Danish (or English) words.

Gradio serves its own login form (with MINUTES_AUTH) from a config of its own: no title, no ``head``, and its words
("Login", "username", "Incorrect Credentials") come from Gradio's frontend locales, which have no Danish. This ASGI
middleware rewrites that one page (GET /, while the page is the login form) before it leaves the server: a
``<title>``, ``<html lang>``, and the script of web/gradio_words.py that puts our words in place of Gradio's.
Every other response passes untouched, streamed as it was.
"""

from __future__ import annotations

import html
import re

from assistant.web import gradio_words
from assistant.web.texts import ui

# The marker of the login page in Gradio's page config (routes.py builds it for a request without a session).
_LOGIN_MARK = re.compile(rb'"auth_required"\s*:\s*true')
_HTML_TAG = re.compile(rb"<html\b[^>]*>", re.I)
_HEAD_TAG = re.compile(rb"<head\b[^>]*>", re.I)


def rewrite(page: bytes, lang: str) -> bytes:
    """The login page with a title, its language and our words; any other page unchanged."""
    if not _LOGIN_MARK.search(page):
        return page
    title = f"<title>{html.escape(ui('login_title', lang))}</title>"
    page = _HTML_TAG.sub(f'<html lang="{html.escape(lang)}">'.encode(), page, count=1)
    return _HEAD_TAG.sub(lambda m: m.group(0) + (title + gradio_words.script(lang)).encode(), page, count=1)


class LoginPage:
    """ASGI middleware: GET / is buffered and passed through :func:`rewrite`; everything else is untouched."""

    def __init__(self, app, lang: str = "da") -> None:  # noqa: ANN001 - an ASGI app
        self.app, self.lang = app, lang

    async def __call__(self, scope, receive, send) -> None:  # noqa: ANN001 - the ASGI interface
        if scope["type"] != "http" or scope.get("method") != "GET" or scope.get("path", "") not in ("", "/"):
            await self.app(scope, receive, send)
            return
        start: dict = {}
        parts: list[bytes] = []

        async def buffered(message: dict) -> None:
            if message["type"] == "http.response.start":
                start.update(message)
                return
            if message["type"] != "http.response.body":
                await send(message)
                return
            parts.append(message.get("body", b""))
            if message.get("more_body"):
                return
            body = b"".join(parts)
            headers = dict(start.get("headers") or [])
            if headers.get(b"content-type", b"").startswith(b"text/html") and b"content-encoding" not in headers:
                body = rewrite(body, self.lang)
            out = [(k, v) for k, v in start.get("headers") or [] if k.lower() != b"content-length"]
            await send({**start, "headers": [*out, (b"content-length", str(len(body)).encode())]})
            await send({"type": "http.response.body", "body": body})

        await self.app(scope, receive, buffered)
