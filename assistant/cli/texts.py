"""Every text of the `minutes` command, in Danish and English: help, messages, and click's own words.

The CLI speaks Danish (its audience is Danish municipal staff) unless `--lang en` is on the command line (the group's
option, or `ask`/`export --lang en`, which also asks for English answers) or `MINUTES_LANGUAGE=en` is set (the
setting the web app starts in). Help and errors are then both in that language: our own texts come from ``HELP``
and ``MESSAGES``; click's built-in words ("Usage:", "Missing argument", ...) from ``CLICK_DA``, through the
gettext hook click offers (its modules call ``_`` and ``ngettext``).
"""

from __future__ import annotations

import os
from collections.abc import Sequence

import click

from assistant.prompts import fill

LANGUAGES = ("da", "en")

# Help: commands by their path ("ask", "fetch firstagenda"), options by a short key; ``h(key)`` gives the Danish
# text to the decorators and the English replaces it when the CLI speaks English.
HELP: dict[str, dict[str, str]] = {
    # commands
    "cmd:main": {
        "da": "Referat-assistenten: spørg til kommunale referater med kildehenvisninger.",
        "en": "Referat-assistenten: ask about municipal minutes, with citations.",
    },
    "cmd:parse": {
        "da": "Læs referater (filer eller mapper) og vis møder og dagsordenspunkter.",
        "en": "Read minutes (files or folders) and show the meetings and agenda items.",
    },
    "cmd:ingest": {
        "da": "Indlæs referater i indekset (kun nye og ændrede filer).",
        "en": "Add minutes to the index (only new and changed files).",
    },
    "cmd:status": {"da": "Vis hvad indekset indeholder.", "en": "Show what the index holds."},
    "cmd:ask": {
        "da": "Stil et spørgsmål til referaterne; svaret citerer punkt og mødedato.",
        "en": "Ask the minutes a question; the answer cites the item and the meeting date.",
    },
    "cmd:search": {
        "da": "Find de dagsordenspunkter, der passer bedst til spørgsmålet.",
        "en": "Find the agenda items that match the question best.",
    },
    "cmd:eval": {
        "da": "Evaluér søgning og svar på JSONL-filer med spørgsmål og facit (flere filer: side om side; "
        "ingen: eval/).",
        "en": "Evaluate search and answers on JSONL files of questions and expected results (several files: side by "
        "side; none: eval/).",
    },
    "cmd:export": {
        "da": "Stil et spørgsmål og gem svaret med kildehenvisninger (Markdown, CSV, BibTeX, RIS eller Word).",
        "en": "Ask a question and save the answer with its references (Markdown, CSV, BibTeX, RIS or Word).",
    },
    "cmd:serve": {
        "da": "Start chatten i browseren (indlæser først nye og ændrede referater).\n\n\b\nAfslutningskode 2: ugyldig "
        "MINUTES_AUTH, eller --host/--share uden login og uden --allow-public.",
        "en": "Start the chat in the browser (adds new and changed minutes to the index first).\n\n\b\nExit code 2: "
        "an invalid MINUTES_AUTH, or --host/--share without a login and without --allow-public.",
    },
    "cmd:fetch": {
        "da": "Hent referater fra kommunernes publiceringssider.",
        "en": "Fetch minutes from the municipalities' publication sites.",
    },
    "cmd:fetch firstagenda": {
        "da": "Hent møder fra et FirstAgenda-publiceringssite og indeksér de nye og ændrede.\n\n"
        "Afslutningskode 0: alt gik godt; 1: kørslen stoppede (det hentede er gemt); 3: nogle møder kunne ikke hentes.",
        "en": "Fetch meetings from a FirstAgenda publication site and index the new and changed ones.\n\n"
        "Exit code 0: all went well; 1: the run stopped (what was fetched is saved); 3: some meetings could not be "
        "fetched.",
    },
    "cmd:feedback": {
        "da": "Vis brugernes vurderinger af svarene (tommel op/ned og kommentarer), gemt ved siden af indekset.",
        "en": "Show the users' ratings of the answers (thumbs up/down and comments), kept beside the index.",
    },
    # options
    "lang_cli": {
        "da": "Sprog for hjælp og meddelelser (standard: MINUTES_LANGUAGE eller da)",
        "en": "Language of help and messages (default: MINUTES_LANGUAGE or da)",
    },
    "version": {"da": "Vis versionen og afslut.", "en": "Show the version and exit."},
    "feedback_csv": {
        "da": "Skriv vurderingerne som CSV (spørgsmål, svar, kilder, vurdering, kommentar, tidspunkt)",
        "en": "Write the ratings as CSV (question, answer, citations, rating, comment, time)",
    },
    "feedback_output": {"da": "Fil til CSV (standard: skærmen)", "en": "File for the CSV (default: the screen)"},
    "index": {"da": "Indeksmappe (standard: MINUTES_INDEX)", "en": "Index folder (default: MINUTES_INDEX)"},
    "municipality_only": {"da": "Kun denne kommune", "en": "Only this municipality"},
    "committee_full": {"da": "Kun dette udvalg (det fulde navn)", "en": "Only this committee (its full name)"},
    "committee_only": {"da": "Kun dette udvalg", "en": "Only this committee"},
    "date_from": {"da": "Fra dato (ÅÅÅÅ-MM-DD)", "en": "From date (YYYY-MM-DD)"},
    "date_to": {"da": "Til dato (ÅÅÅÅ-MM-DD)", "en": "To date (YYYY-MM-DD)"},
    "case": {"da": "Kun dette sagsnummer", "en": "Only this case number"},
    "json_result": {"da": "Skriv resultatet som JSON", "en": "Print the result as JSON"},
    "lang_answer": {
        "da": "Svarsprog, også for meddelelserne (standard: spørgsmålets sprog)",
        "en": "Language of the answer and the messages (default: the question's language)",
    },
    "k_search": {"da": "Antal dagsordenspunkter", "en": "Number of agenda items"},
    "k_eval": {"da": "Dagsordenspunkter pr. søgning", "en": "Agenda items per search"},
    "json_eval": {"da": "Skriv metrikker og svar som JSON", "en": "Print metrics and answers as JSON"},
    "format": {"da": "Filformat", "en": "File format"},
    "output": {
        "da": "Fil (standard: et navn ud fra spørgsmålet)",
        "en": "File (default: a name made from the question)",
    },
    "site": {
        "da": "Publiceringssiden, fx https://dagsordener.greve.dk",
        "en": "The publication site, e.g. https://dagsordener.greve.dk",
    },
    "fetch_municipality": {
        "da": "Kommunens navn (standard: udledt af adressen, fx 'Greve Kommune').",
        "en": "The municipality's name (default: read from the address, e.g. 'Greve Kommune').",
    },
    "fetch_committee": {
        "da": "Kun udvalg hvis navn indeholder teksten (uden hensyn til store/små bogstaver); kan gentages.",
        "en": "Only committees whose name contains the text (in any case); may be repeated.",
    },
    "since": {
        "da": "Kun møder fra og med denne dato (ÅÅÅÅ-MM-DD).",
        "en": "Only meetings on or after this date (YYYY-MM-DD).",
    },
    "until": {
        "da": "Kun møder til og med denne dato (ÅÅÅÅ-MM-DD).",
        "en": "Only meetings on or before this date (YYYY-MM-DD).",
    },
    "fetch_corpus": {
        "da": "Mappe med referater (standard: MINUTES_CORPUS eller corpus/); møderne gemmes i en undermappe.",
        "en": "Folder of minutes (default: MINUTES_CORPUS or corpus/); the meetings go into a subfolder.",
    },
    "index_dot": {"da": "Indeksmappe (standard: MINUTES_INDEX).", "en": "Index folder (default: MINUTES_INDEX)."},
    "dry_run": {
        "da": "Vis hvad der ville blive hentet, uden at hente eller gemme.",
        "en": "Show what would be fetched, without fetching or saving.",
    },
    "no_ingest_fetch": {"da": "Hent kun filerne; indeksér dem ikke.", "en": "Only fetch the files; do not index them."},
    "recheck": {
        "da": "Hent alle valgte møder igen og sammenlign indholdet, også dem der ser uændrede ud i udvalgslisten.",
        "en": "Fetch every chosen meeting again and compare the content, also those the committee list shows "
        "unchanged.",
    },
    "delay": {
        "da": "Sekunder mellem forespørgsler (standard: MINUTES_FETCH_DELAY = 1).",
        "en": "Seconds between requests (default: MINUTES_FETCH_DELAY = 1).",
    },
    "ingest_municipality": {
        "da": "Kommune for referater, der ikke selv nævner den",
        "en": "Municipality of minutes that do not name it themselves",
    },
    "prune": {
        "da": "Fjern indekserede filer under stierne, som ikke findes længere",
        "en": "Remove indexed files under the paths that no longer exist",
    },
    "embedder": {"da": "Embedding-model (backend)", "en": "Embedding model (backend)"},
    "model": {
        "da": "sentence-transformers-model: navn eller lokal mappe",
        "en": "sentence-transformers model: name or local folder",
    },
    "json_report": {"da": "Skriv rapporten som JSON", "en": "Print the report as JSON"},
    "quiet": {"da": "Ingen statuslinje", "en": "No progress bar"},
    "json_status": {"da": "Skriv status som JSON", "en": "Print the status as JSON"},
    "json_all": {"da": "Skriv alle felter som ét JSON-dokument.", "en": "Print every field as one JSON document."},
    "parse_report": {
        "da": "Vis pr. fil: format, kommune, udvalg, dato, punkter, andel med sagsnummer og beslutning, deltagere og "
        "fravær, og advarsler om hvad der bør tjekkes før indeksering.",
        "en": "Show per file: format, municipality, committee, date, items, share with a case number and a decision, "
        "participants and absences, and warnings about what to check before indexing.",
    },
    "parse_municipality": {
        "da": "Kommune for referater, der ikke selv nævner den (fx 'Slagelse Kommune').",
        "en": "Municipality of minutes that do not name it themselves (e.g. 'Slagelse Kommune').",
    },
    "host": {
        "da": "Adresse, appen lytter på (standard: MINUTES_HOST eller 127.0.0.1)",
        "en": "Address the app listens on (default: MINUTES_HOST or 127.0.0.1)",
    },
    "port": {"da": "Port (standard: MINUTES_PORT eller 7860)", "en": "Port (default: MINUTES_PORT or 7860)"},
    "corpus": {
        "da": "Mappe med referater (standard: MINUTES_CORPUS)",
        "en": "Folder of minutes (default: MINUTES_CORPUS)",
    },
    "share": {
        "da": "Del appen via et offentligt Gradio-link (slået fra som standard)",
        "en": "Share the app through a public Gradio link (off by default)",
    },
    "allow_public": {
        "da": "Tillad at lytte ud over denne maskine (eller dele) uden login (MINUTES_AUTH); frarådes",
        "en": "Allow listening beyond this machine (or sharing) without a login (MINUTES_AUTH); not advised",
    },
    "no_ingest_serve": {
        "da": "Start uden først at opdatere indekset fra referatmappen",
        "en": "Start without first updating the index from the minutes folder",
    },
}

