"""Layouts driven by headings and labels: plain text, Markdown and the HTML layouts other than FirstAgenda's.

A document is a list of blocks. The header is read from label blocks ("Mødedato: ...", or an upper-case label
block followed by its value, as Holbæk prints them); agenda points start at item lines in any of the printed
styles ("Punkt N: title", "N. title", running "174. title", "Sag nr. N"); sections come from
:mod:`assistant.readers.structure`. Text without recognisable agenda points is read as one point, with a warning.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from assistant.messages import Message
from assistant.readers import structure
from assistant.readers.municipality import name_from_header
from assistant.records import AgendaPoint, Meeting, Participant
from assistant.textutil import Block, clean_text, fold_ws, parse_danish_datetime
from assistant.vocabulary import (
    DATE_PATTERN,
    FORUM_WORD_RE,
    PARTY_LETTER_RE,
    PERSON_NAME,
    case_number_in_title,
    case_number_line,
    find_case_numbers,
    heading_level,
    party_named,
)

FORMAT_TEXT = "text"

_PUNKT_RE = re.compile(r"^(?:Punkt|Pkt\.?)\s*(\d{1,4}[a-zA-Z]?)\s*[:.\-–|]?\s*(.*)$", re.IGNORECASE)  # "Pkt. 1 | Titel"
_AD_RE = re.compile(r"^Ad\s+(?:pkt\.?\s*|punkt\s+)?(\d{1,4}[a-zA-Z]?)\s*[).:]\s*(.*)$")  # "Ad 1)  Godkendelse af ..."
_SAGNR_RE = re.compile(r"^Sag\s+nr\.?\s*(\d{1,4}[a-zA-Z]?)\s*[:.\-–]?\s*(.*)$", re.IGNORECASE)
_NUMBERED_RE = re.compile(r"^(\d{1,4}[a-zA-Z]?)\.\s+(\S.{1,250})$")
_SECTION_SIGN_RE = re.compile(r"^§\s*(\d{1,4}[a-zA-Z]?)\.?\s+([A-ZÆØÅ].{1,250})$")  # "§ 9   Godkendelse af dagsorden"
# a heading's number without its stop: OS2dagsorden's "<h3><span>1</span> Godkendelse af dagsorden</h3>" (at most
# three digits, so that a year before a title, "2025 Budget", is not an item), or with a bracket: "<h3>1) Titel</h3>"
_HEADING_NUMBERED_RE = re.compile(r"^(\d{1,3}[a-zA-Z]?)\)?\s+(\S.{1,250})$")
_LABEL_RE = re.compile(
    r"^(?P<label>tid og sted|sted og tid|mødested og -?tidspunkt|tidspunkt og sted|"
    r"mødedato|mødetidspunkt|starttidspunkt|sluttidspunkt|mødestart|mødeslut|dato|tidspunkt|tid|kl\.|mødested|"
    r"sted|lokale|lokation|"
    r"mødedeltagere|deltagere|udvalgsmedlemmer|medlemmer|tilstede|til stede|fremmødte|"
    r"afbud/fraværende|afbud(?: fra(?=\s))?|fraværende(?: med afbud)?|forfald|ikke til stede|"
    r"suppleanter|suppleant|stedfortrædere|stedfortræder|udvalg|forum|møde|"
    r"information|referent|sekretær|protokolfører)\s*(?::\s*|\s+(?=\S))(?P<value>.*)$",
    re.IGNORECASE | re.DOTALL,
)
_BARE_LABEL_RE = re.compile(
    r"^(?P<label>Tid og sted|Sted og tid|Mødested og -?tidspunkt|Tidspunkt og sted|"
    r"(?:Afbud|Forfald|Fravær|Fraværende) og (?:stedfortrædere|suppleanter)|"
    r"UDVALG|MØDE|STED|MØDESTED|STARTTIDSPUNKT|SLUTTIDSPUNKT|DATO|TIDSPUNKT|DELTAGERE|MEDLEMMER|"
    r"FRAVÆRENDE|AFBUD|PUNKTER|TILSTEDE|Mødefakta|Medlemmer|Tilstede|Til stede|Ikke til stede|Afbud/Fraværende|"
    r"Fraværende med afbud|Fraværende|Afbud|Mødedeltagere|Deltagere|Udvalgsmedlemmer|Fremmøde|Fremmødte|Forfald|"
    r"REFERENT|SEKRETÆR|Referent|Sekretær|SUPPLEANTER|Suppleanter|Stedfortrædere|"
    r"[A-ZÆØÅ][a-zæøå-]+s medlemmer)\s*:?$"  # "Udvalgets medlemmer", "Byrådets medlemmer"
)
_KIND_RE = re.compile(r"\b(referat|beslutningsprotokol|dagsorden)\b", re.IGNORECASE)
_META_RE = re.compile(
    r"^(?:(?:Sag|Sagsnr|Sags nr|Sagsid|Sags[\s-]id|J\.?\s?nr|Journalnr|Journalnummer|Dok|Dokument|Dok\.?\s?nr|Initialer"
    r"|Sagsbehandler|Beslutningskompetence|Sagen afgøres i)\b\.?\s*:?\s*\S.*"
    r"|Åbent|Åben|Åben sag|Lukket|Lukket sag|Lukket punkt|Offentlig|Ikke offentlig)$",
    re.IGNORECASE,
)
_CASE_LABEL_RE = re.compile(
    r"^(?:Sag|Sagsnr|Sags nr|Sagsid|Sags[\s-]id|J\.?\s?nr|Journalnr|Journalnummer)\b", re.IGNORECASE
)
# the meeting's attendance printed after the last item (Copenhagen's and Odense's pages)
_TRAILER_TITLES = frozenset({"fremmøde og inhabilitet", "fremmøde"})
_ATTENDANCE_TITLES = frozenset({"fraværende", "afbud", "fravær", "fremmøde og inhabilitet", "fremmøde"})
_NOISE = frozenset(
    t.casefold() for t in ("Hent som PDF", "Kopier link", "Til toppen", "Print", "Udskriv", "Del", "Luk", "Menu",
                           "Gå til indhold", "Tilbage", "Del på Facebook", "Send som e-mail", "Vis bilag")
)  # fmt: skip
# a download link's text: "Hent punkt som PDF", "Download referat i PDF"
_DOWNLOAD_RE = re.compile(r"^(?:hent|download)(?:\s+\w+){0,2}\s+(?:som|i)\s+pdf$", re.IGNORECASE)


def _noise(line: str) -> bool:
    """A portal's button or link text, never minutes."""
    t = fold_ws(line)
    return t.casefold() in _NOISE or bool(_DOWNLOAD_RE.match(t))


