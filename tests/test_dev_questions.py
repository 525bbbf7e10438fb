"""The development question set (eval/dev_questions.jsonl) checked against the real minutes by eval/check_gold.py."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED_CORPUS = REPO.parent / "shared" / "corpus"
QUESTIONS = REPO / "eval" / "dev_questions.jsonl"


def _check_gold():
    spec = importlib.util.spec_from_file_location("check_gold", REPO / "eval" / "check_gold.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while the class is built
    spec.loader.exec_module(module)
    return module


cg = _check_gold()


@pytest.fixture(scope="module")
def corpus_roots(greve_dir) -> list[Path]:
    return [SHARED_CORPUS]


@pytest.fixture(scope="module")
def corpus(corpus_roots):
    return cg.Corpus(corpus_roots)


def _rewrite(tmp_path: Path, edit) -> Path:
    """A copy of the question set with ``edit(questions)`` applied."""
    questions = [json.loads(line) for line in QUESTIONS.read_text(encoding="utf-8").splitlines() if line.strip()]
    edit(questions)
    path = tmp_path / "questions.jsonl"
    path.write_text("".join(json.dumps(q, ensure_ascii=False) + "\n" for q in questions), encoding="utf-8")
    return path


def _first(questions: list[dict], kind: str) -> dict:
    return next(q for q in questions if q["kind"] == kind)


def test_question_set_passes_every_check(corpus_roots, corpus):
    report = cg.check(QUESTIONS, corpus_roots, corpus)
    assert report.errors == []
    assert any(line.startswith("title overlap") for line in report.lines)


def test_held_out_set_passes_every_question_check_and_shares_no_gold_with_the_dev_set(corpus_roots, corpus):
    holdout = QUESTIONS.with_name("holdout_questions.jsonl")
    assert cg.check(holdout, corpus_roots, corpus, set_checks=False).errors == []
    assert cg.check(holdout, corpus_roots, corpus).errors  # too small for the dev set's counts

    def gold(path):
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        return {(g["source"], g["point"]) for q in rows for g in q["gold"]}

    assert not gold(holdout) & gold(QUESTIONS)


# Sets written in fresh phrasings on points other sets already use: dev19 to dev37 on points only dev sets use,
# holdout14 on points only held-out sets use (2026-12-05). They are held to the separation of dev and held-out sets
# (test_rephrased_sets_keep_dev_and_held_out_points_apart), not to the fresh points of the others.
REPHRASED = {"dev19": "dev", "dev20": "dev", "dev21": "dev", "dev22": "dev", "dev23": "dev", "dev24": "dev",
             "dev25": "dev", "dev26": "dev", "dev27": "dev", "dev28": "dev", "dev29": "dev", "dev30": "dev",
             "dev31": "dev", "dev32": "dev", "dev33": "dev", "dev34": "dev", "dev35": "dev", "dev36": "dev",
             "dev37": "dev", "dev38": "dev", "dev39": "dev", "dev40": "dev", "dev41": "dev",
             "holdout14": "holdout"}


def _fresh_point_sets() -> list:
    return [p for p in QUESTIONS.parent.glob("*_questions.jsonl")
            if p.name.removesuffix("_questions.jsonl") not in REPHRASED]


def _rows(path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def _gold_points(path) -> set:
    return {(g["source"], g["point"]) for q in _rows(path) for g in q["gold"]}


def _gold_cases(path) -> set:
    return {g["case_number"] for q in _rows(path) if q["kind"] != "attendance" for g in q["gold"] if g["case_number"]}


@pytest.mark.parametrize("name", sorted(REPHRASED))
def test_rephrased_sets_keep_dev_and_held_out_points_apart(corpus_roots, corpus, name):
    """dev19 uses only points (and case numbers) of dev sets, no held-out set's; holdout14 only held-out sets'
    points, no dev set's: tuning on dev19 touches no point a held-out set measures."""
    new = QUESTIONS.with_name(f"{name}_questions.jsonl")
    assert cg.check(new, corpus_roots, corpus, set_checks=False).errors == []
    side = REPHRASED[name]
    others = [p for p in QUESTIONS.parent.glob("*_questions.jsonl") if p != new]
    other_side = [p for p in others if ("holdout" in p.name) != (side == "holdout")]
    assert len(other_side) >= 6 and _gold_points(new) and _gold_cases(new)
    assert not _gold_points(new) & set().union(*(_gold_points(p) for p in other_side))
    assert not _gold_cases(new) & set().union(*(_gold_cases(p) for p in other_side))


def test_third_dev_set_passes_every_question_check_and_uses_no_other_sets_points(corpus_roots, corpus):
    dev3 = QUESTIONS.with_name("dev3_questions.jsonl")
    assert cg.check(dev3, corpus_roots, corpus, set_checks=False).errors == []

    def gold(path):
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        return {(g["source"], g["point"]) for q in rows for g in q["gold"]}

    others = [p for p in _fresh_point_sets() if p != dev3]
    assert len(others) >= 4 and gold(dev3)
    assert not gold(dev3) & set().union(*(gold(p) for p in others))


def test_main_exits_zero_and_prints_summary(corpus_roots, capsys):
    assert cg.main([str(QUESTIONS), "--corpus", str(corpus_roots[0])]) == 0
    out = capsys.readouterr().out
    assert "questions: " in out and out.rstrip().endswith("OK")


def test_dot_folder_and_slagelse_are_read(corpus):
    assert ".Spørgsmål / Svar til Byrådet 2022-2025" in corpus.committees()
    slagelse = corpus.get("referat-17-4-udvalg-2025-12-09.txt")
    assert slagelse.municipality == "Slagelse Kommune"
    assert slagelse.meeting_date == "2025-12-09"
    assert slagelse.absent == ["Knud Vincents", "Jane Dahl", "John Dyrby Paulsen", "Troels Brandt"]
    assert slagelse.points["2"].case_number == "24-012144"
    assert "Brug data som strategisk værktøj" in slagelse.points["2"].text


