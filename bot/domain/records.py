"""Plain records the application passes around; storage builds them, nothing here does I/O."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from bot.domain.routing import Organisation


class CaseStatus(StrEnum):
    DRAFT = "draft"
    SUBMITTED = "submitted"
    ACKNOWLEDGED = "acknowledged"
    CLOSED = "closed"
    DISCARDED = "discarded"


# A case that was never sent: nobody but its reporter has anything to do with it.
UNSENT = frozenset({CaseStatus.DRAFT, CaseStatus.DISCARDED})


class EventKind(StrEnum):
    """What a case's history records (`case_events.kind`)."""

    DRAFT_STARTED = "draft_started"
    DRAFT_DISCARDED = "draft_discarded"
    SUBMITTED = "submitted"
    ACKNOWLEDGED = "acknowledged"
    DEADLINE_SET = "deadline_set"
    DEADLINE_DONE = "deadline_done"
    DEADLINE_SNOOZED = "deadline_snoozed"
    REMINDER_SENT = "reminder_sent"
    ACKNOWLEDGE_NOTICES = "acknowledge_notices"
    CHECKIN_SENT = "checkin_sent"
    CHECKIN_ANSWERED = "checkin_answered"
    CHECKIN_CONTACT_REQUESTED = "checkin_contact_requested"
    CHECKIN_STOPPED = "checkin_stopped"
    RESPONSE = "response"
    CLOSED = "closed"
    ROUTED_STAND_IN = "routed_stand_in"  # no handler reachable: the deputy or coordinator got it
    STEP_TICKED = "step_ticked"  # one of the annex's nine steps (issue 11)
    NOTE_ADDED = "note_added"  # an internal note (its text is in case_notes, encrypted)
    SUPPLEMENTED = "supplemented"  # the reporter added text or files after submitting


class DeadlineState(StrEnum):
    OPEN = "open"
    DONE = "done"


class ReminderState(StrEnum):
    PENDING = "pending"
    SENT = "sent"
    CANCELLED = "cancelled"


class OutboxStatus(StrEnum):
    PENDING = "pending"
    SENT = "sent"


# The outbox recipient that stands for an organisation's linked team channel.
TEAM_RECIPIENT_PREFIX = "org:"


def team_recipient(org_slug: str) -> str:
    return TEAM_RECIPIENT_PREFIX + org_slug


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
    # Counts answer changes; a press on a card of an older revision is refused.
    revision: int = 0


@dataclass(frozen=True)
class PendingCommand:
    """A typed command's exchange under way in one conversation (storage
    `pending_commands`): `kind` which ("amend", "response"), the case it is about, the
    `step` it waits at, and what was answered so far (`data`, stored encrypted)."""

    kind: str
    case_id: int
    step: str
    data: dict[str, Any] = field(default_factory=dict)


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


@dataclass(frozen=True)
class OutboxItem:
    """One queued proactive message, as the outbox worker delivers it."""

    id: int
    channel: str
    account: str
    recipient: str
    payload: dict[str, Any]
    attempts: int
    created_at: datetime


@dataclass(frozen=True)
class CaseCard:
    """A message that shows a case card (`audience`: "handler" or "team")."""

    case_id: int
    channel: str
    recipient: str
    message_id: str
    audience: str


class NoteKind(StrEnum):
    """Free text on a case after submission (`case_notes.kind`), all encrypted."""

    NOTE = "note"  # a handler's internal note: never shown to the reporter
    ADDITION = "addition"  # what the reporter added ("aanvullen REF")
    CLOSE_REASON = "close_reason"  # why no response although the perpetrator was named
    OVERRIDE = "override"  # why the case closed with its Arbeidsinspectie/police step open


@dataclass(frozen=True)
class StepTick:
    """One annex step ticked on a case (bot/domain/annex.py)."""

    step: str
    value: str | None
    by: str | None
    at: datetime


@dataclass(frozen=True)
class ResponseRecord:
    """A response toward the perpetrator, as recorded."""

    id: int
    kind: str
    measure: str | None
    measures_until: date | None
    damages_recovered: bool
    note: str | None
    by: str | None
    at: datetime


@dataclass(frozen=True)
class NoteRecord:
    id: int
    kind: str
    by: str | None
    author_id: int | None
    at: datetime
    text: str
