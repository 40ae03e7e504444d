"""The pieces every Teams card is made of: the card itself (schema 1.5, with a text
fallback), a text block, an Action.Submit that names a verb, an informed party's name, and
every text on a card (what screen readers, notifications and tests read)."""

from __future__ import annotations

from bot.domain.routing import InformedParty
from bot.text.catalogue import say

VERB_FIELD = "verb"  # key of the use case an Action.Submit names (bot/cases/actions.py)
_SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json"


def card(
    body: list[dict[str, object]], actions: list[dict[str, object]] | None = None
) -> dict[str, object]:
    made: dict[str, object] = {
        "type": "AdaptiveCard",
        "$schema": _SCHEMA,
        "version": "1.5",
        "body": body,
        # What screen readers and clients that cannot draw the card show (else Teams says
        # only "sent a card"): every text on it.
        "fallbackText": card_text(body) or "-",
    }
    if actions:
        made["actions"] = actions
    return made


def text_block(text: str, **style: object) -> dict[str, object]:
    return {"type": "TextBlock", "text": text, "wrap": True, **style}


def submit(title: str, verb: str, **data: object) -> dict[str, object]:
    """An Action.Submit button for `verb`: its answer comes as a new message in the chat
    (where an Action.Execute's answer replaces the pressed card)."""
    return {"type": "Action.Submit", "title": title, "data": {VERB_FIELD: verb, **data}}


def party_label(value: str) -> str:
    try:
        return say(f"informed_{InformedParty(value).name.lower()}")
    except ValueError:
        return value


def card_text(card: object) -> str:
    """Every text on a card, joined: what tests and logs-free checks look at."""
    parts: list[str] = []

    def walk(node: object) -> None:
        if isinstance(node, dict):
            for key in ("text", "title", "value"):
                if isinstance(node.get(key), str):
                    parts.append(str(node[key]))
            for value in node.values():
                if isinstance(value, (list, dict)):
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(card)
    return "\n".join(parts)
