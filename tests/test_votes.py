"""Votes and positions per point: real Greve points (FirstAgenda JSON) and the forms of other layouts."""

from __future__ import annotations

import pytest

from assistant.readers import read_file
from assistant.records import Vote
from assistant.votes import votes_in


def _point(greve_dir, settings, prefix: str, number: str):
    files = sorted(greve_dir.glob(f"{prefix}*.json"))
    assert len(files) == 1, files
    result = read_file(files[0], settings)
    assert result.ok, result.error
    return next(p for p in result.meeting.points if p.number == number)


def _votes(point) -> list[tuple]:
    return [(v.position, v.who, v.parties, v.count) for v in point.votes]


def test_count_then_parties_for_and_against(greve_dir, settings):
    p = _point(greve_dir, settings, "Byråd 2022-2025_2023-05-15T19", "36")
    assert (p.case_number, p.title) == ("22-010418", "Scenarier for kunstgræsbane på Karlslunde Stadion")
    assert _votes(p) == [
        ("for", (), (), 19),
        ("against", (), (), 1),
        ("for", ("Liselott Blixt", "Hans-Jørgen Kirstein"), ("V", "A", "C", "F", "UP-1", "UP-2"), None),
        ("against", (), ("Ø",), None),
    ]
    assert p.absent == ["Tina Rottbøll"]  # "Fraværende: Tina Rottbøll" under the decision


def test_several_proposals_each_with_for_against_and_abstain(greve_dir, settings):
    p = _point(greve_dir, settings, "Økonomiudvalget_2023-03-06T17", "3")
    assert _votes(p) == [
        ("for", ("Mehmet Zeki Dogru",), ("Ø",), None),  # "Mehmet Zeki Dogru (Ø) stemmer for."
        ("against", ("Liselott Blixt",), ("V", "D", "UP"), None),  # "V, D og Liselott Blixt (UP) stemmer imod."
        ("abstain", (), ("A", "C"), None),  # "A og C undlader."
        ("for", ("Liselott Blixt", "Mehmet Zeki Dogru"), ("V", "D", "UP", "Ø"), None),
        ("abstain", (), ("A", "C"), None),
        ("for", ("Mehmet Zeki Dogru",), ("A", "Ø"), None),
        ("against", ("Liselott Blixt",), ("V", "D", "UP"), None),
        ("abstain", (), ("C",), None),
    ]


def test_label_with_names_on_the_next_line_and_none_against(greve_dir, settings):
    p = _point(greve_dir, settings, "Økonomiudvalget_2023-02-27T08", "16")
    assert _votes(p) == [
        ("for", ("Pernille Beckmann", "Marc Genning", "Liselott Blixt", "Hans-Jørgen Kirstein",
                 "Brigitte Klintskov Jerkel", "John T. Olsen", "Mehmet Zeki Dogru"),
         ("V", "UP", "D", "C", "A", "Ø"), None),
        ("for", ("John T. Olsen", "Mehmet Zeki Dogru"), ("A", "Ø"), None),
        ("abstain", ("Brigitte Klintskov Jerkel",), ("C",), None),
    ]  # fmt: skip


def test_abstain_and_against_with_a_missing_comma(greve_dir, settings):
    p = _point(greve_dir, settings, "Økonomiudvalget_2023-02-27T08", "11")
    assert _votes(p) == [
        ("abstain", ("Pernille Beckmann", "Marc Genning", "Hans-Jørgen Kirstein", "Brigitte Klintskov Jerkel",
                     "John T. Olsen"), ("V", "D", "C", "A"), None),
        ("against", ("Liselott Blixt", "Mehmet Zeki Dogru"), ("UP", "Ø"), None),
    ]  # fmt: skip


def test_declared_not_taking_part_after_a_vote_on_it(greve_dir, settings):
    p = _point(greve_dir, settings, "Sundheds- og Omsorgsudvalget_2023-11-13", "4")
    assert _votes(p) == [
        ("against", ("Liselott Blixt", "Simon Østergaard", "Lone Mortensen", "Charlotte Levin", "Tina Rottbøll"),
         ("UP", "V", "A"), None),
        ("not-taking-part", ("Charlotte Levin",), ("A",), None),  # "erklærede, at Charlotte Levin (A) ikke kan deltage"
    ]  # fmt: skip


