"""Deadlines, reminders, escalation and check-ins, end to end on the local channel.

Reports are typed through the local adapter into the real service; time moves with the
injected FakeClock; the sweep runs as `weerbaar serve` would run it; what people receive is
read from the outbox rows the local channel pulls.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.app import Weerbaar
from bot.cases.acknowledge import AckStatus, acknowledge_case
from bot.domain.office_hours import OfficeHours, next_open
from bot.domain.records import CaseRecord
from bot.errors import OperatorError
from storage.store import Store
from tests.chat import Chatter, report_lines
from tests.conftest import AppFactory, FakeClock
from tests.people import enrol as enrol_person

AMS = ZoneInfo("Europe/Amsterdam")


def at(text: str) -> datetime:
    """'2026-04-29 17:00' in Amsterdam time."""
    return datetime.fromisoformat(text).replace(tzinfo=AMS)


def local(value: datetime) -> str:
    return value.astimezone(AMS).strftime("%Y-%m-%d %H:%M")


async def submit(
    app: Weerbaar, handle: str = "bram", serious: bool = False, criminal: bool = False
) -> CaseRecord:
    lines = report_lines()
    if serious:
        lines[10] = "1"  # lichamelijk letsel
    if criminal:
        lines[11] = "ja"  # criminal
    chat = Chatter(app, handle)
    await chat.say(*lines)
    assert "Je kenmerk is" in await chat.say("verstuur")
    async with app.store.transaction() as tx:
        found = [c for c in await tx.cases.list_cases() if c.reporter_name]
    return found[0]


async def inbox(app: Weerbaar, handle: str) -> list[dict[str, Any]]:
    """What the local channel would show `handle` now (and marks it shown)."""
    async with app.store.transaction() as tx:
        items = await tx.outbox.pending_for("local", handle)
        for item in items:
            await tx.outbox.mark_sent(item.id, app.clock())
    return [item.payload for item in items]


def steps(payloads: list[dict[str, Any]], kind: str = "reminder") -> list[tuple[str, str]]:
    return [
        (p["notice"]["deadline"], p["notice"]["step"])
        for p in payloads
        if p.get("notice", {}).get("kind") == kind
    ]


async def sweep_until(
    app: Weerbaar, clock: FakeClock, until: datetime, every: timedelta = timedelta(minutes=30)
) -> None:
    while clock.now < until:
        clock.now = min(until, clock.now + every)
        while await app.sweeper.run_once():
            pass


async def enrol(app: Weerbaar, handle: str, name: str, role: str, org: str) -> int:
    return await enrol_person(app, name, (role, org), local=handle)


# --- the clocks as rows ---------------------------------------------------------------------

# (submitted at, local; expected deadline per kind; expected check-ins). Every report says
# "gisteren om 14:30", is serious and names a criminal offence, so every clock runs. The
# 24 hours for the Arbeidsinspectie and the 72 for measures count from that incident.
CALENDAR = [
    pytest.param(
        "2026-04-24 10:00",  # Friday; Monday 27 April is Koningsdag
        {
            "acknowledge": "2026-04-24 14:00",
            "arbeidsinspectie": "2026-04-24 14:30",
            "measures": "2026-04-26 14:30",
            "police": "2026-04-29 17:00",
        },
        ["2026-04-28 10:00", "2026-05-01 10:00", "2026-05-26 10:00"],  # 25 May: Whit Monday
        id="koningsdag",
    ),
    pytest.param(
        "2026-04-02 10:00",  # Thursday before Goede Vrijdag; Easter Monday 6 April
        {
            "acknowledge": "2026-04-02 14:00",
            "arbeidsinspectie": "2026-04-02 14:30",
            "measures": "2026-04-04 14:30",
            "police": "2026-04-08 17:00",
        },
        ["2026-04-07 10:00", "2026-04-09 10:00", "2026-05-04 10:00"],
        id="easter",
    ),
    pytest.param(
        "2026-05-22 10:00",  # Friday before Pinksteren; Whit Monday 25 May
        {
            "acknowledge": "2026-05-22 14:00",
            "arbeidsinspectie": "2026-05-22 14:30",
            "measures": "2026-05-24 14:30",
            "police": "2026-05-27 17:00",
        },
        ["2026-05-26 10:00", "2026-05-29 10:00", "2026-06-22 10:00"],
        id="whit-monday",
    ),
    pytest.param(
        "2026-12-23 10:00",  # Wednesday; Christmas on Friday 25, weekend, then Monday 28
        {
            "acknowledge": "2026-12-23 14:00",
            "arbeidsinspectie": "2026-12-23 14:30",
            "measures": "2026-12-25 14:30",
            "police": "2026-12-28 17:00",
        },
        ["2026-12-24 10:00", "2026-12-30 10:00", "2027-01-22 10:00"],
        id="christmas",
    ),
    pytest.param(
        "2026-03-29 01:30",  # Sunday, CET; at 02:00 the clocks go to 03:00 CEST
        {
            "acknowledge": "2026-03-29 06:30",
            # incident Saturday 14:30 CET + 24 real hours = Sunday 15:30 CEST
            "arbeidsinspectie": "2026-03-29 15:30",
            # incident Saturday 14:30 CET + 72 real hours = Tuesday 15:30 CEST
            "measures": "2026-03-31 15:30",
            "police": "2026-03-31 17:00",
        },
        ["2026-03-30 10:00", "2026-04-07 10:00", "2026-04-28 10:00"],  # 5 and 6 April: Easter
        id="dst-spring",
    ),
    pytest.param(
        "2026-10-25 01:30",  # Sunday, CEST; at 03:00 the clocks go back to 02:00 CET
        {
            "acknowledge": "2026-10-25 04:30",
            # incident Saturday 14:30 CEST + 24 real hours = Sunday 13:30 CET
            "arbeidsinspectie": "2026-10-25 13:30",
            # incident Saturday 14:30 CEST + 72 real hours = Tuesday 13:30 CET
            "measures": "2026-10-27 13:30",
            "police": "2026-10-27 17:00",
        },
        ["2026-10-26 10:00", "2026-11-02 10:00", "2026-11-24 10:00"],
        id="dst-autumn",
    ),
]


@pytest.mark.parametrize(("submitted", "deadlines", "checkins"), CALENDAR)
async def test_each_deadline_becomes_the_right_reminder_rows(
    app: Weerbaar,
    clock: FakeClock,
    submitted: str,
    deadlines: dict[str, str],
    checkins: list[str],
) -> None:
    clock.now = at(submitted)
    case = await submit(app, serious=True, criminal=True)
    async with app.store.transaction() as tx:
        stored = {d.kind: d for d in await tx.deadlines.deadlines(case.id)}
        found = await tx.reminders.reminder_rows(case.id)
    assert {k: local(d.due_at) for k, d in stored.items()} == deadlines
    by_kind: dict[str, dict[str, datetime]] = {}
    for r in found:
        assert r["state"] == "pending"
        by_kind.setdefault(r["kind"], {})[r["step"]] = r["due_at"]
    assert [local(d) for d in by_kind.pop("checkin").values()] == checkins
    now = clock().astimezone(UTC)  # real elapsed time: UTC, not Amsterdam wall clock
    hours = OfficeHours()
    for kind, plan in by_kind.items():
        due = stored[kind].due_at
        assert list(plan) == ["reminder", "overdue", "escalation_1", "escalation_2"], kind
        # The reminder at 3/4 of the time left, in office hours; only a deadline that comes
        # before the office opens keeps it where it fell.
        raw = now + (due - now) * 0.75
        reminder = plan["reminder"]
        kept = hours.is_open(raw) or due < next_open(raw, hours)
        assert reminder == raw if kept else reminder > raw and hours.is_open(reminder), kind
        # The overdue notice at the deadline, escalations 8 and then 24 real hours after
        # the step before, each moved into office hours where it fell outside them.
        previous = due
        for step, delay in (("overdue", 0), ("escalation_1", 8), ("escalation_2", 24)):
            wanted = previous + timedelta(hours=delay)
            assert hours.is_open(plan[step]), (kind, step, local(plan[step]))
            assert plan[step] == wanted if hours.is_open(wanted) else plan[step] > wanted
            previous = plan[step]


async def test_the_organisations_own_acknowledgement_time_is_used(
    app: Weerbaar, clock: FakeClock
) -> None:
    async with Store(app.db).transaction() as tx:  # a raw update: the concrete store
        await tx.conn.exec_driver_sql("UPDATE organisations SET ack_hours = 2 WHERE slug = 'zeist'")
    case = await submit(app)
    async with app.store.transaction() as tx:
        stored = {d.kind: d for d in await tx.deadlines.deadlines(case.id)}
    assert local(stored["acknowledge"].due_at) == "2026-11-25 12:00"
    assert set(stored) == {"acknowledge", "measures"}  # not serious, no offence


# --- reminders and escalation ---------------------------------------------------------------


async def test_reminders_escalate_in_order_in_office_hours_and_stop_when_done(
    app: Weerbaar, clock: FakeClock
) -> None:
    await enrol(
        app, "pv-griffier-zeist", "Piet Plaatsvervanger", "plaatsvervanger_griffier", "zeist"
    )
    case = await submit(app)  # Wednesday 25 November 10:00; griffier Zeist handles it
    ref = case.reference
    assert steps(await inbox(app, "griffier-zeist")) == []  # only the new-case notice

    await sweep_until(app, clock, at("2026-11-25 12:59"))
    assert steps(await inbox(app, "griffier-zeist")) == []
    await sweep_until(app, clock, at("2026-11-25 13:00"))
    [reminder] = await inbox(app, "griffier-zeist")
    assert steps([reminder]) == [("acknowledge", "reminder")]
    assert f"gedaan {ref} ontvangst" in reminder["text"]
    assert "te laat" not in reminder["text"]
    await sweep_until(app, clock, at("2026-11-25 14:00"))
    [overdue] = await inbox(app, "griffier-zeist")
    assert steps([overdue]) == [("acknowledge", "overdue")]
    assert overdue["text"].startswith("Je hebt dit nog niet gedaan bij melding")
    assert await inbox(app, "pv-griffier-zeist") == []
    # Escalation 1 falls 8 hours later, at 22:00: not at night, but when the office opens.
    await sweep_until(app, clock, at("2026-11-26 07:59"))
    for handle in ("griffier-zeist", "pv-griffier-zeist", "coordinator"):
        assert await inbox(app, handle) == [], handle
    await sweep_until(app, clock, at("2026-11-26 08:00"))
    # ... the deputy is asked too, the coordinator not yet.
    [escalated] = await inbox(app, "griffier-zeist")
    assert steps([escalated]) == [("acknowledge", "escalation_1")]
    # The griffier is spoken to, never of in the third person; her card is no "help" card.
    assert escalated["text"].startswith("Je hebt dit nog niet gedaan bij melding")
    assert "je plaatsvervanger bericht" in escalated["text"]
    assert "heeft al een herinnering" not in escalated["text"]
    assert escalated["notice"]["escalation"] is False
    [deputy] = await inbox(app, "pv-griffier-zeist")
    assert steps([deputy]) == [("acknowledge", "escalation_1")]
    assert "De griffier heeft al een herinnering gekregen" in deputy["text"]
    assert deputy["notice"]["escalation"] is True
    assert await inbox(app, "coordinator") == []
    await sweep_until(app, clock, at("2026-11-27 07:59"))
    assert steps(await inbox(app, "griffier-zeist")) == []
    await sweep_until(app, clock, at("2026-11-27 08:00"))
    # escalation 2 (24 hours after escalation 1) reaches the provincial coordinator VPT;
    # the measures reminder (at 3/4 of the 52.5 hours left: Friday 01:22) waited for the
    # morning too.
    assert steps(await inbox(app, "coordinator")) == [("acknowledge", "escalation_2")]
    assert steps(await inbox(app, "pv-griffier-zeist")) == [("acknowledge", "escalation_2")]
    assert sorted(steps(await inbox(app, "griffier-zeist"))) == [
        ("acknowledge", "escalation_2"),
        ("measures", "reminder"),
    ]

    # The griffier acknowledges by text; then the measures overdue notice comes, and the
    # deputy marks the measures done before their first escalation.
    griffier = Chatter(app, "griffier-zeist")
    assert "is dit gedaan" in await griffier.say(f"gedaan {ref} ontvangst")
    await sweep_until(app, clock, at("2026-11-27 14:30"))
    assert steps(await inbox(app, "griffier-zeist")) == [("measures", "overdue")]
    deputy_chat = Chatter(app, "pv-griffier-zeist")
    assert "is dit gedaan" in await deputy_chat.say(f"klaar {ref.lower()} maatregelen")
    await sweep_until(app, clock, at("2027-01-31 00:00"), every=timedelta(hours=6))
    for handle in ("griffier-zeist", "pv-griffier-zeist", "coordinator"):
        assert steps(await inbox(app, handle)) == [], handle

    async with app.store.transaction() as tx:
        states = Counter(
            (r["kind"], r["state"])
            for r in await tx.reminders.reminder_rows(case.id)
            if r["kind"] != "checkin"
        )
        deadlines = {d.kind: d for d in await tx.deadlines.deadlines(case.id)}
        record = await tx.cases.case(case.id)
    assert states == {
        ("acknowledge", "sent"): 4,
        ("measures", "sent"): 2,
        ("measures", "cancelled"): 2,
    }
    assert deadlines["acknowledge"].done_by == "Gerda Smit"
    assert deadlines["measures"].done_by == "Piet Plaatsvervanger"
    assert record is not None and record.status == "acknowledged"


async def test_acknowledging_the_case_marks_its_deadline_done(
    app: Weerbaar, clock: FakeClock
) -> None:
    case = await submit(app)
    async with app.store.transaction() as tx:
        gerda = await tx.people.find_person_id("local", "handle", "griffier-zeist")
        assert gerda is not None
        outcome = await acknowledge_case(tx, gerda, case.reference, clock())
        assert outcome.status is AckStatus.ACKNOWLEDGED
        [ack] = [d for d in await tx.deadlines.deadlines(case.id) if d.kind == "acknowledge"]
    assert ack.state == "done" and ack.done_by == "Gerda Smit"
    await sweep_until(app, clock, at("2026-11-27 00:00"))
    assert ("acknowledge", "reminder") not in steps(await inbox(app, "griffier-zeist"))


async def test_only_the_cases_handlers_deputies_and_the_coordinator_may_act(
    app: Weerbaar, clock: FakeClock
) -> None:
    case = await submit(app)
    other = Chatter(app, "secretaris-utrecht")  # gemeentesecretaris of another town
    assert "mag je niet" in await other.say(f"gedaan {case.reference} maatregelen")
    reporter = Chatter(app, "bram")  # not staff: a command is just text in his chat
    assert "is dit gedaan" not in await reporter.say(f"gedaan {case.reference} maatregelen")
    coordinator = Chatter(app, "coordinator")
    assert "is dit gedaan" in await coordinator.say(f"gedaan {case.reference} maatregelen")
    griffier = Chatter(app, "griffier-zeist")
    assert "stond al als gedaan" in await griffier.say(f"gedaan {case.reference} maatregelen")
    assert "ken ik niet" in await griffier.say(f"gedaan {case.reference} koffie")
    assert "geen termijn" in await griffier.say(f"gedaan {case.reference} politie")
    assert "geen melding" in await griffier.say("gedaan WB-ZZZZZZ ontvangst")
    # an ordinary message gets the help with the commands
    assert "gedaan KENMERK TAAK" in await griffier.say("hallo")


async def test_later_needs_a_reason_and_moves_the_chain_keeping_its_gaps(
    app: Weerbaar, clock: FakeClock
) -> None:
    case = await submit(app)
    await sweep_until(app, clock, at("2026-11-25 13:30"))
    griffier = Chatter(app, "griffier-zeist")
    assert "Geef ook een reden" in await griffier.say(f"later {case.reference} ontvangst")
    reply = await griffier.say(
        f"later {case.reference} ontvangst eerst overleg met de burgemeester"
    )
    assert "do 26-11 13:30" in reply
    async with app.store.transaction() as tx:
        plan = {
            r["step"]: local(r["due_at"])
            for r in await tx.reminders.reminder_rows(case.id)
            if r["kind"] == "acknowledge"
        }
        events = [e for e in await tx.cases.events(case.id) if e.kind == "deadline_snoozed"]
        audit = [e for e in await tx.audit.for_case(case.id) if e.action == "deadline_later"]
    assert plan == {
        "reminder": "2026-11-25 13:00",
        "overdue": "2026-11-26 13:30",
        # 8 hours after Thursday 13:30 is at night: Friday morning; 24 hours after that a
        # Saturday: Monday morning. Office hours only ever widen the gaps.
        "escalation_1": "2026-11-27 08:00",
        "escalation_2": "2026-11-30 08:00",
    }
    # The reason is free text: in the encrypted audit trail, not in the clear history.
    assert "reason" not in events[0].detail
    assert audit[0].detail is not None
    assert audit[0].detail["reason"] == "eerst overleg met de burgemeester"
    assert audit[0].channel == "local"
    assert events[0].actor == "Gerda Smit"


async def test_an_incident_talk_and_measures_end_recorded_later_get_their_own_clocks(
    app: Weerbaar, clock: FakeClock
) -> None:
    from bot.cli import commands

    case = await submit(app)  # incident Tuesday 24 November 14:30
    clock.advance(days=5)  # the 72 hours for the incident talk are already over

    class Args:
        reference = case.reference
        by = "griffier-zeist"

    args: Any = Args()
    args.what, args.rest = "incident-talk", []
    assert await commands.cases_record(app, args) == 0
    args.what, args.rest = "measures-end", ["2026-12-18"]
    assert await commands.cases_record(app, args) == 0
    args.by = "bram"
    with pytest.raises(OperatorError, match="not a handler"):
        await commands.cases_record(app, args)
    async with app.store.transaction() as tx:
        stored = {d.kind: d for d in await tx.deadlines.deadlines(case.id)}
        plan = {
            (r["kind"], r["step"]): local(r["due_at"])
            for r in await tx.reminders.reminder_rows(case.id)
        }
    assert local(stored["incident_talk"].due_at) == "2026-11-27 14:30"
    assert local(stored["recovery_talk"].due_at) == "2026-12-18 09:00"
    # already late when recorded: overdue now, escalations from now, no reminder before
    assert plan[("incident_talk", "overdue")] == "2026-11-30 10:00"
    # 8 hours after it is 18:00, when the office has closed: the next morning
    assert plan[("incident_talk", "escalation_1")] == "2026-12-01 08:00"
    assert ("incident_talk", "reminder") not in plan
    assert plan[("recovery_talk", "overdue")] == "2026-12-18 09:00"
    async with app.store.transaction() as tx:
        audit = [(e.action, e.channel, e.on_behalf_name) for e in await tx.audit.for_case(case.id)]
    assert audit == [
        ("incident_talk", "cli", "Gerda Smit"),
        ("measures_end", "cli", "Gerda Smit"),
        ("refused", "cli", "Bram Jansen"),
    ]


# --- downtime and several replicas ----------------------------------------------------------


async def test_after_a_restart_what_fell_due_is_sent_once_and_said_to_be_late(
    make_app: AppFactory, sqlite_url: str, clock: FakeClock
) -> None:
    first = await make_app(sqlite_url)
    case = await submit(first)
    await inbox(first, "griffier-zeist")
    await first.close()  # the service is down from Wednesday 10:00 ...
    clock.now = at("2026-11-26 12:00")  # ... until Thursday noon
    second = await make_app(sqlite_url)
    sent = await second.sweeper.run_once()
    assert await second.sweeper.run_once() == 0
    got = await inbox(second, "griffier-zeist")
    # the acknowledge reminder is dropped: its overdue notice is due as well
    assert steps(got) == [("acknowledge", "overdue"), ("acknowledge", "escalation_1")]
    assert all(p["notice"]["late"] for p in got)
    assert all("dit bericht komt te laat" in p["text"] for p in got)
    [checkin] = await inbox(second, "bram")
    assert checkin["notice"]["late"] and "later dan gepland" in checkin["text"]
    assert sent == 3
    async with second.store.transaction() as tx:
        found = {(r["kind"], r["step"]): r for r in await tx.reminders.reminder_rows(case.id)}
    assert found[("acknowledge", "reminder")]["state"] == "cancelled"
    assert found[("acknowledge", "overdue")]["late"] is True
    assert found[("acknowledge", "overdue")]["state"] == "sent"


async def test_missed_checkins_come_as_one(
    make_app: AppFactory, sqlite_url: str, clock: FakeClock
) -> None:
    first = await make_app(sqlite_url)
    await submit(first)
    await first.close()
    clock.now = at("2026-12-10 12:00")  # down for two weeks: check-ins 1 and 2 both due
    second = await make_app(sqlite_url)
    await second.sweeper.run_once()
    [checkin] = await inbox(second, "bram")
    assert checkin["notice"]["number"] == 2


@pytest.mark.postgres
async def test_two_instances_sweeping_at_once_send_each_reminder_once(
    make_app: AppFactory, database_url: str, clock: FakeClock
) -> None:
    if database_url.startswith("sqlite"):
        pytest.skip("replicas share a PostgreSQL database; SQLite serves one machine")
    a = await make_app(database_url, sweep_batch=7)
    b = await make_app(database_url, sweep_batch=7)
    cases: list[CaseRecord] = []
    for handle, role, org in [
        ("r1", "gemeenteraadslid", "zeist"),
        ("r2", "gemeenteraadslid", "zeist"),
        ("r3", "wethouder", "houten"),
        ("r4", "burgemeester", "utrecht"),
        ("r5", "statenlid", "provincie-utrecht"),
        ("r6", "gemeenteraadslid", "zeist"),
    ]:
        await enrol(a, handle, f"Reporter {handle}", role, org)
        cases.append(
            await submit(
                a if len(cases) % 2 else b,
                handle,
                serious=len(cases) % 3 == 0,
                criminal=len(cases) % 2 == 0,
            )
        )
    total = 0
    async with a.store.transaction() as tx:
        for c in cases:
            total += len(await tx.reminders.reminder_rows(c.id))
    assert total > 70

    sent = 0
    for hours in (3, 4, 12, 30, 60, 100, 24 * 10, 24 * 40):
        clock.now = at("2026-11-25 10:00") + timedelta(hours=hours)
        while True:
            got = await asyncio.gather(
                a.sweeper.run_once(),
                b.sweeper.run_once(),
                a.sweeper.run_once(),
                b.sweeper.run_once(),
            )
            sent += sum(got)
            if not any(got):
                break

    all_rows, events = [], []
    async with a.store.transaction() as tx:
        for c in cases:
            all_rows += await tx.reminders.reminder_rows(c.id)
            events += [
                e
                for e in await tx.cases.events(c.id)
                if e.kind in ("reminder_sent", "checkin_sent")
            ]
        outbox = await tx.outbox.all_items()
    by_state = Counter(r["state"] for r in all_rows)
    assert by_state["pending"] == 0
    assert sent == by_state["sent"]
    per_row = Counter(e.detail["reminder"] for e in events)
    assert set(per_row.values()) == {1}
    assert len(per_row) == by_state["sent"]
    # and in the outbox: one message per row and recipient, never two
    keys = Counter(
        (
            item.recipient,
            item.payload["notice"]["case_id"],
            item.payload["notice"].get("deadline", "checkin"),
            item.payload["notice"].get("step", item.payload["notice"].get("number")),
        )
        for item, _status in outbox
        if item.payload.get("notice", {}).get("kind") in ("reminder", "checkin")
    )
    assert keys and set(keys.values()) == {1}


# --- aftercare check-ins --------------------------------------------------------------------


async def test_contact_asks_the_coordinator_and_the_handler(
    app: Weerbaar, clock: FakeClock
) -> None:
    case = await submit(app)
    await inbox(app, "griffier-zeist")
    await sweep_until(app, clock, at("2026-11-26 10:00"))
    [checkin] = await inbox(app, "bram")
    assert checkin["notice"]["kind"] == "checkin"
    assert "Vertrouwenslijn" in checkin["text"]  # the helplines that fit a raadslid
    assert "Crisislijn" not in checkin["text"]  # that one is for burgemeesters
    bram = Chatter(app, "bram")
    assert "Dank je dat je het laat weten" in await bram.say("kan beter")
    assert "gevraagd om contact" in await bram.say("contact")
    # (Zeist has no deputy griffier: escalation 1 of the acknowledgement reached the
    # coordinator already, so pick the contact notice out)
    [to_coordinator] = [
        p for p in await inbox(app, "coordinator") if p["notice"]["kind"] == "checkin_contact"
    ]
    assert to_coordinator["notice"]["kind"] == "checkin_contact"
    assert case.reference in to_coordinator["text"]
    assert [
        p["notice"]["kind"]
        for p in await inbox(app, "griffier-zeist")
        if p["notice"]["kind"] == "checkin_contact"
    ] == ["checkin_contact"]
    # answered: the next message is an ordinary one again (a new report starts)
    assert "ben je nu veilig" in (await bram.say("hallo")).lower()


async def test_stop_ends_the_checkins_for_that_case(app: Weerbaar, clock: FakeClock) -> None:
    await submit(app)
    await sweep_until(app, clock, at("2026-11-26 10:00"))
    assert len(await inbox(app, "bram")) == 1
    assert "geen vragen meer" in await Chatter(app, "bram").say("stop")
    await sweep_until(app, clock, at("2027-01-31 00:00"), every=timedelta(hours=12))
    assert [p for p in await inbox(app, "bram") if p["notice"]["kind"] == "checkin"] == []


async def test_a_reporter_who_never_answers_gets_the_planned_checkins_only(
    app: Weerbaar, clock: FakeClock
) -> None:
    await submit(app)
    await sweep_until(app, clock, at("2027-03-01 00:00"), every=timedelta(hours=6))
    got = [
        p["notice"]["number"] for p in await inbox(app, "bram") if p["notice"]["kind"] == "checkin"
    ]
    assert got == [1, 2, 3]


async def test_a_reply_to_a_checkin_is_not_a_new_report_but_an_open_draft_keeps_its_flow(
    app: Weerbaar, clock: FakeClock
) -> None:
    await submit(app)
    await sweep_until(app, clock, at("2026-11-26 10:00"))
    await inbox(app, "bram")
    bram = Chatter(app, "bram")
    assert "begrijp ik niet" in await bram.say("hallo")  # no new report by accident
    assert "ben je nu veilig" in (await bram.say("melden")).lower()  # asked for one
    assert "ik stel een paar korte vragen" not in (await bram.say("ja")).lower()
    # Bram is in a new draft now: "gaat goed" answers the report's question, not the
    # check-in (which stays open) ...
    assert "Fijn om te horen" not in await bram.say("gaat goed")
    async with app.store.transaction() as tx:
        person = await tx.people.find_person_id("local", "handle", "bram")
        assert person is not None
        assert await tx.reminders.open_checkin(person, clock(), timedelta(hours=72)) is None


async def test_serve_ticks_the_sweep_and_the_outbox_with_apscheduler(
    make_app: AppFactory, sqlite_url: str, clock: FakeClock
) -> None:
    from bot.jobs.scheduler import start_scheduler

    app = await make_app(sqlite_url, sweep_seconds=0.05)
    await submit(app)
    await inbox(app, "griffier-zeist")
    clock.now = at("2026-11-25 13:00")
    scheduler = start_scheduler(app)
    got: list[dict[str, Any]] = []
    try:
        for _ in range(200):
            await asyncio.sleep(0.02)
            got += await inbox(app, "griffier-zeist")
            if got:
                break
    finally:
        scheduler.shutdown(wait=False)
    assert steps(got) == [("acknowledge", "reminder")]
