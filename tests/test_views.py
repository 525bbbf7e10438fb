"""One meeting published as several files (ESDH exports: XML, DOCX, full PDF, a PDF per item) is one meeting in the
index: one canonical view, the others shadowed (not searched, not listed), chosen the same in any ingest order."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from conftest import FIXTURES, SHARED_CORPUS
from fakes import HashEmbedder

from assistant import views
from assistant.answering import Assistant
from assistant.catalog import VIEW_COLUMNS
from assistant.index import Index
from assistant.ingest import ingest
from assistant.records import Answer, Citation
from assistant.settings import Settings

SYDDJURS = ("3687981_referat_PUK_2013-06-20.xml", "3687982_Referat_Ekstraordinaert_PUK_2013-06-20.docx",
            "Referat_Ekstraordinaert_PUK_2013-06-20.pdf")  # fmt: skip
BALLERUP = ("eDocAgendaPublishing_2012-12-04_SundhedsOgForebyggelsesudvalget.xml",
            "1552814_fuldt_aabent_referat_2012-12-04.pdf", "1552816_punkt.pdf", "1552817_punkt.pdf")  # fmt: skip
PUK = "Udvalget for plan, udvikling og kultur (PUK)"
SFU = "Sundheds- og Forebyggelsesudvalget"


def _copy(folder: Path, municipality: str, names: tuple[str, ...]) -> list[Path]:
    """The files in a folder named after their municipality (where the readers take it from)."""
    src = SHARED_CORPUS / municipality
    if not all((src / n).exists() for n in names):
        pytest.skip(f"the shared ESDH corpus is not at {src} (CI lays ../shared beside the checkout)")
    (folder / municipality).mkdir(parents=True, exist_ok=True)
    out = [Path(shutil.copy(src / n, folder / municipality / n)) for n in names]
    for p in out:
        p.chmod(0o644)
    return out


def _cited(answer: Answer, number: str) -> list[Citation]:
    """Every citation of point ``number`` in an answer, also among the nearest points of a refusal."""
    return [c for c in answer.citations + answer.nearest if c.point_number == number]


def _names(paths) -> list[str]:
    return sorted(Path(p).name for p in paths)


# ---------------------------------------------------------------- the real embedder on the real Syddjurs files


def test_syddjurs_three_views_answer_once_in_any_order_and_prune_promotes(tmp_path):
    corpus = tmp_path / "corpus"
    xml, docx, pdf = _copy(corpus, "syddjurs", SYDDJURS)
    question = "Hvad blev besluttet om Kulturkommune 2017 og de politiske fokusområder?"
    settings = Settings(index=tmp_path / "index", threads=2)
    r = ingest([corpus], settings, show_progress=False)
    assert r.files_added == 3 and not r.problems
    with Index.open(settings) as idx:
        assert _names(idx.catalog.source_paths()) == _names([xml, docx, pdf])  # all three stay in the catalog
        assert _names(idx.catalog.shadowed_sources()) == _names([docx, pdf])  # XML: equally complete, structured
        assert [m.source_format for m in idx.catalog.meetings()] == ["acadre-xml"]
        assert idx.catalog.committees() == [("Syddjurs Kommune", PUK, 1, "2013-06-20", "2013-06-20")]
        assert len(idx.catalog.points_by_case("12/27845")) == 1
        assert {c.source for c, _ in idx.dense(question, 10)} == {str(xml)}
        assert {c.source for c, _ in idx.bm25("Kulturkommune 2017", 10)} == {str(xml)}
        answer = Assistant(settings, index=idx).ask(question)
        assert not answer.refused
        (cited,) = _cited(answer, "715")
        assert cited.source == str(xml) and cited.also_in == _names([docx, pdf])  # the other files, by name
        meetings = Assistant(settings, index=idx).ask(f"Hvilke møder har {PUK} holdt?")
        assert meetings.kind == "meetings" and "1 møde" in meetings.text and len(meetings.citations) == 1

    backwards = Settings(index=tmp_path / "index2", threads=2)  # one file at a time, the canonical one last
    for path in (pdf, docx, xml):
        ingest([path], backwards, show_progress=False)
    with Index.open(backwards) as idx:
        assert _names(idx.catalog.shadowed_sources()) == _names([docx, pdf])

    again = ingest([corpus], settings, show_progress=False)
    assert again.files_unchanged == 3 and again.files_added == again.files_changed == 0
    xml.unlink()
    pruned = ingest([corpus], settings, prune=True, show_progress=False)
    assert pruned.files_removed == 1 and pruned.chunks_embedded == 0
    with Index.open(settings) as idx:
        assert _names(idx.catalog.shadowed_sources()) == _names([pdf])  # the DOCX ranks before the PDF
        assert [m.source_format for m in idx.catalog.meetings()] == ["docx"]
        answer = Assistant(settings, index=idx).ask(question)
        assert not answer.refused
        (cited,) = _cited(answer, "715")
        assert cited.source == str(docx) and cited.also_in == [pdf.name]


# -------------------------------------------------------- Ballerup: XML, full PDF, per-item PDFs (fake embedder)


@pytest.fixture
def ballerup(tmp_path):
    files = _copy(tmp_path / "corpus", "ballerup", BALLERUP)
    return tmp_path / "corpus", files


def test_ballerup_per_item_pdfs_and_full_pdf_are_shadowed_by_the_xml(tmp_path, ballerup):
    corpus, (xml, full, item8, item7) = ballerup
    emb = HashEmbedder()
    settings = Settings(index=tmp_path / "index")
    ingest([corpus], settings, embedder=emb, show_progress=False)
    with Index.open(settings, embedder=emb) as idx:
        cat = idx.catalog
        assert _names(cat.shadowed_sources()) == _names([full, item8, item7])
        assert cat.other_views(str(xml)) == sorted(str(p) for p in (full, item8, item7))
        assert all(cat.chunk_ids_for_source(str(p)) for p in (full, item8, item7))  # indexed, only not searched
        (meeting,) = cat.meetings(committee=SFU)
        assert meeting.source_path == str(xml) and len(meeting.points) == 8
        title = meeting.points[6].title  # point 7, also published as its own PDF
        assert [Path(m.source_path).name for m, _ in cat.points_by_case(meeting.points[6].case_number)] == [xml.name]
        for hits in (idx.dense(title, 20), idx.bm25(title, 20)):
            assert hits and {c.source for c, _ in hits} == {str(xml)}
        answer = Assistant(settings, index=idx).ask(f"Hvad blev besluttet om {title}?")
        (cited,) = _cited(answer, "7")
        assert cited.source == str(xml) and cited.also_in == _names([full, item8, item7])
        status = idx.status()
        assert (status.sources, status.shadowed, status.meetings, status.points) == (4, 3, 1, 8)
    for wide in (Settings(index=settings.index, exact_search_max=0),  # HNSW over every stored vector
                 Settings(index=settings.index, exact_search_max=0, dense_memory_max=0)):  # no vectors in memory
        with Index.open(wide, embedder=emb) as idx:
            hits = idx.dense(title, 10)
            assert len(hits) == 10 and {c.source for c, _ in hits} == {str(xml)}


def test_ballerup_choice_is_independent_of_ingest_order(tmp_path, ballerup):
    corpus, files = ballerup
    chosen = []
    for n, order in enumerate((files, files[::-1], files[2:] + files[:2])):
        emb = HashEmbedder()
        settings = Settings(index=tmp_path / f"index{n}")
        for path in order:
            ingest([path], settings, embedder=emb, show_progress=False)
        with Index.open(settings, embedder=emb) as idx:
            chosen.append((_names(idx.catalog.shadowed_sources()), [m.source_path for m in idx.catalog.meetings()]))
    assert chosen[0] == chosen[1] == chosen[2] == (_names(files[1:]), [str(files[0])])


def test_a_changed_view_is_reread_and_the_choice_recomputed(tmp_path, ballerup):
    """The full PDF replaced by the text of one item: it is now a per-item view; removing the XML then makes the
    per-item files canonical meetings of their own (nothing holds all their points)."""
    corpus, (xml, full, item8, item7) = ballerup
    emb = HashEmbedder()
    settings = Settings(index=tmp_path / "index")
    ingest([corpus], settings, embedder=emb, show_progress=False)
    shutil.copy(item8, full)
    r = ingest([corpus], settings, embedder=emb, show_progress=False)
    assert r.files_changed == 1
    with Index.open(settings, embedder=emb) as idx:
        assert _names(idx.catalog.shadowed_sources()) == _names([full, item8, item7])
        assert idx.catalog.other_views(str(xml)) == sorted(str(p) for p in (full, item8, item7))
    xml.unlink()
    ingest([corpus], settings, embedder=emb, prune=True, show_progress=False)
    with Index.open(settings, embedder=emb) as idx:
        # the copy and the original of item 8 are one view each of the same point: the path decides
        assert _names(idx.catalog.shadowed_sources()) == [item8.name]
        assert _names(m.source_path for m in idx.catalog.meetings()) == _names([full, item7])


# ---------------------------------------------------------------- fixtures of our own: two meetings on one day


def test_two_meetings_of_one_committee_on_one_day_stay_two(tmp_path):
    corpus = tmp_path / "testby"
    shutil.copytree(FIXTURES / "views", corpus)
    emb = HashEmbedder()
    settings = Settings(index=tmp_path / "index")
    r = ingest([corpus], settings, embedder=emb, show_progress=False)
    assert r.files_added == 3 and not r.problems
    with Index.open(settings, embedder=emb) as idx:
        meetings = idx.catalog.meetings(committee="Teknik- og Miljøudvalget")
        assert [Path(m.source_path).name for m in meetings] == [
            "referat-teknik-2026-03-10-formiddag.txt", "referat-teknik-2026-03-10-ekstraordinaert.txt"
        ]  # fmt: skip
        assert _names(idx.catalog.shadowed_sources()) == ["punkt-2-affaldsspande.txt"]  # one point of the first
        answer = Assistant(settings, index=idx).ask("Hvilke møder holdt Teknik- og Miljøudvalget?")
        assert answer.kind == "meetings" and "2 møder" in answer.text


def test_a_catalog_from_before_views_gets_them_when_opened(tmp_path, ballerup):
    corpus, (xml, *others) = ballerup
    emb = HashEmbedder()
    settings = Settings(index=tmp_path / "index")
    ingest([corpus], settings, embedder=emb, show_progress=False)
    with sqlite3.connect(tmp_path / "index" / "catalog.sqlite") as db:
        db.execute("DROP INDEX sources_view")
        for name, _ in VIEW_COLUMNS:
            db.execute(f"ALTER TABLE sources DROP COLUMN {name}")
    with Index.open(settings, embedder=emb) as idx:
        assert _names(idx.catalog.shadowed_sources()) == _names(others)
        assert [m.source_path for m in idx.catalog.meetings()] == [str(xml)]


def test_each_point_has_its_own_record_and_an_older_catalog_gets_them_when_opened(tmp_path):
    """What an answer reads of a point (Catalog.agenda_point, without parsing its meeting) is the meeting's point, on
    the shipped referat; a catalog made before point records gets them, filled from the stored meetings."""
    from conftest import REPO

    emb = HashEmbedder()
    settings = Settings(index=tmp_path / "index")
    r = ingest([REPO / "corpus"], settings, embedder=emb, show_progress=False)
    assert r.files_added >= 1 and not r.problems

    def every_point(idx: Index) -> list[tuple[str, object]]:
        keys = [row[0] for row in idx.catalog.db.execute("SELECT point_key FROM points ORDER BY rowid")]
        assert len(keys) >= 5  # the shipped referat has five
        for key in keys:
            assert idx.catalog.agenda_point(key) == idx.catalog.point(key)[1], key
        return [(key, idx.catalog.agenda_point(key)) for key in keys]

    with Index.open(settings, embedder=emb) as idx:
        before = every_point(idx)
    with sqlite3.connect(tmp_path / "index" / "catalog.sqlite") as db:
        db.execute("ALTER TABLE points DROP COLUMN point_json")
    with Index.open(settings, embedder=emb) as idx:
        assert every_point(idx) == before
        assert idx.catalog.agenda_point("no such point") is None


# ---------------------------------------------------------------- the choice itself


def _view(path: str, points: int, fmt: str, cases: int = 0, first: int = 1) -> views.View:
    numbers = [(str(n), f"Punkt {n}") for n in range(first, first + points)]
    return views.View(path, (points, cases, 0, 0), views.format_rank(fmt), views.point_set(numbers))


def test_choose_ranks_completeness_then_format_then_path_in_any_order():
    xml, docx, pdf = _view("c.xml", 3, "acadre-xml"), _view("b.docx", 3, "docx"), _view("a.pdf", 3, "esdh-print-pdf")
    item = _view("0_punkt.pdf", 1, "esdh-print-pdf", first=2)
    richer_pdf = _view("z.pdf", 3, "esdh-print-pdf", cases=3)  # more case numbers read: the most complete view
    for order in ([xml, docx, pdf, item], [item, pdf, docx, xml]):
        assert views.choose(order) == {"c.xml": None, "b.docx": "c.xml", "a.pdf": "c.xml", "0_punkt.pdf": "c.xml"}
    assert views.choose([xml, richer_pdf])["c.xml"] == "z.pdf"
    other = views.View("d.xml", (3, 0, 0, 0), 0, views.point_set([("1", "Noget andet"), ("2", "Punkt 2"), ("3", "x")]))
    assert views.choose([xml, other]) == {"c.xml": None, "d.xml": None}  # same numbers, other titles: two meetings
    folded = views.View("e.pdf", (1, 0, 0, 0), 3, views.point_set([("2", "  PUNKT\n2 ")]))
    assert views.choose([xml, folded])["e.pdf"] == "c.xml"
