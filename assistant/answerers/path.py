"""A case's path through the bodies: every decision on it, in date order, from the decision records of the points
that carry its case number (an item decided three times has three decisions) and from the earlier handling a point
prints ("Sagsforløb": "Kommunalbestyrelsen den 30. januar 2012 Punkt 5"). Each step cites the point it is read from.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Any, TypeVar

from assistant.answerers.meeting import answer_point, asked_beside, cut_at_sentence, decision_text, unwrapped
from assistant.bodies import same_body
from assistant.citations import citation_from_point, clean_title, closed_point_text
from assistant.prompts import format_date, listing, phrase
from assistant.query import QueryPlan, asks_yes_no, final_asked, find_case_number
from assistant.records import AgendaPoint, Answer, Citation, Meeting
from assistant.textutil import split_sentences
from assistant.vocabulary import (
    COMPETENCE_HEADINGS,
    COMPETENCE_STATED,
    approves_recommendation,
    decided_items,
    norm,
    section_kind,
    summary_section,
)

T = TypeVar("T")
DECISION_CHARS = 400  # a step's decision quoted up to a sentence end near this (the path is a list, not the text)
DECIDED_CHARS = 3 * DECISION_CHARS  # the items of the recommendation a decision names: whole, unless a long list
# What the case is about: a summary's first sentences, cut at a sentence end before this. A Greve Resume runs to
# 100-550 characters and often says what is asked in its last sentence ("... som også omfatter valg til
# Folketinget"). On the sixteen dev sets (2026-12-05) 300 / 450 / 600 gave the case answers containing their
# fragments dev10 0.750 / 0.775 / 0.775, dev13 0.550 / 0.575 / 0.575, dev15 0.675 / 0.700 / 0.700, dev16 0.800 / 0.825
# / 0.825, nothing else moved: 450, the shorter.
SUMMARY_CHARS = 450


@dataclass
class CaseStep:
    """One handling of a case: where, when, and what was decided; cited to the point it is read from."""

    meeting: Meeting
    point: AgendaPoint
    decision: str  # verbatim decision text ("" when none; never the content of a closed point)
    citation: Citation
    body: str = ""  # the deciding body, when it is not the meeting's committee
    date: str = ""  # ISO date of this handling (the meeting's, or the one a decision heading prints)
    printed_only: bool = False  # an earlier handling the point prints, not itself in the minutes
    printed_point: str = ""  # the point number such a printed handling names, where it does


def short_decision(point: AgendaPoint, limit: int = DECISION_CHARS) -> str:
    """The point's own decision, cut at a sentence end near ``limit`` (a verbatim prefix of the decision text)."""
    return cut_at_sentence(decision_text(point)[1], limit)


def _steps_of(meeting: Meeting, point: AgendaPoint) -> list[CaseStep]:
    """The handlings one point records: each decision with its body and date, and the path entries it prints."""
    steps: list[CaseStep] = []
    own_date = meeting.date_iso
    dated = [d for d in point.decisions if d.date and d.date != own_date] if not point.closed else []
    for d in dated:  # earlier decisions repeated under the point ("Beslutning i Økonomiudvalget den 19-11-2025")
        quote = cut_at_sentence(d.text, DECISION_CHARS)
        cite = citation_from_point(0, meeting, point, quote, d.heading)
        steps.append(CaseStep(meeting, point, quote, cite, body=d.body, date=d.date))
    decision = short_decision(point)
    heading = decision_text(point)[0]
    steps.append(CaseStep(meeting, point, decision, citation_from_point(0, meeting, point, decision, heading),
                          body=meeting.committee, date=own_date))
    for entry in point.path:
        if entry.date and entry.date != own_date and all(entry.date != s.date for s in steps):
            cite = citation_from_point(0, meeting, point, "", "Sagsforløb")
            steps.append(CaseStep(meeting, point, "", cite, body=entry.body, date=entry.date, printed_only=True,
                                  printed_point=entry.point))
    return steps


