"""Queueing a proactive message for a person: one outbox row per way to reach them."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from bot.domain.records import Person
from bot.ports import Tx

# The account part of a conversation key for a proactive message, per channel: the
# adapter fills in the real one (the bot's number, the stored Teams reference).
ACCOUNT = {"local": "local", "teams": "", "signal": ""}


async def queue_to(
    tx: Tx,
    person: Person,
    payload: dict[str, Any],
    now: datetime,
    dedupe: str,
    channel: str | None = None,
) -> int:
    """Queue `payload` for every way to reach `person` (only `channel` when they have it).

    A bare Signal phone number is never a recipient: notices go to the uuid bound at the
    person's first message. The dedupe key makes a repeated call queue nothing new.
    """
    idents = [i for i in person.identities if i.kind != "phone"]
    if channel is not None and any(i.channel == channel for i in idents):
        idents = [i for i in idents if i.channel == channel]
    queued = 0
    for ident in idents:
        if await tx.outbox.enqueue(
            ident.channel,
            ACCOUNT.get(ident.channel, ""),
            ident.address,
            payload,
            now,
            dedupe_key=f"{dedupe}:{person.id}:{ident.channel}",
        ):
            queued += 1
    return queued
