"""Danish BM25 (bm25s + PyStemmer's Danish stemmer), persisted beside the vector store.

Tokens keep case numbers, amounts and codes matchable: "24-012144", "EMN-2025-001234" and "87.500" are emitted
whole and as their parts, so a query for the whole number matches it exactly and a part still matches.
"""

from __future__ import annotations

import json
import math
import os
import re
import shutil
import threading
from array import array
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path

import numpy as np

from assistant.textutil import fold_accents, swaps_and_undoubled

# A word, or alphanumeric runs joined by - . / , (case numbers, amounts, dates, codes such as "EMN-2025-001234").
_TOKEN_RE = re.compile(r"[0-9A-Za-zÀ-ÖØ-öø-ÿ]+(?:[-./,][0-9A-Za-zÀ-ÖØ-öø-ÿ]+)*")
_PART_RE = re.compile(r"[0-9A-Za-zÀ-ÖØ-öø-ÿ]+")

DANISH_STOPWORDS = frozenset(
    """og i at det en den til er som på de med han af for ikke der var mig sig men et har om vi min havde ham hun
    nu over da fra du ud sin dem os op man hans hvor eller hvad skal selv her alle vil blev kunne ind når være dog
    noget ville jo deres efter ned skulle denne end dette mit også under have dig anden hende mine alt meget sit sine
    vor mod disse hvis din nogle hos blive mange ad bliver hendes været thi jer sådan""".split()
)


@lru_cache(maxsize=1)
def _stemmer():
    import Stemmer

    return Stemmer.Stemmer("danish")


# The way tokenize reads text: an index saved with another is rebuilt (2: accents folded, "café" and "cafe" one word)
TOKENS_VERSION = 2


def tokenize(text: str) -> list[str]:
    """Lower-cased tokens, accents folded ("Café" -> cafe): words stemmed (Danish), stopwords dropped; compound codes
    whole plus their parts."""
    stem = _stemmer().stemWord
    out: list[str] = []
    for m in _TOKEN_RE.finditer(fold_accents(text.lower())):
        tok = m.group(0)
        parts = _PART_RE.findall(tok)
        if len(parts) > 1:
            out.append(tok)
            out.extend(_word(p, stem) for p in parts if p not in DANISH_STOPWORDS)
        elif tok not in DANISH_STOPWORDS:
            out.append(_word(tok, stem))
    return out


def _word(tok: str, stem) -> str:
    return stem(tok) if tok.isalpha() else tok


def compound_head(token: str, vocab: dict[str, int] | set[str]) -> str | None:
    """The longest indexed word that heads a Danish compound of the question ("sankthansfest" -> "sankthans"):
    at least 7 letters and 60 % of the compound, so "skolekantine" does not fall back to "skole", nor
    "ungdomsråd" to "ungdom"."""
    if not token.isalpha() or len(token) < 10:
        return None
    for end in range(len(token) - 1, max(7, round(0.6 * len(token))) - 1, -1):
        if token[:end] in vocab:
            # not when the rest names a body ("integrationsråd": a council the minutes never name is no
            # "integration"): the last part says what the thing is
            return None if _BODY_TAIL.fullmatch(token[end:]) else token[:end]
    return None


# The last part of a compound that names a body (with its linking letter): "-sråd", "-udvalg", "-snævn",
# "-bestyrelse"
_BODY_TAIL = re.compile(r"[se]?(?:råd|rådet|udvalg|udvalget|nævn|nævnet|bestyrelse|bestyrelsen)")


def compound_parts(token: str, vocab: dict[str, int] | set[str], stemmed: bool = False) -> tuple[str, str] | None:
    """Two words of ``vocab`` a Danish compound is made of ("døgntakst" -> "døgn", "takst"): each at least 4
    letters, a linking "s" or "e" between them allowed ("affaldsgebyr" -> "affald", "gebyr"); the split with the
    longest first part. ``stemmed``: a vocabulary of stems, the first part's stem in it ("spejderlejr" -> "spejd",
    "lejr": "Spejdernes Lejr")."""
    if not token.isalpha() or len(token) < 8:
        return None
    stem = _stemmer().stemWord
    for cut in range(len(token) - 4, 3, -1):
        head, tail = token[:cut], token[cut:]
        if tail not in vocab:
            continue
        for word in (head, head[:-1] if head[-1] in "se" and len(head) > 4 else ""):
            if word and word in vocab:
                return word, tail
            if word and stemmed and len(word) >= 4 and (root := stem(word)) in vocab:
                return root, tail
    return None


