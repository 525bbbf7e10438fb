"""Clean text, Danish dates and times, case numbers, HTML to text."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from assistant.textutil import (
    clean_text,
    html_blocks,
    html_to_text,
    parse_danish_date,
    parse_danish_datetime,
    parse_time,
    split_sentences,
)
from assistant.vocabulary import CASE_NUMBER_RE, find_case_numbers


def test_clean_text_entities_spaces_soft_hyphens_and_paragraphs():
    raw = "K&oslash;ge\u00a0Kommune  har\tbesluttet\r\n\r\n\r\nbud\u00adget\u00ad\nopfølgning  \n  næste linje"
    assert clean_text(raw) == "Køge Kommune har besluttet\n\nbudgetopfølgning\nnæste linje"


@pytest.mark.parametrize(
    "text, expected",
    [
        ("d. 09-12-2025", date(2025, 12, 9)),
        ("Mødedato: 12.03.2024", date(2024, 3, 12)),
        ("9. december 2025", date(2025, 12, 9)),
        ("Tirsdag d. 09. december 2025 kl. 15:00", date(2025, 12, 9)),
        ("den 1. okt. 2025", date(2025, 10, 1)),
        ("2022-04-04T15:30:00+02:00", date(2022, 4, 4)),
        ("Beslutning i Økonomiudvalget den 18. august 2022", date(2022, 8, 18)),
        ("31-02-2025 er ingen dato", None),
        ("ingen dato her", None),
    ],
)
def test_parse_danish_date(text, expected):
    assert parse_danish_date(text) == expected


def test_parse_danish_datetime_times_and_missing_time():
    assert parse_danish_datetime("Tirsdag d. 09. december 2025 kl. 15:00") == (datetime(2025, 12, 9, 15, 0), True)
    assert parse_danish_datetime("Ishøj mandag den 3. marts 2025 kl. 17.30") == (datetime(2025, 3, 3, 17, 30), True)
    assert parse_danish_datetime("12-03-2025 15:00:00") == (datetime(2025, 3, 12, 15, 0), True)
    assert parse_danish_datetime("2022-04-04T15:30:00+02:00") == (datetime(2022, 4, 4, 15, 30), True)
    assert parse_danish_datetime("REFERAT d. 09-12-2025") == (datetime(2025, 12, 9), False)
    assert parse_time("kl. 9") is not None and parse_time("kl. 9").hour == 9
    assert parse_time("kl. 25.00") is None


def test_case_numbers_in_every_pattern():
    text = (
        "Sag 24-012144, EMN-2025-012345 og 306-2009-600. Dok. 306-2019-263412. "
        "Se også 24/1234 og J.nr. 00.01A00-G01-1-24. Datoen 2025-12-09 og 12-03-2025 er ikke sager."
    )
    assert find_case_numbers(text) == [
        "24-012144", "EMN-2025-012345", "306-2009-600", "306-2019-263412", "24/1234", "00.01A00-G01-1-24",
    ]  # fmt: skip
    assert CASE_NUMBER_RE.fullmatch("24-012144")
    assert not CASE_NUMBER_RE.fullmatch("2025-12-09")


def test_html_to_text_and_blocks():
    markup = (
        "<div><h3><span>Beslutning</span></h3><span><p>Godkendt.</p><br><br>Afbud: Anne Berg</span>"
        "<h3>Økonomiske\n  konsekvenser</h3><p><strong>Baggrund</strong></p><p>K&oslash;ge&nbsp;Kommune</p>"
        "<table><tr><td><strong>I alt</strong></td><td>5</td></tr></table><ul><li>en</li><li>to</li></ul>"
        "<script>x()</script><style>p{}</style></div>"
    )
    assert html_to_text(markup) == (
        "Beslutning\n\nGodkendt.\n\nAfbud: Anne Berg\n\nØkonomiske konsekvenser\n\nBaggrund\n\nKøge Kommune"
        "\n\nI alt | 5\n\n- en\n\n- to"
    )
    blocks = html_blocks(markup)
    assert [(b.text, b.heading) for b in blocks if b.heading] == [("Beslutning", 3), ("Økonomiske konsekvenser", 3)]
    assert next(b for b in blocks if b.text == "Baggrund").bold
    assert next(b for b in blocks if b.text == "I alt | 5").kind == "tr"


@pytest.mark.parametrize(
    "text, want",
    [
        ("Beløbet til projekt nr. 650260 er 38.916.000 kr. Det er godkendt.",
         ["Beløbet til projekt nr. 650260 er 38.916.000 kr.", "Det er godkendt."]),
        ("Der indkaldes til et møde d. 20. juni 2013. Punktet blev drøftet.",
         ["Der indkaldes til et møde d. 20. juni 2013.", "Punktet blev drøftet."]),
        ("Listerne gælder pr. 1. december 2025, jf. § 17, stk. 4. Ny sætning.",
         ["Listerne gælder pr. 1. december 2025, jf. § 17, stk. 4.", "Ny sætning."]),
        ("Udgiften er 3,1 mio. kr. Udvalget godkendte den.", ["Udgiften er 3,1 mio. kr.", "Udvalget godkendte den."]),
        ("Godkendt. 2 stemte imod. Se s. 4 og bilag 3.", ["Godkendt.", "2 stemte imod.", "Se s. 4 og bilag 3."]),
        ("Approved under item no. 4. The council agreed.", ["Approved under item no. 4.", "The council agreed."]),
        # an item's number stays with the item it numbers (a decision's "3. Ikke godkendt" quoted whole)
        ("1.-2. Godkendt. 3. Ikke godkendt, idet delegationen gives for op til 6 mdr.",
         ["1.-2. Godkendt.", "3. Ikke godkendt, idet delegationen gives for op til 6 mdr."]),
        ("Ad 2. Anbefales. Punkt 4. Taget til efterretning.", ["Ad 2. Anbefales.", "Punkt 4. Taget til efterretning."]),
        ("Der var 12. Ikke flere.", ["Der var 12.", "Ikke flere."]),  # a number ending a sentence is no item
        # a month's abbreviation before a year (a timeline), and "stk." after a number, end no sentence
        ("Sept. 2012: Temaworkshop for byrådet. Okt. 2013: Aktiviteter defineres.",
         ["Sept. 2012: Temaworkshop for byrådet.", "Okt. 2013: Aktiviteter defineres."]),
        ("Tryk af 100 stk. T-shirts til kulturkommunen. Se stk. 2. Der blev solgt 40 stk. Resten gik tabt.",
         ["Tryk af 100 stk. T-shirts til kulturkommunen.", "Se stk. 2.", "Der blev solgt 40 stk. Resten gik tabt."]),
        ("", []),
    ],
)
def test_sentences_end_at_a_stop_but_not_after_an_abbreviation_before_a_number(text, want):
    assert split_sentences(text) == want
