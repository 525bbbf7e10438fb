"""Follow-ups resolve to the previous answer's point, meeting or case; votes and a point's path from the records
(fake index and hand-made records: the logic; tests/test_answering_records.py runs the same on real minutes)."""

from __future__ import annotations

import re

import pytest
from answer_corpus import CASE, meetings
from fakes_index import FakeIndex

from assistant.answering import Assistant
from assistant.query import analyse
from assistant.records import Decision, PathEntry, Vote
from assistant.settings import Settings


@pytest.fixture
def assistant():
    ms = meetings()
    byraad = next(m for m in ms if m.committee.startswith("Byråd"))
    budget = byraad.points[0]
    budget.votes = [Vote("against", (), ("Ø", "F"), "(Ø) og (F) stemte imod indstillingen."),
                    Vote("reservation", ("Carl Olsen",), ("V",), "Carl Olsen (V) tog forbehold.")]
    kultur = next(m for m in ms if m.committee.startswith("Kultur"))
    kultur.points[0].decisions = [
        Decision("Punktet genoptages.", "Kultur- og Fritidsudvalget", "2023-05-08", "", "Beslutning den 08-05-2023"),
        Decision("Godkendt som indstillet.", "", "", "", "Beslutning"),
    ]
    kultur.points[0].path = [PathEntry("Økonomiudvalget", "2023-04-03", "9")]
    settings = Settings(candidates=10)
    return Assistant(settings, index=FakeIndex(ms, settings))


def test_followup_decision_is_the_previous_points(assistant):
    first = assistant.ask("Hvor mange penge er der afsat til renovering af klubhuse?")
    follow = assistant.ask("Og hvad blev besluttet?", history=[first])
    assert follow.kind == "point" and follow.citations[0].point_key == first.citations[0].point_key
    assert "Godkendt som indstillet." in follow.text


def test_a_bare_question_after_an_answer_is_about_its_point(assistant):
    first = assistant.ask("Hvor mange penge er der afsat til renovering af klubhuse?")
    for question in ("Hvad blev besluttet?", "What was decided?"):
        follow = assistant.ask(question, history=[first])
        assert follow.kind == "point" and follow.citations[0].point_key == first.citations[0].point_key, question
        assert "Godkendt som indstillet." in follow.text


def test_followup_votes_and_path_of_the_previous_point(assistant):
    first = assistant.ask("Hvad besluttede byrådet om tidsplanen for budget 2024?")
    votes = assistant.ask("Hvem stemte imod?", history=[first])
    assert votes.kind == "votes" and "Enhedslisten (Ø)" in votes.text and "SF (F)" in votes.text
    assert "Carl Olsen" not in votes.text  # a reservation is not a vote against
    assert votes.citations[0].point_key == first.citations[0].point_key
    assert "(Ø) og (F) stemte imod indstillingen." in votes.citations[0].quote
    again = assistant.ask("Hvornår blev det behandlet igen?", history=[first, votes])
    assert again.kind == "case" and CASE in again.text
    assert [c.meeting_date for c in again.citations] == ["2023-03-06", "2023-03-28"]


def test_a_followup_after_a_refused_turn_keeps_its_topic_words():
    """A refused turn cites no point to carry: "Who voted against that?" then names the previous question's topic,
    and its words are the follow-up's (they were its search text only, and the vote answer took any vote)."""
    from assistant.records import Answer

    asked = "Did Greve ask Movia for any changes to the local buses for 2025?"
    refused = Answer(asked, "The minutes do not say.", [], "en", refused=True, plan=analyse(asked).to_dict())
    follow = analyse("Who voted against that, and what did they want instead?", [refused])
    assert follow.followup and follow.intent == "votes" and follow.point_key is None
    assert "bybus" in follow.terms  # (the glossary's Danish for "local buses")
    own = analyse("Who voted against the budget?", [refused])  # a topic of its own is not mixed with the last one
    assert "bybus" not in own.terms


