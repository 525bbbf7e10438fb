"""Citation export: one answer or a whole conversation as Markdown, CSV, BibTeX, RIS or Word (.docx).

Every export carries the question, the answer, every citation's fields and the date of the export. What a report's
reader can follow, never a server path: municipality, committee, date, point, case number, the source file's name
and the meeting's public page where known. Minutes text and the user's question are data, never markup: no CSV cell
starts a formula and the only active link in Markdown is an http(s) address of a meeting's public page.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from assistant.prompts import phrase
from assistant.records import Answer, Citation, stable_id
from assistant.textutil import ascii_fold, slugify

FORMATS: dict[str, str] = {"md": ".md", "csv": ".csv", "bib": ".bib", "ris": ".ris", "docx": ".docx"}

CSV_COLUMNS = (
    "export_date",
    "answer_number",
    "question",
    "answer",
    "lang",
    "refused",
    "citation_number",
    "reference",
    "municipality",
    "committee",
    "meeting_date",
    "point_number",
    "point_title",
    "case_number",
    "closed",
    "section",
    "quote",
    "source_file",
    "url",
)

_LABELS = {
    "da": {
        "title": "Referat-assistenten: kildehenvisninger",
        "exported": "Eksporteret",
        "question": "Spørgsmål",
        "answer": "Svar",
        "sources": "Kilder",
        "nearest": "Nærmeste punkter",
        "none": "Ingen kilder.",
        "point": "Punkt",
        "case": "Sag",
        "closed": "Lukket punkt: indholdet gengives ikke",
        "quote": "Citat",
        "meeting": "møde",
        "file": "Kildefil",
    },
    "en": {
        "title": "Referat-assistenten: references",
        "exported": "Exported",
        "question": "Question",
        "answer": "Answer",
        "sources": "Sources",
        "nearest": "Nearest points",
        "none": "No sources.",
        "point": "Item",
        "case": "Case",
        "closed": "Closed item: content not shown",
        "quote": "Quote",
        "meeting": "meeting",
        "file": "Source file",
    },
}


def labels(lang: str) -> dict[str, str]:
    return _LABELS.get(lang, _LABELS["da"])


def reference(c: Citation, lang: str = "da") -> str:
    """The citation as one readable line (assistant.citations.render_citation)."""
    from assistant.citations import render_citation

    return render_citation(c, lang)


def cited(answer: Answer) -> list[Citation]:
    """The citations an export lists: the answer's own, or the nearest points of a refusal."""
    return list(answer.citations) if answer.citations else list(answer.nearest)


def _today(when: date | None) -> date:
    if when is None:
        return date.today()
    return when.date() if isinstance(when, datetime) else when


def _lang(answers: Sequence[Answer], lang: str | None) -> str:
    return lang or (answers[0].lang if answers else "da")


def _one_line(text: str) -> str:
    return " ".join((text or "").split())


def source_file(c: Citation) -> str:
    """The source file's name only (the folder it sits in on the server is nobody's business)."""
    name = re.split(r"[\\/]", c.source or "")[-1]
    return "" if _is_web(c.source) else name


def public_url(c: Citation) -> str:
    """The meeting's public page: an http(s) address without spaces or markup, else ""."""
    for url in (c.url, c.source):
        if _is_web(url):
            return url
    return ""


def _is_web(url: str) -> bool:
    if not url or re.search(r"[\s<>\"'`\\\x00-\x1f]", url):
        return False
    try:
        parts = urlsplit(url)
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def with_links(answers: Sequence[Answer], catalog: Any) -> list[Answer]:
    """Fill each citation's ``url`` from the catalog's meeting (exports then link its public page)."""
    cache: dict[str, str] = {}
    for a in answers:
        for c in [*a.citations, *a.nearest]:
            if c.url or not c.source:
                continue
            mid = stable_id(c.source)
            if mid not in cache:
                try:
                    meeting = catalog.meeting(mid)
                except Exception:  # noqa: BLE001 - a link is a courtesy; the export goes on without it
                    meeting = None
                cache[mid] = getattr(meeting, "url", "") or ""
            c.url = cache[mid]
    return list(answers)


# --- Markdown ---------------------------------------------------------------------------------------------------


