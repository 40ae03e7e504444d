"""Recording the response toward the perpetrator, and internal notes, from any channel.

A response (bot/domain/closing.py `Response`) may come with restrictive measures or
contact agreements until a date, which plans the recovery talk on that date
(bot/cases/deadlines.py `record_measures_end`), with damage recovered, and with a short
note (encrypted; never shown to the reporter). The reporter hears what kind of response
was recorded, on their own channel, through the outbox. Every response and note is
audited.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime

from bot.cases.audit import record_by
from bot.cases.deadlines import ActionError, record_measures_end
from bot.cases.notices import Progress, ReporterProgress
from bot.cases.notify import queue_to
from bot.domain.audit import AuditAction
from bot.domain.closing import Measure, Response
from bot.domain.records import CaseRecord, CaseStatus, EventKind, NoteKind, Person
from bot.domain.reminder_plan import ReminderPolicy
from bot.domain.zone import AMSTERDAM
from bot.errors import UserError
from bot.ports import Tx
from bot.text.catalogue import say
from bot.text.format import long_day, short_moment

log = logging.getLogger(__name__)

NOTE_MAX = 2000  # characters of a note or of a response's note


class CaseWorkRefused(UserError):
    """A case action that cannot be applied; the message is the Dutch reply."""


@dataclass(frozen=True)
class ResponseInput:
    """A response as a form or a typed command gives it."""

    kind: str
    measure: str | None = None
    until: date | None = None
    damages_recovered: bool = False
    note: str = ""


def check_response(given: ResponseInput, today: date) -> ResponseInput:
    """The response with its parts checked; raises `CaseWorkRefused` saying what is wrong."""
    if given.kind not in Response.__members__.values():
        raise CaseWorkRefused(say("response_unknown_kind"))
    measure = given.measure or None
    if measure is None and given.kind == Response.MEASURES:
        measure = Measure.RESTRICTIVE
    if measure is not None and measure not in Measure.__members__.values():
        raise CaseWorkRefused(say("response_unknown_kind"))
    if measure is not None and given.until is None:
        raise CaseWorkRefused(say("response_until_needed"))
    if given.until is not None and given.until <= today:
        raise CaseWorkRefused(say("response_until_past", day=long_day(given.until)))
    if given.until is not None and measure is None:
        measure = Measure.RESTRICTIVE
    if len(given.note) > NOTE_MAX:
        raise CaseWorkRefused(say("note_too_long", limit=NOTE_MAX))
    return ResponseInput(
        given.kind, measure, given.until, given.damages_recovered, given.note.strip()
    )


async def record_response(
    tx: Tx,
    case: CaseRecord,
    actor: Person,
    given: ResponseInput,
    channel: str,
    policy: ReminderPolicy,
    now: datetime,
) -> str:
    """Record a response for `actor` (who may act: the caller checked); returns the Dutch
    status line. Raises `CaseWorkRefused` for what cannot be recorded."""
    if case.status == CaseStatus.CLOSED:
        raise CaseWorkRefused(say("case_closed_already", reference=case.reference))
    response = check_response(given, now.astimezone(AMSTERDAM).date())
    rid = await tx.casework.add_response(
        case.id,
        response.kind,
        response.measure,
        response.until,
        response.damages_recovered,
        response.note or None,
        actor.id,
        now,
    )
    detail = {
        "response": response.kind,
        "measure": response.measure,
        "until": response.until.isoformat() if response.until else None,
        "damages_recovered": response.damages_recovered,
    }
    await tx.cases.add_event(case.id, now, EventKind.RESPONSE, actor.id, detail)
    await record_by(tx, case, actor.id, channel, AuditAction.RESPONSE, now, detail)
    lines = [say("response_recorded", response=say(f"response_{response.kind}"))]
    if response.until is not None:
        try:
            due = await record_measures_end(tx, case, response.until, actor.id, policy, now)
            lines.append(say("response_recovery_planned", time=short_moment(due)))
        except ActionError as done:
            lines.append(done.reply)
    await _tell_reporter(tx, case, response, rid, now)
    log.info("response recorded case_id=%s kind=%s", case.id, response.kind)
    return " ".join(lines)


async def _tell_reporter(
    tx: Tx, case: CaseRecord, response: ResponseInput, rid: int, now: datetime
) -> int:
    reporter = await tx.people.person(case.reporter_id)
    if reporter is None:
        return 0
    what = say(f"reporter_response_{response.kind}")
    if response.until is not None:
        event = Progress.MEASURES
        text = say(
            "reporter_progress_measures",
            reference=case.reference,
            what=what,
            until=long_day(response.until),
        )
    else:
        event = Progress.RESPONSE
        text = say("reporter_progress_response", reference=case.reference, what=what)
    if response.damages_recovered:
        text += " " + say("reporter_progress_damages")
    notice = ReporterProgress(
        case.id,
        case.reference,
        event,
        (response.kind,),
        long_day(response.until) if response.until else None,
        response.damages_recovered,
    )
    return await queue_to(
        tx,
        reporter,
        {"text": text, "notice": notice.to_dict()},
        now,
        f"progress:{case.id}:response:{rid}",
        channel=case.channel,
    )


async def add_note(
    tx: Tx, case: CaseRecord, actor: Person, text: str, channel: str, now: datetime
) -> str:
    """An internal note on the case (encrypted, never shown to the reporter); returns the
    Dutch status line. Raises `CaseWorkRefused` for an empty or too long note."""
    text = text.strip()
    if not text:
        raise CaseWorkRefused(say("note_empty", reference=case.reference))
    if len(text) > NOTE_MAX:
        raise CaseWorkRefused(say("note_too_long", limit=NOTE_MAX))
    await tx.casework.add_note(case.id, NoteKind.NOTE, text, actor.id, now)
    await tx.cases.add_event(case.id, now, EventKind.NOTE_ADDED, actor.id)
    await record_by(tx, case, actor.id, channel, AuditAction.NOTE, now)
    return say("note_added", reference=case.reference)
