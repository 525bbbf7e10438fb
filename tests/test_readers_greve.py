"""The FirstAgenda JSON reader on the real Greve meetings (../shared/corpus/greve)."""

from __future__ import annotations

import json
import re
from datetime import datetime
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from assistant.readers import ReadSummary, iter_files, read_file, read_paths
from tests.conftest import greve_files


def _squash(text: str) -> str:
    """Text without whitespace, soft hyphens and the "- " the reader puts before list items."""
    return "".join(text.replace("\u00ad", "").replace("-", "").split())


_BESLUTNING_H3 = re.compile(r"<h3[^>]*>(?:\s*<[^>]+>)*\s*Beslutning\s*(?:<[^>]+>\s*)*</h3>")


def _html(item: dict) -> str:
    return "".join(f.get("Html") or "" for f in item.get("Felter") or [])


def _beslutning(item: dict) -> str | None:
    """The text under the <h3>Beslutning</h3> of an item, read independently of the product's parser."""
    soup = BeautifulSoup(_html(item), "lxml")
    for h3 in soup.find_all("h3"):
        if " ".join(h3.get_text().split()) == "Beslutning":
            parts = []
            for sib in h3.next_siblings:
                if getattr(sib, "name", None) == "h3":
                    break
                parts.append(sib.get_text(" ") if hasattr(sib, "get_text") else str(sib))
            return " ".join(parts)
    return None


@pytest.fixture(scope="module")
def corpus(greve_dir):
    return [(f, json.loads(f.read_text(encoding="utf-8"))) for f in greve_files()]


def _pick(corpus, predicate) -> tuple[Path, dict]:
    for f, d in corpus:
        if predicate(f, d):
            return f, d
    pytest.fail("no Greve meeting with the wanted content")


def _flag_absence(f, d):
    return any(p["Absent"] or p["ParticipationCancelled"] for p in d["Moede"]["Moededeltagere"])


def _afbud_line_only(f, d):
    flagged = any(p["Absent"] or p["ParticipationCancelled"] for p in d["Moede"]["Moededeltagere"])
    return not flagged and any(
        "Afbud:" in _html(i) and "Afbud:" in (_beslutning(i) or "") for i in d["Dagsordenpunkter"]
    )


def _closed_unreleased(f, d):
    return any(i["Navn"].startswith("Lukket") and "ikke frigivet" in _html(i) for i in d["Dagsordenpunkter"])


def _dot_folder(f, d):
    return f.parent.name.startswith(".")


def _h3_texts(item: dict) -> list[str]:
    return [" ".join(re.sub(r"<[^>]+>", " ", m).split()) for m in re.findall(r"<h3[^>]*>(.*?)</h3>", _html(item), re.S)]


def _sentence_heading(f, d):
    return any(len(t) > 120 for i in d["Dagsordenpunkter"] for t in _h3_texts(i))


def check_field_by_field(path: Path, data: dict, settings) -> None:
    result = read_file(path, settings)
    assert result.ok, result.error
    m = result.meeting
    moede = data["Moede"]
    assert m.source_format == "firstagenda-json"
    assert m.committee == data["Udvalg"]["Navn"]
    assert m.start == datetime.fromisoformat(moede["Dato"]).replace(tzinfo=None)
    assert m.place == (" ".join(moede["Sted"].split()) or None)
    assert (m.municipality, m.municipality_source) == ("Greve Kommune", "site")
    by_name = {p.name: p for p in m.participants}
    for p in moede["Moededeltagere"]:
        assert p["Name"] in by_name
        if p["Absent"] or p["ParticipationCancelled"]:
            assert by_name[p["Name"]].absent
    items = data["Dagsordenpunkter"]
    assert len(m.points) == len(items)
    for point, item in zip(m.points, items, strict=True):
        assert point.number == item["Punktnummer"]
        assert point.title == " ".join(item["Navn"].split())
        assert point.case_number == item["SagsNummer"]
        assert point.closed == item["Navn"].startswith("Lukket")
        if point.closed:
            assert point.sections == [] and point.decision is None and point.attachments == []
            continue
        bilag = sorted(item["Bilag"], key=lambda b: b["Order"])
        assert point.attachments == [" ".join(b["Navn"].split()) for b in bilag]
        expected = _beslutning(item)
        if expected is not None:
            assert point.decision is not None and _squash(point.decision) == _squash(expected)
            assert point.sections[0].heading == "Beslutning"
    assert m.kind == ("referat" if any(p.decision for p in m.points) else "dagsorden")


