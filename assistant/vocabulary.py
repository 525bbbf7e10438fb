"""The vocabulary of Danish minutes: what a heading, a decision, a case number, a case's path and an absence look like.

One place for the rules that the readers, the chunking and the answerer share, so that they agree. The forms come
from the municipalities' layouts described in ../shared/FORMATS.md and ../shared/corpus/SOURCES.md (FirstAgenda
print and web, eDoc, Acadre, PolWeb, Holbæk, Brønderslev, Copenhagen, Rødovre); each rule names the family it is
for, never one file.

Public API (see /work/handoff/vocabulary_api.md)::

    norm(text) -> str                                   # case-folded, whitespace folded, final ':' dropped
    heading_level(text) -> int                          # 1 top, 2 sub-heading, 0 not a known heading
    decision_heading(text) -> DecisionHeading | None    # body, date and point of a decision heading
    is_decision_heading(text) / is_recommendation_heading(text) / is_path_heading(text) / is_attendance_heading(text)
    section_kind(heading) -> "decision"|"recommendation"|"path"|"attendance"|"attachments"|""
    summary_section(sections) -> Section | None          # what the case is about (Resume, Sammendrag, ...)
    approves_recommendation(decision) -> bool           # "1. Godkendt. 2. Godkendt.": the Indstilling says what
    split_inline_decision(text) -> (heading, text) | None   # "Beslutning i X den D: Godkendt."
    recommendation_items(text) -> list[str]             # the "at ..." clauses of an Indstilling
    decided_items(decision, recommendation) -> str      # the Indstilling's items a decision names ("3. Godkendt")
    ITEM_REF, ITEM_LABEL                                # "punkt a" in a decision; an item's label "a. at ..."
    path_entry(line) -> PathEntry | None                # "Kommunalbestyrelsen den 30. januar 2012 Punkt 5"
    path_entries(text) -> list[PathEntry]
    CASE_NUMBER_RE, find_case_numbers(text), case_number_line(line)
    absences_in(text) -> [(name, note)]                 # meeting-level absence lines
    point_absences(text) -> [name]                      # who did not take part in this point
    split_names(text), parse_participant(text), ATTENDANCE_LABELS
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from assistant.records import Participant, PathEntry, Section
from assistant.textutil import MONTHS, fold_ws, parse_danish_date


def norm(text: str) -> str:
    """Case-folded, whitespace folded, a final colon dropped: the key a heading is looked up by."""
    return " ".join(text.casefold().split()).rstrip(":").strip()


# ---------------------------------------------------------------- standard points of an agenda

# The fixed points of a Danish committee agenda, which a question names by what they are instead of their number
# ("under eventuelt", "any other business", "godkendelse af dagsordenen"): name -> (how a point's title starts, how
# a question names it). From the standard agendas of FirstAgenda, eDoc and Acadre (../shared/FORMATS.md,
# ../shared/corpus/SOURCES.md) and their usual English names; not chosen on a question set. "eventuelt" alone is
# also the adverb "possibly", so a question names the point with "under/til/punkt" before it.
STANDARD_POINTS: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {
    "eventuelt": (
        re.compile(r"^(?:eventuelt|evt\b)", re.I),
        re.compile(r"\b(?:under|til|punkt(?:et)?)\s+(?:eventuelt|evt\.?)(?![\wæøå])|\bany other business\b|\bAOB\b",
                   re.I),
    ),
    "meddelelser": (
        # "Huskeliste og orientering fra administrationen", "Borgmesteren orienterer": the standing news points
        re.compile(r"^(?:meddelelser|gensidig orientering|orienteringer\b|orientering fra\b|huskeliste\b|"
                   r"\w+ orienterer\b)", re.I),
        re.compile(r"\bmeddelelser(?:ne)?\b|\bgensidig(?:e)? orientering\b|\bannouncements\b", re.I),
    ),
    "godkendelse af dagsorden": (
        re.compile(r"^godkendelse af dagsorden", re.I),
        re.compile(r"\bgodkendelse(?:n)? af dagsorden(?:en)?\b|\bapprov(?:al|ed|e)\s+(?:of\s+)?the agenda\b|"
                   # a change of the agenda, which its approval records ("Punkt 8 behandles før punkt 3"); not a
                   # point taken off it, which that point's own decision says
                   r"\bændring(?:er|erne)? (?:i|af|til|på) dagsorden(?:en)?\b|\bdagsorden(?:en)? (?:blev )?ændret\b|"
                   r"\b(?:byttet|byttede|bytte) (?:rundt |om )?(?:på )?(?:\w+ )?(?:punkter|punkterne|rækkefølgen)\b|"
                   r"\brækkefølgen (?:af|på) (?:dagsordenens )?punkter(?:ne)?\b|"
                   r"\b(?:changes?|amendments?) to the agenda\b|"
                   r"\bagenda (?:was |were )?(?:changed|amended|reordered)\b|"
                   r"\border of the (?:agenda )?items\b|\b(?:items|points) (?:were )?(?:swapped|reordered)\b", re.I),
    ),
    "godkendelse af referat": (
        re.compile(r"^godkendelse af (?:\w+\s+)?referat", re.I),
        re.compile(r"\bgodkendelse(?:n)? af (?:\w+\s+)?referat(?:et)?\b|"
                   r"\bapprov(?:al|ed|e)\s+(?:of\s+)?the (?:\w+\s+)?minutes\b", re.I),
    ),
}


def standard_point_named(question: str) -> str | None:
    """The standard point a question names."""
    return next((name for name, (_, asked) in STANDARD_POINTS.items() if asked.search(question)), None)


def without_standard_point(text: str, name: str) -> str:
    """``text`` with the words that name the standard point ``name`` blanked out (a question's topic)."""
    return STANDARD_POINTS[name][1].sub(" ", text)


def is_catch_all_point(title: str) -> bool:
    """A standing point that gathers many small matters ("Eventuelt", "Meddelelser", "Huskeliste og orientering
    fra administrationen"): it mentions every topic in passing, a point of its own treats it."""
    return is_standard_point(title, "eventuelt") or is_standard_point(title, "meddelelser")


def is_standard_point(title: str, name: str) -> bool:
    """The point's title is the standard point ``name`` ("Eventuelt", "Evt.", "Meddelelser fra formanden")."""
    return name in STANDARD_POINTS and STANDARD_POINTS[name][0].match(norm(title)) is not None


# ---------------------------------------------------------------- dates inside headings and path lines

_ENGLISH_ONLY = ("may", "june", "july", "october", "oct", "march", "january", "february")
_DA_MONTHS = "|".join(sorted((m for m in MONTHS if m not in _ENGLISH_ONLY), key=len, reverse=True))
# DD-MM-YYYY, DD.MM.YYYY, DD/MM/YYYY, ISO, and "30. januar 2012" (FORMATS.md: the four date styles)
DATE_PATTERN = (
    rf"(?:\d{{1,2}}[-./]\d{{1,2}}[-./]\d{{2,4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}\.?\s*(?:{_DA_MONTHS})\.?\s+\d{{4}})"
)
_POINT_PATTERN = r"(?:\s*[,.]?\s*(?i:punkt|pkt\.?)\s*(?P<point>\d{1,4}[a-zA-Z]?))"
_ON = r"(?:\s*,?\s+(?i:den|d\.)\s*|\s*,\s*|\s+)"  # "den", "d." or a comma before the date


def _iso(date_text: str | None) -> str:
    d = parse_danish_date(date_text or "")
    return d.isoformat() if d else ""


# ---------------------------------------------------------------- section headings

# Top-level headings (level 1) besides the decision headings; every other known heading is a sub-heading (level 2).
TOP_HEADINGS = frozenset(
    ["sagsfremstilling", "fremstilling", "supplerende sagsfremstilling", "ny supplerende sagsfremstilling"]
)
RECOMMENDATION_HEADINGS = frozenset(
    ["indstilling", "indstillinger", "supplerende indstilling", "ændret indstilling", "beslutningspunkter",
     "forslag til beslutning", "indstilling fra administrationen", "administrationens indstilling",
     "forvaltningens indstilling", "direktionens indstilling"]
)  # fmt: skip
PATH_HEADINGS = frozenset(
    ["sagsforløb", "sagens forløb", "tidligere beslutninger", "tidligere behandling",
     "oversigt over politisk behandling", "politisk behandling", "sagsgang", "sagsgang og sagstype", "sagsprocedure",
     "historik", "sagens behandling", "tidligere politisk behandling"]
)  # fmt: skip
# Where the decision of a case lies, as a point prints it: Greve's "Sagsprocedure" (the bodies that handle it), eDoc's
# "Beslutningen træffes af", Acadre's and the ESDH prints' "Sagen afgøres i" and "Beslutningskompetence"
COMPETENCE_HEADINGS = frozenset(
    ["sagsprocedure", "beslutningen træffes af", "sagen afgøres i", "beslutningskompetence", "kompetence",
     "kompetencefordeling", "afgørelseskompetence"]
)  # fmt: skip
# A sentence that says where a decision lies or goes: "Beslutningen træffes af Byrådet", "Udvalget har kompetence til
# ...", "Godkendelsen er delegeret til udvalget", "sagen forelægges Byrådet til endelig godkendelse"
COMPETENCE_STATED = re.compile(
    r"\b(?:træffes af|afgøres af|besluttes af|godkendes endeligt? af|har (?:\w+ )?kompetence\w*|kompetence til|"
    r"beslutningskompetence\w*|delegeret|endelige? (?:godkendelse|beslutning|vedtagelse)|"
    r"forelægges\s+(?:[\w-]+\s+){0,4}?til\s+(?:endelig\s+)?(?:godkendelse|beslutning|vedtagelse))\b", re.I)
ATTENDANCE_HEADINGS = frozenset(
    ["afbud", "fraværende", "fravær", "tilstede", "til stede", "medlemmer", "deltagere", "mødedeltagere",
     "fremmøde", "fremmøde og inhabilitet", "ikke til stede", "fraværende med afbud", "afbud/fraværende"]
)  # fmt: skip
ATTACHMENT_HEADINGS = frozenset(["bilag", "bilagsliste", "bilagsoversigt"])
# What the case is about, in a few sentences, in the order a summary is preferred: FirstAgenda's "Resume", Acadre's
# "Resumé", eDoc's "Sammendrag"; a print without one (Slagelse) opens its case text with what the case is about.
SUMMARY_HEADINGS = ("resume", "resumé", "sammendrag", "sammenfatning", "sagens kerne", "beslutningstema",
                    "sagsfremstilling", "sagsbeskrivelse", "sagens indhold", "beskrivelse af sagen")
# One attachment a line, numbered, without a "Bilag" heading above: "Bilag 1: Høringsnotat.pdf", "Bilag 2 - Kort"
ATTACHMENT_LINE_RE = re.compile(r"^Bilag\s+\d{1,3}[a-z]?\s*[:.\-–)]\s*\S")
SUB_HEADINGS = frozenset(
    " ".join(h.split())
    for h in """resume|resumé|sagsbeskrivelse|supplerende sagsbeskrivelse|
    lovgrundlag|retsgrundlag|lovgrundlag og kompetence|kompetence|økonomiske konsekvenser|økonomi|
    økonomi og finansiering|økonomiske konsekvenser og finansiering|finansiering|bevilling|
    bevillingsmæssige konsekvenser|anlæg|øvrige konsekvenser|økonomi og organisatoriske konsekvenser|
    øvrige forhold|øvrige opmærksomhedspunkter|kommunikation|tidsplan|
    høring|høringssvar|høringsproces|beslutningstema|ansvarlig|tid|sagens indhold|
    sagens baggrund|baggrund|sagens videre forløb|videre forløb|videre proces|den videre proces|proces|
    problemstilling|løsning|personale|personalemæssige konsekvenser|sagens kerne|sammendrag|
    beslutningskompetence|beslutningen træffes af|sagen afgøres i|vurdering|administrationens vurdering|
    forvaltningens vurdering|administrationens anbefaling|konsekvenser|beskrivelse af sagen|
    beskrivelse af alternativ indstilling|miljøvurdering|miljø|
    klima|klimavurdering|klima- og miljøvurdering|handicappolitisk vurdering|borgerinddragelse|inddragelse|
    habilitet|formål|sammenfatning|bemærkninger|
    effekt|risici|risikovurdering|supplerende oplysninger|
    indstillingens begrundelse|begrundelse|udtalelser|høringsberettigede|digitalisering|sundhedsmæssige
    konsekvenser|erhvervsmæssige konsekvenser|ligestilling|arbejdsmiljø|planforhold""".replace("\n", " ").split("|")
) | RECOMMENDATION_HEADINGS | PATH_HEADINGS | ATTACHMENT_HEADINGS | frozenset(["fremmøde og inhabilitet"])


@dataclass(frozen=True)
class DecisionHeading:
    """What a decision heading says: the deciding body, the ISO date and the point number, each "" if not printed."""

    body: str = ""
    date: str = ""
    point: str = ""


# "Beslutning", "Beslutninger", "Afgørelse", "Beslutning i Økonomiudvalget den 19-11-2025",
# "Beslutning Byrådet den 12-03-2019" (PolWeb), "Beslutning i Udvalget for plan, udvikling og kultur (PUK) den
# 20-06-2013" (Acadre), "Beslutning i Økonomiudvalget den 3. marts 2015" (Slagelse 2015), "Beslutninger" (Aarhus).
_PLAIN_DECISION_RE = re.compile(
    rf"^(?i:beslutning(?:er)?|afgørelse|endelig beslutning)"
    rf"(?:\s+(?i:i|af|fra|for)\s+(?P<body>[A-ZÆØÅ].{{1,100}}?)|\s+(?P<body2>[A-ZÆØÅ].{{1,100}}?)(?={_ON}{DATE_PATTERN}))?"
    rf"(?:{_ON}(?P<date>{DATE_PATTERN}))?{_POINT_PATTERN}?\s*:?$"
)
# "<Body>s beslutning [under mødet] [den <date>] [Punkt N]": "Udvalgets beslutning", "Sundheds- og
# Forebyggelsesudvalgets beslutning den 04.12.2012 Punkt 2" (eDoc), "Økonomiudvalgets beslutning under mødet den
# 3. marts 2015:" (Copenhagen PDFs).
_GENITIVE_DECISION_RE = re.compile(
    rf"^(?P<body>[A-ZÆØÅ][^.:;!?]{{1,100}}?)s\s+(?i:beslutning(?:er)?|afgørelse)(?:\s+(?i:under mødet))?"
    rf"(?:{_ON}(?P<date>{DATE_PATTERN}))?{_POINT_PATTERN}?\s*:?$"
)
# The decision-trail layout (Rødovre, Stevns, Aarhus' archive; FORMATS.md 10) prints each earlier body's decision
# under "<Body>, <date>, pkt. N:"; the comma form with a point number is what sets it apart from a sentence.
_TRAIL_DECISION_RE = re.compile(
    rf"^(?P<body>[A-ZÆØÅ][^.:;!?\d]{{1,100}}?),\s*(?P<date>{DATE_PATTERN}),\s*(?i:punkt|pkt\.?)\s*(?P<point>\d{{1,4}}[a-zA-Z]?)"
    r"\s*:?$"
)
# ... and "Protokol" alone: a portal's heading over what the meeting recorded under a point (reader set dev9)
_OTHER_DECISION_RE = re.compile(r"^(?:offentlig beslutning\b.{0,80}|indstilling og beslutning|protokol)\s*:?$",
                                re.IGNORECASE)
# A heading is one printed line: the longest decision heading in ../shared/corpus has 72 characters ("Beslutning i
# Udvalget for plan, udvikling og kultur (PUK) den 24-04-2013"); twice that leaves room for a longer body's name.
_MAX_HEADING = 160
_MAX_BODY_WORDS = 12  # a body's name, not a sentence: the longest in ../shared/corpus has 7 words (PUK's, above)


_BODY_WORD_RE = re.compile(r"\w*(?:udvalg|byråd|kommunalbestyrelse|borgerrepræsentation|magistrat)\w*")


def decision_heading(text: str) -> DecisionHeading | None:
    """The body, date and point of a decision heading in any printed form, or None when ``text`` is not one."""
    t = fold_ws(text)
    if not t or len(t) > _MAX_HEADING or t.endswith("."):
        return None
    if t[:1].islower():
        t = t[:1].upper() + t[1:]
    if t.isupper():  # a print's heading in capitals: "UDVALGETS BESLUTNING", "BESLUTNING I BYRÅDET DEN 12-03-2024"
        t = _BODY_WORD_RE.sub(lambda w: w[0].capitalize(), t[:1] + t[1:].lower())
    m = _PLAIN_DECISION_RE.match(t)
    if m:
        body = (m["body"] or m["body2"] or "").strip(" ,")
        if body and not _deciding_body(body):  # "Afgørelse fra Ankestyrelsen vedr. ...": news of another authority
            return None
        return DecisionHeading(body=body, date=_iso(m["date"]), point=m["point"] or "")
    m = _GENITIVE_DECISION_RE.match(t)
    if m and _deciding_body(m["body"]):  # "Udvalgets beslutning", not "Ankestyrelsens afgørelse"
        return DecisionHeading(body=m["body"].strip(), date=_iso(m["date"]), point=m["point"] or "")
    m = _TRAIL_DECISION_RE.match(t)
    if m and _deciding_body(m["body"]):
        return DecisionHeading(body=m["body"].strip(), date=_iso(m["date"]), point=m["point"])
    if _OTHER_DECISION_RE.match(t):
        return DecisionHeading()
    return None


def _deciding_body(body: str) -> bool:
    """A body of the municipality that decides (``FORUM_WORD_RE``) and, as printed in a heading, a name rather
    than a sentence: the bodies of the decision headings in ../shared/corpus have at most 7 words ("Udvalget for
    plan, udvikling og kultur (PUK)")."""
    return bool(FORUM_WORD_RE.search(body)) and len(body.split()) <= _MAX_BODY_WORDS


def is_decision_heading(text: str) -> bool:
    return decision_heading(text) is not None


def names_body(heading: str) -> bool:
    """A decision heading that names a body or a date ("Beslutning i Byrådet den ...", "Udvalgets beslutning")."""
    d = decision_heading(heading)
    return d is not None and bool(d.body or d.date)


def is_recommendation_heading(text: str) -> bool:
    return norm(text) in RECOMMENDATION_HEADINGS


def is_path_heading(text: str) -> bool:
    return norm(text) in PATH_HEADINGS


def is_attendance_heading(text: str) -> bool:
    return norm(text) in ATTENDANCE_HEADINGS


# The Indstilling's opening line read as a heading of its own ("Administrationen indstiller, at", under an empty
# "Indstilling": 41 of the 4,324 points of the shared corpus): the recommendation itself
_RECOMMENDS = re.compile(r"^(?:[\w&-]+ ){1,5}(?:indstiller|anbefaler)\b")


@lru_cache(maxsize=4096)  # an answer asks it of every sentence's heading; a corpus has few distinct headings
def section_kind(heading: str) -> str:
    """What a section is about, by its heading: "decision", "recommendation", "path", "attendance", "attachments"."""
    if is_decision_heading(heading):
        return "decision"
    n = norm(heading)
    if n in RECOMMENDATION_HEADINGS or _RECOMMENDS.match(n):
        return "recommendation"
    if n in PATH_HEADINGS:
        return "path"
    if n in ATTENDANCE_HEADINGS:
        return "attendance"
    if n in ATTACHMENT_HEADINGS:
        return "attachments"
    return ""


def heading_level(text: str) -> int:
    """1 or 2 when ``text`` is a known heading (decision headings and Sagsfremstilling are 1), else 0."""
    if len(text) > _MAX_HEADING:
        return 0
    n = norm(text)
    if n in TOP_HEADINGS or is_decision_heading(text.strip().rstrip(":")):
        return 1
    return 2 if n in SUB_HEADINGS or n in ATTENDANCE_HEADINGS - {"medlemmer", "deltagere"} else 0


_INLINE_DECISION_RE = re.compile(rf"^(.{{3,{_MAX_HEADING}}}?)\s*:\s+(\S.*)$", re.DOTALL)


def split_inline_decision(text: str) -> tuple[str, str] | None:
    """``"Beslutning i Byrådet den 3. marts 2015: Godkendt."`` -> (heading, text); a dated heading is needed."""
    m = _INLINE_DECISION_RE.match(text)
    if m and "\n" not in m[1]:
        d = decision_heading(m[1])
        if d is not None and d.date:
            return fold_ws(m[1]), m[2].strip()
    return None


# ---------------------------------------------------------------- recommendations

# "Det indstilles, at", "Direktionen indstiller, at:", "Center for X indstiller til Y, at"
RECOMMENDS_RE = re.compile(r"\b(?:det\s+)?indstill(?:er|es)\b[^.]{0,160}?\bat\b\s*:?\s*$", re.IGNORECASE)
_AT_ITEM_RE = re.compile(r"^\s*(?:[-•▪*]\s*|\d{1,2}[.)]\s*|[A-Za-z][.)]\s*)?(?:at|At)\s+(\S.*)$")


def summary_section(sections: list[Section]) -> Section | None:
    """The section that says what a case is about: the first of SUMMARY_HEADINGS the point has, with text."""
    by_heading = {norm(s.heading): s for s in reversed(sections) if s.text.strip()}
    return next((by_heading[h] for h in SUMMARY_HEADINGS if h in by_heading), None)


# A decision that only approves what was recommended: "Godkendt.", "1. Godkendt. 2. Godkendt.", "At 1-2: Anbefales",
# "Økonomiudvalget anbefaler overfor Byrådet at administrationens indstilling godkendes" (its words, once item
# numbers and the names of bodies are dropped, are all of these)
_APPROVING = frozenset(
    "godkendt godkendes godkendte godkender anbefales anbefalet anbefaler anbefalede tiltrådt tiltrædes tiltrådte "
    "tiltræder vedtaget vedtages vedtog".split()
)
_APPROVAL_WORDS = _APPROVING | frozenset(
    "indstillingen indstilling indstillinger indstillingspunkterne administrationens forvaltningens blev at ad og "
    "pkt punkt som indstillet overfor over for til".split()
)
_BODY_ENDINGS = ("udvalget", "udvalgets", "rådet", "rådets", "bestyrelsen", "bestyrelsens")
APPROVAL_WORDS_MAX = 12  # "Ad 1. Godkendt. Ad 2. Godkendt. Ad 3. Godkendt.": longer decisions say more than that


# An item that only notes an orientation ("1. Orienteringen om status blev taget til efterretning.") beside one that
# approves ("2. Godkendt."): what was approved is still only in the Indstilling
_NOTED_ITEM = re.compile(r"[^.:]{0,80}\b(?:taget|tages)\s+til\s+efterretning\b\s*\.?", re.IGNORECASE)


def approves_recommendation(decision: str) -> bool:
    """The decision says only that the recommendation was approved: what was decided is in the Indstilling."""
    decision = _NOTED_ITEM.sub(" ", decision)
    words = [w.lower() for w in re.findall(r"[^\W\d_]+", decision)  # without the bodies' names: "Byrådet",
             if not (w[0].isupper() and w.lower() not in _APPROVAL_WORDS)  # "Kultur- og Fritidsudvalgets",
             and not w.lower().endswith(_BODY_ENDINGS)]  # "over for byrådet"
    return 0 < len(words) <= APPROVAL_WORDS_MAX and set(words) <= _APPROVAL_WORDS and bool(set(words) & _APPROVING)


# A decision that names an item of the Indstilling ("Udvalget beslutter punkt a.", "Indstillingens pkt. 2 godkendt"),
# and an item's label ("a. at henlægge sagen", "- 2) at ...")
ITEM_REF = re.compile(r"\b(?:punkt|pkt\.?)\s*([a-h]|\d{1,2})\b(?![.,]\d)", re.I)
ITEM_LABEL = re.compile(r"^\s*(?:[-•*·]\s*)?([a-h]|\d{1,2})[.)]\s", re.I)
# ... and the items a decision answers by their labels: "1.-2. Godkendt.", "1. Godkendt 2. Ikke godkendt"
_DECIDED_RANGE = re.compile(r"^\s*(\d{1,2})\.?\s*[-–]\s*(\d{1,2})\.\s")
_DECIDED_ITEM_SPLIT = re.compile(r"(?:^|(?<=\s))([a-h]|\d{1,2})[.)]\s+", re.I)


def decided_items(decision: str, recommendation: str) -> str:
    """The paragraphs of a recommendation that a decision names by their labels ("3. Godkendt": its item 3;
    "1.-2. Godkendt."; "1. Godkendt 2. Ikke godkendt"; "Udvalget beslutter punkt a."), each with the paragraph
    above it that leads in ("Administrationen indstiller overfor Plan- og Tryghedsudvalget:"); "" when the decision
    names no item the recommendation has."""
    labels: set[str] = {m.lower() for m in ITEM_REF.findall(decision)}
    if m := _DECIDED_RANGE.match(decision):
        labels |= {str(n) for n in range(int(m[1]), int(m[2]) + 1)} if int(m[1]) < int(m[2]) <= 20 else set()
    else:  # each item the decision answers, approved or not: "1. Godkendt 2. Ikke godkendt" names items 1 and 2
        labels |= {label.lower() for label in _DECIDED_ITEM_SPLIT.findall(decision)}
    out: list[str] = []
    lead = ""
    for para in (p.strip() for p in re.split(r"\n\s*\n", recommendation) if p.strip()):
        item = ITEM_LABEL.match(para)
        if item is None:
            lead = para  # "Administrationen indstiller overfor Plan- og Tryghedsudvalget:", "..., at det godkendes, at"
        elif item[1].lower() in labels:
            if lead:
                out.append(lead)
                lead = ""
            out.append(para)
    return "\n\n".join(out) if any(ITEM_LABEL.match(p) for p in out) else ""


def recommendation_items(text: str) -> list[str]:
    """The "at ..." clauses of a recommendation, one per printed line ("at 1. forslaget godkendes")."""
    out = []
    for line in text.splitlines():
        m = _AT_ITEM_RE.match(line)
        if m:
            out.append(m[1].strip())
    return out


# ---------------------------------------------------------------- a case's path

# A body that decides: the council under its three names, committees, boards and the mayor. A path line must name
# one, so that any "X den 3. marts 2015" sentence is not read as a step of the case. The abbreviations (ØK, KB, BY)
# count only in capitals: "by" is also the Danish word for a town ("en by den 3. marts").
FORUM_WORD_RE = re.compile(
    r"(?i:udvalg|byråd|kommunalbestyrelse|borgerrepræsentation|magistrat|bestyrelse|forum|råd\b|rådet|borgmester"
    r"|direktion|beredskabskommission)"  # the emergency services' commission, which a municipality has by law
    r"|\b(?:ØK|KB|BY)\b"
)
_PATH_LINE_RE = re.compile(
    rf"^(?P<body>[A-ZÆØÅ][^.:;!?\d]{{1,100}}?){_ON}(?P<date>{DATE_PATTERN}){_POINT_PATTERN}?\s*:?$"
)


def path_entry(line: str) -> PathEntry | None:
    """A line naming one step of the case: "Kommunalbestyrelsen den 30. januar 2012 Punkt 5", "Økonomiudvalget,
    3. marts 2015, pkt. 12:". A decision heading that names a body and a date is a step too."""
    t = fold_ws(line)
    if not t or len(t) > _MAX_HEADING:
        return None
    d = decision_heading(t)
    if d is not None:
        return PathEntry(body=d.body, date=d.date, point=d.point) if d.body and d.date else None
    m = _PATH_LINE_RE.match(t)
    if not m or not _deciding_body(m["body"]):
        return None
    return PathEntry(body=m["body"].strip(" ,"), date=_iso(m["date"]), point=m["point"] or "")


def path_entries(text: str) -> list[PathEntry]:
    """Every path line of ``text``, in order, without repeats."""
    out: list[PathEntry] = []
    for line in text.splitlines():
        e = path_entry(line)
        if e is not None and e not in out:
            out.append(e)
    return out


# ---------------------------------------------------------------- parties

# Danish party letters (national ballot letters, the same in every municipality) and their names.
PARTIES = {
    "A": "Socialdemokratiet", "B": "Radikale Venstre", "C": "Det Konservative Folkeparti", "D": "Nye Borgerlige",
    "F": "SF", "I": "Liberal Alliance", "K": "Kristendemokraterne", "M": "Moderaterne", "O": "Dansk Folkeparti",
    "V": "Venstre", "Æ": "Danmarksdemokraterne", "Ø": "Enhedslisten", "Å": "Alternativet",
}  # fmt: skip
PARTY_ALIASES = {
    "socialdemokraterne": "A", "socialdemokrat": "A", "social democrats": "A", "radikale": "B", "konservative": "C",
    "conservatives": "C", "socialistisk folkeparti": "F", "liberal alliance": "I", "venstre": "V", "liberals": "V",
    "dansk folkeparti": "O", "danish people's party": "O", "red-green alliance": "Ø", "enhedslisten": "Ø",
    "alternativet": "Å", "the alternative": "Å", "moderaterne": "M", "danmarksdemokraterne": "Æ",
    "denmark democrats": "Æ", "nye borgerlige": "D", "kristendemokraterne": "K",
}  # fmt: skip
PARTY_BY_NAME = {**{name.casefold(): letter for letter, name in PARTIES.items()}, **PARTY_ALIASES}
PARTY_LETTER_RE = re.compile(r"^[A-ZÆØÅ]{1,3}$")  # a party's ballot letter printed alone: "V", "Ø", a local list's "L"
# a person's name as lists of members print it: two to five capitalised words ("Anne Mette Svane", "Niels-Erik Ravn")
PERSON_NAME = r"[A-ZÆØÅ][\wæøå'’.-]*(?:\s+[A-ZÆØÅ][\wæøå'’.-]*){1,4}"


def party_named(text: str) -> str | None:
    """The ballot letter of a party named in full ("Dansk Folkeparti", "Liberal Alliance", "Enhedslisten")."""
    return PARTY_BY_NAME.get(fold_ws(text).casefold())


# ---------------------------------------------------------------- case numbers

# One grammar for the readers and question analysis (SOURCES.md, FORMATS.md):
#   EMN-2025-003383 (Aarhus), 306-2009-600 (PolWeb), 24-012144 / 20-072985K (FirstAgenda YY-NNNNNN),
#   2012-28504 (eDoc YYYY-N; bare only with 5+ digits, so that "2025-2029" is a period), 25/20079 and 12/27845
#   (YY/N+, 3+ digits and not a month/year like 01/2025), "Sag 00-2024-1102" (PolWeb, two digits), KLE journal
#   numbers 27.00.00-A00-1-23 and 00.01A00-G01-1-24,
#   and any value after a label ("Sagsnr.:", "Sagsnr. i ESDH:", "Sag:", "Sagsid:", "Sags ID:", "J.nr.", "Journalnr."), a
#   committee's code before a number/year included ("J.nr. BUU 12/2008", older Copenhagen protocols).
_ESDH_SYSTEMS = r"(?:Acadre|eDoc|ESDH|SBSYS|Captia|WorkZone|GetOrganized)"
_CASE_LABEL_WORDS = r"(?:Sagsnr|Sags\s?nr|Sagsnummer|Sagsid|Sags[\s-]?id|J\.\s?nr|Journalnr|Journal\s?nr|Journalnummer)"
CASE_LABEL = (  # the ESDH system's name may come first: "Acadre sagsnr.:", "eDoc-sagsnr." (FORMATS.md's vendors)
    rf"(?:{_ESDH_SYSTEMS}[-\s])?{_CASE_LABEL_WORDS}\.?"
    rf"(?:\s+i\s+[A-ZÆØÅ]{{2,10}})?\s*:?|(?:{_ESDH_SYSTEMS}[-\s])?Sag\s*:|Sag(?=\s+\d{{2,3}}-\d{{4}}-)"
)  # and "Acadre-sag:"
_BARE_CASE = (
    r"(?P<emn>EMN-\d{4}-\d+)"
    r"|(?P<polweb>\d{3}-\d{4}-\d+)"
    r"|(?P<kle>\d{2}\.\d{2}(?:\.\d{2})?(?:[A-ZÆØÅ]\d{2})?-[A-ZÆØÅ]\d{2}-\d+-\d{2})"
    r"|(?P<fa>\d{2}-\d{5,7}[A-Z]?)"
    r"|(?P<year>(?:19|20)\d{2}-\d{5,})"
    r"|(?P<slash>\d{2}/(?!(?:19|20)\d{2}(?![\d]))\d{3,})"
)
CASE_NUMBER_RE = re.compile(
    rf"(?<![\w-])(?:(?:{CASE_LABEL})\s*(?P<labelled>[A-ZÆØÅ]{{2,6}}\s\d{{1,6}}/\d{{2,4}}|[0-9A-ZÆØÅ][\w.\-/]*\d[A-Z]?)"
    rf"|{_BARE_CASE})(?![\w-])",
    re.IGNORECASE,
)
_DOC_LABEL_RE = re.compile(r"^\s*(?:Dok(?:ument)?\.?\s?(?:nr|id)?|Dokumentnr)\b", re.IGNORECASE)
# a line of an item's metadata, label and value after label: the document number, the case number, the initials
_META_PAIR_RE = re.compile(
    rf"(Dok(?:ument)?\.?\s?(?:nr|id)|Dokumentnr|{_CASE_LABEL_WORDS}|Initialer|Sagsbehandler)\.?\s*:\s*(\S+)",
    re.IGNORECASE,
)


def _value(m: re.Match) -> str:
    value = next(v for k, v in m.groupdict().items() if v and k != "point")
    return value.upper() if value.upper().startswith("EMN") else value


def find_case_numbers(text: str) -> list[str]:
    """Case numbers in ``text`` in order of appearance, without duplicates (labelled values without the label)."""
    out: list[str] = []
    for m in CASE_NUMBER_RE.finditer(text or ""):
        value = _value(m)
        if value not in out:
            out.append(value)
    return out


_ACCESS_FLAG_RE = re.compile(r"^(?:Åbent|Åben|Lukket)\s+(?:punkt|sag)\s+(?=\S)", re.IGNORECASE)


def case_number_line(line: str) -> str | None:
    """The case number of a line that holds only a case number, labelled or not ("Sagsnr.: 2012-28504",
    "EMN-2025-003383", "Sag: 24-012144", "J.nr. 27.00.00-A00-1-23"); None for other lines and for document numbers.
    """
    t = _ACCESS_FLAG_RE.sub("", fold_ws(line))  # "Åbent punkt  Acadre-sag: 25/2145  Dok.nr.: ...": the flag first
    if not t or len(t) > 80:
        return None
    if _DOC_LABEL_RE.match(t):  # "Dok.nr.: 4521-19  Sagsid.: 19/212  Initialer: kbl" (ESDH prints, FORMATS.md 9)
        pairs = _META_PAIR_RE.findall(t)
        whole = "".join(_META_PAIR_RE.sub("", t).split()) == ""
        case = [v for label, v in pairs if re.match(CASE_LABEL, f"{label}:", re.IGNORECASE)]
        return case[0].rstrip(".,;") if whole and len(case) == 1 else None
    m = CASE_NUMBER_RE.search(t)
    if not m:
        return None
    rest = (t[: m.start()] + t[m.end() :]).strip(" .,;:-–")
    # the document number printed after it on the same line: "Sagsnr.: 04.14.00-P00-2-23   Dok.nr.: 24/40977"; the
    # department after a separator: "Sagsnummer: 19/029871 · Borgmesterens Afdeling"
    after = t[m.end() :].lstrip()
    metadata = bool(rest) and "".join(_META_PAIR_RE.sub("", rest).split()) == ""  # "Sagsbehandler: Søren Kirk"
    return _value(m) if not rest or (m.start() == 0 and (_DOC_LABEL_RE.match(rest) or after[:1] in ("·", "|")
                                                          or metadata)) else None


def case_number_in_title(title: str) -> tuple[str, str | None]:
    """A case number printed at the end of a title line ("Budget 2026 - Sagsnr. 25/20079", "Budget (24-012144)")."""
    t = fold_ws(title)
    matches = list(CASE_NUMBER_RE.finditer(t))
    m = matches[-1] if matches else None
    if m is None or t[m.end() :].strip(" )]"):
        return t, None
    head = t[: m.start()].rstrip(" -–,:([")
    return (head, _value(m)) if head else (t, None)


# ---------------------------------------------------------------- attendance

ATTENDANCE_LABELS = ("Afbud", "Fraværende", "Tilstede", "Til stede", "Medlemmer", "Deltagere", "Mødedeltagere")
ABSENCE_RE = re.compile(
    r"^(?P<label>afbud\s*/\s*fraværende|afbud(?: fra)?|fraværende(?: med afbud| uden afbud| i mødet)?|"
    r"ikke til ?stede|ikke mødt|forfald)\b\s*:?\s*(?P<names>.*)$",
    re.IGNORECASE,
)
WAS_ABSENT_RE = re.compile(
    r"^(?P<names>[A-ZÆØÅ][^.:]{2,120}?)\s+(?:(?:var|er)\s+(?:fraværende|forhindret i at deltage)"
    r"|(?:har|havde)\s+meldt\s+afbud|meldte\s+afbud)\b",  # "Ole Kamp (C) har meldt afbud."
    re.IGNORECASE,
)
_PARTY_AFTER = r"(?:\s*\([^()\n]{1,20}\))?"
# a name inside a sentence: its words one space apart (a column's gap or a line break ends it: "Bemærkninger       Pia
# Lindholm (V) deltog som stedfortræder ..." names Pia Lindholm)
_NAME_IN_TEXT = r"[A-ZÆØÅ][\wæøå'’.-]*(?: [A-ZÆØÅ][\wæøå'’.-]*){1,4}"
# A member the minutes say left or came during the meeting ("Ib Damgaard (V) forlod mødet efter behandlingen af sag
# 145", "Under punkt 5 forlod Ole Kamp mødet", "Anne Berg (A) ankom kl. 17.15", "Bo Holm deltog fra punkt 3"): at
# the meeting, though the points after (or before) record him or her absent. The verbs of FORMATS.md's remarks
_LEFT_OR_CAME_RE = re.compile(
    rf"(?P<a>{_NAME_IN_TEXT}){_PARTY_AFTER},?\s+(?:forlod\s+mødet|(?:ankom|kom)\s+(?:til\s+mødet\s+)?(?:kl\.|under|efter"
    rf"|inden|før|ved|til\s+punkt|til\s+sag)|deltog\s+(?:i\s+mødet\s+)?(?:fra|indtil|til\s+og\s+med|frem\s+til)\s+"
    rf"(?:kl\.|punkt|sag|behandlingen))|\bforlod\s+(?P<b>{_NAME_IN_TEXT}){_PARTY_AFTER}\s+mødet")


# A substitute the minutes say attended, in a sentence ("Stedfortræder Lis Kjeldsen (T) var indkaldt og deltog i
# mødet", "Suppleant Ane Bro (A) mødte", "Ane Bro (A) deltog som stedfortræder for Bent Ravn", "I stedet for Bent Ravn
# deltog suppleant Ane Bro"): a member of the meeting, though no list names him or her
_SUBSTITUTE_RE = re.compile(  # the words in either case, the names capitalised
    rf"(?i:\b(?:stedfortræder(?:en)?|suppleant(?:en)?))\s+(?P<a>{_NAME_IN_TEXT}{_PARTY_AFTER})\s+"
    rf"(?:var\s+indkaldt\s+og\s+)?(?:deltog|mødte)\b"
    rf"|(?P<b>{_NAME_IN_TEXT}{_PARTY_AFTER})\s+(?:deltog|mødte)\s+(?:i\s+mødet\s+)?som\s+(?:stedfortræder|suppleant)\b"
    rf"|(?i:\bi\s+stedet\s+for)\s+{_NAME_IN_TEXT}{_PARTY_AFTER},?\s+(?:deltog|mødte)\s+"
    rf"(?:stedfortræder(?:en)?|suppleant(?:en)?)\s+(?P<c>{_NAME_IN_TEXT}{_PARTY_AFTER})"
    # "Inger Støvring (V) - i stedet mødte stedfortræder Jens Kristian Noe (V)", "og i stedet deltog stedfortræder X"
    rf"|(?i:\bi\s+stedet\s+(?:deltog|mødte))\s+(?i:stedfortræder(?:en)?|suppleant(?:en)?)\s+"
    rf"(?P<d>{_NAME_IN_TEXT}{_PARTY_AFTER})")


# a cover's label that folded text runs into the name after it ("Bemærkninger Pia Lindholm (V) deltog som ...")
_LEAD_LABELS = frozenset({"Afbud", "Fraværende", "Tilstede", "Medlemmer", "Deltagere", "Mødedeltagere",
                          "Bemærkninger", "Bemærkning", "Referent", "Sekretær", "Suppleant", "Suppleanter",
                          "Stedfortræder", "Stedfortrædere"})


def _without_label(name: str) -> str:
    first, _, rest = name.partition(" ")
    return rest if first in _LEAD_LABELS and len(rest.split()) >= 2 else name


def substitutes_in(text: str) -> list[str]:
    """The substitutes ``text`` says attended, as printed with their party ("Lis Kjeldsen (T)"), each once."""
    found = (_without_label(fold_ws(m["a"] or m["b"] or m["c"] or m["d"]).rstrip("."))
             for m in _SUBSTITUTE_RE.finditer(text))
    return list(dict.fromkeys(found))


def attended_in(text: str) -> set[str]:
    """The members ``text`` says left or came during the meeting (normalised names, as ``norm``)."""
    return {norm(_without_label(fold_ws(m["a"] or m["b"]))) for m in _LEFT_OR_CAME_RE.finditer(text)}


# Who did not take part in one point: "Følgende deltog ikke i behandlingen af punktet:" + names on the next lines,
# "Anne Berg (A) deltog ikke i behandlingen af punktet/sagen", "... deltog ikke i sagens behandling".
_FOLLOWING_RE = re.compile(
    r"^følgende\s+deltog\s+ikke\s+i\s+(?:behandlingen|sagens behandling)\b[^:]*(?::\s*(?P<names>.*))?$", re.IGNORECASE
)
_DID_NOT_TAKE_PART_RE = re.compile(
    r"^(?P<names>[A-ZÆØÅ][^.:]{2,160}?)\s+deltog\s+ikke\s+i\s+(?:behandlingen|sagens behandling|sagen|punktet|"
    r"mødet)", re.IGNORECASE
)
_NAME_RE = re.compile(r"^[A-ZÆØÅ][\w'’.\-]*(?:\s+[\w'’.\-]+){0,5}$")
PARTY_RE = re.compile(r"\s*\([^)]{1,12}\)")
_NOTE_RE = re.compile(r"\s*\(((?:[^()]|\([^()]{1,20}\)){1,80})\)\s*$")  # "(stedfortræder for Anette Vinding (V))"
# a portal's status badge after the name and party, without brackets: "Allan Schack (O) Afbud"
_BADGE_RE = re.compile(r"(?<=\))\s+(?:[-–]\s*)?(afbud|fraværende|forfald)\s*$", re.IGNORECASE)  # or "(V) - Afbud"
_DASH_ROLE_RE = re.compile(r"(?<=\))\s+[-–]\s+([a-zæøå][\wæøå .-]{2,60})$")  # a role after the party and a dash
ABSENT_NOTES = ("afbud", "fraværende", "fravær", "ikke til stede", "forfald", "syg", "deltog ikke")
_NO_ONE = ("ingen", "ingen.", "-", "intet", "ingen afbud")


_ABSENCE_LEAD_RE = re.compile(r"^(?:afbud\s+fra|meldt\s+afbud\s*:)\s*", re.IGNORECASE)


_BRACKETED_RE = re.compile(r"\s*\([^()]{1,40}\)")
_REMARK_RE = re.compile(r"\s+[-–]\s+[a-zæøå][^,;\n]*")


def split_names(text: str) -> list[str]:
    """Names in an absence line: "Anne Hansen (A), Bo Berg og Carl Ø" -> three names."""
    # "Afbud fra Martin Holst (V)", "Poul Erik Skov (kommunalbestyrelsesmedlem)": the party or the role dropped; a
    # remark after a dash too ("Inger Støvring (V) - i stedet mødte stedfortræder ...")
    text = _ABSENCE_LEAD_RE.sub("", _BRACKETED_RE.sub("", _REMARK_RE.sub("", fold_ws(text))))
    out = []
    for part in re.split(r",|;|&|\bog\b|\n", text):
        name = part.strip().strip(".").strip()
        if not name or any(ch.isdigit() for ch in name) or name.casefold() in _NO_ONE:
            continue
        if PARTY_LETTER_RE.match(name):  # "Erling Kastrup, V": the party after a comma (eDoc)
            continue
        if _NAME_RE.match(name):
            out.append(name)
    return out


def _names_only(line: str) -> bool:
    """A line that is a list of names, not a sentence or a heading."""
    parts = [p for p in re.split(r",|;|&|\bog\b", PARTY_RE.sub("", line)) if p.strip(" .")]
    if not line or ABSENCE_RE.match(line) or heading_level(line):
        return False
    names = split_names(line)
    capitalised = all(w[:1].isupper() or w in _NAME_PARTICLES for n in names for w in n.split())
    return bool(parts) and len(names) == len(parts) and capitalised


_NAME_PARTICLES = frozenset(["von", "van", "de", "af", "la", "le", "du", "der"])


def parse_participant(text: str) -> Participant | None:
    """``"Ole Bæk (V) (Afbud)"`` -> Participant("Ole Bæk", absent=True, note="V; Afbud")."""
    name, notes = fold_ws(text).rstrip(" .,;"), []  # "... (stedfortræder for Anette Vinding (V))." ends a sentence
    if (badge := _BADGE_RE.search(name)) is not None:
        name = name[: badge.start()]
        notes.append(badge[1].capitalize())
    elif (role := _DASH_ROLE_RE.search(name)) is not None:  # "Jens Peter Kølle (A) - formand"
        name = name[: role.start()]
        notes.append(role[1])
    while (m := _NOTE_RE.search(name)) is not None:
        notes.insert(0, m.group(1).strip())
        name = name[: m.start()].strip()
    name = name.strip(" .,;")
    if (title := _TITLE_BEFORE_NAME_RE.match(name)) is not None:  # "psykolog Mette Bundgaard", "Dommer Lise Holm"
        notes.append(title[1].lower())  # after the party, which a note names first
        name = name[title.end() :]
    if not name or any(ch.isdigit() for ch in name):
        return None
    absent = any(n.lower().startswith(ABSENT_NOTES) for n in notes)
    return Participant(name=name, absent=absent, note="; ".join(notes))


# a member's title or profession printed before the name: a word in lower case ("psykolog Mette Bundgaard"), or one
# of the titles a body's members are named by ("Dommer Lise Holm" in a Børn og Unge-udvalg, "Borgmester ...",
# "Politiinspektør ..." in a Beredskabskommission)
_TITLE_BEFORE_NAME_RE = re.compile(
    r"^((?!(?:samt|eller|med|fra|ved|hos|for)\s)[a-zæøå][a-zæøå-]{2,30}"
    r"|[A-ZÆØÅ][a-zæøå]*(?:dommer|mester|inspektør|direktør)|Dommer|Rådmand|Formand|Næstformand)\s+(?=[A-ZÆØÅ])")


def absences_in(text: str) -> list[tuple[str, str]]:
    """``(name, note)`` for every meeting-level absence line in ``text``: "Afbud: ...", "Fraværende: ...",
    "X var fraværende", "X var forhindret i at deltage", "X har meldt afbud"."""
    found: list[tuple[str, str]] = []
    lines = [ln.strip() for ln in text.splitlines()]
    for i, line in enumerate(lines):
        m = ABSENCE_RE.match(line)
        if m:
            note = "Afbud" if m["label"].lower().startswith("afbud") else "Fraværende"
            names = m["names"]
            if not names.strip():  # "Fraværende" alone, the names on the next line
                names = next((ln for ln in lines[i + 1 :] if ln), "")
                names = names if _names_only(names) else ""
            found += [(n, note) for n in split_names(names)]
            continue
        m = WAS_ABSENT_RE.match(line)
        if m:
            found += [(n, "Fraværende") for n in split_names(m["names"])]
    return found


def point_absences(text: str) -> list[str]:
    """Names of those who did not take part in one point: the absence lines of its text, "Følgende deltog ikke i
    behandlingen af punktet:" with the names on the same or the next lines, "X deltog ikke i sagens behandling"."""
    out: list[str] = []

    def add(names: list[str]) -> None:
        out.extend(n for n in names if n not in out)

    lines = [ln.strip() for ln in text.splitlines()]
    i = 0
    while i < len(lines):
        line = lines[i]
        m = _FOLLOWING_RE.match(line) or ABSENCE_RE.match(line)
        if m and (m.re is _FOLLOWING_RE or not m["names"].strip()):
            if (m["names"] or "").strip():
                add(split_names(m["names"]))
            else:  # the names follow, one a line or as a list, until a sentence or a heading
                j = i + 1
                while j < len(lines) and not lines[j]:
                    j += 1
                while j < len(lines) and (not lines[j] or _names_only(lines[j].lstrip("-• "))):
                    add(split_names(lines[j].lstrip("-• ")))  # one a line, blank lines between them or not
                    j += 1
                i = j
                continue
        elif (m := _DID_NOT_TAKE_PART_RE.match(line)) is not None:
            add(split_names(m["names"]))
        else:
            add([n for n, _ in absences_in(line)])
        i += 1
    return out
