"""Answers about a meeting and its agenda, read from the records: when and where it was, what was on the agenda,
what point N is about and what was decided under it, who was absent or present, which meetings a committee held.

Which meeting: the one the conversation is about, else the latest meeting that the filters and the question's
committee, date and municipality words allow, else (for a question with a topic) the meeting of the best search hit,
else the latest meeting in the index.
"""

from __future__ import annotations

import re
from typing import Any

from assistant.citations import citation_from_point, clean_title, closed_point_text
from assistant.prompts import DA_MONTHS, format_date, phrase
from assistant.query import (
    ASKS_WHEN,
    RECORD_DETAILS,
    QueryPlan,
    asks_secretary,
    asks_where_part,
    later_part_terms,
    latest_meeting,
    names_in,
    names_not_written,
)
from assistant.records import AgendaPoint, Answer, Citation, Filters, Meeting, Participant
from assistant.textutil import sentence_breaks, split_sentences
from assistant.vocabulary import (
    STANDARD_POINTS,
    absences_in,
    approves_recommendation,
    is_standard_point,
    section_kind,
)

MAX_LISTED = 25  # meetings listed (and cited) at most in one answer: a screenful
DECISION_CHARS = 600  # a decision longer than this is quoted up to a sentence end near it (a few sentences)
ABOUT_CHARS = 400  # what a point is about: its opening text up to a sentence end near this
LISTED_DECISION_CHARS = 200  # each point's decision in a list of a meeting's decisions: its first sentence or two
MIN_ABOUT_CHARS = 40  # shorter sections ("Ansvarlig: Chef for ...", "Tid: 5 min.") say who and how long, not what
# Headings whose text says what a point is about, most summary-like first (FirstAgenda, eDoc, Acadre layouts).
SUMMARY_HEADINGS = ("resum", "sammendrag", "beslutningstema", "sagens indhold", "baggrund", "sagsfremstilling",
                    "sagsbeskrivelse")  # fmt: skip


def select_meeting(catalog: Any, plan: QueryPlan, filters: Filters, hits: list | None = None) -> Meeting | None:
    """The meeting a question about a meeting (or one of its points) means."""
    if plan.meeting_id and not (plan.filters.committee or plan.filters.date_from or plan.latest):
        m = catalog.meeting(plan.meeting_id)
        if m is not None:
            return m
    having = meetings_with_point(catalog, plan, filters)
    if having:  # "punkt 715": the meeting that has it; of several, the one the search found, else the latest
        found = catalog.point(hits[0].point_key) if hits else None
        if found is not None and found[0].meeting_id in having:
            return found[0]
        return catalog.meeting(having[-1])
    if not filters.is_empty() or plan.latest:
        # a committee name several committees answer to ("sundhedsudvalget": Sundheds- og Omsorgsudvalget, Sundheds-
        # og Forebyggelsesudvalget) is not a filter, but it means one of them: their latest meeting in the period,
        # before any other committee's
        named = [] if filters.committee else plan.committee_boost
        for committees in ([named] if named else []) + [[filters.committee]]:
            found = latest_meeting(catalog, committees, filters.municipality, filters.date_from, filters.date_to)
            if found is not None:
                return found
        return None
    if hits:
        found = catalog.point(hits[0].point_key)
        if found:
            return found[0]
    latest = catalog.latest_meetings(1)
    return latest[0] if latest else None


def meetings_with_point(catalog: Any, plan: QueryPlan, filters: Filters) -> list[str]:
    """Ids of the meetings (oldest first, within ``filters``) with the point number the question names, when it
    names no meeting of its own ("Hvad handler punkt 715 om?"); [] for "det sidste punkt" or a carried meeting."""
    if not plan.point_ref or plan.point_ref in ("first", "last", *STANDARD_POINTS) or plan.latest:
        return []
    if plan.meeting_id and not (plan.filters.committee or plan.filters.date_from):
        return []
    lookup = getattr(catalog, "meeting_ids_with_point", None)
    return lookup(plan.point_ref, filters) if lookup is not None else []


