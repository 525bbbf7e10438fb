"""Reading minutes files: sniff the content, pick a reader, return a Meeting or one clear problem.

Public API::

    read_file(path, settings, municipality=None) -> ReadResult     # never raises on bad input
    iter_files(paths) -> Iterator[Path]                            # folders walked recursively, dot-folders too
    read_paths(paths, settings, municipality=None) -> Iterator[ReadResult]
    ReadSummary                                                     # read / skipped and why, for a folder run
"""

from __future__ import annotations

import hashlib
import os
import stat
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from assistant.messages import Message, hint_for
from assistant.prompts import localized
from assistant.readers import municipality as _municipality
from assistant.readers import structure
from assistant.readers.sniff import Unreadable, sniff
from assistant.records import Meeting, ReadProblem, ReadResult, source_key
from assistant.settings import Settings

__all__ = ["read_file", "read_paths", "iter_files", "ReadSummary", "Unreadable"]

# Raise when the readers produce a different meeting from the same file (a new field, a fixed parse): an index
# built by an older version then re-reads its unchanged files once (only texts that changed are embedded again).
# 6: a meeting's place carries its address (Acadre XML "address", print covers); 7: the text after an inline
# "Bilag" list continues the text before it (eDoc print); 8: voters under a label alone, each with a remark after
# them ("Imod stemte:" / "(F) med bemærkning om, at ..."); 9: print titles with the date and room after the forum,
# "Fraværende med afbud", "Ikke til stede", "Lukkede punkter" groups, "J.nr. BUU 12/2008", the decision under
# "Indstilling og beslutning", "N. Titel" items without case numbers, "Beslutning" after an earlier body's decision
# 10: when the meeting ended and who took the minutes (Meeting.end_time, Meeting.secretary); 11: Acadre's "finish";
# 12: a print's "Sekretær"/"Referent" label, and a label after an empty one is no value of it; 13: a print item's
# "Sagen afgøres i"/"Beslutningskompetence" label is a section of the point (where its decision lies); 14: voters
# after "idet" ("Godkendt, idet (Ø) stemte imod"); 15: FirstAgenda's headless first decision paragraph is the
# point's decision; 16: layouts of other municipalities (a page inside an ASP.NET form, OS2dagsorden's item
# headings, a letterhead in capitals, the body's name or the date alone on a header line, a heading and its text
# without a blank line, labels printed without blank lines between them, the municipality in a page's title, vote
# labels with counts and a later label in the same sentence, "kan ikke anbefale"); 17: a vote sentence wrapped
# before its verb, "Dette punkt er lukket for offentligheden.", the room under a dated line below the body heading;
# 18: a label's value cell that is a list, "Hent punkt som PDF" beside a case number, two vote labels on one line,
# parties by name as their letters ("Dansk Folkeparti stemte imod": O; "(SF)": F); 19: a contents list without dot
# leaders, items out of number order, a labels-first cover value wrapped over rows; 20: a page laid out in one
# table, substitutes under "Stedfortræder:", "og 2 stemmer imod"; 21: "Tid og sted:", " - beslutningsprotokol" after
# the body, an item wrapped after an attachment list; 22: "Sags ID:", "... Lukket punkt" after a title, a badge over
# the case number; 23: "Fremmødte", "Forfald", members one a line with <br>, the logo in a page header; 24:
# members in two columns, "Sag nr. N   LUKKET PUNKT", a "Sag nr." title wrapped, "Beslutningskompetence:" as metadata;
# 25: a status badge after a member ("(O) Afbud"), a counted abstention label ("Undlod at stemme: V (1)"); 26: an
# attendance table with a role in the name cell and the party by name, "For stemte 4 medlemmer: A, F og C."; 27:
# members as "Name, A, Formand" a line, "med 4 stemmer for (A, C, Ø) mod 2 stemmer (V, O)"; 28: a closed point listed
# only in the contents under "Lukket referat"; 29: a member recorded absent under some points only was at the meeting;
# 30: items printed twice as plain numbered paragraphs, Bornholms Regionskommune; 31: "Journalnummer:", "(Lukket sag)",
# a member absent from some points only ("Name (Ø), sag 118-119") was at the meeting; 32: a side box of members
# after the items, the page's <h1> as its title, "Udvalgsmedlemmer", "Ikke til stede", "Referat: X"; 33: a line break
# in a heading, the time from the title when the date label has none, the status at the end of an initials line;
# 34: the municipality in a print's page footer; 35: an attachment list before a running header is no item, a
# dated forum decision line and its decision in one block inside "INDSTILLING OG BESLUTNING"; 36: "(V) - Afbud",
# "Afbud fra X", "- Lukket sag"; 37: members in two columns from the label's own line; 38: item metadata as a row of
# labels over a row of values, "Lukket sag" as a status line; 39: "Referat af Byrådets møde", no body from "Udvalg
# 2022-2025"; 40: a member one a line with a note in brackets ("(løsgænger)"); 41: a member the minutes say left or
# came during the meeting ("X forlod mødet efter ...") is not absent throughout; 42: the members from the signature
# sheet ("Underskriftsark") of minutes that list them nowhere else; 43: a substitute the attendance point or the cover
# says attended ("Stedfortræder X (T) var indkaldt og deltog i mødet"); 44: a page whose body class names its sidebar,
# no stray "-" from a list item's marker, "Afbud"/"Fraværende" as a heading over names, "F og Ø (2), idet ..."; 45:
# an empty "Beslutninger" over the dated decision, a page's own name before one its text names, "Referat - <forum>";
# 46: a page laid out as a table of one column, "Afbud:" inside the members' line, "Name, (A)"; 47: the case number
# of a metadata line "Dok.nr.: ...  Sagsid.: ...  Initialer: ..."; 48: two columns of labels over their values after a
# blank line, "stedfortræder for" wrapped, the room under the date after a blank line, "Farsø-/området"; 49: "4a."
# in the run of item numbers, "X (Ø) og Y (V)" in a list of members, "Udvalgets møde <date>" names the body; 50:
# "Udvalgets medlemmer" over the members, "Imod stemte X og Y, som ..."; 51: an indented members' label over two
# columns, a substitute named in a sentence under "Stedfortræder:", a title wrapped on the item's line, "<forum>s
# beslutning under mødet den ...:" over its text without a blank line; 52: "Tid" on a print's cover, the absent one
# a line, a name in a sentence never runs across a column's gap or from a label; 53: the absent under a heading one
# a line (some points only told apart), "Mødetidspunkt: 9.00 - 12.15"; 54: the room after the date on a page's title
# line; 55: an <article>'s <header> (an item's number and title), "Sagsnummer: X · department", "<body> – møde <date>";
# 56: "Ad 1)" items, "Kl.:" and further labels on a label's line, a letterhead before the body, "Afbud: X (C). I ...";
# 57: "§ 9" items, a numbered title wrapped after a comma, a print's running footer "... side 2/4" dropped; 58: "Pkt. 1
# | Titel" rows, "Acadre sagsnr.:" / "eDoc-sagsnr."; 59: "Sundheds-" / "udvalget" joins (a linking "s"); 60: a page
# laid out in tables of one column, a table of links is navigation, a logo's alt text, members one a line with <br>
# in a label's cell, "Fremmøde og inhabilitet" as a table row, "( )" after a title; 61: "Name (A) - formand"; 62: a
# print's table of members "Navn  Parti  Fremmøde"; 63: "beslutningssag, lukket sag", "behandlet på lukket møde";
# 64: "Referat" / "Åbent referat" between a running header's body and date, "Mødested og tidspunkt" (room, then
# time), a labels-first cover whose first value is "20. november 2018", "Lukket sag" closing an initials' line, two
# columns of "label: value" side by side, a title wrapped onto a heading's word in lower case; 65: members under
# party headings, an absence table with a remark per member ("Forfald og stedfortrædere"), the room said in a
# sentence ("Mødet blev holdt i ..."), "Lokation:"; 66: items numbered through the year ("14/2025   Titel"),
# members one a line with " - role" kept apart, "For: A, V (4) Imod: Ø (1)" joined on a line is two positions; 67:
# "<h3>1) Titel</h3>", members a line per party ("Venstre: Ib Rask, Jonna Lund"), "Afbud fra X (A)."; 68: a page
# laid out in tables without <h1>, items as table rows with their text in rows under them, a decision's heading and
# text in one block, a menu "Udvalg" over every body; 69: "Medlemmer:" beside "Ikke til stede:" with a second label
# under a column's names, "(formand, A)" one bracket, "Tid:" after a gap on the date's line; 70: a labels-first
# cover with two labels whose values wrap, a title wrapped after a dash keeps it; 71: "Forfald:" in prints,
# "Acadre-sag:" after an access flag, "med henvisning til" ends the voters; 72: attendance told in sentences when
# no list of members is printed; 73: the emergency services' commission as a body, "Beslutning i <body> den <date>"
# with no colon, "Deltagere   Status" tables, margin labels wrapped over two lines, a cover beside the contents'
# column, a contents entry is never the item; 74: "§ 1" item rows, a role in brackets after an absent name, a status
# badge after a listed member's name, a menu of the body's meetings by date is no title; 75: "Protokol" over a
# decision, members in three columns under party headings, a remark after an absent member's dash, "i stedet
# mødte stedfortræder X", a "Sag nr." title wrapped onto a capital, "Sagsbehandler:" after a case number, "Imod
# stemte 4: names" wrapped mid-name; 76: "For stemte ... Imod stemte ..." joined without a stop, a title before a
# member's name ("psykolog X", "Dommer X"), a labels-first cover's wrapped remark, labelled line and running footer;
# 77: a letter's "Dato:" is not the meeting's when an opening sentence dates and times it, "<body> tirsdag den ...",
# "Erling Kirk og Hanne Moe" are two, a title wrapped onto a line over its case number's line; 78: members grouped
# by the body that sent them ("Herning Kommune:"), the room in a sentence after the date, "Politiinspektør X"
READER_VERSION = "78"
# OS and editor junk that is never minutes.
_JUNK_NAMES = frozenset({".ds_store", "thumbs.db", "desktop.ini", ".fetch-state", ".directory", "icon\r"})
_JUNK_PREFIXES = ("._", "~$", ".~lock")
_JUNK_SUFFIXES = (".tmp", ".swp", ".part", ".crdownload", "~")
_SKIP_DIRS = frozenset({".git", ".hg", ".svn", "__pycache__", ".venv", "node_modules", ".Trash", ".Spotlight-V100"})


