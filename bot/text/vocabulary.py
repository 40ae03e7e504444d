"""The words people type that the bot understands, in one place.

The catalogue (bot/text/catalogue.py) holds what the bot says; this module holds what it
listens for. Pure data: every list is matched against text that is already normalised
(lower case, single spaces, no trailing "." or "!"), on the whole text and never as a
substring. Numbers ("1", "2") and card values are not words and stay with their parsers.
The words of dates and times ("gisteravond", "zojuist") stay with the date grammar in
bot/domain/dates.py: the domain imports nothing else of the bot (tests/test_layers.py).
"""

from __future__ import annotations

from typing import Final

# --- anywhere in a guided flow (dialogs/engine.py) ---------------------------------------

STOP_WORDS: Final = frozenset({"stop", "stoppen", "pauze", "later"})
HELP_WORDS: Final = frozenset({"help", "hulp", "?", "menu"})
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

# --- the report's questions (dialogs/flows/report.py) ------------------------------------

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
