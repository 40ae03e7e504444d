"""The interface every channel adapter implements, and the one it calls."""

from __future__ import annotations

import time
from email.utils import parsedate_to_datetime
from typing import Any, Protocol

from dialogs.messages import ConversationKey, Inbound, Outbound


class TurnHandler(Protocol):
    """The application side of a turn: what an adapter hands each inbound message to."""

    async def handle(self, inbound: Inbound) -> list[Outbound]:
        """Process one message and return the replies, in order.

        A duplicate delivery returns no replies. Never raises for bad input: the
        replies then say what was wrong.
        """
        ...


class Channel(Protocol):
    """What the outbox needs from an adapter to deliver a proactive message."""

    name: str

    async def send(self, key: ConversationKey, message: Outbound) -> None:
        """Deliver one message. Raise `DeliveryError` to have the outbox retry."""
        ...


class DeliveryError(Exception):
    """A send failed and may be retried; `retry_after` is seconds the channel asked for."""

    def __init__(self, reason: str, retry_after: float | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.retry_after = retry_after


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
