"""The `minutes` command speaks one language at a time: every subcommand's --help and the usage errors, in Danish
by default and in English with --lang en or MINUTES_LANGUAGE=en (through click's CliRunner)."""

from __future__ import annotations

import re

import click
import pytest
from click.testing import CliRunner
from language_words import distinctive, other_language

from assistant import messages as reader_messages
from assistant.cli import main
from assistant.cli import texts as cli_texts
from assistant.cli.texts import pick_language

# Click's English words, as the English side of the CLI's vocabulary.
CLICK_EN = {english: {"da": danish, "en": english} for english, danish in cli_texts.CLICK_DA.items()}
VOCAB = distinctive([cli_texts.HELP, cli_texts.MESSAGES, CLICK_EN, reader_messages.MESSAGES], minutes=set())


def _paths(cmd: click.Command, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    out = [prefix]
    for name, sub in sorted(getattr(cmd, "commands", {}).items()):
        out += _paths(sub, (*prefix, name))
    return out


COMMANDS = _paths(main)
# Identifiers, the same in both languages: command names, option names, choices ("--lang [da|en]").
IDENTIFIERS = {w for path in COMMANDS for w in path}
_OPTION = re.compile(r"(?<![\w'])-{1,2}[\w-]+|\[[\w|-]+\]")


def foreign(text: str, lang: str) -> set[str]:
    """Words of the other language in CLI output, option names and choices left out."""
    return other_language(_OPTION.sub(" ", text), lang, VOCAB, ignore=IDENTIFIERS)


def run(args: list[str], lang: str | None = None, env: dict | None = None):
    args = (["--lang", lang] if lang else []) + args
    return CliRunner().invoke(main, args, env=env or {}, prog_name="minutes")


def test_every_command_is_covered():
    names = {" ".join(p) for p in COMMANDS}
    assert {"", "ask", "search", "eval", "export", "serve", "ingest", "status", "parse", "fetch firstagenda"} <= names


@pytest.mark.parametrize("lang", ["da", "en"])
@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p) or "minutes")
def test_help_in_one_language(path, lang):
    result = run([*path, "--help"], lang)
    assert result.exit_code == 0, result.output
    text = result.output
    assert text.startswith("Brug: minutes" if lang == "da" else "Usage: minutes")
    assert ("Tilvalg:" if lang == "da" else "Options:") in text
    assert ("Vis denne hjælp og afslut." if lang == "da" else "Show this message and exit.") in text
    assert not foreign(text, lang), f"{' '.join(path)} --help ({lang}): {foreign(text, lang)}"
    # every option's help is in the table: a new option without a translation fails here
    cmd = main
    for name in path:
        cmd = cmd.commands[name]
    for param in cmd.params:
        if isinstance(param, click.Option) and param.help:
            assert param.help in {e[lang] for e in cli_texts.HELP.values()}, f"--{param.name}: {param.help!r}"


def test_help_follows_minutes_language_and_the_answer_language():
    assert run(["ask", "--help"], env={"MINUTES_LANGUAGE": "en"}).output.startswith("Usage: minutes ask [OPTIONS]")
    assert run(["ask", "--help"]).output.startswith("Brug: minutes ask [TILVALG] SPØRGSMÅL")
    assert run(["ask", "--lang", "en", "--help"]).output.startswith("Usage: minutes ask [OPTIONS] QUESTION")
    # the command line wins over the environment; the language never leaks into the next run
    assert run(["status", "--help"], "da", env={"MINUTES_LANGUAGE": "en"}).output.startswith("Brug:")
    assert run(["status", "--help"]).output.startswith("Brug:")
    assert pick_language(["--lang=en", "status"], env={}) == "en"
    assert pick_language(["ask", "--", "--lang", "en"], env={}) == "da"


