"""Card presses and channel commands: each verb to its use case.

An adapter turns a press into `Inbound(action=CardAction(verb, data, card_message_id))`;
the dispatcher (bot/turns.py) runs it like any message (one lock per conversation, the
delivery recorded once, one transaction, an apology on an error) and hands it to
`run_action`, which looks its verb up in `ACTIONS`. The answer is an `Outbound` whose
notice says what the pressed card should show now (bot/cases/notices/).

- "acknowledge": "In behandeling nemen" on a case card (bot/cases/acknowledge.py);
- "deadline_done", "deadline_later": "Gedaan" and "Later" on a reminder card, as the
  typed "gedaan REF TAAK" / "later REF TAAK reden" (bot/cases/deadlines.py);
- "link_team_channel": "koppel ORGANISATIE" in a team channel, by a handler of that
  organisation, links the channel to it;
- "installed": the bot was added to someone's personal chat; it says what it does, and
  to a handler that cases will arrive there;
- "send_evidence", "evidence_consent": an evidence file to the handler who asks, and
  the Teams file consent's answer (bot/cases/evidence.py).
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, replace
from datetime import date, datetime

from bot.cases.acknowledge import AckStatus, acknowledge_case, acknowledged_state
from bot.cases.audit import refused
from bot.cases.closing import CloseInput, CloseRefused, close_case, summary_text
from bot.cases.deadlines import ActionOutcome, apply_deadline_action, task
from bot.cases.evaluation import evaluation_form, parse_evaluation, save_evaluation
from bot.cases.evidence import (
    EVIDENCE_CONSENT_VERB,
    SEND_EVIDENCE_VERB,
    EvidenceAsk,
    answer_consent,
    offer_evidence,
)
from bot.cases.notices import (
    HANDLER,
    TEAM,
    CaseCardRefresh,
    Refusal,
    ReminderAnswer,
    ReminderFacts,
)
from bot.cases.responses import CaseWorkRefused, ResponseInput, add_note, record_response
from bot.cases.steps import tick_step
from bot.cases.view import case_details, readable_case, refusal, view_case
from bot.cases.view_text import checklist_text
from bot.domain.audit import AuditAction
from bot.domain.deadlines import DeadlineKind
from bot.domain.permissions import is_reporter, is_staff, may_act, may_link_channel
from bot.domain.records import CaseRecord, DeadlineState, Person
from bot.domain.reminder_plan import ReminderPolicy
from bot.errors import UserError
from bot.ports import Tx
from bot.reference.loader import find_organisation
from bot.text.catalogue import say
from bot.text.format import short_moment
from dialogs.flows.handler_commands import Action
from dialogs.messages import CardAction, ConversationKey, Outbound

log = logging.getLogger(__name__)

ACKNOWLEDGE_VERB = "acknowledge"
DEADLINE_DONE_VERB = "deadline_done"
DEADLINE_LATER_VERB = "deadline_later"
LINK_TEAM_CHANNEL_VERB = "link_team_channel"
INSTALLED_VERB = "installed"
REASON_FIELD = "reason"  # what a reminder card's "Later" form sends the reason as

# The handler's case work (issue 11). Every press sends `reference` (the case, "WB-...";
# `case` is read as well). The answer is a `CaseDetails` (its `status_line` says what
# changed), a `CaseClosed`, or a `Refusal` when nothing was done.
# - "view_case" ("Bekijk melding"): only in a personal chat (`CardAction.shared` False);
VIEW_CASE_VERB = "view_case"
# - "tick_step": `step` "1".."9" or "hulpofficier", `value` one of that step's options
#   (step 4 "melding"/"aangifte"; step 8 "politiedossier"/"openbaar_ministerie"/
#   "niet_strafbaar"; hulpofficier "gevraagd"/"niet_gevraagd"), empty for a plain tick;
TICK_STEP_VERB = "tick_step"
# - "record_response": `response` a Response value, `measure` a Measure value or empty,
#   `until` the measures' end date (YYYY-MM-DD), `damages` "true"/"false" (schade
#   verhaald), `note` a short note (encrypted, never shown to the reporter);
RECORD_RESPONSE_VERB = "record_response"
# - "add_note": `note`, an internal note on the case (encrypted);
ADD_NOTE_VERB = "add_note"
# - "close_case": `no_response` "pleger_onbekend" or empty; `reason` why no response
#   although the reporter named the perpetrator; `override` why the case closes with its
#   Arbeidsinspectie or police step open;
CLOSE_CASE_VERB = "close_case"
# - "acknowledge" also takes `parties`: the InformedParty values the handler keeps (a
#   list, or a comma-separated string); absent: the suggested ones.
PARTIES_FIELD = "parties"
# - "evaluate" (issue 12): without `severity`, the evaluation form (`EvaluationForm`);
#   with `severity` and `recurrence` ("laag"/"middel"/"hoog"), `cause`, `similar`,
#   `recommendations` (free text, encrypted) and `shared` ("true": the lessons go to the
#   coordinator VPT), the evaluation is stored (bot/cases/evaluation.py).
EVALUATE_VERB = "evaluate"


@dataclass(frozen=True)
class ActionContext:
    """One press: who pressed (None when not enrolled), where, what, and when."""

    person: Person | None
    key: ConversationKey
    action: CardAction
    policy: ReminderPolicy
    now: datetime

    def field(self, name: str) -> str:
        value = self.action.data.get(name)
        return value.strip() if isinstance(value, str) else ""


UseCase = Callable[[Tx, ActionContext], Awaitable[Outbound]]


async def acknowledge_press(tx: Tx, ctx: ActionContext) -> Outbound:
    """ "In behandeling nemen": the answer is the case card as it is now, or why not."""
    reference = ctx.action.data.get("reference")
    if not isinstance(reference, str) or not reference:
        text = say("ack_unknown_case", reference=str(reference or "-"))
        return Outbound(text, notice=Refusal(text))
    card_id = ctx.action.card_message_id or ""
    copy = await tx.conversations.card_by_message(ctx.key.channel, card_id) if card_id else None
    audience = copy.audience if copy else HANDLER
    # A personal chat's card is replaced by the answer to the press; a team channel's card
    # is seen by others too, so it is refreshed through the outbox as well.
    clicked = (ctx.key.channel, card_id) if audience == HANDLER else None
    actor_id = ctx.person.id if ctx.person else None
    outcome = await acknowledge_case(
        tx, actor_id, reference, ctx.now, clicked, channel=ctx.key.channel, parties=_parties(ctx)
    )
    if outcome.status in (AckStatus.ACKNOWLEDGED, AckStatus.ALREADY):
        assert outcome.card is not None
        state = acknowledged_state(outcome.by, outcome.at)
        return Outbound(
            outcome.text, notice=CaseCardRefresh(card_id, audience, outcome.card, state)
        )
    return Outbound(outcome.text, notice=Refusal(outcome.text, outcome.card))


def _parties(ctx: ActionContext) -> tuple[str, ...] | None:
    """The informed parties the acknowledge press keeps: a list, or a comma-separated
    string (an Adaptive Card's Input.ChoiceSet with isMultiSelect sends that); None when
    the press does not say (then every suggested party is told)."""
    value = ctx.action.data.get(PARTIES_FIELD)
    if isinstance(value, str):
        return tuple(p.strip() for p in value.split(",") if p.strip())
    if isinstance(value, list):
        return tuple(str(p) for p in value)
    return None


async def deadline_press(tx: Tx, ctx: ActionContext) -> Outbound:
    """ "Gedaan" or "Later" on a reminder card: the same card with what the press did, and
    without its buttons once the deadline is done."""
    reference, kind = ctx.field("reference"), ctx.field("deadline")
    reason = ctx.field(REASON_FIELD)
    action = Action.DONE if ctx.action.verb == DEADLINE_DONE_VERB else Action.LATER
    # The card is drawn again from what its buttons sent back; only the task is taken
    # from our own texts, never from the data.
    facts = ReminderFacts.from_dict({k: v for k, v in ctx.action.data.items() if k != REASON_FIELD})
    facts = replace(facts, task=task(kind) if kind in set(DeadlineKind) else "-")
    if not reference:
        outcome = ActionOutcome(False, say("not_allowed"))
    else:
        outcome = await apply_deadline_action(
            tx,
            ctx.person.id if ctx.person else None,
            reference,
            kind,
            action,
            reason,
            ctx.policy,
            ctx.now,
            ctx.key.channel,
        )
    done = await _done_line(tx, outcome)
    if done is not None:
        answer = ReminderAnswer(facts, done, good=True, buttons=False)
    elif outcome.ok and outcome.snoozed_until is not None:
        status = say(
            "reminder_card_snoozed", until=short_moment(outcome.snoozed_until), reason=reason
        )
        answer = ReminderAnswer(facts, status, good=True, buttons=True)
    else:
        log.info("reminder card action refused verb=%s", ctx.action.verb)
        # Still open (a reason was missing): the buttons stay. Otherwise nothing to press.
        answer = ReminderAnswer(
            facts, outcome.text, good=False, buttons=outcome.state == DeadlineState.OPEN
        )
    return Outbound(answer.status, notice=answer)


async def _done_line(tx: Tx, outcome: ActionOutcome) -> str | None:
    """The line "Gedaan door NAME op TIME" when the deadline is done now (by this press
    or an earlier one), else None."""
    if outcome.state != DeadlineState.DONE or outcome.reference is None:
        return None
    case = await tx.cases.case_by_reference(outcome.reference)
    if case is None:
        return None
    for deadline in await tx.deadlines.deadlines(case.id):
        if deadline.kind == outcome.kind and deadline.done_at is not None:
            return say(
                "reminder_card_done_by",
                name=deadline.done_by or "-",
                time=short_moment(deadline.done_at),
            )
    return outcome.text


async def link_team_channel(tx: Tx, ctx: ActionContext) -> Outbound:
    """ "koppel ORGANISATIE" in a team channel: `data` holds the organisation as typed and
    the channel's conversation reference (what proactive posts to it need)."""
    wanted, reference = ctx.field("organisation"), ctx.action.data.get("reference")
    orgs = await tx.people.organisations()
    org = find_organisation([o for _i, o in orgs], wanted) if wanted else None
    if org is None or not isinstance(reference, dict):
        return Outbound(say("teams_link_unknown_org", text=wanted))
    org_id = next(i for i, o in orgs if o.slug == org.slug)
    if not may_link_channel(ctx.person, org_id):
        log.info("team channel link refused org=%s", org.slug)
        return Outbound(say("teams_link_refused", org=org.name))
    await tx.conversations.link_team_channel(org_id, reference)
    log.info("team channel linked org=%s", org.slug)
    return Outbound(say("teams_link_done", org=org.name))


async def welcome(_tx: Tx, ctx: ActionContext) -> Outbound:
    """The first words in a new personal chat: what the bot does, how to report, and for
    someone who works cases that new cases will arrive in this chat."""
    if ctx.person is None:
        return Outbound(say("unknown_sender"))
    parts = [say("welcome")]
    if is_reporter(ctx.person):
        parts.append(say("welcome_reporter"))
    if is_staff(ctx.person):
        parts.append(say("welcome_handler"))
    return Outbound("\n\n".join(parts))


# --- the handler's case work (issue 11) -------------------------------------------------


def _case_reference(ctx: ActionContext) -> str:
    return ctx.field("reference") or ctx.field("case")


async def _shared(tx: Tx, ctx: ActionContext) -> bool:
    """The press came from a conversation others see (a team channel's card)."""
    if ctx.action.shared:
        return True
    card_id = ctx.action.card_message_id
    copy = await tx.conversations.card_by_message(ctx.key.channel, card_id) if card_id else None
    return copy is not None and copy.audience == TEAM


async def view_case_press(tx: Tx, ctx: ActionContext) -> Outbound:
    """ "Bekijk melding": the whole case, only into the presser's personal chat."""
    shared = await _shared(tx, ctx)
    return await view_case(tx, ctx.person, _case_reference(ctx), ctx.key.channel, ctx.now, shared)


async def workable_case(tx: Tx, ctx: ActionContext, attempt: AuditAction) -> CaseRecord | Outbound:
    """The case when the presser may work it here; else the refusal (audited)."""
    found = await readable_case(
        tx, ctx.person, _case_reference(ctx), ctx.key.channel, attempt, ctx.now
    )
    if isinstance(found, Outbound):
        return found
    if not may_act(ctx.person, found) or await _shared(tx, ctx):
        await refused(
            tx, found, ctx.person.id if ctx.person else None, ctx.key.channel, attempt, ctx.now
        )
        return refusal(say("case_not_yours", reference=found.reference))
    return found


async def _details_answer(
    tx: Tx, case: CaseRecord, status: str, now: datetime, refused: bool = False
) -> Outbound:
    """After a press: the status line and the case's checklist as text; the whole case
    (with the status line) as the notice a card draws. `refused`: the press changed
    nothing and the status line says why and what to do; the case card stays, so who
    works the case never loses it for a refusal (one who may not work it never gets here)."""
    current = await tx.cases.case(case.id) or case
    details = await case_details(tx, current, now, status_line=status, status_refused=refused)
    return Outbound(
        status + "\n\n" + checklist_text(details.reference, details.steps), notice=details
    )


async def tick_step_press(tx: Tx, ctx: ActionContext) -> Outbound:
    found = await workable_case(tx, ctx, AuditAction.STEP)
    if isinstance(found, Outbound):
        return found
    assert ctx.person is not None
    outcome = await tick_step(
        tx,
        found,
        ctx.person,
        ctx.field("step"),
        ctx.field("value") or None,
        ctx.key.channel,
        ctx.now,
    )
    if not outcome.changed:
        return await _details_answer(tx, found, outcome.text, ctx.now, refused=True)
    return await _details_answer(tx, found, outcome.text, ctx.now)


def _flag(value: object) -> bool:
    if isinstance(value, bool):
        return value
    return isinstance(value, str) and value.strip().lower() in ("true", "1", "ja", "yes", "on")


async def record_response_press(tx: Tx, ctx: ActionContext) -> Outbound:
    found = await workable_case(tx, ctx, AuditAction.RESPONSE)
    if isinstance(found, Outbound):
        return found
    assert ctx.person is not None
    until_text = ctx.field("until")
    try:
        until = date.fromisoformat(until_text) if until_text else None
    except ValueError:
        text = say("response_until_unreadable", text=until_text)
        return await _details_answer(tx, found, text, ctx.now, refused=True)
    given = ResponseInput(
        kind=ctx.field("response"),
        measure=ctx.field("measure") or None,
        until=until,
        damages_recovered=_flag(ctx.action.data.get("damages")),
        note=ctx.field("note"),
    )
    try:
        status = await record_response(
            tx, found, ctx.person, given, ctx.key.channel, ctx.policy, ctx.now
        )
    except CaseWorkRefused as error:
        return await _details_answer(tx, found, error.reply, ctx.now, refused=True)
    return await _details_answer(tx, found, status, ctx.now)


async def add_note_press(tx: Tx, ctx: ActionContext) -> Outbound:
    found = await workable_case(tx, ctx, AuditAction.NOTE)
    if isinstance(found, Outbound):
        return found
    assert ctx.person is not None
    try:
        status = await add_note(tx, found, ctx.person, ctx.field("note"), ctx.key.channel, ctx.now)
    except CaseWorkRefused as error:
        return await _details_answer(tx, found, error.reply, ctx.now, refused=True)
    return await _details_answer(tx, found, status, ctx.now)


async def close_case_press(tx: Tx, ctx: ActionContext) -> Outbound:
    found = await workable_case(tx, ctx, AuditAction.CLOSE)
    if isinstance(found, Outbound):
        return found
    assert ctx.person is not None
    given = CloseInput(ctx.field("no_response") or None, ctx.field("reason"), ctx.field("override"))
    try:
        summary = await close_case(tx, found, ctx.person, given, ctx.key.channel, ctx.now)
    except CloseRefused as error:
        return await _details_answer(tx, found, error.dutch, ctx.now, refused=True)
    return Outbound(summary_text(summary), notice=summary)


async def evaluate_press(tx: Tx, ctx: ActionContext) -> Outbound:
    found = await workable_case(tx, ctx, AuditAction.EVALUATE)
    if isinstance(found, Outbound):
        return found
    assert ctx.person is not None
    if not ctx.field("severity"):
        current = await tx.evaluations.evaluation(found.id)
        form = evaluation_form(found, current)
        return Outbound(say("evaluation_form_intro", reference=found.reference), notice=form)
    data = {**ctx.action.data, "shared": "true" if _flag(ctx.action.data.get("shared")) else ""}
    try:
        given = parse_evaluation(data)
        saved = await save_evaluation(
            tx, ctx.person, found.reference, given, ctx.key.channel, ctx.now
        )
    except UserError as error:
        return refusal(error.reply)
    text = say("evaluation_saved", reference=found.reference)
    return Outbound(text, notice=evaluation_form(found, saved, saved=True))


async def send_evidence_press(tx: Tx, ctx: ActionContext) -> Outbound:
    """A file's button on the case card: the file's own message answers it (an empty
    answer), or a line says why not."""
    evidence = ctx.action.data.get("evidence")
    ask = EvidenceAsk(
        ctx.person,
        ctx.key,
        ctx.field("reference"),
        evidence_id=evidence if type(evidence) is int else -1,
    )
    return Outbound(await offer_evidence(tx, ask, ctx.now) or "")


async def evidence_consent_press(tx: Tx, ctx: ActionContext) -> Outbound:
    """A Teams file consent answered: queues the upload (or a line); the invoke itself
    is answered with an empty 200."""
    context, upload = ctx.action.data.get("context"), ctx.action.data.get("upload")
    await answer_consent(
        tx,
        ctx.person,
        ctx.key,
        ctx.field("action"),
        context if isinstance(context, dict) else {},
        {k: v for k, v in upload.items() if isinstance(v, str)} if isinstance(upload, dict) else {},
        ctx.now,
    )
    return Outbound("")


ACTIONS: dict[str, UseCase] = {
    ACKNOWLEDGE_VERB: acknowledge_press,
    DEADLINE_DONE_VERB: deadline_press,
    DEADLINE_LATER_VERB: deadline_press,
    LINK_TEAM_CHANNEL_VERB: link_team_channel,
    INSTALLED_VERB: welcome,
    SEND_EVIDENCE_VERB: send_evidence_press,
    EVIDENCE_CONSENT_VERB: evidence_consent_press,
    VIEW_CASE_VERB: view_case_press,
    TICK_STEP_VERB: tick_step_press,
    RECORD_RESPONSE_VERB: record_response_press,
    ADD_NOTE_VERB: add_note_press,
    CLOSE_CASE_VERB: close_case_press,
    EVALUATE_VERB: evaluate_press,
}


async def run_action(tx: Tx, ctx: ActionContext) -> Outbound:
    """The use case for the press's verb; an unknown verb changes nothing and says so."""
    use_case = ACTIONS.get(ctx.action.verb)
    if use_case is None:
        log.info("card action with an unknown verb")
        text = say("reminder_card_unknown_action")
        return Outbound(text, notice=Refusal(text))
    return await use_case(tx, ctx)
