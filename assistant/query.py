"""Question analysis: language, intent, and the filters a question states (dates, committee, case number).

``analyse(question, history, catalog)`` returns a QueryPlan. It is cheap (regular expressions, a stemmer and the
catalog's committee list) and has no model.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field, replace
from datetime import date, timedelta
from functools import lru_cache
from typing import Any, Protocol

from assistant.bm25 import DANISH_STOPWORDS, compound_head
from assistant.bodies import (
    COUNCIL_ENGLISH,
    COUNCIL_WORDS,
    PARTIES,
    PARTY_ALIASES,
    aliases,
    english_committee_score,
    english_committee_spans,
    informal_committee,
    is_council,
    party_letter,
)
from assistant.prompts import DA_MONTHS, EN_MONTHS, format_int, phrase
from assistant.records import Answer, Filters
from assistant.textutil import adjacent_swaps, ascii_fold, fold_accents, one_letter_edits
from assistant.translate import english_word, glossary, glossary_groups, whole_glossary_groups
from assistant.vocabulary import CASE_NUMBER_RE, find_case_numbers, standard_point_named, without_standard_point

DA_STOP = frozenset(
    "af alle alt andre at blev blive bliver da de dem den denne der deres det dette dig din disse du efter eller en "
    "end er et for fra ham han hans har havde have hende hendes her hos hun hvad hvem hvis hvor hvordan hvilke "
    "hvilken hvilket hvornår i ikke ind jeg jer kan kom kunne man mange med meget men mig min mine mit mod ned noget "
    "nogle når og også om op os over på sig sin sine sit skal skulle som så sådan til ud under var vi vil ville vores "
    "være været blevet angående omkring ift ved hos uden samt the nogen ingen enhver hvorfor hvorledes hvorvidt "
    # "Hvad sagde udvalget om ...?": how a question asks what a body said, no word of what it said (minutes write
    # "bemærkede", "anbefalede"; "sagde" stood as the rarest topic word and refused the question)
    "sagde sagt siger sige "
    # "var oppe i byrådet": how a matter came before a body, no topic; "Hvad gjorde udvalget ...?": what a body
    # did, no word of what it did (the minutes of one municipality may lack it: a Ballerup question's "gjorde" was
    # an unknown word and refused it)
    "oppe gør gøre gjorde gjort "
    # "Hvor meget fik klubben?", "Hvad får borgerne?": who received what, the light verb of an amount or a thing
    # asked, no topic (minutes write "modtog", "bevilges"; "fik" stood beside the one word the minutes never use
    # and, rare in them, diluted its share of the unknown-word penalty)
    "få får fik fået "
    # "Har udvalget nogensinde behandlet ...?", "Er der overhovedet ...?", "Har de allerede / stadig / endnu ...?",
    # "lave et område til ...": how a question asks (when, whether at all, making something), no topic. Rare in
    # the minutes, "nogensinde" weighed as their most specific word beside the one word they never use
    "nogensinde overhovedet egentlig faktisk allerede stadig stadigvæk endnu mon vel altså lave laver lavet lavede "
    # "Hvad kom de frem til?": what a body concluded, the particle of "komme frem til", no topic
    "frem "
    # "da sagen kom derop", "blev den sendt derover", "Var sagen forbi byrådet?", "nåede den videre?": where a matter
    # went, said of a body named beside it; "endte den alligevel i byrådet?": whether it went there after all
    "derop derned derover derhen derind derud dertil forbi videre nåede nået alligevel".split()
)
EN_STOP = frozenset(
    "a about after all also an and any are as at be been before being but by can could did do does for from had has "
    "have how i if in into is it its me more most my no not of on or our out over said she should so some than that "
    "the their them then there these they this those to too under up was we were what when where which while who "
    "whom why will with would you your anyone anybody anything someone somebody something everyone everybody "
    "everything nobody nothing none".split()
)
# English words no Danish question uses, that carry a short English request ("Summarize the meeting", "I want the
# decisions"); for language detection only
EN_MARKERS = frozenset(
    "meeting meetings committee committees council decision decisions decided minutes item items vote voted votes "
    "summarize summarise give show tell list please want need".split()
)
# Generic words that say what kind of answer is wanted rather than what it is about.
QUESTION_WORDS = frozenset(
    "udvalget udvalg udvalgets byrådet kommunen møde mødet møder referat referatet referaterne punkt punktet sag "
    "sagen beslutte besluttede beslutning besluttet anbefale anbefalede anbefaling anbefalinger indstille "
    "indstillede indstilling committee council meeting meetings minutes item case decide decided decision "
    "recommend recommended recommendation conclude concluded conclusion konkluderede konkluderet municipality "
    "meldt meldte hvem who afbud absent fraværende "
    "deltog deltagere administration administrationen forvaltning forvaltningen drejer sagsnummer sagsnummeret "
    "sagsnumre sagsnumrene journalnummer journalnummeret beslutninger beslutningerne decisions giv vis fortæl "
    "opsummer opsummér sammenfat beskriv forklar give show tell list summarize summarise describe explain".split()
) | {m.lower() for m in DA_MONTHS + EN_MONTHS}

# "Hvor er sag X blevet behandlet?", "Where has the case been discussed?": where is which bodies, so the path
_WHERE_HANDLED = (r"hvor (?:er|blev|har|var)\b(?:\s+[\w§,.-]+){0,10}?\s+behandl\w*|"
                  r"where (?:was|were|has|have|is)\b(?:\s+[\w§,.-]+){0,10}?\s+(?:handled|dealt with|discussed|"
                  r"treated|considered)")
_PATH = re.compile(
    r"\b(sagens forløb|forløb|hvilke punkter|hvilke (?:udvalg|organer|møder|fora|råd)|behandlet hvor|gennem hvilke|"
    r"sagsforløb|igen|tidligere|rækkefølge|history of|which items|which (?:committees?|bod(?:y|ies)|meetings?|"
    r"boards?|councils?)|path of|passed through|went through|again|dealt with before|earlier|trace|"
    r"(?:who|hvem) (?:has|have|had|har|havde) (?:\w+ ){0,2}?(?:dealt with|handled|considered|behandlet)|"
    # what became of a case the question names: "What happened with case 23-012387?", "Hvad skete der med sag ...?"
    r"what happened (?:with|to|in)|hvad (?:skete|er der sket)(?: der)? (?:med|i)|hvordan gik det (?:med|i)|"
    rf"{_WHERE_HANDLED})\b")
# A question about the order of a topic's handlings (its case found by search): "tidligere", "i hvilken
# rækkefølge", "trace", "earlier meeting".
_PATH_TOPIC = re.compile(r"\b(tidligere (?:været |blevet )?behandl\w*|rækkefølge|trac(?:e|es|ed|ing)|earlier meeting|"
                         r"sagsforløb|alle beslutninger|all (?:the )?decisions|every decision|in (?:what|which) order|"
                         r"sagens forløb|behandlet igen|dealt with before|"
                         r"which (?:meetings?|committees?|bodies|boards?) (?:handled|dealt|considered|discussed|had)|"
                         # ... as Danish asks it ("Hvilke udvalg har behandlet sagen om ...?", "Hvilke organer
                         # drøftede ...?")
                         r"hvilke (?:udvalg|organer|råd) (?:har |havde )?(?:behandlet|drøftet|behandlede|"
                         r"drøftede)|"
                         rf"{_WHERE_HANDLED})\b", re.I)
# ... or how it moved between bodies ("Hvordan bevægede sagen sig fra udvalgets anbefaling til byrådet?", "How did
# the proposal get from the committee to the council?"), whatever else the question asks ("og fik klubben pengene?")
_MOVED = re.compile(r"\b(bevæge(?:de|r)? (?:sagen|den|det|forslaget) sig|hvordan gik (?:sagen|den|det|forslaget) "
                    r"(?:videre|fra)|how did (?:it |the (?:[\w-]+ ){0,6}?)(?:move|go|get|travel|progress|pass) "
                    r"(?:on |through )?from)\b", re.I)
# ... each of a matter's handlings asked for ("what happened each time", "three times in spring 2013 - what happened
# at each of those meetings?", "hver gang", "flere gange"), unless the question then asks for one of them ("flere
# gange i 2013. Hvad besluttede udvalget første gang?": plan.ordinal)
_EACH_TIME = re.compile(r"\b(each time|every time|hver gang|each of (?:those|these|the) meetings|hvert af (?:de|disse) "
                        r"møder|more than once|several times|(?:two|three|four) times|twice|flere gange|"
                        r"(?:to|tre|fire) gange)\b", re.I)
# The question asks for an amount, a count, a share or a rank: the answer is a sentence with a number in it.
_QUANTITY = re.compile(
    r"\b(hvor (?:mange|meget|stor[te]?|høj[te]?|lang[te]?|dyr[te]?)|hvad (?:koste\w*|beløb\w*)|hvilket beløb|"
    r"hvilken (?:pris|takst|andel|placering)|how (?:many|much|large|big|high|tall|wide|deep|long|expensive)|"
    r"hvor (?:bred|dyb)[te]?|"
    r"hvad (?:er|var|bliver|blev) (?:\w+ ){0,2}?\w*(?:takst|pris|beløb|gebyr|tilskud|udgift|husleje|lejen|løn)\w*|"
    # a fee, a rent, a charge, a tax, a salary in English as typed ("what's the admin fee", "whats the lowest yearly
    # rent"): the 40 dev sets (2026-12-07) contains 0.778 -> 0.780 (+4, -1: a firm and a fee asked, the fee won)
    r"what(?:'s|s)? (?:(?:was|is|were|are|will be) )?(?:the )?(?:\w+ ){0,2}?(?:amount|price|cost|rate|share|percentage|"
    r"number|rank(?:ing)?|fee|rent|charge|tax|fine|salary|wage|subsidy|grant)s?|"
    r"hvilk(?:et|en) (?:\w+ ){0,2}?(?:beløb|pris|takst|andel|procent\w*)|"
    r"what (?:did|does|do|will|would) (?:[\w'-]+ ){1,5}?cost|what (?:[\w'-]+ ){1,10}?(?:to|will|would) cost|"
    r"hvad (?:[\w-]+ ){1,10}?(?:at )?koste|\w*procent\w*|percent\w*|turnout|(?<!to )rank(?:ed|ing)?|"
    r"antal(?:let)?|number of|rangeret|hvilken plads|(?:which|what) place|hvor længe|(?:for )?hvilken periode|"
    r"(?:i|in) \w*kroner)\b",  # "Hvad svarer det til i lønkroner?"
    re.I)  # ("placering" alone: a site; "who should get to rank the other areas": who ranks, not a rank)
# A count asked of a thing: the words after "hvor mange" / "how many" (English two: "how many full-time places"); money
# or a share when they name it ("Hvor mange penge", "med hvor mange procent"), else a count whatever the rest asks
# ("Hvor mange byggesager ..., og i hvor mange kan der opkræves gebyr?" counts cases, not the fee)
_COUNTED = re.compile(r"\b(?:hvor mange|how many|antal(?:let)?(?: af)?|number of)\s+"
                      # an adjective of counting is not what is counted ("how many different name ideas")
                      r"(?:(?:different|separate|individual|distinct|unique|new|other|more|extra|additional|"
                      r"forskellige|nye|andre|flere|ekstra)\s+)?"
                      r"((?:[^\W\d_][\w-]*)(?:\s+[^\W\d_][\w-]*){0,2})", re.I)  # "long term unemployed"
# ... and which kind: money ("Hvad koster ...", "how much funding"), a share ("stemmeprocenten"), else a number
_QUANTITY_KINDS = (
    ("rank", re.compile(r"\b(rank\w*|placering\w*|placeret|rangeret|hvilken plads|(?:which|what) place)\b", re.I)),
    # a duration ("hvor længe", "how long did Greve get", "how long is a power cut expected to last"; not "how long is
    # the path", a length)
    ("duration", re.compile(r"\b(hvor længe|hvor lang tid|(?:for )?hvilken periode|for how long|"
                            r"how long (?:did|does|do|will|would|can|could|should)\b|how long\b.{0,60}\b(?:last|take|"
                            r"takes|took)\b)", re.I)),
    ("share", re.compile(r"\b(\w*procent\w*|percent\w*|andel\w*|share|turnout)\b", re.I)),
    ("money", re.compile(r"\b(koste\w*|pris\w*|beløb\w*|\w*takst\w*|\w*tilskud\w*|\w*bevilling\w*|\w*gebyr\w*|"
                         r"\w*udgift\w*|dyr[te]?|\w*kroner|kr|penge|money|cost\w*|price\w*|amount|fund\w*|grant\w*|"
                         r"fee\w*|rent|rents|\w*husleje\w*|lejen|charges?|tax|taxes|fines?|salar\w*|wages?|subsid\w*|"
                         r"expensive|\w*budget\w*|pay|pays|paid|paying|betale[rst]?|bidrag\w*|contribut\w*|"
                         r"spend\w*|spent)\b", re.I)),
    # a size, after money ("hvor stor var udgiften til tilbygningen"): a height, a width, a depth or an area, stated
    # in metres or square metres ("højde af max. 7 m", "28 m²"); "hvor stor" only of a building ("hvor stor var
    # stigningen" asks for a number)
    ("size", re.compile(r"\b(how tall|height|width|depth|højde\w*|bredde\w*|dybde\w*|hvor (?:bred|dyb|høj)[te]?|"
                        r"how (?:wide|deep|high)|\w*kvadratmeter\w*|m2|m²|\w*areal\w*|area|square met\w*|"
                        r"(?:hvor|how) (?:stor[te]?|big|large) (?:[\w-]+ ){0,3}?(?:\w*bygning\w*|hus\w*|tårn\w*|"
                        r"building|house|extension|tower))\b", re.I)),
)
# A question for a time: "hvornår", "when", "what date", the time of day ("What time did the committee meet?",
# "Hvad tid startede mødet?", "hvilket klokkeslæt") (the "when" intent; a part of a question asking it)
ASKS_WHEN = re.compile(r"\b(hvornår|when|what date|which date|what time|hvad tid|hvilket (?:klokkeslæt|tidspunkt))\b",
                       re.I)
# Asking how members voted (also the votes intent's pattern below)
_VOTES = re.compile(
    r"\b(stemte|stemmer (?:for|imod)|afstemning\w*|forbehold\w*|undlod|undlader|tiltrådte ikke|"
    # abstaining: "Var der nogen, der ikke ville tage stilling?" (the minutes: "X tog ikke stilling")
    r"ikke (?:ville |kunne )?tage stilling|ville ikke tage stilling|tog ikke stilling|"
    r"ikke tiltræde|hvilke partier|hvilket parti|var imod|voted?|votes|voting|abstain\w*|abstention\w*|"
    r"reservations?|opposed|which part(?:y|ies)|"
    # who backed a proposal: the votes for it ("Who backed it?", "Hvem støttede forslaget?")
    r"who (?:backed|supported)|hvem (?:støttede|bakkede op))\b")


_INTENT_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("attendance", re.compile(
        r"\b(afbud|fravær\w*|ikke til stede|mødte ikke|deltog (?:der )?(?:nogen |alle |nogle )?ikke|ikke deltog|"
        r"hvem manglede|manglede ved|manglede der (?:nogen|nogle|medlemmer)|(?:nogen|nogle) (?:der )?manglede|"
        # "Var der nogen fra klimaudvalget der manglede på mødet ...?"
        r"(?:nogen|nogle)(?: [\w-]+){1,4}? der manglede|manglede (?:på|ved|til|i) (?:\w+)?mødet|"
        r"var ikke med|ikke var med|var alle (?:\w+ ){0,2}?(?:med|til stede)|absent\w*|absence|apolog\w*|"
        # "not" with a verb of coming or taking part: "who couldn't come", "hvem kunne ikke deltage"
        r"(?:did|could|was|were)(?: not|n'?t) (?:able to )?(?:attend|come|be there|show up)|"
        r"unable to (?:attend|come|be there)|(?:kunne ikke|ikke kunne) (?:komme|deltage)|hvem kom ikke|"
        r"did not attend|did not take part|not take part|didn't take part|"
        r"missing from|not present|who was away|(?:anyone|anybody|someone|somebody|members?) (?:missing|away)|"
        r"(?:was|were|been|stayed)(?: [\w'-]+){0,3}? away from (?:[\w'-]+ ){0,5}?(?:meeting|committee|council|board)|"
        r"(?:who|which members?) (?:was|were) (?:missing|not there)|"
        r"miss(?:ed)? (?:the |their |his |her )?(?:[\w'-]+ ){0,5}?meeting|"
        # "Was everyone at the meeting?", "Were all the members there?"
        r"(?:was|were) (?:everyone|everybody|all(?: the)?(?: members)?) (?:at|there|present)|"
        # "Hvem havde meldt fra?", "who sent their regrets", "who called in sick"
        r"meldt(?:e)? fra|melder fra|meldt(?:e)? (?:sig )?syg|sent (?:their |his |her )?regrets|called in sick)\b")),
    ("participants", re.compile(
        r"\b(deltog|deltagere|mødedeltagere|til stede|fremmødt\w*|medlemmer|sidder i|sad i|who attended|"
        r"attendees|participants|took part|members|who sits|sits on|present at|"
        # who is on a body: "Who is on the Kultur- og Fritidsudvalget?", "Hvem er med i byrådet?"
        r"(?:who (?:is|are|was|were) on|hvem (?:er|var) (?:med )?i) (?:the )?(?:[\w,-]+ ){0,4}?"
        r"\w*(?:udvalg|byråd|kommunalbestyrelse|committee|council|board)\w*|"
        # the chair of the meeting, whom the list of participants may name ("Lolan Ottesen (A) - formand")
        r"hvem (?:var|er) (?:\w+ )?(?:næst)?formand|hvem ledede|mødeleder|who (?:was|is) (?:the )?(?:vice[- ]?)?"
        r"chair\w*|who chaired|who led the meeting)\b")),
    ("meetings", re.compile(
        r"\b(hvilke møder|hvor mange møder|møder holdt|holdt \w+ møder?|mødedatoer|mødeplan|"
        r"hvilke (?:datoer|dage)(?: [\w,-]+){1,6}? møder?|(?:which|what) dates(?: [\w',-]+){1,6}? meet\w*|"
        r"which meetings|"
        r"how many meetings|meetings did|meetings were held|meeting dates)\b")),
    ("case", _PATH),
    ("votes", _VOTES),
    ("when", ASKS_WHEN),
    # what the administration asked for or wanted is what it recommended (a body's request is its decision, below)
    ("recommendation", re.compile(r"\b((?:the )?(?:administration|administrationen|forvaltningen) (?:ask\w*|bad|"
                                  r"anmod\w*|want\w*|ønske\w*)|(?:bad|anmodede|ønskede) (?:administrationen|"
                                  r"forvaltningen))\b")),
    ("decision", re.compile(
        r"\b(beslut\w*|vedt\w+|godkend\w*|afgjort|afvist|stemte|afstemning\w*|decid\w*|decision\w*|approv\w*|"
        # agreeing, saying yes or no, granting money is deciding; so is what a body asked for ("Hvad bad udvalget
        # om at få undersøgt?": its decision's remark)
        r"agree\w*|(?:blev|var|er|bliver) (?:\w+ )?enige?|enedes|sagde (?:ja|nej)|grønt lys|green light|bevilge\w*|"
        r"bad (?:\w+ ){0,3}?om|ønskede|"
        r"ask(?:ed|s)? (?:for|to)|request(?:ed|s)?|"
        # what a body wanted or required ("what did the technical committee want ...", "hvad ville udvalget have
        # ...", "hvad krævede skoleudvalget ...")
        r"did the (?:[\w-]+ ){0,3}?(?:committee|council|board) (?:want|require|demand|insist|do)|"
        r"(?:ville|krævede|forlangte|gjorde) (?:\w+udvalget|udvalget|byrådet)|"
        r"resolv\w*|reject\w*|vot\w+|kom\s+(?:[\w§,.-]+\s+){1,6}?frem til|konklu\w+|conclu\w+|outcome|"
        # permitting, refusing or sending back is deciding
        r"imødekom\w*|afslå\w*|afslog|tilladelse|lov til|sendt\w* (?:[\w-]+ ){0,8}?(?:retur|tilbage)|"
        r"allowed|permi(?:t|ts|tted|ssion)|turned down|refus\w*|sent back|"
        # what a body said to a proposal, an application or a request is its decision on it ("Hvad sagde
        # udvalget i april til forvaltningens forslag om ...?", "How did the council respond to the proposal?")
        r"(?:sagde|svarede|reagerede)\s+(?:[\w,-]+\s+){0,8}?til\s+(?:[\w-]+\s+){0,2}?(?:forslag|indstilling|"
        r"anbefaling|ansøgning|henvendelse|anmodning|ønske)\w*|(?:say|said|respond\w*|react\w*)\s+(?:to|about)\s+"
        r"(?:[\w'-]+\s+){0,2}?(?:proposal|recommendation|application|request|suggestion)s?|"
        # changing its mind is deciding again ("ændrede udvalget så mening?", "did the council change its mind?")
        r"ændre\w* (?:[\w-]+ ){0,4}?mening|skiftede (?:[\w-]+ ){0,4}?mening|chang\w* (?:its|their) minds?)\b")),
    ("recommendation", re.compile(r"\b(anbefal\w*|indstil\w*|foresl\w*|recommend\w*|propos\w*|advis\w*|suggest\w*|"
                                  r"(?:lagde|lægger|lægge) (?:\w+ ){0,2}op til)\b")),  # "lagde administrationen op til"
]  # fmt: skip

_FOLLOWUP = re.compile(
    r"^(og|men|hvad med|hvad så|hvem|hvornår|og hvem|and|but|what about|how about|who|when)\b|"
    r"\b(sagen|mødet|punktet|det møde|samme møde|samme sag|den sag|dette|det|the case|the meeting|that meeting|"
    r"this case|that case|the item|it|same|"
    r"så|then)\b",  # the discourse particle of a next question: "Hvad skal de så bruges til?", "What was then decided?"
    re.I,
)
# A council as a question writes it ("Kommunalbestyrelsen", "byrådet", "Ballerup's municipal council"): the name the
# refusal gives for the council of a municipality the index holds other minutes of but not the council's
_BODY_IN_QUESTION = re.compile(rf"\b(?:{'|'.join(COUNCIL_WORDS[:3])})[a-zæøå]*\b|"
                               rf"\b(?:{'|'.join(COUNCIL_ENGLISH)})\b", re.I)
# A demonstrative with the word for an agenda point, case or meeting points back whatever else the question names
# ("who sat in for that item?", "hvad kostede den sag?"); a definite noun alone may not ("sagen om X")
_DEMONSTRATIVE_MATTER = re.compile(
    r"\b(?:that|this|the same) (?:item|point|case|matter|meeting)\b|\b(?:det|dette|samme) (?:punkt|møde)\b|"
    r"\b(?:den|denne|samme) sag\b", re.I)
# A question that opens by continuing the conversation ("Og hvad ...?", "Men blev ...?", "So did ...?", "And what
# will the citizens pay?"): a next turn of the same matter, whatever words of its own it adds, unless it names its
# own body ("Så hvad besluttede Økonomiudvalget om budgettet for skolerne?" is a question of its own)
_CONTINUES = re.compile(  # (also after an acknowledgement: "ok og hvad ...?", "Okay, and who ...?")
    r"^\s*(?:(?:ok|okay|nå|jamen|fint|godt|alright|right|great)\b[\s,.!]*)?(og|men|så|and|but|so)\b", re.I)
# A pronoun for what the previous answer was about; "den" and "de" are also articles ("den nye hal"), so a question
# with one leans back only when it names at most two topic words of its own
_PRONOUN = re.compile(r"\b(den|dens|de|dem|deres|they|them|their|its|this|that|these|those)\b", re.I)
# ... after "og"/"and" opening it, a pronoun leans back with up to this many topic words ("fik de nye tal ... bad":
# four), though the question names its own body: the least that made d26q022 a follow-up; on the 25 dev sets
# (2026-12-06) no other question changed
CONTINUED_TERMS = 4
# "punkt 3", "item 3", "dagsordenspunkt 12a"; "det sidste punkt", "the last item", "første punkt"
_POINT_REF = re.compile(
    r"\b(?:dagsordens)?(?:punkt|item|point|pkt\.?)\s*(?:nr\.?\s*|no\.?\s*|number\s*)?(\d{1,4}[a-z]?)\b", re.I
)
_POINT_ORDINAL = re.compile(r"\b(sidste|første|last|first|final)\s+(?:dagsordens)?(?:punkt|item|point)\b", re.I)
_WHERE = re.compile(
    r"\b(hvor\s+(?:og hvornår|blev|var|foregik|afholdtes|holdtes|mødtes|holdt)|mødested|where|venue)\b", re.I
)
# A party's view asked for ("Hvad mente SF om ...?", "What did Enhedslisten say about ...?")
_OPINION = re.compile(r"\b(mente|mener|sagde|siger|syntes|synes|holdning\w*|standpunkt\w*|thought|think|thinks|"
                      # a party's votes in a keyword question: "budget 2024-27 Enhedslisten stemmer"
                      r"stemme|stemmer|stemmerne|"
                      r"said|say|says|position|stance|view|views|felt|feel)\b", re.I)
# Greetings and thanks, a request for help, a question about what the index holds (whole-question patterns: "Tak
# for beslutningen om X" is no thanks to the assistant)
_THANKS_WORDS = r"(?:mange |tusind )?tak(?: for hjælpen| skal du have)?|thanks?(?: a lot)?|thank you(?: very much)?"
_THANKS = re.compile(rf"^\s*(?:{_THANKS_WORDS})\s*[!.,]*\s*$", re.I)
_SMALL_TALK = re.compile(
    r"^\s*(?:hej(?:sa)?|goddag|god (?:morgen|dag|eftermiddag|aften)|hello|hi|hey|good (?:morning|afternoon|"
    rf"evening)|farvel|vi ses|bye|goodbye|{_THANKS_WORDS})\s*[!.,]*\s*$", re.I)
# ... and the same courtesies around a question ("Hej! Hvornår ...?", "Hi, when ...?", "... ? Tak på forhånd.",
# "... Thanks in advance. Best regards, Jens"): what is asked is the rest
_GREETING_WORDS = (r"(?:hej(?:sa)?|goddag|god (?:morgen|dag|eftermiddag|aften)|hello|hi|hey|good (?:morning|"
                   r"afternoon|evening))(?: (?:med dig|there|all|alle|allesammen))?|(?:kære|dear) [^\W\d_]+")
_LEADING_COURTESY = re.compile(rf"^\s*(?:{_GREETING_WORDS})(?:\s*[!.,:;]+\s*|\s+(?=\S))", re.I)
# ... and the request a question is wrapped in ("Kan du fortælle mig, hvornår ...?", "Could you tell me when ...?",
# "Jeg vil gerne vide, om ...", "I'd like to know ..."): the formulas of asking, no topic
_REQUEST = re.compile(
    r"^\s*(?:(?:kan|kunne|vil|gider) du (?:(?:venligst|lige|godt|evt\.?) )?(?:fortælle|sige|oplyse|finde ud af|"
    r"undersøge|tjekke|slå op|hjælpe mig med at finde ud af)(?: mig)?|ved du|jeg vil (?:gerne|godt|lige) (?:vide|høre|"
    r"have at vide|spørge)|jeg (?:søger|leder efter) (?:information|oplysninger|svar)|(?:can|could|would) you "
    r"(?:please )?(?:tell|show) me|(?:please )?tell me|do you know|i(?:'d| would) like to know|i want to know|"
    r"i(?:'m| am)? wondering|i wonder)\s*[:,]?\s+(?:(?:om|whether|if|about)\s+)?(?=\S)", re.I)
_SIGN_OFF = r"(?:(?:med )?venlig hilsen|mvh\.?|vh|(?:best |kind )?regards|cheers)(?:[,\s]+[^\W\d_]+){0,3}"
# (after a sentence's mark, or after a question typed without one, as the capital of a new sentence: "... hvor mange
# meter Tak på forhånd.")
_COURTESY_STARTS = r"(?:(?<=[.!?,])\s*|\s+(?=(?-i:[A-ZÆØÅ])))"
_TRAILING_COURTESY = re.compile(
    rf"(?:{_COURTESY_STARTS}(?:(?:på forhånd )?(?:{_THANKS_WORDS})(?: på forhånd| in advance| for (?:your|the) help)?|"
    rf"på forhånd tak)\s*[!.,]*(?:\s*{_SIGN_OFF})?|{_COURTESY_STARTS}{_SIGN_OFF})\s*[!.,]*\s*$", re.I)

# ... and a request about the answer's form after it ("Svar gerne kort.", "Kan du give mig kilden?", "please keep it
# short", "Sources please."): how to answer, not what about
_ANSWER_FORM = re.compile(
    # after a sentence, or as a sentence of its own without a mark before it (a capital, a word of asking)
    r"(?:(?<=[.!?,])\s*|\s+(?=(?-i:[A-ZÆØÅ]))(?=(?:svar|skriv|gerne|helst|hold|gør|kort|kan|vil|må|giv|send|vis|husk|"
    r"please|keep|be|short|brief|can|could|would|give|show|include|cite|add|with|sources|references)\s))"
    r"(?:(?:(?:svar|skriv)(?: mig)?|gerne|helst) (?:(?:gerne|venligst|bare|lige|helst) )?"
    r"(?:kort(?:t|fattet)?|præcist|i (?:punktform|stikord))|(?:hold|gør) det (?:kort|kortfattet)|kort svar|"
    r"(?:(?:kan|vil) du |må jeg (?:få|bede om) |(?:giv|send|vis) mig |husk |gerne |med )?(?:(?:give|vise|sende|angive|"
    r"henvise til)(?: mig)? )?(?:gerne |også )?(?:kilden|kilderne|kilder|kildehenvisning(?:en|er|erne)?|"
    r"henvisning(?:en|er|erne)?|links?|et link|en kilde)(?: (?:med|til svaret|på))?(?: tak| gerne| også)?|"
    r"(?:please )?(?:keep it|be) (?:short|brief|concise)(?: please)?|"
    r"(?:a )?(?:short|brief) answer(?: please| is fine)?|"
    r"(?:(?:can|could|would) you |please )?(?:give|show|send|include|cite|add)(?: me)? (?:the |your )?(?:sources?|"
    r"references?|links?|citations?)(?: please)?|(?:with )?(?:sources|references|citations) please)"
    r"\s*[?.!,]*\s*$", re.I)

# A sentence before the question about who asks ("Jeg er ny i udvalget.", "I'm a journalist at the local paper.",
# "Jeg skal skrive et notat til direktionen."): the asker in the first person, then words of the roles and tasks of
# the people who ask about minutes (committee members, staff, report writers, journalists, citizens: the product's
# users) and their workplaces. Any other word ("Jeg har et barn i vuggestue.", "I'm a caseworker tracing the
# contingency plan ..."), a name or a number ("Jeg er ny i Social- og Handicapudvalget.") keeps the sentence: it
# says what the question is about; so does the council, one body ("Jeg er ny i byrådet. ... da vi sagde ja").
_ASKER_SENTENCE = re.compile(r"^\s*(?:jeg|i)\b(?:'m)?[^.!?:;]*[.!:;]\s+(?=\S)", re.I)
_ASKER_WORDS = frozenset(
    "jeg er har skal sidder arbejder bor lige ny nyt nye nyvalgt startet begyndt kommet ind som en et i på for ved "
    "til med og at mig min mit journalist journalistpraktikant lokalavisen avisen avis borger beboer sagsbehandler "
    "medarbejder ansat politiker byrådsmedlem udvalgsmedlem medlem studerende forsker konsulent praktikant kommunen "
    "udvalget direktionen administrationen forvaltningen skrive notat rapport artikel opgave prøver forsøger "
    "forstå sætte få overblik over tingene lære "
    "i i'm am have has just new newly elected started joined a an the on at for in of to and as my me "
    "journalist reporter local paper newspaper citizen resident live caseworker case worker employee staff member "
    "politician councillor councilor committee municipality student researcher consultant intern writing "
    "write briefing note report article trying try to understand get up speed overview learn".split())


def _about_the_asker(sentence: str) -> bool:
    words_ = re.findall(r"[\w'’]+", sentence)
    return bool(words_) and not any(w[:1].isupper() or w[:1].isdigit() for w in words_[1:] if w.lower() != "i") \
        and all(w.lower().replace("’", "'") in _ASKER_WORDS for w in words_)


# A sentence before the question saying where the asker sits ("Jeg sidder i byrådet for Venstre.", "I'm on the
# planning committee for the Conservatives.", "Jeg er lige blevet valgt ind i Social- og Handicapudvalget."): the
# asker's seat and party, not what is asked: not a filter to the body's meetings (the matter may have been treated
# elsewhere), nor a question about the party's votes. Its words are the asker's (_ASKER_WORDS), a seat's
# (_SEAT_WORDS), bodies and parties; any other word keeps the sentence (it says what is asked about).
_SEAT_WORDS = frozenset(
    "formand formanden næstformand medlem valgt valgte blevet ind af partiet parti gruppe gruppen repræsenterer "
    "repræsentant suppleant stedfortræder siddet været "
    "chair chairman chairwoman vice deputy member substitute alternate elected sit sitting serve serving represent "
    "party group been was "
    "the".split())
_PARTY_NAMED = re.compile(
    "|".join(rf"(?<![\wæøå]){re.escape(name.lower())}(?![\wæøå])"
             for name in sorted([*PARTY_ALIASES, *(p for p in PARTIES.values() if len(p) > 2)], key=len, reverse=True))
    + r"|\([A-ZÆØÅ]\)", re.I)
# ... unless the question points back at the body: "Jeg er ny i byrådet. Hvad besluttede vi om ...?", "What did we
# decide ...?", and a committee's "Hvad har udvalget besluttet ...?" (not the council's: "Jeg sidder i byrådet. Hvem
# viste udvalget rundt?" is about a committee)
_REFERS_TO_SEAT = re.compile(r"\b(?:vi|vores|os|we|our|us)\b", re.I)
_REFERS_TO_COMMITTEE = re.compile(r"\b(?:udvalget|udvalgets|the committee(?:'s)?)\b", re.I)


def asker_seat(question: str, bodies: list[str]) -> tuple[str, list[str]]:
    """``question`` without up to two sentences before it about where its asker sits, and the bodies they name
    ("Jeg sidder i byrådet for Venstre. Hvad er planlagt på Maglemosen?" -> "Hvad er planlagt på Maglemosen?",
    [the council])."""
    seats: list[str] = []
    for _ in range(2):
        m = _ASKER_SENTENCE.match(question)
        if not m:
            break
        sentence = m.group(0)
        named = match_committees(sentence, bodies)
        rest = _PARTY_NAMED.sub(" ", sentence)
        for name in named:
            for alias in committee_aliases(name):
                rest = _alias_pattern(alias).sub(" ", rest)
        words_ = re.findall(r"[\w'’]+", rest)
        if rest == sentence or not words_ or any(
                w[:1].isupper() or w[:1].isdigit() for w in words_[1:] if w.lower() != "i") or not all(
                w.lower().replace("’", "'") in _ASKER_WORDS | _SEAT_WORDS for w in words_):
            break
        seats += [name for name in named if name not in seats]
        question = question[m.end() :]
        question = question[:1].upper() + question[1:]
    return question, seats


def without_courtesy(question: str) -> str:
    """What ``question`` asks: without a greeting, up to two sentences about the asker and a request before it, and
    thanks, a signature and a request about the answer's form after it ("Hej! Jeg er ny i udvalget. Kan du fortælle
    mig, hvornår mødet var? Tak på forhånd." -> "Hvornår mødet var?", "... boligerne? Svar gerne kort." ->
    "... boligerne?"); as it is when fewer than two words are left ("Tak!": small talk)."""
    q = _LEADING_COURTESY.sub("", question, count=1)
    for _ in range(2):  # "Hej! Jeg er ny i udvalget. Jeg skal skrive et notat. Hvornår ...?"
        m = _ASKER_SENTENCE.match(q)
        if not m or not _about_the_asker(m.group(0)):
            break
        q = q[m.end() :]
    q = _REQUEST.sub("", q, count=1)
    for _ in range(2):  # "... boligerne? Svar gerne kort. Tak!"
        m = _TRAILING_COURTESY.search(q) or _ANSWER_FORM.search(q)
        if not m:
            break
        q = q[: m.start()]
    q = q.strip(" ,")
    if q == question or len(re.findall(r"[^\W\d_]{2,}", q)) < 2:  # "Ved du det?" is no question about "det"
        return question
    return q[:1].upper() + q[1:]  # "Hi, when ...?": a question's first word, as it would be without the greeting


_ENGLISH_OPENING = re.compile(r"^\s*(?:thanks?|thank you|hello|hi|hey|good|bye|goodbye|help|what|how|which)\b",
                              re.I)
_HELP = re.compile(r"^\s*(?:hjælp|help|hvad kan (?:du|jeg) (?:svare på|spørge (?:dig )?om|bruge dig til)|hvordan "
                   r"(?:bruger jeg|virker) (?:dig|det|du)|what can (?:you|i) (?:answer|ask(?: you)?(?: about)?|do)|"
                   r"how do i use (?:you|this)|how does this work)\s*[?!.]*\s*$", re.I)
_OVERVIEW = re.compile(
    r"^\s*(?:hvilke (?:udvalg|kommuner|referater|møder) (?:er der|har du|findes(?: der)?|kender du|dækker du|"
    r"er i indekset)|hvad (?:indeholder|dækker) (?:du|indekset|referaterne)|which (?:committees|municipalities|"
    r"minutes|meetings) (?:are there|do you have|are covered|do you know|are in the index)|what (?:do|does) "
    r"(?:you|the index) (?:contain|cover|hold))\b", re.I)
# The question asks for the case number of a topic ("Hvad er sagsnummeret på sagen om Villa Sitka?")
CASE_NUMBER_ASKED = re.compile(r"\b(sagsnumre\w*|sagsnummer\w*|sagsnr|journalnummer\w*|case numbers?|"
                               r"case no|file numbers?|reference numbers?)\b", re.I)
_HAPPENED = re.compile(r"\b(hvad skete der|hvad skete|what happened|what went on|opsummer\w*|opsummér|sammenfat\w*|"
                       r"summari[sz]e|summary of)\b", re.I)
_AGENDA = re.compile(
    r"\b(dagsorden\w*|agenda|hvilke (?:punkter|sager)|which (?:items|points|cases)|what (?:items|points|cases)|"
    r"hvor mange (?:dagsordens)?punkter|how many (?:agenda )?(?:items|points)|"
    r"hvad (?:blev|var) der på|hvad stod (?:der )?på|what was on|what was discussed|hvad blev (?:der )?behandlet)\b",
    re.I,
)
# Words that ask about a meeting or an agenda point as such, not about a topic in it.
RECORD_WORDS = frozenset(
    "held holdt afholdt afholdes place took take time tidspunkt klokkeslæt date dato start starte startede begin "
    "began begyndte begynder begynde foregik agenda dagsorden dagsordenen punkter punkt items item about handle "
    "handler handlede discussed drøftet drøftede behandlet behandlede treated dealt sted location venue mødested "
    "første sidste sidst first last final igen again tidligere earlier before previously stemte stemt vote voted votes "
    "voting imod against parti partier party parties forbehold reservation reservations undlod abstained tog took "
    "tage stilling happen happened skete stod står afstemning stemme stemmer truffet taget made taken ekstraordinær "
    "ekstraordinært ekstraordinære extraordinary ordinær ordinære ordinary regular meet met meets mødtes mødes "
    "formand formanden næstformand næstformanden chair chaired chairman chairperson ledede mødeleder seneste "
    "nyeste forrige latest recent previous lukkede lukket closed dag dagen day".split()
    # (not "led": the stem of "ledelse", "leder"; "den dag", "that day": the meeting's day)
)
_LATEST = re.compile(  # "det sidste møde", "sidste byrådsmøde", "the latest meeting"
    r"\b(sidste|seneste|forrige|nyeste|last|latest|most recent|previous)\s+(\w*møde[nt]?|meeting)\b", re.I
)
# Which handling of a matter treated more than once the question asks for: the first ("første gang", "originally")
# or the latest ("sidste gang", "most recently"). Not a bare "senest": in a question it is as often a deadline
# ("skal senest være færdig") as the latest time.
_ORDINAL = (
    ("first", re.compile(r"\b(?:(?:for\s+)?første\s+gang|først(?:e)?\s+(?:behandle\w*|drøfte\w*|oppe)|oprindelig\w*|"
                         r"(?:for\s+the\s+)?first\s+time|originally|initially)\b", re.I)),
    ("last", re.compile(r"\b(?:sidste\s+gang|senest\s+(?:behandle\w*|drøfte\w*|justere\w*|ændre\w*|revidere\w*|"
                        r"godkend\w*|oppe)|most\s+recently|(?:the\s+)?last\s+time)\b", re.I)),
)
# When a thing is done next ("hvornår skal de revideres næste gang?"): a time asked, no topic
_NEXT_TIME = re.compile(r"\b(?:næste|kommende)\s+gang\b|\bnext\s+time\b", re.I)
# Who decides a matter, or whether it goes on to another body ("Hvem bestemmer, om ...?", "who has the final say",
# "Skulle det videre til byrådet, eller var det udvalgets egen beslutning?", "was that the final word, or does another
# body have to approve them?", "Godkendelsen er vel delegeret til udvalget?"): where the decision lies, which a point
# states ("Beslutningen træffes af Kommunalbestyrelsen", "Sagsprocedure: Plan- og Tryghedsudvalget") and its case's
# later handlings show. The grammar of the question, in both languages; no topic of its own.
COMPETENCE_ASKED = re.compile(
    r"\b(?:who (?:gets to |will |shall |can |should |is to |has to |must )?(?:decide|decides|approves?)|"
    r"who (?:takes|makes|has) the (?:final |last )?(?:decision|say|word)|(?:the )?(?:final|last) (?:say|word)|"
    r"hvem (?:skal |kan |må )?(?:beslutte|bestemme|afgøre|godkende|træffe)|"
    r"hvem (?:bestemmer|beslutter|afgør|godkender|træffer|har det sidste ord)|sidste ord|"
    r"(?:another|other|a higher|higher) (?:body|bodies|authority) (?:has to |have to |must |needs? to |should |to )?"
    r"(?:approve|sign off|decide|take the decision)|(?:its|their) own (?:decision|call)|"
    r"egen (?:beslutning|afgørelse|kompetence)|beslutningskompetence\w*|delegeret|delegated|"
    r"selv (?:kan |må |skal )?(?:bestemme|bestemmer|bestemte|beslutte|beslutter|besluttede|afgøre|afgør|afgjorde|"
    r"godkende|godkender|godkendte)|"
    r"(?:skal|skulle) (?:den|det|sagen|de|dette|punktet) (?:også |så |nu )?videre)\b", re.I)


def asks_competence(question: str) -> bool:
    """Who decides the matter, or whether it went on to another body, is asked."""
    return bool(COMPETENCE_ASKED.search(question))


# Where the conversation's case went next ("which committee got it after that?", "Hvilket udvalg fik den derefter?",
# "what happened to it next?", "Hvor gik sagen hen bagefter?"): its next handling after the point talked about. The
# grammar of the question: a body asked for with an adverb of what follows, or "what happened next"
_NEXT_HANDLING = re.compile(
    r"\b(?:which|what) (?:committee|body|council|board)\b[^?]*?\b(?:after that|afterwards|next|then)\b|"
    r"\bwhat happened (?:to it |with it |to the case |to the matter )?(?:next|after that|afterwards)\b|"
    r"\bwhere did (?:it|the case|the matter) go (?:next|after that|afterwards|then)\b|"
    r"\b(?:hvilket|hvilke) (?:udvalg|organ|råd)\b[^?]*?\b(?:derefter|bagefter|herefter|efterfølgende|så)\b|"
    r"\bhvad skete der (?:så )?(?:med (?:den|det|sagen|punktet) )?(?:så )?"
    r"(?:derefter|bagefter|herefter|efterfølgende)\b|"
    r"\bhvor (?:gik|kom|blev) (?:den|det|sagen) (?:så )?(?:hen |videre )?"
    r"(?:derefter|bagefter|herefter|efterfølgende)\b", re.I)
# ... or its handling when it came back ("Og da sagen kom tilbage til udvalget måneden efter", "when it came back to
# the committee the next month"): the next one, unless the question names when ("da sagen kom tilbage i oktober": the
# case's handling then, which may be under a case number of its own)
_CAME_BACK = re.compile(
    r"\b(?:(?:kom|var) (?:den|det|sagen|punktet)|(?:den|det|sagen|punktet) (?:kom|var)) (?:så )?(?:tilbage|op igen)"
    r"(?: til (?:\w+ )?(?:udvalget|byrådet|\w+rådet|kommunalbestyrelsen|\w+udvalget))?"
    r"(?: (?:måneden|mødet|ugen) efter| næste gang| en måned senere)?|"
    r"\b(?:came|was|went) back(?: to (?:the )?(?:\w+ )?(?:committee|council|board))?"
    r"(?: (?:the )?(?:next|following) (?:month|meeting|time)| a month later)?|"
    r"\bcame up again(?: (?:the )?(?:next|following) (?:month|meeting|time)| a month later)?", re.I)


PREFIX_CHARS = 6  # a question term this long also matches as the head of a longer word
_CASE_RE = CASE_NUMBER_RE  # one grammar with the readers (assistant.vocabulary)

_MONTHS: dict[str, int] = {}
for _i, (_da, _en) in enumerate(zip(DA_MONTHS, EN_MONTHS, strict=True), start=1):
    for _name in {_da, _en.lower(), _da[:3], _en.lower()[:3]}:
        _MONTHS[_name] = _i
_MONTHS.pop("maj", None)
_MONTHS.update({"maj": 5, "may": 5, "sept": 9})
_MONTH_ALT = "|".join(sorted(_MONTHS, key=len, reverse=True))
# A month's name mistyped before a year or after a day ("febuary 2023", "15. okotber 2022"): one letter wrong,
# missing, added or two swapped. Only names of this many letters: a slip of "juni" or "july" is "june", "jul" or
# another word as often as it is the month.
MONTH_SLIP_CHARS = 5
_DATED_WORD = re.compile(r"\b([^\W\d_]{4,})(?=\.?\s+(?:\d{1,2}\.?,?\s+)?(?:19|20)\d{2}\b)|(?<=\d\.\s)([^\W\d_]{4,})\b")


@lru_cache(maxsize=1)
def _month_slips() -> dict[str, str]:
    slips: dict[str, str] = {}
    for name in sorted(n for n in _MONTHS if len(n) >= MONTH_SLIP_CHARS):
        for slip in (one_letter_edits(name) | adjacent_swaps(name)) - set(_MONTHS):
            slips.setdefault(slip, name)
    return slips


def respell_months(text: str) -> str:
    """``text`` with a mistyped month name before a year or after a day written as the month ("febuary 2023" ->
    "february 2023")."""
    slips = _month_slips()

    def fix(m: re.Match[str]) -> str:
        word = m.group(0)
        meant = slips.get(word.lower())
        return meant if meant and word.lower() not in _MONTHS else word

    return _DATED_WORD.sub(fix, text)
_FULL_DATE_DA = re.compile(rf"\b(\d{{1,2}})\.?\s+({_MONTH_ALT})\.?\s+(\d{{4}})\b", re.I)
_FULL_DATE_EN = re.compile(rf"\b({_MONTH_ALT})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})\b", re.I)
# "13-09-2022", "13.9.2022", and the short form Danes write by hand, "d. 13/9-22" (a two-digit year as POSIX
# strptime's %y reads it: 69-99 the 1900s, 00-68 the 2000s)
# "13/9-22", "3.2.98", "12/9 2023" (a four-digit year after a space: "12/9 23" may be a count)
_NUM_DATE = re.compile(r"\b(\d{1,2})[-./](\d{1,2})(?:[-./]|\s(?=\d{4}\b))(\d{4}|\d{2})\b")
_ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
_MONTH_YEAR = re.compile(rf"\b({_MONTH_ALT})\.?\s+(\d{{4}})\b", re.I)
# two months of one year: "august/september 2022", "maj-juni 2023", "in May or June 2024"
_MONTHS_YEAR = re.compile(
    rf"\b({_MONTH_ALT})\.?\s*(?:/|-|–|\s(?:og|and|or|eller|til|to)\s)\s*({_MONTH_ALT})\.?\s+(\d{{4}})\b", re.I)
_A_YEAR = re.compile(r"(?:19|20)\d{2}")
_YEAR = re.compile(
    r"\b(i|in|år|året|during|fra|from|siden|since|før|inden|before|efter|after|til|until|indtil)\s+(?:år\s+)?"
    r"((?:19|20)\d{2})\b(?![-/]\d)",
    re.I,
)
_REL_YEAR = re.compile(r"\b(i år|this year|sidste år|i fjor|last year)\b", re.I)
# A season and its year ("sommeren 2024", "the autumn of 2023"): its three months, winter from the December before
_SEASON = re.compile(r"\b(foråret|forår|sommeren|sommer|efteråret|efterår|vinteren|vinter|spring|summer|autumn|fall|"
                     r"winter)(?:\s+(?:of|i))?\s+((?:19|20)\d{2})\b", re.I)
_SEASON_MONTHS = {"for": 3, "spr": 3, "som": 6, "sum": 6, "eft": 9, "aut": 9, "fal": 9, "vin": 12, "win": 12}
# The summer holiday of a year ("sommerferien 2024", "the summer break 2022", "the 2022 summer holidays"): Danish
# municipal work halts in July and the year's two halves are named by it. Before it ("før", "inden", "op til", "lige
# før", "before") is the first half of that year, after it ("efter", "after") the second; alone, July.
_SUMMER_BREAK = re.compile(
    r"\b(?:(?:the\s+)?((?:19|20)\d{2})\s+summer\s+(?:holidays?|break|recess|vacation)|"
    r"(?:sommerferien|sommerferie|sommerpausen|(?:the\s+)?summer\s+(?:holidays?|break|recess|vacation))"
    r"(?:\s+(?:of|in|i))?\s+((?:19|20)\d{2}))\b", re.I)
# A part of a year ("early 2023", "at the end of 2022", "mid-2023", "i starten af 2023", "sidst i 2024", "ultimo
# 2022", "i første halvår 2023"): its half, or its middle half, as wide as a reader takes "early" or "late" to be
_PART_OF_YEAR = re.compile(
    r"\b(early|late|mid|(?:the )?(?:beginning|start|end|middle|first half|second half) of|"
    r"i (?:starten|begyndelsen|slutningen) af|først i|sidst i|midt i|primo|ultimo|medio|"
    r"i (?:første|andet|sidste) halvår(?: af)?|(?:først|sidst) på året)[\s-]+(?:in\s+|of\s+)?((?:19|20)\d{2})\b",
    re.I)
_PART_MONTHS = (  # (the words of a part, its first and last month), the middle looked for first ("midt i")
    ({"mid", "middle", "midt", "medio"}, (4, 9)),
    ({"late", "end", "second", "slutningen", "sidst", "ultimo", "andet", "sidste"}, (7, 12)),
    ({"early", "beginning", "start", "first", "starten", "begyndelsen", "først", "primo", "første"}, (1, 6)),
)


# ... and of a month ("sidst i november 2023", "early March 2024"): its half, or its middle half (monthly committees
# meet once in it: "late November" is the meeting of the second half)
_PART_OF_MONTH = re.compile(
    r"\b(early|late|mid|(?:the )?(?:beginning|start|end|middle) of|i (?:starten|begyndelsen|slutningen|midten) af|"
    r"(?:starten|begyndelsen|slutningen|midten) af|først i|sidst i|midt i|primo|ultimo|medio)[\s-]*$", re.I)
_PART_DAYS = (  # (the words of a part, its first and last day: None the month's last), the middle looked for first
    ({"mid", "middle", "midt", "midten", "medio"}, (8, 22)),
    ({"late", "end", "slutningen", "sidst", "ultimo"}, (16, None)),
    ({"early", "beginning", "start", "starten", "begyndelsen", "først", "primo"}, (1, 15)),
)


def _part(phrase_: str, parts: tuple) -> tuple:
    """The bounds of the part a phrase names, from a table of (words, bounds) (_PART_MONTHS: "i slutningen af" ->
    (7, 12); _PART_DAYS: "sidst i" -> (16, None))."""
    found = set(re.findall(r"\w+", phrase_.lower()))
    return next(bounds for words_, bounds in parts if found & words_)


# A day, week or month counted from today ("i går", "last week", "denne måned"; not "i dag", "today": mostly
# "nowadays" in a question about a topic)
_REL_SPAN = re.compile(r"\b(i går|yesterday|i forgårs|(?:i )?denne uge|this week|(?:i )?sidste uge|"
                       r"(?:i )?forrige uge|last week|(?:i )?denne måned|this month|(?:i )?sidste måned|"
                       r"(?:i )?forrige måned|last month)\b", re.I)


def _relative_span(phrase_: str, today: date) -> tuple[date, date]:
    p = phrase_.lower().removeprefix("i ").strip()
    if p in ("går", "yesterday"):
        return today - timedelta(days=1), today - timedelta(days=1)
    if p == "forgårs":
        return today - timedelta(days=2), today - timedelta(days=2)
    monday = today - timedelta(days=today.weekday())
    if p in ("denne uge", "this week"):
        return monday, monday + timedelta(days=6)
    if p in ("sidste uge", "forrige uge", "last week"):
        return monday - timedelta(days=7), monday - timedelta(days=1)
    if p in ("denne måned", "this month"):
        return _month_range(today.year, today.month)
    last = today.replace(day=1) - timedelta(days=1)  # last month
    return _month_range(last.year, last.month)


_NAMES_A_COMMITTEE = re.compile(r"udvalg|committee", re.I)


def _informal_committee(question: str, catalog: Any, municipality: str | None) -> tuple[str, str] | None:
    """bodies.informal_committee over the index's point titles (of the municipality named, if one is)."""
    titles_of = getattr(catalog, "point_titles", None)
    if titles_of is None or not _NAMES_A_COMMITTEE.search(question):  # (the titles read only for such a question)
        return None
    rows = titles_of()
    titles = [(committee, title) for mun, committee, title in rows if not municipality or mun == municipality]
    return informal_committee(question, sorted({committee for committee, _ in titles}), titles)


