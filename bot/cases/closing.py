"""Closing a case under the basisafspraak (bot/domain/closing.py), from any channel.

A case closes with a recorded response toward the perpetrator, or with "pleger onbekend"
when the reporter named or described none (when they did, a reason is required and
recorded); never while nobody took it in hand; and not while its Arbeidsinspectie or
police step is open, unless the handler records why. Closing stops the deadline
reminders (the reporter's check-ins go on: aftercare outlives the case), is audited,
tells the reporter, and gives the handler a closing summary (`CaseClosed`).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime

from bot.cases.acknowledge import deadline_facts
from bot.cases.audit import record_by
from bot.cases.evaluation import request_evaluation
from bot.cases.notices import CaseClosed, Progress, ReporterProgress
from bot.cases.notify import queue_to
from bot.cases.view import perpetrator_named, response_line
from bot.domain.annex import STEPS
from bot.domain.audit import AuditAction
from bot.domain.closing import CloseRequest, NoResponse, Refused, refusals
from bot.domain.deadlines import DeadlineKind
from bot.domain.records import (
    UNSENT,
    CaseRecord,
    CaseStatus,
    DeadlineState,
    EventKind,
    NoteKind,
    Person,
)
from bot.errors import OperatorError
from bot.ports import Tx
from bot.text.catalogue import say
from bot.text.format import short_moment

log = logging.getLogger(__name__)

# The deadlines whose step must be done (or a reason recorded) before a case closes.
REQUIRED = (DeadlineKind.ARBEIDSINSPECTIE, DeadlineKind.POLICE)

_ENGLISH = {
    Refused.NOT_ACKNOWLEDGED: "nobody has taken it in hand yet",
    Refused.NO_RESPONSE: (
        "it has no recorded response toward the perpetrator (record one, or give "
        "--no-response pleger_onbekend when the perpetrator is unknown)"
    ),
    Refused.PERPETRATOR_NAMED: (
        "the reporter named or described the perpetrator: give --reason why no response is possible"
    ),
    Refused.STEPS_OPEN: (
        "its Arbeidsinspectie or police step is open: mark it done, or give --override "
        "with the reason"
    ),
}


class CloseRefused(OperatorError):
    """The case cannot close (yet): `refused` says every reason; the message is English,
    for the operator; `dutch` the same for a chat."""

    def __init__(self, message: str, refused: tuple[Refused, ...] = (), dutch: str = "") -> None:
        super().__init__(message)
        self.refused = refused
        self.dutch = dutch or message


@dataclass(frozen=True)
class CloseInput:
    no_response: str | None = None  # a NoResponse value
    reason: str = ""  # why no response although the perpetrator was named
    override: str = ""  # why it closes with a required step open


async def close_case(
    tx: Tx, case: CaseRecord, actor: Person, given: CloseInput, channel: str, now: datetime
) -> CaseClosed:
    """Close the case for `actor` (who may act: the caller checked); returns the closing
    summary. Raises `CloseRefused` with every reason it may not."""
    if case.status in UNSENT or case.status == CaseStatus.CLOSED:
        raise CloseRefused(
            f"{case.reference} is {case.status}: nothing to close.",
            dutch=say("case_closed_already", reference=case.reference),
        )
    no_response = given.no_response or None
    if no_response is not None and no_response not in NoResponse.__members__.values():
        raise CloseRefused(
            "Unknown reason; one of: " + ", ".join(n.value for n in NoResponse),
            dutch=say("close_unknown_reason"),
        )
    responses = await tx.casework.responses(case.id)
    legacy = [
        str(e.detail.get("response"))
        for e in await tx.cases.events(case.id)
        if e.kind == EventKind.RESPONSE
    ]
    deadlines = await tx.deadlines.deadlines(case.id)
    open_required = [
        d.kind for d in deadlines if d.kind in REQUIRED and d.state == DeadlineState.OPEN
    ]
    request = CloseRequest(
        acknowledged=case.acknowledged_at is not None,
        responses=[r.kind for r in responses] or legacy,
        perpetrator_named=perpetrator_named(await tx.dialogs.answers(case.id)),
        open_required=open_required,
        no_response=no_response,
        reason=given.reason,
        override=given.override,
    )
    refused = refusals(request)
    if refused:
        await record_by(
            tx,
            case,
            actor.id,
            channel,
            AuditAction.REFUSED,
            now,
            {"attempt": str(AuditAction.CLOSE), "why": [str(r) for r in refused]},
        )
        raise CloseRefused(
            f"{case.reference} cannot close: " + "; ".join(_ENGLISH[r] for r in refused) + ".",
            tuple(refused),
            " ".join(
                [say("close_refused", reference=case.reference)]
                + [say(f"close_refused_{r}", reference=case.reference) for r in refused]
            ),
        )
    await tx.cases.set_status(case.id, CaseStatus.CLOSED)
    for kind in DeadlineKind:
        await tx.reminders.cancel_pending(case.id, kind.value)
    reasons = []
    if not request.responses and given.reason.strip():
        reasons.append(given.reason.strip())
        await tx.casework.add_note(
            case.id, NoteKind.CLOSE_REASON, given.reason.strip(), actor.id, now
        )
    if open_required and given.override.strip():
        reasons.append(given.override.strip())
        await tx.casework.add_note(
            case.id, NoteKind.OVERRIDE, given.override.strip(), actor.id, now
        )
    kinds = list(request.responses)
    detail = {"responses": kinds, "no_response": no_response, "open": open_required}
    await tx.cases.add_event(case.id, now, EventKind.CLOSED, actor.id, detail)
    await record_by(tx, case, actor.id, channel, AuditAction.CLOSE, now, detail)
    await _tell_reporter(tx, case, tuple(kinds), now)
    # insight (issue 12): a closed case asks for its evaluation.
    await request_evaluation(tx, case, actor, now)
    ticked = await tx.casework.steps(case.id)
    summary = CaseClosed(
        case_id=case.id,
        reference=case.reference,
        org=case.org.name if case.org else "-",
        closed_by=actor.name,
        closed_at=short_moment(now),
        responses=tuple(response_line(r) for r in responses),
        no_response=no_response if not request.responses else None,
        reasons=tuple(reasons),
        steps_done=sum(1 for t in ticked if t.step in {s.key for s in STEPS if s.number}),
        steps_total=sum(1 for s in STEPS if s.number),
        open_deadlines=tuple(d for d in await deadline_facts(tx, case.id) if not d.done),
    )
    log.info("case closed case_id=%s", case.id)
    return summary


async def _tell_reporter(tx: Tx, case: CaseRecord, kinds: tuple[str, ...], now: datetime) -> int:
    reporter = await tx.people.person(case.reporter_id)
    if reporter is None:
        return 0
    notice = ReporterProgress(case.id, case.reference, Progress.CLOSED, kinds)
    return await queue_to(
        tx,
        reporter,
        {
            "text": say("reporter_progress_closed", reference=case.reference),
            "notice": notice.to_dict(),
        },
        now,
        f"progress:{case.id}:closed",
        channel=case.channel,
    )


def summary_text(s: CaseClosed) -> str:
    """The closing summary as text (channels without cards, the command line's queue)."""
    lines = [say("close_summary", reference=s.reference, name=s.closed_by or "-", time=s.closed_at)]
    if s.responses:
        lines.append(
            say("close_summary_responses", responses=", ".join(r.kind_label for r in s.responses))
        )
    elif s.no_response:
        lines.append(say("close_summary_unknown"))
    lines += [say("close_summary_reason", reason=r) for r in s.reasons]
    lines.append(say("close_summary_steps", done=s.steps_done, total=s.steps_total))
    if s.open_deadlines:
        lines.append(say("close_summary_open", tasks=", ".join(d.task for d in s.open_deadlines)))
    return "\n".join(lines)


async def queue_summary(tx: Tx, actor: Person, summary: CaseClosed, now: datetime) -> int:
    """Send the closing summary to the handler through the outbox (when they closed it
    from the command line: a chat answers with it directly)."""
    return await queue_to(
        tx,
        actor,
        {"text": summary_text(summary), "notice": summary.to_dict()},
        now,
        f"closed:{summary.case_id}:summary",
    )
