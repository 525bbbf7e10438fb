"""Layout families, not files: the print layout in its variants and publication-portal web pages.

Two kinds of tests: fixtures written for the families the issue names (a FirstAgenda print of a city council whose
headings and case numbers run on without blank lines, a portal page with accordion items and navigation, an ESDH
print, a numbered committee print, a portal table and an agenda list), and a matrix that prints every
decision-heading and case-number form of SOURCES.md in each family and reads it back.
"""

from __future__ import annotations

from datetime import datetime

import pytest

from assistant.readers import print_layout, read_file
from assistant.records import Decision, PathEntry
from tests.conftest import FIXTURES

READERS = FIXTURES / "readers"
TOWN = "Testby Kommune"


def _read(path, settings):
    result = read_file(path, settings, TOWN)
    assert result.ok, result.error
    return result.meeting


# ---------------------------------------------------------------- the families, as fixtures


def test_firstagenda_print_of_a_city_council(settings):
    """Title, case number and "Beslutninger" on consecutive lines: each point keeps its case number, its decision
    under its heading (not in an untitled first section), and "Indstilling" does not swallow the attachments."""
    m = _read(READERS / "print_byraad_firstagenda.txt", settings)
    assert (m.committee, m.start, m.place, m.kind) == ("Byrådet", datetime(2025, 8, 27, 16, 0), "Byrådssalen, Rådhuset",
                                                       "referat")  # fmt: skip
    assert [(p.number, p.title, p.case_number, p.type_code) for p in m.points] == [
        ("1", "Godkendelse af dagsorden", "EMN-2025-003383", "B"),
        ("2", "Forslag til lokalplan 1187 for boliger ved Havnevej, endelig vedtagelse", "EMN-2024-011872", "B"),
        ("3", "Budgetopfølgning pr. 30. juni 2025", "EMN-2025-000912", "B"),
    ]
    p2 = m.points[1]
    assert [s.heading for s in p2.sections] == ["Beslutninger", "Resume", "Indstilling", "Sagsforløb", "Bilag"]
    assert p2.decision == "Indstillingen blev godkendt. Anders Bech (Ø) stemte imod.\n\nFraværende: Anders Bech"
    assert p2.section("Indstilling").text == (
        "Teknik- og Miljøforvaltningen indstiller,\nat lokalplan 1187 vedtages endeligt med de ændringer, der fremgår "
        "af høringsnotatet, og\nat kommuneplantillæg nr. 12 vedtages endeligt."
    )
    assert p2.attachments == ["Høringsnotat lokalplan 1187", "Lokalplan 1187 endelig udgave"]
    assert p2.path == [PathEntry("Teknisk Udvalg", "2025-03-03", "4"), PathEntry("Byrådet", "2025-03-26", "11"),
                       PathEntry("Teknisk Udvalg", "2025-08-11", "2")]  # fmt: skip
    assert p2.absent == ["Anders Bech"]
    assert [(v.position, v.who, v.parties) for v in p2.votes] == [("against", ("Anders Bech",), ("Ø",))]
    assert [(v.position, v.parties, v.count) for v in m.points[2].votes] == [("for", (), 19), ("against", ("F",), 2)]
    assert [(p.name, p.absent) for p in m.participants] == [
        ("Lise Holm", False), ("Mads Krogh", False), ("Anders Bech", True), ("Hanne Friis", False), ("Ulla Dahl", False)
    ]  # fmt: skip


def _pdf_of_lines(path, text: str):
    """A PDF of ``text``: one line a step, a blank line a wider gap (how pdf_text finds paragraphs), no bold."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("DejaVu", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    c.setFont("DejaVu", 10)
    y = 800
    for line in text.splitlines():
        if y < 60:
            c.showPage()
            c.setFont("DejaVu", 10)
            y = 800
        if line:
            c.drawString(60, y, line)
        y -= 14 if line else 10
    c.showPage()
    c.save()
    return path


def test_firstagenda_print_pdf_of_a_city_council(tmp_path, settings):
    """The issue's PDF: the same family as a PDF reads to the same points, case numbers and decisions."""
    text = (READERS / "print_byraad_firstagenda.txt").read_text(encoding="utf-8")
    m = _read(_pdf_of_lines(tmp_path / "byraad.pdf", text), settings)
    assert m.source_format == "firstagenda-print-pdf"
    assert [(p.number, p.case_number, [s.heading for s in p.sections]) for p in m.points] == [
        ("1", "EMN-2025-003383", ["Beslutninger", "Resume", "Indstilling"]),
        ("2", "EMN-2024-011872", ["Beslutninger", "Resume", "Indstilling", "Sagsforløb", "Bilag"]),
        ("3", "EMN-2025-000912", ["Beslutninger", "Resume", "Indstilling", "Bilag"]),
    ]
    assert [p.decision for p in m.points] == [
        "Godkendt.",
        "Indstillingen blev godkendt. Anders Bech (Ø) stemte imod.\n\nFraværende: Anders Bech",
        "Indstillingen blev godkendt med 19 stemmer for og 2 imod (F).",
    ]
    assert m.points[1].attachments == ["Høringsnotat lokalplan 1187", "Lokalplan 1187 endelig udgave"]


def test_numbered_committee_print_with_body_named_headings(settings):
    m = _read(READERS / "print_udvalg_numbered.txt", settings)
    assert (m.committee, m.start) == ("Økonomiudvalget", datetime(2025, 11, 19, 8, 0))
    assert m.place == "Mødelokale 1, Rådhuset"
    assert [(p.name, p.absent) for p in m.participants] == [
        ("Karen Lund", False), ("Per Vang", False), ("Sofie Holt", True), ("Jonas Berg", False)
    ]  # fmt: skip
    assert [(p.number, p.title, p.case_number) for p in m.points] == [
        ("1", "Godkendelse af dagsorden", "25/20079"),
        ("2", "Salg af grund ved Industrivej 12", "25/18811"),  # "Sagsnr. i ESDH:" on the title line
        ("3", "Tilsyn med plejecentre 2025", "12/27845"),
    ]
    p1, p2, p3 = m.points
    assert p1.decisions == [Decision("Godkendt.", "Økonomiudvalget", "2025-11-19", "",
                                     "Beslutning i Økonomiudvalget den 19-11-2025")]  # fmt: skip
    assert [s.heading for s in p2.sections] == ["Indstilling", "Sagsfremstilling", "Tidligere beslutninger",
                                                "Udvalgets beslutning"]  # fmt: skip
    assert p2.decision == "Anbefales over for Kommunalbestyrelsen. Jonas Berg (Ø) tog forbehold."
    assert p2.path == [PathEntry("Kommunalbestyrelsen", "2024-01-30", "5")]
    assert [(v.position, v.who) for v in p2.votes] == [("reservation", ("Jonas Berg",))]
    assert p3.decisions[0].heading == "Afgørelse" and p3.absent == ["Per Vang"]
    assert [(v.position, v.who) for v in p3.votes] == [("not-taking-part", ("Per Vang",))]


def test_esdh_print_with_labelled_case_numbers(settings):
    m = _read(READERS / "print_esdh_labelled.txt", settings)
    assert (m.committee, m.date_iso, m.kind) == ("Social- og Sundhedsudvalget", "2025-12-04", "referat")
    assert [(p.name, p.absent) for p in m.participants] == [
        ("Mette Nørgaard", False), ("Kim Juhl", False), ("Rasmus Lind", False), ("Birgit Skov", True)
    ]  # fmt: skip
    assert [(p.number, p.title, p.case_number) for p in m.points] == [
        ("1", "Meddelelser", "2012-28504"),  # past the "Dok.nr.:" line, which is not the case
        ("2", "Rehabiliteringsforløb i hjemmeplejen", "27.00.00-A00-1-23"),
    ]
    p2 = m.points[1]
    assert [(d.body, d.date, d.point) for d in p2.decisions] == [("Social- og Sundhedsudvalget", "2025-12-04", "2")]
    assert p2.absent == ["Kim Juhl"]
    assert [(v.position, v.who, v.parties) for v in p2.votes] == [
        ("for", (), ("A", "V")), ("against", ("Rasmus Lind",), ("F",)), ("not-taking-part", ("Kim Juhl",), ("V",))
    ]  # fmt: skip


def test_portal_page_with_accordion_items_and_navigation(settings):
    """The saved portal page of the issue: items in accordion buttons, navigation as plain link lists."""
    m = _read(READERS / "portal_accordion.html", settings)
    assert (m.committee, m.start, m.place, m.kind) == (
        "Social- og Sundhedsudvalget", datetime(2025, 3, 12, 15, 0), "Rådhuset, mødelokale 3", "referat"
    )  # fmt: skip
    assert [(p.number, p.title, p.case_number, p.closed) for p in m.points] == [
        ("1", "Godkendelse af dagsorden", "25-003117", False),
        ("2", "Ny model for visitation til hjemmepleje", "24-018870", False),
        ("3", "Lukket punkt: Personsag", None, True),
    ]
    p2 = m.points[1]
    assert [s.heading for s in p2.sections] == ["Beslutning", "Resume", "Indstilling", "Bilag"]
    assert p2.attachments == ["Visitationsmodel 2025.pdf", "Høringssvar fra Ældrerådet.pdf"]
    assert [(v.position, v.parties) for v in p2.votes] == [("against", ("Ø",))]
    everything = "\n".join(p.full_text for p in m.points)
    for noise in ("Byrådet", "Børne- og Skoleudvalget", "Dagsorden 9. april", "Cookies", "Hent som PDF"):
        assert noise not in everything


def test_portal_table_of_contents_then_items(settings):
    m = _read(READERS / "portal_table.html", settings)
    assert (m.committee, m.start) == ("Teknik- og Miljøudvalget", datetime(2025, 5, 6, 16, 0))
    assert [(p.number, p.title, p.case_number) for p in m.points] == [
        ("1", "Godkendelse af dagsorden", "25-004401"),
        ("2", "Vintertjeneste 2025-2026, serviceniveau", "EMN-2025-003383"),
        ("3", "Trafikplan for bymidten", "27.00.00-A00-1-23"),
    ]
    p2 = m.points[1]
    assert p2.decisions == [Decision("Anbefales over for Økonomiudvalget og Byrådet.\n\nImod stemte: (F) og (Ø).",
                                     "Teknik- og Miljøudvalget", "2025-05-06", "",
                                     "Beslutning i Teknik- og Miljøudvalget den 06-05-2025")]  # fmt: skip
    assert p2.path == [PathEntry("Byrådet", "2024-08-27", "9")]
    assert m.points[2].decision == "Udsat til næste møde."


def test_portal_agenda_list_with_case_number_column(settings):
    m = _read(READERS / "portal_list_only.html", settings)
    assert (m.committee, m.start, m.kind) == ("Børne- og Skoleudvalget", datetime(2026, 1, 14, 17, 0), "dagsorden")
    assert [(p.number, p.title, p.case_number) for p in m.points] == [
        ("1", "Godkendelse af dagsorden", "26/00112"),
        ("2", "Skoledistrikter fra skoleåret 2026/27", "25/20079"),
        ("3", "Meddelelser", "26/00140"),
    ]


def test_agenda_whose_items_are_links_is_not_navigation(tmp_path, settings):
    path = tmp_path / "dagsorden.html"
    path.write_text(
        "<html><body><nav><a href='/'>Forside</a></nav><div class='x'><a href='/u/1'>Byrådet</a>"
        "<a href='/u/2'>Økonomiudvalget</a><a href='/u/3'>Kultur- og Fritidsudvalget</a></div>"
        "<h1>Dagsorden for Kultur- og Fritidsudvalget</h1><p>Mødedato: 02.03.2026 kl. 16:00</p>"
        "<ul><li><a href='/p/1'>1. Godkendelse af dagsorden</a></li><li><a href='/p/2'>2. Tilskud til byfesten</a></li>"
        "<li><a href='/p/3'>3. Meddelelser</a></li></ul></body></html>",
        encoding="utf-8",
    )
    m = _read(path, settings)
    assert (m.committee, m.kind) == ("Kultur- og Fritidsudvalget", "dagsorden")
    assert [(p.number, p.title) for p in m.points] == [
        ("1", "Godkendelse af dagsorden"), ("2", "Tilskud til byfesten"), ("3", "Meddelelser")
    ]  # fmt: skip


