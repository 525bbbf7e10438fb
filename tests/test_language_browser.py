"""One language at a time in the browser: every view of the page (start, chat with an answer and a refusal, the
toast for an empty question, a source, the export, meetings and a case, an upload with a refused file), in Danish and
after switching to English, shows no word of the other language.

The words come from our own phrase tables (tests/language_words.py): a word only the other language's texts use,
that the test minutes do not contain (minutes stay Danish in the English page), plus Gradio's own English words.
`minutes serve` runs as a subprocess on the Slagelse referat and the fictional web fixtures; Debian's Chromium.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from language_words import corpus_words, distinctive, other_language
from serving import REPO, STATE_TIMEOUT_MS, chromium, require_chromium, serve

from assistant.prompts import PHRASES, localized
from assistant.readers import read_file
from assistant.settings import Settings
from assistant.web.texts import UI, ui

pytestmark = [pytest.mark.browser, pytest.mark.server]

FIXTURES = Path(__file__).parent / "fixtures" / "web"
ARTIFACTS = REPO / "test-artifacts"
QUESTIONS = {
    "da": ("Hvad anbefalede udvalget om brug af data?", "Hvad koster den nye svømmehal i Korsør?"),
    "en": ("What did the committee recommend about the use of data?", "What does the new swimming pool cost?"),
}
# The language picker names both languages in both pages.
LANGUAGE_NAMES = {"dansk", "english"}


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    require_chromium()
    root = tmp_path_factory.mktemp("serve-lang")
    corpus = root / "corpus"
    shutil.copytree(REPO / "corpus" / "slagelse", corpus / "slagelse")
    shutil.copytree(FIXTURES / "minutes", corpus / "fiktiv")
    with serve(root, corpus, env_drop=("MINUTES_AUTH", "MINUTES_LANGUAGE")) as url:
        yield url


@pytest.fixture(scope="module")
def browser(server):
    with chromium() as b:
        yield b


@pytest.fixture(scope="module")
def vocab():
    minutes = corpus_words(REPO / "corpus" / "slagelse", FIXTURES / "minutes")
    return distinctive([UI, PHRASES], minutes)


def _visible_text(page) -> str:
    """What a reader sees and hears: the rendered text (not screen-reader-only text), the placeholders of visible
    fields, and the tooltips and screen-reader labels (title, aria-label) of rendered elements."""
    return page.evaluate(
        """() => {
        const hidden = [...document.querySelectorAll('.sr-only')];
        hidden.forEach(el => el.dataset.langTestDisplay = el.style.display, el => 0);
        hidden.forEach(el => { el.style.display = 'none'; });
        const parts = [document.body.innerText];
        hidden.forEach(el => { el.style.display = el.dataset.langTestDisplay || ''; });
        for (const el of document.querySelectorAll('[placeholder]')) {
          if (el.offsetParent) parts.push(el.getAttribute('placeholder'));
        }
        for (const el of document.querySelectorAll('[title], [aria-label]')) {
          if (el.getClientRects().length) parts.push(el.title || '', el.getAttribute('aria-label') || '');
        }
        return parts.join('\\n');
      }"""
    )


def _has_text(page, selector: str, text: str, timeout: int = 120_000) -> None:
    """Wait until ``selector``'s text contains ``text`` (new content, never a count the old state already meets)."""
    page.wait_for_function(
        "([sel, text]) => (document.querySelector(sel)?.innerText || '').includes(text)",
        arg=[selector, text],
        timeout=timeout,
    )


