"""Layout-independent structure of an agenda point: headings, sections, decision, closed points, absences.

Every reader turns its format into a list of :class:`~assistant.textutil.Block` per agenda point and lets this
module find the sections. A heading is a block that is (a) in the heading dictionary (the Danish section names
used across municipalities, FORMATS.md), (b) marked as a heading by the markup (``<h3>``, a bold paragraph) and
shaped like one, or (c) shaped like one and recurring as a stand-alone line in two or more points of the same
document (a municipality's own sub-headings). A decision section runs until the next known heading, so
sub-headings inside a decision stay part of the decision.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from difflib import SequenceMatcher

from assistant.records import AgendaPoint, Decision, Participant, Section
from assistant.textutil import Block, fold_ws, parse_time
from assistant.vocabulary import (  # noqa: F401 - re-exported: the readers' and tests' names for the vocabulary
    ABSENT_NOTES,
    ATTACHMENT_LINE_RE,
    DATE_PATTERN,
    PARTY_LETTER_RE,
    PARTY_RE,
    PERSON_NAME,
    SUB_HEADINGS,
    TOP_HEADINGS,
    absences_in,
    attended_in,
    decision_heading,
    heading_level,
    is_decision_heading,
    names_body,
    norm,
    parse_participant,
    path_entries,
    point_absences,
    section_kind,
    split_inline_decision,
    split_names,
    substitutes_in,
)
from assistant.votes import votes_in

CLOSED_TITLE_RE = re.compile(r"^\s*(?:lukket(?:\s+punkt)?|fortrolig(?:t)?)\b\s*[:\-–]?", re.IGNORECASE)
# the status column printed at the end of a case number's line ("Sag 360-2024-02214   Initialer: SLA   Lukket",
# "Initialer: lpm      Lukket sag")
CASE_LINE_CLOSED_RE = re.compile(r"\s(Lukket|Ikke offentlig)(?:\s+(?:sag|punkt))?\s*$")
# a title's closing mark: "(Lukket punkt)", "- Lukket", a portal's badge after it ("Køb af ejendom Lukket", "...
# Lukket punkt": a lock icon's text for screen readers)
CLOSED_SUFFIX_RE = re.compile(
    r"\s*(?:\((?i:lukket(?:\s+(?:punkt|sag))?|fortroligt?)\)|[-–]\s*(?i:lukket(?:\s+(?:punkt|sag))?)|\s+Lukket(?:\s+punkt)?)$"
)
CLOSED_BODY_RE = re.compile(
    r"beslutning(?:en)? ikke frigivet|(?:dette )?punkt(?:et)? er lukket|lukket (?:dagsordens)?punkt"
    r"|behandle[st] for lukkede døre|behandlet på (?:et )?lukket møde"
    r"|^\s*lukket(?:\s+sag)?\s*$"  # "Lukket sag" (an ESDH print's status line), "Lukket" alone
    r"|^[^\n]{0,80}(?:beslutnings|orienterings|drøftelses)sag, lukket sag\s*$",  # Holbæk's "Sagsgang og sagstype"
    re.IGNORECASE | re.MULTILINE,
)
# Page furniture of a print, a line of its own: "Side 3", "Side 3 af 12", "3/12", "4 of 5", "- 3 -", a bare number
PAGE_LINE_RE = re.compile(
    r"^\s*(?:Side\s*\d*(?:\s*(?:af|/)\s*\d+)?|\d{1,3}\s*/\s*\d{1,3}|\d{1,3}\s+(?:of|af)\s+\d{1,3}|-\s*\d{1,3}\s*-|\d{1,3})"
    r"\s*$",
    re.IGNORECASE,
)
# A header line that is a body's name alone ("Børne- og Skoleudvalget", "§ 17, stk. 4-udvalget for Kyst og Klima",
# "Møde: Kultur- og Fritidsudvalget", "Gentofte Kommune Kommunalbestyrelsen"): the body's word ends a word (not
# "Byrådssalen", "Kommunalbestyrelsessalen", a room), the line is no sentence, label, date or list of people.
_BODY_NAME_RE = re.compile(
    r"(?i:udvalg(?:et)?|byråd(?:et)?|kommunalbestyrelse(?:n)?|borgerrepræsentation(?:en)?|magistrat(?:en)?|"
    r"regionsråd(?:et)?|råd(?:et)?|beredskabskommission(?:en)?)(?![\wæøå])"
)
_BODY_LEAD_RE = re.compile(
    r"^(?:[A-ZÆØÅ][\wæøå-]*\s+(?:Kommune|Regionskommune)\s*[-–:|]?\s*|Møde\s*:\s*|Mødet?\s+i\s+|(?:Referat|Dagsorden)\s*:\s*)"
)
_MAX_BODY_WORDS = 10  # "§ 17, stk. 4-udvalget for Kyst og Klima" has 8; a sentence is longer
HEADER_LINES = 12  # a body's name heads the page: within its first lines (a letterhead, "Referat", the name)


_ABBREVIATION_END_RE = re.compile(r"\w\.\w+\.$")  # "A.m.b.a.", "m.v.", "bl.a."


_ROLE_WORDS = frozenset({"formand", "næstformand", "borgmester", "viceborgmester", "suppleant", "medlem"})


def _after_name(part: str) -> bool:
    """A part after a comma that says more about the person before it: a party letter ("A"), a role ("Formand",
    "suppleant for Ole Bæk")."""
    return bool(PARTY_LETTER_RE.match(part)) or part[:1].islower() or part.casefold() in _ROLE_WORDS


_TWO_NAMES_RE = re.compile(rf"({PERSON_NAME})\s+og\s+({PERSON_NAME})")
_AND_NAME_RE = re.compile(rf"(?<=\))\s+og\s+(?={PERSON_NAME})")  # "Signe Haugaard (Ø) og Per Bramsen (V)"
_PARTY_ALONE_RE = re.compile(r"\([^()]{1,20}\)")
_FOR_WHOM_RE = re.compile(r"\b(?:stedfortræder|suppleant)\s+for\s*$", re.IGNORECASE)  # the name on the next line


def listed_names(value: str) -> list[str]:
    """The entries of a printed list of people: a comma list may wrap mid-name ("Anja\nNielsen"); a list with at most
    a comma a line has one person a line, the comma setting off a role ("Anne Berg (A), formand"), and so has a list
    whose commas each set off a party letter or a role (eDoc: "Inge-Lise Bak, A, Formand"; the party kept as
    "(A)")."""
    lines: list[str] = []
    for ln in (ln for ln in value.split("\n") if ln.strip()):
        if lines and _FOR_WHOM_RE.search(lines[-1]):  # "Peter Lund (A), stedfortræder for" / "Inger Bjerrum"
            lines[-1] = f"{lines[-1].rstrip()} {ln.strip()}"
        else:
            lines.append(ln)
    split = [[p.strip() for p in _COMMA_OUTSIDE_RE.split(ln)] for ln in lines]  # "Birgit Holm (formand, A)": one
    if len(lines) >= 2 and all(all(_after_name(p) for p in parts[1:]) for parts in split):
        return [" ".join([parts[0], *(f"({p})" for p in parts[1:2] if PARTY_LETTER_RE.match(p))]) for parts in split]
    if len(lines) < 2 or value.count(",") > len(lines):
        # a comma list, its last two names joined by "og" ("..., Signe Haugaard (Ø) og Per Bramsen (V)"), a party
        # after its own comma ("Inge Bach, (A), Poul Rye, (V)", Køge) the member's before it
        names: list[str] = []
        for part in re.split(r",\s*(?![^()]*\))", fold_ws(value)):
            if names and _PARTY_ALONE_RE.fullmatch(part.strip()):
                names[-1] = f"{names[-1]} {part.strip()}"
            elif m := _TWO_NAMES_RE.fullmatch(part.strip()):  # "..., Erling Kirk og Hanne Moe": the last two names
                names += [m[1], m[2]]
            else:
                names += _AND_NAME_RE.split(part)
        return names
    return [parts[0] for parts in split]


_COMMA_OUTSIDE_RE = re.compile(r",(?![^()]*\))")  # a comma that is not inside brackets
EMPTY_PARENS_RE = re.compile(r"\s*\(\s*\)\s*$")  # "1. Meddelelser ( )": an empty type field (eDoc, Copenhagen)
_OPEN_WORDS = frozenset("i og af for til med på ved om fra samt eller under over mellem".split())


def unfinished(line: str, comma: bool = False) -> bool:
    """A title's line that stops where a title cannot end: at a hyphen or a dash or a small word ("... af
    aktivitetstilbud i", "... i Farsø-"); with ``comma``, at a comma too ("... ved Kejlstrupvej,")."""
    t = line.rstrip()
    words = t.split()
    return t.endswith(("-", "–") + ((",",) if comma else ())) or bool(words) and words[-1] in _OPEN_WORDS


