"""English question words -> Danish search words, from a bundled glossary of municipal vocabulary.

The minutes are Danish. An English question reaches them through the multilingual embedder, but BM25 and the
evidence behind a refusal count words, and English words are rarely in Danish minutes. The glossary
(``data/glossary_en_da.tsv``, ~350 entries: politics, economy, schools, care, culture, environment, planning,
elections) gives Danish words for common municipal words and phrases ("swimming pool" -> "svømmehal",
"turnout" -> "stemmeprocent"). Names and other capitalised words are kept as they are: "Nordholm Ejendomme" is the
same in both languages.

A Danish question may use a citizen's word where the minutes use the administrative one ("skraldet" / affald,
"gadelys" / vejbelysning): ``data/synonyms_da.tsv`` (~760 entries, written blind from general knowledge) gives those
words; retrieval.add_synonyms uses them only for question words the indexed minutes never use.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from assistant.textutil import one_letter_edits, swaps_and_undoubled

GLOSSARY = Path(__file__).resolve().parent / "data" / "glossary_en_da.tsv"
SYNONYMS = Path(__file__).resolve().parent / "data" / "synonyms_da.tsv"
MAX_PHRASE = 3  # words in the longest English phrase looked up
_WORD = re.compile(r"[A-Za-zÆØÅæøåÉé][\wÆØÅæøå'’-]*")  # with the typographic apostrophe: "didn’t", "children’s"


def load_glossary(path: Path) -> dict[str, list[str]]:
    """English phrase (lower case) -> Danish words; lines "english<TAB>danish words", "#" starts a comment. An
    acronym written in capitals ("IT") is kept so and matches only so: "it" the pronoun is no Danish "it"."""
    out: dict[str, list[str]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#") or "\t" not in line:
            continue
        english, danish = line.split("\t", 1)
        key = english.strip() if english.strip().isupper() else " ".join(english.lower().split())
        out.setdefault(key, [])
        out[key] += [w for w in danish.split() if w not in out[key]]
    # "long term unemployed" as written for "long-term unemployed": a phrase of three words or more (two, "after
    # school" for "after-school", would also be found with a word between: "after the school committee")
    for key in [k for k in out if "-" in k and 3 <= len(k.replace("-", " ").split()) <= MAX_PHRASE]:
        out.setdefault(key.replace("-", " "), out[key])
    # "children's council" as a question's words are looked up: without the possessive ("children council")
    for key in [k for k in out if "'" in k]:
        out.setdefault(re.sub(r"'s?(?=\s|$)", "", key), out[key])
    return out


@lru_cache(maxsize=1)
def glossary() -> dict[str, list[str]]:
    return load_glossary(GLOSSARY)


# Danish inflections a question puts on a word of the synonym list: "gadelysene", "skraldet", "børnehaverne",
# "p-pladser", "rutsjebaner". (Looked up by its inflections, not its stem: the stemmer cuts "billet" and "billig"
# to "bil".)
_INFLECTIONS = ("", "e", "n", "r", "s", "t", "en", "et", "er", "es", "ne", "de", "te", "ede", "ene", "ere", "ens",
                "ets", "rne", "erne", "enes", "ernes", "ende")


@lru_cache(maxsize=1)
def _synonyms() -> tuple[dict[str, list[str]], list[tuple[str, re.Pattern[str], list[str]]]]:
    """The everyday Danish words of data/synonyms_da.tsv: (a one-word key -> its administrative words, each phrase
    with its pattern, compiled once, and its words)."""
    words_: dict[str, list[str]] = {}
    phrases: list[tuple[str, re.Pattern[str], list[str]]] = []
    for key, danish in load_glossary(SYNONYMS).items():
        if " " in key:
            phrases.append((key, re.compile(rf"(?<![\wæøå]){re.escape(key)}(?![\wæøå])"), danish))
        else:
            words_[key] = danish
    return words_, phrases


def danish_synonyms(text: str) -> list[tuple[str, list[str]]]:
    """(Each everyday word or phrase of a Danish ``text`` the synonym list knows, its administrative words):
    "Hvor meget dyrere bliver skraldet?" -> [("skraldet", ["affald", "renovation", "dagrenovation"])]. A word is
    looked up as written or with an inflection taken off ("skraldet", "gadelysene"), a phrase as written."""
    words_, phrases = _synonyms()
    low = " ".join(text.lower().split())
    out = [(p, ws) for p, pattern, ws in phrases if pattern.search(low)]
    for word in dict.fromkeys(re.findall(r"[\wæøå-]+", low)):
        key = next((word[: len(word) - len(end)] for end in _INFLECTIONS
                    if word.endswith(end) and word[: len(word) - len(end)] in words_), None)
        if key is not None:
            out.append((word, words_[key]))
    return out


# The glossary is written in British spelling; a question in American spelling ("sports center", "neighbor",
# "program", "organize") is looked up in it. Patterns of the spelling, not a list of words: -er/-re of four nouns,
# -or/-our of the nouns that take it (before an ending, not "laboratory"), -ize/-yze as -ise/-yse, and the few that
# differ otherwise.
_AMERICAN = (
    (re.compile(r"^(cent|theat|met|lit|fib)er(s?)$"), r"\1re\2"),
    (re.compile(r"^(neighb|col|lab|behavi|harb|fav|hon|od|rum|flav|vap)or(s|hoods?|ed|ing|ful|able)?$"), r"\1our\2"),
    (re.compile(r"^(\w{3,})iz(e|ed|es|ing|ation|ations)$"), r"\1is\2"),
    (re.compile(r"^(\w+)yz(e|ed|es|ing)$"), r"\1ys\2"),
    (re.compile(r"^program(s?)$"), r"programme\1"),
    (re.compile(r"^(licen|defen|offen)se(s?)$"), r"\1ce\2"),
    (re.compile(r"^(catalog|dialog)(s?)$"), r"\1ue\2"),
    (re.compile(r"^gray$"), "grey"),
    (re.compile(r"^aging$"), "ageing"),
    (re.compile(r"^adviser(s?)$"), r"advisor\1"),  # both spellings are British; the glossary has one
)


# The word list is mostly American: a British spelling is looked up in it as the American (-ise/-ize,
# -our/-or, -lled/-led, -tre/-ter, -ogue/-og), patterns of the spelling as above
_BRITISH = (
    (re.compile(r"^(\w{3,})is(e|ed|es|ing|ation|ations)$"), r"\1iz\2"),
    (re.compile(r"^(\w+)our(s|hoods?|ed|ing|ful|able|ite|ites)?$"), r"\1or\2"),
    (re.compile(r"^(\w+[aeiou])ll(ed|ing|ors?|ers?)$"), r"\1l\2"),
    (re.compile(r"^(\w+)tre(s?)$"), r"\1ter\2"),
    (re.compile(r"^(\w+)ogue(s?)$"), r"\1og\2"),
)


def _spelled(word: str, table: tuple[tuple[re.Pattern[str], str], ...]) -> str:
    """``word`` by the first pattern of ``table`` it matches; else as it is."""
    for pattern, replacement in table:
        if pattern.match(word):
            return pattern.sub(replacement, word)
    return word


def british(word: str) -> str:
    """A lower-case word in British spelling ("center" -> "centre", "neighbors" -> "neighbours", "organizing" ->
    "organising"); other words as they are."""
    return _spelled(word, _AMERICAN)


def _forms(word: str) -> list[str]:
    """The word and its singular and base-verb guesses: "canteens" -> ["canteens", "canteen"], "cities" -> [...,
    "city"], "approved" -> [..., "approve"], "recruiting" -> [..., "recruit"], "planning" -> [..., "plan"]. A guess
    that is no English word finds no glossary entry, so guessing wide costs nothing."""
    forms = [word]
    if word.endswith("ied") and len(word) > 5:  # applied -> apply
        forms.append(word[:-3] + "y")
    if word.endswith("ed") and len(word) > 4:  # approved -> approve, installed -> install, stopped -> stop
        forms += [word[:-1], word[:-2]] + ([word[:-3]] if word[-3] == word[-4] else [])
    if word.endswith("ing") and len(word) > 5:  # moving -> move, recruiting -> recruit, planning -> plan
        # the form with e first: "rating" is rate, not rat (a single consonant before -ing follows a silent e;
        # "ratting" would be rat), "caring" care, not car; where that is no word the bare one follows ("meeting")
        forms += [word[:-3] + "e", word[:-3]] + ([word[:-4]] if word[-4] == word[-5] else [])
    if word.endswith("ies") and len(word) > 4:
        forms.append(word[:-3] + "y")
    if word.endswith("es") and len(word) > 4:
        forms.append(word[:-2])
    if word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        forms.append(word[:-1])
    return forms


@lru_cache(maxsize=1)
def _english_words() -> frozenset[str]:
    """A general English word list, lower case: Webster's Second (1934) and GCIDE (Webster's 1913 with WordNet), as
    the english-words package ships them (264,494 words): the words an English question may use that are no name."""
    from english_words import get_english_words_set

    return frozenset(get_english_words_set(["web2", "gcide"], lower=True))


_CONTRACTION = re.compile(r"(?:n't|'(?:re|ve|ll|d|m))$")
_NEGATED = {"wo": "will", "ca": "can", "sha": "shall"}  # "won't", "can't", "shan't"


# English prefixes written with a hyphen before an English word ("multi-year", "non-profit", "pre-school",
# "re-tender"), which the word list does not hold as words of their own (a general list of English word formation;
# not "mini", "e": "mini-golf", "e-sports" name things the minutes call by other words)
_PREFIXES = frozenset("anti bi co counter cross de ex extra inter intra mid multi non over post pre pro quasi re "
                      "self semi sub super trans tri ultra un under".split())


def english_word(word: str) -> bool:
    """Whether ``word`` is English: in the word list in one of its form guesses ("councils", "approved"), in British
    or American spelling, or a hyphenated word of English words of two letters or more ("co-owner", "mid-term";
    not "e-sports", whose "e" is none), or a closed compound of two English words of three letters or more
    ("lockdown", "heatpumps", "webpage"). A name or a borrowing the list lacks ("Airbnb", "esports", "minigolf":
    the list has no "mini") is not."""
    word = re.sub(r"'s?$", "", word.lower().replace("’", "'")).strip("-")
    if m := _CONTRACTION.search(word):  # "didn't", "they're", "we've": the word before the contraction
        base = word[: m.start()]
        word = _NEGATED.get(base, base) if m.group(0) == "n't" else base
        if word == "i":  # "I'm", "I'd", "I've"
            return True

    def compound(w: str) -> bool:  # a closed compound of two English words ("lockdown", "heatpumps", "webpage")
        return any(_listed(w[:i]) and _listed(w[i:]) for i in range(3, len(w) - 2))

    parts = word.split("-")
    if len(parts) > 1 and parts[0] in _PREFIXES:  # "multi-year", "non-profit", "re-tender": a prefix the list lacks
        parts = parts[1:]
    return all(len(part) >= 2 and (_listed(part) or compound(part)) for part in parts)


def in_word_list(word: str) -> bool:
    """Whether ``word`` is in the English word list in one of its form guesses ("apologies"), not as a compound of
    two of its words (english_word: "heedland", "reccomend" pass so)."""
    return _listed(word.lower())


def _listed(w: str) -> bool:
    """A lower-case word in the English word list in one of its form guesses."""
    known = _english_words()

    def guesses(w: str) -> list[str]:
        # beside _forms: a short word's plural or -ing ("ins" of "break-ins", "using"), a comparative or superlative
        # ("safer", "lowest", "biggest", "easiest")
        out = [*_forms(w), w.removesuffix("s")]
        for end in ("ing", "er", "est"):
            if w.endswith(end) and len(w) > len(end) + 1:
                stem_ = w[: -len(end)]
                out += [stem_, stem_ + "e", stem_[:-1] + "y" if stem_.endswith("i") else stem_]
                if len(stem_) > 2 and stem_[-1] == stem_[-2]:
                    out.append(stem_[:-1])
        return out

    return any(form in known for v in {w, british(w), _spelled(w, _BRITISH)} for form in guesses(v))


def english_slip(word: str) -> bool:
    """Whether ``word`` (six letters or more) is an English word of the list with a slip of typing ("committe",
    "recieve"), or, from SLIP_EDIT_CHARS letters, with one letter wrong, missing or added ("maintanance"); not a
    compound or a shorter word, which a slip makes of too many words ("padel": "padle")."""
    word = word.lower()
    if not 6 <= len(word) <= SLIP_MAX_CHARS or not word.isalpha():
        return False
    if any(_listed(w) for w in slips(word)):
        return True
    if len(word) < SLIP_EDIT_CHARS:
        return False
    return any(_listed(w) for w in one_letter_edits(word))


def slip_in_phrase(text: str, word: str) -> bool:
    """Whether ``word`` of ``text``, one letter wrong, missing or added, makes a glossary phrase with the word before
    or after it ("heat pumbs": heat pump). A short word's slips are many words, but few of them make a phrase with
    its neighbour (english_slip takes a word alone only from SLIP_EDIT_CHARS letters)."""
    table = glossary()
    tokens = [t.lower() for t in _WORD.findall(text)]
    low = word.lower()
    if low not in tokens or not 4 <= len(low) <= SLIP_MAX_CHARS or not low.isalpha():
        return False
    i = tokens.index(low)
    before, after = (tokens[i - 1] if i else ""), (tokens[i + 1] if i + 1 < len(tokens) else "")
    return any((before and f"{before} {f}" in table) or (after and f"{f} {after}" in table)
               for w in one_letter_edits(low) for f in _forms(w))


SLIP_EDIT_CHARS = 8  # from this length a word one letter off an English word is that word mistyped
SLIP_MAX_CHARS = 30  # longer than English words ("counterrevolutionaries" has 22): no slip is looked for


@lru_cache(maxsize=4096)
def respelt(word: str) -> str:
    """A lower-case English word with a slip of typing ("musuem", "comittee") as the one glossary word it was meant
    as: two neighbouring letters swapped, a double letter written single or a letter doubled (the slips the Danish
    correction takes, bm25.correction); the word itself when it is a glossary word, an English word or a short one
    (under five letters), or when no glossary word or several are that close. (Any one letter dropped, added or
    replaced also turned Danish words of the minutes into glossary words: "høring" -> hiring, "skolen" -> stolen.)"""
    table = glossary()
    if len(word) < 5 or not word.isalpha() or any(f in table for f in _forms(word)) or english_word(word):
        return word
    found = {w for w in slips(word) if any(f in table for f in _forms(w))}
    return found.pop() if len(found) == 1 else word


def slips(word: str) -> set[str]:
    """The words ``word`` is one slip of typing from: two neighbouring letters swapped, a double letter written
    single ("committe", "comittee") or a letter doubled."""
    if len(word) > SLIP_MAX_CHARS:  # no English word is this long: a hostile question's "word" costs nothing
        return set()
    doubled = {word[:i] + word[i - 1] + word[i:] for i in range(1, len(word) + 1)}  # a double letter written single
    return (swaps_and_undoubled(word) | doubled) - {word}


# A hyphenated word's parts are words of their own from this length: one- and two-letter parts are a prefix or an
# abbreviation's letters ("e-sports", "wi-fi", "tv-avis"), which the glossary has no word for alone
HYPHEN_PART_CHARS = 3


def _tokens(text: str) -> list[tuple[str, int, int]]:
    """The words of an English ``text`` as (word, start, end). A hyphenated lower-case word the glossary lacks is its
    parts ("operating-grant" is "operating grant": driftstilskud; "year-end", "child-care"), as English writes a
    compound modifier with a hyphen that its noun phrase has not. One stays whole where a part is short ("e-sports"),
    a prefix or no English word ("multi-year", "pre-approved": the parts would be words of no language, which the
    minutes never use), or where a glossary phrase writes it with its hyphen ("four-day week")."""
    table = _hyphenated_words()
    out: list[tuple[str, int, int]] = []
    for m in _WORD.finditer(text):
        word = m.group(0)
        parts = word.split("-")
        low = re.sub(r"['’]s?$", "", word.lower())
        if (len(parts) > 1 and word.islower() and not any(f in table for f in _forms(low))
                and all(len(p) >= HYPHEN_PART_CHARS and p not in _PREFIXES and _listed(p) for p in parts)):
            at = m.start()
            for part in parts:
                out.append((part, at, at + len(part)))
                at += len(part) + 1
        else:
            out.append((word, m.start(), m.end()))
    return out


@lru_cache(maxsize=1)
def _hyphenated_words() -> frozenset[str]:
    """The hyphenated words of the glossary's phrases, each as written ("four-day" of "four-day week")."""
    return frozenset(w for key in glossary() for w in key.split() if "-" in w)