def test_names_one_a_line_and_declared_inhabil(greve_dir, settings):
    p = _point(greve_dir, settings, "Kultur- og Fritidsudvalget_2022-01-12", "8")
    assert _votes(p) == [
        ("for", ("Anne Marie Lyduch", "Per Lund Sørensen", "Lone Mortensen", "Charlotte Levin", "Maria Witthøft"),
         ("V", "A"), None),
        ("not-taking-part", ("Per Lund Sørensen",), ("V",), None),
    ]  # fmt: skip


def test_parties_could_not_agree(greve_dir, settings):
    p = _point(greve_dir, settings, "Byråd 2022-2025_2022-05-23T19", "27")
    assert _votes(p) == [("against", (), ("F", "Ø"), None)]  # "(F) og (Ø) kunne ikke tiltræde indstilling 2"


def test_a_committee_refraining_or_a_plain_decision_is_no_vote(greve_dir, settings):
    p = _point(greve_dir, settings, "Byråd 2022-2025_2024-12-11T16", "20")
    assert p.votes == [] and p.absent == ["Kenneth Jerkel"]


def test_every_greve_vote_names_someone_or_counts(greve_dir, settings):
    """Across all Greve points: a vote has a position, and voters or a count; no committee is a voter."""
    from assistant.readers import read_paths

    seen = 0
    for result in read_paths([greve_dir], settings):
        for p in result.meeting.points if result.ok else []:
            for v in p.votes:
                seen += 1
                assert v.position in ("for", "against", "abstain", "reservation", "not-taking-part")
                assert v.who or v.parties or v.count is not None, v
                assert not any("udvalg" in w.lower() or "byråd" in w.lower() for w in v.who), v
    assert seen > 400


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(Ø) stemmer imod", [("against", (), ("Ø",), None)]),
        ("Bjarke Abel (A) tog forbehold.", [("reservation", ("Bjarke Abel",), ("A",), None)]),
        ("Anne Berg (A) deltog ikke i sagens behandling.", [("not-taking-part", ("Anne Berg",), ("A",), None)]),
        ("Et flertal bestående af V, A og C kunne tiltræde indstillingen.", [("for", (), ("V", "A", "C"), None)]),
        # the majority of any body, not only a Byråd: Kommunalbestyrelsen, a committee
        ("Kommunalbestyrelsens flertal bestående af V, A og C stemte for.", [("for", (), ("V", "A", "C"), None)]),
        ("Økonomiudvalgets mindretal (F og Ø) kunne ikke tiltræde.", [("against", (), ("F", "Ø"), None)]),
        ("Rasmus Lind (F) kunne ikke tiltræde.", [("against", ("Rasmus Lind",), ("F",), None)]),
        ("Godkendt med 1 stemme imod (A)", [("against", (), ("A",), 1)]),
        ("V+F+Ø kan ikke tiltræde", [("against", (), ("V", "F", "Ø"), None)]),
        ("A stemmer for, V og D stemmer imod og C undlader.",
         [("for", (), ("A",), None), ("against", (), ("V", "D"), None), ("abstain", (), ("C",), None)]),
        ("Indstillingen blev godkendt med 19 stemmer for og 2 imod (F).",
         [("for", (), (), 19), ("against", (), ("F",), 2)]),
        ("Udvalget undlod at tage stilling.", []),
        # two label lines a print joined with no stop between them
        ("For stemte 5: A, V og C Imod stemte 2: Ø og F",
         [("for", (), ("A", "V", "C"), 5), ("against", (), ("Ø", "F"), 2)]),
        # the reason after "med": "med bemærkning", "med henvisning til"
        ("Imod stemte O og I med henvisning til udviklingen i serviceudgifterne.", [("against", (), ("O", "I"), None)]),
        # two label lines a print joined: "Imod" is a label, not a name voting for
        ("Godkendt. For: A, V, M, Æ (6) Imod: Ø (1)",
         [("for", (), ("A", "V", "M", "Æ"), 6), ("against", (), ("Ø",), 1)]),
        # the voters after "idet" that adds them to the decision
        ("Anbefales, idet (Ø) stemte imod.", [("against", (), ("Ø",), None)]),
        ("Økonomiudvalget anbefaler at godkende pkt. 5 idet Pernille Beckmann (V) og Marc Genning (V) undlod, og "
         "Liselott Blixt (UP) og Mehmet Zeki Dogru (Ø) stemte imod pkt. 1-4.",
         [("abstain", ("Pernille Beckmann", "Marc Genning"), ("V",), None),
          ("against", ("Liselott Blixt", "Mehmet Zeki Dogru"), ("UP", "Ø"), None)]),
        ("Mehmet Zeki Dogru (Ø) er ikke imod et nyt vandværk men mod placeringen.", []),
        ("Byrådet erklærede Maria Witthøft (A) for ikke inhabil i punktets behandling.", []),
        # labels with counts and parties, a later label in the same sentence (forms of other municipalities)
        ("For stemte 18 (A, F, Ø, B), imod stemte 13 (V, C, O, D). Indstillingen blev godkendt.",
         [("for", (), ("A", "F", "Ø", "B"), 18), ("against", (), ("V", "C", "O", "D"), 13)]),
        ("Indstillingen blev anbefalet med følgende stemmer: For stemte 4 (A, F, Ø), imod stemte 2 (V, C).",
         [("for", (), ("A", "F", "Ø"), 4), ("against", (), ("V", "C"), 2)]),
        ("For stemte 19: A, B, F og Ø", [("for", (), ("A", "B", "F", "Ø"), 19)]),
        ("Godkendt. For stemte A, V, C, F og Ø. Imod stemte D.",
         [("for", (), ("A", "V", "C", "F", "Ø"), None), ("against", (), ("D",), None)]),
        ("Stemte for: A og F, stemte imod: V", [("for", (), ("A", "F"), None), ("against", (), ("V",), None)]),
        ("Et mindretal bestående af F og Ø kan ikke anbefale indstillingen, da området er et grønt areal.",
         [("against", (), ("F", "Ø"), None)]),
        ("Udvalget kunne ikke anbefale forslaget.", []),
        ("Indstillingen blev godkendt med 16 stemmer mod 2 (F).", [("for", (), (), 16), ("against", (), ("F",), 2)]),
        ("Forslaget blev forkastet. For forslaget stemte O og C (4), imod stemte A, F, Ø og V (21).",
         [("for", (), ("O", "C"), 4), ("against", (), ("A", "F", "Ø", "V"), 21)]),
        # a sentence a print wrapped before its verb: the voter on one line, "stemte imod" on the next
        ("Udvalget anbefaler fordelingen. Søren Vang\nstemte imod tilskuddet til hallen, da han fandt,\nat det burde "
         "søges via idrætspuljen.", [("against", ("Søren Vang",), (), None)]),
        ("Godkendt.\nFor stemte:\nAnne Berg (A)\nImod stemte:\nBo Lund (V)",
         [("for", ("Anne Berg",), ("A",), None), ("against", ("Bo Lund",), ("V",), None)]),
        # two label lines a print joined into one
        ("For stemte: A, F, C og Ø (5) Imod stemte: V (3)",
         [("for", (), ("A", "F", "C", "Ø"), 5), ("against", (), ("V",), 3)]),
        ("For: 4 (A, F, I)  Imod: 2 (V)", [("for", (), ("A", "F", "I"), 4), ("against", (), ("V",), 2)]),
        ("For stemte: A, F, Ø og B (6) Imod stemte: C (1) Undlod at stemme: V (1)",
         [("for", (), ("A", "F", "Ø", "B"), 6), ("against", (), ("C",), 1), ("abstain", (), ("V",), 1)]),
        ("Undlod: 2 (V, C)", [("abstain", (), ("V", "C"), 2)]),
        ("Indstillingen blev godkendt med 4 stemmer for (A, C, Ø) mod 2 stemmer (V, O).",
         [("for", (), ("A", "C", "Ø"), 4), ("against", (), ("V", "O"), 2)]),
        ("For stemte 4 medlemmer: A, F og C.", [("for", (), ("A", "F", "C"), 4)]),
        # parties by their names, as their ballot letters
        ("Dansk Folkeparti stemte imod.", [("against", (), ("O",), None)]),
        ("Venstre og Det Konservative Folkeparti stemte imod.", [("against", (), ("V", "C"), None)]),
        ("Linda Heegaard (SF) stemte imod.", [("against", ("Linda Heegaard",), ("F",), None)]),
        # a subject's verb after a comma is no label of a later clause
        ("Bjarke Abel (A), stemte imod punkt 2.", [("against", ("Bjarke Abel",), ("A",), None)]),
    ],
)  # fmt: skip
def test_vote_forms(text, expected):
    assert [(v.position, v.who, v.parties, v.count) for v in votes_in(text)] == expected