_SAME_START_WORDS = 3  # "Godkendelse af dagsorden": a contents entry and its item share at least their first words


def same_start(a: str, b: str) -> bool:
    """Whether two printings of a title begin with the same words (a contents entry may end in its page number)."""
    x, y = a.split()[:_SAME_START_WORDS], b.split()[:_SAME_START_WORDS]
    n = min(len(x), len(y))
    return n > 0 and x[:n] == y[:n]


def other_printings(printed: Sequence[tuple[int, str, str]], end: int,
                    rank: Callable[[int, int], tuple[object, ...]]) -> set[int]:
    """An item printed more than once, the same number with the same first words (in a contents list before the
    items, in an attachment list after them): the indexes of its printings other than the best ranked one.
    ``printed`` holds (index, number, title) in order; ``rank(i, j)`` ranks the printing at ``i`` whose text runs to
    ``j`` (the next printing, or ``end``)."""
    ends = [j for j, _, _ in printed[1:]] + [end] if printed else []
    score = {i: rank(i, j) for (i, _, _), j in zip(printed, ends, strict=True)}
    return {i for i, n, t in printed for j, m, u in printed
            if j != i and m == n and same_start(t, u) and score[j] > score[i]}  # fmt: skip


def ends_sentence(title: str) -> bool:
    """Whether a would-be title ends as a sentence or a label does, not with an abbreviation ("... Haderslev
    Fjernvarme A.m.b.a.")."""
    t = title.rstrip()
    return t.endswith((":", ";", ",")) or (t.endswith(".") and not _ABBREVIATION_END_RE.search(t))


_BODY_TAIL_RE = re.compile(r"\s+[-–]\s+(?i:referat|dagsorden|beslutningsprotokol)\s*$")


def body_name(text: str) -> str:
    """A body's name without the municipality or "Møde:" printed before it ("Gentofte Kommune Kommunalbestyrelsen",
    "Møde: Kultur- og Fritidsudvalget") or the document's kind after it ("Social- og Sundhedsudvalget -
    beslutningsprotokol")."""
    return _BODY_TAIL_RE.sub("", _BODY_LEAD_RE.sub("", fold_ws(text))).strip(" -–|")


def names_a_body(text: str) -> str:
    """``text`` without a municipality or "Møde:" before it when it names a body ("Gentofte Kommune
    Kommunalbestyrelsen"), else "" ("ordinært møde tirsdag", "REFERAT FRA ORDINÆRT MØDE", a sentence)."""
    t = body_name(text)
    if not t or len(t.split()) > _MAX_BODY_WORDS or t.endswith(_SENTENCE_END) or not _BODY_NAME_RE.search(t):
        return ""
    return t if t[0].isupper() or t.startswith("§") else ""