def asked_municipality(named: str | None, catalog: Any) -> str | None:
    """The municipality a question asks about: the one it names, else the index's only one (None when the index
    holds several)."""
    if named:
        return named
    indexed = catalog.municipalities()
    return indexed[0] if len(indexed) == 1 else None


class CommitteeSource(Protocol):
    def committees(self) -> list[tuple[str, str, int, str, str]]: ...
    def municipalities(self) -> list[str]: ...


@dataclass
class QueryPlan:
    """What a question asks for."""

    question: str
    lang: str = "da"
    intent: str = "fact"  # fact, decision, recommendation, when, votes, attendance, participants, meetings, case
    filters: Filters = field(default_factory=Filters)  # from the text (and carried over from history)
    committee_boost: list[str] = field(default_factory=list)  # committees named ambiguously
    case_number: str | None = None
    latest: bool = False  # "sidste møde"
    ordinal: str = ""  # which handling of a recurring matter: "first" ("første gang"), "last" ("sidste gang")
    followup: bool = False
    search_text: str = ""  # the text to search with (the question, plus context for a follow-up)
    dated_text: str = ""  # the question with the period it names, searched where that period is a point's topic
    topic: str = ""  # the question without the committee, period, municipality and case it names (for BM25)
    translation: str = ""  # an English topic's Danish words (glossary) and names: what BM25 searches with
    terms: list[str] = field(default_factory=list)  # content stems of the question
    meeting_id: str | None = None  # a meeting carried over from the previous turn
    point_key: str | None = None  # the agenda point the previous turn answered from (a follow-up's subject)
    point_ref: str = ""  # the point the question names: "3", "last", "first"
    aspect: str = ""  # about the meeting itself: "when", "where", "when+where", "agenda", "decisions"
    numbers: list[str] = field(default_factory=list)  # numbers the topic names (years, amounts, addresses)
    quantity: str = ""  # asks for an amount: "money", "share", "rank", "duration", "size" or "number" (a count, ...)
    counted: list[str] = field(default_factory=list)  # stems of what a count is asked of ("Hvor mange byggesager")
    substituted: dict[str, str] = field(default_factory=dict)  # a term the minutes never use -> its synonym's term
    relaxed: list[str] = field(default_factory=list)  # the question's own filters retrieval had to drop
    year: str = ""  # a bare year the question names ("i 2013"): a period, but also often the topic's year
    other_municipality: str = ""  # a municipality the question names that the index holds no minutes of
    informal_body: str = ""  # a committee named by a field its name lacks, as written ("ældreudvalget")
    absent_body: str = ""  # the council of a municipality the question names whose minutes the index lacks, as written
    body: str = ""  # the body a question asks about the case in ("Kom sagen i Byrådet?", "Hvad besluttede byrådet?")
    effective_filters: Filters | None = field(default=None, repr=False, compare=False)  # what retrieval used
    timings: dict[str, float] = field(default_factory=dict, repr=False, compare=False)  # ms per stage of this query

    def add_time(self, stage: str, seconds: float) -> None:
        """Add ``seconds`` (as ms) to the stage's timer (stages repeat when filters are relaxed)."""
        self.timings[stage] = self.timings.get(stage, 0.0) + seconds * 1000

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d.pop("effective_filters", None)
        d.pop("timings", None)
        d["filters"] = {k: (v.isoformat() if isinstance(v, date) else v) for k, v in asdict(self.filters).items()}
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> QueryPlan:
        d = dict(d)
        f = dict(d.pop("filters", {}) or {})
        for key in ("date_from", "date_to"):
            if f.get(key):
                f[key] = date.fromisoformat(f[key])
        return cls(filters=Filters(**f), **d)


