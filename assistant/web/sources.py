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
    """The citation behind a key "<answer id>-<number>" (a sources-list value or a citation link's target)."""
    if not key or not session or "-" not in str(key):
        return None
    answer_id, _, num = str(key).rpartition("-")
    answer = session.answer(answer_id)
    if answer is None:
        return None
    for c in list(answer.citations) + list(answer.nearest):
        if str(c.number) == num:
            return c
    return None


def show_source(services: Services, session: ChatSession, key: str | None, lang: str) -> str:
    """HTML of the cited point: the meeting header, the point's full text, the quote in <mark>."""
    c = find_citation(session, key)
    if c is None:
        return html.pick_source(lang)
    found = services.assistant.point_text(c.point_key) if c.point_key and c.point_number else None
    if found is not None:
        meeting, point = found
        return html.source_view(meeting, point, c, lang, key=key)
    # a citation of a whole meeting (attendance, meetings in a period): its header and its points
    meeting = services.catalog.meeting(c.point_key.split(":")[0]) if c.point_key else None
    if meeting is None:
        return f'<p class="muted">{html.esc(ui("source_missing", lang))}</p>'
    return html.meeting_view(meeting, c, lang, key=key)


def open_cited(services: Services, session: ChatSession, link: str | None, lang: str) -> tuple[str, gr.Radio]:
    """A click on [n] in an answer: the source view shows that citation; the sources list selects it when it belongs
    to the answer the list shows (the latest), and selects nothing for an earlier answer's citation."""
    key = str(link or "").split("|", 1)[0]  # the page appends "|<click time>" so a second click is a change too
    current = session is not None and key.rpartition("-")[0] == session.last_id()
    return show_source(services, session, key, lang), gr.Radio(value=key if current else None)


# After a source is shown, bring the source panel and its highlighted passage into view and move the keyboard
# focus there, so a keyboard user who opened a citation continues reading in it.
SCROLL_TO_MARK = """() => { requestAnimationFrame(() => requestAnimationFrame(() => {
  const view = document.querySelector('#source-view .source-view');
  const m = document.querySelector('#source-view mark') || view;
  if (!m) return;
  view?.focus({preventScroll: true});
  m.scrollIntoView({block: 'center'});
})); }"""


def build(lang: str, tr: Relabeler) -> tuple[gr.HTML, gr.Textbox]:
    """The source view, and the hidden box the page's script writes a clicked citation link's key into."""
    with tr.add(gr.Accordion(ui("source_label", lang), open=True, elem_id="source-panel"), label="source_label"):
        view = gr.HTML(html.pick_source(lang), elem_id="source-view")
    link = gr.Textbox(visible="hidden", elem_id="cite-key", container=False)
    return view, link


def wire(
    sources: gr.Radio, view: gr.HTML, link: gr.Textbox, session: gr.State, services: Services, lang_state: gr.State
) -> None:
    def select(key, session, lang):
        return show_source(services, session, key, lang)

    def follow(link, session, lang):
        return open_cited(services, session, link, lang)

    # .input: the user's choice only; the list's value set by `follow` or a new answer must not fire it again
    sources.input(select, [sources, session, lang_state], [view], api_name=False).then(
        None, None, None, js=SCROLL_TO_MARK
    )
    link.change(follow, [link, session, lang_state], [view, sources], api_name=False).then(
        None, None, None, js=SCROLL_TO_MARK
    )
