"""The political bodies of a Danish municipality and the parties in them: names a question may use for them.

A committee's name has a structure that holds in every municipality: "Kultur- og Fritidsudvalget" is a committee
whose field is "kultur" and "fritid", "Udvalget for plan, udvikling og kultur (PUK)" the same with the fields after
"for", and the council is "Byrådet", "Kommunalbestyrelsen" or (in København) "Borgerrepræsentationen". Questions
name a committee by its whole name, by one of its fields ("kulturudvalget"), or in English ("the culture committee",
"the city council"). English field words reach the Danish ones through the glossary, so no committee is listed here.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from assistant.translate import whole_glossary_groups
from assistant.vocabulary import PARTIES, PARTY_ALIASES

# The council of a municipality goes by one of these names (Danish law: kommunalbestyrelse; most towns call it
# byråd; København and Frederiksberg differ); the finance committee is the one committee every municipality has.
COUNCIL_WORDS = ("byråd", "kommunalbestyrelse", "borgerrepræsentation", "kommunalbestyrelsen")
COUNCIL_ENGLISH = ("city council", "municipal council", "town council", "council")
FINANCE_ENGLISH = ("finance committee", "economic committee", "economy committee", "executive committee")
FINANCE_SHORT = "øu"  # what staff write for Økonomiudvalget in every municipality ("sagen skal videre til ØU")
# ... and for the council, by the law's name for it, whatever the town calls it ("KB godkendte", "til KB"; not "BR":
# the building regulations "BR 18" are written so)
COUNCIL_SHORT = "kb"
_YEARS_SUFFIX = re.compile(r"\s+\d{4}\s*-\s*\d{4}$")
_BODY_TAILS = ("udvalgets", "udvalget", "udvalg", "rådets", "rådet", "råd", "bestyrelsens", "bestyrelsen",
               "bestyrelse", "repræsentationens", "repræsentationen", "repræsentation")  # fmt: skip


def _base(word: str) -> str:
    """'Økonomiudvalget' -> 'økonomiudvalg', 'Byrådet' -> 'byråd', 'Kommunalbestyrelsen' -> 'kommunalbestyrelse'."""
    w = word.lower()
    for suffix in _BODY_TAILS:
        if w.endswith(suffix):
            for tail in ("udvalg", "råd", "bestyrelse", "repræsentation"):
                if suffix.startswith(tail):
                    return w[: len(w) - len(suffix)] + tail
    return w


def core_name(name: str) -> str:
    """The name without an election period or a subtitle: "Byråd 2022-2025" -> "Byråd"."""
    core = _YEARS_SUFFIX.sub("", name.strip())
    return core.split(" - ")[0].strip()


_YEAR_SUFFIX = re.compile(r"\s+\d{4}$")  # "Skole-, Børne- og Ungeudvalget 2022", as a printed "Sagens forløb" names it


def same_body(a: str, b: str) -> bool:
    """Whether two names are one body: "Byråd 2022-2025" and "Byrådet", "Økonomiudvalget" and "Økonomiudvalg",
    "Skole-, Børne- og Ungeudvalget 2022" and "Skole-, Børne- og Ungeudvalget"; any two names of the council."""
    if is_council(a) and is_council(b):
        return True

    def norm(name: str) -> str:
        return " ".join(_base(w) for w in _YEAR_SUFFIX.sub("", core_name(name)).lower().split())

    return bool(norm(a)) and norm(a) == norm(b)


def is_council(name: str) -> bool:
    tokens = core_name(name).split()  # the council alone: "Byrådet", not "Svar til Byrådet"
    return len(tokens) == 1 and _base(tokens[0]) in COUNCIL_WORDS[:3]


_FIELDS_AFTER = re.compile(r"^(?:det\s+)?\S*udvalg(?:et)?\s+(?:for|om|vedr\.?|vedrørende)\s+(.+)$")


def fields(name: str) -> list[str]:
    """The fields a committee's name names, lower case: "Skole-, Børne- og Ungeudvalget" -> ["skole", "børne",
    "unge"]; "Udvalget for plan, udvikling og kultur (PUK)" -> ["plan", "udvikling", "kultur"], and so a task
    committee's ("Opgaveudvalget vedrørende ældre og sundhed"). A committee whose name names no field, its task in a
    subtitle ("§ 17,4-udvalg - Ansøgning Boligsocial helhedsplan 2025-2029"), has the subtitle's words as fields: an
    English question names it by them ("the housing-plan committee")."""
    if is_council(name):  # "Byråd": no field "by" ("the districts committee", bydel, is no council); its names
        return []  # are the council's (aliases)
    core = re.sub(r"\([^)]*\)", " ", core_name(name)).lower()
    m = _FIELDS_AFTER.match(core)
    if m:
        return [w for w in re.split(r"[\s,]+|\bog\b", m.group(1)) if len(w) > 1 and w not in ("og", "&", "samt")]
    tokens = core.replace(",", " ").split()
    out: list[str] = []
    if tokens:
        last = _base(tokens[-1])
        head = next((last[: -len(t)] for t in ("udvalg", "råd") if last.endswith(t) and len(last) > len(t)), "")
        out = [t.strip("-") for t in tokens[:-1] if t.endswith("-") and len(t) > 2]
        if head and all(t.endswith("-") or t in ("og", "&", "samt") for t in tokens[:-1]):
            out.append(head)
    if not out and " - " in name:  # "§ 17,4-udvalg - <task>": the task's words
        task = _YEARS_SUFFIX.sub("", re.sub(r"\([^)]*\)", " ", name.split(" - ", 1)[1])).lower()
        return [w for w in re.findall(r"[^\W\d_]{4,}", task) if w not in ("samt", "vedr")]
    return [re.sub(r"s$", "", f) if f.endswith("s") and len(f) > 5 else f for f in out]


def aliases(name: str) -> list[str]:
    """Lower-case names a question may use for a body: the full name, each field's committee, English names.

    "Kultur- og Fritidsudvalget" -> ["kultur- og fritidsudvalg", "fritidsudvalg", "kulturudvalg"];
    "Byråd 2022-2025" -> ["byråd", "kommunalbestyrelse", ..., "city council", ...].
    """
    core = core_name(name)
    abbreviation = re.search(r"\(([A-ZÆØÅ]{2,6})\)\s*$", core)  # "Udvalget for plan, udvikling og kultur (PUK)"
    core = re.sub(r"\s*\([^)]*\)\s*$", "", core) if abbreviation else core
    tokens = core.split()
    if not tokens:
        return []
    last = _base(tokens[-1])
    out = [" ".join([*tokens[:-1], last]).lower()]
    if abbreviation:
        out.append(abbreviation.group(1).lower())
    if " / " in core:  # ".Spørgsmål / Svar til Byrådet" -> also "svar til byråd"
        for part in core.split(" / "):
            words = part.strip(" .").split()
            if len(words) >= 2:
                out.append(" ".join([*words[:-1], _base(words[-1])]).lower())
    before = [t.lower() for t in tokens[:-1] if t != "§"]
    parts_only = all(t.endswith(("-", "-,")) or t in ("og", "&", "samt") for t in before)
    for tail in ("udvalg", "råd"):
        if parts_only and last.endswith(tail) and len(last) > len(tail):
            out.append(last)
            for t in tokens[:-1]:  # "Kultur-" in "Kultur- og Fritidsudvalget" -> "kulturudvalg"
                t = t.strip(",").lower()
                if t.endswith("-") and len(t) > 2:
                    out.append(t[:-1] + tail)
            # the initials its own minutes use: "Klima-, Teknik- og Miljøudvalget" -> "ktmu" (and "ktm"),
            # "Plan- og Tryghedsudvalget" -> "ptu"; three letters at least, as shorter ones are words ("so", "bu")
            initials = "".join(t[0] for t in before if t.endswith(("-", "-,"))) + last[0]
            if tail == "udvalg" and len(initials) >= 2:
                out += [a for a in (initials + "u", initials) if len(a) >= 3]
    if out[0].endswith("-udvalg"):  # a committee named by a designation ("§ 17,4-udvalg"): "the § 17,4 committee"
        out.append(out[0][: -len("-udvalg")] + " committee")
    if is_council(name):
        out += [w for w in COUNCIL_WORDS[:3] if w != last] + [*COUNCIL_ENGLISH, COUNCIL_SHORT]
    elif out[0] == "økonomiudvalg":
        out += [*FINANCE_ENGLISH, FINANCE_SHORT]
    seen: list[str] = []
    for a in out:
        a = re.sub(r"\s+", " ", a).strip()
        if a and a not in seen and a not in ("udvalg", "råd"):
            seen.append(a)
    return seen


_ENGLISH_COMMITTEE = re.compile(r"((?:[A-Za-z]+(?:-[A-Za-z]+)*(?:'s?)?(?:,|\s+and|\s*&)?\s+){1,5})committee\b", re.I)
# ... and the committee with its fields after it, as Danish names some ("Udvalget for plan, udvikling og kultur"):
# "the committee for planning, development and culture", "the Committee on Health and Care"
_ENGLISH_COMMITTEE_FOR = re.compile(r"\bcommittee\s+(?:for|on)\s+((?:the\s+)?[A-Za-z]+(?:(?:,|\s+and|\s*&)?\s+"
                                    r"[A-Za-z]+){0,5})", re.I)


@lru_cache(maxsize=4096)
def _field_stem(word: str) -> str:
    from assistant.query import stem

    return stem(word.lower().strip("-"))


@lru_cache(maxsize=1024)
def _field_stems(name: str) -> frozenset[str]:
    """The stems of a committee's fields ("Kultur- og Fritidsudvalget" -> kultur, fritid)."""
    return frozenset(_field_stem(f) for f in fields(name))


