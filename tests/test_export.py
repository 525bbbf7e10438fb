"""Citation export: every format parses back and carries the question, the answer, every citation, the date."""

from __future__ import annotations

import csv
import io
import re
from dataclasses import replace
from datetime import date

import pytest

from assistant.citations import render_citation
from assistant.export import FORMATS, bib_escape, bib_key, export, export_name, to_bibtex, to_csv, to_markdown, to_ris
from assistant.records import Answer, Citation

DAY = date(2026, 3, 4)

_BIB_UNESCAPE = {r"\textbackslash{}": "\\", r"\textasciitilde{}": "~", r"\textasciicircum{}": "^"}


def _citations() -> list[Citation]:
    return [
        Citation(
            number=1,
            municipality="Slagelse Kommune",
            committee="§ 17,4-udvalg - Ansøgning Boligsocial helhedsplan 2025-2029",
            meeting_date="2025-12-09",
            point_number="2",
            point_title="§ 17,4 udvalgets afsluttende anbefalinger og perspektiver for boligsocial indsats (B)",
            case_number="24-012144",
            source="/corpus/slagelse/referat-17-4-udvalg-2025-12-09.txt",
            quote='Brug data som strategisk værktøj: 50 % & {mere} "data" <script>alert(1)</script>',
            point_key="abc:2",
            section="Beslutning",
        ),
        Citation(
            number=2,
            municipality="Greve Kommune",
            committee="Økonomiudvalget",
            meeting_date="2024-06-11",
            point_number="12",
            point_title="Lukket: Køb af ejendom",
            case_number="",
            source="https://dagsordener.greve.dk/x.json",
            quote="",
            closed=True,
            point_key="def:12",
        ),
    ]


def _answers() -> list[Answer]:
    first = Answer(
        question="Hvad anbefalede udvalget om brug af data?",
        text="Udvalget anbefalede at bruge data strategisk [1].\n\nEt punkt er lukket [2].",
        citations=_citations(),
    )
    follow = Answer(
        question="What did they decide, #2?",
        text="They discussed it [1].",
        citations=[_citations()[0]],
        lang="en",
    )
    return [first, follow]


def parse_bibtex(text: str) -> list[tuple[str, str, dict[str, str]]]:
    """A small BibTeX reader: entries with brace-balanced field values, LaTeX escapes undone."""
    entries = []
    for m in re.finditer(r"@(\w+)\{([^,]+),", text):
        pos, fields = m.end(), {}
        while True:
            fm = re.compile(r"\s*(\w+)\s*=\s*\{").match(text, pos)
            if not fm:
                break
            depth, i = 1, fm.end()
            while depth:
                if text[i] == "\\":
                    i += 2
                    continue
                depth += {"{": 1, "}": -1}.get(text[i], 0)
                i += 1
            value = text[fm.end() : i - 1]
            for k, v in _BIB_UNESCAPE.items():
                value = value.replace(k, v)
            fields[fm.group(1)] = re.sub(r"\\([{}%&$#_])", r"\1", value)
            pos = i + 1 if text[i : i + 1] == "," else i
        entries.append((m.group(1), m.group(2), fields))
    return entries


def parse_ris(text: str) -> list[dict[str, list[str]]]:
    records, cur = [], {}
    for line in text.splitlines():
        if not line.strip():
            continue
        tag, sep, value = line.partition("  - ")
        assert sep and re.fullmatch(r"[A-Z][A-Z0-9]", tag), f"not a RIS line: {line!r}"
        if tag == "ER":
            records.append(cur)
            cur = {}
        else:
            cur.setdefault(tag, []).append(value)
    assert not cur, "the last record has no ER line"
    return records


def test_csv_parses_back_with_every_citation():
    answers = _answers()
    rows = list(csv.DictReader(io.StringIO(to_csv(answers, when=DAY))))
    assert len(rows) == 3  # 2 citations + 1
    assert {r["export_date"] for r in rows} == {"2026-03-04"}
    first = rows[0]
    c = _citations()[0]
    assert first["question"] == answers[0].question
    assert first["answer"] == answers[0].text  # multi-line answer survives quoting
    assert first["quote"] == c.quote
    assert first["case_number"] == "24-012144"
    assert first["meeting_date"] == "2025-12-09"
    assert first["reference"] == render_citation(c, "da")
    assert first["source_file"] == "referat-17-4-udvalg-2025-12-09.txt" and "source" not in first
    closed = rows[1]
    assert closed["closed"] == "True" and closed["quote"] == ""
    assert rows[2]["question"] == "What did they decide, #2?"
    assert rows[2]["reference"] == render_citation(c, "en")


def test_bibtex_parses_back_field_by_field():
    answers = _answers()
    entries = parse_bibtex(to_bibtex(answers, when=DAY))
    assert len(entries) == 3
    keys = [k for _, k, _ in entries]
    assert len(set(keys)) == 3, keys
    kind, key, f = entries[0]
    c = _citations()[0]
    assert kind == "misc"
    assert f["title"] == f"Punkt 2: {c.point_title}"
    assert f["author"] == "{Slagelse Kommune}"
    assert f["howpublished"] == c.committee
    assert f["date"] == "2025-12-09" and f["year"] == "2025"
    assert f["number"] == "24-012144"
    assert f["note"] == c.quote  # %, &, braces and quotes round-trip
    assert f["addendum"] == render_citation(c, "da")
    assert answers[0].question in f["annote"] and "Udvalget anbefalede" in f["annote"]
    assert f["urldate"] == "2026-03-04"
    assert "file" not in f and f["library"] == "referat-17-4-udvalg-2025-12-09.txt"
    closed = entries[1][2]
    assert closed["note"] == "Lukket punkt: indholdet gengives ikke"
    assert "number" not in closed  # no case number, no empty field