def case_history(catalog: Any, case_number: str) -> list[CaseStep]:
    """Every handling of ``case_number`` in date order: each point's decisions, and earlier handlings its text
    prints that are not themselves in the minutes. Citations are numbered by point."""
    steps: list[CaseStep] = []
    for meeting, point in catalog.points_by_case(case_number.strip().upper()):
        steps += _steps_of(meeting, point)
    return _number(_dedupe(sorted(steps, key=lambda s: (s.date, s.printed_only))))


def point_history(meeting: Meeting, point: AgendaPoint) -> list[CaseStep]:
    """The handlings one point records (for a point without a case number)."""
    return _number(sorted(_steps_of(meeting, point), key=lambda s: (s.date, s.printed_only)))


def _dedupe(steps: list[CaseStep]) -> list[CaseStep]:
    """One step per body and date: a decision repeated under a later point is the same handling. Two points of one
    meeting with the case's number are two handlings ("Introduktion til Rehabiliteringscenter Hedebo", punkt 1, and
    "Introduktion til sundheds- og omsorgsområdet", punkt 9)."""
    out: list[CaseStep] = []
    for s in steps:
        same = next((o for o in out if o.date == s.date and _same_body(o.body, s.body)
                     and not (_own(o) and _own(s) and o.citation.point_key != s.citation.point_key)), None)
        if same is None:
            out.append(s)
        elif same.printed_only and not s.printed_only:
            out[out.index(same)] = s
    return out


def _own(step: CaseStep) -> bool:
    """The step is its point's own handling at its meeting, not one the point repeats or prints."""
    return not step.printed_only and step.date == step.meeting.date_iso and step.body == step.meeting.committee


def _same_body(a: str, b: str) -> bool:
    """One body, or a name the record leaves out; also two whose first words begin alike ("Økonomiudvalget" and
    "Økonomiudvalg." as a decision heading prints it)."""
    return not a or not b or same_body(a, b) or a.lower().split()[0][:6] == b.lower().split()[0][:6]


def _number(steps: list[CaseStep], first: Iterable[CaseStep] = ()) -> list[CaseStep]:
    """Number the steps' citations by point, in path order; the points of ``first`` before the others."""
    keys: dict[str, int] = {}
    for s in [*first, *steps]:
        key = s.citation.point_key
        if key not in keys:
            keys[key] = len(keys) + 1
        s.citation.number = keys[key]
    return steps


def _step_text(s: CaseStep, lang: str) -> tuple[str, str]:
    """A handling's line (when, which body, which point) and what it says: its decision, or that it is closed, has
    none, or is only named in the case's history (its line then as the minutes print it: "Kommunalbestyrelsen den 30.
    januar 2012 Punkt 5", not the printing point's number and title)."""
    body = s.body or s.meeting.committee
    if s.printed_only:
        line = f"{body} den {format_date(s.date, 'da')}" + (f" Punkt {s.printed_point}" if s.printed_point else "")
        return line, phrase("case_printed", lang)
    line = phrase("case_step", lang, date=format_date(s.date, lang), committee=body, number=s.point.number,
                  title=clean_title(s.point.title))
    if s.point.closed:
        return line, phrase("closed_note", lang)
    if s.decision:
        return line, phrase("case_decision", lang, decision=f"»{s.decision}«")
    return line, phrase("case_no_decision", lang)


def _step_item(line: str, number: int, detail: str) -> str:
    """A handling as a list item, cited; a quote's paragraphs indented as the item's (a blank line then an unindented
    one would end the list)."""
    return f"- {line} [{number}]\n  " + detail.replace("\n\n", "\n\n  ")


