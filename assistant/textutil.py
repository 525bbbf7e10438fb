"""Clean text, Danish dates and times, and HTML to text blocks (case numbers: assistant.vocabulary).

Shared by the readers and by anything that needs to understand a Danish date in free text.
"""

from __future__ import annotations

import html as _html
import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, time

# ---------------------------------------------------------------- clean text

_SOFT = "\u00ad"  # soft hyphen: invisible unless at a line break
_SPACES = "\u00a0\u2007\u202f\u2009\u200a\u2002\u2003\u2004\u2005\u2006\u2008\u205f\u3000"
_ZERO_WIDTH = "\u200b\u200c\u200d\u2060\ufeff"
_SPECIAL_SPACE_RE = re.compile(f"[{_SPACES}\t]")
_DROP_RE = re.compile(f"[{_ZERO_WIDTH}\r{_SOFT}]")
_MULTI_SPACE = re.compile(r"[ ]{2,}")
_BLANK_LINES = re.compile(r"\n\s*\n+")
# A word: letters only, no digits or underscores ("Byrådet", "ikke"); as a question's words are spelled
# (spelling) and the minutes' words listed (Catalog.words), alike
WORD = re.compile(r"[^\W\d_]+")


def fold_ws(text: str) -> str:
    """One line: entities decoded, every run of whitespace (incl. non-breaking) folded to one space."""
    text = _html.unescape(text) if "&" in text else text
    if _SOFT in text:
        text = text.replace(_SOFT + "\n", "")
    return " ".join(_DROP_RE.sub("", text).split())


def clean_text(text: str) -> str:
    """Clean text with paragraphs kept.

    Decodes HTML entities, turns non-breaking and other special spaces into spaces, drops soft hyphens (joining a
    word split at a soft hyphen and a line break), folds runs of spaces, trims every line and keeps paragraphs
    separated by exactly one blank line.
    """
    if not text:
        return ""
    if "&" in text:
        text = _html.unescape(text)
    if _SOFT in text:
        text = text.replace(_SOFT + "\n", "")
    text = _SPECIAL_SPACE_RE.sub(" ", _DROP_RE.sub("", text))
    lines = [_MULTI_SPACE.sub(" ", line).strip() for line in text.split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


# ---------------------------------------------------------------- dates and times

MONTHS = {
    "januar": 1, "jan": 1, "februar": 2, "feb": 2, "marts": 3, "mar": 3, "april": 4, "apr": 4, "maj": 5,
    "juni": 6, "jun": 6, "juli": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9, "sept": 9,
    "oktober": 10, "okt": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
    # English, for questions asked in English
    "january": 1, "february": 2, "march": 3, "may": 5, "june": 6, "july": 7, "october": 10, "oct": 10,
}  # fmt: skip
WEEKDAYS = ("mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag")

_MONTH_ALT = "|".join(sorted(MONTHS, key=len, reverse=True))
_ISO_RE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?)?")
_NUMERIC_RE = re.compile(r"(?<![\d.-])(\d{1,2})[.\-/](\d{1,2})[.\-/](\d{4}|\d{2})(?![\d-])")
_LONG_RE = re.compile(rf"(?<!\d)(\d{{1,2}})\.?\s+({_MONTH_ALT})\.?,?\s+(\d{{4}})\b", re.IGNORECASE)
_TIME_RE = re.compile(
    r"(?:\bkl\.?\s*(\d{1,2})(?:[:.](\d{2}))?\b)|(?:(?<![\d.:-])(\d{1,2})[:](\d{2})(?::\d{2})?(?![\d]))", re.IGNORECASE
)


def _mkdate(y: int, m: int, d: int) -> date | None:
    if y < 100:
        y += 2000 if y < 70 else 1900
    try:
        return date(y, m, d)
    except ValueError:
        return None


