"""The catalog: SQLite (WAL) source of truth for sources, meetings, points, chunks, vectors and index metadata.

One transaction per source file, so a file is either wholly in the catalog or not at all.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

import numpy as np

from assistant import views
from assistant.chunking import point_keys
from assistant.embedders import EmbedderInfo
from assistant.records import AgendaPoint, Chunk, Filters, Meeting
from assistant.textutil import WORD

CLEAN_RUN = "ingest_clean_generation"  # meta: the generation an ingest finished cleanly at ("" while running)

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sources (
    path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime REAL NOT NULL, hash TEXT NOT NULL,
    meeting_id TEXT NOT NULL, municipality TEXT NOT NULL, committee TEXT NOT NULL, date TEXT NOT NULL,
    start TEXT, kind TEXT, n_points INTEGER NOT NULL, n_chunks INTEGER NOT NULL, meeting_json TEXT NOT NULL,
    ingested_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP);
CREATE INDEX IF NOT EXISTS sources_start ON sources(start, date, path);
CREATE INDEX IF NOT EXISTS sources_meeting ON sources(meeting_id);
CREATE TABLE IF NOT EXISTS points (
    point_key TEXT PRIMARY KEY, meeting_id TEXT NOT NULL, source TEXT NOT NULL, ordinal INTEGER NOT NULL,
    municipality TEXT NOT NULL, committee TEXT NOT NULL, date TEXT NOT NULL, number TEXT NOT NULL,
    title TEXT NOT NULL, case_number TEXT NOT NULL, closed INTEGER NOT NULL, point_json TEXT NOT NULL DEFAULT '');
CREATE INDEX IF NOT EXISTS points_case ON points(case_number);
CREATE INDEX IF NOT EXISTS points_source ON points(source);
CREATE TABLE IF NOT EXISTS chunks (
    id TEXT PRIMARY KEY, point_key TEXT NOT NULL, source TEXT NOT NULL, position INTEGER NOT NULL,
    text TEXT NOT NULL, body TEXT NOT NULL, sections TEXT NOT NULL, municipality TEXT NOT NULL,
    committee TEXT NOT NULL, meeting_date TEXT NOT NULL, meeting_time TEXT NOT NULL, date_int INTEGER NOT NULL,
    point_number TEXT NOT NULL, point_title TEXT NOT NULL, case_number TEXT NOT NULL, closed INTEGER NOT NULL,
    text_hash TEXT NOT NULL);
CREATE INDEX IF NOT EXISTS chunks_point ON chunks(point_key, position);
CREATE INDEX IF NOT EXISTS chunks_source ON chunks(source);
CREATE TABLE IF NOT EXISTS vectors (
    text_hash TEXT NOT NULL, model TEXT NOT NULL, blob BLOB NOT NULL, PRIMARY KEY (text_hash, model));
"""

# Views of one meeting (assistant/views.py): added to catalogs made before them by _add_view_columns.
VIEW_COLUMNS = (
    ("view_key", "TEXT NOT NULL DEFAULT ''"), ("n_cases", "INTEGER NOT NULL DEFAULT 0"),
    ("n_decisions", "INTEGER NOT NULL DEFAULT 0"), ("n_participants", "INTEGER NOT NULL DEFAULT 0"),
    ("format_rank", "INTEGER NOT NULL DEFAULT 0"), ("shadowed_by", "TEXT"),
)
VISIBLE = "shadowed_by IS NULL"  # a source that is its meeting's canonical view (or the only one)
VISIBLE_CHUNK = "source NOT IN (SELECT path FROM sources WHERE shadowed_by IS NOT NULL)"

_CHUNK_COLS = (
    "id, point_key, source, position, text, body, sections, municipality, committee, meeting_date, meeting_time, "
    "date_int, point_number, point_title, case_number, closed, text_hash"
)


def _row_to_chunk(r: sqlite3.Row) -> Chunk:
    return Chunk(
        id=r["id"], point_key=r["point_key"], text=r["text"], body=r["body"], position=r["position"],
        sections=tuple(json.loads(r["sections"])), municipality=r["municipality"], committee=r["committee"],
        meeting_date=r["meeting_date"], meeting_time=r["meeting_time"], point_number=r["point_number"],
        point_title=r["point_title"], case_number=r["case_number"], closed=bool(r["closed"]), source=r["source"],
    )  # fmt: skip