def body_line(lines: Sequence[str]) -> str:
    """The first of a header's lines that names the body alone, without a municipality or "Møde:" before it."""
    for line in lines[:HEADER_LINES]:
        for part in line.split("\n"):
            t = names_a_body(part)  # alone: no list of people, label, year or clause beside it
            if t and not ("(" in t or ":" in t or re.search(r"\d{4}", t) or ("," in t and not t.startswith("§"))):
                return t
    return ""


# "(af|fra) [ordinært|ekstraordinært] møde i <forum>" before the forum's name (Copenhagen's protocols, Køge)
_MEETING_OF_RE = re.compile(r"^(?:(?:af|fra|for)\s+)?(?:(?:det\s+)?(?:ekstra)?ordinære?t?\s+)?møde\s+i\s+", re.I)
# A date after the forum's name with its weekday, clock time and room: "Onsdag den 12. marts 2008 kl. 15.30",
# "Den 14.05.2019 kl. 16:00 i Byrådssalen"
_WEEKDAY_DEN = r"(?:(?i:mandag|tirsdag|onsdag|torsdag|fredag|lørdag|søndag)\s+)?(?:(?i:den|d\.)\s*)?"  # "Tirsdag den"
_CLOCK = r"\s*,?\s*(?i:kl\.?)\s*\d{1,2}(?:[.:]\d{2})?"  # ", kl. 16.30"
_UNTIL = r"(?:\s*(?:-|–|(?i:til))\s*\d{1,2}[.:]\d{2})?"  # "- 18.00", "til 18.00"
_TITLE_DATE_RE = re.compile(
    rf"\s*{_WEEKDAY_DEN}(?P<date>{DATE_PATTERN})(?P<time>{_CLOCK})?{_UNTIL}"
    r"(?:\s+i\s+(?P<place>\S.{1,80})|(?<=\d)\s*,?\s+"
    r"(?P<room>[A-ZÆØÅ].{1,80}))?\s*$"
)  # the room after the time with "i" or on the next line ("kl. 17.00" / "Rådhuset, mødesal 1")


def forum_date_place(text: str) -> tuple[str, str, str]:
    """A title line's forum, the date (and time) after it and the room after that, each "" when not printed."""
    text = _MEETING_OF_RE.sub("", text.strip())
    m = _TITLE_DATE_RE.search(text)
    if not m or m.start() == 0:
        return text, "", ""
    if m["room"] and not m["time"]:
        return text, "", ""  # text after a bare date is not a room
    forum = _GENITIVE_MEETING_RE.sub("", text[: m.start()])  # "Klima- og Miljøudvalgets møde": the body
    forum = _KIND_AFTER_FORUM_RE.sub("", forum)  # "Erhvervsudvalget Referat Åbent referat 15.01.2024": the body
    return forum, f"{m['date']}{m['time'] or ''}".strip(), (m["place"] or m["room"] or "").strip()


# a body's meeting in the genitive before its date ("Referat fra Klima- og Miljøudvalgets møde mandag den 4. februar
# 2019"): the body's name is the genitive's stem ("Klima- og Miljøudvalget", "Byrådet", "Kommunalbestyrelsen")
# the document's kind printed between the body and the date, as an ESDH print's running header stacks them
# ("Erhvervsudvalget" / "Referat" / "Åbent referat" / "15.01.2024"): no part of the body's name
_KIND_AFTER_FORUM_RE = re.compile(
    r"(?:\s+[-–]?\s*(?i:(?:åbent|åben|lukket)\s+)?(?i:referat|dagsorden|beslutningsprotokol))+\s*[-–,]?\s*$")
_GENITIVE_MEETING_RE = re.compile(r"(?<=[a-zæøå]{3}[tn])s\s+(?:ekstraordinære\s+)?møde\s*$|\s+[-–]\s+møde\s*$",
                                  re.IGNORECASE)  # and "Aarhus Byråd – møde onsdag den 21. august 2019"


_MAX_ROOM_CHARS = 120  # a room's address on a line of its own; a paragraph of text is longer


def date_line(lines: Sequence[str]) -> tuple[str, str]:
    """(date and time, room) of a header line that is a date alone: "Tirsdag den 29. oktober 2024 kl. 16.00", "Den
    03.12.2024 kl. 18:00 i Kommunalbestyrelsessalen, Rådhuset"; ("", "") when none is."""
    for n, line in enumerate(lines[:HEADER_LINES]):
        parts = [line] if line.count("\n") == 1 else []  # the date and, on the next line, the room (one paragraph)
        split = line.split("\n")
        for k, part in enumerate(parts + split):
            m = _TITLE_DATE_RE.match(fold_ws(part))
            if m:
                room = m["place"] or (m["room"] if m["time"] else "")
                at = k - len(parts) + 1  # the line under a date line of its own, when it is a room's address
                under = split[at] if 0 < at < len(split) else ""
                if not under and len(split) == 1 and n + 1 < len(lines) and "\n" not in lines[n + 1].strip():
                    under = lines[n + 1]  # or the paragraph under it, a blank line between (Acadre's prints)
                if not room and m["time"] and under and ADDRESS_RE.search(under) and ":" not in under \
                        and len(under) < _MAX_ROOM_CHARS:
                    room = fold_ws(under)
                return f"{m['date']}{m['time'] or ''}".strip(), (room or "").strip()
    return "", ""


# a date and clock time inside a "Tid og sted" label's value, wherever it stands: "Tirsdag den 4. februar 2025 kl.
# 16.30", "kl. 15.00-17.30" after the room
_WHEN_IN_VALUE_RE = re.compile(
    rf"{_WEEKDAY_DEN}(?:{DATE_PATTERN})(?:{_CLOCK})?{_UNTIL}|(?i:kl\.?)\s*\d{{1,2}}(?:[.:]\d{{2}})?{_UNTIL}")