def test_page_with_tilstede_and_afbud_fravaerende_blocks(tmp_path, settings):
    path = tmp_path / "miljoe.html"
    path.write_text(
        "<html><body><h1>Miljøudvalget - Referat</h1><p>Mødedato: 10.02.2026 kl. 17:00</p><p>Tilstede:</p>"
        "<p>Anne Berg (A), formand<br>Bo Holm (V)<br>Carl Dam (F)</p><p>Afbud/Fraværende:</p><p>Dorte Lund (C)</p>"
        "<h2>1. Godkendelse af dagsorden</h2><p>Sagsnr.: 26/00301</p><h3>Beslutning</h3><p>Godkendt.</p>"
        "<h2>2. Affaldsplan 2026</h2><p>Sagsnr.: 25/11873</p><h3>Beslutning</h3><p>Anbefales.</p>"
        "<p>Carl Dam (F) stemte imod.</p></body></html>",
        encoding="utf-8",
    )
    m = _read(path, settings)
    assert [(p.name, p.absent) for p in m.participants] == [
        ("Anne Berg", False), ("Bo Holm", False), ("Carl Dam", False), ("Dorte Lund", True)
    ]  # fmt: skip
    assert [(p.number, p.case_number, p.decision) for p in m.points] == [
        ("1", "26/00301", "Godkendt."), ("2", "25/11873", "Anbefales.\n\nCarl Dam (F) stemte imod.")
    ]  # fmt: skip
    assert [(v.position, v.who, v.parties) for v in m.points[1].votes] == [("against", ("Carl Dam",), ("F",))]


def test_numbered_attachment_lines_without_a_heading_are_the_attachments(tmp_path, settings):
    """ "Bilag 1: ..." lines after the Indstilling, with no "Bilag" heading: attachments, not the recommendation."""
    path = tmp_path / "byraad.txt"
    path.write_text(
        "REFERAT Byrådet d. 24-09-2025\n\nMødedato Onsdag d. 24. september 2025 kl. 17:00\n\n"
        "Punkt 1: Takstblad for ældreområdet 2026 (B)\nEMN-2025-004101\nBeslutninger\nGodkendt.\nIndstilling\n"
        "Sundhed og Omsorg indstiller,\nat takstbladet for 2026 godkendes.\nBilag 1: Takstblad 2026\n"
        "Bilag 2: Notat om prisudviklingen\n\nPunkt 2: Eventuelt (O)\nEMN-2025-000012\nBeslutninger\nIntet.\n",
        encoding="utf-8",
    )
    p1 = _read(path, settings).points[0]
    assert [s.heading for s in p1.sections] == ["Beslutninger", "Indstilling", "Bilag"]
    assert p1.section("Indstilling").text == "Sundhed og Omsorg indstiller,\nat takstbladet for 2026 godkendes."
    assert p1.attachments == ["Bilag 1: Takstblad 2026", "Bilag 2: Notat om prisudviklingen"]


# ---------------------------------------------------------------- every form in every family

HEADINGS = [  # (printed heading, body, ISO date, point) - SOURCES.md and FORMATS.md
    ("Beslutning", "", "", ""),
    ("Beslutninger", "", "", ""),
    ("Beslutning i Økonomiudvalget den 19-11-2025", "Økonomiudvalget", "2025-11-19", ""),
    ("Sundheds- og Forebyggelsesudvalgets beslutning den 04.12.2012 Punkt 2", "Sundheds- og Forebyggelsesudvalget",
     "2012-12-04", "2"),
    ("Udvalgets beslutning", "Udvalget", "", ""),
    ("Afgørelse", "", "", ""),
    ("Beslutning i Udvalget for plan, udvikling og kultur (PUK) den 20-06-2013",
     "Udvalget for plan, udvikling og kultur (PUK)", "2013-06-20", ""),
    ("Beslutning Byrådet den 12-03-2019", "Byrådet", "2019-03-12", ""),
    ("Økonomiudvalgets beslutning under mødet den 3. marts 2015", "Økonomiudvalget", "2015-03-03", ""),
    ("Beslutning i Kommunalbestyrelsen den 30. januar 2012", "Kommunalbestyrelsen", "2012-01-30", ""),
    ("Beslutning i Borgerrepræsentationen den 2025-06-12", "Borgerrepræsentationen", "2025-06-12", ""),
    ("Udvalgets beslutning:", "Udvalget", "", ""),
]  # fmt: skip
CASES = [  # (printed, the case number)
    ("24-012144", "24-012144"),
    ("EMN-2025-003383", "EMN-2025-003383"),
    ("Sagsnr.: 2012-28504", "2012-28504"),
    ("Sagsnr. i ESDH: 25/20079", "25/20079"),
    ("12/27845", "12/27845"),
    ("27.00.00-A00-1-23", "27.00.00-A00-1-23"),
    ("J.nr. 00.01A00-G01-1-24", "00.01A00-G01-1-24"),
    ("Sag: 23-001222", "23-001222"),
    ("Sag 306-2009-600", "306-2009-600"),
    ("Sagsid.: 15/1234", "15/1234"),
    ("20-072985K", "20-072985K"),
    ("EMN-2024-011872", "EMN-2024-011872"),
]
TITLES = [
    "Godkendelse af dagsorden", "Budgetopfølgning pr. 31. marts", "Salg af grund ved Industrivej",
    "Evaluering af rygestopkurser", "Trafiksikkerhedsplan for skolevejene", "Tilsyn med plejecentre",
    "Lokalplan for boliger ved Havnevej", "Ny visitationsmodel i hjemmeplejen", "Vintertjeneste og serviceniveau",
    "Kommuneplantillæg for erhvervsområde", "Tilskud til foreningernes lokaler", "Høring om madordning",
]  # fmt: skip


def _decision_text(i: int) -> str:
    return f"Indstillingen blev godkendt med en bemærkning om opfølgning i kvartal {i % 4 + 1}."


def _print_punkt(title_line: bool) -> str:
    out = ["REFERAT Økonomiudvalget d. 19-11-2025", "", "Mødedato Onsdag d. 19. november 2025 kl. 08:00",
           "Mødested Rådhuset, mødelokale 1", "Mødedeltagere Karen Lund (A), Per Vang (V), Jonas Berg (Ø)",
           ""]  # fmt: skip
    for i, ((heading, *_), (case, _), title) in enumerate(zip(HEADINGS, CASES, TITLES, strict=True), start=1):
        out += [f"Punkt {i}: {title} - {case}"] if title_line else [f"Punkt {i}: {title}", case]
        out += [heading, _decision_text(i), "Sagsfremstilling", "Sagen forelægges udvalget til beslutning.", ""]
    return "\n".join(out)


def _print_numbered(title_line: bool) -> str:
    out = ["Økonomiudvalget", "Referat", "Dato: 19.11.2025", "", "Medlemmer", "Karen Lund (A), formand",
           "Per Vang (V)", "Jonas Berg (Ø)", ""]  # fmt: skip
    for i, ((heading, *_), (case, _), title) in enumerate(zip(HEADINGS, CASES, TITLES, strict=True), start=1):
        out += [f"{i}. {title} - {case}"] if title_line else [f"{i}. {title}", "Dok.nr.: 2025-220114", case]
        out += ["Sammendrag", "Sagen forelægges udvalget til beslutning.", heading, _decision_text(i), ""]
    return "\n".join(out)


def _html(accordion: bool) -> str:
    out = ["<!DOCTYPE html><html lang='da'><head><meta charset='utf-8'><title>Referat</title></head><body>",
           "<div class='links'><a href='/a'>Forside</a><a href='/b'>Politik</a><a href='/c'>Udvalg</a></div>",
           "<h1>Økonomiudvalget</h1><div>Referat</div><div>Mødedato: 19. november 2025 kl. 8.00</div>"]  # fmt: skip
    for i, ((heading, *_), (case, _), title) in enumerate(zip(HEADINGS, CASES, TITLES, strict=True), start=1):
        if accordion:
            out.append(f"<div><button><span>{i}.</span><span>{title}</span></button><div><div>{case}</div>")
        else:
            out.append(f"<section><h2>{i}. {title}</h2><p>{case}</p>")
        out.append(f"<h3>{heading}</h3><p>{_decision_text(i)}</p><h3>Sagsfremstilling</h3>"
                   "<p>Sagen forelægges udvalget til beslutning.</p>")  # fmt: skip
        out.append("</div></div>" if accordion else "</section>")
    return "\n".join([*out, "</body></html>"])


FAMILIES = {
    "print, Punkt N, case under the title": ("txt", lambda: _print_punkt(False)),
    "print, Punkt N, case on the title line": ("txt", lambda: _print_punkt(True)),
    "print, N. Titel, case under the title": ("txt", lambda: _print_numbered(False)),
    "print, N. Titel, case on the title line": ("txt", lambda: _print_numbered(True)),
    "portal page, item headings": ("html", lambda: _html(False)),
    "portal page, accordion items": ("html", lambda: _html(True)),
}


@pytest.mark.parametrize("family", list(FAMILIES))
def test_every_heading_and_case_form_in_every_family(family, tmp_path, settings):
    ext, make = FAMILIES[family]
    path = tmp_path / f"referat.{ext}"
    path.write_text(make(), encoding="utf-8")
    m = _read(path, settings)
    assert (m.committee, m.date_iso, m.kind) == ("Økonomiudvalget", "2025-11-19", "referat")
    got = [(p.number, p.title, p.case_number) for p in m.points]
    assert got == [(str(i), t, c) for i, (t, (_, c)) in enumerate(zip(TITLES, CASES, strict=True), start=1)]
    for i, (p, (heading, body, date, point)) in enumerate(zip(m.points, HEADINGS, strict=True), start=1):
        assert p.decisions == [Decision(_decision_text(i), body, date, point, heading.rstrip(":"))], heading
        assert p.decision == _decision_text(i)
        assert [s.heading for s in p.sections if s.heading != "Sammendrag"] in (
            [heading.rstrip(":"), "Sagsfremstilling"], [heading.rstrip(":")]
        )


# ---------------------------------------------------------------- FORMATS.md families 6 and 10, written for them


def test_a_decision_protocol_with_committee_coded_case_numbers(settings):
    """Older Copenhagen protocols: "BESLUTNINGSPROTOKOL fra ordinært møde i <forum>", the date on the next line with
    its weekday and time, items "N. Titel ( )", "J.nr. BUU 12/2008", "INDSTILLING OG BESLUTNING" over the
    recommendation with "<forum>s beslutning under mødet den ...:" under it (the decision), and "Fraværende med
    afbud:" in "Fremmøde og inhabilitet". The file was not read at all before."""
    m = _read(READERS / "print_protocol_copenhagen_style.txt", settings)
    assert (m.committee, m.start, m.kind) == ("Børne- og Ungdomsudvalget", datetime(2008, 3, 12, 15, 30), "referat")
    assert [(p.number, p.title, p.case_number) for p in m.points] == [
        ("1", "Etablering af legeplads i Valby", "BUU 12/2008"), ("2", "Orientering om sygefravær", "BUU 13/2008")]
    assert m.points[0].decision == "Indstillingen blev godkendt. Enhedslisten stemte imod."
    assert m.points[1].decision == "Taget til efterretning."
    assert [p.name for p in m.participants if p.absent] == ["Anne Hansen"]  # not Bo Holm: absent from point 3 only


def test_a_title_with_the_date_and_room_after_the_forum_and_a_group_of_closed_points(settings):
    """Køge: "Referat af møde i Økonomiudvalget" / "Den 14.05.2019 kl. 16:00 i Byrådssalen"; the points under
    "Lukkede Punkter" are closed, though their titles do not say so, and the heading is no part of the point before."""
    m = _read(READERS / "print_lukkede_punkter_group.txt", settings)
    assert (m.committee, m.start, m.place) == ("Økonomiudvalget", datetime(2019, 5, 14, 16, 0), "Byrådssalen")
    assert [(p.number, p.closed) for p in m.points] == [("1", False), ("2", True)]
    assert m.points[0].decision == "Anbefales." and not m.points[1].sections
    # "Deltagere: Marie Stærke, (A), ...": each party after its own comma is the member's before it
    assert [(p.name, p.note) for p in m.participants] == [
        ("Marie Stærke", "A"), ("Niels Hörup", "A"), ("Ole Ryberg", "V; Afbud")]


