"""`minutes ingest` on hostile folders (issue 16, items 4, 9, 10): FIFOs, devices and symlinks out of the folder are
skipped with a message and never opened; a file emptied after indexing leaves the index; exit code 3; reader
warnings once."""

from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from assistant.cli import main

MINUTES = Path(__file__).parent / "fixtures" / "web" / "minutes"


def _cli(*args: str, timeout: float = 300) -> subprocess.CompletedProcess:
    # a subprocess with a timeout: a hang on a FIFO fails the test instead of blocking it
    return subprocess.run([sys.executable, "-m", "assistant", *args], capture_output=True, text=True, timeout=timeout)


def _run(*args: str):
    """In process (the model loads once) where nothing can hang."""
    return CliRunner().invoke(main, list(args))


def _status(index: Path) -> dict:
    r = _run("status", "--index", str(index), "--json")
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


def test_special_files_are_skipped_with_a_message_and_never_read(tmp_path, monkeypatch):
    corpus = tmp_path / "corpus"
    shutil.copytree(MINUTES, corpus)
    outside = tmp_path / "secret.json"
    shutil.copy(MINUTES / "kultur-2025-03-10.json", outside)
    os.mkfifo(corpus / "ror.json")  # reading a FIFO blocks until a writer comes: it must never be opened
    (corpus / "nul.json").symlink_to("/dev/zero")  # an endless read
    (corpus / "ude.json").symlink_to(outside)  # a regular file outside the folder
    (corpus / "inde.json").symlink_to(corpus / "teknik-2025-04-07.json")  # inside: followed (same file, same key)
    monkeypatch.chdir(corpus)  # bound by a relative name: AF_UNIX paths are limited to ~100 bytes, tmp_path may not be
    with socket.socket(socket.AF_UNIX) as sock:
        sock.bind("sok.json")
    index = tmp_path / "index"
    r = _cli("ingest", str(corpus), "--index", str(index), "--quiet")
    assert r.returncode == 3, r.stderr  # some files failed: documented code
    err = r.stderr
    assert "ror.json: sprunget over: stien er en FIFO" in err
    assert "nul.json: sprunget over: et symbolsk link til en enhed (/dev/zero)" in err
    assert "ude.json: sprunget over: et symbolsk link til en fil uden for de angivne mapper" in err
    assert "sok.json: sprunget over: stien er en socket" in err
    st = _status(index)
    assert st["meetings"] == 2 and st["chunks"] == st["vectors"]  # the two real meetings, nothing from outside
    assert st["sources"] == 2


def test_a_file_emptied_after_indexing_leaves_the_index(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(MINUTES, corpus)
    index = tmp_path / "index"
    assert _run("ingest", str(corpus), "--index", str(index), "--quiet").exit_code == 0
    before = _status(index)
    (corpus / "kultur-2025-03-10.json").write_bytes(b"")
    r = _run("ingest", str(corpus), "--index", str(index), "--quiet", "--prune")
    assert r.exit_code == 3, r.output
    assert "kultur-2025-03-10.json: filen er tom" in r.stderr
    assert "kultur-2025-03-10.json: dens tidligere tekststykker er fjernet fra indekset" in r.stderr
    after = _status(index)
    assert before["meetings"] == 2 and after["meetings"] == 1 and after["chunks"] == after["vectors"] < before["chunks"]
    assert {c["committee"] for c in after["committees"]} == {"Teknik- og Miljøudvalget"}


def test_reader_warnings_are_printed_once_and_all_failed_exits_1(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "minutes.toml").write_text('municipality = "Fiktiv Kommune"\n', encoding="utf-8")
    doc = json.loads((MINUTES / "teknik-2025-04-07.json").read_text(encoding="utf-8"))
    del doc["Moede"]["Dato"], doc["Moede"]["MeetingBeginUtc"]  # the reader warns: no meeting date
    (corpus / "udateret.json").write_text(json.dumps(doc), encoding="utf-8")
    index = tmp_path / "index"
    r = _run("ingest", str(corpus), "--index", str(index), "--quiet")
    assert r.exit_code == 0, r.output
    warning = "udateret.json: Mødets dato mangler i JSON-filen (Moede.Dato)."
    assert r.stderr.count(warning) == 1, r.stderr
    (corpus / "udateret.json").write_text("{ødelagt", encoding="utf-8")
    (corpus / "tom.json").write_bytes(b"")
    r = _run("ingest", str(corpus), "--index", str(index), "--quiet")
    assert r.exit_code == 1, r.output  # nothing could be read
    assert _status(index)["meetings"] == 0
    assert not list(index.glob("*.tmp-*")) and not list(index.glob("bm25.tmp-*"))  # no temporary files left
