"""Hybrid retrieval logic on the in-memory fake index: fusion, filters from the question, relaxation, LangChain."""

from __future__ import annotations

from datetime import date

import pytest
from answer_corpus import CASE, fake_index
from fakes_index import chunk_point, meeting, point

from assistant.query import analyse
from assistant.records import Filters
from assistant.retrieval import (
    HybridRetriever,
    boost_titles,
    demote_catch_all,
    demote_closed,
    demote_drafts,
    demote_finals,
    demote_other_editions,
    demote_other_years,
    demote_without_numbers,
    edition_asked,
    final_handling_first,
    fuse,
    lexical_lead,
    merge_filters,
    order_handlings,
    relaxations,
    title_editions,
    title_years,
)
from assistant.settings import Settings


def _chunks():
    m = meeting("Økonomiudvalget", "2023-01-01", [point(str(i), f"Punkt {i}", Beslutning="x") for i in range(1, 5)])
    return [chunk_point(m, p) for p in m.points]


def test_fuse_reciprocal_rank_math_and_dedup():
    a, b, c, d = _chunks()
    a2 = a.__class__(**{**a.__dict__, "id": a.id + "-2", "position": 1})  # a second chunk of point a
    dense = [(a, 0.9), (a2, 0.88), (b, 0.8), (c, 0.7)]
    bm25 = [(c, 12.0), (b, 10.0), (d, 5.0)]
    hits = fuse([("dense", dense, 1.0), ("bm25", bm25, 1.0)], rrf_k=60)
    scores = {h.point_key: h.score for h in hits}
    assert scores[b.point_key] == pytest.approx(1 / 62 + 1 / 62)
    assert scores[c.point_key] == pytest.approx(1 / 63 + 1 / 61)
    assert scores[a.point_key] == pytest.approx(1 / 61)  # its second chunk does not push point b down
    assert [h.point_key for h in hits][:2] == [c.point_key, b.point_key]
    hit_a = next(h for h in hits if h.point_key == a.point_key)
    assert [ch.id for ch in hit_a.chunks] == [a.id, a2.id]
    assert hit_a.dense_rank == 1 and hit_a.bm25_rank is None and hit_a.dense_score == pytest.approx(0.9)
    assert len({h.point_key for h in hits}) == len(hits) == 4


def test_fuse_weights_and_committee_boost():
    a, b, _, _ = _chunks()
    hits = fuse([("dense", [(a, 0.9), (b, 0.8)], 1.0), ("bm25", [(b, 3.0), (a, 1.0)], 0.2)])
    assert hits[0].point_key == a.point_key  # BM25 weighted down cannot overturn the dense order
    hits = fuse([("dense", [(a, 0.9), (b, 0.8)], 1.0), ("bm25", [(b, 3.0), (a, 1.0)], 1.0)])
    assert hits[0].score == pytest.approx(hits[1].score)
    boosted = fuse([("dense", [(a, 0.9)], 1.0)], boost_committees=["økonomiudvalget"])
    assert boosted[0].score == pytest.approx(1.25 / 61)


def test_user_filters_win_over_question():
    plan = analyse("Hvad besluttede kulturudvalget i 2023?", None, fake_index().catalog)
    merged = merge_filters(Filters(committee="Økonomiudvalget"), plan)
    assert merged.committee == "Økonomiudvalget"
    assert merged.date_from == date(2023, 1, 1)
    steps = relaxations(Filters(committee="Økonomiudvalget"), merged)
    assert steps[-1] == Filters(committee="Økonomiudvalget")  # the user's own filter is never dropped


def test_a_case_number_the_question_names_is_dropped_after_its_committee_and_a_carried_one_first():
    merged = Filters(committee="Økonomiudvalget", case_number="23-012387")
    assert relaxations(None, merged, case_named=True)[1] == Filters(case_number="23-012387")
    assert relaxations(None, merged)[1] == Filters(committee="Økonomiudvalget")


@pytest.fixture
def retriever():
    return HybridRetriever(fake_index(), Settings(candidates=10))


def test_committee_from_question_filters(retriever):
    hits = retriever.search("Hvad besluttede byrådet om tidsplanen for budget 2024?")
    assert hits and {h.first.committee for h in hits} == {"Byråd 2022-2025"}
    assert retriever.index.dense_calls[-1].committee == "Byråd 2022-2025"


def test_partial_committee_name(retriever):
    hits = retriever.search("Hvad har kulturudvalget besluttet?")
    assert {h.first.committee for h in hits} == {"Kultur- og Fritidsudvalget"}


def test_case_number_is_looked_up_exactly(retriever):
    hits = retriever.search(f"Hvad skete der i sag {CASE}?")
    assert {h.first.case_number for h in hits} == {CASE}
    assert len(hits) == 2


def test_date_filter_from_question(retriever):
    hits = retriever.search("Hvad blev besluttet i juni 2023?")
    assert hits and all(h.first.meeting_date.startswith("2023-06") for h in hits)


def test_question_filters_relaxed_when_nothing_matches(retriever):
    hits = retriever.search("Hvad besluttede kulturudvalget om klubhuse i 2019?")
    assert hits and hits[0].first.point_title == "Tilskud til renovering af klubhuse"
    assert retriever.index.dense_calls[0].date_from == date(2019, 1, 1)


def test_user_filter_is_kept_even_without_hits(retriever):
    assert retriever.search("klubhuse", Filters(committee="Findes ikke")) == []


def test_latest_meeting(retriever):
    hits = retriever.search("Hvad skete der på det seneste møde?")
    assert hits and {h.first.meeting_date for h in hits} == {"2023-06-12"}


def test_english_question_weights_bm25_down():
    index = fake_index()
    calls = []
    orig = index.bm25
    index.bm25 = lambda q, k, f=None: calls.append(q) or orig(q, k, f)
    HybridRetriever(index, Settings(bm25_weight_en=0.0)).search("What was decided about the club houses?")
    assert calls == []
    HybridRetriever(index, Settings(bm25_weight_en=0.5)).search("What was decided about the club houses?")
    assert len(calls) == 1


@pytest.mark.parametrize("question", ["has the municipality put up new club houses",
                                      "Hvor meget fik Tune Boldklub til klubhuset", "klubhuse tilskud 2023"])
def test_a_question_is_embedded_alike_with_or_without_its_question_mark(question):
    """Users often leave the question mark out, or the capital of the first word; the embedder weighs both (e5's
    cosine between the two forms of a dev question: 0.992, enough to reorder close points), so a question ending in
    a word is embedded as if it had one, the Danish words of an English question's glossary after it."""
    from assistant.retrieval import as_question

    asked = f"{question[:1].upper()}{question[1:]}?"
    assert as_question(f"{question}  ") == asked and as_question(f"{question}?") == asked
    assert as_question("Hvad koster det (i alt).") == "Hvad koster det (i alt)."
    assert as_question("hvad koster det") == "Hvad koster det?"  # the first word capitalised, as typed mostly
    index = fake_index()
    embedded: list[str] = []
    embed = index.embedder.embed_query
    index.embedder.embed_query = lambda text: embedded.append(text) or embed(text)
    retriever = HybridRetriever(index, Settings(candidates=10))
    plain, marked = retriever.search(question), HybridRetriever(index, Settings(candidates=10)).search(f"{question}?")
    assert len(embedded) == 2 and embedded[0] == embedded[1]
    assert [h.point_key for h in plain] == [h.point_key for h in marked]