@lru_cache(maxsize=1)
def _stemmer():
    import Stemmer  # PyStemmer

    return Stemmer.Stemmer("danish")


def words(text: str) -> list[str]:
    """Lower-case words, accents folded as BM25 reads them ("Café" -> cafe)."""
    return re.findall(r"\w+", fold_accents(text.lower()))


def latest_meeting(catalog: Any, committees: list[str | None], municipality: str | None = None,
                   date_from: date | None = None, date_to: date | None = None) -> Any:
    """The latest meeting of any of ``committees`` (None: of any committee) in the municipality and period, or None."""
    meetings = [m for committee in committees for m in catalog.meetings(
        municipality=municipality, committee=committee, date_from=date_from, date_to=date_to, last=1)]
    return max(meetings, key=lambda m: m.start, default=None)


def too_long(question: str, limit: int, lang: str | None = None) -> tuple[str, str] | None:
    """(language, message) when ``question`` is over ``limit`` characters (settings.max_question_chars), else None:
    a pasted document or a hostile input, refused before any analysis (whose word checks grow with a word's length
    squared)."""
    if len(question) <= limit:
        return None
    lang = lang or detect_language(question[:limit])
    return lang, phrase("question_too_long", lang, n=format_int(len(question), lang), limit=format_int(limit, lang))


