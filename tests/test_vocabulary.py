"""One vocabulary of the minutes' structure: decision headings, recommendations, a case's path, attendance and case
numbers, as the readers, the chunking, the answerer and question analysis use it."""

from __future__ import annotations

import pytest

from assistant import vocabulary as v
from assistant.records import PathEntry
from assistant.vocabulary import DecisionHeading, approves_recommendation, standard_point_named, summary_section

# Every decision-heading form of SOURCES.md and FORMATS.md, with what it says.
DECISION_HEADINGS = [
    ("Beslutning", DecisionHeading()),
    ("Beslutninger", DecisionHeading()),
    ("Afgørelse", DecisionHeading()),
    ("Beslutning i Økonomiudvalget den 19-11-2025", DecisionHeading("Økonomiudvalget", "2025-11-19")),
    ("Sundheds- og Forebyggelsesudvalgets beslutning den 04.12.2012 Punkt 2",
     DecisionHeading("Sundheds- og Forebyggelsesudvalget", "2012-12-04", "2")),
    ("Udvalgets beslutning", DecisionHeading("Udvalget")),
    ("Udvalgets beslutning:", DecisionHeading("Udvalget")),
    ("Beslutning i Udvalget for plan, udvikling og kultur (PUK) den 20-06-2013",
     DecisionHeading("Udvalget for plan, udvikling og kultur (PUK)", "2013-06-20")),
    ("Beslutning Byrådet den 12-03-2019", DecisionHeading("Byrådet", "2019-03-12")),  # PolWeb
    ("Beslutning i Økonomiudvalget den 3. marts 2015:", DecisionHeading("Økonomiudvalget", "2015-03-03")),
    ("Økonomiudvalgets beslutning under mødet den 3. marts 2015:", DecisionHeading("Økonomiudvalget", "2015-03-03")),
    ("Beslutning i Kommunalbestyrelsen", DecisionHeading("Kommunalbestyrelsen")),
    ("Beslutning i Magistraten den 3. marts 2015", DecisionHeading("Magistraten", "2015-03-03")),  # Aarhus
    ("Offentlig beslutning hvis punktet er lukket", DecisionHeading()),
    ("Økonomiudvalget, 18. februar 2025, pkt. 12:", DecisionHeading("Økonomiudvalget", "2025-02-18", "12")),  # trail
]  # fmt: skip


@pytest.mark.parametrize(("heading", "expected"), DECISION_HEADINGS)
def test_decision_headings(heading, expected):
    assert v.decision_heading(heading) == expected
    assert v.is_decision_heading(heading) and v.heading_level(heading) == 1
    assert v.section_kind(heading) == "decision"


@pytest.mark.parametrize(
    "text",
    ["Beslutningstema", "Beslutningen træffes af", "Beslutningspunkter", "Beslutning ikke frigivet",
     "Beslutningskompetence", "Det er byrådets beslutning.", "Sagsfremstilling",
     "Kommunalbestyrelsen den 30. januar 2012 Punkt 5", "Mødet, 3. marts 2015, pkt. 2",
     # another authority's decision, reported under a sub-heading of a point (a Greve "Meddelelser" point)
     "Afgørelse fra Byggeklageenheden vedr. byggetilladelse til Greve Strandvej 112", "Ankestyrelsens afgørelse"],
)  # fmt: skip
def test_not_decision_headings(text):
    assert v.decision_heading(text) is None


def test_section_kinds():
    assert [v.section_kind(h) for h in ("Indstilling", "Beslutningspunkter", "Sagsforløb", "Tidligere beslutninger",
                                         "Oversigt over politisk behandling", "Afbud", "Fraværende", "Bilag",
                                         "Sagsfremstilling")] == [
        "recommendation", "recommendation", "path", "path", "path", "attendance", "attendance", "attachments", ""
    ]  # fmt: skip
    # the Indstilling's opening line read as a heading of its own, under an empty "Indstilling" (41 Greve points)
    assert [v.section_kind(h) for h in ("Administrationen indstiller, at", "Center for Teknik & Miljø indstiller",
                                        "Hvad taler for at indstille", "Sagsbeskrivelse")] == [
        "recommendation", "recommendation", "", ""]