def test_a_vote_question_goes_to_the_point_that_records_the_vote():
    """Asked who voted against the 2024 budget, the best point by words may be another body's "Budget 2024"
    approved without a vote; the vote is in the council's second reading, also among the best points."""
    from fakes_index import meeting, point

    hedeland = meeting("Kultur- og Fritidsudvalget", "2023-05-24", [
        point("5", "Hedeland budget 2024", "23-002222", Beslutning="Godkendt.",
              Sagsfremstilling="Budget 2024 for Hedeland."),
    ])
    council = meeting("Byråd 2022-2025", "2023-10-02", [
        point("12", "Anden behandling af kommunens økonomi 2024-27", "23-003333",
              Beslutning="Byrådet vedtog forslaget. Nej: (Ø).",
              Sagsfremstilling="Byrådet behandler forslaget for anden gang efter forhandlingerne mellem "
                               "partierne i september om driften, anlæggene, skatten og budget 2024 med "
                               "overslagsårene, herunder de tekniske rettelser fra administrationen."),
    ])
    council.points[0].votes = [Vote("against", (), ("Ø",), "Nej: (Ø).")]
    settings = Settings(candidates=10)
    ans = Assistant(settings, index=FakeIndex([hedeland, council], settings)).ask("Hvem stemte imod budget 2024?")
    assert ans.kind == "votes" and ans.citations[0].case_number == "23-003333"
    assert "Enhedslisten (Ø)" in ans.text


def test_a_vote_question_on_a_matter_takes_its_votes_not_a_vote_of_the_party_on_another_point():
    """ "Da byrådet sendte planstrategien i høring, stemte nogen imod – og hvad gjorde Socialdemokratiet?": the
    strategy's point (best by words) records (Ø) against and (A) abstaining, no vote of (A) against; the same
    meeting's calendar, where (A) voted against, is not what was asked."""
    from fakes_index import meeting, point

    council = meeting("Byråd 2022-2025", "2023-09-04", [
        point("18", "Mødekalender for byrådet i 2024", "23-005195", Beslutning="Godkendt. Imod stemte (C) og (A)."),
        point("27", "Forslag til planstrategi i offentlig høring", "23-006479",
              Beslutning="Godkendt. Imod stemte (Ø). (A) undlod at stemme.",
              Sagsfremstilling="Forslaget til planstrategi sendes i offentlig høring i otte uger."),
    ])
    council.points[0].votes = [Vote("against", (), ("C", "A"), "Imod stemte (C) og (A).")]
    council.points[1].votes = [Vote("against", (), ("Ø",), "Imod stemte (Ø)."),
                               Vote("abstain", (), ("A",), "(A) undlod at stemme.")]
    settings = Settings(candidates=10)
    ans = Assistant(settings, index=FakeIndex([council], settings)).ask(
        "Da byrådet sendte forslaget til planstrategi i høring, stemte nogen så imod – og hvad gjorde "
        "Socialdemokratiet?")
    assert ans.kind == "votes" and [c.point_number for c in ans.citations] == ["27"]
    assert "Enhedslisten (Ø)" in ans.text and "Socialdemokratiet (A)" in ans.text  # against, and (A) abstaining


def test_party_positions_in_english(assistant):
    ans = assistant.ask("Which parties took a reservation on the timetable for budget 2024?")
    assert ans.lang == "en" and ans.kind == "votes"
    assert "Reservation: Carl Olsen (V, Venstre)" in ans.text and "Against" not in ans.text
    ans = assistant.ask("How did Enhedslisten vote on the timetable for budget 2024?")
    assert "Against: Enhedslisten (Ø)" in ans.text and "Venstre" not in ans.text


def test_a_partys_view_is_its_recorded_position(assistant):
    """"Hvad mente Enhedslisten om ...?" asks for the party's recorded position, not the case text."""
    ans = assistant.ask("Hvad mente Enhedslisten om tidsplanen for budget 2024?")
    assert ans.kind == "votes" and "Imod: Enhedslisten (Ø)" in ans.text and "Carl Olsen" not in ans.text
    en = assistant.ask("What did SF say about the timetable for budget 2024?")
    assert en.kind == "votes" and "Against:" in en.text and "SF (F)" in en.text