def test_vote_round_trips_through_json():
    import json

    from assistant.records import AgendaPoint, Meeting

    vote = Vote("for", ("A B",), ("V",), "A B (V) stemte for.", None)
    m = Meeting(municipality="X Kommune", committee="Byrådet", start=None, points=[AgendaPoint("1", "T", votes=[vote])])
    assert Meeting.from_dict(json.loads(json.dumps(m.to_dict()))) == m


def test_voters_under_a_label_alone_each_with_a_remark(greve_dir, settings):
    """"Imod stemte:" on its own line, then "(F) med bemærkning om, at ..." and "(Ø) med bemærkning om, ..." as
    paragraphs: both parties voted against, and the vote's text is the lines as printed, what they said included."""
    p = _point(greve_dir, settings, "Byråd 2022-2025_2022-12-12T", "29")
    assert p.title == "Placering af ny daginstitution ved Greve Borgerhus"
    against = [v for v in p.votes if v.position == "against" and v.parties]
    assert [v.parties for v in against] == [("F", "Ø")]
    assert against[0].text.startswith("Imod stemte: (F) med bemærkning om, at ”SF stemmer mod, da vi mener")
    assert "Enhedslisten ønsker, at vi undersøger mulighed for at lave udendørs daginstitution" in against[0].text
    text = "Imod stemte:\n\nAnne Berg (A)\n\nBo Holm (V)\n\nUdvalget godkendte indstillingen."
    assert [(v.who, v.text) for v in votes_in(text)] == [  # names alone: one list, as before
        (("Anne Berg", "Bo Holm"), "Imod stemte: Anne Berg (A), Bo Holm (V)")]