@dataclass
class Doc:
    labels: dict[str, str] = field(default_factory=dict)
    header_text: list[str] = field(default_factory=list)
    title: str = ""  # the page's title: its <h1>, else its first heading (a sidebar's box moved first may head it)
    title_level: int = 0
    items: list[tuple[str, str, list[Block]]] = field(default_factory=list)


def _named_item_line(line: str) -> tuple[str, str] | None:
    """ "Punkt 3: Titel" or "Sag nr. 12" (title on the next line) as the first line of a paragraph of plain text."""
    for rx in (_PUNKT_RE, _SAGNR_RE, _AD_RE):
        m = rx.match(line.strip())
        if m:
            return m[1], m[2].strip()
    return None


def _item_start(b: Block, numbered_ok: bool) -> tuple[str, str] | None:
    t = b.text
    for rx in (_PUNKT_RE, _SAGNR_RE, _AD_RE):
        m = rx.match(t)
        if m and "\n" not in t[:80] and len(t) < 300:
            return m[1], m[2].strip()
    if numbered_ok:
        m = _numbered(b)
        if m:
            return m[1], m[2].strip()
    return None


def _numbered(b: Block) -> re.Match | None:
    """ "N. Title" (or a heading's "N Title"): a candidate item line."""
    text = b.text
    lines = text.split("\n")
    if len(lines) == 2 and structure.unfinished(lines[0], comma=True):  # "§ 11  Forslag ... ved Kejlstrupvej," /
        text = f"{lines[0].rstrip()} {lines[1].strip()}"  # "Kjellerup"
    m = (_NUMBERED_RE.match(text) or _SECTION_SIGN_RE.match(text)
         or (_HEADING_NUMBERED_RE.match(text) if b.heading else None))
    if m and "\n" not in text and m[2][:1].isupper() and not structure.ends_sentence(m[2]):
        return m
    return None


def _numbered_items_allowed(blocks: list[Block]) -> set[int]:
    """Indexes of "N. title" blocks that form the document's item sequence (headings, or numbers rising by one)."""
    found = [(i, m) for i, b in enumerate(blocks) if b.kind not in ("li", "tr") and (m := _numbered(b))]
    # An item printed twice, in a contents list and over its text: the printing with the most text under it is the
    # item (a chain through the contents ran on, and the items after it were no items).
    twice = structure.other_printings([(i, m[1], m[2]) for i, m in found], len(blocks),
                                      lambda i, j: (sum(len(b.text) for b in blocks[i + 1 : j]), i))
    cands = [(i, int(re.match(r"\d+", m[1])[0]), bool(blocks[i].heading or blocks[i].bold))
             for i, m in found if i not in twice]  # fmt: skip
    marked = {i for i, _, h in cands if h}
    if marked:
        return marked
    allowed: set[int] = set()
    last = None
    for i, n, _ in cands:
        if last is None or n == last + 1:
            allowed.add(i)
            last = n
    return allowed if len(allowed) >= 2 else set()


