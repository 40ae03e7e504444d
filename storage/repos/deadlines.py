"""A case's deadlines: set with their reminder plans, moved, done, snoozed. The SQL behind
bot/cases/deadlines.py; the reminder rows themselves are storage/repos/reminders.py."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from sqlalchemy import (
    BindParameter,
    and_,
    bindparam,
    func,
    select,
    update,
)

from bot.domain.records import (
    DeadlineRecord,
    DeadlineState,
    ReminderState,
)
from storage.repos.base import Repo
from storage.tables import (
    case_deadlines,
    reminders,
)

PENDING, SENT, CANCELLED = ReminderState.PENDING, ReminderState.SENT, ReminderState.CANCELLED
OPEN, DONE = DeadlineState.OPEN, DeadlineState.DONE

# Prebuilt statements of a report's submission (`set_deadlines`) and of a reporter's
# every first message (`open_checkin`); executed with dicts of column values.
_KINDS: BindParameter[list[str]] = bindparam("kinds", expanding=True)
_DEADLINES_OF = select(
    case_deadlines.c.id, case_deadlines.c.kind, case_deadlines.c.state, case_deadlines.c.due_at
).where(case_deadlines.c.case_id == bindparam("case_id"))
_MOVE_DEADLINE = update(case_deadlines).where(case_deadlines.c.id == bindparam("b_id"))
_INSERT_DEADLINE = case_deadlines.insert()
_DELETE_PENDING = reminders.delete().where(
    and_(
        reminders.c.case_id == bindparam("case_id"),
        reminders.c.kind.in_(_KINDS),
        reminders.c.state == PENDING,
    )
)
_STEPS_OF = select(reminders.c.kind, reminders.c.step).where(
    and_(reminders.c.case_id == bindparam("case_id"), reminders.c.kind.in_(_KINDS))
)
_DEADLINE_LIST = (
    select(case_deadlines.c.kind, case_deadlines.c.due_at, case_deadlines.c.state)
    .where(case_deadlines.c.case_id == bindparam("case_id"))
    .order_by(case_deadlines.c.due_at, case_deadlines.c.id)
)


class DeadlineRepo(Repo):
    """A case's deadlines: set, moved, done, snoozed."""

    async def set_deadline(self, case_id: int, kind: str, due: datetime, now: datetime) -> bool:
        """Create a case's deadline, or move an open one; False when it is done already."""
        row = (
            await self.conn.execute(
                select(case_deadlines.c.id, case_deadlines.c.state).where(
                    and_(case_deadlines.c.case_id == case_id, case_deadlines.c.kind == kind)
                )
            )
        ).first()
        if row is None:
            await self.conn.execute(
                case_deadlines.insert().values(
                    case_id=case_id, kind=kind, due_at=due, state=OPEN, created_at=now
                )
            )
            return True
        if row.state != OPEN:
            return False
        await self.conn.execute(
            update(case_deadlines)
            .where(case_deadlines.c.id == row.id)
            .values(due_at=due, snoozed_until=None)
        )
        return True

    async def set_deadlines(
        self,
        case_id: int,
        plans: Sequence[tuple[str, datetime, list[tuple[str, datetime]]]],
        now: datetime,
    ) -> list[str]:
        """`set_deadline` and `replace_pending` for several deadlines (kind, due, reminder
        steps) of one case at once, in a fixed number of statements; returns the kinds that
        were set, in order (a deadline that is done already is left as it is)."""
        kinds = [kind for kind, _due, _steps in plans]
        if len(set(kinds)) != len(kinds):
            raise ValueError(f"each deadline kind once, got {kinds}")
        found = {r.kind: r for r in await self.conn.execute(_DEADLINES_OF, {"case_id": case_id})}
        new, done = [], set()
        for kind, due, _steps in plans:
            row = found.get(kind)
            if row is None:
                new.append(
                    {
                        "case_id": case_id,
                        "kind": kind,
                        "due_at": due,
                        "state": OPEN,
                        "created_at": now,
                    }
                )
            elif row.state != OPEN:
                done.add(kind)
            else:
                await self.conn.execute(
                    _MOVE_DEADLINE, {"b_id": row.id, "due_at": due, "snoozed_until": None}
                )
        if new:
            await self.conn.execute(_INSERT_DEADLINE, new)
        set_kinds = [k for k in kinds if k not in done]
        if not set_kinds:
            return []
        # A moved deadline: its pending rows go, the new plan comes in (sent rows stay).
        await self.conn.execute(_DELETE_PENDING, {"case_id": case_id, "kinds": set_kinds})
        sent = {
            (r.kind, r.step)
            for r in await self.conn.execute(_STEPS_OF, {"case_id": case_id, "kinds": set_kinds})
        }
        await self.tx.reminders.insert_steps(
            case_id,
            [
                (kind, step, at)
                for kind, _due, steps in plans
                if kind not in done
                for step, at in steps
                if (kind, step) not in sent
            ],
            now,
        )
        return set_kinds

    async def deadline_state(self, case_id: int, kind: str) -> str | None:
        state: str | None = (
            await self.conn.execute(
                select(case_deadlines.c.state).where(
                    and_(case_deadlines.c.case_id == case_id, case_deadlines.c.kind == kind)
                )
            )
        ).scalar_one_or_none()
        return state

    async def mark_deadline_done(
        self, case_id: int, kind: str, person_id: int | None, now: datetime
    ) -> bool:
        """Mark done and cancel every pending reminder of it, at once; False if not open."""
        result = await self.conn.execute(
            update(case_deadlines)
            .where(
                and_(
                    case_deadlines.c.case_id == case_id,
                    case_deadlines.c.kind == kind,
                    case_deadlines.c.state == OPEN,
                )
            )
            .values(state=DONE, done_at=now, done_by=person_id)
        )
        await self.tx.reminders.cancel_pending(case_id, kind)
        return bool(result.rowcount)

    async def note_snooze(self, case_id: int, kind: str, until: datetime) -> None:
        await self.conn.execute(
            update(case_deadlines)
            .where(and_(case_deadlines.c.case_id == case_id, case_deadlines.c.kind == kind))
            .values(snoozed_until=until)
        )

    async def deadline_list(self, case_id: int) -> list[tuple[str, datetime, str]]:
        """The case's deadlines as (kind, due, state), by due time: `deadlines` without the
        reminder counts and names."""
        rows = await self.conn.execute(_DEADLINE_LIST, {"case_id": case_id})
        return [(r.kind, r.due_at, r.state) for r in rows]

    async def deadlines(self, case_id: int) -> list[DeadlineRecord]:
        counts: dict[tuple[str, str], int] = {}
        for r in await self.conn.execute(
            select(reminders.c.kind, reminders.c.state, func.count())
            .where(reminders.c.case_id == case_id)
            .group_by(reminders.c.kind, reminders.c.state)
        ):
            counts[(r[0], r[1])] = int(r[2])
        rows = list(
            await self.conn.execute(
                select(case_deadlines)
                .where(case_deadlines.c.case_id == case_id)
                .order_by(case_deadlines.c.due_at, case_deadlines.c.id)
            )
        )
        out = []
        for r in rows:
            who = await self.tx.people.person(r.done_by) if r.done_by is not None else None
            out.append(
                DeadlineRecord(
                    kind=r.kind,
                    due_at=r.due_at,
                    state=r.state,
                    created_at=r.created_at,
                    done_at=r.done_at,
                    done_by=who.name if who else None,
                    snoozed_until=r.snoozed_until,
                    pending_reminders=counts.get((r.kind, PENDING), 0),
                    sent_reminders=counts.get((r.kind, SENT), 0),
                )
            )
        return out
