"""A question's words in the spelling the minutes use: Danish typed without æ, ø and å ("paa det ekstraordinaere
moede"), and slips of typing ("socailudvalget")."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache

from assistant.bm25 import TYPO_MIN_CHARS, TYPO_MIN_CHUNKS
from assistant.bodies import aliases
from assistant.query import DA_STOP, EN_STOP
from assistant.textutil import WORD, swaps_and_undoubled, with_a_letter_more
from assistant.translate import in_word_list, slips

_ASCII_DIGRAPH = re.compile(r"aa|ae|oe", re.I)
_OPENS_SENTENCE = re.compile(r"(?:^|[.!?:;\"«»“”(–-])\s*$")  # what precedes a sentence's first word
_ASCII_LETTER = {"aa": "å", "ae": "æ", "oe": "ø"}
MAX_DIGRAPHS = 3  # a word with more is left as typed (2^n spellings to try)
# A spelling the minutes use this many times more than the word as typed is the one meant: the typed form is then a
# stray of text extracted without its letters (an e-mail address, a PDF's "moede"). On the full corpus (304 files,
# 2026-12-05): "moede" 2 chunks / "møde" 2,725, "boern" 2 / "børn" 2,431, "raad" 1 / "råd" 671; a name the minutes
# spell both ways is kept: "aarhus" 4 / "århus" 5.
FOLD_RATIO = 10
# A Danish verb's past tense the minutes never use ("arvede", "satsede") is one letter from their present participle
# ("arvende"), not a slip of it: no letter is taken as left out of its ending (BM25Index.correction leaves "-ede" words
# as typed too). (Any word's last three letters so: 32 more of the 1,222 dev questions with a letter left out were
# answered wrong or refused, mostly names: "Roskile", "Syddurs".)
PAST_ENDING = 3
# A word longer than this is taken as typed: longer than any word of the minutes (the full corpus's longest stem has 36
# letters, "informationssikkerhedsforanstaltning"), and a hostile question's "word" costs no candidates
MAX_SLIP_CHARS = 40
MAX_SLIPS = 12  # unknown words of one question looked up for slips (a few hundred candidates each); the rest as typed
MIN_AFFIX = 3  # letters of the known word that begins or ends an unknown compound ("råd" of "integrationsrådet")


def _cased_as(typed: str, word: str) -> str:
    """``word`` with a capital first letter when ``typed`` has one."""
    return word[:1].upper() + word[1:] if typed[:1].isupper() else word


def _use(word: str, spots: list[tuple[int, int]], used: Callable[[str], float]) -> float:
    """How much the minutes use ``word``, a spelling tried: as a whole, or, for a compound they never use
    ("svømmeprojektet", "integrationsrådet"), by its letters folded and digraphs kept (``spots``: start, length), each
    in a known word that begins or ends it ("svøm", "råd"): the least used such letter's most used word."""
    whole = used(word)
    if whole or not spots:
        return whole
    n = len(word)
    covers = []
    for at, size in spots:
        affixes = [word[:end] for end in range(max(MIN_AFFIX, at + size), n)]
        affixes += [word[start:] for start in range(1, at + 1) if n - start >= MIN_AFFIX]
        covers.append(max((used(a) for a in affixes), default=0.0))
    return min(covers)


def fold_ascii_danish(text: str, used: Callable[[str], float]) -> str:
    """Danish typed without æ, ø and å ("paa det ekstraordinaere moede") in its own spelling: a word becomes the
    spelling with aa -> å, ae -> æ, oe -> ø that ``used(word)`` (how much the index's minutes use it: in how many
    chunks, or what share of them) finds most used,
    when that is FOLD_RATIO times the word as typed, or a Danish stop word. Words the minutes use as typed ("Aarhus",
    "poesi") are kept."""

    def fold(m: re.Match[str]) -> str:
        word = m.group(0)
        low = word.lower()
        spots = [d.start() for d in _ASCII_DIGRAPH.finditer(low)]
        if not spots or len(spots) > MAX_DIGRAPHS or low in DA_STOP or low in EN_STOP:
            return word
        best, best_use = word, FOLD_RATIO * used(low)
        for mask in range(1, 2 ** len(spots)):
            out: list[str] = []
            last, places = 0, []
            for i, at in enumerate(spots):
                out.append(low[last:at])
                start = sum(map(len, out))
                folded = mask >> i & 1
                out.append(_ASCII_LETTER[low[at : at + 2]] if folded else low[at : at + 2])
                places.append((start, 1 if folded else 2))
                last = at + 2
            cand = "".join([*out, low[last:]])
            if cand in DA_STOP:
                return _cased_as(word, cand)
            use = _use(cand, places, used)
            if use > best_use:
                best, best_use = _cased_as(word, cand), use
        return best

    return WORD.sub(fold, text)