def test_no_recorded_vote_says_so_with_the_decision(assistant):
    """Who voted against, where the point records no vote: what was asked is not in the minutes (refused), said with
    the decision they record, cited."""
    first = assistant.ask("Hvor mange penge er der afsat til renovering af klubhuse?")
    ans = assistant.ask("Hvem stemte imod?", history=[first])
    assert ans.kind == "votes" and ans.refused and ans.citations
    assert "ingen afstemning" in ans.text and "Godkendt som indstillet." in ans.text


def test_a_decision_that_says_how_they_voted_is_never_said_to_record_no_vote():
    """A decision that tells the vote in words no vote is read from ("Anbefales, idet flertallet stemte for.") is
    quoted as what says how they voted, not answered with "no vote recorded"; a committee that "undlod at tage
    stilling" took no position, which is no vote."""
    from fakes_index import meeting, point

    m = meeting("Økonomiudvalget", "2024-03-04", [
        point("7", "Salg af grund ved havnen", "24-001111", Beslutning="Anbefales, idet flertallet stemte for.",
              Sagsfremstilling="Kommunen sælger grunden ved havnen til højestbydende."),
        point("8", "Rammeaftale for det sociale område", "24-002222", Beslutning="Udvalget undlod at tage stilling.",
              Sagsfremstilling="Rammeaftalen for det sociale område forelægges udvalget."),
    ])  # fmt: skip
    settings = Settings(candidates=10)
    assistant = Assistant(settings, index=FakeIndex([m], settings))
    sold = assistant.ask("Hvem stemte imod salget af grunden ved havnen?")
    assert sold.kind == "votes" and not sold.refused and "ingen afstemning" not in sold.text
    assert sold.text.startswith("Beslutningen under punkt 7 (Salg af grund ved havnen), Økonomiudvalget den 4. marts "
                                "2024, siger, hvordan der blev stemt:\n»Anbefales, idet flertallet stemte for.« [1]")
    framework = assistant.ask("Hvem stemte imod rammeaftalen for det sociale område?")
    assert framework.kind == "votes" and framework.refused
    assert framework.text.startswith("Referatet nævner ingen afstemning under punkt 8")


def test_a_points_path_from_its_decisions_and_printed_history(assistant):
    first = assistant.ask("Hvor mange penge er der afsat til renovering af klubhuse?")
    ans = assistant.ask("Hvornår blev det behandlet tidligere?", history=[first])
    assert ans.kind == "case"
    lines = ans.text.splitlines()
    order = [next(i for i, ln in enumerate(lines) if key in ln) for key in
             ("Økonomiudvalget den 3. april 2023 Punkt 9", "8. maj 2023", "12. juni 2023")]  # fmt: skip
    assert order == sorted(order)
    assert "Punktet genoptages." in ans.text and "Godkendt som indstillet." in ans.text


def test_a_new_topic_is_not_carried_to_the_previous_point(assistant):
    first = assistant.ask("Hvor mange penge er der afsat til renovering af klubhuse?")
    plan = analyse("Hvad besluttede byrådet om tidsplanen for budget 2024?", [first])
    assert plan.point_key is None


def test_a_question_opening_with_og_or_so_continues_the_previous_turn(assistant):
    """"Og ..."/"And ..."/"So ..." opens a next turn of the same matter, whatever words of its own it adds: the
    previous turn's committee and case are carried ("And what will the citizens pay themselves per month from March
    2025?" after an answer about the contract). Without the opening word the same words are a new question."""
    first = assistant.ask("Hvor mange penge er der afsat til renovering af klubhuse?")
    cited = first.citations[0]
    for question in ("Og hvor mange foreninger har søgt om penge til deres lokaler og baner i år?",
                     "And how many clubs have applied for money for their buildings and pitches this year?",
                     "So how many clubs have applied for money for their buildings and pitches this year?",
                     "ok og hvor mange foreninger har søgt om penge til deres lokaler og baner i år?",
                     "Okay, and how many clubs have applied for money for their buildings and pitches this year?"):
        plan = analyse(question, [first])
        assert plan.followup and plan.filters.committee == cited.committee, question
        assert plan.case_number == cited.case_number, question
        alone = analyse(re.sub(r"^(?:ok,? |okay,? )?(?:og|and|so) ", "", question, flags=re.I), [first])
        assert not alone.followup and alone.filters.committee is None, question