# What the commands print, beyond the answers (those come from assistant/prompts.py).
MESSAGES: dict[str, dict[str, str]] = {
    "error": {"da": "Fejl: {error}", "en": "Error: {error}"},
    "warning": {"da": "Advarsel: {warning}", "en": "Warning: {warning}"},
    "skipped": {"da": "Sprunget over: {problem}", "en": "Skipped: {problem}"},
    "feedback_none": {"da": "Ingen vurderinger endnu i {path}.", "en": "No ratings yet in {path}."},
    "feedback_summary": {
        "da": "{n:vurdering|vurderinger}: {up} op, {down} ned.",
        "en": "{n:rating|ratings}: {up} up, {down} down.",
    },
    "feedback_saved": {"da": "Gemt: {path} ({n:række|rækker})", "en": "Saved: {path} ({n:row|rows})"},
    "bad_date": {
        "da": "{value!r} er ikke en dato: skriv den som ÅÅÅÅ-MM-DD, fx 2025-12-09.",
        "en": "{value!r} is not a date: write it as YYYY-MM-DD, e.g. 2025-12-09.",
    },
    "no_index": {
        "da": "der er intet indeks i {path}. Kør `minutes ingest` først.",
        "en": "there is no index in {path}. Run `minutes ingest` first.",
    },
    "no_points": {"da": "Ingen dagsordenspunkter fundet.", "en": "No agenda items found."},
    "cannot_write": {"da": "kunne ikke skrive {path}: {error}", "en": "could not write {path}: {error}"},
    "saved": {
        "da": "Gemt: {path} ({n:kildehenvisning|kildehenvisninger})",
        "en": "Saved: {path} ({n:reference|references})",
    },
    "ingest_report": {
        "da": "Filer: {seen} set, {added:ny|nye}, {changed:ændret|ændrede}, {unchanged:uændret|uændrede}, "
        "{removed} fjernet, {failed} fejlede.\nTekststykker: {chunks_added} skrevet, {chunks_deleted} slettet, "
        "{chunks_embedded} embeddet; {seconds:.1f} s. Indeks: {path}",
        "en": "Files: {seen} seen, {added} new, {changed} changed, {unchanged} unchanged, {removed} removed, "
        "{failed} failed.\nChunks: {chunks_added} written, {chunks_deleted} deleted, {chunks_embedded} "
        "embedded; {seconds:.1f} s. Index: {path}",
    },
    "status_none": {
        "da": "Intet indeks i {path}; byg det med 'minutes ingest'.",
        "en": "No index in {path}; build it with 'minutes ingest'.",
    },
    "status_index": {
        "da": "Indeks: {path}  ({size} på disk; vektorer i {chroma})",
        "en": "Index: {path}  ({size} on disk; vectors in {chroma})",
    },
    "status_model": {"da": "Model: {name} / {model} ({dim} dim.)", "en": "Model: {name} / {model} ({dim} dim.)"},
    "status_totals": {
        "da": "{meetings:møde|møder}, {points:punkt|punkter}, {chunks:tekststykke|tekststykker} "
        "({vectors:vektor|vektorer}); perioden {start} til {end}",
        "en": "{meetings:meeting|meetings}, {points:item|items}, {chunks:chunk|chunks} "
        "({vectors:vector|vectors}); from {start} to {end}",
    },
    "status_committee": {
        "da": "  {municipality} · {committee}: {meetings:møde|møder}, {points:punkt|punkter}, {first} – {last}",
        "en": "  {municipality} · {committee}: {meetings:meeting|meetings}, {points:item|items}, {first} – {last}",
    },
    "unknown_municipality": {"da": "(ukendt kommune)", "en": "(unknown municipality)"},
    "read_summary": {
        "da": "Læst: {read:fil|filer} med {points:dagsordenspunkt|dagsordenspunkter}. Sprunget over: {skipped}.",
        "en": "Read: {read:file|files} with {points:agenda item|agenda items}. Skipped: {skipped}.",
    },
    # `minutes parse`: a meeting and its points
    "parse_unknown_date": {"da": "ukendt dato", "en": "unknown date"},
    "parse_at_time": {"da": "kl. {time}", "en": "at {time}"},
    "parse_unknown_municipality": {"da": "Ukendt kommune", "en": "Unknown municipality"},
    "parse_unknown_committee": {"da": "ukendt udvalg", "en": "unknown committee"},
    "parse_place": {"da": "Sted: {place}", "en": "Place: {place}"},
    "parse_secretary": {"da": "Sekretær: {name}", "en": "Secretary: {name}"},
    "parse_present": {"da": "Deltagere: {names}", "en": "Participants: {names}"},
    "parse_absent": {"da": "Fraværende: {names}", "en": "Absent: {names}"},
    "parse_source": {"da": "Kilde: {path} ({format})", "en": "Source: {path} ({format})"},
    "parse_point": {"da": "Punkt {number}: {title}", "en": "Item {number}: {title}"},
    "parse_case": {"da": "Sag {case}", "en": "Case {case}"},
    "parse_closed": {"da": "lukket punkt", "en": "closed item"},
    "parse_attachments": {"da": "{n} bilag", "en": "{n:attachment|attachments}"},
    "parse_decision": {"da": "Beslutning: {text}", "en": "Decision: {text}"},
    "parse_sections": {"da": "Afsnit: {headings}", "en": "Sections: {headings}"},
    "no_files": {"da": "Ingen filer fundet i de angivne stier.", "en": "No files found under the given paths."},
    "serving": {
        "da": "Referat-assistenten kører på {url} (stop med Ctrl+C)",
        "en": "Referat-assistenten is running on {url} (stop with Ctrl+C)",
    },
    "no_corpus": {
        "da": "Referatmappen {path} findes ikke: starter med det indeks, der er (sæt --corpus).",
        "en": "The minutes folder {path} does not exist: starting with the index as it is (set --corpus).",
    },
    "updating": {"da": "Opdaterer indekset {index} fra {corpus} …", "en": "Updating the index {index} from {corpus} …"},
    "update_failed": {
        "da": "indekset kunne ikke opdateres: {error}",
        "en": "the index could not be updated: {error}",
    },
    "index_ready": {
        "da": "Indeks klar: {added:ny|nye}, {changed:ændret|ændrede}, {unchanged:uændret|uændrede} "
        "(filer; {seconds:.1f} s).",
        "en": "Index ready: {added} new, {changed} changed, {unchanged} unchanged (files; {seconds:.1f} s).",
    },
    "public_where_share": {"da": "et offentligt Gradio-link", "en": "a public Gradio link"},
    "public_where_host": {"da": "adressen {host}", "en": "the address {host}"},
    "public_refused": {
        "da": "chatten ville være åben for alle, der kan nå {where}, uden login. Sæt MINUTES_AUTH=bruger:adgangskode, "
        "lyt kun på 127.0.0.1, eller start med --allow-public, hvis det er meningen.",
        "en": "the chat would be open to anyone who can reach {where}, without a login. Set "
        "MINUTES_AUTH=user:password, listen on 127.0.0.1 only, or start with --allow-public if that is the intent.",
    },
    "public_open": {
        "da": "chatten er åben for alle, der kan nå {where}, uden login (--allow-public).",
        "en": "the chat is open to anyone who can reach {where}, without a login (--allow-public).",
    },
    "ingest_running": {
        "da": "En anden indlæsning kører allerede: starter med det indeks, der er, og de nye referater kommer med, "
        "når den er færdig.",
        "en": "Another ingest is running: starting with the index as it is; the new minutes join when it is done.",
    },
    "fetch_ingest": {"da": "Indeksering: {summary}", "en": "Indexing: {summary}"},
    "fetch_ingest_summary": {
        "da": "filer: {added:ny|nye}, {changed:ændret|ændrede}, {unchanged:uændret|uændrede} og {failed} fejlede; "
        "{chunks_added:tekststykke|tekststykker} skrevet, {chunks_deleted} slettet.",
        "en": "files: {added} new, {changed} changed, {unchanged} unchanged and {failed} failed; "
        "{chunks_added:chunk|chunks} written, {chunks_deleted} deleted.",
    },
    "fetch_new": {"da": "ny", "en": "new"},
    "fetch_changed": {"da": "ændret", "en": "changed"},
    "fetch_would": {"da": "hentes", "en": "to fetch"},
    "fetch_failed": {"da": "FEJL", "en": "FAILED"},
}

