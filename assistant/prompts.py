"""Every prompt and user-facing phrase of the answerers, in Danish and English.

``phrase(key, lang, **values)`` returns the phrase in the language (Danish when the language is unknown),
formatted with ``values``. A count takes its noun in the right number with a ``one|many`` format spec:
``"{n:møde|møder}"`` gives "1 møde" and "2 møder" (``plural``); ``count(n, "meeting", lang)`` does the same for the
nouns in ``NOUNS``. The web page's texts (assistant/web/texts.py) and the CLI's (assistant/cli/texts.py) use both.
"""

from __future__ import annotations

import string

DA_MONTHS = (
    "januar", "februar", "marts", "april", "maj", "juni",
    "juli", "august", "september", "oktober", "november", "december",
)  # fmt: skip
EN_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip

PHRASES: dict[str, dict[str, str]] = {
    # Export file names ("<prefix>-<date>...")
    "file_answer": {"da": "referat-svar", "en": "minutes-answer"},
    "file_conversation": {"da": "referat-samtale", "en": "minutes-conversation"},
    # Refusals and fallbacks
    "refusal": {"da": "Det fremgår ikke af referaterne.", "en": "The minutes do not say."},
    "nearest_intro": {
        "da": "De nærmeste dagsordenspunkter er:",
        "en": "The nearest agenda points are:",
    },
    "other_municipality": {
        "da": "Indekset har ingen referater fra {municipality}, kun fra {indexed}.",
        "en": "The index holds no minutes of {municipality}, only of {indexed}.",
    },
    "absent_body": {
        "da": "Indekset har ingen referater fra {body} i {municipality}, kun fra {indexed}.",
        "en": "The index holds no minutes of the body asked about ({body}) in {municipality}, only of {indexed}.",
    },
    "empty_index": {
        "da": "Der er ingen referater i indekset endnu. Kør `minutes ingest` først.",
        "en": "There are no minutes in the index yet. Run `minutes ingest` first.",
    },
    "empty_question": {"da": "Stil et spørgsmål.", "en": "Please ask a question."},
    "question_too_long": {
        "da": "Spørgsmålet er for langt ({n} tegn). Skriv det kortere, højst {limit} tegn.",
        "en": "The question is too long ({n} characters). Please ask it in at most {limit} characters.",
    },
    # Extractive answers
    "answer_intro": {"da": "Ifølge referaterne:", "en": "According to the minutes (quoted in Danish):"},
    "point_ref": {"da": "{committee}, {date}, punkt {number}", "en": "{committee}, {date}, item {number}"},
    "decision_label": {"da": "Beslutning", "en": "Decision"},
    "recommendation_label": {"da": "Indstilling", "en": "Recommendation"},
    "closed_point": {
        # true whether the minutes release the decision of a closed point (Greve's publish 293 of their 302) or not:
        # the assistant quotes no closed point
        # where and when it was handled is public (the agenda shows it), and is what "Hvornår ...?" asks
        "da": "Punktet «{title}» ({ref}) er lukket; indholdet af lukkede punkter gengives ikke.",
        "en": "The item “{title}” ({ref}) is closed; the content of closed items is not shown.",
    },
    "closed_note": {"da": "lukket punkt", "en": "closed item"},
    # Attendance and participants
    "absent_list": {
        "da": "Afbud/fravær ved mødet i {committee} den {date}: {names}.",
        "en": "Absent from the meeting of {committee} on {date}: {names}.",
    },
    "absent_none": {
        "da": "Referatet fra mødet i {committee} den {date} nævner ingen afbud eller fravær.",
        "en": "The minutes of the meeting of {committee} on {date} record no one as absent.",
    },
    "person_present": {
        "da": "Ja, {name} var til stede ved mødet i {committee} den {date}.",
        "en": "Yes, {name} was present at the meeting of {committee} on {date}.",
    },
    "person_absent": {
        "da": "Nej, {name} var ikke til stede ved mødet i {committee} den {date}{note}.",
        "en": "No, {name} was not present at the meeting of {committee} on {date}{note}.",
    },
    "present_list": {
        "da": "Til stede ved mødet i {committee} den {date}: {names}.",
        "en": "Present at the meeting of {committee} on {date}: {names}.",
    },
    "chair_list": {
        "da": "Formand for mødet i {committee} den {date}: {names}.",
        "en": "Chair of the meeting of {committee} on {date}: {names}.",
    },
    "vice_chair_list": {
        "da": "Næstformand ved mødet i {committee} den {date}: {names}.",
        "en": "Vice-chair at the meeting of {committee} on {date}: {names}.",
    },
    "chair_unknown": {
        "da": "Deltagerlisten for mødet i {committee} den {date} angiver ikke, hvem der var formand. "
              "Til stede: {names}.",
        "en": "The list of participants of the meeting of {committee} on {date} does not say who chaired it. "
              "Present: {names}.",
    },
    "vice_chair_unknown": {
        "da": "Deltagerlisten for mødet i {committee} den {date} angiver ikke, hvem der var næstformand. "
              "Til stede: {names}.",
        "en": "The list of participants of the meeting of {committee} on {date} does not say who was vice-chair. "
              "Present: {names}.",
    },
    "substitutes_list": {
        "da": "Suppleanter og stedfortrædere ved mødet i {committee} den {date}: {names}.",
        "en": "Substitutes at the meeting of {committee} on {date}: {names}.",
    },
    "substitutes_none": {
        "da": "Referatet fra mødet i {committee} den {date} nævner ingen suppleanter eller stedfortrædere.",
        "en": "The minutes of the meeting of {committee} on {date} name no substitutes.",
    },
    "absence_reasons": {
        "da": "Afbud/fravær ved mødet i {committee} den {date}, som referatet skriver det: {names}.",
        "en": "Absent from the meeting of {committee} on {date}, as the minutes put it: {names}.",
    },
    "absence_no_reason": {
        "da": "Referatet fra mødet i {committee} den {date} oplyser ikke, hvorfor {names} ikke deltog.",
        "en": "The minutes of the meeting of {committee} on {date} do not say why {names} did not attend.",
    },
    "members_list": {
        "da": "Deltagere i {committee} (seneste møde {date}): {names}.",
        "en": "Members of {committee} (latest meeting {date}): {names}.",
    },
    "no_participants": {
        "da": "Referatet fra mødet i {committee} den {date} har ingen deltagerliste.",
        "en": "The minutes of the meeting of {committee} on {date} have no list of participants.",
    },
    "no_meeting": {
        "da": "Jeg fandt intet møde, der passer til spørgsmålet.",
        "en": "I found no meeting that matches the question.",
    },
    # Meetings in a period
    "meetings_list": {
        "da": "{committee} holdt {n:møde|møder} {period}:",
        "en": "{committee} held {n:meeting|meetings} {period}:",
    },
    "meetings_one": {"da": "{committee} holdt 1 møde {period}:", "en": "{committee} held 1 meeting {period}:"},
    "meetings_none": {
        "da": "Der er ingen møder i {committee} {period} i referaterne.",
        "en": "The minutes hold no meetings of {committee} {period}.",
    },
    "all_committees": {"da": "udvalgene", "en": "the committees"},
    "period_day": {"da": "den {start}", "en": "on {start}"},
    "nearest_meetings": {"da": "De nærmeste møder er:", "en": "The nearest meetings are:"},
    "period_between": {"da": "mellem {start} og {end}", "en": "between {start} and {end}"},
    "period_from": {"da": "fra {start}", "en": "from {start}"},
    "period_to": {"da": "til og med {end}", "en": "until {end}"},
    "period_all": {"da": "i alt", "en": "in all"},
    "meeting_line": {"da": "{date}: {committee} ({n:punkt|punkter})", "en": "{date}: {committee} ({n:item|items})"},
    # Case history
    "case_intro": {
        "da": "Sag {case} er behandlet {n} gange:",
        "en": "Case {case} was dealt with {n} times:",
    },
    "case_one": {"da": "Sag {case} er behandlet én gang:", "en": "Case {case} was dealt with once:"},
    "case_numbers_intro": {
        "da": "Referaterne nævner {n:sagsnummer|sagsnumre}:",
        "en": "The minutes give {n:case number|case numbers}:",
    },
    "case_number_line": {
        "da": "Sag {case}: {committee}, {date}, punkt {number}: {title}",
        "en": "Case {case}: {committee}, {date}, item {number}: {title}",
    },
    "case_numbers_none": {
        "da": "Punkterne om emnet har intet sagsnummer i referaterne.",
        "en": "The items on this topic have no case number in the minutes.",
    },
    "case_unknown": {
        "da": "Sag {case} findes ikke i referaterne.",
        "en": "Case {case} is not in the minutes.",
    },
    "case_step": {
        "da": "{date}, {committee}, punkt {number}: {title}",
        "en": "{date}, {committee}, item {number}: {title}",
    },
    "case_decision": {"da": "Beslutning: {decision}", "en": "Decision: {decision}"},
    "case_about": {"da": "Sagen handler om: {text} [{n}]", "en": "The case is about (quoted in Danish): {text} [{n}]"},
    "case_recommendation": {"da": "Indstilling: {text}", "en": "Recommendation: {text}"},
    "case_step_about": {"da": "Punktet handler om: {text}", "en": "The item is about: {text}"},
    "case_in_body": {
        "da": "Sagen blev behandlet i {body} {handlings}.",
        "en": "The case came before {body} {handlings}.",
    },
    "case_in_body_yes": {
        "da": "Ja, sagen blev behandlet i {body} {handlings}.",
        "en": "Yes, the case came before {body} {handlings}.",
    },
    "case_body_handling": {"da": "den {date}, punkt {number}", "en": "on {date}, item {number}"},
    "case_body_printed": {"da": "den {date} (nævnt i sagens forløb)", "en": "on {date} (named in the case's history)"},
    "case_not_in_body": {
        "da": "Det fremgår ikke af referaterne, at sagen har været behandlet i {body}. Her er sagens forløb:",
        "en": "The minutes do not show the case coming before {body}. This is its path:",
    },
    "case_no_decision": {"da": "(ingen beslutning i referatet)", "en": "(no decision recorded)"},
    "competence_point": {
        "da": "Punkt {number} ({title}), {committee} den {date}:",
        "en": "Item {number} ({title}), {committee}, {date} (quoted in Danish):",
    },
    "competence_not_stated": {
        "da": "- Punktet siger ikke, hvem der træffer den endelige beslutning.",
        "en": "- The item does not say who takes the final decision.",
    },
    "case_next": {
        "da": "Derefter kom sagen i {committee} den {date}, punkt {number}.",
        "en": "Next, the case came before {committee} on {date}, item {number}.",
    },
    "case_no_next": {
        "da": "Referaterne viser ingen senere behandling af sagen end den {date}. Her er sagens forløb:",
        "en": "The minutes show no handling of the case later than {date}. This is its path:",
    },
    "competence_later": {"da": "Sagen blev derefter behandlet her:", "en": "The case then came before:"},
    "competence_no_later": {
        "da": "Referaterne viser ingen senere behandling af sagen i et andet udvalg eller råd.",
        "en": "The minutes show no later handling of the case by another committee or council.",
    },
    "case_printed": {
        "da": "(nævnt i sagens forløb; mødet er ikke blandt referaterne)",
        "en": "(named in the case's history; that meeting is not among the minutes)",
    },
    # The meeting and its points, from the records
    "meeting_when": {
        "da": "Mødet i {committee} blev holdt den {date}{time}.",
        "en": "The meeting of {committee} was held on {date}{time}.",
    },
    "meeting_time": {"da": " kl. {time}", "en": " at {time}"},
    "meeting_where": {
        "da": "Mødet i {committee} den {date} blev holdt her: {place}.",
        "en": "The meeting of {committee} on {date} was held at: {place}.",
    },
    "meeting_place": {"da": "Mødested: {place}.", "en": "Place: {place}."},
    "meeting_place_on": {"da": "Mødested den {date}: {place}.", "en": "Place of the meeting on {date}: {place}."},
    "case_beside": {"da": "Om det øvrige, du spørger om:", "en": "On the rest of your question (quoted in Danish):"},
    "meeting_visit": {
        "da": "Dagsordenen har også et besøg:",
        "en": "The agenda also has a visit:",
    },
    "meeting_ended": {
        "da": "Referatet fra mødet i {committee} den {date} angiver sluttidspunktet kl. {end}{began}.",
        "en": "The minutes of the meeting of {committee} on {date} give its end time as {end}{began}.",
    },
    "meeting_began": {"da": " (det begyndte kl. {time})", "en": " (it began at {time})"},
    "meeting_began_only": {"da": "; det begyndte kl. {time}", "en": "; it began at {time}"},
    "meeting_no_end": {
        "da": "Referatet fra mødet i {committee} den {date} oplyser ikke, hvornår mødet sluttede{began}.",
        "en": "The minutes of the meeting of {committee} on {date} do not say when it ended{began}.",
    },
    "meeting_secretary": {
        "da": "Sekretær ved mødet i {committee} den {date}: {name}.",
        "en": "Secretary of the meeting of {committee} on {date}: {name}.",
    },
    "secretary_named": {"da": "Sekretær: {name}.", "en": "Secretary: {name}."},
    "meeting_no_secretary": {
        "da": "Referatet fra mødet i {committee} den {date} nævner ikke, hvem der var sekretær eller tog referat.",
        "en": "The minutes of the meeting of {committee} on {date} do not name a secretary or minute-taker.",
    },
    "meeting_no_place": {
        "da": "Referatet fra mødet i {committee} den {date} nævner intet mødested.",
        "en": "The minutes of the meeting of {committee} on {date} name no place.",
    },
    "agenda_intro": {
        "da": "Dagsordenen for mødet i {committee} den {date} ({n:punkt|punkter}):",
        "en": "The agenda of the meeting of {committee} on {date} ({n:item|items}):",
    },
    "agenda_closed_intro": {
        "da": "Lukkede punkter på mødet i {committee} den {date} ({n:punkt|punkter}):",
        "en": "Closed items at the meeting of {committee} on {date} ({n:item|items}):",
    },
    "agenda_no_closed": {
        "da": "Mødet i {committee} den {date} havde ingen lukkede punkter.",
        "en": "The meeting of {committee} on {date} had no closed items.",
    },
    "agenda_line": {"da": "Punkt {number}: {title}", "en": "Item {number}: {title}"},
    # About the assistant and its index
    "help": {
        "da": "Jeg svarer på spørgsmål om referaterne i indekset og viser udvalg, mødedato og dagsordenspunkt bag "
        "hvert svar. Du kan fx spørge:\n- Hvad besluttede Økonomiudvalget om budgettet?\n- Hvem havde meldt afbud "
        "til byrådets seneste møde?\n- Hvad handler punkt 3 om?\n- Hvem stemte imod?\n- Hvilke udvalg har behandlet "
        "sag 24-012144?\n- Hvilke udvalg er der?",
        "en": "I answer questions about the minutes in the index and show the committee, meeting date and agenda "
        "item behind every answer. You could ask:\n- What did the Økonomiudvalget decide about the budget?\n- Who "
        "sent apologies for the council's latest meeting?\n- What is item 3 about?\n- Who voted against?\n- Which "
        "committees dealt with case 24-012144?\n- Which committees are there?",
    },
    "thanks": {"da": "Selv tak. Spørg endelig igen.", "en": "You're welcome. Ask again any time."},
    "overview_intro": {
        "da": "Indekset har referater fra {n:møde|møder} i {m:kommune|kommuner}:",
        "en": "The index holds the minutes of {n:meeting|meetings} in {m:municipality|municipalities}:",
    },
    "overview_line": {
        "da": "{municipality}, {committee}: {n:møde|møder} ({span})",
        "en": "{municipality}, {committee}: {n:meeting|meetings} ({span})",
    },
    "decisions_intro": {
        "da": "Beslutninger på mødet i {committee} den {date}:",
        "en": "Decisions at the meeting of {committee} on {date}:",
    },
    "no_decisions": {
        "da": "Referatet fra mødet i {committee} den {date} har ingen beslutninger.",
        "en": "The minutes of the meeting of {committee} on {date} record no decisions.",
    },
    "point_about": {
        "da": "Punkt {number} på mødet i {committee} den {date} handler om »{title}«.",
        "en": "Item {number} of the meeting of {committee} on {date} is about “{title}”.",
    },
    "point_decision": {
        "da": "Beslutning under punkt {number} ({title}), {committee} den {date}:",
        "en": "Decision under item {number} ({title}), {committee}, {date}:",
    },
    "point_recommendation": {
        "da": "Indstilling under punkt {number} ({title}), {committee} den {date}:",
        "en": "Recommendation under item {number} ({title}), {committee}, {date}:",
    },
    "point_no_decision": {
        "da": "Referatet har ingen beslutning under punkt {number} ({title}), {committee} den {date}.",
        "en": "The minutes record no decision under item {number} ({title}), {committee}, {date}.",
    },
    "point_in_several": {
        "da": "Punkt {number} findes på {n} møder; svaret gælder det seneste ({committee} {date}).",
        "en": "Item {number} appears in {n} meetings; this answer is about the latest ({committee}, {date}).",
    },
    "point_unknown": {
        "da": "Mødet i {committee} den {date} har intet punkt {number}.",
        "en": "The meeting of {committee} on {date} has no item {number}.",
    },
    "point_absent": {
        "da": "Deltog ikke i behandlingen af punkt {number} ({title}), {committee} den {date}: {names}.",
        "en": "Did not take part in the handling of item {number} ({title}), {committee}, {date}: {names}.",
    },
    "point_absent_meeting": {
        "da": (
            "Referatet nævner ingen, der ikke deltog netop i behandlingen af punkt {number} ({title}), men "
            "afbud/fravær ved hele mødet i {committee} den {date}: {names}."
        ),
        "en": (
            "The minutes name no one as absent from item {number} ({title}) alone, but absent from the whole "
            "meeting of {committee} on {date}: {names}."
        ),
    },
    "point_absent_none": {
        "da": (
            "Referatet nævner ingen, der ikke deltog i behandlingen af punkt {number} ({title}), "
            "{committee} den {date}."
        ),
        "en": "The minutes name no one who did not take part in item {number} ({title}), {committee}, {date}.",
    },
    # Votes and positions
    "votes_intro": {
        "da": "Punkt {number} ({title}), {committee} den {date}:",
        "en": "Item {number} ({title}), {committee}, {date}:",
    },
    "votes_party_unnamed": {
        "da": "Det fremgår ikke af referaterne, hvordan {party} stemte: afstemningerne under {points} nævner ikke "
              "partiet.",
        "en": "The minutes do not say how {party} voted: the votes recorded under {points} do not name the party.",
    },
    "votes_point": {
        "da": "punkt {number} ({title}), {committee} den {date}",
        "en": "item {number} ({title}), {committee}, {date}",
    },
    "votes_none": {
        "da": "Referatet nævner ingen afstemning under punkt {number} ({title}), {committee} den {date}.",
        "en": "The minutes record no vote under item {number} ({title}), {committee}, {date}.",
    },
    "votes_in_decision": {
        "da": "Beslutningen under punkt {number} ({title}), {committee} den {date}, siger, hvordan der blev stemt:",
        "en": "The decision under item {number} ({title}), {committee}, {date}, says how the members voted:",
    },
    "votes_elsewhere": {
        "da": ("Referatet nævner ingen afstemning under punkt {number} ({title}), {committee} den {date}{cite}. "
               "Sagens øvrige behandlinger:"),
        "en": ("The minutes record no vote under item {number} ({title}), {committee}, {date}{cite}. The case's "
               "other handlings:"),
    },
    "votes_elsewhere_other": {
        "da": ("Punkt {number} ({title}), {committee} den {date}, nævner ingen sådan stemme{cite}. Sagens øvrige "
               "behandlinger:"),
        "en": "Item {number} ({title}), {committee}, {date}, records no such vote{cite}. The case's other handlings:",
    },
    "the_decision": {"da": "Beslutningen:", "en": "The decision:"},
    "votes_none_case": {
        "da": "Referaterne nævner ingen afstemning i sag {case}.",
        "en": "The minutes record no vote in case {case}.",
    },
    "vote_for": {"da": "For", "en": "For"},
    "vote_against": {"da": "Imod", "en": "Against"},
    "vote_abstain": {"da": "Undlod at stemme", "en": "Abstained"},
    "vote_reservation": {"da": "Tog forbehold", "en": "Reservation"},
    "vote_not_taking_part": {"da": "Deltog ikke", "en": "Did not take part"},
    "vote_remark": {"da": "Bemærkning", "en": "Remark"},
    "vote_on": {"da": "Afstemningen gjaldt", "en": "The vote was on"},
    "vote_reason_elsewhere": {"da": "Begrundelse ved behandlingen i {committee} den {date}",
                              "en": "The reason given when {committee} handled it, {date}"},
    "vote_unnamed": {"da": "(ikke navngivet)", "en": "(not named)"},
    "vote_unnamed_count": {"da": "{n:stemme|stemmer} (ikke navngivet)", "en": "{n:vote|votes} (not named)"},
    "vote_counted": {"da": "{label} ({n:stemme|stemmer})", "en": "{label} ({n:vote|votes})"},
    # Citations (assistant/citations.py)
    "cite_meeting": {"da": "møde {date}", "en": "meeting {date}"},
    "cite_point": {"da": "punkt {number}: {title}", "en": "item {number}: {title}"},
    "cite_case": {"da": "sag {case}", "en": "case {case}"},
    "sources_heading": {"da": "Kilder", "en": "Sources"},
    # Fetching from a publication site (assistant/fetch.py FetchReport.summary)
    "fetch_summary": {
        "da": "{municipality}: {n:møde|møder}; {new:ny|nye}, {changed:ændret|ændrede}, {unchanged:uændret|uændrede}, "
        "{failed} fejlede. Gemt i {folder}.",
        "en": "{municipality}: {n:meeting|meetings}; {new} new, {changed} changed, {unchanged} unchanged, {failed} "
        "failed. Saved in {folder}.",
    },
    "fetch_summary_dry": {
        "da": "{municipality}: {n:møde|møder} i udvalget/perioden; {fetch} ville blive hentet, {unchanged} er allerede "
        "hentet.",
        "en": "{municipality}: {n:meeting|meetings} in the committee/period; {fetch} would be fetched, {unchanged} "
        "already fetched.",
    },
    # LLM
    "llm_flagged": {
        "da": "Bemærk: nogle henvisninger i svaret kunne ikke findes i kilderne og er fjernet.",
        "en": "Note: some references in the answer were not found in the sources and were removed.",
    },
    "llm_missing": {
        "da": "Pakken {package} mangler til LLM-svar ({llm}). Installer den med: pip install '{extra}'",
        "en": "The package {package} is needed for LLM answers ({llm}). Install it with: pip install '{extra}'",
    },
    "llm_no_model": {
        "da": "Angiv en model til LLM-svar med MINUTES_LLM_MODEL (for gguf: stien til .gguf-filen).",
        "en": "Name a model for LLM answers with MINUTES_LLM_MODEL (for gguf: the path of the .gguf file).",
    },
}

