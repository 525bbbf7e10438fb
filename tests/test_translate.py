"""English questions over Danish minutes: the glossary gives BM25 and the evidence check Danish words."""

from __future__ import annotations

from assistant.bm25 import BM25Index, compound_head
from assistant.query import analyse
from assistant.translate import GLOSSARY, MAX_PHRASE, danish_words, glossary_groups, load_glossary

GENERAL = "# ---- General municipal vocabulary"


def test_glossary_file_is_well_formed_and_broad(tmp_path):
    table = load_glossary(GLOSSARY)
    assert len(table) > 2000
    assert all((key == key.lower() or key.isupper()) and words for key, words in table.items())
    assert table["swimming pool"][0] == "svømmehal" and "plejecenter" in table["nursing home"]
    assert all(1 <= len(key.split()) <= MAX_PHRASE for key in table)
    # The hand-written entries above the general list repeat no phrase of the development set's English questions
    # (eval/dev_questions.jsonl); the general list below was written from general knowledge, without the questions.
    own, general = GLOSSARY.read_text(encoding="utf-8").split(GENERAL)
    (tmp_path / "own.tsv").write_text(own, encoding="utf-8")
    hand = load_glossary(tmp_path / "own.tsv")
    assert "beach cleaning" not in hand and "school canteen" not in hand
    assert len(load_glossary(GLOSSARY)) - len(hand) > 2800 and "beach cleaning" in general
    assert load_glossary(GLOSSARY)["inheritance"][0] == "arv"  # the second general list (2026-12-04)
    assert load_glossary(GLOSSARY)["tennis court"] == ["tennisbane"]  # the third: concrete nouns (2026-12-04)
    # the fourth: two- and three-word phrases (2026-12-04), without the phrases of dev6's and dev7's English
    # questions (its writer was shown a few of them as examples of the kind wanted)
    assert "hullapning" in load_glossary(GLOSSARY)["pothole repair"]
    assert not {"dog tax", "scout camp", "mid-term review", "snow clearing"} & set(load_glossary(GLOSSARY))
    # the fifth: phrasal verbs and procedure idioms (2026-12-05), whose meaning is not their first word's, without
    # the examples its writer was given that dev questions use
    assert "forkaste" in load_glossary(GLOSSARY)["vote down"] and "udsætte" in load_glossary(GLOSSARY)["put off"]
    assert not {"sign off", "look into", "follow up on", "hand out", "push back"} & set(load_glossary(GLOSSARY))


def test_an_acronym_matches_only_in_capitals():
    assert "it" in danish_words("What did the committee decide about IT in the schools?")[0]
    assert "it" not in danish_words("Where did the committee go on its study trip, and what came out of it?")[0]


def test_longest_phrase_wins_plurals_are_found_and_names_are_kept():
    danish, names = danish_words("What did Nordholm Ejendomme say about the swimming pool and the nursing homes?")
    assert "svømmehal" in danish and "svømning" not in danish  # "swimming pool", not "swimming" + "pool"
    assert "plejecenter" in danish  # "homes" -> "home"
    assert names == ["Nordholm", "Ejendomme"]


def test_english_plan_searches_danish_words_without_the_generic_ones():
    plan = analyse("What did the city council decide about opening a cinema in Greve Midtby?")
    assert plan.lang == "en"
    words = plan.translation.split()
    assert "biograf" in words and "Midtby" in words
    assert not {"byråd", "beslutning", "vedtage"} & set(words)  # "council", "decide": every point says so
    assert "biograf" in plan.terms
    assert analyse("Hvad besluttede byrådet om biografen?").translation == ""  # Danish questions are not touched


def test_bm25_finds_a_danish_point_for_an_english_question():
    texts = {
        "a": "Udbudsstrategi for genudbud af strandrensningen. Administrationen indstiller, at strategien godkendes.",
        "b": "Budgetopfølgning for skoleområdet. Kantineordning på skolerne drøftes.",
        "c": "Referat af mødet. Godkendelse af dagsorden.",
    }
    idx = BM25Index().build(list(texts), list(texts.values()))
    plan = analyse("When was the tender strategy for beach cleaning approved?")
    assert [cid for cid, _ in idx.search(plan.translation, 3)][:1] == ["a"]
    assert idx.search(plan.topic, 3) == []  # the English words themselves find nothing


