"""Query latency in a warm process: `minutes ask` and `minutes search` through the library, against the tutorial
baseline, over the Danish and English questions of eval/dev_questions.jsonl.

Ours: Assistant.ask (plan, hybrid retrieval, default extractive answer) and Assistant.search (k=10), broken down
into question analysis, query embedding, dense search, BM25, fusion and answer composition (Answer.timings /
QueryPlan.timings). Every question is timed as a new one (the question- and sentence-vector caches are cleared).
Baseline, same run, same questions: RecursiveCharacterTextSplitter 1000/200 + all-MiniLM-L6-v2 + Chroma, dense only
(built by benchmarks/retrieval.py's build_baseline over --corpus, kept in --baseline-cache). Prints p50/p95 per
stage and the ratios; writes benchmarks/results/query.json.

    .venv/bin/python benchmarks/query.py --index /work/idx_full --baseline-cache /tmp/baseline-full
    .venv/bin/python benchmarks/query.py --index DIR --corpus DIR --no-baseline --repeat 1

The index is copied to a temporary folder first (opening it may write SQLite WAL files or a stale BM25 index);
--in-place skips the copy. Also times `minutes serve` on the index until its port answers, with --no-ingest and
with its check of --corpus for new files, against an empty Gradio app (skip with --no-serve).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import REPO, SHARED_CORPUS, folder_mb, peak_rss_mb, print_table, ratio, summary, write_result  # noqa: E402

from assistant.evaluation import load_questions  # noqa: E402
from assistant.settings import Settings  # noqa: E402

STAGES = ("plan", "embed", "dense", "bm25", "fusion", "answer", "total")


def time_ours(assistant, questions: list[dict], repeat: int, k: int) -> tuple[dict, dict, list[dict]]:
    """(ask stage timings, search stage timings, per-question rows); each a dict stage -> list of ms."""
    from assistant.query import analyse

    ask: dict[str, list[float]] = {s: [] for s in STAGES}
    search: dict[str, list[float]] = {s: [] for s in STAGES if s != "answer"}
    rows = []
    for _ in range(repeat):
        for q in questions:
            assistant.clear_caches()
            t0 = time.perf_counter()
            answer = assistant.ask(q["question"])
            ask_ms = (time.perf_counter() - t0) * 1000
            for s in STAGES:
                ask[s].append(answer.timings.get(f"{s}_ms", 0.0) if s != "total" else ask_ms)
            assistant.clear_caches()
            t0 = time.perf_counter()
            plan = analyse(q["question"], None, assistant.index.catalog)
            t1 = time.perf_counter()
            assistant.search(q["question"], k=k, plan=plan)
            search_ms = (time.perf_counter() - t0) * 1000
            plan.timings["plan"] = (t1 - t0) * 1000
            for s in search:
                search[s].append(plan.timings.get(s, 0.0) if s != "total" else search_ms)
            rows.append({"id": q["id"], "lang": q.get("lang"), "kind": answer.kind or "extractive",
                         "refused": answer.refused, "ask_ms": round(ask_ms, 2), "search_ms": round(search_ms, 2),
                         "answer_ms": round(answer.timings.get("answer_ms", 0.0), 2)})  # fmt: skip
    return ask, search, rows


def time_baseline(store, questions: list[dict], repeat: int, k: int) -> dict[str, list[float]]:
    """The tutorial pipeline's search: embed the question (MiniLM) and one Chroma query; no answer stage."""
    from retrieval import baseline_search

    out: dict[str, list[float]] = {"total": []}
    for _ in range(repeat):
        for q in questions:
            t0 = time.perf_counter()
            baseline_search(store, q["question"], k)
            out["total"].append((time.perf_counter() - t0) * 1000)
    return out


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for_port(cmd: list[str], port: int, timeout: float = 120.0) -> float | None:
    """Seconds from starting ``cmd`` until http://127.0.0.1:port/ answers; the process is stopped after."""
    import subprocess
    import urllib.request

    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while time.perf_counter() - t0 < timeout:
            if proc.poll() is not None:
                return None
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=1).close()
                return time.perf_counter() - t0
            except OSError:
                time.sleep(0.1)
        return None
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()