# Prompts for the optional LLM answerer. Sources are numbered [1]..[n]; every claim must cite one.
LLM_SYSTEM = {
    "da": (
        "Du er Referat-assistenten. Du besvarer spørgsmål om kommunale mødereferater UDELUKKENDE ud fra de "
        "nummererede kilder nedenfor. Regler:\n"
        "1. Hver påstand skal have en kildehenvisning i skarpe klammer, fx [1] eller [2].\n"
        "2. Brug kun numre, der findes blandt kilderne.\n"
        "3. Citater i anførselstegn (\"...\") skal stå ordret i den kilde, du henviser til.\n"
        "4. Står svaret ikke i kilderne, så skriv præcis: Det fremgår ikke af referaterne.\n"
        "5. Svar kort og på dansk."
    ),
    "en": (
        "You are the Minutes Assistant. You answer questions about municipal meeting minutes ONLY from the "
        "numbered sources below (they are in Danish). Rules:\n"
        "1. Every claim must carry a citation in square brackets, e.g. [1] or [2].\n"
        "2. Use only numbers that exist among the sources.\n"
        "3. Quotations in double quotes (\"...\") must appear verbatim in the source you cite.\n"
        "4. If the sources do not contain the answer, write exactly: The minutes do not say.\n"
        "5. Answer briefly in English."
    ),
}
LLM_USER = {
    "da": "Kilder:\n{sources}\n\nSpørgsmål: {question}\n\nSvar (med [n] efter hver påstand):",
    "en": "Sources:\n{sources}\n\nQuestion: {question}\n\nAnswer (with [n] after every claim):",
}
LLM_SOURCE = "[{number}] {header}\n{text}"
LLM_REWRITE = {
    "da": (
        "Omskriv det sidste spørgsmål, så det kan forstås uden samtalen. Bevar udvalg, sagsnummer og periode "
        "fra samtalen, hvis spørgsmålet henviser til dem. Svar kun med det omskrevne spørgsmål.\n\n"
        "Samtale:\n{history}\n\nSidste spørgsmål: {question}\n\nOmskrevet spørgsmål:"
    ),
    "en": (
        "Rewrite the last question so it can be understood without the conversation. Keep the committee, case "
        "number and period from the conversation when the question refers to them. Reply with the rewritten "
        "question only.\n\nConversation:\n{history}\n\nLast question: {question}\n\nRewritten question:"
    ),
}