def test_fravaerende_med_afbud_as_a_block_of_names(settings):
    """Hvidovre 2014 "Mødefakta": the names under "Fraværende med afbud" are absent."""
    m = _read(READERS / "print_moedefakta_fravaerende_med_afbud.txt", settings)
    assert (m.committee, m.place) == ("Teknik- og Miljøudvalget", "Rådhuset, mødelokale 1")
    assert [(p.name, p.absent) for p in m.participants] == [
        ("Per Jensen", False), ("Lise Berg", False), ("Kim Dahl", True)]


def test_running_item_numbers_without_case_numbers_and_an_earlier_bodys_decision(settings):
    """Stevns-like print: items "301. Titel" with no case number (read only because known headings follow each),
    "Ikke til stede:" over the names, the title's date, time and room on the lines after the forum, and an earlier
    body's decision "Økonomiudvalget, 10. februar 2022, pkt. 12:" before the meeting's own "Beslutning"."""
    m = _read(READERS / "print_running_numbers_no_case_numbers.txt", settings)
    assert (m.committee, m.start, m.place) == ("Kommunalbestyrelsen", datetime(2022, 2, 24, 17, 0),
                                               "Rådhuset, mødesal 1")  # fmt: skip
    assert [(p.number, p.decision) for p in m.points] == [("301", "Godkendt."), ("302", "Taget til efterretning.")]
    assert [(d.body, d.date, d.point) for d in m.points[0].decisions][0] == ("Økonomiudvalget", "2022-02-10", "12")
    assert [p.name for p in m.participants if p.absent] == ["Carsten Ørum"]


def test_a_minority_line_and_a_closed_points_public_decision(settings):
    """Ishøj-like: "V+F+Ø kan ikke tiltræde" are three votes against; a closed point keeps its title only."""
    m = _read(READERS / "print_kommunalbestyrelse_title_date_room.txt", settings)
    assert (m.committee, m.start, m.place) == ("Kommunalbestyrelsen", datetime(2022, 3, 7, 19, 0),
                                               "Ishøj Rådhus, Byrådssalen")  # fmt: skip
    assert [(v.position, v.parties) for v in m.points[1].votes] == [("against", ("V", "F", "Ø"))]
    assert m.points[2].closed and not m.points[2].sections


@pytest.mark.parametrize(
    ("cover", "closing", "end"),
    [
        ("Mødetidspunkt: kl. 16.00 - 18.30", "", "18:30"),  # a span in the time label
        ("Mødetidspunkt: 16:00\nSluttidspunkt: 19:05", "", "19:05"),  # a label of its own
        ("Mødetidspunkt: 16:00", "Mødet hævet kl. 18.45", "18:45"),  # the line closing the last point
        ("Mødetidspunkt: 16:00", "Mødet sluttede kl. 17:20.", "17:20"),
        ("Mødetidspunkt: 16:00", "", ""),  # no end printed: none invented
        ("Mødetidspunkt: 16:00", "Mødet hævet kl. 9.15", ""),  # an end before the start is no end (a misread)
    ],
)
def test_when_the_meeting_ended_is_read_from_the_cover_or_the_closing_line(cover, closing, end, tmp_path, settings):
    """Minutes print the end as a span ("kl. 16.00 - 18.30"), a "Sluttidspunkt" label or a closing line after the
    last point ("Mødet hævet kl. 18.45", FORMATS.md 4 and 9); the same text elsewhere in a point is no end."""
    path = tmp_path / "teknik.txt"
    path.write_text(
        "REFERAT Teknik- og Miljøudvalget d. 05-03-2026\n\nMødedato: 05-03-2026\n" + cover + "\n\nMødested: Rådhuset"
        "\n\nMødedeltagere: Anne Berg (A), Bo Holm (V)\n\nPunkt 1: Godkendelse af dagsorden\n26-000301\n\nBeslutning"
        "\nGodkendt.\n\nPunkt 2: Borgermøde om cykelstier\n26-000417\n\nSagsfremstilling\nBorgermødet holdes den 9. "
        "april. Mødet slutter kl. 21.00 med en rundvisning.\n\nBeslutning\nTaget til efterretning.\n\n"
        + closing + "\n",
        encoding="utf-8",
    )
    m = _read(path, settings)
    assert (m.committee, m.time_str, [p.number for p in m.points]) == ("Teknik- og Miljøudvalget", "16:00", ["1", "2"])
    assert m.end_time == end


@pytest.mark.parametrize(
    ("block", "secretary"),
    [
        ("Sekretær\nLise Mark", "Lise Mark"),  # the name under the label (Ballerup's eDoc print)
        ("Referent: Lise Mark, fuldmægtig", "Lise Mark, fuldmægtig"),  # inline, with the title printed
        ("Sekretær\nBemærkninger: Mødet holdes på biblioteket", ""),  # an empty label: the next label is no name
    ],
)
def test_who_took_the_minutes_is_read_from_the_cover(block, secretary, tmp_path, settings):
    text = (READERS / "print_esdh_labelled.txt").read_text(encoding="utf-8")
    path = tmp_path / "referat.txt"
    path.write_text(text.replace("Birgit Skov (O)\n", f"Birgit Skov (O)\n{block}\n", 1), encoding="utf-8")
    m = _read(path, settings)
    assert m.secretary == secretary
    assert [p.name for p in m.absent] == ["Birgit Skov"]


def test_a_letterhead_in_capitals_the_body_alone_on_a_line_and_headings_without_a_blank_line(settings):
    """A print with "ODSHERRED KOMMUNE" as its letterhead (one of the 98, in capitals), the body's name alone on a
    line, the date on a line of its own ("Tirsdag den 29. oktober 2024 kl. 16.00") with the room under it (in one
    paragraph with "Ordinært møde" above them), the members one a line under "Medlemmer", and each heading with its
    text on the next line, no blank line between them."""
    result = read_file(READERS / "print_caps_letterhead.txt", settings)
    assert result.ok, result.error
    m = result.meeting
    assert (m.municipality, m.municipality_source) == ("Odsherred Kommune", "document")
    assert (m.committee, m.start, m.place) == ("Børne- og Skoleudvalget", datetime(2024, 10, 29, 16, 0),
                                              "Mødelokale 2, Rådhuset")
    assert [p.name for p in m.participants] == ["Karen Holm", "Peter Lund", "Sofie Kjær"]
    assert [(p.number, p.title, p.decision) for p in m.points] == [
        ("1", "Godkendelse af dagsorden", "Godkendt."),
        ("2", "Skolestruktur i Nykøbing", "Et mindretal bestående af V kan ikke anbefale indstillingen."),
        ("3", "Meddelelser", "Taget til efterretning."),
    ]
    assert [(v.position, v.parties) for v in m.points[1].votes] == [("against", ("V",))]
    assert m.points[1].section("Sagsfremstilling").text.startswith("Byrådet har bedt om")


def test_a_numbered_print_with_the_document_number_and_status_on_the_case_line(settings):
    """ESDH and PolWeb prints put the document number, initials and the status on the case number's line
    ("Sagsnr.: 00.01.00-A00-4-24   Dok.nr.: 24/40912", "Sag 360-2024-02214   Dok. ...   Initialer: SLA   Lukket"):
    the case number is read (none was), the status "Lukket" and "Punktet behandles for lukkede døre" close a point,
    and the chairman's role after a comma in the list of members is no member."""
    result = read_file(READERS / "print_numbered_dok_on_case_line.txt", settings)
    assert result.ok, result.error
    m = result.meeting
    assert (m.municipality, m.committee, m.start, m.place) == (
        "Sorø Kommune", "Social- og Sundhedsudvalget", datetime(2024, 11, 5, 14, 0), "Mødelokale 3, Rådhuset")
    assert [(p.name, p.absent) for p in m.participants] == [
        ("Karina Thygesen", False), ("Leif Bonde", False), ("Ove Riis", False), ("Mogens Krag", False),
        ("Helle Rytter", True)]
    assert [(p.number, p.case_number, p.closed, p.decision) for p in m.points] == [
        ("1", "00.01.00-A00-4-24", False, "Godkendt."),
        ("2", "360-2024-02214", True, None),
        ("3", "05.01.00-G01-2-24", True, None),
        ("4", "29.09.00-P22-1-24", False, "Anbefales godkendt."),
    ]


def test_plain_text_items_as_sag_nr_with_title_and_journal_number_on_the_next_lines(settings):
    """Decision-trail text with "Sag nr. 1" and, without blank lines, the title, "J.nr. ..." and
    "Beslutningskompetence" under it (the whole text was read as one point); the contents list above is no item;
    absences one a line under "Fraværende:" are two people, not one."""
    result = read_file(READERS / "text_sag_nr_items.txt", settings)
    assert result.ok, result.error
    m = result.meeting
    assert (m.municipality, m.committee, m.start) == ("Furesø Kommune", "Kommunalbestyrelsen",
                                                     datetime(2024, 1, 22, 19, 0))
    assert [(p.name, p.absent) for p in m.participants] == [
        ("Ulla Berg", False), ("Tom Hald", False), ("Ida Lind", False), ("Karin Sønderby", True), ("Per Kirk", True)]
    assert [(p.number, p.title, p.case_number, p.decision) for p in m.points] == [
        ("1", "Meddelelser fra borgmesteren", "24/00112", "Taget til efterretning."),
        ("2", "Affaldsplan 2024-2035", "23/31760", "Vedtaget. Tom Hald stemte imod."),
    ]
    assert [(v.position, v.who) for v in m.points[1].votes] == [("against", ("Tom Hald",))]


def test_a_print_with_labels_in_capitals_a_wrapped_title_and_a_numbered_attachment_list(settings):
    """Labels in capitals ("MØDEDATO:", "MEDLEMMER"), substitutes under "Suppleanter:", an item title wrapped over
    two lines before its case number ("... af Lundskolen og" / "Højvangskolen" / "SAGSNR. ..."), and an attachment
    list numbered "1." and "2." under "BILAG", which is no item (it replaced items 1 and 2 before)."""
    result = read_file(READERS / "print_caps_labels_wrapped_title.txt", settings)
    assert result.ok, result.error
    m = result.meeting
    assert (m.committee, m.start.date().isoformat(), m.place) == (
        "Børne- og Skoleudvalget", "2024-05-07", "Lokale 2.14, Rådhuset")
    assert [(p.name, p.absent) for p in m.participants] == [  # a substitute ("Suppleanter:") is present
        ("Line Kragh", False), ("Peter Sand", False), ("Jonas Kjeld", True), ("Anne Holm", True), ("Mette Lund", False)]
    assert [(p.number, p.title, p.case_number, p.decision) for p in m.points] == [
        ("1", "Fremtidig skolestruktur i Skanderborg Nord - sammenlægning af Lundskolen og Højvangskolen",
         "2024-004512", "Anbefales over for Byrådet."),
        ("2", "Kvalitetsrapport for folkeskolerne 2023/24", "2024-001877", "Udvalget drøftede kvalitetsrapporten."),
        ("3", "Meddelelser", "2024-000112", "Taget til efterretning."),
        # a word hyphenated at the end of the title's first line is one word
        ("4", "Forslag til tillæg nr. 18 til kommuneplan 2021 for boliger ved Vestby", "2024-000999", "Anbefales."),
    ]


def test_a_print_with_headings_in_capitals_a_closed_mark_after_the_title_and_a_dated_line_with_a_time_span(settings):
    """"UDVALGETS BESLUTNING" in capitals is the decision heading; "REFERAT FRA ORDINÆRT MØDE" names no body (the
    body is the line above it); the date line "Mandag den 6. maj 2024 kl. 08.00 - 11.30" gives date and time; a
    title ending "(Lukket punkt)" is a closed point, titled without the mark."""
    result = read_file(READERS / "print_caps_headings_closed_mark.txt", settings)
    assert result.ok, result.error
    m = result.meeting
    assert (m.municipality, m.committee, m.start) == ("Lemvig Kommune", "Teknik- og Miljøudvalget",
                                                     datetime(2024, 5, 6, 8, 0))
    assert [(p.number, p.title, p.closed, p.decision) for p in m.points] == [
        ("1", "Godkendelse af dagsorden", False, "Godkendt."),
        ("2", "Vintervedligeholdelse 2024-2025", False, "Godkendt, idet cykelstierne prioriteres i klasse 1."),
        ("3", "Køb af ejendom", True, None),
    ]


