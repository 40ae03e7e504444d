"""Delivering the outbox: claim due rows, hand each to its channel, back off on failure."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from typing import Any

from bot.jobs.backoff import backoff_delay
from bot.ports import Channel, DeliveryError, Store
from dialogs.messages import Choice, ConversationKey, Outbound

log = logging.getLogger(__name__)

FIRST_BACKOFF = 1.0  # seconds before the first retry, doubling from there
MAX_BACKOFF = 900.0  # seconds: a notice is retried at least every 15 minutes, never dropped


def retry_delay(attempts: int, retry_after: float | None) -> float:
    """Seconds until the next try (bot/jobs/backoff.py); a channel's Retry-After wins when
    longer."""
    delay = backoff_delay(attempts, base=FIRST_BACKOFF, cap=MAX_BACKOFF)
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

    async def run_once(self) -> int:
        """Deliver what is due now; returns how many were sent."""
        if not self.channels:
            return 0
        async with self.store.transaction() as tx:
            due = await tx.outbox.claim_due(self.clock(), list(self.channels), self.batch)
        sent = 0
        for item in due:
            channel = self.channels[item.channel]
            key = ConversationKey(item.channel, item.account, item.recipient)
            try:
                await channel.send(key, outbound_from(item.payload))
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
                await tx.outbox.mark_sent(item.id, self.clock())
            sent += 1
        return sent
