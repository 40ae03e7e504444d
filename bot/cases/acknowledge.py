"""A handler takes a case in hand ("In behandeling nemen"), from any channel.

The case's handler function at the case's organisation may do it, and so may whoever the
escalation reaches (that function's deputy, the coordinator VPT): recorded as who did
(bot/domain/permissions.py `may_acknowledge`). One acknowledgement per case: a second
press changes nothing and says who has it. A refused press is audited, as is the
acknowledgement itself (bot/cases/audit.py).
On success, in the same transaction, the outbox gets:

- a refresh of every message that shows the case's card (recorded in `case_cards`), except
  the one that was clicked: the channel answers that one itself;
- the reporter's notice, on the channel the report was made on;
- a short notice without details for each enrolled person who holds an informed function
  (the guideline's "geïnformeerde"); functions nobody holds, such as the Minister van BZK,
  are skipped.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum

from bot.cases.audit import record_by, refused
from bot.cases.notices import (
    Acknowledged,
    CaseAcknowledged,
    CaseCardRefresh,
    CaseInformed,
    CaseRouted,
    DeadlineLine,
)
from bot.cases.notify import ACCOUNT, queue_to
from bot.domain.audit import SYSTEM, AuditAction
from bot.domain.deadlines import DeadlineKind, passed_at_submission
from bot.domain.incident import unsafe_at_report
from bot.domain.permissions import may_acknowledge
from bot.domain.records import CaseRecord, DeadlineState, EventKind
from bot.domain.routing import InformedParty, OrgKind, role_fits
from bot.ports import Tx
from bot.text.catalogue import say
from bot.text.format import moment

log = logging.getLogger(__name__)

# Informed parties (bot/domain/routing.py InformedParty) as the role an enrolled person
# holds. Functions not listed (the Minister van BZK) are never enrolled: they are skipped.
INFORMED_ROLES: dict[str, str] = {
    InformedParty.CDK: "commissaris_van_de_koning",
    InformedParty.STATENGRIFFIER: "statengriffier",
    InformedParty.GRIFFIER: "griffier",
    InformedParty.BURGEMEESTER: "burgemeester",
    InformedParty.SECRETARIS: "secretaris",
    InformedParty.DIJKGRAAF: "dijkgraaf",
}


class AckStatus(StrEnum):
    ACKNOWLEDGED = "acknowledged"  # this press took the case in hand
    ALREADY = "already"  # someone did before: nothing changed
    REFUSED = "refused"  # not a handler of this case: nothing changed
    UNKNOWN = "unknown"  # no such (submitted) case


@dataclass(frozen=True)
class AckOutcome:
    """What a press did. `text` is the Dutch reply for the person who pressed; `card`
    the case's card facts (the routing notice) when the case exists."""

    status: AckStatus
    reference: str
    text: str
    card: CaseRouted | None = None
    by: str | None = None  # who has the case in hand
    at: datetime | None = None  # since when
    queued: int = 0  # outbox rows added
    informed: tuple[str, ...] = field(default=())

    @property
    def changed(self) -> bool:
        return self.status is AckStatus.ACKNOWLEDGED


def card_facts(
    case: CaseRecord,
    when_shown: str,
    deadlines: tuple[DeadlineLine, ...] = (),
    unsafe: bool = False,
) -> CaseRouted:
    """The facts a case card shows (the routing notice): no names, no narrative."""
    return CaseRouted(
        case_id=case.id,
        reference=case.reference,
        role=case.role,
        org=case.org.name if case.org else "-",
        kinds=tuple(case.kinds),
        when=when_shown,
        serious=case.serious,
        criminal=case.criminal_suspected,
        handler_function=case.handler_function,
        deadlines=deadlines,
        informed=tuple(case.informed),
        unsafe=unsafe,
    )


