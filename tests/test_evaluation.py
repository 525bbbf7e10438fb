"""Evaluation metrics on a tiny hand-made question file, over the fake index (and by hand for the arithmetic)."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest
from answer_corpus import fake_index

from assistant.answering import Assistant
from assistant.evaluation import compute_metrics, evaluate, format_report, load_questions
from assistant.settings import Settings


def _gold(committee: str, day: str, point: str) -> dict:
    return {"source": f"{committee.replace(' ', '_')}_{day}.json", "point": point, "meeting_date": day,
            "committee": committee, "municipality": "Testby Kommune", "case_number": ""}


QUESTIONS = [
    {"id": "a1", "question": "Hvor mange penge er der afsat til renovering af klubhuse?", "lang": "da",
     "kind": "fact", "gold": [_gold("Kultur- og Fritidsudvalget", "2023-06-12", "3")],
     "answer_must_contain": ["2,5 mio. kr."]},
    {"id": "a2", "question": "Hvad besluttede byrådet om tidsplanen for budget 2024?", "lang": "da",
     "kind": "decision", "gold": [_gold("Byråd 2022-2025", "2023-03-28", "7")],
     "answer_must_contain": ["19 stemmer for"]},
    {"id": "a3", "question": "Hvem havde meldt afbud til Økonomiudvalgets møde i marts 2023?", "lang": "da",
     "kind": "attendance", "gold": [_gold("Økonomiudvalget", "2023-03-06", "1")],
     "answer_must_contain": ["Bo Jensen", "Dorthe Lund"]},
    {"id": "u1", "question": "Hvad koster den nye svømmehal?", "lang": "da", "kind": "unanswerable", "gold": [],
     "answer_must_contain": []},
]


@pytest.fixture
def questions_file(tmp_path):
    path = tmp_path / "q.jsonl"
    path.write_text("".join(json.dumps(q, ensure_ascii=False) + "\n" for q in QUESTIONS) + "\n", encoding="utf-8")
    return path


def test_metrics_by_hand():
    qs = [{"id": "1", "gold": [{"source": "/a/x.json", "point": "2"}], "lang": "da", "kind": "fact",
           "answer_must_contain": ["ja"]},
          {"id": "2", "gold": [{"source": "y.json", "point": "1"}, {"source": "y.json", "point": "4"}], "lang": "en",
           "kind": "fact", "answer_must_contain": []},
          {"id": "3", "gold": [], "lang": "da", "kind": "unanswerable", "answer_must_contain": []}]

    def hit(src, pt):
        return {"source": src, "point": pt}

    results = [
        {"hits": [hit("/other/x.json", "2")], "citations": [hit("/b/x.json", "2")], "answer": "Ja!",
         "refused": False, "latency_ms": 10},
        {"hits": [hit("y.json", "3")] * 5 + [hit("y.json", "4")], "citations": [], "answer": "",
         "refused": True, "latency_ms": 30},
        {"hits": [], "citations": [], "answer": "", "refused": True, "latency_ms": 20},
    ]
    m = compute_metrics(results, qs)
    assert m["n"] == 2 and m["recall@1"] == 0.5 and m["recall@5"] == 0.5 and m["recall@10"] == 1.0
    assert m["mrr"] == pytest.approx((1 + 1 / 6) / 2)
    assert m["by_lang"]["en"]["mrr"] == pytest.approx(1 / 6)
    assert m["first_citation_correct"] == 0.5
    assert m["answer_contains_all"] == 1.0 and m["answer_contains_n"] == 1
    assert m["refusal_accuracy"] == 1.0 and m["false_refusal_rate"] == 0.5
    assert m["latency_p50_ms"] == 20 and m["latency_p95_ms"] == 30


def test_an_attendance_answer_matches_any_point_of_the_gold_meeting():
    """eval/README.md: an attendance answer is about the meeting, so it is matched on the source file alone; any
    other kind still needs its point."""
    def q(kind):
        return {"id": kind, "gold": [{"source": "m.json", "point": "2"}], "lang": "da", "kind": kind,
                "answer_must_contain": []}

    def result(point):
        return {"hits": [{"source": "other.json", "point": "2"}, {"source": "/x/m.json", "point": point}],
                "citations": [{"source": "/x/m.json", "point": point}], "answer": "", "refused": False,
                "latency_ms": 1}

    m = compute_metrics([result("1"), result("1")], [q("attendance"), q("fact")])
    assert m["by_kind"]["attendance"]["mrr"] == 0.5 and m["by_kind"]["fact"]["mrr"] == 0.0
    assert m["first_citation_correct"] == 0.5


def test_evaluate_over_fake_index(questions_file):
    settings = Settings(candidates=10)
    report = evaluate(questions_file, settings, k=5, assistant=Assistant(settings, index=fake_index(settings)))
    m = report["metrics"]
    assert m["n"] == 3 and m["recall@5"] == 1.0 and m["recall@1"] >= 2 / 3
    assert m["first_citation_correct"] == 1.0  # the attendance answer cites the meeting of the gold point
    assert m["answer_contains_all"] == 1.0
    assert m["refusal_accuracy"] == 1.0 and m["false_refusal_rate"] == 0.0
    q = report["questions"][1]
    assert set(q) == {"id", "hits", "answer", "refused", "kind", "citations", "latency_ms", "evidence"}
    assert set(q["hits"][0]) == {"source", "point", "meeting_date", "committee", "score"}
    assert set(q["citations"][0]) == {"source", "point", "meeting_date", "committee", "case_number", "title", "quote"}
    table = format_report(report)
    assert "refusal accuracy" in table and "R@5" in table


def test_bad_question_file_names_the_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text('{"question": "ok"}\n{not json\n', encoding="utf-8")
    with pytest.raises(ValueError, match=r"bad.jsonl:2"):
        load_questions(path)


def test_followups_with_history_and_sets_side_by_side(tmp_path, questions_file):
    from assistant.evaluation import evaluate_sets, format_sets

    followup = {"id": "f1", "question": "Og hvad blev besluttet?", "lang": "da", "kind": "followup",
                "history": ["Hvor mange penge er der afsat til renovering af klubhuse?"],
                "gold": [_gold("Kultur- og Fritidsudvalget", "2023-06-12", "3")],
                "answer_must_contain": ["Godkendt som indstillet."]}  # fmt: skip
    other = tmp_path / "other_questions.jsonl"
    other.write_text(json.dumps(followup, ensure_ascii=False) + "\n", encoding="utf-8")
    held = tmp_path / "holdout9_questions.jsonl"
    held.write_text(questions_file.read_text(encoding="utf-8"), encoding="utf-8")
    settings = Settings(candidates=10)
    reports = evaluate_sets([questions_file, other, held], settings, k=5,
                            assistant=Assistant(settings, index=fake_index(settings)))
    assert list(reports) == ["q", "other", "holdout9"]
    m = reports["other"]["metrics"]
    assert m["first_citation_correct"] == 1.0 and m["answer_contains_all"] == 1.0  # the previous answer's point
    assert reports["other"]["questions"][0]["kind"] == "point"
    table = format_sets(reports, aggregate_only=("holdout9",))
    assert table.splitlines()[0].split() == ["q", "other", "holdout9"]
    assert "followup" in table and "fact" in table
    kinds = [ln for ln in table.splitlines() if ln.strip().startswith("fact")]
    assert kinds and kinds[0].split()[-1] == "-"  # held-out sets: no per-kind numbers


def test_a_fragment_is_contained_whatever_its_case_spacing_or_table_cells():
    """The gold checker reads a table row from HTML as "Tune Skole 4 80"; the answer quotes it as a row, "Tune Skole
    | 4 | 80": the same words. Other words between them are not."""
    from assistant.evaluation import contains_all

    assert contains_all("- Resultatet: »Tune Skole | 4 | 80« [1]", ["Tune Skole 4 80"])
    assert contains_all("»Hundige Nord\nMålene er i lav grad opfyldte«", ["hundige nord målene er i lav grad opfyldte"])
    assert not contains_all("»Tune Skole | 3 | 4 | 80«", ["Tune Skole 4 80"])
    assert not contains_all("Tune Skole har 80 elever", ["Tune Skole 4 80", "80"])


