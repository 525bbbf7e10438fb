"""The LLM answerer's plumbing with LangChain's fake chat models; the grounding check; an opt-in real server."""

from __future__ import annotations

import importlib.util
import os

import pytest
from answer_corpus import fake_index
from langchain_core.language_models.fake_chat_models import FakeListChatModel, GenericFakeChatModel
from langchain_core.messages import AIMessage

from assistant.answering import Assistant
from assistant.llm import LLMAnswerer, LLMUnavailable, check_grounding, make_chat_model
from assistant.records import Answer
from assistant.settings import Settings

SOURCES = {
    1: "Byrådet godkendte tidsplanen for budget 2024 med 19 stemmer for.",
    2: "Udvalget har afsat 2,5 mio. kr. til renovering af foreningernes klubhuse.",
}


def test_grounding_keeps_valid_citations():
    g = check_grounding('Byrådet godkendte tidsplanen [1]. Der er afsat "2,5 mio. kr. til renovering" [2].', SOURCES)
    assert not g.flagged and g.used == [1, 2]
    assert g.quotes[2] == "2,5 mio. kr. til renovering"


def test_grounding_removes_unknown_numbers_and_renumbers():
    g = check_grounding("Tidsplanen blev godkendt [3]. Der er afsat 2,5 mio. kr. [2].", SOURCES)
    assert g.flagged and g.used == [2]
    assert g.text == "Der er afsat 2,5 mio. kr. [1]."
    g = check_grounding("Det blev godkendt [1, 7].", SOURCES)
    assert g.flagged and g.text == "Det blev godkendt [1]."


def test_grounding_removes_misquotes():
    g = check_grounding('Byrådet "vedtog budgettet enstemmigt" [1]. Tidsplanen blev godkendt [1].', SOURCES)
    assert g.flagged and "enstemmigt" not in g.text and g.text == "Tidsplanen blev godkendt [1]."
    g = check_grounding("Byrådet sagde »afsat 2,5 mio. kr.« [1].", SOURCES)  # quote is in source 2, cited 1
    assert g.flagged and g.used == []


def test_grounding_drops_uncited_text_at_the_edges():
    g = check_grounding("Godt spørgsmål. Tidsplanen blev godkendt [1]. Håber det hjælper.", SOURCES)
    assert g.text == "Tidsplanen blev godkendt [1]."
    assert check_grounding("Det ved jeg ikke.", SOURCES).used == []


@pytest.fixture
def settings():
    return Settings(refusal_threshold=0.25, refusal_threshold_en=0.25, candidates=10, llm="openai")


def _assistant(settings, model):
    return Assistant(settings, index=fake_index(settings), llm=LLMAnswerer(settings, chat_model=model))


def test_llm_answer_streams_and_cites(settings):
    reply = "Byrådet godkendte tidsplanen for budget 2024 med 19 stemmer for [1]."
    model = GenericFakeChatModel(messages=iter([AIMessage(content=reply)]))
    pieces = list(_assistant(settings, model).ask_stream("Hvad besluttede byrådet om tidsplanen for budget 2024?"))
    ans = pieces[-1]
    assert isinstance(ans, Answer) and len(pieces) > 2  # streamed in pieces
    assert ans.answerer == "llm" and not ans.flagged and ans.text == reply
    assert ans.citations[0].committee == "Byråd 2022-2025"
    assert ans.citations[0].quote == "Byrådet godkendte tidsplanen for budget 2024 med 19 stemmer for."


def test_llm_prompt_numbers_sources_and_demands_citations(settings):
    model = FakeListChatModel(responses=["Godkendt [1]."])
    llm = LLMAnswerer(settings, chat_model=model)
    index = fake_index(settings)
    a = Assistant(settings, index=index, llm=llm)
    plan = a.plan("Hvad besluttede byrådet om tidsplanen for budget 2024?")
    hits = a.retriever.search(plan.question, None, 3, plan)
    msgs = llm.messages(plan, llm.sources(hits, index.catalog))
    assert "[1]" in msgs[1].content and "kildehenvisning" in msgs[0].content
    assert "Tidsplan for budget 2024" in msgs[1].content


def test_ungrounded_llm_answer_falls_back_to_extractive(settings):
    model = FakeListChatModel(responses=['Byrådet "vedtog en ny svømmehal" [9].'])
    ans = _assistant(settings, model).ask("Hvad besluttede byrådet om tidsplanen for budget 2024?")
    assert ans.answerer == "extractive" and ans.flagged
    assert "19 stemmer for" in ans.text


def test_partly_grounded_llm_answer_is_flagged(settings):
    model = FakeListChatModel(responses=["Tidsplanen blev godkendt med 19 stemmer for [1]. Der var fest [4]."])
    ans = _assistant(settings, model).ask("Hvad besluttede byrådet om tidsplanen for budget 2024?")
    assert ans.answerer == "llm" and ans.flagged and "fest" not in ans.text
    assert "kunne ikke findes i kilderne" in ans.text


def test_followup_is_rewritten_with_the_llm(settings):
    model = FakeListChatModel(responses=["Hvad besluttede byrådet om tidsplanen for budget 2024?",
                                         "Tidsplanen blev godkendt med 19 stemmer for [1]."])
    a = _assistant(settings, model)
    first = Answer("Hvad indstillede Økonomiudvalget om tidsplanen for budget 2024?", "…", [])
    ans = a.ask("og byrådet?", history=[first])
    assert ans.question == "og byrådet?" and ans.citations[0].committee == "Byråd 2022-2025"


@pytest.mark.parametrize("kind, module", [("ollama", "langchain_ollama"), ("openai", "langchain_openai")])
def test_backend_or_what_to_install(kind, module):
    settings = Settings(llm=kind, llm_model="m", llm_base_url="http://127.0.0.1:9")
    if importlib.util.find_spec(module) is None:
        with pytest.raises(LLMUnavailable, match=r"pip install 'referat-assistenten\[llm\]'"):
            make_chat_model(settings)
    else:
        assert hasattr(make_chat_model(settings), "stream")


def test_gguf_needs_a_model_path():
    with pytest.raises(LLMUnavailable, match="MINUTES_LLM_MODEL"):
        make_chat_model(Settings(llm="gguf"))


@pytest.mark.skipif(not os.environ.get("MINUTES_TEST_LLM_URL"), reason="set MINUTES_TEST_LLM_URL to an "
                    "OpenAI-compatible server (and MINUTES_TEST_LLM_MODEL) to run against a real model")
def test_real_openai_compatible_server():
    s = Settings(llm="openai", llm_base_url=os.environ["MINUTES_TEST_LLM_URL"],
                 llm_model=os.environ.get("MINUTES_TEST_LLM_MODEL", "default"), refusal_threshold=0.25)
    ans = Assistant(s, index=fake_index(s)).ask("Hvad besluttede byrådet om tidsplanen for budget 2024?")
    assert ans.citations and ans.citations[0].committee == "Byråd 2022-2025"