def detect_language(text: str, names: tuple[str, ...] = ()) -> str:
    """"da" or "en", cheaply, from the words that are neither names nor titles: Danish and English stop words, and
    ordinary (lower-case) words spelled with æ, ø or å. Capitalised words after the first ("Børne- og
    Ungeudvalget", "Jørgen") and the ``names`` found in the question (committees, municipalities) say nothing about
    the language it is asked in. Danish when in doubt."""
    for name in names:
        text = re.sub(re.escape(name), " ", text, flags=re.I)
    tokens = re.findall(r"[\wæøåÆØÅ]+-?", text)
    ws = [t.lower().rstrip("-") for i, t in enumerate(tokens) if i == 0 or not t[:1].isupper()]
    ws = [w for w in ws if w]
    # a word both lists hold ("the", "i", "under") says nothing
    da = sum(w in DA_STOP and w not in EN_STOP for w in ws) + sum(
        bool(re.search(r"[æøå]", w)) for w in ws if w not in DA_STOP)
    en = sum((w in EN_STOP and w not in DA_STOP) or w in EN_MARKERS for w in ws)
    return "en" if en > da else "da"


def stem(word: str) -> str:
    return _stemmer().stemWord(fold_accents(word.lower()))


_stem = stem


@lru_cache(maxsize=1)
def _generic_stems() -> frozenset[str]:
    """Stems of the generic question words ("byrådet", "besluttede" -> "byråd", "beslut")."""
    # "the Danish Patient Safety Authority", "Danish law": every point is Danish minutes, which name a national body
    # by its Danish name ("Styrelsen for Patientsikkerhed"), never "dansk" beside it (a capitalised word, it was
    # searched as a name)
    extra = {"byråd", "kommunalbestyrelse", "vedtage", "vedtaget", "godkende", "godkendt", "danish"}
    return frozenset(_stem(w) for w in QUESTION_WORDS | extra)


# A name the question quotes ('Borgerens Valg', »Det indeklemte areal«, "culture kick"): quotation marks not
# inside a word (an apostrophe of "Greve's" or "Conservatives' " opens nothing), 3-80 characters between them
_QUOTED = re.compile(r"(?<!\w)['\"»“„]([^'\"«»“”„\n]{3,80}?)['\"«”“](?!\w)")


def quoted_names(text: str) -> list[str]:
    """The phrases the question puts in quotation marks, lower-cased, whitespace folded."""
    return [" ".join(m.group(1).lower().split()) for m in _QUOTED.finditer(text) if m.group(1).strip()]


# An address: a name and a house number ("Grevevej 93", "Hundige Bygade 51", "Rendebjergvænget 1A"); a number of
# four digits is a year ("Budget 2024"), after "punkt"/"item" a point
_HOUSE_NUMBER = re.compile(r"(?<=\S )(\d{1,3}[A-Za-z]?)\b(?![.,]?\d)")
_STREET = re.compile(r"((?:[A-ZÆØÅ][\wæøå-]+ ){0,3}[A-ZÆØÅ][\wæøå-]+) $")  # up to four words, read before a number
_NOT_ADDRESS = re.compile(r"^(punkt|punktet|item|point|sag|case|kl|nr|lokalplan|tillæg|paragraf|kapitel)$", re.I)


# ... and a street named without a number ("på Kildebrønde Landevej", "Hundige Bygade"): capitalised words, the
# last a street's ("-vej", "-gade", "-allé", "-stræde", "-vænge", "-torv", "-plads", "-boulevard")
_STREET_NAME = re.compile(r"\b((?:[A-ZÆØÅ][\wæøå-]+ ){0,2}[A-ZÆØÅ][\wæøå-]*(?:vej|vejen|gade|gaden|allé|alle|"
                          r"stræde|vænge|vænget|torv|torvet|plads|pladsen|boulevard))\b(?!\s*\d)")


def addresses_in(text: str) -> list[str]:
    """The addresses ``text`` names, lower-cased ("grevevej 93", "kildebrønde landevej"): a thing named as exactly
    as a quoted name is."""
    found = [m.group(1).lower() for m in _STREET_NAME.finditer(text) if len(m.group(1)) >= 6]
    for number in _HOUSE_NUMBER.finditer(text):
        m = _STREET.search(text, max(0, number.start() - STREET_CHARS), number.start())
        name = m.group(1).split() if m else []
        while name and _NOT_ADDRESS.match(name[0]):
            name = name[1:]
        if name and not _NOT_ADDRESS.match(name[-1]):
            found.append(f"{' '.join(name)} {number.group(1)}".lower())
    return found


STREET_CHARS = 80  # read before a house number for its street's name (bounded: a question may be long)


# A place named after a preposition of place: "ved Hundige Strand", "på Tune Skole", "i Karlslunde"
_PLACE = re.compile(r"\b(?:ved|på|i|langs|nær|omkring|udenfor|near|at|in|on|along)\s+((?:[A-ZÆØÅ][\wæøå-]*\s?)+)")


# An edition the question names by its name and year ("Sundhedsprofil 2025", "Kommuneplan 2021"): a capitalised
# word of five letters or more, not the question's first word, straight before a year that opens no range (ranges
# are year_ranges'). Not a month, nor a municipality ("Greve 2024" is a place and a year, not an edition).
_EDITION = re.compile(r"(?<=\S\s)([A-ZÆØÅ][a-zæøå]{4,})\s+((?:19|20)\d\d)\b(?![-/–]\d)")


def editions(topic: str) -> list[tuple[str, str]]:
    """(name, year) of each edition ``topic`` names: "What does the new Sundhedsprofil 2025 say ..." ->
    [("Sundhedsprofil", "2025")]."""
    forms = _municipality_names()[1]
    return [(name, year) for name, year in _EDITION.findall(topic)
            if name.lower() not in _MONTHS and name.lower() not in forms and name.lower()[:-1] not in forms]


# A word written with a capital inside a sentence: a name ("plejehjem i Karlslunde", "ejerstrategi for HOFOR"); a
# hyphenated one by its first part ("Realdania-partnerskabet")
_CAPITALISED = re.compile(r"(?<![\wæøåÆØÅ-])([A-ZÆØÅ][\wæøåÆØÅ&]*)")
_AFTER_OPENING = re.compile(r"(?:^|[.!?:;\"«»“”'‘’(–—-])\s*$")  # a sentence's or a quoted title's first word follows
_BODY_WORD_END = re.compile(r"(?:råd|udvalg|nævn|bestyrelse|forsamling)(?:e[nt]?s?|s)?$")  # "Handicaprådet"
# Where the asker read or heard it ("I read in Sydkysten that ...", "ifølge Sydkysten"): a source, not what is asked
_SOURCE_BEFORE = re.compile(r"\b(?:(?:read|saw|heard|seen|læste|så|hørte|set|læst|hørt)\s+(?:it\s+)?(?:in|on|i|på)"
                            r"|ifølge|according\s+to)\s+(?:the\s+|avisen\s+)?$", re.I)
_ABBREVIATION_CHARS = 4  # "ØU", "PUK", "BEU", "KTMU": a body's short name (a longer one, "HOFOR", is a name)


def names_in(question: str, lang: str, bodies: Iterable[str] = ()) -> list[str]:
    """The names a question writes inside its sentences, lower case ("Hvad kommer facaden på plejehjemmet i
    Karlslunde til at se ud?" -> ["karlslunde"]). Not a word that opens a sentence or follows a quote, colon or dash
    (a quoted title's), a month or its abbreviation ("Oct"), a municipality's name (in the genitive too), a word of
    a body's name (``bodies``: the index's committees; any "-udvalget", "-rådet"), a party's name, a capitalised
    abbreviation of four letters or less (a body's short name), where the asker read it ("ifølge Sydkysten"), nor in
    an English question an English word ("Christmas", "Committee")."""
    forms = _municipality_names()[1]
    body_words = {w.lower() for b in bodies for w in re.findall(r"[\wæøåÆØÅ]+", b)}
    question = _QUOTED.sub(lambda m: " " * len(m.group()), question)  # a quoted title's words are its title's
    out: list[str] = []
    for m in _CAPITALISED.finditer(question):
        word = m.group(1)
        before = question[: m.start()]
        if (_AFTER_OPENING.search(before) or _SOURCE_BEFORE.search(before)
                or (word.isupper() and len(word) <= _ABBREVIATION_CHARS)):
            continue
        low = word.lower()
        bare = low[:-1] if low.endswith("s") else low  # the genitive: "Ballerups", "Enhedslistens"
        if ({low, bare} & body_words or low in _MONTHS or (len(low) <= 4 and any(n.startswith(low) for n in _MONTHS))
                or low in forms or bare in forms or _BODY_WORD_END.search(low) or party_letter(word)
                or party_letter(word[:-1]) or (lang == "en" and english_word(low)) or len(low) < 3):
            continue
        if low not in out:
            out.append(low)
    return out


# A name's stem of this many letters or more is looked for less its last letter: the stemmer leaves a Danish noun's
# forms apart ("familiecenter" -> familiecent, "familiecentrets" -> familiecentr; "teater" -> teat, "teatret" -> teatr)
_NAME_STEM_TRIMMED = 5


_NAME_INFLECTION_CHARS = 4  # a word of the point this much longer than a name may be its inflection ("-ernes")


