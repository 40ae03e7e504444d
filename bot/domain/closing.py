"""The basisafspraak on closing: there is always a response toward the perpetrator.

A case closes only with a recorded response, or with "pleger onbekend" when the reporter
named or described no perpetrator (when they did, the handler must say why none is
possible, and that is recorded). It never closes while nobody took it in hand, nor while
its Arbeidsinspectie or police step is open, unless the handler records why.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum


class Response(StrEnum):
    """Responses toward the perpetrator (domain.md), as the handler records them. The first
    four are what the response form offers; the others stay readable in older cases."""

    WRITTEN_WARNING = "schriftelijke_waarschuwing"
    INCIDENT_TALK = "incidentgesprek"
    RECOVERY_TALK = "herstelgesprek"
    INCIDENT_AND_RECOVERY_TALK = "incident_en_herstelgesprek"  # the most common
    MEASURES = "maatregelen"
    POLICE = "aangifte"
    DAMAGES_RECOVERED = "schade_verhaald"
    OTHER = "anders"


# What the response form offers, in this order.
OFFERED: tuple[Response, ...] = (
    Response.WRITTEN_WARNING,
    Response.INCIDENT_TALK,
    Response.RECOVERY_TALK,
    Response.INCIDENT_AND_RECOVERY_TALK,
    Response.MEASURES,
)


class Measure(StrEnum):
    """Measures with a period that ends: on that date the recovery talk falls."""

    RESTRICTIVE = "beperkende_maatregelen"
    CONTACT_AGREEMENTS = "contactafspraken"


class NoResponse(StrEnum):
    """Why no response toward the perpetrator is possible."""

    PERPETRATOR_UNKNOWN = "pleger_onbekend"


class Refused(StrEnum):
    """Why a case may not close (yet)."""

    NOT_ACKNOWLEDGED = "not_acknowledged"
    NO_RESPONSE = "no_response"
    PERPETRATOR_NAMED = "perpetrator_named"  # "pleger onbekend", yet the reporter named one
    STEPS_OPEN = "steps_open"  # Arbeidsinspectie or police step open, no reason given


@dataclass(frozen=True)
class CloseRequest:
    """What closing asks of the case, as plain facts."""

    acknowledged: bool
    responses: Sequence[str]
    perpetrator_named: bool  # the reporter named or described the perpetrator
    open_required: Sequence[str]  # deadline kinds (arbeidsinspectie, police) still open
    no_response: str | None = None
    reason: str = ""  # why no response although named
    override: str = ""  # why it closes with a required step open


def refusals(request: CloseRequest) -> list[Refused]:
    """Every reason the case may not close; empty: it may."""
    found: list[Refused] = []
    if not request.acknowledged:
        found.append(Refused.NOT_ACKNOWLEDGED)
    if not request.responses:
        if request.no_response not in NoResponse.__members__.values():
            found.append(Refused.NO_RESPONSE)
        elif request.perpetrator_named and not request.reason.strip():
            found.append(Refused.PERPETRATOR_NAMED)
    if request.open_required and not request.override.strip():
        found.append(Refused.STEPS_OPEN)
    return found


def may_close(responses: Sequence[str], no_response: str | None) -> bool:
    """The basisafspraak alone: a response was recorded, or a reason why none is possible."""
    return bool(responses) or no_response in NoResponse.__members__.values()
