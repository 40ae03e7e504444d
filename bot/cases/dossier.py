"""The perpetrator dossier across organisations: suggest, decide, and show a timeline.

At submission `mark_case` keeps the keyed hashes of the identifiers the report names its
perpetrator by (bot/domain/identifiers.py; storage keeps only the hashes) and suggests
every other case that shares one as the same perpetrator, telling the handlers of both
cases and the coordinator VPT (no names, no story: the two references). Whoever may work
one of the two cases, or the coordinator, confirms or rejects (`decide_link`, audited on
both cases). `timeline` shows a confirmed dossier: cases the viewer may read in full,
the others only by date, kind, organisation and status (bot/domain/dossier.py).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from bot.cases.audit import record_by, refused
from bot.cases.evaluation import is_coordinator
from bot.cases.notify import queue_to
from bot.domain.audit import AuditAction
from bot.domain.dossier import FOLLOWS, DossierLink, LinkState, dossier_of
from bot.domain.identifiers import identifiers_in
from bot.domain.permissions import may_act, may_read
from bot.domain.records import UNSENT, CaseRecord, Person
from bot.domain.routing import SupportRole
from bot.errors import UserError
from bot.ports import Tx
from bot.text.catalogue import say

log = logging.getLogger(__name__)


async def mark_case(tx: Tx, case: CaseRecord, answers: dict[str, Any], now: datetime) -> int:
    """Keep the hashes of the perpetrator's identifiers and suggest the cases that share
    one; returns how many new suggestions were made."""
    found = identifiers_in(_text(answers.get("perp_who")), _text(answers.get("perp_details")))
    made = 0
    for other_id, kind in await tx.dossier.set_marks(case.id, found):
        if await suggest(tx, case, other_id, kind, now):
            made += 1
    earlier = await tx.dossier.follows(case.id)
    if earlier is not None and await suggest(tx, case, earlier, FOLLOWS, now):
        made += 1
    return made


def _text(value: object) -> str | None:
    return value if isinstance(value, str) else None


async def suggest(tx: Tx, case: CaseRecord, other_id: int, reason: str, now: datetime) -> bool:
    """Suggest `case` and `other_id` as one perpetrator; tell the handlers of both and the
    coordinator VPT. False when the two were linked (or rejected) before."""
    other = await tx.cases.case(other_id)
    if other is None or other.status in UNSENT or other.id == case.id:
        return False
    if not await tx.dossier.suggest(case.id, other.id, reason, now):
        return False
    people: dict[int, Person] = {
        p.id: p for p in await tx.people.people_with_role_anywhere(SupportRole.COORDINATOR_VPT)
    }
    for c in (case, other):
        if c.org_id is not None and c.handler_function:
            for p in await tx.people.people_with_role(c.org_id, c.handler_function):
                people.setdefault(p.id, p)
    low, high = sorted((case, other), key=lambda c: c.id)
    for person in people.values():
        # Each reads it with their own case first where they have one.
        mine, theirs = (
            (high, low) if may_read(person, high) and not may_read(person, low) else (low, high)
        )
        await queue_to(
            tx,
            person,
            {"text": say("dossier_suggested", reference=mine.reference, other=theirs.reference)},
            now,
            f"dossier:{low.id}:{high.id}:{person.id}",
        )
    log.info("dossier link suggested cases=%s,%s reason=%s", low.id, high.id, reason)
    return True


def may_decide(person: Person | None, a: CaseRecord, b: CaseRecord) -> bool:
    """A handler (or deputy) of either case, or the coordinator VPT."""
    return is_coordinator(person) or may_act(person, a) or may_act(person, b)


async def decide_link(
    tx: Tx, person: Person, link_id: int, confirm: bool, channel: str, now: datetime
) -> DossierLink:
    """Confirm or reject a suggested link for `person`, audited on both cases."""
    link = await tx.dossier.link(link_id)
    a = await tx.cases.case(link.case_a) if link else None
    b = await tx.cases.case(link.case_b) if link else None
    if link is None or a is None or b is None:
        raise UserError(say("dossier_unknown"))
    if not may_decide(person, a, b):
        for c in (a, b):
            await refused(tx, c, person.id, channel, AuditAction.DOSSIER, now)
        raise UserError(say("dossier_refused"))
    state = LinkState.CONFIRMED if confirm else LinkState.REJECTED
    if await tx.dossier.decide(link.id, state, person.id, now):
        for c in (a, b):
            await record_by(
                tx,
                c,
                person.id,
                channel,
                AuditAction.DOSSIER,
                now,
                {"link": link.id, "state": str(state)},
            )
    decided = await tx.dossier.link(link.id)
    assert decided is not None
    return decided


@dataclass(frozen=True)
class TimelineItem:
    """One case in a dossier, as the viewer may see it: `reference`, `role` and
    `serious` only when they may read the case (`full`)."""

    case_id: int
    at: datetime
    kinds: tuple[str, ...]
    org: str
    status: str
    full: bool
    reference: str | None = None
    role: str | None = None
    serious: bool | None = None


def timeline_item(viewer: Person | None, case: CaseRecord) -> TimelineItem:
    at = case.incident_start or case.submitted_at or case.created_at
    org = case.org.name if case.org else "-"
    if may_read(viewer, case):
        return TimelineItem(
            case.id, at, case.kinds, org, case.status, True, case.reference, case.role, case.serious
        )
    return TimelineItem(case.id, at, case.kinds, org, case.status, False)


@dataclass(frozen=True)
class Dossier:
    items: tuple[TimelineItem, ...]  # by date
    suggestions: tuple[tuple[DossierLink, TimelineItem, TimelineItem], ...]


async def dossier_for(
    tx: Tx, viewer: Person, reference: str, channel: str, now: datetime
) -> Dossier:
    """The dossier of the case `reference` as `viewer` may see it, with the suggestions
    still open on its cases. Only someone who may read that case (or the coordinator)
    opens it; a refusal is audited."""
    case = await tx.cases.case_by_reference(reference.strip().upper())
    if case is None or case.status in UNSENT:
        raise UserError(say("insight_case_not_found", reference=reference))
    if not may_read(viewer, case):
        await refused(tx, case, viewer.id, channel, AuditAction.DOSSIER, now)
        raise UserError(say("dossier_refused"))
    # Follow confirmed links outward until no new case joins.
    members = {case.id}
    while True:
        links = await tx.dossier.links_of(sorted(members))
        grown = dossier_of(case.id, links)
        if grown == members:
            break
        members = grown
    cases = [c for c in [await tx.cases.case(i) for i in sorted(members)] if c is not None]
    items = sorted((timeline_item(viewer, c) for c in cases), key=lambda t: (t.at, t.case_id))
    suggestions = []
    for link in links:
        if link.state != LinkState.SUGGESTED:
            continue
        a, b = await tx.cases.case(link.case_a), await tx.cases.case(link.case_b)
        if a is not None and b is not None and may_decide(viewer, a, b):
            suggestions.append((link, timeline_item(viewer, a), timeline_item(viewer, b)))
    return Dossier(tuple(items), tuple(suggestions))


async def open_suggestions(
    tx: Tx, viewer: Person
) -> list[tuple[DossierLink, TimelineItem, TimelineItem]]:
    """Every suggested link `viewer` may decide, each side as they may see it."""
    found = []
    for link in await tx.dossier.suggested():
        a, b = await tx.cases.case(link.case_a), await tx.cases.case(link.case_b)
        if a is not None and b is not None and may_decide(viewer, a, b):
            found.append((link, timeline_item(viewer, a), timeline_item(viewer, b)))
    return found