def english_committee_score(question: str, name: str) -> int:
    """How many of a committee's fields an English phrase "<fields> committee" names through the glossary
    ("the Culture and Leisure Committee" -> kultur, fritid), 0 when a named field is not the committee's; twice
    that, and one more when each is named by its first part, not only by its last: of two committees named by as
    many fields, that one ("the social committee": Social- og Handicapudvalget before the committee on "Boligsocial
    helhedsplan"); one named by more fields first ("the housing-plan committee": that one before the Plan- og
    Tryghedsudvalget)."""
    wanted = _field_stems(name)
    if not wanted:
        return 0

    def named(tails: bool) -> int:
        before = [_phrase_fields_named(_field_words(m.group(1)), wanted, tails)
                  for m in _ENGLISH_COMMITTEE.finditer(question)]
        after = [_leading_fields_named(_field_words(m.group(1)), wanted, tails)[0]
                 for m in _ENGLISH_COMMITTEE_FOR.finditer(question)]
        return max(before + after, default=0)

    fields = named(True)
    return 2 * fields + (fields > 0 and named(False) == fields)


def _leading_fields_named(words: list[str], wanted: frozenset[str], tails: bool = True) -> tuple[int, int]:
    """(fields named, words used) by the longest run of the words after "committee for" that are fields."""
    for n in range(len(words), 0, -1):
        named = _fields_named(words[:n], wanted, tails)
        if named:
            return named, n
    return 0, 0


