"""ESDH exports: eDoc XML, Acadre XML, DOCX and print PDFs, on the real Ballerup and Syddjurs files (each meeting
published twice or three times: every view must give the same meeting) and on fixtures of our own."""

from __future__ import annotations

import difflib
import shutil
from pathlib import Path

import pytest

from assistant.readers import read_file
from assistant.readers.sniff import sniff
from assistant.records import Meeting, PathEntry
from assistant.textutil import fold_ws
from tests.conftest import SHARED_CORPUS

BALLERUP = SHARED_CORPUS / "ballerup"
SYDDJURS = SHARED_CORPUS / "syddjurs"
BALLERUP_XML = BALLERUP / "eDocAgendaPublishing_2012-12-04_SundhedsOgForebyggelsesudvalget.xml"
BALLERUP_PDF = BALLERUP / "1552814_fuldt_aabent_referat_2012-12-04.pdf"
SYDDJURS_XML = SYDDJURS / "3687981_referat_PUK_2013-06-20.xml"
SYDDJURS_DOCX = SYDDJURS / "3687982_Referat_Ekstraordinaert_PUK_2013-06-20.docx"
SYDDJURS_PDF = SYDDJURS / "Referat_Ekstraordinaert_PUK_2013-06-20.pdf"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "readers" / "esdh"
PUK = "Udvalget for plan, udvikling og kultur (PUK)"
SFU = "Sundheds- og Forebyggelsesudvalget"


def _need(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"the shared ESDH corpus is not at {path.parent} (CI lays ../shared beside the checkout)")
    return path


def _read(path: Path, settings, municipality: str | None = None) -> Meeting:
    result = read_file(_need(path), settings, municipality)
    assert result.ok, result.error
    assert result.meeting is not None
    return result.meeting


def _points(m: Meeting) -> list[tuple]:
    """Every field both views print, per point; decision texts with whitespace folded (line breaks differ)."""
    return [
        (
            p.number,
            p.title,
            p.case_number,
            p.closed,
            fold_ws(p.decision or ""),
            [(d.body, d.date, d.point, d.heading, fold_ws(d.text)) for d in p.decisions],
            p.path,
            p.absent,
            len(p.attachments),
        )
        for p in m.points
    ]


def _people(m: Meeting) -> list[tuple[str, bool]]:
    return [(p.name, p.absent) for p in m.participants]


# ---------------------------------------------------------------- sniffing


@pytest.mark.parametrize(
    ("path", "kind"),
    [(BALLERUP_XML, "edoc-xml"), (BALLERUP_PDF, "pdf"), (SYDDJURS_XML, "acadre-xml"), (SYDDJURS_DOCX, "docx"),
     (SYDDJURS / "XML_1863_manifest.xml", "acadre-manifest")],  # fmt: skip
)
def test_sniffed_by_content(path, kind):
    assert sniff(_need(path).read_bytes()).kind == kind


def test_format_comes_from_content_not_extension(settings, tmp_path):
    renamed = tmp_path / "referat.txt"
    shutil.copy(_need(SYDDJURS_DOCX), renamed)
    assert _read(renamed, settings, "Syddjurs Kommune").source_format == "docx"
    renamed = tmp_path / "moede.pdf"
    shutil.copy(_need(BALLERUP_XML), renamed)
    assert _read(renamed, settings, "Ballerup Kommune").source_format == "edoc-xml"


# ---------------------------------------------------------------- Ballerup: eDoc XML, full PDF, per-item PDFs


@pytest.fixture(scope="module")
def ballerup(request):
    from assistant.settings import Settings

    s = Settings()
    return _read(BALLERUP_XML, s), _read(BALLERUP_PDF, s)


