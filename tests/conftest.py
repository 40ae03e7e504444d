"""Shared fixtures: the app built by its real factory on SQLite or PostgreSQL, a fake clock."""

from __future__ import annotations

import os
from collections.abc import AsyncIterator, Awaitable, Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from bot.app import Weerbaar
from bot.cli.demo import seed_demo
from bot.settings import Settings
from tests.pg import scratch_database

AMS = ZoneInfo("Europe/Amsterdam")
TEST_KEY = "t1:" + "A" * 43  # 32 zero-ish bytes, base64: a fixed test key, not a secret
PG_ADMIN_URL = os.environ.get(
    "WEERBAAR_TEST_PG_URL", "postgresql+asyncpg://postgres@127.0.0.1:5432/postgres"
)


class FakeClock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        # Elapsed time, in UTC: wall-clock arithmetic in one zone is an hour off across DST.
        self.now = (self.now.astimezone(UTC) + timedelta(**delta)).astimezone(self.now.tzinfo)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(datetime(2026, 11, 25, 10, 0, tzinfo=AMS))  # a Wednesday


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
async def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> AsyncIterator[str]:
    """A fresh empty database on each backend."""
    if request.param == "sqlite":
        yield f"sqlite+aiosqlite:///{tmp_path / 'weerbaar.db'}"
        return
    made = await scratch_database(PG_ADMIN_URL, "weerbaar_test")
    if made is None:
        if os.environ.get("WEERBAAR_REQUIRE_PG"):
            pytest.fail(f"PostgreSQL is required but not reachable at {PG_ADMIN_URL}")
        pytest.skip("PostgreSQL not reachable")
    url, drop = made
    yield url
    await drop()


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite+aiosqlite:///{tmp_path / 'weerbaar.db'}"


def make_settings(url: str, tmp_path: Path, **extra: object) -> Settings:
    # `_env_file` is pydantic-settings' init option, not a field: passed through a dict.
    options: dict[str, Any] = {
        "database_url": url,
        "encryption_keys": TEST_KEY,
        "home": tmp_path / "home",
        "_env_file": None,
        **extra,
    }
    return Settings(**options)


AppFactory = Callable[..., Awaitable[Weerbaar]]


@pytest.fixture
async def make_app(tmp_path: Path, clock: FakeClock) -> AsyncIterator[AppFactory]:
    """Build apps with the real factory; all are closed at the end of the test."""
    made: list[Weerbaar] = []

    async def factory(url: str, demo: bool = True, **extra: object) -> Weerbaar:
        app = await Weerbaar.create(make_settings(url, tmp_path, **extra), clock=clock)
        made.append(app)
        if demo:
            async with app.store.transaction() as tx:
                if await tx.people.find_person_id("local", "handle", "anna") is None:
                    await seed_demo(tx, clock())
        return app

    yield factory
    for app in made:
        await app.close()


@pytest.fixture
async def app(make_app: AppFactory, sqlite_url: str) -> Weerbaar:
    return await make_app(sqlite_url)
