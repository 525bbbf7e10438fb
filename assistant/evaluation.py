"""Evaluation harness: retrieval and answer metrics over a JSONL question file.

One question per line: {"id", "question", "lang", "kind", "gold": [{"source", "point", "meeting_date",
"committee", "municipality", "case_number"}], "answer_must_contain": [...], "history": [earlier questions]};
empty gold = unanswerable. A follow-up's "history" questions are asked first, in order, and their answers passed
as the conversation. A hit matches a gold entry when the file name of its source and its point number are the same.
``evaluate_sets`` runs several files against one index and ``format_sets`` prints them side by side.
"""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Any

from assistant.records import stable_id
from assistant.settings import Settings


def load_questions(path: Path) -> list[dict[str, Any]]:
    questions = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        try:
            q = json.loads(line)
        except json.JSONDecodeError as exc:
            raise ValueError(f"{path}:{n}: not valid JSON ({exc.msg}); write one question object per line") from exc
        if "question" not in q:
            raise ValueError(f"{path}:{n}: the object has no 'question' field")
        q.setdefault("id", f"line{n}")
        q.setdefault("gold", [])
        q.setdefault("answer_must_contain", [])
        q.setdefault("lang", "")
        q.setdefault("kind", "")
        q.setdefault("history", [])
        questions.append(q)
    return questions


def _key(source: str, point: str) -> tuple[str, str]:
    return Path(source).name, str(point)


ANY_POINT = "*"  # a gold key's point that any point of its meeting file matches


def gold_keys(q: dict[str, Any]) -> set[tuple[str, str]]:
    """The (file name, point) pairs a question's answer may cite. An attendance question's answer is about the
    meeting (eval/README.md: "a harness may match these on the source file alone"): any point of its file."""
    whole = q.get("kind") == "attendance"
    return {_key(g["source"], ANY_POINT if whole else g["point"]) for g in q.get("gold", [])}


def matches(source: str, point: str, gold: set[tuple[str, str]]) -> bool:
    """A (source, point) is gold; a citation of a whole meeting (no point) matches any gold point of its file, as
    any point matches a gold of the whole meeting."""
    name = Path(source).name
    if not point:
        return any(name == s for s, _ in gold)
    return _key(source, point) in gold or (name, ANY_POINT) in gold


def first_rank(hits: list[dict[str, Any]], gold: set[tuple[str, str]]) -> int | None:
    for i, h in enumerate(hits, start=1):
        if matches(h["source"], h["point"], gold):
            return i
    return None


def _percentile(values: list[float], p: float) -> float:
    if not values:
        return 0.0
    xs = sorted(values)
    i = min(len(xs) - 1, max(0, round(p / 100 * (len(xs) - 1))))
    return xs[i]


def _fold_answer_text(text: str) -> str:
    """Lower case, whitespace folded, a table's cell separator as a space: an answer quotes a table row as "Tune
    Skole | 4 | 80", which the gold checker reads from the HTML table as "Tune Skole 4 80"."""
    return " ".join(text.replace(" | ", " ").lower().split())


def contains_all(answer: str, fragments: list[str]) -> bool:
    """Whether the answer contains every required fragment (case, spacing and table cells aside)."""
    folded = _fold_answer_text(answer)
    return all(_fold_answer_text(f) in folded for f in fragments)


def _group_metrics(rows: list[dict[str, Any]]) -> dict[str, float]:
    n = len(rows)
    if not n:
        return {"n": 0}
    ranks = [r["rank"] for r in rows]
    return {
        "n": n,
        "recall@1": sum(1 for x in ranks if x and x <= 1) / n,
        "recall@5": sum(1 for x in ranks if x and x <= 5) / n,
        "recall@10": sum(1 for x in ranks if x and x <= 10) / n,
        "mrr": sum(1 / x for x in ranks if x) / n,
    }


