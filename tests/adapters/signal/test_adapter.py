"""The Signal adapter against a fake signal-cli-rest-api over real HTTP and websockets."""

from __future__ import annotations

import asyncio
import base64
import json
import logging
import random
import threading
import time
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import pytest

from adapters.signal.adapter import SignalAdapter
from adapters.signal.render import split_text
from adapters.signal.setup import SignalSetupError
from bot.ports import DeliveryError
from bot.text.catalogue import say
from dialogs.messages import Choice, ConversationKey, Inbound, Outbound, Summary, SummaryRow
from tests.fakes.signal_rest import FakeSignalRestApi, new_timestamp

BOT = "+31201234567"
ALICE = str(uuid.uuid4())
BOB = str(uuid.uuid4())


class RecordingHandler:
    """Echoes each message; optionally dawdles a random moment to provoke reordering."""

    def __init__(
        self, *, jitter: float = 0.0, reply: Callable[[Inbound], list[Outbound]] | None = None
    ) -> None:
        self.inbound: list[Inbound] = []
        self.jitter = jitter
        self.reply = reply

    async def handle(self, inbound: Inbound) -> list[Outbound]:
        if self.jitter:
            await asyncio.sleep(random.uniform(0, self.jitter))
        self.inbound.append(inbound)
        if self.reply is not None:
            return self.reply(inbound)
        return [Outbound(text=f"ontvangen: {inbound.text}")]


async def eventually(check: Callable[[], bool], within: float = 5.0) -> None:
    deadline = time.monotonic() + within
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.01)


@pytest.fixture(autouse=True)
async def nothing_left_running() -> AsyncIterator[None]:
    threads = set(threading.enumerate())
    yield
    assert set(threading.enumerate()) <= threads, "a thread was left running"
    current = asyncio.current_task()
    assert [t for t in asyncio.all_tasks() if t is not current] == [], "a task was left running"


@pytest.fixture
def fake() -> Iterator[FakeSignalRestApi]:
    with FakeSignalRestApi(BOT) as server:
        yield server


@pytest.fixture
def handler() -> RecordingHandler:
    return RecordingHandler()


@pytest.fixture
async def adapter(
    fake: FakeSignalRestApi, handler: RecordingHandler
) -> AsyncIterator[SignalAdapter]:
    signal = SignalAdapter(
        fake.address,
        BOT,
        handler,
        max_attachment_bytes=1024 * 1024,
        reconnect_base=0.02,
        reconnect_cap=0.2,
    )
    await signal.start()
    await eventually(lambda: fake.connected == 1 and signal.connected)
    yield signal
    await signal.stop()


async def test_text_reaches_handler_and_reply_is_sent(
    fake: FakeSignalRestApi, adapter: SignalAdapter, handler: RecordingHandler
) -> None:
    envelope = fake.data_message(ALICE, "Er stond iemand bij mijn huis", number="+31611111111")
    fake.push(envelope)
    await eventually(lambda: len(fake.sent) == 1)

    [inbound] = handler.inbound
    timestamp = envelope["envelope"]["timestamp"]
    assert inbound.key == ConversationKey("signal", BOT, ALICE)
    assert inbound.message_id == f"{ALICE}:{timestamp}"
    assert inbound.text == "Er stond iemand bij mijn huis"
    assert inbound.address == "+31611111111"
    assert inbound.display_name == "Sam"
    assert inbound.replaces is None
    [sent] = fake.sent
    assert sent.number == BOT
    assert sent.recipients == [ALICE]
    assert sent.message == "ontvangen: Er stond iemand bij mijn huis"


async def test_hidden_number_keys_on_uuid(
    fake: FakeSignalRestApi, adapter: SignalAdapter, handler: RecordingHandler
) -> None:
    fake.push(fake.data_message(ALICE, "hallo", number=None))
    await eventually(lambda: len(handler.inbound) == 1)
    assert handler.inbound[0].key.user == ALICE
    assert handler.inbound[0].address is None


async def test_edit_names_the_message_it_replaces(
    fake: FakeSignalRestApi, adapter: SignalAdapter, handler: RecordingHandler
) -> None:
    original = new_timestamp()
    fake.push(fake.edit_message(ALICE, "gisteren om 20:00", target_sent_timestamp=original))
    await eventually(lambda: len(handler.inbound) == 1)
    assert handler.inbound[0].replaces == f"{ALICE}:{original}"
    assert handler.inbound[0].text == "gisteren om 20:00"