@pytest.mark.parametrize(
    "args,da,en",
    [
        (["ask"], "Fejl: Mangler argumentet 'SPØRGSMÅL'.", "Error: Missing argument 'QUESTION'."),
        (["nosuch"], "Fejl: Kommandoen 'nosuch' findes ikke.", "Error: No such command 'nosuch'."),
        (["status", "--bogus"], "Fejl: Tilvalget '--bogus' findes ikke.", "Error: No such option '--bogus'."),
        (["search", "x", "--k", "ti"], "'ti' er ikke et gyldigt tal.", "'ti' is not a valid integer."),
        (["export", "x", "--format", "pdf"], "'pdf' er ikke en af", "'pdf' is not one of"),
        (["fetch", "firstagenda"], "Fejl: Mangler tilvalget '--site'.", "Error: Missing option '--site'."),
        (
            ["fetch", "firstagenda", "--site", "https://x.dk", "--since", "31-01-2025"],
            "'31-01-2025' er ikke en dato: skriv den som ÅÅÅÅ-MM-DD",
            "'31-01-2025' is not a date: write it as YYYY-MM-DD",
        ),
    ],
)
@pytest.mark.parametrize("lang", ["da", "en"])
def test_usage_errors_in_one_language(args, da, en, lang):
    result = run(args, lang)
    assert result.exit_code == 2
    assert (da if lang == "da" else en) in result.output
    hint = "Prøv 'minutes" if lang == "da" else "Try 'minutes"
    assert hint in result.output
    assert not foreign(result.output, lang), foreign(result.output, lang)


@pytest.mark.parametrize("lang", ["da", "en"])
def test_errors_of_the_commands_in_one_language(tmp_path, lang):
    empty = tmp_path / "no-index"
    result = run(["ask", "Hvem havde meldt afbud?", "--index", str(empty)], lang)
    assert result.exit_code == 2
    expected = "Fejl: der er intet indeks i" if lang == "da" else "Error: there is no index in"
    assert expected in result.output
    result = run(["status", "--index", str(empty)], lang)
    assert result.exit_code == 1
    assert ("Intet indeks i" if lang == "da" else "No index in") in result.output
    result = run(["parse", str(tmp_path / "r2")], lang)
    assert result.exit_code == 1
    summary = next(line for line in result.output.splitlines() if line.startswith(("Læst:", "Read:")))
    assert summary == ("Læst: 0 filer med 0 dagsordenspunkter. Sprunget over: 1." if lang == "da" else
                       "Read: 0 files with 0 agenda items. Skipped: 1.")
    assert result.output.startswith("Sprunget over: " if lang == "da" else "Skipped: ")
    assert ("filen findes ikke (tjek stien)" if lang == "da" else "the file does not exist (check the path)") in (
        result.output
    )
    assert not foreign(result.output.replace(str(tmp_path), ""), lang), foreign(result.output, lang)
    # a file the reader refuses, and the ingest's report of it: the reader's reason in the CLI's language too
    bad = tmp_path / "corpus" / "tom.json"
    bad.parent.mkdir()
    bad.write_bytes(b"")
    result = run(["parse", str(bad)], lang)
    assert ("filen er tom" if lang == "da" else "the file is empty") in result.output
    assert not foreign(result.output.replace(str(tmp_path), ""), lang), foreign(result.output, lang)
    result = run(["ingest", str(tmp_path / "r3"), "--index", str(tmp_path / "idx"), "--quiet"], lang)
    assert result.exit_code == 2  # stopped before it started: the path does not exist
    assert ("Stien findes ikke" if lang == "da" else "The path does not exist") in result.output
    assert not foreign(result.output.replace(str(tmp_path), ""), lang), foreign(result.output, lang)
    result = run(["ingest", str(bad.parent), "--index", str(tmp_path / "idx"), "--quiet"], lang)
    assert result.exit_code == 1, result.output
    assert ("filen er tom" if lang == "da" else "the file is empty") in result.output
    assert not foreign(result.output.replace(str(tmp_path), ""), lang), foreign(result.output, lang)


def test_the_command_line_starts_without_the_pipelines_imports():
    """`minutes --help` (and every command before it runs) loads neither the settings' pydantic-settings nor numpy,
    the embedders or the index: a fresh process, its modules listed."""
    import subprocess
    import sys

    from tests.conftest import REPO

    code = "import sys; from assistant.cli import main; print(' '.join(sorted(sys.modules)))"
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr[-2000:]
    loaded = set(out.stdout.split())
    assert "assistant.cli.index" in loaded and "click" in loaded  # the commands are registered
    heavy = {"pydantic_settings", "numpy", "assistant.settings", "assistant.embedders", "assistant.index", "torch"}
    assert not heavy & loaded
