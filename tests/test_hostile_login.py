"""Login and serving that fail closed (issue 16, items 5 and 6): a malformed MINUTES_AUTH or a public address
without a login stops `minutes serve`; logged out, no route shows the index; a running ingest neither stops
`minutes serve` nor half-adds an upload."""

from __future__ import annotations

import fcntl
import json
import shutil
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.cli import main

MINUTES = Path(__file__).parent / "fixtures" / "web" / "minutes"
SECRETS = ("Fiktiv Kommune", "Kultur- og Fritidsudvalget", "Teknik- og Miljøudvalget", "Skolevej")


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    from assistant.ingest import ingest
    from assistant.settings import Settings

    root = tmp_path_factory.mktemp("login")
    shutil.copytree(MINUTES, root / "corpus" / "fiktiv")
    ingest(None, Settings(index=root / "index", corpus=root / "corpus"), show_progress=False)
    return root


def _serve_args(root: Path, *extra: str) -> list[str]:
    return ["serve", "--no-ingest", "--index", str(root / "index"), "--corpus", str(root / "corpus"), *extra]


@pytest.mark.parametrize("auth", ["admin", "admin:", ":hemmelig", "anna:ok,bo"])
def test_malformed_auth_stops_serve(built, monkeypatch, auth):
    import assistant.web as web

    launched = []
    monkeypatch.setattr(web, "launch", lambda *a, **k: launched.append(a))
    monkeypatch.setenv("MINUTES_AUTH", auth)
    r = CliRunner().invoke(main, _serve_args(built))
    assert r.exit_code == 2 and "MINUTES_AUTH er ugyldig" in r.stderr, r.output
    assert "hemmelig" not in r.stderr and not launched  # never served, the password never echoed


def test_malformed_auth_is_told_in_the_clis_language(built, monkeypatch):
    import assistant.web as web

    monkeypatch.setattr(web, "launch", lambda *a, **k: None)
    monkeypatch.setenv("MINUTES_AUTH", "anna:ok,bo:")
    monkeypatch.setenv("MINUTES_LANGUAGE", "en")
    r = CliRunner().invoke(main, _serve_args(built))
    assert r.exit_code == 2, r.output
    assert "Error: MINUTES_AUTH is invalid: login 'bo' lacks a password. Write user:password" in r.stderr, r.stderr
    assert "ugyldig" not in r.stderr  # one language at a time


def test_public_address_without_login_needs_allow_public(built, monkeypatch):
    import assistant.web as web

    launched = []
    monkeypatch.setattr(web, "launch", lambda settings, share=False: launched.append(settings.host))
    r = CliRunner().invoke(main, _serve_args(built, "--host", "0.0.0.0"))
    assert r.exit_code == 2 and "uden login" in r.stderr and "--allow-public" in r.stderr and not launched
    for host in ("::", "localhost.example.org", "192.168.1.20"):  # not loopback, whatever the name begins with
        r = CliRunner().invoke(main, _serve_args(built, "--host", host))
        assert r.exit_code == 2 and "--allow-public" in r.stderr and not launched, (host, r.output)
    r = CliRunner().invoke(main, _serve_args(built, "--host", "127.0.0.2"))
    assert r.exit_code == 0 and "Advarsel" not in r.stderr and launched == ["127.0.0.2"]
    launched.clear()
    r = CliRunner().invoke(main, _serve_args(built, "--host", "0.0.0.0", "--allow-public"))
    assert r.exit_code == 0 and "Advarsel: chatten er åben for alle" in r.stderr and launched == ["0.0.0.0"]
    monkeypatch.setenv("MINUTES_AUTH", "anna:hemmelig")
    r = CliRunner().invoke(main, _serve_args(built, "--host", "0.0.0.0"))
    assert r.exit_code == 0 and "Advarsel" not in r.stderr and launched[-1] == "0.0.0.0"


def _get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=30) as resp:
            return resp.status, resp.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode("utf-8", "replace")


@pytest.mark.server
def test_logged_out_no_route_shows_the_index(built):
    from assistant.settings import Settings
    from assistant.web.app import build_app, launch

    settings = Settings(index=built / "index", corpus=built / "corpus", auth="anna:hemmelig", port=0)
    seen = {}
    import gradio as gr

    real = gr.Blocks.launch

    def capture(self, **kw):
        kw.update(server_port=None, prevent_thread_lock=True, quiet=True)
        seen["demo"] = self
        return real(self, **kw)

    gr.Blocks.launch = capture
    try:
        launch(settings)
    finally:
        gr.Blocks.launch = real
    demo = seen["demo"]
    try:
        base = demo.local_url.rstrip("/")
        paths = {"/", "/?all_endpoints=true", "/config", "/gradio_api/info", "/gradio_api/info?all_endpoints=true"}
        paths |= {r.path for r in demo.app.routes if getattr(r, "methods", None) and "GET" in r.methods
                  and "{" not in r.path}
        for path in sorted(paths):
            status, body = _get(base + path)
            leaked = [s for s in SECRETS if s in body]
            assert not leaked, (path, status, leaked)
        status, body = _get(base + "/")
        assert status == 200 and "auth_required" in body  # the login page itself is served
        # in the app's language, with a title (Gradio's login page has none)
        assert "<title>Log ind – Referat-assistenten</title>" in body and '<html lang="da">' in body
        assert '"gradio": "username", "da": "Brugernavn"' in body
        for path in ("/gradio_api/queue/join", "/gradio_api/upload", "/gradio_api/run/predict"):
            data = json.dumps({"fn_index": 0, "data": ["Hvad blev besluttet om vejbump?"], "session_hash": "x"})
            req = urllib.request.Request(base + path, data=data.encode(), method="POST",
                                         headers={"Content-Type": "application/json"})
            try:
                urllib.request.urlopen(req, timeout=30)
                code = 200
            except urllib.error.HTTPError as exc:
                code = exc.code
            assert code in (401, 403), (path, code)  # nothing runs for a visitor who is not logged in
    finally:
        demo.close()
    assert build_app  # the same app as `minutes serve` builds


