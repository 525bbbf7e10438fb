"""Incremental, crash-safe ingestion: files -> meetings -> chunks -> vectors -> Chroma + catalog + BM25.

Per file the order is: upsert the new vectors into Chroma, replace the file's rows in the catalog in one SQLite
transaction, then delete the file's stale vectors. A run killed at any point leaves at worst vectors the catalog does
not know (invisible to queries, deleted by the next run's reconcile step) or catalog chunks whose vectors are missing
(re-upserted from the embedding cache by the next run).
"""

from __future__ import annotations

import fcntl
import hashlib
import json
import os
import re
import stat
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import numpy as np

from assistant.bm25 import BM25Index, pid_alive
from assistant.catalog import CLEAN_RUN
from assistant.chunking import chunk_meeting
from assistant.embedders import Embedder
from assistant.index import INGEST_LOCK, Index, ingest_lock_held
from assistant.messages import Message, at, refusal
from assistant.readers import READER_VERSION
from assistant.readers.report import gap_warnings
from assistant.records import Chunk, Meeting, source_key, text_hash
from assistant.settings import Settings

Progress = Callable[[int, int, int], None]  # (done_files, total_files, chunks)
MAX_PENDING_FILES = 32  # meetings held in memory while their chunks wait for a full embedding batch, at most
SENTENCES_DONE = "sentences_generation"  # catalog meta: every meeting's sentences were embedded at this generation
READER_RUN = "reader_version"  # catalog meta: the reader version every indexed file was last read with


@dataclass
class IngestReport:
    files_seen: int = 0
    files_added: int = 0
    files_changed: int = 0
    files_unchanged: int = 0
    files_removed: int = 0
    files_failed: int = 0
    # "<file>: <problem> (<hint>)" and the readers' warnings "<file>: <warning>", each once: Messages (Danish strings
    # that the CLI and the web page render in their language)
    problems: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    chunks_added: int = 0
    chunks_deleted: int = 0
    chunks_embedded: int = 0
    chunks_repaired: int = 0  # re-upserted or deleted by the reconcile step (after an interrupted run)
    sentences_embedded: int = 0  # with Settings.precompute_sentences: answer sentences embedded for the cache
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class _Pending:
    key: str
    size: int
    mtime: float
    file_hash: str
    meeting: Meeting
    chunks: list[Chunk]
    changed: bool


def file_sha256(path: Path, max_bytes: int | None = None) -> str:
    """SHA-256 of a regular file's bytes. Opened without blocking and checked on the open descriptor, so a FIFO or
    a device swapped in after the folder was listed raises OSError instead of hanging or reading forever."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0))
    with os.fdopen(fd, "rb") as f:
        st = os.fstat(f.fileno())
        if not stat.S_ISREG(st.st_mode):
            raise OSError(f"{path} er ikke en almindelig fil")
        if max_bytes is not None and st.st_size > max_bytes:
            raise OSError(f"{path} er større end {max_bytes} bytes")
        h = hashlib.sha256()
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


class IngestRunning(RuntimeError):
    """Another ingest holds the index folder's lock."""


def ingest_running(settings: Settings) -> bool:
    """Whether an ingest is running in ``settings.index`` now (its lock is held), without waiting for it."""
    return ingest_lock_held(settings.index_path)