def test_the_period_asked_is_a_filter_not_words_of_the_search_unless_it_is_the_topic():
    """"i marts 2023" restricts the search to the month's meetings: the text embedded for it has no date (the
    embedder matched it with any point's dates: "gebyrer 2025" before the grocery delivery starting in 2025); the
    search of the whole index for a point about the period (_with_year_as_topic) keeps it; a period with no meeting
    at all is the topic: its search keeps the date too."""
    index = fake_index()
    embedded: list[str] = []
    embed = index.embedder.embed_query
    index.embedder.embed_query = lambda text: embedded.append(text) or embed(text)
    HybridRetriever(index, Settings(candidates=10)).search("Hvad besluttede byrådet om budgettet i marts 2023?")
    assert "Hvad besluttede byrådet om budgettet i ?" in embedded
    assert "Hvad besluttede byrådet om budgettet i marts 2023?" in embedded
    embedded.clear()
    HybridRetriever(index, Settings(candidates=10)).search("Hvad besluttede byrådet om budgettet i 2021?")
    assert "Hvad besluttede byrådet om budgettet i 2021?" in embedded  # no meeting in 2021: the year is the topic


def test_an_english_question_is_embedded_with_the_danish_words_of_its_glossary():
    """The multilingual embedder places an English question far from Danish minutes; the glossary's Danish words
    beside it ("... beach cleaning? (strandrensning ...)") bring it near them (three dev sets, full corpus: dev3
    recall@5 0.905 -> 0.976, first citation 0.810 -> 0.881). A Danish question is embedded as it is."""
    index = fake_index()
    embedded = []
    orig = index.embedder.embed_query
    index.embedder.embed_query = lambda text: embedded.append(text) or orig(text)
    question = "When was the tender strategy for beach cleaning approved?"
    HybridRetriever(index, Settings()).search(question)
    assert embedded[0].startswith(question) and "strandrensning" in embedded[0].split("(", 1)[1]
    embedded.clear()
    HybridRetriever(index, Settings()).search("Hvornår blev udbudsstrategien for strandrensning godkendt?")
    assert embedded == ["Hvornår blev udbudsstrategien for strandrensning godkendt?"]


def test_an_english_noun_before_a_noun_is_searched_as_the_danish_compound_the_minutes_use():
    """"the culture municipality project": "kultur" + "kommune" is "kulturkommune", one Danish word BM25 finds only
    whole; the compounds the minutes do not use ("kommuneprojekt") are not searched."""
    from fakes_index import FakeIndex

    from assistant.retrieval import add_known_words, glued_compounds

    assert {"kulturkommune", "kulturkommunen", "boligområde", "boligsområde"} <= set(
        glued_compounds("the culture municipality and the housing area"))
    index = FakeIndex([meeting("Kulturudvalget", "2013-06-20", [
        point("1", "Kulturkommune 2017", Sagsfremstilling="Som kulturkick blev der trykt 100 T-shirts."),
        point("2", "Kulturpolitik", Sagsfremstilling="Kommunen vedtager en ny kulturpolitik for projekter."),
    ])])
    plan = analyse("How many T-shirts were printed for the culture municipality project?")
    assert "kulturkommune" not in plan.translation
    add_known_words(plan, index)
    assert "kulturkommune" in plan.translation.split() and "kulturkommun" in plan.terms
    assert "kommuneprojekt" not in plan.translation
    hits = HybridRetriever(index, Settings()).search(plan.question, plan=plan)
    assert hits[0].first.point_title == "Kulturkommune 2017"


def test_distinct_points_and_k(retriever):
    hits = retriever.search("budget", k=3)
    assert len(hits) <= 3 and len({h.point_key for h in hits}) == len(hits)


def test_langchain_retriever(retriever):
    from langchain_core.retrievers import BaseRetriever

    lc = retriever.as_langchain(k=2)
    assert isinstance(lc, BaseRetriever)
    docs = lc.invoke("renovering af klubhuse")
    assert 1 <= len(docs) <= 2
    assert docs[0].metadata["point_title"] == "Tilskud til renovering af klubhuse"
    assert "2,5 mio. kr." in docs[0].page_content
    assert docs[0].metadata["meeting_date"] == "2023-06-12"


def _titled(committee: str, *titles: str) -> list:
    """One chunk per point of a meeting whose points (numbered from 1) have these titles."""
    m = meeting(committee, "2023-09-04", [point(str(i), t, Beslutning="x") for i, t in enumerate(titles, start=1)])
    return [chunk_point(m, p) for p in m.points]


def test_titles_naming_the_topic_move_up_among_close_points():
    final, proposal, budget = _titled("Byråd 2022-2025", "Planstrategi 2023, endelig vedtagelse",
                                      "Forslag til Planstrategi 2023", "Budget 2024")  # fmt: skip
    hits = fuse([("dense", [(final, 0.9), (proposal, 0.89), (budget, 0.8)], 1.0)], rrf_k=10)
    assert [h.first.point_title for h in hits][0] == "Planstrategi 2023, endelig vedtagelse"
    terms = analyse("Hvad besluttede byrådet om forslaget til Planstrategi 2023?").terms
    boosted = boost_titles(hits, terms, 0.03)
    assert [h.first.point_number for h in boosted] == ["2", "1", "3"]  # both titles name planstrategi; one "forslag"
    assert [h.first.point_number for h in boost_titles(hits, terms, 0.0)] == [h.first.point_number for h in hits]


def _two_titles(committee: str, first: str, second: str) -> list:
    """Two points of one meeting, fused in their order (the first a little ahead)."""
    m = meeting(committee, "2024-08-12", [point("1", first, Beslutning="x"), point("2", second, Beslutning="x")])
    a, b = (chunk_point(m, p) for p in m.points)
    return fuse([("dense", [(a, 0.9), (b, 0.89)], 1.0)], rrf_k=60)


def test_a_number_the_question_names_counts_in_the_title():
    """"kapacitetsvurderingen for 2024": of two points alike but for their year, the one whose title names it."""
    hits = _two_titles("Skole-, Børne- og Ungeudvalget", "Kapacitetsvurdering af skoleområdet 2022",
                       "Kapacitetsvurdering af skoleområdet 2024")
    plan = analyse("Hvad viste kapacitetsvurderingen af skoleområdet for 2024?")
    assert plan.numbers == ["2024"]
    assert [h.first.point_number for h in boost_titles(hits, plan.terms, 0.03)] == ["1", "2"]  # words alone: a tie
    assert [h.first.point_number for h in boost_titles(hits, [*plan.terms, *plan.numbers], 0.03)] == ["2", "1"]


def test_a_rare_word_in_the_title_counts_for_more_than_common_ones():
    """The title bonus by rarity: of two titles, the one naming the question's two rare words (the permit and the
    pavilions asked about) beats the one naming three of its common words; by plain share it lost."""
    hits = _two_titles("Klima-, Teknik- og Miljøudvalget", "Nye planer for skolen og børnehaven",
                       "Byggetilladelse til midlertidige pavilloner")
    terms = analyse("Hvornår fik skolen og børnehaven nye byggetilladelser til pavillonerne?").terms
    rarity = {"byggetillad": 8.0, "pavillon": 8.0}.get
    assert [h.first.point_number for h in boost_titles(hits, terms, 0.03)] == ["1", "2"]
    assert [h.first.point_number for h in boost_titles(hits, terms, 0.03, rarity=lambda t: rarity(t, 1.0))] == [
        "2", "1"]


