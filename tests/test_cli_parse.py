"""`minutes parse` through click's CliRunner."""

from __future__ import annotations

import json
import shutil

from click.testing import CliRunner

from assistant.cli import main
from tests.conftest import FIXTURES, SLAGELSE_TXT


def test_parse_readable_output_in_danish():
    result = CliRunner().invoke(main, ["parse", str(SLAGELSE_TXT)])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "Slagelse Kommune · § 17,4-udvalg - Ansøgning Boligsocial helhedsplan 2025-2029 · referat" in out
    assert "09-12-2025 kl. 15:00" in out
    assert "Fraværende: Knud Vincents (Afbud), Jane Dahl (Afbud)" in out
    assert "Punkt 2: § 17,4 udvalgets afsluttende anbefalinger og perspektiver for boligsocial indsats (D)" in out
    assert "Sag 24-012144" in out
    assert "Læst: 1 fil med 5 dagsordenspunkter" in result.stderr


def test_parse_json_has_every_field_and_the_problems(tmp_path):
    shutil.copy(SLAGELSE_TXT, tmp_path / "referat.txt")
    (tmp_path / "tom.txt").write_bytes(b"")
    result = CliRunner().invoke(main, ["parse", "--json", "--municipality", "Slagelse Kommune", str(tmp_path)])
    assert result.exit_code == 0, result.output
    doc = json.loads(result.stdout)
    (meeting,) = doc["meetings"]
    assert meeting["municipality"] == "Slagelse Kommune" and meeting["municipality_source"] == "option"
    assert (meeting["date"], meeting["time"]) == ("2025-12-09", "15:00")
    assert meeting["points"][1]["case_number"] == "24-012144"
    assert meeting["points"][1]["sections"][0] == {
        "heading": "Beslutning",
        "text": meeting["points"][1]["decision"],
        "level": 1,
    }
    assert len(meeting["content_hash"]) == 64
    (problem,) = doc["problems"]
    assert problem["path"].endswith("tom.txt") and "filen er tom" in problem["message"]
    assert doc["summary"]["read"] == 1 and doc["summary"]["skipped"] == 1


def test_folder_with_good_and_bad_files_exits_zero_and_reports(tmp_path):
    folder = tmp_path / ".mappe med mellemrum"
    folder.mkdir()
    shutil.copy(FIXTURES / "readers" / "holbaek.html", folder / "holbaek.html")
    (folder / "afbrudt.json").write_text('{"Moede": {', encoding="utf-8")
    result = CliRunner().invoke(main, ["parse", str(tmp_path)])
    assert result.exit_code == 0
    assert "Punkt 174: Anlægsbevilling til renovering af svømmehallen" in result.stdout
    assert "12-03-2025 kl. 15:00–17:10" in result.stdout  # the start and the end its "SLUTTIDSPUNKT" gives
    assert "Sprunget over:" in result.stderr and "afbrudt.json: JSON-filen er ufuldstændig" in result.stderr
    assert "Læst: 1 fil " in result.stderr and "Sprunget over: 1." in result.stderr


def test_nothing_readable_exits_non_zero(tmp_path):
    (tmp_path / "tom.txt").write_bytes(b"")
    result = CliRunner().invoke(main, ["parse", str(tmp_path)])
    assert result.exit_code == 1
    assert "tom.txt: filen er tom" in result.stderr
    empty = tmp_path / "tom-mappe"
    empty.mkdir()
    result = CliRunner().invoke(main, ["parse", "--json", str(empty)])
    assert result.exit_code == 1
    assert json.loads(result.stdout)["meetings"] == []
