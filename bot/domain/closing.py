"""The basisafspraak on closing: there is always a response toward the perpetrator. A case
closes only with a recorded response, or with a recorded reason why none is possible."""

from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum


class Response(StrEnum):
    """Responses toward the perpetrator (domain.md), as the handler records them."""

    WRITTEN_WARNING = "schriftelijke_waarschuwing"
    INCIDENT_TALK = "incidentgesprek"
    RECOVERY_TALK = "herstelgesprek"
    MEASURES = "maatregelen"
    POLICE = "aangifte"
    DAMAGES_RECOVERED = "schade_verhaald"
    OTHER = "anders"


class NoResponse(StrEnum):
    """Why no response toward the perpetrator is possible."""

    PERPETRATOR_UNKNOWN = "pleger_onbekend"


def may_close(responses: Sequence[str], no_response: str | None) -> bool:
    """The basisafspraak: a response was recorded, or a reason why none is possible."""
    return bool(responses) or no_response in NoResponse.__members__.values()