def test_the_decision_beside_the_votes_is_one_line_of_its_bullet(greve_dir, settings):
    """A decision of two paragraphs ("Godkendt" / "F undlod at stemme") is quoted on its vote bullet's own line: a
    blank line inside it would end the Markdown list and print the rest as a loose paragraph."""
    from assistant.answerers.votes import answer_votes
    from assistant.query import analyse

    files = sorted(greve_dir.glob("Byråd 2022-2025_2024-06-26T*.json"))
    meeting = read_file(files[0], settings).meeting
    point = next(p for p in meeting.points if p.number == "24")
    assert "\n\n" in point.decisions[-1].text
    ans = answer_votes([(meeting, point)], analyse("Stemte alle partier for kystbeskyttelsen?"))
    decided = next(ln for ln in ans.text.splitlines() if "Beslutning" in ln)
    assert decided.startswith("  Beslutning: »Godkendt F undlod at stemme«")
    assert "\n\n" not in ans.text


def test_a_party_the_question_names_takes_the_counts_of_a_point_whose_votes_name_no_one(greve_dir, settings):
    """ "Ø og SF ville have solsikkeprogrammet realitetsbehandlet – hvordan gik afstemningen?": the proposal's point
    records only "Med stemmerne 13 for og 7 imod"; its counts (and the decision saying who wanted what) answer,
    before the budget point of the same meeting whose votes happen to name SF."""
    from assistant.answerers.votes import answer_votes, asked_position
    from assistant.query import analyse

    files = sorted(greve_dir.glob("Byråd 2022-2025_2022-10-03T*.json"))
    meeting = read_file(files[0], settings).meeting
    proposal, budget = (next(p for p in meeting.points if p.number == n) for n in ("8", "9"))
    assert "Solsikkeprogrammet" in proposal.title and not any(v.who or v.parties for v in proposal.votes)
    question = "Ø og SF ville have solsikkeprogrammet realitetsbehandlet i et udvalg – hvordan gik afstemningen?"
    ans = answer_votes([(meeting, proposal), (meeting, budget)], analyse(question))
    assert ans.citations[0].point_number == "8" and "13 for og 7 imod" in ans.text
    assert "(A), (F) og (Ø) ønskede at sende forslaget" in ans.text  # the decision beside the counts says who
    backed = analyse("The Conservatives wanted 3 million extra for the schools. Who backed it?")
    assert backed.intent == "votes" and asked_position(backed.question) == "for"


