"""`minutes feedback`: the users' thumbs and comments on answers, from the file beside the index."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from assistant.cli import main
from assistant.cli.texts import h, say


@main.command("feedback")
@click.option("--csv", "as_csv", is_flag=True, help=h("feedback_csv"))
@click.option("-o", "--output", type=click.Path(path_type=Path), help=h("feedback_output"))
@click.option("--index", "index", type=click.Path(path_type=Path), help=h("index"))
def feedback_cmd(as_csv, output, index) -> None:
    """Vis brugernes vurderinger af svarene (tommel op/ned og kommentarer), gemt ved siden af indekset."""
    from assistant.feedback import FeedbackStore, write_csv
    from assistant.settings import Settings

    settings = Settings(**({"index": index} if index else {}))
    store = FeedbackStore.beside(settings.index_path)
    try:
        records = store.records()
    except Exception as exc:  # noqa: BLE001 - one readable line instead of a traceback
        click.echo(say("error", error=exc), err=True)
        sys.exit(2)
    if as_csv or output:
        if output:
            try:
                with open(output, "w", encoding="utf-8-sig", newline="") as out:  # utf-8-sig: Excel reads æøå
                    n = write_csv(records, out)
            except OSError as exc:
                click.echo(say("error", error=say("cannot_write", path=output, error=exc)), err=True)
                sys.exit(2)
            click.echo(say("feedback_saved", path=output, n=n), err=True)
        else:
            write_csv(records, sys.stdout)
        return
    if not records:
        click.echo(say("feedback_none", path=store.path))
        return
    up = sum(1 for r in records if r.rating > 0)
    click.echo(say("feedback_summary", n=len(records), up=up, down=len(records) - up))
    for r in records:
        thumb = "+1" if r.rating > 0 else "-1"
        comment = f" – {r.comment}" if r.comment else ""
        click.echo(f"{r.time}  {thumb}  {r.question}{comment}")
