"""The Gradio app: `build_app(settings)` assembles the views; `launch(settings)` serves them."""

from __future__ import annotations

import logging

import gradio as gr
from starlette.middleware import Middleware

from assistant.settings import Settings
from assistant.web import chat, export_view, fetch_view, gradio_words, html, meetings, onboarding, sources, upload
from assistant.web.html import status_line
from assistant.web.login_page import LoginPage
from assistant.web.state import Services
from assistant.web.texts import Relabeler, ui

log = logging.getLogger(__name__)

CSS = """
.gradio-container {max-width: 1280px !important; margin: auto;}
#app-header h1 {margin: 0; font-size: 1.6em;}
#app-header p {margin: 0.2em 0 0 0; color: var(--body-text-color-subdued);}
.status-line {font-size: 0.9em; color: var(--body-text-color-subdued); padding: 2px 4px;}
.muted {color: var(--body-text-color-subdued);}
/* dark text on the yellow in both themes: the dark theme's light text on yellow could not be read */
mark.quote {background: #ffe58a; color: #1f2328; padding: 0 2px; border-radius: 2px;}
.source-view .ref {font-weight: 600;}
.meeting-header {border-left: 4px solid var(--color-accent); padding: 4px 12px; margin: 8px 0;}
.meeting-header h3 {margin: 0 0 4px 0;}
.meeting-header .muni {font-size: 0.85em; text-transform: uppercase; letter-spacing: 0.04em;
  color: var(--body-text-color-subdued);}
table.meta th {text-align: left; padding-right: 12px; vertical-align: top; white-space: nowrap; font-weight: 600;}
.meeting-header table.meta, .meeting-header table.meta tr, table.meta td, table.meta th {border: none !important;
  background: transparent !important; padding-top: 2px; padding-bottom: 2px;}
#source-view .source-view {max-height: 70vh; overflow-y: auto; padding-right: 8px;}
#language {max-width: 260px;}
#language .wrap {flex-wrap: nowrap;}
.source-view .text, .meeting-view .text, .case-view .text {white-space: pre-wrap; line-height: 1.5;}
.source-view section h5 {margin: 14px 0 4px 0; font-size: 1em;}
.source-view section h6 {margin: 10px 0 2px 0; font-size: 0.95em; font-style: italic;}
.closed {font-style: italic; color: var(--body-text-color-subdued);}
.point-title {font-weight: 600; margin-top: 10px;}
.case {font-weight: 400; font-size: 0.85em; margin-left: 6px; opacity: 0.8;}
.case-link {border: 1px solid var(--border-color-primary); border-radius: 4px; padding: 0 6px; margin-left: 6px;
  font-size: 0.85em; cursor: pointer; background: var(--background-fill-secondary);}
.onboarding .cols {display: grid; grid-template-columns: 1fr 1fr; gap: 24px;}
.step-head {font-weight: 500;}
.step .ref, .citations .q {font-size: 0.85em; color: var(--body-text-color-subdued);}
#sources label {white-space: normal;}
a.cite {font-weight: 600; text-decoration: underline; cursor: pointer;}
/* the chosen tab's name in the text colour (the accent colour on white or black is under 4.5:1) */
.tab-container button[aria-selected="true"] {color: var(--body-text-color) !important;}
/* Phones (measured at 390 px): the header's language choice goes under the title, the page keeps a narrow margin,
   the tabs shrink to fit on one line (Gradio's own overflow menu takes over only beyond that), columns stack. */
@media (max-width: 640px) {
  #header-row {flex-wrap: wrap !important;}
  #app-header {min-width: 0 !important; flex: 1 1 100% !important;}
  #language {max-width: none !important; min-width: 0 !important; flex: 1 1 auto !important;}
  .tab-wrapper, .tab-container {min-width: 0 !important;}
  .tab-container button {padding-left: 6px !important; padding-right: 6px !important; font-size: 0.92em !important;}
  .onboarding .cols {grid-template-columns: 1fr;}
  #ask-row {flex-wrap: wrap !important;}
  #ask-row > .form, #ask {flex: 1 1 100% !important; min-width: 0 !important;}
  #source-view .source-view {max-height: none;}
}
/* Gradio writes "Drop File Here - or - Click to Upload" in English in every language: the help text above says it. */
#upload-files .upload-container .wrap {visibility: hidden;}
#upload-files .upload-container .wrap .icon-wrap {visibility: visible;}
"""

