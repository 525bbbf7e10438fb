"""Robustness sets: the questions of given sets as users also type them, one way per output set.

    python eval/perturb.py OUT_DIR eval/dev*_questions.jsonl

writes OUT_DIR/<way>_questions.jsonl for each way below (gold, fragments and ids as in the source sets), to be run
with `minutes eval OUT_DIR/<way>_questions.jsonl --index DIR` beside the sets as typed (`minutes eval` of the same
source files: the "as typed" column). A way changes only the question (and a follow-up's history alike): what the
assistant must answer stays the same, so any metric that falls is a question read differently for its form.

Ways (each what a user of a chat does; the sentences of "intro" and "intro2" are the asker's role, no topic):
- ascii: Danish questions with æ, ø, å typed as ae, oe, aa (English questions unchanged)
- lower: every question in lower case
- nopunct: the final question mark (or full stop) left out
- greet: "Hej! " / "Hi! " before the question
- thanks: " Tak på forhånd." / " Thanks in advance." after it
- wrap: "Kan du fortælle mig: " / "Can you tell me: " before it (its first letter then lower case)
- intro: one of six sentences about who asks before it, in turn ("Jeg er journalist på lokalavisen.")
- intro2: six other such sentences, written after the assistant's handling of them (a check it carries over)
- form: one of six requests about the answer's form after it, in turn ("Svar gerne kort.", "Please cite the sources.")
- drop: one letter left out of one word of seven letters or more, not of a double letter (fixed random seed)
- typo: two neighbouring letters swapped in one word of seven letters or more (fixed random seed)
"""

from __future__ import annotations

import json
import random
import re
import sys
from collections.abc import Callable
from pathlib import Path

_INTRO = {
    "da": ["Jeg er ny i udvalget.", "Jeg er journalist på lokalavisen.", "Jeg sidder i byrådet for Venstre.",
           "Jeg er borger i kommunen.", "Jeg skal skrive et notat til direktionen.",
           "Jeg er lige startet som sagsbehandler."],
    "en": ["I'm new on the committee.", "I'm a journalist at the local paper.", "I'm a councillor.",
           "I live in the municipality.", "I'm writing a briefing note.", "I just started as a case worker."],
}
_INTRO2 = {
    "da": ["Jeg er nyvalgt og vil gerne forstå sagerne bedre.", "Jeg er udvalgsmedlem.",
           "Jeg er praktikant i kommunen.", "Jeg arbejder i administrationen.", "Jeg bor i kommunen og er nysgerrig.",
           "Jeg skriver en artikel."],
    "en": ["I'm a newly elected member.", "I work in the administration.", "I'm a reporter.",
           "I'm an intern at the municipality.", "I'm a student writing a report.", "I just joined the committee."],
}
_FORM = {
    "da": ["Svar gerne kort.", "Kan du give mig kilden?", "Hold det kort, tak.", "Husk kildehenvisninger.",
           "Gerne i punktform.", "Giv mig gerne et link."],
    "en": ["Please keep it short.", "Can you give me the source?", "Short answer please.", "Please cite the sources.",
           "Be brief.", "Sources please."],
}
_ASCII = str.maketrans({"æ": "ae", "ø": "oe", "å": "aa", "Æ": "Ae", "Ø": "Oe", "Å": "Aa"})
SEED = 7


def _in_one_word(rng: random.Random, slip: Callable[[str, random.Random], str]) -> Callable[[str, str, int], str]:
    """A slip of typing in one word of seven letters or more, chosen at random."""

    def change(text: str, lang: str, i: int) -> str:
        words = list(re.finditer(r"[a-zæøå]{7,}", text))
        if not words:
            return text
        m = rng.choice(words)
        return text[: m.start()] + slip(m.group(0), rng) + text[m.end() :]

    return change


def _swap(w: str, rng: random.Random) -> str:
    at = rng.randrange(1, len(w) - 2)
    return w[:at] + w[at + 1] + w[at] + w[at + 2 :]


def _leave_out(w: str, rng: random.Random) -> str:
    spots = [at for at in range(1, len(w) - 1) if w[at] not in (w[at - 1], w[at + 1])]
    at = rng.choice(spots) if spots else 1
    return w[:at] + w[at + 1 :]


def ways() -> dict[str, Callable[[str, str, int], str]]:
    def first_lower(t: str) -> str:
        return t[:1].lower() + t[1:]

    return {
        "ascii": lambda t, lang, i: t.translate(_ASCII) if lang == "da" else t,
        "lower": lambda t, lang, i: t.lower(),
        "nopunct": lambda t, lang, i: re.sub(r"[?!.]+\s*$", "", t.strip()),
        "greet": lambda t, lang, i: ("Hej! " if lang == "da" else "Hi! ") + t,
        "thanks": lambda t, lang, i: t + (" Tak på forhånd." if lang == "da" else " Thanks in advance."),
        "wrap": lambda t, lang, i: ("Kan du fortælle mig: " if lang == "da" else "Can you tell me: ") + first_lower(t),
        "intro": lambda t, lang, i: f"{_INTRO[lang][i % 6]} {t}",
        "form": lambda t, lang, i: f"{t} {_FORM[lang][i % 6]}",
        "intro2": lambda t, lang, i: f"{_INTRO2[lang][i % 6]} {t}",
        "typo": _in_one_word(random.Random(SEED), _swap),
        "drop": _in_one_word(random.Random(SEED), _leave_out),
    }


def main(argv: list[str]) -> int:
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    out = Path(argv[0])
    out.mkdir(parents=True, exist_ok=True)
    questions = [json.loads(line) for path in argv[1:] for line in Path(path).read_text(encoding="utf-8").splitlines()
                 if line.strip()]
    for name, change in ways().items():
        rows = []
        for i, q in enumerate(questions):
            lang = "en" if q.get("lang") == "en" else "da"
            row = dict(q, question=change(q["question"], lang, i))
            if q.get("history"):
                row["history"] = [change(h, lang, i) if name in ("ascii", "lower") else h for h in q["history"]]
            rows.append(row)
        path = out / f"{name}_questions.jsonl"
        path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
        print(f"{path}: {len(rows)} questions")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