def test_a_party_asked_beside_a_position_gets_its_own_vote_where_it_did_not_take_that_position(greve_dir, settings):
    """Planstrategi 2023 in the council: (Ø) against, (A) and (F) abstained. "Stemte nogen imod – og hvad gjorde
    Socialdemokratiet og SF?" has no vote of (A) against: the votes against and (A)'s abstention answer."""
    from assistant.answerers.votes import answer_votes, votes_of
    from assistant.query import analyse

    files = sorted(greve_dir.glob("Byråd 2022-2025_2023-09-04T*.json"))
    meeting = read_file(files[0], settings).meeting
    point = next(p for p in meeting.points if p.number == "27")
    question = "Da byrådet sendte planstrategien i høring, stemte nogen så imod – og hvad gjorde Socialdemokratiet?"
    assert votes_of(point, question) == []
    ans = answer_votes([(meeting, point)], analyse(question))
    assert ans.citations[0].point_number == "27"
    assert "- Imod (1 stemme): Enhedslisten (Ø) »" in ans.text and "Imod stemte (Ø)" in ans.text
    assert "- Undlod at stemme: Socialdemokratiet (A), SF (F) »(A) og (F) undlod at stemme.«" in ans.text


def test_a_decision_that_approves_the_recommendation_quotes_what_was_approved(greve_dir, settings):
    """ "Hvad blev besluttet under punkt 2?" on the council's 8 January 2024: "Byrådet godkendte administrationens
    indstilling." says nothing alone; the Indstilling it approved follows it, on one line."""
    from assistant.answerers.meeting import answer_point
    from assistant.query import analyse

    files = sorted(greve_dir.glob("Byråd 2022-2025_2024-01-08T*.json"))
    meeting = read_file(files[0], settings).meeting
    point = next(p for p in meeting.points if p.number == "2")
    ans = answer_point(meeting, point, analyse("Hvad blev besluttet under punkt 2?"))
    lines = ans.text.splitlines()
    assert lines[1] == "»Byrådet godkendte administrationens indstilling.« [1]"
    assert lines[2].startswith("Indstilling: »") and "flyttes til mandag den 29. januar 2024" in lines[2]
    assert len(lines) == 3 and ans.citations[0].point_number == "2"


def test_a_vote_without_its_reason_gets_the_reason_another_handling_of_the_case_records(greve_dir, settings):
    """Bustrafikbestilling 2025 (case 24-006786): the council records "Imod stemte: Ø"; the Økonomiudvalg, a week
    earlier, "Mehmet Zeki Dogru (Ø) stemte imod med bemærkning om, at Ø ønsker flere afgange på busrute 224". The
    council's vote is answered with that reason, cited to the Økonomiudvalg's point; with both points answering, each
    shows its own vote once."""
    from assistant.answerers.votes import answer_votes
    from assistant.query import analyse

    def handling(prefix: str, number: str):
        files = sorted(greve_dir.glob(f"{prefix}*.json"))
        meeting = read_file(files[0], settings).meeting
        return meeting, next(p for p in meeting.points if p.number == number)

    council = handling("Byråd 2022-2025_2024-10-02T", "11")
    finance = handling("Økonomiudvalget_2024-09-25T", "7")
    assert council[1].case_number == finance[1].case_number == "24-006786"
    case = {"24-006786": [finance, council]}.get
    question = analyse("Hvem stemte imod busbestillingen for 2025 i byrådet, og hvorfor?")
    ans = answer_votes([council], question, lambda number: case(number) or [])
    lines = ans.text.splitlines()
    against = lines.index("- Imod: Enhedslisten (Ø) »Imod stemte: Ø« [1]")
    assert lines[against + 1] == (
        "  Begrundelse ved behandlingen i Økonomiudvalget den 25. september 2024: »Mehmet Zeki Dogru (Ø) stemte imod "
        "med bemærkning om, at Ø ønsker flere afgange på busrute 224.« [2]")
    cited = [(c.committee, c.point_number) for c in ans.citations]
    assert cited == [("Byråd 2022-2025", "11"), ("Økonomiudvalget", "7")]
    both = answer_votes([council, finance], question, lambda number: case(number) or [])
    assert "Begrundelse" not in both.text and len(both.citations) == 2
    assert both.text.count("ønsker flere afgange") == 2  # the Økonomiudvalg's vote, and its decision beside it
    english = answer_votes([council], analyse("Who voted against the 2025 bus order in the council, and why?"),
                           lambda number: case(number) or [])
    assert "The reason given when Økonomiudvalget handled it, 25 September 2024: »Mehmet" in english.text
    assert answer_votes([council], question).text.count("ønsker flere afgange") == 0  # no handlings given: none