# A case number in a meeting view is a button: clicking it fills the case box and shows the history.
# A citation link [n] in an answer (a.cite, href "#cite-<answer id>-<n>") writes its key into the hidden #cite-key
# box, whose change opens that citation in the source view (a click time makes a second click on it a change too).
HEAD = """
<style>
/* Gradio scopes the css= rules inside its container; the page around it is styled here. */
@media (max-width: 640px) {
  .gradio-container .main.fillable.app {padding-left: 8px !important; padding-right: 8px !important;}
}
</style>
<script>
document.addEventListener("click", (ev) => {
  const link = ev.target.closest && ev.target.closest("a.cite");
  if (!link) return;
  ev.preventDefault();
  ev.stopPropagation();
  const box = document.querySelector("#cite-key textarea, #cite-key input");
  if (!box) return;
  box.value = link.getAttribute("href").replace(/^#cite-/, "") + "|" + Date.now();
  box.dispatchEvent(new Event("input", {bubbles: true}));
}, true);
document.addEventListener("click", (ev) => {
  const btn = ev.target.closest && ev.target.closest(".case-link");
  if (!btn) return;
  const box = document.querySelector("#case-number textarea, #case-number input");
  if (!box) return;
  box.value = btn.dataset.case;
  box.dispatchEvent(new Event("input", {bubbles: true}));
  setTimeout(() => document.querySelector("#case-button")?.click(), 50);
});
</script>
"""

LANGUAGES = [("Dansk", "da"), ("English", "en")]


def theme() -> gr.themes.Base:
    """Gradio's Soft theme with text colours that reach 4.5:1 against their background (axe-core's WCAG AA check, run
    on every view in both themes by tests/test_browser.py): darker secondary text, labels and selected choices."""
    return gr.themes.Soft().set(
        body_text_color_subdued="*neutral_600",
        body_text_color_subdued_dark="*neutral_400",
        block_label_text_color="*primary_700",
        block_label_text_color_dark="*primary_100",
        block_title_text_color="*primary_700",
        block_title_text_color_dark="*primary_100",
        checkbox_label_background_fill_selected="*primary_600",
        checkbox_label_background_fill_selected_dark="*primary_600",
        button_primary_background_fill="*primary_600",
        button_primary_background_fill_dark="*primary_600",
        button_primary_background_fill_hover="*primary_700",
        button_primary_background_fill_hover_dark="*primary_700",
        button_secondary_background_fill_hover_dark="*primary_600",
        link_text_color_dark="*secondary_300",
        link_text_color_hover_dark="*secondary_200",
        link_text_color_visited_dark="*secondary_300",
        link_text_color_active_dark="*secondary_300",
    )


def _header(lang: str) -> str:
    return f"# {ui('app_title', lang)}\n{ui('tagline', lang)}"