def cut_at_sentence(text: str, limit: int) -> str:
    """A verbatim prefix of ``text``, cut at the last sentence end before ``limit`` (or at ``limit``)."""
    text = text.strip()
    if len(text) <= limit:
        return text
    cut = 0
    for m in sentence_breaks(text):
        if m.start() > limit:
            break
        cut = m.start()
    return text[: cut or limit].rstrip()


def decision_text(point: AgendaPoint) -> tuple[str, str]:
    """(heading, text) of the point's own decision: the last decision record, else the first decision section."""
    if point.closed:
        return "", ""
    if point.decisions:
        d = point.decisions[-1]
        return d.heading or "Beslutning", _without_absences(d.text)
    for sec in point.sections:
        if section_kind(sec.heading) == "decision":
            return sec.heading, _without_absences(sec.text)
    return "", _without_absences(point.decision or "")


def _without_absences(text: str) -> str:
    """The decision without the absence lines FirstAgenda prints under it at every point ("Afbud: Kenneth
    Jerkel", "Fraværende: Torben Hoffmann"): who was away is the meeting's attendance, not the decision. Only
    trailing lines are cut, so what remains is still a verbatim part of the minutes."""
    lines = text.rstrip().split("\n")
    while lines and (not lines[-1].strip() or absences_in(lines[-1])):
        lines.pop()
    return "\n".join(lines)


def _values(meeting: Meeting, lang: str) -> dict[str, str]:
    return {"committee": meeting.committee, "date": format_date(meeting.date_iso, lang)}


# A point of the meeting's own visit ("Besøg på Bugtskolen", "Besøge Hundige Boldklub", "Rundvisning i Greve
# Idrætscenter"), not a visit the committee receives ("Besøg af Greve Trim") nor one it looks back on ("Opfølgning
# på ... besøg"): where the committee went, before or instead of its meeting room
_VISIT = re.compile(r"^\s*(?:besøg(?:e)?\s+(?:ved|på|hos|i)\b|besøge\s+[A-ZÆØÅ]|rundvisning\b)", re.I)
# ... and its sentences that say where: an address with its postcode ("Hedelunden 2, 2670 Hundige"), where the
# meeting is held or goes on ("fortsætter udvalgsmødet på Greve Rådhus", "Sted: ...", "mødes hos ...")
_PLACE_SENTENCE = re.compile(
    r"\b[A-ZÆØÅ][\wæøå.-]*\s+\d+[A-Za-z]?,\s*\d{4}\s+[A-ZÆØÅ]|\b(?:udvalgs)?møde(?:t|s)?\s+(?:på|i|hos)\s+[A-ZÆØÅ]"
    r"|^\s*(?:Sted|Mødested)\s*:", re.M)
# the sentences of a visit point quoted at most (its address and where the meeting went on: two in the 21 visit
# points of the Greve minutes, 2022-2024)
VISIT_SENTENCES = 2


def _visits(meeting: Meeting) -> list[tuple[AgendaPoint, str]]:
    """The meeting's open visit points, each with its sentences that say where (empty when none does)."""
    out = []
    for point in meeting.points:
        if point.closed or not _VISIT.match(point.title):
            continue
        sentences = [s for line in point.full_text.splitlines() for s in split_sentences(line)]
        said = [s for s in sentences if _PLACE_SENTENCE.search(s)]
        out.append((point, " … ".join(said[:VISIT_SENTENCES])))
    return out


_CLOSED = re.compile(r"\b(lukkede?|lukket|closed|confidential|fortrolige?)\b", re.I)


