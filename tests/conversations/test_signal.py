"""The corpus replayed over Signal: the real adapter, the fake signal-cli-rest-api on
loopback, one app and one fake for the whole module; the same checks as on local."""

from __future__ import annotations

import tempfile
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import pytest_asyncio

from adapters.signal.adapter import SignalAdapter
from adapters.signal.runtime import start_signal
from bot.app import Weerbaar
from tests.conftest import FakeClock, make_settings
from tests.conversations.checks import check
from tests.conversations.corpus import CHATS
from tests.conversations.driver import transcript
from tests.conversations.known_failing import KNOWN_FAILING
from tests.conversations.remote import SignalTransport
from tests.conversations.replay import START, enrol_people, play
from tests.e2e.test_signal_e2e import BOT, FAST, eventually
from tests.fakes.signal_rest import FakeSignalRestApi

pytestmark = pytest.mark.asyncio(loop_scope="module")


@dataclass
class World:
    app: Weerbaar
    fake: FakeSignalRestApi
    signal: SignalAdapter
    clock: FakeClock


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def world() -> AsyncIterator[World]:
    with tempfile.TemporaryDirectory() as tmp, FakeSignalRestApi(BOT) as fake:
        clock = FakeClock(START)
        settings = make_settings(
            f"sqlite+aiosqlite:///{tmp}/signal.db",
            Path(tmp),
            signal_api=fake.address,
            signal_number=BOT,
        )
        app = await Weerbaar.create(settings, clock=clock)
        signal = await start_signal(app, **FAST)
        assert signal is not None
        await eventually(lambda: fake.connected == 1 and signal.connected)
        world = World(app, fake, signal, clock)
        yield world
        await world.signal.stop()
        await app.close()


def _param(name: str) -> object:
    reason = KNOWN_FAILING.get(name)
    marks = [pytest.mark.xfail(reason=reason, strict=True)] if reason else []
    return pytest.param(name, marks=marks, id=name)


BY_NAME = {c.name: c for c in CHATS}


@pytest.mark.parametrize("name", [_param(c.name) for c in CHATS])
async def test_chat_over_signal(name: str, world: World) -> None:
    n = list(BY_NAME).index(name)
    chat = BY_NAME[name]
    phone = f"+3162{n:07d}"
    pid, handler = await enrol_people(world.app, chat, n, phone=phone)
    transport = SignalTransport(world.app, world.fake, world.signal, phone)
    try:
        replay = await play(chat, transport, world.clock, pid, handler)
    finally:
        world.signal = transport.signal  # a restart in the chat replaced the adapter
    problems = check(replay)
    assert problems == [], "\n".join([*problems, transcript(replay)])
