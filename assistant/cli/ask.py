"""`minutes ask`, `minutes search` and `minutes eval`: thin edges over assistant.answering and evaluation."""

from __future__ import annotations

import json
import sys
from contextlib import closing
from datetime import date
from pathlib import Path

import click

from assistant.cli import main
from assistant.cli.texts import h, language, say


def _filter_options(f):
    options = [
        click.option("--index", "index", type=click.Path(path_type=Path), help=h("index")),
        click.option("--municipality", help=h("municipality_only")),
        click.option("--committee", help=h("committee_full")),
        click.option("--from", "date_from", help=h("date_from")),
        click.option("--to", "date_to", help=h("date_to")),
        click.option("--case", "case_number", help=h("case")),
        click.option("--json", "as_json", is_flag=True, help=h("json_result")),
    ]
    for option in reversed(options):
        f = option(f)
    return f


def _date(value: str | None, name: str) -> date | None:
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(say("bad_date", value=value), param_hint=name) from None


def _setup(index, municipality, committee, date_from, date_to, case_number):
    from assistant.records import Filters
    from assistant.settings import Settings

    settings = Settings(index=index) if index is not None else Settings()
    from assistant.index import CATALOG_FILE

    if not (settings.index_path / CATALOG_FILE).exists():
        click.echo(say("error", error=say("no_index", path=settings.index_path)), err=True)
        sys.exit(2)
    filters = Filters(
        municipality=municipality, committee=committee, date_from=_date(date_from, "--from"),
        date_to=_date(date_to, "--to"), case_number=case_number,
    )  # fmt: skip
    return settings, filters


def _open(settings):
    from assistant.answering import Assistant
    from assistant.store import ModelMismatch

    try:
        assistant = Assistant(settings)
        assistant.index  # noqa: B018 - open now, so a bad index fails here with its message
    except (ModelMismatch, RuntimeError, ValueError) as exc:
        click.echo(say("error", error=exc), err=True)
        sys.exit(2)
    return assistant


@main.command("ask")
@click.argument("question")
@_filter_options
@click.option("--lang", type=click.Choice(["da", "en"]), help=h("lang_answer"))
def ask_cmd(question, index, municipality, committee, date_from, date_to, case_number, as_json, lang) -> None:
    """Stil et spørgsmål til referaterne; svaret citerer punkt og mødedato."""
    from assistant.citations import render_citation
    from assistant.prompts import phrase

    settings, filters = _setup(index, municipality, committee, date_from, date_to, case_number)
    with closing(_open(settings)) as assistant:
        answer = assistant.ask(question, filters=filters, lang=lang)
    if as_json:
        click.echo(json.dumps(answer.to_dict(), ensure_ascii=False, indent=2, default=str))
        return
    click.echo(answer.text)
    if answer.citations:
        click.echo("\n" + phrase("sources_heading", answer.lang) + ":")
        for c in answer.citations:
            click.echo(f"[{c.number}] {render_citation(c, answer.lang)}")
    if answer.flagged:
        click.echo("\n" + phrase("llm_flagged", answer.lang))


@main.command("search")
@click.argument("question")
@_filter_options
@click.option("--k", "k", type=int, default=10, show_default=True, help=h("k_search"))
def search_cmd(question, index, municipality, committee, date_from, date_to, case_number, as_json, k) -> None:
    """Find de dagsordenspunkter, der passer bedst til spørgsmålet."""
    from assistant.citations import citation_from_chunk, render_citation
    from assistant.retrieval import hit_metadata

    settings, filters = _setup(index, municipality, committee, date_from, date_to, case_number)
    try:
        with closing(_open(settings)) as assistant:
            hits = assistant.search(question, filters=filters, k=k)
    except ValueError as exc:  # a question over max_question_chars
        click.echo(str(exc), err=True)
        sys.exit(2)
    if as_json:
        click.echo(json.dumps([hit_metadata(hit) for hit in hits], ensure_ascii=False, indent=2))
        return
    if not hits:
        click.echo(say("no_points"))
    for i, hit in enumerate(hits, start=1):
        click.echo(f"{i:>2}. {render_citation(citation_from_chunk(i, hit.first), language())}  [{hit.score:.4f}]")


@main.command("eval")
@click.argument("questions", nargs=-1, type=click.Path(exists=True, dir_okay=False, path_type=Path))
@click.option("--index", "index", type=click.Path(path_type=Path), help=h("index"))
@click.option("--k", "k", type=int, default=10, show_default=True, help=h("k_eval"))
@click.option("--json", "as_json", is_flag=True, help=h("json_eval"))
def eval_cmd(questions, index, k, as_json) -> None:
    """Evaluér søgning og svar på JSONL-filer med spørgsmål og facit (flere filer: side om side; ingen: eval/)."""
    from assistant.evaluation import evaluate_sets, format_report, format_sets

    settings, _ = _setup(index, None, None, None, None, None)
    paths = list(questions) or sorted((Path(__file__).resolve().parents[2] / "eval").glob("*_questions.jsonl"))
    try:
        with closing(_open(settings)) as assistant:
            reports = evaluate_sets(paths, settings, k=k, assistant=assistant)
    except ValueError as exc:
        click.echo(say("error", error=exc), err=True)
        sys.exit(2)
    if as_json:
        click.echo(json.dumps(reports if len(reports) > 1 else next(iter(reports.values())), ensure_ascii=False,
                              indent=2))
    elif len(reports) == 1:
        click.echo(format_report(next(iter(reports.values()))))
    else:  # held-out sets: aggregate numbers only
        click.echo(format_sets(reports, aggregate_only=tuple(n for n in reports if "holdout" in n)))
