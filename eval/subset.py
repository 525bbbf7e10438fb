"""Write the questions of question sets that one municipality's minutes answer, to evaluate an index of that
municipality alone (a municipality's first meetings: a small index, as a new customer's is).

    python eval/subset.py "Ballerup Kommune" eval/dev*_questions.jsonl > /tmp/ballerup_questions.jsonl
    minutes ingest ../shared/corpus/ballerup --index /tmp/ballerup
    minutes eval /tmp/ballerup_questions.jsonl --index /tmp/ballerup

Kept: an answerable question whose gold points are all of the municipality, and an unanswerable one that names it
("Hvad besluttede kommunalbestyrelsen i Ballerup ...?"). Follow-ups are kept with their history. Unanswerable
questions that name no municipality are left out: over another municipality's minutes they are off topic and all
but always refused.
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path


def subset(municipality: str, paths: list[Path]) -> list[str]:
    name = re.sub(r"\s+kommune$", "", municipality.strip(), flags=re.I)
    named = re.compile(rf"(?<![\wæøå]){re.escape(name)}", re.I)
    out = []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            question = json.loads(line)
            gold = question.get("gold") or []
            if gold and all(g.get("municipality") == municipality for g in gold):
                out.append(line)
            elif not gold and named.search(question["question"]):
                out.append(line)
    return out


def main(argv: list[str]) -> None:
    if len(argv) < 2:
        sys.exit(__doc__)
    for line in subset(argv[0], [Path(p) for p in argv[1:]]):
        print(line)


if __name__ == "__main__":
    main(sys.argv[1:])