def with_kl(clock: str) -> str:
    """A time label's value with "kl." before a bare time ("Tid: 17:00-19:30", "Mødetidspunkt: 9.00 - 12.15"), as the
    date parser reads a time."""
    return re.sub(r"^(?=\d{1,2}[.:]\d{2}(?![.\d]))", "kl. ", clock)


def when_where(value: str) -> tuple[str, str]:
    """(date and time, room) of a label that prints both ("Tid og sted", "Mødested og tidspunkt"), in either order:
    "Tirsdag den 4. februar 2025 kl. 16.30 Mødelokale 2.04, Egedal Rådhus", "Mødelokale 2, Rådhuset, kl. 15.00"."""
    value = fold_ws(value)
    when, room = date_line([value])
    if when:
        return when, room
    parts = [m[0] for m in _WHEN_IN_VALUE_RE.finditer(value)]
    rest = _WHEN_IN_VALUE_RE.sub(" ", value)
    room = re.sub(r"\s+([,.])", r"\1", fold_ws(rest)).strip(" ,.;-–")
    room = re.sub(r"^i\s+", "", room)  # "kl. 16.00 i Byrådssalen"
    return " ".join(parts), room


# the room said in a sentence: "Mødet blev holdt i Byrådssalen, Aarhus Rådhus, og startede kl. 16.00.", "Mødet
# afholdtes på Rådhuset, mødelokale 2." (up to ", og", " kl.", the sentence's end or a date)
_ROOM_SENTENCE_RE = re.compile(
    r"\bMødet\s+(?:blev\s+)?(?:af)?holdt(?:es)?\s+"
    rf"(?:(?:{_WHEN_IN_VALUE_RE.pattern})\s+)?"  # "... holdt torsdag den 22. september 2022 kl. 9.00 i mødelokalet"
    r"(?:i|på)\s+(?P<room>[A-ZÆØÅa-zæøå].{1,100}?)"
    r"(?=,?\s+og\s|,?\s+(?i:kl\.|fra\s+kl\.|den)\s|\.(?:\s|$)|$)"
)


def room_in_sentence(text: str) -> str:
    """The room of a sentence that says where the meeting was held, "" when none does."""
    m = _ROOM_SENTENCE_RE.search(fold_ws(text))
    return m["room"].strip(" ,") if m and ADDRESS_RE.search(m["room"]) else ""


# a room or an address: "2000 Frederiksberg", "Rådhuset", "Mødelokale 2", "Byrådssalen"
ADDRESS_RE = re.compile(r"\b\d{4}\s+[A-ZÆØÅ]|(?i:rådhus\w*|mødelokale\w*|mødesal\w*|\w+salen|brandstation\w*)\b")


TYPE_CODE_RE = re.compile(r"\s*\(([A-ZÆØÅ])\)\s*$")
_SENTENCE_END = (".", "!", "?", ":", ";", ",")


def heading_shaped(text: str) -> bool:
    """A short stand-alone line: 1-8 words, starts with a capital letter, no final punctuation."""
    if not text or len(text) > 70 or "\n" in text:
        return False
    if not text[0].isupper() or text.endswith(_SENTENCE_END):
        return False
    words = text.split()
    return 1 <= len(words) <= 8 and not text.startswith(("- ", "• "))


def _paragraph_shaped(block: Block | None) -> bool:
    return (
        block is not None and block.heading == 0 and not heading_shaped(block.text) and heading_level(block.text) == 0
    )


def recurring_headings(points: Sequence[Sequence[Block]], min_points: int = 2) -> set[str]:
    """Heading-shaped lines followed by a paragraph that recur in ``min_points`` or more points of one document."""
    counts: Counter[str] = Counter()
    for blocks in points:
        seen = set()
        for i, b in enumerate(blocks):
            nxt = blocks[i + 1] if i + 1 < len(blocks) else None
            if heading_shaped(b.text) and _paragraph_shaped(nxt) and not heading_level(b.text):
                seen.add(norm(b.text))
        counts.update(seen)
    return {k for k, v in counts.items() if v >= min_points}


def _markup_heading_ok(b: Block) -> bool:
    """A heading in the markup that is really a heading (some are whole sentences or table labels)."""
    t = b.text
    words = t.split()
    if not words or len(t) > 90 or len(words) > 10 or "|" in t:
        return False
    if t.endswith((".", "!", "?")):
        return False
    return t[0].isalpha() and not t.endswith(",")


def classify(b: Block, known: set[str], in_decision: bool, dated: bool = False) -> int:
    """Section level of block ``b`` when it starts a section, else 0 (``dated``: the decision it would be inside
    prints a date, an earlier body's in the decision-trail layout)."""
    lvl = heading_level(b.text)
    if lvl == 1 and in_decision and not dated and not b.heading and (d := decision_heading(b.text)) is not None \
            and not d.date:
        return 0  # "Udvalgets beslutning:" as a line inside a decision is part of it; a dated one starts another, and
        # after "Økonomiudvalget, 10. februar 2022, pkt. 12:" (an earlier body's) "Beslutning" is the meeting's own
    if in_decision and section_kind(b.text) == "attendance":
        return 0  # "Fraværende" and its names under a decision belong to it (the point's and meeting's absences)
    if lvl:
        return lvl
    if norm(b.text) in known and heading_shaped(b.text):
        return 2
    if in_decision:
        return 0
    if b.heading and _markup_heading_ok(b):
        return 2
    if b.bold and b.kind == "p" and heading_shaped(b.text) and not b.text.endswith(":"):
        return 2
    return 0


def _decision_state(heading: str) -> tuple[bool, bool]:
    """Whether ``heading`` opens a decision, and whether that decision prints a date: read once per heading, not
    for every block under it."""
    if not is_decision_heading(heading):
        return False, False
    d = decision_heading(heading)
    return True, bool(d and d.date)


