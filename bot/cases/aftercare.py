"""Aftercare check-ins: a reporter's reply to an open check-in, and what it sets going.

The check-in rows themselves are planned at submission (bot/cases/deadlines.py) and sent by
the sweep (bot/jobs/sweep.py). Here a reply is matched to the declared answers
(dialogs/flows/checkin.py): "ik wil graag contact" asks the coordinator VPT and the handler
to get in touch, "stop" ends the check-ins for that case. What someone says about how they
are is not stored: the case history only shows that a check-in was answered.
"""

from __future__ import annotations

import logging
from datetime import datetime

from bot.cases.notices import CheckinContact
from bot.cases.notify import queue_to
from bot.domain.records import DialogState, EventKind, OpenCheckin, Person
from bot.domain.reminder_plan import CHECKIN, ReminderPolicy
from bot.domain.routing import SupportRole
from bot.ports import Tx
from bot.text.catalogue import say
from dialogs.flows.checkin import (
    AnswerSpec,
    happened_again,
    parse_answer,
    reply_for,
    wants_new_report,
)
from dialogs.messages import Inbound, Outbound

log = logging.getLogger(__name__)


async def checkin_turn(
    tx: Tx,
    person: Person,
    inbound: Inbound,
    policy: ReminderPolicy,
    now: datetime,
    state: DialogState | None = None,
) -> list[Outbound] | None:
    """The replies when `inbound` answers an open check-in; None when it does not (then
    the message goes to the report flow as usual)."""
    open_checkin = await tx.reminders.open_checkin(person.id, now, policy.checkin_open)
    if open_checkin is None:
        return None
    if inbound.attachments or wants_new_report(inbound):
        # Something new to report: the check-in counts as answered, the report flow starts.
        await tx.reminders.answer_checkin(open_checkin.reminder_id, now)
        if happened_again(inbound) and state is not None and state.case_id is None:
            # insight (issue 12): the new report follows the case the check-in is about;
            # at submission the two are suggested as one perpetrator (bot/cases/dossier.py).
            state.case_id = await tx.cases.create_draft(person.id, inbound.key.channel, now)
            await tx.dossier.set_follows(state.case_id, open_checkin.case_id)
        return None
    spec = parse_answer(inbound)
    if spec is None:
        return [Outbound(say("checkin_reply_unknown"))]
    await apply_answer(tx, person, open_checkin, spec, now)
    return [Outbound(reply_for(spec.answer))]


async def apply_answer(
    tx: Tx, person: Person, checkin: OpenCheckin, spec: AnswerSpec, now: datetime
) -> None:
    if spec.closes:
        await tx.reminders.answer_checkin(checkin.reminder_id, now)
        await tx.cases.add_event(
            checkin.case_id, now, EventKind.CHECKIN_ANSWERED, person.id, {"step": checkin.step}
        )
    if spec.notify:
        queued = await notify_contact_wish(tx, checkin, now)
        await tx.cases.add_event(
            checkin.case_id,
            now,
            EventKind.CHECKIN_CONTACT_REQUESTED,
            person.id,
            {"messages": queued},
        )
    if spec.stops:
        await tx.reminders.cancel_pending(checkin.case_id, CHECKIN)
        await tx.cases.add_event(checkin.case_id, now, EventKind.CHECKIN_STOPPED, person.id)


async def notify_contact_wish(tx: Tx, checkin: OpenCheckin, now: datetime) -> int:
    """Ask the coordinator VPT and the case's handlers to get in touch with the reporter."""
    case = await tx.cases.case(checkin.case_id)
    assert case is not None
    org = case.org.name if case.org else "-"
    payload = {
        "text": say("checkin_contact_notice", reference=case.reference, org=org),
        "notice": CheckinContact(case.id, case.reference, org).to_dict(),
    }
    people = await tx.people.people_with_role_anywhere(SupportRole.COORDINATOR_VPT)
    if case.org_id is not None and case.handler_function:
        people += [
            p
            for p in await tx.people.people_with_role(case.org_id, case.handler_function)
            if p.id not in {q.id for q in people}
        ]
    queued = 0
    for p in people:
        queued += await queue_to(tx, p, payload, now, f"contact:{checkin.reminder_id}")
    if not people:
        log.warning("contact wanted but no coordinator or handler case_id=%s", case.id)
    return queued
