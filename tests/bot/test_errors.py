"""bot/errors.py: a UserError is the reply; anything else is an apology and a logged fault."""

from __future__ import annotations

import logging

import pytest

from bot.app import Weerbaar
from bot.errors import OperatorError, StartupError, UserError
from bot.settings import SettingsError
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


def test_startup_errors_are_operator_errors() -> None:
    from adapters.signal.setup import SignalSetupError

    assert issubclass(StartupError, OperatorError)
    assert issubclass(SettingsError, StartupError) and issubclass(SettingsError, ValueError)
    assert issubclass(SignalSetupError, StartupError)