def answer_meeting(meeting: Meeting, plan: QueryPlan) -> Answer:
    """When or where the meeting was, or its agenda; cited to the meeting."""
    lang, values = plan.lang, _values(meeting, plan.lang)
    cite = citation_from_point(1, meeting, None)
    if plan.aspect in ("where", "when+where"):
        text = phrase("meeting_where", lang, place=meeting.place, **values) if meeting.place else phrase(
            "meeting_no_place", lang, **values)
        if plan.aspect == "when+where":
            time = phrase("meeting_time", lang, time=meeting.time_str) if meeting.time_str else ""
            where = phrase("meeting_place", lang, place=meeting.place) if meeting.place else ""
            text = f"{phrase('meeting_when', lang, time=time, **values)} {where}".strip()
        visits = _visits(meeting)
        if visits:  # the committee went on a visit: where it went is part of where the meeting was
            lines = [f"{text} [1]", phrase("meeting_visit", lang)]
            citations = [cite]
            for point, said in visits:
                citations.append(citation_from_point(len(citations) + 1, meeting, point, said))
                item = phrase("agenda_line", lang, number=point.number, title=clean_title(point.title))
                lines.append(f"- {item}" + (f": »{said}«" if said else "") + f" [{len(citations)}]")
            return Answer(plan.question, "\n".join(lines), citations, lang, kind="meeting")
    elif plan.aspect == "decisions":
        return answer_decisions(meeting, plan)
    elif plan.aspect in RECORD_DETAILS:
        return _answer_record_detail(meeting, plan, cite)
    elif plan.aspect == "agenda":
        points = meeting.points
        key = "agenda_intro"
        if _CLOSED.search(plan.question):  # "Hvilke punkter var lukkede?": their titles (never their content)
            points, key = [p for p in points if p.closed], "agenda_closed_intro"
            if not points:
                return Answer(plan.question, phrase("agenda_no_closed", lang, **values) + " [1]", [cite], lang,
                              kind="agenda")
        lines = [phrase(key, lang, n=len(points), **values) + " [1]"]
        for p in points:
            lines.append(f"- {phrase('agenda_line', lang, number=p.number, title=clean_title(p.title))}")
        return Answer(plan.question, "\n".join(lines), [cite], lang, kind="agenda")
    else:
        time = phrase("meeting_time", lang, time=meeting.time_str) if meeting.time_str else ""
        text = phrase("meeting_when", lang, time=time, **values)
    unknown = plan.aspect == "where" and not meeting.place  # the place asked is not in the record: said, as refused
    return Answer(plan.question, f"{text} [1]", [cite], lang, kind="meeting", refused=unknown)


def _answer_record_detail(meeting: Meeting, plan: QueryPlan, cite: Citation) -> Answer:
    """When the meeting ended, or who took its minutes; where the record does not say, the answer says so (a
    refusal, cited to the meeting it looked in)."""
    lang, values = plan.lang, _values(meeting, plan.lang)
    if plan.aspect == "end":
        known = bool(meeting.end_time)
        began = phrase("meeting_began" if known else "meeting_began_only", lang, time=meeting.time_str)
        text = phrase("meeting_ended" if known else "meeting_no_end", lang, end=meeting.end_time,
                      began=began if meeting.time_str else "", **values)
    else:
        known = bool(meeting.secretary)
        text = phrase("meeting_secretary" if known else "meeting_no_secretary", lang, name=meeting.secretary, **values)
        if plan.intent == "when":  # "What time did the committee meet, and who took the minutes?": both, the time
            # answered whether or not the record names a secretary
            time = phrase("meeting_time", lang, time=meeting.time_str) if meeting.time_str else ""
            said = phrase("secretary_named", lang, name=meeting.secretary) if known else text
            text, known = f"{phrase('meeting_when', lang, time=time, **values)} {said}", True
    return Answer(plan.question, f"{text} [1]", [cite], lang, kind="meeting", refused=not known)


