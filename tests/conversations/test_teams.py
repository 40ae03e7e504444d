"""The corpus replayed over Teams: the real web app and Teams adapter with the SDK's token
validation, the fake token issuer and Bot Connector on loopback, one app and one pair of
fakes for the whole module; the same checks as on local."""

from __future__ import annotations

import tempfile
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
import pytest_asyncio
from aiohttp.test_utils import TestClient, TestServer

from adapters.http import build_web_app
from bot.app import Weerbaar
from tests.conftest import FakeClock, make_settings
from tests.conversations.checks import check
from tests.conversations.corpus import CHATS
from tests.conversations.driver import transcript
from tests.conversations.known_failing import KNOWN_FAILING
from tests.conversations.remote import TeamsTransport
from tests.conversations.replay import START, enrol_people, person_name, play
from tests.e2e.test_teams_e2e import APP_ID, APP_PASSWORD, TENANT, Bot
from tests.fakes.teams import teams_fakes

pytestmark = pytest.mark.asyncio(loop_scope="module")


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def world() -> AsyncIterator[tuple[Bot, FakeClock]]:
    with tempfile.TemporaryDirectory() as tmp, teams_fakes(APP_ID, APP_PASSWORD, TENANT) as fakes:
        issuer, connector = fakes
        clock = FakeClock(START)
        settings = make_settings(
            f"sqlite+aiosqlite:///{tmp}/teams.db", Path(tmp), **issuer.settings()
        )
        app = await Weerbaar.create(settings, clock=clock)
        client: TestClient[Any, Any] = TestClient(TestServer(build_web_app(app), host="127.0.0.1"))
        await client.start_server()
        bot = Bot(app, client, issuer, connector)
        yield bot, clock
        await bot.client.close()
        await app.close()


def _param(name: str) -> object:
    reason = KNOWN_FAILING.get(name)
    marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
    return pytest.param(name, marks=marks, id=name)


BY_NAME = {c.name: c for c in CHATS}


@pytest.mark.parametrize("name", [_param(c.name) for c in CHATS])
async def test_chat_over_teams(name: str, world: tuple[Bot, FakeClock]) -> None:
    bot, clock = world
    n = list(BY_NAME).index(name)
    chat = BY_NAME[name]
    aad = f"aad-corpus-{n}"
    pid, handler = await enrol_people(bot.app, chat, n, aad=aad)
    transport = TeamsTransport(bot, aad, person_name(chat))
    await transport.person.install()
    replay = await play(chat, transport, clock, pid, handler)
    problems = check(replay)
    assert problems == [], "\n".join([*problems, transcript(replay)])