def test_a_point_without_the_year_the_question_names_yields_to_one_with_it():
    """"the yearly round-up ... In the one covering 2022": of two inspection points, the one whose text names 2022
    leads; when none names the number asked, or all do, the order stays."""
    m = meeting("Sundheds- og Omsorgsudvalget", "2023-08-14", [
        point("6", "Styrelsen for Patientsikkerheds tilsyn på Vangeleddet", Sagsbeskrivelse="Tilsyn i juni."),
        point("7", "Styrelsen for Patientsikkerhed, foretaget tilsyn", Sagsbeskrivelse="Tilsyn udført i 2022."),
    ])  # fmt: skip
    chunks = [chunk_point(m, p) for p in m.points]

    class Catalog:  # the narrow door: each point's text by its key
        def agenda_point(self, key):
            return next(p for c, p in zip(chunks, m.points, strict=True) if c.point_key == key)

    def order(numbers):
        hits = fuse([("dense", [(chunks[0], 0.9), (chunks[1], 0.89)], 1.0)], rrf_k=60)
        return [h.first.point_number for h in demote_without_numbers(hits, numbers, Catalog())]

    assert order(["2022"]) == ["7", "6"]
    assert order(["2019"]) == ["6", "7"] and order([]) == ["6", "7"]


@pytest.mark.parametrize(
    ("title", "catch_all"),
    [("Huskeliste og orientering fra administrationen", True), ("Orientering fra formanden/gensidig orientering", True),
     ("Borgmesteren orienterer", True), ("Eventuelt", True), ("Meddelelser", True),
     ("Strandrensning, forening til øget finansiering", False), ("Orientering om årsregnskab 2023", False)],
)  # fmt: skip
def test_catch_all_points_by_their_title(title, catch_all):
    from assistant.vocabulary import is_catch_all_point

    assert is_catch_all_point(title) is catch_all


def test_a_point_of_its_own_goes_before_the_catch_all_point_that_mentions_it():
    """The standing news point that mentions beach cleaning in two lines, and the point about it: the latter first.
    At rrf_k 60 the factor 0.9 moves a catch-all point about seven ranks down; one far ahead stays ahead."""
    news, own, other = _titled("Klima-, Teknik- og Miljøudvalget", "Huskeliste og orientering fra administrationen",
                               "Strandrensning, forening til øget finansiering", "Vejbelysning")  # fmt: skip
    close = fuse([("dense", [(news, 0.9), (own, 0.89), (other, 0.5)], 1.0)], rrf_k=60)
    assert [h.first.point_number for h in demote_catch_all(close, factor=1.0)] == ["1", "2", "3"]
    assert [h.first.point_number for h in demote_catch_all(close)] == ["2", "3", "1"]  # (scores change in place)
    far = fuse([("dense", [(news, 0.9), (other, 0.5)], 1.0), ("bm25", [(news, 9.0), (own, 1.0)], 1.0)], rrf_k=1)
    assert [h.first.point_number for h in demote_catch_all(far)][0] == "1"


def _dated_and_undated(meetings, dense, bm25):
    """A fake index whose dense and BM25 searches rank fixed chunks: ``(dated, undated)`` each, the first for a
    search restricted to a period, the second for one without."""
    from fakes_index import FakeIndex

    index = FakeIndex(meetings)

    def ranked(dated, undated):
        return lambda _q, _k, f=None: [(c, 1.0 - i / 10) for i, c in enumerate(dated if f and f.date_from else undated)]

    index.dense_vector, index.bm25 = ranked(*dense), ranked(*bm25)
    return index


def test_a_year_the_question_names_ranks_each_point_by_its_better_search():
    """"i 2023" dates the meetings or names the year a point is about. Points of 2023 meetings that name 2023 are in
    both searches; the points are ranked by the search of the whole index, not by the sum of the two, which counted
    them twice and put the second-best point of 2023 above the report on 2023 made in 2024, first in both rankings
    of its search."""
    m23 = meeting("Økonomiudvalget", "2023-05-08", [
        point("3", "Budgetopfølgning 1 (2023)", Beslutning="x"),
        point("6", "Ligestillingsredegørelse 2023", Beslutning="x"),
    ])  # fmt: skip
    m24 = meeting("Økonomiudvalget", "2024-02-28", [point("20", "Årsberetning 2023 for whistleblowerordningen",
                                                          Beslutning="x")])
    budget, equality = (chunk_point(m23, p) for p in m23.points)
    report = chunk_point(m24, m24.points[0])
    index = _dated_and_undated([m23, m24], ([budget, equality], [report, budget, equality]),
                               ([equality, budget], [report, equality, budget]))
    hits = HybridRetriever(index, Settings()).search("Hvor mange indberetninger modtog ordningen i 2023?")
    assert [h.first.point_title for h in hits] == [
        "Årsberetning 2023 for whistleblowerordningen", "Budgetopfølgning 1 (2023)", "Ligestillingsredegørelse 2023"]


def test_a_year_the_question_names_puts_another_years_edition_after_the_edition_of_that_year():
    """"Hvor mange magtanvendelser blev indberettet i 2023?": the 2022 edition of a yearly report, handled at a 2023
    meeting and first in both rankings of the dated search, goes after the 2023 edition handled in 2024, first in
    BM25 and second in the dense ranking of the undated search (the year as a topic)."""
    m23 = meeting("Social- og Handicapudvalget", "2023-02-06", [
        point("6", "Magtanvendelser på voksenområdet i 2022", Beslutning="x"),
        point("7", "Orientering om tilsyn", Beslutning="x"),
    ])  # fmt: skip
    m24 = meeting("Social- og Handicapudvalget", "2024-03-18", [point("4", "Magtanvendelser på voksenområdet 2023",
                                                                      Beslutning="x")])
    older, other = (chunk_point(m23, p) for p in m23.points)
    asked = chunk_point(m24, m24.points[0])
    index = _dated_and_undated([m23, m24], ([older, other], [older, other, asked]),
                               ([older, other], [asked, older, other]))
    hits = HybridRetriever(index, Settings()).search("Hvor mange magtanvendelser blev indberettet i 2023?")
    titles = [h.first.point_title for h in hits]
    assert titles[0] == "Magtanvendelser på voksenområdet 2023" and "Magtanvendelser på voksenområdet i 2022" in titles


@pytest.mark.parametrize(
    ("title", "years"),
    [
        ("Kapacitetsvurdering på skoleområdet, 2024", {2024}),
        ("Budget 2023-26 - Budgetmæssigt råderum", {2023, 2024, 2025, 2026}),
        ("Handlingsplan for forebyggelse og bekæmpelse af rotter 2025 - 2027", {2025, 2026, 2027}),
        ("Byråd 2022-2025", {2022, 2023, 2024, 2025}),
        ("Godkendelse af dagsorden", set()),
        ("Lokalplan 1234 for Hundige Øst", set()),  # a plan's number is no year
    ],
)
def test_the_years_a_title_names(title, years):
    assert title_years(title) == years


