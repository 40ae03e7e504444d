"""Reading a case in full: "Bekijk melding" on a handler's personal-chat card, "toon REF"
on the other channels, `weerbaar cases show` on the command line.

Only who may read the case (bot/domain/permissions.py `may_read`: its handler function
at its organisation, their deputy, the coordinator VPT) gets it; anyone else is refused,
and the attempt is audited like every view. The content never goes into a conversation
others see: a press from a team channel is refused. `case_details` builds the notice
(bot/cases/notices/case_work.py `CaseDetails`) and is also what the other case-work use
cases answer with after a change.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

from bot.cases.acknowledge import acknowledged_state, deadline_facts
from bot.cases.audit import record_by, refused, viewed_by
from bot.cases.notices import (
    CaseDetails,
    DetailRow,
    EvidenceLine,
    HistoryLine,
    NoteLine,
    Refusal,
    ResponseLine,
    StepLine,
    StepOption,
)
from bot.cases.view_text import details_text
from bot.domain.annex import STEPS, applies, options
from bot.domain.audit import AuditAction
from bot.domain.permissions import may_read
from bot.domain.records import (
    UNSENT,
    CaseEvent,
    CaseRecord,
    CaseStatus,
    EventKind,
    NoteKind,
    Person,
    PersonRole,
    ResponseRecord,
    StepTick,
)
from bot.ports import Tx
from bot.text.catalogue import TEXTS, say
from bot.text.format import human_size, long_day, short_moment
from dialogs.engine import Engine
from dialogs.flow import Context
from dialogs.flows.report import REPORT
from dialogs.messages import Outbound

log = logging.getLogger(__name__)

_ENGINE = Engine(REPORT)
# The reporter named or described the perpetrator (the report's "perp_known" answer).
PERPETRATOR_NAMED = frozenset({"bekend", "beschrijving"})


def perpetrator_named(answers: dict[str, Any]) -> bool:
    """Whether the reporter named or described a perpetrator in the report."""
    return answers.get("perp_known") in PERPETRATOR_NAMED or bool(
        answers.get("perp_who") or answers.get("perp_details")
    )


def unsafe_at_report(answers: dict[str, Any]) -> bool:
    """The reporter said they were not safe when they reported."""
    return answers.get("safe") is False


def _reporter_stub(case: CaseRecord) -> Person:
    roles: tuple[PersonRole, ...] = ()
    if case.org is not None and case.role is not None and case.org_id is not None:
        roles = (PersonRole(case.role, case.org, case.org_id),)
    return Person(id=case.reporter_id, name=case.reporter_name, roles=roles)


def detail_rows(case: CaseRecord, answers: dict[str, Any], now: datetime) -> tuple[DetailRow, ...]:
    """The report's answers in the flow's order, as its review shows them."""
    ctx = Context(person=_reporter_stub(case), now=now, answers=answers)
    rows = []
    for step in _ENGINE.reviewed_steps(ctx):
        value = answers[step.id]
        if value is None:
            shown = say("skipped")
        else:
            shown = step.show(value, ctx) if step.show else str(value)
        rows.append(DetailRow(step.id, say(step.label or ""), shown))
    return tuple(rows)


def step_lines(ticks: list[StepTick]) -> tuple[StepLine, ...]:
    """The annex's checklist on a case: every step that applies, ticked or not."""
    by_step = {t.step: t for t in ticks}
    values = {t.step: t.value for t in ticks}
    lines = []
    for step in STEPS:
        if not applies(step, values):
            continue
        tick = by_step.get(step.key)
        lines.append(
            StepLine(
                step=step.key,
                number=step.number,
                title=say(f"annex_{step.key}"),
                done=tick is not None,
                by=tick.by if tick else None,
                at=short_moment(tick.at) if tick else None,
                value=tick.value if tick else None,
                value_label=say(f"annex_value_{tick.value}") if tick and tick.value else None,
                options=tuple(
                    StepOption(v, say(f"annex_value_{v}")) for v in options(step, values)
                ),
            )
        )
    return tuple(lines)


def response_line(r: ResponseRecord, with_note: bool = True) -> ResponseLine:
    return ResponseLine(
        kind=r.kind,
        kind_label=say(f"response_{r.kind}"),
        by=r.by,
        at=short_moment(r.at),
        measure=r.measure,
        measure_label=say(f"measure_{r.measure}") if r.measure else None,
        until=long_day(r.measures_until) if r.measures_until else None,
        damages_recovered=r.damages_recovered,
        note=r.note if with_note else None,
    )


