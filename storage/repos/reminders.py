"""Reminder and check-in rows: the SQL behind bot/jobs/sweep.py and bot/cases/aftercare.py.

Claiming works like the outbox (storage/repos/outbox.py): a short transaction picks due pending
rows (`FOR UPDATE SKIP LOCKED` on PostgreSQL) and sets a lease with a random token; the
sender then marks each row sent only while that lease is still its own. Two replicas
therefore never both send a row, and a replica that dies mid-sweep lets the lease run out.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import (
    and_,
    bindparam,
    literal_column,
    or_,
    select,
    update,
)

from bot.domain.records import (
    DeadlineState,
    DueReminder,
    OpenCheckin,
    ReminderState,
)
from bot.domain.reminder_plan import CHECKIN
from storage.repos.base import Repo
from storage.tables import (
    case_deadlines,
    cases,
    organisations,
    reminders,
)

PENDING, SENT, CANCELLED = ReminderState.PENDING, ReminderState.SENT, ReminderState.CANCELLED
OPEN, DONE = DeadlineState.OPEN, DeadlineState.DONE

_OPEN_CHECKIN = (
    select(
        reminders.c.id,
        reminders.c.case_id,
        reminders.c.step,
        cases.c.reference,
        cases.c.org_id,
        cases.c.handler_function,
    )
    .join(cases, cases.c.id == reminders.c.case_id)
    .where(
        and_(
            cases.c.reporter_id == bindparam("reporter_id"),
            reminders.c.kind == CHECKIN,
            reminders.c.state == SENT,
            reminders.c.answered_at.is_(None),
            reminders.c.sent_at >= bindparam("since", type_=reminders.c.sent_at.type),
        )
    )
    .order_by(reminders.c.sent_at.desc(), reminders.c.id.desc())
    .limit(1)
)


# A literal, not a bound parameter: only then can SQLite and PostgreSQL (generic plans)
# prove that the query's rows lie inside the partial index "WHERE state = 'pending'".
_IS_PENDING = reminders.c.state == literal_column(f"'{PENDING}'")


def _due_filter(now: datetime) -> Any:
    return and_(
        _IS_PENDING,
        reminders.c.due_at <= now,
        or_(reminders.c.lease_until.is_(None), reminders.c.lease_until <= now),
    )


def claim_query(now: datetime, limit: int) -> Any:
    """The sweep's pick of due rows (also used by tests and the benchmark for EXPLAIN)."""
    return select(reminders.c.id).where(_due_filter(now)).order_by(reminders.c.due_at).limit(limit)


# --- people ---------------------------------------------------------------------------------