def unglossed_words(text: str) -> list[str]:
    """The words of an English ``text`` that no glossary phrase covers, as written."""
    runs, _ = _glossary_runs(text)
    covered = {i for start, end, _ in runs for i in range(start, end)}
    return [word for i, (word, _, _) in enumerate(_tokens(text)) if i not in covered]


def danish_words(text: str) -> tuple[list[str], list[str]]:
    """(Danish words for the glossary phrases in ``text``, capitalised words that are not at a sentence start).

    Longest phrases first: "swimming pool" gives "svømmehal", not "svømning" + "pulje"."""
    groups, names = glossary_groups(text)
    out: list[str] = []
    for group in groups:
        out += [w for w in group if w not in out]
    return out, names


def glossary_groups(text: str) -> tuple[list[list[str]], list[str]]:
    """(The Danish words of each glossary phrase in ``text``, one list per phrase: "money" -> [penge, midler,
    kroner], alternatives of one meaning; the capitalised words that are not at a sentence start)."""
    runs, names = _glossary_runs(text)
    return [group for _, _, group in runs], names


def whole_glossary_groups(text: str) -> list[list[str]]:
    """The Danish words of each glossary phrase in ``text`` when its phrases are all its words ("elderly care",
    "school"), else [] ("business at Slagelse": "at" and the name are no phrase)."""
    runs, _ = _glossary_runs(text)
    covered = sum(end - start for start, end, _ in runs)
    return [group for _, _, group in runs] if runs and covered == len(_tokens(text)) else []