def test_inline_decision():
    assert v.split_inline_decision("Beslutning i Byrådet den 3. marts 2015: Godkendt.") == (
        "Beslutning i Byrådet den 3. marts 2015",
        "Godkendt.",
    )
    assert v.split_inline_decision("Beslutning: Godkendt.") is None  # undated: the readers' inline-heading rule


def test_recommendation_items():
    text = "Direktionen indstiller, at\n1. at grunden udbydes til salg, og\nat mindsteprisen fastsættes til 2,4 mio."
    assert v.recommendation_items(text) == ["grunden udbydes til salg, og", "mindsteprisen fastsættes til 2,4 mio."]
    assert v.RECOMMENDS_RE.search("Det indstilles, at")
    assert v.RECOMMENDS_RE.search("Center for Sundhed og Omsorg indstiller, at")


def test_path_entries():
    text = (
        "Kommunalbestyrelsen den 30. januar 2012 Punkt 5\nØkonomiudvalget, 3. marts 2015, pkt. 12:\n"
        "Byrådet den 26-03-2025\nDet blev vedtaget den 3. marts 2015\nBeslutning i Teknisk Udvalg den 11-08-2025\n"
        "Borgermøde i en by den 3. marts 2015\nØK den 3. marts 2015 pkt. 4"
    )
    assert v.path_entries(text) == [
        PathEntry("Kommunalbestyrelsen", "2012-01-30", "5"),
        PathEntry("Økonomiudvalget", "2015-03-03", "12"),
        PathEntry("Byrådet", "2025-03-26", ""),
        PathEntry("Teknisk Udvalg", "2025-08-11", ""),
        PathEntry("ØK", "2015-03-03", "4"),  # the abbreviation in capitals; "by" (a town) names no body
    ]


def test_attendance_meeting_and_point():
    text = "Godkendt.\nAfbud: Anne Berg (A), Bo Holm og Carl Dam\nIkke til stede: Ingen.\nMehmet Dogru var fraværende."
    assert v.absences_in(text) == [
        ("Anne Berg", "Afbud"), ("Bo Holm", "Afbud"), ("Carl Dam", "Afbud"), ("Mehmet Dogru", "Fraværende")
    ]  # fmt: skip
    assert v.absences_in("Lise Lund var forhindret i at deltage.") == [("Lise Lund", "Fraværende")]
    point = "Taget til efterretning.\n\nFølgende deltog ikke i behandlingen af punktet:\n\nAnne Berg (A)\nBo Holm (V)"
    assert v.point_absences(point) == ["Anne Berg", "Bo Holm"]
    assert v.point_absences("Følgende deltog ikke i behandlingen af punktet:") == []
    assert v.point_absences("Godkendt.\nCarl Dam (C) deltog ikke i sagens behandling.") == ["Carl Dam"]
    # the label alone and the names on the next lines, blank lines between; a sentence or a heading ends them
    following = "Godkendt.\n\nFølgende deltog ikke i behandlingen af punktet:\n\nAnne Berg (A)\n\nBo Holm (V)\n\n"
    assert v.point_absences(following + "Sagen sendes videre til Byrådet.") == ["Anne Berg", "Bo Holm"]
    assert v.absences_in("Godkendt.\n\nFraværende\n\nAnne Berg (A), Bo Holm") == [
        ("Anne Berg", "Fraværende"), ("Bo Holm", "Fraværende")
    ]  # fmt: skip
    assert v.absences_in("Fraværende\nSagsfremstilling") == []
    p = v.parse_participant("Ole Bæk (V) (Afbud)")
    assert (p.name, p.absent, p.note) == ("Ole Bæk", True, "V; Afbud")


