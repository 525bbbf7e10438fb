"""Danish typed without æ, ø and å ("paa det ekstraordinaere moede") in the spelling the minutes use."""

from __future__ import annotations

import re
from collections.abc import Callable

from assistant.query import DA_STOP, EN_STOP

_ASCII_DIGRAPH = re.compile(r"aa|ae|oe", re.I)
_ASCII_LETTER = {"aa": "å", "ae": "æ", "oe": "ø"}
MAX_DIGRAPHS = 3  # a word with more is left as typed (2^n spellings to try)


def fold_ascii_danish(text: str, known: Callable[[str], bool]) -> str:
    """Danish typed without æ, ø and å ("paa det ekstraordinaere moede") in its own spelling: a word the minutes do
    not use becomes the first spelling with aa -> å, ae -> æ, oe -> ø that ``known(word)`` accepts (the index's
    vocabulary) or that is a Danish stop word. Words the minutes use ("Aarhus", "poesi") are kept."""

    def fold(m: re.Match[str]) -> str:
        word = m.group(0)
        low = word.lower()
        spots = [d.start() for d in _ASCII_DIGRAPH.finditer(low)]
        if not spots or len(spots) > MAX_DIGRAPHS or low in DA_STOP or low in EN_STOP or known(low):
            return word
        for mask in range(1, 2 ** len(spots)):
            out, last = [], 0
            for i, at in enumerate(spots):
                if mask >> i & 1:
                    out += [low[last:at], _ASCII_LETTER[low[at : at + 2]]]
                    last = at + 2
            cand = "".join([*out, low[last:]])
            if cand in DA_STOP or known(cand):
                return cand[:1].upper() + cand[1:] if word[:1].isupper() else cand
        return word

    return re.sub(r"[^\W\d_]+", fold, text)
