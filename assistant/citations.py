"""Citations: building them from index records and rendering them as readable references."""

from __future__ import annotations

import re

from assistant.prompts import format_date, phrase
from assistant.records import AgendaPoint, Chunk, Citation, Meeting

_TYPE_CODE = re.compile(r"\s*\([A-ZÆØÅ]\)\s*$")


def clean_title(title: str) -> str:
    """The point title without a trailing type code such as ' (B)'."""
    return _TYPE_CODE.sub("", title or "").strip()


def render_citation(c: Citation, lang: str = "da") -> str:
    """One line: municipality, committee, meeting date, point number and title, case number.

    Danish: "Slagelse Kommune, Økonomiudvalget, møde 9. december 2025, punkt 2: Titel (sag 24-012144)";
    English: "..., meeting 9 December 2025, item 2: Titel (case 24-012144)". The words come from PHRASES.
    A closed point adds "(lukket punkt)" and is never quoted; a citation without a point number
    cites the whole meeting.
    """
    parts = [p for p in (c.municipality, c.committee) if p]
    if c.meeting_date:
        parts.append(phrase("cite_meeting", lang, date=format_date(c.meeting_date, lang)))
    text = ", ".join(parts)
    if c.point_number:
        item = phrase("cite_point", lang, number=c.point_number, title=clean_title(c.point_title))
        text = f"{text}, {item}" if text else item
    if c.case_number:
        text += f" ({phrase('cite_case', lang, case=c.case_number)})"
    if c.closed:
        text += f" ({phrase('closed_note', lang)})"
    return text


def closed_point_text(c: Citation, lang: str = "da") -> str:
    """The answer about a closed point: its title, committee, meeting date and number, and that its content is not
    shown (the minutes' record of where and when it was handled is public; its content is never quoted)."""
    ref = phrase("point_ref", lang, committee=c.committee, date=format_date(c.meeting_date, lang),
                 number=c.point_number)
    return phrase("closed_point", lang, title=clean_title(c.point_title), ref=ref)


def citation_from_chunk(number: int, chunk: Chunk, quote: str = "", section: str = "") -> Citation:
    """A citation of the agenda point a chunk belongs to (no quote for a closed point)."""
    return Citation(
        number=number,
        municipality=chunk.municipality or "",
        committee=chunk.committee,
        meeting_date=chunk.meeting_date,
        point_number=chunk.point_number,
        point_title=chunk.point_title,
        case_number=chunk.case_number or "",
        source=chunk.source,
        quote="" if chunk.closed else quote,
        closed=chunk.closed,
        point_key=chunk.point_key,
        section=section,
        also_in=list(chunk.also_in),
    )


def citation_from_point(
    number: int, meeting: Meeting, point: AgendaPoint | None, quote: str = "", section: str = ""
) -> Citation:
    """A citation of a point (or of the meeting as a whole when ``point`` is None)."""
    closed = bool(point and point.closed)
    return Citation(
        number=number,
        municipality=meeting.municipality or "",
        committee=meeting.committee,
        meeting_date=meeting.date_iso,
        point_number=point.number if point else "",
        point_title=point.title if point else "",
        case_number=(point.case_number or "") if point else "",
        source=meeting.source_path,
        quote="" if closed else quote,
        closed=closed,
        point_key=f"{meeting.meeting_id}:{point.number}" if point else meeting.meeting_id,
        section=section,
        url=meeting.url,
        also_in=list(meeting.also_in),
    )


def render_reference_list(citations: list[Citation], lang: str = "da") -> str:
    """Numbered references, one per line: "[1] ..."."""
    return "\n".join(f"[{c.number}] {render_citation(c, lang)}" for c in citations)
