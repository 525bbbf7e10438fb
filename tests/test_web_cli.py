"""`minutes export` and `minutes serve` through click's runner; the app's launch options."""

from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.cli import main

FIXTURES = Path(__file__).parent / "fixtures" / "web"


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory):
    from assistant.ingest import ingest
    from assistant.settings import Settings

    root = tmp_path_factory.mktemp("web-cli")
    shutil.copytree(FIXTURES / "minutes", root / "corpus" / "fiktiv")
    ingest(None, Settings(index=root / "index", corpus=root / "corpus"), show_progress=False)
    return root / "index"


def test_export_cli_asks_then_writes(index_dir, tmp_path):
    out = tmp_path / "svar.csv"
    q = "Hvad blev besluttet om vejbump på Skolevej?"
    res = CliRunner().invoke(main, ["export", q, "--format", "csv", "-o", str(out), "--index", str(index_dir)])
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"))))
    assert rows[0]["question"] == q and rows[0]["point_title"] == "Vejbump på Skolevej for trafiksikkerhed"
    assert rows[0]["case_number"] == "25-000602" and rows[0]["quote"] in rows[0]["answer"]
    assert "Gemt:" in res.output


def test_export_cli_docx_and_bad_date(index_dir, tmp_path):
    from docx import Document

    out = tmp_path / "svar.docx"
    args = ["export", "Hvad besluttede udvalget om cykelstien?", "--format", "docx", "-o", str(out)]
    res = CliRunner().invoke(main, [*args, "--index", str(index_dir), "--committee", "Teknik- og Miljøudvalget"])
    assert res.exit_code == 0, res.output
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "Ny cykelsti langs Strandvejen" in text and "Teknik- og Miljøudvalget" in text
    bad = CliRunner().invoke(main, [*args, "--index", str(index_dir), "--from", "9/12/2025"])
    assert bad.exit_code != 0 and "ÅÅÅÅ-MM-DD" in bad.output


def test_launch_defaults_and_login(monkeypatch, tmp_path):
    """Localhost:7860, no public share link, login from MINUTES_AUTH, the upload limit enforced by Gradio too."""
    import gradio as gr

    from assistant.settings import Settings
    from assistant.web.app import launch

    seen = {}
    monkeypatch.setattr(gr.Blocks, "launch", lambda self, **kw: seen.update(kw))
    monkeypatch.setenv("MINUTES_AUTH", "anna:hemmelig,bo:kode")
    launch(Settings(index=tmp_path / "index", corpus=tmp_path))
    assert (seen["server_name"], seen["server_port"], seen["share"]) == ("127.0.0.1", 7860, False)
    assert seen["auth"] == [("anna", "hemmelig"), ("bo", "kode")]
    assert seen["max_file_size"] == "20mb"


def test_serve_cli_ingests_then_launches(monkeypatch, tmp_path):
    import assistant.web as web

    shutil.copytree(FIXTURES / "minutes", tmp_path / "corpus" / "fiktiv")
    seen = {}
    monkeypatch.setattr(web, "launch", lambda settings, share=False: seen.update(settings=settings, share=share))
    args = ["serve", "--port", "7999", "--index", str(tmp_path / "index"), "--corpus", str(tmp_path / "corpus")]
    res = CliRunner().invoke(main, args)
    assert res.exit_code == 0, res.output
    assert seen["settings"].port == 7999 and seen["settings"].host == "127.0.0.1" and seen["share"] is False
    assert "Indeks klar: 2 nye" in res.output
    again = CliRunner().invoke(main, args)  # unchanged corpus: nothing new, served at once
    assert "0 nye, 0 ændrede, 2 uændrede" in again.output
