"""Danish BM25: tokens keep case numbers and amounts whole, stemming, filters, atomic save/load."""

from __future__ import annotations

import json

import numpy as np

from assistant.bm25 import BM25Index, compound_parts, tokenize

DOCS = {
    "a": "Sag 24-012144: Økonomiudvalget bevilger 87.500 kr. til legepladser i Greve.",
    "b": "Sagen EMN-2025-001234 om cykelstier blev udsat.",
    "c": "Borgerne i 87 husstande betaler 500 kr. for affaldsordningen.",
    "d": "Legepladsen ved skolen renoveres; legepladserne får nye gynger.",
}


def _index() -> BM25Index:
    return BM25Index().build(list(DOCS), list(DOCS.values()), generation=7)


def test_tokens_keep_codes_and_amounts_whole_and_split():
    toks = tokenize("Sag 24-012144 og EMN-2025-001234: 87.500 kr. til legepladserne")
    for whole in ("24-012144", "emn-2025-001234", "87.500"):
        assert whole in toks
    for part in ("24", "012144", "emn", "2025", "001234", "87", "500", "kr"):
        assert part in toks
    assert "og" not in toks and "til" not in toks  # Danish stopwords
    assert tokenize("legepladserne") == tokenize("legepladser") == tokenize("Legepladsen")  # Danish stemmer


def test_exact_case_number_and_amount_rank_their_document_first():
    idx = _index()
    assert idx.search("24-012144", 4)[0][0] == "a"
    assert idx.search("EMN-2025-001234", 4)[0][0] == "b"
    hits = idx.search("87.500", 4)
    assert hits[0][0] == "a"  # the whole amount beats "87 ... 500" spread over a document
    assert hits[0][1] > dict(hits).get("c", 0.0)


def test_stemmed_match_and_filters():
    idx = _index()
    assert {h[0] for h in idx.search("legepladserne", 4)} == {"a", "d"}
    assert [h[0] for h in idx.search("legepladserne", 4, allowed={"d", "b"})] == ["d"]
    mask = np.array([True, False, False, False])
    assert [h[0] for h in idx.search("legepladserne", 4, allowed=mask)] == ["a"]
    assert idx.search("legepladserne", 4, allowed=set()) == []
    assert idx.search("ord der ikke findes xyzzy", 4) == []


def test_save_and_load_roundtrip(tmp_path):
    idx = _index()
    folder = tmp_path / "bm25"
    idx.save(folder)
    idx.save(folder)  # replacing an existing folder works (atomic rename)
    assert BM25Index.stored_generation(folder) == 7
    loaded = BM25Index.load(folder)
    assert loaded.generation == 7 and loaded.ids == idx.ids
    assert loaded.search("24-012144", 2) == idx.search("24-012144", 2)
    assert not list(tmp_path.glob("bm25.tmp-*")) and not list(tmp_path.glob("bm25.old-*"))


def test_accents_are_folded_and_an_index_of_unfolded_tokens_is_stale(tmp_path):
    """"Café Langsiden" and "Cafe Langsiden", "Hundige Allé" and "Alle" are one word to the index and to a question;
    an index saved before the folding (its tokens read another way) has no generation of this version: rebuilt."""
    assert tokenize("Café Langsiden") == tokenize("cafe langsiden") and tokenize("idé") == tokenize("ide")
    assert tokenize("Æblehaven ved Ørestad") != tokenize("aeblehaven ved orestad")  # æ, ø, å are letters
    idx = BM25Index().build(["x", "y"], ["Udsættelse af forpagtningsafgift på Cafe Langsiden", "Hundige Allé 11"],
                            generation=3)
    assert idx.search("café", 2)[0][0] == "x" and idx.search("Hundige Alle", 2)[0][0] == "y"
    folder = tmp_path / "bm25"
    idx.save(folder)
    assert BM25Index.stored_generation(folder) == 3
    head = json.loads((folder / "ids.json").read_text(encoding="utf-8"))
    del head["tokens"]  # as saved by a version without folding
    (folder / "ids.json").write_text(json.dumps(head), encoding="utf-8")
    assert BM25Index.stored_generation(folder) is None