def _one_slip_apart(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` (of five letters or more) are one slip of typing apart: one letter wrong, added, left
    out, or two neighbours swapped."""
    if a == b:
        return True
    if min(len(a), len(b)) < _NAME_STEM_TRIMMED or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
                                  and a[diff[1]] == b[diff[0]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def question_names(plan: QueryPlan, catalog: Any) -> list[str]:
    """The names the question writes (names_in), the words of the catalog's bodies' names not among them."""
    return names_in(plan.question, plan.lang, [row[1] for row in catalog.committees()])


def known_names(plan: QueryPlan, catalog: Any, knows: Callable[[str], bool]) -> list[str]:
    """The names the question writes (question_names) that the indexed minutes use (``knows``: the index's
    vocabulary)."""
    return [name for name in question_names(plan, catalog) if knows(name)]


def names_not_written(names: list[str], text: str) -> list[str]:
    """The ``names`` (lower case) that ``text`` does not write, by their stems ("Karlslundes" is Karlslunde's), less
    a last letter ("Familiecentrets": "Familiecenter"), or spelt another way: "aa" for "å", one letter typed wrong,
    added, left out or swapped ("Karslunde" for Karlslunde, "Hulmosegård" for Hulmosegaard)."""
    low = text.lower()
    folded_words = set(re.findall(r"\w+", ascii_fold(low)))

    def written(name: str) -> bool:
        stem = stem_word(name)
        stem = stem[:-1] if len(stem) >= _NAME_STEM_TRIMMED else stem
        if re.search(rf"(?<![\wæøå]){re.escape(stem)}", low):
            return True
        folded = ascii_fold(name)
        return any(_one_slip_apart(folded, w[: len(folded) + 1]) or _one_slip_apart(folded, w[: len(folded)])
                   for w in folded_words if abs(len(w) - len(folded)) <= _NAME_INFLECTION_CHARS)

    return [name for name in names if not written(name)]


def places_in(text: str) -> list[str]:
    """The words of the names of places ``text`` gives after a preposition of place ("betalingsparkering ved
    Hundige Strand" -> Hundige, Strand); not a name that is what is asked ("hvad skal Tune Boldklub bruge ...")."""
    return [w for m in _PLACE.finditer(text) for w in m.group(1).split()]


def content_terms(text: str) -> list[str]:
    """Stems of the words that carry the topic (no stop words, no generic question words, no short words)."""
    out: list[str] = []
    stem = _stemmer().stemWord
    for w in words(text):
        if len(w) < 3 or w in DA_STOP or w in DANISH_STOPWORDS or w in EN_STOP or w in QUESTION_WORDS or w.isdigit():
            continue  # (DANISH_STOPWORDS: words BM25 does not index, "selv", "dog", never a topic)
        s = stem(w)
        if s not in out:
            out.append(s)
    for joined in re.findall(r"\w+(?:-\w+)+", text.lower()):
        # a word written with a hyphen after a short part ("wi-fi", "e-sport", "A-kasse") is the word its parts
        # make, which the short part alone does not name (dropped as a short word above: "gratis wi-fi" asked for
        # nothing but "gratis"); its long parts stay terms of their own, and a number is no such part ("§ 18-støtte")
        parts = joined.split("-")
        if any(len(p) < 3 and p.isalpha() for p in parts) and len(word := "".join(parts)) >= 4:
            if (s := stem(word)) not in out:
                out.append(s)
    return out


@lru_cache(maxsize=65536)
def stem_word(word: str) -> str:
    """The Danish stem of one lower-cased word, remembered: an answer stems the words of a few hundred sentences,
    mostly the same words (64k entries: the chunks of the full shared corpus have 38k distinct words; 2.9 us a sentence
    remembered against 5.1 us stemmed)."""
    return _stemmer().stemWord(fold_accents(word))


def stems(text: str) -> set[str]:
    return {stem_word(w) for w in words(text)}


# What a count of a meeting's participants counts: its members, people, or nothing named ("hvor mange deltog")
_MEMBERS_COUNTED = re.compile(r"(?:\w*medlem\w*|members?|politiker\w*|politicians?|councillors?|councilors?|people|"
                              r"persons?|personer|deltag\w*|deltog|var|were|was|mødte|attended|took|came|kom|af|of)\b",
                              re.I)


def detect_intent(question: str, has_case: bool = False) -> str:
    q = question.lower()
    last = _last_sentence(q)
    if last != q and (intent := detect_intent(last, has_case)) != "fact":
        # sentences that set the scene, then the question: "Tesla rents the old building. Did the committee let
        # them ...?", "KL set up a shared office. When Greve joined, what did the administration recommend?"
        return intent
    if (after := _AFTER_COLON.split(last)[-1]) != last and (intent := detect_intent(after, has_case)) != "fact":
        # a topic, a colon, then the question: "Planudvalget og det bystrategiske råd: blev rådets regler ændret
        # ...?", "Foråret 2022: hvilke byggerier ...?"
        return intent
    if (clause := _WHEN_CLAUSE.match(q)) and q[clause.end():].strip():
        # "When the school committee heard about X, what did they ask to see later?": the opening clause dates
        # what the question after the comma asks
        return detect_intent(q[clause.end():], has_case)
    if _YES_NO.match(q) and _AS_PROPOSED.search(q):
        return "decision"  # "Blev prisen skåret ned, som forvaltningen foreslog?": whether the proposal was followed
    for intent, pattern in _INTENT_PATTERNS:
        if m := pattern.search(q):
            if intent == "participants" and m.group(0) in _MEMBERSHIP and not _ASKS_WHO.match(q):
                continue  # "paying mileage to council members who ...", "Jeg sidder i udvalget: hvad ...?": the
                # people a topic is about, or who asks, not a list asked for
            if intent == "participants" and _VOTES.search(q):
                return "votes"  # "Which members voted against ...?", "Hvilke medlemmer stemte imod?": a vote's
            if (intent == "participants" and (counted := _COUNTED.search(q))
                    and not _MEMBERS_COUNTED.match(counted.group(1))):
                continue  # "Hvor mange frivillige og foreninger deltog i dialogmødet?": others than the body's
                # members, a count the point states ("Hvor mange deltog?", "how many members attended" are its)
            if intent == "case" and not has_case:
                continue
            if intent == "votes" and _PUBLIC_VOTE.search(q):
                continue  # "hvor mange stemmer fik navnet i afstemningen på Facebook?": citizens' votes, a count
                # the point states, not how the members voted
            if (intent == "when" and m.group(0) == "when" and _OTHER_WH.match(q)
                    and not q[: m.start()].rstrip().endswith((",", ";", " and", " or"))):
                continue  # "What verdict did the museum get when the agency reviewed it?": a conjunction (but
                # "What are its themes, and when did it take effect?" asks when)
            if intent == "meetings" and has_case:
                return "case"  # "Gennem hvilke møder gik sag 23-001222?": the case's path
            if intent == "when" and has_case:
                return "case"  # "Hvornår blev sag 23-008557 behandlet?": the case's path has the dates
            return intent
    if has_case and (len(content_terms(_CASE_RE.sub(" ", q))) <= 1 or _ABOUT.search(q)):
        return "case"  # "Sag 24-012144?", "Hvad går sag 24-006330 ud på, og ...?": what the case is about, its path
    if _YES_NO.match(q):
        return "decision"  # "Fik administrationen lov til ...?", "Was the food truck allowed ...?": the decision says
    return "fact"


# What a case or point is about: "hvad handler sag X om", "hvad går den ud på", "what is case X about"
_ABOUT = re.compile(r"\b(?:handler|handlede|går|gik|drejer|drejede)\b(?:\s+[\w§.-]+){0,4}?\s+(?:om|ud på|sig om)\b|"
                    r"\bwhat(?:'s| is| was)\b(?:\s+[\w§.-]+){0,4}?\s+about\b", re.I)
# A vote of citizens, not of the council's members: a poll online, on social media or among residents (a new
# road's or building's name, a citizens' budget)
_PUBLIC_VOTE = re.compile(
    r"\b(?:afstemning\w*|stemmer|vote[sd]?|voting|poll)\s+(?:\w+\s+){0,2}?(?:på|on|via|blandt|among|i|in)\s+"
    r"(?:facebook|nettet|internettet|hjemmesiden|borgerne|borgere|the public|citizens|residents|online|social media|"
    r"sociale medier|the website)\b|\b(?:borgerafstemning\w*|online poll|public vote|netafstemning\w*)\b|"
    # the citizens as who votes: "where residents vote on which local projects get funded", "borgerne stemmer om"
    r"\b(?:residents|citizens|locals|voters|the public|people|borgerne|beboerne|vælgerne)\s+(?:\w+\s+){0,2}?"
    r"(?:vote[sd]?|voting|stemmer|stemte|stemme)\b", re.I)
# "som forvaltningen foreslog", "som indstillet", "as the administration proposed": a proposal a yes/no question
# asks the fate of
_AS_PROPOSED = re.compile(r"\b(?:som|as)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?(?:foreslog|foreslået|indstillede|indstillet|"
                          r"anbefalede|anbefalet|proposed|suggested|recommended)\b")
_MEMBERSHIP = ("medlemmer", "members", "sidder i", "sad i", "sits on")
# English question words other than "when", and the auxiliaries that open a question (a closed class)
_WH_OR_AUX = (r"(?:what|which|who|whom|whose|how|where|why|did|does|do|was|were|is|are|has|have|had|can|could|will|"
              r"would|should)\b")
# An English question opening with a "when" clause before the question itself ("When the council approved X, did
# anyone vote against?"): a comma, then another question word or an auxiliary
_WHEN_CLAUSE = re.compile(rf"^(?:and |but |so )?when\b[^?]*?,\s*(?={_WH_OR_AUX})")
# An English question opening with another question word or an auxiliary uses a later "when" as a conjunction
_OTHER_WH = re.compile(rf"^(?:and |but |so )?{_WH_OR_AUX}")
# A question that names no meeting asks who took part in a topic, not a meeting, from this many topic words. 2, 3 and
# 4 gave the same numbers on the five dev sets (2026-12-04; the two questions it is for have 4 and 10): 3, the
# middle, leaves "Hvem deltog fra SF og Venstre?" (two words) a question for the list
TOPICAL_PARTICIPANTS = 3
_MEETING = re.compile(r"møde|meeting", re.I)
# One point as the time someone took part: "deltog under punktet", "under det punkt", "for that item", "during this
# point" (not "at this point", which is now)
UNDER_POINT = re.compile(r"\bunder (?:det(?:te)?|samme) punkt\b|\bunder punktet\b|"
                          r"\b(?:for|during) (?:that|this|the same) (?:item|point)\b", re.I)
# The last part of a body's name, with its Danish endings ("Integrationsrådet", "Klagenævnets", "Erhvervsudvalg")
BODY_WORD = r"(?:råd|rådet|rådets|udvalg|udvalget|udvalgets|nævn|nævnet|nævnets)"


# A body named in a question's topic after the index's committees are taken out of it: another council, board or
# committee ("Bystrategisk Råd", "Handicaprådet", "the youth council"; not "udvalget" or "the committee" alone: the
# committee of the conversation)
_OTHER_BODY = re.compile(rf"\w+{BODY_WORD}\b|"
                         r"\b[A-ZÆØÅ]\w+ (?:Råd|Udvalg|Nævn)|\b(?i:board|council)s?\b")
# A question for people or a list opens with who/which ("Hvilke medlemmer deltog?", "Who are the members?")
_ASKS_WHO = re.compile(r"^(?:og |and )?(?:hvem|hvilke|hvilken|hvor mange|who|which|how many|list|name)\b")
# A yes/no question opens with a finite verb, in Danish and English most often an auxiliary (a closed class of the
# grammar, not words of a question set); about minutes, what settles it is the point's decision.
_YES_NO = re.compile(
    r"^(?:og |men |and |but |so )?(?:blev|bliver|er|var|har|havde|fik|får|skal|skulle|kan|kunne|må|måtte|vil|"
    r"ville|gik|gav|tog|kom|did|does|do|was|were|is|are|has|have|had|will|would|can|could|should|may|might)\b|"
    # a Danish question opens with its verb, before its subject: any verb in the present or past tense ("Holder
    # rådhuset lukket ...?", "Lukkede udvalget ...?", "Arbejder kommunen videre ...?"), the subject a pronoun or a
    # noun in its definite form; not a preposition or an ordinal that ends so ("Under punkt 3 ...", "Efter mødet
    # ..."), nor a plural noun of a list of keywords ("idrætsfaciliteter greve placering")
    r"^(?=[^?]*\?\s*$)(?!(?:under|efter|over|omkring|sidste|første|næste|seneste|andre|hvilke)\b)[a-zæøå]{3,}"
    r"(?:er|ede|te)\s+(?:man|de|den|det|der|dem|nogen|han|hun|vi|i|[a-zæøå]+(?:et|en|ne))\b"
)


_ACKNOWLEDGED = re.compile(r"^\s*(?:ok|okay|nå|jamen|fint|godt|alright|right|great)\b[\s,.!]*", re.I)


def asks_yes_no(question: str) -> bool:
    """A question answered yes or no ("Kom sagen i byrådet?", "Did it go to the council?", "ok, and did ...?")."""
    return bool(_YES_NO.match(_ACKNOWLEDGED.sub("", question).strip().lower()))


# a sentence ends after a word of four letters or more: not after "1." of a date, nor "kr.", "mio.", "pkt."
_SENTENCE_END = re.compile(r"(?<=[a-zæøå]{4}[.!?])\s+(?=\S)")


_AFTER_COLON = re.compile(r"(?<=\w):\s+(?=\S)")  # "Topic: question?" (not "kl. 10:00", no space after it)


def _last_sentence(text: str) -> str:
    """The last sentence of a question of several ("Tesla rents the old building. Did the committee let them?")."""
    return _SENTENCE_END.split(text.strip())[-1]


def coverage(terms: list[str], text: str, weight: Callable[[str], float] | None = None) -> float:
    """Share of the question's content stems found in ``text``: as a stem, as the head of a longer word
    ("livestream" in "livestreaming"), or through the head of a compound ("sankthansfest" by "sankthans"); each
    term counted by ``weight`` when given (Index.specificity: a rare word counts for more)."""
    if not terms:
        return 0.0
    # The Danish stemmer only cuts a word's end, so a term found by any of the three ways is in the lower-cased
    # text as itself, or (a compound's head: at least its first 7 letters) as its first 7 letters; a text with
    # none of them covers nothing, and is not stemmed (most sentences an answer scores; same result, measured
    # below in tests/test_query.py).
    low = fold_accents(text.lower())
    if not any((t if len(t) < 10 else t[:7]) in low for t in terms):
        return 0.0
    have = stems(text)
    # A stem heads its word, so a word headed by t, or a compound head of t, has t (its first 7 letters) in the text.
    found = [
        t in have
        or (len(t) >= PREFIX_CHARS and t in low and any(w.startswith(t) for w in have))
        or (t[:7] in low and compound_head(t, have))
        for t in terms
    ]
    if weight is None:
        return sum(bool(f) for f in found) / len(terms)
    weights = [weight(t) for t in terms]
    return sum(w for w, f in zip(weights, found, strict=True) if f) / max(sum(weights), 1e-9)


def find_case_number(text: str) -> str | None:
    found = find_case_numbers(text)
    return found[0].upper() if found else None


def _month_range(year: int, month: int) -> tuple[date, date]:
    end = date(year + (month == 12), month % 12 + 1, 1) - timedelta(days=1)
    return date(year, month, 1), end


# A month the asker is unsure of: "det var vist i august", "Så vidt jeg husker, fik udvalget i september ...",
# "around September 2023", "I think in March", "I want to say it was in March". Memory is most often one month off
# (dev41's long questions: three of five such months were the next or the previous): the period is the month with
# the one before and after it. "omkring"/"around"/"about" hedge only right before the month ("omkring parkering" is
# a topic).
# ("vist" as a hedge, not as shown: "blev vist"; "cirka" of a month, not of an amount)
_HEDGE = re.compile(r"\b(?:(?<!har )(?<!blev )(?<!bliver )vist|tror jeg|jeg tror|mener jeg|jeg mener|så vidt jeg "
                    r"(?:husker|ved|mindes)|hvis jeg husker ret|formentlig|måske|i think|i believe|i want to say|"
                    r"if i remember|if memory serves|probably|maybe|perhaps|sometime|or so)(?![\wæøå])", re.I)
_A_MONTH = re.compile(rf"\b(?:{_MONTH_ALT})\b", re.I)
_HEDGED_MONTH = re.compile(rf"\b(?:omkring|cirka|ca\.|around|about|approximately|roughly)\s+(?:i\s+|in\s+)?"
                           rf"(?:{_MONTH_ALT})\b", re.I)


def hedged_month(question: str, date_from: date | None, date_to: date | None) -> tuple[date | None, date | None]:
    """The period of one month the question names with the month before and after it, when a sentence naming the
    month hedges it (_HEDGE, _HEDGED_MONTH); else the period as it is."""
    if not month_period(date_from, date_to) or date_from is None:
        return date_from, date_to
    sentences = [s for s in re.split(r"(?<=[.!?])\s+|\s+[–—-]\s+(?=\w)|;\s*", question) if _A_MONTH.search(s)]
    if not any(_HEDGE.search(s) or _HEDGED_MONTH.search(s) for s in sentences):
        return date_from, date_to
    before = date_from - timedelta(days=1)
    after = date_to + timedelta(days=1)
    return date(before.year, before.month, 1), _month_range(after.year, after.month)[1]


def month_period(date_from: date | None, date_to: date | None) -> bool:
    """Whether a period is one calendar month ("i januar 2023"), not a day, a season, a year or an open period."""
    return date_from is not None and (date_from, date_to) == _month_range(date_from.year, date_from.month)


# The word before a date says which side of it the question is on: "fra 1. marts 2024", "since March 2023",
# "før 2023", "until May". An effective date ("gældende fra 1. januar 2024", "from January 2024", "pr. 1. juli",
# "levere dagligvarer efter februar 2025") says when something decided earlier takes effect: not a period of
# meetings (effective_date).
_AFTER = {"fra", "from", "siden", "since", "efter", "after"}
_BEFORE = {"før", "inden", "before", "til", "until", "indtil"}
_EFFECTIVE = {"fra", "from", "pr", "per", "efter", "after"}
# ... and a bare year after those words when a word for taking effect stands just before it
_TAKES_EFFECT = re.compile(r"\b(?:gælde\w*|i kraft|virkning|effective|effect|appl(?:y|ies|ied)|"
                           r"valid)\s+(?:\w+\s+){0,2}$", re.I)
# ... or "onwards" after it: "paid from 2024 and on", "betales fra 2025 og frem" (what is paid or applies from then)
_ONWARDS = re.compile(r"\s+(?:og frem(?:efter|over)?|and on(?:wards?)?|onwards?|fremover)\b", re.I)
_WORD_BEFORE = re.compile(r"([\wæøå.]+)\s*$", re.I)
# ... or a price asked: a fee, a charge, a rate, a rent or what someone pays
# ... or a saving ("Hvor meget skal jobcentret spare om året fra 2025?": a cut is decided before the year it runs from)
_PRICED = re.compile(r"\b(?:\w*gebyr\w*|\w*takst\w*|\w*pris(?:en|er|erne)?|\w*afgift\w*|\w*husleje\w*|leje(?:n)?|"
                     r"betale[rst]?|fees?|charges?|rates?|price[sd]?|rent|pay|pays|paid|spare[rs]?|\w*besparelse\w*|"
                     r"save[sd]?|savings?)\b", re.I)


# "fra" as a verb's particle, not a preposition: "Hvem havde meldt fra sidst i november?" (sent apologies)
_PARTICLE_FRA = re.compile(r"\b(?:meld\w*|sagt|sige|sagde)\s+fra\s*$", re.I)


def _preposition(text: str, start: int) -> str:
    m = _WORD_BEFORE.search(text[:start])
    if m is None or _PARTICLE_FRA.search(text[:start]):
        return ""
    return m.group(1).lower().rstrip(".")


def _opened(prep: str, first: date, last: date) -> tuple[date | None, date | None]:
    """The span [first, last] opened on the side ``prep`` names ("fra", "efter", "før", "til"), or kept whole."""
    if prep in _AFTER:
        return (last + timedelta(days=1) if prep in ("efter", "after") else first), None
    if prep in _BEFORE:
        return None, (last if prep in ("til", "until", "indtil") else first - timedelta(days=1))
    return first, last


def _date_span(text: str) -> tuple[int, date, date, int] | None:
    """(where it starts, first day, last day, where it ends) of the first day or month ``text`` names: a full date, a
    numeric or ISO date, or a month and year."""
    for rx, order in ((_FULL_DATE_DA, "dmy"), (_FULL_DATE_EN, "mdy")):
        m = rx.search(text)
        if m:
            a, b, y = m.groups()
            day, month = (a, b) if order == "dmy" else (b, a)
            try:
                d = date(int(y), _MONTHS[month.lower()], int(day))
                return m.start(), d, d, m.end()
            except (ValueError, KeyError):
                pass
    for rx, groups in ((_ISO_DATE, (2, 1, 0)), (_NUM_DATE, (0, 1, 2))):
        m = rx.search(text)
        if m:
            g = m.groups()
            year = int(g[groups[2]])
            year += (1900 if year >= 69 else 2000) if len(g[groups[2]]) == 2 else 0
            try:
                d = date(year, int(g[groups[1]]), int(g[groups[0]]))
                return m.start(), d, d, m.end()
            except ValueError:
                pass
    m = _MONTHS_YEAR.search(text)
    if m and _MONTHS[m.group(1).lower()] < _MONTHS[m.group(2).lower()]:
        year = int(m.group(3))
        first, last = _MONTHS[m.group(1).lower()], _MONTHS[m.group(2).lower()]
        return m.start(), _month_range(year, first)[0], _month_range(year, last)[1], m.end()
    m = _MONTH_YEAR.search(text)
    if m:
        first, last = _month_range(int(m.group(2)), _MONTHS[m.group(1).lower()])
        part = _PART_OF_MONTH.search(text[: m.start()])
        if part is None or _preposition(text, part.start()) in ("at", "by"):  # "worth at the end of July 2023": a
            # day a value or a count is of, in the month's report
            return m.start(), first, last, m.end()
        days = _part(part.group(1), _PART_DAYS)
        last = last if days[1] is None else first.replace(day=days[1])
        return part.start(), first.replace(day=days[0]), last, m.end()
    m = _PART_OF_YEAR.search(text)
    if m:
        year, (first_month, last_month) = int(m.group(2)), _part(m.group(1), _PART_MONTHS)
        return m.start(), date(year, first_month, 1), _month_range(year, last_month)[1], m.end()
    m = _SEASON.search(text)
    if m:
        year, month = int(m.group(2)), _SEASON_MONTHS[m.group(1).lower()[:3]]
        first = date(year - 1, 12, 1) if month == 12 else date(year, month, 1)
        last = _month_range(year, 2)[1] if month == 12 else _month_range(year, month + 2)[1]
        return m.start(), first, last, m.end()
    return None


# "the June 2024 election", "the 3 May 2023 storm": a date between an article and a noun is the event's, which the
# minutes report on after it; "the May 2023 meeting" is the meeting's
_NEXT_WORD = re.compile(r"\s+([a-z][\w-]*)", re.I)
_MEETING_NOUNS = {"meeting", "meetings", "session", "sessions", "sitting"}


def effective_date(text: str) -> bool:
    """The question's date is not that of the meetings it asks about: when something takes effect ("fra 1. januar
    2024", "from January 2024", "pr. 1. juli"), a day or a month after "fra", "from", "pr.", "per", "efter" or
    "after" (a bare year after "fra" is a period: "fra 2024"); or the date of an event the question names ("the June
    2024 election")."""
    span = _date_span(text)
    if span is None:
        # a bare year is a period ("fra 2024"), unless what the question asks about takes effect then ("når de nye
        # regler gælder fra 2025", "rules that apply from 2025": the rules were decided before)
        # ... or a price or an amount is asked of the year after "fra" ("the rat control charge from 2024", "hvad
        # skal lejeren betale om året fra 2023": a fee is set before the year it applies from)
        m = _YEAR.search(text)
        return bool(m and m.group(1).lower() in _EFFECTIVE and (_TAKES_EFFECT.search(text[: m.start()])
                                                                or _ONWARDS.match(text, m.end())
                                                                or _PRICED.search(text)))
    prep = _preposition(text, span[0])
    if prep in _EFFECTIVE:
        return True
    if prep == "at" and any(rx.match(text, span[0]) for rx in (_FULL_DATE_DA, _FULL_DATE_EN)):
        return True  # "registered at 1 January 2023": the day a count is of ("at the end of 2022" is a period)
    noun = _NEXT_WORD.match(text, span[3]) if prep == "the" else None
    return noun is not None and noun.group(1).lower() not in _MEETING_NOUNS | EN_STOP


def find_period(text: str, today: date | None = None) -> tuple[date | None, date | None]:
    """The date range a question names: a day, a month, a season, a year (with a preposition), this/last year, or a
    day, week or month counted from today; "fra", "since", "før", "until" before it open the range on that side."""
    today = today or date.today()
    span = _date_span(text)
    # the summer holiday, when the question names no date, month or season of its own (that one is the period)
    m = _SUMMER_BREAK.search(text) if span is None else None
    if m:
        year = int(m.group(1) or m.group(2))
        prep = _preposition(text, m.start())
        if prep in _BEFORE or prep == "op":  # "op til sommerferien": its "til" is "before", not "until"
            return date(year, 1, 1), date(year, 6, 30)
        if prep in _AFTER:
            return date(year, 8, 1), date(year, 12, 31)
        return date(year, 7, 1), date(year, 7, 31)
    if span is not None:
        start, first, last, _ = span
        return _opened(_preposition(text, start), first, last)
    m = _YEAR.search(text)
    if m:
        year = int(m.group(2))
        prep = m.group(1).lower()
        month = _BARE_MONTH.search(text)
        if month and prep in ("i", "in", "during"):
            # "lokaletilskud i 2024 ... Kultur- og Fritidsudvalgets anbefaling i august": that month of the year
            return _month_range(year, _MONTHS[month.group(1).lower()])
        return _opened(prep, date(year, 1, 1), date(year, 12, 31))
    m = _REL_YEAR.search(text)
    if m and not _in_statement_before_question(text, m.start()):
        year = today.year if m.group(1).lower() in ("i år", "this year") else today.year - 1
        return date(year, 1, 1), date(year, 12, 31)
    m = _REL_SPAN.search(text)
    if m and not _in_statement_before_question(text, m.start()):
        return _relative_span(m.group(1), today)
    return None, None


def _in_statement_before_question(text: str, pos: int) -> bool:
    """Whether ``pos`` is in a sentence that states something before the sentence that asks: a time counted from
    today there is the asker's ("My neighbour turned 90 this year and got no flowers. What did the administration
    propose to cut ...?": not the meetings of this year); a date in it may be the matter's ("... faldt første gang i
    december 2023. Hvem stemte imod?"), and is kept."""
    rest = text[pos:]
    end = re.search(r"[.!]\s+(?=\S)", rest)
    return end is not None and "?" not in rest[:end.start()] and "?" in rest[end.end():]


def committee_aliases(name: str) -> list[str]:
    """Lower-case names a question may use for a committee (see assistant.bodies.aliases)."""
    return aliases(name)


def _alias_pattern(alias: str) -> re.Pattern[str]:
    body = r"[\s-]*".join(re.escape(p) for p in re.split(r"[\s-]+", alias) if p)
    # "byrådet", "udvalgets", and compounds with møde: "byrådsmødet", "økonomiudvalgsmødet"
    return re.compile(rf"(?<![\wæøå]){body}(?:et|ets|en|ens|n|ns|s|e|s?møde(?:t|r|rne|ts)?)?(?![\wæøå])", re.I)


# "council" alone is the municipality's council ("the council", "Did council approve ...?", "Greve's council", "the
# whole council", "council members"); after a word that names what it is for, another council: "the noise council",
# "the youth council", "the elderly council" (støjråd, ungeråd, ældreråd) are bodies of their own, not the Byråd
_COUNCIL_KIND = re.compile(r"([^\W\d_][\w-]*)(?:'s?)?\s+$")
_COUNCIL_MODIFIERS_OF_ITS_OWN = frozenset({"city", "municipal", "town", "local", "whole", "full", "entire", "same",
                                           "new", "next", "last", "previous"})


# "this council term", "the council's term", "byrådets valgperiode": a span of time named after the body, not the
# body acting (the question's body is another: "the technical committee handled this council term")
_TERM_AFTER = re.compile(r"(?:'s)?\s+(?:terms?|period|valgperiode(?:n|ns)?)\b", re.I)


def _names_body(alias: str, question: str) -> bool:
    pattern = _alias_pattern(alias)
    if alias != "council":
        return any(not _TERM_AFTER.match(question, m.end()) for m in pattern.finditer(question))
    for m in pattern.finditer(question):
        if _TERM_AFTER.match(question, m.end()):
            continue
        before = _COUNCIL_KIND.search(question[: m.start()])
        word = before.group(1) if before else ""
        if (not word or (word[0].isupper() and f"{word.lower()} council" not in glossary())
                or word.lower() in EN_STOP or word.lower() in _COUNCIL_MODIFIERS_OF_ITS_OWN
                or _MEMBER_AFTER.match(question, m.end())):  # a name before it: "Greve's council", "Greve Council"
            # (not a council of its own written with capitals: "the Youth Council", "the Children's Council")
            return True
    return False


def match_committees(question: str, committees: list[str]) -> list[str]:
    """Committees the question names, most specific match first (longest alias wins)."""
    scored: dict[str, int] = {}
    english: dict[str, int] = {}
    for name in committees:
        for alias in committee_aliases(name):
            if _names_body(alias, question):
                scored[name] = max(scored.get(name, 0), len(alias))
        if name not in scored and "committee" in question.lower():
            fields_named = english_committee_score(question, name)
            if fields_named:  # "the culture and leisure committee": ranked by the fields it names
                english[name] = fields_named

    def best(found: dict[str, int]) -> set[str]:
        return {n for n, s in found.items() if s == max(found.values())} if found else set()

    # a body by its name and another by its fields in English ("Did the technical and environment committee sign
    # off ..., which contractor does the rat visits for the council?"): the two scores are not on one scale (a
    # name's length, a count of fields), so neither is the body asked about alone: both are
    return sorted(best(scored) | best(english), key=len)


# "council member", "members of the committee", "medlem af byrådet": the body names a person, who may speak, ask or
# propose outside its meetings (questions to the administration, a party's proposal); the body's meetings are then
# preferred, not required. A question about the meetings or the members themselves keeps the body as its filter.
_MEMBER_AFTER = re.compile(r"(?:'s)?\s*(?:members?|medlem(?:mer|merne)?)\b", re.I)
_MEMBER_BEFORE = re.compile(r"\b(?:members?\s+of|medlem(?:mer)?\s+af)\s+(?:the\s+)?$", re.I)
_BODY_INTENTS = ("meetings", "attendance", "participants", "votes")


def names_a_member(question: str, committee: str) -> bool:
    """Every mention of ``committee`` in ``question`` is part of naming one of its members."""
    spans = [m for alias in committee_aliases(committee) for m in _alias_pattern(alias).finditer(question)]
    return bool(spans) and all(
        _MEMBER_AFTER.match(question, m.end()) or _MEMBER_BEFORE.search(question[: m.start()]) for m in spans
    )


# A municipality named as a body: before "Kommune" or its council ("Viborg Byråd", "viborg kommunes budget"), or
# with a capital inside a sentence ("i Aarhus"); a name that is also a Danish word ("Vejen", "Skive", "Odder") is a
# name only so.
_AS_BODY = re.compile(r"s?\s+(?:kommune|byråd|kommunalbestyrelse|borgerrepræsentation|municipality|city council|"
                      r"council)", re.I)
# English names of municipalities (exonyms), as an English question writes them
_EXONYMS = {"Copenhagen": "Københavns", "Elsinore": "Helsingør"}


@lru_cache(maxsize=1)
def _municipality_names() -> tuple[re.Pattern[str], dict[str, tuple[int, str, str, str]]]:
    """One pattern for every way a question writes a municipality's name, and for each form (lower case) the
    name's place in the list, how it is written, the name and its base ("Københavns": "København")."""
    from assistant.readers.municipality import MUNICIPALITIES

    forms: dict[str, tuple[int, str, str, str]] = {}
    for rank, (written, name) in enumerate({**{n: n for n in MUNICIPALITIES}, **_EXONYMS}.items()):
        base = name[:-1] if name.endswith("s") and name not in ("Stevns", "Halsnæs") else name
        for form in ({written, base} if written == name else {written}):
            forms.setdefault(form.lower(), (rank, written, name, base))
    alternatives = "|".join(re.escape(f) for f in sorted(forms, key=len, reverse=True))
    return re.compile(rf"(?<![\wæøå-])({alternatives})s?(?![\wæøå-])", re.I), forms


def other_municipality(question: str, indexed: list[str]) -> str:
    """The first of Denmark's municipalities (in the list's order) the question names that is none of ``indexed``
    ("Greve Kommune"), as "<Name> Kommune"; "" when it names none or only indexed ones."""
    pattern, forms = _municipality_names()
    have = {re.sub(r"\s+(?:regions)?kommune$", "", m.strip(), flags=re.I).lower() for m in indexed}
    named = []
    for m in pattern.finditer(question):
        rank, written, name, base = forms[m.group(1).lower()]
        if base.lower() in have or name.lower() in have:
            continue
        mid_capital = m.start() > 0 and m.group(1)[0].isupper()
        # a capitalised word after it makes a place's name ("Køge Bugt", "Roskilde Fjord"), not the municipality
        place = _NAME_GOES_ON.match(question, m.end(1))
        if _AS_BODY.match(question, m.end(1)):
            named.append((0, rank, name))  # named as a body first: "Solrød Byråd" over "Køge" in "Køge Bugt"
        elif mid_capital and written not in _COMMON_WORDS and not place:
            named.append((1, rank, name))
    if not named:
        return ""
    name = min(named)[2]
    return "Bornholms Regionskommune" if name == "Bornholms" else f"{name} Kommune"


_NAME_GOES_ON = re.compile(r"s?\s+[A-ZÆØÅ][\wæøå-]*")
# Municipality names that are also Danish words (a road, a disc, otters, a cairn): named only before "Kommune" etc.
_COMMON_WORDS = frozenset({"Vejen", "Skive", "Odder", "Varde", "Struer", "Lejre"})


_COUNCIL = r"(?:byråd\w*|kommunalbestyrelse\w*|borgerrepræsentation\w*|(?:city |municipal |local )?council)"


def council_named(text: str, name: str) -> bool:
    """Whether ``text`` names the council of the municipality ``name`` ("Roskilde", "Københavns"): "Roskilde
    Kommunes byråd", "Roskilde Byråd", "Solrød's own city council", "byrådet i Roskilde", "the council of Solrød"."""
    base = re.escape(name.removesuffix("s"))
    return bool(re.search(
        rf"(?<![\wæøå]){base}\w*(?:'s)?\s+(?:kommune(?:'?s)?\s+)?(?:own\s+|egen\s+|eget\s+)?{_COUNCIL}"
        rf"|{_COUNCIL}\s+(?:i|in|of)\s+{base}", text, re.I))


def match_municipality(question: str, municipalities: list[str]) -> str | None:
    q = question.lower()
    for m in municipalities:
        key = re.sub(r"\s+kommune$", "", m.strip(), flags=re.I).lower()
        if key and re.search(rf"(?<![\wæøå]){re.escape(key)}(?:s)?(?![\wæøå])", q):
            return m
    return None


@lru_cache(maxsize=1)
def _record_stems() -> frozenset[str]:
    return frozenset(stem(w) for w in RECORD_WORDS)


def topic_terms(plan: QueryPlan) -> list[str]:
    """The question's terms that name a topic, not the meeting, a point or a vote as such."""
    generic = _record_stems()
    subtitle = (plan.filters.committee or "").partition(" - ")[2]
    if subtitle:  # "§ 17,4-udvalget om boligsocial helhedsplan": the subtitle of the committee's own name
        generic = generic | stems(subtitle)
    return [t for t in plan.terms if not any(t == g or (min(len(t), len(g)) >= 4 and (t.startswith(g) or
                                             g.startswith(t))) for g in generic)]


def english_to_danish(text: str) -> str:
    """The Danish words an English text's glossary phrases give, and its names, without the words every point
    uses ("council", "decide"): what BM25 searches for an English question."""
    groups, names = glossary_groups(text)
    generic = _generic_stems()
    # a phrase's words are alternatives of one meaning: one of them generic ("decision": beslutning, afgørelse),
    # all of them are
    danish = [w for g in groups if not any(_stem(x) in generic for x in g) for w in g]
    return " ".join(dict.fromkeys(w for w in [*danish, *names] if _stem(w) not in generic))


# A question of several parts: "Hvor stor var arven, og hvad skal pengene bruges til?", "Where did they go, and
# what came out of it?" (a conjunction before a question word).
_PART_BREAK = re.compile(
    r",?\s+(?:og|samt|and)\s+(?=(?:hvad|hvem|hvilk\w*|hvor\w*|hvordan|hvorfor|hvornår|what|which|who|whom|how|"
    r"when|where|why|did|was|were|is|are)\b)|"
    # a yes/no question after a comma or a dash: "... frokostordningen – og kan vuggestueforældre også fravælge ...?"
    r"(?:,|\s[–-])\s*(?:og|and)\s+(?=(?:kan|kunne|skal|skulle|er|var|har|havde|blev|bliver|må|får|fik|can|could|"
    r"will|would|has|have|had|does|do)\b)", re.I)


# A part of a question asking where: "..., og hvor på rådhuset sad de?", "and where did they meet?" (not "hvor
# mange", "hvor meget", "hvor længe": an amount or a time)
ASKS_WHERE = re.compile(r"^\s*(?:hvor\b(?!\s+(?:mange|meget|stor\w*|længe|lang\w*|ofte|tit|høj\w*|dyr\w*|gammel\w*))|"
                        r"where\b)", re.I)


def _parts(text: str) -> list[str]:
    """The parts of a question, split at _PART_BREAK ("..., og hvor på rådhuset sad de?")."""
    return [s for s in _PART_BREAK.split(text) if s.strip()]


# "..., and which room was it held in?", "og i hvilket lokale?": where, by the kind of place
_WHICH_PLACE = re.compile(r"^\s*(?:in\s+|i\s+)?(?:which|what|hvilke[tn]?)\s+(?:room|place|location|venue|building|"
                          r"lokale|sted|bygning)\b", re.I)


def _pieces(question: str) -> list[str]:
    """The parts of a question and the sentences of each."""
    return [s for part in _parts(question) for s in re.split(r"(?<=[.!?])\s+", part) if s.strip()]


def _where_pieces(question: str) -> list[str]:
    """The parts and sentences of the question that ask where ("..., og hvor sad de?", "..., and which room was it
    held in?")."""
    return [piece for piece in _pieces(question) if ASKS_WHERE.match(piece) or _WHICH_PLACE.match(piece)]


def asks_where_part(question: str) -> bool:
    """A part or a sentence of the question asks where, beside what its intent answers: "..., og hvor sad de?",
    "The committee held an extra meeting in June 2013. Where did they meet, and what did they conclude?", "Where did
    the committee meet on 4 December 2012, and who chaired it?", "..., and which room was it held in?"."""
    return bool(_where_pieces(question))


# "Where did they meet", "hvor blev mødet holdt", "hvor mødtes de": where the meeting itself was, not a place a topic
# has ("hvor skal hallen ligge?", "where will the festival be held?")
_MEETING_WORD = re.compile(r"\b(?:meet|met|meeting|møde\w*|mødtes|sad)\b", re.I)


def asks_where_met_part(question: str) -> bool:
    """A part or a sentence of the question asks where the meeting was ("..., og hvor blev mødet holdt?", "...
    Where did they meet, and what did they conclude?")."""
    return any(_MEETING_WORD.search(piece) for piece in _where_pieces(question))


def _text_terms(text: str, lang: str) -> list[str]:
    """The terms a part of a question gives as ``plan.terms`` does for a whole one: an English part's through the
    glossary (its own words when the glossary has none of them)."""
    terms = content_terms(text)
    return (content_terms(english_to_danish(text)) or terms) if lang == "en" else terms


def later_part_terms(plan: QueryPlan) -> list[str]:
    """The topic terms of a question's parts after its first ("Hvad drejer sag 22-013566 sig om, og hvornår skal
    data afleveres til Rigsarkivet?": data, aflev, rigsarkiv); none for a question of one part, whose words say
    what its point or case is ("sag 24-002015 om Hovedbibliotekets åbningstid")."""
    pieces = _parts(plan.topic)
    if len(pieces) < 2:
        return []
    topical = topic_terms(plan)
    return [t for t in dict.fromkeys(_text_terms(" ".join(pieces[1:]), plan.lang)) if t in topical]


def question_pieces(plan: QueryPlan) -> list[tuple[str, list[str]]]:
    """Each part of a question of several parts with its topic terms (empty for a question of one part): the
    part's words and the terms ``plan.terms`` would be for that part alone (an English part's through the
    glossary)."""
    pieces = _parts(plan.topic)
    if len(pieces) < 2:
        return []
    parts = []
    for piece in pieces:
        terms = [t for t in _text_terms(piece, plan.lang) if t in plan.terms]
        if terms:
            parts.append((piece.strip(), terms))
    return parts if len(parts) > 1 else []


# A year counted from the one the previous turn named ("And in the following year's budget?" after "its 2024 budget",
# "Og året før?"): the year written out, so that the follow-up asks of it as if the user had. Not "næste år" / "sidste
# år" / "last year": those count from today (find_period). The sign is the step from the previous turn's year.
_RELATIVE_YEAR = (
    (1, re.compile(r"\b(?:the\s+)?(?:following|next|subsequent)\s+year(?:'s)?|\bthe\s+year\s+after|\ba\s+year\s+later|"
                   r"\båret\s+efter|\bdet\s+(?:følgende|efterfølgende)\s+år(?:s)?|\bet\s+år\s+senere", re.I)),
    (-1, re.compile(r"\b(?:the\s+)?(?:previous|preceding|prior)\s+year(?:'s)?|\bthe\s+year\s+before|"
                    r"\ba\s+year\s+(?:earlier|before)|\båret\s+(?:før|inden)|\bdet\s+(?:foregående|forudgående)\s+år(?:s)?|"
                    r"\bet\s+år\s+tidligere", re.I)),
)


_YEAR_NUMBER = re.compile(r"(?<![\d.,/-])(?:19|20)\d\d(?!\d)(?![.,/]\d)")  # "2024", "2024-27"; not "2.024"


def _named_years(text: str, dates: bool = True) -> list[str]:
    """The years a text names ("budget 2024", "i 2023"), in order; with ``dates`` False not those of a month's date
    ("from March 2025", "1. marts 2025": a day of the matter's own course, not another edition of it)."""
    return [m.group(0) for m in _YEAR_NUMBER.finditer(text)
            if dates or not (w := re.findall(r"[^\W\d_]+", text[: m.start()])[-1:]) or w[0].lower() not in _MONTHS]


def absolute_years(question: str, previous: QueryPlan | None) -> str:
    """``question`` with a year counted from the previous turn's (_RELATIVE_YEAR) written as that year: "And in the
    following year's budget?" after "What did Beredskab 4K add in its 2024 budget?" -> "And in the 2025 budget?";
    unchanged when the previous question named no year or this one names one of its own."""
    years = _named_years(previous.question) if previous is not None else []
    if not years or _named_years(question):
        return question
    base = int(years[-1])
    for step, rx in _RELATIVE_YEAR:
        question = rx.sub(lambda m, y=base + step: (f"the {y}" if m.group(0).lower().startswith("the ") and
                                                    m.group(0).endswith("'s") else str(y)), question)
    return question


def is_followup(question: str, plan: QueryPlan) -> bool:
    """A question that leans on the previous turn: short, starts with "og"/"and", refers back, or names nothing
    of its own (no topic, committee, municipality, period or case)."""
    q = question.strip()
    f = plan.filters
    if _CONTINUES.match(q) and not (f.committee or f.municipality or plan.committee_boost):
        return True
    if _CONTINUES.match(q) and _PRONOUN.search(q) and len(topic_terms(plan)) <= CONTINUED_TERMS:
        return True  # ... also naming its body, when it points back: "Og da sundhedsudvalget fik de nye tal i
        # efteråret 2024, hvad bad udvalget så om?" after a question on the homeless count of 2022
    if _FOLLOWUP.search(q) and len(plan.terms) <= 3:
        return True
    if _DEMONSTRATIVE_MATTER.search(q):
        return True  # "..., and who from the property department sat in for that item?": that item is the last one
    if _PRONOUN.search(q) and len(topic_terms(plan)) <= 2:
        return True  # "Hvad kostede den?", "Hvornår skal de stå færdige?" (not "Hvad kostede den nye svømmehal?")
    if not (topic_terms(plan) or f.committee or f.municipality or f.date_from or f.date_to or plan.committee_boost
            or plan.case_number or plan.latest):
        return True  # nothing of its own to be about: "Hvad blev besluttet?", "Hvad handler punkt 3 om?"
    return plan.intent in ("attendance", "participants") and not (
        plan.filters.committee or plan.filters.date_from or plan.latest
    )


# Whether a person, named by two capitalised words or more, was at a meeting: "Var Bjarke Abel med, da udvalget holdt
# møde i september 2022?", "Was Tina Rottbøll at the committee's meeting in May?"
_PERSON_AT_MEETING = re.compile(r"^(?:Var|Was|Did)\s+[A-ZÆØÅ][\w-]+(?:\s+[A-ZÆØÅ][\w-]+){1,3}\s+(?:med\b.*\bmøde|"
                                r"til stede|at (?:the|a|its|their) (?:[\w'-]+ ){0,3}?meeting|present|attend)")


def analyse(
    question: str,
    history: list[Answer] | None = None,
    catalog: CommitteeSource | None = None,
    lang: str | None = None,
    today: date | None = None,
) -> QueryPlan:
    """Language, intent, filters and search text of a question, resolving a follow-up against ``history``."""
    q = without_courtesy(" ".join(question.split()))
    seat: list[str] = []  # the bodies the asker says they sit in, before the question
    if catalog is not None:
        q, seat = asker_seat(q, sorted({r[1] for r in catalog.committees()}))
    if history:
        q = absolute_years(q, _previous_plan(history))
    case = find_case_number(q)
    plan = QueryPlan(question=q, lang=lang or "da", intent=detect_intent(q, bool(case)))
    plan.case_number = case
    if plan.intent in ("fact", "decision") and _PERSON_AT_MEETING.search(q):
        plan.intent = "participants"  # "Var Bjarke Abel med, da udvalget holdt møde i september 2022?": the list
    if (plan.intent in ("fact", "decision", "recommendation") and _OPINION.search(q) and party_letter(q)
            and not _QUANTITY.search(q)):  # (not "Hvor mange stemmer fik Venstre?": a count)
        plan.intent = "votes"  # "Hvad mente SF om Mosede Fort?": the party's recorded position, not the case text
    overview = _OVERVIEW.search(q)
    if not case and (_SMALL_TALK.match(q) or _HELP.match(q) or overview):
        # "Hej", "Tak for hjælpen", "Hvad kan du svare på?", "Hvilke udvalg er der?": about the assistant and its
        # index, not the minutes' content
        plan.intent = "overview" if overview else "help"
        plan.aspect = "thanks" if _THANKS.match(q) else ""
        plan.lang = lang or ("en" if _ENGLISH_OPENING.match(q) else detect_language(q))  # "Thanks!" is too short
        return plan
    q = respell_months(q)  # "in febuary 2023": the period, the month's name as written in the search text too
    date_from, date_to = hedged_month(q, *find_period(q, today))
    effective = plan.intent not in ("meetings", "attendance", "participants") and effective_date(q)
    if effective:
        date_from = date_to = None  # "Hvad koster det fra 1. januar 2024?": decided before the date it names
    horizon = ""
    if date_from is None and date_to is not None and date_to > (today or date.today()):
        # "boliger der kan bygges frem til 2033": a plan's horizon, not a period of meetings (none is after today):
        # its year is a number of the topic ("Planlagte byggemuligheder 2022-2033")
        horizon, date_to = str(date_to.year), None
    year = _YEAR.search(q)
    if year and year.group(1).lower() in ("i", "in", "år", "året", "during") and date_from and date_from.month == 1:
        plan.year = year.group(2)  # "i 2013": the year of the meetings, or the year a point is about
    elif (season := _SEASON.search(q) or _PART_OF_YEAR.search(q)) and date_from:
        plan.year = season.group(2)  # "i sommeren 2023": the summer's meetings, or a later report on its events
    elif (holiday := _SUMMER_BREAK.search(q)) and date_from:
        plan.year = holiday.group(1) or holiday.group(2)
    elif ((month := _MONTH_YEAR.search(q)) and month_period(date_from, date_to)
            and plan.intent not in _BODY_INTENTS):
        # "nytårskoncerten i januar 2023": the month's meetings, or an event in it that was decided before
        plan.year = month.group(2)
    plan.latest = bool(_LATEST.search(q))
    plan.ordinal = next((name for name, pattern in _ORDINAL if pattern.search(q)), "")
    committee = municipality = None
    if catalog is not None:
        rows = catalog.committees()
        municipality = match_municipality(q, catalog.municipalities())
        plan.other_municipality = other_municipality(q, catalog.municipalities())
        matched = match_committees(q, sorted({r[1] for r in rows}))
        if not matched and (informal := _informal_committee(q, catalog, municipality)):
            matched, plan.informal_body = [informal[0]], informal[1]
        if municipality and matched:  # "Ballerup's health committee": that municipality's, of two; none when the
            # municipality has no such body in the index ("Kommunalbestyrelsen i Syddjurs": not Greve's Byråd)
            held = {(r[0], r[1]) for r in rows}
            kept = [name for name in matched if (municipality, name) in held]
            if not kept and all(is_council(name) for name in matched):  # (a committee named by its fields may be
                # another's in words the match misses: "plan-, udviklings- og kulturudvalget" for PUK)
                named = _BODY_IN_QUESTION.search(q)
                plan.absent_body = named.group(0) if named else matched[0]
            matched = kept
        elif not matched and (named := _BODY_IN_QUESTION.search(q)):
            # the council named, and the index holds no council at all of the municipality asked about (named, or
            # the index's only one): its committees' minutes alone, as above ("Hvem havde meldt afbud til Ballerup
            # Kommunalbestyrelses møde?" over Ballerup's health committee only, which no council matched to)
            asked = asked_municipality(municipality, catalog)
            if asked and not any(is_council(r[1]) for r in rows if r[0] == asked):
                plan.absent_body = named.group(0)
        if len(matched) == 1 and plan.intent not in _BODY_INTENTS and names_a_member(q, matched[0]):
            plan.committee_boost = matched  # "a council member's question": a person of the body, not its meetings
        elif len(matched) == 1:
            committee = matched[0]
        else:
            plan.committee_boost = matched
        if len(seat) == 1 and not (committee or matched) and (
                _REFERS_TO_SEAT.search(q) or (not is_council(seat[0]) and _REFERS_TO_COMMITTEE.search(q))):
            committee = seat[0]  # "Jeg er ny i byrådet. Hvad besluttede vi om ...?": the asker's body acting
    plan.filters = Filters(
        municipality=municipality, committee=committee, date_from=date_from, date_to=date_to, case_number=None
    )
    if not lang:
        names = [a for name in [committee, *plan.committee_boost] for a in committee_aliases(name or "")]
        plan.lang = detect_language(q, tuple([*names, *(m for m in [municipality] if m)]))
    point = _POINT_REF.search(q)
    ordinal = _POINT_ORDINAL.search(q)
    standard = None if point or ordinal else standard_point_named(q)  # "under eventuelt": that point of a meeting
    plan.point_ref = point.group(1).lower() if point else ("" if not ordinal else (
        "last" if ordinal.group(1).lower() in ("sidste", "last", "final") else "first")) or (
        standard or "")
    topic = _CASE_RE.sub(" ", q)
    if standard:
        topic = without_standard_point(topic, standard)
    if municipality:
        key = re.sub(r"\s+kommune$", "", municipality, flags=re.I)
        topic = re.sub(rf"(?<![\wæøå]){re.escape(key)}(?:s)?(?:\s+kommune)?(?![\wæøå])", " ", topic, flags=re.I)
    if plan.informal_body and (committee or plan.committee_boost):
        topic = topic.replace(plan.informal_body, " ")
    for name in [committee, *plan.committee_boost]:
        for alias in committee_aliases(name or ""):
            # a designation's English name keeps its "committee", which the fields after it may follow ("the § 17,4
            # committee on the social housing plan": english_committee_spans takes them out too)
            kept = " committee " if plan.lang == "en" and alias.endswith(" committee") else " "
            topic = _alias_pattern(alias).sub(kept, topic)
    if committee and plan.lang == "en":  # "the planning, development and culture committee": a filter, no topic
        for start, end in reversed(english_committee_spans(topic, committee)):
            topic = f"{topic[:start]} {topic[end:]}"
    years = range(date_from.year, (date_to or date_from).year + 1) if date_from else None

    def undated(text: str) -> str:
        for rx in (_FULL_DATE_DA, _FULL_DATE_EN, _NUM_DATE, _ISO_DATE, _MONTHS_YEAR, _MONTH_YEAR, _PART_OF_YEAR,
                   _SUMMER_BREAK, _SEASON):
            # an effective date's year is a number of the topic ("registered at 1 January 2023": the count of that
            # date, which the point stating it names), not a period of meetings
            text = rx.sub(lambda m: f" {y.group(0)} " if effective and (y := _A_YEAR.search(m.group(0))) else " ",
                          text)
        # a year outside the period the question's meetings are in is what the point is about ("When the council
        # in autumn 2023 looked at the complaint cases from 2022": the report on 2022, not the one on 2023): a
        # topic number
        text = _YEAR.sub(lambda m: m.group(2) if effective or m.group(2) == horizon or (
            years is not None and int(m.group(2)) not in years) else " ", text)
        for rx in (_REL_YEAR, _REL_SPAN):
            text = rx.sub(" ", text)
        return text

    topic = undated(topic)
    topic = _POINT_ORDINAL.sub(" ", _POINT_REF.sub(" ", topic))
    topic = CASE_NUMBER_ASKED.sub(" ", topic)
    for _, ordinal in _ORDINAL:  # "første gang det var oppe", "the first time": which handling, no topic (plan.ordinal)
        topic = ordinal.sub(" ", topic)
    topic = _NEXT_TIME.sub(" ", topic)  # "hvornår skal de revideres næste gang?": when, no topic
    topic = COMPETENCE_ASKED.sub(" ", topic)  # "..., eller var det udvalgets egen beslutning?": no topic
    plan.terms = content_terms(topic)
    plan.topic = " ".join(topic.split())
    if plan.lang == "en":
        plan.translation = english_to_danish(plan.topic)
        plan.terms = content_terms(plan.translation) or plan.terms
        # the committees only preferred, of two that "the health committee" fits, keep their words in what BM25
        # searches (a Ballerup point says "Sundheds- og Forebyggelsesudvalget"), not among the terms a point must
        # hold (sundhedsudvalg)
        named = _boosted_committee_terms(plan)
        plan.terms = [t for t in plan.terms if t not in named] or plan.terms
    plan.numbers = list(dict.fromkeys(re.findall(r"\d[\d.,]*\d{2,}|\d{3,}", topic)))
    if _QUANTITY.search(q):
        plan.quantity = next((kind for kind, pattern in _QUANTITY_KINDS if pattern.search(q)), "number")
        counted = _COUNTED.search(q)
        # the counted noun is the first word (a Danish compound) or the first two (English: "full-time places");
        # the words after it are the question's verb and more ("Hvor mange foreninger fik penge": foreninger)
        noun = " ".join(counted.group(1).split()[: 2 if plan.lang == "en" else 1]) if counted else ""
        if counted and not any(pattern.search(noun) for _, pattern in _QUANTITY_KINDS):
            plan.quantity = "number"
            words_ = counted.group(1)
            if plan.lang == "en":  # "street lights": the Danish words, else the English one ("T-shirts"); three
                # words when the glossary has them as one phrase ("long term unemployed"), else two
                three = whole_glossary_groups(words_.lower())
                words_ = words_ if len(three) == 1 else " ".join(words_.split()[:2])
                plan.counted = content_terms(english_to_danish(words_)) or content_terms(words_)
            else:  # a Danish count's noun is one word, a compound ("byggesager"); the next is its verb
                plan.counted = content_terms(words_.split()[0])
    # the period the question names is its filter (or, none of its meetings holding the matter, the year a point
    # names: retrieval._with_year_as_topic): the text searched has no date, which the embedder would match with
    # any point's dates ("i 2025": the fees for 2025 before the grocery delivery starting in 2025)
    plan.search_text = " ".join(undated(q).split()) if date_from else q
    plan.dated_text = q
    if plan.intent == "participants" and UNDER_POINT.search(q):
        # "hvem fra Center for Ejendomme deltog så på mødet under det punkt?", "who sat in for that item?": who took
        # part in one point, whom its text names ("Birgit Elleby Jørgensen, Center for Ejendomme, deltog under
        # punktet"), not the meeting's list
        plan.intent = "fact"
    if plan.intent == "participants" and not _MEETING.search(q) and (
            len(topic_terms(plan)) >= TOPICAL_PARTICIPANTS or _OTHER_BODY.search(plan.topic)):
        # "Hvor mange sommerferieaktiviteter blev udbudt, og hvor mange deltog?", "Which members signed up for the
        # Valdemarsdag celebrations?": who took part in a topic's event, not in a meeting the question names; "Hvem
        # er formand for Bystrategisk Råd?": a body that is no committee of the index (their names are out of the
        # topic), whose chair or members the minutes' text may name, no meeting's list
        plan.intent = "decision" if _YES_NO.match(q.lower()) else "fact"
    if plan.intent in ("when", "fact", "decision", "recommendation") and topic_terms(plan) and _MOVED.search(q):
        plan.intent = "case"  # "Hvordan bevægede sagen sig fra udvalget til byrådet?": the path of the topic's case
    if plan.intent in ("when", "fact", "decision") and topic_terms(plan) and (
            _PATH_TOPIC.search(q) or (_EACH_TIME.search(q) and not plan.ordinal)):
        plan.intent = "case"  # "Hvornår har sagen om X tidligere været behandlet?": the path of X's case
    record_detail = _record_detail(plan, q)
    if record_detail:
        plan.aspect = record_detail
    elif not _asked_topic_terms(plan) and not plan.point_ref:
        if plan.intent in ("when", "fact") and _WHERE.search(q):
            plan.aspect = "when+where" if plan.intent == "when" else "where"
        elif plan.intent == "when":
            plan.aspect = "when"
        elif _AGENDA.search(q) and plan.intent in ("fact", "case"):
            plan.aspect = "agenda"
        elif plan.intent == "decision" or (plan.intent == "fact" and _HAPPENED.search(q)):
            plan.aspect = "decisions"  # "Hvad blev besluttet på mødet?", "Hvad skete der?": every point's decision
    if (plan.case_number and find_case_number(q) and plan.filters.committee and plan.intent in ("case", "when",
            "decision") and (ASKS_WHEN.search(q) or asks_yes_no(q))
            and not _topic_beyond_handling(plan)):
        # "Blev sag 23-002262 behandlet i byrådet?", "When did case ... reach the council?": its path, opened by
        # whether and when it came to the body named
        plan.intent, plan.aspect, plan.body = "case", "", plan.filters.committee
    previous = _previous_plan(history)
    if previous is not None and (is_followup(q, plan) or _asks_of_carried_case(plan, previous)):
        plan = _carry_over(plan, previous)
    elif seat and not (plan.filters.committee or plan.committee_boost):
        plan.committee_boost = seat  # the asker's body: its meetings preferred, not required
    return plan


def _asks_of_carried_case(plan: QueryPlan, prev: QueryPlan, f: Filters | None = None) -> bool:
    """"Hvad besluttede byrådet?", "When did the council approve it?" after a turn about a case: a body named and
    no topic of its own (nor a period, case, point or meeting) asks about the conversation's case there, not about the
    body's newest meeting. ``f``: the question's own filters (default: the plan's)."""
    f = f or plan.filters
    # its own words: not those of a matter's handling, nor the previous question's ("did the council end up approving
    # the spending?" after "how to spend the climate pool"); a few more where it points back ("did it get final
    # approval from the council after that?", "Og hvad sagde Økonomiudvalget til det?")
    before = set(prev.terms)
    own = [t for t in _topic_beyond_handling(plan) if not any(t.startswith(b) or b.startswith(t) for b in before)]
    back = bool(_CONTINUES.match(plan.question) or _PRONOUN.search(plan.question)
                or _DEMONSTRATIVE_MATTER.search(plan.question))
    return bool(
        (prev.case_number or prev.point_key) and f.committee and plan.intent in _IN_BODY_INTENTS
        and not plan.point_ref and not (f.date_from or f.date_to) and not find_case_number(plan.question)
        and not plan.latest and (not own or (back and len(own) <= CONTINUED_TERMS))
        and not _MEETING.search(plan.question) and not _MET.search(plan.question)
    )


# A detail of the meeting's record beside its date and place: when it ended or how long it lasted ("Hvornår sluttede
# mødet?", "Hvornår blev mødet hævet?", "When did the meeting finish?", "Hvor længe varede mødet?"), who took the
# minutes ("Hvem var sekretær/referent?", "Who took the minutes?")
_MEETING_END = re.compile(r"\b(?:slut|slutte|sluttede|slutter|sluttet|hævet|hævede|afsluttet|afsluttede|afsluttes|"
                          r"endte|ended|end|ends|finish|finished|finishes|adjourned|close|concluded?|"
                          r"wrap(?:ped)? up|wind up|wound up)\b", re.I)  # (not "closed": "the closed meeting")
_HOW_LONG = re.compile(r"\b(?:hvor længe|how long)\b", re.I)
_LASTED = re.compile(r"\b(?:varede|last|lasted)\b", re.I)  # with "how long" only: "the last meeting" is no end
_SCHEDULED = re.compile(r"\b(?:sat|planlagt|berammet|scheduled|set|due|supposed)\b", re.I)  # "sat til at slutte"
_SECRETARY = re.compile(r"\b(?:sekretær(?:en)?|referent(?:en)?|protokolfører(?:en)?|secretary|minute[- ]?taker|"
                        r"took the minutes|wrote the minutes|skrev referatet|tog referat(?:et)?)\b", re.I)
_WHO = re.compile(r"\b(?:hvem|who)\b", re.I)
_MET = re.compile(r"\b(?:meet|met|mødtes|mødes)\b", re.I)  # "What time did the committee meet, and who ...?"
RECORD_DETAILS = ("end", "secretary")  # the aspects of a meeting's record beside its date, place and agenda


def asks_secretary(question: str) -> bool:
    """Who took the minutes is asked ("Hvem var referent?", "..., and who was the secretary?")."""
    return bool(_WHO.search(question) and _SECRETARY.search(question))


def _record_detail(plan: QueryPlan, q: str) -> str:
    """ "end" or "secretary" when the question asks that of a meeting and names no topic beside it, else ""."""
    if plan.point_ref or not (_MEETING.search(q) or _MET.search(q) or plan.meeting_id):
        return ""
    how_long = _HOW_LONG.search(q)
    ended = _MEETING_END.search(q) if plan.intent == "when" or how_long else None
    ended = ended or (_LASTED.search(q) if how_long else None)
    # (who chaired or was absent, and who took the minutes: the list's answer, with the secretary after it)
    listed = plan.intent in ("participants", "attendance")
    if not (ended or (asks_secretary(q) and not listed)):
        return ""
    found = (_MEETING_END, _HOW_LONG, _LASTED, _SCHEDULED) if ended else (_SECRETARY,)
    said = [m.group(0) for pattern in found for m in pattern.finditer(q)]
    own = {f(w) for w in re.findall(r"\w+", " ".join(said).lower()) for f in (str, stem, stem_word)}
    if plan.lang == "en":  # an English question's terms are the glossary's Danish words ("wrap up": afslut, afrund)
        own |= set(content_terms(english_to_danish(" ".join(said))))
    if [t for t in _asked_topic_terms(plan) if t not in own]:
        return ""
    return "end" if ended else "secretary"


def _boosted_committee_terms(plan: QueryPlan) -> set[str]:
    """The terms of the names of the committees a question names ambiguously ("the health committee")."""
    return {t for name in plan.committee_boost for a in committee_aliases(name) for t in content_terms(a)}


def _asked_topic_terms(plan: QueryPlan) -> list[str]:
    """The topic terms that decide whether a question is about the meeting itself (its place, date, agenda): not
    the statements after its last question mark ("Where did the committee meet on 29 May 2024? I heard they started
    off at a football club." asks where the meeting was; what the user heard is no topic; statements before the
    question set its scene: "Tesla rents the old building. Did the committee let them?"). (The committee an
    English question names by its fields, "the culture and leisure committee", is out of the topic already; one it
    names by a field that several committees have, "the culture committee", is none of the topic either.)"""
    named = _boosted_committee_terms(plan)
    terms = [t for t in topic_terms(plan) if t not in named]
    asked, mark, after = plan.topic.rpartition("?")
    if not (terms and mark and after.strip()):
        return terms
    own = _text_terms(asked, plan.lang)
    return [t for t in terms if t in own]


def _previous_plan(history: list[Answer] | None) -> QueryPlan | None:
    """The plan of the last answered turn, rebuilt from its Answer."""
    for ans in reversed(history or []):
        p = getattr(ans, "plan", None)
        prev = QueryPlan.from_dict(p) if p else QueryPlan(question=ans.question)
        top = ans.citations[0] if ans.citations else None
        if top is not None:  # what the answer was about: its point's case and meeting, over those the turn carried
            # from the one before (a follow-up answered from another matter than the previous answer's: "Hvem stemte
            # imod flytningen, da det var oppe i december?" cites the December point, not the case it was carried)
            prev.case_number = find_case_number(prev.question) or top.case_number or prev.case_number or None
            if top.point_key and (top.point_number or not prev.meeting_id):
                prev.meeting_id = top.point_key.split(":")[0]
            if top.point_number and top.point_key and ans.kind != "case":
                prev.point_key = top.point_key
            if not prev.filters.committee and top.committee and ans.kind != "meetings":
                prev.filters = replace(prev.filters, committee=top.committee)
        return prev
    return None


# A month named without a year ("in October", "i marts"), in full: a follow-up's month of the previous turn's period
_BARE_MONTH = re.compile(
    rf"\b(?:i|in|during)\s+({'|'.join(m.lower() for m in (*DA_MONTHS, *EN_MONTHS))})\b(?!\.?\s+\d)", re.I)


def names_period(question: str) -> bool:
    """Whether the question names a period of its own (a date, month, season or year; "i januar" too, which a
    follow-up places near the previous turn's), not only one carried from the previous turn."""
    return any(find_period(question)) or bool(_BARE_MONTH.search(question))


# A follow-up that says the matter came again or later ("when the committee took it up again in August", "da sagen
# kom tilbage i marts") is after the previous turn's period; one that says earlier ("Hadn't they already voted on
# that back in December?", "tidligere i marts") before it
_LATER_TURN = re.compile(r"\b(?:again|later|afterwards|after that|(?:came|comes|come) back|igen|senere|bagefter|"
                         r"derefter|efterfølgende|(?:kom|kommer|kommet) tilbage)\b", re.I)
_EARLIER_TURN = re.compile(r"\b(?:earlier|before that|previously|already|back in|tidligere|forinden|før det|"
                           r"allerede|tilbage i)\b", re.I)


def _month_near(month: int, near: date, question: str = "") -> tuple[date, date]:
    """The month's days in the year that puts it nearest ``near`` ("in October" after August 2024: October 2024;
    "i januar" after December 2023: January 2024), or first after or before it where ``question`` says the matter
    came later or earlier ("again in August" after January 2022: August 2022, not 2021, five months nearer)."""
    years = (near.year - 1, near.year, near.year + 1)
    later, earlier = bool(_LATER_TURN.search(question)), bool(_EARLIER_TURN.search(question))
    if later and not earlier:
        years = tuple(y for y in years if (y, month) > (near.year, near.month))
    elif earlier and not later:
        years = tuple(y for y in years if (y, month) < (near.year, near.month))
    year = min(years, key=lambda y: abs((y - near.year) * 12 + month - near.month))
    return _month_range(year, month)


def _without_years(text: str) -> str:
    return _YEAR_NUMBER.sub(" ", text)


# ("final" in any form: "finally", "finalised", "the final ok"; retrieval.demote_drafts, final_handling_first)
_FINAL_ASKED = re.compile(r"\b(?:final\w*|endelig\w*|in the end|til sidst)\b", re.I)


def final_asked(question: str) -> bool:
    """The final stage of a matter asked ("Hvornår blev den endeligt vedtaget?", "When was it finally adopted?")."""
    return bool(_FINAL_ASKED.search(question))


# The draft stage of a matter asked: the draft itself, or its going out for consultation ("udkastet", "sende
# forslaget i høring", "the draft ...", "out for public consultation"), not the final stage (final_asked)
_DRAFT_ASKED = re.compile(r"\b(?:udkast\w*|forslaget til|i (?:offentlig )?høring|draft\w*|(?:out )?for (?:public )?"
                          r"consultation|public consultation)\b", re.I)


def draft_asked(question: str) -> bool:
    """The draft stage of a matter asked ("When was the draft sent out for consultation?"), not its final one."""
    return bool(_DRAFT_ASKED.search(question)) and not final_asked(question)


# What a follow-up that names a body and nothing else may ask of the carried case there: when, whether, what was
# decided or recommended (not who voted, nor who took part: those have answerers of their own)
_IN_BODY_INTENTS = ("when", "decision", "fact", "recommendation")
# ... and the words such a question asks it with: the matter going on to a body, being put before it or decided there
# ("Gik sagen videre til byrådet?", "Was it sent on to the council?", "Did the case reach it?", "Blev det godkendt i
# byrådet?"), no topic
_HANDLING_WORDS = ("gik gået går gå sendt sendes sende sendte videresendt oversendt forelagt forelægges forelagde "
                   "godkendt godkendte godkende godkendes vedtaget vedtog vedtage vedtages besluttet besluttede "
                   "beslutte afgjort go goes went gone sent send forwarded referred reach reached reaches pass passed "
                   "approve approved adopt adopted decide decided endorse endorsed endte endt ended udfald udfaldet "
                   "outcome got get gets received fik")


@lru_cache(maxsize=1)
def _handling_stems() -> frozenset[str]:
    return frozenset(stem(w) for w in _HANDLING_WORDS.split())


def _topic_beyond_handling(plan: QueryPlan) -> list[str]:
    """The question's topic terms but the words of a matter's handling (_HANDLING_WORDS)."""
    return [t for t in topic_terms(plan) if t not in _handling_stems()]


def _carry_over(plan: QueryPlan, prev: QueryPlan) -> QueryPlan:
    """Fill what the follow-up leaves open from the previous turn: committee, case, period, meeting."""
    plan.followup = True
    competence = asks_competence(plan.question) and not _topic_beyond_handling(plan) and not plan.point_ref
    if competence:
        # "Skulle det også videre til Økonomiudvalget og byrådet, eller var det udvalgets egen beslutning?": the
        # bodies it names are where the matter may have gone next, not where it asks about; the previous point's
        plan.filters, plan.committee_boost = replace(plan.filters, committee=None), []
    f, pf = plan.filters, prev.filters
    if not (f.date_from or f.date_to) and pf.date_from and (m := _BARE_MONTH.search(plan.question)):
        # "And when it landed back on their desk in October, ...?" after a question about August 2024
        month = next(i for i, (da, en) in enumerate(zip(DA_MONTHS, EN_MONTHS, strict=True), start=1)
                     if m.group(1).lower() in (da.lower(), en.lower()))
        first, last = _month_near(month, pf.date_from, plan.question)
        f = plan.filters = replace(f, date_from=first, date_to=last)
    names_committee = bool(f.committee or plan.committee_boost)
    # the carried case in the body the question names (below): its handling there is at its own date, from the
    # previous turn's period on, not inside it ("and what did the council decide on it a few weeks later?")
    in_body = _asks_of_carried_case(plan, prev, f) and not (plan.point_key and f.committee == pf.committee)
    # "When was it finally adopted?" after a question about June's draft: the final stage is later, from the
    # previous turn's period on, and often under a case number of its own (Greve's draft and final local plan)
    final = final_asked(plan.question) and not (f.date_from or f.date_to) and not in_body and not competence
    # (not "was that the final word?": who has it, about the point asked of)
    if final and plan.aspect == "decisions":
        plan.aspect = ""  # "hvem besluttede det til sidst, og hvad blev det?": the last decision, not a meeting's
    plan.filters = Filters(
        municipality=f.municipality or pf.municipality,
        # (the final stage is often another body's: "hvem besluttede det til sidst?" after the committee's point)
        committee=f.committee or (None if names_committee or final else pf.committee),
        date_from=f.date_from or (None if f.date_to else pf.date_from),
        date_to=f.date_to or (None if f.date_from or final or in_body else pf.date_to),
        case_number=None,
    )
    if not (f.date_from or f.date_to) and prev.year:
        # "og antallet af klager samme år?" after "magtanvendelse i 2023": the previous turn's year, which may be the
        # year a later report is about (retrieval._with_year_as_topic), as it was for that turn
        plan.year = prev.year
    own, before = set(_named_years(plan.question, dates=False)), set(_named_years(prev.question))
    # "And in the 2025 budget?" after "its 2024 budget": the matter's other edition, another point and case; the
    # previous question's topic (without its year), not its meeting, point or case. So is its final stage.
    edition = bool(own and before and not own & before) or final
    plan.case_number = plan.case_number or (None if edition else prev.case_number)
    if not edition and not names_committee and not (f.date_from or f.date_to):
        plan.meeting_id = prev.meeting_id  # "hvem var fraværende?" -> the same meeting
        if (not topic_terms(plan) or competence) and not plan.point_ref:
            plan.point_key = prev.point_key  # "og hvad blev besluttet?", "hvem stemte imod?" -> the same point
            if plan.point_key and plan.aspect == "decisions" and not _AGENDA.search(plan.question):
                plan.aspect = ""  # (not "What was on the agenda that day, and what did they decide?": the meeting's)
    elif (not edition and f.committee and f.committee == pf.committee and not (f.date_from or f.date_to)
          and not topic_terms(plan) and not plan.point_ref):
        # "Did anybody on the city council vote against that?" after an answer from the council's point: the body
        # the question names is that point's, so the point is still the one asked about
        plan.meeting_id, plan.point_key = prev.meeting_id, prev.point_key
    if (plan.case_number or plan.point_key) and plan.intent in ("when", "fact") and _PATH.search(plan.question.lower()):
        plan.intent = "case"  # "Hvornår blev det behandlet igen?": the carried case's path
    elif in_body:
        # "Hvornår blev det behandlet i byrådet?", "Kom sagen i Byrådet?", "Og hvad besluttede byrådet?", "Did it go
        # to the city council?": the carried case in the body the question names, from its path (not the body's
        # newest meeting), which says whether and when it came there. Not a meeting ("Hvornår holdt byrådet møde?",
        # "When did the council meet?"). What the body decided or recommended, asked as such, is its handling's
        # (answering: the point, where the case came there once)
        if plan.intent in ("when", "fact") or asks_yes_no(plan.question):
            plan.intent = "case"
        plan.aspect, plan.body = "", f.committee
        plan.point_key = plan.point_key or prev.point_key
    if competence and plan.point_key:
        plan.intent, plan.aspect, plan.body = "competence", "", ""  # (answering.answer_competence)
    elif (plan.case_number and (asked := _NEXT_HANDLING.search(plan.question) or (
            None if names_period(plan.question) else _CAME_BACK.search(plan.question))) and not plan.point_ref
          and not set(_topic_beyond_handling(plan)) - stems(asked.group(0))):
        # "which committee got it after that, and what did they recommend?": the case's next handling after the
        # point talked about (answering), whatever body or period the previous turn named
        plan.intent, plan.aspect, plan.body = "next", "", ""
        plan.point_key = plan.point_key or prev.point_key
    plan.search_text = f"{plan.question} {_without_years(prev.question) if edition else prev.question}"
    plan.dated_text = plan.search_text  # (a follow-up is searched with the question it follows, dates and all)
    if not (plan.point_key or plan.case_number or topic_terms(plan)):
        # no point carried (the previous turn was refused, or answered from no point) and no topic of its own:
        # the previous question's topic is what "that" names ("Who voted against that?" after "Did Greve ask Movia
        # for changes to the local buses?", refused), for the words a vote's or a sentence's point must hold too
        plan.terms = list(dict.fromkeys([*plan.terms, *prev.terms]))
    if not plan.case_number or f.date_from or f.date_to:  # a period of its own: the case may be another there
        plan.topic = f"{plan.topic} {prev.topic}".strip()
        plan.translation = " ".join(dict.fromkeys(f"{plan.translation} {prev.translation}".split()))
    if plan.intent == "fact" and not plan.quantity and prev.intent in ("decision", "recommendation", "when"):
        plan.intent = prev.intent
    return plan