def split_document(blocks: list[Block]) -> Doc:
    doc = Doc()
    numbered = _numbered_items_allowed(blocks)
    pending_label: str | None = None
    rows: list[Block] = []
    trailer = False
    party: str | None = None  # under a people label, the letter of the party group being read ("" for a list's
    # group without one); None outside the groups
    named = False  # whether the party heading read last has had its names
    for i, b in enumerate(blocks):
        if "\n" in b.text and any(_noise(ln) for ln in b.text.split("\n")):  # "EMN-2024-000412\nHent punkt som PDF"
            b = replace(b, text="\n".join(ln for ln in b.text.split("\n") if not _noise(ln)))
        if _noise(b.text):
            continue
        start = _item_start(b, i in numbered)
        lines = b.text.split("\n")
        head = _named_item_line(lines[0]) if not start and len(lines) > 1 else None
        if start or head:
            if rows:
                _people_rows(doc, pending_label or "", rows)
                rows = []
            pending_label, trailer = None, False
            if start:
                doc.items.append((start[0], start[1], []))
                continue
            heads = [_named_item_line(ln) for ln in lines if ln.strip()]
            if all(h and h[1] for h in heads):
                doc.items += [(*h, []) for h in heads]  # a contents list
                continue
            number, title = head  # "Sag nr. 1\nMeddelelser fra borgmesteren\nJ.nr. 24/00112": no blank lines
            rest = lines[1:]
            body = []
            if structure.CLOSED_TITLE_RE.fullmatch(title.strip()) and rest:  # "Sag nr. 146      LUKKET PUNKT"
                body, title = [Block(title.strip())], ""
            if not title and rest:
                title, rest = rest[0].strip(), rest[1:]
            # the title wrapped, on the item's line or under it: "... ved Lading - endelig" / "vedtagelse"
            while rest and rest[0][:1].islower() and ":" not in rest[0]:
                title = f"{title} {rest.pop(0).strip()}"
            # ... or onto the block's one other line, whatever its case ("... Sejerslevvej, Nykøbing" / "Mors -
            # endelig vedtagelse"): a title's end, not text (a point's text comes under its headings)
            if title and rest and (len(rest) == 1 or _META_RE.match(rest[1].strip())) and ":" not in rest[0] \
                    and len(rest[0]) < _MAX_TITLE_WRAP and not _META_RE.match(rest[0].strip()) \
                    and not structure.ends_sentence(rest[0].strip()):  # (or onto a line over "Journalnr.: ...")
                title = f"{title} {rest.pop(0).strip()}"
            while rest and _META_RE.match(rest[0].strip()):  # "J.nr. 24/00112", "Beslutningskompetence: KB"
                body.append(Block(rest.pop(0).strip()))
            doc.items.append((number, title, body + ([Block("\n".join(rest))] if "".join(rest).strip() else [])))
            continue
        if doc.items and (b.heading or b.bold or b.kind == "tr") and fold_ws(b.text).casefold() in _TRAILER_TITLES:
            trailer = True  # "Fremmøde og inhabilitet" after the last item: the meeting's attendance, its labels
            continue
        if doc.items and not trailer:
            number, title, body = doc.items[-1]
            if not title and b.kind != "tr":  # "Sag nr. 129" with the title in the next block
                doc.items[-1] = (number, b.text, body)
            elif not body and fold_ws(b.text) == fold_ws(title):
                continue  # the title printed again under the item line
            else:
                body += _heading_apart(b)
            continue
        doc.header_text.append(b.text)
        if b.heading and (not doc.title or (b.heading == 1 and doc.title_level != 1)):
            doc.title, doc.title_level = b.text, b.heading  # the page's <h1>, else its first heading
        if pending_label in _PEOPLE_LABELS and b.heading and (letter := _party_heading(b.text)):
            party, named = letter, False  # "Socialdemokratiet (A)" over its members' names (a council's page)
            continue
        if pending_label in _PEOPLE_LABELS and not b.heading and _GROUP_HEADING_RE.match(fold_ws(b.text)) \
                and not (_LABEL_RE.match(b.text) or _BARE_LABEL_RE.match(b.text)):
            party, named = "", False  # "Herning Kommune:" over its members, one a line (a body of several bodies)
            continue
        if party == "" and pending_label in _PEOPLE_LABELS and not b.heading and _NAME_LINE_RE.match(fold_ws(b.text)):
            known = doc.labels.get(pending_label, "")
            doc.labels[pending_label] = "\n".join(filter(None, [known, fold_ws(b.text)]))
            named = True
            continue
        group = _party_line(b.text, party is not None) if pending_label in _PEOPLE_LABELS and not b.heading else None
        if pending_label and (group or (party is not None and not named and not b.heading)):
            # "Venstre: Lars Ole Bak (borgmester), Trine Søby", or the names under a party's heading
            party, names = group or (party or "", b.text)
            named = True
            known = doc.labels.get(pending_label, "")
            doc.labels[pending_label] = "\n".join(filter(None, [known, *_with_party(names, party)]))
            continue
        if party is not None:  # the groups are over: the label has its members
            party, pending_label = None, None
        if pending_label in _LISTED_LABELS and (b.kind in ("li", "tr") or _PERSON_LINE_RE.match(b.text)) and (
                not rows or b.kind != "tr" or any(_PERSON_CELL_RE.match(c.strip()) for c in b.text.split(" | "))):
            # the members as a list, a table or lines of their own (<br>) under "Mødedeltagere", until a row names
            # no one
            rows.append(b)
            continue
        if rows:
            _people_rows(doc, pending_label or "", rows)
            rows, pending_label = [], None
        for text in _label_lines(b.text):
            if pending_label:
                doc.labels.setdefault(pending_label, text)
                pending_label = None
                continue
            m = _BARE_LABEL_RE.match(text)
            if m:
                pending_label = _label_key(m["label"])
                continue
            m = _LABEL_RE.match(text)
            # a table row "Lokale: | Mødelokale B2"; the lines of a list of names kept apart
            value = "\n".join(fold_ws(x) for x in m["value"].split("\n")).lstrip("|").strip() if m else ""
            if m and not value:
                pending_label = _label_key(m["label"])  # "<dt>Udvalg:</dt><dd>...</dd>"
            elif m and not _menu_of_bodies(_label_key(m["label"]), value):
                doc.labels.setdefault(_label_key(m["label"]), value)
    return doc


_PARTY_HEADING_RE = re.compile(r"^(?P<name>[A-ZÆØÅ][\w .'’-]{1,40}?)(?:\s*\((?P<letter>[A-ZÆØÅ]{1,3})\))?$")


def _party_heading(text: str) -> str:
    """The letter of a heading that names a party ("Socialdemokratiet (A)", "Venstre", "Borgerlisten (L)"), else ""."""
    m = _PARTY_HEADING_RE.match(fold_ws(text))
    if not m:
        return ""
    named = party_named(m["name"]) or ""
    if m["letter"] and named == m["letter"]:
        return named
    if m["letter"] and not named:  # a local list's name with its letter; a person's name is no party's
        return "" if re.fullmatch(PERSON_NAME, m["name"]) else m["letter"]
    return named if not m["letter"] else ""


# a group's heading in a list of members: "Herning Kommune:", "Midt- og Vestjyllands Politi:" (at most 5 words)
_GROUP_HEADING_RE = re.compile(r"^[A-ZÆØÅ][\w&.'’-]*(?:\s+[\w&.'’-]+){0,4}:$")
# a member on a line of their own, a title first or a role in brackets after: "Politiinspektør Lene Krarup Bak",
# "Jens Peder Hedevang (formand)"
_NAME_LINE_RE = re.compile(rf"^(?:[A-ZÆØÅ][a-zæøå]+\s+)?{PERSON_NAME}(?:\s*\([^()]{{1,40}}\))?$")
_PARTY_LINE_RE = re.compile(
    r"^(?P<party>[A-ZÆØÅ][\w .'’-]{1,40}?)(?:\s*\((?P<letter>[A-ZÆØÅ]{1,3})\))?:\s*(?P<names>[A-ZÆØÅ][^:\n]*)$")


