"""`minutes fetch firstagenda` against a real HTTP server that serves meetings built from the Greve corpus."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections import defaultdict
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant import __version__
from assistant import fetch as F
from assistant.cli import main
from assistant.fetch import canonical_hash
from assistant.settings import Settings

REPO = Path(__file__).resolve().parent.parent
MUNI = "Testby Kommune"  # the server runs on 127.0.0.1, which names no municipality
SLUG = "testby"

pytestmark = pytest.mark.server


class Site:
    """A FirstAgenda publication site: the committee list is built from the meeting documents it serves."""

    def __init__(self, meetings: list[dict]):
        self.meetings = {m["Id"]: m for m in meetings}
        self.scripted: dict[str, list[tuple[int, str, bytes]]] = defaultdict(list)  # path -> answers, used once each
        self.fixed: dict[str, tuple[int, str, bytes]] = {}  # path -> answer every time
        self.slow_after_first = 0.0  # seconds each meeting answer waits after the first one
        self.hits: list[str] = []
        self.agents: set[str] = set()
        self._lock = threading.Lock()

    def listing(self) -> dict:
        groups: dict[str, dict[str, dict]] = defaultdict(dict)
        for m in self.meetings.values():
            c = m["Udvalg"]
            group = "Udvalg 2022-2025" if m["Moede"]["Dato"] >= "2022" else "Udvalg 2018-2021"
            entry = groups[group].setdefault(c["Id"], {"Id": c["Id"], "Navn": c["Navn"], "Historisk": False,
                                                       "Moeder": []})
            entry["Moeder"].append({"Id": m["Id"], "Dato": m["Moede"]["Dato"], "Sted": m["Moede"].get("Sted"),
                                    "Navn": m["Moede"].get("Navn"), "Afsluttet": True})
        return {"Udvalg": {g: list(cs.values()) for g, cs in groups.items()}}

    def meeting_hits(self) -> list[str]:
        return [h for h in self.hits if "/dagsorden/" in h]

    def answer(self, path: str) -> tuple[int, str, bytes]:
        with self._lock:
            self.hits.append(path)
            if self.scripted.get(path):
                return self.scripted[path].pop(0)
            if path in self.fixed:
                return self.fixed[path]
            n_meeting_hits = len(self.meeting_hits())
        if path == "/api/agenda/udvalgsliste":
            return 200, "application/json; charset=utf-8", json.dumps(self.listing()).encode()
        if path.startswith("/api/agenda/dagsorden/"):
            mid = path.rsplit("/", 1)[1]
            if mid in self.meetings:
                if self.slow_after_first and n_meeting_hits > 1:
                    time.sleep(self.slow_after_first)
                return 200, "application/json; charset=utf-8", json.dumps(self.meetings[mid]).encode()
        return 404, "text/html", b"<html><body><h1>Siden findes ikke</h1></body></html>"


def _serve(site: Site) -> tuple[ThreadingHTTPServer, str]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's name)
            site.agents.add(self.headers.get("User-Agent", ""))
            status, ctype, body = site.answer(self.path)
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}"


def _trim(doc: dict, points: int) -> dict:
    doc = json.loads(json.dumps(doc))
    doc["Dagsordenpunkter"] = doc["Dagsordenpunkter"][:points]
    return doc


def pick_meetings(greve_dir: Path, points: int = 2) -> list[dict]:
    """Six Greve meetings: four in 2023 (three committees), one in 2022 and one in 2024; trimmed to a few points."""
    files = sorted(p for p in greve_dir.rglob("*.json"))
    chosen: list[Path] = []
    for committee, year, n in (("Byråd", "2023", 2), ("Økonomiudvalget", "2023", 1),
                               ("Kultur- og Fritidsudvalget", "2023", 1), ("Økonomiudvalget", "2022", 1),
                               ("Byråd", "2024", 1)):
        chosen += [p for p in files if p.name.startswith(committee) and f"_{year}-" in p.name][:n]
    assert len(chosen) == 6, chosen
    return [_trim(json.loads(p.read_text(encoding="utf-8")), points) for p in chosen]


@pytest.fixture
def site(greve_dir):
    s = Site(pick_meetings(greve_dir))
    server, url = _serve(s)
    s.url = url
    yield s
    server.shutdown()
    server.server_close()


def in_range(site: Site) -> list[dict]:
    return [m for m in site.meetings.values() if m["Moede"]["Dato"][:4] == "2023"]


def run_cli(tmp_path: Path, site: Site, *args: str, municipality: str = MUNI):
    argv = ["fetch", "firstagenda", "--site", site.url, "--municipality", municipality,
            "--corpus", str(tmp_path / "corpus"),
            "--index", str(tmp_path / "index"), "--delay", "0", *args]
    return CliRunner().invoke(main, argv, catch_exceptions=False)


def saved(tmp_path: Path) -> dict[str, Path]:
    """Meeting id -> saved file."""
    folder = tmp_path / "corpus" / SLUG
    return {json.loads(p.read_text(encoding="utf-8"))["Id"]: p for p in folder.glob("*.json")}


def test_fetch_downloads_meetings_in_range_then_nothing(tmp_path, site):
    res = run_cli(tmp_path, site, "--since", "2023-01-01", "--until", "2023-12-31", "--no-ingest")
    assert res.exit_code == 0, res.output
    wanted = {m["Id"]: m for m in in_range(site)}
    files = saved(tmp_path)
    assert set(files) == set(wanted) and len(wanted) == 4
    assert sorted(h.rsplit("/", 1)[1] for h in site.meeting_hits()) == sorted(wanted)
    for mid, path in files.items():
        assert canonical_hash(json.loads(path.read_text(encoding="utf-8"))) == canonical_hash(wanted[mid])
        assert path.name.endswith(f"_{mid}.json") and path.name.isascii() and " " not in path.name
        assert f"_{wanted[mid]['Moede']['Dato'][:10]}_" in path.name
    toml = (tmp_path / "corpus" / SLUG / "minutes.toml").read_text(encoding="utf-8")
    assert f'municipality = "{MUNI}"' in toml
    assert any(a.startswith("Referat-assistenten/") and "kontakt" in a for a in site.agents)

    site.hits.clear()
    mtimes = {p: p.stat().st_mtime_ns for p in files.values()}
    res = run_cli(tmp_path, site, "--since", "2023-01-01", "--until", "2023-12-31", "--no-ingest")
    assert res.exit_code == 0, res.output
    assert site.meeting_hits() == []
    assert "0 nye, 0 ændrede, 4 uændrede" in res.output
    assert {p: p.stat().st_mtime_ns for p in saved(tmp_path).values()} == mtimes


def test_changed_meeting_is_fetched_again_and_only_it(tmp_path, site):
    assert run_cli(tmp_path, site, "--since", "2023-01-01", "--no-ingest").exit_code == 0
    target = in_range(site)[0]
    # The agenda becomes minutes: the list shows "Referat" and the document gets a decision.
    target["Moede"]["Navn"] = "Referat"
    target["Dagsordenpunkter"][0]["Felter"][0]["Html"] += "<h3>Beslutning</h3><p>Godkendt med en rettelse.</p>"
    site.hits.clear()
    res = run_cli(tmp_path, site, "--since", "2023-01-01", "--no-ingest")
    assert res.exit_code == 0, res.output
    assert [h.rsplit("/", 1)[1] for h in site.meeting_hits()] == [target["Id"]]
    assert "Godkendt med en rettelse." in saved(tmp_path)[target["Id"]].read_text(encoding="utf-8")
    assert "0 nye, 1 ændret" in res.output

    # A correction the list does not show is found with --recheck, which compares content.
    target["Dagsordenpunkter"][0]["Navn"] += " (rettet)"
    site.hits.clear()
    res = run_cli(tmp_path, site, "--since", "2023-01-01", "--no-ingest", "--recheck")
    assert res.exit_code == 0, res.output
    assert len(site.meeting_hits()) == 5
    assert "0 nye, 1 ændret, 4 uændrede" in res.output
    assert "(rettet)" in saved(tmp_path)[target["Id"]].read_text(encoding="utf-8")


def test_committee_filter_and_dry_run(tmp_path, site):
    res = run_cli(tmp_path, site, "--committee", "BYRÅD", "--committee", "kultur", "--dry-run")
    assert res.exit_code == 0, res.output
    assert site.meeting_hits() == []
    assert not (tmp_path / "corpus").exists()
    assert "4 ville blive hentet" in res.output  # Byråd 2023 x2 + 2024, Kultur- og Fritidsudvalget 2023
    assert "Økonomiudvalget" not in res.output

    res = run_cli(tmp_path, site, "--committee", "findes ikke", "--dry-run")
    assert res.exit_code == 1 and "Intet udvalg matcher" in res.output and "Økonomiudvalget" in res.output


def test_retries_server_errors_and_reports_persistent_ones(tmp_path, site):
    flaky, broken = in_range(site)[:2]
    error = (503, "text/html", b"<html>Service Unavailable</html>")
    site.scripted[f"/api/agenda/dagsorden/{flaky['Id']}"] = [error, error]
    site.fixed[f"/api/agenda/dagsorden/{broken['Id']}"] = (500, "text/plain", b"boom")
    res = run_cli(tmp_path, site, "--since", "2023-01-01", "--until", "2023-12-31", "--no-ingest")
    assert res.exit_code == 3, res.output
    files = saved(tmp_path)
    assert flaky["Id"] in files and broken["Id"] not in files and len(files) == 3
    assert site.meeting_hits().count(f"/api/agenda/dagsorden/{flaky['Id']}") == 3
    assert site.meeting_hits().count(f"/api/agenda/dagsorden/{broken['Id']}") == 4  # 1 + 3 retries
    assert "HTTP 500" in res.output and "efter 3 nye forsøg" in res.output

    site.fixed.clear()  # the site recovered: the next run fetches only what is missing
    site.hits.clear()
    res = run_cli(tmp_path, site, "--since", "2023-01-01", "--until", "2023-12-31", "--no-ingest")
    assert res.exit_code == 0, res.output
    assert site.meeting_hits() == [f"/api/agenda/dagsorden/{broken['Id']}"]


def test_missing_and_bad_answers_are_reported_and_never_saved(tmp_path, site):
    gone, html, other, empty = in_range(site)
    site.fixed[f"/api/agenda/dagsorden/{gone['Id']}"] = (404, "text/html", b"<html>Not found</html>")
    site.fixed[f"/api/agenda/dagsorden/{html['Id']}"] = (200, "text/html", b"<!DOCTYPE html><html>Fejl</html>")
    site.fixed[f"/api/agenda/dagsorden/{other['Id']}"] = (200, "application/json", b'{"Udvalg": {}}')
    site.fixed[f"/api/agenda/dagsorden/{empty['Id']}"] = (200, "application/json", b"")
    res = run_cli(tmp_path, site, "--since", "2023-01-01", "--until", "2023-12-31", "--no-ingest")
    assert res.exit_code == 3, res.output
    assert saved(tmp_path) == {}
    assert "HTTP 404" in res.output and "HTML i stedet for JSON" in res.output
    assert "mangler Dagsordenpunkter" in res.output and "tomt svar" in res.output
    assert len(site.meeting_hits()) == 4  # a 404 or a bad body is not retried


def test_committee_list_refused_stops_the_run(tmp_path, site):
    site.fixed["/api/agenda/udvalgsliste"] = (403, "text/html", b"<html>Forbidden</html>")
    res = run_cli(tmp_path, site, "--no-ingest")
    assert res.exit_code == 1
    assert "udvalgslisten" in res.output and "HTTP 403" in res.output
    assert site.hits == ["/api/agenda/udvalgsliste"]  # a refusal is not retried
    assert not (tmp_path / "corpus" / SLUG).exists()


def test_killed_fetch_leaves_no_partial_file_and_resumes(tmp_path, site):
    site.slow_after_first = 3.0
    folder = tmp_path / "corpus" / SLUG
    cmd = [sys.executable, "-m", "assistant", "fetch", "firstagenda", "--site", site.url, "--municipality", MUNI,
           "--corpus", str(tmp_path / "corpus"), "--delay", "0", "--no-ingest"]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen(cmd, cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while not list(folder.glob("*.json")) and time.monotonic() < deadline:
            assert proc.poll() is None, proc.stderr.read().decode()
            time.sleep(0.05)
        while len(site.meeting_hits()) < 2 and time.monotonic() < deadline:  # first saved; waiting on the second
            time.sleep(0.05)
        assert len(site.meeting_hits()) >= 2, "the fetch never asked for the second meeting"
        proc.send_signal(signal.SIGKILL)  # the site holds the second answer back: killed mid-download
        proc.wait(timeout=10)
    finally:
        if proc.poll() is None:
            proc.kill()
    first = saved(tmp_path)
    assert len(first) == 1  # killed midway
    for mid, path in first.items():
        assert canonical_hash(json.loads(path.read_text(encoding="utf-8"))) == canonical_hash(site.meetings[mid])
    assert not [p for p in folder.iterdir() if p.suffix == ".json" and p not in first.values()]

    site.slow_after_first = 0.0
    site.hits.clear()
    res = run_cli(tmp_path, site, "--no-ingest")
    assert res.exit_code == 0, res.output
    assert set(saved(tmp_path)) == set(site.meetings)
    assert f"/api/agenda/dagsorden/{next(iter(first))}" not in site.meeting_hits()
    assert not list(folder.glob("*.part"))


def test_client_waits_its_turn_backs_off_and_names_itself(tmp_path):
    site = Site([])
    server, url = _serve(site)
    try:
        waits: list[float] = []
        settings = Settings(index=tmp_path / "i", fetch_delay=0.5, fetch_retries=2, fetch_contact="it@kommune.dk")
        client = F.PoliteClient(settings, sleep=waits.append)
        for _ in range(2):
            assert "Udvalg" in client.get_json(url + F.LIST_PATH)
        assert len(waits) == 1 and 0.3 < waits[0] <= 0.5  # the second request waited its turn
        assert site.agents == {f"Referat-assistenten/{__version__} (+kontakt: it@kommune.dk)"}

        waits.clear()
        client.delay = 0.0
        site.fixed["/x"] = (503, "text/plain", b"busy")
        with pytest.raises(F.HttpProblem) as err:
            client.get_json(url + "/x")
        assert err.value.status == 503 and "efter 2 nye forsøg" in err.value.message
        assert waits == [0.25, 0.5]  # exponential backoff, then the last answer is reported
        assert site.hits.count("/x") == 3
    finally:
        server.shutdown()
        server.server_close()


def test_fetch_ingests_new_meetings_and_reindexes_a_changed_one(tmp_path, greve_dir):
    """Real reader, chunker, embedder, Chroma and BM25 on two one-point meetings."""
    from assistant.index import Index
    from assistant.records import source_key

    site = Site([_trim(m, 1) for m in pick_meetings(greve_dir)])
    server, site.url = _serve(site)
    settings = Settings(index=tmp_path / "index", corpus=tmp_path / "corpus", fetch_delay=0)
    try:
        kwargs = dict(municipality="Greve Kommune", committees=["økonomi", "kultur"], since=date(2023, 1, 1),
                      until=date(2023, 12, 31))
        first = F.fetch_firstagenda(site.url, settings, **kwargs)
        assert [o.status for o in first.outcomes] == ["new", "new"]
        assert first.ingest.files_added == 2 and first.ingest.files_failed == 0, first.ingest.problems
        target = next(o for o in first.outcomes if "Økonomi" in o.ref.committee)
        key = source_key(target.path)
        with Index.open(settings) as index:
            old_ids = set(index.catalog.chunk_ids_for_source(key))
            assert old_ids and index.store.count() == index.catalog.count_chunks()

        again = F.fetch_firstagenda(site.url, settings, **kwargs)
        assert [o.status for o in again.outcomes] == ["unchanged", "unchanged"]
        assert again.ingest.files_unchanged == 2 and again.ingest.chunks_embedded == 0

        doc = site.meetings[target.ref.meeting_id]
        doc["Moede"]["Navn"] = "Referat"
        doc["Dagsordenpunkter"][0]["Felter"][0]["Html"] = (
            "<h3>Beslutning</h3><p>Økonomiudvalget godkendte at flytte kunstgræsbanen til Hundige Strand.</p>")
        res = run_cli(tmp_path, site, "--committee", "økonomi", "--committee", "kultur", "--since", "2023-01-01",
                      "--until", "2023-12-31", municipality="Greve Kommune")
        assert res.exit_code == 0, res.output
        assert "0 nye, 1 ændret, 1 uændret" in res.output  # the fetch
        assert "filer: 0 nye, 1 ændret, 1 uændret og 0 fejlede" in res.output  # the ingest
        with Index.open(settings) as index:
            new_ids = set(index.catalog.chunk_ids_for_source(key))
            texts = [c.text for c in index.catalog.chunks(sorted(new_ids))]
            assert any("kunstgræsbanen" in t for t in texts)
            assert index.store.count() == index.catalog.count_chunks()  # old vectors replaced, not added
            assert not (old_ids - new_ids) & set(index.store.ids_and_hashes())
            hits = index.bm25("kunstgræsbane Hundige", 3)
            assert hits and hits[0][0].source == key and hits[0][0].municipality == "Greve Kommune"
    finally:
        server.shutdown()
        server.server_close()


def test_a_second_fetch_into_the_same_folder_waits_its_turn(tmp_path, site):
    settings = Settings(index=tmp_path / "index", corpus=tmp_path / "corpus", fetch_delay=0)
    with F._RunLock(tmp_path / "corpus" / SLUG):
        with pytest.raises(F.FetchError, match="kører allerede"):
            F.fetch_firstagenda(site.url, settings, municipality=MUNI, ingest=False)
    assert site.meeting_hits() == []
    assert len(F.fetch_firstagenda(site.url, settings, municipality=MUNI, ingest=False).saved) == 6


def test_files_stay_when_ingest_cannot_run(tmp_path, site):
    from assistant.ingest import _Lock

    settings = Settings(index=tmp_path / "index", corpus=tmp_path / "corpus", fetch_delay=0)
    with _Lock(settings.index_path):  # another ingest holds the index
        with pytest.raises(F.FetchError, match="minutes ingest --prune") as err:
            F.fetch_firstagenda(site.url, settings, municipality=MUNI, since=date(2023, 1, 1))
    assert len(err.value.report.saved) == 5 and len(saved(tmp_path)) == 5
