"""A scripted case over the local chat, end to end (issue 11): the reporter reports, the
handler reads it, ticks steps, records a response with measures until a date, is refused
closing while the basisafspraak is not met, and closes; the reporter hears each step.
"""

from __future__ import annotations

from datetime import date

from bot.app import Weerbaar
from bot.cases.notices import CaseDetails, CaseSupplemented, Refusal, ReporterProgress
from bot.domain.audit import AuditAction
from dialogs.messages import CardAction, ConversationKey, Inbound
from tests.chat import Chatter
from tests.conftest import AppFactory, FakeClock

REPORT = [
    "hallo",
    "ja",  # safe
    "De man van de markt schold me uit en dreigde.",
    "nee",  # the story read back ("Ik lees: ... Klopt dat?"): no, ask it all
    "2",  # verbale agressie
    "Gemeentehuis",
    "gisteren om 14:30",  # read back in the next question, not asked to confirm
    "Piet de Marktman",  # who did it, in words
    "Rode jas, kaal",  # details
    "Mijn collega Els zag het",  # witnesses
    "overslaan",  # evidence
    "2",  # psychisch letsel: serious (no damage, no time off)
    "ja",  # criminal offence suspected
]


async def reported(app: Weerbaar) -> str:
    anna = Chatter(app, "anna")
    await anna.say(*REPORT)
    done = await anna.say("verstuur")
    return "WB-" + done.split("Je kenmerk is WB-", 1)[1][:6]


async def press(app: Weerbaar, handle: str, verb: str, **data: object) -> Inbound:
    inbound = Inbound(
        key=ConversationKey("local", "local", handle),
        message_id=f"press-{handle}-{verb}-{len(str(data))}-{sorted(data.items())!r}",
        action=CardAction(verb, dict(data)),
    )
    return inbound


async def texts_for(app: Weerbaar, handle: str) -> list[str]:
    async with app.store.transaction() as tx:
        return [
            str(item.payload.get("text"))
            for item, _status in await tx.outbox.all_items()
            if item.recipient == handle and item.payload.get("notice")
        ]


async def notices_for(app: Weerbaar, handle: str, kind: str) -> list[dict[str, object]]:
    async with app.store.transaction() as tx:
        return [
            item.payload["notice"]
            for item, _status in await tx.outbox.all_items()
            if item.recipient == handle
            and isinstance(item.payload.get("notice"), dict)
            and item.payload["notice"].get("kind") == kind
        ]


