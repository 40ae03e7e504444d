"""Adaptive Cards (schema 1.5) for the Teams adapter: the neutral model to cards and back.

Plain dicts in, plain dicts out; no SDK import, so these are easy to test and to move.

- `card_for`: a dialog's message (text, a summary, choices as buttons) as a card.
- `case_card`, `refusal_card`: what a handler sees for a case, from the routing notice's
  facts (bot/cases/submit.py `notify_handlers`, bot/cases/acknowledge.py `card_facts`):
  reference, reporter's role, organisation, kinds, when, seriousness. No name and no
  narrative, so the same facts serve the team channel's card; only the handler's own card
  says *who* took the case in hand.
- `reminder_card`: a reminder from the sweep's notice, with "Gedaan" and "Later" (a reason
  asked for) as Action.Execute.
- `picked_choice`, `card_action`, `card_response`: what comes back from a card, and the
  answer to an Action.Execute.
"""

from __future__ import annotations

from typing import Any

from bot.text.catalogue import say
from dialogs.messages import Outbound, Summary

ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive"
INVOKE_CARD_RESPONSE = "application/vnd.microsoft.card.adaptive"
INVOKE_ERROR_RESPONSE = "application/vnd.microsoft.error"
CHOICE_FIELD = "choice"  # key of the picked value in Action.Submit data / input id
MAX_BUTTONS = 5  # more than this and Teams folds buttons into an overflow menu

ACKNOWLEDGE_VERB = "acknowledge"
DEADLINE_DONE_VERB = "deadline_done"
DEADLINE_LATER_VERB = "deadline_later"
REASON_FIELD = "reason"  # id of the reason input on a reminder card's "Later"
HANDLER = "handler"  # audience: a handler's personal chat
TEAM = "team"  # audience: an organisation's team channel

_SCHEMA = "http://adaptivecards.io/schemas/adaptive-card.json"


def _card(
    body: list[dict[str, object]], actions: list[dict[str, object]] | None = None
) -> dict[str, object]:
    card: dict[str, object] = {
        "type": "AdaptiveCard",
        "$schema": _SCHEMA,
        "version": "1.5",
        "body": body,
    }
    if actions:
        card["actions"] = actions
    return card


def _text(text: str, **style: object) -> dict[str, object]:
    return {"type": "TextBlock", "text": text, "wrap": True, **style}


# --- a dialog's message ---------------------------------------------------------------------


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
    return _card(body, actions)


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


# --- what comes back from a card -----------------------------------------------------------


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


# --- a case: the handler's and the team channel's card ------------------------------------


def _role(role: object) -> str:
    return say(f"role_{role}") if isinstance(role, str) and role else "-"


def _kinds(kinds: object) -> str:
    if not isinstance(kinds, list) or not kinds:
        return "-"
    return ", ".join(say(f"kind_{k}") for k in kinds)


def _fact_blocks(facts: dict[str, Any]) -> list[dict[str, object]]:
    reference = str(facts.get("reference", "-"))
    serious = bool(facts.get("serious"))
    blocks: list[dict[str, object]] = [
        _text(say("card_title", reference=reference), weight="Bolder", size="Medium"),
        {
            "type": "FactSet",
            "facts": [
                {"title": say("card_reference"), "value": reference},
                {"title": say("card_role"), "value": _role(facts.get("role"))},
                {"title": say("card_org"), "value": str(facts.get("org") or "-")},
                {"title": say("card_kinds"), "value": _kinds(facts.get("kinds"))},
                {"title": say("card_when"), "value": str(facts.get("when") or "-")},
                {
                    "title": say("card_serious"),
                    "value": say("card_serious_yes") if serious else say("card_serious_no"),
                },
            ],
        },
    ]
    if facts.get("criminal"):
        blocks.append(_text(say("card_criminal")))
    blocks.append(_text(say("card_deadlines"), weight="Bolder", spacing="Medium"))
    deadlines = facts.get("deadlines")
    if isinstance(deadlines, list) and deadlines:
        # [{"kind": ..., "task": "...", "due": "...", "done": bool}] (bot/acknowledge.py
        # `deadline_facts`) when the routing notice carries them
        blocks.append(
            {
                "type": "FactSet",
                "facts": [
                    {
                        "title": str(d.get("due", "")),
                        "value": say("card_deadline_done", task=d.get("task", ""))
                        if d.get("done")
                        else str(d.get("task", "")),
                    }
                    for d in deadlines
                    if isinstance(d, dict)
                ],
            }
        )
    else:
        blocks.append(_text(say("card_deadlines_none"), isSubtle=True))
    return blocks