def build_app(settings: Settings, services: Services | None = None) -> gr.Blocks:
    """The whole page. Conversations live in gr.State (one per browser session); `services` is shared."""
    services = services or Services(settings)
    lang = settings.language
    tr = Relabeler()
    with gr.Blocks(title=ui("app_title", lang), analytics_enabled=False) as demo:
        lang_state = gr.State(lang)
        with gr.Row(equal_height=True, elem_id="header-row"):
            tr.add(gr.Markdown(_header(lang), elem_id="app-header"), value=_header)
            language = gr.Radio(
                LANGUAGES, value=lang, label=ui("language", lang), scale=0, min_width=240, elem_id="language"
            )
            tr.add(language, label="language")
        status = gr.HTML(status_line(services.status_text(lang)), elem_id="status")
        with gr.Tabs(selected="start") as tabs:
            with tr.add(gr.Tab(ui("tab_start", lang), id="start", elem_id="tab-start"), label="tab_start"):
                start = onboarding.build(services, lang, tr)
            with tr.add(gr.Tab(ui("tab_chat", lang), id="chat", elem_id="tab-chat"), label="tab_chat"):
                chat_c = chat.build(services, lang, tr, lang_state)
                source_view, cite_link = sources.build(lang, tr)
                export_c = export_view.build(lang, tr)
            with tr.add(gr.Tab(ui("tab_meetings", lang), id="meetings", elem_id="tab-meetings"), label="tab_meetings"):
                meet_c = meetings.build(services, lang, tr)
            with tr.add(gr.Tab(ui("tab_upload", lang), id="upload", elem_id="tab-upload"), label="tab_upload"):
                up_c = upload.build(settings, lang, tr)
                fetch_c = fetch_view.build(services, lang, tr)

        # What shows the current answer starts over with each question and with a new conversation.
        chat_c.linked += [(source_view, html.pick_source), *export_view.linked(export_c)]
        chat.wire(chat_c, services)
        sources.wire(chat_c.sources, source_view, cite_link, chat_c.session, services, lang_state)
        export_view.wire(export_c, chat_c.session, lang_state, services)
        meetings.wire(meet_c, services, lang_state)
        upload.wire(up_c, services, lang_state)
        fetch_view.wire(fetch_c, services, lang_state)

        # A suggested question goes to the chat tab and is asked there.
        def use_suggestion(q):
            return (q or ""), gr.Tabs(selected="chat")

        turn, chat_inputs, chat_outputs = chat.turn_handler(chat_c, services)

        def ask_suggestion(question, *rest):
            if not question:
                yield (gr.skip(),) * len(chat_outputs)
                return
            yield from turn(question, *rest)

        start.use.click(use_suggestion, [start.suggestions], [chat_c.question, tabs], api_name=False).then(
            ask_suggestion, chat_inputs, chat_outputs, api_name=False
        )

        # Switching language relabels the page and redraws the start view; answers follow the new language.
        def switch(new_lang):
            page, picks = onboarding.refresh(services, new_lang)
            return [new_lang, page, picks, status_line(services.status_text(new_lang)), *tr.updates(new_lang)]

        language.change(
            switch,
            [language],
            [lang_state, start.overview, start.suggestions, status, *tr.components],
            js="(l) => { window.minutesLanguage?.(l); return l; }",  # Gradio's own words follow (gradio_words.py)
            api_name=False,
        )

        # After an upload the start view, the status line and the filters show the new minutes.
        def after_upload(lang):
            page, picks = onboarding.refresh(services, lang)
            munis, committees = chat.filter_options(services)
            muni_dd = gr.Dropdown(choices=chat.with_all(munis, lang))
            com_dd = gr.Dropdown(choices=chat.with_all(committees, lang))
            return page, picks, status_line(services.status_text(lang)), muni_dd, com_dd, muni_dd, com_dd

        demo.load(lambda lg: status_line(services.status_text(lg)), [lang_state], [status], api_name=False)
        _upload_done = [
            start.overview,
            start.suggestions,
            status,
            chat_c.municipality,
            chat_c.committee,
            meet_c.municipality,
            meet_c.committee,
        ]
        up_c.result.change(after_upload, [lang_state], _upload_done, api_name=False)
        if fetch_c is not None:
            fetch_c.result.change(after_upload, [lang_state], _upload_done, api_name=False)
    return demo


def launch(settings: Settings, share: bool = False, services: Services | None = None, **kwargs) -> None:
    """Serve the app on settings.host:settings.port through Gradio's queue (many sessions at once)."""
    auth = settings.auth_pairs() or None  # a malformed MINUTES_AUTH raises here: never served without the login
    services = services or Services(settings)
    services.start_warm_up()  # while the server starts: the first question is answered warm
    demo = build_app(settings, services)
    demo.queue(default_concurrency_limit=4, max_size=64)
    if auth:
        # Gradio embeds its API description (each input's choices: municipalities, committees) in the login page
        # it serves to anyone; private endpoints stay out of it and remain callable by the page itself.
        for fn in demo.fns.values():
            fn.api_visibility = "private"
    if auth:
        # Gradio's login page gets a title, the page's language and our words (web/login_page.py)
        app_kwargs = dict(kwargs.pop("app_kwargs", None) or {})
        app_kwargs["middleware"] = [*app_kwargs.get("middleware", []), Middleware(LoginPage, lang=settings.language)]
        kwargs["app_kwargs"] = app_kwargs
    demo.launch(
        server_name=settings.host,
        server_port=settings.port,
        share=share,
        auth=auth,
        auth_message=ui("tagline", settings.language) if auth else None,
        max_file_size=f"{settings.upload_max_mb:g}mb",
        css=CSS,
        head=HEAD + gradio_words.script(settings.language),  # Gradio's own English words in the page's language
        theme=theme(),
        footer_links=[],
        show_error=False,
        **kwargs,
    )
