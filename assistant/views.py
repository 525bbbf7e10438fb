"""One meeting published as several files (an ESDH export: eDoc/Acadre XML, a DOCX, the full print PDF, one PDF
per agenda item): which file is the meeting's canonical view and which are shadowed by it.

Files are views of one meeting when they name the same municipality, committee and meeting date (folded) and the
points of one are among the points of the other: same number, same title after whitespace and case folding. A
per-item file holds one point of the full meeting; two meetings of one committee on one day have other points and
stay two. The choice depends only on the files (never on the order they were indexed in): the most complete view
wins (more points, then more case numbers, decisions and participants), then the format (``FORMAT_RANK``), then
the path.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from assistant.records import Meeting

# Formats in the order a view is trusted when two are equally complete. Structured exports (eDoc and Acadre XML,
# FirstAgenda JSON) tag every field, so nothing in them was inferred from layout; a DOCX has the document's own
# paragraphs and styles but headings read from them; a web page's structure is the site's markup; PDFs and text are
# read from the printed layout (positions, fonts, line patterns), where a misread line is likeliest.
FORMAT_RANK = {"edoc-xml": 0, "acadre-xml": 0, "firstagenda-json": 0, "docx": 1, "html": 2}
OTHER_FORMAT = 3  # print PDFs and text


def fold(text: str | None) -> str:
    return " ".join((text or "").split()).casefold()


def meeting_key(meeting: Meeting) -> str:
    """The identity views of one meeting share; "" (never grouped) for a meeting without a date."""
    if not meeting.date_iso:
        return ""
    return "\x1f".join((fold(meeting.municipality), fold(meeting.committee), meeting.date_iso))


def completeness(meeting: Meeting) -> tuple[int, int, int, int]:
    """(points, points with a case number, points with a decision, participants)."""
    points = meeting.points
    return (
        len(points),
        sum(bool(p.case_number) for p in points),
        sum(bool(p.decision or p.decisions) for p in points),
        len(meeting.participants),
    )


def format_rank(source_format: str) -> int:
    return FORMAT_RANK.get(source_format, OTHER_FORMAT)


@dataclass(frozen=True)
class View:
    path: str
    completeness: tuple[int, int, int, int]
    format_rank: int
    points: frozenset[tuple[str, str]]  # (number, folded title)

    @property
    def order(self) -> tuple:
        return (*(-n for n in self.completeness), self.format_rank, self.path)


def point_set(points: Iterable[tuple[str, str]]) -> frozenset[tuple[str, str]]:
    return frozenset((fold(number), fold(title)) for number, title in points)


def choose(views: Iterable[View]) -> dict[str, str | None]:
    """Per path: the canonical view's path that shadows it, or None for a canonical view. ``views`` share one
    ``meeting_key``; a view whose points are all in a better view's is shadowed by the best such view."""
    canonical: list[View] = []
    out: dict[str, str | None] = {}
    for v in sorted(views, key=lambda v: v.order):
        owner = next((c for c in canonical if v.points and v.points <= c.points), None)
        if owner is None:
            canonical.append(v)
        out[v.path] = owner.path if owner else None
    return out
