"""`minutes parse PATH...`: read minutes files and show the meetings and agenda points found."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from assistant.cli import main
from assistant.cli.texts import h, language, say
from assistant.records import Meeting

_SNIPPET = 160


def _snippet(text: str, n: int = _SNIPPET) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= n else flat[: n - 1].rstrip() + "…"


def _render(m: Meeting) -> list[str]:
    """A meeting in readable text, in the CLI's language (the minutes' own words stay as printed)."""
    when = m.start.strftime("%d-%m-%Y") if m.start else say("parse_unknown_date")
    if m.time_str:
        when += " " + say("parse_at_time", time=m.time_str) + (f"–{m.end_time}" if m.end_time else "")
    municipality = m.municipality or say("parse_unknown_municipality")
    out = [f"{municipality} · {m.committee or say('parse_unknown_committee')} · {m.kind} · {when}"]
    if m.place:
        out.append("  " + say("parse_place", place=m.place))
    if m.secretary:
        out.append("  " + say("parse_secretary", name=m.secretary))
    if m.participants:
        out.append("  " + say("parse_present", names=", ".join(p.name for p in m.present) or "-"))
        if m.absent:
            absent = ", ".join(f"{p.name} ({p.note})" if p.note else p.name for p in m.absent)
            out.append("  " + say("parse_absent", names=absent))
    out.append("  " + say("parse_source", path=m.source_path, format=m.source_format))
    for p in m.points:
        code = f" ({p.type_code})" if p.type_code else ""
        out.append("  " + say("parse_point", number=p.number, title=f"{p.title}{code}"))
        facts = [say("parse_case", case=p.case_number)] if p.case_number else []
        if p.closed:
            facts.append(say("parse_closed"))
        if p.attachments:
            facts.append(say("parse_attachments", n=len(p.attachments)))
        if facts:
            out.append("      " + " · ".join(facts))
        if p.decision:
            out.append("      " + say("parse_decision", text=_snippet(p.decision)))
        headings = [s.heading for s in p.sections if s.heading]
        if headings:
            out.append("      " + say("parse_sections", headings=", ".join(headings)))
    return out


@main.command("parse")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help=h("json_all"))
@click.option("--municipality", help=h("parse_municipality"))
@click.option(
    "--report",
    is_flag=True,
    help=h("parse_report"),
)
def parse_command(paths: tuple[Path, ...], as_json: bool, municipality: str | None, report: bool) -> None:
    """Læs referater (filer eller mapper) og vis møder og dagsordenspunkter."""
    from assistant.readers import ReadSummary, read_paths
    from assistant.settings import Settings

    settings = Settings()
    if report:
        _report(paths, settings, municipality, as_json)
        return
    summary = ReadSummary()
    meetings: list[dict] = []
    warnings: dict[str, list[str]] = {}
    for result in read_paths(paths, settings, municipality):
        summary.add(result)
        if result.warnings:
            warnings[result.path] = result.warnings
        if result.ok and result.meeting is not None:
            if as_json:
                meetings.append(result.meeting.to_dict())
            else:
                click.echo("\n".join(_render(result.meeting)))
                for w in result.warnings:
                    click.echo("  " + say("warning", warning=w))
                click.echo()
        elif result.error is not None and not as_json:
            click.echo(say("skipped", problem=result.error), err=True)
    if as_json:
        doc = {
            "meetings": meetings,
            "problems": [
                {"path": p.path, "problem": p.problem, "hint": p.hint, "message": str(p)} for p in summary.skipped
            ],
            "warnings": warnings,
            "summary": summary.to_dict(),
        }
        click.echo(json.dumps(doc, ensure_ascii=False, indent=2))
    else:
        click.echo(say("read_summary", read=summary.read, points=summary.points, skipped=len(summary.skipped)),
                   err=True)
        for reason, n in summary.reasons(language()).most_common():
            click.echo(f"  {n} × {reason}", err=True)
    if not summary.ok:
        if summary.read == 0 and not summary.skipped:
            click.echo(say("no_files"), err=True)
        sys.exit(1)


def _report(paths: tuple[Path, ...], settings, municipality: str | None, as_json: bool) -> None:  # noqa: ANN001
    from assistant.readers import read_paths
    from assistant.readers.report import file_report, overall_dict, render

    lang = language()
    reports = [file_report(r, lang) for r in read_paths(paths, settings, municipality)]
    if not reports:
        click.echo(say("no_files"), err=True)
        sys.exit(1)
    if as_json:
        doc = {"files": [r.to_dict() for r in reports], "overall": overall_dict(reports)}
        click.echo(json.dumps(doc, ensure_ascii=False, indent=2))
    else:
        root = str(Path(paths[0]).expanduser().resolve()) if len(paths) == 1 and Path(paths[0]).is_dir() else ""
        click.echo("\n".join(render(reports, root, lang)))
    if all(r.error for r in reports):
        sys.exit(1)
