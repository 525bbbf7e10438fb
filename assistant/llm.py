"""Optional LLM answerer through LangChain chat models, with every citation checked against its source.

Backends (Settings.llm): "ollama" (langchain-ollama), "openai" (any OpenAI-compatible server, langchain-openai),
"gguf" (a local GGUF file through llama-cpp-python and langchain-community). All optional: imported on first use.
The only module that imports LangChain chat models.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from assistant.citations import citation_from_chunk
from assistant.prompts import LLM_REWRITE, LLM_SOURCE, LLM_SYSTEM, LLM_USER, format_date, phrase
from assistant.query import QueryPlan, stems
from assistant.records import Answer, Citation, Hit
from assistant.settings import Settings

SOURCE_CHARS = 1800  # characters of each point given to the model
_MARKER = re.compile(r"\[(\d+(?:\s*[,;]\s*\d+)*)\]")
_QUOTE = re.compile(r"\"([^\"]{8,})\"|»([^«]{8,})«|“([^”]{8,})”|„([^“”]{8,})[“”]")
_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[\"»“(]?[A-ZÆØÅ])|\n+")

_BACKENDS = {
    "ollama": ("langchain_ollama", "langchain-ollama"),
    "openai": ("langchain_openai", "langchain-openai"),
    "gguf": ("langchain_community", "langchain-community llama-cpp-python"),
}


class LLMUnavailable(RuntimeError):
    """The configured LLM backend cannot be used (a package or a model is missing)."""


def make_chat_model(settings: Settings) -> Any:
    """The LangChain chat model Settings.llm names; a clear message says what to install when it is missing."""
    kind = settings.llm
    if kind not in _BACKENDS:
        raise LLMUnavailable(f"MINUTES_LLM={kind!r} is not an LLM backend; use ollama, openai or gguf (or none)")
    module, package = _BACKENDS[kind]
    try:
        if kind == "ollama":
            from langchain_ollama import ChatOllama

            return ChatOllama(
                model=settings.llm_model or "qwen2.5:3b",
                base_url=settings.llm_base_url or "http://127.0.0.1:11434",
                temperature=settings.llm_temperature,
            )
        if kind == "openai":
            from langchain_openai import ChatOpenAI

            return ChatOpenAI(
                model=settings.llm_model or "default",
                base_url=settings.llm_base_url,
                api_key=settings.llm_api_key or "not-needed",
                temperature=settings.llm_temperature,
            )
        if not settings.llm_model:
            raise LLMUnavailable(phrase("llm_no_model", settings.language))
        import llama_cpp  # noqa: F401  (the engine behind ChatLlamaCpp)
        from langchain_community.chat_models import ChatLlamaCpp

        return ChatLlamaCpp(model_path=str(settings.llm_model), temperature=settings.llm_temperature, n_ctx=4096,
                            verbose=False)
    except ImportError as exc:
        missing = "llama-cpp-python" if exc.name == "llama_cpp" else package
        extra = "referat-assistenten[gguf]" if kind == "gguf" else "referat-assistenten[llm]"
        raise LLMUnavailable(
            phrase("llm_missing", settings.language, package=missing, llm=kind, extra=extra)
        ) from exc


@dataclass
class Grounding:
    """The result of checking an LLM answer against its numbered sources."""

    text: str  # the answer with unsupported sentences removed and markers renumbered
    used: list[int]  # source numbers cited, in order of first use (before renumbering)
    flagged: bool  # something was removed
    quotes: dict[int, str] = field(default_factory=dict)  # verified quote per source number
    removed: list[str] = field(default_factory=list)
    claims: dict[int, str] = field(default_factory=dict)  # the kept sentences citing each source


def _fold(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split()).lower()


def check_grounding(text: str, sources: dict[int, str]) -> Grounding:
    """Remove citations to unknown sources and sentences quoting what their cited source does not say.

    A sentence whose citations are all invalid, or whose quotation is not in the cited text, is removed and the
    answer flagged. Sentences without any citation are kept only between grounded ones (connectives).
    """
    kept: list[tuple[str, list[int]]] = []
    flagged = False
    removed: list[str] = []
    quotes: dict[int, str] = {}
    folded = {n: _fold(t) for n, t in sources.items()}
    for sentence in (s.strip() for s in _SENTENCE.split(text)):
        if not sentence:
            continue
        cited = [int(n) for m in _MARKER.finditer(sentence) for n in re.split(r"[,;]", m.group(1))]
        valid = [n for n in cited if n in sources]
        if cited and len(valid) < len(cited):
            flagged = True
        if cited and not valid:
            removed.append(sentence)
            continue
        bad_quote = False
        for m in _QUOTE.finditer(sentence):
            quote = next(g for g in m.groups() if g)
            if not valid or not any(_fold(quote) in folded[n] for n in valid):
                bad_quote = True
                break
            owner = next(n for n in valid if _fold(quote) in folded[n])
            quotes.setdefault(owner, quote.strip())
        if bad_quote:
            flagged = True
            removed.append(sentence)
            continue
        sentence = _MARKER.sub(lambda m: _keep_markers(m, sources), sentence)
        kept.append((sentence, valid))
    grounded = [i for i, (_, v) in enumerate(kept) if v]
    kept = kept[grounded[0] : grounded[-1] + 1] if grounded else []  # uncited text only between grounded
    used: list[int] = []
    claims: dict[int, str] = {}
    for sentence, valid in kept:
        for n in valid:
            if n not in used:
                used.append(n)
            claims[n] = f"{claims.get(n, '')} {sentence}".strip()
    if not used:
        return Grounding("", [], flagged or bool(text.strip()), {}, removed, {})
    renumber = {old: new for new, old in enumerate(used, start=1)}
    out = " ".join(s for s, _ in kept)
    out = _MARKER.sub(
        lambda m: "[" + ", ".join(str(renumber[int(n)]) for n in re.split(r"[,;]\s*", m.group(1))) + "]", out
    )
    return Grounding(out, used, flagged, quotes, removed, claims)


def _keep_markers(m: re.Match[str], sources: dict[int, str]) -> str:
    valid = [n.strip() for n in re.split(r"[,;]", m.group(1)) if int(n) in sources]
    return f"[{', '.join(valid)}]" if valid else ""


def best_sentence(source: str, claim: str) -> str:
    """The sentence of ``source`` that shares most words with ``claim`` (a verbatim quote for the citation)."""
    want = stems(claim)
    sentences = [s.strip() for s in _SENTENCE.split(source) if len(s.strip()) > 10]
    return max(sentences, key=lambda s: len(want & stems(s)), default="")


class LLMAnswerer:
    """Answers from numbered sources with a chat model; drops what its sources do not support."""

    def __init__(self, settings: Settings, chat_model: Any | None = None):
        self.settings = settings
        self._model = chat_model

    @property
    def model(self) -> Any:
        if self._model is None:
            self._model = make_chat_model(self.settings)
        return self._model

    def sources(self, hits: list[Hit], catalog: Any) -> dict[int, tuple[Hit, str]]:
        out: dict[int, tuple[Hit, str]] = {}
        for i, hit in enumerate(hits[: self.settings.k], start=1):
            found = catalog.point(hit.point_key)
            if hit.first.closed or found is None:
                text = hit.first.point_title + "\n" + phrase("closed_note", "da") if hit.first.closed else ""
            else:
                text = found[1].full_text
            out[i] = (hit, text[:SOURCE_CHARS])
        return out

    def messages(self, plan: QueryPlan, sources: dict[int, tuple[Hit, str]]) -> list[Any]:
        from langchain_core.messages import HumanMessage, SystemMessage

        lang = plan.lang if plan.lang in LLM_SYSTEM else "da"
        blocks = []
        for n, (hit, text) in sources.items():
            c = hit.first
            header = f"{c.committee}, {format_date(c.meeting_date, 'da')}, punkt {c.point_number}: {c.point_title}"
            blocks.append(LLM_SOURCE.format(number=n, header=header, text=text))
        user = LLM_USER[lang].format(sources="\n\n".join(blocks), question=plan.question)
        return [SystemMessage(content=LLM_SYSTEM[lang]), HumanMessage(content=user)]

    def answer_stream(self, plan: QueryPlan, hits: list[Hit], catalog: Any) -> Iterator[str | Answer]:
        """Streams the model's text, then yields the checked Answer (refused when nothing grounded remains)."""
        sources = self.sources(hits, catalog)
        if not sources:
            yield Answer(plan.question, phrase("refusal", plan.lang), [], plan.lang, refused=True, answerer="llm")
            return
        pieces: list[str] = []
        for chunk in self.model.stream(self.messages(plan, sources)):
            piece = chunk.content if isinstance(chunk.content, str) else str(chunk.content)
            if piece:
                pieces.append(piece)
                yield piece
        yield self.finish(plan, "".join(pieces), sources)

    def finish(self, plan: QueryPlan, raw: str, sources: dict[int, tuple[Hit, str]]) -> Answer:
        lang = plan.lang
        g = check_grounding(raw, {n: text for n, (_, text) in sources.items()})
        if not g.used:
            return Answer(plan.question, phrase("refusal", lang), [], lang, refused=True, flagged=g.flagged,
                          answerer="llm")
        citations: list[Citation] = []
        for new, old in enumerate(g.used, start=1):
            hit, text = sources[old]
            quote = g.quotes.get(old) or best_sentence(text, g.claims.get(old, g.text))
            citations.append(citation_from_chunk(new, hit.first, quote))
        text = g.text + ("\n\n" + phrase("llm_flagged", lang) if g.flagged else "")
        return Answer(plan.question, text, citations, lang, flagged=g.flagged, answerer="llm")

    def rewrite(self, question: str, history: list[Answer], lang: str | None = None) -> str:
        """The follow-up question rewritten to stand alone (the question itself on any failure)."""
        from langchain_core.messages import HumanMessage

        lang = lang or (history[-1].lang if history else "da")
        turns = "\n".join(f"- {a.question}\n  {a.text[:300]}" for a in history[-3:])
        prompt = LLM_REWRITE.get(lang, LLM_REWRITE["da"]).format(history=turns, question=question)
        try:
            out = self.model.invoke([HumanMessage(content=prompt)]).content
        except Exception:  # noqa: BLE001 - a failed rewrite must not fail the answer
            return question
        out = str(out).strip().strip('"').splitlines()[0] if str(out).strip() else ""
        return out or question