# Nouns that are counted on screen: (singular, plural) per language.
NOUNS: dict[str, dict[str, tuple[str, str]]] = {
    "meeting": {"da": ("møde", "møder"), "en": ("meeting", "meetings")},
    "committee": {"da": ("udvalg", "udvalg"), "en": ("committee", "committees")},
    "point": {"da": ("punkt", "punkter"), "en": ("item", "items")},
    "agenda_point": {"da": ("dagsordenspunkt", "dagsordenspunkter"), "en": ("agenda item", "agenda items")},
    "file": {"da": ("fil", "filer"), "en": ("file", "files")},
    "chunk": {"da": ("tekststykke", "tekststykker"), "en": ("chunk", "chunks")},
    "reference": {"da": ("kildehenvisning", "kildehenvisninger"), "en": ("reference", "references")},
    "vector": {"da": ("vektor", "vektorer"), "en": ("vector", "vectors")},
}


def plural(n: int, one: str, many: str) -> str:
    """'1 møde' / '0 møder' / '2 møder': the count with its noun in the right number (the same rule in both)."""
    return f"{n} {one if n == 1 else many}"


def count(n: int, noun: str, lang: str = "da") -> str:
    """``plural`` for a noun in ``NOUNS``: count(1, "meeting", "en") -> '1 meeting'."""
    forms = NOUNS[noun]
    return plural(n, *(forms.get(lang) or forms["da"]))