def _find_date(text: str) -> tuple[date, int, int] | None:
    """The earliest date in ``text`` in any supported style, with its span."""
    found: list[tuple[int, int, date]] = []
    for m in _ISO_RE.finditer(text):
        d = _mkdate(int(m[1]), int(m[2]), int(m[3]))
        if d:
            found.append((m.start(), m.end(3), d))
    for m in _NUMERIC_RE.finditer(text):
        d = _mkdate(int(m[3]), int(m[2]), int(m[1]))
        if d:
            found.append((m.start(), m.end(), d))
    for m in _LONG_RE.finditer(text):
        d = _mkdate(int(m[3]), MONTHS[m[2].lower()], int(m[1]))
        if d:
            found.append((m.start(), m.end(), d))
    if not found:
        return None
    start, end, d = min(found, key=lambda t: t[0])
    return d, start, end


def parse_time(text: str) -> time | None:
    """The first clock time: "kl. 15:00", "kl. 15.00", "kl 9", "15:00" (and "15:00:00")."""
    for m in _TIME_RE.finditer(text):
        h, mi = (m[1], m[2]) if m[1] is not None else (m[3], m[4])
        hour, minute = int(h), int(mi or 0)
        if hour < 24 and minute < 60:
            return time(hour, minute)
    return None


def parse_danish_datetime(text: str) -> tuple[datetime | None, bool]:
    """The first date in ``text`` with the clock time after it, if any.

    Returns ``(datetime, has_time)``; the time is 00:00 and ``has_time`` False when no time is given.
    Understands ISO (2025-12-09, 2025-12-09T15:00), DD-MM-YYYY, DD.MM.YYYY, DD/MM/YYYY and long Danish dates
    ("9. december 2025", "Tirsdag d. 09. december 2025", "den 9. dec. 2025").
    """
    if not text:
        return None, False
    hit = _find_date(text)
    if hit is None:
        return None, False
    d, _start, end = hit
    iso = _ISO_RE.match(text, _start)
    if iso and iso[4] is not None:
        return datetime(d.year, d.month, d.day, int(iso[4]), int(iso[5])), True
    t = parse_time(text[end:])
    if t is None:
        return datetime(d.year, d.month, d.day), False
    return datetime.combine(d, t), True


def parse_danish_date(text: str) -> date | None:
    """The first date in ``text`` (see :func:`parse_danish_datetime` for the styles), or None."""
    hit = _find_date(text or "")
    return hit[0] if hit else None


# ---------------------------------------------------------------- ASCII names

# NFKD takes the accents off é or ü but leaves æ, ø, å and ß whole (dropped by an ASCII encoding): spelled out first.
_TRANSLIT = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa", "ß": "ss"})


# Accented Latin letters as their base letter ("café" -> "cafe", "Allé" -> "Alle", "idé" -> "ide"), not æ, ø and å,
# which are letters of Danish, nor ä and ö (Swedish and German letters, not accents in Danish): the minutes write
# "Café Langsiden" and "Cafe Langsiden", users both
_ACCENTS = str.maketrans({c: unicodedata.normalize("NFKD", c)[0] for c in map(chr, range(0xC0, 0x250))
                          if c not in "æøåÆØÅäöÄÖ" and len(unicodedata.normalize("NFKD", c)) > 1
                          and unicodedata.normalize("NFKD", c)[0].isascii()})


_ACCENTED = re.compile("[" + "".join(map(chr, _ACCENTS)) + "]")


def fold_accents(text: str) -> str:
    """``text`` with accented Latin letters as their base letter ("café" -> "cafe"; æ, ø, å, ä, ö kept). Most text
    has none: looked for first (2 us for 670 characters), translated only then (39 us)."""
    return text.translate(_ACCENTS) if _ACCENTED.search(text) else text


def ascii_fold(text: str) -> str:
    """ASCII letters for Danish text: "Køge Ærø" -> "Koege Aeroe" (for file names and citation keys)."""
    return unicodedata.normalize("NFKD", text.translate(_TRANSLIT)).encode("ascii", "ignore").decode()