# A Danish compound of the question is also searched as its two words ("affaldsgebyret": "gebyrer for
# husholdningsaffald"), each at this share of a word of the question. On the three dev sets (full corpus) 0.3 / 0.5 /
# 0.7 / 1.0 gave dev3 first citation 0.905 / 0.952 / 0.976 / 0.976; at 1.0 the parts of a rare compound
# ("forandringsteorier") outweighed it and dev_other lost a first citation (do006).
PART_WEIGHT = 0.7
META_FIELDS = ("municipality", "committee", "case_number")  # filtered case-insensitively, as the catalog does


def top_k(scores: np.ndarray, k: int, tie: np.ndarray) -> np.ndarray:
    """The positions of the ``k`` best ``scores``, best first, equal scores in ``tie`` order (lowest first)."""
    k = min(k, len(scores))
    if k <= 0:
        return np.zeros(0, dtype=np.int64)
    kth = np.partition(scores, len(scores) - k)[len(scores) - k]
    cand = np.flatnonzero(scores >= kth)
    return cand[np.lexsort((tie[cand], -scores[cand]))[:k]]


# A typing slip is corrected only in a token this long (a short one's neighbours are other words: "mål"/"måle") and
# to a token this many chunks use (a rare one may itself be a slip or a name).
TYPO_MIN_CHARS = 6
TYPO_MIN_CHUNKS = 3

# How often general Danish text uses a word stem (data/danish_frequency.tsv, from wordfreq's Danish list: see
# data/build_danish_frequency.py), read as the chance that a chunk of CHUNK_WORDS words uses it. The chunks of the
# full shared corpus average 148 words, of the one-meeting indexes of Ballerup, Slagelse and Syddjurs 104-133.
GENERAL_FREQUENCY = Path(__file__).resolve().parent / "data" / "danish_frequency.tsv"
CHUNK_WORDS = 150


@lru_cache(maxsize=1)
def _general_zipf() -> dict[str, float]:
    out: dict[str, float] = {}
    for line in GENERAL_FREQUENCY.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            stem, zipf = line.split("\t")
            out[stem] = float(zipf)
    return out


def general_share(term: str) -> float:
    """The chance that a chunk of general Danish text uses ``term`` (a stem as tokenize makes it, or a word): 0 for
    a word the general list lacks (a name, a rare compound: "kulturkommune"), 0.2 for "gang" (gang, gange, ...)."""
    table = _general_zipf()
    zipf = table.get(term)
    if zipf is None:
        tokens = tokenize(term)
        zipf = table.get(tokens[0]) if len(tokens) == 1 else None
    return 0.0 if zipf is None else 1.0 - math.exp(-(10 ** (zipf - 9)) * CHUNK_WORDS)


