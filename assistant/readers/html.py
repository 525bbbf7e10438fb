"""HTML minutes pages: the FirstAgenda web page and the heading-and-label layouts of FORMATS.md.

Navigation noise (nav, header, footer, scripts, breadcrumbs, cookie banners, share and print buttons) is removed
before the page is turned into blocks for :mod:`assistant.readers.plain`. A page that holds a single agenda point
(Copenhagen: ``.../referat/punkt-N``) is read as that point.
"""

from __future__ import annotations

import re

from assistant.readers import plain, structure
from assistant.readers.municipality import known_municipality, name_from_header
from assistant.readers.sniff import Unreadable
from assistant.records import Meeting
from assistant.textutil import Block, blocks_from_tree, fold_ws
from assistant.vocabulary import PERSON_NAME, case_number_in_title, case_number_line, find_case_numbers

FORMAT = "html"
_JUNK_ATTR_RE = re.compile(r"breadcrumb|cookie|share|skip-?link|navigation|navbar|menu|sidebar|print-?button|toolbar",
                           re.IGNORECASE)  # fmt: skip
_PUNKT_URL_RE = re.compile(r"/(?:møde|moede)-(\d{2})(\d{2})(\d{4})/[^/\"']*/punkt-(\d+[a-z]?)", re.IGNORECASE)
_FORUM_URL_RE = re.compile(r"/dagsordener-og-referater/([^/\"']+)/(?:møde|moede)-", re.IGNORECASE)


def _parse(markup: str):  # noqa: ANN202 - lxml element
    import lxml.html

    # The text is already decoded (sniff.decode); a declared charset must not decode it a second time.
    markup = re.sub(r"^\s*<\?xml[^>]*>", "", markup)
    try:
        return lxml.html.fromstring(markup)
    except Exception as exc:  # noqa: BLE001 - lxml raises several types on junk
        raise Unreadable("html_unreadable", error=type(exc).__name__) from None


def _tree(root):  # noqa: ANN001, ANN202 - lxml element
    """The page without its navigation, banners and other furniture; a sidebar of the meeting's facts first."""
    for el in root.iter("dt"):  # a definition list's term is a label: "Dato" / "Mandag 27. maj 2024"
        if el.text and not el.text.rstrip().endswith(":") and len(el) == 0:
            el.text = el.text.rstrip() + ":"
    body = root.find("body")
    for el in list(root.iter()):
        if not isinstance(el.tag, str) or el.getparent() is None:
            continue
        attrs = " ".join(filter(None, (el.get("class"), el.get("id"), el.get("role"), el.get("aria-label"))))
        # the page itself, or a container of its title, is no furniture, whatever its class says of the layout
        # ("<body class="... one-sidebar sidebar-first page-meeting">", Drupal's OS2dagsorden)
        junk = bool(attrs and _JUNK_ATTR_RE.search(attrs)) and el.tag not in ("html", "body") \
            and next(el.iter("h1"), None) is None
        if (junk or el.tag == "aside") and _meeting_facts(el):
            # a sidebar of meeting facts heads the page: the part of it that holds them, not its other boxes ("Find
            # andre møder" and their dates)
            box = _facts_box(el)
            if body is not None and (box is not el or el.getparent() is not body):
                box.getparent().remove(box)
                body.insert(0, box)
            if junk and box is not el:
                el.drop_tree()
        elif junk:
            el.drop_tree()
    for el in list(root.iter("ul", "ol", "div", "p", "section", "aside", "table")):  # a table: an older site's top bar
        if el.getparent() is not None and _link_list(el):
            el.drop_tree()
    for el in root.iter("button"):  # an accordion's header (number and title of an item) is a button in portals
        if len(el) >= 2 or len(fold_ws(el.text_content())) > 25:
            el.tag = "div"
    for el in root.iter("span", "a", "strong", "b", "em"):
        nxt = el.getnext()
        if nxt is not None and not (el.tail or "").strip() and nxt.tag in ("span", "a", "strong", "b", "em"):
            el.tail = " " + (el.tail or "")  # "<span>1.</span><span>Titel</span>" reads "1. Titel"
    return root


_PEOPLE_FACT_RE = re.compile(r"^(?:deltagere|mødedeltagere|medlemmer|udvalgsmedlemmer|til ?stede|fremmødte?)\b:?$",
                             re.IGNORECASE)  # fmt: skip
_FACT_LABEL_RE = re.compile(r"^(?:mødedato|dato|tidspunkt|mødetidspunkt|sted|mødested|lokale|udvalg|deltagere|"
                            r"mødedeltagere|medlemmer|udvalgsmedlemmer|til ?stede|fremmødte?|fraværende|afbud|"
                            r"ikke til stede|forfald)\b:?", re.IGNORECASE)  # fmt: skip
