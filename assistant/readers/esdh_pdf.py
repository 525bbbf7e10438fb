"""ESDH print PDFs read with pypdf (fast; no layout engine): lines with bold and paragraph breaks from the fonts and
the vertical gaps, members printed in two columns read column by column, running headers and footers removed.
The lines are parsed by :mod:`assistant.readers.esdh_print`; a PDF in another layout is left to
:mod:`assistant.readers.print_layout`. A damaged cross-reference table is rebuilt, with a warning.
"""

from __future__ import annotations

import io
import logging
import re
from collections import Counter
from dataclasses import replace

from assistant.messages import Message
from assistant.readers.esdh_print import FA_ITEM_RE, FORMAT_PDF, Line, is_esdh, parse_lines
from assistant.readers.sniff import Unreadable
from assistant.readers.structure import PAGE_LINE_RE
from assistant.records import Meeting
from assistant.textutil import fold_ws


def _open_pdf(data: bytes, warnings: list[str]):  # noqa: ANN202 - pypdf.PdfReader
    """A reader for the PDF: strict first; a damaged file in pypdf's tolerant mode, and when its cross-reference
    data cannot be used at all, with the pointer to it zeroed so that pypdf rebuilds it by scanning the objects."""
    log = logging.getLogger("pypdf")
    level = log.level
    log.setLevel(logging.ERROR)  # its repair notes would reach the user's terminal; our warning says it once
    try:
        return _open_pdf_quietly(data, warnings)
    finally:
        log.setLevel(level)


def _open_pdf_quietly(data: bytes, warnings: list[str]):  # noqa: ANN202
    import pypdf

    try:
        return pypdf.PdfReader(io.BytesIO(data), strict=True)
    except Exception:  # noqa: BLE001 - pypdf raises many types on damaged files; the tolerant mode decides
        pass
    tail = data.rfind(b"startxref")
    attempts = [data, (data[:tail] if tail > 0 else data) + b"\nstartxref\n0\n%%EOF\n"]
    failure: Exception | None = None
    for attempt in attempts:
        try:
            reader = pypdf.PdfReader(io.BytesIO(attempt), strict=False)
            _ = len(reader.pages)
        except Exception as exc:  # noqa: BLE001
            failure = exc
            continue
        warnings.append(Message("pdf_rebuilt"))
        return reader
    if b"%%EOF" not in data[-2048:]:
        raise Unreadable("pdf_cut", "refetch_cut")
    raise Unreadable("pdf_damaged", error=type(failure).__name__)


def _page_lines(page, warnings: list[str]) -> list[Line]:  # noqa: ANN001 - a pypdf page
    pieces: list[Piece] = []

    def visit(text, cm, tm, font, size) -> None:  # noqa: ANN001 - pypdf's visitor signature
        if text and text.strip("\n"):
            y = tm[5] * cm[3] + cm[5]
            x = tm[4] * cm[0] + cm[4]
            name = str((font or {}).get("/BaseFont", "")).lower()
            pieces.append((y, x, text, "bold" in name or "black" in name, size or 10.0))

    try:
        page.extract_text(visitor_text=visit)
    except Exception as exc:  # noqa: BLE001 - one damaged page must not lose the document
        warnings.append(Message("pdf_page_skipped", error=type(exc).__name__))
    return _assemble(pieces)


def pdf_lines(data: bytes, warnings: list[str], probe_pages: int = 0) -> list[list[Line]] | None:
    """Lines per page with bold and paragraph breaks from the fonts and vertical gaps (pypdf, no layout engine).

    With ``probe_pages`` > 0, None as soon as the first that many pages show FirstAgenda items ("Punkt N:"), so
    a PDF for the other print reader costs this reader only its first pages.
    """
    reader = _open_pdf(data, warnings)
    pages: list[list[Line]] = []
    for i, page in enumerate(reader.pages):
        pages.append(_page_lines(page, warnings))
        if i + 1 == probe_pages and any(FA_ITEM_RE.match(ln.text) for p in pages for ln in p):
            return None
    if sum(len(ln.text) for p in pages for ln in p) < 20:
        raise Unreadable("pdf_no_text")
    return pages


Piece = tuple[float, float, str, bool, float]  # baseline y, x, text, bold, font size


def _segments(row: list[Piece]) -> list[list[Piece]]:
    """A row split where the horizontal gap says a second column starts (wider than 6 font sizes)."""
    row = sorted(row, key=lambda p: p[1])
    out = [[row[0]]]
    for prev, cur in zip(row, row[1:], strict=False):
        end = prev[1] + len(prev[2]) * prev[4] * 0.5  # an average glyph is about half the font size wide
        label = prev[2].rstrip().endswith(":")  # "Sagsnr.:" and its value in two table cells stay one line
        (out.append([cur]) if cur[1] - end > 6 * cur[4] and not label else out[-1].append(cur))
    return out


