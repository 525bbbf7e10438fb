"""`minutes serve`: bring the index up to date with the corpus, then start the Gradio app."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from assistant.cli import main


@main.command("serve")
@click.option("--host", help="Adresse, appen lytter på (standard: MINUTES_HOST eller 127.0.0.1)")
@click.option("--port", type=int, help="Port (standard: MINUTES_PORT eller 7860)")
@click.option("--index", "index", type=click.Path(path_type=Path), help="Indeksmappe (standard: MINUTES_INDEX)")
@click.option("--corpus", type=click.Path(path_type=Path), help="Mappe med referater (standard: MINUTES_CORPUS)")
@click.option("--share", is_flag=True, help="Del appen via et offentligt Gradio-link (slået fra som standard)")
@click.option("--no-ingest", is_flag=True, help="Start uden først at opdatere indekset fra referatmappen")
def serve_cmd(host, port, index, corpus, share, no_ingest) -> None:
    """Start chatten i browseren (indlæser først nye og ændrede referater)."""
    from assistant.settings import Settings

    overrides = {"host": host, "port": port, "index": index, "corpus": corpus}
    settings = Settings(**{k: v for k, v in overrides.items() if v is not None})
    if not no_ingest:
        refresh_index(settings)
    from assistant.web import launch

    where = f"http://{settings.host}:{settings.port}"
    click.echo(f"Referat-assistenten kører på {where} (stop med Ctrl+C)", err=True)
    launch(settings, share=share)


def refresh_index(settings) -> None:
    """Ingest the corpus incrementally (unchanged files are skipped on size and mtime), with a console bar."""
    from assistant.ingest import ingest

    corpus = settings.corpus_path
    if not corpus.exists():
        click.echo(f"Referatmappen {corpus} findes ikke: starter med det indeks, der er (sæt --corpus).", err=True)
        return
    click.echo(f"Opdaterer indekset {settings.index_path} fra {corpus} …", err=True)
    try:
        report = ingest([corpus], settings, show_progress=True)
    except Exception as exc:  # noqa: BLE001 - show the reason and stop instead of serving a broken index
        click.echo(f"Fejl: indekset kunne ikke opdateres: {exc}", err=True)
        sys.exit(2)
    for problem in report.problems:
        click.echo(f"Sprunget over: {problem}", err=True)
    click.echo(
        f"Indeks klar: {report.files_added} nye, {report.files_changed} ændrede, {report.files_unchanged} uændrede "
        f"filer ({report.seconds:.1f} s).",
        err=True,
    )
