"""Whole reports over Signal: the real app factory, the real Signal adapter, and a fake
signal-cli-rest-api spoken to over real HTTP and websocket on loopback."""

from __future__ import annotations

import asyncio
import base64
import os
import threading
import time
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from adapters.http import serve_forever
from adapters.signal.adapter import SignalAdapter
from adapters.signal.runtime import start_signal
from bot.app import Weerbaar
from bot.text.catalogue import say
from storage.tables import conversations, identities, inbound_seen, people
from tests.chat import Chatter, report_lines
from tests.conftest import AppFactory, FakeClock
from tests.fakes.signal_rest import FakeSignalRestApi, SentMessage
from tests.people import enrol as enrol_person

BOT = "+31201234567"
FAST = {"leader_interval": 0.1, "reconnect_base": 0.02, "reconnect_cap": 0.2}


async def eventually(check: Callable[[], bool], within: float = 5.0) -> None:
    deadline = time.monotonic() + within
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.01)


class Phone:
    """One person's Signal app: sends to the bot through the fake, reads what came back."""

    def __init__(
        self, fake: FakeSignalRestApi, signal: SignalAdapter, number: str, name: str = "Sam"
    ) -> None:
        self.fake, self.signal = fake, signal
        self.number, self.name = number, name
        self.uuid = str(uuid.uuid4())
        self.timestamps: list[int] = []

    def envelope(self, text: str | None, **extra: Any) -> dict[str, Any]:
        envelope = self.fake.data_message(
            self.uuid, text, number=self.number, name=self.name, **extra
        )
        self.timestamps.append(envelope["envelope"]["timestamp"])
        return envelope

    def push(self, text: str | None, **extra: Any) -> dict[str, Any]:
        """Send without waiting for the answer."""
        envelope = self.envelope(text, **extra)
        assert self.fake.push(envelope) == 1
        return envelope

    def received(self) -> list[SentMessage]:
        return [m for m in self.fake.sent if m.recipients == [self.uuid]]

    def text_since(self, count: int) -> str:
        return "\n\n".join(m.message for m in self.received()[count:])

    async def answered(self, before: int) -> str:
        """Wait for the answer to what was just sent: a first message, then all parts."""
        await eventually(lambda: len(self.received()) > before)
        await eventually(lambda: not self.signal.busy)
        return self.text_since(before)

    async def say(self, *lines: str | None, **extra: Any) -> str:
        """Send each line in turn, waiting for each answer; returns the last answer."""
        answer = ""
        for line in lines:
            before = len(self.received())
            self.push(line, **extra)
            answer = await self.answered(before)
        return answer

    async def send_file(
        self,
        data: bytes,
        content_type: str,
        *,
        voice_note: bool | None = None,
        filename: str | None = None,
    ) -> str:
        attachment_id = self.fake.add_attachment(data)
        item = self.fake.attachment(
            attachment_id,
            content_type=content_type,
            size=len(data),
            filename=filename,
            voice_note=voice_note,
        )
        return await self.say(None, attachments=[item])


@pytest.fixture(autouse=True)
async def nothing_left_running() -> AsyncIterator[None]:
    threads = set(threading.enumerate())
    yield
    await eventually(lambda: set(threading.enumerate()) <= threads, within=3)
    current = asyncio.current_task()
    assert [t for t in asyncio.all_tasks() if t is not current] == [], "a task was left running"


@pytest.fixture
def fake() -> Iterator[FakeSignalRestApi]:
    with FakeSignalRestApi(BOT) as server:
        yield server


@pytest.fixture
async def app(make_app: AppFactory, sqlite_url: str, fake: FakeSignalRestApi) -> Weerbaar:
    return await make_app(sqlite_url, demo=False, signal_api=fake.address, signal_number=BOT)


@pytest.fixture
async def signal(app: Weerbaar, fake: FakeSignalRestApi) -> AsyncIterator[SignalAdapter]:
    adapter = await start_signal(app, **FAST)
    assert adapter is not None and app.channels["signal"] is adapter
    await eventually(lambda: fake.connected == 1 and adapter.connected)
    yield adapter
    await adapter.stop()


async def enrol(app: Weerbaar, name: str, phone: str, role: str, org: str) -> int:
    return await enrol_person(app, name, (role, org), phone=phone)


