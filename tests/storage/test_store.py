"""One contract for the store, run against SQLite and PostgreSQL alike."""

from __future__ import annotations

import asyncio
from datetime import date, timedelta

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


async def test_outbox_delivers_each_conversation_in_the_order_written(
    make_app: AppFactory, database_url: str, clock: FakeClock
) -> None:
    """A conversation's head row blocks the rows behind it; other conversations go on; two
    workers claiming at once never share a conversation (claim by conversation)."""
    app = await _app(make_app, database_url)
    written: dict[str, list[int]] = {}
    async with app.store.transaction() as tx:
        for n in range(40):  # eight conversations of five rows, interleaved as written
            who = f"user{n % 8}"
            await tx.outbox.enqueue("teams", "t", who, {"text": f"{who} {n}"}, clock())
        for item in await tx.outbox.pending_for("teams", "user0") + [
            i for u in range(1, 8) for i in await tx.outbox.pending_for("teams", f"user{u}")
        ]:
            written.setdefault(item.recipient, []).append(item.id)

    async def claim(limit: int = 50) -> list[tuple[str, int]]:
        async with app.store.transaction() as tx:
            items = await tx.outbox.claim_due(clock(), ["teams"], limit=limit)
            return [(i.recipient, i.id) for i in items]

    rounds = list(await asyncio.gather(claim(limit=22), claim(limit=22)))
    while rounds[-1] or len(rounds) == 2:  # what the two left (a locked head) comes next
        rounds.append(await claim())
    seen: set[str] = set()
    for claimed in rounds:
        runs: dict[str, list[int]] = {}
        for who, row in claimed:
            runs.setdefault(who, []).append(row)
        # grouped by conversation, each an unbroken run from its head, in order
        assert [who for who, _ in claimed] == sorted(
            (who for who, _ in claimed), key=list(runs).index
        )
        for who, rows in runs.items():
            assert rows == written[who][: len(rows)]
        assert not seen & set(runs)  # a conversation is claimed by one worker only
        seen |= set(runs)
    assert seen == set(written)
    assert await claim() == []  # every head is leased now; the rows behind wait for it

    # user0's head fails and backs off; the rest of user0 is released behind it.
    async with app.store.transaction() as tx:
        head, *rest = written["user0"]
        await tx.outbox.mark_retry(head, clock() + timedelta(seconds=120), "connector down")
        await tx.outbox.settle([], rest, clock(), clock(), None)
        for who in ("user1", "user2"):
            await tx.outbox.settle(written[who], [], clock(), clock(), None)  # all sent
    clock.advance(seconds=61)  # the other leases run out
    again = await claim()
    assert {w for w, _ in again} == {f"user{u}" for u in range(3, 8)}  # user0 is blocked
    clock.advance(seconds=60)  # user0's backoff is over: its head first, then the rest
    assert [(w, r) for w, r in await claim() if w == "user0"] == [
        ("user0", row) for row in written["user0"]
    ]


async def test_a_turns_replies_wait_behind_an_earlier_row_and_block_the_later_ones(
    make_app: AppFactory, database_url: str, clock: FakeClock
) -> None:
    app = await _app(make_app, database_url)
    lease = clock() + timedelta(seconds=60)
    async with app.store.transaction() as tx:
        ids, _earlier, send_now = await tx.outbox.enqueue_replies(
            "signal", "+31", "u1", [{"text": "a"}, {"text": "b"}], clock(), lease
        )
        assert send_now is True  # nothing queued before: the adapter sends them itself
        await tx.outbox.enqueue("signal", "", "u1", {"text": "notice"}, clock())
        assert await tx.outbox.claim_due(clock(), ["signal"]) == []  # behind the lease
        _later, _earlier, send_now = await tx.outbox.enqueue_replies(
            "signal", "+31", "u1", [{"text": "c"}], clock(), lease
        )
        assert send_now is False  # "a", "b" and the notice are still pending
        await tx.outbox.settle(ids, [], clock(), clock(), None)  # the adapter sent a, b
        # The notice is the head now; "c" is leased behind it and ends the run.
        assert [i.payload["text"] for i in await tx.outbox.claim_due(clock(), ["signal"])] == [
            "notice"
        ]


