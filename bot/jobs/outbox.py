"""Delivering the outbox: claim due rows, hand each to its channel, back off on failure.

Every proactive message goes this way, on every channel, and so does every reply of a
turn that its adapter could not send at once. One conversation's rows go out strictly in
the order written: a round sends each claimed conversation's rows in sequence and stops
that conversation at the first failure (the failed row stays its head and blocks the rest);
conversations are sent side by side, so none waits for another. A channel's `send`
returns a receipt; the worker records what the core needs of it (which message shows a
case card, bot/cases/case_cards.py; that an evidence file reached the person,
bot/cases/evidence.py). Also here, for the adapters: `StoredReferences` (where
a channel keeps its conversation references) and `TurnReplyOutbox` (how a turn's own
sends went: sent rows marked, the rest left to the worker).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Collection, Sequence
from datetime import datetime, timedelta
from itertools import groupby
from typing import Any

from bot.cases.case_cards import record_sent, shows_a_case_card, up_to_date
from bot.cases.evidence import carries_a_file, record_delivery, with_file
from bot.cases.notices import notice_from_dict
from bot.domain.records import TEAM_RECIPIENT_PREFIX, OutboxItem
from bot.jobs.backoff import backoff_delay
from bot.ports import Channel, DeliveryError, Store, rows_of
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
    channel with cards draws (bot/cases/notices/)."""
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
        parallel: int = 8,
    ) -> None:
        self.store = store
        self.channels = channels
        self.clock = clock
        self.batch = batch
        self._parallel = asyncio.Semaphore(parallel)  # conversations sent at once

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
        conversations = [
            list(rows) for _key, rows in groupby(due, key=lambda i: (i.channel, i.recipient))
        ]
        sent = await asyncio.gather(*(self._conversation(rows) for rows in conversations))
        return sum(sent)

    async def _conversation(self, items: list[OutboxItem]) -> int:
        """One conversation's claimed rows, strictly in order; at the first failure the
        rest are released (they stay behind the failed row, which keeps its backoff)."""
        async with self._parallel:
            for n, item in enumerate(items):
                if not await self._deliver(item):
                    rest = [i.id for i in items[n + 1 :]]
                    if rest:
                        async with self.store.transaction() as tx:
                            now = self.clock()
                            await tx.outbox.settle([], rest, now, now, None)
                    return n
            return len(items)

    async def _deliver(self, item: OutboxItem) -> bool:
        channel = self.channels[item.channel]
        key = ConversationKey(item.channel, item.account, item.recipient)
        message = outbound_from(item.payload)
        try:
            if shows_a_case_card(message):
                async with self.store.transaction() as tx:
                    message = await up_to_date(tx, message)
            # Decrypted now, never kept in the row; and only when this channel sends bytes.
            if carries_a_file(message, channel.file_notice_kinds):
                async with self.store.transaction() as tx:
                    message = await with_file(tx, message)
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
                    item.id,
                    self.clock() + timedelta(seconds=delay),
                    exc.reason,
                    held=exc.retry_after is not None,
                )
            return False
        except Exception:
            log.exception("outbox delivery crashed id=%s channel=%s", item.id, item.channel)
            async with self.store.transaction() as tx:
                await tx.outbox.mark_retry(
                    item.id,
                    self.clock() + timedelta(seconds=retry_delay(item.attempts, None)),
                    "unexpected error",
                )
            return False
        async with self.store.transaction() as tx:
            now = self.clock()
            await tx.outbox.mark_sent(item.id, now)
            message_id = receipt.message_id if receipt else None
            await record_sent(tx, item.channel, item.recipient, message.notice, message_id, now)
            await record_delivery(tx, item.channel, message.notice, receipt, now)
        return True


class TurnReplyOutbox:
    """`bot.ports.ReplyOutbox` on the outbox: after an adapter's own sends of a turn's
    replies, the sent rows are marked sent and the rest become the worker's, in order (at
    once, or after the wait the channel asked for); a reply without a row is queued as text
    behind them. One short transaction, none when there is nothing to record."""

    def __init__(self, store: Store, clock: Callable[[], datetime]) -> None:
        self._store = store
        self._clock = clock

    async def settle(
        self,
        key: ConversationKey,
        replies: Sequence[Outbound],
        sent: int,
        failure: DeliveryError | None = None,
    ) -> None:
        rows = rows_of(replies)
        done = [r for r in rows[:sent] if r is not None]
        left = [r for r in rows[sent:] if r is not None]
        unkept = [m for m, r in zip(replies[sent:], rows[sent:], strict=True) if r is None]
        if not (done or left or unkept):
            return
        now = self._clock()
        wait = retry_delay(0, failure.retry_after) if failure is not None else 0.0
        due = now + timedelta(seconds=wait)
        async with self._store.transaction() as tx:
            await tx.outbox.settle(
                done,
                left,
                now,
                due,
                failure.reason if failure else None,
                held=failure is not None and failure.retry_after is not None,
            )
            for reply in unkept:
                await tx.outbox.enqueue(
                    key.channel, key.account, key.user, {"text": as_text(reply)}, now, due=due
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
