"""Votes and positions, from the votes the readers record on each point (who or which party voted for or against,
abstained, took a reservation or did not take part), each cited to its point with the sentence it was read from."""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.answerers.meeting import cut_at_sentence, decision_text
from assistant.bodies import PARTIES, PARTY_ALIASES, party_letter, party_name
from assistant.citations import citation_from_point, clean_title
from assistant.prompts import format_date, listing, phrase
from assistant.query import QueryPlan, stems, topic_terms
from assistant.records import AgendaPoint, Answer, Citation, Meeting, Vote

DECISION_CHARS = 400  # the decision quoted beside the votes: up to a sentence end near this (as a case path's steps)
_POSITIONS = (  # what the question asks about -> the recorded position
    ("against", re.compile(r"\b(imod|against|opposed|nej)\b", re.I)),
    ("reservation", re.compile(r"\b(forbehold\w*|reservations?)\b", re.I)),
    ("abstain", re.compile(r"\b(undl\w+|hverken for eller imod|abstain\w*|abstention\w*)\b", re.I)),
    ("not-taking-part", re.compile(r"\b(deltog ikke|did not take part|not take part)\b", re.I)),
    ("for", re.compile(r"\b(stemte for|voted for|in favou?r|for stemte|backed|supported|støttede|bakkede op)\b",
                       re.I)),
)


# A vote recorded with its reason: "stemte imod med bemærkning om, at ...", "..., idet Enhedslisten ønsker ...",
# "..., da (Ø) ønsker et valgsted mere", "med den begrundelse, at ...". Of the 542 votes the readers record in the
# shared corpus (2026-12-06), 78 carry one of these words; Greve often records the reason at the Økonomiudvalg and
# the party's bare vote at the council
_VOTE_REASON = re.compile(r"\b(bemærk\w*|begrund\w*|fordi|idet|ønsk\w*|mener|finder)\b", re.I)


def _parties(vote: Vote) -> set[str]:
    return {p.strip("()").upper() for p in vote.parties}


def _unexplained(vote: Vote) -> bool:
    """A vote against, an abstention or a reservation by someone named, recorded without its reason."""
    return vote.position != "for" and not _VOTE_REASON.search(vote.text or "") and bool(vote.parties or vote.who)


def _key(meeting: Meeting, point: AgendaPoint) -> str:
    """The point's key, as its citation's (citations.citation_from_point)."""
    return f"{meeting.meeting_id}:{point.number}"


# A decision's sentence: after a stop or a closing quote, before a capital or an opening parenthesis ("Imod stemte (F)
# og (Ø). (F) med bemærkning om, ...")
_SENTENCE_END = re.compile(r"(?<=[.!?”\"»])\s+(?=[(A-ZÆØÅ])")


def remarks(vote: Vote, decision: str) -> list[str]:
    """The decision's sentences beside a vote recorded without its reason that give the reason of a party or member
    of the vote ("Imod stemte (F) og (Ø). (F) med bemærkning om, at ”SF stemmer imod, da ...”. (Ø) med bemærkning
    om, at ”Enhedslisten stemmer imod, da ...”"): quoted with the vote, as a decision cut at DECISION_CHARS may end
    before them."""
    if not _unexplained(vote):
        return []
    own = " ".join((vote.text or "").split())
    marks = [f"({p.strip('()')})" for p in vote.parties] + list(vote.who)
    sentences = _SENTENCE_END.split(" ".join(decision.split()))
    return [t for t in sentences if t != own and own not in t and _VOTE_REASON.search(t) and any(m in t for m in marks)]


def reason_elsewhere(vote: Vote, handlings: list[tuple[Meeting, AgendaPoint]]
                     ) -> tuple[Meeting, AgendaPoint, Vote] | None:
    """A vote against, an abstention or a reservation recorded without its reason, and the same member's or party's
    vote of the same position at another handling of the case that gives one (the council's "Imod stemte: Ø", the
    Økonomiudvalg's "(Ø) stemte imod med bemærkning om, at Ø ønsker flere afgange ..."): the first such handling
    of ``handlings`` (the case's other handlings)."""
    if not _unexplained(vote):
        return None
    for meeting, other in handlings:
        if other.closed:
            continue
        for v in other.votes:
            if (v.position == vote.position and _VOTE_REASON.search(v.text or "")
                    and (_parties(v) & _parties(vote) or set(v.who) & set(vote.who))):
                return meeting, other, v
    return None