def test_ballerup_xml_meeting(ballerup):
    xml, _ = ballerup
    assert xml.source_format == "edoc-xml"
    assert (xml.municipality, xml.committee, xml.kind) == ("Ballerup Kommune", SFU, "referat")
    assert (xml.date_iso, xml.time_str) == ("2012-12-04", "13:00")
    assert xml.place == "Mødecenter C, Lokale 32 på Ballerup Rådhus"
    assert [p.number for p in xml.points] == [str(n) for n in range(1, 9)]
    assert [p.case_number for p in xml.points] == [
        "2011-29298", "2012-28504", "2012-31114", "2012-31673", "2011-29939", "2012-21786", "2012-28505", "2010-3082"
    ]  # fmt: skip
    assert xml.participants[0].name == "Lolan Ottesen" and xml.participants[0].note == "A; formand"
    assert len(xml.participants) == 7 and not xml.absent  # "Afbud/Fraværende" is empty
    assert xml.secretary == "Mie Helene Andresen"  # under "Sekretær"
    assert xml.end_time == ""  # the cover gives the start only ("tirsdag den 4. december 2012, kl. 13:00")
    assert xml.points[0].attachments == [  # the lines under each "Bilag" of the lettered notices, no more
        "2012-208960 - Hvordan udvikler vi det nære sundhedsvæsen sammen?",
        "2012-209266 - Forebyggelse af ulighed i sundhedsvæsenet",
        "2012-204248 - Redegørelse fra Træning og Aktivitet vedrørende Seniorrådets høringssvar",
    ]
    notices = [s.text for s in xml.points[0].sections if s.heading != "Bilag"][0]  # the text goes on below each "Bilag"
    assert notices.split("\n\n") == [
        "a. Møder og konferencer",
        "b. Konference den 23. januar 2012 - Hvordan udvikler vi det nære sundhedsvæsen sammen?",
        "c. Konference den 10. december 2012 - Forebyggelse af ulighed i sundhedsvæsenet",
        "d. Redegørelse fra Træning og Aktivitet vedrørende Seniorrådets høringssvar",
        "e. Sundheds- og Forebyggelsesudvalgets aktiviteter 2013 herunder konferencer, studiebesøg m.fl.",
    ]
    assert [s.text for s in xml.points[0].sections if s.heading == "Bilag"] == xml.points[0].attachments
    assert xml.points[7].attachments == []  # "Bilag: Ingen"
    p3 = xml.points[2]
    assert p3.title == "Kvalitetsstandarder for stof- og alkoholbehandling 2012-2013"
    assert p3.path == [PathEntry("Kommunalbestyrelsen", "2012-01-30", "5")]
    assert [(d.body, d.date, d.point) for d in p3.decisions] == [(SFU, "2012-12-04", "3")]
    assert p3.decision.startswith("Indstilles til godkendelse")
    assert xml.points[3].path == [PathEntry(SFU, "2012-05-30", "7")]
    p7 = xml.points[6]
    assert fold_ws(p7.decision).startswith("Indstillingen godkendt med denne bemærkning: Gruppen af unge")


def test_ballerup_xml_equals_full_pdf(ballerup):
    xml, pdf = ballerup
    assert pdf.source_format == "esdh-print-pdf"
    for field in ("municipality", "committee", "start", "place", "kind", "secretary", "end_time"):
        assert getattr(pdf, field) == getattr(xml, field), field
    assert [(p.name, p.absent, p.note) for p in pdf.participants] == [
        (p.name, p.absent, p.note) for p in xml.participants
    ]
    assert _points(pdf) == _points(xml)


def test_ballerup_pdf_body_text_matches_xml(ballerup):
    """The body text of each point, read from the print, is the XML's text: the running header, page numbers and
    table of contents are gone. The smallest similarity measured is 0.987 (a table in point 6 whose amount column
    the PDF prints on other baselines); 0.98 leaves room for nothing more than that."""
    xml, pdf = ballerup
    for a, b in zip(xml.points, pdf.points, strict=True):
        ta, tb = (fold_ws(" ".join(s.text for s in p.sections)) for p in (a, b))
        assert difflib.SequenceMatcher(None, ta, tb, autojunk=False).ratio() >= 0.98, a.number
        assert "Side " not in tb and "Dato: 04.12.2012" not in tb and "INDHOLDSFORTEGNELSE" not in tb


def test_ballerup_item_pdfs_merged_equal_full_pdf(ballerup, settings):
    """One PDF per item: each is a meeting of one point (a file is what a user cites and re-indexes), with the
    committee and date read from the item's decision heading, and a warning that says so."""
    _, pdf = ballerup
    items = []
    for path in sorted(BALLERUP.glob("*_punkt.pdf")):
        result = read_file(path, settings)
        assert result.ok, result.error
        m = result.meeting
        assert (m.committee, m.date_iso, m.time_str, len(m.points)) == (SFU, "2012-12-04", "", 1)
        assert any("beslutningens overskrift" in w for w in result.warnings)
        items += m.points
    assert len(items) == 8
    items.sort(key=lambda p: int(p.number))
    merged = Meeting(municipality=None, committee=SFU, start=None, points=items)
    assert _points(merged) == _points(pdf)