def test_a_point_number_without_a_meeting_is_the_meeting_that_has_it(assistant):
    """Point 7 exists in one meeting only (the Byråd's), not in the latest meeting (Kultur): that one, no note."""
    ans = assistant.ask("Hvad blev besluttet under punkt 7?")
    assert ans.kind == "point" and not ans.refused
    assert ans.citations[0].point_key.endswith(":7") and "Byråd" in ans.citations[0].committee
    assert "19 stemmer for" in ans.text and "findes på" not in ans.text


def test_a_point_number_of_several_meetings_is_the_latest_saying_so(assistant):
    """Point 4 exists in Økonomiudvalget 6 March and Kultur 12 June: the latest, and the answer says there are 2."""
    ans = assistant.ask("Hvad handler punkt 4 om?")
    assert ans.kind == "point" and ans.citations[0].meeting_date == "2023-06-12"
    assert ans.text.startswith("Punkt 4 findes på 2 møder; svaret gælder det seneste")
    en = assistant.ask("What is item 4 about?")
    assert en.text.startswith("Item 4 appears in 2 meetings; this answer is about the latest")
    named = assistant.ask("Hvad handler punkt 4 om på mødet i Økonomiudvalget?")  # a meeting named: no note
    assert named.citations[0].meeting_date == "2023-03-06" and "findes på" not in named.text


def test_catalog_finds_the_meetings_with_a_point_number(tmp_path):
    """The real catalog's lookup: oldest first, within the filters, visible views only."""
    from answer_corpus import meetings as corpus

    from assistant.catalog import Catalog
    from assistant.chunking import chunk_meeting
    from assistant.embedders import estimate_tokens
    from assistant.records import Filters

    catalog = Catalog(tmp_path / "catalog.sqlite")
    ms = corpus()
    for m in ms:
        m.municipality = m.municipality or "Greve Kommune"
        catalog.replace_source(m.source_path, 1, 0.0, m.source_path, m, chunk_meeting(m, 480, estimate_tokens))
    oeu, byraad, kultur = (m.meeting_id for m in ms)
    assert catalog.meeting_ids_with_point("4") == [oeu, kultur]
    assert catalog.meeting_ids_with_point("7") == [byraad]
    assert catalog.meeting_ids_with_point("4", Filters(committee="Kultur- og Fritidsudvalget")) == [kultur]
    assert catalog.meeting_ids_with_point("99") == []
    catalog.close()


def test_a_point_without_its_own_absences_names_the_meetings(assistant):
    """A point that records no absence of its own: who was away from the whole meeting, said as such."""
    first = assistant.ask("Hvad indstillede direktionen om tidsplanen for budget 2024 i Økonomiudvalget?")
    assert first.citations[0].point_number == "4"
    follow = assistant.ask("Deltog nogen ikke i behandlingen af punktet?", history=[first])
    assert follow.kind == "attendance" and follow.citations[0].point_number == "4"
    assert "afbud/fravær ved hele mødet" in follow.text and "Bo Jensen, Dorthe Lund" in follow.text
    kultur = assistant.ask("Hvornår holder biblioteket åbent om søndagen?")
    none = assistant.ask("Did anyone not take part in the handling of that item?", history=[kultur])
    assert none.text.startswith("The minutes name no one who did not take part in item 4")


