"""The export view: the latest answer or the whole conversation as Markdown, CSV, BibTeX, RIS or Word."""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

import gradio as gr

from assistant.export import FORMATS, export, export_name, with_links
from assistant.web.state import ChatSession
from assistant.web.texts import Relabeler, ui

FORMAT_LABELS = {
    "docx": "Word (.docx)",
    "md": "Markdown (.md)",
    "csv": "CSV (.csv)",
    "bib": "BibTeX (.bib)",
    "ris": "RIS (.ris)",
}


@dataclass
class ExportComponents:
    fmt: gr.Radio
    scope: gr.Radio
    button: gr.Button
    file: gr.File
    message: gr.Markdown


def export_session(
    session: ChatSession, fmt: str, scope: str, lang: str, out_dir: Path | None = None, catalog=None
) -> tuple[str | None, str]:
    """Write the export file; returns (path or None, message for the user).

    With the index's catalog, each citation carries its meeting's public page where the minutes name one."""
    answers = list(session.answers) if session else []
    if scope != "all":
        answers = answers[-1:]
    if not answers:
        return None, ui("export_none", lang)
    if catalog is not None:
        answers = with_links(answers, catalog)
    folder = Path(out_dir) if out_dir else Path(tempfile.mkdtemp(prefix="minutes-export-"))
    # named after what it holds, in the page's language: the question's slug for one answer, or the conversation
    path = export(answers, fmt, folder / export_name(answers, fmt, conversation=scope == "all", lang=lang), lang=lang)
    return str(path), ui("export_done", lang, name=path.name)


def _scopes(lang: str) -> list[tuple[str, str]]:
    return [(ui("scope_last", lang), "last"), (ui("scope_all", lang), "all")]


def build(lang: str, tr: Relabeler) -> ExportComponents:
    with tr.add(gr.Accordion(ui("export", lang), open=False, elem_id="export-panel"), label="export"):
        with gr.Row():
            fmt = gr.Radio(
                [(FORMAT_LABELS[f], f) for f in ("docx", "md", "csv", "bib", "ris") if f in FORMATS],
                value="docx",
                label=ui("export_format", lang),
                elem_id="export-format",
            )
            scope = gr.Radio(
                _scopes(lang),
                value="all",
                label=ui("export_scope", lang),
                elem_id="export-scope",
            )
        button = gr.Button(ui("export_button", lang), elem_id="export-button")
        message = gr.Markdown(elem_id="export-message")
        # shown only with a file in it (an empty file box says "Empty" in English, with an aria-label on a div)
        file = gr.File(label=ui("export_file", lang), interactive=False, visible=False, elem_id="export-file")
    tr.add(fmt, label="export_format")
    tr.add(scope, label="export_scope", choices=_scopes)
    tr.add(button, value="export_button")
    tr.add(file, label="export_file")
    tr.add(message, value=lambda lg: "")  # a message in the previous language goes
    return ExportComponents(fmt, scope, button, file, message)


def linked(c: ExportComponents) -> list[tuple[gr.components.Component, object]]:
    """The file and its message, each with its empty start: the panel never offers an earlier answer's file."""
    return [(c.file, lambda lang: gr.File(value=None, visible=False)), (c.message, lambda lang: "")]


def wire(c: ExportComponents, session: gr.State, lang_state: gr.State, services) -> None:
    def run(session, fmt, scope, lang):
        path, msg = export_session(session, fmt, scope, lang, catalog=services.catalog)
        return gr.File(value=path, visible=path is not None), msg

    c.button.click(run, [session, c.fmt, c.scope, lang_state], [c.file, c.message], api_name=False)
