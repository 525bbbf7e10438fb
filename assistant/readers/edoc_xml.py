"""eDoc publication XML (eDocAgendaPublishing_*.xml): one meeting with every agenda item's full text.

``Meeting`` carries ``Committee``, ``MeetingDate`` ("04-12-2012 13:00:00") and ``MeetingState`` ("Referat endeligt
godkendt"); each ``MeetingAgendaType`` (open and closed agenda) has the printed meeting as ``FullText`` (its cover
names the members) and ``MeetingAgendaItem`` elements with ``AgendaItemNumber``, ``Document/Title`` and the item's
printed text as ``FullText``. The texts are the print layout, so they are read by :mod:`esdh_print`: the XML and
the PDF of one meeting parse to the same points.
"""

from __future__ import annotations

import re

from assistant.messages import Message
from assistant.readers import esdh_cover, esdh_print
from assistant.readers.municipality import name_from_header
from assistant.readers.sniff import Unreadable, parse_xml
from assistant.records import AgendaPoint, Meeting
from assistant.textutil import fold_ws, parse_danish_datetime

FORMAT = "edoc-xml"
_CLOSED_TYPE_RE = re.compile(r"\blukket\b", re.IGNORECASE)


def _text(el, path: str) -> str:  # noqa: ANN001 - lxml element
    found = el.find(path)
    return (found.text or "") if found is not None else ""


def _number_key(number: str) -> tuple[int, str]:
    m = re.match(r"\d+", number)
    return (int(m.group()) if m else 10**6, number)


def _item(el, closed_agenda: bool, committee: str) -> AgendaPoint | None:  # noqa: ANN001
    number = fold_ws(_text(el, "AgendaItemNumber"))
    title = fold_ws(_text(el, "Document/Title") or _text(el, "Document/NeutralTitle"))
    if not number:
        return None
    lay = esdh_print.split_layout(esdh_print.text_lines(_text(el, "FullText")))
    if closed_agenda or not lay.items:
        case = lay.items[0].case_number if lay.items else None
        return AgendaPoint(number=number, title=title, case_number=case, closed=closed_agenda)
    item = lay.items[0]
    item.number, item.title = number, title or item.title
    for extra in lay.items[1:]:  # a line the layout took for an item start belongs to this item's text
        item.body += [esdh_print.Line(f"{extra.number}. {extra.title}", gap=True), *extra.body]
    return esdh_print.item_point(item, set(), committee)


def read(data: bytes, warnings: list[str]) -> tuple[Meeting, str | None]:
    root = parse_xml(data, "eDoc-XML")
    if root.tag != "Meeting":
        raise Unreadable("not_edoc", element="Meeting")
    committee = fold_ws(_text(root, "Committee"))
    start, has_time = parse_danish_datetime(_text(root, "MeetingDate"))
    state = fold_ws(_text(root, "MeetingState")).lower()
    cover = esdh_cover.Cover()
    points: list[AgendaPoint] = []
    for agenda in root.iter("MeetingAgendaType"):
        closed = bool(_CLOSED_TYPE_RE.search(_text(agenda, "AgendaType")))
        full = _text(agenda, "FullText")
        if full and not cover.text:
            cover = esdh_cover.read_cover(esdh_print.split_layout(esdh_print.text_lines(full)).header)
        for el in agenda.iter("MeetingAgendaItem"):
            point = _item(el, closed, committee)
            if point is not None:
                points.append(point)
    points.sort(key=lambda p: _number_key(p.number))
    if start is None:
        warnings.append(Message("edoc_no_date"))
    kind = "dagsorden" if state.startswith("dagsorden") else "referat"
    if kind == "dagsorden" and any(p.decision for p in points):
        kind = "referat"
    meeting = Meeting(
        municipality=None,
        committee=committee or cover.committee,
        start=start,
        place=cover.place,
        kind=kind,
        participants=cover.participants,
        points=points,
        source_format=FORMAT,
        has_time=has_time,
        end_time=cover.end_time,
        secretary=cover.secretary,
    )
    if not points:
        warnings.append(Message("edoc_no_points"))
    return meeting, name_from_header("\n".join(cover.text))
