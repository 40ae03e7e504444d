"""The words people type that the bot understands, in one place.

The catalogue (bot/text/catalogue.py) holds what the bot says; this module holds what it
listens for. Pure data: every list is matched against text that is already normalised
(lower case, single spaces, no trailing "." or "!"), on the whole text and never as a
substring. Numbers ("1", "2") and card values are not words and stay with their parsers.
The words of dates and times ("gisteravond", "zojuist") stay with the date grammar in
bot/domain/dates/: the domain imports nothing else of the bot (tests/test_layers.py).
"""

from __future__ import annotations

from typing import Final

# --- anywhere in a guided flow (dialogs/engine.py) ---------------------------------------

STOP_WORDS: Final = frozenset({"stop", "stoppen", "pauze", "later"})
HELP_WORDS: Final = frozenset({"help", "hulp", "?", "menu"})
# --- helper `dates` (issue 9): asking for contacts; answered like "help", with the person's
# own route and the helplines for their role (bot/cases/helplines.py), in or out of a draft.
HELPLINE_WORDS: Final = frozenset(
    {
        "hulplijn",
        "hulplijnen",
        "hulplijn?",
        "hulplijnen?",
        "wie kan ik bellen",
        "wie kan ik bellen?",
        "met wie kan ik praten",
        "met wie kan ik praten?",
        "help me",
        "help?",
    }
)
BACK_WORDS: Final = frozenset({"terug", "vorige", "back"})
WHY_WORDS: Final = frozenset({"waarom", "waarom?", "waarom vraag je dit", "waarom vraag je dit?"})
SKIP_WORDS: Final = frozenset({"overslaan", "sla over", "skip", "weet ik niet", "weet niet", "-"})
# At the review: send it. The review asks "klopt alles?", so a yes sends too.
SEND_WORDS: Final = frozenset({"verstuur", "versturen", "verzenden", "verzend", "klaar", "ok"})
REVIEW_YES_WORDS: Final = frozenset({"ja", "klopt", "ja klopt", "alles klopt"})
# "wijzig 3": change the third answer of the review. Each is followed by the number.
EDIT_WORDS: Final = ("wijzig", "wijzigen", "aanpassen", "verander")
# A paused draft: go on with it, or throw it away and start again.
RESUME_WORDS: Final = frozenset({"verder", "doorgaan", "ga verder", "ja"})
RESTART_WORDS: Final = frozenset({"opnieuw", "weggooien", "nieuw", "nieuwe melding"})

# A message that only opens the conversation, not an answer (helper `intake`, issue 9).
GREETING_WORDS: Final = frozenset(
    {"hallo", "hoi", "hey", "hi", "hallo weer", "hoi weer", "goedemorgen", "goedemiddag",
     "goedenavond", "daar ben ik weer", "ik ben er weer", "ik ben terug", "hallo daar",
     "dag", "hee", "hoi hoi"}
)  # fmt: skip
# "Wil je nog iets toevoegen?": no, that was all.
STORY_DONE_WORDS: Final = frozenset(
    {"klaar", "dat is alles", "dat was het", "dat was alles", "niets meer", "nee dat was het",
     "verder niets", "klopt", "ja klopt"}
)  # fmt: skip

# --- short answers (dialogs/parsing.py) ---------------------------------------------------

YES_WORDS: Final = frozenset(
    {
        "ja",
        "j",
        "jazeker",
        "ja hoor",
        "klopt",
        "ok",
        "oke",
        "oké",
        "goed",
        "yes",
        "zeker",
        "correct",
        "dat klopt",
        "ja klopt",
    }
)
NO_WORDS: Final = frozenset(
    {"nee", "n", "neen", "nope", "no", "klopt niet", "niet", "nee hoor", "dat klopt niet"}
)

# --- the report's questions (dialogs/flows/report/) ------------------------------------

# The injury question: "nothing happened to me".
NO_INJURY_WORDS: Final = frozenset({"niets", "niks", "geen", "nee hoor", "gelukkig niet", "niet"})
# The evidence question: no more files or links to come.
EVIDENCE_DONE_WORDS: Final = frozenset(
    {"klaar", "dat is alles", "verder", "gedaan", "niets meer", "nee"}
)

# --- an aftercare check-in (dialogs/flows/checkin.py) ------------------------------------

CHECKIN_GOOD_WORDS: Final = frozenset(
    {"gaat goed", "goed", "het gaat goed", "prima", "ok", "oke", "oké"}
)
CHECKIN_COULD_BE_BETTER_WORDS: Final = frozenset(
    {"kan beter", "niet zo goed", "matig", "slecht", "gaat niet goed"}
)
CHECKIN_CONTACT_WORDS: Final = frozenset(
    {
        "contact",
        "ik wil graag contact",
        "graag contact",
        "wil contact",
        "ik wil contact",
        "bel me",
        "bel mij",
    }
)
CHECKIN_STOP_WORDS: Final = frozenset({"stop", "stoppen", "geen vragen meer", "niet meer vragen"})
# Instead of answering a check-in: something new to report.
NEW_REPORT_WORDS: Final = frozenset({"melden", "nieuwe melding", "melding", "iets melden"})

# --- a handler's text commands (dialogs/flows/handler_commands.py) -----------------------

