"""`minutes export`: ask a question, then write the answer and its citations as md, csv, bib, ris or docx."""

from __future__ import annotations

import sys
from contextlib import closing
from datetime import date
from pathlib import Path

import click

from assistant.cli import main
from assistant.cli.texts import h, say
from assistant.export import FORMATS


def _day(value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(say("bad_date", value=value)) from None


@main.command("export")
@click.argument("question")
@click.option("--format", "fmt", type=click.Choice(list(FORMATS)), default="md", show_default=True, help=h("format"))
@click.option("-o", "--output", type=click.Path(path_type=Path), help=h("output"))
@click.option("--index", "index", type=click.Path(path_type=Path), help=h("index"))
@click.option("--municipality", help=h("municipality_only"))
@click.option("--committee", help=h("committee_only"))
@click.option("--from", "date_from", help=h("date_from"))
@click.option("--to", "date_to", help=h("date_to"))
@click.option("--lang", type=click.Choice(["da", "en"]), help=h("lang_answer"))
def export_cmd(question, fmt, output, index, municipality, committee, date_from, date_to, lang) -> None:
    """Stil et spørgsmål og gem svaret med kildehenvisninger (Markdown, CSV, BibTeX, RIS eller Word)."""
    from assistant.answering import Assistant
    from assistant.export import export, export_name, with_links
    from assistant.records import Filters
    from assistant.settings import Settings

    settings = Settings(**({"index": index} if index else {}))
    filters = Filters(municipality=municipality, committee=committee, date_from=_day(date_from), date_to=_day(date_to))
    try:
        with closing(Assistant(settings)) as assistant:
            answer = assistant.ask(question, filters=filters, lang=lang)
            with_links([answer], assistant.index.catalog)  # each meeting's public page, where the minutes name it
    except Exception as exc:  # noqa: BLE001 - one readable line instead of a traceback
        click.echo(say("error", error=exc), err=True)
        sys.exit(2)
    path = output or Path(export_name([answer], fmt, lang=lang))
    try:
        export([answer], fmt, path, lang=lang)
    except OSError as exc:
        click.echo(say("error", error=say("cannot_write", path=path, error=exc)), err=True)
        sys.exit(2)
    n = len(answer.citations or answer.nearest)
    click.echo(say("saved", path=path, n=n))
