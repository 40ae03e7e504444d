"""A scratch PostgreSQL database for one test or one benchmark run, dropped afterwards."""

from __future__ import annotations

import uuid
from collections.abc import Awaitable, Callable

Drop = Callable[[], Awaitable[None]]


async def scratch_database(admin_url: str, prefix: str) -> tuple[str, Drop] | None:
    """Create an empty database next to `admin_url` (a `postgresql+asyncpg://` URL);
    returns its URL and a function that drops it, or None when the server is not there."""
    import asyncpg

    base = admin_url.replace("postgresql+asyncpg://", "postgresql://")
    try:
        admin = await asyncpg.connect(base, timeout=3)
    except (OSError, asyncpg.PostgresError):
        return None
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    await admin.execute(f'CREATE DATABASE "{name}"')
    await admin.close()

    async def drop() -> None:
        conn = await asyncpg.connect(base, timeout=3)
        await conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        await conn.close()

    return admin_url.rsplit("/", 1)[0] + "/" + name, drop
