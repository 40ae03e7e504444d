"""Wiring the Teams channel into a running app: built from settings, served on the web app.

- `StoredReferences`: conversation references in the database (an enrolled person's on
  their identity, everyone else's in `teams_conversations`, a linked team channel's on its
  organisation), so any replica can send proactively.
- `TeamsOutboxChannel`: what the outbox delivers Teams rows through. It turns neutral
  notices into cards (a routed case becomes the handler's card, or the team channel's card
  without names, a reminder a card with "Gedaan" and "Later", a check-in a card with its
  answers as buttons), remembers which message shows which case's card, refreshes cards in
  place, and keeps to Teams' limit of 7 messages per second per conversation.
- `QueuedReplies`: replies the connector refused during a turn go to the outbox.
- What card presses and team-channel lines do: adapters/teams_actions.py.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import OrderedDict, deque
from collections.abc import Awaitable, Callable
from datetime import datetime
from typing import Any

from aiohttp import web

from adapters.teams.actions import TeamChannelLinks, card_actions
from adapters.teams.adapter import TeamsAdapter
from adapters.teams.handler_cards import (
    HANDLER,
    TEAM,
    case_card,
    reminder_card,
)
from adapters.teams.keys import without_names
from bot.app import Weerbaar
from bot.cases.acknowledge import acknowledged_state
from bot.domain.records import TEAM_RECIPIENT_PREFIX
from bot.ports import DeliveryError, Store
from bot.text.catalogue import say
from bot.text.format import short_moment
from dialogs.messages import ConversationKey, Outbound, as_text

log = logging.getLogger(__name__)

MESSAGES_PER_SECOND = 7  # Teams' limit per bot per conversation


class QueuedReplies:
    """`adapters.teams.adapter.Undelivered` on the outbox: a reply the connector refused during
    a turn is queued as text and retried like any proactive message."""

    def __init__(self, store: Store, clock: Callable[[], Any]) -> None:
        self._store = store
        self._clock = clock

    async def __call__(self, key: ConversationKey, replies: list[Outbound]) -> None:
        async with self._store.transaction() as tx:
            for reply in replies:
                await tx.outbox.enqueue(
                    "teams", "", key.user, {"text": as_text(reply)}, self._clock()
                )


class StoredReferences:
    """`adapters.teams.adapter.ReferenceStore` on the database. Saving is skipped when the same
    reference was saved by this process before (it is the same on nearly every turn)."""

    def __init__(self, store: Store, clock: Callable[[], Any], cache_size: int = 10_000) -> None:
        self._store = store
        self._clock = clock
        self._saved: OrderedDict[str, dict[str, object]] = OrderedDict()
        self._cache_size = cache_size

    async def save(self, key: ConversationKey, reference: dict[str, object]) -> None:
        reference = without_names(reference)
        if self._saved.get(key.user) == reference:
            return
        async with self._store.transaction() as tx:
            if not await tx.people.set_reference("teams", "aad", key.user, reference):
                # Not enrolled (yet), or a team channel / group chat.
                await tx.conversations.save_conversation(key.user, reference, self._clock())
        self._saved[key.user] = reference
        self._saved.move_to_end(key.user)
        if len(self._saved) > self._cache_size:
            self._saved.popitem(last=False)

    async def load(self, key: ConversationKey) -> dict[str, object] | None:
        async with self._store.transaction() as tx:
            if key.user.startswith(TEAM_RECIPIENT_PREFIX):
                slug = key.user.removeprefix(TEAM_RECIPIENT_PREFIX)
                return await tx.conversations.team_channel_by_slug(slug)
            found = await tx.people.reference("teams", "aad", key.user)
            if found is None:
                found = await tx.conversations.conversation(key.user)
                if found is not None:  # installed before being enrolled: keep it with them
                    await tx.people.set_reference("teams", "aad", key.user, found)
            return found


class ConversationRateLimiter:
    """At most `rate` sends per `per` seconds per conversation (a sliding window)."""

    def __init__(
        self,
        rate: int = MESSAGES_PER_SECOND,
        per: float = 1.0,
        monotonic: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self.rate, self.per = rate, per
        self._monotonic, self._sleep = monotonic, sleep
        self._sent: dict[str, deque[float]] = {}

    async def acquire(self, conversation: str) -> None:
        while True:
            now = self._monotonic()
            sent = self._sent.setdefault(conversation, deque())
            while sent and sent[0] <= now - self.per:
                sent.popleft()
            if len(sent) < self.rate:
                sent.append(now)
                return
            await self._sleep(sent[0] + self.per - now)

    def forget_idle(self) -> None:
        """Drop conversations with nothing in their window (keeps the dict small)."""
        now = self._monotonic()
        for conversation in [c for c, s in self._sent.items() if not s or s[-1] <= now - self.per]:
            del self._sent[conversation]


def _notice(message: Outbound) -> dict[str, Any] | None:
    """The neutral notice an outbox row carries in `Outbound.card`, if it is one (and not
    an Adaptive Card that a dialog built itself)."""
    card = message.card
    if isinstance(card, dict) and isinstance(card.get("kind"), str) and "type" not in card:
        return card
    return None


def reminder_facts(notice: dict[str, Any]) -> dict[str, Any]:
    """A reminder notice with its times written as Dutch readers read them."""
    facts = dict(notice)
    for field in ("due", "planned"):
        value = notice.get(field)
        if isinstance(value, str) and value:
            try:
                facts[field] = short_moment(datetime.fromisoformat(value))
            except ValueError:
                facts[field] = value
    return facts


class TeamsOutboxChannel:
    """The outbox's Teams channel (`adapters.base.Channel`): notices become cards."""

    name = "teams"

    def __init__(
        self,
        adapter: TeamsAdapter,
        store: Store,
        clock: Callable[[], Any],
        limiter: ConversationRateLimiter | None = None,
    ) -> None:
        self.adapter = adapter
        self._store = store
        self._clock = clock
        self.limiter = limiter or ConversationRateLimiter()
        self._sends = 0

    async def send(self, key: ConversationKey, message: Outbound) -> None:
        notice = _notice(message)
        kind = notice.get("kind") if notice else None
        if notice is not None and kind == "case_routed":
            await self._send_case_card(key, message.text, notice)
        elif notice is not None and kind == "case_card_refresh":
            card = case_card(
                notice["case"], str(notice.get("audience") or HANDLER), notice.get("acknowledged")
            )
            await self._limited(key)
            await self.adapter.update_card(key, str(notice["message_id"]), card)
        elif notice is not None and kind == "reminder":
            await self._limited(key)
            await self.adapter.send(
                key, Outbound(message.text, card=reminder_card(reminder_facts(notice)))
            )
        else:
            # Text, with any choices as buttons (a check-in's answers come back as an
            # ordinary message with `Inbound.choice` set).
            await self._limited(key)
            await self.adapter.send(
                key,
                Outbound(
                    message.text,
                    choices=message.choices,
                    multi=message.multi,
                    summary=message.summary,
                    card=None if notice else message.card,
                ),
            )

    async def _limited(self, key: ConversationKey) -> None:
        await self.limiter.acquire(key.user)
        self._sends += 1
        if self._sends % 1000 == 0:
            self.limiter.forget_idle()

    async def _send_case_card(self, key: ConversationKey, text: str, facts: dict[str, Any]) -> None:
        audience = TEAM if key.user.startswith(TEAM_RECIPIENT_PREFIX) else HANDLER
        case_id = int(facts["case_id"])
        state = await self._acknowledged(case_id)
        await self._limited(key)
        message_id = await self.adapter.send_and_get_id(
            key, Outbound(text, card=case_card(facts, audience, state))
        )
        if not message_id:
            log.warning("case card sent without a message id case_id=%s", case_id)
            return
        async with self._store.transaction() as tx:
            await tx.conversations.record_card(
                case_id, self.name, key.user, message_id, audience, self._clock()
            )
        if state is None:
            # Taken in hand while this card was on its way: the acknowledgement could not
            # see this copy yet, so bring it up to date here.
            now_state = await self._acknowledged(case_id)
            if now_state is not None:
                try:
                    await self._limited(key)
                    await self.adapter.update_card(
                        key, message_id, case_card(facts, audience, now_state)
                    )
                except DeliveryError as error:
                    log.warning("late card refresh failed case_id=%s: %s", case_id, error.reason)

    async def _acknowledged(self, case_id: int) -> dict[str, Any] | None:
        async with self._store.transaction() as tx:
            case = await tx.cases.case(case_id)
        if case is None or case.acknowledged_at is None:
            return None
        return acknowledged_state(case.acknowledged_by, case.acknowledged_at)


