"""Votes and positions recorded in a decision: who voted for or against, abstained, took a reservation or did not
take part, with names and party letters as printed.

The forms were surveyed in the Beslutning sections of the Greve minutes (2022-2024, ~4,300 points) and the
FORMATS.md families (Ishøj "V+F+Ø kan ikke tiltræde", flertal/mindretal lines). Three shapes cover them:

- subject first: "Mehmet Zeki Dogru (Ø) stemte imod.", "(Ø) stemmer imod", "V og D stemmer for. A og C undlader.",
  "A stemmer for, V og D stemmer imod og C undlader.", "(F) og (Ø) kunne ikke tiltræde indstilling 2",
  "Bjarke Abel (A) tog forbehold", "Anne Berg (A) deltog ikke i sagens behandling", "Et flertal bestående af V, A og C
  kunne tiltræde", "Et mindretal bestående af F og Ø kan ikke anbefale indstillingen";
- label first: "For stemte: (V), (A) og Liselott Blixt (UP).", "Imod stemte (Ø).", "Imod: F", "Undlader: F", with the
  names on the following lines when the label stands alone;
- counts: "Med stemmerne 19 for og 1 imod godkendte Byrådet ...", "Godkendt med 1 stemme imod (A)".

A subject is accepted only when every part of it is a name, a party letter or a name with its party, so that
"Udvalget undlod at tage stilling" (the committee, not a member) and ordinary sentences give no vote.
"""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.records import Vote
from assistant.textutil import fold_ws
from assistant.vocabulary import FORUM_WORD_RE, party_named

_AGAINST = (r"stem(?:te|mer)\s+(?:i\s*)?mod\b|(?:kunne|kan)\s+ikke\s+tiltræde|(?:kunne|kan)\s+ikke\s+støtte"
            r"|(?:kunne|kan)\s+ikke\s+anbefale")  # "Et mindretal bestående af F og Ø kan ikke anbefale indstillingen"
_FOR = r"stem(?:te|mer)\s+for\b|(?:kunne|kan)\s+tiltræde|tiltrådte"
_ABSTAIN = r"undl(?:od|ader)(?:\s+at\s+(?:tage\s+stilling|stemme)|\s+stillingtagen)?\b|stemte\s+blankt|stemmer\s+blankt"
_RESERVATION = r"tog\s+(?:\w+\s+)?forbehold|tager\s+(?:\w+\s+)?forbehold"
_NOT_TAKING_PART = (
    r"deltog\s+ikke\s+i\s+(?:sagens\s+behandling|behandlingen(?:\s+af\s+(?:sagen|punktet))?)"
    r"|kunne\s+ikke\s+deltage\s+i\s+(?:sagens\s+behandling|behandlingen)"
)
_VERB_RE = re.compile(
    rf"(?P<against>{_AGAINST})|(?P<for>{_FOR})|(?P<abstain>{_ABSTAIN})|(?P<reservation>{_RESERVATION})"
    rf"|(?P<ntp>{_NOT_TAKING_PART})",
    re.IGNORECASE,
)
_DECLARED_RE = re.compile(
    r"\berklærede,?\s+(?:at\s+)?(?P<who>[A-ZÆØÅ(][^,.;]{1,80}?)\s+(?:for\s+inhabil|ikke\s+kan\s+deltage\s+i)\b"
)
_POSITION = {"against": "against", "for": "for", "abstain": "abstain", "reservation": "reservation",
             "ntp": "not-taking-part"}  # fmt: skip