def answer_decisions(meeting: Meeting, plan: QueryPlan) -> Answer:
    """Every open point's decision at a meeting, each cited to its point."""
    lang = plan.lang
    lines = [phrase("decisions_intro", lang, **_values(meeting, lang))]
    if meeting.place and asks_where_part(plan.question):  # "Where did they meet, and what did they conclude?"
        lines.insert(0, phrase("meeting_place", lang, place=meeting.place) + " [1]")  # the first point: same meeting
    citations = []
    for point in meeting.points:
        heading, text = decision_text(point)
        if point.closed or not text.strip():
            continue
        quote = cut_at_sentence(text, LISTED_DECISION_CHARS)
        citations.append(citation_from_point(len(citations) + 1, meeting, point, quote, heading))
        item = phrase("agenda_line", lang, number=point.number, title=clean_title(point.title))
        lines.append(f"- {item}: »{quote}« [{len(citations)}]")
    if not citations:
        text = phrase("no_decisions", lang, **_values(meeting, lang))
        return Answer(plan.question, text, [citation_from_point(1, meeting, None)], lang, refused=True, kind="meeting")
    return Answer(plan.question, "\n".join(lines), citations, lang, kind="meeting")


def find_point(meeting: Meeting, ref: str) -> AgendaPoint | None:
    """The point "3", "12a", "first", "last" or a standard point ("eventuelt": vocabulary.STANDARD_POINTS)."""
    if not meeting.points:
        return None
    if ref == "last":
        return meeting.points[-1]
    if ref == "first":
        return meeting.points[0]
    if ref in STANDARD_POINTS:
        return next((p for p in meeting.points if is_standard_point(p.title, ref)), None)
    # "punkt 14" is also the item a municipality numbers through the year, "14/2025"
    refs = {ref.lower(), f"{ref.lower()}/{meeting.start.year}"} if meeting.start else {ref.lower()}
    return next((p for p in meeting.points if p.number.lower() in refs), None)


def answer_point(meeting: Meeting, point: AgendaPoint | None, plan: QueryPlan) -> Answer:
    """What a point is about, or what was decided or recommended under it, quoted from its record."""
    lang, values = plan.lang, _values(meeting, plan.lang)
    if point is None:
        text = phrase("point_unknown", lang, number=plan.point_ref, **values)
        return Answer(plan.question, text, [citation_from_point(1, meeting, None)], lang, refused=True, kind="point")
    title = clean_title(point.title)
    head = {"number": point.number, "title": title, **values}
    if point.closed:
        cite = citation_from_point(1, meeting, point)
        return Answer(plan.question, f"{closed_point_text(cite, lang)} [1]", [cite], lang, kind="point")
    rec = next((s for s in point.sections if section_kind(s.heading) == "recommendation"), None)
    if plan.intent in ("decision", "votes"):
        heading, text = decision_text(point)
        if not text.strip():
            cite = citation_from_point(1, meeting, point)
            return Answer(plan.question, phrase("point_no_decision", lang, **head) + " [1]", [cite], lang,
                          kind="point")
        quote = cut_at_sentence(text, DECISION_CHARS)
        cite = citation_from_point(1, meeting, point, quote, heading)
        lines = [phrase("point_decision", lang, **head), f"»{quote}« [1]"]
        if rec is not None and rec.text.strip() and approves_recommendation(text):
            # "Byrådet godkendte administrationens indstilling.": what was approved is the Indstilling, quoted after
            # it (as the text answer quotes it after such a decision)
            lines.append(f"{rec.heading}: »{' '.join(cut_at_sentence(rec.text, DECISION_CHARS).split())}« [1]")
        return Answer(plan.question, "\n".join(lines), [cite], lang, kind="point")
    if plan.intent == "recommendation" and rec is not None and rec.text.strip():
        quote = cut_at_sentence(rec.text, DECISION_CHARS)
        cite = citation_from_point(1, meeting, point, quote, rec.heading)
        return Answer(plan.question, f"{phrase('point_recommendation', lang, **head)}\n»{quote}« [1]", [cite], lang,
                      kind="point")
    body = [s for s in point.sections if len(s.text.strip()) >= MIN_ABOUT_CHARS and section_kind(s.heading) not in
            ("decision", "attendance", "attachments", "recommendation", "path")]  # fmt: skip
    summary = (s for w in SUMMARY_HEADINGS for s in body if s.heading.lower().startswith(w))
    sec = next(summary, body[0] if body else None)
    lines = [phrase("point_about", lang, **head) + " [1]"]
    quote = unwrapped(cut_at_sentence(sec.text, ABOUT_CHARS)) if sec else ""
    if quote:
        lines.append(f"»{quote}«")
    _, decided = decision_text(point)
    if decided.strip():
        lines.append(f"{phrase('decision_label', lang)}: »{cut_at_sentence(decided, ABOUT_CHARS)}«")
    if beside := asked_beside([point], plan, " ".join(lines)):
        _, heading, sentence = beside
        lines.append(f"{heading}: »{sentence}«" if heading else f"»{sentence}«")
    cite = citation_from_point(1, meeting, point, quote, sec.heading if sec else "")
    return Answer(plan.question, "\n".join(lines), [cite], lang, kind="point")