def test_a_title_naming_only_other_years_goes_after_the_edition_the_question_asks_about():
    """"the 2024 capacity assessment": the 2022 edition, a little ahead on words, goes after the 2024 one; a title
    naming no year, or a range that spans the year, keeps its place."""
    older, budget, asked, undated = _titled(
        "Skole-, Børne- og Ungeudvalget", "Kapacitetsvurdering af skoleområdet 2022", "Budget 2023-26",
        "Kapacitetsvurdering på skoleområdet, 2024", "Skoleudbygning",
    )
    hits = fuse([("dense", [(budget, 0.9), (older, 0.89), (asked, 0.88), (undated, 0.87)], 1.0)], rrf_k=10)
    numbers = analyse("Is there enough classroom capacity according to the 2024 capacity assessment?").numbers
    assert numbers == ["2024"]
    order = [h.first.point_title for h in demote_other_years(hits, numbers)]
    assert order[:2] == ["Budget 2023-26", "Kapacitetsvurdering på skoleområdet, 2024"]  # a spanning range stays
    assert order.index("Kapacitetsvurdering af skoleområdet 2022") > 1 and order[2:].count("Skoleudbygning") == 1
    before = [h.first.point_title for h in hits]
    assert before.index("Kapacitetsvurdering af skoleområdet 2022") < before.index(order[1])
    assert demote_other_years(hits, ["87500"]) == hits  # an amount is no year


def test_next_years_edition_dated_in_the_asked_year_goes_after_the_edition_naming_it():
    """"Hvornår vedtog byrådet affaldsgebyrerne i 2024?": the 2025 fees, set in 2024, rank first on the meetings of
    2024; the 2024 fees (set in 2023, found by the year in their title) go before them, not only a point closer."""
    later, other, asked = _titled(
        "Byråd 2022-2025", "Husholdnings- og erhvervsaffald, gebyrer 2025", "Udbud af affaldsindsamling",
        "Gebyrer for husholdnings- og erhvervsaffald 2024",
    )
    hits = fuse([("dense", [(later, 0.9), (other, 0.89), (asked, 0.88)], 1.0)], rrf_k=10)
    order = [h.first.point_title for h in demote_other_years(hits, ["2024"])]
    assert order.index("Gebyrer for husholdnings- og erhvervsaffald 2024") < order.index(
        "Husholdnings- og erhvervsaffald, gebyrer 2025")


def test_a_title_naming_fewer_of_the_asked_years_is_another_edition():
    """"opgørelsen for 2. kvartal 2023 til 1. kvartal 2024": the period 2022-2023, which names one of the two
    years, goes after the period 2023-2024, which names both."""
    older, asked = _titled(
        "Beskæftigelses- og Erhvervsudvalget", "Rådighedssanktioner i perioden 2. kvartal 2022 – 1. kvartal 2023",
        "Rådighedssanktioner i perioden 2. kvartal 2023 – 1. kvartal 2024",
    )
    hits = fuse([("dense", [(older, 0.9), (asked, 0.89)], 1.0)], rrf_k=10)
    assert [h.first.point_number for h in demote_other_years(hits, ["2023", "2024"])] == ["2", "1"]
    hits = fuse([("dense", [(older, 0.9), (asked, 0.89)], 1.0)], rrf_k=10)
    assert [h.first.point_number for h in demote_other_years(hits, ["2023"])] == ["1", "2"]  # both name 2023


def test_a_proposal_goes_after_the_adoption_when_the_final_stage_is_asked():
    """ "the final ok to the new sewage plan": "Forslag til Spildevandsplan 2023-2031", a little ahead on words, goes
    after "Spildevandsplan 2023-2031 - godkendelse"; asked without "final", the order stays."""
    draft, final = _titled("Byråd 2022-2025", "Forslag til Spildevandsplan 2023-2031",
                           "Spildevandsplan 2023-2031 - godkendelse")
    hits = fuse([("dense", [(draft, 0.9), (final, 0.89)], 1.0)], rrf_k=10)
    question = "When did the city council give the final ok to the new sewage plan?"
    assert [h.first.point_title for h in demote_drafts(hits, question)][0] == "Spildevandsplan 2023-2031 - godkendelse"
    hits = fuse([("dense", [(draft, 0.9), (final, 0.89)], 1.0)], rrf_k=10)
    assert demote_drafts(hits, "When did the council look at the sewage plan?") == hits
    # a draft named after what is done with it, or by its stage at the end of the title
    for draft_title in ("Godkendelse af udkast til Affaldsplan 2023-2034", "Lokalplan 15.26, forslag"):
        draft, final = _titled("Byråd 2022-2025", draft_title, "Godkendelse af Affaldsplan 2023-2034")
        hits = fuse([("dense", [(draft, 0.9), (final, 0.89)], 1.0)], rrf_k=10)
        assert demote_drafts(hits, "Hvornår blev den endeligt godkendt?")[0].first.point_title != draft_title


def test_the_first_or_latest_handling_asked_orders_the_tied_points_by_date():
    """ "første gang oppe i byrådet": a proposal and its follow-up half a year later are tied on words; the earlier
    goes first, "sidste gang" the later; a point clearly behind keeps its place; without an ordinal nothing moves."""
    proposal = meeting("Byråd 2022-2025", "2024-01-29", [point("9", "Initiativretsforslag vedr. kunstgræsbane",
                                                              Beslutning="x")])
    followup = meeting("Byråd 2022-2025", "2024-05-22", [point("17", "Opfølgning på initiativretsforslag vedr. "
                                                                     "kunstgræsbane", Beslutning="x")])
    other = meeting("Byråd 2022-2025", "2022-06-20", [point("15", "Kunstgræs på Karlslunde Stadion", Beslutning="x")])
    chunks = [chunk_point(m, m.points[0]) for m in (followup, proposal, other)]

    def ranked(ordinal):
        hits = fuse([("dense", list(zip(chunks, (0.9, 0.89, 0.5), strict=True)), 1.0)], rrf_k=60)
        for h in hits[:2]:
            h.score = 0.1855  # tied, as fusion of two rankings leaves them
        return [h.first.meeting_date for h in order_handlings(hits, ordinal)]

    assert ranked("first") == ["2024-01-29", "2024-05-22", "2022-06-20"]
    assert ranked("last") == ["2024-05-22", "2024-01-29", "2022-06-20"]
    assert ranked("") == ["2024-05-22", "2024-01-29", "2022-06-20"]
    assert analyse("Hvornår var initiativforslaget om kunstgræsset første gang oppe i byrådet?").ordinal == "first"
    assert analyse("When was the artificial turf proposal last time on the council's agenda?").ordinal == "last"
    assert analyse("Hvornår blev reglerne for frokost senest justeret af skoleudvalget?").ordinal == "last"
    assert analyse("When was the turf proposal originally put forward?").ordinal == "first"
    # a deadline is no latest handling, nor "først" in "først og fremmest"
    assert analyse("Hvornår skal kunstgræsbanen senest være færdig?").ordinal == ""
    assert analyse("Hvad skal pengene først og fremmest bruges til?").ordinal == ""