def _party_line(text: str, grouped: bool) -> tuple[str, str] | None:
    """(letter, names) of a line that lists a party's members after its name ("Venstre: Lars Ole Bak, Trine Søby",
    "SF (F): Mia Vang"); inside a run of such lines, a local list's line too ("Samsølisten: Johannes Krogh", letter
    "")."""
    m = _PARTY_LINE_RE.match(fold_ws(text))
    if not m or (re.fullmatch(PERSON_NAME, m["party"]) and not party_named(m["party"])) or _LABEL_RE.match(text):
        return None  # (a label of the attendance is no party: "Afbud: Mads Frost Pedersen")
    letter = m["letter"] or party_named(m["party"]) or ""
    return (letter, m["names"]) if letter or grouped else None


def _with_party(text: str, letter: str) -> list[str]:
    """The names of a paragraph under a party's heading, each as "Name (A)" with its role after a comma ("Jens Holm
    (borgmester)" -> "Jens Holm (A), borgmester"); without a letter, the names alone."""
    out = []
    for part in re.split(r",\s*(?![^()]*\))|\n", text):
        m = re.match(r"^(.*?)\s*(?:\(([a-zæøå][^()]*)\))?$", part.strip())
        if m and m[1] and letter:
            out.append(f"{m[1]} ({letter}), {m[2]}" if m[2] else f"{m[1]} ({letter})")
        elif m and m[1]:
            out.append(m[1])
    return out


_ABSENCE_AND_SUBSTITUTES_RE = re.compile(r"^(?:afbud|forfald|fravær|fraværende)\s+og\s+(?:stedfortrædere|suppleanter)$",
                                         re.IGNORECASE)


def _menu_of_bodies(key: str, value: str) -> bool:
    """A site's menu "Udvalg" over the links to every body, one a line: no label of the meeting's body."""
    lines = value.split("\n")
    return key in ("udvalg", "forum") and len(lines) > 1 and all(structure.names_a_body(ln) for ln in lines)


_WHEN_WHERE_KEYS = frozenset({"tid og sted", "sted og tid", "mødested og tidspunkt", "mødested og -tidspunkt",
                              "tidspunkt og sted"})  # the labels of _LABEL_RE and _BARE_LABEL_RE that give both


def _label_key(label: str) -> str:
    """A label as ``Doc.labels`` keys it: "Udvalgets medlemmer" is "medlemmer"; "Mødested og tidspunkt", "Sted og
    tid" are "tid og sted"."""
    key = fold_ws(label.casefold())
    if key == "afbud fra":  # "Afbud fra Erik Hald (A)."
        return "afbud"
    if key.endswith("s medlemmer"):
        return "medlemmer"
    if _ABSENCE_AND_SUBSTITUTES_RE.match(key):  # "Forfald og stedfortrædere": its table's members are the absent
        return "fraværende" if key.startswith("fravær") else key.split()[0]
    return "tid og sted" if key in _WHEN_WHERE_KEYS else key


_PEOPLE_LABELS = frozenset({"mødedeltagere", "deltagere", "medlemmer", "udvalgsmedlemmer", "tilstede", "til stede",
                            "fremmøde", "fremmødte"})
_ABSENCE_LABELS = frozenset({"afbud", "fraværende", "fraværende med afbud", "ikke til stede", "afbud/fraværende",
                             "forfald"})
_LISTED_LABELS = _PEOPLE_LABELS | _ABSENCE_LABELS
_NAME_COLUMN_RE = re.compile(r"^(?:navn|medlem(?:mer)?|deltager(?:e)?|mødedeltager(?:e)?|name)$", re.IGNORECASE)
_ABSENT_COLUMN_RE = re.compile(r"^(?:fraværende|fravær|afbud|forfald)$", re.IGNORECASE)
_ABSENT_CELL_RE = re.compile(r"^(?:afbud|fraværende|fravær|forfald|ikke til stede|meldt afbud|x)$", re.IGNORECASE)
# "Anne Mette Svane", "Lisbet Holt Sørensen (formand)"
_PERSON_CELL_RE = re.compile(rf"^{PERSON_NAME}(?:\s*\([\wæøå ]{{1,40}}\))?$")  # "(stedfortræder for Anette Kold)"
_PARTY_LETTER_SUFFIX_RE = re.compile(r"\s*\([A-ZÆØÅ]{1,3}\)$")  # "Lene Munck (V)": the name before its letter
# a member on a line of its own: "Ellen Thrane (A), næstformand", "Ole Rytter (A)", "Niels Holm (løsgænger)"
_PERSON_LINE_RE = re.compile(
    rf"^{PERSON_NAME}\s*\((?:[A-ZÆØÅ]{{1,3}}|[a-zæøå]{{3,20}})\)(?:,\s*[a-zæøå][a-zæøå -]{{2,30}})?$"
)


def _people_rows(doc: Doc, label: str, rows: list[Block]) -> None:
    if label in _ABSENCE_LABELS:  # "Fraværende med afbud" / "- Jens Kvist (V)": the names, one a line (so that
        # one absent from some points only, "Karina Schou Nielsen (C), sag 45-47", is told from the rest)
        names = [r.text.lstrip("-• ").strip() for r in rows if r.kind != "tr"]
        names += _absent_rows([r for r in rows if r.kind == "tr"])
        doc.labels.setdefault(label, "\n".join(n for n in names if n))
        return
    _member_rows(doc, label, rows)


# a remark beside a name under an absence label that says the member was at the meeting after all: left or came
# during it ("Forlod mødet kl. 19.40 efter punkt 6", "Kom kl. 16.30", "Deltog fra punkt 3")
_ATTENDED_REMARK_RE = re.compile(r"^(?:forlod|kom|ankom|deltog\s+(?:fra|fra og med|indtil|til)\b)", re.IGNORECASE)


def _absent_rows(rows: list[Block]) -> list[str]:
    """The members of an absence table's rows ("Medlem | Bemærkning": "Lene Munck (V) | Forfald (orlov)"): the name
    cell of each row but the header and those whose remark says they left or came during the meeting."""
    out = []
    for r in rows:
        cells = [c.strip() for c in r.text.split(" | ")]
        if _NAME_COLUMN_RE.match(cells[0]) or not _PERSON_CELL_RE.match(_PARTY_LETTER_SUFFIX_RE.sub("", cells[0])):
            continue
        if not any(_ATTENDED_REMARK_RE.match(c) for c in cells[1:]):
            out.append(cells[0])
    return out


