"""SQLite on the event loop's own thread, for the embedded default.

Through SQLAlchemy's async layer every statement starts a greenlet and aiosqlite hands it
to a worker thread; a turn of five statements then spends far more time on that than in
SQLite (measured: ~155 µs a statement against ~80 µs on a plain connection, of which
SQLite itself takes a few). SQLite in WAL mode answers in microseconds, so the embedded
default uses a plain synchronous connection and gives it the async face the
repositories use.

The trade: a statement blocks the loop while it runs, and waiting for another process's
write lock (busy_timeout) blocks it too. That suits one process on one machine; several
replicas use PostgreSQL, through the async driver.
"""

from __future__ import annotations

from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from typing import Any

from sqlalchemy.engine import Connection, Dialect


class SyncConnection:
    """The methods of `AsyncConnection` the repositories use, on a sync connection."""

    def __init__(self, connection: Connection) -> None:
        self.sync = connection

    @property
    def dialect(self) -> Dialect:
        return self.sync.dialect

    async def execute(self, statement: Any, parameters: Any = None, **kwargs: Any) -> Any:
        return self.sync.execute(statement, parameters, **kwargs)

    async def exec_driver_sql(self, statement: str, parameters: Any = None) -> Any:
        return self.sync.exec_driver_sql(statement, parameters)

    async def run_sync(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        return fn(self.sync, *args, **kwargs)

    @asynccontextmanager
    async def begin_nested(self) -> AsyncIterator[None]:
        with self.sync.begin_nested():
            yield
