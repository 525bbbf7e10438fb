"""The citation detail: the quoted passage highlighted inside the full text of its agenda point."""

from __future__ import annotations

import logging

import gradio as gr

from assistant.records import Citation
from assistant.web import html
from assistant.web.state import ChatSession, Services
from assistant.web.texts import Relabeler, ui

log = logging.getLogger(__name__)


def find_citation(session: ChatSession, key: str | None) -> Citation | None:
    """The citation behind a sources-radio value "<answer index>:<number>"."""
    if not key or not session or ":" not in str(key):
        return None
    idx, _, num = str(key).partition(":")
    try:
        answer = session.answers[int(idx)]
    except (ValueError, IndexError):
        return None
    for c in list(answer.citations) + list(answer.nearest):
        if str(c.number) == num:
            return c
    return None


def show_source(services: Services, session: ChatSession, key: str | None, lang: str) -> str:
    """HTML of the cited point: the meeting header, the point's full text, the quote in <mark>."""
    c = find_citation(session, key)
    if c is None:
        return f'<p class="muted">{html.esc(ui("pick_source", lang))}</p>'
    found = services.assistant.point_text(c.point_key) if c.point_key and c.point_number else None
    if found is not None:
        meeting, point = found
        return html.source_view(meeting, point, c, lang)
    # a citation of a whole meeting (attendance, meetings in a period): its header and its points
    meeting = services.catalog.meeting(c.point_key.split(":")[0]) if c.point_key else None
    if meeting is None:
        return f'<p class="muted">{html.esc(ui("source_missing", lang))}</p>'
    return html.meeting_view(meeting, c, lang)


# After a source is shown, bring its highlighted passage into view.
SCROLL_TO_MARK = """() => { setTimeout(() => {
  const m = document.querySelector('#source-view mark');
  if (m) m.scrollIntoView({block: 'center', behavior: 'smooth'});
}, 100); }"""


def build(lang: str, tr: Relabeler) -> gr.HTML:
    def placeholder(lg: str) -> str:
        return f'<p class="muted">{html.esc(ui("pick_source", lg))}</p>'

    with tr.add(gr.Accordion(ui("source_label", lang), open=True, elem_id="source-panel"), label="source_label"):
        view = gr.HTML(placeholder(lang), elem_id="source-view")
    tr.add(view, value=placeholder)  # a language switch shows the prompt in the new language
    return view


def wire(sources: gr.Radio, view: gr.HTML, session: gr.State, services: Services, lang_state: gr.State) -> None:
    def select(key, session, lang):
        return show_source(services, session, key, lang)

    sources.change(select, [sources, session, lang_state], [view], api_name=False).then(
        None, None, None, js=SCROLL_TO_MARK
    )
