"""The outbox worker records what a channel's receipt says: which message shows a case's
card. A card that went out open while the case was taken in hand gets its refresh queued."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from bot.app import Weerbaar
from bot.cases.acknowledge import acknowledge_case
from bot.cases.notices import HANDLER, CaseCardRefresh, CaseRouted
from bot.ports import DeliveryError, Receipt
from dialogs.messages import ConversationKey, Outbound
from tests.bot.cases.test_acknowledge import submitted_case
from tests.conftest import FakeClock


class RecordingChannel:
    """A pushing "local" channel whose receipts carry made-up message ids."""

    name = "local"
    file_notice_kinds: frozenset[str] = frozenset()

    def __init__(self, with_ids: bool = True) -> None:
        self.sent: list[tuple[ConversationKey, Outbound]] = []
        self.with_ids = with_ids
        self.during_send: Callable[[], Awaitable[None]] | None = None

    async def send(self, key: ConversationKey, message: Outbound) -> Receipt | None:
        if self.during_send is not None:
            await self.during_send()
            self.during_send = None
        self.sent.append((key, message))
        return Receipt(f"msg-{len(self.sent)}") if self.with_ids else None


async def _cards(app: Weerbaar, reference: str) -> list[tuple[str, str, str]]:
    async with app.store.transaction() as tx:
        case = await tx.cases.case_by_reference(reference)
        assert case is not None
        return [
            (c.recipient, c.message_id, c.audience)
            for c in await tx.conversations.cards_of(case.id)
        ]


async def test_the_receipt_of_a_case_card_is_recorded(app: Weerbaar) -> None:
    channel = RecordingChannel()
    app.add_channel(channel)
    reference = await submitted_case(app)
    assert await app.outbox.run_once() >= 1
    ((number, card),) = [
        (n, m) for n, (_k, m) in enumerate(channel.sent, 1) if isinstance(m.notice, CaseRouted)
    ]
    assert isinstance(card.notice, CaseRouted) and card.notice.acknowledged is None
    assert await _cards(app, reference) == [("secretaris-utrecht", f"msg-{number}", HANDLER)]


async def test_no_message_id_no_record(app: Weerbaar) -> None:
    app.add_channel(RecordingChannel(with_ids=False))
    reference = await submitted_case(app)
    assert await app.outbox.run_once() >= 1
    assert await _cards(app, reference) == []


async def test_a_card_taken_in_hand_on_its_way_is_refreshed_through_the_outbox(
    app: Weerbaar, clock: FakeClock
) -> None:
    channel = RecordingChannel()
    app.add_channel(channel)
    reference = await submitted_case(app)

    async def taken_meanwhile() -> None:
        async with app.store.transaction() as tx:
            hans = await tx.people.find_person_id("local", "handle", "secretaris-utrecht")
            await acknowledge_case(tx, hans, reference, clock())

    channel.during_send = taken_meanwhile
    await app.outbox.run_once()
    (_recipient, message_id, _audience) = (await _cards(app, reference))[0]
    before = len(channel.sent)
    await app.outbox.run_once()
    refreshes = [
        m.notice for _k, m in channel.sent[before:] if isinstance(m.notice, CaseCardRefresh)
    ]
    assert [(r.message_id, r.audience) for r in refreshes] == [(message_id, HANDLER)]
    assert refreshes[0].acknowledged is not None
    assert refreshes[0].acknowledged.by == "Hans Mulder"


async def test_a_card_sent_after_the_case_was_taken_says_who_has_it(
    app: Weerbaar, clock: FakeClock
) -> None:
    channel = RecordingChannel()
    app.add_channel(channel)
    reference = await submitted_case(app)
    async with app.store.transaction() as tx:
        hans = await tx.people.find_person_id("local", "handle", "secretaris-utrecht")
        await acknowledge_case(tx, hans, reference, clock())
    await app.outbox.run_once()
    (card,) = [m.notice for _k, m in channel.sent if isinstance(m.notice, CaseRouted)]
    assert card.acknowledged is not None and card.acknowledged.by == "Hans Mulder"
    assert not [m for _k, m in channel.sent if isinstance(m.notice, CaseCardRefresh)]


class RefusingChannel(RecordingChannel):
    """Refuses every message to the recipients in `down`."""

    def __init__(self, down: set[str]) -> None:
        super().__init__()
        self.down = down
        self.refused: list[str] = []

    async def send(self, key: ConversationKey, message: Outbound) -> Receipt | None:
        if key.user in self.down:
            self.refused.append(message.text)
            raise DeliveryError("down", retry_after=30)
        return await super().send(key, message)


async def test_a_failing_head_blocks_its_conversation_and_no_other(
    app: Weerbaar, clock: FakeClock
) -> None:
    channel = RefusingChannel(down={"kim"})
    app.add_channel(channel)
    async with app.store.transaction() as tx:
        for n in range(4):
            for who in ("kim", "lou"):
                await tx.outbox.enqueue("local", "local", who, {"text": f"{who} {n}"}, clock())

    assert await app.outbox.run_once() == 4  # lou's four, in order, in the same round
    assert [m.text for _k, m in channel.sent] == [f"lou {n}" for n in range(4)]
    assert channel.refused == ["kim 0"]  # and nothing of kim's after her failed first one
    for _ in range(3):  # kim's head keeps failing: the rest never overtakes it
        clock.advance(seconds=31)
        await app.outbox.run_once()
    assert channel.refused == ["kim 0"] * 4

    channel.down.clear()
    clock.advance(minutes=16)
    assert await app.outbox.run_once() == 4
    assert [m.text for _k, m in channel.sent[4:]] == [f"kim {n}" for n in range(4)]
