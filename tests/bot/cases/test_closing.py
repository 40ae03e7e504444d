"""The basisafspraak: no case closes without a response toward the perpetrator, nor
while never taken in hand, nor with its Arbeidsinspectie or police step open unless the
handler says why (bot/domain/closing.py, bot/cases/closing.py)."""

from __future__ import annotations

import pytest

from bot.app import Weerbaar
from bot.cases.acknowledge import acknowledge_case
from bot.cases.closing import CloseInput, CloseRefused, close_case
from bot.cases.responses import CaseWorkRefused, ResponseInput, record_response
from bot.domain.audit import CLI
from bot.domain.closing import CloseRequest, Refused, may_close, refusals
from tests.bot.cases.test_acknowledge import submitted_case


def test_the_rule() -> None:
    assert not may_close([], None)
    assert may_close(["schriftelijke_waarschuwing"], None)
    assert may_close([], "pleger_onbekend")
    assert not may_close([], "geen zin")


def test_every_reason_a_case_may_not_close() -> None:
    bare = CloseRequest(acknowledged=True, responses=[], perpetrator_named=False, open_required=[])
    assert refusals(bare) == [Refused.NO_RESPONSE]
    assert refusals(CloseRequest(True, ["herstelgesprek"], True, [])) == []
    assert refusals(CloseRequest(False, ["herstelgesprek"], False, [])) == [
        Refused.NOT_ACKNOWLEDGED
    ]
    assert refusals(CloseRequest(True, [], False, [], "pleger_onbekend")) == []
    named = CloseRequest(True, [], True, [], "pleger_onbekend")
    assert refusals(named) == [Refused.PERPETRATOR_NAMED]
    assert refusals(CloseRequest(True, [], True, [], "pleger_onbekend", reason="nep-account")) == []
    assert refusals(CloseRequest(True, ["herstelgesprek"], False, ["police"])) == [
        Refused.STEPS_OPEN
    ]
    assert refusals(CloseRequest(True, ["x"], False, ["police"], override="gebeld")) == []


async def test_close_needs_acknowledgement_and_a_response_then_stops_the_reminders(
    app: Weerbaar,
) -> None:
    reference = await submitted_case(app)
    now = app.clock()
    async with app.store.transaction() as tx:
        case = await tx.cases.case_by_reference(reference)
        pid = await tx.people.find_person_id("local", "handle", "secretaris-utrecht")
        assert case is not None and pid is not None
        handler = await tx.people.person(pid)
        assert handler is not None
        with pytest.raises(CloseRefused) as refused:
            await close_case(tx, case, handler, CloseInput(), CLI, now)
        assert refused.value.refused == (Refused.NOT_ACKNOWLEDGED, Refused.NO_RESPONSE)
        assert "taken it in hand" in str(refused.value)
    async with app.store.transaction() as tx:
        await acknowledge_case(tx, handler.id, reference, now)
        case = await tx.cases.case_by_reference(reference)
        assert case is not None and case.status == "acknowledged"
        assert await tx.reminders.pending_steps(case.id, "measures")  # planned
        with pytest.raises(CaseWorkRefused):
            await record_response(
                tx, case, handler, ResponseInput("boze blik"), CLI, app.policy, now
            )
        await record_response(
            tx, case, handler, ResponseInput("schriftelijke_waarschuwing"), CLI, app.policy, now
        )
        summary = await close_case(tx, case, handler, CloseInput(), CLI, now)
        assert [r.kind for r in summary.responses] == ["schriftelijke_waarschuwing"]
    async with app.store.transaction() as tx:
        case = await tx.cases.case_by_reference(reference)
        assert case is not None and case.status == "closed"
        left = await tx.deadlines.deadline_list(case.id)
        pending = [await tx.reminders.pending_steps(case.id, kind) for kind, _, _ in left]
        checkins = await tx.reminders.pending_steps(case.id, "checkin")
        with pytest.raises(CloseRefused, match="closed"):
            await close_case(tx, case, handler, CloseInput(), CLI, now)
    assert all(p == [] for p in pending)
    assert checkins  # aftercare outlives the case


async def test_unknown_perpetrator_closes_without_response_when_none_was_named(
    app: Weerbaar,
) -> None:
    reference = await submitted_case(app)  # the short report: perpetrator unknown
    async with app.store.transaction() as tx:
        pid = await tx.people.find_person_id("local", "handle", "secretaris-utrecht")
        assert pid is not None
        handler = await tx.people.person(pid)
        assert handler is not None
        await acknowledge_case(tx, pid, reference, app.clock())
        case = await tx.cases.case_by_reference(reference)
        assert case is not None
        summary = await close_case(
            tx, case, handler, CloseInput("pleger_onbekend"), CLI, app.clock()
        )
        events = [e.kind for e in await tx.cases.events(case.id)]
    assert summary.no_response == "pleger_onbekend" and summary.responses == ()
    assert events[-1] == "closed"
