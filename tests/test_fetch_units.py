"""Unit tests of the fetcher's pieces: names, dates, hashes, shapes, atomic writes and the polite client."""

from __future__ import annotations

import json
import os
import re
from datetime import date
from pathlib import Path

import pytest

from assistant import fetch as F
from assistant.settings import Settings


def _ref(mid: str = "02e86ff6-fd6b-4bab-99ad-17411bb2ead1", committee: str = "Byråd 2022-2025",
         day: date | None = date(2023, 1, 30)) -> F.MeetingRef:
    return F.MeetingRef(mid, committee, "", day, "Dagsorden", "x")


@pytest.mark.parametrize("committee", [
    ".Spørgsmål / Svar til Byrådet 2022-2025", "Klima-, Teknik- og Miljøudvalget", 'CON: <x>|"y"?*\\..', "",
    "Æ" * 300,
])
def test_file_names_are_safe_and_stable(committee):
    name = _ref(committee=committee).file_name
    assert re.fullmatch(r"[a-z0-9-]+_\d{4}-\d{2}-\d{2}_[a-z0-9-]+\.json", name), name
    assert len(name) < 120 and name == _ref(committee=committee).file_name


def test_file_name_parts():
    assert _ref().file_name == "byraad-2022-2025_2023-01-30_02e86ff6-fd6b-4bab-99ad-17411bb2ead1.json"
    assert _ref(day=None).file_name.startswith("byraad-2022-2025_udateret_")
    odd = _ref(mid="../../etc/passwd").file_name
    assert "/" not in odd and ".." not in odd and odd.endswith(".json")


@pytest.mark.parametrize(("site", "name"), [
    ("https://dagsordener.greve.dk", "Greve Kommune"),
    ("dagsordener.greve.dk/", "Greve Kommune"),
    ("https://dagsordener-referater.hvidovre.dk/#/udvalg", "Hvidovre Kommune"),
    ("https://dagsordener.koege.dk", "Køge Kommune"),
    ("https://dagsordener.lyngby-taarbaek.dk", "Lyngby-Taarbæk Kommune"),
    ("https://publikation.ringkobing-skjern.dk", "Ringkobing-Skjern Kommune"),
    ("https://dagsordener.bornholm.dk", "Bornholms Regionskommune"),
    ("https://dagsordener.xn--ishj-ira.dk", "Ishøj Kommune"),
])
def test_municipality_from_site(site, name):
    assert F.municipality_from_site(site) == name


@pytest.mark.parametrize("site", ["http://127.0.0.1:8000", "http://localhost:8000"])
def test_municipality_from_a_bare_host_asks_for_the_option(site):
    with pytest.raises(ValueError, match="--municipality"):
        F.municipality_from_site(site)


def test_site_and_slug_normalisation():
    assert F.normalise_site("dagsordener.greve.dk/api/agenda/udvalgsliste") == "https://dagsordener.greve.dk"
    assert F.normalise_site("https://host.dk/publikation/") == "https://host.dk/publikation"
    with pytest.raises(ValueError, match="webadresse"):
        F.normalise_site("ftp://x.dk")
    assert F.municipality_slug("Greve Kommune") == "greve"
    assert F.municipality_slug("Bornholms Regionskommune") == "bornholms"
    assert F.municipality_slug("Lyngby-Taarbæk Kommune") == "lyngby-taarbaek"


@pytest.mark.parametrize(("value", "day"), [
    ("2022-01-10T08:00:00+01:00", date(2022, 1, 10)),
    ("2024-12-31T23:30:00Z", date(2024, 12, 31)),
    ("2022-03-01", date(2022, 3, 1)),
    ("01-03-2022 15:00", date(2022, 3, 1)),
    ("", None), (None, None), ("i morgen", None), ("2022-02-30", None),
])
def test_parse_meeting_date(value, day):
    assert F.parse_meeting_date(value) == day