def test_an_esdh_cover_with_the_labels_first_and_the_values_after_them(settings):
    """FORMATS.md 9: text extraction prints the cover's labels first and their values after them; the labels before
    the blank rows take the first values, those after them the last, the members' label all between. An item title
    ending in an abbreviation ("A.m.b.a.") is still an item (items 84 and 85 were lost to the chain 86-...)."""
    result = read_file(READERS / "print_labels_first_cover.txt", settings)
    assert result.ok, result.error
    m = result.meeting
    assert (m.municipality, m.committee, m.start, m.place) == (
        "Varde Kommune", "Økonomiudvalget", datetime(2024, 4, 15, 15, 0), "Mødelokale 1, Rådhuset")
    assert [(p.name, p.absent) for p in m.participants] == [
        ("Hans Lauritsen", False), ("Dorthe Kruse", False), ("Kirsten Vad", True)]
    assert [(p.number, p.title, p.case_number, p.decision) for p in m.points] == [
        ("84", "Godkendelse af dagsorden", "24/1003", "Godkendt."),
        ("85", "Kommunegaranti for lån til Varde Fjernvarme A.m.b.a.", "24/3318", "Anbefales over for Byrådet."),
        ("86", "Udbud af forsikringer 2025-2028", "24/4120", "Godkendt."),
        ("87", "Salg af erhvervsgrund i Erlev", None, None),  # "Lukket sag" under the title: closed
    ]
    assert [p.closed for p in m.points] == [False, False, False, True]


def test_a_cover_printed_as_two_columns_of_labels_over_their_values(settings):
    """Text extracted with its layout keeps a cover's two columns side by side ("Mødedato      Mødested" over
    "Tirsdag den 7. maj 2024      Mødelokale 2, Rådhuset", the members beside who was not there): each label gets
    the values of its own column."""
    result = read_file(READERS / "text_two_column_cover.txt", settings)
    assert result.ok, result.error
    m = result.meeting
    assert (m.committee, m.start, m.end_time, m.place) == (
        "Beskæftigelsesudvalget", datetime(2024, 5, 7, 15, 0), "17:15", "Mødelokale 2, Rådhuset")
    assert [(p.name, p.absent) for p in m.participants] == [
        ("Lone Kirk", False), ("Hans Wulff", False), ("Dennis Bach", True), ("Kim Ravn", False)]
    assert [(p.number, p.case_number, p.decision) for p in m.points] == [
        ("1", "00.01.00-A00-7-24", "Godkendt."), ("2", "00.30.00-S55-2-24", "Taget til efterretning.")]


def test_a_page_with_the_room_under_a_dated_line_below_the_body_heading(settings):
    """A portal page whose first heading is a cookie banner's, the body in <h1>, then "Referat – tirsdag den 4. marts
    2025 kl. 16.30" and the room in a paragraph of its own under it: the room is the meeting's place (it was none:
    only a page title that is itself dated was looked under)."""
    result = read_file(READERS / "heading_date_line_room.html", settings)
    assert result.ok, result.error
    m = result.meeting
    assert (m.committee, m.start, m.place) == (
        "Miljøudvalget", datetime(2025, 3, 4, 16, 30), "Mødelokale 2, Egebæk Rådhus, Torvet 3")
    assert [(p.number, p.case_number, p.decision) for p in m.points] == [
        ("1", None, "Godkendt."),
        ("2", "06.02.03-P20-1-25", "Udvalget godkendte, at forslaget sendes i høring i otte uger."),
    ]


def test_a_portal_with_the_members_as_a_list_in_a_label_table_and_a_download_link_beside_the_case_number(settings):
    """FirstAgenda's web page: "Mødedeltagere:" in a table whose value cell is a list, one member an item (only the
    first was read: the items ran together on one line), and the case number on a line with the item's "Hent punkt
    som PDF" link under it (no case number was read)."""
    result = read_file(READERS / "portal_label_table_list_cell.html", settings)
    assert result.ok, result.error
    m = result.meeting
    assert (m.committee, m.start, m.place) == ("Kultur- og Idrætsudvalget", datetime(2025, 1, 14, 16, 0),
                                               "Mødelokale 4, Rådhuset")
    assert [(p.name, p.absent) for p in m.participants] == [
        ("Karin Vest", False), ("Jens Ulv", False), ("Pia Sø", False), ("Otto Lind", True), ("Mads Eg", False)]
    assert [(p.number, p.title, p.case_number) for p in m.points] == [
        ("1", "Godkendelse af dagsorden", "EMN-2025-000031"),
        ("2", "Tilskud til foreningernes lederuddannelse", "EMN-2024-004410"),
    ]
    assert [(v.position, v.parties, v.count) for v in m.points[1].votes] == [("for", ("A", "Ø"), 3),
                                                                             ("against", ("V",), 1)]


def test_an_esdh_print_with_a_contents_list_without_leaders_items_out_of_order_and_an_attachment_list(settings):
    """An ESDH print (FORMATS.md 9): the cover's labels first, the members' value wrapped over two lines (a blank
    label row beside the second) and the remarks over two lines at the end; contents entries "50.  Godkendelse af
    dagsorden      89" without dot leaders (they were read as the items, the page number in the title); a closed
    point printed before the one it was moved after (53, then 52: the numbers do not rise by one); and an attachment
    list after the items that prints two items' numbers and titles again."""
    result = read_file(READERS / "print_esdh_contents_without_leaders.txt", settings)
    assert result.ok, result.error
    m = result.meeting
    assert (m.committee, m.start, m.place) == ("Teknik- og Klimaudvalget", datetime(2025, 3, 12, 15, 0),
                                               "Mødelokale 5, Rådhuset")
    assert [(p.name, p.absent) for p in m.participants] == [
        ("Bent Holm", False), ("Lise Kjær", False), ("Jonas Friis", False), ("Mette Bro", False), ("Anders Dam", False),
        ("Tove Lund", True)]
    assert [(p.number, p.title, p.case_number, p.closed) for p in m.points] == [
        ("50", "Godkendelse af dagsorden", "00.01.00-A00-3-25", False),
        ("51", "Trafiksikkerhedsplan 2025-2028", "05.13.00-P22-1-25", False),
        ("53", "Erstatning for skade på kloakledning", "06.01.00-G01-2-25", True),
        ("52", "Ny busrute til erhvervsområdet", "13.05.00-P20-4-25", False),
    ]
    assert m.points[3].decision.startswith("Anbefales over for Økonomiudvalget.")
    assert [(v.position, v.who) for v in m.points[1].votes] == [("against", ("Anders Dam",))]


def test_a_polweb_page_laid_out_in_one_table_with_a_substitute_and_counted_votes(settings):
    """An older portal that lays the whole page out in one table's cells (menu left, content right, the header a table
    of its own with the <h1>): the content was read as one table row, one point whose title was the whole header.
    The substitute under "Stedfortræder:" is present; "med 3 stemmer for (A, C og F) og 2 stemmer imod (V og Ø)" is
    a vote for and a vote against (the second count with "stemmer" was not read)."""
    result = read_file(READERS / "polweb_table_layout.html", settings)
    assert result.ok, result.error
    m = result.meeting
    assert (m.committee, m.start, m.place) == ("Kommunalbestyrelsen", datetime(2024, 9, 4, 19, 0),
                                               "Byrådssalen, Rådhuset")
    assert [(p.name, p.absent) for p in m.participants] == [
        ("Ane Krog", False), ("Bo Vinter", False), ("Eva Lund", True), ("Finn Mose", False), ("Gry Holt", False),
        ("Ib Sand", False)]
    assert [(p.number, p.title, p.case_number, p.closed) for p in m.points] == [
        ("1", "Lokalplan 17 for Havnefronten - endelig vedtagelse", "140-2024-0311", False),
        ("2", "Salg af grund, Havnevej 4", "150-2024-0877", True),
    ]
    assert [(v.position, v.parties, v.count) for v in m.points[0].votes] == [("for", ("A", "C", "F"), 3),
                                                                             ("against", ("V", "Ø"), 2)]


def test_a_protocol_print_with_time_and_place_on_one_label_and_an_item_after_an_attachment_list(settings):
    """Copenhagen's protocol style (FORMATS.md 6): the body with " - beslutningsprotokol" after it on the first line
    (no part of its name), "Tid og sted: Tirsdag den 11. marts 2025 kl. 17.00 Mødelokale 1.12, Rådhuset" (the time
    and the room were not read), and item 3, whose title wraps onto a line of its own before its journal number,
    right after item 2's attachments "1." and "2." (it was read as the list's third attachment and lost)."""
    result = read_file(READERS / "print_protocol_tid_og_sted.txt", settings)
    assert result.ok, result.error
    m = result.meeting
    assert (m.committee, m.start, m.place) == ("Kultur- og Fritidsudvalget", datetime(2025, 3, 11, 17, 0),
                                               "Mødelokale 1.12, Rådhuset")
    assert [(p.number, p.title, p.case_number, p.decision) for p in m.points] == [
        ("1", "Godkendelse af dagsorden", "25/00321", "Godkendt."),
        ("2", "Tilskud til byfesten", "25/00410", "Godkendt."),
        ("3", "Ny aftale om drift af svømmehallen i Nordby", "24/18876", "Godkendt. Sara Kvist stemte imod."),
    ]
    assert m.points[1].attachments == ["1. Ansøgning fra byfestforeningen", "2. Budget for byfesten"]


def test_a_portal_marking_closed_points_with_a_lock_text_or_a_badge_over_the_case_number(settings):
    """A lock icon's text for screen readers after the title ("Køb af plejeboliger" + "Lukket punkt") is a closing
    mark, not part of the title; the case number under "Sags ID:" is read, and so is one printed under a "Lukket
    punkt" badge in the same block."""
    result = read_file(READERS / "portal_closed_badges.html", settings)
    assert result.ok, result.error
    assert [(p.number, p.title, p.case_number, p.closed) for p in result.meeting.points] == [
        ("1", "Godkendelse af dagsorden", "EMN-2025-00031", False),
        ("2", "Køb af plejeboliger", "EMN-2025-00290", True),
        ("3", "Klage over visitation", "EMN-2025-00301", True),
    ]


def test_a_portal_with_its_logo_in_the_page_header_members_one_a_line_and_absences_under_forfald(settings):
    """The municipality in the logo's alt text inside the page's header (the header was dropped as furniture before
    the logo was looked at), the members one a line with <br> under "Medlemmer:" (only the first was read), and the
    absent under a "Forfald" heading."""
    result = read_file(READERS / "portal_header_logo_br_members.html", settings)
    assert result.ok, result.error
    m = result.meeting
    assert (m.municipality, m.committee, m.start) == ("Fanø Kommune", "Miljøudvalget", datetime(2025, 5, 6, 16, 0))
    assert [(p.name, p.absent) for p in m.participants] == [  # a member outside the parties ("løsgænger") too
        ("Anna Bech", False), ("Carl Holm", False), ("Dorte Lind", True), ("Erik Vang", False)]


def test_a_decision_trail_with_members_in_two_columns_and_sag_nr_items(settings):
    """A decision-trail print (FORMATS.md 10): the members in two columns under "Medlemmer:" (two a line, each line
    was read as one name), "Sag nr. 12" with its title wrapped over two lines, "Sags-id:" and "Beslutningskompetence:"
    in one block under it (no case number was read), and "Sag nr. 13" with "LUKKET PUNKT" printed in the margin of
    its number line (that was read as its title). A member absent from one point only ("Tine Vad (V), sag 13" under
    "Fraværende:") was at the meeting; "Journalnummer:" labels a case number and "(Lukket sag)" closes a point."""
    result = read_file(READERS / "text_sag_nr_two_column_members.txt", settings)
    assert result.ok, result.error
    m = result.meeting
    assert [(p.name, p.absent) for p in m.participants] == [
        ("Hanne Bro", False), ("Karl Dyhr", False), ("Sofie Kamp", False), ("Per Lyng", False), ("Tine Vad", False),
        ("Ulla Ryg", False), ("Mads Hviid", True)]
    assert [(p.number, p.title, p.case_number, p.closed) for p in m.points] == [
        ("12", "Lokalplan 88 for boliger ved Møllevej og Skolestien - endelig vedtagelse", "24/11870", False),
        ("13", "Køb af ejendom til daginstitution", "25/00412", True),
        ("14", "Salg af byggegrund ved Havnevej", "25/00530", True),
    ]
    assert [(v.position, v.who) for v in m.points[0].votes] == [("against", ("Per Lyng", "Tine Vad"))]


