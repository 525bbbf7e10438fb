"""Typed records passed between the pipeline stages.

reader -> Meeting/AgendaPoint -> chunking -> Chunk -> index -> Hit -> answering -> Answer/Citation
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

from assistant.messages import Message, refusal


@dataclass(frozen=True)
class Participant:
    name: str
    absent: bool = False
    note: str = ""  # e.g. "Afbud", "Fraværende", "Suppleant for ..."


@dataclass(frozen=True)
class Section:
    heading: str  # as printed, whitespace folded ("Beslutning", "Sagsfremstilling", ...)
    text: str  # clean text, paragraphs separated by a blank line
    level: int = 1  # 1 for a top heading, 2 for a sub-heading (e.g. under Sagsfremstilling)


@dataclass(frozen=True)
class Decision:
    """One decision on a point, under its heading: the deciding body, ISO date and point number where printed."""

    text: str
    body: str = ""  # "Økonomiudvalget", "Udvalget", "" under a plain "Beslutning"
    date: str = ""  # ISO date, "" when the heading gives none
    point: str = ""  # the point number the heading prints ("... den 04.12.2012 Punkt 2"), else ""
    heading: str = ""  # as printed


@dataclass(frozen=True)
class PathEntry:
    """One step of a case's path through the bodies: "Kommunalbestyrelsen den 30. januar 2012 Punkt 5"."""

    body: str
    date: str = ""  # ISO
    point: str = ""


VOTE_POSITIONS = ("for", "against", "abstain", "reservation", "not-taking-part")


@dataclass(frozen=True)
class Vote:
    """A position recorded in a decision: who (names and/or party letters as printed) voted for, against,
    abstained, took a reservation or did not take part."""

    position: str  # one of VOTE_POSITIONS
    who: tuple[str, ...] = ()  # names as printed
    parties: tuple[str, ...] = ()  # party letters as printed: "Ø", "A", "V"
    text: str = ""  # the sentence it was read from
    count: int | None = None  # the number of votes where only a count is printed ("Med stemmerne 19 for og 1 imod")


@dataclass
class AgendaPoint:
    number: str  # as printed: "2", "174", "12a"
    title: str
    type_code: str | None = None  # "B", "D", "O" where printed
    case_number: str | None = None
    closed: bool = False
    sections: list[Section] = field(default_factory=list)
    decision: str | None = None  # the meeting's own decision text (see readers.structure.decision_of), if any
    attachments: list[str] = field(default_factory=list)
    decisions: list[Decision] = field(default_factory=list)  # every decision section, in printed order
    path: list[PathEntry] = field(default_factory=list)  # the case's earlier (and later) handling where printed
    absent: list[str] = field(default_factory=list)  # who did not take part in this point
    votes: list[Vote] = field(default_factory=list)

    def section(self, *names: str) -> Section | None:
        """First section whose heading starts with one of ``names`` (case-insensitive)."""
        wanted = tuple(n.lower() for n in names)
        for s in self.sections:
            if s.heading.lower().startswith(wanted):
                return s
        return None

    @property
    def full_text(self) -> str:
        return "\n\n".join(f"{s.heading}\n{s.text}" if s.heading else s.text for s in self.sections)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> AgendaPoint:
        p = dict(d)
        p["sections"] = [Section(**s) for s in p.get("sections", [])]
        p["decisions"] = [Decision(**x) for x in p.get("decisions", [])]
        p["path"] = [PathEntry(**x) for x in p.get("path", [])]
        p["votes"] = [
            Vote(x["position"], tuple(x.get("who", ())), tuple(x.get("parties", ())), x.get("text", ""),
                 x.get("count"))  # fmt: skip
            for x in p.get("votes", [])
        ]
        return cls(**p)


@dataclass
class Meeting:
    municipality: str | None
    committee: str
    start: datetime | None  # naive local time of the meeting start; time 00:00 when unknown
    place: str | None = None
    kind: str = "referat"  # "referat" | "dagsorden"
    participants: list[Participant] = field(default_factory=list)
    points: list[AgendaPoint] = field(default_factory=list)
    source_path: str = ""
    source_format: str = ""  # "firstagenda-json", "firstagenda-print-text", "firstagenda-print-pdf", "html", "text"
    content_hash: str = ""
    municipality_source: str = ""  # "document", "site", "option", "folder-metadata", "folder-name" or ""
    has_time: bool = True  # False when the document gave a date only
    end_time: str = ""  # "HH:MM" when the document says when the meeting ended ("Sluttidspunkt", "Mødet hævet kl.")
    secretary: str = ""  # who took the minutes, where the document names them ("Sekretær", "Referent")
    url: str = ""  # the meeting's public page (http/https) where the source names it, e.g. FirstAgenda's /vis?id=
    also_in: list[str] = field(default_factory=list)  # names of other files of this meeting (set by the catalog)

    @property
    def date(self) -> date | None:
        return self.start.date() if self.start else None

    @property
    def date_iso(self) -> str:
        return self.start.date().isoformat() if self.start else ""

    @property
    def time_str(self) -> str:
        return self.start.strftime("%H:%M") if self.start and self.has_time else ""

    @property
    def absent(self) -> list[Participant]:
        return [p for p in self.participants if p.absent]

    @property
    def present(self) -> list[Participant]:
        return [p for p in self.participants if not p.absent]

    @property
    def meeting_id(self) -> str:
        """Stable id of the meeting: derived from its source path."""
        return stable_id(self.source_path)

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["start"] = self.start.isoformat() if self.start else None
        d["date"] = self.date_iso
        d["time"] = self.time_str
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Meeting:
        d = dict(d)
        d.pop("date", None)
        d.pop("time", None)
        start = d.pop("start", None)
        parts = [Participant(**p) for p in d.pop("participants", [])]
        return cls(
            start=datetime.fromisoformat(start) if start else None,
            participants=parts,
            points=[AgendaPoint.from_dict(p) for p in d.pop("points", [])],
            **d,
        )