def test_robustness_sets_change_only_the_question(tmp_path):
    """eval/perturb.py: each way of typing changes the question as documented and keeps ids, gold and fragments."""
    spec = importlib.util.spec_from_file_location("perturb", Path(__file__).resolve().parent.parent / "eval" /
                                                  "perturb.py")
    perturb = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(perturb)
    rows = [{"id": "a", "lang": "da", "question": "Hvornår blev skolernes budget godkendt?", "kind": "when",
             "gold": [{"source": "x.json", "point": "3"}], "answer_must_contain": ["1. maj"]},
            {"id": "b", "lang": "en", "question": "Who approved the schools' budget?", "kind": "decision",
             "gold": [], "answer_must_contain": [], "history": ["What about the schools?"]}]
    source = tmp_path / "set_questions.jsonl"
    source.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    assert perturb.main([str(tmp_path / "out"), str(source)]) == 0
    made = {p.name.removesuffix("_questions.jsonl"): [json.loads(line) for line in p.read_text().splitlines()]
            for p in (tmp_path / "out").glob("*_questions.jsonl")}
    assert set(made) == set(perturb.ways())
    for way, out in made.items():
        assert [{k: v for k, v in r.items() if k not in ("question", "history")} for r in out] == \
            [{k: v for k, v in r.items() if k not in ("question", "history")} for r in rows], way
    questions = {way: [r["question"] for r in out] for way, out in made.items()}
    assert questions["ascii"] == ["Hvornaar blev skolernes budget godkendt?", "Who approved the schools' budget?"]
    assert questions["nopunct"] == ["Hvornår blev skolernes budget godkendt", "Who approved the schools' budget"]
    assert questions["greet"][0] == "Hej! Hvornår blev skolernes budget godkendt?"
    assert questions["wrap"][1] == "Can you tell me: who approved the schools' budget?"
    assert questions["intro"][1] == "I'm a journalist at the local paper. Who approved the schools' budget?"
    assert made["lower"][1]["history"] == ["what about the schools?"]
    typo = questions["typo"][0]
    assert typo != rows[0]["question"] and sorted(typo) == sorted(rows[0]["question"])


