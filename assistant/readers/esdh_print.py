"""ESDH print layout (eDoc, Acadre and similar; FORMATS.md format 9): the referat as a PDF, a DOCX or plain text.

A document is a list of :class:`Line` (text, markup, paragraph breaks), made from a PDF by
:mod:`assistant.readers.esdh_pdf`, from plain text by :func:`text_lines` (eDoc's FullText) or from a DOCX by
:mod:`assistant.readers.docx`. The layout:

- a cover (read by :mod:`assistant.readers.esdh_cover`): "Referat", the committee, date and time, place, then
  label blocks ("Tilstede"/"Medlemmer" with one member a line, "Afbud/Fraværende", "Sekretær");
- a table of contents ("Indholdsfortegnelse", grouped "Åbent referat"/"Lukket referat") that is skipped;
- items "N. Titel" (running numbers such as "715." too), then label lines ("Sagsnr.: 2012-28504", "Dok.nr.: …",
  "Sagen afgøres i: …") or a bare case number, then earlier handling ("Kommunalbestyrelsen den 30. januar 2012
  Punkt 5"), then the sections; a trailing signature page ("Underskriftsside") is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from assistant import vocabulary
from assistant.messages import Message
from assistant.readers import structure
from assistant.readers.esdh_cover import read_cover
from assistant.readers.municipality import name_from_header
from assistant.readers.sniff import Unreadable
from assistant.records import AgendaPoint, Meeting
from assistant.textutil import Block, fold_ws, parse_danish_datetime

FORMAT_PDF = "esdh-print-pdf"


@dataclass(frozen=True)
class Line:
    """One printed line (PDF, text) or paragraph (DOCX) with what the layout says about it."""

    text: str
    bold: bool = False  # every character is bold
    heading: int = 0  # a heading level given by the markup (DOCX styles)
    gap: bool = False  # a paragraph break comes before this line
    join: str = " "  # how the previous line continues into this one ("" after a hyphen at the line end)
    toc: bool = False  # marked as a table-of-contents line by the markup


ITEM_RE = re.compile(r"^(?P<num>\d{1,4}[a-zA-Z]?)\s*\.\s+(?P<title>\S.*)$")
FA_ITEM_RE = re.compile(r"^\s*(?:Punkt|Pkt\.?)\s+\d+[a-zA-Z]?\s*[:.]", re.IGNORECASE)
# Labels printed under an item title (the case number itself is read by the vocabulary's grammar).
ITEM_LABEL_RE = re.compile(
    r"^(?P<label>Sagsnr\.?(?:\s+i\s+ESDH)?|Sags\s?nr\.?|Sag\s+nr\.?|Sagsid\.?|Sag|J\.\s?nr\.?|Journalnr\.?|"
    r"Dok\.?\s?nr\.?|Dok\.|Dokumentnr\.?|Sagen afgøres i|Beslutningskompetence|Initialer|Sagsbehandler|"
    r"Åben sag|Lukket sag)\s*(?::\s*|\s+|$)(?P<value>.*)$",
    re.IGNORECASE,
)
_ACCESS_LABEL_RE = re.compile(r"^(?:åben|åbent|lukket)(?:\s+sag)?$", re.IGNORECASE)  # a flag, no value
TOC_HEAD_RE = re.compile(r"^(?:indholdsfortegnelse|indhold)\s*$", re.IGNORECASE)
TOC_PAGE_RE = re.compile(r"(?:\.{3,}|…+|\s)\s*\d{1,4}\s*$")
SIGNATURE_RE = re.compile(r"^(?:underskriftsside|underskriftsark|underskriftsblad|underskrifter)\s*$", re.IGNORECASE)
_LIST_MARK_RE = re.compile(r"^(?:[A-Za-zÆØÅæøå]|\d{1,2}|[ivx]{1,4})[.)]$")
_LIST_LINE_RE = re.compile(r"^(?:[-•▪◦*]\s|\d{1,2}[.)]\s|[A-Za-z][.)]\s)")


# ---------------------------------------------------------------- lines from text


def text_lines(text: str) -> list[Line]:
    """Lines of plain text (eDoc FullText): a blank line or a form feed is a paragraph break; tabs are spaces.

    A short heading-shaped line directly followed by text (no blank line between) is marked as a heading, which is
    how this export prints its section headings ("Sammendrag", "Beslutningen træffes af").
    """
    raw = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x0c", "\n\n").replace("\t", " ").split("\n")
    out: list[Line] = []
    gap = True
    for i, ln in enumerate(raw):
        t = fold_ws(ln)
        if not t or structure.PAGE_LINE_RE.match(t):
            gap = gap or not t
            continue
        nxt = fold_ws(raw[i + 1]) if i + 1 < len(raw) else ""
        if out and _LIST_MARK_RE.match(out[-1].text) and not out[-1].bold:  # "c." alone, its text on the next line
            out[-1] = replace(out[-1], text=f"{out[-1].text} {t}")
            gap = False
            continue
        heading = gap and bool(nxt) and _heading_candidate(t, nxt)
        out.append(Line(t, bold=heading, gap=gap))
        gap = False
    return out


def _heading_candidate(text: str, nxt: str) -> bool:
    if _LIST_MARK_RE.match(text) or ITEM_RE.match(text) or ITEM_LABEL_RE.match(text):
        return False
    if structure.heading_level(text):
        return True
    # a heading shape outside the dictionary is a short line ("Økonomi og finansiering"): the known sub-headings of
    # vocabulary.SUB_HEADINGS have at most 4 words
    return structure.heading_shaped(text) and not nxt[:1].isdigit() and len(text.split()) <= 6


# ---------------------------------------------------------------- the layout


@dataclass
class Item:
    number: str
    title: str
    labels: dict[str, str] = field(default_factory=dict)
    case_number: str | None = None
    path: list[str] = field(default_factory=list)  # earlier handling lines
    closed: bool = False  # printed "Lukket sag"
    body: list[Line] = field(default_factory=list)


@dataclass
class Layout:
    header: list[Line] = field(default_factory=list)
    items: list[Item] = field(default_factory=list)
    toc: list[tuple[str, str]] = field(default_factory=list)


def _is_item_label(text: str) -> bool:
    """A label line: with a colon ("Dok.nr.: 2012-203438", "Sagsnr.:"), a number without one ("Sag 306-2009-600",
    PolWeb), or an access flag ("Åben sag"); "Sag om ..." in running text is none."""
    m = ITEM_LABEL_RE.match(text)
    if m is None:
        return False
    colon = text[m.end("label") :].lstrip().startswith(":") or m["label"].endswith(":")
    return colon or m["value"][:1].isdigit() or m["label"].lower().endswith(" sag")


def _case_line(text: str) -> str | None:
    return vocabulary.case_number_line(text)


def _labels_follow(lines: list[Line], i: int, window: int = 4) -> bool:
    """A label or case-number line within ``window`` lines below line ``i``: an item's title may wrap over two
    lines, and "Sagsnr.:", "Dok.nr.:" and "Sagen afgøres i:" stand in either order under it."""
    for ln in lines[i + 1 : i + 1 + window]:
        if _is_item_label(ln.text) or _case_line(ln.text):
            return True
        if ITEM_RE.match(ln.text):
            return False
    return False


def is_esdh(lines: list[Line]) -> bool:
    """Items "N. Titel" with a case label or a bare case number under them, and no FirstAgenda "Punkt N:" items."""
    # a FirstAgenda print names its first "Punkt N:" within its first pages (cover and contents); 400 lines are
    # several pages, and looking no further keeps the check cheap on a long ESDH print
    if any(FA_ITEM_RE.match(ln.text) for ln in lines[:400]):
        return False
    return any(ITEM_RE.match(ln.text) and _labels_follow(lines, i) for i, ln in enumerate(lines))


def split_layout(lines: list[Line]) -> Layout:
    """Header lines, table of contents and items (number, title, labels, case number, earlier handling, body)."""
    lay = Layout()
    in_toc = False
    toc_titles: dict[str, str] = {}
    i = 0
    while i < len(lines):
        ln = lines[i]
        t = ln.text
        if TOC_HEAD_RE.match(t):
            in_toc = True
            i += 1
            continue
        m = ITEM_RE.match(t)
        start = bool(m) and not ln.toc and (
            _labels_follow(lines, i)
            or (not in_toc and vocabulary.case_number_in_title(m["title"])[1] is not None)
            or (not in_toc and _same_title(toc_titles.get(m["num"]), m["title"]))  # listed in the contents
            or (not lay.items and not lay.header and i == 0)  # a file of one item starts with it
            or ((ln.bold or ln.heading) and not in_toc and _rises(lay, m["num"]))
        )
        if m and start:
            in_toc = False
            i = _read_item_head(lines, i, m, lay)
            continue
        if in_toc or ln.toc:
            if m:
                num, title = m["num"], TOC_PAGE_RE.sub("", m["title"]).rstrip(" .…")
                lay.toc.append((num, title))
                toc_titles[num] = title
            i += 1
            continue
        if SIGNATURE_RE.match(t) and lay.items:
            break  # the signature page lists the members again; nothing after it is minutes
        (lay.items[-1].body if lay.items else lay.header).append(ln)
        i += 1
    return lay


def _same_title(listed: str | None, title: str) -> bool:
    """The title of a contents line and an item line agree (a wrapped contents line has only the start)."""
    if not listed:
        return False
    a, b = vocabulary.norm(listed)[:30], vocabulary.norm(title)[:30]
    return bool(a) and (a.startswith(b) or b.startswith(a))


def _rises(lay: Layout, number: str) -> bool:
    """A marked item line continues the numbering (a bold numbered list line inside an item does not)."""
    if not lay.items:
        return False
    last, new = re.match(r"\d+", lay.items[-1].number), re.match(r"\d+", number)
    return bool(last and new) and int(new.group()) > int(last.group())


def _read_item_head(lines: list[Line], i: int, m: re.Match[str], lay: Layout) -> int:
    """Read title (it may wrap), labels, case number and earlier handling; returns the index of the body."""
    title = m["title"]
    j = i + 1
    # a wrapped title: lines without a paragraph break up to the first label line
    while j < len(lines) and j - i <= 2 and not lines[j].gap and not _is_item_label(lines[j].text) and (
        _labels_follow(lines, j - 1, 3) and not _case_line(lines[j].text)
    ):
        title = f"{title}{lines[j].join}{lines[j].text}"
        j += 1
    title, case = vocabulary.case_number_in_title(fold_ws(title))  # "Salg af grund - Sagsnr. i ESDH: 25/18811"
    item = Item(number=m["num"], title=title, case_number=case)
    while j < len(lines):
        t = lines[j].text
        case = _case_line(t)
        lm = ITEM_LABEL_RE.match(t)
        if case is None and lm and not lm["value"].strip() and j + 1 < len(lines):
            case = _case_line(f"{t} {lines[j + 1].text}")  # "Sagsnr.:" and its value in two table cells
            if case is not None:
                j += 1
        if case is not None and not item.path:
            item.case_number = item.case_number or case
            j += 1
            continue
        if _ACCESS_LABEL_RE.match(t.strip()):
            item.closed = t.strip().lower().startswith("lukket")  # "Åben sag" / "Lukket sag"
            j += 1
            continue
        if lm and _is_item_label(t):
            label, value = fold_ws(lm["label"]).rstrip(".:"), lm["value"].strip()
            if not value and j + 1 < len(lines) and not _is_item_label(lines[j + 1].text):
                value, j = lines[j + 1].text, j + 1  # the value printed on the next line (a table cell)
            item.labels[label] = value
            j += 1
            continue
        if vocabulary.path_entry(t) is not None and not vocabulary.is_decision_heading(t) and not lines[j].bold:
            item.path.append(t)
            j += 1
            continue
        break
    lay.items.append(item)
    return j


# ---------------------------------------------------------------- blocks and points


def blocks(lines: list[Line], attachments: list[str] | None = None) -> list[Block]:
    """Paragraph blocks: lines joined until a paragraph break or a line that ends a sentence before a capital;
    headings stand alone: bold or styled lines, and whole lines in the vocabulary's heading dictionary (extracted
    text may have no blank lines)."""
    paras: list[tuple[str, bool, int]] = []
    listing: list[str] = []  # under "Bilag": a marker ("Bilag", or "tight" when printed line by line), the entries
    for ln in lines:
        known = vocabulary.heading_level(ln.text) > 0  # a whole line that is a heading of the dictionary
        if known or ln.heading or (ln.bold and structure.heading_shaped(ln.text)):
            listing = ["Bilag"] if vocabulary.norm(ln.text) in vocabulary.ATTACHMENT_HEADINGS else []
            if listing:
                paras.append((ln.text, True, ln.heading))
                continue
        elif listing and _in_list(listing, ln):
            if len(listing) == 1 or ln.gap or ln.text[:1].isdigit() or not listing[1][:1].isdigit():
                paras.append((ln.text, False, 0))
                listing.append(ln.text)
                if attachments is not None:
                    attachments.append(ln.text)
            else:  # a wrapped entry: entries start like the first one (a number, a document number)
                text, b, h = paras[-1]
                paras[-1] = (f"{text}{ln.join}{ln.text}", b, h)
                listing[-1] = paras[-1][0]
                if attachments is not None:
                    attachments[-1] = paras[-1][0]
            if not ln.gap and len(listing) > 2:
                listing[0] = "tight"
            continue
        listing = []
        marked = ln.bold or ln.heading > 0 or known
        starts = (
            ln.gap or marked or not paras or paras[-1][1] or paras[-1][2] or _LIST_LINE_RE.match(ln.text)
            or paras[-1][0].endswith(":")  # a label line ("Følgende deltog ikke i behandlingen af punktet:")
            or (paras[-1][0].endswith((".", "!", "?")) and ln.text[:1].isupper())  # a sentence ends with the line
        )  # fmt: skip
        if starts:
            shaped = structure.heading_shaped(ln.text) or bool(known)
            paras.append((ln.text, marked and shaped or bool(ln.heading), ln.heading))
        else:
            text, b, h = paras[-1]
            paras[-1] = (f"{text}{ln.join}{ln.text}", b, h)
    merged = structure.merge_broken_paragraphs([p[0] for p in paras])
    if len(merged) != len(paras):  # paragraphs split by a page break: keep their markup where nothing was joined
        marks = {p[0]: (p[1], p[2]) for p in paras}
        return [Block(t, marks.get(t, (False, 0))[1], marks.get(t, (False, 0))[0]) for t in merged]
    return [Block(t, h, b) for t, b, h in paras]


def _in_list(listing: list[str], ln: Line) -> bool:
    """Whether ``ln`` belongs to the attachment list: a list printed line by line ends at a paragraph break; one
    printed a paragraph an entry (DOCX) ends at an entry that does not start like the first."""
    if len(listing) == 1 or not ln.gap:
        return True
    return listing[0] != "tight" and ln.text[:1].isdigit() and listing[1][:1].isdigit()


def item_point(item: Item, known: set[str], committee: str = "") -> AgendaPoint:
    """The point; earlier handling printed under the labels becomes a "Sagsforløb" section (and the point's path)."""
    if item.closed:
        return AgendaPoint(number=item.number, title=item.title, case_number=item.case_number, closed=True)
    path = [Block("Sagsforløb", 2, True, "h"), *(Block(t) for t in item.path)] if item.path else []
    # "Sagen afgøres i: Udvalget for ...", "Beslutningskompetence: KB": where the decision lies, a section as eDoc's
    # "Beslutningen træffes af" is (the other labels are the point's metadata)
    said = [[Block(label, 2, True, "h"), Block(value)] for label, value in item.labels.items()
            if value and vocabulary.norm(label) in vocabulary.COMPETENCE_HEADINGS]
    path = [*(b for pair in said for b in pair), *path]
    attachments: list[str] = []  # the lines listed under "Bilag", up to the paragraph break that ends the list
    body = blocks(item.body, attachments)
    return structure.make_point(item.number, item.title, [*path, *body], known, case_number=item.case_number,
                                committee=committee, attachments=_no_nothing(attachments))  # fmt: skip


def _no_nothing(attachments: list[str]) -> list[str]:
    """The attachments, without "Ingen" (the list of a point without attachments)."""
    return [a for a in attachments if vocabulary.norm(a).rstrip(".") not in ("ingen", "-", "intet")]


def points_of(items: list[Item], committee: str = "") -> list[AgendaPoint]:
    """Points of the items. Headings come from the markup and the heading dictionary only: a line recurring in
    several items ("Indstillingen godkendt") is no heading here, so one item reads the same alone or in a meeting."""
    return [item_point(it, set(), committee) for it in items]


def meeting_from(lay: Layout, warnings: list[str], source_format: str, committee: str = "") -> Meeting:
    cover = read_cover(lay.header)
    committee = committee or cover.committee
    start, has_time = cover.start, cover.has_time
    points = points_of(lay.items, committee)
    if not committee or start is None:
        body, when = _from_decision(points)
        found = []
        if not committee and body:
            committee = body
            found.append("committee")
        if start is None and when is not None:
            start, has_time = when, False
            found.append("date")
        if found:
            what = Message("the_" + "_and_".join(found))
            warnings.append(Message("esdh_from_decision", found=what))
    if start is None:
        warnings.append(Message("esdh_no_date"))
    if not committee:
        warnings.append(Message("esdh_no_committee"))
    kind = cover.kind or ("referat" if any(p.decision for p in points) else "dagsorden")
    if kind == "dagsorden" and any(p.decision for p in points):
        kind = "referat"
    return Meeting(
        municipality=None,
        committee=fold_ws(committee),
        start=start,  # type: ignore[arg-type]
        place=cover.place,
        kind=kind,
        participants=cover.participants,
        points=points,
        source_format=source_format,
        has_time=has_time,
        end_time=cover.end_time,
        secretary=cover.secretary,
    )


def _from_decision(points: list[AgendaPoint]):  # noqa: ANN202 - (committee, datetime | None)
    """The body and date of the latest dated decision, for a document of items without a cover."""
    for p in reversed(points):
        for d in reversed(p.decisions):
            if d.body and d.date:
                return d.body, parse_danish_datetime(d.date)[0]
    return "", None


def parse_lines(lines: list[Line], warnings: list[str], source_format: str) -> tuple[Meeting, str | None]:
    lay = split_layout(lines)
    if not lay.items:
        raise Unreadable("no_points", "check_minutes.hint", pattern="N. Titel")
    meeting = meeting_from(lay, warnings, source_format)
    return meeting, name_from_header("\n".join(ln.text for ln in lay.header))