@pytest.mark.parametrize(
    "predicate", [_flag_absence, _afbud_line_only, _closed_unreleased, _dot_folder, _sentence_heading]
)
def test_meeting_field_by_field(corpus, settings, predicate):
    path, data = _pick(corpus, predicate)
    check_field_by_field(path, data, settings)


def test_afbud_lines_mark_participants_absent(corpus, settings):
    path, data = _pick(corpus, _afbud_line_only)
    m = read_file(path, settings).meeting
    named = set()
    for item in data["Dagsordenpunkter"]:
        for line in re.findall(r"Afbud:\s*([^\n<]+)", _beslutning(item) or ""):
            named |= {re.sub(r"\s*\(.*?\)", "", n).strip() for n in line.split(",")}
    listed = {p["Name"] for p in data["Moede"]["Moededeltagere"]}
    assert named and named <= listed  # the meeting picked names listed participants only in its decisions
    assert {p.name for p in m.absent} == named
    assert all(p.note == "Afbud" for p in m.absent)


def test_a_point_made_of_attachments_is_read_through_their_names(corpus, greve_dir, settings):
    """"Spørgsmål/svar til Byrådet" has no text, only ~100 attachments named after the questions: the names are its
    text (a Bilag section), so "socialtandpleje" finds it; a point with text of its own gets no such section."""
    (path,) = [f for f in greve_files() if "Svar til Byrådet" in f.name and "2024-12-31" in f.name]
    data = json.loads(path.read_bytes())
    (item,) = data["Dagsordenpunkter"]
    names = [" ".join(b["Navn"].split()) for b in item["Bilag"]]
    (point,) = read_file(path, settings).meeting.points
    assert [s.heading for s in point.sections] == ["Bilag"]
    assert point.section("Bilag").text.splitlines() == names and len(names) > 50
    assert "socialtandpleje" in point.full_text.lower()
    path, _ = _pick(corpus, lambda f, d: sum(bool(i.get("Bilag")) for i in d["Dagsordenpunkter"]) >= 3)
    with_text = [p for p in read_file(path, settings).meeting.points if p.attachments and len(p.full_text) > 400]
    assert with_text and not any(s.text == "\n".join(p.attachments) for p in with_text for s in p.sections)


def test_sentence_long_h3_is_paragraph_text(corpus, settings):
    path, data = _pick(corpus, _sentence_heading)
    m = read_file(path, settings).meeting
    headings = [s.heading for p in m.points for s in p.sections]
    assert headings and max(len(h) for h in headings) <= 90
    long_h3 = next(
        t
        for i in data["Dagsordenpunkter"]
        for t in (
            " ".join(BeautifulSoup(x, "lxml").get_text().split())
            for x in re.findall(r"<h3[^>]*>(.*?)</h3>", _html(i), re.S)
        )
        if len(t) > 120
    )
    text = "\n".join(s.text for p in m.points for s in p.sections)
    assert _squash(BeautifulSoup(long_h3, "lxml").get_text()) in _squash(text)


def test_headings_in_wrappers_and_with_line_breaks(settings, tmp_path):
    """Span/strong/b wrappers, line breaks and double spaces inside, empty headings, h2/h4 sub-headings."""
    item_html = (
        "<div><div id='sagsfremstillingContainer'><div><h3><span>Beslutning</span></h3><span>Anbefales.<br><br>"
        "Afbud: Bo Berg (V)</span></div><h3>Fremstilling</h3><span class='ukendt'>"
        "<h2><b>Sagsprocedure</b></h2><p>Udvalget.</p><h4><strong>Økonomiske\n  konsekvenser</strong></h4>"
        "<p>Ingen.</p><h3> <div>&nbsp;</div> </h3><h4>Kultur- og Fritidsudvalget.</h4><p><strong>Baggrund</strong></p>"
        "<p>Tekst om baggrunden.</p></span></div></div>"
    )
    data = {
        "Id": "x", "Udvalg": {"Navn": "Kultur- og Fritidsudvalget"},
        "Moede": {"Dato": "2024-05-06T16:00:00+02:00", "Sted": "Mødelokale\u00a03", "Navn": "Dagsorden",
                  "Moededeltagere": [{"Name": "Anne Ask", "Absent": False, "ParticipationCancelled": False}]},
        "Dagsordenpunkter": [{"Punktnummer": "4", "Navn": "Tilskud (B)", "SagsNummer": "24-000123",
                              "Bilag": [], "Felter": [{"Html": item_html, "Link": "https://dagsordener.koege.dk/x"}]}],
    }  # fmt: skip
    f = tmp_path / "meeting.json"
    f.write_text(json.dumps(data), encoding="utf-8")
    m = read_file(f, settings).meeting
    p = m.points[0]
    assert (p.title, p.type_code) == ("Tilskud", "B")
    assert [(s.heading, s.level) for s in p.sections] == [
        ("Beslutning", 1), ("Fremstilling", 1), ("Sagsprocedure", 2), ("Økonomiske konsekvenser", 2), ("Baggrund", 2)
    ]  # fmt: skip
    assert p.section("Økonomiske").text == "Ingen.\n\nKultur- og Fritidsudvalget."
    assert p.decision == "Anbefales.\n\nAfbud: Bo Berg (V)"
    assert [(x.name, x.absent) for x in m.participants] == [("Anne Ask", False), ("Bo Berg", True)]
    assert (m.municipality, m.place, m.time_str, m.kind) == ("Køge Kommune", "Mødelokale 3", "16:00", "referat")