def slugify(text: str, limit: int = 80) -> str:
    """Lower-case ASCII letters, digits and single dashes: safe on Windows, in shells and in URLs."""
    return re.sub(r"[^a-z0-9]+", "-", ascii_fold(text).lower()).strip("-")[:limit].strip("-")


# ---------------------------------------------------------------- HTML


@dataclass(frozen=True)
class Block:
    """One block of a document: a paragraph, list item, table row or a heading (``heading`` > 0 is its level)."""

    text: str
    heading: int = 0  # 1..6 for <h1>..<h6>
    bold: bool = False  # the whole block is bold (a heading in disguise, often)
    kind: str = "p"  # "p", "li", "tr", "h"


_BLOCK_TAGS = frozenset(
    "address article aside blockquote body center dd details dialog dir div dl dt fieldset figcaption figure form "
    "html li main menu ol p pre section summary table tbody thead tfoot tr ul caption".split()
)
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_SKIP_TAGS = frozenset("script style nav header footer noscript button form template svg select head iframe".split())
_BOLD_TAGS = frozenset(("strong", "b"))


def _wraps_page(form) -> bool:  # noqa: ANN001 - lxml element
    """A form that holds the page's headings is its wrapper, not a form: ASP.NET WebForms pages (SharePoint and the
    ".aspx" minutes portals of FORMATS.md) put the whole body inside one <form id="aspnetForm">. A search or login
    form has no heading."""
    return any(isinstance(c.tag, str) and c.tag.lower() in _HEADINGS for c in form.iter())


def _heads_part(header) -> bool:  # noqa: ANN001 - lxml element
    """A <header> of an <article> or <section> heads that part of the page (an agenda item's number, title and case
    number: "<article><header><p>Punkt 1</p><h2>Titel</h2>..."), not the site: it is read."""
    return any(isinstance(a.tag, str) and a.tag.lower() in ("article", "section") for a in header.iterancestors())


def _layout_row(row, page: bool = False) -> bool:  # noqa: ANN001 - lxml element
    """A table row that lays out a page, not data: its cells hold tables of their own and the page's title, an <h1>
    (older portals, PolWeb, put the whole page in one table's cells). Its cells are read as the page's blocks, not as
    one row. (A data table may hold headings, even an <h2>, or a table in its cells: Greve's minutes do.)"""
    tags = {c.tag.lower() for c in row.iterdescendants() if isinstance(c.tag, str)}
    if "table" in tags and "h1" in tags:
        return True
    # a whole page laid out as a table whose cells hold the page's own tables and paragraphs, a title in <font> and
    # no <h1> (hand-written pages of the 2000s: a menu cell beside a content cell)
    if page and "table" in tags and "p" in tags:
        return True
    cells = [c for c in row if isinstance(c.tag, str) and c.tag.lower() in ("td", "th")]
    # ... and a page's row whose one cell with text holds lines broken with <br> under an empty cell beside it: an
    # item's text in a table of items ("<td>&nbsp;</td><td colspan=2><u>Sagsfremstilling</u><br>..."), read as
    # paragraphs, not as one row
    filled = [c for c in cells if fold_ws(" ".join(c.itertext()))]
    if page and len(cells) >= 2 and len(filled) == 1 and "br" in tags:
        return True
    # a page laid out as a table of one column, each row one part of the page (ASP.NET portals: "<tr><td
    # class="punkt"><h2>2. Title</h2><p>...</p>...</td></tr>"): a row of one cell that holds headings and
    # paragraphs (a data table's row of one cell, a heading over its columns, holds no heading: Greve's do not)
    if len(cells) == 1 and bool(tags & _HEADINGS.keys()) and "p" in tags:
        return True
    # a page laid out in tables of one column (an older eDoc page: "<tr><td><b>1. Meddelelser ( )</b></td></tr>",
    # "<tr><td>eDoc-sagsnr.: ...</td></tr>", one part of the page a row): its rows are the page's paragraphs. Only a
    # whole page's: in a fragment of minutes (a FirstAgenda field) such a table is content, a box or a list
    if not page or len(cells) != 1:
        return False
    table = next((a for a in row.iterancestors() if isinstance(a.tag, str) and a.tag.lower() == "table"), None)
    return table is not None and _one_column(table)


