"""Words that give away the other language, for the one-language-at-a-time tests.

Two kinds: typical function words of each language (a string of one language must not contain the other's), and
the distinctive words of each surface's texts: a word one language's texts use and the other's never do, and that
the test minutes (Danish in both UIs) do not contain. Gradio's own English words are added: they are not in our tables.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# Typical words; none is a word of the other language (no "for", "at", "i", "under", "over", "to").
DA_TYPICAL = frozenset(
    "og af er ikke med til fra ingen den det et på som kun vis møde møder punkt punkter fil filer eller alle "
    "hvad hvem hvor skriv vælg mappe sprog standard fejl mangler findes kilde kilder svar spørgsmål udvalget "
    "sag sagen referaterne dato".split()
)
EN_TYPICAL = frozenset(
    "the and of is are not with this that from no only show file files meeting meetings item items or all what "
    "who where write choose folder language default error missing exists source sources answer question "
    "committee case date please warning".split()
)
# Gradio's built-in English words that could appear on the page (toasts, upload area, buttons).
GRADIO_EN = frozenset(
    "drop upload click warning error clear loading submit copy copied here like dislike chatbot username password "
    "incorrect credentials remove".split()
)

_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_CODE = re.compile(r"`[^`]*`|\{[^{}]*\}|https?://\S+|\b[A-Z][A-Z0-9]*_[A-Z0-9_]+\b|\b[\w.-]+\.(?:dk|md|txt|json|docx|csv|bib|ris|pdf|html)\b")


def words(text: str) -> set[str]:
    """Lower-case words of ``text``, without placeholders, code, addresses, file names and env variable names."""
    return {w.lower() for w in _WORD.findall(_CODE.sub(" ", text))}


def table_words(tables: Iterable[dict], lang: str) -> set[str]:
    out: set[str] = set()
    for table in tables:
        for entry in table.values():
            value = entry.get(lang, "")
            out |= words(" ".join(value) if isinstance(value, tuple) else value)
    return out


def corpus_words(*folders: Path) -> set[str]:
    """Every word of the minutes in ``folders`` (text and the strings of JSON files)."""
    out: set[str] = set()
    for folder in folders:
        for path in folder.rglob("*"):
            if path.suffix == ".json":
                out |= words(" ".join(_strings(json.loads(path.read_text(encoding="utf-8")))))
            elif path.suffix in (".txt", ".toml", ".md"):
                out |= words(path.read_text(encoding="utf-8"))
    return out


def _strings(value) -> Iterable[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for v in value.values():
            yield from _strings(v)
    elif isinstance(value, list):
        for v in value:
            yield from _strings(v)


def distinctive(tables: Iterable[dict], minutes: set[str]) -> dict[str, set[str]]:
    """{"da": words only the Danish texts use, "en": ... only the English}, minus the minutes' words."""
    tables = list(tables)
    da, en = table_words(tables, "da"), table_words(tables, "en")
    return {"da": (da - en) - minutes, "en": ((en - da) | GRADIO_EN) - minutes}


def other_language(text: str, lang: str, vocab: dict[str, set[str]], ignore: Iterable[str] = ()) -> set[str]:
    """The words of ``text`` that belong to the language other than ``lang`` (``ignore``: identifiers)."""
    return (words(text) - set(ignore)) & vocab["en" if lang == "da" else "da"]