# "For stemte:", "Imod stemte", "Stemte imod:", "Imod:", "Undlod:", "Undlader:", "For administrationens indstilling
# stemte:", "Blank:"
_LABEL_RE = re.compile(
    r"^(?:(?P<for>For)(?:\s+(?:\w+\s+)?(?:indstilling(?:spunkt\s+\d+)?|forslag(?:et)?))?\s+stemte(?:\s+stemte)?\s*:?"
    r"|(?P<against>Imod)(?:\s+(?:\w+\s+)?(?:indstilling(?:spunkt\s+\d+)?|forslag(?:et)?))?\s+stemte\s*:?"
    r"|Stemte\s+(?:(?P<against2>imod)|(?P<for2>for))\s*:?"
    r"|(?P<against3>Imod)\s*:|(?P<for3>For)\s*:"
    r"|(?P<abstain>Undl(?:od|ader)(?:\s+at\s+stemme)?|Blank(?:e)?|Hverken for eller imod)\s*:?(?=\s|$)"
    r"|(?P<ntp>Følgende\s+deltog\s+ikke\s+i\s+[^:]*?):)"
    r"\s*(?P<who>.*)$",
    re.IGNORECASE,
)
_COUNT_RE = re.compile(
    r"\b(?:med\s+)?stemmer(?:ne)?\s+(?P<n_for>\d+)\s+for(?:\s*(?:og|,)?\s*(?P<n_against>\d+|ingen)\s+imod)?"
    # "godkendt med 16 stemmer mod 2 (F)", "med 4 stemmer for (A, C, Ø) mod 2 stemmer (V, O)": the votes for, then
    # against with the parties against (tried before the next form, which would take "med 4 stemmer for" alone)
    r"|\bmed\s+(?P<m_for>\d+)\s+stemmer(?:\s+for)?(?:\s*\((?P<m_for_parties>[^)]{1,30})\))?\s+mod\s+"
    r"(?P<m_against>\d+)(?:\s+stemmer?)?(?:\s*\((?P<m_parties>[^)]{1,30})\))?"
    r"|\bmed\s+(?P<n>\d+)\s+stemmer?\s+(?P<pos>imod|for)(?:\s*\((?P<parties>[^)]{1,30})\))?"
    r"(?:\s*(?:og|,)\s*(?P<n2>\d+|ingen)(?:\s+stemmer?)?\s+(?P<pos2>imod|for)(?:\s*\((?P<parties2>[^)]{1,30})\))?)?",
    re.IGNORECASE,
)
# "Et flertal", "Byrådets mindretal", "Kommunalbestyrelsens flertal": "et" or a body in the genitive (FORUM_WORD_RE).
_MAJORITY_RE = re.compile(
    r"^(?:et|(?P<body>[\w-]+s))\s+(?:flertal|mindretal)(?:\s+i\s+\w+)?(?:\s*(?:bestående\s+af|:|\()\s*)?",
    re.IGNORECASE,
)
# Where the list of voters ends and the rest of the sentence begins.
_WHO_END_RE = re.compile(
    r"\s+(?:med\s+(?=[a-zæøå])|idet|da|fordi|for\s+så\s+vidt|til|på)\b"  # "med bemærkning", "med henvisning til"
    r"|,\s*(?:da|idet|med|fordi|men|som|der|hvilket)\b|\s+(?:administrationens\s+)?(?:indstilling|punkt|pkt)\w*\b"
    r"|(?<![\s(][A-ZÆØÅ])[.:;]\s|[.:;]?$"
    r"|\s+[\"”“]",
    re.IGNORECASE,
)
_SPLIT_RE = re.compile(r"\s*(?:,|\bog\b|\bsamt\b|\+|;)\s*|(?<=\))\s+(?=[A-ZÆØÅ])")
_PARTY_TOKEN_RE = re.compile(r"^\(?(?P<p>[A-ZÆØÅ]{1,3}(?:-?\d)?)\)?$")
_NAME_PARTY_RE = re.compile(
    r"^(?P<name>[A-ZÆØÅ][\w'’\-]*\.?(?:\s+[A-ZÆØÅ][\w'’\-]*\.?){0,5})(?:\s+(?:fra\s+)?\((?P<p>[^()]{1,8})\))?$"
)
_NOT_VOTERS = frozenset(
    "administrationen forvaltningen direktionen der det de den man vi han hun som ingen alle ad følgende".split()
)
# A label that starts a later clause of the sentence: "..., imod stemte 13 (V, C)", "... stemmer: For stemte 4 (A)",
# "For stemte A og Ø. Imod stemte D." (a stop after a party letter ends no sentence elsewhere: "Ø. Imod"); not a
# subject's verb after a comma ("Bjarke Abel (A), stemte imod")
_CLAUSE_RE = re.compile(
    r"\s+(?=(?-i:For|Imod)\s+stemte\b)"  # "For stemte 5: A, V og C Imod stemte 2: Ø og F": two lines a print joined
    r"|(?:[.,;:]\s+|\s+og\s+|(?<=\))\s+)"  # "(5) Imod stemte: V (3)"
    r"(?=(?:for|imod)\s+stemte\b|stemte\s+(?:for|imod)\s*:|undl(?:od|ader)(?:\s+at\s+stemme)?\s*:"
    r"|(?:for|imod)\s*:\s*(?:\d|\(?[A-ZÆØÅ]{1,3}\b))",  # "For: A, V, M, Æ (6) Imod: Ø (1)": two lines a print joined
    re.IGNORECASE,
)
# the voters of a label given as a count, with the parties in brackets or after a colon
_LABEL_COUNT_RE = re.compile(
    r"^(?P<n>\d+)(?:\s+(?:stemmer|medlemmer))?\s*(?:\((?P<parties>[^)]{1,40})\)|:\s*(?P<listed>(?:[A-ZÆØÅ]{1,2}(?:\s*,\s*|\s+og\s+)?)+))?"
    r"\s*(?:[.,;][\s\S]*)?$"  # and the reason after it: "Imod stemte 2 (V, C), idet ..."
)
# the voters of a label given as parties with their count after them: "A, F, Ø og V (21)", "F og Ø (2), idet ..."
_PARTIES_COUNT_RE = re.compile(
    r"^(?P<parties>[A-ZÆØÅ]{1,2}(?:\s*(?:,|og)\s*[A-ZÆØÅ]{1,2})*)\s*\((?P<n>\d+)\)\s*(?:[.,;][\s\S]*)?$"
)
_SENTENCE_RE = re.compile(r"(?<![\s(][A-ZÆØÅ]\.)(?<=[.!?])\s+(?=[\"”“(A-ZÆØÅ])")


