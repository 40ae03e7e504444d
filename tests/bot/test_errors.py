"""bot/errors.py: a UserError is the reply; anything else is an apology and a logged fault."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import pytest

from bot.app import Weerbaar
from bot.errors import OperatorError, StartupError, UserError
from bot.settings import SettingsError
from bot.text.catalogue import say
from dialogs.messages import ConversationKey, Inbound

ANNA = ConversationKey("local", "local", "anna")


async def test_a_user_error_is_the_reply_and_no_fault_is_logged(
    app: Weerbaar, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    async def refuse(*_args: object) -> list[object]:
        raise UserError("Dat kan nu niet.")

    monkeypatch.setattr(app.service, "_in_transaction", refuse)
    with caplog.at_level(logging.DEBUG):
        replies = await app.handle(Inbound(key=ANNA, message_id="u1", text="hallo"))
    assert [r.text for r in replies] == ["Dat kan nu niet."]
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


async def test_any_other_error_is_an_apology_and_a_logged_fault_without_its_message(
    app: Weerbaar, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    secret = "-".join(("geheim", "hij stond voor de deur"))  # not in the traceback's source

    async def crash(*_args: object) -> list[object]:
        raise RuntimeError(secret)

    monkeypatch.setattr(app.service, "_in_transaction", crash)
    with caplog.at_level(logging.DEBUG):
        [reply] = await app.handle(Inbound(key=ANNA, message_id="u2", text="hallo"))
    assert "sorry" in reply.text.lower()
    [fault] = [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert secret not in caplog.text and fault.exc_info is not None


async def test_the_apology_says_the_message_was_not_kept_only_when_it_was_not(
    app: Weerbaar, monkeypatch: pytest.MonkeyPatch
) -> None:
    await app.handle(Inbound(key=ANNA, message_id="s1", text="hallo"))
    real_turn = app.service._in_transaction

    async def half_then_crash(tx: Any, inbound: Inbound, now: Any) -> Any:
        await real_turn(tx, inbound, now)  # the answer is written ...
        raise RuntimeError("the disk is full")  # ... and the turn fails before its commit

    monkeypatch.setattr(app.service, "_in_transaction", half_then_crash)
    [reply] = await app.handle(Inbound(key=ANNA, message_id="s2", text="ja"))
    assert reply.text == say("sorry_not_saved")
    async with app.store.transaction() as tx:
        state = await tx.dialogs.load_state(ANNA)
        assert await tx.dialogs.inbound_answer("local", "s2") is None
    assert state is not None and "safe" not in state.answers  # indeed not kept
    monkeypatch.undo()

    # A failure in the commit itself: whether it was kept is not known, so no claim.
    real_transaction = app.store.transaction

    @asynccontextmanager
    async def failing_commit() -> AsyncIterator[Any]:
        async with real_transaction() as tx:
            yield tx
            raise RuntimeError("connection lost during commit")

    monkeypatch.setattr(app.store, "transaction", failing_commit)
    [reply] = await app.handle(Inbound(key=ANNA, message_id="s3", text="ja"))
    assert reply.text == say("sorry_error")
    assert "bewaard" not in reply.text


def test_startup_errors_are_operator_errors() -> None:
    from adapters.signal.setup import SignalSetupError

    assert issubclass(StartupError, OperatorError)
    assert issubclass(SettingsError, StartupError) and issubclass(SettingsError, ValueError)
    assert issubclass(SignalSetupError, StartupError)
