"""`minutes serve`: bring the index up to date with the corpus, then start the Gradio app."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from assistant.cli import main
from assistant.cli.texts import h, language, say


def is_loopback(host: str) -> bool:
    """127.0.0.0/8, ::1 or the name localhost: only this machine can reach the app."""
    import ipaddress

    name = host.strip().strip("[]").lower()
    try:
        return ipaddress.ip_address(name).is_loopback
    except ValueError:
        return name == "localhost"


@main.command("serve")
@click.option("--host", help=h("host"))
@click.option("--port", type=int, help=h("port"))
@click.option("--index", "index", type=click.Path(path_type=Path), help=h("index"))
@click.option("--corpus", type=click.Path(path_type=Path), help=h("corpus"))
@click.option("--share", is_flag=True, help=h("share"))
@click.option("--no-ingest", is_flag=True, help=h("no_ingest_serve"))
@click.option("--allow-public", is_flag=True,
              help=h("allow_public"))
def serve_cmd(host, port, index, corpus, share, no_ingest, allow_public) -> None:
    """Start chatten i browseren (indlæser først nye og ændrede referater).

    \b
    Afslutningskode 2: ugyldig MINUTES_AUTH, eller --host/--share uden login og uden --allow-public.
    """
    from assistant.settings import AuthSettingError, Settings

    overrides = {"host": host, "port": port, "index": index, "corpus": corpus}
    settings = Settings(**{k: v for k, v in overrides.items() if v is not None})
    try:
        logins = settings.auth_pairs()
    except AuthSettingError as exc:
        click.echo(say("error", error=exc.message(language())), err=True)
        sys.exit(2)
    public = share or not is_loopback(settings.host)
    if public and not logins:
        where = say("public_where_share") if share else say("public_where_host", host=settings.host)
        if not allow_public:
            click.echo(say("error", error=say("public_refused", where=where)), err=True)
            sys.exit(2)
        click.echo(say("warning", warning=say("public_open", where=where)), err=True)
    if not no_ingest:
        refresh_index(settings)
    from assistant.web import launch

    where = f"http://{settings.host}:{settings.port}"
    click.echo(say("serving", url=where), err=True)
    launch(settings, share=share)


def refresh_index(settings) -> None:
    """Ingest the corpus incrementally (unchanged files are skipped on size and mtime), with a console bar."""
    from assistant.ingest import IngestRunning, ingest

    corpus = settings.corpus_path
    if not corpus.exists():
        click.echo(say("no_corpus", path=corpus), err=True)
        return
    click.echo(say("updating", index=settings.index_path, corpus=corpus), err=True)
    try:
        report = ingest([corpus], settings, show_progress=True, lang=language())
    except IngestRunning:  # questions keep working on what is indexed; that ingest brings it up to date
        click.echo(say("ingest_running"), err=True)
        return
    except Exception as exc:  # noqa: BLE001 - show the reason and stop instead of serving a broken index
        click.echo(say("error", error=say("update_failed", error=exc)), err=True)
        sys.exit(2)
    for problem in report.problems:
        click.echo(say("skipped", problem=problem), err=True)
    click.echo(say("index_ready", added=report.files_added, changed=report.files_changed,
                   unchanged=report.files_unchanged, seconds=report.seconds), err=True)
