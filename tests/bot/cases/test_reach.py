"""No case falls through: an organisation whose handlers cannot be reached gets its case to
the deputies, then the coordinator VPT, at submission; the reporter is told who has it;
and nobody is told that "the griffier already had a reminder" when no griffier was reached.
"""

from __future__ import annotations

from typing import Any

from bot.app import Weerbaar
from bot.text.catalogue import say
from tests.bot.cases.test_deadlines import at, inbox, steps, sweep_until
from tests.chat import Chatter, report_lines
from tests.conftest import FakeClock
from tests.people import enrol


async def report_in_bunnik(app: Weerbaar) -> tuple[str, str]:
    """A raadslid of Bunnik (no griffier of Bunnik in the demo data) reports; returns the
    reference and what the reporter was told."""
    await enrol(app, "Rob Raadslid", ("gemeenteraadslid", "bunnik"), local="raadslid-bunnik")
    chat = Chatter(app, "raadslid-bunnik")
    await chat.say(*report_lines())
    done = await chat.say("verstuur")
    return "WB-" + done.split("Je kenmerk is WB-", 1)[1][:6], done


BUNNIK = "de gemeente Bunnik"


def assert_nothing_untrue(told: str) -> None:
    """Nothing in the close says the unreachable griffier has the case or will act."""
    assert "krijgt je melding nu" not in told.replace("plaatsvervanger je melding nu", "").replace(
        "VPT je melding nu", ""
    )
    assert say("close_contact", handler="De griffier") not in told
    assert "Dan maakt de griffier" not in told


def routed(payloads: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [p for p in payloads if p.get("notice", {}).get("kind") == "case_routed"]


async def test_no_griffier_and_no_deputy_the_coordinator_has_it_at_once(
    app: Weerbaar, clock: FakeClock
) -> None:
    reference, told = await report_in_bunnik(app)
    [notice] = routed(await inbox(app, "coordinator"))
    assert notice["notice"]["reference"] == reference
    assert notice["text"].startswith(
        say("case_routed_stand_in", handler="griffier", org="Gemeente Bunnik")
    )
    # One truthful message: the griffier cannot be reached, the coordinator has it; no
    # line says the griffier "krijgt je melding nu" or will get in touch.
    assert (
        say("submitted_to_coordinator", reference=reference, handler="De griffier", org=BUNNIK)
        in told
    )
    assert_nothing_untrue(told)
    assert say("close_contact_coordinator") in told
    async with app.store.transaction() as tx:
        case = await tx.cases.case_by_reference(reference)
        assert case is not None
        events = [e for e in await tx.cases.events(case.id) if e.kind == "routed_stand_in"]
    assert [e.detail for e in events] == [{"link": "coordinator", "people": 1}]

    # The reminders come to the coordinator from the first one on, and never claim that
    # a griffier was reminded.
    await sweep_until(app, clock, at("2026-11-27 12:00"))
    got = await inbox(app, "coordinator")
    assert ("acknowledge", "reminder") in steps(got) and ("acknowledge", "escalation_1") in steps(
        got
    )
    for payload in got:
        if payload.get("notice", {}).get("kind") == "reminder":
            assert "heeft al een herinnering" not in payload["text"]
            assert "Er is geen griffier van Gemeente Bunnik bereikbaar" in payload["text"]
            assert payload["notice"]["escalation"] is True
            assert payload["notice"]["handler_reached"] is False


async def test_a_deputy_has_it_when_the_griffier_cannot_be_reached(
    app: Weerbaar, clock: FakeClock
) -> None:
    # A griffier enrolled in Teams who never opened the bot cannot be reached.
    await enrol(app, "Greet Griffier", ("griffier", "bunnik"), aad="aad-greet")
    await enrol(
        app, "Paul Plaatsvervanger", ("plaatsvervanger_griffier", "bunnik"), local="pv-bunnik"
    )
    reference, told = await report_in_bunnik(app)
    [notice] = routed(await inbox(app, "pv-bunnik"))
    assert notice["notice"]["reference"] == reference
    assert routed(await inbox(app, "coordinator")) == []
    assert (
        say("submitted_to_deputy", reference=reference, handler="De griffier", org=BUNNIK) in told
    )
    assert_nothing_untrue(told)
    assert say("close_contact_deputy") in told
    # The deputy takes it in hand: that is recorded as who did, and the reporter hears.
    deputy = Chatter(app, "pv-bunnik")
    reply = await deputy.say(f"gedaan {reference} ontvangst")
    assert "is dit gedaan" in reply
    async with app.store.transaction() as tx:
        case = await tx.cases.case_by_reference(reference)
    assert case is not None and case.status == "acknowledged"
    assert case.acknowledged_by == "Paul Plaatsvervanger"


async def test_nobody_reachable_the_reporter_is_told_so(app: Weerbaar, clock: FakeClock) -> None:
    async with app.store.transaction() as tx:
        coordinator = await tx.people.find_person_id("local", "handle", "coordinator")
        assert coordinator is not None
        await tx.people.remove_person(coordinator)
    reference, told = await report_in_bunnik(app)
    assert say("submitted_to_nobody", reference=reference, mid="de griffier", org=BUNNIK) in told
    assert_nothing_untrue(told)
    assert "contact met je op" not in told  # nobody will: they are told whom to call


async def test_a_reachable_griffier_has_it_and_nobody_else(app: Weerbaar, clock: FakeClock) -> None:
    await enrol(app, "Greet Griffier", ("griffier", "bunnik"), local="griffier-bunnik")
    await enrol(
        app, "Paul Plaatsvervanger", ("plaatsvervanger_griffier", "bunnik"), local="pv-bunnik"
    )
    reference, told = await report_in_bunnik(app)
    assert [n["notice"]["reference"] for n in routed(await inbox(app, "griffier-bunnik"))] == [
        reference
    ]
    assert routed(await inbox(app, "pv-bunnik")) == []
    assert "Let op:" not in told and "niet bereikbaar" not in told
    assert say("close_contact", handler="De griffier") in told
