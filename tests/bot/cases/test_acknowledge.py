"""Taking a case in hand, channel-neutral: who may, who hears of it, and only once."""

from __future__ import annotations

from bot.app import Weerbaar
from bot.cases.acknowledge import AckStatus, acknowledge_case
from bot.text.format import moment
from tests.chat import Chatter, report_lines
from tests.conftest import FakeClock
from tests.people import enrol as enrol_person


async def enrol_local(app: Weerbaar, name: str, handle: str, role: str, org: str) -> int:
    return await enrol_person(app, name, (role, org), local=handle)


async def submitted_case(app: Weerbaar) -> str:
    """Anna (burgemeester of Utrecht, demo data) reports; returns the reference."""
    anna = Chatter(app, "anna")
    await anna.say(*report_lines())
    done = await anna.say("verstuur")
    return "WB-" + done.split("Je kenmerk is WB-", 1)[1][:6]


async def pending(app: Weerbaar) -> dict[str, list[str]]:
    """recipient -> texts of pending local rows."""
    async with app.store.transaction() as tx:
        found: dict[str, list[str]] = {}
        for handle in ("anna", "cdk", "griffier-utrecht", "secretaris-utrecht", "bram"):
            for item in await tx.outbox.pending_for("local", handle):
                found.setdefault(handle, []).append(str(item.payload["text"]))
        return found


async def test_handler_acknowledges_reporter_and_informed_hear_once(
    app: Weerbaar, clock: FakeClock
) -> None:
    await enrol_local(
        app, "Carla Commissaris", "cdk", "commissaris_van_de_koning", "provincie-utrecht"
    )
    await enrol_local(app, "Gijs Griffier", "griffier-utrecht", "griffier", "utrecht")
    reference = await submitted_case(app)
    async with app.store.transaction() as tx:
        hans = await tx.people.find_person_id("local", "handle", "secretaris-utrecht")
    before = await pending(app)

    clock.advance(hours=1)
    async with app.store.transaction() as tx:
        outcome = await acknowledge_case(tx, hans, reference.lower(), clock())
    assert outcome.status is AckStatus.ACKNOWLEDGED and outcome.by == "Hans Mulder"
    # The Minister van BZK is informed too, but nobody holds that function: skipped.
    assert outcome.informed == ("Commissaris van de Koning", "griffier")
    after = await pending(app)
    new = {k: v[len(before.get(k, [])) :] for k, v in after.items()}
    assert new["anna"] == [
        f"Je melding {reference} is in behandeling bij Hans Mulder sinds {moment(clock())}."
    ]
    for informed in ("cdk", "griffier-utrecht"):
        (text,) = new[informed]
        assert text.startswith("Ter informatie") and "burgemeester van Gemeente Utrecht" in text
        assert "Anna" not in text and "schold" not in text
    assert new.get("secretaris-utrecht", []) == []

    async with app.store.transaction() as tx:
        again = await acknowledge_case(tx, hans, reference, clock())
    assert again.status is AckStatus.ALREADY and "Hans Mulder" in again.text
    assert await pending(app) == after


async def test_others_are_refused_and_unknown_cases_said_so(
    app: Weerbaar, clock: FakeClock
) -> None:
    reference = await submitted_case(app)
    async with app.store.transaction() as tx:
        bram = await tx.people.find_person_id("local", "handle", "bram")  # raadslid elsewhere
        griffier_zeist = await tx.people.find_person_id("local", "handle", "griffier-zeist")
        houten = await tx.people.find_person_id("local", "handle", "secretaris-houten")
    before = await pending(app)
    for actor in (bram, griffier_zeist, houten, None):
        async with app.store.transaction() as tx:
            outcome = await acknowledge_case(tx, actor, reference, clock())
        assert outcome.status is AckStatus.REFUSED
        assert outcome.text.startswith("Alleen de gemeentesecretaris van Gemeente Utrecht")
    async with app.store.transaction() as tx:
        case = await tx.cases.case_by_reference(reference)
        unknown = await acknowledge_case(tx, houten, "WB-ZZZZZZ", clock())
    assert case is not None and case.status == "submitted"
    assert unknown.status is AckStatus.UNKNOWN
    assert await pending(app) == before


async def test_gedaan_ontvangst_in_the_chat_is_the_same_as_the_card_button(
    app: Weerbaar,
) -> None:
    reference = await submitted_case(app)
    secretaris = Chatter(app, "secretaris-utrecht")  # gemeentesecretaris of Utrecht
    reply = await secretaris.say(f"gedaan {reference} ontvangst")
    assert reference in reply
    async with app.store.transaction() as tx:
        case = await tx.cases.case_by_reference(reference)
    assert case is not None and case.status == "acknowledged"
    assert case.acknowledged_by == "Hans Mulder"
    told = (await pending(app)).get("anna", [])
    assert any("in behandeling bij Hans Mulder" in t for t in told)