def test_a_portal_attendance_table_with_parties_by_name_and_votes_counted_in_members(settings):
    """Copenhagen's newer pages (FORMATS.md 6): the attendance as a table under "Fremmøde" whose name cell may carry
    a role in brackets ("Kirsten Bjerg (formand)": the table's reading stopped at that row) and whose party column
    names the party ("SF - Socialistisk Folkeparti": F); the votes as "For stemte 1 medlemmer: V."."""
    result = read_file(READERS / "portal_attendance_table_party_names.html", settings)
    assert result.ok, result.error
    m = result.meeting
    assert [(p.name, p.absent) for p in m.participants] == [
        ("Kirsten Bjerg", False), ("Lars Mose", False), ("Nina Friis", True)]
    assert "V" in m.participants[0].note and m.participants[1].note == "F"
    assert [(v.position, v.parties, v.count) for v in m.points[0].votes] == [("for", ("V",), 1),
                                                                             ("against", ("F",), 1)]


def test_a_closed_point_listed_only_in_the_contents_of_an_open_referat(settings):
    """eDoc's open referat lists its closed points in the contents under "Lukket referat" and prints only the open
    ones: the closed point is a point of the meeting, closed, with its title (the agenda makes both public) and
    nothing else."""
    result = read_file(READERS / "print_closed_point_in_contents_only.txt", settings)
    assert result.ok, result.error
    assert [(p.number, p.title, p.closed, p.decision) for p in result.meeting.points] == [
        ("1", "Godkendelse af dagsorden", False, "Godkendt."),
        ("2", "Værdighedspolitik 2025", False, "Anbefales over for Byrådet."),
        ("3", "Klage over afgørelse om hjælpemiddel", True, None),
    ]
    assert result.meeting.points[2].sections == []


def test_a_portal_that_prints_its_items_twice_as_plain_numbered_paragraphs(settings):
    """The contents as numbered paragraphs ("61. Godkendelse af dagsorden" ...) and then the items, numbered the same
    way, none of them a heading: the items are the printings with text under them (the chain of numbers ran through
    the contents and every item's text fell to the last entry). The municipality is Bornholms Regionskommune, the one
    of the 98 not called "Kommune"."""
    result = read_file(READERS / "portal_contents_then_items.html", settings)
    assert result.ok, result.error
    m = result.meeting
    assert (m.municipality, m.committee) == ("Bornholms Regionskommune", "Kommunalbestyrelsen")
    assert [(p.number, p.title, p.case_number, p.decision) for p in m.points] == [
        ("61", "Godkendelse af dagsorden", None, "Godkendt."),
        ("62", "Takster for havnene 2026", "08.01.00-S55-1-25",
         "Godkendt med 20 stemmer for (A, V, C, F) mod 3 stemmer (O, Æ)."),
        ("63", "Meddelelser", None, "Orienteringen blev taget til efterretning."),
    ]


def test_a_page_with_the_members_in_a_side_box_after_the_items(settings):
    """A side column printed after the items: its box of members ("Udvalgsmedlemmer", "Ikke til stede") is the
    meeting's attendance (it was read as the last item's text), and its other box ("Find andre møder", other
    meetings' dates) stays out of the header; the page's title is its <h1> (not the box's heading), with the room
    on the line under it."""
    result = read_file(READERS / "portal_members_box_after_items.html", settings)
    assert result.ok, result.error
    m = result.meeting
    assert (m.committee, m.start, m.place) == ("Kultur- og Fritidsudvalget", datetime(2025, 5, 6, 16, 0),
                                               "Mødelokale 4, Rådhuset, Torvet 1")
    assert [(p.name, p.absent) for p in m.participants] == [
        ("Rikke Holm", False), ("Jens Krog", False), ("Mona Lind", False), ("Erik Bak", True)]
    assert "Udvalgsmedlemmer" not in m.points[-1].full_text


def test_the_meeting_time_from_a_title_with_a_line_break_when_the_date_label_has_none(settings):
    """FirstAgenda's page heading "Referat<br><small>05-03-2025 kl. 17.00</small>" (read as "Referat05-03-2025"):
    its time is the meeting's when "Mødedato:" gives the same date without one."""
    m = read_file(READERS / "portal_time_in_title_break.html", settings).meeting
    assert (m.committee, m.start, m.has_time) == ("Økonomiudvalget", datetime(2025, 3, 5, 17, 0), True)


def test_a_polweb_print_with_the_status_at_the_end_of_the_initials_line(settings):
    """PolWeb prints "Sag ... Dok. ..." and, on the next line, "Initialer: KBJ      Lukket": the status closes the
    point (only the case number's own line was looked at). The municipality is named only in the page footer
    ("Solrød Kommune      Side 1 af 1")."""
    m = read_file(READERS / "print_status_on_initials_line.txt", settings).meeting
    assert m.municipality == "Solrød Kommune"
    assert [(p.number, p.case_number, p.closed, p.decision) for p in m.points] == [
        ("1", "480-2024-0101", False, "Godkendt."), ("2", "480-2024-0877", True, None)]


def test_pkt_items_with_attachment_lists_before_a_running_header_and_the_forum_decision_in_one_block(settings):
    """"Pkt. N" items, each an attachment list "1." / "2." under "BILAG" and the next page's running header before the
    next item and its journal number: the list is no item (reading further down for a wrapped title had made
    "2. Høringsnotat" an item, and the print reader took over). Under "INDSTILLING OG BESLUTNING", "Byrådets
    beslutning under mødet den ...:" with the decision on the next line is the decision (the recommendation was
    read as part of it)."""
    result = read_file(READERS / "print_pkt_items_attachment_lists.txt", settings)
    assert result.ok, result.error
    assert [(p.number, p.title, p.case_number, p.decision) for p in result.meeting.points] == [
        ("1", "Godkendelse af dagsorden", "00.01.00-A00-1-23", "Godkendt."),
        ("2", "Plan for cykelstier 2023-2026", "05.01.00-P15-1-23", "Godkendt."),
        ("3", "Takster for svømmehallen 2023", "18.15.00-S00-2-23", "Godkendt."),
    ]


def test_members_in_two_columns_starting_on_the_label_line():
    """ "Medlemmer:" with the first row of a two-column list on its own line: one member a line, the left column
    first (the two members of each line were read as one name)."""
    text = ("Medlemmer:       Ole Kjær (V), formand          Bodil Rytter (A)\n"
            "                 Anders Kring (V)               Mette Krogh (A)\n"
            "                 Torben Lund (F)\n\nFraværende:      Anders Kring (V)")  # fmt: skip
    assert print_layout.people_columns(text).split("\n\n")[0].split("\n") == [
        "Medlemmer:", "Ole Kjær (V), formand", "Anders Kring (V)", "Torben Lund (F)", "Bodil Rytter (A)",
        "Mette Krogh (A)"]


def test_an_esdh_print_with_item_metadata_as_a_row_of_labels_over_a_row_of_values(settings):
    """ "Dok.nr.:   Sagsid.:   Initialer:   Åben sag" over "25/1020   25/88   pkj" (the values under their labels,
    ESDH prints): the case number is the value under "Sagsid.:" (none was read), and "Lukket sag" in the status cell
    closes the point."""
    m = read_file(READERS / "print_esdh_label_row_metadata.txt", settings).meeting
    assert [(p.number, p.case_number, p.closed, p.decision) for p in m.points] == [
        ("14", "25/88", False, "Godkendt."), ("15", "24/2311", True, None)]


def test_the_body_named_in_the_genitive_or_beside_a_list_of_bodies(tmp_path, settings):
    """ "Referat af Byrådets møde" names Byrådet (no body was read); a side list headed "Udvalg 2022-2025" (the bodies
    of an election period) gives no body: the page's <h1> does."""
    text = tmp_path / "referat.txt"
    text.write_text("Referat af Byrådets møde\nonsdag den 26. marts 2025 kl. 16.30\n\nSag nr. 41\nGodkendelse af "
                    "dagsorden\n\nBeslutning\nGodkendt.\n", encoding="utf-8")  # fmt: skip
    assert read_file(text, settings).meeting.committee == "Byrådet"
    page = tmp_path / "referat.html"
    page.write_text("<html><body><div class='side'><h2>Udvalg 2022-2025</h2><ul><li><a href='/a'>Økonomiudvalget</a>"
                    "</li></ul></div><h1>Økonomiudvalget</h1><p>Referat – onsdag den 11. december 2024 kl. 16.00</p>"
                    "<h2>1. Godkendelse af dagsorden</h2><h3>Beslutning</h3><p>Godkendt.</p></body></html>",
                    encoding="utf-8")  # fmt: skip
    assert read_file(page, settings).meeting.committee == "Økonomiudvalget"


def test_a_member_the_minutes_say_left_during_the_meeting_was_at_it(settings):
    """"Anders Krog (F) forlod mødet efter behandlingen af sag 2." on the cover, and the points after it record him
    absent, as they record a member absent throughout: he was at the meeting (absent from points 3 and 4 only); she
    who no remark says came or left was not."""
    result = read_file(READERS / "text_left_during_meeting.txt", settings)
    assert result.ok, result.error
    m = result.meeting
    assert [(p.name, p.absent) for p in m.participants] == [
        ("Lars Brink", False), ("Mette Sølvhøj", False), ("Anders Krog", False), ("Birgit Lund", True)]
    assert [p.absent for p in m.points] == [[], [], ["Anders Krog", "Birgit Lund"], ["Anders Krog", "Birgit Lund"]]


@pytest.mark.parametrize(("text", "names"), [
    ("Ib Damgaard (V) forlod mødet efter behandlingen af sag 145.", {"ib damgaard"}),
    ("Under behandlingen af punkt 5 forlod Ole Kamp (C) mødet.", {"ole kamp"}),
    ("Anne Berg (A) ankom kl. 17.15 under punkt 2.", {"anne berg"}),
    ("Bo Holm deltog fra punkt 3.", {"bo holm"}),
    ("Mødet blev hævet kl. 20.10. Sagen blev drøftet.", set()),
    ("Bo Holm deltog ikke i behandlingen af punktet.", set()),  # absent from a point, not a remark on the meeting
])  # fmt: skip
def test_who_the_minutes_say_left_or_came_during_the_meeting(text, names):
    from assistant.vocabulary import attended_in

    assert attended_in(text) == names


def test_the_members_of_minutes_without_a_list_of_them_are_read_from_the_signature_sheet(settings):
    """A Holbæk-style page (FORMATS.md 4) has no attendee header and ends with the point "Underskriftsark": a table
    of the members, the line to sign on beside each, "Afbud" beside the absent one. They are the meeting's members,
    the one marked "Afbud" absent; the role after a name ("formand") is no member, the page footer no name."""
    result = read_file(READERS / "portal_signature_sheet.html", settings)
    assert result.ok, result.error
    m = result.meeting
    assert [(p.name, p.absent, p.note) for p in m.participants] == [
        ("Kaj Rasmussen", False, "V"), ("Pia Holt", False, "A"), ("Søs Enevold", True, "F; Afbud"),
        ("Tue Brandt", False, "C")]
    assert [p.title for p in m.points][-1] == "Underskriftsark"


@pytest.mark.parametrize(("title", "text", "members"), [
    ("Underskriftsblad", "Lone Mark (A), formand\n\nJytte Sommer (A) - afbud\n\nOle Bæk (V)\n\nSide 4 af 4",
     [("Lone Mark", False), ("Jytte Sommer", True), ("Ole Bæk", False)]),
    ("Underskrifter", "Anne Berg (A) | Bo Holm (V)\n\n...................... | ......................",
     [("Anne Berg", False), ("Bo Holm", False)]),
    ("Eventuelt", "Lone Mark (A) orienterede om vinterbadning.", []),  # no signature sheet: no members from it
])  # fmt: skip
def test_a_signature_sheet_lists_the_members(title, text, members):
    from assistant.readers.structure import signature_sheet
    from assistant.records import AgendaPoint, Section

    points = [AgendaPoint("1", "Godkendelse af dagsorden"), AgendaPoint("2", title, sections=[Section("", text)])]
    assert [(p.name, p.absent) for p in signature_sheet(points)] == members