def test_a_question_about_the_final_decision_leads_with_the_case_s_last_handling():
    """"Hvornår blev det endeligt besluttet, at rådhuset holder lukket ...?": Økonomiudvalget's point ranks first on
    words, the council's a week later settled it (the case's two handlings under one title); a later point of the
    same case number under another title (next year's item) is not a handling of it; without "endeligt" nothing
    moves."""
    title = "Lukkedage på rådhuset i julen 2024"
    oeu = meeting("Økonomiudvalget", "2024-08-28", [point("8", title, "24-006600", Beslutning="x")])
    council = meeting("Byråd 2022-2025", "2024-09-04", [point("10", title, "24-006600", Beslutning="x")])
    later = meeting("Økonomiudvalget", "2025-08-27", [point("6", "Lukkedage 2025", "24-006600", Beslutning="x")])
    chunks = [chunk_point(m, m.points[0]) for m in (oeu, council, later)]
    hits = fuse([("dense", list(zip(chunks, (0.9, 0.8, 0.7), strict=True)), 1.0)], rrf_k=60)
    final = final_handling_first(hits, "Hvornår blev det endeligt besluttet, at rådhuset holder lukket?")
    assert [h.first.meeting_date for h in final] == ["2024-09-04", "2024-08-28", "2025-08-27"]
    assert final_handling_first(hits, "When was it finally approved?")[0].first.meeting_date == "2024-09-04"
    assert final_handling_first(hits, "Hvornår blev det besluttet?") == hits


def test_the_latest_of_a_yearly_report_a_little_behind_the_best_is_the_latest_handling():
    """"Sidste gang vi fik den årlige orientering om magtanvendelser": three yearly reports, the latest at 0.979 of
    the best's fused score (their search on the full corpus, 2026-12-05), lead by date; a point at 0.95 of it, another
    matter, keeps its place behind them."""
    reports = [meeting("Social- og Handicapudvalget", day, [point("5", f"Magtanvendelser {year}", Beslutning="x")])
               for day, year in (("2022-02-07", 2021), ("2024-03-18", 2023), ("2023-02-06", 2022))]
    other = meeting("Social- og Handicapudvalget", "2024-10-07", [point("3", "Handleplan", Beslutning="x")])
    chunks = [chunk_point(m, m.points[0]) for m in (*reports, other)]
    hits = fuse([("dense", list(zip(chunks, (0.9, 0.8, 0.7, 0.6), strict=True)), 1.0)], rrf_k=10)
    for h, score in zip(hits, (0.1774, 0.1736, 0.1724, 0.1685), strict=True):
        h.score = score
    assert [h.first.meeting_date for h in order_handlings(hits, "last")] == [
        "2024-03-18", "2023-02-06", "2022-02-07", "2024-10-07"]


def test_which_handling_what_a_body_did_and_when_next_are_no_topic_words():
    """The words of the handling asked for are no topic: a follow-up naming nothing else is still a follow-up."""
    assert analyse("Hvornår var initiativforslaget om kunstgræsset første gang oppe i byrådet?").terms == [
        "initiativforslag", "kunstgræs"]
    assert not {"først", "gang", "opp"} & set(analyse("Hvem stemte imod, første gang det var oppe?").terms)
    # Nor are what a body did and when it does it next: one municipality's minutes may never use "gjorde" or
    # "gang" (Ballerup's), and a topic word the minutes lack counts against the answer
    plan = analyse("Hvad gjorde udvalget med kvalitetsstandarderne, og hvornår skal de revideres næste gang?")
    assert plan.terms == ["kvalitetsstandard", "revid"]


def test_a_handling_in_the_asked_period_takes_the_place_of_the_same_title_outside_it():
    """ "i starten af 2023": August 2023's "Frigivelse af midler fra Genopretningspuljen" ranks first on words; the
    January 2023 point of the same title takes its place, the August one right after it; another title stays."""
    from assistant.retrieval import _period_handlings_first

    title = "Frigivelse af midler fra Genopretningspuljen"
    later = meeting("Klima-, Teknik- og Miljøudvalget", "2023-08-17", [point("6", title, Beslutning="x")])
    other = meeting("Klima-, Teknik- og Miljøudvalget", "2023-02-09", [point("9", "Vej- og Landskabspuljer",
                                                                            Beslutning="x")])
    asked = meeting("Klima-, Teknik- og Miljøudvalget", "2023-01-16", [point("9", title + ".", Beslutning="x")])
    chunks = [chunk_point(m, m.points[0]) for m in (later, other, asked)]
    hits = fuse([("dense", list(zip(chunks, (0.9, 0.8, 0.7), strict=True)), 1.0)], rrf_k=60)

    def in_period(h):
        return "2023-01-01" <= h.first.meeting_date <= "2023-06-30"

    assert [h.first.meeting_date for h in _period_handlings_first(hits, in_period)] == [
        "2023-01-16", "2023-08-17", "2023-02-09"]
    assert _period_handlings_first(hits, lambda h: True) == hits  # all in the period: nothing moves


@pytest.mark.parametrize(
    ("question", "number"),
    [
        ("In the third budget follow-up for 2023, how much did the committee overspend?", "3"),
        ("Ved budgetopfølgning 3 i 2023: hvor stort et merforbrug?", "3"),
        ("Hvad viste BO3?", "3"),
        ("For budget follow-up 1 2022, how did the council vote?", "1"),
        ("Hvad blev resultatet af 2. behandlingen af budgettet?", "2"),
        ("What did the council decide at the second reading of the budget?", "2"),
        ("Hvad skete der under punkt 3?", ""),  # a point, not an edition
        ("the first 3 months of contact with the unemployed", ""),  # a span before its unit
        ("Hvad koster 3 mio. kr.?", ""),
        ("Hvornår var det første gang oppe?", ""),  # which handling (QueryPlan.ordinal), not an edition
        ("Was the second budget follow-up worse than the third one?", ""),  # two numbers: none chosen
    ],
)
def test_the_edition_a_question_asks_about(question, number):
    assert edition_asked(question) == number


def test_a_numbered_edition_of_a_matter_goes_after_the_one_the_question_asks_about():
    """"the third budget follow-up": the second and first of the year, ahead on words, go after the third; a title
    numbering no edition keeps its place, as does every title when the top titles number no word differently."""
    assert title_editions("Budget 2023-26 - 2. behandling") == {("behandling", "2")}
    assert title_editions("Lokalplan 14.54 for Tværhøjgård") == set()
    second, first, third, other = _titled(
        "Social- og Handicapudvalget", "Budgetopfølgning 2 (2023)", "Budgetopfølgning 1 (2023)",
        "Budgetopfølgning 3. Social- og Handicapudvalget", "Handleplan for det specialiserede voksenområde")
    hits = fuse([("dense", [(second, 0.9), (first, 0.89), (other, 0.88), (third, 0.87)], 1.0)], rrf_k=10)
    asked = edition_asked("How much extra did the third budget follow-up of 2023 expect for aids?")
    order = [h.first.point_title for h in demote_other_editions(hits, asked)]
    assert order[:2] == ["Handleplan for det specialiserede voksenområde",
                         "Budgetopfølgning 3. Social- og Handicapudvalget"], order
    assert demote_other_editions(hits, "") == hits
    hits = fuse([("dense", [(second, 0.9), (other, 0.88)], 1.0)], rrf_k=10)
    assert demote_other_editions(hits, "3") == hits  # the edition asked is not among them


