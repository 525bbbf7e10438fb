"""End to end: `minutes serve` as a subprocess, driven through Debian's Chromium with Playwright.

The temp corpus holds the Slagelse referat (with its minutes.toml) and a small fictional meeting whose text quotes
`<script>alert(1)</script>` and `<img src=x onerror=alert(1)>`. Artifacts: test-artifacts/answer.png and
test-artifacts/browser.json (answer latency seen in the browser).
"""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.server]

REPO = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).parent / "fixtures" / "web"
ARTIFACTS = REPO / "test-artifacts"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
QUESTION = "Hvad anbefalede udvalget om brug af data?"


def _require_chromium() -> None:
    if Path(CHROMIUM).exists():
        return
    message = f"{CHROMIUM} is missing: install it with `apt-get install -y chromium` (or `make system-deps`)"
    if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
        pytest.fail(message)
    pytest.skip(message)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    _require_chromium()
    root = tmp_path_factory.mktemp("serve")
    corpus = root / "corpus"
    shutil.copytree(REPO / "corpus" / "slagelse", corpus / "slagelse")
    shutil.copytree(FIXTURES / "minutes", corpus / "fiktiv")
    port = _free_port()
    env = dict(os.environ, MINUTES_CORPUS=str(corpus), GRADIO_TEMP_DIR=str(root / "gradio"), PYTHONUNBUFFERED="1")
    env.pop("MINUTES_AUTH", None)
    log = open(root / "serve.log", "w")  # noqa: SIM115 - closed after the process ends
    cmd = [sys.executable, "-m", "assistant", "serve", "--port", str(port), "--index", str(root / "index")]
    proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 240  # ingest embeds the corpus first (about 20 chunks)
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
        yield url, root
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


@pytest.fixture(scope="module")
def page(server):
    from playwright.sync_api import sync_playwright

    url, _ = server
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        context = browser.new_context(viewport={"width": 1280, "height": 1000}, accept_downloads=True)
        pg = context.new_page()
        pg.dialogs = []  # any alert() from minutes text would land here
        pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
        pg.goto(url, wait_until="load")
        pg.wait_for_selector("#onboarding", timeout=60_000)
        yield pg
        browser.close()


# Every answer carries its id in the page (class answer-<id> in the chat message; its citation links point at
# #cite-<id>-<n>; its sources' values and the opened source view are keyed "<id>-<n>"). The helpers wait for a new id,
# never for counts that the page before the question already met.
ANSWER_IDS = """() => [...document.querySelectorAll('#chat .answer-id')]
  .flatMap(e => [...e.classList].filter(c => c.startsWith('answer-') && c !== 'answer-id').map(c => c.slice(7)))"""
NEW_ANSWER = """([before]) => {
  const ids = (""" + ANSWER_IDS + """)();
  return ids.find(id => !before.includes(id)) || null;
}"""


def _ask(page, question: str) -> tuple[float, str]:
    """Ask in the chat tab; returns (seconds until the answer and its sources were on screen, the answer's id)."""
    page.get_by_role("tab", name="Spørg").click()
    before = page.evaluate(ANSWER_IDS)
    page.locator("#question textarea").fill(question)
    t0 = time.perf_counter()
    page.locator("#ask").click()
    answer_id = page.wait_for_function(NEW_ANSWER, arg=[before], timeout=120_000).json_value()
    page.locator(f'#sources input[value^="{answer_id}-"]').first.wait_for(timeout=30_000)
    return time.perf_counter() - t0, answer_id


def _open_source(page, answer_id: str, number: int = 1):
    """Choose source `number` of answer `answer_id` in the sources list; returns the source view once it shows it."""
    page.locator(f'#sources label:has(input[value="{answer_id}-{number}"])').click()
    view = page.locator(f"#source-view .cite-{answer_id}-{number}")
    view.wait_for(timeout=30_000)
    return view


def _open_export(page) -> None:
    if not page.locator("#export-button").is_visible():
        page.locator("#export-panel").get_by_text("Eksportér kildehenvisninger").click()
    page.locator("#export-button").wait_for(state="visible")


