"""Bring a database to the newest schema with the Alembic migrations shipped here."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from alembic import command
from alembic.config import Config
from sqlalchemy.engine import Connection

MIGRATIONS = Path(__file__).parent / "migrations"


def alembic_config(url: str = "") -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", url)
    return cfg


async def upgrade_on(conn: Any, revision: str = "head", cipher: Any = None) -> None:
    """Run every pending migration on the database of `conn`, in its transaction.

    `cipher` (storage/crypto.py `FieldCipher`) is there for migrations that encrypt what
    was kept in the clear (0006: snooze reasons)."""

    def _upgrade(sync_conn: Connection) -> None:
        cfg = alembic_config()
        cfg.attributes["connection"] = sync_conn
        cfg.attributes["cipher"] = cipher
        command.upgrade(cfg, revision)

    await conn.run_sync(_upgrade)