def compute_metrics(results: list[dict[str, Any]], questions: list[dict[str, Any]]) -> dict[str, Any]:
    """Metrics from per-question results (each with hits, citations, answer, refused, latency_ms)."""
    answerable, unanswerable = [], []
    for q, r in zip(questions, results, strict=True):
        gold = gold_keys(q)
        row = {"q": q, "r": r, "rank": first_rank(r["hits"], gold) if gold else None}
        (answerable if gold else unanswerable).append(row)
    metrics: dict[str, Any] = _group_metrics(answerable)
    for field in ("lang", "kind"):
        groups: dict[str, list] = {}
        for row in answerable:
            groups.setdefault(row["q"].get(field) or "?", []).append(row)
        metrics[f"by_{field}"] = {k: _group_metrics(v) for k, v in sorted(groups.items())}
    cited = [
        row for row in answerable
        if row["r"]["citations"] and matches(row["r"]["citations"][0]["source"], row["r"]["citations"][0]["point"],
                                             gold_keys(row["q"]))
    ]  # fmt: skip
    metrics["first_citation_correct"] = len(cited) / len(answerable) if answerable else 0.0
    with_must = [row for row in answerable if row["q"].get("answer_must_contain")]
    contains = [row for row in with_must if contains_all(row["r"]["answer"], row["q"]["answer_must_contain"])]
    metrics["answer_contains_all"] = len(contains) / len(with_must) if with_must else 0.0
    metrics["answer_contains_n"] = len(with_must)
    metrics["unanswerable_n"] = len(unanswerable)
    metrics["refusal_accuracy"] = (
        sum(1 for row in unanswerable if row["r"]["refused"]) / len(unanswerable) if unanswerable else 0.0
    )
    metrics["false_refusal_rate"] = (
        sum(1 for row in answerable if row["r"]["refused"]) / len(answerable) if answerable else 0.0
    )
    latencies = [r["latency_ms"] for r in results]
    metrics["latency_p50_ms"] = _percentile(latencies, 50)
    metrics["latency_p95_ms"] = _percentile(latencies, 95)
    return metrics


def evaluate(
    questions_path: Path, settings: Settings, k: int = 10, assistant: Any | None = None
) -> dict[str, Any]:
    """Ask every question: retrieval hits (top-k distinct points) and the answer. Returns metrics and rows."""
    from assistant.answering import Assistant

    questions = load_questions(questions_path)
    assistant = assistant or Assistant(settings)
    results = []
    for q in questions:
        lang = q.get("lang") or None
        history: list[Any] = []
        for earlier in q.get("history") or []:  # the conversation before a follow-up
            history.append(assistant.ask(earlier, history=list(history), lang=lang))
        plan = assistant.plan(q["question"], history or None, lang) if history else None
        hits = assistant.search(q["question"], k=k, plan=plan)
        t0 = time.perf_counter()
        answer = assistant.ask(q["question"], history=history or None, lang=lang)
        latency = (time.perf_counter() - t0) * 1000  # the answer, as a user waits for it
        found = [
            {"source": h.first.source, "point": h.first.point_number, "meeting_date": h.first.meeting_date,
             "committee": h.first.committee, "score": round(h.score, 6)}
            for h in hits
        ]  # fmt: skip
        results.append({
            "id": q["id"],
            "hits": (_record_hits(assistant, answer) + found)[:k] if answer.kind in RECORD_KINDS else found,
            "answer": answer.text,
            "refused": answer.refused,
            "kind": answer.kind,
            "citations": [
                {"source": c.source, "point": c.point_number, "meeting_date": c.meeting_date,
                 "committee": c.committee, "case_number": c.case_number, "title": c.point_title, "quote": c.quote}
                for c in answer.citations
            ],
            "latency_ms": round(latency, 1),
            "evidence": answer.evidence,  # the refusal decision's score, for tuning the thresholds
        })  # fmt: skip
    return {"metrics": compute_metrics(results, questions), "questions": results}


# Answered from the records (a meeting, its points, votes, a case's path), not from text retrieval: what such an
# answer cites is what it retrieved.
RECORD_KINDS = ("attendance", "participants", "meeting", "agenda", "point", "votes", "case", "meetings")


