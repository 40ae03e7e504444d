"""Retention: system rows that have done their work are deleted after a while.

Only bookkeeping goes: the dedupe keys of deliveries (a redelivery comes within minutes,
not weeks) and outbox rows that were delivered. Reports, answers, evidence, drafts and
case history are never removed by this sweep: registration is the point of the bot.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import and_, delete

from bot.domain.records import OutboxStatus
from storage.repos.base import Repo
from storage.tables import inbound_seen, outbox


class RetentionRepo(Repo):
    """Deleting bookkeeping rows that have done their work."""

    async def purge(self, now: datetime, keep_days: int) -> dict[str, int]:
        """Delete dedupe keys and delivered outbox rows older than `keep_days`."""
        before = now - timedelta(days=keep_days)
        seen = await self.conn.execute(
            delete(inbound_seen).where(inbound_seen.c.received_at < before)
        )
        sent = await self.conn.execute(
            delete(outbox).where(
                and_(outbox.c.status == OutboxStatus.SENT, outbox.c.sent_at < before)
            )
        )
        return {"inbound_seen": seen.rowcount or 0, "outbox": sent.rowcount or 0}
