"""Meetings and cases: browse meetings by committee and date, open one, follow a case across committees."""

from __future__ import annotations

import logging
from dataclasses import dataclass

import gradio as gr

from assistant.records import Meeting
from assistant.web import html
from assistant.web.state import Services, parse_day
from assistant.web.texts import Relabeler, ui

log = logging.getLogger(__name__)


@dataclass
class MeetingComponents:
    municipality: gr.Dropdown
    committee: gr.Dropdown
    date_from: gr.Textbox
    date_to: gr.Textbox
    show: gr.Button
    meeting: gr.Dropdown
    meeting_view: gr.HTML
    case: gr.Textbox
    case_button: gr.Button
    case_view: gr.HTML


def meeting_label(m: Meeting, lang: str) -> str:
    muni = f" ({m.municipality})" if m.municipality else ""
    return f"{html.date_text(m.date_iso, lang)} – {m.committee}{muni}"


def list_meetings(
    services: Services,
    municipality: str | None,
    committee: str | None,
    date_from: str | None,
    date_to: str | None,
    lang: str,
) -> tuple[list[tuple[str, str]], str]:
    """(label, meeting id) choices, newest first, and a one-line message."""
    try:
        start, end = parse_day(date_from, lang), parse_day(date_to, lang)
    except ValueError as exc:
        return [], str(exc)
    meetings = services.catalog.meetings(
        municipality=municipality or None, committee=committee or None, date_from=start, date_to=end
    )
    meetings = sorted(meetings, key=lambda m: (m.date_iso, m.time_str), reverse=True)
    if not meetings:
        return [], ui("no_meetings", lang)
    return [(meeting_label(m, lang), m.meeting_id) for m in meetings], (
        ui("n_meetings_found_1", lang) if len(meetings) == 1 else ui("n_meetings_found", lang, n=len(meetings))
    )


def meeting_html(services: Services, meeting_id: str | None, lang: str) -> str:
    """A meeting's header (with who was absent) and its points, each with its case number and decision."""
    m = services.catalog.meeting(meeting_id) if meeting_id else None
    if m is None:
        return f'<p class="muted">{html.esc(ui("no_meetings", lang))}</p>'
    rows = []
    for p in m.points:
        if p.closed:
            decision = f'<p class="closed">{html.esc(ui("closed_point", lang))}</p>'
        elif p.decision:
            decision = (
                f'<div class="decision"><b>{html.esc(ui("decision", lang))}:</b> {html.long_text(p.decision)}</div>'
            )
        else:
            decision = f'<p class="muted">{html.esc(ui("no_decision", lang))}</p>'
        case = (
            f'<button class="case-link" data-case="{html.esc(p.case_number)}">'
            f"{html.esc(ui('case', lang))} {html.esc(p.case_number)}</button>"
            if p.case_number
            else ""
        )
        rows.append(
            f'<li class="point"><div class="point-title">{html.esc(ui("point", lang))} {html.esc(p.number)}: '
            f"{html.esc(p.title)} {case}</div>{decision}</li>"
        )
    return f'<div class="meeting-view">{html.meeting_header(m, lang)}<ol class="points">{"".join(rows)}</ol></div>'


def case_history_html(services: Services, case_number: str | None, lang: str) -> str:
    """The case's steps in date order: meeting, point, decision, and a citation for each."""
    case = (case_number or "").strip()
    if not case:
        return f'<p class="muted">{html.esc(ui("case_ph", lang))}</p>'
    steps = services.assistant.case_history(case)
    if not steps:
        return f'<p class="muted">{html.esc(ui("case_none", lang, case=case))}</p>'
    items = []
    for i, step in enumerate(steps, 1):
        m, p, c = step.meeting, step.point, step.citation
        if p.closed:
            decision = f'<p class="closed">{html.esc(ui("closed_point", lang))}</p>'
        elif step.decision:
            decision = html.long_text(step.decision)
        else:
            decision = f'<p class="muted">{html.esc(ui("no_decision", lang))}</p>'
        items.append(
            f'<li class="step"><div class="step-head"><b>{html.esc(html.date_text(m.date_iso, lang))}</b> – '
            f"{html.esc(m.committee)}, {html.esc(ui('point', lang).lower())} {html.esc(p.number)}: "
            f"{html.esc(p.title)}</div>{decision}"
            f'<div class="ref">[{i}] {html.esc(html.reference(c, lang))}</div></li>'
        )
    title = html.esc(ui("case_title", lang, case=case))
    return f'<div class="case-view"><h3>{title}</h3><ol class="steps">{"".join(items)}</ol></div>'


def build(services: Services, lang: str, tr: Relabeler) -> MeetingComponents:
    from assistant.web.chat import filter_options, with_all

    munis, committees = filter_options(services)
    with gr.Row():
        with gr.Column(scale=2):
            tr.add(gr.Markdown(f"#### {ui('browse', lang)}"), value=lambda lg: f"#### {ui('browse', lg)}")
            with gr.Row():
                municipality = gr.Dropdown(with_all(munis, lang), value="", label=ui("municipality", lang))
                committee = gr.Dropdown(with_all(committees, lang), value="", label=ui("committee", lang))
            with gr.Row():
                date_from = gr.Textbox(label=ui("date_from", lang))
                date_to = gr.Textbox(label=ui("date_to", lang))
            show = gr.Button(ui("show_meetings", lang), elem_id="show-meetings")
            meeting = gr.Dropdown([], label=ui("meeting_pick", lang), elem_id="meeting-pick")
            meeting_view = gr.HTML(elem_id="meeting-view")
        with gr.Column(scale=1):
            tr.add(gr.Markdown(f"#### {ui('case_history', lang)}"), value=lambda lg: f"#### {ui('case_history', lg)}")
            case = gr.Textbox(label=ui("case_number", lang), placeholder=ui("case_ph", lang), elem_id="case-number")
            case_button = gr.Button(ui("case_history", lang), elem_id="case-button")
            case_view = gr.HTML(elem_id="case-view")
    tr.add(municipality, label="municipality", choices=lambda lg: with_all(filter_options(services)[0], lg))
    tr.add(committee, label="committee", choices=lambda lg: with_all(filter_options(services)[1], lg))
    tr.add(date_from, label="date_from")
    tr.add(date_to, label="date_to")
    tr.add(meeting, label="meeting_pick")
    tr.add(case, label="case_number", placeholder="case_ph")
    tr.add(show, value="show_meetings")
    tr.add(case_button, value="case_history")
    return MeetingComponents(
        municipality, committee, date_from, date_to, show, meeting, meeting_view, case, case_button, case_view
    )


def wire(c: MeetingComponents, services: Services, lang_state: gr.State) -> None:
    def show(muni, committee, dfrom, dto, lang):
        choices, msg = list_meetings(services, muni, committee, dfrom, dto, lang)
        value = choices[0][1] if choices else None
        return gr.Dropdown(choices=choices, value=value, info=msg), meeting_html(services, value, lang)

    def open_meeting(meeting_id, lang):
        return meeting_html(services, meeting_id, lang)

    def history(case, lang):
        return case_history_html(services, case, lang)

    c.show.click(show, [c.municipality, c.committee, c.date_from, c.date_to, lang_state], [c.meeting, c.meeting_view])
    c.meeting.input(open_meeting, [c.meeting, lang_state], [c.meeting_view], api_name=False)
    c.case_button.click(history, [c.case, lang_state], [c.case_view], api_name="case_history")
    c.case.submit(history, [c.case, lang_state], [c.case_view], api_name=False)