def to_markdown(answers: Sequence[Answer], lang: str | None = None, when: date | None = None) -> str:
    lang = _lang(answers, lang)
    lb = labels(lang)
    out = [f"# {lb['title']}", "", f"{lb['exported']}: {_today(when).isoformat()}", ""]
    for i, a in enumerate(answers, 1):
        heading = f"## {i}. {lb['question']}" if len(answers) > 1 else f"## {lb['question']}"
        out += [heading, "", md_escape(_one_line(a.question)), "", f"### {lb['answer']}", "", _md_text(a.text), ""]
        cits = cited(a)
        out += [f"### {lb['nearest'] if a.refused and not a.citations else lb['sources']}", ""]
        if not cits:
            out += [lb["none"], ""]
        for c in cits:
            out.append(f"[{c.number}] {md_escape(reference(c, a.lang or lang))}")
            if c.closed:
                out.append(f"    > {lb['closed']}")
            elif c.quote:
                out.append(f"    > {md_escape(_one_line(c.quote))}")
            where = [f"{lb['file']}: {md_escape(name)}"] if (name := source_file(c)) else []
            where += [f"<{url}>"] if (url := public_url(c)) else []
            if where:
                out.append("    " + " · ".join(where))
            out.append("")
    return "\n".join(out).rstrip() + "\n"


def _md_text(text: str) -> str:
    """Answer text keeps its paragraphs, its bullet lines and its [n] markers; everything else is literal text."""
    paras = []
    for para in re.split(r"\n\s*\n", text.strip()):
        lines = []
        for line in para.splitlines():
            bullet = re.match(r"\s*[-*•]\s+", line)  # the answerer's own list of quotes
            head, rest = ("- ", line[bullet.end():]) if bullet else ("", line)
            if rest.strip():
                lines.append(head + _markers(md_escape(_one_line(rest))))
        if lines:
            paras.append("\n".join(lines))
    return "\n\n".join(paras)


def _markers(escaped: str) -> str:
    """Citation markers shown as [n]: never followed by "(", "[" or ":", so never a link nor a link definition
    (every other bracket stays escaped, so no definition exists for them to refer to)."""
    return re.sub(r"\\\[(\d{1,3})\\\](?![(\[:])", r"[\1]", escaped)


_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#|~&])")
_MD_LINE_START = re.compile(r"^(\s*(?:\d+(?=[.)]))?)([-+=>.)])")  # a list, a setext heading or a quote
_AUTOLINK = re.compile(r"(?i)(?<=[a-z0-9])(:)(?=//)|(?<=\bwww)(\.)|(?<=\w)(@)(?=\w)")


def md_escape(text: str) -> str:
    """Text that Markdown (CommonMark and GFM) shows as written: no emphasis, headings, lists, tables, raw HTML,
    entities, links, images or autolinks (``https\\://``, ``www\\.``, ``anna\\@`` break GFM's bare-address links)."""
    text = _MD_LINE_START.sub(r"\1\\\2", _MD_SPECIAL.sub(r"\\\1", text))
    return _AUTOLINK.sub(lambda m: "\\" + m.group(0), text)


# --- CSV --------------------------------------------------------------------------------------------------------


def to_csv(answers: Sequence[Answer], lang: str | None = None, when: date | None = None) -> str:
    """One row per citation (an answer without citations gets one row with empty citation fields)."""
    lang = _lang(answers, lang)
    buf = io.StringIO()
    w = _SafeWriter(buf, fieldnames=CSV_COLUMNS, lineterminator="\n", quoting=csv.QUOTE_ALL)
    w.writeheader()
    day = _today(when).isoformat()
    for i, a in enumerate(answers, 1):
        base = {
            "export_date": day,
            "answer_number": i,
            "question": a.question,
            "answer": a.text,
            "lang": a.lang,
            "refused": a.refused,
        }
        cits = cited(a)
        if not cits:
            w.writerow(base)
        for c in cits:
            w.writerow(
                base
                | {
                    "citation_number": c.number,
                    "reference": reference(c, a.lang or lang),
                    "municipality": c.municipality,
                    "committee": c.committee,
                    "meeting_date": c.meeting_date,
                    "point_number": c.point_number,
                    "point_title": c.point_title,
                    "case_number": c.case_number,
                    "closed": c.closed,
                    "section": c.section,
                    "quote": "" if c.closed else c.quote,
                    "source_file": source_file(c),
                    "url": public_url(c),
                }
            )
    return buf.getvalue()