def test_a_substitute_the_attendance_point_says_attended_is_a_member_of_the_meeting(settings):
    """Brønderslev's and Læsø's first point "Fraværende" (FORMATS.md 5): "Morten Friis (V) var fraværende.
    Stedfortræder Lise Damsgaard (V) var indkaldt og deltog i mødet." The substitute is at the meeting, though the
    list of members does not name her; the member is absent."""
    result = read_file(READERS / "attendance_point_substitute.html", settings)
    assert result.ok, result.error
    assert [(p.name, p.absent) for p in result.meeting.participants] == [
        ("Jens Lund", False), ("Karen Høj", False), ("Morten Friis", True), ("Hanne Kvist", False),
        ("Lise Damsgaard", False)]


@pytest.mark.parametrize(("text", "names"), [
    ("Stedfortræder Lis Kjeldsen (T) var indkaldt og deltog i mødet.", ["Lis Kjeldsen (T)"]),
    ("Suppleant Ane Bro (A) mødte for Bent Ravn.", ["Ane Bro (A)"]),
    ("Ane Bro (A) deltog som stedfortræder for Bent Ravn (A).", ["Ane Bro (A)"]),
    ("I stedet for Bent Ravn deltog suppleant Ane Bro.", ["Ane Bro"]),
    ("Suppleanten deltog ikke.", []),
    ("Stedfortræder var indkaldt og deltog.", []),  # no name: the words alone are no member
    ("Stedfortræder for borgmesteren er Ane Bro.", []),
    ("Bemærkninger       Pia Lindholm (V) deltog som stedfortræder for Jens Ole Nygaard (V).",  # a cover's columns
     ["Pia Lindholm (V)"]),
    ("Bemærkninger Pia Lindholm (V) deltog som stedfortræder for Jens Ole Nygaard (V).",  # and folded
     ["Pia Lindholm (V)"]),
])  # fmt: skip
def test_who_the_minutes_say_attended_as_a_substitute(text, names):
    from assistant.vocabulary import substitutes_in

    assert substitutes_in(text) == names


def test_an_os2dagsorden_page_whose_body_class_names_its_sidebar(settings):
    """Drupal's OS2dagsorden pages (FORMATS.md 2's portals) say their layout in the body's class ("one-sidebar
    sidebar-first"): the page is no sidebar to drop. The members and "Afbud" are headed lists in the sidebar; each
    item is a list item whose header and body are blocks (no stray "-" from its marker ends the item before); the
    votes give their counts after the parties, and the reason after the count."""
    result = read_file(READERS / "os2dagsorden_drupal_body_sidebar.html", settings)
    assert result.ok, result.error
    m = result.meeting
    assert (m.committee, m.start, m.place) == ("Børne- og Skoleudvalget", datetime(2023, 9, 12, 16, 0),
                                               "Mødelokale 2, Rådhuset")
    assert [(p.name, p.absent) for p in m.participants] == [
        ("Mads Kjær", False), ("Rikke Bo", False), ("Jonas Lind", False), ("Ulla Friis", False),
        ("Pernille Storm", True)]
    assert [(p.number, p.title, p.case_number) for p in m.points] == [
        ("1", "Skoledistrikter fra skoleåret 2024/25", "23/4410"), ("2", "Meddelelser", None)]
    assert m.points[0].decision.endswith("idet de ønsker distrikterne uændrede.")
    assert m.points[1].decision == "Taget til efterretning."
    assert [(v.position, v.parties, v.count) for v in m.points[0].votes] == [("for", ("A", "V", "C"), 3),
                                                                             ("against", ("F", "O"), 2)]


def test_a_firstagenda_web_page_with_dated_decisions_under_beslutninger(settings):
    """FirstAgenda's web page (FORMATS.md 3): "Beslutninger" heads the field, the dated "Beslutning i <forum> den
    DD-MM-YYYY" under it holds the decision (the empty heading over it is none); the page's title and logo name the
    municipality, which a point's title naming another ("... med Allerød Kommune") does not change; the heading
    "Referat - <forum>" names the body."""
    result = read_file(READERS / "firstagenda_web_decisions_heading.html", settings)
    assert result.ok, result.error
    m = result.meeting
    assert (m.municipality, m.committee) == ("Rudersdal Kommune", "Teknik- og Miljøudvalget")
    assert [p.decision.split("\n")[0] for p in m.points] == ["Anbefales over for Økonomiudvalget.",
                                                              "Taget til efterretning."]
    assert [(v.position, v.parties) for v in m.points[0].votes] == [("against", ("Ø",))]


def test_an_aspnet_page_laid_out_as_a_table_of_one_column(settings):
    """An older ASP.NET portal (Køge, FORMATS.md 10) lays the page out as one table, a row for each part: each item's
    row holds its heading and paragraphs, read as the page's blocks (the items had been one row of text, the title
    read as the only point). "Deltagere: Name, (party), ... <br> Afbud: ..." in one cell is two labels, and the
    party after its comma is the member's."""
    result = read_file(READERS / "aspnet_one_column_table.html", settings)
    assert result.ok, result.error
    m = result.meeting
    assert m.place == "Mødelokale 1, Rådhuset"  # after the date on the title's row: "Den 07.03.2024 kl. 15:30 i ..."
    assert [(p.name, p.absent, p.note) for p in m.participants] == [
        ("Inge Bach", False, "A"), ("Poul Rye", False, "V"), ("Sara Holm", False, "F"), ("Leo Dam", True, "Afbud")]
    assert [(p.number, p.title, p.case_number, p.closed) for p in m.points] == [
        ("1", "Lokalplan for boliger ved Skovkanten", "23/18804", False),
        ("2", "Køb af grund ved Skovkanten", None, True)]
    assert m.points[0].decision == "Godkendt med 2 stemmer for (A, V) og 1 imod (F)."
    assert [(v.position, v.parties, v.count) for v in m.points[0].votes] == [("for", ("A", "V"), 2),
                                                                             ("against", ("F",), 1)]


def test_an_esdh_print_with_the_items_metadata_on_one_line(settings):
    """ESDH prints (FORMATS.md 9) print "Dok.nr.: / Sagsid.: / Initialer:" under the item's title, here on one line:
    the case number is the "Sagsid." value, not the document number before it."""
    result = read_file(READERS / "print_esdh_meta_line.txt", settings)
    assert result.ok, result.error
    assert [(p.number, p.title, p.case_number) for p in result.meeting.points] == [
        ("12", "Godkendelse af dagsorden", "19/310"), ("13", "Tilsyn med dagplejen 2018", "19/2871")]


@pytest.mark.parametrize(("line", "case"), [
    ("Dok.nr.: 4521-19                  Sagsid.: 19/212                  Initialer: kbl", "19/212"),
    ("Dok.nr.: 4521-19   Initialer: kbl", None),  # a document number is no case number
    ("Dok.nr.: 4521-19 Sagsid.: 19/212 og mere tekst", None),  # not a line of metadata alone
    ("Sagsnr.: 04.14.00-P00-2-23   Dok.nr.: 24/40977", "04.14.00-P00-2-23"),
])  # fmt: skip
def test_the_case_number_of_a_line_of_metadata(line, case):
    from assistant.vocabulary import case_number_line

    assert case_number_line(line) == case


def test_an_acadre_print_with_members_and_absent_in_two_columns_under_a_blank_line(settings):
    """Acadre's prints (FORMATS.md 9): "Medlemmer          Fraværende" over the names in two columns, a blank line
    between (the left column's first name had been read as the one absent); a substitute's "stedfortræder for" wraps
    to the name on the next line; the room is the line under the date after a blank line; a title hyphenated after
    a name keeps its hyphen ("Bov-" / "området")."""
    result = read_file(READERS / "print_acadre_columns_blank_line.txt", settings)
    assert result.ok, result.error
    m = result.meeting
    assert [(p.name, p.absent) for p in m.participants] == [
        ("Lars Kjems", False), ("Ida Moos", False), ("Bente Holm", True), ("Ulrik Bak", False), ("Kaj Rønne", False)]
    assert m.place == "Mødelokale 1, Rådhuset"
    assert m.points[1].title == "Landsbypuljen 2026 - fordeling af midler i Bov-området"
    # a capital word's linking "s" joins its compound: "Social- og Sundheds-" / "udvalget"
    assert m.points[2].title == "Orientering om samarbejdet med Social- og Sundhedsudvalget"


def test_a_polweb_print_with_a_lettered_item_and_members_joined_by_og(settings):
    """A PolWeb print (FORMATS.md 8): "2a." is an item added after 2 (it had been read into 2's decision); "Til
    stede: ..., Bo Dahl (O) og Kurt Vang (V) (stedfortræder for Ib Sand (V))." is two members, the substitute's note
    in brackets with a bracket inside; "Referat fra Teknik- og Miljøudvalgets møde tirsdag den ..." names the body
    in the genitive."""
    result = read_file(READERS / "print_polweb_lettered_item.txt", settings)
    assert result.ok, result.error
    m = result.meeting
    assert m.committee == "Teknik- og Miljøudvalget"
    assert [(p.name, p.absent) for p in m.participants] == [
        ("Jens Holt", False), ("Anne Lind", False), ("Bo Dahl", False), ("Kurt Vang", False), ("Ib Sand", True)]
    assert [(p.number, p.case_number, p.decision) for p in m.points] == [
        ("1", "330-2018-01012", "Godkendt."), ("2", "330-2017-20411", "Godkendt."),
        ("2a", "330-2018-02207", "Sagen udsættes."), ("3", "330-2018-01013", "Intet.")]


def test_a_box_of_the_committees_members_and_a_vote_naming_members(settings):
    """"Udvalgets medlemmer" heads the box of members (Brønderslev-style pages, FORMATS.md 5); "Imod stemte Kim Holt
    og Tove Lau, som ønsker eget køkken.": the two members voted against, the clause after them is no name."""
    result = read_file(READERS / "portal_members_box_named_votes.html", settings)
    assert result.ok, result.error
    m = result.meeting
    assert [(p.name, p.absent) for p in m.participants] == [
        ("Lone Berg", False), ("Kim Holt", False), ("Rasmus Eg", True), ("Tove Lau", False)]
    assert [(v.position, v.who) for v in m.points[1].votes] == [("against", ("Kim Holt", "Tove Lau"))]


def test_a_protocol_with_indented_members_in_two_columns_and_a_dated_decision_line(settings):
    """An older protocol printed as text (FORMATS.md 6): "  Medlemmer:" indented, a blank line, then the members in
    two columns; "Stedfortræder: Lise Kvist (V) deltog som stedfortræder for Kurt Bro (V)" names the substitute in
    a sentence; a title wrapped on the item's line ("... for" / "folkepensionister"); the decision under "Byrådets
    beslutning under mødet den 20. januar 2022:" with no blank line between."""
    result = read_file(READERS / "text_protocol_indented_members.txt", settings)
    assert result.ok, result.error
    m = result.meeting
    assert [(p.name, p.absent) for p in m.participants] == [
        ("Ole Kaas", False), ("Jens Dam", False), ("Tina Lyng", False), ("Kurt Bro", True), ("Rita Holm", False),
        ("Erik Bang", False), ("Mia Sand", False), ("Lise Kvist", False)]
    assert [(p.title, p.decision) for p in m.points] == [
        ("Godkendelse af dagsorden", "Godkendt."),
        ("Medlemsforslag fra Mia Sand (F) om gratis svømning for folkepensionister", "Forslaget blev forkastet.")]


def test_an_edoc_cover_with_tid_and_the_absent_one_a_line(settings):
    """eDoc's cover (Ballerup-style, FORMATS.md 9): "Tid" gives the date and the time; "Afbud/Fraværende" lists
    one member a line (they had been read as one name); a remark naming a substitute is read for the substitute,
    never the label or the secretary before it as a member."""
    result = read_file(READERS / "print_edoc_tid_cover.txt", settings)
    assert result.ok, result.error
    m = result.meeting
    assert m.start == datetime(2020, 6, 3, 9, 0) and m.has_time
    assert [(p.name, p.absent) for p in m.participants] == [
        ("Ane Vig", False), ("Bo Eskildsen", False), ("Lars Ry", False), ("Jonna Kær", True), ("Per Brink", True)]