class BM25Index:
    """BM25 over chunk ids; ``search`` can be restricted to allowed ids (a filter from the catalog) or to a mask
    from ``mask()`` when the index was built with each chunk's filter fields (a vectorised filter: no O(N) SQL)."""

    def __init__(self) -> None:
        self.ids: list[str] = []
        self._pos: dict[str, int] = {}
        self._model = None
        self.generation: int = -1
        self._meta: dict[str, np.ndarray] | None = None  # field -> codes (or date_int), aligned with ids
        self._vocab: dict[str, dict[str, int]] = {}  # field -> lower-cased value -> code
        self._tie: np.ndarray | None = None  # tie_order, made on first use

    def __len__(self) -> int:
        return len(self.ids)

    def build(
        self,
        ids: Sequence[str],
        texts: Iterable[str],
        generation: int = -1,
        meta: Sequence[tuple[str, str, str, int]] | None = None,
    ) -> BM25Index:
        """``meta``: per id (municipality, committee, case_number, date_int), to filter without the catalog.

        ``texts`` may be a generator that fills ``ids`` and ``meta`` as it goes (they are read after it is consumed).
        """
        import bm25s
        from bm25s.tokenization import Tokenized

        # Token ids in compact arrays while streaming the texts: 4 bytes a token instead of a Python string each
        # (a million chunks of ~150 tokens would otherwise hold ~10 GB of token strings during the build).
        vocab: dict[str, int] = {}
        corpus = [array("I", [vocab.setdefault(tok, len(vocab)) for tok in tokenize(t)]) for t in texts]
        self.ids = list(ids)
        self._set_meta(meta)
        self._pos = {cid: i for i, cid in enumerate(self.ids)}
        self.generation = generation
        if len(corpus) != len(self.ids):
            raise ValueError(f"BM25: {len(self.ids)} ids but {len(corpus)} texts")
        if not self.ids or not vocab:  # nothing searchable (bm25s cannot index an empty vocabulary)
            self._model = None
            return self
        model = bm25s.BM25(k1=1.2, b=0.75)
        model.index(Tokenized(ids=corpus, vocab=vocab), show_progress=False)
        self._model = model
        return self

    def _set_meta(self, meta: Sequence[tuple[str, str, str, int]] | None) -> None:
        self._tie = None
        if meta is None:
            self._meta, self._vocab = None, {}
            return
        if len(meta) != len(self.ids):
            raise ValueError(f"BM25: {len(self.ids)} ids but {len(meta)} metadata rows")
        self._meta, self._vocab = {}, {}
        for col, field in enumerate(META_FIELDS):
            vocab: dict[str, int] = {}
            codes = [vocab.setdefault((row[col] or "").lower(), len(vocab)) for row in meta]
            self._meta[field] = np.asarray(codes, dtype=np.int32)
            self._vocab[field] = vocab
        self._meta["date_int"] = np.asarray([int(row[3] or 0) for row in meta], dtype=np.int32)

    def knows(self, word: str) -> bool:
        """Whether every token of ``word`` is in the index's vocabulary."""
        toks = tokenize(word)
        return self._model is not None and bool(toks) and all(t in self._model.vocab_dict for t in toks)

    def correction(self, word: str) -> str | None:
        """The token ``word`` was most likely meant as, when it is a slip of typing: its one token is unknown, and two
        neighbouring letters swapped ("forenigner" -> forening) or one letter doubled ("kommunnen") give a token the
        minutes use in at least TYPO_MIN_CHUNKS chunks (the most used, if several); else None. Only these two slips:
        on the dev sets' Danish questions, any one letter replaced, dropped or added also turned real words the
        minutes never use into others ("badeland" -> badevand, "beskåret" -> består, "borgerløn" -> borgerløb)."""
        toks = tokenize(word)
        if self._model is None or len(toks) != 1 or len(toks[0]) < TYPO_MIN_CHARS:
            return None
        tok, vocab = toks[0], self._model.vocab_dict
        if tok in vocab:
            return None
        found = [(self.term_doc_freq(t), t) for t in swaps_and_undoubled(tok) if t in vocab]
        best = max(found, default=(0, ""))
        return best[1] if best[0] >= TYPO_MIN_CHUNKS else None

    def inflection(self, word: str) -> str | None:
        """The token of a weak verb's other forms when ``word`` is its past tense: the Danish stemmer keeps "-ed" of
        "-ede" ("arvede" -> arved, "anbefalede" -> anbefaled) but strips the participle's "-et" and the noun's
        endings ("arvet", "arv" -> arv), so a question in the past tense misses the minutes' "har arvet". The other
        forms' token when the minutes use it in more chunks (at least TYPO_MIN_CHUNKS); else None."""
        w = word.lower()
        toks = tokenize(w)
        if self._model is None or len(toks) != 1 or not w.endswith("ede") or len(w) < TYPO_MIN_CHARS:
            return None
        base = tokenize(w[:-3])
        if len(base) != 1 or base[0] == toks[0] or base[0] not in self._model.vocab_dict:
            return None
        df = self.term_doc_freq(base[0])
        return base[0] if df >= TYPO_MIN_CHUNKS and df > self.term_doc_freq(toks[0]) else None

    def term_doc_freq(self, term: str) -> int:
        """In how many chunks a question's term occurs: a stem (query.content_terms) is a token as it is, not
        stemmed again ("indberet", the stem of "indberettet", would become "indb"); any other word as doc_freq."""
        if self._model is not None and term in self._model.vocab_dict:
            return self._token_df(term)
        return self.doc_freq(term)

    def doc_freq(self, word: str) -> int:
        """In how many chunks the rarest token of ``word`` occurs (0 for a word the minutes never use)."""
        toks = tokenize(word)
        if self._model is None or not toks:
            return 0
        vocab = self._model.vocab_dict
        return min(self._token_df(t) if t in vocab else 0 for t in toks)

    def _token_df(self, token: str) -> int:
        """In how many chunks an indexed token occurs (its column's length in the score matrix)."""
        indptr, i = self._model.scores["indptr"], self._model.vocab_dict[token]
        return int(indptr[i + 1] - indptr[i])

    def allows(self, cid: str, mask: np.ndarray) -> bool:
        """Whether chunk ``cid`` is in this index and passes ``mask``."""
        pos = self._pos.get(cid)
        return pos is not None and bool(mask[pos])

    @property
    def has_meta(self) -> bool:
        return self._meta is not None

    @property
    def tie_order(self) -> np.ndarray:
        """Each row's place among equal scores: the oldest meeting first (where a case's text was written), then by
        chunk id. Greve repeats a case's text from fagudvalg to Økonomiudvalget to Byrådet, so identical chunks tie;
        without a fixed order their ranks (and the fused scores) followed the order the files were ingested in, and
        a re-ingest that changed no text moved answers. (Newest first instead gave the same first citations on the
        five dev sets, 2026-12-04, one recall@5 less on dev and one more false refusal on dev4.)"""
        if self._tie is None or len(self._tie) != len(self.ids):
            dates = self._meta["date_int"] if self._meta is not None else np.zeros(len(self.ids), dtype=np.int32)
            order = np.lexsort((np.asarray(self.ids), dates.astype(np.int64)))
            tie = np.empty(len(self.ids), dtype=np.int64)
            tie[order] = np.arange(len(self.ids))
            self._tie = tie
        return self._tie

    def mask(
        self,
        municipality: str | None = None,
        committee: str | None = None,
        date_from: int | None = None,
        date_to: int | None = None,
        case_number: str | None = None,
    ) -> np.ndarray:
        """Boolean mask over ``ids`` of the chunks that pass the filter (needs ``has_meta``)."""
        if self._meta is None:
            raise ValueError("BM25: this index was built without chunk metadata; filter with allowed ids instead")
        keep = np.ones(len(self.ids), dtype=bool)
        for field, value in (("municipality", municipality), ("committee", committee), ("case_number", case_number)):
            if value:
                code = self._vocab[field].get(value.lower())
                if code is None:
                    return np.zeros(len(self.ids), dtype=bool)
                keep &= self._meta[field] == code
        if date_from:
            keep &= self._meta["date_int"] >= int(date_from)
        if date_to:
            keep &= self._meta["date_int"] <= int(date_to)
        return keep

    def search(
        self, query: str, k: int, allowed: Iterable[str] | np.ndarray | None = None, compounds: bool = True,
        term: bool = False,
    ) -> list[tuple[str, float]]:
        """Best ``k`` (id, score) with score > 0; ``allowed`` is a set of ids or a boolean mask over ``self.ids``;
        ``compounds``: also search the indexed head of a compound the index lacks (``compound_head``), and the two
        words a compound is made of (``compound_parts``, at PART_WEIGHT); ``term``: the query is a question's term,
        a stem searched as it is when it is a token (see term_doc_freq)."""
        if self._model is None or k <= 0:
            return []
        vocab = self._model.vocab_dict
        words = [query] if term and query in vocab else tokenize(query)
        toks = [t for t in words if t in vocab]
        parts: list[str] = []
        if compounds:
            toks += [h for t in words if (h := compound_head(t, vocab)) and h not in toks]
            parts = [w for t in words if (pair := compound_parts(t, vocab)) for w in pair if w not in toks]
            parts = list(dict.fromkeys(parts))
        if not toks and not parts:
            return []
        mask = None
        if allowed is not None:
            if isinstance(allowed, np.ndarray) and allowed.dtype == bool:
                if not allowed.any():
                    return []
                mask = allowed.astype(np.float32)
            else:
                mask = np.zeros(len(self.ids), dtype=np.float32)
                idx = [self._pos[a] for a in allowed if a in self._pos]
                if not idx:
                    return []
                mask[idx] = 1.0
        scores = self._model.get_scores(toks, weight_mask=mask) if toks else np.zeros(len(self.ids), np.float32)
        if parts:
            scores = scores + PART_WEIGHT * self._model.get_scores(parts, weight_mask=mask)
        k = min(k, int((scores > 0).sum()))
        return [(self.ids[i], float(scores[i])) for i in top_k(scores, k, self.tie_order)]

    def save(self, folder: Path) -> None:
        """Write atomically: a temporary folder beside ``folder`` (every file fsynced), then two renames under an
        exclusive lock. Loads hold the shared lock, so a reader in any process sees the old or the new folder,
        never a half or none; savers in several processes take turns. Leftovers of killed savers are removed."""
        folder = Path(folder)
        folder.parent.mkdir(parents=True, exist_ok=True)
        tmp = folder.with_name(f"{folder.name}.tmp-{os.getpid()}-{threading.get_ident()}")
        shutil.rmtree(tmp, ignore_errors=True)
        tmp.mkdir(parents=True)
        try:
            if self._model is not None:
                self._model.save(str(tmp / "model"))
            (tmp / "ids.json").write_text(
                json.dumps({"generation": self.generation, "tokens": TOKENS_VERSION, "ids": self.ids}),
                encoding="utf-8",
            )
            if self._meta is not None:
                np.savez(tmp / "meta.npz", **self._meta)
                (tmp / "meta_vocab.json").write_text(json.dumps(self._vocab, ensure_ascii=False), encoding="utf-8")
            _fsync_tree(tmp)
            with _swap_lock(folder, exclusive=True):
                _remove_leftovers(folder)
                old = folder.with_name(f"{folder.name}.old-{os.getpid()}-{threading.get_ident()}")
                if folder.exists():
                    folder.rename(old)
                tmp.rename(folder)
                _fsync_dir(folder.parent)
            shutil.rmtree(old, ignore_errors=True)
        finally:
            shutil.rmtree(tmp, ignore_errors=True)

    @classmethod
    def load(cls, folder: Path) -> BM25Index:
        with _swap_lock(Path(folder), exclusive=False):
            return cls._load(Path(folder))

    @classmethod
    def _load(cls, folder: Path) -> BM25Index:
        import bm25s

        meta = json.loads((folder / "ids.json").read_text(encoding="utf-8"))
        idx = cls()
        idx.ids = meta["ids"]
        idx._pos = {cid: i for i, cid in enumerate(idx.ids)}
        idx.generation = int(meta["generation"])
        if (folder / "model").exists():
            idx._model = bm25s.BM25.load(str(folder / "model"))
        if (folder / "meta.npz").exists() and (folder / "meta_vocab.json").exists():
            with np.load(folder / "meta.npz") as arrays:
                meta = {k: arrays[k] for k in arrays.files}
            if all(len(v) == len(idx.ids) for v in meta.values()):
                idx._meta = meta
                idx._vocab = json.loads((folder / "meta_vocab.json").read_text(encoding="utf-8"))
        return idx

    @staticmethod
    def stored_generation(folder: Path) -> int | None:
        try:
            with _swap_lock(Path(folder), exclusive=False):
                head = json.loads((Path(folder) / "ids.json").read_text(encoding="utf-8"))
            # tokens read another way (an older version's index) are no generation of this one's: rebuilt
            return int(head["generation"]) if head.get("tokens", 1) == TOKENS_VERSION else None
        except (OSError, ValueError, KeyError):
            return None