def build_sections(blocks: Iterable[Block], known: set[str] | None = None) -> list[Section]:
    """Group blocks into ordered sections (heading, text, level)."""
    known = known or set()
    sections: list[Section] = []
    heading, level, paras = "", 1, []
    in_decision = False

    def close() -> None:
        text = "\n\n".join(paras)
        if heading or text:
            sections.append(Section(heading=heading, text=text, level=level))

    dated = False  # the decision we are in prints a date (an earlier body's, in the decision-trail layout)
    for b in blocks:
        if not b.text:
            continue
        lvl = classify(b, known, in_decision, dated)
        if lvl:
            close()
            heading, level, paras = fold_ws(b.text).rstrip(":").strip(), lvl, []
            inline = split_inline_decision(heading)
            if inline:  # "Beslutning i <forum> den <date>: <text>" printed as one heading
                heading, paras = inline[0], [inline[1]]
            in_decision, dated = _decision_state(heading)
        elif in_decision and "\n" in b.text and (head := _decision_line(b.text, known, in_decision, dated)):
            # inside "INDSTILLING OG BESLUTNING": "Byrådets beslutning under mødet den 6. marts 2023:" and the
            # decision under it, one block
            close()
            heading, level, paras = fold_ws(head[0]).rstrip(":").strip(), head[1], [b.text.split("\n", 1)[1]]
            in_decision, dated = _decision_state(heading)
        elif not in_decision and not b.heading and (split := _inline_heading(b.text)):
            close()  # "Beslutning: Godkendt." - a known heading and its text on one line
            heading, paras = split
            level = heading_level(heading)
            in_decision, dated = _decision_state(heading)
        else:
            paras.append(b.text)
    close()
    return sections


def _decision_line(text: str, known: set[str], in_decision: bool, dated: bool) -> tuple[str, int] | None:
    """The first line of a block when it is a decision's heading ending in a colon, with its level."""
    first = text.split("\n", 1)[0]
    if not first.rstrip().endswith(":") or section_kind(first) != "decision":
        return None
    lvl = classify(Block(first), known, in_decision, dated)
    return (first, lvl) if lvl else None


def _inline_heading(text: str) -> tuple[str, list[str]] | None:
    head, sep, rest = text.partition(":")
    if sep and rest.strip() and len(head) <= 40 and "\n" not in head and heading_level(head):
        return head.strip(), [rest.strip()]
    return None


def decisions_of(sections: Sequence[Section]) -> list[Decision]:
    """Every decision section as a record with the body, date and point its heading prints, in printed order."""
    out = []
    for s in sections:
        d = decision_heading(s.heading)
        if d is not None:
            text = _EMPTY_ATTENDANCE_RE.sub("", s.text).strip()
            out.append(Decision(text=text, body=d.body, date=d.date, point=d.point, heading=s.heading))
    return out


# "Følgende deltog ikke i behandlingen af punktet:" with no names after it (eDoc prints it under every decision)
_EMPTY_ATTENDANCE_RE = re.compile(r"\n*^følgende deltog ikke i [^\n:]*:\s*\Z", re.IGNORECASE | re.MULTILINE)


def decision_of(sections: Sequence[Section], committee: str = "") -> str | None:
    """The meeting's own decision.

    A plain "Beslutning"/"Beslutninger" section wins; otherwise a decision naming ``committee`` (the last one),
    else the latest dated one, else the last (earlier forums' decisions are often quoted in the case text).
    """
    return _own_decision(decisions_of(sections), committee)


def _own_decision(found: Sequence[Decision], committee: str = "") -> str | None:
    if not found:
        return None
    # a heading over the decisions with none of its own ("Beslutninger" over "Beslutning i Økonomiudvalget den
    # 14-11-2024"): the one under it is the decision
    found = [d for d in found if d.text.strip()] or found
    # "INDSTILLING OG BESLUTNING" (Copenhagen) heads the recommendation with the decision under it, in its own
    # section: that one is the decision, the umbrella only when it stands alone
    umbrella = [d for d in found if norm(d.heading) == "indstilling og beslutning"]
    found = [d for d in found if d not in umbrella] or umbrella
    plain = [d for d in found if not (d.body or d.date)]
    if plain:
        return plain[0].text
    if committee:
        named = [d for d in found if d.body and (norm(committee) in norm(d.body) or norm(d.body) in norm(committee))]
        if named:
            return max(named, key=lambda d: d.date).text if all(d.date for d in named) else named[-1].text
    dated = [d for d in found if d.date]
    if len(dated) == len(found):
        return max(reversed(dated), key=lambda d: d.date).text  # the latest; printed last among equals
    return found[-1].text


def split_type_code(title: str) -> tuple[str, str | None]:
    """``"Godkendelse af dagsorden (B)"`` -> ``("Godkendelse af dagsorden", "B")``."""
    m = TYPE_CODE_RE.search(title)
    if m and m.start() > 0:
        return title[: m.start()].rstrip(), m.group(1)
    return title, None


def is_closed(title: str, body: str = "") -> bool:
    return bool(CLOSED_TITLE_RE.match(title)) or bool(CLOSED_BODY_RE.search(body[:400]))


ATTACHMENT_ONLY_CHARS = 200  # a point with less text than this is read through the names of its attachments


def _lists_attachments(section: Section) -> bool:
    return norm(section.heading) in ("bilag", "bilagsliste")


