"""SQLite without a thread hop per statement, for the embedded default.

aiosqlite runs every statement on a worker thread; a turn of about eight statements then
spends far more time handing work between threads than in SQLite itself (measured: ~0.6 ms
a statement through SQLAlchemy, against ~0.01 ms inline). SQLite in WAL mode answers in
microseconds, so this module gives SQLAlchemy's aiosqlite dialect a connection with the
same async interface that runs each call directly on the event loop's thread.

The trade: a statement blocks the loop while it runs, and waiting for another process's
write lock (busy_timeout) blocks it too. That is fine for the embedded, single-process
default; several replicas use PostgreSQL.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any


class InlineCursor:
    def __init__(self, cursor: sqlite3.Cursor) -> None:
        self._cursor = cursor

    async def __aenter__(self) -> InlineCursor:
        return self

    async def __aexit__(self, *exc: object) -> None:
        self._cursor.close()

    @property
    def description(self) -> Any:
        return self._cursor.description

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount

    @property
    def lastrowid(self) -> int | None:
        return self._cursor.lastrowid

    @property
    def arraysize(self) -> int:
        return self._cursor.arraysize

    @arraysize.setter
    def arraysize(self, value: int) -> None:
        self._cursor.arraysize = value

    async def execute(self, sql: str, parameters: Sequence[Any] | None = None) -> InlineCursor:
        self._cursor.execute(sql, parameters or ())
        return self

    async def executemany(self, sql: str, seq: Iterable[Sequence[Any]]) -> InlineCursor:
        self._cursor.executemany(sql, seq)
        return self

    async def fetchone(self) -> Any:
        return self._cursor.fetchone()

    async def fetchmany(self, size: int | None = None) -> list[Any]:
        return self._cursor.fetchmany(size if size is not None else self._cursor.arraysize)

    async def fetchall(self) -> list[Any]:
        return self._cursor.fetchall()

    async def nextset(self) -> None:
        return None

    async def setinputsizes(self, *sizes: Any) -> None:
        return None

    async def close(self) -> None:
        self._cursor.close()


class InlineConnection:
    """The part of aiosqlite's Connection that SQLAlchemy's adapter uses."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._connection = conn  # SQLAlchemy checks this is set before commit/rollback

    @property
    def isolation_level(self) -> str | None:
        return self._conn.isolation_level

    def cursor(self) -> InlineCursor:
        return InlineCursor(self._conn.cursor())

    async def execute(self, sql: str, parameters: Sequence[Any] | None = None) -> InlineCursor:
        cursor = self.cursor()
        await cursor.execute(sql, parameters)
        return cursor

    async def create_function(self, *args: Any, **kwargs: Any) -> None:
        self._conn.create_function(*args, **kwargs)

    async def commit(self) -> None:
        self._conn.commit()

    async def rollback(self) -> None:
        self._conn.rollback()

    async def close(self) -> None:
        self._conn.close()

    def stop(self) -> None:
        self._conn.close()


def inline_creator(path: str) -> Any:
    """An `async_creator` for create_async_engine that opens `path` inline."""

    async def create() -> InlineConnection:
        conn = sqlite3.connect(path, check_same_thread=False,
                               detect_types=sqlite3.PARSE_DECLTYPES)
        return InlineConnection(conn)

    return create
