"""Which municipality a document belongs to, and where that fact came from.

Order: the document itself (a header naming "<Name> Kommune", or a FirstAgenda publication site
``https://dagsordener.<name>.dk``) > an explicit argument or the ``--municipality`` option > the nearest
``minutes.toml`` (key ``municipality``) in the file's folder or its parents > the nearest folder named after one
of Denmark's 98 municipalities (``corpus/slagelse/``, ``referater/Høje-Taastrup Kommune/``). Never guessed from
running text: unknown stays None.
"""

from __future__ import annotations

import re
import tomllib
from functools import lru_cache
from pathlib import Path

from assistant.messages import Message

METADATA_FILE = "minutes.toml"

_SITE_RE = re.compile(r"https?://(?:www\.)?dagsorden(?:er)?\.([a-z0-9\-]+)\.dk\b", re.IGNORECASE)
_NAME_RE = re.compile(r"(?<![\w-])((?:[A-ZÆØÅ][a-zæøå]+)(?:[- ](?:[A-ZÆØÅ][a-zæøå]+))?)\s+Kommune\b")
# Domain labels that cannot be turned back into the name by capitalising (ae/oe/aa for æ/ø/å, abbreviations).
_DOMAIN_NAMES = {
    "aeroe": "Ærø", "alleroed": "Allerød", "bornholm": "Bornholms Regionskommune", "brondby": "Brøndby",
    "broendby": "Brøndby", "bronderslev": "Brønderslev", "broenderslev": "Brønderslev", "dragoer": "Dragør",
    "fanoe": "Fanø", "faxekommune": "Faxe", "fmk": "Faaborg-Midtfyn", "frederiksvaerk": "Frederiksværk",
    "furesoe": "Furesø", "halsnaes": "Halsnæs", "helsingor": "Helsingør", "helsingoer": "Helsingør",
    "hilleroed": "Hillerød", "hjoerring": "Hjørring", "hoeje-taastrup": "Høje-Taastrup", "holbaek": "Holbæk",
    "hoersholm": "Hørsholm", "htk": "Høje-Taastrup", "ishoj": "Ishøj", "ishoej": "Ishøj", "kk": "Københavns",
    "koebenhavn": "København", "koege": "Køge", "laesoe": "Læsø", "langelandkommune": "Langeland",
    "ltk": "Lyngby-Taarbæk", "lyngby-taarbaek": "Lyngby-Taarbæk", "morsoe": "Morsø", "naestved": "Næstved",
    "rk": "Rødovre", "roedding": "Rødding", "roedovre": "Rødovre", "ringkoebing-skjern": "Ringkøbing-Skjern",
    "rksk": "Ringkøbing-Skjern", "samsoe": "Samsø", "soenderborg": "Sønderborg", "solrod": "Solrød",
    "solroed": "Solrød", "soroe": "Sorø", "taarnby": "Tårnby", "toender": "Tønder", "vallensbaek": "Vallensbæk",
}  # fmt: skip
# Denmark's 98 municipalities (since 2007), as they are named with "Kommune" after them.
MUNICIPALITIES = (
    "Albertslund Allerød Assens Ballerup Billund Bornholms Brøndby Brønderslev Dragør Egedal Esbjerg Fanø Favrskov "
    "Faxe Fredensborg Fredericia Frederiksberg Frederikshavn Frederikssund Furesø Faaborg-Midtfyn Gentofte Gladsaxe "
    "Glostrup Greve Gribskov Guldborgsund Haderslev Halsnæs Hedensted Helsingør Herlev Herning Hillerød Hjørring "
    "Holbæk Holstebro Horsens Hvidovre Høje-Taastrup Hørsholm Ikast-Brande Ishøj Jammerbugt Kalundborg Kerteminde "
    "Kolding Københavns Køge Langeland Lejre Lemvig Lolland Lyngby-Taarbæk Læsø Mariagerfjord Middelfart Morsø "
    "Norddjurs Nordfyns Nyborg Næstved Odder Odense Odsherred Randers Rebild Ringkøbing-Skjern Ringsted Roskilde "
    "Rudersdal Rødovre Samsø Silkeborg Skanderborg Skive Slagelse Solrød Sorø Stevns Struer Svendborg Syddjurs "
    "Sønderborg Thisted Tønder Tårnby Vallensbæk Varde Vejen Vejle Vesthimmerlands Viborg Vordingborg Ærø Aabenraa "
    "Aalborg Aarhus"
).split()
_CAPS_NAME_RE = re.compile(r"(?<![\w-])([A-ZÆØÅ]{2,}(?:-[A-ZÆØÅ]{2,})?)\s+KOMMUNE\b")
# Words that end in "Kommune" in running text without naming the municipality of the document.
_NOT_NAMES = frozenset({"Den", "Denne", "Hele", "Anden", "Nabo", "Hver", "Vores", "Egen", "Samme", "Region"})


