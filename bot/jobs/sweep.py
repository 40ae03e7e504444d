"""The sweep: due reminder and check-in rows become outbox rows, each exactly once.

One round: claim due rows under a lease in a short transaction (storage/repos/reminders.py), then
in a second transaction, per row and inside its own savepoint, mark it sent *only if the
lease is still ours and nobody marked the deadline done meanwhile*, and queue its messages
in the outbox. The outbox then delivers (bot/jobs/outbox.py; the local channel pulls its rows).
A row that fell due while the service was down goes out on the first round after the
restart, once, with a line saying that it is late.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Callable
from datetime import datetime

from bot.cases.deadlines import task
from bot.cases.notices import Checkin, Reminder, ReminderFacts
from bot.cases.notify import queue_to
from bot.domain.records import DueReminder, EventKind, Person, ReminderState
from bot.domain.reminder_plan import (
    CHECKIN,
    ESCALATION,
    OVERDUE,
    REMINDER,
    ReminderPolicy,
    escalation_level,
    is_late,
    step_number,
    superseded,
)
from bot.domain.routing import SupportRole, deputy_of
from bot.ports import Store, Tx
from bot.reference.loader import Helpline, helplines_for
from bot.text.catalogue import say
from bot.text.format import short_moment
from dialogs.flows.checkin import choices as checkin_choices
from dialogs.flows.handler_commands import kind_word

log = logging.getLogger(__name__)


class _People:
    """Who is in an organisation's escalation chain; looked up once per sweep round."""

    def __init__(self, tx: Tx) -> None:
        self.tx = tx
        self._by_role: dict[tuple[int, str], list[Person]] = {}
        self._coordinators: list[Person] | None = None

    async def with_role(self, org_id: int, role: str) -> list[Person]:
        if (org_id, role) not in self._by_role:
            self._by_role[(org_id, role)] = await self.tx.people.people_with_role(org_id, role)
        return self._by_role[(org_id, role)]

    async def coordinators(self) -> list[Person]:
        if self._coordinators is None:
            self._coordinators = await self.tx.people.people_with_role_anywhere(
                SupportRole.COORDINATOR_VPT
            )
        return self._coordinators

    async def chain(self, org_id: int, function: str) -> list[list[Person]]:
        """Handlers, then their deputies, then the coordinator VPT; empty links left out."""
        links = [
            await self.with_role(org_id, function),
            await self.with_role(org_id, deputy_of(function)),
            await self.coordinators(),
        ]
        return [link for link in links if link]


def reminder_text(item: DueReminder, late: bool) -> str:
    due = short_moment(item.deadline_due or item.due_at)
    org = item.org_name or "-"
    if item.step == REMINDER:
        body = say(
            "reminder_before", reference=item.reference, org=org, task=task(item.kind), due=due
        )
    elif item.step == OVERDUE:
        body = say(
            "reminder_overdue", reference=item.reference, org=org, task=task(item.kind), due=due
        )
    else:
        body = say(
            "reminder_escalation",
            reference=item.reference,
            org=org,
            task=task(item.kind),
            due=due,
            handler=say(f"role_{item.handler_function}"),
        )
    parts = [body, say("reminder_actions", reference=item.reference, word=kind_word(item.kind))]
    if late:
        parts.insert(0, say("reminder_late", planned=short_moment(item.due_at)))
    return "\n".join(parts)


def checkin_text(item: DueReminder, late: bool, helplines: list[Helpline]) -> str:
    lines = [say("checkin_late")] if late else []
    lines.append(say("checkin_question", reference=item.reference))
    found = helplines_for(helplines, item.role or "", item.serious)
    if found:
        lines.append(say("helplines_intro"))
        lines += [
            say("helpline_line", name=h.name, purpose=h.purpose, number=h.number) for h in found
        ]
    return "\n".join(lines)