class ReminderRepo(Repo):
    """Reminder rows: planned, claimed by the sweep, sent; check-ins answered."""

    async def insert_steps(
        self, case_id: int, steps: list[tuple[str, str, datetime]], now: datetime
    ) -> None:
        """Insert (kind, step, due) rows in one statement; a step that exists is left alone."""
        if steps:
            stmt = self._cached("reminders.insert", lambda: self._insert_ignore(reminders))
            await self.conn.execute(
                stmt,
                [
                    {
                        "case_id": case_id,
                        "kind": kind,
                        "step": step,
                        "due_at": due,
                        "state": PENDING,
                        "late": False,
                        "created_at": now,
                    }
                    for kind, step, due in steps
                ],
            )

    async def add_reminders(
        self, case_id: int, kind: str, steps: list[tuple[str, datetime]], now: datetime
    ) -> None:
        """Insert the planned steps; a step that exists already is left alone."""
        await self.insert_steps(case_id, [(kind, step, due) for step, due in steps], now)

    async def cancel_pending(self, case_id: int, kind: str) -> int:
        result = await self.conn.execute(
            update(reminders)
            .where(
                and_(
                    reminders.c.case_id == case_id,
                    reminders.c.kind == kind,
                    reminders.c.state == PENDING,
                )
            )
            .values(state=CANCELLED, lease_token=None, lease_until=None)
        )
        return result.rowcount or 0

    async def pending_steps(self, case_id: int, kind: str) -> list[tuple[int, str, datetime]]:
        rows = await self.conn.execute(
            select(reminders.c.id, reminders.c.step, reminders.c.due_at)
            .where(
                and_(
                    reminders.c.case_id == case_id,
                    reminders.c.kind == kind,
                    reminders.c.state == PENDING,
                )
            )
            .order_by(reminders.c.due_at)
        )
        return [(r.id, r.step, r.due_at) for r in rows]

    async def move_reminder(self, reminder_id: int, due: datetime) -> None:
        await self.conn.execute(
            update(reminders)
            .where(and_(reminders.c.id == reminder_id, reminders.c.state == PENDING))
            .values(due_at=due, lease_token=None, lease_until=None)
        )

    async def claim_due(
        self, now: datetime, token: str, limit: int = 500, lease_seconds: float = 120.0
    ) -> list[DueReminder]:
        """Lease up to `limit` due rows to `token` and return them with their case's facts."""
        q = claim_query(now, limit)
        if self.conn.dialect.name == "postgresql":
            q = q.with_for_update(skip_locked=True)
        ids = list((await self.conn.execute(q)).scalars())
        if not ids:
            return []
        # The filter is repeated in the UPDATE: on SQLite (no row locks) it is what keeps two
        # processes from leasing the same row; on PostgreSQL it is a no-op after the lock.
        await self.conn.execute(
            update(reminders)
            .where(and_(reminders.c.id.in_(ids), _due_filter(now)))
            .values(lease_token=token, lease_until=now + timedelta(seconds=lease_seconds))
        )
        rows = await self.conn.execute(
            select(
                reminders.c.id,
                reminders.c.case_id,
                reminders.c.kind,
                reminders.c.step,
                reminders.c.due_at,
                case_deadlines.c.due_at.label("deadline_due"),
                cases.c.reference,
                cases.c.reporter_id,
                cases.c.channel,
                cases.c.role,
                cases.c.org_id,
                organisations.c.name.label("org_name"),
                cases.c.handler_function,
                cases.c.serious,
            )
            .join(cases, cases.c.id == reminders.c.case_id)
            .outerjoin(organisations, organisations.c.id == cases.c.org_id)
            .outerjoin(
                case_deadlines,
                and_(
                    case_deadlines.c.case_id == reminders.c.case_id,
                    case_deadlines.c.kind == reminders.c.kind,
                ),
            )
            .where(and_(reminders.c.id.in_(ids), reminders.c.lease_token == token))
            .order_by(reminders.c.due_at, reminders.c.id)
        )
        return [
            DueReminder(
                id=r.id,
                case_id=r.case_id,
                kind=r.kind,
                step=r.step,
                due_at=r.due_at,
                deadline_due=r.deadline_due,
                reference=r.reference,
                reporter_id=r.reporter_id,
                channel=r.channel,
                role=r.role,
                org_id=r.org_id,
                org_name=r.org_name,
                handler_function=r.handler_function,
                serious=r.serious,
            )
            for r in rows
        ]

    async def explain_claim(self, now: datetime, limit: int = 500) -> str:
        """The database's plan for the sweep's claim query (tests and bench/sweep_bench.py)."""
        compiled = claim_query(now, limit).compile(dialect=self.conn.dialect)
        params = compiled.construct_params()
        sqlite = self.conn.dialect.name == "sqlite"

        def plain(value: Any) -> Any:
            if isinstance(value, datetime) and sqlite:  # stored as naive UTC text on SQLite
                return value.astimezone(UTC).replace(tzinfo=None).isoformat(" ")
            return value

        values = tuple(plain(params[name]) for name in compiled.positiontup or ())
        prefix = "EXPLAIN QUERY PLAN " if sqlite else "EXPLAIN "
        result = await self.conn.exec_driver_sql(prefix + compiled.string, values)
        return "\n".join(" ".join(str(c) for c in row) for row in result)

    async def finish_claimed(
        self, reminder_id: int, token: str, now: datetime, state: str, late: bool = False
    ) -> bool:
        """Mark a leased row sent (or cancelled); False when the lease is no longer ours or the
        row was cancelled meanwhile (the deadline was marked done): then nothing is sent."""
        result = await self.conn.execute(
            update(reminders)
            .where(
                and_(
                    reminders.c.id == reminder_id,
                    reminders.c.lease_token == token,
                    reminders.c.state == PENDING,
                )
            )
            .values(
                state=state,
                sent_at=now if state == SENT else None,
                late=late,
                lease_token=None,
                lease_until=None,
            )
        )
        return bool(result.rowcount)

    async def reminder_rows(self, case_id: int) -> list[dict[str, Any]]:
        rows = await self.conn.execute(
            select(reminders)
            .where(reminders.c.case_id == case_id)
            .order_by(reminders.c.due_at, reminders.c.id)
        )
        return [dict(r._mapping) for r in rows]

    async def open_checkin(
        self, reporter_id: int, now: datetime, open_for: timedelta
    ) -> OpenCheckin | None:
        """The reporter's latest check-in sent within `open_for` and not answered yet."""
        row = (
            await self.conn.execute(
                _OPEN_CHECKIN, {"reporter_id": reporter_id, "since": now - open_for}
            )
        ).first()
        if row is None:
            return None
        return OpenCheckin(
            row.id, row.case_id, row.reference, row.step, row.org_id, row.handler_function
        )

    async def answer_checkin(self, reminder_id: int, now: datetime) -> None:
        await self.conn.execute(
            update(reminders).where(reminders.c.id == reminder_id).values(answered_at=now)
        )
