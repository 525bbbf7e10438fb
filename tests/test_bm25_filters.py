"""BM25 filters from the index's own chunk metadata (a numpy mask) agree with the catalog's SQL filter."""

from __future__ import annotations

from datetime import date

import numpy as np
import pytest
from answer_corpus import CASE, meetings

from assistant.bm25 import BM25Index
from assistant.catalog import Catalog
from assistant.chunking import chunk_meeting
from assistant.embedders import estimate_tokens
from assistant.index import Index
from assistant.records import Filters
from assistant.settings import Settings

FILTERS = [
    Filters(committee="økonomiudvalget"),  # case-insensitive with æøå, as the catalog's pylower
    Filters(committee="BYRÅD 2022-2025", date_from=date(2023, 3, 1)),
    Filters(date_from=date(2023, 3, 7), date_to=date(2023, 6, 30)),
    Filters(case_number=CASE),
    Filters(municipality="greve kommune", committee="Kultur- og Fritidsudvalget"),
    Filters(committee="Et udvalg der ikke findes"),
    Filters(date_to=date(2020, 1, 1)),
]


@pytest.fixture
def index(tmp_path):
    settings = Settings(index=tmp_path / "index")
    catalog = Catalog(tmp_path / "index" / "catalog.sqlite")
    for m in meetings():
        m.municipality = m.municipality or "Greve Kommune"
        catalog.replace_source(m.source_path, 1, 0.0, m.source_path, m, chunk_meeting(m, 480, estimate_tokens))
    idx = Index(settings, catalog, store=None, embedder=None)
    yield idx
    catalog.close()


@pytest.mark.parametrize("filters", FILTERS, ids=repr)
def test_mask_selects_the_chunks_the_catalog_selects(index, filters):
    bm25 = index.rebuild_bm25()
    assert bm25.has_meta
    mask = bm25.mask(
        municipality=filters.municipality,
        committee=filters.committee,
        date_from=int(filters.date_from.strftime("%Y%m%d")) if filters.date_from else None,
        date_to=int(filters.date_to.strftime("%Y%m%d")) if filters.date_to else None,
        case_number=filters.case_number,
    )
    assert {bm25.ids[i] for i in np.flatnonzero(mask)} == set(index.catalog.chunk_ids(filters))


@pytest.mark.parametrize("filters", FILTERS, ids=repr)
def test_filtered_search_matches_the_catalog_path(index, filters):
    index.bm25_index()
    query = "tidsplan budget klubhuse biblioteket dagsorden"
    via_mask = [(c.id, round(s, 6)) for c, s in index.bm25(query, 10, filters)]
    via_catalog = index.bm25_index().search(query, 10, allowed=set(index.catalog.chunk_ids(filters)))
    assert via_mask == [(cid, round(s, 6)) for cid, s in via_catalog]


def test_metadata_survives_save_and_load_and_old_indexes_still_filter(index, tmp_path):
    built = index.rebuild_bm25()
    loaded = BM25Index.load(index.bm25_dir)
    assert loaded.has_meta
    f = {"committee": "Økonomiudvalget", "date_from": 20230101}
    assert (loaded.mask(**f) == built.mask(**f)).all()
    (index.bm25_dir / "meta.npz").unlink()  # an index saved before the metadata existed
    old = BM25Index.load(index.bm25_dir)
    assert not old.has_meta
    with pytest.raises(ValueError, match="without chunk metadata"):
        old.mask(committee="Økonomiudvalget")
    index._bm25 = old
    hits = index.bm25("tidsplan budget", 10, Filters(committee="økonomiudvalget"))
    assert hits and all(c.committee == "Økonomiudvalget" for c, _ in hits)


@pytest.fixture
def greve_index(tmp_path, greve_dir):
    from fakes import HashEmbedder, copy_files, small_greve_files

    from assistant.ingest import ingest

    settings = Settings(index=tmp_path / "gi")
    corpus = copy_files(small_greve_files(6, skip=2), tmp_path / "corpus")
    emb = HashEmbedder()
    ingest([corpus[0].parent], settings, embedder=emb, show_progress=False)
    with Index.open(settings, embedder=emb) as idx:
        yield idx