def test_a_followup_on_the_following_year_asks_of_the_matter_s_next_edition():
    """ "And in the following year's budget, what changed?" after "its 2024 budget": the 2025 budget, another point
    and case of the same matter, not the point the first answer cited (nor its meeting); "Og året før?" likewise
    counts back from the year the previous question named."""
    from fakes_index import meeting, point

    from assistant.query import absolute_years

    y23 = meeting("Økonomiudvalget", "2023-08-28", [
        point("5", "Beredskab 4K - godkendelse af budget 2024", "23-007777", Beslutning="Anbefales.",
              Sagsbeskrivelse="Budget 2024 for Beredskab 4K giver en ny stilling som brandinspektør.")])
    y24 = meeting("Økonomiudvalget", "2024-08-28", [
        point("10", "Beredskab 4K - godkendelse af budget 2025", "24-008888", Beslutning="Anbefales.",
              Sagsbeskrivelse="Budget 2025 for Beredskab 4K har en ændring af budgettet: driftsbidraget fordeles "
                              "efter indbyggertal.")])
    settings = Settings(candidates=10)
    assistant = Assistant(settings, index=FakeIndex([y23, y24], settings))
    first = assistant.ask("What new position did Beredskab 4K add in its 2024 budget?")
    assert first.citations[0].case_number == "23-007777"
    follow = assistant.ask("And in the following year's budget, what changed?", history=[first])
    assert follow.citations[0].case_number == "24-008888"
    prev = analyse("Hvad kostede Beredskab 4K i budget 2024?")
    assert absolute_years("Og året før?", prev) == "Og 2023?"
    assert absolute_years("And the year after?", prev) == "And 2025?"
    assert absolute_years("Og i 2022?", prev) == "Og i 2022?"  # a year of its own


def test_a_followup_naming_another_body_keeps_the_topic_it_points_back_to():
    """ "Og da sundheds- og omsorgsudvalget fik de nye tal i efteråret 2024, hvad bad udvalget så om?" after a question
    on the homeless count of 2022: it names its own body and period, and "de nye tal" are the count's; that body's
    point on the 2024 count answers, not another of its points of the autumn."""
    from fakes_index import meeting, point

    social = meeting("Social- og Handicapudvalget", "2022-10-10", [
        point("3", "Orientering om den nationale hjemløsetælling 2022", "22-001111",
              Beslutning="Taget til efterretning.",
              Sagsbeskrivelse="Ved hjemløsetællingen i 2022 blev 38 hjemløse borgere fra Greve registreret.")])
    health = meeting("Sundheds- og Omsorgsudvalget", "2024-11-18", [
        point("2", "Temamøder i 2025", "24-002222", Beslutning="Godkendt. Udvalget bad om nye temaer.",
              Sagsbeskrivelse="Udvalget får forslag til temaer for de nye møder."),
        point("16", "Hjemløsetælling 2024 - orientering", "24-003333",
              Beslutning="Udvalget bad om en sag om akuttilbud til hjemløse ved ekstremt vejr.",
              Sagsbeskrivelse="Den nationale hjemløsetælling 2024 viser, at 49 hjemløse borgere hører til Greve."),
    ])
    settings = Settings(candidates=10)
    assistant = Assistant(settings, index=FakeIndex([social, health], settings))
    first = assistant.ask("Hvor mange hjemløse fra Greve blev registreret ved den nationale optælling i 2022?")
    assert first.citations[0].case_number == "22-001111"
    question = "Og da sundheds- og omsorgsudvalget fik de nye tal i efteråret 2024, hvad bad udvalget så om?"
    assert assistant.plan(question, [first]).followup
    follow = assistant.ask(question, history=[first])
    assert follow.citations[0].case_number == "24-003333"


