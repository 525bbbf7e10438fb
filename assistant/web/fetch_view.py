"""The "fetch from the municipality's site" part of the add-minutes view (shown when Settings.fetch_site is set)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import gradio as gr

from assistant.fetch import FetchError, fetch_firstagenda
from assistant.prompts import localized
from assistant.web import html
from assistant.web.state import Services
from assistant.web.texts import Relabeler, ui


def fetch_callback(
    services: Services, since: str, committee: str, lang: str, dry_run: bool = False, progress=None
) -> str:
    """Fetch new and changed meetings from the configured site and index them -> Markdown report (escaped)."""
    settings = services.settings
    if not settings.fetch_site:
        return html.md_safe(ui("fetch_no_site", lang))
    since = (since or "").strip()
    try:
        since_date = date.fromisoformat(since) if since else None
    except ValueError:
        return html.md_safe(ui("bad_date", lang, value=since))

    def on_progress(done: int, total: int, message: str) -> None:
        if progress is not None:
            progress((done, max(total, 1)), desc=localized(message, lang))

    try:
        report = fetch_firstagenda(
            settings.fetch_site,
            settings,
            municipality=settings.municipality,
            committees=[committee.strip()] if committee and committee.strip() else (),
            since=since_date,
            dry_run=dry_run,
            progress=on_progress,
        )
    except (ValueError, FetchError) as exc:
        return html.md_safe(ui("fetch_failed", lang, problem=exc))
    if report.saved and not dry_run:
        services.reload()
    lines = [report.summary(lang)]
    lines += [f"- {o.ref.committee} {o.ref.date}: {localized(o.problem, lang)}" for o in report.failed]
    return "\n".join(html.md_safe(line) for line in lines)


@dataclass
class FetchComponents:
    since: gr.Textbox
    committee: gr.Textbox
    button: gr.Button
    result: gr.Markdown


def build(services: Services, lang: str, tr: Relabeler) -> FetchComponents | None:
    site = services.settings.fetch_site
    if not site:
        return None

    def heading(lg: str) -> str:
        return f"#### {html.md_safe(ui('fetch_heading', lg, site=site))}"

    tr.add(gr.Markdown(heading(lang)), value=heading)
    with gr.Row():
        since = gr.Textbox(label=ui("fetch_since", lang), placeholder="2025-01-01", elem_id="fetch-since")
        committee = gr.Textbox(label=ui("fetch_committee", lang), elem_id="fetch-committee")
    button = gr.Button(ui("fetch_button", lang), elem_id="fetch-button")
    result = gr.Markdown(elem_id="fetch-result")
    tr.add(since, label="fetch_since")
    tr.add(committee, label="fetch_committee")
    tr.add(button, value="fetch_button")
    return FetchComponents(since, committee, button, result)


def wire(c: FetchComponents | None, services: Services, lang_state: gr.State) -> None:
    if c is None:
        return

    def run(since, committee, lang, progress=gr.Progress()):  # noqa: B008 - Gradio injects progress this way
        return fetch_callback(services, since, committee, lang, progress=progress)

    c.button.click(run, [c.since, c.committee, lang_state], [c.result], api_name=False)
