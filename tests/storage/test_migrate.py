"""Migrations are atomic: a failure (or a kill) halfway leaves a database that starts."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config
from sqlalchemy import text

from bot.app import Weerbaar
from storage.crypto import FieldCipher
from storage.database import Database
from tests.conftest import TEST_KEY, make_settings


def _tables(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall()
    return {r[0] for r in rows}


async def test_a_first_migration_that_fails_halfway_leaves_nothing_on_sqlite(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "weerbaar.db"
    db = Database.open(f"sqlite+aiosqlite:///{path}", FieldCipher.from_setting(TEST_KEY))
    real = command.upgrade

    def upgrade_then_fail(cfg: Config, revision: str) -> None:
        real(cfg, "0002")  # two of three migrations ran, tables and all ...
        raise KeyboardInterrupt  # ... and then the process is stopped

    monkeypatch.setattr(command, "upgrade", upgrade_then_fail)
    with pytest.raises(KeyboardInterrupt):
        await db.migrate()
    await db.close()
    assert _tables(path) == set()  # not 12 of 16 tables and an empty alembic_version

    monkeypatch.undo()
    db = Database.open(f"sqlite+aiosqlite:///{path}", FieldCipher.from_setting(TEST_KEY))
    await db.migrate()
    async with db.connect() as conn:
        version = (await conn.execute(text("SELECT version_num FROM alembic_version"))).scalar()
    await db.close()
    assert version is not None and version.startswith("0010")


async def test_a_savepoint_rolls_back_alone_on_sqlite(sqlite_url: str, tmp_path: Path) -> None:
    app = await Weerbaar.create(make_settings(sqlite_url, tmp_path))
    try:
        async with app.store.transaction() as tx:
            first = await tx.people.add_person("Eerste", app.clock())
            with pytest.raises(RuntimeError):
                async with tx.savepoint():
                    await tx.people.add_person("Tweede", app.clock())
                    raise RuntimeError("undo only this")
        async with app.store.transaction() as tx:
            names = [p.name for p in await tx.people.everyone()]
        assert names == ["Eerste"] and first
    finally:
        await app.close()