def _one_column(table) -> bool:  # noqa: ANN001 - lxml element
    """Every row of the table (not of a table inside it) has one cell, and there are at least two rows."""
    rows = [r for r in table.iter("tr")
            if next(a for a in r.iterancestors() if isinstance(a.tag, str) and a.tag.lower() == "table") is table]
    return len(rows) >= 2 and all(
        len([c for c in r if isinstance(c.tag, str) and c.tag.lower() in ("td", "th")]) == 1 for r in rows)


_MEMBER_LINE_RE = re.compile(r"^[A-ZÆØÅ][^()\n]{2,60}\([^()]{1,12}\)")  # "Kasper Tang (C)", "Jørgen Gram (C), formand"


def _label_value(cell, skip_tags: frozenset[str]) -> str:  # noqa: ANN001 - lxml element
    """The value cell of a label row on one line; a value that is a list (the members, one an item, beside
    "Mødedeltagere:") one item a line, as a list after a label outside a table is read."""
    w = _Walker(skip_tags)
    w.walk(cell)
    w.flush()
    lines = [fold_ws(ln) for b in w.blocks for ln in b.text.split("\n") if ln.strip()]
    if len(lines) >= 2 and all(_MEMBER_LINE_RE.match(ln) for ln in lines):  # members one a line with <br>
        return "\n".join(lines)  # ("Jørgen Gram (C), formand<br>Kasper Tang (C)<br>...")
    if not w.blocks or any(b.kind != "li" for b in w.blocks):
        return fold_ws(" ".join(cell.itertext()))
    return "\n".join(b.text.removeprefix("- ") for b in w.blocks)


