"""Every text the readers, the ingest and the fetcher give the user (why a file was refused or a meeting not
fetched, what to do, what to check), in Danish and English.

A :class:`Message` is a ``str`` holding the Danish text, so logs, JSON reports and tests read it as before; the
phrase tables of the CLI and the web page (``prompts.fill`` with a language) render it in English through
:meth:`Message.in_language`, with any Message among its values rendered in the same language.
"""

from __future__ import annotations

from assistant.prompts import fill, localized

__all__ = ["MESSAGES", "Message", "Translated", "at", "hint_for", "localized", "refusal"]

MESSAGES: dict[str, dict[str, str]] = {
    # a problem "at" a file: the file, then what is wrong (the hint follows in brackets)
    "at_path": {"da": "{path}: {message}", "en": "{path}: {message}"},
    "with_hint": {"da": "{problem} ({hint})", "en": "{problem} ({hint})"},
    # sniffing
    "empty": {"da": "filen er tom", "en": "the file is empty"},
    "empty.hint": {"da": "slet den, eller hent referatet igen", "en": "delete it, or download the minutes again"},
    "ole2": {
        "da": "filen er et ældre Office-dokument (fx Word .doc), som ikke kan læses direkte",
        "en": "the file is an older Office document (e.g. Word .doc), which cannot be read directly",
    },
    "ole2.hint": {
        "da": "åbn den i Word og gem den som DOCX eller PDF",
        "en": "open it in Word and save it as DOCX or PDF",
    },
    "zip_not_docx": {
        "da": "filen er et zip-arkiv, men ikke et Word-dokument (DOCX)",
        "en": "the file is a zip archive, but not a Word document (DOCX)",
    },
    "zip_not_docx.hint": {
        "da": "pak arkivet ud og læs filerne i det, eller gem referatet som DOCX eller PDF",
        "en": "unpack the archive and read the files in it, or save the minutes as DOCX or PDF",
    },
    "binary": {"da": "filen er binær og ikke i et kendt format", "en": "the file is binary and not in a known format"},
    "binary.hint": {
        "da": "gem referatet som PDF, DOCX, FirstAgenda-JSON, HTML eller tekst (.txt/.md)",
        "en": "save the minutes as PDF, DOCX, FirstAgenda JSON, HTML or text (.txt/.md)",
    },
    "json_broken": {
        "da": "JSON-filen er ufuldstændig eller ugyldig (linje {line}, kolonne {col}: {error})",
        "en": "the JSON file is incomplete or invalid (line {line}, column {col}: {error})",
    },
    "xml_cut": {
        "da": "{what}-filen er afkortet: den slutter midt i dokumentet (linje {line})",
        "en": "the {what} file is cut short: it ends in the middle of the document (line {line})",
    },
    "xml_broken": {
        "da": "{what}-filen er ugyldig XML (linje {line}: {error})",
        "en": "the {what} file is invalid XML (line {line}: {error})",
    },
    "xml_broken.hint": {
        "da": "hent filen igen, eller eksportér mødet på ny",
        "en": "download the file again, or export the meeting again",
    },
    "refetch_cut": {
        "da": "hent filen igen; den er måske blevet afbrudt under download",
        "en": "download the file again; the download may have been interrupted",
    },
    # formats
    "not_firstagenda": {
        "da": "JSON-filen er ikke et FirstAgenda-møde (mangler Moede og Dagsordenpunkter; har {keys})",
        "en": "the JSON file is not a FirstAgenda meeting (Moede and Dagsordenpunkter are missing; it has {keys})",
    },
    "not_firstagenda.hint": {
        "da": "brug API'ets svar for ét møde: GET <site>/api/agenda/dagsorden/<møde-id>",
        "en": "use the API's answer for one meeting: GET <site>/api/agenda/dagsorden/<meeting-id>",
    },
    "firstagenda_committees.hint": {
        "da": "filen er udvalgslisten; hent hvert møde med /api/agenda/dagsorden/<møde-id>",
        "en": "the file is the list of committees; fetch each meeting with /api/agenda/dagsorden/<meeting-id>",
    },
    "not_edoc": {
        "da": "XML-filen er ikke en eDoc-mødepublicering (rodelementet er ikke {element})",
        "en": "the XML file is not an eDoc meeting publication (its root element is not {element})",
    },
    "acadre_manifest": {
        "da": "filen er et Acadre-manifest (en liste over mødets filer), ikke selve referatet",
        "en": "the file is an Acadre manifest (a list of the meeting's files), not the minutes themselves",
    },
    "acadre_manifest.hint": {
        "da": "læs mødefilen {name} ({comment}) i stedet",
        "en": "read the meeting file {name} ({comment}) instead",
    },
    "acadre_manifest_unnamed.hint": {"da": "læs mødets XML-fil i stedet", "en": "read the meeting's XML file instead"},
    "docx_no_document": {
        "da": "filen er et zip-arkiv uden Word-dokumentdel (word/document.xml)",
        "en": "the file is a zip archive without a Word document part (word/document.xml)",
    },
    "docx_no_document.hint": {
        "da": "gem referatet igen som DOCX fra Word, eller som PDF",
        "en": "save the minutes again as DOCX from Word, or as PDF",
    },
    "docx_damaged": {
        "da": "DOCX-filen er beskadiget (zip-arkivet er ufuldstændigt), og dokumentteksten kan ikke genskabes",
        "en": "the DOCX file is damaged (the zip archive is incomplete), and the document text cannot be recovered",
    },
    "docx_damaged.hint": {
        "da": "hent filen igen, eller åbn den i Word (Word kan ofte reparere den) og gem den på ny",
        "en": "download the file again, or open it in Word (Word can often repair it) and save it again",
    },
    "docx_bad_xml": {
        "da": "DOCX-filens dokumentdel (word/document.xml) er ugyldig ({error})",
        "en": "the DOCX file's document part (word/document.xml) is invalid ({error})",
    },
    "docx_bad_xml.hint": {
        "da": "åbn filen i Word og gem den igen, eller hent den igen",
        "en": "open the file in Word and save it again, or download it again",
    },
    "html_unreadable": {"da": "HTML-filen kan ikke læses ({error})", "en": "the HTML file cannot be read ({error})"},
    "html_unreadable.hint": {"da": "gem siden igen fra browseren", "en": "save the page again from the browser"},
    "html_empty": {"da": "HTML-siden indeholder ingen tekst", "en": "the HTML page contains no text"},
    "html_empty.hint": {
        "da": "gem siden, når den er helt indlæst i browseren",
        "en": "save the page once it has fully loaded in the browser",
    },
    "no_points": {
        "da": 'der er ingen dagsordenspunkter ("{pattern}") i dokumentet',
        "en": 'the document has no agenda items ("{pattern}")',
    },
    "check_minutes.hint": {"da": "tjek at filen er et referat", "en": "check that the file is a set of minutes"},
    "pdfplumber_missing": {
        "da": "PDF kan ikke læses: pakken pdfplumber mangler",
        "en": "PDF cannot be read: the package pdfplumber is missing",
    },
    "pdfplumber_missing.hint": {"da": "installer den med pip", "en": "install it with pip"},
    "pdf_cannot_open": {"da": "PDF-filen kan ikke åbnes ({error})", "en": "the PDF file cannot be opened ({error})"},
    "pdf_cannot_open.hint": {
        "da": "hent filen igen, eller gem den på ny som PDF",
        "en": "download the file again, or save it again as PDF",
    },
    "pdf_no_text": {
        "da": "PDF-filen har intet tekstlag (siderne er billeder)",
        "en": "the PDF file has no text layer (its pages are images)",
    },
    "pdf_no_text.hint": {
        "da": "kør tekstgenkendelse (OCR) på filen, fx med ocrmypdf, og læs den igen",
        "en": "run text recognition (OCR) on the file, e.g. with ocrmypdf, and read it again",
    },
    "pdf_cut": {
        "da": "PDF-filen er ufuldstændig: den slutter, før PDF-dokumentet er afsluttet (%%EOF mangler)",
        "en": "the PDF file is incomplete: it ends before the PDF document is closed (%%EOF is missing)",
    },
    "pdf_damaged": {
        "da": "PDF-filen er beskadiget og kan ikke åbnes ({error})",
        "en": "the PDF file is damaged and cannot be opened ({error})",
    },
    "pdf_damaged.hint": {
        "da": "hent filen igen, eller åbn den i en PDF-læser og gem den på ny som PDF",
        "en": "download the file again, or open it in a PDF reader and save it again as PDF",
    },
    # reading a file
    "missing": {"da": "filen findes ikke", "en": "the file does not exist"},
    "missing.hint": {"da": "tjek stien", "en": "check the path"},
    "not_a_file": {"da": "stien er ikke en fil", "en": "the path is not a file"},
    "not_a_file.hint": {
        "da": "angiv en fil eller en mappe med referater",
        "en": "give a file or a folder of minutes",
    },
    "too_big": {
        "da": "filen er {mb:.1f} MB, over grænsen på {limit:g} MB",
        "en": "the file is {mb:.1f} MB, over the limit of {limit:g} MB",
    },
    "too_big.hint": {
        "da": "hæv grænsen med MINUTES_MAX_FILE_MB, eller del filen op",
        "en": "raise the limit with MINUTES_MAX_FILE_MB, or split the file",
    },
    "cannot_read": {"da": "filen kan ikke læses ({error})", "en": "the file cannot be read ({error})"},
    "cannot_read.hint": {
        "da": "tjek at filen findes og må læses",
        "en": "check that the file exists and may be read",
    },
    "unexpected": {
        "da": "uventet fejl under læsning ({error})",
        "en": "unexpected error while reading ({error})",
    },
    "unexpected.hint": {"da": "meld fejlen og vedlæg filen", "en": "report the error and attach the file"},
    "no_meeting": {
        "da": "der blev ikke fundet et møde med dagsordenspunkter i filen",
        "en": "no meeting with agenda items was found in the file",
    },
    "no_meeting_short": {"da": "intet møde fundet", "en": "no meeting found"},
    "ingest_bar": {"da": "Indlæser", "en": "Ingesting"},
    "path_missing": {
        "da": "Stien findes ikke: {path} (angiv en fil eller mappe med referater)",
        "en": "The path does not exist: {path} (give a file or a folder of minutes)",
    },
    "ingest_running": {
        "da": "En anden indlæsning kører allerede i {folder}; vent til den er færdig.",
        "en": "Another ingest is already running in {folder}; wait until it is done.",
    },
    "model_mismatch": {
        "da": "Indekset i {where} er bygget med {stored} ({stored_id}, {dim} dimensioner), men der er valgt {wanted} "
        "({wanted_id}). Vektorer fra to modeller kan ikke blandes: vælg samme embedder og model "
        "(--embedder/--model eller MINUTES_EMBEDDER/MINUTES_MODEL), eller byg et nyt indeks i en anden mappe "
        "(--index).",
        "en": "The index in {where} was built with {stored} ({stored_id}, {dim} dimensions), but {wanted} "
        "({wanted_id}) is chosen. Vectors of two models cannot be mixed: choose the same embedder and model "
        "(--embedder/--model or MINUTES_EMBEDDER/MINUTES_MODEL), or build a new index in another folder (--index).",
    },
    "ingest_bar_unit": {"da": "fil", "en": "file"},
    "removed": {
        "da": "dens tidligere tekststykker er fjernet fra indekset",
        "en": "its earlier chunks were removed from the index",
    },
    # files that are not regular files, found while walking folders
    "skipped_kind": {"da": "sprunget over: stien er {kind}", "en": "skipped: the path is {kind}"},
    "skipped_unreadable": {"da": "sprunget over: kan ikke læses ({error})", "en": "skipped: cannot be read ({error})"},
    "skipped_link": {
        "da": "sprunget over: et symbolsk link til {kind} ({target})",
        "en": "skipped: a symbolic link to {kind} ({target})",
    },
    "skipped_link_outside": {
        "da": "sprunget over: et symbolsk link til en fil uden for de angivne mapper",
        "en": "skipped: a symbolic link to a file outside the given folders",
    },
    "skipped_not_regular": {
        "da": "sprunget over: ikke en almindelig fil (kun almindelige filer læses)",
        "en": "skipped: not a regular file (only regular files are read)",
    },
    "regular_only.hint": {
        "da": "kun almindelige filer læses; flyt referatet ind i mappen som en almindelig fil",
        "en": "only regular files are read; move the minutes into the folder as a regular file",
    },
    "kind_fifo": {"da": "en FIFO (navngivet rør)", "en": "a FIFO (named pipe)"},
    "kind_device": {"da": "en enhed", "en": "a device"},
    "kind_socket": {"da": "en socket", "en": "a socket"},
    "kind_folder": {"da": "en mappe", "en": "a folder"},
    "kind_other": {"da": "ikke en almindelig fil", "en": "not a regular file"},
    # warnings: the file was read, but something needs a look
    "not_utf8": {"da": "Filen er ikke UTF-8; læst som {encoding}.", "en": "The file is not UTF-8; read as {encoding}."},
    "no_municipality": {
        "da": "Kommunen fremgår ikke af dokumentet. Angiv den med en minutes.toml i mappen "
        '(municipality = "<Navn> Kommune"), med --municipality, eller læg filen i en mappe med kommunens navn.',
        "en": "The document does not name its municipality. Give it with a minutes.toml in the folder "
        '(municipality = "<Name> Kommune"), with --municipality, or put the file in a folder named after the '
        "municipality.",
    },
    "json_no_date": {
        "da": "Mødets dato mangler i JSON-filen ({field}).",
        "en": "The meeting's date is missing from the JSON file ({field}).",
    },
    "no_points_warning": {"da": "Mødet har ingen dagsordenspunkter.", "en": "The meeting has no agenda items."},
    "docx_rebuilt": {
        "da": "DOCX-filen er beskadiget (zip-arkivets indholdsfortegnelse mangler); teksten er genskabt fra "
        "dokumentdelen word/document.xml. Tjek punkterne, eller hent filen igen.",
        "en": "The DOCX file is damaged (the zip archive's table of contents is missing); the text was recovered "
        "from the document part word/document.xml. Check the items, or download the file again.",
    },
    "docx_no_styles": {
        "da": "DOCX-filens typografier (word/styles.xml) kunne ikke læses: overskrifter kendes kun på deres ord og "
        "fed skrift; gem filen igen i Word, hvis punkter eller afsnit mangler",
        "en": "The DOCX file's styles (word/styles.xml) could not be read: headings are recognised only by their "
        "words and bold type; save the file again in Word if items or sections are missing",
    },
    "print_no_date": {
        "da": "Mødets dato blev ikke fundet i dokumentets hoved (Mødedato).",
        "en": "The meeting's date was not found in the document's header (Mødedato).",
    },
    "print_no_committee": {
        "da": "Udvalget blev ikke fundet i dokumentets første linje.",
        "en": "The committee was not found on the document's first line.",
    },
    "plain_one_point": {
        "da": "Der blev ikke fundet dagsordenspunkter i filen; hele teksten er læst som ét punkt.",
        "en": "No agenda items were found in the file; the whole text was read as one item.",
    },
    "plain_no_date": {
        "da": "Mødets dato blev ikke fundet i filen.",
        "en": "The meeting's date was not found in the file.",
    },
    "acadre_no_date": {
        "da": "Mødets dato ({field}) mangler eller kan ikke læses.",
        "en": "The meeting's date ({field}) is missing or cannot be read.",
    },
    "acadre_no_committee": {
        "da": "Udvalget ({field}) mangler i XML-filen.",
        "en": "The committee ({field}) is missing from the XML file.",
    },
    "esdh_from_decision": {
        "da": "{found} er læst fra beslutningens overskrift: dokumentet har ingen forside (fx ét dagsordenspunkt "
        "udgivet for sig).",
        "en": "{found} read from the decision's heading: the document has no cover page (e.g. one agenda item "
        "published on its own).",
    },
    "the_committee": {"da": "Udvalget", "en": "The committee"},
    "the_date": {"da": "Mødets dato", "en": "The meeting's date"},
    "the_committee_and_date": {"da": "Udvalget og mødets dato", "en": "The committee and the meeting's date"},
    "esdh_no_date": {
        "da": "Mødets dato blev ikke fundet på forsiden.",
        "en": "The meeting's date was not found on the cover page.",
    },
    "esdh_no_committee": {
        "da": "Udvalget blev ikke fundet på forsiden.",
        "en": "The committee was not found on the cover page.",
    },
    "pdf_rebuilt": {
        "da": "PDF-filens opbygning er beskadiget (krydsreferencetabellen); teksten er genskabt ved at læse filens "
        "objekter. Tjek punkterne, eller hent filen igen.",
        "en": "The PDF file's structure is damaged (the cross-reference table); the text was recovered by reading "
        "the file's objects. Check the items, or download the file again.",
    },
    "pdf_page_skipped": {
        "da": "En side i PDF-filen kunne ikke læses ({error}); den er sprunget over.",
        "en": "A page of the PDF file could not be read ({error}); it was skipped.",
    },
    "edoc_no_date": {
        "da": "Mødets dato (MeetingDate) mangler eller kan ikke læses.",
        "en": "The meeting's date (MeetingDate) is missing or cannot be read.",
    },
    "edoc_no_points": {
        "da": "XML-filen har ingen dagsordenspunkter (MeetingAgendaItem).",
        "en": "The XML file has no agenda items (MeetingAgendaItem).",
    },
    # fetching from a FirstAgenda site (fetch.py, fetch_http.py)
    "problem_at_url": {"da": "{error} ({url})", "en": "{error} ({url})"},
    "fetch_not_an_address": {
        "da": "'{site}' er ikke en webadresse. Angiv sitet som fx https://dagsordener.greve.dk",
        "en": "'{site}' is not a web address. Give the site as e.g. https://dagsordener.greve.dk",
    },
    "fetch_host_names_no_municipality": {
        "da": "Kan ikke udlede kommunen af værten '{host}'. Angiv den med --municipality.",
        "en": "Cannot tell the municipality from the host '{host}'. Give it with --municipality.",
    },
    "fetch_since_after_until": {
        "da": "--since {since} ligger efter --until {until}.",
        "en": "--since {since} is after --until {until}.",
    },
    "fetch_running": {
        "da": "En anden hentning til {folder} kører allerede; vent til den er færdig.",
        "en": "Another fetch into {folder} is running; wait until it is done.",
    },
    "fetch_listing_failed": {
        "da": "Kunne ikke hente udvalgslisten fra {url}: {error}. {hint}",
        "en": "Could not fetch the list of committees from {url}: {error}. {hint}",
    },
    "fetch_check_address.hint": {
        "da": "Tjek adressen: er det en FirstAgenda-publiceringsside?",
        "en": "Check the address: is it a FirstAgenda publication site?",
    },
    "fetch_try_later.hint": {"da": "Prøv igen senere.", "en": "Try again later."},
    "fetch_no_committee_on_site": {
        "da": "Intet udvalg på {site} matcher '{wanted}'.",
        "en": "No committee on {site} matches '{wanted}'.",
    },
    "fetch_no_committee": {
        "da": "Intet udvalg matcher {wanted}. Udvalg på siden: {committees}",
        "en": "No committee matches {wanted}. Committees on the site: {committees}",
    },
    "fetch_ingest_failed": {
        "da": 'Møderne er hentet til {folder}, men kunne ikke indlæses ({error}). Indlæs dem senere med: minutes '
        'ingest --prune "{folder}"',
        "en": 'The meetings were fetched into {folder} but could not be ingested ({error}). Ingest them later with: '
        'minutes ingest --prune "{folder}"',
    },
    "fetch_progress": {
        "da": "Henter møde {i}/{n}: {committee} {date}",
        "en": "Fetching meeting {i}/{n}: {committee} {date}",
    },
    "fetch_refused": {
        "da": "{url} svarede {error}; siden afviser forespørgslerne. Kørslen er stoppet; allerede hentede møder er "
        "gemt.",
        "en": "{url} answered {error}; the site refuses the requests. The run has stopped; the meetings already "
        "fetched are saved.",
    },
    "fetch_site_down": {
        "da": "{site} svarer ikke ({error}). Kørslen er stoppet; allerede hentede møder er gemt og springes over "
        "næste gang. Prøv igen senere.",
        "en": "{site} does not answer ({error}). The run has stopped; the meetings already fetched are saved and "
        "skipped next time. Try again later.",
    },
    "fetch_not_listing": {
        "da": "svaret er ikke en FirstAgenda-udvalgsliste (mangler '{field}')",
        "en": "the answer is not a FirstAgenda list of committees ('{field}' is missing)",
    },
    "fetch_not_meeting": {
        "da": "svaret er ikke et møde (JSON-{kind} i stedet for et objekt)",
        "en": "the answer is not a meeting (a JSON {kind} instead of an object)",
    },
    "fetch_not_meeting_shape": {
        "da": "svaret har ikke et FirstAgenda-mødes form (mangler {fields})",
        "en": "the answer does not have the form of a FirstAgenda meeting ({fields} missing)",
    },
    "fetch_other_meeting": {"da": "svaret er et andet møde (Id {id})", "en": "the answer is another meeting (Id {id})"},
    "http_after_retries": {
        "da": "{error} (også efter {n} nye forsøg)",
        "en": "{error} (also after {n:retry|retries})",
    },
    "http_redirect_other_host": {
        "da": "siden omdirigerede til en anden vært ({host}); kun omdirigeringer inden for sitet følges. Tjek "
        "adressen på sitet",
        "en": "the site redirected to another host ({host}); only redirects within the site are followed. Check the "
        "site's address",
    },
    "http_too_many_redirects": {"da": "mere end {n} omdirigeringer", "en": "more than {n} redirects"},
    "http_connect_timeout": {
        "da": "ingen forbindelse inden for {s:g} s ({setting})",
        "en": "no connection within {s:g} s ({setting})",
    },
    "http_read_timeout": {
        "da": "intet svar inden for {s:g} s ({setting})",
        "en": "no answer within {s:g} s ({setting})",
    },
    "http_no_connection": {"da": "ingen forbindelse ({error})", "en": "no connection ({error})"},
    "http_not_sent": {
        "da": "forespørgslen kunne ikke sendes ({error})",
        "en": "the request could not be sent ({error})",
    },
    "http_deadline": {
        "da": "svaret var ikke hentet inden for {s:g} s ({setting}); forespørgslen er afbrudt",
        "en": "the answer was not fetched within {s:g} s ({setting}); the request was stopped",
    },
    "http_too_big": {
        "da": "svaret er større end grænsen på {mb:g} MB ({setting}); det er hverken hentet færdigt eller gemt",
        "en": "the answer is larger than the limit of {mb:g} MB ({setting}); it was neither fetched in full nor saved",
    },
    "http_cut": {
        "da": "forbindelsen blev afbrudt undervejs ({error})",
        "en": "the connection was cut off midway ({error})",
    },
    "http_empty": {"da": "tomt svar", "en": "empty answer"},
    "http_html": {
        "da": "svarede med HTML i stedet for JSON ({kind})",
        "en": "answered with HTML instead of JSON ({kind})",
    },
    "http_no_content_type": {"da": "ingen Content-Type", "en": "no Content-Type"},
    "http_bad_json": {"da": "svaret er ikke gyldig JSON ({error})", "en": "the answer is not valid JSON ({error})"},
}  # fmt: skip