# Cells a spreadsheet reads as a formula: starting with = + - @ (also after leading spaces), a tab or a CR
# (OWASP "CSV Injection"), and the full-width forms some spreadsheets fold to them.
_FORMULA_START = tuple("=+-@\uff1d\uff0b\uff0d\uff20")


def csv_safe(value: object) -> object:
    """OWASP's rule: a cell that could start a formula gets a single quote in front, so it stays text."""
    if not isinstance(value, str) or not value:
        return value
    if value[0] in "\t\r" or value.lstrip(" \t\r\n\u00a0").startswith(_FORMULA_START):
        return "'" + value
    return value


class _SafeWriter(csv.DictWriter):
    def writerow(self, rowdict):  # type: ignore[override]
        return super().writerow({k: csv_safe(v) for k, v in rowdict.items()})


# --- BibTeX -----------------------------------------------------------------------------------------------------

_BIB_SPECIAL = {
    "\\": r"\textbackslash{}",
    "{": r"\{",
    "}": r"\}",
    "%": r"\%",
    "&": r"\&",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
}


def bib_escape(text: str) -> str:
    return "".join(_BIB_SPECIAL.get(ch, ch) for ch in _one_line(text))


def _slug(text: str, limit: int = 24) -> str:
    return re.sub(r"[^A-Za-z0-9]+", "", ascii_fold(text).title())[:limit] or "x"


def bib_key(c: Citation, answer_number: int) -> str:
    day = c.meeting_date.replace("-", "")
    return f"{_slug(c.municipality or 'kommune', 12)}{day}p{_slug(c.point_number, 6)}_{answer_number}_{c.number}"


def to_bibtex(answers: Sequence[Answer], lang: str | None = None, when: date | None = None) -> str:
    """One @misc entry per citation; the question and answer ride along in the `annote` field."""
    lang = _lang(answers, lang)
    lb = labels(lang)
    day = _today(when).isoformat()
    out = [f"% {lb['title']}. {lb['exported']}: {day}", ""]
    for i, a in enumerate(answers, 1):
        for c in cited(a):
            title = f"{lb['point']} {c.point_number}: {c.point_title}" if c.point_number else c.point_title
            fields = [
                ("title", title),
                ("author", "{" + bib_escape(c.municipality) + "}" if c.municipality else ""),
                ("organization", c.municipality),
                ("howpublished", c.committee),
                ("date", c.meeting_date),
                ("year", c.meeting_date[:4]),
                ("number", c.case_number),
                ("type", lb["meeting"]),
                ("note", lb["closed"] if c.closed else c.quote),
                ("addendum", reference(c, a.lang or lang)),
                ("annote", f"{lb['question']}: {a.question} {lb['answer']}: {a.text}"),
                ("url", public_url(c)),
                ("urldate", day),
                ("library", source_file(c)),
            ]
            body = []
            for name, value in fields:
                if not value:
                    continue
                # author is pre-escaped and wrapped so BibTeX treats the municipality as one corporate name
                text = value if name == "author" else bib_escape(value)
                body.append(f"  {name} = {{{text}}}")
            out.append(f"@misc{{{bib_key(c, i)},\n" + ",\n".join(body) + "\n}\n")
    return "\n".join(out)


# --- RIS --------------------------------------------------------------------------------------------------------


def to_ris(answers: Sequence[Answer], lang: str | None = None, when: date | None = None) -> str:
    """One GOVDOC record per citation (RIS: "TAG  - value" lines, records ending with "ER  - ")."""
    lang = _lang(answers, lang)
    lb = labels(lang)
    day = _today(when)
    lines: list[str] = []
    for i, a in enumerate(answers, 1):
        for c in cited(a):
            title = f"{lb['point']} {c.point_number}: {c.point_title}" if c.point_number else c.point_title
            rec = [
                ("TY", "GOVDOC"),
                ("ID", bib_key(c, i)),
                ("TI", title),
                ("AU", c.municipality),
                ("T2", c.committee),
                ("PY", c.meeting_date[:4]),
                ("DA", c.meeting_date.replace("-", "/")),
                ("M1", c.case_number),
                ("SE", c.point_number),
                ("AB", lb["closed"] if c.closed else c.quote),
                ("N1", f"{lb['question']}: {a.question}"),
                ("N1", f"{lb['answer']}: {a.text}"),
                ("N1", reference(c, a.lang or lang)),
                ("Y2", day.strftime("%Y/%m/%d")),
                ("UR", public_url(c)),
                ("AN", source_file(c)),
                ("LA", a.lang),
            ]
            lines += [f"{tag}  - {_one_line(value)}" for tag, value in rec if value]
            lines += ["ER  - ", ""]
    return "\r\n".join(lines)