# A line break inside a paragraph, not before a list's item ("- ", "• ", "a. Møder", "2) at ..."; a date is no item:
# "...i perioden\n20. november 2023"): where text from a PDF broke its lines ("hidtil været 771\nkr. pr.\ntime.")
_WRAPPED = re.compile(
    r"[ \t]*(?<!\n)\n(?![ \t]*(?:\n|[-•–*]\s|(?:[a-zA-Z]|\d{1,2})[.)]\s+(?:[A-ZÆØÅ»\"]|at\b)))[ \t]*")


def unwrapped(text: str) -> str:
    """The text with the lines of each paragraph joined (the print's line breaks undone); paragraphs and list items
    stay on lines of their own."""
    return _WRAPPED.sub(" ", text)


# a time a sentence names: a year, a month, a quarter ("i 2. kvartal 2024", "fra 1. januar")
_A_TIME = re.compile(rf"\b(?:(?:19|20)\d\d|{'|'.join(DA_MONTHS)}|kvartal)\b", re.I)


def _held(terms: list[str], sentence: str) -> float:
    """The share of ``terms`` (stems) that begin a word of the sentence: "aflev" in "aflevering", "data" in
    "dataudtræk" (a compound's first part is what a Danish question names: its topic, not its kind)."""
    found = re.findall(r"\w+", sentence.lower())
    return sum(any(w.startswith(t) for w in found) for t in terms) / len(terms)


def asked_beside(points: list[AgendaPoint], plan: QueryPlan, quoted: str) -> tuple[int, str, str] | None:
    """The sentence of the points that answers what else the question asks of them ("What was item 5 about, and
    what hourly rate was on the table?": the sentence with "timeprisen"), as (the point's index, its section's
    heading, the sentence): the one holding most of the topic words of the question's later parts (the first
    point's of equals; for "hvornår", one that names a time), not quoted already; None when the question has one
    part, or no sentence holds its words. (A point's text may break its lines inside a sentence, as text from a PDF
    does: a section's lines are joined.)"""
    terms = later_part_terms(plan)
    if not terms:
        return None
    when = bool(ASKS_WHEN.search(plan.question))
    quoted = " ".join(quoted.split())  # the answer's lines as one line: a sentence quoted there is not repeated
    best: tuple[float, int, str, str] | None = None
    for i, point in enumerate(points):
        for sec in point.sections:
            kind = section_kind(sec.heading)
            if kind in ("attendance", "attachments", "path"):  # not who, what is attached,
                continue  # or which bodies handle it ("Sagsprocedure: Klima-, Teknik- og Miljøudvalget, ...")
            # a decision without the absence lines printed under it, as the answer quotes it (else quoted again)
            text = _without_absences(sec.text) if kind == "decision" else sec.text
            for sentence in split_sentences(" ".join(text.split())):
                share = _held(terms, sentence)
                if share > 0 and when and _A_TIME.search(sentence):
                    share += 1.0  # "hvornår ...?": a sentence that names a time answers, one that does not cannot
                if share > 0 and (best is None or share > best[0]) and " ".join(sentence.split()) not in quoted:
                    best = (share, i, sec.heading, sentence)
    return best[1:] if best else None