def _is_junk(name: str) -> bool:
    low = name.lower()
    return (
        low == _municipality.METADATA_FILE
        or low in _JUNK_NAMES
        or low.startswith(_JUNK_PREFIXES)
        or low.endswith(_JUNK_SUFFIXES)
    )


def iter_files(paths: Iterable[Path | str], skipped: list[ReadProblem] | None = None) -> Iterator[Path]:
    """Files to read: files as given, folders walked recursively (dot-folders and names with spaces included).

    Only regular files: a symlink is followed only to a regular file inside the given folders; FIFOs, devices and
    sockets (which would block a read or never end) are skipped, each with a ReadProblem added to ``skipped``.
    Skips minutes.toml and OS junk (.DS_Store, Thumbs.db, ._*, ~$*); a missing path is yielded so that reading it
    reports the problem.
    """
    roots = [Path(p).expanduser() for p in paths]
    inside = [str(r.resolve()) for r in roots if r.is_dir()]

    def refuse(path: Path, problem: str, hint: str) -> None:
        if skipped is not None:
            skipped.append(ReadProblem(str(path), problem, hint))

    for path in roots:
        if path.is_dir():
            found = []
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS)
                found += [Path(root) / f for f in files if not _is_junk(f)]
            yield from (f for f in sorted(found) if _regular(f, inside, refuse))
        elif not path.exists() and not path.is_symlink():
            yield path
        elif not _is_junk(path.name) and _regular(path, None, refuse):
            yield path