def adjacent_groups(text: str) -> list[tuple[list[str], list[str]]]:
    """The Danish words of each two glossary phrases that follow each other in ``text`` ("culture" "municipality"):
    an English noun before a noun is often the first part of one Danish word ("kulturkommune")."""
    runs, _ = _glossary_runs(text)
    return [(a[2], b[2]) for a, b in zip(runs, runs[1:], strict=False) if a[1] == b[0]]


# The particles of English phrasal verbs whose meaning is not their verb's noun ("sign off", "point out", "set up")
_PARTICLES = frozenset({"off", "up", "out"})
# ... and the particles English phrasal verbs take (general grammar, not a list of phrases)
_VERB_PARTICLES = frozenset({"back", "off", "up", "out", "down", "over", "away", "in", "on"})


def phrase_parts(text: str) -> list[tuple[list[str], list[list[str]]]]:
    """Each glossary phrase in ``text`` with the Danish words of the shorter phrases its words make when it has
    several and they make it whole ("waste collection tender": renovationsudbud; affaldsindsamling ..., udbud ...),
    else none: the minutes may name the thing by its parts ("Udbud af affaldsindsamling")."""
    runs, _ = _glossary_runs(text)
    tokens = _tokens(text)
    out = []
    for start, end, group in runs:
        parts: list[list[str]] = []
        if end - start > 1:
            piece = text[tokens[start][1] : tokens[end - 1][2]]
            sub, _ = _glossary_runs(piece, end - start - 1)
            if sum(b - a for a, b, _ in sub) == end - start:
                parts = [words for _, _, words in sub]
        out.append((group, parts))
    return out


