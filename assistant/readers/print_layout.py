"""FirstAgenda print layout (FORMATS.md format 1), as extracted text or as a PDF.

Header line "REFERAT|DAGSORDEN <forum> d. DD-MM-YYYY", label paragraphs (Mødedato, Mødested, Mødedeltagere),
a table of contents that is skipped, items "Punkt N: <title> (X)" whose titles may wrap, an optional case-number
line, then the sections (Beslutning first, then Sagsfremstilling and its sub-headings).
"""

from __future__ import annotations

import io
import itertools
import re
from collections import Counter
from dataclasses import dataclass, field

from assistant.messages import Message
from assistant.readers import structure
from assistant.readers.municipality import name_from_header
from assistant.readers.sniff import Unreadable
from assistant.records import AgendaPoint, Meeting, Participant
from assistant.textutil import Block, clean_text, fold_ws, parse_danish_datetime
from assistant.vocabulary import (
    ABSENCE_RE,
    ATTACHMENT_LINE_RE,
    FORUM_WORD_RE,
    PERSON_NAME,
    RECOMMENDS_RE,
    case_number_in_title,
    case_number_line,
    heading_level,
    party_named,
    section_kind,
)

FORMAT_TEXT = "firstagenda-print-text"
FORMAT_PDF = "firstagenda-print-pdf"
FORMAT_NUMBERED_TEXT = "print-text"  # print text whose items are "N. Titel" (ESDH, PolWeb)

ITEM_RE = re.compile(r"^\s*(?:Punkt|Pkt\.?)\s+(\d+[a-zA-Z]?)\s*[:.]\s*(.+)$", re.IGNORECASE | re.DOTALL)
TITLE_LINE_RE = re.compile(
    r"^\s*(?P<kind>REFERAT|DAGSORDEN|BESLUTNINGSPROTOKOL|Referat|Dagsorden)\b\s*(?:for\s+|fra\s+)?(?P<forum>.*?)"
    r"\s*(?:\b(?:d\.|den)\s*)?(?P<date>\d{1,2}[-./]\d{1,2}[-./]\d{4})?\s*$"
)
# "Social- og Sundhedsudvalget Referat Åbent referat" (ESDH prints: the body first)
FORUM_FIRST_RE = re.compile(
    r"^(?P<forum>[A-ZÆØÅ][^.:]{2,80}?)\s+[-–]?\s*(?P<kind>Referat|Dagsorden|Beslutningsprotokol)\b(?P<date>)"
)
# labels that print the date, the time and the room in one value, in either order
_WHEN_WHERE_LABELS = ("Tid og sted", "Mødested og tidspunkt", "Sted og tid", "Tidspunkt og sted")
_LABEL_WORDS = (
    *_WHEN_WHERE_LABELS, "Mødedato", "Mødetidspunkt", "Starttidspunkt", "Sluttidspunkt", "Dato", "Tidspunkt", "Tid",
    "Mødested", "Sted", "Lokale", "Lokation",
    "Mødedeltagere", "Deltagere", "Medlemmer", "Tilstede", "Til stede", "Ikke til stede", "Afbud/Fraværende", "Afbud",
    "Fraværende", "Forfald", "Udvalg", "Forum", "Sekretær", "Referent", "Protokolfører", "Suppleanter", "Suppleant",
    "Stedfortrædere", "Stedfortræder",
)  # fmt: skip
# a label printed in capitals ("MEDLEMMER", "MØDEDATO:"), read as the label
_CAPS_LABELS = {w.upper(): w for w in _LABEL_WORDS}
_CAPS_LABEL_RE = re.compile(r"^\s*([A-ZÆØÅ/ ]{3,}?)\s*(:.*)?$")
LABEL_RE = re.compile(
    rf"^(?P<label>{'|'.join(_LABEL_WORDS)})(?![\w/])"
    r"(?:\s+(?:med|uden)\s+afbud)?\s*:?\s*(?P<value>.*)$",  # "Fraværende med afbud: ..." (Copenhagen, Hvidovre)
    re.DOTALL,
)
_OTHER_LABEL_RE = re.compile(r"^[A-ZÆØÅ][\wæøåÆØÅ/ .-]{1,30}:(?:\s|$)")  # "Bemærkninger: ...", any label
TOC_RE = re.compile(r"^\s*(?:Indholdsfortegnelse|Indhold|INDHOLDSFORTEGNELSE)\s*$")
TOC_LINE_RE = re.compile(r"(?:\.{3,}|…+|\t)\s*\d+\s*$")
TOC_PAGE_RE = re.compile(r"(?:\s*(?:\.{3,}|…+|\t)\s*|\s+)\d+\s*$")  # a contents entry's page number
_AT_RE = re.compile(r"^\s*at\s")  # the "at ..." clauses of a recommendation, one a line
# paragraphs whose lines are kept
PEOPLE_RE = re.compile(
    r"^(?:Mødedeltagere|Deltagere|Medlemmer|Tilstede|Til stede|Ikke til stede|Afbud|Fraværende|Suppleant|Stedfortræder)"
    r"\b"
)
LIST_LINE_RE = re.compile(r"^\s*(?:[-•▪◦*]\s|\d{1,2}[.)]\s|[a-z][.)]\s)")


@dataclass
class _Header:
    kind: str | None = None
    committee: str = ""
    labels: dict[str, str] = field(default_factory=dict)
    text: list[str] = field(default_factory=list)


def _stands_alone(line: str) -> bool:
    """A line that is never part of a wrapped paragraph: an item line, a known heading, a case-number line, an
    attendance line. Extracted PDF text often has no vertical gap between them and the text around them."""
    t = line.strip()
    if ITEM_RE.match(t) or case_number_line(t):
        return True
    if len(t) <= 100 and heading_level(t):
        return True
    if HEADER_LABEL_LINE_RE.match(t) or (_META_LINE_RE.match(t) and len(t) < 80) or _numbered_title(t):
        return True
    if ATTACHMENT_LINE_RE.match(t):
        return True
    return bool(ABSENCE_RE.match(t) and ":" in t[:30]) or t.casefold().startswith("følgende deltog ikke")


# Header labels that start a line of their own: the distinctive ones always, the short ones with a colon or alone.
HEADER_LABEL_LINE_RE = re.compile(
    r"^(?:Mødedato|Mødetidspunkt|Mødested|Mødedeltagere|Medlemmer|Tilstede|Afbud/Fraværende|Deltagere)(?![\w/])"
    r"|^(?:Dato|Sted|Tidspunkt|Lokale|Afbud|Fraværende|Udvalg|Til stede|Ikke til stede|Sekretær|Referent|"
    r"Protokolfører)\s*(?::|$)"
)


_BARE_LABEL_LINE_RE = re.compile(r"^\s*[A-ZÆØÅ][\wæøåÆØÅ/ .-]{1,30}:\s*$")  # "Mødedato:" with no value
_MIN_LABEL_RUN = 3  # a cover's labels printed first: at least "Mødedato:", "Mødetidspunkt:", "Mødested:"