def _phrase_fields_named(words: list[str], wanted: frozenset[str], tails: bool = True) -> int:
    """_fields_named for the longest run of the words before "committee" that the glossary knows as fields."""
    while words:
        named = _fields_named(words, wanted, tails)
        if named:
            return named
        words = words[1:]
    return 0


# Words before "committee" that say which of a council's committees, not what it is about ("the same committee",
# "the new committee", "its standing committees"): English grammar, no field
_NOT_A_FIELD = frozenset(
    "same whole new old standing special relevant responsible political permanent other each every this that which "
    "what their its our your his her municipal local joint former current next previous first last".split())


_PREPOSITION_BEFORE = re.compile(r"\b(?:of|for|to|in|at|by|from|with|about|on)\s+", re.I)


def english_body_guesses(question: str, bodies: list[str]) -> list[tuple[str, ...]]:
    """The Danish names an English question's "<field> committee" would have when it names none of ``bodies`` (the
    index's committees) by its fields: "Greve's digitalisation committee" -> ("digitaliseringudvalg",
    "digitaliseringsudvalg"), with and without the joining s, for a field the glossary knows as one word before
    "committee" (not the finance committee, every council's, nor a word of _NOT_A_FIELD)."""
    out = []
    for m in _ENGLISH_COMMITTEE.finditer(question):
        # the words after the last preposition: "maintenance of the committee's buildings" names no maintenance
        # committee, it names something of the committee the question is about
        words = _field_words(_PREPOSITION_BEFORE.split(m.group(1))[-1])
        last = words[-1].lower() if words else ""
        if not last or last in _NOT_A_FIELD or f"{last} committee" in FINANCE_ENGLISH:
            continue
        if any(_phrase_fields_named(words, _field_stems(name)) for name in bodies):
            continue  # it names a committee of the index ("the culture and leisure committee")
        groups = whole_glossary_groups(last)
        if len(groups) != 1 or not groups[0] or any(d in name.lower() for d in groups[0] for name in bodies):
            continue  # ... or in words of its whole name ("the Slagelse housing committee": "§ 17,4-udvalg -
            # Ansøgning Boligsocial helhedsplan")
        out.append((f"{groups[0][0]}udvalg", f"{groups[0][0]}sudvalg"))
    return out


