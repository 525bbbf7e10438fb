"""Acadre MM (mødemodul) XML: ``root/table name=…/fields/field name=…``, one meeting's agenda or referat.

``table name="agenda"`` holds the agenda (its ``name`` is "Referat" or "Dagsorden") with the committee and its
members; ``table name="meeting"`` the date, place and the members with an ``absent`` flag; every
``table name="agendaitemparents"`` one item: its printed number (``sort``, running numbers such as 715) and an
``agendaitem`` table with title, case number (``caseno``), access and the item's fields (``bullet``: a heading
``bulletname`` and HTML ``bulletcontent``), one "Beslutning i <udvalg> den DD-MM-YYYY" per meeting that handled it.

A manifest (``XML_<n>_manifest.xml``: ``root/org`` and ``producedAgenda`` tables) lists a meeting's files; it is
not minutes and is refused with the name of the meeting file to read instead.
"""

from __future__ import annotations

import re
from datetime import datetime

from assistant import vocabulary
from assistant.messages import Message
from assistant.readers import structure
from assistant.readers.sniff import Unreadable, parse_xml
from assistant.records import AgendaPoint, Meeting, Participant
from assistant.textutil import Block, fold_ws, html_blocks, parse_danish_datetime

FORMAT = "acadre-xml"
_OPEN = ("åben", "aaben", "offentlig")


def _place(meeting: dict[str, str]) -> str | None:
    """The meeting's ``location`` and its ``address`` (lines joined by "<br>"): "Kaløvig Kursuscenter, Præstekravevej
    46, Følle Strand, 8410 Rønde"."""
    lines = [fold_ws(meeting.get("location", "")), *re.split(r"<br\s*/?>|\n", meeting.get("address", ""), flags=re.I)]
    parts = list(dict.fromkeys(p for p in (fold_ws(x) for x in lines) if p))
    return ", ".join(parts) or None


def fields(table) -> dict[str, str]:  # noqa: ANN001 - lxml element
    """``field name=…`` values of a table's own ``fields`` (first occurrence wins)."""
    out: dict[str, str] = {}
    for fs in table.findall("fields"):
        for f in fs.findall("field"):
            name = f.get("name")
            if name and name not in out:
                out[name] = f.text or ""
    return out


def tables(el, name: str) -> list:  # noqa: ANN001
    return [t for t in el.iter("table") if t.get("name") == name]


def _member(f: dict[str, str]) -> Participant | None:
    p = vocabulary.parse_participant(fold_ws(f.get("name", "")))
    if p is None:
        return None
    party = fold_ws(f.get("party", ""))
    notes = [n for n in (*p.note.split("; "), party, fold_ws(f.get("comment", ""))) if n]
    absent = fold_ws(f.get("absent", "")) not in ("", "0", "false", "False")
    if absent:
        notes.append("Fraværende")
    return Participant(p.name, absent or p.absent, "; ".join(dict.fromkeys(n for n in notes if n)))


def _participants(root) -> list[Participant]:  # noqa: ANN001
    meeting = tables(root, "meeting")
    source = tables(meeting[0], "member") if meeting else []
    if not source:  # no meeting members: the committee's members, attendance unknown
        source = [m for c in tables(root, "committee") for m in tables(c, "member")]
    people = [_member(fields(t)) for t in source]
    return [p for p in people if p is not None]