def test_the_previous_turn_is_the_point_its_answer_cited_not_the_case_it_carried():
    """A follow-up answered from another matter than the one it carried ("Hvem stemte imod flytningen, da det var
    oppe i december?" carried the case of a wrong first answer, and cited the December point of the meeting's move):
    the next turn leans on the cited point's case and meeting."""
    from assistant.query import _previous_plan
    from assistant.records import Answer, Citation

    carried = analyse("Hvem stemte imod flytningen, da det var oppe i december?")
    carried.case_number, carried.meeting_id = "21-013827", "m-flygtninge"
    cited = Citation(number=1, municipality="Greve Kommune", committee="Byråd 2022-2025", meeting_date="2023-12-11",
                     point_number="10", point_title="Ny dato for byrådsmødet i januar 2024", case_number="23-013407",
                     source="x.json", quote="Imod stemte (A).", point_key="m-december:10")
    answered = Answer(carried.question, "...", [cited], "da", kind="votes", plan=carried.to_dict())
    prev = _previous_plan([answered])
    assert (prev.case_number, prev.meeting_id, prev.point_key) == ("23-013407", "m-december", "m-december:10")


def test_a_followup_naming_a_month_takes_the_carried_case_s_handling_then():
    """ "Og hvad skete der så, da sagen kom på igen på mødet i januar?" after the December vote on moving the
    council's January meeting: the case's January handling and what it approved, not the case's whole path."""
    from fakes_index import meeting, point

    december = meeting("Byråd 2022-2025", "2023-12-11", [
        point("10", "Ny dato for byrådsmødet i januar 2024", "23-013407",
              Beslutning="Indstillingen blev ikke godkendt, da der ikke var enighed. Imod stemte (A).",
              Indstilling="Administrationen indstiller, at byrådsmødet den 31. januar flyttes til den 29. januar.")])
    january = meeting("Byråd 2022-2025", "2024-01-08", [
        point("2", "Ny dato for byrådsmødet i januar 2024", "23-013407",
              Beslutning="Byrådet godkendte administrationens indstilling.",
              Indstilling="Administrationen indstiller, at byrådsmødet den 31. januar flyttes til den 29. januar.")])
    december.points[0].votes = [Vote("against", (), ("A",), "Imod stemte (A).")]
    settings = Settings(candidates=10)
    assistant = Assistant(settings, index=FakeIndex([december, january], settings))
    first = assistant.ask("Hvem stemte imod at flytte byrådsmødet, da det var oppe i december 2023?")
    assert first.citations[0].meeting_date == "2023-12-11"
    follow = assistant.ask("Og hvad skete der så, da sagen kom på igen på mødet i januar?", history=[first])
    assert [c.meeting_date for c in follow.citations] == ["2024-01-08"]
    assert "godkendte administrationens indstilling" in follow.text and "flyttes til den 29. januar" in follow.text
    path = assistant.ask("Hvornår blev sagen taget op igen?", history=[first])  # no period of its own: the path
    assert path.kind == "case"


def test_point_n_is_also_an_item_numbered_through_the_year(tmp_path, settings):
    """Minutes that number their items through the year ("15/2025"): "punkt 15" is that item, in the meeting's own
    points and in the catalog's lookup of meetings with a point 15 (an item of another year's numbering is not)."""
    from assistant.answerers.meeting import find_point
    from assistant.catalog import Catalog
    from assistant.chunking import chunk_meeting
    from assistant.embedders import estimate_tokens
    from assistant.readers import read_file
    from tests.conftest import FIXTURES

    meeting = read_file(FIXTURES / "readers" / "print_items_numbered_through_the_year.txt", settings).meeting
    assert find_point(meeting, "15").title == "Landsbypuljen 2025"
    assert find_point(meeting, "15/2025").title == "Landsbypuljen 2025"
    assert find_point(meeting, "2025") is None
    meeting.municipality = meeting.municipality or "Egebæk Kommune"
    catalog = Catalog(tmp_path / "catalog.sqlite")
    catalog.replace_source(meeting.source_path, 1, 0.0, meeting.source_path, meeting,
                           chunk_meeting(meeting, 480, estimate_tokens))
    assert catalog.meeting_ids_with_point("15") == [meeting.meeting_id]
    assert catalog.meeting_ids_with_point("15/2025") == [meeting.meeting_id]
    assert catalog.meeting_ids_with_point("17") == []
    catalog.close()
