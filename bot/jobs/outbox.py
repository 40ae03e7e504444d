"""Delivering the outbox: claim due rows, hand each to its channel, back off on failure."""

from __future__ import annotations

import logging
import random
from collections.abc import Callable, Collection
from datetime import datetime, timedelta
from typing import Any

from bot.ports import Channel, DeliveryError, Store
from dialogs.messages import Choice, ConversationKey, Outbound

log = logging.getLogger(__name__)

MAX_BACKOFF = 900.0  # seconds: a notice is retried at least every 15 minutes, never dropped


def backoff(attempts: int, retry_after: float | None) -> float:
    """Capped exponential backoff with jitter; a channel's Retry-After wins when longer."""
    base = min(MAX_BACKOFF, 2.0 ** min(attempts, 12))
    delay = base * (0.5 + random.random() / 2)
    return max(delay, retry_after or 0.0)


def outbound_from(payload: dict[str, Any]) -> Outbound:
    """The message an outbox row holds: its text, its choices, and the neutral notice a
    channel with cards renders (bot/cases.py, bot/sweep.py)."""
    choices = tuple(
        Choice(str(c["value"]), str(c["label"]))
        for c in payload.get("choices") or ()
        if isinstance(c, dict)
    )
    return Outbound(text=str(payload.get("text", "")), choices=choices, card=payload.get("notice"))


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
            try:
                await channel.send(key, outbound_from(item.payload))
            except DeliveryError as exc:
                delay = backoff(item.attempts, exc.retry_after)
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
                        self.clock() + timedelta(seconds=backoff(item.attempts, None)),
                        "unexpected error",
                    )
                continue
            async with self.store.transaction() as tx:
                await tx.outbox.mark_sent(item.id, self.clock())
            sent += 1
        return sent
