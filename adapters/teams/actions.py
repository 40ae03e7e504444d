"""What a press on a Teams card, or a line in a team channel, does.

- `CaseCardActions`: "In behandeling nemen" on a case card (bot/acknowledge.py does the
  work).
- `ReminderCardActions`: "Gedaan" and "Later" on a reminder card (bot/reminders.py does
  the work); `CardActions` hands each verb to its handler.
- `TeamChannelLinks`: "@Weerbaar koppel Zeist" in a team channel, by a handler of that
  organisation, links the channel to it.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime
from typing import Any

from adapters.teams.adapter import CardActionHandler
from adapters.teams.handler_cards import (
    ACKNOWLEDGE_VERB,
    DEADLINE_DONE_VERB,
    DEADLINE_LATER_VERB,
    HANDLER,
    REASON_FIELD,
    case_card,
    refusal_card,
    reminder_card,
)
from adapters.teams.keys import channel_reference
from bot.app import Weerbaar
from bot.cases.acknowledge import AckStatus, acknowledge_case, acknowledged_state
from bot.cases.deadlines import ActionOutcome, apply_deadline_action, task
from bot.domain.deadlines import DeadlineKind
from bot.domain.permissions import may_link_channel
from bot.domain.records import DeadlineState
from bot.domain.reminder_plan import ReminderPolicy
from bot.ports import Store, Tx
from bot.reference.loader import find_organisation
from bot.text.catalogue import say
from bot.text.format import short_moment
from dialogs.flows.handler_commands import Action
from dialogs.messages import ConversationKey

log = logging.getLogger(__name__)

_LINK_WORDS = frozenset({"koppel", "koppelen"})


class CaseCardActions:
    """`adapters.teams.adapter.CardActionHandler`: "In behandeling nemen" on a case card."""

    def __init__(self, store: Store, clock: Callable[[], Any]) -> None:
        self._store = store
        self._clock = clock

    async def on_card_action(
        self, key: ConversationKey, verb: str, data: dict[str, object], activity_id: str
    ) -> dict[str, object]:
        reference = data.get("reference")
        if verb != ACKNOWLEDGE_VERB or not isinstance(reference, str) or not reference:
            return refusal_card(say("ack_unknown_case", reference=str(reference or "-")))
        async with self._store.transaction() as tx:
            actor_id = await tx.people.find_person_id("teams", "aad", key.user)
            copy = await tx.conversations.card_by_message("teams", activity_id)
            audience = copy.audience if copy else HANDLER
            # A personal chat's card is replaced by the invoke answer; a team channel's
            # card is seen by others too, so it is refreshed through the outbox as well.
            clicked = ("teams", activity_id) if audience == HANDLER else None
            outcome = await acknowledge_case(tx, actor_id, reference, self._clock(), clicked)
        if outcome.status in (AckStatus.ACKNOWLEDGED, AckStatus.ALREADY):
            assert outcome.card is not None
            return case_card(outcome.card, audience, acknowledged_state(outcome.by, outcome.at))
        return refusal_card(outcome.text, outcome.card)


def _field(data: dict[str, object], name: str) -> str:
    value = data.get(name)
    return value.strip() if isinstance(value, str) else ""


class ReminderCardActions:
    """`adapters.teams.adapter.CardActionHandler`: "Gedaan" and "Later" on a reminder card.

    bot/reminders.py `apply_deadline_action` does the work, as for the typed commands; the
    answer is the same card with what the press did (and without buttons once done).
    """

    def __init__(self, store: Store, clock: Callable[[], datetime], policy: ReminderPolicy) -> None:
        self._store = store
        self._clock = clock
        self._policy = policy

    async def on_card_action(
        self, key: ConversationKey, verb: str, data: dict[str, object], activity_id: str
    ) -> dict[str, object]:
        reference, kind = _field(data, "reference"), _field(data, "deadline")
        action = Action.DONE if verb == DEADLINE_DONE_VERB else Action.LATER
        reason = _field(data, REASON_FIELD)
        # The card is drawn again from what its buttons sent back; only the task is
        # taken from our own texts, never from the data.
        facts = {k: v for k, v in data.items() if k != REASON_FIELD}
        facts["task"] = task(kind) if kind in set(DeadlineKind) else "-"
        async with self._store.transaction() as tx:
            actor_id = await tx.people.find_person_id("teams", "aad", key.user)
            if actor_id is None or not reference:
                outcome = ActionOutcome(False, say("not_allowed"), reference or None)
            else:
                outcome = await apply_deadline_action(
                    tx,
                    actor_id,
                    reference,
                    kind,
                    action,
                    reason,
                    policy=self._policy,
                    now=self._clock(),
                )
            done = await self._done(tx, outcome)
        if done is not None:
            return reminder_card(facts, done, "Good", actions=False)
        if outcome.ok and outcome.snoozed_until is not None:
            status = say(
                "reminder_card_snoozed", until=short_moment(outcome.snoozed_until), reason=reason
            )
            return reminder_card(facts, status, "Good")
        log.info("reminder card action refused verb=%s", verb)
        # Still open (a reason was missing): the buttons stay. Otherwise nothing to press.
        return reminder_card(
            facts, outcome.text, "Attention", actions=outcome.state == DeadlineState.OPEN
        )

    async def _done(self, tx: Tx, outcome: ActionOutcome) -> str | None:
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


class CardActions:
    """`adapters.teams.adapter.CardActionHandler`: each Action.Execute verb to its handler."""

    def __init__(self, by_verb: dict[str, CardActionHandler]) -> None:
        self._by_verb = by_verb

    async def on_card_action(
        self, key: ConversationKey, verb: str, data: dict[str, object], activity_id: str
    ) -> dict[str, object]:
        handler = self._by_verb.get(verb)
        if handler is None:
            log.info("card action with an unknown verb")
            return refusal_card(say("reminder_card_unknown_action"))
        return await handler.on_card_action(key, verb, data, activity_id)


class TeamChannelLinks:
    """`adapters.teams.adapter.ChannelMessageHandler`: "koppel ORGANISATIE" in a team channel."""

    def __init__(self, store: Store) -> None:
        self._store = store

    async def on_channel_message(
        self,
        sender: ConversationKey,
        conversation_type: str,
        text: str,
        reference: dict[str, object],
    ) -> str | None:
        if conversation_type != "channel":
            return None  # group chats: the standard reply
        word, _, rest = text.strip().partition(" ")
        if word.lower() not in _LINK_WORDS:
            return say("teams_link_help")
        try:
            return await self._link(sender, rest.strip(), reference)
        except Exception:
            log.exception("linking a team channel failed")
            return say("sorry_error")

    async def _link(
        self, sender: ConversationKey, wanted: str, reference: dict[str, object]
    ) -> str:
        async with self._store.transaction() as tx:
            orgs = await tx.people.organisations()
            org = find_organisation([o for _i, o in orgs], wanted) if wanted else None
            if org is None:
                return say("teams_link_unknown_org", text=wanted)
            org_id = next(i for i, o in orgs if o.slug == org.slug)
            person_id = await tx.people.find_person_id("teams", "aad", sender.user)
            person = await tx.people.person(person_id) if person_id is not None else None
            if not may_link_channel(person, org_id):
                log.info("team channel link refused org=%s", org.slug)
                return say("teams_link_refused", org=org.name)
            await tx.conversations.link_team_channel(org_id, channel_reference(reference))
        log.info("team channel linked org=%s", org.slug)
        return say("teams_link_done", org=org.name)


def card_actions(app: Weerbaar) -> CardActions:
    """Every Action.Execute the app's cards carry."""
    reminders = ReminderCardActions(app.store, app.clock, app.policy)
    return CardActions(
        {
            ACKNOWLEDGE_VERB: CaseCardActions(app.store, app.clock),
            DEADLINE_DONE_VERB: reminders,
            DEADLINE_LATER_VERB: reminders,
        }
    )