def _party_cell(cell: str) -> str:
    return next(filter(None, map(party_named, [cell, *re.split(r"\s+[-–]\s+", cell)])), "")


_TRAILING_STATUS_RE = re.compile(
    r"^(?P<name>.+?)(?:\s+[-–:,]?\s*|\s*[-–:,]\s*)(?P<status>Afbud|Fraværende|Forfald|Ikke til stede|Meldt afbud)$",
    re.IGNORECASE)


def _status_apart(item: str) -> list[str]:
    """A list item of a member and a status badge after the name ("Henrik Clausen Afbud", a portal's <span>): the
    name and the status as two cells, as a table's row has them."""
    m = _TRAILING_STATUS_RE.match(item)
    return [m["name"], m["status"]] if m else [item]


def _member_rows(doc: Doc, label: str, rows: list[Block]) -> None:
    """The members listed under a people label, one a list item or a table row ("Navn | Parti | Status", "Medlem |
    Parti | Funktion | Fraværende"): the present ones as the label's lines ("Helle Vinding (A)"), the absent ones
    (a status "Afbud", a mark in a "Fraværende" column) added to "fraværende"."""
    cells = [[c.strip() for c in r.text.split(" | ")] if r.kind == "tr" else _status_apart(r.text.lstrip("-• ").strip())
             for r in rows]  # fmt: skip
    name_col, absent_cols, start = 0, set(), 0
    if rows[0].kind == "tr" and any(_NAME_COLUMN_RE.match(c) for c in cells[0]):
        head = cells[0]
        name_col = next(i for i, c in enumerate(head) if _NAME_COLUMN_RE.match(c))
        absent_cols = {i for i, c in enumerate(head) if _ABSENT_COLUMN_RE.match(c)}
        start = 1
    present, absent = [], []
    for row in cells[start:]:
        if name_col >= len(row) or not row[name_col]:
            continue
        others = [c for i, c in enumerate(row) if i != name_col]
        # the party as its letter, or by its name ("Venstre", "SF - Socialistisk Folkeparti")
        party = next((p for c in others if (p := c if PARTY_LETTER_RE.match(c) else _party_cell(c))), "")
        name = f"{row[name_col]} ({party})" if party else row[name_col]
        gone = any(_ABSENT_CELL_RE.match(c) for c in others) or any(
            i < len(row) and row[i] for i in absent_cols)
        (absent if gone else present).append(row[name_col] if gone else name)
    if present:
        doc.labels.setdefault(label, "\n".join(present))
    if absent:
        known = doc.labels.get("fraværende", "")
        doc.labels["fraværende"] = ", ".join(filter(None, [known, *absent]))


# a second label of the attendance inside a label's line, where a table cell's line break was lost ("Deltagere: Inge
# Bach, (A), Poul Rye, (V) Afbud: Leo Dam, (C)"): capitalised, with its colon, as labels are printed
_NEXT_LABEL_RE = re.compile(r"\s+(?=(?:Afbud|Fraværende(?: med afbud)?|Ikke til stede|Forfald|Suppleanter|Suppleant|"
                            r"Stedfortrædere|Stedfortræder|Referent|Sekretær|Kl\.|Tidspunkt|Mødetidspunkt|Sted|"
                            r"Mødested|Lokale)\s*:\s)")  # and "Mødedato: 03.10.2017   Kl.: 08.00 - 11.40   Sted: ..."


def _label_lines(text: str) -> list[str]:
    """A header paragraph as its labelled parts: "Dato: 05.11.2024\nTid: 14:00\nSted: Rådhuset" printed without
    blank lines is three labels, each with the lines that continue it; any other paragraph is itself."""
    lines = [part for ln in text.split("\n")
             for part in (_NEXT_LABEL_RE.split(ln) if _LABEL_RE.match(ln) else [ln])]  # fmt: skip
    if sum(1 for ln in lines if _LABEL_RE.match(ln) or _BARE_LABEL_RE.match(ln)) < 2:
        return [text]
    parts: list[str] = []
    for ln in lines:
        if not parts or _LABEL_RE.match(ln) or _BARE_LABEL_RE.match(ln):
            parts.append(ln)
        else:
            parts[-1] += "\n" + ln
    return parts


def _label(doc: Doc, *names: str) -> str:
    return fold_ws(_raw_label(doc, *names))


def _raw_label(doc: Doc, *names: str) -> str:
    return next((doc.labels[n] for n in names if doc.labels.get(n)), "")


def _end_time(doc: Doc) -> str:
    """ "SLUTTIDSPUNKT 26-03-2025 18:00:00" (Holbæk), else the end of a span "Tidspunkt: kl. 16.00-18.30"."""
    span = _label(doc, "mødetidspunkt", "tidspunkt", "tid", "mødedato", "dato")
    return structure.labelled_end(_label(doc, "sluttidspunkt", "mødeslut"), span)


def _participants(doc: Doc, points: list[str]) -> list[Participant]:
    people = []
    listed = _listed(doc, "mødedeltagere", "deltagere", "medlemmer", "udvalgsmedlemmer", "tilstede", "til stede",
                     "fremmøde", "fremmødte")
    for part in re.split(r",\s*(?![^()]*\))", listed):
        person = structure.parse_participant(part)
        if person and person.name[:1].isupper():  # "Anne Berg (A), formand": the role is no participant
            people.append(person)
    # substitutes who attended: "Stedfortræder: Maja Strand (F)", "Suppleanter: ..." (as the print reader reads them)
    substitutes = _listed(doc, "suppleant", "suppleanter", "stedfortræder", "stedfortrædere")
    people = structure.with_substitutes(people, re.split(r",\s*(?![^()]*\))", substitutes))
    extra = [(n, "Afbud") for n in structure.split_names(_first_sentence(
        _listed(doc, "afbud", "fraværende med afbud", of=points)))]
    absent = _listed(doc, "fraværende", "ikke til stede", "afbud/fraværende", "forfald", of=points)
    extra += [(n, "Fraværende") for n in structure.split_names(absent)]
    return structure.mark_absent(people, extra)