def _record_hits(assistant: Any, answer: Any) -> list[dict[str, Any]]:
    """The points of the meetings a record answer cites, in order: what such an answer retrieved."""
    out: list[dict[str, Any]] = []
    for c in answer.citations:
        meeting = assistant.index.catalog.meeting(stable_id(c.source))
        numbers = [p.number for p in meeting.points] if meeting and not c.point_number else [c.point_number]
        out += [{"source": c.source, "point": n, "meeting_date": c.meeting_date, "committee": c.committee,
                 "score": 1.0} for n in numbers]  # fmt: skip
    return out


def format_report(report: dict[str, Any]) -> str:
    """A readable table of the metrics."""
    m = report["metrics"]
    lines = [f"{'':24}{'n':>5}{'R@1':>8}{'R@5':>8}{'R@10':>8}{'MRR':>8}"]

    def row(name: str, g: dict[str, float]) -> str:
        if not g.get("n"):
            return f"{name:24}{0:>5}"
        return (f"{name:24}{g['n']:>5}{g['recall@1']:>8.3f}{g['recall@5']:>8.3f}{g['recall@10']:>8.3f}"
                f"{g['mrr']:>8.3f}")

    lines.append(row("answerable (all)", m))
    for field in ("lang", "kind"):
        for key, g in m.get(f"by_{field}", {}).items():
            lines.append(row(f"  {field}={key}", g))
    lines += [
        "",
        f"first citation correct   {m['first_citation_correct']:.3f}",
        f"answer contains all      {m['answer_contains_all']:.3f}  (of {m['answer_contains_n']})",
        f"refusal accuracy         {m['refusal_accuracy']:.3f}  (of {m['unanswerable_n']} unanswerable)",
        f"false refusal rate       {m['false_refusal_rate']:.3f}",
        f"latency p50 / p95 (ms)   {m['latency_p50_ms']:.0f} / {m['latency_p95_ms']:.0f}",
    ]
    return "\n".join(lines)


SET_METRICS = (  # (label, metric key, format)
    ("answerable", "n", "{:.0f}"),
    ("recall@5", "recall@5", "{:.3f}"),
    ("MRR", "mrr", "{:.3f}"),
    ("first citation correct", "first_citation_correct", "{:.3f}"),
    ("contains all fragments", "answer_contains_all", "{:.3f}"),
    ("unanswerable", "unanswerable_n", "{:.0f}"),
    ("unanswerable refused", "refusal_accuracy", "{:.3f}"),
    ("false refusals", "false_refusal_rate", "{:.3f}"),
    ("latency p95 (ms)", "latency_p95_ms", "{:.0f}"),
)


def evaluate_sets(paths: list[Path], settings: Settings, k: int = 10, assistant: Any | None = None) -> dict[str, Any]:
    """Every question file against the same index: {set name: report}."""
    from assistant.answering import Assistant

    assistant = assistant or Assistant(settings)
    return {Path(p).name.removesuffix(".jsonl").removesuffix("_questions"): evaluate(p, settings, k, assistant)
            for p in paths}  # fmt: skip


def format_sets(reports: dict[str, dict[str, Any]], aggregate_only: tuple[str, ...] = ()) -> str:
    """The sets side by side, one metric a row, then recall@5 by kind for each set not in ``aggregate_only``."""
    names = list(reports)
    width = max(10, *(len(n) + 2 for n in names))
    lines = [f"{'':26}" + "".join(f"{n:>{width}}" for n in names)]
    for label, key, fmt in SET_METRICS:
        cells = [fmt.format(reports[n]["metrics"].get(key, 0.0)) for n in names]
        lines.append(f"{label:26}" + "".join(f"{c:>{width}}" for c in cells))
    kinds = sorted({kind for n in names if n not in aggregate_only for kind in reports[n]["metrics"]["by_kind"]})
    if kinds:
        lines += ["", "recall@5 by kind (n)"]
        for kind in kinds:
            cells = []
            for n in names:
                g = reports[n]["metrics"]["by_kind"].get(kind) if n not in aggregate_only else None
                cells.append(f"{g['recall@5']:.2f} ({g['n']})" if g and g.get("n") else "-")
            lines.append(f"  {kind:24}" + "".join(f"{c:>{width}}" for c in cells))
    return "\n".join(lines)
