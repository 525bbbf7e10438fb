"""The login in Chromium (issue 16, item 5): with MINUTES_AUTH set, the login page shows nothing of the index, a
wrong password gets in nowhere, and after logging in the chat answers as before (the endpoints made private for
the login page are still the page's own)."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from test_browser import CHROMIUM, CHROMIUM_ARGS, _free_port, _require_chromium

pytestmark = [pytest.mark.browser, pytest.mark.server]

REPO = Path(__file__).resolve().parent.parent
MINUTES = Path(__file__).parent / "fixtures" / "web" / "minutes"
SECRETS = ("Fiktiv Kommune", "Teknik- og Miljøudvalget", "Kultur- og Fritidsudvalget", "Skolevej")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    _require_chromium()
    root = tmp_path_factory.mktemp("serve-login")
    shutil.copytree(MINUTES, root / "corpus" / "fiktiv")
    port = _free_port()
    env = dict(os.environ, MINUTES_CORPUS=str(root / "corpus"), GRADIO_TEMP_DIR=str(root / "gradio"),
               MINUTES_AUTH="anna:hemmelig", PYTHONUNBUFFERED="1")
    log = open(root / "serve.log", "w")  # noqa: SIM115 - closed after the process ends
    cmd = [sys.executable, "-m", "assistant", "serve", "--port", str(port), "--index", str(root / "index")]
    proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 240
        while True:
            if proc.poll() is not None:
                pytest.fail(f"minutes serve exited with {proc.returncode}:\n{(root / 'serve.log').read_text()}")
            try:
                with urllib.request.urlopen(url, timeout=2) as r:
                    if r.status == 200:
                        break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"minutes serve did not answer on {url}:\n{(root / 'serve.log').read_text()}")
            time.sleep(0.5)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


def _login(page, user: str, password: str) -> None:
    page.locator("input[type='text'], input:not([type])").first.fill(user)
    page.locator("input[type='password']").first.fill(password)
    page.get_by_role("button", name=re.compile("log", re.I)).first.click()


def test_login_page_shows_nothing_and_the_chat_works_after_login(server):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        page = browser.new_context().new_page()
        page.goto(server, wait_until="load")
        page.locator("input[type='password']").wait_for(timeout=60_000)
        html = page.content()
        assert not [s for s in SECRETS if s in html], "the login page shows the index"

        _login(page, "anna", "forkert")
        page.get_by_text(re.compile("incorrect|forkert|invalid", re.I)).first.wait_for(timeout=30_000)
        assert page.locator("#onboarding").count() == 0
        assert not [s for s in SECRETS if s in page.content()]

        _login(page, "anna", "hemmelig")
        page.wait_for_selector("#onboarding", timeout=60_000)
        page.get_by_role("tab", name="Spørg").click()
        page.locator("#question textarea").fill("Hvad blev besluttet om vejbump på Skolevej?")
        page.locator("#ask").click()
        page.wait_for_function(
            "() => document.querySelector('#chat')?.innerText.includes('Skolevej')"
            " && document.querySelectorAll('#sources label').length > 0"
            " && !document.querySelector('#chat')?.innerText.includes('Søger i referaterne')",
            timeout=120_000,
        )
        assert "[1]" in page.locator("#chat").inner_text()
        browser.close()
