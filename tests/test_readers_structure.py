"""Section finding independent of the file format: dictionary, markup, recurring stand-alone lines, decisions."""

from __future__ import annotations

from assistant.readers import structure
from assistant.records import Participant
from assistant.textutil import Block


def _b(*texts: str) -> list[Block]:
    return [Block(t) for t in texts]


def test_recurring_stand_alone_lines_become_headings_one_offs_stay_text():
    points = [
        _b("Beslutning", "Godkendt.", "Baggrund for sagen", "Skolen har fået nye elever i år.", "Enkeltstående emne",
           "En lang forklaring med punktum."),
        _b("Beslutning", "Udsat.", "Baggrund for sagen", "Vejen skal repareres inden vinteren."),
    ]  # fmt: skip
    known = structure.recurring_headings(points)
    assert known == {"baggrund for sagen"}
    sections = structure.build_sections(points[0], known)
    assert [s.heading for s in sections] == ["Beslutning", "Baggrund for sagen"]
    assert (
        sections[1].text == "Skolen har fået nye elever i år.\n\nEnkeltstående emne\n\nEn lang forklaring med punktum."
    )


def test_a_value_line_followed_by_a_heading_is_not_a_heading():
    # "Chef for X" recurs as the value of "Ansvarlig" but is followed by another short line, not a paragraph.
    points = [
        _b("Ansvarlig", "Chef for Skole", "Tid", "5 min.", "Indstilling", "Chefen indstiller, at sagen godkendes.")
    ] * 3
    assert "chef for skole" not in structure.recurring_headings(points)


def test_decision_runs_until_the_next_known_heading():
    blocks = [Block("Beslutning", 3, True, "h"), Block("Godkendt."), Block("Anbefalinger", 4, True, "h"),
              Block("Mere tekst."), Block("Økonomiudvalgets beslutning:"), Block("Anbefales."),
              Block("Resume", 3, True, "h"), Block("Kort.")]  # fmt: skip
    sections = structure.build_sections(blocks)
    assert [s.heading for s in sections] == ["Beslutning", "Resume"]
    assert (
        structure.decision_of(sections)
        == "Godkendt.\n\nAnbefalinger\n\nMere tekst.\n\nØkonomiudvalgets beslutning:\n\nAnbefales."
    )


def test_own_decision_preferred_over_quoted_forum_decisions():
    blocks = _b("Sagsfremstilling", "Tekst.", "Beslutning i Kulturudvalget den 3. maj 2024", "Anbefales.",
                "Beslutning i Byrådet den 20. maj 2024", "Godkendt.")  # fmt: skip
    sections = structure.build_sections(blocks)
    assert structure.decision_of(sections, "Byrådet") == "Godkendt."
    assert structure.decision_of(sections, "Kulturudvalget") == "Anbefales."
    sections.insert(0, structure.Section("Beslutning", "Taget til efterretning."))
    assert structure.decision_of(sections, "Kulturudvalget") == "Taget til efterretning."


def test_inline_heading_and_markup_sentences():
    sections = structure.build_sections(
        [Block("Beslutning: Godkendt uden bemærkninger."), Block("Sagen handler om noget.", 3, True, "h")]
    )
    assert [(s.heading, s.text) for s in sections] == [
        ("Beslutning", "Godkendt uden bemærkninger.\n\nSagen handler om noget.")
    ]


def test_closed_points_keep_title_only():
    p = structure.make_point("7", "Lukket: Køb af grund", _b("Beslutning", "Beslutning ikke frigivet"))
    assert p.closed and p.sections == [] and p.decision is None
    q = structure.make_point("8", "Salg af grund", _b("Beslutning ikke frigivet"))
    assert q.closed
    for marked in ("Ejendomssag - Lukket sag", "Ejendomssag (Lukket sag)", "Ejendomssag Lukket punkt"):
        r = structure.make_point("9", marked, _b("Beslutning", "Godkendt."))
        assert (r.title, r.closed, r.decision) == ("Ejendomssag", True, None), marked
    # a portal's one sentence in place of a closed point's text (it said "punktet", not "dette punkt")
    for said in ("Dette punkt er lukket for offentligheden.", "Punktet er lukket."):
        r = structure.make_point("9", "Salg af erhvervsjord", [Block(said)])
        assert r.closed and r.sections == [], said
    for said in ("Pladsen er lukket om søndagen.", "Stranden er lukket for offentligheden i ynglesæsonen."):
        assert not structure.make_point("10", "Lukning af genbrugspladsen", [Block(said)]).closed, said


