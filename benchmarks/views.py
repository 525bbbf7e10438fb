"""Cost of choosing one view per meeting (assistant/views.py) in a large catalog, against the same work without it.

A synthetic catalog: every meeting published three times (two full views and one per-item file, the worst case:
every meeting has views to settle), ``--points`` points of ``--chunks`` chunks each. Measured in the same run:
- a file written again into a meeting with views (settles its meeting) against one of a meeting alone;
- the full settle pass at the end of an ingest against a scan of the points table;
- streaming the searchable chunks (BM25 rebuild) against streaming all chunks.

Usage: python benchmarks/views.py [--meetings 4000] [--points 8] [--chunks 3]   (4000 meetings: 288k chunks)
Writes benchmarks/results/views.json.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from assistant.catalog import Catalog  # noqa: E402
from assistant.chunking import point_keys  # noqa: E402
from assistant.records import AgendaPoint, Chunk, Meeting  # noqa: E402

RESULTS = REPO / "benchmarks" / "results" / "views.json"


def _meeting(n: int, view: str, points: int) -> Meeting:
    start = datetime(2020, 1, 1, 10) + timedelta(days=n // 4)  # four committees a day
    pts = [AgendaPoint(str(i), f"Punkt {i} i møde {n}", case_number=f"20-{n:05d}{i}") for i in range(1, points + 1)]
    if view == "item":
        pts = pts[:1]
    fmt = {"xml": "edoc-xml", "pdf": "esdh-print-pdf", "item": "esdh-print-pdf"}[view]
    return Meeting("Testby Kommune", f"Udvalg {n % 4}", start, points=pts, source_path=f"/m/{n}/{view}",
                   source_format=fmt)  # fmt: skip


def _chunks(m: Meeting, per_point: int) -> list[Chunk]:
    out = []
    for key, p in zip(point_keys(m), m.points, strict=True):
        for pos in range(per_point):
            out.append(Chunk(
                id=f"{key}:{pos}", point_key=key, text=f"{p.title} {pos}", body=f"{p.title} {pos}", position=pos,
                sections=(), municipality=m.municipality or "", committee=m.committee, meeting_date=m.date_iso,
                meeting_time="", point_number=p.number, point_title=p.title, case_number=p.case_number or "",
                closed=False, source=m.source_path,
            ))  # fmt: skip
    return out


def _write(cat: Catalog, m: Meeting, per_point: int) -> float:
    t0 = time.perf_counter()
    cat.replace_source(m.source_path, 1, 0.0, "h", m, _chunks(m, per_point))
    return time.perf_counter() - t0


def _best(fn, repeat: int = 5) -> float:
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def run(meetings: int, points: int, per_point: int) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        cat = Catalog(Path(tmp) / "catalog.sqlite")
        t0 = time.perf_counter()
        for n in range(meetings):
            for view in ("xml", "pdf", "item"):
                m = _meeting(n, view, points)
                cat.replace_source(m.source_path, 1, 0.0, "h", m, _chunks(m, per_point))
        alone_first = meetings * 8  # meetings published once (a date of their own): nothing to settle
        for n in range(alone_first, alone_first + 40):
            _write(cat, _meeting(n, "xml", points), per_point)
        build = time.perf_counter() - t0
        chunks = cat.count_chunks()
        # a file written again, into a meeting with views against a meeting alone, interleaved (caches, checkpoints)
        with_views, alone = [], []
        for i in range(40):
            with_views.append(_write(cat, _meeting(i * (meetings // 40), "pdf", points), per_point))
            alone.append(_write(cat, _meeting(alone_first + i, "xml", points), per_point))
        settle = _best(cat.settle_views)
        scan = _best(lambda: cat.db.execute("SELECT COUNT(*), MAX(title) FROM points").fetchone())
        visible = _best(lambda: sum(1 for _ in cat.iter_chunks(visible_only=True)), 3)
        every = _best(lambda: sum(1 for _ in cat.iter_chunks()), 3)
        shadowed = len(cat.shadowed_sources())
        sources = len(cat.source_paths())
        cat.close()
    return {
        "meetings": meetings, "sources": sources, "chunks": chunks, "shadowed_sources": shadowed,
        "build_seconds": round(build, 1),
        "write_with_views_ms": round(statistics.median(with_views) * 1000, 2),
        "write_alone_ms": round(statistics.median(alone) * 1000, 2),
        "write_ratio": round(statistics.median(with_views) / statistics.median(alone), 2),
        "settle_all_ms": round(settle * 1000, 1), "points_scan_ms": round(scan * 1000, 1),
        "settle_ratio": round(settle / scan, 2),
        "stream_visible_s": round(visible, 2), "stream_all_s": round(every, 2),
        "stream_ratio": round(visible / every, 2),
    }  # fmt: skip


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--meetings", type=int, default=4000)
    ap.add_argument("--points", type=int, default=8)
    ap.add_argument("--chunks", type=int, default=3, help="chunks per point")
    args = ap.parse_args()
    result = run(args.meetings, args.points, args.chunks)
    for k, v in result.items():
        print(f"{k:22} {v}")
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
