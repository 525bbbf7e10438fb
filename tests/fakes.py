"""Deterministic fakes for the narrow doors (fast unit tests of logic); real parts are tested elsewhere."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence

import numpy as np

from assistant.embedders import Embedder, register_embedder


class HashEmbedder(Embedder):
    """Bag of words hashed into a small vector: texts that share words are close; no model, no randomness."""

    name = "fake-hash"

    def __init__(self, dim: int = 64, model_id: str = "hash-v1"):
        self._dim = dim
        self.model_id = model_id
        self.passages_embedded = 0

    @property
    def dim(self) -> int:
        return self._dim

    def _vec(self, text: str) -> np.ndarray:
        v = np.zeros(self._dim, dtype=np.float32)
        for w in re.findall(r"\w+", text.lower()):
            h = int.from_bytes(hashlib.md5(w.encode()).digest()[:4], "little")
            v[h % self._dim] += 1.0 if h & 1 << 31 else -1.0
        n = np.linalg.norm(v)
        return v / n if n else v + 1.0 / np.sqrt(self._dim)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        self.passages_embedded += len(texts)
        return np.vstack([self._vec(t) for t in texts]) if texts else np.zeros((0, self._dim), np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        return self._vec(text)


register_embedder("fake-hash", lambda settings: HashEmbedder())


def small_greve_files(n: int, skip: int = 0) -> list:
    """The ``n`` smallest Greve meeting files (after ``skip``), so tests with the real reader stay fast."""
    from conftest import greve_files

    return sorted(greve_files(), key=lambda p: (p.stat().st_size, p.name))[skip : skip + n]


def copy_files(files, folder):
    """Copy files into ``folder`` (a temporary corpus the test may change), keeping their names."""
    import shutil
    from pathlib import Path

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    out = [Path(shutil.copy2(f, folder / f.name)) for f in files]
    for p in out:  # the shared corpus is read-only; tests change their copies
        p.chmod(0o644)
    return out