def test_absences_and_name_matching():
    text = "Godkendt.\nAfbud: Anne Berg (A), Bo Holm og Carl Dam\nIkke til stede: Ingen.\nMehmet Dogru var fraværende."
    found = structure.absences_in(text)
    assert found == [
        ("Anne Berg", "Afbud"),
        ("Bo Holm", "Afbud"),
        ("Carl Dam", "Afbud"),
        ("Mehmet Dogru", "Fraværende"),
    ]
    people = [Participant("Anne Berg"), Participant("Boe Holm"), Participant("Mehmet Zeki Dogru")]
    marked = structure.mark_absent(people, found)
    assert [(p.name, p.absent) for p in marked] == [
        ("Anne Berg", True), ("Boe Holm", True), ("Mehmet Zeki Dogru", True), ("Carl Dam", True)
    ]  # fmt: skip


def test_a_list_of_people_one_a_line_with_party_and_role_after_commas():
    """eDoc prints "Name, A, Formand" a line: each line a member, the letter after the first comma the party (the
    commas made it read as one comma list: "A", "Formand Jørgen Lind" were members). A comma list wrapped mid-name
    stays a comma list."""
    assert structure.listed_names("Inge Bak, A, Formand\nJørgen Lind, V, Næstformand\nSara Holm, A") == [
        "Inge Bak (A)", "Jørgen Lind (V)", "Sara Holm (A)"]
    assert structure.listed_names("Anne Berg (A), Bo Lund (V), Carl\nHolm (C), Dorte Vang (F)") == [
        "Anne Berg (A)", "Bo Lund (V)", "Carl Holm (C)", "Dorte Vang (F)"]
    assert structure.split_names("Erling Kastrup, V") == ["Erling Kastrup"]


def test_participant_notes():
    p = structure.parse_participant("Ole Bæk (V) (Afbud)")
    assert (p.name, p.absent, p.note) == ("Ole Bæk", True, "V; Afbud")
    assert structure.parse_participant("Lise Lund (Suppleant for Ole Bæk)").absent is False
    # a portal's status badge after the party, without brackets
    p = structure.parse_participant("Allan Schack (O) Afbud")
    assert (p.name, p.absent, p.note) == ("Allan Schack", True, "O; Afbud")
    assert structure.parse_participant("Anne Afbud (A)").name == "Anne Afbud"
    assert structure.parse_participant("Michael Brix (V) - Afbud").absent
    assert structure.split_names("Afbud fra Martin Holst (V)") == ["Martin Holst"]


def test_the_text_after_an_inline_attachment_list_continues_the_text_before_it():
    """eDoc prints "Bilag" under the notice it belongs to; the next notice is the point's text again, not an
    attachment. A "Bilag" section of prose (no listed attachment in it) stays as it is."""
    blocks = [Block("a. Møder"), Block("b. Konference om sundhed"), Block("Bilag", 2, True, "h"),
              Block("2012-208960 - Konference om sundhed"), Block("c. Konference om ulighed"),
              Block("Beslutning", 2, True, "h"), Block("Taget til efterretning")]  # fmt: skip
    p = structure.make_point("1", "Meddelelser", blocks, attachments=["2012-208960 - Konference om sundhed"])
    assert [(s.heading, s.text) for s in p.sections] == [
        ("", "a. Møder\n\nb. Konference om sundhed\n\nc. Konference om ulighed"),
        ("Bilag", "2012-208960 - Konference om sundhed"),
        ("Beslutning", "Taget til efterretning"),
    ]
    prose = [Block("Sagsbeskrivelse", 2, True, "h"), Block("Udvalget orienteres."), Block("Bilag", 2, True, "h"),
             Block("I de vedlagte bilag fremgår antallet af sanktioner.")]  # fmt: skip
    q = structure.make_point("3", "Sanktioner", prose, attachments=["Oversigt over sanktioner"])
    assert [s.heading for s in q.sections] == ["Sagsbeskrivelse", "Bilag"]


def test_a_member_recorded_absent_under_some_points_only_was_at_the_meeting():
    """Decisions that record "Fraværende: ..." under each point: one recorded under every point that records absences
    missed the meeting; one recorded under some only left or came during it (FORMATS.md 10: "Name (A), sag 129-138")."""
    first = [("Lene Aagaard", "Fraværende"), ("Finn Laustsen", "Fraværende")]
    last = [*first, ("Ib Damgaard", "Fraværende")]
    assert structure.absent_throughout([first, [], first, last]) == first
    assert structure.absent_throughout([[], last]) == last
    assert structure.absent_throughout([[], []]) == []


def test_a_member_absent_from_some_points_only_is_no_absence_of_the_meeting():
    """ "Rune Stampe (Ø), sag 118-119" under "Fraværende:" of a meeting of points 113-119: at the meeting; one absent
    from every point ("sag 129-130" of points 129 and 130) was not."""
    listed = "Karin Holt (V)\nRune Stampe (Ø), sag 118-119"
    assert structure.whole_meeting(listed, [str(n) for n in range(113, 120)]) == "Karin Holt (V)"
    assert structure.whole_meeting("Peter Krog (V), sag 129-130", ["129", "130"]) == "Peter Krog (V), sag 129-130"
    assert structure.whole_meeting("Anne Berg (A), punkt 3 og 5", ["1", "2", "3", "4", "5"]) == ""
