"""The LangChain doors on a real small index: the shipped Slagelse minutes and the fictional web fixtures (one of
their points is closed), the real embedder, a real Chroma; LangChain's fake chat model stands in for the LLM."""

from __future__ import annotations

import asyncio
import shutil
from pathlib import Path

import pytest
from conftest import FIXTURES, REPO
from langchain_core.callbacks import BaseCallbackHandler
from langchain_core.embeddings import Embeddings
from langchain_core.language_models.fake_chat_models import FakeListChatModel
from langchain_core.output_parsers import StrOutputParser
from langchain_core.prompts import ChatPromptTemplate
from langchain_core.retrievers import BaseRetriever
from langchain_core.runnables import RunnablePassthrough

from assistant.langchain import MinutesEmbeddings, MinutesRetriever, format_documents
from assistant.records import Filters
from assistant.settings import Settings

pytestmark = pytest.mark.slow

CITATION_FIELDS = {"municipality", "committee", "meeting_date", "point_number", "point_title", "case_number", "source"}


@pytest.fixture(scope="module")
def settings(tmp_path_factory) -> Settings:
    from assistant.ingest import ingest

    corpus = tmp_path_factory.mktemp("corpus")
    shutil.copytree(REPO / "corpus" / "slagelse", corpus / "slagelse")
    shutil.copytree(FIXTURES / "web" / "minutes", corpus / "fiktiv")
    s = Settings(index=tmp_path_factory.mktemp("index"), corpus=corpus)
    report = ingest([corpus], s, show_progress=False)
    assert report.files_added == 3, report.problems
    return s


@pytest.fixture(scope="module")
def retriever(settings) -> MinutesRetriever:
    return MinutesRetriever.from_settings(settings, k=3)


def test_retriever_is_a_langchain_retriever_with_typed_fields(retriever):
    assert isinstance(retriever, BaseRetriever)
    assert MinutesRetriever.__module__ == "assistant.langchain"  # importable, not built inside a factory
    fields = MinutesRetriever.model_fields
    assert fields["k"].annotation is int and fields["filters"].annotation is Filters
    with pytest.raises(ValueError):
        MinutesRetriever(retriever=retriever.retriever, k=0)


def test_documents_carry_the_citation_and_the_file_name_never_a_path(retriever, settings):
    docs = retriever.invoke("Hvad anbefalede udvalget om den boligsociale indsats?")
    assert 1 <= len(docs) <= 3
    top = docs[0]
    assert CITATION_FIELDS <= set(top.metadata)
    assert top.metadata["municipality"] == "Slagelse Kommune"
    assert top.metadata["meeting_date"] == "2025-12-09"
    assert top.metadata["point_number"] == "2"
    assert top.metadata["case_number"] == "24-012144"
    assert top.metadata["point_title"].startswith("§ 17,4 udvalgets afsluttende anbefalinger")
    assert "samarbejde" in top.page_content
    for d in docs:
        assert d.metadata["source"] and "/" not in d.metadata["source"] and "\\" not in d.metadata["source"]
        assert str(settings.corpus) not in str(d.metadata)


def test_closed_point_has_no_content(retriever):
    docs = retriever.invoke("salg af grund ved stadion")
    closed = [d for d in docs if d.metadata["closed"]]
    assert closed, [d.metadata["point_title"] for d in docs]
    assert closed[0].metadata["case_number"] == "25-000505"
    # only the notice that the point is closed: none of its sections
    notice = ("Punktet «Lukket: Salg af grund ved stadion» (Kultur- og Fritidsudvalget, 10. marts 2025, punkt 5) er "
              "lukket; indholdet af lukkede punkter gengives ikke.")
    assert closed[0].page_content == notice


def test_filters_narrow_the_documents(settings):
    only = MinutesRetriever.from_settings(settings, filters=Filters(municipality="Fiktiv Kommune"), k=5)
    docs = only.invoke("Hvad blev besluttet?")
    assert docs and {d.metadata["municipality"] for d in docs} == {"Fiktiv Kommune"}


def test_async_gives_the_same_documents(retriever):
    question = "Hvad anbefalede udvalget om den boligsociale indsats?"
    sync_ids = [d.id for d in retriever.invoke(question)]

    async def both():
        return await asyncio.gather(retriever.ainvoke(question), retriever.abatch([question, "vejbump"]))

    single, batch = asyncio.run(both())
    assert [d.id for d in single] == sync_ids
    assert [d.id for d in batch[0]] == sync_ids
    assert batch[1] and batch[1][0].metadata["point_title"].startswith("Vejbump")


class _Prompts(BaseCallbackHandler):
    """Records the messages each chat model call receives."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def on_chat_model_start(self, serialized, messages, **kwargs):
        self.seen.extend(m.content for batch in messages for m in batch)


def test_lcel_chain_with_a_chat_model(retriever):
    """The README's chain, with LangChain's fake chat model in place of Ollama."""
    prompt = ChatPromptTemplate.from_messages([
        ("system", "Svar kun ud fra kilderne, med [n] efter hver påstand.\n\n{context}"),
        ("human", "{question}"),
    ])  # fmt: skip
    llm = FakeListChatModel(responses=["Udvalget anbefaler at fastholde samarbejdet [1]."])
    chain = {"context": retriever | format_documents, "question": RunnablePassthrough()} | prompt | llm
    chain = chain | StrOutputParser()
    spy = _Prompts()
    out = chain.invoke("Hvad anbefalede udvalget om den boligsociale indsats?", config={"callbacks": [spy]})
    assert out == "Udvalget anbefaler at fastholde samarbejdet [1]."
    system = spy.seen[0]
    assert "[1] Slagelse Kommune, § 17,4-udvalg" in system and "punkt 2" in system and "(sag 24-012144)" in system
    assert "samarbejde" in system
    assert asyncio.run(chain.ainvoke("Hvad anbefalede udvalget om den boligsociale indsats?")).startswith("Udvalget")


def test_embeddings_are_langchain_embeddings_over_our_embedder(retriever):
    from assistant.embedders import LangChainEmbeddings

    embedder = retriever.retriever.index.embedder
    lc = MinutesEmbeddings(embedder)
    assert isinstance(lc, Embeddings) and type(LangChainEmbeddings(embedder)) is MinutesEmbeddings
    docs = lc.embed_documents(["Vejbump på Skolevej", "Tilskud til musikskolens orkester"])
    query = lc.embed_query("trafiksikkerhed ved skolen")
    assert len(docs) == 2 and len(query) == len(docs[0]) == embedder.dim
    scores = [sum(a * b for a, b in zip(query, d, strict=True)) for d in docs]
    assert scores[0] > scores[1]
    assert asyncio.run(lc.aembed_query("trafiksikkerhed ved skolen")) == pytest.approx(query, abs=1e-5)


def test_entry_points_still_work(retriever):
    lc = retriever.retriever.as_langchain(k=2)
    assert isinstance(lc, MinutesRetriever) and lc.k == 2
    assert Path(lc.invoke("vejbump")[0].metadata["source"]).suffix == ".json"


def test_a_question_over_the_limit_is_refused_with_its_message(retriever):
    """As the chat answers a question over max_question_chars with a message, the retriever raises one (before any
    analysis: a 10,000-letter word took about a minute)."""
    expected = r"^Spørgsmålet er for langt \(1\.024 tegn\)\. Skriv det kortere, højst 1\.000 tegn\.$"
    with pytest.raises(ValueError, match=expected):
        retriever.invoke("Hvad blev besluttet om " + "data" * 250 + "?")
    assert retriever.invoke("Hvad anbefalede udvalget om brug af data?")