def case_card(
    facts: dict[str, Any], audience: str = HANDLER, acknowledged: dict[str, Any] | None = None
) -> dict[str, object]:
    """The case's card: open with an "In behandeling nemen" button, or who has it since when.

    `acknowledged` is {"by": name, "at_shown": time} once someone took the case in hand;
    on a team card the name is left out.
    """
    body = _fact_blocks(facts)
    actions: list[dict[str, object]] = []
    if acknowledged and acknowledged.get("at_shown"):
        if audience == TEAM:
            status = say("card_acknowledged_team", time=acknowledged["at_shown"])
        else:
            status = say(
                "card_acknowledged",
                name=acknowledged.get("by") or "-",
                time=acknowledged["at_shown"],
            )
        body.append(_text(status, weight="Bolder", color="Good", spacing="Medium"))
    else:
        body.append(_text(say("card_open"), color="Attention", spacing="Medium"))
        actions.append(
            {
                "type": "Action.Execute",
                "title": say("card_acknowledge"),
                "verb": ACKNOWLEDGE_VERB,
                "data": {"reference": str(facts.get("reference", ""))},
                "style": "positive",
            }
        )
    if audience == TEAM:
        body.append(_text(say("card_team_note"), isSubtle=True, size="Small"))
    return _card(body, actions)


def refusal_card(text: str, facts: dict[str, Any] | None = None) -> dict[str, object]:
    """What someone sees who may not do what they pressed: why, and the case's team facts
    (no names) so the card stays readable. No button: nothing changed."""
    body: list[dict[str, object]] = [
        _text(say("card_refused_title"), weight="Bolder", color="Attention"),
        _text(text),
    ]
    if facts is not None:
        body += _fact_blocks(facts)
    return _card(body)


# --- reminders: "Gedaan" and "Later" --------------------------------------------------------

# What a reminder card carries in its buttons' data, so that the card can be drawn again
# after a press without looking anything up: the neutral reminder notice (bot/sweep.py)
# without its narrative-free text. Only `reference` and `deadline` are acted on.
REMINDER_FIELDS = (
    "reference",
    "deadline",
    "task",
    "step",
    "escalation",
    "due",
    "planned",
    "late",
    "org",
)


def reminder_data(notice: dict[str, Any]) -> dict[str, object]:
    """The part of a reminder notice a reminder card's buttons send back."""
    return {k: notice[k] for k in REMINDER_FIELDS if notice.get(k) is not None}


def _title_key(step: str) -> str:
    if step == "reminder":
        return "reminder_card_title"
    if step == "overdue":
        return "reminder_card_title_overdue"
    return "reminder_card_title_escalation"


def reminder_card(
    notice: dict[str, Any],
    status: str | None = None,
    tone: str = "Good",
    actions: bool = True,
) -> dict[str, object]:
    """A reminder, overdue notice or escalation step as a card with "Gedaan" and "Later".

    `notice` is the sweep's reminder notice (bot/sweep.py) with its due and planned times
    already written as Dutch readers read them: reference, task, late and escalation
    marks, organisation; no name and no narrative. The reason for "Later" is asked in a
    form that opens under the button. `status` is what a press did, shown in `tone` (an Adaptive
    Card colour); `actions` False leaves the buttons out (the step is done).
    """
    reference = str(notice.get("reference") or "-")
    step = str(notice.get("step") or "reminder")
    body: list[dict[str, object]] = [
        _text(
            say(_title_key(step), reference=reference),
            weight="Bolder",
            size="Medium",
            color="Default" if step == "reminder" else "Attention",
        ),
    ]
    if notice.get("late"):
        body.append(
            _text(say("reminder_late", planned=notice.get("planned") or "-"), color="Warning")
        )
    body.append(
        {
            "type": "FactSet",
            "facts": [
                {"title": say("card_reference"), "value": reference},
                {"title": say("card_org"), "value": str(notice.get("org") or "-")},
                {"title": say("reminder_card_task"), "value": str(notice.get("task") or "-")},
                {"title": say("reminder_card_due"), "value": str(notice.get("due") or "-")},
            ],
        }
    )
    if notice.get("escalation"):
        body.append(_text(say("reminder_card_escalation")))
    if status:
        body.append(_text(status, weight="Bolder", color=tone, spacing="Medium"))
    if not actions:
        return _card(body)
    data = reminder_data(notice)
    later_form = _card(
        [
            {
                "type": "Input.Text",
                "id": REASON_FIELD,
                "label": say("reminder_card_reason"),
                "isRequired": True,
                "errorMessage": say("reminder_card_reason_needed"),
                "maxLength": 500,
                "isMultiline": True,
            }
        ],
        [
            {
                "type": "Action.Execute",
                "title": say("reminder_card_later_submit"),
                "verb": DEADLINE_LATER_VERB,
                "data": data,
            }
        ],
    )
    del later_form["$schema"]  # a ShowCard's card is part of the outer one
    return _card(
        body,
        [
            {
                "type": "Action.Execute",
                "title": say("reminder_card_done"),
                "verb": DEADLINE_DONE_VERB,
                "data": data,
                "style": "positive",
            },
            {"type": "Action.ShowCard", "title": say("reminder_card_later"), "card": later_form},
        ],
    )


def card_text(card: dict[str, object]) -> str:
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
