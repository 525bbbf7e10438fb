"""Structured answers straight from the records: meeting selection, decisions, case history, attendance phrasing."""

from __future__ import annotations

from datetime import date

from answer_corpus import CASE, fake_index
from fakes_index import point

from assistant.answerers.meeting import answer_attendance, select_meeting
from assistant.answerers.path import answer_case, short_decision
from assistant.query import QueryPlan
from assistant.records import Filters


def test_short_decision_is_a_verbatim_prefix_cut_at_a_sentence():
    long = "Første sætning om sagen. " * 30 + "Sidste."
    p = point("1", "x", Beslutning=long)
    d = short_decision(p, limit=100)
    assert long.startswith(d) and d.endswith(".") and len(d) <= 100
    assert short_decision(point("2", "Lukket: y", closed=True, Beslutning="hemmelig")) == ""


def test_select_meeting_order_of_preference():
    catalog = fake_index().catalog
    by_filter = select_meeting(catalog, QueryPlan("q"), Filters(committee="Økonomiudvalget"))
    assert by_filter.committee == "Økonomiudvalget"
    in_period = select_meeting(catalog, QueryPlan("q"), Filters(date_from=date(2023, 3, 1), date_to=date(2023, 3, 31)))
    assert in_period.date_iso == "2023-03-28"  # the latest meeting in the period
    carried = select_meeting(catalog, QueryPlan("q", meeting_id=by_filter.meeting_id), Filters())
    assert carried.meeting_id == by_filter.meeting_id
    assert select_meeting(catalog, QueryPlan("q"), Filters()).date_iso == "2023-06-12"  # latest in the index
    assert select_meeting(catalog, QueryPlan("q"), Filters(committee="Findes ikke")) is None


def test_attendance_without_absences_and_without_list():
    catalog = fake_index().catalog
    kultur = catalog.meetings(committee="Kultur- og Fritidsudvalget")[0]
    ans = answer_attendance(kultur, QueryPlan("Hvem havde afbud?", intent="attendance"))
    assert "nævner ingen afbud" in ans.text and ans.citations[0].point_number == ""
    byraad = catalog.meetings(committee="Byråd 2022-2025")[0]
    ans = answer_attendance(byraad, QueryPlan("Who was absent?", lang="en", intent="attendance"))
    assert "no list of participants" in ans.text


def test_case_answer_english_and_closed_steps_never_quoted():
    catalog = fake_index().catalog
    ans = answer_case(catalog, QueryPlan("History of case", lang="en", intent="case", case_number=CASE))
    assert ans.text.startswith(f"Case {CASE} was dealt with 2 times:")
    assert "Decision: »Anbefales over for byrådet.«" in ans.text
    assert all(c.case_number == CASE for c in ans.citations)


def test_attendance_cites_the_point_whose_text_records_the_absences(settings, greve_dir):
    """Greve repeats "Afbud: ..." under a point's decision: that point is the citation (a closed point is skipped,
    its text is never shown); a print-layout referat lists absences in its header: the meeting is cited."""
    from assistant.readers import read_file
    from tests.conftest import SLAGELSE_TXT

    files = list(greve_dir.glob("Økonomiudvalget_2024-11-27T08*.json"))
    meeting = read_file(files[0], settings).meeting
    ans = answer_attendance(meeting, QueryPlan("Hvem havde afbud?", intent="attendance"))
    c = ans.citations[0]
    assert "Bjarke Abel" in ans.text
    assert (c.point_number, c.point_title, c.quote) == ("2", "Godkendelse af dagsorden", "Afbud: Bjarke Abel")
    assert meeting.points[0].closed  # point 1 is closed; its released text is not quoted

    slagelse = read_file(SLAGELSE_TXT, settings).meeting
    ans = answer_attendance(slagelse, QueryPlan("Who was absent?", lang="en", intent="attendance"))
    assert ans.citations[0].point_number == "" and ans.citations[0].committee == slagelse.committee
    assert all(name in ans.text for name in ("Knud Vincents", "Jane Dahl", "John Dyrby Paulsen", "Troels Brandt"))
