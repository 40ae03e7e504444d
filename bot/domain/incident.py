"""What the guideline says of an incident, from the answers of a report: its kinds, the
injuries that count as serious harm, and when a criminal offence is suspected.

Pure data and functions: the report flow (dialogs/flows/report/) asks for these values,
the submission (bot/cases/submit.py) reads them.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

# The kinds of behaviour of the guideline (section 4), as stored values.
KINDS = (
    "emotioneel_gedrag",
    "verbale_agressie",
    "bedreiging",
    "intimidatie",
    "discriminatie",
    "fysiek_geweld",
    "vernieling",
    "online",
    "anders",
)
INJURIES = ("lichamelijk_letsel", "psychisch_letsel", "ziekenhuis", "blijvend", "geen")
SERIOUS_INJURIES = frozenset(INJURIES) - {"geen"}


def is_serious(answers: Mapping[str, Any]) -> bool:
    """Physical or mental injury, hospital admission or lasting harm (domain.md)."""
    return bool(set(answers.get("injury") or ()) & SERIOUS_INJURIES)


def criminal_suspected(answers: Mapping[str, Any]) -> bool:
    """A criminal offence is suspected: then the police come in within 2 working days."""
    # "Weet ik niet" counts: the handler checks it with the police rather than miss one.
    return answers.get("criminal") in ("ja", "weet_niet")


def unsafe_at_report(answers: Mapping[str, Any]) -> bool:
    """The reporter was not safe at some point while reporting (the safety question got a
    "no" or a cry for help; asked again on return, "safe" holds the latest answer)."""
    return answers.get("safe") is False or answers.get("was_unsafe") is True