_MIN_FACTS = 2
_MIN_MEMBERS = 3  # a box that lists at least three people under a members' heading is the meeting's attendance
_MEMBER_ITEM_RE = re.compile(rf"^{PERSON_NAME}\s*\([A-ZÆØÅ]{{1,3}}\)")


def _facts_box(el):  # noqa: ANN001, ANN202 - lxml element
    """The smallest element of a sidebar that holds all its meeting facts' labels (and listed members)."""
    facts = [c for c in el.iter("dt", "th", "h2", "h3", "h4", "strong", "b", "label")
             if _FACT_LABEL_RE.match(fold_ws(c.text_content()))]  # fmt: skip
    facts += [li for li in el.iter("li") if _MEMBER_ITEM_RE.match(fold_ws(li.text_content()))]
    box = facts[0] if facts else el
    while box is not el and not all(f is box or box in f.iterancestors() for f in facts):
        box = box.getparent()
    return box


def _meeting_facts(el) -> bool:  # noqa: ANN001 - lxml element
    """A sidebar or aside that holds the meeting's facts (its labelled date, place, body or members), or the members
    alone under their heading ("Udvalgsmedlemmer" over "Kirsten Lund Hjort (V), formand" ...)."""
    labels = [fold_ws(c.text_content()) for c in el.iter("dt", "th", "h2", "h3", "h4", "strong", "b", "label")]
    if sum(1 for t in labels if _FACT_LABEL_RE.match(t)) >= _MIN_FACTS:
        return True
    members = [li for li in el.iter("li") if _MEMBER_ITEM_RE.match(fold_ws(li.text_content()))]
    return any(map(_PEOPLE_FACT_RE.match, labels)) and len(members) >= _MIN_MEMBERS


_DOCUMENT_HREF_RE = re.compile(
    r"\.(?:pdf|docx?|xlsx?|pptx?|odt|rtf)\b|bilag|attachment|download|dokument|document|/file", re.IGNORECASE
)
_MIN_NAV_LINKS = 3


def _link_list(el) -> bool:  # noqa: ANN001 - lxml element
    """Navigation: a container whose every word is link text, with several links to pages (not to documents, as an
    item's attachment list has) and no headings."""
    links = list(el.iter("a"))
    if len(links) < _MIN_NAV_LINKS or any(h.tag in ("h1", "h2", "h3", "h4") for h in el.iter()):
        return False
    texts = [fold_ws(a.text_content()) for a in links]
    if any(_DOCUMENT_HREF_RE.search(a.get("href") or "") for a in links) or any(map(_DOCUMENT_HREF_RE.search, texts)):
        return False  # an attachment list (a link to a file, or a file name as its text)
    if sum(1 for t in texts if re.match(r"(?:Punkt\s+)?\d{1,4}[.:]?\s+\S", t) or find_case_numbers(t)) >= 2:
        return False  # the agenda itself, each item a link to its page
    text = "".join(fold_ws(el.text_content()).split())
    linked = "".join("".join(fold_ws(a.text_content()).split()) for a in links)
    return len(text) - len(linked) <= len(links) * 2  # separators such as "|" between the links


_ROW_NUMBER_RE = re.compile(r"^(?:-\s+)?(?:Punkt\s+|Pkt\.?\s*|§\s*)?(\d{1,4}[a-z]?)\.?$")  # "1.", "Punkt 1", "§ 1"
_LI_ITEM_RE = re.compile(r"^-\s+(?:Punkt\s+)?(\d{1,4}[a-z]?)\.?\s+([A-ZÆØÅ].*)$")
_BARE_NUMBER_RE = re.compile(r"^(?:Punkt\s+)?(\d{1,4}[a-z]?)\.?$")


def item_rows(blocks: list[Block]) -> list[Block]:
    """Items printed as table rows or list entries (number, title, case number), or as a number and a title in
    blocks of their own, become "N. Titel (case)" item lines.

    Rows and list entries count only in a run whose numbers rise by one and before the first item printed as a
    heading, so a table inside a point's text is left alone; a run that is the page's table of contents is dropped
    later, when the same numbers come again as items (plain.drop_contents_entries).
    """
    out: list[Block] = []
    first_heading_item = next(
        (i for i, b in enumerate(blocks) if (b.heading or b.bold) and plain._NUMBERED_RE.match(b.text)), len(blocks)
    )
    i = 0
    while i < len(blocks):
        b = blocks[i]
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        m = _BARE_NUMBER_RE.match(b.text)
        if m and nxt is not None and nxt.text[:1].isupper() and len(nxt.text) < 250 and "\n" not in nxt.text:
            out.append(Block(f"{m[1]}. {nxt.text}", max(b.heading, nxt.heading), True, "p"))
            i += 2
            continue
        run = _row_run(blocks, i, first_heading_item) if i < first_heading_item else []
        if run:
            out += run
            i += len(run)
            continue
        out.append(b)
        i += 1
    return out