# Click's own words in Danish, by click's English message id (click calls gettext on them).
CLICK_DA: dict[str, str] = {
    "Usage:": "Brug:",
    "Options": "Tilvalg",
    "Commands": "Kommandoer",
    "Positional arguments": "Argumenter",
    "Show this message and exit.": "Vis denne hjælp og afslut.",
    "Show the version and exit.": "Vis versionen og afslut.",
    "Error: {message}": "Fejl: {message}",
    "Try '{command} {option}' for help.": "Prøv '{command} {option}' for at få hjælp.",
    "Missing argument": "Mangler argumentet",
    "Missing option": "Mangler tilvalget",
    "Missing parameter": "Mangler parameteren",
    "Missing {param_type}": "Mangler {param_type}",
    "Missing parameter: {param_name}": "Mangler parameteren: {param_name}",
    "Missing command.": "Angiv en kommando.",
    "No such option {name!r}.": "Tilvalget {name!r} findes ikke.",
    "No such command {name!r}.": "Kommandoen {name!r} findes ikke.",
    "Invalid value: {message}": "Ugyldig værdi: {message}",
    "Invalid value for {param_hint}: {message}": "Ugyldig værdi for {param_hint}: {message}",
    "Got unexpected extra argument ({args})": "Uventet ekstra argument ({args})",
    "Got unexpected extra arguments ({args})": "Uventede ekstra argumenter ({args})",
    "Option {name!r} requires an argument.": "Tilvalget {name!r} kræver en værdi.",
    "Option {name!r} requires {nargs} arguments.": "Tilvalget {name!r} kræver {nargs} værdier.",
    "Option {name!r} does not take a value.": "Tilvalget {name!r} tager ingen værdi.",
    "Argument {name!r} takes {nargs} values.": "Argumentet {name!r} tager {nargs} værdier.",
    "Did you mean {possibility}?": "Mente du {possibility}?",
    "(Did you mean one of: {possibilities}?)": "(Mente du en af: {possibilities}?)",
    "{value!r} is not {choice}.": "{value!r} er ikke {choice}.",
    "{value!r} is not one of {choices}.": "{value!r} er ikke en af {choices}.",
    "{value!r} is not a valid {number_type}.": "{value!r} er ikke et gyldigt tal.",
    "{value} is not in the range {range}.": "{value} er ikke i intervallet {range}.",
    "{name} {filename!r} does not exist.": "{filename!r} findes ikke.",
    "{name} {filename!r} is a file.": "{filename!r} er en fil.",
    "{name} {filename!r} is a directory.": "{filename!r} er en mappe.",
    "{name} {filename!r} is not readable.": "{filename!r} kan ikke læses.",
    "{name} {filename!r} is not writable.": "{filename!r} kan ikke skrives.",
    "{name} {filename!r} is not executable.": "{filename!r} kan ikke køres.",
    "Could not open file {filename!r}: {message}": "Kunne ikke åbne filen {filename!r}: {message}",
    "Value must be an iterable.": "Værdien skal være en liste.",
    "Takes {nargs} values but 1 was given.": "Tager {nargs} værdier, men fik 1.",
    "Takes {nargs} values but {len} were given.": "Tager {nargs} værdier, men fik {len}.",
    "default: {default}": "standard: {default}",
    "required": "påkrævet",
    "env var: {var}": "miljøvariabel: {var}",
    "(dynamic)": "(dynamisk)",
    "Choose from:\n\t{choices}": "Vælg mellem:\n\t{choices}",
    "unknown error": "ukendt fejl",
    "Aborted!": "Afbrudt!",
    "deprecated": "forældet",
}