# --- Word -------------------------------------------------------------------------------------------------------


def to_docx(answers: Sequence[Answer], path: Path, lang: str | None = None, when: date | None = None) -> Path:
    """A Word document with each question, its answer and numbered references, ready to paste into a report."""
    from docx import Document
    from docx.shared import Pt

    lang = _lang(answers, lang)
    lb = labels(lang)
    doc = Document()
    doc.core_properties.title = lb["title"]
    doc.add_heading(lb["title"], level=1)
    doc.add_paragraph(f"{lb['exported']}: {_today(when).isoformat()}")
    for i, a in enumerate(answers, 1):
        doc.add_heading(f"{i}. {lb['question']}" if len(answers) > 1 else lb["question"], level=2)
        doc.add_paragraph(_xml_safe(_one_line(a.question)))
        doc.add_heading(lb["answer"], level=3)
        for para in re.split(r"\n\s*\n", a.text.strip()) or [""]:
            doc.add_paragraph(_xml_safe(para.strip()))
        cits = cited(a)
        doc.add_heading(lb["nearest"] if a.refused and not a.citations else lb["sources"], level=3)
        if not cits:
            doc.add_paragraph(lb["none"])
        for c in cits:
            p = doc.add_paragraph()
            p.add_run(f"[{c.number}] ").bold = True
            p.add_run(_xml_safe(reference(c, a.lang or lang)))
            quote = lb["closed"] if c.closed else _one_line(c.quote)
            if quote:
                q = doc.add_paragraph(style="Quote")
                run = q.add_run(_xml_safe(quote))
                run.font.size = Pt(9.5)
            # plain text, never a hyperlink field: the source file's name and the meeting's public page
            where = [f"{lb['file']}: {_xml_safe(name)}"] if (name := source_file(c)) else []
            where += [url] if (url := public_url(c)) else []
            if where:
                doc.add_paragraph(" · ".join(where))
    path = Path(path)
    doc.save(str(path))
    return path


def _xml_safe(text: str) -> str:
    """Drop characters XML (and so Word) cannot hold: control characters from a damaged file would stop the export."""
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]", "", text)


# --- entry point ------------------------------------------------------------------------------------------------


def export(answers: Sequence[Answer], fmt: str, path: Path, lang: str | None = None, when: date | None = None) -> Path:
    """Write `answers` to `path` in `fmt` (md, csv, bib, ris or docx) and return the path."""
    fmt = fmt.lower().lstrip(".")
    if fmt not in FORMATS:
        raise ValueError(f"Ukendt eksportformat {fmt!r}: vælg et af {', '.join(FORMATS)}.")
    if not answers:
        raise ValueError("Der er intet svar at eksportere: stil et spørgsmål først.")
    path = Path(path)
    if fmt == "docx":
        return to_docx(answers, path, lang, when)
    writer = {"md": to_markdown, "csv": to_csv, "bib": to_bibtex, "ris": to_ris}[fmt]
    # utf-8-sig for CSV so Excel shows æøå; newline="" keeps RIS's CRLF and CSV's own line ends as written
    encoding = "utf-8-sig" if fmt == "csv" else "utf-8"
    path.write_text(writer(answers, lang, when), encoding=encoding, newline="")
    return path


def export_name(answers: Sequence[Answer], fmt: str, conversation: bool | None = None, lang: str = "da") -> str:
    """A download's file name after what it holds, in ``lang``: one answer 'referat-svar-<date>-<question slug>.<ext>'
    ('minutes-answer-...'), a whole conversation 'referat-samtale-<date>.<ext>' ('minutes-conversation-...');
    ``conversation`` None: more than one answer is a conversation."""
    whole = len(answers) > 1 if conversation is None else conversation
    day = date.today().isoformat()
    if whole:
        return f"{phrase('file_conversation', lang)}-{day}{FORMATS[fmt]}"
    slug = slugify(answers[-1].question, 40) if answers else ""
    return f"{phrase('file_answer', lang)}-{day}{'-' + slug if slug else ''}{FORMATS[fmt]}"
