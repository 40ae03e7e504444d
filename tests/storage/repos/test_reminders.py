"""Deadline and reminder rows on SQLite and PostgreSQL: leases, done, and the sweep's index."""

from __future__ import annotations

from datetime import timedelta

from bot.app import Weerbaar
from bot.domain.records import ReminderState
from storage.store import Store
from storage.tables import reminders
from tests.conftest import AppFactory, FakeClock


async def _case(app: Weerbaar, clock: FakeClock) -> int:
    async with app.store.transaction() as tx:
        pid = await tx.people.add_person("Rita Reporter", clock())
        return await tx.cases.create_draft(pid, "local", clock())


async def test_a_leased_row_is_invisible_to_a_second_claim_until_the_lease_runs_out(
    make_app: AppFactory, database_url: str, clock: FakeClock
) -> None:
    app = await make_app(database_url, demo=False)
    case_id = await _case(app, clock)
    now = clock()
    async with app.store.transaction() as tx:
        await tx.reminders.add_reminders(
            case_id,
            "measures",
            [("reminder", now - timedelta(minutes=5)), ("overdue", now + timedelta(hours=1))],
            now,
        )
    async with app.store.transaction() as tx:
        first = await tx.reminders.claim_due(now, "token-a", lease_seconds=60)
    assert [r.step for r in first] == ["reminder"]
    async with app.store.transaction() as tx:
        assert await tx.reminders.claim_due(now, "token-b") == []
    # token-b cannot finish token-a's row
    async with app.store.transaction() as tx:
        assert not await tx.reminders.finish_claimed(
            first[0].id, "token-b", now, ReminderState.SENT
        )
    later = now + timedelta(seconds=61)
    async with app.store.transaction() as tx:
        again = await tx.reminders.claim_due(later, "token-b")
    assert [r.id for r in again] == [first[0].id]
    async with app.store.transaction() as tx:
        # the lease moved on: the first sweeper's late finish is refused, the second's works
        assert not await tx.reminders.finish_claimed(
            first[0].id, "token-a", later, ReminderState.SENT
        )
        assert await tx.reminders.finish_claimed(first[0].id, "token-b", later, ReminderState.SENT)
        assert await tx.reminders.claim_due(later, "token-c") == []


async def test_done_cancels_every_pending_step_even_one_that_is_leased(
    make_app: AppFactory, database_url: str, clock: FakeClock
) -> None:
    app = await make_app(database_url, demo=False)
    case_id = await _case(app, clock)
    now = clock()
    async with app.store.transaction() as tx:
        assert await tx.deadlines.set_deadline(case_id, "police", now + timedelta(days=2), now)
        await tx.reminders.add_reminders(
            case_id,
            "police",
            [
                ("reminder", now),
                ("overdue", now + timedelta(days=2)),
                ("escalation_1", now + timedelta(days=3)),
            ],
            now,
        )
    async with app.store.transaction() as tx:
        [claimed] = await tx.reminders.claim_due(now, "t")
    async with app.store.transaction() as tx:
        assert await tx.deadlines.mark_deadline_done(case_id, "police", None, now)
        assert not await tx.deadlines.mark_deadline_done(case_id, "police", None, now)
        assert not await tx.deadlines.set_deadline(case_id, "police", now, now)  # done stays done
    async with app.store.transaction() as tx:
        # the sweeper that held the lease finds the row cancelled and sends nothing
        assert not await tx.reminders.finish_claimed(claimed.id, "t", now, ReminderState.SENT)
        states = {r["step"]: r["state"] for r in await tx.reminders.reminder_rows(case_id)}
        [deadline] = await tx.deadlines.deadlines(case_id)
    assert states == {"reminder": "cancelled", "overdue": "cancelled", "escalation_1": "cancelled"}
    assert deadline.state == "done" and deadline.done_at == now


async def _fill(app: Weerbaar, clock: FakeClock, sent: int, pending: int, due: int) -> None:
    """`sent` old rows, `pending` rows in the future, `due` rows due now."""
    case_id = await _case(app, clock)
    now = clock()
    batch = []
    for i in range(sent + pending + due):
        if i < sent:
            state, at = "sent", now - timedelta(days=30, minutes=i)
        elif i < sent + pending:
            state, at = "pending", now + timedelta(days=1, minutes=i)
        else:
            state, at = "pending", now - timedelta(minutes=i % 50)
        batch.append(
            {
                "case_id": case_id,
                "kind": "measures",
                "step": f"s{i}",
                "due_at": at,
                "state": state,
                "late": False,
                "created_at": now,
            }
        )
    async with Store(app.db).transaction() as tx:  # raw rows: the concrete store
        for start in range(0, len(batch), 5000):
            await tx.conn.execute(reminders.insert(), batch[start : start + 5000])


async def test_the_sweep_reads_the_partial_index_of_pending_rows(
    make_app: AppFactory, database_url: str, clock: FakeClock
) -> None:
    app = await make_app(database_url, demo=False)
    await _fill(app, clock, sent=20_000, pending=2_000, due=40)
    async with Store(app.db).transaction() as tx:
        if tx.conn.dialect.name == "postgresql":
            await tx.conn.exec_driver_sql("ANALYZE reminders")
    async with app.store.transaction() as tx:
        plan = await tx.reminders.explain_claim(clock(), 500)
        claimed = await tx.reminders.claim_due(clock(), "t", limit=500)
    # PostgreSQL: "Index Scan using ix_reminders_pending_due"; SQLite: "SEARCH reminders
    # USING INDEX ix_reminders_pending_due (due_at<?)". Never a scan of the whole table.
    assert "ix_reminders_pending_due" in plan, plan
    assert "Seq Scan" not in plan and "SCAN reminders" not in plan, plan
    assert len(claimed) == 40


async def test_open_checkin_is_the_latest_unanswered_one(
    make_app: AppFactory, database_url: str, clock: FakeClock
) -> None:
    app = await make_app(database_url, demo=False)
    case_id = await _case(app, clock)
    now, n = clock(), 3
    async with app.store.transaction() as tx:
        await tx.reminders.add_reminders(
            case_id,
            "checkin",
            [(f"checkin_{i}", now - timedelta(hours=n - i)) for i in range(1, n + 1)],
            now,
        )
        for r in await tx.reminders.claim_due(now, "t"):
            await tx.reminders.finish_claimed(
                r.id, "t", now - timedelta(hours=n - int(r.step[-1])), ReminderState.SENT
            )
        case = await tx.cases.case(case_id)
        assert case is not None
        reporter = case.reporter_id
        found = await tx.reminders.open_checkin(reporter, now, timedelta(hours=72))
        assert found is not None and found.step == f"checkin_{n}"
        await tx.reminders.answer_checkin(found.reminder_id, now)
        again = await tx.reminders.open_checkin(reporter, now, timedelta(hours=72))
        assert again is not None and again.step == f"checkin_{n - 1}"
        assert (
            await tx.reminders.open_checkin(reporter, now + timedelta(days=4), timedelta(hours=72))
            is None
        )
