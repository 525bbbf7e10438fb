"""What a parse found, per file, and the warnings that say what to check before indexing (``minutes parse --report``).

``parse_gaps(meeting)`` is the check the ingest prints for a file whose parse looks incomplete.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

from assistant.messages import Translated
from assistant.prompts import plural
from assistant.records import Meeting, ReadResult

# Below these shares a parse looks incomplete. Every case-bearing point has a case number, but the formal points
# ("Godkendelse af dagsorden", "Eventuelt", "Godkendelse af referat") often have none: the Slagelse referat prints one
# for 1 of its 5 points. So a short meeting is flagged only when no point has one (the failure: 0 of 21), a
# meeting of MIN_POINTS_FOR_SHARE points or more also when fewer than half have one. In a referat every open point
# carries a decision, except a formal one ("Underskriftsark", "Eventuelt": Greve's 3-point meetings end with one), so
# one undecided point is never flagged. MIN_POINTS_FOR_SHARE: the formal points at a meeting's start and end (up to
# four: dagsorden, referat, meddelelser, eventuelt) are half of a shorter meeting, so below it a share says nothing.
MIN_CASE_SHARE = 0.5
MIN_POINTS_FOR_SHARE = 8
MIN_DECISION_SHARE = 0.8


# The report's words in Danish and English (the CLI speaks English with --lang en); nouns as (singular, plural).
WORDS: dict[str, dict[str, object]] = {
    "da": {
        "of": "af", "point": ("punkt", "punkter"), "open": ("åbent punkt", "åbne punkter"), "file": ("fil", "filer"),
        "participant": ("deltager", "deltagere"), "vote": ("afstemning/holdning", "afstemninger/holdninger"),
        "case_gap": "{n} har et sagsnummer: tjek om sagsnumrene står i dokumentet i en form, læseren ikke kender "
                    "(fx 24-012144, EMN-2025-003383, Sagsnr.: 2012-28504)",
        "decision_gap": "{n} har en beslutning: tjek om beslutningens overskrift (fx 'Beslutning', 'Udvalgets "
                        "beslutning', 'Beslutning i X den ...') er genkendt",
        "untitled_gap": "{n} begynder med tekst uden overskrift: tjek om en overskrift står på samme linje som "
                        "titlen eller sagsnummeret",
        "people_gap": "Ingen deltagere fundet: tjek om mødets deltagere står under en kendt overskrift "
                      "(Mødedeltagere, Medlemmer, Tilstede)",
        "unknown_municipality": "ukendt kommune", "unknown_committee": "ukendt udvalg", "unknown_date": "ukendt dato",
        "not_read": "ikke læst", "case": "sagsnummer", "decision": "beslutning", "opens": "åbne",
        "absent": "fraværende", "point_absences": ("fravær ved et enkelt punkt", "fravær ved enkelte punkter"),
        "warning": "Advarsel",
        "total": "I alt", "read": "læst", "in_referat": "af åbne punkter i referater",
        "with_warnings": "med advarsler", "formats": "formater",
    },
    "en": {
        "of": "of", "point": ("item", "items"), "open": ("open item", "open items"), "file": ("file", "files"),
        "participant": ("participant", "participants"), "vote": ("vote/position", "votes/positions"),
        "case_gap": "{n} have a case number: check whether the document prints its case numbers in a form the "
                    "reader does not know (e.g. 24-012144, EMN-2025-003383, Sagsnr.: 2012-28504)",
        "decision_gap": "{n} have a decision: check whether the decision heading (e.g. 'Beslutning', 'Udvalgets "
                        "beslutning', 'Beslutning i X den ...') is recognised",
        "untitled_gap": "{n} begin with text without a heading: check whether a heading is on the same line as the "
                        "title or the case number",
        "people_gap": "No participants found: check whether the meeting's participants are under a known heading "
                      "(Mødedeltagere, Medlemmer, Tilstede)",
        "unknown_municipality": "unknown municipality", "unknown_committee": "unknown committee",
        "unknown_date": "unknown date", "not_read": "not read", "case": "case number", "decision": "decision",
        "opens": "open", "absent": "absent", "warning": "Warning",
        "point_absences": ("absence from a single item", "absences from single items"),
        "total": "Total", "read": "read", "in_referat": "of open items in minutes", "with_warnings": "with warnings",
        "formats": "formats",
    },
}  # fmt: skip


def _w(lang: str, key: str) -> str:
    return str(WORDS.get(lang, WORDS["da"])[key])


def _count(lang: str, n: int, noun: str) -> str:
    one, many = WORDS.get(lang, WORDS["da"])[noun]  # type: ignore[misc]
    return plural(n, one, many)


def _of(n: int, total: int, noun: str, lang: str = "da") -> str:
    """ "0 af 21 punkter", "1 af 1 punkt", "0 of 21 items"."""
    return f"{n} {_w(lang, 'of')} {_count(lang, total, noun)}"


@dataclass
class FileReport:
    path: str
    format: str = ""
    municipality: str = ""
    committee: str = ""
    date: str = ""
    kind: str = ""
    points: int = 0
    with_case: int = 0
    with_decision: int = 0
    open_points: int = 0
    participants: int = 0
    absent: int = 0
    point_absences: int = 0
    votes: int = 0
    warnings: list[str] = field(default_factory=list)
    error: str = ""

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


def gap_warnings(meeting: Meeting) -> list[Translated]:
    """:func:`parse_gaps` in both languages, each warning one Translated text (shown in the CLI's language)."""
    pairs = zip(parse_gaps(meeting, "da"), parse_gaps(meeting, "en"), strict=True)  # the same checks in both
    return [Translated({"da": da, "en": en}) for da, en in pairs]


def parse_gaps(meeting: Meeting, lang: str = "da") -> list[str]:
    """Warnings (Danish, or English) for what a parse seems to have missed: case numbers, decisions, headings,
    participants."""
    out: list[str] = []
    points = meeting.points
    n = len(points)
    with_case = sum(1 for p in points if p.case_number)
    if n >= 2 and (with_case == 0 or (n >= MIN_POINTS_FOR_SHARE and with_case < MIN_CASE_SHARE * n)):
        out.append(_w(lang, "case_gap").format(n=_of(with_case, n, "point", lang)))
    open_points = [p for p in points if not p.closed]
    if meeting.kind == "referat" and open_points:
        decided = sum(1 for p in open_points if p.decision)
        if decided < MIN_DECISION_SHARE * len(open_points) and len(open_points) - decided >= 2:
            out.append(_w(lang, "decision_gap").format(n=_of(decided, len(open_points), "open", lang)))
    untitled = sum(1 for p in open_points if p.sections and not p.sections[0].heading and len(p.sections) > 1)
    if untitled and untitled >= max(2, len(open_points) // 2):
        out.append(_w(lang, "untitled_gap").format(n=_of(untitled, len(open_points), "point", lang)))
    if not meeting.participants and meeting.kind == "referat" and n > 1:  # an item published alone has no cover
        out.append(_w(lang, "people_gap"))
    return out


def file_report(result: ReadResult, lang: str = "da") -> FileReport:
    r = FileReport(path=result.path, warnings=list(result.warnings))
    if result.error is not None:
        r.error = f"{result.error.problem}" + (f" ({result.error.hint})" if result.error.hint else "")
    m = result.meeting
    if m is None:
        return r
    r.format, r.municipality, r.committee = m.source_format, m.municipality or "", m.committee
    r.date, r.kind, r.points = m.date_iso, m.kind, len(m.points)
    r.with_case = sum(1 for p in m.points if p.case_number)
    r.open_points = sum(1 for p in m.points if not p.closed)
    r.with_decision = sum(1 for p in m.points if p.decision and not p.closed)
    r.participants, r.absent = len(m.participants), len(m.absent)
    r.point_absences = sum(len(p.absent) for p in m.points)
    r.votes = sum(len(p.votes) for p in m.points)
    r.warnings += [w for w in parse_gaps(m, lang) if w not in r.warnings]
    return r


def _pct(n: int, total: int) -> str:
    return f"{round(100 * n / total)} %" if total else "-"


def render(reports: list[FileReport], root: str = "", lang: str = "da") -> list[str]:
    """One block per file and an overall line."""
    out: list[str] = []
    for r in reports:
        name = r.path[len(root) :].lstrip("/") if root and r.path.startswith(root) else r.path
        if r.error:
            out.append(f"{name}: {_w(lang, 'not_read')}: {r.error}")
            continue
        out.append(
            f"{name}: {r.format} · {r.municipality or _w(lang, 'unknown_municipality')} · "
            f"{r.committee or _w(lang, 'unknown_committee')} · {r.date or _w(lang, 'unknown_date')} · {r.kind}"
        )
        facts = [
            _count(lang, r.points, "point"),
            f"{_w(lang, 'case')} {r.with_case}/{r.points} ({_pct(r.with_case, r.points)})",
        ]
        if r.kind == "referat":
            facts.append(f"{_w(lang, 'decision')} {r.with_decision}/{r.open_points} {_w(lang, 'opens')} "
                         f"({_pct(r.with_decision, r.open_points)})")  # fmt: skip
        facts.append(f"{_count(lang, r.participants, 'participant')}, {r.absent} {_w(lang, 'absent')}")
        if r.point_absences:
            facts.append(_count(lang, r.point_absences, "point_absences"))
        if r.votes:
            facts.append(_count(lang, r.votes, "vote"))
        out.append("    " + " · ".join(facts))
        out += [f"    {_w(lang, 'warning')}: {w}" for w in r.warnings]
    out.append(overall(reports, lang))
    return out


def overall(reports: list[FileReport], lang: str = "da") -> str:
    read = [r for r in reports if not r.error]
    points = sum(r.points for r in read)
    cases = sum(r.with_case for r in read)
    referat = [r for r in read if r.kind == "referat"]
    open_points = sum(r.open_points for r in referat)
    decided = sum(r.with_decision for r in referat)
    warned = sum(1 for r in read if r.warnings)
    formats = Counter(r.format for r in read)
    return (
        f"{_w(lang, 'total')}: {_count(lang, len(reports), 'file')}, {len(read)} {_w(lang, 'read')}, "
        f"{len(reports) - len(read)} {_w(lang, 'not_read')} · {_count(lang, points, 'point')} · "
        f"{_w(lang, 'case')} {_pct(cases, points)} · {_w(lang, 'decision')} {_pct(decided, open_points)} "
        f"{_w(lang, 'in_referat')} · {_count(lang, warned, 'file')} {_w(lang, 'with_warnings')} · "
        f"{_w(lang, 'formats')}: " + ", ".join(f"{k} {v}" for k, v in formats.most_common())
    )


def overall_dict(reports: list[FileReport]) -> dict[str, Any]:
    read = [r for r in reports if not r.error]
    referat = [r for r in read if r.kind == "referat"]
    return {
        "files": len(reports),
        "read": len(read),
        "not_read": len(reports) - len(read),
        "points": sum(r.points for r in read),
        "with_case": sum(r.with_case for r in read),
        "open_points_in_referat": sum(r.open_points for r in referat),
        "with_decision_in_referat": sum(r.with_decision for r in referat),
        "files_with_warnings": sum(1 for r in read if r.warnings),
        "formats": dict(Counter(r.format for r in read)),
        "line": overall(reports, "da"),
    }