def _heading_text(el) -> str:  # noqa: ANN001 - lxml element
    """A heading's text on one line, a line break in it a space ("Referat<br><small>11-12-2024 kl. 17.00</small>")."""
    parts = [el.text or ""] if isinstance(el.tag, str) else []
    for child in el:
        if isinstance(child.tag, str):
            parts.append(" " if child.tag.lower() == "br" else _heading_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


_ITEM_MARK = "- "  # a list item's marker, as the blocks print it


class _Walker:
    def __init__(self, skip_tags: frozenset[str], page: bool = False) -> None:
        self.page = page  # a whole page, whose tables may lay it out (not a fragment's)
        self.blocks: list[Block] = []
        self.buf: list[str] = []
        self.bold_chars = 0
        self.skip_tags = skip_tags

    def flush(self, kind: str = "p") -> None:
        if not self.buf:
            return
        raw = "".join(self.buf)
        if not raw or raw.isspace() or (self.buf[0] == _ITEM_MARK and raw.strip() == "-"):
            # nothing, or a list item's own marker before its blocks ("<li><div class="item-header">...</div></li>"
            # had given a paragraph "-"; a "-" the page prints stays)
            self.buf, self.bold_chars = [], 0
            return
        bold_total = self.bold_chars
        self.buf, self.bold_chars = [], 0
        parts = [p for p in (clean_text(x) for x in re.split(r"\n[ \t\u00a0]*\n", raw)) if p]
        plain_len = len("".join(raw.split()))
        for part in parts:
            bold = len(parts) == 1 and bold_total > 0 and bold_total >= plain_len
            self.blocks.append(Block(part, 0, bold, kind))

    def text(self, s: str | None, bold: bool) -> None:
        if s:
            self.buf.append(s)
            if bold:
                self.bold_chars += len("".join(s.split()))

    def walk(self, el, bold: bool = False, in_row: bool = False) -> None:  # noqa: ANN001 - lxml element
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if not tag:  # comment or processing instruction
            self.text(el.tail, bold)
            return
        kept = (tag == "form" and _wraps_page(el)) or (tag == "header" and _heads_part(el))
        if tag in self.skip_tags and not kept:
            self.text(el.tail, bold)
            return
        if tag == "br":
            self.buf.append("\n")
            self.text(el.tail, bold)
            return
        if tag in _HEADINGS and not in_row and not any(c.tag in _HEADINGS for c in el.iter() if c is not el):
            self.flush()
            t = fold_ws(_heading_text(el))
            if t:
                self.blocks.append(Block(t, _HEADINGS[tag], True, "h"))
            self.text(el.tail, bold)
            return
        if tag == "tr" and not in_row and not _layout_row(el, self.page):
            self.flush()
            tds = [c for c in el if isinstance(c.tag, str) and c.tag in ("td", "th")]
            cells = [fold_ws(" ".join(c.itertext())) for c in tds]
            if len(cells) == 2 and cells[0].endswith(":"):  # a label's value: "Mødedeltagere: | <ul>...</ul>"
                cells[1] = _label_value(tds[1], self.skip_tags)
            cells = [c for c in cells if c]
            if cells:
                self.blocks.append(Block(" | ".join(cells), 0, False, "tr"))
            self.text(el.tail, bold)
            return
        block = tag in _BLOCK_TAGS or tag in _HEADINGS
        if block and not in_row:
            self.flush()
        if tag == "li":
            self.buf.append(_ITEM_MARK)
        b = bold or tag in _BOLD_TAGS
        self.text(el.text, b)
        for child in el:
            self.walk(child, b, in_row)
        if block and not in_row:
            self.flush("li" if tag == "li" else "p")
        self.text(el.tail, bold)


def html_blocks(markup: str | bytes, skip_tags: frozenset[str] = _SKIP_TAGS) -> list[Block]:
    """Parse HTML (a page or a fragment) into blocks; navigation, scripts and styles are dropped."""
    import lxml.html

    if isinstance(markup, str):
        markup = markup.strip()
        if not markup:
            return []
        if markup.startswith("<?xml"):
            markup = markup.encode("utf-8")
    try:
        root = lxml.html.fromstring(markup)
    except Exception:  # noqa: BLE001 - lxml raises several types on junk; an empty document is the honest result
        return []
    return blocks_from_tree(root, skip_tags)


def blocks_from_tree(root, skip_tags: frozenset[str] = _SKIP_TAGS, page: bool = False) -> list[Block]:  # noqa: ANN001
    """Blocks of an already parsed lxml tree (``page``: a whole page, not a fragment of one)."""
    w = _Walker(skip_tags, page)
    w.walk(root)
    w.flush()
    return w.blocks


# ---------------------------------------------------------------- sentences

# Words whose stop ends an abbreviation, not a sentence, when a number or a paragraph sign follows: the Danish
# abbreviations of Dansk Sprognævn's list of common ones (Retskrivningsordbogen, "Forkortelser") that are written
# before a number ("projekt nr. 650260", "d. 20. juni", "pr. 1. december", "kl. 15", "ca. 30", "jf. § 17", "stk. 2",
# "mio. kr."), and the English ones of the same use. Any single letter ("d.", "s.") is one too. General language
# knowledge, not chosen on a question set. Before a capital ("… 3,1 mio. kr. Udvalget …") a stop still ends one.
ABBREVIATIONS = frozenset(
    "nr nrs pkt kl ca jf jvf pr kr mio mia stk bl.a f.eks fx inkl ekskl vedr evt iht ift mht dvs ang bd bl ff "
    "gl hhv max min mdr md pct ref sek st t.o.m tlf vha no nos approx cf vs e.g i.e art sec ch fig p pp "
    # the months as Retskrivningsordbogen abbreviates them, written before a year in a timeline ("Sept. 2012: ...")
    "jan feb mar apr jun jul aug sep sept okt nov dec".split()
)
# ... and "stk." after a number, whatever follows: it counts the thing named next ("Tryk af 100 stk. T-shirts")
_COUNTED_PIECES = re.compile(r"\d\s+stk\.$", re.I)
_SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+(?=[\"'»«“(\[]?[A-ZÆØÅ0-9§])")


# An item's number before its text ("3. Ikke godkendt", "1.-2. Godkendt", "Ad 2. Anbefales", "Punkt 4. Taget til
# efterretning"): the stop ends the number, not a sentence; the number belongs to the item it numbers.
_ITEM_NUMBER = re.compile(
    r"(?:(?:ad|at|punkt|pkt\.?)\s+)?\d{1,2}[a-z]?\.(?:\s*(?:-|–|og|,|&|and)\s*\d{1,2}[a-z]?\.)*", re.I
)


def sentence_breaks(text: str) -> list[re.Match[str]]:
    """The whitespace runs between sentences of ``text``: after a stop, before a capital, a digit or "§", except
    after an abbreviation (``ABBREVIATIONS``) that a number or "§" follows, and after an item's number
    (``_ITEM_NUMBER``) that opens a sentence."""
    out = []
    start = 0
    for m in _SENTENCE_BREAK.finditer(text):
        if text[m.end()].isdigit() or text[m.end()] == "§":
            word = text[: m.start()].rsplit(None, 1)[-1].lstrip("(»«\"'[").rstrip(".").lower()
            if len(word) == 1 and word.isalpha() or word in ABBREVIATIONS:
                continue
        counted = _COUNTED_PIECES.search(text[max(0, m.start() - 16) : m.start()])
        if counted or _ITEM_NUMBER.fullmatch(text[start : m.start()].strip()):
            continue
        out.append(m)
        start = m.end()
    return out


def split_sentences(text: str) -> list[str]:
    """The sentences of ``text``, stripped, none empty (see ``sentence_breaks``)."""
    out, start = [], 0
    for m in sentence_breaks(text):
        out.append(text[start : m.start()])
        start = m.end()
    out.append(text[start:])
    return [s.strip() for s in out if s.strip()]


def html_to_text(markup: str) -> str:
    """Clean text of an HTML fragment: tags gone, entities decoded, paragraphs separated by a blank line."""
    if not markup or "<" not in markup:
        return clean_text(markup or "")
    return "\n\n".join(b.text for b in html_blocks(markup))


def one_letter_edits(word: str) -> set[str]:
    """The words ``word`` is with one letter wrong, added or missing (lower case a-z)."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    edits = {word[:i] + c + word[i + 1:] for i in range(len(word)) for c in letters}  # one letter wrong
    edits |= {word[:i] + word[i + 1:] for i in range(len(word))}  # one added
    edits |= {word[:i] + c + word[i:] for i in range(len(word) + 1) for c in letters}  # one missing
    return edits - {word}


def adjacent_swaps(word: str) -> set[str]:
    """The words ``word`` is with two neighbouring letters swapped ("forenigner" for "foreninger")."""
    return {word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(len(word) - 1)} - {word}


def swaps_and_undoubled(word: str) -> set[str]:
    """The words ``word`` is one slip of typing from: two neighbouring letters swapped, or a letter typed twice
    ("kommunnen" for "kommunen")."""
    return adjacent_swaps(word) | {word[:i] + word[i + 1 :] for i in range(len(word) - 1) if word[i] == word[i + 1]}


DANISH_LETTERS = "abcdefghijklmnopqrstuvwxyzæøå"


def with_a_letter_more(word: str, ending: int = 0) -> set[str]:
    """The words ``word`` is one dropped letter from ("lægeerklæinger" for "lægeerklæringer"): a letter inserted after
    its first, and not in its last ``ending`` letters (spelling.PAST_ENDING), nor after its last ("wheelie" is no slip
    of "wheelied")."""
    return {word[:i] + c + word[i:] for i in range(1, len(word) - ending) for c in DANISH_LETTERS}
