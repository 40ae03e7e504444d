"""Reminders, escalation and check-ins in Teams, end to end: the real app factory and web
app, the real Teams adapter, the fake token issuer and Bot Connector on loopback. Time
moves with the FakeClock; the sweep and the outbox run as `weerbaar serve` runs them; what
people see is read at the fake connector."""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from adapters.teams.cards import card_text
from bot.domain.records import DeadlineRecord
from bot.text.catalogue import say
from storage.tables import case_events, outbox
from tests.conftest import FakeClock
from tests.e2e import test_teams_e2e as teams_story
from tests.e2e.test_teams_e2e import (
    ADAPTIVE,
    Bot,
    Cast,
    Person,
    card_in,
    cast,
    enrol,
    report,
    text_of,
)

AMS = ZoneInfo("Europe/Amsterdam")

# The fixtures of the other Teams story: the fakes on loopback, and the running bot.
fakes = teams_story.fakes
bot = teams_story.bot


def at(text: str) -> datetime:
    """'2026-11-25 13:00' in Amsterdam time."""
    return datetime.fromisoformat(text).replace(tzinfo=AMS)


async def tick(
    bot: Bot, clock: FakeClock, until: datetime, every: timedelta = timedelta(minutes=30)
) -> None:
    """Let time pass: the sweep and the outbox run as the scheduler would run them."""
    while clock.now < until:
        clock.now = min(until, clock.now + every)
        while await bot.app.sweeper.run_once():
            pass
        while await bot.deliver():
            pass


def cards(person: Person, since: int = 0) -> list[dict[str, Any]]:
    """The Adaptive Cards that reached `person`'s chat since call number `since`."""
    return [
        card_in(c)
        for c in person.received(since)
        if c.method == "POST" and c.body.get("attachments")
    ]


def reminders(person: Person, since: int = 0) -> list[dict[str, Any]]:
    """Reminder cards that reached `person`: those with a "Gedaan" button."""
    return [
        c
        for c in cards(person, since)
        if any(a.get("verb") == "deadline_done" for a in c.get("actions", []))
    ]


