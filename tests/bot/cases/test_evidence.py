"""Evidence files to the handler (bot/cases/evidence.py): who may ask, what each ask
answers, what goes in the outbox, and the typed form."""

from __future__ import annotations

from bot.app import Weerbaar
from bot.cases.evidence import EvidenceAsk, offer_evidence, with_file
from bot.cases.notices import EvidenceOffer, notice_from_dict
from bot.text.catalogue import say
from dialogs.flows.evidence_command import EvidenceCommand, parse_evidence_command
from dialogs.messages import Attachment, CardAction, ConversationKey, Inbound, Outbound
from tests.chat import Chatter, report_lines

GRIFFIER = ConversationKey("local", "local", "griffier-zeist")


async def bram_reports(app: Weerbaar, files: tuple[Attachment, ...] = ()) -> str:
    """Bram (raadslid in Zeist, demo data) reports, with `files` at the evidence step."""
    bram = Chatter(app, "bram")
    lines = report_lines()
    at = lines.index("overslaan", 9)
    await bram.say(*lines[:at])
    for n, file in enumerate(files):
        await app.handle(
            Inbound(
                key=ConversationKey("local", "local", "bram"),
                message_id=f"file-{n}",
                attachments=(file,),
            )
        )
    await bram.say("klaar" if files else "overslaan", *lines[at + 1 :])
    done = await bram.say("verstuur")
    return done.split("Je kenmerk is ")[1][:9]


async def ask(app: Weerbaar, **fields: object) -> str | None:
    async with app.store.transaction() as tx:
        person = await tx.people.person_for("local", "handle", GRIFFIER.user)
        fields.setdefault("path", "/tmp/x")
        return await offer_evidence(tx, EvidenceAsk(person, GRIFFIER, **fields), app.clock())  # type: ignore[arg-type]


def test_the_typed_command() -> None:
    assert parse_evidence_command("bewijs WB-ABC234") == EvidenceCommand("WB-ABC234", None, None)
    assert parse_evidence_command("Bewijs wb-abc234 2") == EvidenceCommand("WB-ABC234", 2, None)
    assert parse_evidence_command("bestand wb-abc234 1 ~/map met spatie/") == EvidenceCommand(
        "WB-ABC234", 1, "~/map met spatie/"
    )
    for not_one in ("bewijs", "bewijs hallo", "bewijs WB-ABC234 twee", "bewijs WB-ABC234 0"):
        assert parse_evidence_command(not_one) is None
    assert parse_evidence_command("ik heb bewijs") is None


async def test_what_an_ask_answers(app: Weerbaar) -> None:
    assert await ask(app, reference="WB-ZZZZZZ") == say(
        "evidence_unknown_case", reference="WB-ZZZZZZ"
    )
    bare = await bram_reports(app)
    assert await ask(app, reference=bare, number=1) == say("evidence_none", reference=bare)

    photo = Attachment("IMG_3.jpg", "image/jpeg", b"\xff\xd8\xff\xe0 photo")
    reference = await bram_reports(app, (photo,))
    listed = await ask(app, reference=reference, number=9)  # no such number: the list
    assert listed is not None and "1. IMG_3.jpg" in listed
    assert await ask(app, reference=reference, number=1, path=None) == say(
        "evidence_local_path", reference=reference, number=1
    )
    assert await ask(app, reference=reference, number=1) is None  # queued

    async with app.store.transaction() as tx:
        rows = [
            item.payload
            for item in await tx.outbox.pending_for("local", GRIFFIER.user)
            if "notice" in item.payload and item.payload["notice"].get("kind") == EvidenceOffer.kind
        ]
    (row,) = rows
    offer = notice_from_dict(row["notice"])
    assert isinstance(offer, EvidenceOffer)
    assert (offer.reference, offer.number, offer.filename, offer.path) == (
        reference,
        1,
        "IMG_3.jpg",
        "/tmp/x",
    )
    assert "data" not in row and b"photo" not in repr(row).encode()  # never the bytes

    # Just before sending, the worker decrypts the file into the message.
    async with app.store.transaction() as tx:
        message = await with_file(tx, Outbound(row["text"], notice=offer))
    assert [a.data for a in message.attachments] == [photo.data]


async def test_a_file_gone_before_sending_goes_as_a_line(app: Weerbaar) -> None:
    offer = EvidenceOffer(999, "WB-ABC234", 12345, 1, "x.jpg", "image/jpeg", 3, 1)
    async with app.store.transaction() as tx:
        message = await with_file(tx, Outbound("x", notice=offer))
    assert message.text == say("evidence_gone") and message.attachments == ()


async def test_a_reporter_or_outsider_gets_no_file(app: Weerbaar) -> None:
    photo = Attachment("IMG_4.jpg", "image/jpeg", b"\xff\xd8 photo")
    reference = await bram_reports(app, (photo,))
    [answer] = await app.handle(
        Inbound(
            key=ConversationKey("local", "local", "secretaris-houten"),
            message_id="press-1",
            action=CardAction("send_evidence", {"reference": reference, "evidence": 1}),
        )
    )
    assert answer.text == say("evidence_refused", reference=reference)