@contextmanager
def _swap_lock(folder: Path, exclusive: bool) -> Iterator[None]:
    """An advisory lock beside ``folder`` (``<name>.lock``): shared while reading, exclusive while swapping."""
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock (the rename is still atomic)
        yield
        return
    if not folder.parent.is_dir():
        yield
        return
    with open(folder.with_name(folder.name + ".lock"), "a+b") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def pid_alive(pid: int) -> bool:
    """Whether process ``pid`` still runs: a temporary name carrying a live pid belongs to a writer at work."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _remove_leftovers(folder: Path) -> None:
    """Temporary and old folders a killed saver left beside ``folder`` (a live saver's are left alone)."""
    for p in folder.parent.glob(f"{folder.name}.*-*"):
        m = re.fullmatch(re.escape(folder.name) + r"\.(?:tmp|old)-(\d+)(?:-\d+)?", p.name)
        if m and p.is_dir() and not p.is_symlink() and not pid_alive(int(m.group(1))):
            shutil.rmtree(p, ignore_errors=True)


def _fsync_tree(root: Path) -> None:
    for p in sorted(root.rglob("*"), reverse=True):
        if p.is_file():
            with open(p, "rb") as fh:
                os.fsync(fh.fileno())
    for p in [*(d for d in root.rglob("*") if d.is_dir()), root]:
        _fsync_dir(p)


def _fsync_dir(path: Path) -> None:
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
