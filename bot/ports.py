"""The ports the core owns: what it asks of channels and of storage, as Protocols.

The core (bot/turns.py, bot/cases/, bot/jobs/) is written against these; `adapters/` and
`storage/` implement them, and `bot/app.py` wires the concrete ones in. Nothing here
imports a channel SDK, an HTTP library or SQL.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from contextlib import AbstractAsyncContextManager
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Any, Protocol

from bot.domain.audit import AuditEntry
from bot.domain.dossier import DossierLink
from bot.domain.evaluation import EvaluationInput, EvaluationRecord
from bot.domain.identifiers import Identifier
from bot.domain.office_hours import OfficeHours
from bot.domain.records import (
    CaseCard,
    CaseEvent,
    CaseRecord,
    DeadlineRecord,
    DialogState,
    DueReminder,
    EvidenceRecord,
    NoteRecord,
    OpenCheckin,
    OutboxItem,
    PendingCommand,
    Person,
    ResponseRecord,
    StepTick,
)
from bot.domain.routing import Organisation, Route
from bot.domain.trends import CaseFacts
from dialogs.messages import Attachment, ConversationKey, Inbound, Outbound

# --- channels ---------------------------------------------------------------------------


class TurnHandler(Protocol):
    """The application side of a turn: what an adapter hands each inbound message to."""

    async def handle(self, inbound: Inbound) -> list[Outbound]:
        """Process one message and return the replies, in order.

        The application's handler returns `Replies`: unless `inbound.queue_replies` is
        False, each reply of a turn that stored something is an outbox row written in
        the turn's own transaction, for the adapter to send and settle (`ReplyOutbox`).
        A duplicate delivery returns no replies. Never raises for bad input: the
        replies then say what was wrong.
        """
        ...


class Replies(list[Outbound]):
    """A turn's replies, in order, with the outbox rows that hold them.

    `rows[i]` is the id of the row written for reply i in the turn's transaction, or
    None when nothing was kept (a refused or failed turn stored nothing; a redelivery
    does the work again). The rows are leased to the adapter that received the message:
    it sends the replies right after the commit and settles them. `send_now` is False
    when an earlier message to this conversation is still queued: then these wait
    behind it, and the adapter only hands them to the outbox worker.
    """

    def __init__(
        self,
        messages: Iterable[Outbound] = (),
        rows: Sequence[int | None] | None = None,
        send_now: bool = True,
    ) -> None:
        super().__init__(messages)
        self.rows: list[int | None] = list(rows) if rows is not None else [None] * len(self)
        if len(self.rows) != len(self):
            raise ValueError("Replies needs one row (or None) per message")
        self.send_now = send_now


def rows_of(replies: Sequence[Outbound]) -> list[int | None]:
    """The outbox row of each reply (None for all of a plain list)."""
    return list(replies.rows) if isinstance(replies, Replies) else [None] * len(replies)


class ReplyOutbox(Protocol):
    """Where an adapter reports how a turn's own sends went (bot/jobs/outbox.py).

    `sent` replies went out; the rest are the outbox worker's, in order, after the
    wait the channel asked for when `failure` says why the first of them failed. A
    reply that has no row yet (`Replies.rows`) is queued behind."""

    async def settle(
        self,
        key: ConversationKey,
        replies: Sequence[Outbound],
        sent: int,
        failure: DeliveryError | None = None,
    ) -> None: ...


@dataclass(frozen=True)
class Receipt:
    """What a channel says of a message it delivered: its id there, when it has one, and
    whether a file of the message reached the person (`file_delivered`: what the audit
    trail records as an evidence delivery; a Teams consent card delivers no file yet)."""

    message_id: str | None = None
    file_delivered: bool = False


class Channel(Protocol):
    """What the outbox needs from an adapter to deliver a proactive message."""

    name: str
    # The kinds of file notice (bot/cases/notices/ FILE_NOTICES) whose delivery on this
    # channel carries the file's bytes: only for those does the worker decrypt the file
    # (a Teams consent offer sends none; its upload does).
    file_notice_kinds: frozenset[str]

    async def send(self, key: ConversationKey, message: Outbound) -> Receipt | None:
        """Deliver one message. Raise `DeliveryError` to have the outbox retry."""
        ...


class ConversationReferences(Protocol):
    """Where a channel keeps what it needs to message a conversation proactively (a Teams
    conversation reference), so that any replica can send."""

    async def save(self, key: ConversationKey, reference: dict[str, object]) -> None: ...

    async def load(self, key: ConversationKey) -> dict[str, object] | None: ...


class DeliveryError(Exception):
    """A send failed and may be retried; `retry_after` is seconds the channel asked for."""

    def __init__(self, reason: str, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after


class LeaderLock(Protocol):
    """What a replica needs to lead (run the one Signal receiver): try, check, step down."""

    async def try_acquire(self) -> bool:
        """Become leader if nobody is; True when this replica leads (now or already)."""
        ...

    async def held(self) -> bool:
        """Whether this replica still leads."""
        ...

    async def release(self) -> None:
        """Step down (idempotent)."""
        ...


# --- storage ----------------------------------------------------------------------------


class Duplicate(Exception):
    """This delivery was processed before: the transaction is rolled back."""


class PeopleRepo(Protocol):
    """People, their roles and channel identities; organisations."""

    async def upsert_organisations(self, orgs: Iterable[Organisation]) -> int: ...

    async def organisations(self) -> list[tuple[int, Organisation]]: ...

    async def organisation_id(self, slug: str) -> int | None: ...

    async def add_person(self, name: str, now: datetime) -> int: ...

    async def add_role(self, person_id: int, role: str, org_id: int) -> None: ...

    async def add_identity(
        self,
        person_id: int,
        channel: str,
        kind: str,
        address: str,
        reference: dict[str, Any] | None = None,
    ) -> bool:
        """Bind an address to a person; False when it belongs to someone already."""
        ...

    async def set_reference(
        self, channel: str, kind: str, address: str, reference: dict[str, Any]
    ) -> bool: ...

    async def reference(self, channel: str, kind: str, address: str) -> dict[str, Any] | None: ...

    async def find_person_id(self, channel: str, kind: str, address: str) -> int | None: ...

    async def person(self, person_id: int) -> Person | None: ...

    async def everyone(self) -> list[Person]: ...

    async def people_by_id(self, ids: list[int]) -> list[Person]:
        """These people, in this order, with their roles and identities: three statements
        however many there are (none when `ids` is empty); ids not found are left out."""
        ...

    async def remove_person(self, person_id: int) -> bool: ...

    async def people_with_role(self, org_id: int, role: str) -> list[Person]: ...

    async def person_for(self, channel: str, kind: str, address: str) -> Person | None:
        """The person behind a channel address, with roles (identities not loaded)."""
        ...

    async def people_with_role_anywhere(self, role: str) -> list[Person]:
        """Everyone holding `role` at any organisation (the provincial coordinator VPT)."""
        ...

    async def org_ack_hours(self, org_id: int) -> float | None: ...

    async def org_office_hours(self, org_id: int) -> OfficeHours | None:
        """The organisation's office hours; None: the default ones."""
        ...