async def test_a_whole_case_from_report_to_close(
    make_app: AppFactory, sqlite_url: str, clock: FakeClock
) -> None:
    app = await make_app(sqlite_url)
    reference = await reported(app)
    handler = Chatter(app, "secretaris-utrecht")

    # Reading the case: the story, the perpetrator, the witnesses; the view is audited.
    shown = await handler.say(f"toon {reference}")
    assert "De man van de markt schold me uit" in shown
    assert "Piet de Marktman" in shown and "Rode jas, kaal" in shown
    assert "Mijn collega Els zag het" in shown
    assert isinstance(handler.last[0].notice, CaseDetails)
    details = handler.last[0].notice
    assert details.perpetrator_known and details.serious and details.criminal
    assert [s.step for s in details.steps] == [str(n) for n in range(1, 10)]
    # The bare reference shows the same, now with who has seen it.
    again = await handler.say(reference.lower())
    assert "Piet de Marktman" in again and "Bekeken door: Hans Mulder" in again

    # Someone of another organisation is refused, and that is audited too.
    other = Chatter(app, "griffier-zeist")
    refused = await other.say(f"toon {reference}")
    assert "Piet" not in refused and "schold" not in refused
    assert isinstance(other.last[0].notice, Refusal)

    # Closing is refused while nobody took it in hand (and without a response).
    # The refusal says what to do next, and the case stays in view with it.
    refusal = await handler.say(f"sluit {reference}")
    assert "nog niet dicht" in refusal and "in behandeling" in refusal
    assert f"gedaan {reference} ontvangst" in refusal
    kept = handler.last[0].notice
    assert isinstance(kept, CaseDetails) and kept.status_refused
    assert kept.status_line is not None and "nog niet dicht" in kept.status_line

    # Taken in hand from the card, keeping no informed party: nobody else is told.
    answer = await app.handle(
        await press(app, "secretaris-utrecht", "acknowledge", reference=reference, parties=[])
    )
    assert "in behandeling" in answer[0].text.lower()
    async with app.store.transaction() as tx:
        case = await tx.cases.case_by_reference(reference)
        assert case is not None and case.acknowledged_at is not None
        informed = [
            i
            for i, _s in await tx.outbox.all_items()
            if (i.payload.get("notice") or {}).get("kind") == "case_informed"
        ]
    assert informed == []

    # Step 3, the appointment with the police: the police deadline is done.
    ticked = await handler.say(f"stap {reference} 3")
    assert "Vastgelegd: Afspraak maken met de politie" in ticked
    assert "termijn voor de politie is nu gedaan" in ticked
    async with app.store.transaction() as tx:
        assert case is not None
        assert await tx.deadlines.deadline_state(case.id, "police") == "done"
        assert await tx.reminders.pending_steps(case.id, "police") == []
    # Step 4 needs a value; step 8 after an aangifte; the second opinion is offered.
    assert "Zeg ook wat" in await handler.say(f"stap {reference} 4")
    await handler.say(f"stap {reference} 4 aangifte")
    assert "hulpofficier" in await handler.say(f"stap {reference} 8 niet strafbaar")
    assert "Vastgelegd" in await handler.say(f"stap {reference} hulpofficier gevraagd")
    assert "niets veranderd" in await handler.say(f"stap {reference} 3")

    # "Pleger onbekend" while the reporter named the perpetrator: refused.
    refusal = await handler.say(f"sluit {reference} onbekend")
    assert "genoemd of beschreven" in refusal
    # The reporter adds something; the handler is told (counts only).
    anna = Chatter(app, "anna")
    assert "bewaard" in await anna.say(f"aanvullen {reference} Hij stond er vandaag weer.")
    supplemented = await notices_for(app, "secretaris-utrecht", CaseSupplemented.kind)
    assert supplemented and "weer" not in str(supplemented)

    # The response: an incident and recovery talk, measures until 18 December, damages.
    recorded = await handler.say(
        f"reactie {reference} gesprek maatregelen tot 18-12-2026 schade: brief aan Piet"
    )
    assert "Incident- en herstelgesprek" in recorded
    assert "herstelgesprek staat gepland op" in recorded
    async with app.store.transaction() as tx:
        deadlines = {d.kind: d for d in await tx.deadlines.deadlines(case.id)}
    assert deadlines["recovery_talk"].due_at.date() == date(2026, 12, 18)
    assert "notitie" in (await handler.say(f"notitie {reference} Wijkagent gebeld.")).lower()

    # The Arbeidsinspectie step is open: refused, unless the handler says why.
    refusal = await handler.say(f"sluit {reference}")
    assert "Arbeidsinspectie" in refusal
    closed = await handler.say(f"sluit {reference} toch: Arbeidsinspectie telefonisch gemeld")
    assert "is afgesloten door Hans Mulder" in closed
    assert "Incident- en herstelgesprek" in closed

    # The reporter heard: taken in hand, the response (not the note), closed.
    told = await texts_for(app, "anna")
    progress = await notices_for(app, "anna", ReporterProgress.kind)
    assert any("in behandeling" in t for t in told)
    assert [p["event"] for p in progress] == ["measures", "closed"]
    assert not any("brief aan Piet" in t or "Wijkagent" in t for t in told)
    status = await anna.say("status")
    assert reference in status and "Afgesloten" in status

    # The audit trail lists every view and action in order.
    async with app.store.transaction() as tx:
        trail = [e.action for e in await tx.audit.for_case(case.id)]
    assert trail[:3] == [AuditAction.VIEW, AuditAction.VIEW, AuditAction.REFUSED]
    assert trail.count(AuditAction.STEP) == 4
    for action in (
        AuditAction.ACKNOWLEDGE,
        AuditAction.PARTIES,
        AuditAction.AMEND,
        AuditAction.RESPONSE,
        AuditAction.NOTE,
        AuditAction.CLOSE,
    ):
        assert action in trail
    assert trail[-1] == AuditAction.CLOSE

    # A new app on the same database: the ticked steps are still there, with who.
    await app.close()
    restarted = await make_app(sqlite_url)
    async with restarted.store.transaction() as tx:
        steps = {t.step: (t.value, t.by) for t in await tx.casework.steps(case.id)}
    assert steps == {
        "3": (None, "Hans Mulder"),
        "4": ("aangifte", "Hans Mulder"),
        "8": ("niet_strafbaar", "Hans Mulder"),
        "hulpofficier": ("gevraagd", "Hans Mulder"),
    }
