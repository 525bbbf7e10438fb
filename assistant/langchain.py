"""LangChain doors: ``MinutesRetriever`` (agenda points as Documents) and ``MinutesEmbeddings`` (our embedder).

A LangChain user builds a chain over the minutes without knowing our internals::

    retriever = MinutesRetriever.from_settings(Settings(), k=5)
    chain = {"context": retriever | format_documents, "question": RunnablePassthrough()} | prompt | llm

Every Document is one agenda point: the point's text (nothing for a closed point, whose content is never shown)
and the citation fields in its metadata. The source is the file's name only: a server path means nothing to a reader
and exposes the server.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from pathlib import PurePath
from typing import TYPE_CHECKING

from langchain_core.callbacks import AsyncCallbackManagerForRetrieverRun, CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.embeddings import Embeddings
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict, Field

from assistant.citations import citation_from_chunk, clean_title, closed_point_text, render_citation
from assistant.records import Filters, Hit
from assistant.retrieval import HybridRetriever
from assistant.settings import Settings

if TYPE_CHECKING:  # pragma: no cover
    from assistant.embedders import Embedder

__all__ = ["MinutesEmbeddings", "MinutesRetriever", "document_from_hit", "format_documents"]


class MinutesEmbeddings(Embeddings):
    """``langchain_core.embeddings.Embeddings`` over an ``Embedder`` (passages and queries get their own prefixes)."""

    def __init__(self, embedder: Embedder):
        self.embedder = embedder

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return self.embedder.embed_passages(list(texts)).tolist()

    def embed_query(self, text: str) -> list[float]:
        return self.embedder.embed_query(text).tolist()


def document_from_hit(hit: Hit) -> Document:
    """One agenda point as a Document: its text, and the citation in the metadata (file name, never a path)."""
    first = hit.first
    title = clean_title(first.point_title)
    if first.closed:
        content = closed_point_text(citation_from_chunk(1, first), "da")
    else:
        content = "\n\n".join(c.body for c in hit.chunks)
    return Document(
        page_content=content,
        metadata={
            "municipality": first.municipality or "",
            "committee": first.committee,
            "meeting_date": first.meeting_date,
            "point_number": first.point_number,
            "point_title": title,
            "case_number": first.case_number or "",
            "closed": first.closed,
            "source": PurePath(first.source).name if first.source else "",
            "point_key": hit.point_key,
            "score": hit.score,
            "citation": render_citation(citation_from_chunk(0, first), "da"),
        },
        id=hit.point_key,
    )


def format_documents(docs: Sequence[Document]) -> str:
    """Numbered sources for a prompt: "[1] <citation>" then the point's text, one block per Document."""
    return "\n\n".join(f"[{i}] {d.metadata.get('citation', '')}\n{d.page_content}" for i, d in enumerate(docs, 1))


class MinutesRetriever(BaseRetriever):
    """Hybrid (dense + Danish BM25) retrieval of agenda points from municipal minutes, one Document per point."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    retriever: HybridRetriever = Field(description="The hybrid retriever over an opened Index")
    filters: Filters = Field(default_factory=Filters, description="Municipality, committee, period or case")
    k: int = Field(5, gt=0, description="Agenda points per query")

    @classmethod
    def from_settings(
        cls, settings: Settings | None = None, *, filters: Filters | None = None, k: int | None = None
    ) -> MinutesRetriever:
        """Open the index named by ``settings`` (default: ``MINUTES_*`` from the environment)."""
        from assistant.index import Index

        settings = settings or Settings()
        hybrid = HybridRetriever(Index.open(settings), settings)
        return cls(retriever=hybrid, filters=filters or Filters(), k=k or settings.k)

    def _search(self, query: str) -> list[Document]:
        return [document_from_hit(h) for h in self.retriever.search(query, self.filters, self.k)]

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        return self._search(query)

    async def _aget_relevant_documents(
        self, query: str, *, run_manager: AsyncCallbackManagerForRetrieverRun
    ) -> list[Document]:
        # Embedding the query is CPU work: a worker thread keeps the caller's event loop free.
        return await asyncio.to_thread(self._search, query)