class DialogRepo(Protocol):
    """A turn's hot path: delivery dedupe keys, the dialog position, the answers."""

    async def claim_inbound(self, channel: str, message_id: str, now: datetime) -> bool:
        """Record a delivery; False when it was seen before (a redelivery)."""
        ...

    async def note_inbound_answer(
        self, channel: str, message_id: str, case_id: int, field: str
    ) -> None: ...

    async def inbound_answer(self, channel: str, message_id: str) -> tuple[int, str] | None: ...

    async def record_inbound(
        self, channel: str, message_id: str, now: datetime, case_id: int | None, field: str | None
    ) -> None:
        """Record a delivery with what it answered, as the turn's last statement; raise
        `Duplicate` when it was recorded before, so that the whole turn rolls back."""
        ...

    async def load_state(self, key: ConversationKey) -> DialogState | None: ...

    async def save_state(
        self, key: ConversationKey, person_id: int, state: DialogState, now: datetime
    ) -> None: ...

    async def set_answer(self, case_id: int, field: str, value: Any, now: datetime) -> None: ...

    async def load_pending(self, key: ConversationKey) -> PendingCommand | None:
        """The typed command's exchange under way in this conversation, if any."""
        ...

    async def save_pending(
        self, key: ConversationKey, person_id: int, pending: PendingCommand, now: datetime
    ) -> None:
        """Start or move on the conversation's exchange (one at a time: it replaces any)."""
        ...

    async def clear_pending(self, key: ConversationKey) -> None: ...

    async def answers(self, case_id: int) -> dict[str, Any]: ...