def test_the_draft_asked_puts_the_final_stage_after_the_draft():
    """"When did the council agree to send the draft sewage plan out for public consultation?": the final approval,
    ahead on words (it tells the draft's history), goes after the draft; asked for the final stage, or with no
    draft among the points, the order stays."""
    final, draft, other = _titled("Byråd 2022-2025", "Spildevandsplan 2023-2031 - godkendelse",
                                  "Forslag til Spildevandsplan 2023-2031", "Planstrategi 2023")  # fmt: skip
    hits = fuse([("dense", [(final, 0.9), (draft, 0.89), (other, 0.8)], 1.0)], rrf_k=10)
    question = "When did the city council agree to send the draft sewage plan out for public consultation?"
    assert [h.first.point_title for h in demote_finals(hits, question)][0] == "Forslag til Spildevandsplan 2023-2031"
    hits = fuse([("dense", [(final, 0.9), (draft, 0.89), (other, 0.8)], 1.0)], rrf_k=10)
    assert demote_finals(hits, "Hvornår blev udkastet endeligt vedtaget?") == hits  # the final stage asked
    assert demote_finals(hits, "Hvornår blev spildevandsplanen godkendt?") == hits  # no draft asked
    hits = fuse([("dense", [(final, 0.9), (other, 0.8)], 1.0)], rrf_k=10)
    assert demote_finals(hits, "Hvornår kom udkastet i høring?") == hits  # no draft among them


def test_a_closed_point_goes_after_the_open_point_of_its_case_when_content_is_asked():
    """A closed point is its title alone, close to the question's words, with nothing to quote: a recommendation
    question gets the open point of the case first; a "when" question keeps the closed point's place."""
    m = meeting("Økonomiudvalget", "2024-06-12", [
        point("4", "Lukket: Godkendelse af leverandør til danskundervisning for voksne udlændinge", closed=True),
        point("21", "Udbud af danskuddannelse til voksne udlændinge sammen med Solrød Kommune", Indstilling="x"),
    ])  # fmt: skip
    closed, open_ = (chunk_point(m, p) for p in m.points)
    hits = fuse([("dense", [(closed, 0.9), (open_, 0.89)], 1.0)], rrf_k=10)
    assert [h.first.point_number for h in hits] == ["4", "21"]
    assert [h.first.point_number for h in demote_closed(list(hits), "recommendation")] == ["21", "4"]
    hits = fuse([("dense", [(closed, 0.9), (open_, 0.89)], 1.0)], rrf_k=10)
    assert [h.first.point_number for h in demote_closed(hits, "when")] == ["4", "21"]


def test_a_point_bm25_ranks_first_by_a_wide_margin_leads_the_fusion():
    """Rank fusion sees only ranks: a question's rare word that one point alone holds ("forandringsteorier") gives
    that point BM25 12.4 against the next point's 5.8 (or 7.6: 1.6 times); it then counts as first in both
    rankings. At 1.2 times the next, it does not."""
    from fakes_index import FakeIndex

    m = meeting("Kultur- og Fritidsudvalget", "2023-08-16", [
        point("7", "Status på projektet", Beslutning="x"),
        point("8", "Orientering om status", Beslutning="x"),
        point("9", "Afsluttende anbefalinger", Beslutning="x"),
    ])  # fmt: skip
    status, orientation, recommendations = (chunk_point(m, p) for p in m.points)
    index = FakeIndex([m])
    index.dense_vector = lambda _v, _k, _f=None: [(status, 0.86), (orientation, 0.85), (recommendations, 0.84)]
    for runner_up, first in ((5.8, "9"), (7.6, "9"), (10.3, "7")):
        ranked = [(recommendations, 12.4), (recommendations, 6.0), (status, runner_up), (orientation, 4.6)]
        index.bm25 = lambda _q, _k, _f=None, ranked=ranked: ranked
        assert lexical_lead(ranked) == (recommendations.point_key if first == "9" else None)
        hits = HybridRetriever(index, Settings()).search("Hvornår er den næste workshop om forandringsteorier?")
        assert hits[0].first.point_number == first


def test_a_point_names_the_asked_year_anywhere_in_its_text_not_only_in_the_chunk_found():
    """ "Måtte styregruppen fordele puljens penge i 2025?": the 2024 point's Beslutning is the chunk found, the year is
    in its Resume ("midler til udmøntning i 2025"); it is the point the year names, beside the meetings of 2025."""
    from dataclasses import replace

    m24 = meeting("Skole-, Børne- og Ungeudvalget", "2024-10-08", [
        point("3", "Udmøntning af midler fra læringsmiljøpuljen",
              Resume="Der er afsat 2 mio. kr. til udmøntning i 2025.",
              Beslutning="Kan ikke godkendes. Udvalget ønsker at fordele midlerne i en politisk sag."),
    ])  # fmt: skip
    m25 = meeting("Økonomiudvalget", "2025-03-03", [point("5", "Orientering om rammeaftale", Beslutning="x")])
    found = chunk_point(m24, m24.points[0])
    found = replace(found, body="Kan ikke godkendes. Udvalget ønsker at fordele midlerne i en politisk sag.")
    other = chunk_point(m25, m25.points[0])
    index = _dated_and_undated([m24, m25], ([other], [found, other]), ([other], [found, other]))
    hits = HybridRetriever(index, Settings()).search("Måtte styregruppen fordele pengene fra puljen i 2025?")
    assert "Udmøntning af midler fra læringsmiljøpuljen" in [h.first.point_title for h in hits]


def test_a_year_with_few_meetings_does_not_put_their_points_first_by_ranking_alone():
    """The year's only meeting (another municipality's) takes both first ranks of the search restricted to the
    year, whatever its match; the 2024 point naming 2025 is first of the whole index's search and stays first."""
    m24 = meeting("Skole-, Børne- og Ungeudvalget", "2024-10-08", [
        point("3", "Udmøntning af midler fra læringsmiljøpuljen", Resume="Midler til udmøntning i 2025.",
              Beslutning="Kan ikke godkendes."),
        point("4", "Orientering om skolernes ferieplan", Beslutning="x"),
    ])  # fmt: skip
    m25 = meeting("§ 17,4-udvalg", "2025-12-09", [point("2", "Afsluttende anbefalinger", Beslutning="x")])
    found, plan_point = (chunk_point(m24, p) for p in m24.points)
    other = chunk_point(m25, m25.points[0])
    index = _dated_and_undated([m24, m25], ([other], [found, plan_point, other]), ([other], [plan_point, found, other]))
    hits = HybridRetriever(index, Settings()).search("Måtte styregruppen fordele pengene fra puljen i 2025?")
    assert hits[0].first.point_title == "Udmøntning af midler fra læringsmiljøpuljen"
    assert "Afsluttende anbefalinger" in [h.first.point_title for h in hits]  # the year's meeting is still searched