def answer_point_absence(meeting: Meeting, point: AgendaPoint, plan: QueryPlan) -> Answer:
    """Who did not take part in the handling of one point ("Følgende deltog ikke i behandlingen af punktet")."""
    lang = plan.lang
    values = {"number": point.number, "title": clean_title(point.title), **_values(meeting, lang)}
    names = ", ".join(point.absent)
    # who was away from the whole meeting took no part in any of its points either (FirstAgenda repeats them under
    # each point: named once)
    away = _names([p for p in meeting.absent if p.name not in point.absent])
    if names:
        text = phrase("point_absent", lang, names=names, **values)
        if away:
            text += " " + phrase("absent_list", lang, names=away, **values)
    else:
        text = phrase("point_absent_meeting" if away else "point_absent_none", lang, names=away, **values)
    return Answer(plan.question, f"{text} [1]", [citation_from_point(1, meeting, point, names)], lang,
                  kind="attendance")


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


def _names(people: list, notes: bool = False) -> str:
    """Names, with the party and role the list prints ("Lolan Ottesen (A; formand)") when ``notes``."""
    return ", ".join(f"{p.name} ({p.note})" if notes and p.note else p.name for p in people)


# "Hvem var formand?", "Who chaired the meeting?" (group 1: the vice-chair); "Which members attended?" asks who was
# there, not who the members are
_CHAIR = re.compile(r"\b(?:(næstformand\w*|vice[- ]?chair\w*)|formand\w*|chair\w*|ledede|led the meeting|"
                    r"mødeleder)\b", re.I)
# A substitute asked for or noted ("Hvem mødte som stedfortræder?", "Suppleant for Ole Bæk", "who stood in?")
_SUBSTITUTE = re.compile(r"\b(?:stedfortræd\w*|suppleant\w*|substitut\w*|deputi\w*|deputy|stood in|stand-?ins?|"
                         r"in (?:their|his|her) place|i stedet for)\b", re.I)
# Who was there asked beside who was not ("Which politicians were at the meeting, and was anyone missing?")
_WHO_WAS_THERE = re.compile(r"\b(?:(?:who|which (?:[\w-]+ ){0,2}?(?:politicians|members|people|councillors)) "
                            r"(?:was|were) (?:at|there|present)|who attended|hvem (?:deltog|var (?:med|til stede))|"
                            r"hvilke (?:[\w-]+ )?(?:politikere|medlemmer) (?:deltog|var (?:med|til stede)))\b", re.I)
_WHY = re.compile(r"\b(?:hvorfor|why|årsag\w*|grund(?:en)?|reason\w*)\b", re.I)
# What an absent member's note says beside the absence itself, the party and the role: a reason ("Afbud (ferie)",
# "Fraværende, syg")
_NOT_A_REASON = re.compile(r"\b(?:afbud|fraværende|fravær|ikke til stede|formand|næstformand|borgmester|"
                           r"viceborgmester|medlem|[A-ZÆØÅ])\b|[;,()]", re.I)


def _reason(note: str) -> str:
    """The part of an absent member's note that is a reason ("ferie" in "A; Afbud (ferie)"), else ""."""
    return _NOT_A_REASON.sub(" ", note).strip()


_MEMBERS_ASKED = re.compile(r"\b(medlemmer|sidder|members|sits|(?:is|are) on|(?:er|var) (?:med )?i)\b", re.I)
_PRESENT = re.compile(r"\b(deltog|til stede|fremmødt\w*|attended|present|took part)\b", re.I)


def person_asked(meeting: Meeting, question: str, lang: str) -> Participant | None:
    """The one participant of the meeting's list the question names ("Var Tina Rottbøl til stede ...?": Tina
    Rottbøll, within one slip of typing, query.names_not_written): the one whose name holds the most of the
    question's names, if one holds more than any other; else None."""
    names = names_in(question, lang)
    if not names or not meeting.participants:
        return None
    held = [(len(names) - len(names_not_written(names, p.name)), p) for p in meeting.participants]
    best = max(n for n, _ in held)
    top = [p for n, p in held if n == best]
    return top[0] if best > 0 and len(top) == 1 else None