def _attachment_lines_apart(sections: list[Section]) -> list[Section]:
    """ "Bilag 1: Høringsnotat" paragraphs printed without a "Bilag" heading (at the end of the last section, often
    the Indstilling) are the attachments, not that section's text: they move to a "Bilag" section of their own."""
    if any(_lists_attachments(s) for s in sections):
        return sections
    found: list[str] = []
    out: list[Section] = []
    for s in sections:
        paras = s.text.split("\n\n")
        keep = [p for p in paras if not ATTACHMENT_LINE_RE.match(p)]
        found += [ln for p in paras if ATTACHMENT_LINE_RE.match(p) for ln in p.splitlines() if ln.strip()]
        out.append(s if len(keep) == len(paras) else Section(s.heading, "\n\n".join(keep), s.level))
    return [*out, Section("Bilag", "\n".join(found), 2)] if found else sections


def _content_after_attachments(sections: list[Section], attachments: list[str]) -> list[Section]:
    """eDoc prints a point's "Bilag" inline, under the paragraph it belongs to ("b. Konference ...", "Bilag",
    "2012-208960 - ...", "c. Konference ..."): the paragraphs after a "Bilag" heading that are no attachment continue
    the text before it, and are kept there instead of in the attachment list."""
    listed = {norm(a) for a in attachments}
    out: list[Section] = []
    for sec in sections:
        if not _lists_attachments(sec) or not any(not _lists_attachments(o) for o in out):
            out.append(sec)
            continue
        keep: list[str] = []
        moved: list[str] = []
        for para in (p.strip() for p in sec.text.split("\n\n") if p.strip()):
            flat = " ".join(para.split())  # an entry run into the next paragraph: "2012-204248 - ... e. Sundheds-"
            head = next((a for a in (" ".join(x.split()) for x in attachments)
                         if flat.casefold().startswith(a.casefold())), None)  # fmt: skip
            if norm(para) in listed:
                keep.append(para)
            elif head is not None:
                keep.append(flat[: len(head)])
                moved += [rest] if (rest := flat[len(head):].strip()) else []
            else:
                moved.append(para)
        if not moved or not keep:  # all attachments, or a "Bilag" section of prose ("I de vedlagte bilag fremgår")
            out.append(sec)
            continue
        at = max(i for i, o in enumerate(out) if not _lists_attachments(o))
        out[at] = Section(out[at].heading, "\n\n".join([out[at].text, *moved]), out[at].level)
        out.append(Section(sec.heading, "\n\n".join(keep), sec.level))
    return out


def attachments_from(sections: Sequence[Section]) -> list[str]:
    out: list[str] = []
    for s in sections:
        if _lists_attachments(s):
            for line in s.text.splitlines():
                line = line.strip().lstrip("-• ").strip()
                if line and line not in out:
                    out.append(line)
    return out


def make_point(
    number: str,
    title: str,
    blocks: Sequence[Block],
    known: set[str] | None = None,
    *,
    case_number: str | None = None,
    attachments: list[str] | None = None,
    type_code: str | None = None,
    committee: str = "",
) -> AgendaPoint:
    """An agenda point from its blocks; a closed point keeps its title only."""
    title = fold_ws(title)
    title, code = split_type_code(title)
    body_start = "\n".join(b.text for b in blocks[:2])  # a status line ("Lukket sag") stays a line
    marked = CLOSED_SUFFIX_RE.search(title)  # "Køb af ejendom (Lukket punkt)", a portal's badge "... Lukket"
    if marked:
        title = title[: marked.start()].strip()
    if marked or is_closed(title, body_start):
        return AgendaPoint(number=number, title=title, type_code=type_code or code, case_number=case_number or None,
                           closed=True)  # fmt: skip
    sections = build_sections(blocks, known)
    if attachments is None:  # a reader that has the attachment list (FirstAgenda JSON) keeps "Bilag 1:" in the text
        sections = _attachment_lines_apart(sections)
    if attachments:
        sections = _content_after_attachments(sections, attachments)
    attachments = attachments if attachments is not None else attachments_from(sections)
    if attachments and sum(len(s.text) for s in sections) < ATTACHMENT_ONLY_CHARS and not any(
        _lists_attachments(s) for s in sections
    ):  # a point whose content is its attachments ("Spørgsmål /svar vedr. skolefravær."): their names are its text
        sections = [*sections, Section("Bilag", "\n".join(attachments))]
    decisions = decisions_of(sections)
    own = _own_decision(decisions, committee)
    return AgendaPoint(
        number=number,
        title=title,
        type_code=type_code or code,
        case_number=case_number or None,
        sections=sections,
        decision=own,
        attachments=attachments,
        decisions=decisions,
        path=path_entries("\n".join(s.text for s in sections if not is_decision_heading(s.heading))),
        absent=point_absences("\n".join(d.text for d in decisions)),
        votes=votes_in(own or ""),
    )


# ---------------------------------------------------------------- participants and absences


def _match(name: str, people: Sequence[Participant]) -> int | None:
    """Index of the participant ``name`` refers to: exact, same first and last name, or a near spelling."""
    key = norm(PARTY_RE.sub("", name))
    keys = [norm(PARTY_RE.sub("", p.name)) for p in people]
    if key in keys:
        return keys.index(key)
    words = key.split()
    same_ends = [
        i for i, k in enumerate(keys) if len(words) > 1 and k.split()[:1] + k.split()[-1:] == [words[0], words[-1]]
    ]
    if len(same_ends) == 1:
        return same_ends[0]
    close = [i for i, k in enumerate(keys) if SequenceMatcher(None, key, k).ratio() >= 0.9]
    return close[0] if len(close) == 1 else None


_SOME_POINTS_RE = re.compile(
    r"\b(?:sag|sagerne|punkt|punkterne|pkt\.?)\s+(?P<numbers>\d+(?:\s*(?:-|–|,|og)\s*\d+)*)", re.IGNORECASE
)


def _numbers_named(spec: str) -> set[str]:
    out: set[str] = set()
    for part in re.split(r"\s*(?:,|og)\s*", spec):
        lo, _, hi = part.partition("-") if "-" in part else part.partition("–")
        if lo.strip().isdigit() and hi.strip().isdigit() and int(hi) - int(lo) < 1000:
            out |= {str(n) for n in range(int(lo), int(hi) + 1)}
        elif lo.strip().isdigit():
            out.add(lo.strip())
    return out


