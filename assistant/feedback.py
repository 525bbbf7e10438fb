"""Feedback on answers: a thumb up or down and an optional comment, kept beside the index so a kommune sees where
the assistant fails (`minutes feedback --csv`).

One SQLite file, feedback.db in the index folder: every write is one transaction, so a crash or two sessions
writing at once never leave half a record. A rating is keyed by the answer's id: a second thumb on the same answer
replaces the first, and a comment joins the answer's rating.
"""

from __future__ import annotations

import csv
import json
import sqlite3
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from assistant.export import csv_safe
from assistant.records import Answer, Citation

FILE_NAME = "feedback.db"  # not *.sqlite: `make clean` drops the built index (index/*.sqlite), never the feedback
CSV_FIELDS = ("time", "rating", "comment", "question", "answer", "citations", "lang", "answer_id")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS feedback (
    answer_id TEXT PRIMARY KEY,
    time TEXT NOT NULL,
    rating INTEGER NOT NULL,
    comment TEXT NOT NULL DEFAULT '',
    question TEXT NOT NULL,
    answer TEXT NOT NULL,
    citations TEXT NOT NULL,
    lang TEXT NOT NULL
)
"""


@dataclass(frozen=True)
class Feedback:
    """One rated answer. rating: +1 (thumb up) or -1 (thumb down); citations: the rendered references."""

    answer_id: str
    time: str  # ISO 8601, UTC
    rating: int
    comment: str
    question: str
    answer: str
    citations: list[str]
    lang: str


def _references(citations: Iterable[Citation], lang: str) -> list[str]:
    from assistant.citations import render_citation

    return [f"[{c.number}] {render_citation(c, lang)}" for c in citations]


class FeedbackStore:
    """Ratings and comments in one SQLite file; safe to share between the web app's sessions (threads)."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._lock = threading.Lock()

    @classmethod
    def beside(cls, index_dir: Path) -> FeedbackStore:
        return cls(Path(index_dir) / FILE_NAME)

    def _connect(self) -> sqlite3.Connection:
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            con = sqlite3.connect(self.path, timeout=10)
        except (OSError, sqlite3.Error) as exc:
            msg = f"cannot open the feedback file {self.path}: {exc}; check that its folder is writable"
            raise OSError(msg) from exc
        con.execute(_SCHEMA)
        return con

    def rate(self, answer_id: str, answer: Answer, rating: int, now: datetime | None = None) -> None:
        """Record a thumb (+1 or -1) on an answer; a later thumb on the same answer replaces it, keeping a comment."""
        if rating not in (1, -1):
            raise ValueError(f"a rating is +1 or -1, not {rating!r}")
        when = (now or datetime.now(UTC)).isoformat(timespec="seconds")
        lang = answer.lang or "da"
        cits = json.dumps(_references(answer.citations or answer.nearest, lang), ensure_ascii=False)
        with self._lock, self._connect() as con:
            con.execute(
                "INSERT INTO feedback (answer_id, time, rating, question, answer, citations, lang)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)"
                " ON CONFLICT(answer_id) DO UPDATE SET rating = excluded.rating, time = excluded.time",
                (answer_id, when, rating, answer.question, answer.text, cits, lang),
            )
        con.close()

    def withdraw(self, answer_id: str) -> None:
        """The user took the thumb back: the answer's record goes."""
        with self._lock, self._connect() as con:
            con.execute("DELETE FROM feedback WHERE answer_id = ?", (answer_id,))
        con.close()

    def comment(self, answer_id: str, text: str) -> bool:
        """Attach a comment to a rated answer; False when the answer has no rating (nothing to attach it to)."""
        with self._lock, self._connect() as con:
            cur = con.execute("UPDATE feedback SET comment = ? WHERE answer_id = ?", (text.strip(), answer_id))
        con.close()
        return cur.rowcount > 0

    def records(self) -> list[Feedback]:
        """Every record, oldest first. A missing file is no feedback yet."""
        if not self.path.exists():
            return []
        with self._connect() as con:
            rows = con.execute(
                "SELECT answer_id, time, rating, comment, question, answer, citations, lang FROM feedback"
                " ORDER BY time, rowid"
            ).fetchall()
        con.close()
        return [Feedback(r[0], r[1], r[2], r[3], r[4], r[5], json.loads(r[6]), r[7]) for r in rows]


def write_csv(records: Iterable[Feedback], out: TextIO) -> int:
    """The records as CSV (one row per rated answer, citations joined by newlines); returns the number of rows.

    A cell that starts like a formula (=, +, -, @, also after spaces) gets a leading apostrophe (export.csv_safe)."""
    writer = csv.DictWriter(out, fieldnames=CSV_FIELDS)
    writer.writeheader()
    n = 0
    for r in records:
        row = {
            "time": r.time,
            "rating": "+1" if r.rating > 0 else "-1",
            "comment": _cell(r.comment),
            "question": _cell(r.question),
            "answer": _cell(r.answer),
            "citations": _cell("\n".join(r.citations)),
            "lang": r.lang,
            "answer_id": r.answer_id,
        }
        writer.writerow(row)
        n += 1
    return n


def _cell(text: str) -> str:
    return str(csv_safe(text))  # the exports' rule (leading spaces and full-width signs too)