def answer_attendance(meeting: Meeting, plan: QueryPlan) -> Answer:
    """Who was absent from (or present at) a meeting, from its participant list. The citation is the point
    whose text records the absences when there is one, else the meeting (its list of participants)."""
    lang = plan.lang
    # one person asked about ("Var Tina Rottbøll til stede på mødet i maj 2023?", "Did Kenneth Jerkel attend ...?"),
    # not the chair, a substitute, or why they were away (the reasons below, for that person)
    why = bool(_WHY.search(plan.question))
    named = person_asked(meeting, plan.question, lang)
    person = None if why or any(rx.search(plan.question) for rx in (_CHAIR, _SUBSTITUTE)) else named
    cite = citation_from_point(1, meeting, None, section="Mødedeltagere" if lang == "da" else "Participants")
    absence_asked = plan.intent == "attendance" or (person is not None and person.absent)
    record = absence_record(meeting) if absence_asked and meeting.absent else None
    if record is not None:
        cite = citation_from_point(1, meeting, record[0], quote=record[2], section=record[1])
    values = _values(meeting, lang)
    unknown = False  # the fact asked is not in the record: the answer says so, as a refusal does
    if person is not None:  # that person, from the list, with its note ("Afbud", "Fraværende")
        if person.absent:
            note = f" ({person.note})" if person.note else ""
            text = phrase("person_absent", lang, name=person.name, note=note, **values)
            if len(meeting.absent) > 1:  # and who else was away, as the list says
                text += " " + phrase("absent_list", lang, names=_names(meeting.absent), **values)
        else:
            text = phrase("person_present", lang, name=_names([person], notes=True), **values)
        kind = "attendance"
    elif plan.intent == "participants":
        # "who attended, and who chaired it?" wants the list, whose notes name the chair
        chair = _CHAIR.search(plan.question) if not _PRESENT.search(plan.question) else None
        if not meeting.participants:
            text, unknown = phrase("no_participants", lang, **values), True
        elif chair:
            role = "næstformand" if chair.group(1) else "formand"
            chairs = [p for p in meeting.participants if re.search(rf"\b{role}\b", p.note.lower())]
            key = ("vice_chair" if chair.group(1) else "chair") + ("_list" if chairs else "_unknown")
            text = phrase(key, lang, names=_names(chairs or meeting.present, notes=not chairs), **values)
            unknown = not chairs  # "angiver ikke, hvem der var formand", with who was present
        elif _MEMBERS_ASKED.search(plan.question) and not _PRESENT.search(
                plan.question):
            text = phrase("members_list", lang, names=_names(meeting.participants, notes=True), **values)
        else:
            text = phrase("present_list", lang, names=_names(meeting.present, notes=True), **values)
        kind = "participants"
    elif _SUBSTITUTE.search(plan.question) and meeting.participants:
        # "Hvem mødte som stedfortræder?": the list's substitutes ("Suppleant for Ole Bæk"), else the record has none
        substitutes = [p for p in meeting.participants if _SUBSTITUTE.search(p.note) and not p.absent]
        key = "substitutes_list" if substitutes else "substitutes_none"
        text, unknown = phrase(key, lang, names=_names(substitutes, notes=True), **values), not substitutes
        kind = "attendance"
    else:
        # "Why was Liselott Blixt away ...?": hers, not the others' who were away
        absent = [named] if why and named in meeting.absent else meeting.absent
        reasons = [p for p in absent if _reason(p.note)]
        if absent and why:  # "Hvorfor havde X meldt afbud?": what the list says, if anything
            key = "absence_reasons" if reasons else "absence_no_reason"
            text = phrase(key, lang, names=_names(reasons or absent, notes=bool(reasons)), **values)
            unknown = not reasons
        elif absent:
            text = phrase("absent_list", lang, names=_names(absent), **values)
        elif meeting.participants:
            text = phrase("absent_none", lang, **values)
        else:
            text, unknown = phrase("no_participants", lang, **values), True
        if meeting.participants and _WHO_WAS_THERE.search(plan.question):  # "Which politicians were there, and was
            # anyone missing?": who was present too
            text = f"{phrase('present_list', lang, names=_names(meeting.present, notes=True), **values)} {text}"
        kind = "attendance"
    if asks_secretary(plan.question):  # "..., og hvem var sekretær?": the record
        text += " " + (phrase("secretary_named", lang, name=meeting.secretary) if meeting.secretary
                       else phrase("meeting_no_secretary", lang, **values))
    if meeting.place and asks_where_part(plan.question):
        text += " " + phrase("meeting_place", lang, place=meeting.place)  # "..., og hvor sad de?": the record says
    return Answer(plan.question, f"{text} [1]", [cite], lang, kind=kind, refused=unknown)


