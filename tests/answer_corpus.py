"""A small hand-made set of meetings for the answer-logic unit tests (used with tests/fakes_index.py)."""

from __future__ import annotations

from fakes_index import FakeIndex, meeting, point

from assistant.records import Participant

CASE = "23-001111"


def meetings():
    people = [Participant("Anne Hansen"), Participant("Bo Jensen", absent=True, note="Afbud"),
              Participant("Carl Olsen"), Participant("Dorthe Lund", absent=True, note="Afbud")]
    oeu = meeting("Økonomiudvalget", "2023-03-06", [
        point("1", "Godkendelse af dagsorden", Beslutning="Godkendt."),
        point("4", "Tidsplan for budget 2024", CASE,
              Beslutning="Anbefales over for byrådet.",
              Indstilling="Direktionen indstiller, at tidsplanen for budget 2024 godkendes. "
                          "Det indstilles videre, at budgetseminaret holdes i juni.",
              Sagsfremstilling="Tidsplanen for budget 2024 følger den sædvanlige proces. "
                               "Budgetseminaret for byrådet afholdes den 12. juni 2023."),
    ], participants=people)
    byraad = meeting("Byråd 2022-2025", "2023-03-28", [
        point("7", "Tidsplan for budget 2024", CASE,
              Beslutning="Byrådet godkendte tidsplanen for budget 2024 med 19 stemmer for.",
              Indstilling="Økonomiudvalget indstiller, at tidsplanen for budget 2024 godkendes."),
        point("8", "Lukket: Køb af grund ved Hundige Strand", closed=True),
    ])
    kultur = meeting("Kultur- og Fritidsudvalget", "2023-06-12", [
        point("3", "Tilskud til renovering af klubhuse", "23-005555",
              Beslutning="Godkendt som indstillet.",
              Sagsfremstilling="Udvalget har afsat 2,5 mio. kr. til renovering af foreningernes klubhuse. "
                               "Pengene fordeles efter ansøgning.\n\nTune Boldklub har søgt om 800.000 kr. "
                               "til nyt tag på klubhuset.",
              Indstilling="Forvaltningen indstiller, at puljen på 2,5 mio. kr. fordeles som beskrevet."),
        point("4", "Orientering om biblioteket", Beslutning="Taget til efterretning.",
              Sagsfremstilling="Biblioteket i Greve holder åbent om søndagen fra 1. september."),
    ], participants=[Participant("Eva Holm"), Participant("Finn Berg")])
    return [oeu, byraad, kultur]


def fake_index(settings=None):
    return FakeIndex(meetings(), settings)
