"""The handler's case work typed on a channel without cards ("toon REF", "stap REF 4
aangifte", "notitie REF ...", "reactie REF ...", "sluit REF ..."; parsed in
dialogs/flows/case_commands.py): each becomes the press of the same verb, so a typed
command and a card button run one use case (bot/cases/actions.py)."""

from __future__ import annotations

from datetime import datetime

from bot.cases.actions import (
    ADD_NOTE_VERB,
    CLOSE_CASE_VERB,
    RECORD_RESPONSE_VERB,
    TICK_STEP_VERB,
    VIEW_CASE_VERB,
    ActionContext,
    run_action,
)
from bot.domain.closing import NoResponse
from bot.domain.records import Person
from bot.domain.reminder_plan import ReminderPolicy
from bot.ports import Tx
from bot.text.catalogue import say
from dialogs.flows.case_commands import (
    CaseVerb,
    parse_case_command,
    parse_close,
    parse_response,
    parse_tick,
)
from dialogs.messages import CardAction, Inbound, Outbound


def _action(verb: CaseVerb, reference: str, rest: str) -> CardAction | str:
    """The press a typed command stands for, or the Dutch reply when it is incomplete."""
    data: dict[str, object] = {"reference": reference}
    if verb is CaseVerb.SHOW:
        return CardAction(VIEW_CASE_VERB, data)
    if verb is CaseVerb.TICK:
        tick = parse_tick(rest)
        if tick is None:
            return say("step_typed_help", reference=reference)
        return CardAction(TICK_STEP_VERB, {**data, "step": tick.step, "value": tick.value or ""})
    if verb is CaseVerb.NOTE:
        return CardAction(ADD_NOTE_VERB, {**data, "note": rest})
    if verb is CaseVerb.RESPONSE:
        typed = parse_response(rest)
        if typed.kind is None:
            return say("response_typed_help", reference=reference)
        if typed.until_text and typed.until is None:
            return say("response_until_unreadable", text=typed.until_text)
        return CardAction(
            RECORD_RESPONSE_VERB,
            {
                **data,
                "response": typed.kind,
                "measure": typed.measure or "",
                "until": typed.until.isoformat() if typed.until else "",
                "damages": typed.damages,
                "note": typed.note,
            },
        )
    close = parse_close(rest)
    return CardAction(
        CLOSE_CASE_VERB,
        {
            **data,
            "no_response": NoResponse.PERPETRATOR_UNKNOWN.value if close.unknown else "",
            "reason": close.reason,
            "override": close.override,
        },
    )


async def case_command_turn(
    tx: Tx, person: Person, inbound: Inbound, policy: ReminderPolicy, now: datetime
) -> list[Outbound] | None:
    """A typed case command; None when the text is not one."""
    command = parse_case_command(inbound.text)
    if command is None:
        return None
    action = _action(command.verb, command.reference, command.rest)
    if isinstance(action, str):
        return [Outbound(action)]
    return [await run_action(tx, ActionContext(person, inbound.key, action, policy, now))]
