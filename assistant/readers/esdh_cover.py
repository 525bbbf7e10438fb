"""The cover of an ESDH print referat: kind, committee, date and time, place, members and absences.

Forms met: "Referat / <udvalg> / tirsdag den 4. december 2012, kl. 13:00 / i <sted>" (eDoc), the committee in a
running header above "Referat" with "Dato:" (its print header), "REFERAT <udvalg> d. 19-11-2025", label blocks
("Tilstede"/"Medlemmer" one member a line, "Afbud/Fraværende", "Sekretær") and labels with their values
("Mødedato:", "Mødetidspunkt:", "Mødested:", "Deltagere: a, b, c", "Afbud: …").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from assistant import vocabulary
from assistant.readers import structure
from assistant.readers.structure import PAGE_LINE_RE
from assistant.records import Participant
from assistant.textutil import fold_ws, parse_danish_datetime, parse_time

# "Referat", "Referat For <udvalg>", "REFERAT <udvalg> d. 19-11-2025"
KIND_RE = re.compile(
    r"^(?P<kind>referat|dagsorden|beslutningsprotokol)\b(?:\s+(?:for|fra)\b)?\s*(?P<forum>.*?)"
    r"(?:\s+(?:d\.|den)\s*(?P<date>\d{1,2}[-./]\d{1,2}[-./]\d{4}))?\s*$",
    re.IGNORECASE,
)
_PLACE_LABEL_RE = re.compile(r"^(?:mødested|sted|lokale)\s*:\s*(?P<value>\S.*)$", re.IGNORECASE)
PEOPLE_LABEL_RE = re.compile(r"^(?:tilstede|til stede|medlemmer|deltagere|mødedeltagere|udvalgsmedlemmer)\s*:?\s*$",
                             re.IGNORECASE)  # fmt: skip
OTHER_LABEL_RE = re.compile(
    r"^(?:sekretær|referent|protokolfører|mødeleder|bemærkninger|øvrige deltagere|desuden deltog|gæster)\b",
    re.IGNORECASE,
)
SECRETARY_LABELS = ("sekretær", "referent", "protokolfører")  # who took the minutes (Ballerup: "Sekretær")
_HEADER_SKIP_RE = re.compile(
    r"^(?:åbent|lukket|åben)\s+(?:referat|dagsorden|møde)$|^ekstraordinært\b|^kl\.?\s*\d", re.IGNORECASE
)
_TIME_LABEL_RE = re.compile(r"^(?:mødetidspunkt|tidspunkt|starttidspunkt|mødestart)\s*:\s*(?P<value>\S.*)$", re.I)
PEOPLE_INLINE_RE = re.compile(r"^(?:deltagere|mødedeltagere|medlemmer|tilstede|til stede)\s*:\s*(?P<value>\S.*)$", re.I)
_ANY_LABEL_RE = re.compile(r"^[A-ZÆØÅa-zæøå][\wæøåÆØÅ/ .-]{1,30}:(?:\s|$)")
_DATE_LABEL_RE = re.compile(r"^(?:dato|mødedato)\s*:\s*(?P<value>\S.*)$", re.IGNORECASE)
# The address printed under the place ("Kaløvig Kursuscenter" / "Præstekravevej 46" / "Følle Strand" / "8410 Rønde"):
# a street and number, or a Danish post code and town, which ends it; lines between them (a locality) are kept only
# when such a line follows. At most ADDRESS_LINES lines: a Danish postal address has three (street, locality, town).
_STREET_RE = re.compile(r"^[A-ZÆØÅ][\wæøåÆØÅ.' -]{1,40}\s\d{1,4}[A-Za-z]?(?:[,.]?\s*[\w. ]{0,20})?$")
_POSTCODE_RE = re.compile(r"^(?:DK-?)?\d{4}\s+[A-ZÆØÅ][\wæøåÆØÅ. -]{1,30}$")
ADDRESS_LINES = 3
_ROLE_RE = re.compile(
    r"(?:\s+[-–]|,)\s+(?P<role>(?:formand|næstformand|borgmester|viceborgmester|medlem|suppleant)\b.*)$", re.I
)


@dataclass
class Cover:
    kind: str | None = None
    committee: str = ""
    start: object = None  # datetime | None
    has_time: bool = False
    place: str | None = None
    participants: list[Participant] = field(default_factory=list)
    text: list[str] = field(default_factory=list)
    end_time: str = ""  # "HH:MM": a "Sluttidspunkt" label or the end of the date line's span ("kl. 13:00 - 15:30")
    secretary: str = ""


# A person's name, not a sentence: the participants of ../shared/corpus have at most 3 words ("Ronni Mark Nielsen");
# 6 leaves room for double first and family names ("Anne-Marie Bach Holm Kristensen").
_MAX_NAME_WORDS = 6


def participant(text: str) -> Participant | None:
    """ "Lolan Ottesen (A) - formand" -> Participant("Lolan Ottesen", note="A; formand")."""
    role = ""
    m = _ROLE_RE.search(text)
    if m:
        text, role = text[: m.start()], m["role"].strip()
    p = vocabulary.parse_participant(text)
    if p is None or len(p.name.split()) > _MAX_NAME_WORDS:
        return None
    note = "; ".join(x for x in (p.note, role) if x)
    return Participant(p.name, p.absent, note)


def _secretary(text: str) -> str:
    """The name (and title, if printed) of who took the minutes; "" when the line is no name."""
    return fold_ws(text) if participant(text) is not None else ""


def _comma_names(text: str) -> list[str]:
    """ "Erik Lund (V), Birthe Holm (A)" -> the two entries (commas inside parentheses kept)."""
    return [x.strip() for x in re.split(r",\s*(?![^()]*\))", text) if x.strip()]


def read_cover(lines) -> Cover:  # noqa: ANN001 - esdh_print.Line items
    """Kind, committee, start, place and participants from the lines before the first item."""
    c = Cover()
    mode = ""  # "people", "absent", "other" while reading a label block
    absences: list[tuple[str, str]] = []
    after_date = False
    lead = ""  # a line above the first "Referat": the committee in a running header ("<udvalg> / Referat / Dato:")
    labelled = None  # "Dato: 04.12.2012", used when the cover prints no date of its own
    clock = None  # "Mødetidspunkt: 16:00"
    address: list[str] | None = None  # lines read under an unlabelled place, while they may be its address
    address_next = 0  # the index of the line that may continue it
    for i, ln in enumerate(lines):
        t = ln.text
        if address is not None and i != address_next:
            address = None  # another kind of line came between: the address (if any) has ended
        c.text.append(t)
        c.end_time = c.end_time or structure.end_time(t, span=True)
        tm = _TIME_LABEL_RE.match(t)
        if tm:
            clock = parse_time(tm["value"])
            continue
        inline = PEOPLE_INLINE_RE.match(t)
        if inline:  # "Deltagere: Erik Lund (V), Birthe Holm (A)"
            c.participants += [p for p in map(participant, _comma_names(inline["value"])) if p]
            mode = ""
            continue
        dm = _DATE_LABEL_RE.match(t)
        if dm:
            when = parse_danish_datetime(dm["value"])
            if labelled is None or (when[1] and not labelled[1]):  # a label with the time beats the title's date
                labelled = when
            continue
        km = KIND_RE.match(t)
        if km:
            c.kind = c.kind or ("dagsorden" if km["kind"].lower() == "dagsorden" else "referat")
            if km["forum"] and not c.committee and not _HEADER_SKIP_RE.match(km["forum"]):
                c.committee = fold_ws(km["forum"])
            if km["date"]:
                labelled = labelled or parse_danish_datetime(km["date"])
            mode = ""
            continue
        pm = _PLACE_LABEL_RE.match(t)
        if pm:
            c.place = c.place or fold_ws(pm["value"])
            continue
        if PEOPLE_LABEL_RE.match(t):
            mode = "people"
            continue
        am = vocabulary.ABSENCE_RE.match(t)
        if am:
            mode = "absent"
            note = "Afbud" if am["label"].lower() in ("afbud", "afbud fra") else "Fraværende"
            absences += [(n, note) for n in vocabulary.split_names(am["names"])]
            continue
        om = OTHER_LABEL_RE.match(t)
        if om:
            mode = "secretary" if om.group(0).lower() in SECRETARY_LABELS else "other"
            inline_value = t[om.end():].lstrip(" :")  # "Referent: Mie Andresen"
            if mode == "secretary" and inline_value:
                c.secretary, mode = c.secretary or _secretary(inline_value), "other"
            continue
        if mode == "secretary" and not _ANY_LABEL_RE.match(t):  # the name under the label ("Sekretær" / "Mie
            # Helene Andresen"), not a label after an empty one
            c.secretary, mode = c.secretary or _secretary(t), "other"
            continue
        if _ANY_LABEL_RE.match(t) and mode != "people":
            continue  # a label of its own ("Mødetidspunkt: 16:00", "Bemærkninger: ...") is no committee or place
        if mode == "people":
            p = participant(t)
            if p:
                c.participants.append(p)
            continue
        if mode == "absent":
            note = "Afbud" if "afbud" in t.lower() else "Fraværende"
            absences += [(n, note) for n in vocabulary.split_names(t)]
            continue
        if mode == "other" or _HEADER_SKIP_RE.match(t) or PAGE_LINE_RE.match(t):
            if c.start is not None and re.match(r"^kl\.?\s*\d", t, re.I) and not c.has_time:
                c.start, c.has_time = parse_danish_datetime(f"{c.start:%d-%m-%Y} {t}")
            continue
        if c.start is None and c.kind:
            start, has_time = parse_danish_datetime(t)
            if start is not None:
                c.start, c.has_time, after_date = start, has_time, True
                continue
        if c.kind and not c.committee and c.start is None:
            c.committee = t
        elif not c.kind and not lead and mode == "":
            lead = t
        elif after_date and c.place is None:
            c.place = re.sub(r"^i\s+", "", t)
            after_date = False
            address, address_next = [], i + 1
        elif address is not None and len(address) < ADDRESS_LINES and len(t) <= 60:
            address.append(t)
            address_next = i + 1
            town = _POSTCODE_RE.match(t) is not None  # the address's last line
            if town or (len(address) == 1 and _STREET_RE.match(t)):
                c.place = ", ".join([c.place or "", *address]).strip(", ")
                address = None if town else []
    c.committee = c.committee or lead
    if c.start is None and labelled is not None and labelled[0] is not None:
        c.start, c.has_time = labelled
    if c.start is not None and not c.has_time and clock is not None:
        c.start, c.has_time = datetime.combine(c.start.date(), clock), True
    c.participants = structure.mark_absent(c.participants, absences)
    return c
