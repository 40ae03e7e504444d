"""The handler's case work through its verbs (bot/cases/actions.py): who may read and
work a case and where, what each press answers, what the reporter hears, and what is
stored encrypted."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from bot.app import Weerbaar
from bot.cases.notices import (
    CaseClosed,
    CaseDetails,
    CaseSupplemented,
    Refusal,
    ReporterProgress,
    notice_from_dict,
)
from bot.domain.audit import AuditAction
from dialogs.messages import Attachment, CardAction, ConversationKey, Inbound, Outbound
from tests.bot.cases.test_acknowledge import enrol_local, submitted_case
from tests.chat import Chatter
from tests.conftest import FakeClock

_presses = 0


async def press(
    app: Weerbaar,
    handle: str,
    verb: str,
    card: str | None = None,
    shared: bool = False,
    **data: Any,
) -> Outbound:
    global _presses
    _presses += 1
    [answer] = await app.handle(
        Inbound(
            key=ConversationKey("local", "local", handle),
            message_id=f"press-{_presses}",
            action=CardAction(verb, dict(data), card, shared=shared),
        )
    )
    return answer


async def trail(app: Weerbaar, reference: str) -> list[tuple[str, str | None, dict[str, Any]]]:
    async with app.store.transaction() as tx:
        case = await tx.cases.case_by_reference(reference)
        assert case is not None
        return [(e.action, e.actor_name, e.detail or {}) for e in await tx.audit.for_case(case.id)]


async def test_only_the_chain_reads_and_never_into_a_shared_conversation(app: Weerbaar) -> None:
    reference = await submitted_case(app)
    seen = await press(app, "secretaris-utrecht", "view_case", reference=reference)
    assert isinstance(seen.notice, CaseDetails) and seen.notice.reporter == "Anna de Vries"
    assert "Hij schold me uit." in seen.text
    coordinator = await press(app, "coordinator", "view_case", reference=reference)
    assert isinstance(coordinator.notice, CaseDetails)
    assert coordinator.notice.viewed_by[0].startswith("Hans Mulder")

    for handle in ("griffier-zeist", "anna", "bram", "nobody"):
        refused = await press(app, handle, "view_case", reference=reference)
        assert isinstance(refused.notice, Refusal) and "schold" not in refused.text
    # A press from a team channel: the content does not go there, even for the handler.
    async with app.store.transaction() as tx:
        case = await tx.cases.case_by_reference(reference)
        assert case is not None
        await tx.conversations.record_card(
            case.id, "local", "org:utrecht", "team-card", "team", app.clock()
        )
    for answer in (
        await press(app, "secretaris-utrecht", "view_case", "team-card", reference=reference),
        await press(app, "secretaris-utrecht", "view_case", shared=True, reference=reference),
    ):
        assert isinstance(answer.notice, Refusal) and "eigen chat" in answer.text
    unknown = await press(app, "secretaris-utrecht", "view_case", reference="WB-ZZZZZZ")
    assert isinstance(unknown.notice, Refusal)

    actions = [(a, who) for a, who, _d in await trail(app, reference)]
    assert actions[:2] == [(AuditAction.VIEW, "Hans Mulder"), (AuditAction.VIEW, "Lotte Hendriks")]
    refusals = [who for a, who, _d in await trail(app, reference) if a == AuditAction.REFUSED]
    # griffier-zeist, anna, bram by name; the one not enrolled without; twice the team
    assert refusals == [
        "Gerda Smit",
        "Anna de Vries",
        "Bram Jansen",
        None,
        "Hans Mulder",
        "Hans Mulder",
    ]


async def test_the_handler_keeps_the_informed_parties_they_choose(app: Weerbaar) -> None:
    await enrol_local(
        app, "Carla Commissaris", "cdk", "commissaris_van_de_koning", "provincie-utrecht"
    )
    await enrol_local(app, "Gijs Griffier", "griffier-utrecht", "griffier", "utrecht")
    reference = await submitted_case(app)
    seen = await press(app, "secretaris-utrecht", "view_case", reference=reference)
    assert isinstance(seen.notice, CaseDetails) and not seen.notice.informed_confirmed
    assert "griffier" in seen.notice.informed

    await press(app, "secretaris-utrecht", "acknowledge", reference=reference, parties="griffier")
    async with app.store.transaction() as tx:
        told = {
            item.recipient
            for item, _s in await tx.outbox.all_items()
            if (item.payload.get("notice") or {}).get("kind") == "case_informed"
        }
    assert told == {"griffier-utrecht"}
    seen = await press(app, "secretaris-utrecht", "view_case", reference=reference)
    assert isinstance(seen.notice, CaseDetails)
    assert seen.notice.informed == ("griffier",) and seen.notice.informed_confirmed
    parties = [d for a, _w, d in await trail(app, reference) if a == AuditAction.PARTIES]
    assert parties == [{"kept": ["griffier"]}]


async def test_a_response_is_checked_and_the_reporter_hears_only_its_kind(
    app: Weerbaar, clock: FakeClock
) -> None:
    reference = await submitted_case(app)
    for data, says in (
        ({"response": "boze blik"}, "ken ik niet"),
        ({"response": "herstelgesprek", "measure": "contactafspraken"}, "einddatum"),
        ({"response": "maatregelen", "until": "2026-11-01"}, "al voorbij"),
        ({"response": "maatregelen", "until": "volgende week"}, "niet lezen"),
    ):
        refused = await press(
            app, "secretaris-utrecht", "record_response", None, False, reference=reference, **data
        )
        # A refusal keeps the case in view, the reason in its status line.
        assert isinstance(refused.notice, CaseDetails) and refused.notice.status_refused
        assert says in refused.text and says in (refused.notice.status_line or "")
        assert refused.notice.responses == ()
    other = await press(
        app, "griffier-zeist", "record_response", reference=reference, response="herstelgesprek"
    )
    assert isinstance(other.notice, Refusal)

    answer = await press(
        app,
        "secretaris-utrecht",
        "record_response",
        reference=reference,
        response="schriftelijke_waarschuwing",
        damages="true",
        note="GEHEIM-NOTITIE-1",
    )
    assert isinstance(answer.notice, CaseDetails)
    assert answer.notice.status_line == "Vastgelegd: Schriftelijke waarschuwing."
    [line] = answer.notice.responses
    assert line.damages_recovered and line.note == "GEHEIM-NOTITIE-1"
    async with app.store.transaction() as tx:
        rows = [i.payload for i, _s in await tx.outbox.all_items() if i.recipient == "anna"]
    progress = [p for p in rows if (p.get("notice") or {}).get("kind") == ReporterProgress.kind]
    assert len(progress) == 1 and "brief met een waarschuwing" in progress[0]["text"]
    assert "schade" in progress[0]["text"] and "GEHEIM" not in str(rows)

    note = await press(
        app, "secretaris-utrecht", "add_note", reference=reference, note="GEHEIM-NOTITIE-2"
    )
    assert isinstance(note.notice, CaseDetails) and note.notice.notes[0].text == "GEHEIM-NOTITIE-2"
    empty = await press(app, "secretaris-utrecht", "add_note", reference=reference, note=" ")
    assert isinstance(empty.notice, CaseDetails) and empty.notice.status_refused
    raw = Path(app.settings.resolved_database_url().split("///", 1)[1]).read_bytes()
    assert b"GEHEIM-NOTITIE" not in raw


async def test_closing_from_a_card_and_nothing_changes_after(app: Weerbaar) -> None:
    reference = await submitted_case(app)
    refused = await press(app, "secretaris-utrecht", "close_case", reference=reference)
    assert isinstance(refused.notice, CaseDetails) and refused.notice.status_refused
    assert "in behandeling" in refused.text and not refused.notice.closed
    attempts = [d for a, _w, d in await trail(app, reference) if a == AuditAction.REFUSED]
    assert attempts[-1]["attempt"] == "close"
    await press(app, "secretaris-utrecht", "acknowledge", reference=reference)
    closed = await press(
        app, "secretaris-utrecht", "close_case", reference=reference, no_response="pleger_onbekend"
    )
    assert isinstance(closed.notice, CaseClosed) and closed.notice.no_response == "pleger_onbekend"
    assert "pleger is onbekend" in closed.text
    for verb, data in (
        ("tick_step", {"step": "1"}),
        ("record_response", {"response": "herstelgesprek"}),
        ("close_case", {}),
    ):
        after = await press(
            app, "secretaris-utrecht", verb, None, False, reference=reference, **data
        )
        assert isinstance(after.notice, CaseDetails) and after.notice.status_refused
        assert after.notice.closed and "al afgesloten" in after.text


async def test_status_and_aanvullen_for_the_reporter(app: Weerbaar, tmp_path: Path) -> None:
    bram = Chatter(app, "bram")
    assert "nog geen melding" in await bram.say("status")
    reference = await submitted_case(app)
    anna = Chatter(app, "anna")
    status = await anna.say("status")
    assert reference in status and "Nog niet in behandeling" in status
    assert "geen melding" in await bram.say(f"aanvullen {reference} hallo")  # not Bram's
    assert "Wat wil je toevoegen" in await anna.say(f"aanvullen {reference}")

    photo = tmp_path / "foto.jpg"
    photo.write_bytes(b"\xff\xd8\xff" + b"FOTO" * 10)
    [reply] = await app.handle(
        Inbound(
            ConversationKey("local", "local", "anna"),
            "amend-1",
            f"aanvullen {reference} Hier is de foto.",
            attachments=(Attachment("foto.jpg", "image/jpeg", photo.read_bytes()),),
        )
    )
    assert "bewaard" in reply.text
    async with app.store.transaction() as tx:
        case = await tx.cases.case_by_reference(reference)
        assert case is not None
        files = await tx.cases.evidence(case.id)
        notified = [
            i.payload["notice"]
            for i, _s in await tx.outbox.all_items()
            if (i.payload.get("notice") or {}).get("kind") == CaseSupplemented.kind
        ]
    assert [f.filename for f in files] == ["foto.jpg"]
    assert notified == [
        {
            "kind": "case_supplemented",
            "case_id": case.id,
            "reference": reference,
            "texts": 1,
            "files": 1,
        }
    ]
    seen = await press(app, "secretaris-utrecht", "view_case", reference=reference)
    assert isinstance(seen.notice, CaseDetails)
    assert [n.kind for n in seen.notice.notes] == ["addition"]
    assert [e.filename for e in seen.notice.evidence] == ["foto.jpg"]


async def test_every_new_notice_writes_back_as_it_reads(app: Weerbaar) -> None:
    reference = await submitted_case(app)
    await press(app, "secretaris-utrecht", "acknowledge", reference=reference)
    await press(
        app, "secretaris-utrecht", "tick_step", reference=reference, step="4", value="melding"
    )
    await press(
        app,
        "secretaris-utrecht",
        "record_response",
        reference=reference,
        response="maatregelen",
        measure="contactafspraken",
        until="2026-12-18",
        note="n",
    )
    seen = await press(app, "secretaris-utrecht", "view_case", reference=reference)
    closed = await press(app, "secretaris-utrecht", "close_case", reference=reference)
    for notice in (seen.notice, closed.notice):
        assert notice is not None
        assert notice_from_dict(notice.to_dict()) == notice
    assert isinstance(seen.notice, CaseDetails)
    step4 = next(s for s in seen.notice.steps if s.step == "4")
    assert step4.done and step4.value_label == "melding" and step4.by == "Hans Mulder"
    step8 = next(s for s in seen.notice.steps if s.step == "8")
    assert [o.value for o in step8.options] == ["politiedossier"]
    assert seen.notice.responses[0].until == "vrijdag 18 december 2026"


async def test_typed_commands_that_are_incomplete_say_how(app: Weerbaar) -> None:
    reference = await submitted_case(app)
    hans = Chatter(app, "secretaris-utrecht")
    assert f"stap {reference} NUMMER" in await hans.say(f"stap {reference}")
    assert "Die stap ken ik niet" in await hans.say(f"stap {reference} 12")
    assert f"reactie {reference} SOORT" in await hans.say(f"reactie {reference} boze blik")
    assert "niet lezen als datum" in await hans.say(f"reactie {reference} afspraken tot morgen")
    assert "Typ de notitie" in await hans.say(f"notitie {reference}")


async def test_status_tells_the_reporter_what_happened_without_the_notes(app: Weerbaar) -> None:
    reference = await submitted_case(app)
    await press(app, "secretaris-utrecht", "acknowledge", reference=reference)
    await press(
        app,
        "secretaris-utrecht",
        "record_response",
        reference=reference,
        response="incidentgesprek",
        note="GEHEIM",
    )
    await press(
        app,
        "secretaris-utrecht",
        "record_response",
        reference=reference,
        response="maatregelen",
        until="2026-12-18",
    )
    anna = Chatter(app, "anna")
    status = await anna.say("status")
    assert "In behandeling sinds" in status
    assert "er komt een gesprek met de persoon" in status
    assert "tot vrijdag 18 december 2026" in status and "GEHEIM" not in status
    assert "Houd het onder" in await anna.say(f"aanvullen {reference} " + "x" * 4001)
    await press(app, "secretaris-utrecht", "close_case", reference=reference)
    assert "al afgesloten" in await anna.say(f"aanvullen {reference} nog iets")
    assert "geen open meldingen" in await anna.say("status")