_LABELLED_VALUE_RE = re.compile(r"^[A-ZÆØÅ][\wæøå .-]{1,25}:\s+\S")


def labels_first(text: str) -> str:
    """An ESDH cover whose text extraction printed every label first and the values after them (FORMATS.md 9:
    "Mødedato:" / "Mødetidspunkt:" / "Mødested:" / "Medlemmer:" ... then "15-04-2024" / "Kl. 15:00" / ...) written
    as "label: value" lines. The labels before a run of blank label rows take the first values, those after it the
    last ones, and the label with the blank rows (a list of members) all between them."""
    lines = text.split("\n")
    start = next((i for i, ln in enumerate(lines) if _BARE_LABEL_LINE_RE.match(ln)
                  and sum(1 for x in lines[i:i + _MIN_LABEL_RUN] if _BARE_LABEL_LINE_RE.match(x)) == _MIN_LABEL_RUN),
                 None)  # fmt: skip
    if start is None or not LABEL_RE.match(lines[start].strip()):
        return text
    end = start
    while end + 1 < len(lines) and (not lines[end + 1].strip() or _BARE_LABEL_LINE_RE.match(lines[end + 1])):
        end += 1
    while not lines[end].strip():
        end -= 1
    rows = lines[start : end + 1]
    labels = [i for i, ln in enumerate(rows) if ln.strip()]
    v0 = end + 1
    while v0 < len(lines) and not lines[v0].strip():
        v0 += 1
    v1 = v0
    while v1 < len(lines) and not (structure.PAGE_LINE_RE.match(lines[v1]) or _PAGE_FOOTER_RE.search(lines[v1])
                                    or TOC_RE.match(lines[v1])
                                    or _numbered_title(lines[v1]) or ITEM_RE.match(lines[v1])):  # fmt: skip
        v1 += 1  # (an item's "N. Titel", not a date's "20. november 2018")
    values: list[str] = []
    labelled: list[str] = []  # a value line with a label of its own ("Referent: Susanne Lorenzen"): no label's value
    for ln in (ln.strip() for ln in lines[v0:v1]):
        if _LABELLED_VALUE_RE.match(ln):
            labelled.append(ln)
        elif values and values[-1] and ln[:1].islower():
            values[-1] += f" {ln}"  # a value wrapped onto the next line ("... deltog ældrechef X under" / "punkt 18.")
        else:
            values.append(ln)
    while values and not values[-1]:
        values.pop()
    gaps = [k for k in range(len(labels) - 1) if labels[k + 1] - labels[k] > 1]  # a label followed by blank rows
    out = _by_rows(rows, labels, gaps, values)
    if out is None and gaps:
        out = _by_gaps(rows, labels, gaps, values)
    if out is None:
        return text
    return "\n".join([*lines[:start], "\n\n".join(out + labelled), "", *lines[v1:]])


def _by_rows(rows: list[str], labels: list[int], gaps: list[int], values: list[str]) -> list[str] | None:
    """Each label's value on as many lines as the label has rows (its own and the blank ones under it: a value that
    wraps), the last label the lines that remain ("Deltagere:" / "" over two lines of names)."""
    taken = [labels[k + 1] - labels[k] for k in range(len(labels) - 1)]
    if not (sum(taken) < len(values) and all(values[: sum(taken)])):
        return None
    out, at = [], 0
    for i, n in zip(labels, [*taken, len(values) - sum(taken)], strict=True):
        label = rows[i].strip()
        out.append("\n".join([label, *values[at : at + n]]) if n > 1 else f"{label} {values[at]}")
        at += n
    return out


def _by_gaps(rows: list[str], labels: list[int], gaps: list[int], values: list[str]) -> list[str] | None:
    """The labels before the first one with blank rows take a line each from the top, those after the last one a line
    each from the bottom; between them, each label takes as many lines as it has rows and the last of them the lines
    that remain ("Mødested:" / "" over an address on two lines, "Deltagere:" / "" / "" over the names)."""
    if len(values) < len(labels):
        return None
    taken = [labels[k + 1] - labels[k] for k in range(len(labels) - 1)]
    top, bottom = labels[: gaps[0]], labels[gaps[-1] + 1 :]
    out = [f"{rows[i].strip()} {values[k]}" for k, i in enumerate(top)]
    middle = [v for v in values[len(top) : len(values) - len(bottom)] if v]
    spans = [taken[k] for k in range(gaps[0], gaps[-1])]
    if sum(spans) >= len(middle):
        return None
    at = 0
    for k, n in zip(range(gaps[0], gaps[-1] + 1), [*spans, len(middle) - sum(spans)], strict=True):
        out.append("\n".join([rows[labels[k]].strip(), *middle[at : at + n]]))
        at += n
    return out + [f"{rows[i].strip()} {values[len(values) - len(bottom) + k]}" for k, i in enumerate(bottom)]


_COLUMN_LABELS_RE = re.compile(rf"^\s*(?:{'|'.join(_LABEL_WORDS)})\s{{4,}}\S", re.IGNORECASE)  # the next pair
_COLUMN_GAP_RE = re.compile(r"\S(\s{4,})\S")  # two columns of a cover printed side by side


_SUBLABEL_RE = re.compile(r"^[A-ZÆØÅ][\wæøå ]{2,30}:$")  # "Desuden deltog:" under a column's names


def _sublabels(label: str, values: list[str]) -> list[tuple[str, list[str]]]:
    """A column's values parted at a label of their own below the first ("Ikke til stede:" / "Anders Rud" /
    "Desuden deltog:" / "Kultur- og fritidschef Pia Vestergård"): each label with the values under it."""
    out = [(label, [])]
    for v in values:
        if _SUBLABEL_RE.match(v):
            out.append((v.rstrip(":"), []))
        else:
            out[-1][1].append(v)
    return out