class Catalog:
    """SQLite catalog of one index folder (``catalog.sqlite``)."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._local = threading.local()
        self._all: list[sqlite3.Connection] = []
        self._lock = threading.Lock()
        self._kept: dict[str, tuple[int, list]] = {}
        self.db.executescript(SCHEMA)
        self._add_view_columns()
        self._add_point_records()

    @property
    def db(self) -> sqlite3.Connection:
        """This thread's connection (the web app calls from worker threads; WAL lets them read concurrently)."""
        con = getattr(self._local, "con", None)
        if con is None:
            con = sqlite3.connect(str(self.path), timeout=60, isolation_level=None, check_same_thread=False)
            con.row_factory = sqlite3.Row
            # SQLite's lower() folds ASCII only; committees and municipalities have æøå.
            con.create_function("pylower", 1, lambda s: s.lower() if isinstance(s, str) else s, deterministic=True)
            con.execute("PRAGMA journal_mode=WAL")
            con.execute("PRAGMA synchronous=NORMAL")
            self._local.con = con
            with self._lock:
                self._all.append(con)
        return con

    def close(self) -> None:
        with self._lock:
            for con in self._all:
                con.close()
            self._all.clear()
        self._local = threading.local()

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        else:
            self.db.execute("COMMIT")

    def _add_view_columns(self) -> None:
        """Give a catalog made before views its view columns, filled from the stored meetings (once)."""
        have = _columns(self.db, "sources")
        if all(name in have for name, _ in VIEW_COLUMNS):
            self.db.execute("CREATE INDEX IF NOT EXISTS sources_view ON sources(view_key)")
            return
        with self.transaction() as db:
            have = _columns(db, "sources")  # another process may have done it
            missing = [(name, decl) for name, decl in VIEW_COLUMNS if name not in have]
            if not missing:
                return
            for name, decl in missing:
                db.execute(f"ALTER TABLE sources ADD COLUMN {name} {decl}")
            db.execute("CREATE INDEX IF NOT EXISTS sources_view ON sources(view_key)")
            rows = db.execute("SELECT path, meeting_json FROM sources").fetchall()
            for r in rows:
                m = Meeting.from_dict(json.loads(r["meeting_json"]))
                db.execute(
                    "UPDATE sources SET view_key=?, n_cases=?, n_decisions=?, n_participants=?, format_rank=? "
                    "WHERE path=?", (*_view_values(m), r["path"]),
                )  # fmt: skip
            if rows:  # queries cached for the old generation must see the views
                self._settle(db)
                self._bump(db)

    def _add_point_records(self) -> None:
        """Give a catalog made before points had records of their own (``point_json``) the column, filled from the
        stored meetings (once)."""
        if "point_json" in _columns(self.db, "points"):
            return
        with self.transaction() as db:
            if "point_json" in _columns(db, "points"):
                return  # another process did it
            db.execute("ALTER TABLE points ADD COLUMN point_json TEXT NOT NULL DEFAULT ''")
            for r in db.execute("SELECT path, meeting_json FROM sources").fetchall():
                points = json.loads(r["meeting_json"]).get("points", [])
                db.executemany(
                    "UPDATE points SET point_json=? WHERE source=? AND ordinal=?",
                    [(json.dumps(p, ensure_ascii=False), r["path"], i) for i, p in enumerate(points)],
                )

    # -- meta ------------------------------------------------------------------------------------------------
    def get_meta(self, key: str, default: str | None = None) -> str | None:
        r = self.db.execute("SELECT value FROM meta WHERE key=?", (key,)).fetchone()
        return r[0] if r else default

    def set_meta(self, key: str, value: str, db: sqlite3.Connection | None = None) -> None:
        (db or self.db).execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))

    @property
    def generation(self) -> int:
        return int(self.get_meta("generation", "0") or 0)

    def _bump(self, db: sqlite3.Connection) -> None:
        db.execute(
            "INSERT INTO meta(key, value) VALUES ('generation', '1') "
            "ON CONFLICT(key) DO UPDATE SET value = CAST(value AS INTEGER) + 1"
        )

    def embedder_info(self) -> EmbedderInfo | None:
        raw = self.get_meta("embedder")
        return EmbedderInfo(**json.loads(raw)) if raw else None

    def set_embedder_info(self, info: EmbedderInfo) -> None:
        self.set_meta("embedder", json.dumps({"name": info.name, "model_id": info.model_id, "dim": info.dim}))

    # -- sources ---------------------------------------------------------------------------------------------
    def source(self, path: str) -> sqlite3.Row | None:
        return self.db.execute("SELECT path, size, mtime, hash FROM sources WHERE path=?", (path,)).fetchone()

    def source_meeting_json(self, path: str) -> str | None:
        r = self.db.execute("SELECT meeting_json FROM sources WHERE path=?", (path,)).fetchone()
        return r[0] if r else None

    def source_paths(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT path FROM sources ORDER BY path")]

    def touch_source(self, path: str, size: int, mtime: float) -> None:
        self.db.execute("UPDATE sources SET size=?, mtime=? WHERE path=?", (size, mtime, path))

    def chunk_ids_for_source(self, path: str) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT id FROM chunks WHERE source=?", (path,))]

    def replace_source(
        self, path: str, size: int, mtime: float, file_hash: str, meeting: Meeting, chunks: list[Chunk]
    ) -> None:
        """Replace everything the catalog holds for one file, in one transaction."""
        keys = point_keys(meeting)
        with self.transaction() as db:
            old_key = self._view_key(db, path)
            self._delete_source_rows(db, path)
            db.execute(
                "INSERT INTO sources(path, size, mtime, hash, meeting_id, municipality, committee, date, start, kind,"
                " n_points, n_chunks, meeting_json, view_key, n_cases, n_decisions, n_participants, format_rank)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (path, size, mtime, file_hash, meeting.meeting_id, meeting.municipality or "",
                 meeting.committee, meeting.date_iso, meeting.start.isoformat() if meeting.start else None,
                 meeting.kind, len(meeting.points), len(chunks), json.dumps(meeting.to_dict(), ensure_ascii=False),
                 *_view_values(meeting)),
            )  # fmt: skip
            db.executemany(
                "INSERT INTO points(point_key, meeting_id, source, ordinal, municipality, committee, date, number,"
                " title, case_number, closed, point_json) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                [(k, meeting.meeting_id, path, i, meeting.municipality or "", meeting.committee, meeting.date_iso,
                  p.number, p.title, p.case_number or "", int(p.closed), json.dumps(p.to_dict(), ensure_ascii=False))
                 for i, (k, p) in enumerate(zip(keys, meeting.points, strict=True))],
            )  # fmt: skip
            db.executemany(
                f"INSERT INTO chunks({_CHUNK_COLS}) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                [(c.id, c.point_key, path, c.position, c.text, c.body, json.dumps(c.sections, ensure_ascii=False),
                  c.municipality, c.committee, c.meeting_date, c.meeting_time, c.metadata()["date_int"],
                  c.point_number, c.point_title, c.case_number, int(c.closed), c.metadata()["text_hash"])
                 for c in chunks],
            )  # fmt: skip
            self._settle(db, {old_key, views.meeting_key(meeting)})
            self._bump(db)

    def remove_source(self, path: str) -> None:
        with self.transaction() as db:
            old_key = self._view_key(db, path)
            self._delete_source_rows(db, path)
            self._settle(db, {old_key})  # the next view of its meeting, if any, becomes canonical
            self._bump(db)

    # -- views of one meeting (assistant/views.py) ------------------------------------------------------------
    @staticmethod
    def _view_key(db: sqlite3.Connection, path: str) -> str:
        r = db.execute("SELECT view_key FROM sources WHERE path=?", (path,)).fetchone()
        return r[0] if r else ""

    @staticmethod
    def _settle(db: sqlite3.Connection, keys: Iterable[str] | None = None) -> int:
        """Choose the canonical view of each meeting in ``keys`` (None: every meeting with more than one view, or
        with a view still marked shadowed), reading only those meetings' sources and point titles (by the
        view_key index, 400 meetings a query); returns how many sources changed between canonical and shadowed."""
        if keys is None:
            keys = [r[0] for r in db.execute(
                "SELECT view_key FROM sources WHERE view_key != '' GROUP BY view_key "
                "HAVING COUNT(*) > 1 OR MAX(shadowed_by IS NOT NULL)"
            )]  # fmt: skip
        todo = sorted({k for k in keys if k})
        changed = 0
        for i in range(0, len(todo), 400):
            part = todo[i : i + 400]
            marks = ",".join("?" * len(part))
            groups: dict[str, list[sqlite3.Row]] = {}
            for r in db.execute(
                "SELECT path, view_key, n_points, n_cases, n_decisions, n_participants, format_rank, shadowed_by "
                f"FROM sources WHERE view_key IN ({marks})", part,
            ):  # fmt: skip
                groups.setdefault(r["view_key"], []).append(r)
            points: dict[str, list[tuple[str, str]]] = {r["path"]: [] for rows in groups.values() for r in rows}
            for r in db.execute(
                "SELECT p.source, p.number, p.title FROM sources s JOIN points p ON p.source = s.path "
                f"WHERE s.view_key IN ({marks})", part,
            ):  # fmt: skip
                points[r["source"]].append((r["number"], r["title"]))
            for rows in groups.values():
                if len(rows) == 1 and rows[0]["shadowed_by"] is None:
                    continue
                chosen = views.choose(
                    views.View(r["path"], (r["n_points"], r["n_cases"], r["n_decisions"], r["n_participants"]),
                               r["format_rank"], views.point_set(points[r["path"]]))
                    for r in rows
                )  # fmt: skip
                for r in rows:
                    if chosen[r["path"]] != r["shadowed_by"]:
                        db.execute("UPDATE sources SET shadowed_by=? WHERE path=?", (chosen[r["path"]], r["path"]))
                        changed += 1
        return changed

    def settle_views(self) -> int:
        """Recompute every meeting's canonical view (ingest calls it at the end of a run; each write already
        settles its own meeting, so this changes nothing unless the catalog was written some other way)."""
        with self.transaction() as db:
            changed = self._settle(db)
            if changed:
                self._bump(db)
        return changed

    def shadowed_sources(self) -> frozenset[str]:
        """Sources that are another file's view of a meeting: their chunks are not searched, their meetings
        and points not listed."""
        sql = "SELECT path FROM sources WHERE shadowed_by IS NOT NULL"
        (paths,) = self._per_generation("shadowed", lambda: [frozenset(r[0] for r in self.db.execute(sql))])
        return paths  # one set per generation: every search reads it

    def other_views(self, path: str) -> list[str]:
        """The sources ``path`` shadows (other files of the same meeting), by path."""
        return [r[0] for r in self.db.execute("SELECT path FROM sources WHERE shadowed_by=? ORDER BY path", (path,))]

    def view_points(self, meeting: Meeting, number: str) -> list[tuple[Meeting, AgendaPoint]]:
        """Point ``number`` as the files ``meeting`` shadows print it: another view may print what the canonical one
        lacks (an ESDH print's "Sagen afgøres i:", which Acadre's XML has no field for)."""
        out = []
        for path in self.other_views(meeting.source_path):
            if (stored := self.source_meeting_json(path)) is not None:
                view = Meeting.from_dict(json.loads(stored))
                out += [(view, p) for p in view.points if p.number == number]
        return out

    def shadowed_share(self) -> float:
        """The share of chunks that belong to shadowed sources (0 when there are none)."""

        def compute() -> list[float]:
            total, hidden = self.db.execute(
                "SELECT COALESCE(SUM(n_chunks), 0), COALESCE(SUM(CASE WHEN shadowed_by IS NOT NULL THEN n_chunks "
                "END), 0) FROM sources"
            ).fetchone()
            return [hidden / total if total else 0.0]

        return self._per_generation("shadowed_share", compute)[0]

    @staticmethod
    def _delete_source_rows(db: sqlite3.Connection, path: str) -> None:
        for table, col in (("chunks", "source"), ("points", "source"), ("sources", "path")):
            db.execute(f"DELETE FROM {table} WHERE {col}=?", (path,))

    # -- vectors (embedding cache) ---------------------------------------------------------------------------
    def cached_vectors(self, hashes: Iterable[str], model: str) -> dict[str, np.ndarray]:
        out: dict[str, np.ndarray] = {}
        hashes = list(dict.fromkeys(hashes))
        for i in range(0, len(hashes), 500):
            part = hashes[i : i + 500]
            q = f"SELECT text_hash, blob FROM vectors WHERE model=? AND text_hash IN ({','.join('?' * len(part))})"
            for h, blob in self.db.execute(q, (model, *part)):
                out[h] = np.frombuffer(blob, dtype=np.float32)
        return out

    def cache_vectors(self, items: dict[str, np.ndarray], model: str) -> None:
        with self.transaction() as db:
            db.executemany(
                "INSERT OR REPLACE INTO vectors(text_hash, model, blob) VALUES (?,?,?)",
                [(h, model, np.asarray(v, dtype=np.float32).tobytes()) for h, v in items.items()],
            )

    # -- chunks ----------------------------------------------------------------------------------------------
    def chunk_hashes(self) -> dict[str, str]:
        return dict(self.db.execute("SELECT id, text_hash FROM chunks").fetchall())

    def chunks(self, ids: list[str]) -> list[Chunk]:
        """Chunks by id, in the order asked; unknown ids are left out."""
        found: dict[str, Chunk] = {}
        for i in range(0, len(ids), 500):
            part = ids[i : i + 500]
            q = f"SELECT {_CHUNK_COLS} FROM chunks WHERE id IN ({','.join('?' * len(part))})"
            found.update((r["id"], _row_to_chunk(r)) for r in self.db.execute(q, part))
        return [found[i] for i in ids if i in found]

    def chunks_for_point(self, point_key: str) -> list[Chunk]:
        q = f"SELECT {_CHUNK_COLS} FROM chunks WHERE point_key=? ORDER BY position"
        return [_row_to_chunk(r) for r in self.db.execute(q, (point_key,))]

    def iter_chunks(self, batch: int = 2000, visible_only: bool = False) -> Iterator[Chunk]:
        """All chunks in the order they were stored, streamed: a file's chunks (one meeting's) come together, so
        the rows a committee or period filter allows form runs that exact dense search scans without copying.
        ``visible_only``: without the chunks of shadowed views (what search sees)."""
        last = -1
        visible = f" AND {VISIBLE_CHUNK}" if visible_only else ""
        while True:
            rows = self.db.execute(
                f"SELECT rowid AS row_, {_CHUNK_COLS} FROM chunks WHERE rowid > ?{visible} ORDER BY rowid LIMIT ?",
                (last, batch),
            ).fetchall()
            if not rows:
                return
            yield from (_row_to_chunk(r) for r in rows)
            last = rows[-1]["row_"]

    def chunk_ids(self, filters: Filters | None = None) -> list[str]:
        """Ids of the searchable chunks (not a shadowed view's) that pass ``filters`` (all when empty)."""
        sql, args = _filter_sql(filters, date_col="date_int", as_int=True)
        return [r[0] for r in self.db.execute(f"SELECT id FROM chunks WHERE {sql} AND {VISIBLE_CHUNK}", args)]

    def count_chunks(self) -> int:
        return self.db.execute("SELECT COUNT(*) FROM chunks").fetchone()[0]

    # -- meetings and points ---------------------------------------------------------------------------------
    def meetings(
        self,
        municipality: str | None = None,
        committee: str | None = None,
        date_from: date | None = None,
        date_to: date | None = None,
        last: int | None = None,
    ) -> list[Meeting]:
        """Meetings passing the filters, oldest first; ``last=n``: only the latest n (read without the others).
        A meeting published as several files is listed once, from its canonical view."""
        f = Filters(municipality=municipality, committee=committee, date_from=date_from, date_to=date_to)
        sql, args = _filter_sql(f, date_col="date", as_int=False)
        sql += f" AND {VISIBLE}"
        if last is not None:
            q = f"SELECT path, meeting_json FROM sources WHERE {sql} ORDER BY start DESC, date DESC, path DESC LIMIT ?"
            rows = self.db.execute(q, (*args, last)).fetchall()[::-1]
        else:
            q = f"SELECT path, meeting_json FROM sources WHERE {sql} ORDER BY start, date, path"
            rows = self.db.execute(q, args)
        names = self.view_names()
        return [_meeting_from(r, names) for r in rows]

    def meeting(self, meeting_id: str) -> Meeting | None:
        r = self.db.execute("SELECT path, meeting_json FROM sources WHERE meeting_id=?", (meeting_id,)).fetchone()
        return _meeting_from(r, self.view_names()) if r else None

    def view_names(self) -> dict[str, tuple[str, ...]]:
        """Per canonical source: the file names of the views it shadows (kept per generation)."""

        def compute() -> list[dict[str, tuple[str, ...]]]:
            out: dict[str, list[str]] = {}
            sql = "SELECT shadowed_by, path FROM sources WHERE shadowed_by IS NOT NULL ORDER BY path"
            for r in self.db.execute(sql):
                out.setdefault(r[0], []).append(Path(r[1]).name)
            return [{k: tuple(v) for k, v in out.items()}]

        return self._per_generation("view_names", compute)[0]

    def point(self, point_key: str) -> tuple[Meeting, AgendaPoint] | None:
        r = self.db.execute("SELECT meeting_id, ordinal FROM points WHERE point_key=?", (point_key,)).fetchone()
        if not r:
            return None
        m = self.meeting(r["meeting_id"])
        return (m, m.points[r["ordinal"]]) if m and r["ordinal"] < len(m.points) else None

    def agenda_point(self, point_key: str) -> AgendaPoint | None:
        """One agenda point without its meeting, from its own record: what an answer reads of each point it
        considers (the full corpus, 200 random points: 0.08 ms each, against 1.4 ms through its whole meeting;
        an answer to a dev question reads 2.8 points)."""
        r = self.db.execute("SELECT point_json FROM points WHERE point_key=?", (point_key,)).fetchone()
        return AgendaPoint.from_dict(json.loads(r[0])) if r else None

    def points_by_case(self, case_number: str) -> list[tuple[Meeting, AgendaPoint]]:
        rows = self.db.execute(
            "SELECT p.point_key FROM points p JOIN sources s ON s.path = p.source "
            "WHERE pylower(p.case_number) = pylower(?) AND s.shadowed_by IS NULL ORDER BY s.start, p.date, p.ordinal",
            (case_number.strip(),),
        ).fetchall()
        return [hit for r in rows if (hit := self.point(r[0]))]

    def meeting_ids_with_point(self, number: str, filters: Filters | None = None) -> list[str]:
        """Meetings (canonical views, oldest first) passing ``filters`` that have an agenda point numbered
        ``number``."""
        sql, args = _filter_sql(filters, date_col="date", as_int=False)
        q = (
            f"SELECT meeting_id FROM sources s WHERE {sql} AND {VISIBLE} AND EXISTS (SELECT 1 FROM points p "
            "WHERE p.source = s.path AND (pylower(p.number) = pylower(?)"
            " OR p.number = ? || '/' || substr(s.date, 1, 4)))"
            " ORDER BY start, date, path"
        )  # "14" is also an item numbered through the year, "14/2025"
        number = number.strip()
        return list(dict.fromkeys(r[0] for r in self.db.execute(q, (*args, number, number))))

    def _per_generation(self, key: str, compute: Callable[[], Any]) -> Any:
        """``compute()``, kept until the catalog changes: every question reads the committees and municipalities
        (a scan of the meetings: 5 ms at 4,600 meetings). A list is given as a copy, a frozenset as it is."""
        gen = self.generation
        kept = self._kept.get(key)
        if kept is None or kept[0] != gen:
            kept = (gen, compute())
            self._kept[key] = kept
        return list(kept[1]) if isinstance(kept[1], list) else kept[1]

    def committees(self) -> list[tuple[str, str, int, str, str]]:
        """(municipality, committee, meetings, first date, last date) per committee."""
        sql = (
            f"SELECT municipality, committee, COUNT(*), MIN(date), MAX(date) FROM sources WHERE {VISIBLE} "
            "GROUP BY municipality, committee ORDER BY municipality, committee"
        )
        return self._per_generation("committees", lambda: [tuple(r) for r in self.db.execute(sql)])

    def point_titles(self) -> list[tuple[str, str, str]]:
        """(municipality, committee, title) of every visible agenda point."""
        sql = (
            "SELECT p.municipality, p.committee, p.title FROM points p JOIN sources s ON p.source = s.path "
            f"WHERE s.{VISIBLE}"
        )
        return self._per_generation("point_titles", lambda: [tuple(r) for r in self.db.execute(sql)])

    def words(self) -> frozenset[str]:
        """Every word the visible chunks write, lower case, as written (not stemmed): what a slip of typing is
        corrected to must be one of them (spelling.correct_slips). ~1.2 s on the full corpus (19k chunks, 35k words),
        once per index generation."""

        def read() -> frozenset[str]:
            words: set[str] = set()
            for (text,) in self.db.execute(f"SELECT text FROM chunks WHERE {VISIBLE_CHUNK}"):
                words.update(w.lower() for w in WORD.findall(text))
            return frozenset(words)

        return self._per_generation("words", read)

    def municipalities(self) -> list[str]:
        sql = f"SELECT DISTINCT municipality FROM sources WHERE {VISIBLE} ORDER BY municipality"
        return self._per_generation("municipalities", lambda: [r[0] for r in self.db.execute(sql)])

    def latest_meetings(self, n: int) -> list[Meeting]:
        """The latest ``n`` meetings, newest first."""
        return self.meetings(last=n)[::-1]

    def source_mtime_max(self) -> float:
        r = self.db.execute("SELECT MAX(mtime) FROM sources").fetchone()
        return float(r[0] or 0.0)

    def summary(self) -> list[tuple[str, str, int, int, int, str, str]]:
        """Per municipality and committee: meetings, points, chunks, first and last date (of canonical views:
        a meeting published as several files counts once)."""
        return [
            tuple(r)
            for r in self.db.execute(
                "SELECT s.municipality, s.committee, COUNT(*), SUM(s.n_points), SUM(s.n_chunks), MIN(s.date),"
                f" MAX(s.date) FROM sources s WHERE s.{VISIBLE} GROUP BY s.municipality, s.committee ORDER BY 1, 2"
            )
        ]


