"""Deadlines of a case, kept by the bot: set them from case events, mark them done, snooze.

The clocks themselves are pure (bot/domain/deadlines.py, bot/domain/reminder_plan.py); this
module turns case events into deadline and reminder rows through `tx.deadlines` and
`tx.reminders` (storage/repos/reminders.py), and applies a handler's "Gedaan"/"Later" from
any channel: `apply_deadline_action` is what the Teams card handler and the text commands
("gedaan REF TAAK", "later REF TAAK reden") both call.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime

from bot.cases.acknowledge import AckStatus, acknowledge_case
from bot.cases.audit import record_by, refused
from bot.domain.audit import SYSTEM, AuditAction
from bot.domain.deadlines import CaseFacts, DeadlineKind, deadlines_for
from bot.domain.office_hours import OfficeHours
from bot.domain.permissions import may_act
from bot.domain.records import CaseRecord, DeadlineState, EventKind, Person
from bot.domain.reminder_plan import (
    CHECKIN,
    PlannedStep,
    ReminderPolicy,
    checkin_steps,
    deadline_steps,
    snoozed_steps,
)
from bot.errors import UserError
from bot.ports import Tx
from bot.text.catalogue import say
from bot.text.format import short_moment
from dialogs.flows.handler_commands import (
    Action,
    kind_from_word,
    kind_word,
    kind_words,
    parse_command,
)
from dialogs.messages import Outbound

log = logging.getLogger(__name__)

DEFAULT_ACK_HOURS = 4.0


def task(kind: str) -> str:
    return say(f"deadline_{kind}")


def case_facts_of(
    case: CaseRecord,
    ack_hours: float | None,
    incident_talk_planned: bool = False,
    measures_end: date | None = None,
) -> CaseFacts:
    assert case.submitted_at is not None, "only a submitted case has deadlines"
    return CaseFacts(
        submitted_at=case.submitted_at,
        # A time range ("gisteravond") counts from its start: the earlier, stricter clock.
        incident_at=case.incident_start or case.submitted_at,
        serious=case.serious,
        criminal_suspected=case.criminal_suspected,
        incident_talk_planned=incident_talk_planned,
        measures_end=measures_end,
        ack_hours=DEFAULT_ACK_HOURS if ack_hours is None else ack_hours,
    )


async def office_hours_of(tx: Tx, case: CaseRecord) -> OfficeHours | None:
    """When reminders of the case may reach its handlers; None: the default hours."""
    return await tx.people.org_office_hours(case.org_id) if case.org_id else None


def _plan(steps: list[PlannedStep]) -> list[tuple[str, datetime]]:
    return [(s.step, s.due) for s in steps]


async def _set_all(
    tx: Tx,
    case: CaseRecord,
    deadlines: list[tuple[DeadlineKind, datetime]],
    policy: ReminderPolicy,
    now: datetime,
    actor_id: int | None,
) -> list[str]:
    """Set the deadlines with their reminder plans (in the organisation's office hours)
    and record a "deadline_set" event for each that was set; returns the kinds set. A
    deadline done already stays as it is."""
    due_of = {kind.value: due for kind, due in deadlines}
    hours = await office_hours_of(tx, case)
    done = await tx.deadlines.set_deadlines(
        case.id,
        [
            (kind.value, due, _plan(deadline_steps(due, now, policy, hours)))
            for kind, due in deadlines
        ],
        now,
    )
    await tx.cases.add_events(
        case.id,
        now,
        [
            ("deadline_set", actor_id, {"deadline": kind, "due": due_of[kind].isoformat()})
            for kind in done
        ],
    )
    return done


async def _set(
    tx: Tx,
    case: CaseRecord,
    kind: DeadlineKind,
    due: datetime,
    policy: ReminderPolicy,
    now: datetime,
    actor_id: int | None,
) -> bool:
    return bool(await _set_all(tx, case, [(kind, due)], policy, now, actor_id))


async def schedule_case(tx: Tx, case: CaseRecord, policy: ReminderPolicy, now: datetime) -> None:
    """On submission: the case's deadlines with their reminders, and the check-ins."""
    ack_hours = await tx.people.org_ack_hours(case.org_id) if case.org_id else None
    await _set_all(
        tx,
        case,
        [(d.kind, d.due) for d in deadlines_for(case_facts_of(case, ack_hours))],
        policy,
        now,
        None,
    )
    assert case.submitted_at is not None
    await tx.reminders.add_reminders(
        case.id, CHECKIN, _plan(checkin_steps(case.submitted_at, policy)), now
    )


async def record_incident_talk(
    tx: Tx, case: CaseRecord, actor_id: int | None, policy: ReminderPolicy, now: datetime
) -> datetime:
    """The handler plans an incident talk: its 72-hour clock starts to be watched."""
    return await _record(
        tx, case, DeadlineKind.INCIDENT_TALK, actor_id, policy, now, incident_talk_planned=True
    )


async def record_measures_end(
    tx: Tx,
    case: CaseRecord,
    end: date,
    actor_id: int | None,
    policy: ReminderPolicy,
    now: datetime,
) -> datetime:
    """Restrictive measures end on `end`: the recovery talk falls on that date."""
    return await _record(
        tx, case, DeadlineKind.RECOVERY_TALK, actor_id, policy, now, measures_end=end
    )


async def _record(
    tx: Tx,
    case: CaseRecord,
    kind: DeadlineKind,
    actor_id: int | None,
    policy: ReminderPolicy,
    now: datetime,
    incident_talk_planned: bool = False,
    measures_end: date | None = None,
) -> datetime:
    ack_hours = await tx.people.org_ack_hours(case.org_id) if case.org_id else None
    found = deadlines_for(case_facts_of(case, ack_hours, incident_talk_planned, measures_end))
    due = next(d.due for d in found if d.kind is kind)
    if not await _set(tx, case, kind, due, policy, now, actor_id):
        raise ActionError(say("action_already_done", task=task(kind), reference=case.reference))
    return due


# --- "Gedaan" and "Later" -------------------------------------------------------------------


class ActionError(UserError):
    """A handler action that cannot be applied; the message is the Dutch reply."""


@dataclass(frozen=True)
class ActionOutcome:
    """What a "Gedaan"/"Later" did. `text` is the Dutch reply for the person who acted."""

    ok: bool
    text: str
    reference: str | None = None
    kind: str | None = None
    state: str | None = None  # the deadline's state after the action: open or done
    snoozed_until: datetime | None = None
    changed: bool = False  # this action changed something in the case


async def mark_done(
    tx: Tx,
    case: CaseRecord,
    kind: DeadlineKind,
    actor_id: int,
    now: datetime,
    channel: str = SYSTEM,
) -> bool:
    """Mark a deadline done (with who and when); its pending reminders stop at once.
    False when nothing changed."""
    if kind is DeadlineKind.ACKNOWLEDGE and case.status == "submitted":
        # The same as the card's "In behandeling nemen": the reporter, the informed
        # parties and every card copy hear of it, and the deadline is done.
        outcome = await acknowledge_case(tx, actor_id, case.reference, now, channel=channel)
        return outcome.status is AckStatus.ACKNOWLEDGED
    if not await tx.deadlines.mark_deadline_done(case.id, kind.value, actor_id, now):
        return False
    await tx.cases.add_event(
        case.id, now, EventKind.DEADLINE_DONE, actor_id, {"deadline": kind.value}
    )
    await record_by(
        tx, case, actor_id, channel, AuditAction.DEADLINE_DONE, now, {"deadline": kind.value}
    )
    return True


async def snooze(
    tx: Tx,
    case: CaseRecord,
    kind: DeadlineKind,
    actor_id: int,
    reason: str,
    policy: ReminderPolicy,
    now: datetime,
    channel: str = SYSTEM,
) -> datetime:
    """Postpone the deadline's next reminder by the snooze time. The reason is free text:
    it goes into the audit trail, which is encrypted, and not into the case history."""
    pending = await tx.reminders.pending_steps(case.id, kind.value)
    moved, until = snoozed_steps(
        [PlannedStep(s, d) for _i, s, d in pending], now, policy, await office_hours_of(tx, case)
    )
    for (rid, _step, _due), new in zip(pending, moved, strict=True):
        await tx.reminders.move_reminder(rid, new.due)
    await tx.deadlines.note_snooze(case.id, kind.value, until)
    detail = {"deadline": kind.value, "until": until.isoformat()}
    await tx.cases.add_event(case.id, now, EventKind.DEADLINE_SNOOZED, actor_id, detail)
    await record_by(
        tx,
        case,
        actor_id,
        channel,
        AuditAction.DEADLINE_LATER,
        now,
        {**detail, "reason": reason[:500]},
    )
    return until


def _attempt(action: Action) -> AuditAction:
    return AuditAction.DEADLINE_DONE if action is Action.DONE else AuditAction.DEADLINE_LATER


async def apply_deadline_action(
    tx: Tx,
    actor_id: int | None,
    reference: str,
    kind_text: str,
    action: Action | str,
    reason: str,
    policy: ReminderPolicy,
    now: datetime,
    channel: str = SYSTEM,
) -> ActionOutcome:
    """Apply "Gedaan" (done) or "Later" (snooze, with a reason) to a case's deadline.

    Channel-neutral: `kind_text` may be a DeadlineKind value ("measures") or the Dutch word
    of a reminder ("maatregelen"). The actor must be allowed (bot/domain/permissions.py
    `may_act`); a refusal is audited. The reply claims "done" only when something changed:
    `changed` says so. Never raises for a person's mistake: the outcome's `text` says
    what went wrong.
    """
    action = Action(action)
    case = await tx.cases.case_by_reference(reference)
    if case is None or case.status in ("draft", "discarded"):
        return ActionOutcome(False, say("action_unknown_case", reference=reference))
    actor = await tx.people.person(actor_id) if actor_id is not None else None
    if actor is None or not may_act(actor, case):
        log.info("deadline action refused case_id=%s actor_id=%s", case.id, actor_id)
        await refused(tx, case, actor.id if actor else None, channel, _attempt(action), now)
        return ActionOutcome(False, say("not_allowed"), case.reference)
    kind = kind_from_word(kind_text)
    if kind is None:
        return ActionOutcome(
            False, say("action_unknown_kind", word=kind_text, words=kind_words()), case.reference
        )
    state = await tx.deadlines.deadline_state(case.id, kind.value)
    if state is None:
        return ActionOutcome(
            False,
            say("action_no_deadline", reference=case.reference, task=task(kind)),
            case.reference,
            kind.value,
        )
    if state == DeadlineState.DONE:
        return ActionOutcome(
            True,
            say("action_already_done", task=task(kind), reference=case.reference),
            case.reference,
            kind.value,
            DeadlineState.DONE,
        )
    if action is Action.DONE:
        if not await mark_done(tx, case, kind, actor.id, now, channel):
            # Nothing changed (someone else was first): say what is true now.
            return ActionOutcome(
                False,
                say("action_not_changed", reference=case.reference, task=task(kind)),
                case.reference,
                kind.value,
                await tx.deadlines.deadline_state(case.id, kind.value),
            )
        return ActionOutcome(
            True,
            say("action_done", task=task(kind), reference=case.reference),
            case.reference,
            kind.value,
            DeadlineState.DONE,
            changed=True,
        )
    if not reason.strip():
        return ActionOutcome(
            False,
            say("action_reason_needed", reference=case.reference, word=kind_word(kind)),
            case.reference,
            kind.value,
            DeadlineState.OPEN,
        )
    until = await snooze(tx, case, kind, actor.id, reason.strip(), policy, now, channel)
    return ActionOutcome(
        True,
        say("action_snoozed", task=task(kind), reference=case.reference, until=short_moment(until)),
        case.reference,
        kind.value,
        DeadlineState.OPEN,
        until,
        changed=True,
    )


async def handler_command_turn(
    tx: Tx,
    person: Person,
    text: str,
    policy: ReminderPolicy,
    now: datetime,
    channel: str = SYSTEM,
) -> list[Outbound] | None:
    """A typed "gedaan REF TAAK" / "later REF TAAK reden"; None when `text` is not one."""
    command = parse_command(text)
    if command is None:
        return None
    outcome = await apply_deadline_action(
        tx,
        person.id,
        command.reference,
        command.word,
        command.action,
        command.reason,
        policy,
        now,
        channel,
    )
    return [Outbound(outcome.text)]
