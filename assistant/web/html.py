"""HTML for the page. Every piece of minutes text is escaped (html.escape) before any markup is added."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable

from assistant.records import AgendaPoint, Answer, Citation, Meeting
from assistant.web.texts import ui

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]#|~!])")


def esc(text: object) -> str:
    """Escape text for HTML (quotes too)."""
    return html.escape("" if text is None else str(text), quote=True)


def md_safe(text: str) -> str:
    """Text for a Markdown component: Markdown characters backslash-escaped, then HTML-escaped."""
    return esc(_MD_SPECIAL.sub(r"\\\1", text))


def reference(c: Citation, lang: str) -> str:
    from assistant.citations import render_citation

    return render_citation(c, lang)


def date_text(iso: str, lang: str) -> str:
    if not iso:
        return ""
    from assistant.prompts import format_date

    return format_date(iso, lang)


def _quote_pattern(quote: str) -> re.Pattern[str] | None:
    words = quote.split()
    if not words:
        return None
    return re.compile(r"\s+".join(re.escape(w) for w in words))


def find_quote(text: str, quote: str) -> list[tuple[int, int]]:
    """Spans of `quote` in `text`, tolerant to whitespace; a quote shortened with '…' matches piece by piece."""
    spans: list[tuple[int, int]] = []
    pieces = re.split(r"…|\.\.\.", quote) if quote else []
    pieces = [p.strip() if len(pieces) == 1 else p.strip(" .") for p in pieces]
    for piece in pieces:
        pattern = _quote_pattern(piece)
        if pattern is None or len(piece) < 3:
            continue
        start = spans[-1][1] if spans else 0
        m = pattern.search(text, start) or pattern.search(text)
        if m:
            spans.append((m.start(), m.end()))
    return sorted(set(spans))


def highlight(text: str, quote: str) -> tuple[str, bool]:
    """`text` as escaped HTML with the quoted passage wrapped in <mark>; returns (html, found)."""
    spans = find_quote(text, quote)
    out, pos = [], 0
    for start, end in spans:
        if start < pos:
            continue
        out.append(esc(text[pos:start]))
        out.append(f'<mark class="quote">{esc(text[start:end])}</mark>')
        pos = end
    out.append(esc(text[pos:]))
    return "".join(out), bool(spans)


def names(people: Iterable[str], lang: str) -> str:
    people = [p for p in people if p]
    return esc(", ".join(people)) if people else esc(ui("none", lang))


def meeting_header(meeting: Meeting, lang: str) -> str:
    """The meeting's header: committee, municipality, date and time, place, participants and absent members."""
    when = date_text(meeting.date_iso, lang)
    if meeting.time_str:
        when += ", " + ui("at_time", lang, time=meeting.time_str)
    rows = [(ui("date", lang), esc(when))]
    if meeting.place:
        rows.append((ui("place", lang), esc(meeting.place)))
    if meeting.participants:
        rows.append((ui("participants", lang), names((p.name for p in meeting.present), lang)))
        absent = [
            f"{p.name} ({p.note})" if p.note and p.note.lower() not in ("fraværende", "absent") else p.name
            for p in meeting.absent
        ]
        rows.append((ui("absent", lang), names(absent, lang)))
    body = "".join(f"<tr><th>{esc(k)}</th><td>{v}</td></tr>" for k, v in rows)
    muni = f'<div class="muni">{esc(meeting.municipality)}</div>' if meeting.municipality else ""
    return (
        f'<div class="meeting-header">{muni}<h3>{esc(meeting.committee)}</h3><table class="meta">{body}</table></div>'
    )


def point_heading(point: AgendaPoint, lang: str) -> str:
    case = f' <span class="case">{esc(ui("case", lang))} {esc(point.case_number)}</span>' if point.case_number else ""
    return f'<h4 class="point-title">{esc(ui("point", lang))} {esc(point.number)}: {esc(point.title)}{case}</h4>'


def point_body(point: AgendaPoint, lang: str, quote: str = "") -> str:
    """The point's full text, sections with headings, the quote highlighted. Closed points show no content."""
    if point.closed:
        return f'<p class="closed">{esc(ui("closed_point", lang))}</p>'
    parts, found_any = [], False
    sections = point.sections or []
    for s in sections:
        body, found = highlight(s.text, quote) if quote and not found_any else (esc(s.text), False)
        found_any = found_any or found
        tag = "h5" if s.level <= 1 else "h6"
        heading = f"<{tag}>{esc(s.heading)}</{tag}>" if s.heading else ""
        parts.append(f'<section>{heading}<div class="text">{body}</div></section>')
    if quote and not found_any:
        # The quote spans sections (or was shortened): show it above the text so it is never lost.
        parts.insert(0, f'<blockquote><mark class="quote">{esc(quote)}</mark></blockquote>')
    return "".join(parts)


def _view_open(key: str) -> str:
    """The source view's container: marked with the citation's key (cite-<key>), focusable from script."""
    return f'<div class="source-view cite-{esc(key)}" tabindex="-1">' if key else '<div class="source-view">'