class _Formatter(string.Formatter):
    """str.format, plus a ``one|many`` format spec that writes the count with its noun in the right number."""

    def format_field(self, value: object, format_spec: str) -> str:
        if "|" in format_spec and isinstance(value, int):
            one, _, many = format_spec.partition("|")
            return plural(value, one, many)
        return super().format_field(value, format_spec)


FORMATTER = _Formatter()


def listing(items: list[str], lang: str = "da") -> str:
    """"A, B og C" ("A, B and C" in English)."""
    if len(items) < 2:
        return "".join(items)
    return f"{', '.join(items[:-1])} {'and' if lang == 'en' else 'og'} {items[-1]}"


def fill(text: str, values: dict[str, object], lang: str | None = None) -> str:
    """``text.format(**values)`` with plural specs (``{n:møde|møder}``); used by every phrase table.

    With ``lang``, a value that can speak it (a Message, or an exception raised with one) is written in that
    language."""
    if not values:
        return text
    if lang is not None:
        values = {k: localized(v, lang) if _renderer(v) else v for k, v in values.items()}
    return FORMATTER.vformat(text, (), values)


def _renderer(value: object):  # noqa: ANN202 - a bound in_language, or None
    """``value.in_language``, or that of the Message an exception was raised with; None for anything else."""
    if isinstance(value, BaseException) and len(value.args) == 1:
        value = value.args[0]
    return getattr(value, "in_language", None)


