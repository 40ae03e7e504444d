"""The durable outbox: every proactive message is a row first, then a delivery.

Claiming sets a lease (`next_attempt_at` in the near future) inside one short
transaction, using `FOR UPDATE SKIP LOCKED` on PostgreSQL, so that several replicas never
send the same row twice at once; a replica that dies mid-send lets its lease run out and
another one retries.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, select, update

from storage.repository import Tx
from storage.tables import outbox


@dataclass(frozen=True)
class OutboxItem:
    id: int
    channel: str
    account: str
    recipient: str
    payload: dict[str, Any]
    attempts: int
    created_at: datetime


def _item(tx: Tx, r: Any) -> OutboxItem:
    return OutboxItem(
        id=r.id,
        channel=r.channel,
        account=r.account,
        recipient=r.recipient,
        payload=json.loads(tx.cipher.decrypt_text(r.payload_enc, "outbox")),
        attempts=r.attempts,
        created_at=r.created_at,
    )


async def claim_due(
    tx: Tx, now: datetime, channels: list[str], limit: int = 50, lease_seconds: float = 60.0
) -> list[OutboxItem]:
    q = (
        select(outbox)
        .where(
            and_(
                outbox.c.status == "pending",
                outbox.c.next_attempt_at <= now,
                outbox.c.channel.in_(channels),
            )
        )
        .order_by(outbox.c.next_attempt_at, outbox.c.id)
        .limit(limit)
    )
    if tx.conn.dialect.name == "postgresql":
        q = q.with_for_update(skip_locked=True)
    rows = list(await tx.conn.execute(q))
    if rows:
        await tx.conn.execute(
            update(outbox)
            .where(outbox.c.id.in_([r.id for r in rows]))
            .values(next_attempt_at=now + timedelta(seconds=lease_seconds))
        )
    return [_item(tx, r) for r in rows]


async def mark_sent(tx: Tx, item_id: int, now: datetime) -> None:
    await tx.conn.execute(
        update(outbox)
        .where(outbox.c.id == item_id)
        .values(status="sent", sent_at=now, attempts=outbox.c.attempts + 1, last_error=None)
    )


async def mark_retry(tx: Tx, item_id: int, next_attempt_at: datetime, error: str) -> None:
    await tx.conn.execute(
        update(outbox)
        .where(outbox.c.id == item_id)
        .values(
            next_attempt_at=next_attempt_at, attempts=outbox.c.attempts + 1, last_error=error[:200]
        )
    )


async def pending_for(tx: Tx, channel: str, recipient: str) -> list[OutboxItem]:
    rows = await tx.conn.execute(
        select(outbox)
        .where(
            and_(
                outbox.c.status == "pending",
                outbox.c.channel == channel,
                outbox.c.recipient == recipient,
            )
        )
        .order_by(outbox.c.id)
    )
    return [_item(tx, r) for r in rows]


async def all_items(tx: Tx) -> list[tuple[OutboxItem, str]]:
    rows = await tx.conn.execute(select(outbox).order_by(outbox.c.id))
    return [(_item(tx, r), r.status) for r in rows]