async def deadline_facts(tx: Tx, case_id: int) -> tuple[DeadlineLine, ...]:
    """The case's deadlines as a card lists them: task, due time, done or not (no names).
    A clock that had run out before the report came in is due "zo snel mogelijk"."""
    case = await tx.cases.case(case_id)
    submitted_at = case.submitted_at if case is not None else None
    lines = []
    for kind, due, state in await tx.deadlines.deadline_list(case_id):
        passed = submitted_at is not None and passed_at_submission(due, submitted_at)
        lines.append(
            DeadlineLine(
                kind=kind,
                task=say(f"deadline_{kind}"),
                due=say("deadline_asap") if passed else moment(due),
                done=state == DeadlineState.DONE,
                passed=passed,
            )
        )
    return tuple(lines)


async def case_card(tx: Tx, case: CaseRecord) -> CaseRouted:
    answers = await tx.dialogs.answers(case.id)
    when = answers.get("when") or {}
    return card_facts(
        case,
        str(when.get("shown") or "?"),
        await deadline_facts(tx, case.id),
        unsafe=unsafe_at_report(answers),
    )


def acknowledged_state(by: str | None, at: datetime | None) -> Acknowledged:
    """What a card says of who has the case since when."""
    return Acknowledged(
        by=by, at=at.isoformat() if at else None, at_shown=moment(at) if at else None
    )


async def acknowledge_case(
    tx: Tx,
    actor_id: int | None,
    reference: str,
    now: datetime,
    clicked: tuple[str, str] | None = None,
    channel: str = SYSTEM,
    parties: Sequence[str] | None = None,
) -> AckOutcome:
    """Take the case `reference` in hand for `actor_id`, and queue who hears of it.

    `clicked` is the (channel, message id) of the card that was pressed: that copy is
    answered by the channel itself and not refreshed through the outbox. `parties` are
    the informed parties the handler keeps (of the suggested ones; None: all suggested):
    only they are told. `channel` is
    where the person acted, for the audit trail (`CLI`: the operator on their behalf).
    Never raises for a person's mistake; the outcome's `text` says what happened.
    """
    case = await tx.cases.case_by_reference(reference)
    if case is None or case.status in ("draft", "discarded"):
        return AckOutcome(
            AckStatus.UNKNOWN,
            reference,
            say("ack_unknown_case", reference=reference.strip().upper()),
        )
    card = await case_card(tx, case)
    actor = await tx.people.person(actor_id) if actor_id is not None else None
    if not may_acknowledge(actor, case):
        log.info("acknowledge refused case_id=%s actor_id=%s", case.id, actor_id)
        await refused(tx, case, actor.id if actor else None, channel, AuditAction.ACKNOWLEDGE, now)
        return AckOutcome(AckStatus.REFUSED, case.reference, refusal_text(case), card)
    assert actor is not None
    if not await tx.cases.acknowledge(case.id, actor.id, now):
        current = await tx.cases.case(case.id)
        by = current.acknowledged_by if current else None
        at = current.acknowledged_at if current else None
        text = say(
            "ack_already",
            reference=case.reference,
            name=by or "-",
            time=moment(at) if at else "-",
        )
        return AckOutcome(AckStatus.ALREADY, case.reference, text, card, by, at)

    await record_by(tx, case, actor.id, channel, AuditAction.ACKNOWLEDGE, now)
    # Taking it in hand marks the acknowledgement deadline done: the cards show that.
    await tx.deadlines.mark_deadline_done(case.id, DeadlineKind.ACKNOWLEDGE, actor.id, now)
    card = replace(card, deadlines=await deadline_facts(tx, case.id))
    payload_state = acknowledged_state(actor.name, now)
    queued = await _refresh_cards(tx, case, card, payload_state, now, clicked)
    queued += await _tell_reporter(tx, case, actor.name, now)
    kept = tuple(p for p in case.informed if parties is None or p in parties)
    if parties is not None:
        await record_by(tx, case, actor.id, channel, AuditAction.PARTIES, now, {"kept": list(kept)})
    informed_queued, informed = await _tell_informed(tx, case, actor.id, now, kept)
    queued += informed_queued
    await tx.cases.add_event(
        case.id,
        now,
        EventKind.ACKNOWLEDGE_NOTICES,
        actor.id,
        {"messages": queued, "informed": list(informed), "kept": list(kept)},
    )
    log.info("case acknowledged case_id=%s actor_id=%s queued=%d", case.id, actor.id, queued)
    return AckOutcome(
        AckStatus.ACKNOWLEDGED,
        case.reference,
        say("ack_done", reference=case.reference),
        card,
        actor.name,
        now,
        queued,
        informed,
    )