def test_compound_heads_match_only_long_specific_words():
    vocab = {"sankthan", "skole", "kantin", "ungdom"}
    assert compound_head("sankthansfest", vocab) == "sankthan"
    assert compound_head("skolekantin", vocab) is None  # "skole" is too short a part of it
    assert compound_head("ungdomsråd", vocab) is None  # a youth council is not youth
    assert compound_head("sankthan", vocab) is None  # not a compound of a known word
    idx = BM25Index().build(["x", "y"], ["Sankthans i Greve Kommune med bål og tale.", "Budget og regnskab."])
    assert [cid for cid, _ in idx.search("sankthansfesten", 2)] == ["x"]
    assert idx.search("sankthansfesten", 2, compounds=False) == []


def test_glossary_groups_keep_a_phrases_alternatives_together():
    """One English phrase, one group of Danish alternatives: the evidence counts a phrase known when the minutes use
    any of them (assistant/answerers/extractive.py)."""
    from assistant.answerers.extractive import glossary_term_groups
    from assistant.query import analyse
    from assistant.translate import danish_words, glossary_groups

    groups, _ = glossary_groups("money for building maintenance")
    assert any(len(g) > 1 for g in groups)  # "money": several Danish words
    assert [w for g in groups for w in g] == danish_words("money for building maintenance")[0]
    plan = analyse("How much money is set aside for building maintenance?", lang="en")
    grouped = glossary_term_groups(plan.topic, [*plan.terms, "total"])
    assert grouped and all(len(set(g)) == len(g) for g in grouped)
    assert "total" not in {t for g in grouped for t in g}  # an English word kept as typed is in no group


def test_a_possessive_is_looked_up_as_its_word():
    """"the Conservatives' proposal", "the museum's roof": the apostrophe is not part of the word."""
    danish, names = danish_words("Did the council grant the Conservatives' package for the museum's roof?")
    assert "konservative" in danish and "museum" in danish and "tag" in danish
    # ... and a possessive before a noun is the phrase of the two ("the school's budget": skolebudget)
    assert "skolebudget" in danish_words("What was the school's budget?")[0]
    assert "Conservatives" not in names


def test_a_verb_is_looked_up_in_its_base_form():
    """"approved", "recruiting", "planning", "applied": the glossary lists the base form only."""
    danish, _ = danish_words("Who approved the plan for recruiting staff?")
    assert any(w.startswith("godkend") for w in danish) and "rekruttere" in danish
    assert "besparelse" in danish_words("Are they cutting the budget?")[0]  # a doubled consonant before -ing
    assert "tilladelse" in danish_words("Was the shop permitted to open?")[0]  # ... and before -ed
    assert "stemte" in danish_words("Who voted against?")[0]  # vote + -d
    assert danish_words("What was said during the meeting?")[0] == danish_words("What was said at the meeting?")[0]


def test_a_phrasal_verb_is_looked_up_with_its_verb_in_its_base_form():
    """"buying back", "cutting back": a phrasal verb inflects its verb, not its particle; the glossary lists "buy
    back" (tilbagekøbe), which the minutes' "Tilbagekøb af matrikel 3db" is."""
    assert ["tilbagekøbe"] in glossary_groups("Did the council agree to buying back the plot?")[0]
    assert ["skære", "ned", "spare"] in glossary_groups("Is the school cutting back on staff?")[0]
    assert ["tilbagekøbe"] not in glossary_groups("They buy food back home.")[0]  # no particle after the verb


def test_a_two_word_phrase_with_a_word_put_between_is_found():
    """"four-day working week" is the glossary's "four-day week"; a word that is a phrase of its own keeps its
    meaning ("summer holiday" in "school summer holiday" plans)."""
    assert ["firedagesuge"] in glossary_groups("Did Greve introduce a four-day working week for its staff?")[0]
    groups = glossary_groups("How long is the school summer holiday?")[0]
    assert ["sommerferie"] in groups and ["skoleferie"] not in groups


