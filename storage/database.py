"""Opening the database: one URL, SQLite (WAL) by default, PostgreSQL the same way."""

from __future__ import annotations

import asyncio
import contextvars
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy import event, make_url
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine, create_async_engine
from sqlalchemy.pool import AsyncAdaptedQueuePool

from storage.crypto import FieldCipher
from storage.migrate import upgrade_on
from storage.sqlite_inline import inline_creator

# Set while the current task holds the SQLite connection in a transaction.
# (A task started inside a transaction inherits the value; the task check keeps that
# from counting as nesting.)
_in_transaction: contextvars.ContextVar[asyncio.Task[Any] | None] = contextvars.ContextVar(
    "weerbaar_in_transaction", default=None)


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    # WAL lets readers go on while one writer commits; NORMAL keeps commits durable against
    # a crash of the process (not of the machine's power) without an fsync per commit.
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


def create_engine(url: str) -> AsyncEngine:
    if url.startswith("sqlite"):
        # One connection: SQLite has one writer at a time, and queuing in the pool is
        # cheaper than "database is locked" retries. Statements run inline (see
        # storage/sqlite_inline.py) rather than on aiosqlite's thread.
        path = make_url(url).database or ":memory:"
        engine = create_async_engine(
            url, poolclass=AsyncAdaptedQueuePool, pool_size=1, max_overflow=0,
            pool_timeout=60, async_creator=inline_creator(path),
            # every use is `engine.begin()`, which commits or rolls back itself: the pool's
            # extra ROLLBACK on return would be one more statement a turn for nothing
            pool_reset_on_return=None,
        )
        event.listen(engine.sync_engine, "connect", _sqlite_pragmas)
        return engine
    return create_async_engine(url, pool_size=10, max_overflow=10, pool_pre_ping=True)


class Database:
    """The engine plus the cipher for sensitive fields; hands out transactions."""

    def __init__(self, engine: AsyncEngine, cipher: FieldCipher) -> None:
        self.engine = engine
        self.cipher = cipher
        # SQLite: one connection held open and handed out in turn. A pool checkout and
        # return cost more than a whole turn's statements (~170 µs of ~1 ms).
        self._held: AsyncConnection | None = None
        self._turn = asyncio.Lock()

    @classmethod
    def open(cls, url: str, cipher: FieldCipher) -> Database:
        return cls(create_engine(url), cipher)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    async def migrate(self) -> None:
        async with self.connect() as conn:
            await upgrade_on(conn)

    @asynccontextmanager
    async def connect(self) -> AsyncIterator[AsyncConnection]:
        """A connection in one transaction, committed on success, rolled back on error."""
        if self.dialect != "sqlite":
            async with self.engine.begin() as conn:
                yield conn
            return
        task = asyncio.current_task()
        if task is not None and _in_transaction.get() is task:
            # The held connection is not re-entrant: waiting for it here would wait forever.
            raise RuntimeError("a transaction was opened inside another one")
        async with self._turn:
            if self._held is None or self._held.closed or self._held.invalidated:
                self._held = await self.engine.connect()
            token = _in_transaction.set(task)
            try:
                async with self._held.begin():
                    yield self._held
            finally:
                _in_transaction.reset(token)

    async def close(self) -> None:
        if self._held is not None:
            await self._held.close()
            self._held = None
        await self.engine.dispose()