def motions(point: AgendaPoint, decision: str) -> dict[int, str]:
    """What each of the point's votes was on, where its decision puts several motions to the vote ("C stillede
    ændringsforslag om, at ... / For stemte: C og Ø / Imod stemte: ... / V stillede ændringsforslag om, at ...
    oversendes til budgetforhandling / For stemte: V, C, M, Ø ..."): the paragraph before the vote's own lines, by
    the vote's index in point.votes. Empty when the votes share one motion (the decision alone says what it was)."""
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", decision) if p.strip()]
    texts = [" ".join(v.text.split()) for v in point.votes if v.text]

    def is_vote(paragraph: str) -> bool:
        return any(t and (t in paragraph or paragraph in t) for t in texts)

    out: dict[int, str] = {}
    after = 0  # the votes are in the decision's order: two with the same words ("For stemte: V og C") on two
    # motions are two paragraphs, the later one after the earlier's
    for i, vote in enumerate(point.votes):
        text = " ".join(vote.text.split())
        found = [j for j, p in enumerate(paragraphs) if text and (text in p or p in text)]
        at = next((j for j in found if j >= after), found[0] if found else None)
        if at is None:
            continue
        after = at + 1
        j = at - 1
        while j >= 0 and is_vote(paragraphs[j]):
            j -= 1
        if j >= 0:
            out[i] = paragraphs[j]
    return out if len(set(out.values())) >= 2 else {}


def asked_position(question: str) -> str:
    """The position a question asks about ("" for any: "Hvordan stemte Enhedslisten?")."""
    return next((pos for pos, rx in _POSITIONS if rx.search(question)), "")


def _matches(vote: Vote, position: str, party: str | None) -> bool:
    if vote.count == 0 and not vote.who and not vote.parties:
        return False  # "Med stemmerne 15 for og ingen imod": no one took that position
    if position and vote.position != position:
        return False
    return party is None or party in _parties(vote) or any(
        party_name(party).lower() in w.lower() for w in vote.who
    )


def votes_of(point: AgendaPoint, question: str, relaxed: bool = False) -> list[Vote]:
    """The point's recorded votes that answer the question (its position and party, where it names them). A point
    whose votes name no one ("Med stemmerne 13 for og 7 imod ...") answers a question naming a party with its counts:
    the decision quoted beside them may say who ("(A), (F) og (Ø) ønskede at sende forslaget ..."), and its silence
    on the party is no answer that another point's vote is. ``relaxed``: where no vote has both the position and the
    party asked, the votes of the position and the party's votes of any position ("Stemte nogen imod – og hvad gjorde
    Socialdemokratiet?": (Ø) against, (A) abstained; "Stemte (A) imod?": (A) voted for)."""
    position, party = asked_position(question), party_letter(question)
    votes = [v for v in point.votes if _matches(v, position, party)]
    if not votes and party is not None and not any(v.who or v.parties for v in point.votes):
        votes = [v for v in point.votes if _matches(v, position, None)]
    if not votes and relaxed and position and party is not None:
        votes = [v for v in point.votes if _matches(v, position, None) or _matches(v, "", party)]
    return votes


def voted_topic(plan: QueryPlan) -> list[str]:
    """The terms of a vote question that name what was voted on: not the vote ("stemte imod") nor the party
    ("Enhedslisten", which minutes write as "(Ø)")."""
    parties = stems(" ".join([*PARTIES.values(), *PARTY_ALIASES]))
    return [t for t in topic_terms(plan) if t not in parties]


def _label(vote: Vote, lang: str) -> str:
    return phrase(f"vote_{vote.position.replace('-', '_')}", lang)


def _who(vote: Vote, lang: str) -> str:
    """Who took the position: each member named with the letter printed after the name and its party ("Mehmet Zeki
    Dogru (Ø, Enhedslisten)", "Liselott Blixt (UP)"), then each party named by its letter alone ("Enhedslisten (Ø)");
    a letter no party list knows stays the letter ("(UP)")."""
    text = " ".join((vote.text or "").split())
    letters = [p.strip("()") for p in vote.parties]
    people, own = [], []  # the members, and the letters printed after their names
    for name in vote.who:
        m = re.search(rf"{re.escape(name)}\s*\(([^()]{{1,8}})\)", text)
        if m and m[1] in letters:
            people.append(f"{name} ({m[1]}, {party_name(m[1])})" if party_name(m[1]) != m[1] else f"{name} ({m[1]})")
            own.append(m[1])
        else:
            people.append(name)
    groups = [p for p in dict.fromkeys(letters) if text.count(f"({p})") > own.count(p) or p not in own]
    parties = [f"{party_name(p)} ({p})" if party_name(p) != p else f"({p})" for p in groups]
    if people or parties:
        return ", ".join([*people, *parties])
    if vote.count is not None:  # "Med stemmerne 11 for og 9 imod": how many, not who
        return phrase("vote_unnamed_count", lang, n=vote.count)
    return phrase("vote_unnamed", lang)