class CaseRepo(Protocol):
    """A case from draft to closed, its evidence and its history."""

    async def create_draft(self, reporter_id: int, channel: str, now: datetime) -> int: ...

    async def clear_answers(self, case_id: int, fields: Iterable[str]) -> None: ...

    async def add_evidence(self, case_id: int, file: Attachment, now: datetime) -> int: ...

    async def remove_evidence(self, case_id: int, evidence_id: int) -> None: ...

    async def evidence(self, case_id: int) -> list[EvidenceRecord]: ...

    async def evidence_data(self, evidence_id: int) -> bytes: ...

    async def submit_case(
        self,
        case_id: int,
        route: Route,
        org_id: int,
        role: str,
        facts: dict[str, Any],
        now: datetime,
    ) -> None: ...

    async def set_status(self, case_id: int, status: str) -> None: ...

    async def discard_draft(self, case_id: int, now: datetime, actor_id: int) -> None: ...

    async def add_event(
        self,
        case_id: int,
        at: datetime,
        kind: str,
        actor_id: int | None,
        detail: dict[str, Any] | None = None,
    ) -> None: ...

    async def add_events(
        self,
        case_id: int,
        at: datetime,
        events: Iterable[tuple[str, int | None, dict[str, Any] | None]],
    ) -> None:
        """Several events of one case at one moment, in this order, in one statement."""
        ...

    async def events(self, case_id: int) -> list[CaseEvent]: ...

    async def case(self, case_id: int) -> CaseRecord | None: ...

    async def case_by_reference(self, reference: str) -> CaseRecord | None: ...

    async def list_cases(
        self, org_id: int | None = None, include_drafts: bool = False
    ) -> list[CaseRecord]: ...

    async def cases_of_reporter(self, reporter_id: int) -> list[CaseRecord]:
        """The reporter's submitted cases, newest first (not drafts or discarded ones)."""
        ...

    async def acknowledge(self, case_id: int, person_id: int, now: datetime) -> bool:
        """Mark acknowledged; False when someone already did (a second press)."""
        ...


class CaseWorkRepo(Protocol):
    """The handler's case work: annex steps ticked, responses, notes (issue 11)."""

    async def tick_step(
        self, case_id: int, step: str, value: str | None, person_id: int | None, now: datetime
    ) -> bool:
        """Record (or re-record) a step; False when it stood so already (same value)."""
        ...

    async def steps(self, case_id: int) -> list[StepTick]: ...

    async def add_response(
        self,
        case_id: int,
        kind: str,
        measure: str | None,
        until: date | None,
        damages_recovered: bool,
        note: str | None,
        person_id: int | None,
        now: datetime,
    ) -> int: ...

    async def responses(self, case_id: int) -> list[ResponseRecord]: ...

    async def add_note(
        self, case_id: int, kind: str, text: str, person_id: int | None, now: datetime
    ) -> int:
        """Store free text on a case, encrypted (`kind` a NoteKind value)."""
        ...

    async def notes(self, case_id: int, kinds: tuple[str, ...] = ()) -> list[NoteRecord]: ...


class DeadlineRepo(Protocol):
    """A case's deadlines: set, moved, done, snoozed."""

    async def set_deadline(self, case_id: int, kind: str, due: datetime, now: datetime) -> bool:
        """Create a case's deadline, or move an open one; False when it is done already."""
        ...

    async def set_deadlines(
        self,
        case_id: int,
        plans: Sequence[tuple[str, datetime, list[tuple[str, datetime]]]],
        now: datetime,
    ) -> list[str]:
        """`set_deadline` and `replace_pending` for several deadlines (kind, due, reminder
        steps) of one case at once, in a fixed number of statements; returns the kinds that
        were set, in order (a deadline that is done already is left as it is)."""
        ...

    async def deadline_state(self, case_id: int, kind: str) -> str | None: ...

    async def mark_deadline_done(
        self, case_id: int, kind: str, person_id: int | None, now: datetime
    ) -> bool:
        """Mark done and cancel every pending reminder of it, at once; False if not open."""
        ...

    async def note_snooze(self, case_id: int, kind: str, until: datetime) -> None: ...

    async def deadline_list(self, case_id: int) -> list[tuple[str, datetime, str]]:
        """The case's deadlines as (kind, due, state), by due time: `deadlines` without the
        reminder counts and names."""
        ...

    async def deadlines(self, case_id: int) -> list[DeadlineRecord]: ...


