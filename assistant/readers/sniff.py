"""Telling formats apart by their content, decoding text, and the problems that stop a file from being read."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from assistant.messages import Message, hint_for

_HTML_RE = re.compile(rb"<\s*(?:!doctype\s+html|html|head|body|div|p|h[1-6]|table|article|section|main)\b", re.I)
_PRINT_ITEM_RE = re.compile(r"^\s*Punkt\s+\d+[a-z]?\s*[:.]\s*\S", re.M | re.I)
_PRINT_HEADER_RE = re.compile(r"^\s*(?:REFERAT|DAGSORDEN|Referat|Dagsorden)\b.*\b\d{1,2}[-.]\d{1,2}[-.]\d{4}", re.M)
_PRINT_LABEL_RE = re.compile(r"^\s*(?:Mødedato|Mødested|Mødedeltagere)\b", re.M)
# ESDH exports, told apart by their root and first elements: eDoc's publication XML (<Meeting><Committee>...),
# Acadre MM's meeting XML (<root><table name="agenda">...) and its manifest (<root><org>...<table name=...>).
_XML_DECL_RE = re.compile(rb"^\s*<\?xml[^>]*\?>", re.I)
_EDOC_RE = re.compile(rb"<Meeting>\s*<Committee>|<MeetingAgendaTypes>|<MeetingAgendaItem>")
_ACADRE_RE = re.compile(rb"<root>\s*<table name=\"agenda\">|<field name=\"bulletname\">")
_ACADRE_MANIFEST_RE = re.compile(rb"<root>\s*<org>.*?<table name=\"(?:committee|meeting|producedAgenda)\"", re.S)
_ZIP_MAGIC = b"PK\x03\x04"
# XML 1.0 forbids these characters even as references; eDoc writes form feeds as "&#12;".
_BAD_CHAR_REF_RE = re.compile(rb"&#(?:x0*[0-8bBcCeEfF]|x0*1[0-9a-fA-F]|0*(?:[0-8]|1[124-9]|2\d|3[01]));")


class Unreadable(Exception):
    """The file cannot be read as minutes: ``problem`` says why and ``hint`` what to do (Messages: Danish strings
    that also render in English). ``key`` and ``hint`` are keys of messages.MESSAGES; without ``hint`` the
    problem's own "<key>.hint" is used where there is one; ``values`` fill both."""

    def __init__(self, key: str, hint: str | None = None, **values: object) -> None:
        self.problem = Message(key, **values)
        self.hint = Message(hint, **values) if hint else hint_for(key, **values)
        super().__init__(self.problem)


@dataclass
class Sniffed:
    kind: str  # "pdf", "docx", "edoc-xml", "acadre-xml", "acadre-manifest", "json", "html", "print-text", "text"
    text: str = ""  # decoded text for the text kinds
    data: Any = None  # parsed JSON for "json"
    encoding: str = "utf-8"


def decode(data: bytes) -> tuple[str, str]:
    """Text and the encoding used: BOMs honoured, UTF-8 strictly, then Windows-1252 (a superset of Latin-1 letters)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8"
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    if b"\x00" in head:
        return True
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return controls > len(head) * 0.05


def sniff(data: bytes) -> Sniffed:
    """What the bytes are; raises :class:`Unreadable` for empty, binary or broken JSON files."""
    stripped = data.lstrip(b"\xef\xbb\xbf \t\r\n")
    if not stripped:
        raise Unreadable("empty")
    if stripped.startswith(b"%PDF"):
        return Sniffed("pdf")
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):  # OLE2: Word 97-2003 (.doc) and its kin
        raise Unreadable("ole2")
    if data.startswith(_ZIP_MAGIC):
        if b"word/" in data[:200_000] or b"[Content_Types].xml" in data[:2000]:
            return Sniffed("docx")
        raise Unreadable("zip_not_docx")
    head = stripped[:4096]  # after a byte-order mark and leading blank lines
    if _XML_DECL_RE.match(head) or stripped.startswith(b"<root>") or stripped.startswith(b"<Meeting>"):
        if _EDOC_RE.search(head):
            return Sniffed("edoc-xml")
        if _ACADRE_RE.search(head):
            return Sniffed("acadre-xml")
        if _ACADRE_MANIFEST_RE.search(head):
            return Sniffed("acadre-manifest")
    if looks_binary(data):
        raise Unreadable("binary")
    text, encoding = decode(data)
    head = text.lstrip("\ufeff \t\r\n")
    if head[:1] in "{[":
        try:
            parsed = json.loads(head)
        except json.JSONDecodeError as exc:
            raise Unreadable("json_broken", "refetch_cut", line=exc.lineno, col=exc.colno, error=exc.msg) from None
        return Sniffed("json", data=parsed, encoding=encoding)
    if _HTML_RE.search(data[:4096]):
        return Sniffed("html", text=text, encoding=encoding)
    if _PRINT_ITEM_RE.search(text) and (_PRINT_HEADER_RE.search(text[:3000]) or _PRINT_LABEL_RE.search(text[:5000])):
        return Sniffed("print-text", text=text, encoding=encoding)
    return Sniffed("text", text=text, encoding=encoding)


def parse_xml(data: bytes, what: str):  # noqa: ANN201 - an lxml element
    """The root of an XML export, or :class:`Unreadable` that says whether the file was cut short.

    References to characters XML forbids (eDoc writes page breaks as "&#12;") become line breaks first.
    """
    from lxml import etree

    data = _BAD_CHAR_REF_RE.sub(b"\n", data.lstrip(b"\xef\xbb\xbf").lstrip())  # a declaration must come first
    try:
        return etree.fromstring(data, etree.XMLParser(huge_tree=True, resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError as exc:
        msg = str(exc.msg or exc)
        line = exc.lineno or 0
        if _cut_short(data):
            raise Unreadable("xml_cut", "refetch_cut", what=what, line=line) from None
        raise Unreadable("xml_broken", what=what, line=line, error=msg) from None


_ROOT_RE = re.compile(rb"<([A-Za-z_][\w.\-]*)[\s>/]")


def _cut_short(data: bytes) -> bool:
    """The document does not end with its root element's end tag (a download cut short ends anywhere)."""
    body = re.sub(rb"<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^>]*>", b"", data[:4096], flags=re.S)
    m = _ROOT_RE.search(body)
    if m is None:
        return False
    return not data.rstrip().endswith(b"</" + m.group(1) + b">")