def _first_sentence(names: str) -> str:
    """The names before a sentence that follows them ("Grethe Kiel (C). I stedet deltog stedfortræder Søren Tang
    (C).": the substitute was there)."""
    return re.split(r"(?<=\))\.\s+(?=[A-ZÆØÅ][a-zæøå]*\s+[a-zæøå])", names)[0]


def _listed(doc: Doc, *names: str, of: list[str] | None = None) -> str:
    """A label's names as one comma list (structure.listed_names: wrapped or one a line, as the print reader reads);
    with ``of``, the meeting's point numbers, only those absent from all of them."""
    value = _raw_label(doc, *names)
    value = structure.whole_meeting(value, of) if of is not None else value
    return ", ".join(fold_ws(n) for n in structure.listed_names(value) if n.strip())


def _meta_lines(text: str) -> bool:
    """A block of metadata under an item title, a line each: "Sag 155-2023-1002", "Åbent", a portal's badge and the
    case number under it ("Lukket punkt" / "EMN-2024-002951")."""
    return all(_META_RE.match(ln.strip()) or case_number_line(ln) for ln in text.split("\n"))


def _meta(body: list[Block]) -> tuple[str | None, bool, list[Block]]:
    """Case number and closed flag from the metadata lines right under an item title (PolWeb, ESDH)."""
    case, closed, i = None, False, 0
    while i < len(body) and i < 8 and _meta_lines(body[i].text) and len(body[i].text) < 120:
        text = body[i].text
        if re.match(r"^(?:Lukket|Ikke offentlig)", text, re.IGNORECASE) or structure.CASE_LINE_CLOSED_RE.search(text):
            closed = True
        if case is None and _CASE_LABEL_RE.match(text):
            case = case_number_line(text) or next(iter(find_case_numbers(text)), None)
        if case is None:  # a bare case number, or a portal's badge and the case number under it
            case = next(filter(None, map(case_number_line, text.split("\n"))), None)
        i += 1
    rest = body[i:]
    if case is None:
        for j, b in enumerate(rest[:2]):  # a bare case number line (FirstAgenda web: "EMN-2025-012345")
            found = case_number_line(b.text)
            if found:
                case = found
                rest = rest[:j] + rest[j + 1 :]
                break
    return case, closed, rest


def drop_contents_entries(items: list[tuple[str, str, list[Block]]]) -> list[tuple[str, str, list[Block]]]:
    """An item with (almost) no body whose number comes again later is its entry in a table of contents."""
    out = []
    for k, (number, title, body) in enumerate(items):
        if any(n == number for n, _, _ in items[k + 1 :]) and sum(len(b.text) for b in body) < _CONTENTS_BODY_CHARS:
            continue
        out.append((number, title, body))
    return out


_MAX_TITLE_WRAP = 80  # a title's wrapped end on a line of its own; a paragraph's line is longer
_CONTENTS_BODY_CHARS = 80  # a contents entry's "body" is at most a page number or a stray line


def parse_blocks(blocks: list[Block], warnings: list[str], source_format: str) -> tuple[Meeting, str | None]:
    """A meeting from the blocks of a document in any heading-and-label layout."""
    doc = split_document(blocks)
    header = "\n".join(doc.header_text)
    when_where = structure.when_where(_label(doc, "tid og sted"))  # "Mødested og tidspunkt: Mødelokale 4, kl. 15.00"
    when = " ".join(_label(doc, "mødedato").split()) or _meeting_sentence(doc) \
        or " ".join(_label(doc, "dato", "starttidspunkt", "mødetidspunkt").split()) or when_where[0]
    clock = _label(doc, "tidspunkt", "tid", "kl.", "mødestart", "starttidspunkt", "mødetidspunkt") or when_where[0]
    clock = structure.with_kl(clock)  # "Mødetidspunkt: 9.00 - 12.15": a time, no "kl."
    start, has_time = parse_danish_datetime(f"{when} {clock}".strip())
    if start is None:
        start, has_time = parse_danish_datetime(header[:2000])
    elif not has_time:  # the time printed with the same date in the page's title ("Referat 11-12-2024 kl. 17.00")
        titled, titled_time = parse_danish_datetime(doc.title)
        if titled_time and titled is not None and titled.date() == start.date():
            start, has_time = titled, True
    labelled = _label(doc, "udvalg", "forum")
    labelled = labelled if re.search(r"[^\W\d_]", labelled) else ""  # "Udvalg 2022-2025" heads a list of bodies
    committee = (labelled or structure.names_a_body(_committee_from_title(doc))
                 or structure.body_line([doc.title, *doc.header_text]))
    # the municipality's letterhead on the same line ("SKIVE KOMMUNE        Teknisk Udvalg")
    committee = _LETTERHEAD_RE.sub("", committee) if FORUM_WORD_RE.search(_LETTERHEAD_RE.sub("", committee)) \
        else committee
    kind_m = _KIND_RE.search(_label(doc, "møde") or doc.title or header[:300])
    kind = "referat" if kind_m and kind_m[1].lower() != "dagsorden" else "dagsorden"

    points: list[AgendaPoint] = []
    absences: list[tuple[str, str]] = []
    under_points: list[list[tuple[str, str]]] = []  # the absences each point's decision records
    attending: list[str] = []  # substitutes the attendance point says attended
    doc.items = drop_contents_entries(doc.items)
    if doc.items:
        known = structure.recurring_headings([body for *_, body in doc.items])
        for number, printed_title, body in doc.items:
            # "1. Meddelelser ( )": an empty type field (eDoc, Copenhagen's older pages)
            title, title_case = case_number_in_title(structure.EMPTY_PARENS_RE.sub("", printed_title))
            case, closed, rest = _meta(body)
            case = title_case or case
            point = structure.make_point(
                number, title or f"Punkt {number}", rest, known, case_number=case, committee=committee
            )
            if closed and not point.closed:
                point = AgendaPoint(number=point.number, title=point.title, type_code=point.type_code,
                                    case_number=point.case_number, closed=True)  # fmt: skip
            under_points.append(structure.absences_in(point.decision or ""))
            if structure.norm(point.title) in _ATTENDANCE_TITLES:  # Brønderslev: item 1 is always "Fraværende"
                absences += structure.absences_in(point.full_text)
                attending += structure.substitutes_in(point.full_text)
            points.append(point)
    else:
        body = [b for b in blocks if b.text.casefold() not in _NOISE]
        text = "\n\n".join(b.text for b in body)
        if text.strip() and committee.strip():  # neither agenda points nor a committee: not minutes (no point)
            warnings.append(Message("plain_one_point"))
            title = doc.title or next((b.text for b in body if b.heading), "") or body[0].text.split("\n")[0][:120]
            points.append(structure.make_point("1", title, body, set()))
            absences += structure.absences_in(text)
    absences += structure.absent_throughout(under_points, "\n".join([header, *(p.full_text for p in points)]))
    if kind == "dagsorden" and any(p.decision for p in points):
        kind = "referat"
    members = _participants(doc, [p.number for p in points]) or structure.signature_sheet(points) \
        or structure.attendance_in_prose(header)
    members = structure.with_substitutes(members, structure.substitutes_in(header) + attending)
    meeting = Meeting(
        municipality=None,
        committee=fold_ws(committee),
        start=start,
        place=(_label(doc, "mødested", "sted", "lokale", "lokation") or when_where[1]
               or structure.date_line(doc.header_text)[1]
               or _address_under_title(doc) or _place_after_date(doc)
               or structure.room_in_sentence(header) or None),
        kind=kind,
        # "Information: Ole Kamp (C) har meldt afbud. ..." (a portal's note on the meeting)
        participants=structure.mark_absent(members, absences + structure.absences_in(_label(doc, "information"))),
        points=points,
        source_format=source_format,
        has_time=has_time,
        end_time=_end_time(doc),
        secretary=_label(doc, "referent", "sekretær", "protokolfører"),
    )
    if start is None:
        warnings.append(Message("plain_no_date"))
    return meeting, name_from_header(header[:3000])


