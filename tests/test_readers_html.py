"""HTML minutes pages in the layouts of FORMATS.md (small fixtures written for these tests)."""

from __future__ import annotations

from datetime import datetime

import pytest

from assistant.readers import read_file
from tests.conftest import FIXTURES

HTML = FIXTURES / "readers"


def _read(name: str, settings, municipality: str | None = None):
    result = read_file(HTML / name, settings, municipality)
    assert result.ok, result.error
    return result


def test_firstagenda_web_page(settings):
    m = _read("firstagenda_web.html", settings).meeting
    assert (m.committee, m.start, m.place, m.kind) == (
        "Teknisk Udvalg",
        datetime(2025, 3, 4, 16, 30),
        "Mødelokale 2, Rådhuset",
        "referat",
    )
    assert [(p.name, p.absent) for p in m.participants] == [
        ("Hanne Kjær", False), ("Ole Bæk", True), ("Sara Møller", False)
    ]  # fmt: skip
    assert [(p.number, p.title, p.case_number) for p in m.points] == [
        ("1", "Godkendelse af dagsorden", "EMN-2025-000311"),
        ("2", "Trafiksikkerhedsplan 2025-2028", "EMN-2024-004512"),
    ]
    p2 = m.points[1]
    assert p2.decision.startswith("Indstillingen blev godkendt med den bemærkning")
    assert [s.heading for s in p2.sections] == ["Beslutninger", "Resume", "Indstilling", "Sagsfremstilling", "Bilag"]
    assert p2.attachments == ["Trafiksikkerhedsplan 2025-2028.pdf", "Uheldsstatistik.pdf"]
    assert m.points[0].section("Resume").text == "Dagsordenen for mødet forelægges til godkendelse."
    everything = "\n".join(p.full_text for p in m.points)
    for noise in ("Hent som PDF", "Kopier link", "Til toppen", "window.dataLayer", "Forside", "Cookies"):
        assert noise not in everything


def test_holbaek_label_blocks_and_running_numbers(settings):
    m = _read("holbaek.html", settings).meeting
    assert (m.committee, m.start, m.place, m.kind) == (
        "Økonomiudvalget",
        datetime(2025, 3, 12, 15, 0),
        "Byrådssalen, Holbæk Rådhus",
        "referat",
    )
    assert m.end_time == "17:10"  # "SLUTTIDSPUNKT" / "12-03-2025 17:10:00"
    assert [p.number for p in m.points] == ["174", "175", "176"]
    p = m.points[0]
    assert p.title == "Anlægsbevilling til renovering af svømmehallen"
    assert [s.heading for s in p.sections] == [
        "Sagsgang og sagstype", "Indstilling", "Beskrivelse af sagen", "Beslutning i Økonomiudvalget den 12-03-2025"
    ]  # fmt: skip
    assert p.sections[0].text.startswith("Kultur- og Fritidsudvalget")  # the repeated title line is gone
    assert p.decision == "Anbefales over for Byrådet."
    assert m.points[2].title == "Underskriftsark" and m.points[2].decision is None


def test_bronderslev_cp1252_toc_and_was_absent(settings):
    result = _read("bronderslev.html", settings)
    m = result.meeting
    assert any("cp1252" in w for w in result.warnings)
    assert (m.committee, m.start, m.place) == (
        "Økonomiudvalget",
        datetime(2025, 2, 19, 14, 0),
        "Mødelokale 1, Rådhuset",
    )
    assert [(p.number, p.title) for p in m.points] == [("1", "Fraværende"), ("2", "Salg af erhvervsgrund")]
    assert [(p.name, p.absent) for p in m.participants] == [("Birgit Holm", True)]
    p = m.points[1]
    assert p.decision.startswith("Anbefales.")
    assert p.section("Økonomi").text == "Salget giver en indtægt på 3 mio. kr."
    assert "Til toppen" not in p.full_text