def test_a_portal_with_a_bare_meeting_time_and_the_absent_as_a_list(settings):
    """A portal's facts (FORMATS.md 10's decision trail on the web): "Mødetidspunkt: 15.00 - 17.30" is the time
    without "kl."; under "Fraværende" a list, one member absent from the meeting and one from points 12-13 only
    (at the meeting: the list had been joined into one line, and both were dropped)."""
    result = read_file(READERS / "portal_facts_table_absent_list.html", settings)
    assert result.ok, result.error
    m = result.meeting
    assert m.start == datetime(2025, 4, 2, 15, 0) and m.has_time
    assert [(p.name, p.absent) for p in m.participants] == [
        ("Anna Ebbe", False), ("Jens Tang", True), ("Lise Holm", False), ("Ib Krag", False)]


@pytest.mark.parametrize(("clock", "expected"), [
    ("15.00 - 17.30", datetime(2025, 4, 2, 15, 0)), ("kl. 15.00", datetime(2025, 4, 2, 15, 0)),
    ("02.04.2025", datetime(2025, 4, 2, 0, 0)),  # a date in the time's label is no time
])  # fmt: skip
def test_a_time_label_without_kl(clock, expected, settings, tmp_path):
    page = tmp_path / "side.html"
    page.write_text(f"<h1>Kulturudvalget</h1><p>Mødedato: 02.04.2025</p><p>Mødetidspunkt: {clock}</p>"
                    "<h2>1. Godkendelse af dagsorden</h2><h3>Beslutning</h3><p>Godkendt.</p>"
                    "<h2>2. Eventuelt</h2><h3>Beslutning</h3><p>Intet.</p>", encoding="utf-8")
    result = read_file(page, settings)
    assert result.ok, result.error
    assert result.meeting.start == expected


def test_a_page_whose_items_are_articles_with_headers(settings):
    """A council archive page (Aarhus-style, FORMATS.md 10) prints each item as an <article> whose <header> holds
    its number, title and "Sagsnummer: 24/018811 · Borgmesterens Afdeling": a part's header, read (a site's header
    is furniture, dropped; the items had been read as one); the department after the case number's separator is no
    part of it; "Randers Byråd – møde mandag den ..." names the body."""
    result = read_file(READERS / "portal_article_headers.html", settings)
    assert result.ok, result.error
    m = result.meeting
    assert m.committee == "Randers Byråd"
    assert [(p.number, p.title, p.case_number, p.decision) for p in m.points] == [
        ("1", "Ændring af byrådets mødeplan", "24/018811", "Indstillingen blev godkendt."),
        ("2", "Helhedsplan for Østervold", "23/044120", "Planen blev vedtaget.")]


def test_a_print_with_ad_items_and_the_meeting_facts_on_one_line(settings):
    """An older print: the letterhead "LEMVIG KOMMUNE" beside the body; "Mødedato: ...   Kl.: 16.00 - 18.10   Sted:
    ..." three labels on one line; "Afbud: Ib Dahl (C). I stedet deltog stedfortræder Lis Holm (C)." (the absent
    one, then a sentence); the items "Ad 1)" under a list "1)", "2)"."""
    result = read_file(READERS / "text_ad_items_one_line_facts.txt", settings)
    assert result.ok, result.error
    m = result.meeting
    assert (m.committee, m.start, m.place) == ("Miljøudvalget", datetime(2018, 11, 14, 16, 0), "Mødelokale 3, Rådhuset")
    assert [(p.name, p.absent) for p in m.participants] == [
        ("Per Lund", False), ("Eva Ravn", False), ("Kaj Bro", False), ("Lis Holm", False), ("Ib Dahl", True)]
    assert [(p.number, p.title, p.case_number) for p in m.points] == [
        ("1", "Godkendelse af dagsorden", None), ("2", "Spildevandsplan 2019-2022 - høring", "06.00.05-P15-1-18")]
    assert [(v.position, v.who) for v in m.points[1].votes] == [("against", ("Kaj Bro",))]


def test_a_print_with_section_sign_items_a_wrapped_title_and_a_running_footer(settings):
    """Items numbered "§ 4" (a protocol's paragraphs); a title wrapped after a comma ("..., Randlevvej," /
    "Saksild"); a running footer "Odder Kommune · Teknisk Udvalg · 02.03.2026   side 1/2" glued to the next item's
    line (it had ended the run of items); the room after the date in the opening sentence, its stop dropped."""
    result = read_file(READERS / "text_section_sign_items.txt", settings)
    assert result.ok, result.error
    m = result.meeting
    assert (m.committee, m.place) == ("Teknisk Udvalg", "Mødelokale 1, Rådhuset")
    assert [(p.number, p.title, p.decision) for p in m.points] == [
        ("4", "Godkendelse af dagsorden", "Godkendt."),
        ("5", "Forslag til lokalplan nr. 4-002 for boliger ved Randlevvej, Saksild", "Anbefales."),
        ("6", "Eventuelt", "Intet.")]
    assert "side 1/2" not in m.points[0].full_text


def test_item_rows_of_a_table_with_the_case_number_of_the_esdh_system(settings):
    """An item's number and title as a table row ("Pkt. 1 | Godkendelse af dagsorden"), its case number labelled with
    the ESDH system's name ("Acadre sagsnr.: 21/000210 | Åben")."""
    result = read_file(READERS / "portal_item_rows_acadre_case.html", settings)
    assert result.ok, result.error
    assert [(p.number, p.title, p.case_number) for p in result.meeting.points] == [
        ("1", "Godkendelse af dagsorden", "21/000210"), ("2", "Vejbelysning i Juelsminde", "21/004410")]


@pytest.mark.parametrize(("line", "case"), [
    ("Acadre sagsnr.: 20/000125 | Åben", "20/000125"), ("eDoc-sagsnr. 2018-0001732", "2018-0001732"),
    ("Sagsnummer: 19/029871 · Borgmesterens Afdeling", "19/029871"), ("Se sagsnr. 19/029871 om budgettet", None),
])  # fmt: skip
def test_a_case_number_labelled_with_its_system_or_followed_by_its_department(line, case):
    from assistant.vocabulary import case_number_line

    assert case_number_line(line) == case


def test_an_older_edoc_page_laid_out_in_tables_of_one_column(settings):
    """An older eDoc page (FORMATS.md 6's "edoc-agenda" pages): each item a table of one column whose rows are its
    parts ("1. Meddelelser ( )", "eDoc-sagsnr.: ...", "Beslutning", the decision); the top bar a table of links
    (navigation, not the body); the logo's text names the municipality; the members one a line with <br> in the
    label's cell; "Fremmøde og inhabilitet" after the items as a table."""
    result = read_file(READERS / "edoc_one_column_tables.html", settings)
    assert result.ok, result.error
    m = result.meeting
    assert (m.municipality, m.committee) == ("Rødovre Kommune", "Kultur- og Fritidsudvalget")
    assert [(p.name, p.absent) for p in m.participants] == [
        ("Anne Lund", False), ("Bo Kragh", False), ("Eva Tind", True), ("Ole Ris", False)]
    assert [(p.number, p.title, p.case_number) for p in m.points] == [
        ("1", "Meddelelser", "2017-0001210"), ("2", "Tilskud til Rødovre Musikskole", "2017-0033420")]
    assert [(v.position, v.parties) for v in m.points[1].votes][-1] == ("against", ("Ø",))


def test_a_print_with_the_members_as_a_table_of_name_party_and_attendance(settings):
    """FirstAgenda's print: "Mødedeltagere" over a table "Navn  Parti  Fremmøde": each row a member with the party,
    "Afbud" absent, "Deltog, dog ikke i punkt 2" at the meeting (the columns had been read as names: "Navn", "Parti
    Fremmøde", "A Deltog")."""
    result = read_file(READERS / "print_members_table.txt", settings)
    assert result.ok, result.error
    assert [(p.name, p.absent) for p in result.meeting.participants] == [
        ("Karl Dam", False), ("Inge Lauritzen", True), ("Bo Skov", False), ("Tine Friis", False)]
    assert [p.note for p in result.meeting.participants] == ["formand; V", "A; Afbud", "C", "Ø"]


@pytest.mark.parametrize(("body", "closed"), [
    ("Sagsgang og sagstype\nØkonomiudvalget, beslutningssag, lukket sag", True),  # Holbæk's item type
    ("Sagen er behandlet på lukket møde.", True),
    ("Økonomiudvalget, beslutningssag\nSagen er behandlet på et åbent møde.", False),
    ("Parken er lukket for offentligheden om natten.", False),
])  # fmt: skip
def test_a_point_closed_by_its_type_or_a_sentence(body, closed):
    from assistant.readers.structure import is_closed

    assert is_closed("Salg af grund", body) is closed


def test_a_cover_of_two_label_columns_side_by_side_under_a_stacked_running_header(settings):
    """An ESDH print whose running header stacks the body, "Referat", "Åbent referat" and the date, and whose cover
    prints the meeting's facts on the left and "Medlemmer:" with its names on the right: the body is the body alone,
    the place stops at its own column, and the members are the right column's names. A title wrapped onto a line
    that is a heading's word in lower case ("... vej- og park-" / "personale") is the title's, and "Lukket sag" at the
    end of the initials' line closes the point."""
    result = read_file(READERS / "print_side_by_side_cover.txt", settings)
    assert result.ok, result.error
    m = result.meeting
    assert (m.municipality, m.committee, m.start, m.place) == (
        "Egebæk Kommune", "Teknisk Udvalg", datetime(2025, 6, 3, 16, 0),
        "Mødelokale 3, Rådhuset, Torvet 1, 7100 Egebæk")
    assert [(p.name, p.absent) for p in m.participants] == [
        ("Aksel Lund", False), ("Birte Holm", False), ("Carsten Due", True), ("Dorte Riis", False),
        ("Erik Sand", False)]
    assert [(p.number, p.title, p.case_number, p.closed) for p in m.points] == [
        ("1", "Godkendelse af dagsorden", "25/1100", False),
        ("2", "Status på rekruttering af medarbejdere til vej- og parkpersonale", "25/1187", False),
        ("3", "Salg af areal ved Nørrevej", "25/1203", True),
    ]


def test_a_labels_first_cover_whose_first_value_is_a_date_in_words(settings):
    """A cover printed labels first whose values begin "3. juni 2025": a date, not an item "3. juni ...", so the values
    are the labels' (the members wrapped over two lines), and a point whose initials' line ends "Lukket sag" is
    closed."""
    result = read_file(READERS / "print_labels_first_dated_value.txt", settings)
    assert result.ok, result.error
    m = result.meeting
    assert (m.committee, m.start, m.place) == (
        "Plan- og Miljøudvalget", datetime(2025, 6, 3, 15, 30), "Mødelokale 2, Rådhuset")
    assert [(p.name, p.absent) for p in m.participants] == [
        ("Hanne Bro", False), ("Ivan Krog", False), ("Jette Lind", True), ("Kurt Ravn", False), ("Lise Moe", False)]
    assert [(p.number, p.case_number, p.closed) for p in m.points] == [
        ("41", "25/2001", False), ("42", "25/2055", False), ("43", "25/2099", True)]


def test_a_label_giving_the_room_and_then_the_time(settings):
    """ "Mødested og tidspunkt" over "Mødelokale 4, Egebæk Rådhus, Torvet 1, kl. 15.00-17.30": the room is the place
    and the time is the meeting's (the label had been read as "Mødested" with the value "og tidspunkt"). The header
    stacks the body, "Referat", "Åbent referat" and the date: the body is the body alone."""
    result = read_file(READERS / "text_moedested_og_tidspunkt.txt", settings)
    assert result.ok, result.error
    m = result.meeting
    assert (m.committee, m.start, m.has_time, m.place) == (
        "Børne- og Skoleudvalget", datetime(2025, 6, 10, 15, 0), True, "Mødelokale 4, Egebæk Rådhus, Torvet 1")
    assert [(p.number, p.case_number, p.decision) for p in m.points] == [
        ("1", None, "Godkendt."), ("2", "25/3301", "Anbefales over for Økonomiudvalget.")]


def test_the_place_under_os2dagsordens_label_lokation(settings):
    """ "Lokation: Mødelokale 1, Kulturhuset" (OS2web's name for the meeting's place) is the meeting's place."""
    result = read_file(READERS / "text_lokation_label.txt", settings)
    assert result.ok, result.error
    m = result.meeting
    assert (m.committee, m.start, m.place) == (
        "Folkeoplysningsudvalget", datetime(2025, 5, 12, 16, 30), "Mødelokale 1, Kulturhuset")


