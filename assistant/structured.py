"""Answers from the parsed records (the catalog), not from text similarity.

Attendance ("Hvem havde meldt afbud?"), participants, meetings of a committee in a period, and the path of a case
through the committees. Each answer cites the meeting or the points it comes from.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from assistant.citations import citation_from_point, clean_title
from assistant.prompts import format_date, phrase
from assistant.query import QueryPlan
from assistant.readers.structure import absences_in
from assistant.records import AgendaPoint, Answer, Citation, Filters, Meeting

MAX_LISTED = 25  # meetings listed (and cited) at most in one answer
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


@dataclass
class CaseStep:
    """One point a case passed through: where, when, and what was decided."""

    meeting: Meeting
    point: AgendaPoint
    decision: str  # the Beslutning text ("" when none; never the content of a closed point)
    citation: Citation


def short_decision(point: AgendaPoint, limit: int = 400) -> str:
    """The point's decision, cut at a sentence end near ``limit`` (a verbatim prefix of the decision text)."""
    if point.closed:
        return ""
    text = point.decision
    if text is None:
        sec = point.section("Beslutning")
        text = sec.text if sec else ""
    text = text.strip()
    if len(text) <= limit:
        return text
    cut = 0
    for m in _SENTENCE_END.finditer(text):
        if m.start() > limit:
            break
        cut = m.start()
    return text[: cut or limit].rstrip()


def case_history(catalog: Any, case_number: str) -> list[CaseStep]:
    """Every point carrying ``case_number``, in date order, with its decision and a citation."""
    steps = []
    for i, (meeting, point) in enumerate(catalog.points_by_case(case_number.strip().upper()), start=1):
        decision = short_decision(point)
        steps.append(CaseStep(meeting, point, decision, citation_from_point(i, meeting, point, decision, "Beslutning")))
    return steps


def answer_case(catalog: Any, plan: QueryPlan) -> Answer:
    lang, case = plan.lang, plan.case_number or ""
    steps = case_history(catalog, case)
    if not steps:
        return Answer(plan.question, phrase("case_unknown", lang, case=case), [], lang, refused=True, kind="case")
    head = phrase("case_one", lang, case=case) if len(steps) == 1 else phrase("case_intro", lang, case=case,
                                                                               n=len(steps))
    lines = [head]
    for s in steps:
        step = phrase("case_step", lang, date=format_date(s.meeting.date_iso, lang), committee=s.meeting.committee,
                      number=s.point.number, title=clean_title(s.point.title))
        if s.point.closed:
            detail = phrase("closed_note", lang)
        elif s.decision:
            detail = phrase("case_decision", lang, decision=f"»{s.decision}«")
        else:
            detail = phrase("case_no_decision", lang)
        lines.append(f"- {step} [{s.citation.number}]\n  {detail}")
    return Answer(plan.question, "\n".join(lines), [s.citation for s in steps], lang, kind="case")


def select_meeting(catalog: Any, plan: QueryPlan, filters: Filters, hits: list | None = None) -> Meeting | None:
    """The meeting a question about attendance means.

    A meeting carried over from the previous turn; else the latest meeting matching the committee/period/
    municipality the question or the user named; else the meeting of the best search hit when the question has
    a topic; else the latest meeting in the index.
    """
    if plan.meeting_id and not (plan.filters.committee or plan.filters.date_from or plan.latest):
        m = catalog.meeting(plan.meeting_id)
        if m is not None:
            return m
    if not filters.is_empty() or plan.latest:
        meetings = catalog.meetings(
            municipality=filters.municipality, committee=filters.committee,
            date_from=filters.date_from, date_to=filters.date_to, last=1,
        )  # fmt: skip
        return meetings[-1] if meetings else None
    if hits:
        found = catalog.point(hits[0].point_key)
        if found:
            return found[0]
    latest = catalog.latest_meetings(1)
    return latest[0] if latest else None


def _names(people: list) -> str:
    return ", ".join(p.name for p in people)


def absence_record(meeting: Meeting) -> tuple[AgendaPoint, str, str] | None:
    """(point, section, line) of the first open point whose text records absences ("Afbud: Ole Bæk"): the
    FirstAgenda way, where the participant list is repeated as a line under the first point's decision."""
    for point in meeting.points:
        if point.closed:
            continue
        for sec in point.sections:
            for line in sec.text.splitlines():
                if absences_in(line):
                    return point, sec.heading, line.strip()
    return None


def answer_attendance(meeting: Meeting, plan: QueryPlan) -> Answer:
    """Who was absent from (or present at) a meeting, from its participant list. The citation is the point
    whose text records the absences when there is one, else the meeting (its list of participants)."""
    lang = plan.lang
    cite = citation_from_point(1, meeting, None, section="Mødedeltagere" if lang == "da" else "Participants")
    record = absence_record(meeting) if plan.intent == "attendance" and meeting.absent else None
    if record is not None:
        cite = citation_from_point(1, meeting, record[0], quote=record[2], section=record[1])
    values = {"committee": meeting.committee, "date": format_date(meeting.date_iso, lang)}
    if plan.intent == "participants":
        if not meeting.participants:
            text = phrase("no_participants", lang, **values)
        elif re.search(r"\b(medlemmer|sidder|members|sits)\b", plan.question.lower()):
            text = phrase("members_list", lang, names=_names(meeting.participants), **values)
        else:
            text = phrase("present_list", lang, names=_names(meeting.present), **values)
        kind = "participants"
    else:
        absent = meeting.absent
        if absent:
            text = phrase("absent_list", lang, names=_names(absent), **values)
        elif meeting.participants:
            text = phrase("absent_none", lang, **values)
        else:
            text = phrase("no_participants", lang, **values)
        kind = "attendance"
    return Answer(plan.question, f"{text} [1]", [cite], lang, kind=kind)


def _period(filters: Filters, lang: str) -> str:
    start = format_date(filters.date_from.isoformat(), lang) if filters.date_from else ""
    end = format_date(filters.date_to.isoformat(), lang) if filters.date_to else ""
    if start and end:
        return phrase("period_between", lang, start=start, end=end)
    if start:
        return phrase("period_from", lang, start=start)
    if end:
        return phrase("period_to", lang, end=end)
    return phrase("period_all", lang)


def answer_meetings(catalog: Any, plan: QueryPlan, filters: Filters) -> Answer:
    """The meetings a committee (or every committee) held in a period, each cited."""
    lang = plan.lang
    meetings = catalog.meetings(
        municipality=filters.municipality, committee=filters.committee,
        date_from=filters.date_from, date_to=filters.date_to,
    )  # fmt: skip
    committee = filters.committee or phrase("all_committees", lang)
    period = _period(filters, lang)
    if not meetings:
        text = phrase("meetings_none", lang, committee=committee, period=period)
        return Answer(plan.question, text, [], lang, refused=True, kind="meetings")
    n = len(meetings)
    key = "meetings_one" if n == 1 else "meetings_list"
    lines = [phrase(key, lang, committee=committee, n=n, period=period)]
    citations = []
    for i, m in enumerate(meetings[:MAX_LISTED], start=1):
        citations.append(citation_from_point(i, m, None))
        line = phrase("meeting_line", lang, date=format_date(m.date_iso, lang), committee=m.committee,
                      n=len(m.points))
        lines.append(f"- {line} [{i}]")
    if n > MAX_LISTED:
        lines.append(f"- … (+{n - MAX_LISTED})")
    return Answer(plan.question, "\n".join(lines), citations, lang, kind="meetings")