def _glossary_runs(text: str, longest: int = MAX_PHRASE) -> tuple[list[tuple[int, int, list[str]]], list[str]]:
    """(Each glossary phrase of at most ``longest`` words in ``text`` as (first token, token after it, its Danish
    words), the names)."""
    table = glossary()
    tokens = [(word, start) for word, start, _ in _tokens(text)]
    # possessives: "the Conservatives'", "Greve's"; a lower-case word's American spelling as the glossary's British
    # (a capitalised one may be a Danish name: "Center for Ejendomme")
    tokens = [(t.replace("’", "'"), start) for t, start in tokens]
    lower = [re.sub(r"'s?$", "", t.lower()) for t, _ in tokens]
    lower = [respelt(british(w)) if t.islower() else w for w, (t, _) in zip(lower, tokens, strict=True)]
    # a plural possessive before the phrase's last word is the singular the glossary's phrase has ("the citizens'
    # advisor": citizen advisor)
    attributive = [w[:-1] if t.endswith("s'") and len(w) > 3 else w for w, (t, _) in zip(lower, tokens, strict=True)]
    out: list[tuple[int, int, list[str]]] = []
    names: list[str] = []
    i = 0
    while i < len(tokens):
        for n in range(min(longest, len(tokens) - i), 0, -1):
            heads = dict.fromkeys(" ".join(words_[i : i + n - 1]) for words_ in (lower, attributive))
            found = next((table[k] for head in heads for f in _forms(lower[i + n - 1])
                          if (k := f"{head} {f}".strip()) in table), None)
            if found is None and n == 2 and lower[i + 1] in _VERB_PARTICLES:
                # a phrasal verb inflects its verb, not its particle ("buying back": buy back, "cut back")
                found = next((table[k] for f in _forms(lower[i])[1:] if (k := f"{f} {lower[i + 1]}") in table), None)
            if found is None and n == 1 and tokens[i][0].isupper():  # an acronym ("IT")
                found = table.get(tokens[i][0])
            if found and n == 1 and i + 1 < len(tokens) and lower[i + 1] in _PARTICLES:
                # a verb with its particle the glossary does not have ("sign off on", "point out"): the phrasal
                # verb means neither the noun ("sign": skilt) nor the particle
                found = []
            if found:
                out.append((i, i + n, list(found)))
                i += n
                break
        else:
            # a two-word phrase with a word put between ("four-day working week": "four-day week"), when no phrase
            # starts at the first word
            gap = next((table[k] for f in _forms(lower[i + 2]) if (k := f"{lower[i]} {f}") in table),
                       None) if i + 2 < len(tokens) else None  # fmt: skip
            if gap:
                out.append((i, i + 3, list(gap)))
                i += 3
                continue
            word, start = tokens[i]
            word = re.sub(r"'s?$", "", word)
            if word[:1].isupper() and start > 0 and not text[:start].rstrip().endswith((".", "?", "!")):
                names.append(word)
            i += 1
    return out, names
