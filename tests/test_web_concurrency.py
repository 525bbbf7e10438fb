"""Ten sessions at once: each thread asks its own question with its own gr.State session and gets its own answer."""

from __future__ import annotations

import shutil
import threading
from pathlib import Path

import pytest

from assistant.web import chat
from assistant.web.state import ChatSession, Services

FIXTURES = Path(__file__).parent / "fixtures" / "web"

# question, UI language, the agenda point title the first citation must have
CASES = [
    ("Hvor skal skaterparken ved idrætscentret anlægges?", "da", "Ny skaterpark ved idrætscentret"),
    ("Hvad besluttede udvalget om åbningstiden på hovedbiblioteket?", "da", "Åbningstider på hovedbiblioteket"),
    ("Hvor stort tilskud fik musikskolens orkester?", "da", "Tilskud til musikskolens orkester"),
    ("Hvad blev besluttet om vejbump på Skolevej?", "da", "Vejbump på Skolevej for trafiksikkerhed"),
    ("Hvad skal husstandene sortere af affald?", "da", "Affaldssortering i ti fraktioner"),
    ("Hvornår anlægges cykelstien langs Strandvejen?", "da", "Ny cykelsti langs Strandvejen"),
    ("Hvad anbefalede udvalget om en støjvold mod naboerne?", "da", "Skaterpark: støjvold mod naboer"),
    ("How much money did the music school orchestra get?", "en", "Tilskud til musikskolens orkester"),
    ("What was decided about speed bumps on Skolevej?", "en", "Vejbump på Skolevej for trafiksikkerhed"),
    ("Hvem havde meldt afbud til mødet i Kultur- og Fritidsudvalget?", "da", ""),  # a whole-meeting citation
]


@pytest.fixture(scope="module")
def services(tmp_path_factory):
    from assistant.ingest import ingest
    from assistant.settings import Settings

    root = tmp_path_factory.mktemp("web-conc")
    shutil.copytree(FIXTURES / "minutes", root / "corpus" / "fiktiv")
    settings = Settings(index=root / "index", corpus=root / "corpus")
    assert ingest(None, settings, show_progress=False).files_added == 2
    return Services(settings)


def test_ten_sessions_at_once_get_their_own_answers(services):
    services.assistant.ask("skaterpark")  # open the index and load the model once, as a running app would have
    barrier = threading.Barrier(len(CASES))
    results: dict[int, tuple] = {}
    errors: list[BaseException] = []

    def run(i: int, question: str, lang: str) -> None:
        try:
            session = ChatSession()
            barrier.wait(timeout=60)
            *_, (messages, session, _radio, _box) = chat.chat_turn(services, question, [], session, lang)
            results[i] = (messages, session)
        except BaseException as exc:  # noqa: BLE001 - reported by the main thread
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i, q, lg)) for i, (q, lg, _) in enumerate(CASES)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert not errors, errors
    assert len(results) == len(CASES)
    for i, (question, lang, title) in enumerate(CASES):
        messages, session = results[i]
        assert [a.question for a in session.answers] == [question]  # nothing from another session
        assert messages[0]["content"].replace("\\", "") == question.replace("\\", "")
        answer = session.answers[0]
        assert answer.lang == lang
        cits = answer.citations or answer.nearest
        assert cits, question
        if title:
            assert cits[0].point_title == title, (question, [c.point_title for c in cits])
        else:
            assert cits[0].committee == "Kultur- og Fritidsudvalget" and "Jens Kragh" in answer.text
