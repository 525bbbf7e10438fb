"""In-memory fakes of the index facade (Index, Catalog, Embedder) for fast unit tests of answer logic.

The fake embedder hashes word stems into a vector, so texts sharing words are similar; the fake BM25 counts shared
stems. Only the narrow door (the methods assistant.retrieval/answering/structured call) is faked.
"""

from __future__ import annotations

import hashlib
import math
from datetime import date, datetime

import numpy as np

from assistant.bm25 import general_share
from assistant.index import rarity
from assistant.query import stems
from assistant.records import AgendaPoint, Chunk, Filters, Meeting, Participant, Section

DIM = 256


class FakeEmbedder:
    name = "fake"
    model_id = "fake-hash"
    dim = DIM

    def _vec(self, text: str) -> np.ndarray:
        v = np.zeros(DIM, dtype=np.float32)
        for s in stems(text):
            h = int(hashlib.md5(s.encode()).hexdigest(), 16)
            v[h % DIM] += 1.0
        n = np.linalg.norm(v)
        return v / n if n else v

    def embed_passages(self, texts: list[str]) -> np.ndarray:
        return np.stack([self._vec(t) for t in texts]) if texts else np.zeros((0, DIM), dtype=np.float32)

    def embed_query(self, text: str) -> np.ndarray:
        return self._vec(text)


def chunk_point(meeting: Meeting, point: AgendaPoint) -> Chunk:
    body = point.title if point.closed else point.full_text
    return Chunk(
        id=f"{meeting.meeting_id}:{point.number}:0",
        point_key=f"{meeting.meeting_id}:{point.number}",
        text=f"{meeting.committee} {meeting.date_iso} punkt {point.number}: {point.title}\n{body}",
        body=body,
        position=0,
        sections=tuple(s.heading for s in point.sections),
        municipality=meeting.municipality or "",
        committee=meeting.committee,
        meeting_date=meeting.date_iso,
        meeting_time=meeting.time_str,
        point_number=point.number,
        point_title=point.title,
        case_number=point.case_number or "",
        closed=point.closed,
        source=meeting.source_path,
    )


def _allowed(c: Chunk, f: Filters | None) -> bool:
    if f is None:
        return True
    d = date.fromisoformat(c.meeting_date) if c.meeting_date else None
    return not (
        (f.municipality and c.municipality.lower() != f.municipality.lower())
        or (f.committee and c.committee.lower() != f.committee.lower())
        or (f.case_number and c.case_number.upper() != f.case_number.upper())
        or (f.date_from and (d is None or d < f.date_from))
        or (f.date_to and (d is None or d > f.date_to))
    )


class FakeCatalog:
    def __init__(self, meetings: list[Meeting]):
        self._meetings = sorted(meetings, key=lambda m: m.start or datetime.min)
        self._chunks = [chunk_point(m, p) for m in self._meetings for p in m.points]

    def meetings(self, municipality=None, committee=None, date_from=None, date_to=None, last=None) -> list[Meeting]:
        out = []
        for m in self._meetings:
            if municipality and (m.municipality or "").lower() != municipality.lower():
                continue
            if committee and m.committee.lower() != committee.lower():
                continue
            if date_from and (m.date is None or m.date < date_from):
                continue
            if date_to and (m.date is None or m.date > date_to):
                continue
            out.append(m)
        return out[-last:] if last else out

    def meeting(self, meeting_id: str) -> Meeting | None:
        return next((m for m in self._meetings if m.meeting_id == meeting_id), None)

    def meeting_ids_with_point(self, number: str, filters: Filters | None = None) -> list[str]:
        f = filters or Filters()
        found = self.meetings(f.municipality, f.committee, f.date_from, f.date_to)
        return [m.meeting_id for m in found if any(p.number.lower() == number.lower() for p in m.points)]

    def point(self, point_key: str):
        mid, _, number = point_key.partition(":")
        m = self.meeting(mid)
        p = next((p for p in m.points if p.number == number), None) if m else None
        return (m, p) if p else None

    def agenda_point(self, point_key: str):
        found = self.point(point_key)
        return found[1] if found else None

    def points_by_case(self, case_number: str):
        case = case_number.upper()
        return [(m, p) for m in self._meetings for p in m.points if (p.case_number or "").upper() == case]

    def chunks(self, ids: list[str]) -> list[Chunk]:
        by_id = {c.id: c for c in self._chunks}
        return [by_id[i] for i in ids if i in by_id]

    def chunks_for_point(self, point_key: str) -> list[Chunk]:
        return [c for c in self._chunks if c.point_key == point_key]

    def committees(self):
        rows: dict[tuple[str, str], list[str]] = {}
        for m in self._meetings:
            rows.setdefault((m.municipality or "", m.committee), []).append(m.date_iso)
        return [(mu, c, len(d), min(d), max(d)) for (mu, c), d in sorted(rows.items())]

    def municipalities(self) -> list[str]:
        return sorted({m.municipality for m in self._meetings if m.municipality})

    def latest_meetings(self, n: int) -> list[Meeting]:
        return list(reversed(self._meetings))[:n]

    def source_mtime_max(self) -> float:
        return 0.0