def test_canonical_hash_ignores_formatting_not_content():
    a = {"Id": "1", "Moede": {"Navn": "Dagsorden", "Dato": "2022"}}
    b = {"Moede": {"Dato": "2022", "Navn": "Dagsorden"}, "Id": "1"}
    assert F.canonical_hash(a) == F.canonical_hash(b)
    b["Moede"]["Navn"] = "Referat"
    assert F.canonical_hash(a) != F.canonical_hash(b)


def test_listing_is_parsed_deduplicated_and_validated():
    entry = {"Id": "m1", "Dato": "2023-05-04T14:00:00+02:00", "Navn": "Referat"}
    doc = {"Udvalg": {"Udvalg 2022-2025": [{"Navn": "Økonomiudvalget", "Id": "c", "Moeder": [entry, {"Id": ""}]}],
                      "Alle udvalg": [{"Navn": "Økonomiudvalget", "Id": "c", "Moeder": [entry]}, "junk"]}}
    refs, committees = F.parse_listing(doc, "u")
    assert [(r.meeting_id, r.committee, r.date) for r in refs] == [("m1", "Økonomiudvalget", date(2023, 5, 4))]
    assert committees == ["Økonomiudvalget"]
    with pytest.raises(F.HttpProblem, match="udvalgsliste"):
        F.parse_listing({"Dagsordenpunkter": []}, "u")


def test_select_by_committee_substring_and_dates():
    refs = [_ref("a", "Byråd 2022-2025", date(2022, 5, 1)), _ref("b", "Økonomiudvalget", date(2023, 5, 1)),
            _ref("c", "Byråd 2022-2025", None)]
    assert [r.meeting_id for r in F.select(refs, ["BYRÅD"])] == ["a", "c"]
    assert [r.meeting_id for r in F.select(refs, since=date(2023, 1, 1))] == ["b"]
    assert [r.meeting_id for r in F.select(refs, ["økonomi", "byr"], until=date(2022, 12, 31))] == ["a"]


def test_meeting_shape_check(greve_dir):
    path = next(greve_dir.glob("*.json"))
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert F.meeting_problem(doc, _ref(mid=doc["Id"])) is None
    assert "et andet møde" in F.meeting_problem(doc, _ref(mid="other"))
    assert "mangler Dagsordenpunkter" in F.meeting_problem({"Moede": {}, "Udvalg": {}}, _ref())
    assert "JSON-list" in F.meeting_problem([], _ref())


def test_atomic_write_leaves_old_file_when_interrupted(tmp_path, monkeypatch):
    target = tmp_path / "m.json"
    F.atomic_write(target, b'{"old": true}')

    def crash(fd):
        raise OSError("disk full")

    monkeypatch.setattr(os, "fsync", crash)
    with pytest.raises(OSError, match="disk full"):
        F.atomic_write(target, b'{"new": tr')
    assert target.read_bytes() == b'{"old": true}'
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.json"]


def test_minutes_toml_is_written_and_respected(tmp_path):
    assert F.ensure_minutes_toml(tmp_path, 'Greve "Kommune"', "https://x.dk", explicit=False) == 'Greve "Kommune"'
    import tomllib

    assert tomllib.loads((tmp_path / "minutes.toml").read_text(encoding="utf-8"))["municipality"] == 'Greve "Kommune"'
    # A name someone corrected by hand wins over one derived from the host, but not over --municipality.
    (tmp_path / "minutes.toml").write_text('municipality = "Greve Kommune"\n', encoding="utf-8")
    assert F.ensure_minutes_toml(tmp_path, "Greve", "https://x.dk", explicit=False) == "Greve Kommune"
    assert F.ensure_minutes_toml(tmp_path, "Greve K.", "https://x.dk", explicit=True) == "Greve K."


def test_site_that_is_down_stops_the_run(tmp_path):
    settings = Settings(index=tmp_path / "i", corpus=tmp_path / "c", fetch_delay=0, fetch_retries=1,
                        fetch_timeout=2)
    with pytest.raises(F.FetchError, match="udvalgslisten.*ingen forbindelse"):
        F.fetch_firstagenda("http://127.0.0.1:9", settings, municipality="X Kommune", ingest=False)
    assert not Path(tmp_path / "c").exists()