class ReminderRepo(Protocol):
    """Reminder and check-in rows: planned, claimed by the sweep, sent, answered."""

    async def insert_steps(
        self, case_id: int, steps: list[tuple[str, str, datetime]], now: datetime
    ) -> None:
        """Insert (kind, step, due) rows in one statement; a step that exists is left alone."""
        ...

    async def add_reminders(
        self, case_id: int, kind: str, steps: list[tuple[str, datetime]], now: datetime
    ) -> None:
        """Insert the planned steps; a step that exists already is left alone."""
        ...

    async def cancel_pending(self, case_id: int, kind: str) -> int: ...

    async def pending_steps(self, case_id: int, kind: str) -> list[tuple[int, str, datetime]]: ...

    async def move_reminder(self, reminder_id: int, due: datetime) -> None: ...

    async def claim_due(
        self, now: datetime, token: str, limit: int = 500, lease_seconds: float = 120.0
    ) -> list[DueReminder]:
        """Lease up to `limit` due rows to `token` and return them with their case's facts."""
        ...

    async def explain_claim(self, now: datetime, limit: int = 500) -> str:
        """The database's plan for the sweep's claim query (tests and bench/sweep_bench.py)."""
        ...

    async def finish_claimed(
        self, reminder_id: int, token: str, now: datetime, state: str, late: bool = False
    ) -> bool:
        """Mark a leased row sent (or cancelled); False when the lease is no longer ours or the
        row was cancelled meanwhile (the deadline was marked done): then nothing is sent."""
        ...

    async def reminder_rows(self, case_id: int) -> list[dict[str, Any]]: ...

    async def open_checkin(
        self, reporter_id: int, now: datetime, open_for: timedelta
    ) -> OpenCheckin | None:
        """The reporter's latest check-in sent within `open_for` and not answered yet."""
        ...

    async def answer_checkin(self, reminder_id: int, now: datetime) -> None: ...


class OutboxRepo(Protocol):
    """The durable outbox: every message (a turn's replies too) is a row first."""

    async def enqueue(
        self,
        channel: str,
        account: str,
        recipient: str,
        payload: dict[str, Any],
        now: datetime,
        dedupe_key: str | None = None,
        due: datetime | None = None,
    ) -> bool:
        """Queue a proactive message (due now, or at `due`); False when one with this
        dedupe key exists."""
        ...

    async def enqueue_replies(
        self,
        channel: str,
        account: str,
        recipient: str,
        payloads: list[dict[str, Any]],
        now: datetime,
        lease_until: datetime,
    ) -> tuple[list[int], list[OutboxItem], bool]:
        """Write a turn's replies in order, leased to the adapter until `lease_until`;
        returns their ids, the conversation's earlier rows the turn takes over (plain text
        that was only backing off: sent first), and whether all may be sent at once
        (False when an earlier row is held or is a notice: these wait behind it)."""
        ...

    async def settle(
        self,
        sent: list[int],
        left: list[int],
        now: datetime,
        due: datetime,
        error: str | None,
        held: bool = False,
    ) -> None:
        """`sent` rows are delivered; `left` rows are the worker's from `due` (`held`: the
        channel asked for that wait), the first counted as tried when `error` is given."""
        ...

    async def counts(self) -> dict[str, int]: ...

    async def claim_due(
        self,
        now: datetime,
        channels: list[str],
        limit: int = 50,
        lease_seconds: float = 60.0,
        recipient: str | None = None,
    ) -> list[OutboxItem]:
        """Lease the rows to send now (of one recipient, when given): per conversation
        whose oldest pending row is due, that row and the due rows right behind it,
        grouped by conversation, in order. Another replica skips them until
        `lease_seconds` have passed."""
        ...

    async def mark_sent(self, item_id: int, now: datetime) -> None: ...

    async def mark_retry(
        self, item_id: int, next_attempt_at: datetime, error: str, held: bool = False
    ) -> None:
        """Try again at `next_attempt_at`; `held`: the channel asked for that wait."""
        ...

    async def pending_for(self, channel: str, recipient: str) -> list[OutboxItem]: ...

    async def all_items(self) -> list[tuple[OutboxItem, str]]: ...


class ConversationRepo(Protocol):
    """Conversation references for proactive messages, and the messages showing a case card."""

    async def save_conversation(
        self, conversation: str, reference: dict[str, Any], now: datetime
    ) -> None:
        """Upsert the reference of a conversation that no identity holds (yet)."""
        ...

    async def conversation(self, conversation: str) -> dict[str, Any] | None: ...

    async def link_team_channel(self, org_id: int, reference: dict[str, Any]) -> None: ...

    async def linked_team_recipient(self, org_id: int) -> str | None:
        """The outbox recipient of the organisation's team channel, when one is linked."""
        ...

    async def team_channel_by_slug(self, slug: str) -> dict[str, Any] | None: ...

    async def record_card(
        self,
        case_id: int,
        channel: str,
        recipient: str,
        message_id: str,
        audience: str,
        now: datetime,
    ) -> None: ...

    async def cards_of(self, case_id: int) -> list[CaseCard]: ...

    async def card_by_message(self, channel: str, message_id: str) -> CaseCard | None: ...