def _who(text: str) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
    """Names and party letters of a list of voters, or None when a part is neither (not a list of voters)."""
    text = fold_ws(text).strip(" ,.:;\"”“'")
    if not text:
        return None
    names: list[str] = []
    parties: list[str] = []
    pending: list[str] = []  # "John T. Olsen, Bjarke Abel fra (A)": the party applies to the names before it
    for raw in _SPLIT_RE.split(text):
        part = raw.strip(" .\"”“'")
        if not part:
            continue
        # "Dansk Folkeparti stemte imod", "SF og Ø": a party by its name, as its ballot letter
        m = _PARTY_TOKEN_RE.match(part.rstrip(")") + (")" if part.startswith("(") else ""))
        letter = party_named(part.strip("()")) or (m["p"] if m and (part.startswith("(") or part.isupper()) else None)
        if letter:
            if letter not in parties:
                parties.append(letter)
            continue
        m = _NAME_PARTY_RE.match(part)
        if not m or m["name"].casefold() in _NOT_VOTERS or FORUM_WORD_RE.search(m["name"]):
            return None
        if m["name"] not in names:
            names.append(m["name"])
        pending.append(m["name"])
        if m["p"]:
            p = party_named(m["p"]) or m["p"].strip()  # "Linda Heegaard (SF)": F, as "SF stemte imod" is
            if p not in parties:
                parties.append(p)
            pending = []
    return (tuple(names), tuple(parties)) if names or parties else None


def _cut_who(text: str) -> str:
    m = _WHO_END_RE.search(text)
    return text[: m.start()] if m else text


_VOTERS_AFTER = re.compile(r"(?:^|[\s,])(?:idet|hvor|mens|dog således,? at)\s+", re.IGNORECASE)


def _subject(segment: str, first: bool) -> str:
    """The voters before a verb: for a later verb in the sentence, what follows the previous clause's separator."""
    seg = segment
    if not first:
        m = re.search(r",\s*|\s+og\s+|\s+samt\s+|\.\s+", seg)
        if not m:
            return ""
        seg = seg[m.end() :]
    seg = re.sub(r"^\s*(?:\d+[.)]?\s*(?:-\s*\d+\.?)?\s*|ad\s+\d+\)?\s*:?\s*)", "", seg, flags=re.IGNORECASE)
    # the voters after the conjunction that adds them to a decision: "Godkendt, idet (Ø) stemte imod", "Anbefales,
    # idet Pernille Beckmann (V) og Marc Genning (V) undlod"
    seg = _VOTERS_AFTER.split(seg)[-1]
    return seg.strip(" ,\"”“'")


