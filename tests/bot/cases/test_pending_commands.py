"""A typed command's short exchange (casework2): "aanvullen REF" sent alone asks what to
add and takes the reporter's next messages as the addition; "reactie REF" alone asks the
handler the response step by step. Both are stored as they go (a restart continues
them), "klaar"/"stop" ends them, and neither ever touches a report being written."""

from __future__ import annotations

from datetime import date

from bot.app import Weerbaar
from bot.cases.notices import CaseDetails, CaseSupplemented, ReporterProgress
from bot.text.catalogue import say
from dialogs.messages import Attachment, ConversationKey, Inbound
from tests.bot.cases.test_acknowledge import submitted_case
from tests.chat import Chatter
from tests.conftest import AppFactory, FakeClock

ANNA = ConversationKey("local", "local", "anna")
HANDLER = ConversationKey("local", "local", "secretaris-utrecht")


async def outbox_notices(app: Weerbaar, kind: str) -> list[dict[str, object]]:
    async with app.store.transaction() as tx:
        return [
            i.payload
            for i, _s in await tx.outbox.all_items()
            if (i.payload.get("notice") or {}).get("kind") == kind
        ]


async def test_aanvullen_alone_waits_for_the_addition_across_a_restart(
    make_app: AppFactory, sqlite_url: str, clock: FakeClock
) -> None:
    app = await make_app(sqlite_url)
    reference = await submitted_case(app)
    anna = Chatter(app, "anna")
    asked = await anna.say(f"aanvullen {reference}")
    assert asked.startswith("Wat wil je toevoegen? Stuur tekst of een bestand.")

    # The bot restarts: the next message is still the addition, not a new report.
    app = await make_app(sqlite_url)
    anna = Chatter(app, "anna")
    more = await anna.say("Hij stond er vanochtend weer, bij de ingang.")
    assert reference in more and "bewaard" in more
    [photo_reply] = await app.handle(
        Inbound(
            ANNA,
            "photo-after-aanvullen",
            "",
            attachments=(Attachment("foto.jpg", "image/jpeg", b"\xff\xd8\xff" + b"X" * 40),),
        )
    )
    assert "bewaard" in photo_reply.text
    assert say("amend_finished", reference=reference) in await anna.say("klaar")

    async with app.store.transaction() as tx:
        case = await tx.cases.case_by_reference(reference)
        assert case is not None
        assert [f.filename for f in await tx.cases.evidence(case.id)] == ["foto.jpg"]
        assert await tx.dialogs.load_pending(ANNA) is None
        state = await tx.dialogs.load_state(ANNA)
        assert state is not None and state.flow is None  # no report was started
    seen = await app.handle(Inbound(HANDLER, "view-after-amend", f"toon {reference}"))
    details = seen[0].notice
    assert isinstance(details, CaseDetails)
    assert [n.text for n in details.notes] == ["Hij stond er vanochtend weer, bij de ingang."]
    # The handler is told once for the whole addition (two messages), without its content.
    told = await outbox_notices(app, CaseSupplemented.kind)
    assert len(told) == 1 and "ingang" not in str(told)

    # After "klaar" a message is an ordinary one again (here: it starts a report).
    assert "bewaard" not in await anna.say("hallo")


async def test_aanvullen_alone_can_be_stopped_and_never_touches_a_draft(app: Weerbaar) -> None:
    reference = await submitted_case(app)
    anna = Chatter(app, "anna")
    await anna.say(f"aanvullen {reference}")
    assert say("amend_nothing", reference=reference) in await anna.say("stop")
    assert await outbox_notices(app, CaseSupplemented.kind) == []

    # While a report is being written, "aanvullen REF" belongs to that report's flow: no
    # exchange starts and the draft stays where it was.
    await anna.say("hallo")
    async with app.store.transaction() as tx:
        before = await tx.dialogs.load_state(ANNA)
    assert before is not None and before.flow is not None
    await anna.say(f"aanvullen {reference}")
    async with app.store.transaction() as tx:
        assert await tx.dialogs.load_pending(ANNA) is None
        after = await tx.dialogs.load_state(ANNA)
    assert after is not None and after.flow == before.flow and after.case_id == before.case_id


async def test_someone_elses_case_starts_no_exchange(app: Weerbaar) -> None:
    reference = await submitted_case(app)
    bram = Chatter(app, "bram")
    assert "geen melding" in await bram.say(f"aanvullen {reference}")
    async with app.store.transaction() as tx:
        assert await tx.dialogs.load_pending(ConversationKey("local", "local", "bram")) is None


async def test_reactie_alone_asks_the_response_step_by_step_across_a_restart(
    make_app: AppFactory, sqlite_url: str, clock: FakeClock
) -> None:
    app = await make_app(sqlite_url)
    reference = await submitted_case(app)
    handler = Chatter(app, "secretaris-utrecht")
    first = await handler.say(f"reactie {reference}")
    assert "1. Schriftelijke waarschuwing" in first and "4. Incident- en herstelgesprek" in first
    assert "Dat nummer ken ik niet" in await handler.say("9")
    assert "2. Beperkende maatregelen" in await handler.say("4")
    assert "Tot welke datum" in await handler.say("3")  # contactafspraken
    assert "al voorbij" in await handler.say("01-01-2020")

    app = await make_app(sqlite_url)  # a restart in the middle
    handler = Chatter(app, "secretaris-utrecht")
    assert "schade" in (await handler.say("18-12-2026")).lower()
    assert "notitie" in await handler.say("ja")
    confirm = await handler.say("Gebeld met de fractievoorzitter.")
    assert "Klopt dit?" in confirm and "Contactafspraken tot" in confirm
    done = await handler.say("ja")
    details = handler.last[0].notice
    assert isinstance(details, CaseDetails) and not details.status_refused
    assert "Incident- en herstelgesprek" in done
    [line] = details.responses
    assert line.damages_recovered and line.note == "Gebeld met de fractievoorzitter."
    async with app.store.transaction() as tx:
        assert await tx.dialogs.load_pending(HANDLER) is None
        case = await tx.cases.case_by_reference(reference)
        assert case is not None
        deadlines = {d.kind: d for d in await tx.deadlines.deadlines(case.id)}
    assert deadlines["recovery_talk"].due_at.date() == date(2026, 12, 18)
    # The reporter hears the kind, never the note.
    progress = await outbox_notices(app, ReporterProgress.kind)
    assert len(progress) == 1 and "fractievoorzitter" not in str(progress)


async def test_reactie_alone_stops_with_nothing_recorded_and_is_refused_to_others(
    app: Weerbaar,
) -> None:
    reference = await submitted_case(app)
    handler = Chatter(app, "secretaris-utrecht")
    await handler.say(f"reactie {reference}")
    await handler.say("1")
    assert "niets vastgelegd" in await handler.say("stop")
    async with app.store.transaction() as tx:
        case = await tx.cases.case_by_reference(reference)
        assert case is not None
        assert await tx.casework.responses(case.id) == []
        assert await tx.dialogs.load_pending(HANDLER) is None

    other = Chatter(app, "griffier-zeist")
    refused = await other.say(f"reactie {reference}")
    assert "1. Schriftelijke waarschuwing" not in refused
    async with app.store.transaction() as tx:
        key = ConversationKey("local", "local", "griffier-zeist")
        assert await tx.dialogs.load_pending(key) is None

    # The one-line form keeps working.
    assert "Vastgelegd" in await handler.say(f"reactie {reference} waarschuwing")
