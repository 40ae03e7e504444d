"""Closing a case, under the basisafspraak (bot/domain/closing.py): recording a response
toward the perpetrator, and closing once one is recorded or none is possible."""

from __future__ import annotations

from datetime import datetime

from bot.domain.closing import NoResponse, Response, may_close
from bot.domain.deadlines import DeadlineKind
from bot.domain.records import CaseRecord, EventKind
from bot.errors import OperatorError
from bot.ports import Tx


class CloseRefused(OperatorError):
    """The case cannot close yet; the message says why, in English, for the operator."""


async def record_response(
    tx: Tx, case: CaseRecord, actor_id: int, response: str, now: datetime
) -> None:
    if response not in Response.__members__.values():
        raise CloseRefused("Unknown response; one of: " + ", ".join(r.value for r in Response))
    await tx.cases.add_event(case.id, now, EventKind.RESPONSE, actor_id, {"response": response})


async def close_case(
    tx: Tx, case: CaseRecord, actor_id: int, now: datetime, no_response: str | None = None
) -> list[str]:
    """Close the case; returns the responses recorded. Its deadline reminders stop (the
    reporter's check-ins go on: aftercare outlives the case)."""
    if case.status in ("draft", "discarded", "closed"):
        raise CloseRefused(f"{case.reference} is {case.status}: nothing to close.")
    if no_response is not None and no_response not in NoResponse.__members__.values():
        raise CloseRefused("Unknown reason; one of: " + ", ".join(n.value for n in NoResponse))
    responses = [
        str(e.detail.get("response"))
        for e in await tx.cases.events(case.id)
        if e.kind == "response"
    ]
    if not may_close(responses, no_response):
        raise CloseRefused(
            f"{case.reference} has no recorded response toward the perpetrator. Record one "
            "(cases record REF response KIND) or give --no-response pleger_onbekend."
        )
    await tx.cases.set_status(case.id, "closed")
    for kind in DeadlineKind:
        await tx.reminders.cancel_pending(case.id, kind.value)
    await tx.cases.add_event(
        case.id,
        now,
        EventKind.CLOSED,
        actor_id,
        {"responses": responses, "no_response": no_response},
    )
    return responses