async def test_photo_and_voice_note_are_downloaded_passed_and_deleted(
    fake: FakeSignalRestApi, adapter: SignalAdapter, handler: RecordingHandler
) -> None:
    photo = b"\xff\xd8\xff\xe0" + bytes(5000)
    voice = b"\xff\xf1" + bytes(3000)
    photo_id = fake.add_attachment(photo, "ph0t0.jpg")
    voice_id = fake.add_attachment(voice, "v01ce.aac")
    attachments = [
        fake.attachment(
            photo_id,
            content_type="image/jpeg",
            size=len(photo),
            filename="IMG_0042.jpg",
            width=640,
            height=480,
        ),
        fake.attachment(voice_id, content_type="audio/aac", size=len(voice), voice_note=True),
    ]
    fake.push(fake.data_message(ALICE, None, attachments=attachments))
    await eventually(lambda: len(fake.deleted_attachments) == 2)

    [inbound] = handler.inbound
    first, second = inbound.attachments
    assert (first.filename, first.content_type, first.data) == ("IMG_0042.jpg", "image/jpeg", photo)
    assert second.content_type == "audio/aac" and second.data == voice
    assert second.filename.endswith(".aac")
    assert sorted(fake.deleted_attachments) == sorted([photo_id, voice_id])
    assert not fake.has_attachment(photo_id) and not fake.has_attachment(voice_id)


async def test_attachment_without_voice_note_flag_is_accepted(
    fake: FakeSignalRestApi, adapter: SignalAdapter, handler: RecordingHandler
) -> None:
    data = b"%PDF-1.7 " + bytes(100)
    pdf_id = fake.add_attachment(data)
    item = fake.attachment(pdf_id, content_type="application/pdf", size=len(data))
    assert "isVoiceNote" not in item
    fake.push(fake.data_message(ALICE, "de brief", attachments=[item]))
    await eventually(lambda: fake.deleted_attachments == [pdf_id])
    assert handler.inbound[0].attachments[0].data == data


async def test_oversized_attachment_is_refused_and_deleted(
    fake: FakeSignalRestApi, adapter: SignalAdapter, handler: RecordingHandler
) -> None:
    video_id = fake.add_attachment(b"x")  # what is stored does not matter: never fetched
    item = fake.attachment(video_id, content_type="video/mp4", size=12 * 1024 * 1024)
    fake.push(fake.data_message(ALICE, None, attachments=[item]))
    await eventually(lambda: len(fake.sent) == 1)

    assert handler.inbound == []
    assert video_id not in fake.downloaded_attachments
    assert fake.deleted_attachments == [video_id]
    assert fake.sent[0].message == say("file_too_large", size="12 MB", limit="1 MB")


async def test_duplicate_envelope_is_passed_twice_with_the_same_id(
    fake: FakeSignalRestApi, adapter: SignalAdapter, handler: RecordingHandler
) -> None:
    envelope = fake.data_message(ALICE, "nog een keer")
    fake.push(envelope)
    fake.push(envelope)
    await eventually(lambda: len(handler.inbound) == 2)
    assert handler.inbound[0].message_id == handler.inbound[1].message_id


async def test_each_persons_messages_keep_their_order(fake: FakeSignalRestApi) -> None:
    handler = RecordingHandler(jitter=0.02)
    signal = SignalAdapter(fake.address, BOT, handler, reconnect_base=0.02, reconnect_cap=0.2)
    await signal.start()
    try:
        await eventually(lambda: fake.connected == 1)
        for n in range(15):
            fake.push(fake.data_message(ALICE, f"a{n}"))
            fake.push(fake.data_message(BOB, f"b{n}"))
        await eventually(lambda: len(handler.inbound) == 30)
    finally:
        await signal.stop()
    by = {
        person: [i.text for i in handler.inbound if i.key.user == person] for person in (ALICE, BOB)
    }
    assert by[ALICE] == [f"a{n}" for n in range(15)]
    assert by[BOB] == [f"b{n}" for n in range(15)]
    # the two people were handled side by side, not one after the other
    users = [i.key.user for i in handler.inbound]
    assert users.index(BOB) < users.index(ALICE) + 15


@pytest.mark.parametrize("abrupt", [False, True])
async def test_websocket_drop_reconnects(
    fake: FakeSignalRestApi, adapter: SignalAdapter, handler: RecordingHandler, abrupt: bool
) -> None:
    fake.push(fake.data_message(ALICE, "eerste"))
    await eventually(lambda: len(handler.inbound) == 1)
    fake.drop_websockets(abrupt=abrupt)
    await eventually(lambda: fake.ws_connections_total == 2 and fake.connected == 1, within=3)
    fake.push(fake.data_message(ALICE, "tweede"))
    await eventually(lambda: len(handler.inbound) == 2)
    assert [i.text for i in handler.inbound] == ["eerste", "tweede"]


