"""Every text the web page shows, in Danish and English.

Gradio's toasts are not used for our messages: their title is the toast's type in English ("Warning") whatever the
page's language. Messages go into the page itself (the question box, the chat, a result field).

Counts take their noun in the right number with a ``one|many`` spec: ``"{n:møde|møder}"`` (see assistant/prompts.py).
"""

from __future__ import annotations

from assistant.prompts import count, fill

UI: dict[str, dict[str, str]] = {
    "app_title": {"da": "Referat-assistenten", "en": "Referat-assistenten"},
    "tagline": {
        "da": "Spørg til kommunale referater – hvert svar henviser til mødet og dagsordenspunktet.",
        "en": "Ask about municipal minutes – every answer cites the meeting and the agenda item.",
    },
    "language": {"da": "Sprog", "en": "Language"},
    "login_title": {"da": "Log ind – Referat-assistenten", "en": "Log in – Referat-assistenten"},
    # Gradio's own words, which web/gradio_words.py replaces with these on the page (login form, chat buttons)
    "gr_login": {"da": "Log ind", "en": "Log in"},
    "gr_username": {"da": "Brugernavn", "en": "Username"},
    "gr_password": {"da": "Adgangskode", "en": "Password"},
    "gr_incorrect": {"da": "Forkert brugernavn eller adgangskode", "en": "Wrong username or password"},
    "gr_clear": {"da": "Ryd samtalen", "en": "Clear the conversation"},
    "gr_copy_message": {"da": "Kopiér svaret", "en": "Copy the message"},
    "gr_copy_conversation": {"da": "Kopiér samtalen", "en": "Copy the conversation"},
    "gr_like": {"da": "Godt svar", "en": "Good answer"},
    "gr_dislike": {"da": "Dårligt svar", "en": "Poor answer"},
    "gr_conversation": {"da": "Samtale med assistenten", "en": "Conversation with the assistant"},
    "gr_upload_files": {
        "da": "Klik for at vælge filer, eller slip dem her",
        "en": "Click to choose files, or drop them here",
    },
    "gr_remove_file": {"da": "Fjern filen", "en": "Remove the file"},
    "gr_upload_more": {"da": "Tilføj flere filer", "en": "Add more files"},
    "gr_error": {"da": "Fejl", "en": "Error"},
    "gr_warning": {"da": "Advarsel", "en": "Warning"},
    "gr_bot_message": {"da": "Assistentens svar: ", "en": "The assistant's answer: "},
    "gr_user_message": {"da": "Dit spørgsmål: ", "en": "Your question: "},
    "tab_start": {"da": "Kom i gang", "en": "Get started"},
    "tab_chat": {"da": "Spørg", "en": "Ask"},
    "tab_meetings": {"da": "Møder og sager", "en": "Meetings and cases"},
    "tab_upload": {"da": "Tilføj referater", "en": "Add minutes"},
    "question": {"da": "Dit spørgsmål", "en": "Your question"},
    "question_ph": {
        "da": "F.eks. Hvad besluttede udvalget om …?",
        "en": "E.g. What did the committee decide about …?",
    },
    "ask": {"da": "Spørg", "en": "Ask"},
    "new_chat": {"da": "Ny samtale", "en": "New conversation"},
    "chat_label": {"da": "Samtale", "en": "Conversation"},
    "filters": {"da": "Afgrænsning", "en": "Filters"},
    "municipality": {"da": "Kommune", "en": "Municipality"},
    "committee": {"da": "Udvalg", "en": "Committee"},
    "all": {"da": "(alle)", "en": "(all)"},
    "date_from": {"da": "Fra dato (ÅÅÅÅ-MM-DD)", "en": "From date (YYYY-MM-DD)"},
    "date_to": {"da": "Til dato (ÅÅÅÅ-MM-DD)", "en": "To date (YYYY-MM-DD)"},
    "bad_date": {
        "da": "Datoen {value!r} kan ikke læses: skriv den som ÅÅÅÅ-MM-DD, f.eks. 2025-12-09.",
        "en": "The date {value!r} cannot be read: write it as YYYY-MM-DD, e.g. 2025-12-09.",
    },
    "sources": {"da": "Kilder", "en": "Sources"},
    "nearest": {"da": "Nærmeste punkter i referaterne", "en": "Nearest items in the minutes"},
    "no_sources": {"da": "Ingen kilder endnu – stil et spørgsmål.", "en": "No sources yet – ask a question."},
    "show_source": {"da": "Vis kilde", "en": "Show source"},
    "source_label": {"da": "Kilde i fuld tekst", "en": "Source in full"},
    "pick_source": {
        "da": "Vælg en kilde for at se citatet i punktets fulde tekst.",
        "en": "Choose a source to see the quote in the item's full text.",
    },
    "source_missing": {
        "da": "Punktet findes ikke længere i indekset (er referatet fjernet?).",
        "en": "The item is no longer in the index (were the minutes removed?).",
    },
    "closed_point": {
        "da": "Lukket punkt: indholdet vises ikke.",
        "en": "Closed item: the content is not shown.",
    },
    "thinking": {"da": "Søger i referaterne …", "en": "Searching the minutes …"},
    "empty_question": {"da": "Skriv et spørgsmål først.", "en": "Write a question first."},
    "error": {
        "da": "Der skete en fejl: {error}. Prøv igen, eller kontakt den, der driver assistenten.",
        "en": "Something went wrong: {error}. Try again, or contact whoever runs the assistant.",
    },
    "export": {"da": "Eksportér kildehenvisninger", "en": "Export references"},
    "export_format": {"da": "Format", "en": "Format"},
    "export_scope": {"da": "Hvad", "en": "What"},
    "scope_last": {"da": "Seneste svar", "en": "Latest answer"},
    "scope_all": {"da": "Hele samtalen", "en": "Whole conversation"},
    "export_button": {"da": "Lav fil", "en": "Make file"},
    "export_file": {"da": "Fil til download", "en": "File to download"},
    "export_none": {
        "da": "Der er intet svar at eksportere endnu – stil et spørgsmål først.",
        "en": "There is no answer to export yet – ask a question first.",
    },
    "export_done": {"da": "Filen er klar: {name}", "en": "The file is ready: {name}"},
    # feedback on an answer (the chat's thumbs)
    "feedback_saved": {
        "da": "Tak – din vurdering af svaret er gemt. Skriv gerne, hvad der var godt eller forkert.",
        "en": "Thank you – your rating of the answer is saved. Feel free to say what was right or wrong.",
    },
    "feedback_withdrawn": {"da": "Vurderingen er fjernet.", "en": "The rating is removed."},
    "feedback_comment": {"da": "Kommentar til svaret (valgfri)", "en": "Comment on the answer (optional)"},
    "feedback_comment_ph": {
        "da": "F.eks. kilden passer ikke, eller svaret mangler beslutningen",
        "en": "E.g. the source does not fit, or the answer misses the decision",
    },
    "feedback_send": {"da": "Gem kommentar", "en": "Save comment"},
    "feedback_thanks": {"da": "Tak – kommentaren er gemt.", "en": "Thank you – the comment is saved."},
    "feedback_failed": {
        "da": "Vurderingen kunne ikke gemmes: {error}",
        "en": "The rating could not be saved: {error}",
    },
    # meeting header
    "meeting": {"da": "Møde", "en": "Meeting"},
    "date": {"da": "Dato", "en": "Date"},
    "place": {"da": "Sted", "en": "Place"},
    "participants": {"da": "Deltagere", "en": "Participants"},
    "absent": {"da": "Fraværende", "en": "Absent"},
    "none": {"da": "ingen", "en": "none"},
    "point": {"da": "Punkt", "en": "Item"},
    "case": {"da": "Sag", "en": "Case"},
    "decision": {"da": "Beslutning", "en": "Decision"},
    "no_decision": {"da": "Ingen beslutning i referatet.", "en": "No decision in the minutes."},
    # onboarding
    "welcome": {"da": "Velkommen", "en": "Welcome"},
    "welcome_text": {
        "da": "Her kan du stille spørgsmål til referaterne fra {n_meetings} i {n_committees:udvalg|udvalg}. "
        "Hvert svar citerer referatet med udvalg, mødedato og punkt, så du kan tjekke kilden.",
        "en": "Ask questions about the minutes of {n_meetings} in {n_committees:committee|committees}. "
        "Every answer quotes the minutes with committee, meeting date and item, so you can check the source.",
    },
    "empty_index": {
        "da": "Indekset er tomt. Tilføj referater under »Tilføj referater« eller kør `minutes ingest`.",
        "en": "The index is empty. Add minutes under “Add minutes” or run `minutes ingest`.",
    },
    "committees": {"da": "Udvalg i indekset", "en": "Committees in the index"},
    "meetings_n": {"da": "møder", "en": "meetings"},
    "meeting_1": {"da": "møde", "en": "meeting"},
    "latest": {"da": "Seneste møder", "en": "Latest meetings"},
    "suggestions": {"da": "Forslag til første spørgsmål", "en": "Suggested first questions"},
    "suggest_decided": {
        "da": "Hvad besluttede {committee} om {title}?",
        "en": "What did {committee} decide about {title}?",
    },
    "suggest_absent": {
        "da": "Hvem havde meldt afbud til mødet i {committee} den {date}?",
        "en": "Who was absent from the {committee} meeting on {date}?",
    },
    "suggest_case": {"da": "Hvordan er sag {case} forløbet?", "en": "What is the history of case {case}?"},
    "use_suggestion": {"da": "Stil spørgsmålet", "en": "Ask this question"},
    # meetings and cases
    "browse": {"da": "Find møder", "en": "Find meetings"},
    "show_meetings": {"da": "Vis møder", "en": "Show meetings"},
    "meeting_pick": {"da": "Møde", "en": "Meeting"},
    "open_meeting": {"da": "Åbn mødet", "en": "Open the meeting"},
    "no_meetings": {"da": "Ingen møder passer til afgrænsningen.", "en": "No meetings match the filters."},
    "case_number": {"da": "Sagsnummer", "en": "Case number"},
    "case_ph": {"da": "F.eks. 24-012144", "en": "E.g. 24-012144"},
    "case_history": {"da": "Vis sagens forløb", "en": "Show the case history"},
    "case_title": {"da": "Sag {case}: forløb", "en": "Case {case}: history"},
    "case_none": {
        "da": "Sag {case} findes ikke i de indekserede referater. Tjek nummeret (f.eks. 24-012144).",
        "en": "Case {case} is not in the indexed minutes. Check the number (e.g. 24-012144).",
    },
    "n_meetings_found": {"da": "{n:møde|møder}", "en": "{n:meeting|meetings}"},
    "n_meetings_found_1": {"da": "1 møde", "en": "1 meeting"},
    "n_points": {"da": "{n:punkt|punkter}", "en": "{n:item|items}"},
    "at_time": {"da": "kl. {time}", "en": "{time}"},
    # upload
    "upload_files": {"da": "Referater (PDF, JSON, HTML eller tekst)", "en": "Minutes (PDF, JSON, HTML or text)"},
    "upload_muni": {
        "da": "Kommune (kun hvis referatet ikke selv nævner den)",
        "en": "Municipality (only if the minutes do not name it)",
    },
    "upload_button": {"da": "Tjek og tilføj", "en": "Check and add"},
    "upload_help": {
        "da": "Træk filerne ind i feltet, eller klik på det for at vælge dem. De tjekkes med de samme læsere som "
        "resten af indekset. Højst {mb:g} MB pr. fil.",
        "en": "Drag the files into the box, or click it to choose them. They are checked with the same readers as "
        "the rest of the index. At most {mb:g} MB per file.",
    },
    "fetch_heading": {"da": "Hent nye referater fra {site}", "en": "Fetch new minutes from {site}"},
    "fetch_since": {"da": "Møder fra (ÅÅÅÅ-MM-DD, tom = alle)", "en": "Meetings from (YYYY-MM-DD, empty = all)"},
    "fetch_committee": {"da": "Udvalg (del af navnet, tom = alle)", "en": "Committee (part of the name, empty = all)"},
    "fetch_button": {"da": "Hent og indlæs", "en": "Fetch and index"},
    "fetch_no_site": {
        "da": "Der er ingen publiceringsside sat op (MINUTES_FETCH_SITE).",
        "en": "No publication site is configured (MINUTES_FETCH_SITE).",
    },
    "fetch_failed": {"da": "Hentningen stoppede: {problem}", "en": "The fetch stopped: {problem}"},
    "upload_none": {"da": "Vælg en eller flere filer først.", "en": "Choose one or more files first."},
    "upload_too_big": {
        "da": "{name}: filen fylder {size:.1f} MB, grænsen er {limit:g} MB. Del referatet op, eller bed den, der "
        "driver assistenten, om at hæve MINUTES_UPLOAD_MAX_MB.",
        "en": "{name}: the file is {size:.1f} MB, the limit is {limit:g} MB. Split the minutes, or ask whoever runs "
        "the assistant to raise MINUTES_UPLOAD_MAX_MB.",
    },
    "upload_type": {
        "da": "{name}: filtypen {ext!r} understøttes ikke. Brug PDF, JSON, HTML eller tekst (.txt, .md).",
        "en": "{name}: the file type {ext!r} is not supported. Use PDF, JSON, HTML or text (.txt, .md).",
    },
    "upload_refused": {"da": "Afvist – {problem}", "en": "Refused – {problem}"},
    "upload_no_date": {
        "da": "{name}: ingen mødedato fundet – filen ligner ikke et referat. Læseren melder: {warnings}",
        "en": "{name}: no meeting date found – the file does not look like minutes. The reader says: {warnings}",
    },
    "upload_saved": {
        "da": "Tilføjet: {name} – {committee}, {date}, {n:punkt|punkter}.",
        "en": "Added: {name} – {committee}, {date}, {n:item|items}.",
    },
    "upload_duplicate": {
        "da": "{name} findes allerede som {existing} – springes over.",
        "en": "{name} already exists as {existing} – skipped.",
    },
    "ingesting": {
        "da": "Indekserer: {done}/{total:fil|filer}, {chunks:tekststykke|tekststykker}",
        "en": "Indexing: {done}/{total:file|files}, {chunks:chunk|chunks}",
    },
    "upload_bad_name": {
        "da": "{name}: filnavnet peger ud af mappen til uploads; omdøb filen.",
        "en": "{name}: the file name points outside the uploads folder; rename the file.",
    },
    "upload_name_taken": {
        "da": "{name}: for mange filer med navnet {slug}; omdøb filen.",
        "en": "{name}: too many files named {slug}; rename the file.",
    },
    "upload_not_stored": {
        "da": "{name}: filen kunne ikke gemmes ({error}).",
        "en": "{name}: the file could not be stored ({error}).",
    },
    "ingest_busy": {
        "da": "Indekset er ved at blive opdateret af en anden indlæsning; filerne er ikke gemt. Prøv igen om lidt.",
        "en": "The index is being updated by another ingest; the files were not saved. Please try again shortly.",
    },
    "ingest_done": {
        "da": "Indekset er opdateret: {added:ny fil|nye filer}, {changed:ændret fil|ændrede filer}, "
        "{failed:fil afvist|filer afvist}.",
        "en": "The index is updated: {added:new file|new files}, {changed:changed file|changed files}, "
        "{failed:file refused|files refused}.",
    },
    "status": {
        "da": "Indeks: {meetings}, {points:punkt|punkter} fra {municipalities}.",
        "en": "Index: {meetings}, {points:item|items} from {municipalities}.",
    },
}


def n_meetings(n: int, lang: str) -> str:
    """'1 møde' / '5 møder' ('1 meeting' / '5 meetings')."""
    return count(n, "meeting", lang)


def ui(key: str, lang: str = "da", **fmt: object) -> str:
    """The UI text `key` in `lang` (Danish when the language or key is unknown), formatted with `fmt`."""
    entry = UI.get(key)
    if entry is None:
        return key
    text = entry.get(lang) or entry["da"]
    return fill(text, fmt, lang)


class Relabeler:
    """Remembers which component property shows which UI text, so a language switch can update them all."""

    def __init__(self) -> None:
        self.items: list[tuple[object, dict[str, object]]] = []

    def add(self, component, **props: object):
        """props: attribute -> UI key, or a function lang -> value (for choices and composed texts)."""
        self.items.append((component, props))
        return component

    @property
    def components(self) -> list[object]:
        return [c for c, _ in self.items]

    def updates(self, lang: str) -> list[object]:
        out = []
        for component, props in self.items:
            values = {k: (v(lang) if callable(v) else ui(str(v), lang)) for k, v in props.items()}
            out.append(type(component)(**values))
        return out
