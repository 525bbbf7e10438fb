"""The Assistant: analyse the question, route it, answer it with one small answerer per route.

Routes, in order: a case's path (a case number, or "behandlet igen" about the conversation's case); votes and
positions (the recorded votes of the point asked about); a point of a meeting ("punkt 3", "det sidste punkt", or
the point the previous answer cited); the meeting itself (when, where, its agenda); attendance and participants;
the meetings of a committee; everything else (a topic) by retrieval and the extractive answerer, or an LLM.
Record answers come from the parsed minutes, not from similarity (assistant/answerers/).
"""

from __future__ import annotations

import gc
import re
import time
from collections.abc import Callable, Iterator
from dataclasses import replace
from functools import cache
from typing import Any

from assistant.answerers.extractive import (  # noqa: F401  (re-exported: ingest, tests)
    ExtractiveAnswerer,
    Unit,
    _head,
    is_section,
    point_score_texts,
    score_text,
    split_units,
)
from assistant.answerers.meeting import (
    answer_attendance,
    answer_meeting,
    answer_meetings,
    answer_no_meeting,
    answer_overview,
    answer_point,
    answer_point_absence,
    cut_at_sentence,
    decision_text,
    find_point,
    meetings_with_point,
    select_meeting,
)
from assistant.answerers.path import (
    CaseStep,
    answer_case,
    answer_case_numbers,
    answer_competence,
    answer_next_handling,
    answer_path,
    case_history,
    competence_lines,
    competence_quotes,
    from_conversation_period,
    point_history,
)
from assistant.answerers.votes import DECISION_CHARS as VOTE_DECISION_CHARS
from assistant.answerers.votes import answer_votes, voted_topic, votes_of
from assistant.bodies import same_body
from assistant.citations import citation_from_chunk, citation_from_point, clean_title
from assistant.prompts import format_date, listing, phrase
from assistant.query import (
    CASE_NUMBER_ASKED,
    RECORD_DETAILS,
    QueryPlan,
    analyse,
    asked_municipality,
    asks_competence,
    asks_where_met_part,
    council_named,
    coverage,
    detect_language,
    find_case_number,
    names_period,
    too_long,
    topic_terms,
)
from assistant.records import AgendaPoint, Answer, Filters, Hit, Meeting
from assistant.retrieval import HybridRetriever, merge_filters
from assistant.settings import Settings
from assistant.spelling import correct_slips, fold_ascii_danish, with_body_names
from assistant.textutil import fold_accents
from assistant.translate import english_word

# An index of fewer chunks than this (a meeting or two) corrects no Danish slip of typing: most words of a question
# are then absent from its minutes by chance, not mistyped. The shipped Slagelse referat (11 chunks) made "politik"
# "politisk" in 4 dev questions; three Greve meetings (128 chunks) made one such correction
# of the 1,958 dev questions ("bierne" -> "bilerne", which the full corpus makes too). Chosen between the two.
SLIP_MIN_CHUNKS = 100
_POINT_WORDS = re.compile(r"\b(punktet|sagen|behandlingen|that item|the item|this item|that point|handling)\b", re.I)
RECORD_INTENTS = ("decision", "recommendation", "fact", "when")  # a case number alone answers these by its path
PATH_INTENTS = ("decision", "recommendation", "when")  # ... these whatever else the question says: its path has them
# What a council did, and the minutes' report of it in another body's point ("Kommunalbestyrelsen godkendte den 25.
# juni 2012 ...", "Byrådet har besluttet"; not "Indstilles til Kommunalbestyrelsens godkendelse")
_COUNCIL_DID = ("decision", "votes", "when")
# A meeting the question names ("på mødet i juli 2023", "byrådsmødet den 8. maj", "its meeting in July"), in a
# period of at most a month (a year or a season is when a matter was decided, not one meeting)
_MEETING_NAMED = re.compile(r"møde[nt]?\b|meeting\b", re.I)
MONTH_DAYS = 31
_MEETING_RECORD = ("attendance", "participants", "meetings")  # answered from a meeting's own record only
_COUNCIL_DECIDED = re.compile(
    r"\b(?:kommunalbestyrelsen|byrådet|borgerrepræsentationen)\s+(?:har\s+|havde\s+)?"
    r"(?:(?:den|d\.)\s+[\w. ]{1,20}?\s+)?"
    r"(?:godkend\w*|besluttede|besluttet|beslutter|vedtog|vedtaget|tiltrådte|tiltrådt|bevilge\w*|afviste)\b", re.I)