def two_columns(text: str) -> str:
    """A cover printed as two columns of labels over their values ("Mødedato          Mødested" / "Tirsdag den 7.
    maj 2024          Mødelokale 2, Rådhuset"; "Medlemmer          Ikke til stede" over the names) written as one
    "label: value" block per label: the right column is cut at the label's own offset on each line."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        gap = _COLUMN_GAP_RE.search(line)
        cols = [line[: gap.start(1)].strip().rstrip(":"), line[gap.end(1) :].strip().rstrip(":")] if gap else []
        if not (cols and all(c in _LABEL_WORDS or c.capitalize() in _LABEL_WORDS for c in cols)):
            out.append(line)
            i += 1
            continue
        at = gap.end(1)
        left: list[str] = []
        right: list[str] = []
        j = i + 1
        while j < min(i + 3, len(lines)) and not lines[j].strip():
            j += 1  # a blank line between the labels and their values (Acadre's prints)
        while j < len(lines) and lines[j].strip() and not _COLUMN_LABELS_RE.match(lines[j]):
            left.append(lines[j][:at].strip())
            right.append(lines[j][at:].strip())
            j += 1
        for col_label, col_values in ((cols[0], left), (cols[1], right)):
            for label, values in _sublabels(col_label, [v for v in col_values if v]):
                out += [f"{label}:", *values, ""] if len(values) > 1 else [f"{label}: {' '.join(values)}", ""]
        i = j
    return "\n".join(out)


_PEOPLE_WORDS = PEOPLE_RE.pattern.removeprefix("^")  # the label anywhere after the line's indent
_PEOPLE_LABEL_LINE_RE = re.compile(rf"^\s*{_PEOPLE_WORDS}[^:\n]{{0,20}}:?\s*$")  # "Medlemmer:" alone
_PEOPLE_FIRST_ROW_RE = re.compile(rf"^(?P<label>\s*{_PEOPLE_WORDS}[^:\n]{{0,20}}:\s+)(?P<row>\S.*)$")


def people_columns(text: str) -> str:
    """A list of members printed in two columns under its label ("Anne-Grethe Bundgaard (V), borgmester     Lene
    Aagaard (A)" a line) written one member a line, the left column first: the right column is cut at its offset."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        first = _PEOPLE_FIRST_ROW_RE.match(lines[i])  # "Medlemmer:       Ole Kjær (V), formand      Bodil Rytter (A)"
        if not (_PEOPLE_LABEL_LINE_RE.match(lines[i]) or first and _COLUMN_GAP_RE.search(first["row"])):
            out.append(lines[i])
            i += 1
            continue
        out.append(first["label"].strip() if first else lines[i])
        top = i + 1
        while not first and top < min(i + 3, len(lines)) and not lines[top].strip():
            top += 1  # a blank line between the label and its names
        j = top
        while j < len(lines) and lines[j].strip():
            j += 1
        rows = ([" " * len(first["label"]) + first["row"]] if first else []) + lines[top:j]
        gaps = [_COLUMN_GAP_RE.search(r) for r in rows]
        starts = _column_starts(rows)  # three columns or more, a column's names under its party's heading
        if not starts and (len(rows) < 2 or sum(1 for g in gaps if g) < len(rows) - 1):  # each row two names (the
            i += 1  # last may be one)
            continue
        starts = starts or [0, min(g.end(1) for g in gaps if g)]
        cells = [r[a:b].strip() for a, b in zip(starts, [*starts[1:], None], strict=True) for r in rows
                 if r[a:b].strip()]
        out += _with_party_letters(cells)
        i = j
    return "\n".join(out)


_MIN_COLUMN_ROWS = 2  # a column is text starting at the same offset on this many rows at least


def _column_starts(rows: list[str]) -> list[int]:
    """The offsets where the columns of a list of names printed in three or more columns start (text after a gap of
    two spaces or more, or at a line's start, on two rows or more), or [] for fewer columns or when a row's text runs
    across an offset."""
    counts = Counter(m.start() for r in rows for m in re.finditer(r"(?:^|(?<=\s\s))\S", r))
    starts = sorted(p for p, n in counts.items() if n >= _MIN_COLUMN_ROWS)
    if len(starts) < 3 or any(len(r) > p and r[p - 1] != " " and r[p] != " " for r in rows for p in starts[1:]):
        return []
    return starts


_LETTERED_RE = re.compile(r"^(?P<name>[^()]+?)\s*\((?P<letter>[A-ZÆØÅ]{1,3})\)$")  # "Socialdemokratiet (A)"


def _with_party_letters(cells: list[str]) -> list[str]:
    """Names grouped under their party's heading ("Socialdemokratiet (A)" over "Lars Bech Sørensen", ...) as "Lars
    Bech Sørensen (A)": when two or more cells are parties with their letters and the names carry none, every cell
    with a letter is a heading, and the names under it get its letter."""
    parties = [m for c in cells if (m := _LETTERED_RE.match(c)) and party_named(m["name"]) == m["letter"]]
    if len(parties) < 2 or sum(1 for c in cells if "(" not in c) < len(cells) / 2:
        return cells
    out, letter = [], ""
    for c in cells:
        if m := _LETTERED_RE.match(c):
            letter = m["letter"]
            continue
        name, _, role = c.partition(",")
        out.append(f"{name.strip()} ({letter}){',' + role if role else ''}" if letter else c)
    return out


_LABEL_CELL_RE = re.compile(r"^[A-ZÆØÅ][\wæøå.\- ]{1,20}:$|^(?:Åben|Åbent|Lukket)(?: sag)?$")  # "Sagsid.:", "Åben sag"


def label_row(text: str) -> str:
    """An item's metadata printed as a row of labels over a row of values ("Dok.nr.:    Sagsid.:    Initialer:
    Åben sag" / "25/1020     25/88       pkj", ESDH prints) written as "label: value" lines; a status cell stays a
    line of its own."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        cells = [(m.start(), m.group()) for m in re.finditer(r"\S+(?: \S+)*", lines[i])]
        labels = [c for c in cells if _LABEL_CELL_RE.match(c[1])]
        values = lines[i + 1] if i + 1 < len(lines) else ""
        if len(cells) < 2 or len(labels) != len(cells) or sum(c[1].endswith(":") for c in cells) < 2 \
                or not values.strip() or _LABEL_CELL_RE.match(values.strip().split("  ")[0]):
            out.append(lines[i])
            i += 1
            continue
        starts = [at for at, _ in cells] + [max(len(values), cells[-1][0]) + 1]
        for (at, label), end in zip(cells, starts[1:], strict=True):
            value = values[at:end].strip() if label.endswith(":") else ""
            out.append(f"{label} {value}" if label.endswith(":") else label)
        i += 2
    return "\n".join(out)


def cover_text(text: str) -> str:
    """The text with a cover printed labels first or in two columns written as "label: value" lines, a list of
    members in two columns or as a table one a line, and items' metadata printed as a row of labels over a row of
    values."""
    return label_row(people_columns(two_columns(labels_first(people_table(label_columns(label_after_gap(
        wrapped_margin_labels(text))))))))


# a label in a print's left margin wrapped onto the next line, the text in the column beside both lines
# ("Udvalgets             Dagsordenen blev godkendt." / "beslutning:")
_MARGIN_FIRST_RE = re.compile(r"^(?P<frag>[A-ZÆØÅ][^\s:]{1,30}(?: [^\s:]{1,30})?)(?P<gap>\s{2,})(?P<text>\S.*)$")
_MARGIN_SECOND_RE = re.compile(r"^(?P<frag>[a-zæøå][^\s:]{1,30}(?: [^\s:]{1,30})?:)(?:(?P<gap>\s{2,})(?P<text>\S.*))?$")


def wrapped_margin_labels(text: str) -> str:
    """A margin label wrapped over two lines written on the first: "Udvalgets beslutning: Dagsordenen blev godkendt."
    over the second line's text (the readers know "Label: text" lines). The second line is the label's end only when
    it starts in lower case and ends the label with its colon, and its text starts in the first line's column."""
    lines = text.split("\n")
    for i in range(len(lines) - 1):
        first, second = _MARGIN_FIRST_RE.match(lines[i]), _MARGIN_SECOND_RE.match(lines[i + 1])
        if not (first and second and heading_level(f"{first['frag']} {second['frag']}".rstrip(":"))):
            continue
        column = first.start("text")
        if second["text"] and second.start("text") != column:
            continue
        lines[i] = f"{first['frag']} {second['frag']} {first['text']}"
        lines[i + 1] = " " * column + second["text"] if second["text"] else ""
    return "\n".join(lines)


# a time or place label printed after a column's gap on another fact's line ("Tirsdag den 11. februar 2025
# Tid: 17:00-19:30")
_LABEL_AFTER_GAP_RE = re.compile(
    r"^(?P<first>\s*\S.*?\S)\s{4,}(?P<label>(?:Tid|Tidspunkt|Mødetidspunkt|Kl\.|Sted|Mødested|Lokale)\s*:\s*\S.*)$",
    re.MULTILINE)


def label_after_gap(text: str) -> str:
    """A time or place label after a column's gap as a paragraph of its own, under the line it was printed on (unless
    the line is a row of "label: value" pairs, which ``label_columns`` reads)."""
    return _LABEL_AFTER_GAP_RE.sub(
        lambda m: m[0] if _LABEL_PAIRS_RE.match(m[0]) else f"{m['first']}\n\n{m['label']}", text)


# a cover's row of two "label: value" pairs side by side ("Mødedato:    14.03.2023        Medlemmer:    Anne Berg (A)")
_LABEL_PAIRS_RE = re.compile(
    rf"^\s*(?:{'|'.join(_LABEL_WORDS)}):\s*\S.*?\s{{4,}}(?P<right>(?:{'|'.join(_LABEL_WORDS)}):)(?:\s|$)")
_COLUMN_END_BLANKS = 2  # blank lines that end a cover's columns (one blank line may part labels within a column)


# ... or a "label: value" line beside a column of other text (the contents: "Dato:   Mandag den 14. juni 2021
# Indhold" / "Start kl.:   17:00       1.   Godkendelse af dagsorden .... 2")
_LABEL_BESIDE_COLUMN_RE = re.compile(
    rf"^\s*(?:{'|'.join(_LABEL_WORDS)}|Start kl\.|Slut kl\.):\s*\S.*?\s{{4,}}(?P<right>\S)")
_COLUMN_LINES = 3  # lines of a block whose text starts at the same offset after a gap: a column, not a gap's chance


def _column_at(lines: list[str], i: int, at: int) -> bool:
    """Whether the lines from ``i`` to the next blank pair hold a column of text starting at offset ``at``."""
    n, blanks = 0, 0
    for ln in lines[i:]:
        blanks = 0 if ln.strip() else blanks + 1
        if blanks >= _COLUMN_END_BLANKS:
            break
        if len(ln) > at and ln[at] != " " and ln[at - 1] == " " and ln[at - 2 : at] == "  ":
            n += 1
    return n >= _COLUMN_LINES


def label_columns(text: str) -> str:
    """A cover printed as two columns of "label: value" pairs (the meeting's facts on the left, "Medlemmer:" and its
    names on the right) written as the left column's lines, then the right one's: each line is cut at the right
    column's first label, unless a line's text runs across that offset (then it is no column)."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        m = _LABEL_PAIRS_RE.match(lines[i]) or _LABEL_BESIDE_COLUMN_RE.match(lines[i])
        if not m or (m.re is _LABEL_BESIDE_COLUMN_RE and not _column_at(lines, i, m.start("right"))):
            out.append(lines[i])
            i += 1
            continue
        at, j, blanks = m.start("right"), i, 0
        while j < len(lines) and blanks < _COLUMN_END_BLANKS and not structure.PAGE_LINE_RE.match(lines[j]):
            blanks = 0 if lines[j].strip() else blanks + 1
            j += 1
        block = lines[i:j]
        if any(len(ln) > at and ln[at - 1] != " " and ln[at] != " " for ln in block):
            out.append(lines[i])
            i += 1
            continue
        left = [ln[:at].rstrip() for ln in block]
        right = [ln[at:].strip() for ln in block if ln[at:].strip()]
        out += [*left, "", *right, ""]
        i = j
    return "\n".join(out)


# the header of a table of the members in a print ("Navn          Parti   Fremmøde", FirstAgenda's print)
_PEOPLE_TABLE_HEAD_RE = re.compile(
    r"^(?P<indent>\s*)(?P<label>Navn|Deltagere|Medlemmer|Medlem)\s{2,}(?:(?P<party>Parti)\s{2,})?"
    r"(?P<status>Fremmøde|Status|Deltagelse)\s*$")  # and "Deltagere        Status" (no party column)
_ABSENT_STATUS_RE = re.compile(r"^(?:afbud|fraværende|forfald|ikke\s+til\s+stede|deltog\s+ikke)\b", re.IGNORECASE)


def people_table(text: str) -> str:
    """A table of the members printed as columns under the header "Navn  Parti  Fremmøde" written one member a line,
    "Name (party)", "(Afbud)" after one whose status says absent ("Deltog, dog ikke i punkt 5": at the meeting)."""
    lines = text.split("\n")
    out: list[str] = []
    i = 0
    while i < len(lines):
        head = _PEOPLE_TABLE_HEAD_RE.match(lines[i])
        if not head:
            out.append(lines[i])
            i += 1
            continue
        at_status = head.start("status")
        at_party = head.start("party") if head["party"] else at_status
        if head["label"] != "Navn":  # the label heads the list of names: "Deltagere:" over them, as a cover prints it
            out.append(f"{head['indent']}{head['label']}:")
        i += 1
        while i < len(lines) and lines[i].strip() and len(lines[i]) > at_party:
            row = lines[i]
            name, party, status = row[:at_party].strip(), row[at_party:at_status].strip(), row[at_status:].strip()
            absent = " (Afbud)" if _ABSENT_STATUS_RE.match(status) else ""
            out.append(f"{head['indent']}{name} ({party}){absent}" if party else f"{head['indent']}{name}{absent}")
            i += 1
    return "\n".join(out)


# a member on a line of its own: "Jens Peter Kølle (A) - formand", "Niels Krog (V) - stedfortræder for Karin Holst"
_MEMBER_ROW_RE = re.compile(  # ... "Inger Støvring (V) - i stedet mødte stedfortræder Jens Kristian Noe (V)"
    rf"^\s*{PERSON_NAME}\s*\([A-ZÆØÅ]{{1,3}}\)(?:\s*[-–,]\s*[\wæøåÆØÅ .]{{2,60}}(?:\s*\([A-ZÆØÅ]{{1,3}}\))?)?\s*$")


def paragraphs(text: str) -> list[str]:
    """Paragraphs of extracted text: wrapped lines joined, list items kept on their own lines, furniture dropped;
    item lines, headings, case numbers and attendance lines are paragraphs of their own."""
    out = []
    for raw in re.split(r"\n\s*\n", clean_text(cover_text(text))):
        lines = [_caps_label(ln) for ln in raw.split("\n") if ln.strip() and not structure.PAGE_LINE_RE.match(ln)]
        if not lines:
            continue
        para = lines[0]
        alone = _stands_alone(para)
        rows = lines[1:] if lines[0].rstrip().endswith(":") else lines  # under "Forfald:" or alone
        members = len(rows) > 1 and all(_MEMBER_ROW_RE.match(ln) for ln in rows)  # the members, one a line
        keep_lines = False  # under "Bilag" or "Sagsforløb" every line is an entry of its own
        for ln in lines[1:]:
            ln_alone = _stands_alone(ln)
            if ln_alone or (alone and not _continues_title(para, ln)):
                out.append(para)
                if alone:
                    keep_lines = section_kind(para) in ("attachments", "path") or bool(PEOPLE_RE.match(para))
                para, alone = ln, ln_alone
                continue
            keep = keep_lines or members or PEOPLE_RE.match(para) or (_AT_RE.match(ln) and _opens_at_list(para))
            joiner = "\n" if keep or LIST_LINE_RE.match(ln) or TOC_LINE_RE.search(ln) else " "
            if para.endswith("-") and not para.endswith(" -") and ln[:1].islower():
                para, joiner = _unhyphenated(para), ""  # a word hyphenated at the line end
            para = f"{para}{joiner}{ln}"
        out.append(para)
    return structure.merge_broken_paragraphs(out)


def _unhyphenated(text: str) -> str:
    """Text ending in a word hyphenated at the line end, the hyphen taken out; a compound of a name keeps it
    ("... i Farsø-" / "området": "Farsø-området", as Danish writes it); the first word of the text may be capital
    for its place alone ("Kommune-" / "plan 2021"), and a capital word's linking "s" joins a compound ("Social- og
    Sundheds-" / "udvalget": "Sundhedsudvalget")."""
    words = text.split()
    name = len(words) > 1 and words[-1][:1].isupper() and not words[-1].endswith("s-")
    return text if name else text[:-1]


def _opens_at_list(para: str) -> bool:
    """The paragraph so far ends a recommendation's lead-in ("... indstiller," / "Det indstilles, at") or one of its
    "at ..." clauses, so a next line starting with "at" is the next clause, not a wrapped sentence."""
    last = para.rsplit("\n", 1)[-1]
    return bool(RECOMMENDS_RE.search(last) or re.search(r"\bindstill(?:er|es)\s*,?\s*$", last) or _AT_RE.match(last))


def _caps_label(line: str) -> str:
    m = _CAPS_LABEL_RE.match(line)
    return f"{_CAPS_LABELS[m[1]]}{m[2] or ''}" if m and m[1] in _CAPS_LABELS else line


def _continues_title(para: str, line: str) -> bool:
    """The next line of a wrapped item title ("Punkt 3: Forslag til lokalplan for et område ved / Havnen (B)") or
    of a header label's value ("Mødested Rådhuset, Torvegade 15, / Slagelse")."""
    if HEADER_LABEL_LINE_RE.match(para) and len(para.split()) > 1 and not LABEL_RE.match(line):
        return True
    return bool(ITEM_RE.match(para)) and "\n" not in para and not TOC_LINE_RE.search(para) and len(para) < 200


def _drop_repeated_title(paras: list[str]) -> list[str]:
    """Page headers: the document's title line repeated at the top of every page."""
    counts = Counter(paras)
    first = paras[0] if paras else ""
    return [p for i, p in enumerate(paras) if i == 0 or not (p == first and counts[p] > 1)]


def _header(paras: list[str]) -> _Header:
    h = _Header()
    pending = ""
    for p in paras:
        h.text.append(p)
        if pending and not _OTHER_LABEL_RE.match(p):  # "Afbud" on its own line, the names on the next (not a
            # label of its own after an empty one: "Sekretær" / "Bemærkninger: ...")
            h.labels[pending] = p.strip()
            pending = ""
            continue
        pending = ""
        m = LABEL_RE.match(p)
        if m and m["label"] not in h.labels:
            if m["value"].strip():
                value = m["value"].strip()
                h.labels[m["label"]] = value if PEOPLE_RE.match(p) else fold_ws(value)
            else:
                pending = m["label"]
            continue
        t = TITLE_LINE_RE.match(fold_ws(p)) or FORUM_FIRST_RE.match(fold_ws(p))
        if t and h.kind is None and (t.re is TITLE_LINE_RE or FORUM_WORD_RE.search(t["forum"])):
            h.kind = "referat" if t["kind"].lower() in ("referat", "beslutningsprotokol") else "dagsorden"
            forum, when, place = structure.forum_date_place(t["forum"])
            h.committee = forum.strip(" -–")
            if t["date"] or when:
                h.labels.setdefault("_titledate", t["date"] or when)
            if place:
                h.labels.setdefault("Mødested", place)
    return h


def _participants(h: _Header, points: list[str]) -> list[Participant]:
    people: list[Participant] = []
    value = next((h.labels[k] for k in ("Mødedeltagere", "Deltagere", "Medlemmer", "Tilstede", "Til stede")
                  if h.labels.get(k)), "")  # fmt: skip
    for part in structure.listed_names(value):
        person = structure.parse_participant(part)
        if person and person.name[:1].isupper():  # "Karina Thygesen (A), formand, ...": the role is no participant
            people.append(person)
    for label in ("Suppleanter", "Suppleant", "Stedfortrædere", "Stedfortræder"):
        # "Mia Kronborg (V), suppleant for Lone Frimann. Ulrik Dahl (F), suppleant for Jakob Eskildsen.": present
        listed = fold_ws(h.labels.get(label, "")).rstrip(".")
        people = structure.with_substitutes(people, re.split(r"[.,;]\s+|\n", listed))

    def absent(label: str) -> list[str]:  # those absent from the whole meeting, not from some points only
        names = structure.whole_meeting(h.labels.get(label, ""), points)  # one a line, or a comma list
        return [n for part in structure.listed_names(names) for n in structure.split_names(part)]

    extra = [(n, "Afbud") for n in absent("Afbud")]
    for label in ("Fraværende", "Afbud/Fraværende", "Ikke til stede", "Forfald"):
        extra += [(n, "Fraværende") for n in absent(label)]
    return structure.mark_absent(people, extra)


# "12. Titel", and "12/2024   Titel" where the items are numbered through the year
NUMBERED_RE = re.compile(r"^\s*(\d{1,4}[a-zA-Z]?(?=\.)|\d{1,4}/(?:19|20)\d\d(?=\s))\.?\s+(\S.*)$", re.DOTALL)
_CONJUNCTIONS = frozenset({"og", "eller", "samt", "til"})  # "Sundheds-" / "og Omsorgsudvalget" keeps its hyphen
_HEADER_DATE_CHARS = 2000  # the plain reader's window for a header's first date
_TITLE_WRAP_LINES = 2  # a title printed over at most three lines before its case number
_CONFIRM_WINDOW = 4  # paragraphs after a "N. Titel" line in which a case number or a known heading confirms it


def _numbered_title(p: str) -> tuple[str, str] | None:
    m = NUMBERED_RE.match(p)
    if not m or TOC_LINE_RE.search(p.split("\n")[0]):
        return None
    title = m[2].split("\n")[0].strip()
    if not title[:1].isupper() or structure.ends_sentence(title) or len(title) > 250:
        return None
    return m[1], m[2]


def _numbered_items(paras: list[str]) -> set[int]:
    """Indexes of the "N. Titel" paragraphs that are the document's items.

    Candidates are numbered lines starting with a capital letter; the items are the longest chain of candidates
    whose numbers rise by one (others skipped: numbered lists inside a point), the later chain on a tie (a table of
    contents printed as the same numbered lines comes first). A lone item (one running number, "715. Titel") counts
    when a case number or a known heading follows it closely.
    """
    listed = _attachment_lines(paras)
    titled = [(i, t) for i, p in enumerate(paras) if i not in listed and (t := _numbered_title(p))]
    # An item printed more than once, the same number with the same first words: in a contents list without dot
    # leaders ("141.  Godkendelse af dagsorden      410") before the items, in an attachment list after them
    # ("Bilagsliste" / "142. Forslag til Lokalplan 112" / "1. Lokalplanforslag"). The item is the printing with a
    # case number or a known heading under it, else the one with the most text under it; a chain through the others
    # would run on from a list into the items.
    others = structure.other_printings([(i, *t) for i, t in titled], len(paras), lambda i, j: (
        not _contents_entry(paras[i : min(j, i + 2)]), _confirmed(paras[i + 1 : min(j, i + 1 + _CONFIRM_WINDOW)]),
        sum(map(len, paras[i + 1 : j])), i))
    cands = [(i, int(re.match(r"\d+", t[0])[0])) for i, t in titled if i not in others]
    lettered = {i for i, t in titled if re.fullmatch(r"\d+\s?[a-z]", t[0])}  # "4a.": added to the agenda after 4.
    best: list[int] = []
    for k, (_, n0) in enumerate(cands):
        chain, last = [cands[k][0]], n0
        for i, n in cands[k + 1 :]:
            if n == last + 1 or (n == last and i in lettered):
                chain.append(i)
                last = n
        if len(chain) >= len(best):
            best = chain
    if len(best) == 1:
        i = best[0]
        window = paras[i + 1 : i + 1 + _CONFIRM_WINDOW]
        if not any(case_number_line(p) or heading_level(p) for p in window):
            return set()
    # an item printed out of its number's order ("145.", "147.", "146.": a point moved on the agenda), confirmed as
    # an item by a case number or a known heading under it
    numbers = {n for i, n in cands if i in best}
    moved = {i for i, n in cands if best and i > best[0] and n not in numbers and min(numbers) < n <= max(numbers) + 1
             and _confirmed(paras[i + 1 : i + 1 + _CONFIRM_WINDOW])}  # fmt: skip
    return set(best) | moved


def _contents_entry(paras: list[str]) -> bool:
    """Whether a numbered line and the line it wraps onto end in a contents entry's page number ("7. Køb af areal til
    stiforbindelse" / "mellem Karise og Faxe ........ 10"): the contents' printing, never the item's."""
    return any(TOC_LINE_RE.search(ln) for p in paras for ln in p.split("\n")[:2])


def _confirmed(under: list[str]) -> bool:
    """Whether the paragraphs under a numbered line confirm it as an item: a case number or a known heading."""
    return any(case_number_line(p.split("\n")[0]) or heading_level(p.split("\n")[0]) for p in under)


def _attachment_lines(paras: list[str]) -> set[int]:
    """Indexes of the numbered lines of an attachment list: "1. Høringsmateriale", "2. Samlede høringssvar" under a
    "Bilag" heading, numbered from 1 and rising by one, none with a case number under it as an item has."""
    out: set[int] = set()
    expect = 0
    for i, p in enumerate(paras):
        lines = p.split("\n")
        if section_kind(lines[0]) == "attachments" and len(lines[0].split()) <= 2:
            expect = 1
            continue
        t = _numbered_title(p)
        # the line under it; under a title that stops unfinished, the lines it wraps onto too ("3. Nedlæggelse af
        # daghjem ... i" / "Stenløse" / "J.nr. 24/19540": an item after the list, not its third attachment)
        wraps = _TITLE_WRAP_LINES if t and structure.unfinished(t[1].split("\n")[0]) else 0
        follows = [*lines[1:2], *itertools.takewhile(lambda ln: not NUMBERED_RE.match(ln), (
            q.split("\n")[0] for q in paras[i + 1 : i + 2 + wraps]))]
        if expect and t and int(re.match(r"\d+", t[0])[0]) == expect and not any(map(case_number_line, follows)):
            out.add(i)
            expect += 1
        else:
            expect = 0
    return out


def _split_item(paras: list[str]) -> tuple[list[str], list[tuple[str, str, list[str]]]]:
    """Header paragraphs, and (number, title, body paragraphs) per item; the table of contents is dropped."""
    header: list[str] = []
    items: list[tuple[str, str, list[str]]] = []
    numbered = set() if any(ITEM_RE.match(p) for p in paras) else _numbered_items(paras)
    in_toc = False
    for i, p in enumerate(paras):
        m = ITEM_RE.match(p) or (NUMBERED_RE.match(p) if i in numbered else None)
        if m and not TOC_LINE_RE.search(p):
            in_toc = False
            title_lines = m[2].split("\n")
            title, rest = title_lines[0], title_lines[1:]
            items.append((m[1], title, rest))
            continue
        if TOC_RE.match(p):
            in_toc = True
            continue
        if in_toc or all(TOC_LINE_RE.search(ln) for ln in p.split("\n")):
            continue
        if items:
            items[-1][2].append(p)
        else:
            header.append(p)
    return header, _drop_contents_entries(items)


def _drop_contents_entries(items: list[tuple[str, str, list[str]]]) -> list[tuple[str, str, list[str]]]:
    """A table of contents printed as item lines without dot leaders: an item with (almost) no body whose number
    is printed again later is its entry in the contents, not the item."""
    out = []
    for k, (number, title, body) in enumerate(items):
        again = any(n == number for n, _, _ in items[k + 1 :])
        if again and sum(len(b) for b in body) < 80:
            continue
        out.append((number, title, body))
    return out


_STATUS_LINE_RE = re.compile(r"^(Lukket)(?: sag)?$")  # a closed point's status on a line of its own
_CASE_WINDOW = 3  # paragraphs under a title searched for its case number (a "Dok.nr." or "Åbent" line may precede)
_META_LINE_RE = re.compile(
    r"^(?:Dok(?:ument)?\.?\s?(?:nr|id)\.?\s*:?.*|Initialer\s*:?.*|Sagsbehandler\s*:?.*|Åben(?:t|\s+sag)?|Lukket(?:\s+sag)?"
    r"|Sagen afgøres i\s*:?.*|Beslutningskompetence\s*:?.*)$",
    re.IGNORECASE,
)


# A heading over the closed points that follow it (Køge "Lukkede Punkter", ESDH prints "Til behandling - for lukkede
# døre"): those points are closed though their titles do not say "Lukket".
CLOSED_GROUP_RE = re.compile(
    r"^(?:lukkede\s+(?:punkter|sager)|lukket\s+(?:dagsorden|møde|del|referat)|(?:til\s+behandling\s*[-–]\s*)?for\s+lukkede"
    r"\s+døre)\s*:?$",
    re.IGNORECASE,
)


def _case_line(title: str, body: list[str]) -> tuple[str, str | None, list[str]]:
    """The title, the case number (on the title line or on a line of its own under it) and the rest of the body.

    Metadata lines printed with the case number ("Dok.nr.: ...", "Åbent", "Initialer: ...") are dropped with it.
    """
    title, case = case_number_in_title(structure.EMPTY_PARENS_RE.sub("", title))
    if case:
        return title, case, body
    wrapped: list[str] = []
    for i, p in enumerate(body[:_CASE_WINDOW]):
        first, *more = p.split("\n")
        value = case_number_line(first)
        if value:
            rest = (["\n".join(more)] if more else []) + body[i + 1 :]  # meta lines before it are dropped too
            meta = [first]
            while rest and _META_LINE_RE.match(rest[0].strip()) and len(rest[0]) < 120:
                meta.append(rest.pop(0))
            # the status column at the end of the case number's line or of a meta line under it ("... Initialer:
            # SLA   Lukket")
            status = next(filter(None, (structure.CASE_LINE_CLOSED_RE.search(ln) or _STATUS_LINE_RE.match(ln.strip())
                                        for ln in meta)), None)
            for line in wrapped:  # "... tillæg nr. 18 til kommune-" / "plan 2021 ..." joins without its hyphen
                word = line.split()[0] if line.split() else ""
                hyphenated = title.endswith("-") and not title.endswith(" -") and word[:1].islower() \
                    and word not in _CONJUNCTIONS  # "... Varde -" / "endelig vedtagelse": a dash, kept
                title = f"{_unhyphenated(title)}{line}" if hyphenated else f"{title} {line}"
            title = fold_ws(title)
            return title, value, ([status[1]] if status else []) + rest  # kept: a closed point shows it
        if _META_LINE_RE.match(p.strip()):
            continue
        if len(wrapped) < _TITLE_WRAP_LINES and _wraps_title(p):
            wrapped.append(p)  # "... sammenlægning af Lundskolen og" / "Højvangskolen" / "SAGSNR. 2024-004512"
            continue
        break
    return title, None, body


def _wraps_title(p: str) -> bool:
    """A line that may be the end of a title wrapped before its case number: short, one line, no heading and no
    sentence (read as the title's only when a case number follows it). A heading's word in lower case is no heading
    ("... social- og sundheds-" / "personale")."""
    return "\n" not in p and len(p) < 100 and not (heading_level(p) and not p[:1].islower()) \
        and not p.rstrip().endswith((".", ":", "!", "?"))


def _closed_in_contents(paras: list[str], points: list[AgendaPoint]) -> list[tuple[str, str]]:
    """The closed points an open referat lists only in its contents, under their group's heading ("Lukket referat" /
    "7. Henvendelse fra pårørende - konkret sag", eDoc): their numbers and titles, which the agenda makes public."""
    numbers = {p.number for p in points}
    out: list[tuple[str, str]] = []
    for i, p in enumerate(paras):
        if not CLOSED_GROUP_RE.match(p.strip()):
            continue
        for q in paras[i + 1 :]:  # the numbered lines under the heading; a point printed in full is read already
            t = _numbered_title(TOC_PAGE_RE.sub("", q))
            if not t or t[0] in numbers:
                break
            out.append((t[0], fold_ws(t[1])))
            numbers.add(t[0])
    return out


def parse_paragraphs(paras: list[str], warnings: list[str], source_format: str) -> tuple[Meeting, str | None]:
    paras = _drop_repeated_title(paras)
    header_paras, items = _split_item(paras)
    if not items:
        raise Unreadable("no_points", "check_minutes.hint", pattern="Punkt N: titel")
    h = _header(header_paras)
    committee = (h.labels.get("Udvalg") or h.labels.get("Forum") or structure.names_a_body(h.committee)
                 or structure.body_line(h.text) or h.committee)
    bodies: list[tuple[str, str, str | None, list[Block]]] = []
    for number, title, body in items:
        title, case, body = _case_line(title, body)
        bodies.append((number, title, case, [Block(p) for p in body]))
    known = structure.recurring_headings([b for *_, b in bodies])
    points: list[AgendaPoint] = []
    under_points: list[list[tuple[str, str]]] = []  # the absences each point's decision records
    behind_closed_doors = False
    for number, title, case, blocks in bodies:
        if behind_closed_doors:  # after "Lukkede punkter": its title only, whatever the body holds
            points.append(AgendaPoint(number=number, title=fold_ws(title), case_number=case, closed=True))
            continue
        group = next((i for i, b in enumerate(blocks) if CLOSED_GROUP_RE.match(b.text.strip())), None)
        if group is not None:
            blocks, behind_closed_doors = blocks[:group], True
        point = structure.make_point(number, title, blocks, known, case_number=case, committee=committee)
        under_points.append(structure.absences_in(point.decision or ""))
        points.append(point)
    absences = structure.absent_throughout(under_points, "\n".join([*h.text, *(p.full_text for p in points)]))
    points += [AgendaPoint(number=n, title=t, closed=True) for n, t in _closed_in_contents(paras, points)]

    # "Tid og sted: Tirsdag den 4. februar 2025 kl. 16.30 Mødelokale 2.04, Egedal Rådhus" (Copenhagen's protocols)
    when_where, room_of = structure.when_where(next((h.labels[k] for k in _WHEN_WHERE_LABELS if h.labels.get(k)), ""))
    when = h.labels.get("Mødedato") or h.labels.get("Dato") or when_where or h.labels.get("_titledate", "")
    time_label = (h.labels.get("Mødetidspunkt") or h.labels.get("Tidspunkt") or h.labels.get("Starttidspunkt")
                  or h.labels.get("Tid") or "")  # "Tid    Tirsdag den 12. maj 2020 kl. 08:30 - 10:15" (eDoc's cover)
    clock = structure.with_kl(time_label)  # "Tid: 17:00-19:30": a time, no "kl."
    start, has_time = parse_danish_datetime(f"{when} {clock}".strip())
    if start is None:
        start, has_time = parse_danish_datetime(h.labels.get("_titledate", ""))
    dated, room = structure.date_line(h.text)  # the room under a date line, whichever line gave the date
    if dated and start is None:
        start, has_time = parse_danish_datetime(dated)
    if start is None:  # the first date the header prints, as the plain reader takes it
        start, has_time = parse_danish_datetime("\n".join(h.text)[:_HEADER_DATE_CHARS])
    if start is not None and not has_time and clock and (timed := parse_danish_datetime(
            f"{start:%d.%m.%Y} {clock}"))[1]:  # a date line without time and "Tid: 17:00-19:30" under it
        start, has_time = timed
    if start is None:
        warnings.append(Message("print_no_date"))
    if not committee:
        warnings.append(Message("print_no_committee"))
    kind = h.kind if h.kind == "referat" or not any(p.decision for p in points) else "referat"
    members = _participants(h, [p.number for p in points]) or structure.signature_sheet(points) \
        or structure.attendance_in_prose("\n".join(h.text))
    members = structure.with_substitutes(members, structure.substitutes_in("\n".join(h.text)))
    meeting = Meeting(
        municipality=None,
        committee=fold_ws(committee),
        start=start,
        place=next((h.labels[k] for k in ("Mødested", "Sted", "Lokale", "Lokation") if h.labels.get(k)), "")
        or room_of or room or structure.room_in_sentence("\n".join(h.text)) or None,
        kind=kind or "dagsorden",
        participants=structure.mark_absent(members, absences),
        points=points,
        source_format=source_format,
        has_time=has_time,
        end_time=structure.labelled_end(h.labels.get("Sluttidspunkt", ""), f"{time_label} {when}"),
        secretary=next((fold_ws(h.labels[k]) for k in ("Sekretær", "Referent", "Protokolfører") if h.labels.get(k)),
                       ""),
    )
    return meeting, name_from_header("\n".join(h.text)) or name_from_header("\n".join(
        ln for p in paras for ln in p.split("\n") if _PAGE_FOOTER_RE.search(ln)))


# a page's footer or header with the page number after the sender: "Faaborg-Midtfyn Kommune      Side 1 af 10"
_PAGE_FOOTER_RE = re.compile(r"\S\s+Side\s+\d+(?:\s*(?:af|/)\s*\d+)?\s*$")


def read_text(text: str, warnings: list[str]) -> tuple[Meeting, str | None]:
    return parse_paragraphs(paragraphs(text), warnings, FORMAT_TEXT)


def numbered_print(text: str, headed: bool = False) -> list[str] | None:
    """The paragraphs of extracted print text whose items are "N. Titel" with a case number on or under the title
    line (ESDH and PolWeb prints), or None: such text does not name its items "Punkt N". With ``headed``, items
    without case numbers also count when two or more of them, each followed closely by a known heading, run on
    ("301. Anlægsbevilling ..." / "Beslutning", Stevns): what the plain reader is given only when it finds no points."""
    if re.search(r"^#{1,6}\s", text, re.MULTILINE):
        return None  # Markdown: the heading-and-label reader's
    paras = _drop_repeated_title(paragraphs(text))
    items = sorted(_numbered_items(paras))
    for i in items:
        title = NUMBERED_RE.match(paras[i])[2].split("\n")[0]
        window = paras[i + 1 : i + 1 + _CASE_WINDOW]
        if case_number_in_title(title)[1] or any(case_number_line(p.split("\n")[0]) for p in window):
            return paras
    if headed and len(items) >= 2 and all(
            any(heading_level(p.split("\n")[0]) for p in paras[i + 1 : i + 1 + _CONFIRM_WINDOW]) for i in items):
        return paras
    return None


# ---------------------------------------------------------------- PDF


def pdf_text(data: bytes) -> str:
    """Text of a PDF with a blank line wherever the vertical gap says a new paragraph starts.

    Lines repeated at the top or bottom of most pages (running headers and footers) are dropped.
    """
    try:
        import pdfplumber
    except ImportError as exc:  # pragma: no cover - a declared dependency
        raise Unreadable("pdfplumber_missing") from exc
    pages: list[list[tuple[str, float, float]]] = []
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            for page in pdf.pages:
                lines = page.extract_text_lines(return_chars=False, strip=True)
                pages.append([(ln["text"], ln["top"], ln["bottom"]) for ln in lines if ln["text"].strip()])
    except Exception as exc:  # noqa: BLE001 - pdfminer raises many types on damaged files
        raise Unreadable("pdf_cannot_open", error=type(exc).__name__) from None
    if sum(len(t) for p in pages for t, _, _ in p) < 20:
        raise Unreadable("pdf_no_text")
    furniture = _furniture(pages)
    out: list[str] = []
    seen_furniture: set[str] = set()
    for lines in pages:
        heights = sorted(b - t for _, t, b in lines) or [10.0]
        line_h = heights[len(heights) // 2] or 10.0
        prev_bottom = None
        for text, top, bottom in lines:
            key = re.sub(r"\d+", "#", text)
            if key in furniture:
                if key in seen_furniture or structure.PAGE_LINE_RE.match(text):
                    continue  # a running header or footer; its first occurrence may be the real title
                seen_furniture.add(key)
            if prev_bottom is not None and top - prev_bottom > 0.6 * line_h:
                out.append("")
            out.append(text)
            prev_bottom = bottom
        out.append("")  # a page break ends a paragraph; merge_broken_paragraphs joins mid-sentence splits
    return "\n".join(out)


def _furniture(pages: list[list[tuple[str, float, float]]]) -> set[str]:
    if len(pages) < 3:
        return set()
    edge: Counter[str] = Counter()
    for lines in pages:
        keys = {re.sub(r"\d+", "#", t) for t, _, _ in (lines[:1] + lines[-1:])}
        edge.update(keys)
    return {k for k, n in edge.items() if n >= max(3, len(pages) // 2)}


def read_pdf(data: bytes, warnings: list[str]) -> tuple[Meeting, str | None]:
    """A PDF in the print layout; any other PDF with a text layer is read by the heading-and-label reader."""
    text = pdf_text(data)
    paras = paragraphs(text)
    if any(ITEM_RE.match(p) and not TOC_LINE_RE.search(p) for p in paras):
        return parse_paragraphs(paras, warnings, FORMAT_PDF)
    numbered = numbered_print(text)
    if numbered is not None:  # "N. Titel" items with case numbers
        return parse_paragraphs(numbered, warnings, FORMAT_PDF)
    from assistant.readers import plain

    return plain.parse_blocks(plain.text_blocks(text), warnings, "pdf")