_MAX_ROOM_CHARS = 120  # a room and its address on one line; a paragraph of text is longer


def _address_under_title(doc: Doc) -> str:
    """The room printed on the line under the header's first line that gives the meeting's date: a page title that
    names the body and the date ("Kommunalbestyrelsen mandag den 28. oktober 2024 kl. 19.00" / "Rådhussalen,
    Frederiksberg Rådhus, Smallegade 1, 2000 Frederiksberg"), or a line under the body's heading ("Referat – onsdag
    den 19. juni 2024 kl. 18.00" / "Byrådssalen, Hillerød Rådhus, Trollesmindealle 27")."""
    at = doc.header_text.index(doc.title) if doc.title in doc.header_text else 0
    lines = doc.header_text[at : at + structure.HEADER_LINES]  # from the title on
    for i, t in enumerate(lines):
        line = fold_ws(t)
        if "\n" in t.strip() or not (structure.forum_date_place(line)[1] or structure.date_line([line])[0]):
            continue
        nxt = fold_ws(lines[i + 1]) if i + 1 < len(lines) else ""
        if room := structure.room_in_sentence(nxt):  # "Mødet blev holdt i Byrådssalen, Aarhus Rådhus, og ..."
            return room
        one_line = nxt and "\n" not in lines[i + 1].strip() and len(nxt) < _MAX_ROOM_CHARS and ":" not in nxt
        return nxt if one_line and structure.ADDRESS_RE.search(nxt) else ""
    return ""


_LETTERHEAD_RE = re.compile(r"^[A-ZÆØÅ][\wæøåÆØÅ-]*(?:\s[A-ZÆØÅ][\wæøåÆØÅ-]*)?\s+(?:KOMMUNE|Kommune)\s+(?=\S)")


def _place_after_date(doc: Doc) -> str:
    """The room after the date on the page's title line ("Referat af møde i Teknik- og Miljøudvalget Den 14.06.2022
    kl. 16:00 i Mødelokale 4, Køge Rådhus")."""
    for t in [doc.title, *doc.header_text[:structure.HEADER_LINES]]:
        _, when, place = structure.forum_date_place(fold_ws(t))
        if when and place and structure.ADDRESS_RE.search(place):
            return place.rstrip(" .")  # "... kl. 14.00 i Mødelokale 1, Rådhuset." ends the sentence
    return ""


_MAX_FORUM_WORDS = 8  # a body's name in a page title ("Social- og Sundhedsudvalget"); a title sentence is longer


_MEETING_SENTENCE_RE = re.compile(
    r"^(?:Referat|Dagsorden|Beslutningsprotokol)\s+(?:af|fra)\s+(?:\w+\s+){0,2}?møde(?:t)?\b", re.IGNORECASE)


def _meeting_sentence(doc: Doc) -> str:
    """The header's sentence that says which meeting the minutes are of, when it dates and times it ("Referat af møde i
    Handicaprådet tirsdag den 10. maj 2016 kl. 15.00 i mødelokale 3"): before a letterhead's "Dato:", which dates
    the letter."""
    for t in doc.header_text[: structure.HEADER_LINES]:
        line = fold_ws(t)
        if _MEETING_SENTENCE_RE.match(line) and parse_danish_datetime(line)[1]:  # dated and timed
            return line
    return ""