def test_copenhagen_one_page_per_point(settings):
    result = _read("copenhagen_punkt.html", settings, municipality="Københavns Kommune")
    m = result.meeting
    # the page's title names it ("... | Københavns Kommune"): the document wins over the option
    assert (m.municipality, m.municipality_source) == ("Københavns Kommune", "document")
    assert (m.committee, m.start, m.place) == (
        "Økonomiudvalget",
        datetime(2025, 3, 12, 15, 30),
        "Rådhuset, udvalgsværelset",
    )
    assert len(m.points) == 1
    p = m.points[0]
    assert (p.number, p.title) == ("7", "Udvidelse af cykelparkering ved stationer")
    assert [s.heading for s in p.sections][1:] == [
        "Indstilling", "Problemstilling", "Løsning", "Økonomi", "Videre proces", "Beslutning"
    ]  # fmt: skip
    assert p.decision == "Indstillingen blev godkendt uden afstemning."
    assert not result.warnings


def test_polweb_items_case_lines_and_closed_points(settings):
    m = _read("polweb.html", settings).meeting
    assert (m.committee, m.start) == ("Byrådet", datetime(2015, 4, 28, 17, 0))
    assert [(p.number, p.case_number, p.closed) for p in m.points] == [
        ("1", "306-2015-1201", False), ("2", "306-2015-1340", True), ("3", "306-2014-5521", False)
    ]  # fmt: skip
    assert m.points[1].title == "Køb af ejendom" and not m.points[1].sections
    assert m.points[2].decision == "Vedtaget."
    assert [p.name for p in m.absent] == ["Niels Dam"]
    assert "Initialer" not in m.points[0].full_text


def test_decision_trail_sag_nr(settings):
    m = _read("decision_trail.html", settings).meeting
    assert [(p.number, p.title) for p in m.points] == [
        ("129", "Budgetopfølgning pr. 31. januar 2025"), ("130", "Valg af nyt medlem til Ældrerådet")
    ]  # fmt: skip
    assert m.points[0].decision == "Taget til efterretning."
    assert m.points[0].section("Økonomiudvalget, 18. februar 2025").text == "Anbefales."
    assert [p.name for p in m.absent] == ["Peter Krog"]
    assert m.committee == "Kommunalbestyrelsen"


@pytest.mark.parametrize("name", ["firstagenda_web.html", "holbaek.html", "polweb.html"])
def test_municipality_is_never_guessed(settings, name):
    result = _read(name, settings)
    assert result.meeting.municipality is None and result.meeting.municipality_source == ""
    assert any("--municipality" in w and "minutes.toml" in w for w in result.warnings)


def test_a_page_inside_an_aspnet_form_is_read_and_a_search_form_is_not(settings):
    """ASP.NET WebForms pages (SharePoint, the ".aspx" portals) wrap the whole body in one <form id="aspnetForm">:
    it holds the headings, so it is the page, not a form to drop (the page read as empty before). A search form has
    no heading and is dropped. The page's title names the municipality; a table row's label keeps its value alone."""
    result = _read("aspnet_form.html", settings)
    m = result.meeting
    assert (m.municipality, m.municipality_source) == ("Skive Kommune", "document")
    assert (m.committee, m.start, m.place) == ("Teknik- og Miljøudvalget", datetime(2024, 5, 14, 8, 30),
                                              "Mødelokale 3, Skive Rådhus")
    assert [(p.number, p.title, p.case_number, p.decision) for p in m.points] == [
        ("1", "Godkendelse af dagsorden", "24/8812", "Godkendt."),
        ("2", "Vinterbekæmpelse 2024-2025", "24/9034", "Anbefales godkendt med 5 stemmer for (A, V, F) og 2 imod (O)."),
    ]
    assert [(v.position, v.parties, v.count) for v in m.points[1].votes] == [
        ("for", ("A", "V", "F"), 5), ("against", ("O",), 2)]
    assert not any("Søg" in p.full_text for p in m.points)
    # the members as a list under a "Mødedeltagere" heading, one with "(afbud)"
    assert [(p.name, p.absent) for p in m.participants] == [("Mona Frost", False), ("Jens Kirk", True),
                                                            ("Lise Bak", False)]