# ---------------------------------------------------------------- Syddjurs: Acadre XML, DOCX, PDF


@pytest.fixture(scope="module")
def syddjurs():
    from assistant.settings import Settings

    s = Settings()
    return _read(SYDDJURS_XML, s), _read(SYDDJURS_DOCX, s), _read(SYDDJURS_PDF, s)


def test_syddjurs_item_715_decided_three_times(syddjurs):
    for m in syddjurs:
        assert (m.municipality, m.committee, m.date_iso, m.time_str) == ("Syddjurs Kommune", PUK, "2013-06-20", "10:30")
        assert m.place == "Kaløvig Kursuscenter, Præstekravevej 46, Følle Strand, 8410 Rønde"  # with its address
        assert m.kind == "referat"
        (p,) = m.points
        assert (p.number, p.title, p.case_number) == ("715", "Kulturkommune 2017. Politiske fokusområder", "12/27845")
        assert [(d.body, d.date) for d in p.decisions] == [
            (PUK, "2013-04-10"), (PUK, "2013-04-24"), (PUK, "2013-06-20")
        ]  # fmt: skip
        assert fold_ws(p.decisions[1].text) == (
            "Punktet genoptages. Tidspunkt herfor fastlægges på det ordinære PUK-møde den 8. maj 2013"
        )
        assert p.decision.startswith("Punktet blev drøftet.")  # the meeting's own decision: the latest
        assert _people(m) == [
            ("Jesper Mathiesen", False), ("Ole Bollesen", False), ("Niels Viderø", False),
            ("Ole Bjerregaard", False), ("Steen Fris", False),
        ]  # fmt: skip
        assert [x.note for x in m.participants] == ["A", "A", "A", "V", "C"]
        assert len(p.attachments) == 3


@pytest.mark.parametrize(
    ("after_date", "place"),
    [
        (["Kaløvig Kursuscenter", "Præstekravevej 46", "Følle Strand", "8410 Rønde", "Medlemmer"],
         "Kaløvig Kursuscenter, Præstekravevej 46, Følle Strand, 8410 Rønde"),
        (["i Byrådssalen", "Torvegade 15", "Medlemmer"], "Byrådssalen, Torvegade 15"),
        (["Mødecenter C", "Åbent referat", "Tilstede", "Hans Olsen (A)"], "Mødecenter C"),
        (["Rådhuset", "Hans Olsen (A)", "Dorte Berg (V)", "Afbud: Jens Juul"], "Rådhuset"),  # names: no postcode
        (["Rådhuset", "DK-4200 Slagelse", "Medlemmer"], "Rådhuset, DK-4200 Slagelse"),
    ],
)  # fmt: skip
def test_a_cover_keeps_the_address_under_its_place(after_date, place):
    """A print cover's address lines under the place (a street and number, a locality, a post code and town) are
    part of the place; other unlabelled lines (a member's name, "Åbent referat") are not."""
    from assistant.readers.esdh_cover import read_cover
    from assistant.readers.esdh_print import Line

    lines = [Line(t) for t in ("Referat", "Økonomiudvalget", "tirsdag den 4. december 2012, kl. 13:00", *after_date)]
    assert read_cover(lines).place == place


def test_syddjurs_xml_equals_docx_equals_pdf(syddjurs):
    xml, docx, pdf = syddjurs
    assert [m.source_format for m in syddjurs] == ["acadre-xml", "docx", "esdh-print-pdf"]
    assert _points(docx) == _points(xml)
    assert _points(pdf) == _points(xml)
    headings = [s.heading for s in xml.points[0].sections]
    # the prints' "Sagen afgøres i:" label under the title is a section of its own; Acadre's XML has no such field
    for printed in (docx, pdf):
        (said, *rest) = printed.points[0].sections
        assert (said.heading, said.text) == ("Sagen afgøres i", PUK)
        assert [s.heading for s in rest][: len(headings)] == headings


