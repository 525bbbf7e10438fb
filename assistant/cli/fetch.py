"""`minutes fetch firstagenda`: download minutes from a FirstAgenda publication site and ingest them."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click

from assistant.cli import main
from assistant.cli.texts import h, language, say
from assistant.prompts import localized

EXIT_STOPPED = 1  # the run stopped (site refused or unreachable); what was saved stays
EXIT_SOME_FAILED = 3  # the run finished, but some meetings could not be fetched


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(say("bad_date", value=value)) from None


@main.group("fetch")
def fetch_group() -> None:
    """Hent referater fra kommunernes publiceringssider."""


@fetch_group.command("firstagenda")
@click.option("--site", required=True, help=h("site"))
@click.option("--municipality", help=h("fetch_municipality"))
@click.option("--committee", "committees", multiple=True,
              help=h("fetch_committee"))
@click.option("--since", callback=_date, help=h("since"))
@click.option("--until", callback=_date, help=h("until"))
@click.option("--corpus", type=click.Path(file_okay=False, path_type=Path),
              help=h("fetch_corpus"))
@click.option("--index", type=click.Path(file_okay=False, path_type=Path),
              help=h("index_dot"))
@click.option("--dry-run", is_flag=True, help=h("dry_run"))
@click.option("--no-ingest", is_flag=True, help=h("no_ingest_fetch"))
@click.option("--recheck", is_flag=True,
              help=h("recheck"))
@click.option("--delay", type=float, help=h("delay"))
def firstagenda(site: str, municipality: str | None, committees: tuple[str, ...], since: date | None,
                until: date | None, corpus: Path | None, index: Path | None, dry_run: bool, no_ingest: bool,
                recheck: bool, delay: float | None) -> None:
    """Hent møder fra et FirstAgenda-publiceringssite og indeksér de nye og ændrede.

    Afslutningskode 0: alt gik godt; 1: kørslen stoppede (det hentede er gemt); 3: nogle møder kunne ikke hentes.
    """
    from assistant.fetch import FetchError, fetch_firstagenda
    from assistant.settings import Settings

    update = {k: v for k, v in (("corpus", corpus), ("index", index), ("fetch_delay", delay)) if v is not None}
    settings = Settings().model_copy(update=update)

    def progress(done: int, total: int, message: str) -> None:
        click.echo(localized(message, language()), err=True)

    try:
        report = fetch_firstagenda(site, settings, municipality=municipality, committees=committees, since=since,
                                   until=until, dry_run=dry_run, ingest=not no_ingest, progress=progress,
                                   recheck=recheck)
    except ValueError as exc:
        raise click.UsageError(localized(exc, language())) from None
    except FetchError as exc:
        if exc.report:
            _print_outcomes(exc.report)
        click.echo(say("error", error=exc), err=True)
        sys.exit(EXIT_STOPPED)
    _print_outcomes(report)
    for w in report.warnings:
        click.echo(say("warning", warning=w), err=True)
    click.echo(report.summary(language()))
    if report.ingest is not None:
        click.echo(say("fetch_ingest", summary=_ingest_summary(report.ingest)))
    if report.failed:
        sys.exit(EXIT_SOME_FAILED)


def _print_outcomes(report) -> None:
    labels = {s: say(k) for s, k in (("new", "fetch_new"), ("changed", "fetch_changed"), ("would-fetch", "fetch_would"),
                                     ("failed", "fetch_failed"))}
    for o in report.outcomes:
        if o.status in labels:
            line = f"{labels[o.status]:>7}  {o.ref.date or '?'}  {o.ref.committee}"
            if o.status == "failed":
                line += f": {localized(o.problem, language())}"
            click.echo(line, err=o.status == "failed")


def _ingest_summary(r) -> str:
    text = say("fetch_ingest_summary", added=r.files_added, changed=r.files_changed, unchanged=r.files_unchanged,
               failed=r.files_failed, chunks_added=r.chunks_added, chunks_deleted=r.chunks_deleted)
    return "\n".join([text, *(f"  {p}" for p in r.problems)])