def _kind(mode: int) -> Message:
    if stat.S_ISFIFO(mode):
        return Message("kind_fifo")
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return Message("kind_device")
    if stat.S_ISSOCK(mode):
        return Message("kind_socket")
    return Message("kind_folder" if stat.S_ISDIR(mode) else "kind_other")


def _regular(path: Path, inside: list[str] | None, refuse) -> bool:
    """Whether ``path`` is a regular file, or a symlink to one (inside ``inside`` when given); else ``refuse``."""
    hint = Message("regular_only.hint")
    try:
        st = os.lstat(path)
        if not stat.S_ISLNK(st.st_mode):
            if stat.S_ISREG(st.st_mode):
                return True
            refuse(path, Message("skipped_kind", kind=_kind(st.st_mode)), hint)
            return False
        target = path.resolve(strict=True)
        st = os.stat(target)
    except (OSError, RuntimeError) as exc:
        refuse(path, Message("skipped_unreadable", error=getattr(exc, "strerror", None) or exc), hint)
        return False
    if not stat.S_ISREG(st.st_mode):
        refuse(path, Message("skipped_link", kind=_kind(st.st_mode), target=target), hint)
        return False
    t = str(target)
    if inside is not None and not any(t == r or t.startswith(r.rstrip(os.sep) + os.sep) for r in inside):
        refuse(path, Message("skipped_link_outside"), hint)
        return False
    return True


def _problem(path: str, key: str, **values: object) -> ReadResult:
    """The ReadResult for a file refused with the problem ``key`` of assistant.messages (and its hint)."""
    problem = ReadProblem(path=path, problem=Message(key, **values), hint=hint_for(key, **values))
    return ReadResult(path=path, error=problem)