class Sweeper:
    def __init__(
        self,
        store: Store,
        clock: Callable[[], datetime],
        policy: ReminderPolicy,
        helplines: list[Helpline],
        batch: int = 500,
        lease_seconds: float = 120.0,
    ) -> None:
        self.store = store
        self.clock = clock
        self.policy = policy
        self.helplines = helplines
        self.batch = batch
        self.lease_seconds = lease_seconds

    async def run_once(self) -> int:
        """Send what is due now (one batch); returns how many rows were sent."""
        now = self.clock()
        token = uuid.uuid4().hex
        async with self.store.transaction() as tx:
            due = await tx.reminders.claim_due(now, token, self.batch, self.lease_seconds)
        if not due:
            return 0
        dropped = superseded(due)
        sent = 0
        async with self.store.transaction() as tx:
            people = _People(tx)
            for item in due:
                try:
                    async with tx.savepoint():
                        if item.id in dropped:
                            await tx.reminders.finish_claimed(
                                item.id, token, now, ReminderState.CANCELLED
                            )
                            continue
                        late = is_late(item.due_at, now, self.policy)
                        if not await tx.reminders.finish_claimed(
                            item.id, token, now, ReminderState.SENT, late
                        ):
                            continue  # done meanwhile, or another replica took it over
                        await self._send(tx, people, item, late, now)
                        sent += 1
                except Exception:
                    # Only this row is rolled back; its lease runs out and it is retried.
                    log.exception("reminder failed id=%s case_id=%s", item.id, item.case_id)
        if sent:
            log.info("sweep sent %d of %d due reminder rows", sent, len(due))
        return sent

    async def _send(
        self, tx: Tx, people: _People, item: DueReminder, late: bool, now: datetime
    ) -> None:
        dedupe = f"rem:{item.id}"
        if item.kind == CHECKIN:
            reporter = await tx.people.person(item.reporter_id)
            checkin = Checkin(
                item.case_id,
                item.reference,
                step_number(item.step),
                late,
                tuple(checkin_choices()),
            ).to_dict()
            # The answers travel as choices: numbered on Signal and in the terminal, buttons
            # on a Teams card (bot/jobs/outbox.py outbound_from).
            payload = {
                "text": checkin_text(item, late, self.helplines),
                "notice": checkin,
                "choices": checkin["choices"],
            }
            queued = (
                0
                if reporter is None
                else await queue_to(tx, reporter, payload, now, dedupe, channel=item.channel)
            )
            await tx.cases.add_event(
                item.case_id,
                now,
                EventKind.CHECKIN_SENT,
                None,
                {"reminder": item.id, "step": item.step, "late": late, "messages": queued},
            )
            return
        targets: list[Person] = []
        if item.org_id is not None and item.handler_function:
            chain = await people.chain(item.org_id, item.handler_function)
            level = escalation_level(item.step)
            for link in chain[: min(level, len(chain) - 1) + 1]:
                targets += [p for p in link if p.id not in {t.id for t in targets}]
        notice = Reminder(
            item.case_id,
            ReminderFacts(
                reference=item.reference,
                deadline=item.kind,
                task=task(item.kind),
                step=item.step,
                escalation=item.step.startswith(ESCALATION),
                due=(item.deadline_due or item.due_at).isoformat(),
                planned=item.due_at.isoformat(),
                late=late,
                org=item.org_name,
            ),
            word=kind_word(item.kind),
        )
        payload = {"text": reminder_text(item, late), "notice": notice.to_dict()}
        queued = 0
        for person in targets:
            queued += await queue_to(tx, person, payload, now, dedupe)
        if not targets:
            log.warning("reminder with no one to send to id=%s case_id=%s", item.id, item.case_id)
        await tx.cases.add_event(
            item.case_id,
            now,
            EventKind.REMINDER_SENT,
            None,
            {
                "reminder": item.id,
                "deadline": item.kind,
                "step": item.step,
                "late": late,
                "people": len(targets),
                "messages": queued,
            },
        )
