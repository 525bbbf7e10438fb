"""BM25 saved by two processes at once while a third loads it (issue 16, item 7): every save succeeds, every load
sees one whole generation, and no temporary folder is left behind."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

SAVER = r"""
import sys
from assistant.bm25 import BM25Index
folder, start, n = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
for gen in range(start, start + 2 * n, 2):
    # generation g holds g chunks, each naming its generation: a load can check it got one whole generation
    ids = [f"g{gen}-c{i}" for i in range(gen)]
    BM25Index().build(ids, [f"vejbump skolevej generation{gen} nummer{i}" for i in range(gen)], generation=gen,
                      meta=[("Testby Kommune", "Teknikudvalget", "", 20250101)] * gen).save(folder)
print("saved", n)
"""

LOADER = r"""
import json, sys
from assistant.bm25 import BM25Index
folder, n = sys.argv[1], int(sys.argv[2])
bad, seen = [], set()
for _ in range(n):
    idx = BM25Index.load(folder)
    gen = idx.generation
    seen.add(gen)
    hits = idx.search(f"generation{gen}", 1000)
    if len(idx.ids) != gen or any(not i.startswith(f"g{gen}-") for i in idx.ids) or len(hits) != gen:
        bad.append(gen)
    if not idx.has_meta or len(idx.mask(committee="Teknikudvalget")) != gen:
        bad.append(("meta", gen))
print(json.dumps({"bad": bad, "seen": sorted(seen)}))
"""


def test_two_savers_and_a_loader_never_see_a_half(tmp_path):
    from assistant.bm25 import BM25Index

    folder = tmp_path / "bm25"
    BM25Index().build(["g1-c0"], ["vejbump skolevej generation1 nummer0"], generation=1,
                      meta=[("Testby Kommune", "Teknikudvalget", "", 20250101)]).save(folder)
    py = [sys.executable, "-c"]
    savers = [subprocess.Popen([*py, SAVER, str(folder), str(start), "25"], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True) for start in (2, 3)]
    loader = subprocess.Popen([*py, LOADER, str(folder), "150"], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                              text=True)
    for p in [*savers, loader]:
        out, err = p.communicate(timeout=300)
        assert p.returncode == 0, err  # no save and no load failed
        p.result = out
    assert all(p.result.strip() == "saved 25" for p in savers)
    result = json.loads(loader.result)
    assert result["bad"] == [], result
    final = BM25Index.load(folder)
    assert final.generation in (50, 51) and len(final.ids) == final.generation  # one saver's last, whole
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left == ["bm25", "bm25.lock"], left  # no temporary or old folder left behind


def test_a_killed_savers_leftovers_are_removed_by_the_next_save(tmp_path):
    from assistant.bm25 import BM25Index

    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    pid = int(dead.stdout)  # a process that has ended: its folders are leftovers
    for name in (f"bm25.tmp-{pid}-1", f"bm25.old-{pid}-1"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "ids.json").write_text("{half", encoding="utf-8")
    BM25Index().build(["a"], ["vejbump"], generation=3).save(tmp_path / "bm25")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bm25", "bm25.lock"]
    assert BM25Index.load(Path(tmp_path / "bm25")).ids == ["a"]
