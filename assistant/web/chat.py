"""The chat view: questions, streamed answers with numbered references, filters for the conversation."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

import gradio as gr

from assistant.records import Answer, Citation, Filters
from assistant.web import feedback_view, html
from assistant.web.state import ChatSession, Services, make_filters
from assistant.web.texts import Relabeler, ui

log = logging.getLogger(__name__)


@dataclass
class ChatComponents:
    chatbot: gr.Chatbot
    question: gr.Textbox
    ask: gr.Button
    new: gr.Button
    municipality: gr.Dropdown
    committee: gr.Dropdown
    date_from: gr.Textbox
    date_to: gr.Textbox
    sources: gr.Radio
    session: gr.State
    lang_state: gr.State
    feedback: feedback_view.FeedbackComponents
    # components that show something of the current answer (source view, export file, ...), each with the value it
    # starts from: a new question and a new conversation set them back, so nothing of an earlier answer stays
    linked: list[tuple[gr.components.Component, Callable[[str], object]]] = field(default_factory=list)


# --- callbacks (plain functions over the library; the tests call them directly) ----------------------------------


def ask_stream(services: Services, session: ChatSession, question: str, filters: Filters) -> Iterator[str | Answer]:
    """Text pieces as the answerer streams them, then the final Answer, which joins the session's history.

    The answer follows the language of the question ("English when asked in English"), whatever the UI language.
    """
    history = list(session.answers)
    final: Answer | None = None
    for piece in services.assistant.ask_stream(question, history=history, filters=filters):
        if isinstance(piece, Answer):
            final = piece
        else:
            yield piece
    if final is None:  # an answerer that only streams text: fall back to the blocking call
        final = services.assistant.ask(question, history=history, filters=filters)
    session.add(final)
    yield final


def citation_key(answer_id: str, c: Citation) -> str:
    return html.cite_key(answer_id, c.number)


def source_choices(session: ChatSession, lang: str) -> list[tuple[str, str]]:
    """(label, value) for every reference of the latest answer (or its nearest points when it refused)."""
    a = session.last()
    if a is None:
        return []
    lang = a.lang or lang  # the references speak the answer's language, as in the chat message
    return [(f"[{c.number}] {html.reference(c, lang)}", citation_key(session.last_id(), c)) for c in _cited(a)]


def _cited(a: Answer) -> list[Citation]:
    return list(a.citations or a.nearest)


def _no_sources() -> gr.Radio:
    return gr.Radio(choices=[], value=None, visible=False)


def chat_turn(
    services: Services,
    question: str,
    messages: list[dict] | None,
    session: ChatSession | None,
    lang: str,
    municipality: str | None = None,
    committee: str | None = None,
    date_from: str | None = None,
    date_to: str | None = None,
) -> Iterator[tuple[list[dict], ChatSession, gr.Radio, str]]:
    """One question: yields (chat messages, session, sources radio, question box) as the answer grows."""
    session = session if session is not None else ChatSession()
    messages = list(messages or [])
    question = (question or "").strip()
    if not question:
        # said in the question box itself: Gradio's toasts carry an English title ("Warning") in every language
        yield messages, session, gr.Radio(), gr.Textbox(value="", placeholder=ui("empty_question", lang))
        return
    messages.append({"role": "user", "content": html.md_safe(question)})
    try:
        filters = make_filters(municipality, committee, date_from, date_to, lang)
    except ValueError as exc:
        messages.append({"role": "assistant", "content": html.md_safe(str(exc))})
        yield messages, session, gr.Radio(), question
        return
    messages.append({"role": "assistant", "content": html.md_safe(ui("thinking", lang))})
    yield messages, session, _no_sources(), ""  # the previous answer's sources go while this one is answered
    streamed = ""
    try:
        for piece in ask_stream(services, session, question, filters):
            if isinstance(piece, Answer):
                content = html.answer_markdown(piece, lang, answer_id=session.last_id())
                messages[-1] = {"role": "assistant", "content": content}
                session.message_ids[len(messages) - 1] = session.last_id()
            else:
                streamed += piece
                messages[-1] = {"role": "assistant", "content": html.md_safe(streamed)}
                yield messages, session, gr.Radio(), ""
    except Exception as exc:  # noqa: BLE001 - show the user what failed instead of a silent spinner
        log.exception("answering %r failed", question)
        messages[-1] = {"role": "assistant", "content": html.md_safe(ui("error", lang, error=exc))}
        yield messages, session, gr.Radio(), question
        return
    choices = source_choices(session, lang)
    label = ui("sources", lang) if session.last() and session.last().citations else ui("nearest", lang)
    radio = gr.Radio(choices=choices, value=None, label=label, info=ui("pick_source", lang), visible=bool(choices))
    yield messages, session, radio, ""


def new_conversation(lang: str) -> tuple[list[dict], ChatSession, gr.Radio, str]:
    """An empty chat and a fresh session: no answers, so no follow-up context, sources or export."""
    return [], ChatSession(), _no_sources(), ""


def _fresh(c: ChatComponents, lang: str) -> list[object]:
    return [start(lang) for _, start in c.linked]


def turn_handler(c: ChatComponents, services: Services):
    """(function, inputs, outputs) of one question: the chat turn, with the linked components set back at its start
    (an earlier answer's source or export file never stands beside the new answer)."""

    def turn(question, messages, session, lang, muni, committee, dfrom, dto):
        first = True
        for out in chat_turn(services, question, messages, session, lang, muni, committee, dfrom, dto):
            yield (*out, *(_fresh(c, lang) if first else [gr.skip()] * len(c.linked)))
            first = False

    inputs = [c.question, c.chatbot, c.session, c.lang_state, c.municipality, c.committee, c.date_from, c.date_to]
    outputs = [c.chatbot, c.session, c.sources, c.question, *(comp for comp, _ in c.linked)]
    return turn, inputs, outputs


def reset_handler(c: ChatComponents):
    """(function, inputs, outputs) of "Ny samtale" and of the chat's own clear button: one and the same reset."""

    def reset(lang):
        return (*new_conversation(lang), *_fresh(c, lang))

    return reset, [c.lang_state], [c.chatbot, c.session, c.sources, c.question, *(comp for comp, _ in c.linked)]


def with_all(values: list[str], lang: str) -> list[tuple[str, str]]:
    """Dropdown choices with "(alle)" first (value "")."""
    return [(ui("all", lang), "")] + [(v, v) for v in values]


def filter_options(services: Services, municipality: str | None = None) -> tuple[list[str], list[str]]:
    """Municipalities and committees in the index (committees of one municipality when given)."""
    try:
        cat = services.catalog
        rows = cat.committees()
        munis = cat.municipalities()
    except Exception:  # noqa: BLE001 - an empty or missing index gives empty filters, not a broken page
        log.exception("reading the catalog for filters failed")
        return [], []
    committees = sorted({r[1] for r in rows if not municipality or r[0] == municipality})
    return [m for m in munis if m], committees


# --- layout -------------------------------------------------------------------------------------------------------


def build(services: Services, lang: str, tr: Relabeler, lang_state: gr.State) -> ChatComponents:
    munis, committees = filter_options(services)
    all_label = ui("all", lang)
    with gr.Row(equal_height=False):
        with gr.Column(scale=3):
            chatbot = gr.Chatbot(
                label=ui("chat_label", lang),
                height=460,
                elem_id="chat",
                feedback_options=("Like", "Dislike"),
                buttons=["copy"],
                sanitize_html=True,
            )
            feedback = feedback_view.build(lang, tr)
            with gr.Row(elem_id="ask-row"):
                question = gr.Textbox(
                    label=ui("question", lang),
                    placeholder=ui("question_ph", lang),
                    lines=1,
                    scale=5,
                    elem_id="question",
                    autofocus=True,
                )
                ask = gr.Button(ui("ask", lang), variant="primary", scale=1, elem_id="ask")
            new = gr.Button(ui("new_chat", lang), size="sm", elem_id="new-chat")
            sources = gr.Radio(
                choices=[], label=ui("sources", lang), info=ui("pick_source", lang), visible=False, elem_id="sources"
            )
        with gr.Column(scale=1, min_width=240):
            tr.add(gr.Markdown(f"#### {ui('filters', lang)}"), value=lambda lg: f"#### {ui('filters', lg)}")
            municipality = gr.Dropdown(
                choices=[(all_label, "")] + [(m, m) for m in munis], value="", label=ui("municipality", lang)
            )
            committee = gr.Dropdown(
                choices=[(all_label, "")] + [(c, c) for c in committees], value="", label=ui("committee", lang)
            )
            date_from = gr.Textbox(label=ui("date_from", lang), elem_id="date-from")
            date_to = gr.Textbox(label=ui("date_to", lang), elem_id="date-to")
    tr.add(chatbot, label="chat_label")
    tr.add(question, label="question", placeholder="question_ph")
    tr.add(ask, value="ask")
    tr.add(new, value="new_chat")
    tr.add(municipality, label="municipality", choices=lambda lg: with_all(filter_options(services)[0], lg))
    tr.add(committee, label="committee", choices=lambda lg: with_all(filter_options(services)[1], lg))
    tr.add(date_from, label="date_from")
    tr.add(date_to, label="date_to")
    tr.add(sources, label="sources", info="pick_source")
    session = gr.State(ChatSession())
    c = ChatComponents(
        chatbot, question, ask, new, municipality, committee, date_from, date_to, sources, session, lang_state, feedback
    )
    c.linked += feedback_view.linked(feedback)
    return c


def wire(c: ChatComponents, services: Services) -> None:
    """Call after c.linked is complete (app.py adds the source view and the export panel)."""
    turn, inputs, outputs = turn_handler(c, services)
    c.ask.click(turn, inputs, outputs, api_name="ask")
    c.question.submit(turn, inputs, outputs, api_name=False)
    reset, reset_in, reset_out = reset_handler(c)
    c.new.click(reset, reset_in, reset_out, api_name=False)
    c.chatbot.clear(reset, reset_in, reset_out, api_name=False)
    lang_state = c.lang_state
    feedback_view.wire(c.feedback, c.chatbot, c.session, services, lang_state)

    def committees_for(muni, lang):
        _, committees = filter_options(services, muni or None)
        return gr.Dropdown(choices=with_all(committees, lang), value="")

    c.municipality.input(committees_for, [c.municipality, lang_state], [c.committee], api_name=False)
