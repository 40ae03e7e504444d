"""Fuzzing both channel edges, bounded: mutated Teams activities with valid tokens over raw
HTTP, and mutated Signal envelopes over the fake REST API's websocket (tests/fuzz.py).

Whatever arrives, the service answers below 500 or ignores it with a warning, logs no
traceback, and answers a good message afterwards. bench/fuzz_bench.py runs the long version.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import AsyncIterator, Callable, Iterator
from typing import Any

import pytest
from aiohttp import web

from adapters.http import build_web_app, server_options
from adapters.signal.runtime import start_signal
from tests.conftest import AppFactory
from tests.fakes.signal_rest import FakeSignalRestApi
from tests.fakes.teams import FakeBotConnector, FakeTokenIssuer, teams_fakes
from tests.fuzz import TeamsTarget, exchange, fuzz_signal, fuzz_teams, good_teams_message
from tests.people import enrol

APP_ID = "f0f0f0f0-1111-2222-3333-444444444444"
APP_PASSWORD = "fuzz-secret-not-real"
TENANT = "72f988bf-0000-0000-0000-0000000000f0"
BOT = "+31201234567"
READ_TIMEOUT = 0.5
TEAMS_CASES = 2000
SIGNAL_CASES = 1000


async def eventually(check: Callable[[], bool], within: float = 10.0) -> None:
    deadline = time.monotonic() + within
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.01)


@pytest.fixture
def fakes() -> Iterator[tuple[FakeTokenIssuer, FakeBotConnector]]:
    with teams_fakes(APP_ID, APP_PASSWORD, TENANT) as pair:
        yield pair


@pytest.fixture
def signal_api() -> Iterator[FakeSignalRestApi]:
    with FakeSignalRestApi(BOT) as server:
        yield server


def teams_settings(issuer: FakeTokenIssuer) -> dict[str, object]:
    return {
        **issuer.settings(),
        "http_read_seconds": READ_TIMEOUT,
        "http_idle_seconds": 1.0,
    }


@pytest.fixture
async def served(
    make_app: AppFactory, database_url: str, fakes: tuple[FakeTokenIssuer, FakeBotConnector]
) -> AsyncIterator[tuple[Any, TeamsTarget]]:
    """The app's web side as `weerbaar serve` runs it (same runner options) on loopback."""
    issuer, connector = fakes
    app = await make_app(database_url, **teams_settings(issuer))
    aad = str(uuid.uuid4())
    await enrol(app, "Rita de Raad", ("gemeenteraadslid", "amersfoort"), aad=aad)
    runner = web.AppRunner(build_web_app(app), **server_options(app.settings))
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    host, port = runner.addresses[0][:2]
    target = TeamsTarget(
        host, port, issuer, connector.url, APP_ID, TENANT, aad, read_timeout=READ_TIMEOUT
    )
    yield app, target
    await runner.cleanup()


async def test_fuzzed_teams_activities_get_no_5xx_and_no_traceback(
    served: tuple[Any, TeamsTarget], fakes: tuple[FakeTokenIssuer, FakeBotConnector]
) -> None:
    _app, target = served
    _issuer, connector = fakes
    report = await fuzz_teams(target, count=TEAMS_CASES, seed=20261125, connector=connector)
    print("\n".join(report.lines("teams")))
    assert report.failures == []
    assert report.tracebacks == []
    assert report.errors == []
    assert sum(report.statuses.values()) == TEAMS_CASES
    assert report.seconds < 45

    before = len(connector.calls)
    status = await exchange(target.host, target.port, good_teams_message(target, "hallo"), 10)
    assert status == "201"
    replies = [c for c in connector.calls[before:] if f"a:chat-{target.reporter_aad}" in c.path]
    assert replies, "no answer to a good message after the fuzzing"


async def test_fuzzed_signal_envelopes_are_ignored_with_a_warning_not_a_traceback(
    make_app: AppFactory, sqlite_url: str, signal_api: FakeSignalRestApi
) -> None:
    app = await make_app(sqlite_url, signal_api=signal_api.address, signal_number=BOT)
    phone = "+31611111111"
    await enrol(app, "Rita de Raad", ("gemeenteraadslid", "amersfoort"), phone=phone)
    adapter = await start_signal(app, leader_interval=0.1, reconnect_base=0.02, reconnect_cap=0.2)
    assert adapter is not None
    try:
        await eventually(lambda: signal_api.connected == 1 and adapter.connected)
        rita = str(uuid.uuid4())
        report = await fuzz_signal(
            signal_api, adapter, count=SIGNAL_CASES, seed=20261125, reporter_uuid=rita, phone=phone
        )
        print("\n".join(report.lines("signal")))
        assert report.failures == []
        assert report.tracebacks == []
        assert report.errors == []
        assert report.statuses["websocket reconnects"] == 0
        assert report.seconds < 45

        before = len(signal_api.sent)
        assert signal_api.push(signal_api.data_message(rita, "hallo", number=phone)) == 1
        await eventually(lambda: any(m.recipients == [rita] for m in signal_api.sent[before:]))
    finally:
        await adapter.stop()
