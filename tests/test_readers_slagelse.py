"""The Slagelse referat (FirstAgenda print layout) as extracted text and rendered to a PDF."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from assistant.readers import read_file
from tests.conftest import SLAGELSE_TXT

DEJAVU = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf")
DEJAVU_BOLD = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
ABSENT = ["Knud Vincents", "Jane Dahl", "John Dyrby Paulsen", "Troels Brandt"]
TITLES = [
    "Godkendelse af dagsorden",
    "§ 17,4 udvalgets afsluttende anbefalinger og perspektiver for boligsocial indsats",
    "Gensidig orientering",
    "Eventuelt",
    "Godkendelse af referat",
]


@pytest.fixture(scope="module")
def text_meeting():
    from assistant.settings import Settings

    result = read_file(SLAGELSE_TXT, Settings())
    assert result.ok, result.error
    return result.meeting


def test_meeting_header(text_meeting):
    m = text_meeting
    assert m.source_format == "firstagenda-print-text"
    assert m.committee == "§ 17,4-udvalg - Ansøgning Boligsocial helhedsplan 2025-2029"
    assert (m.date_iso, m.time_str) == ("2025-12-09", "15:00")
    assert m.place == "Chef for Handicap og Psykiatris kontor, Torvegade 15, Parterre, Slagelse"
    assert m.kind == "referat"
    assert (m.municipality, m.municipality_source) == ("Slagelse Kommune", "folder-metadata")
    assert len(m.participants) == 7
    assert [p.name for p in m.absent] == ABSENT
    assert all(p.note == "Afbud" for p in m.absent)
    assert m.source_path == str(SLAGELSE_TXT.resolve())
    import hashlib

    assert m.content_hash == hashlib.sha256(SLAGELSE_TXT.read_bytes()).hexdigest()


def test_points_titles_codes_and_case(text_meeting):
    pts = text_meeting.points
    assert [p.number for p in pts] == ["1", "2", "3", "4", "5"]
    assert [p.title for p in pts] == TITLES
    assert [p.type_code for p in pts] == ["B", "D", "O", "B", "B"]
    assert [p.case_number for p in pts] == [None, "24-012144", None, None, None]
    assert not any(p.closed for p in pts)


def test_point_2_decision_and_sections(text_meeting):
    p = text_meeting.points[1]
    assert p.decision.startswith("At 1 og 2: Drøftet")
    for phrase in ("Fasthold og styrk samarbejdet", "Brug data som strategisk værktøj", "Organisering og opfølgning"):
        assert phrase in p.decision
    assert "Ansvarlig" not in p.decision and "Chef for Handicap" not in p.decision
    assert [(s.heading, s.level) for s in p.sections] == [
        ("Beslutning", 1), ("Sagsfremstilling", 1), ("Ansvarlig", 2), ("Tid", 2), ("Beslutningstema", 2),
        ("Indstilling", 2), ("Sagens indhold", 2), ("Sagens videre forløb", 2), ("Bilag", 2),
    ]  # fmt: skip
    assert p.section("Tid").text == "30 min."
    content = p.section("Sagens indhold").text
    # Sub-headings inside a section stay in its text, as their own paragraphs.
    assert "\n\nStudietur og anbefalinger\n\n" in content
    # A paragraph split by a page break in the source is joined again.
    assert "forandringsteorier for hver aktivitet skal fungere" in content
    assert "- Uddannelse og livschancer\n- Beskæftigelse" in content
    assert p.attachments == ["Bilag 1- Resume af 17-4 udvalgets møder"]


def test_other_points_sections(text_meeting):
    p1, _, p3, p4, _ = text_meeting.points
    assert p1.decision == "At 1: Godkendt"
    assert p1.section("Indstilling").text == (
        "Chef for Handicap og Psykiatri indstiller,\n\n1. at § 17,4 udvalget godkender dagsordenen."
    )
    assert p3.decision == "At 1: Taget til orientering."
    assert p4.section("Sagens indhold").text == "Ingen bemærkninger"
    assert p4.section("Indstilling") is None


def _render_pdf(txt: Path, out: Path) -> None:
    """The referat as a FirstAgenda-like print PDF: cover, table of contents, one page per item, headers, footers."""
    from xml.sax.saxutils import escape

    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import cm
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    pdfmetrics.registerFont(TTFont("DejaVu", str(DEJAVU)))
    pdfmetrics.registerFont(TTFont("DejaVu-Bold", str(DEJAVU_BOLD if DEJAVU_BOLD.exists() else DEJAVU)))
    body = ParagraphStyle("body", fontName="DejaVu", fontSize=10, leading=13, spaceAfter=9)
    head = ParagraphStyle("head", parent=body, fontName="DejaVu-Bold", fontSize=12, leading=15, spaceAfter=10)
    paras = [p.strip() for p in re.split(r"\n\s*\n", txt.read_text(encoding="utf-8")) if p.strip()]
    title_line = paras[0]
    story, in_toc = [], False
    for p in paras:
        if p == "Indholdsfortegnelse":
            story += [PageBreak(), Paragraph(p, head)]
            in_toc = True
            continue
        if in_toc and not p.startswith("Punkt "):
            for line in p.splitlines():  # "title (B).....\t3" -> dot leaders and the page number
                title, _, page = line.rpartition("\t")
                story.append(Paragraph(escape(title.rstrip(".")) + " " + "." * 20 + " " + page, body))
            continue
        in_toc = False
        lines = p.splitlines()
        if lines[0].startswith("Punkt "):
            story += [PageBreak(), Paragraph(escape(" ".join(lines)), head)]
            continue
        markup = (
            "<br/>".join(escape(ln) for ln in lines) if lines[0].startswith(("- ", "1. ")) else escape(" ".join(lines))
        )
        story.append(Paragraph(markup, body))

    def furniture(canvas, doc):
        canvas.saveState()
        canvas.setFont("DejaVu", 8)
        if doc.page > 1:
            canvas.drawString(2 * cm, A4[1] - 1.2 * cm, title_line)
        canvas.drawRightString(A4[0] - 2 * cm, 1.2 * cm, f"Side {doc.page}")
        canvas.restoreState()

    doc = SimpleDocTemplate(str(out), pagesize=A4, leftMargin=2.5 * cm, rightMargin=2.5 * cm, topMargin=2 * cm)
    doc.build(story, onFirstPage=furniture, onLaterPages=furniture)


@pytest.fixture(scope="module")
def pdf_path(tmp_path_factory):
    if not DEJAVU.exists():
        pytest.skip("DejaVu fonts missing: apt-get install -y fonts-dejavu-core (make system-deps)")
    folder = tmp_path_factory.mktemp("slagelse-pdf")
    (folder / "minutes.toml").write_text('municipality = "Slagelse Kommune"\n', encoding="utf-8")
    out = folder / "referat.pdf"
    _render_pdf(SLAGELSE_TXT, out)
    return out


def test_pdf_parses_to_the_same_meeting(pdf_path, text_meeting):
    from assistant.settings import Settings

    result = read_file(pdf_path, Settings())
    assert result.ok, result.error
    m, t = result.meeting, text_meeting
    assert m.source_format == "firstagenda-print-pdf"
    assert (m.committee, m.start, m.place, m.kind) == (t.committee, t.start, t.place, t.kind)
    assert m.participants == t.participants
    assert [(p.number, p.title, p.type_code, p.case_number) for p in m.points] == [
        (p.number, p.title, p.type_code, p.case_number) for p in t.points
    ]
    assert [p.decision for p in m.points] == [p.decision for p in t.points]
    assert [[s.heading for s in p.sections] for p in m.points] == [[s.heading for s in p.sections] for p in t.points]
    assert m.municipality == "Slagelse Kommune"
    text = "\n".join(p.full_text for p in m.points)
    assert "Side " not in text and "Indholdsfortegnelse" not in text
    assert "æ" in text and "ø" in text and "å" in text
