"""`weerbaar serve` stopped by SIGTERM (systemd's stop) in the middle of a burst of Teams
turns, and the kill -9 trials of bench/kill_trials.py in small."""

from __future__ import annotations

import asyncio
import importlib.util
import os
import signal
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import aiohttp
import pytest
from sqlalchemy import func, select
from sqlalchemy.ext.asyncio import create_async_engine

from bot.cli.main import main
from storage import tables
from tests.chat import report_lines
from tests.conftest import TEST_KEY
from tests.fakes.teams import FakeBotConnector, FakeTokenIssuer, teams_fakes

ROOT = Path(__file__).resolve().parents[2]
APP_ID = "dddddddd-1111-2222-3333-444444444444"
APP_PASSWORD = "shutdown-secret-not-real"
TENANT = "72f988bf-0000-0000-0000-0000000000dd"
PEOPLE = [f"aad-s{i}" for i in range(6)]


@pytest.fixture
def fakes() -> Iterator[tuple[FakeTokenIssuer, FakeBotConnector]]:
    with teams_fakes(APP_ID, APP_PASSWORD, TENANT) as pair:
        yield pair


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def activity(service_url: str, aad: str, text: str) -> dict[str, Any]:
    return {
        "type": "message",
        "id": f"1:{uuid.uuid4().hex}",
        "timestamp": "2026-11-25T09:00:00.000Z",
        "serviceUrl": service_url,
        "channelId": "msteams",
        "from": {"id": f"29:{aad}", "name": aad, "aadObjectId": aad},
        "conversation": {"conversationType": "personal", "tenantId": TENANT, "id": f"a:{aad}"},
        "recipient": {"id": f"28:{APP_ID}", "name": "Weerbaar"},
        "locale": "nl-NL",
        "channelData": {"tenant": {"id": TENANT}},
        "text": text,
    }


async def counts(url: str) -> tuple[int, dict[str, int]]:
    """Committed Teams turns, and the Teams outbox rows by status."""
    engine = create_async_engine(url)
    async with engine.connect() as conn:
        seen = (
            await conn.execute(
                select(func.count())
                .select_from(tables.inbound_seen)
                .where(tables.inbound_seen.c.channel == "teams")
            )
        ).scalar_one()
        rows = (
            await conn.execute(
                select(tables.outbox.c.status, func.count())
                .where(tables.outbox.c.channel == "teams")
                .group_by(tables.outbox.c.status)
            )
        ).all()
    await engine.dispose()
    return int(seen), {status: int(n) for status, n in rows}


@pytest.mark.timeout(60)
async def test_sigterm_during_a_burst_of_turns(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    fakes: tuple[FakeTokenIssuer, FakeBotConnector],
) -> None:
    issuer, connector = fakes
    port = free_port()
    url = f"sqlite+aiosqlite:///{tmp_path / 'serve.db'}"
    env = {
        "WEERBAAR_DATABASE_URL": url,
        "WEERBAAR_ENCRYPTION_KEYS": TEST_KEY,
        "WEERBAAR_HOME": str(tmp_path / "home"),
        "WEERBAAR_PORT": str(port),
        "WEERBAAR_SHUTDOWN_SECONDS": "10",
        "WEERBAAR_TEAMS_APP_ID": APP_ID,
        "WEERBAAR_TEAMS_APP_PASSWORD": APP_PASSWORD,
        "WEERBAAR_TEAMS_TENANT_ID": TENANT,
        "WEERBAAR_TEAMS_OPENID_METADATA_URL": issuer.openid_metadata_url,
        "WEERBAAR_TEAMS_TOKEN_URL": issuer.token_url,
    }
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    monkeypatch.chdir(tmp_path)
    assert await asyncio.to_thread(main, ["migrate"]) == 0
    for aad in PEOPLE:
        argv = ["people", "add", "--name", aad, "--role", "raadslid", "--org", "zeist"]
        assert await asyncio.to_thread(main, [*argv, "--teams", aad]) == 0

    server = subprocess.Popen(
        [sys.executable, "-m", "bot.cli", "serve"],
        env={**os.environ, **env},
        cwd=tmp_path,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                await asyncio.sleep(0.05)
        answered: dict[str, int] = dict.fromkeys(PEOPLE, 0)
        into_the_burst = asyncio.Event()
        headers = issuer.auth_header(connector.url)

        async def talk(session: aiohttp.ClientSession, aad: str) -> None:
            for line in [*report_lines(), "verstuur"]:
                try:
                    async with session.post(
                        f"http://127.0.0.1:{port}/api/messages",
                        json=activity(connector.url, aad, line),
                        headers=headers,
                    ) as response:
                        if response.status >= 300:
                            return
                        await response.read()
                except (aiohttp.ClientError, OSError):
                    return
                answered[aad] += 1
                if sum(answered.values()) >= 3 * len(PEOPLE):
                    into_the_burst.set()

        async with aiohttp.ClientSession() as session:
            burst = [asyncio.create_task(talk(session, aad)) for aad in PEOPLE]
            await asyncio.wait_for(into_the_burst.wait(), timeout=30)
            server.send_signal(signal.SIGTERM)
            await asyncio.gather(*burst)
        _out, err = await asyncio.to_thread(server.communicate, timeout=30)
    finally:
        if server.poll() is None:
            server.kill()
    assert server.returncode == 0, err
    assert "stopped in" in err and "Traceback" not in err

    committed, outbox = await counts(url)
    total = sum(answered.values())
    assert 0 < total <= committed  # every turn that got an HTTP answer is committed
    replies = sum(
        1 for call in list(connector.calls) if call.method == "POST" and "/activities" in call.path
    )
    pending = sum(n for status, n in outbox.items() if status != "sent")
    # every committed turn has its reply: sent to the connector, or waiting in the outbox
    assert replies + pending >= committed


def _kill_trials() -> Any:
    spec = importlib.util.spec_from_file_location("kill_trials", ROOT / "bench" / "kill_trials.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["kill_trials"] = module  # its dataclasses look themselves up there
    spec.loader.exec_module(module)
    return module