def _counted(vote: Vote) -> bool:
    return vote.count is not None and not vote.who and not vote.parties


def with_counts(votes: list[Vote], order: list[Vote]) -> list[tuple[Vote, Vote | None]]:
    """``votes`` (of a point, in ``order``: its votes as printed), each count printed alone ("Med stemmerne 18 for
    og 1 imod") given to the next vote of the same position that names who ("For stemte: (V), (A) ...", "Imod
    stemte (F)"): one line "For (18 stemmer): ..." where there were a "(not named)" line of the count and one of the
    names. A count with no such vote after it (before the next count of its position) stays a line of its own;
    the next named vote of a position gets at most one count. Of the 137 counts printed alone in the shared corpus
    (Greve, 2026-12-07), 123 stand in a point with a vote of their position that names who; the order pairs the
    counts of a decision that puts several motions to the vote (budget proposals 1a, 1b, 1c) each with its own
    names."""
    index = {id(v): i for i, v in enumerate(order)}
    ordered = sorted(votes, key=lambda v: index.get(id(v), len(order)))
    given: dict[int, Vote] = {}  # id of the named vote -> the count it takes
    merged: set[int] = set()  # ids of counts given to a named vote
    for i, vote in enumerate(ordered):
        if not _counted(vote):
            continue
        for later in ordered[i + 1:]:
            if later.position != vote.position:
                continue
            if _counted(later):
                break  # the next count of this position comes first: this count's names are not printed
            if id(later) not in given:
                given[id(later)] = vote
                merged.add(id(vote))
            break
    return [(v, given.get(id(v))) for v in ordered if id(v) not in merged]


def _party_unnamed(found: list[tuple[Meeting, AgendaPoint]], plan: QueryPlan) -> Answer | None:
    """"How did Dansk Folkeparti vote on the budget?" where the points' votes name who voted for and who against
    (or abstained) but never that party, nor does their decision text: the minutes do not say how it voted (it may
    hold no seat), said so, with the votes they record, not as if another party's votes answered. None where a point
    names it, or its votes name no one ("Med stemmerne 13 for og 7 imod": the counts answer any party) or only a
    minority ("(Ø) og (F) stemte imod": a party not named voted with the majority)."""
    party = party_letter(plan.question)
    voting = [(m, p) for m, p in found if not p.closed and any((v.who or v.parties) and v.position == "for"
                                                                 for v in p.votes)]
    if party is None or not voting or len(voting) != len([f for f in found if f[1].votes]):
        return None
    name = party_name(party)
    for _, point in voting:
        text = " ".join([decision_text(point)[1], *(v.text for v in point.votes)])
        if any(_matches(v, "", party) for v in point.votes) or f"({party})" in text or name.lower() in text.lower():
            return None
    lang = plan.lang
    citations = [citation_from_point(n, m, p, "", decision_text(p)[0]) for n, (m, p) in enumerate(voting, 1)]
    where = listing([phrase("votes_point", lang, number=p.number, title=clean_title(p.title), committee=m.committee,
                            date=format_date(m.date_iso, lang)) + f" [{n}]"
                     for n, (m, p) in enumerate(voting, 1)], lang)
    lines = [phrase("votes_party_unnamed", lang, party=f"{name} ({party})", points=where)]
    for n, (_, point) in enumerate(voting, 1):  # what they do record, each vote once
        named = {(v.position, v.text): v for v in point.votes if v.who or v.parties}
        lines += [f"- {_label(v, lang)}: {_who(v, lang)} [{n}]" for v in named.values()]
    return Answer(plan.question, "\n".join(lines), citations, lang, refused=True, kind="votes")


