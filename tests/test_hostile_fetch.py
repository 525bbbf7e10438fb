"""`minutes fetch firstagenda` against a hostile site on 127.0.0.1: a gzip bomb, oversize bodies, a slow drip and
redirects to another host. Each is stopped with its Danish message, the rest of the run goes on, and nothing
oversize, partial or foreign is saved (issue 16, items 2 and 3)."""

from __future__ import annotations

import functools
import json
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from click.testing import CliRunner

from assistant.cli import main

pytestmark = pytest.mark.server

MUNI = "Testby Kommune"
CAP_MB = 0.5


def _meeting(mid: str, day: str, committee: str = "Teknikudvalget") -> dict:
    return {"Id": mid, "Udvalg": {"Id": "u-1", "Navn": committee},
            "Moede": {"Id": "0", "Dato": f"{day}T16:00:00+01:00", "Navn": "Referat", "Moededeltagere": []},
            "Dagsordenpunkter": [{"Punktnummer": "1", "Navn": f"Punkt om {mid}", "SagsNummer": "25-000001",
                                  "Felter": [{"Navn": "", "Html": "<h3>Beslutning</h3><p>Godkendt.</p>"}]}]}


@functools.lru_cache(maxsize=1)
def _gzip_bomb(megabytes: int) -> bytes:
    """``megabytes`` MB of spaces, gzip-compressed to a few kB."""
    z = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = b" " * (1 << 20)
    return b"".join(z.compress(block) for _ in range(megabytes)) + z.flush()


class HostileSite:
    """Meetings: two good ones, a gzip bomb, an oversize body with and without Content-Length, a slow drip of the
    body and one of the headers, a redirect within the site (followed) and one to another host (refused)."""

    DRIPS = ("drip", "drip-headers")

    def __init__(self, drips: bool = False):
        days = {"good-1": "2025-01-06", "bomb": "2025-01-13", "big-declared": "2025-01-20",
                "big-streamed": "2025-01-27", "drip": "2025-02-03", "drip-headers": "2025-02-05",
                "moved": "2025-02-10", "away": "2025-02-17", "good-2": "2025-02-24"}
        # the drips are tried apart, with a small deadline; the rest with a deadline no busy machine reaches
        self.days = {k: v for k, v in days.items() if (k in self.DRIPS) == drips}
        self.listing_redirect = ""
        self.drip_bytes_sent = 0
        self.drip_stopped = threading.Event()
        self.hits: list[str] = []

    def listing(self) -> bytes:
        moeder = [{"Id": mid, "Dato": f"{day}T16:00:00+01:00", "Navn": "Referat"} for mid, day in self.days.items()]
        return json.dumps({"Udvalg": {"Aktuelle": [{"Id": "u-1", "Navn": "Teknikudvalget", "Moeder": moeder}]}}
                          ).encode()


def _serve(site: HostileSite):
    class Handler(BaseHTTPRequestHandler):
        def _send(self, status: int, body: bytes, headers: dict[str, str] | None = None, length: bool = True):
            self.send_response(status)
            self.send_header("Content-Type", "application/json; charset=utf-8")
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            if length:
                self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self):  # noqa: N802 (http.server's name)
            site.hits.append(self.path)
            port = self.server.server_address[1]
            if self.path == "/api/agenda/udvalgsliste":
                if site.listing_redirect:
                    return self._send(302, b"", {"Location": site.listing_redirect})
                return self._send(200, site.listing())
            mid = self.path.rsplit("/", 1)[-1]
            if mid in ("good-1", "good-2") or self.path == "/v2/dagsorden/moved":
                return self._send(200, json.dumps(_meeting(mid, site.days[mid])).encode())
            if mid == "bomb":
                return self._send(200, _gzip_bomb(40), {"Content-Encoding": "gzip"})
            if mid == "big-declared":
                return self._send(200, b" " * int(2 * CAP_MB * 1024 * 1024))
            if mid == "big-streamed":  # no Content-Length: the cap must hold while reading
                self.close_connection = True
                return self._send(200, b"[" + b"0," * int(CAP_MB * 1024 * 1024) + b"0]", length=False)
            if mid == "drip":
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                try:
                    for _ in range(2000):  # one byte every 20 ms for up to 40 s, until the client hangs up
                        self.wfile.write(b" ")
                        self.wfile.flush()
                        site.drip_bytes_sent += 1
                        time.sleep(0.02)
                except OSError:
                    pass
                site.drip_stopped.set()
                return None
            if mid == "drip-headers":  # headers that never end: no body loop of the client runs yet
                try:
                    self.wfile.write(b"HTTP/1.1 200 OK\r\nX-Slow: ")
                    for _ in range(2000):
                        self.wfile.write(b"a")
                        self.wfile.flush()
                        time.sleep(0.02)
                except OSError:
                    pass
                self.close_connection = True
                return None
            if mid == "moved":  # within the site: followed
                return self._send(301, b"", {"Location": "/v2/dagsorden/moved"})
            if mid == "away":  # to another host (never contacted: refused before any connection)
                return self._send(302, b"", {"Location": f"http://localhost:{port}/api/agenda/dagsorden/good-1"})
            return self._send(404, b"{}")

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def _site(monkeypatch, drips: bool, deadline: str):
    s = HostileSite(drips)
    _gzip_bomb(40)  # made before any request, so no request waits for it
    server = _serve(s)
    s.url = f"http://127.0.0.1:{server.server_address[1]}"
    for key, value in (("FETCH_DELAY", "0"), ("FETCH_RETRIES", "0"), ("FETCH_DEADLINE", deadline),
                       ("FETCH_TIMEOUT", "60"), ("FETCH_CONNECT_TIMEOUT", "60"), ("FETCH_MAX_MB", str(CAP_MB))):
        monkeypatch.setenv(f"MINUTES_{key}", value)
    return s, server


