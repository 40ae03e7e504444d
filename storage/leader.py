"""Leader election between replicas that share one database.

Exactly one replica may run the Signal receiver: signal-cli-rest-api hands every incoming
message to each open websocket, so two receivers would handle each message twice. On
PostgreSQL the leader holds a session-level advisory lock (`pg_try_advisory_lock`) on a
connection of its own; the lock lives exactly as long as that connection, so when the
leader's process dies or loses its database connection, the server drops the lock and
the next replica that retries gets it. On SQLite there is one process by design (the
database is a local file), so that process always leads.
"""

from __future__ import annotations

import asyncio
import contextlib
import hashlib
import logging

from sqlalchemy import text
from sqlalchemy.engine import URL
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine
from sqlalchemy.pool import NullPool

from bot.ports import LeaderLock
from storage.database import Database

log = logging.getLogger(__name__)

_TIMEOUT = 5.0  # seconds for one lock call; a database that hangs longer is "lost"


def lock_key(name: str) -> int:
    """A stable signed 64-bit advisory-lock key for a name."""
    digest = hashlib.sha256(name.encode("utf-8")).digest()
    return int.from_bytes(digest[:8], "big", signed=True)


class AlwaysLeader:
    """The lock of a single process (SQLite): always held."""

    def __init__(self) -> None:
        self._held = False

    async def try_acquire(self) -> bool:
        self._held = True
        return True

    async def held(self) -> bool:
        return self._held

    async def release(self) -> None:
        self._held = False


class AdvisoryLock:
    """A PostgreSQL session-level advisory lock on a dedicated connection.

    The connection comes from an engine of its own without a pool, so that releasing
    really ends the session (and with it the lock) and the lock never travels back into
    the application's pool. It runs in autocommit: an idle open transaction would hold
    back vacuum for as long as this replica leads.
    """

    def __init__(self, url: str | URL, name: str) -> None:
        self.name = name
        self.key = lock_key(name)
        self._url = url
        self._engine: AsyncEngine | None = None
        self._conn: AsyncConnection | None = None

    async def try_acquire(self) -> bool:
        if self._conn is not None:
            return await self.held()
        try:
            return await asyncio.wait_for(self._acquire(), _TIMEOUT)
        except Exception as exc:  # the database being away is "not leader", not a crash
            log.warning("could not try the leader lock %r: %s", self.name, type(exc).__name__)
            await self.release()
            return False

    async def _acquire(self) -> bool:
        self._engine = create_async_engine(
            self._url, poolclass=NullPool, isolation_level="AUTOCOMMIT"
        )
        self._conn = await self._engine.connect()
        got = (
            await self._conn.execute(text("SELECT pg_try_advisory_lock(:key)"), {"key": self.key})
        ).scalar_one()
        if not got:
            await self.release()  # keep no idle connection while another replica leads
            return False
        return True

    async def held(self) -> bool:
        """Pings the lock's connection: the session lock lasts as long as the session."""
        if self._conn is None:
            return False
        try:
            await asyncio.wait_for(self._conn.execute(text("SELECT 1")), _TIMEOUT)
        except Exception as exc:
            log.warning(
                "lost the connection that holds the leader lock %r: %s",
                self.name,
                type(exc).__name__,
            )
            await self.release()
            return False
        return True

    async def release(self) -> None:
        conn, engine = self._conn, self._engine
        self._conn = self._engine = None
        # Closing the session releases the lock; an explicit unlock would add nothing.
        if conn is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(conn.close(), _TIMEOUT)
        if engine is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(engine.dispose(), _TIMEOUT)


def leader_lock(db: Database, name: str) -> LeaderLock:
    """The right lock for this database: advisory on PostgreSQL, always held on SQLite."""
    if db.dialect == "postgresql":
        return AdvisoryLock(db.engine.url, name)
    return AlwaysLeader()
