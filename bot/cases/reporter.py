"""The reporter stays in the loop: "status" and "aanvullen REF" (issue 11).

"status" lists the reporter's open cases and what happened on each: taken in hand, the
kind of response or measures recorded (never the handler's notes), closed. "aanvullen
WB-..." with text and/or files in the same message adds them to a sent case of theirs:
stored encrypted like the report, audited, and the case's handlers are told (counts only,
through the outbox). Sent alone, it asks what to add and takes the reporter's next
messages as the addition (a stored `PendingCommand`, so a restart loses nothing) until
"klaar" or "stop"; the handlers are told once for that addition. The texts are for the
reporter: B1 Dutch, no jargon.
"""

from __future__ import annotations

import logging
from datetime import datetime

from bot.cases.audit import record_by
from bot.cases.notices import CaseSupplemented
from bot.cases.notify import queue_to
from bot.domain.audit import AuditAction
from bot.domain.records import CaseRecord, CaseStatus, EventKind, NoteKind, PendingCommand, Person
from bot.ports import Tx
from bot.text import vocabulary
from bot.text.catalogue import say
from bot.text.format import long_day, short_moment
from dialogs.engine import normalise
from dialogs.flows.reporter_commands import Amend
from dialogs.messages import Attachment, ConversationKey, Inbound, Outbound

log = logging.getLogger(__name__)

AMEND_MAX = 4000  # characters added at once
AMEND_PENDING = "amend"  # PendingCommand.kind: "aanvullen REF" alone, waiting for the addition


async def _case_lines(tx: Tx, case: CaseRecord) -> str:
    lines = [
        say(
            "status_case",
            reference=case.reference,
            time=short_moment(case.submitted_at or case.created_at),
        )
    ]
    if case.acknowledged_at is not None:
        lines.append(say("status_in_hand", time=short_moment(case.acknowledged_at)))
    else:
        lines.append(say("status_waiting"))
    for r in await tx.casework.responses(case.id):
        what = say(f"reporter_response_{r.kind}")
        if r.measures_until is not None:
            lines.append(say("status_measures", what=what, until=long_day(r.measures_until)))
        else:
            lines.append(say("status_response", what=what))
    if case.status == CaseStatus.CLOSED:
        lines.append(say("status_closed"))
    return "\n".join(lines)


async def status_turn(tx: Tx, person: Person, channel: str, now: datetime) -> list[Outbound]:
    """ "status": the reporter's cases that are not closed, with what happened, and the
    closed ones in one line."""
    found = await tx.cases.cases_of_reporter(person.id)
    if not found:
        return [Outbound(say("status_none"))]
    open_cases = [c for c in found if c.status != CaseStatus.CLOSED]
    closed = [c for c in found if c.status == CaseStatus.CLOSED]
    blocks = [say("status_intro", count=len(open_cases))] if open_cases else [say("status_no_open")]
    blocks += [await _case_lines(tx, c) for c in open_cases]
    if closed:
        blocks.append(say("status_closed_list", references=", ".join(c.reference for c in closed)))
    blocks.append(say("status_amend_help"))
    return [Outbound("\n\n".join(blocks))]


def _amendable(case: CaseRecord | None, person: Person, reference: str) -> CaseRecord | str:
    """The reporter's own sent, open case; else what they are told."""
    if case is None or case.reporter_id != person.id or case.status in ("draft", "discarded"):
        # Someone else's case is "not found" too: no one learns that a reference exists.
        return say("amend_unknown", reference=reference)
    if case.status == CaseStatus.CLOSED:
        return say("amend_closed", reference=case.reference)
    return case


