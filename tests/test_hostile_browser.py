"""The login in Chromium (issue 16, item 5): with MINUTES_AUTH set, the login page shows nothing of the index, a
wrong password gets in nowhere, and after logging in the chat answers as before (the endpoints made private for
the login page are still the page's own)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest
from serving import STATE_TIMEOUT_MS, chromium, require_chromium, serve

pytestmark = [pytest.mark.browser, pytest.mark.server]

MINUTES = Path(__file__).parent / "fixtures" / "web" / "minutes"
SECRETS = ("Fiktiv Kommune", "Teknik- og Miljøudvalget", "Kultur- og Fritidsudvalget", "Skolevej")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    require_chromium()
    root = tmp_path_factory.mktemp("serve-login")
    shutil.copytree(MINUTES, root / "corpus" / "fiktiv")
    with serve(root, root / "corpus", env_set={"MINUTES_AUTH": "anna:hemmelig"}) as url:
        yield url


def _login(page, user: str, password: str) -> None:
    page.locator("input[type='text'], input:not([type])").first.fill(user)
    page.locator("input[type='password']").first.fill(password)
    page.get_by_role("button", name=re.compile("log", re.I)).first.click()


def test_login_page_shows_nothing_and_the_chat_works_after_login(server):
    with chromium() as browser:
        context = browser.new_context()
        context.set_default_timeout(STATE_TIMEOUT_MS)
        page = context.new_page()
        page.goto(server, wait_until="load")
        page.locator("input[type='password']").wait_for(timeout=STATE_TIMEOUT_MS)
        html = page.content()
        assert not [s for s in SECRETS if s in html], "the login page shows the index"
        # Gradio's own login form, in the app's language (Danish here) with a title (axe: document-title)
        page.wait_for_function(
            "() => ['Brugernavn', 'Adgangskode', 'Log ind'].every(w => document.body.innerText.includes(w))"
            " && !/username|password|Login/.test(document.body.innerText)"
            " && document.documentElement.lang === 'da'",
            timeout=STATE_TIMEOUT_MS,
        )
        assert page.title() == "Log ind – Referat-assistenten"

        _login(page, "anna", "forkert")
        page.get_by_text("Forkert brugernavn eller adgangskode").wait_for(timeout=STATE_TIMEOUT_MS)
        assert page.locator("#onboarding").count() == 0
        assert not [s for s in SECRETS if s in page.content()]

        _login(page, "anna", "hemmelig")
        page.wait_for_selector("#onboarding", timeout=STATE_TIMEOUT_MS)
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