def test_acadre_manifest_is_refused_naming_the_meeting_file(settings):
    result = read_file(_need(SYDDJURS / "XML_1863_manifest.xml"), settings)
    assert not result.ok
    assert "Acadre-manifest" in result.error.problem and "3687981.xml" in result.error.hint


# ---------------------------------------------------------------- fixtures of our own: other bodies and variants


def _fixture(name: str, settings) -> Meeting:
    return _read(FIXTURES / name, settings, "Testby Kommune")


def test_xml_after_a_byte_order_mark_and_blank_lines(settings, tmp_path):
    for name in ("edoc_byraad_2019-03-11.xml", "acadre_kommunalbestyrelsen_2024-10-10.xml"):
        path = tmp_path / name
        path.write_bytes(b"\xef\xbb\xbf\r\n" + (FIXTURES / name).read_bytes())
        assert _summary(_read(path, settings, "Testby Kommune")) == _summary(_fixture(name, settings))


def _summary(m: Meeting) -> tuple:
    return m.source_format, m.committee, m.start, _people(m), _points(m)


def test_edoc_fixture_byraadet(settings):
    m = _fixture("edoc_byraad_2019-03-11.xml", settings)
    assert (m.committee, m.date_iso, m.time_str, m.place) == ("Byrådet", "2019-03-11", "17:00", "Byrådssalen, Rådhuset")
    assert _people(m)[-1] == ("Bo Jensen", True) and [p.name for p in m.absent] == ["Bo Jensen"]
    assert m.secretary == "Lise Mark"
    assert [(p.number, p.case_number, p.closed) for p in m.points] == [
        ("1", "2019-01234", False), ("2", "2019-02345", False), ("3", "19/20079", False), ("4", None, True)
    ]  # fmt: skip
    p2 = m.points[1]
    assert p2.path == [PathEntry("Økonomiudvalget", "2019-02-26", "4")]
    assert [(d.body, d.date, d.point) for d in p2.decisions] == [("Byrådet", "2019-03-11", "2")]
    assert p2.absent == ["Sara Nielsen"]
    p3 = m.points[2]  # a case number alone under the title, a plural plain heading
    assert p3.decision == "Grunden sælges til den højestbydende for 1.250.000 kr."
    assert m.points[3].title == "Personalesag" and not m.points[3].sections


def test_acadre_fixture_kommunalbestyrelsen(settings):
    m = _fixture("acadre_kommunalbestyrelsen_2024-10-10.xml", settings)
    assert (m.committee, m.date_iso, m.time_str, m.place) == (
        "Kommunalbestyrelsen", "2024-10-10", "16:00", "Mødesal 1, Rådhuset"
    )  # fmt: skip
    assert [p.name for p in m.absent] == ["Mikkel Dahl"]
    assert [(p.number, p.case_number, p.closed) for p in m.points] == [
        ("101", "24/11001", False), ("102", "24/13579", False), ("103", "24/15002", True)
    ]  # fmt: skip
    p = m.points[1]
    assert [(d.body, d.date) for d in p.decisions] == [
        ("Økonomiudvalget", "2024-10-02"), ("Kommunalbestyrelsen", "2024-10-10")
    ]  # fmt: skip
    assert p.decision == "Godkendt."  # the meeting's own body, not the committee that recommended it
    assert p.absent == ["Hanne Lyng"]
    assert "Lovgrundlag" not in [s.heading for s in p.sections]  # an empty field prints nothing
    assert p.section("Resumé").text == "Taksterne for hjemmepleje reguleres hvert år efter udgifterne."