def steps(found: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """(deadline, step) of each reminder card, from its "Gedaan" button's data."""
    out = []
    for card in found:
        (done,) = [a for a in card["actions"] if a.get("verb") == "deadline_done"]
        out.append((done["data"]["deadline"], done["data"]["step"]))
    return out


def button_data(card: dict[str, Any], verb: str) -> dict[str, Any]:
    """What pressing `verb` on `card` sends: its data (the "Later" one sits in a form)."""
    for action in card["actions"]:
        if action.get("verb") == verb:
            return dict(action["data"])
        inner = action.get("card", {}).get("actions", [])
        for sub in inner:
            if sub.get("verb") == verb:
                return dict(sub["data"])
    raise AssertionError(f"no {verb} button on the card")


async def press(person: Person, verb: str, data: dict[str, Any]) -> dict[str, Any]:
    """An Action.Execute on a reminder card, signed like Teams signs it; the answer card."""
    invoke = person.activity(
        "invoke",
        name="adaptiveCard/action",
        replyToId=f"1:{uuid.uuid4().hex}",
        value={
            "action": {"type": "Action.Execute", "verb": verb, "data": data},
            "trigger": "manual",
        },
    )
    response = await person.bot.post(invoke)
    assert response.status == 200
    body = await response.json()
    assert body["statusCode"] == 200 and body["type"] == ADAPTIVE
    card: dict[str, Any] = body["value"]
    assert card["version"] == "1.5"
    return card


async def deadline(bot: Bot, reference: str, kind: str) -> DeadlineRecord:
    async with bot.app.store.transaction() as tx:
        case = await tx.cases.case_by_reference(reference)
        assert case is not None
        (found,) = [d for d in await tx.deadlines.deadlines(case.id) if d.kind == kind]
    return found


async def reported(bot: Bot) -> tuple[Cast, str]:
    """Rita (gemeenteraadslid, Amersfoort) reports in Teams on Wednesday 25 November at
    10:00; the griffiers Gerrit and Greet get the case card."""
    people = await cast(bot)
    reference = await report(people.rita)
    assert await bot.deliver() == 2
    return people, reference


# -- the story ------------------------------------------------------------------------------


async def test_reminder_cards_come_in_order_and_gedaan_stops_them(
    bot: Bot, clock: FakeClock
) -> None:
    people, reference = await reported(bot)
    gerrit = people.gerrit

    # The case card lists the case's deadlines.
    (case_card,) = cards(gerrit)
    listed = card_text(case_card)
    assert say("card_deadlines") in listed
    assert say("deadline_acknowledge") in listed and say("deadline_measures") in listed
    assert "25 november 2026, 14:00" in listed  # four hours after the report

    before = len(bot.connector.calls)
    await tick(bot, clock, at("2026-11-25 12:59"))
    assert reminders(gerrit, before) == []
    await tick(bot, clock, at("2026-11-25 13:00"))
    (reminder,) = reminders(gerrit, before)
    assert steps([reminder]) == [("acknowledge", "reminder")]
    assert reminder["version"] == "1.5"
    text = card_text(reminder)
    for shown in (
        say("reminder_card_title", reference=reference),
        say("deadline_acknowledge"),
        "wo 25-11 14:00",
        "Gemeente Amersfoort",
    ):
        assert shown in text
    for secret in ("Rita", "schold", "te laat"):  # no reporter, no narrative, not late
        assert secret not in text
    gedaan, later = reminder["actions"]
    assert gedaan == {
        "type": "Action.Execute",
        "title": "Gedaan",
        "verb": "deadline_done",
        "data": button_data(reminder, "deadline_done"),
        "style": "positive",
    }
    assert gedaan["data"]["reference"] == reference
    assert later["type"] == "Action.ShowCard" and later["title"] == "Later"
    (reason,) = later["card"]["body"]
    assert reason["type"] == "Input.Text" and reason["id"] == "reason" and reason["isRequired"]
    assert steps(reminders(people.greet, before)) == [("acknowledge", "reminder")]

    before = len(bot.connector.calls)
    await tick(bot, clock, at("2026-11-25 14:00"))
    (overdue,) = reminders(gerrit, before)
    assert steps([overdue]) == [("acknowledge", "overdue")]
    assert say("reminder_card_title_overdue", reference=reference) in card_text(overdue)

    # Gerrit presses "Gedaan" on the overdue card: the answer is that card, done.
    clock.advance(minutes=5)
    answer = await press(gerrit, "deadline_done", button_data(overdue, "deadline_done"))
    assert say("reminder_card_done_by", name="Gerrit Griffioen", time="wo 25-11 14:05") in (
        card_text(answer)
    )
    assert "actions" not in answer
    done = await deadline(bot, reference, "acknowledge")
    assert done.state == "done" and done.done_by == "Gerrit Griffioen"
    assert done.done_at == at("2026-11-25 14:05")
    async with bot.app.store.transaction() as tx:
        case = await tx.cases.case_by_reference(reference)
    assert case is not None and case.acknowledged_by == "Gerrit Griffioen"

    # A second press (or Greet's on her copy) changes nothing and says who did it.
    await bot.deliver()  # the notices of the acknowledgement
    rows_before, events_before = await bot.count(outbox), await bot.count(case_events)
    for person in (gerrit, people.greet):
        again = await press(person, "deadline_done", button_data(overdue, "deadline_done"))
        assert say(
            "reminder_card_done_by", name="Gerrit Griffioen", time="wo 25-11 14:05"
        ) in card_text(again)
    assert await bot.count(outbox) == rows_before
    assert await bot.count(case_events) == events_before

    # No escalation of the acknowledgement follows; the measures deadline keeps its own
    # clock (due Friday 14:30: a reminder, then the overdue card).
    before = len(bot.connector.calls)
    await tick(bot, clock, at("2026-11-27 14:30"))
    assert steps(reminders(gerrit, before)) == [("measures", "reminder"), ("measures", "overdue")]
    answer = await press(
        people.greet,
        "deadline_done",
        button_data(reminders(people.greet, before)[-1], "deadline_done"),
    )
    assert "Gedaan door Greet Groen" in card_text(answer)
    before = len(bot.connector.calls)
    await tick(bot, clock, at("2027-01-31 00:00"), every=timedelta(hours=6))
    assert reminders(gerrit, before) == [] and reminders(people.greet, before) == []
    measures = await deadline(bot, reference, "measures")
    assert measures.state == "done" and measures.done_by == "Greet Groen"


async def test_later_with_a_reason_moves_the_next_card(bot: Bot, clock: FakeClock) -> None:
    people, reference = await reported(bot)
    gerrit = people.gerrit
    before = len(bot.connector.calls)
    await tick(bot, clock, at("2026-11-25 13:30"))
    (reminder,) = reminders(gerrit, before)
    data = button_data(reminder, "deadline_later")

    # Without a reason (Teams asks for one; the bot checks too) nothing changes.
    events_before = await bot.count(case_events)
    answer = await press(gerrit, "deadline_later", {**data, "reason": "  "})
    assert say("action_reason_needed", reference=reference, word="ontvangst") in (card_text(answer))
    assert [a["title"] for a in answer["actions"]] == ["Gedaan", "Later"]  # try again
    assert await bot.count(case_events) == events_before

    answer = await press(
        gerrit, "deadline_later", {**data, "reason": "eerst overleg met de burgemeester"}
    )
    assert say(
        "reminder_card_snoozed", until="do 26-11 13:30", reason="eerst overleg met de burgemeester"
    ) in card_text(answer)
    snoozed = await deadline(bot, reference, "acknowledge")
    assert snoozed.state == "open" and snoozed.snoozed_until == at("2026-11-26 13:30")
    async with bot.app.store.transaction() as tx:
        case = await tx.cases.case_by_reference(reference)
        assert case is not None
        (event,) = [e for e in await tx.cases.events(case.id) if e.kind == "deadline_snoozed"]
        (entry,) = [e for e in await tx.audit.for_case(case.id) if e.action == "deadline_later"]
    # The reason is in the encrypted audit trail, not in the case history.
    assert "reason" not in event.detail and entry.channel == "teams"
    assert entry.detail is not None
    assert entry.detail["reason"] == "eerst overleg met de burgemeester"
    assert event.actor == "Gerrit Griffioen"

    # The overdue card, due at 14:00, now comes a day later.
    before = len(bot.connector.calls)
    await tick(bot, clock, at("2026-11-26 13:29"))
    assert reminders(gerrit, before) == []
    await tick(bot, clock, at("2026-11-26 13:30"))
    assert steps(reminders(gerrit, before)) == [("acknowledge", "overdue")]


async def test_someone_who_does_not_handle_the_case_is_refused(bot: Bot, clock: FakeClock) -> None:
    people, reference = await reported(bot)
    await tick(bot, clock, at("2026-11-25 13:00"))
    (reminder,) = reminders(people.gerrit)
    data = button_data(reminder, "deadline_done")
    stranger = Person(bot, "Nora Niemand", "aad-nora")  # not enrolled at all
    rows_before, events_before = await bot.count(outbox), await bot.count(case_events)

    # a wethouder, the reporter herself, someone unknown
    for outsider in (people.piet, people.rita, stranger):
        for verb, extra in (("deadline_done", {}), ("deadline_later", {"reason": "druk"})):
            answer = await press(outsider, verb, {**data, **extra})
            text = card_text(answer)
            assert say("not_allowed") in text
            assert "Gedaan door" not in text and "actions" not in answer
    # buttons the bot does not know
    answer = await press(people.gerrit, "deadline_maybe", data)
    assert say("reminder_card_unknown_action") in card_text(answer)

    assert (await deadline(bot, reference, "acknowledge")).state == "open"
    assert await bot.count(outbox) == rows_before
    assert await bot.count(case_events) == events_before


async def test_a_checkin_card_reaches_a_teams_reporter_and_contact_asks_for_help(
    bot: Bot, clock: FakeClock
) -> None:
    people, reference = await reported(bot)
    await enrol(bot.app, "Lotte Hendriks", "aad-lotte", "coordinator_vpt", "provincie-utrecht")
    lotte = Person(bot, "Lotte Hendriks", "aad-lotte")
    await lotte.install()
    rita = people.rita

    # The first check-in: on the next working day at 10:00.
    before = len(bot.connector.calls)
    await tick(bot, clock, at("2026-11-26 09:59"))
    assert cards(rita, before) == []
    await tick(bot, clock, at("2026-11-26 10:00"))
    (checkin,) = cards(rita, before)
    assert reference in card_text(checkin) and "Vertrouwenslijn" in card_text(checkin)
    assert [(a["type"], a["data"]) for a in checkin["actions"]] == [
        ("Action.Submit", {"choice": value})
        for value in ("gaat_goed", "kan_beter", "contact", "stop")
    ]

    # She presses "ik wil graag contact": Teams sends the button's data as a message.
    before = len(bot.connector.calls)
    pressed = rita.activity(value={"choice": "contact"})
    assert (await bot.post(pressed)).status == 201
    (reply,) = rita.received(before)
    assert text_of(reply) == say("checkin_reply_contact")

    # The coordinator VPT and both griffiers hear of it, as text.
    async with bot.app.store.transaction() as tx:
        queued = [
            (person.aad, item.payload["notice"]["kind"])
            for person in (lotte, people.gerrit, people.greet)
            for item in await tx.outbox.pending_for("teams", person.aad)
        ]
    assert queued == [(p.aad, "checkin_contact") for p in (lotte, people.gerrit, people.greet)]
    before = len(bot.connector.calls)
    while await bot.deliver():
        pass
    notice = say("checkin_contact_notice", reference=reference, org="Gemeente Amersfoort")
    for person in (lotte, people.gerrit, people.greet):
        (call,) = person.received(before)
        assert call.body["text"] == notice and not call.body.get("attachments")