DONE_COMMAND_WORDS: Final = frozenset({"gedaan", "klaar", "done"})
LATER_COMMAND_WORDS: Final = frozenset({"later", "uitstel", "snooze"})
# teamscase: "bewijs WB-ABC234 2", an evidence file to the handler
# (dialogs/flows/evidence_command.py)
EVIDENCE_COMMAND_WORDS: Final = frozenset({"bewijs", "bewijsstuk", "bestand"})
# Besides the word shown in a reminder (catalogue "deadline_word_*"), words a handler is
# likely to type for a deadline, with the deadline kind's value (bot/domain/deadlines.py).
DEADLINE_WORD_ALIASES: Final[dict[str, str]] = {
    "ontvangen": "acknowledge",
    "bevestigd": "acknowledge",
    "maatregel": "measures",
    "incident-gesprek": "incident_talk",
    "aangifte": "police",
    "inspectie": "arbeidsinspectie",
    "herstel-gesprek": "recovery_talk",
}

# --- the handler's case work and the reporter's follow-up (issue 11) ----------------------
# dialogs/flows/case_commands.py: "toon WB-ABC234", "stap WB-ABC234 4 aangifte",
# "notitie WB-ABC234 ...", "reactie WB-ABC234 gesprek tot 18-12-2026 schade: ...",
# "sluit WB-ABC234 onbekend reden: ...". dialogs/flows/reporter_commands.py: "status",
# "aanvullen WB-ABC234 ...".

SHOW_CASE_WORDS: Final = frozenset({"toon", "details", "bekijk", "laat zien", "open"})
TICK_STEP_WORDS: Final = frozenset({"stap", "vink"})
NOTE_WORDS: Final = frozenset({"notitie", "aantekening"})
RESPONSE_WORDS: Final = frozenset({"reactie", "reageer", "maatregel"})
CLOSE_WORDS: Final = frozenset({"sluit", "afsluiten", "sluiten"})
STATUS_WORDS: Final = frozenset({"status", "mijn meldingen", "hoe staat het", "stand van zaken"})
AMEND_WORDS: Final = frozenset({"aanvullen", "aanvulling", "toevoegen"})
# casework2: what ends a typed command's exchange ("aanvullen REF" alone, "reactie REF"
# alone), and "no note" in the response's questions.
PENDING_END_WORDS: Final = frozenset(
    {"klaar", "stop", "stoppen", "annuleer", "annuleren", "dat is alles", "niets meer"}
)
NO_NOTE_WORDS: Final = frozenset({"geen", "geen notitie", "niets", "niks", "-"})

# The response kinds (bot/domain/closing.py Response values) as typed.
RESPONSE_KIND_WORDS: Final[dict[str, str]] = {
    "waarschuwing": "schriftelijke_waarschuwing",
    "brief": "schriftelijke_waarschuwing",
    "schriftelijke_waarschuwing": "schriftelijke_waarschuwing",
    "incidentgesprek": "incidentgesprek",
    "herstelgesprek": "herstelgesprek",
    "gesprek": "incident_en_herstelgesprek",
    "beide": "incident_en_herstelgesprek",
    "gesprekken": "incident_en_herstelgesprek",
    "incident_en_herstelgesprek": "incident_en_herstelgesprek",
    "maatregelen": "maatregelen",
}
# Measures with an end date (bot/domain/closing.py Measure values), as typed.
MEASURE_WORDS: Final[dict[str, str]] = {
    "maatregel": "beperkende_maatregelen",
    "maatregelen": "beperkende_maatregelen",
    "beperkende_maatregelen": "beperkende_maatregelen",
    "afspraken": "contactafspraken",
    "contactafspraken": "contactafspraken",
}
UNTIL_WORDS: Final = frozenset({"tot", "t/m", "tot en met"})
DAMAGES_WORDS: Final = frozenset({"schade", "schade_verhaald", "verhaald"})
UNKNOWN_PERPETRATOR_WORDS: Final = frozenset({"onbekend", "pleger_onbekend", "dader onbekend"})
# After "sluit REF": the reason for "onbekend" although a perpetrator was named, and the
# reason to close with the Arbeidsinspectie or police step open.
CLOSE_REASON_WORDS: Final = ("reden:", "waarom:")
CLOSE_OVERRIDE_WORDS: Final = ("toch:", "open:")
# Values of the annex's steps (bot/domain/annex.py) as typed.
STEP_VALUE_WORDS: Final[dict[str, str]] = {
    "melding": "melding",
    "aangifte": "aangifte",
    "dossier": "politiedossier",
    "politiedossier": "politiedossier",
    "om": "openbaar_ministerie",
    "officier": "openbaar_ministerie",
    "openbaar_ministerie": "openbaar_ministerie",
    "niet_strafbaar": "niet_strafbaar",
    "niet strafbaar": "niet_strafbaar",
    "gevraagd": "gevraagd",
    "ja": "gevraagd",
    "niet_gevraagd": "niet_gevraagd",
    "nee": "niet_gevraagd",
}
SECOND_OPINION_WORDS: Final = frozenset({"hulpofficier", "10", "second opinion"})

# "Weet je wie het deed?" answered with: nobody known.
NOBODY_WORDS: Final = frozenset(
    {"niemand", "onbekend", "een onbekende", "onbekenden", "geen", "nee niemand", "anoniem"}
)

# --- the web console (issue 12): a staff member asks for a sign-in link --------------------
# dialogs/flows/console_command.py; the runner is in bot/turns.py.
CONSOLE_WORDS: Final = frozenset({"console", "webconsole", "de console", "open de console"})

# --- insight (issue 12) ------------------------------------------------------------------
# A check-in answered with one of these starts a new report linked to the earlier case
# (bot/cases/aftercare.py): the same perpetrator may be behind it (the dossier).
HAPPENED_AGAIN_WORDS: Final = frozenset(
    {
        "er is weer iets gebeurd",
        "weer iets gebeurd",
        "het is weer gebeurd",
        "er is opnieuw iets gebeurd",
        "opnieuw iets gebeurd",
        "het gebeurde weer",
        "weer gebeurd",
    }
)