async def test_rate_limit_then_success_via_send(
    fake: FakeSignalRestApi, adapter: SignalAdapter
) -> None:
    key = ConversationKey("signal", BOT, ALICE)
    fake.fail_next_sends(1, "rate_limit")
    with pytest.raises(DeliveryError) as caught:
        await adapter.send(key, Outbound(text="Herinnering: hoe gaat het?"))
    assert caught.value.retry_after is not None and caught.value.retry_after > 0
    assert "Herinnering" not in caught.value.reason
    await adapter.send(key, Outbound(text="Herinnering: hoe gaat het?"))
    assert [s.recipients for s in fake.sent] == [[ALICE]]


async def test_retry_after_header_is_honoured(
    fake: FakeSignalRestApi, adapter: SignalAdapter
) -> None:
    fake.fail_next_sends(1, "rate_limit", retry_after=7)
    with pytest.raises(DeliveryError) as caught:
        await adapter.send(ConversationKey("signal", BOT, ALICE), Outbound(text="x"))
    assert caught.value.retry_after == 7


@pytest.mark.parametrize(("kind", "word"), [("server_error", "500"), ("untrusted", "untrusted")])
async def test_send_failures_become_delivery_errors(
    fake: FakeSignalRestApi, adapter: SignalAdapter, kind: str, word: str
) -> None:
    fake.fail_next_sends(1, kind)
    with pytest.raises(DeliveryError) as caught:
        await adapter.send(ConversationKey("signal", BOT, ALICE), Outbound(text="geheim"))
    assert word in caught.value.reason and "geheim" not in caught.value.reason


async def test_send_with_api_down_is_a_delivery_error(
    fake: FakeSignalRestApi, adapter: SignalAdapter
) -> None:
    fake.stop_server()
    with pytest.raises(DeliveryError, match="unreachable"):
        await adapter.send(ConversationKey("signal", BOT, ALICE), Outbound(text="x"))


async def test_send_accepts_the_array_answer_too(
    fake: FakeSignalRestApi, adapter: SignalAdapter
) -> None:
    fake.send_response_shape = "array"
    await adapter.send(ConversationKey("signal", BOT, ALICE), Outbound(text="x"))
    assert len(fake.sent) == 1


async def test_long_reply_is_split_at_paragraphs(fake: FakeSignalRestApi) -> None:
    paragraphs = [(f"Alinea {n}: " + "één twee drie " * 60).strip() for n in range(5)]
    handler = RecordingHandler(reply=lambda _: [Outbound(text="\n\n".join(paragraphs))])
    signal = SignalAdapter(fake.address, BOT, handler)
    await signal.start()
    try:
        await eventually(lambda: fake.connected == 1)
        fake.push(fake.data_message(ALICE, "overzicht"))
        await eventually(lambda: len(fake.sent) >= 3)
        await asyncio.sleep(0.05)
    finally:
        await signal.stop()
    parts = [s.message for s in fake.sent]
    assert all(len(p.encode()) <= 2000 for p in parts)
    assert all(p.startswith("Alinea") for p in parts)
    assert "\n\n".join(parts) == "\n\n".join(paragraphs)


async def test_choices_and_summary_render_as_numbered_text(
    fake: FakeSignalRestApi, adapter: SignalAdapter
) -> None:
    message = Outbound(
        text="Klopt dit?",
        summary=Summary(
            "Je melding", (SummaryRow(1, "Wat", "bedreiging"), SummaryRow(2, "Waar", "thuis"))
        ),
        choices=(Choice("yes", "Ja"), Choice("no", "Nee")),
    )
    await adapter.send(ConversationKey("signal", BOT, ALICE), message)
    assert fake.sent[0].message == (
        "Klopt dit?\n\nJe melding\n1. Wat: bedreiging\n2. Waar: thuis\n\n1. Ja\n2. Nee"
    )


async def test_group_message_gets_group_reply_and_no_handler_call(
    fake: FakeSignalRestApi, adapter: SignalAdapter, handler: RecordingHandler
) -> None:
    internal_id = base64.b64encode(b"g" * 32).decode()
    fake.push(fake.data_message(ALICE, "hallo allemaal", group_id=internal_id))
    await eventually(lambda: len(fake.sent) == 1)
    assert fake.sent[0].recipients == ["group." + base64.b64encode(internal_id.encode()).decode()]
    assert fake.sent[0].message == say("group_not_supported")
    assert handler.inbound == []


async def test_typing_receipts_and_reactions_are_ignored(
    fake: FakeSignalRestApi, adapter: SignalAdapter, handler: RecordingHandler
) -> None:
    fake.push(fake.typing_message(ALICE))
    fake.push(fake.receipt_message(ALICE, [new_timestamp()]))
    fake.push(fake.reaction_message(ALICE, "👍", target_sent_timestamp=new_timestamp()))
    fake.push_raw("not json")
    fake.push(fake.data_message(ALICE, "echt bericht"))
    await eventually(lambda: len(handler.inbound) == 1)
    await asyncio.sleep(0.05)
    assert [i.text for i in handler.inbound] == ["echt bericht"]