def test_a_year_whose_meetings_the_whole_index_search_does_not_find_is_the_topic_of_a_title_naming_it():
    """ "How much more will a house pay in waste fees in 2025 than in 2024?": 2025's only meeting (another
    municipality's) is nowhere in the whole index's search; the fee points of earlier years fill its first ranks and
    the one titled "gebyrer 2025" is below them. That point is the year's topic and leads, not the year's meeting,
    whose search restricted to the year ranks it first whatever its match."""
    old = [meeting("Klima-, Teknik- og Miljøudvalget", f"{y}-08-17", [
        point("3", f"Gebyrer for husholdningsaffald {y + 1}", Beslutning="x")]) for y in (2019, 2020, 2021, 2022, 2023)]
    m24 = meeting("Klima-, Teknik- og Miljøudvalget", "2024-08-15", [
        point("3", "Husholdnings- og erhvervsaffald, gebyrer 2025", Beslutning="x")])
    m25 = meeting("§ 17,4-udvalg", "2025-12-09", [point("2", "Afsluttende anbefalinger", Beslutning="x")])
    earlier = [chunk_point(m, m.points[0]) for m in old]
    fees, other = chunk_point(m24, m24.points[0]), chunk_point(m25, m25.points[0])
    wide = [*earlier, fees]
    index = _dated_and_undated([*old, m24, m25], ([other], wide), ([other], wide))
    hits = HybridRetriever(index, Settings()).search("How much more will a house pay in waste fees in 2025 than 2024?")
    assert hits[0].first.point_title == "Husholdnings- og erhvervsaffald, gebyrer 2025"
    assert "Afsluttende anbefalinger" in [h.first.point_title for h in hits]  # the year's meeting is still searched


def test_a_year_without_meetings_picks_the_edition_of_a_yearly_report_that_names_it():
    """ "Hvornår fik byrådet handicaprådets årsberetning om arbejdet i 2021?", the minutes beginning in 2022: both
    reports are titled "Handicaprådets årsberetning 2022"; the one of March 2023 ranks first by words, the one of
    March 2022 is the one whose text names 2021, and it goes first."""
    m22 = meeting("Byråd 2022-2025", "2022-03-07", [point("17", "Handicaprådets årsberetning 2022",
                                                        Sagsbeskrivelse="Handicaprådet holdt 10 møder i 2021.",
                                                        Beslutning="Taget til efterretning.")])
    m23 = meeting("Byråd 2022-2025", "2023-03-06", [point("31", "Handicaprådets årsberetning 2022",
                                                        Sagsbeskrivelse="Handicaprådet holdt 9 møder i 2022.",
                                                        Beslutning="Taget til efterretning.")])
    later, earlier = chunk_point(m23, m23.points[0]), chunk_point(m22, m22.points[0])
    index = _dated_and_undated([m22, m23], ([], [later, earlier]), ([], [later, earlier]))
    hits = HybridRetriever(index, Settings()).search("Hvornår fik byrådet årsberetningen om arbejdet i 2021?")
    assert [h.first.meeting_date for h in hits[:2]] == ["2022-03-07", "2023-03-06"]


def test_a_month_s_event_is_found_in_a_later_point_titled_with_its_name_and_year():
    """ "Hvordan gik nytårskoncerten i januar 2024 økonomisk?": the account is March's "Opgørelse af nytårskoncerten
    2024", which never writes "januar 2024"; its title names the event by the year, and it is kept beside January's
    points; a title that only ends in the year ("Risikostyring i centret i 2024", also in March) is not."""
    jan = meeting("Kultur- og Fritidsudvalget", "2024-01-10", [point("3", "Harmoniorkestret - driftstilskud",
                                                                     Beslutning="Godkendt.")])
    mar = meeting("Kultur- og Fritidsudvalget", "2024-03-20", [
        point("9", "Opgørelse af nytårskoncerten 2024", Sagsbeskrivelse="Koncerten gav overskud.", Beslutning="x"),
        point("10", "Risikostyring i nytårskoncerten i 2024", Beslutning="Godkendt.")])
    grant = chunk_point(jan, jan.points[0])
    account, risk = (chunk_point(mar, p) for p in mar.points)
    index = _dated_and_undated([jan, mar], ([grant], [grant, account, risk]), ([grant], [grant, account, risk]))
    hits = HybridRetriever(index, Settings()).search("Hvordan gik nytårskoncerten i januar 2024 økonomisk?")
    titles = [h.first.point_title for h in hits]
    assert "Opgørelse af nytårskoncerten 2024" in titles and "Risikostyring i nytårskoncerten i 2024" not in titles


def test_a_season_of_the_year_prefers_its_own_meetings_to_a_point_that_names_the_season():
    """"Hvornår var handicaprådet inviteret til dialog i foråret 2024?": November's dialogue meeting says it follows
    the one "i marts 2024" and ranks a little above March's in the whole index; March's is in the season asked about
    and goes first, November's after it."""
    mar = meeting("Social- og Handicapudvalget", "2024-03-18", [point("2", "Dialogmøde med Handicaprådet",
                                                                       Beslutning="x")])
    nov = meeting("Social- og Handicapudvalget", "2024-11-18", [point("2", "Dialogmøde med Handicaprådet 2024",
                                                                       Resume="Opfølgning på mødet i marts 2024.",
                                                                       Beslutning="x")])
    spring, autumn = chunk_point(mar, mar.points[0]), chunk_point(nov, nov.points[0])
    index = _dated_and_undated([mar, nov], ([spring], [autumn, spring]), ([spring], [autumn, spring]))
    hits = HybridRetriever(index, Settings()).search("Hvornår var handicaprådet inviteret til dialog i foråret 2024?")
    assert [h.first.meeting_date for h in hits] == ["2024-03-18", "2024-11-18"]


def test_a_point_outside_a_season_that_names_only_its_year_is_no_answer_about_the_season():
    """"Hvad lagde administrationen op til i foråret 2023 om ...?": a status of August 2024 that names the year 2023
    ("budget 2023") ranks first in the whole index but says nothing of the spring; the spring's point answers."""
    may = meeting("Skole-, Børne- og Ungeudvalget", "2023-05-23", [
        point("5", "Midler til implementering af anbefalinger", Beslutning="x")])
    aug = meeting("Skole-, Børne- og Ungeudvalget", "2024-08-13", [
        point("2", "Status specialpædagogisk analyse", Resume="Midlerne blev afsat i budget 2023.", Beslutning="x")])
    spring, status = chunk_point(may, may.points[0]), chunk_point(aug, aug.points[0])
    index = _dated_and_undated([may, aug], ([spring], [status, spring]), ([spring], [status, spring]))
    hits = HybridRetriever(index, Settings()).search("Hvad lagde administrationen op til i foråret 2023 om midlerne?")
    assert [h.first.meeting_date for h in hits] == ["2023-05-23"]


def test_how_a_point_names_a_period():
    from assistant.retrieval import period_named

    spring = period_named(date(2023, 3, 1), date(2023, 5, 31), "2023")
    assert spring.search("drøftet i foråret 2023") and spring.search("den 4. maj 2023") and spring.search("Marts 2023")
    assert not spring.search("budget 2023") and not spring.search("i oktober 2023") and not spring.search("maj 20231")
    winter = period_named(date(2022, 12, 1), date(2023, 2, 28), "2023")
    assert winter.search("december 2022") and winter.search("vinteren 2023") and not winter.search("marts 2023")
    year = period_named(date(2023, 1, 1), date(2023, 12, 31), "2023")
    assert year.search("budget 2023") and not year.search("sag 120234")
    assert period_named(date(2023, 1, 1), None, "2023").search("fra 2023")


