"""Feedback on answers: the store beside the index (assistant/feedback.py), the web callbacks that write it, and
`minutes feedback` that reads it out. The browser's thumbs are tested in tests/test_browser.py."""

from __future__ import annotations

import csv
import io
import threading
from datetime import UTC, datetime

from click.testing import CliRunner

from assistant.citations import render_citation
from assistant.cli import main
from assistant.feedback import FILE_NAME, FeedbackStore, write_csv
from assistant.records import Answer, Citation
from assistant.web.feedback_view import rate, save_comment
from assistant.web.state import ChatSession

CITATION = Citation(1, "Fiktiv Kommune", "Teknik- og Miljøudvalget", "2025-04-07", "3", "Vejbump på Skolevej",
                    "25-000602", "teknik.json", quote="Der etableres tre vejbump", point_key="m:3")  # fmt: skip


def _answer(question: str = "Hvad blev besluttet om vejbump på Skolevej?") -> Answer:
    return Answer(question, "Der etableres tre vejbump på Skolevej inden skolestart [1].", [CITATION])


def test_rating_comment_and_replacement(tmp_path):
    store = FeedbackStore.beside(tmp_path / "index")
    assert store.records() == [] and not store.path.exists()  # nothing written until someone rates
    store.rate("a1", _answer(), -1, now=datetime(2026, 12, 2, 10, 0, tzinfo=UTC))
    assert store.comment("a1", "  Kilden passer ikke  ")
    assert not store.comment("nope", "no rating to attach it to")
    store.rate("a1", _answer(), 1, now=datetime(2026, 12, 2, 10, 5, tzinfo=UTC))  # changed its mind
    (r,) = store.records()
    assert store.path == tmp_path / "index" / FILE_NAME
    assert (r.rating, r.comment, r.time) == (1, "Kilden passer ikke", "2026-12-02T10:05:00+00:00")
    assert r.question == "Hvad blev besluttet om vejbump på Skolevej?" and "[1]" in r.answer
    assert r.citations == [f"[1] {render_citation(CITATION, 'da')}"] and "Vejbump på Skolevej" in r.citations[0]
    store.withdraw("a1")
    assert store.records() == []


def test_sessions_rating_at_once_lose_nothing(tmp_path):
    store = FeedbackStore.beside(tmp_path)
    barrier = threading.Barrier(8)

    def run(i: int) -> None:
        barrier.wait(timeout=30)
        store.rate(f"a{i}", _answer(f"spørgsmål {i}"), 1 if i % 2 else -1)
        store.comment(f"a{i}", f"kommentar {i}")

    threads = [threading.Thread(target=run, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    records = {r.answer_id: r for r in FeedbackStore.beside(tmp_path).records()}  # a second reader sees them all
    assert sorted(records) == [f"a{i}" for i in range(8)]
    assert all(records[f"a{i}"].comment == f"kommentar {i}" for i in range(8))


def test_csv_keeps_formulas_as_text(tmp_path):
    store = FeedbackStore.beside(tmp_path)
    store.rate("a1", _answer("=HYPERLINK(\"http://x\")"), -1)
    store.comment("a1", "@SUM(A1)")
    out = io.StringIO()
    assert write_csv(store.records(), out) == 1
    (row,) = csv.DictReader(io.StringIO(out.getvalue()))
    assert row["question"] == "'=HYPERLINK(\"http://x\")" and row["comment"] == "'@SUM(A1)"
    assert row["rating"] == "-1" and row["answer_id"] == "a1"


def test_web_callbacks_rate_the_answer_behind_the_message(tmp_path):
    class _Services:
        feedback = FeedbackStore.beside(tmp_path)

    session = ChatSession()
    answer_id = session.add(_answer())
    session.message_ids[1] = answer_id  # the chat: [question, answer]
    assert rate(_Services, session, 0, True, "da") == ("", False, "")  # a thumb on the question records nothing
    message, show, target = rate(_Services, session, 1, False, "da")
    assert show and target == answer_id and "Tak" in message
    assert save_comment(_Services, target, "", "da") == ("", True)  # an empty comment keeps the field open
    message, keep = save_comment(_Services, target, "Beslutningen mangler", "en")
    assert not keep and message == "Thank you – the comment is saved."
    (r,) = _Services.feedback.records()
    assert (r.answer_id, r.rating, r.comment) == (answer_id, -1, "Beslutningen mangler")
    message, show, _ = rate(_Services, session, 1, None, "da")  # the thumb taken back
    assert not show and _Services.feedback.records() == []


def test_cli_reads_feedback_out(tmp_path):
    index = tmp_path / "index"
    store = FeedbackStore.beside(index)
    store.rate("a1", _answer(), 1)
    store.rate("a2", _answer("Hvem havde afbud?"), -1)
    store.comment("a2", "Svaret nævner ikke suppleanten")

    res = CliRunner().invoke(main, ["feedback", "--csv", "--index", str(index)])
    assert res.exit_code == 0, res.output
    rows = list(csv.DictReader(io.StringIO(res.output)))
    assert [r["question"] for r in rows] == ["Hvad blev besluttet om vejbump på Skolevej?", "Hvem havde afbud?"]
    assert rows[1]["rating"] == "-1" and rows[1]["comment"] == "Svaret nævner ikke suppleanten"
    assert "Vejbump på Skolevej" in rows[0]["citations"] and rows[0]["time"].startswith("20")

    out = tmp_path / "feedback.csv"
    res = CliRunner().invoke(main, ["feedback", "--csv", "-o", str(out), "--index", str(index)])
    assert res.exit_code == 0 and "2 rækker" in res.output
    assert out.read_text(encoding="utf-8-sig").startswith("time,rating,comment,question")

    res = CliRunner().invoke(main, ["--lang", "en", "feedback", "--index", str(index)])
    assert res.exit_code == 0 and "2 ratings: 1 up, 1 down." in res.output
    res = CliRunner().invoke(main, ["feedback", "--index", str(tmp_path / "empty")])
    assert res.exit_code == 0 and "Ingen vurderinger endnu" in res.output
