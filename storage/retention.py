"""Retention: system rows that have done their work are deleted after a while.

Only bookkeeping goes: the dedupe keys of deliveries (a redelivery comes within minutes,
not weeks) and outbox rows that were delivered. Reports, answers, evidence, drafts and
case history are never removed by this sweep: registration is the point of the bot.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import and_, delete

from storage.repository import Tx
from storage.tables import inbound_seen, outbox


async def purge(tx: Tx, now: datetime, keep_days: int) -> dict[str, int]:
    """Delete dedupe keys and delivered outbox rows older than `keep_days`."""
    before = now - timedelta(days=keep_days)
    seen = await tx.conn.execute(delete(inbound_seen).where(inbound_seen.c.received_at < before))
    sent = await tx.conn.execute(
        delete(outbox).where(and_(outbox.c.status == "sent", outbox.c.sent_at < before))
    )
    return {"inbound_seen": seen.rowcount or 0, "outbox": sent.rowcount or 0}