def test_only_the_login_page_is_rewritten():
    from assistant.web.login_page import rewrite

    app_page = b'<html lang="en"><head></head><body><script>window.gradio_config = {"title": "x"};</script></body>'
    assert rewrite(app_page, "da") == app_page  # the app itself (logged in) keeps Gradio's page as it is
    login = b'<!doctype html><html lang="en"><head>\n<meta charset="utf-8"><script>window.gradio_config = '
    login += b'{"auth_required": true, "auth_message": "</script><script>alert(1)</script>"};</script></head></html>'
    out = rewrite(login, "en").decode()
    assert out.count("<title>") == 1 and "<title>Log in – Referat-assistenten</title>" in out
    assert out.startswith('<!doctype html><html lang="en"><head><title>')
    words = json.loads(out.split("const words = ", 1)[1].split(", prefixes = ", 1)[0])
    assert {"gradio": "username", "da": "Brugernavn", "en": "Username"} in words
    assert {"gradio": "Login", "da": "Log ind", "en": "Log in"} in words
    assert 'let lang = "en";' in out
    assert out.count("alert(1)") == 1  # the page's own (Gradio-escaped) config is not touched, nothing added


def test_running_ingest_neither_stops_serve_nor_half_adds_an_upload(built, monkeypatch, tmp_path):
    import assistant.web as web
    from assistant.settings import Settings
    from assistant.web.state import Services
    from assistant.web.upload import add_uploads, uploads_dir

    lock = open(built / "index" / "ingest.lock", "a")  # as a running ingest holds it
    fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    try:
        r = CliRunner().invoke(main, ["ingest", str(built / "corpus"), "--index", str(built / "index"), "--quiet"])
        assert r.exit_code == 2 and "En anden indlæsning kører allerede" in r.stderr
        launched = []
        monkeypatch.setattr(web, "launch", lambda settings, share=False: launched.append(settings.port))
        r = CliRunner().invoke(main, ["serve", "--index", str(built / "index"), "--corpus", str(built / "corpus")])
        assert r.exit_code == 0 and "starter med det indeks, der er" in r.stderr and launched, r.output
        r = CliRunner().invoke(main, ["ask", "Hvad blev besluttet om vejbump på Skolevej?", "--index",
                                      str(built / "index")])
        assert r.exit_code == 0 and "Skolevej" in r.stdout  # questions answered from the last complete index

        settings = Settings(index=built / "index", corpus=built / "corpus")
        upload = tmp_path / "ny.json"
        doc = (MINUTES / "teknik-2025-04-07.json").read_text(encoding="utf-8").replace("2025-04-07", "2025-06-02")
        upload.write_text(doc, encoding="utf-8")
        for lang, text in (("da", "Prøv igen om lidt"), ("en", "Please try again shortly")):
            report = add_uploads(Services(settings), [(upload, "ny.json")], lang)
            assert text in report.markdown() and not report.stored
        assert not uploads_dir(settings).exists() or not any(uploads_dir(settings).iterdir())  # nothing stored
    finally:
        lock.close()


def test_questions_during_an_ingest_use_the_last_complete_generation(built, tmp_path):
    from assistant.bm25 import BM25Index
    from assistant.catalog import Catalog

    root = tmp_path / "copy"
    shutil.copytree(built, root)
    index = root / "index"
    complete = BM25Index.stored_generation(index / "bm25")
    lock = open(index / "ingest.lock", "a")  # an ingest is running...
    fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    try:
        catalog = Catalog(index / "catalog.sqlite")  # ...and has written one file's change (the Teknik meeting left)
        teknik = next(p for p in catalog.source_paths() if "teknik" in p)
        catalog.remove_source(teknik)
        assert catalog.generation != complete
        catalog.close()
        q = "Hvad blev besluttet om vejbump på Skolevej?"
        r = CliRunner().invoke(main, ["ask", q, "--index", str(index), "--json"])
        assert r.exit_code == 0, r.output
        answer = json.loads(r.stdout)
        cited = [c["committee"] for c in answer["citations"] + answer["nearest"]]
        assert "Teknik- og Miljøudvalget" not in cited, cited  # the removed meeting is never cited
        r = CliRunner().invoke(main, ["search", "vejbump Skolevej kultur", "--index", str(index), "--json"])
        assert r.exit_code == 0 and "Teknik- og Miljøudvalget" not in r.stdout, r.output  # BM25 and dense both
        assert BM25Index.stored_generation(index / "bm25") == complete  # no rebuild while the ingest runs
    finally:
        lock.close()
    r = CliRunner().invoke(main, ["search", "vejbump Skolevej kultur", "--index", str(index), "--json"])
    assert r.exit_code == 0
    assert BM25Index.stored_generation(index / "bm25") == complete + 1  # the ingest is over: the new generation
