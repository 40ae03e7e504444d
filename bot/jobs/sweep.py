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
from bot.cases.reach import Chain, ChainLookup, Link, bare_title, function_title
from bot.domain.records import DueReminder, EventKind, Person, ReminderState
from bot.domain.reminder_plan import (
    CHECKIN,
    ESCALATION,
    REMINDER,
    ReminderPolicy,
    escalation_level,
    is_late,
    step_number,
    superseded,
)
from bot.ports import Store, Tx
from bot.reference.loader import Helpline, helplines_for
from bot.text.catalogue import say
from bot.text.format import short_moment
from dialogs.flows.checkin import choices as checkin_choices
from dialogs.flows.handler_commands import kind_word

log = logging.getLogger(__name__)


def reminder_text(
    item: DueReminder,
    late: bool,
    link: Link = Link.HANDLER,
    chain: Chain | None = None,
    others: tuple[Link, ...] = (),
) -> str:
    """The reminder as the person in `link` of the case's chain reads it.

    The handler is spoken to ("Je hebt dit nog niet gedaan"), also when the step is an
    escalation: it then says who else (`others`) is told now. A deputy or the coordinator
    reads of the handler in the third person, and is told only what is true: that the
    handler had a reminder when a handler was reached, else that none can be reached,
    which is why this comes to them.
    """
    due = short_moment(item.deadline_due or item.due_at)
    org = item.org_name or "-"
    function = item.handler_function or ""
    handler = function_title(function) if function else "-"
    facts = {"reference": item.reference, "org": org, "task": task(item.kind), "due": due}
    if link is Link.HANDLER:
        if item.step == REMINDER:
            body = say("reminder_before", **facts)
        else:
            body = say("reminder_own_overdue", **facts)
        if others:
            told = " en ".join(say(f"reach_{other}") for other in others)
            body += " " + say("reminder_own_escalated", others=told)
    elif item.step.startswith(ESCALATION) and (chain is None or chain.handler_reached):
        body = say("reminder_escalation", handler=handler, **facts)
    else:
        # A stand-in: no handler of the case can be reached, so the steps come here.
        key = "reminder_stand_in" if item.step == REMINDER else "reminder_stand_in_overdue"
        body = say(key, handler=bare_title(function) if function else "-", **facts)
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
            people = ChainLookup(tx)
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
        self, tx: Tx, people: ChainLookup, item: DueReminder, late: bool, now: datetime
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
        targets: list[tuple[Link, Person]] = []
        chain: Chain | None = None
        if item.org_id is not None and item.handler_function:
            chain = await people.chain(item.org_id, item.handler_function)
            targets = chain.up_to(escalation_level(item.step))
        queued = 0
        others = tuple(dict.fromkeys(link for link, _p in targets if link is not Link.HANDLER))
        for link, person in targets:
            # The handler's own copy is no escalation to her: it speaks to her.
            notice = Reminder(
                item.case_id,
                ReminderFacts(
                    reference=item.reference,
                    deadline=item.kind,
                    task=task(item.kind),
                    step=item.step,
                    escalation=link is not Link.HANDLER,
                    due=(item.deadline_due or item.due_at).isoformat(),
                    planned=item.due_at.isoformat(),
                    late=late,
                    org=item.org_name,
                    handler_reached=chain is None or chain.handler_reached,
                ),
                word=kind_word(item.kind),
            )
            text = reminder_text(item, late, link, chain, others)
            payload = {"text": text, "notice": notice.to_dict()}
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