@pytest.mark.slow
def test_all_greve_meetings(greve_dir, settings):
    files = list(iter_files([greve_dir]))
    assert len(files) == len(greve_files()) == 288
    assert any(f.parent.name == ".Spørgsmål " for f in files)
    summary = ReadSummary()
    n_closed = 0
    for result in read_paths([greve_dir], settings):
        summary.add(result)
        assert result.ok, result.error
        data = json.loads(Path(result.path).read_text(encoding="utf-8"))
        m = result.meeting
        assert len(m.points) == len(data["Dagsordenpunkter"])
        for point, item in zip(m.points, data["Dagsordenpunkter"], strict=True):
            if _BESLUTNING_H3.search(_html(item)):
                assert point.decision and point.decision.strip(), (result.path, point.number)
            if item["Navn"].startswith("Lukket"):
                assert point.closed and not point.sections
                n_closed += 1
            for s in point.sections:
                assert "&oslash;" not in s.text and "\u00a0" not in s.text and "<p" not in s.text
    assert summary.read == 288 and not summary.skipped
    assert summary.points == 4292 and n_closed == 302


def test_a_decision_printed_first_without_its_heading_is_the_points_decision(greve_dir, settings):
    """One Greve meeting (Beskæftigelses- og Erhvervsudvalget, 9 January 2023) prints each point's decision first,
    without its "Beslutning" heading, in the paragraph FirstAgenda marks as a decision's first
    ("xsltFirstParagraph"): it is read as the point's decision, and the points no longer open with headless text
    that the reader warns about."""
    path = greve_dir / ("Beskæftigelses- og Erhvervsudvalget_2023-01-09T08:00:00+01:00_"
                        "2d6996dc-d1fe-4705-adb2-1671137a4945.json")
    result = read_file(path, settings)
    decided = {p.number: p.decision for p in result.meeting.points if not p.closed}
    assert decided["2"].startswith("Udvalget drøftede politikken og ønskede fokus på digitalisering"), decided["2"]
    assert decided["3"].startswith("Udkast til politikken blev drøftet, og der ikke blev fundet anledning")
    assert all(decision for number, decision in decided.items() if number != "9"), decided  # 9: the signature sheet
    assert not [w for w in result.warnings if "overskrift" in str(w)]


@pytest.mark.parametrize(("end", "read"), [("2022-01-10T10:15:00+01:00", "10:15"), ("2022-01-10T09:30:00Z", "10:30"),
                                          (None, ""), ("2022-01-11T09:30:00+01:00", "")])
def test_the_meetings_end_is_read_in_the_clock_of_its_start(greve_dir, settings, tmp_path, end, read):
    """MeetingEndUtc is null in every Greve meeting; where a site fills it, in the start's offset or in UTC, it is
    the local time the meeting ended (a Greve meeting at 08:00 +01:00 with the field set); another day is no end."""
    path = greve_dir / ("Beskæftigelses- og Erhvervsudvalget_2022-01-10T08:00:00+01:00_"
                        "02e86ff6-fd6b-4bab-99ad-17411bb2ead1.json")
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["Moede"]["MeetingEndUtc"] is None
    data["Moede"]["MeetingEndUtc"] = end
    copy = tmp_path / path.name
    copy.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    m = read_file(copy, settings).meeting
    assert (m.time_str, m.end_time) == ("08:00", read)
