"""Re-ingest speed without losing crash safety: after a clean run only ids are compared with Chroma; a run that did
not finish leaves the index marked, and the next run compares text hashes too. Real reader, fake embedder."""

from __future__ import annotations

import numpy as np
import pytest
from fakes import HashEmbedder, copy_files, small_greve_files

from assistant.catalog import CLEAN_RUN
from assistant.index import Index
from assistant.ingest import ingest


@pytest.fixture
def corpus(tmp_path, greve_dir):
    return copy_files(small_greve_files(3, skip=1), tmp_path / "corpus")


def _stale_vector(settings, emb) -> str:
    """Overwrite one chunk's vector with another text's (as a run killed between its upsert and catalog write)."""
    with Index.open(settings, embedder=emb) as idx:
        victim = sorted(idx.catalog.chunk_hashes())[0]
        idx.store.upsert([victim], np.ones((1, emb.dim), np.float32), [{"text_hash": "stale"}], ["stale"])
        return victim


def _store_hash(settings, emb, cid: str) -> str:
    with Index.open(settings, embedder=emb) as idx:
        return idx.store.ids_and_hashes()[cid]


def test_clean_run_is_marked_and_next_run_checks_ids_only(settings, corpus):
    emb = HashEmbedder()
    ingest([corpus[0].parent], settings, embedder=emb, show_progress=False)
    with Index.open(settings, embedder=emb) as idx:
        assert idx.catalog.get_meta(CLEAN_RUN) == str(idx.catalog.generation)
    victim = _stale_vector(settings, emb)
    r = ingest([corpus[0].parent], settings, embedder=emb, show_progress=False)
    assert r.files_unchanged == 3 and r.chunks_repaired == 0  # ids agree: no metadata fetched, nothing to repair
    assert _store_hash(settings, emb, victim) == "stale"


def test_unfinished_run_gets_a_full_reconcile(settings, corpus):
    emb = HashEmbedder()
    folder = corpus[0].parent
    ingest([folder], settings, embedder=emb, show_progress=False)
    victim = _stale_vector(settings, emb)

    class Boom(Exception):
        pass

    def failing_reader(*args, **kwargs):
        raise Boom

    (folder / "new.json").write_bytes(corpus[0].read_bytes())  # a new file, so the run reads something
    with pytest.raises(Boom):
        ingest([folder], settings, embedder=emb, show_progress=False, reader=failing_reader)
    with Index.open(settings, embedder=emb) as idx:
        assert idx.catalog.get_meta(CLEAN_RUN) == ""
        expected = idx.catalog.chunk_hashes()[victim]
    r = ingest([folder], settings, embedder=emb, show_progress=False)
    assert r.chunks_repaired == 1
    assert _store_hash(settings, emb, victim) == expected


def test_meetings_whose_vectors_are_cached_are_written_in_bounded_groups(settings, tmp_path, greve_dir, monkeypatch):
    """Memory stays bounded: files needing no embedding do not pile up until the end of the run."""
    import assistant.ingest as ingest_module

    monkeypatch.setattr(ingest_module, "MAX_PENDING_FILES", 2)
    settings = settings.model_copy(update={"precompute_sentences": False})  # only chunk vectors are copied below
    files = copy_files(small_greve_files(5), tmp_path / "c")
    emb = HashEmbedder()
    ingest([files[0].parent], settings, embedder=emb, show_progress=False)
    other = settings.model_copy(update={"index": tmp_path / "other"})
    with Index.open(other, embedder=emb) as idx:  # the same texts cached in a fresh index: nothing to embed
        src = Index.open(settings, embedder=emb)
        hashes = list(src.catalog.chunk_hashes().values())
        idx.claim_embedder()
        idx.catalog.cache_vectors(src.catalog.cached_vectors(hashes, emb.model_id), emb.model_id)
        src.close()
    pending_sizes = []
    real_flush = ingest_module._Ingestor.flush

    def spy(self):
        pending_sizes.append(len(self.pending))
        real_flush(self)

    monkeypatch.setattr(ingest_module._Ingestor, "flush", spy)
    before = emb.passages_embedded
    r = ingest([files[0].parent], other, embedder=emb, show_progress=False)
    assert r.files_added == 5 and emb.passages_embedded == before
    assert max(pending_sizes) <= 2 and len(pending_sizes) >= 3


