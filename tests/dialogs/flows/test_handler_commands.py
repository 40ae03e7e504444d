"""The text forms of "Gedaan"/"Later" and of a check-in answer: pure parsing."""

from __future__ import annotations

import pytest

from bot.domain.deadlines import DeadlineKind
from dialogs.flows.checkin import CheckinAnswer, parse_answer
from dialogs.flows.handler_commands import Action, kind_from_word, kind_word, parse_command
from dialogs.messages import ConversationKey, Inbound


@pytest.mark.parametrize(
    ("text", "action", "reference", "word", "reason"),
    [
        ("gedaan WB-ABC234 maatregelen", Action.DONE, "WB-ABC234", "maatregelen", ""),
        ("Klaar wb-abc234 politie", Action.DONE, "WB-ABC234", "politie", ""),
        (
            "later WB-ABC234 politie wacht op terugbelverzoek",
            Action.LATER,
            "WB-ABC234",
            "politie",
            "wacht op terugbelverzoek",
        ),
        ("later WBABC234 ontvangst ziek", Action.LATER, "WB-ABC234", "ontvangst", "ziek"),
    ],
)
def test_commands(text: str, action: Action, reference: str, word: str, reason: str) -> None:
    command = parse_command(text)
    assert command is not None
    assert (command.action, command.reference, command.word, command.reason) == (
        action,
        reference,
        word,
        reason,
    )


@pytest.mark.parametrize(
    "text",
    [
        "gedaan",
        "ik ben gedaan met alles",
        "later vandaag graag",
        "gedaan WB-ABC maatregelen",
        "hallo WB-ABC234 politie",
    ],
)
def test_ordinary_text_is_not_a_command(text: str) -> None:
    assert parse_command(text) is None


def test_every_word_shown_in_a_reminder_is_understood() -> None:
    for kind in DeadlineKind:
        assert kind_from_word(kind_word(kind)) is kind
        assert kind_from_word(kind.value) is kind
    assert kind_from_word("aangifte") is DeadlineKind.POLICE
    assert kind_from_word("koffie") is None


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("gaat goed", CheckinAnswer.GAAT_GOED),
        ("Goed!", CheckinAnswer.GAAT_GOED),
        ("1", CheckinAnswer.GAAT_GOED),
        ("kan beter", CheckinAnswer.KAN_BETER),
        ("ik wil graag contact", CheckinAnswer.CONTACT),
        ("3", CheckinAnswer.CONTACT),
        ("contact", CheckinAnswer.CONTACT),
        ("stop", CheckinAnswer.STOP),
        ("4", CheckinAnswer.STOP),
    ],
)
def test_checkin_answers(text: str, answer: CheckinAnswer) -> None:
    spec = parse_answer(Inbound(ConversationKey("local", "local", "x"), "m", text=text))
    assert spec is not None and spec.answer is answer


def test_an_unclear_checkin_reply_is_not_guessed() -> None:
    inbound = Inbound(ConversationKey("local", "local", "x"), "m", text="ik ben boos")
    assert parse_answer(inbound) is None
