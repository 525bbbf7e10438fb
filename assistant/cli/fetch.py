"""`minutes fetch firstagenda`: download minutes from a FirstAgenda publication site and ingest them."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

import click

from assistant.cli import main

EXIT_STOPPED = 1  # the run stopped (site refused or unreachable); what was saved stays
EXIT_SOME_FAILED = 3  # the run finished, but some meetings could not be fetched


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"'{value}' er ikke en dato på formen ÅÅÅÅ-MM-DD (fx 2025-01-31).") from None


@main.group("fetch")
def fetch_group() -> None:
    """Hent referater fra kommunernes publiceringssider."""


@fetch_group.command("firstagenda")
@click.option("--site", required=True, help="Publiceringssiden, fx https://dagsordener.greve.dk")
@click.option("--municipality", help="Kommunens navn (standard: udledt af adressen, fx 'Greve Kommune').")
@click.option("--committee", "committees", multiple=True,
              help="Kun udvalg hvis navn indeholder teksten (uden hensyn til store/små bogstaver); kan gentages.")
@click.option("--since", callback=_date, help="Kun møder fra og med denne dato (ÅÅÅÅ-MM-DD).")
@click.option("--until", callback=_date, help="Kun møder til og med denne dato (ÅÅÅÅ-MM-DD).")
@click.option("--corpus", type=click.Path(file_okay=False, path_type=Path),
              help="Mappe med referater (standard: MINUTES_CORPUS eller corpus/); møderne gemmes i en undermappe.")
@click.option("--index", type=click.Path(file_okay=False, path_type=Path),
              help="Indeksmappe (standard: MINUTES_INDEX).")
@click.option("--dry-run", is_flag=True, help="Vis hvad der ville blive hentet, uden at hente eller gemme.")
@click.option("--no-ingest", is_flag=True, help="Hent kun filerne; indeksér dem ikke.")
@click.option("--recheck", is_flag=True,
              help="Hent alle valgte møder igen og sammenlign indholdet, også dem der ser uændrede ud i udvalgslisten.")
@click.option("--delay", type=float, help="Sekunder mellem forespørgsler (standard: MINUTES_FETCH_DELAY = 1).")
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
        click.echo(message, err=True)

    try:
        report = fetch_firstagenda(site, settings, municipality=municipality, committees=committees, since=since,
                                   until=until, dry_run=dry_run, ingest=not no_ingest, progress=progress,
                                   recheck=recheck)
    except ValueError as exc:
        raise click.UsageError(str(exc)) from None
    except FetchError as exc:
        if exc.report:
            _print_outcomes(exc.report)
        click.echo(f"Fejl: {exc}", err=True)
        sys.exit(EXIT_STOPPED)
    _print_outcomes(report)
    for w in report.warnings:
        click.echo(f"Advarsel: {w}", err=True)
    click.echo(report.summary())
    if report.ingest is not None:
        click.echo(f"Indeksering: {_ingest_summary(report.ingest)}")
    if report.failed:
        sys.exit(EXIT_SOME_FAILED)


def _print_outcomes(report) -> None:
    labels = {"new": "ny", "changed": "ændret", "would-fetch": "hentes", "failed": "FEJL"}
    for o in report.outcomes:
        if o.status in labels:
            line = f"{labels[o.status]:>7}  {o.ref.date or '?'}  {o.ref.committee}"
            if o.status == "failed":
                line += f": {o.problem}"
            click.echo(line, err=o.status == "failed")


def _ingest_summary(r) -> str:
    text = (f"{r.files_added} nye, {r.files_changed} ændrede, {r.files_unchanged} uændrede og {r.files_failed} "
            f"fejlede filer; {r.chunks_added} tekststykker skrevet, {r.chunks_deleted} slettet.")
    return "\n".join([text, *(f"  {p}" for p in r.problems)])
