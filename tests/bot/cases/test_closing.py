"""The basisafspraak: no case closes without a response toward the perpetrator."""

from __future__ import annotations

import pytest

from bot.app import Weerbaar
from bot.cases.closing import CloseRefused, close_case, record_response
from bot.domain.closing import may_close
from tests.bot.cases.test_acknowledge import submitted_case


def test_the_rule() -> None:
    assert not may_close([], None)
    assert may_close(["schriftelijke_waarschuwing"], None)
    assert may_close([], "pleger_onbekend")
    assert not may_close([], "geen zin")


async def test_close_needs_a_response_then_stops_the_deadline_reminders(app: Weerbaar) -> None:
    reference = await submitted_case(app)
    now = app.clock()
    async with app.store.transaction() as tx:
        case = await tx.cases.case_by_reference(reference)
        handler = await tx.people.find_person_id("local", "handle", "secretaris-utrecht")
        assert case is not None and handler is not None
        with pytest.raises(CloseRefused, match="no recorded response"):
            await close_case(tx, case, handler, now)
    async with app.store.transaction() as tx:
        case = await tx.cases.case_by_reference(reference)
        assert case is not None and case.status == "submitted"  # nothing changed
        assert await tx.reminders.pending_steps(case.id, "measures")  # planned
        with pytest.raises(CloseRefused, match="Unknown response"):
            await record_response(tx, case, handler, "boze blik", now)
        await record_response(tx, case, handler, "schriftelijke_waarschuwing", now)
        assert await close_case(tx, case, handler, now) == ["schriftelijke_waarschuwing"]
    async with app.store.transaction() as tx:
        case = await tx.cases.case_by_reference(reference)
        assert case is not None and case.status == "closed"
        left = await tx.deadlines.deadline_list(case.id)
        pending = [await tx.reminders.pending_steps(case.id, kind) for kind, _, _ in left]
        checkins = await tx.reminders.pending_steps(case.id, "checkin")
        with pytest.raises(CloseRefused, match="closed"):
            await close_case(tx, case, handler, now)
    assert all(p == [] for p in pending)
    assert checkins  # aftercare outlives the case


async def test_unknown_perpetrator_is_a_reason_to_close_without_response(
    app: Weerbaar,
) -> None:
    reference = await submitted_case(app)
    async with app.store.transaction() as tx:
        case = await tx.cases.case_by_reference(reference)
        handler = await tx.people.find_person_id("local", "handle", "secretaris-utrecht")
        assert case is not None and handler is not None
        assert await close_case(tx, case, handler, app.clock(), "pleger_onbekend") == []
        events = [e.kind for e in await tx.cases.events(case.id)]
    assert events[-1] == "closed"