class Message(str):
    """A text of :data:`MESSAGES`: its ``str`` value is the Danish text; :meth:`in_language` gives any language."""

    key: str
    values: dict[str, object]

    def __new__(cls, key: str, **values: object) -> Message:
        entry = MESSAGES[key]  # an unknown key is a programming error: fail where it is written
        self = super().__new__(cls, fill(entry["da"], values, "da"))
        self.key, self.values = key, values
        return self

    def in_language(self, lang: str) -> str:
        """The text in ``lang`` ("da" or "en"; Danish for any other), values that are Messages in the same language."""
        entry = MESSAGES[self.key]
        return fill(entry.get(lang) or entry["da"], self.values, lang)

    def __reduce__(self):  # copies and pickles (dataclasses.asdict deep-copies) rebuild from the key and values
        return _rebuild, (self.key, self.values)


def _rebuild(key: str, values: dict[str, object]) -> Message:
    return Message(key, **values)


class Translated(str):
    """A text composed elsewhere in each language (``{"da": ..., "en": ...}``), e.g. readers/report.py's parse
    gaps; like a Message, its ``str`` value is the Danish and :meth:`in_language` gives the others."""

    texts: dict[str, str]

    def __new__(cls, texts: dict[str, str]) -> Translated:
        self = super().__new__(cls, texts["da"])
        self.texts = dict(texts)
        return self

    def in_language(self, lang: str) -> str:
        return self.texts.get(lang) or self.texts["da"]

    def __reduce__(self):
        return Translated, (self.texts,)


def hint_for(key: str, **values: object) -> Message | str:
    """The hint written beside a problem ``key`` (``"<key>.hint"``), or "" when it has none."""
    return Message(f"{key}.hint", **values) if f"{key}.hint" in MESSAGES else ""


def at(path: object, message: str) -> Message:
    """ "<path>: <message>" as a Message: the message keeps its language."""
    return Message("at_path", path=str(path), message=message)


def refusal(path: object, problem: str, hint: str = "") -> Message:
    """ "<path>: <problem> (<hint>)" as a Message, the line that names a refused file (a ReadProblem's own line)."""
    return at(path, Message("with_hint", problem=problem, hint=hint) if hint else problem)