def answer_path(plan: QueryPlan, steps: list[CaseStep], label: str) -> Answer:
    """The steps as an answer: one line per handling, cited."""
    lang = plan.lang
    if not steps:
        return Answer(plan.question, phrase("case_unknown", lang, case=label), [], lang, refused=True, kind="case")
    there = _in_body(steps, plan) if plan.body else []
    if there:  # "Kom sagen i byrådet?": its handlings there are what the answer cites first
        _number(steps, first=there)
    n = len(steps)
    lines = [phrase("case_one", lang, case=label) if n == 1 else phrase("case_intro", lang, case=label, n=n)]
    citations: list[Citation] = []
    read = [s for s in steps if not s.printed_only and not s.point.closed]
    about = next(((s, sec) for s in read if (sec := summary_section(s.point.sections))), None)
    if about is not None:  # what the case is about, from its first handling that says it
        s, sec = about
        citations.append(s.citation)
        lines.append(phrase("case_about", lang, text=f"»{unwrapped(cut_at_sentence(sec.text, SUMMARY_CHARS))}«",
                            n=s.citation.number))
    # "1. Godkendt. 2. Godkendt.": what was approved is the recommendation; quoted once, at the first such decision
    approving = next((s for s in read if s.decision and approves_recommendation(s.decision)
                      and _recommendation(s.point)), None)
    titles: set[str] = set()
    summaries = {unwrapped(cut_at_sentence(about[1].text, SUMMARY_CHARS))} if about is not None else set()
    for s in steps:
        if all(c.number != s.citation.number for c in citations):
            citations.append(s.citation)
        title = clean_title(s.point.title)
        # a handling under a title of its own ("2. behandling af Byrådets Forretningsorden" after "Godkendelse af
        # forretningsorden ...") is a new stage of the case: what its point is about, as the case's first stage's is
        new_stage = bool(titles) and title not in titles and s in read and (about is None or s is not about[0])
        titles.add(title)
        line, detail = _step_text(s, lang)
        if s is approving:
            # the items the decision names ("3. Godkendt": item 3, not the recommendation's opening item 1)
            recommendation = _recommendation(s.point)
            decided = cut_at_sentence(decided_items(s.decision, recommendation), DECIDED_CHARS)
            text = unwrapped(decided or cut_at_sentence(recommendation, DECISION_CHARS))
            detail += "\n  " + phrase("case_recommendation", lang, text=f"»{text}«")
        if new_stage and (sec := summary_section(s.point.sections)):
            stage = unwrapped(cut_at_sentence(sec.text, SUMMARY_CHARS))
            if stage not in summaries:  # a stage's copy in the next body says it once
                summaries.add(stage)
                detail = phrase("case_step_about", lang, text=f"»{stage}«") + "\n  " + detail
        lines.append(_step_item(line, s.citation.number, detail))
    if find_case_number(plan.question) and (beside := asked_beside([s.point for s in read], plan, " ".join(lines))):
        # "Hvad drejer sag 22-013566 sig om, og hvornår skal data afleveres til Rigsarkivet?": the case named, the
        # sentence of its handlings that holds the rest of the question's words
        i, heading, sentence = beside
        label = f"{heading}: " if heading else ""
        lines.append(f"{phrase('case_beside', lang)} {label}»{sentence}« [{read[i].citation.number}]")
    if plan.body:  # "Kom sagen i Byrådet?": whether and when, before the path that shows it
        lines.insert(0, _said_in_body(there, plan, lang))
    citations.sort(key=lambda c: c.number)  # the summary may come from a later handling than the first
    return Answer(plan.question, "\n".join(lines), citations, lang, kind="case")


def from_conversation_period(items: list[T], date_of: Callable[[T], str], plan: QueryPlan) -> list[T]:
    """Those of ``items`` (a case's handlings) dated from the plan's period on, where any are; else all of them."""
    since = plan.filters.date_from.isoformat() if plan.filters.date_from else ""
    return [x for x in items if date_of(x) >= since] or items


def _in_body(steps: list[CaseStep], plan: QueryPlan) -> list[CaseStep]:
    """The case's handlings by the body the question names: from the conversation's period on, where it has any there
    (a follow-up moves forward: "so when the health committee was to pick its priority later that month?" after a
    question about September, the committee's September handling, not its August one); of them the last day's where
    it asks for the final one ("Hvornår blev den endeligt vedtaget i byrådet?")."""
    there = from_conversation_period([s for s in steps if same_body(s.body or s.meeting.committee, plan.body)],
                                     lambda s: s.date, plan)
    if there and final_asked(plan.question):
        there = [s for s in there if s.date == there[-1].date]
    return there