def _point(parent, committee: str) -> AgendaPoint | None:  # noqa: ANN001
    items = tables(parent, "agendaitem")
    if not items:
        return None
    item = items[0]
    f = fields(item)
    number = fold_ws(fields(parent).get("sort", "")) or fold_ws(f.get("sysid", ""))
    title = fold_ws(f.get("name", ""))
    case = fold_ws(f.get("caseno", "")) or None
    access = fold_ws(f.get("accessname", "")).lower()
    if access and not access.startswith(_OPEN):
        return AgendaPoint(number=number, title=title, case_number=case, closed=True)
    blocks: list[Block] = []
    bullets = sorted(tables(item, "bullet"), key=lambda t: _order(fields(t).get("bulletsortorder", "")))
    for b in bullets:
        bf = fields(b)
        # a line break in HTML source is a space (Word's HTML wraps its lines); <br> still breaks the line
        body = html_blocks(re.sub(r"\s*[\r\n]+\s*", " ", bf.get("bulletcontent", "")))
        if not body:
            continue  # an empty field ("Lovgrundlag" with no text) prints nothing
        blocks.append(Block(fold_ws(bf.get("bulletname", "")), heading=2, bold=True, kind="h"))
        blocks += body
    attachments = [fold_ws(fields(t).get("name", "")) for t in tables(item, "enclosure")]
    point = structure.make_point(number, title, blocks, set(), case_number=case, committee=committee,
                                 attachments=[a for a in attachments if a] or None)  # fmt: skip
    absent = vocabulary.split_names(f.get("absent", "")) + vocabulary.split_names(f.get("excuse", ""))
    point.absent = list(dict.fromkeys([*point.absent, *absent]))  # the item's own absence fields
    return point


def _order(value: str) -> int:
    value = value.strip()
    return int(value) if value.isdigit() else 10**6


def _number_key(p: AgendaPoint) -> tuple[int, str]:
    m = re.match(r"\d+", p.number)
    return (int(m.group()) if m else 10**6, p.number)


def read_manifest(root) -> Unreadable:  # noqa: ANN001
    """The problem for a manifest: which file holds the referat (type 2) or the agenda (type 1)."""
    files = {}
    for t in tables(root, "producedAgenda"):
        for fs in t.findall("fields"):
            attrs = {k: v for f in fs.findall("field") for k, v in f.attrib.items()}
            if attrs.get("xmlfilename"):
                files[attrs.get("type", "")] = (attrs["xmlfilename"], attrs.get("comment", ""))
    name, comment = files.get("2") or files.get("1") or ("", "")
    hint = "acadre_manifest.hint" if name else "acadre_manifest_unnamed.hint"
    return Unreadable("acadre_manifest", hint, name=name, comment=comment)


def read(data: bytes, warnings: list[str]) -> tuple[Meeting, str | None]:
    root = parse_xml(data, "Acadre-XML")
    agendas = tables(root, "agenda")
    if not agendas or not fields(agendas[0]).get("sysid") or tables(root, "producedAgenda"):
        raise read_manifest(root)
    agenda = fields(agendas[0])
    committees = tables(root, "committee")
    committee = fold_ws(fields(committees[0]).get("name", "")) if committees else ""
    meetings = tables(root, "meeting")
    mf = fields(meetings[0]) if meetings else {}
    start, has_time = parse_danish_datetime(mf.get("date", ""))
    if start is None:
        warnings.append(Message("acadre_no_date", field="meeting/date"))
    if not committee:
        warnings.append(Message("acadre_no_committee", field="committee/name"))
    points = [p for p in (_point(t, committee) for t in tables(root, "agendaitemparents")) if p is not None]
    points.sort(key=_number_key)
    kind = "dagsorden" if fold_ws(agenda.get("name", "")).lower().startswith("dagsorden") else "referat"
    if kind == "dagsorden" and any(p.decision for p in points):
        kind = "referat"
    meeting = Meeting(
        municipality=None,
        committee=committee,
        start=start,
        place=_place(mf),
        kind=kind,
        participants=_participants(root),
        points=points,
        source_format=FORMAT,
        has_time=has_time,
        end_time=_finish(mf.get("finish", ""), start),
    )
    return meeting, None


def _finish(value: str, start: datetime | None) -> str:
    """ "HH:MM" of the meeting's ``finish`` ("2013-06-20 13:00", the end its calling gives) on the day it began."""
    end, has_time = parse_danish_datetime(value)
    return end.strftime("%H:%M") if end and has_time and start and end.date() == start.date() else ""
