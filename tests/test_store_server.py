"""Ingest and query through a real `chroma run` server; the model recorded in the collection is enforced there too."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from fakes import HashEmbedder, copy_files, small_greve_files

from assistant.index import Index
from assistant.ingest import ingest
from assistant.settings import Settings
from assistant.store import ModelMismatch

CHROMA = Path(sys.executable).parent / "chroma"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def chroma_server(tmp_path):
    if not CHROMA.exists():
        pytest.skip(f"{CHROMA} not found (chromadb's server command)")
    port = _free_port()
    log = open(tmp_path / "chroma.log", "wb")  # noqa: SIM115
    proc = subprocess.Popen(
        [str(CHROMA), "run", "--path", str(tmp_path / "server-data"), "--host", "127.0.0.1", "--port", str(port)],
        stdout=log, stderr=subprocess.STDOUT,
    )  # fmt: skip
    url = f"http://127.0.0.1:{port}"
    import urllib.request

    deadline = time.time() + 60
    while True:
        try:
            with urllib.request.urlopen(f"{url}/api/v2/heartbeat", timeout=2) as r:
                if r.status == 200:
                    break
        except OSError:
            pass
        if proc.poll() is not None or time.time() > deadline:
            proc.kill()
            pytest.fail(f"chroma run did not start: {(tmp_path / 'chroma.log').read_text(errors='replace')[-2000:]}")
        time.sleep(0.3)
    yield url
    proc.terminate()
    try:
        proc.wait(timeout=20)
    except subprocess.TimeoutExpired:
        proc.kill()
    log.close()


@pytest.mark.server
def test_ingest_and_query_through_a_chroma_server(tmp_path, chroma_server, greve_dir):
    files = copy_files(small_greve_files(3, skip=4), tmp_path / "corpus")
    settings = Settings(index=tmp_path / "index", chroma_url=chroma_server)
    emb = HashEmbedder()
    r = ingest([files[0].parent], settings, embedder=emb, show_progress=False)
    assert r.files_added == 3
    assert not (tmp_path / "index" / "chroma").exists()  # vectors live on the server only
    with Index.open(settings, embedder=emb) as idx:
        assert idx.store.where == chroma_server
        assert idx.store.count() == idx.catalog.count_chunks() == r.chunks_added
        chunk = max(idx.catalog.iter_chunks(), key=lambda c: len(c.body))
        hits = idx.dense(chunk.text, 3)
        assert hits[0][0].id == chunk.id and hits[0][1] == pytest.approx(1.0, abs=1e-3)
    r2 = ingest([files[0].parent], settings, embedder=emb, show_progress=False)
    assert r2.files_unchanged == 3 and r2.chunks_embedded == 0
    # another index folder pointed at the same server collection with another model is refused
    other = Settings(index=tmp_path / "other", chroma_url=chroma_server)
    with pytest.raises(ModelMismatch, match=chroma_server.replace(".", r"\.")):
        Index.open(other, embedder=HashEmbedder(model_id="hash-v2"))