def test_os2dagsorden_items_numbered_in_their_headings_without_a_stop(settings):
    """OS2dagsorden prints "<h3><span>1</span> Godkendelse af dagsorden</h3>": a heading's number without its stop
    starts an item (one item before); the site's name (og:site_name) names the municipality; "Møde: X" the body."""
    m = _read("os2dagsorden.html", settings).meeting
    assert (m.municipality, m.committee, m.start) == ("Faxe Kommune", "Plan- og Boligudvalget",
                                                     datetime(2025, 4, 3, 16, 0))
    assert [(p.number, p.title, p.case_number, p.decision) for p in m.points] == [
        ("1", "Godkendelse af dagsorden", "00.01.00-A00-3-25", "Godkendt."),
        ("2", "Lokalplan 512 for boliger ved Haslev Vest", "01.02.05-P16-4-24", "Anbefales over for Byrådet."),
    ]
    # the members as a table with a "Fraværende" column; the agenda's table after it names no one
    assert [(p.name, p.note, p.absent) for p in m.participants] == [
        ("Anja Holst", "A", False), ("Carl Emil Dahl", "F", False), ("Bo Riis", "Fraværende", True)]


def test_the_room_under_a_dated_title_and_the_attendance_after_the_last_item(settings):
    """A page titled with the body and the date ("Byrådet tirsdag den 12. marts 2024 kl. 19.00") prints the room
    on the line under it; "Fremmøde og inhabilitet" after the last item is the meeting's attendance, not the last
    item's text."""
    m = _read("title_date_address_attendance_after.html", settings).meeting
    assert (m.municipality, m.committee, m.start, m.place) == (
        "Kalundborg Kommune", "Byrådet", datetime(2024, 3, 12, 19, 0),
        "Byrådssalen, Kalundborg Rådhus, Holbækvej 141, 4400 Kalundborg")
    assert [(p.name, p.absent) for p in m.participants] == [
        ("Martin Damm", False), ("Gitte Bach", False), ("Lars Ryde", False), ("Bo Skou", True)]
    assert [(p.number, p.title, p.decision) for p in m.points] == [
        ("1", "Godkendelse af dagsorden", "Godkendt."), ("2", "Ny daginstitution i Svebølle", "Godkendt.")]
    assert "Inhabilitet" not in m.points[1].full_text


def test_meeting_facts_in_a_sidebar_after_the_items(settings):
    """The meeting's facts in a sidebar (<aside class="sidebar">, dropped as navigation before) after the items, as a
    definition list whose terms have no colon: they are the page's header, not the last item's text. The site's logo
    names the municipality; "Information: X har meldt afbud." is an absence."""
    m = _read("sidebar_facts.html", settings).meeting
    assert (m.municipality, m.committee, m.start, m.place) == (
        "Struer Kommune", "Sundheds- og Ældreudvalget", datetime(2024, 5, 27, 15, 30), "Mødelokale 1.07, Rådhuset")
    assert [(p.name, p.absent) for p in m.participants] == [
        ("Kirsten Lind", False), ("Ulla Brink", False), ("Jens Kvist", True), ("Mette Bro", True)]
    assert [(p.number, p.decision) for p in m.points] == [("1", "Godkendt."), ("2", "Anbefales godkendt.")]
    assert "Mødefakta" not in m.points[1].full_text


def test_meeting_facts_as_a_table_and_attendance_as_a_table_with_a_status_column(settings):
    """Labels in a table's row headers ("Mødedato | 2024-06-10", "Mødestart | 16:00", "Mødeslut"), and the members
    under "Fremmøde" in a table whose last column says who came ("Afbud" is absent, "Til stede fra punkt 3" is
    present)."""
    m = _read("facts_table_attendance.html", settings).meeting
    assert (m.municipality, m.committee, m.start, m.end_time, m.place) == (
        "Gribskov Kommune", "Økonomiudvalget", datetime(2024, 6, 10, 16, 0), "18:25", "Byrådssalen, Gribskov Rådhus")
    assert [(p.name, p.absent) for p in m.participants] == [
        ("Mads Bøgelund", False), ("Karsten Holm", False), ("Trine Eskildsen", True)]
    assert [(p.number, p.decision) for p in m.points] == [("1", "Godkendt."), ("2", "Taget til efterretning.")]