def answer_votes(found: list[tuple[Meeting, AgendaPoint]], plan: QueryPlan,
                 handlings: Callable[[str], list[tuple[Meeting, AgendaPoint]]] | None = None) -> Answer | None:
    """The votes that answer the question on the given points (best first), one line per position, each cited
    to its point. A single point without votes gets its decision and the note that no vote is recorded; None when
    several candidate points record none (the text answerer then takes the question). Where no point records a vote
    with both the position and the party asked, their votes of either (votes_of, relaxed). ``handlings`` (a case
    number -> its points): a vote recorded without its reason gets the reason another handling records
    (reason_elsewhere), cited to that handling."""
    lang = plan.lang
    if (unnamed := _party_unnamed(found, plan)) is not None:
        return unnamed
    lines: list[str] = []
    citations: list[Citation] = []
    relaxed = not any(votes_of(point, plan.question) for _, point in found)
    listed = {_key(meeting, point) for meeting, point in found}  # their votes show for themselves
    case_points: dict[str, list[tuple[Meeting, AgendaPoint]]] = {}  # the other handlings of each case, read once
    for meeting, point in found:
        votes = votes_of(point, plan.question, relaxed)
        if not votes or point.closed:
            continue
        n = len(citations) + 1
        quote = " ".join(dict.fromkeys(v.text for v in votes if v.text))
        heading, decision = decision_text(point)
        citations.append(citation_from_point(n, meeting, point, quote, heading))
        lines.append(phrase("votes_intro", lang, number=point.number, title=clean_title(point.title),
                            committee=meeting.committee, date=format_date(meeting.date_iso, lang)))
        on = motions(point, decision)
        flat = " ".join(decision.split())
        quoted: set[str] = set()  # the point's counts' sentences quoted with the names of their position
        for v, counted in with_counts(votes, point.votes):
            label, said = _label(v, lang), " ".join(v.text.split())
            if counted is not None:
                label = phrase("vote_counted", lang, label=label, n=counted.count)
                both = f"{' '.join(counted.text.split())} {said}"
                if counted.text and counted.text not in quoted and both in flat:
                    said = both  # the count's sentence with the names after it, once, as printed
                    quoted.add(counted.text)
            said = f" »{said}«" if said else ""
            lines.append(f"- {label}: {_who(v, lang)}{said} [{n}]")
            if (motion := on.get(point.votes.index(v))) is not None:
                lines.append(f"  {phrase('vote_on', lang)}: »{motion}« [{n}]")
            said_why = remarks(v, decision)
            lines += [f"  {phrase('vote_remark', lang)}: »{t}« [{n}]" for t in said_why]
            unexplained = not said_why and _unexplained(v)
            if unexplained and handlings and point.case_number and point.case_number not in case_points:
                # read once a case, and only for a vote without its reason (a case's points are read from the index)
                case_points[point.case_number] = [f for f in handlings(point.case_number) if _key(*f) not in listed]
            others = case_points.get(point.case_number, []) if unexplained else []
            if (elsewhere := reason_elsewhere(v, others)) is not None:
                other_meeting, other, reason = elsewhere
                key = _key(other_meeting, other)
                m = next((c.number for c in citations if c.point_key == key), len(citations) + 1)
                if m > len(citations):
                    citations.append(citation_from_point(m, other_meeting, other, reason.text,
                                                         decision_text(other)[0]))
                where = phrase("vote_reason_elsewhere", lang, committee=other_meeting.committee,
                               date=format_date(other_meeting.date_iso, lang))
                lines.append(f"  {where}: »{reason.text}« [{m}]")
        # one line: a blank line would end the Markdown list it belongs to
        decided = " ".join(cut_at_sentence(decision, DECISION_CHARS).split())
        if decided and decided not in quote:  # what the votes were about
            lines.append(f"  {phrase('decision_label', lang)}: »{decided}« [{n}]")
    if lines:
        return Answer(plan.question, "\n".join(lines), citations, lang, kind="votes")
    if len(found) != 1:
        return None
    meeting, point = found[0]
    heading, text = decision_text(point)
    quote = cut_at_sentence(text, DECISION_CHARS)
    cite = citation_from_point(1, meeting, point, quote, heading)
    where = {"number": point.number, "title": clean_title(point.title), "committee": meeting.committee,
             "date": format_date(meeting.date_iso, lang)}
    if _VOTE_WORDS.search(text):
        # the decision says how they voted in words the reader took no vote from: quoted, never "no vote recorded"
        return Answer(plan.question, f"{phrase('votes_in_decision', lang, **where)}\n»{quote}« [1]", [cite], lang,
                      kind="votes")
    head = phrase("votes_none", lang, **where)
    body = f"{head} {phrase('the_decision', lang)}\n»{quote}« [1]" if quote else f"{head} [1]"
    # what was asked (who voted how) is not in the minutes: said so, with the decision they record
    return Answer(plan.question, body, [cite], lang, refused=True, kind="votes")


# Words of a decision that says how members voted ("stemte imod", "undlod at stemme", "4 for og 3 imod")
# ("Udvalget undlod at tage stilling" says it took no position, no vote)
_VOTE_WORDS = re.compile(r"\b(?:stemte|stemmer|stemmerne|undl(?:od|ader)(?!\s+at\s+(?!stemme))|afstemning\w*|voted|"
                         r"abstained)\b", re.I)