def _tour(page, lang: str) -> dict[str, str]:
    """Every view's text, in order; the page is already in ``lang``."""
    seen: dict[str, str] = {}
    page.get_by_role("tab", name=ui("tab_start", lang)).click()
    _has_text(page, "#onboarding", ui("welcome", lang))
    seen["start"] = _visible_text(page)

    page.get_by_role("tab", name=ui("tab_chat", lang), exact=True).click()
    page.locator("#ask").click()  # an empty question: the question box says what to do
    page.wait_for_function(
        "(text) => document.querySelector('#question textarea')?.placeholder === text",
        arg=ui("empty_question", lang),
        timeout=STATE_TIMEOUT_MS,
    )
    seen["empty_question"] = _visible_text(page)

    answer_q, refusal_q = QUESTIONS[lang]
    page.locator("#question textarea").fill(answer_q)
    page.locator("#ask").click()
    _has_text(page, "#chat", "Brug data som strategisk værktøj")
    _has_text(page, "#sources", "24-012144")
    seen["answer"] = _visible_text(page)

    page.locator("#sources label").first.click()
    page.locator("#source-view mark").first.wait_for(timeout=STATE_TIMEOUT_MS)
    seen["source"] = _visible_text(page)

    page.locator("#export-panel").get_by_text(ui("export", lang)).click()
    page.locator("#export-button").click()
    _has_text(page, "#export-message", ".docx")
    seen["export"] = _visible_text(page)

    page.locator("#question textarea").fill(refusal_q)
    page.locator("#ask").click()
    _has_text(page, "#chat", PHRASES["refusal"][lang])
    seen["refusal"] = _visible_text(page)

    page.get_by_role("tab", name=ui("tab_meetings", lang)).click()
    page.locator("#show-meetings").click()
    page.locator("#meeting-view .meeting-view").wait_for(timeout=STATE_TIMEOUT_MS)
    page.locator("#case-number textarea, #case-number input").first.fill("24-012144")
    page.locator("#case-button").click()
    page.locator("#case-view .case-view").wait_for(timeout=STATE_TIMEOUT_MS)
    seen["meetings"] = _visible_text(page)

    page.get_by_role("tab", name=ui("tab_upload", lang)).click()
    page.locator("#upload-files").wait_for(state="visible", timeout=STATE_TIMEOUT_MS)  # (the form drawn: see
    page.locator("#upload-button").wait_for(state="visible", timeout=STATE_TIMEOUT_MS)  # test_browser's upload)
    seen["upload_form"] = _visible_text(page)
    files = [str(FIXTURES / "not-minutes.txt"), str(FIXTURES / "minutes" / "teknik-2025-04-07.json")]
    page.locator("#upload-files input[type=file]").set_input_files(files)
    for name in ("not-minutes.txt", "teknik-2025-04-07.json"):  # uploaded to the server: its download link is there
        page.locator(f'#upload-files a[download="{name}"]').wait_for(timeout=STATE_TIMEOUT_MS)
    page.locator("#upload-button").click()
    _has_text(page, "#upload-result", "⛔")
    _has_text(page, "#upload-result", ui("ingest_done", lang, added=0, changed=0, failed=1).split(":")[0])
    seen["upload"] = _visible_text(page)
    return seen


@pytest.mark.parametrize("lang", ["da", "en"])
def test_every_view_in_one_language(browser, server, vocab, lang):
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    context.set_default_timeout(STATE_TIMEOUT_MS)
    page = context.new_page()
    try:
        page.goto(server, wait_until="load")
        page.wait_for_selector("#onboarding", timeout=60_000)
        if lang == "en":
            page.locator("#language").get_by_text("English").click()
            page.get_by_role("tab", name=ui("tab_start", "en")).wait_for(timeout=STATE_TIMEOUT_MS)
        seen = _tour(page, lang)
        assert page.evaluate("document.documentElement.lang") == lang  # Gradio's "en" follows the page's language
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"language-{lang}.png"), full_page=True)
    finally:
        context.close()

    foreign = {view: other_language(text, lang, vocab, ignore=LANGUAGE_NAMES) for view, text in seen.items()}
    assert not any(foreign.values()), {view: words for view, words in foreign.items() if words}
    upload = seen["upload"]
    # the summary agrees with the outcomes above it: one refused file, counted as one
    assert "⛔" in upload and ui("ingest_done", lang, added=0, changed=0, failed=1) in upload
    assert ui("empty_question", lang) in seen["empty_question"]
    # the reader's reason for refusing the file, in the page's language
    refused = read_file(FIXTURES / "not-minutes.txt", Settings()).error
    assert localized(refused.problem, lang) in upload and localized(refused.hint, lang) in upload
    assert ui("gr_clear", lang) in seen["answer"] and ui("gr_like", lang) in seen["answer"]  # Gradio's chat buttons