@dataclass(frozen=True)
class ReadProblem:
    """One clear line for the user: which file, what is wrong, what to do."""

    path: str
    problem: str
    hint: str = ""

    def line(self) -> Message:
        """"<path>: <problem> (<hint>)": the readers' problems and hints are Messages, which speak Danish and
        English."""
        return refusal(self.path, self.problem, self.hint)

    def __str__(self) -> str:
        return str(self.line())

    def in_language(self, lang: str) -> str:
        return self.line().in_language(lang)


@dataclass
class ReadResult:
    path: str
    meeting: Meeting | None = None
    warnings: list[str] = field(default_factory=list)
    error: ReadProblem | None = None

    @property
    def ok(self) -> bool:
        return self.meeting is not None and self.error is None


@dataclass(frozen=True)
class Chunk:
    """One indexed piece of an agenda point."""

    id: str  # stable: derived from source, point number and position
    point_key: str  # identifies the agenda point: "<meeting_id>:<point number>"
    text: str  # the embedded text: context line + body
    body: str  # the text of the point (or piece) without the context line
    position: int  # 0.. within the point
    sections: tuple[str, ...]  # headings covered by this chunk
    municipality: str
    committee: str
    meeting_date: str  # ISO date
    meeting_time: str  # HH:MM or ""
    point_number: str
    point_title: str
    case_number: str
    closed: bool
    source: str
    also_in: tuple[str, ...] = ()  # names of other files of this meeting (set when searched; not stored)

    def metadata(self) -> dict[str, Any]:
        """Flat metadata for the vector store (str/int/float/bool only)."""
        return {
            "point_key": self.point_key,
            "position": self.position,
            "sections": " | ".join(self.sections),
            "municipality": self.municipality,
            "committee": self.committee,
            "meeting_date": self.meeting_date,
            "meeting_time": self.meeting_time,
            "date_int": int(self.meeting_date.replace("-", "")) if self.meeting_date else 0,
            "point_number": self.point_number,
            "point_title": self.point_title,
            "case_number": self.case_number,
            "closed": self.closed,
            "source": self.source,
            "text_hash": text_hash(self.text),
        }


@dataclass(frozen=True)
class Filters:
    """Restrictions a user (or the question) puts on a search."""

    municipality: str | None = None
    committee: str | None = None
    date_from: date | None = None
    date_to: date | None = None
    case_number: str | None = None

    def is_empty(self) -> bool:
        return not any(asdict(self).values())

    def covers(self, iso_date: str) -> bool:
        """Whether an ISO date ("2023-01-16") lies in the period, whose open ends are open."""
        return ((self.date_from is None or self.date_from.isoformat() <= iso_date)
                and (self.date_to is None or iso_date <= self.date_to.isoformat()))


@dataclass
class Hit:
    """A retrieved agenda point with the chunks that matched it."""

    point_key: str
    score: float
    chunks: list[Chunk]
    dense_rank: int | None = None
    bm25_rank: int | None = None
    dense_score: float | None = None  # best cosine similarity of the point's chunks to the question

    @property
    def first(self) -> Chunk:
        return self.chunks[0]


@dataclass
class Citation:
    number: int
    municipality: str
    committee: str
    meeting_date: str  # ISO
    point_number: str
    point_title: str
    case_number: str
    source: str
    quote: str  # the quoted passage ("" for a closed point)
    closed: bool = False
    point_key: str = ""
    section: str = ""
    url: str = ""  # the meeting's public page where known (exports link to it; never a server path)
    also_in: list[str] = field(default_factory=list)  # names of other files of the same meeting (not searched)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class Answer:
    question: str
    text: str  # the answer with [n] markers
    citations: list[Citation]
    lang: str = "da"
    refused: bool = False
    nearest: list[Citation] = field(default_factory=list)  # shown when refused
    kind: str = "text"  # "text", "attendance", "participants", "meetings", "case", ...
    flagged: bool = False  # an LLM answer that had ungrounded citations removed
    answerer: str = "extractive"
    timings: dict[str, float] = field(default_factory=dict)
    plan: dict[str, Any] = field(default_factory=dict)  # the analysed question (query.QueryPlan.to_dict)
    evidence: float | None = None  # the evidence score the refusal decision was made on

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def text_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:32]


def stable_id(*parts: object) -> str:
    return hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:20]


def source_key(path: str | Path) -> str:
    """The identity of a source file in the index: its resolved absolute path."""
    return str(Path(path).expanduser().resolve())
