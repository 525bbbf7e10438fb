"""FirstAgenda Publication API meeting documents (``GET /api/agenda/dagsorden/{id}``; FORMATS.md format 2)."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from assistant.messages import Message
from assistant.readers import structure
from assistant.readers.municipality import name_from_site
from assistant.readers.sniff import Unreadable
from assistant.records import AgendaPoint, Meeting, Participant
from assistant.textutil import Block, fold_ws, html_blocks, parse_danish_datetime

FORMAT = "firstagenda-json"
# The publication site the document links to, and the meeting's public page there (the site's own "copy link").
_SITE_BASE_RE = re.compile(r"https?://((?:www\.)?dagsorden(?:er)?\.[a-z0-9-]+\.dk)(?![\w.-])", re.IGNORECASE)
_MEETING_ID_RE = re.compile(r"[0-9A-Za-z][0-9A-Za-z-]{0,63}")


def public_url(data: dict, raw: str) -> str:
    """``https://dagsordener.greve.dk/vis?id=<meeting id>`` when the document names its site and id, else ""."""
    site = _SITE_BASE_RE.search(raw)
    meeting_id = str(data.get("Id") or "").strip()
    if not site or not _MEETING_ID_RE.fullmatch(meeting_id) or set(meeting_id) <= {"0", "-"}:
        return ""
    return f"https://{site.group(1).lower()}/vis?id={meeting_id}"


def is_meeting_document(data: Any) -> bool:
    return (
        isinstance(data, dict)
        and isinstance(data.get("Moede"), dict)
        and isinstance(data.get("Dagsordenpunkter"), list)
    )


def _start(moede: dict) -> tuple[datetime | None, bool]:
    for key in ("Dato", "MeetingBeginUtc"):
        value = moede.get(key)
        if isinstance(value, str) and value:
            try:
                dt = datetime.fromisoformat(value)
            except ValueError:
                dt, has_time = parse_danish_datetime(value)
                if dt:
                    return dt, has_time
                continue
            # Keep the local wall-clock time the site shows; drop the offset.
            dt = dt.replace(tzinfo=None)
            return dt, (dt.hour, dt.minute) != (0, 0)
    return None, False


def _end(moede: dict, start: datetime | None) -> str:
    """ "HH:MM" of MeetingEndUtc (null in every Greve meeting, 2022-2024), in the clock of the start's offset: the
    API writes both with the local offset ("2022-01-10T08:00:00+01:00"), or the end in UTC ("...Z")."""
    value, begin = moede.get("MeetingEndUtc"), moede.get("Dato") or moede.get("MeetingBeginUtc")
    try:
        end = datetime.fromisoformat(value) if isinstance(value, str) and value else None
        first = datetime.fromisoformat(begin) if isinstance(begin, str) and begin else None
    except ValueError:
        return ""
    if end is None or start is None:
        return ""
    if end.tzinfo is not None and first is not None and first.tzinfo is not None:
        end = end.astimezone(first.tzinfo)
    return end.strftime("%H:%M") if end.date() == start.date() else ""


def _participants(moede: dict) -> list[Participant]:
    out = []
    for p in moede.get("Moededeltagere") or []:
        if not isinstance(p, dict) or not fold_ws(str(p.get("Name") or "")):
            continue
        cancelled, absent = bool(p.get("ParticipationCancelled")), bool(p.get("Absent"))
        note = "Afbud" if cancelled else "Fraværende" if absent else ""
        out.append(Participant(name=fold_ws(p["Name"]), absent=cancelled or absent, note=note))
    return out


def _blocks(item: dict) -> list[Block]:
    blocks: list[Block] = []
    for felt in item.get("Felter") or []:
        if not isinstance(felt, dict):
            continue
        name = fold_ws(str(felt.get("Navn") or ""))
        if name:
            blocks.append(Block(name, 3, True, "h"))
        markup = felt.get("Html") or felt.get("Tekst") or ""
        if isinstance(markup, str) and markup.strip():
            blocks.extend(_decision_headed(html_blocks(markup), markup))
    return blocks