def test_the_danish_synonym_list_is_well_formed_and_written_apart_from_the_minutes():
    from assistant.translate import SYNONYMS

    table = load_glossary(SYNONYMS)
    assert len(table) > 600
    assert all(key == key.lower() and 1 <= len(words) <= 8 and key not in words for key, words in table.items())
    assert "affald" in table["skrald"] and "vejbelysning" in table["gadelys"]


def test_an_everyday_danish_word_is_found_with_its_inflections():
    from assistant.translate import danish_synonyms

    found = dict(danish_synonyms("Hvornår bliver gadelysene skiftet, og hvad koster skraldet for et parcelhus?"))
    assert "vejbelysning" in found["gadelysene"]
    assert "affald" in found["skraldet"]
    assert "parcelhus" not in found
    # by its inflections, not its stem: the stemmer cuts "billet" and "billig" alike to "bil"
    assert "billet" not in dict(danish_synonyms("Hvad kommer en billet til at koste?"))
    assert "legeplads" in dict(danish_synonyms("Er der rutsjebaner?"))["rutsjebaner"]


def test_a_danish_word_the_minutes_never_use_is_searched_and_weighed_through_its_administrative_words():
    """ "skraldet": the minutes say "affald"; its term becomes the first synonym the index knows, BM25 searches
    all of them. A word the minutes use ("parcelhus") is left alone, as is a question the list knows nothing of."""
    from fakes_index import FakeIndex, meeting, point

    from assistant.retrieval import add_synonyms

    index = FakeIndex([meeting("Klima-, Teknik- og Miljøudvalget", "2024-08-15", [
        point("3", "Husholdningsaffald, gebyrer 2025", Sagsbeskrivelse="Gebyret for affald og renovation for et "
              "parcelhus stiger med 222 kr."),
    ])])  # fmt: skip
    plan = analyse("Hvor meget dyrere bliver skraldet for et parcelhus?")
    assert "skrald" in plan.terms
    add_synonyms(plan, index)
    assert "skrald" not in plan.terms and "affald" in plan.terms and "parcelhus" in plan.terms
    assert plan.translation.split() == ["affald", "renovation"]  # "dagrenovation" is not in these minutes
    same = analyse("Hvor meget dyrere bliver affaldet for et parcelhus?")
    terms = list(same.terms)
    add_synonyms(same, index)
    assert same.terms == terms and same.translation == ""


def test_a_modal_verb_is_no_noun_of_the_glossary():
    """"Can councillors get ...?": "can" asks, it names no tin can (dåse, a word the minutes never use, which weighed
    against dev6's d6q039 as an unknown topic); the drinks cans of waste sorting still are."""
    assert "dåse" not in danish_words("Can Greve councillors get psychologist sessions paid for?")[0]
    assert "dåse" in danish_words("Are cans sorted with the metal waste?")[0]


def test_a_verb_with_its_particle_is_no_noun_of_the_glossary():
    """ "When did the council sign off on the analysis?": the phrasal verb approves, it names no sign (skilt, which
    weighed against dev17's d17q047 as a topic word the points lack and refused it); a road sign is still one."""
    assert not {"skilt", "skiltning"} & set(danish_words("When did the council sign off on the special analysis?")[0])
    assert "skilt" in danish_words("Where will the new sign for the library be put?")[0]


def test_a_verb_whose_noun_means_something_else_has_its_verb_sense_too():
    """ "fired" is dismissed, not only a fire (brand); "training" and "to train" staff are education, not only the
    train (tog): the minutes write "afskediget", "uddannelse"."""
    assert "afskediget" in danish_words("Was the director fired?")[0]
    assert "uddannelse" in danish_words("What staff training was planned?")[0]
    assert "uddanne" in danish_words("How much money did Greve get to train nursery staff?")[0]
    assert "brand" in danish_words("Who put out the fire at the school?")[0]


def test_american_spelling_is_looked_up_as_the_glossarys_british():
    """The glossary is British ("centre", "neighbour", "programme"); "the sports center" found nothing. A
    capitalised word may be a Danish name and is left as written ("Center for Ejendomme")."""
    from assistant.translate import british

    assert [british(w) for w in ("center", "neighbors", "organizing", "program", "license", "laboratory", "citizen",
                                 "size", "water")] == ["centre", "neighbours", "organising", "programme", "licence",
                                                      "laboratory", "citizen", "size", "water"]
    assert "idrætscenter" in danish_words("the cafe in the sports center")[0]
    assert "naboer" in danish_words("Did the neighbors complain?")[0]
    danish, names = danish_words("What did Center for Ejendomme recommend?")
    assert "Center" in names and "center" not in danish