def test_a_municipality_s_subset_keeps_its_questions(tmp_path):
    """eval/subset.py: the answerable questions whose gold is all of one municipality's minutes, and the unanswerable
    ones that name it, for an index of that municipality alone."""
    spec = importlib.util.spec_from_file_location("subset", Path(__file__).resolve().parent.parent / "eval" /
                                                  "subset.py")
    subset = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(subset)
    ballerup = {"source": "b.xml", "point": "2", "municipality": "Ballerup Kommune"}
    greve = {"source": "g.json", "point": "4", "municipality": "Greve Kommune"}
    rows = [{"id": "own", "question": "Hvad blev besluttet om taget?", "gold": [ballerup]},
            {"id": "mixed", "question": "Hvad besluttede Ballerup og Greve?", "gold": [ballerup, greve]},
            {"id": "other", "question": "Hvad besluttede byrådet?", "gold": [greve]},
            {"id": "named", "question": "Hvad besluttede kommunalbestyrelsen i Ballerup om skoler?", "gold": []},
            {"id": "unnamed", "question": "Hvem vandt Tour de France?", "gold": []}]
    path = tmp_path / "set_questions.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    kept = [json.loads(line)["id"] for line in subset.subset("Ballerup Kommune", [path])]
    assert kept == ["own", "named"]