def whole_meeting(absences: str, points: Sequence[str]) -> str:
    """A list of absences without the members absent from some of the meeting's points only ("Rune Stampe (Ø), sag
    118-119" of points 113-119, FORMATS.md 10): they were at the meeting. One absent from every point was not."""
    def partly(line: str) -> bool:
        m = _SOME_POINTS_RE.search(line)
        return bool(m) and not set(points) <= _numbers_named(m["numbers"])

    return "\n".join(ln for ln in absences.split("\n") if not partly(ln))


def with_substitutes(people: list[Participant], parts: Iterable[str]) -> list[Participant]:
    """The members with the substitutes who attended ("Mia Kronborg (V), suppleant for Lone Frimann"), each once."""
    out = list(people)
    # a sentence names the substitute: "Stedfortræder: Louise Hjorth (V) deltog som stedfortræder for Trine Jessen"
    for part in (name for p in parts for name in (substitutes_in(p) or [p])):
        person = parse_participant(part)
        if person and person.name[:1].isupper() and person.name not in {p.name for p in out}:
            out.append(person)
    return out


# The signature sheet a meeting's last point may be (FORMATS.md 4 and 9: Holbæk's pages have no attendee header and
# end with "Underskriftsark"; ESDH prints end with "Underskriftsblad"): the members, one a line or a table cell
_SIGNATURE_TITLE_RE = re.compile(r"^underskrift(?:sark|sblad|sside|er)?$", re.IGNORECASE)
_SIGNATURE_LINE_RE = re.compile(r"^[\s_.…]*$")  # the line a member signs on
_SIGNATURE_ROLE_RE = re.compile(r",\s*(?:formand|næstformand|borgmester|viceborgmester|\d\.\s*viceborgmester)\s*$",
                                re.IGNORECASE)
_SIGNATURE_NAME_RE = re.compile(rf"^{PERSON_NAME}$")


def signature_sheet(points: Sequence[AgendaPoint]) -> list[Participant]:
    """The members a meeting's signature sheet lists, those marked "afbud" absent: for minutes with no list of members
    elsewhere. A cell of its own after a name ("Winnie Dahl (A) | Afbud") is that name's; a cell that is no name (a
    page footer, the line to sign on) ends nothing and is skipped."""
    sheet = next((p for p in reversed(points) if _SIGNATURE_TITLE_RE.match(norm(p.title))), None)
    if sheet is None:
        return []
    people: list[Participant] = []
    for line in sheet.full_text.splitlines():
        row: list[Participant] = []
        for cell in (c.strip() for c in line.split(" | ")):
            if _SIGNATURE_LINE_RE.match(cell):
                continue
            if row and cell.casefold().rstrip(".") in ABSENT_NOTES:
                last = row[-1]
                row[-1] = Participant(last.name, absent=True, note="; ".join(filter(None, (last.note, cell))))
                continue
            person = parse_participant(_SIGNATURE_ROLE_RE.sub("", cell))
            if person is not None and _SIGNATURE_NAME_RE.match(person.name):
                row.append(person)
        people += row
    return people


# attendance told in sentences, for minutes with no list of members: who led the meeting, who took part, who sent
# apologies and who came in their place ("Mødet blev ledet af borgmester Bente Rasmussen. Desuden deltog Jesper
# Rask og Kim Dahl Frandsen. Henrik Vinberg havde meldt forfald, og i stedet deltog stedfortræder Marianne Lyng.")
_PROSE_PRESENT_RE = re.compile(
    r"(?:\bMødet\s+blev\s+ledet\s+af|\b(?:Desuden|Endvidere|I\s+mødet)\s+deltog|\bTil\s+stede\s+var|"
    r"\bi\s+stedet\s+(?:deltog|mødte)\s+(?:stedfortræder(?:en)?|suppleant(?:en)?))\s+(?P<names>[^.]{3,300}?)(?=\.(?:\s|$))",
    re.IGNORECASE)
_PROSE_ABSENT_RE = re.compile(
    r"(?:^|(?<=[.]\s))(?P<names>[A-ZÆØÅ][^.,]{2,120}?)\s+(?:havde|har)\s+meldt\s+(?:forfald|afbud)\b")
# a member's role before the name in a sentence ("borgmester Bente Rasmussen"); a staff member's title makes the
# name no member's ("kommunaldirektør Per Andreasen", "økonomichef Lise Bruun")
_PROSE_ROLE_RE = re.compile(r"^(?:borgmester(?:en)?|viceborgmester(?:en)?|formand(?:en)?|næstformand(?:en)?)\s+")
_STAFF_RE = re.compile(r"^[a-zæøå][\wæøå-]*(?:direktør|chef|konsulent|leder|sekretær|referent|medarbejder)\b")


def attendance_in_prose(text: str) -> list[Participant]:
    """The members a header's sentences say took part or sent apologies, when it lists none (Word-written minutes of
    small municipalities); staff named by their title are left out, as is "Fra administrationen deltog ..."."""
    people: list[Participant] = []
    seen: set[str] = set()
    flat = fold_ws(text)
    for m in _PROSE_PRESENT_RE.finditer(flat):
        if re.search(r"\bFra\s+administrationen\s*$", flat[: m.start()][-40:], re.IGNORECASE):
            continue
        for part in re.split(r",\s*|\s+og\s+", m["names"]):
            part = _PROSE_ROLE_RE.sub("", part.strip())
            if _STAFF_RE.match(part) or not re.fullmatch(rf"{PERSON_NAME}(?:\s*\([A-ZÆØÅ]{{1,3}}\))?", part):
                continue
            person = parse_participant(part)
            if person is not None and norm(person.name) not in seen:
                seen.add(norm(person.name))
                people.append(person)
    absent = [(n, "Forfald") for m in _PROSE_ABSENT_RE.finditer(flat) for n in split_names(m["names"])]
    if not people:
        return []
    return mark_absent(people + [Participant(n) for n, _ in absent if norm(n) not in seen], absent)