def test_precomputed_sentences_make_answers_embed_nothing_and_match_the_wide_pool(tmp_path, greve_dir):
    from assistant.answering import Assistant
    from assistant.settings import Settings

    files = copy_files(small_greve_files(3, skip=4), tmp_path / "c")
    common = {"refusal_threshold": -1.0, "refusal_threshold_en": -1.0, "refusal_unknown_penalty": 0.0}
    pre = Settings(index=tmp_path / "pre", precompute_sentences=True, **common)
    plain = Settings(index=tmp_path / "plain", answer_embed_sentences=24, answer_embed_tokens=0,
                     precompute_sentences=False, **common)
    emb_pre, emb_plain = HashEmbedder(), HashEmbedder()
    r = ingest([files[0].parent], pre, embedder=emb_pre, show_progress=False)
    assert r.sentences_embedded > 0
    assert ingest([files[0].parent], plain, embedder=emb_plain, show_progress=False).sentences_embedded == 0
    with Index.open(pre, embedder=emb_pre) as idx_pre, Index.open(plain, embedder=emb_plain) as idx_plain:
        titles = [p.title for m in idx_pre.catalog.meetings() for p in m.points if not p.closed][:4]
        a_pre, a_plain = Assistant(pre, index=idx_pre), Assistant(plain, index=idx_plain)
        for title in titles:
            before = emb_pre.passages_embedded
            got = a_pre.ask(f"Hvad står der om {title}?")
            assert emb_pre.passages_embedded == before, title  # every sentence vector came from the catalog
            want = a_plain.ask(f"Hvad står der om {title}?")
            assert (got.text, got.refused) == (want.text, want.refused)


def test_turning_precompute_on_backfills_meetings_ingested_before(settings, tmp_path, greve_dir):
    settings = settings.model_copy(update={"precompute_sentences": False})
    files = copy_files(small_greve_files(2), tmp_path / "c")
    emb = HashEmbedder()
    assert ingest([files[0].parent], settings, embedder=emb, show_progress=False).sentences_embedded == 0
    on = settings.model_copy(update={"precompute_sentences": True})
    first = ingest([files[0].parent], on, embedder=emb, show_progress=False)
    assert first.files_unchanged == 2 and first.sentences_embedded > 0
    again = ingest([files[0].parent], on, embedder=emb, show_progress=False)
    assert again.sentences_embedded == 0


def test_units_cut_another_way_are_stored_again_by_the_next_ingest(settings, tmp_path, greve_dir, monkeypatch):
    """A new UNITS_VERSION (split_units cuts points into other sentences): the next ingest of unchanged files
    stores the vectors of the new units, only those not stored already."""
    from assistant.answerers import extractive

    settings = settings.model_copy(update={"precompute_sentences": True})
    files = copy_files(small_greve_files(2), tmp_path / "c")
    emb = HashEmbedder()
    first = ingest([files[0].parent], settings, embedder=emb, show_progress=False)
    assert first.sentences_embedded > 0
    split = extractive.split_sentences
    # each sentence cut otherwise, with no word added: a word would turn a path's entry of a date and a body, which
    # is no unit, into one
    monkeypatch.setattr(extractive, "split_sentences", lambda text: [f"{s} (2)" for s in split(text)])
    assert ingest([files[0].parent], settings, embedder=emb, show_progress=False).sentences_embedded == 0
    monkeypatch.setattr(extractive, "UNITS_VERSION", extractive.UNITS_VERSION + "-next")
    again = ingest([files[0].parent], settings, embedder=emb, show_progress=False)
    assert again.files_unchanged == 2 and 0 < again.sentences_embedded <= first.sentences_embedded
    assert ingest([files[0].parent], settings, embedder=emb, show_progress=False).sentences_embedded == 0


def test_queries_check_vector_hashes_only_while_the_index_is_not_clean(settings, corpus):
    """A vector written by a run that did not finish is never paired with another text: while the index is not
    marked clean, dense search compares each hit's text hash with the catalog's and drops the stale one."""
    emb = HashEmbedder()
    ingest([corpus[0].parent], settings, embedder=emb, show_progress=False)
    victim = _stale_vector(settings, emb)
    ones = np.ones(emb.dim, np.float32) / np.sqrt(emb.dim)
    with Index.open(settings, embedder=emb) as idx:  # exact search: vectors from the catalog's cache, never stale
        row = idx.bm25_index().ids.index(victim)
        assert not np.allclose(idx.dense_matrix()[row], ones)
    with Index.open(settings.model_copy(update={"exact_search_max": 0}), embedder=emb) as idx:  # HNSW (Chroma)
        assert victim in [c.id for c, _ in idx.dense_vector(ones, 5)]  # clean: the hashes are not read
        idx.catalog.set_meta(CLEAN_RUN, "")  # as while a run is going, or after it was killed
        hits = idx.dense_vector(ones, 5)
        assert len(hits) == 5 and victim not in [c.id for c, _ in hits]