def serve_startup(index_dir: Path, corpus: Path, check_corpus: bool) -> dict[str, float | None]:
    """`minutes serve` on the index until its port answers (with --no-ingest, and with its check of ``corpus`` for
    new files when the index was built from it), and an empty Gradio app (the floor: importing Gradio and starting
    its server) as the baseline."""
    minutes = str(Path(sys.executable).with_name("minutes"))
    out: dict[str, float | None] = {}
    modes = [("serve_no_ingest_s", ["--no-ingest"])] + ([("serve_with_ingest_check_s", [])] if check_corpus else [])
    for name, extra in modes:
        port = free_port()
        cmd = [minutes, "serve", "--index", str(index_dir), "--corpus", str(corpus), "--port", str(port), *extra]
        out[name] = wait_for_port(cmd, port)
    port = free_port()
    code = ("import gradio as gr\nwith gr.Blocks() as app:\n    gr.Markdown('hej')\n"
            f"app.launch(server_port={port}, prevent_thread_lock=False)")  # fmt: skip
    out["baseline_empty_gradio_s"] = wait_for_port([sys.executable, "-c", code], port)
    return {k: round(v, 2) if v is not None else None for k, v in out.items()}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--index", type=Path, required=True, help="an existing index (e.g. of all of ../shared/corpus)")
    ap.add_argument("--questions", type=Path, default=REPO / "eval" / "dev_questions.jsonl")
    ap.add_argument("--corpus", type=Path, default=SHARED_CORPUS, help="what the baseline indexes (same as --index)")
    ap.add_argument("--baseline-cache", type=Path, help="folder to keep (and reuse) the baseline's Chroma")
    ap.add_argument("--no-baseline", action="store_true")
    ap.add_argument("--repeat", type=int, default=2, help="passes over the questions")
    ap.add_argument("--limit", type=int, default=0, help="use only the first N questions (0: all)")
    ap.add_argument("--k", type=int, default=10, help="points returned by search")
    ap.add_argument("--in-place", action="store_true", help="open --index itself instead of a temporary copy")
    ap.add_argument("--no-serve", action="store_true", help="skip timing the startup of `minutes serve`")
    ap.add_argument("--serve-corpus", type=Path, help="corpus folder `minutes serve` checks (default: --corpus)")
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()

    if not (args.index / "catalog.sqlite").exists():
        sys.exit(f"No index in {args.index} (catalog.sqlite missing): build one with 'minutes ingest DIR --index DIR'")
    questions = load_questions(args.questions)
    if args.limit:
        questions = questions[: args.limit]
    tmp = tempfile.TemporaryDirectory(prefix="bench-query-")
    index_dir = args.index
    if not args.in_place:
        index_dir = Path(tmp.name) / "index"
        shutil.copytree(args.index, index_dir, ignore=shutil.ignore_patterns("ingest.lock"))
    settings = Settings(index=index_dir, corpus=args.corpus)

    from assistant.answering import Assistant

    assistant = Assistant(settings)
    t0 = time.perf_counter()
    assistant.search("opvarmning", k=1)  # open the index, load the models and BM25 before timing
    assistant.ask("Hvad blev besluttet om budgettet?")
    warmup_s = time.perf_counter() - t0
    status = assistant.index.status()
    ask, search, rows = time_ours(assistant, questions, max(1, args.repeat), args.k)

    base = None
    build_base = 0.0
    if not args.no_baseline:
        from retrieval import baseline_search, build_baseline

        cache = args.baseline_cache or Path(tmp.name) / "baseline"
        cache.mkdir(parents=True, exist_ok=True)
        store, build_base = build_baseline(args.corpus, cache, settings)
        baseline_search(store, "opvarmning", 1)
        base = time_baseline(store, questions, max(1, args.repeat), args.k)

    startup = None
    if not args.no_serve:
        serve_corpus = (args.serve_corpus or args.corpus).resolve()
        # the corpus check would ingest files the index does not hold: only time it on the index's own corpus
        own = all(Path(p).is_relative_to(serve_corpus) for p in assistant.index.catalog.source_paths())
        assistant.close()  # one process at a time on the index folder
        startup = serve_startup(index_dir, serve_corpus, check_corpus=own)

    res_ask = {s: summary(v) for s, v in ask.items()}
    res_search = {s: summary(v) for s, v in search.items()}
    res_base = summary(base["total"]) if base else None
    result = {
        "index": str(args.index), "chunks": status.chunks, "points": status.points, "meetings": status.meetings,
        "index_mb": round(folder_mb(index_dir), 1), "questions_file": str(args.questions),
        "questions": len(questions), "repeat": args.repeat, "k": args.k, "warmup_seconds": round(warmup_s, 2),
        "ask_ms": res_ask, "search_ms": res_search,
        "baseline_search_ms": res_base, "baseline_build_seconds": round(build_base, 1),
        "baseline": "RecursiveCharacterTextSplitter 1000/200 + all-MiniLM-L6-v2 + Chroma, dense only, no answer",
        "ratios": {
            "search_p50_ours_over_baseline": ratio(res_search["total"]["p50"], res_base["p50"]) if res_base else None,
            "search_p95_ours_over_baseline": ratio(res_search["total"]["p95"], res_base["p95"]) if res_base else None,
            "ask_p95_over_target_150ms": ratio(res_ask["total"]["p95"], 150.0),
            "answer_share_of_ask_p50": ratio(res_ask["answer"]["p50"], res_ask["total"]["p50"]),
        },
        "by_language": {
            lang: {"ask_ms": summary([r["ask_ms"] for r in rows if r["lang"] == lang]),
                   "search_ms": summary([r["search_ms"] for r in rows if r["lang"] == lang])}
            for lang in sorted({r["lang"] for r in rows if r["lang"]})
        },
        "startup": startup,
        "peak_rss_mb": round(peak_rss_mb(), 1),
        "per_question": rows,
    }  # fmt: skip
    n = len(questions) * max(1, args.repeat)
    print(f"{status.chunks} chunks, {status.points} points, {status.meetings} meetings; {n} timed questions "
          f"({len(questions)} x {args.repeat}); warm-up {warmup_s:.1f} s")  # fmt: skip
    table = []
    for s in STAGES:
        a = res_ask[s]
        b = res_search.get(s)
        table.append([s, a["p50"], a["p95"], b["p50"] if b else None, b["p95"] if b else None])
    if res_base:
        table.append(["baseline total", None, None, res_base["p50"], res_base["p95"]])
    print_table(["stage (ms)", "ask p50", "ask p95", "search p50", "search p95"], table, 16)
    for key, v in result["ratios"].items():
        print(f"{key:<36}{v if v is not None else '-':>10}")
    if startup:
        print("startup until the port answers (s): " + ", ".join(f"{k[:-2]} {v}" for k, v in startup.items()))
    write_result("query", result, args.out)
    if args.no_serve:
        assistant.close()


if __name__ == "__main__":
    main()
