"""Plain text and Markdown, bad input, folder walking and where the municipality comes from."""

from __future__ import annotations

import json
import shutil

import pytest

from assistant.readers import ReadSummary, iter_files, read_file, read_paths
from tests.conftest import SLAGELSE_TXT

MARKDOWN = """# Noter fra borgermøde om skolestruktur

Mødet blev holdt i Tune Hallen med cirka 120 deltagere.

## Spørgsmål fra salen

Flere forældre spurgte til skolevejen og til busdriften efter sammenlægningen.
"""

LATIN_TEXT = """REFERAT Ældrerådet d. 03-02-2025

Mødedato Mandag d. 3. februar 2025 kl. 10.00

Mødested Rådhuset, mødelokale Søen

Mødedeltagere Åse Ørsted, Bjørn Æbelø (Afbud)

Punkt 1: Høring om madordning på plejecentre (B)

25-001122

Beslutning

Ældrerådet støtter forslaget, men ønsker større fokus på økologi.

Sagsfremstilling

Forvaltningen har sendt forslaget til en ny madordning i høring hos Ældrerådet.
"""


def test_markdown_with_committee_but_without_points_is_one_point_with_warning(tmp_path, settings):
    f = tmp_path / "noter.md"
    f.write_text(MARKDOWN.replace("\n\n", "\n\nUdvalg: Børne- og Skoleudvalget\n\n", 1), encoding="utf-8")
    result = read_file(f, settings, municipality="Greve Kommune")
    assert result.ok
    assert any("ét punkt" in w for w in result.warnings)
    assert result.meeting.committee == "Børne- og Skoleudvalget"
    (p,) = result.meeting.points
    assert p.title == "Noter fra borgermøde om skolestruktur"
    assert p.section("Spørgsmål fra salen").text.startswith("Flere forældre spurgte")
    assert result.meeting.source_format == "text"


def test_text_without_committee_or_points_is_not_minutes(tmp_path, settings):
    """A README or notes beside the minutes (no committee, no agenda points) is skipped, not indexed as a meeting."""
    f = tmp_path / "noter.md"
    f.write_text(MARKDOWN + "\nMødet 9. december 2025 med Punkt 1 og 2 blev nævnt.\n", encoding="utf-8")
    result = read_file(f, settings, municipality="Greve Kommune")
    assert not result.ok
    assert "noter.md" in str(result.error) and "dagsordenspunkter" in str(result.error)


def test_plain_text_with_punkt_items(tmp_path, settings):
    f = tmp_path / "referat.txt"
    f.write_text(
        "Referat af møde i Miljøudvalget den 5. maj 2025 kl. 16.00\n\nPunkt 1: Vandplan\n\nBeslutning\n\n"
        "Godkendt.\n\nPunkt 2: Naturpleje\n\nBeslutning\n\nUdsat.\n",
        encoding="utf-8",
    )
    m = read_file(f, settings).meeting
    assert m.committee == "Miljøudvalget" and m.date_iso == "2025-05-05" and m.time_str == "16:00"
    assert [(p.number, p.title, p.decision) for p in m.points] == [
        ("1", "Vandplan", "Godkendt."),
        ("2", "Naturpleje", "Udsat."),
    ]


def test_windows_1252_text_is_read_without_garbling(tmp_path, settings):
    f = tmp_path / "aeldreraad.txt"
    f.write_bytes(LATIN_TEXT.encode("cp1252"))
    result = read_file(f, settings, municipality="Sorø Kommune")
    assert result.ok, result.error
    m = result.meeting
    assert any("cp1252" in w for w in result.warnings)
    assert m.committee == "Ældrerådet" and m.place == "Rådhuset, mødelokale Søen"
    assert [(p.name, p.absent) for p in m.participants] == [("Åse Ørsted", False), ("Bjørn Æbelø", True)]
    assert m.points[0].title == "Høring om madordning på plejecentre" and m.points[0].case_number == "25-001122"
    assert "Ã" not in m.points[0].full_text


def _write_bad_files(folder):
    (folder / "tom.txt").write_bytes(b"")
    (folder / "billede.png").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (folder / "afbrudt.json").write_text('{"Moede": {"Dato": "2024-01-01T10:00:00", "Sted": "R', encoding="utf-8")
    (folder / "anden.json").write_text(json.dumps({"Udvalg": {"Aktuelle": []}}), encoding="utf-8")
    (folder / "stor.txt").write_text("Punkt 1: x\n" * 20000, encoding="utf-8")
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(folder / "scannet.pdf"))
    c.rect(50, 50, 400, 600, fill=1)  # a page with a picture and no text layer
    c.showPage()
    c.save()


EXPECTED_PROBLEMS = {
    "tom.txt": "filen er tom",
    "billede.png": "binær",
    "afbrudt.json": "ufuldstændig eller ugyldig",
    "anden.json": "ikke et FirstAgenda-møde",
    "stor.txt": "over grænsen på 0.1 MB",
    "scannet.pdf": "intet tekstlag",
}


def test_each_bad_input_gets_one_clear_danish_line(tmp_path, settings):
    _write_bad_files(tmp_path)
    settings = settings.model_copy(update={"max_file_mb": 0.1})
    for name, phrase in EXPECTED_PROBLEMS.items():
        result = read_file(tmp_path / name, settings)
        assert not result.ok and result.meeting is None
        line = str(result.error)
        assert name in line and phrase in line, line
        assert result.error.hint  # says what to do
        assert "\n" not in line
    missing = read_file(tmp_path / "findes-ikke.json", settings)
    assert "findes ikke" in str(missing.error)


