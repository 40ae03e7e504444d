"""Evidence to a handler over Signal, end to end: "bewijs REF NUMMER" and the file comes as
an attachment of `POST /v2/send` (`base64_attachments`), read by the fake the way
signal-cli-rest-api reads it."""

from __future__ import annotations

import asyncio
import os

from adapters.signal.adapter import SignalAdapter
from bot.app import Weerbaar
from bot.domain.audit import AuditAction
from bot.text.catalogue import say
from tests.chat import report_lines
from tests.e2e import test_signal_e2e as signal_e2e
from tests.e2e.test_signal_e2e import Phone, enrol, evidence_lines
from tests.fakes.signal_rest import FakeSignalRestApi

# The Signal e2e fixtures.
app, fake, signal = signal_e2e.app, signal_e2e.fake, signal_e2e.signal
nothing_left_running = signal_e2e.nothing_left_running

PHOTO = b"\xff\xd8\xff\xe0" + os.urandom(9000)
VOICE = b"\xff\xf1\x50\x80" + os.urandom(7000)


async def delivered_to(app: Weerbaar, phone: Phone, count: int) -> None:
    """Run outbox rounds (as the scheduler does) until `phone` got a new message."""
    for _ in range(200):
        await app.outbox.run_once()
        if len(phone.received()) > count:
            return
        await asyncio.sleep(0.02)
    raise AssertionError("nothing delivered")


async def test_the_handler_gets_the_photo_and_the_voice_note_as_attachments(
    app: Weerbaar,
    signal: SignalAdapter,
    fake: FakeSignalRestApi,
) -> None:
    await enrol(app, "Rita de Raad", "+31611111111", "gemeenteraadslid", "amersfoort")
    await enrol(app, "Gerrit Griffioen", "+31622222222", "griffier", "amersfoort")
    await enrol(app, "Zeger Zeist", "+31633333333", "griffier", "zeist")
    rita = Phone(fake, signal, "+31611111111")
    gerrit = Phone(fake, signal, "+31622222222", name="Gerrit")
    zeger = Phone(fake, signal, "+31633333333", name="Zeger")
    before, after = evidence_lines(report_lines())
    await rita.say(*before)
    await rita.send_file(PHOTO, "image/jpeg", filename="IMG_1.jpg")
    await rita.send_file(VOICE, "audio/aac", voice_note=True)
    await rita.say("klaar", *after)
    done = await rita.say("verstuur")
    reference = "WB-" + done.split("Je kenmerk is WB-", 1)[1][:6]
    await app.outbox.run_once()

    listed = await gerrit.say(f"bewijs {reference}")
    assert "1. IMG_1.jpg" in listed and "2. " in listed

    for number, data, mime in ((1, PHOTO, "image/jpeg"), (2, VOICE, "audio/aac")):
        count = len(gerrit.received())
        gerrit.push(f"bewijs {reference} {number}")
        # The file's own message answers: the outbox worker sends it.
        await delivered_to(app, gerrit, count)
        (sent,) = gerrit.received()[count:]
        assert sent.message.startswith(f"Bestand {number} van melding {reference}")
        ((got_mime, name, got),) = sent.attachments
        assert (got_mime, got) == (mime, data)
        assert name and ";" not in name
        assert sent.body["base64_attachments"][0].startswith(f"data:{mime};filename=")

    # Another organisation's griffier gets nothing.
    count = len(zeger.received())
    assert await zeger.say(f"bewijs {reference} 1") == say("evidence_refused", reference=reference)
    await app.outbox.run_once()
    assert all(not m.attachments for m in zeger.received()[count:])

    async with app.store.transaction() as tx:
        case = await tx.cases.case_by_reference(reference)
        assert case is not None
        entries = [(e.action, e.actor_name, e.channel) for e in await tx.audit.for_case(case.id)]
    assert [e for e in entries if e[0] == AuditAction.EVIDENCE] == [
        (AuditAction.EVIDENCE, "Gerrit Griffioen", "signal")
    ] * 2
    assert (AuditAction.VIEW, "Gerrit Griffioen", "signal") in entries  # the list
    assert (AuditAction.REFUSED, "Zeger Zeist", "signal") in entries
