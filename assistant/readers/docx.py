"""DOCX referater (Word): the body read in document order into the lines of the ESDH print layout.

Paragraph styles give the headings ("Heading 2"/"Overskrift 2", a style with an outline level), a paragraph whose
every run is bold is bold, "toc N" styles mark the table of contents. Tables are read row by row: a row of single
paragraphs is one line ("Sagsnr.: | 12/27845" -> "Sagsnr.: 12/27845"), a layout table (cells holding several
paragraphs, such as a cover page) gives each paragraph its own line. The lines are then parsed by
:mod:`assistant.readers.esdh_print`, so a DOCX and the PDF printed from it give the same meeting.

A DOCX whose zip central directory is missing (a download cut short at the end) is read from the zip's local
file headers when ``word/document.xml`` itself is intact, with a warning.
"""

from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib

from assistant.messages import Message
from assistant.readers import esdh_print
from assistant.readers.esdh_print import Line
from assistant.readers.sniff import Unreadable
from assistant.records import Meeting
from assistant.textutil import Block, fold_ws

FORMAT = "docx"
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_HEADING_STYLE_RE = re.compile(r"^(?:heading|overskrift)\s*(\d)$", re.IGNORECASE)
_TOC_STYLE_RE = re.compile(r"^(?:toc|indholdsfortegnelse)\s*\d*$", re.IGNORECASE)
_OFF = ("0", "false", "off", "none")


# ---------------------------------------------------------------- opening the package


