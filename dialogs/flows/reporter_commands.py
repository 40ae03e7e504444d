"""What a reporter types about a case they sent (issue 11):

    status                        their open cases and what happened
    aanvullen WB-ABC234 tekst     add text (or, with the message, files) to a sent case

Pure parsing; bot/cases/reporter.py applies it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.text import vocabulary
from dialogs.engine import normalise
from dialogs.flows.handler_commands import normalise_reference
from dialogs.messages import Inbound

_AMEND = re.compile(r"^(?P<verb>\S+)\s+(?P<ref>wb-?[0-9a-z]{6})(?:\s+(?P<rest>.*))?$", re.I | re.S)


@dataclass(frozen=True)
class Amend:
    reference: str
    text: str


def is_status(inbound: Inbound) -> bool:
    return not inbound.attachments and normalise(inbound.text) in vocabulary.STATUS_WORDS


def parse_amend(text: str) -> Amend | None:
    match = _AMEND.match(text.strip())
    if match is None or normalise(match["verb"]) not in vocabulary.AMEND_WORDS:
        return None
    return Amend(normalise_reference(match["ref"]), (match["rest"] or "").strip())


def is_reporter_command(inbound: Inbound) -> bool:
    """ "status" or "aanvullen REF ..." (the registry's test, dialogs/flows/__init__.py)."""
    return is_status(inbound) or parse_amend(inbound.text) is not None
