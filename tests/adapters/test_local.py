"""The local channel: the outbox delivers to it, into the open chat of a handle."""

from __future__ import annotations

import io

import pytest

from adapters.local import CHANNEL, LocalChannel, LocalChat, local_channel
from bot.app import Weerbaar
from bot.jobs.outbox import MAX_BACKOFF
from bot.ports import DeliveryError
from dialogs.messages import ConversationKey, Outbound
from tests.chat import Chatter, report_lines
from tests.conftest import FakeClock


async def _report(app: Weerbaar, handle: str = "bram") -> str:
    """File a report as `handle` (gemeenteraadslid in Zeist); returns its reference."""
    done = await Chatter(app, handle).say(*report_lines(), "verstuur")
    return done.split("Je kenmerk is ")[1][:9]


async def _statuses(app: Weerbaar, recipient: str) -> list[str]:
    async with app.store.transaction() as tx:
        return [
            status
            for item, status in await tx.outbox.all_items()
            if item.channel == CHANNEL and item.recipient == recipient
        ]


async def test_a_notice_waits_until_the_chat_opens_and_comes_first(app: Weerbaar) -> None:
    reference = await _report(app)
    assert await _statuses(app, "griffier-zeist") == ["pending"]

    out = io.StringIO()
    await LocalChat(app, "griffier-zeist", out=out).run(io.StringIO("hallo\n"), False)

    assert out.getvalue().startswith(f"[bericht] Nieuwe melding {reference}")
    # the notice, then the three replies to "hallo" (what she is enrolled as, the
    # deadline words, the case-work words): a turn's replies are outbox rows too
    assert await _statuses(app, "griffier-zeist") == ["sent"] * 4
    assert CHANNEL in app.channels  # the outbox delivered it through the registered channel


async def test_an_open_chat_gets_its_own_notices_after_each_reply(app: Weerbaar) -> None:
    out = io.StringIO()
    griffier = LocalChat(app, "griffier-zeist", out=out)
    assert await griffier.open() == 0
    bram_out = io.StringIO()
    bram = LocalChat(app, "bram", out=bram_out)
    await bram.open()

    reference = await _report(app)
    assert await bram.deliver() == 0  # bram's chat is open, but the notice is not his
    assert await griffier.deliver() == 1
    assert f"[bericht] Nieuwe melding {reference}" in out.getvalue()
    assert "[bericht]" not in bram_out.getvalue()
    assert await griffier.deliver() == 0  # shown once

    griffier.close()
    await _report(app)
    assert await griffier.deliver() == 0  # closed: it waits in the outbox
    assert await _statuses(app, "griffier-zeist") == ["sent", "pending"]


async def test_the_channel_refuses_a_handle_whose_chat_is_not_open() -> None:
    channel = LocalChannel()
    shown: list[Outbound] = []
    channel.open("anna", shown.append)
    await channel.send(ConversationKey(CHANNEL, "local", "anna"), Outbound("hoi"))
    assert shown == [Outbound("hoi")]
    with pytest.raises(DeliveryError, match="not open"):
        await channel.send(ConversationKey(CHANNEL, "local", "bram"), Outbound("hoi"))
    channel.close("anna")
    with pytest.raises(DeliveryError):
        await channel.send(ConversationKey(CHANNEL, "local", "anna"), Outbound("hoi"))


async def test_a_full_outbox_run_leaves_a_closed_chat_s_notice_pending(
    app: Weerbaar, clock: FakeClock
) -> None:
    # A chat runs the outbox for its own handle only; a run over the whole local channel
    # (none does so today) fails for a closed chat, and the row backs off like any other.
    await LocalChat(app, "bram", out=io.StringIO()).open()
    reference = await _report(app)
    assert await app.outbox.run_once() == 0  # griffier-zeist has no chat open
    assert await _statuses(app, "griffier-zeist") == ["pending"]

    clock.advance(seconds=MAX_BACKOFF)
    out = io.StringIO()
    assert await LocalChat(app, "griffier-zeist", out=out).open() == 1
    assert reference in out.getvalue()


async def test_the_app_has_one_local_channel(app: Weerbaar) -> None:
    assert local_channel(app) is local_channel(app) is app.channels[CHANNEL]


async def test_replies_a_dead_chat_did_not_print_are_shown_once_their_lease_is_over(
    app: Weerbaar, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    chat = LocalChat(app, "anna", out=io.StringIO())
    await chat.send("hallo")
    assert await _statuses(app, "anna") == ["sent"]  # printed, then marked sent

    def dies(text: str) -> None:
        raise KeyboardInterrupt  # the terminal is closed as the answer is printed

    monkeypatch.setattr(chat, "_print", dies)
    with pytest.raises(KeyboardInterrupt):
        await chat.send("ja")
    assert await _statuses(app, "anna") == ["sent", "pending"]

    clock.advance(seconds=61)  # the dead chat's lease on its replies runs out
    out = io.StringIO()
    again = LocalChat(app, "anna", out=out)
    assert await again.open() == 1
    assert "Wat is er gebeurd" in out.getvalue()
    assert await _statuses(app, "anna") == ["sent", "sent"]  # shown once
    again.close()