def name_from_site(text: str) -> str | None:
    """``https://dagsordener.greve.dk/...`` -> ``"Greve Kommune"``."""
    m = _SITE_RE.search(text)
    if not m:
        return None
    return name_from_domain_label(m.group(1))


def name_from_domain_label(label: str) -> str:
    """The municipality a site's domain label names: ``greve`` -> "Greve Kommune", ``koege`` -> "Køge Kommune"."""
    label = label.lower()
    if label.startswith("xn--"):
        try:
            label = label.encode("ascii").decode("idna")
        except UnicodeError:
            pass
    name = _DOMAIN_NAMES.get(label) or "-".join(part.capitalize() for part in label.split("-"))
    return name if name.lower().endswith("kommune") else f"{name} Kommune"


_REGIONSKOMMUNE = "Bornholms Regionskommune"
_REGIONSKOMMUNE_RE = re.compile(r"\bBornholms\s+Regionskommune\b", re.IGNORECASE)


def name_from_header(text: str) -> str | None:
    """A municipality the document's header names ("Slagelse Kommune"), when exactly one is named."""
    names = []
    for m in _NAME_RE.finditer(text):
        if m.group(1).split()[0] in _NOT_NAMES:
            continue
        name = f"{m.group(1)} Kommune"
        if name not in names:
            names.append(name)
    if _REGIONSKOMMUNE_RE.search(text) and _REGIONSKOMMUNE not in names:  # the one municipality not called "Kommune"
        names.append(_REGIONSKOMMUNE)
    for m in _CAPS_NAME_RE.finditer(text):  # a letterhead in capitals: "NÆSTVED KOMMUNE", one of the 98 only
        name = f"{'-'.join(w.capitalize() for w in m.group(1).split('-'))} Kommune"
        if known_municipality(name) and name not in names:
            names.append(name)
    return names[0] if len(names) == 1 else None


def known_municipality(name: str) -> bool:
    """Whether ``name`` ("Viborg Kommune") is one of Denmark's 98 municipalities."""
    return any(key in _folder_names() for key in _folded(name))


@lru_cache(maxsize=1024)
def _metadata_in(folder: Path) -> str | None:
    f = folder / METADATA_FILE
    if not f.is_file():
        return None
    try:
        with f.open("rb") as fh:
            value = tomllib.load(fh).get("municipality")
    except (OSError, tomllib.TOMLDecodeError):
        return None
    return value.strip() if isinstance(value, str) and value.strip() else None


def name_from_folder(path: Path) -> str | None:
    """The ``municipality`` of the nearest minutes.toml in the file's folder or its parents."""
    for folder in Path(path).resolve().parents:
        name = _metadata_in(folder)
        if name:
            return name
    return None


def _folded(name: str) -> set[str]:
    """Spellings of a name in a folder or domain: "Høje-Taastrup" -> {"hoeje-taastrup", "hoje-taastrup", ...}."""
    base = re.sub(r"[\s_]+", "-", name.strip().lower())
    base = re.sub(r"-?(regions)?kommune$", "", base).strip("-")
    out = {base}
    for table in ({"æ": "ae", "ø": "oe", "å": "aa"}, {"æ": "ae", "ø": "o", "å": "a"}, {"æ": "a", "ø": "o", "å": "a"}):
        out.add(base.translate(str.maketrans(table)))
    return out | {v.replace("-", "") for v in out}


@lru_cache(maxsize=1)
def _folder_names() -> dict[str, str]:
    names: dict[str, str] = {}
    for m in MUNICIPALITIES:
        full = "Bornholms Regionskommune" if m == "Bornholms" else f"{m} Kommune"
        for key in _folded(m) | (_folded(m[:-1]) if m in ("Bornholms", "Københavns") else set()):
            names[key] = full
    return names


def name_from_folder_name(path: Path) -> str | None:
    """The municipality the nearest folder is named after (``corpus/slagelse/`` -> "Slagelse Kommune")."""
    names = _folder_names()
    for folder in Path(path).resolve().parents:
        for key in _folded(folder.name):
            if key in names:
                return names[key]
    return None


def resolve(
    path: Path, from_document: str | None, document_source: str, argument: str | None
) -> tuple[str | None, str, str | None]:
    """``(municipality, source, warning)``; ``source`` is "document", "site", "option", "folder-metadata",
    "folder-name" or ""."""
    if from_document:
        return from_document, document_source, None
    if argument:
        return argument, "option", None
    folder = name_from_folder(path)
    if folder:
        return folder, "folder-metadata", None
    named = name_from_folder_name(path)
    if named:
        return named, "folder-name", None
    return None, "", Message("no_municipality")