def absent_throughout(per_point: Sequence[Sequence[tuple[str, str]]], text: str = "") -> list[tuple[str, str]]:
    """The meeting's absences among those recorded under its points ("Fraværende: ..." in each decision): a member
    recorded absent under every point that records absences; one recorded under some of them only left or came
    during the meeting, and was at it. So was one the minutes' ``text`` says left or came ("Ib Damgaard (V) forlod
    mødet efter behandlingen af sag 145", where only the points after it record absences)."""
    recorded = [a for a in per_point if a]
    if not recorded:
        return []
    attended = attended_in(text)
    common = set.intersection(*({norm(n) for n, _ in a} for a in recorded))
    common = {n for n in common if not any(a == n or a.endswith(f" {n}") for a in attended)}  # "Borgmester Ib ..."
    out: list[tuple[str, str]] = []
    for n, note in (x for a in recorded for x in a):
        if norm(n) in common:
            out.append((n, note))
            common.discard(norm(n))  # each member once
    return out


def mark_absent(participants: list[Participant], absences: Iterable[tuple[str, str]]) -> list[Participant]:
    """Mark the named participants absent; names not in the list are added as absent participants.

    A name matches a participant exactly, by first and last name ("Mehmet Dogru" = "Mehmet Zeki Dogru") or by a
    near spelling ("Brigtitte" = "Brigitte"), when exactly one participant fits.
    """
    out = list(participants)
    for name, note in absences:
        i = _match(name, out)
        if i is None:
            out.append(Participant(name=name, absent=True, note=note))
        elif not out[i].absent:
            joined = f"{out[i].note}; {note}" if out[i].note and note not in out[i].note else out[i].note or note
            out[i] = Participant(name=out[i].name, absent=True, note=joined)
    return out


def merge_broken_paragraphs(paras: list[str]) -> list[str]:
    """Join a paragraph that a page break split mid-sentence (no final punctuation, next starts in lower case)."""
    out: list[str] = []
    for p in paras:
        if (
            out
            and p[:1].islower()
            and out[-1][-1:].isalpha()
            and len(out[-1]) > 60
            and not out[-1].startswith(("- ", "• "))
        ):
            out[-1] = f"{out[-1]} {p}"
        else:
            out.append(p)
    return out


# When a meeting ended, as minutes print it: a label or a sentence ("Sluttidspunkt: 17:30", "Mødet hævet kl. 18.45",
# "Mødet sluttede kl. 17.30", "Mødet blev afsluttet kl. 20.10"; Holbæk's "SLUTTIDSPUNKT 26-03-2025 18:00:00",
# FORMATS.md 4 and 9), or the end of the span a time label or the cover's date line gives ("kl. 16.00 - 18.30")
_END_STATED_RE = re.compile(
    r"\b(?:sluttidspunkt|sluttid|mødet\s+(?:blev\s+|er\s+)?(?:hævet|slut|sluttede|afsluttet|afsluttedes|ophørte))"
    r"\s*:?\s*(?:\d{1,2}[-./]\d{1,2}[-./]\d{4}\s+)?(?:(?:kl\.?|klokken)\s*)?(?P<time>\d{1,2}[.:]\d{2})(?![\d])",
    re.IGNORECASE,
)
_END_OF_SPAN_RE = re.compile(
    r"\b(?:kl\.?\s*)?\d{1,2}[.:]\d{2}\s*(?:-|–|til)\s*(?:kl\.?\s*)?(?P<time>\d{1,2}[.:]\d{2})(?![\d])", re.IGNORECASE
)


def end_time(text: str, span: bool = False) -> str:
    """ "HH:MM" that ``text`` says a meeting ended at ("Mødet hævet kl. 18.45"; with ``span`` also "kl. 16-18.30"'s
    end), else ""."""
    m = _END_STATED_RE.search(text) or (_END_OF_SPAN_RE.search(text) if span else None)
    if not m:
        return ""
    hour, minute = (int(x) for x in re.split(r"[.:]", m["time"]))
    return f"{hour:02d}:{minute:02d}" if hour < 24 and minute < 60 else ""


def labelled_end(end_label: str, times: str) -> str:
    """The end a header's labels give: the clock of its "Sluttidspunkt" value ("26-03-2025 18:00:00", "kl. 17.30"),
    else the end of a span in its time and date labels ("Mødetidspunkt: kl. 16.00 - 18.30"), else ""."""
    t = parse_time(end_label)
    return t.strftime("%H:%M") if t is not None else end_time(times, span=True)


def settle_end(meeting) -> None:  # noqa: ANN001 - records.Meeting (a reader's finished meeting)
    """The meeting's end from the line closing its last open point ("Mødet hævet kl. 18.45", printed after the last
    point) when the cover gave none; an end not after the start is no end (a misread or another clock)."""
    if not meeting.end_time:
        last = next((p for p in reversed(meeting.points) if not p.closed), None)
        lines = [ln.strip() for ln in (last.full_text if last else "").splitlines() if ln.strip()]
        closing = next((ln for ln in reversed(lines[-_CLOSING_LINES:]) if re.match(r"mødet\b", ln, re.I)), "")
        meeting.end_time = end_time(closing)
    if meeting.end_time and meeting.start and meeting.has_time and meeting.end_time <= meeting.time_str:
        meeting.end_time = ""


# The lines at the end of the last point that may close the meeting ("Mødet hævet kl. 18.45" and a signature line or
# two after it, "Underskrifter" / names): more would reach into the point's own text
_CLOSING_LINES = 4