def test_items_numbered_through_the_year_and_members_one_a_line_with_their_roles(settings):
    """An ESDH print numbering its items through the year ("14/2025     Godkendelse af dagsorden"): each is an item
    with the number as printed (the whole minutes had been one item). The members under "Tilstede", one a line with
    " - formand" or " - stedfortræder for ..." after the letter, are each a member (they had run into one name), and
    "For: A, V (4)" over "Imod: Ø (1)" joined on one line are two positions ("Imod" had been a name voting for)."""
    result = read_file(READERS / "print_items_numbered_through_the_year.txt", settings)
    assert result.ok, result.error
    m = result.meeting
    assert (m.committee, m.start, m.place) == (
        "Landdistriktsudvalget", datetime(2025, 2, 3, 16, 0), "Mødelokale 1, Egebæk Rådhus")
    assert [(p.name, p.absent) for p in m.participants] == [
        ("Ole Vang", False), ("Pia Krag", False), ("Rasmus Holm", False), ("Signe Bak", False), ("Uffe Dam", False),
        ("Tina Lund", True)]
    assert [(p.number, p.title, p.case_number, p.closed) for p in m.points] == [
        ("14/2025", "Godkendelse af dagsorden", "00.01.00-A00-2-25", False),
        ("15/2025", "Landsbypuljen 2025", "24.04.00-Ø00-1-25", False),
        ("16/2025", "Køb af jord ved Stenmosen", "82.06.00-G10-1-25", True),
    ]
    assert [(v.position, v.who, v.parties, v.count) for v in m.points[1].votes] == [
        ("for", (), ("A", "V"), 4), ("against", (), ("Ø",), 1)]


def test_two_columns_of_people_with_a_second_label_under_the_right_ones_names(settings):
    """ "Medlemmer:" beside "Ikke til stede:", with "Desuden deltog:" and the staff under the absent member's name in
    the right column: only the name under "Ikke til stede" is absent (the staff and the members had been read as
    absent too). A role and a letter in one bracket ("Karen Dahl (formand, A)") stay the member's, and "Tid:" after
    a column's gap on the date's line gives the time."""
    result = read_file(READERS / "print_two_columns_sublabel.txt", settings)
    assert result.ok, result.error
    m = result.meeting
    assert (m.committee, m.start, m.has_time, m.place) == (
        "Landdistriktsudvalget", datetime(2025, 3, 4, 16, 30), True, "Mødelokale 2, Egebæk Rådhus")
    assert [(p.name, p.absent) for p in m.participants] == [
        ("Karen Dahl", False), ("Leif Bang", False), ("Mette Lund", False), ("Per Holm", True), ("Rita Skov", False)]


def test_a_labels_first_cover_with_two_labels_whose_values_wrap(settings):
    """Labels first, "Mødested:" and "Deltagere:" each with blank rows under them, then the values, the address on
    two lines and the names on three: the labels before them take a line each from the top, those after them a line
    each from the bottom, "Mødested:" its two lines and "Deltagere:" the rest (the cover had been left unread). A
    title wrapped after a dash ("... Egebæk -" / "endelig vedtagelse") keeps the dash."""
    result = read_file(READERS / "print_labels_first_two_wrapped_values.txt", settings)
    assert result.ok, result.error
    m = result.meeting
    assert (m.committee, m.start, m.place) == (
        "Vej- og Parkudvalget", datetime(2025, 5, 7, 15, 0), "Mødelokale 4, Rådhuset, Torvet 1, Egebæk")
    assert [(p.name, p.absent) for p in m.participants] == [
        ("Anne Vang", False), ("Bent Ravn", False), ("Carla Holm Krogh", False), ("Dan Fisker", False),
        ("Eva Lind", False), ("Finn Ottesen", False), ("Gitte Ryge", True)]
    assert [(p.number, p.title, p.case_number) for p in m.points] == [
        ("22", "Godkendelse af dagsorden", "25/3001"),
        ("23", "Lokalplan nr. 12.04 for boliger ved Engvej, Egebæk - endelig vedtagelse", "25/3002")]


def test_forfald_under_its_label_and_no_municipality_guessed_from_the_town_hall(settings):
    """A print with "Forfald:" over the name of a member who sent apologies (a PolWeb label the print reader did not
    know: the member had been present). No "<name> Kommune" is printed, only "Hedensted Rådhus" as the place: the
    municipality is not guessed from it (a body may meet in another municipality's town hall), as everywhere."""
    result = read_file(READERS / "print_forfald_town_hall.txt", settings)
    assert result.ok, result.error
    m = result.meeting
    assert (m.municipality, m.committee, m.start) == (None, "Natur- og Klimaudvalget", datetime(2025, 6, 17, 9, 0))
    assert [(p.name, p.absent) for p in m.participants] == [
        ("Lis Bonde", False), ("Mogens Vad", True), ("Nanna Krog", False), ("Ole Stær", False)]
    assert [(v.position, v.parties) for v in m.points[1].votes] == [("against", ("Ø",))]


def test_attendance_told_in_sentences_when_no_list_of_members_is_printed(settings):
    """Word-written minutes that tell the attendance in sentences: who led the meeting ("formand Inge Lund"), who
    else took part, who sent apologies ("havde meldt forfald") and the substitute who came instead are the members;
    the staff the administration sent ("kulturchef Ole Rask og konsulent Pia Sand") are not."""
    result = read_file(READERS / "print_attendance_in_prose.txt", settings)
    assert result.ok, result.error
    m = result.meeting
    assert (m.committee, m.start) == ("Kulturudvalget", datetime(2025, 4, 9, 15, 0))
    assert [(p.name, p.absent) for p in m.participants] == [
        ("Inge Lund", False), ("Jens Bak", False), ("Karl Friis", False), ("Lotte Vang", False), ("Nina Dal", False),
        ("Mads Holm", True)]


def test_a_commissions_protocol_with_a_status_column_and_decision_headings_without_a_colon(settings):
    """An emergency services commission's protocol (a body of its own, not a committee): the body after "Bornholms
    Regionskommune" on the running header, its members in a table "Deltagere   Status" ("Afbud": absent), and its
    decisions under "Beslutning i Beredskabskommissionen den 3. december 2024" with no colon after it (the decisions
    had been read as the recommendation's text)."""
    result = read_file(READERS / "text_commission_status_table.txt", settings)
    assert result.ok, result.error
    m = result.meeting
    assert (m.municipality, m.committee, m.start) == (
        "Bornholms Regionskommune", "Beredskabskommissionen", datetime(2024, 12, 3, 13, 0))
    assert [(p.name, p.absent) for p in m.participants] == [
        ("Ulla Berg", False), ("Viggo Tang", False), ("Willy Krag", True), ("Yvonne Moos", False)]
    assert [(p.number, p.case_number, p.decision) for p in m.points] == [
        ("1", None, "Godkendt."), ("2", "24/40101", "Godkendt.")]


def test_labels_in_a_left_margin_wrapped_and_the_contents_in_a_column_beside_the_cover(settings):
    """A print with its labels in a left margin, "Udvalgets" / "beslutning:" wrapped over two lines beside the
    decision's text, and a cover whose labels stand beside the contents in a column of their own: the decision is
    read under its heading (it had been the recommendation's text), the place and the members are the cover's own
    (the contents had run into them), and a closed item with no case number is the item, not its contents entry."""
    result = read_file(READERS / "print_margin_labels_contents_beside.txt", settings)
    assert result.ok, result.error
    m = result.meeting
    assert (m.committee, m.start, m.place) == (
        "Kulturudvalget", datetime(2025, 6, 2, 16, 0), "Mødelokale 1, Torvet 1, Egebæk")
    assert [(p.name, p.absent) for p in m.participants] == [("Asta Holm", False), ("Bo Dahl", True),
                                                            ("Cille Ravn", False)]
    assert [(p.number, p.title, p.case_number, p.closed) for p in m.points] == [
        ("1", "Godkendelse af dagsorden", "25/0700", False),
        ("2", "Tilskud til byfesten i Nordby 2025", "25/0701", False),
        ("3", "Køb af areal til sti langs Egebæk Å", None, True),
    ]
    assert [p.decision.split("\n")[0] for p in m.points[:2]] == [
        "Dagsordenen blev godkendt.", "Et flertal bestående af A godkendte indstillingen."]
    assert [(v.position, v.parties) for v in m.points[1].votes if v.position == "against"] == [("against", ("Ø",))]


def test_members_in_three_columns_under_their_partys_heading_and_a_title_wrapped_with_a_capital(settings):
    """A council's members printed in three columns, each name under its party's heading ("Socialdemokratiet (A)",
    a local list "Egebæklisten (E)"): each is a member with the heading's letter (the headings had been members, the
    columns run together). "Forfald:" over "Dorte Vad (V) - i stedet mødte stedfortræder Hans Krog (V)": she is
    absent, he took part. "Sag nr. 2" with its title wrapped onto a line starting with a capital ("... Nordby" /
    "Øst - endelig vedtagelse"), "J.nr.: ... Sagsbehandler: Ida Krag" on one line, and "Imod stemte 3: Erik Lund,
    Frida Moe og Gert" / "Sand." are read whole."""
    result = read_file(READERS / "text_party_columns_sag_nr.txt", settings)
    assert result.ok, result.error
    m = result.meeting
    assert [(p.name, p.note.split(";")[0], p.absent) for p in m.participants] == [
        ("Anne Bak", "A", False), ("Bent Dal", "A", False), ("Carl Holm", "V", False), ("Dorte Vad", "V", True),
        ("Erik Lund", "O", False), ("Frida Moe", "O", False), ("Gert Sand", "E", False), ("Hans Krog", "V", False)]
    assert [(p.number, p.title, p.case_number) for p in m.points] == [
        ("1", "Godkendelse af dagsorden", None),
        ("2", "Lokalplan nr. 3.1 for et boligområde ved Engvej, Nordby Øst - endelig vedtagelse", "01.02.05-P16-1-25")]
    assert [(v.position, v.who, v.count) for v in m.points[1].votes] == [
        ("against", ("Erik Lund", "Frida Moe", "Gert Sand"), 3)]


def test_a_labels_first_cover_with_a_wrapped_remark_a_labelled_line_and_a_running_footer(settings):
    """Labels first, then values that end with a remark wrapped onto a line in lower case ("... under" / "punkt
    18-22."), a line with a label of its own ("Referent: ...") and the page's running footer ("Ældrerådet,
    17.03.2025   Side 1"): the remark is one value, the labelled line and the footer no label's value, so the
    members are the list's names and the one absent is absent (the absent member had run into the members, a remark
    had been absent)."""
    result = read_file(READERS / "print_labels_first_remark_footer.txt", settings)
    assert result.ok, result.error
    m = result.meeting
    assert (m.start, m.place) == (datetime(2025, 3, 17, 9, 30), "Mødelokale 1, Rådhuset")
    assert [(p.name, p.absent) for p in m.participants] == [
        ("Gunnar Holm", False), ("Inge Bruun", False), ("Poul Jessen", False), ("Karen Thomsen", False),
        ("Bodil Skov", True), ("Hans Lund", False)]
    assert m.secretary == "Susanne Lorenzen"


def test_minutes_written_as_a_letter_dated_apart_from_the_meeting(settings):
    """Minutes written as a letter: the letterhead's "Dato: 12. maj 2025" dates the letter, the opening sentence
    "Referat af møde i Handicaprådet tirsdag den 6. maj 2025 kl. 15.00 i ..." the meeting (the letter's date had been
    the meeting's, a wrong fact; the body had been "Handicaprådet tirsdag"). The last two members joined by "og"
    are two; an "Ad 2." title wrapped onto a line over "Journalnr.: ..." ends there."""
    result = read_file(READERS / "text_letter_style_minutes.txt", settings)
    assert result.ok, result.error
    m = result.meeting
    assert (m.committee, m.start, m.has_time) == ("Handicaprådet", datetime(2025, 5, 6, 15, 0), True)
    assert [(p.name, p.absent) for p in m.participants] == [
        ("Anders Bak", False), ("Inger Kjeldgaard", False), ("Poul Sønder", False), ("Erling Kirk", False),
        ("Hanne Moe", False), ("Ejner Bund", True)]
    assert [(p.number, p.title, p.case_number) for p in m.points] == [
        ("1", "Godkendelse af dagsorden", None),
        ("2", "Høring: Forslag til kvalitetsstandard for hjælpemidler og forbrugsgoder 2025", "27.24.00-P20-1-25")]
