"""The console's overviews: the case list with its filters, and "Mijn termijnen".

Both show only cases the person may read (bot/domain/permissions.py `may_read`: the case's
handler function at its organisation, that function's deputy, the coordinator VPT, who
therefore sees every organisation). They show no story, no names and no evidence: the
reference, organisation, kinds, status and deadlines, as a team channel's card does. So a
list is not a view of case content and is not audited; opening a case is (bot/cases/view.py).

The cases are read whole and filtered here: fine for a province's few hundred cases a
year; a much larger store would want the filters in the query.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from bot.domain.permissions import may_read
from bot.domain.records import CaseRecord, CaseStatus, DeadlineRecord, DeadlineState, Person
from bot.domain.reminder_plan import ESCALATION
from bot.domain.zone import AMSTERDAM
from bot.ports import Tx
from bot.text.catalogue import TEXTS, say
from bot.text.format import short_moment


class DeadlineStatus(StrEnum):
    """A case's deadlines at a glance, worst first."""

    ESCALATED = "escalated"  # open, and an escalation step went out
    OVERDUE = "overdue"  # open and past due
    OPEN = "open"  # open, not yet due
    NONE = "none"  # nothing open


STATUSES = (CaseStatus.SUBMITTED, CaseStatus.ACKNOWLEDGED, CaseStatus.CLOSED)


@dataclass(frozen=True)
class CaseFilter:
    """What the case list is narrowed to; None: no filter on that."""

    status: str | None = None  # a CaseStatus value
    kind: str | None = None  # a kind of behaviour (the report's "kinds" answer)
    since: date | None = None  # submitted on or after (Amsterdam date)
    until: date | None = None  # submitted on or before
    deadline: str | None = None  # a DeadlineStatus value

    def admits(self, case: CaseRecord, deadline: DeadlineStatus) -> bool:
        submitted = case.submitted_at.astimezone(AMSTERDAM).date() if case.submitted_at else None
        return (
            (self.status is None or case.status == self.status)
            and (self.kind is None or self.kind in case.kinds)
            and (self.since is None or (submitted is not None and submitted >= self.since))
            and (self.until is None or (submitted is not None and submitted <= self.until))
            and (self.deadline is None or deadline == self.deadline)
        )


@dataclass(frozen=True)
class CaseRow:
    reference: str
    org: str
    kinds: tuple[str, ...]  # as shown
    status: str  # CaseStatus value
    status_label: str
    submitted: str
    serious: bool
    deadline: DeadlineStatus
    deadline_label: str
    next_due: str | None  # the first open deadline, as shown


@dataclass(frozen=True)
class DeadlineItem:
    """One open deadline of "Mijn termijnen"."""

    reference: str
    org: str
    kind: str
    task: str
    due: str
    due_at: datetime
    state: DeadlineStatus


def kind_label(kind: str) -> str:
    key = f"kind_{kind}"
    return say(key) if key in TEXTS else kind


def status_label(status: str) -> str:
    return say(f"console_status_{status}") if status in set(STATUSES) else status


def _escalated_kinds(rows: list[dict[str, object]]) -> set[str]:
    return {
        str(r["kind"])
        for r in rows
        if str(r.get("step", "")).startswith(ESCALATION) and r.get("state") == "sent"
    }


def _state(d: DeadlineRecord, escalated: set[str], now: datetime) -> DeadlineStatus:
    if d.kind in escalated:
        return DeadlineStatus.ESCALATED
    return DeadlineStatus.OVERDUE if d.due_at < now else DeadlineStatus.OPEN


async def _open_deadlines(
    tx: Tx, case: CaseRecord, now: datetime
) -> list[tuple[DeadlineRecord, DeadlineStatus]]:
    deadlines = [d for d in await tx.deadlines.deadlines(case.id) if d.state == DeadlineState.OPEN]
    if not deadlines:
        return []
    escalated = _escalated_kinds(await tx.reminders.reminder_rows(case.id))
    return sorted(
        ((d, _state(d, escalated, now)) for d in deadlines), key=lambda pair: pair[0].due_at
    )


def _worst(states: list[DeadlineStatus]) -> DeadlineStatus:
    order = list(DeadlineStatus)
    return min(states, key=order.index) if states else DeadlineStatus.NONE


async def readable_cases(tx: Tx, person: Person) -> list[CaseRecord]:
    """Every submitted case `person` may read, newest first."""
    cases = [c for c in await tx.cases.list_cases() if c.status in set(STATUSES)]
    readable = [c for c in cases if may_read(person, c)]
    return sorted(readable, key=lambda c: c.submitted_at or c.created_at, reverse=True)


async def case_rows(tx: Tx, person: Person, wanted: CaseFilter, now: datetime) -> list[CaseRow]:
    rows = []
    for case in await readable_cases(tx, person):
        open_ = await _open_deadlines(tx, case, now)
        worst = _worst([state for _d, state in open_])
        if not wanted.admits(case, worst):
            continue
        rows.append(
            CaseRow(
                reference=case.reference,
                org=case.org.name if case.org else "-",
                kinds=tuple(kind_label(k) for k in case.kinds),
                status=case.status,
                status_label=status_label(case.status),
                submitted=short_moment(case.submitted_at) if case.submitted_at else "-",
                serious=case.serious,
                deadline=worst,
                deadline_label=say(f"console_deadline_{worst}"),
                next_due=short_moment(open_[0][0].due_at) if open_ else None,
            )
        )
    return rows


async def my_deadlines(tx: Tx, person: Person, now: datetime) -> list[DeadlineItem]:
    """The open deadlines of every open case `person` may read, soonest first."""
    items = []
    for case in await readable_cases(tx, person):
        if case.status == CaseStatus.CLOSED:
            continue
        for d, state in await _open_deadlines(tx, case, now):
            task_key = f"deadline_{d.kind}"
            items.append(
                DeadlineItem(
                    reference=case.reference,
                    org=case.org.name if case.org else "-",
                    kind=d.kind,
                    task=say(task_key) if task_key in TEXTS else d.kind,
                    due=short_moment(d.due_at),
                    due_at=d.due_at,
                    state=state,
                )
            )
    return sorted(items, key=lambda i: i.due_at)


def known_kinds(cases: list[CaseRecord]) -> list[tuple[str, str]]:
    """The kinds that occur in `cases`, as (value, label), for the filter's choices."""
    seen = sorted({k for c in cases for k in c.kinds})
    return [(k, kind_label(k)) for k in seen]