async def count(app: Weerbaar, table: Any, *where: Any) -> int:
    async with app.db.connect() as conn:
        return int(
            (await conn.execute(select(func.count()).select_from(table).where(*where))).scalar_one()
        )


def evidence_lines(lines: list[str]) -> tuple[list[str], list[str]]:
    """report_lines() cut at the evidence question: (up to it, after it)."""
    at = lines.index("overslaan", 9)
    assert at == 9
    return lines[:at], lines[at + 1 :]


# -- a whole report ---------------------------------------------------------------------


async def test_full_report_with_photo_and_voice_note(
    app: Weerbaar, signal: SignalAdapter, fake: FakeSignalRestApi, sqlite_url: str
) -> None:
    reporter_id = await enrol(app, "Rita de Raad", "+31611111111", "gemeenteraadslid", "amersfoort")
    rita = Phone(fake, signal, "+31611111111")
    before, after = evidence_lines(report_lines())
    assert "Heb je bewijs" in await rita.say(*before)

    photo = b"\xff\xd8\xff\xe0" + os.urandom(6000)
    voice = b"\xff\xf1\x50\x80" + os.urandom(4000)
    assert "IMG_1.jpg" in await rita.send_file(photo, "image/jpeg", filename="IMG_1.jpg")
    assert "2. " in await rita.send_file(voice, "audio/aac", voice_note=True)
    assert "letsel" in await rita.say("klaar")
    assert "Jouw melding" in await rita.say(*after)
    done = await rita.say("verstuur")
    assert "Je kenmerk is WB-" in done and "griffier" in done.lower()

    async with app.store.transaction() as tx:
        [case] = await tx.cases.list_cases()
        files = await tx.cases.evidence(case.id)
        stored = [await tx.cases.evidence_data(f.id) for f in files]
        bound = await tx.people.find_person_id("signal", "uuid", rita.uuid)
    assert case.channel == "signal" and case.reporter_id == reporter_id
    assert (case.status, case.handler_function) == ("submitted", "griffier")
    assert case.org is not None and case.org.slug == "amersfoort"
    assert [(f.filename, f.content_type, f.size) for f in files] == [
        ("IMG_1.jpg", "image/jpeg", len(photo)),
        (files[1].filename, "audio/aac", len(voice)),
    ]
    assert files[1].filename.endswith(".aac")
    assert stored == [photo, voice]
    assert bound == reporter_id  # the sender's uuid is now this person's

    # Encrypted at rest: neither file is anywhere in the database files as it was sent.
    db_file = Path(sqlite_url.removeprefix("sqlite+aiosqlite:///"))
    raw = b"".join(p.read_bytes() for p in db_file.parent.glob(db_file.name + "*"))
    assert len(raw) > 0
    assert photo[200:264] not in raw and voice[200:264] not in raw

    # The REST API's plaintext copies are gone.
    assert len(fake.deleted_attachments) == 2
    assert not any(fake.has_attachment(a) for a in fake.deleted_attachments)


async def test_unknown_sender_gets_the_kind_reply_and_nothing_is_stored(
    app: Weerbaar, signal: SignalAdapter, fake: FakeSignalRestApi
) -> None:
    stranger = Phone(fake, signal, "+31699999999")
    assert await stranger.say("Hallo, wat is dit?") == say("unknown_sender")

    # A second message within the hour is not answered again: check after a known
    # person's answer, since the socket hands frames over in order.
    await enrol(app, "Bram", "+31622222222", "gemeenteraadslid", "amersfoort")
    bram = Phone(fake, signal, "+31622222222")
    stranger.push("Hallo?")
    await bram.say("hallo")
    await eventually(lambda: not signal.busy)
    assert len(stranger.received()) == 1

    assert await count(app, conversations, conversations.c.user == stranger.uuid) == 0
    assert await count(app, identities, identities.c.address == stranger.uuid) == 0
    assert await count(app, inbound_seen, inbound_seen.c.message_id.startswith(stranger.uuid)) == 0
    assert await count(app, people) == 1  # Bram only


