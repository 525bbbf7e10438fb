"""The phrase tables speak one language at a time: every key in both languages, the same placeholders, no English
word in a Danish text or the other way round, counts in the right number, one spelling."""

from __future__ import annotations

import string

import pytest
from language_words import DA_TYPICAL, EN_TYPICAL, words

from assistant import messages as reader_messages
from assistant.cli import texts as cli_texts
from assistant.prompts import NOUNS, PHRASES, count, phrase, plural
from assistant.web import texts as web_texts

TABLES = {
    "prompts.PHRASES": PHRASES,
    "web.texts.UI": web_texts.UI,
    "cli.texts.HELP": cli_texts.HELP,
    "cli.texts.MESSAGES": cli_texts.MESSAGES,
    "messages.MESSAGES": reader_messages.MESSAGES,
}
# Texts that are the same in both languages by design (names, formats, codes).
SAME_IN_BOTH = {
    "app_title", "export_format", "status_model", "port", "vote_for", "at_path", "with_hint", "problem_at_url",
}


def _entries():
    for table_name, table in TABLES.items():
        for key, entry in table.items():
            yield pytest.param(table_name, key, entry, id=f"{table_name}:{key}")


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


@pytest.mark.parametrize("table_name,key,entry", list(_entries()))
def test_every_text_in_both_languages_with_the_same_placeholders(table_name, key, entry):
    assert set(entry) == {"da", "en"}, f"{table_name}[{key!r}] needs exactly 'da' and 'en'"
    da, en = entry["da"], entry["en"]
    assert da.strip() and en.strip(), f"{table_name}[{key!r}] is empty in one language"
    if key not in SAME_IN_BOTH:
        assert da != en, f"{table_name}[{key!r}] is not translated"
    assert _fields(da) == _fields(en), f"{table_name}[{key!r}] has different placeholders"


@pytest.mark.parametrize("table_name,key,entry", list(_entries()))
def test_no_text_mixes_the_languages(table_name, key, entry):
    english_in_danish = words(entry["da"]) & EN_TYPICAL
    danish_in_english = words(entry["en"]) & DA_TYPICAL
    assert not english_in_danish, f"{table_name}[{key!r}] (da) has English words {english_in_danish}"
    assert not danish_in_english, f"{table_name}[{key!r}] (en) has Danish words {danish_in_english}"


def test_click_words_are_translated_and_danish():
    for english, danish in cli_texts.CLICK_DA.items():
        assert danish != english or english in ("%(prog)s, version %(version)s",), english
        assert not words(danish) & EN_TYPICAL, danish
        assert _fields(danish) <= _fields(english), f"{danish!r} uses a field click does not give"


def test_nouns_have_both_numbers_in_both_languages():
    for noun, forms in NOUNS.items():
        assert set(forms) == {"da", "en"}, noun
        for lang, (one, many) in forms.items():
            assert one and many, (noun, lang)


@pytest.mark.parametrize(
    "n,lang,expected",
    [(1, "da", "1 møde"), (2, "da", "2 møder"), (0, "da", "0 møder"), (1, "en", "1 meeting"), (5, "en", "5 meetings")],
)
def test_counts_take_the_right_number(n, lang, expected):
    assert count(n, "meeting", lang) == expected
    assert web_texts.n_meetings(n, lang) == expected


def test_plural_specs_in_the_tables():
    assert plural(1, "kildehenvisning", "kildehenvisninger") == "1 kildehenvisning"
    assert phrase("meeting_line", "da", date="9. december 2025", committee="Byrådet", n=1).endswith("(1 punkt)")
    assert phrase("meeting_line", "en", date="9 December 2025", committee="Byrådet", n=2).endswith("(2 items)")
    assert "1 committee." in web_texts.ui("welcome_text", "en", n_meetings="1 meeting", n_committees=1)
    assert "2 committees." in web_texts.ui("welcome_text", "en", n_meetings="2 meetings", n_committees=2)
    assert "i 1 udvalg." in web_texts.ui("welcome_text", "da", n_meetings="1 møde", n_committees=1)
    done = web_texts.ui("ingest_done", "da", added=1, changed=0, failed=1)
    assert "1 ny fil" in done and "0 ændrede filer" in done and "1 fil afvist" in done
    assert cli_texts.say("saved", "da", path="svar.md", n=1) == "Gemt: svar.md (1 kildehenvisning)"
    assert cli_texts.say("saved", "en", path="answer.md", n=3) == "Saved: answer.md (3 references)"
    summary = cli_texts.say("read_summary", "da", read=1, points=1, skipped=0)
    assert summary.startswith("Læst: 1 fil med 1 dagsordenspunkt.")
    # a format spec that is not a plural still formats as str.format does
    assert web_texts.ui("upload_help", "en", mb=25.0).endswith("At most 25 MB per file.")


def test_one_spelling_of_dagsordenspunkter():
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent / "assistant"
    # lower case: FirstAgenda's JSON key "Dagsordenpunkter" is a name, not our text
    wrong = [str(p) for p in root.rglob("*.py") if "dagsordenpunkt" in p.read_text(encoding="utf-8")]
    assert not wrong, f"'dagsordenpunkt' (without s) in {wrong}"


@pytest.mark.parametrize("lang,expected", [("da", "Skriv et spørgsmål først."), ("en", "Write a question first.")])
def test_an_empty_question_is_answered_in_the_question_box_not_by_an_english_titled_toast(lang, expected):
    from assistant.web.chat import chat_turn

    messages, _, _, box = next(chat_turn(None, "  ", [], None, lang))
    assert messages == [] and box.placeholder == expected and box.value == ""