def _sentence_votes(sentence: str) -> list[Vote]:
    out: list[Vote] = []
    text = sentence.strip()
    clauses = _CLAUSE_RE.split(text)
    if len(clauses) > 1:  # "For stemte 5 (A, V, C), imod stemte 1 (O)", "...: For stemte A og Ø. Imod stemte D."
        return [replace(v, text=text) for c in clauses for v in _sentence_votes(c)]
    m = _LABEL_RE.match(text)
    if m:
        pos = next(_POSITION.get(k.rstrip("23"), "") for k in ("for", "for2", "for3", "against", "against2",
                                                                   "against3", "abstain", "ntp") if m[k])  # fmt: skip
        counted = _LABEL_COUNT_RE.match(m["who"].strip())
        if counted:  # "For stemte 18 (A, F, Ø, B)", "Imod stemte 2: V og C", "imod stemte 1"
            return [_counted(pos, counted["n"], counted["parties"] or counted["listed"], text)]
        after = _PARTIES_COUNT_RE.match(m["who"].strip())
        if after:  # "imod stemte A, F, Ø og V (21)": the parties, then their count
            return [_counted(pos, after["n"], after["parties"], text)]
        count = re.match(r"^(\d{1,2})\s*:\s*(?=[A-ZÆØÅ(])", m["who"].strip())  # "Imod stemte 4: Bente Ravnsbæk, ..."
        who = _who(_cut_who(m["who"].strip()[count.end() :] if count else m["who"]))
        if who:
            out.append(Vote(pos, who[0], who[1], text, int(count[1]) if count else None))
        return out
    for c in _COUNT_RE.finditer(text):
        if c["m_for"]:
            out += [_counted("for", c["m_for"], c["m_for_parties"], text),
                    _counted("imod", c["m_against"], c["m_parties"], text)]
        elif c["n_for"]:
            out.append(Vote("for", (), (), text, int(c["n_for"])))
            if c["n_against"]:
                n = 0 if c["n_against"].lower() == "ingen" else int(c["n_against"])
                out.append(Vote("against", (), (), text, n))
        else:
            out.append(_counted(c["pos"], c["n"], c["parties"], text))
            if c["n2"]:
                out.append(_counted(c["pos2"], c["n2"], c["parties2"], text))
    for d in _DECLARED_RE.finditer(text):  # "Udvalget erklærede X (V) for inhabil" / "..., at X ikke kan deltage"
        who = _who(d["who"])
        if who:
            out.append(Vote("not-taking-part", who[0], who[1], text))
    prev_end = 0
    for v in _VERB_RE.finditer(text):
        pos = _POSITION[next(k for k, val in v.groupdict().items() if val)]
        subject = _subject(text[prev_end : v.start()], prev_end == 0)
        prev_end = v.end()
        majority = _MAJORITY_RE.match(subject)
        if majority and (not majority["body"] or FORUM_WORD_RE.search(majority["body"])):
            subject = subject[majority.end() :].rstrip(") ")
            if not subject:
                continue
        who = _who(subject)
        if who:
            out.append(Vote(pos, who[0], who[1], text))
    return out


def _listed(line: str) -> str:
    """The voters a line under a label alone names: all of it ("Liselott Blixt (UP)"), or the voters its remark
    follows ("(F) med bemærkning om, at ..."); "" for any other line."""
    if _who(line):
        return line
    head = _cut_who(line)
    return head if head != line and _who(head) else ""


def _counted(position: str, n: str, parties: str | None, text: str) -> Vote:
    """ "med 19 stemmer for og 2 imod (F)": a count, with the parties where printed."""
    letters = tuple(p.strip() for p in re.split(r",|\bog\b", parties or "") if p.strip())
    count = 0 if n.lower() == "ingen" else int(n)
    position = {"for": "for", "imod": "against"}.get(position.lower(), position)  # a label's position kept
    return Vote(position, (), letters, text, count)


def _wrapped_voters(line: str, nxt: str) -> bool:
    """Whether ``line`` is a label with its voters that stops without a stop, and ``nxt`` ends the list (a short line
    that is no label of its own and ends with a stop)."""
    m = _LABEL_RE.match(line)
    return bool(m and m["who"].strip() and not line.rstrip().endswith((".", ":", ";", ")"))
                and len(nxt) < _WRAPPED_END_CHARS and nxt.rstrip().endswith(".") and not _LABEL_RE.match(nxt))


_WRAPPED_END_CHARS = 40  # a list's wrapped end: a name or two; a sentence of its own is longer


def votes_in(text: str) -> list[Vote]:
    """Every vote and position recorded in a decision text, in printed order."""
    out: list[Vote] = []
    lines: list[str] = []
    for ln in (text or "").splitlines():
        ln = ln.strip()
        if lines and lines[-1] and ln[:1].islower() and not lines[-1].endswith(":"):
            lines[-1] += " " + ln  # a sentence wrapped in a print ("... Søren Vang" / "stemte imod ...") is one line
        elif lines and ln and _wrapped_voters(lines[-1], ln):
            lines[-1] += " " + ln  # a label's voters wrapped mid-name ("... Karen Lund Poulsen og Michael" / "Bro
            # Jensen.")
        else:
            lines.append(ln)
    i = 0
    while i < len(lines):
        line = lines[i]
        m = _LABEL_RE.match(line)
        if m and not m["who"].strip():  # "For stemte:" with the names on the lines below
            names: list[str] = []
            printed: list[str] = []
            j = i + 1
            while j < len(lines) and (
                    not lines[j] or (not _LABEL_RE.match(lines[j]) and (listed := _listed(lines[j])))):
                if lines[j]:  # one name a line, blank lines between them (Greve)
                    names.append(listed)
                    printed.append(lines[j])
                j += 1
            if names:
                votes = _sentence_votes(f"{line} {', '.join(names)}")
                if printed != names:  # remarks after the voters: the text as printed, what they said included
                    votes = [replace(v, text=fold_ws(" ".join([line, *printed]))) for v in votes]
                out += votes
            i = j
            continue
        for sentence in _SENTENCE_RE.split(line):
            out += _sentence_votes(sentence)
        i += 1
    return out
