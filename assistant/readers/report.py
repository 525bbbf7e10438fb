"""What a parse found, per file, and the warnings that say what to check before indexing (``minutes parse --report``).

``parse_gaps(meeting)`` is the check the ingest prints for a file whose parse looks incomplete.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

from assistant.records import Meeting, ReadResult

# Below these shares a parse looks incomplete. Every case-bearing point has a case number, but the formal points
# ("Godkendelse af dagsorden", "Eventuelt", "Godkendelse af referat") often have none: the Slagelse referat prints one
# for 1 of its 5 points. So a short meeting is flagged only when no point has one (the failure: 0 of 21), a
# meeting of MIN_POINTS_FOR_SHARE points or more also when fewer than half have one. In a referat every open point
# carries a decision, except a formal one ("Underskriftsark", "Eventuelt": Greve's 3-point meetings end with one), so
# one undecided point is never flagged.
MIN_CASE_SHARE = 0.5
MIN_POINTS_FOR_SHARE = 8
MIN_DECISION_SHARE = 0.8


def plural(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _of(n: int, total: int, one: str, many: str) -> str:
    """ "0 af 21 punkter", "1 af 1 punkt"."""
    return f"{n} af {plural(total, one, many)}"


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


def parse_gaps(meeting: Meeting) -> list[str]:
    """Danish warnings for what a parse seems to have missed: case numbers, decisions, headings, participants."""
    out: list[str] = []
    points = meeting.points
    n = len(points)
    with_case = sum(1 for p in points if p.case_number)
    if n >= 2 and (with_case == 0 or (n >= MIN_POINTS_FOR_SHARE and with_case < MIN_CASE_SHARE * n)):
        out.append(
            f"{_of(with_case, n, 'punkt', 'punkter')} har et sagsnummer: tjek om sagsnumrene står i dokumentet i en "
            "form, læseren ikke kender (fx 24-012144, EMN-2025-003383, Sagsnr.: 2012-28504)"
        )
    open_points = [p for p in points if not p.closed]
    if meeting.kind == "referat" and open_points:
        decided = sum(1 for p in open_points if p.decision)
        if decided < MIN_DECISION_SHARE * len(open_points) and len(open_points) - decided >= 2:
            out.append(
                f"{_of(decided, len(open_points), 'åbent punkt', 'åbne punkter')} har en beslutning: tjek om "
                "beslutningens overskrift (fx 'Beslutning', 'Udvalgets beslutning', 'Beslutning i X den ...') er "
                "genkendt"
            )
    untitled = sum(1 for p in open_points if p.sections and not p.sections[0].heading and len(p.sections) > 1)
    if untitled and untitled >= max(2, len(open_points) // 2):
        out.append(
            f"{_of(untitled, len(open_points), 'punkt', 'punkter')} begynder med tekst uden overskrift: tjek om "
            "en overskrift står på samme linje som titlen eller sagsnummeret"
        )
    if not meeting.participants and meeting.kind == "referat" and n > 1:  # an item published alone has no cover
        out.append("Ingen deltagere fundet: tjek om mødets deltagere står under en kendt overskrift "
                   "(Mødedeltagere, Medlemmer, Tilstede)")  # fmt: skip
    return out


def file_report(result: ReadResult) -> FileReport:
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
    r.warnings += [w for w in parse_gaps(m) if w not in r.warnings]
    return r


def _pct(n: int, total: int) -> str:
    return f"{round(100 * n / total)} %" if total else "-"


def render(reports: list[FileReport], root: str = "") -> list[str]:
    """One block per file and an overall line, in Danish."""
    out: list[str] = []
    for r in reports:
        name = r.path[len(root) :].lstrip("/") if root and r.path.startswith(root) else r.path
        if r.error:
            out.append(f"{name}: ikke læst: {r.error}")
            continue
        out.append(
            f"{name}: {r.format} · {r.municipality or 'ukendt kommune'} · {r.committee or 'ukendt udvalg'} · "
            f"{r.date or 'ukendt dato'} · {r.kind}"
        )
        facts = [
            plural(r.points, "punkt", "punkter"),
            f"sagsnummer {r.with_case}/{r.points} ({_pct(r.with_case, r.points)})",
        ]
        if r.kind == "referat":
            facts.append(f"beslutning {r.with_decision}/{r.open_points} åbne ({_pct(r.with_decision, r.open_points)})")
        facts.append(f"{plural(r.participants, 'deltager', 'deltagere')}, {r.absent} fraværende")
        if r.point_absences:
            facts.append(f"{r.point_absences} fravær ved enkelte punkter")
        if r.votes:
            facts.append(plural(r.votes, "afstemning/holdning", "afstemninger/holdninger"))
        out.append("    " + " · ".join(facts))
        out += [f"    Advarsel: {w}" for w in r.warnings]
    out.append(overall(reports))
    return out


def overall(reports: list[FileReport]) -> str:
    read = [r for r in reports if not r.error]
    points = sum(r.points for r in read)
    cases = sum(r.with_case for r in read)
    referat = [r for r in read if r.kind == "referat"]
    open_points = sum(r.open_points for r in referat)
    decided = sum(r.with_decision for r in referat)
    warned = sum(1 for r in read if r.warnings)
    formats = Counter(r.format for r in read)
    return (
        f"I alt: {plural(len(reports), 'fil', 'filer')}, {len(read)} læst, {len(reports) - len(read)} ikke læst · "
        f"{plural(points, 'punkt', 'punkter')} · sagsnummer {_pct(cases, points)} · "
        f"beslutning {_pct(decided, open_points)} af åbne punkter i referater · "
        f"{plural(warned, 'fil', 'filer')} med advarsler · formater: "
        + ", ".join(f"{k} {v}" for k, v in formats.most_common())
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
        "line": overall(reports),
    }