def _committee_from_title(doc: Doc) -> str:
    """ "Økonomiudvalget - Referat" / "Referat af møde i Økonomiudvalget" -> the forum."""
    for t in [doc.title, *doc.header_text[:4]]:
        t = fold_ws(t)
        m = re.match(r"^(.+?)\s+[-–]\s+(?:Referat|Dagsorden)\b", t, re.IGNORECASE)
        if m:
            return m[1]
        m = re.match(r"^(?:Referat|Dagsorden|Beslutningsprotokol)\s*[-–:]\s*(\S.*?)(?:\s+[-–]\s+.*)?$", t, re.I)
        if m and FORUM_WORD_RE.search(m[1]):  # "Referat - Teknik- og Miljøudvalget - 03.10.2023"
            return m[1]
        m = re.match(r"^(?:Referat|Dagsorden)\s+(?:af|fra)\s+(\S.*?)s\s+møde\b", t, re.IGNORECASE)
        if m:  # "Referat af Byrådets møde": the body in the genitive
            return m[1]
        m = re.match(
            r"^(?:Referat|Dagsorden)\s+(?:af|fra|for)\s+(?:(?:møde|mødet)\s+(?:i|for)\s+)?(.+?)"
            r"(?:\s+(?:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag))?(?:\s+den\b.*)?$",  # "... tirsdag den 10."
            t,
            re.IGNORECASE,
        )
        if m:
            return m[1]
    for t in [doc.title, *doc.header_text[:4]]:  # "Kommunalbestyrelsen mandag den 28. oktober 2024 kl. 19.00"
        forum, when, _ = structure.forum_date_place(fold_ws(t))
        if when and FORUM_WORD_RE.search(forum) and len(forum.split()) <= _MAX_FORUM_WORDS \
                and not re.search(DATE_PATTERN, forum):  # a menu of meetings: "Ældrerådet 14.10.2008 09.09.2008"
            return forum.strip(" -–,")
    title = fold_ws(doc.title)  # a portal's page heading is the body itself ("Social- og Sundhedsudvalget")
    if title and FORUM_WORD_RE.search(title) and len(title.split()) <= _MAX_FORUM_WORDS and not re.search(r"\d", title):
        return title
    return ""


def text_blocks(text: str) -> list[Block]:
    """Blocks of plain text or Markdown: paragraphs, '#' headings, list items kept together."""
    blocks = []
    for para in re.split(r"\n\s*\n", clean_text(text)):
        lines = para.split("\n")
        if len(lines) > 1 and all(re.match(r"^#{1,6}\s", ln) for ln in lines[:1]):
            blocks.append(_md_block(lines[0]))
            para = "\n".join(lines[1:])
        m = re.match(r"^(#{1,6})\s+(.*)$", para)
        if m and "\n" not in para:
            blocks.append(Block(m[2].strip(" #"), len(m[1]), True, "h"))
        elif para.strip():
            para = re.sub(r"\*\*(.+?)\*\*|__(.+?)__", lambda x: x[1] or x[2], para)
            head, nl, rest = para.partition("\n")
            if nl and rest.strip() and _heading_alone(head):  # "Beslutning\nGodkendt.": no blank line after it
                blocks += [Block(head.strip()), Block(rest)]
            else:
                blocks.append(Block(para))
    return blocks


_MAX_HEADING_WORDS = 6  # "Beslutning i Byrådet den 12-03-2024"; a wrapped sentence's first line is longer


def _heading_apart(b: Block) -> list[Block]:
    """A block whose first line is a heading of its own ("Beslutning i Teknik- og Miljøudvalget den 8. april 2025:"
    <br> "Godkendt.") as the heading and the text under it, as plain text's paragraphs are split."""
    head, nl, rest = b.text.partition("\n")
    if nl and rest.strip() and not b.heading and _heading_alone(head):
        return [replace(b, text=head.strip()), replace(b, text=rest)]
    return [b]


def _heading_alone(line: str) -> bool:
    """A line that is a heading of the dictionary and nothing else ("Beslutning", "Sagsfremstilling", "Udvalgets
    beslutning"), not the first line of a wrapped sentence that ends in such a word."""
    t = fold_ws(line)
    dated = structure.decision_heading(t)  # "Byrådets beslutning under mødet den 20. januar 2022:", a colon after it,
    # or "Beslutning i Beredskabskommissionen den 26. november 2019": the body and the date, the whole line
    if dated is not None and (dated.body or dated.date) and (t.endswith(":") or (dated.body and dated.date)):
        return True
    return bool(t) and len(t.split()) <= _MAX_HEADING_WORDS and bool(heading_level(t)) and structure.heading_shaped(t)


def _md_block(line: str) -> Block:
    m = re.match(r"^(#{1,6})\s+(.*)$", line)
    return Block(m[2].strip(" #"), len(m[1]), True, "h") if m else Block(line)


# a running header or footer of a print: the page number at the line's end after a column's gap or a dash
# ("Silkeborg Kommune  ·  Plan- og Vejudvalget  ·  02.02.2026          side 2/4", "Teknisk Udvalg 03.10.2017 - side 1")
_RUNNING_PAGE_RE = re.compile(r"(?:\s{3,}|\s[-–]\s)side\s+\d{1,4}(?:\s*(?:af|/)\s*\d{1,4})?\s*$", re.IGNORECASE)


def read(text: str, path: Path, warnings: list[str]) -> tuple[Meeting, str | None]:
    from assistant.readers import print_layout

    text = print_layout.cover_text(text)  # a cover's labels and columns, as the print reader reads them
    paras = print_layout.numbered_print(text)
    if paras is not None:  # print text with "N. Titel" items (sniffed as text: no "Punkt N:")
        return print_layout.parse_paragraphs(paras, warnings, print_layout.FORMAT_NUMBERED_TEXT)
    said: list[str] = []
    text = "\n".join(ln for ln in text.split("\n") if not _RUNNING_PAGE_RE.search(ln))
    found = parse_blocks(text_blocks(text), said, FORMAT_TEXT)
    one = not found[0].points or any(getattr(w, "key", "") == "plain_one_point" for w in said)  # the whole text
    if one and (paras := print_layout.numbered_print(text, headed=True)) is not None:
        said = []  # "N. Titel" items with no case numbers: the warnings of this reading alone
        found = print_layout.parse_paragraphs(paras, said, print_layout.FORMAT_NUMBERED_TEXT)
    warnings.extend(said)
    return found
