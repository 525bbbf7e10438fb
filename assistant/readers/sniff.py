"""Telling formats apart by their content, decoding text, and the problems that stop a file from being read."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

_HTML_RE = re.compile(rb"<\s*(?:!doctype\s+html|html|head|body|div|p|h[1-6]|table|article|section|main)\b", re.I)
_PRINT_ITEM_RE = re.compile(r"^\s*Punkt\s+\d+[a-z]?\s*[:.]\s*\S", re.M | re.I)
_PRINT_HEADER_RE = re.compile(r"^\s*(?:REFERAT|DAGSORDEN|Referat|Dagsorden)\b.*\b\d{1,2}[-.]\d{1,2}[-.]\d{4}", re.M)
_PRINT_LABEL_RE = re.compile(r"^\s*(?:Mødedato|Mødested|Mødedeltagere)\b", re.M)


class Unreadable(Exception):
    """The file cannot be read as minutes: ``problem`` says why and ``hint`` what to do (both Danish)."""

    def __init__(self, problem: str, hint: str = "") -> None:
        super().__init__(problem)
        self.problem = problem
        self.hint = hint


@dataclass
class Sniffed:
    kind: str  # "pdf", "json", "html", "print-text", "text"
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
        raise Unreadable("filen er tom", "slet den, eller hent referatet igen")
    if stripped.startswith(b"%PDF"):
        return Sniffed("pdf")
    if looks_binary(data):
        raise Unreadable(
            "filen er binær og ikke i et kendt format",
            "gem referatet som PDF, FirstAgenda-JSON, HTML eller tekst (.txt/.md)",
        )
    text, encoding = decode(data)
    head = text.lstrip("\ufeff \t\r\n")
    if head[:1] in "{[":
        try:
            parsed = json.loads(head)
        except json.JSONDecodeError as exc:
            raise Unreadable(
                f"JSON-filen er ufuldstændig eller ugyldig (linje {exc.lineno}, kolonne {exc.colno}: {exc.msg})",
                "hent filen igen; den er måske blevet afbrudt under download",
            ) from None
        return Sniffed("json", data=parsed, encoding=encoding)
    if _HTML_RE.search(data[:4096]):
        return Sniffed("html", text=text, encoding=encoding)
    if _PRINT_ITEM_RE.search(text) and (_PRINT_HEADER_RE.search(text[:3000]) or _PRINT_LABEL_RE.search(text[:5000])):
        return Sniffed("print-text", text=text, encoding=encoding)
    return Sniffed("text", text=text, encoding=encoding)