def test_docx_fixture_equals_its_pdf(settings):
    docx = _fixture("referat_teknik_miljoe_2024-06-05.docx", settings)
    pdf = _fixture("referat_teknik_miljoe_2024-06-05.pdf", settings)
    assert (docx.source_format, pdf.source_format) == ("docx", "esdh-print-pdf")
    for m in (docx, pdf):
        assert (m.committee, m.date_iso, m.time_str, m.place) == (
            "Teknik- og Miljøudvalget", "2024-06-05", "15:30", "Mødelokale B, Rådhuset"
        )  # fmt: skip
        assert [p.name for p in m.participants] == [
            "Lene Vestergaard", "Jonas Friis", "Thomas Kjær", "Ida Munk", "Erik Skov"
        ]  # fmt: skip
        assert [p.name for p in m.absent] == ["Jonas Friis"]
        assert [(p.number, p.case_number) for p in m.points] == [("87", "24/8812"), ("88", "24/9120")]
        p87, p88 = m.points
        assert [(d.body, d.date) for d in p87.decisions] == [("Teknik- og Miljøudvalget", "2024-06-05")]
        assert p87.absent == ["Jonas Friis"]
        assert p88.path == [PathEntry("Teknik- og Miljøudvalget", "2024-05-08", "61")]
        assert p88.decision == "Serviceniveauet fastholdes."
        assert "Underskriftsside" not in p88.full_text  # the signature page is not part of the last point
    assert _points(docx) == _points(pdf)


# ---------------------------------------------------------------- a print variant rendered here: no blank lines


VARIANT = """Børne- og Skoleudvalget
Referat
Åbent referat
Dato: 14.01.2026
Tilstede
Hanne Brask (A), formand
Ulrik Møller (V), næstformand
Nadia Rask (Ø)
Afbud/Fraværende
Carsten Juul (O)
Indholdsfortegnelse
Åbent referat
1. Meddelelser 2
2. Skoledistrikter fra august 2026 - Sagsnr. i ESDH: 25/31007 2
1. Meddelelser
Dok.nr.: 2026-000412
Sagsnr.: 2025-44120
Sammendrag
Formanden orienterede om dialogmødet med skolebestyrelserne.
Børne- og Skoleudvalgets beslutning den 14.01.2026 Punkt 1
Taget til efterretning.
2. Skoledistrikter fra august 2026 - Sagsnr. i ESDH: 25/31007
Kommunalbestyrelsen den 27. november 2025 Punkt 9
Sagsfremstilling
Elevtallet i bydelen falder, og to distrikter foreslås lagt sammen fra august 2026.
Indstilling
Center for Børn og Unge indstiller, at
A) distrikterne lægges sammen.
Afgørelse
Indstillingen godkendt.
Følgende deltog ikke i behandlingen af punktet:
Nadia Rask (Ø)
Bilag
2025-39980 - Elevprognose 2026-2032"""