def test_an_english_word_a_few_chunks_happen_to_use_is_no_word_of_the_minutes():
    """ "get" and "street" are in a few chunks of Danish minutes (an English title quoted): not the minutes' own
    words, they are not searched nor weighed; a name the question writes so ("Torvevej") and a word the minutes
    use widely ("budget") are."""
    from assistant.retrieval import KNOWN_MIN_SHARE, add_known_words

    class Vocabulary:  # the index's narrow door: which words its chunks use, and in what share of them
        share = {"get": KNOWN_MIN_SHARE / 4, "street": KNOWN_MIN_SHARE, "torvevej": KNOWN_MIN_SHARE / 4,
                 "budget": 50 * KNOWN_MIN_SHARE}

        def knows(self, word):
            return word in self.share

        def doc_share(self, word):
            return self.share.get(word, 0.0)

    plan = analyse("How did the street budget get cut for Torvevej?")
    add_known_words(plan, Vocabulary())
    added = set(plan.translation.split())
    assert {"budget", "torvevej"} <= added and not {"get", "street"} & added
    # the first word of a sentence is capitalised whatever it is: no name ("Street works ...")
    plan = analyse("Street works on Torvevej: what did they cost?")
    add_known_words(plan, Vocabulary())
    assert "torvevej" in plan.translation.split() and "street" not in plan.translation.split()
    # a question typed all in lower case has no capitals to name its names: a word of the minutes that is no English
    # word is one ("torvevej"); an English word is still not ("street", "get")
    plan = analyse("how did the street budget get cut for torvevej?")
    add_known_words(plan, Vocabulary())
    added = set(plan.translation.split())
    assert {"budget", "torvevej"} <= added and not {"get", "street"} & added


def test_a_month_the_question_names_dates_its_meetings_or_an_event_decided_before():
    """"nytårskoncerten i januar 2023": January's meetings hold nothing on the concert, November's grant names
    "januar 2023" and goes first. "i september 2024" of a council decision: the month's own points keep the order
    of the search of its meetings (the decision first), a point of another month that names it after them."""
    nov = meeting("Kultur- og Fritidsudvalget", "2022-11-07", [point(
        "2", "Nytårskoncert 2023 - bevilling", Sagsbeskrivelse="Koncerten holdes den 7. januar 2023 i Portalen.")])
    jan = meeting("Kultur- og Fritidsudvalget", "2023-01-11", [point("4", "Fordeling af puljer", Beslutning="x"),
                                                               point("8", "Budgetopfølgning", Beslutning="x")])
    grant, pools, budget = chunk_point(nov, nov.points[0]), *(chunk_point(jan, p) for p in jan.points)
    index = _dated_and_undated([nov, jan], ([pools, budget], [grant, pools, budget]),
                               ([pools, budget], [grant, budget, pools]))
    question = "Gav kulturudvalget en underskudsgaranti til nytårskoncerten i januar 2023?"
    assert analyse(question).year == "2023"
    assert HybridRetriever(index, Settings()).search(question)[0].first.point_title == "Nytårskoncert 2023 - bevilling"

    sep = meeting("Byråd 2022-2025", "2024-09-04", [point("9", "Akutpakke til skolerne", Beslutning="x"),
                                                    point("7", "Evaluering af valget", Beslutning="x")])
    oct_ = meeting("Byråd 2022-2025", "2024-10-02", [point(
        "9", "Budget 2025-28", Sagsbeskrivelse="Drøftet på temamødet i september 2024.")])
    package, evaluation = (chunk_point(sep, p) for p in sep.points)
    budget = chunk_point(oct_, oct_.points[0])
    index = _dated_and_undated([sep, oct_], ([package, evaluation], [evaluation, budget, package]),
                               ([package, evaluation], [evaluation, package, budget]))
    hits = HybridRetriever(index, Settings()).search("Bevilgede byrådet akutpakken til skolerne i september 2024?")
    assert [h.first.point_title for h in hits] == ["Akutpakke til skolerne", "Evaluering af valget", "Budget 2025-28"]
    # a day names a meeting, not a month an event is in
    assert analyse("Hvad besluttede byrådet den 4. september 2024?").year == ""


def test_a_name_the_question_quotes_lifts_the_point_that_holds_it(monkeypatch):
    """ "the 'Borgerens Valg' project": the user names the thing; a point about elderly citizens' projects shares
    more of the question's words ("projekt", "borger", "ældre", "hjemmepleje") but is not the project named."""
    from answer_corpus import meetings
    from fakes_index import FakeIndex, meeting, point

    import assistant.retrieval as retrieval
    from assistant.answering import Assistant
    from assistant.query import quoted_names

    assert quoted_names("Did Greve's council fund the Conservatives' 'Borgerens  Valg' plan?") == ["borgerens valg"]
    care = meeting("Sundheds- og Omsorgsudvalget", "2022-11-14", [
        point("13", "Evaluering af projekt Borgerens valg",
              Sagsbeskrivelse="Projektet fik 1,2 mio. kr. fra Sundhedsstyrelsen."),
        point("9", "Projektmidler til ældre borgere i hjemmeplejen",
              Sagsbeskrivelse="Ældre borgere i hjemmeplejen kan søge projektmidler. Hvor mange penge får projektet?"),
    ])
    settings = Settings(candidates=10)
    assistant = Assistant(settings, index=FakeIndex([*meetings(), care], settings))
    question = "How much money did Greve receive for the 'Borgerens Valg' project for elderly people getting home care?"
    assert assistant.search(question)[0].first.point_title == "Evaluering af projekt Borgerens valg"
    monkeypatch.setattr(retrieval, "quoted_names", lambda text: [])
    assert assistant.search(question)[0].first.point_title == "Projektmidler til ældre borgere i hjemmeplejen"


def test_an_address_the_question_names_lifts_the_point_that_holds_it_as_written():
    """ "Grevevej 93" names one property: the point whose title holds the address as written comes before another
    riding arena's point with more of the question's words (the address's number is no topic word)."""
    from fakes_index import FakeIndex

    from assistant.query import addresses_in

    assert addresses_in("a riding arena on Grevevej 93 in Tune, Hundige Bygade 51 A og punkt 3") == [
        "grevevej 93", "hundige bygade 51"]
    assert addresses_in("Budget 2024, sag 23-013407, Lokalplan 15.25, kl. 19 og punkt 3") == []
    # a street without a number is named as exactly ("My neighbour on Kildebrønde Landevej wants to build ...")
    assert addresses_in("My neighbour on Kildebrønde Landevej wants a garden room") == ["kildebrønde landevej"]
    assert addresses_in("Hvad skete der på Torvet og hos Vejdirektoratet?") == []
    other = point("11", "Snoldelevvej 11, Tune - landzonetilladelse til ridebane",
                  Sagsbeskrivelse="Ansøgning om landzonetilladelse til ridebane i Tune. Ridebanen ligger i landzone.",
                  Beslutning="Godkendt.")
    asked = point("5", "Ridebane på Grevevej 93", Sagsbeskrivelse="Ejeren ønsker at etablere en bane til heste.",
                  Beslutning="Godkendt.")
    settings = Settings(candidates=10)
    index = FakeIndex([meeting("Klima-, Teknik- og Miljøudvalget", "2022-10-13", [asked]),
                       meeting("Klima-, Teknik- og Miljøudvalget", "2024-03-14", [other])], settings)
    hits = HybridRetriever(index, settings).search("Hvornår fik ridebanen i Tune på Grevevej 93 landzonetilladelse?")
    assert hits[0].first.point_title == "Ridebane på Grevevej 93"
    hits = HybridRetriever(index, settings).search("Hvornår fik ridebanen i Tune på Grevevej landzonetilladelse?")
    assert hits[0].first.point_title == "Ridebane på Grevevej 93"  # the street alone names it too