async def test_duplicated_envelope_is_answered_and_stored_once(
    app: Weerbaar, signal: SignalAdapter, fake: FakeSignalRestApi
) -> None:
    await enrol(app, "Bram", "+31622222222", "gemeenteraadslid", "amersfoort")
    bram = Phone(fake, signal, "+31622222222")
    await bram.say("hallo")
    before = len(bram.received())
    envelope = bram.envelope("ja")
    fake.push(envelope)
    fake.push(envelope)  # the same envelope again, as after a reconnect
    await bram.say("Hij schold me uit.")  # answered after both, in order
    answers = bram.text_since(before)
    assert answers.count("Wat is er gebeurd") == 1
    assert "Ik lees: verbale agressie. Klopt dat?" in answers

    message_id = f"{bram.uuid}:{envelope['envelope']['timestamp']}"
    assert await count(app, inbound_seen, inbound_seen.c.message_id == message_id) == 1
    assert await count(app, inbound_seen) == 3
    async with app.store.transaction() as tx:
        [case] = await tx.cases.list_cases(include_drafts=True)
        assert (await tx.dialogs.answers(case.id))["what"] == "Hij schold me uit."


async def test_rapid_interleaved_messages_are_answered_in_order(
    app: Weerbaar, signal: SignalAdapter, fake: FakeSignalRestApi
) -> None:
    await enrol(app, "Alice", "+31633333333", "wethouder", "amersfoort")
    await enrol(app, "Bob", "+31644444444", "gemeenteraadslid", "amersfoort")
    alice = Phone(fake, signal, "+31633333333")
    bob = Phone(fake, signal, "+31644444444")
    lines = {
        alice: report_lines(what="Alice werd bedreigd.")[:7],
        bob: report_lines(what="Bob werd uitgescholden.")[:7],
    }
    for a_line, b_line in zip(lines[alice], lines[bob], strict=True):
        alice.push(a_line)
        bob.push(b_line)

    markers = [
        "veilig",
        "Wat is er gebeurd",
        "Ik lees:",
        "Wat past hierbij",
        "Waar gebeurde het",
        "Wanneer gebeurde het",
        "november 2026 om 14:30. Klopt dat",
    ]
    await eventually(lambda: all("om 14:30. Klopt dat" in p.text_since(0) for p in (alice, bob)))
    await eventually(lambda: not signal.busy)
    for phone in (alice, bob):
        text = phone.text_since(0)
        positions = [text.find(marker) for marker in markers]
        assert -1 not in positions and positions == sorted(positions), positions
    async with app.store.transaction() as tx:
        cases = await tx.cases.list_cases(include_drafts=True)
        whats = sorted([(await tx.dialogs.answers(c.id))["what"] for c in cases])
    assert whats == ["Alice werd bedreigd.", "Bob werd uitgescholden."]


async def test_report_goes_on_after_a_websocket_drop(
    app: Weerbaar, signal: SignalAdapter, fake: FakeSignalRestApi
) -> None:
    await enrol(app, "Bram", "+31622222222", "gemeenteraadslid", "amersfoort")
    bram = Phone(fake, signal, "+31622222222")
    lines = report_lines()
    assert "Waar gebeurde het" in await bram.say(*lines[:5])

    fake.drop_websockets(abrupt=True)
    await eventually(lambda: fake.ws_connections_total == 2 and fake.connected == 1, within=3)

    assert "Wanneer gebeurde het" in await bram.say(lines[5])
    await bram.say(*lines[6:])
    assert "Je kenmerk is WB-" in await bram.say("verstuur")
    async with app.store.transaction() as tx:
        [case] = await tx.cases.list_cases()
        answers = await tx.dialogs.answers(case.id)
    assert answers["where"] == "Gemeentehuis" and case.status == "submitted"