def test_folder_run_reads_the_good_and_skips_the_bad(tmp_path, settings, greve_dir):
    _write_bad_files(tmp_path)
    good = tmp_path / ".skjult mappe" / "under mappe"
    good.mkdir(parents=True)
    shutil.copy(SLAGELSE_TXT, good / "referat med mellemrum.txt")
    greve_file = next(p for p in sorted(greve_dir.rglob("*.json")))
    (tmp_path / "greve").mkdir()
    shutil.copy(greve_file, tmp_path / "greve" / "link.json")
    (tmp_path / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (tmp_path / "minutes.toml").write_text('municipality = "Testby Kommune"\n', encoding="utf-8")
    settings = settings.model_copy(update={"max_file_mb": 0.1})
    summary = ReadSummary()
    results = [summary.add(r) for r in read_paths([tmp_path], settings)]
    assert summary.read == 2 and len(summary.skipped) == len(EXPECTED_PROBLEMS)
    assert not any(".DS_Store" in r.path or r.path.endswith("minutes.toml") for r in results)
    by_name = {r.path.rsplit("/", 1)[-1]: r for r in results}
    slagelse = by_name["referat med mellemrum.txt"].meeting
    # The nearest minutes.toml names the municipality for a document that does not.
    assert (slagelse.municipality, slagelse.municipality_source) == ("Testby Kommune", "folder-metadata")
    greve = by_name["link.json"].meeting
    assert (greve.municipality, greve.municipality_source) == ("Greve Kommune", "site")  # the document wins
    assert summary.reasons()["filen er tom"] >= 1
    assert summary.reasons("en")["the file is empty"] >= 1


def test_iter_files_walks_dot_folders_and_names_with_spaces(tmp_path):
    (tmp_path / ".Spørgsmål " / "a b").mkdir(parents=True)
    (tmp_path / ".Spørgsmål " / "a b" / "møde 1.json").write_text("{}")
    (tmp_path / "x.txt").write_text("x")
    for junk in ("minutes.toml", ".DS_Store", "Thumbs.db", "._x.txt", "~$dokument.docx"):
        (tmp_path / junk).write_text("junk")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "config").write_text("x")
    found = sorted(p.relative_to(tmp_path).as_posix() for p in iter_files([tmp_path]))
    assert found == [".Spørgsmål /a b/møde 1.json", "x.txt"]


@pytest.mark.parametrize(
    "argument, toml, header, expected",
    [
        (None, None, "", (None, "")),
        (None, "Slagelse Kommune", "", ("Slagelse Kommune", "folder-metadata")),
        ("Sorø Kommune", "Slagelse Kommune", "", ("Sorø Kommune", "option")),
        ("Sorø Kommune", "Slagelse Kommune", "Næstved Kommune\n\n", ("Næstved Kommune", "document")),
    ],
)
def test_municipality_precedence(tmp_path, settings, argument, toml, header, expected):
    folder = tmp_path / "a" / "b"
    folder.mkdir(parents=True)
    if toml:
        (tmp_path / "minutes.toml").write_text(f'municipality = "{toml}"\n', encoding="utf-8")
    f = folder / "referat.txt"
    f.write_text(header + LATIN_TEXT, encoding="utf-8")
    result = read_file(f, settings, argument)
    m = result.meeting
    assert (m.municipality, m.municipality_source) == expected
    assert any("--municipality" in w for w in result.warnings) == (expected[0] is None)


@pytest.mark.parametrize(
    "folders, toml, expected",
    [
        ("slagelse/2025", None, ("Slagelse Kommune", "folder-name")),
        ("Høje-Taastrup Kommune", None, ("Høje-Taastrup Kommune", "folder-name")),
        ("referater/hoeje-taastrup/udvalg", None, ("Høje-Taastrup Kommune", "folder-name")),
        ("aeroe_kommune", None, ("Ærø Kommune", "folder-name")),
        ("koebenhavn", None, ("Københavns Kommune", "folder-name")),
        ("slagelse", "Sorø Kommune", ("Sorø Kommune", "folder-metadata")),
        ("referater/vejene/2025", None, (None, "")),
    ],
)
def test_municipality_from_a_folder_named_after_it(tmp_path, settings, folders, toml, expected):
    """Minutes kept in a folder named after one of the 98 municipalities belong to it (a minutes.toml wins)."""
    folder = tmp_path / folders
    folder.mkdir(parents=True)
    if toml:
        (folder / "minutes.toml").write_text(f'municipality = "{toml}"\n', encoding="utf-8")
    f = folder / "referat.txt"
    f.write_text(LATIN_TEXT, encoding="utf-8")
    m = read_file(f, settings).meeting
    assert (m.municipality, m.municipality_source) == expected


def test_settings_municipality_is_the_option(tmp_path, settings):
    f = tmp_path / "referat.txt"
    f.write_text(LATIN_TEXT, encoding="utf-8")
    m = read_file(f, settings.model_copy(update={"municipality": "Faxe Kommune"})).meeting
    assert (m.municipality, m.municipality_source) == ("Faxe Kommune", "option")


def test_body_mentions_of_other_municipalities_are_not_the_document(settings):
    m = read_file(SLAGELSE_TXT, settings).meeting  # the text mentions "Aalborg Kommune" in a case
    assert m.municipality_source == "folder-metadata"
