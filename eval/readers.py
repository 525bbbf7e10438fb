"""How well the readers read minutes of layouts they were not written on: each document of a folder against the
structure a careful reader writes down for it (``<document>.gold.json``), field by field.

    .venv/bin/python eval/readers.py eval/readers/dev            # the fields, counted over the folder
    .venv/bin/python eval/readers.py eval/readers/dev --verbose  # and each difference

The folders hold synthetic minutes of other municipalities than the shared corpus's, each in its own layout
(FirstAgenda and ESDH prints, PolWeb, decision trails, OS2dagsorden, ASP.NET and Drupal portals), written from
FORMATS.md by helpers who read no code: ``dev`` to ``dev9`` (14, 14, 14, 14, 10, 12, 12, 12 and 12) were read while
the readers were fixed, each new one first run before any change for it; ``dev10`` (10) is only first run so far;
``holdout`` to ``holdout4`` (14, 14, 12 and 12, other municipalities again) are only counted. The gold format:

    {"municipality": "Vejle Kommune" | null, "committee": ..., "date": "2024-09-25", "start_time": "16:00" | null,
     "place": ... | null, "participants": [names present], "absent": [names absent],
     "points": [{"number": "1", "title": ..., "case_number": ... | null, "closed": false,
                 "decision": first sentence of the decision | null, "votes_against": [letters or names]}]}
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.readers import read_file  # noqa: E402
from assistant.settings import Settings  # noqa: E402

FIELDS = ("read", "municipality", "committee", "date", "time", "place", "present", "absent", "points", "title",
          "case_number", "closed", "decision", "votes_against")  # fmt: skip


def _norm(value: object) -> object:
    if value is None:
        return None
    if isinstance(value, list):
        return sorted(_norm(v) for v in value)
    text = unicodedata.normalize("NFC", str(value))
    return re.sub(r"\s+", " ", text).strip().rstrip(".").casefold()


def _decision_matches(got: str | None, gold: str | None) -> bool:
    """The gold's first sentence begins the decision read (or the decision read begins with its first 60 letters)."""
    if got is None or gold is None:
        return got is None and gold is None
    g, d = _norm(gold), _norm(got)
    return g in d or d.startswith(g[:60])


def score(doc: Path, settings: Settings) -> tuple[dict[str, list[bool]], list[str]]:
    """Per field, whether each value was read as the gold has it; and the differences, for reading."""
    gold = json.loads(Path(f"{doc}.gold.json").read_text(encoding="utf-8"))
    result = read_file(doc, settings)
    m = result.meeting if result.ok else None
    out: dict[str, list[bool]] = {f: [] for f in FIELDS}
    diffs: list[str] = []

    def check(field: str, got: object, want: object) -> None:
        ok = _norm(got) == _norm(want)
        out[field].append(ok)
        if not ok:
            diffs.append(f"{field}: {got!r} != {want!r}")

    check("read", m is not None, True)
    people = m.participants if m else []
    check("municipality", m.municipality if m else None, gold.get("municipality"))
    check("committee", m.committee if m else None, gold.get("committee"))
    check("date", m.start.date().isoformat() if m and m.start else None, gold.get("date"))
    check("time", m.start.strftime("%H:%M") if m and m.start and m.has_time else None, gold.get("start_time"))
    check("place", m.place if m else None, gold.get("place"))
    check("present", [p.name for p in people if not p.absent], gold.get("participants", []))
    check("absent", [p.name for p in people if p.absent], gold.get("absent", []))
    points = {p.number: p for p in (m.points if m else [])}
    check("points", list(points), [p["number"] for p in gold["points"]])
    for g in gold["points"]:
        p = points.get(g["number"])
        check("title", p.title if p else None, g["title"])
        check("case_number", p.case_number if p else None, g.get("case_number"))
        check("closed", p.closed if p else None, g.get("closed"))
        ok = _decision_matches(p.decision if p else None, g.get("decision"))
        out["decision"].append(ok)
        if not ok:
            diffs.append(f"decision {g['number']}: {(p.decision if p else None)!r:.100} != {g.get('decision')!r:.100}")
        # the gold writes who voted against by letters or by names, as the document prints them ("Søren Hede (C)
        # stemte imod" as the name, "Ø og Æ stemte imod" as letters): a vote read with both matches either
        against = [v for v in (p.votes if p else []) if v.position == "against"]
        letters = sorted({x for v in against for x in (v.parties or v.who)})
        names = sorted({x for v in against for x in (v.who or v.parties)})
        want = g.get("votes_against") or []
        check("votes_against", names if _norm(names) == _norm(want) else letters, want)
    return out, diffs


def main(argv: list[str]) -> int:
    folder = Path(argv[0])
    verbose = "--verbose" in argv
    settings = Settings()
    total: dict[str, list[bool]] = {f: [] for f in FIELDS}
    for gold in sorted(folder.glob("*.gold.json")):
        doc = Path(str(gold)[: -len(".gold.json")])
        fields, diffs = score(doc, settings)
        for f, oks in fields.items():
            total[f] += oks
        if verbose:
            print(f"{doc.name}: {len(diffs)} differences")
            for d in diffs:
                print("   ", d)
    print(f"{'field':14} {'right':>7}")
    for f, oks in total.items():
        print(f"{f:14} {sum(oks):>3}/{len(oks):<3}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