async def test_notice_to_a_signal_handler_survives_a_rate_limit(
    app: Weerbaar, signal: SignalAdapter, fake: FakeSignalRestApi, clock: FakeClock
) -> None:
    await enrol(app, "Rita", "+31611111111", "gemeenteraadslid", "amersfoort")
    await enrol(app, "Greet Griffier", "+31655555555", "griffier", "amersfoort")
    griffier = Phone(fake, signal, "+31655555555")
    # First contact binds the griffier's uuid; notices go there, never to the bare number.
    assert "aangemeld als griffier" in await griffier.say("hallo")
    rita = Phone(fake, signal, "+31611111111")
    await rita.say(*report_lines())
    await rita.say("verstuur")

    async with app.store.transaction() as tx:
        [case] = await tx.cases.list_cases()
        [notice] = await tx.outbox.pending_for("signal", griffier.uuid)
        assert await tx.outbox.pending_for("signal", "+31655555555") == []
    assert notice.account == ""  # as bot/cases/notify.py queues it: the adapter sends as the bot
    assert case.reference in notice.payload["text"]

    before = len(griffier.received())
    fake.fail_next_sends(1, "rate_limit")  # no Retry-After: the adapter assumes 30 s
    assert await app.outbox.run_once() == 0
    assert len(fake.rejected) == 1 and fake.rejected[0]["recipients"] == [griffier.uuid]
    clock.advance(seconds=20)
    assert await app.outbox.run_once() == 0  # still waiting
    clock.advance(seconds=15)
    assert await app.outbox.run_once() == 1
    assert await app.outbox.run_once() == 0
    [delivered] = griffier.received()[before:]
    assert delivered.number == BOT and case.reference in delivered.message
    async with app.store.transaction() as tx:
        assert await tx.outbox.pending_for("signal", griffier.uuid) == []


async def test_long_review_is_split_under_2000_bytes(
    app: Weerbaar, signal: SignalAdapter, fake: FakeSignalRestApi
) -> None:
    await enrol(app, "Bram", "+31622222222", "gemeenteraadslid", "amersfoort")
    bram = Phone(fake, signal, "+31622222222")
    what = " ".join(
        f"Zin {n}: hij bleef voor mijn deur staan en riep dreigementen." for n in range(30)
    )
    assert 1700 < len(what.encode()) < 1950
    lines = report_lines(what=what)
    await bram.say(*lines[:-1])
    before = len(bram.received())
    review = await bram.say(lines[-1])
    parts = [m.message for m in bram.received()[before:]]
    assert "Jouw melding" in review and len(parts) >= 2
    assert all(len(p.encode()) <= 2000 for p in parts)
    assert any(what in p for p in parts)  # the long answer stays whole in one part


async def test_group_message_gets_the_direct_chat_reply(
    app: Weerbaar, signal: SignalAdapter, fake: FakeSignalRestApi
) -> None:
    await enrol(app, "Bram", "+31622222222", "gemeenteraadslid", "amersfoort")
    bram = Phone(fake, signal, "+31622222222")
    internal_id = base64.b64encode(b"r" * 32).decode()
    bram.push("Ik wil iets melden", group_id=internal_id)
    group = "group." + base64.b64encode(internal_id.encode()).decode()
    await eventually(lambda: any(m.recipients == [group] for m in fake.sent))
    await eventually(lambda: not signal.busy)
    assert [m.message for m in fake.sent] == [say("group_not_supported")]
    assert await count(app, conversations) == 0 and await count(app, inbound_seen) == 0


async def test_edit_replaces_the_what_answer_while_the_report_is_open(
    app: Weerbaar, signal: SignalAdapter, fake: FakeSignalRestApi
) -> None:
    await enrol(app, "Bram", "+31622222222", "gemeenteraadslid", "amersfoort")
    bram = Phone(fake, signal, "+31622222222")
    await bram.say("hallo", "ja", "Hij schold me uit.")
    what_sent_at = bram.timestamps[-1]
    await bram.say("nee")  # "Ik lees: ... Klopt dat?": ask it all
    assert "Waar gebeurde het" in await bram.say("2")

    before = len(bram.received())
    fake.push(
        fake.edit_message(
            bram.uuid,
            "Hij schold me uit en spuugde.",
            target_sent_timestamp=what_sent_at,
            number=bram.number,
        )
    )
    edited = await bram.answered(before)
    assert "aangepast" in edited
    assert "Wanneer gebeurde het" in await bram.say("Gemeentehuis")  # goes on where it was
    async with app.store.transaction() as tx:
        [case] = await tx.cases.list_cases(include_drafts=True)
        answers = await tx.dialogs.answers(case.id)
    assert answers["what"] == "Hij schold me uit en spuugde."
    assert answers["kinds"] == ["verbale_agressie"]  # the later answer is kept


