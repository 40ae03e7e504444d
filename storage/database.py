"""Opening the database: one URL, SQLite (WAL) by default, PostgreSQL the same way."""

from __future__ import annotations

import asyncio
import contextvars
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy import create_engine as sa_create_engine
from sqlalchemy import event, make_url
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.ext.asyncio import AsyncEngine, create_async_engine
from sqlalchemy.pool import NullPool, StaticPool

from storage.crypto import FieldCipher
from storage.identity_hash import IdentityHasher
from storage.migrate import upgrade_on
from storage.sqlite_sync import SyncConnection

# Set while the current task holds the SQLite connection in a transaction.
# (A task started inside a transaction inherits the value; the task check keeps that
# from counting as nesting.)
_in_transaction: contextvars.ContextVar[asyncio.Task[Any] | None] = contextvars.ContextVar(
    "weerbaar_in_transaction", default=None
)


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    # Python's sqlite3 module opens a transaction only before INSERT/UPDATE/DELETE, so
    # CREATE TABLE ran outside any transaction: a kill during the first migration left
    # half a schema that never started again. With the module's own handling off, every
    # transaction of `Database.connect` is a real BEGIN ... COMMIT, DDL included.
    dbapi_conn.isolation_level = None
    cur = dbapi_conn.cursor()
    # WAL lets readers go on while one writer commits; NORMAL keeps commits durable against
    # a crash of the process (not of the machine's power) without an fsync per commit.
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=5000")
    cur.close()


def create_engine(url: str) -> AsyncEngine:
    """The async engine for `url`. SQLite's is never connected: see `sqlite_engine`."""
    if url.startswith("sqlite"):
        return create_async_engine(url, poolclass=NullPool)
    return create_async_engine(url, pool_size=10, max_overflow=10, pool_pre_ping=True)


def sqlite_engine(url: str) -> Engine:
    """A synchronous engine on the same SQLite file (storage/sqlite_sync.py says why).

    One connection: SQLite has one writer at a time, and taking turns on one connection is
    cheaper than "database is locked" retries.
    """
    path = make_url(url).database or ":memory:"
    engine = sa_create_engine(
        f"sqlite+pysqlite:///{path}",
        poolclass=StaticPool,
        connect_args={"check_same_thread": False},
    )
    event.listen(engine, "connect", _sqlite_pragmas)
    return engine


class Database:
    """The engine plus the cipher for sensitive fields; hands out transactions."""

    def __init__(
        self, engine: AsyncEngine, cipher: FieldCipher, hasher: IdentityHasher | None = None
    ) -> None:
        self.engine = engine
        self.cipher = cipher
        # The key of the dossier's identifier hashes: WEERBAAR_DOSSIER_KEYS, or derived.
        self.hasher = hasher or IdentityHasher.derived(cipher)
        # SQLite: one synchronous connection held open and handed out in turn. A pool
        # checkout and return cost more than a whole turn's statements.
        self._sqlite: Engine | None = None
        if engine.dialect.name == "sqlite":
            self._sqlite = sqlite_engine(str(engine.url))
        self._held: Connection | None = None
        self._turn = asyncio.Lock()

    @classmethod
    def open(cls, url: str, cipher: FieldCipher, hasher: IdentityHasher | None = None) -> Database:
        return cls(create_engine(url), cipher, hasher)

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    async def migrate(self) -> None:
        async with self.connect() as conn:
            await upgrade_on(conn, cipher=self.cipher)

    @asynccontextmanager
    async def connect(self) -> AsyncIterator[Any]:
        """A connection in one transaction, committed on success, rolled back on error:
        an `AsyncConnection`, or for SQLite a `SyncConnection` with the same methods."""
        if self._sqlite is None:
            async with self.engine.begin() as conn:
                yield conn
            return
        task = asyncio.current_task()
        if task is not None and _in_transaction.get() is task:
            # The held connection is not re-entrant: waiting for it here would wait forever.
            raise RuntimeError("a transaction was opened inside another one")
        sqlite = self._sqlite
        async with self._turn:
            if self._held is None or self._held.closed or self._held.invalidated:
                self._held = sqlite.connect()
            token = _in_transaction.set(task)
            try:
                with self._held.begin():
                    # The module leaves transactions to us (`_sqlite_pragmas`). Said to the
                    # driver itself: an engine "begin" listener would make SQLAlchemy run
                    # its event dispatch on every statement (a fifth of a turn's CPU).
                    driver = self._held.connection.driver_connection
                    assert driver is not None  # a live connection, checked out above
                    driver.execute("BEGIN")
                    yield SyncConnection(self._held)
            finally:
                _in_transaction.reset(token)

    async def close(self) -> None:
        if self._held is not None:
            self._held.close()
            self._held = None
        if self._sqlite is not None:
            self._sqlite.dispose()
        await self.engine.dispose()