def localized(text: object, lang: str) -> str:
    """``text`` in ``lang`` when it can speak it (an assistant.messages.Message, a ReadProblem, an exception raised
    with a Message), else as it is (text from a document, an OS error)."""
    render = _renderer(text)
    return render(lang) if render is not None else str(text)


def phrase(key: str, lang: str = "da", **values: object) -> str:
    """The phrase ``key`` in ``lang`` ("da" or "en"), formatted with ``values``."""
    try:
        entry = PHRASES[key]
    except KeyError:
        raise KeyError(f"unknown phrase key {key!r}; add it to assistant/prompts.py PHRASES") from None
    text = entry.get(lang) or entry["da"]
    return fill(text, values, lang)


def format_int(n: int, lang: str) -> str:
    """A whole number with thousands grouped as the language writes it: 10.000 in Danish, 10,000 in English."""
    text = f"{n:,}"
    return text.replace(",", ".") if lang == "da" else text


def format_date(iso: str, lang: str = "da") -> str:
    """'2025-12-09' -> '9. december 2025' (da) or '9 December 2025' (en); '' stays ''."""
    if not iso or len(iso) < 10:
        return iso
    year, month, day = int(iso[:4]), int(iso[5:7]), int(iso[8:10])
    if lang == "en":
        return f"{day} {EN_MONTHS[month - 1]} {year}"
    return f"{day}. {DA_MONTHS[month - 1]} {year}"