def _said_in_body(there: list[CaseStep], plan: QueryPlan, lang: str) -> str:
    """Whether the case came to the body, and when: each of its handlings there, cited; else that the minutes show
    none (the path that follows shows where it was)."""
    if not there:
        return phrase("case_not_in_body", lang, body=plan.body)
    when = [phrase("case_body_printed" if s.printed_only else "case_body_handling", lang,
                   date=format_date(s.date, lang), number=s.point.number) + f" [{s.citation.number}]" for s in there]
    key = "case_in_body_yes" if asks_yes_no(plan.question) else "case_in_body"
    return phrase(key, lang, body=plan.body, handlings=listing(when, lang))


def _recommendation(point: AgendaPoint) -> str:
    return next((sec.text.strip() for sec in point.sections if section_kind(sec.heading) == "recommendation"
                 and sec.text.strip()), "")


COMPETENCE_SENTENCES = 2  # sentences quoted that say where the decision lies, where no section of the point says it


def competence_quotes(point: AgendaPoint) -> list[tuple[str, str]]:
    """What the point says about where its decision lies, as (heading, text): its competence sections ("Sagsprocedure",
    "Beslutningen træffes af"), else the first sentences of its case text that say it ("Beslutningen træffes af
    Byrådet", "Godkendelsen er delegeret til udvalget"); not its decision, which says what was decided."""
    found = [(sec.heading, " ".join(sec.text.split())) for sec in point.sections
             if norm(sec.heading) in COMPETENCE_HEADINGS and sec.text.strip()]
    if found:
        return found
    for sec in point.sections:
        if section_kind(sec.heading) in ("decision", "attendance", "attachments"):
            continue
        found += [(sec.heading, sentence) for sentence in split_sentences(" ".join(sec.text.split()))
                  if COMPETENCE_STATED.search(sentence)]
    return found[:COMPETENCE_SENTENCES]


def competence_lines(quotes: list[tuple[str, str]], said: str = "", number: int = 1) -> list[str]:
    """A point's competence_quotes as list items cited [number], but those whose text ``said`` quotes already."""
    return [f"- {heading}: »{text}« [{number}]" if heading else f"- »{text}« [{number}]"
            for heading, text in quotes if f"»{text}«" not in said]


def _title_words(title: str) -> set[str]:
    return {w for w in clean_title(title).lower().split() if len(w) > 2}


def _later_elsewhere(steps: list[CaseStep], meeting: Meeting, point: AgendaPoint) -> list[CaseStep]:
    """The case's handlings after the point's, by other bodies; of a body's handlings on one day (the points a case
    number groups: "regnskab 2021", "budget 2023"), those whose titles share most words with the point's."""
    mine = _title_words(point.title)
    later = [(s, ((s.body or s.meeting.committee).lower(), s.date), len(mine & _title_words(s.point.title)))
             for s in steps if s.date >= meeting.date_iso and (s.body or s.meeting.committee)
             and not _same_body(s.body or s.meeting.committee, meeting.committee)]
    best: dict[tuple[str, str], int] = {}
    for _, day, shared in later:
        best[day] = max(best.get(day, 0), shared)
    return [s for s, day, shared in later if shared == best[day]]


def answer_competence(catalog: Any, meeting: Meeting, point: AgendaPoint, plan: QueryPlan) -> Answer:
    """Who decides the point's matter, or whether it went on ("Skulle det videre til byrådet, eller var det udvalgets
    egen beslutning?", "was that the final word?"): what the point says about where the decision lies, its
    decision, and the case's later handlings by other bodies (or that the minutes show none), each cited."""
    lang, title = plan.lang, clean_title(point.title)
    if point.closed:
        cite = citation_from_point(1, meeting, point)
        return Answer(plan.question, f"{closed_point_text(cite, lang)} [1]", [cite], lang, kind="case")
    quotes = competence_quotes(point)
    first = citation_from_point(1, meeting, point, quotes[0][1] if quotes else "", quotes[0][0] if quotes else "")
    lines = [phrase("competence_point", lang, number=point.number, title=title, committee=meeting.committee,
                    date=format_date(meeting.date_iso, lang))]
    view = None if quotes else _view_saying(catalog, meeting, point)
    if view is not None:  # another file of the meeting prints it, cited as that file's point
        quotes = view[2]
        lines += competence_lines(quotes, number=2)
    else:
        lines += competence_lines(quotes) or [phrase("competence_not_stated", lang)]
    decided = decision_text(point)[1]
    if decided.strip():
        quote = cut_at_sentence(decided, DECISION_CHARS).replace("\n\n", "\n\n  ")  # (its paragraphs in the item)
        lines.append(f"- {phrase('decision_label', lang)}: »{quote}« [1]")
    steps = case_history(catalog, point.case_number) if point.case_number else point_history(meeting, point)
    opening = [CaseStep(meeting, point, "", first)]
    if view is not None:
        heading, text = quotes[0]
        opening.append(CaseStep(view[0], view[1], "", citation_from_point(2, view[0], view[1], text, heading)))
    later = _number(_later_elsewhere(steps, meeting, point), first=opening)
    lines.append(phrase("competence_later" if later else "competence_no_later", lang))
    for s in later:
        line, detail = _step_text(s, lang)
        lines.append(_step_item(line, s.citation.number, detail))
    cited = {s.citation.point_key: s.citation for s in [*opening[1:], *later]
             if s.citation.point_key != first.point_key}
    return Answer(plan.question, "\n".join(lines), [first, *cited.values()], lang, kind="case")