class _Lock:
    """One ingest at a time per index folder (an advisory lock file; released by the OS if the process dies)."""

    def __init__(self, folder: Path):
        folder.mkdir(parents=True, exist_ok=True)
        self.fh = open(folder / INGEST_LOCK, "a")  # noqa: SIM115 - held for the whole run

    def __enter__(self) -> _Lock:
        try:
            fcntl.flock(self.fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            self.fh.close()
            raise IngestRunning(Message("ingest_running", folder=Path(self.fh.name).parent)) from None
        return self

    def __exit__(self, *exc: object) -> None:
        fcntl.flock(self.fh, fcntl.LOCK_UN)
        self.fh.close()


class _Ingestor:
    def __init__(self, index: Index, report: IngestReport):
        self.index = index
        self.catalog = index.catalog
        self.store = index.store
        self.embedder: Embedder = index.embedder
        self.model = index.embedder.model_id
        self.batch = max(1, index.settings.batch_size)
        self.report = report
        self.pending: list[_Pending] = []
        self.pending_texts: dict[str, str] = {}  # hash -> text not yet in the cache

    # -- vectors ---------------------------------------------------------------------------------------------
    def vectors_for(self, chunks: list[Chunk]) -> np.ndarray:
        hashes = [text_hash(c.text) for c in chunks]
        have = self.catalog.cached_vectors(hashes, self.model)
        missing = {h: c.text for h, c in zip(hashes, chunks, strict=True) if h not in have}
        if missing:
            have.update(self._embed(missing))
        return np.vstack([have[h] for h in hashes]) if hashes else np.zeros((0, 1), dtype=np.float32)

    def _embed(self, texts: dict[str, str]) -> dict[str, np.ndarray]:
        hashes = list(texts)
        vecs = self.embedder.embed_passages([texts[h] for h in hashes])
        out = dict(zip(hashes, vecs, strict=True))
        self.catalog.cache_vectors(out, self.model)
        self.report.chunks_embedded += len(hashes)
        return out

    # -- reconcile -------------------------------------------------------------------------------------------
    def reconcile(self, full: bool = True) -> None:
        """Make Chroma match the catalog: delete unknown ids, re-upsert missing or stale ones.

        ``full=False`` (the previous run finished cleanly) compares ids only: a stale vector under a known id can
        only come from a run killed between its upsert and its catalog write, which leaves the run marked unclean.
        """
        in_catalog = self.catalog.chunk_hashes()
        in_store: dict[str, str] | set[str] = self.store.ids_and_hashes() if full else self.store.ids()
        orphans = [i for i in in_store if i not in in_catalog]
        if orphans:
            self.store.delete(orphans)
        if full:
            missing = [i for i, h in in_catalog.items() if in_store.get(i) != h]  # type: ignore[union-attr]
        else:
            missing = [i for i in in_catalog if i not in in_store]
        for i in range(0, len(missing), 256):
            chunks = self.catalog.chunks(missing[i : i + 256])
            vectors = self.vectors_for(chunks)
            self.store.upsert([c.id for c in chunks], vectors, [c.metadata() for c in chunks], [c.text for c in chunks])
        self.report.chunks_repaired = len(orphans) + len(missing)

    # -- files -----------------------------------------------------------------------------------------------
    def add(self, p: _Pending) -> None:
        self.pending.append(p)
        hashes = {text_hash(c.text): c.text for c in p.chunks}
        cached = self.catalog.cached_vectors(hashes, self.model)
        self.pending_texts.update({h: t for h, t in hashes.items() if h not in cached})
        if len(self.pending_texts) >= self.batch or len(self.pending) >= MAX_PENDING_FILES:
            self.flush()

    def flush(self) -> None:
        """Embed what the pending files need (in full batches across files), then write each file."""
        if self.pending_texts:
            self._embed(self.pending_texts)
            self.pending_texts = {}
        if self.index.settings.precompute_sentences:
            self.precompute_sentences([p.meeting for p in self.pending])
        for p in self.pending:
            self.write(p)
        self.pending = []

    def precompute_sentences(self, meetings: list[Meeting]) -> None:
        """Store the vectors of the sentences the answerer scores, so answers embed nothing at query time."""
        from assistant.answering import point_score_texts

        texts = {text_hash(t): t for m in meetings for point in m.points for t in point_score_texts(point)}
        cached = self.catalog.cached_vectors(texts, self.model)
        missing = [h for h in texts if h not in cached]
        for i in range(0, len(missing), 256):
            part = missing[i : i + 256]
            vecs = self.embedder.embed_passages([texts[h] for h in part])
            self.catalog.cache_vectors(dict(zip(part, vecs, strict=True)), self.model)
            self.report.sentences_embedded += len(part)

    def write(self, p: _Pending) -> None:
        old = set(self.catalog.chunk_ids_for_source(p.key))
        if p.chunks:
            self.store.upsert(
                [c.id for c in p.chunks],
                self.vectors_for(p.chunks),
                [c.metadata() for c in p.chunks],
                [c.text for c in p.chunks],
            )
        self.catalog.replace_source(p.key, p.size, p.mtime, p.file_hash, p.meeting, p.chunks)
        stale = old - {c.id for c in p.chunks}
        if stale:
            self.store.delete(sorted(stale))
        r = self.report
        r.files_changed += p.changed
        r.files_added += not p.changed
        r.chunks_added += len(p.chunks)
        r.chunks_deleted += len(stale)

    def remove(self, key: str) -> None:
        ids = self.catalog.chunk_ids_for_source(key)
        self.catalog.remove_source(key)  # catalog first: a crash here leaves only invisible orphans in Chroma
        self.store.delete(ids)
        self.report.files_removed += 1
        self.report.chunks_deleted += len(ids)


def _under(path: str, roots: list[str]) -> bool:
    return any(path == r or path.startswith(r.rstrip(os.sep) + os.sep) for r in roots)


def ingest(
    paths: Iterable[Path | str] | None,
    settings: Settings,
    *,
    municipality: str | None = None,
    prune: bool = False,
    progress: Progress | None = None,
    show_progress: bool = True,
    embedder: Embedder | None = None,
    reader: Callable[..., Any] | None = None,
    lang: str | None = None,
) -> IngestReport:
    """Bring the index in ``settings.index`` up to date with the files under ``paths`` (default: the corpus).

    ``embedder`` and ``reader`` (``read_file``'s signature) replace the configured ones, e.g. in tests.
    """
    from assistant.readers import iter_files, read_file

    read_file = reader or read_file
    t0 = time.perf_counter()
    roots = [Path(p) for p in (paths or [settings.corpus_path])]
    for root in roots:
        if not root.exists():
            raise FileNotFoundError(Message("path_missing", path=root))
    report = IngestReport()
    municipality = municipality or settings.municipality
    with _Lock(settings.index_path), Index.open(settings, embedder=embedder) as index:
        index.writing = True
        index.claim_embedder()
        work = _Ingestor(index, report)
        catalog = index.catalog
        start_generation = catalog.generation
        work.reconcile(full=catalog.get_meta(CLEAN_RUN) != str(catalog.generation))
        catalog.set_meta(CLEAN_RUN, "")  # until this run ends: a killed run gets a full reconcile next time
        _remove_leftovers(index.path)
        skipped: list[Any] = []
        files = list(iter_files(roots, skipped))
        for problem in skipped:  # FIFOs, devices, sockets, symlinks out of the folders: never opened
            report.files_seen += 1
            report.files_failed += 1
            report.problems.append(problem.line())
            key = source_key(problem.path)
            if catalog.source(key) is not None:
                work.remove(key)
                report.problems.append(at(problem.path, Message("removed")))
        reread = catalog.get_meta(READER_RUN) != READER_VERSION and bool(catalog.source_paths())
        seen: set[str] = set()
        bar = _bar(len(files), show_progress, lang or settings.language)
        try:
            for done, path in enumerate(files, 1):
                key = source_key(path)
                seen.add(key)
                report.files_seen += 1
                _one_file(work, Path(path), key, settings, municipality, read_file, reread)
                chunks = report.chunks_added + sum(len(p.chunks) for p in work.pending)  # written + waiting
                if bar is not None:
                    elapsed = max(1e-6, time.perf_counter() - t0)
                    bar.update(1)
                    bar.set_postfix(chunks=chunks, chunks_s=f"{chunks / elapsed:.1f}")
                if progress:
                    progress(done, len(files), chunks)
            work.flush()
            if prune:
                root_keys = [source_key(r) for r in roots]
                for key in index.catalog.source_paths():
                    if key not in seen and _under(key, root_keys):
                        work.remove(key)
        finally:
            if bar is not None:
                bar.close()
        if catalog.generation != start_generation:  # each write settled its own meeting's views; this pass repairs
            catalog.settle_views()
        if BM25Index.stored_generation(index.bm25_dir) != index.catalog.generation:
            index.bm25_index()  # rebuilt here (atomically) when the catalog changed, so queries start warm
            index.dense_matrix()  # and the vectors for exact dense search beside it
        from assistant.answerers.extractive import UNITS_VERSION

        done = f"{UNITS_VERSION}:{catalog.generation}"  # this generation's meetings, cut into units this way
        if settings.precompute_sentences and catalog.get_meta(SENTENCES_DONE) != done:
            work.precompute_sentences(catalog.meetings())  # meetings ingested before the setting was on (or cut
            catalog.set_meta(SENTENCES_DONE, done)  # into other units): only texts not stored yet are embedded
        if not reread or all(_under(k, [source_key(r) for r in roots]) for k in catalog.source_paths()):
            catalog.set_meta(READER_RUN, READER_VERSION)  # every indexed file has been read by this version
        catalog.set_meta(CLEAN_RUN, str(catalog.generation))
    report.seconds = time.perf_counter() - t0
    if progress:
        progress(report.files_seen, report.files_seen, report.chunks_added)
    return report


def _remove_leftovers(folder: Path) -> None:
    """Temporary files a killed process left in the index folder (a live process's are left alone)."""
    for p in folder.glob("*.tmp-*"):
        m = re.search(r"\.tmp-(\d+)-\d+", p.name)
        if m and p.is_file() and not p.is_symlink() and not pid_alive(int(m.group(1))):
            p.unlink(missing_ok=True)


def _one_file(
    work: _Ingestor,
    path: Path,
    key: str,
    settings: Settings,
    municipality: str | None,
    read_file: Callable,
    reread: bool = False,
) -> None:
    """Skip the file if unchanged (size+mtime, then hash); else read and chunk it and queue it for writing.

    ``reread``: the index was built by an older reader; an unchanged file is read again, and rewritten only when
    the meeting read from it differs (a file the reader now refuses, e.g. a README, leaves the index)."""
    report = work.report
    row = work.catalog.source(key)

    def failed(problem: Message) -> None:
        """Not indexed: a file that was indexed before (now emptied, damaged or unreadable) leaves the index."""
        report.files_failed += 1
        report.problems.append(problem)
        if row is not None:
            work.remove(key)
            report.problems.append(at(path, Message("removed")))

    limit = int(settings.max_file_mb * 1024 * 1024)
    try:
        st = path.stat()
        if not stat.S_ISREG(st.st_mode):
            return failed(at(path, Message("skipped_not_regular")))
        if st.st_size > limit:  # before any byte is read or hashed
            big = Message("too_big", mb=st.st_size / 1024 / 1024, limit=settings.max_file_mb)
            return failed(refusal(path, big, Message("too_big.hint")))
        if row and row["size"] == st.st_size and row["mtime"] == st.st_mtime and not reread:
            report.files_unchanged += 1
            return None
        digest = file_sha256(path, limit)
        same = bool(row and row["hash"] == digest)  # the bytes the index was built from
        if same:
            work.catalog.touch_source(key, st.st_size, st.st_mtime)
            if not reread:
                report.files_unchanged += 1
                return None
    except OSError as exc:
        return failed(at(path, Message("cannot_read", error=exc.strerror or exc)))
    if st.st_size == 0:
        return failed(at(path, Message("empty")))
    result = read_file(path, settings, municipality)
    for w in result.warnings + (gap_warnings(result.meeting) if result.meeting else []):  # an incomplete parse too
        line = at(path, w)
        if line not in report.warnings:
            report.warnings.append(line)
    if not result.ok:
        error = result.error
        return failed(error.line() if error else at(path, Message("no_meeting_short")))
    meeting = result.meeting
    if same and json.dumps(meeting.to_dict(), ensure_ascii=False) == work.catalog.source_meeting_json(key):
        report.files_unchanged += 1
        return None
    chunks = chunk_meeting(meeting, settings.max_chunk_tokens, work.embedder.count_tokens)
    work.add(_Pending(key, st.st_size, st.st_mtime, digest, meeting, chunks, changed=row is not None))
    return None


def _bar(total: int, show: bool, lang: str):
    if not show:
        return None
    from tqdm import tqdm

    unit, desc = (Message(k).in_language(lang) for k in ("ingest_bar_unit", "ingest_bar"))
    return tqdm(total=total, unit=unit, desc=desc, file=sys.stderr, dynamic_ncols=True)