def source_view(meeting: Meeting, point: AgendaPoint, citation: Citation | None, lang: str, key: str = "") -> str:
    """Meeting header, the point's heading and its full text with the cited passage highlighted."""
    ref = f'<p class="ref">[{citation.number}] {esc(reference(citation, lang))}</p>' if citation else ""
    quote = citation.quote if citation and not point.closed else ""
    return (
        f"{_view_open(key)}{ref}{meeting_header(meeting, lang)}{point_heading(point, lang)}"
        f"{point_body(point, lang, quote)}</div>"
    )


def meeting_view(meeting: Meeting, citation: Citation | None, lang: str, key: str = "") -> str:
    """A cited meeting: header (participants, absent) and the titles of its points."""
    ref = f'<p class="ref">[{citation.number}] {esc(reference(citation, lang))}</p>' if citation else ""
    items = "".join(
        f"<li>{esc(ui('point', lang))} {esc(p.number)}: {esc(p.title)}"
        + (f' <span class="case">{esc(ui("case", lang))} {esc(p.case_number)}</span>' if p.case_number else "")
        + "</li>"
        for p in meeting.points
    )
    return f'{_view_open(key)}{ref}{meeting_header(meeting, lang)}<ol class="points">{items}</ol></div>'


def citation_list(citations: list[Citation], lang: str, heading: str) -> str:
    if not citations:
        return f'<p class="muted">{esc(ui("no_sources", lang))}</p>'
    items = "".join(
        f'<li><span class="num">[{c.number}]</span> {esc(reference(c, lang))}'
        + (f'<div class="q">»{esc(_short(c.quote))}«</div>' if c.quote and not c.closed else "")
        + "</li>"
        for c in citations
    )
    return f'<div class="citations"><h4>{esc(heading)}</h4><ol class="refs">{items}</ol></div>'


def _short(text: str, limit: int = 220) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def cite_key(answer_id: str, number: int | str) -> str:
    """The key of one citation of one answer: the sources list's value and the citation link's target."""
    return f"{answer_id}-{number}"


def cite_link(answer_id: str, number: int | str, label: str) -> str:
    """A link that opens citation `number` of answer `answer_id` in the source view (the page's script catches
    clicks on a.cite; the target is in the href because the chat's sanitizer drops data attributes)."""
    return f'<a class="cite" href="#cite-{cite_key(answer_id, number)}">{label}</a>'


_MARKER = re.compile(r"\\\[(\d+)\\\]")  # a [n] marker after md_safe: \[n\]


def _refusal_sentence(answer: Answer) -> str:
    """A refusal's text without the answerer's plain list of nearest points: the chat lists them once, numbered and
    clickable, under its own heading."""
    from assistant.prompts import phrase

    intro = phrase("nearest_intro", answer.lang or "da")
    return answer.text.split(intro, 1)[0] if answer.refused and answer.nearest and intro else answer.text


def answer_markdown(answer: Answer, lang: str, answer_id: str = "") -> str:
    """The chat message for an answer: its text, then the numbered references (all escaped).

    With an `answer_id`, every [n] and every reference is a link to that answer's citation n, and the message
    carries the id (class answer-<id>), so the page and its tests can tell this answer from earlier ones."""
    text = _refusal_sentence(answer).strip()
    text = "\n\n".join(md_safe(p.strip()) for p in re.split(r"\n\s*\n", text) if p.strip())
    text = "  \n".join(text.splitlines())
    cits = answer.citations or answer.nearest
    numbers = {str(c.number) for c in cits}
    if answer_id:
        text = _MARKER.sub(
            lambda m: cite_link(answer_id, m.group(1), m.group(0)) if m.group(1) in numbers else m.group(0), text
        )
    mark = f'<span class="answer-id answer-{esc(answer_id)}"></span>' if answer_id else ""
    if not cits:
        return text + mark
    lang = answer.lang or lang  # references in the language the answer speaks
    heading = ui("sources", lang) if answer.citations else ui("nearest", lang)
    refs = "\n".join(
        f"{c.number}. " + (cite_link(answer_id, c.number, md_safe(reference(c, lang))) if answer_id else
                           md_safe(reference(c, lang)))
        for c in cits
    )
    return f"{text}\n\n**{md_safe(heading)}**\n\n{refs}\n\n{mark}".rstrip()


def long_text(text: str, limit: int = 500) -> str:
    """Escaped text; a long one folds into <details> showing its opening."""
    if len(text) <= limit:
        return f'<div class="text">{esc(text)}</div>'
    head = text[:limit].rsplit(" ", 1)[0]
    return f'<details class="text"><summary>{esc(head)} …</summary>{esc(text[len(head) :])}</details>'


def pick_source(lang: str) -> str:
    """The source view before a source is chosen."""
    return f'<p class="muted">{esc(ui("pick_source", lang))}</p>'


def status_line(text: str) -> str:
    return f'<div class="status-line">{esc(text)}</div>'