class FakeIndex:
    def __init__(self, meetings: list[Meeting], settings=None):
        self.settings = settings
        self.catalog = FakeCatalog(meetings)
        self.embedder = FakeEmbedder()
        self._vectors = self.embedder.embed_passages([c.text for c in self.catalog._chunks])
        self.dense_calls: list[Filters | None] = []

    def dense_vector(self, vector, k: int, filters: Filters | None = None):
        self.dense_calls.append(filters)
        chunks = self.catalog._chunks
        sims = self._vectors @ np.asarray(vector, dtype=np.float32) if chunks else []
        ranked = sorted(
            ((c, float(s)) for c, s in zip(chunks, sims, strict=True) if _allowed(c, filters)),
            key=lambda t: -t[1],
        )
        return ranked[:k]

    def dense(self, query: str, k: int, filters: Filters | None = None):
        return self.dense_vector(self.embedder.embed_query(query), k, filters)

    def knows(self, word: str) -> bool:
        return bool(stems(word)) and stems(word) <= set().union(*(stems(c.text) for c in self.catalog._chunks))

    def correction(self, word: str) -> str | None:
        """No typing slips corrected (BM25Index.correction is tested on a real BM25 index)."""
        return None

    def inflection(self, word: str) -> str | None:
        """No past tenses mapped (BM25Index.inflection is tested on a real BM25 index)."""
        return None

    def _doc_freq(self, word: str) -> int:
        s = stems(word)
        return sum(1 for c in self.catalog._chunks if s and s <= stems(c.text))

    def specificity(self, word: str, lang: str = "da") -> float:
        """As the real index's (index.rarity), over the chunks."""
        return rarity(self._doc_freq(word), len(self.catalog._chunks), general_share(word) if lang != "en" else None)

    def doc_freq(self, word: str) -> int:
        return self._doc_freq(word)

    def doc_share(self, word: str) -> float:
        return self._doc_freq(word) / max(len(self.catalog._chunks), 1)

    def bm25(self, query: str, k: int, filters: Filters | None = None, compounds: bool = True, term: bool = False):
        q = stems(query)
        out = []
        for c in self.catalog._chunks:
            if not _allowed(c, filters):
                continue
            s = stems(c.text)
            score = sum(1.0 / math.log(2 + len(s)) for t in q if t in s)
            if score > 0:
                out.append((c, score))
        return sorted(out, key=lambda t: -t[1])[:k]

    def clear_caches(self) -> None:
        """Nothing kept between questions."""

    def close(self) -> None:
        pass


def meeting(
    committee: str,
    day: str,
    points: list[AgendaPoint],
    municipality: str = "Testby Kommune",
    participants: list[Participant] | None = None,
) -> Meeting:
    """A meeting for tests: ``day`` is ISO, the source path is unique per committee and day."""
    return Meeting(
        municipality=municipality,
        committee=committee,
        start=datetime.fromisoformat(day + "T16:00"),
        participants=participants or [],
        points=points,
        source_path=f"/minutes/{committee.replace(' ', '_')}_{day}.json",
        source_format="firstagenda-json",
    )


def point(number: str, title: str, case: str = "", closed: bool = False, **sections: str) -> AgendaPoint:
    """A point with sections given as keyword arguments (underscores become spaces)."""
    secs = [Section(heading=h.replace("_", " "), text=t) for h, t in sections.items()]
    decision = next((s.text for s in secs if s.heading.lower().startswith("beslutning")), None)
    return AgendaPoint(number=number, title=title, case_number=case or None, closed=closed, sections=secs,
                       decision=decision)
