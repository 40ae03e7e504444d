"""The handler's case work typed on a channel without cards ("toon REF", "stap REF 4
aangifte", "notitie REF ...", "reactie REF ...", "sluit REF ..."; parsed in
dialogs/flows/case_commands.py): each becomes the press of the same verb, so a typed
command and a card button run one use case (bot/cases/actions.py). "reactie REF" alone
asks the response step by step (a stored `PendingCommand`) and ends in the same press."""

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
    workable_case,
)
from bot.domain.audit import AuditAction
from bot.domain.closing import NoResponse
from bot.domain.records import CaseStatus, PendingCommand, Person
from bot.domain.reminder_plan import ReminderPolicy
from bot.ports import Tx
from bot.text.catalogue import say
from dialogs.flows.case_commands import (
    CaseVerb,
    ResponseStep,
    ask_response,
    parse_case_command,
    parse_close,
    parse_response,
    parse_tick,
    response_answer,
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
        if not rest:
            return CardAction(_GUIDED_RESPONSE, data)
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
    context = ActionContext(person, inbound.key, action, policy, now)
    if action.verb == _GUIDED_RESPONSE:
        return [await _start_response(tx, context)]
    return [await run_action(tx, context)]


# --- "reactie REF" alone: the response asked step by step ---------------------------------

RESPONSE_PENDING = "response"  # PendingCommand.kind
_GUIDED_RESPONSE = "guided_response"  # not a press: only this module starts it


async def _start_response(tx: Tx, ctx: ActionContext) -> Outbound:
    """Checked like the press it ends in (who may work the case here), then the first
    question; the exchange is stored, so a restart continues it."""
    found = await workable_case(tx, ctx, AuditAction.RESPONSE)
    if isinstance(found, Outbound):
        return found
    assert ctx.person is not None
    if found.status == CaseStatus.CLOSED:
        return Outbound(say("response_guided_closed", reference=found.reference))
    pending = PendingCommand(RESPONSE_PENDING, found.id, ResponseStep.KIND.value, {})
    await tx.dialogs.save_pending(ctx.key, ctx.person.id, pending, ctx.now)
    return Outbound(ask_response(ResponseStep.KIND, found.reference, {}))


async def response_exchange_turn(
    tx: Tx,
    person: Person,
    inbound: Inbound,
    pending: PendingCommand,
    policy: ReminderPolicy,
    now: datetime,
) -> list[Outbound]:
    """The handler's next answer in the exchange: the next question, or on "ja" to the
    summary the `record_response` press with what was answered (the same use case and
    checks as the card's form); "stop" ends it with nothing recorded."""
    case = await tx.cases.case(pending.case_id)
    if case is None:
        await tx.dialogs.clear_pending(inbound.key)
        return [Outbound(say("ack_unknown_case", reference="-"))]
    turn = response_answer(
        ResponseStep(pending.step), pending.data, inbound.text, case.reference, now.date()
    )
    if turn.stopped or turn.confirmed:
        await tx.dialogs.clear_pending(inbound.key)
    if not turn.confirmed:
        if not turn.stopped:
            moved = PendingCommand(RESPONSE_PENDING, case.id, turn.step.value, turn.data)
            await tx.dialogs.save_pending(inbound.key, person.id, moved, now)
        return [Outbound(turn.reply)]
    data = turn.data
    press = CardAction(
        RECORD_RESPONSE_VERB,
        {
            "reference": case.reference,
            "response": str(data.get("kind") or ""),
            "measure": str(data.get("measure") or ""),
            "until": str(data.get("until") or ""),
            "damages": bool(data.get("damages")),
            "note": str(data.get("note") or ""),
        },
    )
    return [await run_action(tx, ActionContext(person, inbound.key, press, policy, now))]