async def test_a_long_story_from_a_phone_is_the_answer_not_evidence(
    app: Weerbaar, signal: SignalAdapter, fake: FakeSignalRestApi
) -> None:
    # What a Signal app sends for a text over 2 KiB: a short body plus the whole text as a
    # text/x-signal-plain attachment; signal-cli puts the whole text in `message` and still
    # lists the attachment.
    await enrol(app, "Bram", "+31622222222", "gemeenteraadslid", "amersfoort")
    bram = Phone(fake, signal, "+31622222222")
    await bram.say("hallo", "ja")
    line = "Hij kwam na de raadsvergadering naar me toe en schreeuwde dat hij me wist te vinden. "
    story = (line * 30)[:2500]
    data = story.encode("utf-8")
    long_id = fake.add_attachment(data)
    item = fake.attachment(long_id, content_type="text/x-signal-plain", size=len(data))
    answer = await bram.say(story, attachments=[item])
    assert "Wil je nog iets toevoegen?" in answer and "bewijs" not in answer
    async with app.store.transaction() as tx:
        [case] = await tx.cases.list_cases(include_drafts=True)
        answers = await tx.dialogs.answers(case.id)
        files = await tx.cases.evidence(case.id)
    assert answers["what"] == story and files == []
    assert long_id in fake.deleted_attachments  # no plaintext copy left at the REST API


# -- running it -------------------------------------------------------------------------


async def test_serve_runs_the_signal_receiver_and_stops_it(
    make_app: AppFactory, sqlite_url: str, fake: FakeSignalRestApi
) -> None:
    app = await make_app(
        sqlite_url,
        demo=False,
        signal_api=fake.address,
        signal_number=BOT,
        port=0,
        sweep_seconds=0.05,
    )
    server = asyncio.create_task(serve_forever(app))
    await eventually(lambda: fake.connected == 1)
    await enrol(app, "Bram", "+31622222222", "gemeenteraadslid", "amersfoort")
    fake.push(fake.data_message(str(uuid.uuid4()), "hallo", number="+31622222222"))
    await eventually(lambda: len(fake.sent) >= 1)
    server.cancel()
    with pytest.raises(asyncio.CancelledError):
        await server
    await eventually(lambda: fake.connected == 0)


@pytest.mark.parametrize(
    "database_url", [pytest.param("postgres", marks=pytest.mark.postgres)], indirect=True
)
async def test_one_replica_receives_and_another_takes_over(
    make_app: AppFactory, database_url: str, fake: FakeSignalRestApi
) -> None:
    settings = {"demo": False, "signal_api": fake.address, "signal_number": BOT}
    first_app = await make_app(database_url, **settings)
    second_app = await make_app(database_url, **settings)
    first = await start_signal(first_app, **FAST)
    second = await start_signal(second_app, **FAST)
    assert first is not None and second is not None
    try:
        await eventually(lambda: first.connected or second.connected)
        await asyncio.sleep(0.3)  # a few lock rounds: the standby stays standing by
        assert fake.connected == 1 and fake.ws_connections_total == 1
        leader, standby = (first, second) if first.connected else (second, first)

        await leader.stop()  # the leader's replica goes away
        await eventually(lambda: standby.connected and fake.connected == 1, within=3)
        await enrol(first_app, "Bram", "+31622222222", "gemeenteraadslid", "amersfoort")
        bram = Phone(fake, standby, "+31622222222")
        assert "veilig" in await bram.say("hallo")
    finally:
        await first.stop()
        await second.stop()


async def test_reporter_on_signal_hears_of_the_handler_and_gets_check_ins(
    app: Weerbaar, fake: FakeSignalRestApi, signal: SignalAdapter, clock: FakeClock
) -> None:
    await enrol(app, "Sam Smit", "+31612345678", "gemeenteraadslid", "zeist")
    async with app.store.transaction() as tx:  # the griffier works from the terminal
        pid = await tx.people.add_person("Gerda Smit", clock())
        org_id = await tx.people.organisation_id("zeist")
        assert org_id is not None
        await tx.people.add_role(pid, "griffier", org_id)
        await tx.people.add_identity(pid, "local", "handle", "griffier-zeist")
    sam = Phone(fake, signal, "+31612345678")
    await sam.say(*report_lines())
    done = await sam.say("verstuur")
    reference = "WB-" + done.split("Je kenmerk is WB-", 1)[1][:6]

    griffier = Chatter(app, "griffier-zeist")
    assert reference in await griffier.say(f"gedaan {reference} ontvangst")
    before = len(sam.received())
    assert await app.outbox.run_once() >= 1
    assert "in behandeling bij Gerda Smit" in sam.text_since(before)
    assert all(m.recipients == [sam.uuid] for m in sam.received())  # never the bare number

    # The next working day: a gentle check-in, with numbered answers and the helplines.
    clock.advance(days=1, hours=2)
    before = len(sam.received())
    await app.sweeper.run_once()
    await app.outbox.run_once()
    checkin = sam.text_since(before)
    assert "hoe het met je gaat" in checkin and "088 5543 288" in checkin
    assert "1. gaat goed" in checkin
    reply = await sam.say("3")  # "ik wil graag contact"
    assert "coördinator" in reply