_BODY_ENDINGS = ("", "et", "ets", "s", "ene", "enes")  # "teknikudvalg", "-udvalget", "-udvalgets", "-rådene"


@lru_cache(maxsize=8)
def _body_names(committees: tuple[str, ...]) -> frozenset[str]:
    """The one-word names the index's committees go by (bodies.aliases: "teknikudvalg", "planudvalg", "byråd"), of
    TYPO_MIN_CHARS letters or more."""
    return frozenset(a for name in committees for a in aliases(name) if " " not in a and len(a) >= TYPO_MIN_CHARS)


def with_body_names(count: Callable[[str], int], committees: tuple[str, ...]) -> Callable[[str], int]:
    """``count`` for which a one-word name of a committee of the index, with the endings of a body, is used at least
    TYPO_MIN_CHUNKS times: minutes write "Klima-, Teknik- og Miljøudvalget", people "teknikudvalget", and its slip
    ("tkenikudvalget") means the committee."""
    names = _body_names(committees)

    def counted(word: str) -> int:
        n = count(word)
        if n >= TYPO_MIN_CHUNKS or len(word) < TYPO_MIN_CHARS:
            return n
        known = any(word[: len(word) - len(e)] in names for e in _BODY_ENDINGS if word.endswith(e))
        return TYPO_MIN_CHUNKS if known else n

    return counted


def correct_slips(text: str, count: Callable[[str], int], english: bool = False,
                  written: Callable[[str], bool] | None = None) -> str:
    """``text`` with its words that are slips of typing ("socailudvalget", "skoleudvalegt", "aploogies") spelled as
    meant: a word of TYPO_MIN_CHARS letters or more that the minutes never use becomes the word two neighbouring
    letters swapped, or a double letter written once, make of it, else a letter left out ("lægeerklæinger"), when the
    minutes use that word in TYPO_MIN_CHUNKS chunks or more (the most used, as BM25Index.correction chooses;
    ``count``: in how many chunks the minutes use a word); an English question's word that is not in the English word
    list, also an English word so made ("aploogies" -> apologies, "parnets" -> parents, "cimate" -> climate; a word
    the list lacks that joins two of its words, as english_word takes "heedland" and "parnets", is no evidence of
    English: "Heedland" -> Hedeland, a name the minutes use). Before the question is read, so a mistyped committee's
    name is the committee. ``written``: whether the minutes write a word as it is (Catalog.words, or a committee's
    one-word name): a Danish word meant must be (``count`` counts a word by its stem, and a slip's stem is often a
    common one's: over three Greve meetings "Slagelse" became "salgelse", of "salg")."""

    meant_for: dict[tuple[str, bool], str] = {}  # each word once ("skolelærer ... skolelærer")
    ok = written or (lambda _: True)

    def fix(m: re.Match[str]) -> str:
        word = m.group(0)
        low = word.lower()
        if not TYPO_MIN_CHARS <= len(low) <= MAX_SLIP_CHARS or low in DA_STOP or low in EN_STOP or count(low):
            return word
        if english and in_word_list(low):
            return word
        # a capital inside a sentence: a name ("What happened at Mosede Fort?"), which the English word list's form
        # guesses would make an English word of ("moseed"); only a word the minutes write is meant for it
        name = word[:1].isupper() and not _OPENS_SENTENCE.search(text[: m.start()])
        if (low, name) not in meant_for:
            meant_for[low, name] = meant_by(low, name) if len(meant_for) < MAX_SLIPS else ""
        return _cased_as(word, meant_for[low, name]) if meant_for[low, name] else word

    def meant_by(low: str, name: bool) -> str:
        meant = ""
        if english and not name:  # an English word first ("octoer" -> october, not a Danish word a swap makes of it)
            meant = next((w for w in sorted(slips(low)) if in_word_list(w)), "") or next(
                (w for w in sorted(with_a_letter_more(low)) if in_word_list(w)), "")  # a letter left out: "cimate"
        if not meant:
            found = max(((count(w), w) for w in swaps_and_undoubled(low) if ok(w)), default=(0, ""))
            if found[0] < TYPO_MIN_CHUNKS:  # no swap or double letter: a letter left out ("lægeerklæinger")
                ending = PAST_ENDING if low.endswith("ede") else 0
                found = max(((count(w), w) for w in with_a_letter_more(low, ending) if ok(w)), default=(0, ""))
            meant = found[1] if found[0] >= TYPO_MIN_CHUNKS else ""
        return meant

    return WORD.sub(fix, text)
