"""The leader lock: one holder at a time on PostgreSQL, always held on SQLite."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import text
from sqlalchemy.ext.asyncio import create_async_engine
from sqlalchemy.pool import NullPool

from storage.crypto import FieldCipher
from storage.database import Database
from storage.leader import AdvisoryLock, AlwaysLeader, leader_lock, lock_key
from tests.conftest import TEST_KEY

POSTGRES_ONLY = pytest.mark.parametrize(
    "database_url", [pytest.param("postgres", marks=pytest.mark.postgres)], indirect=True
)


def test_lock_key_is_stable_and_signed_64_bit() -> None:
    key = lock_key("weerbaar:signal-receiver:+31201234567")
    assert key == lock_key("weerbaar:signal-receiver:+31201234567")
    assert key != lock_key("weerbaar:signal-receiver:+31201234568")
    assert -(2**63) <= key < 2**63


async def test_sqlite_process_always_leads(sqlite_url: str) -> None:
    db = Database.open(sqlite_url, FieldCipher.from_setting(TEST_KEY))
    try:
        lock = leader_lock(db, "receiver")
        assert isinstance(lock, AlwaysLeader)
        assert await lock.try_acquire() and await lock.held()
        await lock.release()
        assert not await lock.held()
    finally:
        await db.close()


@POSTGRES_ONLY
async def test_second_holder_gets_the_lock_after_the_first_releases(database_url: str) -> None:
    db = Database.open(database_url, FieldCipher.from_setting(TEST_KEY))
    first = leader_lock(db, "receiver")
    second = leader_lock(db, "receiver")
    other = leader_lock(db, "another receiver")
    assert isinstance(first, AdvisoryLock)
    try:
        assert await first.try_acquire()
        assert await first.try_acquire()  # asking again while holding: still the leader
        assert not await second.try_acquire()
        assert not await second.try_acquire()
        assert await other.try_acquire()  # another name is another lock
        assert await first.held() and not await second.held()

        await first.release()
        assert not await first.held()
        assert await second.try_acquire()
        assert not await first.try_acquire()
    finally:
        for lock in (first, second, other):
            await lock.release()
        await db.close()


@POSTGRES_ONLY
async def test_lock_passes_on_when_the_holders_session_dies(database_url: str) -> None:
    db = Database.open(database_url, FieldCipher.from_setting(TEST_KEY))
    first = AdvisoryLock(db.engine.url, "receiver")
    second = AdvisoryLock(db.engine.url, "receiver")
    admin = create_async_engine(db.engine.url, poolclass=NullPool)
    try:
        assert await first.try_acquire()
        assert not await second.try_acquire()
        # The holder's process dies or its connection is cut: the server ends the session.
        # (pg_locks shows a bigint key as two 32-bit halves; only this test database's.)
        unsigned = first.key % 2**64
        async with admin.begin() as conn:
            ended = (
                await conn.execute(
                    text(
                        "SELECT count(pg_terminate_backend(pid)) FROM pg_locks "
                        "WHERE locktype = 'advisory' AND granted AND classid = :high "
                        "AND objid = :low AND objsubid = 1 AND database = "
                        "(SELECT oid FROM pg_database WHERE datname = current_database())"
                    ),
                    {"high": unsigned >> 32, "low": unsigned & 0xFFFFFFFF},
                )
            ).scalar_one()
        assert ended == 1
        # the backend exits a moment after the signal: retry, as a standby replica does
        for _ in range(50):
            if await second.try_acquire():
                break
            await asyncio.sleep(0.1)
        assert await second.held()
        assert not await first.held()  # the old holder notices it lost the lock
        assert not await first.try_acquire()
    finally:
        await first.release()
        await second.release()
        await admin.dispose()
        await db.close()