def test_citation_keys_spell_out_danish_letters():
    c = replace(_citations()[1], municipality="Ærø Kommune", point_number="7å")
    assert bib_key(c, 1) == "AeroeKommune20240611p7Aa_1_2"  # not "RKommune...": æ, ø and å are spelled out


def test_bib_escape_neutralises_latex():
    assert bib_escape("50% & {x} $y #z _w \\") == r"50\% \& \{x\} \$y \#z \_w \textbackslash{}"


def test_ris_parses_back_field_by_field():
    answers = _answers()
    recs = parse_ris(to_ris(answers, when=DAY))
    assert len(recs) == 3
    r = recs[0]
    c = _citations()[0]
    assert r["TY"] == ["GOVDOC"]
    assert r["TI"] == [f"Punkt 2: {c.point_title}"]
    assert r["AU"] == ["Slagelse Kommune"]
    assert r["T2"] == [c.committee]
    assert r["DA"] == ["2025/12/09"] and r["PY"] == ["2025"]
    assert r["M1"] == ["24-012144"]
    assert r["AB"] == [c.quote]
    assert r["Y2"] == ["2026/03/04"]
    assert f"Spørgsmål: {answers[0].question}" in r["N1"]
    assert any(n.startswith("Svar: Udvalget anbefalede") for n in r["N1"])  # newlines folded to one line
    assert render_citation(c, "da") in r["N1"]
    assert "L1" not in r and r["AN"] == ["referat-17-4-udvalg-2025-12-09.txt"]  # the file's name, not its path
    assert recs[1]["UR"] == ["https://dagsordener.greve.dk/x.json"]


def test_markdown_lists_question_answer_and_references():
    md = to_markdown(_answers(), when=DAY)
    assert "Eksporteret: 2026-03-04" in md
    assert "Hvad anbefalede udvalget om brug af data?" in md
    assert "Udvalget anbefalede at bruge data strategisk [1]." in md
    assert "Slagelse Kommune" in md and "24-012144" in md and "Greve Kommune" in md
    assert "<script>" not in md  # raw HTML from minutes is escaped


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_export_writes_every_format(tmp_path, fmt):
    path = export(_answers(), fmt, tmp_path / f"x{FORMATS[fmt]}", when=DAY)
    assert path.exists() and path.stat().st_size > 200
    if fmt == "docx":
        from docx import Document

        text = "\n".join(p.text for p in Document(str(path)).paragraphs)
    else:
        text = path.read_text(encoding="utf-8-sig")
    assert "24-012144" in text and "Greve Kommune" in text and "2026" in text


def test_docx_has_question_answer_numbered_references(tmp_path):
    from docx import Document

    path = export(_answers(), "docx", tmp_path / "svar.docx", when=DAY)
    paras = [p.text for p in Document(str(path)).paragraphs]
    c1, c2 = _citations()
    assert "Eksporteret: 2026-03-04" in paras
    assert "Hvad anbefalede udvalget om brug af data?" in paras
    assert "Udvalget anbefalede at bruge data strategisk [1]." in paras
    assert f"[1] {render_citation(c1, 'da')}" in paras
    assert f"[2] {render_citation(c2, 'da')}" in paras
    assert c1.quote in paras


def test_refused_answer_exports_nearest_points(tmp_path):
    refused = Answer(question="Hvad koster svømmehallen?", text="Det fremgår ikke af referaterne.", citations=[],
                     refused=True, nearest=_citations()[:1])
    rows = list(csv.DictReader(io.StringIO(to_csv([refused], when=DAY))))
    assert rows[0]["case_number"] == "24-012144" and rows[0]["refused"] == "True"
    assert "Nærmeste punkter" in to_markdown([refused], when=DAY)


def test_export_refuses_unknown_format_and_empty(tmp_path):
    with pytest.raises(ValueError, match="pdf"):
        export(_answers(), "pdf", tmp_path / "x.pdf")
    with pytest.raises(ValueError, match="intet svar"):
        export([], "md", tmp_path / "x.md")


def test_export_name_is_safe():
    name = export_name([Answer(question="Hvad ../../ besluttede Økonomiudvalget?", text="", citations=[])], "bib")
    assert "/" not in name and name.endswith(".bib") and "oekonomiudvalget" in name


def test_export_name_follows_what_is_exported():
    one, two = _answers()
    today = date.today().isoformat()
    assert export_name([one], "md") == f"referat-svar-{today}-hvad-anbefalede-udvalget-om-brug-af-data.md"
    assert export_name([one, two], "docx") == f"referat-samtale-{today}.docx"  # not the first question's name
    assert export_name([one], "csv", conversation=True) == f"referat-samtale-{today}.csv"
    assert export_name([one, two], "ris", conversation=False) == f"referat-svar-{today}-what-did-they-decide-2.ris"
    # in the page's language
    assert export_name([one, two], "docx", lang="en") == f"minutes-conversation-{today}.docx"
    assert export_name([two], "ris", lang="en") == f"minutes-answer-{today}-what-did-they-decide-2.ris"