def test_a_council_page_listing_its_members_under_party_headings(settings):
    """A council's page that lists the members under a heading per party ("Socialdemokratiet (A)", "Venstre", a local
    list "Egebæklisten (E)") over a paragraph of names, then a table "Forfald og stedfortrædere" with a remark per
    member: each member gets the heading's party; a member whose remark gives an absence ("Forfald") is absent, one
    who left during the meeting ("Forlod mødet kl. 19.10") is not, and the substitute the remark names took part. The
    room is said in a sentence ("Mødet blev holdt i Byrådssalen, Egebæk Rådhus, og startede kl. 17.00.")."""
    result = read_file(HTML / "council_party_groups.html", settings)
    assert result.ok, result.error
    m = result.meeting
    assert (m.committee, m.start, m.place) == (
        "Egebæk Byråd", datetime(2025, 4, 9, 17, 0), "Byrådssalen, Egebæk Rådhus")
    assert [(p.name, p.note.split(";")[0], p.absent) for p in m.participants] == [
        ("Pia Holt", "A", False), ("Rune Dahl", "A", False), ("Sanne Kjær", "A", False), ("Tage Bro", "V", False),
        ("Ulla Friis", "V", True), ("Vagn Lund", "E", False), ("Yrsa Mørk", "V", False)]
    assert [(p.number, p.case_number, p.decision) for p in m.points] == [
        ("1", None, "Godkendt."), ("2", "25/04410", "Godkendt.")]


def test_a_post_listing_the_members_after_their_partys_name_and_items_numbered_with_a_bracket(settings):
    """A blog-style page (WordPress): under "Til stede" a line per party, "Venstre: Ib Rask (borgmester), Jonna Lund",
    "SF (F): Kaj Moe" and a local list's "Egebæklisten: Lene Ager, Mads Tofte"; "Afbud fra Nina Holt (A). I stedet
    ..." under them; items as headings "1) Godkendelse af dagsorden". Each member gets the party's letter where
    one is known (the party's name had been read as part of the first name), the one who sent apologies is absent,
    and each heading is an item (the whole page had been one item)."""
    result = read_file(HTML / "post_party_lines_bracket_items.html", settings)
    assert result.ok, result.error
    m = result.meeting
    assert (m.committee, m.start, m.place) == (
        "Kommunalbestyrelsen", datetime(2025, 3, 4, 18, 0), "Rådhussalen, Torvet 1, Egebæk")
    assert [(p.name, p.note.split(";")[0], p.absent) for p in m.participants] == [
        ("Ib Rask", "V", False), ("Jonna Lund", "V", False), ("Kaj Moe", "F", False), ("Lene Ager", "", False),
        ("Mads Tofte", "", False), ("Nina Holt", "Afbud", True), ("Ole Skau", "", False)]  # the substitute came
    assert [(p.number, p.title, p.case_number, p.closed) for p in m.points] == [
        ("1", "Godkendelse af dagsorden", None, False),
        ("2", "Takster for havnene 2026", "25/0101", False),
        ("3", "Lukket sag: Køb af ejendom", None, True),
    ]


def test_a_page_laid_out_in_tables_with_the_items_as_rows_and_their_text_in_rows_under_them(settings):
    """A hand-written page of the 2000s: a table lays out a menu cell ("Udvalg" over the links to every body) beside
    the content cell, which holds the facts' table and a table of items, "1 | Titel | Sag: ..." rows each followed by
    rows of the item's text ("<u>Beslutning i Miljøudvalget den 6. maj 2025:</u><br>Godkendt."). The menu is no
    label of the body, each item row is an item with its case number, and the text under it is its sections and
    decision (the whole page had been one row, then one item)."""
    result = read_file(HTML / "table_page_item_rows.html", settings)
    assert result.ok, result.error
    m = result.meeting
    assert (m.committee, m.start, m.place) == ("Miljøudvalget", datetime(2025, 5, 6, 16, 0), "Rådhuset, mødelokale 2")
    assert [p.name for p in m.participants] == ["Anna Krogh", "Bo Lind", "Carl Hviid"]
    assert [(p.number, p.title, p.case_number, p.closed, p.decision) for p in m.points] == [
        ("1", "Godkendelse af dagsorden", None, False, "Godkendt."),
        ("2", "Vandløbsregulativ for Egebæk Å", "25/0401", False, "Godkendt.\nImod stemte: F"),
        ("3", "Ekspropriation ved Kirkevej", None, True, None),
    ]
    assert [s.heading for s in m.points[1].sections] == [
        "Sagsfremstilling", "Indstilling", "Beslutning i Miljøudvalget den 6. maj 2025"]
    assert [(v.position, v.parties) for v in m.points[1].votes] == [("against", ("F",))]