def test_no_one_against_is_no_vote_against(greve_dir, settings):
    """ "Med stemmerne 15 for og ingen imod godkendte Byrådet ...": the count of those against is 0, so the point
    answers no question about who voted against (it stood first for "Who voted against the operating-grant agreement
    ...?" and answered "Against: (not named)"); its votes for still answer."""
    from assistant.answerers.votes import votes_of

    point = _point(greve_dir, settings, "Byråd 2022-2025_2023-06-19T", "13")
    assert "Forstas" in point.title
    assert ("against", (), (), 0) in _votes(point)
    assert votes_of(point, "Stemte nogen imod lejeaftalen?") == []
    assert votes_of(point, "Who voted for the lease?") != []


def test_each_vote_on_a_point_of_several_motions_says_what_it_was_on(greve_dir, settings):
    """The Conservatives' emergency package in the council (4 September 2024): C's amendment (for: C and Ø) and V's
    amendment to send the proposal to the budget negotiations (for: V, C, M, Ø, UP). "Which parties backed it, and
    what happened to it in the end?" gets each vote with its motion; a point whose votes share one motion gets none."""
    from assistant.answerers.meeting import decision_text
    from assistant.answerers.votes import answer_votes, motions
    from assistant.query import analyse

    files = sorted(greve_dir.glob("Byråd 2022-2025_2024-09-04T*.json"))
    meeting = read_file(files[0], settings).meeting
    point = next(p for p in meeting.points if p.number == "9")
    assert "akutpakke" in point.title
    on = motions(point, decision_text(point)[1])
    assert len(set(on.values())) == 2
    ans = answer_votes([(meeting, point)], analyse("Hvilke partier stemte for akutpakken til skolerne, og hvad skete "
                                                   "der med forslaget?"))
    lines = ans.text.splitlines()
    backed = lines.index("- For: Liselott Blixt (UP), Venstre (V), Det Konservative Folkeparti (C), Moderaterne (M), "
                         "Enhedslisten (Ø) »For stemte: V, C, M, Ø og Liselott Blixt (UP)« [1]")
    assert lines[backed + 1] == ("  Afstemningen gjaldt: »V stillede ændringsforslag om, at initiativretsforslaget "
                                 "oversendes til budgetforhandling« [1]")
    bus = _point(greve_dir, settings, "Byråd 2022-2025_2024-10-02T", "11")
    assert motions(bus, decision_text(bus)[1]) == {}


def test_two_motions_voted_in_the_same_words_keep_their_own_motions():
    """Two amendments each carried "For stemte: V og C." (the same words): each vote is the one under its own
    motion, the decision's order, not both the first's."""
    from assistant.answerers.votes import motions
    from assistant.records import AgendaPoint

    decision = ("C stillede ændringsforslag om flere p-pladser.\n\nFor stemte: V og C.\n\nImod stemte: A og Ø.\n\n"
                "V stillede ændringsforslag om, at sagen sendes til budgetforhandlingerne.\n\nFor stemte: V og C.")
    point = AgendaPoint("9", "Parkering", votes=[
        Vote("for", (), ("V", "C"), "For stemte: V og C."), Vote("against", (), ("A", "Ø"), "Imod stemte: A og Ø."),
        Vote("for", (), ("V", "C"), "For stemte: V og C.")])
    on = motions(point, decision)
    assert on[0] == on[1] == "C stillede ændringsforslag om flere p-pladser."
    assert on[2] == "V stillede ændringsforslag om, at sagen sendes til budgetforhandlingerne."