@pytest.fixture
def site(monkeypatch):
    s, server = _site(monkeypatch, drips=False, deadline="120")
    yield s
    server.shutdown()
    server.server_close()


@pytest.fixture
def drip_site(monkeypatch):
    # 3 s: far below the drip's 40 s, and far above what the small committee list takes on a busy machine
    s, server = _site(monkeypatch, drips=True, deadline="3")
    yield s
    server.shutdown()
    server.server_close()


def _fetch(site: HostileSite, tmp_path, lang: str = "da"):
    args = ["--lang", lang, "fetch", "firstagenda", "--site", site.url, "--municipality", MUNI, "--corpus",
            str(tmp_path / "corpus"), "--index", str(tmp_path / "index"), "--no-ingest"]
    return CliRunner().invoke(main, args)


def test_each_hostile_meeting_is_skipped_with_its_message_and_never_saved(site, tmp_path):
    res = _fetch(site, tmp_path)
    assert res.exit_code == 3, res.output  # finished, some meetings skipped (documented code)
    err = res.stderr
    lines = {mid: [ln for ln in err.splitlines() if f"/dagsorden/{mid}" in ln] for mid in site.days}
    cap = f"større end grænsen på {CAP_MB:g} MB (MINUTES_FETCH_MAX_MB)"
    assert any(cap in ln for ln in lines["bomb"]), err  # decompressed bytes counted
    assert any(cap in ln for ln in lines["big-declared"]), err
    assert any(cap in ln for ln in lines["big-streamed"]), err
    away = f"omdirigerede til en anden vært (localhost:{site.url.rsplit(':', 1)[1]})"
    assert any(away in ln for ln in lines["away"]), err

    folder = tmp_path / "corpus" / "testby"
    saved = sorted(p.name for p in folder.iterdir())
    assert saved == [".fetch-state", "minutes.toml", "teknikudvalget_2025-01-06_good-1.json",
                     "teknikudvalget_2025-02-10_moved.json", "teknikudvalget_2025-02-24_good-2.json"], saved
    assert "/v2/dagsorden/moved" in site.hits  # the redirect within the site was followed
    state = json.loads((folder / ".fetch-state").read_text(encoding="utf-8"))["meetings"]
    assert set(state) == {"good-1", "good-2", "moved"}  # nothing oversize or partial is remembered as fetched
    assert "/api/agenda/dagsorden/good-1" in site.hits and all("localhost" not in h for h in site.hits)


def test_a_server_dripping_its_body_or_its_headers_is_cut_off_at_the_deadline(drip_site, tmp_path):
    res = _fetch(drip_site, tmp_path)
    assert res.exit_code == 3, res.output
    late = "ikke hentet inden for 3 s (MINUTES_FETCH_DEADLINE)"
    for mid in HostileSite.DRIPS:
        assert any(late in ln for ln in res.stderr.splitlines() if f"/dagsorden/{mid}" in ln), res.stderr
    assert drip_site.drip_stopped.wait(60) and drip_site.drip_bytes_sent < 2000  # the client hung up on the drip
    folder = tmp_path / "corpus" / "testby"
    assert not list(folder.glob("*.json")) and not list(folder.glob(".*.part"))  # nothing partial saved


@pytest.mark.parametrize("lang", ["da", "en"])
def test_a_committee_list_redirected_to_another_host_stops_the_run(site, tmp_path, lang):
    site.listing_redirect = "http://localhost:9/api/agenda/udvalgsliste"
    res = _fetch(site, tmp_path, lang)
    assert res.exit_code == 1, res.output
    if lang == "da":
        assert "omdirigerede til en anden vært (localhost:9)" in res.stderr
        assert "Kunne ikke hente udvalgslisten" in res.stderr and "Tjek adressen" in res.stderr
    else:  # the whole message in the CLI's language, the site's reason and the hint included
        assert res.stderr.startswith("Error: Could not fetch the list of committees from"), res.stderr
        assert "redirected to another host (localhost:9)" in res.stderr and "Check the address" in res.stderr
    assert not (tmp_path / "corpus").exists()  # nothing written
    assert site.hits == ["/api/agenda/udvalgsliste"]


def test_a_silent_server_meets_the_read_timeout_and_a_closed_port_the_connection_message(site, monkeypatch):
    from assistant.fetch_http import HttpProblem, PoliteClient
    from assistant.settings import Settings

    silent = threading.Event()

    def serve_silence(self):  # accepts the request, never answers (until the test ends)
        silent.wait(20)

    site_server = _serve(site)
    try:
        handler = site_server.RequestHandlerClass
        monkeypatch.setattr(handler, "do_GET", serve_silence)
        client = PoliteClient(Settings(fetch_delay=0, fetch_retries=0, fetch_timeout=0.3, fetch_deadline=30))
        url = f"http://127.0.0.1:{site_server.server_address[1]}/api/agenda/udvalgsliste"
        with pytest.raises(HttpProblem) as exc:
            client.get_json(url)
        assert exc.value.kind == "timeout" and "intet svar inden for 0.3 s (MINUTES_FETCH_TIMEOUT)" in exc.value.message
    finally:
        silent.set()
        site_server.shutdown()
        site_server.server_close()
    closed = f"http://127.0.0.1:{site_server.server_address[1]}/api/agenda/udvalgsliste"  # nobody listens now
    with pytest.raises(HttpProblem) as exc:
        client.get_json(closed)
    assert exc.value.kind == "connection" and exc.value.message.startswith("ingen forbindelse")
