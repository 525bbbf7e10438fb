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