def refusal_text(case: CaseRecord) -> str:
    title = say(f"role_{case.handler_function}") if case.handler_function else "-"
    handler = title[:1].lower() + title[1:]  # mid-sentence: "de griffier"
    return say("ack_refused", handler=handler, org=case.org.name if case.org else "-")


async def _refresh_cards(
    tx: Tx,
    case: CaseRecord,
    card: CaseRouted,
    state: Acknowledged,
    now: datetime,
    clicked: tuple[str, str] | None,
) -> int:
    queued = 0
    for copy in await tx.conversations.cards_of(case.id):
        if clicked == (copy.channel, copy.message_id):
            continue
        notice = CaseCardRefresh(copy.message_id, copy.audience, card, state)
        text = say("ack_card_text", reference=case.reference, time=state.at_shown)
        if await tx.outbox.enqueue(
            copy.channel,
            ACCOUNT.get(copy.channel, ""),
            copy.recipient,
            {"text": text, "notice": notice.to_dict()},
            now,
            dedupe_key=f"ack-card:{case.id}:{copy.channel}:{copy.message_id}",
        ):
            queued += 1
    return queued


async def _tell_reporter(tx: Tx, case: CaseRecord, name: str, now: datetime) -> int:
    reporter = await tx.people.person(case.reporter_id)
    if reporter is None:
        return 0
    text = say("ack_reporter", reference=case.reference, name=name, time=moment(now))
    notice = CaseAcknowledged(case.id, case.reference)
    return await queue_to(
        tx,
        reporter,
        {"text": text, "notice": notice.to_dict()},
        now,
        f"ack:{case.id}:reporter",
        channel=case.channel,
    )


async def _tell_informed(
    tx: Tx, case: CaseRecord, actor_id: int, now: datetime, kept: tuple[str, ...]
) -> tuple[int, tuple[str, ...]]:
    if case.org is None or case.org_id is None:
        return 0, ()
    text = say(
        "ack_informed",
        reference=case.reference,
        role=say(f"role_{case.role}") if case.role else "-",
        org=case.org.name,
        handler=say(f"role_{case.handler_function}"),
    )
    notice = CaseInformed(case.id, case.reference).to_dict()
    skip = {case.reporter_id, actor_id}
    queued, told = 0, []
    for function in kept:
        role = INFORMED_ROLES.get(function)
        if role is None:
            continue  # not a function anyone is enrolled in
        for org_id in await _orgs_for(tx, role, case):
            for person in await tx.people.people_with_role(org_id, role):
                if person.id in skip:
                    continue
                skip.add(person.id)
                got = await queue_to(
                    tx, person, {"text": text, "notice": notice}, now, f"ack:{case.id}:informed"
                )
                if got:
                    queued += got
                    told.append(function)
    return queued, tuple(dict.fromkeys(told))


async def _orgs_for(tx: Tx, role: str, case: CaseRecord) -> list[int]:
    """Where holders of an informed `role` sit: the case's own organisation when the role
    exists there (griffier, burgemeester, dijkgraaf), else the province (the Commissaris
    van de Koning, the statengriffier)."""
    assert case.org is not None and case.org_id is not None
    if role_fits(role, case.org.kind):
        return [case.org_id]
    return [
        org_id
        for org_id, org in await tx.people.organisations()
        if org.kind is OrgKind.PROVINCE and role_fits(role, org.kind)
    ]