def history_line(e: CaseEvent) -> HistoryLine | None:
    """One event as the history reads it; None for bookkeeping no handler needs to see."""
    key = f"history_{e.kind}"
    if key not in TEXTS:
        return None
    detail = e.detail or {}
    deadline = detail.get("deadline")
    text = say(
        key,
        by=e.actor or "-",
        task=say(f"deadline_{deadline}") if f"deadline_{deadline}" in TEXTS else "-",
        step=str(detail.get("step") or "-"),
    )
    return HistoryLine(short_moment(e.at), text)


def kept_parties(case: CaseRecord, events: list[CaseEvent]) -> tuple[tuple[str, ...], bool]:
    """The informed parties the handler kept at acknowledging (and True), or the suggested
    ones (and False) while nobody confirmed them."""
    for e in reversed(events):
        if e.kind == EventKind.ACKNOWLEDGE_NOTICES and isinstance(e.detail.get("kept"), list):
            return tuple(str(p) for p in e.detail["kept"]), True
    return tuple(case.informed), case.acknowledged_at is not None


async def case_details(
    tx: Tx,
    case: CaseRecord,
    now: datetime,
    status_line: str | None = None,
    status_refused: bool = False,
) -> CaseDetails:
    """The whole case as the handler reads it (no permission check: the caller's);
    `status_line` what a press did, or (`status_refused`) why it changed nothing."""
    answers = await tx.dialogs.answers(case.id)
    events = await tx.cases.events(case.id)
    evidence = answers.get("evidence_items") or {}
    informed, confirmed = kept_parties(case, events)
    return CaseDetails(
        case_id=case.id,
        reference=case.reference,
        status=case.status,
        org=case.org.name if case.org else "-",
        role=case.role,
        handler_function=case.handler_function,
        reporter=case.reporter_name,
        submitted=short_moment(case.submitted_at) if case.submitted_at else None,
        acknowledged=(
            acknowledged_state(case.acknowledged_by, case.acknowledged_at)
            if case.acknowledged_at
            else None
        ),
        serious=case.serious,
        criminal=case.criminal_suspected,
        unsafe_at_report=unsafe_at_report(answers),
        perpetrator_known=perpetrator_named(answers),
        rows=detail_rows(case, answers, now),
        evidence=tuple(
            EvidenceLine(
                f.id, f.filename, f.content_type, human_size(f.size), short_moment(f.created_at)
            )
            for f in await tx.cases.evidence(case.id)
        ),
        links=tuple(str(x) for x in evidence.get("links") or ()),
        evidence_notes=tuple(str(x) for x in evidence.get("notes") or ()),
        deadlines=await deadline_facts(tx, case.id),
        steps=step_lines(await tx.casework.steps(case.id)),
        responses=tuple(response_line(r) for r in await tx.casework.responses(case.id)),
        notes=tuple(
            NoteLine(n.kind, n.by, short_moment(n.at), n.text)
            for n in await tx.casework.notes(case.id, (NoteKind.NOTE, NoteKind.ADDITION))
        ),
        informed=informed,
        informed_confirmed=confirmed,
        history=tuple(line for e in events if (line := history_line(e)) is not None),
        viewed_by=tuple(
            say("viewed_by_line", name=name, time=short_moment(at))
            for name, at in await viewed_by(tx, case.id)
        ),
        closed=case.status == CaseStatus.CLOSED,
        status_line=status_line,
        status_refused=status_refused,
    )


def refusal(text: str) -> Outbound:
    return Outbound(text, notice=Refusal(text))


async def readable_case(
    tx: Tx,
    actor: Person | None,
    reference: str,
    channel: str,
    attempt: str,
    now: datetime,
) -> CaseRecord | Outbound:
    """The submitted case `reference` when `actor` may read it; else the refusal to answer
    with (audited when the case exists)."""
    case = await tx.cases.case_by_reference(reference)
    if case is None or case.status in UNSENT:
        return refusal(say("case_unknown", reference=reference.strip().upper()))
    if not may_read(actor, case):
        log.info("case work refused case_id=%s attempt=%s", case.id, attempt)
        await refused(tx, case, actor.id if actor else None, channel, attempt, now)
        return refusal(say("case_not_yours", reference=case.reference))
    return case


async def view_case(
    tx: Tx,
    actor: Person | None,
    reference: str,
    channel: str,
    now: datetime,
    shared: bool = False,
) -> Outbound:
    """The whole case for `actor`, audited; or a refusal (audited too). `shared`: the
    request came from a conversation others see, where no content may go."""
    found = await readable_case(tx, actor, reference, channel, AuditAction.VIEW, now)
    if isinstance(found, Outbound):
        return found
    case = found
    if shared:
        await refused(tx, case, actor.id if actor else None, channel, AuditAction.VIEW, now)
        return refusal(say("case_view_not_here", reference=case.reference))
    assert actor is not None
    await record_by(tx, case, actor.id, channel, AuditAction.VIEW, now)
    details = await case_details(tx, case, now)
    return Outbound(details_text(details), notice=details)
