"""Plain records the application passes around; storage builds them, nothing here does I/O."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from bot.domain.routing import Organisation


@dataclass(frozen=True)
class PersonRole:
    role: str
    org: Organisation
    org_id: int


@dataclass(frozen=True)
class Identity:
    channel: str
    kind: str
    address: str
    reachable: bool = True


@dataclass(frozen=True)
class Person:
    id: int
    name: str
    roles: tuple[PersonRole, ...]
    identities: tuple[Identity, ...] = ()


@dataclass
class DialogState:
    """Where a person is in a conversation. `answers` is loaded with it, for the engine."""

    flow: str | None = None
    step: str | None = None
    history: list[str] = field(default_factory=list)
    paused: bool = False
    case_id: int | None = None
    answers: dict[str, Any] = field(default_factory=dict)
    updated_at: datetime | None = None  # the last message of this conversation


@dataclass(frozen=True)
class CaseRecord:
    id: int
    reference: str
    status: str
    reporter_id: int
    reporter_name: str
    channel: str
    role: str | None
    org: Organisation | None
    org_id: int | None
    handler_function: str | None
    informed: tuple[str, ...]
    kinds: tuple[str, ...]
    serious: bool
    criminal_suspected: bool
    incident_start: datetime | None
    incident_end: datetime | None
    created_at: datetime
    submitted_at: datetime | None
    acknowledged_at: datetime | None
    acknowledged_by: str | None


@dataclass(frozen=True)
class EvidenceRecord:
    id: int
    filename: str
    content_type: str
    size: int
    created_at: datetime


@dataclass(frozen=True)
class CaseEvent:
    at: datetime
    kind: str
    actor: str | None
    detail: dict[str, Any]


@dataclass(frozen=True)
class DeadlineRecord:
    """One of a case's deadlines as stored: its state and who marked it done, when."""

    kind: str
    due_at: datetime
    state: str  # open, done
    created_at: datetime
    done_at: datetime | None
    done_by: str | None
    snoozed_until: datetime | None
    pending_reminders: int = 0
    sent_reminders: int = 0


@dataclass(frozen=True)
class DueReminder:
    """A claimed reminder or check-in row, with what the sweep needs to word it."""

    id: int
    case_id: int
    kind: str
    step: str
    due_at: datetime
    deadline_due: datetime | None
    reference: str
    reporter_id: int
    channel: str
    role: str | None
    org_id: int | None
    org_name: str | None
    handler_function: str | None
    serious: bool


@dataclass(frozen=True)
class OpenCheckin:
    reminder_id: int
    case_id: int
    reference: str
    step: str
    org_id: int | None
    handler_function: str | None