def test_empty_index():
    idx = BM25Index().build([], [])
    assert idx.search("noget", 3) == []


def test_doc_freq_counts_the_chunks_that_use_a_word():
    idx = BM25Index().build(["a", "b", "c"], ["Byrådet godkendte budgettet", "Budgettet blev drøftet",
                                              "Parkering ved stationen"])
    assert idx.doc_freq("budgetterne") == 2 and idx.doc_freq("parkering") == 1
    assert idx.doc_freq("betalingsparkering") == 0 and BM25Index().doc_freq("budget") == 0


def test_compound_parts_are_two_words_of_at_least_four_letters():
    words = {"affald", "gebyr", "døgn", "takst", "ungdom", "råd", "skol", "kantin"}
    assert compound_parts("affaldsgebyr", words) == ("affald", "gebyr")  # the linking s
    assert compound_parts("døgntakst", words) == ("døgn", "takst")
    assert compound_parts("skolekantin", words) == ("skol", "kantin")  # the linking e
    assert compound_parts("ungdomsråd", words) is None  # "råd" is too short to stand for a part
    assert compound_parts("parkering", words) is None


def test_a_compound_of_the_question_also_finds_its_two_words_apart():
    """"affaldsgebyret" finds the point on "gebyrer for husholdningsaffald" too (each word at PART_WEIGHT), above a
    point holding only the question's other word; the evidence check (compounds=False) searches the words as
    written."""
    texts = {
        "a": "Godkendelse af gebyrer for husholdningsaffald. Affald fra husholdninger og gebyr pr. husstand.",
        "b": "Boligprogram 2023. Nye parcelhuse og rækkehuse i kommunen.",
        "c": "Affaldsgebyret stiger i 2023.",
        "d": "Referat af mødet. Godkendelse af dagsorden.",
    }
    idx = BM25Index().build(list(texts), list(texts.values()))
    found = [cid for cid, _ in idx.search("affaldsgebyret for et parcelhus", 4)]
    assert set(found) == {"a", "b", "c"} and found.index("a") < found.index("b")
    assert [cid for cid, _ in idx.search("affaldsgebyret for et parcelhus", 4, compounds=False)] == ["c", "b"]


def test_identical_chunks_rank_oldest_meeting_first_whatever_the_order_they_were_indexed_in(tmp_path):
    """A case's text repeated by three bodies ties; their order is the meetings' (oldest first), not the order the
    files were ingested in, so re-ingesting changes no answer."""
    text = "Administrationen indstiller, at kunstgræsbanen på Karlslunde Stadion finansieres med 6 mio. kr."
    rows = {"byraad": ("Greve Kommune", "Byråd", "22-010418", 20230515),
            "fagudvalg": ("Greve Kommune", "Kultur- og Fritidsudvalget", "22-010418", 20230426),
            "oeu": ("Greve Kommune", "Økonomiudvalget", "22-010418", 20230508),
            "other": ("Greve Kommune", "Byråd", "22-000001", 20230101)}  # fmt: skip
    texts = {**dict.fromkeys(["byraad", "fagudvalg", "oeu"], text), "other": "Budget for skoler og veje."}
    orders = []
    for ids in (["byraad", "oeu", "fagudvalg", "other"], ["other", "fagudvalg", "byraad", "oeu"]):
        idx = BM25Index().build(ids, [texts[i] for i in ids], meta=[rows[i] for i in ids])
        orders.append([h[0] for h in idx.search("kunstgræsbane Karlslunde", 3)])
        idx.save(tmp_path / "bm25")
        assert [h[0] for h in BM25Index.load(tmp_path / "bm25").search("kunstgræsbane Karlslunde", 3)] == orders[-1]
    assert orders[0] == orders[1] == ["fagudvalg", "oeu", "byraad"]


