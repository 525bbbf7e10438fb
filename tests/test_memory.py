"""An assistant let go is freed with its models: closed, replaced in the chat after an upload, or used once by the
command line. The first search freezes what it loaded out of the garbage collector's sight (answering.freeze_loaded);
an embedder is in a reference cycle, so a frozen one that is not thawed stays in memory for the life of the process.
Freezing in every assistant kept every closed one's models (~250 MB each; make test's process grew to 14 GB)."""

from __future__ import annotations

import gc
import weakref
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant.answering import Assistant, thaw
from assistant.cli import main
from assistant.index import Index
from assistant.ingest import ingest
from assistant.settings import Settings
from assistant.web.state import Services

REPO = Path(__file__).resolve().parents[1]
QUESTION = "Hvad anbefalede udvalget om brug af data?"


@pytest.fixture(scope="module")
def index_dir(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("memory") / "index"
    ingest([REPO / "corpus"], Settings(index=folder))
    return folder


def _freed(ref: weakref.ref) -> bool:
    gc.collect()
    return ref() is None


def test_a_closed_assistant_is_freed_with_its_embedder(index_dir):
    for _ in range(2):  # the second after the first one's thaw: each freezes afresh
        assistant = Assistant(Settings(index=index_dir))
        answer = assistant.ask(QUESTION)
        assert not answer.refused and answer.citations
        embedder = weakref.ref(assistant.index.embedder)
        assert gc.get_freeze_count() > 0  # the first search froze what it loaded
        assistant.close()
        del assistant, answer
        assert _freed(embedder)


def test_the_chat_s_assistant_is_freed_after_a_reload(index_dir):
    services = Services(Settings(index=index_dir))
    assert not services.assistant.ask(QUESTION).refused
    old = weakref.ref(services.assistant.index.embedder)
    services.reload()  # as after an upload: the next question opens the new minutes
    assert _freed(old)
    assert not services.assistant.ask(QUESTION).refused
    services.assistant.close()


def test_the_command_line_frees_its_assistant(index_dir, monkeypatch):
    embedders: list[weakref.ref] = []
    opened = Index.__init__

    def remembered(self, *args, **kwargs):
        opened(self, *args, **kwargs)
        embedders.append(weakref.ref(self.embedder))

    monkeypatch.setattr(Index, "__init__", remembered)
    thaw()  # nothing frozen by an earlier test: the command's first search freezes
    export = index_dir.parent / "svar.md"
    for args in (["ask", QUESTION], ["search", QUESTION], ["export", QUESTION, "--output", str(export)]):
        result = CliRunner().invoke(main, [*args, "--index", str(index_dir)])
        assert result.exit_code == 0, result.output
        assert embedders and _freed(embedders[-1]), args
    assert export.is_file()