async def test_a_turn_takes_over_text_that_only_backs_off_but_not_a_held_row(
    make_app: AppFactory, database_url: str, clock: FakeClock
) -> None:
    """A new message may bring forward what waits out the bot's own backoff (sent first,
    in order), never what the channel asked to wait for (Retry-After) or a notice."""
    app = await _app(make_app, database_url)
    later = clock() + timedelta(seconds=120)
    lease = clock() + timedelta(seconds=60)
    async with app.store.transaction() as tx:
        for who in ("backoff", "retry-after", "notice"):
            payload: dict[str, object] = {"text": f"eerder {who}"}
            if who == "notice":
                payload["notice"] = {"kind": "case_routed"}
            await tx.outbox.enqueue("teams", "", who, payload, clock())
            [row] = await tx.outbox.pending_for("teams", who)
            await tx.outbox.mark_retry(row.id, later, "down", held=who == "retry-after")

        ids, earlier, send_now = await tx.outbox.enqueue_replies(
            "teams", "t", "backoff", [{"text": "nu"}], clock(), lease
        )
        assert send_now and [i.payload["text"] for i in earlier] == ["eerder backoff"]
        assert earlier[0].id < ids[0]
        for who in ("retry-after", "notice"):
            _ids, earlier, send_now = await tx.outbox.enqueue_replies(
                "teams", "t", who, [{"text": "nu"}], clock(), lease
            )
            assert (earlier, send_now) == ([], False)
        # the taken-over row is the turn's now: the worker leaves it alone
        assert await tx.outbox.claim_due(clock() + timedelta(seconds=30), ["teams"]) == []


async def test_case_work_steps_responses_and_notes(
    make_app: AppFactory, database_url: str, clock: FakeClock
) -> None:
    app = await _app(make_app, database_url)
    async with app.store.transaction() as tx:
        pid = await tx.people.add_person("Rita", clock())
        case_id = await tx.cases.create_draft(pid, "local", clock())
        assert await tx.casework.tick_step(case_id, "4", "melding", pid, clock())
        assert not await tx.casework.tick_step(case_id, "4", "melding", pid, clock())
        clock.advance(minutes=5)
        assert await tx.casework.tick_step(case_id, "4", "aangifte", None, clock())
        assert await tx.casework.tick_step(case_id, "1", None, pid, clock())
        rid = await tx.casework.add_response(
            case_id,
            "maatregelen",
            "contactafspraken",
            date(2026, 12, 18),
            True,
            "kort",
            pid,
            clock(),
        )
        await tx.casework.add_response(
            case_id, "herstelgesprek", None, None, False, None, None, clock()
        )
        await tx.casework.add_note(case_id, "note", "intern", pid, clock())
        await tx.casework.add_note(case_id, "addition", "van de melder", None, clock())
    async with app.store.transaction() as tx:
        steps = await tx.casework.steps(case_id)
        responses = await tx.casework.responses(case_id)
        notes = await tx.casework.notes(case_id)
        only = await tx.casework.notes(case_id, ("addition",))
        cases_of = await tx.cases.cases_of_reporter(pid)
    assert [(s.step, s.value, s.by, s.at) for s in steps] == [
        ("4", "aangifte", None, clock()),
        ("1", None, "Rita", clock()),
    ]
    first, second = responses
    assert (first.id, first.measure, first.measures_until, first.damages_recovered) == (
        rid,
        "contactafspraken",
        date(2026, 12, 18),
        True,
    )
    assert (first.note, first.by, second.note, second.by) == ("kort", "Rita", None, None)
    assert [(n.kind, n.text, n.by) for n in notes] == [
        ("note", "intern", "Rita"),
        ("addition", "van de melder", None),
    ]
    assert [n.text for n in only] == ["van de melder"]
    assert cases_of == []  # a draft is nobody's sent case
