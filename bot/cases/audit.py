"""Writing and reading a case's audit trail (bot/domain/audit.py) from the use cases.

`record` is what every use case calls when someone sees or does something with a case,
or tries to and is refused. `record_by` is the same for the usual case of "this person,
on this channel": on the command line (channel `CLI`) the operator acts, so the person
is put down as on whose behalf. `viewed_by` is the "bekeken door" line of a case view.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bot.domain.audit import CLI, AuditAction, AuditEntry
from bot.domain.records import CaseRecord
from bot.ports import Tx


async def record(
    tx: Tx,
    case: CaseRecord | int,
    actor: int | None,
    action: AuditAction | str,
    channel: str,
    now: datetime,
    detail: dict[str, Any] | None = None,
    on_behalf_of: int | None = None,
) -> int:
    """Append one audit entry in the transaction `tx`; returns its id."""
    case_id = case if isinstance(case, int) else case.id
    return await tx.audit.append(
        AuditEntry(case_id, actor, str(action), channel, now, detail, on_behalf_of)
    )


async def record_by(
    tx: Tx,
    case: CaseRecord | int,
    person_id: int | None,
    channel: str,
    action: AuditAction | str,
    now: datetime,
    detail: dict[str, Any] | None = None,
) -> int:
    """Append an entry for `person_id` acting on `channel`; on the command line the
    operator is the actor and `person_id` is whom they acted for."""
    if channel == CLI:
        return await record(tx, case, None, action, channel, now, detail, person_id)
    return await record(tx, case, person_id, action, channel, now, detail)


async def refused(
    tx: Tx,
    case: CaseRecord | int,
    person_id: int | None,
    channel: str,
    attempt: AuditAction | str,
    now: datetime,
) -> int:
    """Record an attempt that was refused: `attempt` is what was tried."""
    return await record_by(
        tx, case, person_id, channel, AuditAction.REFUSED, now, {"attempt": str(attempt)}
    )


async def viewed_by(tx: Tx, case_id: int) -> list[tuple[str, datetime]]:
    """Who saw the case's content, each once with their latest view, in order of that."""
    latest: dict[int, tuple[str, datetime]] = {}
    for entry in await tx.audit.for_case(case_id):
        if entry.action != AuditAction.VIEW or entry.person_id is None:
            continue
        name = entry.actor_name if entry.actor_id is not None else entry.on_behalf_name
        latest.pop(entry.person_id, None)
        latest[entry.person_id] = (name or "?", entry.at)
    return list(latest.values())
