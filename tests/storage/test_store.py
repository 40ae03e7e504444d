"""One contract for the store, run against SQLite and PostgreSQL alike."""

from __future__ import annotations

import asyncio
from datetime import timedelta

from bot.app import Weerbaar
from bot.domain.records import DialogState
from bot.domain.routing import HandlerFunction, InformedParty, Organisation, OrgKind, Route
from dialogs.messages import Attachment, ConversationKey
from tests.conftest import AppFactory, FakeClock


async def _app(make_app: AppFactory, url: str) -> Weerbaar:
    return await make_app(url, demo=False)


async def test_organisations_are_loaded_once_and_editable(
    make_app: AppFactory, database_url: str
) -> None:
    app = await _app(make_app, database_url)
    async with app.store.transaction() as tx:
        orgs = [o for _i, o in await tx.people.organisations()]
        assert len(orgs) == 31
        assert sum(o.kind is OrgKind.MUNICIPALITY for o in orgs) == 26
        assert sum(o.kind is OrgKind.WATER_BOARD for o in orgs) == 4
        assert (
            await tx.people.upsert_organisations(
                [Organisation("utrecht", "Gemeente Utrecht (stad)", OrgKind.MUNICIPALITY)]
            )
            == 0
        )
    async with app.store.transaction() as tx:
        names = {o.slug: o.name for _i, o in await tx.people.organisations()}
    assert names["utrecht"] == "Gemeente Utrecht (stad)"


async def test_inbound_dedupe_claims_once(
    make_app: AppFactory, database_url: str, clock: FakeClock
) -> None:
    app = await _app(make_app, database_url)
    async with app.store.transaction() as tx:
        assert await tx.dialogs.claim_inbound("signal", "u1:17", clock()) is True
        assert await tx.dialogs.claim_inbound("signal", "u1:17", clock()) is False
        assert await tx.dialogs.claim_inbound("teams", "u1:17", clock()) is True


async def test_people_roles_identities(
    make_app: AppFactory, database_url: str, clock: FakeClock
) -> None:
    app = await _app(make_app, database_url)
    async with app.store.transaction() as tx:
        org_id = await tx.people.organisation_id("zeist")
        assert org_id is not None
        pid = await tx.people.add_person("Gerda Smit", clock())
        await tx.people.add_role(pid, "griffier", org_id)
        await tx.people.add_role(pid, "griffier", org_id)  # twice is once
        assert await tx.people.add_identity(pid, "teams", "aad", "aad-1") is True
        other = await tx.people.add_person("Ander", clock())
        assert await tx.people.add_identity(other, "teams", "aad", "aad-1") is False
    async with app.store.transaction() as tx:
        person = await tx.people.person(pid)
        assert person is not None and person.name == "Gerda Smit"
        assert [(r.role, r.org.slug) for r in person.roles] == [("griffier", "zeist")]
        assert person.identities[0].reachable is False  # no Teams reference yet
        await tx.people.set_reference("teams", "aad", "aad-1", {"conversation": {"id": "c1"}})
        assert (await tx.people.person(pid)).identities[0].reachable is True  # type: ignore[union-attr]
        assert [p.id for p in await tx.people.people_with_role(org_id, "griffier")] == [pid]
        assert await tx.people.remove_person(pid) is True
        assert await tx.people.find_person_id("teams", "aad", "aad-1") is None


