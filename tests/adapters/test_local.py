"""The local chat: a turn's replies are printed after the commit and then marked sent; a chat
that dies in between shows them when it opens again."""

from __future__ import annotations

import io

import pytest

from adapters.local import LocalChat
from bot.app import Weerbaar


async def test_replies_a_dead_chat_did_not_print_are_shown_when_it_opens_again(
    app: Weerbaar, monkeypatch: pytest.MonkeyPatch
) -> None:
    chat = LocalChat(app, "anna", out=io.StringIO())
    await chat.send("hallo")
    async with app.store.transaction() as tx:
        assert await tx.outbox.pending_for("local", "anna") == []  # printed: marked sent

    def dies(text: str) -> None:
        raise KeyboardInterrupt  # the terminal is closed as the answer is printed

    monkeypatch.setattr(chat, "_print", dies)
    with pytest.raises(KeyboardInterrupt):
        await chat.send("ja")
    out = io.StringIO()
    again = LocalChat(app, "anna", out=out)
    await again.show_notices()
    assert "Wat is er gebeurd" in out.getvalue()
    async with app.store.transaction() as tx:
        assert await tx.outbox.pending_for("local", "anna") == []  # shown once
