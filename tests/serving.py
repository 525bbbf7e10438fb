"""`minutes serve` as a subprocess and Debian's Chromium, shared by the browser tests."""

from __future__ import annotations

import contextlib
import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Playwright's waits are for a state (an element, an answer's id); on a loaded 2-core machine an answer or a file
# can take tens of seconds, so a wait gives up only after two minutes. A passing test never waits that long.
STATE_TIMEOUT_MS = 120_000
# Ingest embeds the test corpus before the app answers: a few dozen chunks, well under a minute on a loaded machine.
START_DEADLINE_S = 240
LISTENING = "Running on local URL:  "  # what Gradio prints once its server listens, before the URL


def require_chromium() -> None:
    if Path(CHROMIUM).exists():
        return
    message = f"{CHROMIUM} is missing: install it with `apt-get install -y chromium` (or `make system-deps`)"
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(message)
    pytest.skip(message)


@contextlib.contextmanager
def chromium() -> Iterator:
    """Debian's Chromium, headless, through Playwright (never a browser Playwright downloads)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def serve(
    root: Path, corpus: Path, env_set: dict[str, str] | None = None, env_drop: tuple[str, ...] = ()
) -> Iterator[str]:
    """Start `minutes serve` on a free loopback port over `corpus`, wait until it answers, yield its URL, stop it.

    It answers when the port gives 200 and its own log says Gradio listens there: the free port was free when chosen,
    and another process's server may take it before ours starts (ours then exits, and the wait says so)."""
    port = free_port()
    env = dict(os.environ, MINUTES_CORPUS=str(corpus), GRADIO_TEMP_DIR=str(root / "gradio"), PYTHONUNBUFFERED="1")
    env.update(env_set or {})
    for key in env_drop:
        env.pop(key, None)
    log_path = root / "serve.log"
    log = open(log_path, "w")  # noqa: SIM115 - closed after the process ends
    cmd = [sys.executable, "-m", "assistant", "serve", "--port", str(port), "--index", str(root / "index")]
    proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + START_DEADLINE_S
        while True:
            if proc.poll() is not None:
                pytest.fail(f"minutes serve exited with {proc.returncode}:\n{log_path.read_text()}")
            try:
                with urllib.request.urlopen(url, timeout=2) as r:
                    if r.status == 200 and f"{LISTENING}{url.rstrip('/')}" in log_path.read_text(errors="replace"):
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"minutes serve did not answer on {url}:\n{log_path.read_text()}")
            time.sleep(0.5)  # polling a subprocess's port, not synchronising a page
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()
