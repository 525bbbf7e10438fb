"""Citation rendering in Danish and English, closed points, meeting citations."""

from __future__ import annotations

from assistant.citations import clean_title, render_citation, render_reference_list
from assistant.prompts import PHRASES, format_date, phrase
from assistant.records import Citation

COMMITTEE = "§ 17,4-udvalg - Ansøgning Boligsocial helhedsplan 2025-2029"
TITLE = "§ 17,4 udvalgets afsluttende anbefalinger og perspektiver for boligsocial indsats"


def _c(**kw) -> Citation:
    base = dict(number=1, municipality="Slagelse Kommune", committee=COMMITTEE, meeting_date="2025-12-09",
                point_number="2", point_title=TITLE, case_number="24-012144", source="/x/referat.txt", quote="q")
    return Citation(**{**base, **kw})


def test_danish_exactly():
    assert render_citation(_c()) == (
        "Slagelse Kommune, § 17,4-udvalg - Ansøgning Boligsocial helhedsplan 2025-2029, møde 9. december 2025, "
        "punkt 2: § 17,4 udvalgets afsluttende anbefalinger og perspektiver for boligsocial indsats "
        "(sag 24-012144)"
    )


def test_english():
    assert render_citation(_c(), "en") == (
        "Slagelse Kommune, § 17,4-udvalg - Ansøgning Boligsocial helhedsplan 2025-2029, meeting 9 December 2025, "
        "item 2: § 17,4 udvalgets afsluttende anbefalinger og perspektiver for boligsocial indsats "
        "(case 24-012144)"
    )


def test_type_code_and_missing_parts():
    assert clean_title("Godkendelse af dagsorden (B)") == "Godkendelse af dagsorden"
    text = render_citation(_c(municipality="", case_number="", point_title="Eventuelt (B)", point_number="4"))
    assert text == f"{COMMITTEE}, møde 9. december 2025, punkt 4: Eventuelt"


def test_closed_point():
    c = _c(point_title="Lukket: Køb af grund", closed=True, quote="", case_number="")
    assert render_citation(c).endswith("punkt 2: Lukket: Køb af grund (lukket punkt)")
    assert render_citation(c, "en").endswith("item 2: Lukket: Køb af grund (closed item)")


def test_meeting_citation_and_list():
    c = _c(point_number="", point_title="", case_number="")
    assert render_citation(c) == f"Slagelse Kommune, {COMMITTEE}, møde 9. december 2025"
    assert render_reference_list([c, _c(number=2)]).splitlines()[1].startswith("[2] Slagelse Kommune")


def test_dates_and_phrases():
    assert format_date("2023-01-05") == "5. januar 2023"
    assert format_date("2023-05-31", "en") == "31 May 2023"
    assert phrase("refusal", "da") == "Det fremgår ikke af referaterne."
    assert phrase("refusal", "en") == "The minutes do not say."
    assert phrase("refusal", "xx") == "Det fremgår ikke af referaterne."
    for key, entry in PHRASES.items():
        assert entry.get("da") and entry.get("en"), key