def test_the_dense_search_breaks_ties_the_same_way():
    """Identical chunks have identical vectors: the exact dense search orders them as BM25 does."""
    from assistant.index import _exact_hits

    ids = ["byraad", "oeu", "fagudvalg", "other"]
    meta = [("Greve Kommune", "Byråd", "", 20230515), ("Greve Kommune", "Økonomiudvalget", "", 20230508),
            ("Greve Kommune", "Kultur- og Fritidsudvalget", "", 20230426), ("Greve Kommune", "Byråd", "", 20230101)]
    bm = BM25Index().build(ids, ["a b", "a b", "a b", "c d"], meta=meta)
    matrix = np.array([[1, 0], [1, 0], [1, 0], [0.6, 0.8]], dtype=np.float32)
    assert [cid for cid, _ in _exact_hits(bm, matrix, np.array([1, 0]), 2)] == ["fagudvalg", "oeu"]
    mask = np.array([True, True, False, True])
    assert [cid for cid, _ in _exact_hits(bm, matrix, np.array([1, 0]), 3, mask)] == ["oeu", "byraad", "other"]


def test_a_slip_of_typing_is_corrected_to_the_word_the_minutes_use(greve_dir):
    """Greve's minutes (a committee's year of meetings, read by the real reader): two neighbouring letters swapped or
    one doubled is the word the minutes use; a word they never use that is one other letter away from one they do
    is left alone ("badeland" is no misspelt "badevand"), and so is a known word."""
    from assistant.readers import read_file
    from assistant.settings import Settings

    texts = [p.full_text for path in sorted(greve_dir.glob("Sundheds- og Omsorgsudvalget_2022-*.json"))
             for p in read_file(path, Settings()).meeting.points]
    texts += ["Badevandskvaliteten ved stranden er god."] * 3
    idx = BM25Index().build([str(i) for i in range(len(texts))], texts)
    assert idx.correction("forenigner") == tokenize("foreninger")[0]
    assert idx.correction("fordelignen") == tokenize("fordelingen")[0]
    assert idx.correction("foreninger") is None  # known
    assert tokenize("badevand")[0] in idx._model.vocab_dict and idx.correction("badeland") is None
    assert idx.correction("xq") is None and BM25Index().correction("forenigner") is None


def test_a_past_tense_is_looked_up_as_its_verbs_other_forms(greve_dir):
    """The Danish stemmer keeps "-ed" of a weak verb's past tense ("behandlede" -> behandled) and strips the other
    forms to the verb ("behandlet", "behandling" -> behandl): a question in the past tense is looked up as the forms
    the minutes use more. A word not ending in "-ede", or one whose other forms they do not use, is left alone."""
    from assistant.readers import read_file
    from assistant.settings import Settings

    texts = [p.full_text for path in sorted(greve_dir.glob("Sundheds- og Omsorgsudvalget_2022-*.json"))
             for p in read_file(path, Settings()).meeting.points]
    idx = BM25Index().build([str(i) for i in range(len(texts))], texts)
    assert tokenize("behandlede") != tokenize("behandlet")
    assert idx.inflection("behandlede") == tokenize("behandlet")[0]
    assert idx.inflection("behandlet") is None and idx.inflection("hede") is None
    assert idx.inflection("xqzvede") is None and BM25Index().inflection("behandlede") is None


def test_a_questions_term_is_looked_up_as_the_stem_it_is_not_stemmed_again():
    """A question's terms are stems ("indberet" of "indberettet", "end" of "endeligt"); stemmed again they were
    other tokens or none ("indb", a stopword), so a word every chunk uses counted as one the minutes never use."""
    from assistant.query import content_terms

    texts = ["Sagen blev endeligt vedtaget.", "Der er indberettet 52 magtanvendelser.", "Planen er indberettet."]
    idx = BM25Index().build(["a", "b", "c"], texts)
    for word, chunks in (("indberettet", 2), ("endeligt", 1)):
        (term,) = content_terms(word)
        assert idx.term_doc_freq(term) == idx.doc_freq(word) == chunks
        found = {cid for cid, _ in idx.search(term, 3, term=True)}
        assert found == {cid for cid, t in zip("abc", texts, strict=True) if word in t}
    assert idx.term_doc_freq("magtanvendelser") == 1  # a word, not a stem: tokenized as before