# A committee named by a field its name lacks: "ældreudvalget", "the elderly committee" for Greve's Sundheds- og
# Omsorgsudvalget (each municipality splits its fields its own way). No list: the committee whose agenda point
# titles use the field's word most, when it is clearly that one: at least INFORMAL_MIN_TITLES of its titles, and
# INFORMAL_LEAD times the titles of any other body. Chosen on Greve's titles (ten bodies, 4,300 points, 2026-12-07):
# "ældre" starts a word of 18 titles of Sundheds- og Omsorgsudvalget and of at most 3 of another body's; "budget"
# (Økonomiudvalget 71, Byrådet 64) and "bolig" (34, 28) are no one committee's. A word the titles use before
# "udvalg" ("Ekspertudvalgets anbefalinger") names a body of its own, not a committee of the index.
INFORMAL_MIN_TITLES = 5
INFORMAL_LEAD = 2.0
_INFORMAL_DANISH = re.compile(r"(?<![\w-])([^\W\d_]{4,}?)s?udvalg(?:et|ets|s)?(?![\w-])", re.I)


def informal_committee(question: str, bodies: list[str], titles: list[tuple[str, str]]) -> tuple[str, str] | None:
    """(The committee, the words naming it) when ``question`` names a committee by a field its name lacks
    ("ældreudvalget", "the elderly committee") and one committee's point ``titles`` ((committee, title) pairs) use
    that field's word clearly most. Only for a question that names no committee of ``bodies`` otherwise."""
    named: list[tuple[str, list[str]]] = [(m.group(0), [m.group(1).lower()])
                                          for m in _INFORMAL_DANISH.finditer(question)]
    for m in _ENGLISH_COMMITTEE.finditer(question):
        guesses = english_body_guesses(m.group(0), bodies)
        if guesses:
            words = _field_words(_PREPOSITION_BEFORE.split(m.group(1))[-1])
            span = f"{words[-1]} committee" if words else m.group(0)
            named.append((span, [g[0][: -len("udvalg")] for g in guesses]))
    for span, words in named:
        for word in words:
            own_body, starts = (re.compile(rf"{re.escape(word)}s?udvalg", re.I),
                                re.compile(rf"(?<![\w-]){re.escape(word)}", re.I))
            if any(own_body.search(title) for _, title in titles):
                continue
            ranked = Counter(committee for committee, title in titles if starts.search(title)).most_common()
            if not ranked or ranked[0][1] < INFORMAL_MIN_TITLES or is_council(ranked[0][0]):
                continue
            if len(ranked) == 1 or ranked[0][1] >= INFORMAL_LEAD * ranked[1][1]:
                return ranked[0][0], span
    return None