# FirstAgenda's export marks the first paragraph of every decision it prints (the meeting's own under "Beslutning",
# each earlier body's under "Sagens forløb") with this class: in the 288 Greve meetings, 3,291 such paragraphs, all
# but those of one meeting under a decision's heading; that meeting prints each point's own decision first, headless.
_DECISION_FIRST = "xsltFirstParagraph"


def _decision_headed(blocks: list[Block], markup: str) -> list[Block]:
    """``blocks`` with a "Beslutning" heading before the decision the markup prints before any heading (its first
    paragraph of class _DECISION_FIRST): the point's own decision, not untitled text before its case."""
    if _DECISION_FIRST not in markup or any(b.heading for b in blocks[:1]):
        return blocks
    import lxml.html

    try:
        root = lxml.html.fromstring(markup)
    except Exception:  # noqa: BLE001 - lxml raises several types on junk; the blocks as they are
        return blocks
    first = next(iter(root.xpath(f"//*[contains(concat(' ', normalize-space(@class), ' '), ' {_DECISION_FIRST} ')]")),
                 None)
    if first is None or first.xpath("preceding::h1|preceding::h2|preceding::h3|preceding::h4|preceding::strong"):
        return blocks
    text = fold_ws(first.text_content())
    at = next((i for i, b in enumerate(blocks) if not b.heading and fold_ws(b.text).startswith(text[:60])), None)
    if at is None or any(b.heading for b in blocks[:at]):
        return blocks
    return [*blocks[:at], Block("Beslutning", 3, True, "h"), *blocks[at:]]


def _attachments(item: dict) -> list[str]:
    bilag = [b for b in item.get("Bilag") or [] if isinstance(b, dict) and b.get("Navn")]
    bilag.sort(key=lambda b: b.get("Order") if isinstance(b.get("Order"), int) else 0)
    return [fold_ws(b["Navn"]) for b in bilag]


def read(data: Any, raw: str, warnings: list[str]) -> tuple[Meeting, str | None]:
    """The meeting, and the municipality named by the publication site the document links to (or None)."""
    if not is_meeting_document(data):
        keys = ", ".join(list(data)[:5]) if isinstance(data, dict) else type(data).__name__
        hint = None
        if isinstance(data, dict) and "Udvalg" in data and "Dagsordenpunkter" not in data:
            hint = "firstagenda_committees.hint"
        raise Unreadable("not_firstagenda", hint, keys=keys)
    moede = data["Moede"]
    udvalg = data.get("Udvalg") if isinstance(data.get("Udvalg"), dict) else {}
    committee = fold_ws(str(udvalg.get("Navn") or moede.get("Navn") or ""))
    start, has_time = _start(moede)
    if start is None:
        warnings.append(Message("json_no_date", field="Moede.Dato"))

    items = [i for i in data["Dagsordenpunkter"] if isinstance(i, dict)]
    item_blocks = [_blocks(i) for i in items]
    known = structure.recurring_headings(item_blocks, min_points=3)
    points: list[AgendaPoint] = []
    absences: list[tuple[str, str]] = []
    for n, (item, blocks) in enumerate(zip(items, item_blocks, strict=True), start=1):
        number = fold_ws(str(item.get("Punktnummer") or item.get("Number") or n))
        title = str(item.get("Navn") or item.get("Caption") or "")
        case = fold_ws(str(item.get("SagsNummer") or item.get("CaseNumber") or "")) or None
        point = structure.make_point(
            number, title, blocks, known, case_number=case, attachments=_attachments(item), committee=committee
        )
        if point.closed:
            point.attachments = []
            absences += structure.absences_in("\n".join(b.text for b in blocks))
        elif point.decision:
            absences += structure.absences_in(point.decision)
        points.append(point)
    if not points:
        warnings.append(Message("no_points_warning"))

    participants = structure.mark_absent(_participants(moede), absences)
    kind = (
        "referat" if any(p.decision for p in points) or "referat" in str(moede.get("Navn", "")).lower() else "dagsorden"
    )
    meeting = Meeting(
        municipality=None,
        committee=committee,
        start=start,
        place=fold_ws(str(moede.get("Sted") or "")) or None,
        kind=kind,
        participants=participants,
        points=points,
        source_format=FORMAT,
        has_time=has_time,
        end_time=_end(moede, start),
        url=public_url(data, raw),
    )
    return meeting, name_from_site(raw)