def _parse(data: bytes, path: Path, warnings: list[str]) -> tuple[Meeting, str | None, str]:
    """The meeting, a municipality named by the document (or None) and how it was named ("document"/"site")."""
    sniffed = sniff(data)
    if sniffed.kind == "pdf":
        from assistant.readers import esdh_pdf, print_layout

        esdh = esdh_pdf.read_pdf(data, warnings)  # fast (pypdf); None when the PDF is in another layout
        meeting, named = esdh if esdh is not None else print_layout.read_pdf(data, warnings)
        return meeting, named, "document"
    if sniffed.kind == "docx":
        from assistant.readers import docx

        meeting, named = docx.read(data, warnings)
        return meeting, named, "document"
    if sniffed.kind == "edoc-xml":
        from assistant.readers import edoc_xml

        meeting, named = edoc_xml.read(data, warnings)
        return meeting, named, "document"
    if sniffed.kind in ("acadre-xml", "acadre-manifest"):
        from assistant.readers import acadre_xml

        meeting, named = acadre_xml.read(data, warnings)  # a manifest raises Unreadable naming the meeting file
        return meeting, named, "document"
    if sniffed.kind == "json":
        from assistant.readers import firstagenda_json

        meeting, site = firstagenda_json.read(sniffed.data, data.decode("utf-8", errors="replace"), warnings)
        return meeting, site, "site"
    if sniffed.encoding not in ("utf-8", "utf-16"):
        warnings.append(Message("not_utf8", encoding=sniffed.encoding))
    if sniffed.kind == "html":
        from assistant.readers import html

        meeting, named = html.read(sniffed.text, warnings)
        return meeting, named, "document"
    if sniffed.kind == "print-text":
        from assistant.readers import print_layout

        meeting, named = print_layout.read_text(sniffed.text, warnings)
        return meeting, named, "document"
    from assistant.readers import plain

    meeting, named = plain.read(sniffed.text, path, warnings)
    return meeting, named, "document"


def read_file(path: Path | str, settings: Settings, municipality: str | None = None) -> ReadResult:
    """Read one file into a Meeting; bad input gives a ReadResult with a Danish ReadProblem, never an exception."""
    path = Path(path).expanduser()
    key = source_key(path)
    try:
        if not path.exists():
            return _problem(key, "missing")
        if not path.is_file():
            return _problem(key, "not_a_file")
        limit = settings.max_file_mb
        cap = int(limit * 1024 * 1024)
        size = path.stat().st_size
        if size <= cap:
            with open(path, "rb") as fh:
                data = fh.read(cap + 1)  # never more than the cap, even from a file that grew since the stat
            size = max(size, len(data))
        if size > cap:
            return _problem(key, "too_big", mb=size / 1024 / 1024, limit=limit)
    except OSError as exc:
        return _problem(key, "cannot_read", error=exc.strerror or exc)

    warnings: list[str] = []
    try:
        meeting, named, named_source = _parse(data, path, warnings)
    except Unreadable as exc:
        return ReadResult(path=key, error=ReadProblem(path=key, problem=exc.problem, hint=exc.hint))
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop a folder run
        return _problem(key, "unexpected", error=f"{type(exc).__name__}: {exc}")

    name, source, warning = _municipality.resolve(path, named, named_source, municipality or settings.municipality)
    meeting.municipality, meeting.municipality_source = name, source
    if warning:
        warnings.append(warning)
    structure.settle_end(meeting)
    meeting.source_path = key
    meeting.content_hash = hashlib.sha256(data).hexdigest()
    if not meeting.points:
        problem = ReadProblem(key, Message("no_meeting"), Message("check_minutes.hint"))
        return ReadResult(path=key, warnings=warnings, error=problem)
    return ReadResult(path=key, meeting=meeting, warnings=warnings)


def read_paths(
    paths: Iterable[Path | str], settings: Settings, municipality: str | None = None
) -> Iterator[ReadResult]:
    """Read every file under ``paths`` (see :func:`iter_files`), one result per file."""
    for path in iter_files(paths):
        yield read_file(path, settings, municipality)


@dataclass
class ReadSummary:
    """What a run read and what it skipped, and why."""

    read: int = 0
    points: int = 0
    skipped: list[ReadProblem] = field(default_factory=list)
    warnings: int = 0

    def add(self, result: ReadResult) -> ReadResult:
        if result.ok and result.meeting is not None:
            self.read += 1
            self.points += len(result.meeting.points)
        elif result.error is not None:
            self.skipped.append(result.error)
        self.warnings += len(result.warnings)
        return result

    @property
    def ok(self) -> bool:
        """True when at least one file was read."""
        return self.read > 0

    def reasons(self, lang: str = "da") -> Counter[str]:
        return Counter(localized(p.problem, lang).split(" (")[0] for p in self.skipped)

    def to_dict(self) -> dict:
        return {
            "read": self.read,
            "points": self.points,
            "skipped": len(self.skipped),
            "reasons": dict(self.reasons()),
            "problems": [str(p) for p in self.skipped],
        }