async def test_api_down_at_start_then_up(
    fake: FakeSignalRestApi, handler: RecordingHandler, caplog: pytest.LogCaptureFixture
) -> None:
    fake.stop_server()
    signal = SignalAdapter(fake.address, BOT, handler, reconnect_base=0.02, reconnect_cap=0.1)
    with caplog.at_level(logging.WARNING, logger="adapters.signal"):
        await signal.start()
        try:
            await asyncio.sleep(0.3)
            fake.start_server()
            await eventually(lambda: fake.connected == 1 and signal.connected)
            fake.push(fake.data_message(ALICE, "daar ben ik"))
            await eventually(lambda: len(fake.sent) == 1)
        finally:
            await signal.stop()
    down = [r for r in caplog.records if "not reachable" in r.getMessage()]
    assert len(down) == 1


@pytest.mark.parametrize(("mode", "version"), [("normal", "0.101"), ("json-rpc", "0.95")])
async def test_wrong_mode_or_old_version_is_a_clear_error(
    handler: RecordingHandler, mode: str, version: str
) -> None:
    with FakeSignalRestApi(BOT, mode=mode, version=version) as server:
        signal = SignalAdapter(server.address, BOT, handler)
        with pytest.raises(SignalSetupError, match=mode if mode != "json-rpc" else version):
            await signal.start()


async def test_no_message_text_is_logged(
    fake: FakeSignalRestApi, adapter: SignalAdapter, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.DEBUG):
        fake.fail_next_sends(1, "untrusted")
        fake.push(fake.data_message(ALICE, "GEHEIME-INHOUD"))
        await eventually(lambda: len(fake.rejected) == 1)
        fake.drop_websockets()
        await eventually(lambda: fake.connected == 1)
    assert "GEHEIME-INHOUD" not in caplog.text


def test_split_text_falls_back_to_lines_and_words() -> None:
    line = "woord " * 300
    parts = split_text(line.strip())
    assert len(parts) == 1 + len(line.encode()) // 2000
    assert all(len(p.encode()) <= 2000 and not p.startswith(" ") for p in parts)
    assert " ".join(parts) == line.strip()


# -- input hardening: a malformed envelope is one warning line, never a traceback ----------


def _edit(envelope: dict[str, Any], path: str, value: object) -> str:
    *parents, last = path.split(".")
    node = envelope
    for name in parents:
        node = node[name]
    node[last] = value
    return json.dumps(envelope).replace('"@deep@"', "[" * 5000 + "]" * 5000)


MALFORMED = [
    ("envelope.dataMessage.message", "@deep@"),  # RecursionError in the JSON decoder
    ("envelope.editMessage", "gisteren"),  # a string where signal-cli writes an object
    ("envelope.dataMessage.attachments", 5),
    ("envelope.dataMessage.attachments", [{"id": "a" * 300, "contentType": "image/jpeg"}]),
    ("envelope.dataMessage.attachments", [{"id": "../../v1/about", "contentType": "image/jpeg"}]),
    ("envelope.dataMessage.attachments", [{"id": "x.jpg", "contentType": ["image/jpeg"]}]),
    ("envelope.sourceUuid", "0d6e-\ud800"),
    ("envelope.sourceUuid", "u" * 201),
    ("envelope.timestamp", 2**70),
    ("envelope.timestamp", "1700000000000"),
]


@pytest.mark.parametrize(("path", "value"), MALFORMED, ids=[f"{p}={v!r:.20}" for p, v in MALFORMED])
async def test_a_malformed_envelope_is_ignored_with_one_warning_and_no_traceback(
    fake: FakeSignalRestApi,
    adapter: SignalAdapter,
    handler: RecordingHandler,
    caplog: pytest.LogCaptureFixture,
    path: str,
    value: object,
) -> None:
    with caplog.at_level(logging.INFO):
        assert fake.push_raw(_edit(fake.data_message(ALICE, "hallo"), path, value)) == 1
        fake.push(fake.data_message(BOB, "daarna"))
        await eventually(lambda: len(fake.sent) == 1)
    assert [i.text for i in handler.inbound] == ["daarna"]
    assert fake.downloaded_attachments == []
    assert not any(r.exc_info for r in caplog.records)
    warnings = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 1 and warnings[0].name == "adapters.signal.adapter"
    assert "Ignored" in warnings[0].getMessage()


async def test_lone_surrogates_in_text_and_name_are_replaced_before_the_core(
    fake: FakeSignalRestApi, adapter: SignalAdapter, handler: RecordingHandler
) -> None:
    fake.push(fake.data_message(ALICE, "hal\ud800lo\x00!", name="S\udc00am"))
    await eventually(lambda: len(handler.inbound) == 1)
    assert handler.inbound[0].text == "hal\ufffdlo!"
    assert handler.inbound[0].display_name == "S\ufffdam"