def _row_item(b: Block) -> tuple[int, Block] | None:
    if b.kind == "tr":
        cells = [c.strip() for c in b.text.split(" | ")]
        m = _ROW_NUMBER_RE.match(cells[0]) if len(cells) >= 2 else None
        if not m or not cells[1][:1].isupper():
            return None
        number, title, rest = m[1], cells[1], cells[2:]
    elif b.kind == "li" and (m := _LI_ITEM_RE.match(b.text)):
        number, title, rest = m[1], m[2], []
    else:
        return None
    title, case = case_number_in_title(title)
    case = case or next((c for c in map(case_number_line, rest) if c), None)
    text = f"{number}. {title}" + (f" (Sagsnr. {case})" if case else "")
    return int(re.match(r"\d+", number)[0]), Block(text, 0, True, "p")


def _row_run(blocks: list[Block], start: int, end: int) -> list[Block]:
    """The item rows from ``start`` on, numbers rising by one, with the blocks between them (an item's text printed in
    rows of its own under the item's row, or in paragraphs: a table of items with their text); nothing when fewer
    than two items are found. The blocks after the last item row are left to the caller."""
    run: list[Block] = []
    between: list[Block] = []
    last, items = None, 0
    for b in blocks[start:end]:
        item = _row_item(b)
        if item is None:
            if last is None or b.heading:
                break
            between.append(b)
            continue
        if last is not None and item[0] != last + 1:
            break
        run += [*between, item[1]]
        between, last, items = [], item[0], items + 1
    return run if items >= 2 else []


def _slug_name(slug: str) -> str:
    words = slug.replace("-", " ").split()
    name = " ".join(words)
    for a, b in (("ae", "æ"), ("oe", "ø"), ("aa", "å")):
        name = name.replace(a, b)
    return name[:1].upper() + name[1:]


def read(markup: str, warnings: list[str]) -> tuple[Meeting, str | None]:
    root = _parse(markup)
    site = _site_municipality(root)  # before the page's header (the logo) is dropped as furniture
    blocks = blocks_from_tree(_tree(root), page=True)
    if not any(b.text for b in blocks):
        raise Unreadable("html_empty")
    blocks = item_rows(blocks)
    single = _PUNKT_URL_RE.search(markup)
    doc = plain.split_document(blocks)
    if single and not doc.items:
        meeting, named = _single_point_page(blocks, single, markup, warnings)
    else:
        meeting, named = plain.parse_blocks(blocks, warnings, FORMAT)
    # the page's own name (its title, its logo) before one its text names (a point "... med Gentofte Kommune")
    return meeting, site or named


_SITE_NAME_ATTR_RE = re.compile(r"logo|site-?name|brand", re.IGNORECASE)


def _site_municipality(root) -> str | None:  # noqa: ANN001 - lxml element
    """The municipality a page's title or site name names ("Børne- og Ungdomsudvalget - Referat - 10-09-2024 -
    Viborg Kommune", <meta property="og:site_name">): the page's own header, which the text blocks leave out; one of
    the 98 only, so that a portal's name is no municipality."""
    texts = [t.text_content() for t in root.iter("title")]
    texts += [m.get("content") or "" for m in root.iter("meta") if (m.get("property") or m.get("name") or "")
              in ("og:site_name", "application-name", "author")]  # fmt: skip
    for el in root.iter():  # the site's logo or name in its header: "<div class="logo"><a>Sønderborg Kommune</a>"
        attrs = " ".join(filter(None, (el.get("class"), el.get("id")))) if isinstance(el.tag, str) else ""
        if attrs and _SITE_NAME_ATTR_RE.search(attrs):
            texts += [el.text_content(), *(img.get("alt") or "" for img in el.iter("img"))]
    # a logo's text: "<img src="frb_logo.gif" alt="Frederiksberg Kommune">" (one of the 98 only, checked below)
    texts += [img.get("alt") or "" for img in root.iter("img") if (img.get("alt") or "").endswith("Kommune")]
    name = name_from_header("\n".join(texts))
    return name if name and known_municipality(name) else None


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
    warnings[:] = [w for w in warnings if getattr(w, "key", "") != "plain_one_point"]
    point = structure.make_point(m[4], title, body, set())
    meeting.points = [point]
    meeting.participants = structure.mark_absent(meeting.participants, structure.absences_in(point.decision or ""))
    if point.decision:
        meeting.kind = "referat"
    if not meeting.committee:
        forum = _FORUM_URL_RE.search(markup)
        meeting.committee = fold_ws(_slug_name(forum[1])) if forum else ""
    return meeting, named