# The metavars click prints after an option ("--index PATH"), by the type's name.
METAVARS: dict[str, dict[str, str]] = {
    "text": {"da": "TEKST", "en": "TEXT"},
    "path": {"da": "STI", "en": "PATH"},
    "file": {"da": "FIL", "en": "FILE"},
    "directory": {"da": "MAPPE", "en": "DIRECTORY"},
    "integer": {"da": "HELTAL", "en": "INTEGER"},
    "float": {"da": "TAL", "en": "FLOAT"},
}
OPTIONS_METAVAR = {"da": "[TILVALG]", "en": "[OPTIONS]"}
SUBCOMMAND_METAVAR = {"da": "KOMMANDO [ARGUMENTER]...", "en": "COMMAND [ARGS]..."}
# Positional arguments by their name.
ARGUMENTS: dict[str, dict[str, str]] = {
    "question": {"da": "SPØRGSMÅL", "en": "QUESTION"},
    "questions": {"da": "SPØRGSMÅLSFIL", "en": "QUESTIONS"},
    "paths": {"da": "STIER", "en": "PATHS"},
}

_DA_TO_KEY = {v["da"]: k for k, v in HELP.items()}
_state = {"lang": "da"}


def language() -> str:
    """The language the CLI speaks in this invocation."""
    return _state["lang"]


