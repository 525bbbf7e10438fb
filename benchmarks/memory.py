"""Memory of a process that opens one assistant after another: a test run, a chat server reloading after uploads.

Usage: python benchmarks/memory.py [--assistants N] [--index DIR]
Writes benchmarks/results/memory.json.

Each mode runs in a fresh process of its own over the same index (default: the shipped corpus, indexed into a
temporary folder). An assistant is opened, asked one question, closed and dropped, N times; the process's resident
memory is read after each. Reported: RSS after the first assistant, after the last, growth per assistant after the
first, and the ratio of the growth per assistant of ours to the baseline's.

- ours: the code as it is (answering.freeze_loaded once, thawed by close()).
- baseline: gc.freeze() after every assistant's first search and never thawed, as before the fix: the closed
  assistants' embedders (in reference cycles) stay in memory.
"""

from __future__ import annotations

import argparse
import gc
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from common import REPO, current_rss_mb, peak_rss_mb, print_table, ratio, write_result

QUESTION = "Hvad anbefalede udvalget om brug af data?"


def child(index: Path, n: int, mode: str) -> dict:
    """One mode's run, in this process."""
    from assistant import answering
    from assistant.settings import Settings

    if mode == "baseline":
        answering.thaw = lambda: None  # close() thaws nothing

        def every_time() -> None:  # and each assistant's first search freezes again
            answering._gc_frozen = False
            gc.collect()
            gc.freeze()

        answering.freeze_loaded = every_time
    rss = []
    for _ in range(n):
        assistant = answering.Assistant(Settings(index=index))
        assistant.ask(QUESTION)
        assistant.close()
        del assistant
        gc.collect()
        rss.append(round(current_rss_mb(), 1))
    return {"rss_mb": rss, "peak_mb": round(peak_rss_mb() * 1.048576, 1)}  # MiB to MB, as current_rss_mb


def measure(index: Path, n: int, mode: str) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", mode, "--index", str(index), "--assistants", str(n)],
                         capture_output=True, text=True, check=True).stdout  # fmt: skip
    result = json.loads(out.strip().splitlines()[-1])
    rss = result["rss_mb"]
    result["growth_per_assistant_mb"] = round((rss[-1] - rss[0]) / max(1, n - 1), 1)
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--assistants", type=int, default=6)
    ap.add_argument("--index", type=Path, help="an existing index (default: the shipped corpus, indexed afresh)")
    ap.add_argument("--child", choices=["ours", "baseline"], help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(child(args.index, args.assistants, args.child)))
        return
    with tempfile.TemporaryDirectory() as tmp:
        index = args.index
        if index is None:
            from assistant.ingest import ingest
            from assistant.settings import Settings

            index = Path(tmp) / "index"
            ingest([REPO / "corpus"], Settings(index=index))
        runs = {mode: measure(index, args.assistants, mode) for mode in ("baseline", "ours")}
    rows = [[mode, r["rss_mb"][0], r["rss_mb"][-1], r["growth_per_assistant_mb"], r["peak_mb"]]
            for mode, r in runs.items()]
    print_table(["mode", "RSS after 1st (MB)", f"after {args.assistants}th", "growth/assistant", "peak"], rows)
    growth = ratio(runs["ours"]["growth_per_assistant_mb"], runs["baseline"]["growth_per_assistant_mb"])
    print(f"growth per assistant, ours / baseline: {growth}")
    write_result("memory", {"assistants": args.assistants, "question": QUESTION, "runs": runs,
                            "growth_ratio": growth})  # fmt: skip


if __name__ == "__main__":
    main()