def test_ask_cite_open_export_upload(page, server, tmp_path):
    from docx import Document

    _, root = server
    start_text = page.locator("#onboarding").inner_text()
    assert "Slagelse Kommune" in start_text and "Fiktiv Kommune" in start_text

    latency, first = _ask(page, QUESTION)
    answer = page.locator(f"#chat .message-row:has(.answer-{first})")
    chat_text = answer.inner_text()
    assert "Brug data som strategisk værktøj" in chat_text
    assert "punkt 2: § 17,4 udvalgets afsluttende anbefalinger" in chat_text and "sag 24-012144" in chat_text
    first_source = page.locator(f'#sources label:has(input[value="{first}-1"])')
    assert "Slagelse Kommune" in first_source.inner_text() and "punkt 2" in first_source.inner_text()
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "answer.png"), full_page=True)

    # open the citation: the quote is highlighted inside punkt 2, under the meeting's header
    view = _open_source(page, first, 1)
    mark = view.locator("mark").first
    assert len(mark.inner_text()) > 20
    assert "Punkt 2:" in view.inner_text() and "Knud Vincents" in view.inner_text()
    assert "Torvegade 15" in view.inner_text()

    # export the conversation as Word and read it back; the file is named after what it holds
    _open_export(page)
    page.locator("#export-button").click()
    link = page.locator("#export-file a").first
    link.wait_for(timeout=30_000)
    with page.expect_download(timeout=30_000) as dl:
        link.click()
    assert dl.value.suggested_filename.startswith("referat-samtale-")
    saved = tmp_path / "svar.docx"
    dl.value.save_as(saved)
    paras = "\n".join(p.text for p in Document(str(saved)).paragraphs)
    assert QUESTION in paras and "Brug data som strategisk værktøj" in paras
    assert "punkt 2: § 17,4 udvalgets afsluttende anbefalinger" in paras and "(sag 24-012144)" in paras

    # a second question, with the model warm, for the latency record
    warm, second = _ask(page, "Hvad blev besluttet om skaterparken ved idrætscentret?")
    assert second != first
    # the earlier answer's sources and export file are gone from the panel: nothing of it stands in for this one
    assert page.locator(f'#sources input[value^="{first}-"]').count() == 0
    assert page.locator("#export-file a").count() == 0
    assert page.locator(f"#source-view .cite-{first}-1").count() == 0

    # minutes text with markup renders as text in the browser
    view = _open_source(page, second, 1)
    view.locator("mark").first.wait_for(timeout=30_000)
    assert "<script>alert(1)</script>" in view.inner_text()
    assert "<img src=x onerror=alert(1)>" in view.inner_text()
    assert view.locator("script").count() == 0 and view.locator("img").count() == 0
    assert page.dialogs == []

    # the latest answer alone, exported: named after its question
    page.locator("#export-scope").get_by_text("Seneste svar").click()
    page.locator("#export-button").click()
    link = page.locator("#export-file a").first
    link.wait_for(timeout=30_000)
    with page.expect_download(timeout=30_000) as dl:
        link.click()
    assert "hvad-blev-besluttet-om-skaterparken" in dl.value.suggested_filename

    # a bad upload is refused with the reader's message
    page.get_by_role("tab", name="Tilføj referater").click()
    page.locator("#upload-files input[type=file]").set_input_files(str(FIXTURES / "bad-truncated.json"))
    page.get_by_text("bad-truncated.json").first.wait_for(timeout=30_000)
    page.locator("#upload-button").click()
    result = page.locator("#upload-result")
    page.wait_for_function(
        "() => (document.querySelector('#upload-result')?.innerText || '').includes('Afvist')", timeout=60_000
    )
    assert "JSON-filen er ufuldstændig" in result.inner_text()
    assert not (root / "corpus" / "uploads" / "bad-truncated.json").exists()

    record = {"question": QUESTION, "answer_latency_s": round(latency, 3), "warm_answer_latency_s": round(warm, 3)}
    (ARTIFACTS / "browser.json").write_text(json.dumps(record, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"\nanswer latency in the browser: {latency:.2f} s (first question), {warm:.2f} s (second)")


def test_citation_links_open_their_own_answers_source(page):
    """[n] in an answer opens that answer's source n at the quote; an earlier answer's [n] opens the earlier one's,
    and the sources list (the latest answer's) then selects nothing."""
    _, first = _ask(page, QUESTION)
    _, second = _ask(page, "Hvad blev besluttet om skaterparken ved idrætscentret?")
    page.locator(f'#chat a.cite[href="#cite-{second}-1"]').first.click()
    view = page.locator(f"#source-view .cite-{second}-1")
    view.locator("mark").first.wait_for(timeout=30_000)
    assert "skaterpark" in view.inner_text().lower()
    assert page.locator(f'#sources input[value="{second}-1"]').is_checked()
    mark_box = view.locator("mark").first.bounding_box()
    assert mark_box and 0 <= mark_box["y"] < page.viewport_size["height"]  # scrolled to the quote

    page.locator(f'#chat a.cite[href="#cite-{first}-1"]').first.click()
    view = page.locator(f"#source-view .cite-{first}-1")
    view.locator("mark").first.wait_for(timeout=30_000)
    assert "Punkt 2:" in view.inner_text() and "Knud Vincents" in view.inner_text()
    assert page.locator(f'#sources input[value^="{second}-"]').count() > 0  # the list still shows the latest answer
    assert page.locator("#sources input:checked").count() == 0  # ... with none of its sources chosen