def test_a_municipalitys_rules_are_its_regulativ():
    """Citizens' "rules" for waste, snow clearing or market stalls are a municipality's regulativ ("Regulativ for
    husholdningsaffald"): the glossary's "rule" (regel, regler) gives it too."""
    groups, _ = glossary_groups("the new waste rules")
    assert any("regulativ" in g and "regler" in g for g in groups)


def test_a_hyphenated_phrase_is_found_written_with_spaces():
    """ "long term unemployed" is the glossary's "long-term unemployed"; a two-word phrase is not looked for so
    ("after school" would be found with a word between: "After the school committee's decision")."""
    assert any("langtidsledige" in g for g in glossary_groups("How many long term unemployed people were there?")[0])
    groups = glossary_groups("After the school committee's decision, who decides?")[0]
    assert not any("sfo" in g for g in groups)


def test_a_count_of_a_three_word_english_phrase_counts_its_danish_word():
    plan = analyse("How many long term unemployed people did Greve have in January 2022?")
    assert plan.counted == ["langtidsled"]


def test_a_short_word_mistyped_inside_a_glossary_phrase_is_no_foreign_word():
    """ "heat pumbs": one letter wrong in a short word makes the glossary's "heat pump" with its neighbour, so it is
    the phrase mistyped, not a word the minutes never use; "padel courts" and "minigolf course" make no phrase."""
    from assistant.translate import slip_in_phrase

    assert slip_in_phrase("How many heat pumbs will they set up?", "pumbs")
    assert not slip_in_phrase("Can you book the padel courts?", "padel")
    assert not slip_in_phrase("Is there a minigolf course?", "minigolf")


def test_a_phrase_with_the_phrases_its_words_make():
    """"waste collection tender" (renovationsudbud) is "waste collection" and "tender" when the minutes use those;
    a phrase its words do not make whole ("local museum": "local" is no phrase) and a single word have no parts."""
    from assistant.translate import phrase_parts

    parts = dict((tuple(g), p) for g, p in phrase_parts("the new waste collection tender and the local museum board"))
    assert parts[("renovationsudbud",)] == [["affaldsindsamling", "indsamling", "renovation"],
                                            ["udbud", "licitation", "udbuddet"]]
    assert parts[("lokalmuseum", "egnsmuseum")] == [] and parts[("bestyrelse", "bestyrelsen")] == []


def test_a_hyphenated_compound_modifier_is_its_words_where_the_glossary_lacks_it_whole():
    """English hyphenates a noun phrase used before a noun ("the operating-grant agreement"): its words are the
    glossary's phrase. A hyphenated word the glossary writes so stays whole ("four-day week"), as does one whose
    parts are a prefix, short or no English word ("multi-year", "pre-approved", "e-sports", "wi-fi")."""
    from assistant.translate import unglossed_words

    assert "driftstilskud" in danish_words("Who voted against the new operating-grant agreement?")[0]
    assert "driftstilskud" in danish_words("Who voted against the new operating grant agreement?")[0]
    assert danish_words("a four-day working week")[0] == danish_words("a four-day week")[0] != []
    for word in ("multi-year", "pre-approved", "e-sports", "wi-fi"):
        assert word in unglossed_words(f"Was a {word} thing decided?"), word
    assert "Karlslunde-Hallen" in unglossed_words("What happened to Karlslunde-Hallen?")  # a name: as written


def test_how_safe_people_feel_is_the_safety_the_minutes_write_of():
    """"Greve Nord feel safer", "unsafe": tryg, tryghed (Plan- og Tryghedsudvalget's words), as "safety" is."""
    groups, _ = glossary_groups("What could make Greve Nord feel safer? Where do people feel unsafe?")
    assert "tryg" in groups[0] and "tryghed" in groups[0]
    assert "utryg" in groups[1]