def teams_adapter(app: Weerbaar) -> TeamsAdapter | None:
    """The Teams adapter as the settings describe it; None when Teams is off."""
    settings = app.settings
    if not settings.teams_enabled:
        return None
    assert settings.teams_app_id and settings.teams_app_password and settings.teams_tenant_id
    extra: dict[str, Any] = {}
    if settings.teams_openid_metadata_url:
        extra["openid_metadata_url"] = settings.teams_openid_metadata_url
    return TeamsAdapter(
        app_id=settings.teams_app_id,
        app_password=settings.teams_app_password.get_secret_value(),
        tenant_id=settings.teams_tenant_id,
        handler=app.service,
        references=StoredReferences(app.store, app.clock),
        card_actions=card_actions(app),
        channel_messages=TeamChannelLinks(app.store),
        token_url=settings.teams_token_url,
        max_file_bytes=settings.max_file_bytes,
        submit_label=say("card_submit"),
        undelivered=QueuedReplies(app.store, app.clock),
        **extra,
    )


def attach_teams(app: Weerbaar, web_app: web.Application) -> TeamsAdapter | None:
    """When Teams is configured: serve `POST /api/messages` on `web_app` and register the
    outbox channel. Returns the adapter (closed with the web app), or None."""
    adapter = teams_adapter(app)
    if adapter is None:
        return None
    adapter.add_routes(web_app)
    app.add_channel(TeamsOutboxChannel(adapter, app.store, app.clock))
    log.info("Teams channel on: POST /api/messages for app %s", app.settings.teams_app_id)
    return adapter
