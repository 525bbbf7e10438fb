"""Feedback on answers: the chat's thumbs up and down, and an optional comment, stored beside the index
(assistant/feedback.py) so a kommune can read out where the assistant fails (`minutes feedback --csv`)."""

from __future__ import annotations

import logging
from dataclasses import dataclass

import gradio as gr

from assistant.web.state import ChatSession, Services
from assistant.web.texts import Relabeler, ui

log = logging.getLogger(__name__)


@dataclass
class FeedbackComponents:
    note: gr.Markdown  # what happened to the rating
    box: gr.Group  # the comment field, shown after a thumb
    comment: gr.Textbox
    send: gr.Button
    target: gr.State  # the id of the answer the comment goes to


def _rating(liked: object) -> int:
    """+1, -1, or 0 when the thumb was taken back (Gradio sends the option's name, or True/False)."""
    if liked is True or liked == "Like":
        return 1
    if liked is False or liked == "Dislike":
        return -1
    return 0


def rate(services: Services, session: ChatSession, index: object, liked: object, lang: str) -> tuple[str, bool, str]:
    """A thumb on chat message `index`: (message for the user, show the comment field, the rated answer's id).

    A thumb on a message that is no answer (the question, an error) records nothing."""
    if isinstance(index, list | tuple):
        index = index[0] if index else None
    answer_id = session.message_ids.get(index) if session and isinstance(index, int) else None
    answer = session.answer(answer_id) if answer_id else None
    if answer is None:
        return "", False, ""
    rating = _rating(liked)
    try:
        if rating == 0:
            services.feedback.withdraw(answer_id)
            return ui("feedback_withdrawn", lang), False, ""
        services.feedback.rate(answer_id, answer, rating)
    except Exception as exc:  # noqa: BLE001 - the user hears that the rating is lost, the log has why
        log.exception("storing feedback failed")
        return ui("feedback_failed", lang, error=exc), False, ""
    return ui("feedback_saved", lang), True, answer_id


def save_comment(services: Services, answer_id: str, text: str, lang: str) -> tuple[str, bool]:
    """(message, keep the comment field open). An empty comment keeps the field open."""
    if not answer_id or not (text or "").strip():
        return "", True
    try:
        services.feedback.comment(answer_id, text)
    except Exception as exc:  # noqa: BLE001 - as above
        log.exception("storing a feedback comment failed")
        return ui("feedback_failed", lang, error=exc), True
    return ui("feedback_thanks", lang), False


def build(lang: str, tr: Relabeler) -> FeedbackComponents:
    """Under the chat: the note on a rating and, after a thumb, the comment field."""
    note = gr.Markdown(elem_id="feedback-note")
    with gr.Group(visible=False, elem_id="feedback") as box:
        comment = gr.Textbox(
            label=ui("feedback_comment", lang), placeholder=ui("feedback_comment_ph", lang), lines=2,
            elem_id="feedback-comment",
        )  # fmt: skip
        send = gr.Button(ui("feedback_send", lang), size="sm", elem_id="feedback-send")
    tr.add(comment, label="feedback_comment", placeholder="feedback_comment_ph")
    tr.add(send, value="feedback_send")
    return FeedbackComponents(note, box, comment, send, gr.State(""))


def linked(c: FeedbackComponents) -> list[tuple[object, object]]:
    """What a new question or a new conversation sets back: no note, no comment field, no answer to comment on."""
    return [(c.note, lambda lang: ""), (c.box, lambda lang: gr.Group(visible=False)), (c.target, lambda lang: "")]


def wire(c: FeedbackComponents, chatbot: gr.Chatbot, session: gr.State, services: Services, lang_state) -> None:
    def on_like(data: gr.LikeData, session, lang):
        message, show, answer_id = rate(services, session, data.index, data.liked, lang)
        return message, gr.Group(visible=show), answer_id, ""

    def on_send(answer_id, text, lang):
        message, keep = save_comment(services, answer_id, text, lang)
        return message, gr.Group(visible=keep), "" if not keep else gr.skip()

    chatbot.like(on_like, [session, lang_state], [c.note, c.box, c.target, c.comment], api_name=False)
    c.send.click(on_send, [c.target, c.comment, lang_state], [c.note, c.box, c.comment], api_name=False)
    c.comment.submit(on_send, [c.target, c.comment, lang_state], [c.note, c.box, c.comment], api_name=False)