def _columns_first(rows: list[list[list[Piece]]], step: float) -> list[list[Piece]]:
    """Rows of segments in reading order: a run of rows printed in two columns is read column by column.

    The run is the consecutive rows (one line step apart, same font size) that have a second column or a first
    column at the same x, as a member list printed in two columns.
    """
    out: list[list[Piece]] = []
    i = 0
    while i < len(rows):
        if len(rows[i]) < 2:
            out.append(rows[i][0])
            i += 1
            continue
        x0 = rows[i][0][0][1]
        j = i + 1
        while (
            j < len(rows)
            and rows[j - 1][0][0][0] - rows[j][0][0][0] <= 1.5 * step
            and (len(rows[j]) >= 2 or abs(rows[j][0][0][1] - x0) < 3)
            and abs(rows[j][0][0][4] - rows[i][0][0][4]) < 0.5  # a label in another size ends the list
        ):
            j += 1
        run = rows[i:j]
        width = max(len(r) for r in run)
        out += [r[c] for c in range(width) for r in run if c < len(r)]
        i = j
    return out


def _assemble(pieces: list[Piece]) -> list[Line]:
    """Pieces on the same baseline (within 2 pt) joined left to right; a gap over 1.5 line steps is a break.

    The line step is the lower quartile of the steps between rows: a page of short paragraphs has as many gaps
    between paragraphs as steps inside them, so the median may be a paragraph gap.
    """
    rows: list[list[Piece]] = []
    for piece in sorted(pieces, key=lambda p: (-round(p[0]), p[1])):
        if rows and abs(rows[-1][0][0] - piece[0]) <= 2:
            rows[-1].append(piece)
        else:
            rows.append([piece])
    steps = sorted(a[0][0] - b[0][0] for a, b in zip(rows, rows[1:], strict=False) if a[0][0] - b[0][0] > 0)
    step = steps[len(steps) // 4] if steps else 12.0  # the lower quartile: the step within a paragraph
    out: list[Line] = []
    prev_y: float | None = None
    prev_raw = ""
    for seg in _columns_first([_segments(r) for r in rows], step):
        raw = "".join(p[2] for p in seg).rstrip("\n")
        text = fold_ws(raw.replace("\n", " "))
        if not text:
            continue
        bold = all(p[3] for p in seg if p[2].strip())
        y = seg[0][0]
        gap = prev_y is None or not 0 < prev_y - y <= 1.5 * step
        join = "" if prev_raw.endswith("-") and not prev_raw.endswith(" -") else " "  # "ikke-\nplanlagte"
        out.append(Line(text, bold=bold, gap=gap, join=join))
        prev_y, prev_raw = y, raw
    return out


def drop_furniture(pages: list[list[Line]]) -> list[Line]:
    """One list of lines without running headers/footers and page numbers; a page starts a paragraph.

    A line is furniture when it (digits ignored) opens or closes at least half of the pages, and at least two; a
    page's header is the run of such lines at its top, each line once (the cover below a header may repeat the
    committee's name), and likewise its footer.
    """
    keys = [[re.sub(r"\d+", "#", ln.text) for ln in lines] for lines in pages]
    edge: Counter[str] = Counter()
    for k in keys:
        edge.update(set(k[:6] + k[-3:]))
    need = max(2, (len(pages) + 1) // 2)
    furniture = {k for k, n in edge.items() if n >= need} if len(pages) >= 2 else set()
    out: list[Line] = []
    for lines, k in zip(pages, keys, strict=True):
        lo, seen = 0, set()
        while lo < len(lines) and (k[lo] in furniture and k[lo] not in seen or PAGE_LINE_RE.match(lines[lo].text)):
            seen.add(k[lo])
            lo += 1
        hi, seen = len(lines), set()
        while hi > lo and (k[hi - 1] in furniture and k[hi - 1] not in seen or PAGE_LINE_RE.match(lines[hi - 1].text)):
            seen.add(k[hi - 1])
            hi -= 1
        kept = [ln for ln in lines[lo:hi] if not PAGE_LINE_RE.match(ln.text)]
        out += [replace(ln, gap=True) if i == 0 else ln for i, ln in enumerate(kept)]
    return out


def read_pdf(data: bytes, warnings: list[str]) -> tuple[Meeting, str | None] | None:
    """An ESDH print PDF, or None when the PDF is in another layout (the caller tries the FirstAgenda reader)."""
    own: list[str] = []
    pages = pdf_lines(data, own, probe_pages=3)
    lines = drop_furniture(pages) if pages is not None else []
    if not is_esdh(lines):
        warnings += [w for w in own if "beskadiget" in w]
        return None
    warnings += own
    return parse_lines(lines, warnings, FORMAT_PDF)