def _where_path(idx, vector, k, filters):
    """The reference: Chroma's own metadata filter, joined with the catalog as dense_vector does."""
    from assistant.index import _where

    hits = idx.store.query(vector, k + 10 + k // 2, _where(filters))
    known = {c.id for c in idx.catalog.chunks([h[0] for h in hits])}
    return [h[0] for h in hits if h[0] in known][:k]


def _exact_reference(idx, vector, k, filters):
    """Brute force over the store's own vectors, filtered by the catalog's own chunk list."""
    allowed = set(idx.catalog.chunk_ids(filters))
    stored = idx.store.vectors(sorted(allowed))
    ranked = sorted(stored, key=lambda cid: -float(np.dot(stored[cid], vector)))
    return ranked[:k]


@pytest.mark.parametrize("strategy", ["exact", "wide", "auto", "ids", "where"])
def test_filtered_dense_search_agrees_with_chromas_metadata_filter(greve_index, monkeypatch, strategy):
    """Exact search (the default up to exact_search_max chunks) against brute force; the HNSW paths against
    Chroma's own metadata filter. "wide": the vectors are in memory but the index is larger than exact search
    may scan, so only filters allowing few enough chunks are searched exactly."""
    import assistant.index as index_module

    idx = greve_index
    meetings = idx.catalog.meetings()
    m = meetings[-1]
    vector = idx.embedder.embed_query(m.points[0].title)
    cases = [
        Filters(municipality=m.municipality.upper()),  # every chunk: the broad path
        Filters(committee=m.committee.lower(), date_from=m.date, date_to=m.date),  # one meeting
        Filters(date_from=meetings[0].date, date_to=meetings[1].date),
        Filters(committee="Et udvalg der ikke findes"),
    ]
    one_meeting = len(idx.catalog.chunk_ids(cases[1]))
    limits = {"exact": {}, "wide": {"exact_search_max": one_meeting}}
    update = limits.get(strategy, {"exact_search_max": 0, "dense_memory_max": 0})
    monkeypatch.setattr(idx, "settings", idx.settings.model_copy(update=update))
    if strategy == "ids":  # never over-fetch: always search among the allowed ids
        monkeypatch.setattr(index_module, "BROAD_FILTER", 2.0)
    elif strategy == "where":  # too many ids: Chroma's filter
        monkeypatch.setattr(index_module, "BROAD_FILTER", 2.0)
        monkeypatch.setattr(index_module, "MAX_FILTER_IDS", 0)
    assert (idx.dense_matrix() is not None) == (strategy in limits)
    for f in cases:
        got = [c.id for c, _ in idx.dense_vector(vector, 10, f)]
        exact = strategy in limits and len(idx.catalog.chunk_ids(f)) <= idx.settings.exact_search_max
        want = _exact_reference(idx, vector, 10, f) if exact else _where_path(idx, vector, 10, f)
        # repeated texts share a vector: compare the similarities (ties in any order; the exact search puts them in
        # a fixed order, Chroma in its own); a wide filter whose over-fetch finds too few is searched exactly too
        stored = idx.store.vectors(sorted(set(got + want)))
        sims = [[round(float(np.dot(stored[c], vector)), 5) for c in ids] for ids in (got, want)]
        assert sims[0] == sims[1] and set(got) <= set(idx.catalog.chunk_ids(f)), f
        if not exact and strategy not in limits:
            assert got == want, f  # no vectors in memory: Chroma's own order
        for c, _ in idx.dense_vector(vector, 10, f):
            assert not f.committee or c.committee.lower() == f.committee.lower()
    assert idx.dense_vector(vector, 10, cases[1])  # the filters do select something
    if strategy == "wide":  # cases[0] went to HNSW, cases[1] not
        assert len(idx.catalog.chunk_ids(cases[0])) > idx.settings.exact_search_max >= one_meeting


def test_a_wide_filter_falls_back_to_exact_search_when_hnsw_finds_too_few(greve_index, monkeypatch):
    idx = greve_index
    m = idx.catalog.meetings()[-1]
    wide = Filters(committee=m.committee)
    allowed = len(idx.catalog.chunk_ids(wide))
    monkeypatch.setattr(idx, "settings", idx.settings.model_copy(update={"exact_search_max": allowed - 1}))
    vector = idx.embedder.embed_query(m.points[0].title)
    calls = []

    def nothing_allowed(*args, **kwargs):  # an HNSW search whose hits all fall outside the filter
        calls.append(args)
        return []

    monkeypatch.setattr(idx.store, "query", nothing_allowed)
    got = [c.id for c, _ in idx.dense_vector(vector, 10, wide)]
    assert calls and got
    want = _exact_reference(idx, vector, 10, wide)
    stored = idx.store.vectors(sorted(set(got + want)))
    assert [round(float(np.dot(stored[c], vector)), 5) for c in got] == [
        round(float(np.dot(stored[c], vector)), 5) for c in want
    ]


@pytest.mark.parametrize("layout", ["runs", "scattered", "most", "none", "all"])
def test_masked_scores_score_exactly_the_allowed_rows(layout):
    from assistant.index import _masked_scores

    rng = np.random.default_rng(7)
    matrix = rng.standard_normal((2000, 16)).astype(np.float32)
    vector = rng.standard_normal(16).astype(np.float32)
    mask = {
        "runs": np.repeat(rng.random(40) < 0.3, 50),  # whole meetings of 50 chunks
        "scattered": rng.random(2000) < 0.1,
        "most": rng.random(2000) < 0.9,
        "none": np.zeros(2000, dtype=bool),
        "all": np.ones(2000, dtype=bool),
    }[layout]
    rows, scores = _masked_scores(matrix, vector, mask)
    assert rows.tolist() == np.flatnonzero(mask).tolist()
    assert np.allclose(scores, matrix[mask] @ vector, atol=1e-5)


def test_build_streams_texts_and_survives_chunks_without_words(tmp_path):
    ids, meta = [], []

    def texts():  # as Index.rebuild_bm25 streams the catalog: ids and metadata filled while texts are read
        for cid, text, committee in (("a", "og i at", "X"), ("b", "Budget for skolerne", "Y"), ("c", "", "Y")):
            ids.append(cid)
            meta.append(("Greve Kommune", committee, "", 20240101))
            yield text

    idx = BM25Index().build(ids, texts(), generation=3, meta=meta)
    assert idx.ids == ["a", "b", "c"] and idx.has_meta
    assert [h[0] for h in idx.search("skolerne budget", 3)] == ["b"]
    assert idx.search("skolerne", 3, allowed=idx.mask(committee="x")) == []
    only_stopwords = BM25Index().build(["a"], ["og i at"])
    assert only_stopwords.search("budget", 3) == []
    only_stopwords.save(tmp_path / "b")
    assert BM25Index.load(tmp_path / "b").search("og", 3) == []


def test_chunks_stream_in_storage_order_and_the_latest_meetings_are_read_alone(index):
    """A file's chunks come together (a filter's rows then form runs), also after the file was replaced."""
    first = meetings()[0]
    first.municipality = first.municipality or "Greve Kommune"
    chunks = chunk_meeting(first, 480, estimate_tokens)
    index.catalog.replace_source(first.source_path, 1, 0.0, "changed", first, chunks)
    sources = [c.source for c in index.catalog.iter_chunks(batch=7)]
    assert len(sources) == index.catalog.count_chunks() and sources[-1] == first.source_path
    assert sum(1 for i, s in enumerate(sources) if i == 0 or sources[i - 1] != s) == len(set(sources)) > 1
    for _, committee, *_ in index.catalog.committees():
        latest = index.catalog.meetings(committee=committee.upper(), last=1)
        assert latest == index.catalog.meetings(committee=committee)[-1:] and latest
    assert index.catalog.meetings(last=2) == index.catalog.meetings()[-2:]


def test_committees_and_municipalities_are_kept_until_the_catalog_changes(index):
    before = index.catalog.committees()
    assert before and index.catalog.municipalities() == sorted({r[0] for r in before})
    m = meetings()[0]
    m.committee, m.municipality, m.source_path = "Nyt Udvalg", "Andeby Kommune", "ny.json"
    index.catalog.replace_source(m.source_path, 1, 0.0, "h", m, chunk_meeting(m, 480, estimate_tokens))
    assert ("Andeby Kommune", "Nyt Udvalg") in [(r[0], r[1]) for r in index.catalog.committees()]
    assert "Andeby Kommune" in index.catalog.municipalities()
    assert len(index.catalog.committees()) == len(before) + 1