def test_absence_labels_are_one_list_for_every_reader():
    # the ESDH covers' labels ("Forfald", "Afbud / Fraværende") are the vocabulary's too; a word that merely begins
    # like a label ("Afbudsregler") is none
    assert v.absences_in("Forfald: Bo Holm\nAfbud / Fraværende: Anne Berg (A)") == [
        ("Bo Holm", "Fraværende"), ("Anne Berg", "Afbud")
    ]  # fmt: skip
    assert v.ABSENCE_RE.match("Afbudsregler for udvalget") is None


# Every case-number form of SOURCES.md and FORMATS.md: (printed, the case number).
CASE_NUMBERS = [
    ("24-012144", "24-012144"),
    ("EMN-2025-003383", "EMN-2025-003383"),
    ("Sagsnr.: 2012-28504", "2012-28504"),
    ("Sagsnr. i ESDH: 25/20079", "25/20079"),
    ("12/27845", "12/27845"),
    ("27.00.00-A00-1-23", "27.00.00-A00-1-23"),
    ("J.nr. 27.00.00-A00-1-23", "27.00.00-A00-1-23"),
    ("J.nr.: 00.01A00-G01-1-24", "00.01A00-G01-1-24"),
    ("Sag: 24-012144", "24-012144"),
    ("Sag 306-2009-600", "306-2009-600"),
    ("Sag 00-2024-1102", "00-2024-1102"),
    ("Sagsid.: 15/1234", "15/1234"),
    ("20-072985K", "20-072985K"),
]


@pytest.mark.parametrize(("printed", "case"), CASE_NUMBERS)
def test_case_numbers_one_grammar(printed, case):
    from assistant.query import find_case_number

    assert v.find_case_numbers(printed) == [case]
    assert v.case_number_line(printed) == case  # on a line of its own under the title
    assert v.case_number_in_title(f"Budget 2026 - {printed}") == ("Budget 2026", case)  # on the title line
    assert find_case_number(f"Hvad skete der i sag {printed}?") == case.upper()  # question analysis


@pytest.mark.parametrize(
    "text", ["2025-12-09", "12-03-2025", "helhedsplan 2025-2029", "01/2025", "kl. 15.00", "24/12"]
)
def test_not_case_numbers(text):
    assert v.find_case_numbers(text) == []


def test_document_numbers_are_not_the_case():
    assert v.case_number_line("Dok.nr.: 2012-206127") is None
    assert v.case_number_line("Sagsnr.: 2012-28504 og mere tekst her") is None
    assert v.case_number_in_title("Helhedsplan 2025-2029") == ("Helhedsplan 2025-2029", None)


def test_chunking_and_answering_agree_with_the_readers():
    """A decision under "Udvalgets beslutning" is one decision: embedded once, and the answerer's decision section."""
    from assistant.answering import is_section
    from assistant.chunking import chunk_meeting
    from assistant.records import AgendaPoint, Meeting, Section

    point = AgendaPoint("2", "Salg af grund", sections=[Section("Indstilling", "Direktionen indstiller, at grunden "
                        "sælges."), Section("Udvalgets beslutning", "Anbefales over for Byrådet.")],
                        decision="Anbefales over for Byrådet.")  # fmt: skip
    m = Meeting("X Kommune", "Økonomiudvalget", None, points=[point], source_path="/x/m.txt")
    bodies = " ".join(c.body for c in chunk_meeting(m, 512))
    assert bodies.count("Anbefales over for Byrådet.") == 1
    assert is_section("Udvalgets beslutning", "beslutning")
    assert is_section("Beslutning i Byrådet den 1. maj 2025", "beslutning")
    assert not is_section("Beslutningstema", "beslutning")
    assert is_section("Beslutningspunkter", "indstilling")


def test_meeting_json_round_trips_through_the_catalog(tmp_path, settings):
    """The catalog stores a meeting as JSON; decisions, path, absences and votes come back as records."""
    from assistant.catalog import Catalog
    from assistant.readers import read_file
    from tests.conftest import FIXTURES

    result = read_file(FIXTURES / "readers" / "print_udvalg_numbered.txt", settings, "Testby Kommune")
    m = result.meeting
    assert any(p.decisions for p in m.points) and any(p.path for p in m.points)
    assert any(p.absent for p in m.points) and any(p.votes for p in m.points)
    catalog = Catalog(tmp_path / "catalog.sqlite")
    catalog.replace_source(m.source_path, 1, 1.0, "h", m, [])
    assert catalog.meeting(m.meeting_id) == m
    catalog.close()