def _columns(db: sqlite3.Connection, table: str) -> set[str]:
    return {r[1] for r in db.execute(f"PRAGMA table_info({table})")}


def _meeting_from(row: sqlite3.Row, view_names: dict[str, tuple[str, ...]]) -> Meeting:
    """The stored meeting, with the names of the files it shadows (its other views) as ``also_in``."""
    m = Meeting.from_dict(json.loads(row["meeting_json"]))
    m.also_in = list(view_names.get(row["path"], ()))
    return m


def _view_values(meeting: Meeting) -> tuple[str, int, int, int, int]:
    """(view_key, n_cases, n_decisions, n_participants, format_rank) of a source's meeting."""
    _, cases, decisions, participants = views.completeness(meeting)
    return views.meeting_key(meeting), cases, decisions, participants, views.format_rank(meeting.source_format)


def _filter_sql(filters: Filters | None, date_col: str, as_int: bool) -> tuple[str, list]:
    conds, args = ["1=1"], []
    if filters is None:
        return conds[0], args
    if filters.municipality:
        conds.append("pylower(municipality) = pylower(?)")
        args.append(filters.municipality)
    if filters.committee:
        conds.append("pylower(committee) = pylower(?)")
        args.append(filters.committee)
    for op, d in ((">=", filters.date_from), ("<=", filters.date_to)):
        if d:
            conds.append(f"{date_col} {op} ?")
            args.append(int(d.strftime("%Y%m%d")) if as_int else d.isoformat())
    if filters.case_number and date_col == "date_int":
        conds.append("pylower(case_number) = pylower(?)")
        args.append(filters.case_number)
    return " AND ".join(conds), args