# -- every reply arrives (issue 10) --------------------------------------------------------


async def test_a_turn_reply_refused_with_429_is_delivered_once_after_the_wait(
    app: Weerbaar, signal: SignalAdapter, fake: FakeSignalRestApi, clock: FakeClock
) -> None:
    await enrol(app, "Rita", "+31611111111", "gemeenteraadslid", "amersfoort")
    rita = Phone(fake, signal, "+31611111111")
    fake.fail_next_sends(1, "rate_limit")  # 429 with challenge tokens, no Retry-After
    rita.push("hallo")
    await eventually(lambda: len(fake.rejected) == 1 and not signal.busy)
    assert rita.received() == []  # refused: nothing arrived
    async with app.store.transaction() as tx:
        [queued] = await tx.outbox.pending_for("signal", rita.uuid)
    assert "veilig" in queued.payload["text"]

    clock.advance(seconds=20)
    assert await app.outbox.run_once() == 0  # the REST API asked for a wait (30 s)
    assert rita.received() == []
    clock.advance(seconds=15)
    assert await app.outbox.run_once() == 1
    assert await app.outbox.run_once() == 0
    [delivered] = rita.received()
    assert delivered.message == queued.payload["text"] and len(fake.rejected) == 1
    # and the dialog goes on: her answer is to the question she now saw
    assert "Wat is er gebeurd" in await rita.say("ja")


async def test_a_reply_held_by_a_429_keeps_the_next_replies_behind_it(
    app: Weerbaar, signal: SignalAdapter, fake: FakeSignalRestApi, clock: FakeClock
) -> None:
    await enrol(app, "Rita", "+31611111111", "gemeenteraadslid", "amersfoort")
    rita = Phone(fake, signal, "+31611111111")
    await rita.say("hallo")
    fake.fail_next_sends(1, "rate_limit")  # the REST API asks for a wait (30 s)
    rita.push("ja")
    await eventually(lambda: len(fake.rejected) == 1 and not signal.busy)
    rita.push("Hij schold me uit.")  # her next message: its reply waits behind the first
    await eventually(lambda: not signal.busy)
    await asyncio.sleep(0.05)
    assert len(rita.received()) == 1  # only the answer to "hallo" so far
    clock.advance(seconds=31)
    while await app.outbox.run_once():
        pass
    texts = [m.message for m in rita.received()[1:]]
    assert len(texts) == 2
    assert "Wat is er gebeurd" in texts[0] and "Ik lees: verbale agressie" in texts[1]


async def test_a_reply_that_failed_with_500_goes_first_when_she_writes_again(
    app: Weerbaar, signal: SignalAdapter, fake: FakeSignalRestApi
) -> None:
    await enrol(app, "Rita", "+31611111111", "gemeenteraadslid", "amersfoort")
    rita = Phone(fake, signal, "+31611111111")
    await rita.say("hallo")
    fake.fail_next_sends(1, "server_error")
    rita.push("ja")
    await eventually(lambda: len(fake.rejected) == 1 and not signal.busy)
    assert len(rita.received()) == 1
    # It was only backing off: her next turn sends it first, then its own, in order.
    await rita.say("Hij schold me uit.")
    texts = [m.message for m in rita.received()[1:]]
    assert len(texts) == 2
    assert "Wat is er gebeurd" in texts[0] and "Ik lees: verbale agressie" in texts[1]
    assert await app.outbox.run_once() == 0
    async with app.store.transaction() as tx:
        assert await tx.outbox.pending_for("signal", rita.uuid) == []