def test_wrong_point_number_is_caught(corpus_roots, corpus, tmp_path):
    def edit(qs):
        _first(qs, "decision")["gold"][0]["point"] = "999"

    errors = cg.check(_rewrite(tmp_path, edit), corpus_roots, corpus).errors
    assert any("has no point '999'" in e for e in errors)


def test_wrong_date_and_committee_are_caught(corpus_roots, corpus, tmp_path):
    def edit(qs):
        gold = _first(qs, "fact")["gold"][0]
        gold["meeting_date"] = "1999-01-01"
        gold["committee"] = "Byrådet"

    errors = cg.check(_rewrite(tmp_path, edit), corpus_roots, corpus).errors
    assert any("meeting_date is '1999-01-01'" in e for e in errors)
    assert any("committee is 'Byrådet'" in e for e in errors)


def test_fragment_not_in_gold_text_is_caught(corpus_roots, corpus, tmp_path):
    def edit(qs):
        _first(qs, "recommendation")["answer_must_contain"] = ["en sætning der ikke står i referatet"]

    errors = cg.check(_rewrite(tmp_path, edit), corpus_roots, corpus).errors
    assert any("occurs in no gold point's text" in e for e in errors)


def test_incomplete_case_gold_and_wrong_absentees_are_caught(corpus_roots, corpus, tmp_path):
    def edit(qs):
        _first(qs, "case")["gold"].pop()
        _first(qs, "attendance")["answer_must_contain"] = ["Knud Vincents"]

    errors = cg.check(_rewrite(tmp_path, edit), corpus_roots, corpus).errors
    assert any("gold must list every point with case" in e for e in errors)
    assert any("is not the absent participants" in e for e in errors)


def test_counts_and_duplicate_ids_are_caught(corpus_roots, corpus, tmp_path):
    def edit(qs):
        del qs[40:]
        qs[1]["id"] = qs[0]["id"]

    errors = cg.check(_rewrite(tmp_path, edit), corpus_roots, corpus).errors
    assert any("questions; at least" in e for e in errors)
    assert any("id used 2 times" in e for e in errors)


def test_missing_source_is_caught(corpus_roots, corpus, tmp_path):
    def edit(qs):
        _first(qs, "when")["gold"][0]["source"] = "no-such-file.json"

    errors = cg.check(_rewrite(tmp_path, edit), corpus_roots, corpus).errors
    assert any("source 'no-such-file.json' is not a file" in e for e in errors)


def test_a_gold_point_in_an_esdh_export_is_unchecked_not_failed_and_a_wrong_name_still_fails(
        corpus_roots, corpus, tmp_path):
    """The checker reads FirstAgenda JSON and print text only: a gold point in Ballerup's eDoc XML is counted as
    unchecked (the eval run reads it with the product's readers); a file name no minutes have still fails."""
    xml = next(name for name in sorted(corpus.unread) if name.endswith(".xml"))

    def edit(qs):
        _first(qs, "when")["gold"][0]["source"] = xml
        _first(qs, "decision")["gold"][0]["source"] = "no-such-file.xml"

    report = cg.check(_rewrite(tmp_path, edit), corpus_roots, corpus)
    assert report.unchecked == 1
    assert not any(xml in e for e in report.errors)
    assert any("source 'no-such-file.xml' is not a file" in e for e in report.errors)


def test_html_to_text_unescapes_and_folds():
    html = "<div><h3>Beslutning</h3><span>K&oslash;ge&nbsp; Bugt</span><br>  <b>godkendt</b></div>"
    assert cg.html_to_text(html) == "Beslutning Køge Bugt godkendt"


@pytest.mark.parametrize(
    "name",
    ["holdout3", "dev4", "dev5", "dev6", "holdout4", "dev7", "dev8", "dev9", "holdout5", "dev10", "holdout6", "dev11",
     "holdout7", "dev12", "dev13", "holdout8", "dev14", "holdout9", "dev15", "holdout10", "dev16", "holdout11",
     "dev17", "holdout12", "holdout13"],
)
def test_newer_sets_pass_every_question_check_and_use_no_other_sets_points(corpus_roots, corpus, name):
    """holdout3, dev4-dev7, holdout4, dev8, dev9, holdout5 (2026-12-04), dev10, holdout6, dev11, holdout7, dev12, dev13,
    holdout8, dev14, holdout9, dev15, holdout10, dev16, holdout11, dev17, holdout12 and holdout13 (2026-12-05): each
    written by a helper that read the minutes, eval/README.md and the checker, not the code, about Greve points and case
    numbers no other set uses (an attendance question's gold is a point of its meeting, matched on the meeting's file
    alone: its case number, the standing "Godkendelse af dagsorden" case of the meeting's first point, may be another
    set's)."""
    new = QUESTIONS.with_name(f"{name}_questions.jsonl")
    assert cg.check(new, corpus_roots, corpus, set_checks=False).errors == []

    def rows(path):
        return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]

    def gold(path):
        return {(g["source"], g["point"]) for q in rows(path) for g in q["gold"]}

    def cases(path):
        asked = [q for q in rows(path) if q["kind"] != "attendance"]
        return {g["case_number"] for q in asked for g in q["gold"] if g["case_number"]}

    others = [p for p in _fresh_point_sets() if p != new]
    assert len(others) >= 6 and gold(new) and cases(new)
    assert not gold(new) & set().union(*(gold(p) for p in others))
    assert not cases(new) & set().union(*(cases(p) for p in others))
