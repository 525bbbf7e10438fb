"""The start view for a new member: what is in the index, the latest meetings, suggested first questions."""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

import gradio as gr

from assistant.records import AgendaPoint, Meeting
from assistant.web import html
from assistant.web.state import Services
from assistant.web.texts import Relabeler, n_meetings, ui

log = logging.getLogger(__name__)

# Routine agenda points that make poor first questions, in any municipality.
_ROUTINE = re.compile(
    r"^(godkendelse af (dagsorden|referat)|dagsorden|eventuelt|evt\.?|meddelelser|orientering(er)? fra|"
    r"underskrift|underskriftsark|fraværende|lukket|næste møde|mødeplan|spørgsmål fra)",
    re.IGNORECASE,
)
_TYPE_CODE = re.compile(r"\s*\([A-ZÆØÅ]\)\s*$")


@dataclass
class OnboardingComponents:
    overview: gr.HTML
    suggestions: gr.Radio
    use: gr.Button


def _title(point: AgendaPoint, limit: int = 80) -> str:
    t = _TYPE_CODE.sub("", " ".join(point.title.split()))
    t = t[0].lower() + t[1:] if t[:1].isupper() and not t[1:2].isupper() else t
    return t if len(t) <= limit else t[: limit - 1].rsplit(" ", 1)[0] + " …"


def _short_committee(name: str) -> str:
    """The committee without a subtitle ("§ 17,4-udvalg - Ansøgning ..." -> "§ 17,4-udvalg")."""
    return name.split(" - ")[0].strip() or name


def suggestions(meetings: list[Meeting], lang: str, n: int = 5) -> list[str]:
    """Questions drawn from the given meetings (newest first): decided points, attendance, a case history."""

    def first_point(m: Meeting) -> AgendaPoint | None:
        candidates = [p for p in m.points if not p.closed and p.title and not _ROUTINE.match(p.title.strip())]
        decided = [p for p in candidates if p.decision]
        return (decided or candidates or [None])[0]

    out: list[str] = []
    want = max(1, n - 2)
    # first pass: one question per committee, newest meetings first; second pass fills up from any meeting
    for distinct in (True, False):
        seen: set[str] = set()
        for m in meetings:
            if len(out) >= want or (distinct and m.committee in seen):
                continue
            p = first_point(m)
            q = ui("suggest_decided", lang, committee=_short_committee(m.committee), title=_title(p)) if p else None
            if q and q not in out:
                out.append(q)
                seen.add(m.committee)
    with_absent = next((m for m in meetings if m.absent), None)
    if with_absent is not None:
        out.append(
            ui(
                "suggest_absent",
                lang,
                committee=_short_committee(with_absent.committee),
                date=html.date_text(with_absent.date_iso, lang),
            )
        )
    # a case seen at more than one point has a history worth asking about; else any substantive point's case
    cases = [p.case_number for m in meetings for p in m.points if p.case_number and not p.closed]
    substantive = [p.case_number for m in meetings if (p := first_point(m)) and p.case_number]
    case = next((c for c in cases if cases.count(c) > 1), None) or next(iter(substantive), None)
    if case:
        out.append(ui("suggest_case", lang, case=case))
    return list(dict.fromkeys(out))[:n]


def overview(services: Services, lang: str, n_latest: int = 6) -> tuple[str, list[str]]:
    """HTML of the start view and the suggested questions."""
    try:
        cat = services.catalog
        committees = cat.committees()
        latest = cat.latest_meetings(n_latest)
    except Exception:  # noqa: BLE001 - a missing index shows the empty-index help instead of an error page
        log.exception("reading the catalog for the start view failed")
        committees, latest = [], []
    if not committees:
        return f'<div class="onboarding"><p>{html.esc(ui("empty_index", lang))}</p></div>', []
    total = sum(r[2] for r in committees)
    intro = ui("welcome_text", lang, n_meetings=n_meetings(total, lang), n_committees=len(committees))
    by_muni: dict[str, list[tuple]] = {}
    for row in committees:
        by_muni.setdefault(row[0] or "?", []).append(row)
    blocks = []
    for muni, rows in sorted(by_muni.items()):
        items = "".join(
            f"<li><b>{html.esc(c)}</b> – {html.esc(n_meetings(n, lang))}"
            f" ({html.esc(html.date_text(first, lang))} – {html.esc(html.date_text(last, lang))})</li>"
            for _, c, n, first, last in rows
        )
        blocks.append(f"<h4>{html.esc(muni)}</h4><ul>{items}</ul>")
    latest_items = "".join(
        f"<li>{html.esc(html.date_text(m.date_iso, lang))}: <b>{html.esc(m.committee)}</b>"
        f"{' (' + html.esc(m.municipality) + ')' if m.municipality else ''} – "
        f"{html.esc(ui('n_points', lang, n=len(m.points)))}</li>"
        for m in latest
    )
    page = (
        f'<div class="onboarding"><h3>{html.esc(ui("welcome", lang))}</h3><p>{html.esc(intro)}</p>'
        f'<div class="cols"><div><h4>{html.esc(ui("committees", lang))}</h4>{"".join(blocks)}</div>'
        f"<div><h4>{html.esc(ui('latest', lang))}</h4><ul>{latest_items}</ul></div></div></div>"
    )
    return page, suggestions(latest, lang)


def build(services: Services, lang: str, tr: Relabeler) -> OnboardingComponents:
    page, questions = overview(services, lang)
    view = gr.HTML(page, elem_id="onboarding")
    picks = gr.Radio(questions, label=ui("suggestions", lang), elem_id="suggestions")
    use = gr.Button(ui("use_suggestion", lang), variant="primary", elem_id="use-suggestion")
    tr.add(use, value="use_suggestion")
    return OnboardingComponents(view, picks, use)


def refresh(services: Services, lang: str) -> tuple[str, gr.Radio]:
    page, questions = overview(services, lang)
    return page, gr.Radio(choices=questions, value=None, label=ui("suggestions", lang))
