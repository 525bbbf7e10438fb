"""What the callbacks share (the library, opened lazily) and what each browser session keeps (its conversation).

Conversations live in `ChatSession` objects held in gr.State, one per browser session; nothing here is a module
global. `Services` holds only library objects (settings, the index, the assistant), shared by all sessions.
"""

from __future__ import annotations

import logging
import threading
import uuid
from dataclasses import dataclass, field
from datetime import date

from assistant.records import Answer, Filters
from assistant.settings import Settings
from assistant.web.texts import n_meetings, ui

log = logging.getLogger(__name__)

ALL = ""  # the value of "(alle)" in the filter dropdowns


def new_answer_id() -> str:
    """An id for one answer, unique across sessions and resets: the page marks the answer, its citation links and
    its sources with it, so nothing on screen from an earlier answer can be taken for the current one."""
    return uuid.uuid4().hex[:12]


@dataclass
class ChatSession:
    """One user's conversation: the answers so far (passed as history to follow-up questions), each with its id,
    and which chat message shows which answer (the chat's thumbs report a message index)."""

    answers: list[Answer] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    message_ids: dict[int, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.ids = list(self.ids) + [new_answer_id() for _ in range(len(self.answers) - len(self.ids))]

    def add(self, answer: Answer) -> str:
        self.answers.append(answer)
        self.ids.append(new_answer_id())
        return self.ids[-1]

    def last(self) -> Answer | None:
        return self.answers[-1] if self.answers else None

    def last_id(self) -> str:
        return self.ids[-1] if self.ids else ""

    def answer(self, answer_id: str) -> Answer | None:
        try:
            return self.answers[self.ids.index(answer_id)]
        except ValueError:
            return None


class Services:
    """Settings plus a lazily opened index and assistant, shared by all sessions of one app."""

    def __init__(self, settings: Settings, assistant=None):
        self.settings = settings
        self._assistant = assistant
        self._lock = threading.Lock()
        self._feedback = None
        self.status = ""

    @property
    def feedback(self):
        """The thumbs and comments on answers, kept beside the index (assistant/feedback.py)."""
        if self._feedback is None:
            from assistant.feedback import FeedbackStore

            self._feedback = FeedbackStore.beside(self.settings.index_path)
        return self._feedback

    @property
    def assistant(self):
        if self._assistant is None:
            with self._lock:
                if self._assistant is None:
                    from assistant.answering import Assistant

                    self._assistant = Assistant(self.settings)
        return self._assistant

    @property
    def index(self):
        a = self.assistant
        idx = getattr(a, "index", None)
        if idx is None:
            from assistant.index import Index

            idx = Index.open(self.settings)
        return idx

    @property
    def catalog(self):
        return self.index.catalog

    def warm_up(self) -> None:
        """Open the index and answer one question in the background, so the first user's answer is warm. An index
        that cannot be opened yet (none built, another model) is left for the first question to report."""
        try:
            self.assistant.warm_up()
        except Exception as exc:  # noqa: BLE001 - a failed warm-up only leaves the first answer cold
            log.info("Opvarmning sprunget over: %s", exc)

    def start_warm_up(self) -> threading.Thread:
        thread = threading.Thread(target=self.warm_up, name="warm-up", daemon=True)
        thread.start()
        return thread

    def reload(self) -> None:
        """Drop the opened assistant (after an ingest) so the next question sees the new minutes.

        The old objects are not closed: a question in flight in another session may still use them. They are
        thawed (answering.thaw), so they are freed once that question is answered.
        """
        from assistant.answering import thaw

        with self._lock:
            self._assistant = None
            thaw()

    def status_text(self, lang: str) -> str:
        try:
            st = self.index.status()
            munis = ", ".join(sorted({c["municipality"] for c in st.committees if c["municipality"]})) or "?"
            return ui("status", lang, meetings=n_meetings(st.meetings, lang), points=st.points, municipalities=munis)
        except Exception as exc:  # noqa: BLE001 - the status line must never break the page
            return str(exc)


def parse_day(value: str | date | None, lang: str) -> date | None:
    """A date from a filter box (YYYY-MM-DD); raises ValueError with a message the user can act on."""
    if value in (None, ""):
        return None
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    try:
        from assistant.textutil import parse_danish_date

        parsed = parse_danish_date(text)
    except Exception:  # noqa: BLE001 - the reader's helper may be missing or reject the value
        parsed = None
    if parsed is None:
        raise ValueError(ui("bad_date", lang, value=text))
    return parsed.date() if hasattr(parsed, "date") and callable(parsed.date) else parsed


def make_filters(
    municipality: str | None, committee: str | None, date_from: str | None, date_to: str | None, lang: str
) -> Filters:
    return Filters(
        municipality=municipality or None,
        committee=committee or None,
        date_from=parse_day(date_from, lang),
        date_to=parse_day(date_to, lang),
    )
