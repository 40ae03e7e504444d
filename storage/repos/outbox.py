"""The durable outbox: every message is a row first, then a delivery.

A conversation is (channel, recipient). Its pending rows go out strictly in the order
written: the oldest pending row (the head) blocks the ones behind it, whether it is due,
leased or waiting out a backoff; other conversations do not wait for it.

Claiming takes due heads and the due rows right behind them, and sets a lease
(`next_attempt_at` in the near future) inside one short transaction, using `FOR UPDATE
SKIP LOCKED` on PostgreSQL, so that several replicas never send the same conversation at
once; a replica that dies mid-send lets its lease run out and another one retries. A
turn's replies are written leased (`enqueue_replies`): the adapter that received the
message sends them itself right after the commit, and only what it leaves behind (or a
crash left) is the worker's.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import and_, bindparam, exists, func, insert, select, tuple_, update

from bot.domain.records import OutboxItem, OutboxStatus
from storage.repos.base import Repo
from storage.tables import outbox

_earlier = outbox.alias("earlier")


def _waiting(dialect: str) -> Any:
    """A conversation's pending rows, in order (on PostgreSQL locked: a worker's claim of
    them goes first)."""
    q = (
        select(outbox)
        .where(
            outbox.c.status == OutboxStatus.PENDING,
            outbox.c.channel == bindparam("ch"),
            outbox.c.recipient == bindparam("rc"),
        )
        .order_by(outbox.c.id)
    )
    return q.with_for_update() if dialect == "postgresql" else q


def _settle_sent() -> Any:
    return (
        update(outbox)
        .where(outbox.c.id.in_(bindparam("ids", expanding=True)))
        .values(status=OutboxStatus.SENT, sent_at=bindparam("now"), attempts=outbox.c.attempts + 1)
    )


def _settle_left() -> Any:
    return (
        update(outbox)
        .where(outbox.c.id.in_(bindparam("ids", expanding=True)))
        .values(next_attempt_at=bindparam("due"), held_until=bindparam("held"))
    )


def _take_over() -> Any:
    return (
        update(outbox)
        .where(outbox.c.id.in_(bindparam("ids", expanding=True)))
        .values(next_attempt_at=bindparam("until"), held_until=bindparam("until"))
    )


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
        due: datetime | None = None,
    ) -> bool:
        """Queue a proactive message (due now, or at `due`); False when one with this
        dedupe key exists."""
        stmt = self._insert_ignore(outbox).values(
            channel=channel,
            account=account,
            recipient=recipient,
            payload_enc=self._payload(payload),
            status=OutboxStatus.PENDING,
            attempts=0,
            next_attempt_at=due or now,
            created_at=now,
            dedupe_key=dedupe_key,
        )
        return bool((await self.conn.execute(stmt)).rowcount)

    def _payload(self, payload: dict[str, Any]) -> bytes:
        return self.cipher.encrypt_text(json.dumps(payload, ensure_ascii=False), "outbox")

    async def enqueue_replies(
        self,
        channel: str,
        account: str,
        recipient: str,
        payloads: list[dict[str, Any]],
        now: datetime,
        lease_until: datetime,
    ) -> tuple[list[int], list[OutboxItem], bool]:
        """Write a turn's replies, in order, leased until `lease_until` (the adapter sends
        them itself after the commit). Returns their ids; the earlier rows of this
        conversation the turn takes over, to send first (text that was only backing off:
        the person's new message shows the conversation is there); and whether all may be
        sent at once. False when an earlier row is held (being sent, or waiting out the
        channel's Retry-After) or is a notice another channel draws as a card: then these
        wait behind it for the worker."""
        if not payloads:
            return [], [], True
        waiting = await self.conn.execute(
            self._cached("waiting", lambda: _waiting(self.conn.dialect.name)),
            {"ch": channel, "rc": recipient},
        )
        earlier = [(self._item(r), r.held_until) for r in waiting]
        taken = [item for item, _held in earlier]
        send_now = all(
            (held is None or held <= now) and set(item.payload) <= {"text"}
            for item, held in earlier
        )
        if not send_now:
            taken = []
        elif taken:
            await self.conn.execute(
                self._cached("take_over", _take_over),
                {"ids": [i.id for i in taken], "until": lease_until},
            )
        rows = [
            {
                "channel": channel,
                "account": account,
                "recipient": recipient,
                "payload_enc": self._payload(payload),
                "status": OutboxStatus.PENDING,
                "attempts": 0,
                "next_attempt_at": lease_until,
                "held_until": lease_until,
                "created_at": now,
            }
            for payload in payloads
        ]
        # One statement a reply: a turn has one or two, and a single INSERT … RETURNING
        # costs less than the batched form with its ordering sentinel.
        stmt = self._cached("enqueue_reply", lambda: insert(outbox).returning(outbox.c.id))
        ids = [(await self.conn.execute(stmt, row)).scalar_one() for row in rows]
        return ids, taken, send_now

    async def settle(
        self,
        sent: list[int],
        left: list[int],
        now: datetime,
        due: datetime,
        error: str | None,
        held: bool = False,
    ) -> None:
        """After a turn's own sends: the `sent` rows are delivered; the `left` rows (in
        order) are the worker's from `due` (`held`: the channel asked for that wait), the
        first one counted as tried when `error` says why it failed."""
        if sent:
            await self.conn.execute(
                self._cached("settle_sent", _settle_sent), {"ids": sent, "now": now}
            )
        if left:
            await self.conn.execute(
                self._cached("settle_left", _settle_left),
                {"ids": left, "due": due, "held": due if held else None},
            )
            if error is not None:
                await self.conn.execute(
                    update(outbox)
                    .where(outbox.c.id == left[0])
                    .values(attempts=outbox.c.attempts + 1, last_error=error[:200])
                )

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
        """Lease up to `limit` rows to send now (of one recipient, when given): per
        conversation whose head row is due, the head and the due rows right behind it, in
        the order written. Returned grouped by conversation, each group in order; the
        caller sends a group strictly in sequence."""
        if not channels:
            return []
        conditions = [
            outbox.c.status == OutboxStatus.PENDING,
            outbox.c.next_attempt_at <= now,
            outbox.c.channel.in_(channels),
            ~exists().where(
                _earlier.c.status == OutboxStatus.PENDING,
                _earlier.c.channel == outbox.c.channel,
                _earlier.c.recipient == outbox.c.recipient,
                _earlier.c.id < outbox.c.id,
            ),
        ]
        if recipient is not None:
            conditions.append(outbox.c.recipient == recipient)
        heads = select(outbox.c.id, outbox.c.channel, outbox.c.recipient).where(*conditions)
        heads = heads.order_by(outbox.c.next_attempt_at, outbox.c.id).limit(limit)
        if self.conn.dialect.name == "postgresql":
            # A head another replica holds is skipped, and with it its conversation: the
            # rows behind it are not heads, so nobody else can take them either.
            heads = heads.with_for_update(skip_locked=True, of=outbox)
        head_rows = list(await self.conn.execute(heads))
        if not head_rows:
            return []
        order = {(r.channel, r.recipient): n for n, r in enumerate(head_rows)}
        queued = await self.conn.execute(
            select(outbox)
            .where(
                outbox.c.status == OutboxStatus.PENDING,
                tuple_(outbox.c.channel, outbox.c.recipient).in_(list(order)),
            )
            .order_by(outbox.c.channel, outbox.c.recipient, outbox.c.id)
        )
        groups: list[list[Any]] = [[] for _ in head_rows]
        blocked: set[int] = set()
        for r in queued:
            n = order[(r.channel, r.recipient)]
            # Only the unbroken run of due rows from the head: a row behind that is
            # leased or waiting ends its conversation's share of this round.
            if n in blocked or r.next_attempt_at > now:
                blocked.add(n)
            else:
                groups[n].append(r)
        claimed: list[Any] = []
        for group in groups:
            claimed += group[: limit - len(claimed)]
            if len(claimed) >= limit:
                break
        if claimed:
            await self.conn.execute(
                update(outbox)
                .where(outbox.c.id.in_([r.id for r in claimed]))
                .values(
                    next_attempt_at=now + timedelta(seconds=lease_seconds),
                    held_until=now + timedelta(seconds=lease_seconds),
                )
            )
        return [self._item(r) for r in claimed]

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

    async def mark_retry(
        self, item_id: int, next_attempt_at: datetime, error: str, held: bool = False
    ) -> None:
        """Try again at `next_attempt_at`; `held` when the channel asked for that wait
        (Retry-After), so that nothing sends the row earlier."""
        await self.conn.execute(
            update(outbox)
            .where(outbox.c.id == item_id)
            .values(
                next_attempt_at=next_attempt_at,
                held_until=next_attempt_at if held else None,
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