@pytest.mark.parametrize(
    "decision, approves",
    [
        ("Godkendt.", True),
        ("1. Godkendt.\n\n2. Godkendt.", True),
        ("At 1-2: Anbefales", True),
        ("Godkendt som indstillet.", True),
        ("Anbefales over for byrådet.", True),
        ("Økonomiudvalget anbefaler overfor Byrådet, at Kultur- og Fritidsudvalgets indstilling godkendes.", True),
        ("Byrådet godkendte Økonomiudvalgets indstilling.\n\nFraværende: Tina Rottbøll", True),
        ("Indstillingen godkendt", True),
        ("Godkendt med den ændring, at Hundige Strand udgår.", False),  # says more than the recommendation
        ("Indstillingen blev ikke godkendt.", False),
        ("Orienteringen blev taget til efterretning", False),
        # an item that notes an orientation beside one that approves: the approved item is in the Indstilling
        ("1. Orienteringen om status blev taget til efterretning.\n\n2. Godkendt.", True),
        ("1. Orienteringen blev taget til efterretning.\n\n2. Godkendt med den ændring, at X udgår.", False),
        ("Orienteringen blev taget til efterretning, idet udvalget ønsker en ny sag.", False),  # a remark says more
        ("Udvalget drøftede sagen.", False),
        ("", False),
    ],
)
def test_a_decision_that_only_approves_the_recommendation(decision, approves):
    assert approves_recommendation(decision) is approves


def test_the_summary_of_a_case_is_its_resume_else_its_case_text():
    from assistant.records import Section

    greve = [Section("Beslutning", "Godkendt."), Section("Sagsbeskrivelse", "Lang tekst."),
             Section("Resume", "Kort om sagen.")]
    assert summary_section(greve).text == "Kort om sagen."
    assert summary_section([Section("Sammendrag", "Planen godkendes.")]).heading == "Sammendrag"  # eDoc
    assert summary_section([Section("Sagsfremstilling", "Udvalget skal drøfte data.")]).text.startswith("Udvalget")
    assert summary_section([Section("Resume", "  "), Section("Beslutning", "Godkendt.")]) is None


def test_the_items_of_a_recommendation_a_decision_names():
    from assistant.vocabulary import decided_items

    two = "Administrationen indstiller overfor Klima-udvalget:\n\n1. at A\n\n2. at B\n\n" \
          "Administrationen indstiller overfor Plan-udvalget:\n\n3. at C"
    assert decided_items("3. Godkendt", two) == "Administrationen indstiller overfor Plan-udvalget:\n\n3. at C"
    assert decided_items("1.-2. Godkendt.", two).startswith("Administrationen indstiller overfor Klima-udvalget:\n\n1.")
    assert decided_items("1. Godkendt 2. Ikke godkendt", two).endswith("1. at A\n\n2. at B")
    assert decided_items("Udvalget beslutter punkt a.", "Det indstilles enten\n\na. at henlægge\n\nb. at forlænge") == \
        "Det indstilles enten\n\na. at henlægge"
    assert decided_items("Godkendt med 2 stemmer imod den 5. juni", two) == ""  # no item named
    assert decided_items("3. Godkendt", "Det indstilles, at planen godkendes.") == ""  # no items to name


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("Hvad blev besluttet om godkendelse af dagsordenen?", "godkendelse af dagsorden"),
        # a change of the agenda is recorded by its approval ("sag nr. 8 blev behandlet efter sag nr. 3")
        ("Blev der byttet rundt på punkterne, da Plan- og Tryghedsudvalget holdt møde i april 2022?",
         "godkendelse af dagsorden"),
        ("Var der ændringer i dagsordenen på byrådsmødet i januar?", "godkendelse af dagsorden"),
        ("Was the agenda changed at the council meeting in January 2022?", "godkendelse af dagsorden"),
        ("Were the items reordered at the May meeting?", "godkendelse af dagsorden"),
        # a point taken off the agenda: that point's own decision says so
        ("Hvornår blev sagen om Tune Skole taget af dagsordenen?", None),
        ("Hvad blev der sagt under eventuelt?", "eventuelt"),
    ],
)
def test_a_standard_point_is_named_by_what_it_is(question, named):
    assert standard_point_named(question) == named


