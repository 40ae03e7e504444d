"""A reminder card says what is true to whom it reaches (issue 11): the handler's own copy of
an escalation step is no "help" card, a stand-in's says whether a handler was reached."""

from __future__ import annotations

import json
from dataclasses import replace

from adapters.teams.cards import reminder_card
from bot.cases.notices import ReminderFacts
from bot.text.catalogue import say

FACTS = ReminderFacts(
    reference="WB-ABC234",
    deadline="acknowledge",
    task="de ontvangst van de melding bevestigen",
    step="escalation_1",
    escalation=True,
    due="2026-11-25T14:00:00+01:00",
    planned="2026-11-26T08:00:00+01:00",
    late=False,
    org="Gemeente Zeist",
)


def texts(card: dict[str, object]) -> str:
    return json.dumps(card, ensure_ascii=False)


def test_a_stand_in_is_told_the_handler_had_a_reminder_only_when_one_was_reached() -> None:
    reached = texts(reminder_card(FACTS))
    assert say("reminder_card_title_escalation", reference="WB-ABC234") in reached
    assert say("reminder_card_escalation") in reached
    alone = texts(reminder_card(replace(FACTS, handler_reached=False)))
    assert say("reminder_card_stand_in") in alone
    assert say("reminder_card_escalation") not in alone


def test_the_handlers_own_copy_of_an_escalation_speaks_to_her() -> None:
    own = texts(reminder_card(replace(FACTS, escalation=False)))
    assert say("reminder_card_title_overdue", reference="WB-ABC234") in own
    assert say("reminder_card_title_escalation", reference="WB-ABC234") not in own
    assert say("reminder_card_escalation") not in own


def test_handler_reached_travels_on_the_buttons_only_when_false() -> None:
    assert "handler_reached" not in FACTS.to_dict()
    alone = replace(FACTS, handler_reached=False)
    assert alone.button_data()["handler_reached"] is False
    assert ReminderFacts.from_dict(alone.to_dict()) == alone
    assert ReminderFacts.from_dict(FACTS.to_dict()) == FACTS