async def test_answers_evidence_state_and_submission(
    make_app: AppFactory, database_url: str, clock: FakeClock
) -> None:
    app = await _app(make_app, database_url)
    key = ConversationKey("local", "local", "x")
    async with app.store.transaction() as tx:
        org_id = await tx.people.organisation_id("zeist")
        assert org_id is not None
        pid = await tx.people.add_person("Rita", clock())
        case_id = await tx.cases.create_draft(pid, "local", clock())
        await tx.dialogs.set_answer(case_id, "what", "eerste", clock())
        await tx.dialogs.set_answer(case_id, "what", "tweede", clock())
        await tx.dialogs.set_answer(case_id, "kinds", ["bedreiging"], clock())
        await tx.dialogs.set_answer(case_id, "witnesses", None, clock())
        eid = await tx.cases.add_evidence(
            case_id, Attachment("a.jpg", "image/jpeg", b"\xff\xd8"), clock()
        )
        await tx.dialogs.save_state(
            key,
            pid,
            DialogState(flow="report", step="where", history=["safe", "what"], case_id=case_id),
            clock(),
        )
    async with app.store.transaction() as tx:
        state = await tx.dialogs.load_state(key)
        assert state is not None and state.step == "where"
        assert state.history == ["safe", "what"]
        assert state.answers == {"what": "tweede", "kinds": ["bedreiging"], "witnesses": None}
        assert await tx.cases.evidence_data(eid) == b"\xff\xd8"
        await tx.cases.clear_answers(case_id, ["kinds"])
        assert "kinds" not in await tx.dialogs.answers(case_id)
        org = Organisation("zeist", "Gemeente Zeist", OrgKind.MUNICIPALITY)
        route = Route(org, HandlerFunction.GRIFFIER, (InformedParty.BURGEMEESTER,))
        facts = {
            "kinds": ["bedreiging"],
            "serious": True,
            "criminal": False,
            "start": clock() - timedelta(hours=3),
            "end": None,
        }
        await tx.cases.submit_case(case_id, route, org_id, "gemeenteraadslid", facts, clock())
    async with app.store.transaction() as tx:
        case = await tx.cases.case(case_id)
        assert case is not None and case.status == "submitted"
        assert case.incident_start == clock() - timedelta(hours=3)
        assert case.incident_start is not None and case.incident_start.tzinfo is not None
        assert case.informed == ("burgemeester",)
        assert [c.id for c in await tx.cases.list_cases(org_id)] == [case_id]
        assert await tx.cases.case_by_reference(case.reference.lower()) is not None
        assert await tx.cases.acknowledge(case_id, pid, clock()) is True
        assert await tx.cases.acknowledge(case_id, pid, clock()) is False  # a second press


async def test_outbox_claims_are_exclusive_and_leased(
    make_app: AppFactory, database_url: str, clock: FakeClock
) -> None:
    app = await _app(make_app, database_url)
    async with app.store.transaction() as tx:
        for n in range(20):
            await tx.outbox.enqueue(
                "teams", "t", f"user{n}", {"text": f"bericht {n}"}, clock(), dedupe_key=f"k{n}"
            )
        assert (
            await tx.outbox.enqueue("teams", "t", "user0", {"text": "x"}, clock(), dedupe_key="k0")
            is False
        )

    async def claim() -> list[int]:
        async with app.store.transaction() as tx:
            return [i.id for i in await tx.outbox.claim_due(clock(), ["teams"], limit=15)]

    first, second = await asyncio.gather(claim(), claim())
    assert not set(first) & set(second)
    assert len(first) + len(second) == 20
    assert await claim() == []  # leased
    clock.advance(seconds=61)
    assert len(await claim()) == 15  # lease ran out: claimable again
    async with app.store.transaction() as tx:
        await tx.outbox.mark_sent(first[0], clock())
        counts = await tx.outbox.counts()
    assert counts == {"pending": 19, "sent": 1}


async def test_outbox_claims_one_recipient_s_rows(
    make_app: AppFactory, database_url: str, clock: FakeClock
) -> None:
    app = await _app(make_app, database_url)
    async with app.store.transaction() as tx:
        for channel, recipient in (("local", "anna"), ("local", "bram"), ("teams", "anna")):
            await tx.outbox.enqueue(channel, "a", recipient, {"text": "x"}, clock())
        await tx.outbox.enqueue("local", "a", "anna", {"text": "y"}, clock())
    async with app.store.transaction() as tx:
        claimed = await tx.outbox.claim_due(clock(), ["local"], recipient="anna")
    assert [(i.channel, i.recipient, i.payload["text"]) for i in claimed] == [
        ("local", "anna", "x"),
        ("local", "anna", "y"),
    ]


async def test_a_transaction_inside_another_fails_at_once(
    make_app: AppFactory, sqlite_url: str
) -> None:
    """SQLite hands out one connection in turn: nesting must fail, not wait forever."""
    import pytest

    app = await _app(make_app, sqlite_url)
    async with app.store.transaction():
        with pytest.raises(RuntimeError, match="inside another"):
            async with app.store.transaction():
                pass
    async with app.store.transaction() as tx:  # and the connection is fine afterwards
        assert await tx.people.organisation_id("zeist") is not None
