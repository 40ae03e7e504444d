"""The audit trail of a case: who saw or did what, when, through which channel.

Pure records. Every view of case content, every evidence delivery and every case action
(and every refused attempt) is one `AuditEntry`, appended and never changed
(storage/repos/audit.py; the table refuses UPDATE and DELETE). The use cases write them
through bot/cases/audit.py `record`.

The command line acts as the operator: its entries have no `actor_id` (no enrolled person
typed them) and name in `on_behalf_of` the person the operator acted for (`--by`).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

CLI = "cli"  # the channel of an entry written by the operator's command line
SYSTEM = "system"  # the channel of an entry written by the bot itself (a migration, a job)


class AuditAction(StrEnum):
    """What an audit entry records. Extendable: a new value needs no migration."""

    VIEW = "view"  # the case's content was shown
    EVIDENCE = "evidence"  # an evidence file was delivered
    ACKNOWLEDGE = "acknowledge"  # taken in hand
    STEP = "step"  # one of the nine steps ticked
    RESPONSE = "response"  # a response toward the perpetrator recorded
    NOTE = "note"  # an internal note added
    CLOSE = "close"  # closed
    REFUSED = "refused"  # someone tried what they may not (detail: "attempt")
    DEADLINE_DONE = "deadline_done"
    DEADLINE_LATER = "deadline_later"  # snoozed (detail: deadline, until, reason)
    PARTIES = "parties"  # the informed parties confirmed
    AMEND = "amend"  # the reporter added to a submitted case
    INCIDENT_TALK = "incident_talk"  # an incident talk planned
    MEASURES_END = "measures_end"  # the end date of restrictive measures recorded
    EVALUATE = "evaluate"  # the case's evaluation filled in (issue 12)
    DOSSIER = "dossier"  # a dossier link confirmed or rejected (detail: link, state)


@dataclass(frozen=True)
class AuditEntry:
    """One row of a case's audit trail.

    `detail` is free data (JSON values) and is stored encrypted: it may hold a reason
    someone typed. `actor_name` and `on_behalf_name` are filled in when read back.
    """

    case_id: int
    actor_id: int | None
    action: str
    channel: str
    at: datetime
    detail: dict[str, Any] | None = None
    on_behalf_of: int | None = None
    id: int | None = field(default=None, compare=False)
    actor_name: str | None = field(default=None, compare=False)
    on_behalf_name: str | None = field(default=None, compare=False)

    @property
    def person_id(self) -> int | None:
        """The person the entry is about: who acted, or for whom the operator acted."""
        return self.actor_id if self.actor_id is not None else self.on_behalf_of