def test_a_case_number_line_with_the_document_number_after_it():
    """ESDH prints print the document number on the case number's line, before or after it (a line of labelled
    metadata alone: the case label's value); a case number after some other text is still no case number line."""
    assert v.case_number_line("Sagsnr.: 04.14.00-P00-2-23       Dok.nr.: 24/40977") == "04.14.00-P00-2-23"
    assert v.case_number_line("Sag 360-2024-02214   Dok. 360-2024-231502   Initialer: SLA   Lukket") == "360-2024-02214"
    assert v.case_number_line("Dok.nr.: 24/40977   Sagsnr.: 04.14.00-P00-2-23") == "04.14.00-P00-2-23"
    assert v.case_number_line("Dok.nr.: 24/40977") is None
    assert v.case_number_line("Se sag 24-012144 om budgettet") is None
    # an ESDH system's name before "sag", and a portal's access flag before the label (OS2dagsorden)
    assert v.case_number_line("Acadre-sag: 25/2145   Dok.nr.: 25/2145-18") == "25/2145"
    assert v.case_number_line("Åbent punkt  Acadre-sag: 25/2145  Dok.nr.: 25/2145-18") == "25/2145"
    assert v.case_number_line("Lukket punkt  Sagsnr.: 25/0412") == "25/0412"
    assert v.case_number_line("Lukket punkt") is None


def test_an_absence_written_as_a_sentence():
    assert v.absences_in("Ole Kamp (C) har meldt afbud. Mødet blev holdt på skolen.") == [("Ole Kamp", "Fraværende")]
    assert v.absences_in("Anne Berg var fraværende.") == [("Anne Berg", "Fraværende")]
    assert v.absences_in("Udvalget har meldt tilbage til borgeren.") == []


@pytest.mark.parametrize(("text", "name", "absent", "note"), [
    ("Jens Peter Kølle (A) - formand", "Jens Peter Kølle", False, "A; formand"),  # a role after a dash
    ("Niels Krog (V) - stedfortræder for Karin Holst", "Niels Krog", False, "V; stedfortræder for Karin Holst"),
    ("Ole Bæk (V) - Afbud", "Ole Bæk", True, "V; Afbud"),  # a status badge, as before
    ("Per Bramsen (V) (stedfortræder for Anette Vinding (V)).", "Per Bramsen", False,
     "V; stedfortræder for Anette Vinding (V)"),  # a bracket inside the note, the sentence's stop after it
])  # fmt: skip
def test_a_member_with_a_role_or_a_note_after_the_party(text, name, absent, note):
    p = v.parse_participant(text)
    assert (p.name, p.absent, p.note) == (name, absent, note)


def test_a_members_title_before_the_name_is_a_note_not_part_of_the_name():
    """ "psykolog Mette Bundgaard", "Dommer Lise Holm (formand)" (a Børn og Unge-udvalg's members by their title):
    the name is the name, the title a note after the party; a conjunction before a name is no title."""
    assert v.parse_participant("psykolog Mette Bundgaard") == v.Participant("Mette Bundgaard", note="psykolog")
    assert v.parse_participant("Dommer Lise Holm (formand)") == v.Participant("Lise Holm", note="formand; dommer")
    assert v.parse_participant("Borgmester Jens Holm (A)") == v.Participant("Jens Holm", note="A; borgmester")
    assert v.parse_participant("samt Per Hansen").name == "samt Per Hansen"
