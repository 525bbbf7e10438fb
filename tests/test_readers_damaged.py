"""Damaged files: each gets one clear Danish problem naming the file, or, where the text survives, the meeting
with a warning that says it was recovered. The damage is done here to copies of our own fixtures."""

from __future__ import annotations

import re
import struct
from pathlib import Path

import pytest

from assistant.readers import read_file
from assistant.records import Meeting

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "readers" / "esdh"
DOCX = FIXTURES / "referat_teknik_miljoe_2024-06-05.docx"
PDF = FIXTURES / "referat_teknik_miljoe_2024-06-05.pdf"
EDOC = FIXTURES / "edoc_byraad_2019-03-11.xml"
ACADRE = FIXTURES / "acadre_kommunalbestyrelsen_2024-10-10.xml"
TOWN = "Testby Kommune"


def _summary(m: Meeting) -> tuple:
    return (
        m.committee,
        m.start,
        [(p.name, p.absent) for p in m.participants],
        [(p.number, p.title, p.case_number, p.decision, [(d.body, d.date) for d in p.decisions]) for p in m.points],
    )


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def _intact(path: Path, settings) -> Meeting:
    result = read_file(path, settings, TOWN)
    assert result.ok and not result.warnings, (result.error, result.warnings)
    return result.meeting


def _local_header(data: bytes, member: bytes) -> int:
    pos = 0
    while (pos := data.find(b"PK\x03\x04", pos)) != -1:
        (nlen,) = struct.unpack("<H", data[pos + 26 : pos + 28])
        if data[pos + 30 : pos + 30 + nlen] == member:
            return pos
        pos += 4
    raise AssertionError(f"{member!r} not in the zip")


# ---------------------------------------------------------------- DOCX


def test_docx_without_central_directory_is_recovered(settings, tmp_path):
    data = DOCX.read_bytes()
    cut = _write(tmp_path, "referat.docx", data[: data.find(b"PK\x01\x02")])  # the end of the zip is gone
    result = read_file(cut, settings, TOWN)
    assert result.ok, result.error
    assert any("zip-arkivets indholdsfortegnelse mangler" in w and "genskabt" in w for w in result.warnings)
    assert _summary(result.meeting) == _summary(_intact(DOCX, settings))


def test_docx_cut_inside_the_document_part_is_a_problem(settings, tmp_path):
    data = DOCX.read_bytes()
    cut = _write(tmp_path, "referat.docx", data[: _local_header(data, b"word/document.xml") + 200])
    result = read_file(cut, settings, TOWN)
    assert not result.ok
    assert result.error.path.endswith("referat.docx")
    assert "DOCX-filen er beskadiget" in result.error.problem and "kan ikke genskabes" in result.error.problem
    assert "hent filen igen" in result.error.hint
    assert str(result.error).startswith(str(cut.resolve()))


def test_docx_with_unreadable_styles_says_so(settings, tmp_path):
    import zipfile

    path = tmp_path / "referat.docx"
    with zipfile.ZipFile(DOCX) as src, zipfile.ZipFile(path, "w") as dst:
        for item in src.infolist():
            dst.writestr(item, b"<<< not xml" if item.filename == "word/styles.xml" else src.read(item))
    result = read_file(path, settings, TOWN)
    assert result.ok, result.error
    assert [w for w in result.warnings if "typografier (word/styles.xml) kunne ikke læses" in w], result.warnings


def test_zip_that_is_not_a_word_document(settings, tmp_path):
    import zipfile

    path = tmp_path / "bilag.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("data/tal.csv", "a;b\n1;2\n")
    result = read_file(path, settings, TOWN)
    assert not result.ok and "ikke et Word-dokument" in result.error.problem


# ---------------------------------------------------------------- PDF


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda d: re.sub(rb"startxref\s+\d+", b"startxref\n999", d), id="startxref-points-nowhere"),
        pytest.param(lambda d: d.replace(b"\nxref\n", b"\nxrf\n"), id="xref-keyword-destroyed"),
        pytest.param(lambda d: d[: d.find(b"\n", 10) + 1] + b"%" + b"x" * 40 + b"\n" + d[d.find(b"\n", 10) + 1 :],
                     id="every-offset-shifted"),  # fmt: skip
    ],
)
def test_pdf_with_broken_cross_reference_table_is_recovered(settings, tmp_path, damage):
    data = PDF.read_bytes()
    broken = damage(data)
    assert broken != data
    result = read_file(_write(tmp_path, "referat.pdf", broken), settings, TOWN)
    assert result.ok, result.error
    assert any("krydsreferencetabellen" in w and "genskabt" in w for w in result.warnings)
    assert _summary(result.meeting) == _summary(_intact(PDF, settings))


def test_pdf_cut_short_is_a_problem(settings, tmp_path):
    data = PDF.read_bytes()
    result = read_file(_write(tmp_path, "referat.pdf", data[: len(data) // 2]), settings, TOWN)
    assert not result.ok
    assert "PDF-filen er ufuldstændig" in result.error.problem and "afbrudt under download" in result.error.hint


# ---------------------------------------------------------------- XML


@pytest.mark.parametrize(("path", "what"), [(EDOC, "eDoc-XML"), (ACADRE, "Acadre-XML")])
@pytest.mark.parametrize("share", [0.3, 0.7, 0.995])
def test_xml_cut_short_is_a_problem(settings, tmp_path, path, what, share):
    data = path.read_bytes()
    cut = _write(tmp_path, path.name, data[: int(len(data) * share)])
    result = read_file(cut, settings, TOWN)
    assert not result.ok
    assert result.error.problem.startswith(f"{what}-filen er afkortet")
    assert "hent filen igen" in result.error.hint
    assert result.error.path == str(cut.resolve())


def test_xml_with_a_syntax_error_is_not_called_cut_short(settings, tmp_path):
    data = EDOC.read_bytes().replace(b"</Committee>", b"</Comittee>")  # a misspelt end tag, the end intact
    result = read_file(_write(tmp_path, "moede.xml", data), settings, TOWN)
    assert not result.ok
    assert result.error.problem.startswith("eDoc-XML-filen er ugyldig XML (linje 3")


def test_old_word_document_is_named(settings, tmp_path):
    data = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504) + "Referat Byrådet".encode("utf-16-le")
    result = read_file(_write(tmp_path, "referat.doc", data), settings, TOWN)
    assert not result.ok
    assert "Word .doc" in result.error.problem and "gem den som DOCX eller PDF" in result.error.hint