def _render(path: Path, pages: list[list], header: str = "") -> Path:
    """A PDF of text lines one step apart (no paragraph gaps, no bold); a (label, value) pair is printed in two
    table columns; pages after the first get ``header`` on top and every page "Side N" at the foot."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(TTFont("DejaVu", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))
    c = canvas.Canvas(str(path), pagesize=A4, invariant=1)
    for n, lines in enumerate(pages, start=1):
        c.setFont("DejaVu", 10)
        top = 800
        if header and n > 1:
            c.drawString(60, 815, f"{header}")
            top = 780
        for i, line in enumerate(lines):
            if isinstance(line, tuple):
                c.drawString(60, top - 14 * i, line[0])
                c.drawString(200, top - 14 * i, line[1])
            else:
                c.drawString(60, top - 14 * i, line)
        c.drawString(480, 30, f"Side {n}")
        c.showPage()
    c.save()
    return path


def test_print_variant_without_blank_lines(settings, tmp_path):
    """A print PDF whose lines all sit one step apart (no paragraph gaps, no bold): the committee above "Referat",
    the date only in "Dato:", roles after a comma, a case number at the end of the title, "Afgørelse"."""
    path = _render(tmp_path / "referat.pdf", [VARIANT.splitlines()])
    m = _read(path, settings, "Testby Kommune")
    assert m.source_format == "esdh-print-pdf"
    assert (m.committee, m.date_iso, m.time_str) == ("Børne- og Skoleudvalget", "2026-01-14", "")
    assert [(p.name, p.absent, p.note) for p in m.participants] == [
        ("Hanne Brask", False, "A; formand"), ("Ulrik Møller", False, "V; næstformand"), ("Nadia Rask", False, "Ø"),
        ("Carsten Juul", True, "Fraværende"),
    ]  # fmt: skip
    assert [(p.number, p.title, p.case_number) for p in m.points] == [
        ("1", "Meddelelser", "2025-44120"), ("2", "Skoledistrikter fra august 2026", "25/31007")
    ]  # fmt: skip
    p1, p2 = m.points
    assert [(d.body, d.date, d.point) for d in p1.decisions] == [("Børne- og Skoleudvalget", "2026-01-14", "1")]
    assert p1.decision == "Taget til efterretning."
    assert p2.path == [PathEntry("Kommunalbestyrelsen", "2025-11-27", "9")]
    assert p2.decision.startswith("Indstillingen godkendt.") and p2.absent == ["Nadia Rask"]
    assert p2.attachments == ["2025-39980 - Elevprognose 2026-2032"]


def test_docx_headings_from_styles_based_on_heading_styles(settings, tmp_path):
    """A municipality's own styles ("Punkttitel" based on Heading 1, "Afsnit" based on Heading 2) are headings,
    and "Sagsnr.:" may stand in a paragraph of its own with the number in the next."""
    from docx import Document
    from docx.enum.style import WD_STYLE_TYPE

    doc = Document()
    for name, base in (("Punkttitel", "Heading 1"), ("Afsnit", "Heading 2")):
        doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH).base_style = doc.styles[base]
    doc.add_paragraph("Referat", style="Title")
    for text in ("Kommunalbestyrelsen", "Torsdag den 30. januar 2025 kl. 19:00", "Byrådssalen"):
        doc.add_paragraph(text)
    doc.add_paragraph("Fraværende: Anders Bak (V)")
    for number, title, case, heading, decision in (
        ("12", "Lokalplan 1102 for boliger ved Skovvej", "25/1187", "Beslutning i Kommunalbestyrelsen den 30-01-2025",
         "Lokalplanen vedtages endeligt."),
        ("13", "Anlægsbevilling til ny daginstitution", "25/1300", "Beslutninger", "Bevillingen gives."),
    ):  # fmt: skip
        doc.add_paragraph(f"{number}. {title}", style="Punkttitel")
        doc.add_paragraph("Sagsnr.:")
        doc.add_paragraph(case)
        doc.add_paragraph("Sagsfremstilling", style="Afsnit")
        doc.add_paragraph("Forvaltningen har behandlet høringssvarene.")
        doc.add_paragraph(heading, style="Afsnit")
        doc.add_paragraph(decision)
    path = tmp_path / "kb.docx"
    doc.save(path)
    m = _read(path, settings, "Testby Kommune")
    assert (m.committee, m.date_iso, m.time_str) == ("Kommunalbestyrelsen", "2025-01-30", "19:00")
    assert m.place == "Byrådssalen"
    assert [p.name for p in m.absent] == ["Anders Bak"]
    assert [(p.number, p.case_number, p.decision) for p in m.points] == [
        ("12", "25/1187", "Lokalplanen vedtages endeligt."), ("13", "25/1300", "Bevillingen gives.")
    ]  # fmt: skip
    assert [s.heading for s in m.points[0].sections] == [
        "Sagsfremstilling", "Beslutning i Kommunalbestyrelsen den 30-01-2025"
    ]  # fmt: skip


def test_esdh_print_with_label_columns_running_numbers_and_closed_items(settings, tmp_path):
    """FORMATS.md format 9 (ESDH PDFs of Varde, Haderslev, Thisted): cover labels with their values in a second
    column, grouped contents, running numbers, "Dok.nr./Sagsid./Initialer/Beslutningskompetence/Åben sag" under the
    title,
    "Beslutning <udvalg> den <dato>" with "Fraværende:", a closed item, a signature sheet."""
    cover = [
        "Økonomiudvalget", "REFERAT", ("Mødedato:", "12-03-2015"), ("Mødetidspunkt:", "16:00"),
        ("Mødested:", "Rådhuset, mødelokale 3"), ("Deltagere:", "Erik Lund (V), Birthe Holm (A), Mads Kirk (O)"),
        ("Afbud:", "Tina Ravn (C)"), ("Referent:", "Søren Bjerg"),
        "Indholdsfortegnelse", "Åbne beslutningssager", "284. Regnskab 2014 for Rådhuset .......... 2",
        "285. Budgetopfølgning pr. 28. februar 2015 .......... 3", "Til behandling - for lukkede døre",
        "286. Køb af areal .......... 3",
    ]
    item = [
        "284. Regnskab 2014 for Rådhuset", ("Dok.nr.:", "2015-10233"), ("Sagsid.:", "15/1201"),
        ("Initialer:", "MBJ"), ("Beslutningskompetence:", "Økonomiudvalget"), "Åben sag", "Sagsfremstilling",
        "Regnskabet for 2014 viser et mindreforbrug på 1,2 mio. kr.", "Indstilling",
        "Økonomidirektøren indstiller, at regnskabet godkendes.", "Beslutning Økonomiudvalget den 12-03-2015",
        "Godkendt.", "Fraværende: Tina Ravn (C)",
    ]
    rest = [
        "285. Budgetopfølgning pr. 28. februar 2015", ("Dok.nr.:", "2015-11870"), ("Sagsid.:", "15/1450"),
        "Åben sag", "Sagsfremstilling", "Forventet regnskab svarer til det korrigerede budget.",
        "Beslutning Økonomiudvalget den 12-03-2015", "Taget til efterretning.", "Fraværende: Tina Ravn (C)",
        "286. Køb af areal", ("Dok.nr.:", "2015-12001"), ("Sagsid.:", "15/1502"), "Lukket sag",
        "Underskriftsblad", "Erik Lund (V)", "Birthe Holm (A)",
    ]  # fmt: skip
    path = _render(tmp_path / "oek.pdf", [cover, item, rest], header="Økonomiudvalget 12-03-2015")
    m = _read(path, settings, "Testby Kommune")
    assert (m.committee, m.date_iso, m.time_str, m.place) == (
        "Økonomiudvalget", "2015-03-12", "16:00", "Rådhuset, mødelokale 3"
    )  # fmt: skip
    assert [(p.name, p.absent) for p in m.participants] == [
        ("Erik Lund", False), ("Birthe Holm", False), ("Mads Kirk", False), ("Tina Ravn", True)
    ]  # fmt: skip
    assert [(p.number, p.title, p.case_number, p.closed) for p in m.points] == [
        ("284", "Regnskab 2014 for Rådhuset", "15/1201", False),
        ("285", "Budgetopfølgning pr. 28. februar 2015", "15/1450", False),
        ("286", "Køb af areal", "15/1502", True),
    ]
    p284 = m.points[0]
    assert [s.heading for s in p284.sections] == [
        "Beslutningskompetence", "Sagsfremstilling", "Indstilling", "Beslutning Økonomiudvalget den 12-03-2015"
    ]  # fmt: skip
    assert p284.sections[0].text == "Økonomiudvalget"  # where the decision lies; the other labels are metadata
    assert [(d.body, d.date) for d in p284.decisions] == [("Økonomiudvalget", "2015-03-12")]
    assert p284.decision.startswith("Godkendt.") and p284.absent == ["Tina Ravn"]
    assert "Økonomiudvalget 12-03-2015" not in m.points[1].full_text  # the running header


def test_numbered_lists_inside_an_item_are_not_items():
    """A recommendation numbered "1." and "2." inside item 2 does not start items 1 and 2 again, although the
    contents list those numbers (their titles differ) and the lines look like item lines."""
    from assistant.readers.esdh_print import parse_lines, text_lines

    text = """Referat
Plan- og Boligudvalget
mandag den 2. februar 2026, kl. 16:00

Indholdsfortegnelse
1. Godkendelse af dagsorden 2
2. Salg af grund ved Industrivej 12 2

1. Godkendelse af dagsorden
Sagsnr.: 26/00101

Beslutning i Plan- og Boligudvalget den 02-02-2026
Godkendt.

2. Salg af grund ved Industrivej 12
Sagsnr.: 25/18811

Indstilling
Direktionen indstiller, at
1. grunden udbydes til salg ved offentligt udbud, og
2. mindsteprisen fastsættes til 2,4 mio. kr.

Beslutning i Plan- og Boligudvalget den 02-02-2026
Indstillingen godkendt."""
    m, _ = parse_lines(text_lines(text), [], "test")
    assert [(p.number, p.case_number) for p in m.points] == [("1", "26/00101"), ("2", "25/18811")]
    assert "2. mindsteprisen fastsættes til 2,4 mio. kr." in m.points[1].section("Indstilling").text
