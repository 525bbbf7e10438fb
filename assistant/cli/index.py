"""`minutes ingest` and `minutes status`: thin edges over assistant.ingest and assistant.index."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from assistant.cli import main
from assistant.cli.texts import h, language, say
from assistant.embedder_names import EMBEDDERS  # what Settings.embedder accepts

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
@click.option("--index", "index", type=click.Path(path_type=Path), help=h("index"))
@click.option("--municipality", help=h("ingest_municipality"))
@click.option("--prune", is_flag=True, help=h("prune"))
@click.option("--embedder", type=click.Choice(EMBEDDERS), help=h("embedder"))
@click.option("--model", help=h("model"))
@click.option("--json", "as_json", is_flag=True, help=h("json_report"))
@click.option("--quiet", is_flag=True, help=h("quiet"))
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
        report = ingest(list(paths) or None, settings, municipality=municipality, prune=prune, show_progress=not quiet,
                        lang=language())
    except (ModelMismatch, FileNotFoundError, RuntimeError, ValueError) as exc:
        click.echo(say("error", error=exc), err=True)
        sys.exit(EXIT_STOPPED)
    for problem in report.problems:
        click.echo(say("skipped", problem=problem), err=True)
    for warning in report.warnings:
        click.echo(say("warning", warning=warning), err=True)
    if as_json:
        click.echo(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        r = report
        click.echo(say(
            "ingest_report", seen=r.files_seen, added=r.files_added, changed=r.files_changed,
            unchanged=r.files_unchanged, removed=r.files_removed, failed=r.files_failed, chunks_added=r.chunks_added,
            chunks_deleted=r.chunks_deleted, chunks_embedded=r.chunks_embedded, seconds=r.seconds,
            path=settings.index_path,
        ))  # fmt: skip
    if report.files_failed and report.files_failed >= report.files_seen:
        sys.exit(EXIT_NOTHING_READ)
    if report.files_failed:
        sys.exit(EXIT_SOME_FAILED)


@main.command("status")
@click.option("--index", "index", type=click.Path(path_type=Path), help=h("index"))
@click.option("--embedder", type=click.Choice(EMBEDDERS), help=h("embedder"))
@click.option("--model", help=h("model"))
@click.option("--json", "as_json", is_flag=True, help=h("json_status"))
def status_cmd(index, embedder, model, as_json) -> None:
    """Vis hvad indekset indeholder."""
    from assistant.index import Index
    from assistant.store import ModelMismatch

    settings = _settings(index, embedder=embedder, model=model)
    if not (settings.index_path / "catalog.sqlite").exists():
        click.echo(say("status_none", path=settings.index_path), err=True)
        sys.exit(1)
    try:
        try:
            idx = Index.open(settings)
        except ModelMismatch:
            # status only reads: show what the index holds whatever embedder is configured
            from assistant.embedders import get_embedder

            idx = _open_as_stored(settings, get_embedder)
    except (RuntimeError, ValueError) as exc:
        click.echo(say("error", error=exc), err=True)
        sys.exit(2)
    with idx:
        st = idx.status()
    if as_json:
        click.echo(json.dumps(st.to_dict(), ensure_ascii=False, indent=2))
        return
    click.echo(say("status_index", path=st.path, size=_size(st.size_bytes), chroma=st.chroma))
    click.echo(say("status_model", name=st.embedder, model=st.model_id, dim=st.dim))
    click.echo(say("status_totals", meetings=st.meetings, points=st.points, chunks=st.chunks, vectors=st.vectors,
                   start=st.date_from or "-", end=st.date_to or "-"))
    for c in st.committees:
        click.echo(say("status_committee", municipality=c["municipality"] or say("unknown_municipality"),
                       committee=c["committee"], meetings=c["meetings"], points=c["points"], first=c["first"],
                       last=c["last"]))


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