def h(key: str) -> str:
    """The Danish help text ``key`` (what the decorators carry); ``localize`` swaps in the English."""
    return HELP[key]["da"]


def say(key: str, lang: str | None = None, **values: object) -> str:
    """A message in the CLI's language (or ``lang``), formatted with ``values``."""
    entry = MESSAGES[key]
    lang = lang or language()
    return fill(entry.get(lang) or entry["da"], values, lang)


def pick_language(args: Sequence[str], env: dict[str, str] | None = None) -> str:
    """`--lang X` or `--lang=X` anywhere on the command line, else MINUTES_LANGUAGE, else Danish."""
    args = list(args)
    for i, arg in enumerate(args):
        if arg == "--":
            break
        value = args[i + 1] if arg == "--lang" and i + 1 < len(args) else arg.partition("=")[2]
        if (arg == "--lang" or arg.startswith("--lang=")) and value in LANGUAGES:
            return value
    env = os.environ if env is None else env
    value = (env.get("MINUTES_LANGUAGE") or "").strip().lower()
    return value if value in LANGUAGES else "da"


def _gettext(message: str) -> str:
    return CLICK_DA.get(message, message) if language() == "da" else message


def _ngettext(singular: str, plural: str, n: int) -> str:
    return _gettext(singular if n == 1 else plural)


