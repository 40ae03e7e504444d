"""Ticking the annex's nine steps on a case (bot/domain/annex.py), from any channel.

A tick is stored with who and when (it survives a restart) and audited. Ticking step 3,
the appointment with the police, marks the police deadline done, so its reminders stop.
Ticking step 8 with "not punishable" puts the hulpofficier van justitie's second opinion
on the checklist and says so.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from bot.cases.audit import record_by
from bot.cases.deadlines import mark_done
from bot.domain.annex import POLICE_APPOINTMENT, SECOND_OPINION, FollowUp, TickError, check_tick
from bot.domain.audit import AuditAction
from bot.domain.deadlines import DeadlineKind
from bot.domain.records import CaseRecord, CaseStatus, DeadlineState, EventKind, Person
from bot.ports import Tx
from bot.text.catalogue import say

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class TickOutcome:
    changed: bool
    text: str  # the Dutch status line for who ticked


async def tick_step(
    tx: Tx,
    case: CaseRecord,
    actor: Person,
    step_key: str,
    value: str | None,
    channel: str,
    now: datetime,
) -> TickOutcome:
    """Tick `step_key` (with `value` where the step records one) for `actor`, who may act
    on the case (the caller checked). Never raises for a person's mistake."""
    if case.status == CaseStatus.CLOSED:
        return TickOutcome(False, say("case_closed_already", reference=case.reference))
    ticked = {t.step: t.value for t in await tx.casework.steps(case.id)}
    try:
        step = check_tick(step_key, value or None, ticked)
    except TickError as error:
        return TickOutcome(
            False, say(f"step_refused_{error.code}", reference=case.reference, step=step_key)
        )
    if not await tx.casework.tick_step(case.id, step.key, value or None, actor.id, now):
        return TickOutcome(False, say("step_already", step=say(f"annex_{step.key}")))
    detail = {"step": step.key, "value": value or None}
    await tx.cases.add_event(case.id, now, EventKind.STEP_TICKED, actor.id, detail)
    await record_by(tx, case, actor.id, channel, AuditAction.STEP, now, detail)
    lines = [say("step_ticked", step=say(f"annex_{step.key}"))]
    if step.key == POLICE_APPOINTMENT and (
        await tx.deadlines.deadline_state(case.id, DeadlineKind.POLICE) == DeadlineState.OPEN
    ):
        await mark_done(tx, case, DeadlineKind.POLICE, actor.id, now)
        lines.append(say("step_police_deadline_done"))
    if step.key == "8" and value == FollowUp.NOT_PUNISHABLE and SECOND_OPINION not in ticked:
        lines.append(say("step_second_opinion_offer", reference=case.reference))
    log.info("annex step ticked case_id=%s step=%s", case.id, step.key)
    return TickOutcome(True, " ".join(lines))
