"""Uploads: checked by the real readers, stored under the corpus under safe names, never outside it."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from language_words import DA_TYPICAL, words

from assistant.settings import Settings
from assistant.web.state import Services
from assistant.web.upload import add_uploads, check_upload, safe_name, store_upload, upload_callback, uploads_dir

FIXTURES = Path(__file__).parent / "fixtures" / "web"


@pytest.fixture
def web_settings(tmp_path) -> Settings:
    (tmp_path / "corpus").mkdir()
    return Settings(index=tmp_path / "index", corpus=tmp_path / "corpus", upload_max_mb=1.0)


@pytest.mark.parametrize(
    "name, expected",
    [
        ("../../x.json", "x.json"),
        ("..\\..\\Windows\\evil.JSON", "evil.json"),
        ("/etc/passwd", "passwd"),
        (".hidden.txt", "hidden.txt"),
        ("Referat Økonomiudvalget 9. dec.pdf", "referat-oekonomiudvalget-9-dec.pdf"),
        ("..", "referat"),
        ("", "referat"),
    ],
)
def test_safe_name(name, expected):
    assert safe_name(name) == expected


def _inside(path: Path, settings: Settings) -> bool:
    return path.resolve().parent == uploads_dir(settings).resolve()


def test_traversal_names_stay_inside_the_corpus(web_settings, tmp_path):
    src = tmp_path / "upload.json"
    src.write_text("{}", encoding="utf-8")
    for name in ("../../x.json", "../../../../tmp/x.json", "..\\..\\x.json", "uploads/../../x.json"):
        stored, _ = store_upload(src, name, web_settings)
        assert _inside(stored, web_settings), stored
    assert not (tmp_path / "x.json").exists() and not (web_settings.corpus_path.parent / "x.json").exists()
    assert sorted(p.name for p in uploads_dir(web_settings).iterdir()) == ["x.json"]  # same bytes: stored once


def test_no_overwrite_of_another_file(web_settings, tmp_path):
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    a.write_text('{"a": 1}', encoding="utf-8")
    b.write_text('{"b": 2}', encoding="utf-8")
    first, created1 = store_upload(a, "referat.json", web_settings)
    second, created2 = store_upload(b, "referat.json", web_settings)
    again, created3 = store_upload(a, "referat.json", web_settings)
    assert (first.name, second.name, again) == ("referat.json", "referat-2.json", first)
    assert (created1, created2, created3) == (True, True, False)
    assert first.read_text() == '{"a": 1}' and second.read_text() == '{"b": 2}'


def test_symlink_in_uploads_is_not_followed(web_settings, tmp_path):
    folder = uploads_dir(web_settings)
    folder.mkdir(parents=True)
    outside = tmp_path / "outside.json"
    os.symlink(outside, folder / "x.json")  # dangling link pointing out of the corpus
    src = tmp_path / "src.json"
    src.write_text("{}", encoding="utf-8")
    stored, created = store_upload(src, "x.json", web_settings)
    assert created and stored.name == "x-2.json" and not outside.exists()


def test_bad_file_refused_with_the_readers_message(web_settings, tmp_path):
    src = tmp_path / "gradio-tmp-123.json"
    shutil.copy(FIXTURES / "bad-truncated.json", src)
    result, refusal = check_upload(src, "Referat KFU.json", web_settings, "da")
    assert result is not None and result.error is not None
    reader_problem = result.error.problem
    assert refusal.startswith("Afvist") and reader_problem in refusal
    assert "Referat KFU.json" in refusal and str(src) not in refusal  # named as the user knows it


def test_the_english_page_gives_the_readers_reasons_in_english(web_settings, tmp_path):
    """The reader's refusal and hint are Messages: the English page shows them in English, the Danish in Danish."""
    src = tmp_path / "gradio-tmp-456.json"
    shutil.copy(FIXTURES / "bad-truncated.json", src)
    _, refusal_en = check_upload(src, "Minutes KFU.json", web_settings, "en")
    _, refusal_da = check_upload(src, "Minutes KFU.json", web_settings, "da")
    assert "the JSON file is incomplete or invalid" in refusal_en and "download the file again" in refusal_en
    assert "JSON-filen er ufuldstændig" in refusal_da and "hent filen igen" in refusal_da
    assert not words(refusal_en) & DA_TYPICAL, refusal_en
    assert "Minutes KFU.json" in refusal_en and str(src) not in refusal_en


def test_text_that_is_not_minutes_is_refused(web_settings, tmp_path):
    src = tmp_path / "liste.txt"
    shutil.copy(FIXTURES / "not-minutes.txt", src)
    result, refusal = check_upload(src, "indkøb.txt", web_settings, "da")
    assert result.error is not None  # neither a committee nor agenda points: the reader itself refuses it
    assert refusal.startswith("Afvist – indkøb.txt:") and "dagsordenspunkter" in refusal
    assert str(tmp_path) not in refusal


def test_size_limit_and_type(web_settings, tmp_path):
    big = tmp_path / "big.txt"
    big.write_bytes(b"x" * 1_200_000)
    assert "grænsen er 1 MB" in check_upload(big, "big.txt", web_settings, "da")[1]
    exe = tmp_path / "prog.exe"
    exe.write_bytes(b"MZ\x90\x00")
    _, refusal = check_upload(exe, "prog.exe", web_settings, "en")
    assert "'.exe' is not supported" in refusal


def test_upload_checks_stores_and_ingests(web_settings, tmp_path):
    services = Services(web_settings)
    good = tmp_path / "gradio" / "teknik.json"
    good.parent.mkdir()
    shutil.copy(FIXTURES / "minutes" / "teknik-2025-04-07.json", good)
    bad = tmp_path / "gradio" / "bad.json"
    shutil.copy(FIXTURES / "bad-truncated.json", bad)
    calls = []
    report = add_uploads(
        services,
        [(good, "../../Teknik Miljø 7-4.json"), (bad, "bad.json")],
        "da",
        municipality="Fiktiv Kommune",
        progress=lambda *a: calls.append(a),
    )
    ok, refused = report.outcomes
    assert ok.ok and ok.stored == uploads_dir(web_settings).resolve() / "teknik-miljoe-7-4.json"
    assert "Teknik- og Miljøudvalget" in ok.message and "5 punkter" in ok.message
    assert not refused.ok and "ufuldstændig" in refused.message
    # the summary counts the file refused at the check too, in the right number
    assert "1 ny fil" in report.ingest_message and "1 fil afvist" in report.ingest_message
    assert calls and calls[-1][0] == calls[-1][1] == 1  # progress reached 1 of 1 file
    meetings = services.catalog.meetings(committee="Teknik- og Miljøudvalget")
    assert [m.municipality for m in meetings] == ["Fiktiv Kommune"]
    answer = services.assistant.ask("Hvad blev besluttet om vejbump på Skolevej?")
    assert answer.citations and answer.citations[0].point_title.startswith("Vejbump på Skolevej")
    # the same bytes again are recognised, not stored twice
    md = upload_callback(services, [str(good)], "Fiktiv Kommune", "da")
    assert "findes allerede" in md and len(list(uploads_dir(web_settings).iterdir())) == 1
    assert "Vælg en eller flere filer" in upload_callback(services, None, "", "da")
