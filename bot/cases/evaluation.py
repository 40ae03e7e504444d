"""The evaluation of a case (guideline "Evalueren"): asked for at closing, filled in by
its handler, seen as open by the coordinator VPT until it is.

`request_evaluation` runs when a case closes (bot/cases/closing.py): it keeps the request
and tells the case's handlers. `save_evaluation` stores the form (a Teams card, the
console's page; its free text encrypted) for whoever may work the case, audited; anyone
else is refused, audited too. `open_evaluations` is the coordinator's list of what is
still open (a handler's: their own organisation's).
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from datetime import datetime

from bot.cases.audit import record_by, refused
from bot.cases.notices import EvaluationForm
from bot.cases.notify import queue_to
from bot.domain.audit import AuditAction
from bot.domain.evaluation import MAX_TEXT, EvaluationInput, EvaluationRecord, parse_level
from bot.domain.permissions import is_handler, may_act
from bot.domain.records import UNSENT, CaseRecord, Person
from bot.domain.routing import SupportRole
from bot.errors import UserError
from bot.ports import Tx
from bot.text.catalogue import say

log = logging.getLogger(__name__)


def is_coordinator(person: Person | None) -> bool:
    return person is not None and any(r.role == SupportRole.COORDINATOR_VPT for r in person.roles)


async def request_evaluation(tx: Tx, case: CaseRecord, actor: Person | None, now: datetime) -> int:
    """Ask for the case's evaluation: keep the request, tell its handlers (and whoever
    closed it). Returns how many notices were queued."""
    if not await tx.evaluations.request(case.id, now):
        return 0
    people: list[Person] = []
    if case.org_id is not None and case.handler_function:
        people = await tx.people.people_with_role(case.org_id, case.handler_function)
    if actor is not None and actor.id not in {p.id for p in people}:
        people.append(actor)
    payload = {
        "text": say("evaluation_asked", reference=case.reference),
        "notice": EvaluationForm(case.id, case.reference).to_dict(),
    }
    queued = 0
    for person in people:
        queued += await queue_to(tx, person, payload, now, f"evaluate:{case.id}:{person.id}")
    return queued


def parse_evaluation(data: Mapping[str, object]) -> EvaluationInput:
    """The form's fields as an evaluation; a `UserError` saying what is missing."""
    severity = parse_level(data.get("severity"))
    recurrence = parse_level(data.get("recurrence"))
    if severity is None or recurrence is None:
        raise UserError(say("evaluation_needs_risk"))
    texts = {k: str(data.get(k) or "").strip() for k in ("cause", "similar", "recommendations")}
    if any(len(t) > MAX_TEXT for t in texts.values()):
        raise UserError(say("evaluation_too_long", max=MAX_TEXT))
    shared = str(data.get("shared") or "").strip().lower() in ("true", "ja", "on", "1", "yes")
    return EvaluationInput(severity, recurrence, shared_with_coordinator=shared, **texts)


async def evaluable_case(
    tx: Tx, person: Person, reference: str, channel: str, now: datetime
) -> CaseRecord:
    """The case `person` may evaluate; a `UserError` (and an audited refusal) if not."""
    case = await tx.cases.case_by_reference(reference.strip().upper())
    if case is None or case.status in UNSENT:
        raise UserError(say("insight_case_not_found", reference=reference))
    if not may_act(person, case):
        await refused(tx, case, person.id, channel, AuditAction.EVALUATE, now)
        raise UserError(say("evaluation_refused", reference=case.reference))
    return case


async def save_evaluation(
    tx: Tx,
    person: Person,
    reference: str,
    given: EvaluationInput,
    channel: str,
    now: datetime,
) -> EvaluationRecord:
    """Store the evaluation of the case for `person`, audited; returns it as stored."""
    case = await evaluable_case(tx, person, reference, channel, now)
    await tx.evaluations.save(case.id, given, person.id, now)
    await record_by(
        tx,
        case,
        person.id,
        channel,
        AuditAction.EVALUATE,
        now,
        {
            "severity": given.severity.value,
            "recurrence": given.recurrence.value,
            "shared": given.shared_with_coordinator,
        },
    )
    saved = await tx.evaluations.evaluation(case.id)
    assert saved is not None
    log.info("case evaluated case_id=%s", case.id)
    return saved


async def open_evaluations(tx: Tx, person: Person) -> list[EvaluationRecord]:
    """The evaluations still open that `person` oversees: all for the coordinator VPT,
    their organisations' for a handler, none for anyone else."""
    if is_coordinator(person):
        return await tx.evaluations.open_evaluations()
    found: list[EvaluationRecord] = []
    for org_id in sorted({r.org_id for r in person.roles if is_handler(person, r.org_id)}):
        found += await tx.evaluations.open_evaluations(org_id)
    return found


def evaluation_form(
    case: CaseRecord, current: EvaluationRecord | None, saved: bool = False
) -> EvaluationForm:
    """The form of the case's evaluation, with what was filled in before."""
    if current is None:
        return EvaluationForm(case.id, case.reference, saved=saved)
    return EvaluationForm(
        case.id,
        case.reference,
        current.severity,
        current.recurrence,
        current.cause,
        current.similar,
        current.recommendations,
        current.shared_with_coordinator,
        saved,
    )
