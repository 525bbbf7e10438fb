"""HTML minutes pages: the FirstAgenda web page and the heading-and-label layouts of FORMATS.md.

Navigation noise (nav, header, footer, scripts, breadcrumbs, cookie banners, share and print buttons) is removed
before the page is turned into blocks for :mod:`assistant.readers.plain`. A page that holds a single agenda point
(Copenhagen: ``.../referat/punkt-N``) is read as that point.
"""

from __future__ import annotations

import re

from assistant.readers import plain, structure
from assistant.readers.sniff import Unreadable
from assistant.records import Meeting
from assistant.textutil import blocks_from_tree, fold_ws

FORMAT = "html"
_JUNK_ATTR_RE = re.compile(r"breadcrumb|cookie|share|skip-?link|navigation|navbar|menu|sidebar|print-?button|toolbar",
                           re.IGNORECASE)  # fmt: skip
_PUNKT_URL_RE = re.compile(r"/(?:møde|moede)-(\d{2})(\d{2})(\d{4})/[^/\"']*/punkt-(\d+[a-z]?)", re.IGNORECASE)
_FORUM_URL_RE = re.compile(r"/dagsordener-og-referater/([^/\"']+)/(?:møde|moede)-", re.IGNORECASE)


def _tree(markup: str):  # noqa: ANN202 - lxml element
    import lxml.html

    # The text is already decoded (sniff.decode); a declared charset must not decode it a second time.
    markup = re.sub(r"^\s*<\?xml[^>]*>", "", markup)
    try:
        root = lxml.html.fromstring(markup)
    except Exception as exc:  # noqa: BLE001 - lxml raises several types on junk
        raise Unreadable(f"HTML-filen kan ikke læses ({type(exc).__name__})", "gem siden igen fra browseren") from None
    for el in list(root.iter()):
        if not isinstance(el.tag, str) or el.getparent() is None:
            continue
        attrs = " ".join(filter(None, (el.get("class"), el.get("id"), el.get("role"), el.get("aria-label"))))
        if attrs and _JUNK_ATTR_RE.search(attrs):
            el.drop_tree()
    return root


def _slug_name(slug: str) -> str:
    words = slug.replace("-", " ").split()
    name = " ".join(words)
    for a, b in (("ae", "æ"), ("oe", "ø"), ("aa", "å")):
        name = name.replace(a, b)
    return name[:1].upper() + name[1:]


def read(markup: str, warnings: list[str]) -> tuple[Meeting, str | None]:
    root = _tree(markup)
    blocks = blocks_from_tree(root)
    if not any(b.text for b in blocks):
        raise Unreadable("HTML-siden indeholder ingen tekst", "gem siden, når den er helt indlæst i browseren")
    single = _PUNKT_URL_RE.search(markup)
    doc = plain.split_document(blocks)
    if single and not doc.items:
        return _single_point_page(blocks, single, markup, warnings)
    return plain.parse_blocks(blocks, warnings, FORMAT)


def _single_point_page(blocks, m: re.Match, markup: str, warnings: list[str]) -> tuple[Meeting, str | None]:  # noqa: ANN001
    """A page with one agenda point: title in the first heading, number from the page address."""
    title_i = next((i for i, b in enumerate(blocks) if b.heading), None)
    title = blocks[title_i].text if title_i is not None else f"Punkt {m[4]}"
    head = blocks[: (title_i or 0) + 1]
    body = blocks[(title_i or 0) + 1 :]
    # Header labels may sit right under the title as well ("Mødedato: ...").
    labels = [b for b in body[:6] if plain._LABEL_RE.match(b.text)]
    body = [b for b in body if b not in labels]
    meeting, named = plain.parse_blocks(head + labels, warnings, FORMAT)
    warnings[:] = [w for w in warnings if "ét punkt" not in w]
    point = structure.make_point(m[4], title, body, set())
    meeting.points = [point]
    meeting.participants = structure.mark_absent(meeting.participants, structure.absences_in(point.decision or ""))
    if point.decision:
        meeting.kind = "referat"
    if not meeting.committee:
        forum = _FORUM_URL_RE.search(markup)
        meeting.committee = fold_ws(_slug_name(forum[1])) if forum else ""
    return meeting, named
