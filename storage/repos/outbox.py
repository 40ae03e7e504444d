"""The durable outbox: every proactive message is a row first, then a delivery.

Claiming sets a lease (`next_attempt_at` in the near future) inside one short
transaction, using `FOR UPDATE SKIP LOCKED` on PostgreSQL, so that several replicas never
send the same row twice at once; a replica that dies mid-send lets its lease run out and
another one retries.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, func, select, update

from bot.domain.records import OutboxItem, OutboxStatus
from storage.repos.base import Repo
from storage.tables import outbox


class OutboxRepo(Repo):
    """The durable outbox's rows."""

    # --- outbox --------------------------------------------------------------------------

    async def enqueue(
        self,
        channel: str,
        account: str,
        recipient: str,
        payload: dict[str, Any],
        now: datetime,
        dedupe_key: str | None = None,
    ) -> bool:
        """Queue a proactive message; False when one with this dedupe key exists."""
        stmt = self._insert_ignore(outbox).values(
            channel=channel,
            account=account,
            recipient=recipient,
            payload_enc=self.cipher.encrypt_text(json.dumps(payload, ensure_ascii=False), "outbox"),
            status=OutboxStatus.PENDING,
            attempts=0,
            next_attempt_at=now,
            created_at=now,
            dedupe_key=dedupe_key,
        )
        return bool((await self.conn.execute(stmt)).rowcount)

    async def counts(self) -> dict[str, int]:
        rows = await self.conn.execute(
            select(outbox.c.status, func.count()).group_by(outbox.c.status)
        )
        return {r[0]: int(r[1]) for r in rows}

    def _item(self, r: Any) -> OutboxItem:
        return OutboxItem(
            id=r.id,
            channel=r.channel,
            account=r.account,
            recipient=r.recipient,
            payload=json.loads(self.cipher.decrypt_text(r.payload_enc, "outbox")),
            attempts=r.attempts,
            created_at=r.created_at,
        )

    async def claim_due(
        self,
        now: datetime,
        channels: list[str],
        limit: int = 50,
        lease_seconds: float = 60.0,
        recipient: str | None = None,
    ) -> list[OutboxItem]:
        conditions = [
            outbox.c.status == OutboxStatus.PENDING,
            outbox.c.next_attempt_at <= now,
            outbox.c.channel.in_(channels),
        ]
        if recipient is not None:
            conditions.append(outbox.c.recipient == recipient)
        q = (
            select(outbox)
            .where(and_(*conditions))
            .order_by(outbox.c.next_attempt_at, outbox.c.id)
            .limit(limit)
        )
        if self.conn.dialect.name == "postgresql":
            q = q.with_for_update(skip_locked=True)
        rows = list(await self.conn.execute(q))
        if rows:
            await self.conn.execute(
                update(outbox)
                .where(outbox.c.id.in_([r.id for r in rows]))
                .values(next_attempt_at=now + timedelta(seconds=lease_seconds))
            )
        return [self._item(r) for r in rows]

    async def mark_sent(self, item_id: int, now: datetime) -> None:
        await self.conn.execute(
            update(outbox)
            .where(outbox.c.id == item_id)
            .values(
                status=OutboxStatus.SENT,
                sent_at=now,
                attempts=outbox.c.attempts + 1,
                last_error=None,
            )
        )

    async def mark_retry(self, item_id: int, next_attempt_at: datetime, error: str) -> None:
        await self.conn.execute(
            update(outbox)
            .where(outbox.c.id == item_id)
            .values(
                next_attempt_at=next_attempt_at,
                attempts=outbox.c.attempts + 1,
                last_error=error[:200],
            )
        )

    async def pending_for(self, channel: str, recipient: str) -> list[OutboxItem]:
        rows = await self.conn.execute(
            select(outbox)
            .where(
                and_(
                    outbox.c.status == OutboxStatus.PENDING,
                    outbox.c.channel == channel,
                    outbox.c.recipient == recipient,
                )
            )
            .order_by(outbox.c.id)
        )
        return [self._item(r) for r in rows]

    async def all_items(self) -> list[tuple[OutboxItem, str]]:
        rows = await self.conn.execute(select(outbox).order_by(outbox.c.id))
        return [(self._item(r), r.status) for r in rows]