def _period(filters: Filters, lang: str) -> str:
    start = format_date(filters.date_from.isoformat(), lang) if filters.date_from else ""
    end = format_date(filters.date_to.isoformat(), lang) if filters.date_to else ""
    if start and start == end:
        return phrase("period_day", lang, start=start)
    if start and end:
        return phrase("period_between", lang, start=start, end=end)
    if start:
        return phrase("period_from", lang, start=start)
    if end:
        return phrase("period_to", lang, end=end)
    return phrase("period_all", lang)


# Meetings listed beside "no meeting then": the committee's nearest in time, before or after (a screen line each)
NEAREST_MEETINGS = 3


def answer_no_meeting(catalog: Any, plan: QueryPlan, filters: Filters) -> Answer:
    """No meeting the question can mean (a day the committee did not meet): said, as a refusal, with the nearest
    meetings of the committee (or municipality) asked in time, each cited."""
    lang = plan.lang
    committees = [filters.committee] if filters.committee else plan.committee_boost
    if not (filters.date_from and (committees or filters.municipality)):
        return Answer(plan.question, phrase("no_meeting", lang), [], lang, refused=True, kind=plan.intent)
    day = filters.date_from + (filters.date_to - filters.date_from) / 2 if filters.date_to else filters.date_from
    held = [m for c in committees or [None] for m in catalog.meetings(municipality=filters.municipality, committee=c)]
    near = sorted(sorted((m for m in held if m.date), key=lambda m: abs((m.date - day).days))[:NEAREST_MEETINGS],
                  key=lambda m: m.start)
    name = " / ".join(committees) or (filters.municipality or "")
    lines = [phrase("meetings_none", lang, committee=name, period=_period(filters, lang))]
    citations = []
    if near:
        lines.append(phrase("nearest_meetings", lang))
    for i, m in enumerate(near, start=1):
        citations.append(citation_from_point(i, m, None))
        line = phrase("meeting_line", lang, date=format_date(m.date_iso, lang), committee=m.committee, n=len(m.points))
        lines.append(f"- {line} [{i}]")
    return Answer(plan.question, "\n".join(lines), citations, lang, refused=True, kind=plan.intent)


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


def answer_overview(committees: list[tuple[str, str, int, str, str]], plan: QueryPlan) -> Answer:
    """"Hvilke udvalg er der?": the municipalities and committees of the index, each with its meetings and their
    span (the chat's start view, as an answer)."""
    lang = plan.lang
    if not committees:
        return Answer(plan.question, phrase("empty_index", lang), [], lang, refused=True, kind="overview")
    lines = [phrase("overview_intro", lang, n=sum(r[2] for r in committees), m=len({r[0] for r in committees}))]
    for municipality, committee, n, first, last in committees:
        span = format_date(first, lang) if first == last else f"{format_date(first, lang)} – {format_date(last, lang)}"
        lines.append("- " + phrase("overview_line", lang, municipality=municipality or "?", committee=committee,
                                   n=n, span=span))
    return Answer(plan.question, "\n".join(lines), [], lang, kind="overview")