VOTE_CANDIDATES = 5  # points searched for the best point's case on a topic (the answer's k)
# Asked once when the chat starts (Assistant.warm_up): any topical question loads what every answer needs
WARM_UP_QUESTION = "Hvad har udvalget besluttet om budgettet?"

# gc.freeze() moves every live object out of the collector's sight for good: an object in a reference cycle (an
# embedder and the query encoder that holds its bound methods, a torch model) is then never freed, even when nothing
# uses it any more. Frozen once per process, and thawed when an assistant is closed or replaced, so the next one's
# first search freezes afresh: freezing in every assistant kept every closed one's models (make test's process grew
# by ~250 MB per assistant, to 14 GB; a server by as much per reload after an upload).
_gc_frozen = False


def freeze_loaded() -> None:
    """Collect, then freeze what is alive now (the loaded models, arrays and catalog) out of the collector's sight."""
    global _gc_frozen
    _gc_frozen = True
    gc.collect()
    gc.freeze()


def thaw() -> None:
    """Give frozen objects back to the collector: a closed or replaced assistant's cycles are freed once unused."""
    global _gc_frozen
    _gc_frozen = False
    gc.unfreeze()


class Assistant:
    """Answers questions about the indexed minutes. Opens the index on first use."""

    def __init__(self, settings: Settings, index: Any | None = None, llm: Any | None = None):
        """``llm``: an LLMAnswerer to use instead of the one Settings.llm names (tests pass a fake)."""
        self.settings = settings
        self._index = index
        self._retriever: HybridRetriever | None = None
        self._extractive: ExtractiveAnswerer | None = None
        self._llm: Any = llm

    @property
    def index(self) -> Any:
        if self._index is None:
            from assistant.index import Index

            self._index = Index.open(self.settings)
        return self._index

    @property
    def retriever(self) -> HybridRetriever:
        if self._retriever is None:
            self._retriever = HybridRetriever(self.index, self.settings)
        return self._retriever

    @property
    def extractive(self) -> ExtractiveAnswerer:
        if self._extractive is None:
            self._extractive = ExtractiveAnswerer(self.index, self.retriever, self.settings)
        return self._extractive

    @property
    def llm(self) -> Any:
        if self._llm is None and self.settings.llm != "none":
            from assistant.llm import LLMAnswerer

            self._llm = LLMAnswerer(self.settings)
        return self._llm

    def _spelled(self, question: str, lang: str | None = None) -> str:
        """The question with Danish typed without æ/ø/å ("moede") in the minutes' spelling ("møde"; not an English
        question: its "toe" is no "tø"), and its slips of typing corrected ("socailudvalget")."""
        count = getattr(self.index, "doc_freq", None)
        if count is None:
            return question
        committees = tuple(sorted({r[1] for r in self.index.catalog.committees()}))
        count = with_body_names(count, committees)
        english = (lang or detect_language(question)) == "en"
        folded = question if english else fold_ascii_danish(question, count)
        words = getattr(self.index.catalog, "words", None)
        words = cache(words) if words else None  # read once a question, and only for a word the minutes lack
        bodies = with_body_names(lambda _: 0, committees)  # "teknikudvalget": people's name for a committee
        written = (lambda w: w in words() or bodies(w) > 0) if words else None
        if written and len(self.index.bm25_index()) < SLIP_MIN_CHUNKS:
            written = lambda _: False  # noqa: E731 - too few minutes for a word they lack to be a slip
        return correct_slips(folded, count, english, written)

    def plan(self, question: str, history: list[Answer] | None = None, lang: str | None = None) -> QueryPlan:
        question = self._spelled(question, lang)
        if history and self.llm is not None:
            rewritten = self.llm.rewrite(question, history, lang)
            plan = analyse(rewritten, history, self.index.catalog, lang=lang)
            plan.question = question
            return plan
        return analyse(question, history, self.index.catalog, lang=lang)

    def ask(
        self,
        question: str,
        history: list[Answer] | None = None,
        filters: Filters | None = None,
        lang: str | None = None,
    ) -> Answer:
        answer: Answer | None = None
        for piece in self.ask_stream(question, history, filters, lang):
            if isinstance(piece, Answer):
                answer = piece
        assert answer is not None
        return answer

    def ask_stream(
        self,
        question: str,
        history: list[Answer] | None = None,
        filters: Filters | None = None,
        lang: str | None = None,
    ) -> Iterator[str | Answer]:
        """Text pieces, then the final Answer (the extractive answerer yields its text once)."""
        t0 = time.perf_counter()
        if not question.strip():
            lang = lang or self.settings.language
            yield Answer(question, phrase("empty_question", lang), [], lang, refused=True)
            return
        if refused := too_long(question, self.settings.max_question_chars, lang):
            yield Answer(question, refused[1], [], refused[0], refused=True)
            return
        plan = self.plan(question, history, lang)
        plan.add_time("plan", time.perf_counter() - t0)
        filters = filters or Filters()
        answer = self._elsewhere(plan, filters) if plan.other_municipality else None
        if answer is None and plan.absent_body and plan.intent in _COUNCIL_DID:
            answer = self._council_absent(plan, filters)
        elif answer is None and plan.absent_body and (plan.intent in _MEETING_RECORD or plan.aspect or plan.point_ref):
            # who was absent from, where or when the council met: its own minutes' record, which the index lacks
            answer = Answer(question, self._absent_body_text(plan), [], plan.lang, refused=True, kind=plan.intent)
        answer = answer or self._from_records(plan, filters) or self._no_meeting_then(plan, filters)
        t1 = time.perf_counter()
        if answer is None:
            hits = self.retriever.search(plan.question, filters, self.settings.k, plan)
            t1 = time.perf_counter()
            plan.add_time("retrieval", t1 - t0)
            if not hits and not self.index.catalog.latest_meetings(1):
                answer = Answer(question, phrase("empty_index", plan.lang), [], plan.lang, refused=True)
            elif self.llm is not None:
                answer = None
                for piece in self.llm.answer_stream(plan, hits, self.index.catalog):
                    if isinstance(piece, Answer):
                        answer = piece
                    else:
                        yield piece
                if answer is None or answer.refused:  # nothing grounded: the extractive answer instead
                    fallback = self.extractive.answer(plan, hits)
                    fallback.flagged = bool(answer and answer.flagged)
                    answer = fallback
            else:
                answer = self.extractive.answer(plan, hits)
            if (CASE_NUMBER_ASKED.search(plan.question) and not find_case_number(plan.question)
                    and not answer.refused and answer.kind == "text"):  # not "Sagsnr. 23-012387 – ...?": named
                # the numbers of the points the answer cites, and of the best points whose titles name the whole
                # topic ("Villa Sitka": its status case and its construction grant)
                titled = [citation_from_chunk(0, h.first) for h in hits
                          if plan.terms and coverage(plan.terms, h.first.point_title) == 1.0]
                answer = answer_case_numbers(answer, titled)
            if asks_competence(plan.question) and not answer.refused and answer.kind == "text" and (
                    answer.citations and (found := self.point_text(answer.citations[0].point_key)) is not None):
                # "..., and who makes the final decision?": where the first cited point says the decision lies
                # ("Beslutningen træffes af" / "Kommunalbestyrelsen"), a heading and a word no topic search quotes
                said = " ".join(answer.text.split())
                answer.text += "".join(f"\n{line}" for line in competence_lines(competence_quotes(found[1]), said))
            if asks_where_met_part(plan.question) and not answer.refused and answer.kind == "text" and answer.citations:
                # "..., Where did they meet, and what did they conclude?": the first cited meeting's place, from
                # its record
                found = self.point_text(answer.citations[0].point_key)
                meeting = found[0] if found else None
                if meeting is not None and meeting.place:
                    date = format_date(answer.citations[0].meeting_date, plan.lang)
                    where = phrase("meeting_place_on", plan.lang, date=date, place=meeting.place)
                    answer.text += f"\n{where} [1]"
        answer.question = question
        answer.plan = plan.to_dict()
        t2 = time.perf_counter()
        plan.add_time("answer", t2 - t1)
        plan.add_time("total", t2 - t0)
        # retrieval_ms/total_ms, plus ms per stage: plan, embed, dense, bm25, fusion, answer
        answer.timings = {f"{stage}_ms": ms for stage, ms in plan.timings.items()}
        answer.timings.setdefault("retrieval_ms", (t1 - t0) * 1000)
        if answer.answerer == "extractive" or self.llm is None:
            yield answer.text
        yield answer
        if not _gc_frozen and plan.timings.get("embed"):
            # The first search loaded the models, the index's arrays and the catalog: hundreds of thousands of
            # long-lived objects that every full collection would walk again, pausing an answer by 40-80 ms
            # (benchmarks/query.py's slowest asks on the full corpus). Collected once, then frozen out of its sight
            # until close() or thaw() lets an assistant go.
            freeze_loaded()

    def _elsewhere(self, plan: QueryPlan, filters: Filters) -> Answer | None:
        """A question about a municipality the index holds no minutes of ("Hvad vedtog Viborg Byråd ...?"): a
        refusal that says so, with the nearest points; None when the best points name that municipality (Greve's
        minutes on a cooperation with Vordingborg Kommune), which then answer as usual."""
        name = plan.other_municipality.split()[0]
        mention = re.compile(rf"(?<![\wæøå]){re.escape(name.removesuffix('s'))}", re.I)
        # asked what that municipality's council did ("Hvad besluttede Roskilde Kommunes byråd om ...?"), the points
        # must name its council: a cooperation or a neighbouring area the minutes write about is not its decision
        council = council_named(plan.question, name)

        def named(title: str, text: str) -> bool:
            full = f"{title}\n{text}"
            return bool(council_named(full, name) if council else mention.search(full))

        refusal = self._refused_unless_reported(plan, filters, named)
        if refusal is not None:
            indexed = listing(self.index.catalog.municipalities(), plan.lang)
            refusal.text = (phrase("other_municipality", plan.lang, municipality=plan.other_municipality,
                                   indexed=indexed) + "\n" + refusal.text)  # fmt: skip
        return refusal

    def _council_absent(self, plan: QueryPlan, filters: Filters) -> Answer | None:
        """What a council did, asked of a municipality whose council's minutes the index lacks though it holds its
        committees' ("Godkendte kommunalbestyrelsen i Ballerup ...?" over Ballerup's health committee): a refusal
        that says so, with the nearest points. The committees' minutes send matters on to the council
        ("Indstilles til godkendelse"); None when the best points report what the council did ("Kommunalbestyrelsen
        godkendte den 25. juni 2012 ..."), which then answer as usual. (dev: five such questions, all unanswerable,
        two of them answered before.)"""
        refusal = self._refused_unless_reported(plan, filters, lambda title, text: bool(_COUNCIL_DECIDED.search(text)))
        if refusal is not None:
            refusal.text = self._absent_body_text(plan) + "\n" + refusal.text
        return refusal

    def _no_meeting_then(self, plan: QueryPlan, filters: Filters) -> Answer | None:
        """ "Hvad besluttede byrådet om X på mødet i juli 2023?": a meeting of a committee on a day or in a month it
        did not meet is not in the minutes, whatever its topic is: refused, with the committee's nearest meetings
        (not the topic found at another meeting). None when it met then, or the question names no such meeting."""
        # (the filters merged, not resolved again: resolving only dates "the latest meeting" without a period by
        # that meeting, which was held)
        f = merge_filters(filters, plan)
        if not (f.committee and f.date_from and f.date_to and _MEETING_NAMED.search(plan.question)):
            return None
        if (f.date_to - f.date_from).days > MONTH_DAYS or self.index.catalog.meetings(
                municipality=f.municipality, committee=f.committee, date_from=f.date_from, date_to=f.date_to, last=1):
            return None
        return answer_no_meeting(self.index.catalog, plan, f)

    def _absent_body_text(self, plan: QueryPlan) -> str:
        """ "Indekset har ingen referater fra Kommunalbestyrelsen i Ballerup Kommune, kun fra <its committees>." """
        catalog = self.index.catalog
        municipality = asked_municipality(plan.filters.municipality, catalog) or ""
        held = sorted({r[1] for r in catalog.committees() if r[0] == municipality})
        return phrase("absent_body", plan.lang, body=plan.absent_body, municipality=municipality,
                      indexed=listing(held, plan.lang))

    def _refused_unless_reported(
        self, plan: QueryPlan, filters: Filters, reported: Callable[[str, str], bool]
    ) -> Answer | None:
        """The refusal with the nearest points of a question about what the index holds no minutes of (another
        municipality, a council), for the caller to open with why; None when one of the three best points reports it
        after all (``reported(title, text)``), which then answer as usual."""
        hits = self.retriever.search(plan.question, filters, self.settings.k, plan)
        for hit in hits[:3]:
            point = self.index.catalog.agenda_point(hit.point_key)
            if reported(hit.first.point_title, point.full_text if point else hit.first.text):
                return None
        return self.extractive.refusal(plan, hits, None)

    def _topic_in_case(self, plan: QueryPlan) -> bool:
        """Whether a word of the question's topic is in the text of the case it names: else its other words ask
        about the case itself ("Sagsnr. 23-012387 – nåede sagen nogensinde videre, og hvordan endte den?")."""
        terms = [fold_accents(t) for t in topic_terms(plan) if len(t) >= 4]  # not "vid" (videre) of "videre til"
        if not terms:
            return False
        found = self.index.catalog.points_by_case(plan.case_number)
        text = fold_accents(" ".join(f"{p.title} {p.full_text}" for _, p in found).lower())
        return not found or any(re.search(rf"\b{re.escape(t)}", text) for t in terms)

    def _from_records(self, plan: QueryPlan, filters: Filters) -> Answer | None:
        """The answer from the parsed records when the question is about a case's path, votes, a point, the
        meeting itself, attendance or a committee's meetings; None for a question about a topic."""
        catalog = self.index.catalog
        if plan.intent == "help":
            key = "thanks" if plan.aspect == "thanks" else "help"
            return Answer(plan.question, phrase(key, plan.lang), [], plan.lang, kind="help")
        if plan.intent == "overview":
            return answer_overview(catalog.committees(), plan)
        merged = self.retriever.resolve_filters(plan, filters)
        topical = bool(topic_terms(plan))
        named_case = find_case_number(plan.question)  # a case the question names, not the conversation's
        f = plan.filters
        if (plan.followup and plan.intent == "case" and plan.case_number and not named_case and f.date_from
                and names_period(plan.question)):
            # "Og hvad skete der så, da sagen kom på igen på mødet i januar?": the carried case's handling in the
            # period the follow-up names is what it asks, decided as a point's decision is, when there is one
            lo, hi = f.date_from.isoformat(), (f.date_to or f.date_from).isoformat()
            inside = [(m, p) for m, p in catalog.points_by_case(plan.case_number) if lo <= m.date_iso <= hi]
            if len(inside) == 1:
                plan.intent, plan.aspect = "decision", ""
                return answer_point(*inside[0], plan)
        if plan.intent == "next" and plan.case_number:
            return answer_next_handling(self.index.catalog, plan)
        if plan.intent == "competence" and (found := catalog.point(plan.point_key or "")) is not None:
            # "Skulle det også videre til byrådet, eller var det udvalgets egen beslutning?", "was that the final
            # word?": where the conversation's point says the decision lies, and where its case went after it
            return answer_competence(catalog, found[0], found[1], plan)
        if plan.followup and plan.body and plan.case_number and plan.intent in ("decision", "recommendation"):
            # "Og hvad besluttede byrådet?" after a committee's point of the case: the case's handling by that body,
            # where it came there once; else its path, which says whether and when it came there
            there = from_conversation_period([(m, p) for m, p in catalog.points_by_case(plan.case_number)
                                              if same_body(m.committee, plan.body)], lambda mp: mp[0].date_iso, plan)
            if len(there) == 1:
                plan.intent = "decision"
                return answer_point(*there[0], plan)
            plan.intent = "case"
        if plan.case_number and (plan.intent == "case" or (named_case and plan.intent in PATH_INTENTS) or (
                named_case and plan.intent in RECORD_INTENTS and not self._topic_in_case(plan))):
            # "Hvad blev besluttet i sag 2012-28504?", "..., og blev den godkendt hele vejen igennem?": its
            # decisions, in order
            return answer_case(catalog, plan)
        if plan.intent == "case":
            found = self._subject(plan, filters) if (plan.point_key or topical) else None
            if found is None:
                return None
            meeting, point = found
            if point.case_number:
                plan.case_number = point.case_number.upper()
                return answer_case(catalog, plan)
            return answer_path(plan, point_history(meeting, point), clean_title(point.title))
        if plan.intent == "meetings" and topical and not merged.committee:
            # "Hvor mange møder holdt Handicaprådet i 2021?", "Hvilke møder handlede om skolestruktur?": a body the
            # index holds no minutes of, or a topic; not the meetings of every committee. The minutes' text answers
            # ("Handicaprådet har afholdt 10 møder"), if any does.
            plan.intent = "fact"
            return None
        if plan.intent == "meetings":
            return answer_meetings(catalog, plan, merged)
        if plan.intent == "votes" and named_case and plan.case_number:
            # "Hvem stemte imod i sag 24-004721?": the votes of each of its handlings, else its path with the note
            # that none is recorded
            answer = answer_votes(catalog.points_by_case(plan.case_number), plan, catalog.points_by_case)
            if answer is None:
                answer = answer_case(catalog, plan)
                note = phrase("votes_none_case", plan.lang, case=plan.case_number)
                answer.text = f"{note}\n{answer.text}"
            return answer
        if plan.intent == "votes":
            answer = answer_votes(self._vote_points(plan, filters, merged, topical), plan, catalog.points_by_case)
            carried = catalog.point(plan.point_key) if plan.point_key and not topical else None
            if answer is not None and carried and all(c.point_key != plan.point_key for c in answer.citations):
                meeting, point = carried  # the votes are the case's other handlings': said, not silently (a
                # point may record others: two abstained in the committee, the council's vote was against), and
                # cited with its decision, as every point the answer speaks of is
                heading, decided = decision_text(point)
                m = len(answer.citations) + 1
                quote = cut_at_sentence(decided, VOTE_DECISION_CHARS)
                answer.citations.append(citation_from_point(m, meeting, point, quote, heading))
                key = "votes_elsewhere_other" if point.votes else "votes_elsewhere"
                note = phrase(key, plan.lang, number=point.number, title=clean_title(point.title),
                              committee=meeting.committee, date=format_date(meeting.date_iso, plan.lang),
                              cite=f" [{m}]")
                answer.text = f"{note}\n{answer.text}"
            if answer is None:
                plan.intent = "decision"  # no recorded votes: the decision text says what was voted
            elif topical and not plan.point_ref:
                # votes found for a topic: the best points must answer what was voted on as a text answer would,
                # else the votes are another matter's ("Hvem stemte imod budget 2026-29?" got Budget 2025-28's)
                voted = replace(plan, terms=voted_topic(plan) or plan.terms)
                hits = self.retriever.search(plan.question, filters, self.settings.k, voted)
                text = self.extractive.answer(voted, hits)
                if text.refused and not self._names_what_was_voted(plan, filters, answer):
                    return text
                if not text.refused and (other := self._voted_elsewhere(text, answer, voted)) is not None:
                    # the text answer's points are the matter asked and record no vote; the votes found are
                    # another matter's of the same meeting or period ("Which parties voted against the climate
                    # plan in May 2023?" got the artificial pitch's vote of that council meeting): no vote recorded
                    # under the matter's point, said with its decision
                    return other
            return answer
        if plan.intent == "attendance" and _POINT_WORDS.search(plan.question) and (plan.point_key or topical):
            # "Deltog nogen ikke i behandlingen af punktet?" (the conversation's point), "Hvem deltog ikke i
            # behandlingen af punktet om X?" (the point found for X)
            found = self._subject(plan, filters)
            if found is not None:
                return answer_point_absence(found[0], found[1], plan)
        if plan.point_ref or plan.aspect or plan.intent in ("attendance", "participants"):
            hits = None
            if topical and merged.is_empty() and not plan.meeting_id and plan.aspect not in RECORD_DETAILS:
                # (a detail of the record asked with its own words, "wrap up", "minute-taker": no topic to search)
                hits = self.retriever.search(plan.question, filters, 1, plan)
            meeting = select_meeting(catalog, plan, merged, hits)
            if meeting is None:
                return answer_no_meeting(catalog, plan, merged)
            if plan.point_ref:
                answer = answer_point(meeting, find_point(meeting, plan.point_ref), plan)
                having = meetings_with_point(catalog, plan, merged)
                if len(having) > 1 and meeting.meeting_id == having[-1]:  # said, not silently the latest
                    note = phrase("point_in_several", plan.lang, number=plan.point_ref, n=len(having),
                                  committee=meeting.committee, date=format_date(meeting.date_iso, plan.lang))
                    answer.text = f"{note}\n{answer.text}"
                return answer
            if plan.aspect:
                return answer_meeting(meeting, plan)
            return answer_attendance(meeting, plan)
        if plan.point_key and not topical and plan.intent in ("decision", "recommendation", "fact"):
            found = catalog.point(plan.point_key)  # "Og hvad blev besluttet?" about the previous answer's point
            if found is not None:
                return answer_point(found[0], found[1], plan)
        return None

    def _subject(self, plan: QueryPlan, filters: Filters) -> tuple[Meeting, AgendaPoint] | None:
        """The point a question is about: the conversation's point, else the best search hit for its topic."""
        if plan.point_key and not topic_terms(plan):
            found = self.index.catalog.point(plan.point_key)
            if found is not None:
                return found
        hits = self.retriever.search(plan.question, filters, 1, plan)
        return self.index.catalog.point(hits[0].point_key) if hits else None

    def _names_what_was_voted(self, plan: QueryPlan, filters: Filters | None, votes: Answer) -> bool:
        """Whether the party the question names is part of what was voted on ("the Conservatives' proposal for an
        emergency package", "Initiativretsforslag fra Det Konservative Folkeparti"): with the party's words, the
        text answer stands and cites first the point whose votes answer."""
        if plan.point_key or not votes.citations:
            return False
        hits = self.retriever.search(plan.question, filters, self.settings.k, plan)
        full = self.extractive.answer(plan, hits)
        return not full.refused and bool(full.citations) and full.citations[0].point_key == votes.citations[0].point_key

    def _voted_elsewhere(self, text: Answer, votes: Answer, voted: QueryPlan) -> Answer | None:
        """The "no vote recorded" answer on the text answer's first point, where none of the points the text answer
        cites is a point (or a handling of a case) the votes are cited to, the votes' points write none of what was
        voted on (``voted``'s terms: the council's "Anden behandling" of the budget writes "budget 2024", the
        artificial pitch no climate plan), and the text answer's first point records no vote."""
        catalog = self.index.catalog
        keys = {c.point_key for c in votes.citations}
        cases = {c.case_number.lower() for c in votes.citations if c.case_number}
        if any(c.point_key in keys or (c.case_number and c.case_number.lower() in cases) for c in text.citations):
            return None
        points = [p for key in keys if (p := catalog.agenda_point(key)) is not None]
        if any(coverage(voted.terms, f"{p.title}\n{p.full_text}") for p in points):
            return None
        found = catalog.point(text.citations[0].point_key)
        if found is None or found[1].votes or found[1].closed:
            return None
        return answer_votes([found], voted)  # (the plan the question already has: its words and language)

    def _vote_points(
        self, plan: QueryPlan, filters: Filters, merged: Filters, topical: bool
    ) -> list[tuple[Meeting, AgendaPoint]]:
        """The points whose votes may answer: the point named or carried over, else the best points for the
        topic, else every point of the meeting meant."""
        catalog = self.index.catalog
        if plan.point_ref:
            meeting = select_meeting(catalog, plan, merged)
            point = find_point(meeting, plan.point_ref) if meeting else None
            return [(meeting, point)] if meeting and point else []
        if plan.point_key and not topical:
            found = catalog.point(plan.point_key)
            if found is None:
                return []
            if votes_of(found[1], plan.question) or not found[1].case_number:
                return [found]
            # "Var der nogen, der stemte imod den?" after an answer from a committee's recommendation: the vote is
            # recorded where the case was decided (the council's handling), so the case's handlings that record one
            later = [f for f in catalog.points_by_case(found[1].case_number)
                     if f[0].meeting_id != found[0].meeting_id and votes_of(f[1], plan.question)]
            return later or [found]
        if plan.followup and plan.case_number and merged.committee and not topical:
            # "Hvem stemte imod i byrådet?" after an answer from the committee's point: the case's handling by the
            # body the question names
            handled = [f for f in catalog.points_by_case(plan.case_number) if f[0].committee == merged.committee]
            if handled:
                return handled
        if topical:  # the best point, and the other handlings of its case among the best (the council's vote)
            hits: list[Hit] = self.retriever.search(plan.question, filters, VOTE_CANDIDATES, plan)
            found = [(h, f) for h in hits if (f := catalog.point(h.point_key)) is not None]
            # the best that records a vote the question asks about ("Which parties voted against the 2024 budget?":
            # the council's budget, not a partnership's "Budget 2024" approved without a vote), else the best
            # (the best point first when it records votes of the position or the party asked: it is the matter asked,
            # "Da byrådet sendte planstrategien i høring, stemte nogen imod – og hvad gjorde (A)?": its (Ø) against
            # and (A) abstaining, not the same meeting's calendar, where (A) voted against)
            top = found[0] if found else None
            if top is not None and votes_of(top[1][1], plan.question, relaxed=True):
                lead = top
            else:
                lead = next(((h, f) for h, f in found if votes_of(f[1], plan.question)), top)
            if lead is None:
                return []
            case = lead[0].first.case_number
            return [f for h, f in found if h is lead[0] or (case and h.first.case_number == case)]
        meeting = select_meeting(catalog, replace(plan, point_key=None), merged)
        return [(meeting, p) for p in meeting.points] if meeting else []

    def search(
        self, question: str, filters: Filters | None = None, k: int = 10, plan: QueryPlan | None = None
    ) -> list[Hit]:
        """Top ``k`` agenda points; pass a ``plan`` to read its ``timings`` (ms per stage) afterwards."""
        t0 = time.perf_counter()
        plan = plan or self.plan(question)
        plan.add_time("plan", time.perf_counter() - t0)
        return self.retriever.search(plan.question, filters, k, plan)

    def warm_up(self) -> None:
        """Load what the first question would otherwise wait for: the index (its vectors and BM25 in memory), the
        question encoder and its tokenizer, the catalog's caches (benchmarks/README.md, cold start: a fresh
        process's first answer took ~2.5 s against ~50 ms warm). The chat calls it in the background at start."""
        self.ask(WARM_UP_QUESTION)
        english_word("warm")  # the English word list (~0.4 s to load), which an English question reads
        words = getattr(self.index.catalog, "words", None)
        if words is not None:
            words()  # the words the minutes write (~1.2 s on the full corpus), which a mistyped question reads
        self.clear_caches()

    def clear_caches(self) -> None:
        """Forget cached question and sentence vectors and the chunks read (benchmarks time each question as a new
        one)."""
        if self._index is not None:
            self._index.clear_caches()
        if self._retriever is not None:
            self._retriever._vectors.clear()
        if self._extractive is not None:
            self._extractive.clear_cache()

    def case_history(self, case_number: str) -> list[CaseStep]:
        return case_history(self.index.catalog, case_number)

    def point_text(self, point_key: str) -> tuple[Meeting, AgendaPoint] | None:
        return self.index.catalog.point(point_key)

    def close(self) -> None:
        """Close the index and thaw what the first search froze, so this assistant's models and arrays are freed
        once it is dropped."""
        if self._index is not None:
            self._index.close()
        thaw()
