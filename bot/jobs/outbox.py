"""Delivering the outbox: claim due rows, hand each to its channel, back off on failure.

Every proactive message goes this way, on every channel. A channel's `send` returns a
receipt; the worker records what the core needs of it (which message shows a case card,
bot/cases/case_cards.py). Also here, for the adapters: `StoredReferences` (where a channel
keeps its conversation references) and `QueuedReplies` (a turn's replies the channel could
not deliver, queued as text).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Collection
from datetime import datetime, timedelta
from typing import Any

from bot.cases.case_cards import record_sent, shows_a_case_card, up_to_date
from bot.cases.notices import notice_from_dict
from bot.domain.records import TEAM_RECIPIENT_PREFIX
from bot.jobs.backoff import backoff_delay
from bot.ports import Channel, DeliveryError, Store
from bot.turns import USER_KIND
from dialogs.messages import Choice, ConversationKey, Outbound, as_text

log = logging.getLogger(__name__)

FIRST_BACKOFF = 1.0  # seconds before the first retry, doubling from there
MAX_BACKOFF = 900.0  # seconds: a notice is retried at least every 15 minutes, never dropped


def retry_delay(attempts: int, retry_after: float | None) -> float:
    """Seconds until the next try (bot/jobs/backoff.py); a channel's Retry-After wins when
    longer."""
    delay = backoff_delay(attempts, base=FIRST_BACKOFF, cap=MAX_BACKOFF)
    return max(delay, retry_after or 0.0)


def outbound_from(payload: dict[str, Any]) -> Outbound:
    """The message an outbox row holds: its text, its choices, and the typed notice a
    channel with cards draws (bot/cases/notices.py)."""
    choices = tuple(
        Choice(str(c["value"]), str(c["label"]))
        for c in payload.get("choices") or ()
        if isinstance(c, dict)
    )
    return Outbound(
        text=str(payload.get("text", "")),
        choices=choices,
        notice=notice_from_dict(payload.get("notice")),
    )


class OutboxWorker:
    def __init__(
        self,
        store: Store,
        channels: dict[str, Channel],
        clock: Callable[[], datetime],
        batch: int = 50,
    ) -> None:
        self.store = store
        self.channels = channels
        self.clock = clock
        self.batch = batch

    async def run_once(
        self, channels: Collection[str] | None = None, recipient: str | None = None
    ) -> int:
        """Deliver what is due now; returns how many were sent.

        `channels` limits the run to some of the registered channels and `recipient` to
        one person's rows: the local chat delivers only what waits for its own handle.
        """
        names = [n for n in self.channels if channels is None or n in channels]
        if not names:
            return 0
        async with self.store.transaction() as tx:
            due = await tx.outbox.claim_due(self.clock(), names, self.batch, recipient=recipient)
        sent = 0
        for item in due:
            channel = self.channels[item.channel]
            key = ConversationKey(item.channel, item.account, item.recipient)
            message = outbound_from(item.payload)
            try:
                if shows_a_case_card(message):
                    async with self.store.transaction() as tx:
                        message = await up_to_date(tx, message)
                receipt = await channel.send(key, message)
            except DeliveryError as exc:
                delay = retry_delay(item.attempts, exc.retry_after)
                log.warning(
                    "outbox delivery failed id=%s channel=%s reason=%s retry_in=%.1fs",
                    item.id,
                    item.channel,
                    exc.reason,
                    delay,
                )
                async with self.store.transaction() as tx:
                    await tx.outbox.mark_retry(
                        item.id, self.clock() + timedelta(seconds=delay), exc.reason
                    )
                continue
            except Exception:
                log.exception("outbox delivery crashed id=%s channel=%s", item.id, item.channel)
                async with self.store.transaction() as tx:
                    await tx.outbox.mark_retry(
                        item.id,
                        self.clock() + timedelta(seconds=retry_delay(item.attempts, None)),
                        "unexpected error",
                    )
                continue
            async with self.store.transaction() as tx:
                now = self.clock()
                await tx.outbox.mark_sent(item.id, now)
                message_id = receipt.message_id if receipt else None
                await record_sent(tx, item.channel, item.recipient, message.notice, message_id, now)
            sent += 1
        return sent


class QueuedReplies:
    """`bot.ports.ReplyQueue` on the outbox: a reply the channel refused during a turn is
    queued as text and retried like any proactive message."""

    def __init__(self, store: Store, clock: Callable[[], datetime]) -> None:
        self._store = store
        self._clock = clock

    async def __call__(self, key: ConversationKey, replies: list[Outbound]) -> None:
        async with self._store.transaction() as tx:
            for reply in replies:
                await tx.outbox.enqueue(
                    key.channel, "", key.user, {"text": as_text(reply)}, self._clock()
                )


class StoredReferences:
    """`bot.ports.ConversationReferences` in the database: an enrolled person's on their
    identity, everyone else's in the conversations table, a linked team channel's on its
    organisation (its recipient is "org:SLUG")."""

    def __init__(self, store: Store, clock: Callable[[], datetime]) -> None:
        self._store = store
        self._clock = clock

    async def save(self, key: ConversationKey, reference: dict[str, object]) -> None:
        kind = USER_KIND.get(key.channel, "")
        async with self._store.transaction() as tx:
            if not await tx.people.set_reference(key.channel, kind, key.user, reference):
                # Not enrolled (yet), or a team channel / group chat.
                await tx.conversations.save_conversation(key.user, reference, self._clock())

    async def load(self, key: ConversationKey) -> dict[str, object] | None:
        kind = USER_KIND.get(key.channel, "")
        async with self._store.transaction() as tx:
            if key.user.startswith(TEAM_RECIPIENT_PREFIX):
                slug = key.user.removeprefix(TEAM_RECIPIENT_PREFIX)
                return await tx.conversations.team_channel_by_slug(slug)
            found = await tx.people.reference(key.channel, kind, key.user)
            if found is None:
                found = await tx.conversations.conversation(key.user)
                if found is not None:  # installed before being enrolled: keep it with them
                    await tx.people.set_reference(key.channel, kind, key.user, found)
            return found