def test_an_old_page_with_items_numbered_by_section_sign_in_table_rows(settings):
    """A FrontPage page of 2008: a sidebar menu of the body's meetings by date beside the content, items as table rows
    "§ 1 | Godkendelse af dagsorden" (in the contents and over each item's text), a member absent with a role in
    brackets ("Egon Lund (kommunalbestyrelsesmedlem)"). Each "§" row is an item with its decision; the menu's dates
    are not part of the body's name; the member with the role is absent (he had been dropped)."""
    result = read_file(HTML / "frontpage_section_sign_rows.html", settings)
    assert result.ok, result.error
    m = result.meeting
    assert (m.committee.casefold(), m.start, m.place) == (
        "ældrerådet", datetime(2008, 10, 14, 10, 0), "Mødesal 2, Rådhuset")
    assert [(p.name, p.absent) for p in m.participants] == [
        ("Agnes Dal", False), ("Børge Holm", False), ("Cecilie Vang", False), ("Dorit Bang", True), ("Egon Lund", True)]
    assert [(p.number, p.title, p.case_number, p.decision) for p in m.points] == [
        ("1", "Godkendelse af dagsorden", None, "Godkendt."),
        ("2", "Høring om kvalitetsstandard for hjemmehjælp", "27.12.00-A00-1-08",
         "Ældrerådet afgav høringssvar som foreslået."),
    ]


def test_a_list_of_members_with_a_status_badge_after_the_name(settings):
    """ "<li>Henrik Dal <span>Afbud</span></li>" and "<li>Mette Bo (V) - Afbud</li>": the status after the name makes
    the member absent, and is no part of the name (it had been read as "Henrik Dal Afbud", present)."""
    result = read_file(HTML / "portal_status_badges.html", settings)
    assert result.ok, result.error
    assert [(p.name, p.absent) for p in result.meeting.participants] == [
        ("Kasper Mo", False), ("Lise Ravn", False), ("Jakob Lund", False), ("Henrik Dal", True), ("Mette Bo", True)]


def test_a_portal_whose_decisions_stand_under_protokol_and_a_substitute_in_the_members_table(settings):
    """A portal page whose record under each point is headed "Protokol", and whose members' table marks one "Fravær"
    and lists "Carl Vang (stedfortræder for Bo Kirk)": the decisions are read, the substitute is a member (the
    table had ended at his row), and the member away is absent."""
    result = read_file(HTML / "portal_protokol_members_table.html", settings)
    assert result.ok, result.error
    m = result.meeting
    assert [(p.name, p.absent) for p in m.participants] == [
        ("Ane Lind", False), ("Carl Vang", False), ("Dora Holt", False), ("Bo Kirk", True)]
    assert [(p.number, p.case_number, p.decision) for p in m.points] == [("1", None, "Godkendt."),
                                                                        ("2", "25/1201", "Godkendt.")]


def test_a_joint_commissions_members_grouped_by_the_body_that_sent_them(settings):
    """A commission of several municipalities lists its members under the body that sent them ("Egebæk Kommune:",
    "Vestegnens Politi:"), one a line, a title before a name ("Politiinspektør Lene Bak"): each is a member (the
    first group's heading had been the only member, a wrong fact) and "Afbud:" after them is absent. The room is in a
    sentence after the date ("Mødet blev holdt torsdag den 4. september 2025 kl. 9.00 i mødelokalet på ...")."""
    result = read_file(HTML / "joint_commission_groups.html", settings)
    assert result.ok, result.error
    m = result.meeting
    assert (m.committee, m.start, m.place) == (
        "Beredskabskommissionen for Vestegnens Brand", datetime(2025, 9, 4, 9, 0),
        "mødelokalet på Brandstation Vest, Ringvej 4, Egebæk")
    assert [(p.name, p.absent) for p in m.participants] == [
        ("Jens Dam", False), ("Lis Krog", False), ("Ole Bak", False), ("Lene Bak", False), ("Mads Frost", True)]