class RetentionRepo(Protocol):
    """Deleting bookkeeping rows that have done their work."""

    async def purge(self, now: datetime, keep_days: int) -> dict[str, int]:
        """Delete dedupe keys and delivered outbox rows older than `keep_days`."""
        ...


class AuditRepo(Protocol):
    """The audit trail: append-only (no way to change or remove an entry)."""

    async def append(self, entry: AuditEntry) -> int:
        """Add one entry; returns its id."""
        ...

    async def for_case(self, case_id: int) -> list[AuditEntry]:
        """The case's entries in the order they happened, with names filled in."""
        ...


class EvaluationRepo(Protocol):
    """Case evaluations (issue 12): asked for at closing, filled in by the handler."""

    async def request(self, case_id: int, now: datetime) -> bool:
        """Ask for the case's evaluation; False when it was asked for before."""
        ...

    async def save(
        self, case_id: int, given: EvaluationInput, person_id: int | None, now: datetime
    ) -> None: ...

    async def evaluation(self, case_id: int) -> EvaluationRecord | None: ...

    async def open_evaluations(self, org_id: int | None = None) -> list[EvaluationRecord]: ...


class DossierRepo(Protocol):
    """The perpetrator dossier: keyed hashes of identifiers, links between cases."""

    async def set_marks(self, case_id: int, found: Iterable[Identifier]) -> list[tuple[int, str]]:
        """Keep only the keyed hashes of `found` for the case; returns the other cases
        sharing one, as (case id, kind)."""
        ...

    async def stale_mark_cases(self, batch: int = 500) -> list[int]: ...

    async def suggest(self, case_x: int, case_y: int, reason: str, now: datetime) -> bool: ...

    async def decide(
        self, link_id: int, state: str, person_id: int | None, now: datetime
    ) -> bool: ...

    async def link(self, link_id: int) -> DossierLink | None: ...

    async def links_of(self, case_ids: Sequence[int]) -> list[DossierLink]: ...

    async def suggested(self) -> list[DossierLink]: ...

    async def set_follows(self, case_id: int, earlier_id: int) -> None: ...

    async def follows(self, case_id: int) -> int | None: ...


class TrendRepo(Protocol):
    """The plain, non-identifying facts trends are counted from."""

    async def case_facts(self, since: datetime, org_id: int | None = None) -> list[CaseFacts]: ...


class ConsoleLinkRepo(Protocol):
    """Single-use sign-in links of the web console, stored as hashes of their token."""

    async def add_link(
        self, token_hash: str, person_id: int, now: datetime, expires_at: datetime
    ) -> None: ...

    async def redeem_link(self, token_hash: str, now: datetime) -> int | None:
        """The link's person, marking it used; None when unknown, used or expired."""
        ...

    async def purge_links(self, before: datetime) -> int: ...


class Tx(Protocol):
    """One transaction: every call on its repositories commits together or not at all."""

    @property
    def people(self) -> PeopleRepo: ...
    @property
    def dialogs(self) -> DialogRepo: ...
    @property
    def cases(self) -> CaseRepo: ...
    @property
    def casework(self) -> CaseWorkRepo: ...
    @property
    def deadlines(self) -> DeadlineRepo: ...
    @property
    def reminders(self) -> ReminderRepo: ...
    @property
    def outbox(self) -> OutboxRepo: ...
    @property
    def conversations(self) -> ConversationRepo: ...
    @property
    def retention(self) -> RetentionRepo: ...
    @property
    def audit(self) -> AuditRepo: ...
    @property
    def evaluations(self) -> EvaluationRepo: ...
    @property
    def dossier(self) -> DossierRepo: ...
    @property
    def trends(self) -> TrendRepo: ...
    @property
    def console_links(self) -> ConsoleLinkRepo: ...

    def savepoint(self) -> AbstractAsyncContextManager[None]:
        """A nested transaction: an error inside rolls back only what was done inside."""
        ...


class Store(Protocol):
    def transaction(self) -> AbstractAsyncContextManager[Tx]:
        """A transaction that commits when the block ends without an error."""
        ...