def test_the_reasons_a_decision_gives_beside_a_bare_vote_are_quoted_with_it(greve_dir, settings):
    """The council's quality standards (12 December 2022): "Imod stemte (F) og (Ø). (F) med bemærkning om, at ”SF
    stemmer imod, da ...”. (Ø) med bemærkning om, at ”Enhedslisten stemmer i mod, da ...”" — the decision quoted
    beside the votes is cut before Ø's reason; each party's remark is quoted under the vote."""
    from assistant.answerers.votes import answer_votes
    from assistant.query import analyse

    point = _point(greve_dir, settings, "Byråd 2022-2025_2022-12-12T", "46")
    meeting = read_file(sorted(greve_dir.glob("Byråd 2022-2025_2022-12-12T*.json"))[0], settings).meeting
    ans = answer_votes([(meeting, point)], analyse("Hvilke partier stemte imod, og hvordan begrundede de det?"))
    lines = ans.text.splitlines()
    against = lines.index("- Imod (2 stemmer): SF (F), Enhedslisten (Ø) »Imod stemte (F) og (Ø).« [1]")
    assert lines[against + 1].startswith("  Bemærkning: »(F) med bemærkning om, at ”SF stemmer imod, da vi ikke")
    assert lines[against + 2] == ("  Bemærkning: »(Ø) med bemærkning om, at ”Enhedslisten stemmer i mod, da vi ikke "
                                  "har besparelsen med i Enhedslistens budget.”« [1]")
    backed = answer_votes([(meeting, point)], analyse("Hvem stemte for?"))
    assert "Bemærkning" not in backed.text  # the votes for give no reason


def test_a_party_no_vote_of_a_roll_call_names_is_said_not_to_be_named(greve_dir, settings):
    """Budget 2023-26 in the council (3 October 2022, point 9) names who voted for and against each proposal, never
    Dansk Folkeparti: how it voted is not in the minutes, said so (refused) with the votes they record, not another
    party's votes as the answer. A party named is answered; where only a minority is named (the projects after the
    sale of Hundige Øst, 31 January 2022: (C) abstained, (Ø) and (F) against), a party not named voted with the
    majority and the votes answer as before."""
    from assistant.answerers.votes import answer_votes
    from assistant.query import analyse

    meeting = read_file(sorted(greve_dir.glob("Byråd 2022-2025_2022-10-03T*.json"))[0], settings).meeting
    budget = next(p for p in meeting.points if p.number == "9")
    for question, head in (("Hvordan stemte Dansk Folkeparti om budgettet?",
                            "Det fremgår ikke af referaterne, hvordan Dansk Folkeparti (O) stemte: afstemningerne "
                            "under punkt 9 (Budget 2023-26 - 2. behandling), Byråd 2022-2025 den 3. oktober 2022 [1] "
                            "nævner ikke partiet."),
                           ("How did Dansk Folkeparti vote on the budget?",
                            "The minutes do not say how Dansk Folkeparti (O) voted: the votes recorded under item 9")):
        ans = answer_votes([(meeting, budget)], analyse(question))
        assert ans.refused and ans.text.startswith(head), ans.text
        assert "Enhedslisten (Ø) [1]" in ans.text and [c.point_number for c in ans.citations] == ["9"]
    named = answer_votes([(meeting, budget)], analyse("Hvordan stemte Enhedslisten om budgettet?"))
    assert not named.refused and "Enhedslisten (Ø)" in named.text
    council = read_file(sorted(greve_dir.glob("Byråd 2022-2025_2022-01-31T*.json"))[0], settings).meeting
    projects = next(p for p in council.points if p.number == "22")
    minority = answer_votes([(council, projects)], analyse("Hvordan stemte Venstre om de afledte anlægsprojekter?"))
    assert minority is not None and not minority.refused and "(Ø) og (F) stemte imod" in minority.text


