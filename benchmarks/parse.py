"""Parse every meeting under a folder and report meetings and agenda points per second.

Usage: python benchmarks/parse.py [PATH] [--repeat N]   (default PATH: ../shared/corpus/greve beside the repo)
Writes benchmarks/results/parse.json.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from assistant.readers import ReadSummary, iter_files, read_file  # noqa: E402
from assistant.settings import Settings  # noqa: E402

DEFAULT = REPO.parent / "shared" / "corpus" / "greve"
RESULTS = REPO / "benchmarks" / "results" / "parse.json"


def run(path: Path, repeat: int) -> dict:
    settings = Settings()
    files = list(iter_files([path]))
    if not files:
        raise SystemExit(f"Ingen filer i {path}; angiv en mappe med referater.")
    timings = []
    summary = ReadSummary()
    for _ in range(repeat):
        summary = ReadSummary()
        t0 = time.perf_counter()
        for f in files:
            summary.add(read_file(f, settings))
        timings.append(time.perf_counter() - t0)
    best = min(timings)
    return {
        "path": str(path),
        "files": len(files),
        "meetings": summary.read,
        "points": summary.points,
        "skipped": len(summary.skipped),
        "repeat": repeat,
        "seconds_best": round(best, 3),
        "seconds_all": [round(t, 3) for t in timings],
        "meetings_per_second": round(summary.read / best, 1),
        "points_per_second": round(summary.points / best, 1),
        "python": platform.python_version(),
        "machine": platform.machine(),
    }


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("path", nargs="?", type=Path, default=DEFAULT)
    ap.add_argument("--repeat", type=int, default=3, help="runs; the best is reported")
    args = ap.parse_args()
    result = run(args.path, max(1, args.repeat))
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(result, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    print(
        f"{result['meetings']} møder, {result['points']} punkter på {result['seconds_best']:.2f} s: "
        f"{result['meetings_per_second']} møder/s, {result['points_per_second']} punkter/s "
        f"(sprunget over: {result['skipped']}) -> {RESULTS.relative_to(REPO)}"
    )


if __name__ == "__main__":
    main()