def install_click_translations() -> None:
    """Route click's gettext calls through ``CLICK_DA`` (click imports ``_``/``ngettext`` into each module)."""
    import importlib

    for name in ("core", "exceptions", "formatting", "decorators", "parser", "types", "termui"):
        module = importlib.import_module(f"click.{name}")
        if hasattr(module, "_"):
            module._ = _gettext
        if hasattr(module, "ngettext"):
            module.ngettext = _ngettext


def _walk(cmd: click.Command, path: str = ""):
    yield path, cmd
    for name, sub in getattr(cmd, "commands", {}).items():
        yield from _walk(sub, f"{path} {name}".strip())


def localize(root: click.Command, lang: str) -> None:
    """Put every command's and option's help, and the metavars, in ``lang``; click's words follow ``language()``."""
    _state["lang"] = lang
    for path, cmd in _walk(root):
        entry = HELP.get(f"cmd:{path or 'main'}")
        if entry:
            cmd.help = entry[lang]
        cmd.short_help = None
        cmd.options_metavar = OPTIONS_METAVAR[lang]
        if isinstance(cmd, click.Group):
            cmd.subcommand_metavar = SUBCOMMAND_METAVAR[lang]
        cmd._help_option = None  # click caches the --help option with its text; built again in this language
        for param in cmd.params:
            if isinstance(param, click.Argument):
                names = ARGUMENTS.get(param.name or "")
                if names:  # as click writes it: [optional], repeated...
                    var = names[lang] if param.required else f"[{names[lang]}]"
                    param.metavar = var + ("..." if param.nargs != 1 else "")
                continue
            da = param.__dict__.setdefault("_help_da", param.help)
            key = _DA_TO_KEY.get(da or "")
            if key:
                param.help = HELP[key][lang]
            if isinstance(param, click.Option) and not param.is_flag and not isinstance(param.type, click.Choice):
                names = METAVARS.get(param.type.name)
                if names:
                    param.metavar = names[lang]
