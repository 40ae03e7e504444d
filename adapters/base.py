"""What the channel adapters share (their interfaces are the core's: bot/ports.py)."""

from __future__ import annotations

import logging
import time
from collections.abc import Awaitable, Callable, Sequence
from email.utils import parsedate_to_datetime
from typing import Any

from bot.ports import DeliveryError, Replies, ReplyOutbox, rows_of
from dialogs.messages import ConversationKey, Outbound

log = logging.getLogger(__name__)


def retry_after_seconds(headers: Any) -> float | None:
    """Seconds from a Retry-After header (delta-seconds or an HTTP date), or None."""
    value = headers.get("Retry-After") if hasattr(headers, "get") else None
    if not value:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        pass
    try:
        moment = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, moment.timestamp() - time.time())


def preceded_by(first: Sequence[Outbound], replies: Sequence[Outbound]) -> Replies:
    """The adapter's own replies (a file it refused before the turn) ahead of the turn's
    (which keep their outbox rows)."""
    send_now = replies.send_now if isinstance(replies, Replies) else True
    return Replies([*first, *replies], [None] * len(first) + rows_of(replies), send_now)


async def send_replies(
    key: ConversationKey,
    replies: Sequence[Outbound],
    send: Callable[[Outbound], Awaitable[object]],
    outbox: ReplyOutbox | None,
) -> int:
    """Send a turn's replies in order, right after its commit, then settle them with the
    outbox: the sent ones are marked sent; from the first one the channel refuses, the
    rest are the outbox worker's (after the wait the channel asked for). Replies that
    must wait behind an earlier queued message (`Replies.send_now` False) are not sent
    here at all. A crash or cancellation before the settling leaves the rows leased,
    and the worker sends them when the lease ends. Without an outbox a refused reply is
    logged and dropped. Returns how many were sent."""
    sent, failure = 0, None
    if not isinstance(replies, Replies) or replies.send_now:
        for reply in replies:
            try:
                await send(reply)
            except DeliveryError as error:
                failure = error
                break
            except Exception as error:  # whatever the channel's client raised
                failure = DeliveryError(f"send failed ({type(error).__name__})")
                break
            sent += 1
    if failure is not None:
        log.warning(
            "reply not delivered (%s): %d of %d left for the outbox",
            failure.reason,
            len(replies) - sent,
            len(replies),
        )
    if outbox is not None:
        await outbox.settle(key, replies, sent, failure)
    return sent