def _parts(data: bytes, warnings: list[str]) -> tuple[bytes, bytes | None]:
    """``word/document.xml`` and ``word/styles.xml`` (None when absent)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            names = set(z.namelist())
            if "word/document.xml" not in names:
                raise Unreadable("docx_no_document")
            styles = z.read("word/styles.xml") if "word/styles.xml" in names else None
            return z.read("word/document.xml"), styles
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError):
        parts = local_parts(data)
        document = parts.get("word/document.xml")
        if document is None:
            raise Unreadable("docx_damaged") from None
        warnings.append(Message("docx_rebuilt"))
        return document, parts.get("word/styles.xml")


def local_parts(data: bytes) -> dict[str, bytes]:
    """Members of a zip read from its local file headers alone (no central directory needed).

    A member whose header gives no size (sizes in a data descriptor) is inflated until its deflate stream ends;
    a member that is cut short or corrupt is left out.
    """
    out: dict[str, bytes] = {}
    pos = data.find(b"PK\x03\x04")
    while pos != -1 and pos + 30 <= len(data):
        _sig, _ver, flags, method, _t, _d, _crc, csize, _usize, nlen, xlen = struct.unpack(
            "<IHHHHHIIIHH", data[pos : pos + 30]
        )
        name = data[pos + 30 : pos + 30 + nlen].decode("utf-8" if flags & 0x800 else "cp437", errors="replace")
        start = pos + 30 + nlen + xlen
        content: bytes | None = None
        end = start + csize
        try:
            if method == 0 and not flags & 0x8:
                content = data[start:end] if end <= len(data) else None
            elif method == 8:
                d = zlib.decompressobj(-15)
                if flags & 0x8 or csize == 0:
                    content = d.decompress(data[start:])
                    end = len(data) - len(d.unused_data)
                else:
                    content = d.decompress(data[start:end])
                content = content if d.eof else None
        except zlib.error:
            content = None
        if content is not None:
            out[name] = content
        nxt = data.find(b"PK\x03\x04", max(end, pos + 4))
        pos = nxt
    return out


# ---------------------------------------------------------------- styles and body


def _styles(styles_xml: bytes | None, warnings: list[str]) -> dict[str, tuple[int, bool, bool]]:
    """Style id -> (heading level, bold, table-of-contents); a style based on another inherits what it does not set
    (a municipality's "Sagsoverskrift" based on "Heading 2" is a heading)."""
    if not styles_xml:
        return {}
    from lxml import etree

    try:
        root = etree.fromstring(styles_xml, etree.XMLParser(recover=True, resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        root = None
    if root is None:
        warnings.append(Message("docx_no_styles"))
        return {}
    own: dict[str, tuple[int | None, bool | None, bool, str]] = {}
    for st in root.iter(f"{W}style"):
        sid = st.get(f"{W}styleId") or ""
        name_el = st.find(f"{W}name")
        name = (name_el.get(f"{W}val") if name_el is not None else "") or sid
        level: int | None = None
        m = _HEADING_STYLE_RE.match(name) or _HEADING_STYLE_RE.match(sid)
        if m:
            level = int(m.group(1))
        elif name.lower() in ("title", "titel"):
            level = 1
        else:
            level = _outline(st.find(f"{W}pPr/{W}outlineLvl"))
        bold_el = st.find(f"{W}rPr/{W}b")
        bold = None if bold_el is None else (bold_el.get(f"{W}val") or "1").lower() not in _OFF
        based = st.find(f"{W}basedOn")
        own[sid] = (level, bold, bool(_TOC_STYLE_RE.match(name) or _TOC_STYLE_RE.match(sid)),
                    (based.get(f"{W}val") or "") if based is not None else "")  # fmt: skip

    def resolve(sid: str, depth: int = 0) -> tuple[int, bool, bool]:
        level, bold, toc, parent = own.get(sid, (None, None, False, ""))
        if parent and depth < 10 and (level is None or bold is None):
            p_level, p_bold, p_toc = resolve(parent, depth + 1)
            level = p_level if level is None else level
            bold = p_bold if bold is None else bold
            toc = toc or p_toc
        return level or 0, bool(bold), toc

    return {sid: resolve(sid) for sid in own}


def _outline(el) -> int | None:  # noqa: ANN001 - lxml element or None
    """Heading level of an outline level (0-8; 9 is body text)."""
    val = el.get(f"{W}val") if el is not None else None
    return int(val) + 1 if val is not None and val.isdigit() and int(val) < 9 else None


def _run_bold(run, style_bold: bool) -> bool:  # noqa: ANN001 - lxml element
    b = run.find(f"{W}rPr/{W}b")
    if b is None:
        return style_bold
    return (b.get(f"{W}val") or "1").lower() not in _OFF


def _paragraph(p, styles: dict[str, tuple[int, bool, bool]]) -> list[Line]:  # noqa: ANN001
    """A paragraph as lines: a manual line break ends a line; the style and the runs say heading and bold."""
    style = p.find(f"{W}pPr/{W}pStyle")
    level, style_bold, toc = styles.get(style.get(f"{W}val") if style is not None else "Normal", (0, False, False))
    level = _outline(p.find(f"{W}pPr/{W}outlineLvl")) or level
    parts: list[str] = []
    bold_all = True
    in_field = 0  # inside a field's instruction (TOC \o "1-1", PAGEREF ...): not text
    for el in p.iter(f"{W}r", f"{W}fldSimple"):
        if el.tag == f"{W}fldSimple":
            continue
        for c in el:
            if c.tag == f"{W}fldChar":
                kind = c.get(f"{W}fldCharType")
                in_field = 1 if kind == "begin" else (0 if kind in ("separate", "end") else in_field)
            elif c.tag == f"{W}t" and not in_field:
                parts.append(c.text or "")
                if (c.text or "").strip() and not _run_bold(el, style_bold):
                    bold_all = False
            elif c.tag == f"{W}tab":
                parts.append("\t")
            elif c.tag in (f"{W}br", f"{W}cr"):
                parts.append("\n")
    lines = [fold_ws(x.replace("\t", " ")) for x in "".join(parts).split("\n")]
    lines = [x for x in lines if x]
    return [Line(t, bold=bold_all, heading=level, gap=True, toc=toc) for t in lines]


def _cell_paragraphs(cell, styles) -> list[list[Line]]:  # noqa: ANN001
    out = []
    for el in cell:
        if el.tag == f"{W}p":
            lines = _paragraph(el, styles)
            if lines:
                out.append(lines)
        elif el.tag == f"{W}tbl":
            out.append(_table(el, styles))
        elif el.tag == f"{W}sdt":
            out.append(list(_walk(el.find(f"{W}sdtContent"), styles)))
    return out


def _table(tbl, styles) -> list[Line]:  # noqa: ANN001
    out: list[Line] = []
    for row in tbl.iter(f"{W}tr"):
        if row.getparent() is not tbl:
            continue  # a nested table's rows are read through its cell
        cells = [_cell_paragraphs(c, styles) for c in row.findall(f"{W}tc")]
        cells = [c for c in cells if c]
        if cells and all(len(c) == 1 and len(c[0]) == 1 for c in cells):
            texts = list(dict.fromkeys(c[0][0].text for c in cells))  # merged cells repeat their text
            first = cells[0][0][0]
            out.append(Line(" ".join(texts), bold=all(c[0][0].bold for c in cells), heading=first.heading,
                            gap=True, toc=first.toc))  # fmt: skip
        else:
            out += [ln for c in cells for para in c for ln in para]
    return out


def _walk(container, styles):  # noqa: ANN001, ANN202 - yields Line
    if container is None:
        return
    for el in container:
        if el.tag == f"{W}p":
            yield from _paragraph(el, styles)
        elif el.tag == f"{W}tbl":
            yield from _table(el, styles)
        elif el.tag == f"{W}sdt":
            yield from _walk(el.find(f"{W}sdtContent"), styles)


def docx_lines(data: bytes, warnings: list[str]) -> list[Line]:
    """The document's lines in reading order."""
    from lxml import etree

    document, styles_xml = _parts(data, warnings)
    try:
        root = etree.fromstring(document, etree.XMLParser(huge_tree=True, resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError as exc:
        raise Unreadable("docx_bad_xml", error=exc.msg) from None
    return list(_walk(root.find(f"{W}body"), _styles(styles_xml, warnings)))


def read(data: bytes, warnings: list[str]) -> tuple[Meeting, str | None]:
    """The ESDH print layout; a DOCX in another layout goes to the heading-and-label reader as blocks."""
    lines = docx_lines(data, warnings)
    if esdh_print.is_esdh(lines):
        return esdh_print.parse_lines(lines, warnings, FORMAT)
    from assistant.readers import plain

    blocks = [Block(ln.text, ln.heading, ln.bold or ln.heading > 0, "h" if ln.heading else "p") for ln in lines]
    return plain.parse_blocks(blocks, warnings, FORMAT)
