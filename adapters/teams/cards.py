"""Adaptive Cards (schema 1.5) for the Teams adapter: the neutral model to cards and back.

Plain dicts in, plain dicts out; no SDK import, so these are easy to test and to move.
"""

from __future__ import annotations

from typing import Any

from dialogs.messages import Outbound, Summary

ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive"
INVOKE_CARD_RESPONSE = "application/vnd.microsoft.card.adaptive"
INVOKE_ERROR_RESPONSE = "application/vnd.microsoft.error"
CHOICE_FIELD = "choice"  # key of the picked value in Action.Submit data / input id
MAX_BUTTONS = 5  # more than this and Teams folds buttons into an overflow menu


def needs_card(message: Outbound) -> bool:
    return bool(message.card or message.choices or message.summary)


def card_for(message: Outbound, submit_label: str) -> dict[str, object]:
    """The Adaptive Card that shows `message`: its own card, or text + summary + choices.

    Single choices are Action.Submit buttons whose data is `{"choice": value}`; many
    choices, or `multi`, become an Input.ChoiceSet named "choice" with one submit button.
    A typed answer still works: Teams sends typed text as an ordinary message.
    """
    if message.card is not None:
        return message.card
    body: list[dict[str, object]] = []
    if message.text:
        body.append({"type": "TextBlock", "text": message.text, "wrap": True})
    if message.summary is not None:
        body.extend(_summary_blocks(message.summary))
    actions: list[dict[str, object]] = []
    if message.choices and not message.multi and len(message.choices) <= MAX_BUTTONS:
        actions = [
            {"type": "Action.Submit", "title": c.label, "data": {CHOICE_FIELD: c.value}}
            for c in message.choices
        ]
    elif message.choices:
        body.append(
            {
                "type": "Input.ChoiceSet",
                "id": CHOICE_FIELD,
                "style": "expanded",
                "isMultiSelect": message.multi,
                "isRequired": True,
                "choices": [{"title": c.label, "value": c.value} for c in message.choices],
            }
        )
        actions = [{"type": "Action.Submit", "title": submit_label}]
    card: dict[str, object] = {
        "type": "AdaptiveCard",
        "$schema": "http://adaptivecards.io/schemas/adaptive-card.json",
        "version": "1.5",
        "body": body,
    }
    if actions:
        card["actions"] = actions
    return card


def _summary_blocks(summary: Summary) -> list[dict[str, object]]:
    facts = [
        {
            "title": f"{row.number}. {row.label}" if row.number is not None else row.label,
            "value": row.value,
        }
        for row in summary.rows
    ]
    return [
        {"type": "TextBlock", "text": summary.title, "weight": "Bolder", "wrap": True},
        {"type": "FactSet", "facts": facts},
    ]


def picked_choice(value: Any) -> str | None:
    """The value picked on one of our cards, from a message activity's `value`.

    A multi-select ChoiceSet answers "a,b"; that string is passed on as it is.
    """
    if isinstance(value, dict):
        picked = value.get(CHOICE_FIELD)
        if isinstance(picked, str) and picked:
            return picked
    return None


def card_action(value: Any) -> tuple[str, dict[str, object]] | None:
    """(verb, data) of an `adaptiveCard/action` invoke, or None if it is not well formed."""
    if not isinstance(value, dict):
        return None
    action = value.get("action")
    if not isinstance(action, dict) or action.get("type") != "Action.Execute":
        return None
    verb = action.get("verb")
    data = action.get("data", {})
    if not isinstance(verb, str) or not isinstance(data, dict):
        return None
    return verb, data


def card_response(card: dict[str, object]) -> dict[str, object]:
    """The invoke response body that replaces the card with `card`."""
    return {"statusCode": 200, "type": INVOKE_CARD_RESPONSE, "value": card}


def error_response(status: int, code: str, message: str) -> dict[str, object]:
    return {
        "statusCode": status,
        "type": INVOKE_ERROR_RESPONSE,
        "value": {"code": code, "message": message},
    }