def _field_words(phrase: str) -> list[str]:
    phrase = re.sub(r"'s?\b", "", phrase)  # "the children's committee"
    return [w for w in re.findall(r"[A-Za-z]+", phrase) if w.lower() not in ("and", "the", "of", "for")]


def _fields_named(words: list[str], wanted: frozenset[str], tails: bool = True) -> int:
    """How many of the committee's fields (stems) the English words name, 0 unless each names one through any of
    its Danish words ("school": skole, not folkeskole; "care": omsorg, not pleje); ``tails``: also a field a word
    names as its last part (_names_field)."""
    groups = whole_glossary_groups(" ".join(words).lower())
    named = [{w for w in wanted if any(_names_field(_field_stem(d), w, tails) for d in g)} for g in groups]
    return len(set().union(*named)) if groups and all(named) else 0


def english_committee_spans(question: str, name: str) -> list[tuple[int, int]]:
    """Where an English phrase "<fields> committee" names the committee ``name`` by its fields: the run of words
    before "committee" that are its fields, joined by "and", commas or a word inside the list ("Syddjurs's
    planning, development and culture committee", "the health and elderly care committee"); not the words before
    the run ("recommend the health committee", "the disability council meet the social committee")."""
    wanted = _field_stems(name)
    spans = []
    for m in _ENGLISH_COMMITTEE.finditer(question) if wanted else ():
        tokens = list(re.finditer(r"[A-Za-z]+(?:'s?)?|[,&]", m.group(1)))
        start = None
        for i in range(len(tokens) - 1, -1, -1):
            word = tokens[i].group(0)
            if _fields_named([re.sub(r"'s?$", "", word)], wanted):
                start = i
            elif word.lower() in ("and", ",", "&") and start is not None:
                continue
            elif not (start == i + 1 and i > 0 and tokens[i - 1].group(0).lower() in ("and", ",", "&")):
                break  # a word inside the list ("elderly" in "health and elderly care") is of it
        if start is not None:
            spans.append((m.start(1) + tokens[start].start(), m.end()))
    for m in _ENGLISH_COMMITTEE_FOR.finditer(question) if wanted else ():
        used = _leading_fields_named(_field_words(m.group(1)), wanted)[1]
        words = list(re.finditer(r"[A-Za-z]+", m.group(1)))
        kept = [w for w in words if w.group(0).lower() not in ("and", "the", "of", "for")]
        if used:  # "committee for planning, development and culture": from "committee" to its last field
            spans.append((m.start(), m.start(1) + kept[used - 1].end()))
    return spans


def _names_field(stem: str, field: str, tails: bool = True) -> bool:
    """Whether a Danish word's stem names a committee's field: one heads the other ("sundhed", "sundhedsområde"), or
    it is the field's last part, a compound's head ("plan" of "helhedsplan", "social" of "boligsocial"; four letters
    at least: "tid" is no "fritid")."""
    return stem.startswith(field) or field.startswith(stem) or (tails and len(stem) >= 4 and field.endswith(stem))


def party_letter(text: str) -> str | None:
    """The party a question names, as its ballot letter: "Enhedslisten" -> "Ø", "(V)" -> "V"."""
    low = text.lower()
    for alias, letter in sorted(PARTY_ALIASES.items(), key=lambda kv: -len(kv[0])):
        if re.search(rf"(?<![\wæøå]){re.escape(alias)}(?![\wæøå])", low):
            return letter
    for letter, party in PARTIES.items():
        if re.search(rf"(?<![\wæøå]){re.escape(party.lower())}(?![\wæøå])", low) or f"({letter})" in text:
            return letter
    return None


def party_name(letter: str) -> str:
    return PARTIES.get(letter.strip("()").upper(), letter)