def test_a_count_printed_alone_goes_with_the_names_of_its_position_that_follow_it(greve_dir, settings):
    """Budget 2024-27 in the council (2 October 2023, point 12) puts several motions to the vote, each as "Med
    stemmerne 1 for og 20 imod afviste Byrådet indstillingspunkt 1a ... For stemte (Ø). Imod stemte (V), ...": each
    count is shown with the names of its position that follow it ("For (1 stemme): Enhedslisten (Ø)"), its sentence
    quoted once with them, never as a "(ikke navngivet)" line of its own beside the names."""
    from assistant.answerers.votes import answer_votes
    from assistant.query import analyse

    files = sorted(greve_dir.glob("Byråd 2022-2025_2023-10-02T*.json"))
    meeting = read_file(files[0], settings).meeting
    point = next(p for p in meeting.points if p.number == "12")
    ans = answer_votes([(meeting, point)], analyse("Hvordan stemte partierne om budgettet?"))
    votes = [ln for ln in ans.text.splitlines() if ln.startswith("- ")]
    assert votes[0].startswith("- For (1 stemme): Enhedslisten (Ø) »Med stemmerne 1 for og 20 imod afviste Byrådet "
                               "indstillingspunkt 1a")
    assert votes[1].startswith("- Imod (20 stemmer): Liselott Blixt") and "»Imod stemte (V), (A), (C)" in votes[1]
    assert votes[2].startswith("- For (20 stemmer): ") and "indstillingspunkt 1b" in votes[2]
    assert votes[3] == "- Imod (1 stemme): Enhedslisten (Ø) »Imod stemte (Ø).« [1]"
    assert "ikke navngivet" not in ans.text
    assert ans.text.count("Med stemmerne 1 for og 20 imod") == 1
    english = answer_votes([(meeting, point)], analyse("How did the parties vote on the budget?"))
    assert english.text.splitlines()[1].startswith("- For (1 vote): Enhedslisten (Ø) »Med stemmerne 1 for og 20")


@pytest.mark.parametrize(("text", "shown"), [
    ("Med 4 stemmer for og 3 imod blev indstillingen godkendt.",  # no names: the counts alone
     [("for", "4 stemmer (ikke navngivet)", None), ("against", "3 stemmer (ikke navngivet)", None)]),
    ("Med stemmerne 5 for og 2 imod godkendte udvalget indstillingen. Imod stemte: (Ø) og (F).",
     [("for", "5 stemmer (ikke navngivet)", None), ("against", "Enhedslisten (Ø), SF (F)", 2)]),
    ("Med stemmerne 5 for og 1 imod godkendtes forslag 1. Imod stemte (Ø). Med stemmerne 4 for og 2 imod godkendtes "
     "forslag 2. For stemte (A) og (V). Imod stemte (Ø) og (F).",  # the first motion's votes for are not named
     [("for", "5 stemmer (ikke navngivet)", None), ("against", "Enhedslisten (Ø)", 1),
      ("for", "Socialdemokratiet (A), Venstre (V)", 4), ("against", "Enhedslisten (Ø), SF (F)", 2)]),
])  # fmt: skip
def test_counts_pair_with_the_next_names_of_their_position_before_the_next_count(text, shown):
    from assistant.answerers.votes import _who, with_counts

    votes = votes_in(text)
    pairs = with_counts(votes, votes)
    assert [(v.position, _who(v, "da"), c.count if c else None) for v, c in pairs] == shown


@pytest.mark.parametrize(("text", "who"), [
    ("For stemte: (V), (D) og Liselott Blixt (UP).", "Liselott Blixt (UP), Venstre (V), Nye Borgerlige (D)"),
    ("Mehmet Zeki Dogru (Ø) stemmer for.", "Mehmet Zeki Dogru (Ø, Enhedslisten)"),  # one member, not the party
    ("Imod stemte (Ø) og Anne Berg (Ø).", "Anne Berg (Ø, Enhedslisten), Enhedslisten (Ø)"),  # the party and a member
    ("Imod stemte (F).", "SF (F)"),
])  # fmt: skip
def test_a_member_is_shown_with_the_letter_printed_after_the_name_and_a_party_by_its_letter(text, who):
    """A member and the letter after the name are one ("Liselott Blixt (UP)", not "Liselott Blixt, ..., UP (UP)" as
    if the list UP had voted apart from her); a letter alone is the party's vote, named."""
    from assistant.answerers.votes import _who

    (vote,) = votes_in(text)
    assert _who(vote, "da") == who
