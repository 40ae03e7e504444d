"""Every text the bot says, in Dutch at B1 level: short sentences, plain words.

One catalogue, so that wording is reviewed in one place. Look texts up with `say(key,
**values)`; a missing key or value is a programming error and raises at once.
"""

from __future__ import annotations

from typing import Final

TEXTS: Final[dict[str, str]] = {
    # --- channel-level replies (adapters use these) ---
    "group_not_supported": (
        "Ik werk alleen in een chat met één persoon. Stuur me een bericht in een "
        "eigen chat. Ben je in gevaar? Bel 112."
    ),
    "file_too_large": (
        "Dit bestand is te groot ({size}). Het mag hoogstens {limit} zijn. "
        "Stuur een kleiner bestand, of een link."
    ),
    "file_not_accepted": (
        "Dit soort bestand kan ik niet bewaren ({kind}). Stuur een foto, een "
        "geluidsopname, een pdf of een link."
    ),
    "message_too_long": (
        "Je bericht is te lang. Ik heb het niet bewaard. Maak het korter dan {limit} "
        "tekens, of stuur het in delen."
    ),
    "unknown_sender": (
        "Hallo. Dit is Weerbaar: hier melden politieke ambtsdragers in de provincie "
        "Utrecht agressie, bedreiging en intimidatie. Je nummer is nog niet bekend. "
        "Wil je dit gebruiken? Vraag dan je griffier of secretaris om je aan te melden. "
        "Ben je nu in gevaar? Bel 112."
    ),
    "sorry_error": (
        "Sorry, er ging iets mis aan mijn kant. Wat je al hebt gestuurd is bewaard. "
        "Probeer het over een paar minuten nog eens. Ben je in gevaar? Bel 112."
    ),
    "not_allowed": "Dit mag je niet doen bij deze melding. Er is niets veranderd.",
}


def say(key: str, **values: object) -> str:
    """The Dutch text for `key`, with `values` filled in."""
    return TEXTS[key].format(**values)