async def amend_turn(
    tx: Tx,
    person: Person,
    amend: Amend,
    files: tuple[Attachment, ...],
    key: ConversationKey,
    now: datetime,
) -> list[Outbound]:
    """ "aanvullen REF tekst" (and files sent with it): added to the reporter's own sent
    case; the handlers hear of it. Files are checked by the caller (bot/turns.py).
    "aanvullen REF" with nothing in it asks what to add and waits: the next messages are
    the addition (`amend_more_turn`), until "klaar"."""
    found = _amendable(await tx.cases.case_by_reference(amend.reference), person, amend.reference)
    if isinstance(found, str):
        return [Outbound(found)]
    case = found
    text = amend.text.strip()
    if not text and not files:
        pending = PendingCommand(AMEND_PENDING, case.id, "wait", {"added": 0})
        await tx.dialogs.save_pending(key, person.id, pending, now)
        return [Outbound(say("amend_ask", reference=case.reference))]
    if len(text) > AMEND_MAX:
        return [Outbound(say("amend_too_long", limit=AMEND_MAX))]
    ids = await _add(tx, case, person, text, files, key.channel, now)
    await _tell_handlers(tx, case, "amend_handler", 1 if text else 0, len(files), ids[0], now)
    waiting = await tx.dialogs.load_pending(key)
    if waiting is not None and waiting.kind == AMEND_PENDING:
        await tx.dialogs.clear_pending(key)  # the whole addition came in one message after all
    return [Outbound(say("amend_done", reference=case.reference))]


async def amend_more_turn(
    tx: Tx,
    person: Person,
    inbound: Inbound,
    pending: PendingCommand,
    files: tuple[Attachment, ...],
    now: datetime,
) -> list[Outbound]:
    """A message after "aanvullen REF" alone: stored with the case as it comes (text,
    files), the handlers told once for the whole addition (at its first part); "klaar" or
    "stop" ends it. Files are checked by the caller."""
    key = inbound.key
    found = _amendable(await tx.cases.case(pending.case_id), person, "-")
    if isinstance(found, str):
        await tx.dialogs.clear_pending(key)
        return [Outbound(found)]
    case = found
    text = inbound.text.strip()
    added = int(pending.data.get("added") or 0)
    if not files and normalise(text) in vocabulary.PENDING_END_WORDS:
        await tx.dialogs.clear_pending(key)
        done = "amend_finished" if added else "amend_nothing"
        return [Outbound(say(done, reference=case.reference))]
    if not text and not files:
        return []  # only refused files: their refusal answers, and the addition waits
    if len(text) > AMEND_MAX:
        return [Outbound(say("amend_too_long", limit=AMEND_MAX))]
    ids = await _add(tx, case, person, text, files, key.channel, now)
    if not added:
        await _tell_handlers(
            tx, case, "amend_handler_started", 1 if text else 0, len(files), ids[0], now
        )
    more = PendingCommand(AMEND_PENDING, case.id, "wait", {"added": added + 1})
    await tx.dialogs.save_pending(key, person.id, more, now)
    return [Outbound(say("amend_more", reference=case.reference))]


async def _add(
    tx: Tx,
    case: CaseRecord,
    person: Person,
    text: str,
    files: tuple[Attachment, ...],
    channel: str,
    now: datetime,
) -> list[int]:
    """Store an addition (text encrypted, files), with its event and audit entry."""
    ids = []
    if text:
        ids.append(await tx.casework.add_note(case.id, NoteKind.ADDITION, text, person.id, now))
    for file in files:
        ids.append(await tx.cases.add_evidence(case.id, file, now))
    detail = {"texts": 1 if text else 0, "files": len(files)}
    await tx.cases.add_event(case.id, now, EventKind.SUPPLEMENTED, person.id, detail)
    await record_by(tx, case, person.id, channel, AuditAction.AMEND, now, detail)
    log.info("case supplemented case_id=%s files=%d", case.id, len(files))
    return ids


async def _tell_handlers(
    tx: Tx, case: CaseRecord, text_key: str, texts: int, files: int, tag: int, now: datetime
) -> int:
    if case.org_id is None or case.handler_function is None:
        return 0
    notice = CaseSupplemented(case.id, case.reference, texts, files)
    text = say(text_key, reference=case.reference, texts=texts, files=files)
    queued = 0
    for handler in await tx.people.people_with_role(case.org_id, case.handler_function):
        queued += await queue_to(
            tx, handler, {"text": text, "notice": notice.to_dict()}, now, f"amend:{case.id}:{tag}"
        )
    return queued
