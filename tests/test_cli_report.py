"""`minutes parse --report`: what a user reads before indexing a municipality's minutes (CliRunner)."""

from __future__ import annotations

import json
import shutil

from click.testing import CliRunner

from assistant.cli import main
from assistant.prompts import localized, plural
from assistant.readers.report import gap_warnings, parse_gaps
from assistant.records import AgendaPoint, Meeting
from tests.conftest import FIXTURES, SLAGELSE_TXT

GOOD = FIXTURES / "readers" / "print_byraad_firstagenda.txt"

# A referat as a new user's municipality might print it: case numbers in a form no reader knows ("Journal 7/A-12"),
# decisions under a heading no municipality in FORMATS.md uses ("Vedtagelse").
UNRECOGNISED = """REFERAT Kulturudvalget d. 03-02-2026

Mødedato Tirsdag d. 3. februar 2026 kl. 16:00

Mødedeltagere Anne Berg (A), Bo Holm (V)

Punkt 1: Godkendelse af dagsorden

Journal 7/A-12

Vedtagelse

Godkendt.

Punkt 2: Tilskud til byfesten

Journal 7/A-13

Vedtagelse

Bevilget med 40.000 kr.

Punkt 3: Bibliotekets åbningstider

Journal 7/A-14

Vedtagelse

Udsat.
"""


def test_report_per_file_with_warnings_and_an_overall_line(tmp_path):
    shutil.copy(GOOD, tmp_path / "byraad.txt")
    (tmp_path / "kultur.txt").write_text(UNRECOGNISED, encoding="utf-8")
    (tmp_path / "tom.txt").write_bytes(b"")
    result = CliRunner().invoke(main, ["parse", "--report", "--municipality", "Testby Kommune", str(tmp_path)])
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines == [
        "byraad.txt: firstagenda-print-text · Testby Kommune · Byrådet · 2025-08-27 · referat",
        "    3 punkter · sagsnummer 3/3 (100 %) · beslutning 3/3 åbne (100 %) · 5 deltagere, 1 fraværende · "
        "1 fravær ved et enkelt punkt · 3 afstemninger/holdninger",
        "kultur.txt: firstagenda-print-text · Testby Kommune · Kulturudvalget · 2026-02-03 · referat",
        "    3 punkter · sagsnummer 0/3 (0 %) · beslutning 0/3 åbne (0 %) · 2 deltagere, 0 fraværende",
        "    Advarsel: 0 af 3 punkter har et sagsnummer: tjek om sagsnumrene står i dokumentet i en form, læseren "
        "ikke kender (fx 24-012144, EMN-2025-003383, Sagsnr.: 2012-28504)",
        "    Advarsel: 0 af 3 åbne punkter har en beslutning: tjek om beslutningens overskrift (fx 'Beslutning', "
        "'Udvalgets beslutning', 'Beslutning i X den ...') er genkendt",
        "    Advarsel: 3 af 3 punkter begynder med tekst uden overskrift: tjek om en overskrift står på samme linje "
        "som titlen eller sagsnummeret",
        "tom.txt: ikke læst: filen er tom (slet den, eller hent referatet igen)",
        "I alt: 3 filer, 2 læst, 1 ikke læst · 6 punkter · sagsnummer 50 % · beslutning 50 % af åbne punkter i "
        "referater · 1 fil med advarsler · formater: firstagenda-print-text 2",
    ]


def test_report_json(tmp_path):
    (tmp_path / "kultur.txt").write_text(UNRECOGNISED, encoding="utf-8")
    result = CliRunner().invoke(main, ["parse", "--report", "--json", str(tmp_path)])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    (f,) = doc["files"]
    assert (f["format"], f["committee"], f["date"], f["points"], f["with_case"], f["with_decision"]) == (
        "firstagenda-print-text", "Kulturudvalget", "2026-02-03", 3, 0, 0
    )  # fmt: skip
    assert f["warnings"][0].startswith("Kommunen fremgår ikke af dokumentet")
    assert f["warnings"][1].startswith("0 af 3 punkter har et sagsnummer")
    assert {k: doc["overall"][k] for k in ("files", "read", "points", "with_case", "files_with_warnings")} == {
        "files": 1, "read": 1, "points": 3, "with_case": 0, "files_with_warnings": 1
    }  # fmt: skip


def test_real_referat_has_no_gap_warning():
    if not SLAGELSE_TXT.exists():
        import pytest

        pytest.skip(f"the Slagelse referat is not at {SLAGELSE_TXT}")
    result = CliRunner().invoke(main, ["parse", "--report", str(SLAGELSE_TXT)])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[1] == (
        "    5 punkter · sagsnummer 1/5 (20 %) · beslutning 5/5 åbne (100 %) · 7 deltagere, 4 fraværende"
    )
    assert "Advarsel" not in result.stdout  # formal points without a case number are not a gap


def test_gap_wording_is_danish_with_correct_plural():
    assert [plural(1, "punkt", "punkter"), plural(2, "punkt", "punkter"), plural(0, "fil", "filer")] == [
        "1 punkt", "2 punkter", "0 filer"
    ]  # fmt: skip
    points = [AgendaPoint("1", "Godkendelse af dagsorden"), AgendaPoint("2", "Budget", decision="Godkendt.")]
    points += [AgendaPoint("3", "Eventuelt"), AgendaPoint("4", "Lukket: Køb", closed=True)]
    m = Meeting("X Kommune", "Byrådet", None, points=points)
    assert parse_gaps(m) == [
        "0 af 4 punkter har et sagsnummer: tjek om sagsnumrene står i dokumentet i en form, læseren ikke kender "
        "(fx 24-012144, EMN-2025-003383, Sagsnr.: 2012-28504)",
        "1 af 3 åbne punkter har en beslutning: tjek om beslutningens overskrift (fx 'Beslutning', "
        "'Udvalgets beslutning', 'Beslutning i X den ...') er genkendt",
        "Ingen deltagere fundet: tjek om mødets deltagere står under en kendt overskrift (Mødedeltagere, "
        "Medlemmer, Tilstede)",
    ]
    # the ingest's warnings: the same gaps, Danish as text and English for `minutes --lang en ingest`
    gaps = gap_warnings(m)
    assert gaps == parse_gaps(m) and [localized(g, "en") for g in gaps] == parse_gaps(m, "en")
    assert localized(gaps[0], "en").startswith("0 of 4 items have a case number")
    m.kind = "dagsorden"  # an agenda has no decisions yet and need not list participants
    assert len(parse_gaps(m)) == 1


def test_report_in_english_with_lang_en(tmp_path):
    (tmp_path / "kultur.txt").write_text(UNRECOGNISED, encoding="utf-8")
    shutil.copy(GOOD, tmp_path / "byraad.txt")
    result = CliRunner().invoke(main, ["--lang", "en", "parse", "--report", "--municipality", "Testby Kommune",
                                       str(tmp_path)])  # fmt: skip
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[1] == (
        "    3 items · case number 3/3 (100 %) · decision 3/3 open (100 %) · 5 participants, 1 absent · "
        "1 absence from a single item · 3 votes/positions"
    )
    assert lines[4] == (
        "    Warning: 0 of 3 items have a case number: check whether the document prints its case numbers in a form "
        "the reader does not know (e.g. 24-012144, EMN-2025-003383, Sagsnr.: 2012-28504)"
    )
    assert lines[-1].startswith("Total: 2 files, 2 read, 0 not read · 6 items · case number 50 %")