def _view_saying(catalog: Any, meeting: Meeting, point: AgendaPoint) -> tuple[Meeting, AgendaPoint, list] | None:
    """The point as another file of its meeting prints it, where that file has a competence section the canonical
    view lacks, with its quotes; only sections (a sentence saying it is in every view alike)."""
    for view, same in catalog.view_points(meeting, point.number):
        said = [(heading, text) for heading, text in competence_quotes(same) if norm(heading) in COMPETENCE_HEADINGS]
        if said and (same.case_number or "") == (point.case_number or ""):
            return view, same, said
    return None


def answer_next_handling(catalog: Any, plan: QueryPlan) -> Answer:
    """"which committee got it after that, and what did they recommend?": the case's first handling after the
    point talked about, with its decision, opened by where and when; else its path, opened by the minutes showing
    none later."""
    lang = plan.lang
    here = catalog.point(plan.point_key) if plan.point_key else None
    last = plan.filters.date_to or plan.filters.date_from  # (no point carried: the conversation's period)
    after = here[0].date_iso if here else (last.isoformat() if last else "")
    later = [(m, p) for m, p in catalog.points_by_case(plan.case_number or "") if m.date_iso > after]
    if later:
        meeting, point = later[0]
        plan.intent = "decision"  # what the body did with it: its decision (a committee's is its recommendation)
        answer = answer_point(meeting, point, plan)
        note = phrase("case_next", lang, committee=meeting.committee, number=point.number,
                      date=format_date(meeting.date_iso, lang))
    else:
        plan.intent = "case"
        answer = answer_case(catalog, plan)
        note = phrase("case_no_next", lang, date=format_date(after, lang)) if after else ""
    answer.text = f"{note}\n{answer.text}" if note else answer.text
    return answer


def answer_case(catalog: Any, plan: QueryPlan) -> Answer:
    case = plan.case_number or ""
    return answer_path(plan, case_history(catalog, case), case)


def answer_case_numbers(found: Answer, more: Iterable[Citation] = ()) -> Answer:
    """"Hvad er sagsnummeret på sagen om X?": the case numbers of the points a topic answer cites, then of
    ``more`` points, each with its point (the number is in the records, not in the text a search quotes)."""
    lang = found.lang
    seen: dict[str, Citation] = {}
    for c in [*found.citations, *more]:
        if c.case_number and c.case_number not in seen:
            seen[c.case_number] = c
    if not seen:
        return Answer(found.question, phrase("case_numbers_none", lang), found.citations, lang, kind="case")
    citations = [replace(c, number=i) for i, c in enumerate(seen.values(), 1)]
    lines = [phrase("case_numbers_intro", lang, n=len(citations))]
    for c in citations:
        lines.append("- " + phrase("case_number_line", lang, case=c.case_number, committee=c.committee,
                                   date=format_date(c.meeting_date, lang), number=c.point_number,
                                   title=clean_title(c.point_title)) + f" [{c.number}]")
    return Answer(found.question, "\n".join(lines), citations, lang, kind="case")
